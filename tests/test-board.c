/* test-board.c: the board's notes, driven through its real widgets and
 * actions under Xvfb, checked in the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "venture-block-view.h"
#include "venture-board.h"
#include "venture-board-private.h"
#include "venture-canvas.h"
#include "venture-history.h"
#include "venture-taxonomy.h"
#include "venture-note-widget.h"
#include "venture-segment-marker.h"
#include "venture-window.h"
#include "venture-test-ui.h"

typedef struct {
  VentureWindow  *window;
  VentureBoard   *board;
  VentureCanvas  *canvas;
  VentureHistory *history;
} Fixture;

static VentureNote *
add_note (VentureCanvas *canvas,
          const char    *block,
          const char    *text,
          int            x,
          int            y)
{
  g_autofree char *id = venture_canvas_generate_note_id (canvas);
  g_autoptr(VentureNote) note = venture_note_new (id, block);

  venture_note_set_text (note, text);
  venture_note_set_position (note, x, y);
  venture_canvas_append_note (canvas, note);

  return note;
}

static void
fixture_setup_size (Fixture *fixture,
                    int      width,
                    int      height)
{
  VentureDocument *document;

  fixture->window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), NULL);
  fixture->board = VENTURE_BOARD (venture_window_get_board (fixture->window));
  document = venture_window_get_document (fixture->window);
  fixture->canvas = g_object_ref (venture_document_get_canvas (document));
  fixture->history = g_object_ref (venture_document_get_history (document));
  g_assert_true (venture_board_get_canvas (fixture->board) == fixture->canvas);
  g_assert_true (venture_board_get_history (fixture->board) == fixture->history);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_setup_size (fixture, 1280, 800);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  venture_test_close_window (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->history);
  g_assert_finalize_object (fixture->canvas);
}

static GtkWidget *
widget_for (Fixture     *fixture,
            VentureNote *note)
{
  GtkWidget *widget = venture_board_get_note_widget (fixture->board, note);

  g_assert_nonnull (widget);
  return widget;
}

static void
redraw (Fixture *fixture)
{
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  graphene_rect_t intersection;

  return graphene_rect_intersection (a, b, &intersection) &&
         intersection.size.width > 0.5 && intersection.size.height > 0.5;
}

/* The title a block view's header shows. */
static const char *
block_title (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *part = gtk_widget_get_first_child (child); part != NULL; part = gtk_widget_get_next_sibling (part))
      if (GTK_IS_LABEL (part) && gtk_widget_has_css_class (part, "block-title"))
        return gtk_label_get_label (GTK_LABEL (part));

  g_error ("A block view without a title");
  return NULL;
}

/* Notes of the canvas appear as widgets in their block; unknown blocks
 * wait in the tray and keep their id. */
static void
test_board_shows_notes (Fixture       *fixture,
                        gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "key-partners", "Bike shops", 0, 0);
  VentureNote *b = add_note (fixture->canvas, "customer-segments", "Commuters", 1000, 1000);
  VentureNote *c = add_note (fixture->canvas, "block-from-the-future", "Kept", 500, 500);
  GtkWidget *view;
  graphene_rect_t bounds, area;

  redraw (fixture);
  view = venture_board_get_block_view (fixture->board, "key-partners");
  g_assert_true (gtk_widget_get_parent (widget_for (fixture, a)) == view);
  g_assert_true (gtk_widget_get_parent (widget_for (fixture, b)) ==
                 venture_board_get_block_view (fixture->board, "customer-segments"));
  g_assert_true (gtk_widget_get_parent (widget_for (fixture, c)) == venture_board_get_tray (fixture->board));
  g_assert_cmpstr (venture_note_get_block (c), ==, "block-from-the-future");
  g_assert_cmpstr (block_title (venture_board_get_tray (fixture->board)), ==, "Unsorted");
  g_assert_cmpstr (block_title (view), ==, "Key Partners");

  /* 0,0 is flush with the top left of the notes area; 1000,1000 with the
   * bottom right. */
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (view), &area);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, a), view, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, area.origin.x, 1);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, area.origin.y, 1);

  view = venture_board_get_block_view (fixture->board, "customer-segments");
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (view), &area);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, b), view, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x + bounds.size.width, area.origin.x + area.size.width, 1);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y + bounds.size.height, area.origin.y + area.size.height, 1);

  /* A screen reader reads the text, and colour and block. */
  gtk_test_accessible_assert_property (widget_for (fixture, a), GTK_ACCESSIBLE_PROPERTY_LABEL, "Bike shops");
  gtk_test_accessible_assert_property (widget_for (fixture, a), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Yellow note in Key Partners");
  g_assert_true (gtk_widget_get_focusable (widget_for (fixture, a)));
}

static void
type_into_editor (Fixture    *fixture,
                  const char *text)
{
  GtkTextView *editor = venture_board_get_editor (fixture->board);
  GtkTextBuffer *buffer;

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (editor)));
  buffer = gtk_text_view_get_buffer (editor);
  gtk_text_buffer_set_text (buffer, text, -1);
}

/* The "+" button's action adds a note in its block, not on top of the
 * note already there, and opens the editor; Enter commits. */
static void
test_board_add_and_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  VentureNote *first = add_note (fixture->canvas, "channels", "Web site", 0, 0);
  VentureNote *note;
  GtkWidget *view = venture_board_get_block_view (fixture->board, "channels");
  graphene_rect_t a, b;

  redraw (fixture);
  g_assert_true (gtk_widget_activate_action (view, "board.add-note", "s", "channels"));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 2);
  note = venture_canvas_get_note (fixture->canvas, 1);
  g_assert_cmpstr (venture_note_get_block (note), ==, "channels");
  g_assert_true (venture_board_get_editing (fixture->board) == note);

  type_into_editor (fixture, "Bike fairs\nand markets");
  venture_board_stop_editing (fixture->board);
  g_assert_null (venture_board_get_editing (fixture->board));
  g_assert_cmpstr (venture_note_get_text (note), ==, "Bike fairs\nand markets");

  redraw (fixture);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, first), view, &a));
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, note), view, &b));
  g_assert_false (rects_overlap (&a, &b));

  /* F2 (note.edit) on a note edits it in place. */
  gtk_widget_grab_focus (widget_for (fixture, first));
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, first), "note.edit", NULL));
  g_assert_true (venture_board_get_editing (fixture->board) == first);
  type_into_editor (fixture, "Own web site");
  venture_board_stop_editing (fixture->board);
  g_assert_cmpstr (venture_note_get_text (first), ==, "Own web site");
  g_assert_true (venture_history_get_can_undo (fixture->history));
}

/* Typing on a focused block starts a note with the typed text. */
static void
test_board_type_on_block (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-resources");
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_is_focus (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_M, 0, 0, &handled);
  g_assert_true (handled);

  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 1);
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (fixture->canvas, 0)), ==, "M");
  g_assert_cmpstr (venture_note_get_block (venture_canvas_get_note (fixture->canvas, 0)), ==, "key-resources");
  g_assert_nonnull (venture_board_get_editing (fixture->board));
  venture_board_stop_editing (fixture->board);
}

static void
test_board_recolor (Fixture       *fixture,
                    gconstpointer  data)
{
  VentureNote *note = add_note (fixture->canvas, "value-propositions", "Quick repairs", 300, 300);
  GtkWidget *widget;

  redraw (fixture);
  widget = widget_for (fixture, note);
  g_assert_true (gtk_widget_has_css_class (widget, "yellow"));
  g_assert_true (gtk_widget_activate_action (widget, "note.set-color", "s", "blue"));
  g_assert_cmpstr (venture_note_get_color (note), ==, "blue");
  g_assert_true (gtk_widget_has_css_class (widget, "blue"));
  g_assert_false (gtk_widget_has_css_class (widget, "yellow"));

  /* An unknown id from a newer version is kept, shown as the default. */
  venture_canvas_set_note_color (fixture->canvas, note, "ultraviolet");
  g_assert_cmpstr (venture_note_get_color (note), ==, "ultraviolet");
  g_assert_true (gtk_widget_has_css_class (widget, "yellow"));
  /* and the palette only offers known colours */
  g_assert_true (gtk_widget_activate_action (widget, "note.set-color", "s", "not-a-colour"));
  g_assert_cmpstr (venture_note_get_color (note), ==, "ultraviolet");
}

static void
test_board_delete_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "key-activities", "Repairs", 0, 0);
  VentureNote *b = add_note (fixture->canvas, "key-activities", "Training", 1000, 0);
  VentureNote *c = add_note (fixture->canvas, "key-activities", "Sourcing", 0, 1000);
  g_autoptr(GPtrArray) selection = NULL;

  redraw (fixture);
  venture_board_select_note (fixture->board, a, FALSE);
  venture_board_select_note (fixture->board, c, TRUE);
  selection = venture_board_get_selection (fixture->board);
  g_assert_cmpuint (selection->len, ==, 2);

  gtk_widget_grab_focus (widget_for (fixture, a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.delete", NULL));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 1);
  g_assert_true (venture_canvas_get_note (fixture->canvas, 0) == b);
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Delete 2 Notes");
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 3);
  g_assert_true (venture_history_redo (fixture->history));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 1);

  /* The context menu's Delete removes the note it was opened on. */
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, b), "note.delete", NULL));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 0);
}

static void
test_board_duplicate_and_menu (Fixture       *fixture,
                               gconstpointer  data)
{
  VentureNote *note = add_note (fixture->canvas, "revenue-streams", "Repair fees", 0, 0);
  VentureNote *copy;
  GtkWidget *widget;

  redraw (fixture);
  widget = widget_for (fixture, note);
  g_assert_true (gtk_widget_activate_action (widget, "note.duplicate", NULL));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 2);
  copy = venture_canvas_get_note (fixture->canvas, 1);
  g_assert_cmpstr (venture_note_get_text (copy), ==, "Repair fees");
  g_assert_cmpstr (venture_note_get_id (copy), !=, venture_note_get_id (note));
  g_assert_true (venture_note_get_x (copy) != 0 || venture_note_get_y (copy) != 0);

  /* The menu key opens the context menu; Move to sends the note away. */
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "note.menu", NULL));
  redraw (fixture);
  g_assert_true (GTK_IS_POPOVER (gtk_widget_get_first_child (widget)));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_first_child (widget)));
  venture_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (widget, "note.move-to", "s", "unsorted"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "unsorted");
  g_assert_true (gtk_widget_get_parent (widget) == venture_board_get_tray (fixture->board));
}

/* The menu items under @widget that show a key, as " text=accel " each. */
static void
collect_menu_accels (GtkWidget *widget,
                     GString   *accels)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "accel") != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *accel = NULL;

      g_object_get (widget, "text", &text, "accel", &accel, NULL);
      if (accel != NULL)
        g_string_append_printf (accels, " %s=%s ", text, accel);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_accels (child, accels);
}

/* The shortcut on @widget that @keyval with @modifiers triggers, or
 * NULL. */
static GtkShortcut *
find_shortcut (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return shortcut;
        }
    }

  return NULL;
}

/* A key pressed with the focus where it is, as it reaches the board:
 * whether something took it. */
static gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *board = GTK_WIDGET (fixture->board);
  GtkShortcut *shortcut = find_shortcut (board, keyval, modifiers);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, board,
                                       gtk_shortcut_get_arguments (shortcut));
}

/* A note's keys: Return, Enter and F2 edit it, Ctrl+D duplicates it, the
 * menu key and Shift+F10 open its menu, which shows the keys, and
 * Alt+Return its tags; the note is the one with the focus. */
