/* venture-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <hb-ot.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "venture-file.h"
#include "venture-taxonomy.h"
#include "venture-template.h"

#include "venture-export.h"

/* Every length below is in points on an A4 landscape page; the layout
 * multiplies them by a unit that grows with the paper's area, so an A3
 * poster is the A4 one magnified and a portrait page keeps the same type
 * sizes in a narrower grid. */
#define A4_AREA            (842.0 * 595.0)
#define MARGIN             26.0
#define FOOTER_HEIGHT      18.0
#define GAP                5.0
#define BLOCK_PAD          6.0
#define BLOCK_RADIUS       5.0
#define NOTE_WIDTH         68.0
#define NOTE_HEIGHT        54.0
#define NOTE_PAD           3.5
#define NOTE_RADIUS        1.5
#define NOTE_LINE          0.35
#define SHADOW_DX          0.5
#define SHADOW_DY          0.9
/* Around what a note draws: its hairline, and a pixel to spare. */
#define REACH_MARGIN       1.0
/* cairo regions count in integers: sixteenths of a point. */
#define REGION_SCALE       16.0
#define CHIP_HEIGHT        7.6
#define CHIP_GAP           1.2
#define MARKER_RADIUS      4.4
/* A marker sits on its note's corner, like a badge, off the text. */
#define MARKER_INSET       1.0
#define MAX_CHIP_ROWS      3
#define PILLS_PER_STROKE   64
#define MAX_IMAGE_SIDE     32767
#define MAX_IMAGE_PIXELS   (64.0 * 1024 * 1024)
#define COLUMN_GAP         18.0
#define ENTRY_INDENT       (2 * MARKER_RADIUS + 8.0)
/* A note more covered than this by notes on top of it is listed in full. */
#define MAX_COVERED        0.3

#define FONT_FAMILY        "Noto Sans"
#define SIZE_TITLE         16.0
#define SIZE_SUBTITLE      8.0
#define SIZE_LABEL         8.5
#define SIZE_QUESTIONS     6.8
#define SIZE_NOTE          6.6
#define SIZE_CHIP          5.3
#define SIZE_MARKER        5.2
#define SIZE_FOOTER        7.0
#define SIZE_HEADING       13.0
#define SIZE_ENTRY_HEAD    7.2
#define SIZE_ENTRY_BODY    8.6

/* The light style, whatever the desktop uses: paper is white. */
#define RGB_PAGE           0xffffff
#define RGB_BLOCK          0xfafafa
#define RGB_BLOCK_BORDER   0xc0bfc4
#define RGB_TEXT           0x241f31
#define RGB_DIM            0x5e5c64
#define RGB_FAINT          0x77767b
#define RGB_MARKER         0x1c1c1f
#define RGB_SHADOW         0xd6d6d6

typedef struct {
  const VentureBlockInfo *info;
  double                  x, y, width, height;
  double                  room_x, room_y, room_width, room_height;
  PangoLayout            *label;
  PangoLayout            *questions;      /* NULL when the block has notes */
  guint                   n_notes;
} BlockBox;

typedef struct {
  VentureNote        *note;
  BlockBox           *block;              /* NULL: in the unsorted tray */
  int                 block_index;        /* in the template; -1 for the tray */
  const VentureColor *color;
  const VentureTag   *tags[VENTURE_N_TAG_KINDS];
  gboolean            unknown_tag[VENTURE_N_TAG_KINDS];
  PangoLayout        *text;               /* NULL when hidden */
  double              x, y, width, height;
  guint               marker;             /* 0: fits, no marker */
  guint               marker_corner;      /* 0 top right, 1 top left, 2 bottom right, 3 bottom left */
  gboolean            hidden;             /* no room in the tray */
  gboolean            buried;             /* out of sight under later notes: only its marker shows */
  gboolean            spills;             /* may draw beyond its reach, see measure_reach() */
  cairo_rectangle_t   reach;              /* what drawing the note touches */
  guint               chip_rows;          /* place_chips() */
} NoteBox;

/* One piece of an appendix entry in one column: a long note continues in
 * the next column, cut between lines. */
typedef struct {
  NoteBox     *box;                       /* NULL for a block's heading */
  PangoLayout *group;                     /* the heading, when box is NULL */
  guint        page;
  double   x, y;
  gboolean with_head;
  double   body_from, body_to;
} EntryPiece;

typedef struct {
  NoteBox     *box;
  PangoLayout *group;                     /* the block's label, in head_layouts */
  PangoLayout *head;                      /* the tags, shared; NULL without tags */
  PangoLayout *body;                      /* NULL between paginating and drawing in one pass */
  double       body_height;
  GArray      *line_ends;                 /* double, body line bottoms */
} Entry;

struct _VentureExport
{
  GObject               parent_instance;

  VentureTemplate      *template;
  PangoContext         *context;
  double                page_width;
  double                page_height;
  double                unit;

  PangoFontDescription *font_title;
  PangoFontDescription *font_subtitle;
  PangoFontDescription *font_label;
  PangoFontDescription *font_questions;
  PangoFontDescription *font_note;
  PangoFontDescription *font_chip;
  PangoFontDescription *font_marker;
  PangoFontDescription *font_footer;
  PangoFontDescription *font_heading;
  PangoFontDescription *font_entry_head;
  PangoFontDescription *font_entry_body;

  PangoLayout          *title;
  PangoLayout          *subtitle;
  PangoLayout          *credit;
  PangoLayout          *heading;
  PangoLayout          *tray_label;
  PangoLayout          *tray_more;
  GHashTable           *chip_layouts;     /* label -> PangoLayout */
  PangoFont            *marker_font;      /* see draw_marker() */
  GHashTable           *head_layouts;     /* text -> PangoLayout */
  GHashTable           *color_fonts;      /* PangoFont -> has colour glyphs */
  PangoFont            *carrier_font;     /* see show_color_layout() */

  double                rule_y;           /* under the header */
  double                content_y;        /* where a page's content starts */
  double                grid_x, grid_y, grid_width, grid_height;
  double                tray_x, tray_y, tray_width, tray_height;
  double                note_width, note_height;
  double                entry_width;      /* of an appendix entry's text */
  gboolean              has_tray;

  GArray               *blocks;           /* BlockBox */
  GArray               *notes;            /* NoteBox, stacking order */
  GPtrArray            *entries;          /* Entry, in marker order */
  GArray               *pieces;           /* EntryPiece */
  guint                 n_markers;
  guint                 n_pages;
  gboolean              one_pass;         /* each page drawn once, in order: see draw_note() */
  gboolean              notes_let_go;     /* the canvas page cannot be drawn again */

  /* A comparison page after the canvas page (venture_export_add_comparison()). */
  VentureComparison    *comparison;
  guint                 n_comparison_pages;
  GHashTable           *change_marks;     /* note id -> PangoLayout of its symbols */
  PangoLayout          *compare_heading;
  PangoLayout          *compare_summary;
  PangoLayout          *compare_legend;
  GPtrArray            *compare_lines;    /* PangoLayout, the list of changes that fits */
  GPtrArray            *mix_cells;        /* PangoLayout, 3 a row: label, old, new */
  PangoLayout          *mix_heading;
};

G_DEFINE_FINAL_TYPE (VentureExport, venture_export, G_TYPE_OBJECT)

G_DEFINE_QUARK (venture-export-error-quark, venture_export_error)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->body);
  g_clear_pointer (&entry->line_ends, g_array_unref);
  g_free (entry);
}

static void
block_box_clear (gpointer data)
{
  BlockBox *box = data;

  g_clear_object (&box->label);
  g_clear_object (&box->questions);
}

static void
note_box_clear (gpointer data)
{
  NoteBox *box = data;

  g_clear_object (&box->note);
  g_clear_object (&box->text);
}

static void
venture_export_finalize (GObject *object)
{
  VentureExport *self = (VentureExport *) object;

  g_clear_object (&self->template);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font_title, pango_font_description_free);
  g_clear_pointer (&self->font_subtitle, pango_font_description_free);
  g_clear_pointer (&self->font_label, pango_font_description_free);
  g_clear_pointer (&self->font_questions, pango_font_description_free);
  g_clear_pointer (&self->font_note, pango_font_description_free);
  g_clear_pointer (&self->font_chip, pango_font_description_free);
  g_clear_pointer (&self->font_marker, pango_font_description_free);
  g_clear_pointer (&self->font_footer, pango_font_description_free);
  g_clear_pointer (&self->font_heading, pango_font_description_free);
  g_clear_pointer (&self->font_entry_head, pango_font_description_free);
  g_clear_pointer (&self->font_entry_body, pango_font_description_free);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->credit);
  g_clear_object (&self->heading);
  g_clear_object (&self->tray_label);
  g_clear_object (&self->tray_more);
  g_clear_pointer (&self->chip_layouts, g_hash_table_unref);
  g_clear_object (&self->marker_font);
  g_clear_pointer (&self->head_layouts, g_hash_table_unref);
  g_clear_pointer (&self->color_fonts, g_hash_table_unref);
  g_clear_object (&self->carrier_font);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->change_marks, g_hash_table_unref);
  g_clear_object (&self->compare_heading);
  g_clear_object (&self->compare_summary);
  g_clear_object (&self->compare_legend);
  g_clear_pointer (&self->compare_lines, g_ptr_array_unref);
  g_clear_pointer (&self->mix_cells, g_ptr_array_unref);
  g_clear_object (&self->mix_heading);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  /* Entries point into notes, notes into blocks: free in that order. */
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (venture_export_parent_class)->finalize (object);
}

static void
venture_export_class_init (VentureExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = venture_export_finalize;
}

static void
venture_export_init (VentureExport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (BlockBox));
  g_array_set_clear_func (self->blocks, block_box_clear);
  self->notes = g_array_new (FALSE, TRUE, sizeof (NoteBox));
  g_array_set_clear_func (self->notes, note_box_clear);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (EntryPiece));
  self->chip_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->head_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->color_fonts = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* Options and their identifiers */

typedef struct {
  const char *id;
  int         value;
} Choice;

static const Choice formats[] = {
  { "pdf", VENTURE_EXPORT_FORMAT_PDF },
  { "png", VENTURE_EXPORT_FORMAT_PNG },
  { "svg", VENTURE_EXPORT_FORMAT_SVG },
};

static const Choice page_sizes[] = {
  { "a4", VENTURE_PAGE_SIZE_A4 },
  { "a3", VENTURE_PAGE_SIZE_A3 },
  { "letter", VENTURE_PAGE_SIZE_LETTER },
};

static const Choice orientations[] = {
  { "landscape", VENTURE_ORIENTATION_LANDSCAPE },
  { "portrait", VENTURE_ORIENTATION_PORTRAIT },
};

static const Choice scales[] = {
  { "1", 1 },
  { "2", 2 },
  { "4", 4 },
};

