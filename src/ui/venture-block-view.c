/* venture-block-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-block-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "venture-board-private.h"
#include "venture-note-text.h"
#include "venture-note-widget.h"
#include "venture-ui-resources.h"

#include "venture-block-view.h"

#define HEADER_SPACING 4
/* Notes stay live until the block has been left alone this long. */
#define LIVE_TIMEOUT_MS 2000
/* The image reaches this far past the content box: notes at an edge draw
 * their outline and shadow into the block's padding. */
#define CACHE_MARGIN 16
/* How far a note's drawing reaches past its allocation: the shadow and
 * the selection and focus outlines, and further the highlight's glow
 * (see style.css). Its paper is opaque but for the rounded corners. */
#define NOTE_INK_REACH             8
#define NOTE_HIGHLIGHT_REACH       14
#define NOTE_CORNER_RADIUS         2
#define NOTE_FOLDED_CORNER_RADIUS  10

struct _VentureBlockView
{
  GtkWidget        parent_instance;

  char            *block_id;
  char            *label;
  guint            n_notes;

  GtkWidget       *pressed_note;  /* the note under the last press */
  GtkWidget       *drag_note;     /* the note being dragged from here */
  double           drag_x;        /* where the pointer holds it */
  double           drag_y;

  GtkWidget       *editor;       /* borrowed from the board while editing */
  GtkWidget       *edited_note;

  graphene_rect_t  area;
  graphene_rect_t  band;
  gboolean         band_active;
  gboolean         band_ignored;

  cairo_surface_t *cache;        /* the resting notes, at cache_scale */
  GskRenderNode   *cache_node;   /* the same image, one node for every frame */
  double           cache_scale;
  int              cache_width;
  int              cache_height;
  GHashTable      *painted;      /* resting notes in the image -> the pixels they were drawn on;
                                  * the others lie hidden */
  cairo_region_t  *covered;      /* where the painted notes hide what is below them */
  cairo_region_t  *stale;        /* pixels of the image that showed notes since gone */
  GHashTable      *arrived;      /* notes come under others, for the image at the next frame */
  GHashTable      *live;         /* notes drawn on their own, not cached */
  guint            live_timeout_id;

  /* Notes without widgets yet, bottom up, and their sketches (made as
   * the image is first drawn): a big canvas's first frame. */
  GPtrArray       *sketch_notes;
  GPtrArray       *sketches;
  gboolean         adopted_unallocated;  /* their widgets came, not yet placed */
  gboolean         adopting;

  GtkWidget       *header;
  GtkLabel        *title_label;
  GtkButton       *add_button;
  GtkLabel        *questions_label;
};

G_DEFINE_FINAL_TYPE (VentureBlockView, venture_block_view, GTK_TYPE_WIDGET)

static void
venture_block_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (widget);
  int header_min, header_nat;

  gtk_widget_measure (self->header, orientation, for_size, &header_min, &header_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A note is never wider than its block: it would be cut off. */
      *minimum = MAX (header_min, VENTURE_NOTE_WIDTH + 2 * VENTURE_NOTE_PADDING);
      *natural = MAX (header_nat, *minimum);
    }
  else
    {
      *minimum = header_min + HEADER_SPACING;
      *natural = header_nat + HEADER_SPACING + VENTURE_NOTE_MAX_HEIGHT;
    }
}

static void
measure_note (GtkWidget *note,
              int       *width,
              int       *height)
{
  gtk_widget_measure (note, GTK_ORIENTATION_HORIZONTAL, -1, width, NULL, NULL, NULL);
  gtk_widget_measure (note, GTK_ORIENTATION_VERTICAL, *width, height, NULL, NULL, NULL);
}

static void
allocate_note (VentureBlockView *self,
               GtkWidget        *child,
               GtkAllocation    *allocation)
{
  VentureNote *note = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (child));
  double left, top;

  measure_note (child, &allocation->width, &allocation->height);
  venture_block_view_position_to_point (self,
                                        venture_note_get_x (note), venture_note_get_y (note),
                                        allocation->width, allocation->height,
                                        &left, &top);
  allocation->x = (int) left;
  allocation->y = (int) top;
  gtk_widget_size_allocate (child, allocation, -1);
}

static void
venture_block_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (widget);
  int header_height, unused;

  gtk_widget_measure (self->header, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height, NULL, NULL);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, header_height }, -1);

  if (width != self->cache_width || height != self->cache_height)
    _venture_block_view_invalidate (self);

  graphene_rect_init (&self->area, 0, header_height + HEADER_SPACING,
                      width, MAX (0, height - header_height - HEADER_SPACING));
  self->adopted_unallocated = FALSE;

  if (gtk_widget_get_visible (GTK_WIDGET (self->questions_label)))
    {
      gtk_widget_measure (GTK_WIDGET (self->questions_label), GTK_ORIENTATION_HORIZONTAL, -1,
                          &unused, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (self->questions_label),
                                &(GtkAllocation) { 0, self->area.origin.y,
                                                   width, self->area.size.height }, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;

      if (!VENTURE_IS_NOTE_WIDGET (child))
        continue;

      allocate_note (self, child, &allocation);

      if (child == self->edited_note && self->editor != NULL)
        {
          int editor_height;

          /* The editor covers its note and grows downwards with the text,
           * as far as the block allows. */
          gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
          gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, allocation.width,
                              NULL, &editor_height, NULL, NULL);
          allocation.height = MAX (allocation.height, editor_height);
          if (allocation.y + allocation.height > height)
            allocation.y = MAX ((int) self->area.origin.y, height - allocation.height);
          gtk_widget_size_allocate (self->editor, &allocation, -1);
        }
    }
}

static void
drop_cache (VentureBlockView *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  g_clear_pointer (&self->covered, cairo_region_destroy);
  g_clear_pointer (&self->stale, cairo_region_destroy);
  g_hash_table_remove_all (self->painted);
  g_hash_table_remove_all (self->arrived);
}

void
_venture_block_view_invalidate (VentureBlockView *self)
{
  drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
cache_scale (VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));

  return gtk_widget_get_scale_factor (GTK_WIDGET (self)) *
         (board != NULL ? venture_board_get_zoom (board) : 1.0);
}

void
_venture_block_view_note_rect (VentureBlockView *self,
                               GtkWidget        *note,
                               graphene_rect_t  *rect)
{
  VentureNote *model = venture_note_widget_get_note (VENTURE_NOTE_WIDGET (note));
  int width, height;
  double left, top;

  measure_note (note, &width, &height);
  venture_block_view_position_to_point (self, venture_note_get_x (model), venture_note_get_y (model),
                                        width, height, &left, &top);
  graphene_rect_init (rect, left, top, width, height);
}

