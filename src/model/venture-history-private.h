/* venture-history-private.h: the steps of a history, for its file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-history.h"

G_BEGIN_DECLS

/* One undo step: changes in the order they happened. For an INSERT or
 * REMOVE the step keeps a snapshot of the note as it was inserted or
 * removed, since the note object itself may be edited later on. */
typedef struct {
  VentureHistoryLabel  label_kind;
  char                *custom_label;   /* for VENTURE_HISTORY_LABEL_CUSTOM */
  char                *label;          /* translated, computed on demand */
  GPtrArray           *changes;        /* VentureChange */
  GPtrArray           *snapshots;      /* VentureNote or NULL, as changes */
} VentureHistoryStep;

VentureHistoryStep       *venture_history_step_new        (VentureHistoryLabel  label_kind,
                                                           const char          *custom_label);
void                      venture_history_step_free       (VentureHistoryStep  *step);
/* Takes ownership of @change and @snapshot (NULL unless INSERT/REMOVE). */
void                      venture_history_step_add_change (VentureHistoryStep  *step,
                                                           VentureChange       *change,
                                                           VentureNote         *snapshot);
VentureHistoryLabel       venture_history_step_get_effective_kind (const VentureHistoryStep *step,
                                                                   guint                    *count);

const VentureHistoryStep *venture_history_get_step        (VentureHistory      *self,
                                                           guint                index);
/* Replaces every step with @steps (VentureHistoryStep, transfer full),
 * @position of them applied; the current state is the clean point. The
 * caller vouches that the steps match the canvas. */
void                      venture_history_restore         (VentureHistory      *self,
                                                           GPtrArray           *steps,
                                                           guint                position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VentureHistoryStep, venture_history_step_free)

/* The edit that turns @old into @new: @del_len bytes at @pos replaced by
 * @ins_len bytes, never splitting a UTF-8 character. Shared by the
 * typing coalescer and the history file's text steps. */
void _venture_history_text_diff (const char *old,
                                 const char *new,
                                 gsize      *pos,
                                 gsize      *del_len,
                                 gsize      *ins_len);

G_END_DECLS
