/* venture-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-note"

#include "config.h"

#include "venture-validate.h"
#include "venture-note-private.h"
#include "venture-note.h"

struct _VentureNote
{
  GObject      parent_instance;

  char        *id;
  /* Blocks, colours and tags come from small vocabularies: shared
   * (share_id()), they cost little per note and compare by pointer. */
  char        *block;
  char        *color;
  char        *tags[VENTURE_N_TAG_KINDS];
  char        *text;
  char       **segments;   /* NULL when there are none, never empty */
  JsonObject  *extra;
  int          x;
  int          y;

  gpointer     canvas;     /* unowned: the canvas detaches us before it goes */
  guint        index;
};

G_DEFINE_FINAL_TYPE (VentureNote, venture_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BLOCK,
  PROP_TEXT,
  PROP_COLOR,
  PROP_X,
  PROP_Y,
  PROP_RELATIONSHIP,
  PROP_STAGE,
  PROP_STRATEGY,
  PROP_SEGMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_STATIC_ASSERT (PROP_RELATIONSHIP + VENTURE_TAG_RELATIONSHIP == PROP_RELATIONSHIP);
G_STATIC_ASSERT (PROP_RELATIONSHIP + VENTURE_TAG_STAGE == PROP_STAGE);
G_STATIC_ASSERT (PROP_RELATIONSHIP + VENTURE_TAG_STRATEGY == PROP_STRATEGY);

/* Reference counted rather than g_intern_string()'d: a file can bring
 * any number of made-up ids, and interned strings are never freed (the
 * fuzzer saw GLib's quark table grow for good). Equal ids alive at the
 * same time are still one pointer. */
static char *
share_id (const char *id)
{
  return id != NULL ? g_ref_string_new_intern (id) : NULL;
}

/* TRUE when *@field changed to @id. */
static gboolean
set_shared_id (char       **field,
               const char  *id)
{
  char *shared = share_id (id);

  if (shared == *field)
    {
      g_clear_pointer (&shared, g_ref_string_release);
      return FALSE;
    }

  g_clear_pointer (field, g_ref_string_release);
  *field = shared;
  return TRUE;
}

static void
venture_note_finalize (GObject *object)
{
  VentureNote *self = (VentureNote *) object;

  g_clear_pointer (&self->block, g_ref_string_release);
  g_clear_pointer (&self->color, g_ref_string_release);
  for (guint i = 0; i < VENTURE_N_TAG_KINDS; i++)
    g_clear_pointer (&self->tags[i], g_ref_string_release);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->segments, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (venture_note_parent_class)->finalize (object);
}

static void
venture_note_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VentureNote *self = VENTURE_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_BLOCK:
      g_value_set_string (value, self->block);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_X:
      g_value_set_int (value, self->x);
      break;
    case PROP_Y:
      g_value_set_int (value, self->y);
      break;
    case PROP_RELATIONSHIP:
    case PROP_STAGE:
    case PROP_STRATEGY:
      g_value_set_string (value, self->tags[prop_id - PROP_RELATIONSHIP]);
      break;
    case PROP_SEGMENTS:
      g_value_set_boxed (value, self->segments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_note_class_init (VentureNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = venture_note_finalize;
  object_class->get_property = venture_note_get_property;

  /* Every property changes only through the canvas, so the history and
   * the board see it: read-only here, set by venture_note_new() and the
   * builders. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, readable);
  properties[PROP_BLOCK] =
    g_param_spec_string ("block", NULL, NULL, VENTURE_UNSORTED_BLOCK, readable);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", readable);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, VENTURE_DEFAULT_COLOR, readable);
  properties[PROP_X] = g_param_spec_int ("x", NULL, NULL, 0, VENTURE_POSITION_MAX, 0, readable);
  properties[PROP_Y] = g_param_spec_int ("y", NULL, NULL, 0, VENTURE_POSITION_MAX, 0, readable);
  properties[PROP_RELATIONSHIP] = g_param_spec_string ("relationship", NULL, NULL, NULL, readable);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, readable);
  properties[PROP_STRATEGY] = g_param_spec_string ("strategy", NULL, NULL, NULL, readable);
  properties[PROP_SEGMENTS] = g_param_spec_boxed ("segments", NULL, NULL, G_TYPE_STRV, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Every field is set by the constructors, which know the real values:
 * defaults here would be shared and copied only to be replaced. */
static void
venture_note_init (VentureNote *self)
{
}

/**
 * venture_note_new:
 * @id: unique within the canvas the note goes to
 * @block: a block id, known or not, or "unsorted"
 *
 * A free note with the defaults: no text, yellow, at 0,0, no tags, no
 * segments. Fill it with the builders, then insert it into a canvas.
 */
VentureNote *
venture_note_new (const char *id,
                  const char *block)
{
  VentureNote *self;

  g_return_val_if_fail (venture_validate_id (id, NULL), NULL);
  g_return_val_if_fail (venture_validate_id (block, NULL), NULL);

  /* Fields rather than construct properties: a loader makes 100,000 of
   * these, and the property machinery would double the cost. */
  self = g_object_new (VENTURE_TYPE_NOTE, NULL);
  self->id = g_strdup (id);
  self->block = share_id (block);
  self->color = share_id (VENTURE_DEFAULT_COLOR);
  self->text = g_strdup ("");

  return self;
}

VentureNote *
_venture_note_new_checked (const char         *id,
                           const char         *block,
                           const char         *text,
                           const char         *color,
                           int                 x,
                           int                 y,
                           const char * const *tags,
                           const char * const *segments,
                           JsonObject         *extra)
{
  VentureNote *self = g_object_new (VENTURE_TYPE_NOTE, NULL);

  self->id = g_strdup (id);
  self->block = share_id (block);
  self->text = g_strdup (text);
  self->color = share_id (color);
  self->x = x;
  self->y = y;
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    self->tags[kind] = share_id (tags[kind]);
  if (segments != NULL && segments[0] != NULL)
    self->segments = g_strdupv ((char **) segments);
  if (extra != NULL)
    self->extra = json_object_ref (extra);

  return self;
}

static JsonNode *json_node_deep_copy (JsonNode *node);

static JsonArray *
json_array_deep_copy (JsonArray *array)
{
  guint length = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (length);

  for (guint i = 0; i < length; i++)
    json_array_add_element (copy, json_node_deep_copy (json_array_get_element (array, i)));

  return copy;
}

/* json_node_copy() shares objects and arrays; a copied note must not. */
static JsonNode *
json_node_deep_copy (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (copy, _venture_json_object_deep_copy (json_node_get_object (node)));
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonNode *copy = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (copy, json_array_deep_copy (json_node_get_array (node)));
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
_venture_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* In order: the writer keeps members where the reader found them. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_deep_copy (member));

  return copy;
}

/**
 * venture_note_copy:
 * @new_id: (nullable): the id of the copy; NULL keeps the same id (for a
 *   snapshot of a canvas rather than a duplicate inside it)
 *
 * A free note equal to @self in every field, extra members deep-copied,
 * but with @new_id.
 */
VentureNote *
venture_note_copy (VentureNote *self,
                   const char  *new_id)
{
  VentureNote *copy;

  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);
  g_return_val_if_fail (new_id == NULL || venture_validate_id (new_id, NULL), NULL);

  copy = venture_note_new (new_id != NULL ? new_id : self->id, self->block);
  set_shared_id (&copy->color, self->color);
  for (guint i = 0; i < VENTURE_N_TAG_KINDS; i++)
    set_shared_id (&copy->tags[i], self->tags[i]);
  g_free (copy->text);
  copy->text = g_strdup (self->text);
  copy->segments = g_strdupv (self->segments);
  copy->x = self->x;
  copy->y = self->y;

  if (self->extra != NULL)
    copy->extra = _venture_json_object_deep_copy (self->extra);

  return copy;
}

const char *
venture_note_get_id (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return self->id;
}

const char *
venture_note_get_block (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return self->block;
}

const char *
venture_note_get_text (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return self->text;
}

const char *
venture_note_get_color (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return self->color;
}

int
venture_note_get_x (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), 0);

  return self->x;
}

