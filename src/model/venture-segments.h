/* venture-segments.h: notes in Customer Segments and the notes that serve them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-canvas.h"

G_BEGIN_DECLS

#define VENTURE_SEGMENTS_BLOCK "customer-segments"

/* How many marker colours there are; a segment's colour is its position
 * among the segment notes modulo this. */
#define VENTURE_SEGMENTS_N_COLORS 8

typedef struct {
  const char *fill;   /* "#rrggbb", the marker's disc */
  const char *ink;    /* "#rrggbb", its initial, >= 4.5:1 on fill */
} VentureSegmentColor;

/* Whether notes of @block may serve segments (Value Propositions,
 * Channels, Customer Relationships, Revenue Streams). */
gboolean       venture_segments_block_can_link   (const char    *block);
gboolean       venture_segments_is_segment       (VentureNote   *note);
/* The notes of Customer Segments in stacking order; a new array of
 * borrowed notes. */
GPtrArray     *venture_segments_list             (VentureCanvas *canvas);
/* The position of the segment note @id among them, or -1 when no
 * segment note has that id (deleted, or not a segment). */
int            venture_segments_get_index        (VentureCanvas *canvas,
                                                  const char    *id);
/* The marker's glyph: the first letter or digit of @text, upper-cased,
 * as a new UTF-8 string; "?" when there is none. */
char          *venture_segments_dup_initial      (const char    *text);
const VentureSegmentColor *venture_segments_get_color (guint     index);
gboolean       venture_segments_note_serves      (VentureNote   *note,
                                                  const char    *segment_id);
/* Links or unlinks @note to the segment @segment_id: one change. */
void           venture_segments_set_linked       (VentureCanvas *canvas,
                                                  VentureNote   *note,
                                                  const char    *segment_id,
                                                  gboolean       linked);
/* Removes @note; when it is a segment note, first unlinks it from every
 * note that serves it, so no note points at a deleted segment. Callers
 * wrap it in a history group so that one undo restores both. */
void           venture_segments_remove_note      (VentureCanvas *canvas,
                                                  VentureNote   *note);

G_END_DECLS
