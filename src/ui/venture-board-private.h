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
/* From this many notes on, a block draws its resting notes from an image
 * made once (see venture-block-view.c). */
#define VENTURE_BLOCK_CACHE_MIN_NOTES 8
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
/* The notes of a crowded block of a big canvas, bottom up, drawn from
 * sketches until the board gives the block its notes' widgets, bottom up
 * (FALSE when the block holds note widgets already: then the board
 * places them). */
void     _venture_block_view_set_sketches     (VentureBlockView  *self,
                                               GPtrArray         *notes);
gboolean _venture_block_view_has_sketches     (VentureBlockView  *self);
gboolean _venture_block_view_is_at_rest       (VentureBlockView  *self);
GdkPaintable *_venture_block_view_drag_icon_new (GtkWidget       *note,
                                                guint            n_notes,
                                                int             *note_y);
gboolean _venture_block_view_adopt_notes      (VentureBlockView  *self,
                                               GPtrArray         *widgets);
void     _venture_board_ensure_note_widgets   (VentureBoard      *self);
gboolean _venture_note_widget_is_moving       (VentureNoteWidget *self);
void     _venture_note_widget_set_dragging    (VentureNoteWidget *self,
                                               gboolean           dragging);
/* A note that shows only its paper, text and chips (no mark or state
 * that CSS draws) is painted straight onto a crowded block's image, in
 * its content's coordinates; @area is a rectangle around the part that
 * shows and @visible (device pixels, or NULL) that part: lines of text
 * that do not reach it may be left out. */
gboolean _venture_note_widget_can_paint       (VentureNoteWidget *self);
void     _venture_note_widget_paint           (VentureNoteWidget *self,
                                               cairo_t           *cr,
                                               const graphene_rect_t *area,
                                               const cairo_region_t  *visible);

/* A note drawn before it has its widget: the crowded blocks of a big
 * canvas show their first frame from sketches, and the widgets come
 * right after it (see venture_board_ensure_note_widgets). */
typedef struct _VentureNoteSketch VentureNoteSketch;

gboolean           _venture_note_can_sketch         (VentureNote           *note);
VentureNoteSketch *_venture_note_sketch_new         (VentureNote           *note,
                                                     VentureCanvas         *canvas,
                                                     PangoContext          *context);
void               _venture_note_sketch_free        (VentureNoteSketch     *sketch);
VentureNote       *_venture_note_sketch_get_note    (VentureNoteSketch     *sketch);
gboolean           _venture_note_sketch_is_current  (VentureNoteSketch     *sketch,
                                                     PangoContext          *context);
gboolean           _venture_note_sketch_shows_note  (VentureNoteSketch     *sketch);
void               _venture_note_widget_take_sketch (VentureNoteWidget     *self,
                                                     VentureNoteSketch     *sketch);
void               _venture_note_sketch_get_size    (VentureNoteSketch     *sketch,
                                                     int                   *width,
                                                     int                   *height);
void               _venture_note_sketch_paint       (VentureNoteSketch     *sketch,
                                                     cairo_t               *cr,
                                                     const graphene_rect_t *area,
                                                     const cairo_region_t  *visible);

G_END_DECLS
