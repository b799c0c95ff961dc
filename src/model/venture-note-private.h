/* venture-note-private.h: what only the model may do to a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-note.h"

G_BEGIN_DECLS

/* A free note with every field at once, for a reader that has checked
 * them by the rules of venture-validate.h: nothing is checked again and
 * nothing notified (nobody can watch a note not yet returned). One note
 * built field by field through the builders costs twice as much.
 * @tags: VENTURE_N_TAG_KINDS ids, NULL for none; @segments (nullable):
 * copied; @extra (nullable): referenced. */
VentureNote *_venture_note_new_checked (const char         *id,
                                        const char         *block,
                                        const char         *text,
                                        const char         *color,
                                        int                 x,
                                        int                 y,
                                        const char * const *tags,
                                        const char * const *segments,
                                        JsonObject         *extra);

/* The canvas that holds the note (unowned), or NULL while it is free. The
 * public builders refuse a held note. */
gpointer  _venture_note_get_canvas    (VentureNote        *self);
/* The index in the holder's list, kept by the canvas so that finding a
 * note is O(1). */
guint     _venture_note_get_index     (VentureNote        *self);
void      _venture_note_attach        (VentureNote        *self,
                                       gpointer            canvas,
                                       guint               index);
void      _venture_note_set_index     (VentureNote        *self,
                                       guint               index);
void      _venture_note_detach        (VentureNote        *self);

/* The canvas' setters: no validation (the caller did it), notify on a
 * change, and return whether anything changed. */
gboolean  _venture_note_set_text      (VentureNote        *self,
                                       const char         *text);
gboolean  _venture_note_set_color     (VentureNote        *self,
                                       const char         *color);
gboolean  _venture_note_set_place     (VentureNote        *self,
                                       const char         *block,
                                       int                 x,
                                       int                 y);
gboolean  _venture_note_set_tag       (VentureNote        *self,
                                       VentureTagKind      kind,
                                       const char         *id);
gboolean  _venture_note_set_segments  (VentureNote        *self,
                                       const char * const *segments);

/* NULL and an empty vector both mean "no segments". */
gboolean  _venture_segments_equal     (const char * const *a,
                                       const char * const *b);

/* Shares nothing with @object (json_object_ref() would share). */
JsonObject *_venture_json_object_deep_copy (JsonObject *object);

G_END_DECLS