static int
get_reach (GtkWidget *note)
{
  return gtk_widget_has_css_class (note, "highlighted") ? NOTE_HIGHLIGHT_REACH : NOTE_INK_REACH;
}

/* The note with the keyboard focus is drawn over the others, wherever it
 * lies in the pile, so that the focus always shows; it goes back among
 * them once the focus leaves. */
static gboolean
shows_focus (GtkWidget *note)
{
  return (gtk_widget_get_state_flags (note) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0;
}

/* A resting note, as the image sees it: a note widget, or a sketch of a
 * note that has no widget yet. */
typedef struct
{
  gpointer           key;     /* the widget or the sketch */
  GtkWidget         *widget;
  VentureNoteSketch *sketch;
  graphene_rect_t    bounds;  /* in the block's coordinates */
  int                reach;   /* how far its drawing reaches past them */
  gboolean           covers;  /* whether its paper hides what is below */
} Resting;

/* A note hides what lies below it where its paper is opaque: not while
 * it is dimmed or dragged (see style.css). */
static void
resting_from_widget (VentureBlockView *self,
                     GtkWidget        *note,
                     Resting          *resting)
{
  resting->key = note;
  resting->widget = note;
  resting->sketch = NULL;
  _venture_block_view_note_rect (self, note, &resting->bounds);
  resting->reach = get_reach (note);
  resting->covers = gtk_widget_get_visible (note) && gtk_widget_get_opacity (note) >= 1.0 &&
                    !gtk_widget_has_css_class (note, "dragging") && !gtk_widget_has_css_class (note, "dimmed");
}

static void
resting_from_sketch (VentureBlockView  *self,
                     VentureNoteSketch *sketch,
                     Resting           *resting)
{
  VentureNote *model = _venture_note_sketch_get_note (sketch);
  int width, height;
  double left, top;

  resting->key = sketch;
  resting->widget = NULL;
  resting->sketch = sketch;
  _venture_note_sketch_get_size (sketch, &width, &height);
  venture_block_view_position_to_point (self, venture_note_get_x (model), venture_note_get_y (model),
                                        width, height, &left, &top);
  graphene_rect_init (&resting->bounds, left, top, width, height);
  resting->reach = NOTE_INK_REACH;
  resting->covers = TRUE;
}

/* Where @resting draws, in the block's coordinates, whole pixels. */
static void
get_resting_ink (const Resting         *resting,
                 cairo_rectangle_int_t *ink)
{
  const graphene_rect_t *bounds = &resting->bounds;

  *ink = (cairo_rectangle_int_t) {
    (int) floorf (bounds->origin.x) - resting->reach,
    (int) floorf (bounds->origin.y) - resting->reach,
    (int) ceilf (bounds->size.width) + 2 * resting->reach + 1,
    (int) ceilf (bounds->size.height) + 2 * resting->reach + 1,
  };
}

static void
get_ink_rect (VentureBlockView      *self,
              GtkWidget             *note,
              cairo_rectangle_int_t *ink)
{
  Resting resting;

  resting_from_widget (self, note, &resting);
  get_resting_ink (&resting, ink);
}

/* TRUE when nothing @resting draws can show: the paper of the painted
 * notes above it covers all of it. */
static gboolean
is_hidden (VentureBlockView *self,
           const Resting    *resting)
{
  cairo_rectangle_int_t ink;

  if (self->covered == NULL)
    return FALSE;

  get_resting_ink (resting, &ink);
  return cairo_region_contains_rectangle (self->covered, &ink) == CAIRO_REGION_OVERLAP_IN;
}

static void
add_cover (const Resting  *resting,
           cairo_region_t *covered)
{
  const graphene_rect_t *bounds = &resting->bounds;
  int left, top, right, bottom;

  if (!resting->covers)
    return;

  /* The allocation is at the whole pixel below the rect's origin. */
  left = (int) ceilf (bounds->origin.x) + NOTE_CORNER_RADIUS;
  top = (int) ceilf (bounds->origin.y) + NOTE_CORNER_RADIUS;
  right = (int) floorf (bounds->origin.x) + (int) bounds->size.width - NOTE_CORNER_RADIUS;
  bottom = (int) floorf (bounds->origin.y) + (int) bounds->size.height - NOTE_CORNER_RADIUS;
  if (right - left <= NOTE_FOLDED_CORNER_RADIUS || bottom - top <= NOTE_FOLDED_CORNER_RADIUS)
    return;
  /* all but the bottom right corner */
  cairo_region_union_rectangle (covered,
                                &(cairo_rectangle_int_t) { left, top, right - left,
                                                           bottom - top - NOTE_FOLDED_CORNER_RADIUS });
  cairo_region_union_rectangle (covered,
                                &(cairo_rectangle_int_t) { left, top, right - left - NOTE_FOLDED_CORNER_RADIUS,
                                                           bottom - top });
}

/* Draws @note onto the image only within @shows, in the image's pixels,
 * around where the notes drawn after it leave it showing: in a crowded
 * block much of a note's paper and text lies under others, and drawing
 * it there costs cairo as much as drawing it where it shows. One whole-
 * pixel rectangle, because cairo draws within it exactly as without it
 * (a clip of many rectangles would change the antialiasing at their
 * edges), so the image is the very one the spot repaints give. */
static void
paint_resting (VentureBlockView            *self,
               cairo_t                     *cr,
               const Resting               *resting,
               const cairo_rectangle_int_t *shows,
               const cairo_region_t        *visible)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;

  if (shows->width <= 0 || shows->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, shows->x, shows->y, shows->width, shows->height);
  cairo_clip (cr);
  cairo_scale (cr, self->cache_scale, self->cache_scale);
  if (resting->sketch != NULL ||
      _venture_note_widget_can_paint (VENTURE_NOTE_WIDGET (resting->widget)))
    {
      /* where GTK draws a note's content: at its allocation, a whole
       * pixel (allocate_note), past its padding */
      double left = (int) resting->bounds.origin.x + VENTURE_NOTE_PADDING;
      double top = (int) resting->bounds.origin.y + VENTURE_NOTE_PADDING;
      graphene_rect_t area = GRAPHENE_RECT_INIT (shows->x / self->cache_scale - CACHE_MARGIN - left,
                                                 shows->y / self->cache_scale - CACHE_MARGIN - top,
                                                 shows->width / self->cache_scale,
                                                 shows->height / self->cache_scale);

      cairo_translate (cr, CACHE_MARGIN + left, CACHE_MARGIN + top);
      if (resting->sketch != NULL)
        _venture_note_sketch_paint (resting->sketch, cr, &area, visible);
      else
        _venture_note_widget_paint (VENTURE_NOTE_WIDGET (resting->widget), cr, &area, visible);
    }
  else
    {
      snapshot = gtk_snapshot_new ();
      gtk_widget_snapshot_child (GTK_WIDGET (self), resting->widget, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      cairo_translate (cr, CACHE_MARGIN, CACHE_MARGIN);
      if (node != NULL)
        gsk_render_node_draw (node, cr);
    }
  cairo_restore (cr);
}

/* Draws @notes, from the bottom up, onto the image, and makes the node
 * every frame shows until the image changes again. With @clip (in the
 * image's pixels), what the image showed there is wiped first and only
 * there is drawn: @notes are then all the notes that show there. With
 * @shown, each note is drawn only within the rectangle around its region
 * there, and its lines of text that reach it (see paint_resting). */
static void
paint_into_cache (VentureBlockView     *self,
                  GArray               *notes,
                  GArray               *shown,
                  const cairo_region_t *clip)
{
  int width = cairo_image_surface_get_width (self->cache);
  int height = cairo_image_surface_get_height (self->cache);
  cairo_rectangle_int_t everywhere = { 0, 0, width, height };
  cairo_t *cr = cairo_create (self->cache);

  if (clip != NULL)
    {
      /* Whole pixels: the notes drawn again there give the very
       * pixels a drawing of the whole block gives. */
      for (int i = 0; i < cairo_region_num_rectangles (clip); i++)
        {
          cairo_rectangle_int_t rect;

          cairo_region_get_rectangle (clip, i, &rect);
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        }
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_region_get_extents (clip, &everywhere);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      cairo_region_t *visible = shown != NULL ? g_array_index (shown, cairo_region_t *, i) : NULL;
      cairo_rectangle_int_t extents = everywhere;

      if (visible != NULL)
        cairo_region_get_extents (visible, &extents);
      paint_resting (self, cr, &g_array_index (notes, Resting, i), &extents, visible);
    }
  cairo_destroy (cr);

  /* The node is kept: the renderer sees the same node frame after frame
   * and draws only where the live notes changed, not the whole block.
   * (A texture node would do as well, but on GTK 4.8 the cairo renderer
   * converts a texture's every pixel on each frame.) */
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  self->cache_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (-CACHE_MARGIN, -CACHE_MARGIN,
                                                              width / self->cache_scale,
                                                              height / self->cache_scale));
  cr = gsk_cairo_node_get_draw_context (self->cache_node);
  cairo_translate (cr, -CACHE_MARGIN, -CACHE_MARGIN);
  cairo_scale (cr, 1 / self->cache_scale, 1 / self->cache_scale);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* The notes were found from the top down; they are drawn bottom up. */
static void
reverse (GArray *items)
{
  guint size = g_array_get_element_size (items);
  g_autofree char *swap = g_malloc (size);

  for (guint i = 0; i < items->len / 2; i++)
    {
      char *low = items->data + i * size;
      char *high = items->data + (items->len - 1 - i) * size;

      memcpy (swap, low, size);
      memcpy (low, high, size);
      memcpy (high, swap, size);
    }
}

static void
clear_region (gpointer data)
{
  cairo_region_destroy (*(cairo_region_t **) data);
}

/* @rect, in the block's coordinates, as whole pixels of the image: those
 * that hold all of it, or with @inside those wholly inside it (FALSE
 * when there are none). */
static gboolean
block_to_image (VentureBlockView            *self,
                const cairo_rectangle_int_t *rect,
                gboolean                     inside,
                cairo_rectangle_int_t       *pixels)
{
  double left = (rect->x + CACHE_MARGIN) * self->cache_scale;
  double top = (rect->y + CACHE_MARGIN) * self->cache_scale;
  double right = (rect->x + rect->width + CACHE_MARGIN) * self->cache_scale;
  double bottom = (rect->y + rect->height + CACHE_MARGIN) * self->cache_scale;

  if (inside)
    *pixels = (cairo_rectangle_int_t) { (int) ceil (left), (int) ceil (top),
                                        (int) floor (right) - (int) ceil (left),
                                        (int) floor (bottom) - (int) ceil (top) };
  else
    *pixels = (cairo_rectangle_int_t) { (int) floor (left), (int) floor (top),
                                        (int) ceil (right) - (int) floor (left),
                                        (int) ceil (bottom) - (int) floor (top) };

  return pixels->width > 0 && pixels->height > 0;
}

static const cairo_rectangle_int_t *
set_painted (VentureBlockView *self,
             const Resting    *resting)
{
  cairo_rectangle_int_t ink;
  cairo_rectangle_int_t *pixels = g_new (cairo_rectangle_int_t, 1);

  get_resting_ink (resting, &ink);
  block_to_image (self, &ink, FALSE, pixels);
  g_hash_table_insert (self->painted, resting->key, pixels);

  return pixels;
}

/* These pixels of the image are drawn again before the next frame, from
 * the notes that show there then, some perhaps hidden until now: a note
 * that comes or goes changes only its own place. Drawing the whole
 * crowded block again costs tens of milliseconds. */
static void
mark_stale (VentureBlockView            *self,
            const cairo_rectangle_int_t *pixels)
{
  int left, top, right, bottom;

  if (self->stale == NULL)
    self->stale = cairo_region_create ();
  cairo_region_union_rectangle (self->stale, pixels);

  /* What lies there is no longer known to be hidden; the covers of the
   * notes drawn there again come back then. (Knowing less than the truth
   * only counts a hidden note as shown.) */
  left = (int) floor (pixels->x / self->cache_scale) - CACHE_MARGIN;
  top = (int) floor (pixels->y / self->cache_scale) - CACHE_MARGIN;
  right = (int) ceil ((pixels->x + pixels->width) / self->cache_scale) - CACHE_MARGIN;
  bottom = (int) ceil ((pixels->y + pixels->height) / self->cache_scale) - CACHE_MARGIN;
  cairo_region_subtract_rectangle (self->covered,
                                   &(cairo_rectangle_int_t) { left, top, right - left, bottom - top });
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The image without @note, where it was drawn; nothing for a note not
 * on it. */
static void
take_off_image (VentureBlockView *self,
                gpointer          note)
{
  cairo_rectangle_int_t *pixels = g_hash_table_lookup (self->painted, note);

  if (pixels == NULL)
    return;

  mark_stale (self, pixels);
  g_hash_table_remove (self->painted, note);
}

static void
mark_arrived_stale (VentureBlockView *self)
{
  GHashTableIter iter;
  gpointer note;

  g_hash_table_iter_init (&iter, self->arrived);
  while (g_hash_table_iter_next (&iter, &note, NULL))
    if (!g_hash_table_contains (self->live, note) && gtk_widget_get_visible (note))
      {
        cairo_rectangle_int_t ink, pixels;

        get_ink_rect (self, note, &ink);
        block_to_image (self, &ink, FALSE, &pixels);
        mark_stale (self, &pixels);
      }
  g_hash_table_remove_all (self->arrived);
}

/* Adds to @hiding the image's pixels wholly under @resting's paper. */
static void
add_hiding (VentureBlockView *self,
            const Resting    *resting,
            cairo_region_t   *hiding)
{
  cairo_region_t *region = cairo_region_create ();

  add_cover (resting, region);
  for (int i = 0; i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t cover, inside;

      cairo_region_get_rectangle (region, i, &cover);
      if (block_to_image (self, &cover, TRUE, &inside))
        cairo_region_union_rectangle (hiding, &inside);
    }
  cairo_region_destroy (region);
}

/* Draws the stale pixels of the image again: the notes that show there,
 * from the bottom up, each only there. */
static void
repaint_stale (VentureBlockView *self)
{
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (Resting));
  cairo_region_t *stale = g_steal_pointer (&self->stale);
  cairo_region_t *hiding = cairo_region_create ();  /* under the paper of notes found */

  /* From the top down: a note whose part in the stale pixels lies
   * under the paper of those above is left out. */
  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    {
      cairo_rectangle_int_t ink, pixels;
      cairo_region_t *region;
      Resting resting;
      gboolean shows;

      if (!VENTURE_IS_NOTE_WIDGET (child) || g_hash_table_contains (self->live, child) ||
          !gtk_widget_get_visible (child))
        continue;

      resting_from_widget (self, child, &resting);
      get_resting_ink (&resting, &ink);
      block_to_image (self, &ink, FALSE, &pixels);
      if (cairo_region_contains_rectangle (stale, &pixels) == CAIRO_REGION_OVERLAP_OUT)
        continue;
      region = cairo_region_create_rectangle (&pixels);
      cairo_region_intersect (region, stale);
      cairo_region_subtract (region, hiding);
      shows = !cairo_region_is_empty (region);
      cairo_region_destroy (region);
      if (!shows)
        continue;

      g_array_append_val (notes, resting);
      set_painted (self, &resting);
      add_cover (&resting, self->covered);
      add_hiding (self, &resting, hiding);
    }
  reverse (notes);

  paint_into_cache (self, notes, NULL, stale);

  cairo_region_destroy (hiding);
  cairo_region_destroy (stale);
}

/* TRUE when every live note is above every resting one. */
static gboolean
live_on_top (VentureBlockView *self)
{
  guint n_live = 0;

  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self));
       child != NULL && n_live < g_hash_table_size (self->live);
       child = gtk_widget_get_prev_sibling (child))
    {
      if (!VENTURE_IS_NOTE_WIDGET (child))
        continue;
      if (!g_hash_table_contains (self->live, child))
        return FALSE;
      n_live++;
    }

  return TRUE;
}

