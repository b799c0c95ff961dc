/* venture-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-canvas-file.h"
#include "venture-export.h"
#include "venture-version.h"

#include "venture-cli.h"

typedef gboolean (*ExportFunc) (VentureCanvas                *canvas,
                                JsonNode                     *history,
                                GFile                        *out,
                                const VentureExportSettings  *settings,
                                GError                      **error);

static gboolean
export_json (VentureCanvas                *canvas,
             JsonNode                     *history,
             GFile                        *out,
             const VentureExportSettings  *settings,
             GError                      **error)
{
  return venture_canvas_file_save (out, canvas, history, NULL, NULL, NULL, error);
}

static gboolean
export_pdf (VentureCanvas                *canvas,
            JsonNode                     *history,
            GFile                        *out,
            const VentureExportSettings  *settings,
            GError                      **error)
{
  return venture_export_write (canvas, out, VENTURE_EXPORT_FORMAT_PDF, settings, NULL, error);
}

static gboolean
export_png (VentureCanvas                *canvas,
            JsonNode                     *history,
            GFile                        *out,
            const VentureExportSettings  *settings,
            GError                      **error)
{
  return venture_export_write (canvas, out, VENTURE_EXPORT_FORMAT_PNG, settings, NULL, error);
}

static gboolean
export_svg (VentureCanvas                *canvas,
            JsonNode                     *history,
            GFile                        *out,
            const VentureExportSettings  *settings,
            GError                      **error)
{
  return venture_export_write (canvas, out, VENTURE_EXPORT_FORMAT_SVG, settings, NULL, error);
}

/* One row per kind of output; every exporter writes atomically, so a
 * failed export leaves no OUT file. */
static const struct {
  const char *extension;
  ExportFunc  export;
} exporters[] = {
  { ".json", export_json },
  { ".pdf", export_pdf },
  { ".png", export_png },
  { ".svg", export_svg },
};

char *
venture_cli_export_extensions (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, exporters[i].extension);
    }

  return g_string_free (list, FALSE);
}

static int
fail (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  /* One line, whatever a lower layer put in the message. */
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture", line);
  return 1;
}

/* The names of @canvas's versions for a message: “A”, “B”. */
static char *
list_versions (VentureCanvas *canvas)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < venture_canvas_get_n_versions (canvas); i++)
    {
      g_autofree char *name = g_strdup (venture_version_get_name (venture_canvas_get_version (canvas, i)));

      if (i > 0)
        g_string_append (list, ", ");
      /* Whatever the name holds, the message stays one line. */
      g_strdelimit (name, "\r\n", ' ');
      g_string_append_printf (list, "“%s”", name);
    }

  return g_string_free (list, FALSE);
}

/* Replaces *@canvas with the snapshot of its version @name; the
 * history belongs to the canvas, not to the version. */
static gboolean
select_snapshot (VentureCanvas **canvas,
                 JsonNode      **history,
                 const char     *name,
                 const char     *input_name,
                 GError        **error)
{
  VentureVersion *version = venture_canvas_lookup_version (*canvas, name);
  VentureCanvas *snapshot;

  if (version == NULL)
    {
      g_autofree char *versions = list_versions (*canvas);

      if (venture_canvas_get_n_versions (*canvas) == 0)
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SUCH_VERSION,
                     _("“%s” has no version called “%s”: it has no versions"),
                     input_name, name);
      else
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SUCH_VERSION,
                     _("“%s” has no version called “%s”; its versions are %s"),
                     input_name, name, versions);
      return FALSE;
    }

  snapshot = g_object_ref (venture_version_get_canvas (version));
  g_clear_object (canvas);
  *canvas = snapshot;
  g_clear_pointer (history, json_node_unref);

  return TRUE;
}

int
venture_cli_export (const char *out,
                    const char *input)
{
  return venture_cli_export_full (out, input, NULL, NULL, NULL, NULL);
}

int
venture_cli_export_full (const char *out,
                         const char *input,
                         const char *page_size,
                         const char *orientation,
                         const char *scale,
                         const char *snapshot)
{
  VentureExportSettings settings = VENTURE_EXPORT_SETTINGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *out_name = NULL;
  g_autofree char *folded = NULL;
  ExportFunc export = NULL;

  g_return_val_if_fail (out != NULL, 1);

  out_file = g_file_new_for_commandline_arg (out);
  out_name = venture_file_get_display_name (out_file);
  folded = g_utf8_casefold (out_name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (exporters) && export == NULL; i++)
    if (g_str_has_suffix (folded, exporters[i].extension))
      export = exporters[i].export;

  if (export == NULL)
    {
      g_autofree char *extensions = venture_cli_export_extensions ();

      g_set_error (&error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_UNSUPPORTED_TYPE,
                   _("Cannot export to “%s”: the name must end in one of %s"),
                   out_name, extensions);
      return fail (error);
    }

  /* Checked whatever the format, so that a typo never goes unnoticed. */
  if ((page_size != NULL && !venture_page_size_from_string (page_size, &settings.page_size, &error)) ||
      (orientation != NULL && !venture_orientation_from_string (orientation, &settings.orientation, &error)) ||
      (scale != NULL && !venture_export_scale_from_string (scale, &settings.scale, &error)))
    {
      g_prefix_error (&error, _("Cannot export to “%s”: "), out_name);
      return fail (error);
    }

  if (input == NULL || *input == '\0')
    {
      g_set_error (&error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_FOUND,
                   _("Cannot export to “%s”: give exactly one canvas file to export"),
                   out_name);
      return fail (error);
    }

  input_file = g_file_new_for_commandline_arg (input);
  canvas = venture_canvas_file_load (input_file, &history, NULL, NULL, &error);
  if (canvas == NULL)
    return fail (error);

  if (snapshot != NULL)
    {
      g_autofree char *input_name = venture_file_get_display_name (input_file);

      if (!select_snapshot (&canvas, &history, snapshot, input_name, &error))
        return fail (error);
    }

  if (!export (canvas, history, out_file, &settings, &error))
    return fail (error);

  return 0;
}
