/* venture-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-canvas"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "venture-canvas-private.h"
#include "venture-note-private.h"
#include "venture-segments.h"
#include "venture-validate.h"
#include "venture-version.h"
#include "venture-canvas.h"

struct _VentureCanvas
{
  GObject      parent_instance;

  char        *template_id;
  char        *title;
  GPtrArray   *notes;    /* VentureNote, owned, in stacking order */
  GHashTable  *by_id;    /* id (owned by the note) -> VentureNote (unowned) */
  /* The segment notes (see venture-segments.h), unowned, in stacking
   * order: a marker's colour is a segment's place among them, asked for
   * every marker on the board. Kept as notes come, go, change block or
   * restack; the others' renumbering keeps their order. */
  GPtrArray   *segments;
  JsonObject  *extra;
  GPtrArray   *versions;          /* VentureVersion, owned, oldest first */
  GHashTable  *versions_by_name;  /* name (owned by the version) -> VentureVersion */
  /* Inside ::changed: changing the canvas there would reach the
   * GListModel and notify watchers out of order. */
  guint        in_changed;
};

static void venture_canvas_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VentureCanvas, venture_canvas, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      venture_canvas_list_model_init))

enum {
  PROP_0,
  PROP_TEMPLATE_ID,
  PROP_TITLE,
  PROP_N_NOTES,
  PROP_N_VERSIONS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
venture_canvas_get_item_type (GListModel *model)
{
  return VENTURE_TYPE_NOTE;
}

static guint
venture_canvas_get_n_items (GListModel *model)
{
  return VENTURE_CANVAS (model)->notes->len;
}

static gpointer
venture_canvas_get_item (GListModel *model,
                         guint       position)
{
  VentureCanvas *self = VENTURE_CANVAS (model);

  if (position >= self->notes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->notes, position));
}

static void
venture_canvas_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = venture_canvas_get_item_type;
  iface->get_n_items = venture_canvas_get_n_items;
  iface->get_item = venture_canvas_get_item;
}

static void
venture_canvas_dispose (GObject *object)
{
  VentureCanvas *self = (VentureCanvas *) object;

  /* The notes outlive us when someone holds them (an undo step, a
   * clipboard): free again, they may go into another canvas. */
  if (self->notes != NULL)
    {
      for (guint i = 0; i < self->notes->len; i++)
        _venture_note_detach (g_ptr_array_index (self->notes, i));
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->versions_by_name, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  G_OBJECT_CLASS (venture_canvas_parent_class)->dispose (object);
}

static void
venture_canvas_finalize (GObject *object)
{
  VentureCanvas *self = (VentureCanvas *) object;

  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (venture_canvas_parent_class)->finalize (object);
}

static void
venture_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VentureCanvas *self = VENTURE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_N_NOTES:
      g_value_set_uint (value, self->notes->len);
      break;
    case PROP_N_VERSIONS:
      g_value_set_uint (value, self->versions->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VentureCanvas *self = VENTURE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE_ID:
      self->template_id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      /* An operation like any other: recorded, undoable. */
      venture_canvas_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_canvas_class_init (VentureCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = venture_canvas_dispose;
  object_class->finalize = venture_canvas_finalize;
  object_class->get_property = venture_canvas_get_property;
  object_class->set_property = venture_canvas_set_property;

  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_NOTES] =
    g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_VERSIONS] =
    g_param_spec_uint ("n-versions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VentureCanvas::changed:
   * @change: (transfer none): what changed, both sides; valid only
   *   during the emission (venture_change_copy() to keep it)
   *
   * Emitted after every operation that changed something, once the
   * canvas is in its new state, before GListModel::items-changed and the
   * notes' GObject::notify. Handlers must not change the canvas (the
   * operations refuse): the other watchers have not heard of this change
   * yet.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1,
                  VENTURE_TYPE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
  g_signal_set_va_marshaller (signals[CHANGED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__BOXEDv);
}

static void
venture_canvas_init (VentureCanvas *self)
{
  self->title = g_strdup ("");
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->segments = g_ptr_array_new ();
  self->versions = g_ptr_array_new_with_free_func (g_object_unref);
  self->versions_by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * venture_canvas_new:
 * @template_id: the id of the template, known or not (the io layer
 *   refuses unknown ones before building a canvas)
 *
 * An empty canvas with the title "".
 */
VentureCanvas *
venture_canvas_new (const char *template_id)
{
  g_return_val_if_fail (venture_validate_id (template_id, NULL), NULL);

  return g_object_new (VENTURE_TYPE_CANVAS,
                       "template-id", template_id,
                       NULL);
}

const char *
venture_canvas_get_template_id (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  return self->template_id;
}

const char *
venture_canvas_get_title (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  return self->title;
}

guint
venture_canvas_get_n_notes (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), 0);

  return self->notes->len;
}

