/* venture-history-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-history-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "venture-file.h"
#include "venture-history-private.h"
#include "venture-validate.h"
#include "venture-version.h"
#include "venture-history-file.h"

/* The `history` member (documented in docs/history-format.md):
 *
 *   { "version": 1, "digest": "<sha-256 of the saved content>",
 *     "position": <steps applied>, "steps": [ <step>, ... ] }
 *
 * Steps oldest first. A step is one change array, or a group
 * ["*", <label>, <change>, ...] where <label> is a kind id ("delete") or
 * {"text": "..."}. Change arrays, opcode first, notes by id:
 *
 *   ["a", id, position (, note)]        insert; note content on the redo side
 *   ["d", id, position (, note)]        remove; note content on the undo side
 *   ["t", id, offset, deleted, inserted] text: bytes [offset, offset+len(deleted))
 *                                        of the old text became inserted
 *   ["c", id, old, new]                 colour
 *   ["m", id, old x, old y, new x, new y]             move within a block
 *   ["M", id, old block, old x, old y, new block, new x, new y]
 *   ["g", id, tag member, old|null, new|null]          tag
 *   ["s", id, [old segments], [new segments]]
 *   ["r", id, old position, new position]              restack
 *   ["T", old title, new title]
 *   ["v", name, position (, version)]   version saved; content on the redo side
 *   ["x", name, position (, version)]   version deleted; content on the undo side
 *
 * Flat arrays of scalars because the file is pretty-printed: every level
 * of nesting costs indentation on every line. A note's content is stored
 * only where a step needs it to bring the note back; elsewhere the note is
 * the one in the canvas at that point of the history. */

G_DEFINE_QUARK (venture-history-file-error-quark, venture_history_file_error)

#define MAX_TEXT_BYTES (16 * 1024 * 1024)

/* Digest */

static void
digest_string (GChecksum  *checksum,
               const char *string)
{
  char prefix[32];

  /* Length-prefixed, so that no two contents feed the same bytes. */
  if (string == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "N", 1);
      return;
    }

  g_snprintf (prefix, sizeof prefix, "S%zu:", strlen (string));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) string, -1);
}

static void
digest_int (GChecksum *checksum,
            gint64     value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "I%" G_GINT64_FORMAT ";", value);
  g_checksum_update (checksum, (const guchar *) buffer, -1);
}

