/* venture-history-list.h: the steps of a history as a list, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "venture-history.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_HISTORY_LIST (venture_history_list_get_type ())

/* A GListModel of GtkStringObject for the History panel: item 0 is the
 * newest step, the last item the state before any step ("Opened").
 * Items are made when asked for, so a history of 100,000 steps costs
 * nothing until it is scrolled. */
G_DECLARE_FINAL_TYPE (VentureHistoryList, venture_history_list, VENTURE, HISTORY_LIST, GObject)

VentureHistoryList *venture_history_list_new                (VentureHistory     *history);
VentureHistory     *venture_history_list_get_history        (VentureHistoryList *self);
void                venture_history_list_set_history        (VentureHistoryList *self,
                                                             VentureHistory     *history);
/* The history position reached by choosing item @index. */
guint               venture_history_list_get_item_position  (VentureHistoryList *self,
                                                             guint               index);
/* Whether item @index is the current state, or a step that was undone. */
gboolean            venture_history_list_is_current         (VentureHistoryList *self,
                                                             guint               index);
gboolean            venture_history_list_is_undone          (VentureHistoryList *self,
                                                             guint               index);

G_END_DECLS
