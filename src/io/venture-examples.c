/* venture-examples.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-examples"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-canvas-file.h"
#include "venture-model-resources.h"

#include "venture-examples.h"

static const VentureExample examples[] = {
  { "productivity-service", N_("Productivity web service") },
  { "bike-repair", N_("Travelling bike repair") },
};

G_DEFINE_QUARK (venture-examples-error-quark, venture_examples_error)

const VentureExample *
venture_examples_get_all (guint *n_examples)
{
  g_return_val_if_fail (n_examples != NULL, NULL);

  *n_examples = G_N_ELEMENTS (examples);
  return examples;
}

static const VentureExample *
lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (g_strcmp0 (examples[i].id, id) == 0)
      return &examples[i];

  return NULL;
}

VentureCanvas *
venture_examples_load_untranslated (const char  *id,
                                    GError     **error)
{
  const VentureExample *example = lookup (id);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (example == NULL)
    {
      g_set_error (error, VENTURE_EXAMPLES_ERROR, VENTURE_EXAMPLES_ERROR_NOT_FOUND,
                   /* Translators: %s is the name of an example that does not exist. */
                   _("There is no example called “%s”"), id != NULL ? id : "");
      return NULL;
    }

  path = g_strconcat (RESOURCE_PATH "/examples/", example->id, ".json", NULL);
  /* Our own resource rather than the global set, so that it is there in
   * any program that links the model. */
  bytes = g_resource_lookup_data (venture_model_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return venture_canvas_file_load_bytes (bytes, _(example->title), NULL, error);
}

VentureCanvas *
venture_examples_load (const char  *id,
                       GError     **error)
{
  VentureCanvas *canvas = venture_examples_load_untranslated (id, error);
  guint n;

  if (canvas == NULL)
    return NULL;

  /* Nobody watches this canvas yet: the changes are no steps of any
   * history, the copy the user gets simply starts translated. */
  venture_canvas_set_title (canvas, _(venture_canvas_get_title (canvas)));
  n = venture_canvas_get_n_notes (canvas);
  for (guint i = 0; i < n; i++)
    {
      VentureNote *note = venture_canvas_get_note (canvas, i);
      const char *text = venture_note_get_text (note);

      if (text != NULL && *text != '\0')
        venture_canvas_set_note_text (canvas, note, _(text));
    }

  return canvas;
}
