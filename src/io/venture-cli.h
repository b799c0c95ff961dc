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

/* Same, exporting the stored version called @snapshot (NULL: the canvas
 * itself). A name the file does not have is refused like any problem,
 * the one line naming the versions it has. */
int   venture_cli_export_snapshot       (const char *out,
                                         const char *input,
                                         const char *snapshot);

/* The extensions --export knows, for messages and --help: ".json, …". */
char *venture_cli_export_extensions     (void);

G_END_DECLS
