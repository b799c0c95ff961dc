/* venture-canvas-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-canvas-file"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "venture-canvas-private.h"
#include "venture-note-private.h"
#include "venture-template.h"
#include "venture-validate.h"
#include "venture-version.h"

#include "venture-canvas-file.h"

/* Top-level members in the order they are written; unknown ones follow
 * in the order they were read. */
static const char * const canvas_members[] = {
  "format", "version", "title", "template", "notes", "versions", "history",
};

static const char * const version_members[] = {
  "name", "created", "title", "notes",
};

static const char * const note_members[] = {
  "id", "block", "text", "color", "x", "y", "relationship", "stage", "strategy", "segments",
};

/* Indices in note_members. */
enum {
  NOTE_ID,
  NOTE_BLOCK,
  NOTE_TEXT,
  NOTE_COLOR,
  NOTE_X,
  NOTE_Y,
  NOTE_RELATIONSHIP,
  NOTE_STAGE,
  NOTE_STRATEGY,
  NOTE_SEGMENTS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (note_members) == NOTE_SEGMENTS + 1);

/* The index of @name in note_members, or -1: by its first letters, then
 * one comparison, rather than one per known member (a note has ten). */
static int
find_note_member (const char *name)
{
  int guess;

  switch (name[0])
    {
    case 'i': guess = NOTE_ID; break;
    case 'b': guess = NOTE_BLOCK; break;
    case 't': guess = NOTE_TEXT; break;
    case 'c': guess = NOTE_COLOR; break;
    case 'x': guess = NOTE_X; break;
    case 'y': guess = NOTE_Y; break;
    case 'r': guess = NOTE_RELATIONSHIP; break;
    case 's':
      guess = name[1] != 't' ? NOTE_SEGMENTS : name[2] == 'a' ? NOTE_STAGE : NOTE_STRATEGY;
      break;
    default:
      return -1;
    }

  return strcmp (name, note_members[guess]) == 0 ? guess : -1;
}

