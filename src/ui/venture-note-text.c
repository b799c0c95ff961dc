/* venture-note-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-note-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "venture-note-text.h"

/* Beyond this many distinct words the cache starts again, so a long
 * session with many texts cannot grow it without end. */
#define WORD_CACHE_LIMIT 8192
/* Font setups kept at once: the style's, and a few others a font
 * change leaves behind. */
#define SETUP_LIMIT 8

/* Glyphs in one font: an item of a shaped word (a word falls back to
 * other fonts, an emoji, by being several items), or what a line draws
 * in one font from x on. */
typedef struct
{
  PangoFont        *font;
  PangoGlyphString *glyphs;
  int               x;
} Run;

typedef struct
{
  GArray *pieces;   /* of Run, x from the word's start */
  int     width;    /* all in Pango units */
  int     ascent;
  int     descent;
} Word;

/* Words shaped with one font setup. Each block has a Pango context of
 * its own, all set up alike: they share their words. */
typedef struct
{
  int            ref_count;
  GHashTable    *words;
  PangoAttrList *no_attributes;
} WordCache;

/* A context's words, while its serial (font, scale, options) stays. */
typedef struct
{
  guint      serial;
  WordCache *cache;
} ContextWords;

typedef struct
{
  gsize start;   /* bytes of the text, without the spaces it broke at */
  gsize end;
  int   width;
  int   ascent;
  int   descent;
  guint first;   /* of its runs, or while laid out, of its words */
  guint n;
} Line;

/* A word as laid out on its line. */
typedef struct
{
  const Word *word;
  int         x;
} Placed;

struct _VentureNoteText
{
  PangoContext *context;
  guint         serial;
  char         *text;
  GArray       *lines;
  GArray       *runs;   /* of all lines, a line's in a row */
  int           height;
  gboolean      cut;    /* its last line ends in an ellipsis */
};

static void
clear_run (gpointer data)
{
  Run *run = data;

  g_clear_object (&run->font);
  g_clear_pointer (&run->glyphs, pango_glyph_string_free);
}

static void
word_free (gpointer data)
{
  Word *word = data;

  g_array_unref (word->pieces);
  g_free (word);
}

static void
word_cache_unref (gpointer data)
{
  WordCache *cache = data;

  if (--cache->ref_count > 0)
    return;

  g_hash_table_unref (cache->words);
  pango_attr_list_unref (cache->no_attributes);
  g_free (cache);
}

static void
context_words_free (gpointer data)
{
  ContextWords *link = data;

  g_clear_pointer (&link->cache, word_cache_unref);
  g_free (link);
}

/* Everything of a context that changes how a word is shaped. */
static char *
describe_setup (PangoContext *context)
{
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  const PangoMatrix *matrix = pango_context_get_matrix (context);
  PangoMatrix identity = PANGO_MATRIX_INIT;

  if (matrix == NULL)
    matrix = &identity;

  return g_strdup_printf ("%p|%s|%s|%g|%lu|%d|%d|%d|%g %g %g %g %g %g",
                          (gpointer) pango_context_get_font_map (context), font,
                          pango_language_to_string (pango_context_get_language (context)),
                          pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0,
                          pango_context_get_round_glyph_positions (context),
                          pango_context_get_base_gravity (context),
                          pango_context_get_gravity_hint (context),
                          matrix->xx, matrix->xy, matrix->yx, matrix->yy, matrix->x0, matrix->y0);
}

