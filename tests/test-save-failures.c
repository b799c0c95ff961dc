/* test-save-failures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "venture-canvas-file.h"
#include "venture-document.h"

/* Saving fails, and nothing is lost: the file on disk is what it was, no
 * temporary file is left next to it, the canvas and its history are as
 * they were, the document is still modified and still belongs to its
 * file, the user is told why (the right code, one line naming the file),
 * and saving again once the cause is gone keeps all the work.
 *
 * CI runs as root, where permissions stop nothing, and may not mount a
 * full disk: those failures go through venture_file_set_test_failure(),
 * so every case runs everywhere. */

typedef struct {
  char            *dir;
  char            *path;
  GFile           *file;
  GBytes          *original;   /* on disk before the save */
  VentureDocument *document;
  GBytes          *unsaved;    /* what the document would write */
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* A canvas loaded from canvas.json, then changed twice (two undo steps). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "files", "good",
                                                    "bike-repair.json", NULL);
  VentureCanvas *canvas;

  fixture->dir = g_dir_make_tmp ("venture-save-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "canvas.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->original = read_bytes (example);
  write_bytes (fixture->path, fixture->original);

  fixture->document = venture_document_new ();
  g_assert_true (venture_document_load (fixture->document, fixture->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (venture_document_get_modified (fixture->document));

  canvas = venture_document_get_canvas (fixture->document);
  venture_canvas_set_title (canvas, "Unsaved work");
  venture_canvas_set_note_text (canvas, venture_canvas_get_note (canvas, 0), "Typed, not saved");
  g_assert_true (venture_document_get_modified (fixture->document));

  fixture->unsaved = venture_document_to_bytes (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);

  g_assert_finalize_object (fixture->document);
  g_clear_pointer (&fixture->unsaved, g_bytes_unref);
  g_clear_pointer (&fixture->original, g_bytes_unref);
  g_clear_object (&fixture->file);

  /* Also a folder made by a test, and its content. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inner = g_build_filename (path, "inside.txt", NULL);

          g_unlink (inner);
          g_rmdir (path);
        }
      else
        {
          g_unlink (path);
        }
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The folder holds exactly @names (NULL-terminated): no temporary file. */
static void
assert_folder_holds (const char         *dir_path,
                     const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n_expected = names != NULL ? g_strv_length ((char **) names) : 0;
  guint n = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_strv_contains (names, name))
        g_error ("Unexpected file left in the folder: %s", name);
      n++;
    }
  g_assert_cmpuint (n, ==, n_expected);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, expected));
}

/* The user is told why: the right code, one line naming the file. */
static void
assert_told (GError     *error,
             int         code,
             const char *file_name,
             const char *in_message)
{
  g_assert_error (error, VENTURE_FILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file_name));
  g_assert_null (strchr (error->message, '\n'));
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
}

/* Everything a failed save must leave as it was in the document. */
static void
assert_document_unchanged (Fixture *fixture)
{
  g_autoptr(GBytes) now = venture_document_to_bytes (fixture->document);

  g_assert_true (g_bytes_equal (now, fixture->unsaved));
  g_assert_cmpstr (venture_canvas_get_title (venture_document_get_canvas (fixture->document)),
                   ==, "Unsaved work");
  g_assert_true (venture_document_get_modified (fixture->document));
  g_assert_true (g_file_equal (venture_document_get_file (fixture->document), fixture->file));
  g_assert_false (venture_document_get_busy (fixture->document));
}