static void
end_live (gpointer data)
{
  VentureBlockView *self = data;
  g_autoptr(GArray) notes = NULL;
  GHashTableIter iter;
  gpointer live, focused = NULL;

  self->live_timeout_id = 0;
  if (g_hash_table_size (self->live) == 0)
    return;

  /* (the focused note stays over the others while it has the focus: its
   * state changing ends it, see _venture_block_view_note_changed) */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &live, NULL))
    if (shows_focus (live))
      focused = live;
  if (focused != NULL && g_hash_table_size (self->live) == 1)
    return;

  /* Notes at rest on top of the others go onto the image as they are;
   * drawing the whole block again, a crowded one, takes many frames. */
  if (self->cache == NULL || focused != NULL || !live_on_top (self))
    {
      g_hash_table_remove_all (self->live);
      if (focused != NULL)
        g_hash_table_add (self->live, focused);
      _venture_block_view_invalidate (self);
      return;
    }

  notes = g_array_new (FALSE, FALSE, sizeof (Resting));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_hash_table_contains (self->live, child))
      {
        Resting resting;

        resting_from_widget (self, child, &resting);
        g_array_append_val (notes, resting);
      }
  g_hash_table_remove_all (self->live);
  for (guint i = 0; i < notes->len; i++)
    {
      set_painted (self, &g_array_index (notes, Resting, i));
      add_cover (&g_array_index (notes, Resting, i), self->covered);
    }
  paint_into_cache (self, notes, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
restart_live_timeout (VentureBlockView *self)
{
  g_clear_handle_id (&self->live_timeout_id, g_source_remove);
  self->live_timeout_id = g_timeout_add_once (LIVE_TIMEOUT_MS, end_live, self);
}

void
_venture_block_view_note_changed (VentureBlockView *self,
                                  GtkWidget        *note)
{
  /* A sketched note's widget coming into the window (taking the
   * window's state) shows as its sketch did. */
  if (self->adopting)
    return;

  /* Before the block is first shown there is no image to keep: the
   * notes getting their chips as the window opens all go onto it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _venture_block_view_invalidate (self);
      return;
    }

  /* A note hidden under others, and staying so, changes nothing shown. */
  if (self->cache != NULL && !g_hash_table_contains (self->live, note) &&
      !g_hash_table_contains (self->painted, note) && !shows_focus (note))
    {
      Resting resting;

      resting_from_widget (self, note, &resting);
      if (is_hidden (self, &resting))
        return;
    }

  /* The resting notes are drawn again once, without this one; from then
   * on each frame of a drag, or of a note being selected and edited,
   * draws only the notes that change. */
  if (!g_hash_table_contains (self->live, note))
    {
      g_hash_table_add (self->live, note);
      take_off_image (self, note);
    }
  restart_live_timeout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The sketches of the notes that have no widget yet, made anew when the
 * fonts changed. */
static void
ensure_sketches (VentureBlockView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  g_return_if_fail (board != NULL);

  for (guint i = 0; i < self->sketch_notes->len; i++)
    {
      VentureNoteSketch *sketch = g_ptr_array_index (self->sketches, i);

      if (sketch == NULL || !_venture_note_sketch_is_current (sketch, context))
        g_ptr_array_add (texts, (gpointer) venture_note_get_text (g_ptr_array_index (self->sketch_notes, i)));
    }
  if (texts->len > 0)
    venture_note_text_prepare (context, (const char * const *) texts->pdata, texts->len);

  for (guint i = 0; i < self->sketch_notes->len; i++)
    {
      VentureNoteSketch *sketch = g_ptr_array_index (self->sketches, i);

      if (sketch == NULL || !_venture_note_sketch_is_current (sketch, context))
        {
          g_clear_pointer (&g_ptr_array_index (self->sketches, i), _venture_note_sketch_free);
          g_ptr_array_index (self->sketches, i) =
            _venture_note_sketch_new (g_ptr_array_index (self->sketch_notes, i), _venture_board_get_canvas (board),
                                      context);
        }
    }
}

/* The resting notes, from the top down: the note widgets not live, or
 * the sketches of a block whose notes have none yet. */
static GArray *
list_resting (VentureBlockView *self)
{
  GArray *notes = g_array_new (FALSE, FALSE, sizeof (Resting));
  Resting resting;

  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (VENTURE_IS_NOTE_WIDGET (child) && !g_hash_table_contains (self->live, child) &&
        gtk_widget_get_visible (child))
      {
        resting_from_widget (self, child, &resting);
        g_array_append_val (notes, resting);
      }

  if (self->sketches != NULL)
    {
      ensure_sketches (self);
      for (guint i = self->sketches->len; i-- > 0;)
        {
          resting_from_sketch (self, g_ptr_array_index (self->sketches, i), &resting);
          g_array_append_val (notes, resting);
        }
    }

  return notes;
}

/* Only the resting notes that can show are drawn: from the top down, a
 * note whose whole drawing lies under the paper of those above it is
 * left out: in a crowded block, a fifth to a half of them. */
static void
build_cache (VentureBlockView *self,
             double            scale)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GArray) resting = NULL;
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (Resting));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (cairo_region_t *));
  cairo_region_t *hiding;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* what each note shows, in the image's pixels, in the order drawn */
  g_array_set_clear_func (shown, clear_region);
  drop_cache (self);
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->covered = cairo_region_create ();
  hiding = cairo_region_create ();

  /* From the top down: what each note leaves showing of those below. */
  resting = list_resting (self);
  for (guint i = 0; i < resting->len; i++)
    {
      const Resting *note = &g_array_index (resting, Resting, i);
      cairo_region_t *shows;

      if (is_hidden (self, note))
        continue;

      g_array_append_val (notes, *note);
      shows = cairo_region_create_rectangle (set_painted (self, note));
      cairo_region_subtract (shows, hiding);
      g_array_append_val (shown, shows);
      add_cover (note, self->covered);
      add_hiding (self, note, hiding);
    }
  reverse (notes);
  reverse (shown);
  cairo_region_destroy (hiding);

  self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            MAX (1, (int) ceil ((width + 2 * CACHE_MARGIN) * scale)),
                                            MAX (1, (int) ceil ((height + 2 * CACHE_MARGIN) * scale)));
  paint_into_cache (self, notes, shown, NULL);
}

