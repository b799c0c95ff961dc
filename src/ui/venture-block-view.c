/* venture-block-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-block-view"

#include "config.h"

#include "venture-ui-resources.h"

#include "venture-block-view.h"

struct _VentureBlockView
{
  GtkWidget  parent_instance;

  char      *block_id;

  GtkLabel  *title_label;
  GtkLabel  *questions_label;
};

G_DEFINE_FINAL_TYPE (VentureBlockView, venture_block_view, GTK_TYPE_WIDGET)

static void
venture_block_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VENTURE_TYPE_BLOCK_VIEW);

  G_OBJECT_CLASS (venture_block_view_parent_class)->dispose (object);
}

static void
venture_block_view_finalize (GObject *object)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (object);

  g_clear_pointer (&self->block_id, g_free);

  G_OBJECT_CLASS (venture_block_view_parent_class)->finalize (object);
}

static void
venture_block_view_class_init (VentureBlockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_block_view_dispose;
  object_class->finalize = venture_block_view_finalize;

  /* Referencing the resource keeps its registering constructor in the
   * final link, since libventure is a static library. */
  (void) venture_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-block-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, questions_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "block");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
venture_block_view_init (VentureBlockView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
venture_block_view_new (const VentureBlockInfo *info)
{
  VentureBlockView *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (VENTURE_TYPE_BLOCK_VIEW, NULL);
  self->block_id = g_strdup (info->id);
  gtk_label_set_label (self->title_label, info->label);
  gtk_label_set_label (self->questions_label, info->questions);
  gtk_widget_add_css_class (GTK_WIDGET (self), info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info->questions,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
venture_block_view_get_block_id (VentureBlockView *self)
{
  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), NULL);
  return self->block_id;
}
