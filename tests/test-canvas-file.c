/* test-canvas-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "venture-canvas-file.h"
#include "venture-validate.h"
#include "venture-version.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("venture-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

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

static GBytes *
read_test_file (const char *kind,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", kind, name, NULL);

  return read_bytes (path);
}

static char *
write_in (Fixture    *fixture,
          const char *name,
          GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static VentureCanvas *
load_good (const char  *name,
           JsonNode   **history)
{
  g_autoptr(GBytes) bytes = read_test_file ("good", name);
  g_autoptr(GError) error = NULL;
  VentureCanvas *canvas;

  canvas = venture_canvas_file_load_bytes (bytes, name, history, &error);
  g_assert_no_error (error);
  g_assert_nonnull (canvas);

  return canvas;
}

/* Every good file is written in the canonical layout, so saving what was
 * loaded gives the very same bytes, and loading them again the same
 * canvas. */
static const char *good_files[] = {
  "bike-repair-after.json",
  "bike-repair-before.json",
  "bike-repair.json",
  "minimal.json",
  "productivity-service.json",
  "unknown-members.json",
  "with-history.json",
};

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) original = read_test_file ("good", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(JsonNode) history_again = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(VentureCanvas) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  canvas = venture_canvas_file_load_bytes (original, name, &history, &error);
  g_assert_no_error (error);

  saved = venture_canvas_file_to_bytes (canvas, history);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  again = venture_canvas_file_load_bytes (saved, name, &history_again, &error);
  g_assert_no_error (error);
  g_assert_true (venture_canvas_equal (canvas, again));
  g_assert_true ((history == NULL) == (history_again == NULL));
  if (history != NULL)
    g_assert_true (json_node_equal (history, history_again));

  saved_again = venture_canvas_file_to_bytes (again, history_again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_examples (void)
{
  g_autoptr(VentureCanvas) productivity = load_good ("productivity-service.json", NULL);
  g_autoptr(VentureCanvas) bike = load_good ("bike-repair.json", NULL);
  VentureNote *note;

  g_assert_cmpstr (venture_canvas_get_title (productivity), ==, "Productivity web service");
  g_assert_cmpstr (venture_canvas_get_template_id (productivity), ==, "business-model-canvas");
  g_assert_cmpuint (venture_canvas_get_n_notes (productivity), ==, 10);

  note = venture_canvas_get_note (productivity, 3);
  g_assert_cmpstr (venture_note_get_id (note), ==, "n-cr1");
  g_assert_cmpstr (venture_note_get_block (note), ==, "customer-relationships");
  g_assert_cmpstr (venture_note_get_text (note), ==, "User guide, FAQ and contact form");
  g_assert_cmpstr (venture_note_get_color (note), ==, "yellow");
  g_assert_cmpint (venture_note_get_x (note), ==, 120);
  g_assert_cmpint (venture_note_get_y (note), ==, 340);
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "self-service");
  g_assert_cmpstr (venture_note_get_stage (note), ==, "retention");
  g_assert_null (venture_note_get_strategy (note));
  g_assert_cmpstrv (venture_note_get_segments (note), ((const char *[]) { "n-seg1", NULL }));
  g_assert_null (venture_note_get_extra (note));

  note = venture_canvas_get_note (productivity, 8);
  g_assert_cmpint (venture_note_get_x (note), ==, 1000);
  g_assert_cmpint (venture_note_get_y (note), ==, 1000);

  /* Stacking order is file order; ids are kept as read. */
  g_assert_cmpstr (venture_note_get_id (venture_canvas_get_note (bike, 2)), ==, "n-3f2a");
  g_assert_cmpstr (venture_note_get_block (venture_canvas_get_note (bike, 6)), ==, "unsorted");

  /* Named versions are read as versions (test-versions.c has the rest),
   * not kept as an unknown member. */
  g_assert_null (venture_canvas_get_extra (bike));
  g_assert_cmpuint (venture_canvas_get_n_versions (bike), ==, 1);
  g_assert_cmpstr (venture_version_get_name (venture_canvas_get_version (bike, 0)), ==, "Before feedback");
}

static void
test_unknown_members (void)
{
  g_autoptr(VentureCanvas) canvas = load_good ("unknown-members.json", NULL);
  VentureNote *note = venture_canvas_get_note (canvas, 0);
  JsonObject *extra;
  const char *expected_canvas[] = { "window", "x-tool", "numbers" };
  guint i = 0;

  /* Unknown ids are kept as read, never replaced or dropped. */
  g_assert_cmpstr (venture_note_get_id (note), ==, "weird id with spaces ✓");
  g_assert_cmpstr (venture_note_get_block (note), ==, "block-from-the-future");
  g_assert_cmpstr (venture_note_get_color (note), ==, "ultraviolet");
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "telepathy");
  g_assert_cmpstr (venture_note_get_stage (note), ==, "rebirth");
  g_assert_cmpstr (venture_note_get_strategy (note), ==, "carrier-pigeon");
  g_assert_cmpstrv (venture_note_get_segments (note), ((const char *[]) { "n-x", "n-y", NULL }));

  extra = venture_note_get_extra (note);
  g_assert_nonnull (extra);
  g_assert_cmpuint (json_object_get_size (extra), ==, 3);
  g_assert_true (json_object_get_boolean_member (extra, "pinned"));
  g_assert_cmpint (json_object_get_int_member (extra, "z-order"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (extra, "attachment"), "url"),
                   ==, "https://example.org");

  extra = venture_note_get_extra (venture_canvas_get_note (canvas, 1));
  g_assert_nonnull (extra);
  g_assert_true (json_object_get_null_member (extra, "rating"));

  extra = venture_canvas_get_extra (canvas);
  g_assert_nonnull (extra);
  g_assert_cmpuint (json_object_get_size (extra), ==, G_N_ELEMENTS (expected_canvas));
  {
    JsonObjectIter iter;
    const char *name;

    json_object_iter_init_ordered (&iter, extra);
    while (json_object_iter_next_ordered (&iter, &name, NULL))
      g_assert_cmpstr (name, ==, expected_canvas[i++]);
  }
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==,
                   "Ünïcödé “quotes” \"escaped\" \\ and\nnewline\ttab \x01 control");
}