char *
venture_history_file_canvas_digest (VentureCanvas *canvas)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint n_notes;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  digest_string (checksum, "venture-canvas-content-1");
  digest_string (checksum, venture_canvas_get_template_id (canvas));
  digest_string (checksum, venture_canvas_get_title (canvas));

  n_notes = venture_canvas_get_n_notes (canvas);
  digest_int (checksum, n_notes);
  for (guint i = 0; i < n_notes; i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      const char * const *segments = venture_note_get_segments (note);
      guint n_segments = segments != NULL ? g_strv_length ((char **) segments) : 0;

      digest_string (checksum, venture_note_get_id (note));
      digest_string (checksum, venture_note_get_block (note));
      digest_string (checksum, venture_note_get_text (note));
      digest_string (checksum, venture_note_get_color (note));
      digest_int (checksum, venture_note_get_x (note));
      digest_int (checksum, venture_note_get_y (note));
      for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
        digest_string (checksum, venture_note_get_tag (note, k));
      digest_int (checksum, n_segments);
      for (guint k = 0; k < n_segments; k++)
        digest_string (checksum, segments[k]);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Writing */

static gboolean
is_note_member (const char *name)
{
  static const char * const known[] = {
    "id", "block", "text", "color", "x", "y", "segments",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (known[i], name) == 0)
      return TRUE;
  for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
    if (strcmp (venture_tag_kind_to_member (k), name) == 0)
      return TRUE;

  return FALSE;
}

static JsonNode *
note_to_node (VentureNote *note)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const char * const *segments = venture_note_get_segments (note);
  JsonObject *extra = venture_note_get_extra (note);

  json_object_set_string_member (object, "block", venture_note_get_block (note));
  json_object_set_string_member (object, "text", venture_note_get_text (note));
  json_object_set_string_member (object, "color", venture_note_get_color (note));
  json_object_set_int_member (object, "x", venture_note_get_x (note));
  json_object_set_int_member (object, "y", venture_note_get_y (note));
  for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
    {
      const char *tag = venture_note_get_tag (note, k);

      if (tag != NULL)
        json_object_set_string_member (object, venture_tag_kind_to_member (k), tag);
    }
  if (segments != NULL && segments[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint k = 0; segments[k] != NULL; k++)
        json_array_add_string_element (array, segments[k]);
      json_object_set_array_member (object, "segments", array);
    }
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      /* In order: a note's unknown members are written where they
       * were read, or saving twice gives other bytes (the fuzzer). */
      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          if (!is_note_member (name))
            json_object_set_member (object, name, json_node_copy (value));
        }
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonArray *
strv_to_array (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

static void
add_nullable_string (JsonArray  *array,
                     const char *string)
{
  if (string != NULL)
    json_array_add_string_element (array, string);
  else
    json_array_add_null_element (array);
}

/* A version's content: what the canvas file's `versions` member holds
 * for it, less the name (in the change). */
static JsonNode *
version_to_node (VentureVersion *version)
{
  g_autoptr(JsonObject) object = json_object_new ();
  VentureCanvas *snapshot = venture_version_get_canvas (version);
  GDateTime *created = venture_version_get_created (version);
  JsonObject *extra = venture_version_get_extra (version);
  JsonArray *notes = json_array_new ();
  guint n_notes = venture_canvas_get_n_notes (snapshot);
  g_autofree char *date = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                           g_date_time_get_year (created),
                                           g_date_time_get_month (created),
                                           g_date_time_get_day_of_month (created),
                                           g_date_time_get_hour (created),
                                           g_date_time_get_minute (created),
                                           g_date_time_get_second (created));

  json_object_set_string_member (object, "created", date);
  json_object_set_string_member (object, "title", venture_canvas_get_title (snapshot));

  for (guint i = 0; i < n_notes; i++)
    {
      VentureNote *note = venture_canvas_get_note (snapshot, i);
      g_autoptr(JsonNode) content = note_to_node (note);
      JsonObject *with_id = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_set_string_member (with_id, "id", venture_note_get_id (note));
      json_object_iter_init_ordered (&iter, json_node_get_object (content));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        json_object_set_member (with_id, name, json_node_ref (value));
      json_array_add_object_element (notes, with_id);
    }
  json_object_set_array_member (object, "notes", notes);

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          if (!json_object_has_member (object, name) && strcmp (name, "name") != 0)
            json_object_set_member (object, name, json_node_copy (value));
        }
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonArray *
change_to_array (const VentureChange *change,
                 VentureNote         *snapshot,
                 gboolean             undo_side)
{
  JsonArray *array = json_array_new ();
  const char *id = change->note != NULL ? venture_note_get_id (change->note) : NULL;

  switch (change->kind)
    {
    case VENTURE_CHANGE_INSERT:
      json_array_add_string_element (array, "a");
      json_array_add_string_element (array, id);
      json_array_add_int_element (array, change->new_position);
      if (!undo_side)
        json_array_add_element (array, note_to_node (snapshot != NULL ? snapshot : change->note));
      break;

    case VENTURE_CHANGE_REMOVE:
      json_array_add_string_element (array, "d");
      json_array_add_string_element (array, id);
      json_array_add_int_element (array, change->old_position);
      if (undo_side)
        json_array_add_element (array, note_to_node (snapshot != NULL ? snapshot : change->note));
      break;

    case VENTURE_CHANGE_TEXT:
      {
        const char *old = change->old_string != NULL ? change->old_string : "";
        const char *new = change->new_string != NULL ? change->new_string : "";
        g_autofree char *deleted = NULL;
        g_autofree char *inserted = NULL;
        gsize pos, del_len, ins_len;

        _venture_history_text_diff (old, new, &pos, &del_len, &ins_len);
        deleted = g_strndup (old + pos, del_len);
        inserted = g_strndup (new + pos, ins_len);
        json_array_add_string_element (array, "t");
        json_array_add_string_element (array, id);
        json_array_add_int_element (array, pos);
        json_array_add_string_element (array, deleted);
        json_array_add_string_element (array, inserted);
      }
      break;

    case VENTURE_CHANGE_COLOR:
      json_array_add_string_element (array, "c");
      json_array_add_string_element (array, id);
      json_array_add_string_element (array, change->old_string);
      json_array_add_string_element (array, change->new_string);
      break;

    case VENTURE_CHANGE_MOVE:
      if (g_strcmp0 (change->old_string, change->new_string) == 0)
        {
          json_array_add_string_element (array, "m");
          json_array_add_string_element (array, id);
          json_array_add_int_element (array, change->old_x);
          json_array_add_int_element (array, change->old_y);
          json_array_add_int_element (array, change->new_x);
          json_array_add_int_element (array, change->new_y);
        }
      else
        {
          json_array_add_string_element (array, "M");
          json_array_add_string_element (array, id);
          json_array_add_string_element (array, change->old_string);
          json_array_add_int_element (array, change->old_x);
          json_array_add_int_element (array, change->old_y);
          json_array_add_string_element (array, change->new_string);
          json_array_add_int_element (array, change->new_x);
          json_array_add_int_element (array, change->new_y);
        }
      break;

    case VENTURE_CHANGE_TAG:
      json_array_add_string_element (array, "g");
      json_array_add_string_element (array, id);
      json_array_add_string_element (array, venture_tag_kind_to_member (change->tag_kind));
      add_nullable_string (array, change->old_string);
      add_nullable_string (array, change->new_string);
      break;

    case VENTURE_CHANGE_SEGMENTS:
      json_array_add_string_element (array, "s");
      json_array_add_string_element (array, id);
      json_array_add_array_element (array, strv_to_array (change->old_strv));
      json_array_add_array_element (array, strv_to_array (change->new_strv));
      break;

    case VENTURE_CHANGE_RESTACK:
      json_array_add_string_element (array, "r");
      json_array_add_string_element (array, id);
      json_array_add_int_element (array, change->old_position);
      json_array_add_int_element (array, change->new_position);
      break;

    case VENTURE_CHANGE_TITLE:
      json_array_add_string_element (array, "T");
      add_nullable_string (array, change->old_string);
      add_nullable_string (array, change->new_string);
      break;

    case VENTURE_CHANGE_ADD_VERSION:
    case VENTURE_CHANGE_REMOVE_VERSION:
      {
        gboolean add = change->kind == VENTURE_CHANGE_ADD_VERSION;

        json_array_add_string_element (array, add ? "v" : "x");
        json_array_add_string_element (array, venture_version_get_name (change->version));
        json_array_add_int_element (array, add ? change->new_position : change->old_position);
        /* Like a note: the content only where the file's own list lacks
         * the version. */
        if (add != undo_side)
          json_array_add_element (array, version_to_node (change->version));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return array;
}

JsonNode *
venture_history_file_serialize (VentureHistory *history)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *digest = NULL;
  JsonArray *steps;
  guint n_steps;
  guint position;

  g_return_val_if_fail (VENTURE_IS_HISTORY (history), NULL);

  n_steps = venture_history_get_n_steps (history);
  position = venture_history_get_position (history);
  digest = venture_history_file_canvas_digest (venture_history_get_canvas (history));

  object = json_object_new ();
  json_object_set_int_member (object, "version", VENTURE_HISTORY_FILE_VERSION);
  json_object_set_string_member (object, "digest", digest);
  json_object_set_int_member (object, "position", position);

  steps = json_array_sized_new (n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      const VentureHistoryStep *step = venture_history_get_step (history, i);
      gboolean undo_side = i < position;

      if (step->label_kind == VENTURE_HISTORY_LABEL_AUTO && step->changes->len == 1)
        {
          json_array_add_array_element (steps,
                                        change_to_array (g_ptr_array_index (step->changes, 0),
                                                         step->snapshots != NULL ?
                                                         g_ptr_array_index (step->snapshots, 0) : NULL,
                                                         undo_side));
        }
      else
        {
          JsonArray *group = json_array_new ();

          json_array_add_string_element (group, "*");
          if (step->label_kind == VENTURE_HISTORY_LABEL_CUSTOM)
            {
              JsonObject *label = json_object_new ();

              json_object_set_string_member (label, "text",
                                             step->custom_label != NULL ? step->custom_label : "");
              json_array_add_object_element (group, label);
            }
          else
            json_array_add_string_element (group, venture_history_label_to_id (step->label_kind));

          for (guint k = 0; k < step->changes->len; k++)
            json_array_add_array_element (group,
                                          change_to_array (g_ptr_array_index (step->changes, k),
                                                           step->snapshots != NULL ?
                                                           g_ptr_array_index (step->snapshots, k) : NULL,
                                                           undo_side));
          json_array_add_array_element (steps, group);
        }
    }
  json_object_set_array_member (object, "steps", steps);

  return json_node_init_object (json_node_alloc (), object);
}

/* Reading.
 *
 * The steps are checked by replaying them on a scratch copy of the
 * canvas: the undo side backwards from the loaded content, the redo side
 * forwards from it. Every change must find its note where it says and
 * every old value must be the current one, so nothing inconsistent ever
 * reaches the real canvas. The replay also settles which note object
 * each change refers to: the canvas's own note, or, for a note that only
 * exists elsewhere in the history, one detached note shared by every
 * change of that note's lifetime. */

typedef struct {
  VentureCanvas *scratch;
  /* scratch note -> the note the real history refers to (both owned) */
  GHashTable    *real_of;
  gboolean       backwards;
  guint          step_index;
  char          *quoted_id;  /* see quote_id() */
} Replay;

static void
replay_clear (Replay *replay)
{
  g_clear_object (&replay->scratch);
  g_clear_pointer (&replay->real_of, g_hash_table_unref);
  g_clear_pointer (&replay->quoted_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Replay, replay_clear)

static void
replay_init (Replay        *replay,
             VentureCanvas *canvas,
             gboolean       backwards)
{
  guint n_notes = venture_canvas_get_n_notes (canvas);

  replay->backwards = backwards;
  /* The copy keeps the order of the notes: that pairs them up. */
  replay->scratch = venture_canvas_copy (canvas);
  replay->real_of = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);

  for (guint i = 0; i < n_notes; i++)
    g_hash_table_insert (replay->real_of,
                         g_object_ref (venture_canvas_get_note (replay->scratch, i)),
                         g_object_ref (venture_canvas_get_note (canvas, i)));

  /* A copy has no versions; the steps that save and delete them need the
   * canvas's, and versions are immutable, so they are shared. */
  for (guint i = 0; i < venture_canvas_get_n_versions (canvas); i++)
    venture_canvas_insert_version (replay->scratch, venture_canvas_get_version (canvas, i), i);
}

/* A note or version id as a message quotes it: it is the file's text,
 * which may hold newlines and be megabytes long, so it is made one short
 * line. Kept in @replay for the message being made. */
static const char *
quote_id (Replay     *replay,
          const char *id)
{
  g_free (replay->quoted_id);
  replay->quoted_id = venture_file_one_line (id);
  return replay->quoted_id;
}

G_GNUC_PRINTF (3, 4)
static gboolean
invalid (Replay      *replay,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_INVALID,
               _("The undo history is damaged (step %u: %s)"),
               replay != NULL ? replay->step_index + 1 : 0, detail);

  return FALSE;
}

