/* venture-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "venture-history-private.h"
#include "venture-history.h"

typedef enum {
  TYPING_INSERT,
  TYPING_DELETE_ANY,    /* one character deleted, direction not known yet */
  TYPING_BACKSPACE,
  TYPING_DELETE,
} TypingMode;

struct _VentureHistory
{
  GObject             parent_instance;

  VentureCanvas      *canvas;
  gulong              changed_id;

  /* Every step, oldest first; the first @position are applied (the undo
   * side), the rest are the redo side. */
  GPtrArray          *steps;
  guint               position;
  /* The position of the saved state, -1 once it cannot be reached. */
  int                 clean;
  guint               max_steps;

  guint               group_depth;
  VentureHistoryLabel group_kind;
  char               *group_label;
  VentureHistoryStep *group_step;    /* the open group's step, once it has a change */

  gboolean            applying;

  /* Typing coalescing: valid while the top step is the text step just
   * recorded and nothing happened since. */
  gboolean            typing_open;
  TypingMode          typing_mode;
  gsize               typing_cursor;
  gunichar            typing_last_char;

  /* What was last notified, so that notify fires on change only. */
  gboolean            was_can_undo;
  gboolean            was_can_redo;
  gboolean            was_modified;
  guint               was_n_undo;
  guint               was_n_redo;
  char               *was_undo_label;
  char               *was_redo_label;
};

G_DEFINE_FINAL_TYPE (VentureHistory, venture_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_N_UNDO,
  PROP_N_REDO,
  PROP_MAX_STEPS,
  N_PROPS
};

