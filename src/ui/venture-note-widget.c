/* venture-note-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-note-widget"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "venture-board-private.h"
#include "venture-note-text.h"
#include "venture-segment-marker.h"
#include "venture-segments.h"
#include "venture-tag-chips.h"
#include "venture-tag-popover.h"
#include "venture-taxonomy.h"

#include "venture-note-widget.h"

struct _VentureNoteWidget
{
  GtkWidget    parent_instance;

  VentureNote *note;
  char        *block_id;      /* the block it was placed for */
  char        *color_class;
  char        *block_label;
  PangoLayout *layout;
  /* The text laid out without Pango's line breaking, when it breaks
   * only at spaces and fits (issue 5); NULL for text Pango must lay out. */
  VentureNoteText *fast_text;
  /* Tag chips and segment markers below the text (issue 6); children
   * only while the note has any, so plain notes stay childless. */
  GPtrArray   *chips;
  char        *chips_signature; /* what the chips show, to skip making them again */
  int          chips_height;
  gint64       moved_time;
  /* A comparison's mark, or NULL. */
  char        *mark;
  char        *mark_description;
  PangoLayout *mark_layout;
  guint        truncated : 1;
  int          fast_text_limit;   /* the height it was laid out within */
  guint        fast_text_checked : 1;
  guint        uses_fast_text : 1;
};

G_DEFINE_FINAL_TYPE (VentureNoteWidget, venture_note_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The note colours are generated from the taxonomy table, the one source
 * of truth the exporters also draw with, and swapped with the style. */
static GtkCssProvider *color_provider;

/* One cursor for every note, not one object each. */
static GdkCursor *grab_cursor;

static void
load_color_css (AdwStyleManager *manager)
{
  g_autoptr(GString) css = g_string_new (NULL);
  gboolean dark = adw_style_manager_get_dark (manager);
  const VentureColor *colors;
  guint n_colors;

  colors = venture_taxonomy_get_colors (&n_colors);
  for (guint i = 0; i < n_colors; i++)
    {
      const char *fill = dark ? colors[i].dark_fill : colors[i].light_fill;
      const char *ink = dark ? colors[i].dark_ink : colors[i].light_ink;

      g_string_append_printf (css,
                              "note.%s { color: %s; }\n"
                              ".note-swatch.%s { background-color: %s; color: %s; }\n"
                              "textview.note-editor.%s, textview.note-editor.%s > text "
                              "{ background-color: %s; color: %s; }\n",
                              colors[i].id, ink,
                              colors[i].id, fill, ink,
                              colors[i].id, colors[i].id, fill, ink);
    }

  gtk_css_provider_load_from_data (color_provider, css->str, css->len);
}

static void
ensure_color_css (void)
{
  AdwStyleManager *manager;
  GdkDisplay *display = gdk_display_get_default ();

  if (color_provider != NULL || display == NULL)
    return;

  manager = adw_style_manager_get_default ();
  color_provider = gtk_css_provider_new ();
  load_color_css (manager);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (color_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect (manager, "notify::dark", G_CALLBACK (load_color_css), NULL);
}

const char *
venture_note_widget_color_class (const char *color)
{
  const VentureColor *info = venture_taxonomy_lookup_color (color);

  return info != NULL ? info->id : VENTURE_DEFAULT_COLOR;
}

/* Notes share their block's Pango context (notes use the block's font)
 * rather than each creating one of their own. */
static PangoContext *
text_context (VentureNoteWidget *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return gtk_widget_get_pango_context (parent != NULL ? parent : GTK_WIDGET (self));
}

static PangoLayout *
new_note_layout (PangoContext *context,
                 const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, VENTURE_NOTE_WIDTH * PANGO_SCALE);
  pango_layout_set_height (layout, VENTURE_NOTE_MAX_HEIGHT * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static void
ensure_layout (VentureNoteWidget *self)
{
  if (self->layout == NULL)
    self->layout = new_note_layout (text_context (self), venture_note_get_text (self->note));
}

/* The height of text that Pango lays out within @limit pixels, and
 * whether it had to cut it. */
static int
measure_layout (PangoLayout *layout,
                int          limit,
                gboolean    *truncated)
{
  int height;

  pango_layout_set_height (layout, limit * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *truncated = pango_layout_is_ellipsized (layout);

  return height;
}

static VentureNoteText *
ensure_fast_text (VentureNoteWidget *self,
                  int                limit)
{
  PangoContext *context = text_context (self);

  if (self->fast_text_checked &&
      (self->fast_text_limit != limit ||
       (self->fast_text != NULL && !venture_note_text_is_current (self->fast_text, context))))
    {
      g_clear_pointer (&self->fast_text, venture_note_text_free);
      self->fast_text_checked = FALSE;
    }

  if (!self->fast_text_checked)
    {
      self->fast_text = venture_note_text_new_within (context, venture_note_get_text (self->note),
                                                      VENTURE_NOTE_WIDTH, limit);
      self->fast_text_limit = limit;
      self->fast_text_checked = TRUE;
    }

  return self->fast_text;
}

static void
forget_fast_text (VentureNoteWidget *self)
{
  g_clear_pointer (&self->fast_text, venture_note_text_free);
  self->fast_text_checked = FALSE;
  self->uses_fast_text = FALSE;
}

/* The height of the text as measured, by whichever path laid it out. */
static int
get_text_height (VentureNoteWidget *self)
{
  int height;

  if (self->uses_fast_text && self->fast_text != NULL)
    return venture_note_text_get_height (self->fast_text);

  ensure_layout (self);
  pango_layout_get_pixel_size (self->layout, NULL, &height);
  return height;
}

/* gettext locks and hashes its string on every call; each of 10,000
 * notes asks for the same few static strings, whose translations do not
 * change while the app runs. */
static const char *translate_static (const char *msgid) G_GNUC_FORMAT (1);

static const char *
translate_static (const char *msgid)
{
  static GHashTable *translations;
  const char *translation;

  if (translations == NULL)
    translations = g_hash_table_new (NULL, NULL);
  translation = g_hash_table_lookup (translations, msgid);
  if (translation == NULL)
    {
      translation = _(msgid);
      g_hash_table_insert (translations, (gpointer) msgid, (gpointer) translation);
    }

  return translation;
}

static void
update_accessible (VentureNoteWidget *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  const VentureColor *color = venture_taxonomy_lookup_color (venture_note_get_color (self->note));
  const char *text = venture_note_get_text (self->note);

  /* Translators: how a screen reader describes a note: its colour and
   * its block, e.g. "Yellow note in Key Partners". */
  g_string_printf (description, translate_static (N_("%s note in %s")),
                   color != NULL ? translate_static (color->label) : _("Yellow"),
                   self->block_label != NULL ? self->block_label : _("Unsorted"));

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *id = venture_note_get_tag (self->note, kind);
      const VentureTag *tag;

      if (id == NULL)
        continue;
      tag = venture_taxonomy_lookup (kind, id);
      g_string_append (description, ", ");
      /* Translators: a tag id from a newer version of Venture. */
      g_string_append (description, tag != NULL ? _(tag->label) : _("unknown"));
    }

  if (venture_note_get_segments (self->note) != NULL)
    {
      guint n = g_strv_length ((char **) venture_note_get_segments (self->note));

      g_string_append (description, ", ");
      g_string_append_printf (description,
                              ngettext ("serves %u segment", "serves %u segments", n), n);
    }
  if (self->mark_description != NULL)
    {
      g_string_append (description, ", ");
      g_string_append (description, self->mark_description);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL && *text != '\0' ? text : _("Empty note"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
invalidate_parent (VentureNoteWidget *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (VENTURE_IS_BLOCK_VIEW (parent))
    _venture_block_view_note_changed (VENTURE_BLOCK_VIEW (parent), GTK_WIDGET (self));
}

static void
sync_color (VentureNoteWidget *self)
{
  const char *color_class = venture_note_widget_color_class (venture_note_get_color (self->note));

  if (g_strcmp0 (color_class, self->color_class) == 0)
    return;

  if (self->color_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->color_class);
  g_free (self->color_class);
  self->color_class = g_strdup (color_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), color_class);
  invalidate_parent (self);
}

static void
on_note_notify (VentureNoteWidget *self,
                GParamSpec        *pspec,
                VentureNote       *note)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "text"))
    {
      if (self->layout != NULL)
        pango_layout_set_text (self->layout, venture_note_get_text (note), -1);
      forget_fast_text (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      invalidate_parent (self);
      update_accessible (self);
    }
  else if (g_str_equal (name, "color"))
    {
      sync_color (self);
      update_accessible (self);
    }
  else if (g_str_equal (name, "block"))
    {
      VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));

      if (g_strcmp0 (self->block_id, venture_note_get_block (note)) != 0)
        {
          self->moved_time = g_get_monotonic_time ();
          g_free (self->block_id);
          self->block_id = g_strdup (venture_note_get_block (note));
          if (board != NULL)
            _venture_board_note_block_changed (board, self);
        }
    }
  else if (g_str_equal (name, "x") || g_str_equal (name, "y"))
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

      self->moved_time = g_get_monotonic_time ();
      /* Only the block holding the note lays out again; its other notes
       * keep their allocation and their cached render nodes. */
      if (parent != NULL)
        {
          _venture_block_view_note_changed (VENTURE_BLOCK_VIEW (parent), GTK_WIDGET (self));
          gtk_widget_queue_allocate (parent);
        }
    }
  else
    {
      /* Tags and segments: the chips, the accessible description, and
       * the block's image of its resting notes. */
      if (g_str_equal (name, "relationship") || g_str_equal (name, "stage") ||
          g_str_equal (name, "strategy") || g_str_equal (name, "segments"))
        venture_note_widget_sync_tags (self);
      update_accessible (self);
      invalidate_parent (self);
    }
}