static gboolean
is_known (const char         *name,
          const char * const *known,
          gsize               n_known)
{
  for (gsize i = 0; i < n_known; i++)
    if (strcmp (name, known[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Line and column (both from 1, the column in characters) of @offset. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  /* The bytes before @offset are valid UTF-8 when this is called. */
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* json-glib 1.6 reads an integer beyond 64 bits as -1 or G_MININT64
 * without a word; refusing it keeps unknown members from changing. */
static gboolean
is_integer_too_large (const char *data,
                      gsize       length,
                      gsize       start,
                      gsize       end)
{
  gsize digits = end - start;
  gboolean negative = start > 0 && data[start - 1] == '-';

  /* A fraction or an exponent makes it a double. */
  if (start > 0 && (data[start - 1] == '.' || data[start - 1] == 'e' || data[start - 1] == 'E'
                    || data[start - 1] == '+' || (negative && start > 1 && (data[start - 2] == 'e'
                                                                             || data[start - 2] == 'E'))))
    return FALSE;
  if (end < length && (data[end] == '.' || data[end] == 'e' || data[end] == 'E'))
    return FALSE;

  if (digits != 19)
    return digits > 19;

  return strncmp (data + start, negative ? "9223372036854775808" : "9223372036854775807", 19) > 0;
}

typedef enum {
  SCAN_OK,
  SCAN_TOO_DEEP,      /* a bracket nested too deep */
  SCAN_NOT_JSON,      /* a comment or a single quote, which json-glib takes */
} ScanResult;

/* The bytes scan() looks at outside strings; the others (white space,
 * ':', ',', letters) it skips in a tight loop: a pretty-printed canvas is
 * a third indentation. */
static const guint8 scan_stops[256] = {
  ['"'] = 1, ['['] = 1, ['{'] = 1, [']'] = 1, ['}'] = 1, ['\''] = 1, ['/'] = 1, ['0' ... '9'] = 1,
};

/* json-glib 1.6 overflows its stack on deeply nested input, so the depth
 * is measured before the parser sees the bytes; brackets inside strings
 * do not count. The parser also takes single-quoted strings and C
 * comments, where a '"' would make this scan skip real brackets: they
 * are not JSON, so they are refused here. Otherwise the syntax is left
 * to the parser. @offset receives where the problem is; @big_number the
 * offset of an integer json-glib cannot hold, or -1. */
static ScanResult
scan (const char *data,
      gsize       length,
      guint       max_depth,
      gsize      *offset,
      gssize     *big_number)
{
  guint depth = 0;
  gsize i = 0;

  *big_number = -1;

  for (;;)
    {
      while (i < length && !scan_stops[(guchar) data[i]])
        i++;
      if (i >= length)
        break;

      switch (data[i])
        {
        case '"':
          /* Most bytes are text: jump to the next quote, then look back
           * for the backslashes that would escape it. */
          for (;;)
            {
              const char *quote = memchr (data + i + 1, '"', length - i - 1);
              gsize backslashes = 0;

              if (quote == NULL)
                return SCAN_OK;
              i = quote - data;
              while (data[i - 1 - backslashes] == '\\')
                backslashes++;
              if (backslashes % 2 == 0)
                break;
            }
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              *offset = i;
              return SCAN_TOO_DEEP;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '\'':
        case '/':
          *offset = i;
          return SCAN_NOT_JSON;

        default:  /* a digit */
          {
            gsize start = i;

            while (i + 1 < length && g_ascii_isdigit (data[i + 1]))
              i++;
            if (i + 1 - start >= 19 && *big_number < 0
                && is_integer_too_large (data, length, start, i + 1))
              *big_number = start;
          }
          break;
        }
      i++;
    }

  return SCAN_OK;
}

/* g_utf8_validate_len() goes a byte at a time; canvas files are mostly
 * ASCII, checked here eight bytes at a time. Same rules: no NUL, no
 * overlong forms, no surrogates, nothing above U+10FFFF. Returns the
 * offset of the first bad byte, or -1. */
static gssize
find_invalid_utf8 (const char *data,
                   gsize       length)
{
  const guchar *p = (const guchar *) data;
  gsize i = 0;

  while (i < length)
    {
      guchar c = p[i];
      guchar low = 0x80, high = 0xbf;
      guint n_trailing;

      if (i + 8 <= length)
        {
          guint64 word;

          memcpy (&word, p + i, sizeof word);
          /* No byte with the high bit set, and no zero byte. */
          if ((word & 0x8080808080808080ull) == 0
              && ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) == 0)
            {
              i += 8;
              continue;
            }
        }

      if (c < 0x80)
        {
          if (c == 0)
            return i;
          i++;
          continue;
        }

      if (c >= 0xc2 && c <= 0xdf)
        n_trailing = 1;
      else if (c >= 0xe0 && c <= 0xef)
        {
          n_trailing = 2;
          if (c == 0xe0)
            low = 0xa0;       /* overlong */
          else if (c == 0xed)
            high = 0x9f;      /* surrogates */
        }
      else if (c >= 0xf0 && c <= 0xf4)
        {
          n_trailing = 3;
          if (c == 0xf0)
            low = 0x90;       /* overlong */
          else if (c == 0xf4)
            high = 0x8f;      /* above U+10FFFF */
        }
      else
        return i;

      if (i + n_trailing >= length)
        return i;
      if (p[i + 1] < low || p[i + 1] > high)
        return i;
      for (guint k = 2; k <= n_trailing; k++)
        if (p[i + k] < 0x80 || p[i + k] > 0xbf)
          return i;

      i += n_trailing + 1;
    }

  return -1;
}

/* Also refuses NUL bytes, which JSON never has outside escapes. */
static gboolean
set_error_if_not_utf8 (GError     **error,
                       const char  *display_name,
                       const char  *data,
                       gsize        length)
{
  gssize invalid = find_invalid_utf8 (data, length);
  guint line, column;

  if (invalid < 0)
    return FALSE;

  locate (data, invalid, &line, &column);
  g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID_UTF8,
               _("“%s” is not a text file: line %u, column %u is not UTF-8"),
               display_name, line, column);
  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Messages quote strings of the file (json-glib's detail quotes the token
 * it choked on), which can hold newlines and be megabytes long: a
 * message must stay one short line. */
static char *
for_message (const char *detail)
{
  const guint max_chars = 100;
  GString *out = g_string_new (NULL);
  const char *p = detail;
  guint n = 0;

  for (; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* json-glib 1.6 only gives the position in the message:
 * "<data>:LINE:COLUMN: Parse error: DETAIL". */
static void
set_syntax_error (GError     **error,
                  const char  *display_name,
                  const char  *parser_message)
{
  g_autofree char *tidy = NULL;
  const char *detail = parser_message;
  guint line = 0;
  guint column = 0;
  int consumed = 0;

  if (sscanf (parser_message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      const char *colon = strstr (parser_message + consumed, ": ");

      detail = colon != NULL ? colon + 2 : parser_message + consumed;
      tidy = for_message (detail);
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_SYNTAX,
                   _("“%s” is not valid JSON: line %u, column %u: %s"),
                   display_name, line, column, tidy);
    }
  else
    {
      tidy = for_message (detail);
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_SYNTAX,
                   _("“%s” is not valid JSON: %s"), display_name, tidy);
    }
}

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError     **error,
             const char  *display_name,
             const char  *format,
             ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID,
               _("“%s” is damaged: %s"), display_name, problem);
}

/* Where a note is: in the canvas (version NULL) or in a version. */
typedef struct {
  const char *display_name;
  const char *version;   /* the version's name */
  guint       version_index;
} Place;

G_GNUC_PRINTF (4, 5)
static void
set_invalid_note (GError      **error,
                  const Place  *place,
                  guint         index,
                  const char   *format,
                  ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (place->version != NULL)
    {
      g_autofree char *quoted_version = for_message (place->version);

      /* Translators: “%s” (2nd) is a version's name; %u is the note's place
       * in that version, from 1. */
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID,
                   _("“%s” is damaged: version “%s”, note %u: %s"),
                   place->display_name, quoted_version, index + 1, problem);
    }
  else
    /* Translators: the first %u is the note's place in the file, from 1. */
    g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID,
                 _("“%s” is damaged: note %u: %s"), place->display_name, index + 1, problem);
}

