/* venture-taxonomy.h: the domain's fixed vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The identifiers are a contract with files, the command line and tests
 * (../shared/domain.md): they never change. Labels and descriptions are
 * marked with N_() and translated where they are shown. */

typedef enum {
  VENTURE_TAG_RELATIONSHIP,
  VENTURE_TAG_STAGE,
  VENTURE_TAG_STRATEGY,
} VentureTagKind;

#define VENTURE_N_TAG_KINDS 3

typedef enum {
  VENTURE_STRATEGY_FAMILY_NONE,
  VENTURE_STRATEGY_FAMILY_INBOUND,
  VENTURE_STRATEGY_FAMILY_OUTBOUND,
} VentureStrategyFamily;

typedef struct {
  const char *id;
  const char *label;        /* untranslated, N_() */
  const char *short_label;  /* untranslated, NC_("tag chip"): see venture_tag_get_short_label() */
  const char *description;  /* untranslated, one line of help */
  const char *icon_name;
  VentureStrategyFamily family;
} VentureTag;

/* Note colours. The board styles notes through CSS classes named after
 * the id; the export draws with these same values, so both look alike. */
typedef struct {
  const char *id;
  const char *label;        /* untranslated, N_() */
  const char *light_fill;   /* "#rrggbb", paper in the light style */
  const char *dark_fill;    /* "#rrggbb", paper in the dark style */
  const char *light_ink;    /* text on light_fill */
  const char *dark_ink;     /* text on dark_fill */
} VentureColor;

#define VENTURE_DEFAULT_COLOR "yellow"
#define VENTURE_UNSORTED_BLOCK "unsorted"
#define VENTURE_POSITION_MAX 1000

const char        *venture_tag_kind_to_member (VentureTagKind kind);
const VentureTag  *venture_taxonomy_get_tags  (VentureTagKind kind,
                                               guint         *n_tags);
const VentureTag  *venture_taxonomy_lookup    (VentureTagKind kind,
                                               const char    *id);
/* The short label for chips, the mix panel's headers and the export,
 * translated. It has a context of its own ("tag chip") so that a language
 * whose full label is one long word ("Kundengewinnung") can shorten it
 * where "Acquisition" serves for both in English. */
const char        *venture_tag_get_short_label (const VentureTag *tag);
const VentureColor *venture_taxonomy_get_colors (guint *n_colors);
const VentureColor *venture_taxonomy_lookup_color (const char *id);

G_END_DECLS
