/* venture-mix-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-mix-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-note-widget.h"
#include "venture-segments.h"
#include "venture-tag-chips.h"
#include "venture-taxonomy.h"

#include "venture-mix-panel.h"

#define N_TYPES 9
#define N_STRATEGIES 7

struct _VentureMixPanel
{
  GtkWidget       parent_instance;

  VentureBoard   *board;
  VentureCanvas  *canvas;
  VentureMix     *mix;
  /* The highlight: owned copies of the filter's strings. */
  char           *filter_relationship;
  char           *filter_stage;
  char           *filter_strategy;
  char           *filter_segment;
  gboolean        highlighting;
  /* Some note widgets may carry the highlight's classes. */
  gboolean        highlight_shown;
  /* The hint cards and the list of segments wait for the panel to be
   * shown. */
  gboolean        hints_stale;
  gboolean        segments_stale;
  gboolean        counts_stale;
  /* Segment ids in the drop-down's order, after "Whole canvas". */
  GPtrArray      *segment_ids;
  char           *segment_signature;
  gboolean        updating;
  guint           markers_source;
  /* segment id -> its place and text, as the markers last refreshed
   * showed them; NULL until the first refresh */
  GHashTable     *marker_segments;

  GtkButton      *cells[N_TYPES][VENTURE_MIX_N_STAGE_COLUMNS];
  GtkButton      *strategy_buttons[N_STRATEGIES];
  GtkLabel       *strategy_counts[N_STRATEGIES];

  GtkDropDown    *segment_dropdown;
  GtkGrid        *matrix;
  GtkLabel       *balance_label;
  GtkLevelBar    *balance_bar;
  GtkBox         *strategy_box;
  GtkLabel       *hints_heading;
  GtkBox         *hints_box;
  GtkButton      *clear_button;
};

G_DEFINE_FINAL_TYPE (VentureMixPanel, venture_mix_panel, GTK_TYPE_WIDGET)

static void
apply_highlight (VentureMixPanel *self)
{
  VentureMixFilter filter = {
    self->filter_relationship, self->filter_stage, self->filter_strategy, self->filter_segment
  };
  guint n;

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->highlighting);

  if (self->board == NULL || self->canvas == NULL)
    return;
  /* Every change of the counts comes here: with no highlight, now or
   * before, there is nothing to take off 10,000 notes. */
  if (!self->highlighting && !self->highlight_shown)
    return;
  self->highlight_shown = self->highlighting;

  n = venture_canvas_get_n_notes (self->canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      GtkWidget *widget = venture_board_get_note_widget (self->board, note);
      gboolean match;

      if (widget == NULL)
        continue;

      match = self->highlighting && venture_mix_note_matches (note, &filter);
      if (match)
        gtk_widget_add_css_class (widget, "highlighted");
      else
        gtk_widget_remove_css_class (widget, "highlighted");
      if (self->highlighting && !match)
        gtk_widget_add_css_class (widget, "dimmed");
      else
        gtk_widget_remove_css_class (widget, "dimmed");
    }
}

static gboolean
filter_is (VentureMixPanel *self,
           const char      *relationship,
           const char      *stage,
           const char      *strategy)
{
  return self->highlighting &&
         g_strcmp0 (self->filter_relationship, relationship) == 0 &&
         g_strcmp0 (self->filter_stage, stage) == 0 &&
         g_strcmp0 (self->filter_strategy, strategy) == 0;
}

/* Choosing what is highlighted already clears it. */
static void
toggle_highlight (VentureMixPanel *self,
                  const char      *relationship,
                  const char      *stage,
                  const char      *strategy)
{
  VentureMixFilter filter = { relationship, stage, strategy, venture_mix_get_segment (self->mix) };

  if (filter_is (self, relationship, stage, strategy))
    venture_mix_panel_clear_highlight (self);
  else
    venture_mix_panel_set_highlight (self, &filter);
}