static WordCache *
word_cache_for (PangoContext *context)
{
  static GQuark quark;
  static GHashTable *caches_by_setup;
  ContextWords *link;

  if (quark == 0)
    {
      quark = g_quark_from_static_string ("venture-note-text-words");
      caches_by_setup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_cache_unref);
    }

  link = g_object_get_qdata (G_OBJECT (context), quark);
  if (link == NULL)
    {
      link = g_new0 (ContextWords, 1);
      g_object_set_qdata_full (G_OBJECT (context), quark, link, context_words_free);
    }

  if (link->cache == NULL || link->serial != pango_context_get_serial (context))
    {
      g_autofree char *setup = describe_setup (context);
      WordCache *cache = g_hash_table_lookup (caches_by_setup, setup);

      if (cache == NULL)
        {
          if (g_hash_table_size (caches_by_setup) >= SETUP_LIMIT)
            g_hash_table_remove_all (caches_by_setup);
          cache = g_new0 (WordCache, 1);
          cache->ref_count = 1;
          cache->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_free);
          cache->no_attributes = pango_attr_list_new ();
          g_hash_table_insert (caches_by_setup, g_steal_pointer (&setup), cache);
        }

      cache->ref_count++;
      g_clear_pointer (&link->cache, word_cache_unref);
      link->cache = cache;
      link->serial = pango_context_get_serial (context);
    }

  if (g_hash_table_size (link->cache->words) >= WORD_CACHE_LIMIT)
    g_hash_table_remove_all (link->cache->words);

  return link->cache;
}

static void
measure_word (Word *word)
{
  for (guint i = 0; i < word->pieces->len; i++)
    {
      Run *piece = &g_array_index (word->pieces, Run, i);
      PangoRectangle logical;

      pango_glyph_string_extents (piece->glyphs, piece->font, NULL, &logical);
      piece->x = word->width;
      word->width += logical.width;
      word->ascent = MAX (word->ascent, -logical.y);
      word->descent = MAX (word->descent, logical.y + logical.height);
    }
}

static PangoShapeFlags
shape_flags (PangoContext *context)
{
  return pango_context_get_round_glyph_positions (context) ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE;
}

static void
shape_alone (PangoContext *context,
             WordCache    *cache,
             Word         *word,
             const char   *text,
             gsize         length)
{
  GList *items;

  /* Pango's own itemizing and shaping, so font fallback is as in a layout. */
  items = pango_itemize (context, text, 0, (int) length, cache->no_attributes, NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      Run piece = { .x = 0 };

      piece.font = g_object_ref (item->analysis.font);
      piece.glyphs = pango_glyph_string_new ();
      pango_shape_with_flags (text + item->offset, item->length, text, (int) length,
                              &item->analysis, piece.glyphs, shape_flags (context));
      g_array_append_val (word->pieces, piece);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  measure_word (word);
}

/* The word in the cache, or a new one not yet shaped (no pieces). */
static Word *
find_word (WordCache  *cache,
           const char *text,
           gsize       length,
           gboolean   *is_new)
{
  char buffer[64];
  g_autofree char *long_key = NULL;
  char *key = buffer;
  Word *word;

  if (length >= sizeof buffer)
    key = long_key = g_malloc (length + 1);
  memcpy (key, text, length);
  key[length] = '\0';

  word = g_hash_table_lookup (cache->words, key);
  *is_new = word == NULL;
  if (word == NULL)
    {
      word = g_new0 (Word, 1);
      word->pieces = g_array_new (FALSE, TRUE, sizeof (Run));
      g_array_set_clear_func (word->pieces, clear_run);
      g_hash_table_insert (cache->words, long_key != NULL ? g_steal_pointer (&long_key) : g_strdup (key), word);
    }
  return word;
}

/* The script Pango gives a word itemized alone, when it gives the word
 * the same beside other words: a word whose letters are of one script
 * and that starts with a character choosing its own font (not a mark,
 * which joins the space before it, nor a no-break space, which keeps
 * the font before it). Else G_UNICODE_SCRIPT_INVALID_CODE: a word
 * without letters takes the script of the words before it. */
static GUnicodeScript
script_alone (const char *text,
              gsize       length)
{
  GUnicodeScript script = G_UNICODE_SCRIPT_INVALID_CODE;

  switch (g_unichar_type (g_utf8_get_char (text)))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACE_SEPARATOR:
      return G_UNICODE_SCRIPT_INVALID_CODE;
    default:
      break;
    }

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      GUnicodeScript own = g_unichar_get_script (g_utf8_get_char (p));

      if (own == G_UNICODE_SCRIPT_COMMON || own == G_UNICODE_SCRIPT_INHERITED || own == script)
        continue;
      if (script != G_UNICODE_SCRIPT_INVALID_CODE)
        return G_UNICODE_SCRIPT_INVALID_CODE;
      script = own;
    }

  return script;
}

