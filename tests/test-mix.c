/* test-mix.c: the relationship mix counted on the example canvases,
 * hints that follow the canvas, segment links; no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas.h"
#include "venture-examples.h"
#include "venture-history.h"
#include "venture-mix.h"
#include "venture-segments.h"
#include "venture-taxonomy.h"

static guint
index_of (VentureTagKind  kind,
          const char     *id)
{
  const VentureTag *tags;
  guint n;

  tags = venture_taxonomy_get_tags (kind, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (tags[i].id, id))
      return i;

  g_assert_not_reached ();
}

static guint
count (VentureMix *mix,
       const char *type,
       const char *stage)
{
  return venture_mix_get_count (mix, index_of (VENTURE_TAG_RELATIONSHIP, type),
                                stage != NULL ? index_of (VENTURE_TAG_STAGE, stage) : VENTURE_MIX_NO_STAGE);
}

/* The sum of every cell, to prove no other cell counts anything. */
static guint
total (VentureMix *mix)
{
  guint sum = 0;

  for (guint type = 0; type < 9; type++)
    for (guint stage = 0; stage < VENTURE_MIX_N_STAGE_COLUMNS; stage++)
      sum += venture_mix_get_count (mix, type, stage);

  return sum;
}

static char *
hint_ids (VentureMix *mix)
{
  g_autoptr(GPtrArray) hints = venture_mix_get_hints (mix);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < hints->len; i++)
    {
      VentureMixHint *hint = g_ptr_array_index (hints, i);

      g_assert_nonnull (hint->message);
      g_assert_true (g_str_has_suffix (hint->message, "?") || strchr (hint->message, '?') != NULL);
      g_strv_builder_add (builder, hint->id);
    }
  ids = g_strv_builder_end (builder);

  return g_strjoinv (",", ids);
}

static void
test_bike_repair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = venture_examples_load ("bike-repair", &error);
  g_autoptr(VentureMix) mix = NULL;
  g_autofree char *hints = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), >=, 15);
  mix = venture_mix_new (canvas);

  /* Before the feedback: dedicated assistance and long-term bonds, plus
   * self-service for retention. */
  g_assert_cmpuint (count (mix, "dedicated-assistance", "acquisition"), ==, 2);
  g_assert_cmpuint (count (mix, "dedicated-assistance", "retention"), ==, 1);
  g_assert_cmpuint (count (mix, "long-term", "retention"), ==, 1);
  g_assert_cmpuint (count (mix, "long-term", "upselling"), ==, 1);
  g_assert_cmpuint (count (mix, "self-service", "retention"), ==, 2);
  g_assert_cmpuint (total (mix), ==, 7);
  g_assert_cmpuint (venture_mix_get_n_tagged (mix), ==, 7);

  g_assert_cmpuint (venture_mix_get_n_inbound (mix), ==, 0);
  g_assert_cmpuint (venture_mix_get_n_outbound (mix), ==, 3);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "advertising")), ==, 2);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "cold-calling")), ==, 1);

  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "outbound-only");

  /* The weekend cyclists alone. */
  venture_mix_set_segment (mix, "br-02");
  g_assert_cmpstr (venture_mix_get_segment (mix), ==, "br-02");
  g_assert_cmpuint (count (mix, "dedicated-assistance", "acquisition"), ==, 1);
  g_assert_cmpuint (count (mix, "dedicated-assistance", "retention"), ==, 0);
  g_assert_cmpuint (count (mix, "long-term", "retention"), ==, 1);
  g_assert_cmpuint (count (mix, "long-term", "upselling"), ==, 0);
  g_assert_cmpuint (count (mix, "self-service", "retention"), ==, 2);
  g_assert_cmpuint (total (mix), ==, 4);
  g_assert_cmpuint (venture_mix_get_n_outbound (mix), ==, 2);
  g_assert_cmpuint (venture_mix_get_n_inbound (mix), ==, 0);

  /* The commuters. */
  venture_mix_set_segment (mix, "br-01");
  g_assert_cmpuint (count (mix, "dedicated-assistance", "acquisition"), ==, 2);
  g_assert_cmpuint (count (mix, "dedicated-assistance", "retention"), ==, 1);
  g_assert_cmpuint (count (mix, "long-term", "upselling"), ==, 1);
  g_assert_cmpuint (count (mix, "self-service", "retention"), ==, 1);
  g_assert_cmpuint (total (mix), ==, 6);

  venture_mix_set_segment (mix, NULL);
  g_assert_cmpuint (total (mix), ==, 7);
}

