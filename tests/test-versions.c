/* test-versions.c: named versions of a canvas, their file format, and
 * comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas-file.h"
#include "venture-comparison.h"
#include "venture-history-file.h"
#include "venture-validate.h"
#include "venture-version.h"

#define TEMPLATE "business-model-canvas"

static GBytes *
read_test_file (const char *kind,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", kind, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static VentureCanvas *
load_good (const char *name)
{
  g_autoptr(GBytes) bytes = read_test_file ("good", name);
  g_autoptr(GError) error = NULL;
  VentureCanvas *canvas;

  canvas = venture_canvas_file_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (canvas);

  return canvas;
}

static VentureCanvas *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return venture_canvas_file_load_bytes (bytes, "test.json", NULL, error);
}

static VentureNote *
make_note (const char *id,
           const char *block,
           const char *text)
{
  VentureNote *note = venture_note_new (id, block);

  venture_note_set_text (note, text);
  venture_note_set_position (note, 100, 200);

  return note;
}

static void
add_note (VentureCanvas *canvas,
          const char    *id,
          const char    *block,
          const char    *text)
{
  g_autoptr(VentureNote) note = make_note (id, block, text);

  venture_canvas_append_note (canvas, note);
}

/* Every ::changed, copied, in order. */
static void
record_change (VentureCanvas       *canvas,
               const VentureChange *change,
               GPtrArray           *changes)
{
  g_ptr_array_add (changes, venture_change_copy (change));
}

static GPtrArray *
watch (VentureCanvas *canvas)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_change_free);

  g_signal_connect (canvas, "changed", G_CALLBACK (record_change), changes);

  return changes;
}

static void
unwatch (VentureCanvas *canvas,
         GPtrArray     *changes)
{
  g_signal_handlers_disconnect_by_func (canvas, record_change, changes);
}

/* What the history does to undo: the inverses, newest first. */
static void
undo_all (VentureCanvas *canvas,
          GPtrArray     *changes)
{
  for (guint i = changes->len; i > 0; i--)
    {
      g_autoptr(VentureChange) inverse = venture_change_invert (g_ptr_array_index (changes, i - 1));

      venture_canvas_apply_change (canvas, inverse);
    }
}

static void
redo_all (VentureCanvas *canvas,
          GPtrArray     *changes)
{
  for (guint i = 0; i < changes->len; i++)
    venture_canvas_apply_change (canvas, g_ptr_array_index (changes, i));
}

static void
test_save (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  VentureVersion *version;
  VentureCanvas *snapshot;
  VentureChange *change;

  venture_canvas_set_title (canvas, "Bike clinic");
  add_note (canvas, "n-1", "customer-relationships", "Dedicated mechanic");
  add_note (canvas, "n-2", "channels", "Travelling van");

  changes = watch (canvas);
  version = venture_canvas_save_version (canvas, "Before feedback", &error);
  end = g_date_time_new_now_utc ();
  g_assert_no_error (error);
  g_assert_true (VENTURE_IS_VERSION (version));

  g_assert_cmpstr (venture_version_get_name (version), ==, "Before feedback");
  /* Made now, in UTC, to the second. */
  g_assert_cmpint (g_date_time_get_utc_offset (venture_version_get_created (version)), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (venture_version_get_created (version)), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (venture_version_get_created (version)), >=, g_date_time_to_unix (start));
  g_assert_cmpint (g_date_time_to_unix (venture_version_get_created (version)), <=, g_date_time_to_unix (end));

  /* A copy, not the canvas: later edits leave it as it was. */
  snapshot = venture_version_get_canvas (version);
  g_assert_true (snapshot != canvas);
  g_assert_true (venture_canvas_equal (snapshot, canvas));
  venture_canvas_set_note_text (canvas, venture_canvas_lookup_note (canvas, "n-1"), "Self-service clinics");
  venture_canvas_set_title (canvas, "Bike clinic 2");
  g_assert_cmpstr (venture_note_get_text (venture_canvas_lookup_note (snapshot, "n-1")), ==, "Dedicated mechanic");
  g_assert_cmpstr (venture_canvas_get_title (snapshot), ==, "Bike clinic");
  g_assert_cmpuint (venture_canvas_get_n_versions (snapshot), ==, 0);

  /* One observable change: the history records it like any edit. */
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_ADD_VERSION);
  g_assert_true (change->version == version);
  g_assert_null (change->note);
  g_assert_cmpuint (change->new_position, ==, 0);

  unwatch (canvas, changes);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static void
test_list (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  const char *names[] = { "First", "Second", "Third" };
  guint notified = 0;

  g_signal_connect (canvas, "notify::n-versions", G_CALLBACK (count_notify), &notified);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_versions = 0;

      add_note (canvas, names[i], "channels", names[i]);
      g_assert_nonnull (venture_canvas_save_version (canvas, names[i], &error));
      g_assert_no_error (error);
      g_object_get (canvas, "n-versions", &n_versions, NULL);
      g_assert_cmpuint (n_versions, ==, i + 1);
      g_assert_cmpuint (notified, ==, i + 1);
    }

  /* Oldest first, each with the notes of its moment. */
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      VentureVersion *version = venture_canvas_get_version (canvas, i);

      g_assert_cmpstr (venture_version_get_name (version), ==, names[i]);
      g_assert_true (venture_canvas_lookup_version (canvas, names[i]) == version);
      g_assert_cmpuint (venture_canvas_get_n_notes (venture_version_get_canvas (version)), ==, i + 1);
    }
  g_assert_null (venture_canvas_get_version (canvas, 3));
  g_assert_null (venture_canvas_lookup_version (canvas, "first"));
  g_signal_handlers_disconnect_by_func (canvas, count_notify, &notified);
}