static char *
list_choices (const Choice *choices,
              guint         n_choices,
              const char   *prefix)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n_choices; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s%s", prefix, choices[i].id);
    }

  return g_string_free (list, FALSE);
}

static gboolean
lookup_choice (const Choice *choices,
               guint         n_choices,
               const char   *id,
               int          *value)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_ascii_strcasecmp (choices[i].id, id) == 0)
      {
        *value = choices[i].value;
        return TRUE;
      }

  return FALSE;
}

gboolean
venture_export_format_from_path (const char           *path,
                                 VentureExportFormat  *format,
                                 GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *supported = NULL;
  const char *dot;
  int value;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  name = g_filename_display_basename (path);
  dot = strrchr (name, '.');
  if (dot != NULL && lookup_choice (formats, G_N_ELEMENTS (formats), dot + 1, &value))
    {
      *format = value;
      return TRUE;
    }

  supported = list_choices (formats, G_N_ELEMENTS (formats), ".");
  g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_FORMAT,
               /* Translators: the second %s is a list like ".pdf, .png, .svg" */
               _("Cannot export to “%s”: the name must end in one of %s"),
               name, supported);
  return FALSE;
}

gboolean
venture_page_size_from_string (const char       *id,
                               VenturePageSize  *page_size,
                               GError          **error)
{
  g_autofree char *supported = NULL;
  int value;

  g_return_val_if_fail (page_size != NULL, FALSE);

  if (id != NULL && lookup_choice (page_sizes, G_N_ELEMENTS (page_sizes), id, &value))
    {
      *page_size = value;
      return TRUE;
    }

  supported = list_choices (page_sizes, G_N_ELEMENTS (page_sizes), "");
  g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION,
               /* Translators: the second %s is the list "a4, a3, letter" */
               _("the page size “%s” is not supported; use one of %s"),
               id ? id : "", supported);
  return FALSE;
}

gboolean
venture_orientation_from_string (const char          *id,
                                 VentureOrientation  *orientation,
                                 GError             **error)
{
  g_autofree char *supported = NULL;
  int value;

  g_return_val_if_fail (orientation != NULL, FALSE);

  if (id != NULL && lookup_choice (orientations, G_N_ELEMENTS (orientations), id, &value))
    {
      *orientation = value;
      return TRUE;
    }

  supported = list_choices (orientations, G_N_ELEMENTS (orientations), "");
  g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION,
               /* Translators: the second %s is the list "landscape, portrait" */
               _("the orientation “%s” is not supported; use one of %s"),
               id ? id : "", supported);
  return FALSE;
}

gboolean
venture_export_scale_from_string (const char  *value,
                                  guint       *scale,
                                  GError     **error)
{
  g_autofree char *supported = NULL;
  int parsed;

  g_return_val_if_fail (scale != NULL, FALSE);

  if (value != NULL && lookup_choice (scales, G_N_ELEMENTS (scales), value, &parsed))
    {
      *scale = parsed;
      return TRUE;
    }

  supported = list_choices (scales, G_N_ELEMENTS (scales), "");
  g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION,
               /* Translators: the second %s is the list "1, 2, 4" */
               _("the scale “%s” is not supported; use one of %s"),
               value ? value : "", supported);
  return FALSE;
}

void
venture_page_size_get_points (VenturePageSize     page_size,
                              VentureOrientation  orientation,
                              double             *width,
                              double             *height)
{
  double long_side, short_side;

  g_return_if_fail (width != NULL && height != NULL);

  /* Whole points, as PDF viewers report them. */
  switch (page_size)
    {
    case VENTURE_PAGE_SIZE_A3:
      long_side = 1191;
      short_side = 842;
      break;
    case VENTURE_PAGE_SIZE_LETTER:
      long_side = 792;
      short_side = 612;
      break;
    case VENTURE_PAGE_SIZE_A4:
    default:
      long_side = 842;
      short_side = 595;
      break;
    }

  *width = orientation == VENTURE_ORIENTATION_PORTRAIT ? short_side : long_side;
  *height = orientation == VENTURE_ORIENTATION_PORTRAIT ? long_side : short_side;
}

/* Layout */

static PangoFontDescription *
make_font (VentureExport *self,
           double         size,
           PangoWeight    weight,
           PangoStyle     style)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_font_description_set_absolute_size (font, size * self->unit * PANGO_SCALE);
  return font;
}

static GQuark
color_layout_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("venture-export-color-layout");
  return quark;
}

static gboolean
font_has_color (VentureExport *self,
                PangoFont     *font)
{
  gpointer cached;
  hb_face_t *face;
  gboolean color;

  if (g_hash_table_lookup_extended (self->color_fonts, font, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  face = hb_font_get_face (pango_font_get_hb_font (font));
  color = hb_ot_color_has_png (face) || hb_ot_color_has_layers (face);
  g_hash_table_insert (self->color_fonts, g_object_ref (font), GINT_TO_POINTER (color));
  return color;
}

/* Marks a layout that uses a colour font (emoji), for show_layout(). */
static void
check_color (VentureExport *self,
             PangoLayout   *layout)
{
  g_autoptr(PangoLayoutIter) iter = NULL;
  const char *text = pango_layout_get_text (layout);
  gboolean beyond_latin = FALSE;

  /* Colour glyphs live above U+2000: plain text needs no look at fonts. */
  for (const guchar *p = (const guchar *) text; *p && !beyond_latin; p++)
    beyond_latin = *p >= 0xe2;
  if (!beyond_latin)
    return;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && font_has_color (self, run->item->analysis.font))
        {
          g_object_set_qdata (G_OBJECT (layout), color_layout_quark (), self);
          return;
        }
    }
  while (pango_layout_iter_next_run (iter));
}

static PangoLayout *
make_layout (VentureExport              *self,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width,
             double                      height)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (height > 0)
    {
      pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else if (height < 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  check_color (self, layout);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static PangoLayout *
get_chip_layout (VentureExport *self,
                 const char    *label)
{
  PangoLayout *layout = g_hash_table_lookup (self->chip_layouts, label);

  if (layout == NULL)
    {
      layout = make_layout (self, self->font_chip, label, 0, 0);
      g_hash_table_insert (self->chip_layouts, g_strdup (label), layout);
    }

  return layout;
}

static const char *
chip_label (NoteBox *box,
            guint    kind)
{
  if (box->tags[kind] != NULL)
    return venture_tag_get_short_label (box->tags[kind]);
  if (box->unknown_tag[kind])
    /* Translators: a tag from a newer version of Venture, on a note chip */
    return _("unknown");
  return NULL;
}

static double
chip_width (VentureExport *self,
            PangoLayout   *label)
{
  double u = self->unit;

  return CHIP_HEIGHT * u + layout_width (label) + 2.2 * u;
}

/* Lays the chips of a note out in rows from the note's bottom up; returns
 * the number of rows, or MAX_CHIP_ROWS + 1 when they do not fit. When cr
 * is not NULL, draws them too. */
static guint
place_chips (VentureExport *self,
             NoteBox       *box,
             cairo_t       *cr);

static double
chips_height (VentureExport *self,
              guint          rows)
{
  return rows == 0 ? 0 : rows * CHIP_HEIGHT * self->unit + rows * CHIP_GAP * self->unit;
}

/* Control characters (other than line breaks in notes) would print as
 * boxes of hex digits: paper gets a space instead. A title stays on one
 * line. Returns NULL when the text can be used as it is. */
static char *
printable_text (const char *text,
                gboolean    one_line)
{
  GString *printable;
  gboolean clean = TRUE;

  for (const guchar *p = (const guchar *) text; *p && clean; p++)
    clean = !(*p < 0x20 || *p == 0x7f || *p == 0xc2) || (*p == '\n' && !one_line);
  if (clean)
    return NULL;

  printable = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && !one_line)
        g_string_append_c (printable, '\n');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (printable, ' ');
      else
        g_string_append_unichar (printable, c);
    }

  return g_string_free (printable, FALSE);
}

static void
lay_out_note_text (VentureExport *self,
                   NoteBox       *box)
{
  double u = self->unit;
  guint rows = box->chip_rows;
  double text_width = box->width - 2 * NOTE_PAD * u;
  double text_height = box->height - 2 * NOTE_PAD * u - chips_height (self, MIN (rows, MAX_CHIP_ROWS));
  const char *text = venture_note_get_text (box->note);
  g_autofree char *printable = printable_text (text ? text : "", FALSE);

  box->text = make_layout (self, self->font_note, printable ? printable : text ? text : "",
                           text_width, MAX (text_height, 1));
  if (pango_layout_is_ellipsized (box->text) || rows > MAX_CHIP_ROWS)
    {
      /* Keeps the marker's corner free of text. */
      box->marker = G_MAXUINT;
      pango_layout_set_width (box->text,
                              (int) ((text_width - MARKER_RADIUS * u) * PANGO_SCALE));
    }
}

/* Where drawing a placed note reaches: its paper, with the hairline and
 * the shadow. Text of plain ASCII and chips that fit stay on the paper;
 * any other text might not (accents stacked high, scripts with tall
 * marks, emoji pictures), nor might chips taller than the note: such a
 * note "spills", and is never taken for out of sight. */
static void
measure_reach (VentureExport *self,
               NoteBox       *box)
{
  double u = self->unit;
  const char *text = venture_note_get_text (box->note);

  box->chip_rows = place_chips (self, box, NULL);
  box->spills = chips_height (self, MIN (box->chip_rows, MAX_CHIP_ROWS)) + 2 * NOTE_PAD * u > box->height;
  for (const guchar *p = (const guchar *) (text ? text : ""); *p && !box->spills; p++)
    box->spills = *p >= 0x80;

  box->reach.x = box->x - REACH_MARGIN * u;
  box->reach.y = box->y - REACH_MARGIN * u;
  box->reach.width = box->width + (SHADOW_DX + 2 * REACH_MARGIN) * u;
  box->reach.height = box->height + (SHADOW_DY + 2 * REACH_MARGIN) * u;
}

/* The whole points of the grid inside the rectangle. */
static void
cover_rectangle (cairo_region_t *cover,
                 double          x,
                 double          y,
                 double          width,
                 double          height)
{
  cairo_rectangle_int_t inside;

  inside.x = (int) ceil (x * REGION_SCALE);
  inside.y = (int) ceil (y * REGION_SCALE);
  inside.width = (int) floor ((x + width) * REGION_SCALE) - inside.x;
  inside.height = (int) floor ((y + height) * REGION_SCALE) - inside.y;
  if (inside.width > 0 && inside.height > 0)
    cairo_region_union_rectangle (cover, &inside);
}

