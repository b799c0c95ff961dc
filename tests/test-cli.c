/* test-cli.c: the real venture binary on the command line, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "venture-cli.h"

typedef struct {
  char *dir;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("venture-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Runs venture with no X and no Wayland: anything that tried to open a
 * display would fail or warn on stderr. */
static void
run_with_env (Result             *result,
              const char * const *args,
              const char         *variable,
              const char         *value);

static void
run (Result             *result,
     const char * const *args)
{
  run_with_env (result, args, NULL, NULL);
}

/* Same, with one more variable in the environment (NULL: none). */
static void
run_with_env (Result             *result,
              const char * const *args,
              const char         *variable,
              const char         *value)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("VENTURE_EXE");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "GDK_BACKEND");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  if (variable != NULL)
    g_subprocess_launcher_setenv (launcher, variable, value, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("stdout: %s", result->out);
  g_test_message ("stderr: %s", result->err);
}

static char *
test_file (const char *kind,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", kind, name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Exit 1, one line on stderr naming @name, no output file. */
static void
assert_refused (Result     *result,
                const char *name,
                const char *out_path)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_nonnull (strstr (result->err, name));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

static const char *good_files[] = {
  "bike-repair-after.json",
  "bike-repair-before.json",
  "bike-repair.json",
  "minimal.json",
  "productivity-service.json",
  "unknown-members.json",
  "with-history.json",
};

/* The good files are in the canonical layout, so the copy is the same
 * bytes, history and unknown members included. */
static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autofree char *input = test_file ("good", good_files[i]);
      g_autofree char *out = g_build_filename (fixture->dir, "copy.json", NULL);
      g_autofree char *option = g_strdup_printf ("--export=%s", out);
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      g_auto(Result) result = { 0, };
      gsize expected_length, written_length;

      run (&result, (const char *[]) { option, input, NULL });
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_cmpstr (result.out, ==, "");

      g_assert_true (g_file_get_contents (input, &expected, &expected_length, NULL));
      g_assert_true (g_file_get_contents (out, &written, &written_length, NULL));
      g_assert_cmpmem (written, written_length, expected, expected_length);
      g_unlink (out);
    }
}

static const char *bad_files[] = {
  "binary.json", "comment.json", "duplicate-ids.json", "empty.json", "huge-integer.json",
  "invalid-utf8.json", "nan.json", "newer-version.json", "not-json.json",
  "other-format.json", "out-of-range.json", "top-level-array.json",
  "truncated.json", "unknown-template.json", "wrong-type-x.json",
};

static void
test_export_bad (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *input = test_file ("bad", bad_files[i]);
      g_autofree char *out = g_build_filename (fixture->dir, "copy.json", NULL);
      g_autofree char *option = g_strdup_printf ("--export=%s", out);
      g_auto(Result) result = { 0, };

      run (&result, (const char *[]) { option, input, NULL });
      assert_refused (&result, bad_files[i], out);
    }
}

static void
test_export_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *input = test_file ("bad", "newer-version.json");
  g_autofree char *out = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { option, input, NULL });
  assert_refused (&result, "newer-version.json", out);
  g_assert_nonnull (strstr (result.err, "made by a newer version of Venture"));
}

static void
test_export_unknown_extension (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "minimal.json");
  g_autofree char *out = g_build_filename (fixture->dir, "copy.txt", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { option, input, NULL });
  assert_refused (&result, "copy.txt", out);
  g_assert_nonnull (strstr (result.err, ".json"));
}

static void
test_export_missing_input (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *input = g_build_filename (fixture->dir, "nowhere.json", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { option, input, NULL });
  assert_refused (&result, "nowhere.json", out);
}