static void
test_productivity_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = venture_examples_load ("productivity-service", &error);
  g_autoptr(VentureMix) mix = NULL;
  g_autofree char *hints = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), >=, 15);
  mix = venture_mix_new (canvas);

  g_assert_cmpuint (count (mix, "self-service", "retention"), ==, 3);
  g_assert_cmpuint (count (mix, "self-service", "acquisition"), ==, 1);
  g_assert_cmpuint (count (mix, "automated-service", "acquisition"), ==, 1);
  g_assert_cmpuint (count (mix, "automated-service", "upselling"), ==, 1);
  g_assert_cmpuint (total (mix), ==, 6);

  /* Inbound marketing as a thought leader, no outbound at all. */
  g_assert_cmpuint (venture_mix_get_n_inbound (mix), ==, 6);
  g_assert_cmpuint (venture_mix_get_n_outbound (mix), ==, 0);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "content-marketing")), ==, 2);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "email-newsletter")), ==, 2);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "seo")), ==, 1);
  g_assert_cmpuint (venture_mix_get_strategy_count (mix, index_of (VENTURE_TAG_STRATEGY, "social-media")), ==, 1);

  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");

  venture_mix_set_segment (mix, "ps-02");
  g_assert_cmpuint (count (mix, "self-service", "retention"), ==, 3);
  g_assert_cmpuint (count (mix, "automated-service", "acquisition"), ==, 0);
  g_assert_cmpuint (count (mix, "automated-service", "upselling"), ==, 1);
  g_assert_cmpuint (venture_mix_get_n_inbound (mix), ==, 4);
}

static VentureNote *
add_note (VentureCanvas *canvas,
          const char    *block,
          const char    *text)
{
  g_autofree char *id = venture_canvas_generate_note_id (canvas);
  g_autoptr(VentureNote) note = venture_note_new (id, block);

  venture_note_set_text (note, text);
  venture_canvas_append_note (canvas, note);

  return note;
}

