/* venture-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-taxonomy.h"
#include "venture-validate.h"

G_DEFINE_QUARK (venture-validate-error-quark, venture_validate_error)

gboolean
venture_validate_id (const char  *id,
                     GError     **error)
{
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID,
                           _("An identifier is empty"));
      return FALSE;
    }

  if (!g_utf8_validate (id, -1, NULL))
    {
      g_set_error_literal (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID,
                           _("An identifier is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

gboolean
venture_validate_tag (const char  *id,
                      GError     **error)
{
  return id == NULL || venture_validate_id (id, error);
}

gboolean
venture_validate_segments (const char * const  *segments,
                           GError             **error)
{
  if (segments == NULL)
    return TRUE;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (!venture_validate_id (segments[i], error))
        return FALSE;
    }

  return TRUE;
}

typedef enum {
  STRING_TEXT,
  STRING_TITLE,
} StringKind;

static gboolean
validate_string (const char  *string,
                 StringKind   kind,
                 GError     **error)
{
  glong max = kind == STRING_TEXT ? VENTURE_NOTE_TEXT_MAX : VENTURE_TITLE_MAX;
  const char *end;
  glong length;

  if (string == NULL || !g_utf8_validate (string, -1, &end))
    {
      g_set_error_literal (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_UTF8,
                           kind == STRING_TEXT
                           ? _("The text of a note is not valid UTF-8")
                           : _("The title is not valid UTF-8"));
      return FALSE;
    }

  /* Bytes bound characters from above: most strings skip the count. */
  if (end - string <= max)
    return TRUE;

  length = g_utf8_strlen (string, end - string);
  if (length <= max)
    return TRUE;

  if (kind == STRING_TEXT)
    g_set_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_TOO_LONG,
                 /* Translators: the numbers are counts of characters */
                 _("The text of a note has %ld characters, more than the %ld allowed"),
                 length, max);
  else
    g_set_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_TOO_LONG,
                 /* Translators: the numbers are counts of characters */
                 _("The title has %ld characters, more than the %ld allowed"),
                 length, max);
  return FALSE;
}

gboolean
venture_validate_text (const char  *text,
                       GError     **error)
{
  return validate_string (text, STRING_TEXT, error);
}

gboolean
venture_validate_title (const char  *title,
                        GError     **error)
{
  return validate_string (title, STRING_TITLE, error);
}

gboolean
venture_validate_position (gint64   value,
                           GError **error)
{
  if (value < 0 || value > VENTURE_POSITION_MAX)
    {
      g_set_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_OUT_OF_RANGE,
                   /* Translators: a coordinate of a note, out of the allowed range */
                   _("The position %lld is outside 0 to %d"),
                   (long long) value, VENTURE_POSITION_MAX);
      return FALSE;
    }

  return TRUE;
}