/* A word a note brings that the cache lacks, at its place among the
 * words shaped together. */
typedef struct
{
  Word          *word;
  gsize          start;
  gsize          end;
  GUnicodeScript script;
  int            glyphs_after;   /* of the space after it */
  gboolean       failed;
} NewWord;

/* Each word's glyphs of an item, as a piece in the item's font. */
static void
split_at_spaces (PangoItem        *item,
                 PangoGlyphString *glyphs,
                 NewWord          *new_words,
                 guint             n_new_words,
                 guint            *current)
{
  int g = 0;

  while (g < glyphs->num_glyphs)
    {
      gsize cluster = (gsize) item->offset + (gsize) glyphs->log_clusters[g];
      NewWord *at;
      Run piece = { .x = 0 };
      int end;

      while (*current + 1 < n_new_words && cluster > new_words[*current].end)
        (*current)++;
      at = &new_words[*current];

      if (cluster < at->start || cluster >= at->end)
        {
          if (cluster == at->end)
            at->glyphs_after++;
          else
            at->failed = TRUE;  /* its start went into the space's cluster */
          g++;
          continue;
        }

      if (at->word->pieces->len == 0 && cluster != at->start)
        at->failed = TRUE;

      for (end = g + 1; end < glyphs->num_glyphs; end++)
        {
          gsize next = (gsize) item->offset + (gsize) glyphs->log_clusters[end];

          if (next < at->start || next >= at->end)
            break;
        }

      piece.font = g_object_ref (item->analysis.font);
      piece.glyphs = pango_glyph_string_new ();
      pango_glyph_string_set_size (piece.glyphs, end - g);
      memcpy (piece.glyphs->glyphs, glyphs->glyphs + g, sizeof (PangoGlyphInfo) * (gsize) (end - g));
      for (int i = g; i < end; i++)
        piece.glyphs->log_clusters[i - g] = (int) ((gsize) item->offset + (gsize) glyphs->log_clusters[i] - at->start);
      g_array_append_val (at->word->pieces, piece);
      g = end;
    }
}

/* Shaping costs much per call, so the words a note brings are shaped in
 * one pass, joined by single spaces as Pango shapes them in a line, and
 * split at the spaces. A word Pango would itemize or shape otherwise
 * beside the others is shaped alone after all. */
static void
shape_together (PangoContext *context,
                WordCache    *cache,
                const char   *joined,
                gsize         length,
                NewWord      *new_words,
                guint         n_new_words)
{
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  GList *items = pango_itemize (context, joined, 0, (int) length, cache->no_attributes, NULL);
  guint current = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      gsize item_start = (gsize) item->offset;
      gsize item_end = item_start + (gsize) item->length;

      for (guint i = 0; i < n_new_words; i++)
        if (new_words[i].start < item_end && item_start < new_words[i].end &&
            (int) item->analysis.script != (int) new_words[i].script)
          new_words[i].failed = TRUE;

      pango_shape_with_flags (joined + item->offset, item->length, joined, (int) length,
                              &item->analysis, glyphs, shape_flags (context));
      split_at_spaces (item, glyphs, new_words, n_new_words, &current);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  pango_glyph_string_free (glyphs);

  for (guint i = 0; i < n_new_words; i++)
    {
      NewWord *at = &new_words[i];

      if (at->failed || at->word->pieces->len == 0 || (i + 1 < n_new_words && at->glyphs_after != 1))
        {
          g_array_set_size (at->word->pieces, 0);
          shape_alone (context, cache, at->word, joined + at->start, at->end - at->start);
        }
      else
        measure_word (at->word);
    }
}

