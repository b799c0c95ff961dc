/* venture-tag-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-tag-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-segments.h"
#include "venture-tag-chips.h"

#include "venture-tag-popover.h"

struct _VentureTagPopover
{
  GtkPopover      parent_instance;

  VentureCanvas  *canvas;
  VentureNote    *note;
  /* Per kind: the "None" option first, then one per taxonomy entry. */
  GPtrArray      *options[VENTURE_N_TAG_KINDS];
  GtkLabel       *unknown_labels[VENTURE_N_TAG_KINDS];
  GPtrArray      *segment_options;
  gboolean        syncing;

  GtkStack       *stack;
  GtkBox         *type_box;
  GtkBox         *stage_box;
  GtkBox         *strategy_box;
  GtkBox         *segments_box;
  GtkLabel       *segments_label;
};

G_DEFINE_FINAL_TYPE (VentureTagPopover, venture_tag_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBox *
box_for_kind (VentureTagPopover *self,
              VentureTagKind     kind)
{
  switch (kind)
    {
    case VENTURE_TAG_RELATIONSHIP: return self->type_box;
    case VENTURE_TAG_STAGE: return self->stage_box;
    case VENTURE_TAG_STRATEGY: return self->strategy_box;
    default: g_return_val_if_reached (NULL);
    }
}

static void
sync_tags (VentureTagPopover *self)
{
  self->syncing = TRUE;

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *id = venture_note_get_tag (self->note, kind);
      const VentureTag *tag = venture_taxonomy_lookup (kind, id);
      GPtrArray *options = self->options[kind];
      gboolean found = FALSE;

      for (guint i = 0; i < options->len; i++)
        {
          GtkCheckButton *option = g_ptr_array_index (options, i);
          const char *option_id = g_object_get_data (G_OBJECT (option), "venture-tag-id");
          gboolean active = g_strcmp0 (option_id, id) == 0;

          found |= active;
          gtk_check_button_set_active (option, active);
        }

      /* A tag from a newer version: no option is chosen, it is named. */
      if (!found && id != NULL && tag == NULL)
        {
          g_autofree char *text =
            /* Translators: %s is a tag id Venture does not know. */
            g_strdup_printf (_("This note has a tag from a newer version of Venture: “%s”. Choosing here replaces it."), id);

          gtk_label_set_text (self->unknown_labels[kind], text);
          gtk_widget_set_visible (GTK_WIDGET (self->unknown_labels[kind]), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (self->unknown_labels[kind]), FALSE);
    }

  self->syncing = FALSE;
}

static void
on_segment_toggled (GtkCheckButton    *button,
                    VentureTagPopover *self)
{
  const char *segment_id = g_object_get_data (G_OBJECT (button), "venture-segment-id");

  if (self->syncing)
    return;

  venture_segments_set_linked (self->canvas, self->note, segment_id,
                               gtk_check_button_get_active (button));
}

static void
rebuild_segments (VentureTagPopover *self)
{
  g_autoptr(GPtrArray) segments = venture_segments_list (self->canvas);
  gboolean can_link = venture_segments_block_can_link (venture_note_get_block (self->note));
  GtkWidget *child;

  self->syncing = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->segments_box))) != NULL)
    gtk_box_remove (self->segments_box, child);
  g_ptr_array_set_size (self->segment_options, 0);

  if (venture_segments_is_segment (self->note))
    gtk_label_set_text (self->segments_label,
                        _("This note is a customer segment. Link notes in Value Propositions, Channels, Customer Relationships and Revenue Streams to it."));
  else if (!can_link)
    gtk_label_set_text (self->segments_label,
                        _("Notes in Value Propositions, Channels, Customer Relationships and Revenue Streams can serve segments."));
  else if (segments->len == 0)
    gtk_label_set_text (self->segments_label,
                        _("Add notes to Customer Segments to link them here."));
  else
    gtk_label_set_text (self->segments_label, _("The segments this note serves:"));

  if (can_link)
    for (guint i = 0; i < segments->len; i++)
      {
        VentureNote *segment = g_ptr_array_index (segments, i);
        GtkWidget *button = gtk_check_button_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *label = gtk_label_new (venture_note_get_text (segment));
        const char *text = venture_note_get_text (segment);

        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
        gtk_box_append (GTK_BOX (box), venture_segment_marker_new (self->canvas, segment));
        gtk_box_append (GTK_BOX (box), label);
        gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
        gtk_widget_set_tooltip_text (button, text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        text != NULL && *text != '\0' ? text : _("Untitled segment"),
                                        -1);
        g_object_set_data_full (G_OBJECT (button), "venture-segment-id",
                                g_strdup (venture_note_get_id (segment)), g_free);
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                     venture_segments_note_serves (self->note, venture_note_get_id (segment)));
        g_signal_connect (button, "toggled", G_CALLBACK (on_segment_toggled), self);
        gtk_box_append (self->segments_box, button);
        g_ptr_array_add (self->segment_options, button);
      }

  self->syncing = FALSE;
}