G_GNUC_PRINTF (4, 5)
static void
set_invalid_version (GError     **error,
                     const char  *display_name,
                     guint        index,
                     const char  *format,
                     ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %u is the version's place in the file, from 1. */
  g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID,
               _("“%s” is damaged: version %u: %s"), display_name, index + 1, problem);
}

/* A whole number, also when written as 12.0; never NaN or infinite
 * (json-glib reads 1e999 as infinity). */
static gboolean
get_integer (JsonNode *node,
             gint64   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d) || d != floor (d) || fabs (d) > 1e15)
        return FALSE;
      *value = (gint64) d;
      return TRUE;
    }

  return FALSE;
}

static const char *
get_string (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Unknown members are kept, but they must be writable again: JSON has no
 * NaN or infinity. */
static gboolean
is_finite_tree (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          if (!is_finite_tree (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          if (!is_finite_tree (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_DOUBLE
             || isfinite (json_node_get_double (node));

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* The bytes were checked to be UTF-8, but json-glib turns an escaped
 * lone surrogate ("\\ud800") into bytes that are not, in member names
 * too: they would be written back raw, and the saved file would not
 * load again. */
/* Whether the bytes have an escape in the surrogate range (\\uD800 to
 * \\uDFFF), or one short of four hex digits, anywhere: only then can
 * json-glib produce bad UTF-8, and only then is the whole tree checked.
 * Venture writes characters, not escapes, so its own files skip the
 * walk. json-glib's scanner also takes C's octal escapes ("\\200"),
 * which are not JSON and can make any byte (the fuzzer): @octal receives
 * the offset of the first one's digit, or -1. */
static gboolean
has_surrogate_escape (const char *data,
                      gsize       length,
                      gssize     *octal)
{
  const char *p = data;
  const char *end = data + length;
  gboolean surrogate = FALSE;

  *octal = -1;
  while ((p = memchr (p, '\\', end - p)) != NULL)
    {
      if (end - p >= 4 && p[1] == 'u' && (p[2] == 'd' || p[2] == 'D')
          && strchr ("89abcdefABCDEF", p[3]) != NULL && p[3] != '\0')
        surrogate = TRUE;
      /* short of four hex digits, json-glib 1.6 reads on into what
       * follows, and may make bytes that are not UTF-8 of it too */
      if (end - p >= 2 && p[1] == 'u' &&
          (end - p < 6 || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3]) ||
           !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5])))
        surrogate = TRUE;
      if (end - p >= 2 && p[1] >= '0' && p[1] <= '7')
        {
          *octal = p + 1 - data;
          return surrogate;
        }
      p += 2;
      if (p >= end)
        break;
    }

  return surrogate;
}

static gboolean
is_utf8_tree (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !is_utf8_tree (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          if (!is_utf8_tree (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING
             || g_utf8_validate (json_node_get_string (node), -1, NULL);

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static gboolean
read_optional_id (JsonNode     *node,
                  const char  **value)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  *value = get_string (node);
  return *value != NULL && **value != '\0';
}

static VentureNote *
read_note (JsonNode     *node,
           guint         index,
           const Place  *place,
           GError      **error)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autofree const char **segments = NULL;
  const char *tags[VENTURE_N_TAG_KINDS] = { NULL, };
  const char *id = NULL;
  const char *block = NULL;
  const char *text = NULL;
  const char *color = NULL;
  gint64 x = -1;
  gint64 y = -1;
  JsonObject *object;
  JsonObjectIter iter;
  guint n_unknown = 0;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid_note (error, place, index, _("it is not an object"));
      return NULL;
    }

  object = json_node_get_object (node);

  /* In hash order, which costs less than file order; only unknown
   * members need the file's order, and they are rare. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      int known = find_note_member (name);

      if (known == NOTE_ID)
        {
          id = get_string (member);
          if (id == NULL || *id == '\0')
            {
              set_invalid_note (error, place, index,
                                _("“id” must be a string that is not empty"));
              return NULL;
            }
        }
      else if (known == NOTE_BLOCK)
        {
          block = get_string (member);
          if (block == NULL || *block == '\0')
            {
              set_invalid_note (error, place, index,
                                _("“block” must be a string that is not empty"));
              return NULL;
            }
        }
      else if (known == NOTE_TEXT)
        {
          g_autoptr(GError) text_error = NULL;

          text = get_string (member);
          if (text == NULL)
            {
              set_invalid_note (error, place, index, _("“text” must be a string"));
              return NULL;
            }
          /* json-glib checked the UTF-8 of the whole file: only the length can
           * be wrong, and never when there are fewer bytes than the
           * characters allowed. */
          if (strlen (text) > VENTURE_NOTE_TEXT_MAX && !venture_validate_text (text, &text_error))
            {
              set_invalid_note (error, place, index, "%s", text_error->message);
              return NULL;
            }
        }
      else if (known == NOTE_COLOR)
        {
          color = get_string (member);
          if (color == NULL || *color == '\0')
            {
              set_invalid_note (error, place, index,
                                _("“color” must be a string that is not empty"));
              return NULL;
            }
        }
      else if (known == NOTE_X || known == NOTE_Y)
        {
          gint64 value;

          if (!get_integer (member, &value) || value < 0 || value > VENTURE_POSITION_MAX)
            {
              set_invalid_note (error, place, index,
                                _("“%s” must be a whole number from 0 to %d"),
                                name, VENTURE_POSITION_MAX);
              return NULL;
            }
          if (known == NOTE_X)
            x = value;
          else
            y = value;
        }
      else if (known == NOTE_SEGMENTS)
        {
          JsonArray *array;
          guint n;

          if (JSON_NODE_HOLDS_NULL (member))
            continue;

          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              set_invalid_note (error, place, index,
                                _("“segments” must be a list of note ids"));
              return NULL;
            }

          array = json_node_get_array (member);
          n = json_array_get_length (array);
          g_clear_pointer (&segments, g_free);
          segments = g_new0 (const char *, n + 1);
          for (guint i = 0; i < n; i++)
            {
              segments[i] = get_string (json_array_get_element (array, i));
              if (segments[i] == NULL || *segments[i] == '\0')
                {
                  set_invalid_note (error, place, index,
                                    _("“segments” must be a list of note ids"));
                  return NULL;
                }
            }
        }
      else
        {
          gboolean is_tag = FALSE;

          /* Only the tags are left of the known members. */
          for (guint kind = 0; known >= 0 && kind < VENTURE_N_TAG_KINDS; kind++)
            if (strcmp (name, venture_tag_kind_to_member (kind)) == 0)
              {
                is_tag = TRUE;
                if (!read_optional_id (member, &tags[kind]))
                  {
                    set_invalid_note (error, place, index,
                                      _("“%s” must be a string that is not empty"), name);
                    return NULL;
                  }
              }

          if (!is_tag)
            n_unknown++;
        }
    }

  if (n_unknown > 0)
    {
      extra = json_object_new ();
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (is_known (name, note_members, G_N_ELEMENTS (note_members)))
            continue;

          if (!is_finite_tree (member))
            {
              g_autofree char *quoted = for_message (name);

              set_invalid_note (error, place, index,
                                _("“%s” holds a number out of range"), quoted);
              return NULL;
            }
          json_object_set_member (extra, name, json_node_copy (member));
        }
    }

  if (id == NULL)
    {
      set_invalid_note (error, place, index, _("it has no “id”"));
      return NULL;
    }
  if (block == NULL)
    {
      set_invalid_note (error, place, index, _("it has no “block”"));
      return NULL;
    }
  if (x < 0 || y < 0)
    {
      set_invalid_note (error, place, index, _("it has no “%s”"), x < 0 ? "x" : "y");
      return NULL;
    }

  /* Every field was checked above, the UTF-8 with the whole file. */
  return _venture_note_new_checked (id, block, text != NULL ? text : "",
                                    color != NULL ? color : VENTURE_DEFAULT_COLOR,
                                    (int) x, (int) y, tags, segments, extra);
}

