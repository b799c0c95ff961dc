/* venture-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the board stays fast with thousands of notes:
 *
 * - One light widget per note (VentureNoteWidget): no children, it draws
 *   its PangoLayout itself and shares its block's Pango context; the
 *   pointer gestures and the drag source are the block's, one set per
 *   block. A note is still a widget because on GTK 4.8 only widgets can
 *   be accessible objects and take the keyboard focus.
 * - One shared GtkTextView, lent to the note being edited and laid over
 *   it by its block; 10,000 notes do not carry 10,000 editors.
 * - A note that moves only queues an allocation of its own block; GTK
 *   keeps every other allocation and render node.
 * - Drawing: cairo draws every node of the window on every frame, even
 *   outside the region that changed, so a crowded block draws its
 *   resting notes from one image made once, and only the notes that are
 *   moving or changing are drawn live on top (venture-block-view.c).
 * - Shadows are crisp offsets, not blurs: a blur costs more than the
 *   rest of a note together in cairo.
 */
#define G_LOG_DOMAIN "venture-board"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "venture-block-view.h"
#include "venture-board-private.h"
#include "venture-note-widget.h"
#include "venture-segments.h"
#include "venture-taxonomy.h"

#include "venture-board.h"

/* Below this width the classic five-column poster cannot hold readable
 * notes, so the blocks reflow into one column, in the template's order. */
#define WIDE_MIN_WIDTH      720
#define NARROW_BLOCK_HEIGHT 220
#define MIN_ROW_HEIGHT      160
#define SPACING             6
/* The unsorted tray takes this many template columns beside the canvas. */
#define TRAY_COLUMNS        2
#define ZOOM_STEP           1.25
#define NUDGE_STEP          8
#define FREE_SPOT_STEP      12
#define TIDY_GAP            8

struct _VentureBoard
{
  GtkWidget         parent_instance;

  VentureTemplate  *template;
  GPtrArray        *block_views;   /* VentureBlockView, in template order */
  GtkWidget        *tray;
  VentureBlockInfo  tray_info;

  VentureCanvas    *canvas;
  VentureHistory   *history;
  GPtrArray        *note_widgets;  /* parallel to the canvas, stacking order */
  GHashTable       *widget_for_note;
  GHashTable       *selection;     /* VentureNoteWidget set */
  GHashTable       *recycled;      /* VentureNote -> widget, removed just now */
  guint             recycle_id;
  /* A big canvas opens with its crowded blocks sketched (see
   * sketch_blocks), the other notes' widgets in note_widgets. */
  gboolean          sketching;
  gboolean          making_widgets;
  gboolean          changed_while_sketching;
  guint             sketch_idle_id;

  GtkWidget        *editor;        /* one GtkTextView, lent to the edited note */
  VentureNoteWidget *editing;
  guint             detach_editor_id;

  double            zoom;
  double            zoom_gesture_start;
  /* A zoom at the pointer: the canvas point (unzoomed) to keep at a
   * place of the scrolled view, once the board has its new size. */
  guint             anchored;     /* frames left to try it in */
  guint             anchor_tick_id;
  graphene_point_t  anchor;
  graphene_point_t  anchor_in_view;
  gboolean          read_only;
  int               fit_width;
  int               fit_height;
  /* Below the width at which every block holds a whole note, the wide
   * layout is laid out at that width and shrunk to fit: notes are never
   * cut at a block's edge. 1.0 when the board is wide enough. */
  double            shrink;
};

G_DEFINE_FINAL_TYPE (VentureBoard, venture_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_CANVAS,
  PROP_HISTORY,
  PROP_ZOOM,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The note being dragged, process-wide so that a drop in another window
 * knows where the pointer held the note. */
static VentureNote *drag_note;
static double drag_hot_x;
static double drag_hot_y;

static void venture_board_start_editing (VentureBoard *self, VentureNoteWidget *widget);
static void on_canvas_changed_while_sketching (VentureBoard *self);
static void schedule_widgets (VentureBoard *self);

static gboolean
is_wide (int width)
{
  return width >= WIDE_MIN_WIDTH;
}

VentureBoard *
_venture_board_from_widget (GtkWidget *widget)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, VENTURE_TYPE_BOARD);

  return ancestor != NULL ? VENTURE_BOARD (ancestor) : NULL;
}

VentureCanvas *
_venture_board_get_canvas (VentureBoard *self)
{
  return self->canvas;
}

/* Whether the canvas may change through the board now. Every operation
 * that changes it asks, besides the actions being disabled, since a
 * gesture, a drop or a key reaches the operations without an action. */
static gboolean
can_edit (VentureBoard *self)
{
  return self->canvas != NULL && !self->read_only;
}

gboolean
_venture_board_can_edit (VentureBoard *self)
{
  return can_edit (self);
}

static void
begin_group (VentureBoard *self,
             const char   *label)
{
  if (self->history != NULL)
    venture_history_begin_group (self->history, label);
}

static void
begin_group_take (VentureBoard *self,
                  char         *label)
{
  begin_group (self, label);
  g_free (label);
}

static void
end_group (VentureBoard *self)
{
  if (self->history != NULL)
    venture_history_end_group (self->history);
}

/* Layout */

static guint
n_views (VentureBoard *self)
{
  return self->block_views->len + (self->tray != NULL ? 1 : 0);
}

static GtkWidget *
view_at (VentureBoard *self,
         guint         i)
{
  return i < self->block_views->len ? g_ptr_array_index (self->block_views, i) : self->tray;
}

static int
logical_height_for_width (VentureBoard *self,
                          int           width,
                          gboolean      natural)
{
  guint rows = self->template ? venture_template_get_rows (self->template) : 1;

  if (!is_wide (width))
    return n_views (self) * (NARROW_BLOCK_HEIGHT + SPACING);

  return rows * ((natural ? MIN_ROW_HEIGHT * 2 : MIN_ROW_HEIGHT) + SPACING);
}

static void
venture_board_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  VentureBoard *self = VENTURE_BOARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int child_min = 0;

      for (guint i = 0; i < n_views (self); i++)
        {
          int block_min;

          gtk_widget_measure (view_at (self, i), orientation, -1, &block_min, NULL, NULL, NULL);
          child_min = MAX (child_min, block_min);
        }

      *minimum = (int) ceil (child_min * self->zoom);
      /* Zoomed in, the canvas keeps the size it had when it fitted, times
       * the zoom, and the window scrolls. */
      if (self->zoom > 1.0 && self->fit_width > 0)
        *minimum = MAX (*minimum, (int) (self->fit_width * self->zoom));
      *natural = MAX (*minimum, 1200);
    }
  else
    {
      int logical_width = for_size >= 0 ? (int) (for_size / self->zoom) : WIDE_MIN_WIDTH;

      *minimum = (int) ceil (logical_height_for_width (self, logical_width, FALSE) * self->zoom);
      *natural = (int) ceil (logical_height_for_width (self, logical_width, TRUE) * self->zoom);
      if (self->zoom > 1.0 && self->fit_height > 0 && is_wide (logical_width))
        *minimum = MAX (*minimum, (int) (self->fit_height * self->zoom));
      *natural = MAX (*natural, *minimum);
    }
}

static GtkSizeRequestMode
venture_board_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
allocate_view (VentureBoard        *self,
               GtkWidget           *view,
               const GtkAllocation *logical)
{
  GskTransform *transform;
  double scale = self->zoom * self->shrink;
  int unused;

  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (logical->x * scale,
                                                                   logical->y * scale));
  if (scale != 1.0)
    transform = gsk_transform_scale (transform, scale, scale);

  /* GTK wants every child measured before it is allocated. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
  gtk_widget_allocate (view, logical->width, logical->height, -1, transform);
}

static GtkWidget *
scrolled_view (VentureBoard *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
}

static gboolean
scroll_adjustment (GtkAdjustment *adjustment,
                   double         value)
{
  double reachable = CLAMP (value, gtk_adjustment_get_lower (adjustment),
                            MAX (gtk_adjustment_get_lower (adjustment),
                                 gtk_adjustment_get_upper (adjustment) -
                                 gtk_adjustment_get_page_size (adjustment)));

  gtk_adjustment_set_value (adjustment, reachable);
  return reachable == value;
}

/* Scrolls so that the anchor shows where it did before the zoom (the
 * board sits in the view's content at its margins); FALSE while the
 * view cannot scroll that far yet. */
static gboolean
scroll_to_anchor (VentureBoard *self)
{
  GtkWidget *view = scrolled_view (self);
  gboolean reached;

  if (view == NULL)
    return TRUE;

  reached = scroll_adjustment (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)),
                               gtk_widget_get_margin_start (GTK_WIDGET (self)) +
                               self->anchor.x * self->zoom - self->anchor_in_view.x);
  reached &= scroll_adjustment (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)),
                                gtk_widget_get_margin_top (GTK_WIDGET (self)) +
                                self->anchor.y * self->zoom - self->anchor_in_view.y);
  return reached;
}

static gboolean
scroll_to_anchor_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  VentureBoard *self = VENTURE_BOARD (widget);

  if (self->anchored > 0 && !scroll_to_anchor (self))
    self->anchored--;
  else
    self->anchored = 0;
  if (self->anchored > 0)
    return G_SOURCE_CONTINUE;

  self->anchor_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
block_cells (VentureBoard *self,
             guint         i,
             guint        *column,
             guint        *row,
             guint        *cell_columns,
             guint        *cell_rows)
{
  if (view_at (self, i) == self->tray)
    {
      *column = venture_template_get_columns (self->template);
      *row = 0;
      *cell_columns = TRAY_COLUMNS;
      *cell_rows = venture_template_get_rows (self->template);
    }
  else
    {
      const VentureBlockInfo *info = venture_template_get_block (self->template, i);

      *column = info->column;
      *row = info->row;
      *cell_columns = info->width;
      *cell_rows = info->height;
    }
}

/* The narrowest wide layout in which each block gets at least its
 * minimum width (a whole note, and its title without breaking a word). */
static int
wide_width_needed (VentureBoard *self)
{
  guint columns = venture_template_get_columns (self->template) + TRAY_COLUMNS;
  double cell_width = 0;

  for (guint i = 0; i < n_views (self); i++)
    {
      guint column, row, cell_columns, cell_rows;
      int view_min;

      block_cells (self, i, &column, &row, &cell_columns, &cell_rows);
      gtk_widget_measure (view_at (self, i), GTK_ORIENTATION_HORIZONTAL, -1, &view_min, NULL, NULL, NULL);
      cell_width = MAX (cell_width, (double) (view_min + SPACING) / cell_columns);
    }

  return (int) ceil (cell_width * columns) - SPACING;
}

