/* venture-comparison.h: what changed between two canvases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "venture-canvas.h"

G_BEGIN_DECLS

/* How a note differs, as flags: a note can be moved and reworded at
 * once. Notes are matched by id; the stacking order is not compared. */
typedef enum {
  VENTURE_DIFFERENCE_NONE       = 0,
  VENTURE_DIFFERENCE_ADDED      = 1 << 0,  /* only in the new canvas */
  VENTURE_DIFFERENCE_REMOVED    = 1 << 1,  /* only in the old canvas */
  VENTURE_DIFFERENCE_BLOCK      = 1 << 2,  /* moved to another block */
  VENTURE_DIFFERENCE_PLACE      = 1 << 3,  /* moved within its block */
  VENTURE_DIFFERENCE_TEXT       = 1 << 4,  /* the text changed */
  VENTURE_DIFFERENCE_TAGS       = 1 << 5,  /* relationship, stage, strategy or segments */
  VENTURE_DIFFERENCE_COLOR      = 1 << 6,  /* recoloured */
} VentureDifference;

typedef enum {
  VENTURE_COMPARISON_OLD,
  VENTURE_COMPARISON_NEW,
} VentureComparisonSide;

/* One note that differs. The notes belong to the canvases compared. */
typedef struct {
  const char        *id;
  VentureNote       *old_note;   /* NULL when ADDED */
  VentureNote       *new_note;   /* NULL when REMOVED */
  VentureDifference  difference;
} VentureComparisonEntry;

#define VENTURE_TYPE_COMPARISON (venture_comparison_get_type ())

/* A comparison computed once, when made: it does not follow later
 * changes of either canvas (compare again). Entries come in the new
 * canvas's stacking order, then the removed notes in the old one's. */
G_DECLARE_FINAL_TYPE (VentureComparison, venture_comparison, VENTURE, COMPARISON, GObject)

/* Both canvases must have the same template; the comparison keeps a
 * reference to each. Typically @old_canvas is a version's snapshot and
 * @new_canvas another version's or the canvas itself. */
VentureComparison            *venture_comparison_new             (VentureCanvas         *old_canvas,
                                                                  VentureCanvas         *new_canvas);
VentureCanvas                *venture_comparison_get_canvas      (VentureComparison     *self,
                                                                  VentureComparisonSide  side);
/* TRUE when no note differs and the titles are the same. */
gboolean                      venture_comparison_is_empty        (VentureComparison     *self);
gboolean                      venture_comparison_get_title_changed (VentureComparison   *self);
guint                         venture_comparison_get_n_entries   (VentureComparison     *self);
const VentureComparisonEntry *venture_comparison_get_entry       (VentureComparison     *self,
                                                                  guint                  index);
/* For markers on the board: how the note with @id differs (NONE when it
 * does not, or no side has it). */
VentureDifference             venture_comparison_lookup          (VentureComparison     *self,
                                                                  const char            *id);
/* How many notes have every flag of @difference. */
guint                         venture_comparison_count           (VentureComparison     *self,
                                                                  VentureDifference      difference);
/* One translated sentence: "3 notes added, 1 moved from Key Activities
 * to Channels", or "No changes". Block names come from the template. */
char                         *venture_comparison_get_summary     (VentureComparison     *self);

/* How @entry is marked on the board and in an export: a symbol per kind
 * of difference, in the order + − → ↔ ✎ # ◐ ("→✎"), not by colour
 * alone, and the same in words ("Moved from Key Activities, Text
 * changed"). Either out argument may be NULL; free both. */
void                          venture_comparison_describe_entry  (VentureComparison            *self,
                                                                  const VentureComparisonEntry *entry,
                                                                  char                        **symbols,
                                                                  char                        **description);

/* The relationship mix of one side: how many notes carry the
 * relationship type @relationship at @stage (NULL: with no stage). Ids
 * Venture does not know count like the others. */
guint                         venture_comparison_get_mix         (VentureComparison     *self,
                                                                  VentureComparisonSide  side,
                                                                  const char            *relationship,
                                                                  const char            *stage);
/* How many notes carry @relationship, whatever their stage. */
guint                         venture_comparison_get_mix_total   (VentureComparison     *self,
                                                                  VentureComparisonSide  side,
                                                                  const char            *relationship);

G_END_DECLS