/* Once the cause is gone, the work is saved whole. */
static void
assert_saves_later (Fixture  *fixture,
                    gboolean  force)
{
  g_autoptr(GError) error = NULL;

  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);
  g_assert_true (venture_document_save (fixture->document, NULL, force, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (venture_document_get_modified (fixture->document));
  assert_file_is (fixture->path, fixture->unsaved);
}

typedef struct {
  VentureFileTestFailure  failure;
  VentureFileError        code;
  const char             *in_message;
} Injected;

static const Injected not_writable = {
  VENTURE_FILE_TEST_FAILURE_NOT_WRITABLE, VENTURE_FILE_ERROR_NOT_WRITABLE, "not allowed to write",
};
static const Injected disk_full = {
  VENTURE_FILE_TEST_FAILURE_NO_SPACE, VENTURE_FILE_ERROR_NO_SPACE, "the disk is full",
};
static const Injected rename_fails = {
  VENTURE_FILE_TEST_FAILURE_RENAME, VENTURE_FILE_ERROR_IO, NULL,
};

/* The folder cannot be written, the disk fills up half way through, the
 * rename over the old file fails. */
static void
test_injected (Fixture       *fixture,
               gconstpointer  data)
{
  const Injected *injected = data;
  const char * const names[] = { "canvas.json", NULL };
  g_autoptr(GError) error = NULL;

  venture_file_set_test_failure (injected->failure);
  g_assert_false (venture_document_save (fixture->document, NULL, FALSE, NULL, &error));

  assert_told (error, injected->code, "canvas.json",
               injected->in_message != NULL ? injected->in_message : g_strerror (EIO));
  assert_document_unchanged (fixture);
  assert_file_is (fixture->path, fixture->original);
  assert_folder_holds (fixture->dir, names);

  /* Trying again while it still fails changes nothing either. */
  g_clear_error (&error);
  g_assert_false (venture_document_save (fixture->document, NULL, FALSE, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, (int) injected->code);
  assert_file_is (fixture->path, fixture->original);
  assert_folder_holds (fixture->dir, names);

  assert_saves_later (fixture, FALSE);
  assert_folder_holds (fixture->dir, names);
}

/* Save As onto a folder: refused, the folder and what it holds stay, and
 * the document keeps its own file. */
static void
test_target_is_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const names[] = { "canvas.json", "folder.json", NULL };
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.json", NULL);
  g_autofree char *inside = g_build_filename (folder, "inside.txt", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (folder);
  g_autoptr(GBytes) inside_bytes = g_bytes_new_static ("kept\n", 5);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_bytes (inside, inside_bytes);

  g_assert_false (venture_document_save (fixture->document, target, FALSE, NULL, &error));
  assert_told (error, VENTURE_FILE_ERROR_IO, "folder.json", "it is a folder");
  assert_document_unchanged (fixture);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_file_is (inside, inside_bytes);
  assert_file_is (fixture->path, fixture->original);
  assert_folder_holds (fixture->dir, names);

  assert_saves_later (fixture, FALSE);
  assert_folder_holds (fixture->dir, names);
}

/* Another program replaced the file (an editor's atomic save) or wrote
 * into it: the save is refused rather than overwriting that work, until
 * the user says to. */
static void
test_replaced_while_open (Fixture       *fixture,
                          gconstpointer  data)
{
  gboolean in_place = GPOINTER_TO_INT (data);
  const char * const names[] = { "canvas.json", NULL };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "files", "good",
                                                    "minimal.json", NULL);
  g_autoptr(GBytes) theirs = read_bytes (example);
  g_autoptr(GError) error = NULL;

  if (in_place)
    {
      FILE *stream = fopen (fixture->path, "w");

      g_assert_nonnull (stream);
      g_assert_cmpuint (fwrite (g_bytes_get_data (theirs, NULL), 1, g_bytes_get_size (theirs),
                                stream), ==, g_bytes_get_size (theirs));
      g_assert_cmpint (fclose (stream), ==, 0);
    }
  else
    {
      write_bytes (fixture->path, theirs);
    }
  g_assert_true (venture_document_is_changed_on_disk (fixture->document));

  g_assert_false (venture_document_save (fixture->document, NULL, FALSE, NULL, &error));
  assert_told (error, VENTURE_FILE_ERROR_CHANGED_ON_DISK, "canvas.json",
               "changed by another program");
  assert_document_unchanged (fixture);
  assert_file_is (fixture->path, theirs);
  assert_folder_holds (fixture->dir, names);

  /* The user chose to keep their own version. */
  assert_saves_later (fixture, TRUE);
  assert_folder_holds (fixture->dir, names);
}

/* The file was deleted while open: saving writes it again. */
static void
test_removed_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const names[] = { "canvas.json", NULL };

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_true (venture_document_is_changed_on_disk (fixture->document));

  assert_saves_later (fixture, FALSE);
  assert_folder_holds (fixture->dir, names);
}

