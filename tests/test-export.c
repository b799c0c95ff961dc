/* test-export.c: PDF, SVG and PNG export, read back with poppler and xmllint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "venture-canvas-file.h"
#include "venture-export.h"
#include "venture-file.h"
#include "venture-template.h"
#include "venture-test-canvases.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("venture-export-XXXXXX", &error);
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

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
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

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 3, 1, 9, 30, 0);
}

/* pdftotext wraps, hyphenates and spaces as the page dictates: compare
 * without any white space, in one normal form. */
static char *
squeeze (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *squeezed = g_string_new (NULL);

  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Also the bidi embedding marks poppler puts around RTL runs, and
       * control characters, which pango shows as a hex box, not text. */
      if (!g_unichar_isspace (c) && !g_unichar_iscntrl (c) && !(c >= 0x202a && c <= 0x202e))
        g_string_append_unichar (squeezed, c);
    }

  return g_string_free (squeezed, FALSE);
}

static void
assert_text_contains (const char *haystack,
                      const char *needle)
{
  g_autofree char *squeezed_haystack = squeeze (haystack);
  g_autofree char *squeezed_needle = squeeze (needle);

  if (strstr (squeezed_haystack, squeezed_needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static int
pdf_pages (const char *info)
{
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static char *
write_export (Fixture                     *fixture,
              VentureCanvas               *canvas,
              const char                  *name,
              const VentureExportSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VentureExportFormat format;

  g_assert_true (venture_export_format_from_path (path, &format, &error));
  g_assert_no_error (error);
  g_assert_true (venture_export_write (canvas, file, format, settings, date, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Only the output: the temporary file is gone. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  return path;
}

static void
assert_canvas_in_text (VentureCanvas *canvas,
                       const char    *text)
{
  VentureTemplate *template = venture_template_get_for_id ("business-model-canvas", NULL);

  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    assert_text_contains (text, venture_note_get_text (venture_canvas_get_note (canvas, i)));
  for (guint i = 0; i < venture_template_get_n_blocks (template); i++)
    assert_text_contains (text, venture_template_get_block (template, i)->label);
  assert_text_contains (text, "The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0");
  assert_text_contains (text, venture_canvas_get_title (canvas));
  assert_text_contains (text, "1 March 2026");
}

static void
test_pdf_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_bike_clinic ();
  g_autofree char *path = write_export (fixture, canvas, "bike.pdf", NULL);
  g_autofree char *text = venture_test_run_tool ("pdftotext", "-raw", path, "-", NULL);

  assert_canvas_in_text (canvas, text);
  /* Tags print as words next to their glyph. */
  assert_text_contains (text, "Self-service");
  assert_text_contains (text, "Retention");
  assert_text_contains (text, "Unsorted");
}

static void
test_pdf_fonts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  g_autofree char *path = write_export (fixture, canvas, "fonts.pdf", NULL);
  g_autofree char *fonts = venture_test_run_tool ("pdffonts", path, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *emb;
  gsize column;
  guint n_fonts = 0;

  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  emb = strstr (lines[0], " emb ");
  g_assert_nonnull (emb);
  column = emb - lines[0] + 1;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, column + 3);
      if (!g_str_has_prefix (lines[i] + column, "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }

  g_assert_cmpuint (n_fonts, >=, 1);
}

typedef struct {
  VenturePageSize    page_size;
  VentureOrientation orientation;
  const char        *expected;
} PageCase;

static void
test_pdf_page_sizes (Fixture       *fixture,
                     gconstpointer  data)
{
  static const PageCase cases[] = {
    { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, "842 x 595 pts" },
    { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_PORTRAIT, "595 x 842 pts" },
    { VENTURE_PAGE_SIZE_A3, VENTURE_ORIENTATION_LANDSCAPE, "1191 x 842 pts" },
    { VENTURE_PAGE_SIZE_A3, VENTURE_ORIENTATION_PORTRAIT, "842 x 1191 pts" },
    { VENTURE_PAGE_SIZE_LETTER, VENTURE_ORIENTATION_LANDSCAPE, "792 x 612 pts" },
    { VENTURE_PAGE_SIZE_LETTER, VENTURE_ORIENTATION_PORTRAIT, "612 x 792 pts" },
  };
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VentureExportSettings settings = { cases[i].page_size, cases[i].orientation, 1 };
      g_autofree char *path = write_export (fixture, canvas, "page.pdf", &settings);
      g_autofree char *info = venture_test_run_tool ("pdfinfo", path, NULL);
      g_autofree char *text = venture_test_run_tool ("pdftotext", "-raw", path, "-", NULL);

      if (strstr (info, cases[i].expected) == NULL)
        g_error ("expected %s in:\n%s", cases[i].expected, info);
      /* On every page size each note is on the canvas or in the appendix. */
      assert_canvas_in_text (canvas, text);
      g_unlink (path);
    }
}

static VentureCanvas *
short_canvas (void)
{
  static const VentureTestNote notes[] = {
    { "customer-segments", "Commuters", "red" },
    { "customer-relationships", "Clinics", "yellow", "self-service", "retention" },
    { "revenue-streams", "Tickets", "green" },
  };

  return venture_test_canvas_new ("Short", notes, G_N_ELEMENTS (notes));
}

static void
test_png_sizes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = short_canvas ();

  for (guint scale = 1; scale <= 4; scale *= 2)
    {
      VentureExportSettings settings = { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, scale };
      VentureExportSettings portrait = { VENTURE_PAGE_SIZE_LETTER, VENTURE_ORIENTATION_PORTRAIT, scale };
      g_autofree char *path = write_export (fixture, canvas, "canvas.png", &settings);
      cairo_surface_t *image = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 842 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 595 * scale);
      cairo_surface_destroy (image);
      g_unlink (path);
      g_free (path);

      path = write_export (fixture, canvas, "canvas.png", &portrait);
      image = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 612 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 792 * scale);
      cairo_surface_destroy (image);
      g_unlink (path);
    }
}

static void
test_svg_well_formed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = short_canvas ();
  g_autofree char *path = write_export (fixture, canvas, "short.svg", NULL);
  g_autofree char *out = venture_test_run_tool ("xmllint", "--noout", path, NULL);
  g_autofree char *contents = NULL;

  /* Well-formed: xmllint --noout has nothing to say. */
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "width=\"842pt\""));
  g_assert_nonnull (strstr (contents, "height=\"595pt\""));
}