static void
venture_board_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VentureBoard *self = VENTURE_BOARD (widget);
  guint columns, rows;
  double cell_width, cell_height;
  int logical_width = (int) (width / self->zoom);
  int logical_height = (int) (height / self->zoom);

  /* The sketched first frame is this one: the widgets come after it. */
  schedule_widgets (self);

  if (self->template == NULL)
    return;

  if (self->zoom <= 1.0)
    {
      self->fit_width = width;
      self->fit_height = height;
    }
  /* The view scrolls once it knows the board's new size: on the next
   * frame, as a scroll during the allocation would not move the board. */
  if (self->anchored > 0 && self->anchor_tick_id == 0)
    self->anchor_tick_id = gtk_widget_add_tick_callback (widget, scroll_to_anchor_tick, NULL, NULL);

  self->shrink = 1.0;
  if (is_wide (logical_width))
    {
      int needed = wide_width_needed (self);

      if (logical_width < needed)
        {
          self->shrink = (double) logical_width / needed;
          logical_width = needed;
          logical_height = (int) (logical_height / self->shrink);
        }
    }

  columns = venture_template_get_columns (self->template);
  rows = venture_template_get_rows (self->template);
  cell_width = (double) (logical_width + SPACING) / (columns + TRAY_COLUMNS);
  cell_height = (double) (logical_height + SPACING) / rows;

  for (guint i = 0; i < n_views (self); i++)
    {
      GtkWidget *view = view_at (self, i);
      GtkAllocation allocation;

      if (is_wide (logical_width))
        {
          guint column, row, cell_columns, cell_rows;

          block_cells (self, i, &column, &row, &cell_columns, &cell_rows);
          allocation.x = (int) (column * cell_width);
          allocation.y = (int) (row * cell_height);
          allocation.width = (int) ((column + cell_columns) * cell_width) - allocation.x - SPACING;
          allocation.height = (int) ((row + cell_rows) * cell_height) - allocation.y - SPACING;
        }
      else
        {
          allocation.x = 0;
          allocation.y = i * (NARROW_BLOCK_HEIGHT + SPACING);
          allocation.width = logical_width;
          allocation.height = NARROW_BLOCK_HEIGHT;
        }

      allocate_view (self, view, &allocation);
    }
}

/* Notes and their widgets */

static VentureBlockView *
view_for_block (VentureBoard *self,
                const char   *block_id)
{
  /* A note of a block this template does not have (or of a newer
   * version) waits in the tray; its block id is kept as it is. */
  for (guint i = 0; i < self->block_views->len; i++)
    {
      VentureBlockView *view = g_ptr_array_index (self->block_views, i);

      if (g_strcmp0 (venture_block_view_get_block_id (view), block_id) == 0)
        return view;
    }

  return self->tray != NULL ? VENTURE_BLOCK_VIEW (self->tray) : NULL;
}

static void
place_widget (VentureBoard *self,
              GtkWidget    *widget,
              guint         position)
{
  VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (widget));
  VentureBlockView *view = view_for_block (self, venture_note_get_block (note));
  GtkWidget *before = NULL;

  if (view == NULL)
    return;

  /* Keep the canvas's stacking order among the block's notes. */
  for (guint i = position + 1; i < self->note_widgets->len; i++)
    {
      GtkWidget *next = g_ptr_array_index (self->note_widgets, i);

      if (gtk_widget_get_parent (next) == GTK_WIDGET (view))
        {
          before = next;
          break;
        }
    }

  venture_block_view_add_note (view, widget, before);
}

static void
set_selected (VentureBoard      *self,
              VentureNoteWidget *widget,
              gboolean           selected)
{
  if (selected)
    g_hash_table_add (self->selection, widget);
  else
    g_hash_table_remove (self->selection, widget);
  venture_note_widget_set_selected (widget, selected);
}

static void
unselect_all (VentureBoard *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    venture_note_widget_set_selected (widget, FALSE);
  g_hash_table_remove_all (self->selection);
}

static void
cancel_editing (VentureBoard *self)
{
  GtkWidget *parent;

  if (self->editing == NULL)
    return;

  parent = gtk_widget_get_parent (GTK_WIDGET (self->editing));
  self->editing = NULL;
  if (parent != NULL)
    venture_block_view_set_editor (VENTURE_BLOCK_VIEW (parent), NULL, NULL);
}

static void
remove_widget (VentureBoard *self,
               GtkWidget    *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (VENTURE_NOTE_WIDGET (widget) == self->editing)
    cancel_editing (self);

  if (parent != NULL && gtk_widget_is_focus (widget))
    gtk_widget_grab_focus (parent);

  g_hash_table_remove (self->selection, widget);
  g_hash_table_remove (self->widget_for_note, venture_note_widget_get_note (VENTURE_NOTE_WIDGET (widget)));
  if (parent != NULL)
    venture_block_view_remove_note (VENTURE_BLOCK_VIEW (parent), widget);
}

static void
clear_recycled (gpointer data)
{
  VentureBoard *self = data;

  self->recycle_id = 0;
  g_hash_table_remove_all (self->recycled);
}

/* The note widget after @position in stacking order that shares
 * @widget's block, or NULL when @widget is the block's top note. */
static GtkWidget *
next_in_block (VentureBoard *self,
               GtkWidget    *widget,
               guint         position)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  for (guint i = position + 1; i < self->note_widgets->len; i++)
    {
      GtkWidget *next = g_ptr_array_index (self->note_widgets, i);

      if (gtk_widget_get_parent (next) == parent)
        return next;
    }

  return NULL;
}

/* A restack reports the range between the old and the new place as
 * replaced by the same notes in another order: the widgets stay, and
 * only those whose order in their block changed move, so raising one
 * note of 10,000 moves one widget. */
static gboolean
reorder_range (VentureBoard *self,
               guint         position,
               guint         n)
{
  g_autoptr(GHashTable) old = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (old, g_ptr_array_index (self->note_widgets, position + i));

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widget_for_note,
                                               venture_canvas_get_note (self->canvas, position + i));

      if (widget == NULL || !g_hash_table_contains (old, widget))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widget_for_note,
                                               venture_canvas_get_note (self->canvas, position + i));

      g_ptr_array_index (self->note_widgets, position + i) = widget;
    }

  /* From the top down, so that the notes above each one are in place
   * when it is put below them. */
  for (guint i = n; i-- > 0;)
    {
      GtkWidget *widget = g_ptr_array_index (self->note_widgets, position + i);
      GtkWidget *parent = gtk_widget_get_parent (widget);
      GtkWidget *next, *sibling;

      if (parent == NULL)
        continue;

      next = next_in_block (self, widget, position + i);
      sibling = gtk_widget_get_next_sibling (widget);
      while (sibling != NULL && !VENTURE_IS_NOTE_WIDGET (sibling))
        sibling = gtk_widget_get_next_sibling (sibling);
      if (sibling != next)
        venture_block_view_restack_note (VENTURE_BLOCK_VIEW (parent), widget, next);
    }

  return TRUE;
}

static void
on_items_changed (VentureBoard *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *model)
{
  /* The widgets come from the canvas as it is now, this change in. */
  if (self->sketching)
    {
      _venture_board_ensure_note_widgets (self);
      return;
    }

  if (removed == added && removed > 0 && reorder_range (self, position, removed))
    return;

  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->note_widgets, position + i);
      VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (widget));

      /* A restack is a removal then an insertion of the same note: its
       * widget comes back as it was (selected, say) instead of anew. */
      g_hash_table_insert (self->recycled, g_object_ref (note), g_object_ref (widget));
      remove_widget (self, widget);
    }
  g_ptr_array_remove_range (self->note_widgets, position, removed);
  if (removed > 0 && self->recycle_id == 0)
    self->recycle_id = g_idle_add_once (clear_recycled, self);

  for (guint i = 0; i < added; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, position + i);
      GtkWidget *widget = g_hash_table_lookup (self->recycled, note);

      if (widget != NULL)
        {
          g_ptr_array_insert (self->note_widgets, position + i, g_object_ref (widget));
          g_hash_table_remove (self->recycled, note);
          if (venture_note_widget_get_selected (VENTURE_NOTE_WIDGET (widget)))
            g_hash_table_add (self->selection, widget);
        }
      else
        {
          widget = venture_note_widget_new (note);
          g_ptr_array_insert (self->note_widgets, position + i, g_object_ref_sink (widget));
        }
      g_hash_table_insert (self->widget_for_note, note, widget);
      place_widget (self, widget, position + i);
    }

  _venture_board_update_actions (self);
}

static void
stop_sketching (VentureBoard *self)
{
  self->sketching = FALSE;
  self->changed_while_sketching = FALSE;
  g_clear_handle_id (&self->sketch_idle_id, g_source_remove);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_canvas_changed_while_sketching, self);
}

static void
clear_notes (VentureBoard *self)
{
  if (self->sketching)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      for (guint i = 0; i < self->block_views->len; i++)
        if (_venture_block_view_has_sketches (g_ptr_array_index (self->block_views, i)))
          _venture_block_view_adopt_notes (g_ptr_array_index (self->block_views, i), none);
      stop_sketching (self);
    }
  cancel_editing (self);
  unselect_all (self);
  for (guint i = 0; i < self->note_widgets->len; i++)
    remove_widget (self, g_ptr_array_index (self->note_widgets, i));
  g_ptr_array_set_size (self->note_widgets, 0);
}

/* Making a thousand note widgets costs GTK more than the rest of the
 * window (creating, styling, measuring, placing each): a canvas this big
 * opens with its crowded blocks sketched, drawn from the notes alone for
 * the first frame, and their widgets come right after it (or as soon as
 * anything needs them). Only blocks whose notes draw nothing but paper,
 * text and segment markers (no tag chips) are sketched. */
#define SKETCH_MIN_NOTES 200

static void make_note_widgets (VentureBoard     *self,
                               VentureBlockView *only);

/* The widgets come a block at a time, a frame free to come between two:
 * 10,000 notes' widgets at once would hold the window still for half a
 * second right after it shows. After a change to the canvas, all at once:
 * a sketch may show what no longer is. */