static void
test_board_note_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureNote *note = add_note (fixture->canvas, "revenue-streams", "Repair fees", 0, 0);
  const guint edit_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_F2 };
  const struct { guint keyval; GdkModifierType modifiers; } menu_keys[] = {
    { GDK_KEY_Menu, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK },
  };
  g_autoptr(GString) accels = g_string_new (NULL);
  VentureNote *copy;
  GtkWidget *widget;
  GtkWidget *popover;

  redraw (fixture);
  widget = widget_for (fixture, note);
  gtk_widget_grab_focus (widget);

  for (guint i = 0; i < G_N_ELEMENTS (edit_keys); i++)
    {
      g_assert_true (press (fixture, edit_keys[i], 0));
      g_assert_true (venture_board_get_editing (fixture->board) == note);
      venture_board_stop_editing (fixture->board);
      g_assert_null (venture_board_get_editing (fixture->board));
      redraw (fixture);
      gtk_widget_grab_focus (widget);
    }

  g_assert_true (press (fixture, GDK_KEY_d, GDK_CONTROL_MASK));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 2);
  copy = venture_canvas_get_note (fixture->canvas, 1);
  g_assert_cmpstr (venture_note_get_text (copy), ==, "Repair fees");

  /* The keys go to the note that has the focus, and to no note when none
   * has it. */
  redraw (fixture);
  gtk_widget_grab_focus (widget_for (fixture, copy));
  g_assert_true (press (fixture, GDK_KEY_F2, 0));
  g_assert_true (venture_board_get_editing (fixture->board) == copy);
  venture_board_stop_editing (fixture->board);
  redraw (fixture);
  g_assert_true (gtk_widget_grab_focus (venture_board_get_block_view (fixture->board, "revenue-streams")));
  g_assert_false (press (fixture, GDK_KEY_F2, 0));
  g_assert_null (venture_board_get_editing (fixture->board));
  gtk_widget_grab_focus (widget);

  for (guint i = 0; i < G_N_ELEMENTS (menu_keys); i++)
    {
      g_assert_true (press (fixture, menu_keys[i].keyval, menu_keys[i].modifiers));
      redraw (fixture);
      popover = gtk_widget_get_first_child (widget);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_string_truncate (accels, 0);
      collect_menu_accels (popover, accels);
      g_assert_nonnull (strstr (accels->str, " Edit Text=F2 "));
      g_assert_nonnull (strstr (accels->str, " Tags…=<Alt>KP_Enter "));
      g_assert_nonnull (strstr (accels->str, " Duplicate=<Control>d "));
      gtk_popover_popdown (GTK_POPOVER (popover));
      venture_test_iterate (50);
      /* The focus comes back from the menu only to an active window, which
       * one on a shared display may not be. */
      gtk_widget_grab_focus (widget);
    }

  g_assert_true (press (fixture, GDK_KEY_Return, GDK_ALT_MASK));
  popover = GTK_WIDGET (venture_note_widget_get_tag_popover (VENTURE_NOTE_WIDGET (widget)));
  g_assert_nonnull (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  venture_test_iterate (50);
  gtk_widget_grab_focus (widget);

  /* On a board that cannot be changed, the keys that would change the
   * note do nothing and leave the key to others; the menu still opens. */
  venture_board_set_read_only (fixture->board, TRUE);
  g_assert_false (press (fixture, GDK_KEY_F2, 0));
  g_assert_null (venture_board_get_editing (fixture->board));
  g_assert_false (press (fixture, GDK_KEY_d, GDK_CONTROL_MASK));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 2);
  g_assert_true (press (fixture, GDK_KEY_Menu, 0));
  redraw (fixture);
  popover = gtk_widget_get_first_child (widget);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  venture_test_iterate (50);
}

static gboolean
widget_is_focus (gpointer widget)
{
  return gtk_widget_is_focus (widget);
}

/* Alt+arrows move the focused note to the neighbouring block; Ctrl+arrows
 * nudge it inside its block; the focus follows. */
static void
test_board_keyboard_move (Fixture       *fixture,
                          gconstpointer  data)
{
  VentureNote *note = add_note (fixture->canvas, "key-activities", "Repairs", 500, 500);
  GtkWidget *widget;
  int x;

  redraw (fixture);
  widget = widget_for (fixture, note);
  gtk_widget_grab_focus (widget);

  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "down"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "key-resources");
  /* The focus follows the note; it settles once the note is laid out
   * in its new block. */
  venture_test_wait_until (widget_is_focus, widget);
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "down"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "cost-structure");
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "up"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "key-resources");
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "right"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "value-propositions");
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "left"));
  g_assert_cmpstr (venture_note_get_block (note), ==, "key-resources");
  /* The focus follows the note; it settles once the note is laid out
   * in its new block. */
  venture_test_wait_until (widget_is_focus, widget);
  redraw (fixture);
  x = venture_note_get_x (note);
  g_assert_true (gtk_widget_activate_action (widget, "board.nudge", "s", "right"));
  g_assert_cmpint (venture_note_get_x (note), >, x);
  g_assert_cmpint (venture_note_get_y (note), ==, 500);
  g_assert_true (gtk_widget_activate_action (widget, "board.nudge", "s", "up"));
  g_assert_cmpint (venture_note_get_y (note), <, 500);
  g_assert_cmpstr (venture_note_get_block (note), ==, "key-resources");
}

/* After Alt+arrows the arrow keys and Tab go on from where the note is
 * now: the focus does not jump back to the block the note left. */
static void
test_board_keyboard_move_then_arrows (Fixture       *fixture,
                                      gconstpointer  data)
{
  VentureNote *moved = add_note (fixture->canvas, "key-partners", "Parts wholesaler", 0, 0);
  VentureNote *below = add_note (fixture->canvas, "key-activities", "Repair clinics", 0, 1000);
  GtkWidget *widget;

  redraw (fixture);
  widget = widget_for (fixture, moved);
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "right"));
  g_assert_cmpstr (venture_note_get_block (moved), ==, "key-activities");
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);

  /* What the window does with the Down key. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, below)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_UP));
  g_assert_true (gtk_widget_is_focus (widget));

  /* And Tab, once the note has moved again. */
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "left"));
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_activate_action (widget, "board.move-to-neighbour", "s", "right"));
  g_assert_cmpstr (venture_note_get_block (moved), ==, "key-activities");
  redraw (fixture);
  venture_test_wait_until (widget_is_focus, widget);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, below)));
}

/* A note moved with Alt+arrows keeps its place in the new block where
 * that is free, and never lands on a note there (hiding it): in most
 * canvases each block has a note in its top left corner. */
static void
test_board_keyboard_move_free_place (Fixture       *fixture,
                                     gconstpointer  data)
{
  VentureNote *van = add_note (fixture->canvas, "key-resources", "The van", 0, 0);
  VentureNote *mechanics = add_note (fixture->canvas, "key-resources", "Mechanics", 0, 1000);
  VentureNote *repairs = add_note (fixture->canvas, "value-propositions", "Repairs on the spot", 0, 0);
  VentureNote *own = add_note (fixture->canvas, "value-propositions", "Your own mechanic", 0, 1000);
  VentureNote *flyers = add_note (fixture->canvas, "channels", "Flyers", 500, 500);
  VentureNote *in_block[] = { van, mechanics, repairs, own };
  GtkWidget *view = venture_board_get_block_view (fixture->board, "value-propositions");

  redraw (fixture);
  venture_board_select_note (fixture->board, van, FALSE);
  venture_board_select_note (fixture->board, mechanics, TRUE);
  gtk_widget_grab_focus (widget_for (fixture, van));
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, van), "board.move-to-neighbour", "s", "right"));
  g_assert_cmpstr (venture_note_get_block (van), ==, "value-propositions");
  g_assert_cmpstr (venture_note_get_block (mechanics), ==, "value-propositions");
  redraw (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (in_block); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (in_block); j++)
      {
        graphene_rect_t a, b;

        g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, in_block[i]), view, &a));
        g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, in_block[j]), view, &b));
        if (rects_overlap (&a, &b))
          g_error ("'%s' lies over '%s'", venture_note_get_text (in_block[i]), venture_note_get_text (in_block[j]));
      }

  /* One step, undone as one. */
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Move 2 Notes");
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpstr (venture_note_get_block (van), ==, "key-resources");
  g_assert_cmpstr (venture_note_get_block (mechanics), ==, "key-resources");
  g_assert_cmpint (venture_note_get_x (van), ==, 0);
  g_assert_cmpint (venture_note_get_y (van), ==, 0);
  g_assert_cmpint (venture_note_get_x (mechanics), ==, 0);
  g_assert_cmpint (venture_note_get_y (mechanics), ==, 1000);

  /* Where its place is free, the note keeps it. */
  venture_board_select_note (fixture->board, flyers, FALSE);
  gtk_widget_grab_focus (widget_for (fixture, flyers));
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, flyers), "board.move-to-neighbour", "s", "up"));
  g_assert_cmpstr (venture_note_get_block (flyers), ==, "customer-relationships");
  g_assert_cmpint (venture_note_get_x (flyers), ==, 500);
  g_assert_cmpint (venture_note_get_y (flyers), ==, 500);
}

/* Where the new block has no free place (Key Activities, one row high,
 * with a note at its top and one at its bottom), the moved note takes the
 * place that covers least of the notes there: each keeps most of itself
 * in sight, none is hidden under the moved one. */
static void
test_board_keyboard_move_full_block (Fixture       *fixture,
                                     gconstpointer  data)
{
  VentureNote *moved = add_note (fixture->canvas, "key-partners", "Parts wholesaler", 0, 0);
  VentureNote *there[] = {
    add_note (fixture->canvas, "key-activities", "Repairs on the road", 0, 0),
    add_note (fixture->canvas, "key-activities", "Running the repair clinics", 0, 1000),
  };
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-activities");
  graphene_rect_t moved_bounds, area;

  redraw (fixture);
  gtk_widget_grab_focus (widget_for (fixture, moved));
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, moved), "board.move-to-neighbour", "s", "right"));
  g_assert_cmpstr (venture_note_get_block (moved), ==, "key-activities");
  redraw (fixture);

  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, moved), view, &moved_bounds));
  /* The block has no free place: one note wide, not three high. */
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (view), &area);
  g_assert_cmpfloat (area.size.width, <, 2 * moved_bounds.size.width);
  g_assert_cmpfloat (area.size.height, <, 3 * moved_bounds.size.height);
  for (guint i = 0; i < G_N_ELEMENTS (there); i++)
    {
      graphene_rect_t bounds, covered;
      double covered_area = 0;

      g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, there[i]), view, &bounds));
      if (graphene_rect_intersection (&moved_bounds, &bounds, &covered))
        covered_area = covered.size.width * covered.size.height;
      if (covered_area > bounds.size.width * bounds.size.height / 2)
        g_error ("'%s' is %.0f%% under the moved note", venture_note_get_text (there[i]),
                 100 * covered_area / (bounds.size.width * bounds.size.height));
    }
}

/* The arrows move the focus from note to note by place, across blocks:
 * within a block to the next note that way; past the last one into the
 * block that Alt and the same arrow would move the note to (the one in
 * line with it), to the note there nearest the focus, or to the block
 * itself when it has none. Not to the blocks' frames and + buttons. */