static gboolean
is_covered (cairo_region_t          *cover,
            const cairo_rectangle_t *rect)
{
  cairo_rectangle_int_t around;

  around.x = (int) floor (rect->x * REGION_SCALE);
  around.y = (int) floor (rect->y * REGION_SCALE);
  around.width = (int) ceil ((rect->x + rect->width) * REGION_SCALE) - around.x;
  around.height = (int) ceil ((rect->y + rect->height) * REGION_SCALE) - around.y;
  return cairo_region_contains_rectangle (cover, &around) == CAIRO_REGION_OVERLAP_IN;
}

static int
compare_note_boxes (gconstpointer a,
                    gconstpointer b)
{
  const NoteBox *first = *(NoteBox * const *) a;
  const NoteBox *second = *(NoteBox * const *) b;
  int first_block = first->block_index >= 0 ? first->block_index : G_MAXINT;
  int second_block = second->block_index >= 0 ? second->block_index : G_MAXINT;

  if (first_block != second_block)
    return first_block < second_block ? -1 : 1;
  if (first->y != second->y)
    return first->y < second->y ? -1 : 1;
  if (first->x != second->x)
    return first->x < second->x ? -1 : 1;
  return 0;
}

static gboolean
point_in_box (const NoteBox *box,
              double         x,
              double         y)
{
  return x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height;
}

/* Notes overlap where people stacked them; one mostly hidden under later
 * ones would be lost on paper, so it gets a marker and an appendix entry
 * like a note whose text does not fit. */
static void
mark_covered_notes (VentureExport *self)
{
  g_autoptr(GPtrArray) by_block = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  double inset = MARKER_INSET * self->unit;

  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (by_block, g_ptr_array_new ());
  for (guint i = 0; i < self->notes->len; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);

      if (box->block_index >= 0)
        g_ptr_array_add (g_ptr_array_index (by_block, box->block_index), box);
    }

  for (guint b = 0; b < by_block->len; b++)
    {
      GPtrArray *boxes = g_ptr_array_index (by_block, b);

      for (guint i = 0; i < boxes->len; i++)
        {
          NoteBox *below = g_ptr_array_index (boxes, i);
          double corners[4][2] = {
            { below->x + below->width - inset, below->y + inset },
            { below->x + inset, below->y + inset },
            { below->x + below->width - inset, below->y + below->height - inset },
            { below->x + inset, below->y + below->height - inset },
          };
          gboolean hidden[4] = { FALSE, FALSE, FALSE, FALSE };
          double covered = 0;

          for (guint j = i + 1; j < boxes->len; j++)
            {
              NoteBox *above = g_ptr_array_index (boxes, j);
              double width = MIN (below->x + below->width, above->x + above->width) - MAX (below->x, above->x);
              double height = MIN (below->y + below->height, above->y + above->height) - MAX (below->y, above->y);

              if (width <= 0 || height <= 0)
                continue;

              /* Summed, not united: overlaps of the ones on top count
               * twice, which only errs towards listing a note. */
              covered += width * height;
              for (guint c = 0; c < 4; c++)
                hidden[c] = hidden[c] || point_in_box (above, corners[c][0], corners[c][1]);
            }

          if (covered > MAX_COVERED * below->width * below->height)
            below->marker = G_MAXUINT;

          /* The marker goes where it stays in sight. */
          for (guint c = 0; c < 4; c++)
            if (!hidden[c])
              {
                below->marker_corner = c;
                break;
              }
        }

      /* From the top of the pile down: a note whose whole reach lies
       * under the papers and shadows above it is out of sight, so the
       * page skips it (its marker stays on top, its text is in the
       * appendix). Piles of hundreds of notes then cost what shows. */
      {
        cairo_region_t *cover = cairo_region_create ();

        for (guint i = boxes->len; i-- > 0;)
          {
            NoteBox *box = g_ptr_array_index (boxes, i);

            if (!box->spills && is_covered (cover, &box->reach))
              {
                box->buried = TRUE;
                box->marker = G_MAXUINT;
                continue;
              }
            cover_rectangle (cover, box->x, box->y, box->width, box->height);
            cover_rectangle (cover, box->x + SHADOW_DX * self->unit, box->y + SHADOW_DY * self->unit,
                             box->width, box->height);
          }
        cairo_region_destroy (cover);
      }
    }
}

static void
lay_out_canvas_page (VentureExport *self,
                     VentureCanvas *canvas,
                     GDateTime     *date)
{
  double u = self->unit;
  double margin = MARGIN * u;
  double top, bottom, cell_width, cell_height;
  guint columns = venture_template_get_columns (self->template);
  guint rows = venture_template_get_rows (self->template);
  guint n_notes = venture_canvas_get_n_notes (canvas);
  guint n_blocks = venture_template_get_n_blocks (self->template);
  const char *title = venture_canvas_get_title (canvas);
  g_autofree char *date_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *printable_title = printable_text (title ? title : "", TRUE);
  const VentureColor *default_color = venture_taxonomy_lookup_color (VENTURE_DEFAULT_COLOR);

  /* Translators: the date in the export's page header, see g_date_time_format() */
  date_text = g_date_time_format (date, _("%-d %B %Y"));
  subtitle = g_strdup_printf ("%s  ·  %s", venture_template_get_name (self->template),
                              date_text ? date_text : "");

  self->title = make_layout (self, self->font_title,
                             printable_title ? printable_title : title && *title ? title : _("Untitled canvas"),
                             self->page_width - 2 * margin, -1);
  pango_layout_set_wrap (self->title, PANGO_WRAP_CHAR);
  pango_layout_set_height (self->title, -1);
  self->subtitle = make_layout (self, self->font_subtitle, subtitle,
                                self->page_width - 2 * margin, -1);
  pango_layout_set_height (self->subtitle, -1);
  self->credit = make_layout (self, self->font_footer,
                              /* Translators: the licence requires this credit under the canvas */
                              _("The Business Model Canvas by Strategyzer AG, CC BY-SA 3.0"),
                              0, 0);

  self->rule_y = margin + layout_height (self->title) + layout_height (self->subtitle) + 4 * u;
  self->content_y = self->rule_y + 7 * u;
  top = self->content_y;
  bottom = self->page_height - margin - FOOTER_HEIGHT * u;

  self->note_width = NOTE_WIDTH * u;
  self->note_height = NOTE_HEIGHT * u;

  /* The boxes first, so that each note knows its block. */
  g_array_set_size (self->notes, n_notes);
  for (guint i = 0; i < n_notes; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);
      VentureNote *note = venture_canvas_get_note (canvas, i);
      const VentureBlockInfo *info = venture_template_lookup_block (self->template,
                                                                    venture_note_get_block (note));

      box->note = g_object_ref (note);
      box->color = venture_taxonomy_lookup_color (venture_note_get_color (note));
      if (box->color == NULL)
        box->color = default_color;
      for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
        {
          const char *id = venture_note_get_tag (note, kind);

          box->tags[kind] = venture_taxonomy_lookup (kind, id);
          box->unknown_tag[kind] = id != NULL && box->tags[kind] == NULL;
        }

      /* A note of a block this template lacks waits in the tray, as on the board. */
      box->block_index = -1;
      if (info == NULL)
        self->has_tray = TRUE;
      else
        box->block_index = info - venture_template_get_block (self->template, 0);
    }

  if (self->has_tray)
    {
      self->tray_height = self->note_height + 2 * BLOCK_PAD * u;
      self->tray_x = margin;
      self->tray_width = self->page_width - 2 * margin;
      self->tray_y = bottom - self->tray_height;
      bottom = self->tray_y - GAP * u;
    }

  self->grid_x = margin;
  self->grid_y = top;
  self->grid_width = self->page_width - 2 * margin;
  self->grid_height = bottom - top;
  cell_width = (self->grid_width + GAP * u) / columns;
  cell_height = (self->grid_height + GAP * u) / rows;

  /* Two notes side by side and two above each other fit in every block,
   * or people's arrangements would end up in one heap (a portrait page
   * has narrow blocks): notes shrink, and text that no longer fits goes
   * to the appendix. */
  {
    double max_width = self->note_width, max_height = G_MAXDOUBLE;

    for (guint i = 0; i < n_blocks; i++)
      {
        const VentureBlockInfo *info = venture_template_get_block (self->template, i);
        double width = info->width * cell_width - GAP * u;
        double height = info->height * cell_height - GAP * u;

        max_width = MIN (max_width, (width - 2 * BLOCK_PAD * u - GAP * u) / 2);
        max_height = MIN (max_height, (height - 2 * BLOCK_PAD * u - 16 * u - GAP * u) / 2);
      }

    /* A narrower note grows taller where there is room, keeping the room
     * for its text. */
    self->note_height = MIN (self->note_height * self->note_width / max_width, max_height);
    self->note_width = max_width;
  }

  g_array_set_size (self->blocks, n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      BlockBox *block = &g_array_index (self->blocks, BlockBox, i);
      double label_height;

      block->info = venture_template_get_block (self->template, i);
      block->x = self->grid_x + block->info->column * cell_width;
      block->y = self->grid_y + block->info->row * cell_height;
      block->width = block->info->width * cell_width - GAP * u;
      block->height = block->info->height * cell_height - GAP * u;
      block->label = make_layout (self, self->font_label, block->info->label,
                                  block->width - 2 * BLOCK_PAD * u, -1);
      /* Long labels (translations, narrow blocks) take a second line. */
      pango_layout_set_height (block->label, -2);
      label_height = layout_height (block->label);
      block->room_x = block->x + BLOCK_PAD * u;
      block->room_y = block->y + BLOCK_PAD * u + label_height + 3 * u;
      block->room_width = block->width - 2 * BLOCK_PAD * u;
      block->room_height = block->y + block->height - BLOCK_PAD * u - block->room_y;
    }

  /* Now that the blocks exist, turn the indices into pointers and place. */
  for (guint i = 0; i < n_notes; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);
      BlockBox *block;
      int x, y;

      if (box->block_index < 0)
        continue;

      block = &g_array_index (self->blocks, BlockBox, box->block_index);
      box->block = block;
      block->n_notes++;
      box->width = MIN (self->note_width, block->room_width);
      box->height = MIN (self->note_height, block->room_height);
      x = CLAMP (venture_note_get_x (box->note), 0, VENTURE_POSITION_MAX);
      y = CLAMP (venture_note_get_y (box->note), 0, VENTURE_POSITION_MAX);
      box->x = block->room_x + (block->room_width - box->width) * x / VENTURE_POSITION_MAX;
      box->y = block->room_y + (block->room_height - box->height) * y / VENTURE_POSITION_MAX;
      measure_reach (self, box);
    }

  mark_covered_notes (self);

  /* Text only for the notes in sight. */
  for (guint i = 0; i < n_notes; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);

      if (box->block != NULL && !box->buried)
        lay_out_note_text (self, box);
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      BlockBox *block = &g_array_index (self->blocks, BlockBox, i);

      if (block->n_notes == 0)
        block->questions = make_layout (self, self->font_questions, block->info->questions,
                                        block->room_width, block->room_height);
    }

  if (self->has_tray)
    {
      double x, end;
      guint n_tray = 0, n_hidden = 0;

      self->tray_label = make_layout (self, self->font_label,
                                      /* Translators: the tray of notes that have no block yet */
                                      _("Unsorted"), 0, 0);
      x = self->tray_x + BLOCK_PAD * u + layout_width (self->tray_label) + 2 * BLOCK_PAD * u;
      end = self->tray_x + self->tray_width - BLOCK_PAD * u;

      for (guint i = 0; i < n_notes; i++)
        n_tray += g_array_index (self->notes, NoteBox, i).block == NULL;

      for (guint i = 0, placed = 0; i < n_notes; i++)
        {
          NoteBox *box = &g_array_index (self->notes, NoteBox, i);
          /* Keeps room for the "+N more" line when not all fit. */
          double limit = placed + 1 < n_tray ? end - 70 * u : end;

          if (box->block != NULL)
            continue;

          box->width = self->note_width;
          box->height = MIN (self->note_height, self->tray_height - 2 * BLOCK_PAD * u);
          if (x + box->width <= limit)
            {
              box->x = x;
              box->y = self->tray_y + BLOCK_PAD * u;
              x += box->width + GAP * u;
              placed++;
              measure_reach (self, box);
              lay_out_note_text (self, box);
            }
          else
            {
              box->hidden = TRUE;
              box->marker = G_MAXUINT;
              n_hidden++;
              /* x never shrinks, so every later one is hidden too. */
              x = G_MAXDOUBLE / 2;
            }
        }

      if (n_hidden > 0)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: in the unsorted tray of an export */
                                                                "+%u more note, in full in the appendix",
                                                                "+%u more notes, in full in the appendix",
                                                                n_hidden),
                                                   n_hidden);

          self->tray_more = make_layout (self, self->font_questions, more, 66 * u, 0);
        }
    }
}

