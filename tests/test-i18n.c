/* test-i18n.c: the real window in German and Spanish, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "venture-block-view.h"
#include "venture-board.h"
#include "venture-examples.h"
#include "venture-mix-panel.h"
#include "venture-note-widget.h"
#include "venture-taxonomy.h"
#include "venture-template.h"
#include "venture-window.h"
#include "venture-test-ui.h"

/* One language per process: a template is translated once, when it is
 * first loaded, so the language is chosen before anything else runs. */
typedef struct {
  const char *language;
  const char *labels[9];
  const char *key_partners_questions;
  const char *credit;
  const char *blue_key_partner;  /* a blue note's description in Key Partners */
} Expected;

static const Expected expectations[] = {
  { "de",
    /* A soft hyphen (U+00AD) between the parts of a compound is where a
     * narrow block's header may break. */
    { "Schlüssel\u00ADpartner", "Schlüssel\u00ADaktivitäten", "Schlüssel\u00ADressourcen",
      "Wert\u00ADangebote", "Kunden\u00ADbeziehungen", "Kanäle", "Kunden\u00ADsegmente",
      "Kosten\u00ADstruktur", "Einnahme\u00ADquellen" },
    "Wer sind unsere wichtigsten Partner und Lieferanten? Welche Ressourcen beziehen wir "
    "von ihnen, welche Aktivitäten übernehmen sie?",
    "Das Business Model Canvas von Strategyzer AG, CC BY-SA 3.0",
    "Notiz (Blau) in Schlüsselpartner" },
  { "es",
    { "Socios clave", "Acti\u00ADvi\u00ADda\u00ADdes clave", "Recursos clave", "Propuesta de valor",
      "Relación con clientes", "Canales", "Segmentos de clientes", "Estructura de costes",
      "Fuentes de ingresos" },
    "¿Quiénes son nuestros socios y proveedores clave? ¿Qué recursos obtenemos de ellos "
    "y qué actividades realizan?",
    "El Business Model Canvas de Strategyzer AG, CC BY-SA 3.0",
    "Nota (Azul) en Socios clave" },
};

static const Expected *expected;

static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

static gboolean
contains_text (GPtrArray  *texts,
               const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_i18n_window (void)
{
  VentureWindow *window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  VentureTemplate *template = venture_board_get_template (board);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *name = g_strdup_printf ("i18n-%s", expected->language);
  g_autofree char *png = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  venture_test_wait_for_frame (GTK_WIDGET (window));

  collect_label_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (venture_template_get_n_blocks (template), ==, G_N_ELEMENTS (expected->labels));
  for (guint i = 0; i < G_N_ELEMENTS (expected->labels); i++)
    {
      const VentureBlockInfo *info = venture_template_get_block (template, i);
      g_autoptr(GString) plain = g_string_new (expected->labels[i]);

      /* The header shows the soft hyphens; everything read, searched or
       * spoken has the plain label. */
      g_string_replace (plain, "\u00AD", "", 0);
      g_assert_cmpstr (info->header_label, ==, expected->labels[i]);
      g_assert_cmpstr (info->label, ==, plain->str);
      g_assert_null (strstr (info->label, "\u00AD"));
      if (!contains_text (texts, expected->labels[i]))
        g_error ("The window shows no header “%s”", expected->labels[i]);
      gtk_test_accessible_assert_property (venture_board_get_block_view (board, info->id),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str);
    }
  g_assert_true (contains_text (texts, expected->key_partners_questions));
  g_assert_true (contains_text (texts, expected->credit));

  png = venture_test_save_screenshot (GTK_WIDGET (window), name);

  venture_test_close_window (GTK_WINDOW (window));
}

static gboolean
label_is_cut (GtkLabel *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

static void
assert_chips_whole (VentureNoteWidget *widget)
{
  for (guint i = 0; i < venture_note_widget_get_n_chips (widget); i++)
    {
      GtkWidget *label = gtk_widget_get_last_child (venture_note_widget_get_chip (widget, i));

      g_assert_true (GTK_IS_LABEL (label));
      if (label_is_cut (GTK_LABEL (label)))
        g_error ("The chip “%s” is cut to %d px", gtk_label_get_label (GTK_LABEL (label)),
                 gtk_widget_get_width (label));
    }
}

/* Short labels are translated on their own, so that chips and the mix
 * panel's headers show whole words rather than "Kundengewinnu…". */
static void
test_i18n_short_labels (void)
{
  g_autoptr(VentureCanvas) example = venture_examples_load ("bike-repair", NULL);
  g_autoptr(VentureDocument) document = venture_document_new_from_canvas (example, TRUE);
  VentureWindow *window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), document);
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  GtkWidget *panel = venture_window_get_mix_panel (window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  VentureNote *note = venture_canvas_lookup_note (canvas, "br-19");
  VentureNoteWidget *widget;
  guint n_relationships, n_stages;
  g_autofree char *name = g_strdup_printf ("i18n-%s-short-labels", expected->language);
  g_autofree char *png = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  venture_window_set_mix_visible (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  venture_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_nonnull (note);
  widget = VENTURE_NOTE_WIDGET (venture_board_get_note_widget (board, note));
  /* A screen reader hears the note's colour and block in the language. */
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->blue_key_partner);
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const VentureTag *tags;
      guint n;

      tags = venture_taxonomy_get_tags (kind, &n);
      for (guint i = 0; i < n; i++)
        {
          venture_canvas_set_note_tag (canvas, note, kind, tags[i].id);
          venture_test_wait_for_frame (GTK_WIDGET (widget));
          g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, kind + 1);
          assert_chips_whole (widget);
        }
    }

  venture_test_wait_for_frame (panel);
  venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_relationships);
  venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  g_assert_cmpuint (venture_test_assert_mix_headers_whole (panel), ==, n_relationships + n_stages);

  png = venture_test_save_screenshot (GTK_WIDGET (window), name);

  venture_test_close_window (GTK_WINDOW (window));
}