static void
test_board_arrows (Fixture       *fixture,
                   gconstpointer  data)
{
  VentureNote *spot = add_note (fixture->canvas, "value-propositions", "Repairs on the spot", 0, 0);
  VentureNote *own = add_note (fixture->canvas, "value-propositions", "Your own mechanic", 0, 1000);
  VentureNote *mechanic = add_note (fixture->canvas, "customer-relationships", "The same mechanic", 0, 0);
  VentureNote *van = add_note (fixture->canvas, "channels", "The van at markets", 0, 0);
  VentureNote *fee = add_note (fixture->canvas, "revenue-streams", "A fee per repair", 0, 0);
  VentureNote *weekend = add_note (fixture->canvas, VENTURE_UNSORTED_BLOCK, "Weekend riders", 0, 1000);
  VentureNote *cafes = add_note (fixture->canvas, "key-partners", "Cafés", 0, 1000);
  const struct {
    VentureNote      *from;
    GtkDirectionType  direction;
    VentureNote      *to;
    const char       *to_block;   /* when the focus goes to a block */
  } moves[] = {
    { spot, GTK_DIR_DOWN, own, NULL },
    { own, GTK_DIR_UP, spot, NULL },
    { spot, GTK_DIR_RIGHT, mechanic, NULL },
    { mechanic, GTK_DIR_LEFT, spot, NULL },
    { mechanic, GTK_DIR_DOWN, van, NULL },
    { van, GTK_DIR_UP, mechanic, NULL },
    { weekend, GTK_DIR_LEFT, fee, NULL },
    { cafes, GTK_DIR_DOWN, NULL, "cost-structure" },
  };

  redraw (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *expected = moves[i].to != NULL ? widget_for (fixture, moves[i].to)
                                                : venture_board_get_block_view (fixture->board, moves[i].to_block);
      GtkWidget *focus;

      g_assert_true (gtk_widget_grab_focus (widget_for (fixture, moves[i].from)));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), moves[i].direction));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus != expected)
        g_error ("Move %u from '%s': the focus went to a %s in %s", i, venture_note_get_text (moves[i].from),
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                 focus != NULL && gtk_widget_get_ancestor (focus, VENTURE_TYPE_BLOCK_VIEW) != NULL
                 ? venture_block_view_get_block_id (VENTURE_BLOCK_VIEW (gtk_widget_get_ancestor (focus, VENTURE_TYPE_BLOCK_VIEW)))
                 : "no block");
    }
}

/* The blocks Tab (or Shift+Tab) visits from @first, in turn, until the
 * focus leaves the board, as their ids with a space between. */
static char *
blocks_tab_visits (Fixture          *fixture,
                   const char       *first,
                   GtkDirectionType  direction)
{
  GString *visited = g_string_new (NULL);
  GtkWidget *view = venture_board_get_block_view (fixture->board, first);
  GtkWidget *last = NULL;

  g_assert_true (gtk_widget_grab_focus (view));
  for (guint presses = 0; view != NULL; presses++)
    {
      GtkWidget *focus;

      g_assert_cmpuint (presses, <, 100);
      if (view != last)
        g_string_append_printf (visited, "%s%s", last != NULL ? " " : "",
                                venture_block_view_get_block_id (VENTURE_BLOCK_VIEW (view)));
      last = view;
      gtk_widget_child_focus (GTK_WIDGET (fixture->window), direction);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      view = focus != NULL ? gtk_widget_get_ancestor (focus, VENTURE_TYPE_BLOCK_VIEW) : NULL;
    }

  return g_string_free (visited, FALSE);
}

/* Tab goes through the blocks in the canvas's reading order, each column
 * down and then the bottom row, the tray last, and Shift+Tab back: not in
 * GTK's own order by the blocks' centres, which zigzags between the blocks
 * one row high and those two rows high (Key Activities, Customer
 * Relationships, Key Partners, ...). */
static void
test_board_tab_order (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *order[] = {
    "key-partners", "key-activities", "key-resources", "value-propositions", "customer-relationships",
    "channels", "customer-segments", "cost-structure", "revenue-streams", VENTURE_UNSORTED_BLOCK,
  };
  g_autoptr(GString) expected_forward = g_string_new (NULL);
  g_autoptr(GString) expected_backward = g_string_new (NULL);
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_string_append_printf (expected_forward, "%s%s", i > 0 ? " " : "", order[i]);
      g_string_append_printf (expected_backward, "%s%s", i > 0 ? " " : "", order[G_N_ELEMENTS (order) - 1 - i]);
    }
  add_note (fixture->canvas, "key-activities", "Repairs on the road", 0, 0);
  add_note (fixture->canvas, "key-activities", "Repair clinics", 0, 1000);
  add_note (fixture->canvas, "customer-relationships", "Your own mechanic", 0, 0);
  redraw (fixture);

  forward = blocks_tab_visits (fixture, order[0], GTK_DIR_TAB_FORWARD);
  backward = blocks_tab_visits (fixture, order[G_N_ELEMENTS (order) - 1], GTK_DIR_TAB_BACKWARD);
  g_assert_cmpstr (forward, ==, expected_forward->str);
  g_assert_cmpstr (backward, ==, expected_backward->str);
}

/* The drop handler of a block, called with the note value as GTK does
 * at the end of a drag: the note lands where it is dropped, and the
 * other selected notes come along, as one history step. */
static void
test_board_drop (Fixture       *fixture,
                 gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "key-partners", "Bike shops", 0, 0);
  VentureNote *b = add_note (fixture->canvas, "key-partners", "Tool makers", 0, 1000);
  GtkWidget *target;
  graphene_rect_t area, bounds;
  g_auto(GValue) value = G_VALUE_INIT;
  int width, height;

  redraw (fixture);
  target = venture_board_get_block_view (fixture->board, "customer-segments");
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (target), &area);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, a), widget_for (fixture, a), &bounds));
  width = (int) bounds.size.width;
  height = (int) bounds.size.height;

  g_value_init (&value, VENTURE_TYPE_NOTE);
  g_value_set_object (&value, a);
  /* Dropped with the pointer at the middle of the note, at the middle of
   * the block's area. */
  g_assert_true (venture_block_view_drop (VENTURE_BLOCK_VIEW (target), &value,
                                          area.origin.x + area.size.width / 2,
                                          area.origin.y + area.size.height / 2));
  g_assert_cmpstr (venture_note_get_block (a), ==, "customer-segments");
  g_assert_cmpint (ABS (venture_note_get_x (a) - 500), <=, 3);
  g_assert_cmpint (ABS (venture_note_get_y (a) - 500), <=, 3);
  g_assert_cmpstr (venture_note_get_block (b), ==, "key-partners");

  redraw (fixture);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, a), target, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x + width / 2.0, area.origin.x + area.size.width / 2, 2);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y + height / 2.0, area.origin.y + area.size.height / 2, 2);

  /* Selected notes move together. */
  venture_board_select_note (fixture->board, a, FALSE);
  venture_board_select_note (fixture->board, b, TRUE);
  target = venture_board_get_block_view (fixture->board, "channels");
  g_assert_true (venture_block_view_drop (VENTURE_BLOCK_VIEW (target), &value, 60, 60));
  g_assert_cmpstr (venture_note_get_block (a), ==, "channels");
  g_assert_cmpstr (venture_note_get_block (b), ==, "channels");
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Move 2 Notes");

  /* The whole drop is one step. */
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpstr (venture_note_get_block (a), ==, "customer-segments");
  g_assert_cmpstr (venture_note_get_block (b), ==, "key-partners");
  redraw (fixture);
  g_assert_true (gtk_widget_get_parent (widget_for (fixture, b)) ==
                 venture_board_get_block_view (fixture->board, "key-partners"));
}

/* Selected notes dropped near a block's edge move in together, keeping
 * their shape, rather than each being kept in on its own. */
static void
test_board_drop_group_keeps_shape (Fixture       *fixture,
                                   gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "key-partners", "Bike shops", 0, 0);
  VentureNote *b = add_note (fixture->canvas, "key-partners", "Tool makers", 400, 300);
  GtkWidget *source = venture_board_get_block_view (fixture->board, "key-partners");
  GtkWidget *target = venture_board_get_block_view (fixture->board, "customer-segments");
  graphene_rect_t area, ra, rb, before_a, before_b;
  g_auto(GValue) value = G_VALUE_INIT;

  redraw (fixture);
  _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (source), widget_for (fixture, a), &before_a);
  _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (source), widget_for (fixture, b), &before_b);
  venture_board_select_note (fixture->board, a, FALSE);
  venture_board_select_note (fixture->board, b, TRUE);

  /* a, held by its middle, let go at the bottom right corner */
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (target), &area);
  g_value_init (&value, VENTURE_TYPE_NOTE);
  g_value_set_object (&value, a);
  g_assert_true (venture_block_view_drop (VENTURE_BLOCK_VIEW (target), &value,
                                          area.origin.x + area.size.width - 2, area.origin.y + area.size.height - 2));
  redraw (fixture);
  _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (target), widget_for (fixture, a), &ra);
  _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (target), widget_for (fixture, b), &rb);

  /* same shape, b at the corner */
  g_assert_cmpfloat_with_epsilon (rb.origin.x - ra.origin.x, before_b.origin.x - before_a.origin.x, 1.5);
  g_assert_cmpfloat_with_epsilon (rb.origin.y - ra.origin.y, before_b.origin.y - before_a.origin.y, 1.5);
  g_assert_cmpfloat_with_epsilon (rb.origin.x + rb.size.width, area.origin.x + area.size.width, 1.5);
  g_assert_cmpfloat_with_epsilon (rb.origin.y + rb.size.height, area.origin.y + area.size.height, 1.5);
}

/* Ctrl+A selects the notes of the focused block; the rubber band selects
 * what it touches. */
static void
test_board_select (Fixture       *fixture,
                   gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "channels", "Web", 0, 0);
  VentureNote *b = add_note (fixture->canvas, "channels", "Fairs", 1000, 1000);
  VentureNote *c = add_note (fixture->canvas, "key-partners", "Shops", 0, 0);
  g_autoptr(GPtrArray) selection = NULL;
  GtkWidget *view = venture_board_get_block_view (fixture->board, "channels");
  graphene_rect_t area;

  redraw (fixture);
  gtk_widget_grab_focus (widget_for (fixture, a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.select-all", NULL));
  selection = venture_board_get_selection (fixture->board);
  g_assert_cmpuint (selection->len, ==, 2);
  g_assert_true (g_ptr_array_find (selection, a, NULL));
  g_assert_true (g_ptr_array_find (selection, b, NULL));
  g_assert_false (g_ptr_array_find (selection, c, NULL));
  g_clear_pointer (&selection, g_ptr_array_unref);

  /* Ctrl+Space adds the focused note, and takes it out again. */
  gtk_widget_grab_focus (widget_for (fixture, c));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.toggle-selected", NULL));
  selection = venture_board_get_selection (fixture->board);
  g_assert_cmpuint (selection->len, ==, 3);
  g_clear_pointer (&selection, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.toggle-selected", NULL));
  selection = venture_board_get_selection (fixture->board);
  g_assert_cmpuint (selection->len, ==, 2);
  g_clear_pointer (&selection, g_ptr_array_unref);
  venture_board_select_note (fixture->board, c, TRUE);

  /* A band over the top left corner only */
  venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (view), &area);
  _venture_board_select_in_rect (fixture->board, VENTURE_BLOCK_VIEW (view),
                                 &GRAPHENE_RECT_INIT (area.origin.x + 1, area.origin.y + 1, 20, 20), FALSE);
  selection = venture_board_get_selection (fixture->board);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == a);
}

static gboolean
no_overlap_in (VentureBoard *board,
               const char   *block_id)
{
  GtkWidget *view = venture_board_get_block_view (board, block_id);
  g_autoptr(GPtrArray) notes = venture_block_view_get_notes (VENTURE_BLOCK_VIEW (view));

  for (guint i = 0; i < notes->len; i++)
    for (guint j = 0; j < i; j++)
      {
        graphene_rect_t a, b;

        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (notes, i), view, &a));
        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (notes, j), view, &b));
        if (rects_overlap (&a, &b))
          return FALSE;
      }
  return TRUE;
}

static void
test_board_tidy (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = venture_board_get_block_view (fixture->board, "value-propositions");

  for (guint i = 0; i < 5; i++)
    add_note (fixture->canvas, "value-propositions", "Same place", 400, 400);
  redraw (fixture);
  g_assert_false (no_overlap_in (fixture->board, "value-propositions"));

  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (view, "board.tidy", "s", ""));
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Tidy Block");
  redraw (fixture);
  g_assert_true (no_overlap_in (fixture->board, "value-propositions"));
}