static void
lay_out_entry_body (VentureExport *self,
                    Entry         *entry)
{
  const char *text = venture_note_get_text (entry->box->note);
  g_autofree char *printable = printable_text (text ? text : "", FALSE);

  entry->body = make_layout (self, self->font_entry_body, printable ? printable : text ? text : "",
                             self->entry_width, 0);
}

static void
number_markers (VentureExport *self)
{
  g_autoptr(GPtrArray) marked = g_ptr_array_new ();

  for (guint i = 0; i < self->notes->len; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);

      if (box->marker != 0)
        g_ptr_array_add (marked, box);
    }

  /* Reading order: block by block as the template lists them, then top to
   * bottom and left to right; the tray last. */
  g_ptr_array_sort (marked, compare_note_boxes);

  for (guint i = 0; i < marked->len; i++)
    ((NoteBox *) g_ptr_array_index (marked, i))->marker = i + 1;

  self->n_markers = marked->len;

  for (guint i = 0; i < marked->len; i++)
    {
      NoteBox *box = g_ptr_array_index (marked, i);
      Entry *entry = g_new0 (Entry, 1);
      g_autoptr(GString) head = g_string_new (NULL);
      /* Group headings and tag lines have a font of their own: a prefix
       * keeps them apart in the one cache. */
      g_autofree char *group = g_strconcat ("G", box->block ? box->block->info->label : _("Unsorted"), NULL);

      entry->box = box;
      for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
        {
          const char *label = NULL;

          if (box->tags[kind] != NULL)
            label = g_dgettext (GETTEXT_PACKAGE, box->tags[kind]->label);
          else if (box->unknown_tag[kind])
            label = _("unknown");
          if (label != NULL)
            g_string_append_printf (head, head->len == 0 ? "T%s" : "  ·  %s", label);
        }

      entry->group = g_hash_table_lookup (self->head_layouts, group);
      if (entry->group == NULL)
        {
          entry->group = make_layout (self, self->font_label, group + 1, self->entry_width + ENTRY_INDENT * self->unit, 0);
          g_hash_table_insert (self->head_layouts, g_strdup (group), entry->group);
        }
      if (head->len > 0)
        {
          entry->head = g_hash_table_lookup (self->head_layouts, head->str);
          if (entry->head == NULL)
            {
              entry->head = make_layout (self, self->font_entry_head, head->str + 1, self->entry_width, 0);
              g_hash_table_insert (self->head_layouts, g_strdup (head->str), entry->head);
            }
        }
      lay_out_entry_body (self, entry);
      g_ptr_array_add (self->entries, entry);
    }
}

/* Two columns on a landscape page, one on a portrait one. */
static guint
appendix_columns (VentureExport *self,
                  double        *column_width)
{
  guint n_columns = self->page_width > self->page_height ? 2 : 1;

  *column_width = (self->page_width - 2 * MARGIN * self->unit - (n_columns - 1) * COLUMN_GAP * self->unit) / n_columns;
  return n_columns;
}

/* The entries flow down the columns, block by block under the block's
 * label (repeated at the top of a column); a note longer than a column
 * goes on in the next one, cut between lines. */
static void
paginate_appendix (VentureExport *self)
{
  double u = self->unit;
  double margin = MARGIN * u;
  double column_width;
  guint n_columns = appendix_columns (self, &column_width);
  double column_gap = COLUMN_GAP * u;
  double top, bottom, y;
  guint page = 1, column = 0;
  PangoLayout *previous_group = NULL;
  gboolean need_group = TRUE;

  self->n_pages = 1;
  if (self->entries->len == 0)
    return;

  self->heading = make_layout (self, self->font_heading,
                               /* Translators: the title of the export's appendix */
                               _("Notes in full"), 0, 0);
  top = self->content_y + layout_height (self->heading) + 8 * u;
  bottom = self->page_height - margin - FOOTER_HEIGHT * u;
  y = top;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(PangoLayoutIter) iter = NULL;
      double head_height, from = 0, body_height;
      gboolean with_head = TRUE;

      head_height = entry->head ? layout_height (entry->head) + 1 * u : 0;
      body_height = entry->body_height = layout_height (entry->body);
      need_group = need_group || entry->group != previous_group;
      previous_group = entry->group;

      entry->line_ends = g_array_new (FALSE, FALSE, sizeof (double));
      iter = pango_layout_get_iter (entry->body);
      do
        {
          PangoRectangle logical;
          double end;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          end = (double) (logical.y + logical.height) / PANGO_SCALE;
          g_array_append_val (entry->line_ends, end);
        }
      while (pango_layout_iter_next_line (iter));

      /* Drawn in one pass, the canvas page is written out while all of
       * the appendix waits: a thousand laid out entries are the largest
       * thing in memory then, after cairo's copy of the page. Laid out
       * again when their page is drawn. */
      if (self->one_pass)
        {
          g_clear_pointer (&iter, pango_layout_iter_free);
          g_clear_object (&entry->body);
        }

      while (TRUE)
        {
          EntryPiece piece = { entry->box, NULL, page, 0, y, with_head, from, body_height };
          double group_height = need_group ? layout_height (entry->group) + 3 * u : 0;
          double room = bottom - y - group_height - (with_head ? head_height : 0);
          double to = from;

          for (guint l = 0; l < entry->line_ends->len; l++)
            {
              double end = g_array_index (entry->line_ends, double, l);

              if (end > from && end - from <= room)
                to = end;
            }

          /* Nothing fits here: a fresh column, unless this one is fresh
           * already (a line taller than a column is cut, not looped on). */
          if (to <= from && body_height > from && y > top)
            {
              column++;
              if (column == n_columns)
                {
                  column = 0;
                  page++;
                }
              y = top;
              need_group = TRUE;
              continue;
            }
          if (to <= from && body_height > from)
            to = MIN (body_height, from + room);

          if (need_group)
            {
              EntryPiece heading = { NULL, entry->group, page,
                                     margin + column * (column_width + column_gap), y,
                                     FALSE, 0, 0 };

              g_array_append_val (self->pieces, heading);
              y += group_height;
              need_group = FALSE;
            }

          piece.page = page;
          piece.x = margin + column * (column_width + column_gap);
          piece.y = y;
          piece.body_to = to;
          g_array_append_val (self->pieces, piece);

          y += (with_head ? head_height : 0) + (to - from);
          if (to >= body_height)
            {
              y += 6 * u;
              break;
            }

          from = to;
          with_head = FALSE;
          column++;
          if (column == n_columns)
            {
              column = 0;
              page++;
            }
          y = top;
          need_group = TRUE;
        }
    }

  self->n_pages = page + 1;
}

static PangoContext *
make_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Paper and vector files have no pixel grid: unhinted metrics keep the
   * layout the same at every PNG scale and in the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  cairo_font_options_destroy (options);

  return context;
}