/* Drawing 10,000 notes through cairo takes far longer than a frame, even
 * where most of them lie outside the part of the window that changed:
 * so a crowded block keeps its resting notes as one image, made again
 * only when one of them changes, and draws live only the notes that are
 * being moved. */
static void
venture_block_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (widget);
  gboolean cached = self->n_notes >= VENTURE_BLOCK_CACHE_MIN_NOTES;
  GtkWidget *focused = NULL;

  if (cached)
    {
      double scale = cache_scale (self);

      if (self->cache == NULL || scale != self->cache_scale ||
          self->cache_width != gtk_widget_get_width (widget) ||
          self->cache_height != gtk_widget_get_height (widget))
        build_cache (self, scale);
      else
        {
          mark_arrived_stale (self);
          if (self->stale != NULL)
            repaint_stale (self);
        }

      gtk_snapshot_append_node (snapshot, self->cache_node);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VENTURE_IS_NOTE_WIDGET (child) && shows_focus (child))
      focused = child;
    else if (!cached || !VENTURE_IS_NOTE_WIDGET (child) || g_hash_table_contains (self->live, child))
      gtk_widget_snapshot_child (widget, child, snapshot);
  if (focused != NULL && (!cached || g_hash_table_contains (self->live, focused)))
    gtk_widget_snapshot_child (widget, focused, snapshot);

  if (self->band_active)
    {
      GdkRGBA fill = { 0.21f, 0.52f, 0.89f, 0.18f };
      GdkRGBA edge = { 0.21f, 0.52f, 0.89f, 0.9f };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &self->band, 0);
      gtk_snapshot_append_color (snapshot, &fill, &self->band);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { edge, edge, edge, edge });
    }
}