enum {
  STEPS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Stable ids for files: never change them. */
static const char * const label_ids[VENTURE_HISTORY_N_LABELS] = {
  [VENTURE_HISTORY_LABEL_AUTO] = "auto",
  [VENTURE_HISTORY_LABEL_CUSTOM] = "custom",
  [VENTURE_HISTORY_LABEL_ADD] = "add",
  [VENTURE_HISTORY_LABEL_DELETE] = "delete",
  [VENTURE_HISTORY_LABEL_EDIT_TEXT] = "edit-text",
  [VENTURE_HISTORY_LABEL_RECOLOR] = "recolor",
  [VENTURE_HISTORY_LABEL_MOVE] = "move",
  [VENTURE_HISTORY_LABEL_TAG] = "tag",
  [VENTURE_HISTORY_LABEL_LINK_SEGMENTS] = "link-segments",
  [VENTURE_HISTORY_LABEL_RESTACK] = "restack",
  [VENTURE_HISTORY_LABEL_RENAME] = "rename",
  [VENTURE_HISTORY_LABEL_PASTE] = "paste",
  [VENTURE_HISTORY_LABEL_DUPLICATE] = "duplicate",
  [VENTURE_HISTORY_LABEL_TIDY_BLOCK] = "tidy-block",
  [VENTURE_HISTORY_LABEL_RESTORE_VERSION] = "restore-version",
  [VENTURE_HISTORY_LABEL_EDIT] = "edit",
  [VENTURE_HISTORY_LABEL_SAVE_VERSION] = "save-version",
  [VENTURE_HISTORY_LABEL_DELETE_VERSION] = "delete-version",
};

const char *
venture_history_label_to_id (VentureHistoryLabel kind)
{
  g_return_val_if_fail ((guint) kind < VENTURE_HISTORY_N_LABELS, NULL);

  return label_ids[kind];
}

gboolean
venture_history_label_from_id (const char          *id,
                               VentureHistoryLabel *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < VENTURE_HISTORY_N_LABELS; i++)
    {
      if (strcmp (label_ids[i], id) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Steps */

VentureHistoryStep *
venture_history_step_new (VentureHistoryLabel  label_kind,
                          const char          *custom_label)
{
  VentureHistoryStep *step = g_new0 (VentureHistoryStep, 1);

  step->label_kind = label_kind;
  step->custom_label = g_strdup (custom_label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_change_free);

  return step;
}

void
venture_history_step_free (VentureHistoryStep *step)
{
  if (step == NULL)
    return;

  g_free (step->custom_label);
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_clear_pointer (&step->snapshots, g_ptr_array_unref);
  g_free (step);
}

static void
snapshot_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

void
venture_history_step_add_change (VentureHistoryStep *step,
                                 VentureChange      *change,
                                 VentureNote        *snapshot)
{
  g_return_if_fail (step != NULL);
  g_return_if_fail (change != NULL);

  /* Most steps have no insertion or removal: keep the snapshot array
   * away from them, a long history has many. */
  if (snapshot != NULL && step->snapshots == NULL)
    {
      step->snapshots = g_ptr_array_new_full (step->changes->len + 1, snapshot_free);
      for (guint i = 0; i < step->changes->len; i++)
        g_ptr_array_add (step->snapshots, NULL);
    }

  g_ptr_array_add (step->changes, change);
  if (step->snapshots != NULL)
    g_ptr_array_add (step->snapshots, snapshot);

  g_clear_pointer (&step->label, g_free);
}

static guint
count_notes (const VentureHistoryStep *step,
             gboolean                  only_kind,
             VentureChangeKind         kind)
{
  g_autoptr(GHashTable) seen = NULL;
  guint n = 0;

  if (step->changes->len == 1)
    return 1;

  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < step->changes->len; i++)
    {
      const VentureChange *change = g_ptr_array_index (step->changes, i);

      if (only_kind && change->kind != kind)
        continue;
      if (change->note != NULL && g_hash_table_add (seen, change->note))
        n++;
    }

  return MAX (n, 1);
}

VentureHistoryLabel
venture_history_step_get_effective_kind (const VentureHistoryStep *step,
                                         guint                    *count)
{
  static const VentureHistoryLabel for_change[] = {
    [VENTURE_CHANGE_INSERT] = VENTURE_HISTORY_LABEL_ADD,
    [VENTURE_CHANGE_REMOVE] = VENTURE_HISTORY_LABEL_DELETE,
    [VENTURE_CHANGE_TEXT] = VENTURE_HISTORY_LABEL_EDIT_TEXT,
    [VENTURE_CHANGE_COLOR] = VENTURE_HISTORY_LABEL_RECOLOR,
    [VENTURE_CHANGE_MOVE] = VENTURE_HISTORY_LABEL_MOVE,
    [VENTURE_CHANGE_TAG] = VENTURE_HISTORY_LABEL_TAG,
    [VENTURE_CHANGE_SEGMENTS] = VENTURE_HISTORY_LABEL_LINK_SEGMENTS,
    [VENTURE_CHANGE_RESTACK] = VENTURE_HISTORY_LABEL_RESTACK,
    [VENTURE_CHANGE_TITLE] = VENTURE_HISTORY_LABEL_RENAME,
    [VENTURE_CHANGE_ADD_VERSION] = VENTURE_HISTORY_LABEL_SAVE_VERSION,
    [VENTURE_CHANGE_REMOVE_VERSION] = VENTURE_HISTORY_LABEL_DELETE_VERSION,
  };
  gboolean has_insert = FALSE;
  gboolean has_remove = FALSE;
  gboolean mixed = FALSE;
  VentureChangeKind first_kind;
  guint n = 1;
  VentureHistoryLabel kind = step->label_kind;

  g_return_val_if_fail (step->changes->len > 0, VENTURE_HISTORY_LABEL_EDIT);

  first_kind = ((const VentureChange *) g_ptr_array_index (step->changes, 0))->kind;
  for (guint i = 0; i < step->changes->len; i++)
    {
      const VentureChange *change = g_ptr_array_index (step->changes, i);

      has_insert |= change->kind == VENTURE_CHANGE_INSERT;
      has_remove |= change->kind == VENTURE_CHANGE_REMOVE;
      mixed |= change->kind != first_kind;
    }

  switch (kind)
    {
    case VENTURE_HISTORY_LABEL_AUTO:
      /* Deleting a segment also unlinks it from other notes: that is
       * still "Delete Note". */
      if (has_remove && !has_insert)
        {
          kind = VENTURE_HISTORY_LABEL_DELETE;
          n = count_notes (step, TRUE, VENTURE_CHANGE_REMOVE);
        }
      else if (has_insert && !has_remove)
        {
          kind = VENTURE_HISTORY_LABEL_ADD;
          n = count_notes (step, TRUE, VENTURE_CHANGE_INSERT);
        }
      else if (mixed)
        kind = VENTURE_HISTORY_LABEL_EDIT;
      else if ((guint) first_kind < G_N_ELEMENTS (for_change))
        {
          kind = for_change[first_kind];
          n = count_notes (step, FALSE, 0);
        }
      else
        kind = VENTURE_HISTORY_LABEL_EDIT;
      break;

    case VENTURE_HISTORY_LABEL_ADD:
    case VENTURE_HISTORY_LABEL_PASTE:
    case VENTURE_HISTORY_LABEL_DUPLICATE:
      n = count_notes (step, has_insert, VENTURE_CHANGE_INSERT);
      break;

    case VENTURE_HISTORY_LABEL_DELETE:
      n = count_notes (step, has_remove, VENTURE_CHANGE_REMOVE);
      break;

    case VENTURE_HISTORY_LABEL_CUSTOM:
    case VENTURE_HISTORY_LABEL_EDIT_TEXT:
    case VENTURE_HISTORY_LABEL_RECOLOR:
    case VENTURE_HISTORY_LABEL_MOVE:
    case VENTURE_HISTORY_LABEL_TAG:
    case VENTURE_HISTORY_LABEL_LINK_SEGMENTS:
    case VENTURE_HISTORY_LABEL_RESTACK:
    case VENTURE_HISTORY_LABEL_RENAME:
    case VENTURE_HISTORY_LABEL_TIDY_BLOCK:
    case VENTURE_HISTORY_LABEL_RESTORE_VERSION:
    case VENTURE_HISTORY_LABEL_EDIT:
    case VENTURE_HISTORY_LABEL_SAVE_VERSION:
    case VENTURE_HISTORY_LABEL_DELETE_VERSION:
    default:
      n = count_notes (step, FALSE, 0);
      break;
    }

  if (count != NULL)
    *count = n;

  return kind;
}

/* Literal format strings in every branch, so that xgettext finds them and
 * the compiler checks them. */
static char *
format_label (VentureHistoryLabel kind,
              guint               n)
{
  switch (kind)
    {
    case VENTURE_HISTORY_LABEL_ADD:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add Note", "Add %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_DELETE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete Note", "Delete %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_EDIT_TEXT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit Note Text", "Edit Text of %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_RECOLOR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Recolor Note", "Recolor %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_MOVE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move Note", "Move %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_TAG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag Note", "Tag %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_RESTACK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restack Note", "Restack %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_PASTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste Note", "Paste %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_DUPLICATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Duplicate Note", "Duplicate %u Notes", n), n);
    case VENTURE_HISTORY_LABEL_LINK_SEGMENTS:
      return g_strdup (_("Link Segments"));
    case VENTURE_HISTORY_LABEL_RENAME:
      return g_strdup (_("Rename Canvas"));
    case VENTURE_HISTORY_LABEL_TIDY_BLOCK:
      return g_strdup (_("Tidy Block"));
    case VENTURE_HISTORY_LABEL_RESTORE_VERSION:
      return g_strdup (_("Restore Version"));
    case VENTURE_HISTORY_LABEL_SAVE_VERSION:
      return g_strdup (_("Save Version"));
    case VENTURE_HISTORY_LABEL_DELETE_VERSION:
      return g_strdup (_("Delete Version"));
    case VENTURE_HISTORY_LABEL_AUTO:
    case VENTURE_HISTORY_LABEL_CUSTOM:
    case VENTURE_HISTORY_LABEL_EDIT:
    default:
      return g_strdup (_("Edit Canvas"));
    }
}

static const char *
step_get_label (VentureHistoryStep *step)
{
  if (step->label == NULL)
    {
      if (step->label_kind == VENTURE_HISTORY_LABEL_CUSTOM && step->custom_label != NULL)
        step->label = g_strdup (step->custom_label);
      else
        {
          guint n = 1;
          VentureHistoryLabel kind = venture_history_step_get_effective_kind (step, &n);

          step->label = format_label (kind, n);
        }
    }

  return step->label;
}

/* State and notification */

static void
update_state (VentureHistory *self)
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  guint n_undo;
  guint n_redo;
  const char *undo_label;
  const char *redo_label;

  /* While a group is open its step is still growing: tell once it ends. */
  if (self->group_depth > 0)
    return;

  n_undo = self->position;
  n_redo = self->steps->len - self->position;
  can_undo = n_undo > 0;
  can_redo = n_redo > 0;
  modified = self->clean != (int) self->position;
  undo_label = venture_history_get_undo_label (self);
  redo_label = venture_history_get_redo_label (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->was_can_undo)
    {
      self->was_can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->was_can_redo)
    {
      self->was_can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (n_undo != self->was_n_undo)
    {
      self->was_n_undo = n_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDO]);
    }
  if (n_redo != self->was_n_redo)
    {
      self->was_n_redo = n_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REDO]);
    }
  if (g_strcmp0 (undo_label, self->was_undo_label) != 0)
    {
      g_free (self->was_undo_label);
      self->was_undo_label = g_strdup (undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo_label, self->was_redo_label) != 0)
    {
      g_free (self->was_redo_label);
      self->was_redo_label = g_strdup (redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
steps_changed (VentureHistory *self)
{
  update_state (self);
  if (self->group_depth == 0)
    g_signal_emit (self, signals[STEPS_CHANGED], 0);
}

/* Limits */

static gboolean
trim (VentureHistory *self)
{
  gboolean changed = FALSE;

  while (self->steps->len > self->max_steps)
    {
      /* Never drop the open group's step: it is being filled. */
      if (self->position > 0 && g_ptr_array_index (self->steps, 0) != self->group_step)
        {
          g_ptr_array_remove_index (self->steps, 0);
          self->position--;
          if (self->clean == 0)
            self->clean = -1;
          else if (self->clean > 0)
            self->clean--;
        }
      else if (self->steps->len > self->position)
        {
          g_ptr_array_remove_index (self->steps, self->steps->len - 1);
          if (self->clean > (int) self->steps->len)
            self->clean = -1;
        }
      else
        break;

      changed = TRUE;
    }

  return changed;
}

static void
drop_redo (VentureHistory *self)
{
  if (self->position < self->steps->len)
    g_ptr_array_set_size (self->steps, self->position);
  if (self->clean > (int) self->position)
    self->clean = -1;
}

static void
push_step (VentureHistory     *self,
           VentureHistoryStep *step)
{
  drop_redo (self);
  g_ptr_array_add (self->steps, step);
  self->position++;
  trim (self);
}

/* Typing */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c);
}

