/* test-relationships.c: tagging notes, chips, segment markers, the mix
 * panel and its highlight, and examples, through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "venture-board.h"
#include "venture-examples.h"
#include "venture-history.h"
#include "venture-mix-panel.h"
#include "venture-note-widget.h"
#include "venture-segment-marker.h"
#include "venture-segments.h"
#include "venture-tag-popover.h"
#include "venture-taxonomy.h"
#include "venture-window.h"
#include "venture-test-ui.h"

/* The panel and the markers follow the canvas from an idle handler:
 * iterate until @cond holds, failing after a bounded time (a loaded
 * machine may need more than one frame). */
#define WAIT_FOR(cond) G_STMT_START {                                   \
    gint64 wait_end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;   \
    while (!(cond) && g_get_monotonic_time () < wait_end_)              \
      g_main_context_iteration (NULL, FALSE);                           \
    g_assert_true (cond);                                               \
  } G_STMT_END

typedef struct {
  VentureWindow   *window;
  VentureBoard    *board;
  VentureCanvas   *canvas;
  VentureHistory  *history;
  VentureMixPanel *panel;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VentureCanvas) example = venture_examples_load ("bike-repair", NULL);
  g_autoptr(VentureDocument) document = venture_document_new_from_canvas (example, TRUE);

  fixture->window = venture_window_new (VENTURE_APPLICATION (venture_test_get_application ()), document);
  fixture->board = VENTURE_BOARD (venture_window_get_board (fixture->window));
  fixture->canvas = g_object_ref (venture_document_get_canvas (document));
  fixture->history = g_object_ref (venture_document_get_history (document));
  fixture->panel = VENTURE_MIX_PANEL (venture_window_get_mix_panel (fixture->window));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  venture_test_close_window (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->history);
  g_assert_finalize_object (fixture->canvas);
}

static VentureNoteWidget *
widget_for (Fixture    *fixture,
            const char *id)
{
  VentureNote *note = venture_canvas_lookup_note (fixture->canvas, id);
  GtkWidget *widget;

  g_assert_nonnull (note);
  widget = venture_board_get_note_widget (fixture->board, note);
  g_assert_nonnull (widget);

  return VENTURE_NOTE_WIDGET (widget);
}

