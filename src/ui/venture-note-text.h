/* venture-note-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of a note laid out without a PangoLayout: words are shaped
 * once per font and kept, so a thousand notes cost sums, not shaping.
 * Only for text whose lines break exactly at its spaces. */
typedef struct _VentureNoteText VentureNoteText;

VentureNoteText *venture_note_text_new            (PangoContext          *context,
                                                   const char            *text,
                                                   int                    width);
VentureNoteText *venture_note_text_new_within     (PangoContext          *context,
                                                   const char            *text,
                                                   int                    width,
                                                   int                    max_height);
void             venture_note_text_prepare        (PangoContext          *context,
                                                   const char * const    *texts,
                                                   guint                  n_texts);
void             venture_note_text_free           (VentureNoteText       *self);
gboolean         venture_note_text_is_cut         (VentureNoteText       *self);
gboolean         venture_note_text_is_current     (VentureNoteText       *self,
                                                   PangoContext          *context);
int              venture_note_text_get_height     (VentureNoteText       *self);
guint            venture_note_text_get_n_lines    (VentureNoteText       *self);
char            *venture_note_text_dup_line       (VentureNoteText       *self,
                                                   guint                  line);
int              venture_note_text_get_line_width (VentureNoteText       *self,
                                                   guint                  line);
void             venture_note_text_snapshot       (VentureNoteText       *self,
                                                   GtkSnapshot           *snapshot,
                                                   const GdkRGBA         *color);
gboolean         venture_note_text_shows_in       (cairo_t               *cr,
                                                   const cairo_region_t  *visible,
                                                   double                 left,
                                                   double                 top,
                                                   double                 right,
                                                   double                 bottom);
void             venture_note_text_draw           (VentureNoteText       *self,
                                                   cairo_t               *cr,
                                                   const GdkRGBA         *color,
                                                   double                 top,
                                                   double                 bottom,
                                                   const cairo_region_t  *visible);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VentureNoteText, venture_note_text_free)

G_END_DECLS