static VentureCanvas *
overflowing_canvas (void)
{
  static const VentureTestNote notes[] = {
    { "value-propositions", "Short and sweet" },
    { "value-propositions", "A note far too long for its printed size: customers told us they "
      "want to fix their own bikes quickly, on their own schedule, with a mechanic at hand "
      "only when they are stuck, and they would rather pay per visit than per repair. "
      "THE-END-OF-THE-LONG-NOTE" },
  };

  return venture_test_canvas_new ("Overflow", notes, G_N_ELEMENTS (notes));
}

static void
test_overflow_appendix (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = overflowing_canvas ();
  g_autoptr(VentureExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  export = venture_export_new (canvas, 842, 595, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venture_export_get_n_markers (export), ==, 1);
  g_assert_cmpuint (venture_export_get_n_pages (export), ==, 2);

  path = write_export (fixture, canvas, "overflow.pdf", NULL);
  info = venture_test_run_tool ("pdfinfo", path, NULL);
  g_assert_cmpint (pdf_pages (info), ==, 2);

  /* The canvas page shows the start and the marker, the appendix it all.
   * (pango hands the elided text to cairo with the ellipsis, so page 1's
   * text layer holds it too: no check that it is missing there.) */
  first = venture_test_run_tool ("pdftotext", "-raw", "-f", "1", "-l", "1", path, "-", NULL);
  second = venture_test_run_tool ("pdftotext", "-raw", "-f", "2", "-l", "2", path, "-", NULL);
  assert_text_contains (first, "Short and sweet");
  assert_text_contains (first, "A note far too long");
  assert_text_contains (second, "Notes in full");
  /* Under its block's heading, with its marker. */
  assert_text_contains (second, "Value Propositions 1 A note far too long");
  assert_text_contains (second, venture_note_get_text (venture_canvas_get_note (canvas, 1)));
  assert_text_contains (second, "The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0");
  assert_text_contains (second, "Page 2 of 2");

  /* PNG and SVG stack the appendix under the canvas, one page high each. */
  {
    VentureExportSettings settings = { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, 2 };
    g_autofree char *png = NULL;
    cairo_surface_t *image;

    g_unlink (path);
    png = write_export (fixture, canvas, "overflow.png", &settings);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 842 * 2);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 595 * 2 * 2);
    cairo_surface_destroy (image);
  }
}