static void
sync_segments (VentureTagPopover *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->segment_options->len; i++)
    {
      GtkCheckButton *option = g_ptr_array_index (self->segment_options, i);

      gtk_check_button_set_active (option,
                                   venture_segments_note_serves (self->note,
                                                                 g_object_get_data (G_OBJECT (option),
                                                                                    "venture-segment-id")));
    }
  self->syncing = FALSE;
}

static void
on_option_toggled (GtkCheckButton    *button,
                   VentureTagPopover *self)
{
  VentureTagKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "venture-tag-kind"));
  const char *id = g_object_get_data (G_OBJECT (button), "venture-tag-id");

  if (self->syncing || !gtk_check_button_get_active (button))
    return;

  venture_canvas_set_note_tag (self->canvas, self->note, kind, id);
}

static GtkWidget *
add_option (VentureTagPopover *self,
            VentureTagKind     kind,
            const VentureTag  *tag)
{
  GPtrArray *options = self->options[kind];
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (tag != NULL ? _(tag->label) : C_("tag", "None"));
  const char *help = tag != NULL ? _(tag->description) : _("No tag of this kind");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (text), title);
  if (tag != NULL)
    {
      GtkWidget *subtitle = gtk_label_new (help);
      GtkWidget *image = gtk_image_new_from_icon_name (tag->icon_name);

      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 38);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (text), subtitle);
      gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (row), image);
    }
  gtk_box_append (GTK_BOX (row), text);

  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), row);
  if (options->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), g_ptr_array_index (options, 0));
  gtk_widget_set_tooltip_text (button, help);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tag != NULL ? _(tag->label) : C_("tag", "None"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, help,
                                  -1);
  gtk_widget_add_css_class (button, "tag-option");
  g_object_set_data (G_OBJECT (button), "venture-tag-kind", GUINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "venture-tag-id",
                          g_strdup (tag != NULL ? tag->id : NULL), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (on_option_toggled), self);
  gtk_box_append (box_for_kind (self, kind), button);
  g_ptr_array_add (options, button);

  return button;
}

static void
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
}

static void
build_options (VentureTagPopover *self)
{
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const VentureTag *tags;
      GtkWidget *unknown = gtk_label_new (NULL);
      guint n;

      gtk_label_set_wrap (GTK_LABEL (unknown), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (unknown), 36);
      gtk_label_set_xalign (GTK_LABEL (unknown), 0);
      gtk_widget_add_css_class (unknown, "warning");
      gtk_widget_set_visible (unknown, FALSE);
      gtk_box_append (box_for_kind (self, kind), unknown);
      self->unknown_labels[kind] = GTK_LABEL (unknown);

      add_option (self, kind, NULL);
      tags = venture_taxonomy_get_tags (kind, &n);
      for (guint i = 0; i < n; i++)
        {
          if (kind == VENTURE_TAG_STRATEGY &&
              (i == 0 || tags[i].family != tags[i - 1].family))
            add_heading (self->strategy_box,
                         tags[i].family == VENTURE_STRATEGY_FAMILY_INBOUND
                         ? _("Inbound: draw customers in")
                         : _("Outbound: reach out to them"));
          add_option (self, kind, &tags[i]);
        }
    }
}

static void
on_note_notify (VentureTagPopover *self,
                GParamSpec        *pspec)
{
  /* Only ticks change: the focus stays on the option just toggled. */
  if (g_str_equal (pspec->name, "segments"))
    sync_segments (self);
  else if (g_str_equal (pspec->name, "block"))
    rebuild_segments (self);
  else
    sync_tags (self);
}

