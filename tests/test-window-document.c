/* test-window-document.c: the window and its canvas file, driven through
 * its actions as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "venture-canvas-file.h"
#include "venture-drafts.h"
#include "venture-file.h"
#include "venture-window.h"
#include "venture-test-ui.h"

typedef struct {
  char          *directory;
  GFile         *file;
  VentureWindow *window;
} Fixture;

static const char canvas_json[] =
  "{\n"
  "  \"format\": \"venture-canvas\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Bike clinic\",\n"
  "  \"template\": \"business-model-canvas\",\n"
  "  \"notes\": [\n"
  "    {\"id\": \"n-1\", \"block\": \"customer-relationships\", \"text\": \"Self-service repair clinics\",\n"
  "     \"color\": \"yellow\", \"x\": 120, \"y\": 340, \"relationship\": \"self-service\", \"stage\": \"retention\"}\n"
  "  ]\n"
  "}\n";

static gboolean
document_idle (gpointer data)
{
  return !venture_document_get_busy (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("venture-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "bike.json", NULL);
  g_assert_true (g_file_set_contents (path, canvas_json, -1, NULL));
  fixture->file = g_file_new_for_path (path);

  fixture->window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  venture_window_load_file (fixture->window, fixture->file);
  venture_test_wait_until (document_idle, venture_window_get_document (fixture->window));
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->file);

  if (fixture->window != NULL)
    {
      g_object_ref (fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      venture_test_iterate (20);
      g_assert_finalize_object (fixture->window);
    }
  g_remove (path);
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  g_clear_object (&fixture->file);
}

static const char *
shown_title (VentureWindow *window)
{
  return gtk_window_get_title (GTK_WINDOW (window));
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Messages quote file names and note texts: they show as written. */
static void
test_window_toast_plain_text (Fixture       *fixture,
                              gconstpointer  data)
{
  venture_window_show_toast (fixture->window, "Could not open “R&D <plan>.json”: it is empty");
  venture_test_iterate (50);
}

static void
test_window_opens_file (Fixture       *fixture,
                        gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  VentureCanvas *canvas = venture_document_get_canvas (document);

  g_assert_true (g_file_equal (venture_document_get_file (document), fixture->file));
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, 1);
  g_assert_cmpstr (shown_title (fixture->window), ==, "Bike clinic – Venture");
  g_assert_false (gtk_widget_is_sensitive (find_button_for_action (GTK_WIDGET (fixture->window), "win.undo")));
}

/* Edit, undo with the button's action, redo, save with Ctrl+S's action:
 * the title marks unsaved work, the buttons name the step. */
static void
test_window_undo_and_save (Fixture       *fixture,
                           gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  VentureNote *note = venture_canvas_lookup_note (canvas, "n-1");
  GtkWidget *undo = find_button_for_action (GTK_WIDGET (fixture->window), "win.undo");
  GtkWidget *redo = find_button_for_action (GTK_WIDGET (fixture->window), "win.redo");
  g_autoptr(VentureCanvas) saved = NULL;
  g_autoptr(GError) error = NULL;

  venture_canvas_move_note (canvas, note, "channels", 500, 500);
  venture_test_iterate (20);
  g_assert_cmpstr (shown_title (fixture->window), ==, "• Bike clinic – Venture");
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo Move Note");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  venture_test_iterate (20);
  g_assert_cmpstr (venture_note_get_block (note), ==, "customer-relationships");
  g_assert_cmpstr (shown_title (fixture->window), ==, "Bike clinic – Venture");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo Move Note");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpstr (venture_note_get_block (note), ==, "channels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  venture_test_iterate (20);
  g_assert_false (venture_document_get_modified (document));
  g_assert_cmpstr (shown_title (fixture->window), ==, "Bike clinic – Venture");

  saved = venture_canvas_file_load (fixture->file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (venture_note_get_block (venture_canvas_lookup_note (saved, "n-1")), ==, "channels");
}

static GtkWindow *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
question_shown (gpointer data)
{
  return find_question () != NULL;
}

static gboolean
question_gone (gpointer data)
{
  return find_question () == NULL;
}

/* As a click on a button of the question does. */
static void
answer (const char *response)
{
  GtkWindow *question = find_question ();

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  gtk_window_destroy (question);
  venture_test_wait_until (question_gone, NULL);
}

/* Closing with unsaved work asks; Cancel keeps everything, Discard
 * closes without touching the file. */
static void
test_window_close_asks (Fixture       *fixture,
                        gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = NULL;
  VentureWindow *window = fixture->window;

  venture_canvas_set_title (canvas, "Renamed");
  gtk_window_close (GTK_WINDOW (window));
  venture_test_wait_until (question_shown, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  answer ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (venture_document_get_modified (document));

  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  venture_test_wait_until (question_shown, NULL);
  answer ("discard");
  fixture->window = NULL;
  g_assert_finalize_object (window);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, canvas_json);
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = venture_drafts_list (venture_drafts_get_default ());

  return drafts->len;
}

static gboolean
has_draft (gpointer data)
{
  return count_drafts () == GPOINTER_TO_UINT (data);
}

/* Unsaved work lands in a draft a few seconds after the last edit, never
 * in the user's file; saving removes the draft. */
static void
test_window_autosaves_draft (Fixture       *fixture,
                             gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  VentureDraftInfo *info;

  g_assert_cmpuint (count_drafts (), ==, 0);
  venture_canvas_set_title (canvas, "Bike clinic, after feedback");
  venture_test_wait_until (has_draft, GUINT_TO_POINTER (1));

  drafts = venture_drafts_list (venture_drafts_get_default ());
  info = g_ptr_array_index (drafts, 0);
  g_assert_true (g_file_equal (info->original, fixture->file));
  g_assert_cmpstr (info->title, ==, "Bike clinic, after feedback");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, canvas_json);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  venture_test_wait_until (has_draft, GUINT_TO_POINTER (0));
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
history_item_label (GListModel *model,
                    guint       index)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, index);
  static char label[128];

  g_strlcpy (label, gtk_string_object_get_string (item), sizeof label);
  return label;
}

