/* test-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "venture-canvas.h"
#include "venture-note.h"
#include "venture-validate.h"

/* Counts GObject::notify per property name. */
typedef struct {
  GHashTable *counts;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static void
notify_log_init (NotifyLog   *log,
                 VentureNote *note)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (note, "notify", G_CALLBACK (on_notify), log);
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
notify_log_clear (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

static void
test_note_defaults (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");

  g_assert_cmpstr (venture_note_get_id (note), ==, "n-1");
  g_assert_cmpstr (venture_note_get_block (note), ==, "channels");
  g_assert_cmpstr (venture_note_get_text (note), ==, "");
  g_assert_cmpstr (venture_note_get_color (note), ==, "yellow");
  g_assert_cmpint (venture_note_get_x (note), ==, 0);
  g_assert_cmpint (venture_note_get_y (note), ==, 0);
  g_assert_null (venture_note_get_relationship (note));
  g_assert_null (venture_note_get_stage (note));
  g_assert_null (venture_note_get_strategy (note));
  for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
    g_assert_null (venture_note_get_tag (note, kind));
  g_assert_null (venture_note_get_segments (note));
  g_assert_null (venture_note_get_extra (note));
}

static void
test_note_properties (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "customer-relationships");
  const char *segments[] = { "n-seg", NULL };
  g_autofree char *id = NULL, *block = NULL, *text = NULL, *color = NULL;
  g_autofree char *relationship = NULL, *stage = NULL, *strategy = NULL;
  g_auto(GStrv) segments_value = NULL;
  int x, y;

  venture_note_set_text (note, "Self-service repair clinics");
  venture_note_set_color (note, "green");
  venture_note_set_position (note, 120, 340);
  venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, "self-service");
  venture_note_set_tag (note, VENTURE_TAG_STAGE, "retention");
  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "seo");
  venture_note_set_segments (note, segments);

  g_object_get (note,
                "id", &id, "block", &block, "text", &text, "color", &color,
                "x", &x, "y", &y, "relationship", &relationship, "stage", &stage,
                "strategy", &strategy, "segments", &segments_value,
                NULL);

  g_assert_cmpstr (id, ==, "n-1");
  g_assert_cmpstr (block, ==, "customer-relationships");
  g_assert_cmpstr (text, ==, "Self-service repair clinics");
  g_assert_cmpstr (color, ==, "green");
  g_assert_cmpint (x, ==, 120);
  g_assert_cmpint (y, ==, 340);
  g_assert_cmpstr (relationship, ==, "self-service");
  g_assert_cmpstr (stage, ==, "retention");
  g_assert_cmpstr (strategy, ==, "seo");
  g_assert_true (g_strv_equal ((const char * const *) segments_value, segments));

  /* Read-only from outside, every one of them. */
  {
    const char *names[] = { "id", "block", "text", "color", "x", "y", "relationship",
                            "stage", "strategy", "segments" };
    guint n_pspecs;

    g_free (g_object_class_list_properties (G_OBJECT_GET_CLASS (note), &n_pspecs));

    g_assert_cmpuint (n_pspecs, ==, G_N_ELEMENTS (names));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (note), names[i]);

        g_assert_nonnull (pspec);
        g_assert_true (pspec->flags & G_PARAM_READABLE);
        g_assert_false (pspec->flags & G_PARAM_WRITABLE);
        g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      }
  }
}

static void
test_note_builders_notify (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  const char *segments[] = { "a", "b", NULL };
  const char *same_segments[] = { "a", "b", NULL };
  const char *empty[] = { NULL };
  NotifyLog log;

  notify_log_init (&log, note);

  venture_note_set_text (note, "");
  venture_note_set_color (note, "yellow");
  venture_note_set_position (note, 0, 0);
  venture_note_set_tag (note, VENTURE_TAG_STAGE, NULL);
  venture_note_set_segments (note, NULL);
  venture_note_set_segments (note, empty);
  g_assert_cmpuint (notify_total (&log), ==, 0);

  venture_note_set_text (note, "Blog");
  venture_note_set_text (note, "Blog");
  g_assert_cmpuint (notify_count (&log, "text"), ==, 1);

  venture_note_set_color (note, "blue");
  venture_note_set_color (note, "blue");
  g_assert_cmpuint (notify_count (&log, "color"), ==, 1);

  venture_note_set_position (note, 5, 0);
  g_assert_cmpuint (notify_count (&log, "x"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "y"), ==, 0);
  venture_note_set_position (note, 5, 7);
  venture_note_set_position (note, 5, 7);
  g_assert_cmpuint (notify_count (&log, "x"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "y"), ==, 1);

  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "seo");
  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "seo");
  g_assert_cmpuint (notify_count (&log, "strategy"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "stage"), ==, 0);
  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, NULL);
  g_assert_cmpuint (notify_count (&log, "strategy"), ==, 2);
  g_assert_null (venture_note_get_strategy (note));

  venture_note_set_segments (note, segments);
  venture_note_set_segments (note, same_segments);
  g_assert_cmpuint (notify_count (&log, "segments"), ==, 1);
  /* A copy, not the caller's vector. */
  g_assert_true (venture_note_get_segments (note) != segments);
  venture_note_set_segments (note, empty);
  g_assert_cmpuint (notify_count (&log, "segments"), ==, 2);
  g_assert_null (venture_note_get_segments (note));

  g_assert_cmpuint (notify_total (&log), ==, 8);
  notify_log_clear (&log);
  g_hash_table_unref (log.counts);
}