static VentureExport *
export_new (VentureCanvas  *canvas,
            double          page_width,
            double          page_height,
            PangoContext   *context,
            GDateTime      *date,
            gboolean        one_pass,
            GError        **error)
{
  g_autoptr(VentureExport) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  VentureTemplate *template;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  template = venture_template_get_for_id (venture_canvas_get_template_id (canvas), &local_error);
  if (template == NULL)
    {
      g_set_error_literal (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_TEMPLATE,
                           local_error->message);
      return NULL;
    }

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  self = g_object_new (VENTURE_TYPE_EXPORT, NULL);
  self->one_pass = one_pass;
  self->template = g_object_ref (template);
  self->context = context ? g_object_ref (context) : make_context ();
  self->page_width = page_width;
  self->page_height = page_height;
  self->unit = sqrt (page_width * page_height / A4_AREA);

  self->font_title = make_font (self, SIZE_TITLE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->font_subtitle = make_font (self, SIZE_SUBTITLE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->font_label = make_font (self, SIZE_LABEL, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->font_questions = make_font (self, SIZE_QUESTIONS, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  self->font_note = make_font (self, SIZE_NOTE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->font_chip = make_font (self, SIZE_CHIP, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL);
  self->font_marker = make_font (self, SIZE_MARKER, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->font_footer = make_font (self, SIZE_FOOTER, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->font_heading = make_font (self, SIZE_HEADING, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->font_entry_head = make_font (self, SIZE_ENTRY_HEAD, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->font_entry_body = make_font (self, SIZE_ENTRY_BODY, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  {
    double column_width;

    appendix_columns (self, &column_width);
    self->entry_width = column_width - ENTRY_INDENT * self->unit;
  }

  lay_out_canvas_page (self, canvas, date);
  number_markers (self);
  paginate_appendix (self);

  return g_steal_pointer (&self);
}

VentureExport *
venture_export_new (VentureCanvas  *canvas,
                    double          page_width,
                    double          page_height,
                    PangoContext   *context,
                    GDateTime      *date,
                    GError        **error)
{
  return export_new (canvas, page_width, page_height, context, date, FALSE, error);
}

guint
venture_export_get_n_pages (VentureExport *self)
{
  g_return_val_if_fail (VENTURE_IS_EXPORT (self), 0);
  return self->n_pages;
}

guint
venture_export_get_n_markers (VentureExport *self)
{
  g_return_val_if_fail (VENTURE_IS_EXPORT (self), 0);
  return self->n_markers;
}

/* Comparison */

static void
add_mix_row (VentureExport *self,
             double         label_width,
             double         number_width,
             const char    *label,
             const char    *old_count,
             const char    *new_count,
             gboolean       heading)
{
  const PangoFontDescription *font = heading ? self->font_entry_head : self->font_entry_body;
  PangoLayout *cell;

  g_ptr_array_add (self->mix_cells, make_layout (self, font, label, label_width, -1));
  cell = make_layout (self, font, old_count, number_width, -1);
  pango_layout_set_alignment (cell, PANGO_ALIGN_RIGHT);
  pango_layout_set_width (cell, -1);
  g_ptr_array_add (self->mix_cells, cell);
  cell = make_layout (self, font, new_count, number_width, -1);
  pango_layout_set_width (cell, -1);
  g_ptr_array_add (self->mix_cells, cell);
}

static void
lay_out_mix (VentureExport *self,
             const char    *old_name,
             const char    *new_name,
             double         table_width)
{
  double number_width = table_width * 0.2 - 2 * self->unit;
  double label_width = table_width - 2 * table_width * 0.2;
  const VentureTag *relationships, *stages;
  guint n_relationships, n_stages;
  VentureComparison *comparison = self->comparison;

  self->mix_heading = make_layout (self, self->font_entry_head,
                                   /* Translators: the heading of the table of both relationship mixes */
                                   _("Relationship mix"), table_width, -1);
  self->mix_cells = g_ptr_array_new_with_free_func (g_object_unref);
  add_mix_row (self, label_width, number_width, _("Relationship"), old_name, new_name, TRUE);

  relationships = venture_taxonomy_get_tags (VENTURE_TAG_RELATIONSHIP, &n_relationships);
  stages = venture_taxonomy_get_tags (VENTURE_TAG_STAGE, &n_stages);
  for (guint i = 0; i < n_relationships; i++)
    {
      const char *id = relationships[i].id;

      if (venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_OLD, id) == 0 &&
          venture_comparison_get_mix_total (comparison, VENTURE_COMPARISON_NEW, id) == 0)
        continue;

      for (guint k = 0; k <= n_stages; k++)
        {
          const char *stage = k < n_stages ? stages[k].id : NULL;
          guint old_n = venture_comparison_get_mix (comparison, VENTURE_COMPARISON_OLD, id, stage);
          guint new_n = venture_comparison_get_mix (comparison, VENTURE_COMPARISON_NEW, id, stage);
          g_autofree char *label = NULL;
          g_autofree char *old_count = NULL;
          g_autofree char *new_count = NULL;

          if (old_n == 0 && new_n == 0)
            continue;

          if (stage != NULL)
            /* Translators: a relationship type and a stage, "Self-service, Retention". */
            label = g_strdup_printf (_("%s, %s"), venture_tag_get_short_label (&relationships[i]),
                                     venture_tag_get_short_label (&stages[k]));
          else
            label = g_strdup (venture_tag_get_short_label (&relationships[i]));
          old_count = g_strdup_printf ("%u", old_n);
          new_count = g_strdup_printf ("%u", new_n);
          add_mix_row (self, label_width, number_width, label, old_count, new_count, FALSE);
        }
    }

  if (self->mix_cells->len == 3)
    add_mix_row (self, table_width, number_width, _("No note carries a relationship type"), "", "", FALSE);
}

/* The start of a note's text, on one line. */
static char *
first_words (const char *text)
{
  const guint max_chars = 48;
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  {
    g_autofree char *start = g_utf8_substring (line, 0, max_chars - 1);

    return g_strconcat (start, "…", NULL);
  }
}

void
venture_export_add_comparison (VentureExport     *self,
                               VentureComparison *comparison,
                               const char        *old_name,
                               const char        *new_name)
{
  double u, margin, width, list_width, bottom, y;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *legend = NULL;
  guint n;

  g_return_if_fail (VENTURE_IS_EXPORT (self));
  g_return_if_fail (VENTURE_IS_COMPARISON (comparison));
  g_return_if_fail (old_name != NULL && new_name != NULL);
  g_return_if_fail (self->comparison == NULL);

  u = self->unit;
  margin = MARGIN * u;
  width = self->page_width - 2 * margin;
  list_width = width * 0.58;
  self->comparison = g_object_ref (comparison);
  self->n_comparison_pages = 1;
  self->n_pages += 1;

  /* Translators: the heading of an export's comparison page; both %s are
   * names of versions ("Now" for the canvas as it is). */
  heading = g_strdup_printf (_("Comparison of “%s” and “%s”"), old_name, new_name);
  self->compare_heading = make_layout (self, self->font_heading, heading, width, 0);
  summary = venture_comparison_get_summary (comparison);
  self->compare_summary = make_layout (self, self->font_entry_body, summary, width, 0);
  /* Translators: the key to the symbols that mark changed notes. */
  legend = g_strdup_printf ("%s   %s   %s   %s   %s   %s   %s",
                            _("+ added"), _("− removed"), _("→ moved to another block"),
                            _("↔ moved within its block"), _("✎ text changed"), _("# retagged"),
                            _("◐ recolored"));
  self->compare_legend = make_layout (self, self->font_entry_head, legend, width, 0);

  self->change_marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->compare_lines = g_ptr_array_new_with_free_func (g_object_unref);
  y = self->content_y + layout_height (self->compare_heading) + 4 * u +
      layout_height (self->compare_summary) + 3 * u + layout_height (self->compare_legend) + 8 * u;
  bottom = self->page_height - margin - FOOTER_HEIGHT * u;

  n = venture_comparison_get_n_entries (comparison);
  for (guint i = 0; i < n; i++)
    {
      const VentureComparisonEntry *entry = venture_comparison_get_entry (comparison, i);
      VentureNote *note = entry->new_note != NULL ? entry->new_note : entry->old_note;
      const char *text = venture_note_get_text (note);
      g_autofree char *symbols = NULL;
      g_autofree char *description = NULL;
      g_autofree char *words = NULL;
      g_autofree char *line = NULL;
      PangoLayout *layout;

      venture_comparison_describe_entry (comparison, entry, &symbols, &description);
      if (entry->new_note != NULL)
        g_hash_table_insert (self->change_marks, g_strdup (entry->id),
                             make_layout (self, self->font_marker, symbols, 0, 0));

      if (y < 0)
        continue;

      words = first_words (text[0] != '\0' ? text : _("Empty note"));
      /* Translators: a line of the list of changes: symbol, the note's
       * text, what happened to it. */
      line = g_strdup_printf (_("%s “%s”: %s"), symbols, words, description);
      layout = make_layout (self, self->font_entry_body, line, list_width, -1);
      if (y + 2 * layout_height (layout) > bottom && i + 1 < n)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "… and %u more change",
                                                                "… and %u more changes", n - i),
                                                   n - i);

          g_object_unref (layout);
          g_ptr_array_add (self->compare_lines, make_layout (self, self->font_entry_body, more, list_width, -1));
          y = -1;
          continue;
        }
      g_ptr_array_add (self->compare_lines, layout);
      y += layout_height (layout) + 1.5 * u;
    }

  lay_out_mix (self, old_name, new_name, width - list_width - COLUMN_GAP * u);
}

/* Drawing */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Solid mixes instead of transparency: every change of alpha is a
 * graphics state in PDF, and with a thousand notes that adds up. */
static guint32
mix_rgb (guint32 from,
         guint32 to,
         double  amount)
{
  guint32 mixed = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double a = (from >> shift) & 0xff, b = (to >> shift) & 0xff;

      mixed |= ((guint32) (a + (b - a) * amount + 0.5) & 0xff) << shift;
    }

  return mixed;
}

static guint32
parse_rgb (const char *hex)
{
  if (hex == NULL || hex[0] != '#')
    return 0;
  return (guint32) g_ascii_strtoull (hex + 1, NULL, 16);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Run by run: cairo 1.16 turns colour glyphs into 72 dpi pictures in PDF
 * and SVG, blurred and without text (cairo 1.17.6 draws them as Type 3
 * fonts instead). So an emoji is drawn here as a sharp picture, and its
 * text rides on an ordinary glyph that no eye can see (cairo drops a
 * fully transparent one), so the PDF stays searchable. */
#define COLOR_GLYPH_SCALE 8
#define CARRIER_ALPHA     0.005

static void
show_color_layout (VentureExport *self,
                   cairo_t       *cr,
                   PangoLayout   *layout,
                   double         x,
                   double         y,
                   double         from,
                   double         to)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical, line;
      double baseline, run_x, run_y, width, height;

      if (run == NULL)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      if ((double) line.y / PANGO_SCALE < from || (double) line.y / PANGO_SCALE >= to)
        continue;

      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      run_x = x + (double) logical.x / PANGO_SCALE;
      run_y = y + (double) logical.y / PANGO_SCALE;
      width = (double) logical.width / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;

      if (!font_has_color (self, run->item->analysis.font))
        {
          cairo_move_to (cr, run_x, baseline);
          pango_cairo_show_glyph_item (cr, text, run);
        }
      else if (width > 0 && height > 0)
        {
          cairo_surface_t *picture;
          cairo_t *picture_cr;
          cairo_scaled_font_t *carrier;
          cairo_glyph_t *glyphs = NULL;
          cairo_text_cluster_t *clusters = NULL;
          cairo_text_cluster_flags_t flags;
          cairo_text_cluster_t cluster = { run->item->length, 1 };
          int n_glyphs = 0, n_clusters = 0;

          picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (int) ceil (width * COLOR_GLYPH_SCALE),
                                                (int) ceil (height * COLOR_GLYPH_SCALE));
          picture_cr = cairo_create (picture);
          cairo_scale (picture_cr, COLOR_GLYPH_SCALE, COLOR_GLYPH_SCALE);
          cairo_move_to (picture_cr, 0, baseline - run_y);
          pango_cairo_show_glyph_item (picture_cr, text, run);
          cairo_destroy (picture_cr);

          cairo_save (cr);
          cairo_translate (cr, run_x, run_y);
          cairo_scale (cr, 1.0 / COLOR_GLYPH_SCALE, 1.0 / COLOR_GLYPH_SCALE);
          cairo_set_source_surface (cr, picture, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_surface_destroy (picture);

          if (self->carrier_font == NULL)
            self->carrier_font = pango_context_load_font (self->context, self->font_note);
          carrier = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->carrier_font));
          if (carrier != NULL &&
              cairo_scaled_font_text_to_glyphs (carrier, run_x, baseline, ".", 1, &glyphs, &n_glyphs,
                                                &clusters, &n_clusters, &flags) == CAIRO_STATUS_SUCCESS &&
              n_glyphs == 1)
            {
              cairo_save (cr);
              cairo_set_scaled_font (cr, carrier);
              cairo_set_source_rgba (cr, 0, 0, 0, CARRIER_ALPHA);
              cairo_show_text_glyphs (cr, text + run->item->offset, run->item->length,
                                      glyphs, 1, &cluster, 1, 0);
              cairo_restore (cr);
            }
          cairo_glyph_free (glyphs);
          cairo_text_cluster_free (clusters);
        }
    }
  while (pango_layout_iter_next_run (iter));
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  VentureExport *self = g_object_get_qdata (G_OBJECT (layout), color_layout_quark ());

  if (self != NULL)
    {
      show_color_layout (self, cr, layout, x, y, 0, G_MAXDOUBLE);
      return;
    }

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The lines of layout that start between from and to (layout
 * coordinates), the first of them at y: a note continued over columns
 * shows each line once, in the picture and in the PDF's text. */
static void
show_layout_lines (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y,
                   double       from,
                   double       to)
{
  VentureExport *self = g_object_get_qdata (G_OBJECT (layout), color_layout_quark ());
  g_autoptr(PangoLayoutIter) iter = NULL;

  if (self != NULL)
    {
      show_color_layout (self, cr, layout, x, y - from, from, to);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      top = (double) line.y / PANGO_SCALE;
      if (top < from || top >= to)
        continue;

      cairo_move_to (cr, x + (double) line.x / PANGO_SCALE,
                     y - from + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
}

/* A shape per tag kind, so that a chip says what it is in greyscale and
 * to someone who does not tell colours apart: a person for a
 * relationship, a step arrow for a stage, an arrow into or out of a bar
 * for an inbound or outbound strategy, a ring for a tag not known. */
static void
draw_glyph (cairo_t          *cr,
            guint             kind,
            const VentureTag *tag,
            double            cx,
            double            cy,
            double            size)
{
  double s = size / 2;

  if (tag == NULL)
    {
      cairo_set_line_width (cr, size * 0.16);
      cairo_arc (cr, cx, cy, s * 0.62, 0, 2 * G_PI);
      cairo_stroke (cr);
      return;
    }

  switch (kind)
    {
    case VENTURE_TAG_RELATIONSHIP:
      cairo_arc (cr, cx, cy - s * 0.38, s * 0.36, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_arc (cr, cx, cy + s * 0.78, s * 0.68, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case VENTURE_TAG_STAGE:
      cairo_move_to (cr, cx - s * 0.75, cy - s * 0.7);
      cairo_line_to (cr, cx + s * 0.1, cy - s * 0.7);
      cairo_line_to (cr, cx + s * 0.8, cy);
      cairo_line_to (cr, cx + s * 0.1, cy + s * 0.7);
      cairo_line_to (cr, cx - s * 0.75, cy + s * 0.7);
      cairo_line_to (cr, cx - s * 0.25, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case VENTURE_TAG_STRATEGY:
    default:
      {
        gboolean inbound = tag->family != VENTURE_STRATEGY_FAMILY_OUTBOUND;
        double bar = inbound ? cx + s * 0.72 : cx - s * 0.72;
        double tip = inbound ? cx + s * 0.38 : cx + s * 0.8;
        double tail = inbound ? cx - s * 0.8 : cx - s * 0.3;
        double head = inbound ? tip - s * 0.5 : tip - s * 0.5;

        cairo_set_line_width (cr, size * 0.15);
        cairo_move_to (cr, bar, cy - s * 0.75);
        cairo_line_to (cr, bar, cy + s * 0.75);
        cairo_stroke (cr);
        cairo_move_to (cr, tail, cy);
        cairo_line_to (cr, head, cy);
        cairo_stroke (cr);
        cairo_move_to (cr, tip, cy);
        cairo_line_to (cr, head, cy - s * 0.45);
        cairo_line_to (cr, head, cy + s * 0.45);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;
    }
}

static guint
place_chips (VentureExport *self,
             NoteBox       *box,
             cairo_t       *cr)
{
  double u = self->unit;
  double left = box->x + NOTE_PAD * u;
  double right = box->x + box->width - NOTE_PAD * u;
  double x = left;
  guint row = 0, n_chips = 0, n_rows = 0;
  guint32 ink = parse_rgb (box->color->light_ink);

  /* Rows read top down like the text, so the row count comes first. */
  if (cr != NULL)
    n_rows = MIN (place_chips (self, box, NULL), MAX_CHIP_ROWS);

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *label = chip_label (box, kind);
      PangoLayout *layout;
      double width, y;

      if (label == NULL)
        continue;

      layout = get_chip_layout (self, label);
      width = MIN (chip_width (self, layout), right - left);
      if (n_chips > 0 && x + width > right)
        {
          row++;
          x = left;
        }
      n_chips++;

      if (cr != NULL && row < MAX_CHIP_ROWS)
        {
          double h = CHIP_HEIGHT * u;

          y = box->y + box->height - NOTE_PAD * u - (n_rows - row) * h - (n_rows - row - 1) * CHIP_GAP * u;
          rounded_rectangle (cr, x, y, width, h, h / 2);
          set_rgb (cr, mix_rgb (parse_rgb (box->color->light_fill), 0xffffff, 0.72));
          cairo_fill_preserve (cr);
          set_rgb (cr, ink);
          cairo_set_line_width (cr, 0.4 * u);
          cairo_stroke (cr);
          draw_glyph (cr, kind, box->tags[kind], x + h * 0.55, y + h / 2, h * 0.62);

          /* Clipped only when the note is too narrow for the chip. */
          if (width < chip_width (self, layout))
            {
              cairo_save (cr);
              cairo_rectangle (cr, x, y, width - 1.2 * u, h);
              cairo_clip (cr);
            }
          show_layout (cr, layout, x + h, y + (h - layout_height (layout)) / 2);
          if (width < chip_width (self, layout))
            cairo_restore (cr);
        }

      x += width + CHIP_GAP * u;
    }

  return n_chips == 0 ? 0 : row + 1;
}

/* Markers are drawn in batches: every round marker in one path filled
 * once, every pill in one stroke, then every number in one run of text.
 * Digits need no shaping, so they come straight from the font's
 * character map. An export can have thousands of markers; one by one,
 * with a PangoLayout each, they cost as much as the notes. */
typedef struct {
  GArray  *glyphs;    /* cairo_glyph_t */
  GArray  *clusters;  /* cairo_text_cluster_t, one per digit */
  GString *text;
  GArray  *pills;     /* double: left, right, middle; see marker_batch_add() */
} MarkerBatch;

static void
marker_batch_init (MarkerBatch *batch)
{
  batch->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  batch->text = g_string_new (NULL);
  batch->pills = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
marker_batch_clear (MarkerBatch *batch)
{
  g_array_unref (batch->glyphs);
  g_array_unref (batch->clusters);
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->pills);
}

static cairo_scaled_font_t *
get_marker_font (VentureExport *self)
{
  if (self->marker_font == NULL)
    self->marker_font = pango_context_load_font (self->context, self->font_marker);
  return pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->marker_font));
}

/* Adds the marker's shape to the current path, or to the batch's pills,
 * and its number to the batch. */
static void
marker_batch_add (VentureExport *self,
                  cairo_t       *cr,
                  MarkerBatch   *batch,
                  guint          marker,
                  double         cx,
                  double         cy)
{
  cairo_scaled_font_t *font = get_marker_font (self);
  double r = MARKER_RADIUS * self->unit;
  cairo_text_extents_t extents;
  cairo_glyph_t *glyphs = NULL;
  cairo_text_cluster_t *clusters = NULL;
  cairo_text_cluster_flags_t flags;
  int n_glyphs = 0, n_clusters = 0, length;
  double width;
  char text[16];

  if (font == NULL)
    return;

  length = g_snprintf (text, sizeof text, "%u", marker);
  cairo_scaled_font_text_extents (font, text, &extents);
  width = MAX (2 * r, extents.x_advance + 2.6 * self->unit);
  if (width > 2 * r)
    {
      /* A pill is the stroke of its middle line, as wide as the pill,
       * with round caps: four numbers in the PDF where its outline of
       * arcs takes thirty, and there may be thousands of them. A round
       * marker keeps its circle: a stroke of no length is a dot by the
       * PDF standard, but some viewers drop it. */
      double ends[] = { cx - width / 2 + r, cx + width / 2 - r, cy };

      g_array_append_vals (batch->pills, ends, G_N_ELEMENTS (ends));
    }
  else
    rounded_rectangle (cr, cx - width / 2, cy - r, width, 2 * r, r);

  if (cairo_scaled_font_text_to_glyphs (font, cx - extents.x_advance / 2,
                                        cy - extents.y_bearing - extents.height / 2,
                                        text, length, &glyphs, &n_glyphs,
                                        &clusters, &n_clusters, &flags) == CAIRO_STATUS_SUCCESS)
    {
      g_array_append_vals (batch->glyphs, glyphs, n_glyphs);
      g_array_append_vals (batch->clusters, clusters, n_clusters);
      g_string_append_len (batch->text, text, length);
    }
  cairo_glyph_free (glyphs);
  cairo_text_cluster_free (clusters);
}

static void
marker_batch_draw (VentureExport *self,
                   cairo_t       *cr,
                   MarkerBatch   *batch)
{
  cairo_scaled_font_t *font = get_marker_font (self);

  set_rgb (cr, RGB_MARKER);
  cairo_fill (cr);
  if (batch->pills->len > 0)
    {
      cairo_set_line_width (cr, 2 * MARKER_RADIUS * self->unit);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint i = 0; i + 2 < batch->pills->len; i += 3)
        {
          double y = g_array_index (batch->pills, double, i + 2);

          cairo_move_to (cr, g_array_index (batch->pills, double, i), y);
          cairo_line_to (cr, g_array_index (batch->pills, double, i + 1), y);
          /* cairo works out a stroke's outline while writing the page:
           * a few dozen pills at a time keep that small. */
          if ((i / 3) % PILLS_PER_STROKE == PILLS_PER_STROKE - 1 || i + 3 >= batch->pills->len)
            cairo_stroke (cr);
        }
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  if (font == NULL || batch->glyphs->len == 0)
    return;

  set_rgb (cr, 0xffffff);
  cairo_set_scaled_font (cr, font);
  cairo_show_text_glyphs (cr, batch->text->str, batch->text->len,
                          (cairo_glyph_t *) (gpointer) batch->glyphs->data, batch->glyphs->len,
                          (cairo_text_cluster_t *) (gpointer) batch->clusters->data, batch->clusters->len,
                          0);
}

/* Each colour also has a texture along the note's top edge, so that a
 * colour code survives a greyscale print and eyes that do not tell the
 * colours apart. Made of one or two dashed lines: cheap in a PDF with
 * thousands of notes. The default colour has none. */
typedef struct {
  const char *color;
  double      width;        /* line width, in units */
  double      dash[4];      /* on, off, ...; in units; 0, 0: solid */
  int         n_dashes;
  gboolean    twin;         /* a second, thinner line under the first */
} ColorBand;

static const ColorBand color_bands[] = {
  { "orange", 1.2, { 0.0, 2.2 }, 2, FALSE },             /* dots */
  { "red",    1.4, { 3.2, 1.6 }, 2, FALSE },             /* dashes */
  { "pink",   1.2, { 3.0, 1.4, 0.0, 1.4 }, 4, FALSE },   /* dash, dot */
  { "purple", 0.6, { 0.0, 0.0 }, 0, TRUE },              /* two thin lines */
  { "blue",   1.4, { 7.0, 2.0 }, 2, FALSE },             /* long dashes */
  { "green",  1.0, { 0.0, 2.0 }, 2, TRUE },              /* two rows of dots */
  { "gray",   1.6, { 0.0, 0.0 }, 0, FALSE },             /* solid */
};

static void
draw_color_band (VentureExport *self,
                 cairo_t       *cr,
                 NoteBox       *box,
                 guint32        rgb)
{
  const ColorBand *band = NULL;
  double u = self->unit;
  double dashes[4];
  double left = box->x + 2 * u, right = box->x + box->width - 2 * u;
  double y = box->y + 1.5 * u;

  for (guint i = 0; i < G_N_ELEMENTS (color_bands) && band == NULL; i++)
    if (g_str_equal (color_bands[i].color, box->color->id))
      band = &color_bands[i];
  if (band == NULL)
    return;

  for (int i = 0; i < band->n_dashes; i++)
    dashes[i] = band->dash[i] * u;

  set_rgb (cr, rgb);
  cairo_set_line_width (cr, band->width * u);
  if (band->n_dashes > 0)
    {
      cairo_set_dash (cr, dashes, band->n_dashes, 0);
      if (band->dash[0] == 0)
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    }
  cairo_move_to (cr, left, y);
  cairo_line_to (cr, right, y);
  if (band->twin)
    {
      cairo_move_to (cr, left, y + 1.5 * u);
      cairo_line_to (cr, right, y + 1.5 * u);
    }
  cairo_stroke (cr);
  /* Back to what every other stroke expects, without a save and restore
   * per note. */
  if (band->n_dashes > 0)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
}

static void
draw_note (VentureExport *self,
           cairo_t       *cr,
           NoteBox       *box)
{
  double u = self->unit;
  guint32 fill = parse_rgb (box->color->light_fill);
  guint32 ink = parse_rgb (box->color->light_ink);

  /* A shadow lifts the note off the block, and a hairline in its own
   * ink keeps pale papers visible on white in a greyscale print. Square
   * corners: at this size rounding shows less than it costs. */
  cairo_rectangle (cr, box->x + SHADOW_DX * u, box->y + SHADOW_DY * u, box->width, box->height);
  set_rgb (cr, RGB_SHADOW);
  cairo_fill (cr);

  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  set_rgb (cr, mix_rgb (fill, ink, 0.35));
  cairo_set_line_width (cr, NOTE_LINE * u);
  cairo_stroke (cr);

  draw_color_band (self, cr, box, mix_rgb (fill, ink, 0.6));

  set_rgb (cr, ink);
  show_layout (cr, box->text, box->x + NOTE_PAD * u, box->y + NOTE_PAD * u);
  /* Drawn once into a file: cairo holds its own copy of the glyphs until
   * the page is written out, and memory peaks while a thousand notes are
   * drawn; the layout is dead weight. */
  if (self->one_pass)
    {
      g_clear_object (&box->text);
      self->notes_let_go = TRUE;
    }
  place_chips (self, box, cr);
}

static void
draw_header_footer (VentureExport *self,
                    cairo_t       *cr,
                    guint          page)
{
  double u = self->unit;
  double margin = MARGIN * u;
  double title_height = layout_height (self->title);

  set_rgb (cr, RGB_TEXT);
  show_layout (cr, self->title, margin, margin);
  set_rgb (cr, RGB_DIM);
  show_layout (cr, self->subtitle, margin, margin + title_height + 1 * u);

  /* A rule under the header, like a poster's masthead. */
  set_rgb (cr, RGB_TEXT);
  cairo_set_line_width (cr, 1.2 * u);
  cairo_move_to (cr, margin, self->rule_y);
  cairo_line_to (cr, self->page_width - margin, self->rule_y);
  cairo_stroke (cr);

  set_rgb (cr, RGB_DIM);
  show_layout (cr, self->credit, margin,
               self->page_height - margin - layout_height (self->credit));

  if (self->n_pages > 1)
    {
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
      g_autoptr(PangoLayout) layout = make_layout (self, self->font_footer, text, 0, 0);

      show_layout (cr, layout, self->page_width - margin - layout_width (layout),
                   self->page_height - margin - layout_height (layout));
    }
}

/* A changed note carries the board's symbols in a white pill straddling
 * its top edge: they say what changed without colour. */
static void
draw_change_marks (VentureExport *self,
                   cairo_t       *cr)
{
  double u = self->unit;
  double r = MARKER_RADIUS * u;

  for (guint i = 0; i < self->notes->len; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);
      PangoLayout *layout;
      double width, x, y;

      if (box->hidden)
        continue;
      layout = g_hash_table_lookup (self->change_marks, venture_note_get_id (box->note));
      if (layout == NULL)
        continue;

      width = MAX (2 * r, layout_width (layout) + 2.4 * u);
      /* Clear of a numbered marker in the top left corner. */
      x = box->marker != 0 && box->marker_corner == 1 ? box->x + 2 * r + 2 * u : box->x + 1 * u;
      y = box->y - r * 0.6;
      rounded_rectangle (cr, x, y, width, 2 * r, r);
      set_rgb (cr, 0xffffff);
      cairo_fill_preserve (cr);
      set_rgb (cr, RGB_MARKER);
      cairo_set_line_width (cr, 0.6 * u);
      cairo_stroke (cr);
      show_layout (cr, layout, x + (width - layout_width (layout)) / 2, y + r - layout_height (layout) / 2);
    }
}

static void
draw_canvas_page (VentureExport *self,
                  cairo_t       *cr)
{
  double u = self->unit;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BlockBox *block = &g_array_index (self->blocks, BlockBox, i);

      rounded_rectangle (cr, block->x, block->y, block->width, block->height, BLOCK_RADIUS * u);
      set_rgb (cr, RGB_BLOCK);
      cairo_fill_preserve (cr);
      set_rgb (cr, RGB_BLOCK_BORDER);
      cairo_set_line_width (cr, 0.75 * u);
      cairo_stroke (cr);

      set_rgb (cr, RGB_TEXT);
      show_layout (cr, block->label, block->x + BLOCK_PAD * u, block->y + BLOCK_PAD * u);
      if (block->questions != NULL)
        {
          set_rgb (cr, RGB_FAINT);
          show_layout (cr, block->questions, block->room_x, block->room_y + 1 * u);
        }
    }

  if (self->has_tray)
    {
      static const double dashes[] = { 3.0, 2.0 };
      double dash[2] = { dashes[0] * u, dashes[1] * u };

      rounded_rectangle (cr, self->tray_x, self->tray_y, self->tray_width, self->tray_height,
                         BLOCK_RADIUS * u);
      set_rgb (cr, RGB_BLOCK);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dash, 2, 0);
      set_rgb (cr, RGB_BLOCK_BORDER);
      cairo_set_line_width (cr, 0.75 * u);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_rgb (cr, RGB_TEXT);
      show_layout (cr, self->tray_label, self->tray_x + BLOCK_PAD * u, self->tray_y + BLOCK_PAD * u);
      if (self->tray_more != NULL)
        {
          set_rgb (cr, RGB_FAINT);
          show_layout (cr, self->tray_more,
                       self->tray_x + self->tray_width - BLOCK_PAD * u - 66 * u,
                       self->tray_y + (self->tray_height - layout_height (self->tray_more)) / 2);
        }
    }

  /* In stacking order: later notes lie on top, as on the board. */
  for (guint i = 0; i < self->notes->len; i++)
    {
      NoteBox *box = &g_array_index (self->notes, NoteBox, i);

      if (!box->hidden && !box->buried)
        draw_note (self, cr, box);
    }

  /* Markers last, so that notes on top never hide one. */
  {
    MarkerBatch batch;
    double inset = MARKER_INSET * u;

    marker_batch_init (&batch);
    cairo_new_path (cr);
    for (guint i = 0; i < self->notes->len; i++)
      {
        NoteBox *box = &g_array_index (self->notes, NoteBox, i);

        if (!box->hidden && box->marker != 0)
          marker_batch_add (self, cr, &batch, box->marker,
                            box->marker_corner % 2 == 0 ? box->x + box->width - inset : box->x + inset,
                            box->marker_corner < 2 ? box->y + inset : box->y + box->height - inset);
      }
    marker_batch_draw (self, cr, &batch);
    marker_batch_clear (&batch);
  }

  if (self->change_marks != NULL)
    draw_change_marks (self, cr);
}

/* Where an entry piece's body starts, below its tags line. */
static double
piece_body_y (VentureExport *self,
              EntryPiece    *piece,
              Entry         *entry)
{
  if (piece->with_head && entry->head != NULL)
    return piece->y + layout_height (entry->head) + 1 * self->unit;
  return piece->y;
}

/* In passes of one kind each (headings, tags, colour bars, markers, text),
 * so that the PDF switches colours and text objects once per page rather
 * than a few times per entry. */
static void
draw_appendix_page (VentureExport *self,
                    cairo_t       *cr,
                    guint          page)
{
  double u = self->unit;
  double margin = MARGIN * u;
  double indent = ENTRY_INDENT * u;
  g_autoptr(GArray) bar_colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  MarkerBatch batch;

  set_rgb (cr, RGB_TEXT);
  show_layout (cr, self->heading, margin, self->content_y);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);

      if (piece->page == page && piece->box == NULL)
        show_layout (cr, piece->group, piece->x, piece->y);
    }

  set_rgb (cr, RGB_DIM);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);
      Entry *entry;

      if (piece->page != page || piece->box == NULL || !piece->with_head)
        continue;
      entry = g_ptr_array_index (self->entries, piece->box->marker - 1);
      if (entry->head != NULL)
        show_layout (cr, entry->head, piece->x + indent, piece->y);
    }

  /* The note's paper beside its text, the way it looks on the canvas,
   * deeper than the paper itself so that pale colours show on white;
   * one path per colour. */
  for (guint i = 0; i < self->pieces->len; i++)
    {
      EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);
      guint32 rgb;
      gboolean seen = FALSE;

      if (piece->page != page || piece->box == NULL)
        continue;
      rgb = mix_rgb (parse_rgb (piece->box->color->light_fill), parse_rgb (piece->box->color->light_ink), 0.25);
      for (guint c = 0; c < bar_colors->len && !seen; c++)
        seen = g_array_index (bar_colors, guint32, c) == rgb;
      if (!seen)
        g_array_append_val (bar_colors, rgb);
    }
  for (guint c = 0; c < bar_colors->len; c++)
    {
      guint32 rgb = g_array_index (bar_colors, guint32, c);

      for (guint i = 0; i < self->pieces->len; i++)
        {
          EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);
          Entry *entry;

          if (piece->page != page || piece->box == NULL ||
              mix_rgb (parse_rgb (piece->box->color->light_fill),
                       parse_rgb (piece->box->color->light_ink), 0.25) != rgb)
            continue;
          entry = g_ptr_array_index (self->entries, piece->box->marker - 1);
          cairo_rectangle (cr, piece->x + indent - 5.5 * u, piece_body_y (self, piece, entry) + 0.5 * u,
                           2.2 * u, piece->body_to - piece->body_from - 1 * u);
        }
      set_rgb (cr, rgb);
      cairo_fill (cr);
    }

  marker_batch_init (&batch);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);
      Entry *entry;

      if (piece->page != page || piece->box == NULL || !piece->with_head)
        continue;
      entry = g_ptr_array_index (self->entries, piece->box->marker - 1);
      marker_batch_add (self, cr, &batch, piece->box->marker, piece->x + MARKER_RADIUS * u + 1 * u,
                        piece->y + (entry->head ? layout_height (entry->head)
                                                : g_array_index (entry->line_ends, double, 0)) / 2);
    }
  marker_batch_draw (self, cr, &batch);
  marker_batch_clear (&batch);

  set_rgb (cr, RGB_TEXT);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      EntryPiece *piece = &g_array_index (self->pieces, EntryPiece, i);
      Entry *entry;
      double y;

      if (piece->page != page || piece->box == NULL)
        continue;
      entry = g_ptr_array_index (self->entries, piece->box->marker - 1);
      y = piece_body_y (self, piece, entry);
      if (entry->body == NULL)
        lay_out_entry_body (self, entry);
      if (piece->body_from > 0 || piece->body_to < entry->body_height)
        /* A piece of a note continued over columns: its lines only. */
        show_layout_lines (cr, entry->body, piece->x + indent, y, piece->body_from, piece->body_to);
      else
        show_layout (cr, entry->body, piece->x + indent, y);
    }
}