/* The History panel lists the steps newest first; choosing one jumps
 * there, undoing or redoing as many steps as it takes. */
static void
test_window_history_panel (Fixture       *fixture,
                           gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  VentureHistory *history = venture_document_get_history (document);
  VentureNote *note = venture_canvas_lookup_note (canvas, "n-1");
  GtkListView *view = GTK_LIST_VIEW (find_widget_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW));
  GListModel *model;

  /* the list shows the steps while the panel is open */
  g_assert_null (gtk_list_view_get_model (view));
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON)));
  model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_assert_nonnull (model);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (history_item_label (model, 0), ==, "Opened");

  venture_canvas_set_note_color (canvas, note, "blue");
  venture_canvas_move_note (canvas, note, "channels", 10, 10);
  venture_canvas_set_title (canvas, "Bike clinic 2");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (history_item_label (model, 0), ==, "Rename Canvas");
  g_assert_cmpstr (history_item_label (model, 1), ==, "Move Note");
  g_assert_cmpstr (history_item_label (model, 2), ==, "Recolor Note");
  g_assert_cmpstr (history_item_label (model, 3), ==, "Opened");

  /* Choose "Recolor Note": the state right after it. */
  g_signal_emit_by_name (view, "activate", 2);
  g_assert_cmpuint (venture_history_get_position (history), ==, 1);
  g_assert_cmpstr (venture_note_get_color (note), ==, "blue");
  g_assert_cmpstr (venture_note_get_block (note), ==, "customer-relationships");
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "Bike clinic");
  /* Undone steps stay listed, to jump forward again. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  g_signal_emit_by_name (view, "activate", 3);
  g_assert_cmpstr (venture_note_get_color (note), ==, "yellow");
  g_assert_false (venture_document_get_modified (document));
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "Bike clinic 2");
}

static void
test_window_rename_canvas (Fixture       *fixture,
                           gconstpointer  data)
{
  VentureCanvas *canvas = venture_document_get_canvas (venture_window_get_document (fixture->window));
  GtkWidget *title_button = find_widget_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;
  GtkWidget *entry;

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (title_button));
  /* The UI suites share one X server: while another test's popover holds
   * the pointer grab, this one cannot take it and closes. It is asked for
   * again then, a few times. */
  for (guint attempt = 0; attempt < 10 && !gtk_widget_get_mapped (GTK_WIDGET (popover)); attempt++)
    {
      gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-canvas", NULL));
      while (!gtk_widget_get_mapped (GTK_WIDGET (popover)) && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  entry = find_widget_of_type (GTK_WIDGET (popover), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Bike clinic");

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Bike clinic on tour ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "Bike clinic on tour");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "• Bike clinic on tour – Venture");
}

/* Another program rewrites the file: the window notices, and Reload
 * shows what is on disk now. */