/* Appends the notes of @notes (may be NULL) to @canvas. */
static gboolean
read_notes (VentureCanvas  *canvas,
            JsonArray      *notes,
            const Place    *place,
            GError        **error)
{
  guint n_notes = notes != NULL ? json_array_get_length (notes) : 0;

  if (n_notes > VENTURE_FILE_MAX_NOTES)
    {
      g_autofree char *quoted_version = place->version ? for_message (place->version) : NULL;

      if (place->version != NULL)
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE,
                     _("Could not open “%s”: version “%s” has %u notes, more than the %u Venture reads"),
                     place->display_name, quoted_version, n_notes, (guint) VENTURE_FILE_MAX_NOTES);
      else
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE,
                     _("Could not open “%s”: it has %u notes, more than the %u Venture reads"),
                     place->display_name, n_notes, (guint) VENTURE_FILE_MAX_NOTES);
      return FALSE;
    }

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(VentureNote) note = NULL;
      VentureNote *other;

      note = read_note (json_array_get_element (notes, i), i, place, error);
      if (note == NULL)
        return FALSE;

      other = _venture_canvas_take_note_unwatched (canvas, note);
      if (other == NULL)
        {
          /* The canvas has our reference. */
          (void) g_steal_pointer (&note);
        }
      else
        {
          const char *id = venture_note_get_id (note);
          g_autofree char *quoted_id = for_message (id);
          g_autofree char *quoted_version = place->version ? for_message (place->version) : NULL;
          guint first = 0;

          venture_canvas_find_note (canvas, other, &first);
          if (quoted_version != NULL)
            g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_DUPLICATE_ID,
                         _("“%s” is damaged: in version “%s”, notes %u and %u have the same id “%s”"),
                         place->display_name, quoted_version, first + 1, i + 1, quoted_id);
          else
            g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_DUPLICATE_ID,
                         _("“%s” is damaged: notes %u and %u have the same id “%s”"),
                         place->display_name, first + 1, i + 1, quoted_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* Any ISO 8601 date and time with a time zone; kept in UTC, to the
 * second (what the writer writes). */