static void
test_board_zoom (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->board);
  int fit_width = gtk_widget_get_width (board);
  g_autofree char *png = NULL;

  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), ==, 1.0);
  add_note (fixture->canvas, "customer-relationships", "Self-service repair clinics", 100, 100);

  g_assert_true (gtk_widget_activate_action (board, "board.zoom-in", NULL));
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), >, 1.0);
  redraw (fixture);
  g_assert_cmpint (gtk_widget_get_width (board), >, fit_width);
  png = venture_test_save_screenshot (GTK_WIDGET (fixture->window), "board-zoomed");

  g_assert_true (gtk_widget_activate_action (board, "board.zoom-reset", NULL));
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), ==, 1.0);
  redraw (fixture);
  g_assert_cmpint (gtk_widget_get_width (board), ==, fit_width);

  g_assert_true (gtk_widget_activate_action (board, "board.zoom-out", NULL));
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), <, 1.0);
  redraw (fixture);
  /* Zoomed out, the blocks are smaller on screen but keep the canvas. */
  g_assert_cmpint (gtk_widget_get_width (board), ==, fit_width);
  g_assert_true (gtk_widget_activate_action (board, "board.zoom-in", NULL));
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), ==, 1.0);
}

/* Zoomed at a point (Ctrl+scroll at the pointer, a pinch between the
 * fingers), the canvas keeps that point where it was in the window. */
static void
test_board_zoom_at (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->board);
  GtkWidget *viewport = gtk_widget_get_ancestor (board, GTK_TYPE_VIEWPORT);
  VentureNote *note = add_note (fixture->canvas, "customer-segments", "Commuters", 1000, 1000);
  graphene_point_t center, on_board, before, after;
  GtkWidget *widget;

  g_assert_nonnull (viewport);
  redraw (fixture);
  widget = widget_for (fixture, note);
  graphene_point_init (&center, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  g_assert_true (gtk_widget_compute_point (widget, board, &center, &on_board));
  g_assert_true (gtk_widget_compute_point (widget, viewport, &center, &before));

  for (guint i = 0; i < 2; i++)
    {
      venture_board_zoom_at (fixture->board, venture_board_get_zoom (fixture->board) * 1.5,
                             on_board.x, on_board.y);
      redraw (fixture);
      redraw (fixture);
      g_assert_true (gtk_widget_compute_point (widget, viewport, &center, &after));
      /* within what laying the blocks out in whole pixels moves them */
      g_assert_cmpfloat_with_epsilon (after.x, before.x, 4);
      g_assert_cmpfloat_with_epsilon (after.y, before.y, 4);
      g_assert_true (gtk_widget_compute_point (widget, board, &center, &on_board));
    }
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), >, 2.0);

  /* and back to the fitted canvas, which does not scroll */
  venture_board_zoom_at (fixture->board, 1.0, on_board.x, on_board.y);
  redraw (fixture);
  g_assert_cmpfloat (venture_board_get_zoom (fixture->board), ==, 1.0);
  g_assert_true (gtk_widget_compute_point (widget, viewport, &center, &after));
  g_assert_cmpfloat_with_epsilon (after.x, before.x, 2);
  g_assert_cmpfloat_with_epsilon (after.y, before.y, 2);
}

typedef struct {
  Fixture *fixture;
  guint    n;
} NotesWait;

static gboolean
has_n_notes (gpointer data)
{
  NotesWait *wait = data;

  return venture_canvas_get_n_notes (wait->fixture->canvas) >= wait->n;
}

static void
wait_for_n_notes (Fixture *fixture,
                  guint    n)
{
  NotesWait wait = { fixture, n };

  venture_test_wait_until (has_n_notes, &wait);
}

static void
test_board_clipboard (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureNote *a = add_note (fixture->canvas, "channels", "Web site", 0, 0);
  GdkClipboard *clipboard;
  GtkWidget *view;

  redraw (fixture);
  venture_board_select_note (fixture->board, a, FALSE);
  gtk_widget_grab_focus (widget_for (fixture, a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.copy", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->board));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        VENTURE_NOTES_MIME_TYPE));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING));

  view = venture_board_get_block_view (fixture->board, "key-partners");
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.paste", NULL));
  wait_for_n_notes (fixture, 2);
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (fixture->canvas, 1)), ==, "Web site");
  g_assert_cmpstr (venture_note_get_block (venture_canvas_get_note (fixture->canvas, 1)), ==, "key-partners");
  g_assert_cmpstr (venture_note_get_id (venture_canvas_get_note (fixture->canvas, 1)), !=, venture_note_get_id (a));

  /* Plain text from another app: one note per paragraph. */
  gdk_clipboard_set_text (clipboard, "Spare parts\n\nRepair courses\n\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.paste", NULL));
  wait_for_n_notes (fixture, 4);
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (fixture->canvas, 2)), ==, "Spare parts");
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (fixture->canvas, 3)), ==, "Repair courses");
  g_assert_cmpstr (venture_note_get_block (venture_canvas_get_note (fixture->canvas, 3)), ==, "key-partners");

  /* Cut removes what it copies. */
  venture_board_select_note (fixture->board, a, FALSE);
  gtk_widget_grab_focus (widget_for (fixture, a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.cut", NULL));
  g_assert_cmpuint (venture_canvas_get_n_notes (fixture->canvas), ==, 3);
}

static const char *colors[] = { "yellow", "orange", "red", "pink", "purple", "blue", "green", "gray" };

static void
fill_example (VentureCanvas *canvas)
{
  static const struct { const char *block; const char *text; int x, y; } notes[] = {
    { "key-partners", "Bike shops", 0, 0 },
    { "key-partners", "Spare parts wholesalers", 900, 600 },
    { "key-activities", "Repairs on the spot", 100, 100 },
    { "key-resources", "Van and tools", 200, 300 },
    { "value-propositions", "Your bike fixed where you are, today", 100, 50 },
    { "value-propositions", "Learn to fix it yourself", 800, 700 },
    { "customer-relationships", "Self-service repair clinics", 0, 0 },
    { "customer-relationships", "Dedicated mechanic", 1000, 1000 },
    { "channels", "Own web site", 300, 100 },
    { "customer-segments", "Commuters", 0, 200 },
    { "customer-segments", "Students", 900, 900 },
    { "cost-structure", "Van, fuel, parts", 200, 200 },
    { "revenue-streams", "Repair fees", 100, 500 },
    { "revenue-streams", "Clinic tickets", 700, 200 },
    { "unsorted", "Partner with the city?", 500, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      VentureNote *note = add_note (canvas, notes[i].block, notes[i].text, notes[i].x, notes[i].y);

      venture_canvas_set_note_color (canvas, note, colors[i % G_N_ELEMENTS (colors)]);
    }
}

static void
test_board_screenshot_wide (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *png = NULL;
  VentureNote *note;

  fill_example (fixture->canvas);
  note = venture_canvas_get_note (fixture->canvas, 0);
  venture_board_select_note (fixture->board, note, FALSE);
  redraw (fixture);
  png = venture_test_save_screenshot (GTK_WIDGET (fixture->window), "board-wide");
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* Between the narrow layout and a window wide enough for it, the wide
 * layout shrinks to fit: a note at the right edge of any block stays
 * whole inside it, and no block title breaks inside a word. */
static void
test_board_notes_fit_blocks (void)
{
  static const int widths[] = { 760, 900, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      Fixture fixture = { 0 };
      VentureTemplate *template;
      GtkWidget *left, *right;
      graphene_rect_t left_bounds, right_bounds;
      guint n_blocks;

      fixture_setup_size (&fixture, widths[w], 800);
      template = venture_board_get_template (fixture.board);
      n_blocks = venture_template_get_n_blocks (template);
      for (guint i = 0; i < n_blocks; i++)
        add_note (fixture.canvas, venture_template_get_block (template, i)->id,
                  "Relationships with whole words", 1000, 0);
      add_note (fixture.canvas, "unsorted", "Sort me later, at the right edge", 1000, 1000);
      redraw (&fixture);

      for (guint i = 0; i < venture_canvas_get_n_notes (fixture.canvas); i++)
        {
          GtkWidget *note = widget_for (&fixture, venture_canvas_get_note (fixture.canvas, i));
          GtkWidget *view = gtk_widget_get_parent (note);
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (note, view, &bounds));
          if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (view) + 0.5)
            g_error ("At %d px a note in %s is cut off: %.1f to %.1f in a block %d px wide", widths[w],
                     venture_note_get_block (venture_canvas_get_note (fixture.canvas, i)),
                     bounds.origin.x, bounds.origin.x + bounds.size.width, gtk_widget_get_width (view));
        }
      g_assert_cmpuint (venture_test_assert_block_titles_break_between_words (GTK_WIDGET (fixture.window),
                                                                              widths[w]), ==, n_blocks + 1);

      /* Still the wide layout: Key Partners beside Customer Segments. */
      left = venture_board_get_block_view (fixture.board, "key-partners");
      right = venture_board_get_block_view (fixture.board, "customer-segments");
      g_assert_true (gtk_widget_compute_bounds (left, GTK_WIDGET (fixture.board), &left_bounds));
      g_assert_true (gtk_widget_compute_bounds (right, GTK_WIDGET (fixture.board), &right_bounds));
      g_assert_cmpfloat (right_bounds.origin.x, >, left_bounds.origin.x + left_bounds.size.width);
      g_assert_cmpfloat_with_epsilon (right_bounds.origin.y, left_bounds.origin.y, 1);

      fixture_teardown (&fixture, NULL);
    }
}

static void
test_board_screenshot_narrow (void)
{
  Fixture fixture = { 0 };
  g_autofree char *png = NULL;

  fixture_setup_size (&fixture, 360, 720);
  fill_example (fixture.canvas);
  redraw (&fixture);
  png = venture_test_save_screenshot (GTK_WIDGET (fixture.window), "board-narrow");
  fixture_teardown (&fixture, NULL);
}

static void
test_board_screenshot_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture fixture = { 0 };
  g_autofree char *png = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  fixture_setup_size (&fixture, 1280, 800);
  fill_example (fixture.canvas);
  redraw (&fixture);
  png = venture_test_save_screenshot (GTK_WIDGET (fixture.window), "board-dark");
  fixture_teardown (&fixture, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* 40 notes in one block, then tidied; and a note too long to show whole. */
static void
test_board_crowded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *png = NULL;
  g_autofree char *tidy_png = NULL;
  VentureNote *long_note;
  GtkWidget *view = venture_board_get_block_view (fixture->board, "value-propositions");

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Idea %u", i + 1);
      VentureNote *note = add_note (fixture->canvas, "value-propositions", text,
                                    (int) ((i * 137) % 1001), (int) ((i * 311) % 1001));

      venture_canvas_set_note_color (fixture->canvas, note, colors[i % G_N_ELEMENTS (colors)]);
    }
  long_note = add_note (fixture->canvas, "customer-segments",
                        "Commuters who ride every day in all weathers and cannot afford to lose a "
                        "day to a broken chain, a flat tyre or worn brakes, and who would pay for "
                        "a mechanic who comes to their office car park while they work, with spare "
                        "parts in the van and a loan bike for the day.", 0, 0);
  redraw (fixture);
  g_assert_true (venture_note_widget_is_truncated (VENTURE_NOTE_WIDGET (widget_for (fixture, long_note))));
  gtk_test_accessible_assert_property (widget_for (fixture, long_note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       venture_note_get_text (long_note));
  png = venture_test_save_screenshot (GTK_WIDGET (fixture->window), "board-crowded");

  g_assert_true (gtk_widget_activate_action (view, "board.tidy", "s", "value-propositions"));
  redraw (fixture);
  tidy_png = venture_test_save_screenshot (GTK_WIDGET (fixture->window), "board-crowded-tidy");
}

static GBytes *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guchar *data = g_malloc (width * height * 4);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, width * 4);

  return g_bytes_new_take (data, width * height * 4);
}

