/* venture-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "venture-compat.h"
#include "venture-export.h"
#include "venture-file.h"
#include "venture-versions-panel.h"

#include "venture-export-dialog.h"

struct _VentureExportDialog
{
  AdwWindow         parent_instance;

  /* Toasts go to the window if it is still there when an export ends. */
  GWeakRef          window;
  VentureDocument  *document;
  GSettings        *settings;
  gboolean          busy;

  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkWidget        *options_page;
  GtkWidget        *export_button;
  GtkSpinner       *spinner;
  AdwComboRow      *format_row;
  AdwComboRow      *scale_row;
  AdwComboRow      *page_size_row;
  AdwComboRow      *orientation_row;
  GtkWidget        *comparison_group;
  AdwActionRow     *comparison_row;
  GtkSwitch        *comparison_switch;

  /* The comparison the Versions pane showed when the dialog opened. */
  VentureComparison *comparison;
  char              *old_name;
  char              *new_name;
};

G_DEFINE_FINAL_TYPE (VentureExportDialog, venture_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The identifiers of the settings and the command line, in the order of
 * the rows' items in venture-export-dialog.ui. */
static const char * const format_ids[] = { "pdf", "png", "svg", NULL };
static const char * const page_size_ids[] = { "a4", "a3", "letter", NULL };
static const char * const orientation_ids[] = { "landscape", "portrait", NULL };
static const char * const scale_ids[] = { "1", "2", "4", NULL };

static const VentureExportFormat formats[] = {
  VENTURE_EXPORT_FORMAT_PDF, VENTURE_EXPORT_FORMAT_PNG, VENTURE_EXPORT_FORMAT_SVG,
};

/* Settings <-> rows */

static gboolean
id_to_position (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *ids = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_id (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char * const *ids = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) ids))
    return NULL;

  return g_variant_new_string (ids[position]);
}

static void
bind_row (VentureExportDialog *self,
          const char          *key,
          AdwComboRow         *row,
          const char * const  *ids)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                id_to_position, position_to_id, (gpointer) ids, NULL);
}

/* A missing schema (the app run from the build directory without its
 * schema compiled) only means the choices are not remembered. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "export-format"))
    {
      g_debug ("GSettings schema %s not installed; export choices are not remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* Options */

static guint
selected (AdwComboRow        *row,
          const char * const *ids)
{
  guint position = adw_combo_row_get_selected (row);

  /* Nothing selected only happens while the model is being replaced. */
  return position < g_strv_length ((char **) ids) ? position : 0;
}

static void
get_options (VentureExportDialog   *self,
             VentureExportFormat   *format,
             VentureExportSettings *settings)
{
  /* The ids are parsed by the exporter itself, so the dialog, the
   * command line and the settings cannot drift apart. */
  *format = formats[selected (self->format_row, format_ids)];
  if (!venture_page_size_from_string (page_size_ids[selected (self->page_size_row, page_size_ids)],
                                      &settings->page_size, NULL) ||
      !venture_orientation_from_string (orientation_ids[selected (self->orientation_row, orientation_ids)],
                                        &settings->orientation, NULL) ||
      !venture_export_scale_from_string (scale_ids[selected (self->scale_row, scale_ids)],
                                         &settings->scale, NULL))
    g_assert_not_reached ();
}

static void
show_error (VentureExportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_rows (VentureExportDialog *self)
{
  VentureExportFormat format;
  VentureExportSettings settings = VENTURE_EXPORT_SETTINGS_INIT;
  g_autofree char *size = NULL;
  double width, height;

  /* Other options make an old failure moot. */
  show_error (self, NULL);
  get_options (self, &format, &settings);
  venture_page_size_get_points (settings.page_size, settings.orientation, &width, &height);

  /* Only a PNG has pixels. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == VENTURE_EXPORT_FORMAT_PNG);
  /* Translators: the size of a PNG image, e.g. "1684 × 1190 pixels a page". */
  size = g_strdup_printf (_("%d × %d pixels a page"),
                          (int) ceil (width * settings.scale), (int) ceil (height * settings.scale));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), size);
}

