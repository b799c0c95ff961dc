/* venture-block-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-template.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_BLOCK_VIEW (venture_block_view_get_type ())

G_DECLARE_FINAL_TYPE (VentureBlockView, venture_block_view, VENTURE, BLOCK_VIEW, GtkWidget)

GtkWidget  *venture_block_view_new          (const VentureBlockInfo *info);
const char *venture_block_view_get_block_id (VentureBlockView       *self);

G_END_DECLS