static gboolean
make_widgets_after_frame (gpointer data)
{
  VentureBoard *self = data;
  VentureBlockView *next = NULL;

  self->sketch_idle_id = 0;
  for (guint i = 0; i < self->block_views->len && !self->changed_while_sketching; i++)
    if (_venture_block_view_has_sketches (g_ptr_array_index (self->block_views, i)))
      {
        next = g_ptr_array_index (self->block_views, i);
        break;
      }
  make_note_widgets (self, next);
  schedule_widgets (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_widgets (VentureBoard *self)
{
  if (self->sketching && self->sketch_idle_id == 0)
    self->sketch_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_widgets_after_frame, self, NULL);
}

/* A sketch may no longer show its note: the widgets soon, which draw
 * the notes that changed again. (Not at once: the change's items-changed
 * comes after it, from a canvas that already has it.) */
static void
on_canvas_changed_while_sketching (VentureBoard *self)
{
  self->changed_while_sketching = TRUE;
  schedule_widgets (self);
}

static gboolean
sketch_blocks (VentureBoard *self)
{
  g_autoptr(GHashTable) notes_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) not_plain = g_hash_table_new (NULL, NULL);
  guint n = venture_canvas_get_n_notes (self->canvas);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      VentureBlockView *view = view_for_block (self, venture_note_get_block (note));
      GPtrArray *notes;

      if (view == NULL)
        continue;
      notes = g_hash_table_lookup (notes_of, view);
      if (notes == NULL)
        g_hash_table_insert (notes_of, view, notes = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (notes, g_object_ref (note));
      if (!_venture_note_can_sketch (note))
        g_hash_table_add (not_plain, view);
    }

  for (guint i = 0; i < self->block_views->len; i++)
    {
      VentureBlockView *view = g_ptr_array_index (self->block_views, i);
      GPtrArray *notes = g_hash_table_lookup (notes_of, view);

      if (notes != NULL && notes->len >= VENTURE_BLOCK_CACHE_MIN_NOTES &&
          !g_hash_table_contains (not_plain, view))
        {
          _venture_block_view_set_sketches (view, notes);
          any = TRUE;
        }
    }
  if (!any)
    return FALSE;

  self->sketching = TRUE;
  g_signal_connect_swapped (self->canvas, "changed", G_CALLBACK (on_canvas_changed_while_sketching), self);

  /* the other notes get their widgets now, bottom up */
  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      VentureBlockView *view = view_for_block (self, venture_note_get_block (note));
      GtkWidget *widget;

      if (view != NULL && _venture_block_view_has_sketches (view))
        continue;
      widget = venture_note_widget_new (note);
      g_ptr_array_add (self->note_widgets, g_object_ref_sink (widget));
      g_hash_table_insert (self->widget_for_note, note, widget);
      if (view != NULL)
        venture_block_view_add_note (view, widget, NULL);
    }

  return TRUE;
}

/* The notes of the sketched block @only, or of every block when NULL,
 * get their widgets, in stacking order: the blocks take theirs, and keep
 * their images. */
static void
make_note_widgets (VentureBoard     *self,
                   VentureBlockView *only)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GHashTable) made_for = NULL;
  g_autoptr(GHashTable) kept = NULL;
  gboolean still_sketched = FALSE;
  guint n;

  /* (placing a widget may ask for the others) */
  if (!self->sketching || self->making_widgets)
    return;
  self->making_widgets = TRUE;

  before = g_steal_pointer (&self->note_widgets);
  self->note_widgets = g_ptr_array_new_with_free_func (g_object_unref);
  made_for = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  kept = g_hash_table_new (NULL, NULL);
  n = venture_canvas_get_n_notes (self->canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (self->canvas, i);
      GtkWidget *widget = g_hash_table_lookup (self->widget_for_note, note);
      VentureBlockView *view;
      GPtrArray *made;

      if (widget != NULL)
        {
          g_ptr_array_add (self->note_widgets, g_object_ref (widget));
          g_hash_table_add (kept, widget);
          continue;
        }
      view = view_for_block (self, venture_note_get_block (note));
      if (only != NULL && view != only)
        continue;
      widget = venture_note_widget_new (note);
      g_ptr_array_add (self->note_widgets, g_object_ref_sink (widget));
      g_hash_table_insert (self->widget_for_note, note, widget);
      if (view == NULL)
        continue;
      made = g_hash_table_lookup (made_for, view);
      if (made == NULL)
        g_hash_table_insert (made_for, view, made = g_ptr_array_new ());
      g_ptr_array_add (made, widget);
    }

  /* notes gone meanwhile */
  for (guint i = 0; i < before->len; i++)
    if (!g_hash_table_contains (kept, g_ptr_array_index (before, i)))
      remove_widget (self, g_ptr_array_index (before, i));

  for (guint i = 0; i < self->block_views->len; i++)
    {
      VentureBlockView *view = g_ptr_array_index (self->block_views, i);
      GPtrArray *made = g_hash_table_lookup (made_for, view);
      g_autoptr(GPtrArray) none = NULL;

      if (only != NULL && view != only)
        {
          still_sketched |= _venture_block_view_has_sketches (view);
          continue;
        }
      if (_venture_block_view_has_sketches (view) &&
          _venture_block_view_adopt_notes (view, made != NULL ? made : (none = g_ptr_array_new ())))
        continue;
      for (guint j = 0; made != NULL && j < made->len; j++)
        {
          guint position;

          if (g_ptr_array_find (self->note_widgets, g_ptr_array_index (made, j), &position))
            place_widget (self, g_ptr_array_index (made, j), position);
        }
    }

  self->making_widgets = FALSE;
  if (!still_sketched)
    stop_sketching (self);
  _venture_board_update_actions (self);
}

/* Every note gets its widget now: whatever a user does needs them. */
void
_venture_board_ensure_note_widgets (VentureBoard *self)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));

  make_note_widgets (self, NULL);
}

static void
build_notes (VentureBoard *self)
{
  guint n;

  if (self->canvas == NULL || self->template == NULL)
    return;

  n = venture_canvas_get_n_notes (self->canvas);
  if (n >= SKETCH_MIN_NOTES && sketch_blocks (self))
    return;
  on_items_changed (self, 0, 0, n, G_LIST_MODEL (self->canvas));
}

void
_venture_board_note_block_changed (VentureBoard      *self,
                                   VentureNoteWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (widget));
  VentureNote *note = venture_note_widget_get_note (widget);
  VentureBlockView *target = view_for_block (self, venture_note_get_block (note));
  gboolean had_focus = gtk_widget_is_focus (GTK_WIDGET (widget));
  guint position;

  if (parent == GTK_WIDGET (target) || target == NULL)
    return;

  if (widget == self->editing)
    venture_board_stop_editing (self);

  g_object_ref (widget);
  /* The focus leaves through the old block, as when a note goes away:
   * taken out with the focus, the note would leave the board's focus
   * chain pointing at the old block, and the next arrow or Tab would go
   * on from there. */
  if (had_focus && parent != NULL)
    gtk_widget_grab_focus (parent);
  if (parent != NULL)
    venture_block_view_remove_note (VENTURE_BLOCK_VIEW (parent), GTK_WIDGET (widget));
  if (g_ptr_array_find (self->note_widgets, widget, &position))
    place_widget (self, GTK_WIDGET (widget), position);
  /* The focus follows a note moved from the keyboard, even while the
   * window is not the active one (is_focus, not has_focus). */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_object_unref (widget);
}

GPtrArray *
_venture_board_list_blocks (VentureBoard *self)
{
  GPtrArray *blocks = g_ptr_array_new ();

  if (self->template != NULL)
    for (guint i = 0; i < venture_template_get_n_blocks (self->template); i++)
      g_ptr_array_add (blocks, (gpointer) venture_template_get_block (self->template, i));
  g_ptr_array_add (blocks, &self->tray_info);

  return blocks;
}

/* Geometry helpers */

static void
note_size (GtkWidget *widget,
           int       *width,
           int       *height)
{
  if (widget == NULL)
    {
      *width = VENTURE_NOTE_WIDTH + 2 * VENTURE_NOTE_PADDING;
      *height = VENTURE_NOTE_MIN_HEIGHT + 2 * VENTURE_NOTE_PADDING;
      return;
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, *width, height, NULL, NULL, NULL);
}

/* How much of the notes at @rects @rect covers, in square pixels; the
 * count stops once past @limit. Slivers under half a pixel do not count. */
static double
covered_area (GArray                *rects,
              const graphene_rect_t *rect,
              double                 limit)
{
  double covered = 0;

  for (guint i = 0; i < rects->len && covered <= limit; i++)
    {
      graphene_rect_t intersection;
      const graphene_rect_t *other = &g_array_index (rects, graphene_rect_t, i);

      if (graphene_rect_intersection (rect, other, &intersection) &&
          intersection.size.width > 0.5 && intersection.size.height > 0.5)
        covered += intersection.size.width * intersection.size.height;
    }
  return covered;
}

/* The free place nearest to (left, top) for a note of @width x @height,
 * as a 0..1000 position. Where the block is full, the place that covers
 * least of its notes (the nearest of equals): laid on (left, top) itself,
 * the note could hide one there wholly. */
static void
find_free_spot (VentureBoard     *self,
                VentureBlockView *view,
                GHashTable       *ignore,
                double            left,
                double            top,
                int               width,
                int               height,
                int              *x,
                int              *y)
{
  g_autoptr(GPtrArray) notes = venture_block_view_get_notes (view);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t area;
  double best_distance = 0;
  double best_covered;
  double best_left, best_top;

  venture_block_view_get_notes_area (view, &area);
  left = CLAMP (left, area.origin.x, MAX (area.origin.x, area.origin.x + area.size.width - width));
  top = CLAMP (top, area.origin.y, MAX (area.origin.y, area.origin.y + area.size.height - height));
  best_left = left;
  best_top = top;

  for (guint i = 0; i < notes->len; i++)
    {
      graphene_rect_t rect;

      if (ignore != NULL && g_hash_table_contains (ignore, g_ptr_array_index (notes, i)))
        continue;
      _venture_block_view_note_rect (view, g_ptr_array_index (notes, i), &rect);
      g_array_append_val (rects, rect);
    }

  best_covered = covered_area (rects, &GRAPHENE_RECT_INIT (left, top, width, height), G_MAXDOUBLE);
  if (best_covered > 0)
    {
      for (double cy = area.origin.y; cy + height <= area.origin.y + area.size.height; cy += FREE_SPOT_STEP)
        for (double cx = area.origin.x; cx + width <= area.origin.x + area.size.width; cx += FREE_SPOT_STEP)
          {
            double distance = (cx - left) * (cx - left) + (cy - top) * (cy - top);
            double covered = covered_area (rects, &GRAPHENE_RECT_INIT (cx, cy, width, height), best_covered);

            if (covered < best_covered || (covered == best_covered && distance < best_distance))
              {
                best_covered = covered;
                best_distance = distance;
                best_left = cx;
                best_top = cy;
              }
          }
    }

  venture_block_view_point_to_position (view, best_left, best_top, width, height, x, y);
}

static VentureBlockView *
focused_view (VentureBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *view;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  view = gtk_widget_get_ancestor (focus, VENTURE_TYPE_BLOCK_VIEW);
  return view != NULL ? VENTURE_BLOCK_VIEW (view) : NULL;
}

static VentureNoteWidget *
focused_note (VentureBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (VENTURE_IS_NOTE_WIDGET (focus))
    return VENTURE_NOTE_WIDGET (focus);
  return NULL;
}

static int
compare_stacking (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  VentureBoard *self = user_data;
  guint pa = 0, pb = 0;

  g_ptr_array_find (self->note_widgets, *(gpointer *) a, &pa);
  g_ptr_array_find (self->note_widgets, *(gpointer *) b, &pb);
  return (pa > pb) - (pa < pb);
}