static void
on_cell_clicked (GtkButton       *button,
                 VentureMixPanel *self)
{
  toggle_highlight (self,
                    g_object_get_data (G_OBJECT (button), "venture-relationship"),
                    g_object_get_data (G_OBJECT (button), "venture-stage"),
                    g_object_get_data (G_OBJECT (button), "venture-strategy"));
}

static GtkWidget *
header_button (const VentureTag *tag,
               const char       *relationship,
               const char       *stage,
               VentureMixPanel  *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (tag->icon_name);
  GtkWidget *label = gtk_label_new (venture_tag_get_short_label (tag));
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "mix-header");
  /* Translators: %s is a tag label, %s its one-line explanation. */
  tooltip = g_strdup_printf (_("%s — %s. Highlight these notes."), _(tag->label), _(tag->description));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(tag->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(tag->description),
                                  -1);
  g_object_set_data (G_OBJECT (button), "venture-relationship", (gpointer) relationship);
  g_object_set_data (G_OBJECT (button), "venture-stage", (gpointer) stage);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked), self);

  return button;
}

static void
build_matrix (VentureMixPanel *self)
{
  const VentureTag *types, *stages, *strategies;
  guint n_types, n_stages, n_strategies;
  GtkWidget *none;

  types = venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_types);
  stages = venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  g_assert (n_types == N_TYPES && n_stages == VENTURE_MIX_NO_STAGE);

  for (guint s = 0; s < n_stages; s++)
    {
      GtkWidget *header = header_button (&stages[s], NULL, stages[s].id, self);
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (header));

      /* Columns are narrow: the icon over the short label. */
      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
      gtk_widget_add_css_class (header, "stage");
      gtk_grid_attach (self->matrix, header, 1 + s, 0, 1, 1);
    }
  none = gtk_label_new (C_("no stage", "None"));
  gtk_widget_set_tooltip_text (none, _("Notes with a relationship type but no stage"));
  gtk_widget_add_css_class (none, "caption");
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_valign (none, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (none, 6);
  gtk_grid_attach (self->matrix, none, 1 + VENTURE_MIX_NO_STAGE, 0, 1, 1);

  for (guint t = 0; t < n_types; t++)
    {
      GtkWidget *header = header_button (&types[t], types[t].id, NULL, self);

      gtk_widget_set_hexpand (header, TRUE);
      gtk_grid_attach (self->matrix, header, 0, 1 + t, 1, 1);

      for (guint s = 0; s < VENTURE_MIX_N_STAGE_COLUMNS; s++)
        {
          GtkWidget *cell = gtk_button_new_with_label ("0");

          gtk_widget_add_css_class (cell, "mix-cell");
          gtk_widget_add_css_class (cell, "flat");
          g_object_set_data (G_OBJECT (cell), "venture-relationship", (gpointer) types[t].id);
          g_object_set_data (G_OBJECT (cell), "venture-stage",
                             s < VENTURE_MIX_NO_STAGE ? (gpointer) stages[s].id : NULL);
          g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
          gtk_grid_attach (self->matrix, cell, 1 + s, 1 + t, 1, 1);
          self->cells[t][s] = GTK_BUTTON (cell);
        }
    }

  strategies = venture_taxonomy_get_tags (VENTURE_TAG_STRATEGY, &n_strategies);
  g_assert (n_strategies == N_STRATEGIES);
  for (guint i = 0; i < n_strategies; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_(strategies[i].label));
      GtkWidget *count = gtk_label_new ("0");
      g_autofree char *tooltip = NULL;

      if (i == 0 || strategies[i].family != strategies[i - 1].family)
        {
          GtkWidget *family = gtk_label_new (strategies[i].family == VENTURE_STRATEGY_FAMILY_INBOUND
                                             ? _("Inbound") : _("Outbound"));

          gtk_label_set_xalign (GTK_LABEL (family), 0);
          gtk_widget_add_css_class (family, "caption-heading");
          gtk_widget_set_margin_top (family, 4);
          gtk_box_append (self->strategy_box, family);
        }

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (strategies[i].icon_name));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "mix-strategy");
      tooltip = g_strdup_printf (_("%s — %s. Highlight these notes."),
                                 _(strategies[i].label), _(strategies[i].description));
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "venture-strategy", (gpointer) strategies[i].id);
      g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked), self);
      gtk_box_append (self->strategy_box, button);
      self->strategy_buttons[i] = GTK_BUTTON (button);
      self->strategy_counts[i] = GTK_LABEL (count);
    }
}

