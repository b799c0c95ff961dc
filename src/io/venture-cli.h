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

G_END_DECLS