/* What an action on @widget applies to: the whole selection when the
 * note is part of it, else the note alone. */
static GPtrArray *
targets_for (VentureBoard      *self,
             VentureNoteWidget *widget)
{
  GPtrArray *targets = g_ptr_array_new ();

  if (widget != NULL && !g_hash_table_contains (self->selection, widget))
    {
      g_ptr_array_add (targets, widget);
      return targets;
    }

  {
    GHashTableIter iter;
    gpointer item;

    g_hash_table_iter_init (&iter, self->selection);
    while (g_hash_table_iter_next (&iter, &item, NULL))
      g_ptr_array_add (targets, item);
  }
  g_ptr_array_sort_with_data (targets, compare_stacking, self);

  return targets;
}

/* Editing in place */

static void
detach_editor (gpointer data)
{
  VentureBoard *self = data;
  GtkWidget *parent;

  self->detach_editor_id = 0;
  if (self->editing != NULL || self->editor == NULL)
    return;

  parent = gtk_widget_get_parent (self->editor);
  if (parent != NULL)
    venture_block_view_set_editor (VENTURE_BLOCK_VIEW (parent), NULL, NULL);
}

static void
end_editing (VentureBoard *self,
             gboolean      refocus)
{
  VentureNoteWidget *widget = self->editing;
  VentureNote *note;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (widget == NULL)
    return;

  self->editing = NULL;
  note = venture_note_widget_get_note (widget);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_child_visible (GTK_WIDGET (widget), TRUE);

  if (refocus)
    {
      gtk_widget_grab_focus (GTK_WIDGET (widget));
      detach_editor (self);
    }
  else if (self->detach_editor_id == 0)
    {
      /* Called while the focus moves away: taking the editor out of the
       * tree in the middle of that would disturb the focus change. */
      self->detach_editor_id = g_idle_add_once (detach_editor, self);
    }

  if (self->canvas != NULL && g_strcmp0 (text, venture_note_get_text (note)) != 0)
    venture_canvas_set_note_text (self->canvas, note, text);
}

void
venture_board_stop_editing (VentureBoard *self)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));

  end_editing (self, self->editing != NULL &&
                     gtk_widget_has_focus (self->editor));
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       VentureBoard          *self)
{
  if (keyval == GDK_KEY_Escape ||
      ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
       (state & GDK_SHIFT_MASK) == 0))
    {
      end_editing (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       VentureBoard            *self)
{
  end_editing (self, FALSE);
}

static void
ensure_editor (VentureBoard *self)
{
  GtkEventController *keys;
  GtkEventController *focus;

  if (self->editor != NULL)
    return;

  self->editor = g_object_ref_sink (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), VENTURE_NOTE_PADDING);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), VENTURE_NOTE_PADDING);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), VENTURE_NOTE_PADDING);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), VENTURE_NOTE_PADDING);
  gtk_widget_add_css_class (self->editor, "note-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"),
                                  -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, focus);
}

static void
venture_board_start_editing (VentureBoard      *self,
                             VentureNoteWidget *widget)
{
  VentureNote *note = venture_note_widget_get_note (widget);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (widget));
  GtkTextBuffer *buffer;
  GtkTextIter end;
  const VentureColor *color;
  guint n_colors;

  if (parent == NULL || widget == self->editing || !can_edit (self))
    return;

  end_editing (self, FALSE);
  g_clear_handle_id (&self->detach_editor_id, g_source_remove);
  ensure_editor (self);

  color = venture_taxonomy_get_colors (&n_colors);
  for (guint i = 0; i < n_colors; i++)
    gtk_widget_remove_css_class (self->editor, color[i].id);
  gtk_widget_add_css_class (self->editor, venture_note_widget_color_class (venture_note_get_color (note)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_set_text (buffer, venture_note_get_text (note), -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  self->editing = widget;
  venture_block_view_set_editor (VENTURE_BLOCK_VIEW (parent), self->editor, GTK_WIDGET (widget));
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_set_child_visible (GTK_WIDGET (widget), FALSE);
  gtk_widget_grab_focus (self->editor);
}

/* Operations asked by the parts */

void
_venture_board_note_clicked (VentureBoard      *self,
                             VentureNoteWidget *widget,
                             GdkModifierType    state)
{
  if ((state & GDK_CONTROL_MASK) != 0)
    {
      set_selected (self, widget, !g_hash_table_contains (self->selection, widget));
    }
  else if ((state & GDK_SHIFT_MASK) != 0)
    {
      set_selected (self, widget, TRUE);
    }
  else
    {
      unselect_all (self);
      set_selected (self, widget, TRUE);
    }

  _venture_board_update_actions (self);
}

void
_venture_board_edit_note (VentureBoard      *self,
                          VentureNoteWidget *widget)
{
  venture_board_start_editing (self, widget);
}

void
_venture_board_recolor_note (VentureBoard      *self,
                             VentureNoteWidget *widget,
                             const char        *color)
{
  g_autoptr(GPtrArray) targets = targets_for (self, widget);

  if (!can_edit (self) || venture_taxonomy_lookup_color (color) == NULL)
    return;

  begin_group_take (self, g_strdup_printf (ngettext ("Change Note Colour", "Change Colour of %u Notes", targets->len), targets->len));
  for (guint i = 0; i < targets->len; i++)
    venture_canvas_set_note_color (self->canvas,
                                   venture_note_widget_get_note (g_ptr_array_index (targets, i)),
                                   color);
  end_group (self);
}

static void
delete_widgets (VentureBoard *self,
                GPtrArray    *targets,
                const char   *label)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);

  if (!can_edit (self) || targets->len == 0)
    return;

  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (notes, g_object_ref (venture_note_widget_get_note (g_ptr_array_index (targets, i))));

  begin_group (self, label);
  for (guint i = 0; i < notes->len; i++)
    {
      VentureNote *note = g_ptr_array_index (notes, i);

      /* Deleting a segment unlinks the notes that serve it, in the same
       * undo step (issue 6); a note already removed with an earlier one
       * is skipped. */
      if (venture_canvas_find_note (self->canvas, note, NULL))
        venture_segments_remove_note (self->canvas, note);
    }
  end_group (self);
}

void
_venture_board_delete_note (VentureBoard      *self,
                            VentureNoteWidget *widget)
{
  g_autoptr(GPtrArray) targets = targets_for (self, widget);
  g_autofree char *label = g_strdup_printf (ngettext ("Delete Note", "Delete %u Notes", targets->len),
                                            targets->len);

  delete_widgets (self, targets, label);
}

void
_venture_board_duplicate_note (VentureBoard      *self,
                               VentureNoteWidget *widget)
{
  g_autoptr(GPtrArray) targets = targets_for (self, widget);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (!can_edit (self) || targets->len == 0)
    return;

  begin_group_take (self, g_strdup_printf (ngettext ("Duplicate Note", "Duplicate %u Notes", targets->len), targets->len));
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *source = g_ptr_array_index (targets, i);
      VentureBlockView *view = VENTURE_BLOCK_VIEW (gtk_widget_get_parent (source));
      VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (source));
      g_autofree char *id = venture_canvas_generate_note_id (self->canvas);
      g_autoptr(VentureNote) copy = venture_note_copy (note, id);
      graphene_rect_t rect;
      int x, y;

      _venture_block_view_note_rect (view, source, &rect);
      find_free_spot (self, view, NULL,
                      rect.origin.x + 2 * FREE_SPOT_STEP, rect.origin.y + 2 * FREE_SPOT_STEP,
                      rect.size.width, rect.size.height, &x, &y);
      venture_note_set_position (copy, x, y);
      venture_canvas_append_note (self->canvas, copy);
      g_ptr_array_add (copies, g_object_ref (copy));
    }
  end_group (self);

  unselect_all (self);
  for (guint i = 0; i < copies->len; i++)
    {
      GtkWidget *copy = g_hash_table_lookup (self->widget_for_note, g_ptr_array_index (copies, i));

      if (copy != NULL)
        set_selected (self, VENTURE_NOTE_WIDGET (copy), TRUE);
    }
  _venture_board_update_actions (self);
}

/* A note the user moves comes to the front, as a sticky note taken off
 * the wall and put back; it is also how a crowded block draws it while
 * it moves. Part of the move's undo step. */
static void
bring_to_front (VentureBoard *self,
                VentureNote  *note)
{
  venture_canvas_restack_note (self->canvas, note, venture_canvas_get_n_notes (self->canvas) - 1);
}

static void
move_widgets_to (VentureBoard *self,
                 GPtrArray    *targets,
                 const char   *block_id)
{
  VentureBlockView *view = view_for_block (self, block_id);

  if (!can_edit (self) || targets->len == 0)
    return;

  begin_group_take (self, g_strdup_printf (ngettext ("Move Note", "Move %u Notes", targets->len), targets->len));
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (targets, i);
      VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (widget));
      int x = venture_note_get_x (note), y = venture_note_get_y (note);

      /* The note keeps its place in the new block where that is free and
       * otherwise takes the nearest free one: nothing chose the place, and
       * laid over a note there it would hide that note. */
      if (view != NULL && g_strcmp0 (venture_note_get_block (note), block_id) != 0)
        {
          int width, height;
          double left, top;

          note_size (widget, &width, &height);
          venture_block_view_position_to_point (view, x, y, width, height, &left, &top);
          find_free_spot (self, view, NULL, left, top, width, height, &x, &y);
        }
      venture_canvas_move_note (self->canvas, note, block_id, x, y);
      bring_to_front (self, note);
    }
  end_group (self);
}

void
_venture_board_move_note_to (VentureBoard      *self,
                             VentureNoteWidget *widget,
                             const char        *block_id)
{
  g_autoptr(GPtrArray) targets = targets_for (self, widget);

  if (g_strcmp0 (block_id, VENTURE_UNSORTED_BLOCK) != 0 &&
      (self->template == NULL || venture_template_lookup_block (self->template, block_id) == NULL))
    return;

  move_widgets_to (self, targets, block_id);
}

VentureNote *
_venture_board_add_note_at (VentureBoard     *self,
                            VentureBlockView *view,
                            double            left,
                            double            top,
                            const char       *text,
                            gboolean          edit)
{
  g_autofree char *id = NULL;
  g_autoptr(VentureNote) note = NULL;
  GtkWidget *widget;
  int width, height, x, y;

  if (!can_edit (self))
    return NULL;

  id = venture_canvas_generate_note_id (self->canvas);
  note = venture_note_new (id, venture_block_view_get_block_id (view));
  venture_note_set_text (note, text);
  note_size (NULL, &width, &height);
  find_free_spot (self, view, NULL, left, top, width, height, &x, &y);
  venture_note_set_position (note, x, y);
  venture_canvas_append_note (self->canvas, note);

  widget = g_hash_table_lookup (self->widget_for_note, note);
  if (widget != NULL)
    {
      unselect_all (self);
      set_selected (self, VENTURE_NOTE_WIDGET (widget), TRUE);
      if (edit)
        venture_board_start_editing (self, VENTURE_NOTE_WIDGET (widget));
      else
        gtk_widget_grab_focus (widget);
    }
  _venture_board_update_actions (self);

  return note;
}

