/* test-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-template.h"

static const char *bmc_block_ids[] = {
  "key-partners", "key-activities", "key-resources", "value-propositions",
  "customer-relationships", "channels", "customer-segments",
  "cost-structure", "revenue-streams",
};

static void
test_template_bmc_blocks (void)
{
  g_autoptr(GError) error = NULL;
  VentureTemplate *template = venture_template_get_for_id ("business-model-canvas", &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  g_assert_cmpstr (venture_template_get_id (template), ==, "business-model-canvas");
  g_assert_cmpuint (venture_template_get_n_blocks (template), ==, G_N_ELEMENTS (bmc_block_ids));
  g_assert_cmpuint (venture_template_get_columns (template), ==, 10);
  g_assert_cmpuint (venture_template_get_rows (template), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bmc_block_ids); i++)
    {
      const VentureBlockInfo *block = venture_template_get_block (template, i);

      g_assert_cmpstr (block->id, ==, bmc_block_ids[i]);
      g_assert_true (block->label != NULL && *block->label != '\0');
      /* English labels have no soft hyphens: the header shows the label. */
      g_assert_cmpstr (block->header_label, ==, block->label);
      g_assert_true (block->questions != NULL && g_str_has_suffix (block->questions, "?"));
      g_assert_true (venture_template_lookup_block (template, bmc_block_ids[i]) == block);
    }

  g_assert_cmpstr (venture_template_lookup_block (template, "customer-relationships")->label, ==,
                   "Customer Relationships");
  g_assert_null (venture_template_lookup_block (template, "unsorted"));
  /* Cached: one object per id. */
  g_assert_true (venture_template_get_for_id ("business-model-canvas", NULL) == template);
}

/* The classic layout: no two blocks share a cell and together they cover
 * the whole poster. */
static void
test_template_bmc_tiles_grid (void)
{
  VentureTemplate *template = venture_template_get_for_id ("business-model-canvas", NULL);
  guint columns = venture_template_get_columns (template);
  guint rows = venture_template_get_rows (template);
  g_autofree int *owner = g_new0 (int, columns * rows);

  for (guint i = 0; i < venture_template_get_n_blocks (template); i++)
    {
      const VentureBlockInfo *block = venture_template_get_block (template, i);

      for (guint r = block->row; r < block->row + block->height; r++)
        for (guint c = block->column; c < block->column + block->width; c++)
          {
            g_assert_cmpint (owner[r * columns + c], ==, 0);
            owner[r * columns + c] = i + 1;
          }
    }

  for (guint cell = 0; cell < columns * rows; cell++)
    g_assert_cmpint (owner[cell], !=, 0);
}

static void
test_template_unknown_id (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (venture_template_get_for_id ("lean-canvas-from-the-future", &error));
  g_assert_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "lean-canvas-from-the-future"));
  g_clear_error (&error);

  /* An id from a file never becomes a path outside the templates. */
  g_assert_null (venture_template_get_for_id ("../ui/venture-window", &error));
  g_assert_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_UNKNOWN);
}

static void
test_template_invalid_data (void)
{
  static const char *broken[] = {
    "",
    "<template",
    "<template id=\"x\" columns=\"2\" rows=\"1\"></template>",
    "<template id=\"x\" columns=\"2\" rows=\"1\"><block id=\"a\" column=\"1\" row=\"0\" width=\"2\" height=\"1\">"
    "<label>A</label><questions>Q?</questions></block></template>",
    "<template id=\"x\" columns=\"2\" rows=\"1\"><block id=\"a\" column=\"0\" row=\"0\" width=\"1\" height=\"1\">"
    "<label>A</label></block></template>",
    "<template id=\"x\" columns=\"2\" rows=\"1\"><blob/></template>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VentureTemplate) template = venture_template_new_from_data (broken[i], strlen (broken[i]), &error);

      g_assert_null (template);
      g_assert_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/template/bmc/blocks", test_template_bmc_blocks);
  g_test_add_func ("/venture/template/bmc/tiles-grid", test_template_bmc_tiles_grid);
  g_test_add_func ("/venture/template/unknown-id", test_template_unknown_id);
  g_test_add_func ("/venture/template/invalid-data", test_template_invalid_data);

  return g_test_run ();
}