/* Whatever a user does with the notes needs their widgets: a big canvas
 * gets them right after its first frame, or now. */
static void
ensure_note_widgets (VentureBlockView *self)
{
  VentureBoard *board;

  if (self->sketch_notes == NULL)
    return;

  board = _venture_board_from_widget (GTK_WIDGET (self));
  if (board != NULL)
    _venture_board_ensure_note_widgets (board);
}

static VentureNoteWidget *
note_at (VentureBlockView *self,
         double            x,
         double            y)
{
  GtkWidget *picked;

  ensure_note_widgets (self);
  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    if (VENTURE_IS_NOTE_WIDGET (picked))
      return VENTURE_NOTE_WIDGET (picked);

  /* Widgets that came for the sketches are placed at the next frame:
   * until then, the note drawn there (the top one). */
  if (self->adopted_unallocated)
    for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self));
         child != NULL;
         child = gtk_widget_get_prev_sibling (child))
      {
        graphene_rect_t bounds;

        if (!VENTURE_IS_NOTE_WIDGET (child))
          continue;
        _venture_block_view_note_rect (self, child, &bounds);
        if (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
          return VENTURE_NOTE_WIDGET (child);
      }

  return NULL;
}

/* TRUE when (x, y) is on a note, the editor or the "+" button: places
 * where a press belongs to them, not to the block's empty space. */
static gboolean
is_on_item (VentureBlockView *self,
            double            x,
            double            y)
{
  GtkWidget *picked;

  if (note_at (self, x, y) != NULL)
    return TRUE;

  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    if (VENTURE_IS_NOTE_WIDGET (picked) || picked == self->editor ||
        picked == GTK_WIDGET (self->add_button))
      return TRUE;

  return FALSE;
}

