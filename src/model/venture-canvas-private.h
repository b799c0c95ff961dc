/* venture-canvas-private.h: what only the model and its readers may do
 * to a canvas, and what the canvas keeps for the rest of the model
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

/* The segment notes in stacking order (borrowed, do not change it):
 * kept by the canvas, so that a marker asking for its colour costs
 * O(log n), not a walk over every note. */
GPtrArray   *_venture_canvas_peek_segments       (VentureCanvas *self);
/* @note's place among them, or -1 when it is not a segment note held by
 * this canvas. */
int          _venture_canvas_get_segment_index   (VentureCanvas *self,
                                                  VentureNote   *note);

G_END_DECLS
