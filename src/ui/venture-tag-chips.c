/* venture-tag-chips.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-tag-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-segment-marker.h"
#include "venture-segments.h"

#include "venture-tag-chips.h"

const char *
venture_tag_kind_label (VentureTagKind kind)
{
  switch (kind)
    {
    case VENTURE_TAG_RELATIONSHIP: return _("Relationship type");
    case VENTURE_TAG_STAGE: return _("Stage");
    case VENTURE_TAG_STRATEGY: return _("Acquisition strategy");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
venture_tag_chip_label (VentureTagKind  kind,
                        const char     *id)
{
  const VentureTag *tag = venture_taxonomy_lookup (kind, id);

  /* Translators: a tag id from a newer version of Venture. */
  return tag != NULL ? _(tag->label) : _("unknown");
}

/* A new tooltip on a visible widget makes GTK ask the display server
 * where the pointer is, a round trip for each chip of a thousand notes;
 * a chip not yet on a note has no tooltip to show. */
static void
set_tooltip_unshown (GtkWidget  *chip,
                     const char *tooltip)
{
  gtk_widget_set_visible (chip, FALSE);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_widget_set_visible (chip, TRUE);
}

GtkWidget *
venture_tag_chip_new (VentureTagKind  kind,
                      const char     *id,
                      gboolean        compact)
{
  const VentureTag *tag;
  GtkWidget *chip, *image, *label;
  g_autofree char *tooltip = NULL;
  const char *full;

  g_return_val_if_fail (id != NULL, NULL);

  tag = venture_taxonomy_lookup (kind, id);
  full = venture_tag_chip_label (kind, id);

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_widget_add_css_class (chip, venture_tag_kind_to_member (kind));
  image = gtk_image_new_from_icon_name (tag != NULL ? tag->icon_name : "dialog-question-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 12);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = gtk_label_new (tag != NULL ? (compact ? venture_tag_get_short_label (tag) : _(tag->label)) : _("unknown"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (chip), image);
  gtk_box_append (GTK_BOX (chip), label);

  if (tag != NULL)
    /* Translators: a chip's tooltip: the kind of tag, then its label,
     * e.g. "Stage: Retention". */
    tooltip = g_strdup_printf (_("%s: %s"), venture_tag_kind_label (kind), full);
  else
    /* Translators: %s is a kind of tag ("Stage"), %s the id as stored. */
    tooltip = g_strdup_printf (_("%s from a newer version of Venture: “%s”"),
                               venture_tag_kind_label (kind), id);
  set_tooltip_unshown (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (chip), "venture-tag-id", g_strdup (id), g_free);

  return chip;
}

GtkWidget *
venture_segment_marker_new (VentureCanvas *canvas,
                            VentureNote   *segment)
{
  g_autofree char *initial = NULL;
  g_autofree char *color_class = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *marker;
  int index;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (VENTURE_IS_NOTE (segment), NULL);

  index = MAX (venture_segments_get_index (canvas, venture_note_get_id (segment)), 0);
  initial = venture_segments_dup_initial (venture_note_get_text (segment));
  color_class = g_strdup_printf ("segment-%d", index % VENTURE_SEGMENTS_N_COLORS);

  marker = g_object_new (VENTURE_TYPE_SEGMENT_MARKER,
                         "text", initial,
                         "color-index", (guint) index % VENTURE_SEGMENTS_N_COLORS,
                         NULL);
  gtk_widget_add_css_class (marker, "segment-marker");
  gtk_widget_add_css_class (marker, color_class);
  /* Translators: a marker's tooltip, %s is the segment's note text. */
  tooltip = g_strdup_printf (_("Segment: %s"), venture_note_get_text (segment));
  set_tooltip_unshown (marker, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (marker), "venture-segment-id",
                          g_strdup (venture_note_get_id (segment)), g_free);

  return marker;
}
