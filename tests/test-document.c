/* test-document.c: a canvas with its file, history and drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "venture-canvas-file.h"
#include "venture-document.h"
#include "venture-drafts.h"
#include "venture-file.h"

typedef struct {
  char  *directory;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("venture-document-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "canvas.json", NULL);
  fixture->file = g_file_new_for_path (path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_clear_object (&fixture->file);
}

static VentureNote *
add_note (VentureCanvas *canvas,
          const char    *block,
          const char    *text)
{
  g_autofree char *id = venture_canvas_generate_note_id (canvas);
  g_autoptr(VentureNote) note = venture_note_new (id, block);

  venture_note_set_text (note, text);
  venture_canvas_append_note (canvas, note);

  return note;
}

static guint
count_notifies (GObject    *object,
                const char *property)
{
  return GPOINTER_TO_UINT (g_object_get_data (object, property));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  g_object_set_data (object, name, GUINT_TO_POINTER (count_notifies (object, name) + 1));
}

static void
test_document_new (void)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autofree char *title = venture_document_dup_title (document);

  g_assert_cmpstr (venture_canvas_get_template_id (venture_document_get_canvas (document)), ==,
                   "business-model-canvas");
  g_assert_cmpuint (venture_canvas_get_n_notes (venture_document_get_canvas (document)), ==, 0);
  g_assert_null (venture_document_get_file (document));
  g_assert_false (venture_document_get_modified (document));
  g_assert_false (venture_document_get_busy (document));
  g_assert_cmpstr (title, ==, "Untitled Canvas");
}

/* Edit, save, edit, undo back to the saved state: modified follows the
 * clean point, and the title follows the canvas title. */