static void
on_hint_dismissed (GtkButton       *button,
                   VentureMixPanel *self)
{
  venture_mix_dismiss_hint (self->mix, g_object_get_data (G_OBJECT (button), "venture-hint-id"));
}

static GtkWidget *
make_hint_card (VentureMixPanel      *self,
                const VentureMixHint *hint)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (hint->message);
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (dismiss, GTK_ALIGN_START);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_add_css_class (dismiss, "circular");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                  -1);
  g_object_set_data_full (G_OBJECT (dismiss), "venture-hint-id", g_strdup (hint->id), g_free);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (on_hint_dismissed), self);
  gtk_box_append (GTK_BOX (card), image);
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (card), dismiss);
  gtk_widget_add_css_class (card, "mix-hint");
  gtk_widget_add_css_class (card, "card");
  g_object_set_data_full (G_OBJECT (card), "venture-hint-id", g_strdup (hint->id), g_free);
  g_object_set_data_full (G_OBJECT (card), "venture-hint-message", g_strdup (hint->message), g_free);

  return card;
}

static char *
hint_key (const char *id,
          const char *message)
{
  return g_strdup_printf ("%s\n%s", id, message);
}

/* A card stays as long as its hint does: a canvas with a thousand
 * segments has a thousand hints, and one more must not make them all
 * anew. */
static void
update_hints (VentureMixPanel *self)
{
  g_autoptr(GPtrArray) hints = venture_mix_get_hints (self->mix);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *previous = NULL;
  GtkWidget *child, *next;

  self->hints_stale = !gtk_widget_get_visible (GTK_WIDGET (self));
  if (self->hints_stale)
    return;

  for (guint i = 0; i < hints->len; i++)
    {
      VentureMixHint *hint = g_ptr_array_index (hints, i);

      g_hash_table_add (wanted, hint_key (hint->id, hint->message));
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->hints_box)); child != NULL; child = next)
    {
      g_autofree char *key = hint_key (g_object_get_data (G_OBJECT (child), "venture-hint-id"),
                                       g_object_get_data (G_OBJECT (child), "venture-hint-message"));

      next = gtk_widget_get_next_sibling (child);
      if (g_hash_table_contains (wanted, key))
        g_hash_table_replace (cards, g_steal_pointer (&key), child);
      else
        gtk_box_remove (self->hints_box, child);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->hints_heading), hints->len > 0);
  for (guint i = 0; i < hints->len; i++)
    {
      VentureMixHint *hint = g_ptr_array_index (hints, i);
      g_autofree char *key = hint_key (hint->id, hint->message);
      GtkWidget *card = g_hash_table_lookup (cards, key);

      if (card == NULL)
        gtk_box_insert_child_after (self->hints_box, card = make_hint_card (self, hint), previous);
      else if (gtk_widget_get_prev_sibling (card) != previous)
        gtk_box_reorder_child_after (self->hints_box, card, previous);
      previous = card;
    }
}

static void
on_segment_selected (VentureMixPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->segment_dropdown);

  if (self->updating || self->mix == NULL)
    return;

  venture_mix_set_segment (self->mix,
                           selected > 0 && selected <= self->segment_ids->len
                           ? g_ptr_array_index (self->segment_ids, selected - 1) : NULL);
  /* A highlight follows the counts it was picked from. */
  if (self->highlighting)
    {
      g_free (self->filter_segment);
      self->filter_segment = g_strdup (venture_mix_get_segment (self->mix));
      apply_highlight (self);
    }
}

/* The dropdown's entries become @names: only the ones that changed are
 * replaced, so that a segment coming or going on a canvas of a thousand
 * segments does not make every row of the list again. */
