/* venture-canvas-private.h: what the canvas keeps for the rest of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-canvas.h"

G_BEGIN_DECLS

/* The segment notes in stacking order (borrowed, do not change it):
 * kept by the canvas, so that a marker asking for its colour costs
 * O(log n), not a walk over every note. */
GPtrArray *_venture_canvas_peek_segments      (VentureCanvas *self);
/* @note's place among them, or -1 when it is not a segment note held by
 * this canvas. */
int        _venture_canvas_get_segment_index  (VentureCanvas *self,
                                               VentureNote   *note);

G_END_DECLS