int
venture_note_get_y (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), 0);

  return self->y;
}

/* NULL when the note has no tag of that kind. */
const char *
venture_note_get_tag (VentureNote    *self,
                      VentureTagKind  kind)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);
  g_return_val_if_fail ((guint) kind < VENTURE_N_TAG_KINDS, NULL);

  return self->tags[kind];
}

const char *
venture_note_get_relationship (VentureNote *self)
{
  return venture_note_get_tag (self, VENTURE_TAG_RELATIONSHIP);
}

const char *
venture_note_get_stage (VentureNote *self)
{
  return venture_note_get_tag (self, VENTURE_TAG_STAGE);
}

const char *
venture_note_get_strategy (VentureNote *self)
{
  return venture_note_get_tag (self, VENTURE_TAG_STRATEGY);
}

/* NULL when the note serves no segment; never an empty vector. */
const char * const *
venture_note_get_segments (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return (const char * const *) self->segments;
}

JsonObject *
venture_note_get_extra (VentureNote *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (self), NULL);

  return self->extra;
}

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;

  if (a == b)
    return TRUE;

  /* No extra members and an empty object of them say the same. */
  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);

  node_a = json_node_init_object (json_node_alloc (), a);
  node_b = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (node_a, node_b);
}

gboolean
_venture_segments_equal (const char * const *a,
                         const char * const *b)
{
  if (a != NULL && a[0] == NULL)
    a = NULL;
  if (b != NULL && b[0] == NULL)
    b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

/* Every field, the id and the extra members included. */
gboolean
venture_note_equal (VentureNote *a,
                    VentureNote *b)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (a), FALSE);
  g_return_val_if_fail (VENTURE_IS_NOTE (b), FALSE);

  if (a == b)
    return TRUE;

  /* Shared ids compare by pointer. */
  if (a->block != b->block || a->color != b->color ||
      a->x != b->x || a->y != b->y)
    return FALSE;

  for (guint i = 0; i < VENTURE_N_TAG_KINDS; i++)
    {
      if (a->tags[i] != b->tags[i])
        return FALSE;
    }

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->text, b->text) &&
         _venture_segments_equal ((const char * const *) a->segments,
                                  (const char * const *) b->segments) &&
         extra_equal (a->extra, b->extra);
}