static void
test_export_input_count (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "minimal.json");
  g_autofree char *out = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) none = { 0, };
  g_auto(Result) two = { 0, };

  run (&none, (const char *[]) { option, NULL });
  assert_refused (&none, "copy.json", out);

  run (&two, (const char *[]) { option, input, input, NULL });
  assert_refused (&two, "copy.json", out);
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "minimal.json");
  g_autofree char *out = g_build_filename (fixture->dir, "no-such-folder", "copy.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { option, input, NULL });
  assert_refused (&result, "copy.json", out);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* PDF, PNG and SVG from every good file, with the page options. */
static void
test_export_pictures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "productivity-service.json");
  g_autofree char *pdf = g_build_filename (fixture->dir, "poster.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "poster.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "poster.svg", NULL);
  g_autofree char *pdf_option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *png_option = g_strdup_printf ("--export=%s", png);
  g_autofree char *svg_option = g_strdup_printf ("--export=%s", svg);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;

  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autofree char *good = test_file ("good", good_files[i]);
      g_auto(Result) result = { 0, };

      run (&result, (const char *[]) { pdf_option, good, NULL });
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_cmpstr (result.out, ==, "");
      text = run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
      g_assert_nonnull (strstr (text, "The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0"));
      g_clear_pointer (&text, g_free);
      g_unlink (pdf);
    }

  {
    g_auto(Result) result = { 0, };

    run (&result, (const char *[]) { pdf_option, "--page-size=A3", "--orientation=portrait", input, NULL });
    g_assert_cmpint (result.status, ==, 0);
    info = run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
    g_assert_nonnull (strstr (info, "842 x 1191 pts"));
  }

  {
    g_auto(Result) result = { 0, };

    run (&result, (const char *[]) { png_option, "--scale=2", "--page-size=letter", input, NULL });
    g_assert_cmpint (result.status, ==, 0);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 792 * 2);
    g_assert_cmpint (cairo_image_surface_get_height (image) % (612 * 2), ==, 0);
    cairo_surface_destroy (image);
  }

  {
    g_auto(Result) result = { 0, };

    run (&result, (const char *[]) { svg_option, input, NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_free (run_tool ((const char *[]) { "xmllint", "--noout", svg, NULL }));
  }
}

/* A bad option value or bad input: the usual refusal, naming the file
 * and listing what would work. */
static void
test_export_pictures_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "minimal.json");
  g_autofree char *bad = test_file ("bad", "truncated.json");
  g_autofree char *pdf = g_build_filename (fixture->dir, "poster.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "poster.png", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *png_option = g_strdup_printf ("--export=%s", png);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "poster.pdf", NULL);
  g_autofree char *missing_option = g_strdup_printf ("--export=%s", missing);
  g_auto(Result) size = { 0, };
  g_auto(Result) orientation = { 0, };
  g_auto(Result) scale = { 0, };
  g_auto(Result) input_error = { 0, };
  g_auto(Result) unwritable = { 0, };
  g_auto(Result) stray = { 0, };

  run (&size, (const char *[]) { option, "--page-size=a5", input, NULL });
  assert_refused (&size, "poster.pdf", pdf);
  g_assert_nonnull (strstr (size.err, "a4, a3, letter"));

  run (&orientation, (const char *[]) { option, "--orientation=upside-down", input, NULL });
  assert_refused (&orientation, "poster.pdf", pdf);
  g_assert_nonnull (strstr (orientation.err, "landscape, portrait"));

  run (&scale, (const char *[]) { png_option, "--scale=3", input, NULL });
  assert_refused (&scale, "poster.png", png);
  g_assert_nonnull (strstr (scale.err, "1, 2, 4"));

  run (&input_error, (const char *[]) { option, bad, NULL });
  assert_refused (&input_error, "truncated.json", pdf);

  run (&unwritable, (const char *[]) { missing_option, input, NULL });
  assert_refused (&unwritable, "poster.pdf", missing);

  /* Page options mean nothing without --export. */
  run (&stray, (const char *[]) { "--page-size=a3", NULL });
  g_assert_cmpint (stray.status, ==, 1);
  g_assert_cmpuint (count_lines (stray.err), ==, 1);
  g_assert_nonnull (strstr (stray.err, "--export"));
}

