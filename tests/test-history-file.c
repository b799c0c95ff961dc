/* test-history-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas-file.h"
#include "venture-history-file.h"
#include "venture-history.h"

#define TEMPLATE "business-model-canvas"

static VentureNote *
add_note (VentureCanvas *canvas,
          const char    *id,
          const char    *block,
          int            x,
          int            y,
          const char    *text)
{
  g_autoptr(VentureNote) note = venture_note_new (id, block);

  venture_note_set_position (note, x, y);
  venture_note_set_text (note, text);
  venture_canvas_append_note (canvas, note);

  return note;
}

/* "Plan": a (channels 100,100 'Ads'), b (channels 200,200 'Blog'). */
static VentureCanvas *
small_canvas (void)
{
  VentureCanvas *canvas = venture_canvas_new (TEMPLATE);

  venture_canvas_set_title (canvas, "Plan");
  add_note (canvas, "a", "channels", 100, 100, "Ads");
  add_note (canvas, "b", "channels", 200, 200, "Blog");

  return canvas;
}

static char *
to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static JsonNode *
from_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Saves @history and loads it back on a copy of its canvas. */
static VentureHistory *
round_trip (VentureHistory *history,
            GError        **error)
{
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autofree char *text = to_text (node);
  g_autoptr(JsonNode) parsed = from_text (text);
  g_autoptr(VentureCanvas) canvas = venture_canvas_copy (venture_history_get_canvas (history));
  g_autoptr(VentureHistory) loaded = venture_history_new (canvas);

  if (!venture_history_file_deserialize (loaded, parsed, error))
    {
      g_assert_cmpuint (venture_history_get_n_steps (loaded), ==, 0);
      return NULL;
    }

  return g_steal_pointer (&loaded);
}

static void
assert_same_history (VentureHistory *a,
                     VentureHistory *b)
{
  g_assert_cmpuint (venture_history_get_n_steps (a), ==, venture_history_get_n_steps (b));
  g_assert_cmpuint (venture_history_get_position (a), ==, venture_history_get_position (b));
  for (guint i = 0; i < venture_history_get_n_steps (a); i++)
    {
      g_assert_cmpstr (venture_history_get_step_label (a, i), ==, venture_history_get_step_label (b, i));
      g_assert_cmpint (venture_history_get_step_label_kind (a, i), ==,
                       venture_history_get_step_label_kind (b, i));
    }
  g_assert_true (venture_canvas_equal (venture_history_get_canvas (a), venture_history_get_canvas (b)));
}

/* Walks both histories to every position: the same canvas each time. */
static void
assert_same_travels (VentureHistory *a,
                     VentureHistory *b)
{
  guint n = venture_history_get_n_steps (a);
  guint position = venture_history_get_position (a);

  for (guint i = 0; i <= n; i++)
    {
      guint target = (position + n + 1 - i) % (n + 1);

      venture_history_jump (a, target);
      venture_history_jump (b, target);
      g_assert_true (venture_canvas_equal (venture_history_get_canvas (a), venture_history_get_canvas (b)));
    }
  venture_history_jump (a, 0);
  venture_history_jump (b, 0);
  g_assert_true (venture_canvas_equal (venture_history_get_canvas (a), venture_history_get_canvas (b)));
  venture_history_jump (a, n);
  venture_history_jump (b, n);
  g_assert_true (venture_canvas_equal (venture_history_get_canvas (a), venture_history_get_canvas (b)));
}

/* Every kind of change, groups with each kind of label, and steps on both
 * sides. */
