/* venture-benchmark.c: how fast canvas files load and save, against the
 * floor json-glib sets on the same machine in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "venture-canvas-file.h"

/* Rows: one measurement each. Add a row by measuring a function and its
 * floor with time_best() (and peak_memory() if it matters), then
 * print_row(). */

static void
print_header (void)
{
  g_print ("%-10s %8s %10s %10s %6s %16s\n",
           "measure", "size", "seconds", "floor", "ratio", "peak memory");
}

static void
print_row (const char *measure,
           guint       size,
           double      seconds,
           double      floor_seconds,
           double      peak_bytes_per_note)
{
  char memory[32] = "-";

  if (peak_bytes_per_note >= 0)
    g_snprintf (memory, sizeof memory, "%.0f B/note", peak_bytes_per_note);

  if (floor_seconds > 0)
    g_print ("%-10s %8u %10.4f %10.4f %6.2f %16s\n",
             measure, size, seconds, floor_seconds, seconds / floor_seconds, memory);
  else
    g_print ("%-10s %8u %10.4f %10s %6s %16s\n", measure, size, seconds, "-", "-", memory);
}

typedef void (*MeasureFunc) (gpointer data);

/* CPU time (user and system) rather than wall time: on a machine
 * shared with others, waiting for the processor is not our cost. The
 * process has one thread, so this is the work of @func alone. Waiting
 * for the disk (fsync) is left out too, the same for a measure and its
 * floor. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
time_once (MeasureFunc func,
           gpointer    data)
{
  double start = cpu_seconds ();

  func (data);
  return cpu_seconds () - start;
}

/* The best run of a measure and of its floor: the least disturbed by
 * the other users of the machine. Taken in turns, a few runs of one then
 * a few of the other, so that both see the same disturbances while each
 * runs on a heap warmed by itself (right after the other, malloc would
 * first have to grow the heap again). */
static void
time_best (MeasureFunc  func,
           MeasureFunc  floor_func,
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

/* Peak memory of @func in a child process, beyond what the child had
 * when it started, in bytes. */
static double
peak_memory (MeasureFunc func,
             gpointer    data)
{
  int fds[2];
  pid_t pid;
  double peak = -1;

  if (pipe (fds) != 0)
    return -1;

  pid = fork ();
  if (pid == 0)
    {
      struct rusage usage;
      long resident_pages = 0;
      double grown;
      FILE *statm = fopen ("/proc/self/statm", "r");

      close (fds[0]);
      if (statm == NULL || fscanf (statm, "%*s %ld", &resident_pages) != 1)
        _exit (1);
      fclose (statm);

      func (data);

      getrusage (RUSAGE_SELF, &usage);
      grown = usage.ru_maxrss * 1024.0 - resident_pages * (double) sysconf (_SC_PAGESIZE);
      if (write (fds[1], &grown, sizeof grown) != sizeof grown)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (pid > 0)
    {
      if (read (fds[0], &peak, sizeof peak) != sizeof peak)
        peak = -1;
      waitpid (pid, NULL, 0);
    }
  close (fds[0]);

  return peak;
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

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *floor_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *cpu = NULL;

  dir = g_dir_make_tmp ("venture-benchmark-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "canvas.json", NULL);
  floor_path = g_build_filename (dir, "floor.json", NULL);

  if (g_file_get_contents ("/proc/cpuinfo", &cpu, NULL, NULL))
    {
      char *model = strstr (cpu, "model name");
      char *end = model != NULL ? strchr (model, '\n') : NULL;

      if (end != NULL)
        *end = '\0';
      g_print ("# %s, %s, %ld CPUs; seconds: best CPU time of several runs\n", date,
               model != NULL && strchr (model, ':') != NULL ? strchr (model, ':') + 2 : "unknown CPU",
               sysconf (_SC_NPROCESSORS_ONLN));
    }

  print_header ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      guint runs = n >= 100000 ? 10 : n >= 10000 ? 25 : 100;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(VentureCanvas) canvas = make_canvas (n);
      g_autoptr(GBytes) bytes = venture_canvas_file_to_bytes (canvas, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) floor_file = g_file_new_for_path (floor_path);
      Bench bench = { bytes, canvas, NULL, file, floor_file };
      double load_memory, save_memory;
      double load, load_floor, save, save_floor;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      bench.tree = json_parser_get_root (parser);

      load_memory = peak_memory (measure_load, &bench);
      save_memory = peak_memory (measure_save, &bench);

      time_best (measure_load, measure_load_floor, &bench, runs, &load, &load_floor);
      time_best (measure_save, measure_save_floor, &bench, runs, &save, &save_floor);

      print_row ("load", n, load, load_floor, load_memory / n);
      print_row ("save", n, save, save_floor, save_memory / n);
    }

  g_unlink (path);
  g_unlink (floor_path);
  g_rmdir (dir);

  return 0;
}