/* Where @old and @new differ: bytes [@pos, @pos + @del_len) of @old became
 * bytes [@pos, @pos + @ins_len) of @new. Cuts fall on character bounds. */
void
_venture_history_text_diff (const char *old,
                            const char *new,
                            gsize      *pos,
                            gsize      *del_len,
                            gsize      *ins_len)
{
  gsize old_len = strlen (old);
  gsize new_len = strlen (new);
  gsize p = 0;
  gsize s = 0;

  while (p < old_len && p < new_len && old[p] == new[p])
    p++;
  while (p > 0 && (((guchar) old[p] & 0xC0) == 0x80 || ((guchar) new[p] & 0xC0) == 0x80))
    p--;

  while (s < old_len - p && s < new_len - p && old[old_len - 1 - s] == new[new_len - 1 - s])
    s++;
  while (s > 0 && (((guchar) old[old_len - s] & 0xC0) == 0x80 ||
                   ((guchar) new[new_len - s] & 0xC0) == 0x80))
    s--;

  *pos = p;
  *del_len = old_len - s - p;
  *ins_len = new_len - s - p;
}

/* Whether the characters, read in typing order after @prev, put a
 * whitespace right after a non-whitespace: that starts a new word step. */
static gboolean
crosses_word (gunichar    prev,
              const char *chunk,
              gsize       len,
              gboolean    backwards,
              gunichar   *last)
{
  gboolean crosses = FALSE;
  const char *end = chunk + len;

  if (!backwards)
    {
      for (const char *p = chunk; p < end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (prev != 0 && !is_space (prev) && is_space (c))
            crosses = TRUE;
          prev = c;
        }
    }
  else
    {
      for (const char *p = end; p > chunk; )
        {
          gunichar c;

          p = g_utf8_prev_char (p);
          c = g_utf8_get_char (p);
          if (prev != 0 && !is_space (prev) && is_space (c))
            crosses = TRUE;
          prev = c;
        }
    }

  *last = prev;

  return crosses;
}