static void
set_busy (VentureExportDialog *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->options_page, !busy);
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Export */

typedef struct {
  VentureCanvas         *canvas;
  VentureComparison     *comparison;    /* NULL: the canvas alone */
  char                  *old_name;
  char                  *new_name;
  GFile                 *file;
  VentureExportFormat    format;
  VentureExportSettings  settings;
  GDateTime             *date;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->canvas);
  g_clear_object (&job->comparison);
  g_clear_pointer (&job->old_name, g_free);
  g_clear_pointer (&job->new_name, g_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->date, g_date_time_unref);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (job->comparison != NULL
      ? venture_export_write_comparison (job->comparison, job->old_name, job->new_name, job->file,
                                         job->format, &job->settings, job->date, &error)
      : venture_export_write (job->canvas, job->file, job->format, &job->settings, job->date, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_open_clicked (AdwToast      *toast,
                 VentureWindow *window)
{
  venture_compat_open_file (GTK_WINDOW (window), g_object_get_data (G_OBJECT (toast), "file"));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VentureExportDialog *self = VENTURE_EXPORT_DIALOG (source);
  g_autoptr(VentureWindow) window = g_weak_ref_get (&self->window);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The dialog stays, so another format or scale can be tried; if
       * it was closed meanwhile, the window tells. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) || window == NULL)
        show_error (self, error->message);
      else
        {
          /* Toast titles are markup: a file may be called "R&D.pdf". */
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          toast = adw_toast_new (escaped);
          adw_toast_set_timeout (toast, 0);
          venture_window_add_toast (window, toast);
        }
      return;
    }

  if (window != NULL)
    {
      g_autofree char *name = venture_file_get_display_name (job->file);
      /* Translators: %s is a file name. */
      g_autofree char *message = g_markup_printf_escaped (_("Exported to “%s”"), name);

      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (job->file), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), window, 0);
      venture_window_add_toast (window, toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

void
venture_export_dialog_export_to (VentureExportDialog *self,
                                 GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (VENTURE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  job = g_new0 (ExportJob, 1);
  get_options (self, &job->format, &job->settings);
  /* The thread works on its own copy: the user may go on editing. */
  job->canvas = venture_canvas_copy (venture_document_get_canvas (self->document));
  job->file = g_object_ref (file);
  job->date = g_date_time_new_now_local ();
  if (self->comparison != NULL && gtk_switch_get_active (self->comparison_switch))
    {
      /* Compared again on copies, for the same reason. */
      g_autoptr(VentureCanvas) old_canvas =
        venture_canvas_copy (venture_comparison_get_canvas (self->comparison, VENTURE_COMPARISON_OLD));
      g_autoptr(VentureCanvas) new_canvas =
        venture_canvas_copy (venture_comparison_get_canvas (self->comparison, VENTURE_COMPARISON_NEW));

      job->comparison = venture_comparison_new (old_canvas, new_canvas);
      job->old_name = g_strdup (self->old_name);
      job->new_name = g_strdup (self->new_name);
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  task = g_task_new (self, NULL, on_export_done, NULL);
  g_task_set_source_tag (task, venture_export_dialog_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VentureExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = venture_compat_choose_file_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  venture_export_dialog_export_to (self, file);
}

/* A file name from the canvas title: no directory separators in it. */
static char *
suggest_name (VentureExportDialog *self,
              const char          *extension)
{
  g_autofree char *title = venture_document_dup_title (self->document);

  g_strdelimit (title, "/\\", '-');
  return g_strconcat (title, ".", extension, NULL);
}

static void
on_export_clicked (VentureExportDialog *self)
{
  static const char *filter_names[] = { N_("PDF Documents"), N_("PNG Images"), N_("SVG Images") };
  static const char *mime_types[] = { "application/pdf", "image/png", "image/svg+xml" };
  guint position = selected (self->format_row, format_ids);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", format_ids[position], NULL);
  g_autofree char *name = suggest_name (self, format_ids[position]);

  gtk_file_filter_set_name (filter, _(filter_names[position]));
  gtk_file_filter_add_mime_type (filter, mime_types[position]);
  gtk_file_filter_add_pattern (filter, pattern);
  venture_compat_choose_save_file (GTK_WINDOW (self), _("Export Canvas"), _("_Export"), name,
                                   filter, NULL, on_file_chosen, g_object_ref (self));
}

/* GObject */

static void
venture_export_dialog_constructed (GObject *object)
{
  VentureExportDialog *self = VENTURE_EXPORT_DIALOG (object);
  g_autoptr(VentureWindow) window = g_weak_ref_get (&self->window);

  G_OBJECT_CLASS (venture_export_dialog_parent_class)->constructed (object);

  g_assert (window != NULL);
  self->document = g_object_ref (venture_window_get_document (window));
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (window));

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      bind_row (self, "export-format", self->format_row, format_ids);
      bind_row (self, "export-page-size", self->page_size_row, page_size_ids);
      bind_row (self, "export-orientation", self->orientation_row, orientation_ids);
      bind_row (self, "export-scale", self->scale_row, scale_ids);
    }

  {
    VentureVersionsPanel *panel = VENTURE_VERSIONS_PANEL (venture_window_get_versions_panel (window));
    VentureComparison *comparison = venture_versions_panel_get_comparison (panel);

    if (comparison != NULL)
      {
        g_autofree char *title = NULL;

        self->comparison = g_object_ref (comparison);
        self->old_name = venture_versions_panel_dup_side_name (panel, VENTURE_COMPARISON_OLD);
        self->new_name = venture_versions_panel_dup_side_name (panel, VENTURE_COMPARISON_NEW);
        /* Translators: a switch of the Export dialog; both %s are names
         * of versions ("Now" for the canvas as it is). */
        title = g_strdup_printf (_("Comparison of “%s” and “%s”"), self->old_name, self->new_name);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comparison_row), title);
        gtk_widget_set_visible (self->comparison_group, TRUE);
        /* Room for the extra group without scrolling. */
        gtk_window_set_default_size (GTK_WINDOW (self), 440, 600);
      }
  }
  update_rows (self);
}