static void
draw_comparison_page (VentureExport *self,
                      cairo_t       *cr)
{
  double u = self->unit;
  double margin = MARGIN * u;
  double width = self->page_width - 2 * margin;
  double list_width = width * 0.58;
  double table_x = margin + list_width + COLUMN_GAP * u;
  double table_width = width - list_width - COLUMN_GAP * u;
  double number_width = table_width * 0.2;
  double y = self->content_y;
  double row_y;

  set_rgb (cr, RGB_TEXT);
  show_layout (cr, self->compare_heading, margin, y);
  y += layout_height (self->compare_heading) + 4 * u;
  show_layout (cr, self->compare_summary, margin, y);
  y += layout_height (self->compare_summary) + 3 * u;
  set_rgb (cr, RGB_DIM);
  show_layout (cr, self->compare_legend, margin, y);
  y += layout_height (self->compare_legend) + 8 * u;

  set_rgb (cr, RGB_TEXT);
  row_y = y;
  for (guint i = 0; i < self->compare_lines->len; i++)
    {
      PangoLayout *line = g_ptr_array_index (self->compare_lines, i);

      show_layout (cr, line, margin, row_y);
      row_y += layout_height (line) + 1.5 * u;
    }

  /* The two mixes side by side: a row per relationship type and stage. */
  show_layout (cr, self->mix_heading, table_x, y);
  row_y = y + layout_height (self->mix_heading) + 3 * u;
  for (guint i = 0; i + 2 < self->mix_cells->len; i += 3)
    {
      PangoLayout *label = g_ptr_array_index (self->mix_cells, i);
      PangoLayout *old_count = g_ptr_array_index (self->mix_cells, i + 1);
      PangoLayout *new_count = g_ptr_array_index (self->mix_cells, i + 2);
      double height = layout_height (label);

      set_rgb (cr, i == 0 ? RGB_DIM : RGB_TEXT);
      show_layout (cr, label, table_x, row_y);
      show_layout (cr, old_count, table_x + table_width - number_width - layout_width (old_count), row_y);
      show_layout (cr, new_count, table_x + table_width - layout_width (new_count), row_y);
      row_y += height + 1.5 * u;

      set_rgb (cr, RGB_BLOCK_BORDER);
      cairo_set_line_width (cr, (i == 0 ? 0.8 : 0.3) * u);
      cairo_move_to (cr, table_x, row_y - 0.8 * u);
      cairo_line_to (cr, table_x + table_width, row_y - 0.8 * u);
      cairo_stroke (cr);
    }
}