static VentureTagPopover *
open_popover (Fixture    *fixture,
              const char *id)
{
  VentureNoteWidget *widget = widget_for (fixture, id);
  GtkPopover *popover;

  /* The way the context menu's "Tags…" and Ctrl+T do it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "note.tags", NULL));
  popover = venture_note_widget_get_tag_popover (widget);
  g_assert_nonnull (popover);
  venture_test_wait_for_frame (GTK_WIDGET (popover));

  return VENTURE_TAG_POPOVER (popover);
}

static void
close_popover (VentureTagPopover *popover)
{
  gtk_popover_popdown (GTK_POPOVER (popover));
  venture_test_iterate (50);
}

static void
choose (VentureTagPopover *popover,
        VentureTagKind     kind,
        const char        *id)
{
  GtkCheckButton *option = venture_tag_popover_get_option (popover, kind, id);

  g_assert_nonnull (option);
  gtk_check_button_set_active (option, TRUE);
}

static void
test_popover_tags (Fixture       *fixture,
                   gconstpointer  data)
{
  VentureNote *note = venture_canvas_lookup_note (fixture->canvas, "br-10");
  VentureTagPopover *popover;
  g_autofree char *png = NULL;

  /* Customer Relationships open on the type, Channels on the strategy. */
  popover = open_popover (fixture, "br-10");
  g_assert_cmpstr (venture_tag_popover_get_page (popover), ==, "type");
  g_assert_true (gtk_check_button_get_active (venture_tag_popover_get_option (popover, VENTURE_TAG_RELATIONSHIP,
                                                                              "dedicated-assistance")));
  png = venture_test_save_screenshot (GTK_WIDGET (popover), "relationships-popover");

  choose (popover, VENTURE_TAG_RELATIONSHIP, "self-service");
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "self-service");
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Tag Note");

  choose (popover, VENTURE_TAG_STAGE, "retention");
  g_assert_cmpstr (venture_note_get_stage (note), ==, "retention");
  choose (popover, VENTURE_TAG_STRATEGY, "seo");
  g_assert_cmpstr (venture_note_get_strategy (note), ==, "seo");
  choose (popover, VENTURE_TAG_STRATEGY, NULL);
  g_assert_null (venture_note_get_strategy (note));
  g_assert_cmpuint (venture_history_get_n_undo (fixture->history), ==, 4);

  /* Undo: the model and the popover's options go back, step by step. */
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpstr (venture_note_get_strategy (note), ==, "seo");
  g_assert_true (gtk_check_button_get_active (venture_tag_popover_get_option (popover, VENTURE_TAG_STRATEGY, "seo")));
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpstr (venture_note_get_stage (note), ==, "acquisition");
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "dedicated-assistance");
  g_assert_true (gtk_check_button_get_active (venture_tag_popover_get_option (popover, VENTURE_TAG_RELATIONSHIP,
                                                                              "dedicated-assistance")));
  g_assert_false (gtk_check_button_get_active (venture_tag_popover_get_option (popover, VENTURE_TAG_RELATIONSHIP,
                                                                               "self-service")));

  /* Segments: a tick links, another unticks; each one step. */
  g_assert_true (venture_segments_note_serves (note, "br-01"));
  g_assert_false (venture_segments_note_serves (note, "br-02"));
  gtk_check_button_set_active (venture_tag_popover_get_segment_option (popover, "br-02"), TRUE);
  g_assert_true (venture_segments_note_serves (note, "br-02"));
  gtk_check_button_set_active (venture_tag_popover_get_segment_option (popover, "br-01"), FALSE);
  g_assert_false (venture_segments_note_serves (note, "br-01"));
  g_assert_cmpstr (venture_history_get_undo_label (fixture->history), ==, "Link Segments");
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_true (venture_segments_note_serves (note, "br-01"));
  g_assert_true (gtk_check_button_get_active (venture_tag_popover_get_segment_option (popover, "br-01")));
  g_assert_true (venture_history_undo (fixture->history));
  g_assert_false (venture_segments_note_serves (note, "br-02"));
  close_popover (popover);

  popover = open_popover (fixture, "br-06");
  g_assert_cmpstr (venture_tag_popover_get_page (popover), ==, "strategy");
  g_free (png);
  png = venture_test_save_screenshot (GTK_WIDGET (popover), "relationships-popover-strategy");
  g_assert_true (gtk_check_button_get_active (venture_tag_popover_get_option (popover, VENTURE_TAG_STRATEGY,
                                                                              "advertising")));
  close_popover (popover);

  /* Any note can be tagged; one outside the four blocks serves no segment. */
  popover = open_popover (fixture, "br-19");
  choose (popover, VENTURE_TAG_RELATIONSHIP, "co-creation");
  g_assert_cmpstr (venture_note_get_relationship (venture_canvas_lookup_note (fixture->canvas, "br-19")),
                   ==, "co-creation");
  g_assert_null (venture_tag_popover_get_segment_option (popover, "br-01"));
  close_popover (popover);
}