static void
test_history (void)
{
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(VentureCanvas) with = load_good ("with-history.json", &history);
  g_autoptr(VentureCanvas) without = load_good ("productivity-service.json", &none);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) without_history = NULL;
  const char *data;

  g_assert_nonnull (history);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (history));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (history), "clean"), ==, 1);
  /* History is not an unknown member: it is handed over, not kept. */
  g_assert_null (venture_canvas_get_extra (with));

  g_assert_null (none);

  /* Written between the notes and the unknown members. */
  bytes = venture_canvas_file_to_bytes (without, history);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (data, "\n  ],\n  \"history\": {\n    \"undo\": ["));

  without_history = venture_canvas_file_to_bytes (with, NULL);
  g_assert_null (strstr (g_bytes_get_data (without_history, NULL), "\"history\""));
}

static void
test_normalise (void)
{
  const char *input =
    "{\"notes\":[{\"y\":2.0,\"x\":1,\"block\":\"channels\",\"id\":\"a\",\"text\":\"T\",\"stage\":null,\"segments\":[]}],"
    "\"unknown\":[1,{}],\"template\":\"business-model-canvas\",\"version\":1.0,\"format\":\"venture-canvas\"}";
  const char *expected =
    "{\n"
    "  \"format\": \"venture-canvas\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"\",\n"
    "  \"template\": \"business-model-canvas\",\n"
    "  \"notes\": [\n"
    "    {\n"
    "      \"id\": \"a\",\n"
    "      \"block\": \"channels\",\n"
    "      \"text\": \"T\",\n"
    "      \"color\": \"yellow\",\n"
    "      \"x\": 1,\n"
    "      \"y\": 2\n"
    "    }\n"
    "  ],\n"
    "  \"unknown\": [\n"
    "    1,\n"
    "    {}\n"
    "  ]\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) saved = NULL;

  canvas = venture_canvas_file_load_bytes (bytes, "input.json", NULL, &error);
  g_assert_no_error (error);
  saved = venture_canvas_file_to_bytes (canvas, NULL);
  g_assert_cmpstr (g_bytes_get_data (saved, NULL), ==, expected);
}

