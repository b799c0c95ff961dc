/* venture-note-widget.h: one sticky note on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-note.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_NOTE_WIDGET (venture_note_widget_get_type ())

/* A light widget (no children) that draws its note's text itself, so a
 * board of 10,000 notes is 10,000 widgets, not 30,000. It follows its
 * VentureNote through GObject::notify; it never changes the note: its
 * actions ("note.*") ask the board, which goes through the canvas.
 *
 * A crowded block draws its resting notes from one image (see
 * venture-block-view.c): whatever changes how a note looks must tell its
 * block (invalidate_parent() in the .c), a queue_draw alone is not seen. */
G_DECLARE_FINAL_TYPE (VentureNoteWidget, venture_note_widget, VENTURE, NOTE_WIDGET, GtkWidget)

GtkWidget   *venture_note_widget_new          (VentureNote       *note);
VentureNote *venture_note_widget_get_note     (VentureNoteWidget *self);
/* TRUE when the text does not fit and the note shows an ellipsis. */
gboolean     venture_note_widget_is_truncated (VentureNoteWidget *self);
gboolean     venture_note_widget_uses_fast_text (VentureNoteWidget *self);
gboolean     venture_note_widget_get_selected (VentureNoteWidget *self);
void         venture_note_widget_set_selected (VentureNoteWidget *self,
                                               gboolean           selected);
/* Opens the context menu (colours, delete, duplicate, move to). */
void         venture_note_widget_popup_menu   (VentureNoteWidget *self);
/* A mark from a comparison of versions: a short @symbol ("+", "→")
 * drawn in a badge on the note's corner, so that it never rests on
 * colour alone, and its @description for the tooltip and screen
 * readers ("Moved from Key Activities"). NULL clears it. */
void         venture_note_widget_set_mark     (VentureNoteWidget *self,
                                               const char        *symbol,
                                               const char        *description);
const char  *venture_note_widget_get_mark     (VentureNoteWidget *self);

/* The CSS class for a colour id: the id itself when known, else the
 * default colour's (an unknown id is kept in the note, shown as yellow). */
const char  *venture_note_widget_color_class  (const char        *color);

/* Relationships (issue 6). The popover that tags the note (Ctrl+T). */
void         venture_note_widget_popup_tags   (VentureNoteWidget *self);
/* The open tag popover, or NULL. */
GtkPopover  *venture_note_widget_get_tag_popover (VentureNoteWidget *self);
/* Rebuilds the chips and segment markers (after a segment note changed). */
void         venture_note_widget_sync_tags    (VentureNoteWidget *self);
/* The chips in order: relationship, stage, strategy, then the markers
 * (the note's own first when it is a segment). */
guint        venture_note_widget_get_n_chips  (VentureNoteWidget *self);
GtkWidget   *venture_note_widget_get_chip     (VentureNoteWidget *self,
                                               guint              index);

G_END_DECLS
