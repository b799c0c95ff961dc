/* venture-history-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-history-list"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "venture-history-list.h"

struct _VentureHistoryList
{
  GObject         parent_instance;

  VentureHistory *history;
  guint           n_items;
  /* What the rows show, by position (0 is "Opened"), and the current
   * position: a new step then replaces two rows, not the whole list. */
  GPtrArray      *labels;
  guint           position;
};

static void venture_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VentureHistoryList, venture_history_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      venture_history_list_model_init))

static GType
venture_history_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
venture_history_list_get_n_items (GListModel *model)
{
  return VENTURE_HISTORY_LIST (model)->n_items;
}

static gpointer
venture_history_list_get_item (GListModel *model,
                               guint       index)
{
  VentureHistoryList *self = VENTURE_HISTORY_LIST (model);
  guint position;

  if (index >= self->n_items)
    return NULL;

  position = venture_history_list_get_item_position (self, index);
  if (position == 0)
    return gtk_string_object_new (_("Opened"));

  return gtk_string_object_new (venture_history_get_step_label (self->history, position - 1));
}

static void
venture_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = venture_history_list_get_item_type;
  iface->get_n_items = venture_history_list_get_n_items;
  iface->get_item = venture_history_list_get_item;
}

static int
row_state (guint position,
           guint current)
{
  return position == current ? 1 : position > current ? 2 : 0;
}

static void
on_steps_changed (VentureHistoryList *self)
{
  guint removed = self->n_items;
  guint n = self->history ? venture_history_get_n_steps (self->history) + 1 : 0;
  guint position = self->history ? venture_history_get_position (self->history) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_full (n, g_free);
  guint same = 0;

  for (guint i = 1; i < n; i++)
    g_ptr_array_add (labels, g_strdup (venture_history_get_step_label (self->history, i - 1)));
  if (n > 0)
    g_ptr_array_insert (labels, 0, NULL);

  /* The oldest rows are at the bottom of the list: those that show the
   * same as before stay. */
  while (same < MIN (n, removed) &&
         g_strcmp0 (g_ptr_array_index (labels, same), g_ptr_array_index (self->labels, same)) == 0 &&
         row_state (same, position) == row_state (same, self->position))
    same++;

  g_ptr_array_unref (self->labels);
  self->labels = g_steal_pointer (&labels);
  self->position = position;
  self->n_items = n;
  if (removed - same > 0 || n - same > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed - same, n - same);
}

static void
venture_history_list_dispose (GObject *object)
{
  VentureHistoryList *self = VENTURE_HISTORY_LIST (object);

  venture_history_list_set_history (self, NULL);

  G_OBJECT_CLASS (venture_history_list_parent_class)->dispose (object);
}

static void
venture_history_list_finalize (GObject *object)
{
  g_clear_pointer (&VENTURE_HISTORY_LIST (object)->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (venture_history_list_parent_class)->finalize (object);
}

static void
venture_history_list_class_init (VentureHistoryListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = venture_history_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = venture_history_list_finalize;
}

static void
venture_history_list_init (VentureHistoryList *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
}

VentureHistoryList *
venture_history_list_new (VentureHistory *history)
{
  VentureHistoryList *self = g_object_new (VENTURE_TYPE_HISTORY_LIST, NULL);

  venture_history_list_set_history (self, history);

  return self;
}

VentureHistory *
venture_history_list_get_history (VentureHistoryList *self)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY_LIST (self), NULL);
  return self->history;
}

void
venture_history_list_set_history (VentureHistoryList *self,
                                  VentureHistory     *history)
{
  g_return_if_fail (VENTURE_IS_HISTORY_LIST (self));
  g_return_if_fail (!history || VENTURE_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_swapped (history, "steps-changed", G_CALLBACK (on_steps_changed), self);

  on_steps_changed (self);
}

guint
venture_history_list_get_item_position (VentureHistoryList *self,
                                        guint               index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY_LIST (self), 0);
  g_return_val_if_fail (index < self->n_items, 0);

  return self->n_items - 1 - index;
}

gboolean
venture_history_list_is_current (VentureHistoryList *self,
                                 guint               index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY_LIST (self), FALSE);

  return index < self->n_items &&
         venture_history_list_get_item_position (self, index) ==
         venture_history_get_position (self->history);
}

gboolean
venture_history_list_is_undone (VentureHistoryList *self,
                                guint               index)
{
  g_return_val_if_fail (VENTURE_IS_HISTORY_LIST (self), FALSE);

  return index < self->n_items &&
         venture_history_list_get_item_position (self, index) >
         venture_history_get_position (self->history);
}