/* The bad corpus: one file per way a file can be broken. */
typedef struct {
  const char       *name;
  VentureFileError  code;
  const char       *in_message;   /* optional */
} BadFile;

static const BadFile bad_files[] = {
  { "binary.json", VENTURE_FILE_ERROR_INVALID_UTF8, "line 1, column 1 is not UTF-8" },
  { "blank.json", VENTURE_FILE_ERROR_EMPTY, "empty" },
  { "comment.json", VENTURE_FILE_ERROR_SYNTAX, "line 2, column 31: unexpected character “/”" },
  { "duplicate-ids.json", VENTURE_FILE_ERROR_DUPLICATE_ID, "notes 1 and 3" },
  { "empty-id.json", VENTURE_FILE_ERROR_INVALID, "“id”" },
  { "empty.json", VENTURE_FILE_ERROR_EMPTY, "empty" },
  { "fraction.json", VENTURE_FILE_ERROR_INVALID, "“x” must be a whole number from 0 to 1000" },
  { "huge-integer.json", VENTURE_FILE_ERROR_INVALID, "line 12, column 12: the number is too large" },
  { "infinity-unknown-member.json", VENTURE_FILE_ERROR_INVALID, "“zoom”" },
  { "infinity.json", VENTURE_FILE_ERROR_INVALID, "note 1: “x”" },
  { "invalid-utf8.json", VENTURE_FILE_ERROR_INVALID_UTF8, "line 10, column 22" },
  /* Found by the fuzzer: json-glib decodes "\ud800" to bytes that are not UTF-8. */
  { "lone-surrogate.json", VENTURE_FILE_ERROR_INVALID_UTF8, "lone surrogate" },
  /* Found by the fuzzer: "\ud60" and a byte that is no hex digit, read on
   * into bytes that are not UTF-8 either. */
  { "short-unicode-escape.json", VENTURE_FILE_ERROR_INVALID_UTF8, "lone surrogate" },
  { "missing-id.json", VENTURE_FILE_ERROR_INVALID, "no “id”" },
  { "missing-template.json", VENTURE_FILE_ERROR_INVALID, "“template”" },
  { "missing-version.json", VENTURE_FILE_ERROR_INVALID, "“version”" },
  { "missing-x.json", VENTURE_FILE_ERROR_INVALID, "no “x”" },
  { "nan.json", VENTURE_FILE_ERROR_SYNTAX, "line 12, column" },
  { "negative.json", VENTURE_FILE_ERROR_INVALID, "“y”" },
  { "newer-version.json", VENTURE_FILE_ERROR_TOO_NEW, "made by a newer version of Venture" },
  /* Found by the fuzzer: messages that quote the file stay on one line. */
  { "newline-in-format.json", VENTURE_FILE_ERROR_NOT_CANVAS, "its format is “venture-canv 20 " },
  { "newline-in-syntax-error.json", VENTURE_FILE_ERROR_SYNTAX, "line 12, column 7: unexpected string constant" },
  { "not-json.json", VENTURE_FILE_ERROR_SYNTAX, "line 1, column" },
  { "nul-byte.json", VENTURE_FILE_ERROR_INVALID_UTF8, "line 10, column 19" },
  /* Found by the fuzzer: json-glib takes C's octal escapes, which can
   * make bytes that are not UTF-8 (here inside a history step). */
  { "octal-escape-in-history.json", VENTURE_FILE_ERROR_SYNTAX, "line 66, column 25: unexpected character “2”" },
  { "octal-escape.json", VENTURE_FILE_ERROR_SYNTAX, "line 4, column 22: unexpected character “2”" },
  { "other-format.json", VENTURE_FILE_ERROR_NOT_CANVAS, "no “format”" },
  { "out-of-range.json", VENTURE_FILE_ERROR_INVALID, "from 0 to 1000" },
  { "single-quotes.json", VENTURE_FILE_ERROR_SYNTAX, "line 1, column 2: unexpected character “'”" },
  { "text-too-long.json", VENTURE_FILE_ERROR_INVALID, "note 1" },
  { "top-level-array.json", VENTURE_FILE_ERROR_NOT_CANVAS, "not an object" },
  { "top-level-string.json", VENTURE_FILE_ERROR_NOT_CANVAS, "not an object" },
  { "trailing-garbage.json", VENTURE_FILE_ERROR_SYNTAX, "line 17, column 1" },
  { "truncated.json", VENTURE_FILE_ERROR_SYNTAX, "line 7, column 5" },
  { "unknown-template.json", VENTURE_FILE_ERROR_UNKNOWN_TEMPLATE, "“lean-canvas-3000”" },
  { "version-bad-date.json", VENTURE_FILE_ERROR_INVALID, "version 1: “created”" },
  { "version-bad-note.json", VENTURE_FILE_ERROR_INVALID, "version “Before feedback”, note 2: “x”" },
  { "version-blank-name.json", VENTURE_FILE_ERROR_INVALID, "version 1: A version needs a name" },
  { "version-date-no-zone.json", VENTURE_FILE_ERROR_INVALID, "version 1: “created”" },
  { "version-duplicate-ids.json", VENTURE_FILE_ERROR_DUPLICATE_ID, "in version “Before feedback”, notes 1 and 2" },
  { "version-duplicate-names.json", VENTURE_FILE_ERROR_DUPLICATE_VERSION, "two versions are called “Before feedback”" },
  { "version-missing-created.json", VENTURE_FILE_ERROR_INVALID, "version 1: it has no “created”" },
  { "version-missing-name.json", VENTURE_FILE_ERROR_INVALID, "version 1: it has no “name”" },
  { "version-wrong-type-version.json", VENTURE_FILE_ERROR_INVALID, "version 1: it is not an object" },
  { "version-wrong-type-versions.json", VENTURE_FILE_ERROR_INVALID, "“versions” must be a list" },
  { "wrong-format.json", VENTURE_FILE_ERROR_NOT_CANVAS, "“venture-board”" },
  { "wrong-type-note.json", VENTURE_FILE_ERROR_INVALID, "note 1: it is not an object" },
  { "wrong-type-notes.json", VENTURE_FILE_ERROR_INVALID, "“notes”" },
  { "wrong-type-segments.json", VENTURE_FILE_ERROR_INVALID, "“segments”" },
  { "wrong-type-tag.json", VENTURE_FILE_ERROR_INVALID, "“stage”" },
  { "wrong-type-text.json", VENTURE_FILE_ERROR_INVALID, "“text”" },
  { "wrong-type-title.json", VENTURE_FILE_ERROR_INVALID, "“title”" },
  { "wrong-type-x.json", VENTURE_FILE_ERROR_INVALID, "“x”" },
  { "zero-version.json", VENTURE_FILE_ERROR_INVALID, "“version”" },
};

