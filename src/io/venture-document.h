/* venture-document.h: a canvas with its file, history and saved state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "venture-canvas.h"
#include "venture-history.h"
#include "venture-version.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_DOCUMENT (venture_document_get_type ())

/* What a window shows and saves. Owns the canvas, its history, the file
 * (NULL until saved), the etag read at load time and the last error; no
 * widget header is included here.
 *
 * Properties: canvas, history (replaced together by a load), file,
 * title (what to call it: the canvas title, else the file name, else
 * "Untitled Canvas"), modified (the history is away from its clean
 * point), busy (loading or saving), read-only (it shows a stored
 * version: nothing may change it and it cannot be saved to its own
 * file), version-name (that version's name, or NULL). */
G_DECLARE_FINAL_TYPE (VentureDocument, venture_document, VENTURE, DOCUMENT, GObject)

VentureDocument *venture_document_new                (void);
/* A new, unsaved document holding a copy of @canvas (an example, a
 * restored draft); its history starts empty and it counts as modified
 * when @modified. */
VentureDocument *venture_document_new_from_canvas    (VentureCanvas       *canvas,
                                                      gboolean             modified);
/* A read-only document showing a copy of @version's snapshot, a version
 * of the canvas called @version_of. It is never modified and has no
 * file; saving it to a new file (Save As) makes it an ordinary canvas
 * there, as does loading another file into it. */
VentureDocument *venture_document_new_for_version    (VentureVersion      *version,
                                                      const char          *version_of);
gboolean         venture_document_get_read_only      (VentureDocument     *self);
const char      *venture_document_get_version_name   (VentureDocument     *self);
const char      *venture_document_get_version_of     (VentureDocument     *self);
VentureCanvas   *venture_document_get_canvas         (VentureDocument     *self);
VentureHistory  *venture_document_get_history        (VentureDocument     *self);
GFile           *venture_document_get_file          (VentureDocument     *self);
char            *venture_document_dup_title          (VentureDocument     *self);
gboolean         venture_document_get_modified       (VentureDocument     *self);
gboolean         venture_document_get_busy           (VentureDocument     *self);
/* Why the history in the file was not used (changed outside Venture,
 * malformed), or NULL. Set by the last load. */
const GError    *venture_document_get_history_notice (VentureDocument     *self);

void             venture_document_load_async         (VentureDocument     *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         venture_document_load_finish        (VentureDocument     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean         venture_document_load               (VentureDocument     *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* Saves to @file, or to the document's own file when @file is NULL.
 * A read-only document refuses a save to its own file with
 * VENTURE_FILE_ERROR_NOT_WRITABLE.
 * Refuses with VENTURE_FILE_ERROR_CHANGED_ON_DISK when its own file was
 * changed by someone else since it was loaded or saved; @force saves
 * over it anyway (the user chose to). On failure nothing changes: the
 * document stays modified and keeps its file. */
gboolean         venture_document_save               (VentureDocument     *self,
                                                      GFile               *file,
                                                      gboolean             force,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* Takes the canvas and history of a draft (see VentureDrafts): unsaved
 * work that belongs to @original (NULL if it was never saved). The
 * document is modified afterwards; saving goes to @original. */
gboolean         venture_document_load_draft         (VentureDocument     *self,
                                                      GBytes              *contents,
                                                      GFile               *original,
                                                      GError             **error);
/* Whether the document's file on disk is no longer the one it loaded or
 * saved last (another program wrote or removed it). Asks the disk. */
gboolean         venture_document_is_changed_on_disk (VentureDocument     *self);
/* The bytes a save would write now (canvas and history); for drafts. */
GBytes          *venture_document_to_bytes           (VentureDocument     *self);

G_END_DECLS