static void
on_mix_changed (VentureMix *mix,
                guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_hints_follow_canvas (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureMix) mix = venture_mix_new (canvas);
  VentureNote *relationship, *cold, *seo, *segment;
  g_autofree char *unserved = NULL;
  char *hints;
  guint n_changed = 0;

  g_signal_connect (mix, "changed", G_CALLBACK (on_mix_changed), &n_changed);

  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);

  relationship = add_note (canvas, "customer-relationships", "Help desk");
  venture_canvas_set_note_tag (canvas, relationship, VENTURE_TAG_RELATIONSHIP, "personal-assistance");
  venture_canvas_set_note_tag (canvas, relationship, VENTURE_TAG_STAGE, "acquisition");
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "no-retention");
  g_free (hints);
  g_assert_cmpuint (count (mix, "personal-assistance", "acquisition"), ==, 1);

  /* One ::changed for the three changes, on the next iteration. */
  g_assert_cmpuint (n_changed, ==, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (n_changed, ==, 1);

  venture_canvas_set_note_tag (canvas, relationship, VENTURE_TAG_STAGE, "retention");
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);
  g_assert_cmpuint (count (mix, "personal-assistance", "acquisition"), ==, 0);
  g_assert_cmpuint (count (mix, "personal-assistance", "retention"), ==, 1);

  cold = add_note (canvas, "channels", "Calls");
  venture_canvas_set_note_tag (canvas, cold, VENTURE_TAG_STRATEGY, "cold-calling");
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "outbound-only");
  g_free (hints);

  seo = add_note (canvas, "channels", "Web site");
  venture_canvas_set_note_tag (canvas, seo, VENTURE_TAG_STRATEGY, "seo");
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);
  g_assert_cmpuint (venture_mix_get_n_inbound (mix), ==, 1);
  g_assert_cmpuint (venture_mix_get_n_outbound (mix), ==, 1);

  venture_canvas_remove_note (canvas, seo);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "outbound-only");
  g_free (hints);

  /* Dismissed, it stays away even as the canvas changes. */
  venture_mix_dismiss_hint (mix, "outbound-only");
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);

  segment = add_note (canvas, "customer-segments", "Students");
  unserved = g_strconcat ("unserved-segment:", venture_note_get_id (segment), NULL);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, unserved);
  g_free (hints);
  {
    g_autoptr(GPtrArray) list = venture_mix_get_hints (mix);
    VentureMixHint *hint = g_ptr_array_index (list, 0);

    g_assert_cmpint (hint->kind, ==, VENTURE_MIX_HINT_UNSERVED_SEGMENT);
    g_assert_cmpstr (hint->segment_id, ==, venture_note_get_id (segment));
    g_assert_nonnull (strstr (hint->message, "Students"));
  }

  /* A value proposition does not serve it the way a relationship does. */
  venture_segments_set_linked (canvas, add_note (canvas, "value-propositions", "Cheap"),
                               venture_note_get_id (segment), TRUE);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, unserved);
  g_free (hints);

  venture_segments_set_linked (canvas, cold, venture_note_get_id (segment), TRUE);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);

  /* Relationships go: no relationship, no retention hint either. */
  venture_canvas_remove_note (canvas, relationship);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "");
  g_free (hints);

  /* Unknown tag ids from a newer version are kept but not counted. */
  relationship = add_note (canvas, "customer-relationships", "Holograms");
  venture_canvas_set_note_tag (canvas, relationship, VENTURE_TAG_RELATIONSHIP, "telepathy");
  g_assert_cmpstr (venture_note_get_relationship (relationship), ==, "telepathy");
  g_assert_cmpuint (total (mix), ==, 0);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, "no-retention");
  g_free (hints);
}

/* A drag moves a note many times a second: moves within a block and
 * restacks of notes other than segments change no count and no hint,
 * and tell no view to update; a move to another block does. */
static void
test_moves (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureMix) mix = venture_mix_new (canvas);
  VentureNote *channel = add_note (canvas, "channels", "Web site");
  VentureNote *segment = add_note (canvas, "customer-segments", "Students");
  VentureNote *other = add_note (canvas, "customer-segments", "Parents");
  g_autofree char *unserved = g_strconcat ("unserved-segment:", venture_note_get_id (segment), NULL);
  g_autofree char *both = NULL;
  char *hints;
  guint n_changed = 0;

  g_signal_connect (mix, "changed", G_CALLBACK (on_mix_changed), &n_changed);
  hints = hint_ids (mix);
  while (g_main_context_iteration (NULL, FALSE));
  g_free (hints);
  n_changed = 0;

  venture_canvas_move_note (canvas, channel, "channels", 500, 700);
  venture_canvas_move_note (canvas, segment, "customer-segments", 900, 100);
  venture_canvas_restack_note (canvas, channel, 2);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (n_changed, ==, 0);

  /* The hints list segments in stacking order. */
  both = g_strdup_printf ("unserved-segment:%s,unserved-segment:%s",
                          venture_note_get_id (other), venture_note_get_id (segment));
  venture_canvas_restack_note (canvas, segment, 2);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (n_changed, ==, 1);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, both);
  g_free (hints);

  venture_canvas_move_note (canvas, other, "channels", 0, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (n_changed, ==, 2);
  hints = hint_ids (mix);
  g_assert_cmpstr (hints, ==, unserved);
  g_free (hints);
}