/* Loads @path expecting @code; the file must be left exactly as it was. */
static void
assert_refused (const char       *path,
                VentureFileError  code,
                const char       *in_message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  canvas = venture_canvas_file_load (file, &history, &etag, NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, (int) code);
  g_assert_null (canvas);
  g_assert_null (history);
  g_assert_null (etag);

  /* Human, one line, naming the file. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_null (strchr (error->message, '\n'));
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autoptr(GBytes) bytes = read_test_file ("bad", bad->name);
  g_autofree char *path = write_in (fixture, bad->name, bytes);

  assert_refused (path, bad->code, bad->in_message);
}

/* Every file of the corpus has its test, and the other way round. */
static void
test_bad_corpus_complete (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "files", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        found |= g_str_equal (bad_files[i].name, name);
      if (!found)
        g_error ("%s has no entry in bad_files", name);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_files));
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint depth = 100000;
  GString *text = g_string_new ("{\"format\": \"venture-canvas\", \"version\": 1, "
                                "\"template\": \"business-model-canvas\", \"notes\": [], \"deep\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");

  bytes = g_string_free_to_bytes (text);
  path = write_in (fixture, "deep.json", bytes);
  assert_refused (path, VENTURE_FILE_ERROR_TOO_DEEP, "deeper than 64 levels at line 1, column");
}