/* NULL when @position is past the end, like g_list_model_get_item(). */
VentureNote *
venture_canvas_get_note (VentureCanvas *self,
                         guint          position)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  if (position >= self->notes->len)
    return NULL;

  return g_ptr_array_index (self->notes, position);
}

/* transfer none; NULL when no note has @id. */
VentureNote *
venture_canvas_lookup_note (VentureCanvas *self,
                            const char    *id)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/* O(1): FALSE when this canvas does not hold @note. */
gboolean
venture_canvas_find_note (VentureCanvas *self,
                          VentureNote   *note,
                          guint         *position)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (VENTURE_IS_NOTE (note), FALSE);

  if (_venture_note_get_canvas (note) != self)
    return FALSE;

  if (position != NULL)
    *position = _venture_note_get_index (note);

  return TRUE;
}

char *
venture_canvas_generate_note_id (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("n-%08x", g_random_int ());

      if (!g_hash_table_contains (self->by_id, id))
        return id;

      g_free (id);
    }
}

JsonObject *
venture_canvas_get_extra (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  return self->extra;
}

/* Keeps a reference, not a copy. Not an operation: the members are only
 * carried through, nothing edits them. */
void
venture_canvas_set_extra (VentureCanvas *self,
                          JsonObject    *extra)
{
  g_return_if_fail (VENTURE_IS_CANVAS (self));

  if (extra == self->extra)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL)
    self->extra = json_object_ref (extra);
}

VentureCanvas *
venture_canvas_copy (VentureCanvas *self)
{
  VentureCanvas *copy;

  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  copy = venture_canvas_new (self->template_id);
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  if (self->extra != NULL)
    copy->extra = _venture_json_object_deep_copy (self->extra);

  for (guint i = 0; i < self->notes->len; i++)
    {
      VentureNote *note = venture_note_copy (g_ptr_array_index (self->notes, i), NULL);

      g_ptr_array_add (copy->notes, note);
      g_hash_table_insert (copy->by_id, (gpointer) venture_note_get_id (note), note);
      _venture_note_attach (note, copy, i);
      if (venture_segments_is_segment (note))
        g_ptr_array_add (copy->segments, note);
    }

  return copy;
}

/* The extra members of the canvas are not compared; those of the notes
 * are. */
gboolean
venture_canvas_equal (VentureCanvas *a,
                      VentureCanvas *b)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (a), FALSE);
  g_return_val_if_fail (VENTURE_IS_CANVAS (b), FALSE);

  if (a == b)
    return TRUE;

  if (!g_str_equal (a->template_id, b->template_id) ||
      !g_str_equal (a->title, b->title) ||
      a->notes->len != b->notes->len)
    return FALSE;

  for (guint i = 0; i < a->notes->len; i++)
    {
      if (!venture_note_equal (g_ptr_array_index (a->notes, i),
                               g_ptr_array_index (b->notes, i)))
        return FALSE;
    }

  return TRUE;
}