void
_venture_board_drag_prepare (VentureBoard      *self,
                             VentureNoteWidget *widget,
                             double             x,
                             double             y)
{
  g_set_object (&drag_note, venture_note_widget_get_note (widget));
  drag_hot_x = x;
  drag_hot_y = y;
  if (!g_hash_table_contains (self->selection, widget))
    _venture_board_note_clicked (self, widget, 0);
}

void
_venture_board_drag_end (VentureBoard *self)
{
  g_clear_object (&drag_note);
}

/* How far a span at @start, @length long, moves to lie within the one at
 * @room_start, @room long (to its start when it is longer). */
static double
shift_into (double start,
            double length,
            double room_start,
            double room)
{
  if (length > room || start < room_start)
    return room_start - start;
  if (start + length > room_start + room)
    return room_start + room - (start + length);
  return 0;
}

gboolean
_venture_board_drop_note (VentureBoard     *self,
                          VentureBlockView *view,
                          VentureNote      *note,
                          double            x,
                          double            y)
{
  GtkWidget *widget;
  g_autoptr(GPtrArray) targets = NULL;
  GtkWidget *source_view;
  graphene_rect_t source_rect;
  const char *block_id = venture_block_view_get_block_id (view);
  int width, height, nx, ny;
  double hot_x, hot_y, left, top;

  if (!can_edit (self))
    return FALSE;

  widget = g_hash_table_lookup (self->widget_for_note, note);
  note_size (widget, &width, &height);
  if (note == drag_note)
    {
      hot_x = drag_hot_x;
      hot_y = drag_hot_y;
    }
  else
    {
      hot_x = width / 2.0;
      hot_y = height / 2.0;
    }
  left = x - hot_x;
  top = y - hot_y;

  if (widget == NULL)
    {
      /* A note from another window's canvas: a copy lands here, with an
       * id of this canvas. */
      g_autofree char *id = venture_canvas_generate_note_id (self->canvas);
      g_autoptr(VentureNote) copy = venture_note_copy (note, id);

      venture_block_view_point_to_position (view, left, top, width, height, &nx, &ny);
      g_object_freeze_notify (G_OBJECT (copy));
      venture_note_set_position (copy, nx, ny);
      g_object_thaw_notify (G_OBJECT (copy));
      begin_group_take (self, g_strdup_printf (ngettext ("Add Note", "Add %u Notes", 1), 1));
      venture_canvas_append_note (self->canvas, copy);
      venture_canvas_move_note (self->canvas, copy, block_id, nx, ny);
      end_group (self);
      return TRUE;
    }

  targets = targets_for (self, VENTURE_NOTE_WIDGET (widget));
  source_view = gtk_widget_get_parent (widget);
  _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (source_view), widget, &source_rect);

  /* The notes from the dragged one's block keep their shape: dropped
   * near an edge, they move in together, rather than each being kept in
   * on its own, closer to the others. */
  {
    graphene_rect_t group = GRAPHENE_RECT_INIT (0, 0, width, height);
    graphene_rect_t area;

    for (guint i = 0; i < targets->len; i++)
      if (gtk_widget_get_parent (g_ptr_array_index (targets, i)) == source_view)
        {
          graphene_rect_t rect;

          _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (source_view), g_ptr_array_index (targets, i), &rect);
          graphene_rect_offset (&rect, -source_rect.origin.x, -source_rect.origin.y);
          graphene_rect_union (&group, &rect, &group);
        }
    venture_block_view_get_notes_area (view, &area);
    left += shift_into (left + group.origin.x, group.size.width, area.origin.x, area.size.width);
    top += shift_into (top + group.origin.y, group.size.height, area.origin.y, area.size.height);
  }

  begin_group_take (self, g_strdup_printf (ngettext ("Move Note", "Move %u Notes", targets->len), targets->len));
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *target = g_ptr_array_index (targets, i);
      VentureNote *target_note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (target));
      int target_width, target_height;

      note_size (target, &target_width, &target_height);
      if (target == widget)
        {
          venture_block_view_point_to_position (view, left, top, width, height, &nx, &ny);
        }
      else if (gtk_widget_get_parent (target) == source_view)
        {
          graphene_rect_t rect;

          /* The selection keeps its shape around the dragged note. */
          _venture_block_view_note_rect (VENTURE_BLOCK_VIEW (source_view), target, &rect);
          venture_block_view_point_to_position (view,
                                                left + rect.origin.x - source_rect.origin.x,
                                                top + rect.origin.y - source_rect.origin.y,
                                                target_width, target_height, &nx, &ny);
        }
      else
        {
          find_free_spot (self, view, NULL, left, top + height, target_width, target_height, &nx, &ny);
        }

      venture_canvas_move_note (self->canvas, target_note, block_id, nx, ny);
      bring_to_front (self, target_note);
    }
  end_group (self);

  return TRUE;
}

void
_venture_board_select_in_rect (VentureBoard          *self,
                               VentureBlockView      *view,
                               const graphene_rect_t *rect,
                               gboolean               extend)
{
  g_autoptr(GPtrArray) notes = venture_block_view_get_notes (view);

  if (!extend)
    unselect_all (self);

  for (guint i = 0; i < notes->len; i++)
    {
      graphene_rect_t bounds, intersection;

      _venture_block_view_note_rect (view, g_ptr_array_index (notes, i), &bounds);
      if (graphene_rect_intersection (rect, &bounds, &intersection))
        set_selected (self, g_ptr_array_index (notes, i), TRUE);
    }

  _venture_board_update_actions (self);
}

void
_venture_board_clear_selection (VentureBoard *self)
{
  unselect_all (self);
  _venture_board_update_actions (self);
}

/* The one place that decides which board actions can run now. */
void
_venture_board_update_actions (VentureBoard *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_canvas = self->canvas != NULL && self->template != NULL;
  gboolean has_notes = has_canvas && venture_canvas_get_n_notes (self->canvas) > 0;
  gboolean has_selection = g_hash_table_size (self->selection) > 0;
  gboolean editable = has_canvas && !self->read_only;
  gboolean editable_notes = has_notes && !self->read_only;

  gtk_widget_action_set_enabled (widget, "board.add-note", editable);
  gtk_widget_action_set_enabled (widget, "board.paste", editable);
  gtk_widget_action_set_enabled (widget, "board.delete", editable_notes);
  gtk_widget_action_set_enabled (widget, "board.cut", editable_notes);
  gtk_widget_action_set_enabled (widget, "board.copy", has_notes);
  gtk_widget_action_set_enabled (widget, "board.select-all", has_notes);
  gtk_widget_action_set_enabled (widget, "board.select-none", has_selection);
  gtk_widget_action_set_enabled (widget, "board.toggle-selected", has_notes);
  gtk_widget_action_set_enabled (widget, "board.tidy", editable_notes);
  gtk_widget_action_set_enabled (widget, "board.move-to-neighbour", editable_notes);
  gtk_widget_action_set_enabled (widget, "board.nudge", editable_notes);
  gtk_widget_action_set_enabled (widget, "board.zoom-in", self->zoom < VENTURE_BOARD_ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "board.zoom-out", self->zoom > VENTURE_BOARD_ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "board.zoom-reset", self->zoom != 1.0);
}

/* Clipboard */

static JsonNode *
note_to_json (VentureNote *note)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *segments = venture_note_get_segments (note);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, venture_note_get_id (note));
  json_builder_set_member_name (builder, "block");
  json_builder_add_string_value (builder, venture_note_get_block (note));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, venture_note_get_text (note));
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, venture_note_get_color (note));
  json_builder_set_member_name (builder, "x");
  json_builder_add_int_value (builder, venture_note_get_x (note));
  json_builder_set_member_name (builder, "y");
  json_builder_add_int_value (builder, venture_note_get_y (note));
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *tag = venture_note_get_tag (note, kind);

      if (tag == NULL)
        continue;
      json_builder_set_member_name (builder, venture_tag_kind_to_member (kind));
      json_builder_add_string_value (builder, tag);
    }
  if (segments != NULL && segments[0] != NULL)
    {
      json_builder_set_member_name (builder, "segments");
      json_builder_begin_array (builder);
      for (guint i = 0; segments[i] != NULL; i++)
        json_builder_add_string_value (builder, segments[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
copy_targets (VentureBoard *self,
              GPtrArray    *targets)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  GValue value = G_VALUE_INIT;

  if (targets->len == 0)
    return FALSE;

  for (guint i = 0; i < targets->len; i++)
    {
      VentureNote *note = venture_note_widget_get_note (g_ptr_array_index (targets, i));

      json_array_add_element (array, note_to_json (note));
      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, venture_note_get_text (note));
    }

  json_node_set_array (root, array);
  json = json_to_string (root, FALSE);
  bytes = g_bytes_new (json, strlen (json));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text->str);
  providers[0] = gdk_content_provider_new_for_bytes (VENTURE_NOTES_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  provider = gdk_content_provider_new_union (providers, 2);

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  return TRUE;
}

typedef struct {
  VentureBoard *board;
  char         *block_id;   /* where to paste; NULL: where the notes were */
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_clear_object (&data->board);
  g_free (data->block_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteData, paste_data_free)

static void
paste_note (VentureBoard *self,
            VentureNote  *note,
            gboolean      keep_place)
{
  VentureBlockView *view = view_for_block (self, venture_note_get_block (note));
  int width, height, x = venture_note_get_x (note), y = venture_note_get_y (note);
  double left, top;

  if (view != NULL)
    {
      graphene_rect_t area;

      note_size (NULL, &width, &height);
      venture_block_view_get_notes_area (view, &area);
      if (keep_place)
        venture_block_view_position_to_point (view, x, y, width, height, &left, &top);
      else
        {
          left = area.origin.x;
          top = area.origin.y;
        }
      find_free_spot (self, view, NULL, left, top, width, height, &x, &y);
    }

  venture_note_set_position (note, x, y);
  venture_canvas_append_note (self->canvas, note);
}

static void
paste_json (VentureBoard *self,
            const char   *block_id,
            const char   *json,
            gsize         length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint n;

  if (!json_parser_load_from_data (parser, json, length, &error) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_debug ("Ignoring a clipboard that is not a list of notes: %s",
               error != NULL ? error->message : "not an array");
      return;
    }

  array = json_node_get_array (json_parser_get_root (parser));
  n = json_array_get_length (array);

  begin_group_take (self, g_strdup_printf (ngettext ("Paste Note", "Paste %u Notes", n), n));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      g_autofree char *id = NULL;
      g_autoptr(VentureNote) note = NULL;
      const char *block;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      block = block_id != NULL ? block_id
                               : json_object_get_string_member_with_default (object, "block",
                                                                            VENTURE_UNSORTED_BLOCK);
      id = venture_canvas_generate_note_id (self->canvas);
      note = venture_note_new (id, block);
      venture_note_set_text (note, json_object_get_string_member_with_default (object, "text", ""));
      venture_note_set_color (note, json_object_get_string_member_with_default (object, "color",
                                                                              VENTURE_DEFAULT_COLOR));
      venture_note_set_position (note,
                                 (int) json_object_get_int_member_with_default (object, "x", 0),
                                 (int) json_object_get_int_member_with_default (object, "y", 0));
      for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
        {
          const char *member = venture_tag_kind_to_member (kind);

          if (json_object_has_member (object, member))
            venture_note_set_tag (note, kind, json_object_get_string_member_with_default (object, member, NULL));
        }
      paste_note (self, note, TRUE);
    }
  end_group (self);
}

/* One note per paragraph: paragraphs are separated by blank lines; a
 * text without any blank line is a list, one note per line. */
static void
paste_text (VentureBoard *self,
            const char   *block_id,
            const char   *text)
{
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t]*\\n", 0, 0, NULL);
  g_auto(GStrv) paragraphs = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normalised = NULL;

  normalised = g_strdelimit (g_strdup (text), "\r", '\n');
  if (g_regex_match (blank, normalised, 0, NULL))
    paragraphs = g_regex_split (blank, normalised, 0);
  else
    paragraphs = g_strsplit (normalised, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (*stripped != '\0')
        g_ptr_array_add (texts, stripped);
      else
        g_free (stripped);
    }

  if (texts->len == 0)
    return;

  begin_group_take (self, g_strdup_printf (ngettext ("Paste Note", "Paste %u Notes", texts->len), texts->len));
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *id = venture_canvas_generate_note_id (self->canvas);
      g_autoptr(VentureNote) note = venture_note_new (id, block_id);

      venture_note_set_text (note, g_ptr_array_index (texts, i));
      paste_note (self, note, FALSE);
    }
  end_group (self);
}

