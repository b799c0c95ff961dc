/* bench-table.h: the one table of venture-benchmark, and what every
 * section measures with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A section of the benchmark: run in a process of its own (so that its
 * heap and peak memory are its own, as when each was a program), it
 * reports through bench_row(), bench_note() and bench_target(). */
typedef struct {
  const char *name;
  const char *summary;
  gboolean    needs_display;
  void      (*run) (gboolean quick);
} BenchSection;

void bench_canvas_file_run (gboolean quick);
void bench_history_run     (gboolean quick);
void bench_export_run      (gboolean quick);
void bench_board_run       (gboolean quick);
/* The board section runs each size in a process of its own. */
int  bench_board_run_one   (guint    n_notes);

/* One measurement. @floor_seconds <= 0: the measure has no floor (the
 * ratio shows "-"). @peak_memory: already formatted, or NULL for "-". */
void bench_row    (const char *measure,
                   const char *size,
                   double      seconds,
                   double      floor_seconds,
                   const char *peak_memory);
/* A line under the table: what a floor is, how a measure was taken. */
void bench_note   (const char *format,
                   ...) G_GNUC_PRINTF (1, 2);
/* A target of an issue and whether this run met it. */
void bench_target (gboolean    met,
                   const char *format,
                   ...) G_GNUC_PRINTF (2, 3);

/* The parent's side: reads what a section process reported and prints
 * it (rows at once, notes and targets at the end). */
void     bench_table_print_header  (void);
gboolean bench_table_read_section  (int         fd);
void     bench_table_add_note      (const char *text);
void     bench_table_print_footer  (void);

typedef void (*BenchFunc) (gpointer data);

/* CPU time (user and system) of the whole process, in seconds. */
double bench_process_cpu_seconds (void);
/* CPU time of the calling thread, in milliseconds. */
double bench_thread_cpu_ms       (void);
/* Peak memory of @func in a forked child, beyond what the child had
 * when it started, in bytes; -1 if it could not be measured. */
double bench_peak_memory         (BenchFunc     func,
                                  gpointer      data);
int    bench_compare_doubles     (gconstpointer a,
                                  gconstpointer b);

G_END_DECLS
