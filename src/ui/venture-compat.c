/* venture-compat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-compat"

#include "config.h"

/* This unit alone may see APIs newer than the minimum versions: it uses
 * them only behind the version checks below, each with a fallback. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED
#define GDK_VERSION_MAX_ALLOWED GDK_VERSION_CUR_STABLE
#define ADW_VERSION_MAX_ALLOWED ADW_ENCODE_VERSION (ADW_MAJOR_VERSION, ADW_MINOR_VERSION, 0)

#include <glib/gi18n.h>

#include "venture-compat.h"

static GListModel *
canvas_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) canvases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (canvases, _("Canvases"));
  gtk_file_filter_add_pattern (canvases, "*.json");
  gtk_file_filter_add_mime_type (canvases, "application/json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, canvases);
  g_list_store_append (filters, all);

  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  VentureChooseMode mode = GPOINTER_TO_INT (g_task_get_task_data (task));
  GError *error = NULL;
  GFile *file;

  if (mode == VENTURE_CHOOSE_OPEN)
    file = gtk_file_dialog_open_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_save_finish (dialog, result, &error);

  if (file == NULL)
    {
      /* A dismissed dialog reads the same on every version. */
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
          g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Dismissed");
        }
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
choose_file (GtkWindow           *parent,
             VentureChooseMode    mode,
             const char          *title,
             const char          *accept_label,
             const char          *initial_name,
             GListModel          *filters,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_modal (dialog, TRUE);

  if (mode == VENTURE_CHOOSE_OPEN)
    gtk_file_dialog_open (dialog, parent, cancellable, on_file_dialog_done, task);
  else
    {
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, on_file_dialog_done, task);
    }
}

#else

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Dismissed");

  g_object_unref (native);
}

static void
choose_file (GtkWindow           *parent,
             VentureChooseMode    mode,
             const char          *title,
             const char          *accept_label,
             const char          *initial_name,
             GListModel          *filters,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  native = gtk_file_chooser_native_new (title, parent,
                                        mode == VENTURE_CHOOSE_OPEN ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                                    : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (mode == VENTURE_CHOOSE_SAVE && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
venture_compat_choose_file (GtkWindow           *parent,
                            VentureChooseMode    mode,
                            const char          *title,
                            const char          *accept_label,
                            const char          *initial_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GListModel) filters = canvas_filters ();

  choose_file (parent, mode, title, accept_label, initial_name, filters,
               cancellable, callback, user_data);
}

void
venture_compat_choose_save_file (GtkWindow           *parent,
                                 const char          *title,
                                 const char          *accept_label,
                                 const char          *initial_name,
                                 GtkFileFilter       *filter,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_return_if_fail (GTK_IS_FILE_FILTER (filter));

  g_list_store_append (filters, filter);
  choose_file (parent, VENTURE_CHOOSE_SAVE, title, accept_label, initial_name,
               G_LIST_MODEL (filters), cancellable, callback, user_data);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_launch_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to tell the user beyond what the desktop already shows. */
  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error))
    g_debug ("Could not open the file: %s", error->message);
}

void
venture_compat_open_file (GtkWindow *parent,
                          GFile     *file)
{
  g_autoptr(GtkFileLauncher) launcher = NULL;

  g_return_if_fail (G_IS_FILE (file));

  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, parent, NULL, on_launch_done, NULL);
}

#else

void
venture_compat_open_file (GtkWindow *parent,
                          GFile     *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

#endif

GFile *
venture_compat_choose_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  void     (*callback) (const char *response,
                        gpointer    user_data);
  gpointer   user_data;
} AskData;

static void
ask_data_free (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

/* A dialog answers once: the handler goes away with its first response,
 * and the data with the handler. */
static void
on_ask_response (GObject    *dialog,
                 const char *response,
                 AskData    *data)
{
  g_signal_handlers_disconnect_by_func (dialog, on_ask_response, data);
  data->callback (response, data->user_data);
}

void
venture_compat_ask (GtkWidget             *parent,
                    const char            *heading,
                    const char            *body,
                    const VentureResponse *responses,
                    guint                  n_responses,
                    const char            *default_response,
                    const char            *close_response,
                    void                 (*callback) (const char *response,
                                                      gpointer    user_data),
                    gpointer               user_data)
{
  AskData *data = g_new0 (AskData, 1);

  data->callback = callback;
  data->user_data = user_data;

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *dialog = adw_alert_dialog_new (heading, body);

    for (guint i = 0; i < n_responses; i++)
      {
        adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), responses[i].id, responses[i].label);
        adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), responses[i].id,
                                                  responses[i].appearance);
      }
    adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), default_response);
    adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), close_response);
    g_signal_connect_data (dialog, "response", G_CALLBACK (on_ask_response), data,
                           ask_data_free, 0);
    adw_dialog_present (dialog, parent);
  }
#else
  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                heading, body);

    for (guint i = 0; i < n_responses; i++)
      {
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), responses[i].id,
                                         responses[i].label);
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), responses[i].id,
                                                    responses[i].appearance);
      }
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), close_response);
    g_signal_connect_data (dialog, "response", G_CALLBACK (on_ask_response), data,
                           ask_data_free, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}