static void
on_paste_spliced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (source);
  VentureBoard *self = data->board;
  const char *mime_type = g_object_get_data (source, "venture-mime-type");
  g_autofree char *bytes = NULL;
  gsize size;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      g_debug ("Could not read the clipboard: %s", error->message);
      return;
    }

  if (!can_edit (self))
    return;

  size = g_memory_output_stream_get_data_size (memory);
  bytes = g_malloc (size + 1);
  memcpy (bytes, g_memory_output_stream_get_data (memory), size);
  bytes[size] = '\0';

  if (g_strcmp0 (mime_type, VENTURE_NOTES_MIME_TYPE) == 0)
    paste_json (self, data->block_id, bytes, size);
  else if (g_utf8_validate (bytes, size, NULL))
    paste_text (self, data->block_id != NULL ? data->block_id : VENTURE_UNSORTED_BLOCK, bytes);
}

static void
on_paste_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  if (stream == NULL)
    {
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }

  /* Asynchronous: a clipboard of this very app is written by the same
   * main loop that reads it. */
  memory = g_memory_output_stream_new_resizable ();
  g_object_set_data_full (G_OBJECT (memory), "venture-mime-type", g_strdup (mime_type), g_free);
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_paste_spliced, g_steal_pointer (&data));
}

static void
paste (VentureBoard *self)
{
  static const char *mime_types[] = {
    VENTURE_NOTES_MIME_TYPE, "text/plain;charset=utf-8", "text/plain", NULL
  };
  VentureBlockView *view = focused_view (self);
  PasteData *data;

  if (!can_edit (self))
    return;

  data = g_new0 (PasteData, 1);
  data->board = g_object_ref (self);
  data->block_id = view != NULL ? g_strdup (venture_block_view_get_block_id (view)) : NULL;
  gdk_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), mime_types,
                            G_PRIORITY_DEFAULT, NULL, on_paste_read, data);
}

/* Keyboard moves */

/* Distance from @value to the interval [@start, @end]. */
static double
interval_distance (double value,
                   double start,
                   double end)
{
  if (value < start)
    return start - value;
  if (value > end)
    return value - end;
  return 0;
}

/* The block next to @view in @direction, as seen from @point (the centre
 * of the focused note): the nearest block that way, preferring one the
 * note lies in line with. */
static VentureBlockView *
neighbour_view (VentureBoard           *self,
                VentureBlockView       *view,
                const graphene_point_t *point,
                const char             *direction)
{
  graphene_rect_t from;
  VentureBlockView *best = NULL;
  double best_score = G_MAXDOUBLE;
  gboolean horizontal = g_str_equal (direction, "left") || g_str_equal (direction, "right");
  gboolean forward = g_str_equal (direction, "right") || g_str_equal (direction, "down");

  if (!gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (self), &from))
    return NULL;

  for (guint i = 0; i < n_views (self); i++)
    {
      GtkWidget *other = view_at (self, i);
      graphene_rect_t to;
      double along, across, from_start, from_end, to_start, to_end, score;

      if (other == GTK_WIDGET (view) || !gtk_widget_compute_bounds (other, GTK_WIDGET (self), &to))
        continue;

      from_start = horizontal ? from.origin.x : from.origin.y;
      from_end = from_start + (horizontal ? from.size.width : from.size.height);
      to_start = horizontal ? to.origin.x : to.origin.y;
      to_end = to_start + (horizontal ? to.size.width : to.size.height);

      if (forward ? to_start < from_end - 1 : to_end > from_start + 1)
        continue;

      along = forward ? to_start - from_end : from_start - to_end;
      across = horizontal ? interval_distance (point->y, to.origin.y, to.origin.y + to.size.height)
                          : interval_distance (point->x, to.origin.x, to.origin.x + to.size.width);
      score = MAX (along, 0) + 4 * across;
      if (score < best_score)
        {
          best_score = score;
          best = VENTURE_BLOCK_VIEW (other);
        }
    }

  return best;
}

static void
move_to_neighbour (VentureBoard *self,
                   const char   *direction)
{
  VentureNoteWidget *widget = focused_note (self);
  g_autoptr(GPtrArray) targets = NULL;
  VentureBlockView *view, *neighbour;
  graphene_point_t center;

  if (widget == NULL)
    return;

  view = VENTURE_BLOCK_VIEW (gtk_widget_get_parent (GTK_WIDGET (widget)));
  if (!gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (GTK_WIDGET (widget)) / 2.0,
                                                       gtk_widget_get_height (GTK_WIDGET (widget)) / 2.0),
                                 &center))
    return;
  neighbour = neighbour_view (self, view, &center, direction);
  if (neighbour == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  targets = targets_for (self, widget);
  move_widgets_to (self, targets, venture_block_view_get_block_id (neighbour));
}

static void
nudge (VentureBoard *self,
       const char   *direction)
{
  VentureNoteWidget *widget = focused_note (self);
  g_autoptr(GPtrArray) targets = NULL;
  double dx = 0, dy = 0;

  if (widget == NULL || !can_edit (self))
    return;

  if (g_str_equal (direction, "left"))
    dx = -NUDGE_STEP;
  else if (g_str_equal (direction, "right"))
    dx = NUDGE_STEP;
  else if (g_str_equal (direction, "up"))
    dy = -NUDGE_STEP;
  else
    dy = NUDGE_STEP;

  targets = targets_for (self, widget);
  begin_group_take (self, g_strdup_printf (ngettext ("Move Note", "Move %u Notes", targets->len), targets->len));
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *target = g_ptr_array_index (targets, i);
      VentureBlockView *view = VENTURE_BLOCK_VIEW (gtk_widget_get_parent (target));
      VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (target));
      graphene_rect_t rect;
      int x, y;

      _venture_block_view_note_rect (view, target, &rect);
      venture_block_view_point_to_position (view, rect.origin.x + dx, rect.origin.y + dy,
                                            rect.size.width, rect.size.height, &x, &y);
      /* A step always shows, however large the block. */
      if (x == venture_note_get_x (note) && dx != 0)
        x = CLAMP (x + (dx > 0 ? 1 : -1), 0, VENTURE_POSITION_MAX);
      if (y == venture_note_get_y (note) && dy != 0)
        y = CLAMP (y + (dy > 0 ? 1 : -1), 0, VENTURE_POSITION_MAX);
      venture_canvas_move_note (self->canvas, note, venture_note_get_block (note), x, y);
      bring_to_front (self, note);
    }
  end_group (self);
}

/* Tidy */

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  VentureNote *na = venture_note_widget_get_note (*(VentureNoteWidget **) a);
  VentureNote *nb = venture_note_widget_get_note (*(VentureNoteWidget **) b);
  int ya = venture_note_get_y (na) / 100, yb = venture_note_get_y (nb) / 100;

  if (ya != yb)
    return ya - yb;
  return venture_note_get_x (na) - venture_note_get_x (nb);
}

/* A neat grid in reading order. When the block cannot hold the grid,
 * the notes overlap like shingles, in the number of columns that leaves
 * the most of each note's first line readable. */
static void
tidy_view (VentureBoard     *self,
           VentureBlockView *view)
{
  g_autoptr(GPtrArray) notes = venture_block_view_get_notes (view);
  graphene_rect_t area;
  int width, height, max_height = 0, columns, rows;
  double column_step, row_step;

  if (!can_edit (self) || notes->len == 0)
    return;

  venture_block_view_get_notes_area (view, &area);
  note_size (NULL, &width, &height);
  for (guint i = 0; i < notes->len; i++)
    {
      int w, h;

      note_size (g_ptr_array_index (notes, i), &w, &h);
      max_height = MAX (max_height, h);
    }
  g_ptr_array_sort (notes, compare_reading_order);

  columns = MAX (1, (int) ((area.size.width + TIDY_GAP) / (width + TIDY_GAP)));
  rows = (notes->len + columns - 1) / columns;
  column_step = width + TIDY_GAP;
  row_step = max_height + TIDY_GAP;

  if (rows * row_step - TIDY_GAP > area.size.height)
    {
      double best_score = -1;

      for (int c = 1; c <= (int) notes->len; c++)
        {
          int r = (notes->len + c - 1) / c;
          double cs = c > 1 ? MIN (width + TIDY_GAP, (area.size.width - width) / (c - 1)) : width;
          double rs = r > 1 ? MIN (max_height + TIDY_GAP, (area.size.height - max_height) / (r - 1)) : max_height;
          /* About a line of text and half a note's width per note. */
          double score = MIN (rs, 20) * MIN (cs, width / 2.0);

          if (cs <= 0 || rs <= 0)
            continue;
          if (score > best_score)
            {
              best_score = score;
              columns = c;
              column_step = cs;
              row_step = rs;
            }
        }
    }

  begin_group (self, _("Tidy Block"));
  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (notes, i);
      VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (widget));
      int w, h, x, y;
      double left = area.origin.x + (i % columns) * column_step;
      double top = area.origin.y + (i / columns) * row_step;

      note_size (widget, &w, &h);
      venture_block_view_point_to_position (view, left, top, w, h, &x, &y);
      venture_canvas_move_note (self->canvas, note, venture_note_get_block (note), x, y);
      /* Later rows lie on the earlier ones, leaving their first lines
       * in sight. */
      venture_canvas_restack_note (self->canvas, note, venture_canvas_get_n_notes (self->canvas) - 1);
    }
  end_group (self);
}