void
venture_export_draw_page (VentureExport *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_return_if_fail (VENTURE_IS_EXPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (page > 0 || !self->notes_let_go);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_clip (cr);
  set_rgb (cr, RGB_PAGE);
  cairo_paint (cr);

  draw_header_footer (self, cr, page);
  if (page == 0)
    draw_canvas_page (self, cr);
  else if (page <= self->n_comparison_pages)
    draw_comparison_page (self, cr);
  else
    draw_appendix_page (self, cr, page - self->n_comparison_pages);

  cairo_restore (cr);
}

/* Files */

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
render (VentureExport       *self,
        VentureExportFormat  format,
        guint                scale,
        GByteArray          *buffer,
        const char          *title)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double height = self->page_height * self->n_pages;

  switch (format)
    {
    case VENTURE_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer,
                                                     self->page_width, self->page_height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, APP_NAME " " PACKAGE_VERSION);
      break;
    case VENTURE_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer,
                                                     self->page_width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case VENTURE_EXPORT_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) ceil (self->page_width * scale),
                                            (int) ceil (height * scale));
      break;
    }

  cr = cairo_create (surface);
  if (format == VENTURE_EXPORT_FORMAT_PNG)
    cairo_scale (cr, scale, scale);

  for (guint page = 0; page < self->n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      if (format == VENTURE_EXPORT_FORMAT_PDF)
        {
          venture_export_draw_page (self, cr, page);
          cairo_show_page (cr);
        }
      else
        {
          /* One image: pages follow each other top to bottom. */
          cairo_save (cr);
          cairo_translate (cr, 0, page * self->page_height);
          venture_export_draw_page (self, cr, page);
          cairo_restore (cr);
          if (page > 0)
            {
              set_rgb (cr, RGB_BLOCK_BORDER);
              cairo_set_line_width (cr, 1);
              cairo_move_to (cr, 0, page * self->page_height);
              cairo_line_to (cr, self->page_width, page * self->page_height);
              cairo_stroke (cr);
            }
        }
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == VENTURE_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_buffer, buffer);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
write_export (VentureCanvas                *canvas,
              VentureComparison            *comparison,
              const char                   *old_name,
              const char                   *new_name,
              GFile                        *file,
              VentureExportFormat           format,
              const VentureExportSettings  *settings,
              GDateTime                    *date,
              GError                      **error)
{
  VentureExportSettings defaults = VENTURE_EXPORT_SETTINGS_INIT;
  g_autoptr(VentureExport) export = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *name = NULL;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = venture_file_get_display_name (file);

  if (settings == NULL)
    settings = &defaults;
  if (settings->scale != 1 && settings->scale != 2 && settings->scale != 4)
    {
      g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_OPTION,
                   _("Cannot export to “%s”: the scale %u is not supported; use one of %s"),
                   name, settings->scale, "1, 2, 4");
      return FALSE;
    }

  venture_page_size_get_points (settings->page_size, settings->orientation, &width, &height);
  /* Its own: every page is drawn once, in order. */
  export = export_new (canvas, width, height, NULL, date, TRUE, error);
  if (export == NULL)
    {
      g_prefix_error (error, _("Cannot export to “%s”: "), name);
      return FALSE;
    }
  if (comparison != NULL)
    venture_export_add_comparison (export, comparison, old_name, new_name);

  /* A PNG holds its pages one under the other; cairo images stop at
   * 32767 pixels a side, and a quarter of a gigabyte is enough memory. */
  if (format == VENTURE_EXPORT_FORMAT_PNG)
    {
      double pixels_high = ceil (height * export->n_pages * settings->scale);
      double pixels_wide = ceil (width * settings->scale);

      if (pixels_high > MAX_IMAGE_SIDE || pixels_high * pixels_wide > MAX_IMAGE_PIXELS)
        {
          g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_TOO_LARGE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Cannot export to “%s”: its %u page do not fit in one image at this scale; export to PDF or choose a smaller scale",
                                    "Cannot export to “%s”: its %u pages do not fit in one image at this scale; export to PDF or choose a smaller scale",
                                    export->n_pages),
                       name, export->n_pages);
          return FALSE;
        }
    }

  /* Drawn in memory, then written in one go through a temporary file:
   * a failure at any point leaves no partial output behind. */
  buffer = g_byte_array_new ();
  status = render (export, format, settings->scale, buffer, venture_canvas_get_title (canvas));
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VENTURE_EXPORT_ERROR, VENTURE_EXPORT_ERROR_RENDER,
                   _("Cannot export to “%s”: drawing failed: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  return venture_file_replace_contents (file, (const char *) buffer->data, buffer->len,
                                        NULL, NULL, NULL, error);
}

gboolean
venture_export_write (VentureCanvas                *canvas,
                      GFile                        *file,
                      VentureExportFormat           format,
                      const VentureExportSettings  *settings,
                      GDateTime                    *date,
                      GError                      **error)
{
  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_export (canvas, NULL, NULL, NULL, file, format, settings, date, error);
}

gboolean
venture_export_write_comparison (VentureComparison            *comparison,
                                 const char                   *old_name,
                                 const char                   *new_name,
                                 GFile                        *file,
                                 VentureExportFormat           format,
                                 const VentureExportSettings  *settings,
                                 GDateTime                    *date,
                                 GError                      **error)
{
  g_return_val_if_fail (VENTURE_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_export (venture_comparison_get_canvas (comparison, VENTURE_COMPARISON_NEW),
                       comparison, old_name, new_name, file, format, settings, date, error);
}
