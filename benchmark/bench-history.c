/* bench-history.c: the undo history at scale (issue 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 100,000-step history on a 1,000-note canvas: recording, undo all,
 * redo all (with the worst single step), saving and loading the file with
 * that history (next to json-glib on the same bytes), and bytes per step
 * in the file.
 */
#define G_LOG_DOMAIN "venture-benchmark"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "venture-canvas-file.h"
#include "venture-history-file.h"
#include "venture-history.h"

#include "bench-table.h"

#define TEMPLATE "business-model-canvas"

typedef struct {
  guint   n_notes;
  guint   n_steps;
  double  record_us_per_step;
  double  memory_mb;          /* resident memory the history added */
  double  undo_all_ms;
  double  worst_undo_ms;      /* wall clock: includes being preempted */
  double  worst_undo_cpu_ms;  /* this thread's CPU time: the work itself */
  double  p999_undo_ms;
  guint   n_undo_over_1ms;
  double  redo_all_ms;
  double  worst_redo_ms;
  double  worst_redo_cpu_ms;
  double  p999_redo_ms;
  guint   n_redo_over_1ms;
  double  serialize_ms;       /* history -> JsonNode */
  double  save_ms;            /* canvas + history -> file bytes */
  double  save_floor_ms;      /* json-glib's generator on the same tree */
  double  load_ms;            /* file bytes -> canvas + raw history */
  double  load_floor_ms;      /* json-glib's parse of the same bytes */
  double  deserialize_ms;     /* raw history -> checked, usable history */
  gsize   file_bytes;
  gsize   file_bytes_without_history;
  double  bytes_per_step;
  double  bytes_per_typical_step;  /* moves, text edits, recolours only */
} HistoryBenchResult;

static const char * const blocks[] = {
  "key-partners", "key-activities", "key-resources", "value-propositions",
  "customer-relationships", "channels", "customer-segments", "cost-structure",
  "revenue-streams",
};
static const char * const colors[] = {
  "yellow", "orange", "red", "pink", "purple", "blue", "green", "gray",
};
static const char * const words[] = {
  "repair", "clinic", "bike", "customers", "self-service", "weekly", "fee",
  "community", "newsletter", "partners",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Undoes (or redoes) everything, one step at a time, timing each. */
static double
travel (VentureHistory *history,
        gboolean        undo,
        double         *worst,
        double         *worst_cpu,
        double         *p999,
        guint          *n_over_1ms)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = g_get_monotonic_time ();
  double total;

  *worst = *worst_cpu = 0;
  *n_over_1ms = 0;
  while (undo ? venture_history_get_can_undo (history) : venture_history_get_can_redo (history))
    {
      gint64 one = g_get_monotonic_time ();
      double cpu = bench_thread_cpu_ms ();
      double wall;

      if (undo)
        venture_history_undo (history);
      else
        venture_history_redo (history);
      wall = ms_since (one);
      *worst_cpu = MAX (*worst_cpu, bench_thread_cpu_ms () - cpu);
      *worst = MAX (*worst, wall);
      *n_over_1ms += wall > 1.0;
      g_array_append_val (times, wall);
    }
  total = ms_since (start);

  qsort (times->data, times->len, sizeof (double), bench_compare_doubles);
  *p999 = times->len > 0 ? g_array_index (times, double, (guint) (times->len * 0.999)) : 0;

  return total;
}

static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static VentureCanvas *
make_canvas (GRand *rand,
             guint  n_notes)
{
  VentureCanvas *canvas = venture_canvas_new (TEMPLATE);

  venture_canvas_set_title (canvas, "Bike clinic");
  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%04x", i);
      g_autoptr(VentureNote) note = venture_note_new (id, blocks[i % G_N_ELEMENTS (blocks)]);

      venture_note_set_text (note, "Self-service repair clinics");
      venture_note_set_position (note, g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
      venture_canvas_append_note (canvas, note);
    }

  return canvas;
}

/* One random step of a day's editing: mostly moves, typing and
 * recolouring, some tagging, linking, restacking, adding and deleting. */