/* A note longer than a column goes on in the next one, cut between
 * lines, each line printed once (the text layer has no doubles). */
static void
test_overflow_long_note (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autofree char *path = NULL;
  g_autofree char *appendix = NULL;
  g_autofree char *squeezed = NULL;
  VentureTestNote note = { "channels", NULL, "pink" };

  for (guint i = 0; i < 1100; i++)
    g_string_append_printf (text, "word%04u ", i);
  note.text = text->str;
  canvas = venture_test_canvas_new ("Long", &note, 1);

  path = write_export (fixture, canvas, "long.pdf", NULL);
  appendix = venture_test_run_tool ("pdftotext", "-raw", "-f", "2", path, "-", NULL);
  squeezed = squeeze (appendix);
  for (guint i = 0; i < 1100; i++)
    {
      char word[16];
      const char *first;

      g_snprintf (word, sizeof word, "word%04u", i);
      first = strstr (squeezed, word);
      if (first == NULL || strstr (first + 1, word) != NULL)
        g_error ("%s is not in the appendix exactly once", word);
    }
}

/* A note and four notes on top of it, each a few points off its
 * centre (x, y in thousandths of the room): together they hide it. */
static void
add_pile (VentureCanvas *canvas,
          const char    *bottom,
          const char    *top_prefix,
          int            x,
          int            y)
{
  static const int offsets[][2] = { { 0, 0 }, { -80, -30 }, { 80, -30 }, { -80, 30 }, { 80, 30 } };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", top_prefix, i);
      g_autofree char *text = i == 0 ? g_strdup (bottom) : g_strdup_printf ("%s-%u", top_prefix, i);
      g_autoptr(VentureNote) note = venture_note_new (id, "value-propositions");

      venture_note_set_text (note, text);
      venture_note_set_position (note, x + offsets[i][0], y + offsets[i][1]);
      venture_canvas_append_note (canvas, note);
    }
}

/* A note entirely under later ones does not show: the canvas page
 * leaves it out (its marker stays), the appendix has it in full. Text
 * beyond ASCII may reach past its paper, so such a note is drawn all the
 * same. */
static void
test_buried_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *squeezed = NULL;

  venture_canvas_set_title (canvas, "Piles");
  add_pile (canvas, "UNDER-THE-PILE", "TOP", 300, 250);
  add_pile (canvas, "Ünder the other pile", "OTHER", 700, 750);

  path = write_export (fixture, canvas, "piles.pdf", NULL);
  first = venture_test_run_tool ("pdftotext", "-raw", "-f", "1", "-l", "1", path, "-", NULL);
  second = venture_test_run_tool ("pdftotext", "-raw", "-f", "2", "-l", "2", path, "-", NULL);
  squeezed = squeeze (first);
  g_assert_null (strstr (squeezed, "UNDER-THE-PILE"));
  assert_text_contains (first, "Ünder the other pile");
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *top = g_strdup_printf ("TOP-%u", i);
      g_autofree char *other = g_strdup_printf ("OTHER-%u", i);

      assert_text_contains (first, top);
      assert_text_contains (first, other);
    }
  assert_text_contains (second, "UNDER-THE-PILE");
  assert_text_contains (second, "Ünder the other pile");
}

static void
test_unsorted_tray (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) notes = g_array_new (FALSE, TRUE, sizeof (VentureTestNote));
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(VentureExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* More than a tray holds, and one of a block from a newer version. */
  for (guint i = 0; i < 20; i++)
    {
      VentureTestNote note = { i == 0 ? "problem-fit" : "unsorted", NULL, "blue" };

      g_ptr_array_add (texts, g_strdup_printf ("Idea %u", i + 1));
      note.text = g_ptr_array_index (texts, i);
      g_array_append_val (notes, note);
    }

  canvas = venture_test_canvas_new ("Tray", (VentureTestNote *) (gpointer) notes->data, notes->len);
  export = venture_export_new (canvas, 842, 595, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venture_export_get_n_markers (export), >, 0);
  g_assert_cmpuint (venture_export_get_n_markers (export), <, 20);

  path = write_export (fixture, canvas, "tray.pdf", NULL);
  text = venture_test_run_tool ("pdftotext", "-raw", path, "-", NULL);
  assert_text_contains (text, "Unsorted");
  assert_text_contains (text, "more notes, in full in the appendix");
  /* Nothing lost: every idea is on the tray or in the appendix. */
  for (guint i = 0; i < texts->len; i++)
    assert_text_contains (text, g_ptr_array_index (texts, i));
}