static VentureHistory *
rich_history (void)
{
  VentureCanvas *canvas = small_canvas ();
  VentureHistory *history = venture_history_new (canvas);
  VentureNote *a = venture_canvas_lookup_note (canvas, "a");
  VentureNote *b = venture_canvas_lookup_note (canvas, "b");
  g_autoptr(VentureNote) c = venture_note_new ("c", "customer-relationships");
  g_autoptr(JsonObject) extra = json_object_new ();
  const char * const segments[] = { "a", NULL };

  g_object_unref (canvas);

  json_object_set_string_member (extra, "mood", "sunny");
  venture_note_set_text (c, "Repair clinics\nwith \"quotes\" and é");
  venture_note_set_color (c, "green");
  venture_note_set_position (c, 120, 340);
  venture_note_set_tag (c, VENTURE_TAG_RELATIONSHIP, "self-service");
  venture_note_set_tag (c, VENTURE_TAG_STAGE, "retention");
  venture_note_set_segments (c, segments);
  venture_note_set_extra (c, extra);

  venture_canvas_insert_note (canvas, c, 1);
  venture_canvas_set_note_text (canvas, a, "Ads!");
  venture_canvas_set_note_text (canvas, a, "Ads! Now");
  venture_canvas_set_note_color (canvas, b, "pink");
  venture_canvas_move_note (canvas, b, "channels", 0, 1000);
  venture_canvas_move_note (canvas, b, "key-partners", 500, 500);
  venture_canvas_set_note_tag (canvas, c, VENTURE_TAG_STRATEGY, "seo");
  venture_canvas_set_note_tag (canvas, c, VENTURE_TAG_STAGE, NULL);
  venture_canvas_set_note_segments (canvas, c, NULL);
  venture_canvas_restack_note (canvas, a, 2);
  venture_canvas_set_title (canvas, "Bike clinic");

  venture_history_begin_group (history, "Custom Thing");
  venture_canvas_set_note_color (canvas, a, "red");
  venture_canvas_set_note_color (canvas, c, "red");
  venture_history_end_group (history);

  venture_history_begin_group_kind (history, VENTURE_HISTORY_LABEL_TIDY_BLOCK);
  venture_canvas_move_note (canvas, a, "channels", 1, 1);
  venture_canvas_move_note (canvas, b, "channels", 2, 2);
  venture_history_end_group (history);

  /* Deleting the segment note c: on the undo side, with its content. */
  venture_history_begin_group (history, NULL);
  venture_canvas_remove_note (canvas, c);
  venture_canvas_remove_note (canvas, b);
  venture_history_end_group (history);

  /* An added note, then undone: on the redo side, with its content. */
  {
    g_autoptr(VentureNote) d = venture_note_new ("d", "revenue-streams");

    venture_note_set_text (d, "Subscriptions");
    venture_canvas_append_note (canvas, d);
    venture_canvas_set_note_text (canvas, d, "Subscriptions!");
  }
  venture_history_undo (history);
  venture_history_undo (history);
  venture_history_undo (history);
  venture_history_undo (history);

  return history;
}

static void
test_history_file_round_trip (void)
{
  g_autoptr(VentureHistory) history = rich_history ();
  g_autoptr(VentureHistory) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 12);
  g_assert_cmpuint (venture_history_get_n_redo (history), ==, 4);
  g_assert_cmpstr (venture_history_get_step_label (history, 12), ==, "Tidy Block");
  g_assert_cmpstr (venture_history_get_step_label (history, 13), ==, "Delete 2 Notes");
  g_assert_cmpstr (venture_history_get_step_label (history, 11), ==, "Custom Thing");

  loaded = round_trip (history, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_history (history, loaded);
  /* The loaded state is the saved one. */
  g_assert_false (venture_history_get_modified (loaded));
  g_assert_true (venture_history_get_can_redo (loaded));

  /* A second round trip, from the loaded history, is the same again. */
  {
    g_autoptr(VentureHistory) again = round_trip (loaded, &error);
    g_autoptr(JsonNode) first = venture_history_file_serialize (history);
    g_autoptr(JsonNode) second = venture_history_file_serialize (again);
    g_autofree char *first_text = to_text (first);
    g_autofree char *second_text = to_text (second);

    g_assert_no_error (error);
    g_assert_cmpstr (first_text, ==, second_text);
    assert_same_history (history, again);
    assert_same_travels (history, again);
  }

  assert_same_travels (history, loaded);
}

/* Through the real file: saved with the canvas, loaded with it. */
static void
test_history_file_through_file (void)
{
  g_autoptr(VentureHistory) history = rich_history ();
  VentureCanvas *canvas = venture_history_get_canvas (history);
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autoptr(GBytes) bytes = venture_canvas_file_to_bytes (canvas, node);
  g_autoptr(JsonNode) raw = NULL;
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(VentureHistory) loaded_history = NULL;
  g_autoptr(GError) error = NULL;

  loaded = venture_canvas_file_load_bytes (bytes, "test.venture", &raw, &error);
  g_assert_no_error (error);
  g_assert_nonnull (raw);
  g_assert_true (venture_canvas_equal (loaded, canvas));

  loaded_history = venture_history_new (loaded);
  g_assert_true (venture_history_file_deserialize (loaded_history, raw, &error));
  g_assert_no_error (error);
  assert_same_history (history, loaded_history);
  assert_same_travels (history, loaded_history);
}