/* The pixel at (@x, @y) of @pixels, a rendering @width wide, as 0xrrggbb. */
static guint32
pixel_at (GBytes *pixels,
          int     width,
          int     x,
          int     y)
{
  const guint32 *data = g_bytes_get_data (pixels, NULL);

  return data[y * width + x] & 0xffffff;
}

static int
brightness (guint32 rgb)
{
  return (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
}

typedef gboolean (*PixelTest) (guint32 rgb, guint32 value);

static gboolean
is_color (guint32 rgb,
          guint32 color)
{
  return rgb == color;
}

static gboolean
is_darker (guint32 rgb,
           guint32 than)
{
  return brightness (rgb) < (int) than;
}

/* How many pixels of @pixels (a rendering @width wide) in @rect pass
 * @test, and the rectangle around them. */
static guint
find_pixels (GBytes                      *pixels,
             int                          width,
             const cairo_rectangle_int_t *rect,
             PixelTest                    test,
             guint32                      value,
             cairo_rectangle_int_t       *found)
{
  int left = G_MAXINT, top = G_MAXINT, right = -1, bottom = -1;
  guint n = 0;

  for (int y = rect->y; y < rect->y + rect->height; y++)
    for (int x = rect->x; x < rect->x + rect->width; x++)
      if (test (pixel_at (pixels, width, x, y), value))
        {
          n++;
          left = MIN (left, x);
          right = MAX (right, x);
          top = MIN (top, y);
          bottom = MAX (bottom, y);
        }
  *found = (cairo_rectangle_int_t) { left, top, right + 1 - left, bottom + 1 - top };

  return n;
}

/* @fill, "#rrggbb", as 0xrrggbb */
static guint32
rgb_of (const char *fill)
{
  GdkRGBA color;

  g_assert_true (gdk_rgba_parse (&color, fill));
  return (guint32) (color.red * 255 + 0.5) << 16 | (guint32) (color.green * 255 + 0.5) << 8 |
         (guint32) (color.blue * 255 + 0.5);
}

/* The paper of the only note in @view, found by its colour: it has a
 * shadow below and to the right, and a curled bottom right corner. */
static void
assert_paper (GtkWidget  *view,
              GtkWidget  *note,
              const char *fill)
{
  graphene_rect_t bounds;
  g_autoptr(GBytes) pixels = render_widget (view);
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  guint32 paper = rgb_of (fill);
  cairo_rectangle_int_t found;
  int left, top, right, bottom;
  int middle_x, middle_y;

  g_assert_cmpuint (find_pixels (pixels, width, &(cairo_rectangle_int_t) { 0, 0, width, height },
                                 is_color, paper, &found), >, 0);
  left = found.x;
  top = found.y;
  right = found.x + found.width - 1;
  bottom = found.y + found.height - 1;
  /* the paper, in the note's colour for the style, with the shape of
   * the note with its padding (the block may be drawn at a zoom) */
  g_assert_true (gtk_widget_compute_bounds (note, view, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, VENTURE_NOTE_WIDTH + 2 * VENTURE_NOTE_PADDING);
  g_assert_cmpint (right - left, >, VENTURE_NOTE_WIDTH / 2);
  g_assert_cmpfloat_with_epsilon ((double) (right + 1 - left) / (bottom + 1 - top),
                                  bounds.size.width / bounds.size.height, 0.12);
  middle_x = (left + right) / 2;
  middle_y = (top + bottom) / 2;
  g_assert_cmpuint (pixel_at (pixels, width, middle_x, top + 2), ==, paper);
  /* a shadow under it and to its right, darker than the block around
   * (the pixels next to the paper may be partly paper at this zoom) */
  g_assert_cmpint (brightness (pixel_at (pixels, width, middle_x, bottom + 2)), <,
                   brightness (pixel_at (pixels, width, middle_x, bottom + 12)));
  g_assert_cmpint (MIN (brightness (pixel_at (pixels, width, right + 1, middle_y)),
                        brightness (pixel_at (pixels, width, right + 2, middle_y))), <,
                   brightness (pixel_at (pixels, width, right + 12, middle_y)));
  /* and the curled corner: square at the bottom left, no paper in the
   * very bottom right */
  g_assert_cmpuint (pixel_at (pixels, width, left, bottom), ==, paper);
  g_assert_cmpuint (pixel_at (pixels, width, right - 1, bottom - 1), !=, paper);
}

/* The note draws its own paper (not CSS): its colour in the light and
 * the dark style, its shadow and its curled corner. */
static void
test_board_note_paper (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const VentureColor *green = venture_taxonomy_lookup_color ("green");
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-resources");
  VentureNote *note = add_note (fixture->canvas, "key-resources", "Vans", 200, 200);

  venture_canvas_set_note_color (fixture->canvas, note, "green");
  redraw (fixture);
  assert_paper (view, widget_for (fixture, note), green->light_fill);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  redraw (fixture);
  assert_paper (view, widget_for (fixture, note), green->dark_fill);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* What a crowded block shows is what it shows when drawn afresh. */
static GBytes *
check_shows_fresh (Fixture   *fixture,
                   GtkWidget *view)
{
  g_autoptr(GBytes) shown = NULL;
  GBytes *fresh;

  redraw (fixture);
  shown = render_widget (view);
  _venture_block_view_invalidate (VENTURE_BLOCK_VIEW (view));
  redraw (fixture);
  fresh = render_widget (view);
  g_assert_true (g_bytes_equal (shown, fresh));

  return fresh;
}

/* What a crowded block shows after a change is what it shows when drawn
 * afresh, and differs from what it showed before. */
static GBytes *
check_change_shows (Fixture   *fixture,
                    GtkWidget *view,
                    GBytes    *before)
{
  GBytes *fresh = check_shows_fresh (fixture, view);

  g_assert_false (g_bytes_equal (before, fresh));

  return fresh;
}

/* How many pixels of @paintable, drawn by @widget's renderer, are
 * @color. */
static guint
count_paintable_pixels (GtkWidget    *widget,
                        GdkPaintable *paintable,
                        guint32       color)
{
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) pixels = NULL;
  guchar *data = g_malloc (width * height * 4);
  cairo_rectangle_int_t found;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, width * 4);
  pixels = g_bytes_new_take (data, width * height * 4);

  return find_pixels (pixels, width, &(cairo_rectangle_int_t) { 0, 0, width, height }, is_color, color, &found);
}

/* A drag of one note shows the note; of several, a pile of them with
 * their number on a badge. */
static void
test_board_drag_icon (Fixture       *fixture,
                      gconstpointer  data)
{
  VentureNote *note = add_note (fixture->canvas, "channels", "Fairs", 0, 0);
  g_autoptr(GdkPaintable) one = NULL;
  g_autoptr(GdkPaintable) three = NULL;
  GtkWidget *widget;
  int width, height, note_y;

  redraw (fixture);
  widget = widget_for (fixture, note);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  one = _venture_block_view_drag_icon_new (widget, 1, &note_y);
  g_assert_cmpint (note_y, ==, 0);
  three = _venture_block_view_drag_icon_new (widget, 3, &note_y);
  /* (a widget's paintable takes in its padding, as GTK draws it) */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (one), >=, width);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (one), >=, height);
  /* the pile below and to the right, the badge above the corner */
  g_assert_cmpint (note_y, >, 4);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (three), >=, gdk_paintable_get_intrinsic_width (one) + 8);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (three), ==, gdk_paintable_get_intrinsic_height (one) + 8 + note_y);
  /* the badge, in the accent colour */
  g_assert_cmpuint (count_paintable_pixels (widget, one, 0x3584e4), ==, 0);
  g_assert_cmpuint (count_paintable_pixels (widget, three, 0x3584e4), >, 100);
}

/* How many pixels of @view show the paper of @color (light style). */
static guint
paper_pixels (GtkWidget *view,
              guint32    color)
{
  g_autoptr(GBytes) pixels = render_widget (view);
  int width = gtk_widget_get_width (view);
  cairo_rectangle_int_t found;

  return find_pixels (pixels, width, &(cairo_rectangle_int_t) { 0, 0, width, gtk_widget_get_height (view) },
                      is_color, color, &found);
}

/* The note with the keyboard focus shows over the notes piled on it, in
 * a crowded block (drawn from an image) as in a small one, for as long as
 * it has the focus; then it goes back under them. */
static void
test_board_focused_note_over_others (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char * const blocks[] = { "key-partners", "key-activities" };
  static const guint n_above[] = { 12, 1 };

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      GtkWidget *view = venture_board_get_block_view (fixture->board, blocks[b]);
      VentureNote *below = add_note (fixture->canvas, blocks[b], "Below", 0, 0);
      GtkWidget *widget;

      venture_canvas_set_note_color (fixture->canvas, below, "red");
      for (guint i = 0; i < n_above[b]; i++)
        venture_canvas_set_note_color (fixture->canvas, add_note (fixture->canvas, blocks[b], "Above", 0, 0), "blue");
      redraw (fixture);
      venture_test_iterate (2500);
      redraw (fixture);
      widget = widget_for (fixture, below);
      /* wholly under the others: no red paper shows */
      g_assert_cmpuint (paper_pixels (view, 0xffb8b0), ==, 0);

      g_assert_true (gtk_widget_grab_focus (widget));
      gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
      g_assert_true (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_VISIBLE);
      /* past the time a changed note is drawn live */
      venture_test_iterate (2500);
      redraw (fixture);
      /* most of its paper, around its text */
      g_assert_cmpuint (paper_pixels (view, 0xffb8b0), >, 128 * 64 / 2);

      gtk_widget_grab_focus (view);
      venture_test_iterate (2500);
      redraw (fixture);
      g_assert_cmpuint (paper_pixels (view, 0xffb8b0), ==, 0);
      /* the model's stacking order never changed */
      g_assert_true (venture_canvas_get_note (fixture->canvas, venture_canvas_get_n_notes (fixture->canvas) - 1 - n_above[b]) == below);
    }
}

/* A crowded block draws its resting notes from an image: a change to one
 * of them (colour, a comparison's mark, selection) must still show. */
static void
test_board_crowded_changes_show (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-partners");
  VentureNote *top = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) recoloured = NULL;
  g_autoptr(GBytes) marked = NULL;
  g_autoptr(GBytes) selected = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GBytes) settled = NULL;

  for (guint i = 0; i < 20; i++)
    top = add_note (fixture->canvas, "key-partners", "Crowd", (int) (i * 50), (int) (i * 50));
  /* Let the notes settle into the block's image. */
  redraw (fixture);
  venture_test_iterate (2500);
  redraw (fixture);
  before = render_widget (view);

  venture_canvas_set_note_color (fixture->canvas, top, "blue");
  recoloured = check_change_shows (fixture, view, before);

  venture_test_iterate (2500);
  venture_note_widget_set_mark (VENTURE_NOTE_WIDGET (widget_for (fixture, top)), "+", "Added");
  marked = check_change_shows (fixture, view, recoloured);

  venture_test_iterate (2500);
  venture_board_select_note (fixture->board, top, FALSE);
  selected = check_change_shows (fixture, view, marked);

  /* and a note dropped elsewhere in the crowd: it comes to the front and
   * stays there once it settles among the others */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    VentureNote *third = venture_canvas_get_note (fixture->canvas, 3);
    graphene_rect_t area;

    g_value_init (&value, VENTURE_TYPE_NOTE);
    g_value_set_object (&value, third);
    venture_block_view_get_notes_area (VENTURE_BLOCK_VIEW (view), &area);
    venture_board_select_note (fixture->board, third, FALSE);
    g_assert_true (venture_block_view_drop (VENTURE_BLOCK_VIEW (view), &value,
                                            area.origin.x + area.size.width - 10, area.origin.y + 10));
    g_assert_true (venture_canvas_get_note (fixture->canvas, 19) == third);
    g_assert_true (widget_for (fixture, third) == gtk_widget_get_last_child (view));
  }
  moved = check_change_shows (fixture, view, selected);
  /* Once it settles into the block's image, the block still shows what
   * it shows when drawn afresh. (Not byte for byte what it showed while
   * the note was live: text drawn into the image is antialiased in grey.) */
  venture_test_iterate (2500);
  settled = check_change_shows (fixture, view, before);
}

