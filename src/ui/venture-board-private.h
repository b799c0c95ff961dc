/* venture-board-private.h: what the board's parts ask of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-block-view.h"
#include "venture-board.h"
#include "venture-note-widget.h"

G_BEGIN_DECLS

/* Logical size of a note (before zoom), content box without padding. */
#define VENTURE_NOTE_WIDTH       112
#define VENTURE_NOTE_MIN_HEIGHT  48
#define VENTURE_NOTE_MAX_HEIGHT  136
#define VENTURE_NOTE_PADDING     8

VentureBoard *_venture_board_from_widget     (GtkWidget         *widget);
VentureCanvas *_venture_board_get_canvas     (VentureBoard      *self);
/* Whether the canvas may change through the board (it has one and is
 * not read-only). */
gboolean _venture_board_can_edit             (VentureBoard      *self);

/* From a note widget (its actions and gestures). */
void     _venture_board_note_clicked         (VentureBoard      *self,
                                              VentureNoteWidget *widget,
                                              GdkModifierType    state);
void     _venture_board_edit_note            (VentureBoard      *self,
                                              VentureNoteWidget *widget);
void     _venture_board_recolor_note         (VentureBoard      *self,
                                              VentureNoteWidget *widget,
                                              const char        *color);
void     _venture_board_delete_note          (VentureBoard      *self,
                                              VentureNoteWidget *widget);
void     _venture_board_duplicate_note       (VentureBoard      *self,
                                              VentureNoteWidget *widget);
void     _venture_board_move_note_to         (VentureBoard      *self,
                                              VentureNoteWidget *widget,
                                              const char        *block_id);
void     _venture_board_note_block_changed   (VentureBoard      *self,
                                              VentureNoteWidget *widget);
void     _venture_board_drag_prepare         (VentureBoard      *self,
                                              VentureNoteWidget *widget,
                                              double             x,
                                              double             y);
void     _venture_board_drag_end             (VentureBoard      *self);
/* The blocks a note can be moved to, for the "Move to" menu: an array
 * of const VentureBlockInfo *, the unsorted tray last. */
GPtrArray *_venture_board_list_blocks        (VentureBoard      *self);
void     _venture_board_update_actions       (VentureBoard      *self);

/* From a block view. */
VentureNote *_venture_board_add_note_at      (VentureBoard      *self,
                                              VentureBlockView  *view,
                                              double             x,
                                              double             y,
                                              const char        *text,
                                              gboolean           edit);
gboolean _venture_board_drop_note            (VentureBoard      *self,
                                              VentureBlockView  *view,
                                              VentureNote       *note,
                                              double             x,
                                              double             y);
void     _venture_board_select_in_rect       (VentureBoard      *self,
                                              VentureBlockView  *view,
                                              const graphene_rect_t *rect,
                                              gboolean           extend);
void     _venture_board_clear_selection      (VentureBoard      *self);

/* The notes' keys, for the board that holds them. */
GtkEventController *_venture_note_widget_shortcuts_new (void);

/* The block's label, for the note's accessible description. */
void     _venture_note_widget_set_block_label (VentureNoteWidget *self,
                                               const char        *label);

/* A block of a read-only board offers no "Add Note" button. */
void     _venture_block_view_set_editable     (VentureBlockView  *self,
                                               gboolean           editable);

/* Where a note is in its block, from the model: the allocation may not
 * be there yet for a note added or moved a moment ago. */
void     _venture_block_view_note_rect        (VentureBlockView  *self,
                                               GtkWidget         *note,
                                               graphene_rect_t   *rect);

/* Between a note and its block's drawing cache. */
void     _venture_block_view_invalidate       (VentureBlockView  *self);
void     _venture_block_view_note_changed     (VentureBlockView  *self,
                                               GtkWidget         *note);
gboolean _venture_note_widget_is_moving       (VentureNoteWidget *self);
void     _venture_note_widget_set_dragging    (VentureNoteWidget *self,
                                               gboolean           dragging);

G_END_DECLS