/* Relationships (issue 6): chips flow in rows under the text. */
#define CHIP_SPACING 3
#define CHIPS_GAP    6

/* Places @n chips of the sizes in @chips in rows (x, y from the first
 * row's top), and gives the height they take with the gap above them. */
static int
flow_chips (GdkRectangle *chips,
            guint         n)
{
  int x = 0, y = 0, row_height = 0;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      chips[i].width = MIN (chips[i].width, VENTURE_NOTE_WIDTH);
      if (x > 0 && x + chips[i].width > VENTURE_NOTE_WIDTH)
        {
          x = 0;
          y += row_height + CHIP_SPACING;
          row_height = 0;
        }
      chips[i].x = x;
      chips[i].y = y;
      x += chips[i].width + CHIP_SPACING;
      row_height = MAX (row_height, chips[i].height);
    }

  return y + row_height + CHIPS_GAP;
}

/* Where the chips' rows start: at the bottom, under the text however
 * short. */
static int
get_chips_top (int text_height,
               int content_height,
               int chips_height)
{
  return MAX (text_height + CHIPS_GAP, content_height - chips_height + CHIPS_GAP);
}

static int
layout_chips (VentureNoteWidget *self,
              gboolean           allocate,
              int                top)
{
  g_autofree GdkRectangle *places = NULL;
  int height;

  if (self->chips == NULL || self->chips->len == 0)
    return 0;

  places = g_new (GdkRectangle, self->chips->len);
  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, i);

      gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &places[i].width, NULL, NULL);
      gtk_widget_measure (chip, GTK_ORIENTATION_VERTICAL, MIN (places[i].width, VENTURE_NOTE_WIDTH),
                          NULL, &places[i].height, NULL, NULL);
    }
  height = flow_chips (places, self->chips->len);
  if (allocate)
    for (guint i = 0; i < self->chips->len; i++)
      gtk_widget_size_allocate (g_ptr_array_index (self->chips, i),
                                &(GtkAllocation) { places[i].x, top + places[i].y, places[i].width, places[i].height },
                                -1);

  return height;
}

static void
clear_chips (VentureNoteWidget *self)
{
  if (self->chips == NULL)
    return;

  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_clear_pointer (&self->chips, g_ptr_array_unref);
}

static void
add_chip (VentureNoteWidget *self,
          GtkWidget         *chip)
{
  if (self->chips == NULL)
    self->chips = g_ptr_array_new ();
  gtk_widget_set_parent (chip, GTK_WIDGET (self));
  g_ptr_array_add (self->chips, chip);
}

/* A chip is where people look for its tag: a click there opens the
 * popover that changes it. Not claimed, so a drag still moves the note. */
static void
on_chip_released (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  VentureNoteWidget *self)
{
  if (n_press == 1)
    venture_note_widget_popup_tags (self);
}

/* The segments whose markers @note shows: its own when it is one, then
 * those it serves (notes of @canvas). */
static GPtrArray *
list_marked_segments (VentureNote   *note,
                      VentureCanvas *canvas)
{
  const char * const *segments = venture_note_get_segments (note);
  GPtrArray *marked = g_ptr_array_new ();

  if (venture_segments_is_segment (note))
    g_ptr_array_add (marked, note);
  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    {
      VentureNote *segment = venture_canvas_lookup_note (canvas, segments[i]);

      if (segment != NULL && venture_segments_is_segment (segment))
        g_ptr_array_add (marked, segment);
    }

  return marked;
}

/* What a note's chips show: its tags, and each marker's colour and
 * initial (a segment's index and text). */
static char *
dup_chips_signature (VentureNote   *note,
                     VentureCanvas *canvas)
{
  GString *signature = g_string_new (NULL);

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      g_string_append (signature, venture_note_get_tag (note, kind) ?: "");
      g_string_append_c (signature, '\n');
    }
  if (canvas != NULL)
    {
      g_autoptr(GPtrArray) marked = list_marked_segments (note, canvas);

      for (guint i = 0; i < marked->len; i++)
        {
          VentureNote *segment = g_ptr_array_index (marked, i);

          g_string_append_printf (signature, "%d %s\n",
                                  venture_segments_get_index (canvas, venture_note_get_id (segment)),
                                  venture_note_get_text (segment));
        }
    }

  return g_string_free (signature, FALSE);
}