/* Starts tracking typing from a new text step. */
static void
typing_start (VentureHistory      *self,
              const VentureChange *change)
{
  gsize pos, del_len, ins_len;
  gunichar last = 0;

  self->typing_open = FALSE;
  if (change->old_string == NULL || change->new_string == NULL)
    return;

  _venture_history_text_diff (change->old_string, change->new_string, &pos, &del_len, &ins_len);

  if (del_len == 0 && ins_len > 0)
    {
      crosses_word (0, change->new_string + pos, ins_len, FALSE, &last);
      self->typing_mode = TYPING_INSERT;
      self->typing_cursor = pos + ins_len;
    }
  else if (ins_len == 0 && del_len > 0 &&
           g_utf8_next_char (change->old_string + pos) == change->old_string + pos + del_len)
    {
      last = g_utf8_get_char (change->old_string + pos);
      self->typing_mode = TYPING_DELETE_ANY;
      self->typing_cursor = pos;
    }
  else
    return;

  self->typing_last_char = last;
  self->typing_open = TRUE;
}

/* Whether @change continues the typing of the step on top, and if so
 * merges it there. */
static gboolean
typing_continue (VentureHistory      *self,
                 const VentureChange *change)
{
  VentureHistoryStep *top;
  VentureChange *text;
  gsize pos, del_len, ins_len;
  gunichar last = 0;

  if (!self->typing_open || self->position == 0 || self->position != self->steps->len)
    return FALSE;

  top = g_ptr_array_index (self->steps, self->position - 1);
  if (top->changes->len != 1 || top->label_kind != VENTURE_HISTORY_LABEL_AUTO)
    return FALSE;

  text = g_ptr_array_index (top->changes, 0);
  if (text->kind != VENTURE_CHANGE_TEXT || text->note != change->note ||
      g_strcmp0 (text->new_string, change->old_string) != 0 ||
      change->old_string == NULL || change->new_string == NULL)
    return FALSE;

  _venture_history_text_diff (change->old_string, change->new_string, &pos, &del_len, &ins_len);

  if (del_len == 0 && ins_len > 0)
    {
      if (self->typing_mode != TYPING_INSERT || pos != self->typing_cursor)
        return FALSE;
      if (crosses_word (self->typing_last_char, change->new_string + pos, ins_len, FALSE, &last))
        return FALSE;
      self->typing_cursor = pos + ins_len;
    }
  else if (ins_len == 0 && del_len > 0)
    {
      TypingMode mode;

      if ((self->typing_mode == TYPING_BACKSPACE || self->typing_mode == TYPING_DELETE_ANY) &&
          pos + del_len == self->typing_cursor)
        mode = TYPING_BACKSPACE;
      else if ((self->typing_mode == TYPING_DELETE || self->typing_mode == TYPING_DELETE_ANY) &&
               pos == self->typing_cursor)
        mode = TYPING_DELETE;
      else
        return FALSE;

      if (crosses_word (self->typing_last_char, change->old_string + pos, del_len,
                        mode == TYPING_BACKSPACE, &last))
        return FALSE;
      self->typing_mode = mode;
      self->typing_cursor = pos;
    }
  else
    return FALSE;

  self->typing_last_char = last;
  g_free (text->new_string);
  text->new_string = g_strdup (change->new_string);

  return TRUE;
}