static void
test_i18n_block_headers (void)
{
  static const int sizes[][2] = { { 1090, 800 }, { 1280, 800 }, { 1920, 1080 }, { 360, 720 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      VentureWindow *window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
      g_autofree char *name = g_strdup_printf ("i18n-%s-headers-%d", expected->language, sizes[i][0]);
      g_autofree char *png = NULL;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (window));
      venture_test_wait_for_frame (GTK_WIDGET (window));

      /* The nine blocks and the tray of unsorted notes. */
      g_assert_cmpuint (venture_test_assert_block_titles_break_between_words (GTK_WIDGET (window), sizes[i][0]), ==, 10);
      png = venture_test_save_screenshot (GTK_WIDGET (window), name);

      g_object_ref (window);
      gtk_window_destroy (GTK_WINDOW (window));
      venture_test_iterate (50);
      g_assert_finalize_object (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *language = argc > 1 ? argv[argc - 1] : "";
  g_autofree char *localedir = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].language, language))
      expected = &expectations[i];
  if (expected == NULL)
    g_error ("Usage: test-i18n [TEST-OPTIONS] LANGUAGE (de or es)");

  /* The catalogues built in the build dir, laid out like LOCALEDIR. */
  if (g_getenv ("G_TEST_BUILDDIR") == NULL)
    g_error ("G_TEST_BUILDDIR is not set: run this test through meson test");
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_setenv ("LANGUAGE", expected->language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  venture_test_ui_init (&argc, &argv);
  /* gtk_test_init() pins the locale to en_US (or leaves "C", where
   * LANGUAGE is ignored); follow the environment like the app does. */
  setlocale (LC_ALL, "");

  path = g_strdup_printf ("/venture/i18n/%s/window", expected->language);
  g_test_add_func (path, test_i18n_window);
  g_free (path);
  path = g_strdup_printf ("/venture/i18n/%s/short-labels", expected->language);
  g_test_add_func (path, test_i18n_short_labels);
  g_free (path);
  path = g_strdup_printf ("/venture/i18n/%s/block-headers", expected->language);
  g_test_add_func (path, test_i18n_block_headers);

  return g_test_run ();
}
