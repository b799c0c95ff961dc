/* test-note-text.c: the note text laid out without a PangoLayout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "venture-board-private.h"
#include "venture-note-text.h"
#include "venture-test-ui.h"

static const char * const simple_texts[] = {
  "bike repair clinic",
  "Weekly repair clinic for customers who bring their own bikes and spare parts",
  "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  "one\n\ntwo",
  "trailing spaces   \nand   inner   spaces",
  "",
  "Quick brown fox over the lazy dog, twice: quick brown fox over the lazy dog.",
  "Ελληνικά και русский текст вместе",
  /* shaped together, some words alone after all: no letters, a script
   * taken from the words before, another font for a letter or a symbol */
  ("Open 24/7 for (Ελλάδα) riders, 10\xc2\xa0km of IJssel and \xc4\xb2ssel \xf0\x9f\x9a\xb2 repairs: "
   "brakes, chains & gears, fitted in stands"),
};

static PangoLayout *
pango_note_layout (PangoContext *context,
                   const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, VENTURE_NOTE_WIDTH * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* Pango's line, without the spaces it broke at. */
static char *
pango_line_text (PangoLayout *layout,
                 int          index)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, index);
  const char *text = pango_layout_get_text (layout);
  int length = line->length;

  while (length > 0 && text[line->start_index + length - 1] == ' ' &&
         index + 1 < pango_layout_get_line_count (layout))
    length--;
  if (length > 0 && text[line->start_index + length - 1] == '\n')
    length--;
  return g_strndup (text + line->start_index, length);
}

/* Where Pango's line ends after @text, its start: the widths of its
 * words and the spaces between them as Pango shaped them. */
static int
pango_line_width (PangoLayout *layout,
                  int          index,
                  const char  *text)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, index);
  int x;

  pango_layout_line_index_to_x (line, line->start_index + (int) strlen (text), FALSE, &x);
  return x;
}

static PangoContext *
widget_context (GtkWidget **widget)
{
  *widget = g_object_ref_sink (gtk_label_new (NULL));
  return gtk_widget_get_pango_context (*widget);
}

typedef struct
{
  PangoGlyph glyph;
  int        x;
  int        baseline;
} DrawnGlyph;

static void
collect_drawn (GskRenderNode *node,
               GArray        *drawn_glyphs)
{
  if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    {
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_drawn (gsk_container_node_get_child (node, i), drawn_glyphs);
    }
  else
    {
      const graphene_point_t *offset = gsk_text_node_get_offset (node);
      /* not the count get_glyphs() gives: it is declared pure */
      guint n_glyphs = gsk_text_node_get_num_glyphs (node);
      const PangoGlyphInfo *glyphs = gsk_text_node_get_glyphs (node, NULL);
      int x = (int) (offset->x * PANGO_SCALE);

      g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXT_NODE);
      for (guint i = 0; i < n_glyphs; i++)
        {
          DrawnGlyph drawn = { glyphs[i].glyph, x + glyphs[i].geometry.x_offset, (int) (offset->y * PANGO_SCALE) };

          g_array_append_val (drawn_glyphs, drawn);
          x += glyphs[i].geometry.width;
        }
    }
}

/* The glyphs Pango draws for the text, but its spaces. */
static GArray *
pango_drawn (PangoLayout *layout)
{
  GArray *drawn_glyphs = g_array_new (FALSE, FALSE, sizeof (DrawnGlyph));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      int x;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      x = logical.x;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *glyph = &run->glyphs->glyphs[i];
          DrawnGlyph drawn = { glyph->glyph, x + glyph->geometry.x_offset, pango_layout_iter_get_baseline (iter) };

          if (text[run->item->offset + run->glyphs->log_clusters[i]] != ' ')
            g_array_append_val (drawn_glyphs, drawn);
          x += glyph->geometry.width;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return drawn_glyphs;
}

