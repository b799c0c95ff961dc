/* venture-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "venture-application.h"
#include "venture-test-ui.h"

/* Generous: under a sanitizer on a loaded machine a frame can take
 * seconds. A wait that passes returns as soon as it can. */
#define WAIT_LIMIT_US (60 * G_USEC_PER_SEC)

static GApplication *test_application;

void
venture_test_ui_init (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  /* Drafts, recent files and the like of one run never meet another's. */
  data_home = g_dir_make_tmp ("venture-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (argc, argv, NULL);

  test_application = G_APPLICATION (venture_application_new ());
  g_application_set_flags (test_application,
                           g_application_get_flags (test_application) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (test_application, NULL, &error));
  g_assert_no_error (error);
}

GApplication *
venture_test_get_application (void)
{
  return test_application;
}

void
venture_test_iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
venture_test_wait_until (gboolean (*condition) (gpointer data),
                         gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Condition not reached within %d s", (int) (WAIT_LIMIT_US / G_USEC_PER_SEC));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
venture_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  venture_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  venture_test_wait_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

char *
venture_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* A widget between two layouts draws nothing: on a loaded machine that
   * can be the moment asked for, so give it a few frames. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      venture_test_wait_for_frame (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

/* Where the title's lines break: only where the text allows it, at a
 * space, after a hyphen or at a soft hyphen the translation put between
 * the parts of a compound ("Schlüssel­partner"). Pango breaks a word that
 * does not fit anywhere else, which read "Schlüsselpartne-r". */
static void
assert_title_breaks_between_words (GtkLabel *title,
                                   int       window_width)
{
  PangoLayout *layout = gtk_label_get_layout (title);
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      gunichar before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));

      if (before != ' ' && before != '-' && before != 0x00AD)
        g_error ("At %d px, the block header “%s” breaks in a word, after “%.*s”",
                 window_width, gtk_label_get_label (title), line->start_index, text);
    }
}

guint
venture_test_assert_block_titles_break_between_words (GtkWidget *widget,
                                         int        window_width)
{
  guint n_titles = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "block-title"))
    {
      assert_title_breaks_between_words (GTK_LABEL (widget), window_width);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_titles += venture_test_assert_block_titles_break_between_words (child, window_width);

  return n_titles;
}

/* Every header of the relationship mix shows its whole short label. */
guint
venture_test_assert_mix_headers_whole (GtkWidget *widget)
{
  guint n_headers = 0;

  if (gtk_widget_has_css_class (widget, "mix-header"))
    {
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (widget));
      GtkWidget *label = gtk_widget_get_last_child (box);

      g_assert_true (GTK_IS_LABEL (label));
      /* A header not laid out yet says nothing about its size. */
      g_assert_cmpint (gtk_widget_get_width (label), >, 0);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        g_error ("The mix panel header “%s” is cut to %d px", gtk_label_get_label (GTK_LABEL (label)),
                 gtk_widget_get_width (label));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_headers += venture_test_assert_mix_headers_whole (child);

  return n_headers;
}

void
venture_test_close_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  venture_test_iterate (50);
  g_assert_finalize_object (window);
}
