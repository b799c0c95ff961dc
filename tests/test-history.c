/* test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-history-file.h"
#include "venture-history.h"

#define TEMPLATE "business-model-canvas"

/* The canvas as one line: "title # id block x,y color 'text' tag=... | ..." */
static char *
describe (VentureCanvas *canvas)
{
  GString *out = g_string_new (venture_canvas_get_title (canvas));

  g_string_append (out, " #");
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      const char * const *segments = venture_note_get_segments (note);

      g_string_append_printf (out, "%s %s %s %d,%d %s '%s'",
                              i > 0 ? " |" : "",
                              venture_note_get_id (note), venture_note_get_block (note),
                              venture_note_get_x (note), venture_note_get_y (note),
                              venture_note_get_color (note), venture_note_get_text (note));
      for (guint k = 0; k < VENTURE_N_TAG_KINDS; k++)
        if (venture_note_get_tag (note, k) != NULL)
          g_string_append_printf (out, " %s=%s", venture_tag_kind_to_member (k),
                                  venture_note_get_tag (note, k));
      if (segments != NULL)
        {
          g_autofree char *joined = g_strjoinv (",", (char **) segments);

          g_string_append_printf (out, " segments=%s", joined);
        }
    }

  return g_string_free (out, FALSE);
}

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

typedef enum {
  OP_ADD,          /* id, block = arg, x = a, y = b */
  OP_DELETE,       /* id */
  OP_TEXT,         /* id, text = arg */
  OP_COLOR,        /* id, colour = arg */
  OP_MOVE,         /* id, block = arg, x = a, y = b */
  OP_TAG,          /* id, kind = a, tag = arg (NULL: none) */
  OP_SEGMENTS,     /* id, "a,b" = arg (NULL: none) */
  OP_RESTACK,      /* id, position = a */
  OP_TITLE,        /* title = arg */
  OP_UNDO,
  OP_REDO,
  OP_CLEAN,
  OP_MODIFIED,     /* mark_modified */
  OP_BEGIN,        /* label = arg (NULL: derived) */
  OP_BEGIN_KIND,   /* kind = a */
  OP_END,
  OP_JUMP,         /* position = a */
  OP_MAX_STEPS,    /* a */
} Op;

/* One row: an operation, then the state expected right after it. */
typedef struct {
  Op          op;
  const char *id;
  const char *arg;
  int         a, b;
  const char *canvas;
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    modified;
  const char *undo_label;
  const char *redo_label;
  gboolean    inner;      /* inside a group: only the canvas is checked */
} Row;

