/* venture-versions-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-versions-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-note-widget.h"
#include "venture-taxonomy.h"
#include "venture-template.h"

#include "venture-versions-panel.h"

struct _VentureVersionsPanel
{
  GtkWidget          parent_instance;

  VentureCanvas     *canvas;
  VentureHistory    *history;
  VentureBoard      *board;          /* weak */
  VentureVersion    *compared;
  /* The other side: a version, or NULL for the canvas as it is now. */
  VentureVersion    *against;
  gboolean           filling_against;
  VentureComparison *comparison;
  char              *summary;
  /* The notes that carry a mark, to clear them again. */
  GPtrArray         *marked;
  guint              refresh_source;

  GtkWidget         *box;
  GtkEntry          *name_entry;
  GtkWidget         *save_button;
  GtkLabel          *error_label;
  GtkWidget         *empty_label;
  GtkListBox        *versions_list;
  GtkWidget         *compare_box;
  GtkLabel          *compare_heading;
  GtkDropDown       *against_dropdown;
  GtkStringList     *against_model;
  GtkLabel          *summary_label;
  GtkBox            *changes_box;
  GtkGrid           *mix_grid;
};

G_DEFINE_FINAL_TYPE (VentureVersionsPanel, venture_versions_panel, GTK_TYPE_WIDGET)