/* Recording */

static VentureNote *
snapshot_for (const VentureChange *change)
{
  if ((change->kind == VENTURE_CHANGE_INSERT || change->kind == VENTURE_CHANGE_REMOVE) &&
      change->note != NULL)
    return venture_note_copy (change->note, venture_note_get_id (change->note));

  return NULL;
}

static void
on_canvas_changed (VentureHistory      *self,
                   const VentureChange *change,
                   VentureCanvas       *canvas)
{
  VentureHistoryStep *step;

  if (self->applying || change == NULL)
    return;

  if (self->group_depth > 0)
    {
      if (self->group_step == NULL)
        {
          self->group_step = venture_history_step_new (self->group_kind, self->group_label);
          push_step (self, self->group_step);
        }
      venture_history_step_add_change (self->group_step, venture_change_copy (change),
                                       snapshot_for (change));
      return;
    }

  if (change->kind == VENTURE_CHANGE_TEXT && typing_continue (self, change))
    return;

  step = venture_history_step_new (VENTURE_HISTORY_LABEL_AUTO, NULL);
  venture_history_step_add_change (step, venture_change_copy (change), snapshot_for (change));
  push_step (self, step);

  if (change->kind == VENTURE_CHANGE_TEXT)
    typing_start (self, change);
  else
    self->typing_open = FALSE;

  steps_changed (self);
}

/* GObject */

static void
venture_history_dispose (GObject *object)
{
  VentureHistory *self = (VentureHistory *) object;

  if (self->canvas != NULL)
    g_clear_signal_handler (&self->changed_id, self->canvas);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (venture_history_parent_class)->dispose (object);
}