static void
test_depth_allowed (void)
{
  GString *text = g_string_new ("{\"format\": \"venture-canvas\", \"version\": 1, "
                                "\"template\": \"business-model-canvas\", \"notes\": [], "
                                "\"brackets in strings\": \"[[[[{{{{\\\"[[[[\", \"deep\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  /* The top-level object is one level. */
  for (guint i = 1; i < VENTURE_FILE_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < VENTURE_FILE_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");

  bytes = g_string_free_to_bytes (text);
  canvas = venture_canvas_file_load_bytes (bytes, "deep.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (canvas);
}

/* The reader's own UTF-8 check agrees with GLib's on every byte
 * sequence thrown at it, and names the first bad byte. */
static void
test_utf8_like_glib (void)
{
  static const char *prefix = "{\"format\": \"venture-canvas\", \"version\": 1, "
                              "\"template\": \"business-model-canvas\", \"notes\": [], \"t\": \"";
  static const guchar interesting[] = {
    0x00, 0x01, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
    0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20000; round++)
    {
      GString *text = g_string_new (prefix);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureCanvas) canvas = NULL;
      guint n = g_rand_int_range (rand, 1, 12);
      const char *end = NULL;
      gboolean valid;

      /* Long ASCII runs too, for the eight-bytes-at-a-time path. */
      if (round % 2 == 0)
        g_string_append (text, "abcdefghijklmnopq");
      for (guint i = 0; i < n; i++)
        g_string_append_c (text, interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))]);
      if (round % 3 == 0)
        g_string_append (text, "rstuvwxyz0123456789");
      g_string_append (text, "\"}");

      valid = g_utf8_validate_len (text->str, text->len, &end);
      bytes = g_bytes_new (text->str, text->len);
      canvas = venture_canvas_file_load_bytes (bytes, "fuzz.json", NULL, &error);

      if (valid)
        {
          /* Still may be bad JSON (a control character in a string),
           * but never refused as UTF-8. */
          g_assert_false (g_error_matches (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID_UTF8));
        }
      else
        {
          g_autofree char *where = g_strdup_printf ("column %u is not UTF-8",
                                                    (guint) g_utf8_strlen (text->str, end - text->str) + 1);

          g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID_UTF8);
          g_assert_nonnull (strstr (error->message, where));
        }

      g_string_free (text, TRUE);
    }

  g_rand_free (rand);
}

/* Bytes that are not UTF-8 are what a file is refused for, whatever else
 * is wrong with it: the reader looks for them only once something else
 * failed (the scan, the escapes, the parser), and then before saying what. */
static void
test_utf8_before_other_errors (void)
{
  g_autofree char *brackets = g_strnfill (VENTURE_FILE_MAX_DEPTH + 1, '[');
  g_autofree char *too_deep = g_strconcat ("\"\xff\" ", brackets, NULL);
  const struct {
    const char *name;
    const char *text;
    const char *where;
  } cases[] = {
    { "too deep", too_deep, "line 1, column 2 is not UTF-8" },
    { "single quote", "{\"t\": \"\xc3\", 'u': 1}", "line 1, column 8 is not UTF-8" },
    { "comment", "{\"t\": 1}\n// \xe2\x82", "line 2, column 4 is not UTF-8" },
    { "octal escape", "{\"t\": \"\\200\", \"u\": \"\xed\xa0\x80\"}", "line 1, column 21 is not UTF-8" },
    { "syntax", "{\"t\": \"\xf5\" 1}", "line 1, column 8 is not UTF-8" },
    { "huge integer", "{\"n\": 99999999999999999999, \"t\": \"\xc0\x80\"}", "line 1, column 35 is not UTF-8" },
    { "nul byte", "{\"t\": 1, 'u'\0}", "line 1, column 13 is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The NUL byte counts: the length is the array's, not strlen's. */
      gsize length = strlen (cases[i].text) + (g_str_equal (cases[i].name, "nul byte") ? 2 : 0);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureCanvas) canvas = NULL;

      g_test_message ("%s", cases[i].name);
      canvas = venture_canvas_file_load_bytes (bytes, "both.json", NULL, &error);
      g_assert_null (canvas);
      g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID_UTF8);
      g_assert_nonnull (strstr (error->message, cases[i].where));
    }
}