/* Building the change costs an allocation and copies; a canvas nobody
 * watches yet (a loader filling it) skips them. */
static gboolean
wants_changes (VentureCanvas *self)
{
  return g_signal_has_handler_pending (self, signals[CHANGED], 0, FALSE);
}

static void
emit_changed (VentureCanvas *self,
              VentureChange *change)
{
  if (change == NULL)
    return;

  self->in_changed++;
  g_signal_emit (self, signals[CHANGED], 0, change);
  self->in_changed--;
  venture_change_free (change);
}

static void
renumber (VentureCanvas *self,
          guint          from,
          guint          to)
{
  for (guint i = from; i < to; i++)
    _venture_note_set_index (g_ptr_array_index (self->notes, i), i);
}

static gboolean
holds (VentureCanvas *self,
       VentureNote   *note)
{
  return VENTURE_IS_NOTE (note) && _venture_note_get_canvas (note) == self;
}

/* Where @note, held at its index, belongs among the segment notes: the
 * first of them above it. */
static guint
segment_slot (VentureCanvas *self,
              VentureNote   *note)
{
  guint index = _venture_note_get_index (note);
  guint low = 0, high = self->segments->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (_venture_note_get_index (g_ptr_array_index (self->segments, middle)) < index)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
add_segment (VentureCanvas *self,
             VentureNote   *note)
{
  g_ptr_array_insert (self->segments, segment_slot (self, note), note);
}

/* Before the note leaves its index. */
static void
remove_segment (VentureCanvas *self,
                VentureNote   *note)
{
  guint slot = segment_slot (self, note);

  g_return_if_fail (slot < self->segments->len && g_ptr_array_index (self->segments, slot) == note);
  g_ptr_array_remove_index (self->segments, slot);
}

/* -1 when @note is not a segment note of this canvas. */
int
_venture_canvas_get_segment_index (VentureCanvas *self,
                                   VentureNote   *note)
{
  guint slot;

  if (!holds (self, note) || !venture_segments_is_segment (note))
    return -1;

  slot = segment_slot (self, note);
  g_return_val_if_fail (slot < self->segments->len && g_ptr_array_index (self->segments, slot) == note, -1);
  return (int) slot;
}

GPtrArray *
_venture_canvas_peek_segments (VentureCanvas *self)
{
  return self->segments;
}

void
venture_canvas_set_title (VentureCanvas *self,
                          const char    *title)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (venture_validate_title (title, NULL));

  if (g_str_equal (self->title, title))
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_TITLE, NULL);
      change->old_string = g_strdup (self->title);
      change->new_string = g_strdup (title);
    }

  g_free (self->title);
  self->title = g_strdup (title);

  emit_changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * venture_canvas_insert_note:
 * @note: a free note (no canvas holds it) whose id this canvas does not
 *   have yet
 * @position: 0 to the number of notes
 *
 * The canvas takes a reference. Inserting at the end costs O(1),
 * elsewhere O(n).
 */
void
venture_canvas_insert_note (VentureCanvas *self,
                            VentureNote   *note,
                            guint          position)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (VENTURE_IS_NOTE (note));
  g_return_if_fail (_venture_note_get_canvas (note) == NULL);
  g_return_if_fail (venture_note_get_id (note) != NULL);
  g_return_if_fail (position <= self->notes->len);
  g_return_if_fail (!g_hash_table_contains (self->by_id, venture_note_get_id (note)));

  g_ptr_array_insert (self->notes, position, g_object_ref (note));
  g_hash_table_insert (self->by_id, (gpointer) venture_note_get_id (note), note);
  _venture_note_attach (note, self, position);
  renumber (self, position + 1, self->notes->len);
  if (venture_segments_is_segment (note))
    add_segment (self, note);

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_INSERT, note);
      change->old_position = position;
      change->new_position = position;
    }

  emit_changed (self, change);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);
}