static void
venture_history_finalize (GObject *object)
{
  VentureHistory *self = (VentureHistory *) object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_pointer (&self->was_undo_label, g_free);
  g_clear_pointer (&self->was_redo_label, g_free);

  G_OBJECT_CLASS (venture_history_parent_class)->finalize (object);
}

static void
venture_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VentureHistory *self = VENTURE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, venture_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, venture_history_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, venture_history_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, venture_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, venture_history_get_redo_label (self));
      break;
    case PROP_N_UNDO:
      g_value_set_uint (value, venture_history_get_n_undo (self));
      break;
    case PROP_N_REDO:
      g_value_set_uint (value, venture_history_get_n_redo (self));
      break;
    case PROP_MAX_STEPS:
      g_value_set_uint (value, self->max_steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VentureHistory *self = VENTURE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    case PROP_MAX_STEPS:
      venture_history_set_max_steps (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_history_constructed (GObject *object)
{
  VentureHistory *self = (VentureHistory *) object;

  G_OBJECT_CLASS (venture_history_parent_class)->constructed (object);

  g_return_if_fail (VENTURE_IS_CANVAS (self->canvas));

  self->changed_id = g_signal_connect_object (self->canvas, "changed",
                                              G_CALLBACK (on_canvas_changed), self,
                                              G_CONNECT_SWAPPED);
}

static void
venture_history_class_init (VentureHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = venture_history_constructed;
  object_class->dispose = venture_history_dispose;
  object_class->finalize = venture_history_finalize;
  object_class->get_property = venture_history_get_property;
  object_class->set_property = venture_history_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         VENTURE_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_UNDO] =
    g_param_spec_uint ("n-undo", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_REDO] =
    g_param_spec_uint ("n-redo", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_STEPS] =
    g_param_spec_uint ("max-steps", NULL, NULL, 1, VENTURE_HISTORY_MAX_STEPS,
                       VENTURE_HISTORY_MAX_STEPS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STEPS_CHANGED] =
    g_signal_new ("steps-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
venture_history_init (VentureHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_history_step_free);
  self->max_steps = VENTURE_HISTORY_MAX_STEPS;
  self->clean = 0;
}

/* Public API */

VentureHistory *
venture_history_new (VentureCanvas *canvas)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  return g_object_new (VENTURE_TYPE_HISTORY, "canvas", canvas, NULL);
}

VentureCanvas *
venture_history_get_canvas (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), NULL);

  return self->canvas;
}

static void
begin_group (VentureHistory      *self,
             VentureHistoryLabel  kind,
             const char          *label)
{
  if (self->group_depth++ > 0)
    return;

  self->group_kind = kind;
  g_free (self->group_label);
  self->group_label = g_strdup (label);
  self->group_step = NULL;
  self->typing_open = FALSE;
}

void
venture_history_begin_group (VentureHistory *self,
                             const char     *label)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));

  begin_group (self,
               label != NULL ? VENTURE_HISTORY_LABEL_CUSTOM : VENTURE_HISTORY_LABEL_AUTO,
               label);
}

void
venture_history_begin_group_kind (VentureHistory      *self,
                                  VentureHistoryLabel  kind)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));
  g_return_if_fail ((guint) kind < VENTURE_HISTORY_N_LABELS);
  g_return_if_fail (kind != VENTURE_HISTORY_LABEL_CUSTOM);

  begin_group (self, kind, NULL);
}

void
venture_history_end_group (VentureHistory *self)
{
  gboolean recorded;

  g_return_if_fail (VENTURE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  recorded = self->group_step != NULL;
  self->group_step = NULL;
  g_clear_pointer (&self->group_label, g_free);
  self->typing_open = FALSE;

  if (recorded)
    {
      trim (self);
      steps_changed (self);
    }
  else
    update_state (self);
}

static void
apply_step (VentureHistory     *self,
            VentureHistoryStep *step,
            gboolean            undo)
{
  self->applying = TRUE;

  if (undo)
    {
      for (guint i = step->changes->len; i > 0; i--)
        {
          g_autoptr(VentureChange) inverse =
            venture_change_invert (g_ptr_array_index (step->changes, i - 1));

          venture_canvas_apply_change (self->canvas, inverse);
        }
    }
  else
    {
      for (guint i = 0; i < step->changes->len; i++)
        venture_canvas_apply_change (self->canvas, g_ptr_array_index (step->changes, i));
    }

  self->applying = FALSE;
}

gboolean
venture_history_undo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  self->typing_open = FALSE;
  apply_step (self, g_ptr_array_index (self->steps, self->position - 1), TRUE);
  self->position--;
  steps_changed (self);

  return TRUE;
}