/* The words of @text the cache lacks, into @new_words and @joined to be
 * shaped together (a word with no script of its own is shaped at once,
 * alone); the text's words in order into @words, unless NULL. */
static void
collect_words (PangoContext *context,
               WordCache    *cache,
               const char   *text,
               GPtrArray    *words,
               GArray       *new_words,
               GString      *joined)
{
  for (const char *p = text; *p != '\0';)
    {
      const char *end;
      gboolean is_new;
      Word *word;

      if (*p == ' ' || *p == '\n')
        {
          p++;
          continue;
        }

      for (end = p; *end != '\0' && *end != ' ' && *end != '\n'; end++)
        ;
      word = find_word (cache, p, (gsize) (end - p), &is_new);
      if (words != NULL)
        g_ptr_array_add (words, word);

      if (is_new)
        {
          NewWord fresh = { word, 0, 0, script_alone (p, (gsize) (end - p)), 0, FALSE };

          if (fresh.script == G_UNICODE_SCRIPT_INVALID_CODE)
            shape_alone (context, cache, word, p, (gsize) (end - p));
          else
            {
              if (joined->len > 0)
                g_string_append_c (joined, ' ');
              fresh.start = joined->len;
              g_string_append_len (joined, p, end - p);
              fresh.end = joined->len;
              g_array_append_val (new_words, fresh);
            }
        }
      p = end;
    }
}

static void
shape_new_words (PangoContext *context,
                 WordCache    *cache,
                 GString      *joined,
                 GArray       *new_words)
{
  if (new_words->len == 1)
    shape_alone (context, cache, g_array_index (new_words, NewWord, 0).word, joined->str, joined->len);
  else if (new_words->len > 1)
    shape_together (context, cache, joined->str, joined->len, &g_array_index (new_words, NewWord, 0), new_words->len);
}

/* The text's words in order, all shaped. */
static GPtrArray *
shape_words (PangoContext *context,
             WordCache    *cache,
             const char   *text)
{
  GPtrArray *words = g_ptr_array_sized_new (16);
  g_autoptr(GArray) new_words = g_array_new (FALSE, FALSE, sizeof (NewWord));
  g_autoptr(GString) joined = g_string_new (NULL);

  collect_words (context, cache, text, words, new_words, joined);
  shape_new_words (context, cache, joined, new_words);

  return words;
}

/* Text whose lines may break elsewhere than at its spaces, or that does
 * not run left to right, is left to Pango. */
static gboolean
breaks_only_at_spaces (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\n' || c == 0x00A0)
        continue;

      switch (g_unichar_type (c))
        {
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_UNASSIGNED:
        case G_UNICODE_PRIVATE_USE:
        case G_UNICODE_SURROGATE:
        case G_UNICODE_SPACE_SEPARATOR:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR:
          return FALSE;
        default:
          break;
        }

      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_GREEK:
        case G_UNICODE_SCRIPT_CYRILLIC:
          break;
        default:
          return FALSE;
        }
    }

  return TRUE;
}

static Line *
start_line (VentureNoteText *self,
            gsize            start,
            guint            first_word)
{
  Line line = { .start = start, .end = start, .first = first_word };

  g_array_append_val (self->lines, line);
  return &g_array_index (self->lines, Line, self->lines->len - 1);
}

/* Spaces before a word or at the end of a line; they count in the
 * line's height, and in its width unless the line ends with them. */
static void
add_spaces (Line       *line,
            const Word *space,
            guint       n_spaces,
            gboolean    counted)
{
  if (n_spaces == 0)
    return;

  line->ascent = MAX (line->ascent, space->ascent);
  line->descent = MAX (line->descent, space->descent);
  if (counted)
    line->width += (int) n_spaces * space->width;
}

static void
place_word (Line       *line,
            GArray     *placed,
            const Word *word)
{
  Placed at = { word, line->width };

  g_array_append_val (placed, at);
  line->n++;
  line->ascent = MAX (line->ascent, word->ascent);
  line->descent = MAX (line->descent, word->descent);
  line->width += word->width;
}