static void
test_filter (void)
{
  g_autoptr(VentureCanvas) canvas = venture_examples_load ("bike-repair", NULL);
  VentureMixFilter filter = { .relationship = "dedicated-assistance" };
  VentureMixFilter empty = { 0 };
  VentureMixFilter cell = { .relationship = "dedicated-assistance", .stage = "acquisition" };
  VentureMixFilter segment = { .segment = "br-02" };
  guint n_type = 0, n_cell = 0, n_segment = 0;

  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);

      g_assert_false (venture_mix_note_matches (note, &empty));
      n_type += venture_mix_note_matches (note, &filter);
      n_cell += venture_mix_note_matches (note, &cell);
      n_segment += venture_mix_note_matches (note, &segment);
    }

  g_assert_cmpuint (n_type, ==, 3);
  g_assert_cmpuint (n_cell, ==, 2);
  /* Ten notes serve the weekend cyclists, plus their own note. */
  g_assert_cmpuint (n_segment, ==, 11);
}

static void
test_segments (void)
{
  g_autoptr(VentureCanvas) canvas = venture_examples_load ("bike-repair", NULL);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(VentureCanvas) before = venture_canvas_copy (canvas);
  VentureNote *commuters = venture_canvas_lookup_note (canvas, "br-01");
  VentureNote *weekend = venture_canvas_lookup_note (canvas, "br-02");
  g_autoptr(GPtrArray) list = venture_segments_list (canvas);
  g_autofree char *initial = NULL;
  g_autofree char *digit = NULL;
  g_autofree char *none = NULL;
  guint linked = 0;

  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (g_ptr_array_index (list, 0) == commuters);
  g_assert_cmpint (venture_segments_get_index (canvas, "br-01"), ==, 0);
  g_assert_cmpint (venture_segments_get_index (canvas, "br-02"), ==, 1);
  g_assert_cmpint (venture_segments_get_index (canvas, "br-03"), ==, -1);
  g_assert_cmpint (venture_segments_get_index (canvas, "nope"), ==, -1);
  g_assert_cmpstr (venture_segments_get_color (0)->fill, !=, venture_segments_get_color (1)->fill);
  g_assert_true (venture_segments_get_color (VENTURE_SEGMENTS_N_COLORS) == venture_segments_get_color (0));

  initial = venture_segments_dup_initial ("  «élan» riders");
  g_assert_cmpstr (initial, ==, "É");
  digit = venture_segments_dup_initial ("3 teams");
  g_assert_cmpstr (digit, ==, "3");
  none = venture_segments_dup_initial ("…");
  g_assert_cmpstr (none, ==, "?");

  g_assert_true (venture_segments_block_can_link ("channels"));
  g_assert_true (venture_segments_block_can_link ("revenue-streams"));
  g_assert_false (venture_segments_block_can_link ("customer-segments"));
  g_assert_false (venture_segments_block_can_link ("key-partners"));

  /* Deleting a segment unlinks it from every note, one undo step. */
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    linked += venture_segments_note_serves (venture_canvas_get_note (canvas, i), "br-02");
  g_assert_cmpuint (linked, ==, 10);

  venture_history_begin_group_kind (history, VENTURE_HISTORY_LABEL_DELETE);
  venture_segments_remove_note (canvas, weekend);
  venture_history_end_group (history);

  g_assert_null (venture_canvas_lookup_note (canvas, "br-02"));
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    g_assert_false (venture_segments_note_serves (venture_canvas_get_note (canvas, i), "br-02"));
  /* br-18 served only the weekend cyclists: no empty list is left. */
  g_assert_null (venture_note_get_segments (venture_canvas_lookup_note (canvas, "br-18")));
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (venture_history_get_undo_label (history), ==, "Delete Note");

  g_assert_true (venture_history_undo (history));
  g_assert_true (venture_canvas_equal (canvas, before));
  g_assert_true (venture_history_redo (history));
  g_assert_null (venture_canvas_lookup_note (canvas, "br-02"));

  /* Linking and unlinking: one step each, undoable. */
  venture_history_clear (history);
  venture_segments_set_linked (canvas, venture_canvas_lookup_note (canvas, "br-03"), "br-01", FALSE);
  venture_segments_set_linked (canvas, venture_canvas_lookup_note (canvas, "br-03"), "br-01", FALSE);
  g_assert_null (venture_note_get_segments (venture_canvas_lookup_note (canvas, "br-03")));
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 1);
  g_assert_true (venture_history_undo (history));
  g_assert_true (venture_segments_note_serves (venture_canvas_lookup_note (canvas, "br-03"), "br-01"));
}

