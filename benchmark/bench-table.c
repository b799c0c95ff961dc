/* bench-table.c: the one table of venture-benchmark, and what every
 * section measures with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-benchmark"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-table.h"

/* A section process hands its results to the parent as tagged lines on
 * stdout; anything else it prints goes to stderr there, so that nothing
 * but the table reaches the parent's stdout. */
#define ROW_TAG "venture-benchmark:row\t"
#define NOTE_TAG "venture-benchmark:note\t"
#define TARGET_TAG "venture-benchmark:target\t"

#define MEASURE_WIDTH 40
#define SIZE_WIDTH 13

static GPtrArray *notes;
static GPtrArray *targets;

void
bench_row (const char *measure,
           const char *size,
           double      seconds,
           double      floor_seconds,
           const char *peak_memory)
{
  printf (ROW_TAG "%s\t%s\t%.9g\t%.9g\t%s\n", measure, size, seconds, floor_seconds,
          peak_memory != NULL ? peak_memory : "-");
  fflush (stdout);
}

void
bench_note (const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  printf (NOTE_TAG "%s\n", text);
  fflush (stdout);
}

void
bench_target (gboolean    met,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  printf (TARGET_TAG "%s\t%s\n", met ? "met" : "NOT MET", text);
  fflush (stdout);
}

/* Seconds to the microsecond, so that the decimal points line up; the
 * rows counting bytes are larger. */
static char *
format_number (double value)
{
  if (value <= 0)
    return g_strdup ("-");

  return g_strdup_printf (value < 10 ? "%.6f" : "%.1f", value);
}

void
bench_table_print_header (void)
{
  if (notes == NULL)
    {
      notes = g_ptr_array_new_with_free_func (g_free);
      targets = g_ptr_array_new_with_free_func (g_free);
    }

  printf ("%-*s %-*s %10s %10s %6s %14s\n", MEASURE_WIDTH, "measure", SIZE_WIDTH, "size",
          "seconds", "floor", "ratio", "peak memory");
  fflush (stdout);
}

static void
print_row (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autofree char *seconds_text = NULL;
  g_autofree char *floor_text = NULL;
  g_autofree char *ratio_text = NULL;
  double seconds, floor_seconds;

  if (g_strv_length (fields) != 5)
    {
      fprintf (stderr, "venture-benchmark: a malformed row: %s\n", line);
      return;
    }

  seconds = g_ascii_strtod (fields[2], NULL);
  floor_seconds = g_ascii_strtod (fields[3], NULL);
  seconds_text = format_number (seconds);
  floor_text = format_number (floor_seconds);
  ratio_text = floor_seconds > 0 && seconds > 0 ? g_strdup_printf ("%.2f", seconds / floor_seconds)
                                                : g_strdup ("-");

  printf ("%-*s %-*s %10s %10s %6s %14s\n", MEASURE_WIDTH, fields[0], SIZE_WIDTH, fields[1],
          seconds_text, floor_text, ratio_text, fields[4]);
  fflush (stdout);
}

gboolean
bench_table_read_section (int fd)
{
  FILE *stream = fdopen (fd, "r");
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;

  g_return_val_if_fail (notes != NULL, FALSE);

  if (stream == NULL)
    return FALSE;

  while ((length = getline (&line, &capacity, stream)) >= 0)
    {
      if (length > 0 && line[length - 1] == '\n')
        line[length - 1] = '\0';

      if (g_str_has_prefix (line, ROW_TAG))
        print_row (line + strlen (ROW_TAG));
      else if (g_str_has_prefix (line, NOTE_TAG))
        g_ptr_array_add (notes, g_strdup (line + strlen (NOTE_TAG)));
      else if (g_str_has_prefix (line, TARGET_TAG))
        {
          const char *text = line + strlen (TARGET_TAG);
          const char *tab = strchr (text, '\t');

          if (tab != NULL)
            {
              g_autofree char *verdict = g_strndup (text, tab - text);

              g_ptr_array_add (targets, g_strdup_printf ("%-8s %s", verdict, tab + 1));
            }
        }
      else
        fprintf (stderr, "%s\n", line);
    }

  free (line);
  fclose (stream);
  return TRUE;
}

void
bench_table_add_note (const char *text)
{
  g_return_if_fail (notes != NULL);

  g_ptr_array_add (notes, g_strdup (text));
}

void
bench_table_print_footer (void)
{
  if (notes != NULL && notes->len > 0)
    {
      printf ("\n");
      for (guint i = 0; i < notes->len; i++)
        printf ("%s\n", (const char *) g_ptr_array_index (notes, i));
    }

  if (targets != NULL && targets->len > 0)
    {
      printf ("\nTargets:\n");
      for (guint i = 0; i < targets->len; i++)
        printf ("  %s\n", (const char *) g_ptr_array_index (targets, i));
    }

  g_clear_pointer (&notes, g_ptr_array_unref);
  g_clear_pointer (&targets, g_ptr_array_unref);
  fflush (stdout);
}

/* CPU time (user and system) rather than wall time: on a machine
 * shared with others, waiting for the processor is not our cost. A
 * section's process has one thread, so this is the work of the code
 * measured alone. */
double
bench_process_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double
bench_peak_memory (BenchFunc func,
                   gpointer  data)
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

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}