static void
test_unique_names (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(GError) duplicate = NULL;
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) blank = NULL;
  g_autoptr(GError) too_long = NULL;
  g_autoptr(GError) not_utf8 = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *long_name = g_strnfill (VENTURE_VERSION_NAME_MAX + 1, 'a');
  g_autofree char *longest = g_strnfill (VENTURE_VERSION_NAME_MAX, 'a');

  g_assert_nonnull (venture_canvas_save_version (canvas, "Before feedback", NULL));

  changes = watch (canvas);
  g_assert_null (venture_canvas_save_version (canvas, "Before feedback", &duplicate));
  g_assert_error (duplicate, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_DUPLICATE_NAME);
  g_assert_nonnull (strstr (duplicate->message, "“Before feedback”"));

  g_assert_null (venture_canvas_save_version (canvas, "", &empty));
  g_assert_error (empty, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME);
  g_assert_null (venture_canvas_save_version (canvas, " \t\n", &blank));
  g_assert_error (blank, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME);
  g_assert_null (venture_canvas_save_version (canvas, long_name, &too_long));
  g_assert_error (too_long, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME);
  g_assert_null (venture_canvas_save_version (canvas, "\xff", &not_utf8));
  g_assert_error (not_utf8, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME);

  /* Refused means untouched: no change to record. */
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);

  /* Names differ by case or spaces: those are other names. */
  g_assert_nonnull (venture_canvas_save_version (canvas, "before feedback", NULL));
  g_assert_nonnull (venture_canvas_save_version (canvas, "Before feedback ", NULL));
  g_assert_nonnull (venture_canvas_save_version (canvas, longest, NULL));
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 4);

  unwatch (canvas, changes);
}

static void
test_delete (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureVersion) second = NULL;
  VentureChange *change;

  venture_canvas_save_version (canvas, "First", NULL);
  second = g_object_ref (venture_canvas_save_version (canvas, "Second", NULL));
  venture_canvas_save_version (canvas, "Third", NULL);

  changes = watch (canvas);
  g_assert_true (venture_canvas_delete_version (canvas, "Second", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 2);
  g_assert_null (venture_canvas_lookup_version (canvas, "Second"));
  g_assert_cmpstr (venture_version_get_name (venture_canvas_get_version (canvas, 1)), ==, "Third");

  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, VENTURE_CHANGE_REMOVE_VERSION);
  g_assert_true (change->version == second);
  g_assert_cmpuint (change->old_position, ==, 1);

  g_assert_false (venture_canvas_delete_version (canvas, "Second", &error));
  g_assert_error (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_NOT_FOUND);
  g_assert_cmpuint (changes->len, ==, 1);

  /* The name is free again. */
  g_assert_nonnull (venture_canvas_save_version (canvas, "Second", NULL));
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 3);

  unwatch (canvas, changes);
}

/* Saving and deleting go back and forth through the recorded changes,
 * the way the history undoes and redoes them: the very same version
 * object comes back, at its place. */
static void
test_undo_save_delete (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(GPtrArray) changes = NULL;
  VentureVersion *first, *second;

  add_note (canvas, "n-1", "channels", "Van");
  first = venture_canvas_save_version (canvas, "First", NULL);
  changes = watch (canvas);
  second = venture_canvas_save_version (canvas, "Second", NULL);
  venture_canvas_delete_version (canvas, "First", NULL);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  unwatch (canvas, changes);

  undo_all (canvas, changes);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  g_assert_true (venture_canvas_get_version (canvas, 0) == first);
  g_assert_null (venture_canvas_lookup_version (canvas, "Second"));

  redo_all (canvas, changes);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  g_assert_true (venture_canvas_get_version (canvas, 0) == second);

  /* Versions are not content: the notes never moved. */
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, 1);
}

static void
test_change_copy_invert (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) snapshot = venture_canvas_new (TEMPLATE);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) version = venture_version_new ("V", now, snapshot);
  g_autoptr(VentureChange) change = NULL;
  g_autoptr(VentureChange) copy = NULL;
  g_autoptr(VentureChange) inverse = NULL;

  change = venture_change_new_for_version (VENTURE_CHANGE_ADD_VERSION, version);
  change->new_position = 0;
  copy = venture_change_copy (change);
  g_assert_true (copy->version == version);
  inverse = venture_change_invert (change);
  g_assert_cmpint (inverse->kind, ==, VENTURE_CHANGE_REMOVE_VERSION);
  g_assert_true (inverse->version == version);

  venture_canvas_apply_change (canvas, copy);
  g_assert_true (venture_canvas_get_version (canvas, 0) == version);
  venture_canvas_apply_change (canvas, inverse);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 0);

  /* A version kind without a version, or with a note, is a bug. */
  if (g_test_undefined ())
    {
      g_autoptr(VentureNote) note = make_note ("n-1", "channels", "");

      g_test_expect_message ("venture-change", G_LOG_LEVEL_CRITICAL, "*kind == VENTURE_CHANGE_TITLE*");
      g_assert_null (venture_change_new (VENTURE_CHANGE_ADD_VERSION, note));
      g_test_assert_expected_messages ();
      g_test_expect_message ("venture-change", G_LOG_LEVEL_CRITICAL, "*VENTURE_IS_VERSION*");
      g_assert_null (venture_change_new_for_version (VENTURE_CHANGE_REMOVE_VERSION, NULL));
      g_test_assert_expected_messages ();
      /* Names are unique in a canvas. */
      venture_canvas_insert_version (canvas, version, 0);
      g_test_expect_message ("venture-canvas", G_LOG_LEVEL_CRITICAL, "*contains*");
      venture_canvas_insert_version (canvas, version, 1);
      g_test_assert_expected_messages ();
      g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
    }
}

/* The bike-repair canvases of the domain brief: "before" a dedicated
 * mechanic and a long-term relationship, "after" self-service clinics. */
