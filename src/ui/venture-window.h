/* venture-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "venture-application.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_WINDOW (venture_window_get_type ())

G_DECLARE_FINAL_TYPE (VentureWindow, venture_window, VENTURE, WINDOW, AdwApplicationWindow)

VentureWindow *venture_window_new       (VentureApplication *application);
GtkWidget     *venture_window_get_board (VentureWindow      *self);

G_END_DECLS