static GDateTime *
read_date (JsonNode *node)
{
  const char *text = get_string (node);

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static VentureVersion *
read_version (VentureCanvas  *canvas,
              JsonNode       *node,
              guint           index,
              const char     *display_name,
              GError        **error)
{
  g_autoptr(VentureCanvas) snapshot = NULL;
  g_autoptr(VentureVersion) version = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonArray *notes = NULL;
  const char *version_name = NULL;
  const char *title = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  Place place = { display_name, NULL, index };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid_version (error, display_name, index, _("it is not an object"));
      return NULL;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "name") == 0)
        {
          g_autoptr(GError) name_error = NULL;

          version_name = get_string (member);
          if (version_name == NULL)
            {
              set_invalid_version (error, display_name, index, _("“name” must be a string"));
              return NULL;
            }
          if (!venture_version_validate_name (version_name, &name_error))
            {
              set_invalid_version (error, display_name, index, "%s", name_error->message);
              return NULL;
            }
        }
      else if (strcmp (name, "created") == 0)
        {
          g_clear_pointer (&created, g_date_time_unref);
          created = read_date (member);
          if (created == NULL)
            {
              set_invalid_version (error, display_name, index,
                                   _("“created” must be a date and time such as 2026-03-01T09:30:00Z"));
              return NULL;
            }
        }
      else if (strcmp (name, "title") == 0)
        {
          g_autoptr(GError) title_error = NULL;

          title = get_string (member);
          if (title == NULL)
            {
              set_invalid_version (error, display_name, index, _("“title” must be a string"));
              return NULL;
            }
          if (!venture_validate_title (title, &title_error))
            {
              set_invalid_version (error, display_name, index, "%s", title_error->message);
              return NULL;
            }
        }
      else if (strcmp (name, "notes") == 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              set_invalid_version (error, display_name, index, _("“notes” must be a list"));
              return NULL;
            }
          notes = json_node_get_array (member);
        }
      else
        {
          if (!is_finite_tree (member))
            {
              g_autofree char *quoted = for_message (name);

              set_invalid_version (error, display_name, index,
                                   _("“%s” holds a number out of range"), quoted);
              return NULL;
            }
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, json_node_ref (member));
        }
    }

  if (version_name == NULL)
    {
      set_invalid_version (error, display_name, index, _("it has no “name”"));
      return NULL;
    }
  if (created == NULL)
    {
      set_invalid_version (error, display_name, index, _("it has no “created”"));
      return NULL;
    }
  if (venture_canvas_lookup_version (canvas, version_name) != NULL)
    {
      g_autofree char *quoted_version = for_message (version_name);

      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_DUPLICATE_VERSION,
                   _("“%s” is damaged: two versions are called “%s”"),
                   display_name, quoted_version);
      return NULL;
    }

  snapshot = venture_canvas_new (venture_canvas_get_template_id (canvas));
  if (title != NULL)
    venture_canvas_set_title (snapshot, title);

  place.version = version_name;
  if (!read_notes (snapshot, notes, &place, error))
    return NULL;

  version = venture_version_new (version_name, created, snapshot);
  if (extra != NULL)
    venture_version_set_extra (version, extra);

  return g_steal_pointer (&version);
}

static gboolean
read_versions (VentureCanvas  *canvas,
               JsonArray      *versions,
               const char     *display_name,
               GError        **error)
{
  guint n = json_array_get_length (versions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VentureVersion) version = NULL;

      version = read_version (canvas, json_array_get_element (versions, i), i, display_name, error);
      if (version == NULL)
        return FALSE;

      venture_canvas_insert_version (canvas, version, i);
    }

  return TRUE;
}