static void
test_restore (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(VentureCanvas) before_copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  g_autoptr(GPtrArray) changes = NULL;
  VentureVersion *before;
  VentureNote *van;

  before = venture_canvas_save_version (canvas, "Before feedback", NULL);
  before_copy = venture_canvas_copy (canvas);
  van = venture_canvas_lookup_note (canvas, "n-5");

  /* Into "after": notes removed, added, changed and restacked. */
  changes = watch (canvas);
  venture_canvas_restore_version (canvas, after_version);
  g_assert_true (venture_canvas_equal (canvas, after));
  /* Notes the snapshot shares are kept as objects, not replaced. */
  g_assert_true (venture_canvas_lookup_note (canvas, "n-5") == van);
  /* Versions are not content. */
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  unwatch (canvas, changes);

  /* Undoing every change gives back the state before, exactly. */
  undo_all (canvas, changes);
  g_assert_true (venture_canvas_equal (canvas, before_copy));
  redo_all (canvas, changes);
  g_assert_true (venture_canvas_equal (canvas, after));

  /* And back to the saved version. */
  venture_canvas_restore_version (canvas, before);
  g_assert_true (venture_canvas_equal (canvas, venture_version_get_canvas (before)));
  g_assert_true (venture_canvas_equal (canvas, before_copy));
  g_assert_true (venture_canvas_lookup_note (canvas, "n-5") == van);

  /* Restoring the state the canvas is in changes nothing at all. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = watch (canvas);
  venture_canvas_restore_version (canvas, before);
  g_assert_cmpuint (changes->len, ==, 0);
  unwatch (canvas, changes);
}

/* Restacking alone, and a note whose unknown members differ. */
static void
test_restore_order_and_extra (void)
{
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(VentureCanvas) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  VentureVersion *version;
  VentureNote *note;

  canvas = load_string ("{\"format\": \"venture-canvas\", \"version\": 1, \"template\": \"" TEMPLATE "\","
                        " \"notes\": [{\"id\": \"a\", \"block\": \"channels\", \"x\": 1, \"y\": 1, \"pin\": true},"
                        "             {\"id\": \"b\", \"block\": \"channels\", \"x\": 1, \"y\": 1},"
                        "             {\"id\": \"c\", \"block\": \"channels\", \"x\": 1, \"y\": 1}],"
                        " \"versions\": [{\"name\": \"Old\", \"created\": \"2026-01-01T00:00:00Z\","
                        "   \"notes\": [{\"id\": \"c\", \"block\": \"channels\", \"x\": 1, \"y\": 1},"
                        "               {\"id\": \"a\", \"block\": \"channels\", \"x\": 1, \"y\": 1, \"pin\": false},"
                        "               {\"id\": \"b\", \"block\": \"channels\", \"x\": 1, \"y\": 1}]}]}",
                        &error);
  g_assert_no_error (error);
  version = venture_canvas_lookup_version (canvas, "Old");
  copy = venture_canvas_copy (canvas);

  changes = watch (canvas);
  venture_canvas_restore_version (canvas, version);
  unwatch (canvas, changes);
  g_assert_true (venture_canvas_equal (canvas, venture_version_get_canvas (version)));
  note = venture_canvas_lookup_note (canvas, "a");
  g_assert_false (json_object_get_boolean_member (venture_note_get_extra (note), "pin"));

  undo_all (canvas, changes);
  g_assert_true (venture_canvas_equal (canvas, copy));
}

static void
assert_versions_equal (VentureCanvas *a,
                       VentureCanvas *b)
{
  g_assert_cmpuint (venture_canvas_get_n_versions (a), ==, venture_canvas_get_n_versions (b));
  for (guint i = 0; i < venture_canvas_get_n_versions (a); i++)
    {
      VentureVersion *va = venture_canvas_get_version (a, i);
      VentureVersion *vb = venture_canvas_get_version (b, i);

      g_assert_cmpstr (venture_version_get_name (va), ==, venture_version_get_name (vb));
      g_assert_true (g_date_time_equal (venture_version_get_created (va), venture_version_get_created (vb)));
      g_assert_true (venture_canvas_equal (venture_version_get_canvas (va), venture_version_get_canvas (vb)));
    }
}

/* Versions made in the app survive a save and a load, and the second
 * save is byte for byte the first. */
static void
test_persistence (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  VentureVersion *version;

  g_assert_nonnull (venture_canvas_save_version (canvas, "Before feedback", NULL));
  venture_canvas_restore_version (canvas, after_version);
  g_assert_nonnull (venture_canvas_save_version (canvas, "After “feedback”\n✓", NULL));

  saved = venture_canvas_file_to_bytes (canvas, NULL);
  loaded = venture_canvas_file_load_bytes (saved, "saved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (venture_canvas_equal (canvas, loaded));
  assert_versions_equal (canvas, loaded);

  saved_again = venture_canvas_file_to_bytes (loaded, NULL);
  g_assert_cmpmem (g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again),
                   g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

  /* The example file: the version is read as written. */
  g_clear_object (&loaded);
  loaded = load_good ("bike-repair.json");
  version = venture_canvas_lookup_version (loaded, "Before feedback");
  g_assert_nonnull (version);
  {
    g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 3, 1, 9, 30, 0);

    g_assert_true (g_date_time_equal (venture_version_get_created (version), expected));
  }
  g_assert_cmpstr (venture_canvas_get_title (venture_version_get_canvas (version)), ==, "Bike clinic");
  g_assert_cmpuint (venture_canvas_get_n_notes (venture_version_get_canvas (version)), ==, 6);
  {
    g_autoptr(VentureCanvas) before = load_good ("bike-repair-before.json");

    g_assert_true (venture_canvas_equal (venture_version_get_canvas (version), before));
  }
}

/* Unknown members inside a version come back; dates are written in UTC;
 * title and notes may be missing; no versions writes no member. */
static void
test_file_details (void)
{
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(VentureCanvas) plain = venture_canvas_new (TEMPLATE);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) plain_saved = NULL;
  g_autoptr(GError) error = NULL;
  VentureVersion *version;
  const char *data;

  canvas = load_string ("{\"format\": \"venture-canvas\", \"version\": 1, \"template\": \"" TEMPLATE "\","
                        " \"versions\": [{\"x-tag\": [1, 2], \"name\": \"Paris\", \"created\": \"2026-03-01T10:30:00+01:00\"},"
                        "                {\"name\": \"Late\", \"created\": \"2026-03-01T23:59:59.75Z\", \"title\": \"T\"}]}",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 2);
  version = venture_canvas_get_version (canvas, 0);
  g_assert_cmpuint (venture_canvas_get_n_notes (venture_version_get_canvas (version)), ==, 0);
  g_assert_cmpstr (venture_canvas_get_title (venture_version_get_canvas (version)), ==, "");
  g_assert_nonnull (venture_version_get_extra (version));
  g_assert_cmpint (g_date_time_get_hour (venture_version_get_created (version)), ==, 9);

  saved = venture_canvas_file_to_bytes (canvas, NULL);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\"created\": \"2026-03-01T09:30:00Z\""));
  g_assert_nonnull (strstr (data, "\"created\": \"2026-03-01T23:59:59Z\""));
  g_assert_nonnull (strstr (data,
                            "      \"name\": \"Paris\",\n"
                            "      \"created\": \"2026-03-01T09:30:00Z\",\n"
                            "      \"title\": \"\",\n"
                            "      \"notes\": [],\n"
                            "      \"x-tag\": [\n"
                            "        1,\n"
                            "        2\n"
                            "      ]\n"
                            "    },"));

  plain_saved = venture_canvas_file_to_bytes (plain, NULL);
  g_assert_null (strstr (g_bytes_get_data (plain_saved, NULL), "versions"));
}