gboolean
venture_history_redo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position >= self->steps->len)
    return FALSE;

  self->typing_open = FALSE;
  apply_step (self, g_ptr_array_index (self->steps, self->position), FALSE);
  self->position++;
  steps_changed (self);

  return TRUE;
}

gboolean
venture_history_jump (VentureHistory *self,
                      guint           position)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (position <= self->steps->len, FALSE);

  if (position == self->position)
    return FALSE;

  self->typing_open = FALSE;
  while (self->position > position)
    {
      apply_step (self, g_ptr_array_index (self->steps, self->position - 1), TRUE);
      self->position--;
    }
  while (self->position < position)
    {
      apply_step (self, g_ptr_array_index (self->steps, self->position), FALSE);
      self->position++;
    }
  steps_changed (self);

  return TRUE;
}

gboolean
venture_history_get_can_undo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
venture_history_get_can_redo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len;
}

const char *
venture_history_get_undo_label (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return step_get_label (g_ptr_array_index (self->steps, self->position - 1));
}

const char *
venture_history_get_redo_label (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), NULL);

  if (self->position >= self->steps->len)
    return NULL;

  return step_get_label (g_ptr_array_index (self->steps, self->position));
}

void
venture_history_mark_clean (VentureHistory *self)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));

  self->clean = self->position;
  /* Typing on after a save must not change the saved step. */
  self->typing_open = FALSE;
  update_state (self);
}

void
venture_history_mark_modified (VentureHistory *self)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));

  self->clean = -1;
  update_state (self);
}

gboolean
venture_history_get_modified (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), FALSE);

  return self->clean != (int) self->position;
}

guint
venture_history_get_n_undo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), 0);

  return self->position;
}

guint
venture_history_get_n_redo (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), 0);

  return self->steps->len - self->position;
}

guint
venture_history_get_n_steps (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), 0);

  return self->steps->len;
}

guint
venture_history_get_position (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), 0);

  return self->position;
}

const char *
venture_history_get_step_label (VentureHistory *self,
                                guint           index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return step_get_label (g_ptr_array_index (self->steps, index));
}

VentureHistoryLabel
venture_history_get_step_label_kind (VentureHistory *self,
                                     guint           index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), VENTURE_HISTORY_LABEL_EDIT);
  g_return_val_if_fail (index < self->steps->len, VENTURE_HISTORY_LABEL_EDIT);

  return venture_history_step_get_effective_kind (g_ptr_array_index (self->steps, index), NULL);
}

void
venture_history_clear (VentureHistory *self)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->clean = 0;
  self->typing_open = FALSE;
  steps_changed (self);
}

guint
venture_history_get_max_steps (VentureHistory *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), 0);

  return self->max_steps;
}

void
venture_history_set_max_steps (VentureHistory *self,
                               guint           max_steps)
{
  g_return_if_fail (VENTURE_IS_HISTORY (self));

  max_steps = CLAMP (max_steps, 1, VENTURE_HISTORY_MAX_STEPS);
  if (max_steps == self->max_steps)
    return;

  self->max_steps = max_steps;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_STEPS]);

  if (trim (self))
    steps_changed (self);
}

const VentureHistoryStep *
venture_history_get_step (VentureHistory *self,
                          guint           index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

void
venture_history_restore (VentureHistory *self,
                         GPtrArray      *steps,
                         guint           position)
{
  g_autoptr(GPtrArray) owned = steps;

  g_return_if_fail (VENTURE_IS_HISTORY (self));
  g_return_if_fail (steps != NULL);
  g_return_if_fail (position <= steps->len);
  g_return_if_fail (self->group_depth == 0);

  g_ptr_array_set_size (self->steps, 0);
  /* Stolen one by one: whatever free function the caller's array has,
   * it then frees nothing. */
  for (guint i = 0; i < owned->len; i++)
    g_ptr_array_add (self->steps, g_steal_pointer (&owned->pdata[i]));
  self->position = position;
  self->clean = position;
  self->typing_open = FALSE;
  trim (self);
  steps_changed (self);
}