/* A crowded block paints its plain resting notes onto its image itself,
 * not through GTK: they look as GTK draws them live, in the same place,
 * paper, shadow and text; a note with a state that CSS draws (selected)
 * is left to GTK. */
static void
test_board_crowded_paints (Fixture       *fixture,
                           gconstpointer  data)
{
  const VentureColor *yellow = venture_taxonomy_lookup_color ("yellow");
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-partners");
  int width;
  VentureNote *alone;
  GtkWidget *widget;
  graphene_rect_t bounds;
  cairo_rectangle_int_t around, painted_paper, live_paper;
  g_autoptr(GBytes) painted = NULL;
  g_autoptr(GBytes) live = NULL;
  guint32 paper;

  /* a crowd on the left, one note alone on the right, on top */
  for (guint i = 0; i < 10; i++)
    add_note (fixture->canvas, "key-partners", "Crowd", 0, (int) (i * 100));
  alone = add_note (fixture->canvas, "key-partners", "Painted straight onto the image", 1000, 0);
  redraw (fixture);
  venture_test_iterate (2500);
  redraw (fixture);
  width = gtk_widget_get_width (view);
  widget = widget_for (fixture, alone);
  g_assert_true (_venture_note_widget_can_paint (VENTURE_NOTE_WIDGET (widget)));
  painted = render_widget (view);

  /* the same note live, drawn by GTK on top of the image without it */
  _venture_block_view_note_changed (VENTURE_BLOCK_VIEW (view), widget);
  redraw (fixture);
  live = render_widget (view);

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  around = (cairo_rectangle_int_t) { (int) bounds.origin.x - 4, (int) bounds.origin.y - 4,
                                     (int) bounds.size.width + 8, (int) bounds.size.height + 8 };
  around.width = MIN (around.width, width - around.x);
  paper = rgb_of (yellow->light_fill);
  g_assert_cmpuint (find_pixels (painted, width, &around, is_color, paper, &painted_paper), >, 0);
  g_assert_cmpuint (find_pixels (live, width, &around, is_color, paper, &live_paper), >, 0);
  /* the paper on whole pixels: at most a pixel from where GTK puts it */
  g_assert_cmpint (ABS (painted_paper.x - live_paper.x), <=, 1);
  g_assert_cmpint (ABS (painted_paper.y - live_paper.y), <=, 1);
  g_assert_cmpint (ABS (painted_paper.width - live_paper.width), <=, 1);
  g_assert_cmpint (ABS (painted_paper.height - live_paper.height), <=, 1);
  g_assert_cmpint (painted_paper.width, >, VENTURE_NOTE_WIDTH / 2);

  /* the text, well darker than the paper, in the same place: only its
   * antialiasing differs (grey on the image) */
  {
    cairo_rectangle_int_t painted_ink, live_ink;
    guint n_painted_ink = find_pixels (painted, width, &painted_paper, is_darker, brightness (paper) - 200, &painted_ink);
    guint n_live_ink = find_pixels (live, width, &live_paper, is_darker, brightness (paper) - 200, &live_ink);

    g_assert_cmpuint (n_painted_ink, >, 100);
    g_assert_cmpuint (n_painted_ink, >, n_live_ink * 3 / 4);
    g_assert_cmpuint (n_painted_ink, <, n_live_ink * 4 / 3);
    g_assert_cmpint (ABS (painted_ink.x - live_ink.x), <=, 1);
    g_assert_cmpint (ABS (painted_ink.y - live_ink.y), <=, 1);
    g_assert_cmpint (ABS (painted_ink.width - live_ink.width), <=, 2);
    g_assert_cmpint (ABS (painted_ink.height - live_ink.height), <=, 2);
  }

  venture_board_select_note (fixture->board, alone, FALSE);
  g_assert_false (_venture_note_widget_can_paint (VENTURE_NOTE_WIDGET (widget)));
}

/* A crowded block leaves out of its image the notes wholly hidden under
 * others: what changes on such a note shows once it comes out, and not
 * before; one that goes away, hidden, leaves the block as it was. */
static void
test_board_crowded_hidden (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-partners");
  VentureNote *bottom, *second;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) recoloured = NULL;
  g_autoptr(GBytes) removed = NULL;
  g_autoptr(GBytes) out = NULL;

  bottom = add_note (fixture->canvas, "key-partners", "Under", 500, 500);
  second = add_note (fixture->canvas, "key-partners", "Under too", 500, 500);
  redraw (fixture);
  /* nine notes over them, overlapping each other, hide them wholly */
  {
    graphene_rect_t rect;

    _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (view), widget_for (fixture, bottom), &rect);
    for (int row = -1; row <= 1; row++)
      for (int column = -1; column <= 1; column++)
        {
          int x, y;

          venture_block_view_point_to_position (VENTURE_BLOCK_VIEW (view),
                                                rect.origin.x + column * rect.size.width / 3,
                                                rect.origin.y + row * rect.size.height / 2.5,
                                                rect.size.width, rect.size.height, &x, &y);
          add_note (fixture->canvas, "key-partners", "Over", x, y);
        }
  }
  redraw (fixture);
  venture_test_iterate (2500);
  before = check_shows_fresh (fixture, view);

  venture_canvas_set_note_color (fixture->canvas, bottom, "blue");
  venture_canvas_set_note_text (fixture->canvas, second, "Under, and changed");
  recoloured = check_shows_fresh (fixture, view);
  g_assert_true (g_bytes_equal (before, recoloured));

  venture_canvas_remove_note (fixture->canvas, second);
  removed = check_shows_fresh (fixture, view);
  g_assert_true (g_bytes_equal (before, removed));

  venture_canvas_move_note (fixture->canvas, bottom, "key-partners", 1000, 1000);
  out = check_shows_fresh (fixture, view);
  g_assert_false (g_bytes_equal (before, out));
}

/* A note that leaves a crowded block, or comes into it under others,
 * changes only its own place on the block's image: the block still shows
 * what it shows when drawn afresh, at any zoom, and a note that comes
 * back leaves it as it was. */
static void
test_board_crowded_comes_and_goes (Fixture       *fixture,
                                   gconstpointer  data)
{
  const double *zoom = data;
  GtkWidget *view = venture_board_get_block_view (fixture->board, "key-partners");
  VentureNote *notes[24];
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) left = NULL;
  g_autoptr(GBytes) came = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) revealed = NULL;

  if (zoom != NULL)
    venture_board_set_zoom (fixture->board, *zoom);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    notes[i] = add_note (fixture->canvas, "key-partners", i % 3 == 0 ? "Crowd with a longer text" : "Crowd",
                         (int) (i * 41 % 1001), (int) (i * 37 % 1001));
  redraw (fixture);
  venture_test_iterate (2500);
  before = check_shows_fresh (fixture, view);

  /* from the middle of the stack, dropped on another block */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    GtkWidget *channels = venture_board_get_block_view (fixture->board, "channels");
    g_autofree char *png = NULL;

    g_value_init (&value, VENTURE_TYPE_NOTE);
    g_value_set_object (&value, notes[12]);
    g_assert_true (venture_block_view_drop (VENTURE_BLOCK_VIEW (channels), &value, 100, 100));
    g_assert_true (gtk_widget_get_parent (widget_for (fixture, notes[12])) == channels);
    left = check_shows_fresh (fixture, view);
    g_assert_false (g_bytes_equal (before, left));
    png = venture_test_save_screenshot (GTK_WIDGET (fixture->window),
                                        zoom != NULL ? "board-crowded-dropped-zoomed" : "board-crowded-dropped");
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  }

  /* back, under the notes above it once it settles (while it moves, it
   * shows on top) */
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_true (gtk_widget_get_parent (widget_for (fixture, notes[12])) == view);
  redraw (fixture);
  venture_test_iterate (2500);
  back = check_shows_fresh (fixture, view);
  g_assert_true (g_bytes_equal (before, back));

  /* a new note under the top half, partly covered by the top notes */
  {
    g_autofree char *id = venture_canvas_generate_note_id (fixture->canvas);
    g_autoptr(VentureNote) note = venture_note_new (id, "key-partners");
    guint position;

    venture_note_set_text (note, "Came in under the others");
    venture_note_set_position (note, 1000, 1000);
    g_assert_true (venture_canvas_find_note (fixture->canvas, notes[12], &position));
    venture_canvas_insert_note (fixture->canvas, note, position);
  }
  came = check_shows_fresh (fixture, view);
  g_assert_false (g_bytes_equal (back, came));

  /* the top notes go, one by one, and show what was hidden below them */
  for (guint i = G_N_ELEMENTS (notes) - 1; i >= G_N_ELEMENTS (notes) - 6; i--)
    {
      g_clear_pointer (&revealed, g_bytes_unref);
      venture_canvas_remove_note (fixture->canvas, notes[i]);
      revealed = check_shows_fresh (fixture, view);
    }
  g_assert_false (g_bytes_equal (came, revealed));
}

/* A canvas big enough to open sketched: 30 notes in each of eight
 * blocks, one of them long enough to be cut, and 12 segments (notes
 * with a marker), of which every third note of Value Propositions
 * serves one or two, and one all of them (more markers than fit a
 * row). */
static VentureCanvas *
make_big_canvas (void)
{
  static const char * const blocks[] = {
    "key-partners", "key-activities", "key-resources", "value-propositions",
    "customer-relationships", "channels", "cost-structure", "revenue-streams",
  };
  static const char * const segments[] = {
    "Students", "Commuters", "Families", "Couriers", "Tourists", "Racers",
    "Seniors", "Schools", "Offices", "Hotels", "Municipalities", "Zoologists",
  };
  VentureCanvas *canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(GPtrArray) segment_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      VentureNote *segment = add_note (canvas, "customer-segments", segments[i],
                                       (int) (i * 83 % 1001), (int) (i * 89 % 1001));

      g_ptr_array_add (segment_ids, g_strdup (venture_note_get_id (segment)));
    }
  g_ptr_array_add (segment_ids, NULL);

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *text = i == 7
          ? g_strdup ("A note long enough to be cut off at the height limit of a note, with the "
                      "three dots under it, drawn from its sketch as its widget draws it later on, "
                      "and still more words after that")
          : g_strdup_printf ("Note %u of %s", i, blocks[b]);
        VentureNote *note = add_note (canvas, blocks[b], text, (int) (i * 37 % 1001), (int) (i * 61 % 1001));

        venture_canvas_set_note_color (canvas, note, i % 3 == 0 ? "blue" : "yellow");
        if (g_str_equal (blocks[b], "value-propositions") && i % 3 == 1)
          {
            const char *served[] = { segment_ids->pdata[i % 12], segment_ids->pdata[(i + 5) % 12],
                                     segment_ids->pdata[(i + 7) % 12], NULL };

            served[1 + i % 2] = NULL;
            venture_canvas_set_note_segments (canvas, note, i == 13 ? (const char **) segment_ids->pdata : served);
          }
      }

  return canvas;
}

/* The sketched blocks the tests look at: plain notes, notes serving
 * segments, segments. */
