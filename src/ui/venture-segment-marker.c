/* venture-segment-marker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-segment-marker"

#include "config.h"

#include <math.h>

#include "venture-segment-marker.h"

struct _VentureSegmentMarker
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;
};

G_DEFINE_FINAL_TYPE (VentureSegmentMarker, venture_segment_marker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoLayout *
ensure_layout (VentureSegmentMarker *self)
{
  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  return self->layout;
}

static void
venture_segment_marker_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (widget);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (ensure_layout (self), NULL, &logical);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = logical.width;
    }
  else
    {
      *minimum = *natural = logical.height;
      *minimum_baseline = *natural_baseline = pango_layout_get_baseline (self->layout) / PANGO_SCALE;
    }
}

/* Centred as a GtkLabel centres its text. */
static void
venture_segment_marker_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (widget);
  PangoRectangle logical;
  GdkRGBA ink;
  int x, y;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  pango_layout_get_pixel_extents (ensure_layout (self), NULL, &logical);
  x = (int) floor (0.5 * (gtk_widget_get_width (widget) - logical.width)) - logical.x;
  y = (int) floor (0.5 * (gtk_widget_get_height (widget) - logical.height));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &ink);
  gtk_snapshot_restore (snapshot);
}

static void
venture_segment_marker_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (widget);

  GTK_WIDGET_CLASS (venture_segment_marker_parent_class)->css_changed (widget, change);
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
}

static void
venture_segment_marker_finalize (GObject *object)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (venture_segment_marker_parent_class)->finalize (object);
}

static void
venture_segment_marker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_segment_marker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      /* Construct-only: a marker of another segment is a new marker. */
      self->text = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_segment_marker_class_init (VentureSegmentMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = venture_segment_marker_finalize;
  object_class->get_property = venture_segment_marker_get_property;
  object_class->set_property = venture_segment_marker_set_property;

  widget_class->measure = venture_segment_marker_measure;
  widget_class->snapshot = venture_segment_marker_snapshot;
  widget_class->css_changed = venture_segment_marker_css_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The theme styles it as the label it replaces. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
venture_segment_marker_init (VentureSegmentMarker *self)
{
}

const char *
venture_segment_marker_get_text (VentureSegmentMarker *self)
{
  g_return_val_if_fail (VENTURE_IS_SEGMENT_MARKER (self), NULL);
  return self->text;
}