static void
splice_names (GtkStringList *list,
              GPtrArray     *names)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < names->len &&
         g_str_equal (gtk_string_list_get_string (list, prefix), g_ptr_array_index (names, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < names->len - prefix &&
         g_str_equal (gtk_string_list_get_string (list, n_old - 1 - suffix),
                      g_ptr_array_index (names, names->len - 1 - suffix)))
    suffix++;

  /* The new entries run from the prefix to the suffix, which a NULL
   * ends for a moment. */
  g_ptr_array_insert (names, names->len - suffix, NULL);
  gtk_string_list_splice (list, prefix, n_old - prefix - suffix,
                          (const char * const *) names->pdata + prefix);
  g_ptr_array_remove_index (names, names->len - suffix - 1);
}

static void
update_segments (VentureMixPanel *self)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GString) signature = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (self->segment_dropdown));
  const char *current = venture_mix_get_segment (self->mix);
  guint selected = 0;

  /* A hidden panel's list is made when it shows: on a canvas with a
   * hundred segments, the rows and what they set off in the drop-down
   * cost the opening window more than the mix itself. Only the segment
   * counted must not outlive its note meanwhile. */
  self->segments_stale = !gtk_widget_get_visible (GTK_WIDGET (self));
  if (self->segments_stale)
    {
      if (current != NULL && venture_segments_get_index (self->canvas, current) < 0)
        venture_mix_set_segment (self->mix, NULL);
      return;
    }

  segments = venture_segments_list (self->canvas);
  signature = g_string_new (NULL);
  names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < segments->len; i++)
    g_string_append_printf (signature, "%s\n%s\n",
                            venture_note_get_id (g_ptr_array_index (segments, i)),
                            venture_note_get_text (g_ptr_array_index (segments, i)));
  if (g_strcmp0 (signature->str, self->segment_signature) == 0)
    return;
  g_free (self->segment_signature);
  self->segment_signature = g_strdup (signature->str);

  g_ptr_array_add (names, g_strdup (_("Whole canvas")));
  g_ptr_array_set_size (self->segment_ids, 0);
  for (guint i = 0; i < segments->len; i++)
    {
      VentureNote *segment = g_ptr_array_index (segments, i);
      g_autofree char *initial = venture_segments_dup_initial (venture_note_get_text (segment));
      const char *text = venture_note_get_text (segment);

      /* Translators: a segment in the mix panel's list: its marker's
       * initial, then its note's text. */
      g_ptr_array_add (names, g_strdup_printf (_("%s · %s"), initial,
                                               *text != '\0' ? text : _("Untitled segment")));
      g_ptr_array_add (self->segment_ids, g_strdup (venture_note_get_id (segment)));
      if (g_strcmp0 (current, venture_note_get_id (segment)) == 0)
        selected = i + 1;
    }

  self->updating = TRUE;
  splice_names (list, names);
  gtk_drop_down_set_selected (self->segment_dropdown, selected);
  self->updating = FALSE;

  /* The segment counted went away. */
  if (current != NULL && selected == 0)
    venture_mix_set_segment (self->mix, NULL);
}

static void update (VentureMixPanel *self);

static void
on_visible (VentureMixPanel *self)
{
  if (self->mix == NULL)
    return;
  if (self->counts_stale)
    update (self);
  if (self->segments_stale)
    update_segments (self);
  if (self->hints_stale)
    update_hints (self);
}