enum {
  OPEN_VERSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_comparison (VentureVersionsPanel *self);

static void
clear_marks (VentureVersionsPanel *self)
{
  for (guint i = 0; i < self->marked->len; i++)
    {
      GtkWidget *widget = self->board != NULL
                          ? venture_board_get_note_widget (self->board, g_ptr_array_index (self->marked, i))
                          : NULL;

      if (widget != NULL)
        venture_note_widget_set_mark (VENTURE_NOTE_WIDGET (widget), NULL, NULL);
    }
  g_ptr_array_set_size (self->marked, 0);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static GtkWidget *
make_label (const char *text,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
add_mix_row (VentureVersionsPanel *self,
             const char           *label,
             const char           *full_label,
             const char           *relationship,
             const char           *stage,
             int                   row)
{
  GtkWidget *name = make_label (label, FALSE);

  for (guint side = VENTURE_COMPARISON_OLD; side <= VENTURE_COMPARISON_NEW; side++)
    {
      guint n = venture_comparison_get_mix (self->comparison, side, relationship, stage);
      g_autofree char *count = g_strdup_printf ("%u", n);
      GtkWidget *cell = make_label (count, n == 0);

      gtk_label_set_wrap (GTK_LABEL (cell), FALSE);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
      gtk_grid_attach (self->mix_grid, cell, side + 1, row, 1, 1);
    }

  /* No wrapping in the grid: GTK 4.8's grid measures a wrapped label
   * one line short, so the rows would run into what follows. */
  gtk_label_set_wrap (GTK_LABEL (name), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name, full_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full_label,
                                  -1);
  gtk_grid_attach (self->mix_grid, name, 0, row, 1, 1);
}

/* One row per relationship type and stage either side has: the two
 * mixes side by side, in the order of the taxonomy. */
static void
fill_mix (VentureVersionsPanel *self)
{
  const VentureTag *relationships;
  const VentureTag *stages;
  guint n_relationships, n_stages;
  int row = 1;
  GtkWidget *label;

  remove_children (GTK_WIDGET (self->mix_grid));

  label = make_label (_("Relationship"), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->mix_grid, label, 0, 0, 1, 1);
  label = make_label (venture_version_get_name (self->compared), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_tooltip_text (label, venture_version_get_name (self->compared));
  gtk_grid_attach (self->mix_grid, label, 1, 0, 1, 1);
  label = make_label (self->against != NULL ? venture_version_get_name (self->against) : _("Now"), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_grid_attach (self->mix_grid, label, 2, 0, 1, 1);

  relationships = venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_relationships);
  stages = venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  for (guint i = 0; i < n_relationships; i++)
    {
      const char *id = relationships[i].id;

      if (venture_comparison_get_mix_total (self->comparison, VENTURE_COMPARISON_OLD, id) == 0 &&
          venture_comparison_get_mix_total (self->comparison, VENTURE_COMPARISON_NEW, id) == 0)
        continue;

      for (guint k = 0; k <= n_stages; k++)
        {
          const char *stage = k < n_stages ? stages[k].id : NULL;
          g_autofree char *row_label = NULL;
          g_autofree char *full_label = NULL;

          if (venture_comparison_get_mix (self->comparison, VENTURE_COMPARISON_OLD, id, stage) == 0 &&
              venture_comparison_get_mix (self->comparison, VENTURE_COMPARISON_NEW, id, stage) == 0)
            continue;

          if (stage != NULL)
            {
              /* Translators: a relationship type and a stage, "Self-service, Retention". */
              row_label = g_strdup_printf (_("%s, %s"), venture_tag_get_short_label (&relationships[i]),
                                           venture_tag_get_short_label (&stages[k]));
              /* Translators: a relationship type and a stage, "Self-service, Retention". */
              full_label = g_strdup_printf (_("%s, %s"), _(relationships[i].label), _(stages[k].label));
            }
          else
            {
              row_label = g_strdup (venture_tag_get_short_label (&relationships[i]));
              full_label = g_strdup (_(relationships[i].label));
            }
          add_mix_row (self, row_label, full_label, id, stage, row++);
        }
    }

  if (row == 1)
    gtk_grid_attach (self->mix_grid, make_label (_("No note carries a relationship type"), TRUE), 0, 1, 3, 1);
}

/* The start of a note's text, on one line. */
static char *
shorten (const char *text)
{
  const guint max_chars = 32;
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  {
    g_autofree char *start = g_utf8_substring (line, 0, max_chars - 1);

    return g_strconcat (start, "…", NULL);
  }
}

static void
refresh_comparison (VentureVersionsPanel *self)
{
  g_autofree char *heading = NULL;
  guint n;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_marks (self);
  remove_children (GTK_WIDGET (self->changes_box));
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->summary, g_free);

  if (self->compared == NULL || self->canvas == NULL)
    {
      gtk_widget_set_visible (self->compare_box, FALSE);
      return;
    }

  self->comparison = venture_comparison_new (venture_version_get_canvas (self->compared),
                                             self->against != NULL ? venture_version_get_canvas (self->against)
                                                                   : self->canvas);
  self->summary = venture_comparison_get_summary (self->comparison);

  if (self->against != NULL)
    /* Translators: both %s are names of versions. */
    heading = g_strdup_printf (_("Changes from “%s” to “%s”"), venture_version_get_name (self->compared),
                               venture_version_get_name (self->against));
  else
    /* Translators: %s is the name of a version. */
    heading = g_strdup_printf (_("Changes since “%s”"), venture_version_get_name (self->compared));
  gtk_label_set_label (self->compare_heading, heading);
  gtk_label_set_label (self->summary_label, self->summary);

  n = venture_comparison_get_n_entries (self->comparison);
  for (guint i = 0; i < n; i++)
    {
      const VentureComparisonEntry *entry = venture_comparison_get_entry (self->comparison, i);
      VentureNote *note = entry->new_note != NULL ? entry->new_note : entry->old_note;
      g_autofree char *symbol = NULL;
      g_autofree char *description = NULL;
      g_autofree char *line = NULL;
      g_autofree char *short_text = NULL;
      const char *text = venture_note_get_text (note);
      GtkWidget *label;

      venture_comparison_describe_entry (self->comparison, entry, &symbol, &description);
      short_text = shorten (text[0] != '\0' ? text : _("Empty note"));
      /* Translators: a line of the list of changes: symbol, the note's
       * text, what happened to it. */
      line = g_strdup_printf (_("%s “%s”: %s"), symbol, short_text, description);
      label = make_label (line, FALSE);
      gtk_box_append (self->changes_box, label);

      /* The board shows the canvas: marks only when it is one side. */
      if (entry->new_note != NULL && self->board != NULL && self->against == NULL)
        {
          GtkWidget *widget = venture_board_get_note_widget (self->board, entry->new_note);

          if (widget != NULL)
            {
              venture_note_widget_set_mark (VENTURE_NOTE_WIDGET (widget), symbol, description);
              g_ptr_array_add (self->marked, g_object_ref (entry->new_note));
            }
        }
    }

  fill_mix (self);
  gtk_widget_set_visible (self->compare_box, TRUE);
}

static gboolean
refresh_idle (gpointer data)
{
  VentureVersionsPanel *self = data;

  self->refresh_source = 0;
  refresh_comparison (self);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *tooltip,
                  const char *action,
                  const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  return button;
}

/* "Now", then every version: what the compared version is set against. */
static void
fill_against (VentureVersionsPanel *self)
{
  guint n = self->canvas != NULL ? venture_canvas_get_n_versions (self->canvas) : 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->against_model));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint selected = 0;

  g_strv_builder_add (builder, _("Now"));
  for (guint i = 0; i < n; i++)
    {
      VentureVersion *version = venture_canvas_get_version (self->canvas, i);

      g_strv_builder_add (builder, venture_version_get_name (version));
      if (version == self->against)
        selected = i + 1;
    }
  names = g_strv_builder_end (builder);

  self->filling_against = TRUE;
  gtk_string_list_splice (self->against_model, 0, n_items, (const char * const *) names);
  gtk_drop_down_set_selected (self->against_dropdown, selected);
  self->filling_against = FALSE;
}

static void
on_against_selected (VentureVersionsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->against_dropdown);
  VentureVersion *against = NULL;

