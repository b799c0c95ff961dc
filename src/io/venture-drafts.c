/* venture-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-drafts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "venture-file.h"

#include "venture-drafts.h"

#define DRAFT_SUFFIX ".json"
#define INFO_SUFFIX  ".draft"
#define INFO_GROUP   "Draft"

struct _VentureDrafts
{
  GObject  parent_instance;

  GFile   *directory;
};

G_DEFINE_FINAL_TYPE (VentureDrafts, venture_drafts, G_TYPE_OBJECT)

void
venture_draft_info_free (VentureDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_clear_object (&info->original);
  g_free (info->title);
  g_clear_pointer (&info->saved, g_date_time_unref);
  g_free (info);
}

static void
venture_drafts_finalize (GObject *object)
{
  VentureDrafts *self = VENTURE_DRAFTS (object);

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (venture_drafts_parent_class)->finalize (object);
}

static void
venture_drafts_class_init (VentureDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = venture_drafts_finalize;
}

static void
venture_drafts_init (VentureDrafts *self)
{
}

VentureDrafts *
venture_drafts_new (GFile *directory)
{
  VentureDrafts *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (VENTURE_TYPE_DRAFTS, NULL);
  self->directory = g_object_ref (directory);

  return self;
}

VentureDrafts *
venture_drafts_get_default (void)
{
  static VentureDrafts *instance;

  if (instance == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
      g_autoptr(GFile) directory = g_file_new_for_path (path);

      instance = venture_drafts_new (directory);
    }

  return instance;
}

GFile *
venture_drafts_get_directory (VentureDrafts *self)
{
  g_return_val_if_fail (VENTURE_IS_DRAFTS (self), NULL);
  return self->directory;
}

char *
venture_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/* Ids come from file names in a folder anyone could write to: only
 * accept what venture_drafts_new_id() makes. */
static gboolean
is_draft_id (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

static GFile *
draft_child (VentureDrafts *self,
             const char    *id,
             const char    *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

gboolean
venture_drafts_write (VentureDrafts  *self,
                      const char     *id,
                      GFile          *original,
                      const char     *title,
                      GBytes         *contents,
                      GError        **error)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *info_data = NULL;
  gsize info_length;

  g_return_val_if_fail (VENTURE_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (is_draft_id (id), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (!g_file_make_directory_with_parents (self->directory, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, INFO_GROUP, "original", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "title", title != NULL ? title : "");
  info_data = g_key_file_to_data (info, &info_length, NULL);

  /* The canvas first: an info file without its draft is ignored, a draft
   * without fresh info still restores. */
  draft = draft_child (self, id, DRAFT_SUFFIX);
  info_file = draft_child (self, id, INFO_SUFFIX);

  return venture_file_replace_contents (draft, g_bytes_get_data (contents, NULL),
                                        g_bytes_get_size (contents), NULL, NULL, NULL, error) &&
         venture_file_replace_contents (info_file, info_data, info_length, NULL, NULL, NULL, error);
}

void
venture_drafts_remove (VentureDrafts *self,
                       const char    *id)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) info = NULL;

  g_return_if_fail (VENTURE_IS_DRAFTS (self));

  if (!is_draft_id (id))
    return;

  draft = draft_child (self, id, DRAFT_SUFFIX);
  info = draft_child (self, id, INFO_SUFFIX);
  g_file_delete (draft, NULL, NULL);
  g_file_delete (info, NULL, NULL);
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  const VentureDraftInfo *info_a = *(VentureDraftInfo * const *) a;
  const VentureDraftInfo *info_b = *(VentureDraftInfo * const *) b;

  return g_date_time_compare (info_a->saved, info_b->saved);
}

GPtrArray *
venture_drafts_list (VentureDrafts *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) venture_draft_info_free);
  g_autoptr(GFileEnumerator) children = NULL;

  g_return_val_if_fail (VENTURE_IS_DRAFTS (self), drafts);

  children = g_file_enumerate_children (self->directory,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return drafts;

  for (;;)
    {
      GFileInfo *child = NULL;
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autoptr(GFile) info_file = NULL;
      g_autofree char *id = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *uri = NULL;
      VentureDraftInfo *draft;
      const char *name;

      if (!g_file_enumerator_iterate (children, &child, NULL, NULL, NULL) || child == NULL)
        break;

      name = g_file_info_get_name (child);
      if (!g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
      if (!is_draft_id (id))
        continue;

      draft = g_new0 (VentureDraftInfo, 1);
      draft->id = g_steal_pointer (&id);
      draft->saved = g_file_info_get_modification_date_time (child);
      if (draft->saved == NULL)
        draft->saved = g_date_time_new_now_utc ();

      info_file = draft_child (self, draft->id, INFO_SUFFIX);
      info_path = g_file_get_path (info_file);
      if (info_path != NULL && g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
        {
          uri = g_key_file_get_string (keys, INFO_GROUP, "original", NULL);
          draft->title = g_key_file_get_string (keys, INFO_GROUP, "title", NULL);
          if (uri != NULL)
            draft->original = g_file_new_for_uri (uri);
        }

      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_saved);

  return drafts;
}

GBytes *
venture_drafts_read (VentureDrafts  *self,
                     const char     *id,
                     GError        **error)
{
  g_autoptr(GFile) draft = NULL;

  g_return_val_if_fail (VENTURE_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (is_draft_id (id), NULL);

  draft = draft_child (self, id, DRAFT_SUFFIX);
  return venture_file_load_contents (draft, VENTURE_FILE_MAX_SIZE, NULL, NULL, error);
}
