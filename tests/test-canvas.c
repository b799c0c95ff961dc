/* test-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas.h"
#include "venture-validate.h"

#define TEMPLATE "business-model-canvas"

typedef struct {
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

/* A canvas of three notes, and everything it emits, in order. */
typedef struct {
  VentureCanvas *canvas;
  VentureNote   *notes[3];   /* n-0, n-1, n-2, bottom to top */
  GPtrArray     *changes;    /* VentureChange copies */
  GArray        *items;      /* ItemsChanged */
  GString       *events;     /* "changed items notify:text ..." */
} Fixture;

/* During ::changed the canvas is already in the change's new state. */
static void
assert_in_new_state (VentureCanvas       *canvas,
                     const VentureChange *change)
{
  VentureNote *note = change->note;
  guint position;

  switch (change->kind)
    {
    case VENTURE_CHANGE_INSERT:
      g_assert_true (venture_canvas_get_note (canvas, change->new_position) == note);
      break;
    case VENTURE_CHANGE_REMOVE:
      g_assert_false (venture_canvas_find_note (canvas, note, NULL));
      g_assert_null (venture_canvas_lookup_note (canvas, venture_note_get_id (note)));
      break;
    case VENTURE_CHANGE_TEXT:
      g_assert_cmpstr (venture_note_get_text (note), ==, change->new_string);
      break;
    case VENTURE_CHANGE_COLOR:
      g_assert_cmpstr (venture_note_get_color (note), ==, change->new_string);
      break;
    case VENTURE_CHANGE_MOVE:
      g_assert_cmpstr (venture_note_get_block (note), ==, change->new_string);
      g_assert_cmpint (venture_note_get_x (note), ==, change->new_x);
      g_assert_cmpint (venture_note_get_y (note), ==, change->new_y);
      break;
    case VENTURE_CHANGE_TAG:
      g_assert_cmpstr (venture_note_get_tag (note, change->tag_kind), ==, change->new_string);
      break;
    case VENTURE_CHANGE_SEGMENTS:
      if (change->new_strv == NULL)
        g_assert_null (venture_note_get_segments (note));
      else
        g_assert_true (g_strv_equal (venture_note_get_segments (note),
                                     (const char * const *) change->new_strv));
      break;
    case VENTURE_CHANGE_RESTACK:
      g_assert_true (venture_canvas_find_note (canvas, note, &position));
      g_assert_cmpuint (position, ==, change->new_position);
      break;
    case VENTURE_CHANGE_TITLE:
      g_assert_null (note);
      g_assert_cmpstr (venture_canvas_get_title (canvas), ==, change->new_string);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_changed (VentureCanvas       *canvas,
            const VentureChange *change,
            Fixture             *fixture)
{
  assert_in_new_state (canvas, change);
  g_ptr_array_add (fixture->changes, venture_change_copy (change));
  g_string_append (fixture->events, "changed ");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  ItemsChanged items = { position, removed, added };

  /* The model is already in its new state. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, position + added);
  g_array_append_val (fixture->items, items);
  g_string_append (fixture->events, "items ");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  g_string_append_printf (fixture->events, "notify:%s ", pspec->name);
}

static void
fixture_clear_log (Fixture *fixture)
{
  g_ptr_array_set_size (fixture->changes, 0);
  g_array_set_size (fixture->items, 0);
  g_string_truncate (fixture->events, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->canvas = venture_canvas_new (TEMPLATE);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->notes); i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%u", i);

      fixture->notes[i] = venture_note_new (id, "channels");
      venture_canvas_append_note (fixture->canvas, fixture->notes[i]);
      g_signal_connect (fixture->notes[i], "notify", G_CALLBACK (on_notify), fixture);
    }

  fixture->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_change_free);
  fixture->items = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  fixture->events = g_string_new (NULL);
  g_signal_connect (fixture->canvas, "changed", G_CALLBACK (on_changed), fixture);
  g_signal_connect (fixture->canvas, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_signal_connect (fixture->canvas, "notify", G_CALLBACK (on_notify), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->notes); i++)
    {
      g_signal_handlers_disconnect_by_data (fixture->notes[i], fixture);
      g_clear_object (&fixture->notes[i]);
    }
  g_assert_finalize_object (fixture->canvas);
  g_ptr_array_unref (fixture->changes);
  g_array_unref (fixture->items);
  g_string_free (fixture->events, TRUE);
}

static const VentureChange *
only_change (Fixture *fixture)
{
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  return g_ptr_array_index (fixture->changes, 0);
}

static void
assert_items_changed (Fixture *fixture,
                      guint    position,
                      guint    removed,
                      guint    added)
{
  ItemsChanged *items;

  g_assert_cmpuint (fixture->items->len, ==, 1);
  items = &g_array_index (fixture->items, ItemsChanged, 0);
  g_assert_cmpuint (items->position, ==, position);
  g_assert_cmpuint (items->removed, ==, removed);
  g_assert_cmpuint (items->added, ==, added);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Splits "changed items notify:x notify:y" into the ordered signals and
 * the set of notifications, which GObject may emit in any order once
 * thawed but always last. */
static void
split_events (const char  *events,
              GString     *ordered,
              GPtrArray   *notified)
{
  g_auto(GStrv) tokens = g_strsplit (events, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (g_str_has_prefix (tokens[i], "notify:"))
        g_ptr_array_add (notified, g_strdup (tokens[i]));
      else
        {
          g_assert_cmpuint (notified->len, ==, 0);
          g_string_append_printf (ordered, "%s ", tokens[i]);
        }
    }
  g_ptr_array_sort (notified, compare_strings);
}

static void
assert_events (Fixture    *fixture,
               const char *expected)
{
  g_autoptr(GString) ordered = g_string_new (NULL);
  g_autoptr(GString) expected_ordered = g_string_new (NULL);
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected_notified = g_ptr_array_new_with_free_func (g_free);

  split_events (fixture->events->str, ordered, notified);
  split_events (expected, expected_ordered, expected_notified);
  g_assert_cmpstr (ordered->str, ==, expected_ordered->str);
  g_assert_cmpuint (notified->len, ==, expected_notified->len);
  for (guint i = 0; i < notified->len; i++)
    g_assert_cmpstr (g_ptr_array_index (notified, i), ==, g_ptr_array_index (expected_notified, i));
}

static void
assert_nothing_emitted (Fixture *fixture)
{
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (fixture->items->len, ==, 0);
  assert_events (fixture, "");
}

static void
assert_order (VentureCanvas *canvas,
              const char    *ids)
{
  g_auto(GStrv) expected = g_strsplit (ids, " ", -1);

  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, g_strv_length (expected));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (canvas)), ==, g_strv_length (expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      g_autoptr(VentureNote) item = g_list_model_get_item (G_LIST_MODEL (canvas), i);
      guint position = G_MAXUINT;

      g_assert_cmpstr (venture_note_get_id (note), ==, expected[i]);
      g_assert_true (item == note);
      g_assert_true (venture_canvas_lookup_note (canvas, expected[i]) == note);
      g_assert_true (venture_canvas_find_note (canvas, note, &position));
      g_assert_cmpuint (position, ==, i);
    }
}

static void
test_canvas_new (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) stranger = venture_note_new ("n-1", "channels");
  g_autofree char *template_id = NULL;
  guint position = 42;

  g_assert_true (G_IS_LIST_MODEL (canvas));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (canvas)) == VENTURE_TYPE_NOTE);
  g_assert_cmpstr (venture_canvas_get_template_id (canvas), ==, TEMPLATE);
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "");
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, 0);
  g_assert_null (venture_canvas_get_note (canvas, 0));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (canvas), 0));
  g_assert_null (venture_canvas_lookup_note (canvas, "n-1"));
  g_assert_false (venture_canvas_find_note (canvas, stranger, &position));
  g_assert_cmpuint (position, ==, 42);
  g_assert_null (venture_canvas_get_extra (canvas));

  g_object_get (canvas, "template-id", &template_id, NULL);
  g_assert_cmpstr (template_id, ==, TEMPLATE);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  g_assert_null (venture_canvas_new (""));
  g_test_assert_expected_messages ();
}

