/* venture-compat.h: the one place that knows GTK and libadwaita versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Venture builds against Debian 12 (GTK 4.8, libadwaita 1.2) and against
 * the current GNOME runtime. Where a newer API is clearly better it is
 * used here, behind GTK_CHECK_VERSION / ADW_CHECK_VERSION, with a
 * fallback that works on the oldest supported versions. Nothing else in
 * the project checks versions. */

typedef enum {
  VENTURE_CHOOSE_OPEN,
  VENTURE_CHOOSE_SAVE,
} VentureChooseMode;

/* Asks for a canvas file (*.json) through the portal when sandboxed.
 * GtkFileDialog (GTK 4.10) where available, GtkFileChooserNative before. */
void   venture_compat_choose_file        (GtkWindow           *parent,
                                          VentureChooseMode    mode,
                                          const char          *title,
                                          const char          *accept_label,
                                          const char          *initial_name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Asks where to save a file of another kind than a canvas (an export):
 * @filter says which. Finish with venture_compat_choose_file_finish(). */
void   venture_compat_choose_save_file   (GtkWindow           *parent,
                                          const char          *title,
                                          const char          *accept_label,
                                          const char          *initial_name,
                                          GtkFileFilter       *filter,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The chosen file, or NULL with G_IO_ERROR_CANCELLED when dismissed. */
GFile *venture_compat_choose_file_finish (GAsyncResult        *result,
                                          GError             **error);

/* Opens @file in the app the desktop chooses for it (through the portal
 * when sandboxed): GtkFileLauncher (GTK 4.10), gtk_show_uri() before. */
void   venture_compat_open_file          (GtkWindow           *parent,
                                          GFile               *file);

typedef struct {
  const char             *id;
  const char             *label;
  AdwResponseAppearance   appearance;
} VentureResponse;

/* A question with responses, adaptive where libadwaita allows it
 * (AdwAlertDialog, 1.5) and an AdwMessageDialog before. @callback gets
 * the id of the chosen response (@close_response on Escape). */
void   venture_compat_ask                (GtkWidget           *parent,
                                          const char          *heading,
                                          const char          *body,
                                          const VentureResponse *responses,
                                          guint                n_responses,
                                          const char          *default_response,
                                          const char          *close_response,
                                          void               (*callback) (const char *response,
                                                                          gpointer    user_data),
                                          gpointer             user_data);

G_END_DECLS
