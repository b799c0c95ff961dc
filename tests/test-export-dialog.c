/* test-export-dialog.c: the Export dialog and printing, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "venture-export.h"
#include "venture-export-dialog.h"
#include "venture-canvas-file.h"
#include "venture-print-operation.h"
#include "venture-versions-panel.h"
#include "venture-window.h"
#include "venture-test-canvases.h"
#include "venture-test-ui.h"

/* Helpers */

/* The value of one "Name: value" line of pdfinfo. */
static char *
pdfinfo_field (const char *path,
               const char *field)
{
  g_autofree char *info = venture_test_run_tool ("pdfinfo", path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));

  g_error ("pdfinfo printed no %s for %s", field, path);
}

/* pdftotext wraps lines as the page dictates: compare without spaces. */
static gboolean
pdf_contains (const char *path,
              const char *text)
{
  g_autofree char *out = venture_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  GString *squeezed_out = g_string_new (NULL);
  GString *squeezed_text = g_string_new (NULL);
  gboolean found;

  for (const char *p = out; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed_out, *p);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed_text, *p);

  found = strstr (squeezed_out->str, squeezed_text->str) != NULL;
  g_string_free (squeezed_out, TRUE);
  g_string_free (squeezed_text, TRUE);

  return found;
}

static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_label_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} ShownText;

static gboolean
text_is_shown (gpointer data)
{
  ShownText *shown = data;

  return shows_text (shown->widget, shown->text);
}

/* A label shows once it is mapped, a frame or so after it was set. */
static void
wait_until_shown (GtkWidget  *widget,
                  const char *text)
{
  ShownText shown = { widget, text };

  venture_test_wait_until (text_is_shown, &shown);
}

static gboolean
strip_underline_equal (const char *with_underline,
                       const char *plain)
{
  g_autoptr(GString) stripped = g_string_new (NULL);

  for (const char *p = with_underline; *p; p++)
    if (*p != '_')
      g_string_append_c (stripped, *p);

  return g_str_equal (stripped->str, plain);
}

/* The combo row a user would see with that title. */
static AdwComboRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      strip_underline_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static AdwComboRow *
get_row (VentureExportDialog *dialog,
         const char          *title)
{
  AdwComboRow *row = find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  return row;
}

static VentureExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (VENTURE_IS_EXPORT_DIALOG (toplevel))
        return VENTURE_EXPORT_DIALOG (toplevel);
    }

  return NULL;
}

static VentureWindow *
show_window (VentureCanvas *canvas)
{
  g_autoptr(VentureDocument) document = venture_document_new_from_canvas (canvas, FALSE);
  VentureWindow *window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()),
                                              document);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  venture_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

/* Opens the dialog as Ctrl+E does. */
static VentureExportDialog *
open_dialog (VentureWindow *window)
{
  VentureExportDialog *dialog;

  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  venture_test_wait_for_frame (GTK_WIDGET (dialog));

  return dialog;
}

static gboolean
is_idle (gpointer data)
{
  return !venture_export_dialog_get_busy (data);
}

static void
close_and_check_finalized (VentureWindow *window)
{
  venture_test_close_window (GTK_WINDOW (window));
}