static void
test_canvas_title (Fixture       *fixture,
                   gconstpointer  data)
{
  const VentureChange *change;
  g_autofree char *title = NULL;

  venture_canvas_set_title (fixture->canvas, "Bike clinic");
  g_assert_cmpstr (venture_canvas_get_title (fixture->canvas), ==, "Bike clinic");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_TITLE);
  g_assert_null (change->note);
  g_assert_cmpstr (change->old_string, ==, "");
  g_assert_cmpstr (change->new_string, ==, "Bike clinic");
  assert_events (fixture, "changed notify:title ");
  g_assert_cmpuint (fixture->items->len, ==, 0);

  fixture_clear_log (fixture);
  venture_canvas_set_title (fixture->canvas, "Bike clinic");
  assert_nothing_emitted (fixture);

  /* The property is the same operation, for bindings. */
  g_object_set (fixture->canvas, "title", "Bike clinic 2", NULL);
  change = only_change (fixture);
  g_assert_cmpstr (change->old_string, ==, "Bike clinic");
  g_assert_cmpstr (change->new_string, ==, "Bike clinic 2");
  g_object_get (fixture->canvas, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Bike clinic 2");

  fixture_clear_log (fixture);
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_title*");
  venture_canvas_set_title (fixture->canvas, "\xff");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_title*");
  venture_canvas_set_title (fixture->canvas, NULL);
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
  g_assert_cmpstr (venture_canvas_get_title (fixture->canvas), ==, "Bike clinic 2");
}

static void
test_canvas_insert (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VentureNote) middle = venture_note_new ("n-mid", "channels");
  g_autoptr(VentureNote) bottom = venture_note_new ("n-bottom", "channels");
  g_autoptr(VentureNote) top = venture_note_new ("n-top", "channels");
  const VentureChange *change;

  venture_canvas_insert_note (fixture->canvas, middle, 1);
  assert_order (fixture->canvas, "n-0 n-mid n-1 n-2");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_INSERT);
  g_assert_true (change->note == middle);
  g_assert_cmpuint (change->new_position, ==, 1);
  g_assert_cmpuint (change->old_position, ==, 1);
  assert_items_changed (fixture, 1, 0, 1);
  assert_events (fixture, "changed items notify:n-notes ");

  fixture_clear_log (fixture);
  venture_canvas_insert_note (fixture->canvas, bottom, 0);
  assert_items_changed (fixture, 0, 0, 1);
  fixture_clear_log (fixture);
  venture_canvas_append_note (fixture->canvas, top);
  assert_items_changed (fixture, 5, 0, 1);
  g_assert_cmpuint (only_change (fixture)->new_position, ==, 5);
  assert_order (fixture->canvas, "n-bottom n-0 n-mid n-1 n-2 n-top");
  g_assert_cmpuint (G_OBJECT (top)->ref_count, ==, 3);
}

static void
test_canvas_insert_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VentureNote) twin = venture_note_new ("n-1", "customer-segments");
  g_autoptr(VentureNote) fine = venture_note_new ("n-fine", "channels");
  g_autoptr(VentureCanvas) other = venture_canvas_new (TEMPLATE);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*g_hash_table_contains*");
  venture_canvas_append_note (fixture->canvas, twin);
  g_test_assert_expected_messages ();

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*_venture_note_get_canvas*");
  venture_canvas_append_note (fixture->canvas, fixture->notes[0]);
  g_test_assert_expected_messages ();

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*_venture_note_get_canvas*");
  venture_canvas_append_note (other, fixture->notes[0]);
  g_test_assert_expected_messages ();

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*position <=*");
  venture_canvas_insert_note (fixture->canvas, fine, 4);
  g_test_assert_expected_messages ();

  assert_nothing_emitted (fixture);
  assert_order (fixture->canvas, "n-0 n-1 n-2");
  g_assert_cmpuint (venture_canvas_get_n_notes (other), ==, 0);
  g_assert_false (venture_canvas_find_note (fixture->canvas, twin, NULL));
}

static void
test_canvas_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  VentureNote *note = fixture->notes[1];
  const VentureChange *change;
  g_autoptr(VentureCanvas) other = venture_canvas_new (TEMPLATE);

  venture_canvas_remove_note (fixture->canvas, note);
  assert_order (fixture->canvas, "n-0 n-2");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_REMOVE);
  g_assert_true (change->note == note);
  g_assert_cmpuint (change->old_position, ==, 1);
  assert_items_changed (fixture, 1, 1, 0);
  assert_events (fixture, "changed items notify:n-notes ");
  g_assert_null (venture_canvas_lookup_note (fixture->canvas, "n-1"));
  g_assert_false (venture_canvas_find_note (fixture->canvas, note, NULL));

  /* Not held any more: removing again is a programmer error. */
  fixture_clear_log (fixture);
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
  venture_canvas_remove_note (fixture->canvas, note);
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);

  /* Free again: another canvas may take it, builders work. */
  venture_note_set_text (note, "free");
  venture_canvas_append_note (other, note);
  g_assert_true (venture_canvas_find_note (other, note, NULL));
  assert_events (fixture, "notify:text ");
}

