/* venture-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "venture-model-resources.h"
#include "venture-template.h"

struct _VentureTemplate
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  guint    columns;
  guint    rows;
  GArray  *blocks;   /* VentureBlockInfo, strings owned */
};

G_DEFINE_FINAL_TYPE (VentureTemplate, venture_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (venture-template-error-quark, venture_template_error)

static void
block_info_clear (gpointer data)
{
  VentureBlockInfo *block = data;

  g_free ((char *) block->id);
  g_free ((char *) block->label);
  g_free ((char *) block->header_label);
  g_free ((char *) block->questions);
}

static void
venture_template_finalize (GObject *object)
{
  VentureTemplate *self = (VentureTemplate *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (venture_template_parent_class)->finalize (object);
}

static void
venture_template_class_init (VentureTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = venture_template_finalize;
}

static void
venture_template_init (VentureTemplate *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (VentureBlockInfo));
  g_array_set_clear_func (self->blocks, block_info_clear);
}

typedef enum {
  TEXT_NONE,
  TEXT_NAME,
  TEXT_LABEL,
  TEXT_QUESTIONS,
} TextTarget;

typedef struct {
  VentureTemplate *template;
  TextTarget       text_target;
  GString         *text;
  gboolean         in_block;
} ParseState;

static gboolean
parse_cell (const char  *value,
            guint        min,
            guint        max,
            guint       *out,
            GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, min, max, &number, error))
    return FALSE;

  *out = (guint) number;
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  VentureTemplate *self = state->template;

  if (g_str_equal (element_name, "template"))
    {
      const char *id, *columns, *rows;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "columns", &columns,
                                        G_MARKUP_COLLECT_STRING, "rows", &rows,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      self->id = g_strdup (id);
      if (!parse_cell (columns, 1, 100, &self->columns, error) ||
          !parse_cell (rows, 1, 100, &self->rows, error))
        return;
    }
  else if (g_str_equal (element_name, "name"))
    {
      state->text_target = TEXT_NAME;
    }
  else if (g_str_equal (element_name, "block"))
    {
      VentureBlockInfo block = { 0 };
      const char *id, *column, *row, *width, *height;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "column", &column,
                                        G_MARKUP_COLLECT_STRING, "row", &row,
                                        G_MARKUP_COLLECT_STRING, "width", &width,
                                        G_MARKUP_COLLECT_STRING, "height", &height,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!parse_cell (column, 0, self->columns - 1, &block.column, error) ||
          !parse_cell (row, 0, self->rows - 1, &block.row, error) ||
          !parse_cell (width, 1, self->columns - block.column, &block.width, error) ||
          !parse_cell (height, 1, self->rows - block.row, &block.height, error))
        return;

      block.id = g_strdup (id);
      g_array_append_val (self->blocks, block);
      state->in_block = TRUE;
    }
  else if (state->in_block && g_str_equal (element_name, "label"))
    {
      state->text_target = TEXT_LABEL;
    }
  else if (state->in_block && g_str_equal (element_name, "questions"))
    {
      state->text_target = TEXT_QUESTIONS;
    }
  else
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "Unknown element <%s>", element_name);
      return;
    }

  g_string_truncate (state->text, 0);
}

static char *
without_soft_hyphens (const char *text)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "\u00ad", "", 0);
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  VentureTemplate *self = state->template;
  VentureBlockInfo *block = NULL;
  /* Translated once at load time: a template is cached for the process,
   * and the language does not change under a running app. */
  const char *translated = state->text->len > 0 ? g_dgettext (GETTEXT_PACKAGE, state->text->str) : "";

  if (self->blocks->len > 0)
    block = &g_array_index (self->blocks, VentureBlockInfo, self->blocks->len - 1);

  switch (state->text_target)
    {
    case TEXT_NAME:
      g_free (self->name);
      self->name = g_strdup (translated);
      break;
    case TEXT_LABEL:
      g_free ((char *) block->label);
      g_free ((char *) block->header_label);
      block->header_label = g_strdup (translated);
      block->label = without_soft_hyphens (translated);
      break;
    case TEXT_QUESTIONS:
      g_free ((char *) block->questions);
      block->questions = g_strdup (translated);
      break;
    case TEXT_NONE:
    default:
      break;
    }

  if (g_str_equal (element_name, "block"))
    state->in_block = FALSE;

  state->text_target = TEXT_NONE;
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->text_target != TEXT_NONE)
    g_string_append_len (state->text, text_value, text_len);
}