static const char *
chip_text (GtkWidget *chip)
{
  GtkWidget *label = gtk_widget_get_last_child (chip);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Every tag id gets a chip with its icon and short label, its full label
 * in the tooltip; an id from a newer version shows as "unknown". */
static void
test_chips (Fixture       *fixture,
            gconstpointer  data)
{
  VentureNote *note = venture_canvas_lookup_note (fixture->canvas, "br-19");
  VentureNoteWidget *widget = widget_for (fixture, "br-19");
  g_autofree char *png = NULL;

  g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, 0);

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const VentureTag *tags;
      guint n;

      tags = venture_taxonomy_get_tags (kind, &n);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *chip, *image;
          const char *tooltip;

          venture_canvas_set_note_tag (fixture->canvas, note, kind, tags[i].id);
          venture_test_wait_for_frame (GTK_WIDGET (widget));
          chip = venture_note_widget_get_chip (widget, venture_note_widget_get_n_chips (widget) - 1);
          g_assert_cmpstr (chip_text (chip), ==, venture_tag_get_short_label (&tags[i]));
          tooltip = gtk_widget_get_tooltip_text (chip);
          g_assert_nonnull (strstr (tooltip, tags[i].label));
          image = gtk_widget_get_first_child (chip);
          g_assert_true (GTK_IS_IMAGE (image));
          g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, tags[i].icon_name);
          /* The icon is ours, shipped in the resource, not a missing one. */
          g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (chip)),
                                                  tags[i].icon_name));
          g_assert_true (gtk_widget_get_mapped (chip));
          g_assert_cmpint (gtk_widget_get_width (chip), >, 16);
        }
      g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, kind + 1);
    }

  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STAGE, "hibernation");
  venture_test_wait_for_frame (GTK_WIDGET (widget));
  g_assert_cmpstr (venture_note_get_stage (note), ==, "hibernation");
  g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, 3);
  g_assert_cmpstr (chip_text (venture_note_widget_get_chip (widget, 1)), ==, "unknown");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (venture_note_widget_get_chip (widget, 1)), "hibernation"));

  png = venture_test_save_screenshot (GTK_WIDGET (widget), "relationships-chips");

  /* A click on a chip opens the popover that changes it, once. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (venture_note_widget_get_chip (widget, 0));
    g_autoptr(GtkEventController) click = g_list_model_get_item (controllers, 0);
    GtkPopover *popover;

    g_assert_true (GTK_IS_GESTURE_CLICK (click));
    g_assert_null (venture_note_widget_get_tag_popover (widget));
    g_signal_emit_by_name (click, "released", 1, 4.0, 4.0);
    popover = venture_note_widget_get_tag_popover (widget);
    g_assert_nonnull (popover);
    g_signal_emit_by_name (click, "released", 1, 4.0, 4.0);
    g_assert_true (venture_note_widget_get_tag_popover (widget) == popover);
    close_popover (VENTURE_TAG_POPOVER (popover));
  }

  /* Segment markers: on the segment itself and on every note serving it. */
  widget = widget_for (fixture, "br-15");
  g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, 3);
  g_assert_cmpstr (venture_segment_marker_get_text (VENTURE_SEGMENT_MARKER (venture_note_widget_get_chip (widget, 2))), ==, "W");
  g_assert_true (gtk_widget_has_css_class (venture_note_widget_get_chip (widget, 2), "segment-1"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (venture_note_widget_get_chip (widget, 2)), ==,
                   "Segment: Weekend and leisure cyclists");
  g_assert_true (gtk_widget_get_mapped (venture_note_widget_get_chip (widget, 2)));
  /* a disc at least as large as the stylesheet's, around its initial */
  g_assert_cmpint (gtk_widget_get_width (venture_note_widget_get_chip (widget, 2)), >=, 16);
  g_assert_cmpint (gtk_widget_get_height (venture_note_widget_get_chip (widget, 2)), >=, 16);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (venture_note_widget_get_chip (widget, 2))), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  widget = widget_for (fixture, "br-01");
  g_assert_cmpuint (venture_note_widget_get_n_chips (widget), ==, 1);
  g_assert_cmpstr (venture_segment_marker_get_text (VENTURE_SEGMENT_MARKER (venture_note_widget_get_chip (widget, 0))), ==, "C");
  g_assert_true (gtk_widget_has_css_class (venture_note_widget_get_chip (widget, 0), "segment-0"));

  /* Renaming a segment renames its markers everywhere. */
  venture_canvas_set_note_text (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "br-02"),
                                "Students");
  widget = widget_for (fixture, "br-15");
  WAIT_FOR (g_strcmp0 (venture_segment_marker_get_text (VENTURE_SEGMENT_MARKER (venture_note_widget_get_chip (widget, 2))), "S") == 0);
}