/* Actions */

static VentureBlockView *
block_for_action (VentureBoard *self,
                  GVariant     *parameter)
{
  const char *block_id = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  VentureBlockView *view;

  if (*block_id != '\0')
    {
      GtkWidget *found = venture_board_get_block_view (self, block_id);

      return found != NULL ? VENTURE_BLOCK_VIEW (found) : NULL;
    }

  view = focused_view (self);
  if (view == NULL && self->block_views->len > 0)
    view = g_ptr_array_index (self->block_views, 0);
  return view;
}

static void
board_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VentureBoard *self = VENTURE_BOARD (widget);

  _venture_board_ensure_note_widgets (self);

  if (g_str_equal (action_name, "board.add-note"))
    {
      VentureBlockView *view = block_for_action (self, parameter);
      VentureNoteWidget *focus = focused_note (self);
      graphene_rect_t area;
      double left, top;

      if (view == NULL)
        return;

      venture_block_view_get_notes_area (view, &area);
      left = area.origin.x;
      top = area.origin.y;
      /* From the keyboard, the new note goes next to the focused one. */
      if (focus != NULL && gtk_widget_get_parent (GTK_WIDGET (focus)) == GTK_WIDGET (view) &&
          (parameter == NULL || *g_variant_get_string (parameter, NULL) == '\0'))
        {
          graphene_rect_t rect;

          _venture_block_view_note_rect (view, GTK_WIDGET (focus), &rect);
          left = rect.origin.x + rect.size.width + TIDY_GAP;
          top = rect.origin.y;
        }
      _venture_board_add_note_at (self, view, left, top, "", TRUE);
    }
  else if (g_str_equal (action_name, "board.delete"))
    {
      g_autoptr(GPtrArray) targets = targets_for (self, focused_note (self));
      g_autofree char *label = g_strdup_printf (ngettext ("Delete Note", "Delete %u Notes", targets->len),
                                                targets->len);

      delete_widgets (self, targets, label);
    }
  else if (g_str_equal (action_name, "board.copy") || g_str_equal (action_name, "board.cut"))
    {
      g_autoptr(GPtrArray) targets = targets_for (self, focused_note (self));
      g_autofree char *label = g_strdup_printf (ngettext ("Cut Note", "Cut %u Notes", targets->len),
                                                targets->len);

      if (copy_targets (self, targets) && g_str_equal (action_name, "board.cut"))
        delete_widgets (self, targets, label);
    }
  else if (g_str_equal (action_name, "board.paste"))
    {
      paste (self);
    }
  else if (g_str_equal (action_name, "board.select-all"))
    {
      VentureBlockView *view = focused_view (self);

      unselect_all (self);
      for (guint i = 0; i < self->note_widgets->len; i++)
        {
          GtkWidget *note = g_ptr_array_index (self->note_widgets, i);

          if (view == NULL || gtk_widget_get_parent (note) == GTK_WIDGET (view))
            set_selected (self, VENTURE_NOTE_WIDGET (note), TRUE);
        }
      _venture_board_update_actions (self);
    }
  else if (g_str_equal (action_name, "board.toggle-selected"))
    {
      VentureNoteWidget *note = focused_note (self);

      if (note != NULL)
        _venture_board_note_clicked (self, note, GDK_CONTROL_MASK);
    }
  else if (g_str_equal (action_name, "board.select-none"))
    {
      _venture_board_clear_selection (self);
    }
  else if (g_str_equal (action_name, "board.tidy"))
    {
      VentureBlockView *view = block_for_action (self, parameter);

      if (view != NULL)
        tidy_view (self, view);
    }
  else if (g_str_equal (action_name, "board.move-to-neighbour"))
    {
      move_to_neighbour (self, g_variant_get_string (parameter, NULL));
    }
  else if (g_str_equal (action_name, "board.nudge"))
    {
      nudge (self, g_variant_get_string (parameter, NULL));
    }
  else if (g_str_equal (action_name, "board.zoom-in"))
    {
      venture_board_set_zoom (self, self->zoom * ZOOM_STEP);
    }
  else if (g_str_equal (action_name, "board.zoom-out"))
    {
      venture_board_set_zoom (self, self->zoom / ZOOM_STEP);
    }
  else if (g_str_equal (action_name, "board.zoom-reset"))
    {
      venture_board_set_zoom (self, 1.0);
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           VentureBoard             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double zoom = dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  graphene_point_t pointer;
  double event_x, event_y, surface_x, surface_y;

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  /* The point under the pointer stays there. Scroll events carry the
   * pointer's place in the surface only. */
  if (event != NULL && native != NULL && gdk_event_get_position (event, &event_x, &event_y))
    {
      gtk_native_get_surface_transform (native, &surface_x, &surface_y);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (event_x - surface_x, event_y - surface_y),
                                    &pointer))
        {
          venture_board_zoom_at (self, zoom, pointer.x, pointer.y);
          return TRUE;
        }
    }

  venture_board_set_zoom (self, zoom);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               VentureBoard     *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       VentureBoard   *self)
{
  double x, y;

  /* The point between the fingers stays between them. */
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    venture_board_zoom_at (self, self->zoom_gesture_start * scale, x, y);
  else
    venture_board_set_zoom (self, self->zoom_gesture_start * scale);
}

/* Object */

static void
venture_board_clear_blocks (VentureBoard *self)
{
  clear_notes (self);
  for (guint i = 0; i < self->block_views->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->block_views, i));
  g_ptr_array_set_size (self->block_views, 0);
  g_clear_pointer (&self->tray, gtk_widget_unparent);
}

static void
venture_board_dispose (GObject *object)
{
  VentureBoard *self = VENTURE_BOARD (object);

  g_clear_handle_id (&self->detach_editor_id, g_source_remove);
  g_clear_handle_id (&self->recycle_id, g_source_remove);
  stop_sketching (self);
  if (self->anchor_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->anchor_tick_id);
  self->anchor_tick_id = 0;
  if (self->recycled != NULL)
    g_hash_table_remove_all (self->recycled);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_items_changed, self);
  venture_board_clear_blocks (self);
  if (self->editor != NULL && gtk_widget_get_parent (self->editor) != NULL)
    gtk_widget_unparent (self->editor);
  g_clear_object (&self->editor);
  g_clear_object (&self->template);
  g_clear_object (&self->canvas);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (venture_board_parent_class)->dispose (object);
}

static void
venture_board_finalize (GObject *object)
{
  VentureBoard *self = VENTURE_BOARD (object);

  g_clear_pointer (&self->block_views, g_ptr_array_unref);
  g_clear_pointer (&self->note_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->widget_for_note, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->recycled, g_hash_table_unref);

  G_OBJECT_CLASS (venture_board_parent_class)->finalize (object);
}