static void
test_document_modified_and_save (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  VentureCanvas *canvas = venture_document_get_canvas (document);
  VentureHistory *history = venture_document_get_history (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  VentureNote *note;

  g_signal_connect (document, "notify", G_CALLBACK (on_notify), NULL);

  note = add_note (canvas, "channels", "Own web site");
  g_assert_true (venture_document_get_modified (document));
  g_assert_cmpuint (count_notifies (G_OBJECT (document), "modified"), ==, 1);

  g_assert_true (venture_document_save (document, fixture->file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (venture_document_get_modified (document));
  g_assert_true (g_file_equal (venture_document_get_file (document), fixture->file));
  title = venture_document_dup_title (document);
  g_assert_cmpstr (title, ==, "canvas.json");

  venture_canvas_set_note_color (canvas, note, "blue");
  g_assert_true (venture_document_get_modified (document));
  g_assert_true (venture_history_undo (history));
  g_assert_false (venture_document_get_modified (document));
  g_assert_true (venture_history_redo (history));
  g_assert_true (venture_document_get_modified (document));

  venture_canvas_set_title (canvas, "Bike clinic");
  g_clear_pointer (&title, g_free);
  title = venture_document_dup_title (document);
  g_assert_cmpstr (title, ==, "Bike clinic");
  g_assert_cmpuint (count_notifies (G_OBJECT (document), "title"), >=, 2);
}

/* The history travels with the file: after a reload, undo still takes
 * back the edit made before the save. */
static void
test_document_history_survives_reload (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autoptr(VentureDocument) reopened = venture_document_new ();
  VentureCanvas *canvas = venture_document_get_canvas (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  VentureNote *note;
  VentureCanvas *loaded;

  note = add_note (canvas, "customer-relationships", "Self-service repair clinics");
  venture_canvas_set_note_tag (canvas, note, VENTURE_TAG_RELATIONSHIP, "self-service");
  venture_canvas_set_note_color (canvas, note, "green");
  id = g_strdup (venture_note_get_id (note));
  venture_canvas_remove_note (canvas, note);
  g_assert_true (venture_document_save (document, fixture->file, FALSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (venture_document_load (reopened, fixture->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (venture_document_get_history_notice (reopened));
  g_assert_false (venture_document_get_modified (reopened));
  loaded = venture_document_get_canvas (reopened);
  g_assert_null (venture_canvas_lookup_note (loaded, id));

  g_assert_true (venture_history_undo (venture_document_get_history (reopened)));
  note = venture_canvas_lookup_note (loaded, id);
  g_assert_nonnull (note);
  g_assert_cmpstr (venture_note_get_text (note), ==, "Self-service repair clinics");
  g_assert_cmpstr (venture_note_get_color (note), ==, "green");
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "self-service");
  g_assert_true (venture_document_get_modified (reopened));
}

/* A file changed by another program since it was loaded is not
 * overwritten unless the user says so, and nothing is lost meanwhile. */
static void
test_document_changed_on_disk (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autoptr(VentureDocument) other = venture_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);

  add_note (venture_document_get_canvas (document), "channels", "Mine");
  g_assert_true (venture_document_save (document, fixture->file, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Someone else writes the file; etags have a one-second resolution. */
  g_usleep (1100 * 1000);
  add_note (venture_document_get_canvas (other), "channels", "Theirs");
  g_assert_true (venture_document_save (other, fixture->file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  add_note (venture_document_get_canvas (document), "channels", "Mine again");
  g_assert_false (venture_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK);
  g_assert_true (venture_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_true (venture_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (venture_document_get_modified (document));
}

static void
test_document_load_failure_keeps_document (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  VentureCanvas *canvas = venture_document_get_canvas (document);

  add_note (canvas, "channels", "Unsaved idea");
  g_assert_true (g_file_set_contents (path, "{\"format\": \"venture-canvas\", ", -1, NULL));
  g_assert_false (venture_document_load (document, fixture->file, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_SYNTAX);
  g_assert_true (venture_document_get_canvas (document) == canvas);
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, 1);
  g_assert_true (venture_document_get_modified (document));
  g_assert_null (venture_document_get_file (document));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (venture_document_load_finish (VENTURE_DOCUMENT (source), result, error));
}

static void
test_document_load_async (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autoptr(VentureDocument) reopened = venture_document_new ();
  g_autoptr(GError) error = NULL;

  add_note (venture_document_get_canvas (document), "key-partners", "Bike shops");
  g_assert_true (venture_document_save (document, fixture->file, FALSE, NULL, &error));

  venture_document_load_async (reopened, fixture->file, NULL, on_loaded, &error);
  g_assert_true (venture_document_get_busy (reopened));
  while (venture_document_get_busy (reopened))
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_true (venture_canvas_equal (venture_document_get_canvas (document),
                                       venture_document_get_canvas (reopened)));
}

static void
test_drafts_write_list_read_remove (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "drafts", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(VentureDrafts) drafts = venture_drafts_new (directory);
  g_autoptr(VentureDocument) document = venture_document_new ();
  g_autoptr(VentureDocument) restored = venture_document_new ();
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = venture_drafts_new_id ();
  VentureDraftInfo *info;

  infos = venture_drafts_list (drafts);
  g_assert_cmpuint (infos->len, ==, 0);
  g_clear_pointer (&infos, g_ptr_array_unref);

  add_note (venture_document_get_canvas (document), "channels", "Draft idea");
  contents = venture_document_to_bytes (document);
  g_assert_true (venture_drafts_write (drafts, id, fixture->file, "Bike clinic", contents, &error));
  g_assert_no_error (error);
  /* The user's own file is never written by a draft. */
  g_assert_false (g_file_query_exists (fixture->file, NULL));

  infos = venture_drafts_list (drafts);
  g_assert_cmpuint (infos->len, ==, 1);
  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "Bike clinic");
  g_assert_true (g_file_equal (info->original, fixture->file));

  read = venture_drafts_read (drafts, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, contents));

  g_assert_true (venture_document_load_draft (restored, read, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_true (venture_document_get_modified (restored));
  g_assert_true (g_file_equal (venture_document_get_file (restored), fixture->file));
  g_assert_true (venture_canvas_equal (venture_document_get_canvas (document),
                                       venture_document_get_canvas (restored)));

  venture_drafts_remove (drafts, id);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = venture_drafts_list (drafts);
  g_assert_cmpuint (infos->len, ==, 0);
}

/* Only names Venture made count as drafts: nothing else in the folder is
 * read, and an id is never a path. */
static void
test_drafts_ignore_foreign_files (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "drafts", NULL);
  g_autofree char *stray = g_build_filename (path, "notes.json", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(VentureDrafts) drafts = venture_drafts_new (directory);
  g_autoptr(GPtrArray) infos = NULL;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stray, "{}", -1, NULL));
  infos = venture_drafts_list (drafts);
  g_assert_cmpuint (infos->len, ==, 0);

  venture_drafts_remove (drafts, "../canvas");
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));
}

/* A stored version opens read-only: never modified, no file, a save to
 * its own file refused; Save As makes it an ordinary canvas there. */
static void
test_document_version_read_only (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  VentureVersion *version;
  g_autoptr(VentureDocument) document = NULL;
  g_autoptr(VentureCanvas) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean read_only = FALSE;

  venture_canvas_set_title (canvas, "Bike clinic");
  add_note (canvas, "key-partners", "Local bike shops");
  version = venture_canvas_save_version (canvas, "Before feedback", &error);
  g_assert_no_error (error);
  add_note (canvas, "channels", "Pop-up clinics");

  document = venture_document_new_for_version (version, "Bike clinic");
  g_signal_connect (document, "notify", G_CALLBACK (on_notify), NULL);
  g_object_get (document, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_true (venture_document_get_read_only (document));
  g_assert_cmpstr (venture_document_get_version_name (document), ==, "Before feedback");
  g_assert_cmpstr (venture_document_get_version_of (document), ==, "Bike clinic");
  g_assert_false (venture_document_get_modified (document));
  g_assert_null (venture_document_get_file (document));
  g_assert_cmpuint (venture_canvas_get_n_notes (venture_document_get_canvas (document)), ==, 1);
  /* A copy: the version's snapshot stays as it was. */
  g_assert_true (venture_document_get_canvas (document) != venture_version_get_canvas (version));

  g_assert_false (venture_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "Before feedback"));
  g_clear_error (&error);
  g_assert_true (venture_document_get_read_only (document));

  g_assert_true (venture_document_save (document, fixture->file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (venture_document_get_read_only (document));
  g_assert_null (venture_document_get_version_name (document));
  g_assert_cmpuint (count_notifies (G_OBJECT (document), "read-only"), ==, 1);
  g_assert_true (g_file_equal (venture_document_get_file (document), fixture->file));
  loaded = venture_canvas_file_load (fixture->file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (venture_canvas_equal (loaded, venture_version_get_canvas (version)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/document/new", test_document_new);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/venture/document/modified-and-save", test_document_modified_and_save);
  ADD ("/venture/document/history-survives-reload", test_document_history_survives_reload);
  ADD ("/venture/document/changed-on-disk", test_document_changed_on_disk);
  ADD ("/venture/document/load-failure-keeps-document", test_document_load_failure_keeps_document);
  ADD ("/venture/document/load-async", test_document_load_async);
  ADD ("/venture/document/version-read-only", test_document_version_read_only);
  ADD ("/venture/drafts/write-list-read-remove", test_drafts_write_list_read_remove);
  ADD ("/venture/drafts/ignore-foreign-files", test_drafts_ignore_foreign_files);
#undef ADD

  return g_test_run ();
}
