/* venture-version.h: a named, dated snapshot of a canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "venture-canvas.h"
#include "venture-history.h"

G_BEGIN_DECLS

#define VENTURE_VERSION_ERROR (venture_version_error_quark ())

typedef enum {
  VENTURE_VERSION_ERROR_INVALID_NAME,    /* empty, blank, not UTF-8 or too long */
  VENTURE_VERSION_ERROR_DUPLICATE_NAME,  /* the canvas has a version of that name */
  VENTURE_VERSION_ERROR_NOT_FOUND,       /* no version of that name */
} VentureVersionError;

/* In characters (Unicode code points). */
#define VENTURE_VERSION_NAME_MAX 200

#define VENTURE_TYPE_VERSION (venture_version_get_type ())

/* Immutable once made: a name, the time it was made (UTC, whole seconds)
 * and a canvas holding the title and the notes as they were. The
 * snapshot canvas is read-only by contract; nobody watches or edits it.
 * A canvas keeps its versions in a list (venture_canvas_get_versions()). */
G_DECLARE_FINAL_TYPE (VentureVersion, venture_version, VENTURE, VERSION, GObject)

GQuark          venture_version_error_quark   (void);

VentureVersion *venture_version_new           (const char      *name,
                                               GDateTime       *created,
                                               VentureCanvas   *snapshot);
const char     *venture_version_get_name      (VentureVersion  *self);
/* transfer none; UTC */
GDateTime      *venture_version_get_created   (VentureVersion  *self);
/* transfer none; the snapshot (do not change it) */
VentureCanvas  *venture_version_get_canvas    (VentureVersion  *self);
/* Members of the version object in a file that this version of Venture
 * does not know; may be NULL. Set only before the version is added. */
JsonObject     *venture_version_get_extra     (VentureVersion  *self);
void            venture_version_set_extra     (VentureVersion  *self,
                                               JsonObject      *extra);

/* venture_canvas_restore_version() as one undoable step "Restore
 * Version" of @history (NULL: none records it). */
void            venture_version_restore       (VentureVersion  *self,
                                               VentureCanvas   *canvas,
                                               VentureHistory  *history);

/* Valid UTF-8, not blank, at most VENTURE_VERSION_NAME_MAX characters. */
gboolean        venture_version_validate_name (const char      *name,
                                               GError         **error);

G_END_DECLS