/* Comparisons on crafted pairs: one kind of change each. */

typedef void (*ChangeFunc) (VentureCanvas *canvas);

static void
change_nothing (VentureCanvas *canvas)
{
}

static void
change_restack (VentureCanvas *canvas)
{
  venture_canvas_restack_note (canvas, venture_canvas_lookup_note (canvas, "n-1"), 2);
}

static void
change_add (VentureCanvas *canvas)
{
  add_note (canvas, "n-new", "channels", "Pop-up stand");
}

static void
change_remove (VentureCanvas *canvas)
{
  venture_canvas_remove_note (canvas, venture_canvas_lookup_note (canvas, "n-2"));
}

static void
change_block (VentureCanvas *canvas)
{
  venture_canvas_move_note (canvas, venture_canvas_lookup_note (canvas, "n-1"), "channels", 100, 200);
}

static void
change_place (VentureCanvas *canvas)
{
  venture_canvas_move_note (canvas, venture_canvas_lookup_note (canvas, "n-1"), "key-activities", 500, 500);
}

static void
change_text (VentureCanvas *canvas)
{
  venture_canvas_set_note_text (canvas, venture_canvas_lookup_note (canvas, "n-1"), "Run clinics");
}

static void
change_relationship (VentureCanvas *canvas)
{
  venture_canvas_set_note_tag (canvas, venture_canvas_lookup_note (canvas, "n-3"),
                               VENTURE_TAG_RELATIONSHIP, "self-service");
}

static void
change_stage (VentureCanvas *canvas)
{
  venture_canvas_set_note_tag (canvas, venture_canvas_lookup_note (canvas, "n-3"), VENTURE_TAG_STAGE, NULL);
}

static void
change_strategy (VentureCanvas *canvas)
{
  venture_canvas_set_note_tag (canvas, venture_canvas_lookup_note (canvas, "n-3"),
                               VENTURE_TAG_STRATEGY, "seo");
}

static void
change_segments (VentureCanvas *canvas)
{
  const char *segments[] = { "n-2", NULL };

  venture_canvas_set_note_segments (canvas, venture_canvas_lookup_note (canvas, "n-3"), segments);
}

static void
change_color (VentureCanvas *canvas)
{
  venture_canvas_set_note_color (canvas, venture_canvas_lookup_note (canvas, "n-2"), "pink");
}

static void
change_title (VentureCanvas *canvas)
{
  venture_canvas_set_title (canvas, "Bike clinic, after");
}

static void
change_block_and_text (VentureCanvas *canvas)
{
  change_block (canvas);
  change_text (canvas);
}

typedef struct {
  const char        *name;
  ChangeFunc         change;
  const char        *id;          /* the note that differs, or NULL */
  VentureDifference  difference;
  const char        *summary;
} ComparisonCase;

static const ComparisonCase comparison_cases[] = {
  { "none", change_nothing, NULL, VENTURE_DIFFERENCE_NONE, "No changes" },
  { "restack", change_restack, NULL, VENTURE_DIFFERENCE_NONE, "No changes" },
  { "added", change_add, "n-new", VENTURE_DIFFERENCE_ADDED, "1 note added" },
  { "removed", change_remove, "n-2", VENTURE_DIFFERENCE_REMOVED, "1 note removed" },
  { "block", change_block, "n-1", VENTURE_DIFFERENCE_BLOCK, "1 moved from Key Activities to Channels" },
  { "place", change_place, "n-1", VENTURE_DIFFERENCE_PLACE, "1 moved within its block" },
  { "text", change_text, "n-1", VENTURE_DIFFERENCE_TEXT, "1 reworded" },
  { "relationship", change_relationship, "n-3", VENTURE_DIFFERENCE_TAGS, "1 retagged" },
  { "stage", change_stage, "n-3", VENTURE_DIFFERENCE_TAGS, "1 retagged" },
  { "strategy", change_strategy, "n-3", VENTURE_DIFFERENCE_TAGS, "1 retagged" },
  { "segments", change_segments, "n-3", VENTURE_DIFFERENCE_TAGS, "1 retagged" },
  { "color", change_color, "n-2", VENTURE_DIFFERENCE_COLOR, "1 recolored" },
  { "title", change_title, NULL, VENTURE_DIFFERENCE_NONE, "Title changed" },
  { "block-and-text", change_block_and_text, "n-1", VENTURE_DIFFERENCE_BLOCK | VENTURE_DIFFERENCE_TEXT,
    "1 moved from Key Activities to Channels, 1 reworded" },
};

