/* venture-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-application"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-cli.h"
#include "venture-compat.h"
#include "venture-drafts.h"
#include "venture-examples.h"
#include "venture-window.h"

#include "venture-application.h"

struct _VentureApplication
{
  AdwApplication parent_instance;

  /* The command line while GApplication parses it, so that
   * handle_local_options can see the files left after the options. */
  char ***arguments;
  gboolean drafts_offered;
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

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", APP_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* `venture` runs a well-formed export itself (venture_cli_run()); one
   * still reaches here when the app is started as venture-app. */
  if (g_variant_dict_contains (options, "export"))
    {
      VentureCliOptions cli = { 0 };
      /* What is left after the options: the program name, then files. */
      char **argv = self->arguments != NULL ? *self->arguments : NULL;
      guint argc = argv != NULL ? g_strv_length (argv) : 0;
      int status;

      g_variant_dict_lookup (options, "export", "^ay", &cli.export_path);
      g_variant_dict_lookup (options, "page-size", "s", &cli.page_size);
      g_variant_dict_lookup (options, "orientation", "s", &cli.orientation);
      g_variant_dict_lookup (options, "scale", "s", &cli.scale);
      g_variant_dict_lookup (options, "snapshot", "s", &cli.snapshot);
      g_variant_dict_lookup (options, "compare", "s", &cli.compare);
      status = venture_cli_run_export (&cli, argc == 2 ? argv[1] : NULL);
      venture_cli_options_clear (&cli);
      return status;
    }

  if (g_variant_dict_contains (options, "snapshot"))
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture",
                  _("--snapshot only applies to --export"));
      return 1;
    }

  if (g_variant_dict_contains (options, "compare"))
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture",
                  _("--compare only applies to --export"));
      return 1;
    }

  if (g_variant_dict_contains (options, "page-size") || g_variant_dict_contains (options, "orientation") ||
      g_variant_dict_contains (options, "scale"))
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture",
                  _("--page-size, --orientation and --scale only apply to --export"));
      return 1;
    }

  return -1;
}

static void
on_restore_response (const char *response,
                     gpointer    user_data)
{
  g_autoptr(GApplication) app = user_data;
  VentureDrafts *drafts = venture_drafts_get_default ();
  g_autoptr(GPtrArray) infos = venture_drafts_list (drafts);

  for (guint i = 0; i < infos->len; i++)
    {
      VentureDraftInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (response, "restore"))
        {
          VentureWindow *window = venture_window_new (VENTURE_APPLICATION (app), NULL);

          venture_window_restore_draft (window, info->id);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        venture_drafts_remove (drafts, info->id);
    }
}

/* Drafts left when Venture starts are unsaved work of a session that
 * ended without the user closing its windows: a crash, a kill, a power
 * cut. Offer them back, once per run. */
