/* venture-drafts.h: unsaved work kept safe outside the user's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VENTURE_TYPE_DRAFTS (venture_drafts_get_type ())

/* A folder of drafts (by default DATADIR/APP_ID/drafts, so a development
 * build keeps its own): each draft is a complete canvas file, history
 * included, written atomically, next to a small key file that names the
 * file it is a draft of. A draft never touches the user's own file. A
 * draft still there when Venture starts is unsaved work from a session
 * that did not end cleanly. */
G_DECLARE_FINAL_TYPE (VentureDrafts, venture_drafts, VENTURE, DRAFTS, GObject)

typedef struct {
  char      *id;
  GFile     *original;   /* NULL for a canvas never saved */
  char      *title;      /* for the restore question */
  GDateTime *saved;
} VentureDraftInfo;

void           venture_draft_info_free     (VentureDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VentureDraftInfo, venture_draft_info_free)

VentureDrafts *venture_drafts_new          (GFile          *directory);
VentureDrafts *venture_drafts_get_default  (void);
GFile         *venture_drafts_get_directory (VentureDrafts *self);
char          *venture_drafts_new_id       (void);
gboolean       venture_drafts_write        (VentureDrafts  *self,
                                            const char     *id,
                                            GFile          *original,
                                            const char     *title,
                                            GBytes         *contents,
                                            GError        **error);
void           venture_drafts_remove       (VentureDrafts  *self,
                                            const char     *id);
/* The drafts there are, oldest first (VentureDraftInfo). */
GPtrArray     *venture_drafts_list         (VentureDrafts  *self);
GBytes        *venture_drafts_read         (VentureDrafts  *self,
                                            const char     *id,
                                            GError        **error);

G_END_DECLS