static void
note_pressed (VentureBlockView  *self,
              GtkGestureClick   *gesture,
              int                n_press,
              VentureNoteWidget *note)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (note));

  if (event != NULL && gdk_event_triggers_context_menu (event))
    {
      if (!venture_note_widget_get_selected (note))
        _venture_board_note_clicked (board, note, 0);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      venture_note_widget_popup_menu (note);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _venture_board_edit_note (board, note);
      return;
    }

  /* A plain press on a note of a multiple selection keeps the selection,
   * so that the whole selection can be dragged; the release decides. */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0 || !venture_note_widget_get_selected (note))
    _venture_board_note_clicked (board, note, state);
}

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  VentureNoteWidget *note;

  ensure_note_widgets (self);
  self->pressed_note = NULL;
  if (board == NULL)
    return;

  note = note_at (self, x, y);
  if (note != NULL)
    {
      self->pressed_note = GTK_WIDGET (note);
      note_pressed (self, gesture, n_press, note);
      return;
    }

  if (is_on_item (self, x, y) ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      /* Centred on the pointer, like a note stuck on with a thumb. */
      _venture_board_add_note_at (board, self,
                                  x - (VENTURE_NOTE_WIDTH / 2.0 + VENTURE_NOTE_PADDING),
                                  y - (VENTURE_NOTE_MIN_HEIGHT / 2.0 + VENTURE_NOTE_PADDING),
                                  "", TRUE);
    }
  else if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    {
      _venture_board_clear_selection (board);
    }
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (board != NULL && self->pressed_note != NULL &&
      gtk_widget_get_parent (self->pressed_note) == GTK_WIDGET (self) && n_press == 1 &&
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    _venture_board_note_clicked (board, VENTURE_NOTE_WIDGET (self->pressed_note), 0);
  self->pressed_note = NULL;
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 VentureBlockView    *self)
{
  VentureNoteWidget *note = note_at (self, x, y);

  if (note == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  venture_note_widget_popup_menu (note);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  VentureNoteWidget *note = note_at (self, x, y);
  graphene_point_t point;

  if (board == NULL || note == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (note),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return NULL;

  self->drag_note = GTK_WIDGET (note);
  self->drag_x = point.x;
  self->drag_y = point.y;
  _venture_board_drag_prepare (board, note, point.x, point.y);

  /* The model object travels, never the widget: a drop target in any
   * window of the app reads the note itself. */
  return gdk_content_provider_new_typed (VENTURE_TYPE_NOTE, venture_note_widget_get_note (note));
}

/* Sheets shown under the dragged note when more notes come along, and
 * how far each lies from the one above. */
#define DRAG_PILE_SHEETS 2
#define DRAG_PILE_STEP   4

/* What a drag of @note shows: the note itself, and when @n_notes move
 * with it, a pile of sheets under it and their number on a badge over
 * its top right corner. The note lies @note_y down in it. */
GdkPaintable *
_venture_block_view_drag_icon_new (GtkWidget *note,
                                   guint      n_notes,
                                   int       *note_y)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (note);
  /* The widget paintable follows the widget, so it is frozen into an
   * image before the note left behind is dimmed. */
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (live);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autofree char *count = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  /* libadwaita's accent, light and dark alike */
  GdkRGBA accent = { 0.208f, 0.518f, 0.894f, 1 };
  GdkRGBA white = { 1, 1, 1, 1 };
  GskRoundedRect badge;
  int width = gdk_paintable_get_intrinsic_width (image);
  int height = gdk_paintable_get_intrinsic_height (image);
  int pile = DRAG_PILE_SHEETS * DRAG_PILE_STEP;
  int text_width, text_height, badge_width, badge_height;

  *note_y = 0;
  if (n_notes <= 1)
    return g_steal_pointer (&image);

  count = g_strdup_printf ("%u", n_notes);
  layout = gtk_widget_create_pango_layout (note, count);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  badge_height = text_height + 4;
  badge_width = MAX (badge_height, text_width + 12);
  *note_y = badge_height / 2;

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, *note_y));
  for (int i = DRAG_PILE_SHEETS; i > 0; i--)
    {
      /* each sheet down the pile a shade darker, so that its edge shows */
      graphene_matrix_t shade;
      float dim = 1.0f - 0.1f * i;

      graphene_matrix_init_scale (&shade, dim, dim, dim);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (i * DRAG_PILE_STEP, i * DRAG_PILE_STEP));
      gtk_snapshot_push_color_matrix (snapshot, &shade, graphene_vec4_zero ());
      gdk_paintable_snapshot (image, snapshot, width, height);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
  gdk_paintable_snapshot (image, snapshot, width, height);

  gsk_rounded_rect_init_from_rect (&badge, &GRAPHENE_RECT_INIT (width - badge_width / 2, -*note_y,
                                                                badge_width, badge_height),
                                   badge_height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &badge);
  gtk_snapshot_append_color (snapshot, &accent, &badge.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - badge_width / 2 + (badge_width - text_width) / 2,
                                                          -*note_y + 2));
  gtk_snapshot_append_layout (snapshot, layout, &white);

  return gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot),
                                         &GRAPHENE_SIZE_INIT (width + MAX (pile, badge_width - badge_width / 2),
                                                              *note_y + height + pile));
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) icon = NULL;
  g_autoptr(GPtrArray) moving = NULL;
  int note_y;

  if (self->drag_note == NULL)
    return;

  moving = board != NULL ? venture_board_get_selection (board) : NULL;
  icon = _venture_block_view_drag_icon_new (self->drag_note, moving != NULL ? MAX (moving->len, 1) : 1, &note_y);
  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y + note_y);
  _venture_note_widget_set_dragging (VENTURE_NOTE_WIDGET (self->drag_note), TRUE);
}

static void
on_drag_end (GtkDragSource    *source,
             GdkDrag          *drag,
             gboolean          delete_data,
             VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));

  if (self->drag_note != NULL)
    _venture_note_widget_set_dragging (VENTURE_NOTE_WIDGET (self->drag_note), FALSE);
  self->drag_note = NULL;
  if (board != NULL)
    _venture_board_drag_end (board);
}

static void
on_band_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               VentureBlockView *self)
{
  /* A press on a note belongs to the note (and its drag source). The
   * sequence is not denied: on GTK 4.8 a drag gesture that denied a
   * pointer press no longer starts on the next one. */
  self->band_ignored = is_on_item (self, x, y);
}

