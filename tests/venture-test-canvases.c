/* venture-test-canvases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "venture-test-canvases.h"

static const VentureTestNote productivity[] = {
  { "key-partners", "Cloud hosting provider", "gray" },
  { "key-partners", "Calendar and mail APIs (Google, Microsoft)", "gray" },
  { "key-activities", "Product development", "blue" },
  { "key-activities", "Writing the blog and the newsletter", "blue" },
  { "key-resources", "The app and its sync servers", "purple" },
  { "key-resources", "Our writing voice on productivity", "purple" },
  { "value-propositions", "A calm, fast productivity tool", "yellow" },
  { "value-propositions", "Plans your day from your inbox in one click", "yellow" },
  { "value-propositions", "Actionable advice, not just software", "orange" },
  { "customer-relationships", "Good user guide", "green", "self-service", "retention" },
  { "customer-relationships", "FAQ and contact form", "green", "self-service", "retention" },
  { "customer-relationships", "Blog with productivity tips", "yellow", "automated-service", "acquisition", "content-marketing" },
  { "customer-relationships", "E-mail newsletter with actionable advice", "yellow", "automated-service", "acquisition", "email-newsletter" },
  { "channels", "No e-mail blasts, cold calls or ads", "gray", NULL, "acquisition", "email-blast" },
  { "channels", "Own web site (owned, direct)", "blue" },
  { "channels", "Social media", "pink", NULL, "acquisition", "social-media" },
  { "channels", "Search: “how to plan my day”", "pink", NULL, "acquisition", "seo" },
  { "customer-segments", "Niche market: knowledge workers drowning in to-dos", "red" },
  { "customer-segments", "Freelancers and small agencies", "red" },
  { "cost-structure", "Developers’ salaries", "orange" },
  { "cost-structure", "Hosting and sync", "orange" },
  { "cost-structure", "Content production", "orange" },
  { "revenue-streams", "Monthly subscription", "green" },
  { "revenue-streams", "Team plan, per seat", "green" },
};

static const VentureTestNote bike_clinic[] = {
  { "key-partners", "Parts wholesaler", "gray" },
  { "key-partners", "Campuses and weekly markets host the van", "gray" },
  { "key-activities", "Running repair clinics", "blue" },
  { "key-activities", "Mobile repairs on demand", "blue" },
  { "key-resources", "Van full of tools and stands", "purple" },
  { "key-resources", "Trained mechanics", "purple" },
  { "value-propositions", "Fix your own bike quickly, with help at hand", "yellow" },
  { "value-propositions", "Your bike repaired where you are", "yellow" },
  { "customer-relationships", "Self-service repair clinics", "yellow", "self-service", "retention" },
  { "customer-relationships", "Dedicated mechanic appointments: fewer takers than we assumed, people wanted to fix their own bikes quickly", "gray", "dedicated-assistance", "retention" },
  { "customer-relationships", "Community repair evenings", "green", "community", "retention" },
  { "customer-relationships", "Fifth clinic free", "orange", "loyalty-program", "upselling" },
  { "channels", "The van at markets and campuses", "blue", NULL, "acquisition" },
  { "channels", "Instagram: before and after photos", "pink", NULL, "acquisition", "social-media" },
  { "channels", "Newsletter with repair tips", "pink", NULL, "acquisition", "email-newsletter" },
  { "customer-segments", "Commuters who ride every day", "red" },
  { "customer-segments", "Students on a budget", "red" },
  { "cost-structure", "Van and fuel", "orange" },
  { "cost-structure", "Mechanics’ wages", "orange" },
  { "cost-structure", "Stock of parts", "orange" },
  { "revenue-streams", "Clinic ticket per visit", "green" },
  { "revenue-streams", "Parts sold on the spot", "green" },
  { "revenue-streams", "Repairs by the hour", "green" },
  { "unsorted", "Rent out bikes during repairs?", "yellow" },
};

VentureCanvas *
venture_test_canvas_new (const char            *title,
                         const VentureTestNote *notes,
                         guint                  n_notes)
{
  VentureCanvas *canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  venture_canvas_set_title (canvas, title);

  for (guint i = 0; i < n_notes; i++)
    g_hash_table_insert (counts, (gpointer) notes[i].block,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, notes[i].block)) + 1));

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%04x", i + 1);
      g_autoptr(VentureNote) note = venture_note_new (id, notes[i].block);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, notes[i].block));
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (seen, notes[i].block));
      gboolean wide = g_str_equal (notes[i].block, "cost-structure") ||
                      g_str_equal (notes[i].block, "revenue-streams");
      guint columns = wide ? 4 : 2;
      guint rows = (count + columns - 1) / columns;
      guint column = index % columns, row = index / columns;
      /* A little disorder, as on a real wall. */
      int jitter = (int) ((i * 37) % 60) - 30;

      g_hash_table_insert (seen, (gpointer) notes[i].block, GUINT_TO_POINTER (index + 1));
      venture_note_set_text (note, notes[i].text);
      if (notes[i].color != NULL)
        venture_note_set_color (note, notes[i].color);
      venture_note_set_position (note,
                                 CLAMP ((columns > 1 ? (int) (column * 1000 / (columns - 1)) : 0) + jitter, 0, 1000),
                                 CLAMP ((rows > 1 ? (int) (row * 1000 / (rows - 1)) : 0) - jitter, 0, 1000));
      venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, notes[i].relationship);
      venture_note_set_tag (note, VENTURE_TAG_STAGE, notes[i].stage);
      venture_note_set_tag (note, VENTURE_TAG_STRATEGY, notes[i].strategy);
      venture_canvas_append_note (canvas, note);
    }

  return canvas;
}

VentureCanvas *
venture_test_canvas_productivity (void)
{
  return venture_test_canvas_new ("Focus: a productivity web service", productivity,
                                  G_N_ELEMENTS (productivity));
}

VentureCanvas *
venture_test_canvas_bike_clinic (void)
{
  return venture_test_canvas_new ("Bike clinic, after customer feedback", bike_clinic,
                                  G_N_ELEMENTS (bike_clinic));
}

VentureCanvas *
venture_test_canvas_generated (guint n_notes)
{
  static const char *blocks[] = {
    "key-partners", "key-activities", "key-resources", "value-propositions",
    "customer-relationships", "channels", "customer-segments", "cost-structure",
    "revenue-streams",
  };
  static const char *colors[] = {
    "yellow", "orange", "red", "pink", "purple", "blue", "green", "gray",
  };
  static const char *relationships[] = { "self-service", "community", "long-term" };
  static const char *stages[] = { "acquisition", "retention", "upselling" };
  VentureCanvas *canvas = venture_canvas_new ("business-model-canvas");

  venture_canvas_set_title (canvas, "Generated canvas");

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%x", i + 1);
      g_autofree char *text = g_strdup_printf ("Note %u: an idea worth testing", i + 1);
      const char *block = blocks[i % G_N_ELEMENTS (blocks)];
      g_autoptr(VentureNote) note = venture_note_new (id, block);

      venture_note_set_text (note, text);
      venture_note_set_color (note, colors[i % G_N_ELEMENTS (colors)]);
      venture_note_set_position (note, (int) ((i * 131) % 1001), (int) ((i * 257) % 1001));
      if (g_str_equal (block, "customer-relationships"))
        {
          venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, relationships[i % 3]);
          venture_note_set_tag (note, VENTURE_TAG_STAGE, stages[i % 3]);
        }
      venture_canvas_append_note (canvas, note);
    }

  return canvas;
}

char *
venture_test_run_tool (const char *first,
                       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);

  return out;
}
