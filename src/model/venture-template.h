/* venture-template.h: the blocks of a kind of canvas, read from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VENTURE_TEMPLATE_ERROR (venture_template_error_quark ())

typedef enum {
  VENTURE_TEMPLATE_ERROR_UNKNOWN,   /* no template with that id */
  VENTURE_TEMPLATE_ERROR_INVALID,   /* the template data is broken */
} VentureTemplateError;

typedef struct {
  const char *id;
  const char *label;        /* translated, for text people read or search */
  /* The same with the translation's soft hyphens (U+00AD), which mark
   * where a long compound may break in a narrow header; only for display. */
  const char *header_label;
  const char *questions;    /* translated */
  guint       column;       /* grid placement, in template cells */
  guint       row;
  guint       width;
  guint       height;
} VentureBlockInfo;

#define VENTURE_TYPE_TEMPLATE (venture_template_get_type ())

G_DECLARE_FINAL_TYPE (VentureTemplate, venture_template, VENTURE, TEMPLATE, GObject)

GQuark                  venture_template_error_quark (void);
/* Loads RESOURCE_PATH/templates/ID.xml. Cached: the same object for an id. */
VentureTemplate        *venture_template_get_for_id  (const char       *id,
                                                      GError          **error);
VentureTemplate        *venture_template_new_from_data (const char     *data,
                                                        gsize           length,
                                                        GError        **error);
const char             *venture_template_get_id      (VentureTemplate  *self);
const char             *venture_template_get_name    (VentureTemplate  *self);
guint                   venture_template_get_columns (VentureTemplate  *self);
guint                   venture_template_get_rows    (VentureTemplate  *self);
guint                   venture_template_get_n_blocks (VentureTemplate *self);
const VentureBlockInfo *venture_template_get_block   (VentureTemplate  *self,
                                                      guint             index);
const VentureBlockInfo *venture_template_lookup_block (VentureTemplate *self,
                                                       const char      *id);

G_END_DECLS