  if (self->filling_against || self->canvas == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    against = venture_canvas_get_version (self->canvas, selected - 1);

  g_set_object (&self->against, against);
  refresh_comparison (self);
}

static void
rebuild_list (VentureVersionsPanel *self)
{
  guint n = self->canvas != NULL ? venture_canvas_get_n_versions (self->canvas) : 0;

  remove_children (GTK_WIDGET (self->versions_list));

  for (guint i = 0; i < n; i++)
    {
      VentureVersion *version = venture_canvas_get_version (self->canvas, i);
      const char *name = venture_version_get_name (version);
      g_autoptr(GDateTime) local = g_date_time_to_local (venture_version_get_created (version));
      /* Translators: when a version was saved, a strftime() format. */
      g_autofree char *created = g_date_time_format (local, _("%x %H:%M"));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name_label = make_label (name, FALSE);

      gtk_widget_set_hexpand (labels, TRUE);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      gtk_widget_add_css_class (name_label, "heading");
      gtk_box_append (GTK_BOX (labels), name_label);
      gtk_box_append (GTK_BOX (labels), make_label (created, TRUE));
      gtk_box_append (GTK_BOX (row), labels);
      gtk_box_append (GTK_BOX (row), make_icon_button ("document-open-symbolic", _("Open Read-Only"),
                                                       "versions.open", name));
      gtk_box_append (GTK_BOX (row), make_icon_button ("view-dual-symbolic", _("Compare With Now"),
                                                       "versions.compare", name));
      gtk_box_append (GTK_BOX (row), make_icon_button ("document-revert-symbolic", _("Restore"),
                                                       "versions.restore", name));
      gtk_box_append (GTK_BOX (row), make_icon_button ("user-trash-symbolic", _("Delete"),
                                                       "versions.delete", name));
      gtk_list_box_append (self->versions_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->versions_list), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
  fill_against (self);
}

static void
update_save_action (VentureVersionsPanel *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.save",
                                 self->canvas != NULL && name[0] != '\0');
}

static void
show_error (VentureVersionsPanel *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
}

static void
on_canvas_changed (VentureVersionsPanel *self,
                   const VentureChange  *change)
{
  if (change->kind == VENTURE_CHANGE_ADD_VERSION || change->kind == VENTURE_CHANGE_REMOVE_VERSION)
    {
      rebuild_list (self);
      if (change->kind == VENTURE_CHANGE_REMOVE_VERSION && change->version == self->compared)
        {
          g_clear_object (&self->compared);
          g_clear_object (&self->against);
          fill_against (self);
          refresh_comparison (self);
        }
      else if (change->kind == VENTURE_CHANGE_REMOVE_VERSION && change->version == self->against)
        {
          g_clear_object (&self->against);
          fill_against (self);
          refresh_comparison (self);
        }
      return;
    }

  /* A restore or a drag is many changes: compare once they are done. */
  if (self->compared != NULL && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
on_name_changed (VentureVersionsPanel *self)
{
  show_error (self, NULL);
  update_save_action (self);
}

static void
on_name_activate (VentureVersionsPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "versions.save", NULL);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VentureVersionsPanel *self = VENTURE_VERSIONS_PANEL (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autoptr(GError) error = NULL;

  if (venture_versions_panel_save (self, name, &error) == NULL)
    {
      show_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static VentureVersion *
version_for (VentureVersionsPanel *self,
             GVariant             *parameter)
{
  if (self->canvas == NULL)
    return NULL;

  return venture_canvas_lookup_version (self->canvas, g_variant_get_string (parameter, NULL));
}

static void
action_compare (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VentureVersionsPanel *self = VENTURE_VERSIONS_PANEL (widget);
  VentureVersion *version = version_for (self, parameter);

  if (version != NULL)
    venture_versions_panel_compare (self, version);
}

static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VentureVersionsPanel *self = VENTURE_VERSIONS_PANEL (widget);
  VentureVersion *version = version_for (self, parameter);

  if (version != NULL)
    g_signal_emit (self, signals[OPEN_VERSION], 0, version);
}

static void
action_restore (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VentureVersionsPanel *self = VENTURE_VERSIONS_PANEL (widget);
  VentureVersion *version = version_for (self, parameter);

  if (version != NULL)
    venture_version_restore (version, self->canvas, self->history);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VentureVersionsPanel *self = VENTURE_VERSIONS_PANEL (widget);
  VentureVersion *version = version_for (self, parameter);

  /* Undoable like any edit, so no question first. */
  if (version != NULL)
    venture_canvas_delete_version (self->canvas, venture_version_get_name (version), NULL);
}

static void
action_stop_comparing (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  venture_versions_panel_stop_comparing (VENTURE_VERSIONS_PANEL (widget));
}

static void
unbind (VentureVersionsPanel *self)
{
  clear_marks (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  g_clear_object (&self->history);
  g_clear_weak_pointer (&self->board);
  g_clear_object (&self->compared);
  g_clear_object (&self->against);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->summary, g_free);
}

static void
venture_versions_panel_dispose (GObject *object)
{
  VentureVersionsPanel *self = (VentureVersionsPanel *) object;

  unbind (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (venture_versions_panel_parent_class)->dispose (object);
}

static void
venture_versions_panel_finalize (GObject *object)
{
  VentureVersionsPanel *self = (VentureVersionsPanel *) object;

  g_clear_pointer (&self->marked, g_ptr_array_unref);

  G_OBJECT_CLASS (venture_versions_panel_parent_class)->finalize (object);
}

static void
venture_versions_panel_class_init (VentureVersionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_versions_panel_dispose;
  object_class->finalize = venture_versions_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/venture-versions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, name_entry);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, save_button);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, versions_list);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, compare_box);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, compare_heading);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, against_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, against_model);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, changes_box);
  gtk_widget_class_bind_template_child (widget_class, VentureVersionsPanel, mix_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_against_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activate);

  gtk_widget_class_install_action (widget_class, "versions.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "versions.open", "s", action_open);
  gtk_widget_class_install_action (widget_class, "versions.compare", "s", action_compare);
  gtk_widget_class_install_action (widget_class, "versions.restore", "s", action_restore);
  gtk_widget_class_install_action (widget_class, "versions.delete", "s", action_delete);
  gtk_widget_class_install_action (widget_class, "versions.stop-comparing", NULL, action_stop_comparing);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* The window opens the version read-only in a window of its own. */
  signals[OPEN_VERSION] =
    g_signal_new ("open-version", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, VENTURE_TYPE_VERSION);
}