static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  static const VentureTestNote notes[] = {
    { "customer-segments", "顧客セグメント：毎日通勤する人" },
    { "customer-relationships", "شركاء رئيسيون", "green", "community" },
    { "channels", "Bike emoji 🚲 and 🔧" },
    { "value-propositions", "Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 (combining accents)" },
    { "key-partners", "Ελληνικά και русский" },
  };
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_new ("多言語 / متعدد اللغات", notes,
                                                              G_N_ELEMENTS (notes));
  g_autofree char *path = write_export (fixture, canvas, "scripts.pdf", NULL);
  g_autofree char *text = venture_test_run_tool ("pdftotext", "-raw", path, "-", NULL);
  g_autofree char *reordered = venture_test_run_tool ("pdftotext", path, "-", NULL);
  g_autofree char *svg = NULL;

  assert_text_contains (text, "顧客セグメント：毎日通勤する人");
  assert_text_contains (text, "🚲");
  assert_text_contains (text, "Café résumé");
  assert_text_contains (text, "Ελληνικά και русский");
  assert_text_contains (text, "🔧");
  /* The raw content order of right-to-left text is visual; poppler puts
   * it back in logical order in its default mode. (Its reordering splits
   * lam-alef ligatures the wrong way round, hence words without one.) */
  assert_text_contains (reordered, "شركاء رئيسيون");

  g_unlink (path);
  svg = write_export (fixture, canvas, "scripts.svg", NULL);
  g_free (venture_test_run_tool ("xmllint", "--noout", svg, NULL));
}

/* The example files, read as the app reads them. */
static void
test_good_files (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *names[] = {
    "bike-repair.json", "minimal.json", "productivity-service.json",
    "unknown-members.json", "with-history.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *input = g_test_build_filename (G_TEST_DIST, "files", "good", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (input);
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureCanvas) canvas = venture_canvas_file_load (file, NULL, NULL, NULL, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      path = write_export (fixture, canvas, "good.pdf", NULL);
      text = venture_test_run_tool ("pdftotext", "-raw", path, "-", NULL);
      assert_canvas_in_text (canvas, text);
      g_unlink (path);
    }
}

static void
test_print_path (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  g_autoptr(VentureExport) export = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* As GtkPrintOperation would: any cairo_t, any page size, page by page. */
  export = venture_export_new (canvas, 612, 792, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venture_export_get_n_pages (export), >=, 1);
  g_assert_cmpuint (venture_export_get_n_pages (export), ==,
                    venture_export_get_n_markers (export) > 0 ? 2 : 1);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint page = 0; page < venture_export_get_n_pages (export); page++)
    venture_export_draw_page (export, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_options (void)
{
  g_autoptr(GError) error = NULL;
  VentureExportFormat format;
  VenturePageSize page_size;
  VentureOrientation orientation;
  guint scale;
  double width, height;

  g_assert_true (venture_export_format_from_path ("/tmp/a.PDF", &format, NULL));
  g_assert_cmpint (format, ==, VENTURE_EXPORT_FORMAT_PDF);
  g_assert_true (venture_export_format_from_path ("b.svg", &format, NULL));
  g_assert_cmpint (format, ==, VENTURE_EXPORT_FORMAT_SVG);
  g_assert_true (venture_export_format_from_path ("c.d/e.png", &format, NULL));
  g_assert_cmpint (format, ==, VENTURE_EXPORT_FORMAT_PNG);

  g_assert_false (venture_export_format_from_path ("out.doc", &format, &error));
  g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "Cannot export to “out.doc”: the name must end in one of .pdf, .png, .svg");
  g_clear_error (&error);
  g_assert_false (venture_export_format_from_path ("dir.pdf/out", &format, &error));
  g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (venture_page_size_from_string ("a3", &page_size, NULL));
  g_assert_cmpint (page_size, ==, VENTURE_PAGE_SIZE_A3);
  g_assert_true (venture_page_size_from_string ("letter", &page_size, NULL));
  g_assert_cmpint (page_size, ==, VENTURE_PAGE_SIZE_LETTER);
  g_assert_false (venture_page_size_from_string ("a5", &page_size, &error));
  g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION);
  g_assert_cmpstr (error->message, ==, "the page size “a5” is not supported; use one of a4, a3, letter");
  g_clear_error (&error);

  g_assert_true (venture_orientation_from_string ("portrait", &orientation, NULL));
  g_assert_cmpint (orientation, ==, VENTURE_ORIENTATION_PORTRAIT);
  g_assert_false (venture_orientation_from_string ("sideways", &orientation, &error));
  g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION);
  g_assert_nonnull (strstr (error->message, "landscape, portrait"));
  g_clear_error (&error);

  g_assert_true (venture_export_scale_from_string ("4", &scale, NULL));
  g_assert_cmpuint (scale, ==, 4);
  g_assert_false (venture_export_scale_from_string ("3", &scale, &error));
  g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION);
  g_assert_nonnull (strstr (error->message, "1, 2, 4"));
  g_clear_error (&error);

  venture_page_size_get_points (VENTURE_PAGE_SIZE_A3, VENTURE_ORIENTATION_PORTRAIT, &width, &height);
  g_assert_cmpfloat (width, ==, 842);
  g_assert_cmpfloat (height, ==, 1191);
}