static guint
count_class (Fixture    *fixture,
             const char *css_class)
{
  guint n = 0;

  for (guint i = 0; i < venture_canvas_get_n_notes (fixture->canvas); i++)
    {
      GtkWidget *widget = venture_board_get_note_widget (fixture->board,
                                                         venture_canvas_get_note (fixture->canvas, i));

      n += gtk_widget_has_css_class (widget, css_class);
    }

  return n;
}

static void
assert_highlight (Fixture                *fixture,
                  const VentureMixFilter *filter)
{
  guint n = venture_canvas_get_n_notes (fixture->canvas);

  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (fixture->canvas, i);
      GtkWidget *widget = venture_board_get_note_widget (fixture->board, note);
      gboolean match = venture_mix_note_matches (note, filter);

      g_assert_cmpint (gtk_widget_has_css_class (widget, "highlighted"), ==, match);
      g_assert_cmpint (gtk_widget_has_css_class (widget, "dimmed"), ==, !match);
    }
}

static gboolean
press_escape (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "venture-highlight-keys") != 0)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
      return handled;
    }

  g_assert_not_reached ();
}

static gboolean
panel_shown (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) >= 360;
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  VentureMixFilter cell = { .relationship = "dedicated-assistance", .stage = "acquisition" };
  VentureMixFilter strategy = { .strategy = "advertising" };
  GtkButton *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-mix", NULL));
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
  /* "Transactional" and the rest show whole where the window has room,
   * once the panel has slid in. */
  venture_test_wait_until (panel_shown, fixture->panel);
  g_assert_cmpuint (venture_test_assert_mix_headers_whole (GTK_WIDGET (fixture->panel)), ==, 9 + 3);

  /* The dedicated-assistance x acquisition cell: exactly br-09, br-10. */
  button = venture_mix_panel_get_cell (fixture->panel, 4, 0);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "2");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (venture_mix_panel_has_highlight (fixture->panel));
  assert_highlight (fixture, &cell);
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 2);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget_for (fixture, "br-09")), "highlighted"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget_for (fixture, "br-10")), "highlighted"));

  /* A note retagged into the cell joins the highlight. */
  venture_canvas_set_note_tag (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "br-11"),
                               VENTURE_TAG_STAGE, "acquisition");
  WAIT_FOR (count_class (fixture, "highlighted") == 3);
  assert_highlight (fixture, &cell);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "3");

  venture_mix_panel_set_highlight (fixture->panel, &strategy);
  assert_highlight (fixture, &strategy);
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 2);

  /* Escape clears every mark (the window's key handler, as GTK would
   * call it; tests cannot synthesise key events in GTK 4). */
  g_assert_true (press_escape (fixture));
  g_assert_false (venture_mix_panel_has_highlight (fixture->panel));
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 0);
  g_assert_cmpuint (count_class (fixture, "dimmed"), ==, 0);
  /* With nothing highlighted, Escape goes on to the board. */
  g_assert_false (press_escape (fixture));

  /* So does the window's action. */
  venture_mix_panel_set_highlight (fixture->panel, &strategy);
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.clear-highlight", NULL));
  g_assert_false (venture_mix_panel_has_highlight (fixture->panel));
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 0);
  g_assert_cmpuint (count_class (fixture, "dimmed"), ==, 0);

  /* Clicking the chosen cell again clears too. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 3);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (count_class (fixture, "highlighted"), ==, 0);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
test_panel_live (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *hints = venture_mix_panel_get_hints_box (fixture->panel);
  VentureNote *note;
  GtkWidget *dismiss;

  /* The cards are made when the panel first shows, not with the window. */
  g_assert_cmpuint (n_children (hints), ==, 0);
  venture_window_set_mix_visible (fixture->window, TRUE);
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));

  /* Outbound only: one hint. An inbound channel answers it. */
  g_assert_cmpuint (n_children (hints), ==, 1);
  note = venture_canvas_lookup_note (fixture->canvas, "br-05");
  venture_canvas_set_note_tag (fixture->canvas, note, VENTURE_TAG_STRATEGY, "social-media");
  WAIT_FOR (n_children (hints) == 0);
  g_assert_true (venture_history_undo (fixture->history));
  WAIT_FOR (n_children (hints) == 1);

  /* Dismissed, it goes. */
  dismiss = gtk_widget_get_last_child (gtk_widget_get_first_child (hints));
  g_assert_true (GTK_IS_BUTTON (dismiss));
  g_signal_emit_by_name (dismiss, "clicked");
  WAIT_FOR (n_children (hints) == 0);

  /* A new, unserved segment asks who serves it. */
  {
    g_autoptr(VentureNote) segment = venture_note_new ("br-new", "customer-segments");

    venture_note_set_text (segment, "Bike messengers");
    venture_canvas_append_note (fixture->canvas, segment);
  }
  WAIT_FOR (n_children (hints) == 1);

  /* Another one adds its card; the first stays as it is. */
  {
    GtkWidget *card = gtk_widget_get_first_child (hints);
    g_autoptr(VentureNote) segment = venture_note_new ("br-new-2", "customer-segments");

    venture_note_set_text (segment, "Tourists");
    venture_canvas_append_note (fixture->canvas, segment);
    WAIT_FOR (n_children (hints) == 2);
    g_assert_true (gtk_widget_get_first_child (hints) == card);
    venture_canvas_remove_note (fixture->canvas, segment);
    WAIT_FOR (n_children (hints) == 1);
    g_assert_true (gtk_widget_get_first_child (hints) == card);
  }

  /* The panel's counts follow a segment. */
  venture_mix_set_segment (venture_mix_panel_get_mix (fixture->panel), "br-02");
  WAIT_FOR (g_strcmp0 (gtk_button_get_label (venture_mix_panel_get_cell (fixture->panel, 4, 0)), "1") == 0);
  g_assert_cmpstr (gtk_button_get_label (venture_mix_panel_get_cell (fixture->panel, 4, 1)), ==, "·");

  /* The list of segments follows the canvas in stacking order, and
   * keeps the one chosen. */
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                                          VENTURE_TYPE_MIX_PANEL,
                                                                          "segment_dropdown"));
    GListModel *names = gtk_drop_down_get_model (dropdown);
    g_autoptr(VentureNote) anglers = venture_note_new ("br-anglers", "customer-segments");
    const char *expected[] = { "Whole canvas", NULL, NULL, "B · Bike messengers" };

    expected[1] = gtk_string_list_get_string (GTK_STRING_LIST (names), 1);
    expected[2] = gtk_string_list_get_string (GTK_STRING_LIST (names), 2);
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==, expected[3]);
    gtk_drop_down_set_selected (dropdown, 2);
    g_assert_cmpstr (venture_mix_get_segment (venture_mix_panel_get_mix (fixture->panel)), ==, "br-02");

    venture_note_set_text (anglers, "anglers");
    venture_canvas_insert_note (fixture->canvas, anglers, 0);
    WAIT_FOR (g_list_model_get_n_items (names) == 5);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "A · anglers");
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);

    venture_canvas_set_note_text (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "br-new"),
                                  "Couriers");
    WAIT_FOR (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), 4), "C · Couriers") == 0);

    venture_canvas_remove_note (fixture->canvas, anglers);
    WAIT_FOR (g_list_model_get_n_items (names) == 4);
    expected[3] = "C · Couriers";
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), ==, expected[i]);
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
    g_assert_cmpstr (venture_mix_get_segment (venture_mix_panel_get_mix (fixture->panel)), ==, "br-02");
  }

  /* F9 again hides the panel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-mix", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (fixture->panel)))));
}

/* The list of segments waits for the panel to be shown; then it is the
 * canvas's as it is, with the segment counted chosen, whatever changed
 * while the panel was hidden. */
