/* venture-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VENTURE_TYPE_APPLICATION (venture_application_get_type ())

G_DECLARE_FINAL_TYPE (VentureApplication, venture_application, VENTURE, APPLICATION, AdwApplication)

VentureApplication *venture_application_new (void);

G_END_DECLS
