/* venture-canvas-private.h: what only the model and its readers may do
 * to a canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-canvas.h"

G_BEGIN_DECLS

/* For a reader filling a canvas it has just made, that nobody watches
 * yet: appends @note (free) like venture_canvas_append_note() but
 * without ::changed, items-changed or notify, which would cost as much
 * as building the note, and takes the caller's reference rather than
 * one of its own. When the canvas already holds a note with the same id,
 * appends nothing, leaves the reference to the caller and returns that
 * note (transfer none); NULL otherwise. */
VentureNote *_venture_canvas_take_note_unwatched (VentureCanvas *self,
                                                  VentureNote   *note);

G_END_DECLS
