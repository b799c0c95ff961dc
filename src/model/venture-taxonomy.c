/* venture-taxonomy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-taxonomy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-taxonomy.h"

static const VentureTag relationships[] = {
  { "transactional", N_("Transactional"), NC_("tag chip", "Transactional"),
    N_("No ongoing relationship, one-time interactions"),
    "venture-transactional-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "self-service", N_("Self-service"), NC_("tag chip", "Self-service"),
    N_("No direct contact; the company provides all the means for customers to help themselves"),
    "venture-self-service-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "automated-service", N_("Automated service"), NC_("tag chip", "Automated"),
    N_("Self-service plus automated processes that simulate a personal relationship"),
    "venture-automated-service-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "personal-assistance", N_("Personal assistance"), NC_("tag chip", "Personal"),
    N_("Customers reach a human representative during or after the sale"),
    "venture-personal-assistance-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "dedicated-assistance", N_("Dedicated personal assistance"), NC_("tag chip", "Dedicated"),
    N_("Each client has a specific representative"),
    "venture-dedicated-assistance-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "community", N_("Community"), NC_("tag chip", "Community"),
    N_("Users help one another; the company hosts the space"),
    "venture-community-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "co-creation", N_("Co-creation"), NC_("tag chip", "Co-creation"),
    N_("Customers create value with or for the company"),
    "venture-co-creation-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "loyalty-program", N_("Loyalty program"), NC_("tag chip", "Loyalty"),
    N_("Rewards repeat purchases and raises switching costs"),
    "venture-loyalty-program-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "long-term", N_("Long-term relationship"), NC_("tag chip", "Long-term"),
    N_("Regular interaction over years, often an emotional bond with the mission"),
    "venture-long-term-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
};

static const VentureTag stages[] = {
  { "acquisition", N_("Acquisition"), NC_("tag chip", "Acquisition"),
    N_("Getting new customers: awareness, then activation"),
    "venture-acquisition-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "retention", N_("Retention"), NC_("tag chip", "Retention"),
    N_("Keeping existing customers happy"),
    "venture-retention-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
  { "upselling", N_("Up-selling"), NC_("tag chip", "Up-selling"),
    N_("Growing the relationship; only for customers who need more"),
    "venture-upselling-symbolic", VENTURE_STRATEGY_FAMILY_NONE },
};

static const VentureTag strategies[] = {
  { "content-marketing", N_("Content marketing (blogging, thought leadership)"), NC_("tag chip", "Content"),
    N_("Inbound: draw customers in with useful writing and thought leadership"),
    "venture-content-marketing-symbolic", VENTURE_STRATEGY_FAMILY_INBOUND },
  { "email-newsletter", N_("E-mail newsletter"), NC_("tag chip", "Newsletter"),
    N_("Inbound: regular, useful e-mail that people asked for"),
    "venture-email-newsletter-symbolic", VENTURE_STRATEGY_FAMILY_INBOUND },
  { "social-media", N_("Social media marketing"), NC_("tag chip", "Social"),
    N_("Inbound: be present where customers talk to each other"),
    "venture-social-media-symbolic", VENTURE_STRATEGY_FAMILY_INBOUND },
  { "seo", N_("Search engine optimization"), NC_("tag chip", "SEO"),
    N_("Inbound: be found when customers search for their problem"),
    "venture-seo-symbolic", VENTURE_STRATEGY_FAMILY_INBOUND },
  { "email-blast", N_("E-mail blasts to bought lists"), NC_("tag chip", "E-mail blast"),
    N_("Outbound: unsolicited e-mail, increasingly filtered"),
    "venture-email-blast-symbolic", VENTURE_STRATEGY_FAMILY_OUTBOUND },
  { "cold-calling", N_("Cold calling"), NC_("tag chip", "Cold calls"),
    N_("Outbound: calling people who did not ask, increasingly screened"),
    "venture-cold-calling-symbolic", VENTURE_STRATEGY_FAMILY_OUTBOUND },
  { "advertising", N_("Traditional advertising"), NC_("tag chip", "Advertising"),
    N_("Outbound: paid ads in print, radio, TV or online, increasingly ignored"),
    "venture-advertising-symbolic", VENTURE_STRATEGY_FAMILY_OUTBOUND },
};

/* Fills chosen for a text contrast of at least 7:1 with their ink. */
static const VentureColor colors[] = {
  { "yellow", N_("Yellow"), "#fff3a3", "#5c4d0a", "#2e2a12", "#fff8d6" },
  { "orange", N_("Orange"), "#ffd4a3", "#6b3a0a", "#32200c", "#ffe9d1" },
  { "red",    N_("Red"),    "#ffb8b0", "#6e1f1a", "#3a1210", "#ffdcd8" },
  { "pink",   N_("Pink"),   "#ffc8e6", "#6a1f4a", "#36122a", "#ffe1f1" },
  { "purple", N_("Purple"), "#dccbff", "#45307a", "#251a40", "#ece3ff" },
  { "blue",   N_("Blue"),   "#bfe0ff", "#163f6b", "#0f2236", "#dcefff" },
  { "green",  N_("Green"),  "#c6f0c2", "#1f5a2a", "#13301a", "#dff7dc" },
  { "gray",   N_("Gray"),   "#e2e2e2", "#3d3d42", "#242424", "#ededed" },
};

const char *
venture_tag_get_short_label (const VentureTag *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "tag chip", tag->short_label);
}

const char *
venture_tag_kind_to_member (VentureTagKind kind)
{
  switch (kind)
    {
    case VENTURE_TAG_RELATIONSHIP: return "relationship";
    case VENTURE_TAG_STAGE: return "stage";
    case VENTURE_TAG_STRATEGY: return "strategy";
    default: g_return_val_if_reached (NULL);
    }
}

const VentureTag *
venture_taxonomy_get_tags (VentureTagKind  kind,
                           guint          *n_tags)
{
  g_return_val_if_fail (n_tags != NULL, NULL);

  switch (kind)
    {
    case VENTURE_TAG_RELATIONSHIP:
      *n_tags = G_N_ELEMENTS (relationships);
      return relationships;
    case VENTURE_TAG_STAGE:
      *n_tags = G_N_ELEMENTS (stages);
      return stages;
    case VENTURE_TAG_STRATEGY:
      *n_tags = G_N_ELEMENTS (strategies);
      return strategies;
    default:
      *n_tags = 0;
      g_return_val_if_reached (NULL);
    }
}

const VentureTag *
venture_taxonomy_lookup (VentureTagKind  kind,
                         const char     *id)
{
  const VentureTag *tags;
  guint n_tags;

  if (id == NULL)
    return NULL;

  tags = venture_taxonomy_get_tags (kind, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    if (g_str_equal (tags[i].id, id))
      return &tags[i];

  return NULL;
}

const VentureColor *
venture_taxonomy_get_colors (guint *n_colors)
{
  g_return_val_if_fail (n_colors != NULL, NULL);

  *n_colors = G_N_ELEMENTS (colors);
  return colors;
}

const VentureColor *
venture_taxonomy_lookup_color (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_str_equal (colors[i].id, id))
      return &colors[i];

  return NULL;
}
