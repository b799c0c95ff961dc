/* venture-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-canvas-file.h"
#include "venture-export.h"

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

int
venture_cli_export (const char *out,
                    const char *input)
{
  return venture_cli_export_full (out, input, NULL, NULL, NULL);
}

int
venture_cli_export_full (const char *out,
                         const char *input,
                         const char *page_size,
                         const char *orientation,
                         const char *scale)
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

  if (!export (canvas, history, out_file, &settings, &error))
    return fail (error);

  return 0;
}
