/* venture-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "venture-file.h"

static int test_failure = VENTURE_FILE_TEST_FAILURE_NONE;

G_DEFINE_QUARK (venture-file-error-quark, venture_file_error)

void
venture_file_set_test_failure (VentureFileTestFailure failure)
{
  g_atomic_int_set (&test_failure, failure);
}

char *
venture_file_one_line (const char *text)
{
  const guint max_chars = 80;
  const char *p;
  GString *line;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  line = g_string_new (NULL);
  for (p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_iscntrl (c))
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }
  if (n == max_chars && *p != '\0')
    g_string_append (line, "…");

  return g_string_free (line, FALSE);
}

char *
venture_file_get_display_name (GFile *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    name = g_file_get_parse_name (file);
  else
    name = g_filename_display_name (basename);

  return venture_file_one_line (name);
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full"), display_name);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_WRITABLE,
                   _("Could not save “%s”: you are not allowed to write to its folder"),
                   display_name);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_FOUND,
                   _("Could not save “%s”: its folder does not exist"), display_name);
      break;

    default:
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                   _("Could not save “%s”: %s"), display_name, g_strerror (saved_errno));
      break;
    }
}

/* GIO's local etag is the modification time alone, and file systems
 * stamp times with a coarse clock: a rewrite a few milliseconds after
 * loading would go unnoticed. The inode (changed by every atomic save,
 * ours or an editor's) and the size catch most of those. */
static char *
etag_from_stat (const struct stat *st)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%09ld:%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT,
                          (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec,
                          (guint64) st->st_ino, (gint64) st->st_size);
}

char *
venture_file_query_etag (GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return g_stat (path, &st) == 0 ? etag_from_stat (&st) : NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
check_etag (const char  *path,
            const char  *etag,
            const char  *display_name,
            GError     **error)
{
  g_autofree char *current = NULL;
  struct stat st;

  if (etag == NULL)
    return TRUE;

  /* A file deleted since it was loaded is simply written again. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      set_write_error (error, saved_errno, display_name);
      return FALSE;
    }

  current = etag_from_stat (&st);
  if (g_strcmp0 (current, etag) != 0)
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK,
                   _("Could not save “%s”: it was changed by another program since it was opened"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/* For files without a local path (other GVfs backends), GIO's own
 * replace does the temporary file and the etag check. */
static gboolean
replace_contents_gio (GFile        *file,
                      const char   *data,
                      gsize         length,
                      const char   *etag,
                      char        **new_etag,
                      const char   *display_name,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_replace_contents (file, data, length, etag, FALSE, G_FILE_CREATE_NONE,
                               new_etag, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_CHANGED_ON_DISK,
                 _("Could not save “%s”: it was changed by another program since it was opened"),
                 display_name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    set_write_error (error, ENOSPC, display_name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    set_write_error (error, EACCES, display_name);
  else
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                 _("Could not save “%s”: %s"), display_name, local_error->message);

  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  VentureFileTestFailure failure = g_atomic_int_get (&test_failure);
  gsize written = 0;

  if (failure == VENTURE_FILE_TEST_FAILURE_NO_SPACE)
    length /= 2;

  while (written < length)
    {
      gssize n = write (fd, data + written, MIN (length - written, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      written += n;
    }

  if (failure == VENTURE_FILE_TEST_FAILURE_NO_SPACE)
    {
      *saved_errno = ENOSPC;
      return FALSE;
    }

  return TRUE;
}

gboolean
venture_file_replace_contents (GFile         *file,
                               const char    *data,
                               gsize          length,
                               const char    *etag,
                               char         **new_etag,
                               GCancellable  *cancellable,
                               GError       **error)
{
  VentureFileTestFailure failure = g_atomic_int_get (&test_failure);
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat st;
  gboolean exists;
  int fd = -1;
  int saved_errno = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = venture_file_get_display_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    return replace_contents_gio (file, data, length, etag, new_etag, display_name,
                                 cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Write through a symbolic link rather than replacing the link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                   _("Could not save “%s”: it is a folder"), display_name);
      return FALSE;
    }

  if (!check_etag (target, etag, display_name, error))
    return FALSE;

  dirname = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dirname, basename);

  if (failure == VENTURE_FILE_TEST_FAILURE_NOT_WRITABLE)
    {
      set_write_error (error, EACCES, display_name);
      return FALSE;
    }

  /* 0666 through the umask for a new file, like any other program;
   * the mode of the old file when replacing one. */
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, errno, display_name);
      return FALSE;
    }

  if (exists)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        {
          saved_errno = errno;
          goto failed;
        }
      /* Only root can give a file away; keep the owner when we are. */
      if (st.st_uid != geteuid () || st.st_gid != getegid ())
        {
          if (fchown (fd, st.st_uid, st.st_gid) != 0)
            g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
        }
    }

  if (!write_all (fd, data, length, &saved_errno))
    goto failed;

  /* Without this, a crash soon after the rename can leave an empty file
   * on some file systems. */
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto failed;
    }
  fd = -1;

  if (failure == VENTURE_FILE_TEST_FAILURE_RENAME)
    {
      saved_errno = EIO;
      goto failed;
    }

  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  if (new_etag != NULL)
    *new_etag = g_stat (target, &st) == 0 ? etag_from_stat (&st) : NULL;

  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  set_write_error (error, saved_errno, display_name);
  return FALSE;
}