static void
update (VentureMixPanel *self)
{
  const VentureTag *types, *stages;
  guint n_types, n_stages, inbound, outbound;
  g_autofree char *balance = NULL;

  if (self->mix == NULL)
    return;

  update_segments (self);

  /* A hidden panel counts when it shows: a note dragged across the
   * blocks of a big canvas would have it count every note at each block. */
  self->counts_stale = !gtk_widget_get_visible (GTK_WIDGET (self));
  if (self->counts_stale)
    {
      update_hints (self);
      apply_highlight (self);
      return;
    }

  types = venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_types);
  stages = venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  for (guint t = 0; t < N_TYPES; t++)
    for (guint s = 0; s < VENTURE_MIX_N_STAGE_COLUMNS; s++)
      {
        GtkButton *cell = self->cells[t][s];
        guint count = venture_mix_get_count (self->mix, t, s);
        g_autofree char *text = g_strdup_printf ("%u", count);
        g_autofree char *name = NULL;
        const char *stage = s < VENTURE_MIX_NO_STAGE ? _(stages[s].label) : _("No stage");

        if (g_strcmp0 (gtk_button_get_label (cell), count > 0 ? text : "·") != 0)
          gtk_button_set_label (cell, count > 0 ? text : "·");
        if (count > 0)
          gtk_widget_remove_css_class (GTK_WIDGET (cell), "empty");
        else
          gtk_widget_add_css_class (GTK_WIDGET (cell), "empty");
        /* Translators: a cell of the mix matrix: a relationship type, a
         * stage and how many notes have both. */
        name = g_strdup_printf (ngettext ("%s, %s: %u note", "%s, %s: %u notes", count),
                                _(types[t].label), stage, count);
        if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), name) != 0)
          {
            gtk_widget_set_tooltip_text (GTK_WIDGET (cell), name);
            gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                            -1);
          }
        if (filter_is (self, types[t].id, s < VENTURE_MIX_NO_STAGE ? stages[s].id : NULL, NULL))
          gtk_widget_add_css_class (GTK_WIDGET (cell), "chosen");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (cell), "chosen");
      }

  for (guint i = 0; i < N_STRATEGIES; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", venture_mix_get_strategy_count (self->mix, i));

      gtk_label_set_text (self->strategy_counts[i], text);
    }

  inbound = venture_mix_get_n_inbound (self->mix);
  outbound = venture_mix_get_n_outbound (self->mix);
  if (inbound + outbound == 0)
    balance = g_strdup (_("No note has an acquisition strategy yet."));
  else
    /* Translators: the balance of acquisition strategies, with counts. */
    balance = g_strdup_printf (_("Inbound %u · Outbound %u"), inbound, outbound);
  gtk_label_set_text (self->balance_label, balance);
  gtk_level_bar_set_value (self->balance_bar,
                           inbound + outbound > 0 ? (double) inbound / (inbound + outbound) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->balance_bar), inbound + outbound > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->balance_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, balance,
                                  -1);

  update_hints (self);
  apply_highlight (self);
}

static gboolean
serves_any (VentureNote *note,
            GHashTable  *segment_ids)
{
  const char * const *segments = venture_note_get_segments (note);

  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    if (g_hash_table_contains (segment_ids, segments[i]))
      return TRUE;

  return FALSE;
}

/* Only the notes whose markers show a segment that came, went, moved
 * among the others or was renamed since the last refresh are asked
 * again: a segment put on top of a thousand others changes no other
 * marker. The first refresh asks every note with a marker. */
static gboolean
refresh_markers (gpointer user_data)
{
  VentureMixPanel *self = user_data;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GHashTable) changed = NULL;
  GHashTableIter iter;
  gpointer id;
  guint n;

  self->markers_source = 0;
  if (self->board == NULL || self->canvas == NULL)
    return G_SOURCE_REMOVE;

  segments = venture_segments_list (self->canvas);
  shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  changed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < segments->len; i++)
    {
      VentureNote *segment = g_ptr_array_index (segments, i);
      char *key = g_strdup (venture_note_get_id (segment));
      char *value = g_strdup_printf ("%u\n%s", i, venture_note_get_text (segment));

      g_hash_table_insert (shown, key, value);
      if (self->marker_segments != NULL &&
          g_strcmp0 (g_hash_table_lookup (self->marker_segments, key), value) != 0)
        g_hash_table_add (changed, key);
    }
  if (self->marker_segments != NULL)
    {
      g_hash_table_iter_init (&iter, self->marker_segments);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        if (!g_hash_table_contains (shown, id))
          g_hash_table_add (changed, id);
    }

  n = venture_canvas_get_n_notes (self->canvas);
  for (guint i = 0; i < n && (self->marker_segments == NULL || g_hash_table_size (changed) > 0); i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      GtkWidget *widget;

      if (self->marker_segments != NULL
          ? !g_hash_table_contains (changed, venture_note_get_id (note)) && !serves_any (note, changed)
          : venture_note_get_segments (note) == NULL && !venture_segments_is_segment (note))
        continue;
      widget = venture_board_get_note_widget (self->board, note);
      if (widget != NULL)
        venture_note_widget_sync_tags (VENTURE_NOTE_WIDGET (widget));
    }

  g_clear_pointer (&self->marker_segments, g_hash_table_unref);
  self->marker_segments = g_steal_pointer (&shown);
  return G_SOURCE_REMOVE;
}