void
venture_note_widget_sync_tags (VentureNoteWidget *self)
{
  VentureBoard *board = _venture_board_from_widget (GTK_WIDGET (self));
  VentureCanvas *canvas = board != NULL ? _venture_board_get_canvas (board) : NULL;

  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (self));

  /* A segment coming or going asks every note with a marker again: most
   * show the same, and making their chips anew would redraw a crowded
   * block note by note. */
  {
    g_autofree char *signature = dup_chips_signature (self->note, canvas);

    if (g_strcmp0 (signature, self->chips_signature) == 0)
      return;
    g_free (self->chips_signature);
    self->chips_signature = g_steal_pointer (&signature);
  }

  clear_chips (self);

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *id = venture_note_get_tag (self->note, kind);

      if (id != NULL)
        {
          GtkWidget *chip = venture_tag_chip_new (kind, id, TRUE);
          GtkGesture *click = gtk_gesture_click_new ();

          g_signal_connect_object (click, "released", G_CALLBACK (on_chip_released), self, 0);
          gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (click));
          gtk_widget_set_cursor_from_name (chip, "pointer");
          add_chip (self, chip);
        }
    }

  /* Markers need the canvas for their colour: they come once the note
   * is on a board. */
  if (canvas != NULL)
    {
      g_autoptr(GPtrArray) marked = list_marked_segments (self->note, canvas);

      for (guint i = 0; i < marked->len; i++)
        add_chip (self, venture_segment_marker_new (canvas, g_ptr_array_index (marked, i)));
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* A crowded block may draw this note from its image. */
  invalidate_parent (self);
}

static void
venture_note_widget_root (GtkWidget *widget)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);

  GTK_WIDGET_CLASS (venture_note_widget_parent_class)->root (widget);

  update_accessible (self);
  if (self->chips != NULL || venture_note_get_segments (self->note) != NULL ||
      venture_segments_is_segment (self->note) ||
      venture_note_get_relationship (self->note) != NULL ||
      venture_note_get_stage (self->note) != NULL ||
      venture_note_get_strategy (self->note) != NULL)
    venture_note_widget_sync_tags (self);
}

static void
venture_note_widget_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = VENTURE_NOTE_WIDTH;
    }
  else
    {
      VentureNoteText *fast_text;
      int text_limit;
      int height;

      /* The chips take their room from the text, not from the board. */
      self->chips_height = layout_chips (self, FALSE, 0);
      text_limit = MAX (VENTURE_NOTE_MAX_HEIGHT - self->chips_height, VENTURE_NOTE_MIN_HEIGHT / 2);
      fast_text = ensure_fast_text (self, text_limit);
      self->uses_fast_text = fast_text != NULL;
      if (self->uses_fast_text)
        {
          height = venture_note_text_get_height (fast_text);
          self->truncated = venture_note_text_is_cut (fast_text);
        }
      else
        {
          gboolean truncated;

          ensure_layout (self);
          height = measure_layout (self->layout, text_limit, &truncated);
          self->truncated = truncated;
        }
      *minimum = *natural = CLAMP (height + self->chips_height,
                                   VENTURE_NOTE_MIN_HEIGHT, VENTURE_NOTE_MAX_HEIGHT);
    }
}

static void
venture_note_widget_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);

  if (self->chips != NULL)
    {
      layout_chips (self, TRUE, get_chips_top (get_text_height (self), height, self->chips_height));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* The curled bottom right corner of the paper. */
#define PAPER_CURL_RADIUS 10

/* The curl of the paper's shape at (@x, @y). */
static void
append_curl (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          y,
             float          width,
             float          height)
{
  float r = PAPER_CURL_RADIUS;
  GskRoundedRect curl;

  gsk_rounded_rect_init_from_rect (&curl, &GRAPHENE_RECT_INIT (x + width - 2 * r, y + height - 2 * r,
                                                               2 * r, 2 * r), r);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + width - r, y + height - r, r, r));
  gtk_snapshot_push_rounded_clip (snapshot, &curl);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + width - r, y + height - r, r, r));
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* The paper, a rectangle with its bottom right corner curled, and its two
 * hard shadows, one below and one a little to the right. Drawn here in
 * plain pieces rather than by CSS: CSS's clipped background and shadows
 * cost cairo a mask the size of the note for each, the larger part of
 * drawing a crowded block. Only the shadows' edges that show outside the
 * paper are drawn. The paper's two pieces overlap rather than abut, so
 * no seam shows between them at any zoom. */
static void
append_paper (VentureNoteWidget *self,
              GtkSnapshot       *snapshot)
{
  static const struct { float dx, dy, alpha; } shadows[] = {
    { 1, 3, 0.07f },
    { 0, 1, 0.14f },
  };
  const VentureColor *color = venture_taxonomy_lookup_color (venture_note_widget_color_class (venture_note_get_color (self->note)));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  float x = -VENTURE_NOTE_PADDING, y = -VENTURE_NOTE_PADDING;
  /* the content's size: the paper takes in the padding around it */
  float width = gtk_widget_get_width (GTK_WIDGET (self)) + 2 * VENTURE_NOTE_PADDING;
  float height = gtk_widget_get_height (GTK_WIDGET (self)) + 2 * VENTURE_NOTE_PADDING;
  float r = PAPER_CURL_RADIUS;
  GdkRGBA fill;

  if (color == NULL || !gdk_rgba_parse (&fill, dark ? color->dark_fill : color->light_fill))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (shadows); i++)
    {
      GdkRGBA shade = { 0, 0, 0, shadows[i].alpha };
      float dx = shadows[i].dx, dy = shadows[i].dy;

      gtk_snapshot_append_color (snapshot, &shade,
                                 &GRAPHENE_RECT_INIT (x + dx, y + height, width - r, dy));
      if (dx > 0)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (x + width, y + dy, dx, height - r));
      append_curl (snapshot, &shade, x + dx, y + dy, width, height);
    }

  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x, y, width, height - r));
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x, y + height - r - 1, width - r, r + 1));
  append_curl (snapshot, &fill, x, y, width, height);
}

/* The same paper and shadows as append_paper() draws, straight with
 * cairo, for a crowded block that paints a thousand notes at once onto
 * its image: on whole pixels of the image, where cairo fills rectangles
 * without antialiasing them row by row, many times faster, with the
 * curled corners laid on as a mask made once. (GSK's colour nodes draw
 * wherever the zoom puts them.) */
typedef struct
{
  double left, top, right, bottom;  /* the paper, in the image's pixels */
  double curl_x, curl_y;            /* where its curled corner starts */
} PaperPixels;

/* The paper's shadows: each is the paper moved down and right, where
 * the paper does not cover it. */
static const struct { double dx, dy, alpha; } paper_shadows[] = {
  { 1, 3, 0.07 },
  { 0, 1, 0.14 },
};

/* A quarter of an ellipse filling @width x @height from (@x, @y). */
static void
curl_path (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width, height);
  cairo_move_to (cr, 0, 0);
  cairo_arc (cr, 0, 0, 1, 0, G_PI / 2);
  cairo_close_path (cr);
  cairo_restore (cr);
}

