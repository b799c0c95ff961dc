/* venture-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "venture-board.h"
#include "venture-compat.h"
#include "venture-drafts.h"
#include "venture-export-dialog.h"
#include "venture-file.h"
#include "venture-history-file.h"
#include "venture-history-list.h"
#include "venture-mix-panel.h"
#include "venture-print-operation.h"
#include "venture-template.h"
#include "venture-validate.h"
#include "venture-ui-resources.h"
#include "venture-versions-panel.h"

#include "venture-window.h"

struct _VentureWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  VentureDocument      *document;
  GCancellable         *cancellable;
  /* The draft that keeps this window's unsaved work (VentureDrafts). */
  char                 *draft_id;
  guint                 autosave_source;

  /* Set while the user chose "Save" in the close question, so that the
   * window closes once the save succeeded. */
  gboolean              close_after_save;
  /* Set once the user agreed to close, so close-request lets it go. */
  gboolean              closing;

  VentureHistoryList   *history_list;
  GtkNoSelection       *history_selection;  /* of history_list, for history_view */
  GFileMonitor         *file_monitor;
  /* The "changed by another program" toast, while it is shown. */
  AdwToast             *outside_change_toast;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkListBox           *recent_list;
  GtkWidget            *recent_heading;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *title_button;
  GtkPopover           *title_popover;
  GtkEntry             *title_entry;
  GtkMenuButton        *history_button;
  GtkListView          *history_view;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  VentureBoard         *board;
  VentureVersionsPanel *versions_panel;
  GtkRevealer          *versions_revealer;
  GtkWidget            *mix_button;
  GtkRevealer          *mix_revealer;
  VentureMixPanel      *mix_panel;
  gboolean              mix_visible;
};

