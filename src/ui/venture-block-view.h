/* venture-block-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "venture-template.h"

G_BEGIN_DECLS

#define VENTURE_TYPE_BLOCK_VIEW (venture_block_view_get_type ())

/* One block of the canvas: its title, a "+" button, its guiding
 * questions while it is empty, and its notes placed freely. A note's x
 * and y (0..1000) are thousandths of the room it can move in, so a note
 * never leaves its block whatever the block's size or the zoom. */
G_DECLARE_FINAL_TYPE (VentureBlockView, venture_block_view, VENTURE, BLOCK_VIEW, GtkWidget)

GtkWidget  *venture_block_view_new          (const VentureBlockInfo *info);
const char *venture_block_view_get_block_id (VentureBlockView       *self);
const char *venture_block_view_get_label    (VentureBlockView       *self);
/* The notes in stacking order (bottom first), a new array of widgets. */
GPtrArray  *venture_block_view_get_notes    (VentureBlockView       *self);
/* Where notes move, in the view's coordinates. */
void        venture_block_view_get_notes_area (VentureBlockView     *self,
                                               graphene_rect_t      *area);
/* A note of @width x @height at @x, @y (0..1000), in the view's
 * coordinates, and back (the top-left corner; clamped into the block). */
void        venture_block_view_position_to_point (VentureBlockView  *self,
                                                  int                x,
                                                  int                y,
                                                  int                width,
                                                  int                height,
                                                  double            *left,
                                                  double            *top);
void        venture_block_view_point_to_position (VentureBlockView  *self,
                                                  double             left,
                                                  double             top,
                                                  int                width,
                                                  int                height,
                                                  int               *x,
                                                  int               *y);
/* The ::drop handler of the block's GtkDropTarget: @value holds a
 * VentureNote; @x, @y are the pointer in the view's coordinates. */
gboolean    venture_block_view_drop         (VentureBlockView       *self,
                                             const GValue           *value,
                                             double                  x,
                                             double                  y);

/* For the board. */
void        venture_block_view_add_note     (VentureBlockView       *self,
                                             GtkWidget              *note,
                                             GtkWidget              *before);
void        venture_block_view_remove_note  (VentureBlockView       *self,
                                             GtkWidget              *note);
/* Moves @note (a child) below @before, or to the top when NULL. */
void        venture_block_view_restack_note (VentureBlockView       *self,
                                             GtkWidget              *note,
                                             GtkWidget              *before);
void        venture_block_view_set_editor   (VentureBlockView       *self,
                                             GtkWidget              *editor,
                                             GtkWidget              *note);

G_END_DECLS