/* The curled corner, @width x @height whole pixels, over the curls of
 * the shadows (moved by @dx, @dy pixels): made once for each colour and
 * size (a zoom gives one or two) and laid on as one image, where filling
 * the arcs costs cairo as much as the rest of a note. */
static cairo_surface_t *
get_curl_image (const GdkRGBA *fill,
                int            width,
                int            height,
                const int     *dx,
                const int     *dy)
{
  static GHashTable *images;
  /* the colour's bytes, the size and the shadows' offsets in one key */
  gint64 key = (gint64) ((guint64) (guint8) (fill->red * 255) << 56 | (guint64) (guint8) (fill->green * 255) << 48 |
                         (guint64) (guint8) (fill->blue * 255) << 40 | (guint64) (width & 0x3ff) << 30 |
                         (guint64) (height & 0x3ff) << 20 | (guint64) (dx[0] & 0x1f) << 15 |
                         (guint64) (dy[0] & 0x1f) << 10 | (guint64) (dx[1] & 0x1f) << 5 | (guint64) (dy[1] & 0x1f));
  cairo_surface_t *image;
  int reach_x = 0, reach_y = 0;
  cairo_t *cr;

  g_return_val_if_fail (width < 0x400 && height < 0x400, NULL);
  if (images == NULL || g_hash_table_size (images) > 64)
    {
      g_clear_pointer (&images, g_hash_table_unref);
      images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cairo_surface_destroy);
    }
  image = g_hash_table_lookup (images, &key);
  if (image != NULL)
    return image;

  for (guint i = 0; i < G_N_ELEMENTS (paper_shadows); i++)
    {
      reach_x = MAX (reach_x, dx[i]);
      reach_y = MAX (reach_y, dy[i]);
    }
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + reach_x, height + reach_y);
  cr = cairo_create (image);
  for (guint i = 0; i < G_N_ELEMENTS (paper_shadows); i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, paper_shadows[i].alpha);
      curl_path (cr, dx[i], dy[i], width, height);
      cairo_fill (cr);
    }
  gdk_cairo_set_source_rgba (cr, fill);
  curl_path (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_hash_table_insert (images, g_memdup2 (&key, sizeof key), image);

  return image;
}

/* The paper moved by (@dx, @dy) whole pixels, where the paper itself does
 * not cover it: along its bottom and right edges (its curl is in the
 * curl's image). */
static void
fill_shadow (cairo_t           *cr,
             const PaperPixels *paper,
             double             dx,
             double             dy)
{
  if (dy > 0)
    cairo_rectangle (cr, paper->left + dx, paper->bottom, paper->curl_x - paper->left, dy);
  if (dx > 0)
    cairo_rectangle (cr, paper->right, paper->top + dy, dx, paper->curl_y - paper->top);
  cairo_fill (cr);
}

