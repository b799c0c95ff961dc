/* venture-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-canvas-file.h"
#include "venture-history-file.h"

#include "venture-document.h"

#define DEFAULT_TEMPLATE "business-model-canvas"

struct _VentureDocument
{
  GObject         parent_instance;

  VentureCanvas  *canvas;
  VentureHistory *history;
  GFile          *file;
  char           *etag;
  GError         *history_notice;

  /* A document made from an example or a draft is unsaved work although
   * its history is empty. */
  gboolean        modified_without_history;
  guint           busy;

  /* Set while the document shows a stored version, read-only. */
  char           *version_name;
  char           *version_of;
};

G_DEFINE_FINAL_TYPE (VentureDocument, venture_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_READ_ONLY,
  PROP_VERSION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_history_modified (VentureDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_canvas_title (VentureDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
venture_document_set_contents (VentureDocument *self,
                               VentureCanvas   *canvas,
                               VentureHistory  *history)
{
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->canvas, canvas);
  g_set_object (&self->history, history);

  g_signal_connect_swapped (self->canvas, "notify::title", G_CALLBACK (on_canvas_title), self);
  g_signal_connect_swapped (self->history, "notify::modified", G_CALLBACK (on_history_modified), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
venture_document_set_file (VentureDocument *self,
                           GFile           *file)
{
  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
venture_document_set_modified_without_history (VentureDocument *self,
                                               gboolean         modified)
{
  if (self->modified_without_history == modified)
    return;

  self->modified_without_history = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Saved under a name of its own or replaced by a load, the document is
 * an ordinary canvas again. */
static void
venture_document_leave_version (VentureDocument *self)
{
  if (self->version_name == NULL)
    return;

  g_clear_pointer (&self->version_name, g_free);
  g_clear_pointer (&self->version_of, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
venture_document_busy_push (VentureDocument *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
venture_document_busy_pop (VentureDocument *self)
{
  g_return_if_fail (self->busy > 0);

  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
venture_document_dispose (GObject *object)
{
  VentureDocument *self = VENTURE_DOCUMENT (object);

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->canvas);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (venture_document_parent_class)->dispose (object);
}

static void
venture_document_finalize (GObject *object)
{
  VentureDocument *self = VENTURE_DOCUMENT (object);

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->version_name, g_free);
  g_clear_pointer (&self->version_of, g_free);
  g_clear_error (&self->history_notice);

  G_OBJECT_CLASS (venture_document_parent_class)->finalize (object);
}

static void
venture_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VentureDocument *self = VENTURE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, venture_document_dup_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, venture_document_get_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, venture_document_get_read_only (self));
      break;
    case PROP_VERSION_NAME:
      g_value_set_string (value, self->version_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_document_class_init (VentureDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = venture_document_dispose;
  object_class->finalize = venture_document_finalize;
  object_class->get_property = venture_document_get_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, VENTURE_TYPE_CANVAS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, VENTURE_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION_NAME] =
    g_param_spec_string ("version-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
venture_document_init (VentureDocument *self)
{
}

VentureDocument *
venture_document_new (void)
{
  VentureDocument *self = g_object_new (VENTURE_TYPE_DOCUMENT, NULL);
  g_autoptr(VentureCanvas) canvas = venture_canvas_new (DEFAULT_TEMPLATE);
  g_autoptr(VentureHistory) history = venture_history_new (canvas);

  venture_document_set_contents (self, canvas, history);

  return self;
}

VentureDocument *
venture_document_new_from_canvas (VentureCanvas *canvas,
                                  gboolean       modified)
{
  VentureDocument *self;
  g_autoptr(VentureCanvas) copy = NULL;
  g_autoptr(VentureHistory) history = NULL;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  self = g_object_new (VENTURE_TYPE_DOCUMENT, NULL);
  copy = venture_canvas_copy (canvas);
  /* A copy leaves the versions out; they are immutable, so shared. */
  for (guint i = 0; i < venture_canvas_get_n_versions (canvas); i++)
    venture_canvas_insert_version (copy, venture_canvas_get_version (canvas, i), i);
  history = venture_history_new (copy);
  venture_document_set_contents (self, copy, history);
  self->modified_without_history = modified;

  return self;
}

VentureDocument *
venture_document_new_for_version (VentureVersion *version,
                                  const char     *version_of)
{
  VentureDocument *self;

  g_return_val_if_fail (VENTURE_IS_VERSION (version), NULL);

  self = venture_document_new_from_canvas (venture_version_get_canvas (version), FALSE);
  self->version_name = g_strdup (venture_version_get_name (version));
  self->version_of = g_strdup (version_of);

  return self;
}

gboolean
venture_document_get_read_only (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  return self->version_name != NULL;
}

const char *
venture_document_get_version_name (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->version_name;
}

const char *
venture_document_get_version_of (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->version_of;
}

VentureCanvas *
venture_document_get_canvas (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->canvas;
}

VentureHistory *
venture_document_get_history (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
venture_document_get_file (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->file;
}

char *
venture_document_dup_title (VentureDocument *self)
{
  const char *title;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);

  title = venture_canvas_get_title (self->canvas);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  if (self->file != NULL)
    return venture_file_get_display_name (self->file);

  return g_strdup (_("Untitled Canvas"));
}

gboolean
venture_document_get_modified (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  return self->modified_without_history || venture_history_get_modified (self->history);
}

gboolean
venture_document_get_busy (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  return self->busy > 0;
}

const GError *
venture_document_get_history_notice (VentureDocument *self)
{
  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);
  return self->history_notice;
}

typedef struct {
  VentureCanvas *canvas;
  JsonNode      *history;
  char          *etag;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->canvas);
  g_clear_pointer (&result->history, json_node_unref);
  g_clear_pointer (&result->etag, g_free);
  g_free (result);
}

static LoadResult *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->canvas = venture_canvas_file_load (file, &result->history, &result->etag,
                                             cancellable, error);
  if (result->canvas == NULL)
    {
      load_result_free (result);
      return NULL;
    }

  return result;
}

static void
venture_document_apply_load (VentureDocument *self,
                             GFile           *file,
                             LoadResult      *result)
{
  g_autoptr(VentureHistory) history = venture_history_new (result->canvas);

  g_clear_error (&self->history_notice);
  if (result->history != NULL &&
      !venture_history_file_deserialize (history, result->history, &self->history_notice))
    g_debug ("History dropped: %s", self->history_notice->message);

  venture_history_mark_clean (history);
  g_free (self->etag);
  self->etag = g_steal_pointer (&result->etag);
  venture_document_set_file (self, file);
  venture_document_set_modified_without_history (self, FALSE);
  venture_document_set_contents (self, result->canvas, history);
  venture_document_leave_version (self);
}

gboolean
venture_document_load (VentureDocument  *self,
                       GFile            *file,
                       GCancellable     *cancellable,
                       GError          **error)
{
  LoadResult *result;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  venture_document_busy_push (self);
  result = load_file (file, cancellable, error);
  if (result != NULL)
    {
      venture_document_apply_load (self, file, result);
      load_result_free (result);
    }
  venture_document_busy_pop (self);

  return result != NULL;
}

/* Parsing a large canvas takes long enough to freeze a window, so it
 * happens in a worker; the objects it builds are handed over whole. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LoadResult *result = load_file (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, load_result_free);
}

void
venture_document_load_async (VentureDocument     *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VENTURE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  venture_document_busy_push (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, venture_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
venture_document_load_finish (VentureDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  LoadResult *loaded;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded != NULL)
    {
      venture_document_apply_load (self, g_task_get_task_data (G_TASK (result)), loaded);
      load_result_free (loaded);
    }
  venture_document_busy_pop (self);

  return loaded != NULL;
}

gboolean
venture_document_load_draft (VentureDocument  *self,
                             GBytes           *contents,
                             GFile            *original,
                             GError          **error)
{
  g_autofree char *name = NULL;
  LoadResult result = { NULL };

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (!original || G_IS_FILE (original), FALSE);

  name = original ? venture_file_get_display_name (original) : g_strdup (_("Unsaved canvas"));
  result.canvas = venture_canvas_file_load_bytes (contents, name, &result.history, error);
  if (result.canvas == NULL)
    return FALSE;

  venture_document_apply_load (self, original, &result);
  /* Whatever the draft's history says, its content is not in the file. */
  venture_document_set_modified_without_history (self, TRUE);
  g_clear_object (&result.canvas);
  g_clear_pointer (&result.history, json_node_unref);

  return TRUE;
}

gboolean
venture_document_is_changed_on_disk (VentureDocument *self)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || self->etag == NULL)
    return FALSE;

  etag = venture_file_query_etag (self->file);
  return g_strcmp0 (etag, self->etag) != 0;
}

GBytes *
venture_document_to_bytes (VentureDocument *self)
{
  g_autoptr(JsonNode) history = NULL;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), NULL);

  history = venture_history_file_serialize (self->history);
  return venture_canvas_file_to_bytes (self->canvas, history);
}

gboolean
venture_document_save (VentureDocument  *self,
                       GFile            *file,
                       gboolean          force,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *new_etag = NULL;
  const char *etag = NULL;
  gboolean saved;

  g_return_val_if_fail (VENTURE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL || self->version_name != NULL, FALSE);

  if (file == NULL && self->version_name != NULL)
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_WRITABLE,
                   /* Translators: %s is the name of a version of a canvas. */
                   _("“%s” is a stored version and cannot be changed; use Save As to keep it as a canvas of its own"),
                   self->version_name);
      return FALSE;
    }

  if (file == NULL)
    file = self->file;

  /* The etag only speaks for the file it was read from. */
  if (!force && self->file != NULL && g_file_equal (file, self->file))
    etag = self->etag;

  venture_document_busy_push (self);
  history = venture_history_file_serialize (self->history);
  saved = venture_canvas_file_save (file, self->canvas, history, etag, &new_etag,
                                    cancellable, error);
  if (saved)
    {
      g_free (self->etag);
      self->etag = g_steal_pointer (&new_etag);
      venture_document_set_file (self, file);
      venture_history_mark_clean (self->history);
      venture_document_set_modified_without_history (self, FALSE);
      venture_document_leave_version (self);
    }
  venture_document_busy_pop (self);

  return saved;
}