static void
test_note_unknown_ids_kept (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("note from the future", "problem");
  const char *segments[] = { "not-a-note", NULL };

  venture_note_set_color (note, "ultraviolet");
  venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, "telepathy");
  venture_note_set_tag (note, VENTURE_TAG_STAGE, "afterlife");
  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "skywriting");
  venture_note_set_segments (note, segments);

  g_assert_cmpstr (venture_note_get_id (note), ==, "note from the future");
  g_assert_cmpstr (venture_note_get_block (note), ==, "problem");
  g_assert_cmpstr (venture_note_get_color (note), ==, "ultraviolet");
  g_assert_cmpstr (venture_note_get_relationship (note), ==, "telepathy");
  g_assert_cmpstr (venture_note_get_stage (note), ==, "afterlife");
  g_assert_cmpstr (venture_note_get_strategy (note), ==, "skywriting");
  g_assert_cmpstr (venture_note_get_segments (note)[0], ==, "not-a-note");
}

static VentureNote *
make_full_note (const char *id)
{
  VentureNote *note = venture_note_new (id, "customer-relationships");
  const char *segments[] = { "n-a", "n-b", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  venture_note_set_text (note, "Dedicated mechanic\nby appointment");
  venture_note_set_color (note, "purple");
  venture_note_set_position (note, 1000, 999);
  venture_note_set_tag (note, VENTURE_TAG_RELATIONSHIP, "dedicated-assistance");
  venture_note_set_tag (note, VENTURE_TAG_STAGE, "retention");
  venture_note_set_tag (note, VENTURE_TAG_STRATEGY, "cold-calling");
  venture_note_set_segments (note, segments);

  json_parser_load_from_data (parser, "{\"future\": {\"list\": [1, {\"deep\": true}]}, \"z\": null}",
                              -1, &error);
  g_assert_no_error (error);
  venture_note_set_extra (note, json_node_get_object (json_parser_get_root (parser)));

  return note;
}

static void
test_note_copy (void)
{
  g_autoptr(VentureNote) note = make_full_note ("n-1");
  g_autoptr(VentureNote) copy = venture_note_copy (note, "n-2");
  g_autoptr(VentureNote) same = venture_note_copy (note, NULL);
  JsonObject *future;

  g_assert_cmpstr (venture_note_get_id (copy), ==, "n-2");
  g_assert_false (venture_note_equal (note, copy));
  g_assert_cmpstr (venture_note_get_id (same), ==, "n-1");
  g_assert_true (venture_note_equal (note, same));

  g_assert_cmpstr (venture_note_get_block (copy), ==, "customer-relationships");
  g_assert_cmpstr (venture_note_get_text (copy), ==, "Dedicated mechanic\nby appointment");
  g_assert_cmpstr (venture_note_get_color (copy), ==, "purple");
  g_assert_cmpint (venture_note_get_x (copy), ==, 1000);
  g_assert_cmpint (venture_note_get_y (copy), ==, 999);
  g_assert_cmpstr (venture_note_get_relationship (copy), ==, "dedicated-assistance");
  g_assert_cmpstr (venture_note_get_stage (copy), ==, "retention");
  g_assert_cmpstr (venture_note_get_strategy (copy), ==, "cold-calling");
  g_assert_true (g_strv_equal (venture_note_get_segments (copy),
                               (const char *[]) { "n-a", "n-b", NULL }));
  g_assert_true (venture_note_get_segments (copy) != venture_note_get_segments (note));

  /* Deep: changing the copy's extra members leaves the original alone. */
  g_assert_true (venture_note_get_extra (copy) != venture_note_get_extra (note));
  future = json_object_get_object_member (venture_note_get_extra (same), "future");
  g_assert_true (future != json_object_get_object_member (venture_note_get_extra (note), "future"));
  json_object_set_int_member (future, "added", 1);
  g_assert_false (venture_note_equal (note, same));
  g_assert_false (json_object_has_member (json_object_get_object_member (venture_note_get_extra (note),
                                                                         "future"),
                                          "added"));
  /* In the same order. */
  {
    g_autoptr(GList) members = json_object_get_members (venture_note_get_extra (copy));

    g_assert_cmpuint (g_list_length (members), ==, 2);
    g_assert_cmpstr (members->data, ==, "future");
    g_assert_cmpstr (members->next->data, ==, "z");
  }
}

static void
test_note_equal (void)
{
  g_autoptr(VentureNote) note = make_full_note ("n-1");
  g_autoptr(JsonObject) empty = json_object_new ();
  const char *other_segments[] = { "n-b", "n-a", NULL };

  g_assert_true (venture_note_equal (note, note));

  /* Each field on its own makes a difference. */
  for (guint field = 0; field < 10; field++)
    {
      g_autoptr(VentureNote) copy = venture_note_copy (note, field == 0 ? "n-other" : NULL);

      g_assert_true (field == 0 || venture_note_equal (note, copy));
      switch (field)
        {
        case 0: break;
        case 1: venture_note_set_text (copy, "Dedicated mechanic"); break;
        case 2: venture_note_set_color (copy, "yellow"); break;
        case 3: venture_note_set_position (copy, 0, 999); break;
        case 4: venture_note_set_position (copy, 1000, 0); break;
        case 5: venture_note_set_tag (copy, VENTURE_TAG_RELATIONSHIP, NULL); break;
        case 6: venture_note_set_tag (copy, VENTURE_TAG_STAGE, "upselling"); break;
        case 7: venture_note_set_tag (copy, VENTURE_TAG_STRATEGY, "seo"); break;
        case 8: venture_note_set_segments (copy, other_segments); break;
        case 9: venture_note_set_extra (copy, NULL); break;
        default:
          g_assert_not_reached ();
        }
      g_assert_false (venture_note_equal (note, copy));
      g_assert_false (venture_note_equal (copy, note));
    }

  /* The block: a note built alike elsewhere differs only there. */
  {
    g_autoptr(VentureNote) twin = make_full_note ("n-1");
    g_autoptr(VentureNote) elsewhere = venture_note_new ("n-1", "channels");

    g_assert_true (venture_note_equal (note, twin));
    venture_note_set_text (elsewhere, venture_note_get_text (note));
    venture_note_set_color (elsewhere, venture_note_get_color (note));
    venture_note_set_position (elsewhere, 1000, 999);
    for (guint kind = 0; kind < VENTURE_N_TAG_KINDS; kind++)
      venture_note_set_tag (elsewhere, kind, venture_note_get_tag (note, kind));
    venture_note_set_segments (elsewhere, venture_note_get_segments (note));
    venture_note_set_extra (elsewhere, venture_note_get_extra (note));
    g_assert_false (venture_note_equal (note, elsewhere));
  }

  /* No extra members and an empty object of them are the same. */
  {
    g_autoptr(VentureNote) a = venture_note_new ("n", "channels");
    g_autoptr(VentureNote) b = venture_note_new ("n", "channels");

    venture_note_set_extra (a, empty);
    g_assert_true (venture_note_equal (a, b));
    g_assert_true (venture_note_equal (b, a));
  }
}

static void
test_note_builders_refuse_held (void)
{
  g_autoptr(VentureCanvas) canvas = venture_canvas_new ("business-model-canvas");
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");

  venture_canvas_append_note (canvas, note);

  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_text (note, "sneaky");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_color (note, "red");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_position (note, 1, 1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_tag (note, VENTURE_TAG_STAGE, "retention");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_segments (note, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*canvas == NULL*");
  venture_note_set_extra (note, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (venture_note_get_text (note), ==, "");
  g_assert_cmpstr (venture_note_get_color (note), ==, "yellow");
  g_assert_cmpint (venture_note_get_x (note), ==, 0);

  /* Free again once removed. */
  venture_canvas_remove_note (canvas, note);
  venture_note_set_text (note, "fine now");
  g_assert_cmpstr (venture_note_get_text (note), ==, "fine now");
}

static void
test_note_builders_refuse_invalid (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  g_autofree char *too_long = g_strnfill (VENTURE_NOTE_TEXT_MAX + 1, 'x');
  const char *bad_segments[] = { "ok", "", NULL };

  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_text*");
  venture_note_set_text (note, "bad \xff utf-8");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_text*");
  venture_note_set_text (note, too_long);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_text*");
  venture_note_set_text (note, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  venture_note_set_color (note, "");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_position*");
  venture_note_set_position (note, 1001, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_position*");
  venture_note_set_position (note, 0, -1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_tag*");
  venture_note_set_tag (note, VENTURE_TAG_STAGE, "");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*kind < VENTURE_N_TAG_KINDS*");
  venture_note_set_tag (note, VENTURE_N_TAG_KINDS, "x");
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_segments*");
  venture_note_set_segments (note, bad_segments);
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  g_assert_null (venture_note_new ("", "channels"));
  g_test_assert_expected_messages ();
  g_test_expect_message ("venture-note", G_LOG_LEVEL_CRITICAL, "*validate_id*");
  g_assert_null (venture_note_new ("n-2", NULL));
  g_test_assert_expected_messages ();

  g_assert_cmpstr (venture_note_get_text (note), ==, "");
  g_assert_cmpint (venture_note_get_y (note), ==, 0);
  g_assert_null (venture_note_get_segments (note));
}

static void
test_note_text_limits (void)
{
  g_autoptr(VentureNote) note = venture_note_new ("n-1", "channels");
  g_autofree char *longest = g_strnfill (VENTURE_NOTE_TEXT_MAX, 'x');
  GString *wide = g_string_new (NULL);
  g_autofree char *wide_text = NULL;

  venture_note_set_text (note, longest);
  g_assert_cmpuint (strlen (venture_note_get_text (note)), ==, VENTURE_NOTE_TEXT_MAX);

  /* Characters, not bytes: 10,000 four-byte characters are fine. */
  for (guint i = 0; i < VENTURE_NOTE_TEXT_MAX; i++)
    g_string_append (wide, "\xf0\x9f\x9a\xb2");  /* U+1F6B2 BICYCLE */
  wide_text = g_string_free (wide, FALSE);
  venture_note_set_text (note, wide_text);
  g_assert_cmpstr (venture_note_get_text (note), ==, wide_text);
}

static void
test_validate_helpers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (VENTURE_NOTE_TEXT_MAX, 'x');
  g_autofree char *too_long = g_strnfill (VENTURE_NOTE_TEXT_MAX + 1, 'x');
  g_autofree char *long_title = g_strnfill (VENTURE_TITLE_MAX + 1, 't');

  g_assert_true (venture_validate_id ("n-3f2a", &error));
  g_assert_true (venture_validate_id ("an id from a newer version, with spaces", NULL));
  g_assert_true (venture_validate_id ("caf\xc3\xa9", NULL));
  g_assert_no_error (error);

  g_assert_false (venture_validate_id (NULL, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID);
  g_clear_error (&error);
  g_assert_false (venture_validate_id ("", &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID);
  g_clear_error (&error);
  g_assert_false (venture_validate_id ("\xc3", &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID);
  g_clear_error (&error);

  g_assert_true (venture_validate_tag (NULL, NULL));
  g_assert_true (venture_validate_tag ("retention", NULL));
  g_assert_false (venture_validate_tag ("", &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID);
  g_clear_error (&error);

  g_assert_true (venture_validate_segments (NULL, NULL));
  g_assert_true (venture_validate_segments ((const char *[]) { NULL }, NULL));
  g_assert_true (venture_validate_segments ((const char *[]) { "a", "b", NULL }, NULL));
  g_assert_false (venture_validate_segments ((const char *[]) { "a", "", NULL }, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_ID);
  g_clear_error (&error);

  g_assert_true (venture_validate_text ("", NULL));
  g_assert_true (venture_validate_text (longest, NULL));
  g_assert_false (venture_validate_text (too_long, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "10001"));
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);
  g_assert_false (venture_validate_text ("a\xed\xa0\x80", &error));  /* a surrogate */
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_UTF8);
  g_clear_error (&error);
  g_assert_false (venture_validate_text (NULL, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  g_assert_true (venture_validate_title ("Bike clinic", NULL));
  g_assert_true (venture_validate_title ("", NULL));
  g_assert_false (venture_validate_title (long_title, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_false (venture_validate_title ("\xff", &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  g_assert_true (venture_validate_position (0, NULL));
  g_assert_true (venture_validate_position (VENTURE_POSITION_MAX, NULL));
  g_assert_false (venture_validate_position (-1, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "-1"));
  g_clear_error (&error);
  g_assert_false (venture_validate_position (1001, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (venture_validate_position (G_MAXINT64, &error));
  g_assert_error (error, VENTURE_VALIDATE_ERROR, VENTURE_VALIDATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (venture_validate_position ((gint64) G_MAXUINT32 + 5, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venture/note/defaults", test_note_defaults);
  g_test_add_func ("/venture/note/properties", test_note_properties);
  g_test_add_func ("/venture/note/builders-notify", test_note_builders_notify);
  g_test_add_func ("/venture/note/unknown-ids-kept", test_note_unknown_ids_kept);
  g_test_add_func ("/venture/note/copy", test_note_copy);
  g_test_add_func ("/venture/note/equal", test_note_equal);
  g_test_add_func ("/venture/note/builders-refuse-held", test_note_builders_refuse_held);
  g_test_add_func ("/venture/note/builders-refuse-invalid", test_note_builders_refuse_invalid);
  g_test_add_func ("/venture/note/text-limits", test_note_text_limits);
  g_test_add_func ("/venture/validate/helpers", test_validate_helpers);

  return g_test_run ();
}
