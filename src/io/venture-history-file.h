/* venture-history-file.h: the history as the `history` member of a canvas file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "venture-canvas.h"
#include "venture-history.h"

G_BEGIN_DECLS

#define VENTURE_HISTORY_FILE_ERROR (venture_history_file_error_quark ())

typedef enum {
  /* Malformed: a member of the wrong type or out of bounds, a step that
   * does not fit the canvas (a note that is not there, an old value that
   * is not the current one). */
  VENTURE_HISTORY_FILE_ERROR_INVALID,
  /* Well formed, but recorded against other content: the canvas was
   * changed outside Venture since. */
  VENTURE_HISTORY_FILE_ERROR_MISMATCH,
  /* Written by a newer version in a format this one does not read. */
  VENTURE_HISTORY_FILE_ERROR_VERSION,
} VentureHistoryFileError;

#define VENTURE_HISTORY_FILE_VERSION 1

GQuark    venture_history_file_error_quark   (void);

/* The history of @history's canvas as a JsonNode for the `history`
 * member, recorded against the canvas as it is now (the state being
 * saved): loading it back makes that state the clean point. */
JsonNode *venture_history_file_serialize     (VentureHistory  *history);

/* Fills @history, which must have no steps and belong to the canvas just
 * loaded with @node, from the `history` member. On error @history is left
 * empty: the history is dropped, never applied to other content. */
gboolean  venture_history_file_deserialize   (VentureHistory  *history,
                                              JsonNode        *node,
                                              GError         **error);

/* SHA-256, lowercase hex, of the content the history can change: the
 * template, the title and every note's fields, in order. */
char     *venture_history_file_canvas_digest (VentureCanvas   *canvas);

G_END_DECLS
