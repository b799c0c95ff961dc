/* venture-note.h: one sticky note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "venture-taxonomy.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_NOTE (venture_note_get_type ())

G_DECLARE_FINAL_TYPE (VentureNote, venture_note, VENTURE, NOTE, GObject)

/* A note is read-only from outside the model: every change goes through
 * the VentureCanvas operations, so the history and the board see it. */
VentureNote        *venture_note_new            (const char     *id,
                                                 const char     *block);
VentureNote        *venture_note_copy           (VentureNote    *self,
                                                 const char     *new_id);
const char         *venture_note_get_id         (VentureNote    *self);
const char         *venture_note_get_block      (VentureNote    *self);
const char         *venture_note_get_text       (VentureNote    *self);
const char         *venture_note_get_color      (VentureNote    *self);
int                 venture_note_get_x          (VentureNote    *self);
int                 venture_note_get_y          (VentureNote    *self);
/* NULL when the note has none of that kind. */
const char         *venture_note_get_tag        (VentureNote    *self,
                                                 VentureTagKind  kind);
const char         *venture_note_get_relationship (VentureNote  *self);
const char         *venture_note_get_stage      (VentureNote    *self);
const char         *venture_note_get_strategy   (VentureNote    *self);
/* NULL when the note serves no segment, never an empty vector. */
const char * const *venture_note_get_segments   (VentureNote    *self);
/* Members this version does not know, kept to be written back unchanged.
 * May be NULL. */
JsonObject         *venture_note_get_extra      (VentureNote    *self);
gboolean            venture_note_equal          (VentureNote    *a,
                                                 VentureNote    *b);

/* Builders: only for a note that no canvas holds yet (a loader, a paste,
 * a new note). Once inserted, use the VentureCanvas operations. They
 * validate like the operations (venture-validate.h). */
void                venture_note_set_text       (VentureNote    *self,
                                                 const char     *text);
void                venture_note_set_color      (VentureNote    *self,
                                                 const char     *color);
void                venture_note_set_position   (VentureNote    *self,
                                                 int             x,
                                                 int             y);
void                venture_note_set_tag        (VentureNote    *self,
                                                 VentureTagKind  kind,
                                                 const char     *id);
void                venture_note_set_segments   (VentureNote    *self,
                                                 const char * const *segments);
void                venture_note_set_extra      (VentureNote    *self,
                                                 JsonObject     *extra);

G_END_DECLS