static void
on_band_update (GtkGestureDrag   *gesture,
                double            offset_x,
                double            offset_y,
                VentureBlockView *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double x, y;

  if (board == NULL || self->band_ignored || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;

  /* A small wobble of a click is not a band. */
  if (!self->band_active && ABS (offset_x) < 4 && ABS (offset_y) < 4)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->band_active = TRUE;
  graphene_rect_init (&self->band, x, y, offset_x, offset_y);
  graphene_rect_normalize (&self->band);
  _venture_board_select_in_rect (board, self, &self->band,
                                 (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_band_end (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             VentureBlockView *self)
{
  if (!self->band_active)
    return;

  self->band_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VentureBlockView      *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0 };
  graphene_rect_t area;

  ensure_note_widgets (self);
  /* Typing on a focused block starts a note with what was typed. */
  if (board == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      c == 0 || !g_unichar_isprint (c) || g_unichar_isspace (c))
    return FALSE;

  g_unichar_to_utf8 (c, text);
  venture_block_view_get_notes_area (self, &area);
  _venture_board_add_note_at (board, self, area.origin.x, area.origin.y, text, TRUE);

  return TRUE;
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         VentureBlockView *self)
{
  return venture_block_view_drop (self, value, x, y);
}

static void
venture_block_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (venture_block_view_parent_class)->system_setting_changed (widget, setting);
  _venture_block_view_invalidate (VENTURE_BLOCK_VIEW (widget));
}

static void
clear_sketches (VentureBlockView *self)
{
  g_clear_pointer (&self->sketch_notes, g_ptr_array_unref);
  g_clear_pointer (&self->sketches, g_ptr_array_unref);
}

static void
venture_block_view_dispose (GObject *object)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (object);
  GtkWidget *child;

  self->editor = NULL;
  self->edited_note = NULL;
  g_clear_handle_id (&self->live_timeout_id, g_source_remove);
  drop_cache (self);
  clear_sketches (self);
  g_hash_table_remove_all (self->live);
  gtk_widget_dispose_template (GTK_WIDGET (object), VENTURE_TYPE_BLOCK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (venture_block_view_parent_class)->dispose (object);
}

static void
venture_block_view_finalize (GObject *object)
{
  VentureBlockView *self = VENTURE_BLOCK_VIEW (object);

  g_clear_pointer (&self->block_id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->painted, g_hash_table_unref);
  g_clear_pointer (&self->arrived, g_hash_table_unref);

  G_OBJECT_CLASS (venture_block_view_parent_class)->finalize (object);
}

static void
venture_block_view_class_init (VentureBlockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_block_view_dispose;
  object_class->finalize = venture_block_view_finalize;

  widget_class->measure = venture_block_view_measure;
  widget_class->size_allocate = venture_block_view_size_allocate;
  widget_class->snapshot = venture_block_view_snapshot;
  widget_class->system_setting_changed = venture_block_view_system_setting_changed;

  /* Referencing the resource keeps its registering constructor in the
   * final link, since libventure is a static library. */
  (void) venture_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/venture-block-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, header);
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, add_button);
  gtk_widget_class_bind_template_child (widget_class, VentureBlockView, questions_label);
  gtk_widget_class_set_css_name (widget_class, "block");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
venture_block_view_init (VentureBlockView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *band = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (VENTURE_TYPE_NOTE, GDK_ACTION_MOVE);

  gtk_widget_init_template (widget);
  self->live = g_hash_table_new (NULL, NULL);
  self->painted = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->arrived = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_venture_block_view_invalidate), self, G_CONNECT_SWAPPED);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (band, "drag-begin", G_CALLBACK (on_band_begin), self);
  g_signal_connect (band, "drag-update", G_CALLBACK (on_band_update), self);
  g_signal_connect (band, "drag-end", G_CALLBACK (on_band_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (band));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, keys);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
venture_block_view_new (const VentureBlockInfo *info)
{
  VentureBlockView *self;
  g_autofree char *add_tooltip = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (VENTURE_TYPE_BLOCK_VIEW, NULL);
  self->block_id = g_strdup (info->id);
  self->label = g_strdup (info->label);
  gtk_label_set_label (self->title_label, info->header_label);
  gtk_label_set_label (self->questions_label, info->questions);
  gtk_widget_add_css_class (GTK_WIDGET (self), info->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", info->id);
  /* Translators: tooltip of the "+" button in a block's header. */
  add_tooltip = g_strdup_printf (_("Add Note to %s"), info->label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info->questions,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
venture_block_view_get_block_id (VentureBlockView *self)
{
  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), NULL);
  return self->block_id;
}

const char *
venture_block_view_get_label (VentureBlockView *self)
{
  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), NULL);
  return self->label;
}

GPtrArray *
venture_block_view_get_notes (VentureBlockView *self)
{
  GPtrArray *notes;

  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), NULL);

  ensure_note_widgets (self);
  notes = g_ptr_array_sized_new (self->n_notes);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VENTURE_IS_NOTE_WIDGET (child))
      g_ptr_array_add (notes, child);

  return notes;
}

void
venture_block_view_get_notes_area (VentureBlockView *self,
                                   graphene_rect_t  *area)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));
  g_return_if_fail (area != NULL);

  *area = self->area;
}

void
venture_block_view_position_to_point (VentureBlockView *self,
                                      int               x,
                                      int               y,
                                      int               width,
                                      int               height,
                                      double           *left,
                                      double           *top)
{
  double room_x = MAX (0, self->area.size.width - width);
  double room_y = MAX (0, self->area.size.height - height);

  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));

  x = CLAMP (x, 0, VENTURE_POSITION_MAX);
  y = CLAMP (y, 0, VENTURE_POSITION_MAX);
  *left = self->area.origin.x + room_x * x / VENTURE_POSITION_MAX;
  *top = self->area.origin.y + room_y * y / VENTURE_POSITION_MAX;
}

void
venture_block_view_point_to_position (VentureBlockView *self,
                                      double            left,
                                      double            top,
                                      int               width,
                                      int               height,
                                      int              *x,
                                      int              *y)
{
  double room_x = MAX (0, self->area.size.width - width);
  double room_y = MAX (0, self->area.size.height - height);

  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));

  *x = room_x > 0 ? (int) round ((left - self->area.origin.x) * VENTURE_POSITION_MAX / room_x) : 0;
  *y = room_y > 0 ? (int) round ((top - self->area.origin.y) * VENTURE_POSITION_MAX / room_y) : 0;
  *x = CLAMP (*x, 0, VENTURE_POSITION_MAX);
  *y = CLAMP (*y, 0, VENTURE_POSITION_MAX);
}

void
_venture_block_view_set_editable (VentureBlockView *self,
                                  gboolean          editable)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), editable);
}

gboolean
venture_block_view_drop (VentureBlockView *self,
                         const GValue     *value,
                         double            x,
                         double            y)
{
  VentureBoard *board;

  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS (value, VENTURE_TYPE_NOTE), FALSE);

  ensure_note_widgets (self);
  board = _venture_board_from_widget (GTK_WIDGET (self));
  if (board == NULL || g_value_get_object (value) == NULL)
    return FALSE;

  return _venture_board_drop_note (board, self, g_value_get_object (value), x, y);
}

static void
update_empty (VentureBlockView *self)
{
  /* The guiding questions prompt an empty block; once notes are there
   * they would only be in the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->questions_label), self->n_notes == 0);
}

void
_venture_block_view_set_sketches (VentureBlockView *self,
                                  GPtrArray        *notes)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));
  g_return_if_fail (self->n_notes == 0 && self->sketch_notes == NULL);

  self->sketch_notes = g_ptr_array_ref (notes);
  self->sketches = g_ptr_array_new_with_free_func ((GDestroyNotify) _venture_note_sketch_free);
  g_ptr_array_set_size (self->sketches, notes->len);
  self->n_notes = notes->len;
  update_empty (self);
  _venture_block_view_invalidate (self);
}

/* FALSE while a note that changed is drawn live, over the image of the
 * others (see end_live). */
gboolean
_venture_block_view_is_at_rest (VentureBlockView *self)
{
  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), FALSE);

  return g_hash_table_size (self->live) == 0;
}