static void
test_panel_shown_after_changes (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                                        VENTURE_TYPE_MIX_PANEL,
                                                                        "segment_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);
  VentureMix *mix = venture_mix_panel_get_mix (fixture->panel);
  g_autoptr(VentureNote) anglers = venture_note_new ("br-anglers", "customer-segments");
  g_autoptr(VentureNote) tourists = venture_note_new ("br-tourists", "customer-segments");
  g_autoptr(VentureNote) couriers = venture_note_new ("br-couriers", "customer-segments");
  const char *expected[] = {
    "Whole canvas", "A · anglers", "D · Daily commuters", "W · Weekend and leisure cyclists", "C · Couriers"
  };

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);

  /* The segment counted goes while the panel is hidden: so does the
   * choice. */
  venture_note_set_text (tourists, "Tourists");
  venture_canvas_append_note (fixture->canvas, tourists);
  venture_mix_set_segment (mix, "br-tourists");
  venture_canvas_remove_note (fixture->canvas, tourists);
  WAIT_FOR (venture_mix_get_segment (mix) == NULL);

  /* Segments come before and after the one counted, one is renamed. */
  venture_mix_set_segment (mix, "br-02");
  venture_note_set_text (anglers, "anglers");
  venture_canvas_insert_note (fixture->canvas, anglers, 0);
  venture_note_set_text (couriers, "Couriers");
  venture_canvas_append_note (fixture->canvas, couriers);
  venture_canvas_set_note_text (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "br-01"),
                                "Daily commuters");
  /* and the counts change: br-11 (dedicated assistance) comes into
   * acquisition */
  venture_mix_set_segment (mix, NULL);
  venture_canvas_set_note_tag (fixture->canvas, venture_canvas_lookup_note (fixture->canvas, "br-11"),
                               VENTURE_TAG_STAGE, "acquisition");
  venture_mix_set_segment (mix, "br-02");
  venture_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  g_assert_cmpstr (venture_mix_get_segment (mix), ==, "br-02");

  venture_window_set_mix_visible (fixture->window, TRUE);
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (venture_mix_get_count (mix, 4, 0), ==, 1);
  g_assert_cmpstr (gtk_button_get_label (venture_mix_panel_get_cell (fixture->panel, 4, 0)), ==, "1");
  venture_mix_set_segment (mix, NULL);
  WAIT_FOR (g_strcmp0 (gtk_button_get_label (venture_mix_panel_get_cell (fixture->panel, 4, 0)), "3") == 0);
  venture_mix_set_segment (mix, "br-02");
  WAIT_FOR (g_strcmp0 (gtk_button_get_label (venture_mix_panel_get_cell (fixture->panel, 4, 0)), "1") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), ==, expected[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
  g_assert_cmpstr (venture_mix_get_segment (mix), ==, "br-02");

  /* Shown, it follows the canvas at once, and choosing from it counts
   * that segment. */
  venture_canvas_remove_note (fixture->canvas, anglers);
  WAIT_FOR (g_list_model_get_n_items (names) == G_N_ELEMENTS (expected) - 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_cmpstr (venture_mix_get_segment (mix), ==, "br-couriers");
}

/* The marker @widget shows for @segment_id: its colour class and
 * initial, as "segment-N X"; NULL when it shows none. */
static char *
marker_of (VentureNoteWidget *widget,
           const char        *segment_id)
{
  for (guint i = 0; i < venture_note_widget_get_n_chips (widget); i++)
    {
      GtkWidget *chip = venture_note_widget_get_chip (widget, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (chip), "venture-segment-id"), segment_id) == 0)
        {
          for (guint n = 0; n < VENTURE_SEGMENTS_N_COLORS; n++)
            {
              g_autofree char *color_class = g_strdup_printf ("segment-%u", n);

              if (gtk_widget_has_css_class (chip, color_class))
                return g_strdup_printf ("%s %s", color_class,
                                        venture_segment_marker_get_text (VENTURE_SEGMENT_MARKER (chip)));
            }
          g_assert_not_reached ();
        }
    }

  return NULL;
}