static void
assert_export_fails (VentureCanvas               *canvas,
                     const char                  *path,
                     const VentureExportSettings *settings,
                     GQuark                       domain,
                     int                          code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  g_assert_false (venture_export_write (canvas, file, VENTURE_EXPORT_FORMAT_PDF, settings, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, domain);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
  /* One line that names the file. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_errors_leave_no_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  g_autoptr(VentureCanvas) unknown = venture_canvas_new ("lean-canvas-from-the-future");
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "missing", "out.pdf", NULL);
  g_autofree char *unknown_path = g_build_filename (fixture->dir, "unknown.pdf", NULL);
  g_autofree char *dir_path = g_build_filename (fixture->dir, "taken.pdf", NULL);
  g_autofree char *full_path = g_build_filename (fixture->dir, "full.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.pdf", NULL);
  g_autofree char *contents = NULL;
  VentureExportSettings bad_scale = { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, 3 };

  /* A folder that does not exist. */
  assert_export_fails (canvas, missing_dir, NULL, VENTURE_FILE_ERROR, -1);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* A template this version does not know. */
  assert_export_fails (unknown, unknown_path, NULL, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_TEMPLATE);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* The name is taken by a folder: the rename fails, the temporary goes. */
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  assert_export_fails (canvas, dir_path, NULL, VENTURE_FILE_ERROR, -1);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
  g_rmdir (dir_path);

  /* The disk fills up half way. */
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NO_SPACE);
  assert_export_fails (canvas, full_path, NULL, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SPACE);
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* A heap of notes lists most of them in full: too many pages for one
   * PNG at 4x; the message says what to do instead. */
  {
    g_autoptr(VentureCanvas) heap = venture_test_canvas_generated (600);
    g_autofree char *png_path = g_build_filename (fixture->dir, "heap.png", NULL);
    g_autoptr(GFile) png = g_file_new_for_path (png_path);
    g_autoptr(GError) error = NULL;
    VentureExportSettings big = { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, 4 };

    g_assert_false (venture_export_write (heap, png, VENTURE_EXPORT_FORMAT_PNG, &big, NULL, &error));
    g_assert_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "heap.png"));
    g_assert_nonnull (strstr (error->message, "PDF"));
    g_assert_cmpuint (count_files (fixture->dir), ==, 0);
  }

  /* A failed export leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  assert_export_fails (canvas, existing, &bad_scale, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION);
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_RENAME);
  assert_export_fails (canvas, existing, NULL, VENTURE_FILE_ERROR, -1);
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static VentureCanvas *
load_good (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VentureCanvas *canvas = venture_canvas_file_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return canvas;
}

/* The bike clinic before and after the feedback: the canvas page marks
 * the changed notes with the board's symbols, the page after it holds
 * the summary, the key, every change and both mixes. */
