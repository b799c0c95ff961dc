/* venture-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "venture-application.h"
#include "venture-document.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_WINDOW (venture_window_get_type ())

G_DECLARE_FINAL_TYPE (VentureWindow, venture_window, VENTURE, WINDOW, AdwApplicationWindow)

/* @document may be NULL for a new, empty canvas. */
VentureWindow   *venture_window_new          (VentureApplication *application,
                                              VentureDocument    *document);
VentureDocument *venture_window_get_document (VentureWindow      *self);
GtkWidget       *venture_window_get_board    (VentureWindow      *self);
/* Loads @file into this window's document, telling the user if it fails. */
void             venture_window_load_file    (VentureWindow      *self,
                                              GFile              *file);
/* Writes the unsaved work to this window's draft now (on quit). */
void             venture_window_write_draft  (VentureWindow      *self);
/* Shows the unsaved work of a draft left by a session that ended badly. */
void             venture_window_restore_draft (VentureWindow     *self,
                                               const char        *draft_id);
/* Shows the start page: new, from an example, open, recent canvases. */
void             venture_window_show_start   (VentureWindow      *self);
/* Shows a short message at the bottom of the window. */
void             venture_window_show_toast   (VentureWindow      *self,
                                              const char         *message);
/* Shows @toast (transfer full), for toasts with a button. */
void             venture_window_add_toast    (VentureWindow      *self,
                                              AdwToast           *toast);

/* The relationship mix side panel (F9). */
void             venture_window_set_mix_visible (VentureWindow   *self,
                                                 gboolean         visible);
GtkWidget       *venture_window_get_mix_panel (VentureWindow     *self);
/* The Versions pane, for the comparison it shows. */
GtkWidget       *venture_window_get_versions_panel (VentureWindow *self);

G_END_DECLS