static GSettings *
get_settings (void)
{
  return g_settings_new (APP_ID);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = get_settings ();

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-page-size");
  g_settings_reset (settings, "export-orientation");
  g_settings_reset (settings, "export-scale");
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("venture-export-dialog-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* Tests */

/* The settings accept exactly the identifiers the exporter parses, and
 * default to an A4 landscape PDF. */
static void
test_settings_contract (void)
{
  static const struct {
    const char *key;
    const char *default_id;
    const char *refused;
  } keys[] = {
    { "export-format", "pdf", "tiff" },
    { "export-page-size", "a4", "a5" },
    { "export-orientation", "landscape", "upside-down" },
    { "export-scale", "1", "3" },
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i].key);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) choices = NULL;
      g_autoptr(GVariant) default_value = g_settings_schema_key_get_default_value (key);
      g_autoptr(GVariant) refused = g_variant_new_string (keys[i].refused);
      const char *type;
      GVariantIter iter;
      const char *id;
      guint n = 0;

      g_variant_get (range, "(&sv)", &type, &choices);
      g_assert_cmpstr (type, ==, "enum");
      g_assert_cmpstr (g_variant_get_string (default_value, NULL), ==, keys[i].default_id);
      g_assert_false (g_settings_schema_key_range_check (key, g_variant_ref_sink (refused)));

      g_variant_iter_init (&iter, choices);
      while (g_variant_iter_next (&iter, "&s", &id))
        {
          g_autoptr(GError) error = NULL;
          gboolean parsed = FALSE;

          n++;
          if (i == 0)
            {
              g_autofree char *name = g_strconcat ("canvas.", id, NULL);
              VentureExportFormat format;

              parsed = venture_export_format_from_path (name, &format, &error);
            }
          else if (i == 1)
            {
              VenturePageSize page_size;

              parsed = venture_page_size_from_string (id, &page_size, &error);
            }
          else if (i == 2)
            {
              VentureOrientation orientation;

              parsed = venture_orientation_from_string (id, &orientation, &error);
            }
          else
            {
              guint scale;

              parsed = venture_export_scale_from_string (id, &scale, &error);
            }
          g_assert_no_error (error);
          g_assert_true (parsed);
        }
      /* pdf png svg / a4 a3 letter / landscape portrait / 1 2 4 */
      g_assert_cmpuint (n, ==, i == 2 ? 2 : 3);
    }
}

static void
test_export_pdf (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  VentureWindow *window = show_window (canvas);
  VentureCanvas *shown = venture_document_get_canvas (venture_window_get_document (window));
  VentureExportDialog *dialog;
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *dir = temp_dir ();
  /* A name that is not valid markup, as toasts take markup. */
  g_autofree char *path = g_build_filename (dir, "R&D <plan>.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *page_size = NULL;
  g_autoptr(VentureNote) late = NULL;
  gsize length;

  reset_settings ();
  dialog = open_dialog (window);
  g_object_ref (dialog);

  /* Defaults: A4 landscape PDF; the scale is for PNG only. */
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Format")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Page Size")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Orientation")), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (get_row (dialog, "Image Scale"))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (get_row (dialog, "Page Size"))));

  adw_combo_row_set_selected (get_row (dialog, "Page Size"), 1);    /* A3 */
  adw_combo_row_set_selected (get_row (dialog, "Orientation"), 1);  /* portrait */
  assert_setting (settings, "export-page-size", "a3");

  venture_export_dialog_export_to (dialog, file);
  g_assert_true (venture_export_dialog_get_busy (dialog));
  /* Editing goes on while the export runs; the file shows the canvas as
   * it was when the export started. */
  late = venture_note_new ("n-late", "value-propositions");
  venture_canvas_append_note (shown, late);
  venture_canvas_set_note_text (shown, late, "Added while exporting");
  venture_test_wait_until (is_idle, dialog);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  page_size = pdfinfo_field (path, "Page size");
  g_assert_true (g_str_has_prefix (page_size, "842 x 1191 pts"));
  g_assert_true (pdf_contains (path, "Focus: a productivity web service"));
  g_assert_false (pdf_contains (path, "Added while exporting"));

  /* Done: the dialog is gone and the window says where the file went. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_null (find_dialog ());
  g_assert_finalize_object (dialog);
  venture_test_iterate (100);
  wait_until_shown (GTK_WIDGET (window), "Exported to “R&D <plan>.pdf”");
  g_free (venture_test_save_screenshot (GTK_WIDGET (window), "export-dialog-done"));

  /* A second dialog remembers the choices. */
  dialog = open_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Format")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Page Size")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Orientation")), ==, 1);
  assert_setting (settings, "export-orientation", "portrait");
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);

  close_and_check_finalized (window);
  remove_dir (dir);
}