/* The builders: the same checks as the canvas operations, plus that no
 * canvas holds the note (it would miss the change). */

void
venture_note_set_text (VentureNote *self,
                       const char  *text)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);
  g_return_if_fail (venture_validate_text (text, NULL));

  _venture_note_set_text (self, text);
}

void
venture_note_set_color (VentureNote *self,
                        const char  *color)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);
  g_return_if_fail (venture_validate_id (color, NULL));

  _venture_note_set_color (self, color);
}

void
venture_note_set_position (VentureNote *self,
                           int          x,
                           int          y)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);
  g_return_if_fail (venture_validate_position (x, NULL));
  g_return_if_fail (venture_validate_position (y, NULL));

  _venture_note_set_place (self, self->block, x, y);
}

void
venture_note_set_tag (VentureNote    *self,
                      VentureTagKind  kind,
                      const char     *id)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);
  g_return_if_fail ((guint) kind < VENTURE_N_TAG_KINDS);
  g_return_if_fail (venture_validate_tag (id, NULL));

  _venture_note_set_tag (self, kind, id);
}

void
venture_note_set_segments (VentureNote        *self,
                           const char * const *segments)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);
  g_return_if_fail (venture_validate_segments (segments, NULL));

  _venture_note_set_segments (self, segments);
}

/* Keeps a reference to @extra, not a copy: the reader that found the
 * members hands them over. Not a property and not notified: nothing in
 * the app shows them. */
void
venture_note_set_extra (VentureNote *self,
                        JsonObject  *extra)
{
  g_return_if_fail (VENTURE_IS_NOTE (self));
  g_return_if_fail (self->canvas == NULL);

  if (extra == self->extra)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL)
    self->extra = json_object_ref (extra);
}

/* Private to the model. */

gpointer
_venture_note_get_canvas (VentureNote *self)
{
  return self->canvas;
}

guint
_venture_note_get_index (VentureNote *self)
{
  return self->index;
}

void
_venture_note_attach (VentureNote *self,
                      gpointer     canvas,
                      guint        index)
{
  g_assert (self->canvas == NULL);

  self->canvas = canvas;
  self->index = index;
}

void
_venture_note_set_index (VentureNote *self,
                         guint        index)
{
  self->index = index;
}

void
_venture_note_detach (VentureNote *self)
{
  self->canvas = NULL;
  self->index = 0;
}

gboolean
_venture_note_set_text (VentureNote *self,
                        const char  *text)
{
  if (g_str_equal (self->text, text))
    return FALSE;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  return TRUE;
}

gboolean
_venture_note_set_color (VentureNote *self,
                         const char  *color)
{
  if (!set_shared_id (&self->color, color))
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);

  return TRUE;
}

gboolean
_venture_note_set_place (VentureNote *self,
                         const char  *block,
                         int          x,
                         int          y)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  if (set_shared_id (&self->block, block))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCK]);
      changed = TRUE;
    }

  if (self->x != x)
    {
      self->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
      changed = TRUE;
    }

  if (self->y != y)
    {
      self->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

gboolean
_venture_note_set_tag (VentureNote    *self,
                       VentureTagKind  kind,
                       const char     *id)
{
  if (!set_shared_id (&self->tags[kind], id))
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP + kind]);

  return TRUE;
}

gboolean
_venture_note_set_segments (VentureNote        *self,
                            const char * const *segments)
{
  if (_venture_segments_equal ((const char * const *) self->segments, segments))
    return FALSE;

  g_strfreev (self->segments);
  self->segments = segments != NULL && segments[0] != NULL
                   ? g_strdupv ((char **) segments)
                   : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENTS]);

  return TRUE;
}