/* A line's glyphs in one glyph string per font, so it draws as a few
 * text nodes rather than one per word. Spaces draw nothing, so they
 * are no glyphs: the glyph before a gap is as wide as the gap too. */
static void
make_runs (VentureNoteText *self,
           Line            *line,
           const Placed    *placed)
{
  guint first = self->runs->len;
  int run_end = 0;

  /* First the runs' sizes, so each glyph string is made once. */
  for (guint i = 0; i < line->n; i++)
    for (guint j = 0; j < placed[i].word->pieces->len; j++)
      {
        const Run *piece = &g_array_index (placed[i].word->pieces, Run, j);
        Run *run = self->runs->len > first ? &g_array_index (self->runs, Run, self->runs->len - 1) : NULL;

        if (run == NULL || run->font != piece->font)
          {
            Run fresh = { g_object_ref (piece->font), pango_glyph_string_new (), placed[i].x + piece->x };

            g_array_append_val (self->runs, fresh);
            run = &g_array_index (self->runs, Run, self->runs->len - 1);
          }
        run->glyphs->num_glyphs += piece->glyphs->num_glyphs;
      }

  for (guint r = first; r < self->runs->len; r++)
    {
      PangoGlyphString *glyphs = g_array_index (self->runs, Run, r).glyphs;
      int n_glyphs = glyphs->num_glyphs;

      glyphs->num_glyphs = 0;
      pango_glyph_string_set_size (glyphs, n_glyphs);
      memset (glyphs->log_clusters, 0, sizeof (int) * (gsize) n_glyphs);
      glyphs->num_glyphs = 0;
    }

  for (guint i = 0, r = first, j; i < line->n; i++)
    for (j = 0; j < placed[i].word->pieces->len; j++)
      {
        const Word *word = placed[i].word;
        const Run *piece = &g_array_index (word->pieces, Run, j);
        Run *run = &g_array_index (self->runs, Run, r);
        PangoGlyphString *glyphs;
        int x = placed[i].x + piece->x;

        if (run->font != piece->font)
          run = &g_array_index (self->runs, Run, ++r);
        glyphs = run->glyphs;

        if (glyphs->num_glyphs > 0)
          glyphs->glyphs[glyphs->num_glyphs - 1].geometry.width += x - run_end;
        memcpy (glyphs->glyphs + glyphs->num_glyphs, piece->glyphs->glyphs,
                sizeof (PangoGlyphInfo) * (gsize) piece->glyphs->num_glyphs);
        glyphs->num_glyphs += piece->glyphs->num_glyphs;
        run_end = placed[i].x + (j + 1 < word->pieces->len ? g_array_index (word->pieces, Run, j + 1).x : word->width);
      }

  line->first = first;
  line->n = self->runs->len - first;
}

/* Greedy: a word goes on the line if it fits, else it starts the next;
 * the spaces it broke at stay at the end of the line, as Pango keeps
 * them, unseen and not counted. */
/* The text from @line on, as one line cut after the last whole word that
 * fits with an ellipsis after it, as Pango ends a paragraph too tall for
 * the height it is given (Pango cuts between letters). Into @kept, as
 * words placed on it. FALSE when not even its first word fits. */
