/* venture-test-ui.h: helpers shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Initialises GTK for tests and registers a real, non-unique
 * VentureApplication (so its stylesheet and actions are there). */
void     venture_test_ui_init            (int         *argc,
                                          char      ***argv);
GApplication *venture_test_get_application (void);
/* Iterates the main loop until @widget has been drawn at least once, or
 * fails the test after a bounded time. */
void     venture_test_wait_for_frame     (GtkWidget   *widget);
/* Iterates the main loop until @condition returns TRUE, failing after a
 * bounded time. */
void     venture_test_wait_until         (gboolean   (*condition) (gpointer data),
                                          gpointer     data);
/* Renders @widget with GTK's own renderer to NAME.png in the build dir and
 * returns the path. */
char    *venture_test_save_screenshot    (GtkWidget   *widget,
                                          const char  *name);
void     venture_test_iterate            (guint        milliseconds);
/* Destroys @window and fails the test unless it is then finalized:
 * nothing the window made may keep it alive. */
void     venture_test_close_window       (GtkWindow   *window);
/* Fails the test if a block title under @widget breaks its line inside a
 * word; returns how many titles it checked. */
guint    venture_test_assert_block_titles_break_between_words (GtkWidget *widget,
                                                               int        window_width);

/* Fails the test if a header of the relationship mix under @widget is cut
 * off; returns how many headers it checked. */
guint    venture_test_assert_mix_headers_whole (GtkWidget *widget);

G_END_DECLS