static gboolean
get_string (JsonArray   *array,
            guint        index,
            gboolean     nullable,
            const char **out)
{
  JsonNode *node;

  if (index >= json_array_get_length (array))
    return FALSE;

  node = json_array_get_element (array, index);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_get_string (node);
  /* json-glib lets an escaped lone surrogate through as bytes that are
   * not UTF-8. */
  return *out != NULL && strlen (*out) <= MAX_TEXT_BYTES && g_utf8_validate (*out, -1, NULL);
}

static gboolean
get_id (JsonArray   *array,
        guint        index,
        const char **out)
{
  return get_string (array, index, FALSE, out) && venture_validate_id (*out, NULL);
}

static gboolean
get_int (JsonArray *array,
         guint      index,
         gint64     min,
         gint64     max,
         gint64    *out)
{
  JsonNode *node;

  if (index >= json_array_get_length (array))
    return FALSE;

  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out = json_node_get_int (node);
  return *out >= min && *out <= max;
}

static gboolean
get_place (JsonArray *array,
           guint      index,
           int       *out)
{
  gint64 value;

  if (!get_int (array, index, 0, VENTURE_POSITION_MAX, &value))
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/* An array of ids; an empty one reads as NULL, as the model has it. */
static gboolean
array_to_strv (JsonNode   *node,
               char     ***out)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint length;

  *out = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length == 0)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < length; i++)
    {
      const char *id;

      if (!get_id (array, i, &id))
        return FALSE;
      g_strv_builder_add (builder, id);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a != NULL && a[i] != NULL; i++)
    {
      if (b == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
        return FALSE;
    }

  return b == NULL || b[i] == NULL;
}