static VentureCanvas *
read_canvas (JsonNode    *root,
             const char  *display_name,
             JsonNode   **history,
             GError     **error)
{
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GError) template_error = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *notes = NULL;
  JsonNode *history_node = NULL;
  const char *format;
  const char *template_id;
  const char *title = NULL;
  gint64 version;
  JsonObjectIter iter;
  const char *name;
  JsonArray *versions = NULL;
  Place place = { NULL, };

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_CANVAS,
                   _("“%s” is not a Venture canvas: it holds a list or a single value, not an object"),
                   display_name);
      return NULL;
    }
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  format = member != NULL ? get_string (member) : NULL;
  if (g_strcmp0 (format, VENTURE_CANVAS_FILE_FORMAT) != 0)
    {
      g_autofree char *quoted_format = format != NULL ? for_message (format) : NULL;

      if (format != NULL)
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_CANVAS,
                     _("“%s” is not a Venture canvas: its format is “%s”"),
                     display_name, quoted_format);
      else
        g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_NOT_CANVAS,
                     _("“%s” is not a Venture canvas: it has no “format” member"),
                     display_name);
      return NULL;
    }

  /* Before anything else: a newer version may have changed the rest. */
  member = json_object_get_member (object, "version");
  if (member == NULL || !get_integer (member, &version) || version < 1)
    {
      set_invalid (error, display_name, _("“version” must be a whole number from 1"));
      return NULL;
    }
  if (version > VENTURE_CANVAS_FILE_VERSION)
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Venture (file version %d); update Venture to open it"),
                   display_name, (int) MIN (version, G_MAXINT));
      return NULL;
    }

  member = json_object_get_member (object, "template");
  template_id = member != NULL ? get_string (member) : NULL;
  if (template_id == NULL)
    {
      set_invalid (error, display_name, _("“template” must be the id of a canvas template"));
      return NULL;
    }
  if (venture_template_get_for_id (template_id, &template_error) == NULL)
    {
      g_autofree char *quoted_template = for_message (template_id);

      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_UNKNOWN_TEMPLATE,
                   _("“%s” uses the canvas template “%s”, which this version of Venture does not know"),
                   display_name, quoted_template);
      return NULL;
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "title") == 0)
        {
          g_autoptr(GError) title_error = NULL;

          title = get_string (member);
          if (title == NULL)
            {
              set_invalid (error, display_name, _("“title” must be a string"));
              return NULL;
            }
          if (!venture_validate_title (title, &title_error))
            {
              set_invalid (error, display_name, "%s", title_error->message);
              return NULL;
            }
        }
      else if (strcmp (name, "notes") == 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              set_invalid (error, display_name, _("“notes” must be a list"));
              return NULL;
            }
          notes = json_node_get_array (member);
        }
      else if (strcmp (name, "versions") == 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              set_invalid (error, display_name, _("“versions” must be a list"));
              return NULL;
            }
          versions = json_node_get_array (member);
        }
      else if (strcmp (name, "history") == 0)
        {
          if (!is_finite_tree (member))
            {
              set_invalid (error, display_name, _("“history” holds a number out of range"));
              return NULL;
            }
          history_node = member;
        }
      else if (!is_known (name, canvas_members, G_N_ELEMENTS (canvas_members)))
        {
          if (!is_finite_tree (member))
            {
              g_autofree char *quoted = for_message (name);

              set_invalid (error, display_name, _("“%s” holds a number out of range"), quoted);
              return NULL;
            }
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, json_node_copy (member));
        }
    }

  canvas = venture_canvas_new (template_id);
  if (title != NULL)
    venture_canvas_set_title (canvas, title);

  place.display_name = display_name;
  if (!read_notes (canvas, notes, &place, error))
    return NULL;

  if (versions != NULL && !read_versions (canvas, versions, display_name, error))
    return NULL;

  if (extra != NULL)
    venture_canvas_set_extra (canvas, extra);

  if (history != NULL)
    *history = history_node != NULL ? json_node_copy (history_node) : NULL;

  return g_steal_pointer (&canvas);
}

