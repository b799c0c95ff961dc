/* venture-mix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-mix"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "venture-segments.h"
#include "venture-taxonomy.h"

#include "venture-mix.h"

#define N_TYPES 9
#define N_STRATEGIES 7

struct _VentureMix
{
  GObject        parent_instance;

  VentureCanvas *canvas;
  char          *segment;
  GHashTable    *dismissed;

  guint          counts[N_TYPES][VENTURE_MIX_N_STAGE_COLUMNS];
  guint          strategy_counts[N_STRATEGIES];
  guint          n_tagged;
  guint          n_inbound;
  guint          n_outbound;
  GPtrArray     *hints;          /* every hint, dismissed ones too */

  guint          changed_source;
  guint          dirty : 1;
};

G_DEFINE_FINAL_TYPE (VentureMix, venture_mix, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_SEGMENT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
venture_mix_hint_free (VentureMixHint *hint)
{
  if (hint == NULL)
    return;

  g_free (hint->id);
  g_free (hint->message);
  g_free (hint->segment_id);
  g_free (hint);
}

static VentureMixHint *
hint_new (VentureMixHintKind  kind,
          const char         *id,
          char               *message,
          const char         *segment_id)
{
  VentureMixHint *hint = g_new0 (VentureMixHint, 1);

  hint->kind = kind;
  hint->id = g_strdup (id);
  hint->message = message;
  hint->segment_id = g_strdup (segment_id);

  return hint;
}

static VentureMixHint *
hint_copy (const VentureMixHint *hint)
{
  return hint_new (hint->kind, hint->id, g_strdup (hint->message), hint->segment_id);
}

static int
tag_index (VentureTagKind  kind,
           const char     *id)
{
  const VentureTag *tags;
  const VentureTag *tag = venture_taxonomy_lookup (kind, id);
  guint n;

  if (tag == NULL)
    return -1;
  tags = venture_taxonomy_get_tags (kind, &n);
  return tag - tags;
}

/* The first line of a segment note, short enough for a sentence. */
static char *
segment_name (VentureNote *note)
{
  const char *text = venture_note_get_text (note);
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL || *text == '\0')
    return g_strdup (_("an untitled segment"));

  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  if (g_utf8_strlen (line, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 39);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static gboolean
serves_as_relationship_or_channel (VentureNote *note)
{
  const char *block = venture_note_get_block (note);

  return g_strcmp0 (block, "customer-relationships") == 0 ||
         g_strcmp0 (block, "channels") == 0 ||
         venture_taxonomy_lookup (VENTURE_TAG_RELATIONSHIP,
                                  venture_note_get_relationship (note)) != NULL;
}

static void
compute_hints (VentureMix *self)
{
  guint n = venture_canvas_get_n_notes (self->canvas);
  gboolean has_relationships = FALSE;
  gboolean has_retention = FALSE;
  guint inbound = 0, outbound = 0;
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) segments = venture_segments_list (self->canvas);

  g_ptr_array_set_size (self->hints, 0);

  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      const VentureTag *strategy = venture_taxonomy_lookup (VENTURE_TAG_STRATEGY,
                                                            venture_note_get_strategy (note));
      const char * const *links = venture_note_get_segments (note);

      if (g_strcmp0 (venture_note_get_block (note), "customer-relationships") == 0 ||
          venture_taxonomy_lookup (VENTURE_TAG_RELATIONSHIP, venture_note_get_relationship (note)) != NULL)
        has_relationships = TRUE;
      if (g_strcmp0 (venture_note_get_stage (note), "retention") == 0)
        has_retention = TRUE;
      if (strategy != NULL && strategy->family == VENTURE_STRATEGY_FAMILY_INBOUND)
        inbound++;
      else if (strategy != NULL && strategy->family == VENTURE_STRATEGY_FAMILY_OUTBOUND)
        outbound++;

      if (links != NULL && serves_as_relationship_or_channel (note))
        for (guint j = 0; links[j] != NULL; j++)
          g_hash_table_add (served, (gpointer) links[j]);
    }

  if (has_relationships && !has_retention)
    g_ptr_array_add (self->hints,
                     hint_new (VENTURE_MIX_HINT_NO_RETENTION, "no-retention",
                               g_strdup (_("How will you keep the customers you win? No relationship is tagged for retention yet.")),
                               NULL));

  if (outbound > 0 && inbound == 0)
    g_ptr_array_add (self->hints,
                     hint_new (VENTURE_MIX_HINT_OUTBOUND_ONLY, "outbound-only",
                               g_strdup (_("Could inbound strategies draw customers in? Acquisition relies only on outbound ones (e-mail blasts, cold calls, advertising), which people increasingly filter out.")),
                               NULL));

  for (guint i = 0; i < segments->len; i++)
    {
      VentureNote *segment = g_ptr_array_index (segments, i);
      const char *id = venture_note_get_id (segment);
      g_autofree char *hint_id = NULL;
      g_autofree char *name = NULL;

      if (g_hash_table_contains (served, id))
        continue;

      hint_id = g_strconcat ("unserved-segment:", id, NULL);
      name = segment_name (segment);
      g_ptr_array_add (self->hints,
                       hint_new (VENTURE_MIX_HINT_UNSERVED_SEGMENT, hint_id,
                                 /* Translators: %s is a customer segment, the first line of its note. */
                                 g_strdup_printf (_("How will you reach and keep “%s”? No relationship or channel serves this segment yet."),
                                                  name),
                                 id));
    }
}

