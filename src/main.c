/* main.c: `venture`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include "venture-cli.h"

int
main (int   argc,
      char *argv[])
{
  int status;

#ifdef M_ARENA_MAX
  /* Pango matches fonts in threads of its own; each would get a malloc
   * arena whose pages stay with the process (0.45 MB of a 1,000-note
   * PDF's 22). The app proper, exec'd, starts with the default again. */
  mallopt (M_ARENA_MAX, 1);
#endif

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