/* The scenario of the issue: delete a note, save, reopen, undo: the note
 * is back with its text, colour, place and tags. */
static void
test_history_file_delete_save_undo (void)
{
  g_autoptr(VentureCanvas) canvas = small_canvas ();
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  VentureNote *a = venture_canvas_lookup_note (canvas, "a");
  g_autoptr(VentureNote) before = NULL;
  g_autoptr(VentureHistory) loaded = NULL;
  g_autoptr(GError) error = NULL;
  VentureCanvas *reopened;
  VentureNote *back;

  venture_canvas_set_note_color (canvas, a, "blue");
  venture_canvas_set_note_tag (canvas, a, VENTURE_TAG_RELATIONSHIP, "community");
  before = venture_note_copy (a, NULL);
  venture_history_mark_clean (history);

  venture_canvas_remove_note (canvas, a);
  venture_history_mark_clean (history);
  loaded = round_trip (history, &error);
  g_assert_no_error (error);
  reopened = venture_history_get_canvas (loaded);
  g_assert_null (venture_canvas_lookup_note (reopened, "a"));

  g_assert_cmpstr (venture_history_get_undo_label (loaded), ==, "Delete Note");
  g_assert_true (venture_history_undo (loaded));
  back = venture_canvas_lookup_note (reopened, "a");
  g_assert_nonnull (back);
  g_assert_true (venture_note_equal (back, before));
  g_assert_true (venture_canvas_get_note (reopened, 0) == back);
  g_assert_true (venture_history_get_modified (loaded));

  /* And on, further back than the save. */
  g_assert_true (venture_history_undo (loaded));
  g_assert_true (venture_history_undo (loaded));
  g_assert_false (venture_history_get_can_undo (loaded));
  {
    g_autoptr(VentureCanvas) start = small_canvas ();

    g_assert_true (venture_canvas_equal (reopened, start));
  }
  g_assert_true (venture_history_redo (loaded));
  g_assert_true (venture_history_redo (loaded));
  g_assert_true (venture_history_redo (loaded));
  g_assert_false (venture_history_get_modified (loaded));
  g_assert_null (venture_canvas_lookup_note (reopened, "a"));
}

/* A deleted note's id taken by a new note: two notes, one id, at
 * different times. The loaded history must keep them apart. */
static void
test_history_file_id_reuse (void)
{
  g_autoptr(VentureCanvas) canvas = small_canvas ();
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(VentureHistory) loaded = NULL;
  g_autoptr(GError) error = NULL;
  VentureNote *again;

  venture_canvas_remove_note (canvas, venture_canvas_lookup_note (canvas, "a"));
  again = add_note (canvas, "a", "cost-structure", 5, 5, "Another a");
  venture_canvas_set_note_color (canvas, again, "gray");
  venture_canvas_remove_note (canvas, again);
  again = add_note (canvas, "a", "unsorted", 7, 7, "Third a");
  venture_history_undo (history);

  loaded = round_trip (history, &error);
  g_assert_no_error (error);
  assert_same_history (history, loaded);
  assert_same_travels (history, loaded);
}

static void
test_history_file_mismatch (void)
{
  g_autoptr(VentureHistory) history = rich_history ();
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autoptr(VentureCanvas) changed = venture_canvas_copy (venture_history_get_canvas (history));
  g_autoptr(VentureHistory) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* Edited by another tool: a note the history never touched. */
  venture_canvas_set_note_text (changed, venture_canvas_get_note (changed, 0), "Edited elsewhere");
  loaded = venture_history_new (changed);
  g_assert_false (venture_history_file_deserialize (loaded, node, &error));
  g_assert_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_MISMATCH);
  g_assert_cmpuint (venture_history_get_n_steps (loaded), ==, 0);
  g_assert_false (venture_history_get_can_undo (loaded));
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (changed, 0)), ==, "Edited elsewhere");
}