static void
set_read_error (GError     **error,
                int          saved_errno,
                const char  *display_name)
{
  if (saved_errno == ENOENT)
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_FOUND,
                 _("Could not open “%s”: there is no such file"), display_name);
  else if (saved_errno == EISDIR)
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                 _("Could not open “%s”: it is a folder"), display_name);
  else
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                 _("Could not open “%s”: %s"), display_name, g_strerror (saved_errno));
}

static void
set_too_large_error (GError     **error,
                     gsize        max_size,
                     const char  *display_name)
{
  g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE,
               _("Could not open “%s”: it is larger than %u MiB, the most Venture reads"),
               display_name, (guint) (max_size / (1024 * 1024)));
}

/* Other GVfs backends: GIO's etag, and the size checked after reading. */
static GBytes *
load_contents_gio (GFile         *file,
                   gsize          max_size,
                   char         **etag,
                   const char    *display_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *loaded_etag = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, &loaded_etag, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_read_error (error, ENOENT, display_name);
      else
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_IO,
                     _("Could not open “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  if (length > max_size)
    {
      set_too_large_error (error, max_size, display_name);
      return NULL;
    }

  if (etag != NULL)
    *etag = g_steal_pointer (&loaded_etag);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

GBytes *
venture_file_load_contents (GFile         *file,
                            gsize          max_size,
                            char         **etag,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  struct stat st;
  gsize allocated;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = venture_file_get_display_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    return load_contents_gio (file, max_size, etag, display_name, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_read_error (error, errno, display_name);
      return NULL;
    }

  /* The size, the kind and the etag of exactly what is read. */
  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved_errno = S_ISDIR (st.st_mode) ? EISDIR : errno;

      close (fd);
      set_read_error (error, saved_errno, display_name);
      return NULL;
    }

  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large_error (error, max_size, display_name);
      return NULL;
    }

  /* Read to the end anyway: the file may be growing, or not be a
   * regular file at all. */
  allocated = (gsize) st.st_size + 1;
  contents = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            {
              close (fd);
              set_too_large_error (error, max_size, display_name);
              return NULL;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          contents = g_realloc (contents, allocated);
        }

      n = read (fd, contents + length, allocated - length);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          close (fd);
          set_read_error (error, saved_errno, display_name);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > max_size)
    {
      set_too_large_error (error, max_size, display_name);
      return NULL;
    }

  if (etag != NULL)
    *etag = etag_from_stat (&st);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
