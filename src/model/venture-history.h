/* venture-history.h: undo and redo of canvas changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "venture-canvas.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_HISTORY (venture_history_get_type ())

/* Records every ::changed of one canvas as steps of VentureChange deltas.
 * Knows nothing of widgets. Properties: can-undo, can-redo, modified
 * (FALSE exactly at the clean point), undo-label, redo-label (translated,
 * e.g. "Move Note"; NULL when there is nothing), n-undo, n-redo. */
G_DECLARE_FINAL_TYPE (VentureHistory, venture_history, VENTURE, HISTORY, GObject)

VentureHistory *venture_history_new            (VentureCanvas  *canvas);
VentureCanvas  *venture_history_get_canvas     (VentureHistory *self);

/* Makes every change until the matching end_group one step with @label
 * (translated, e.g. "Delete 3 Notes", "Tidy Block"). Groups nest; only the
 * outermost label counts. A drag is one group however far it goes. */
void            venture_history_begin_group    (VentureHistory *self,
                                                const char     *label);
void            venture_history_end_group      (VentureHistory *self);

gboolean        venture_history_undo           (VentureHistory *self);
gboolean        venture_history_redo           (VentureHistory *self);
gboolean        venture_history_get_can_undo   (VentureHistory *self);
gboolean        venture_history_get_can_redo   (VentureHistory *self);
const char     *venture_history_get_undo_label (VentureHistory *self);
const char     *venture_history_get_redo_label (VentureHistory *self);

/* The saved state: modified is FALSE exactly here. */
void            venture_history_mark_clean     (VentureHistory *self);
gboolean        venture_history_get_modified   (VentureHistory *self);

G_END_DECLS