static void
venture_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VENTURE_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (venture_export_dialog_parent_class)->dispose (object);
}

static void
venture_export_dialog_finalize (GObject *object)
{
  VentureExportDialog *self = VENTURE_EXPORT_DIALOG (object);

  g_weak_ref_clear (&self->window);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->old_name, g_free);
  g_clear_pointer (&self->new_name, g_free);

  G_OBJECT_CLASS (venture_export_dialog_parent_class)->finalize (object);
}

static void
venture_export_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VentureExportDialog *self = VENTURE_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_take_object (value, g_weak_ref_get (&self->window));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_export_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VentureExportDialog *self = VENTURE_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_weak_ref_set (&self->window, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_export_dialog_class_init (VentureExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = venture_export_dialog_constructed;
  object_class->dispose = venture_export_dialog_dispose;
  object_class->finalize = venture_export_dialog_finalize;
  object_class->get_property = venture_export_dialog_get_property;
  object_class->set_property = venture_export_dialog_set_property;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL, VENTURE_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, comparison_row);
  gtk_widget_class_bind_template_child (widget_class, VentureExportDialog, comparison_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_rows);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
venture_export_dialog_init (VentureExportDialog *self)
{
  g_weak_ref_init (&self->window, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

VentureExportDialog *
venture_export_dialog_new (VentureWindow *window)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (window), NULL);

  return g_object_new (VENTURE_TYPE_EXPORT_DIALOG, "window", window, NULL);
}

gboolean
venture_export_dialog_get_busy (VentureExportDialog *self)
{
  g_return_val_if_fail (VENTURE_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}