static void
ensure_computed (VentureMix *self)
{
  guint n;

  if (!self->dirty)
    return;
  self->dirty = FALSE;

  memset (self->counts, 0, sizeof self->counts);
  memset (self->strategy_counts, 0, sizeof self->strategy_counts);
  self->n_tagged = self->n_inbound = self->n_outbound = 0;

  n = venture_canvas_get_n_notes (self->canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      int type, stage, strategy;

      if (self->segment != NULL && !venture_segments_note_serves (note, self->segment))
        continue;

      type = tag_index (VENTURE_TAG_RELATIONSHIP, venture_note_get_relationship (note));
      stage = tag_index (VENTURE_TAG_STAGE, venture_note_get_stage (note));
      strategy = tag_index (VENTURE_TAG_STRATEGY, venture_note_get_strategy (note));

      if (type >= 0)
        {
          self->counts[type][stage >= 0 ? stage : VENTURE_MIX_NO_STAGE]++;
          self->n_tagged++;
        }
      if (strategy >= 0)
        {
          guint n_strategies;
          const VentureTag *strategies = venture_taxonomy_get_tags (VENTURE_TAG_STRATEGY, &n_strategies);

          self->strategy_counts[strategy]++;
          if (strategies[strategy].family == VENTURE_STRATEGY_FAMILY_INBOUND)
            self->n_inbound++;
          else
            self->n_outbound++;
        }
    }

  compute_hints (self);
}

static gboolean
emit_changed (gpointer user_data)
{
  VentureMix *self = user_data;

  self->changed_source = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
mark_dirty (VentureMix *self)
{
  self->dirty = TRUE;
  if (self->changed_source == 0)
    /* Before the next frame is drawn (GDK redraws at HIGH_IDLE + 20),
     * so views show the new counts with the change itself, and are not
     * starved by an animation. */
    self->changed_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_changed, self, NULL);
}

static void
on_canvas_changed (VentureMix          *self,
                   const VentureChange *change)
{
  if (change->kind == VENTURE_CHANGE_COLOR || change->kind == VENTURE_CHANGE_TITLE)
    return;
  /* Nothing counted depends on where a note sits in its block, nor on
   * the stacking order but that of the segments (the hints' order): a
   * drag on a crowded board changes neither, frame after frame. */
  if (change->kind == VENTURE_CHANGE_MOVE && g_strcmp0 (change->old_string, change->new_string) == 0)
    return;
  if (change->kind == VENTURE_CHANGE_RESTACK && !venture_segments_is_segment (change->note))
    return;

  mark_dirty (self);
}

static void
venture_mix_dispose (GObject *object)
{
  VentureMix *self = VENTURE_MIX (object);

  g_clear_handle_id (&self->changed_source, g_source_remove);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_canvas_changed, self);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (venture_mix_parent_class)->dispose (object);
}

static void
venture_mix_finalize (GObject *object)
{
  VentureMix *self = VENTURE_MIX (object);

  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->hints, g_ptr_array_unref);

  G_OBJECT_CLASS (venture_mix_parent_class)->finalize (object);
}