static gboolean
shows_marker (VentureNoteWidget *widget,
              const char        *segment_id,
              const char        *expected)
{
  g_autofree char *marker = marker_of (widget, segment_id);

  return g_strcmp0 (marker, expected) == 0;
}

/* Markers follow the segments as they restack, are renamed, come and go,
 * on the notes that serve them and on the segment notes themselves, time
 * after time. */
static void
test_markers_follow (Fixture       *fixture,
                     gconstpointer  data)
{
  VentureNote *commuters = venture_canvas_lookup_note (fixture->canvas, "br-01");
  VentureNote *weekend = venture_canvas_lookup_note (fixture->canvas, "br-02");
  VentureNoteWidget *serving = NULL;
  g_autofree char *commuters_marker = NULL;
  g_autofree char *weekend_marker = NULL;

  /* a note that serves both */
  for (guint i = 0; i < venture_canvas_get_n_notes (fixture->canvas) && serving == NULL; i++)
    {
      VentureNote *note = venture_canvas_get_note (fixture->canvas, i);

      if (venture_segments_note_serves (note, "br-01") && venture_segments_note_serves (note, "br-02"))
        serving = VENTURE_NOTE_WIDGET (venture_board_get_note_widget (fixture->board, note));
    }
  g_assert_nonnull (serving);
  commuters_marker = marker_of (serving, "br-01");
  weekend_marker = marker_of (serving, "br-02");
  g_assert_true (g_str_has_prefix (commuters_marker, "segment-0 "));
  g_assert_true (g_str_has_prefix (weekend_marker, "segment-1 "));
  g_assert_true (shows_marker (widget_for (fixture, "br-01"), "br-01", commuters_marker));

  /* twice: the second time, only what changed is asked again */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *swapped_commuters = g_strdup_printf ("segment-1 %s", commuters_marker + strlen ("segment-0 "));
      g_autofree char *swapped_weekend = g_strdup_printf ("segment-0 %s", weekend_marker + strlen ("segment-1 "));
      guint position;

      /* weekend below commuters: their colours swap */
      g_assert_true (venture_canvas_find_note (fixture->canvas, commuters, &position));
      venture_canvas_restack_note (fixture->canvas, weekend, position);
      WAIT_FOR (shows_marker (serving, "br-01", swapped_commuters) &&
                shows_marker (serving, "br-02", swapped_weekend));
      g_assert_true (shows_marker (widget_for (fixture, "br-02"), "br-02", swapped_weekend));

      g_assert_true (venture_canvas_find_note (fixture->canvas, commuters, &position));
      venture_canvas_restack_note (fixture->canvas, weekend, position);
      WAIT_FOR (shows_marker (serving, "br-01", commuters_marker) &&
                shows_marker (serving, "br-02", weekend_marker));
      g_assert_true (shows_marker (widget_for (fixture, "br-01"), "br-01", commuters_marker));
    }

  /* renamed */
  venture_canvas_set_note_text (fixture->canvas, commuters, "Zealous commuters");
  WAIT_FOR (shows_marker (serving, "br-01", "segment-0 Z"));
  g_assert_true (shows_marker (widget_for (fixture, "br-01"), "br-01", "segment-0 Z"));
  g_assert_true (shows_marker (serving, "br-02", weekend_marker));

  /* a segment at the bottom of the stack shifts the others' colours */
  {
    g_autoptr(VentureNote) anglers = venture_note_new ("br-anglers", "customer-segments");
    g_autofree char *shifted_weekend = g_strdup_printf ("segment-2 %s", weekend_marker + strlen ("segment-1 "));

    venture_note_set_text (anglers, "Anglers");
    venture_canvas_insert_note (fixture->canvas, anglers, 0);
    WAIT_FOR (shows_marker (serving, "br-01", "segment-1 Z") &&
              shows_marker (serving, "br-02", shifted_weekend));
    g_assert_true (shows_marker (widget_for (fixture, "br-anglers"), "br-anglers", "segment-0 A"));

    venture_canvas_remove_note (fixture->canvas, anglers);
    WAIT_FOR (shows_marker (serving, "br-01", "segment-0 Z") &&
              shows_marker (serving, "br-02", weekend_marker));
  }
}