G_DEFINE_FINAL_TYPE (VentureWindow, venture_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MIX_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void venture_window_save_as (VentureWindow *self);
static void venture_window_focus_first_block (VentureWindow *self);

/* A missing schema must not take the app down (for instance when it is run
 * from the build directory without the schema compiled next to it): the
 * window then simply does not remember its size. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed; window state is not remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
venture_window_restore_state (VentureWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
venture_window_save_state (VentureWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

void
venture_window_show_toast (VentureWindow *self,
                           const char    *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (VENTURE_IS_WINDOW (self));

  /* Toast titles are markup, and messages quote file names and texts. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
venture_window_add_toast (VentureWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (VENTURE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Long enough not to write while someone types, short enough that a
 * crash loses little. */
#define AUTOSAVE_DELAY_SECONDS 3

void
venture_window_write_draft (VentureWindow *self)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (VENTURE_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (!venture_document_get_modified (self->document))
    return;

  contents = venture_document_to_bytes (self->document);
  title = venture_document_dup_title (self->document);
  if (!venture_drafts_write (venture_drafts_get_default (), self->draft_id,
                             venture_document_get_file (self->document), title, contents, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "No space left on device". */
      message = g_strdup_printf (_("Unsaved changes could not be kept safe: %s"), error->message);
      venture_window_show_toast (self, message);
    }
}

static gboolean
on_autosave_timeout (gpointer user_data)
{
  VentureWindow *self = user_data;

  self->autosave_source = 0;
  venture_window_write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
venture_window_schedule_autosave (VentureWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (venture_document_get_modified (self->document))
    self->autosave_source = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS, on_autosave_timeout, self);
  else
    venture_drafts_remove (venture_drafts_get_default (), self->draft_id);
}

static void
venture_window_remember_recent (VentureWindow *self)
{
  GFile *file = venture_document_get_file (self->document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "venture %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
on_outside_change_toast_dismissed (VentureWindow *self)
{
  self->outside_change_toast = NULL;
}

static void
on_file_changed (VentureWindow     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_MOVED_OUT)
    return;

  /* Our own saves move the etag along: only someone else's write differs. */
  if (self->outside_change_toast != NULL ||
      venture_document_get_busy (self->document) ||
      !venture_document_is_changed_on_disk (self->document))
    return;

  name = venture_file_get_display_name (venture_document_get_file (self->document));
  /* Translators: %s is a file name. */
  message = g_markup_printf_escaped (_("“%s” was changed by another program"), name);
  self->outside_change_toast = adw_toast_new (message);
  adw_toast_set_timeout (self->outside_change_toast, 0);
  adw_toast_set_button_label (self->outside_change_toast, _("_Reload"));
  adw_toast_set_action_name (self->outside_change_toast, "win.reload");
  g_signal_connect_object (self->outside_change_toast, "dismissed",
                           G_CALLBACK (on_outside_change_toast_dismissed), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->outside_change_toast);
}

static void
venture_window_watch_file (VentureWindow *self)
{
  GFile *file = venture_document_get_file (self->document);

  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }

  if (file == NULL)
    return;

  self->file_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->file_monitor != NULL)
    g_signal_connect_swapped (self->file_monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/* The one place that decides which actions can run now. */
static void
venture_window_update_actions (VentureWindow *self)
{
  VentureHistory *history = venture_document_get_history (self->document);
  gboolean busy = venture_document_get_busy (self->document);
  /* A version shown read-only can only be saved as a canvas of its own. */
  gboolean read_only = venture_document_get_read_only (self->document);
  const char *undo_label = venture_history_get_undo_label (history);
  const char *redo_label = venture_history_get_redo_label (history);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 !busy && !read_only && venture_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 !busy && !read_only && venture_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !busy && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 !busy && venture_document_get_file (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-canvas", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-versions", !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry), !read_only);

  /* Translators: %s is what the step did, e.g. "Move Note". */
  undo_tooltip = undo_label ? g_strdup_printf (_("Undo %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: %s is what the step did, e.g. "Move Note". */
  redo_tooltip = redo_label ? g_strdup_printf (_("Redo %s"), redo_label) : g_strdup (_("Redo"));
  /* Setting a tooltip, even the same, updates the accessible
   * description: not on every step of a drag. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->undo_button)), undo_tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->redo_button)), redo_tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip);
}

static void
venture_window_update_title (VentureWindow *self)
{
  g_autofree char *title = venture_document_dup_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file = venture_document_get_file (self->document);
  gboolean modified = venture_document_get_modified (self->document);

  /* The unsaved marker is part of the text, so it is read out too. */
  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent ? g_file_get_parse_name (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && home != NULL && g_str_has_prefix (path, home))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&path);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "start") == 0)
    {
      adw_window_title_set_title (self->window_title, APP_NAME);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), APP_NAME);
      return;
    }

  if (venture_document_get_read_only (self->document))
    {
      const char *version = venture_document_get_version_name (self->document);
      const char *of = venture_document_get_version_of (self->document);

      g_free (subtitle);
      /* Translators: under the name of a version shown read-only, %s is
       * the title of the canvas it is a version of. */
      subtitle = g_strdup_printf (_("Version of %s, read-only"), of != NULL ? of : title);
      adw_window_title_set_title (self->window_title, version);
      adw_window_title_set_subtitle (self->window_title, subtitle);
      /* Translators: the window title of a version shown read-only: the
       * version's name, then the title of the canvas it is a version of. */
      window_title = g_strdup_printf (_("%s — version of %s, read-only"), version, of != NULL ? of : title);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
      return;
    }

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the window title, %s is the canvas title. */
  window_title = g_strdup_printf (_("%s – Venture"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
venture_window_bind_contents (VentureWindow *self)
{
  VentureCanvas *canvas = venture_document_get_canvas (self->document);
  VentureHistory *history = venture_document_get_history (self->document);
  gboolean read_only = venture_document_get_read_only (self->document);
  g_autoptr(GError) error = NULL;
  VentureTemplate *template = venture_template_get_for_id (venture_canvas_get_template_id (canvas),
                                                           &error);

  if (template == NULL)
    g_critical ("A loaded canvas has no template: %s", error->message);

  venture_board_set_template (self->board, template);
  venture_board_set_canvas (self->board, canvas);
  venture_board_set_history (self->board, history);
  venture_board_set_read_only (self->board, read_only);
  /* A version has no versions of its own to list or save. */
  venture_versions_panel_bind (self->versions_panel, read_only ? NULL : canvas, history, self->board);
  if (read_only)
    gtk_revealer_set_reveal_child (self->versions_revealer, FALSE);
  venture_history_list_set_history (self->history_list, history);

  g_signal_connect_object (history, "notify", G_CALLBACK (venture_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "changed", G_CALLBACK (venture_window_schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  venture_window_update_actions (self);
  venture_window_update_title (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "canvas") == 0)
    venture_window_focus_first_block (self);
}

static void
on_document_notify (VentureWindow *self,
                    GParamSpec    *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "canvas") || g_str_equal (name, "read-only"))
    venture_window_bind_contents (self);
  else if (g_str_equal (name, "file"))
    {
      venture_window_watch_file (self);
      venture_window_update_actions (self);
      venture_window_update_title (self);
    }
  else if (g_str_equal (name, "busy"))
    venture_window_update_actions (self);
  else
    {
      if (g_str_equal (name, "modified"))
        venture_window_schedule_autosave (self);
      venture_window_update_title (self);
    }
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VentureWindow) self = user_data;
  VentureDocument *document = VENTURE_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  const GError *notice;

  if (!venture_document_load_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        venture_window_show_toast (self, error->message);
      return;
    }

  venture_window_remember_recent (self);
  notice = venture_document_get_history_notice (document);
  if (notice != NULL)
    venture_window_show_toast (self, g_error_matches (notice, VENTURE_HISTORY_FILE_ERROR,
                                                      VENTURE_HISTORY_FILE_ERROR_MISMATCH)
                                     ? _("The canvas was changed outside Venture, so its undo history was not loaded")
                                     : _("The undo history in this file could not be read and was not loaded"));
}

#define MAX_RECENT 8

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
venture_window_fill_recent (VentureWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) canvases = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (canvases, info);
    }
  g_ptr_array_sort (canvases, compare_recent);

  for (guint i = 0; i < MIN (canvases->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (canvases, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *location = gtk_recent_info_get_uri_display (info);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), canvases->len > 0);
  gtk_widget_set_visible (self->recent_heading, canvases->len > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

void
venture_window_show_start (VentureWindow *self)
{
  g_return_if_fail (VENTURE_IS_WINDOW (self));

  venture_window_fill_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  venture_window_update_title (self);
}

/* Typing on a focused block starts a note there, so a fresh canvas is
 * ready for the first idea without a click. */
static void
venture_window_focus_first_block (VentureWindow *self)
{
  VentureTemplate *template = venture_board_get_template (self->board);
  GtkWidget *block;

  if (template == NULL || venture_template_get_n_blocks (template) == 0)
    return;

  block = venture_board_get_block_view (self->board, venture_template_get_block (template, 0)->id);
  if (block != NULL)
    gtk_widget_grab_focus (block);
}

static void
venture_window_show_canvas (VentureWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "canvas");
  venture_window_update_title (self);
  venture_window_focus_first_block (self);
}

static void
on_recent_activated (VentureWindow *self,
                     GtkListBoxRow *row)
{
  venture_window_load_file (self, g_object_get_data (G_OBJECT (row), "file"));
}

static void
action_start_new (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  venture_window_show_canvas (VENTURE_WINDOW (widget));
}

void
venture_window_load_file (VentureWindow *self,
                          GFile         *file)
{
  g_return_if_fail (VENTURE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  venture_window_show_canvas (self);
  venture_document_load_async (self->document, file, self->cancellable,
                               on_load_done, g_object_ref (self));
}

/* Returns whether the document was saved; tells the user why not. */
static gboolean
venture_window_save_to (VentureWindow *self,
                        GFile         *file,
                        gboolean       force)
{
  g_autoptr(GError) error = NULL;

  if (venture_document_save (self->document, file, force, NULL, &error))
    {
      venture_window_remember_recent (self);
      return TRUE;
    }

  if (g_error_matches (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK))
    {
      /* Never overwrite someone else's changes without asking. */
      venture_window_show_toast (self, error->message);
      return FALSE;
    }

  venture_window_show_toast (self, error->message);
  return FALSE;
}

static void
venture_window_finish_save (VentureWindow *self,
                            gboolean       saved)
{
  gboolean close = self->close_after_save;

  self->close_after_save = FALSE;
  if (saved && close)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
venture_window_save (VentureWindow *self)
{
  if (venture_document_get_file (self->document) == NULL)
    venture_window_save_as (self);
  else
    venture_window_finish_save (self, venture_window_save_to (self, NULL, FALSE));
}

static void
on_save_as_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VentureWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = venture_compat_choose_file_finish (result, &error);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  /* The user picked this file and confirmed replacing it. */
  venture_window_finish_save (self, venture_window_save_to (self, file, TRUE));
}

static void
venture_window_save_as (VentureWindow *self)
{
  g_autofree char *title = venture_document_dup_title (self->document);
  g_autofree char *name = g_strconcat (title, ".json", NULL);

  venture_compat_choose_file (GTK_WINDOW (self), VENTURE_CHOOSE_SAVE, _("Save Canvas"),
                              _("_Save"), name, self->cancellable,
                              on_save_as_chosen, g_object_ref (self));
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  venture_window_save (VENTURE_WINDOW (widget));
}

static void
action_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  venture_window_save_as (VENTURE_WINDOW (widget));
}

/* While a note's text is being edited, Ctrl+Z belongs to the text: GTK
 * 4.8 lets the window's shortcut win over the text view's own, so the
 * window hands it on while the text has something to undo. */
static gboolean
forward_to_text (VentureWindow *self,
                 const char    *text_action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || !(GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus)))
    return FALSE;

  return gtk_widget_activate_action (focus, text_action, NULL);
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VentureWindow *self = VENTURE_WINDOW (widget);

  if (forward_to_text (self, "text.undo"))
    return;

  venture_history_undo (venture_document_get_history (self->document));
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VentureWindow *self = VENTURE_WINDOW (widget);

  if (forward_to_text (self, "text.redo"))
    return;

  venture_history_redo (venture_document_get_history (self->document));
}