static gboolean
cut_line (VentureNoteText *self,
          WordCache       *cache,
          GArray          *placed,
          Line            *line,
          int              width,
          GArray          *kept)
{
  gboolean is_new;
  const Word *space = find_word (cache, " ", 1, &is_new);
  Word *ellipsis = find_word (cache, "\xe2\x80\xa6", 3, &is_new);
  const char *p = self->text + line->start;
  guint next = line->first;
  int x = 0;

  if (is_new)
    shape_alone (self->context, cache, ellipsis, "\xe2\x80\xa6", 3);

  line->width = 0;
  line->n = 0;
  while (*p != '\0')
    {
      const char *word_end;
      const Word *word;

      if (*p == ' ')
        {
          x += space->width;
          p++;
          continue;
        }
      for (word_end = p; *word_end != '\0' && *word_end != ' '; word_end++)
        ;
      word = g_array_index (placed, Placed, next++).word;
      if (x + word->width + ellipsis->width > width)
        break;
      g_array_append_val (kept, ((Placed) { word, x }));
      line->n++;
      line->ascent = MAX (line->ascent, word->ascent);
      line->descent = MAX (line->descent, word->descent);
      x += word->width;
      line->width = x;
      line->end = (gsize) (word_end - self->text);
      p = word_end;
    }
  if (line->n == 0)
    return FALSE;

  g_array_append_val (kept, ((Placed) { ellipsis, line->width }));
  line->n++;
  line->ascent = MAX (line->ascent, ellipsis->ascent);
  line->descent = MAX (line->descent, ellipsis->descent);
  line->width += ellipsis->width;

  return TRUE;
}

static gboolean
lay_out (VentureNoteText *self,
         WordCache       *cache,
         int              width,
         int              max_height)
{
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GPtrArray) words = shape_words (self->context, cache, self->text);
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), words->len);
  guint next_word = 0;
  gboolean space_is_new;
  Word *space = find_word (cache, " ", 1, &space_is_new);
  const char *p = self->text;
  Line *line = start_line (self, 0, 0);
  gboolean line_has_word = FALSE;
  guint n_spaces = 0;

  if (space_is_new)
    shape_alone (self->context, cache, space, " ", 1);
  line->ascent = space->ascent;
  line->descent = space->descent;

  for (;;)
    {
      const char *word_end;
      const Word *word;

      if (*p == ' ')
        {
          n_spaces++;
          p++;
          continue;
        }

      if (*p == '\n' || *p == '\0')
        {
          add_spaces (line, space, n_spaces, !line_has_word);
          if (!line_has_word && n_spaces > 0)
            line->end = (gsize) (p - self->text);
          n_spaces = 0;
          if (*p == '\0')
            break;
          p++;
          line = start_line (self, (gsize) (p - self->text), placed->len);
          line->ascent = space->ascent;
          line->descent = space->descent;
          line_has_word = FALSE;
          continue;
        }

      for (word_end = p; *word_end != '\0' && *word_end != ' ' && *word_end != '\n'; word_end++)
        ;
      word = g_ptr_array_index (words, next_word++);

      if (line_has_word && line->width + (int) n_spaces * space->width + word->width > width)
        {
          /* The spaces stay behind on the line they end. */
          add_spaces (line, space, n_spaces, FALSE);
          n_spaces = 0;
          line = start_line (self, (gsize) (p - self->text), placed->len);
          line_has_word = FALSE;
        }

      if (n_spaces * (gsize) space->width + (gsize) word->width > (gsize) width && !line_has_word)
        return FALSE;  /* Pango breaks inside the word */

      add_spaces (line, space, n_spaces, TRUE);
      n_spaces = 0;
      place_word (line, placed, word);
      line->end = (gsize) (word_end - self->text);
      line_has_word = TRUE;
      p = word_end;
    }

  /* Too tall: the lines that fit, the last of them cut. (Pango gives
   * each paragraph a line whatever the height: that is Pango's.) */
  if (max_height >= 0)
    {
      guint n_fit = 0;
      int height = 0;

      for (; n_fit < self->lines->len; n_fit++)
        {
          const Line *next = &g_array_index (self->lines, Line, n_fit);

          if (n_fit > 0 && height + next->ascent + next->descent > max_height)
            break;
          height += next->ascent + next->descent;
        }
      if (n_fit < self->lines->len)
        {
          if (strchr (self->text, '\n') != NULL)
            return FALSE;
          kept = g_array_new (FALSE, FALSE, sizeof (Placed));
          if (!cut_line (self, cache, placed, &g_array_index (self->lines, Line, n_fit - 1), width, kept))
            return FALSE;
          g_array_set_size (self->lines, n_fit);
          self->cut = TRUE;
        }
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *done = &g_array_index (self->lines, Line, i);

      if (kept != NULL && i + 1 == self->lines->len)
        make_runs (self, done, &g_array_index (kept, Placed, 0));
      else
        /* (an empty text places nothing: no pointer into no array) */
        make_runs (self, done, placed->len > 0 ? &g_array_index (placed, Placed, done->first) : NULL);
      self->height += done->ascent + done->descent;
    }

  return TRUE;
}

