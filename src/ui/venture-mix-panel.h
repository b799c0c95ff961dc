/* venture-mix-panel.h: the relationship mix at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-board.h"
#include "venture-mix.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_MIX_PANEL (venture_mix_panel_get_type ())

/* A side panel over a VentureMix: the type-by-stage matrix, the balance
 * of inbound and outbound strategies, and hints that can be dismissed.
 * Choosing a number or a strategy highlights the matching notes on the
 * board and dims the rest (CSS classes "highlighted" and "dimmed" on the
 * note widgets). It also keeps the board's segment markers current when
 * segment notes come, go or are renamed. */
G_DECLARE_FINAL_TYPE (VentureMixPanel, venture_mix_panel, VENTURE, MIX_PANEL, GtkWidget)

GtkWidget  *venture_mix_panel_new             (void);
/* Follows @board and its canvas (call again when the canvas changes). */
void        venture_mix_panel_set_board       (VentureMixPanel        *self,
                                               VentureBoard           *board);
VentureMix *venture_mix_panel_get_mix         (VentureMixPanel        *self);
/* Highlights the notes matching @filter (copied); NULL or an empty
 * filter clears. */
void        venture_mix_panel_set_highlight   (VentureMixPanel        *self,
                                               const VentureMixFilter *filter);
gboolean    venture_mix_panel_has_highlight   (VentureMixPanel        *self);
void        venture_mix_panel_clear_highlight (VentureMixPanel        *self);
/* The matrix cell's button (@stage may be VENTURE_MIX_NO_STAGE), for
 * tests and keyboard users. */
GtkButton  *venture_mix_panel_get_cell        (VentureMixPanel        *self,
                                               guint                   type,
                                               guint                   stage);
GtkWidget  *venture_mix_panel_get_hints_box   (VentureMixPanel        *self);

G_END_DECLS