static void
on_reload_response (const char *response,
                    gpointer    user_data)
{
  g_autoptr(VentureWindow) self = user_data;

  if (g_str_equal (response, "reload"))
    venture_window_load_file (self, venture_document_get_file (self->document));
}

static void
action_reload (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VentureWindow *self = VENTURE_WINDOW (widget);
  static const VentureResponse responses[] = {
    { "cancel", N_("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "reload", N_("_Reload"), ADW_RESPONSE_DESTRUCTIVE },
  };
  VentureResponse translated[G_N_ELEMENTS (responses)];

  if (!venture_document_get_modified (self->document))
    {
      venture_window_load_file (self, venture_document_get_file (self->document));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      translated[i] = responses[i];
      translated[i].label = _(responses[i].label);
    }
  venture_compat_ask (GTK_WIDGET (self), _("Reload and Lose Unsaved Changes?"),
                      _("The canvas will show the file as it is on disk now. Your unsaved changes will be lost."),
                      translated, G_N_ELEMENTS (translated), "cancel", "cancel",
                      on_reload_response, g_object_ref (self));
}

static void
action_rename_canvas (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (VENTURE_WINDOW (widget)->title_button);
}

/* Export and print */

static void
venture_window_show_print_error (VentureWindow *self,
                                 const GError  *error)
{
  /* Toast titles are markup, and a printer or file name may hold a "&". */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (venture_export_dialog_new (VENTURE_WINDOW (widget))));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               VentureWindow           *self)
{
  g_autoptr(GError) error = venture_print_operation_dup_error (VENTURE_PRINT_OPERATION (operation));

  if (error != NULL)
    venture_window_show_print_error (self, error);
  g_object_set_data (G_OBJECT (operation), "venture-reported", GINT_TO_POINTER (TRUE));
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VentureWindow *self = VENTURE_WINDOW (widget);
  g_autoptr(VenturePrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = venture_print_operation_new (venture_document_get_canvas (self->document), NULL);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* Errors found before the dialog came up, unless ::done told them. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL &&
      g_object_get_data (G_OBJECT (operation), "venture-reported") == NULL)
    venture_window_show_print_error (self, error);
}

static void
on_title_popover_show (VentureWindow *self)
{
  const char *title = venture_canvas_get_title (venture_document_get_canvas (self->document));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
on_title_entry_activate (VentureWindow *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  if (!venture_document_get_read_only (self->document) && venture_validate_title (title, NULL))
    venture_canvas_set_title (venture_document_get_canvas (self->document), title);
  gtk_popover_popdown (self->title_popover);
}

static void
history_item_setup (GtkListItemFactory *factory,
                    GtkListItem        *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
history_item_bind (GtkListItemFactory *factory,
                   GtkListItem        *item,
                   VentureWindow      *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *step = gtk_list_item_get_item (item);
  guint index = gtk_list_item_get_position (item);
  gboolean current = venture_history_list_is_current (self->history_list, index);
  gboolean undone = venture_history_list_is_undone (self->history_list, index);
  g_autofree char *text = NULL;

  /* The current state is marked in words too, not by style alone. */
  text = current ? g_strdup_printf (_("%s (current)"), gtk_string_object_get_string (step))
                 : g_strdup (gtk_string_object_get_string (step));
  gtk_label_set_label (GTK_LABEL (label), text);
  if (current)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (undone)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
on_history_shown (VentureWindow *self)
{
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (self->history_selection));
}

static void
on_history_hidden (VentureWindow *self)
{
  gtk_list_view_set_model (self->history_view, NULL);
}

static void
on_history_activate (VentureWindow *self,
                     guint          index)
{
  venture_history_jump (venture_document_get_history (self->document),
                        venture_history_list_get_item_position (self->history_list, index));
  gtk_menu_button_popdown (self->history_button);
}

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  VentureWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0 || app == NULL)
    return FALSE;

  g_application_open (G_APPLICATION (app), (GFile **) files->pdata, files->len, "");
  return TRUE;
}

static void
on_close_response (const char *response,
                   gpointer    user_data)
{
  g_autoptr(VentureWindow) self = user_data;

  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      venture_window_save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
venture_window_close_request (GtkWindow *window)
{
  VentureWindow *self = VENTURE_WINDOW (window);

  if (!self->closing && venture_document_get_modified (self->document))
    {
      static const VentureResponse responses[] = {
        { "cancel", N_("_Cancel"), ADW_RESPONSE_DEFAULT },
        { "discard", N_("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
        { "save", N_("_Save"), ADW_RESPONSE_SUGGESTED },
      };
      VentureResponse translated[G_N_ELEMENTS (responses)];
      g_autofree char *title = venture_document_dup_title (self->document);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
        {
          translated[i] = responses[i];
          translated[i].label = _(responses[i].label);
        }

      /* Translators: %s is the canvas title. */
      heading = g_strdup_printf (_("Save Changes to “%s”?"), title);
      venture_compat_ask (GTK_WIDGET (self), heading,
                          _("Unsaved changes will be lost if you close without saving."),
                          translated, G_N_ELEMENTS (translated), "save", "cancel",
                          on_close_response, g_object_ref (self));
      return TRUE;
    }

  /* Closing with nothing unsaved, or the user chose to discard it. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  venture_drafts_remove (venture_drafts_get_default (), self->draft_id);
  venture_window_save_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (venture_window_parent_class)->close_request (window);
}

/* Relationships (issue 6): the mix panel and the highlight. */

void
venture_window_set_mix_visible (VentureWindow *self,
                                gboolean       visible)
{
  g_return_if_fail (VENTURE_IS_WINDOW (self));

  visible = !!visible;
  if (self->mix_visible == visible)
    return;

  self->mix_visible = visible;
  /* Hidden until first asked for, the panel makes no card for its hints
   * (a thousand on a large canvas) while the window opens. */
  if (visible)
    gtk_widget_set_visible (GTK_WIDGET (self->mix_panel), TRUE);
  gtk_revealer_set_reveal_child (self->mix_revealer, visible);
  /* A highlight nobody can see explained is confusing: it goes too. */
  if (!visible)
    venture_mix_panel_clear_highlight (self->mix_panel);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIX_VISIBLE]);
}

GtkWidget *
venture_window_get_versions_panel (VentureWindow *self)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->versions_panel);
}

GtkWidget *
venture_window_get_mix_panel (VentureWindow *self)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->mix_panel);
}