static gboolean
strv_has (const char * const *strings,
          guint               n,
          const char         *text)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (strings[i], text))
      return TRUE;
  return FALSE;
}

/* The texts marked for translators are exactly those of the examples:
 * nothing untranslatable, nothing stale. */
static void
test_example_strings (void)
{
  const VentureExample *examples;
  const char * const *strings;
  guint n_examples, n_strings, n_texts = 0;

  examples = venture_examples_get_all (&n_examples);
  strings = venture_examples_get_strings (&n_strings);
  g_assert_cmpuint (n_examples, ==, 2);

  for (guint e = 0; e < n_examples; e++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureCanvas) canvas = venture_examples_load_untranslated (examples[e].id, &error);

      g_assert_no_error (error);
      g_assert_true (strv_has (strings, n_strings, venture_canvas_get_title (canvas)));
      g_assert_cmpstr (venture_canvas_get_title (canvas), ==, examples[e].title);
      n_texts++;
      for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
        {
          const char *text = venture_note_get_text (venture_canvas_get_note (canvas, i));

          if (!strv_has (strings, n_strings, text))
            g_error ("“%s” of %s is not in venture-example-strings.c: run build-aux/example-strings.py",
                     text, examples[e].id);
          n_texts++;
        }
    }

  g_assert_cmpuint (n_texts, ==, n_strings);
}

static void
test_unknown_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = venture_examples_load ("moon-base", &error);

  g_assert_null (canvas);
  g_assert_error (error, VENTURE_EXAMPLES_ERROR, VENTURE_EXAMPLES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "moon-base"));
}

/* 10,000 notes, every tenth a segment that the others link: counting
 * after a change stays well under a frame's budget of interactive use. */
static void
test_large (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureMix) mix = NULL;
  const VentureTag *types, *stages;
  guint n_types, n_stages;
  g_autoptr(GPtrArray) hints = NULL;
  gint64 start, elapsed;
  char last_segment[32] = "";

  types = venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_types);
  stages = venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%u", i);
      g_autoptr(VentureNote) note = venture_note_new (id, i % 10 == 0 ? "customer-segments"
                                                                      : "customer-relationships");

      if (i % 10 == 0)
        g_strlcpy (last_segment, id, sizeof last_segment);
      else
        {
          const char *segments[] = { last_segment, NULL };

          venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, types[i % n_types].id);
          venture_note_set_tag (note, VENTURE_TAG_STAGE, stages[i % n_stages].id);
          venture_note_set_segments (note, segments);
        }
      venture_canvas_append_note (canvas, note);
    }

  mix = venture_mix_new (canvas);
  g_assert_cmpuint (venture_mix_get_n_tagged (mix), ==, 9000);

  venture_canvas_set_note_tag (canvas, venture_canvas_get_note (canvas, 2), VENTURE_TAG_STAGE, "acquisition");
  start = g_get_monotonic_time ();
  g_assert_cmpuint (venture_mix_get_n_tagged (mix), ==, 9000);
  hints = venture_mix_get_hints (mix);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpuint (hints->len, ==, 0);
  g_test_message ("counting 10,000 notes after a change: %.2f ms", elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

/* The segment notes found by walking the whole canvas, as markers once
 * did: what the canvas' own index must always say. */
static void
assert_segment_index (VentureCanvas *canvas)
{
  g_autoptr(GPtrArray) list = venture_segments_list (canvas);
  guint n_segments = 0;

  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      int index = venture_segments_get_index (canvas, venture_note_get_id (note));

      if (g_strcmp0 (venture_note_get_block (note), "customer-segments") != 0)
        {
          g_assert_cmpint (index, ==, -1);
          continue;
        }
      g_assert_cmpint (index, ==, (int) n_segments);
      g_assert_cmpuint (n_segments, <, list->len);
      g_assert_true (g_ptr_array_index (list, n_segments) == note);
      n_segments++;
    }
  g_assert_cmpuint (list->len, ==, n_segments);
}

