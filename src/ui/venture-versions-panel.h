/* venture-versions-panel.h: the Versions panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-board.h"
#include "venture-canvas.h"
#include "venture-comparison.h"
#include "venture-history.h"
#include "venture-version.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_VERSIONS_PANEL (venture_versions_panel_get_type ())

/* Lists a canvas's versions, saves new ones, restores and deletes them
 * (each one undoable step of the history), and compares one with the
 * canvas as it is now: a summary, what changed, the relationship mix of
 * both side by side, and a mark with a symbol on every changed note of
 * the board. Signal "open-version" (VentureVersion): the user asked to
 * see a version on its own, read-only. */
G_DECLARE_FINAL_TYPE (VentureVersionsPanel, venture_versions_panel, VENTURE, VERSIONS_PANEL, GtkWidget)

GtkWidget         *venture_versions_panel_new        (void);
/* @history may be NULL; @board (may be NULL) receives the marks. */
void               venture_versions_panel_bind       (VentureVersionsPanel  *self,
                                                      VentureCanvas         *canvas,
                                                      VentureHistory        *history,
                                                      VentureBoard          *board);
/* What the buttons do, for tests and the window. */
VentureVersion    *venture_versions_panel_save       (VentureVersionsPanel  *self,
                                                      const char            *name,
                                                      GError               **error);
void               venture_versions_panel_compare    (VentureVersionsPanel  *self,
                                                      VentureVersion        *version);
/* @version against another version, or against the canvas (NULL); the
 * board's notes are marked only in the second case, since the board
 * shows the canvas. */
void               venture_versions_panel_compare_versions (VentureVersionsPanel *self,
                                                            VentureVersion       *version,
                                                            VentureVersion       *against);
void               venture_versions_panel_stop_comparing (VentureVersionsPanel *self);
/* The comparison shown, or NULL. */
VentureComparison *venture_versions_panel_get_comparison (VentureVersionsPanel *self);
/* What a side of the comparison shown is called: a version's name, or
 * "Now" for the canvas; NULL when nothing is compared. */
char              *venture_versions_panel_dup_side_name (VentureVersionsPanel  *self,
                                                         VentureComparisonSide  side);
/* The summary line shown while comparing. */
const char        *venture_versions_panel_get_summary (VentureVersionsPanel *self);

G_END_DECLS
