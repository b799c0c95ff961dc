/* venture-segments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-segments"

#include "config.h"

#include "venture-canvas-private.h"
#include "venture-segments.h"

/* Dark enough for a white initial, apart in hue and in lightness so that
 * neighbours differ in a greyscale print too; the initial carries the
 * identity, the colour only helps. */
static const VentureSegmentColor segment_colors[VENTURE_SEGMENTS_N_COLORS] = {
  { "#1a5fb4", "#ffffff" },  /* blue */
  { "#a51d2d", "#ffffff" },  /* red */
  { "#1d6b3e", "#ffffff" },  /* green */
  { "#613583", "#ffffff" },  /* purple */
  { "#a04500", "#ffffff" },  /* orange */
  { "#0b6570", "#ffffff" },  /* teal */
  { "#8f2a6a", "#ffffff" },  /* magenta */
  { "#4d3a26", "#ffffff" },  /* brown */
};

static const char * const linking_blocks[] = {
  "value-propositions",
  "channels",
  "customer-relationships",
  "revenue-streams",
};

gboolean
venture_segments_block_can_link (const char *block)
{
  if (block == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (linking_blocks); i++)
    if (g_str_equal (block, linking_blocks[i]))
      return TRUE;

  return FALSE;
}

gboolean
venture_segments_is_segment (VentureNote *note)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (note), FALSE);

  return g_strcmp0 (venture_note_get_block (note), VENTURE_SEGMENTS_BLOCK) == 0;
}

GPtrArray *
venture_segments_list (VentureCanvas *canvas)
{
  GPtrArray *segments;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), g_ptr_array_new ());

  segments = _venture_canvas_peek_segments (canvas);
  return g_ptr_array_copy (segments, NULL, NULL);
}

int
venture_segments_get_index (VentureCanvas *canvas,
                            const char    *id)
{
  VentureNote *target;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), -1);

  target = id != NULL ? venture_canvas_lookup_note (canvas, id) : NULL;
  if (target == NULL)
    return -1;

  return _venture_canvas_get_segment_index (canvas, target);
}

char *
venture_segments_dup_initial (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[8];
      int length;

      if (!g_unichar_isalnum (c))
        continue;
      length = g_unichar_to_utf8 (g_unichar_toupper (c), buffer);
      return g_strndup (buffer, length);
    }

  return g_strdup ("?");
}

const VentureSegmentColor *
venture_segments_get_color (guint index)
{
  return &segment_colors[index % VENTURE_SEGMENTS_N_COLORS];
}

gboolean
venture_segments_note_serves (VentureNote *note,
                              const char  *segment_id)
{
  const char * const *segments;

  g_return_val_if_fail (VENTURE_IS_NOTE (note), FALSE);

  segments = venture_note_get_segments (note);
  return segments != NULL && segment_id != NULL &&
         g_strv_contains (segments, segment_id);
}

void
venture_segments_set_linked (VentureCanvas *canvas,
                             VentureNote   *note,
                             const char    *segment_id,
                             gboolean       linked)
{
  const char * const *segments;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (canvas));
  g_return_if_fail (VENTURE_IS_NOTE (note));
  g_return_if_fail (segment_id != NULL && *segment_id != '\0');

  if (venture_segments_note_serves (note, segment_id) == !!linked)
    return;

  builder = g_strv_builder_new ();
  segments = venture_note_get_segments (note);
  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    if (!g_str_equal (segments[i], segment_id))
      g_strv_builder_add (builder, segments[i]);
  if (linked)
    g_strv_builder_add (builder, segment_id);
  result = g_strv_builder_end (builder);

  venture_canvas_set_note_segments (canvas, note,
                                    result[0] != NULL ? (const char * const *) result : NULL);
}

void
venture_segments_remove_note (VentureCanvas *canvas,
                              VentureNote   *note)
{
  g_autoptr(VentureNote) keep = NULL;
  const char *id;

  g_return_if_fail (VENTURE_IS_CANVAS (canvas));
  g_return_if_fail (VENTURE_IS_NOTE (note));

  keep = g_object_ref (note);
  id = venture_note_get_id (note);

  /* Any note may name it: a file could link a note of any block. */
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      VentureNote *other = venture_canvas_get_note (canvas, i);

      if (other != note && venture_segments_note_serves (other, id))
        venture_segments_set_linked (canvas, other, id, FALSE);
    }

  venture_canvas_remove_note (canvas, note);
}
