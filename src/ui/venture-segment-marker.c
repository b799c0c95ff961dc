/* venture-segment-marker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-segment-marker"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "venture-segments.h"

#include "venture-segment-marker.h"

struct _VentureSegmentMarker
{
  GtkWidget    parent_instance;

  char        *text;
  guint        color_index;
  PangoLayout *layout;
};

G_DEFINE_FINAL_TYPE (VentureSegmentMarker, venture_segment_marker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_COLOR_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The disc is at least this wide and high, and wider by its padding
 * than a wide initial. */
#define MARKER_MIN_SIZE  16
#define MARKER_PADDING_X 2

/* Drawn in code rather than by CSS, so that a note's sketch (before the
 * note has its widget, see VentureNoteSketch) draws a marker exactly as
 * the widget does: the initial in a smaller bold font of @context. */
PangoLayout *
_venture_segment_marker_new_layout (PangoContext *context,
                                    const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (0.72));
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_venture_segment_marker_get_size (PangoLayout *layout,
                                  int         *width,
                                  int         *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *width = MAX (logical.width, MARKER_MIN_SIZE) + 2 * MARKER_PADDING_X;
  *height = MAX (logical.height, MARKER_MIN_SIZE);
}

/* The disc in the segment's colour, ringed in the window's text colour
 * (so it stands out on any paper, light or dark), and the initial
 * centred on it. */
void
_venture_segment_marker_append (GtkSnapshot *snapshot,
                                PangoLayout *layout,
                                guint        color_index,
                                int          width,
                                int          height)
{
  const VentureSegmentColor *color = venture_segments_get_color (color_index);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fill, ink;
  GdkRGBA ring = dark ? (GdkRGBA) { 1, 1, 1, 0.4f } : (GdkRGBA) { 0, 0, 0, 0.32f };
  PangoRectangle logical;
  GskRoundedRect disc, outline;
  int x, y;

  if (!gdk_rgba_parse (&fill, color->fill) || !gdk_rgba_parse (&ink, color->ink))
    g_return_if_reached ();

  gsk_rounded_rect_init_from_rect (&disc, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0f);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-1, -1, width + 2, height + 2), height / 2.0f + 1);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { ring, ring, ring, ring });
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, &fill, &disc.bounds);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = (int) floor (0.5 * (width - logical.width)) - logical.x;
  y = (int) floor (0.5 * (height - logical.height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
ensure_layout (VentureSegmentMarker *self)
{
  if (self->layout == NULL)
    self->layout = _venture_segment_marker_new_layout (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                                       self->text);

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
  int width, height;

  _venture_segment_marker_get_size (ensure_layout (self), &width, &height);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static void
venture_segment_marker_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  VentureSegmentMarker *self = VENTURE_SEGMENT_MARKER (widget);

  _venture_segment_marker_append (snapshot, ensure_layout (self), self->color_index,
                                  gtk_widget_get_width (widget), gtk_widget_get_height (widget));
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
    case PROP_COLOR_INDEX:
      g_value_set_uint (value, self->color_index);
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
    case PROP_COLOR_INDEX:
      self->color_index = g_value_get_uint (value);
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
  /* the segment's place in the palette of venture_segments_get_color() */
  properties[PROP_COLOR_INDEX] =
    g_param_spec_uint ("color-index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