/* Each glyph as Pango would draw it, in the same place. */
static void
assert_draws_as_pango (VentureNoteText *text,
                       PangoLayout     *layout)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (DrawnGlyph));
  g_autoptr(GArray) pangos = pango_drawn (layout);

  venture_note_text_snapshot (text, snapshot, &(GdkRGBA) { 0, 0, 0, 1 });
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    collect_drawn (node, ours);

  g_assert_cmpuint (ours->len, ==, pangos->len);
  for (guint i = 0; i < ours->len; i++)
    {
      const DrawnGlyph *our = &g_array_index (ours, DrawnGlyph, i);
      const DrawnGlyph *pango = &g_array_index (pangos, DrawnGlyph, i);

      g_assert_cmpuint (our->glyph, ==, pango->glyph);
      g_assert_cmpint (our->x, ==, pango->x);
      g_assert_cmpint (our->baseline, ==, pango->baseline);
    }
}

static void
test_note_text_breaks_as_pango (void)
{
  GtkWidget *widget;
  PangoContext *context = widget_context (&widget);

  for (guint i = 0; i < G_N_ELEMENTS (simple_texts); i++)
    {
      g_autoptr(VentureNoteText) text = venture_note_text_new (context, simple_texts[i], VENTURE_NOTE_WIDTH);
      g_autoptr(PangoLayout) layout = pango_note_layout (context, simple_texts[i]);
      int height;

      g_test_message ("text: %s", simple_texts[i]);
      g_assert_nonnull (text);
      g_assert_cmpuint (venture_note_text_get_n_lines (text), ==, pango_layout_get_line_count (layout));
      for (guint line = 0; line < venture_note_text_get_n_lines (text); line++)
        {
          g_autofree char *ours = venture_note_text_dup_line (text, line);
          g_autofree char *pangos = pango_line_text (layout, (int) line);

          g_assert_cmpstr (ours, ==, pangos);
          g_assert_cmpint (venture_note_text_get_line_width (text, line), ==, pango_line_width (layout, (int) line, ours));
          g_assert_cmpint (venture_note_text_get_line_width (text, line), <=, VENTURE_NOTE_WIDTH * PANGO_SCALE);
        }
      pango_layout_get_pixel_size (layout, NULL, &height);
      g_assert_cmpint (venture_note_text_get_height (text), ==, height);
      assert_draws_as_pango (text, layout);
    }

  g_object_unref (widget);
}

static void
test_note_text_keeps_words (void)
{
  const char *words = "Commuters who ride every day in all weathers and cannot afford to lose "
                      "a day to a broken chain or worn brakes";
  GtkWidget *widget;
  PangoContext *context = widget_context (&widget);
  g_autoptr(VentureNoteText) text = venture_note_text_new (context, words, VENTURE_NOTE_WIDTH);
  g_autoptr(VentureNoteText) narrow = venture_note_text_new (context, words, VENTURE_NOTE_WIDTH * 3 / 4);
  g_autoptr(VentureNoteText) lines = venture_note_text_new (context, "first line\nsecond\n\nlast", VENTURE_NOTE_WIDTH);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *line = NULL;

  g_assert_nonnull (text);
  g_assert_cmpuint (venture_note_text_get_n_lines (text), >, 3);
  for (guint i = 0; i < venture_note_text_get_n_lines (text); i++)
    {
      g_autofree char *part = venture_note_text_dup_line (text, i);

      g_assert_cmpint (venture_note_text_get_line_width (text, i), >, 0);
      g_assert_cmpint (venture_note_text_get_line_width (text, i), <=, VENTURE_NOTE_WIDTH * PANGO_SCALE);
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, part);
    }
  g_assert_cmpstr (joined->str, ==, words);

  /* Narrower, more lines, each still within the width. */
  g_assert_nonnull (narrow);
  g_assert_cmpuint (venture_note_text_get_n_lines (narrow), >, venture_note_text_get_n_lines (text));
  for (guint i = 0; i < venture_note_text_get_n_lines (narrow); i++)
    g_assert_cmpint (venture_note_text_get_line_width (narrow, i), <=, VENTURE_NOTE_WIDTH * 3 / 4 * PANGO_SCALE);

  /* A newline always breaks, an empty line has the height of a line. */
  g_assert_nonnull (lines);
  g_assert_cmpuint (venture_note_text_get_n_lines (lines), ==, 4);
  line = venture_note_text_dup_line (lines, 0);
  g_assert_cmpstr (line, ==, "first line");
  g_clear_pointer (&line, g_free);
  line = venture_note_text_dup_line (lines, 2);
  g_assert_cmpstr (line, ==, "");
  g_clear_pointer (&line, g_free);
  line = venture_note_text_dup_line (lines, 3);
  g_assert_cmpstr (line, ==, "last");
  g_assert_cmpint (venture_note_text_get_line_width (lines, 2), ==, 0);

  g_object_unref (widget);
}

