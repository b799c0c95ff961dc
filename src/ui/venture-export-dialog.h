/* venture-export-dialog.h: export the canvas as PDF, PNG or SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "venture-window.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_EXPORT_DIALOG (venture_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VentureExportDialog, venture_export_dialog,
                      VENTURE, EXPORT_DIALOG, AdwWindow)

/* A modal dialog over @window that exports its document's canvas with the
 * format, page size, orientation and scale last chosen (GSettings). */
VentureExportDialog *venture_export_dialog_new       (VentureWindow       *window);
/* What the "Export…" button does once the user picked @file: writes a
 * copy of the canvas as it is now in a thread (:busy meanwhile). Success
 * closes the dialog with a toast in the window ("Exported to …", with an
 * Open button); failure shows why in the dialog and leaves no file. */
void                 venture_export_dialog_export_to (VentureExportDialog *self,
                                                      GFile               *file);
gboolean             venture_export_dialog_get_busy  (VentureExportDialog *self);

G_END_DECLS