static void
test_segment_index (void)
{
  static const char * const blocks[] = { "customer-segments", "channels", "key-partners" };
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint next_id = 0;
  guint n_segment_moves = 0;

  /* Notes come, go, change block and restack, undone and redone, in a
   * fixed random order; after every step each note's place among the
   * segments is the one a walk over the canvas finds. */
  for (guint step = 0; step < 3000; step++)
    {
      guint n = venture_canvas_get_n_notes (canvas);
      guint action = n < 8 ? 0 : g_rand_int_range (rand, 0, 6);
      VentureNote *note = n > 0 ? venture_canvas_get_note (canvas, g_rand_int_range (rand, 0, n)) : NULL;

      switch (action)
        {
        case 0:
          {
            g_autofree char *id = g_strdup_printf ("s-%u", next_id++);
            g_autoptr(VentureNote) added =
              venture_note_new (id, blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))]);

            venture_canvas_insert_note (canvas, added, g_rand_int_range (rand, 0, n + 1));
          }
          break;
        case 1:
          if (n > 30)
            venture_segments_remove_note (canvas, note);
          break;
        case 2:
          n_segment_moves += (g_strcmp0 (venture_note_get_block (note), "customer-segments") == 0);
          venture_canvas_move_note (canvas, note, blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))],
                                    g_rand_int_range (rand, 0, 1001), 0);
          break;
        case 3:
          venture_canvas_restack_note (canvas, note, g_rand_int_range (rand, 0, n));
          break;
        case 4:
          venture_history_undo (history);
          break;
        default:
          venture_history_redo (history);
          break;
        }
      assert_segment_index (canvas);
    }
  g_assert_cmpuint (n_segment_moves, >, 100);

  /* A copy has its own index. */
  {
    g_autoptr(VentureCanvas) copy = venture_canvas_copy (canvas);

    assert_segment_index (copy);
    venture_canvas_remove_note (canvas, venture_canvas_get_note (canvas, 0));
    assert_segment_index (copy);
    assert_segment_index (canvas);
  }

  /* A canvas read from a file has its index from the first note on. */
  {
    g_autoptr(VentureCanvas) example = venture_examples_load ("bike-repair", NULL);
    g_autoptr(GPtrArray) segments = NULL;

    g_assert_nonnull (example);
    segments = venture_segments_list (example);
    g_assert_cmpuint (segments->len, ==, 2);
    assert_segment_index (example);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/mix/bike-repair", test_bike_repair);
  g_test_add_func ("/venture/mix/productivity-service", test_productivity_service);
  g_test_add_func ("/venture/mix/hints", test_hints_follow_canvas);
  g_test_add_func ("/venture/mix/moves", test_moves);
  g_test_add_func ("/venture/mix/filter", test_filter);
  g_test_add_func ("/venture/mix/segments", test_segments);
  g_test_add_func ("/venture/mix/segment-index", test_segment_index);
  g_test_add_func ("/venture/mix/example-strings", test_example_strings);
  g_test_add_func ("/venture/mix/unknown-example", test_unknown_example);
  g_test_add_func ("/venture/mix/large", test_large);

  return g_test_run ();
}