static void
test_canvas_set_text (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureNote *note = fixture->notes[2];
  const VentureChange *change;
  g_autofree char *too_long = g_strnfill (VENTURE_NOTE_TEXT_MAX + 1, 'x');

  venture_canvas_set_note_text (fixture->canvas, note, "Repair clinics");
  g_assert_cmpstr (venture_note_get_text (note), ==, "Repair clinics");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_TEXT);
  g_assert_true (change->note == note);
  g_assert_cmpstr (change->old_string, ==, "");
  g_assert_cmpstr (change->new_string, ==, "Repair clinics");
  assert_events (fixture, "changed notify:text ");

  fixture_clear_log (fixture);
  venture_canvas_set_note_text (fixture->canvas, note, "Repair clinics");
  assert_nothing_emitted (fixture);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_text*");
  venture_canvas_set_note_text (fixture->canvas, note, too_long);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_text*");
  venture_canvas_set_note_text (fixture->canvas, note, "\xc0\x80");
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
  g_assert_cmpstr (venture_note_get_text (note), ==, "Repair clinics");
}

static void
test_canvas_set_color (Fixture       *fixture,
                       gconstpointer  data)
{
  VentureNote *note = fixture->notes[0];
  const VentureChange *change;

  venture_canvas_set_note_color (fixture->canvas, note, "blue");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_COLOR);
  g_assert_cmpstr (change->old_string, ==, "yellow");
  g_assert_cmpstr (change->new_string, ==, "blue");
  assert_events (fixture, "changed notify:color ");

  fixture_clear_log (fixture);
  venture_canvas_set_note_color (fixture->canvas, note, "blue");
  assert_nothing_emitted (fixture);

  /* Unknown colours are kept as given. */
  venture_canvas_set_note_color (fixture->canvas, note, "infrared");
  g_assert_cmpstr (venture_note_get_color (note), ==, "infrared");
  g_assert_cmpstr (only_change (fixture)->new_string, ==, "infrared");

  fixture_clear_log (fixture);
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  venture_canvas_set_note_color (fixture->canvas, note, NULL);
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
}

static void
test_canvas_move (Fixture       *fixture,
                  gconstpointer  data)
{
  VentureNote *note = fixture->notes[1];
  const VentureChange *change;

  venture_canvas_move_note (fixture->canvas, note, "customer-relationships", 1000, 0);
  g_assert_cmpstr (venture_note_get_block (note), ==, "customer-relationships");
  g_assert_cmpint (venture_note_get_x (note), ==, 1000);
  g_assert_cmpint (venture_note_get_y (note), ==, 0);
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_MOVE);
  g_assert_cmpstr (change->old_string, ==, "channels");
  g_assert_cmpint (change->old_x, ==, 0);
  g_assert_cmpint (change->old_y, ==, 0);
  g_assert_cmpstr (change->new_string, ==, "customer-relationships");
  g_assert_cmpint (change->new_x, ==, 1000);
  g_assert_cmpint (change->new_y, ==, 0);
  /* One step, one ::changed; each property notified once. */
  assert_events (fixture, "changed notify:block notify:x ");

  fixture_clear_log (fixture);
  venture_canvas_move_note (fixture->canvas, note, "customer-relationships", 1000, 0);
  assert_nothing_emitted (fixture);

  venture_canvas_move_note (fixture->canvas, note, "customer-relationships", 1000, 500);
  assert_events (fixture, "changed notify:y ");

  fixture_clear_log (fixture);
  venture_canvas_move_note (fixture->canvas, note, VENTURE_UNSORTED_BLOCK, 1000, 500);
  assert_events (fixture, "changed notify:block ");
  fixture_clear_log (fixture);
  venture_canvas_move_note (fixture->canvas, note, "a-block-of-the-future", 1000, 500);
  g_assert_cmpstr (venture_note_get_block (note), ==, "a-block-of-the-future");
  fixture_clear_log (fixture);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_position*");
  venture_canvas_move_note (fixture->canvas, note, "channels", 1001, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_position*");
  venture_canvas_move_note (fixture->canvas, note, "channels", 0, -1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  venture_canvas_move_note (fixture->canvas, note, "", 0, 0);
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
}

static void
test_canvas_tag (Fixture       *fixture,
                 gconstpointer  data)
{
  VentureNote *note = fixture->notes[0];
  const VentureChange *change;

  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, "acquisition");
  g_assert_cmpstr (venture_note_get_stage (note), ==, "acquisition");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_TAG);
  g_assert_cmpint (change->tag_kind, ==, VENTURE_TAG_STAGE);
  g_assert_null (change->old_string);
  g_assert_cmpstr (change->new_string, ==, "acquisition");
  assert_events (fixture, "changed notify:stage ");

  fixture_clear_log (fixture);
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, "acquisition");
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STRATEGY, NULL);
  assert_nothing_emitted (fixture);

  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STRATEGY, "seo");
  assert_events (fixture, "changed notify:strategy ");
  fixture_clear_log (fixture);
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_RELATIONSHIP, "mind-reading");
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "mind-reading");
  assert_events (fixture, "changed notify:relationship ");

  fixture_clear_log (fixture);
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, NULL);
  change = only_change (fixture);
  g_assert_cmpstr (change->old_string, ==, "acquisition");
  g_assert_null (change->new_string);
  g_assert_null (venture_note_get_stage (note));

  fixture_clear_log (fixture);
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_tag*");
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, "");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*VENTURE_N_TAG_KINDS*");
  venture_canvas_set_note_tag (fixture->canvas, note, 7, "seo");
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
}

