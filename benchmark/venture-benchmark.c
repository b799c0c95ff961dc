/* venture-benchmark.c: one program, one table for every measure of
 * speed and memory, each next to a floor measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   venture-benchmark [--quick] [canvas] [history] [export] [board]
 *
 * Each section runs in a process of its own (this program again, with
 * --section NAME), as each did when it was a program of its own: its
 * heap, peak memory and timings owe nothing to the sections before it.
 * The sections report their rows on a pipe; this process prints them.
 */
#define G_LOG_DOMAIN "venture-benchmark"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-table.h"

static const BenchSection sections[] = {
  { "canvas", "loading and saving canvas files (issue 3)", FALSE, bench_canvas_file_run },
  { "history", "the undo history at scale (issue 4)", FALSE, bench_history_run },
  { "export", "PDF, SVG and PNG export (issue 7)", FALSE, bench_export_run },
  { "board", "the board window, first frame and dragging (issue 5)", TRUE, bench_board_run },
};

static const BenchSection *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].name, name))
      return &sections[i];

  return NULL;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage: venture-benchmark [--quick] [SECTION...]\n\n"
                   "Runs every section (or the ones named) and prints one table: measure, size,\n"
                   "seconds, floor, ratio, peak memory. --quick: smaller sizes only.\n\nSections:\n");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    fprintf (stream, "  %-8s %s\n", sections[i].name, sections[i].summary);
  fprintf (stream, "\nThe board section needs a display:\n"
                   "  xvfb-run -a env GSK_RENDERER=cairo build/benchmark/venture-benchmark board\n");
}

static char *
read_load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (text, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("unknown");

  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

static char *
read_cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  const char *model;
  const char *colon;
  const char *end;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) ||
      (model = strstr (cpuinfo, "model name")) == NULL ||
      (colon = strchr (model, ':')) == NULL)
    return g_strdup ("unknown CPU");

  colon += 2;
  end = strchr (colon, '\n');
  return end != NULL ? g_strndup (colon, end - colon) : g_strdup (colon);
}

static void
run_section (const BenchSection *section,
             gboolean            quick)
{
  const char *argv[] = { "/proc/self/exe", "--section", section->name, quick ? "--quick" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out = -1;
  int status;

  /* Rows printed so far must not follow the child's. */
  fflush (stdout);

  if (section->needs_display && g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      bench_table_add_note ("board: no display, so no board rows; run it with "
                            "`xvfb-run -a env GSK_RENDERER=cairo build/benchmark/venture-benchmark board`.");
      return;
    }

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out, NULL, &error))
    {
      g_autofree char *note = g_strdup_printf ("%s: could not run the section: %s", section->name,
                                               error->message);

      bench_table_add_note (note);
      return;
    }

  bench_table_read_section (out);
  if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *note = g_strdup_printf ("%s: the section failed (see the errors above); its rows "
                                               "are missing or incomplete.", section->name);

      bench_table_add_note (note);
    }
  g_spawn_close_pid (pid);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  gboolean quick = FALSE;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *cpu = read_cpu_model ();
  g_autofree char *load_before = read_load_average ();
  g_autofree char *load_after = NULL;
  g_autofree char *load_note = NULL;

  /* The processes this one starts. */
  if (argc == 3 && g_str_equal (argv[1], "--board-one"))
    return bench_board_run_one ((guint) g_ascii_strtoull (argv[2], NULL, 10));
  if (argc >= 3 && g_str_equal (argv[1], "--section"))
    {
      const BenchSection *section = find_section (argv[2]);

      if (section == NULL)
        return 2;
      section->run (argc == 4 && g_str_equal (argv[3], "--quick"));
      return 0;
    }

  for (int i = 1; i < argc; i++)
    {
      const BenchSection *section = find_section (argv[i]);

      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (section != NULL)
        g_ptr_array_add (chosen, (gpointer) section);
      else
        {
          fprintf (stderr, "venture-benchmark: no section or option “%s”\n\n", argv[i]);
          print_usage (stderr);
          return 2;
        }
    }
  if (chosen->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      g_ptr_array_add (chosen, (gpointer) &sections[i]);

  printf ("# venture-benchmark%s, %s: %s, %ld CPUs, buildtype %s, load average %s\n",
          quick ? " --quick" : "", date, cpu, sysconf (_SC_NPROCESSORS_ONLN), BENCH_BUILDTYPE, load_before);
  bench_table_print_header ();
  bench_table_add_note ("ratio: seconds / floor. Where the floor column holds a target (said so below), "
                        "a ratio under 1 means the target is met.");

  for (guint i = 0; i < chosen->len; i++)
    run_section (g_ptr_array_index (chosen, i), quick);

  load_after = read_load_average ();
  load_note = g_strdup_printf ("Load average (1, 5, 15 min) at the start %s, at the end %s.", load_before,
                               load_after);
  bench_table_add_note (load_note);
  bench_table_print_footer ();

  return 0;
}
