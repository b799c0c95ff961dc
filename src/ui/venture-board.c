/* venture-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-board"

#include "config.h"

#include "venture-block-view.h"

#include "venture-board.h"

/* Below this width the classic five-column poster cannot hold readable
 * notes, so the blocks reflow into one column, in the template's order. */
#define WIDE_MIN_WIDTH      720
#define NARROW_BLOCK_HEIGHT 220
#define MIN_ROW_HEIGHT      160
#define SPACING             6

struct _VentureBoard
{
  GtkWidget        parent_instance;

  VentureTemplate *template;
  GPtrArray       *block_views;   /* VentureBlockView, in template order */
};

G_DEFINE_FINAL_TYPE (VentureBoard, venture_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEMPLATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_wide (int width)
{
  return width >= WIDE_MIN_WIDTH;
}

static void
venture_board_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  VentureBoard *self = VENTURE_BOARD (widget);
  guint n_blocks = self->block_views->len;
  guint rows = self->template ? venture_template_get_rows (self->template) : 1;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int child_min = 0;

      for (guint i = 0; i < n_blocks; i++)
        {
          int block_min;

          gtk_widget_measure (g_ptr_array_index (self->block_views, i), orientation, -1,
                              &block_min, NULL, NULL, NULL);
          child_min = MAX (child_min, block_min);
        }

      *minimum = child_min;
      *natural = MAX (child_min, 1200);
    }
  else if (for_size >= 0 && !is_wide (for_size))
    {
      *minimum = *natural = n_blocks * (NARROW_BLOCK_HEIGHT + SPACING);
    }
  else
    {
      *minimum = rows * (MIN_ROW_HEIGHT + SPACING);
      *natural = rows * (MIN_ROW_HEIGHT * 2 + SPACING);
    }
}

static GtkSizeRequestMode
venture_board_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
venture_board_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VentureBoard *self = VENTURE_BOARD (widget);
  guint columns, rows;
  double cell_width, cell_height;

  if (self->template == NULL)
    return;

  columns = venture_template_get_columns (self->template);
  rows = venture_template_get_rows (self->template);
  cell_width = (double) (width + SPACING) / columns;
  cell_height = (double) (height + SPACING) / rows;

  for (guint i = 0; i < self->block_views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (self->block_views, i);
      const VentureBlockInfo *info = venture_template_get_block (self->template, i);
      GtkAllocation allocation;
      int unused;

      if (is_wide (width))
        {
          allocation.x = (int) (info->column * cell_width);
          allocation.y = (int) (info->row * cell_height);
          allocation.width = (int) ((info->column + info->width) * cell_width) - allocation.x - SPACING;
          allocation.height = (int) ((info->row + info->height) * cell_height) - allocation.y - SPACING;
        }
      else
        {
          allocation.x = 0;
          allocation.y = i * (NARROW_BLOCK_HEIGHT + SPACING);
          allocation.width = width;
          allocation.height = NARROW_BLOCK_HEIGHT;
        }

      /* GTK wants every child measured before it is allocated. */
      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
      gtk_widget_size_allocate (view, &allocation, -1);
    }
}

static void
venture_board_clear_blocks (VentureBoard *self)
{
  for (guint i = 0; i < self->block_views->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->block_views, i));
  g_ptr_array_set_size (self->block_views, 0);
}

static void
venture_board_dispose (GObject *object)
{
  VentureBoard *self = VENTURE_BOARD (object);

  venture_board_clear_blocks (self);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (venture_board_parent_class)->dispose (object);
}

static void
venture_board_finalize (GObject *object)
{
  VentureBoard *self = VENTURE_BOARD (object);

  g_clear_pointer (&self->block_views, g_ptr_array_unref);

  G_OBJECT_CLASS (venture_board_parent_class)->finalize (object);
}

static void
venture_board_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VentureBoard *self = VENTURE_BOARD (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_board_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VentureBoard *self = VENTURE_BOARD (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      venture_board_set_template (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_board_class_init (VentureBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_board_dispose;
  object_class->finalize = venture_board_finalize;
  object_class->get_property = venture_board_get_property;
  object_class->set_property = venture_board_set_property;

  widget_class->measure = venture_board_measure;
  widget_class->get_request_mode = venture_board_get_request_mode;
  widget_class->size_allocate = venture_board_size_allocate;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         VENTURE_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "board");
}

static void
venture_board_init (VentureBoard *self)
{
  self->block_views = g_ptr_array_new ();
}

GtkWidget *
venture_board_new (void)
{
  return g_object_new (VENTURE_TYPE_BOARD, NULL);
}

VentureTemplate *
venture_board_get_template (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->template;
}

void
venture_board_set_template (VentureBoard    *self,
                            VentureTemplate *template)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));
  g_return_if_fail (!template || VENTURE_IS_TEMPLATE (template));

  if (!g_set_object (&self->template, template))
    return;

  venture_board_clear_blocks (self);

  if (template != NULL)
    {
      for (guint i = 0; i < venture_template_get_n_blocks (template); i++)
        {
          GtkWidget *view = venture_block_view_new (venture_template_get_block (template, i));

          gtk_widget_set_parent (view, GTK_WIDGET (self));
          g_ptr_array_add (self->block_views, view);
        }
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

GtkWidget *
venture_board_get_block_view (VentureBoard *self,
                              const char   *block_id)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);

  for (guint i = 0; i < self->block_views->len; i++)
    {
      VentureBlockView *view = g_ptr_array_index (self->block_views, i);

      if (g_strcmp0 (venture_block_view_get_block_id (view), block_id) == 0)
        return GTK_WIDGET (view);
    }

  return NULL;
}
