/* venture-test-canvases.h: example canvases built in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "venture-canvas.h"

G_BEGIN_DECLS

typedef struct {
  const char *block;
  const char *text;
  const char *color;          /* NULL: the default */
  const char *relationship;
  const char *stage;
  const char *strategy;
} VentureTestNote;

/* Places the notes block by block in a loose grid, as people do. */
VentureCanvas *venture_test_canvas_new          (const char            *title,
                                                 const VentureTestNote *notes,
                                                 guint                  n_notes);
/* The two real canvases of the domain brief. */
VentureCanvas *venture_test_canvas_productivity (void);
VentureCanvas *venture_test_canvas_bike_clinic  (void);
/* n_notes spread over every block, with tags and colours. */
VentureCanvas *venture_test_canvas_generated    (guint                  n_notes);

/* Runs a command-line tool (pdftotext, pdfinfo, xmllint...) on a file the
 * test wrote and returns what it printed; fails the test if it fails.
 * The arguments end with NULL. */
char          *venture_test_run_tool            (const char            *first,
                                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
