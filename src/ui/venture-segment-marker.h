/* venture-segment-marker.h: a segment's initial, drawn on its disc
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VENTURE_TYPE_SEGMENT_MARKER (venture_segment_marker_get_type ())

/* A segment's initial on a disc of its colour: drawn by itself (not by
 * CSS nor a GtkLabel, costly on a thousand notes), with the functions
 * below that draw a marker without a widget too. Made by
 * venture_segment_marker_new() in venture-tag-chips.h. */
G_DECLARE_FINAL_TYPE (VentureSegmentMarker, venture_segment_marker, VENTURE, SEGMENT_MARKER, GtkWidget)

const char *venture_segment_marker_get_text (VentureSegmentMarker *self);

PangoLayout *_venture_segment_marker_new_layout (PangoContext *context,
                                                 const char   *text);
void         _venture_segment_marker_get_size   (PangoLayout  *layout,
                                                 int          *width,
                                                 int          *height);
void         _venture_segment_marker_append     (GtkSnapshot  *snapshot,
                                                 PangoLayout  *layout,
                                                 guint         color_index,
                                                 int           width,
                                                 int           height);

G_END_DECLS