static void
draw_paper (cairo_t    *cr,
            const char *color_id,
            double      content_width,
            double      content_height)
{
  const VentureColor *color = venture_taxonomy_lookup_color (color_id);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* the paper takes in the padding around the content */
  double width = content_width + 2 * VENTURE_NOTE_PADDING;
  double height = content_height + 2 * VENTURE_NOTE_PADDING;
  double x = -VENTURE_NOTE_PADDING, y = -VENTURE_NOTE_PADDING;
  double r = PAPER_CURL_RADIUS;
  int dx[G_N_ELEMENTS (paper_shadows)], dy[G_N_ELEMENTS (paper_shadows)];
  cairo_matrix_t to_device;
  PaperPixels paper;
  GdkRGBA fill;

  if (color == NULL || !gdk_rgba_parse (&fill, dark ? color->dark_fill : color->light_fill))
    return;

  /* no rotation here: a block only moves and scales its notes */
  cairo_get_matrix (cr, &to_device);
  paper.left = round (to_device.x0 + to_device.xx * x);
  paper.top = round (to_device.y0 + to_device.yy * y);
  paper.right = round (to_device.x0 + to_device.xx * (x + width));
  paper.bottom = round (to_device.y0 + to_device.yy * (y + height));
  paper.curl_x = round (to_device.x0 + to_device.xx * (x + width - r));
  paper.curl_y = round (to_device.y0 + to_device.yy * (y + height - r));

  cairo_save (cr);
  cairo_identity_matrix (cr);
  for (guint i = 0; i < G_N_ELEMENTS (paper_shadows); i++)
    {
      /* a shadow keeps at least one pixel at any zoom */
      dx[i] = paper_shadows[i].dx > 0 ? MAX (1, (int) round (paper_shadows[i].dx * to_device.xx)) : 0;
      dy[i] = paper_shadows[i].dy > 0 ? MAX (1, (int) round (paper_shadows[i].dy * to_device.yy)) : 0;
      cairo_set_source_rgba (cr, 0, 0, 0, paper_shadows[i].alpha);
      fill_shadow (cr, &paper, dx[i], dy[i]);
    }

  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_rectangle (cr, paper.left, paper.top, paper.right - paper.left, paper.curl_y - paper.top);
  cairo_rectangle (cr, paper.left, paper.curl_y, paper.curl_x - paper.left, paper.bottom - paper.curl_y);
  cairo_fill (cr);

  /* (a curl a thousand pixels wide would be a zoom no board allows) */
  if (paper.right - paper.curl_x >= 1 && paper.bottom - paper.curl_y >= 1 &&
      paper.right - paper.curl_x < 0x400 && paper.bottom - paper.curl_y < 0x400)
    {
      cairo_surface_t *curl = get_curl_image (&fill, (int) (paper.right - paper.curl_x),
                                              (int) (paper.bottom - paper.curl_y), dx, dy);

      cairo_set_source_surface (cr, curl, paper.curl_x, paper.curl_y);
      cairo_rectangle (cr, paper.curl_x, paper.curl_y,
                       cairo_image_surface_get_width (curl), cairo_image_surface_get_height (curl));
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* The note's ink, from the table the colour CSS is made of
 * (load_color_css). */
static void
get_ink (const char *color_id,
         GdkRGBA    *ink)
{
  const VentureColor *color = venture_taxonomy_lookup_color (color_id);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (color == NULL || !gdk_rgba_parse (ink, dark ? color->dark_ink : color->light_ink))
    *ink = (GdkRGBA) { 0, 0, 0, 1 };
}

/* Where the "more" dots of a cut text go. */
static double
get_dots_top (int      text_height,
              int      content_height,
              gboolean has_chips)
{
  return has_chips ? text_height + 1 : MAX (text_height, content_height - 2 * VENTURE_NOTE_PADDING) + 3;
}

/* The text as the snapshot draws it, straight with cairo: from
 * @fast_text, or else from @layout, with the dots when it is cut; lines
 * wholly outside @area, or not reaching @visible (device pixels, or
 * NULL), may be left out. */
static void
paint_text (cairo_t               *cr,
            const GdkRGBA         *ink,
            VentureNoteText       *fast_text,
            PangoLayout           *layout,
            gboolean               truncated,
            int                    text_height,
            int                    content_height,
            gboolean               has_chips,
            const graphene_rect_t *area,
            const cairo_region_t  *visible)
{
  if (fast_text != NULL)
    {
      venture_note_text_draw (fast_text, cr, ink, area->origin.y, area->origin.y + area->size.height, visible);
    }
  else
    {
      gdk_cairo_set_source_rgba (cr, ink);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }

  if (truncated)
    {
      double top = get_dots_top (text_height, content_height, has_chips);

      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.7 * ink->alpha);
      for (int i = -1; i <= 1; i++)
        cairo_rectangle (cr, VENTURE_NOTE_WIDTH / 2.0 + i * 7 - 1.5, top, 3, 3);
      cairo_fill (cr);
    }
}

/* A marker as a sketch draws it: as the marker widget draws itself. */
typedef struct
{
  PangoLayout  *layout;
  guint         color_index;
  GdkRectangle  place;        /* in the note's content */
} SketchMarker;

static void
clear_sketch_marker (gpointer data)
{
  SketchMarker *marker = data;

  g_clear_object (&marker->layout);
}

struct _VentureNoteSketch
{
  VentureNote     *note;
  VentureCanvas   *canvas;
  char            *text;        /* the note as sketched */
  char            *color;
  char            *chips_signature;
  int              x;
  int              y;
  PangoContext    *context;
  guint            serial;
  VentureNoteText *fast_text;   /* or else */
  PangoLayout     *layout;
  int              text_limit;
  int              text_height;
  int              height;      /* the content's */
  gboolean         truncated;
  GArray          *markers;     /* of SketchMarker */
};

/* A note without tag chips and shown at rest draws only its paper, its
 * text and the markers of its segments: what a sketch draws. */
gboolean
_venture_note_can_sketch (VentureNote *note)
{
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    if (venture_note_get_tag (note, kind) != NULL)
      return FALSE;

  return TRUE;
}

/* A chip reaching neither @area nor @visible (device pixels, or NULL)
 * is left out: one under the notes above costs as much as a note. With
 * the padding to spare, whatever origin @bounds have. */
static gboolean
chip_may_show (cairo_t               *cr,
               const graphene_rect_t *bounds,
               const graphene_rect_t *area,
               const cairo_region_t  *visible)
{
  graphene_rect_t reach;

  graphene_rect_inset_r (bounds, -VENTURE_NOTE_PADDING, -VENTURE_NOTE_PADDING, &reach);
  return graphene_rect_intersection (&reach, area, NULL) &&
         (visible == NULL ||
          venture_note_text_shows_in (cr, visible, reach.origin.x, reach.origin.y,
                                      reach.origin.x + reach.size.width, reach.origin.y + reach.size.height));
}

/* A marker's initial laid out, shared by the sketches of a context's
 * setup: a thousand notes show few letters. */
typedef struct
{
  guint       serial;
  GHashTable *layouts;
} MarkerLayouts;

static void
marker_layouts_free (gpointer data)
{
  MarkerLayouts *cache = data;

  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

static PangoLayout *
get_marker_layout (PangoContext *context,
                   char         *initial)
{
  static GQuark quark;
  MarkerLayouts *cache;
  PangoLayout *layout;

  if (quark == 0)
    quark = g_quark_from_static_string ("venture-marker-layouts");
  cache = g_object_get_qdata (G_OBJECT (context), quark);
  if (cache == NULL || cache->serial != pango_context_get_serial (context))
    {
      cache = g_new0 (MarkerLayouts, 1);
      cache->serial = pango_context_get_serial (context);
      cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (context), quark, cache, marker_layouts_free);
    }

  layout = g_hash_table_lookup (cache->layouts, initial);
  if (layout == NULL)
    {
      layout = _venture_segment_marker_new_layout (context, initial);
      g_hash_table_insert (cache->layouts, g_strdup (initial), layout);
    }

  return g_object_ref (layout);
}

/* Measured as venture_note_widget_measure() measures a note whose chips
 * are all markers. */
VentureNoteSketch *
_venture_note_sketch_new (VentureNote   *note,
                          VentureCanvas *canvas,
                          PangoContext  *context)
{
  VentureNoteSketch *self = g_new0 (VentureNoteSketch, 1);
  const char *text = venture_note_get_text (note);
  g_autoptr(GPtrArray) marked = list_marked_segments (note, canvas);
  g_autofree GdkRectangle *places = g_new0 (GdkRectangle, MAX (marked->len, 1));
  int chips_height;

  /* A note that got chips since its block was sketched is drawn without
   * them until its widget comes, right after (see
   * _venture_note_sketch_shows_note). */
  self->note = g_object_ref (note);
  self->canvas = g_object_ref (canvas);
  self->text = g_strdup (text);
  self->color = g_strdup (venture_note_get_color (note));
  self->chips_signature = dup_chips_signature (note, canvas);
  self->x = venture_note_get_x (note);
  self->y = venture_note_get_y (note);
  self->context = g_object_ref (context);
  self->serial = pango_context_get_serial (context);

  self->markers = g_array_sized_new (FALSE, TRUE, sizeof (SketchMarker), marked->len);
  g_array_set_clear_func (self->markers, clear_sketch_marker);
  for (guint i = 0; i < marked->len; i++)
    {
      VentureNote *segment = g_ptr_array_index (marked, i);
      g_autofree char *initial = venture_segments_dup_initial (venture_note_get_text (segment));
      SketchMarker marker = { NULL };

      marker.layout = get_marker_layout (context, initial);
      marker.color_index = (guint) MAX (venture_segments_get_index (canvas, venture_note_get_id (segment)), 0) %
                           VENTURE_SEGMENTS_N_COLORS;
      _venture_segment_marker_get_size (marker.layout, &places[i].width, &places[i].height);
      g_array_append_val (self->markers, marker);
    }
  chips_height = flow_chips (places, marked->len);

  self->text_limit = MAX (VENTURE_NOTE_MAX_HEIGHT - chips_height, VENTURE_NOTE_MIN_HEIGHT / 2);
  self->fast_text = venture_note_text_new_within (context, text, VENTURE_NOTE_WIDTH, self->text_limit);
  if (self->fast_text != NULL)
    {
      self->text_height = venture_note_text_get_height (self->fast_text);
      self->truncated = venture_note_text_is_cut (self->fast_text);
    }
  else
    {
      self->layout = new_note_layout (context, text);
      self->text_height = measure_layout (self->layout, self->text_limit, &self->truncated);
    }
  self->height = CLAMP (self->text_height + chips_height, VENTURE_NOTE_MIN_HEIGHT, VENTURE_NOTE_MAX_HEIGHT);

  for (guint i = 0; i < marked->len; i++)
    {
      SketchMarker *marker = &g_array_index (self->markers, SketchMarker, i);

      marker->place = places[i];
      marker->place.y += get_chips_top (self->text_height, self->height, chips_height);
    }

  return self;
}

void
_venture_note_sketch_free (VentureNoteSketch *self)
{
  g_clear_object (&self->note);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->chips_signature, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fast_text, venture_note_text_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->markers, g_array_unref);
  g_free (self);
}

VentureNote *
_venture_note_sketch_get_note (VentureNoteSketch *self)
{
  return self->note;
}

