/* venture-change.h: one observable change of a canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "venture-note.h"

G_BEGIN_DECLS

typedef enum {
  VENTURE_CHANGE_INSERT,    /* note inserted at new_position (= old_position) */
  VENTURE_CHANGE_REMOVE,    /* note removed from old_position (= new_position) */
  VENTURE_CHANGE_TEXT,      /* old_string -> new_string */
  VENTURE_CHANGE_COLOR,     /* old_string -> new_string */
  VENTURE_CHANGE_MOVE,      /* old_string/old_x/old_y -> new_string/new_x/new_y (block, place) */
  VENTURE_CHANGE_TAG,       /* tag_kind: old_string -> new_string, NULL = none */
  VENTURE_CHANGE_SEGMENTS,  /* old_strv -> new_strv */
  VENTURE_CHANGE_RESTACK,   /* old_position -> new_position */
  VENTURE_CHANGE_TITLE,     /* old_string -> new_string; note is NULL */
  VENTURE_CHANGE_ADD_VERSION,    /* version inserted at new_position (= old_position); note is NULL */
  VENTURE_CHANGE_REMOVE_VERSION, /* version removed from old_position (= new_position); note is NULL */
} VentureChangeKind;

#define VENTURE_CHANGE_LAST VENTURE_CHANGE_REMOVE_VERSION

/* venture-version.h includes this header through venture-canvas.h. */
typedef struct _VentureVersion VentureVersion;

#define VENTURE_TYPE_CHANGE (venture_change_get_type ())

/* A delta with both sides, so that it can be applied either way: the
 * history stores these, never copies of the canvas. Strings and vectors
 * are owned; NULL means "none" (a tag removed, no segments). Fields a
 * kind does not use stay zero. */
typedef struct {
  VentureChangeKind  kind;
  VentureNote       *note;          /* owned; NULL for TITLE */
  int                tag_kind;      /* a VentureTagKind, for TAG */
  char              *old_string;
  char              *new_string;
  char             **old_strv;
  char             **new_strv;
  int                old_x, old_y;
  int                new_x, new_y;
  guint              old_position;
  guint              new_position;
  VentureVersion    *version;       /* owned; for ADD_VERSION and REMOVE_VERSION */
} VentureChange;

GType          venture_change_get_type (void) G_GNUC_CONST;
VentureChange *venture_change_new      (VentureChangeKind    kind,
                                        VentureNote         *note);
/* An ADD_VERSION or REMOVE_VERSION of @version (referenced). */
VentureChange *venture_change_new_for_version (VentureChangeKind  kind,
                                               VentureVersion    *version);
VentureChange *venture_change_copy     (const VentureChange *self);
void           venture_change_free     (VentureChange       *self);
/* The change that undoes this one. */
VentureChange *venture_change_invert   (const VentureChange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VentureChange, venture_change_free)

G_END_DECLS