static void
venture_mix_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VentureMix *self = VENTURE_MIX (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_mix_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VentureMix *self = VENTURE_MIX (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      g_signal_connect_object (self->canvas, "changed", G_CALLBACK (on_canvas_changed),
                               self, G_CONNECT_SWAPPED);
      break;
    case PROP_SEGMENT:
      venture_mix_set_segment (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_mix_class_init (VentureMixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = venture_mix_dispose;
  object_class->finalize = venture_mix_finalize;
  object_class->get_property = venture_mix_get_property;
  object_class->set_property = venture_mix_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, VENTURE_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The sizes above follow the taxonomy. */
  {
    guint n;

    venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n);
    g_assert (n == N_TYPES);
    venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n);
    g_assert (n == VENTURE_MIX_NO_STAGE);
    venture_taxonomy_get_tags (VENTURE_TAG_STRATEGY, &n);
    g_assert (n == N_STRATEGIES);
  }
}

static void
venture_mix_init (VentureMix *self)
{
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hints = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_mix_hint_free);
  self->dirty = TRUE;
}

VentureMix *
venture_mix_new (VentureCanvas *canvas)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  return g_object_new (VENTURE_TYPE_MIX, "canvas", canvas, NULL);
}

VentureCanvas *
venture_mix_get_canvas (VentureMix *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), NULL);
  return self->canvas;
}

const char *
venture_mix_get_segment (VentureMix *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), NULL);
  return self->segment;
}

void
venture_mix_set_segment (VentureMix *self,
                         const char *segment_id)
{
  g_return_if_fail (VENTURE_IS_MIX (self));

  if (segment_id != NULL && *segment_id == '\0')
    segment_id = NULL;
  if (g_strcmp0 (self->segment, segment_id) == 0)
    return;

  g_free (self->segment);
  self->segment = g_strdup (segment_id);
  mark_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

guint
venture_mix_get_count (VentureMix *self,
                       guint       type,
                       guint       stage)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), 0);
  g_return_val_if_fail (type < N_TYPES, 0);
  g_return_val_if_fail (stage < VENTURE_MIX_N_STAGE_COLUMNS, 0);

  ensure_computed (self);
  return self->counts[type][stage];
}

guint
venture_mix_get_n_tagged (VentureMix *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), 0);

  ensure_computed (self);
  return self->n_tagged;
}

guint
venture_mix_get_n_inbound (VentureMix *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), 0);

  ensure_computed (self);
  return self->n_inbound;
}

guint
venture_mix_get_n_outbound (VentureMix *self)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), 0);

  ensure_computed (self);
  return self->n_outbound;
}

guint
venture_mix_get_strategy_count (VentureMix *self,
                                guint       strategy)
{
  g_return_val_if_fail (VENTURE_IS_MIX (self), 0);
  g_return_val_if_fail (strategy < N_STRATEGIES, 0);

  ensure_computed (self);
  return self->strategy_counts[strategy];
}

GPtrArray *
venture_mix_get_hints (VentureMix *self)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_mix_hint_free);

  g_return_val_if_fail (VENTURE_IS_MIX (self), hints);

  ensure_computed (self);
  for (guint i = 0; i < self->hints->len; i++)
    {
      const VentureMixHint *hint = g_ptr_array_index (self->hints, i);

      if (!g_hash_table_contains (self->dismissed, hint->id))
        g_ptr_array_add (hints, hint_copy (hint));
    }

  return hints;
}

void
venture_mix_dismiss_hint (VentureMix *self,
                          const char *hint_id)
{
  g_return_if_fail (VENTURE_IS_MIX (self));
  g_return_if_fail (hint_id != NULL);

  if (g_hash_table_add (self->dismissed, g_strdup (hint_id)))
    {
      g_clear_handle_id (&self->changed_source, g_source_remove);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
venture_mix_filter_is_empty (const VentureMixFilter *filter)
{
  return filter == NULL ||
         (filter->relationship == NULL && filter->stage == NULL &&
          filter->strategy == NULL && filter->segment == NULL);
}

gboolean
venture_mix_note_matches (VentureNote            *note,
                          const VentureMixFilter *filter)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (note), FALSE);

  if (venture_mix_filter_is_empty (filter))
    return FALSE;

  if (filter->relationship != NULL &&
      g_strcmp0 (venture_note_get_relationship (note), filter->relationship) != 0)
    return FALSE;
  if (filter->stage != NULL && g_strcmp0 (venture_note_get_stage (note), filter->stage) != 0)
    return FALSE;
  if (filter->strategy != NULL && g_strcmp0 (venture_note_get_strategy (note), filter->strategy) != 0)
    return FALSE;
  /* A segment also picks out its own note, so it can be found. */
  if (filter->segment != NULL &&
      !venture_segments_note_serves (note, filter->segment) &&
      g_strcmp0 (venture_note_get_id (note), filter->segment) != 0)
    return FALSE;

  return TRUE;
}
