/* test-window.c: the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "venture-block-view.h"
#include "venture-board.h"
#include "venture-canvas.h"
#include "venture-document.h"
#include "venture-history.h"
#include "venture-history-list.h"
#include "venture-template.h"
#include "venture-window.h"
#include "venture-test-ui.h"

static const char *bmc_labels[] = {
  "Key Partners", "Key Activities", "Key Resources", "Value Propositions",
  "Customer Relationships", "Channels", "Customer Segments",
  "Cost Structure", "Revenue Streams",
};

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

static VentureWindow *
show_window (int width,
             int height)
{
  VentureWindow *window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  venture_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
test_window_shows_nine_blocks (void)
{
  VentureWindow *window = show_window (1280, 800);
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *png = NULL;
  VentureTemplate *template = venture_board_get_template (board);

  g_assert_nonnull (template);
  collect_label_texts (GTK_WIDGET (window), texts);

  for (guint i = 0; i < G_N_ELEMENTS (bmc_labels); i++)
    {
      const VentureBlockInfo *info = venture_template_get_block (template, i);
      GtkWidget *view = venture_board_get_block_view (board, info->id);

      g_assert_true (contains_text (texts, bmc_labels[i]));
      /* An empty block shows its guiding questions. */
      g_assert_true (contains_text (texts, info->questions));
      g_assert_nonnull (view);
      g_assert_true (gtk_widget_get_mapped (view));
      g_assert_cmpint (gtk_widget_get_width (view), >, 100);
      g_assert_cmpint (gtk_widget_get_height (view), >, 100);
    }

  g_assert_true (contains_text (texts, "The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0"));

  png = venture_test_save_screenshot (GTK_WIDGET (window), "window-wide");
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  venture_test_close_window (GTK_WINDOW (window));
}

static gboolean
rectangles_overlap (const graphene_rect_t *a,
                    const graphene_rect_t *b)
{
  graphene_rect_t intersection;

  return graphene_rect_intersection (a, b, &intersection) &&
         intersection.size.width > 0.5 && intersection.size.height > 0.5;
}

/* At 360 px the blocks reflow into one column: nothing overlaps and each
 * block is as wide as the board. */
static void
test_window_narrow_no_overlap (void)
{
  VentureWindow *window = show_window (360, 720);
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  VentureTemplate *template = venture_board_get_template (board);
  guint n = venture_template_get_n_blocks (template);
  g_autofree graphene_rect_t *bounds = g_new0 (graphene_rect_t, n);
  g_autofree char *png = NULL;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *view = venture_board_get_block_view (board, venture_template_get_block (template, i)->id);

      g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (board), &bounds[i]));
      g_assert_cmpfloat (bounds[i].size.width, >=, gtk_widget_get_width (GTK_WIDGET (board)) - 1);
      for (guint j = 0; j < i; j++)
        g_assert_false (rectangles_overlap (&bounds[i], &bounds[j]));
    }

  png = venture_test_save_screenshot (GTK_WIDGET (window), "window-narrow");
  venture_test_close_window (GTK_WINDOW (window));
}

static void
test_window_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  VentureWindow *window;
  g_autofree char *png = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = show_window (1280, 800);
  g_assert_true (adw_style_manager_get_dark (style));
  png = venture_test_save_screenshot (GTK_WIDGET (window), "window-dark");
  venture_test_close_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A screen reader finds each block by its label. */
static void
test_window_accessible_block_labels (void)
{
  VentureWindow *window = show_window (1280, 800);
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  VentureTemplate *template = venture_board_get_template (board);

  for (guint i = 0; i < venture_template_get_n_blocks (template); i++)
    {
      const VentureBlockInfo *info = venture_template_get_block (template, i);
      GtkWidget *view = venture_board_get_block_view (board, info->id);

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                       GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, info->label);
    }

  venture_test_close_window (GTK_WINDOW (window));
}

typedef struct {
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  *changed = (ItemsChanged) { position, removed, added };
}

static char *
item_label (GListModel *model,
            guint       index)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, index);

  return g_strdup (gtk_string_object_get_string (item));
}

/* The history list replaces only the rows that show something new: a
 * step more on a long history (each step of a drag) does not make the
 * list view build every row again. */