static VentureCanvas *
make_base (void)
{
  VentureCanvas *canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) tagged = make_note ("n-3", "customer-relationships", "Dedicated mechanic");

  venture_canvas_set_title (canvas, "Bike clinic");
  add_note (canvas, "n-1", "key-activities", "Repair bikes");
  add_note (canvas, "n-2", "customer-segments", "Commuters");
  venture_note_set_tag (tagged, VENTURE_TAG_RELATIONSHIP, "dedicated-assistance");
  venture_note_set_tag (tagged, VENTURE_TAG_STAGE, "retention");
  venture_canvas_append_note (canvas, tagged);

  return canvas;
}

static void
test_comparison_case (gconstpointer data)
{
  const ComparisonCase *test = data;
  g_autoptr(VentureCanvas) old_canvas = make_base ();
  g_autoptr(VentureCanvas) new_canvas = venture_canvas_copy (old_canvas);
  g_autoptr(VentureComparison) comparison = NULL;
  g_autoptr(VentureComparison) backwards = NULL;
  g_autofree char *summary = NULL;

  test->change (new_canvas);
  comparison = venture_comparison_new (old_canvas, new_canvas);

  summary = venture_comparison_get_summary (comparison);
  g_assert_cmpstr (summary, ==, test->summary);
  g_assert_true (venture_comparison_get_canvas (comparison, VENTURE_COMPARISON_OLD) == old_canvas);
  g_assert_true (venture_comparison_get_canvas (comparison, VENTURE_COMPARISON_NEW) == new_canvas);

  if (test->id == NULL)
    {
      g_assert_cmpuint (venture_comparison_get_n_entries (comparison), ==, 0);
      g_assert_cmpint (venture_comparison_is_empty (comparison), ==, test->change != change_title);
      g_assert_cmpint (venture_comparison_get_title_changed (comparison), ==, test->change == change_title);
    }
  else
    {
      const VentureComparisonEntry *entry;

      g_assert_false (venture_comparison_is_empty (comparison));
      g_assert_cmpuint (venture_comparison_get_n_entries (comparison), ==, 1);
      entry = venture_comparison_get_entry (comparison, 0);
      g_assert_cmpstr (entry->id, ==, test->id);
      g_assert_cmpint (entry->difference, ==, test->difference);
      g_assert_true (entry->old_note == venture_canvas_lookup_note (old_canvas, test->id));
      g_assert_true (entry->new_note == venture_canvas_lookup_note (new_canvas, test->id));
      g_assert_cmpint (venture_comparison_lookup (comparison, test->id), ==, test->difference);
    }

  /* Every other note is unchanged. */
  for (guint i = 0; i < venture_canvas_get_n_notes (old_canvas); i++)
    {
      const char *id = venture_note_get_id (venture_canvas_get_note (old_canvas, i));

      if (g_strcmp0 (id, test->id) != 0)
        g_assert_cmpint (venture_comparison_lookup (comparison, id), ==, VENTURE_DIFFERENCE_NONE);
    }

  /* The other way round, an addition is a removal. */
  backwards = venture_comparison_new (new_canvas, old_canvas);
  if (test->difference == VENTURE_DIFFERENCE_ADDED)
    g_assert_cmpint (venture_comparison_lookup (backwards, test->id), ==, VENTURE_DIFFERENCE_REMOVED);
  else if (test->difference == VENTURE_DIFFERENCE_REMOVED)
    g_assert_cmpint (venture_comparison_lookup (backwards, test->id), ==, VENTURE_DIFFERENCE_ADDED);
  else if (test->id != NULL)
    g_assert_cmpint (venture_comparison_lookup (backwards, test->id), ==, test->difference);
}

static void
test_comparison_counts (void)
{
  g_autoptr(VentureCanvas) old_canvas = make_base ();
  g_autoptr(VentureCanvas) new_canvas = venture_canvas_copy (old_canvas);
  g_autoptr(VentureComparison) comparison = NULL;
  g_autofree char *summary = NULL;

  add_note (new_canvas, "n-4", "channels", "Pop-up stand");
  add_note (new_canvas, "n-5", "channels", "Web site");
  add_note (new_canvas, "n-6", "key-activities", "Clinics");
  add_note (old_canvas, "n-7", "key-activities", "Appointments");
  add_note (old_canvas, "n-8", "customer-segments", "Families");
  add_note (new_canvas, "n-8", "channels", "Families");
  add_note (old_canvas, "n-9", "customer-segments", "Students");
  add_note (new_canvas, "n-9", "channels", "Students");
  change_block (new_canvas);
  change_color (new_canvas);
  change_title (new_canvas);

  comparison = venture_comparison_new (old_canvas, new_canvas);
  g_assert_cmpuint (venture_comparison_count (comparison, VENTURE_DIFFERENCE_ADDED), ==, 3);
  g_assert_cmpuint (venture_comparison_count (comparison, VENTURE_DIFFERENCE_REMOVED), ==, 1);
  g_assert_cmpuint (venture_comparison_count (comparison, VENTURE_DIFFERENCE_BLOCK), ==, 3);

  /* Moves grouped by pair of blocks, in the order of the notes. */
  summary = venture_comparison_get_summary (comparison);
  g_assert_cmpstr (summary, ==,
                   "3 notes added, 1 note removed, 1 moved from Key Activities to Channels, "
                   "2 moved from Customer Segments to Channels, 1 recolored, title changed");

  /* New notes in the new canvas's order, then the removed ones. */
  g_assert_cmpstr (venture_comparison_get_entry (comparison, 0)->id, ==, "n-1");
  g_assert_cmpstr (venture_comparison_get_entry (comparison, 7)->id, ==, "n-7");
  g_assert_null (venture_comparison_get_entry (comparison, 7)->new_note);
}