static void
action_clear_highlight (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  venture_mix_panel_clear_highlight (VENTURE_WINDOW (widget)->mix_panel);
}

/* Escape clears a highlight before anything else sees it, unless text is
 * being edited (there Escape belongs to the editor). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VentureWindow         *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Escape || !venture_mix_panel_has_highlight (self->mix_panel))
    return FALSE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus)))
    return FALSE;

  venture_mix_panel_clear_highlight (self->mix_panel);
  return TRUE;
}

/* The header bar has no room for the mix button in a phone-sized
 * window (360 px); there the primary menu and F9 still show the panel.
 * The gap between the two widths keeps the button from flickering. */
#define MIX_BUTTON_HIDE_BELOW 440
#define MIX_BUTTON_SHOW_FROM  480

static void
update_mix_button (VentureWindow *self)
{
  int width, height;

  /* GTK 4.8 needs both pointers. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width <= 0 || width >= MIX_BUTTON_SHOW_FROM)
    gtk_widget_set_visible (self->mix_button, TRUE);
  else if (width < MIX_BUTTON_HIDE_BELOW)
    gtk_widget_set_visible (self->mix_button, FALSE);
}

static void
on_default_width (VentureWindow *self,
                  GParamSpec    *pspec,
                  gpointer       user_data)
{
  update_mix_button (self);
}

static void
venture_window_init_relationships (VentureWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width), NULL);
  update_mix_button (self);
  gtk_event_controller_set_name (keys, "venture-highlight-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  venture_mix_panel_set_board (self->mix_panel, self->board);
}

static void
venture_window_constructed (GObject *object)
{
  VentureWindow *self = VENTURE_WINDOW (object);

  G_OBJECT_CLASS (venture_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = venture_document_new ();

  g_signal_connect_object (self->document, "notify", G_CALLBACK (on_document_notify),
                           self, G_CONNECT_SWAPPED);
  venture_window_bind_contents (self);
}

static void
venture_window_dispose (GObject *object)
{
  VentureWindow *self = VENTURE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);

  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), VENTURE_TYPE_WINDOW);
  g_clear_object (&self->history_selection);
  g_clear_object (&self->history_list);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (venture_window_parent_class)->dispose (object);
}

static void
venture_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VentureWindow *self = VENTURE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MIX_VISIBLE:
      g_value_set_boolean (value, self->mix_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VentureWindow *self = VENTURE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_MIX_VISIBLE:
      venture_window_set_mix_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shows or hides the Versions pane; it stays open beside the board
 * while a comparison marks the notes. */
static void
action_show_versions (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VentureWindow *self = VENTURE_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->versions_revealer,
                                 !gtk_revealer_get_reveal_child (self->versions_revealer));
}

