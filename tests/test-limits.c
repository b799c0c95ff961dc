/* test-limits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas-file.h"
#include "venture-validate.h"

/* docs/limits.md: what loads at the documented limits, and the message
 * past them. The data is made in memory, in the layout Venture writes,
 * so that a file at the limits also saves back to the same bytes. */

static const char head[] =
  "{\n"
  "  \"format\": \"venture-canvas\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Limits\",\n"
  "  \"template\": \"business-model-canvas\",\n"
  "  \"notes\": [";

static void
append_note (GString    *out,
             guint       index,
             const char *text)
{
  if (index > 0)
    g_string_append_c (out, ',');
  g_string_append_printf (out,
                          "\n    {\n"
                          "      \"id\": \"n-%u\",\n"
                          "      \"block\": \"channels\",\n"
                          "      \"text\": \"%s\",\n"
                          "      \"color\": \"yellow\",\n"
                          "      \"x\": %u,\n"
                          "      \"y\": %u\n"
                          "    }",
                          index, text, index % 1001, (index / 1001) % 1001);
}

static GBytes *
finish (GString *out,
        guint    n_notes)
{
  g_string_append (out, n_notes > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}

static void
assert_one_line_naming (const GError *error,
                        const char   *display_name,
                        const char   *in_message)
{
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, display_name));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, in_message));
}

/* 100,000 notes, the first of 10,000 characters (not bytes: two-byte
 * and four-byte ones), more than 64 MiB in all. */
static void
test_at_limits (void)
{
  const guint n_notes = 100000;
  const gsize min_size = 64 * 1024 * 1024;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) filler = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  GString *out;
  gsize per_note;

  for (guint i = 0; i < VENTURE_NOTE_TEXT_MAX; i++)
    g_string_append (long_text, i % 2 ? "é" : "😀");

  /* Plain text long enough that the whole file passes 64 MiB. */
  per_note = min_size / n_notes - 100;
  while (filler->len < per_note)
    g_string_append (filler, "Self-service repair clinics. ");

  out = g_string_sized_new (min_size + 16 * 1024 * 1024);
  g_string_append (out, head);
  append_note (out, 0, long_text->str);
  for (guint i = 1; i < n_notes; i++)
    append_note (out, i, filler->str);
  bytes = finish (out, n_notes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, min_size);

  canvas = venture_canvas_file_load_bytes (bytes, "limits.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, n_notes);
  g_assert_cmpuint (g_utf8_strlen (venture_note_get_text (venture_canvas_get_note (canvas, 0)), -1),
                    ==, VENTURE_NOTE_TEXT_MAX);
  g_assert_cmpstr (venture_note_get_id (venture_canvas_get_note (canvas, n_notes - 1)),
                   ==, "n-99999");

  saved = venture_canvas_file_to_bytes (canvas, NULL);
  g_assert_true (g_bytes_equal (bytes, saved));
}

static void
test_text_too_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  GString *out;

  for (guint i = 0; i < VENTURE_NOTE_TEXT_MAX + 1; i++)
    g_string_append (text, "é");

  out = g_string_new (head);
  append_note (out, 0, "fine");
  append_note (out, 1, text->str);
  bytes = finish (out, 2);

  canvas = venture_canvas_file_load_bytes (bytes, "long.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID);
  g_assert_null (canvas);
  assert_one_line_naming (error, "long.json", "note 2");
  assert_one_line_naming (error, "long.json", "10000");
}

/* Counted before a single note is read, so the cheapest notes will do. */
static void
test_too_many_notes (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  GString *out = g_string_new (head);
  g_autofree char *expected = NULL;

  for (guint i = 0; i < VENTURE_FILE_MAX_NOTES + 1; i++)
    g_string_append (out, i > 0 ? ",0" : "0");
  bytes = finish (out, 0);

  canvas = venture_canvas_file_load_bytes (bytes, "many.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE);
  g_assert_null (canvas);
  expected = g_strdup_printf ("has %u notes, more than the %u Venture reads",
                              VENTURE_FILE_MAX_NOTES + 1, VENTURE_FILE_MAX_NOTES);
  assert_one_line_naming (error, "many.json", expected);
}

static void
test_too_large (void)
{
  gsize size = (gsize) VENTURE_FILE_MAX_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  canvas = venture_canvas_file_load_bytes (bytes, "huge.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE);
  g_assert_null (canvas);
  assert_one_line_naming (error, "huge.json", "larger than 256 MiB");
}

/* Found by the fuzzer: made-up ids (blocks, colours, tags) were interned
 * for the life of the process, so every file opened grew it for good.
 * They must go with the canvas; g_quark_try_string() tells whether GLib
 * interned a string. */
static void
test_made_up_ids_not_kept (void)
{
  const guint n = 3000;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "%s{\"id\": \"n-%u\", \"block\": \"made-up-block-%u\", "
                            "\"color\": \"made-up-color-%u\", \"relationship\": \"made-up-tag-%u\", "
                            "\"x\": 0, \"y\": 0}",
                            i > 0 ? "," : "", i, i, i, i);
  bytes = finish (out, n);

  canvas = venture_canvas_file_load_bytes (bytes, "made-up.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (venture_note_get_color (venture_canvas_get_note (canvas, n - 1)),
                   ==, "made-up-color-2999");
  g_clear_object (&canvas);

  g_assert_cmpuint (g_quark_try_string ("made-up-block-0"), ==, 0);
  g_assert_cmpuint (g_quark_try_string ("made-up-color-1500"), ==, 0);
  g_assert_cmpuint (g_quark_try_string ("made-up-tag-2999"), ==, 0);
}

/* A message quoting the file stays short whatever it quotes. */
static void
test_long_string_in_message (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  GString *out = g_string_new ("{\"format\": \"");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (out, i % 100 ? "x" : "\n");
  g_string_append (out, "\", \"version\": 1}");
  bytes = g_string_free_to_bytes (out);

  canvas = venture_canvas_file_load_bytes (bytes, "quoted.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_CANVAS);
  assert_one_line_naming (error, "quoted.json", "its format is");
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/limits/at-limits", test_at_limits);
  g_test_add_func ("/venture/limits/text-too-long", test_text_too_long);
  g_test_add_func ("/venture/limits/too-many-notes", test_too_many_notes);
  g_test_add_func ("/venture/limits/too-large", test_too_large);
  g_test_add_func ("/venture/limits/made-up-ids-not-kept", test_made_up_ids_not_kept);
  g_test_add_func ("/venture/limits/long-string-in-message", test_long_string_in_message);

  return g_test_run ();
}
