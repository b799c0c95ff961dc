/* venture-comparison.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-note-private.h"
#include "venture-template.h"
#include "venture-comparison.h"

struct _VentureComparison
{
  GObject        parent_instance;

  VentureCanvas *canvases[2];
  /* VentureComparisonEntry, holding references and its id: the canvas
   * itself may change, or lose the note, after the comparison. */
  GArray        *entries;
  GHashTable    *by_id;        /* id (owned by the entry) -> index in entries + 1 */
  GHashTable    *mix[2];       /* "relationship\x1fstage" (owned) -> count */
  GHashTable    *totals[2];    /* relationship (owned) -> count */
  gboolean       title_changed;
};

G_DEFINE_FINAL_TYPE (VentureComparison, venture_comparison, G_TYPE_OBJECT)

static void
venture_comparison_finalize (GObject *object)
{
  VentureComparison *self = (VentureComparison *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  for (guint side = 0; side < 2; side++)
    {
      g_clear_pointer (&self->mix[side], g_hash_table_unref);
      g_clear_pointer (&self->totals[side], g_hash_table_unref);
      g_clear_object (&self->canvases[side]);
    }

  G_OBJECT_CLASS (venture_comparison_parent_class)->finalize (object);
}

static void
venture_comparison_class_init (VentureComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = venture_comparison_finalize;
}

static void
entry_clear (gpointer data)
{
  VentureComparisonEntry *entry = data;

  g_free ((char *) entry->id);
  g_clear_object (&entry->old_note);
  g_clear_object (&entry->new_note);
}

static void
venture_comparison_init (VentureComparison *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (VentureComparisonEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint side = 0; side < 2; side++)
    {
      self->mix[side] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->totals[side] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
}

static char *
mix_key (const char *relationship,
         const char *stage)
{
  return g_strconcat (relationship, "\x1f", stage, NULL);
}

static void
count_mix (VentureComparison *self,
           guint              side)
{
  VentureCanvas *canvas = self->canvases[side];
  guint n = venture_canvas_get_n_notes (canvas);

  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      const char *relationship = venture_note_get_relationship (note);
      char *key;

      if (relationship == NULL)
        continue;

      key = mix_key (relationship, venture_note_get_stage (note));
      g_hash_table_insert (self->mix[side], key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->mix[side], key)) + 1));
      g_hash_table_insert (self->totals[side], g_strdup (relationship),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->totals[side], relationship)) + 1));
    }
}

static VentureDifference
compare_notes (VentureNote *a,
               VentureNote *b)
{
  VentureDifference difference = VENTURE_DIFFERENCE_NONE;

  if (!g_str_equal (venture_note_get_block (a), venture_note_get_block (b)))
    difference |= VENTURE_DIFFERENCE_BLOCK;
  else if (venture_note_get_x (a) != venture_note_get_x (b) ||
           venture_note_get_y (a) != venture_note_get_y (b))
    difference |= VENTURE_DIFFERENCE_PLACE;

  if (g_strcmp0 (venture_note_get_text (a), venture_note_get_text (b)) != 0)
    difference |= VENTURE_DIFFERENCE_TEXT;

  if (g_strcmp0 (venture_note_get_color (a), venture_note_get_color (b)) != 0)
    difference |= VENTURE_DIFFERENCE_COLOR;

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    if (g_strcmp0 (venture_note_get_tag (a, kind), venture_note_get_tag (b, kind)) != 0)
      difference |= VENTURE_DIFFERENCE_TAGS;
  if (!_venture_segments_equal (venture_note_get_segments (a), venture_note_get_segments (b)))
    difference |= VENTURE_DIFFERENCE_TAGS;

  return difference;
}

static void
add_entry (VentureComparison *self,
           VentureNote       *old_note,
           VentureNote       *new_note,
           VentureDifference  difference)
{
  VentureComparisonEntry entry = {
    .id = g_strdup (venture_note_get_id (new_note != NULL ? new_note : old_note)),
    .old_note = old_note != NULL ? g_object_ref (old_note) : NULL,
    .new_note = new_note != NULL ? g_object_ref (new_note) : NULL,
    .difference = difference,
  };

  g_array_append_val (self->entries, entry);
  g_hash_table_insert (self->by_id, (gpointer) entry.id, GUINT_TO_POINTER (self->entries->len));
}

