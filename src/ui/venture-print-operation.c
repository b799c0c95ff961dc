/* venture-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-print"

#include "config.h"

#include <glib/gi18n.h>

#include "venture-export.h"

#include "venture-print-operation.h"

struct _VenturePrintOperation
{
  GtkPrintOperation  parent_instance;

  VentureCanvas     *canvas;
  GDateTime         *date;
  /* Laid out in ::begin-print, for the paper the user chose. */
  VentureExport     *export;
  GError            *error;
};

G_DEFINE_FINAL_TYPE (VenturePrintOperation, venture_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The printer, copies and the like the user chose last, for this session. */
static GtkPrintSettings *last_settings;

static void
venture_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  VenturePrintOperation *self = VENTURE_PRINT_OPERATION (operation);
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  g_clear_object (&self->export);
  g_clear_error (&self->error);
  self->export = venture_export_new (self->canvas,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context),
                                     pango_context, self->date, &self->error);
  g_object_unref (pango_context);
  if (self->export == NULL)
    {
      g_prefix_error (&self->error, _("Cannot print: "));
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, venture_export_get_n_pages (self->export));
}

static void
venture_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  VenturePrintOperation *self = VENTURE_PRINT_OPERATION (operation);

  if (self->export == NULL || page_nr < 0)
    return;

  venture_export_draw_page (self->export, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
venture_print_operation_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  g_clear_object (&VENTURE_PRINT_OPERATION (operation)->export);
}

static void
venture_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  VenturePrintOperation *self = VENTURE_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  /* GTK's own reason: no printer, an export file that could not be
   * written... It only has one after an error (asking otherwise is a
   * critical). */
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->error == NULL)
    gtk_print_operation_get_error (operation, &self->error);
}

static void
venture_print_operation_finalize (GObject *object)
{
  VenturePrintOperation *self = VENTURE_PRINT_OPERATION (object);

  g_clear_object (&self->canvas);
  g_clear_object (&self->export);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (venture_print_operation_parent_class)->finalize (object);
}

static void
venture_print_operation_class_init (VenturePrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = venture_print_operation_finalize;
  operation_class->begin_print = venture_print_operation_begin_print;
  operation_class->draw_page = venture_print_operation_draw_page;
  operation_class->end_print = venture_print_operation_end_print;
  operation_class->done = venture_print_operation_done;
}

static void
venture_print_operation_init (VenturePrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The export keeps its own margins, wider than printers' hard ones, so
   * the whole sheet is ours and the print matches the PDF export. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
}

VenturePrintOperation *
venture_print_operation_new (VentureCanvas *canvas,
                             GDateTime     *date)
{
  VenturePrintOperation *self;
  const char *title;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  self = g_object_new (VENTURE_TYPE_PRINT_OPERATION, NULL);
  self->canvas = venture_canvas_copy (canvas);
  self->date = date ? g_date_time_ref (date) : g_date_time_new_now_local ();

  /* The job's name in the printer queue. */
  title = venture_canvas_get_title (canvas);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL && *title != '\0' ? title : _("Canvas"));

  return self;
}

GError *
venture_print_operation_dup_error (VenturePrintOperation *self)
{
  g_return_val_if_fail (VENTURE_IS_PRINT_OPERATION (self), NULL);

  return self->error != NULL ? g_error_copy (self->error) : NULL;
}