static void
test_history_file_digest (void)
{
  g_autoptr(VentureCanvas) canvas = small_canvas ();
  g_autoptr(VentureCanvas) other = small_canvas ();
  g_autofree char *digest = venture_history_file_canvas_digest (canvas);
  g_autofree char *same = venture_history_file_canvas_digest (other);
  VentureNote *note = venture_canvas_get_note (other, 1);

  g_assert_cmpuint (strlen (digest), ==, 64);
  g_assert_cmpstr (digest, ==, same);

  /* Every field counts. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *changed = NULL;

      switch (i)
        {
        case 0: venture_canvas_set_note_text (other, note, "Blog!"); break;
        case 1: venture_canvas_set_note_color (other, note, "red"); break;
        case 2: venture_canvas_move_note (other, note, "channels", 201, 200); break;
        case 3: venture_canvas_set_note_tag (other, note, VENTURE_TAG_STAGE, "retention"); break;
        case 4: venture_canvas_set_note_segments (other, note, (const char * const[]) { "a", NULL }); break;
        case 5: venture_canvas_restack_note (other, note, 0); break;
        case 6: venture_canvas_set_title (other, "Plan B"); break;
        default: g_assert_not_reached ();
        }
      changed = venture_history_file_canvas_digest (other);
      g_assert_cmpstr (changed, !=, same);
      g_free (same);
      same = g_steal_pointer (&changed);
    }
}

typedef struct {
  const char *json;   /* "@D" stands for the digest of small_canvas () */
  int         code;   /* -1: loads */
  guint       n_steps;
} Case;

#define NOTE_X "{\"block\":\"channels\",\"text\":\"X\",\"color\":\"red\",\"x\":1,\"y\":1}"
#define H(position, steps) "{\"version\":1,\"digest\":\"@D\",\"position\":" #position ",\"steps\":" steps "}"