/* FALSE once the context's fonts changed: the sketch is measured anew. */
gboolean
_venture_note_sketch_is_current (VentureNoteSketch *self,
                                 PangoContext      *context)
{
  return self->context == context && self->serial == pango_context_get_serial (context) &&
         (self->fast_text == NULL || venture_note_text_is_current (self->fast_text, context));
}

/* Whether the note still is as sketched (the canvas may change before
 * its widget comes: the note, or a segment whose marker it shows). */
gboolean
_venture_note_sketch_shows_note (VentureNoteSketch *self)
{
  g_autofree char *chips_signature = NULL;

  if (g_strcmp0 (self->text, venture_note_get_text (self->note)) != 0 ||
      g_strcmp0 (self->color, venture_note_get_color (self->note)) != 0 ||
      self->x != venture_note_get_x (self->note) || self->y != venture_note_get_y (self->note) ||
      !_venture_note_can_sketch (self->note))
    return FALSE;

  chips_signature = dup_chips_signature (self->note, self->canvas);
  return g_str_equal (chips_signature, self->chips_signature);
}

/* The widget of a note as sketched takes its laid out text, and measures
 * nothing again. */
void
_venture_note_widget_take_sketch (VentureNoteWidget *self,
                                  VentureNoteSketch *sketch)
{
  g_return_if_fail (self->note == sketch->note);

  g_clear_pointer (&self->fast_text, venture_note_text_free);
  g_clear_object (&self->layout);
  self->fast_text = g_steal_pointer (&sketch->fast_text);
  self->layout = g_steal_pointer (&sketch->layout);
  /* as venture_note_widget_measure() lays out the text above the same
   * chips */
  self->fast_text_limit = sketch->text_limit;
  self->fast_text_checked = TRUE;
}

/* The note's size with its padding, as gtk_widget_measure() gives it. */
void
_venture_note_sketch_get_size (VentureNoteSketch *self,
                               int               *width,
                               int               *height)
{
  *width = VENTURE_NOTE_WIDTH + 2 * VENTURE_NOTE_PADDING;
  *height = self->height + 2 * VENTURE_NOTE_PADDING;
}

void
_venture_note_sketch_paint (VentureNoteSketch     *self,
                            cairo_t               *cr,
                            const graphene_rect_t *area,
                            const cairo_region_t  *visible)
{
  const char *color_id = venture_note_widget_color_class (venture_note_get_color (self->note));
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GdkRGBA ink;

  draw_paper (cr, color_id, VENTURE_NOTE_WIDTH, self->height);
  get_ink (color_id, &ink);
  paint_text (cr, &ink, self->fast_text, self->layout, self->truncated, self->text_height, self->height,
              self->markers->len > 0, area, visible);

  /* the markers, as GTK draws their widgets' snapshots */
  if (self->markers->len == 0)
    return;
  snapshot = gtk_snapshot_new ();
  for (guint i = 0; i < self->markers->len; i++)
    {
      SketchMarker *marker = &g_array_index (self->markers, SketchMarker, i);
      const GdkRectangle *place = &marker->place;

      if (!chip_may_show (cr, &GRAPHENE_RECT_INIT (place->x, place->y, place->width, place->height), area, visible))
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (place->x, place->y));
      _venture_segment_marker_append (snapshot, marker->layout, marker->color_index, place->width, place->height);
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    gsk_render_node_draw (node, cr);
}

gboolean
_venture_note_widget_can_paint (VentureNoteWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->uses_fast_text
      ? self->fast_text == NULL || !venture_note_text_is_current (self->fast_text, text_context (self))
      : self->layout == NULL)
    return FALSE;

  /* what style.css draws: outlines when selected or focused, a glow
   * when highlighted, opacity when dimmed or dragged */
  return self->mark_layout == NULL &&
         (gtk_widget_get_state_flags (widget) & (GTK_STATE_FLAG_SELECTED | GTK_STATE_FLAG_FOCUS_VISIBLE)) == 0 &&
         gtk_widget_get_opacity (widget) >= 1.0 &&
         !gtk_widget_has_css_class (widget, "highlighted") &&
         !gtk_widget_has_css_class (widget, "dimmed") &&
         !gtk_widget_has_css_class (widget, "dragging");
}

void
_venture_note_widget_paint (VentureNoteWidget     *self,
                            cairo_t               *cr,
                            const graphene_rect_t *area,
                            const cairo_region_t  *visible)
{
  const char *color_id = venture_note_widget_color_class (venture_note_get_color (self->note));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRGBA ink;

  draw_paper (cr, color_id, gtk_widget_get_width (GTK_WIDGET (self)), height);
  get_ink (color_id, &ink);
  paint_text (cr, &ink, self->uses_fast_text ? self->fast_text : NULL, self->layout, self->truncated,
              get_text_height (self), height, self->chips != NULL, area, visible);

  /* the chips, drawn by GTK as in a snapshot */
  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          graphene_rect_t bounds;

          if (gtk_widget_compute_bounds (child, GTK_WIDGET (self), &bounds) &&
              !chip_may_show (cr, &bounds, area, visible))
            continue;
          gtk_widget_snapshot_child (GTK_WIDGET (self), child, snapshot);
        }
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        gsk_render_node_draw (node, cr);
    }
}

static void
venture_note_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);
  GdkRGBA ink;

  append_paper (self, snapshot);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  if (self->uses_fast_text && self->fast_text != NULL &&
      venture_note_text_is_current (self->fast_text, text_context (self)))
    {
      venture_note_text_snapshot (self->fast_text, snapshot, &ink);
    }
  else
    {
      ensure_layout (self);
      gtk_snapshot_append_layout (snapshot, self->layout, &ink);
    }

  if (self->truncated)
    {
      /* Three dots in the bottom margin say "there is more": the ellipsis
       * alone is easy to miss. The full text is in the tooltip and read
       * by a screen reader. */
      GdkRGBA dots = ink;
      double center = VENTURE_NOTE_WIDTH / 2.0;
      int text_height = get_text_height (self);

      dots.alpha = 0.7f;
      for (int i = -1; i <= 1; i++)
        gtk_snapshot_append_color (snapshot, &dots,
                                   &GRAPHENE_RECT_INIT (center + i * 7 - 1.5,
                                                        get_dots_top (text_height, gtk_widget_get_height (widget),
                                                                      self->chips != NULL),
                                                        3, 3));
    }

  if (self->mark_layout != NULL)
    {
      /* A badge over the top right corner, in the ink of the note, with
       * the symbol cut out in the note's own background. */
      GskRoundedRect badge;
      int mark_width, mark_height;
      float width, height;

      pango_layout_get_pixel_size (self->mark_layout, &mark_width, &mark_height);
      width = MAX (mark_width + 8, mark_height + 2);
      height = mark_height + 2;
      gsk_rounded_rect_init_from_rect (&badge,
                                       &GRAPHENE_RECT_INIT (VENTURE_NOTE_WIDTH + VENTURE_NOTE_PADDING - width - 2,
                                                            -VENTURE_NOTE_PADDING + 2,
                                                            width, height),
                                       height / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &badge);
      gtk_snapshot_append_color (snapshot, &ink, &badge.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (badge.bounds.origin.x + (width - mark_width) / 2,
                                                    badge.bounds.origin.y + 1));
      {
        GdkRGBA paper;

        /* The CSS background of the note is not at hand here; white or
         * black, whichever stands out from the ink. */
        if (ink.red * 0.299 + ink.green * 0.587 + ink.blue * 0.114 > 0.5)
          paper = (GdkRGBA) { 0, 0, 0, 1 };
        else
          paper = (GdkRGBA) { 1, 1, 1, 1 };
        gtk_snapshot_append_layout (snapshot, self->mark_layout, &paper);
      }
      gtk_snapshot_restore (snapshot);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
venture_note_widget_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);

  GTK_WIDGET_CLASS (venture_note_widget_parent_class)->css_changed (widget, change);

  /* The block's image of its resting notes is made again on the
   * changes that show (colour, selection, focus, the style), not on every
   * restyle: moving a note among a thousand restyles its siblings. */
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
}