static gboolean
object_get_string (JsonObject  *object,
                   const char  *name,
                   const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_get_string (node);
  return *out != NULL && g_utf8_validate (*out, -1, NULL);
}

static gboolean
object_get_place (JsonObject *object,
                  const char *name,
                  int        *out)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 0 || value > VENTURE_POSITION_MAX)
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/* Unknown members are written back as they are: they must be text a
 * later load accepts, and not nested without end. */
static gboolean
is_valid_extra (JsonNode *node,
                guint     depth)
{
  if (depth > 32)
    return FALSE;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &value))
          if (!g_utf8_validate (name, -1, NULL) || !is_valid_extra (value, depth + 1))
            return FALSE;
      }
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!is_valid_extra (json_array_get_element (array, i), depth + 1))
            return FALSE;
      }
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return isfinite (json_node_get_double (node));
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static VentureNote *
note_from_node (const char *id,
                JsonNode   *node)
{
  g_autoptr(VentureNote) note = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  const char *block, *text, *color;
  int x, y;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (!object_get_string (object, "block", &block) || !venture_validate_id (block, NULL) ||
      !object_get_string (object, "text", &text) ||
      (text != NULL && !venture_validate_text (text, NULL)) ||
      !object_get_string (object, "color", &color) ||
      (color != NULL && !venture_validate_id (color, NULL)) ||
      !object_get_place (object, "x", &x) ||
      !object_get_place (object, "y", &y) ||
      json_object_has_member (object, "id"))
    return NULL;

  note = venture_note_new (id, block);
  venture_note_set_text (note, text != NULL ? text : "");
  venture_note_set_color (note, color != NULL ? color : VENTURE_DEFAULT_COLOR);
  venture_note_set_position (note, x, y);

  for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
    {
      const char *tag;

      if (!object_get_string (object, venture_tag_kind_to_member (k), &tag) ||
          !venture_validate_tag (tag, NULL))
        return NULL;
      if (tag != NULL)
        venture_note_set_tag (note, k, tag);
    }

  if (json_object_has_member (object, "segments"))
    {
      g_auto(GStrv) segments = NULL;

      if (!array_to_strv (json_object_get_member (object, "segments"), &segments))
        return NULL;
      venture_note_set_segments (note, (const char * const *) segments);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (is_note_member (name))
        continue;
      if (!g_utf8_validate (name, -1, NULL) || !is_valid_extra (value, 0))
        return NULL;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (value));
    }
  if (extra != NULL)
    venture_note_set_extra (note, extra);

  return g_steal_pointer (&note);
}

/* A version from its content in a change (version_to_node()); NULL if
 * anything is wrong. */
static VentureVersion *
version_from_node (const char    *name,
                   JsonNode      *node,
                   VentureCanvas *canvas)
{
  g_autoptr(VentureCanvas) snapshot = NULL;
  g_autoptr(VentureVersion) version = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonNode *notes_node;
  JsonArray *notes;
  const char *date, *title;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!venture_version_validate_name (name, NULL) || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (!object_get_string (object, "created", &date) || date == NULL ||
      (created = g_date_time_new_from_iso8601 (date, NULL)) == NULL ||
      !object_get_string (object, "title", &title) ||
      (title != NULL && !venture_validate_title (title, NULL)))
    return NULL;

  notes_node = json_object_get_member (object, "notes");
  if (notes_node == NULL || !JSON_NODE_HOLDS_ARRAY (notes_node))
    return NULL;

  snapshot = venture_canvas_new (venture_canvas_get_template_id (canvas));
  venture_canvas_set_title (snapshot, title != NULL ? title : "");

  notes = json_node_get_array (notes_node);
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonNode *note_node = json_array_get_element (notes, i);
      g_autoptr(JsonObject) without_id = NULL;
      g_autoptr(JsonNode) content = NULL;
      g_autoptr(VentureNote) note = NULL;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (note_node) ||
          !object_get_string (json_node_get_object (note_node), "id", &id) ||
          !venture_validate_id (id, NULL) ||
          venture_canvas_lookup_note (snapshot, id) != NULL)
        return NULL;

      /* note_from_node() reads the members of a note but its id. */
      without_id = json_object_new ();
      json_object_iter_init_ordered (&iter, json_node_get_object (note_node));
      while (json_object_iter_next_ordered (&iter, &member, &value))
        if (strcmp (member, "id") != 0)
          json_object_set_member (without_id, member, json_node_ref (value));
      content = json_node_init_object (json_node_alloc (), without_id);

      note = note_from_node (id, content);
      if (note == NULL)
        return NULL;
      venture_canvas_append_note (snapshot, note);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      if (strcmp (member, "created") == 0 || strcmp (member, "title") == 0 ||
          strcmp (member, "notes") == 0)
        continue;
      if (strcmp (member, "name") == 0 || !g_utf8_validate (member, -1, NULL) ||
          !is_valid_extra (value, 0))
        return NULL;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, member, json_node_copy (value));
    }

  version = venture_version_new (name, created, snapshot);
  if (extra != NULL)
    venture_version_set_extra (version, extra);

  return g_steal_pointer (&version);
}