static void
test_export_png (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_bike_clinic ();
  VentureWindow *window = show_window (canvas);
  VentureExportDialog *dialog;
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "clinic.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(VentureExport) layout = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *scale_row;

  reset_settings ();
  dialog = open_dialog (window);
  scale_row = get_row (dialog, "Image Scale");
  adw_combo_row_set_selected (get_row (dialog, "Format"), 1);       /* PNG */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scale_row)));
  adw_combo_row_set_selected (scale_row, 1);                        /* 2x */
  /* The row tells the size in pixels before anything is written. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scale_row)), ==,
                   "1684 × 1190 pixels a page");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (get_row (dialog, "Page Size"))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (get_row (dialog, "Orientation"))));

  g_object_ref (dialog);
  venture_export_dialog_export_to (dialog, file);
  venture_test_wait_until (is_idle, dialog);
  g_assert_finalize_object (dialog);

  /* Pages follow each other in the one image. */
  layout = venture_export_new (canvas, 842, 595, NULL, NULL, &error);
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1684);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1190 * venture_export_get_n_pages (layout));
  assert_setting (settings, "export-format", "png");
  assert_setting (settings, "export-scale", "2");

  /* The next dialog opens on PNG at 2x. */
  dialog = open_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Format")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "Image Scale")), ==, 1);
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);

  close_and_check_finalized (window);
  remove_dir (dir);
  reset_settings ();
}

/* A big canvas is written in a thread: the dialog's call returns at once
 * and the main loop keeps running while the file is drawn. */
static void
test_export_large (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_generated (1000);
  VentureWindow *window = show_window (canvas);
  VentureExportDialog *dialog;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start, returned, last, longest = 0;
  guint iterations = 0;

  reset_settings ();
  dialog = open_dialog (window);
  g_object_ref (dialog);

  start = g_get_monotonic_time ();
  venture_export_dialog_export_to (dialog, file);
  returned = last = g_get_monotonic_time ();
  while (venture_export_dialog_get_busy (dialog))
    {
      gint64 now;

      g_main_context_iteration (NULL, FALSE);
      now = g_get_monotonic_time ();
      longest = MAX (longest, now - last);
      last = now;
      iterations++;
      g_assert_cmpint (now - start, <, 30 * G_USEC_PER_SEC);
      g_usleep (1000);
    }
  g_test_message ("1,000 notes: export_to returned after %.1f ms, file written after %.1f ms; "
                  "%u main loop iterations meanwhile, the longest %.1f ms",
                  (returned - start) / 1000.0, (last - start) / 1000.0,
                  iterations, longest / 1000.0);
  g_assert_cmpuint (iterations, >, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (dialog);

  close_and_check_finalized (window);
  remove_dir (dir);
}

/* A failed export says why in the dialog, which stays for another try,
 * and leaves no file. */
static void
test_export_failure (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  VentureWindow *window = show_window (canvas);
  VentureExportDialog *dialog;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "canvas.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  reset_settings ();
  dialog = open_dialog (window);
  venture_export_dialog_export_to (dialog, file);
  venture_test_wait_until (is_idle, dialog);
  venture_test_iterate (100);

  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (get_row (dialog, "Format"))));
  wait_until_shown (GTK_WIDGET (dialog), "canvas.pdf");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  venture_test_iterate (400);
  venture_test_wait_for_frame (GTK_WIDGET (dialog));
  g_free (venture_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-failure"));

  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);
  close_and_check_finalized (window);
  remove_dir (dir);
}

/* Printing goes through GTK's own PDF export here: the same ::begin-print
 * and ::draw-page as on paper, without a printer. */
static void
test_print (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  VentureWindow *window = show_window (canvas);
  g_autoptr(VenturePrintOperation) operation = NULL;
  g_autoptr(VentureExport) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *expected_pages = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 1, 9, 30, 0);
  GtkPrintOperationResult result;

  operation = venture_print_operation_new (venture_document_get_canvas (venture_window_get_document (window)),
                                           date);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (venture_print_operation_dup_error (operation));

  layout = venture_export_new (canvas, 842, 595, NULL, date, &error);
  g_assert_no_error (error);
  expected_pages = g_strdup_printf ("%u", venture_export_get_n_pages (layout));
  pages = pdfinfo_field (path, "Pages");
  g_assert_cmpstr (pages, ==, expected_pages);
  /* A4 landscape by default. */
  page_size = pdfinfo_field (path, "Page size");
  g_assert_true (g_str_has_prefix (page_size, "841.89 x 595.276 pts"));
  g_assert_true (pdf_contains (path, "Focus: a productivity web service"));
  g_assert_true (pdf_contains (path, "The Business Model Canvas by Strategyzer AG"));

  close_and_check_finalized (window);
  remove_dir (dir);
}

