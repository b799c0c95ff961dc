/* venture-canvas-file.h: reading and writing canvas files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "venture-canvas.h"
#include "venture-file.h"

G_BEGIN_DECLS

/* docs/file-format.md and data/venture-canvas.schema.json describe it. */
#define VENTURE_CANVAS_FILE_FORMAT  "venture-canvas"
#define VENTURE_CANVAS_FILE_VERSION 1

/* Loading never half-loads: the canvas is built apart and returned only
 * when the whole file is good; otherwise NULL and a VENTURE_FILE_ERROR
 * whose message names @display_name.
 *
 * The `history` member is not interpreted here: @history (optional)
 * receives it as read, or NULL when the file has none. Unknown members
 * are kept in the canvas's and notes' extra objects. */
VentureCanvas *venture_canvas_file_load_bytes (GBytes         *bytes,
                                               const char     *display_name,
                                               JsonNode      **history,
                                               GError        **error);
/* Same, from a file; @etag (optional) receives what
 * venture_canvas_file_save() needs to notice outside changes. */
VentureCanvas *venture_canvas_file_load       (GFile          *file,
                                               JsonNode      **history,
                                               char          **etag,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* The file's bytes: pretty-printed UTF-8 JSON with a final newline, in a
 * stable member order, so that the same canvas always gives the same
 * bytes. @history (optional) is written as the `history` member. */
GBytes        *venture_canvas_file_to_bytes   (VentureCanvas  *canvas,
                                               JsonNode       *history);
/* Writes atomically (see venture_file_replace_contents()). With @etag
 * from loading, fails with VENTURE_FILE_ERROR_CHANGED_ON_DISK when the
 * file changed since; @new_etag receives the etag to use next time. */
gboolean       venture_canvas_file_save       (GFile          *file,
                                               VentureCanvas  *canvas,
                                               JsonNode       *history,
                                               const char     *etag,
                                               char          **new_etag,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* Pretty-prints any JSON value the way canvas files are written, at
 * nesting level @level (two spaces each), without a final newline. For
 * other writers (the history) that add members of their own. */
void           venture_json_write_node        (GString        *out,
                                               JsonNode       *node,
                                               guint           level);

G_END_DECLS
