/* venture-print-operation.h: a canvas on the printer, drawn like its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-canvas.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_PRINT_OPERATION (venture_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (VenturePrintOperation, venture_print_operation,
                      VENTURE, PRINT_OPERATION, GtkPrintOperation)

/* Prints a copy of @canvas as it is now (later edits are not printed)
 * with VentureExport, on A4 landscape unless the user picks another page
 * setup. @date is printed in the header; NULL for now. Print settings
 * chosen in the dialog are kept for the next operation of this session. */
VenturePrintOperation *venture_print_operation_new       (VentureCanvas         *canvas,
                                                          GDateTime             *date);
/* Why the operation ended with GTK_PRINT_OPERATION_RESULT_ERROR, or was
 * cancelled because the canvas could not be laid out; NULL if neither. */
GError                *venture_print_operation_dup_error (VenturePrintOperation *self);

G_END_DECLS