/* A note moved from or to a block no template has, or the tray. */
static void
test_comparison_odd_blocks (void)
{
  g_autoptr(VentureCanvas) old_canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureCanvas) new_canvas = NULL;
  g_autoptr(VentureComparison) comparison = NULL;
  g_autofree char *summary = NULL;

  add_note (old_canvas, "n-1", "unsorted", "Spare parts?");
  add_note (old_canvas, "n-2", "block-from-the-future", "Hologram");
  new_canvas = venture_canvas_copy (old_canvas);
  venture_canvas_move_note (new_canvas, venture_canvas_lookup_note (new_canvas, "n-1"), "revenue-streams", 0, 0);
  venture_canvas_move_note (new_canvas, venture_canvas_lookup_note (new_canvas, "n-2"), "unsorted", 0, 0);

  comparison = venture_comparison_new (old_canvas, new_canvas);
  summary = venture_comparison_get_summary (comparison);
  g_assert_cmpstr (summary, ==,
                   "1 moved from Unsorted to Revenue Streams, 1 moved from block-from-the-future to Unsorted");
}

/* The comparison holds on to what it compared, whatever the live canvas
 * does afterwards. */
static void
test_comparison_outlives_changes (void)
{
  g_autoptr(VentureCanvas) old_canvas = make_base ();
  g_autoptr(VentureCanvas) new_canvas = venture_canvas_copy (old_canvas);
  g_autoptr(VentureComparison) comparison = NULL;
  const VentureComparisonEntry *entry;

  change_text (new_canvas);
  comparison = venture_comparison_new (old_canvas, new_canvas);
  venture_canvas_remove_note (new_canvas, venture_canvas_lookup_note (new_canvas, "n-1"));

  entry = venture_comparison_get_entry (comparison, 0);
  g_assert_cmpstr (entry->id, ==, "n-1");
  g_assert_cmpstr (venture_note_get_text (entry->new_note), ==, "Run clinics");
  g_assert_cmpint (venture_comparison_lookup (comparison, "n-1"), ==, VENTURE_DIFFERENCE_TEXT);
}

/* The brief's "done when": the before canvas saved as a version, turned
 * into the after canvas, compared. */
static void
test_comparison_bike_repair (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  g_autoptr(VentureComparison) comparison = NULL;
  g_autofree char *summary = NULL;
  VentureVersion *before;

  before = venture_canvas_save_version (canvas, "Before feedback", NULL);
  venture_canvas_restore_version (canvas, after_version);

  comparison = venture_comparison_new (venture_version_get_canvas (before), canvas);
  summary = venture_comparison_get_summary (comparison);
  g_assert_cmpstr (summary, ==, "3 notes added, 2 notes removed, 2 reworded");

  g_assert_cmpint (venture_comparison_lookup (comparison, "n-3"), ==, VENTURE_DIFFERENCE_REMOVED);
  g_assert_cmpint (venture_comparison_lookup (comparison, "n-4"), ==, VENTURE_DIFFERENCE_REMOVED);
  g_assert_cmpint (venture_comparison_lookup (comparison, "n-3f2a"), ==, VENTURE_DIFFERENCE_ADDED);
  g_assert_cmpint (venture_comparison_lookup (comparison, "n-2"), ==, VENTURE_DIFFERENCE_TEXT);
  g_assert_cmpint (venture_comparison_lookup (comparison, "n-5"), ==, VENTURE_DIFFERENCE_NONE);

  /* The mix moved from dedicated and long-term retention to self-service
   * retention and community acquisition. */
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, "dedicated-assistance", "retention"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, "long-term", "retention"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, "self-service", "retention"), ==, 0);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, "dedicated-assistance", "retention"), ==, 0);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, "long-term", "retention"), ==, 0);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, "self-service", "retention"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, "community", "acquisition"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, "community", NULL), ==, 0);
  g_assert_cmpuint (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_OLD, "long-term"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_NEW, "long-term"), ==, 0);
  g_assert_cmpuint (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_NEW, "self-service"), ==, 1);
}

static void
test_mix_without_stage (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (TEMPLATE);
  g_autoptr(VentureNote) a = make_note ("a", "customer-relationships", "FAQ");
  g_autoptr(VentureNote) b = make_note ("b", "customer-relationships", "Guide");
  g_autoptr(VentureNote) c = make_note ("c", "customer-relationships", "Telepathy");
  g_autoptr(VentureComparison) comparison = NULL;

  venture_note_set_tag (a, VENTURE_TAG_RELATIONSHIP, "self-service");
  venture_note_set_tag (b, VENTURE_TAG_RELATIONSHIP, "self-service");
  venture_note_set_tag (b, VENTURE_TAG_STAGE, "retention");
  venture_note_set_tag (c, VENTURE_TAG_RELATIONSHIP, "telepathy");
  venture_canvas_append_note (canvas, a);
  venture_canvas_append_note (canvas, b);
  venture_canvas_append_note (canvas, c);

  comparison = venture_comparison_new (canvas, canvas);
  g_assert_true (venture_comparison_is_empty (comparison));
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, "self-service", NULL), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, "self-service", "retention"), ==, 1);
  g_assert_cmpuint (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_NEW, "self-service"), ==, 2);
  g_assert_cmpuint (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_NEW, "telepathy"), ==, 1);
}

/* With a history: saving, deleting and restoring are undoable steps with
 * their own names. */