static void
venture_board_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VentureBoard *self = VENTURE_BOARD (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_board_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VentureBoard *self = VENTURE_BOARD (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      venture_board_set_template (self, g_value_get_object (value));
      break;
    case PROP_CANVAS:
      venture_board_set_canvas (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      venture_board_set_history (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      venture_board_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_READ_ONLY:
      venture_board_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_arrow_bindings (GtkWidgetClass  *widget_class,
                    GdkModifierType  modifiers,
                    const char      *action)
{
  static const struct { guint key; guint kp_key; const char *direction; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, "left" },
    { GDK_KEY_Right, GDK_KEY_KP_Right, "right" },
    { GDK_KEY_Up, GDK_KEY_KP_Up, "up" },
    { GDK_KEY_Down, GDK_KEY_KP_Down, "down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, modifiers, action, "s", arrows[i].direction);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].kp_key, modifiers, action, "s", arrows[i].direction);
    }
}

/* The note of @view nearest to @from (the focused widget's bounds) in
 * @direction, preferring one in line with it; with @ahead, only a note
 * whose centre lies beyond @from's centre that way. */
static GtkWidget *
nearest_note (VentureBoard          *self,
              GtkWidget             *view,
              GtkWidget             *focus,
              const graphene_rect_t *from,
              GtkDirectionType       direction,
              gboolean               ahead)
{
  g_autoptr(GPtrArray) notes = venture_block_view_get_notes (VENTURE_BLOCK_VIEW (view));
  gboolean horizontal = direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT;
  double sign = direction == GTK_DIR_RIGHT || direction == GTK_DIR_DOWN ? 1 : -1;
  double from_along = horizontal ? from->origin.x + from->size.width / 2 : from->origin.y + from->size.height / 2;
  double best_score = G_MAXDOUBLE;
  GtkWidget *best = NULL;

  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *note = g_ptr_array_index (notes, i);
      graphene_rect_t bounds;
      double along, across;

      if (note == focus || !gtk_widget_is_drawable (note) ||
          !gtk_widget_compute_bounds (note, GTK_WIDGET (self), &bounds))
        continue;

      along = sign * ((horizontal ? bounds.origin.x + bounds.size.width / 2
                                  : bounds.origin.y + bounds.size.height / 2) - from_along);
      across = horizontal ? interval_distance (bounds.origin.y + bounds.size.height / 2,
                                               from->origin.y, from->origin.y + from->size.height)
                          : interval_distance (bounds.origin.x + bounds.size.width / 2,
                                               from->origin.x, from->origin.x + from->size.width);
      if (ahead && along < 0.5)
        continue;
      if (ABS (along) + 4 * across < best_score)
        {
          best_score = ABS (along) + 4 * across;
          best = note;
        }
    }

  return best;
}

/* The arrows move the focus from note to note by place: within its block
 * to the nearest note that way, else into the block Alt and the same
 * arrow would move the note to, to its note nearest the focus (or to the
 * block itself, where a new note can be typed, when it has none). GTK's
 * own moves went by the blocks' bounds, not the note's, and mostly
 * stopped on the blocks' frames and + buttons. */
static gboolean
focus_by_arrow (VentureBoard     *self,
                GtkDirectionType  direction)
{
  static const char *names[] = {
    [GTK_DIR_LEFT] = "left", [GTK_DIR_RIGHT] = "right", [GTK_DIR_UP] = "up", [GTK_DIR_DOWN] = "down",
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *view = focus != NULL ? gtk_widget_get_ancestor (focus, VENTURE_TYPE_BLOCK_VIEW) : NULL;
  VentureBlockView *neighbour;
  graphene_rect_t from;
  GtkWidget *target;

  if (view == NULL || !gtk_widget_is_ancestor (view, GTK_WIDGET (self)) ||
      !gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &from))
    return GTK_WIDGET_CLASS (venture_board_parent_class)->focus (GTK_WIDGET (self), direction);

  target = nearest_note (self, view, focus, &from, direction, TRUE);
  if (target == NULL)
    {
      neighbour = neighbour_view (self, VENTURE_BLOCK_VIEW (view),
                                  &GRAPHENE_POINT_INIT (from.origin.x + from.size.width / 2,
                                                        from.origin.y + from.size.height / 2),
                                  names[direction]);
      if (neighbour == NULL)
        return FALSE;
      target = nearest_note (self, GTK_WIDGET (neighbour), NULL, &from, direction, FALSE);
      if (target == NULL)
        target = GTK_WIDGET (neighbour);
    }

  return gtk_widget_grab_focus (target);
}

/* Tab goes through the blocks in the template's order, each column down
 * and then the bottom row, the tray last. GTK's own order sorts them by
 * their centres, which puts the blocks one row high before those two rows
 * high: Tab from Key Partners never came to Key Activities. */
static gboolean
venture_board_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  VentureBoard *self = VENTURE_BOARD (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int n = (int) n_views (self);
  int step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  int i = step > 0 ? 0 : n - 1;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return focus_by_arrow (self, direction);

  for (int at = 0; focus_child != NULL && at < n; at++)
    if (view_at (self, at) == focus_child)
      {
        if (gtk_widget_child_focus (focus_child, direction))
          return TRUE;
        i = at + step;
        break;
      }

  for (; i >= 0 && i < n; i += step)
    if (gtk_widget_is_drawable (view_at (self, i)) && gtk_widget_child_focus (view_at (self, i), direction))
      return TRUE;

  return FALSE;
}

static void
venture_board_class_init (VentureBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_board_dispose;
  object_class->finalize = venture_board_finalize;
  object_class->get_property = venture_board_get_property;
  object_class->set_property = venture_board_set_property;

  widget_class->measure = venture_board_measure;
  widget_class->get_request_mode = venture_board_get_request_mode;
  widget_class->size_allocate = venture_board_size_allocate;
  widget_class->focus = venture_board_focus;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         VENTURE_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         VENTURE_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         VENTURE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         VENTURE_BOARD_ZOOM_MIN, VENTURE_BOARD_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "board");

  gtk_widget_class_install_action (widget_class, "board.add-note", "s", board_action);
  gtk_widget_class_install_action (widget_class, "board.delete", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.cut", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.copy", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.paste", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.select-all", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.select-none", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.toggle-selected", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.tidy", "s", board_action);
  gtk_widget_class_install_action (widget_class, "board.move-to-neighbour", "s", board_action);
  gtk_widget_class_install_action (widget_class, "board.nudge", "s", board_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-in", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-out", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-reset", NULL, board_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "board.add-note", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "board.add-note", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "board.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "board.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "board.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "board.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "board.toggle-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "board.tidy", "s", "");
  add_arrow_bindings (widget_class, GDK_ALT_MASK, "board.move-to-neighbour");
  add_arrow_bindings (widget_class, GDK_CONTROL_MASK, "board.nudge");
}

static void
venture_board_init (VentureBoard *self)
{
  static const struct { const char *trigger; const char *action; } zoom_keys[] = {
    { "<Control>plus|<Control>equal|<Control>KP_Add", "board.zoom-in" },
    { "<Control>minus|<Control>KP_Subtract", "board.zoom-out" },
    { "<Control>0|<Control>KP_0", "board.zoom-reset" },
  };
  GtkEventController *scroll;
  GtkEventController *shortcuts;
  GtkGesture *zoom;

  self->block_views = g_ptr_array_new ();
  self->note_widgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->widget_for_note = g_hash_table_new (NULL, NULL);
  self->selection = g_hash_table_new (NULL, NULL);
  self->recycled = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->zoom = 1.0;
  self->shrink = 1.0;

  self->tray_info.id = VENTURE_UNSORTED_BLOCK;
  self->tray_info.label = _("Unsorted");
  self->tray_info.header_label = self->tray_info.label;
  self->tray_info.questions = _("Ideas without a block yet: dump them here first, sort them later.");

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  /* Zooming works wherever the focus is in the window, not only on the
   * board: a window just opened has its focus in the header bar. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (zoom_keys[i].trigger),
                                                            gtk_named_action_new (zoom_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_widget_add_controller (GTK_WIDGET (self), _venture_note_widget_shortcuts_new ());

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  _venture_board_update_actions (self);
}

GtkWidget *
venture_board_new (void)
{
  return g_object_new (VENTURE_TYPE_BOARD, NULL);
}

VentureTemplate *
venture_board_get_template (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->template;
}

void
venture_board_set_template (VentureBoard    *self,
                            VentureTemplate *template)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));
  g_return_if_fail (!template || VENTURE_IS_TEMPLATE (template));

  if (!g_set_object (&self->template, template))
    return;

  venture_board_clear_blocks (self);

  if (template != NULL)
    {
      for (guint i = 0; i < venture_template_get_n_blocks (template); i++)
        {
          GtkWidget *view = venture_block_view_new (venture_template_get_block (template, i));

          gtk_widget_set_parent (view, GTK_WIDGET (self));
          g_ptr_array_add (self->block_views, view);
        }

      self->tray = venture_block_view_new (&self->tray_info);
      gtk_widget_add_css_class (self->tray, "tray");
      gtk_widget_set_parent (self->tray, GTK_WIDGET (self));
      for (guint i = 0; i < n_views (self); i++)
        _venture_block_view_set_editable (VENTURE_BLOCK_VIEW (view_at (self, i)), !self->read_only);
    }

  build_notes (self);
  _venture_board_update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

VentureCanvas *
venture_board_get_canvas (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->canvas;
}

void
venture_board_set_canvas (VentureBoard  *self,
                          VentureCanvas *canvas)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));
  g_return_if_fail (!canvas || VENTURE_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, on_items_changed, self);
  clear_notes (self);
  g_set_object (&self->canvas, canvas);

  if (canvas != NULL)
    {
      g_signal_connect_swapped (canvas, "items-changed", G_CALLBACK (on_items_changed), self);
      build_notes (self);
    }

  _venture_board_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

VentureHistory *
venture_board_get_history (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->history;
}

void
venture_board_set_history (VentureBoard   *self,
                           VentureHistory *history)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));
  g_return_if_fail (!history || VENTURE_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

GtkWidget *
venture_board_get_block_view (VentureBoard *self,
                              const char   *block_id)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);

  if (g_strcmp0 (block_id, VENTURE_UNSORTED_BLOCK) == 0)
    return self->tray;

  for (guint i = 0; i < self->block_views->len; i++)
    {
      VentureBlockView *view = g_ptr_array_index (self->block_views, i);

      if (g_strcmp0 (venture_block_view_get_block_id (view), block_id) == 0)
        return GTK_WIDGET (view);
    }

  return NULL;
}

GtkWidget *
venture_board_get_tray (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->tray;
}

GtkWidget *
venture_board_get_note_widget (VentureBoard *self,
                               VentureNote  *note)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);

  _venture_board_ensure_note_widgets (self);
  return g_hash_table_lookup (self->widget_for_note, note);
}

GPtrArray *
venture_board_get_selection (VentureBoard *self)
{
  g_autoptr(GPtrArray) widgets = NULL;
  GPtrArray *notes;

  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);

  _venture_board_ensure_note_widgets (self);

  widgets = targets_for (self, NULL);
  notes = g_ptr_array_new ();
  for (guint i = 0; i < widgets->len; i++)
    g_ptr_array_add (notes, venture_note_widget_get_note (g_ptr_array_index (widgets, i)));

  return notes;
}

void
venture_board_select_note (VentureBoard *self,
                           VentureNote  *note,
                           gboolean      extend)
{
  GtkWidget *widget;

  g_return_if_fail (VENTURE_IS_BOARD (self));

  _venture_board_ensure_note_widgets (self);

  widget = g_hash_table_lookup (self->widget_for_note, note);
  if (widget == NULL)
    return;

  _venture_board_note_clicked (self, VENTURE_NOTE_WIDGET (widget), extend ? GDK_SHIFT_MASK : 0);
}

double
venture_board_get_zoom (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), 1.0);
  return self->zoom;
}

/**
 * venture_board_zoom_at:
 * @x: (in board coordinates) the point that stays in place, under the
 *   pointer or between the fingers
 *
 * Zooms as venture_board_set_zoom() does, keeping what is at (@x, @y)
 * where it is in the window; the view scrolls as far as it can.
 */
void
venture_board_zoom_at (VentureBoard *self,
                       double        zoom,
                       double        x,
                       double        y)
{
  GtkWidget *view;
  double before;
  graphene_point_t in_view;

  g_return_if_fail (VENTURE_IS_BOARD (self));

  before = self->zoom;
  view = scrolled_view (self);
  venture_board_set_zoom (self, zoom);
  if (self->zoom == before || view == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), view, &GRAPHENE_POINT_INIT (x, y), &in_view))
    return;

  graphene_point_init (&self->anchor, x / before, y / before);
  self->anchor_in_view = in_view;
  self->anchored = 3;
}

void
venture_board_set_zoom (VentureBoard *self,
                        double        zoom)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));

  zoom = CLAMP (zoom, VENTURE_BOARD_ZOOM_MIN, VENTURE_BOARD_ZOOM_MAX);
  /* Steps that pass by "fit" stop there, so Ctrl+plus and Ctrl+minus
   * always find their way back to it. */
  if (fabs (zoom - 1.0) < 0.02)
    zoom = 1.0;
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  _venture_board_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gboolean
venture_board_get_read_only (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), FALSE);
  return self->read_only;
}

void
venture_board_set_read_only (VentureBoard *self,
                             gboolean      read_only)
{
  g_return_if_fail (VENTURE_IS_BOARD (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  /* Text being typed into a note is committed while it still may be. */
  if (read_only)
    end_editing (self, FALSE);
  self->read_only = read_only;
  for (guint i = 0; i < n_views (self); i++)
    _venture_block_view_set_editable (VENTURE_BLOCK_VIEW (view_at (self, i)), !read_only);
  _venture_board_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

VentureNote *
venture_board_get_editing (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->editing != NULL ? venture_note_widget_get_note (self->editing) : NULL;
}

GtkTextView *
venture_board_get_editor (VentureBoard *self)
{
  g_return_val_if_fail (VENTURE_IS_BOARD (self), NULL);
  return self->editor != NULL ? GTK_TEXT_VIEW (self->editor) : NULL;
}
