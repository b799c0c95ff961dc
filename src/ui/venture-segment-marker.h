/* venture-segment-marker.h: a segment's initial, drawn on its disc
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VENTURE_TYPE_SEGMENT_MARKER (venture_segment_marker_get_type ())

/* One line of text, centred, styled as a "label" node: what a GtkLabel
 * showed for a marker, without the selection, keys and measuring modes
 * that make a GtkLabel costly on a thousand notes. Made by
 * venture_segment_marker_new() in venture-tag-chips.h. */
G_DECLARE_FINAL_TYPE (VentureSegmentMarker, venture_segment_marker, VENTURE, SEGMENT_MARKER, GtkWidget)

const char *venture_segment_marker_get_text (VentureSegmentMarker *self);

G_END_DECLS