/* Deleted while open, and the save fails too: no file appears at all,
 * not even a partial one, and the work is still there to save. */
static void
test_removed_then_disk_full (Fixture       *fixture,
                             gconstpointer  data)
{
  const char * const names[] = { "canvas.json", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);

  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NO_SPACE);
  g_assert_false (venture_document_save (fixture->document, NULL, FALSE, NULL, &error));
  assert_told (error, VENTURE_FILE_ERROR_NO_SPACE, "canvas.json", "the disk is full");
  assert_document_unchanged (fixture);
  assert_folder_holds (fixture->dir, NULL);

  assert_saves_later (fixture, FALSE);
  assert_folder_holds (fixture->dir, names);
}

/* Deleted with its folder (a removed USB stick, a deleted project). */
static void
test_folder_removed_while_open (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  g_assert_false (venture_document_save (fixture->document, NULL, FALSE, NULL, &error));
  assert_told (error, VENTURE_FILE_ERROR_NOT_FOUND, "canvas.json", "its folder does not exist");
  assert_document_unchanged (fixture);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));

  /* Back again (the stick is plugged in). */
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  assert_saves_later (fixture, FALSE);
}

/* The same guarantees one level down, for callers without a document:
 * venture_canvas_file_save() and venture_file_replace_contents(). */
static void
test_canvas_file_save (Fixture       *fixture,
                       gconstpointer  data)
{
  const Injected *cases[] = { &not_writable, &disk_full, &rename_fails };
  const char * const names[] = { "canvas.json", NULL };
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  canvas = venture_canvas_file_load (fixture->file, NULL, &etag, NULL, &error);
  g_assert_no_error (error);
  venture_canvas_set_title (canvas, "Changed");
  before = venture_canvas_file_to_bytes (canvas, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) after = NULL;

      venture_file_set_test_failure (cases[i]->failure);
      g_assert_false (venture_canvas_file_save (fixture->file, canvas, NULL, etag, NULL,
                                                NULL, &error));
      assert_told (error, cases[i]->code, "canvas.json", cases[i]->in_message);
      g_clear_error (&error);

      after = venture_canvas_file_to_bytes (canvas, NULL);
      g_assert_true (g_bytes_equal (before, after));
      assert_file_is (fixture->path, fixture->original);
      assert_folder_holds (fixture->dir, names);
    }

  /* The etag still holds after the failures. */
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);
  g_assert_true (venture_canvas_file_save (fixture->file, canvas, NULL, etag, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (fixture->path, before);
  assert_folder_holds (fixture->dir, names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/venture/save-failures/folder-not-writable", Fixture, &not_writable,
              fixture_set_up, test_injected, fixture_tear_down);
  g_test_add ("/venture/save-failures/disk-full", Fixture, &disk_full,
              fixture_set_up, test_injected, fixture_tear_down);
  g_test_add ("/venture/save-failures/rename-fails", Fixture, &rename_fails,
              fixture_set_up, test_injected, fixture_tear_down);
  g_test_add ("/venture/save-failures/target-is-folder", Fixture, NULL,
              fixture_set_up, test_target_is_folder, fixture_tear_down);
  g_test_add ("/venture/save-failures/replaced-while-open", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_replaced_while_open, fixture_tear_down);
  g_test_add ("/venture/save-failures/rewritten-while-open", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_replaced_while_open, fixture_tear_down);
  g_test_add ("/venture/save-failures/removed-while-open", Fixture, NULL,
              fixture_set_up, test_removed_while_open, fixture_tear_down);
  g_test_add ("/venture/save-failures/removed-then-disk-full", Fixture, NULL,
              fixture_set_up, test_removed_then_disk_full, fixture_tear_down);
  g_test_add ("/venture/save-failures/folder-removed-while-open", Fixture, NULL,
              fixture_set_up, test_folder_removed_while_open, fixture_tear_down);
  g_test_add ("/venture/save-failures/canvas-file-save", Fixture, NULL,
              fixture_set_up, test_canvas_file_save, fixture_tear_down);

  return g_test_run ();
}
