/* venture-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "venture-canvas-file.h"
#include "venture-export.h"
#include "venture-file.h"
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
      VentureVersion *version = venture_canvas_get_version (canvas, i);
      /* Whatever the name holds, the message stays one line. */
      g_autofree char *name = venture_file_one_line (venture_version_get_name (version));

      if (i > 0)
        g_string_append (list, ", ");
      /* Translators: one name in the list of a file's versions, quoted
       * the way the other messages quote names: “Plan A”, “Plan B”. */
      g_string_append_printf (list, C_("version name in a list", "“%s”"), name);
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

/* "A" or "A,B": the versions to compare, the second NULL for the canvas
 * itself. A name may hold a comma, so a whole name wins, then the first
 * split whose both halves are names. */
static gboolean
select_comparison (VentureCanvas  *canvas,
                   const char     *compare,
                   const char     *input_name,
                   VentureVersion **old_version,
                   VentureVersion **new_version,
                   GError        **error)
{
  *old_version = venture_canvas_lookup_version (canvas, compare);
  *new_version = NULL;
  if (*old_version != NULL)
    return TRUE;

  for (const char *comma = strchr (compare, ','); comma != NULL; comma = strchr (comma + 1, ','))
    {
      g_autofree char *first = g_strndup (compare, comma - compare);

      *old_version = venture_canvas_lookup_version (canvas, first);
      *new_version = venture_canvas_lookup_version (canvas, comma + 1);
      if (*old_version != NULL && *new_version != NULL)
        return TRUE;
    }

  {
    g_autofree char *versions = list_versions (canvas);

    *old_version = *new_version = NULL;
    if (venture_canvas_get_n_versions (canvas) == 0)
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SUCH_VERSION,
                   _("“%s” has no version called “%s”: it has no versions"),
                   input_name, compare);
    else
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SUCH_VERSION,
                   /* Translators: the value of --compare, NAME or NAME1,NAME2. */
                   _("“%s” has no version called “%s” (give NAME or NAME1,NAME2); its versions are %s"),
                   input_name, compare, versions);
  }
  return FALSE;
}

int
venture_cli_export (const char *out,
                    const char *input)
{
  return venture_cli_export_full (out, input, NULL, NULL, NULL, NULL);
}

static int
export_common (const char *out,
               const char *input,
               const char *page_size,
               const char *orientation,
               const char *scale,
               const char *snapshot,
               const char *compare);

int
venture_cli_export_full (const char *out,
                         const char *input,
                         const char *page_size,
                         const char *orientation,
                         const char *scale,
                         const char *snapshot)
{
  return export_common (out, input, page_size, orientation, scale, snapshot, NULL);
}

int
venture_cli_export_comparison (const char *out,
                               const char *input,
                               const char *page_size,
                               const char *orientation,
                               const char *scale,
                               const char *compare)
{
  g_return_val_if_fail (compare != NULL, 1);

  return export_common (out, input, page_size, orientation, scale, NULL, compare);
}

static int
export_common (const char *out,
               const char *input,
               const char *page_size,
               const char *orientation,
               const char *scale,
               const char *snapshot,
               const char *compare)
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

  if (compare != NULL)
    {
      g_autofree char *input_name = venture_file_get_display_name (input_file);
      g_autoptr(VentureComparison) comparison = NULL;
      VentureVersion *old_version, *new_version;
      VentureExportFormat format;

      /* A comparison is a page: no JSON of it. */
      if (!venture_export_format_from_path (out_name, &format, &error))
        {
          g_prefix_error (&error, "%s ", _("--compare exports a page:"));
          return fail (error);
        }
      if (!select_comparison (canvas, compare, input_name, &old_version, &new_version, &error))
        return fail (error);

      comparison = venture_comparison_new (venture_version_get_canvas (old_version),
                                           new_version != NULL ? venture_version_get_canvas (new_version) : canvas);
      if (!venture_export_write_comparison (comparison, venture_version_get_name (old_version),
                                            /* Translators: the canvas as it is, beside a version */
                                            new_version != NULL ? venture_version_get_name (new_version) : _("Now"),
                                            out_file, format, &settings, NULL, &error))
        return fail (error);

      return 0;
    }

  if (!export (canvas, history, out_file, &settings, &error))
    return fail (error);

  return 0;
}

