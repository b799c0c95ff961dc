/* test-versions-panel.c: the Versions panel of the real window, driven
 * through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "venture-block-view.h"
#include "venture-board.h"
#include "venture-canvas-file.h"
#include "venture-note-widget.h"
#include "venture-versions-panel.h"
#include "venture-window.h"
#include "venture-test-ui.h"

typedef struct {
  VentureWindow        *window;
  VentureVersionsPanel *panel;
  VentureBoard         *board;
  VentureCanvas        *canvas;
  VentureHistory       *history;
} Fixture;

static gboolean
document_idle (gpointer data)
{
  return !venture_document_get_busy (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "bike-repair-before.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VentureDocument *document;

  fixture->window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  venture_window_load_file (fixture->window, file);
  document = venture_window_get_document (fixture->window);
  venture_test_wait_until (document_idle, document);
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));

  fixture->panel = VENTURE_VERSIONS_PANEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                          VENTURE_TYPE_WINDOW,
                                                                          "versions_panel"));
  fixture->board = VENTURE_BOARD (venture_window_get_board (fixture->window));
  fixture->canvas = venture_document_get_canvas (document);
  fixture->history = venture_document_get_history (document);
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 6);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  venture_test_iterate (20);
  g_assert_finalize_object (fixture->window);
}

static GtkWidget *
panel_child (Fixture    *fixture,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                    VENTURE_TYPE_VERSIONS_PANEL, name));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static const char *
mark_of (Fixture    *fixture,
         const char *id)
{
  VentureNote *note = venture_canvas_lookup_note (fixture->canvas, id);
  GtkWidget *widget;

  g_assert_nonnull (note);
  widget = venture_board_get_note_widget (fixture->board, note);
  g_assert_nonnull (widget);

  return venture_note_widget_get_mark (VENTURE_NOTE_WIDGET (widget));
}

static gboolean
comparison_is_empty (gpointer data)
{
  VentureComparison *comparison = venture_versions_panel_get_comparison (data);

  return comparison != NULL && venture_comparison_is_empty (comparison);
}

/* The brief's story: save "before", turn the canvas into "after", compare. */
static void
test_save_restore_compare (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *after_path = g_test_build_filename (G_TEST_DIST, "files", "good", "bike-repair-after.json", NULL);
  g_autoptr(GFile) after_file = g_file_new_for_path (after_path);
  g_autoptr(VentureCanvas) after = venture_canvas_file_load (after_file, NULL, NULL, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VentureVersion) after_version = venture_version_new ("After", now, after);
  GtkEditable *entry = GTK_EDITABLE (panel_child (fixture, "name_entry"));
  GtkWidget *error_label = panel_child (fixture, "error_label");
  GtkWidget *list = panel_child (fixture, "versions_list");
  GtkWidget *compare_box = panel_child (fixture, "compare_box");
  g_autofree char *screenshot = NULL;
  VentureComparison *comparison;

  g_assert_nonnull (after);
  g_assert_true (gtk_widget_get_visible (panel_child (fixture, "empty_label")));
  g_assert_false (gtk_widget_is_sensitive (panel_child (fixture, "save_button")));

  /* Save Version, as typed. */
  gtk_editable_set_text (entry, "Before feedback");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.save", NULL));
  g_assert_nonnull (venture_canvas_lookup_version (fixture->canvas, "Before feedback"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (count_children (list), ==, 1);
  g_assert_false (gtk_widget_get_visible (panel_child (fixture, "empty_label")));
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Save Version");

  /* A name taken already is refused, with a message. */
  gtk_editable_set_text (entry, "Before feedback");
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.save", NULL);
  g_assert_cmpuint (venture_canvas_get_n_versions (fixture->canvas), ==, 1);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "already"));
  gtk_editable_set_text (entry, "");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Turn the canvas into "after": one restore, one undo step. */
  venture_canvas_insert_version (fixture->canvas, after_version, 1);
  g_assert_cmpuint (count_children (list), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.restore", "s", "After");
  g_assert_true (venture_canvas_equal (fixture->canvas, after));
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Restore Version");
  venture_test_wait_for_frame (GTK_WIDGET (fixture->board));

  /* Compare: the summary, a line per change, marks with symbols. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.compare", "s", "Before feedback");
  comparison = venture_versions_panel_get_comparison (fixture->panel);
  g_assert_nonnull (comparison);
  g_assert_true (gtk_widget_get_visible (compare_box));
  g_assert_cmpstr (venture_versions_panel_get_summary (fixture->panel), ==,
                   "3 notes added, 2 notes removed, 2 reworded");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (panel_child (fixture, "summary_label"))), ==,
                   "3 notes added, 2 notes removed, 2 reworded");
  g_assert_cmpuint (count_children (panel_child (fixture, "changes_box")), ==, 7);
  g_assert_cmpstr (mark_of (fixture, "n-3f2a"), ==, "+");
  g_assert_cmpstr (mark_of (fixture, "n-2"), ==, "✎");
  g_assert_null (mark_of (fixture, "n-5"));
  /* Both mixes, side by side: a header and a row per relationship type
   * either side uses (dedicated, self-service, community, long-term). */
  g_assert_cmpuint (count_children (panel_child (fixture, "mix_grid")), ==, 3 * 5);

  /* The pane beside the board, from the main menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-versions", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (fixture->panel),
                                                                                      GTK_TYPE_REVEALER))));
  venture_test_wait_for_frame (GTK_WIDGET (fixture->panel));
  /* Past the pane's sliding in. */
  venture_test_iterate (1500);
  screenshot = venture_test_save_screenshot (GTK_WIDGET (fixture->window), "versions-compare");
  g_clear_pointer (&screenshot, g_free);
  screenshot = venture_test_save_screenshot (GTK_WIDGET (fixture->panel), "versions-panel");

  /* Two versions: the same story, and no marks on the board, which
   * shows neither. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (panel_child (fixture, "against_dropdown")), 2);
  g_assert_cmpstr (venture_versions_panel_get_summary (fixture->panel), ==,
                   "3 notes added, 2 notes removed, 2 reworded");
  g_assert_true (venture_comparison_get_canvas (venture_versions_panel_get_comparison (fixture->panel),
                                                VENTURE_COMPARISON_NEW) == after);
  g_assert_null (mark_of (fixture, "n-3f2a"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (panel_child (fixture, "compare_heading"))), ==,
                   "Changes from “Before feedback” to “After”");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (panel_child (fixture, "against_dropdown")), 0);
  g_assert_cmpstr (mark_of (fixture, "n-3f2a"), ==, "+");

  /* Undo the restore: the comparison follows, the marks go. */
  g_assert_true (venture_history_undo (fixture->history));
  /* The panel compares again once the undo is complete, when idle. */
  venture_test_wait_until (comparison_is_empty, fixture->panel);
  g_assert_cmpstr (venture_versions_panel_get_summary (fixture->panel), ==, "No changes");
  g_assert_null (mark_of (fixture, "n-2"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.stop-comparing", NULL);
  g_assert_null (venture_versions_panel_get_comparison (fixture->panel));
  g_assert_false (gtk_widget_get_visible (compare_box));

  /* Delete, undoable too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.delete", "s", "After");
  g_assert_null (venture_canvas_lookup_version (fixture->canvas, "After"));
  g_assert_cmpuint (count_children (list), ==, 1);
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Delete Version");
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpuint (count_children (list), ==, 2);
}

/* Deleting the version being compared ends the comparison and its marks. */
static void
test_delete_compared (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureVersion *version;

  version = venture_versions_panel_save (fixture->panel, "Before feedback", NULL);
  g_assert_nonnull (version);
  venture_canvas_set_note_text (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "n-5"),
                                "Travelling van and bike trailer");
  venture_versions_panel_compare (fixture->panel, version);
  g_assert_cmpstr (venture_versions_panel_get_summary (fixture->panel), ==, "1 reworded");
  g_assert_cmpstr (mark_of (fixture, "n-5"), ==, "✎");

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.delete", "s", "Before feedback");
  g_assert_null (venture_versions_panel_get_comparison (fixture->panel));
  g_assert_null (mark_of (fixture, "n-5"));
}

static VentureWindow *
find_other_window (VentureWindow *window)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (venture_test_get_application ()));

  for (GList *l = windows; l != NULL; l = l->next)
    if (VENTURE_IS_WINDOW (l->data) && l->data != window)
      return l->data;

  return NULL;
}

static void
drop (VentureBoard *board,
      const char   *block_id,
      VentureNote  *note)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, VENTURE_TYPE_NOTE);
  g_value_set_object (&value, note);
  g_assert_false (venture_block_view_drop (VENTURE_BLOCK_VIEW (venture_board_get_block_view (board, block_id)),
                                           &value, 40, 40));
}