/* Random damage to a good file: every result is a canvas or a clear
 * refusal, never a crash or a warning (G_DEBUG=fatal-warnings turns a
 * model's g_return_if_fail into a failure). */
static void
test_mutations (void)
{
  static const char alphabet[] = "{}[]\",:0123456789.-+eE \n\\tfnrula/'\xc3\xa9";
  g_autoptr(GBytes) original = read_test_file ("good", "unknown-members.json");
  GRand *rand = g_rand_new_with_seed (1234);
  guint n_loaded = 0;

  for (guint round = 0; round < 3000; round++)
    {
      gsize length;
      const char *data = g_bytes_get_data (original, &length);
      GString *text = g_string_new_len (data, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureCanvas) canvas = NULL;
      guint n_changes = g_rand_int_range (rand, 1, 4);

      for (guint c = 0; c < n_changes && text->len > 0; c++)
        {
          guint at = g_rand_int_range (rand, 0, text->len);
          guint wanted = g_rand_int_range (rand, 1, 40);
          guint span = MIN (text->len - at, wanted);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              text->str[at] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
              break;
            case 1:
              g_string_erase (text, at, span);
              break;
            case 2:
              {
                g_autofree char *copy = g_strndup (text->str + at, span);
                g_string_insert (text, g_rand_int_range (rand, 0, text->len + 1), copy);
              }
              break;
            default:
              g_string_insert_c (text, at, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
              break;
            }
        }

      bytes = g_string_free_to_bytes (text);
      canvas = venture_canvas_file_load_bytes (bytes, "mutant.json", NULL, &error);
      if (canvas != NULL)
        {
          g_autoptr(GBytes) saved = venture_canvas_file_to_bytes (canvas, NULL);
          g_autoptr(VentureCanvas) again = venture_canvas_file_load_bytes (saved, "mutant.json", NULL, &error);

          /* What loads, saves into something that loads the same. */
          g_assert_no_error (error);
          g_assert_true (venture_canvas_equal (canvas, again));
          {
            g_autoptr(GBytes) saved_again = venture_canvas_file_to_bytes (again, NULL);
            g_assert_true (g_bytes_equal (saved, saved_again));
          }
          n_loaded++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == VENTURE_FILE_ERROR);
          g_assert_nonnull (strstr (error->message, "mutant.json"));
          if (strchr (error->message, '\n') != NULL)
            g_error ("two lines: %s", error->message);
        }
    }

  g_test_message ("%u of 3000 mutants loaded", n_loaded);
  g_assert_cmpuint (n_loaded, >, 0);
  g_rand_free (rand);
}

/* Brackets inside strings, escaped quotes and backslashes do not fool
 * the depth count. */