VentureComparison *
venture_comparison_new (VentureCanvas *old_canvas,
                        VentureCanvas *new_canvas)
{
  VentureComparison *self;
  guint n;

  g_return_val_if_fail (VENTURE_IS_CANVAS (old_canvas), NULL);
  g_return_val_if_fail (VENTURE_IS_CANVAS (new_canvas), NULL);
  g_return_val_if_fail (g_str_equal (venture_canvas_get_template_id (old_canvas),
                                     venture_canvas_get_template_id (new_canvas)), NULL);

  self = g_object_new (VENTURE_TYPE_COMPARISON, NULL);
  self->canvases[VENTURE_COMPARISON_OLD] = g_object_ref (old_canvas);
  self->canvases[VENTURE_COMPARISON_NEW] = g_object_ref (new_canvas);
  self->title_changed = !g_str_equal (venture_canvas_get_title (old_canvas),
                                      venture_canvas_get_title (new_canvas));

  n = venture_canvas_get_n_notes (new_canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *new_note = venture_canvas_get_note (new_canvas, i);
      VentureNote *old_note = venture_canvas_lookup_note (old_canvas, venture_note_get_id (new_note));

      if (old_note == NULL)
        add_entry (self, NULL, new_note, VENTURE_DIFFERENCE_ADDED);
      else
        {
          VentureDifference difference = compare_notes (old_note, new_note);

          if (difference != VENTURE_DIFFERENCE_NONE)
            add_entry (self, old_note, new_note, difference);
        }
    }

  n = venture_canvas_get_n_notes (old_canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *old_note = venture_canvas_get_note (old_canvas, i);

      if (venture_canvas_lookup_note (new_canvas, venture_note_get_id (old_note)) == NULL)
        add_entry (self, old_note, NULL, VENTURE_DIFFERENCE_REMOVED);
    }

  count_mix (self, VENTURE_COMPARISON_OLD);
  count_mix (self, VENTURE_COMPARISON_NEW);

  return self;
}

VentureCanvas *
venture_comparison_get_canvas (VentureComparison     *self,
                               VentureComparisonSide  side)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side <= VENTURE_COMPARISON_NEW, NULL);

  return self->canvases[side];
}

gboolean
venture_comparison_is_empty (VentureComparison *self)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), TRUE);

  return self->entries->len == 0 && !self->title_changed;
}

gboolean
venture_comparison_get_title_changed (VentureComparison *self)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), FALSE);

  return self->title_changed;
}

guint
venture_comparison_get_n_entries (VentureComparison *self)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), 0);

  return self->entries->len;
}

const VentureComparisonEntry *
venture_comparison_get_entry (VentureComparison *self,
                              guint              index)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, VentureComparisonEntry, index);
}

VentureDifference
venture_comparison_lookup (VentureComparison *self,
                           const char        *id)
{
  guint index;

  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), VENTURE_DIFFERENCE_NONE);
  g_return_val_if_fail (id != NULL, VENTURE_DIFFERENCE_NONE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));
  if (index == 0)
    return VENTURE_DIFFERENCE_NONE;

  return g_array_index (self->entries, VentureComparisonEntry, index - 1).difference;
}

guint
venture_comparison_count (VentureComparison *self,
                          VentureDifference  difference)
{
  guint n = 0;

  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), 0);
  g_return_val_if_fail (difference != VENTURE_DIFFERENCE_NONE, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const VentureComparisonEntry *entry = &g_array_index (self->entries, VentureComparisonEntry, i);

      if ((entry->difference & difference) == difference)
        n++;
    }

  return n;
}

static const char *
block_label (VentureTemplate *template,
             const char      *block)
{
  const VentureBlockInfo *info = NULL;

  if (g_str_equal (block, VENTURE_UNSORTED_BLOCK))
    return _("Unsorted");

  if (template != NULL)
    info = venture_template_lookup_block (template, block);

  /* A block of a newer template shows as its id, like on the board. */
  return info != NULL ? info->label : block;
}