static void
random_step (GRand         *rand,
             VentureCanvas *canvas,
             guint         *next_id,
             gboolean       typical_only)
{
  guint n_notes = venture_canvas_get_n_notes (canvas);
  VentureNote *note = venture_canvas_get_note (canvas, g_rand_int_range (rand, 0, n_notes));
  int dice = g_rand_int_range (rand, 0, typical_only ? 75 : 100);

  if (dice < 25)
    venture_canvas_move_note (canvas, note, venture_note_get_block (note),
                              g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
  else if (dice < 35)
    venture_canvas_move_note (canvas, note, blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))],
                              g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
  else if (dice < 60)
    {
      /* A word typed at the end: one word-sized step. Long notes start
       * over, as people rewrite them. */
      const char *text = venture_note_get_text (note);
      g_autofree char *new_text = NULL;

      if (strlen (text) > 300)
        new_text = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      else
        new_text = g_strconcat (text, " ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], NULL);
      venture_canvas_set_note_text (canvas, note, new_text);
    }
  else if (dice < 75)
    {
      const char *color = colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))];

      if (g_str_equal (color, venture_note_get_color (note)))
        color = g_str_equal (color, "yellow") ? "blue" : "yellow";
      venture_canvas_set_note_color (canvas, note, color);
    }
  else if (dice < 82)
    {
      const char *tag = venture_note_get_tag (note, VENTURE_TAG_STAGE);

      venture_canvas_set_note_tag (canvas, note, VENTURE_TAG_STAGE,
                                   g_strcmp0 (tag, "retention") == 0 ? "acquisition" : "retention");
    }
  else if (dice < 86)
    {
      const char *segments[] = {
        venture_note_get_id (venture_canvas_get_note (canvas, g_rand_int_range (rand, 0, n_notes))),
        NULL,
      };

      venture_canvas_set_note_segments (canvas, note,
                                        venture_note_get_segments (note) != NULL ? NULL : segments);
    }
  else if (dice < 90)
    {
      guint position = g_rand_int_range (rand, 0, n_notes);
      guint now;

      venture_canvas_find_note (canvas, note, &now);
      venture_canvas_restack_note (canvas, note, position != now ? position : (position + 1) % n_notes);
    }
  else if (dice < 95)
    {
      g_autofree char *id = g_strdup_printf ("n-%x", (*next_id)++);
      g_autoptr(VentureNote) added = venture_note_new (id, blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))]);

      venture_note_set_text (added, "A new idea");
      venture_note_set_position (added, g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
      venture_canvas_append_note (canvas, added);
    }
  else
    venture_canvas_remove_note (canvas, note);
}

static gsize
history_bytes (VentureCanvas  *canvas,
               VentureHistory *history,
               gsize          *without)
{
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autoptr(GBytes) with_history = venture_canvas_file_to_bytes (canvas, node);
  g_autoptr(GBytes) bare = venture_canvas_file_to_bytes (canvas, NULL);

  if (without != NULL)
    *without = g_bytes_get_size (bare);

  return g_bytes_get_size (with_history) - g_bytes_get_size (bare);
}

static void
history_bench_run (guint               n_notes,
                   guint               n_steps,
                   guint32             seed,
                   HistoryBenchResult *result)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(VentureCanvas) canvas = make_canvas (rand, n_notes);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) raw = NULL;
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(VentureHistory) loaded_history = NULL;
  g_autoptr(GError) error = NULL;
  guint next_id = 0x10000;
  gint64 start;

  memset (result, 0, sizeof *result);
  result->n_notes = n_notes;
  result->n_steps = n_steps;

  result->memory_mb = resident_mb ();
  start = g_get_monotonic_time ();
  while (venture_history_get_n_steps (history) < n_steps)
    random_step (rand, canvas, &next_id, FALSE);
  result->record_us_per_step = ms_since (start) * 1000.0 / n_steps;
  result->memory_mb = resident_mb () - result->memory_mb;

  result->undo_all_ms = travel (history, TRUE, &result->worst_undo_ms, &result->worst_undo_cpu_ms,
                                &result->p999_undo_ms, &result->n_undo_over_1ms);
  result->redo_all_ms = travel (history, FALSE, &result->worst_redo_ms, &result->worst_redo_cpu_ms,
                                &result->p999_redo_ms, &result->n_redo_over_1ms);

  /* Save: the history, then the whole file with it. */
  venture_history_mark_clean (history);
  start = g_get_monotonic_time ();
  node = venture_history_file_serialize (history);
  result->serialize_ms = ms_since (start);
  start = g_get_monotonic_time ();
  bytes = venture_canvas_file_to_bytes (canvas, node);
  result->save_ms = result->serialize_ms + ms_since (start);
  result->file_bytes = g_bytes_get_size (bytes);
  result->bytes_per_step = (double) history_bytes (canvas, history, &result->file_bytes_without_history) / n_steps;

  /* The floors, taken the same way right after: json-glib parsing the
   * same bytes, and generating them again from that tree. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *text = NULL;

    start = g_get_monotonic_time ();
    if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
      g_error ("%s", error->message);
    result->load_floor_ms = ms_since (start);

    json_generator_set_pretty (generator, TRUE);
    json_generator_set_indent (generator, 2);
    json_generator_set_root (generator, json_parser_get_root (parser));
    start = g_get_monotonic_time ();
    text = json_generator_to_data (generator, NULL);
    result->save_floor_ms = ms_since (start);
  }

  /* Load: parse the file, then check and rebuild the history. */
  start = g_get_monotonic_time ();
  loaded = venture_canvas_file_load_bytes (bytes, "bench.venture", &raw, &error);
  g_assert_no_error (error);
  result->load_ms = ms_since (start);
  start = g_get_monotonic_time ();
  loaded_history = venture_history_new (loaded);
  venture_history_file_deserialize (loaded_history, raw, &error);
  g_assert_no_error (error);
  result->deserialize_ms = ms_since (start);
  g_assert_cmpuint (venture_history_get_n_steps (loaded_history), ==, n_steps);

  /* The typical mix alone, for the < 200 bytes target. */
  {
    g_autoptr(VentureCanvas) typical = make_canvas (rand, n_notes);
    g_autoptr(VentureHistory) typical_history = venture_history_new (typical);
    guint n_typical = MIN (n_steps, 20000);

    while (venture_history_get_n_steps (typical_history) < n_typical)
      random_step (rand, typical, &next_id, TRUE);
    result->bytes_per_typical_step = (double) history_bytes (typical, typical_history, NULL) / n_typical;
  }
}

