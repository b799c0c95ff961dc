/* main.c: `venture`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "venture-cli.h"

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* An export never needs the app's windows: this program has no GTK in
   * it, so it starts in a fraction of the time and memory. */
  status = venture_cli_run (argc, argv);
  if (status >= 0)
    return status;

  return venture_cli_exec_app (argv);
}