static void
venture_note_widget_state_flags_changed (GtkWidget     *widget,
                                         GtkStateFlags  previous)
{
  GtkStateFlags shown = GTK_STATE_FLAG_SELECTED | GTK_STATE_FLAG_FOCUS_VISIBLE |
                        GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_BACKDROP;

  GTK_WIDGET_CLASS (venture_note_widget_parent_class)->state_flags_changed (widget, previous);
  if (((previous ^ gtk_widget_get_state_flags (widget)) & shown) != 0)
    invalidate_parent (VENTURE_NOTE_WIDGET (widget));
}

static gboolean
venture_note_widget_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard,
                                   GtkTooltip *tooltip)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);

  if (self->mark_description != NULL)
    {
      g_autofree char *text = NULL;

      if (self->truncated)
        text = g_strdup_printf ("%s\n\n%s %s", venture_note_get_text (self->note),
                                self->mark, self->mark_description);
      else
        text = g_strdup_printf ("%s %s", self->mark, self->mark_description);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  if (!self->truncated)
    return GTK_WIDGET_CLASS (venture_note_widget_parent_class)->query_tooltip (widget, x, y, keyboard, tooltip);

  gtk_tooltip_set_text (tooltip, venture_note_get_text (self->note));
  return TRUE;
}

/* Only the menu itself opens on a board that shows a version. */
static gboolean
note_action_applies (VentureBoard *board,
                     const char   *action_name)
{
  return board != NULL && (_venture_board_can_edit (board) || g_str_equal (action_name, "note.menu"));
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (widget);
  VentureBoard *board = _venture_board_from_widget (widget);

  if (!note_action_applies (board, action_name))
    return;

  if (g_str_equal (action_name, "note.edit"))
    _venture_board_edit_note (board, self);
  else if (g_str_equal (action_name, "note.set-color"))
    _venture_board_recolor_note (board, self, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "note.delete"))
    _venture_board_delete_note (board, self);
  else if (g_str_equal (action_name, "note.duplicate"))
    _venture_board_duplicate_note (board, self);
  else if (g_str_equal (action_name, "note.move-to"))
    _venture_board_move_note_to (board, self, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "note.menu"))
    venture_note_widget_popup_menu (self);
  else if (g_str_equal (action_name, "note.tags"))
    venture_note_widget_popup_tags (self);
}

/* The note that has the focus under @widget, where its keys go. */
static gboolean
activate_focused_note (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  const char *action_name = g_variant_get_string (args, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *note = focus != NULL ? gtk_widget_get_ancestor (focus, VENTURE_TYPE_NOTE_WIDGET) : NULL;

  /* A key that does nothing lets the event go on. */
  if (note == NULL || !gtk_widget_is_ancestor (note, widget) ||
      !note_action_applies (_venture_board_from_widget (note), action_name))
    return FALSE;
  note_action (note, action_name, NULL);
  return TRUE;
}

/* The notes' keys are one controller on the board that holds them, not
 * one on each of 10,000 notes: GTK makes a controller for every widget
 * whose class has keys. The menu names its keys itself. */
GtkEventController *
_venture_note_widget_shortcuts_new (void)
{
  static const struct { guint keyval; GdkModifierType modifiers; const char *action; } keys[] = {
    { GDK_KEY_Return, 0, "note.edit" },
    { GDK_KEY_KP_Enter, 0, "note.edit" },
    { GDK_KEY_F2, 0, "note.edit" },
    { GDK_KEY_Menu, 0, "note.menu" },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "note.menu" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "note.duplicate" },
    /* Alt+Return: the note's properties, as in GNOME's file managers;
     * Ctrl+T tidies the block. */
    { GDK_KEY_Return, GDK_ALT_MASK, "note.tags" },
    { GDK_KEY_KP_Enter, GDK_ALT_MASK, "note.tags" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                gtk_callback_action_new (activate_focused_note, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  return controller;
}

static void
venture_note_widget_dispose (GObject *object)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (object);
  GtkWidget *child;

  if (self->note != NULL)
    g_signal_handlers_disconnect_by_func (self->note, on_note_notify, self);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (venture_note_widget_parent_class)->dispose (object);
}

static void
venture_note_widget_finalize (GObject *object)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (object);

  g_clear_object (&self->note);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->fast_text, venture_note_text_free);
  g_clear_pointer (&self->block_id, g_free);
  g_clear_pointer (&self->color_class, g_free);
  g_clear_pointer (&self->block_label, g_free);
  g_clear_pointer (&self->chips_signature, g_free);
  g_clear_pointer (&self->mark, g_free);
  g_clear_pointer (&self->mark_description, g_free);
  g_clear_object (&self->mark_layout);

  G_OBJECT_CLASS (venture_note_widget_parent_class)->finalize (object);
}

static void
venture_note_widget_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_note_widget_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_note_widget_constructed (GObject *object)
{
  VentureNoteWidget *self = VENTURE_NOTE_WIDGET (object);

  G_OBJECT_CLASS (venture_note_widget_parent_class)->constructed (object);

  g_assert (self->note != NULL);
  self->block_id = g_strdup (venture_note_get_block (self->note));
  /* Dispose disconnects it: cheaper for 10,000 notes than a closure
   * that watches the widget. */
  g_signal_connect_swapped (self->note, "notify", G_CALLBACK (on_note_notify), self);
  sync_color (self);
  /* The accessible name and description come when the note is in its
   * block, in a window (see root): not twice for each of 10,000 notes. */
}

static void
venture_note_widget_class_init (VentureNoteWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = venture_note_widget_dispose;
  object_class->finalize = venture_note_widget_finalize;
  object_class->get_property = venture_note_widget_get_property;
  object_class->set_property = venture_note_widget_set_property;
  object_class->constructed = venture_note_widget_constructed;

  widget_class->measure = venture_note_widget_measure;
  widget_class->size_allocate = venture_note_widget_size_allocate;
  widget_class->snapshot = venture_note_widget_snapshot;
  widget_class->root = venture_note_widget_root;
  widget_class->query_tooltip = venture_note_widget_query_tooltip;
  widget_class->css_changed = venture_note_widget_css_changed;
  widget_class->state_flags_changed = venture_note_widget_state_flags_changed;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL,
                         VENTURE_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "note");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);

  gtk_widget_class_install_action (widget_class, "note.edit", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "note.set-color", "s", note_action);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "note.duplicate", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "note.move-to", "s", note_action);
  gtk_widget_class_install_action (widget_class, "note.menu", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "note.tags", NULL, note_action);

  ensure_color_css ();
  grab_cursor = gdk_cursor_new_from_name ("grab", NULL);
}