/* A segment note that comes, goes, moves among the others or is renamed
 * changes the markers of every note that serves a segment. */
static void
on_canvas_changed (VentureMixPanel     *self,
                   const VentureChange *change)
{
  gboolean segment = change->note != NULL &&
                     (venture_segments_is_segment (change->note) ||
                      (change->kind == VENTURE_CHANGE_MOVE &&
                       g_strcmp0 (change->old_string, VENTURE_SEGMENTS_BLOCK) == 0));

  if (!segment || change->kind == VENTURE_CHANGE_SEGMENTS || change->kind == VENTURE_CHANGE_TAG ||
      change->kind == VENTURE_CHANGE_COLOR)
    return;
  /* A move within the block changes no marker; a drag is made of them. */
  if (change->kind == VENTURE_CHANGE_MOVE && g_strcmp0 (change->old_string, change->new_string) == 0)
    return;

  if (self->markers_source == 0)
    self->markers_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_markers, self, NULL);
}

static void
on_board_canvas (VentureMixPanel *self)
{
  VentureCanvas *canvas = self->board != NULL ? venture_board_get_canvas (self->board) : NULL;

  if (canvas == self->canvas)
    return;

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_canvas_changed, self);
  if (self->mix != NULL)
    g_signal_handlers_disconnect_by_func (self->mix, update, self);
  g_clear_object (&self->mix);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->segment_signature, g_free);
  g_clear_handle_id (&self->markers_source, g_source_remove);
  g_clear_pointer (&self->marker_segments, g_hash_table_unref);
  self->highlighting = FALSE;

  if (canvas == NULL)
    return;

  self->canvas = g_object_ref (canvas);
  self->mix = venture_mix_new (canvas);
  g_signal_connect_swapped (self->mix, "changed", G_CALLBACK (update), self);
  g_signal_connect_object (canvas, "changed", G_CALLBACK (on_canvas_changed), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

static void
venture_mix_panel_dispose (GObject *object)
{
  VentureMixPanel *self = VENTURE_MIX_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->markers_source, g_source_remove);
  g_clear_pointer (&self->marker_segments, g_hash_table_unref);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, on_board_canvas, self);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_canvas_changed, self);
  if (self->mix != NULL)
    g_signal_handlers_disconnect_by_func (self->mix, update, self);
  g_clear_object (&self->mix);
  g_clear_object (&self->canvas);
  g_clear_weak_pointer (&self->board);

  gtk_widget_dispose_template (GTK_WIDGET (self), VENTURE_TYPE_MIX_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (venture_mix_panel_parent_class)->dispose (object);
}

static void
venture_mix_panel_finalize (GObject *object)
{
  VentureMixPanel *self = VENTURE_MIX_PANEL (object);

  g_clear_pointer (&self->segment_ids, g_ptr_array_unref);
  g_clear_pointer (&self->segment_signature, g_free);
  g_clear_pointer (&self->filter_relationship, g_free);
  g_clear_pointer (&self->filter_stage, g_free);
  g_clear_pointer (&self->filter_strategy, g_free);
  g_clear_pointer (&self->filter_segment, g_free);

  G_OBJECT_CLASS (venture_mix_panel_parent_class)->finalize (object);
}