static void
venture_versions_panel_init (VentureVersionsPanel *self)
{
  self->marked = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild_list (self);
  update_save_action (self);
}

GtkWidget *
venture_versions_panel_new (void)
{
  return g_object_new (VENTURE_TYPE_VERSIONS_PANEL, NULL);
}

void
venture_versions_panel_bind (VentureVersionsPanel *self,
                             VentureCanvas        *canvas,
                             VentureHistory       *history,
                             VentureBoard         *board)
{
  g_return_if_fail (VENTURE_IS_VERSIONS_PANEL (self));
  g_return_if_fail (canvas == NULL || VENTURE_IS_CANVAS (canvas));
  g_return_if_fail (history == NULL || VENTURE_IS_HISTORY (history));
  g_return_if_fail (board == NULL || VENTURE_IS_BOARD (board));

  unbind (self);

  if (canvas != NULL)
    {
      self->canvas = g_object_ref (canvas);
      g_signal_connect_swapped (canvas, "changed", G_CALLBACK (on_canvas_changed), self);
    }
  g_set_object (&self->history, history);
  g_set_weak_pointer (&self->board, board);

  show_error (self, NULL);
  rebuild_list (self);
  refresh_comparison (self);
  update_save_action (self);
}

VentureVersion *
venture_versions_panel_save (VentureVersionsPanel  *self,
                             const char            *name,
                             GError               **error)
{
  g_return_val_if_fail (VENTURE_IS_VERSIONS_PANEL (self), NULL);
  g_return_val_if_fail (self->canvas != NULL, NULL);

  return venture_canvas_save_version (self->canvas, name, error);
}

