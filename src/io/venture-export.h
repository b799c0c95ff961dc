/* venture-export.h: a canvas drawn on paper (PDF, SVG, PNG, print)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "venture-canvas.h"
#include "venture-comparison.h"

G_BEGIN_DECLS

#define VENTURE_EXPORT_ERROR (venture_export_error_quark ())

typedef enum {
  VENTURE_EXPORT_ERROR_FORMAT,     /* the output name has no supported extension */
  VENTURE_EXPORT_ERROR_OPTION,     /* a page size, orientation or scale not supported */
  VENTURE_EXPORT_ERROR_TEMPLATE,   /* the canvas's template is not known */
  VENTURE_EXPORT_ERROR_RENDER,     /* cairo could not draw (out of memory, ...) */
  VENTURE_EXPORT_ERROR_TOO_LARGE,  /* a PNG of that many pages would be too big */
} VentureExportError;

typedef enum {
  VENTURE_EXPORT_FORMAT_PDF,
  VENTURE_EXPORT_FORMAT_SVG,
  VENTURE_EXPORT_FORMAT_PNG,
} VentureExportFormat;

/* The identifiers ("a4", "landscape", ...) are a contract with the
 * command line and the settings. */
typedef enum {
  VENTURE_PAGE_SIZE_A4,
  VENTURE_PAGE_SIZE_A3,
  VENTURE_PAGE_SIZE_LETTER,
} VenturePageSize;

typedef enum {
  VENTURE_ORIENTATION_LANDSCAPE,
  VENTURE_ORIENTATION_PORTRAIT,
} VentureOrientation;

/* PNG pixel size = page size in points (1/72 inch) times the scale: an A4
 * landscape page is 842 x 595 pixels at 1x, 1684 x 1190 at 2x and
 * 3368 x 2380 at 4x. PNG and SVG are one image each: when the export has
 * an appendix, its pages follow the canvas page top to bottom, so the
 * image is as many pages high, up to 32767 pixels and 64 million pixels
 * in all (VENTURE_EXPORT_ERROR_TOO_LARGE beyond: export to PDF). */
typedef struct {
  VenturePageSize    page_size;
  VentureOrientation orientation;
  guint              scale;        /* 1, 2 or 4; PNG only */
} VentureExportSettings;

#define VENTURE_EXPORT_SETTINGS_INIT { VENTURE_PAGE_SIZE_A4, VENTURE_ORIENTATION_LANDSCAPE, 1 }

GQuark         venture_export_error_quark           (void);

/* The parsers take the identifiers of the command line (any case); their
 * messages list what is supported. An option's message names no file:
 * the caller says what it was exporting. */
gboolean       venture_export_format_from_path      (const char          *path,
                                                     VentureExportFormat *format,
                                                     GError             **error);
gboolean       venture_page_size_from_string        (const char          *id,
                                                     VenturePageSize     *page_size,
                                                     GError             **error);
gboolean       venture_orientation_from_string      (const char          *id,
                                                     VentureOrientation  *orientation,
                                                     GError             **error);
gboolean       venture_export_scale_from_string     (const char          *value,
                                                     guint               *scale,
                                                     GError             **error);
/* In points, already turned for the orientation. */
void           venture_page_size_get_points         (VenturePageSize      page_size,
                                                     VentureOrientation   orientation,
                                                     double              *width,
                                                     double              *height);

#define VENTURE_TYPE_EXPORT (venture_export_get_type ())

/* The canvas laid out on pages once: page 0 is the canvas, the pages
 * after it the appendix "Notes in full". Drawing a page only draws, so a
 * GtkPrintOperation can call venture_export_draw_page() from its
 * ::draw-page with the print context's cairo_t (in points). The layout is
 * a snapshot: later changes to the canvas are not seen. */
G_DECLARE_FINAL_TYPE (VentureExport, venture_export, VENTURE, EXPORT, GObject)

/* context: the PangoContext to lay text out with (a GtkPrintContext's),
 * or NULL for one made for vector output at 72 dpi. date: printed in the
 * header; NULL for now. */
VentureExport *venture_export_new                   (VentureCanvas       *canvas,
                                                     double               page_width,
                                                     double               page_height,
                                                     PangoContext        *context,
                                                     GDateTime           *date,
                                                     GError             **error);
guint          venture_export_get_n_pages           (VentureExport       *self);
/* Notes whose text did not fit their printed size, or that found no room
 * in the unsorted tray: they have a marker and an entry in the appendix. */
guint          venture_export_get_n_markers         (VentureExport       *self);
void           venture_export_draw_page             (VentureExport       *self,
                                                     cairo_t             *cr,
                                                     guint                page);
/* Adds a page after the canvas page: the comparison's summary, a key to
 * the symbols, the list of changes (as much as fits) and both
 * relationship mixes in a table; on the canvas page each changed note
 * carries the board's symbols (+ → ↔ ✎ # ◐). The canvas laid out must
 * be the comparison's new side. @old_name and @new_name name the sides
 * ("Now" for the canvas as it is). Once, before drawing. */
void           venture_export_add_comparison        (VentureExport       *self,
                                                     VentureComparison   *comparison,
                                                     const char          *old_name,
                                                     const char          *new_name);

/* Writes the canvas to file in the format, atomically through
 * venture_file_replace_contents(): on failure no file is left behind and
 * an existing one is untouched. Errors: VENTURE_EXPORT_ERROR, or
 * VENTURE_FILE_ERROR for writing; every message names the file. */
gboolean       venture_export_write                 (VentureCanvas               *canvas,
                                                     GFile                       *file,
                                                     VentureExportFormat          format,
                                                     const VentureExportSettings *settings,
                                                     GDateTime                   *date,
                                                     GError                     **error);

/* Same, for the new side of @comparison, with its comparison page
 * (venture_export_add_comparison()). The comparison must not change
 * while this runs: give a thread one of its own. */
gboolean       venture_export_write_comparison      (VentureComparison           *comparison,
                                                     const char                  *old_name,
                                                     const char                  *new_name,
                                                     GFile                       *file,
                                                     VentureExportFormat          format,
                                                     const VentureExportSettings *settings,
                                                     GDateTime                   *date,
                                                     GError                     **error);

G_END_DECLS