/**
 * venture_note_text_new:
 * @context: the context the note's text is drawn with
 * @text: the note's text
 * @width: the width of a line, in pixels
 *
 * Returns: (transfer full) (nullable): the laid out text, or %NULL when
 *   Pango would break or draw it otherwise (then a PangoLayout must)
 */
VentureNoteText *
venture_note_text_new (PangoContext *context,
                       const char   *text,
                       int           width)
{
  return venture_note_text_new_within (context, text, width, -1);
}

/**
 * venture_note_text_new_within:
 * @max_height: the height in pixels the text must fit in, or -1
 *
 * As venture_note_text_new(), but text taller than @max_height keeps
 * the lines that fit, the last one ending in an ellipsis after its last
 * whole word that fits (see venture_note_text_is_cut()).
 */
VentureNoteText *
venture_note_text_new_within (PangoContext *context,
                              const char   *text,
                              int           width,
                              int           max_height)
{
  g_autoptr(VentureNoteText) self = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!breaks_only_at_spaces (text))
    return NULL;

  self = g_new0 (VentureNoteText, 1);
  self->context = g_object_ref (context);
  self->serial = pango_context_get_serial (context);
  self->text = g_strdup (text);
  self->lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), 4);
  self->runs = g_array_sized_new (FALSE, TRUE, sizeof (Run), 4);
  g_array_set_clear_func (self->runs, clear_run);

  if (!lay_out (self, word_cache_for (context), width * PANGO_SCALE,
                max_height >= 0 ? max_height * PANGO_SCALE : -1))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * venture_note_text_prepare:
 * @texts: (array length=n_texts): texts to be laid out soon
 *
 * Shapes the words of @texts not yet shaped in @context's setup, all in
 * one pass: the notes of a block then cost one pass, not one each.
 */
void
venture_note_text_prepare (PangoContext       *context,
                           const char * const *texts,
                           guint               n_texts)
{
  WordCache *cache;
  g_autoptr(GArray) new_words = NULL;
  g_autoptr(GString) joined = NULL;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  cache = word_cache_for (context);
  new_words = g_array_new (FALSE, FALSE, sizeof (NewWord));
  joined = g_string_new (NULL);
  /* within the cache's limit, or the words would be gone before use */
  for (guint i = 0; i < n_texts && g_hash_table_size (cache->words) < WORD_CACHE_LIMIT / 2; i++)
    if (breaks_only_at_spaces (texts[i]))
      collect_words (context, cache, texts[i], NULL, new_words, joined);
  shape_new_words (context, cache, joined, new_words);
}

void
venture_note_text_free (VentureNoteText *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_free (self->text);
  g_array_unref (self->lines);
  g_array_unref (self->runs);
  g_free (self);
}

/* Whether it was laid out with this context as it is now. */
gboolean
venture_note_text_is_current (VentureNoteText *self,
                              PangoContext    *context)
{
  return self->context == context && self->serial == pango_context_get_serial (context);
}

/* In whole pixels, rounded up as pango_layout_get_pixel_size() does. */
int
venture_note_text_get_height (VentureNoteText *self)
{
  return PANGO_PIXELS_CEIL (self->height);
}

guint
venture_note_text_get_n_lines (VentureNoteText *self)
{
  return self->lines->len;
}

/* The text of a line, without the spaces it broke at (with its
 * ellipsis when it was cut). */