static void
test_canvas_segments (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureNote *note = fixture->notes[0];
  const char *segments[] = { "n-1", "n-gone", NULL };
  const char *same[] = { "n-1", "n-gone", NULL };
  const char *empty[] = { NULL };
  const VentureChange *change;

  venture_canvas_set_note_segments (fixture->canvas, note, segments);
  g_assert_true (g_strv_equal (venture_note_get_segments (note), segments));
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_SEGMENTS);
  g_assert_null (change->old_strv);
  g_assert_true (g_strv_equal ((const char * const *) change->new_strv, segments));
  assert_events (fixture, "changed notify:segments ");

  fixture_clear_log (fixture);
  venture_canvas_set_note_segments (fixture->canvas, note, same);
  assert_nothing_emitted (fixture);

  venture_canvas_set_note_segments (fixture->canvas, note, empty);
  change = only_change (fixture);
  g_assert_true (g_strv_equal ((const char * const *) change->old_strv, segments));
  g_assert_null (change->new_strv);
  g_assert_null (venture_note_get_segments (note));

  fixture_clear_log (fixture);
  venture_canvas_set_note_segments (fixture->canvas, note, NULL);
  assert_nothing_emitted (fixture);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*validate_segments*");
  venture_canvas_set_note_segments (fixture->canvas, note, (const char *[]) { "\xff", NULL });
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
}

static void
test_canvas_restack (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VentureNote) n3 = venture_note_new ("n-3", "channels");
  g_autoptr(VentureNote) n4 = venture_note_new ("n-4", "channels");
  const VentureChange *change;

  venture_canvas_append_note (fixture->canvas, n3);
  venture_canvas_append_note (fixture->canvas, n4);
  fixture_clear_log (fixture);

  /* Up: n-1 to the top. */
  venture_canvas_restack_note (fixture->canvas, fixture->notes[1], 4);
  assert_order (fixture->canvas, "n-0 n-2 n-3 n-4 n-1");
  change = only_change (fixture);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_RESTACK);
  g_assert_true (change->note == fixture->notes[1]);
  g_assert_cmpuint (change->old_position, ==, 1);
  g_assert_cmpuint (change->new_position, ==, 4);
  assert_items_changed (fixture, 1, 4, 4);
  assert_events (fixture, "changed items ");

  /* Down: n-4 to the bottom. */
  fixture_clear_log (fixture);
  venture_canvas_restack_note (fixture->canvas, n4, 0);
  assert_order (fixture->canvas, "n-4 n-0 n-2 n-3 n-1");
  assert_items_changed (fixture, 0, 4, 4);

  /* By one. */
  fixture_clear_log (fixture);
  venture_canvas_restack_note (fixture->canvas, n3, 2);
  assert_order (fixture->canvas, "n-4 n-0 n-3 n-2 n-1");
  assert_items_changed (fixture, 2, 2, 2);

  fixture_clear_log (fixture);
  venture_canvas_restack_note (fixture->canvas, n3, 2);
  assert_nothing_emitted (fixture);

  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*position <*");
  venture_canvas_restack_note (fixture->canvas, n3, 5);
  g_test_assert_expected_messages ();
  assert_nothing_emitted (fixture);
}

/* A canvas in another's state, sharing no note with it, built by hand
 * to check venture_canvas_copy(). */
static VentureCanvas *
snapshot (VentureCanvas *canvas)
{
  VentureCanvas *copy = venture_canvas_new (venture_canvas_get_template_id (canvas));

  venture_canvas_set_title (copy, venture_canvas_get_title (canvas));
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      g_autoptr(VentureNote) note = venture_note_copy (venture_canvas_get_note (canvas, i), NULL);

      venture_canvas_append_note (copy, note);
    }

  return copy;
}

static void
assert_change_equal (const VentureChange *a,
                     const VentureChange *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_true (a->note == b->note);
  g_assert_cmpstr (a->old_string, ==, b->old_string);
  g_assert_cmpstr (a->new_string, ==, b->new_string);
  g_assert_true ((a->old_strv == NULL && b->old_strv == NULL) ||
                 (a->old_strv != NULL && b->old_strv != NULL &&
                  g_strv_equal ((const char * const *) a->old_strv,
                                (const char * const *) b->old_strv)));
  g_assert_true ((a->new_strv == NULL && b->new_strv == NULL) ||
                 (a->new_strv != NULL && b->new_strv != NULL &&
                  g_strv_equal ((const char * const *) a->new_strv,
                                (const char * const *) b->new_strv)));
  if (a->kind == VENTURE_CHANGE_TAG)
    g_assert_cmpint (a->tag_kind, ==, b->tag_kind);
  if (a->kind == VENTURE_CHANGE_MOVE)
    {
      g_assert_cmpint (a->old_x, ==, b->old_x);
      g_assert_cmpint (a->old_y, ==, b->old_y);
      g_assert_cmpint (a->new_x, ==, b->new_x);
      g_assert_cmpint (a->new_y, ==, b->new_y);
    }
  if (a->kind == VENTURE_CHANGE_INSERT || a->kind == VENTURE_CHANGE_RESTACK)
    g_assert_cmpuint (a->new_position, ==, b->new_position);
  if (a->kind == VENTURE_CHANGE_REMOVE || a->kind == VENTURE_CHANGE_RESTACK)
    g_assert_cmpuint (a->old_position, ==, b->old_position);
}

typedef void (*Operation) (Fixture *fixture);

static void
op_title (Fixture *fixture)
{
  venture_canvas_set_title (fixture->canvas, "Productivity service");
}

static void
op_insert (Fixture *fixture)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-new", "value-propositions");

  venture_note_set_text (note, "A productivity tool");
  venture_canvas_insert_note (fixture->canvas, note, 1);
}

static void
op_append (Fixture *fixture)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-new", "value-propositions");

  venture_canvas_append_note (fixture->canvas, note);
}

static void
op_remove_bottom (Fixture *fixture)
{
  venture_canvas_remove_note (fixture->canvas, fixture->notes[0]);
}

static void
op_remove_middle (Fixture *fixture)
{
  venture_canvas_remove_note (fixture->canvas, fixture->notes[1]);
}

static void
op_text (Fixture *fixture)
{
  venture_canvas_set_note_text (fixture->canvas, fixture->notes[1], "Blogging productivity tips");
}

static void
op_color (Fixture *fixture)
{
  venture_canvas_set_note_color (fixture->canvas, fixture->notes[1], "pink");
}

static void
op_move (Fixture *fixture)
{
  venture_canvas_move_note (fixture->canvas, fixture->notes[2], "customer-relationships", 120, 340);
}

static void
op_tag (Fixture *fixture)
{
  venture_canvas_set_note_tag (fixture->canvas, fixture->notes[2], VENTURE_TAG_STRATEGY,
                               "content-marketing");
}

static void
op_segments (Fixture *fixture)
{
  venture_canvas_set_note_segments (fixture->canvas, fixture->notes[2],
                                    (const char *[]) { "n-0", "n-1", NULL });
}