VentureCanvas *
venture_canvas_file_load_bytes (GBytes      *bytes,
                                const char  *display_name,
                                JsonNode   **history,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  ScanResult scanned;
  gssize big_number;
  gssize octal;
  gboolean surrogate;
  gsize offset = 0;
  gsize length;
  guint line, column;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (history != NULL)
    *history = NULL;

  data = g_bytes_get_data (bytes, &length);

  if (length > VENTURE_FILE_MAX_SIZE)
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_LARGE,
                   _("Could not open “%s”: it is larger than %u MiB, the most Venture reads"),
                   display_name, (guint) (VENTURE_FILE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (length == 0 || is_blank (data, length))
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  /* The UTF-8 is checked (json-glib does it again before parsing, the
   * whole text, with the same rules) only once something went wrong: bad
   * UTF-8 explains a file better than the scan's or the parser's
   * complaint about it, and a good file pays for one check, not two. */
  scanned = scan (data, length, VENTURE_FILE_MAX_DEPTH, &offset, &big_number);
  if (scanned != SCAN_OK && set_error_if_not_utf8 (error, display_name, data, length))
    return NULL;

  switch (scanned)
    {
    case SCAN_TOO_DEEP:
      locate (data, offset, &line, &column);
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_TOO_DEEP,
                   _("“%s” is nested deeper than %u levels at line %u, column %u, more than Venture reads"),
                   display_name, (guint) VENTURE_FILE_MAX_DEPTH, line, column);
      return NULL;

    case SCAN_NOT_JSON:
      locate (data, offset, &line, &column);
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_SYNTAX,
                   _("“%s” is not valid JSON: line %u, column %u: unexpected character “%c”"),
                   display_name, line, column, data[offset]);
      return NULL;

    case SCAN_OK:
    default:
      break;
    }

  surrogate = has_surrogate_escape (data, length, &octal);
  if (octal >= 0 && set_error_if_not_utf8 (error, display_name, data, length))
    return NULL;
  if (octal >= 0)
    {
      locate (data, octal, &line, &column);
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_SYNTAX,
                   _("“%s” is not valid JSON: line %u, column %u: unexpected character “%c”"),
                   display_name, line, column, data[octal]);
      return NULL;
    }

  /* Unknown members and the history keep the parser's objects and
   * arrays (json_node_copy() is shallow: a new node without a parent,
   * the same contents). Not an immutable parser: sealing every node
   * costs a tenth of the parse. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      if (set_error_if_not_utf8 (error, display_name, data, length))
        return NULL;
      set_syntax_error (error, display_name, parse_error->message);
      return NULL;
    }

  /* Only now: a syntax error further on explains the file better. */
  if (big_number >= 0)
    {
      locate (data, big_number, &line, &column);
      set_invalid (error, display_name, _("line %u, column %u: the number is too large"),
                   line, column);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if (surrogate && !is_utf8_tree (root))
    {
      g_set_error (error, VENTURE_FILE_ERROR, VENTURE_FILE_ERROR_INVALID_UTF8,
                   _("“%s” is damaged: it has a \\u escape that is not a character (a lone surrogate)"),
                   display_name);
      return NULL;
    }

  return read_canvas (root, display_name, history, error);
}

VentureCanvas *
venture_canvas_file_load (GFile         *file,
                          JsonNode     **history,
                          char         **etag,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VentureCanvas) canvas = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *loaded_etag = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (history != NULL)
    *history = NULL;

  bytes = venture_file_load_contents (file, VENTURE_FILE_MAX_SIZE, &loaded_etag,
                                      cancellable, error);
  if (bytes == NULL)
    return NULL;

  display_name = venture_file_get_display_name (file);
  canvas = venture_canvas_file_load_bytes (bytes, display_name, history, error);
  if (canvas == NULL)
    return NULL;

  if (etag != NULL)
    *etag = g_steal_pointer (&loaded_etag);

  return g_steal_pointer (&canvas);
}

/* Writing. Done by hand rather than with JsonGenerator: it fixes the
 * member order and the layout ("name": value, two spaces), and skips
 * building a second tree of the whole canvas. */

static void
write_indent (GString *out,
              guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
write_member_name (GString    *out,
                   gboolean   *first,
                   guint       level,
                   const char *name)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  write_indent (out, level);
  write_string (out, name);
  g_string_append (out, ": ");
}