void
venture_canvas_append_note (VentureCanvas *self,
                            VentureNote   *note)
{
  g_return_if_fail (VENTURE_IS_CANVAS (self));

  venture_canvas_insert_note (self, note, self->notes->len);
}

VentureNote *
_venture_canvas_take_note_unwatched (VentureCanvas *self,
                                     VentureNote   *note)
{
  const char *id = venture_note_get_id (note);
  VentureNote *other;

  /* Asked once, for the first note: a canvas nobody watched while empty
   * is one its reader has just made. */
  g_return_val_if_fail (self->notes->len > 0 || !wants_changes (self), NULL);
  g_return_val_if_fail (_venture_note_get_canvas (note) == NULL, NULL);

  other = g_hash_table_lookup (self->by_id, id);
  if (other != NULL)
    return other;

  _venture_note_attach (note, self, self->notes->len);
  g_ptr_array_add (self->notes, note);
  g_hash_table_insert (self->by_id, (gpointer) id, note);
  /* On top of the stack, so last among the segments too. */
  if (venture_segments_is_segment (note))
    g_ptr_array_add (self->segments, note);

  return NULL;
}

/* The note becomes free again: undoing re-inserts the very same object. */
void
venture_canvas_remove_note (VentureCanvas *self,
                            VentureNote   *note)
{
  g_autoptr(VentureNote) hold = NULL;
  VentureChange *change = NULL;
  guint position;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));

  hold = g_object_ref (note);
  position = _venture_note_get_index (note);

  if (venture_segments_is_segment (note))
    remove_segment (self, note);
  g_hash_table_remove (self->by_id, venture_note_get_id (note));
  g_ptr_array_remove_index (self->notes, position);
  _venture_note_detach (note);
  renumber (self, position, self->notes->len);

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_REMOVE, note);
      change->old_position = position;
      change->new_position = position;
    }

  emit_changed (self, change);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);
}

void
venture_canvas_set_note_text (VentureCanvas *self,
                              VentureNote   *note,
                              const char    *text)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail (venture_validate_text (text, NULL));

  if (g_str_equal (venture_note_get_text (note), text))
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_TEXT, note);
      change->old_string = g_strdup (venture_note_get_text (note));
      change->new_string = g_strdup (text);
    }

  g_object_freeze_notify (G_OBJECT (note));
  _venture_note_set_text (note, text);
  emit_changed (self, change);
  g_object_thaw_notify (G_OBJECT (note));
}

void
venture_canvas_set_note_color (VentureCanvas *self,
                               VentureNote   *note,
                               const char    *color)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail (venture_validate_id (color, NULL));

  if (g_str_equal (venture_note_get_color (note), color))
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_COLOR, note);
      change->old_string = g_strdup (venture_note_get_color (note));
      change->new_string = g_strdup (color);
    }

  g_object_freeze_notify (G_OBJECT (note));
  _venture_note_set_color (note, color);
  emit_changed (self, change);
  g_object_thaw_notify (G_OBJECT (note));
}

/* To another block, or within its own, in one step. */
void
venture_canvas_move_note (VentureCanvas *self,
                          VentureNote   *note,
                          const char    *block,
                          int            x,
                          int            y)
{
  VentureChange *change = NULL;
  gboolean was_segment;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail (venture_validate_id (block, NULL));
  g_return_if_fail (venture_validate_position (x, NULL));
  g_return_if_fail (venture_validate_position (y, NULL));

  if (g_str_equal (venture_note_get_block (note), block) &&
      venture_note_get_x (note) == x &&
      venture_note_get_y (note) == y)
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_MOVE, note);
      change->old_string = g_strdup (venture_note_get_block (note));
      change->old_x = venture_note_get_x (note);
      change->old_y = venture_note_get_y (note);
      change->new_string = g_strdup (block);
      change->new_x = x;
      change->new_y = y;
    }

  was_segment = venture_segments_is_segment (note);
  g_object_freeze_notify (G_OBJECT (note));
  _venture_note_set_place (note, block, x, y);
  if (was_segment && !venture_segments_is_segment (note))
    remove_segment (self, note);
  else if (!was_segment && venture_segments_is_segment (note))
    add_segment (self, note);
  emit_changed (self, change);
  g_object_thaw_notify (G_OBJECT (note));
}