static void
test_history_steps (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(VentureCanvas) before_copy = venture_canvas_copy (canvas);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  VentureVersion *before;

  before = venture_canvas_save_version (canvas, "Before feedback", NULL);
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (venture_history_get_undo_label (history), ==, "Save Version");

  /* Restoring is one step however many notes it changes. */
  venture_version_restore (after_version, canvas, history);
  g_assert_true (venture_canvas_equal (canvas, after));
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (venture_history_get_undo_label (history), ==, "Restore Version");

  /* Restoring what is there already records nothing. */
  venture_version_restore (after_version, canvas, history);
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 2);

  g_assert_true (venture_canvas_delete_version (canvas, "Before feedback", NULL));
  g_assert_cmpuint (venture_history_get_n_undo (history), ==, 3);
  g_assert_cmpstr (venture_history_get_undo_label (history), ==, "Delete Version");

  /* Undo the deletion: the same version, back in its place. */
  g_assert_true (venture_history_undo (history));
  g_assert_true (venture_canvas_get_version (canvas, 0) == before);

  /* One undo restores the state before the restore, exactly. */
  g_assert_true (venture_history_undo (history));
  g_assert_true (venture_canvas_equal (canvas, before_copy));
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  g_assert_cmpstr (venture_history_get_redo_label (history), ==, "Restore Version");

  g_assert_true (venture_history_undo (history));
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 0);
  g_assert_false (venture_history_get_can_undo (history));

  g_assert_true (venture_history_redo (history));
  g_assert_true (venture_history_redo (history));
  g_assert_true (venture_canvas_equal (canvas, after));
  g_assert_true (venture_canvas_get_version (canvas, 0) == before);
  g_assert_true (venture_history_redo (history));
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 0);
}

/* Saves @canvas with @history and loads it back into a new canvas and
 * history; returns the bytes written. */
static GBytes *
save_and_load (VentureCanvas   *canvas,
               VentureHistory  *history,
               VentureCanvas  **loaded,
               VentureHistory **loaded_history)
{
  g_autoptr(JsonNode) node = venture_history_file_serialize (history);
  g_autoptr(JsonNode) read_node = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = venture_canvas_file_to_bytes (canvas, node);

  *loaded = venture_canvas_file_load_bytes (bytes, "saved.json", &read_node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_node);
  *loaded_history = venture_history_new (*loaded);
  venture_history_file_deserialize (*loaded_history, read_node, &error);
  g_assert_no_error (error);

  return bytes;
}

/* The history of version steps survives the file: undo and redo after
 * loading, with versions both in the file and only in the history. */
static void
test_history_file (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(VentureCanvas) before_copy = venture_canvas_copy (canvas);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(VentureHistory) loaded_history = NULL;
  g_autoptr(VentureCanvas) again = NULL;
  g_autoptr(VentureHistory) again_history = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(VentureCanvas) at_save = NULL;

  venture_canvas_save_version (canvas, "Before feedback", NULL);
  venture_version_restore (after_version, canvas, history);
  venture_canvas_save_version (canvas, "After feedback", NULL);
  venture_canvas_delete_version (canvas, "Before feedback", NULL);
  venture_canvas_save_version (canvas, "Third", NULL);
  g_assert_true (venture_history_undo (history));
  at_save = venture_canvas_copy (canvas);

  bytes = save_and_load (canvas, history, &loaded, &loaded_history);
  g_assert_cmpuint (venture_history_get_n_steps (loaded_history), ==, 5);
  g_assert_cmpuint (venture_history_get_position (loaded_history), ==, 4);
  g_assert_cmpstr (venture_history_get_undo_label (loaded_history), ==, "Delete Version");
  g_assert_cmpstr (venture_history_get_redo_label (loaded_history), ==, "Save Version");
  assert_versions_equal (canvas, loaded);

  /* Saving again what was loaded gives the same bytes. */
  bytes_again = save_and_load (loaded, loaded_history, &again, &again_history);
  g_assert_cmpmem (g_bytes_get_data (bytes_again, NULL), g_bytes_get_size (bytes_again),
                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The deleted version comes back from the history alone. */
  g_assert_true (venture_history_undo (loaded_history));
  g_assert_cmpuint (venture_canvas_get_n_versions (loaded), ==, 2);
  g_assert_cmpstr (venture_version_get_name (venture_canvas_get_version (loaded, 0)), ==, "Before feedback");
  g_assert_true (venture_canvas_equal (venture_version_get_canvas (venture_canvas_get_version (loaded, 0)),
                                       before_copy));

  g_assert_true (venture_history_undo (loaded_history));
  g_assert_true (venture_history_undo (loaded_history));
  g_assert_true (venture_canvas_equal (loaded, before_copy));
  g_assert_true (venture_history_undo (loaded_history));
  g_assert_cmpuint (venture_canvas_get_n_versions (loaded), ==, 0);
  g_assert_false (venture_history_get_can_undo (loaded_history));

  /* All the way forward, the undone "Third" included. */
  g_assert_true (venture_history_jump (loaded_history, 5));
  g_assert_true (venture_canvas_equal (loaded, at_save));
  g_assert_cmpuint (venture_canvas_get_n_versions (loaded), ==, 2);
  g_assert_cmpstr (venture_version_get_name (venture_canvas_get_version (loaded, 1)), ==, "Third");
  g_assert_true (venture_canvas_equal (venture_version_get_canvas (venture_canvas_get_version (loaded, 1)),
                                       at_save));
}

/* A history whose version steps do not fit the file's versions is
 * dropped, never applied. */
static void
test_history_file_mismatch (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(VentureHistory) loaded_history = NULL;
  g_autoptr(JsonNode) read_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  venture_canvas_save_version (canvas, "Before feedback", NULL);
  node = venture_history_file_serialize (history);
  bytes = venture_canvas_file_to_bytes (canvas, node);

  /* Renamed by hand in the versions, not in the history. */
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "\"name\": \"Before feedback\"", "\"name\": \"Renamed\"", 1), ==, 1);
  edited = g_bytes_new (text->str, text->len);

  loaded = venture_canvas_file_load_bytes (edited, "edited.json", &read_node, &error);
  g_assert_no_error (error);
  loaded_history = venture_history_new (loaded);
  g_assert_false (venture_history_file_deserialize (loaded_history, read_node, &error));
  g_assert_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_INVALID);
  g_assert_cmpuint (venture_history_get_n_steps (loaded_history), ==, 0);
  g_assert_cmpuint (venture_canvas_get_n_versions (loaded), ==, 1);
}

/* Hand-written version steps: each malformed one drops the history
 * with INVALID; the well-formed one undoes into the version it holds. */