static void
test_depth_strings (void)
{
  GString *text = g_string_new ("{\"format\": \"venture-canvas\", \"version\": 1, "
                                "\"template\": \"business-model-canvas\", \"notes\": [], "
                                "\"a\": \"\\\\\", \"b\": \"\\\"[[[[\\\\\", \"deep\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  /* "a" is one backslash, "b" a quote, brackets and a backslash: the
   * array after them is the one that counts, one level too deep. */
  for (guint i = 0; i < VENTURE_FILE_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < VENTURE_FILE_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");

  bytes = g_string_free_to_bytes (text);
  canvas = venture_canvas_file_load_bytes (bytes, "strings.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_DEEP);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "column 193"));
}

static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  struct stat st;
  int fd;

  /* Sparse: refused by its size before a byte is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) VENTURE_FILE_MAX_SIZE + 1), ==, 0);
  close (fd);

  canvas = venture_canvas_file_load (file, NULL, NULL, NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_assert_nonnull (strstr (error->message, "256 MiB"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, (off_t) VENTURE_FILE_MAX_SIZE + 1);
}

static void
test_huge_bytes (void)
{
  gsize size = (gsize) VENTURE_FILE_MAX_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  canvas = venture_canvas_file_load_bytes (bytes, "huge.json", NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE);
  g_assert_null (canvas);
}

/* The floor: files of 64 MiB and notes of 10,000 characters. */
static void
test_large_accepted (void)
{
  const char *head = "{\"format\": \"venture-canvas\", \"version\": 1, "
                     "\"template\": \"business-model-canvas\", \"notes\": [{\"id\": \"n\", "
                     "\"block\": \"channels\", \"x\": 0, \"y\": 0, \"text\": \"";
  const gsize size = 64 * 1024 * 1024;
  GString *text = g_string_sized_new (size + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  g_string_append (text, head);
  for (guint i = 0; i < VENTURE_NOTE_TEXT_MAX; i++)
    g_string_append_unichar (text, 0x00e9);
  g_string_append (text, "\"}]}");
  while (text->len < size)
    g_string_append_c (text, ' ');

  bytes = g_string_free_to_bytes (text);
  canvas = venture_canvas_file_load_bytes (bytes, "large.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (venture_note_get_text (venture_canvas_get_note (canvas, 0)), -1),
                    ==, VENTURE_NOTE_TEXT_MAX);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;

  canvas = venture_canvas_file_load (file, NULL, NULL, NULL, &error);
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* Saving */

static void
test_save_and_etag (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) original = read_test_file ("good", "productivity-service.json");
  g_autofree char *path = write_in (fixture, "canvas.json", original);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *newer_etag = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  canvas = venture_canvas_file_load (file, NULL, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  venture_canvas_set_title (canvas, "Renamed");
  g_assert_true (venture_canvas_file_save (file, canvas, NULL, etag, &new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (new_etag);

  /* Permissions kept; nothing else left in the folder. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  saved = read_bytes (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "\"title\": \"Renamed\""));

  /* The old etag no longer matches: someone else's change is not
   * overwritten silently. */
  g_assert_false (venture_canvas_file_save (file, canvas, NULL, etag, NULL, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "canvas.json"));
  g_clear_error (&error);

  /* The new one does. */
  g_assert_true (venture_canvas_file_save (file, canvas, NULL, new_etag, &newer_etag, NULL, &error));
  g_assert_no_error (error);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) original = read_test_file ("good", "minimal.json");
  g_autoptr(GBytes) theirs = read_test_file ("good", "with-history.json");
  g_autofree char *path = write_in (fixture, "canvas.json", original);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *etag = NULL;

  canvas = venture_canvas_file_load (file, NULL, &etag, NULL, &error);
  g_assert_no_error (error);

  /* Another program rewrites it (a second later, so the etag, which
   * comes from the modification time, surely differs). */
  g_free (write_in (fixture, "canvas.json", theirs));
  {
    g_autoptr(GFileInfo) info = g_file_info_new ();
    g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) time (NULL) + 5);
    g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
  }

  g_assert_false (venture_canvas_file_save (file, canvas, NULL, etag, NULL, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (after, theirs));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

typedef struct {
  VentureFileTestFailure failure;
  VentureFileError       code;
} InjectedFailure;

static const InjectedFailure injected_failures[] = {
  { VENTURE_FILE_TEST_FAILURE_NO_SPACE, VENTURE_FILE_ERROR_NO_SPACE },
  { VENTURE_FILE_TEST_FAILURE_NOT_WRITABLE, VENTURE_FILE_ERROR_NOT_WRITABLE },
  { VENTURE_FILE_TEST_FAILURE_RENAME, VENTURE_FILE_ERROR_IO },
};

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  const InjectedFailure *injected = data;
  g_autoptr(GBytes) original = read_test_file ("good", "bike-repair.json");
  g_autofree char *path = write_in (fixture, "canvas.json", original);
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *etag = NULL;

  canvas = venture_canvas_file_load (file, NULL, &etag, NULL, &error);
  g_assert_no_error (error);
  venture_canvas_set_title (canvas, "Changed");

  venture_file_set_test_failure (injected->failure);

  g_assert_false (venture_canvas_file_save (file, canvas, NULL, etag, NULL, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, (int) injected->code);
  g_assert_nonnull (strstr (error->message, "canvas.json"));
  g_clear_error (&error);

  /* A new file is not created either. */
  g_assert_false (venture_canvas_file_save (new_file, canvas, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VENTURE_FILE_ERROR, (int) injected->code);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (original, after));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* A new file gets the usual mode for the umask, not the temporary
 * file's 0600. */
static void
test_save_new_file_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = load_good ("minimal.json", NULL);
  g_autofree char *etag = NULL;
  struct stat st;
  mode_t old_umask = umask (022);

  g_assert_true (venture_canvas_file_save (file, canvas, NULL, NULL, &etag, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
  g_assert_nonnull (etag);
}

static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) original = read_test_file ("good", "minimal.json");
  g_autofree char *path = write_in (fixture, "real.json", original);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (symlink ("real.json", link), ==, 0);
  canvas = venture_canvas_file_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  venture_canvas_set_title (canvas, "Through the link");
  g_assert_true (venture_canvas_file_save (file, canvas, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  after = read_bytes (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "Through the link"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/venture/canvas-file/round-trip/%s", good_files[i]);
      g_test_add_data_func (test_path, good_files[i], test_round_trip);
    }
  g_test_add_func ("/venture/canvas-file/examples", test_examples);
  g_test_add_func ("/venture/canvas-file/unknown-members", test_unknown_members);
  g_test_add_func ("/venture/canvas-file/history", test_history);
  g_test_add_func ("/venture/canvas-file/normalise", test_normalise);

  g_test_add_func ("/venture/canvas-file/bad/corpus-complete", test_bad_corpus_complete);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/venture/canvas-file/bad/%s", bad_files[i].name);
      g_test_add (test_path, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
  g_test_add ("/venture/canvas-file/bad/deep-nesting", Fixture, NULL,
              fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/venture/canvas-file/bad/huge-file", Fixture, NULL,
              fixture_set_up, test_huge_file, fixture_tear_down);
  g_test_add ("/venture/canvas-file/bad/not-found", Fixture, NULL,
              fixture_set_up, test_not_found, fixture_tear_down);
  g_test_add_func ("/venture/canvas-file/bad/huge-bytes", test_huge_bytes);
  g_test_add_func ("/venture/canvas-file/limits/depth", test_depth_allowed);
  g_test_add_func ("/venture/canvas-file/limits/depth-strings", test_depth_strings);
  g_test_add_func ("/venture/canvas-file/utf8", test_utf8_like_glib);
  g_test_add_func ("/venture/canvas-file/utf8-first", test_utf8_before_other_errors);
  g_test_add_func ("/venture/canvas-file/mutations", test_mutations);
  g_test_add_func ("/venture/canvas-file/limits/large", test_large_accepted);

  g_test_add ("/venture/canvas-file/save/etag", Fixture, NULL,
              fixture_set_up, test_save_and_etag, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/changed-on-disk", Fixture, NULL,
              fixture_set_up, test_changed_on_disk, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/new-file-mode", Fixture, NULL,
              fixture_set_up, test_save_new_file_mode, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/symlink", Fixture, NULL,
              fixture_set_up, test_save_through_symlink, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/no-space", Fixture, &injected_failures[0],
              fixture_set_up, test_failed_save, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/not-writable", Fixture, &injected_failures[1],
              fixture_set_up, test_failed_save, fixture_tear_down);
  g_test_add ("/venture/canvas-file/save/rename-fails", Fixture, &injected_failures[2],
              fixture_set_up, test_failed_save, fixture_tear_down);

  return g_test_run ();
}