/* `venture` runs an export without loading GTK at all (the app proper,
 * venture-app, has it): glibc's loader lists what it loads. */
static void
test_export_without_gtk (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *out = g_build_filename (fixture->dir, "light.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run_with_env (&result, (const char *[]) { option, input, NULL }, "LD_DEBUG", "files");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  /* The loader did report: cairo, which the export needs, is there. */
  g_assert_nonnull (strstr (result.err, "libcairo.so"));
  g_assert_null (strstr (result.err, "libgtk-4.so"));
  g_assert_null (strstr (result.err, "libadwaita-1.so"));
}

/* A command line `venture` does not take for an export goes to the app,
 * which explains it as ever. */
static void
test_export_unknown_option (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *out = g_build_filename (fixture->dir, "never.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { option, "--no-such-option", input, NULL });
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Unknown option --no-such-option"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_version (void)
{
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { "--version", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, APP_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_help (void)
{
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { "--help", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "--export=OUT"));
  g_assert_nonnull (strstr (result.out, "--snapshot=NAME"));
  g_assert_nonnull (strstr (result.out, "--compare=NAME1[,NAME2]"));
  g_assert_nonnull (strstr (result.out, "--version"));
  g_assert_nonnull (strstr (result.out, "[FILE…]"));
}

/* The stored version, not the canvas: the very bytes of the "before"
 * canvas, with neither the history nor the versions. */
static void
test_export_snapshot (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *before = test_file ("good", "bike-repair-before.json");
  g_autofree char *out = g_build_filename (fixture->dir, "before.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_auto(Result) result = { 0, };
  g_auto(Result) separate = { 0, };
  gsize expected_length, written_length;

  run (&result, (const char *[]) { option, "--snapshot=Before feedback", input, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, "");

  g_assert_true (g_file_get_contents (before, &expected, &expected_length, NULL));
  g_assert_true (g_file_get_contents (out, &written, &written_length, NULL));
  g_assert_cmpmem (written, written_length, expected, expected_length);
  g_unlink (out);

  /* The option's value as a separate argument, before --export. */
  run (&separate, (const char *[]) { "--snapshot", "Before feedback", option, input, NULL });
  g_assert_cmpint (separate.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The same dispatch for pictures: the PDF shows the version's notes,
 * not the canvas's. */
static void
test_export_snapshot_pdf (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *pdf = g_build_filename (fixture->dir, "before.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(Result) result = { 0, };
  g_auto(Result) unknown = { 0, };

  run (&result, (const char *[]) { option, "--snapshot=Before feedback", input, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  text = run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
  /* Lines may wrap anywhere: compare without white space. */
  flat = g_strdup (text);
  g_strdelimit (flat, " \n\t\f", '_');
  g_assert_nonnull (strstr (flat, "Dedicated"));
  g_assert_nonnull (strstr (flat, "Per_repair_fee"));
  g_assert_null (strstr (flat, "Self-service_repair"));
  g_assert_null (strstr (flat, "Clinic_tickets"));
  g_unlink (pdf);

  run (&unknown, (const char *[]) { option, "--snapshot=Nope", input, NULL });
  assert_refused (&unknown, "bike-repair.json", pdf);
  g_assert_nonnull (strstr (unknown.err, "“Before feedback”"));
}

static void
test_export_snapshot_unknown (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *out = g_build_filename (fixture->dir, "before.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_auto(Result) result = { 0, };
  g_auto(Result) none = { 0, };
  g_autofree char *plain = test_file ("good", "minimal.json");

  run (&result, (const char *[]) { option, "--snapshot=After feedback", input, NULL });
  assert_refused (&result, "bike-repair.json", out);
  g_assert_nonnull (strstr (result.err, "“After feedback”"));
  /* It names the versions there are. */
  g_assert_nonnull (strstr (result.err, "its versions are “Before feedback”"));

  run (&none, (const char *[]) { option, "--snapshot=Before feedback", plain, NULL });
  assert_refused (&none, "minimal.json", out);
  g_assert_nonnull (strstr (none.err, "it has no versions"));
}

static void
test_snapshot_without_export (void)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_auto(Result) result = { 0, };

  run (&result, (const char *[]) { "--snapshot=Before feedback", input, NULL });
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "--export"));
}

/* A comparison page from the command line: the canvas with marks, the
 * summary and both mixes; unknown names refused like --snapshot's. */
static void
test_export_compare (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *input = test_file ("good", "bike-repair.json");
  g_autofree char *pdf = g_build_filename (fixture->dir, "changes.pdf", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "changes.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *json_option = g_strdup_printf ("--export=%s", json);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(Result) result = { 0, };
  g_auto(Result) same = { 0, };
  g_auto(Result) unknown = { 0, };
  g_auto(Result) second_unknown = { 0, };
  g_auto(Result) as_json = { 0, };
  g_auto(Result) both = { 0, };
  g_auto(Result) alone = { 0, };

  run (&result, (const char *[]) { option, "--compare=Before feedback", input, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, "");
  text = run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
  flat = g_strdup (text);
  g_strdelimit (flat, " \n\t\f", '_');
  g_assert_nonnull (strstr (flat, "Comparison_of_“Before_feedback”_and_“Now”"));
  g_assert_nonnull (strstr (flat, "3_notes_added,_2_notes_removed,_2_reworded"));
  g_assert_nonnull (strstr (flat, "✎"));
  g_assert_nonnull (strstr (flat, "Relationship_mix"));
  /* The canvas drawn is the canvas itself, not the version. */
  g_assert_nonnull (strstr (flat, "Clinic_tickets"));
  g_unlink (pdf);

  /* A version against itself: no change. */
  run (&same, (const char *[]) { option, "--compare=Before feedback,Before feedback", input, NULL });
  g_assert_cmpint (same.status, ==, 0);
  g_clear_pointer (&text, g_free);
  text = run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "No changes"));
  g_unlink (pdf);

  run (&unknown, (const char *[]) { option, "--compare=Nope", input, NULL });
  assert_refused (&unknown, "bike-repair.json", pdf);
  g_assert_nonnull (strstr (unknown.err, "its versions are “Before feedback”"));
  run (&second_unknown, (const char *[]) { option, "--compare=Before feedback,Nope", input, NULL });
  assert_refused (&second_unknown, "bike-repair.json", pdf);

  run (&as_json, (const char *[]) { json_option, "--compare=Before feedback", input, NULL });
  assert_refused (&as_json, "changes.json", json);
  run (&both, (const char *[]) { option, "--compare=Before feedback", "--snapshot=Before feedback", input, NULL });
  g_assert_cmpint (both.status, ==, 1);
  g_assert_cmpuint (count_lines (both.err), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run (&alone, (const char *[]) { "--compare=Before feedback", input, NULL });
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.err, "--export"));
}

typedef struct {
  const char *language;
  const char *snapshot_line;
  const char *compare_line;
} QuotedLines;

static const QuotedLines quoted_lines[] = {
  { "de",
    "*„bike-repair.json“ hat keine Version namens „Nope“; vorhandene Versionen: „Before feedback“\n*",
    "*„bike-repair.json“ hat keine Version namens „Nope“ (geben Sie NAME oder NAME1,NAME2 an); "
    "vorhandene Versionen: „Before feedback“\n*" },
  { "es",
    "*«bike-repair.json» no tiene ninguna versión llamada «Nope»; sus versiones son: «Before feedback»\n*",
    "*«bike-repair.json» no tiene ninguna versión llamada «Nope» (indique NOMBRE o NOMBRE1,NOMBRE2); "
    "sus versiones son: «Before feedback»\n*" },
};

/* The quotes around the names of the versions are the translation's, like
 * the others of the line, never the English “…”. In
 * process, with the catalogues of the build dir. */
static void
test_translated_quotes (Fixture       *fixture,
                        gconstpointer  data)
{
  const QuotedLines *lines = data;

  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
      g_autofree char *input = test_file ("good", "bike-repair.json");
      g_autofree char *json = g_build_filename (fixture->dir, "out.json", NULL);
      g_autofree char *pdf = g_build_filename (fixture->dir, "out.pdf", NULL);

      /* Any locale but "C", where gettext ignores LANGUAGE. */
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      g_setenv ("LANGUAGE", lines->language, TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_assert_cmpint (venture_cli_export_full (json, input, NULL, NULL, NULL, "Nope"), ==, 1);
      g_assert_cmpint (venture_cli_export_comparison (pdf, input, NULL, NULL, NULL, "Nope"), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (lines->snapshot_line);
  g_test_trap_assert_stderr (lines->compare_line);
  g_test_trap_assert_stderr_unmatched ("*“Before feedback”*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/venture/cli/export/json", Fixture, NULL,
              fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/venture/cli/export/bad", Fixture, NULL,
              fixture_set_up, test_export_bad, fixture_tear_down);
  g_test_add ("/venture/cli/export/newer", Fixture, NULL,
              fixture_set_up, test_export_newer, fixture_tear_down);
  g_test_add ("/venture/cli/export/unknown-extension", Fixture, NULL,
              fixture_set_up, test_export_unknown_extension, fixture_tear_down);
  g_test_add ("/venture/cli/export/missing-input", Fixture, NULL,
              fixture_set_up, test_export_missing_input, fixture_tear_down);
  g_test_add ("/venture/cli/export/input-count", Fixture, NULL,
              fixture_set_up, test_export_input_count, fixture_tear_down);
  g_test_add ("/venture/cli/export/unwritable", Fixture, NULL,
              fixture_set_up, test_export_unwritable, fixture_tear_down);
  g_test_add ("/venture/cli/export/pictures", Fixture, NULL,
              fixture_set_up, test_export_pictures, fixture_tear_down);
  g_test_add ("/venture/cli/export/pictures-refused", Fixture, NULL,
              fixture_set_up, test_export_pictures_refused, fixture_tear_down);
  g_test_add ("/venture/cli/export/snapshot", Fixture, NULL,
              fixture_set_up, test_export_snapshot, fixture_tear_down);
  g_test_add ("/venture/cli/export/snapshot-pdf", Fixture, NULL,
              fixture_set_up, test_export_snapshot_pdf, fixture_tear_down);
  g_test_add ("/venture/cli/export/snapshot-unknown", Fixture, NULL,
              fixture_set_up, test_export_snapshot_unknown, fixture_tear_down);
  g_test_add ("/venture/cli/export/compare", Fixture, NULL,
              fixture_set_up, test_export_compare, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (quoted_lines); i++)
    {
      g_autofree char *path = g_strdup_printf ("/venture/cli/translated-quotes/%s", quoted_lines[i].language);

      g_test_add (path, Fixture, &quoted_lines[i],
                  fixture_set_up, test_translated_quotes, fixture_tear_down);
    }
  g_test_add ("/venture/cli/export/without-gtk", Fixture, NULL,
              fixture_set_up, test_export_without_gtk, fixture_tear_down);
  g_test_add ("/venture/cli/export/unknown-option", Fixture, NULL,
              fixture_set_up, test_export_unknown_option, fixture_tear_down);
  g_test_add_func ("/venture/cli/snapshot-without-export", test_snapshot_without_export);
  g_test_add_func ("/venture/cli/version", test_version);
  g_test_add_func ("/venture/cli/help", test_help);

  return g_test_run ();
}