static void
venture_mix_panel_class_init (VentureMixPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_mix_panel_dispose;
  object_class->finalize = venture_mix_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-mix-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, matrix);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, balance_label);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, balance_bar);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, strategy_box);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, hints_heading);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, hints_box);
  gtk_widget_class_bind_template_child (widget_class, VentureMixPanel, clear_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mixpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
venture_mix_panel_init (VentureMixPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->segment_ids = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const []) { _("Whole canvas"), NULL });

    gtk_drop_down_set_model (self->segment_dropdown, G_LIST_MODEL (names));
  }
  build_matrix (self);
  g_signal_connect_swapped (self->segment_dropdown, "notify::selected",
                            G_CALLBACK (on_segment_selected), self);
  g_signal_connect_swapped (self->clear_button, "clicked",
                            G_CALLBACK (venture_mix_panel_clear_highlight), self);
  g_signal_connect (self, "notify::visible", G_CALLBACK (on_visible), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship Mix"),
                                  -1);
}

GtkWidget *
venture_mix_panel_new (void)
{
  return g_object_new (VENTURE_TYPE_MIX_PANEL, NULL);
}

void
venture_mix_panel_set_board (VentureMixPanel *self,
                             VentureBoard    *board)
{
  g_return_if_fail (VENTURE_IS_MIX_PANEL (self));
  g_return_if_fail (board == NULL || VENTURE_IS_BOARD (board));

  if (self->board != board)
    {
      if (self->board != NULL)
        g_signal_handlers_disconnect_by_func (self->board, on_board_canvas, self);
      g_set_weak_pointer (&self->board, board);
      if (board != NULL)
        g_signal_connect_swapped (board, "notify::canvas", G_CALLBACK (on_board_canvas), self);
    }

  on_board_canvas (self);
}

VentureMix *
venture_mix_panel_get_mix (VentureMixPanel *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX_PANEL (self), NULL);
  return self->mix;
}

void
venture_mix_panel_set_highlight (VentureMixPanel        *self,
                                 const VentureMixFilter *filter)
{
  g_return_if_fail (VENTURE_IS_MIX_PANEL (self));

  if (venture_mix_filter_is_empty (filter))
    {
      venture_mix_panel_clear_highlight (self);
      return;
    }

  g_free (self->filter_relationship);
  g_free (self->filter_stage);
  g_free (self->filter_strategy);
  g_free (self->filter_segment);
  self->filter_relationship = g_strdup (filter->relationship);
  self->filter_stage = g_strdup (filter->stage);
  self->filter_strategy = g_strdup (filter->strategy);
  self->filter_segment = g_strdup (filter->segment);
  self->highlighting = TRUE;
  update (self);
  apply_highlight (self);
}

gboolean
venture_mix_panel_has_highlight (VentureMixPanel *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX_PANEL (self), FALSE);
  return self->highlighting;
}

void
venture_mix_panel_clear_highlight (VentureMixPanel *self)
{
  g_return_if_fail (VENTURE_IS_MIX_PANEL (self));

  if (!self->highlighting)
    return;

  self->highlighting = FALSE;
  g_clear_pointer (&self->filter_relationship, g_free);
  g_clear_pointer (&self->filter_stage, g_free);
  g_clear_pointer (&self->filter_strategy, g_free);
  g_clear_pointer (&self->filter_segment, g_free);
  update (self);
  apply_highlight (self);
}

GtkButton *
venture_mix_panel_get_cell (VentureMixPanel *self,
                            guint            type,
                            guint            stage)
{
  g_return_val_if_fail (VENTURE_IS_MIX_PANEL (self), NULL);
  g_return_val_if_fail (type < N_TYPES && stage < VENTURE_MIX_N_STAGE_COLUMNS, NULL);

  return self->cells[type][stage];
}

GtkWidget *
venture_mix_panel_get_hints_box (VentureMixPanel *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX_PANEL (self), NULL);
  return GTK_WIDGET (self->hints_box);
}
