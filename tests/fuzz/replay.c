/* replay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include <glib.h>

/* The fuzzing harness (fuzz-canvas-file.c), built without libFuzzer and
 * run on every test file, the fuzzer's seeds and what it found: each
 * file one test case, in the normal, sanitized and valgrind runs. A
 * failure aborts with the harness's message. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
test_replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (const char *test_dir,
            const char *folder)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, folder, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/venture/fuzz-replay/%s/%s", test_dir, file_name);

      /* Owned by the test run, freed at exit. */
      g_test_add_data_func_full (test_path, g_build_filename (dir_path, file_name, NULL),
                                 test_replay, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  add_folder ("good", "files/good");
  add_folder ("bad", "files/bad");
  add_folder ("corpus", "fuzz/corpus");

  return g_test_run ();
}