static void
test_note_text_leaves_to_pango (void)
{
  static const char * const texts[] = {
    "مرحبا بالعالم",                          /* Arabic, right to left and joined */
    "שלום עולם",                               /* Hebrew */
    "bike שלום",                               /* one word in another direction */
    "日本語のテキスト",                        /* breaks between characters */
    "a\ttab",
    "soft\xc2\xadhyphen",
    "Pneumonoultramicroscopicsilicovolcanoconiosis", /* wider than a note */
  };
  GtkWidget *widget;
  PangoContext *context = widget_context (&widget);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(VentureNoteText) text = venture_note_text_new (context, texts[i], VENTURE_NOTE_WIDTH);

      g_test_message ("text: %s", texts[i]);
      g_assert_null (text);
    }

  g_object_unref (widget);
}

/* Text too tall for its height keeps the lines Pango keeps, to Pango's
 * height; its last line ends in an ellipsis after its last whole word
 * that fits, and takes the words of the lines cut off while they fit. */
static void
test_note_text_cuts_as_pango (void)
{
  static const char * const texts[] = {
    "Commuters who ride every day in all weathers and cannot afford to lose a day to a broken chain, "
    "a flat tyre or worn brakes, and who would pay for a mechanic who comes to their office car park",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z "
    "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z",
  };
  const int limit = 60;
  GtkWidget *widget;
  PangoContext *context = widget_context (&widget);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(VentureNoteText) whole = venture_note_text_new (context, texts[i], VENTURE_NOTE_WIDTH);
      g_autoptr(VentureNoteText) text = venture_note_text_new_within (context, texts[i], VENTURE_NOTE_WIDTH, limit);
      g_autoptr(PangoLayout) layout = pango_note_layout (context, texts[i]);
      g_autofree char *last = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *cut_off = NULL;
      guint n_lines;
      int height;

      g_test_message ("text: %s", texts[i]);
      pango_layout_set_height (layout, limit * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &height);
      g_assert_true (pango_layout_is_ellipsized (layout));

      g_assert_nonnull (text);
      g_assert_true (venture_note_text_is_cut (text));
      g_assert_false (venture_note_text_is_cut (whole));
      n_lines = venture_note_text_get_n_lines (text);
      g_assert_cmpuint (n_lines, ==, pango_layout_get_line_count (layout));
      g_assert_cmpuint (n_lines, <, venture_note_text_get_n_lines (whole));
      g_assert_cmpint (venture_note_text_get_height (text), ==, height);
      g_assert_cmpint (venture_note_text_get_height (text), <=, limit);
      for (guint line = 0; line + 1 < n_lines; line++)
        {
          g_autofree char *ours = venture_note_text_dup_line (text, line);
          g_autofree char *pangos = pango_line_text (layout, (int) line);

          g_assert_cmpstr (ours, ==, pangos);
        }
      last = venture_note_text_dup_line (text, n_lines - 1);
      g_assert_true (g_str_has_suffix (last, "\xe2\x80\xa6"));
      g_assert_cmpint (venture_note_text_get_line_width (text, n_lines - 1), <=, VENTURE_NOTE_WIDTH * PANGO_SCALE);
      /* whole words, the first ones of the line as it was before the cut */
      kept = g_strndup (last, strlen (last) - strlen ("\xe2\x80\xa6"));
      cut_off = venture_note_text_dup_line (whole, n_lines - 1);
      g_assert_cmpstr (kept, !=, "");
      g_assert_true (g_str_has_prefix (cut_off, kept) || g_str_has_prefix (kept, cut_off));
      g_assert_true (g_str_has_prefix (texts[i] + (strstr (texts[i], cut_off) - texts[i]), kept));
    }

  /* text that fits is not cut; a second paragraph Pango keeps a line of
   * is Pango's */
  {
    g_autoptr(VentureNoteText) fits = venture_note_text_new_within (context, "bike repair clinic", VENTURE_NOTE_WIDTH, limit);
    g_autoptr(VentureNoteText) paragraphs = venture_note_text_new_within (context, "one\ntwo\nthree\nfour\nfive\nsix",
                                                                          VENTURE_NOTE_WIDTH, limit);

    g_assert_nonnull (fits);
    g_assert_false (venture_note_text_is_cut (fits));
    g_assert_null (paragraphs);
  }

  g_object_unref (widget);
}

