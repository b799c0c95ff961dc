/* bench-export.c: PDF, SVG and PNG export of 100, 1,000 and 10,000
 * notes (issue 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row times the whole process, `venture --export=OUT INPUT`, as a
 * user runs it (start-up, loading the JSON, layout, drawing, writing),
 * and reads its peak memory from the kernel (wait4's ru_maxrss). The
 * floor is what cairo and pango alone need for the same page: one
 * process that draws N rounded rectangles and N texts to the same
 * format, with nothing else. Every figure is the median of three runs.
 */
#define G_LOG_DOMAIN "venture-benchmark"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "venture-canvas-file.h"
#include "venture-test-canvases.h"

#include "bench-table.h"

#define RUNS 3

typedef struct {
  double   seconds;   /* wall clock */
  double   cpu;       /* user + system */
  long     peak_kib;
  gboolean refused;
} Sample;

static int
compare_samples (const void *a,
                 const void *b)
{
  const Sample *first = a, *second = b;

  return first->seconds < second->seconds ? -1 : first->seconds > second->seconds;
}

static Sample
median (Sample *samples)
{
  qsort (samples, RUNS, sizeof (Sample), compare_samples);
  return samples[RUNS / 2];
}

static Sample
wait_for (pid_t  pid,
          gint64 start)
{
  struct rusage usage;
  Sample sample;
  int status;

  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) > 1)
    g_error ("a benchmark process failed");

  sample.seconds = (g_get_monotonic_time () - start) / 1e6;
  sample.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
               usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  sample.peak_kib = usage.ru_maxrss;
  /* Exit status 1: venture refused, with its one line on stderr. */
  sample.refused = WEXITSTATUS (status) == 1;
  return sample;
}

static Sample
run_venture (const char *venture,
             const char *out,
             const char *input)
{
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  const char *argv[] = { venture, option, input, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("%s", error->message);

  return wait_for (pid, start);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The floor: N rounded rectangles and N texts, nothing else. */
static void
draw_bare (const char *format,
           const char *out,
           guint       n_notes)
{
  FILE *file = fopen (out, "wb");
  cairo_surface_t *surface;
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans 6.6");
  PangoLayout *layout;
  cairo_t *cr;

  if (g_str_equal (format, "pdf"))
    surface = cairo_pdf_surface_create_for_stream (discard, file, 842, 595);
  else if (g_str_equal (format, "svg"))
    surface = cairo_svg_surface_create_for_stream (discard, file, 842, 595);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 595);

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 60 * PANGO_SCALE);

  for (guint i = 0; i < n_notes; i++)
    {
      char text[64];
      double x = (i * 131) % 774, y = (i * 257) % 541;

      g_snprintf (text, sizeof text, "Note %u: an idea worth testing", i + 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + 66.5, y + 1.5, 1.5, -G_PI / 2, 0);
      cairo_arc (cr, x + 66.5, y + 52.5, 1.5, 0, G_PI / 2);
      cairo_arc (cr, x + 1.5, y + 52.5, 1.5, G_PI / 2, G_PI);
      cairo_arc (cr, x + 1.5, y + 1.5, 1.5, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 1, 0.95, 0.64);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.18, 0.16, 0.07);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x + 3.5, y + 3.5);
      pango_cairo_show_layout (cr, layout);
    }

  g_object_unref (layout);
  pango_font_description_free (font);
  cairo_destroy (cr);
  if (g_str_equal (format, "png"))
    cairo_surface_write_to_png_stream (surface, discard, file);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  fclose (file);
}

static Sample
run_bare (const char *format,
          const char *out,
          guint       n_notes)
{
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      draw_bare (format, out, n_notes);
      _exit (0);
    }

  return wait_for (pid, start);
}

void
bench_export_run (gboolean quick)
{
  static const guint sizes[] = { 100, 1000, 10000 };
  static const char *formats[] = { "pdf", "svg", "png" };
  const char *venture = g_getenv ("VENTURE_BENCHMARK_EXE") != NULL ? g_getenv ("VENTURE_BENCHMARK_EXE")
                                                                   : VENTURE_EXE;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("venture-export-bench-XXXXXX", &error);
  double pdf_1000 = -1, pdf_1000_cpu = -1, pdf_1000_mb = -1;

  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint s = 0; s < (quick ? 2 : G_N_ELEMENTS (sizes)); s++)
      {
        g_autoptr(VentureCanvas) canvas = venture_test_canvas_generated (sizes[s]);
        g_autofree char *input = g_build_filename (dir, "input.json", NULL);
        g_autofree char *out_name = g_strdup_printf ("out.%s", formats[f]);
        g_autofree char *out = g_build_filename (dir, out_name, NULL);
        g_autofree char *measure = g_strdup_printf ("export %s: whole process", formats[f]);
        g_autofree char *cpu_measure = g_strdup_printf ("export %s: whole process, CPU", formats[f]);
        g_autofree char *size = g_strdup_printf ("%u notes", sizes[s]);
        g_autofree char *memory = NULL;
        g_autoptr(GFile) input_file = g_file_new_for_path (input);
        Sample runs[RUNS], bare[RUNS], result, floor_result;

        if (!venture_canvas_file_save (input_file, canvas, NULL, NULL, NULL, NULL, &error))
          g_error ("%s", error->message);

        for (guint r = 0; r < RUNS; r++)
          {
            runs[r] = run_venture (venture, out, input);
            bare[r] = run_bare (formats[f], out, sizes[s]);
          }
        result = median (runs);
        floor_result = median (bare);

        if (result.refused)
          bench_note ("export %s of %u notes: refused (too many pages for one image; see stderr).",
                      formats[f], sizes[s]);
        else
          {
            memory = g_strdup_printf ("%.1f MB", result.peak_kib / 1024.0);
            bench_row (measure, size, result.seconds, floor_result.seconds, memory);
            bench_row (cpu_measure, size, result.cpu, floor_result.cpu, memory);
            if (g_str_equal (formats[f], "pdf") && sizes[s] == 1000)
              {
                pdf_1000 = result.seconds;
                pdf_1000_cpu = result.cpu;
                pdf_1000_mb = result.peak_kib / 1024.0;
              }
          }
        g_unlink (out);
        g_unlink (input);
      }

  bench_note ("export: `venture --export=OUT INPUT` as a user runs it (start-up, loading, layout, drawing, "
              "writing); seconds: wall clock, CPU: its user + system time, which a loaded machine does not "
              "inflate; peak memory: the process's (wait4 ru_maxrss). Floor: a bare cairo + pango process "
              "drawing the same number of rounded rectangles and texts to the same format (A4, PNG at 1x), "
              "one page, no appendix. Medians of %d runs.", RUNS);
  bench_target (pdf_1000 >= 0 && pdf_1000 < 0.15,
                "1,000-note PDF in under 0.15 s, whole process (%.3f s wall, %.3f s CPU)",
                pdf_1000, pdf_1000_cpu);
  bench_target (pdf_1000_mb >= 0 && pdf_1000_mb < 21,
                "1,000-note PDF in a tenth of LibreOffice Draw's 210 MB, under 21 MB (%.1f MB)", pdf_1000_mb);

  g_rmdir (dir);
}
