/* venture-validate.h: what the model accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The model's operations refuse anything these helpers refuse (a
 * programmer error: g_return_if_fail). Readers of untrusted data (the io
 * layer) run the same helpers first and hand the GError to the user.
 * Every helper accepts error == NULL. */

#define VENTURE_VALIDATE_ERROR (venture_validate_error_quark ())

typedef enum {
  VENTURE_VALIDATE_ERROR_INVALID_ID,     /* NULL, empty or not UTF-8 */
  VENTURE_VALIDATE_ERROR_INVALID_UTF8,   /* text or title not UTF-8 */
  VENTURE_VALIDATE_ERROR_TOO_LONG,       /* over the documented maximum */
  VENTURE_VALIDATE_ERROR_OUT_OF_RANGE,   /* a position outside 0..VENTURE_POSITION_MAX */
} VentureValidateError;

/* In characters (Unicode code points), not bytes. */
#define VENTURE_NOTE_TEXT_MAX 10000
#define VENTURE_TITLE_MAX 1000

GQuark   venture_validate_error_quark (void);

/* Ids (of notes, blocks, colours, tags, templates, segments): any
 * non-empty UTF-8 string. Ids this version does not know are valid: they
 * are kept as given, never dropped or replaced. */
gboolean venture_validate_id          (const char          *id,
                                       GError             **error);
/* NULL (no tag) or a valid id. */
gboolean venture_validate_tag         (const char          *id,
                                       GError             **error);
/* NULL (none) or every member a valid id. */
gboolean venture_validate_segments    (const char * const  *segments,
                                       GError             **error);
/* Valid UTF-8, at most VENTURE_NOTE_TEXT_MAX characters; "" is fine. */
gboolean venture_validate_text        (const char          *text,
                                       GError             **error);
/* Valid UTF-8, at most VENTURE_TITLE_MAX characters; "" is fine. */
gboolean venture_validate_title       (const char          *title,
                                       GError             **error);
/* One coordinate, 0 to VENTURE_POSITION_MAX. 64-bit so that a reader can
 * check a JSON integer before narrowing it. */
gboolean venture_validate_position    (gint64               value,
                                       GError             **error);

G_END_DECLS