static gboolean
version_equal (VentureVersion *a,
               VentureVersion *b)
{
  JsonObject *extra_a = venture_version_get_extra (a);
  JsonObject *extra_b = venture_version_get_extra (b);

  return g_str_equal (venture_version_get_name (a), venture_version_get_name (b)) &&
         g_date_time_equal (venture_version_get_created (a), venture_version_get_created (b)) &&
         venture_canvas_equal (venture_version_get_canvas (a), venture_version_get_canvas (b)) &&
         (extra_a == NULL) == (extra_b == NULL) &&
         (extra_a == NULL || json_object_equal (extra_a, extra_b));
}

/* The scratch note @id, which must be at @position if it is not G_MAXUINT. */
static VentureNote *
scratch_note (Replay     *replay,
              const char *id,
              guint       position)
{
  VentureNote *note;

  if (position == G_MAXUINT)
    return venture_canvas_lookup_note (replay->scratch, id);

  if (position >= venture_canvas_get_n_notes (replay->scratch))
    return NULL;

  note = venture_canvas_get_note (replay->scratch, position);
  if (strcmp (venture_note_get_id (note), id) != 0)
    return NULL;

  return note;
}

/* Brings a note into existence: @content read from the file, one object
 * for the real history and a copy for the scratch canvas. */
static VentureNote *
new_note (Replay       *replay,
          const char   *id,
          JsonArray    *array,
          guint         index,
          VentureNote **real)
{
  VentureNote *content;
  VentureNote *scratch;

  if (index >= json_array_get_length (array))
    return NULL;

  content = note_from_node (id, json_array_get_element (array, index));
  if (content == NULL)
    return NULL;

  scratch = venture_note_copy (content, id);
  g_hash_table_insert (replay->real_of, g_object_ref (scratch), content);
  *real = content;

  return scratch;
}

static gboolean
text_apply_delta (const char  *from,
                  gint64       offset,
                  const char  *expected,
                  const char  *replacement,
                  char       **out)
{
  gsize from_len = strlen (from);
  gsize expected_len = strlen (expected);
  GString *result;

  if (offset < 0 || (guint64) offset > from_len || expected_len > from_len - offset ||
      strncmp (from + offset, expected, expected_len) != 0)
    return FALSE;

  result = g_string_sized_new (from_len - expected_len + strlen (replacement) + 1);
  g_string_append_len (result, from, offset);
  g_string_append (result, replacement);
  g_string_append (result, from + offset + expected_len);

  if (!venture_validate_text (result->str, NULL))
    {
      g_string_free (result, TRUE);
      return FALSE;
    }

  *out = g_string_free (result, FALSE);
  return TRUE;
}

/* Reads one change array, checks it against the scratch canvas, applies
 * it there (inverted when replaying backwards) and returns the change for
 * the real history with its snapshot. */