void
venture_comparison_describe_entry (VentureComparison            *self,
                                   const VentureComparisonEntry *entry,
                                   char                        **symbols,
                                   char                        **description)
{
  g_autoptr(GString) symbol = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  VentureDifference difference;

  g_return_if_fail (VENTURE_IS_COMPARISON (self));
  g_return_if_fail (entry != NULL);

  difference = entry->difference;

#define ADD(sym, text) G_STMT_START { \
    g_string_append (symbol, sym); \
    if (words->len > 0) \
      g_string_append (words, ", "); \
    g_string_append (words, text); \
  } G_STMT_END

  if (difference & VENTURE_DIFFERENCE_ADDED)
    ADD ("+", _("New since the version"));
  if (difference & VENTURE_DIFFERENCE_REMOVED)
    ADD ("−", _("Removed since the version"));
  if (difference & VENTURE_DIFFERENCE_BLOCK)
    {
      VentureTemplate *template = venture_template_get_for_id (venture_canvas_get_template_id (self->canvases[0]),
                                                               NULL);
      /* Translators: %s is the block a note was in before. */
      g_autofree char *moved = g_strdup_printf (_("Moved from %s"),
                                                block_label (template, venture_note_get_block (entry->old_note)));

      ADD ("→", moved);
    }
  if (difference & VENTURE_DIFFERENCE_PLACE)
    ADD ("↔", _("Moved within its block"));
  if (difference & VENTURE_DIFFERENCE_TEXT)
    ADD ("✎", _("Text changed"));
  if (difference & VENTURE_DIFFERENCE_TAGS)
    ADD ("#", _("Retagged"));
  if (difference & VENTURE_DIFFERENCE_COLOR)
    ADD ("◐", _("Recolored"));

#undef ADD

  if (symbols != NULL)
    *symbols = g_string_free (g_steal_pointer (&symbol), FALSE);
  if (description != NULL)
    *description = g_string_free (g_steal_pointer (&words), FALSE);
}

typedef struct {
  const char *from;
  const char *to;
  guint       n;
} Move;

char *
venture_comparison_get_summary (VentureComparison *self)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autofree char *joined = NULL;
  VentureTemplate *template;
  guint n;

  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), NULL);

  if (venture_comparison_is_empty (self))
    return g_strdup (_("No changes"));

  template = venture_template_get_for_id (venture_canvas_get_template_id (self->canvases[0]), NULL);
  parts = g_ptr_array_new_with_free_func (g_free);

  /* Literal format strings in every call, for xgettext and the compiler. */
  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_ADDED)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note added", "%u notes added", n), n));
  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_REMOVED)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note removed", "%u notes removed", n), n));

  /* One part per pair of blocks, in the order the notes come. */
  moves = g_array_new (FALSE, FALSE, sizeof (Move));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const VentureComparisonEntry *entry = &g_array_index (self->entries, VentureComparisonEntry, i);
      const char *from, *to;
      guint j;

      if (!(entry->difference & VENTURE_DIFFERENCE_BLOCK))
        continue;

      from = venture_note_get_block (entry->old_note);
      to = venture_note_get_block (entry->new_note);
      for (j = 0; j < moves->len; j++)
        {
          Move *move = &g_array_index (moves, Move, j);

          if (g_str_equal (move->from, from) && g_str_equal (move->to, to))
            {
              move->n++;
              break;
            }
        }
      if (j == moves->len)
        {
          Move move = { from, to, 1 };

          g_array_append_val (moves, move);
        }
    }
  for (guint j = 0; j < moves->len; j++)
    {
      const Move *move = &g_array_index (moves, Move, j);

      g_ptr_array_add (parts,
                       /* Translators: the %s are block names: "1 moved from Key Activities to Channels". */
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moved from %s to %s",
                                                     "%u moved from %s to %s", move->n),
                                        move->n, block_label (template, move->from),
                                        block_label (template, move->to)));
    }

  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_PLACE)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moved within its block",
                                                          "%u moved within their blocks", n), n));
  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_TEXT)) > 0)
    /* Translators: notes whose text changed. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reworded", "%u reworded", n), n));
  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_TAGS)) > 0)
    /* Translators: notes whose relationship, stage, strategy or segments changed. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u retagged", "%u retagged", n), n));
  if ((n = venture_comparison_count (self, VENTURE_DIFFERENCE_COLOR)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recolored", "%u recolored", n), n));

  if (self->title_changed)
    g_ptr_array_add (parts, g_strdup (parts->len == 0 ? _("Title changed") : _("title changed")));

  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of a summary of changes. */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);

  return g_steal_pointer (&joined);
}

guint
venture_comparison_get_mix (VentureComparison     *self,
                            VentureComparisonSide  side,
                            const char            *relationship,
                            const char            *stage)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), 0);
  g_return_val_if_fail (side <= VENTURE_COMPARISON_NEW, 0);
  g_return_val_if_fail (relationship != NULL, 0);

  key = mix_key (relationship, stage);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->mix[side], key));
}

guint
venture_comparison_get_mix_total (VentureComparison     *self,
                                  VentureComparisonSide  side,
                                  const char            *relationship)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (self), 0);
  g_return_val_if_fail (side <= VENTURE_COMPARISON_NEW, 0);
  g_return_val_if_fail (relationship != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->totals[side], relationship));
}