gboolean
_venture_block_view_has_sketches (VentureBlockView *self)
{
  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), FALSE);

  return self->sketch_notes != NULL;
}

gboolean
_venture_block_view_adopt_notes (VentureBlockView *self,
                                 GPtrArray        *widgets)
{
  g_autoptr(GHashTable) sketch_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  GtkWidget *below_notes;   /* the child the notes come after */

  g_return_val_if_fail (VENTURE_IS_BLOCK_VIEW (self), FALSE);
  g_return_val_if_fail (self->sketch_notes != NULL, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VENTURE_IS_NOTE_WIDGET (child))
      {
        /* a note moved in meanwhile: drawn afresh, in the board's order */
        self->n_notes -= self->sketch_notes->len;
        update_empty (self);
        clear_sketches (self);
        _venture_block_view_invalidate (self);
        return FALSE;
      }

  for (guint i = 0; i < self->sketches->len; i++)
    if (g_ptr_array_index (self->sketches, i) != NULL)
      g_hash_table_insert (sketch_of, g_ptr_array_index (self->sketch_notes, i),
                           g_ptr_array_index (self->sketches, i));

  /* The image stays: each widget draws what its sketch drew. A note that
   * changed, came or went since changes only its own place on it. */
  below_notes = self->editor != NULL ? gtk_widget_get_prev_sibling (self->editor)
                                     : gtk_widget_get_last_child (GTK_WIDGET (self));
  self->adopting = TRUE;
  for (guint i = widgets->len; i-- > 0;)
    {
      GtkWidget *note = g_ptr_array_index (widgets, i);
      VentureNoteSketch *sketch = NULL;
      gpointer pixels;

      g_hash_table_steal_extended (sketch_of, venture_note_widget_get_note (VENTURE_NOTE_WIDGET (note)),
                                   NULL, (gpointer *) &sketch);
      if (sketch != NULL && _venture_note_sketch_shows_note (sketch))
        _venture_note_widget_take_sketch (VENTURE_NOTE_WIDGET (note), sketch);
      else if (sketch != NULL)
        g_ptr_array_add (changed, note);
      _venture_note_widget_set_block_label (VENTURE_NOTE_WIDGET (note), self->label);
      /* Top down, each in front of those above it: GTK tells a screen
       * reader of each new child by its index, counted from the first
       * child on, which would make a thousand notes cost a million steps
       * in a block it already presents. */
      gtk_widget_insert_after (note, GTK_WIDGET (self), below_notes);
      if (sketch != NULL && g_hash_table_steal_extended (self->painted, sketch, NULL, &pixels))
        g_hash_table_insert (self->painted, note, pixels);
      else if (sketch == NULL && self->cache != NULL)
        g_hash_table_add (self->arrived, note);
    }
  self->adopting = FALSE;
  self->adopted_unallocated = TRUE;

  /* the notes gone: their places are drawn again */
  {
    GHashTableIter iter;
    gpointer sketch;

    g_hash_table_iter_init (&iter, sketch_of);
    while (g_hash_table_iter_next (&iter, NULL, &sketch))
      take_off_image (self, sketch);
  }
  self->n_notes = widgets->len;
  update_empty (self);
  clear_sketches (self);
  for (guint i = 0; i < changed->len; i++)
    _venture_block_view_note_changed (self, g_ptr_array_index (changed, i));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

void
venture_block_view_add_note (VentureBlockView *self,
                             GtkWidget        *note,
                             GtkWidget        *before)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));
  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (note));

  /* The editor stays on top of every note. */
  if (before == NULL && self->editor != NULL)
    before = self->editor;

  /* A note arriving in the middle of a drag stays live, out of the
   * image of the resting notes, which stays as it is; and so does a note
   * added on top of the others. Decided before the note is in the block,
   * where its chips may already tell the block it changed. */
  if (self->cache != NULL &&
      (_venture_note_widget_is_moving (VENTURE_NOTE_WIDGET (note)) ||
       before == NULL || before == self->editor))
    {
      g_hash_table_add (self->live, note);
      restart_live_timeout (self);
    }
  else if (self->cache == NULL)
    {
      _venture_block_view_invalidate (self);
    }

  /* The label first: the note tells a screen reader its block as it
   * comes into the window. */
  _venture_note_widget_set_block_label (VENTURE_NOTE_WIDGET (note), self->label);
  gtk_widget_insert_before (note, GTK_WIDGET (self), before);
  if (self->n_notes++ == 0)
    update_empty (self);

  /* A note arriving under others: only its place on the image is drawn
   * again, with it among them, where it is at the next frame (unless it
   * is live by then). */
  if (self->cache != NULL && !g_hash_table_contains (self->live, note))
    {
      g_hash_table_add (self->arrived, note);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
venture_block_view_remove_note (VentureBlockView *self,
                                GtkWidget        *note)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));
  g_return_if_fail (gtk_widget_get_parent (note) == GTK_WIDGET (self));

  if (note == self->edited_note)
    self->edited_note = NULL;
  if (note == self->pressed_note)
    self->pressed_note = NULL;
  if (note == self->drag_note)
    {
      /* Moved away by its own drop: it is no longer dimmed. */
      _venture_note_widget_set_dragging (VENTURE_NOTE_WIDGET (note), FALSE);
      self->drag_note = NULL;
    }
  /* A live note or one hidden under others is not on the image. */
  g_hash_table_remove (self->arrived, note);
  if (!g_hash_table_remove (self->live, note))
    take_off_image (self, note);
  gtk_widget_unparent (note);
  if (--self->n_notes == 0)
    update_empty (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
venture_block_view_restack_note (VentureBlockView *self,
                                 GtkWidget        *note,
                                 GtkWidget        *before)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));
  g_return_if_fail (gtk_widget_get_parent (note) == GTK_WIDGET (self));

  if (before == NULL && self->editor != NULL)
    before = self->editor;
  gtk_widget_insert_before (note, GTK_WIDGET (self), before);

  /* A live note raised to the top is drawn on top already: the image of
   * the resting notes stays right. Any other order change redraws it. */
  if (!(g_hash_table_contains (self->live, note) &&
        (before == NULL || before == self->editor)))
    _venture_block_view_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
venture_block_view_set_editor (VentureBlockView *self,
                               GtkWidget        *editor,
                               GtkWidget        *note)
{
  g_return_if_fail (VENTURE_IS_BLOCK_VIEW (self));

  if (self->editor != NULL && self->editor != editor &&
      gtk_widget_get_parent (self->editor) == GTK_WIDGET (self))
    gtk_widget_unparent (self->editor);

  self->editor = editor;
  self->edited_note = note;

  if (editor != NULL && gtk_widget_get_parent (editor) != GTK_WIDGET (self))
    gtk_widget_insert_before (editor, GTK_WIDGET (self), NULL);

  _venture_block_view_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