static void
venture_application_offer_drafts (VentureApplication *self,
                                  GtkWindow          *parent)
{
  static const VentureResponse responses[] = {
    { "later", N_("_Not Now"), ADW_RESPONSE_DEFAULT },
    { "discard", N_("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "restore", N_("_Restore"), ADW_RESPONSE_SUGGESTED },
  };
  VentureResponse translated[G_N_ELEMENTS (responses)];
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  infos = venture_drafts_list (venture_drafts_get_default ());
  if (infos->len == 0)
    return;

  for (guint i = 0; i < infos->len; i++)
    {
      VentureDraftInfo *info = g_ptr_array_index (infos, i);

      g_string_append_printf (names, "\n• %s",
                              info->title && *info->title ? info->title : _("Untitled Canvas"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      translated[i] = responses[i];
      translated[i].label = _(responses[i].label);
    }

  body = g_strdup_printf (ngettext ("Venture did not close properly last time. This canvas has unsaved changes:%s",
                                    "Venture did not close properly last time. These canvases have unsaved changes:%s",
                                    infos->len),
                          names->str);
  venture_compat_ask (GTK_WIDGET (parent), _("Restore Unsaved Changes?"), body,
                      translated, G_N_ELEMENTS (translated), "restore", "later",
                      on_restore_response, g_object_ref (self));
}

static void
venture_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (venture_window_new (VENTURE_APPLICATION (app), NULL));
      venture_window_show_start (VENTURE_WINDOW (window));
    }

  gtk_window_present (window);
  venture_application_offer_drafts (VENTURE_APPLICATION (app), window);
}

/* A window nobody has touched yet (no file, no change) can take a file
 * instead of opening one more window next to it. */
static VentureWindow *
find_pristine_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  VentureDocument *document;

  if (!VENTURE_IS_WINDOW (window))
    return NULL;

  document = venture_window_get_document (VENTURE_WINDOW (window));
  if (venture_document_get_file (document) != NULL ||
      venture_document_get_modified (document) ||
      venture_history_get_can_undo (venture_document_get_history (document)) ||
      venture_canvas_get_n_notes (venture_document_get_canvas (document)) > 0)
    return NULL;

  return VENTURE_WINDOW (window);
}

static void
venture_application_open_file (GApplication *app,
                               GFile        *file)
{
  VentureWindow *window = find_pristine_window (app);

  if (window == NULL)
    window = venture_window_new (VENTURE_APPLICATION (app), NULL);

  gtk_window_present (GTK_WINDOW (window));
  venture_window_load_file (window, file);
}

static void
venture_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      /* Each file gets its own window, even the first. */
      VentureWindow *window = venture_window_new (VENTURE_APPLICATION (app), NULL);

      gtk_window_present (GTK_WINDOW (window));
      venture_window_load_file (window, files[i]);
      venture_application_offer_drafts (VENTURE_APPLICATION (app), GTK_WINDOW (window));
    }
}

static void
venture_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (venture_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
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
  app_class->open = venture_application_open;
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

  /* Unsaved work is made safe first, then each window asks about it in
   * its close-request. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (VENTURE_IS_WINDOW (l->data))
      venture_window_write_draft (l->data);

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
venture_application_new_canvas (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (venture_window_new (VENTURE_APPLICATION (user_data), NULL)));
}

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GFile) file = venture_compat_choose_file_finish (result, NULL);

  if (file != NULL)
    venture_application_open_file (app, file);
}

static void
venture_application_open_canvas (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = user_data;

  venture_compat_choose_file (gtk_application_get_active_window (app), VENTURE_CHOOSE_OPEN,
                              _("Open Canvas"), _("_Open"), NULL, NULL,
                              on_open_chosen, g_object_ref (app));
}

/* A new, unsaved copy of an example: saving asks where, and the copy
 * compiled into Venture is never touched. */
static void
venture_application_new_from_example (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  VentureApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = venture_examples_load (g_variant_get_string (parameter, NULL),
                                                           &error);
  g_autoptr(VentureDocument) document = NULL;
  VentureWindow *window, *pristine;

  if (canvas == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (VENTURE_IS_WINDOW (active))
        venture_window_show_toast (VENTURE_WINDOW (active), error->message);
      else
        g_warning ("%s", error->message);
      return;
    }

  /* From the start page of an untouched window, the example takes its
   * place instead of opening next to it. */
  pristine = find_pristine_window (G_APPLICATION (self));
  document = venture_document_new_from_canvas (canvas, TRUE);
  window = venture_window_new (self, document);
  gtk_window_present (GTK_WINDOW (window));
  if (pristine != NULL)
    gtk_window_close (GTK_WINDOW (pristine));
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = venture_application_new_canvas },
  { .name = "new-from-example", .activate = venture_application_new_from_example, .parameter_type = "s" },
  { .name = "open", .activate = venture_application_open_canvas },
  { .name = "about", .activate = venture_application_about },
  { .name = "quit", .activate = venture_application_quit },
};

static void
venture_application_init (VentureApplication *self)
{
  g_autofree GOptionEntry *entries = venture_cli_option_entries (NULL);

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
                                                  "  venture --export=poster.pdf --page-size=a3 canvas.json\n"
                                                  "                                           Print-ready PDF, A3 landscape\n"
                                                  "  venture --export=before.pdf --snapshot=\"Before feedback\" canvas.json\n"
                                                  "                                           A stored version as a PDF\n"
                                                  "  venture --export=changes.pdf --compare=\"Before feedback\" canvas.json\n"
                                                  "                                           What changed since a version"));
}