static VentureChange *
read_change (Replay       *replay,
             JsonNode     *node,
             VentureNote **snapshot,
             GError      **error)
{
  g_autoptr(VentureChange) change = NULL;
  g_autoptr(VentureChange) real_change = NULL;
  VentureNote *scratch = NULL;
  VentureNote *real = NULL;
  JsonArray *array;
  const char *op = NULL;
  const char *id = NULL;
  guint length;
  gboolean back = replay->backwards;

  *snapshot = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return (invalid (replay, error, "a change is not an array"), NULL);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (!get_string (array, 0, FALSE, &op) || strlen (op) != 1)
    return (invalid (replay, error, "a change has no operation"), NULL);

  if (op[0] != 'T' && !get_id (array, 1, &id))
    return (invalid (replay, error, "a change has no note id"), NULL);

  switch (op[0])
    {
    case 'a':
    case 'd':
      {
        gboolean insert = op[0] == 'a';
        /* Backwards an insertion takes the note away, forwards a removal
         * does: the note is in the canvas. Otherwise it comes back from
         * the content stored in the step. */
        gboolean comes_back = insert != back;
        guint n_notes = venture_canvas_get_n_notes (replay->scratch);
        gint64 position;

        /* The content is optional where the note is in the canvas. */
        if (comes_back ? length != 4 : (length != 3 && length != 4))
          return (invalid (replay, error, "wrong length"), NULL);
        if (!get_int (array, 2, 0, G_MAXUINT - 1, &position))
          return (invalid (replay, error, "a position is out of range"), NULL);

        if (comes_back)
          {
            if (venture_canvas_lookup_note (replay->scratch, id) != NULL || position > n_notes)
              return (invalid (replay, error, "note “%s” cannot come back", quote_id (replay, id)), NULL);
            scratch = new_note (replay, id, array, 3, &real);
            if (scratch == NULL)
              return (invalid (replay, error, "note “%s” has no valid content", quote_id (replay, id)), NULL);
          }
        else
          {
            scratch = scratch_note (replay, id, position);
            if (scratch == NULL)
              return (invalid (replay, error, "note “%s” is not at %" G_GINT64_FORMAT, quote_id (replay, id), position), NULL);
            real = g_hash_table_lookup (replay->real_of, scratch);
            if (length == 4)
              {
                g_autoptr(VentureNote) content = note_from_node (id, json_array_get_element (array, 3));

                if (content == NULL || !venture_note_equal (content, scratch))
                  return (invalid (replay, error, "note “%s” is not as recorded", quote_id (replay, id)), NULL);
              }
          }

        *snapshot = venture_note_copy (scratch, id);
        change = venture_change_new (insert ? VENTURE_CHANGE_INSERT : VENTURE_CHANGE_REMOVE, scratch);
        change->old_position = change->new_position = position;
        /* new_note() made the scratch note for the hash table only. */
        if (comes_back)
          g_object_unref (scratch);
      }
      break;

    case 't':
      {
        const char *deleted, *inserted;
        g_autofree char *other = NULL;
        gint64 offset;

        if (length != 5 ||
            !get_int (array, 2, 0, MAX_TEXT_BYTES, &offset) ||
            !get_string (array, 3, FALSE, &deleted) ||
            !get_string (array, 4, FALSE, &inserted))
          return (invalid (replay, error, "malformed text change"), NULL);
        if ((scratch = scratch_note (replay, id, G_MAXUINT)) == NULL)
          return (invalid (replay, error, "no note “%s”", quote_id (replay, id)), NULL);

        if (!text_apply_delta (venture_note_get_text (scratch), offset,
                               back ? inserted : deleted,
                               back ? deleted : inserted, &other))
          return (invalid (replay, error, "the text of note “%s” is not as recorded", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_TEXT, scratch);
        change->old_string = back ? g_steal_pointer (&other) : g_strdup (venture_note_get_text (scratch));
        change->new_string = back ? g_strdup (venture_note_get_text (scratch)) : g_steal_pointer (&other);
      }
      break;

    case 'c':
      {
        const char *old, *new;

        if (length != 4 || !get_id (array, 2, &old) || !get_id (array, 3, &new))
          return (invalid (replay, error, "malformed colour change"), NULL);
        if ((scratch = scratch_note (replay, id, G_MAXUINT)) == NULL)
          return (invalid (replay, error, "no note “%s”", quote_id (replay, id)), NULL);
        if (g_strcmp0 (venture_note_get_color (scratch), back ? new : old) != 0)
          return (invalid (replay, error, "the colour of note “%s” is not as recorded", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_COLOR, scratch);
        change->old_string = g_strdup (old);
        change->new_string = g_strdup (new);
      }
      break;

    case 'm':
    case 'M':
      {
        const char *old_block, *new_block;
        int old_x, old_y, new_x, new_y;
        gboolean ok;

        if ((scratch = scratch_note (replay, id, G_MAXUINT)) == NULL)
          return (invalid (replay, error, "no note “%s”", quote_id (replay, id)), NULL);

        if (op[0] == 'm')
          {
            old_block = new_block = venture_note_get_block (scratch);
            ok = length == 6 &&
                 get_place (array, 2, &old_x) && get_place (array, 3, &old_y) &&
                 get_place (array, 4, &new_x) && get_place (array, 5, &new_y);
          }
        else
          {
            ok = length == 8 &&
                 get_id (array, 2, &old_block) &&
                 get_place (array, 3, &old_x) && get_place (array, 4, &old_y) &&
                 get_id (array, 5, &new_block) &&
                 get_place (array, 6, &new_x) && get_place (array, 7, &new_y);
          }
        if (!ok)
          return (invalid (replay, error, "malformed move"), NULL);
        if (g_strcmp0 (venture_note_get_block (scratch), back ? new_block : old_block) != 0 ||
            venture_note_get_x (scratch) != (back ? new_x : old_x) ||
            venture_note_get_y (scratch) != (back ? new_y : old_y))
          return (invalid (replay, error, "note “%s” is not where recorded", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_MOVE, scratch);
        change->old_string = g_strdup (old_block);
        change->new_string = g_strdup (new_block);
        change->old_x = old_x;
        change->old_y = old_y;
        change->new_x = new_x;
        change->new_y = new_y;
      }
      break;

    case 'g':
      {
        const char *member, *old, *new;
        int kind = -1;

        if (length != 5 || !get_id (array, 2, &member) ||
            !get_string (array, 3, TRUE, &old) || !get_string (array, 4, TRUE, &new) ||
            !venture_validate_tag (old, NULL) || !venture_validate_tag (new, NULL))
          return (invalid (replay, error, "malformed tag change"), NULL);
        for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
          if (strcmp (venture_tag_kind_to_member (k), member) == 0)
            kind = k;
        if (kind < 0)
          return (invalid (replay, error, "unknown tag kind"), NULL);
        if ((scratch = scratch_note (replay, id, G_MAXUINT)) == NULL)
          return (invalid (replay, error, "no note “%s”", quote_id (replay, id)), NULL);
        if (g_strcmp0 (venture_note_get_tag (scratch, kind), back ? new : old) != 0)
          return (invalid (replay, error, "the tag of note “%s” is not as recorded", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_TAG, scratch);
        change->tag_kind = kind;
        change->old_string = g_strdup (old);
        change->new_string = g_strdup (new);
      }
      break;

    case 's':
      {
        g_auto(GStrv) old = NULL;
        g_auto(GStrv) new = NULL;

        if (length != 4 ||
            !array_to_strv (json_array_get_element (array, 2), &old) ||
            !array_to_strv (json_array_get_element (array, 3), &new))
          return (invalid (replay, error, "malformed segments change"), NULL);
        if ((scratch = scratch_note (replay, id, G_MAXUINT)) == NULL)
          return (invalid (replay, error, "no note “%s”", quote_id (replay, id)), NULL);
        if (!strv_equal (venture_note_get_segments (scratch),
                         (const char * const *) (back ? new : old)))
          return (invalid (replay, error, "the segments of note “%s” are not as recorded", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_SEGMENTS, scratch);
        change->old_strv = g_steal_pointer (&old);
        change->new_strv = g_steal_pointer (&new);
      }
      break;

    case 'r':
      {
        guint n_notes = venture_canvas_get_n_notes (replay->scratch);
        gint64 old, new;

        if (length != 4 ||
            !get_int (array, 2, 0, G_MAXUINT - 1, &old) ||
            !get_int (array, 3, 0, G_MAXUINT - 1, &new))
          return (invalid (replay, error, "malformed restack"), NULL);
        if (old >= n_notes || new >= n_notes ||
            (scratch = scratch_note (replay, id, back ? new : old)) == NULL)
          return (invalid (replay, error, "note “%s” is not at the recorded place", quote_id (replay, id)), NULL);

        change = venture_change_new (VENTURE_CHANGE_RESTACK, scratch);
        change->old_position = old;
        change->new_position = new;
      }
      break;

    case 'T':
      {
        const char *old, *new;

        if (length != 3 || !get_string (array, 1, TRUE, &old) || !get_string (array, 2, TRUE, &new) ||
            !venture_validate_title (old, NULL) || !venture_validate_title (new, NULL))
          return (invalid (replay, error, "malformed title change"), NULL);
        if (g_strcmp0 (venture_canvas_get_title (replay->scratch), back ? new : old) != 0)
          return (invalid (replay, error, "the title is not as recorded"), NULL);

        change = venture_change_new (VENTURE_CHANGE_TITLE, NULL);
        change->old_string = g_strdup (old);
        change->new_string = g_strdup (new);
      }
      break;

    case 'v':
    case 'x':
      {
        gboolean add = op[0] == 'v';
        /* As for notes: backwards a saving takes the version away,
         * forwards a deletion does; otherwise it comes back from the
         * content stored in the step. */
        gboolean comes_back = add != back;
        guint n_versions = venture_canvas_get_n_versions (replay->scratch);
        g_autoptr(VentureVersion) content = NULL;
        VentureVersion *version;
        gint64 position;

        if (comes_back ? length != 4 : (length != 3 && length != 4))
          return (invalid (replay, error, "wrong length"), NULL);
        if (!get_int (array, 2, 0, G_MAXUINT - 1, &position))
          return (invalid (replay, error, "a position is out of range"), NULL);
        if (length == 4 &&
            (content = version_from_node (id, json_array_get_element (array, 3), replay->scratch)) == NULL)
          return (invalid (replay, error, "version “%s” has no valid content", quote_id (replay, id)), NULL);

        if (comes_back)
          {
            if (venture_canvas_lookup_version (replay->scratch, id) != NULL || position > n_versions)
              return (invalid (replay, error, "version “%s” cannot come back", quote_id (replay, id)), NULL);
            version = content;
          }
        else
          {
            version = venture_canvas_get_version (replay->scratch, position);
            if (version == NULL || strcmp (venture_version_get_name (version), id) != 0)
              return (invalid (replay, error, "version “%s” is not at %" G_GINT64_FORMAT, quote_id (replay, id), position), NULL);
            if (content != NULL && !version_equal (content, version))
              return (invalid (replay, error, "version “%s” is not as recorded", quote_id (replay, id)), NULL);
          }

        /* Versions never change: the scratch canvas and the real history
         * share the object. */
        change = venture_change_new_for_version (add ? VENTURE_CHANGE_ADD_VERSION
                                                     : VENTURE_CHANGE_REMOVE_VERSION, version);
        change->old_position = change->new_position = position;
      }
      break;

    default:
      return (invalid (replay, error, "unknown operation"), NULL);
    }

  if (scratch != NULL && real == NULL)
    real = g_hash_table_lookup (replay->real_of, scratch);

  real_change = venture_change_copy (change);
  if (scratch != NULL)
    {
      g_assert (real != NULL);
      g_set_object (&real_change->note, real);
    }

  if (back)
    {
      g_autoptr(VentureChange) inverse = venture_change_invert (change);

      venture_canvas_apply_change (replay->scratch, inverse);
    }
  else
    venture_canvas_apply_change (replay->scratch, change);

  return g_steal_pointer (&real_change);
}

static void
clear_note (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static VentureHistoryStep *
read_step (Replay    *replay,
           JsonNode  *node,
           GError   **error)
{
  g_autoptr(VentureHistoryStep) step = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  VentureHistoryLabel kind = VENTURE_HISTORY_LABEL_AUTO;
  g_autofree char *custom = NULL;
  JsonArray *array;
  const char *op;
  guint first, length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return (invalid (replay, error, "a step is not an array"), NULL);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (!get_string (array, 0, FALSE, &op))
    return (invalid (replay, error, "a step has no operation"), NULL);

  if (strcmp (op, "*") == 0)
    {
      JsonNode *label;

      if (length < 3)
        return (invalid (replay, error, "an empty group"), NULL);

      label = json_array_get_element (array, 1);
      if (JSON_NODE_HOLDS_OBJECT (label))
        {
          const char *text;

          if (!object_get_string (json_node_get_object (label), "text", &text) || text == NULL ||
              strlen (text) > 1000)
            return (invalid (replay, error, "a label has no text"), NULL);
          kind = VENTURE_HISTORY_LABEL_CUSTOM;
          custom = g_strdup (text);
        }
      else if (!get_string (array, 1, FALSE, &op) ||
               !venture_history_label_from_id (op, &kind) ||
               kind == VENTURE_HISTORY_LABEL_CUSTOM)
        {
          /* A kind from a newer version: derive it from the changes. */
          kind = VENTURE_HISTORY_LABEL_AUTO;
          if (!JSON_NODE_HOLDS_VALUE (label) || json_node_get_value_type (label) != G_TYPE_STRING)
            return (invalid (replay, error, "a label is not a string"), NULL);
        }
      first = 2;
    }
  else
    {
      first = 0;
      length = 1;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_change_free);
  snapshots = g_ptr_array_new_with_free_func (clear_note);

  for (guint i = 0; i < length - first; i++)
    {
      /* Backwards, the last change of a step is undone first. */
      guint index = replay->backwards ? length - 1 - i : first + i;
      JsonNode *change_node = first == 0 ? node : json_array_get_element (array, index);
      VentureNote *snapshot = NULL;
      VentureChange *change = read_change (replay, change_node, &snapshot, error);

      if (change == NULL)
        return NULL;
      g_ptr_array_add (changes, change);
      g_ptr_array_add (snapshots, snapshot);
    }

  step = venture_history_step_new (kind, custom);
  for (guint i = 0; i < changes->len; i++)
    {
      guint index = replay->backwards ? changes->len - 1 - i : i;

      venture_history_step_add_change (step, changes->pdata[index], snapshots->pdata[index]);
    }
  /* The step owns them now. */
  g_ptr_array_set_free_func (changes, NULL);
  g_ptr_array_set_free_func (snapshots, NULL);

  return g_steal_pointer (&step);
}

static gboolean
get_member_int (JsonObject *object,
                const char *name,
                gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
venture_history_file_deserialize (VentureHistory  *history,
                                  JsonNode        *node,
                                  GError         **error)
{
  g_auto(Replay) replay = { 0 };
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *digest = NULL;
  VentureCanvas *canvas;
  JsonObject *object;
  JsonNode *steps_node;
  JsonArray *steps_array;
  JsonNode *digest_node;
  gint64 version, position;
  guint n_steps;

  g_return_val_if_fail (VENTURE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (venture_history_get_n_steps (history) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  canvas = venture_history_get_canvas (history);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (NULL, error, "not an object");
  object = json_node_get_object (node);

  if (!get_member_int (object, "version", &version))
    return invalid (NULL, error, "no version");
  if (version != VENTURE_HISTORY_FILE_VERSION)
    {
      g_set_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_VERSION,
                   _("The undo history was saved by a newer version of Venture"));
      return FALSE;
    }

  digest_node = json_object_get_member (object, "digest");
  steps_node = json_object_get_member (object, "steps");
  if (digest_node == NULL || !JSON_NODE_HOLDS_VALUE (digest_node) ||
      json_node_get_value_type (digest_node) != G_TYPE_STRING)
    return invalid (NULL, error, "no digest");
  if (steps_node == NULL || !JSON_NODE_HOLDS_ARRAY (steps_node))
    return invalid (NULL, error, "no steps");

  steps_array = json_node_get_array (steps_node);
  n_steps = json_array_get_length (steps_array);
  if (n_steps > VENTURE_HISTORY_MAX_STEPS)
    return invalid (NULL, error, "too many steps");
  if (!get_member_int (object, "position", &position) || position < 0 || position > n_steps)
    return invalid (NULL, error, "no valid position");

  digest = venture_history_file_canvas_digest (canvas);
  if (g_ascii_strcasecmp (digest, json_node_get_string (digest_node)) != 0)
    {
      g_set_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_MISMATCH,
                   _("The canvas was changed outside Venture since it was saved, so its undo history no longer applies"));
      return FALSE;
    }

  steps = g_ptr_array_new_full (n_steps, (GDestroyNotify) venture_history_step_free);
  g_ptr_array_set_size (steps, n_steps);

  replay_init (&replay, canvas, TRUE);
  for (guint i = position; i > 0; i--)
    {
      replay.step_index = i - 1;
      if ((steps->pdata[i - 1] = read_step (&replay, json_array_get_element (steps_array, i - 1), error)) == NULL)
        return FALSE;
    }
  replay_clear (&replay);

  replay_init (&replay, canvas, FALSE);
  for (guint i = position; i < n_steps; i++)
    {
      replay.step_index = i;
      if ((steps->pdata[i] = read_step (&replay, json_array_get_element (steps_array, i), error)) == NULL)
        return FALSE;
    }

  venture_history_restore (history, g_steal_pointer (&steps), position);

  return TRUE;
}