static void
test_window_history_list_changes (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureHistory) history = venture_history_new (canvas);
  g_autoptr(VentureHistoryList) list = venture_history_list_new (history);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  ItemsChanged changed = { 0 };
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  venture_canvas_append_note (canvas, note);
  for (int i = 1; i <= 5; i++)
    venture_canvas_move_note (canvas, note, i % 2 ? "key-partners" : "channels", i * 100, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);

  /* a new step: the new top row, and the one that was current */
  venture_canvas_move_note (canvas, note, "channels", 900, 900);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_true (venture_history_list_is_current (list, 0));
  g_assert_false (venture_history_list_is_current (list, 1));

  /* an undo: the rows of the undone step and of the new current one */
  g_assert_true (venture_history_undo (history));
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 2);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_true (venture_history_list_is_undone (list, 0));
  g_assert_true (venture_history_list_is_current (list, 1));

  /* a new step drops the undone one: the top two rows again */
  venture_canvas_set_note_text (canvas, note, "Fairs");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpuint (changed.removed, ==, 2);
  g_assert_cmpuint (changed.added, ==, 2);
  top = item_label (model, 0);
  bottom = item_label (model, 7);
  g_assert_cmpstr (top, ==, venture_history_get_step_label (history, 6));
  g_assert_cmpstr (bottom, ==, "Opened");
  /* The list outlives @changed: disposing it emits items-changed. */
  g_signal_handlers_disconnect_by_data (list, &changed);
}

typedef struct {
  GtkWidget  *view;
  const char *text;
} ShowsText;

static gboolean
shows_text (gpointer data)
{
  ShowsText *shows = data;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_label_texts (shows->view, texts);
  return contains_text (texts, shows->text);
}

/* The history popover lists the steps as they are when it opens, the
 * current one marked in words, however many steps came while it was
 * closed. */
static void
test_window_history_popover (void)
{
  VentureWindow *window = show_window (1200, 800);
  VentureDocument *document = venture_window_get_document (window);
  VentureCanvas *canvas = venture_document_get_canvas (document);
  VentureHistory *history = venture_document_get_history (document);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), VENTURE_TYPE_WINDOW,
                                                                         "history_button"));
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), VENTURE_TYPE_WINDOW, "history_view"));
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  g_autofree char *first = NULL;
  g_autofree char *first_plain = NULL;
  g_autofree char *last = NULL;
  ShowsText shows = { view, NULL };

  venture_canvas_append_note (canvas, note);
  venture_canvas_set_note_text (canvas, note, "Flyers");
  first_plain = g_strdup (venture_history_get_step_label (history, venture_history_get_n_steps (history) - 1));
  first = g_strdup_printf ("%s (current)", first_plain);

  gtk_menu_button_popup (button);
  shows.text = first;
  venture_test_wait_until (shows_text, &shows);
  gtk_menu_button_popdown (button);
  venture_test_wait_for_frame (GTK_WIDGET (window));

  /* steps while it is closed */
  for (int i = 1; i <= 5; i++)
    venture_canvas_move_note (canvas, note, i % 2 ? "key-partners" : "channels", i * 100, 0);
  last = g_strdup_printf ("%s (current)", venture_history_get_step_label (history, venture_history_get_n_steps (history) - 1));
  g_assert_cmpstr (last, !=, first);

  gtk_menu_button_popup (button);
  shows.text = last;
  venture_test_wait_until (shows_text, &shows);
  /* the step that was current is a step like the others now */
  shows.text = first_plain;
  venture_test_wait_until (shows_text, &shows);
  shows.text = first;
  g_assert_false (shows_text (&shows));
  gtk_menu_button_popdown (button);

  venture_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

  g_test_add_func ("/venture/window/nine-blocks", test_window_shows_nine_blocks);
  g_test_add_func ("/venture/window/narrow", test_window_narrow_no_overlap);
  g_test_add_func ("/venture/window/dark", test_window_dark);
  g_test_add_func ("/venture/window/accessible-labels", test_window_accessible_block_labels);
  g_test_add_func ("/venture/window/history-list-changes", test_window_history_list_changes);
  g_test_add_func ("/venture/window/history-popover", test_window_history_popover);

  return g_test_run ();
}