static const Case cases[] = {
  { "[]", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "\"history\"", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "{}", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "{\"version\":\"1\",\"digest\":\"@D\",\"position\":0,\"steps\":[]}", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "{\"version\":2,\"digest\":\"@D\",\"position\":0,\"steps\":[]}", VENTURE_HISTORY_FILE_ERROR_VERSION },
  { "{\"version\":1,\"digest\":5,\"position\":0,\"steps\":[]}", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "{\"version\":1,\"digest\":\"@D\",\"position\":0,\"steps\":{}}", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { "{\"version\":1,\"digest\":\"@D\",\"steps\":[]}", VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (-1, "[]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0.5, "[]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0, "[]"), -1, 0 },
  { "{\"version\":1,\"digest\":\"00\",\"position\":0,\"steps\":[]}", VENTURE_HISTORY_FILE_ERROR_MISMATCH },
  /* Steps: malformed */
  { H (1, "[5]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"z\",\"a\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"cc\",\"a\",\"red\",\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"a\",\"red\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"a\",\"red\",\"yellow\",\"blue\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"\",\"red\",\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"a\",\"\",\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"a\",1,\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"m\",\"a\",1,2,100,100.5]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"m\",\"a\",1,2000,100,100]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"m\",\"a\",1,-2,100,100]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"M\",\"a\",\"key-partners\",1,2,\"channels\",100]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",99,\"\",\"s\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",-1,\"\",\"A\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",9223372036854775807,\"\",\"\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",1,\"\",null]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"g\",\"a\",\"mood\",null,null]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"g\",\"a\",\"stage\",\"\",null]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"s\",\"a\",[1],[]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"s\",\"a\",\"b\",[]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"T\",null,\"Plan\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",\"delete\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",5,[\"c\",\"a\",\"red\",\"yellow\"]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",{\"text\":3},[\"c\",\"a\",\"red\",\"yellow\"]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",\"move\",[\"c\",\"a\",\"red\",\"yellow\"],5]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",\"move\",[\"*\",\"move\",[\"c\",\"a\",\"red\",\"yellow\"]]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  /* Steps: well formed but not fitting the canvas */
  { H (1, "[[\"c\",\"zz\",\"red\",\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"c\",\"a\",\"yellow\",\"red\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"m\",\"a\",1,2,100,101]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"M\",\"a\",\"channels\",1,2,\"key-partners\",100,100]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",1,\"\",\"zz\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"t\",\"a\",1,\"\",\"\\u00e9\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"g\",\"a\",\"relationship\",null,\"community\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"s\",\"a\",[],[\"b\"]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"r\",\"a\",5,0]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"r\",\"a\",1,1]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"T\",\"Old\",\"Wrong\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"a\",\"a\",1]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",5," NOTE_X "]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"a\",0," NOTE_X "]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"x\":1,\"y\":5000}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"x\":1}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"\",\"x\":1,\"y\":1}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"x\":1,\"y\":1,\"segments\":[\"\"]}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"x\":1,\"y\":1,\"stage\":7}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,[]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"x\":1,\"y\":1,\"later\":\"\\ud800x\"}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"d\",\"x\",0,{\"block\":\"channels\",\"text\":\"\\ud800y\",\"x\":1,\"y\":1}]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (1, "[[\"*\",{\"text\":\"\\ud800x\"},[\"c\",\"a\",\"red\",\"yellow\"]]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0, "[[\"a\",\"x\",0]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0, "[[\"a\",\"a\",0," NOTE_X "]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0, "[[\"d\",\"a\",1]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  { H (0, "[[\"c\",\"a\",\"red\",\"yellow\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  /* A change on a note after the step that removed it. */
  { H (2, "[[\"d\",\"x\",0," NOTE_X "],[\"c\",\"x\",\"blue\",\"red\"]]"), VENTURE_HISTORY_FILE_ERROR_INVALID },
  /* Steps that fit */
  { H (1, "[[\"c\",\"a\",\"red\",\"yellow\"]]"), -1, 1 },
  { H (1, "[[\"m\",\"a\",1,2,100,100]]"), -1, 1 },
  { H (1, "[[\"M\",\"a\",\"key-partners\",1,2,\"channels\",100,100]]"), -1, 1 },
  { H (1, "[[\"t\",\"a\",3,\"!\",\"\"]]"), -1, 1 },
  { H (1, "[[\"g\",\"a\",\"stage\",\"retention\",null]]"), -1, 1 },
  { H (1, "[[\"s\",\"a\",[\"b\"],[]]]"), -1, 1 },
  { H (1, "[[\"r\",\"a\",1,0]]"), -1, 1 },
  { H (1, "[[\"T\",\"Old\",\"Plan\"]]"), -1, 1 },
  { H (1, "[[\"d\",\"x\",0," NOTE_X "]]"), -1, 1 },
  { H (1, "[[\"a\",\"a\",0]]"), -1, 1 },
  { H (0, "[[\"a\",\"x\",2,{\"block\":\"c\",\"x\":0,\"y\":0,\"later\":[1,{\"k\":null}]}]]"), -1, 1 },
  { H (0, "[[\"d\",\"a\",0]]"), -1, 1 },
  { H (1, "[[\"*\",\"future-kind\",[\"c\",\"a\",\"red\",\"yellow\"]]]"), -1, 1 },
  { H (1, "[[\"*\",{\"text\":\"Mine\"},[\"c\",\"a\",\"red\",\"blue\"],[\"c\",\"a\",\"blue\",\"yellow\"]]]"), -1, 1 },
  { H (2, "[[\"a\",\"x\",0],[\"d\",\"x\",0," NOTE_X "]]"), -1, 2 },
};

static void
test_history_file_cases (void)
{
  g_autoptr(VentureCanvas) base = small_canvas ();
  g_autofree char *digest = venture_history_file_canvas_digest (base);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (cases[i].json);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(VentureCanvas) canvas = venture_canvas_copy (base);
      g_autoptr(VentureHistory) history = venture_history_new (canvas);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_string_replace (json, "@D", digest, 0);
      node = from_text (json->str);
      ok = venture_history_file_deserialize (history, node, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (venture_history_get_n_steps (history), ==, cases[i].n_steps);
          g_assert_false (venture_history_get_modified (history));
          /* Whatever loads can be walked end to end and back. */
          venture_history_jump (history, 0);
          venture_history_jump (history, venture_history_get_n_steps (history));
          venture_history_jump (history, venture_history_get_position (history));
        }
      else
        {
          g_assert_error (error, VENTURE_HISTORY_FILE_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_nonnull (error->message);
          g_assert_cmpuint (venture_history_get_n_steps (history), ==, 0);
          g_assert_true (venture_canvas_equal (canvas, base));
        }
    }
}

/* An id is the file's text: whatever it holds (newlines, an escape that
 * would colour a terminal, a megabyte), the message quotes it on one
 * short line. */
static void
test_history_file_message_quotes_ids (void)
{
  g_autoptr(VentureCanvas) base = small_canvas ();
  g_autofree char *digest = venture_history_file_canvas_digest (base);
  g_autoptr(GString) long_id = g_string_new ("line\\n");
  struct {
    const char *steps;
    const char *quoted;
  } quotes[] = {
    { "[[\"c\",\"first\\nsecond\\r\\tthird\",\"red\",\"yellow\"]]",
      "(step 1: no note “first second  third”)" },
    { "[[\"a\",\"bell\\u0007\\u001b[31mred\",5]]",
      "(step 1: note “bell  [31mred” is not at 5)" },
    { "[[\"v\",\"Plan\\nB\\u007f\",7]]",
      "(step 1: version “Plan B ” is not at 7)" },
    { NULL, "(step 1: no note “line linelinelinelinelinelinelinelinelinelinelinelinelinelinelinelinelinelinelin…”)" },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append (long_id, "line");

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autofree char *steps = quotes[i].steps != NULL
                               ? g_strdup (quotes[i].steps)
                               : g_strdup_printf ("[[\"g\",\"%s\",\"stage\",null,\"retention\"]]", long_id->str);
      g_autofree char *json = g_strdup_printf ("{\"version\":1,\"digest\":\"%s\",\"position\":1,\"steps\":%s}",
                                               digest, steps);
      g_autoptr(JsonNode) node = from_text (json);
      g_autoptr(VentureCanvas) canvas = venture_canvas_copy (base);
      g_autoptr(VentureHistory) history = venture_history_new (canvas);
      g_autoptr(GError) error = NULL;

      g_assert_false (venture_history_file_deserialize (history, node, &error));
      g_assert_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_suffix (error->message, quotes[i].quoted));
      for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
      g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
    }
}

/* Random damage to a valid history: every outcome is a clean load or a
 * clean refusal, never a crash or a warning. */

typedef struct {
  JsonNode *node;
  JsonNode *parent;
  guint     index;
  char     *member;
} Site;

static void
collect (JsonNode  *node,
         JsonNode  *parent,
         guint      index,
         const char *member,
         GArray    *sites)
{
  Site site = { node, parent, index, g_strdup (member) };

  g_array_append_val (sites, site);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect (json_array_get_element (array, i), node, i, NULL, sites);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &value))
        collect (value, node, 0, name, sites);
    }
}

static void
site_clear (gpointer data)
{
  g_free (((Site *) data)->member);
}

/* Puts @node where @site is. Re-initialising nodes in place trips over
 * json-glib 1.6 reusing freed memory, so the parent gets a new child. */
static void
replace (Site     *site,
         JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (site->parent))
    json_object_set_member (json_node_get_object (site->parent), site->member, node);
  else
    {
      JsonArray *old = json_node_get_array (site->parent);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < json_array_get_length (old); i++)
        json_array_add_element (array, i == site->index ? node : json_node_copy (json_array_get_element (old, i)));
      json_node_set_array (site->parent, array);
      json_array_unref (array);
    }
}

static void
mutate (GRand    *rand,
        JsonNode *root)
{
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (Site));
  static const gint64 ints[] = { -1, 0, 1, 2, 3, 999, 1000, 1001, G_MAXINT, G_MAXINT64, G_MININT64 };
  static const char * const strings[] = { "", "a", "b", "x", "c", "*", "channels", "red", "stage", "delete" };
  Site *site;

  g_array_set_clear_func (sites, site_clear);
  collect (root, NULL, 0, NULL, sites);
  /* Rarely the root or the digest: those only give one answer. */
  site = &g_array_index (sites, Site, g_rand_int_range (rand, 1, sites->len));

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      replace (site, json_node_init_int (json_node_alloc (),
                                         ints[g_rand_int_range (rand, 0, G_N_ELEMENTS (ints))]));
      break;
    case 1:
      replace (site, json_node_init_string (json_node_alloc (),
                                            strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (strings))]));
      break;
    case 2:
      replace (site, json_node_init_null (json_node_alloc ()));
      break;
    case 3:
      replace (site, json_node_init_double (json_node_alloc (), 1.5));
      break;
    case 4:
      replace (site, json_node_init_boolean (json_node_alloc (), TRUE));
      break;
    case 5:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        replace (site, json_node_init_array (json_node_alloc (), array));
      }
      break;
    case 6:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        replace (site, json_node_init_object (json_node_alloc (), object));
      }
      break;
    case 7:
    case 8:
      if (site->parent != NULL && JSON_NODE_HOLDS_ARRAY (site->parent))
        json_array_remove_element (json_node_get_array (site->parent), site->index);
      else if (site->parent != NULL && JSON_NODE_HOLDS_OBJECT (site->parent))
        json_object_remove_member (json_node_get_object (site->parent), site->member);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_history_file_fuzz (void)
{
  g_autoptr(VentureHistory) history = rich_history ();
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autofree char *text = to_text (node);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint n_loaded = 0;
  guint n_refused = 0;

  guint n_runs = g_test_thorough () ? 100000 : 3000;

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(JsonNode) damaged = from_text (text);
      g_autoptr(VentureCanvas) canvas = venture_canvas_copy (venture_history_get_canvas (history));
      g_autoptr(VentureHistory) loaded = venture_history_new (canvas);
      g_autoptr(GError) error = NULL;
      guint n_mutations = g_rand_int_range (rand, 1, 4);

      for (guint k = 0; k < n_mutations; k++)
        mutate (rand, damaged);

      if (venture_history_file_deserialize (loaded, damaged, &error))
        {
          g_assert_no_error (error);
          n_loaded++;
          venture_history_jump (loaded, 0);
          venture_history_jump (loaded, venture_history_get_n_steps (loaded));
        }
      else
        {
          g_assert_true (error != NULL && error->domain == VENTURE_HISTORY_FILE_ERROR);
          g_assert_cmpuint (venture_history_get_n_steps (loaded), ==, 0);
          g_assert_true (venture_canvas_equal (canvas, venture_history_get_canvas (history)));
          n_refused++;
        }
    }

  /* Both outcomes were exercised. */
  g_assert_cmpuint (n_loaded, >, 0);
  g_assert_cmpuint (n_refused, >, 0);
  g_test_message ("%u loaded, %u refused", n_loaded, n_refused);
}

/* Typical steps (move, text edit, recolour) stay small in the
 * pretty-printed file. */
static void
test_history_file_size (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureHistory) history = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) empty_file = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint n_steps = 3000;
  double per_step;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%04x", g_rand_int_range (rand, 0, 0xffff) | (i << 16));

      add_note (canvas, id, "customer-relationships", 10 * i, 500,
                "Self-service repair clinics where customers fix their own bikes");
    }
  history = venture_history_new (canvas);
  empty = venture_history_file_serialize (history);
  empty_file = venture_canvas_file_to_bytes (canvas, empty);

  for (guint i = 0; i < n_steps; i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, g_rand_int_range (rand, 0, 100));

      switch (i % 3)
        {
        case 0:
          venture_canvas_move_note (canvas, note, i % 2 ? "channels" : "customer-relationships",
                                    g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
          break;
        case 1:
          {
            g_autofree char *text_now = g_strconcat (venture_note_get_text (note), " quick", NULL);

            venture_canvas_set_note_text (canvas, note, text_now);
          }
          break;
        case 2:
        default:
          venture_canvas_set_note_color (canvas, note,
                                         g_str_equal (venture_note_get_color (note), "blue") ? "orange" : "blue");
          break;
        }
    }
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, n_steps);

  node = venture_history_file_serialize (history);
  /* Measured in the file as the saver writes it. */
  file = venture_canvas_file_to_bytes (canvas, node);
  per_step = (double) (g_bytes_get_size (file) - g_bytes_get_size (empty_file)) / n_steps;
  g_test_message ("%.1f bytes per step", per_step);
  g_assert_cmpfloat (per_step, <, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/history-file/round-trip", test_history_file_round_trip);
  g_test_add_func ("/venture/history-file/through-file", test_history_file_through_file);
  g_test_add_func ("/venture/history-file/delete-save-undo", test_history_file_delete_save_undo);
  g_test_add_func ("/venture/history-file/id-reuse", test_history_file_id_reuse);
  g_test_add_func ("/venture/history-file/mismatch", test_history_file_mismatch);
  g_test_add_func ("/venture/history-file/digest", test_history_file_digest);
  g_test_add_func ("/venture/history-file/cases", test_history_file_cases);
  g_test_add_func ("/venture/history-file/message-quotes-ids", test_history_file_message_quotes_ids);
  g_test_add_func ("/venture/history-file/fuzz", test_history_file_fuzz);
  g_test_add_func ("/venture/history-file/size", test_history_file_size);

  return g_test_run ();
}