static void
op_restack_up (Fixture *fixture)
{
  venture_canvas_restack_note (fixture->canvas, fixture->notes[0], 2);
}

static void
op_restack_down (Fixture *fixture)
{
  venture_canvas_restack_note (fixture->canvas, fixture->notes[2], 1);
}

/* Every kind of change, both ways: the inverse restores the state before
 * exactly, re-applying restores the state after, and each emits the
 * change it applied. */
static void
test_canvas_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  Operation operation = (Operation) data;
  g_autoptr(VentureCanvas) before = NULL;
  g_autoptr(VentureCanvas) after = NULL;
  g_autoptr(VentureChange) change = NULL;
  g_autoptr(VentureChange) inverse = NULL;
  g_autoptr(VentureChange) twice = NULL;

  /* Something to change back to, on every field. */
  venture_canvas_set_note_text (fixture->canvas, fixture->notes[1], "Niche market");
  venture_canvas_set_note_tag (fixture->canvas, fixture->notes[2], VENTURE_TAG_STRATEGY, "seo");
  venture_canvas_set_note_segments (fixture->canvas, fixture->notes[2],
                                    (const char *[]) { "n-0", NULL });
  venture_canvas_move_note (fixture->canvas, fixture->notes[2], "channels", 5, 6);
  venture_canvas_set_title (fixture->canvas, "Before");
  fixture_clear_log (fixture);

  before = snapshot (fixture->canvas);
  operation (fixture);
  after = snapshot (fixture->canvas);
  g_assert_false (venture_canvas_equal (before, after));
  change = venture_change_copy (only_change (fixture));
  inverse = venture_change_invert (change);
  twice = venture_change_invert (inverse);
  assert_change_equal (twice, change);

  for (guint round = 0; round < 2; round++)
    {
      fixture_clear_log (fixture);
      venture_canvas_apply_change (fixture->canvas, inverse);
      g_assert_true (venture_canvas_equal (fixture->canvas, before));
      assert_change_equal (only_change (fixture), inverse);

      fixture_clear_log (fixture);
      venture_canvas_apply_change (fixture->canvas, change);
      g_assert_true (venture_canvas_equal (fixture->canvas, after));
      assert_change_equal (only_change (fixture), change);
    }

  /* Applying what is already there changes nothing, except for the list
   * operations, which would be programmer errors. */
  if (change->kind != VENTURE_CHANGE_INSERT && change->kind != VENTURE_CHANGE_REMOVE)
    {
      fixture_clear_log (fixture);
      venture_canvas_apply_change (fixture->canvas, change);
      assert_nothing_emitted (fixture);
    }
}

static void
test_canvas_copy (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VentureCanvas) copy = NULL;
  g_autoptr(VentureCanvas) by_hand = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonObject) inner = json_object_new ();
  VentureNote *note;
  guint position;

  json_object_set_object_member (extra, "future", g_steal_pointer (&inner));
  venture_canvas_set_extra (fixture->canvas, extra);
  venture_canvas_set_title (fixture->canvas, "Bike clinic");
  venture_canvas_set_note_text (fixture->canvas, fixture->notes[2], "Dedicated mechanic");
  venture_canvas_set_note_segments (fixture->canvas, fixture->notes[2],
                                    (const char *[]) { "n-0", NULL });
  fixture_clear_log (fixture);

  copy = venture_canvas_copy (fixture->canvas);
  by_hand = snapshot (fixture->canvas);
  assert_nothing_emitted (fixture);
  g_assert_true (venture_canvas_equal (copy, fixture->canvas));
  g_assert_true (venture_canvas_equal (copy, by_hand));
  assert_order (copy, "n-0 n-1 n-2");

  /* Shares nothing. */
  note = venture_canvas_lookup_note (copy, "n-2");
  g_assert_true (note != fixture->notes[2]);
  g_assert_true (venture_canvas_find_note (copy, note, &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (venture_canvas_find_note (fixture->canvas, note, NULL));
  g_assert_true (venture_canvas_get_extra (copy) != extra);
  g_assert_true (json_object_has_member (venture_canvas_get_extra (copy), "future"));
  g_assert_true (json_object_get_object_member (venture_canvas_get_extra (copy), "future") !=
                 json_object_get_object_member (extra, "future"));

  venture_canvas_set_note_text (copy, note, "Self-service clinics");
  venture_canvas_remove_note (copy, venture_canvas_get_note (copy, 0));
  assert_nothing_emitted (fixture);
  g_assert_cmpstr (venture_note_get_text (fixture->notes[2]), ==, "Dedicated mechanic");
  assert_order (fixture->canvas, "n-0 n-1 n-2");
}

/* Nobody listening to ::changed (a loader filling a canvas) takes another
 * path inside; the canvas and its signals must not differ. */
static void
test_canvas_unwatched (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) a = venture_note_new ("n-a", "channels");
  g_autoptr(VentureNote) b = venture_note_new ("n-b", "channels");
  g_autoptr(GString) events = g_string_new (NULL);
  Fixture fake = { .events = events };

  fake.items = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_signal_connect (canvas, "items-changed", G_CALLBACK (on_items_changed), &fake);
  g_signal_connect (a, "notify", G_CALLBACK (on_notify), &fake);

  venture_canvas_append_note (canvas, a);
  venture_canvas_insert_note (canvas, b, 0);
  assert_order (canvas, "n-b n-a");
  assert_events (&fake, "items items");

  g_string_truncate (events, 0);
  venture_canvas_set_title (canvas, "Quiet");
  venture_canvas_set_note_text (canvas, a, "text");
  venture_canvas_set_note_color (canvas, a, "red");
  assert_events (&fake, "notify:text notify:color");

  g_string_truncate (events, 0);
  venture_canvas_move_note (canvas, a, "customer-segments", 3, 4);
  assert_events (&fake, "notify:block notify:x notify:y");

  g_string_truncate (events, 0);
  venture_canvas_set_note_tag (canvas, a, VENTURE_TAG_STAGE, "retention");
  venture_canvas_set_note_segments (canvas, a, (const char *[]) { "n-b", NULL });
  assert_events (&fake, "notify:stage notify:segments");

  g_string_truncate (events, 0);
  venture_canvas_restack_note (canvas, a, 0);
  venture_canvas_restack_note (canvas, b, 0);
  venture_canvas_restack_note (canvas, b, 1);
  assert_order (canvas, "n-a n-b");
  venture_canvas_remove_note (canvas, b);
  assert_order (canvas, "n-a");
  assert_events (&fake, "items items items items");

  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "Quiet");
  g_assert_cmpstr (venture_note_get_text (a), ==, "text");
  g_assert_cmpstr (venture_note_get_color (a), ==, "red");
  g_assert_cmpstr (venture_note_get_block (a), ==, "customer-segments");
  g_assert_cmpint (venture_note_get_x (a), ==, 3);
  g_assert_cmpint (venture_note_get_y (a), ==, 4);
  g_assert_cmpstr (venture_note_get_stage (a), ==, "retention");
  g_assert_cmpstr (venture_note_get_segments (a)[0], ==, "n-b");

  g_signal_handlers_disconnect_by_data (a, &fake);
  g_array_unref (fake.items);
}

