/* venture-mix.h: a canvas's customer-relationship mix, counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-canvas.h"

G_BEGIN_DECLS

/* The stage column of notes with a relationship type but no stage. */
#define VENTURE_MIX_NO_STAGE 3
#define VENTURE_MIX_N_STAGE_COLUMNS 4

typedef enum {
  VENTURE_MIX_HINT_NO_RETENTION,      /* no note at the retention stage */
  VENTURE_MIX_HINT_OUTBOUND_ONLY,     /* acquisition strategies all outbound */
  VENTURE_MIX_HINT_UNSERVED_SEGMENT,  /* a segment no relationship or channel serves */
} VentureMixHintKind;

/* A gap in the mix, phrased as a question. */
typedef struct {
  VentureMixHintKind  kind;
  char               *id;          /* stable, for dismissing: "no-retention",
                                    * "outbound-only", "unserved-segment:<note id>" */
  char               *message;     /* translated */
  char               *segment_id;  /* UNSERVED_SEGMENT only */
} VentureMixHint;

/* Which notes to pick out: every field that is set must match (a tag
 * id, a segment note id); a filter with nothing set matches nothing. */
typedef struct {
  const char *relationship;
  const char *stage;
  const char *strategy;
  const char *segment;
} VentureMixFilter;

#define VENTURE_TYPE_MIX (venture_mix_get_type ())

/* Follows a canvas and counts its notes by relationship type and stage,
 * and its acquisition strategies by family, for the whole canvas or for
 * the notes that serve one segment (the segment property). The counts
 * are computed when asked after a change; ::changed is emitted once per
 * main loop iteration after the canvas changed, for views to refresh.
 *
 * Unknown tag ids (from a newer version) are not counted. Hints look at
 * the whole canvas whatever the segment. */
G_DECLARE_FINAL_TYPE (VentureMix, venture_mix, VENTURE, MIX, GObject)

VentureMix    *venture_mix_new                (VentureCanvas   *canvas);
VentureCanvas *venture_mix_get_canvas         (VentureMix      *self);
/* NULL for the whole canvas. */
const char    *venture_mix_get_segment        (VentureMix      *self);
void           venture_mix_set_segment        (VentureMix      *self,
                                               const char      *segment_id);
/* @type indexes the relationship types of the taxonomy, @stage its
 * stages or VENTURE_MIX_NO_STAGE. */
guint          venture_mix_get_count          (VentureMix      *self,
                                               guint            type,
                                               guint            stage);
/* Notes with a known relationship type. */
guint          venture_mix_get_n_tagged       (VentureMix      *self);
/* Notes with a strategy of each family; per strategy by taxonomy index. */
guint          venture_mix_get_n_inbound      (VentureMix      *self);
guint          venture_mix_get_n_outbound     (VentureMix      *self);
guint          venture_mix_get_strategy_count (VentureMix      *self,
                                               guint            strategy);
/* The hints not dismissed, a new array of VentureMixHint. */
GPtrArray     *venture_mix_get_hints          (VentureMix      *self);
/* Hides a hint for the life of this object. */
void           venture_mix_dismiss_hint       (VentureMix      *self,
                                               const char      *hint_id);

void           venture_mix_hint_free          (VentureMixHint  *hint);
gboolean       venture_mix_filter_is_empty    (const VentureMixFilter *filter);
gboolean       venture_mix_note_matches       (VentureNote            *note,
                                               const VentureMixFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VentureMixHint, venture_mix_hint_free)

G_END_DECLS