static void
test_comparison_pdf (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VentureCanvas) before = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) after = load_good ("bike-repair-after.json");
  g_autoptr(VentureComparison) comparison = venture_comparison_new (before, after);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "comparison.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *info = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *squeezed = NULL;

  g_assert_true (venture_export_write_comparison (comparison, "Before feedback", "Now", file,
                                                  VENTURE_EXPORT_FORMAT_PDF, NULL, date, &error));
  g_assert_no_error (error);
  info = venture_test_run_tool ("pdfinfo", path, NULL);
  /* The canvas page, the comparison, then the appendix ("Notes in full"). */
  g_assert_cmpint (pdf_pages (info), ==, 3);

  first = venture_test_run_tool ("pdftotext", "-raw", "-f", "1", "-l", "1", path, "-", NULL);
  assert_canvas_in_text (after, first);
  /* Marks: three added notes, two reworded ones. */
  squeezed = squeeze (first);
  g_assert_cmpuint (count_occurrences (squeezed, "✎"), ==, 2);
  g_assert_cmpuint (count_occurrences (squeezed, "+"), >=, 3);

  second = venture_test_run_tool ("pdftotext", "-raw", "-f", "2", "-l", "2", path, "-", NULL);
  assert_text_contains (second, "Comparison of “Before feedback” and “Now”");
  assert_text_contains (second, "3 notes added, 2 notes removed, 2 reworded");
  assert_text_contains (second, "+ added");
  assert_text_contains (second, "✎ text changed");
  assert_text_contains (second, "◐ recolored");
  assert_text_contains (second, "New since the version");
  assert_text_contains (second, "Removed since the version");
  assert_text_contains (second, "✎ “");
  assert_text_contains (second, "Relationship mix");
  assert_text_contains (second, "Before feedback");
  assert_text_contains (second, "Page 2 of 3");
  g_clear_pointer (&second, g_free);
  second = venture_test_run_tool ("pdftotext", "-raw", "-f", "3", "-l", "3", path, "-", NULL);
  assert_text_contains (second, "Notes in full");
}

/* A comparison with no change says so, and marks nothing. */
static void
test_comparison_none (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VentureCanvas) before = load_good ("bike-repair-before.json");
  g_autoptr(VentureCanvas) same = venture_canvas_copy (before);
  g_autoptr(VentureComparison) comparison = venture_comparison_new (before, same);
  g_autoptr(VentureExport) export = venture_export_new (same, 842, 595, NULL, NULL, NULL);
  guint n_pages = venture_export_get_n_pages (export);

  venture_export_add_comparison (export, comparison, "Before feedback", "Now");
  g_assert_cmpuint (venture_export_get_n_pages (export), ==, n_pages + 1);

  {
    g_autofree char *path = g_build_filename (fixture->dir, "none.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_assert_true (venture_export_write_comparison (comparison, "Before feedback", "Now", file,
                                                    VENTURE_EXPORT_FORMAT_PDF, NULL, NULL, &error));
    g_assert_no_error (error);
    text = venture_test_run_tool ("pdftotext", "-raw", "-f", "2", "-l", "2", path, "-", NULL);
    assert_text_contains (text, "No changes");
    g_clear_pointer (&text, g_free);
    /* No mark on the canvas page. */
    text = venture_test_run_tool ("pdftotext", "-raw", "-f", "1", "-l", "1", path, "-", NULL);
    g_assert_null (strstr (text, "✎"));
    g_assert_null (strstr (text, "+"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/venture/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/venture/export/options", test_options);
  g_test_add_func ("/venture/export/print-path", test_print_path);
  ADD ("pdf/text", test_pdf_text);
  ADD ("pdf/good-files", test_good_files);
  ADD ("pdf/fonts", test_pdf_fonts);
  ADD ("pdf/page-sizes", test_pdf_page_sizes);
  ADD ("png/sizes", test_png_sizes);
  ADD ("svg/well-formed", test_svg_well_formed);
  ADD ("overflow/appendix", test_overflow_appendix);
  ADD ("overflow/long-note", test_overflow_long_note);
  ADD ("overflow/buried", test_buried_notes);
  ADD ("unsorted/tray", test_unsorted_tray);
  ADD ("scripts", test_scripts);
  ADD ("errors/no-file", test_errors_leave_no_file);
  ADD ("comparison/pdf", test_comparison_pdf);
  ADD ("comparison/none", test_comparison_none);

#undef ADD

  return g_test_run ();
}