static void
test_canvas_not_held (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VentureNote) stranger = venture_note_new ("n-9", "channels");
  g_autoptr(VentureCanvas) other = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) elsewhere = venture_note_new ("n-0", "channels");
  g_autoptr(VentureChange) change = venture_change_new (VENTURE_CHANGE_TEXT, stranger);

  venture_canvas_append_note (other, elsewhere);

  /* A note of the same id in another canvas is not ours either. */
  for (guint i = 0; i < 2; i++)
    {
      VentureNote *note = i == 0 ? stranger : elsewhere;

      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_remove_note (fixture->canvas, note);
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_set_note_text (fixture->canvas, note, "x");
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_set_note_color (fixture->canvas, note, "red");
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_move_note (fixture->canvas, note, "channels", 1, 1);
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, "retention");
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_set_note_segments (fixture->canvas, note, NULL);
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
      venture_canvas_restack_note (fixture->canvas, note, 0);
      g_test_assert_expected_messages ();
    }

  change->new_string = g_strdup ("x");
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*holds*");
  venture_canvas_apply_change (fixture->canvas, change);
  g_test_assert_expected_messages ();

  assert_nothing_emitted (fixture);
  g_assert_cmpstr (venture_note_get_text (stranger), ==, "");
  g_assert_cmpstr (venture_note_get_text (elsewhere), ==, "");
}

static void
test_change_boxed (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  g_autoptr(VentureChange) change = venture_change_new (VENTURE_CHANGE_SEGMENTS, note);
  g_autoptr(VentureChange) copy = NULL;
  g_autoptr(VentureChange) inverse = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *old_strv[] = { "a", NULL };
  const char *new_strv[] = { "a", "b", NULL };

  g_assert_true (G_TYPE_IS_BOXED (VENTURE_TYPE_CHANGE));
  g_assert_cmpuint (G_OBJECT (note)->ref_count, ==, 2);
  g_assert_null (change->old_string);
  g_assert_null (change->old_strv);
  g_assert_cmpuint (change->old_position, ==, 0);

  change->old_strv = g_strdupv ((char **) old_strv);
  change->new_strv = g_strdupv ((char **) new_strv);
  copy = venture_change_copy (change);
  g_assert_true (copy->note == note);
  g_assert_cmpuint (G_OBJECT (note)->ref_count, ==, 3);
  g_assert_true (copy->new_strv != change->new_strv);
  g_assert_true (g_strv_equal ((const char * const *) copy->new_strv, new_strv));

  inverse = venture_change_invert (copy);
  g_assert_cmpint (inverse->kind, ==, VENTURE_CHANGE_SEGMENTS);
  g_assert_true (g_strv_equal ((const char * const *) inverse->old_strv, new_strv));
  g_assert_true (g_strv_equal ((const char * const *) inverse->new_strv, old_strv));

  g_value_init (&value, VENTURE_TYPE_CHANGE);
  g_value_set_boxed (&value, change);
  g_assert_true (g_value_get_boxed (&value) != change);
  g_assert_cmpint (((VentureChange *) g_value_get_boxed (&value))->kind, ==, VENTURE_CHANGE_SEGMENTS);
  g_value_unset (&value);

  g_clear_pointer (&copy, venture_change_free);
  g_clear_pointer (&inverse, venture_change_free);
  g_clear_pointer (&change, venture_change_free);
  g_assert_cmpuint (G_OBJECT (note)->ref_count, ==, 1);
  venture_change_free (NULL);

  /* TITLE alone has no note, and only it. */
  change = venture_change_new (VENTURE_CHANGE_TITLE, NULL);
  g_assert_null (change->note);
  g_test_expect_message ("venture-change", G_LOG_LEVEL_CRITICAL, "*kind == VENTURE_CHANGE_TITLE*");
  g_assert_null (venture_change_new (VENTURE_CHANGE_TEXT, NULL));
  g_test_assert_expected_messages ();
}

static void
meddle (VentureCanvas       *canvas,
        const VentureChange *change,
        gpointer             data)
{
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*in_changed*");
  venture_canvas_set_title (canvas, "meddling");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*in_changed*");
  venture_canvas_remove_note (canvas, venture_canvas_get_note (canvas, 0));
  g_test_assert_expected_messages ();
}

/* A ::changed handler changing the canvas would tell the watchers after
 * it of two changes in the wrong order. */
static void
test_canvas_no_change_in_changed (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_signal_connect (fixture->canvas, "changed", G_CALLBACK (meddle), NULL);

  venture_canvas_set_note_text (fixture->canvas, fixture->notes[0], "text");
  assert_events (fixture, "changed notify:text");
  g_assert_cmpstr (venture_canvas_get_title (fixture->canvas), ==, "");
  assert_order (fixture->canvas, "n-0 n-1 n-2");

  /* After the emission, operations work again. */
  g_signal_handlers_disconnect_by_func (fixture->canvas, meddle, NULL);
  venture_canvas_set_title (fixture->canvas, "fine");
  g_assert_cmpstr (venture_canvas_get_title (fixture->canvas), ==, "fine");
}

/* A list kept up to date from items-changed alone, the way a view does. */
static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
record_change (VentureCanvas       *canvas,
               const VentureChange *change,
               GPtrArray           *changes)
{
  assert_in_new_state (canvas, change);
  g_ptr_array_add (changes, venture_change_copy (change));
}

/* Random operations of every kind: a view following items-changed stays
 * equal to the canvas, and undoing every change in reverse order through
 * its inverse gives back the canvas of the start, redoing them the end. */
