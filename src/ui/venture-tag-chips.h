/* venture-tag-chips.h: how tags and segments look on a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-canvas.h"
#include "venture-taxonomy.h"

G_BEGIN_DECLS

/* A chip: the tag's icon and label, never colour alone. @compact uses the
 * short label; the full one is the tooltip and the accessible name. An
 * id this version does not know shows as "unknown". */
GtkWidget  *venture_tag_chip_new        (VentureTagKind  kind,
                                         const char     *id,
                                         gboolean        compact);
/* The full label of a tag id, translated, or "unknown". */
const char *venture_tag_chip_label      (VentureTagKind  kind,
                                         const char     *id);
/* What a kind is called ("Relationship type"), translated. */
const char *venture_tag_kind_label      (VentureTagKind  kind);
/* A segment's marker: its initial on a disc of its colour (by its
 * position among the segment notes of @canvas). */
GtkWidget  *venture_segment_marker_new  (VentureCanvas  *canvas,
                                         VentureNote    *segment);

G_END_DECLS