/* A context set up as @like, but with a font map of its own: a setup of
 * its own, whose words are not shaped yet. */
static PangoContext *
fresh_context (PangoContext *like)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);

  pango_context_set_font_description (context, pango_context_get_font_description (like));
  pango_context_set_language (context, pango_context_get_language (like));
  pango_cairo_context_set_resolution (context, pango_cairo_context_get_resolution (like));
  pango_cairo_context_set_font_options (context, pango_cairo_context_get_font_options (like));
  pango_context_set_round_glyph_positions (context, pango_context_get_round_glyph_positions (like));
  return context;
}

/* What the text draws: its glyphs, their fonts and places. */
static GBytes *
drawn (PangoContext *context,
       const char   *words)
{
  g_autoptr(VentureNoteText) text = venture_note_text_new (context, words, VENTURE_NOTE_WIDTH);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_assert_nonnull (text);
  venture_note_text_snapshot (text, snapshot, &(GdkRGBA) { 0, 0, 0, 1 });
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_render_node_serialize (node);
}

/* A note's new words are shaped in one pass and split at the spaces;
 * each must come out as shaped on its own, whatever font or script it
 * has and whether or not it could be shaped with the others. */
static void
test_note_text_words_together_as_alone (void)
{
  const char *words = simple_texts[G_N_ELEMENTS (simple_texts) - 1];
  GtkWidget *widget;
  PangoContext *like = widget_context (&widget);
  PangoContext *alone = fresh_context (like);
  PangoContext *together = fresh_context (like);
  g_auto(GStrv) each = g_strsplit (words, " ", -1);
  g_autoptr(GPtrArray) each_alone = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) all_alone = NULL;
  g_autoptr(GBytes) all_together = NULL;

  g_assert_cmpuint (g_strv_length (each), >, 10);
  /* one new word at a time */
  for (guint i = 0; each[i] != NULL; i++)
    g_ptr_array_add (each_alone, drawn (alone, each[i]));
  all_alone = drawn (alone, words);

  /* all new at once */
  all_together = drawn (together, words);
  g_assert_true (g_bytes_equal (all_together, all_alone));
  for (guint i = 0; each[i] != NULL; i++)
    {
      g_autoptr(GBytes) from_together = drawn (together, each[i]);

      g_test_message ("word: %s", each[i]);
      g_assert_true (g_bytes_equal (from_together, each_alone->pdata[i]));
    }

  g_object_unref (alone);
  g_object_unref (together);
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

  g_test_add_func ("/venture/note-text/breaks-as-pango", test_note_text_breaks_as_pango);
  g_test_add_func ("/venture/note-text/keeps-words", test_note_text_keeps_words);
  g_test_add_func ("/venture/note-text/words-together-as-alone", test_note_text_words_together_as_alone);
  g_test_add_func ("/venture/note-text/leaves-to-pango", test_note_text_leaves_to_pango);
  g_test_add_func ("/venture/note-text/cuts-as-pango", test_note_text_cuts_as_pango);

  return g_test_run ();
}
