/* venture-history.h: undo and redo of canvas changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "venture-canvas.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_HISTORY (venture_history_get_type ())

/* The most steps a history keeps (undo and redo sides together); the
 * max-steps property may cap it lower. Beyond it the oldest steps go. */
#define VENTURE_HISTORY_MAX_STEPS 100000

/* What a step is called. The file stores this kind, not the translated
 * text, so a history saved in one language reads in another. Kinds with a
 * count ("Delete 3 Notes") count the notes of the step. */
typedef enum {
  VENTURE_HISTORY_LABEL_AUTO,             /* derived from the changes */
  VENTURE_HISTORY_LABEL_CUSTOM,           /* the text given, kept verbatim */
  VENTURE_HISTORY_LABEL_ADD,              /* "Add Note", "Add %u Notes" */
  VENTURE_HISTORY_LABEL_DELETE,           /* "Delete Note", "Delete %u Notes" */
  VENTURE_HISTORY_LABEL_EDIT_TEXT,        /* "Edit Note Text" */
  VENTURE_HISTORY_LABEL_RECOLOR,          /* "Recolor Note", "Recolor %u Notes" */
  VENTURE_HISTORY_LABEL_MOVE,             /* "Move Note", "Move %u Notes" */
  VENTURE_HISTORY_LABEL_TAG,              /* "Tag Note", "Tag %u Notes" */
  VENTURE_HISTORY_LABEL_LINK_SEGMENTS,    /* "Link Segments" */
  VENTURE_HISTORY_LABEL_RESTACK,          /* "Restack Note", "Restack %u Notes" */
  VENTURE_HISTORY_LABEL_RENAME,           /* "Rename Canvas" */
  VENTURE_HISTORY_LABEL_PASTE,            /* "Paste Note", "Paste %u Notes" */
  VENTURE_HISTORY_LABEL_DUPLICATE,        /* "Duplicate Note", "Duplicate %u Notes" */
  VENTURE_HISTORY_LABEL_TIDY_BLOCK,       /* "Tidy Block" */
  VENTURE_HISTORY_LABEL_RESTORE_VERSION,  /* "Restore Version" */
  VENTURE_HISTORY_LABEL_EDIT,             /* "Edit Canvas": a mix of changes */
  VENTURE_HISTORY_LABEL_SAVE_VERSION,     /* "Save Version" */
  VENTURE_HISTORY_LABEL_DELETE_VERSION,   /* "Delete Version" */
} VentureHistoryLabel;

#define VENTURE_HISTORY_N_LABELS (VENTURE_HISTORY_LABEL_DELETE_VERSION + 1)

/* Records every ::changed of one canvas as steps of VentureChange deltas.
 * Knows nothing of widgets. Properties: can-undo, can-redo, modified
 * (FALSE exactly at the clean point), undo-label, redo-label (translated,
 * e.g. "Move Note"; NULL when there is nothing), n-undo, n-redo,
 * max-steps. Signal ::steps-changed: the list of steps or the position in
 * it changed (for a History panel).
 *
 * Typing coalesces: a text change of the same note as the step on top of
 * the undo side joins that step when nothing else happened in between
 * (no other change, undo, redo, group or mark_clean), the step holds that
 * one text change, and the edit continues the previous one: an insertion
 * right where the last one ended, or a deletion (a single character to
 * begin with) that goes on backwards (Backspace) or forwards (Delete) from
 * where the last one left off. A whitespace character that follows a
 * non-whitespace one starts a new step, so typing "hello world" gives
 * two steps, "hello" and " world". Replacing a selection never joins. */
G_DECLARE_FINAL_TYPE (VentureHistory, venture_history, VENTURE, HISTORY, GObject)

VentureHistory *venture_history_new            (VentureCanvas  *canvas);
VentureCanvas  *venture_history_get_canvas     (VentureHistory *self);

/* Makes every change until the matching end_group one step with @label
 * (translated, e.g. "Delete 3 Notes", "Tidy Block"). Groups nest; only the
 * outermost label counts. A drag is one group however far it goes.
 * A NULL @label derives it from the changes (three removals give "Delete
 * 3 Notes"), which, unlike a given text, is translated again on load;
 * begin_group_kind names a known kind. */
void            venture_history_begin_group    (VentureHistory *self,
                                                const char     *label);
void            venture_history_begin_group_kind (VentureHistory      *self,
                                                  VentureHistoryLabel  kind);
void            venture_history_end_group      (VentureHistory *self);

gboolean        venture_history_undo           (VentureHistory *self);
gboolean        venture_history_redo           (VentureHistory *self);
gboolean        venture_history_get_can_undo   (VentureHistory *self);
gboolean        venture_history_get_can_redo   (VentureHistory *self);
const char     *venture_history_get_undo_label (VentureHistory *self);
const char     *venture_history_get_redo_label (VentureHistory *self);

/* The saved state: modified is FALSE exactly here. */
void            venture_history_mark_clean     (VentureHistory *self);
/* No state is the saved one any more (a recovered draft, a file that
 * could not be read back): modified stays TRUE until mark_clean. */
void            venture_history_mark_modified  (VentureHistory *self);
gboolean        venture_history_get_modified   (VentureHistory *self);

/* Steps are numbered oldest first, 0 .. n_steps - 1; the position is the
 * number of steps applied (= n_undo), so position 0 is the state before
 * any recorded step. */
guint           venture_history_get_n_undo     (VentureHistory *self);
guint           venture_history_get_n_redo     (VentureHistory *self);
guint           venture_history_get_n_steps    (VentureHistory *self);
guint           venture_history_get_position   (VentureHistory *self);
const char     *venture_history_get_step_label (VentureHistory *self,
                                                guint           index);
VentureHistoryLabel venture_history_get_step_label_kind (VentureHistory *self,
                                                         guint           index);
/* Undoes or redoes until @position (0 .. n_steps). */
gboolean        venture_history_jump           (VentureHistory *self,
                                                guint           position);
/* Forgets every step; the current state becomes the clean point. */
void            venture_history_clear          (VentureHistory *self);

guint           venture_history_get_max_steps  (VentureHistory *self);
void            venture_history_set_max_steps  (VentureHistory *self,
                                                guint           max_steps);

/* The untranslated id of a kind as stored in files ("delete"), and back;
 * FALSE for an unknown id. */
const char     *venture_history_label_to_id    (VentureHistoryLabel  kind);
gboolean        venture_history_label_from_id  (const char          *id,
                                                VentureHistoryLabel *kind);

G_END_DECLS