/* @id: (nullable): NULL removes the tag */
void
venture_canvas_set_note_tag (VentureCanvas  *self,
                             VentureNote    *note,
                             VentureTagKind  kind,
                             const char     *id)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail ((guint) kind < VENTURE_N_TAG_KINDS);
  g_return_if_fail (venture_validate_tag (id, NULL));

  if (g_strcmp0 (venture_note_get_tag (note, kind), id) == 0)
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_TAG, note);
      change->tag_kind = kind;
      change->old_string = g_strdup (venture_note_get_tag (note, kind));
      change->new_string = g_strdup (id);
    }

  g_object_freeze_notify (G_OBJECT (note));
  _venture_note_set_tag (note, kind, id);
  emit_changed (self, change);
  g_object_thaw_notify (G_OBJECT (note));
}

/* @segments: (nullable): NULL or empty for none. The ids are kept as
 * given, whether a note has them or not. */
void
venture_canvas_set_note_segments (VentureCanvas      *self,
                                  VentureNote        *note,
                                  const char * const *segments)
{
  VentureChange *change = NULL;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail (venture_validate_segments (segments, NULL));

  if (_venture_segments_equal (venture_note_get_segments (note), segments))
    return;

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_SEGMENTS, note);
      change->old_strv = g_strdupv ((char **) venture_note_get_segments (note));
      change->new_strv = segments != NULL && segments[0] != NULL
                         ? g_strdupv ((char **) segments)
                         : NULL;
    }

  g_object_freeze_notify (G_OBJECT (note));
  _venture_note_set_segments (note, segments);
  emit_changed (self, change);
  g_object_thaw_notify (G_OBJECT (note));
}

/**
 * venture_canvas_restack_note:
 * @position: where the note ends up, 0 (bottom) to n - 1 (top)
 *
 * One GListModel::items-changed covers the notes between the old and the
 * new place, which all shift by one.
 */
void
venture_canvas_restack_note (VentureCanvas *self,
                             VentureNote   *note,
                             guint          position)
{
  VentureChange *change = NULL;
  gpointer *pdata;
  guint from, first, n;
  gboolean segment;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (holds (self, note));
  g_return_if_fail (position < self->notes->len);

  from = _venture_note_get_index (note);
  if (from == position)
    return;

  segment = venture_segments_is_segment (note);
  if (segment)
    remove_segment (self, note);
  pdata = self->notes->pdata;
  if (from < position)
    memmove (&pdata[from], &pdata[from + 1], (position - from) * sizeof (gpointer));
  else
    memmove (&pdata[position + 1], &pdata[position], (from - position) * sizeof (gpointer));
  pdata[position] = note;

  first = MIN (from, position);
  n = MAX (from, position) - first + 1;
  renumber (self, first, first + n);
  if (segment)
    add_segment (self, note);

  if (wants_changes (self))
    {
      change = venture_change_new (VENTURE_CHANGE_RESTACK, note);
      change->old_position = from;
      change->new_position = position;
    }

  emit_changed (self, change);
  g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
}

guint
venture_canvas_get_n_versions (VentureCanvas *self)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), 0);

  return self->versions->len;
}

/* NULL when @position is past the end. */
VentureVersion *
venture_canvas_get_version (VentureCanvas *self,
                            guint          position)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);

  if (position >= self->versions->len)
    return NULL;

  return g_ptr_array_index (self->versions, position);
}