static void
run_op (VentureHistory *history,
        const Row      *row)
{
  VentureCanvas *canvas = venture_history_get_canvas (history);
  VentureNote *note = row->id != NULL ? venture_canvas_lookup_note (canvas, row->id) : NULL;

  switch (row->op)
    {
    case OP_ADD:
      add_note (canvas, row->id, row->arg, row->a, row->b, "");
      break;
    case OP_DELETE:
      venture_canvas_remove_note (canvas, note);
      break;
    case OP_TEXT:
      venture_canvas_set_note_text (canvas, note, row->arg);
      break;
    case OP_COLOR:
      venture_canvas_set_note_color (canvas, note, row->arg);
      break;
    case OP_MOVE:
      venture_canvas_move_note (canvas, note, row->arg, row->a, row->b);
      break;
    case OP_TAG:
      venture_canvas_set_note_tag (canvas, note, row->a, row->arg);
      break;
    case OP_SEGMENTS:
      {
        g_auto(GStrv) segments = row->arg != NULL ? g_strsplit (row->arg, ",", -1) : NULL;

        venture_canvas_set_note_segments (canvas, note, (const char * const *) segments);
      }
      break;
    case OP_RESTACK:
      venture_canvas_restack_note (canvas, note, row->a);
      break;
    case OP_TITLE:
      venture_canvas_set_title (canvas, row->arg);
      break;
    case OP_UNDO:
      g_assert_true (venture_history_undo (history));
      break;
    case OP_REDO:
      g_assert_true (venture_history_redo (history));
      break;
    case OP_CLEAN:
      venture_history_mark_clean (history);
      break;
    case OP_MODIFIED:
      venture_history_mark_modified (history);
      break;
    case OP_BEGIN:
      venture_history_begin_group (history, row->arg);
      break;
    case OP_BEGIN_KIND:
      venture_history_begin_group_kind (history, row->a);
      break;
    case OP_END:
      venture_history_end_group (history);
      break;
    case OP_JUMP:
      venture_history_jump (history, row->a);
      break;
    case OP_MAX_STEPS:
      venture_history_set_max_steps (history, row->a);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Counts notifications, to check they come on change only. */
typedef struct {
  VentureHistory *history;
  gboolean        can_undo, can_redo, modified;
  char           *undo_label, *redo_label;
  guint           spurious;
} Watch;

static void
on_notify (VentureHistory *history,
           GParamSpec     *pspec,
           Watch          *watch)
{
  const char *name = g_param_spec_get_name (pspec);
  gboolean same = FALSE;

  if (strcmp (name, "can-undo") == 0)
    {
      same = watch->can_undo == venture_history_get_can_undo (history);
      watch->can_undo = venture_history_get_can_undo (history);
    }
  else if (strcmp (name, "can-redo") == 0)
    {
      same = watch->can_redo == venture_history_get_can_redo (history);
      watch->can_redo = venture_history_get_can_redo (history);
    }
  else if (strcmp (name, "modified") == 0)
    {
      same = watch->modified == venture_history_get_modified (history);
      watch->modified = venture_history_get_modified (history);
    }
  else if (strcmp (name, "undo-label") == 0)
    {
      same = g_strcmp0 (watch->undo_label, venture_history_get_undo_label (history)) == 0;
      g_free (watch->undo_label);
      watch->undo_label = g_strdup (venture_history_get_undo_label (history));
    }
  else if (strcmp (name, "redo-label") == 0)
    {
      same = g_strcmp0 (watch->redo_label, venture_history_get_redo_label (history)) == 0;
      g_free (watch->redo_label);
      watch->redo_label = g_strdup (venture_history_get_redo_label (history));
    }

  if (same)
    watch->spurious++;
}

/* Runs @rows on a canvas with notes a, b, c in "channels" (b and c have
 * text), titled "Plan", checking the state after every row. */
static void
run_table (const Row *rows,
           guint      n_rows)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureHistory) history = NULL;
  g_autoptr(VentureCanvas) initial = NULL;
  Watch watch = { 0 };

  venture_canvas_set_title (canvas, "Plan");
  add_note (canvas, "a", "channels", 100, 100, "");
  add_note (canvas, "b", "channels", 200, 200, "Blog");
  add_note (canvas, "c", "channels", 300, 300, "Ads");
  initial = venture_canvas_copy (canvas);

  history = venture_history_new (canvas);
  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &watch);
  g_assert_false (venture_history_get_can_undo (history));
  g_assert_false (venture_history_get_can_redo (history));
  g_assert_false (venture_history_get_modified (history));
  g_assert_null (venture_history_get_undo_label (history));

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &rows[i];
      g_autofree char *state = NULL;

      g_test_message ("row %u", i);
      run_op (history, row);

      state = describe (canvas);
      g_assert_cmpstr (state, ==, row->canvas);
      if (row->inner)
        continue;
      g_assert_cmpint (venture_history_get_can_undo (history), ==, row->can_undo);
      g_assert_cmpint (venture_history_get_can_redo (history), ==, row->can_redo);
      g_assert_cmpint (venture_history_get_modified (history), ==, row->modified);
      g_assert_cmpstr (venture_history_get_undo_label (history), ==, row->undo_label);
      g_assert_cmpstr (venture_history_get_redo_label (history), ==, row->redo_label);
      g_assert_cmpuint (venture_history_get_n_undo (history) + venture_history_get_n_redo (history),
                        ==, venture_history_get_n_steps (history));
      /* What was notified is what is. */
      g_assert_cmpint (watch.can_undo, ==, row->can_undo);
      g_assert_cmpint (watch.can_redo, ==, row->can_redo);
      g_assert_cmpint (watch.modified, ==, row->modified);
      g_assert_cmpstr (watch.undo_label, ==, row->undo_label);
      g_assert_cmpstr (watch.redo_label, ==, row->redo_label);
    }

  g_assert_cmpuint (watch.spurious, ==, 0);
  g_free (watch.undo_label);
  g_free (watch.redo_label);
}

#define ROWS(rows) run_table (rows, G_N_ELEMENTS (rows))

#define START "Plan # a channels 100,100 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'"

static void
test_history_add (void)
{
  static const Row rows[] = {
    { OP_ADD, "d", "key-partners", 10, 20,
      START " | d key-partners 10,20 yellow ''",
      TRUE, FALSE, TRUE, "Add Note", NULL },
    { OP_ADD, "e", "channels", 0, 1000,
      START " | d key-partners 10,20 yellow '' | e channels 0,1000 yellow ''",
      TRUE, FALSE, TRUE, "Add Note", NULL },
    { OP_UNDO, .canvas = START " | d key-partners 10,20 yellow ''",
      TRUE, TRUE, TRUE, "Add Note", "Add Note" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Add Note" },
    { OP_REDO, .canvas = START " | d key-partners 10,20 yellow ''",
      TRUE, TRUE, TRUE, "Add Note", "Add Note" },
    { OP_REDO, .canvas = START " | d key-partners 10,20 yellow '' | e channels 0,1000 yellow ''",
      TRUE, FALSE, TRUE, "Add Note", NULL },
  };

  ROWS (rows);
}

static void
test_history_delete (void)
{
  static const Row rows[] = {
    { OP_TAG, "b", "self-service", VENTURE_TAG_RELATIONSHIP, 0,
      "Plan # a channels 100,100 yellow '' | b channels 200,200 yellow 'Blog' relationship=self-service"
      " | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Tag Note", NULL },
    { OP_DELETE, "b", .canvas = "Plan # a channels 100,100 yellow '' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Delete Note", NULL },
    { OP_DELETE, "a", .canvas = "Plan # c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Delete Note", NULL },
    /* Back in its place in the stack, with everything it had. */
    { OP_UNDO, .canvas = "Plan # a channels 100,100 yellow '' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Delete Note", "Delete Note" },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 yellow '' | b channels 200,200 yellow 'Blog' relationship=self-service"
      " | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Tag Note", "Delete Note" },
    { OP_REDO, .canvas = "Plan # a channels 100,100 yellow '' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Delete Note", "Delete Note" },
  };

  ROWS (rows);
}