static const char * const big_canvas_views[] = { "key-partners", "value-propositions", "customer-segments" };

typedef struct {
  VentureWindow *window;
  GtkWidget     *view;     /* a sketched block */
  GBytes        *sketched; /* what it showed at the first frame */
  GBytes        *sketched_views[G_N_ELEMENTS (big_canvas_views)];
  guint          n_frames;
  void         (*at_first_frame) (VentureWindow *window);
} BigCanvas;

static void
on_big_canvas_painted (GdkFrameClock *clock,
                       BigCanvas     *big)
{
  if (big->n_frames++ > 0)
    return;

  /* the first frame: the sketched blocks have no note widgets yet */
  for (guint i = 0; i < G_N_ELEMENTS (big_canvas_views); i++)
    {
      VentureBoard *board = VENTURE_BOARD (venture_window_get_board (big->window));
      GtkWidget *view = venture_board_get_block_view (board, big_canvas_views[i]);

      g_assert_true (_venture_block_view_has_sketches (VENTURE_BLOCK_VIEW (view)));
      for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_assert_false (VENTURE_IS_NOTE_WIDGET (child));
      big->sketched_views[i] = render_widget (view);
    }
  big->sketched = g_bytes_ref (big->sketched_views[0]);
  if (big->at_first_frame != NULL)
    big->at_first_frame (big->window);
}

static void
open_big_canvas (BigCanvas *big,
                 VentureCanvas *canvas)
{
  g_autoptr(VentureDocument) document = venture_document_new_from_canvas (canvas, FALSE);
  VentureBoard *board;
  gulong handler;

  big->window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), document);
  board = VENTURE_BOARD (venture_window_get_board (big->window));
  big->view = venture_board_get_block_view (board, "key-partners");
  gtk_window_set_default_size (GTK_WINDOW (big->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (big->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (big->window)))
    g_main_context_iteration (NULL, TRUE);
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (big->window)), "after-paint",
                              G_CALLBACK (on_big_canvas_painted), big);
  while (big->n_frames == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (big->window)), handler);
}

/* The notes of @canvas all have their widget, in their block, in the
 * canvas's stacking order. */
static void
assert_all_widgets (VentureBoard  *board,
                    VentureCanvas *canvas)
{
  g_autoptr(GHashTable) last_in = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < venture_canvas_get_n_notes (canvas); i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      GtkWidget *widget = venture_board_get_note_widget (board, note);
      GtkWidget *view = venture_board_get_block_view (board, venture_note_get_block (note));
      GtkWidget *below;

      g_assert_nonnull (widget);
      g_assert_true (gtk_widget_get_parent (widget) == view);
      below = g_hash_table_lookup (last_in, view);
      if (below != NULL)
        {
          GtkWidget *sibling = below;

          while (sibling != NULL && sibling != widget)
            sibling = gtk_widget_get_next_sibling (sibling);
          g_assert_true (sibling == widget);
        }
      g_hash_table_insert (last_in, view, widget);
    }
}

static guint
count_note_widgets (GtkWidget *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += VENTURE_IS_NOTE_WIDGET (child);

  return n;
}

static void
clear_big_canvas (BigCanvas *big)
{
  g_clear_pointer (&big->sketched, g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (big_canvas_views); i++)
    g_clear_pointer (&big->sketched_views[i], g_bytes_unref);
  venture_test_close_window (GTK_WINDOW (big->window));
}

static gboolean
any_sketches (gpointer data)
{
  VentureBoard *board = data;
  static const char * const blocks[] = {
    "key-partners", "key-activities", "key-resources", "value-propositions", "customer-relationships",
    "channels", "customer-segments", "cost-structure", "revenue-streams",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (_venture_block_view_has_sketches (VENTURE_BLOCK_VIEW (venture_board_get_block_view (board, blocks[i]))))
      return TRUE;
  return FALSE;
}

static void
wait_for_all_widgets (VentureBoard *board)
{
  while (any_sketches (board))
    g_main_context_iteration (NULL, TRUE);
}

/* A big canvas's first frame shows its crowded blocks from sketches, the
 * note widgets come right after it, and the blocks' images stay as they
 * were: the sketches draw exactly what the widgets draw, segment markers
 * too. */
static void
test_board_sketched_first_frame (void)
{
  g_autoptr(VentureCanvas) canvas = make_big_canvas ();
  BigCanvas big = { 0 };
  VentureBoard *board;

  open_big_canvas (&big, canvas);
  board = VENTURE_BOARD (venture_window_get_board (big.window));

  /* right after the first frame, without anybody asking, a block at a
   * time */
  while (_venture_block_view_has_sketches (VENTURE_BLOCK_VIEW (big.view)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (_venture_block_view_has_sketches (VENTURE_BLOCK_VIEW (venture_board_get_block_view (board, "customer-segments"))));
  wait_for_all_widgets (board);
  venture_test_wait_for_frame (GTK_WIDGET (big.window));
  g_assert_cmpuint (count_note_widgets (big.view), ==, 30);
  g_assert_cmpuint (count_note_widgets (venture_board_get_block_view (board, "customer-segments")), ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (big_canvas_views); i++)
    {
      GtkWidget *view = venture_board_get_block_view (board, big_canvas_views[i]);
      g_autoptr(GBytes) adopted = NULL;
      g_autoptr(GBytes) fresh = NULL;

      adopted = render_widget (view);
      g_assert_true (g_bytes_equal (big.sketched_views[i], adopted));
      _venture_block_view_invalidate (VENTURE_BLOCK_VIEW (view));
      venture_test_wait_for_frame (GTK_WIDGET (big.window));
      fresh = render_widget (view);
      g_assert_true (g_bytes_equal (big.sketched_views[i], fresh));
    }

  /* the markers are the widgets' own, each where its sketch drew it */
  {
    VentureCanvas *shown = venture_document_get_canvas (venture_window_get_document (big.window));
    VentureNoteWidget *serving = VENTURE_NOTE_WIDGET (venture_board_get_note_widget (board, venture_canvas_get_note (shown, 12 + 3 * 30 + 13)));
    graphene_rect_t first, last;

    g_assert_cmpuint (venture_note_widget_get_n_chips (serving), ==, 12);
    g_assert_true (gtk_widget_compute_bounds (venture_note_widget_get_chip (serving, 0), GTK_WIDGET (serving), &first));
    g_assert_true (gtk_widget_compute_bounds (venture_note_widget_get_chip (serving, 11), GTK_WIDGET (serving), &last));
    g_assert_cmpfloat (last.origin.y, >, first.origin.y);
  }

  assert_all_widgets (board, venture_document_get_canvas (venture_window_get_document (big.window)));
  clear_big_canvas (&big);
}

static void
change_at_first_frame (VentureWindow *window)
{
  VentureCanvas *canvas = venture_document_get_canvas (venture_window_get_document (window));
  VentureNote *note = venture_canvas_get_note (canvas, 12 + 3);

  g_assert_cmpstr (venture_note_get_block (note), ==, "key-partners");
  venture_canvas_set_note_text (canvas, note, "Changed before its widget came");
  venture_canvas_set_note_color (canvas, venture_canvas_get_note (canvas, 12 + 4), "red");
  add_note (canvas, "key-partners", "Came before the widgets", 500, 500);
  venture_canvas_remove_note (canvas, venture_canvas_get_note (canvas, 12 + 40));
  /* a segment's new initial, on the markers of the notes serving it (the
   * top note of Value Propositions among them) */
  g_assert_cmpstr (venture_note_get_text (venture_canvas_get_note (canvas, 4)), ==, "Tourists");
  venture_canvas_set_note_text (canvas, venture_canvas_get_note (canvas, 4), "Bakers");
}

/* A change to a sketched canvas before the widgets came shows, and every
 * note then has exactly one widget. */
static void
test_board_sketched_then_changed (void)
{
  g_autoptr(VentureCanvas) canvas = make_big_canvas ();
  BigCanvas big = { .at_first_frame = change_at_first_frame };
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) fresh = NULL;
  VentureBoard *board;
  VentureCanvas *shown_canvas;

  open_big_canvas (&big, canvas);
  board = VENTURE_BOARD (venture_window_get_board (big.window));
  shown_canvas = venture_document_get_canvas (venture_window_get_document (big.window));
  venture_test_wait_for_frame (GTK_WIDGET (big.window));
  /* after a change, every block at once: no sketch shows what no longer is */
  g_assert_false (any_sketches (board));
  g_assert_cmpuint (count_note_widgets (big.view), ==, 31);
  g_assert_cmpuint (count_note_widgets (venture_board_get_block_view (board, "key-activities")), ==, 29);
  assert_all_widgets (board, shown_canvas);
  g_assert_cmpstr (venture_note_get_text (venture_note_widget_get_note (VENTURE_NOTE_WIDGET (venture_board_get_note_widget (board, venture_canvas_get_note (shown_canvas, 12 + 3))))),
                   ==, "Changed before its widget came");
  /* the note serving every segment, one place down: a note below it went */
  g_assert_cmpstr (venture_segment_marker_get_text (VENTURE_SEGMENT_MARKER (venture_note_widget_get_chip (VENTURE_NOTE_WIDGET (venture_board_get_note_widget (board, venture_canvas_get_note (shown_canvas, 12 + 3 * 30 + 13 - 1))), 4))),
                   ==, "B");

  shown = render_widget (big.view);
  g_assert_false (g_bytes_equal (big.sketched, shown));
  _venture_block_view_invalidate (VENTURE_BLOCK_VIEW (big.view));
  venture_test_wait_for_frame (GTK_WIDGET (big.window));
  fresh = render_widget (big.view);
  g_assert_true (g_bytes_equal (shown, fresh));


  /* and where the markers changed, once the notes that changed are back
   * among the others */
  {
    GtkWidget *view = venture_board_get_block_view (board, "value-propositions");
    g_autoptr(GBytes) shown_markers = NULL;
    g_autoptr(GBytes) fresh_markers = NULL;

    while (!_venture_block_view_is_at_rest (VENTURE_BLOCK_VIEW (view)))
      g_main_context_iteration (NULL, TRUE);
    venture_test_wait_for_frame (GTK_WIDGET (big.window));
    shown_markers = render_widget (view);

    g_assert_false (g_bytes_equal (big.sketched_views[1], shown_markers));
    _venture_block_view_invalidate (VENTURE_BLOCK_VIEW (view));
    venture_test_wait_for_frame (GTK_WIDGET (big.window));
    fresh_markers = render_widget (view);
    g_assert_true (g_bytes_equal (shown_markers, fresh_markers));
  }

  clear_big_canvas (&big);
}

static void
select_at_first_frame (VentureWindow *window)
{
  VentureBoard *board = VENTURE_BOARD (venture_window_get_board (window));
  VentureCanvas *canvas = venture_document_get_canvas (venture_window_get_document (window));
  g_autoptr(GPtrArray) selection = NULL;

  /* asking for a note's widget brings them all */
  venture_board_select_note (board, venture_canvas_get_note (canvas, 5), FALSE);
  selection = venture_board_get_selection (board);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == venture_canvas_get_note (canvas, 5));
  g_assert_true (venture_note_widget_get_selected (VENTURE_NOTE_WIDGET (venture_board_get_note_widget (board, venture_canvas_get_note (canvas, 5)))));
}

/* Whatever needs a note's widget before they came makes them at once. */
static void
test_board_sketched_then_selected (void)
{
  g_autoptr(VentureCanvas) canvas = make_big_canvas ();
  BigCanvas big = { .at_first_frame = select_at_first_frame };

  open_big_canvas (&big, canvas);
  g_assert_false (any_sketches (VENTURE_BOARD (venture_window_get_board (big.window))));
  assert_all_widgets (VENTURE_BOARD (venture_window_get_board (big.window)),
                      venture_document_get_canvas (venture_window_get_document (big.window)));
  clear_big_canvas (&big);
}

/* A sketch no longer shows its note once the note, or a segment whose
 * marker it shows, changed: its widget then draws the note anew. */
static void
test_board_sketch_follows_segments (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  VentureNote *segment = add_note (canvas, "customer-segments", "Tourists", 0, 0);
  VentureNote *other = add_note (canvas, "customer-segments", "Racers", 0, 0);
  VentureNote *note = add_note (canvas, "value-propositions", "Guided rides", 0, 0);
  const char *served[] = { venture_note_get_id (segment), NULL };
  VentureNoteSketch *sketch;

  venture_canvas_set_note_segments (canvas, note, served);
  sketch = _venture_note_sketch_new (note, canvas, context);
  g_assert_true (_venture_note_sketch_shows_note (sketch));

  /* another segment's name: this marker stays */
  venture_canvas_set_note_text (canvas, other, "Riders");
  g_assert_true (_venture_note_sketch_shows_note (sketch));
  /* its segment's name: another initial */
  venture_canvas_set_note_text (canvas, segment, "Bakers");
  g_assert_false (_venture_note_sketch_shows_note (sketch));
  _venture_note_sketch_free (sketch);

  /* a segment's own marker: its colour follows its place among them */
  sketch = _venture_note_sketch_new (other, canvas, context);
  g_assert_true (_venture_note_sketch_shows_note (sketch));
  venture_canvas_remove_note (canvas, segment);
  g_assert_false (_venture_note_sketch_shows_note (sketch));
  _venture_note_sketch_free (sketch);

  /* tag chips are drawn by GTK alone: never sketched */
  g_assert_true (_venture_note_can_sketch (note));
  venture_canvas_move_note (canvas, note, "customer-relationships", 0, 0);
  venture_canvas_set_note_tag (canvas, note, VENTURE_TAG_STAGE, "retention");
  g_assert_false (_venture_note_can_sketch (note));
  g_object_unref (context);
}

/* The shortcuts window lists the board's shortcuts and loads cleanly
 * (a warning would be fatal here). */
static void
test_board_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  static const char *accels[] = {
    "<Control>Return", "Delete", "<Control>a", "<Control>x", "<Control>c", "<Control>v",
    "<Control>t", "<Control>plus", "<Control>minus", "<Control>0", "<Control>d", "<Control>space",
  };
  g_autoptr(GString) all = g_string_new (NULL);
  GSList *objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        if (accel != NULL)
          g_string_append_printf (all, " %s ", accel);
      }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s", accels[i]);

      g_assert_nonnull (strstr (all->str, needle));
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* A note's text added to the board, shown. */
static VentureNoteWidget *
show_note (Fixture    *fixture,
           const char *text)
{
  VentureNote *note = add_note (fixture->canvas, "value-propositions", text, 0, 0);

  redraw (fixture);
  return VENTURE_NOTE_WIDGET (widget_for (fixture, note));
}

