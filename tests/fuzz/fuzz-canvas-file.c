/* fuzz-canvas-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "venture-canvas-file.h"
#include "venture-history-file.h"

/* A libFuzzer harness over every reader of untrusted bytes: the canvas
 * loader and the `history` member. Whatever the input, loading either
 * fails with a one-line message naming the file, or gives a canvas that
 * saves, loads again and saves to the very same bytes. Anything else is
 * a crash (abort()), and so is any g_warning or g_critical on the way.
 * replay.c runs it on the test files in every test run, so that what the
 * fuzzer once found stays fixed. */

#define DISPLAY_NAME "fuzz.json"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_error (const GError *error,
             GQuark        domain)
{
  if (error == NULL || error->domain != domain || error->message == NULL)
    abort ();
  /* The loader's messages are shown as they are: one line naming the
   * file. The history's are not shown whole (a damaged history is
   * dropped with a note), so they only need to be there. */
  if (error->message[0] == '\0'
      || (domain == VENTURE_FILE_ERROR && (strchr (error->message, '\n') != NULL
                                           || strstr (error->message, DISPLAY_NAME) == NULL)))
    {
      g_printerr ("Bad message: %s\n", error->message);
      abort ();
    }
}

/* The history is recorded against a digest of the canvas, which random
 * bytes never hit: without this, every mutated history would stop at
 * the digest check and its steps would never be read. Mismatches are
 * still tried, with any "digest" that is not a string. */
static JsonNode *
with_right_digest (JsonNode      *history,
                   VentureCanvas *canvas)
{
  g_autofree char *right = venture_history_file_canvas_digest (canvas);
  g_autoptr(JsonObject) copy = NULL;
  JsonObject *object;
  JsonNode *digest;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (history))
    return json_node_ref (history);
  object = json_node_get_object (history);
  digest = json_object_get_member (object, "digest");
  if (digest == NULL || !JSON_NODE_HOLDS_VALUE (digest)
      || json_node_get_value_type (digest) != G_TYPE_STRING)
    return json_node_ref (history);

  copy = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "digest") == 0)
        json_object_set_string_member (copy, name, right);
      else
        json_object_set_member (copy, name, json_node_ref (member));
    }

  return json_node_init_object (json_node_alloc (), copy);
}

/* Loads @bytes; on success the history node is returned in @history_node,
 * replaced by what will be saved: the serialized history when it was
 * read (and @history receives it), the node as read otherwise. */
static VentureCanvas *
load (GBytes    *bytes,
      JsonNode **history_node,
      gpointer  *history,
      gboolean   must_succeed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  canvas = venture_canvas_file_load_bytes (bytes, DISPLAY_NAME, history_node, &error);
  if (canvas == NULL)
    {
      if (must_succeed)
        {
          g_printerr ("Could not load what was saved: %s\n", error ? error->message : "?");
          abort ();
        }
      check_error (error, VENTURE_FILE_ERROR);
      if (*history_node != NULL)
        abort ();
      return NULL;
    }
  if (error != NULL)
    abort ();

  if (*history_node != NULL)
    {
      g_autoptr(VentureHistory) read_history = venture_history_new (canvas);
      g_autoptr(JsonNode) fixed = with_right_digest (*history_node, canvas);

      if (venture_history_file_deserialize (read_history, fixed, &error))
        {
          if (error != NULL)
            abort ();
          json_node_unref (*history_node);
          *history_node = venture_history_file_serialize (read_history);
          if (*history_node == NULL)
            abort ();
          *history = g_steal_pointer (&read_history);
        }
      else
        {
          check_error (error, VENTURE_HISTORY_FILE_ERROR);
          /* Dropped, never half applied. */
          if (venture_history_get_n_steps (read_history) != 0)
            abort ();
        }
    }

  return g_steal_pointer (&canvas);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(VentureCanvas) again = NULL;
  g_autoptr(JsonNode) history_node = NULL;
  g_autoptr(JsonNode) history_node_again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GObject) history = NULL;
  g_autoptr(GObject) history_again = NULL;

  canvas = load (input, &history_node, (gpointer *) &history, FALSE);
  if (canvas == NULL)
    return 0;

  saved = venture_canvas_file_to_bytes (canvas, history_node);
  again = load (saved, &history_node_again, (gpointer *) &history_again, TRUE);

  /* A history read the first time must be read again (one that was not
   * is saved as it was read, and is refused again). */
  if ((history == NULL) != (history_again == NULL))
    {
      g_printerr ("The history was read %s, but not %s\n",
                  history != NULL ? "once" : "the second time",
                  history != NULL ? "again" : "the first time");
      abort ();
    }

  saved_again = venture_canvas_file_to_bytes (again, history_node_again);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_printerr ("Saving again gave other bytes:\n%s\n---\n%s\n",
                  (const char *) g_bytes_get_data (saved, NULL),
                  (const char *) g_bytes_get_data (saved_again, NULL));
      abort ();
    }

  return 0;
}