static void
test_canvas_random_walk (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) start = NULL;
  g_autoptr(VentureCanvas) end = NULL;
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_change_free);
  static const char *blocks[] = { "channels", "customer-segments", "unsorted", "future-block" };
  static const char *colors[] = { "yellow", "red", "blue", "ultraviolet" };
  static const char *tags[] = { NULL, "retention", "seo", "self-service", "unknown-tag" };
  gulong handler;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-start-%u", i);
      g_autoptr(VentureNote) note = venture_note_new (id, blocks[i % G_N_ELEMENTS (blocks)]);

      venture_canvas_append_note (canvas, note);
    }
  start = venture_canvas_copy (canvas);
  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    g_ptr_array_add (mirror, g_object_ref (venture_canvas_get_note (canvas, i)));

  g_signal_connect (canvas, "items-changed", G_CALLBACK (mirror_items_changed), mirror);
  handler = g_signal_connect (canvas, "changed", G_CALLBACK (record_change), changes);

  for (guint step = 0; step < 2000; step++)
    {
      guint n = venture_canvas_get_n_notes (canvas);
      VentureNote *note = n > 0 ? venture_canvas_get_note (canvas, g_test_rand_int_range (0, n)) : NULL;
      guint kind = note != NULL ? g_test_rand_int_range (0, 9) : 0;

      switch (kind)
        {
        case 0:
          {
            g_autofree char *id = venture_canvas_generate_note_id (canvas);
            g_autoptr(VentureNote) fresh = venture_note_new (id, "channels");

            venture_canvas_insert_note (canvas, fresh, g_test_rand_int_range (0, n + 1));
          }
          break;
        case 1:
          venture_canvas_remove_note (canvas, note);
          break;
        case 2:
          {
            g_autofree char *text = g_strdup_printf ("text %u", g_test_rand_int_range (0, 3));

            venture_canvas_set_note_text (canvas, note, text);
          }
          break;
        case 3:
          venture_canvas_set_note_color (canvas, note, colors[g_test_rand_int_range (0, 4)]);
          break;
        case 4:
          venture_canvas_move_note (canvas, note, blocks[g_test_rand_int_range (0, 4)],
                                    g_test_rand_int_range (0, 3) * 500,
                                    g_test_rand_int_range (0, 3) * 500);
          break;
        case 5:
          venture_canvas_set_note_tag (canvas, note, g_test_rand_int_range (0, VENTURE_N_TAG_KINDS),
                                       tags[g_test_rand_int_range (0, G_N_ELEMENTS (tags))]);
          break;
        case 6:
          {
            const char *segments[] = { venture_note_get_id (note), "n-elsewhere", NULL };

            venture_canvas_set_note_segments (canvas, note,
                                              g_test_rand_bit () ? segments : segments + 1);
          }
          break;
        case 7:
          venture_canvas_restack_note (canvas, note, g_test_rand_int_range (0, n));
          break;
        case 8:
          venture_canvas_set_title (canvas, g_test_rand_bit () ? "One" : "Two");
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_cmpuint (mirror->len, ==, venture_canvas_get_n_notes (canvas));
      for (guint i = 0; i < mirror->len; i++)
        g_assert_true (g_ptr_array_index (mirror, i) == venture_canvas_get_note (canvas, i));
    }

  end = venture_canvas_copy (canvas);
  g_test_message ("%u changes, %u notes at the end", changes->len, venture_canvas_get_n_notes (canvas));
  g_assert_cmpuint (changes->len, >, 1000);

  g_signal_handler_block (canvas, handler);
  for (guint i = changes->len; i > 0; i--)
    {
      g_autoptr(VentureChange) inverse = venture_change_invert (g_ptr_array_index (changes, i - 1));

      venture_canvas_apply_change (canvas, inverse);
    }
  g_assert_true (venture_canvas_equal (canvas, start));

  for (guint i = 0; i < changes->len; i++)
    venture_canvas_apply_change (canvas, g_ptr_array_index (changes, i));
  g_assert_true (venture_canvas_equal (canvas, end));

  g_assert_cmpuint (mirror->len, ==, venture_canvas_get_n_notes (canvas));
  for (guint i = 0; i < mirror->len; i++)
    g_assert_true (g_ptr_array_index (mirror, i) == venture_canvas_get_note (canvas, i));

  g_signal_handlers_disconnect_by_data (canvas, mirror);
}

static void
test_canvas_equal (void)
{
  g_autoptr(VentureCanvas) a = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) b = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) lean = venture_canvas_new ("lean-canvas");
  g_autoptr(VentureNote) a1 = venture_note_new ("n-1", "channels");
  g_autoptr(VentureNote) a2 = venture_note_new ("n-2", "channels");
  g_autoptr(VentureNote) b1 = venture_note_new ("n-1", "channels");
  g_autoptr(VentureNote) b2 = venture_note_new ("n-2", "channels");

  g_assert_true (venture_canvas_equal (a, b));
  g_assert_false (venture_canvas_equal (a, lean));

  venture_canvas_set_title (a, "A");
  g_assert_false (venture_canvas_equal (a, b));
  venture_canvas_set_title (b, "A");
  g_assert_true (venture_canvas_equal (a, b));

  venture_canvas_append_note (a, a1);
  g_assert_false (venture_canvas_equal (a, b));
  venture_canvas_append_note (a, a2);
  venture_canvas_append_note (b, b2);
  venture_canvas_append_note (b, b1);
  /* Same notes, other order. */
  g_assert_false (venture_canvas_equal (a, b));
  venture_canvas_restack_note (b, b1, 0);
  g_assert_true (venture_canvas_equal (a, b));

  venture_canvas_set_note_text (b, b2, "different");
  g_assert_false (venture_canvas_equal (a, b));
  venture_canvas_set_note_text (a, a2, "different");
  g_assert_true (venture_canvas_equal (a, b));
}

static void
test_canvas_generate_id (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = venture_canvas_generate_note_id (fixture->canvas);
      g_autoptr(VentureNote) note = NULL;

      g_assert_true (g_str_has_prefix (id, "n-"));
      g_assert_cmpuint (strlen (id), ==, 10);
      for (guint j = 2; j < 10; j++)
        g_assert_true (g_ascii_isxdigit (id[j]));
      g_assert_null (venture_canvas_lookup_note (fixture->canvas, id));

      note = venture_note_new (id, "channels");
      venture_canvas_append_note (fixture->canvas, note);
    }
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 103);
}

/* Undo of a removal puts back the very same object, which the board and
 * the history may still hold. */