GOptionEntry *
venture_cli_option_entries (VentureCliOptions *options)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, options ? &options->version : NULL,
      N_("Show the version and exit"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, options ? &options->export_path : NULL,
      N_("Export the canvas FILE to OUT and exit, without a window; the kind of OUT follows its name: .json, .pdf, .png, .svg"),
      N_("OUT") },
    { "snapshot", 0, 0, G_OPTION_ARG_STRING, options ? &options->snapshot : NULL,
      N_("With --export: export the version called NAME stored in the canvas file, not the canvas itself"),
      N_("NAME") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, options ? &options->compare : NULL,
      N_("With --export to PDF, PNG or SVG: add a page comparing the stored version NAME1 with NAME2, or with the canvas itself"),
      N_("NAME1[,NAME2]") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, options ? &options->page_size : NULL,
      N_("Paper for PDF, PNG and SVG: a4 (the default), a3 or letter"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, options ? &options->orientation : NULL,
      N_("Page orientation: landscape (the default) or portrait"), N_("ORIENTATION") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, options ? &options->scale : NULL,
      /* Translators: keep "1x" meaning: a pixel per point, 842 x 595 for A4 */
      N_("PNG pixels per point: 1 (A4 is 842 × 595 pixels), 2 or 4"), N_("SCALE") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

void
venture_cli_options_clear (VentureCliOptions *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->snapshot, g_free);
  g_clear_pointer (&options->compare, g_free);
  g_clear_pointer (&options->page_size, g_free);
  g_clear_pointer (&options->orientation, g_free);
  g_clear_pointer (&options->scale, g_free);
}

int
venture_cli_run_export (const VentureCliOptions *options,
                        const char              *input)
{
  g_return_val_if_fail (options != NULL && options->export_path != NULL, 1);

  if (options->snapshot != NULL && options->compare != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "venture",
                  _("--snapshot and --compare cannot be used together"));
      return 1;
    }
  if (options->compare != NULL)
    return venture_cli_export_comparison (options->export_path, input, options->page_size,
                                          options->orientation, options->scale, options->compare);
  return venture_cli_export_full (options->export_path, input, options->page_size,
                                  options->orientation, options->scale, options->snapshot);
}

int
venture_cli_run (int    argc,
                 char **argv)
{
  VentureCliOptions options = { 0 };
  g_autofree GOptionEntry *entries = venture_cli_option_entries (&options);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) arguments = g_new0 (char *, argc + 1);
  int status = -1;

  for (int i = 0; i < argc; i++)
    arguments[i] = g_strdup (argv[i]);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);

  /* The same parser and options as GApplication's: what it does not take
   * here (--help, GApplication's own options, a mistake) is the app's to
   * explain, as ever. */
  if (g_option_context_parse_strv (context, &arguments, NULL) &&
      options.export_path != NULL && !options.version)
    {
      /* What is left after the options: the program name, then files. */
      guint n_arguments = g_strv_length (arguments);

      status = venture_cli_run_export (&options, n_arguments == 2 ? arguments[1] : NULL);
    }

  venture_cli_options_clear (&options);
  return status;
}

int
venture_cli_exec_app (char **argv)
{
  g_autofree char *installed = g_build_filename (LIBEXECDIR, "venture-app", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *beside = NULL;
  const char *app = installed;
  int saved_errno;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, 1);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      beside = g_build_filename (dir, "venture-app", NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        app = beside;
    }

  execv (app, argv);
  saved_errno = errno;
  g_printerr ("%s: %s: %s\n", g_get_prgname () ? g_get_prgname () : "venture", app,
              g_strerror (saved_errno));
  return 1;
}