static void
on_canvas_changed (VentureTagPopover   *self,
                   const VentureChange *change)
{
  if (change->note == NULL)
    return;

  /* The note went away (undo, another window): nothing left to tag. */
  if (change->kind == VENTURE_CHANGE_REMOVE && change->note == self->note)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  if (venture_segments_is_segment (change->note) ||
      (change->kind == VENTURE_CHANGE_MOVE &&
       g_strcmp0 (change->old_string, VENTURE_SEGMENTS_BLOCK) == 0))
    rebuild_segments (self);
}

static void
venture_tag_popover_constructed (GObject *object)
{
  VentureTagPopover *self = VENTURE_TAG_POPOVER (object);
  const char *block;

  G_OBJECT_CLASS (venture_tag_popover_parent_class)->constructed (object);

  g_assert (self->canvas != NULL && self->note != NULL);

  build_options (self);
  sync_tags (self);
  rebuild_segments (self);

  g_signal_connect_object (self->note, "notify", G_CALLBACK (on_note_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (on_canvas_changed), self,
                           G_CONNECT_SWAPPED);

  block = venture_note_get_block (self->note);
  if (g_strcmp0 (block, "channels") == 0)
    gtk_stack_set_visible_child_name (self->stack, "strategy");
  else if (venture_segments_is_segment (self->note))
    gtk_stack_set_visible_child_name (self->stack, "segments");
  else
    gtk_stack_set_visible_child_name (self->stack, "type");
}

static void
venture_tag_popover_dispose (GObject *object)
{
  VentureTagPopover *self = VENTURE_TAG_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VENTURE_TYPE_TAG_POPOVER);
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    g_clear_pointer (&self->options[kind], g_ptr_array_unref);
  g_clear_pointer (&self->segment_options, g_ptr_array_unref);
  g_clear_object (&self->note);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (venture_tag_popover_parent_class)->dispose (object);
}

static void
venture_tag_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VentureTagPopover *self = VENTURE_TAG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_tag_popover_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VentureTagPopover *self = VENTURE_TAG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_tag_popover_class_init (VentureTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = venture_tag_popover_constructed;
  object_class->dispose = venture_tag_popover_dispose;
  object_class->get_property = venture_tag_popover_get_property;
  object_class->set_property = venture_tag_popover_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, VENTURE_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, VENTURE_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, type_box);
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, stage_box);
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, strategy_box);
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, segments_box);
  gtk_widget_class_bind_template_child (widget_class, VentureTagPopover, segments_label);
}

static void
venture_tag_popover_init (VentureTagPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    self->options[kind] = g_ptr_array_new ();
  self->segment_options = g_ptr_array_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "tag-popover");
}

GtkWidget *
venture_tag_popover_new (VentureCanvas *canvas,
                         VentureNote   *note)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (VENTURE_IS_NOTE (note), NULL);

  return g_object_new (VENTURE_TYPE_TAG_POPOVER, "canvas", canvas, "note", note, NULL);
}

VentureNote *
venture_tag_popover_get_note (VentureTagPopover *self)
{
  g_return_val_if_fail (VENTURE_IS_TAG_POPOVER (self), NULL);
  return self->note;
}

const char *
venture_tag_popover_get_page (VentureTagPopover *self)
{
  g_return_val_if_fail (VENTURE_IS_TAG_POPOVER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
venture_tag_popover_set_page (VentureTagPopover *self,
                              const char        *page)
{
  g_return_if_fail (VENTURE_IS_TAG_POPOVER (self));
  g_return_if_fail (page != NULL);

  gtk_stack_set_visible_child_name (self->stack, page);
}

GtkCheckButton *
venture_tag_popover_get_option (VentureTagPopover *self,
                                VentureTagKind     kind,
                                const char        *id)
{
  g_return_val_if_fail (VENTURE_IS_TAG_POPOVER (self), NULL);
  g_return_val_if_fail (kind < VENTURE_N_TAG_KINDS, NULL);

  for (guint i = 0; i < self->options[kind]->len; i++)
    {
      GtkCheckButton *option = g_ptr_array_index (self->options[kind], i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (option), "venture-tag-id"), id) == 0)
        return option;
    }

  return NULL;
}

GtkCheckButton *
venture_tag_popover_get_segment_option (VentureTagPopover *self,
                                        const char        *segment_id)
{
  g_return_val_if_fail (VENTURE_IS_TAG_POPOVER (self), NULL);

  for (guint i = 0; i < self->segment_options->len; i++)
    {
      GtkCheckButton *option = g_ptr_array_index (self->segment_options, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (option), "venture-segment-id"), segment_id) == 0)
        return option;
    }

  return NULL;
}