static void
test_delete_segment (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VentureCanvas) before = venture_canvas_copy (fixture->canvas);
  VentureNoteWidget *widget = widget_for (fixture, "br-02");
  guint n_undo = venture_history_get_n_undo (fixture->history);

  venture_board_select_note (fixture->board, venture_canvas_lookup_note (fixture->canvas, "br-02"), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "note.delete", NULL));
  venture_test_iterate (50);

  g_assert_null (venture_canvas_lookup_note (fixture->canvas, "br-02"));
  for (guint i = 0; i < venture_canvas_get_n_notes (fixture->canvas); i++)
    g_assert_false (venture_segments_note_serves (venture_canvas_get_note (fixture->canvas, i), "br-02"));
  /* Markers of the deleted segment are gone from the notes. */
  g_assert_cmpuint (venture_note_widget_get_n_chips (widget_for (fixture, "br-15")), ==, 2);
  g_assert_cmpuint (venture_history_get_n_undo (fixture->history), ==, n_undo + 1);

  g_assert_true (venture_history_undo (fixture->history));
  venture_test_iterate (50);
  g_assert_true (venture_canvas_equal (fixture->canvas, before));
  g_assert_cmpuint (venture_note_widget_get_n_chips (widget_for (fixture, "br-15")), ==, 3);
}

