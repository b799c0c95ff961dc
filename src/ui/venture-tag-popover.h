/* venture-tag-popover.h: sets a note's relationship tags and segments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-canvas.h"
#include "venture-taxonomy.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_TAG_POPOVER (venture_tag_popover_get_type ())

/* Pages for the relationship type, the stage, the strategy (inbound and
 * outbound) and the segments a note serves; each option explains itself
 * in one line. Every choice goes through the canvas operations, so it is
 * one undo step. Opens on the page that matters most for the note's
 * block: the type in Customer Relationships, the strategy in Channels. */
G_DECLARE_FINAL_TYPE (VentureTagPopover, venture_tag_popover, VENTURE, TAG_POPOVER, GtkPopover)

GtkWidget   *venture_tag_popover_new        (VentureCanvas     *canvas,
                                             VentureNote       *note);
VentureNote *venture_tag_popover_get_note   (VentureTagPopover *self);
/* The page shown: "type", "stage", "strategy" or "segments". */
const char  *venture_tag_popover_get_page   (VentureTagPopover *self);
void         venture_tag_popover_set_page   (VentureTagPopover *self,
                                             const char        *page);
/* The option for @id (NULL: "None"), for tests and keyboard users. */
GtkCheckButton *venture_tag_popover_get_option (VentureTagPopover *self,
                                                VentureTagKind     kind,
                                                const char        *id);
GtkCheckButton *venture_tag_popover_get_segment_option (VentureTagPopover *self,
                                                        const char        *segment_id);

G_END_DECLS