/* "Open" on a version shows it in a window of its own, read-only: every
 * edit through the board's actions, the notes' actions and a drop is
 * refused, the header says what it is, and it closes without a
 * question. */
static void
test_open_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  VentureWindow *window;
  VentureDocument *document;
  VentureCanvas *canvas;
  VentureBoard *board;
  g_autoptr(VentureCanvas) before = NULL;
  VentureNote *note;
  GtkWidget *note_widget;
  AdwWindowTitle *title;
  g_autofree char *screenshot = NULL;
  static const struct {
    const char *action;
    const char *parameter;
  } note_actions[] = {
    { "note.edit", NULL },
    { "note.set-color", "blue" },
    { "note.delete", NULL },
    { "note.duplicate", NULL },
    { "note.move-to", "channels" },
    { "note.tags", NULL },
  };

  g_assert_nonnull (venture_versions_panel_save (fixture->panel, "Before feedback", NULL));
  venture_canvas_set_note_text (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "n-5"),
                                "Travelling van and bike trailer");
  g_assert_null (find_other_window (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "versions.open", "s", "Before feedback"));
  window = find_other_window (fixture->window);
  g_assert_nonnull (window);
  g_object_ref (window);
  venture_test_wait_for_frame (GTK_WIDGET (window));

  document = venture_window_get_document (window);
  canvas = venture_document_get_canvas (document);
  board = VENTURE_BOARD (venture_window_get_board (window));
  g_assert_true (venture_document_get_read_only (document));
  g_assert_true (venture_board_get_read_only (board));
  g_assert_true (venture_canvas_equal (canvas, venture_version_get_canvas (venture_canvas_lookup_version (fixture->canvas,
                                                                                                          "Before feedback"))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Before feedback — version of Bike clinic, read-only");
  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), VENTURE_TYPE_WINDOW, "window_title"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Before feedback");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Version of Bike clinic, read-only");
  before = venture_canvas_copy (canvas);
  /* No "Add Note" button on the blocks. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (venture_board_get_block_view (board, "channels"),
                                                                                     VENTURE_TYPE_BLOCK_VIEW,
                                                                                     "add_button"))));

  /* The board's actions. */
  note = venture_canvas_lookup_note (canvas, "n-5");
  note_widget = venture_board_get_note_widget (board, note);
  gtk_widget_grab_focus (note_widget);
  venture_board_select_note (board, note, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.add-note", "s", "key-partners");
  gtk_widget_activate_action (GTK_WIDGET (board), "board.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.cut", NULL);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.paste", NULL);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.tidy", "s", "channels");
  gtk_widget_activate_action (GTK_WIDGET (board), "board.nudge", "s", "left");
  gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to-neighbour", "s", "right");
  venture_test_iterate (100);
  g_assert_true (venture_canvas_equal (canvas, before));

  /* The note's own actions (its menu, double click, Enter). */
  for (guint i = 0; i < G_N_ELEMENTS (note_actions); i++)
    {
      if (note_actions[i].parameter != NULL)
        gtk_widget_activate_action (note_widget, note_actions[i].action, "s", note_actions[i].parameter);
      else
        gtk_widget_activate_action (note_widget, note_actions[i].action, NULL);
      g_assert_true (venture_canvas_equal (canvas, before));
    }
  g_assert_null (venture_board_get_editing (board));
  g_assert_null (venture_note_widget_get_tag_popover (VENTURE_NOTE_WIDGET (note_widget)));

  /* The drop handler: its own note moved, a note from the editable
   * window copied in; both refused. */
  drop (board, "key-partners", note);
  drop (board, "key-partners", venture_canvas_lookup_note (fixture->canvas, "n-1"));
  g_assert_true (venture_canvas_equal (canvas, before));

  /* Nothing to undo, nothing to save or rename; Save As stays. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                       VENTURE_TYPE_WINDOW,
                                                                                       "undo_button"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                       VENTURE_TYPE_WINDOW,
                                                                                       "title_entry"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (venture_document_get_file (document));
  g_assert_false (venture_document_get_modified (document));
  g_assert_false (venture_history_get_can_undo (venture_document_get_history (document)));

  /* The editable window is untouched. */
  g_assert_cmpstr (venture_note_get_text (venture_canvas_lookup_note (fixture->canvas, "n-5")), ==,
                   "Travelling van and bike trailer");

  screenshot = venture_test_save_screenshot (GTK_WIDGET (window), "version-read-only");

  /* Saved under a name of its own (Save As), it is a canvas like any. */
  {
    g_autofree char *dir = g_dir_make_tmp ("venture-version-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "before.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (venture_document_save (document, file, FALSE, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (venture_board_get_read_only (board));
    g_assert_cmpstr (adw_window_title_get_title (title), ==, "Bike clinic");
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                        VENTURE_TYPE_WINDOW,
                                                                                        "title_entry"))));
    gtk_widget_activate_action (GTK_WIDGET (board), "board.add-note", "s", "key-partners");
    g_assert_cmpuint (venture_canvas_get_n_notes (canvas), ==, venture_canvas_get_n_notes (before) + 1);
    g_assert_true (venture_history_undo (venture_document_get_history (document)));
    g_assert_false (venture_document_get_modified (document));
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  /* Closes at once: no question, nothing kept. */
  gtk_window_close (GTK_WINDOW (window));
  venture_test_iterate (20);
  g_assert_null (find_other_window (fixture->window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

  g_test_add ("/venture/versions-panel/save-restore-compare", Fixture, NULL,
              fixture_set_up, test_save_restore_compare, fixture_tear_down);
  g_test_add ("/venture/versions-panel/delete-compared", Fixture, NULL,
              fixture_set_up, test_delete_compared, fixture_tear_down);
  g_test_add ("/venture/versions-panel/open-read-only", Fixture, NULL,
              fixture_set_up, test_open_read_only, fixture_tear_down);

  return g_test_run ();
}