/* transfer none; NULL when no version has exactly that name. */
VentureVersion *
venture_canvas_lookup_version (VentureCanvas *self,
                               const char    *name)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->versions_by_name, name);
}

/* The canvas takes a reference. */
void
venture_canvas_insert_version (VentureCanvas  *self,
                               VentureVersion *version,
                               guint           position)
{
  VentureChange *change = NULL;
  const char *name;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (VENTURE_IS_VERSION (version));
  g_return_if_fail (position <= self->versions->len);
  g_return_if_fail (g_str_equal (venture_canvas_get_template_id (venture_version_get_canvas (version)),
                                 self->template_id));

  name = venture_version_get_name (version);
  g_return_if_fail (!g_hash_table_contains (self->versions_by_name, name));

  g_ptr_array_insert (self->versions, position, g_object_ref (version));
  g_hash_table_insert (self->versions_by_name, (gpointer) name, version);

  if (wants_changes (self))
    {
      change = venture_change_new_for_version (VENTURE_CHANGE_ADD_VERSION, version);
      change->old_position = position;
      change->new_position = position;
    }

  emit_changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VERSIONS]);
}

void
venture_canvas_remove_version (VentureCanvas  *self,
                               VentureVersion *version)
{
  g_autoptr(VentureVersion) hold = NULL;
  VentureChange *change = NULL;
  guint position;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (VENTURE_IS_VERSION (version));
  g_return_if_fail (g_ptr_array_find (self->versions, version, &position));

  hold = g_object_ref (version);
  g_hash_table_remove (self->versions_by_name, venture_version_get_name (version));
  g_ptr_array_remove_index (self->versions, position);

  if (wants_changes (self))
    {
      change = venture_change_new_for_version (VENTURE_CHANGE_REMOVE_VERSION, version);
      change->old_position = position;
      change->new_position = position;
    }

  emit_changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VERSIONS]);
}

VentureVersion *
venture_canvas_save_version (VentureCanvas  *self,
                             const char     *name,
                             GError        **error)
{
  g_autoptr(VentureCanvas) snapshot = NULL;
  g_autoptr(VentureVersion) version = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (VENTURE_IS_CANVAS (self), NULL);
  g_return_val_if_fail (!self->in_changed, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!venture_version_validate_name (name, error))
    return NULL;

  if (g_hash_table_contains (self->versions_by_name, name))
    {
      g_set_error (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_DUPLICATE_NAME,
                   _("There is already a version called “%s”"), name);
      return NULL;
    }

  snapshot = venture_canvas_copy (self);
  /* The top-level members a newer Venture wrote belong to the file, not
   * to this moment of the canvas. */
  venture_canvas_set_extra (snapshot, NULL);
  now = g_date_time_new_now_utc ();
  version = venture_version_new (name, now, snapshot);

  venture_canvas_insert_version (self, version, self->versions->len);

  return version;
}