static VentureWindow *
find_other_window (VentureWindow *known)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (venture_test_get_application ()));

  for (GList *l = windows; l != NULL; l = l->next)
    if (VENTURE_IS_WINDOW (l->data) && l->data != known)
      return l->data;

  return NULL;
}

static void
test_new_from_example (Fixture       *fixture,
                       gconstpointer  data)
{
  VentureWindow *window;
  VentureDocument *document;
  VentureCanvas *canvas;

  g_action_group_activate_action (G_ACTION_GROUP (venture_test_get_application ()),
                                  "new-from-example", g_variant_new_string ("productivity-service"));
  window = find_other_window (fixture->window);
  g_assert_nonnull (window);
  venture_test_wait_for_frame (GTK_WIDGET (window));

  document = venture_window_get_document (window);
  canvas = venture_document_get_canvas (document);
  /* A new copy: no file, unsaved, nothing to undo. */
  g_assert_null (venture_document_get_file (document));
  g_assert_true (venture_document_get_modified (document));
  g_assert_false (venture_history_get_can_undo (venture_document_get_history (document)));
  g_assert_cmpstr (venture_canvas_get_title (canvas), ==, "Productivity web service");
  g_assert_cmpuint (venture_canvas_get_n_notes (canvas), >=, 15);
  g_assert_cmpstr (venture_note_get_relationship (venture_canvas_lookup_note (canvas, "ps-09")), ==, "self-service");

  /* Changing it leaves the example as shipped. */
  venture_canvas_set_note_text (canvas, venture_canvas_lookup_note (canvas, "ps-09"), "Changed");
  {
    g_autoptr(VentureCanvas) again = venture_examples_load ("productivity-service", NULL);

    g_assert_cmpstr (venture_note_get_text (venture_canvas_lookup_note (again, "ps-09")), ==,
                     "A clear user guide for every feature");
  }

  venture_test_close_window (GTK_WINDOW (window));
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *png = NULL;

  venture_window_set_mix_visible (fixture->window, TRUE);
  venture_test_iterate (400);
  venture_test_wait_for_frame (GTK_WIDGET (fixture->window));
  png = venture_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_screenshot_light (Fixture       *fixture,
                       gconstpointer  data)
{
  screenshot (fixture, "relationships-bike-repair-light");
}

static void
test_screenshot_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture fixture = { 0 };

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  fixture_setup (&fixture, NULL);
  screenshot (&fixture, "relationships-bike-repair-dark");
  fixture_teardown (&fixture, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  venture_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/venture/relationships/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("popover-tags", test_popover_tags);
  ADD ("chips", test_chips);
  ADD ("highlight", test_highlight);
  ADD ("panel-live", test_panel_live);
  ADD ("panel-shown-after-changes", test_panel_shown_after_changes);
  ADD ("delete-segment", test_delete_segment);
  ADD ("markers-follow", test_markers_follow);
  ADD ("new-from-example", test_new_from_example);
  ADD ("screenshot-light", test_screenshot_light);
#undef ADD
  g_test_add_func ("/venture/relationships/screenshot-dark", test_screenshot_dark);

  return g_test_run ();
}