static void
test_window_outside_change_reload (Fixture       *fixture,
                                   gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *changed = NULL;
  GString *edited = g_string_new (canvas_json);

  g_assert_false (venture_document_is_changed_on_disk (document));
  g_string_replace (edited, "Bike clinic", "Bike clinic (edited elsewhere)", 1);
  changed = g_string_free (edited, FALSE);
  /* Etags have a one-second resolution. */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_true (venture_document_is_changed_on_disk (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  venture_test_wait_until (document_idle, document);
  g_assert_cmpstr (venture_canvas_get_title (venture_document_get_canvas (document)), ==,
                   "Bike clinic (edited elsewhere)");
  g_assert_false (venture_document_is_changed_on_disk (document));
  g_assert_false (venture_document_get_modified (document));
}

static GtkStack *
find_main_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "start") != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_main_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The start page offers the canvases opened before; choosing one opens
 * it in that window. */
static void
test_window_start_page_recent (Fixture       *fixture,
                               gconstpointer  data)
{
  VentureWindow *start = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
  GtkStack *stack;
  GtkListBox *recent;
  GtkListBoxRow *row;
  g_autofree char *png = NULL;

  venture_window_show_start (start);
  gtk_window_present (GTK_WINDOW (start));
  venture_test_wait_for_frame (GTK_WIDGET (start));
  stack = find_main_stack (GTK_WIDGET (start));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  png = venture_test_save_screenshot (GTK_WIDGET (start), "start-page");

  recent = GTK_LIST_BOX (find_widget_of_type (gtk_stack_get_visible_child (stack), GTK_TYPE_LIST_BOX));
  row = gtk_list_box_get_row_at_index (recent, 0);
  g_assert_nonnull (row);
  g_assert_true (g_file_equal (g_object_get_data (G_OBJECT (row), "file"), fixture->file));

  g_signal_emit_by_name (recent, "row-activated", row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "canvas");
  venture_test_wait_until (document_idle, venture_window_get_document (start));
  g_assert_cmpstr (venture_canvas_get_title (venture_document_get_canvas (venture_window_get_document (start))),
                   ==, "Bike clinic");

  g_object_ref (start);
  gtk_window_destroy (GTK_WINDOW (start));
  venture_test_iterate (20);
  g_assert_finalize_object (start);
}

static gboolean
window_shows_text_containing (GtkWidget  *widget,
                              const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (window_shows_text_containing (child, needle))
      return TRUE;

  return FALSE;
}

typedef struct {
  GtkWidget  *window;
  const char *needle;
} TextSearch;

static gboolean
text_shown (gpointer data)
{
  TextSearch *search = data;

  return window_shows_text_containing (search->window, search->needle);
}

/* A save that fails (here: the disk fills up half way) keeps the canvas
 * open and unsaved, leaves the file as it was, and says why. */
static void
test_window_save_failure_reported (Fixture       *fixture,
                                   gconstpointer  data)
{
  VentureDocument *document = venture_window_get_document (fixture->window);
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = NULL;
  TextSearch search = { GTK_WIDGET (fixture->window), "bike.json" };

  venture_canvas_set_title (venture_document_get_canvas (document), "Unsaved idea");
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NO_SPACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  venture_file_set_test_failure (VENTURE_FILE_TEST_FAILURE_NONE);

  g_assert_true (venture_document_get_modified (document));
  g_assert_true (g_file_equal (venture_document_get_file (document), fixture->file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "• Unsaved idea – Venture");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, canvas_json);
  /* The reason names the file. */
  venture_test_wait_until (text_shown, &search);
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/venture/window-document/opens-file", test_window_opens_file);
  ADD ("/venture/window-document/toast-plain-text", test_window_toast_plain_text);
  ADD ("/venture/window-document/save-failure-reported", test_window_save_failure_reported);
  ADD ("/venture/window-document/undo-and-save", test_window_undo_and_save);
  ADD ("/venture/window-document/close-asks", test_window_close_asks);
  ADD ("/venture/window-document/autosaves-draft", test_window_autosaves_draft);
  ADD ("/venture/window-document/history-panel", test_window_history_panel);
  ADD ("/venture/window-document/start-page-recent", test_window_start_page_recent);
  ADD ("/venture/window-document/rename-canvas", test_window_rename_canvas);
  ADD ("/venture/window-document/outside-change-reload", test_window_outside_change_reload);
#undef ADD

  return g_test_run ();
}