static void
test_screenshots (void)
{
  g_autoptr(VentureCanvas) canvas = venture_test_canvas_productivity ();
  VentureWindow *window = show_window (canvas);
  VentureExportDialog *dialog;
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  reset_settings ();
  dialog = open_dialog (window);
  adw_combo_row_set_selected (get_row (dialog, "Format"), 1);
  venture_test_wait_for_frame (GTK_WIDGET (dialog));
  wide = venture_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-light");

  /* As narrow as a phone: GNOME's smallest width. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, -1);
  venture_test_iterate (100);
  venture_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  narrow = venture_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-light-narrow");

  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);
  close_and_check_finalized (window);
  reset_settings ();
}

/* With a comparison shown in the Versions pane, the dialog offers it;
 * the PDF gets the canvas with change marks and a comparison page. */
static void
test_export_comparison (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "files", "good", "bike-repair-before.json", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(VentureCanvas) before = venture_canvas_file_load (input_file, NULL, NULL, NULL, NULL);
  VentureWindow *window;
  VentureCanvas *shown;
  g_autofree char *pages = NULL;
  VentureVersionsPanel *panel;
  VentureExportDialog *dialog;
  GtkWidget *group;
  GtkSwitch *toggle;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "changes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;

  g_assert_nonnull (before);
  reset_settings ();
  window = show_window (before);
  shown = venture_document_get_canvas (venture_window_get_document (window));
  panel = VENTURE_VERSIONS_PANEL (venture_window_get_versions_panel (window));

  /* Nothing compared: nothing offered. */
  dialog = open_dialog (window);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), VENTURE_TYPE_EXPORT_DIALOG,
                                                     "comparison_group"));
  g_assert_false (gtk_widget_get_visible (group));
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);

  g_assert_nonnull (venture_versions_panel_save (panel, "Before feedback", NULL));
  venture_canvas_set_note_text (shown, venture_canvas_lookup_note (shown, "n-5"), "Travelling van and bike trailer");
  venture_versions_panel_compare (panel, venture_canvas_lookup_version (shown, "Before feedback"));

  dialog = open_dialog (window);
  g_object_ref (dialog);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), VENTURE_TYPE_EXPORT_DIALOG,
                                                     "comparison_group"));
  toggle = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog), VENTURE_TYPE_EXPORT_DIALOG,
                                                      "comparison_switch"));
  g_assert_true (gtk_widget_get_visible (group));
  wait_until_shown (GTK_WIDGET (dialog), "Comparison of “Before feedback” and “Now”");
  g_assert_false (gtk_switch_get_active (toggle));
  g_free (venture_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-comparison"));
  gtk_switch_set_active (toggle, TRUE);

  venture_export_dialog_export_to (dialog, file);
  /* The export works on copies: the canvas may change meanwhile. */
  venture_canvas_set_note_text (shown, venture_canvas_lookup_note (shown, "n-1"), "Changed while exporting");
  venture_test_wait_until (is_idle, dialog);
  venture_test_iterate (20);
  g_assert_finalize_object (dialog);

  pages = pdfinfo_field (path, "Pages");
  g_assert_cmpstr (pages, ==, "3");
  g_assert_true (pdf_contains (path, "Comparison of “Before feedback” and “Now”"));
  g_assert_true (pdf_contains (path, "1 reworded"));
  g_assert_true (pdf_contains (path, "✎ “Travelling van and bike trailer”: Text changed"));
  g_assert_true (pdf_contains (path, "Relationship mix"));
  g_assert_false (pdf_contains (path, "Changed while exporting"));
  /* The mark on the canvas page. */
  text = venture_test_run_tool ("pdftotext", "-f", "1", "-l", "1", path, "-", NULL);
  g_assert_nonnull (strstr (text, "✎"));

  close_and_check_finalized (window);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

  g_test_add_func ("/venture/export-dialog/settings-contract", test_settings_contract);
  g_test_add_func ("/venture/export-dialog/export-pdf", test_export_pdf);
  g_test_add_func ("/venture/export-dialog/export-png", test_export_png);
  g_test_add_func ("/venture/export-dialog/large", test_export_large);
  g_test_add_func ("/venture/export-dialog/failure", test_export_failure);
  g_test_add_func ("/venture/export-dialog/print", test_print);
  g_test_add_func ("/venture/export-dialog/comparison", test_export_comparison);
  g_test_add_func ("/venture/export-dialog/screenshots", test_screenshots);

  return g_test_run ();
}