void
bench_history_run (gboolean quick)
{
  HistoryBenchResult r;
  g_autofree char *steps = NULL;
  g_autofree char *typical_steps = NULL;
  g_autofree char *memory = NULL;

  history_bench_run (1000, quick ? 10000 : 100000, 1, &r);
  steps = g_strdup_printf ("%u steps", r.n_steps);
  typical_steps = g_strdup_printf ("%u steps", MIN (r.n_steps, 20000));
  memory = g_strdup_printf ("+%.0f MB", r.memory_mb);

  bench_row ("history: record one step", steps, r.record_us_per_step / 1e6, 0, memory);
  bench_row ("history: undo all", steps, r.undo_all_ms / 1000, 0, memory);
  bench_row ("history: single undo, worst CPU", steps, r.worst_undo_cpu_ms / 1000, 0.001, NULL);
  bench_row ("history: single undo, worst wall", steps, r.worst_undo_ms / 1000, 0.001, NULL);
  bench_row ("history: single undo, 99.9th pct wall", steps, r.p999_undo_ms / 1000, 0.001, NULL);
  bench_row ("history: redo all", steps, r.redo_all_ms / 1000, 0, memory);
  bench_row ("history: single redo, worst CPU", steps, r.worst_redo_cpu_ms / 1000, 0.001, NULL);
  bench_row ("history: single redo, worst wall", steps, r.worst_redo_ms / 1000, 0.001, NULL);
  bench_row ("history: single redo, 99.9th pct wall", steps, r.p999_redo_ms / 1000, 0.001, NULL);
  bench_row ("history: save with history", steps, r.save_ms / 1000, r.save_floor_ms / 1000, NULL);
  bench_row ("history: load with history", steps, (r.load_ms + r.deserialize_ms) / 1000,
             r.load_floor_ms / 1000, NULL);
  bench_row ("history: bytes/step, full mix [bytes]", steps, r.bytes_per_step, 200, NULL);
  bench_row ("history: bytes/step, typical [bytes]", typical_steps, r.bytes_per_typical_step, 200, NULL);

  bench_note ("history: %u random steps (moves, typing, recolouring, tags, links, restacks, adds, deletes) "
              "on a %u-note canvas; seconds are wall clock, once. Peak memory: resident memory the history "
              "adds. Undo/redo all and recording have no floor. Single undo/redo: the floor column holds the "
              "target, 0.001 s (%u undo and %u redo steps took over 1 ms of wall clock). save: serialising "
              "the history and writing the file's bytes (%.1f MB, %.1f kB without the history); floor: "
              "json-glib's generator on the same tree. load: parsing, checking and rebuilding the history; "
              "floor: json-glib's parse of the same bytes. bytes/step: the seconds and floor columns hold "
              "bytes, the floor is the target, 200; typical: moves, text edits and recolours only.",
              r.n_steps, r.n_notes, r.n_undo_over_1ms, r.n_redo_over_1ms,
              r.file_bytes / 1e6, r.file_bytes_without_history / 1e3);
  bench_target (r.worst_undo_cpu_ms < 1 && r.worst_redo_cpu_ms < 1,
                "every single undo and redo under 1 ms of CPU time (worst undo %.3f ms, redo %.3f ms)",
                r.worst_undo_cpu_ms, r.worst_redo_cpu_ms);
  bench_target (r.n_undo_over_1ms == 0 && r.n_redo_over_1ms == 0,
                "every single undo and redo under 1 ms of wall clock (worst undo %.3f ms, redo %.3f ms; "
                "%u + %u of %u steps over 1 ms)",
                r.worst_undo_ms, r.worst_redo_ms, r.n_undo_over_1ms, r.n_redo_over_1ms, r.n_steps);
  bench_target (r.bytes_per_step < 200, "history under 200 bytes per step on average, full mix (%.1f)",
                r.bytes_per_step);
  bench_target (r.bytes_per_typical_step < 200,
                "history under 200 bytes per step on average, moves/text/recolours (%.1f)",
                r.bytes_per_typical_step);
}
