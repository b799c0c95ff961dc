/* venture-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-window"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-board.h"
#include "venture-canvas.h"
#include "venture-template.h"
#include "venture-ui-resources.h"

#include "venture-window.h"

struct _VentureWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwWindowTitle       *window_title;
  VentureBoard         *board;
};

G_DEFINE_FINAL_TYPE (VentureWindow, venture_window, ADW_TYPE_APPLICATION_WINDOW)

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

static gboolean
venture_window_close_request (GtkWindow *window)
{
  venture_window_save_state (VENTURE_WINDOW (window));

  return GTK_WINDOW_CLASS (venture_window_parent_class)->close_request (window);
}

static void
venture_window_dispose (GObject *object)
{
  VentureWindow *self = VENTURE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VENTURE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (venture_window_parent_class)->dispose (object);
}

static void
venture_window_class_init (VentureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = venture_window_dispose;
  window_class->close_request = venture_window_close_request;

  g_type_ensure (VENTURE_TYPE_BOARD);
  /* Referencing the resource keeps its registering constructor in the
   * final link, since libventure is a static library. */
  (void) venture_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VentureWindow, board);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
venture_window_init (VentureWindow *self)
{
  g_autoptr(GError) error = NULL;
  VentureTemplate *template;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVEL_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = lookup_settings ();
  venture_window_restore_state (self);

  template = venture_template_get_for_id ("business-model-canvas", &error);
  if (template == NULL)
    g_critical ("The built-in canvas template is broken: %s", error->message);
  venture_board_set_template (self->board, template);

  /* Until documents are wired in, the window shows a fresh canvas. */
  {
    g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");

    venture_board_set_canvas (self->board, canvas);
  }
}

VentureWindow *
venture_window_new (VentureApplication *application)
{
  return g_object_new (VENTURE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

GtkWidget *
venture_window_get_board (VentureWindow *self)
{
  g_return_val_if_fail (VENTURE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->board);
}