static void
write_int (GString *out,
           gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* The shortest form that reads back as the same double, and still reads
 * as a double (1.0, not 1). */
static void
write_double (GString *out,
              double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

void
venture_json_write_node (GString  *out,
                         JsonNode *node,
                         guint     level)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        gboolean first = TRUE;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            write_member_name (out, &first, level + 1, name);
            venture_json_write_node (out, member, level + 1);
          }
        if (!first)
          write_indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_indent (out, level + 1);
            venture_json_write_node (out, json_array_get_element (array, i), level + 1);
          }
        if (n > 0)
          write_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          write_int (out, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_double (out, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_STRING)
          write_string (out, json_node_get_string (node));
        else
          g_string_append (out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
write_extra (GString            *out,
             gboolean           *first,
             guint               level,
             JsonObject         *extra,
             const char * const *known,
             gsize               n_known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      /* Never write a member twice, whatever was put there. */
      if (is_known (name, known, n_known))
        continue;
      write_member_name (out, first, level, name);
      venture_json_write_node (out, member, level);
    }
}

static void
write_note (GString     *out,
            VentureNote *note,
            guint        level)
{
  const char * const *segments;
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  write_member_name (out, &first, level + 1, "id");
  write_string (out, venture_note_get_id (note));
  write_member_name (out, &first, level + 1, "block");
  write_string (out, venture_note_get_block (note));
  write_member_name (out, &first, level + 1, "text");
  write_string (out, venture_note_get_text (note) ? venture_note_get_text (note) : "");
  write_member_name (out, &first, level + 1, "color");
  write_string (out, venture_note_get_color (note) ? venture_note_get_color (note)
                                                   : VENTURE_DEFAULT_COLOR);
  write_member_name (out, &first, level + 1, "x");
  write_int (out, venture_note_get_x (note));
  write_member_name (out, &first, level + 1, "y");
  write_int (out, venture_note_get_y (note));

  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    {
      const char *tag = venture_note_get_tag (note, kind);

      if (tag != NULL)
        {
          write_member_name (out, &first, level + 1, venture_tag_kind_to_member (kind));
          write_string (out, tag);
        }
    }

  segments = venture_note_get_segments (note);
  if (segments != NULL && segments[0] != NULL)
    {
      write_member_name (out, &first, level + 1, "segments");
      g_string_append_c (out, '[');
      for (guint i = 0; segments[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_indent (out, level + 2);
          write_string (out, segments[i]);
        }
      write_indent (out, level + 1);
      g_string_append_c (out, ']');
    }

  write_extra (out, &first, level + 1, venture_note_get_extra (note),
               note_members, G_N_ELEMENTS (note_members));

  write_indent (out, level);
  g_string_append_c (out, '}');
}

/* The `notes` member of an object at nesting @level. */
static void
write_notes (GString       *out,
             gboolean      *first,
             guint          level,
             VentureCanvas *canvas)
{
  guint n_notes = venture_canvas_get_n_notes (canvas);

  write_member_name (out, first, level, "notes");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_notes; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_indent (out, level + 1);
      write_note (out, venture_canvas_get_note (canvas, i), level + 1);
    }
  if (n_notes > 0)
    write_indent (out, level);
  g_string_append_c (out, ']');
}

/* Written only when there are some, so that a canvas without versions
 * reads and writes as before. */
static void
write_versions (GString       *out,
                gboolean      *first,
                VentureCanvas *canvas)
{
  guint n = venture_canvas_get_n_versions (canvas);

  if (n == 0)
    return;

  write_member_name (out, first, 1, "versions");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      VentureVersion *version = venture_canvas_get_version (canvas, i);
      VentureCanvas *snapshot = venture_version_get_canvas (version);
      GDateTime *date = venture_version_get_created (version);
      /* Not g_date_time_format (): %Y does not pad years before 1000. */
      g_autofree char *created = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                                  g_date_time_get_year (date),
                                                  g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date),
                                                  g_date_time_get_hour (date),
                                                  g_date_time_get_minute (date),
                                                  g_date_time_get_second (date));
      gboolean first_member = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      write_indent (out, 2);
      g_string_append_c (out, '{');
      write_member_name (out, &first_member, 3, "name");
      write_string (out, venture_version_get_name (version));
      write_member_name (out, &first_member, 3, "created");
      write_string (out, created);
      write_member_name (out, &first_member, 3, "title");
      write_string (out, venture_canvas_get_title (snapshot));
      write_notes (out, &first_member, 3, snapshot);
      write_extra (out, &first_member, 3, venture_version_get_extra (version),
                   version_members, G_N_ELEMENTS (version_members));
      write_indent (out, 2);
      g_string_append_c (out, '}');
    }
  write_indent (out, 1);
  g_string_append_c (out, ']');
}

GBytes *
venture_canvas_file_to_bytes (VentureCanvas *canvas,
                              JsonNode      *history)
{
  GString *out;
  gboolean first = TRUE;
  guint n_notes;

  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), NULL);

  n_notes = venture_canvas_get_n_notes (canvas);
  for (guint i = 0; i < venture_canvas_get_n_versions (canvas); i++)
    n_notes += venture_canvas_get_n_notes (venture_version_get_canvas (venture_canvas_get_version (canvas, i)));
  out = g_string_sized_new (256 + (gsize) n_notes * 256);

  g_string_append_c (out, '{');
  write_member_name (out, &first, 1, "format");
  write_string (out, VENTURE_CANVAS_FILE_FORMAT);
  write_member_name (out, &first, 1, "version");
  write_int (out, VENTURE_CANVAS_FILE_VERSION);
  write_member_name (out, &first, 1, "title");
  write_string (out, venture_canvas_get_title (canvas) ? venture_canvas_get_title (canvas) : "");
  write_member_name (out, &first, 1, "template");
  write_string (out, venture_canvas_get_template_id (canvas));

  write_notes (out, &first, 1, canvas);

  write_versions (out, &first, canvas);

  if (history != NULL)
    {
      write_member_name (out, &first, 1, "history");
      venture_json_write_node (out, history, 1);
    }

  write_extra (out, &first, 1, venture_canvas_get_extra (canvas),
               canvas_members, G_N_ELEMENTS (canvas_members));

  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

gboolean
venture_canvas_file_save (GFile          *file,
                          VentureCanvas  *canvas,
                          JsonNode       *history,
                          const char     *etag,
                          char          **new_etag,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (VENTURE_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = venture_canvas_file_to_bytes (canvas, history);
  data = g_bytes_get_data (bytes, &length);

  return venture_file_replace_contents (file, data, length, etag, new_etag, cancellable, error);
}
