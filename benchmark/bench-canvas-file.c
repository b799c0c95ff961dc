/* bench-canvas-file.c: how fast canvas files load and save (issue 3),
 * against the floor json-glib sets on the same machine in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-benchmark"

#include "config.h"

#include <glib/gstdio.h>

#include "venture-canvas-file.h"

#include "bench-table.h"

static double
time_once (BenchFunc func,
           gpointer  data)
{
  double start = bench_process_cpu_seconds ();

  func (data);
  return bench_process_cpu_seconds () - start;
}

/* The best run of a measure and of its floor: the least disturbed by
 * the other users of the machine. Taken in turns, a few runs of one then
 * a few of the other, so that both see the same disturbances while each
 * runs on a heap warmed by itself (right after the other, malloc would
 * first have to grow the heap again). */
static void
time_best (BenchFunc    func,
           BenchFunc    floor_func,
           gpointer     data,
           guint        runs,
           double      *best,
           double      *floor_best)
{
  const guint turns = 5;

  *best = G_MAXDOUBLE;
  *floor_best = G_MAXDOUBLE;

  for (guint turn = 0; turn < turns; turn++)
    {
      for (guint i = 0; i < MAX (runs / turns, 1); i++)
        *best = MIN (*best, time_once (func, data));
      for (guint i = 0; i < MAX (runs / turns, 1); i++)
        *floor_best = MIN (*floor_best, time_once (floor_func, data));
    }
}

/* A canvas like a busy workshop's: notes in every block, a third with
 * tags, some serving segments, texts of a sentence or two. */
static VentureCanvas *
make_canvas (guint n_notes)
{
  static const char *blocks[] = {
    "key-partners", "key-activities", "key-resources", "value-propositions",
    "customer-relationships", "channels", "customer-segments", "cost-structure",
    "revenue-streams",
  };
  static const char *colors[] = { "yellow", "orange", "red", "pink", "purple", "blue", "green", "gray" };
  static const char *words[] = {
    "self-service", "repair", "clinic", "subscription", "newsletter", "community",
    "partners", "delivery", "commuters", "workshop", "premium", "support", "“quoted”",
    "café", "pricing", "feedback",
  };
  VentureCanvas *canvas = venture_canvas_new ("business-model-canvas");
  GRand *rand = g_rand_new_with_seed (42);

  venture_canvas_set_title (canvas, "Benchmark canvas");

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%x", i);
      g_autoptr(VentureNote) note = venture_note_new (id, blocks[i % G_N_ELEMENTS (blocks)]);
      GString *text = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 3, 16);

      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (text, w % 7 == 6 ? '\n' : ' ');
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      venture_note_set_text (note, text->str);
      g_string_free (text, TRUE);

      venture_note_set_color (note, colors[i % G_N_ELEMENTS (colors)]);
      venture_note_set_position (note, g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));

      if (i % 3 == 0)
        {
          venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, "self-service");
          venture_note_set_tag (note, VENTURE_TAG_STAGE, "acquisition");
          venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "content-marketing");
        }
      if (i % 5 == 0 && i > 0)
        {
          g_autofree char *segment = g_strdup_printf ("n-%x", i - 1);
          const char *segments[] = { segment, NULL };

          venture_note_set_segments (note, segments);
        }

      venture_canvas_append_note (canvas, note);
    }

  g_rand_free (rand);
  return canvas;
}

typedef struct {
  GBytes        *bytes;
  VentureCanvas *canvas;
  JsonNode      *tree;
  GFile         *file;
  GFile         *floor_file;
} Bench;

static void
measure_load (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  canvas = venture_canvas_file_load_bytes (bench->bytes, "benchmark.json", NULL, &error);
  if (canvas == NULL)
    g_error ("%s", error->message);
}

static void
measure_load_floor (gpointer data)
{
  Bench *bench = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bench->bytes, &length);

  if (!json_parser_load_from_data (parser, text, length, &error))
    g_error ("%s", error->message);
}

static void
measure_save (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;

  if (!venture_canvas_file_save (bench->file, bench->canvas, NULL, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static void
measure_save_floor (gpointer data)
{
  Bench *bench = data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, bench->tree);
  text = json_generator_to_data (generator, &length);

  if (!venture_file_replace_contents (bench->floor_file, text, length, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

void
bench_canvas_file_run (gboolean quick)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *floor_path = NULL;
  double worst_load_ratio = 0, worst_save_ratio = 0, load_10000 = -1;

  dir = g_dir_make_tmp ("venture-benchmark-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "canvas.json", NULL);
  floor_path = g_build_filename (dir, "floor.json", NULL);

  for (guint s = 0; s < (quick ? 2 : G_N_ELEMENTS (sizes)); s++)
    {
      guint n = sizes[s];
      guint runs = n >= 100000 ? 10 : n >= 10000 ? 25 : 100;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(VentureCanvas) canvas = make_canvas (n);
      g_autoptr(GBytes) bytes = venture_canvas_file_to_bytes (canvas, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) floor_file = g_file_new_for_path (floor_path);
      g_autofree char *size = g_strdup_printf ("%u notes", n);
      g_autofree char *load_memory_text = NULL;
      g_autofree char *save_memory_text = NULL;
      Bench bench = { bytes, canvas, NULL, file, floor_file };
      double load_memory, save_memory;
      double load, load_floor, save, save_floor;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      bench.tree = json_parser_get_root (parser);

      load_memory = bench_peak_memory (measure_load, &bench);
      save_memory = bench_peak_memory (measure_save, &bench);

      time_best (measure_load, measure_load_floor, &bench, runs, &load, &load_floor);
      time_best (measure_save, measure_save_floor, &bench, runs, &save, &save_floor);

      if (load_memory >= 0)
        load_memory_text = g_strdup_printf ("%.0f B/note", load_memory / n);
      if (save_memory >= 0)
        save_memory_text = g_strdup_printf ("%.0f B/note", save_memory / n);
      bench_row ("canvas: load", size, load, load_floor, load_memory_text);
      bench_row ("canvas: save", size, save, save_floor, save_memory_text);

      worst_load_ratio = MAX (worst_load_ratio, load / load_floor);
      worst_save_ratio = MAX (worst_save_ratio, save / save_floor);
      if (n == 10000)
        load_10000 = load;
    }

  bench_note ("canvas: a generated canvas (tags on a third of the notes, some segments). load: from bytes "
              "(checks, parse, building the canvas); floor: json-glib's bare parse of the same bytes. "
              "save: the JSON and the atomic write; floor: json-glib's generator on the same tree plus the "
              "same atomic write. Seconds: best CPU time of 10-100 runs, taken in turns with the floor; "
              "peak memory: growth of a child process doing it once, per note.");
  bench_target (worst_load_ratio <= 1.5, "canvas load within 1.5x the floor at every size (worst ratio %.2f)",
                worst_load_ratio);
  bench_target (worst_save_ratio <= 1.5, "canvas save within 1.5x the floor at every size (worst ratio %.2f)",
                worst_save_ratio);
  bench_target (load_10000 >= 0 && load_10000 < 0.1, "10,000 notes loaded in under 0.1 s (%.4f s)",
                load_10000);

  g_unlink (path);
  g_unlink (floor_path);
  g_rmdir (dir);
}
