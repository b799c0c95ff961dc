/* venture-file.h: errors and safe writing shared by every file Venture writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VENTURE_FILE_ERROR (venture_file_error_quark ())

/* Every message of this domain is translated, names the file by its
 * display name and fits on one line. */
typedef enum {
  VENTURE_FILE_ERROR_NOT_FOUND,         /* no such file */
  VENTURE_FILE_ERROR_IO,                /* reading or writing failed otherwise */
  VENTURE_FILE_ERROR_NO_SPACE,          /* the disk is full */
  VENTURE_FILE_ERROR_NOT_WRITABLE,      /* no permission to write there */
  VENTURE_FILE_ERROR_CHANGED_ON_DISK,   /* changed since it was loaded (etag) */
  VENTURE_FILE_ERROR_TOO_LARGE,         /* over VENTURE_FILE_MAX_SIZE or _MAX_NOTES */
  VENTURE_FILE_ERROR_TOO_DEEP,          /* nested deeper than VENTURE_FILE_MAX_DEPTH */
  VENTURE_FILE_ERROR_INVALID_UTF8,      /* not UTF-8 text (binary, NUL bytes) */
  VENTURE_FILE_ERROR_EMPTY,             /* nothing but white space */
  VENTURE_FILE_ERROR_SYNTAX,            /* not JSON; the message has line and column */
  VENTURE_FILE_ERROR_NOT_CANVAS,        /* JSON, but not a Venture canvas */
  VENTURE_FILE_ERROR_TOO_NEW,           /* made by a newer version of Venture */
  VENTURE_FILE_ERROR_UNKNOWN_TEMPLATE,  /* a canvas template this build lacks */
  VENTURE_FILE_ERROR_INVALID,           /* wrong type, missing member, bad number */
  VENTURE_FILE_ERROR_DUPLICATE_ID,      /* two notes with the same id */
  VENTURE_FILE_ERROR_UNSUPPORTED_TYPE,  /* no exporter for that file name */
  VENTURE_FILE_ERROR_DUPLICATE_VERSION, /* two versions with the same name */
  VENTURE_FILE_ERROR_NO_SUCH_VERSION,   /* --snapshot names no stored version */
} VentureFileError;

/* Limits for anything Venture reads. The issue asks for at least 64 MiB
 * (about 100,000 notes of long text and a long history); the depth limit
 * keeps json-glib 1.6 away from its stack overflow on deeply nested input
 * (it crashes at about 100,000 levels), while canvas files need fewer
 * than ten levels plus whatever the history and newer versions add. */
#define VENTURE_FILE_MAX_SIZE  (256 * 1024 * 1024)
#define VENTURE_FILE_MAX_DEPTH 64
/* Notes in a canvas (and in each version). Ten times the floor
 * of 100,000, so that no canvas Venture can make is refused, but a file
 * of a few million tiny notes cannot take all the memory (docs/limits.md). */
#define VENTURE_FILE_MAX_NOTES 1000000

/* Failures venture_file_replace_contents() can be told to simulate, so
 * that tests can prove a failed save leaves the old file and no
 * temporary file behind. For tests only. */
typedef enum {
  VENTURE_FILE_TEST_FAILURE_NONE,
  VENTURE_FILE_TEST_FAILURE_NO_SPACE,      /* write() fails half way with ENOSPC */
  VENTURE_FILE_TEST_FAILURE_NOT_WRITABLE,  /* creating the temporary file fails with EACCES */
  VENTURE_FILE_TEST_FAILURE_RENAME,        /* the final rename fails with EIO */
} VentureFileTestFailure;

GQuark    venture_file_error_quark       (void);

/* The name to show to people: the basename, in UTF-8, on one line. */
char     *venture_file_get_display_name  (GFile                  *file);

/* @text (UTF-8) fit for a one-line message: control characters become
 * spaces, and it ends with "…" after 80 characters. For anything read
 * from a file that a message quotes (ids, names, the parser's words). */
char     *venture_file_one_line          (const char             *text);

/* Writes @data to @file atomically: a temporary file in the same folder,
 * flushed to disk, given the permissions of the file it replaces, then
 * renamed over it. On failure the old file is untouched and the
 * temporary file removed. With @etag (from loading), refuses with
 * CHANGED_ON_DISK when the file changed since. @new_etag receives the
 * etag of the written file. Thread-safe. */
gboolean  venture_file_replace_contents  (GFile                  *file,
                                          const char             *data,
                                          gsize                   length,
                                          const char             *etag,
                                          char                  **new_etag,
                                          GCancellable           *cancellable,
                                          GError                **error);

/* Reads @file whole, refusing files over @max_size before reading them. */
GBytes   *venture_file_load_contents     (GFile                  *file,
                                          gsize                   max_size,
                                          char                  **etag,
                                          GCancellable           *cancellable,
                                          GError                **error);

/* The etag @file has on disk now, in the form loading and saving give,
 * or NULL when it cannot be read (removed, no permission). */
char     *venture_file_query_etag        (GFile                  *file);

/* Makes every later venture_file_replace_contents() fail as told, until
 * called again with VENTURE_FILE_TEST_FAILURE_NONE. */
void      venture_file_set_test_failure  (VentureFileTestFailure  failure);

G_END_DECLS