static const GMarkupParser template_parser = {
  start_element, end_element, text, NULL, NULL,
};

VentureTemplate *
venture_template_new_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(VentureTemplate) self = g_object_new (VENTURE_TYPE_TEMPLATE, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  ParseState state = { self, TEXT_NONE, buffer, FALSE };

  g_return_val_if_fail (data != NULL, NULL);

  context = g_markup_parse_context_new (&template_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                        &state, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_INVALID,
                   "Invalid canvas template: %s", local_error->message);
      return NULL;
    }

  if (self->id == NULL || self->blocks->len == 0)
    {
      g_set_error_literal (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_INVALID,
                           "Invalid canvas template: no blocks");
      return NULL;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const VentureBlockInfo *block = &g_array_index (self->blocks, VentureBlockInfo, i);

      if (block->label == NULL || block->questions == NULL)
        {
          g_set_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_INVALID,
                       "Invalid canvas template: block “%s” lacks a label or questions",
                       block->id);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

static VentureTemplate *venture_template_load (const char  *id,
                                               GError     **error);

static gboolean
is_template_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* Files are loaded in worker threads, so the cache is shared. Templates
 * are immutable once built and live as long as the process. */
G_LOCK_DEFINE_STATIC (template_cache);

VentureTemplate *
venture_template_get_for_id (const char  *id,
                             GError     **error)
{
  static GHashTable *cache;
  VentureTemplate *template;

  g_return_val_if_fail (id != NULL, NULL);

  G_LOCK (template_cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  template = g_hash_table_lookup (cache, id);
  if (template == NULL)
    {
      template = venture_template_load (id, error);
      if (template != NULL)
        g_hash_table_insert (cache, g_strdup (id), template);
    }
  G_UNLOCK (template_cache);

  return template;
}

static VentureTemplate *
venture_template_load (const char  *id,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  /* The id comes from files: never let it build a path elsewhere. */
  if (is_template_id (id))
    {
      path = g_strdup_printf (RESOURCE_PATH "/templates/%s.xml", id);
      /* Looked up in our own resource rather than the global set: that
       * also makes the linker keep it when libventure is linked statically. */
      bytes = g_resource_lookup_data (venture_model_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }

  if (bytes == NULL)
    {
      g_set_error (error, VENTURE_TEMPLATE_ERROR, VENTURE_TEMPLATE_ERROR_UNKNOWN,
                   _("The canvas type “%s” is not known to this version of Venture"), id);
      return NULL;
    }

  return venture_template_new_from_data (g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), error);
}

const char *
venture_template_get_id (VentureTemplate *self)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
venture_template_get_name (VentureTemplate *self)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), NULL);
  return self->name;
}

guint
venture_template_get_columns (VentureTemplate *self)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), 0);
  return self->columns;
}

guint
venture_template_get_rows (VentureTemplate *self)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), 0);
  return self->rows;
}

guint
venture_template_get_n_blocks (VentureTemplate *self)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), 0);
  return self->blocks->len;
}

const VentureBlockInfo *
venture_template_get_block (VentureTemplate *self,
                            guint            index)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, VentureBlockInfo, index);
}

const VentureBlockInfo *
venture_template_lookup_block (VentureTemplate *self,
                               const char      *id)
{
  g_return_val_if_fail (VENTURE_IS_TEMPLATE (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const VentureBlockInfo *block = &g_array_index (self->blocks, VentureBlockInfo, i);

      if (g_str_equal (block->id, id))
        return block;
    }

  return NULL;
}
