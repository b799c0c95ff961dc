/* venture-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-application"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-cli.h"
#include "venture-window.h"

#include "venture-application.h"

struct _VentureApplication
{
  AdwApplication parent_instance;

  /* The command line while GApplication parses it, so that
   * handle_local_options can see the files left after the options. */
  char ***arguments;
};

G_DEFINE_FINAL_TYPE (VentureApplication, venture_application, ADW_TYPE_APPLICATION)

VentureApplication *
venture_application_new (void)
{
  return g_object_new (VENTURE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

static gboolean
venture_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  VentureApplication *self = VENTURE_APPLICATION (app);
  gboolean handled;

  self->arguments = arguments;
  handled = G_APPLICATION_CLASS (venture_application_parent_class)->local_command_line (app, arguments,
                                                                                        exit_status);
  self->arguments = NULL;

  return handled;
}

/* Runs before the application registers or opens a display: --export
 * must work without X or Wayland, so it never goes further. */
static int
venture_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  VentureApplication *self = VENTURE_APPLICATION (app);
  g_autofree char *export_path = NULL;
  const char *snapshot = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", APP_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "snapshot", "&s", &snapshot);

  if (g_variant_dict_lookup (options, "export", "^ay", &export_path))
    {
      /* What is left after the options: the program name, then files. */
      char **argv = self->arguments != NULL ? *self->arguments : NULL;
      guint argc = argv != NULL ? g_strv_length (argv) : 0;

      return venture_cli_export_snapshot (export_path, argc == 2 ? argv[1] : NULL, snapshot);
    }

  if (snapshot != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture",
                  _("--snapshot only applies to --export"));
      return 1;
    }

  return -1;
}

static void
venture_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (venture_window_new (VENTURE_APPLICATION (app)));

  gtk_window_present (window);
}

static void
venture_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (venture_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
venture_application_class_init (VentureApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = venture_application_local_command_line;
  app_class->handle_local_options = venture_application_handle_local_options;
  app_class->activate = venture_application_activate;
  app_class->startup = venture_application_startup;
}

static void
venture_application_about (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Venture developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", APP_NAME,
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Venture developers"),
                         "developers", developers,
                         "copyright", "© 2026 The Venture developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/ventureapp/venture",
                         "issue-url", "https://github.com/ventureapp/venture/issues",
                         /* Translators: shown in the About window's credits. */
                         "comments", _("The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
venture_application_quit (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window goes through its close-request, where later
   * work asks about unsaved changes. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = venture_application_about },
  { .name = "quit", .activate = venture_application_quit },
};

static void
venture_application_init (VentureApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export the canvas FILE to OUT and exit, without a window; the kind of OUT follows its name: .json"),
      N_("OUT") },
    { "snapshot", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: export the version called NAME stored in the canvas file, not the canvas itself"),
      N_("NAME") },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Brainstorm business models on a canvas of sticky notes."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Examples:\n"
                                                  "  venture canvas.json                      Open a canvas\n"
                                                  "  venture --export=copy.json canvas.json   Write a normalised copy\n"
                                                  "  venture --export=before.json --snapshot=\"Before feedback\" canvas.json\n"
                                                  "                                           Export a stored version"));
}