typedef struct {
  const char *name;
  guint       position;   /* of the history */
  const char *steps;      /* JSON */
  gboolean    valid;
} VersionStepCase;

#define CONTENT "{\"created\": \"2026-03-01T09:30:00Z\", \"title\": \"T\", " \
                "\"notes\": [{\"id\": \"n-1\", \"block\": \"channels\", \"x\": 1, \"y\": 2}]}"

static const VersionStepCase version_step_cases[] = {
  { "deleted-with-content", 1, "[[\"x\", \"A\", 0, " CONTENT "]]", TRUE },
  { "saved-on-redo-side", 0, "[[\"v\", \"A\", 0, " CONTENT "]]", TRUE },
  { "saved-not-in-file", 1, "[[\"v\", \"A\", 0]]", FALSE },
  { "deleted-without-content", 1, "[[\"x\", \"A\", 0]]", FALSE },
  { "saved-redo-without-content", 0, "[[\"v\", \"A\", 0]]", FALSE },
  { "bad-date", 1, "[[\"x\", \"A\", 0, {\"created\": \"soon\", \"notes\": []}]]", FALSE },
  { "no-notes", 1, "[[\"x\", \"A\", 0, {\"created\": \"2026-03-01T09:30:00Z\"}]]", FALSE },
  { "note-without-id", 1, "[[\"x\", \"A\", 0, {\"created\": \"2026-03-01T09:30:00Z\", "
                          "\"notes\": [{\"block\": \"channels\", \"x\": 1, \"y\": 2}]}]]", FALSE },
  { "duplicate-note-ids", 1, "[[\"x\", \"A\", 0, {\"created\": \"2026-03-01T09:30:00Z\", "
                             "\"notes\": [{\"id\": \"a\", \"block\": \"channels\", \"x\": 1, \"y\": 2},"
                             "{\"id\": \"a\", \"block\": \"channels\", \"x\": 1, \"y\": 2}]}]]", FALSE },
  { "blank-name", 1, "[[\"x\", \" \", 0, " CONTENT "]]", FALSE },
  { "position-past-end", 1, "[[\"x\", \"A\", 3, " CONTENT "]]", FALSE },
  { "not-an-object", 1, "[[\"x\", \"A\", 0, [1, 2]]]", FALSE },
  { "same-name-twice", 1, "[[\"*\", \"edit\", [\"x\", \"A\", 0, " CONTENT "], [\"x\", \"A\", 0, " CONTENT "]]]", FALSE },
};

static void
test_history_version_steps (gconstpointer data)
{
  const VersionStepCase *test = data;
  g_autoptr(VentureCanvas) canvas = load_good ("bike-repair-before.json");
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autofree char *digest = venture_history_file_canvas_digest (canvas);
  g_autofree char *json = g_strdup_printf ("{\"version\": 1, \"digest\": \"%s\", \"position\": %u, \"steps\": %s}",
                                           digest, test->position, test->steps);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_nonnull (node);
  ok = venture_history_file_deserialize (history, node, &error);
  if (!test->valid)
    {
      g_assert_error (error, VENTURE_HISTORY_FILE_ERROR, VENTURE_HISTORY_FILE_ERROR_INVALID);
      g_assert_false (ok);
      g_assert_cmpuint (venture_history_get_n_steps (history), ==, 0);
      g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 0);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (venture_history_get_n_steps (history), ==, 1);
  if (test->position == 1)
    {
      g_assert_cmpstr (venture_history_get_undo_label (history), ==, "Delete Version");
      g_assert_true (venture_history_undo (history));
    }
  else
    {
      g_assert_cmpstr (venture_history_get_redo_label (history), ==, "Save Version");
      g_assert_true (venture_history_redo (history));
    }
  g_assert_cmpuint (venture_canvas_get_n_versions (canvas), ==, 1);
  g_assert_cmpstr (venture_canvas_get_title (venture_version_get_canvas (venture_canvas_get_version (canvas, 0))), ==, "T");
  g_assert_cmpuint (venture_canvas_get_n_notes (venture_version_get_canvas (venture_canvas_get_version (canvas, 0))), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/versions/save", test_save);
  g_test_add_func ("/venture/versions/list", test_list);
  g_test_add_func ("/venture/versions/unique-names", test_unique_names);
  g_test_add_func ("/venture/versions/delete", test_delete);
  g_test_add_func ("/venture/versions/undo-save-delete", test_undo_save_delete);
  g_test_add_func ("/venture/versions/change-copy-invert", test_change_copy_invert);
  g_test_add_func ("/venture/versions/restore", test_restore);
  g_test_add_func ("/venture/versions/restore-order-and-extra", test_restore_order_and_extra);
  g_test_add_func ("/venture/versions/persistence", test_persistence);
  g_test_add_func ("/venture/versions/file-details", test_file_details);
  g_test_add_func ("/venture/versions/history/steps", test_history_steps);
  g_test_add_func ("/venture/versions/history/file", test_history_file);
  g_test_add_func ("/venture/versions/history/file-mismatch", test_history_file_mismatch);
  for (guint i = 0; i < G_N_ELEMENTS (version_step_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/venture/versions/history/steps/%s", version_step_cases[i].name);

      g_test_add_data_func (path, &version_step_cases[i], test_history_version_steps);
    }

  for (guint i = 0; i < G_N_ELEMENTS (comparison_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/venture/versions/comparison/%s", comparison_cases[i].name);

      g_test_add_data_func (path, &comparison_cases[i], test_comparison_case);
    }
  g_test_add_func ("/venture/versions/comparison/counts", test_comparison_counts);
  g_test_add_func ("/venture/versions/comparison/odd-blocks", test_comparison_odd_blocks);
  g_test_add_func ("/venture/versions/comparison/outlives-changes", test_comparison_outlives_changes);
  g_test_add_func ("/venture/versions/comparison/bike-repair", test_comparison_bike_repair);
  g_test_add_func ("/venture/versions/comparison/mix-without-stage", test_mix_without_stage);

  return g_test_run ();
}