/* A version opens read-only in a window of its own, beside the canvas. */
static void
on_open_version (VentureWindow  *self,
                 VentureVersion *version)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *title = venture_document_dup_title (self->document);
  g_autoptr(VentureDocument) document = venture_document_new_for_version (version, title);
  VentureWindow *window;

  if (app == NULL)
    return;

  window = venture_window_new (VENTURE_APPLICATION (app), document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
venture_window_class_init (VentureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = venture_window_constructed;
  object_class->dispose = venture_window_dispose;
  object_class->get_property = venture_window_get_property;
  object_class->set_property = venture_window_set_property;
  window_class->close_request = venture_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, VENTURE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MIX_VISIBLE] =
    g_param_spec_boolean ("mix-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VENTURE_TYPE_BOARD);
  g_type_ensure (VENTURE_TYPE_VERSIONS_PANEL);
  g_type_ensure (VENTURE_TYPE_MIX_PANEL);
  /* Referencing the resource keeps its registering constructor in the
   * final link, since libventure is a static library. */
  (void) venture_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, recent_heading);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, title_popover);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_title_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_history_activate);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, board);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, versions_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_open_version);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, versions_revealer);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, mix_revealer);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, mix_button);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, mix_panel);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.show-versions", NULL, action_show_versions);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.start-new", NULL, action_start_new);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, action_reload);
  gtk_widget_class_install_action (widget_class, "win.rename-canvas", NULL, action_rename_canvas);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_property_action (widget_class, "win.show-mix", "mix-visible");
  gtk_widget_class_install_action (widget_class, "win.clear-highlight", NULL, action_clear_highlight);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-mix", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
}