/* The pointer gestures (click, long press, drag) live on the block: one
 * set per block, not three controllers for each of 10,000 notes. */
static void
venture_note_widget_init (VentureNoteWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_cursor (widget, grab_cursor);
}

GtkWidget *
venture_note_widget_new (VentureNote *note)
{
  g_return_val_if_fail (VENTURE_IS_NOTE (note), NULL);

  return g_object_new (VENTURE_TYPE_NOTE_WIDGET, "note", note, NULL);
}

VentureNote *
venture_note_widget_get_note (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), NULL);
  return self->note;
}

/* Whether the text was last measured without a PangoLayout (for tests). */
gboolean
venture_note_widget_uses_fast_text (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), FALSE);

  return self->uses_fast_text;
}

gboolean
venture_note_widget_is_truncated (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), FALSE);
  return self->truncated;
}

gboolean
venture_note_widget_get_selected (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), FALSE);
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_SELECTED) != 0;
}

void
venture_note_widget_set_selected (VentureNoteWidget *self,
                                  gboolean           selected)
{
  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (self));

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

void
venture_note_widget_set_mark (VentureNoteWidget *self,
                              const char        *symbol,
                              const char        *description)
{
  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (self));
  g_return_if_fail ((symbol == NULL) == (description == NULL));

  if (g_strcmp0 (self->mark, symbol) == 0 && g_strcmp0 (self->mark_description, description) == 0)
    return;

  g_free (self->mark);
  g_free (self->mark_description);
  self->mark = g_strdup (symbol);
  self->mark_description = g_strdup (description);
  g_clear_object (&self->mark_layout);
  if (symbol != NULL)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      self->mark_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), symbol);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (self->mark_layout, attributes);
    }

  update_accessible (self);
  /* The block may draw this note from its image of resting notes. */
  invalidate_parent (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
venture_note_widget_get_mark (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), NULL);
  return self->mark;
}

void
_venture_note_widget_set_block_label (VentureNoteWidget *self,
                                      const char        *label)
{
  if (g_strcmp0 (self->block_label, label) == 0)
    return;

  g_free (self->block_label);
  self->block_label = g_strdup (label);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    update_accessible (self);
}

static void
on_menu_closed (GtkPopover *popover)
{
  /* Unparenting inside ::closed would pull the popover out from under
   * its own signal emission. */
  g_idle_add_once ((GSourceOnceFunc) gtk_widget_unparent, g_object_ref (popover));
  g_idle_add_once ((GSourceOnceFunc) g_object_unref, popover);
}

void
_venture_note_widget_set_dragging (VentureNoteWidget *self,
                                   gboolean           dragging)
{
  if (dragging)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  invalidate_parent (self);
}

gboolean
_venture_note_widget_is_moving (VentureNoteWidget *self)
{
  return self->moved_time != 0 &&
         g_get_monotonic_time () - self->moved_time < G_TIME_SPAN_SECOND;
}

/* What the menu offers: everything in it changes the note, so all of it
 * is insensitive on a board that shows a version. */
static void
update_actions (VentureNoteWidget *self,
                VentureBoard      *board)
{
  static const char * const edits[] = {
    "note.edit", "note.set-color", "note.delete", "note.duplicate", "note.move-to", "note.tags",
  };
  gboolean editable = _venture_board_can_edit (board);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], editable);
}

void
venture_note_widget_popup_menu (VentureNoteWidget *self)
{
  /* Keys from _venture_note_widget_shortcuts_new(), as the menu showed
   * them when each note had them (the last one of each action). */
  static const struct { const char *label, *action, *accel; } edits[] = {
    { N_("_Edit Text"), "note.edit", "F2" },
    { N_("_Tags…"), "note.tags", "<Alt>KP_Enter" },
    { N_("D_uplicate"), "note.duplicate", "<Control>d" },
    { N_("_Delete"), "note.delete", NULL },
  };
  VentureBoard *board;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) colors_section = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenu) move_menu = g_menu_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  const VentureColor *colors;
  GtkWidget *popover;
  guint n_colors;

  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (self));

  board = _venture_board_from_widget (GTK_WIDGET (self));
  if (board == NULL)
    return;

  _venture_board_update_actions (board);
  update_actions (self, board);

  colors = venture_taxonomy_get_colors (&n_colors);
  for (guint i = 0; i < n_colors; i++)
    {
      g_autofree char *action = g_strdup_printf ("note.set-color::%s", colors[i].id);

      g_menu_append (colors_section, _(colors[i].label), action);
    }

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(edits[i].label), edits[i].action);

      if (edits[i].accel != NULL)
        g_menu_item_set_attribute (item, "accel", "s", edits[i].accel);
      g_menu_append_item (edit_section, item);
    }

  blocks = _venture_board_list_blocks (board);
  for (guint i = 0; i < blocks->len; i++)
    {
      const VentureBlockInfo *info = g_ptr_array_index (blocks, i);
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (info->id, venture_note_get_block (self->note)) == 0)
        continue;
      item = g_menu_item_new (info->label, NULL);
      g_menu_item_set_action_and_target (item, "note.move-to", "s", info->id);
      g_menu_append_item (move_menu, item);
    }

  g_menu_append_section (menu, _("Colour"), G_MENU_MODEL (colors_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  g_menu_append_submenu (menu, _("_Move To"), G_MENU_MODEL (move_menu));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), TRUE);
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Relationships (issue 6) */

void
venture_note_widget_popup_tags (VentureNoteWidget *self)
{
  VentureBoard *board;
  GtkWidget *popover;

  g_return_if_fail (VENTURE_IS_NOTE_WIDGET (self));

  board = _venture_board_from_widget (GTK_WIDGET (self));
  if (board == NULL || !_venture_board_can_edit (board))
    return;

  if (venture_note_widget_get_tag_popover (self) != NULL)
    {
      gtk_popover_popup (venture_note_widget_get_tag_popover (self));
      return;
    }

  popover = venture_tag_popover_new (_venture_board_get_canvas (board), self->note);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

GtkPopover *
venture_note_widget_get_tag_popover (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VENTURE_IS_TAG_POPOVER (child))
      return GTK_POPOVER (child);

  return NULL;
}

guint
venture_note_widget_get_n_chips (VentureNoteWidget *self)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), 0);
  return self->chips != NULL ? self->chips->len : 0;
}

GtkWidget *
venture_note_widget_get_chip (VentureNoteWidget *self,
                              guint              index)
{
  g_return_val_if_fail (VENTURE_IS_NOTE_WIDGET (self), NULL);
  g_return_val_if_fail (self->chips != NULL && index < self->chips->len, NULL);
  return g_ptr_array_index (self->chips, index);
}