gboolean
venture_canvas_delete_version (VentureCanvas  *self,
                               const char     *name,
                               GError        **error)
{
  VentureVersion *version;

  g_return_val_if_fail (VENTURE_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (!self->in_changed, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = g_hash_table_lookup (self->versions_by_name, name);
  if (version == NULL)
    {
      g_set_error (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_NOT_FOUND,
                   _("There is no version called “%s”"), name);
      return FALSE;
    }

  venture_canvas_remove_version (self, version);

  return TRUE;
}

/* Every field of @note becomes that of @target, one operation each (each
 * does nothing when the field is already right). */
static void
restore_note (VentureCanvas *self,
              VentureNote   *note,
              VentureNote   *target)
{
  venture_canvas_move_note (self, note, venture_note_get_block (target),
                            venture_note_get_x (target), venture_note_get_y (target));
  venture_canvas_set_note_text (self, note, venture_note_get_text (target));
  venture_canvas_set_note_color (self, note, venture_note_get_color (target));
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    venture_canvas_set_note_tag (self, note, kind, venture_note_get_tag (target, kind));
  venture_canvas_set_note_segments (self, note, venture_note_get_segments (target));
}

void
venture_canvas_restore_version (VentureCanvas  *self,
                                VentureVersion *version)
{
  VentureCanvas *snapshot;
  guint n;

  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (!self->in_changed);
  g_return_if_fail (VENTURE_IS_VERSION (version));

  snapshot = venture_version_get_canvas (version);
  g_return_if_fail (g_str_equal (snapshot->template_id, self->template_id));

  venture_canvas_set_title (self, snapshot->title);

  /* From the top, so that the places of the notes still to look at do
   * not shift. */
  for (guint i = self->notes->len; i > 0; i--)
    {
      VentureNote *note = g_ptr_array_index (self->notes, i - 1);

      if (!g_hash_table_contains (snapshot->by_id, venture_note_get_id (note)))
        venture_canvas_remove_note (self, note);
    }

  /* Every note left is in the snapshot, so once place i holds the
   * snapshot's note i for every i, the stacks are the same. */
  n = snapshot->notes->len;
  for (guint i = 0; i < n; i++)
    {
      VentureNote *target = g_ptr_array_index (snapshot->notes, i);
      VentureNote *note = g_hash_table_lookup (self->by_id, venture_note_get_id (target));

      if (note == NULL)
        {
          g_autoptr(VentureNote) copy = venture_note_copy (target, NULL);

          venture_canvas_insert_note (self, copy, i);
          continue;
        }

      restore_note (self, note, target);
      venture_canvas_restack_note (self, note, i);

      /* Only the members a newer Venture wrote can still differ, and no
       * operation changes those: the snapshot's copy replaces the note. */
      if (!venture_note_equal (note, target))
        {
          g_autoptr(VentureNote) copy = venture_note_copy (target, NULL);

          venture_canvas_remove_note (self, note);
          venture_canvas_insert_note (self, copy, i);
        }
    }
}

/* Applies the new side of @change. The old side is not checked: the
 * canvas emits the change as it really happened, which is @change itself
 * when the canvas was in @change's old state. */
void
venture_canvas_apply_change (VentureCanvas       *self,
                             const VentureChange *change)
{
  g_return_if_fail (VENTURE_IS_CANVAS (self));
  g_return_if_fail (change != NULL);

  switch (change->kind)
    {
    case VENTURE_CHANGE_INSERT:
      venture_canvas_insert_note (self, change->note, change->new_position);
      break;
    case VENTURE_CHANGE_REMOVE:
      venture_canvas_remove_note (self, change->note);
      break;
    case VENTURE_CHANGE_TEXT:
      venture_canvas_set_note_text (self, change->note, change->new_string);
      break;
    case VENTURE_CHANGE_COLOR:
      venture_canvas_set_note_color (self, change->note, change->new_string);
      break;
    case VENTURE_CHANGE_MOVE:
      venture_canvas_move_note (self, change->note, change->new_string,
                                change->new_x, change->new_y);
      break;
    case VENTURE_CHANGE_TAG:
      venture_canvas_set_note_tag (self, change->note, change->tag_kind, change->new_string);
      break;
    case VENTURE_CHANGE_SEGMENTS:
      venture_canvas_set_note_segments (self, change->note,
                                        (const char * const *) change->new_strv);
      break;
    case VENTURE_CHANGE_RESTACK:
      venture_canvas_restack_note (self, change->note, change->new_position);
      break;
    case VENTURE_CHANGE_TITLE:
      venture_canvas_set_title (self, change->new_string);
      break;
    case VENTURE_CHANGE_ADD_VERSION:
      venture_canvas_insert_version (self, change->version, change->new_position);
      break;
    case VENTURE_CHANGE_REMOVE_VERSION:
      venture_canvas_remove_version (self, change->version);
      break;
    default:
      g_return_if_reached ();
    }
}