static void
venture_window_init (VentureWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVEL_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  venture_window_init_relationships (self);

  self->cancellable = g_cancellable_new ();
  self->draft_id = venture_drafts_new_id ();
  gtk_stack_set_visible_child_name (self->main_stack, "canvas");

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    self->history_list = venture_history_list_new (NULL);
    self->history_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history_list)));
    g_signal_connect (factory, "setup", G_CALLBACK (history_item_setup), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (history_item_bind), self);
    gtk_list_view_set_factory (self->history_view, factory);
    /* The list shows the steps only while its popover is open: bound to
     * them while hidden, it would make its rows again at every step, a
     * fifth of each frame of a drag. */
    g_signal_connect_object (gtk_menu_button_get_popover (self->history_button), "show",
                             G_CALLBACK (on_history_shown), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (gtk_menu_button_get_popover (self->history_button), "hide",
                             G_CALLBACK (on_history_hidden), self, G_CONNECT_SWAPPED);

    /* A canvas file dropped on the window opens, as with File > Open. */
    g_signal_connect (drop, "drop", G_CALLBACK (on_files_dropped), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  self->settings = lookup_settings ();
  venture_window_restore_state (self);
}

VentureWindow *
venture_window_new (VentureApplication *application,
                    VentureDocument    *document)
{
  return g_object_new (VENTURE_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

VentureDocument *
venture_window_get_document (VentureWindow *self)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (self), NULL);
  return self->document;
}

void
venture_window_restore_draft (VentureWindow *self,
                              const char    *draft_id)
{
  VentureDrafts *drafts = venture_drafts_get_default ();
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GFile *original = NULL;

  g_return_if_fail (VENTURE_IS_WINDOW (self));

  infos = venture_drafts_list (drafts);
  for (guint i = 0; i < infos->len; i++)
    {
      VentureDraftInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->id, draft_id))
        original = info->original;
    }

  contents = venture_drafts_read (drafts, draft_id, &error);
  if (contents == NULL ||
      !venture_document_load_draft (self->document, contents, original, &error))
    {
      venture_window_show_toast (self, error->message);
      return;
    }

  venture_window_show_canvas (self);
  /* From now on this window keeps that draft up to date. */
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
}

GtkWidget *
venture_window_get_board (VentureWindow *self)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->board);
}