void
venture_versions_panel_compare (VentureVersionsPanel *self,
                                VentureVersion       *version)
{
  g_return_if_fail (VENTURE_IS_VERSIONS_PANEL (self));
  g_return_if_fail (VENTURE_IS_VERSION (version));
  g_return_if_fail (self->canvas != NULL);

  venture_versions_panel_compare_versions (self, version, NULL);
}

void
venture_versions_panel_compare_versions (VentureVersionsPanel *self,
                                         VentureVersion       *version,
                                         VentureVersion       *against)
{
  g_return_if_fail (VENTURE_IS_VERSIONS_PANEL (self));
  g_return_if_fail (VENTURE_IS_VERSION (version));
  g_return_if_fail (against == NULL || VENTURE_IS_VERSION (against));
  g_return_if_fail (self->canvas != NULL);

  g_set_object (&self->compared, version);
  g_set_object (&self->against, against);
  fill_against (self);
  refresh_comparison (self);
}

void
venture_versions_panel_stop_comparing (VentureVersionsPanel *self)
{
  g_return_if_fail (VENTURE_IS_VERSIONS_PANEL (self));

  g_clear_object (&self->compared);
  g_clear_object (&self->against);
  fill_against (self);
  refresh_comparison (self);
}

VentureComparison *
venture_versions_panel_get_comparison (VentureVersionsPanel *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSIONS_PANEL (self), NULL);

  return self->comparison;
}

char *
venture_versions_panel_dup_side_name (VentureVersionsPanel  *self,
                                      VentureComparisonSide  side)
{
  g_return_val_if_fail (VENTURE_IS_VERSIONS_PANEL (self), NULL);

  if (self->comparison == NULL)
    return NULL;
  if (side == VENTURE_COMPARISON_OLD)
    return g_strdup (venture_version_get_name (self->compared));
  if (self->against != NULL)
    return g_strdup (venture_version_get_name (self->against));
  /* Translators: the canvas as it is, beside a version */
  return g_strdup (_("Now"));
}

const char *
venture_versions_panel_get_summary (VentureVersionsPanel *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSIONS_PANEL (self), NULL);

  return self->summary;
}