static int
measured_height (VentureNoteWidget *widget)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_VERTICAL, VENTURE_NOTE_WIDTH, &height, NULL, NULL, NULL);
  return height;
}

/* The height of a note's text box as Pango alone lays the text out. */
static int
pango_text_height (VentureNoteWidget *widget,
                   const char        *text)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (widget));
  g_autoptr(PangoLayout) layout = pango_layout_new (gtk_widget_get_pango_context (parent));
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, VENTURE_NOTE_WIDTH * PANGO_SCALE);
  pango_layout_set_height (layout, VENTURE_NOTE_MAX_HEIGHT * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return CLAMP (height, VENTURE_NOTE_MIN_HEIGHT, VENTURE_NOTE_MAX_HEIGHT);
}

static const char commuters[] =
  "Commuters who ride every day in all weathers and cannot afford to lose a "
  "day to a broken chain, a flat tyre or worn brakes, and who would pay for "
  "a mechanic who comes to their office car park while they work, with spare "
  "parts in the van and a loan bike for the day.";

/* Plain text is measured without a PangoLayout, to the same height. */
static void
test_board_note_fast_text (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const texts[] = {
    "Weekly repair clinic for customers who bring their own bikes and spare parts to fix",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l",
    "one\ntwo\nthree\nfour\nfive",
  };
  VentureNoteWidget *short_widget = show_note (fixture, "Repair");
  /* The CSS padding and border around the text box. */
  int chrome = measured_height (short_widget) - VENTURE_NOTE_MIN_HEIGHT;

  g_assert_true (venture_note_widget_uses_fast_text (short_widget));
  g_assert_false (venture_note_widget_is_truncated (short_widget));
  g_assert_cmpint (chrome, >=, 2 * VENTURE_NOTE_PADDING);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      VentureNoteWidget *widget = show_note (fixture, texts[i]);

      g_test_message ("text: %s", texts[i]);
      g_assert_true (venture_note_widget_uses_fast_text (widget));
      g_assert_false (venture_note_widget_is_truncated (widget));
      g_assert_cmpint (pango_text_height (widget, texts[i]), >, VENTURE_NOTE_MIN_HEIGHT);
      g_assert_cmpint (measured_height (widget), ==, pango_text_height (widget, texts[i]) + chrome);
    }
}

/* Text Pango would break or draw otherwise is Pango's; plain text too
 * long for a note is cut as Pango cuts it, to the lines that fit. */
static void
test_board_note_text_falls_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *paragraphs = g_strdup_printf ("%s\n%s", commuters, commuters);
  VentureNoteWidget *arabic = show_note (fixture, "مرحبا بالعالم");
  VentureNoteWidget *hebrew = show_note (fixture, "שלום עולם");
  VentureNoteWidget *word = show_note (fixture, "Pneumonoultramicroscopicsilicovolcanoconiosis");
  VentureNoteWidget *long_note = show_note (fixture, commuters);
  VentureNoteWidget *long_paragraphs = show_note (fixture, paragraphs);
  VentureNoteWidget *short_note = show_note (fixture, "Repair");

  g_assert_false (venture_note_widget_uses_fast_text (arabic));
  g_assert_false (venture_note_widget_uses_fast_text (hebrew));
  g_assert_false (venture_note_widget_uses_fast_text (word));
  g_assert_false (venture_note_widget_is_truncated (word));
  g_assert_true (venture_note_widget_uses_fast_text (long_note));
  g_assert_true (venture_note_widget_is_truncated (long_note));
  g_assert_cmpint (measured_height (long_note), ==,
                   measured_height (short_note) - VENTURE_NOTE_MIN_HEIGHT +
                   pango_text_height (long_note, commuters));
  /* Pango gives each paragraph a line, whatever the height: Pango's */
  g_assert_false (venture_note_widget_uses_fast_text (long_paragraphs));
  g_assert_true (venture_note_widget_is_truncated (long_paragraphs));
}

static void
test_board_note_text_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *longer = "Weekly repair clinic for customers who bring their own bikes and spare parts";
  VentureNoteWidget *widget = show_note (fixture, "Repair");
  VentureNote *note = venture_note_widget_get_note (widget);
  int short_height = measured_height (widget);

  venture_canvas_set_note_text (fixture->canvas, note, longer);
  redraw (fixture);
  g_assert_true (venture_note_widget_uses_fast_text (widget));
  g_assert_cmpint (measured_height (widget), >, short_height);
  g_assert_cmpint (measured_height (widget), ==,
                   short_height - VENTURE_NOTE_MIN_HEIGHT + pango_text_height (widget, longer));

  venture_canvas_set_note_text (fixture->canvas, note, commuters);
  redraw (fixture);
  g_assert_true (venture_note_widget_uses_fast_text (widget));
  g_assert_true (venture_note_widget_is_truncated (widget));
  g_assert_cmpint (measured_height (widget), ==,
                   short_height - VENTURE_NOTE_MIN_HEIGHT + pango_text_height (widget, commuters));

  venture_canvas_set_note_text (fixture->canvas, note, "Repair");
  redraw (fixture);
  g_assert_true (venture_note_widget_uses_fast_text (widget));
  g_assert_false (venture_note_widget_is_truncated (widget));
  g_assert_cmpint (measured_height (widget), ==, short_height);
}

static gboolean
query_tooltip (VentureNoteWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  return shown;
}

/* A note has a tooltip when its text is cut or it carries a mark. */
static void
test_board_note_tooltip (Fixture       *fixture,
                         gconstpointer  data)
{
  VentureNoteWidget *long_note = show_note (fixture, commuters);
  VentureNoteWidget *short_note = show_note (fixture, "Repair");

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (short_note)));
  g_assert_true (query_tooltip (long_note));
  g_assert_false (query_tooltip (short_note));
  venture_note_widget_set_mark (short_note, "+", "Added");
  g_assert_true (query_tooltip (short_note));
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/venture/board/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("shows-notes", test_board_shows_notes);
  ADD ("note-fast-text", test_board_note_fast_text);
  ADD ("note-text-falls-back", test_board_note_text_falls_back);
  ADD ("note-text-changes", test_board_note_text_changes);
  ADD ("note-tooltip", test_board_note_tooltip);
  ADD ("add-and-edit", test_board_add_and_edit);
  ADD ("type-on-block", test_board_type_on_block);
  ADD ("recolor", test_board_recolor);
  ADD ("delete-selection", test_board_delete_selection);
  ADD ("duplicate-and-menu", test_board_duplicate_and_menu);
  ADD ("note-keys", test_board_note_keys);
  ADD ("keyboard-move", test_board_keyboard_move);
  ADD ("keyboard-move-then-arrows", test_board_keyboard_move_then_arrows);
  ADD ("keyboard-move-free-place", test_board_keyboard_move_free_place);
  ADD ("keyboard-move-full-block", test_board_keyboard_move_full_block);
  ADD ("tab-order", test_board_tab_order);
  ADD ("arrows", test_board_arrows);
  ADD ("drop", test_board_drop);
  ADD ("select", test_board_select);
  ADD ("tidy", test_board_tidy);
  ADD ("zoom", test_board_zoom);
  ADD ("zoom-at", test_board_zoom_at);
  ADD ("clipboard", test_board_clipboard);
  ADD ("screenshot-wide", test_board_screenshot_wide);
  ADD ("note-paper", test_board_note_paper);
  ADD ("crowded", test_board_crowded);
  ADD ("crowded-changes-show", test_board_crowded_changes_show);
  ADD ("drop-group-keeps-shape", test_board_drop_group_keeps_shape);
  ADD ("drag-icon", test_board_drag_icon);
  ADD ("focused-note-over-others", test_board_focused_note_over_others);
  ADD ("crowded-hidden", test_board_crowded_hidden);
  g_test_add_func ("/venture/board/sketched-first-frame", test_board_sketched_first_frame);
  g_test_add_func ("/venture/board/sketched-then-changed", test_board_sketched_then_changed);
  g_test_add_func ("/venture/board/sketched-then-selected", test_board_sketched_then_selected);
  g_test_add_func ("/venture/board/sketch-follows-segments", test_board_sketch_follows_segments);
  ADD ("crowded-paints", test_board_crowded_paints);
  ADD ("crowded-comes-and-goes", test_board_crowded_comes_and_goes);
#undef ADD
  {
    static const double zoom = 1.3;

    g_test_add ("/venture/board/crowded-comes-and-goes-zoomed", Fixture, &zoom,
                fixture_setup, test_board_crowded_comes_and_goes, fixture_teardown);
  }
  g_test_add_func ("/venture/board/notes-fit-blocks", test_board_notes_fit_blocks);
  g_test_add_func ("/venture/board/screenshot-narrow", test_board_screenshot_narrow);
  g_test_add_func ("/venture/board/screenshot-dark", test_board_screenshot_dark);
  g_test_add_func ("/venture/board/shortcuts-window", test_board_shortcuts_window);

  return g_test_run ();
}
