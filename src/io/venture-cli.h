/* venture-cli.h: what the command line does without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `venture --export=OUT INPUT`: the kind of OUT follows its extension.
 * Returns the exit status: 0 with nothing printed, or 1 after exactly
 * one line on stderr naming the file and the problem, with no OUT file
 * left behind. Never needs a display. */
int   venture_cli_export                (const char *out,
                                         const char *input);
/* Same, with the page options of PDF, PNG and SVG (NULL: the default);
 * the identifiers are those of venture-export.h ("a3", "portrait", "2").
 * A .json export ignores them, but they are checked all the same.
 * @snapshot (NULL: the canvas itself) exports the stored version of that
 * name instead, whatever the kind of OUT; a name the file does not have
 * is refused like any problem, the one line naming the versions it has. */
int   venture_cli_export_full           (const char *out,
                                         const char *input,
                                         const char *page_size,
                                         const char *orientation,
                                         const char *scale,
                                         const char *snapshot);

/* `venture --export=OUT --compare=NAME1[,NAME2] INPUT`: OUT (.pdf, .png
 * or .svg) shows the comparison of the stored version NAME1 with NAME2,
 * or with the canvas itself when NAME2 is left out, as
 * venture_export_write_comparison() draws it. Names the file does not
 * have are refused like --snapshot's. */
int   venture_cli_export_comparison     (const char *out,
                                         const char *input,
                                         const char *page_size,
                                         const char *orientation,
                                         const char *scale,
                                         const char *compare);

/* The extensions --export knows, for messages and --help: ".json, …". */
char *venture_cli_export_extensions     (void);

/* The values of `venture`'s own options (venture_cli_option_entries()). */
typedef struct {
  gboolean  version;
  char     *export_path;        /* in the file system's encoding */
  char     *snapshot;
  char     *compare;
  char     *page_size;
  char     *orientation;
  char     *scale;
} VentureCliOptions;

/* `venture`'s options besides GApplication's own, NULL-terminated; free
 * with g_free(). With @options NULL, for
 * g_application_add_main_option_entries() (the values go to its
 * GVariantDict); otherwise each stores its value into @options, for a
 * GOptionContext. */
GOptionEntry *venture_cli_option_entries (VentureCliOptions       *options);

/* The command line with --export: @input is the only file left after the
 * options, NULL when there is none or more than one. Returns the exit
 * status, as venture_cli_export_full() does. */
int   venture_cli_run_export            (const VentureCliOptions *options,
                                         const char              *input);

/* What `venture` does first, before any GTK library is loaded: a command
 * line that exports is run here and its exit status returned; any other
 * returns -1, for the app proper (venture_cli_exec_app()). */
int   venture_cli_run                   (int                      argc,
                                         char                   **argv);

/* Replaces the process with the app proper, `venture-app` (beside this
 * program in a build tree, else in LIBEXECDIR), with the same arguments:
 * the same process for whoever started it. Returns only when that fails,
 * after one line on stderr; the exit status to use. */
int   venture_cli_exec_app              (char                   **argv);

void  venture_cli_options_clear         (VentureCliOptions       *options);

G_END_DECLS