static void
test_history_commands (void)
{
  static const Row rows[] = {
    { OP_COLOR, "a", "blue", .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    { OP_MOVE, "a", "channels", 150, 160, "Plan # a channels 150,160 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_MOVE, "a", "customer-segments", 0, 0, "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_TAG, "c", "seo", VENTURE_TAG_STRATEGY, 0,
      "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads' strategy=seo",
      TRUE, FALSE, TRUE, "Tag Note", NULL },
    { OP_SEGMENTS, "c", "a", .canvas = "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads' strategy=seo segments=a",
      TRUE, FALSE, TRUE, "Link Segments", NULL },
    { OP_RESTACK, "c", NULL, 0, 0, "Plan # c channels 300,300 yellow 'Ads' strategy=seo segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, FALSE, TRUE, "Restack Note", NULL },
    { OP_TITLE, NULL, "Bike clinic", .canvas = "Bike clinic # c channels 300,300 yellow 'Ads' strategy=seo segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, FALSE, TRUE, "Rename Canvas", NULL },
    { OP_UNDO, .canvas = "Plan # c channels 300,300 yellow 'Ads' strategy=seo segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, TRUE, TRUE, "Restack Note", "Rename Canvas" },
    { OP_UNDO, .canvas = "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads' strategy=seo segments=a",
      TRUE, TRUE, TRUE, "Link Segments", "Restack Note" },
    { OP_UNDO, .canvas = "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads' strategy=seo",
      TRUE, TRUE, TRUE, "Tag Note", "Link Segments" },
    { OP_UNDO, .canvas = "Plan # a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Move Note", "Tag Note" },
    { OP_UNDO, .canvas = "Plan # a channels 150,160 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Move Note", "Move Note" },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Move Note" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Recolor Note" },
    /* Jumping forward redoes several steps at once. */
    { OP_JUMP, .a = 6, .canvas = "Plan # c channels 300,300 yellow 'Ads' strategy=seo segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, TRUE, TRUE, "Restack Note", "Rename Canvas" },
    { OP_REDO, .canvas = "Bike clinic # c channels 300,300 yellow 'Ads' strategy=seo segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, FALSE, TRUE, "Rename Canvas", NULL },
    /* Retagging and unlinking are steps too. */
    { OP_TAG, "c", NULL, VENTURE_TAG_STRATEGY, 0,
      "Bike clinic # c channels 300,300 yellow 'Ads' segments=a | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, FALSE, TRUE, "Tag Note", NULL },
    { OP_SEGMENTS, "c", NULL, .canvas = "Bike clinic # c channels 300,300 yellow 'Ads' | a customer-segments 0,0 blue '' | b channels 200,200 yellow 'Blog'",
      TRUE, FALSE, TRUE, "Link Segments", NULL },
    { OP_JUMP, .a = 0, .canvas = START, FALSE, TRUE, FALSE, NULL, "Recolor Note" },
  };

  ROWS (rows);
}

#define TEXT_STATE(t) "Plan # a channels 100,100 yellow '" t "' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'"

/* Typing is replayed one character at a time, as a text view would. */
static void
test_history_typing (void)
{
  static const Row rows[] = {
    { OP_TEXT, "a", "h", .canvas = TEXT_STATE ("h"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_TEXT, "a", "he", .canvas = TEXT_STATE ("he"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_TEXT, "a", "hel", .canvas = TEXT_STATE ("hel"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_TEXT, "a", "hello", .canvas = TEXT_STATE ("hello"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    /* A space after a word starts the next step... */
    { OP_TEXT, "a", "hello ", .canvas = TEXT_STATE ("hello "), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    /* ...and the word after it joins that step. */
    { OP_TEXT, "a", "hello w", .canvas = TEXT_STATE ("hello w"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_TEXT, "a", "hello wé", .canvas = TEXT_STATE ("hello wé"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_TEXT, "a", "hello wél", .canvas = TEXT_STATE ("hello wél"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    /* So two undos take the two words away. */
    { OP_UNDO, .canvas = TEXT_STATE ("hello"), TRUE, TRUE, TRUE, "Edit Note Text", "Edit Note Text" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Edit Note Text" },
    { OP_REDO, .canvas = TEXT_STATE ("hello"), TRUE, TRUE, TRUE, "Edit Note Text", "Edit Note Text" },
    /* Typing after an undo starts a fresh step and drops the redo side. */
    { OP_TEXT, "a", "hellos", .canvas = TEXT_STATE ("hellos"), TRUE, FALSE, TRUE, "Edit Note Text", NULL },
    { OP_UNDO, .canvas = TEXT_STATE ("hello"), TRUE, TRUE, TRUE, "Edit Note Text", "Edit Note Text" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Edit Note Text" },
  };

  ROWS (rows);
}

static void
test_history_typing_deletions (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  VentureNote *a = add_note (canvas, "a", "channels", 0, 0, "");
  VentureNote *b = add_note (canvas, "b", "channels", 0, 0, "");
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  static const char * const typed[] = {
    /* one step: a first word */
    "o", "on", "one",
    /* one step: " two" */
    "one ", "one t", "one tw", "one two",
    /* backspace: "two" goes in one step, the space before it in another */
    "one tw", "one t", "one ", "one",
    /* a forward delete at the start: "o", "n" */
    "ne", "e",
    /* replacing a selection: always its own step */
    "E",
    /* inserting elsewhere than the cursor: a new step */
    "xE",
  };
  static const guint expected_steps[] = {
    1, 1, 1,
    2, 2, 2, 2,
    3, 3, 3, 4,
    5, 5,
    6,
    7,
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("typed %s", typed[i]);
      venture_canvas_set_note_text (canvas, a, typed[i]);
      g_assert_cmpuint (venture_history_get_n_steps (history), ==, expected_steps[i]);
    }

  /* Typing in another note never joins. */
  venture_canvas_set_note_text (canvas, b, "x");
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 8);
  venture_canvas_set_note_text (canvas, a, "xEy");
  venture_canvas_set_note_text (canvas, a, "xEyz");
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 9);

  /* Saving seals the step: undo must land exactly on the saved text. */
  venture_history_mark_clean (history);
  venture_canvas_set_note_text (canvas, a, "xEyzw");
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 10);
  g_assert_true (venture_history_undo (history));
  g_assert_cmpstr (venture_note_get_text (a), ==, "xEyz");
  g_assert_false (venture_history_get_modified (history));

  /* Undo everything, step by step, and see each stop. */
  {
    static const char * const stops[] = {
      "xE", "xE", "E", "e", "one", "one ", "one two", "one", "",
    };

    for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
      {
        g_assert_true (venture_history_undo (history));
        g_assert_cmpstr (venture_note_get_text (a), ==, stops[i]);
      }
    g_assert_false (venture_history_undo (history));
    g_assert_cmpstr (venture_note_get_text (b), ==, "");
  }
}

static void
test_history_groups (void)
{
  static const Row rows[] = {
    { OP_BEGIN, NULL, NULL, .canvas = START, .inner = TRUE },
    { OP_DELETE, "a", .canvas = "Plan # b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_DELETE, "c", .canvas = "Plan # b channels 200,200 yellow 'Blog'", .inner = TRUE },
    { OP_DELETE, "b", .canvas = "Plan #", .inner = TRUE },
    { OP_END, .canvas = "Plan #", TRUE, FALSE, TRUE, "Delete 3 Notes", NULL },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Delete 3 Notes" },
    { OP_REDO, .canvas = "Plan #", TRUE, FALSE, TRUE, "Delete 3 Notes", NULL },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Delete 3 Notes" },
    /* Nested groups: the outermost label counts. */
    { OP_BEGIN, NULL, "Tidy Up", .canvas = START, .inner = TRUE },
    { OP_MOVE, "a", "channels", 0, 0, "Plan # a channels 0,0 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_BEGIN_KIND, .a = VENTURE_HISTORY_LABEL_RECOLOR,
      .canvas = "Plan # a channels 0,0 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_COLOR, "b", "red", .canvas = "Plan # a channels 0,0 yellow '' | b channels 200,200 red 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_END, .canvas = "Plan # a channels 0,0 yellow '' | b channels 200,200 red 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_TEXT, "c", "Ads!", .canvas = "Plan # a channels 0,0 yellow '' | b channels 200,200 red 'Blog' | c channels 300,300 yellow 'Ads!'", .inner = TRUE },
    { OP_END, .canvas = "Plan # a channels 0,0 yellow '' | b channels 200,200 red 'Blog' | c channels 300,300 yellow 'Ads!'",
      TRUE, FALSE, TRUE, "Tidy Up", NULL },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Tidy Up" },
    /* A group that records nothing is no step. */
    { OP_BEGIN_KIND, .a = VENTURE_HISTORY_LABEL_TIDY_BLOCK, .canvas = START, .inner = TRUE },
    { OP_END, .canvas = START, FALSE, TRUE, FALSE, NULL, "Tidy Up" },
    /* A drag: one step however far it goes. */
    { OP_BEGIN_KIND, .a = VENTURE_HISTORY_LABEL_MOVE, .canvas = START, .inner = TRUE },
    { OP_MOVE, "b", "channels", 210, 210, "Plan # a channels 100,100 yellow '' | b channels 210,210 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_MOVE, "b", "channels", 220, 220, "Plan # a channels 100,100 yellow '' | b channels 220,220 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_MOVE, "b", "revenue-streams", 5, 5, "Plan # a channels 100,100 yellow '' | b revenue-streams 5,5 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_END, .canvas = "Plan # a channels 100,100 yellow '' | b revenue-streams 5,5 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Move Note" },
    /* Derived labels count notes: a group recolouring two. */
    { OP_BEGIN, .canvas = START, .inner = TRUE },
    { OP_COLOR, "a", "red", .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'", .inner = TRUE },
    { OP_COLOR, "c", "red", .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 red 'Ads'", .inner = TRUE },
    { OP_END, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 red 'Ads'",
      TRUE, FALSE, TRUE, "Recolor 2 Notes", NULL },
  };

  ROWS (rows);
}

static void
test_history_clean_point (void)
{
  static const Row rows[] = {
    { OP_COLOR, "a", "red", .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    { OP_CLEAN, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, FALSE, "Recolor Note", NULL },
    { OP_COLOR, "a", "blue", .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    /* Undoing back to the saved state clears modified... */
    { OP_UNDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, FALSE, "Recolor Note", "Recolor Note" },
    /* ...undoing past it sets it again... */
    { OP_UNDO, .canvas = START, FALSE, TRUE, TRUE, NULL, "Recolor Note" },
    /* ...and redoing onto it clears it. */
    { OP_REDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, FALSE, "Recolor Note", "Recolor Note" },
    { OP_REDO, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    /* Saved with "blue"; undo, then a new edit drops the branch where the
     * saved state was: it can never be reached again. */
    { OP_CLEAN, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, FALSE, "Recolor Note", NULL },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Recolor Note" },
    { OP_COLOR, "a", "blue", .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Recolor Note" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, TRUE, NULL, "Recolor Note" },
    { OP_JUMP, .a = 2, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    /* A recovered draft: saved nowhere, whatever the position. */
    { OP_CLEAN, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, FALSE, "Recolor Note", NULL },
    { OP_MODIFIED, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Recolor Note" },
    { OP_REDO, .canvas = "Plan # a channels 100,100 blue '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
  };

  ROWS (rows);
}

static void
test_history_new_edit_clears_redo (void)
{
  static const Row rows[] = {
    { OP_COLOR, "a", "red", .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    { OP_MOVE, "a", "channels", 1, 2, "Plan # a channels 1,2 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_UNDO, .canvas = "Plan # a channels 100,100 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Move Note" },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Recolor Note" },
    { OP_TITLE, NULL, "Other", .canvas = "Other # a channels 100,100 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Rename Canvas", NULL },
    { OP_UNDO, .canvas = START, FALSE, TRUE, FALSE, NULL, "Rename Canvas" },
  };

  ROWS (rows);
}

static void
test_history_max_steps (void)
{
  static const Row rows[] = {
    { OP_MAX_STEPS, .a = 3, .canvas = START, FALSE, FALSE, FALSE, NULL, NULL },
    { OP_MOVE, "a", "channels", 1, 1, "Plan # a channels 1,1 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_MOVE, "a", "channels", 2, 2, "Plan # a channels 2,2 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Move Note", NULL },
    { OP_COLOR, "a", "red", .canvas = "Plan # a channels 2,2 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Recolor Note", NULL },
    /* The fourth step drops the first, and with it the way back to the
     * saved state. */
    { OP_TITLE, NULL, "T", .canvas = "T # a channels 2,2 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, FALSE, TRUE, "Rename Canvas", NULL },
    { OP_UNDO, .canvas = "Plan # a channels 2,2 red '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Recolor Note", "Rename Canvas" },
    { OP_UNDO, .canvas = "Plan # a channels 2,2 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Move Note", "Recolor Note" },
    { OP_UNDO, .canvas = "Plan # a channels 1,1 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      FALSE, TRUE, TRUE, NULL, "Move Note" },
    /* Lowering the cap with steps on both sides drops the oldest first. */
    { OP_REDO, .canvas = "Plan # a channels 2,2 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      TRUE, TRUE, TRUE, "Move Note", "Recolor Note" },
    { OP_MAX_STEPS, .a = 2, .canvas = "Plan # a channels 2,2 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      FALSE, TRUE, TRUE, NULL, "Recolor Note" },
    { OP_MAX_STEPS, .a = 1, .canvas = "Plan # a channels 2,2 yellow '' | b channels 200,200 yellow 'Blog' | c channels 300,300 yellow 'Ads'",
      FALSE, TRUE, TRUE, NULL, "Recolor Note" },
  };

  ROWS (rows);
}

static void
test_history_limits (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  VentureNote *note = add_note (canvas, "a", "channels", 0, 0, "");

  g_assert_cmpuint (venture_history_get_max_steps (history), ==, VENTURE_HISTORY_MAX_STEPS);
  g_assert_cmpuint (VENTURE_HISTORY_MAX_STEPS, >=, 100000);

  /* Unlimited up to the maximum: a thousand steps all stay. */
  for (int i = 1; i <= 1000; i++)
    venture_canvas_move_note (canvas, note, "channels", i % 1001, i % 7);
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 1001);
  g_assert_cmpstr (venture_history_get_step_label (history, 0), ==, "Add Note");
  g_assert_cmpint (venture_history_get_step_label_kind (history, 0), ==, VENTURE_HISTORY_LABEL_ADD);
  g_assert_cmpint (venture_history_get_step_label_kind (history, 1), ==, VENTURE_HISTORY_LABEL_MOVE);

  venture_history_clear (history);
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 0);
  g_assert_false (venture_history_get_modified (history));
  g_assert_false (venture_history_undo (history));
  g_assert_false (venture_history_redo (history));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Nothing applied by undo or redo is recorded, even by a handler that
 * reacts to the canvas while the history applies a step. */
static void
test_history_no_recording_while_applying (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  VentureNote *note = add_note (canvas, "a", "channels", 0, 0, "");
  guint steps_changed = 0;

  g_signal_connect_swapped (history, "steps-changed", G_CALLBACK (count_signal), &steps_changed);

  venture_canvas_set_note_color (canvas, note, "red");
  g_assert_cmpuint (steps_changed, ==, 1);
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 2);
  g_assert_true (venture_history_undo (history));
  g_assert_true (venture_history_undo (history));
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, 0);
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 2);
  g_assert_true (venture_history_redo (history));
  g_assert_true (venture_history_redo (history));
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 2);
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (venture_note_get_color (note), ==, "red");
  g_assert_cmpuint (steps_changed, ==, 5);
}

/* Randomised: seeded edit sequences with undo, redo, groups and a save
 * and reload of the history now and then. */

typedef struct {
  VentureCanvas  *canvas;
  VentureHistory *history;
} Session;

static void
session_clear (Session *session)
{
  g_clear_object (&session->history);
  g_clear_object (&session->canvas);
}

static const char * const blocks[] = { "channels", "key-partners", "customer-segments", "unsorted" };
static const char * const colors[] = { "yellow", "orange", "red", "blue", "green" };
static const char * const tags[][3] = {
  { "self-service", "community", "co-creation" },
  { "acquisition", "retention", "upselling" },
  { "seo", "cold-calling", "advertising" },
};
static const char * const words[] = { "bike", " ", "clinic", "é", "\n", "repair", "x" };

typedef enum {
  R_ADD, R_DELETE, R_TYPE, R_BACKSPACE, R_REPLACE, R_COLOR, R_MOVE, R_MOVE_BLOCK,
  R_TAG, R_SEGMENTS, R_RESTACK, R_TITLE, R_UNDO, R_REDO, R_JUMP, R_GROUP, N_R
} RandomOp;

/* One random edit, drawn once and applied to every session. */
typedef struct {
  RandomOp op;
  guint    note;       /* index of the note it applies to */
  guint    position;
  int      x, y;
  guint    kind;
  char    *string;
  char    *id;
  char   **strv;
} Edit;

static void
edit_clear (Edit *edit)
{
  g_free (edit->string);
  g_free (edit->id);
  g_strfreev (edit->strv);
}

static void
draw_edit (GRand         *rand,
           VentureCanvas *canvas,
           guint         *next_id,
           GPtrArray     *dead_ids,
           gboolean       in_group,
           Edit          *edit)
{
  guint n_notes = venture_canvas_get_n_notes (canvas);
  VentureNote *note;

  memset (edit, 0, sizeof *edit);
  edit->op = g_rand_int_range (rand, 0, in_group ? R_UNDO : N_R);
  /* Jumps far back, then an edit, throw most of the history away: keep
   * them rare so that histories grow long. */
  if (edit->op == R_JUMP && g_rand_int_range (rand, 0, 8) > 0)
    edit->op = R_TYPE;
  if (n_notes == 0 && edit->op != R_TITLE && edit->op < R_UNDO)
    edit->op = R_ADD;
  if (n_notes > 0)
    edit->note = g_rand_int_range (rand, 0, n_notes);
  note = n_notes > 0 ? venture_canvas_get_note (canvas, edit->note) : NULL;

  switch (edit->op)
    {
    case R_ADD:
      edit->position = g_rand_int_range (rand, 0, n_notes + 1);
      /* Now and then bring back the id of a deleted note: a new note, a
       * new object, the same id. */
      if (dead_ids->len > 0 && g_rand_boolean (rand))
        {
          guint k = g_rand_int_range (rand, 0, dead_ids->len);

          edit->id = g_strdup (g_ptr_array_index (dead_ids, k));
          if (venture_canvas_lookup_note (canvas, edit->id) != NULL)
            g_clear_pointer (&edit->id, g_free);
        }
      if (edit->id == NULL)
        edit->id = g_strdup_printf ("n-%x", (*next_id)++);
      edit->string = g_strdup (blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))]);
      edit->x = g_rand_int_range (rand, 0, 1001);
      edit->y = g_rand_int_range (rand, 0, 1001);
      break;
    case R_DELETE:
      g_ptr_array_add (dead_ids, g_strdup (venture_note_get_id (note)));
      break;
    case R_TYPE:
      {
        const char *text = venture_note_get_text (note);
        const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

        if (g_utf8_strlen (text, -1) > 200)
          edit->string = g_strdup ("");
        else
          edit->string = g_strconcat (text, word, NULL);
      }
      break;
    case R_BACKSPACE:
      {
        const char *text = venture_note_get_text (note);
        const char *end = text + strlen (text);

        edit->string = g_strndup (text, end > text ? g_utf8_prev_char (end) - text : 0);
      }
      break;
    case R_REPLACE:
      edit->string = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      break;
    case R_COLOR:
      edit->string = g_strdup (colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))]);
      break;
    case R_MOVE:
    case R_MOVE_BLOCK:
      edit->string = g_strdup (edit->op == R_MOVE ? venture_note_get_block (note)
                               : blocks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blocks))]);
      edit->x = g_rand_int_range (rand, 0, 1001);
      edit->y = g_rand_int_range (rand, 0, 1001);
      break;
    case R_TAG:
      edit->kind = g_rand_int_range (rand, 0, VENTURE_N_TAG_KINDS);
      if (g_rand_int_range (rand, 0, 4) > 0)
        edit->string = g_strdup (tags[edit->kind][g_rand_int_range (rand, 0, 3)]);
      break;
    case R_SEGMENTS:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        guint n = g_rand_int_range (rand, 0, 3);

        for (guint i = 0; i < n; i++)
          g_strv_builder_add (builder, venture_note_get_id (venture_canvas_get_note (canvas, g_rand_int_range (rand, 0, n_notes))));
        edit->strv = n > 0 ? g_strv_builder_end (builder) : NULL;
      }
      break;
    case R_RESTACK:
      edit->position = g_rand_int_range (rand, 0, n_notes);
      break;
    case R_TITLE:
      edit->string = g_strdup_printf ("Title %d", g_rand_int_range (rand, 0, 5));
      break;
    case R_JUMP:
      edit->position = g_rand_int (rand);
      break;
    case R_GROUP:
      edit->kind = g_rand_int_range (rand, 0, 3);
      edit->position = g_rand_int_range (rand, 1, 5);
      break;
    case R_UNDO:
    case R_REDO:
    default:
      break;
    }
}

static void
apply_edit (Session    *session,
            const Edit *edit)
{
  VentureCanvas *canvas = session->canvas;
  guint n_notes = venture_canvas_get_n_notes (canvas);
  VentureNote *note = n_notes > 0 ? venture_canvas_get_note (canvas, edit->note) : NULL;
  guint n_steps = venture_history_get_n_steps (session->history);

  switch (edit->op)
    {
    case R_ADD:
      {
        g_autoptr(VentureNote) added = venture_note_new (edit->id, edit->string);

        venture_note_set_position (added, edit->x, edit->y);
        venture_note_set_text (added, "new");
        venture_canvas_insert_note (canvas, added, edit->position);
      }
      break;
    case R_DELETE:
      venture_canvas_remove_note (canvas, note);
      break;
    case R_TYPE:
    case R_BACKSPACE:
    case R_REPLACE:
      venture_canvas_set_note_text (canvas, note, edit->string);
      break;
    case R_COLOR:
      venture_canvas_set_note_color (canvas, note, edit->string);
      break;
    case R_MOVE:
    case R_MOVE_BLOCK:
      venture_canvas_move_note (canvas, note, edit->string, edit->x, edit->y);
      break;
    case R_TAG:
      venture_canvas_set_note_tag (canvas, note, edit->kind, edit->string);
      break;
    case R_SEGMENTS:
      venture_canvas_set_note_segments (canvas, note, (const char * const *) edit->strv);
      break;
    case R_RESTACK:
      venture_canvas_restack_note (canvas, note, edit->position);
      break;
    case R_TITLE:
      venture_canvas_set_title (canvas, edit->string);
      break;
    case R_UNDO:
      venture_history_undo (session->history);
      break;
    case R_REDO:
      venture_history_redo (session->history);
      break;
    case R_JUMP:
      venture_history_jump (session->history, n_steps > 0 ? edit->position % (n_steps + 1) : 0);
      break;
    case R_GROUP:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_sessions_equal (Session *a,
                       Session *b)
{
  g_assert_true (venture_canvas_equal (a->canvas, b->canvas));
  g_assert_cmpuint (venture_history_get_n_undo (a->history), ==, venture_history_get_n_undo (b->history));
  g_assert_cmpuint (venture_history_get_n_redo (a->history), ==, venture_history_get_n_redo (b->history));
  g_assert_cmpint (venture_history_get_modified (a->history), ==, venture_history_get_modified (b->history));
  g_assert_cmpstr (venture_history_get_undo_label (a->history), ==, venture_history_get_undo_label (b->history));
  g_assert_cmpstr (venture_history_get_redo_label (a->history), ==, venture_history_get_redo_label (b->history));
}

/* Saves @from's history through JSON text and loads it into a fresh copy
 * of its canvas, as closing and reopening the file does. */
static void
reload (Session *from,
        Session *to)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Session fresh = { 0 };

  node = venture_history_file_serialize (from->history);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  fresh.canvas = venture_canvas_copy (from->canvas);
  fresh.history = venture_history_new (fresh.canvas);
  venture_history_file_deserialize (fresh.history, json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  session_clear (to);
  *to = fresh;
}

static void
test_history_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) dead_ids = g_ptr_array_new_with_free_func (g_free);
  guint next_id = 100;
  guint n_sequences = g_test_thorough () ? 400 : 40;
  guint n_reloads = 0;
  guint n_steps_total = 0;

  for (guint sequence = 0; sequence < n_sequences; sequence++)
    {
      Session main = { 0 };
      Session reloaded = { 0 };
      g_autoptr(VentureCanvas) initial = NULL;
      g_autoptr(VentureCanvas) final = NULL;
      /* The canvas at every position of the main history. */
      g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_edits = 500;

      main.canvas = venture_canvas_new (TEMPLATE);
      for (guint i = 0; i < 6; i++)
        {
          g_autofree char *id = g_strdup_printf ("n-%x", next_id++);

          add_note (main.canvas, id, blocks[i % G_N_ELEMENTS (blocks)], i * 100, 1000 - i * 100, "start");
        }
      initial = venture_canvas_copy (main.canvas);
      main.history = venture_history_new (main.canvas);
      g_ptr_array_add (states, venture_canvas_copy (main.canvas));
      reload (&main, &reloaded);

      for (guint i = 0; i < n_edits; i++)
        {
          Edit edit;
          guint before = venture_history_get_n_steps (main.history);
          guint position = venture_history_get_position (main.history);
          gboolean is_travel;

          draw_edit (rand, main.canvas, &next_id, dead_ids, FALSE, &edit);
          is_travel = edit.op == R_UNDO || edit.op == R_REDO || edit.op == R_JUMP;

          if (edit.op == R_GROUP)
            {
              static const char * const labels[] = { NULL, "Custom Label", NULL };

              if (edit.kind == 2)
                {
                  venture_history_begin_group_kind (main.history, VENTURE_HISTORY_LABEL_PASTE);
                  venture_history_begin_group_kind (reloaded.history, VENTURE_HISTORY_LABEL_PASTE);
                }
              else
                {
                  venture_history_begin_group (main.history, labels[edit.kind]);
                  venture_history_begin_group (reloaded.history, labels[edit.kind]);
                }
              for (guint k = 0; k < edit.position; k++)
                {
                  Edit inner;

                  draw_edit (rand, main.canvas, &next_id, dead_ids, TRUE, &inner);
                  apply_edit (&main, &inner);
                  apply_edit (&reloaded, &inner);
                  edit_clear (&inner);
                }
              venture_history_end_group (main.history);
              venture_history_end_group (reloaded.history);
            }
          else
            {
              apply_edit (&main, &edit);
              apply_edit (&reloaded, &edit);
            }
          edit_clear (&edit);

          /* Keep the expected states in step with the history: an edit
           * pushes a step (or typing joins the top one), unless it
           * changed nothing at all. */
          if (!is_travel &&
              !(venture_history_get_n_steps (main.history) == before &&
                venture_history_get_position (main.history) == position &&
                venture_canvas_equal (main.canvas, g_ptr_array_index (states, position))))
            {
              g_ptr_array_set_size (states, venture_history_get_position (main.history));
              g_ptr_array_add (states, venture_canvas_copy (main.canvas));
            }
          g_assert_cmpuint (states->len, ==, venture_history_get_n_steps (main.history) + 1);
          g_assert_true (venture_canvas_equal (main.canvas,
                                               g_ptr_array_index (states, venture_history_get_position (main.history))));

          assert_sessions_equal (&main, &reloaded);

          /* Save and reopen now and then: saving marks both clean. */
          if (g_rand_int_range (rand, 0, 40) == 0)
            {
              venture_history_mark_clean (main.history);
              venture_history_mark_clean (reloaded.history);
              reload (&reloaded, &reloaded);
              assert_sessions_equal (&main, &reloaded);
              n_reloads++;
            }
        }

      /* Redo everything: the final canvas; undo everything: the first. */
      venture_history_jump (main.history, venture_history_get_n_steps (main.history));
      venture_history_jump (reloaded.history, venture_history_get_n_steps (reloaded.history));
      final = venture_canvas_copy (main.canvas);
      assert_sessions_equal (&main, &reloaded);

      while (venture_history_undo (main.history))
        g_assert_true (venture_history_undo (reloaded.history));
      g_assert_false (venture_history_undo (reloaded.history));
      g_assert_true (venture_canvas_equal (main.canvas, initial));
      g_assert_true (venture_canvas_equal (reloaded.canvas, initial));

      while (venture_history_redo (main.history))
        g_assert_true (venture_history_redo (reloaded.history));
      g_assert_true (venture_canvas_equal (main.canvas, final));
      g_assert_true (venture_canvas_equal (reloaded.canvas, final));

      n_steps_total += venture_history_get_n_steps (main.history);
      session_clear (&main);
      session_clear (&reloaded);
    }

  g_test_message ("%u sequences, %u steps kept at the end, %u reloads",
                  n_sequences, n_steps_total, n_reloads);
  g_assert_cmpuint (n_reloads, >, n_sequences);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/history/add", test_history_add);
  g_test_add_func ("/venture/history/delete", test_history_delete);
  g_test_add_func ("/venture/history/commands", test_history_commands);
  g_test_add_func ("/venture/history/typing", test_history_typing);
  g_test_add_func ("/venture/history/typing-deletions", test_history_typing_deletions);
  g_test_add_func ("/venture/history/groups", test_history_groups);
  g_test_add_func ("/venture/history/clean-point", test_history_clean_point);
  g_test_add_func ("/venture/history/new-edit-clears-redo", test_history_new_edit_clears_redo);
  g_test_add_func ("/venture/history/max-steps", test_history_max_steps);
  g_test_add_func ("/venture/history/limits", test_history_limits);
  g_test_add_func ("/venture/history/no-recording-while-applying", test_history_no_recording_while_applying);
  g_test_add_func ("/venture/history/random", test_history_random);

  return g_test_run ();
}
