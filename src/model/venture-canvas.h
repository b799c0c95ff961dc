/* venture-canvas.h: a canvas in memory: title, template and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "venture-change.h"
#include "venture-note.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_CANVAS (venture_canvas_get_type ())

/* A GListModel of VentureNote in stacking order (later lies on top).
 *
 * Every change goes through the operations below; each one validates its
 * input, does nothing when nothing changes, and otherwise emits
 * ::changed with a VentureChange describing both sides, then the usual
 * GListModel::items-changed / GObject::notify of the note. The board,
 * the history and autosave all watch ::changed. A ::changed handler must
 * not change the canvas (refused: the other watchers have not heard of
 * the change yet).
 *
 * Costs: lookup_note, find_note and append O(1); insert, remove and
 * restack O(n) (a memmove and renumbering the notes after the place). */
G_DECLARE_FINAL_TYPE (VentureCanvas, venture_canvas, VENTURE, CANVAS, GObject)

VentureCanvas *venture_canvas_new              (const char          *template_id);
const char    *venture_canvas_get_template_id  (VentureCanvas       *self);
const char    *venture_canvas_get_title        (VentureCanvas       *self);
guint          venture_canvas_get_n_notes      (VentureCanvas       *self);
/* transfer none */
VentureNote   *venture_canvas_get_note         (VentureCanvas       *self,
                                                guint                position);
VentureNote   *venture_canvas_lookup_note      (VentureCanvas       *self,
                                                const char          *id);
gboolean       venture_canvas_find_note        (VentureCanvas       *self,
                                                VentureNote         *note,
                                                guint               *position);
/* A fresh id ("n-" and hex digits) that no note of this canvas has. */
char          *venture_canvas_generate_note_id (VentureCanvas       *self);
/* Members of the top-level object this version does not know; may be NULL. */
JsonObject    *venture_canvas_get_extra        (VentureCanvas       *self);
void           venture_canvas_set_extra        (VentureCanvas       *self,
                                                JsonObject          *extra);
/* A canvas equal to @self that shares nothing with it: copies of the
 * notes with the same ids, extra members deep-copied, nobody watching.
 * For snapshots (versions) and tests. */
VentureCanvas *venture_canvas_copy             (VentureCanvas       *self);
/* Same title, template and notes (ids, order and every field); the
 * versions are not compared (nor copied by venture_canvas_copy()). */
gboolean       venture_canvas_equal            (VentureCanvas       *a,
                                                VentureCanvas       *b);

/* The operations. */
void           venture_canvas_set_title        (VentureCanvas       *self,
                                                const char          *title);
void           venture_canvas_insert_note      (VentureCanvas       *self,
                                                VentureNote         *note,
                                                guint                position);
void           venture_canvas_append_note      (VentureCanvas       *self,
                                                VentureNote         *note);
void           venture_canvas_remove_note      (VentureCanvas       *self,
                                                VentureNote         *note);
void           venture_canvas_set_note_text    (VentureCanvas       *self,
                                                VentureNote         *note,
                                                const char          *text);
void           venture_canvas_set_note_color   (VentureCanvas       *self,
                                                VentureNote         *note,
                                                const char          *color);
void           venture_canvas_move_note        (VentureCanvas       *self,
                                                VentureNote         *note,
                                                const char          *block,
                                                int                  x,
                                                int                  y);
void           venture_canvas_set_note_tag     (VentureCanvas       *self,
                                                VentureNote         *note,
                                                VentureTagKind       kind,
                                                const char          *id);
void           venture_canvas_set_note_segments (VentureCanvas      *self,
                                                 VentureNote        *note,
                                                 const char * const *segments);
void           venture_canvas_restack_note     (VentureCanvas       *self,
                                                VentureNote         *note,
                                                guint                position);
/* Versions: named snapshots kept with the canvas, oldest first. They are
 * not content: restoring one changes the notes and the title, never the
 * list. Watch ::changed (ADD_VERSION, REMOVE_VERSION) or n-versions. */
guint           venture_canvas_get_n_versions   (VentureCanvas   *self);
/* transfer none */
VentureVersion *venture_canvas_get_version      (VentureCanvas   *self,
                                                 guint            position);
VentureVersion *venture_canvas_lookup_version   (VentureCanvas   *self,
                                                 const char      *name);
/* Operations like the note ones (::changed, undoable). @version's
 * snapshot must have this canvas's template and its name must be new. */
void            venture_canvas_insert_version   (VentureCanvas   *self,
                                                 VentureVersion  *version,
                                                 guint            position);
void            venture_canvas_remove_version   (VentureCanvas   *self,
                                                 VentureVersion  *version);
/* Appends a snapshot of the canvas as it is now, made now; refuses a
 * name that is not valid or already taken (VENTURE_VERSION_ERROR).
 * transfer none. */
VentureVersion *venture_canvas_save_version     (VentureCanvas   *self,
                                                 const char      *name,
                                                 GError         **error);
gboolean        venture_canvas_delete_version   (VentureCanvas   *self,
                                                 const char      *name,
                                                 GError         **error);
/* Makes the title and the notes those of @version (any canvas's version
 * of the same template) through the operations above: the fewest changes
 * that get there, notes kept as objects when the snapshot has their id.
 * A history records them as one step only inside a group: see
 * venture_version_restore(). */
void            venture_canvas_restore_version  (VentureCanvas   *self,
                                                 VentureVersion  *version);

/* Applies a change as recorded (the history uses it for undo and redo
 * with venture_change_invert()). Emits ::changed like any operation. */
void           venture_canvas_apply_change     (VentureCanvas       *self,
                                                const VentureChange *change);

G_END_DECLS
