/* venture-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-canvas.h"
#include "venture-history.h"
#include "venture-template.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_BOARD (venture_board_get_type ())

/* The canvas as a wall of sticky notes: one VentureBlockView per block of
 * the template plus the "Unsorted" tray, one VentureNoteWidget per note.
 * Every change goes through the VentureCanvas operations, and compound
 * ones are grouped in the VentureHistory (when one is set), so each user
 * action is one undo step. Actions: "board.*" (see the class init). */
G_DECLARE_FINAL_TYPE (VentureBoard, venture_board, VENTURE, BOARD, GtkWidget)

/* The clipboard format: a JSON array of notes as in the canvas file. */
#define VENTURE_NOTES_MIME_TYPE "application/x-venture-notes+json"

#define VENTURE_BOARD_ZOOM_MIN 0.25
#define VENTURE_BOARD_ZOOM_MAX 4.0

GtkWidget       *venture_board_new            (void);
VentureTemplate *venture_board_get_template   (VentureBoard    *self);
void             venture_board_set_template   (VentureBoard    *self,
                                               VentureTemplate *template);
VentureCanvas   *venture_board_get_canvas     (VentureBoard    *self);
void             venture_board_set_canvas     (VentureBoard    *self,
                                               VentureCanvas   *canvas);
VentureHistory  *venture_board_get_history    (VentureBoard    *self);
/* @history may be NULL (nothing is grouped then). */
void             venture_board_set_history    (VentureBoard    *self,
                                               VentureHistory  *history);
/* A block of the template, or "unsorted" for the tray. */
GtkWidget       *venture_board_get_block_view (VentureBoard    *self,
                                               const char      *block_id);
GtkWidget       *venture_board_get_tray       (VentureBoard    *self);
GtkWidget       *venture_board_get_note_widget (VentureBoard   *self,
                                                VentureNote    *note);
/* The selected notes, in stacking order; a new array. */
GPtrArray       *venture_board_get_selection  (VentureBoard    *self);
void             venture_board_select_note    (VentureBoard    *self,
                                               VentureNote     *note,
                                               gboolean         extend);
/* 1.0 fits the canvas to the window. */
double           venture_board_get_zoom       (VentureBoard    *self);
void             venture_board_set_zoom       (VentureBoard    *self,
                                               double           zoom);
void             venture_board_zoom_at        (VentureBoard    *self,
                                               double           zoom,
                                               double           x,
                                               double           y);
/* A read-only board shows its canvas and lets notes be selected, copied
 * and dragged out (another board copies them), but refuses every change:
 * its editing actions are disabled and a gesture, key or drop that
 * would change the canvas does nothing. */
gboolean         venture_board_get_read_only  (VentureBoard    *self);
void             venture_board_set_read_only  (VentureBoard    *self,
                                               gboolean         read_only);
/* The note being edited in place, or NULL. */
VentureNote     *venture_board_get_editing    (VentureBoard    *self);
GtkTextView     *venture_board_get_editor     (VentureBoard    *self);
/* Ends editing in place, committing the text. */
void             venture_board_stop_editing   (VentureBoard    *self);

G_END_DECLS