static void
test_canvas_remove_reinsert_same (Fixture       *fixture,
                                  gconstpointer  data)
{
  VentureNote *note = fixture->notes[1];
  g_autoptr(VentureChange) inverse = NULL;

  venture_canvas_set_note_text (fixture->canvas, note, "kept");
  fixture_clear_log (fixture);
  venture_canvas_remove_note (fixture->canvas, note);
  inverse = venture_change_invert (only_change (fixture));
  g_assert_cmpint (inverse->kind, ==, VENTURE_CHANGE_INSERT);
  g_assert_cmpuint (inverse->new_position, ==, 1);

  fixture_clear_log (fixture);
  venture_canvas_apply_change (fixture->canvas, inverse);
  assert_order (fixture->canvas, "n-0 n-1 n-2");
  g_assert_true (venture_canvas_get_note (fixture->canvas, 1) == note);
  g_assert_cmpstr (venture_note_get_text (note), ==, "kept");
  assert_items_changed (fixture, 1, 0, 1);

  /* Held again: the builders refuse once more. */
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_text (note, "sneaky");
  g_test_assert_expected_messages ();
}

/* Notes outlive their canvas when something holds them, free again. */
static void
test_canvas_dispose_frees_notes (void)
{
  VentureCanvas *canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  g_autoptr(VentureCanvas) other = venture_canvas_new (TEMPLATE);

  venture_canvas_append_note (canvas, note);
  g_assert_finalize_object (canvas);
  g_assert_cmpuint (G_OBJECT (note)->ref_count, ==, 1);

  venture_note_set_text (note, "free");
  venture_canvas_append_note (other, note);
  g_assert_true (venture_canvas_lookup_note (other, "n-1") == note);
}

static void
test_canvas_extra (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) twin = venture_canvas_new (TEMPLATE);
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_string_member (extra, "future", "kept");
  venture_canvas_set_extra (canvas, extra);
  g_assert_true (venture_canvas_get_extra (canvas) == extra);
  /* Only carried through: not part of the canvas' equality. */
  g_assert_true (venture_canvas_equal (canvas, twin));
  venture_canvas_set_extra (canvas, NULL);
  g_assert_null (venture_canvas_get_extra (canvas));
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
count_change (VentureCanvas       *canvas,
              const VentureChange *change,
              guint               *n_changes)
{
  (*n_changes)++;
}

/* Issue 3's limit: 100,000 notes. Appending is O(1), lookup O(1);
 * inserting at the bottom, restacking and removing are O(n) each. */
static void
test_canvas_many_notes (void)
{
  const guint n = 100000;
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) bottom = venture_note_new ("bottom", "channels");
  guint n_changes = 0;
  gint64 start;
  VentureNote *note;
  guint position;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      char id[32];
      g_autoptr(VentureNote) fresh = NULL;

      g_snprintf (id, sizeof id, "n-%u", i);
      fresh = venture_note_new (id, "channels");
      venture_canvas_append_note (canvas, fresh);
    }
  g_test_message ("appending %u notes: %.1f ms", n, elapsed_ms (start));
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, n);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "n-%u", (i * 7919) % n);
      note = venture_canvas_lookup_note (canvas, id);
      g_assert_nonnull (note);
      g_assert_true (venture_canvas_find_note (canvas, note, &position));
      g_assert_cmpuint (position, ==, (i * 7919) % n);
    }
  g_test_message ("looking up %u notes: %.1f ms", n, elapsed_ms (start));

  /* Watched from here on, like the app does. */
  g_signal_connect (canvas, "changed", G_CALLBACK (count_change), &n_changes);

  start = g_get_monotonic_time ();
  venture_canvas_insert_note (canvas, bottom, 0);
  g_assert_true (venture_canvas_find_note (canvas, venture_canvas_lookup_note (canvas, "n-99999"),
                                           &position));
  g_assert_cmpuint (position, ==, n);
  venture_canvas_restack_note (canvas, bottom, n);
  g_assert_true (venture_canvas_get_note (canvas, n) == bottom);
  venture_canvas_remove_note (canvas, venture_canvas_get_note (canvas, 0));
  g_assert_true (venture_canvas_find_note (canvas, bottom, &position));
  g_assert_cmpuint (position, ==, n - 1);
  g_test_message ("insert, restack and remove at the ends of %u notes: %.3f ms",
                  n, elapsed_ms (start));
  g_assert_cmpuint (n_changes, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    Operation   operation;
  } operations[] = {
    { "title", op_title },
    { "insert", op_insert },
    { "append", op_append },
    { "remove-bottom", op_remove_bottom },
    { "remove-middle", op_remove_middle },
    { "text", op_text },
    { "color", op_color },
    { "move", op_move },
    { "tag", op_tag },
    { "segments", op_segments },
    { "restack-up", op_restack_up },
    { "restack-down", op_restack_down },
  };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/venture/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/venture/canvas/new", test_canvas_new);
  ADD ("title", test_canvas_title);
  ADD ("insert", test_canvas_insert);
  ADD ("insert-refused", test_canvas_insert_refused);
  ADD ("remove", test_canvas_remove);
  ADD ("set-text", test_canvas_set_text);
  ADD ("set-color", test_canvas_set_color);
  ADD ("move", test_canvas_move);
  ADD ("tag", test_canvas_tag);
  ADD ("segments", test_canvas_segments);
  ADD ("restack", test_canvas_restack);
  ADD ("generate-id", test_canvas_generate_id);
  ADD ("remove-reinsert-same", test_canvas_remove_reinsert_same);
  ADD ("copy", test_canvas_copy);
  ADD ("not-held", test_canvas_not_held);
  ADD ("no-change-in-changed", test_canvas_no_change_in_changed);
  g_test_add_func ("/venture/canvas/unwatched", test_canvas_unwatched);
  g_test_add_func ("/venture/change/boxed", test_change_boxed);
  g_test_add_func ("/venture/canvas/random-walk", test_canvas_random_walk);
  g_test_add_func ("/venture/canvas/equal", test_canvas_equal);
  g_test_add_func ("/venture/canvas/dispose-frees-notes", test_canvas_dispose_frees_notes);
  g_test_add_func ("/venture/canvas/extra", test_canvas_extra);
  g_test_add_func ("/venture/canvas/many-notes", test_canvas_many_notes);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/venture/canvas/round-trip/%s", operations[i].name);

      g_test_add (path, Fixture, operations[i].operation,
                  fixture_set_up, test_canvas_round_trip, fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}
