/* venture-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-template.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_BOARD (venture_board_get_type ())

G_DECLARE_FINAL_TYPE (VentureBoard, venture_board, VENTURE, BOARD, GtkWidget)

GtkWidget       *venture_board_new            (void);
VentureTemplate *venture_board_get_template   (VentureBoard    *self);
void             venture_board_set_template   (VentureBoard    *self,
                                               VentureTemplate *template);
GtkWidget       *venture_board_get_block_view (VentureBoard    *self,
                                               const char      *block_id);

G_END_DECLS