char *
venture_note_text_dup_line (VentureNoteText *self,
                            guint            line)
{
  const Line *info;
  g_autofree char *text = NULL;

  g_return_val_if_fail (line < self->lines->len, NULL);

  info = &g_array_index (self->lines, Line, line);
  text = g_strndup (self->text + info->start, info->end - info->start);
  if (self->cut && line + 1 == self->lines->len)
    return g_strconcat (text, "\xe2\x80\xa6", NULL);
  return g_steal_pointer (&text);
}

gboolean
venture_note_text_is_cut (VentureNoteText *self)
{
  return self->cut;
}

/* In Pango units, without the spaces the line broke at. */
int
venture_note_text_get_line_width (VentureNoteText *self,
                                  guint            line)
{
  g_return_val_if_fail (line < self->lines->len, 0);

  return g_array_index (self->lines, Line, line).width;
}

void
venture_note_text_snapshot (VentureNoteText *self,
                            GtkSnapshot     *snapshot,
                            const GdkRGBA   *color)
{
  int top = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);
      float baseline = (float) (top + line->ascent) / PANGO_SCALE;

      for (guint j = line->first; j < line->first + line->n; j++)
        {
          const Run *run = &g_array_index (self->runs, Run, j);
          GskRenderNode *node;

          /* NULL when nothing in it shows (no-break spaces alone). */
          node = gsk_text_node_new (run->font, run->glyphs, color,
                                    &GRAPHENE_POINT_INIT ((float) run->x / PANGO_SCALE, baseline));
          if (node != NULL)
            {
              gtk_snapshot_append_node (snapshot, node);
              gsk_render_node_unref (node);
            }
        }
      top += line->ascent + line->descent;
    }
}

/* The same drawing as venture_note_text_snapshot(), straight onto @cr
 * (GSK draws a text node with pango_cairo_show_glyph_string() too),
 * leaving out the lines wholly outside @top to @bottom, or that do not
 * reach @visible (the device pixels that show, or NULL): a crowded block
 * paints its notes where they show, often a sliver of each. */
/* Whether any of the rectangle, in @cr's user space, shows in @visible,
 * @cr's device pixels (a note drawn under others shows in few). */
gboolean
venture_note_text_shows_in (cairo_t              *cr,
                            const cairo_region_t *visible,
                            double                left,
                            double                top,
                            double                right,
                            double                bottom)
{
  cairo_rectangle_int_t pixels;

  cairo_user_to_device (cr, &left, &top);
  cairo_user_to_device (cr, &right, &bottom);
  pixels.x = (int) floor (left);
  pixels.y = (int) floor (top);
  pixels.width = (int) ceil (right) - pixels.x;
  pixels.height = (int) ceil (bottom) - pixels.y;

  return cairo_region_contains_rectangle (visible, &pixels) != CAIRO_REGION_OVERLAP_OUT;
}

void
venture_note_text_draw (VentureNoteText      *self,
                        cairo_t              *cr,
                        const GdkRGBA        *color,
                        double                top,
                        double                bottom,
                        const cairo_region_t *visible)
{
  int line_top = 0;

  gdk_cairo_set_source_rgba (cr, color);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);
      int height = line->ascent + line->descent;
      /* glyphs may reach a little past their line: half a line is ample */
      double reach_top = (double) (line_top - height / 2) / PANGO_SCALE;
      double reach_bottom = (double) (line_top + height + height / 2) / PANGO_SCALE;

      if (reach_bottom >= top && reach_top <= bottom &&
          (visible == NULL ||
           venture_note_text_shows_in (cr, visible, -(double) height / PANGO_SCALE, reach_top,
                     (double) (line->width + height) / PANGO_SCALE, reach_bottom)))
        for (guint j = line->first; j < line->first + line->n; j++)
          {
            const Run *run = &g_array_index (self->runs, Run, j);

            cairo_save (cr);
            cairo_translate (cr, (double) run->x / PANGO_SCALE, (double) (line_top + line->ascent) / PANGO_SCALE);
            pango_cairo_show_glyph_string (cr, run->font, run->glyphs);
            cairo_restore (cr);
          }
      line_top += height;
    }
}
