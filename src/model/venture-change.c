/* venture-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-change"

#include "config.h"

#include "venture-version.h"
#include "venture-change.h"

G_DEFINE_BOXED_TYPE (VentureChange, venture_change, venture_change_copy, venture_change_free)

/**
 * venture_change_new:
 * @note: (nullable): the note changed, referenced; NULL exactly for the
 *   kinds that change no note (TITLE, ADD_VERSION, REMOVE_VERSION)
 *
 * An empty change of @kind: the caller fills both sides.
 */
VentureChange *
venture_change_new (VentureChangeKind  kind,
                    VentureNote       *note)
{
  VentureChange *self;

  g_return_val_if_fail (kind <= VENTURE_CHANGE_LAST, NULL);
  g_return_val_if_fail (note == NULL || VENTURE_IS_NOTE (note), NULL);
  g_return_val_if_fail ((kind == VENTURE_CHANGE_TITLE ||
                         kind == VENTURE_CHANGE_ADD_VERSION ||
                         kind == VENTURE_CHANGE_REMOVE_VERSION) == (note == NULL), NULL);

  self = g_new0 (VentureChange, 1);
  self->kind = kind;
  self->note = note != NULL ? g_object_ref (note) : NULL;

  return self;
}

VentureChange *
venture_change_new_for_version (VentureChangeKind  kind,
                                VentureVersion    *version)
{
  VentureChange *self;

  g_return_val_if_fail (kind == VENTURE_CHANGE_ADD_VERSION ||
                        kind == VENTURE_CHANGE_REMOVE_VERSION, NULL);
  g_return_val_if_fail (VENTURE_IS_VERSION (version), NULL);

  self = venture_change_new (kind, NULL);
  self->version = g_object_ref (version);

  return self;
}

VentureChange *
venture_change_copy (const VentureChange *self)
{
  VentureChange *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (VentureChange, 1);
  *copy = *self;
  copy->note = self->note != NULL ? g_object_ref (self->note) : NULL;
  copy->version = self->version != NULL ? g_object_ref (self->version) : NULL;
  copy->old_string = g_strdup (self->old_string);
  copy->new_string = g_strdup (self->new_string);
  copy->old_strv = g_strdupv (self->old_strv);
  copy->new_strv = g_strdupv (self->new_strv);

  return copy;
}

void
venture_change_free (VentureChange *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->note);
  g_clear_object (&self->version);
  g_free (self->old_string);
  g_free (self->new_string);
  g_strfreev (self->old_strv);
  g_strfreev (self->new_strv);
  g_free (self);
}

/* Every side swaps; an insertion at a place undoes the removal from that
 * place and the other way round. */
VentureChange *
venture_change_invert (const VentureChange *self)
{
  VentureChange *inverse;

  g_return_val_if_fail (self != NULL, NULL);

  inverse = venture_change_new (self->kind, self->note);
  inverse->version = self->version != NULL ? g_object_ref (self->version) : NULL;
  inverse->tag_kind = self->tag_kind;
  inverse->old_string = g_strdup (self->new_string);
  inverse->new_string = g_strdup (self->old_string);
  inverse->old_strv = g_strdupv (self->new_strv);
  inverse->new_strv = g_strdupv (self->old_strv);
  inverse->old_x = self->new_x;
  inverse->old_y = self->new_y;
  inverse->new_x = self->old_x;
  inverse->new_y = self->old_y;
  inverse->old_position = self->new_position;
  inverse->new_position = self->old_position;

  switch (self->kind)
    {
    case VENTURE_CHANGE_INSERT:
      inverse->kind = VENTURE_CHANGE_REMOVE;
      break;
    case VENTURE_CHANGE_REMOVE:
      inverse->kind = VENTURE_CHANGE_INSERT;
      break;
    case VENTURE_CHANGE_ADD_VERSION:
      inverse->kind = VENTURE_CHANGE_REMOVE_VERSION;
      break;
    case VENTURE_CHANGE_REMOVE_VERSION:
      inverse->kind = VENTURE_CHANGE_ADD_VERSION;
      break;
    case VENTURE_CHANGE_TEXT:
    case VENTURE_CHANGE_COLOR:
    case VENTURE_CHANGE_MOVE:
    case VENTURE_CHANGE_TAG:
    case VENTURE_CHANGE_SEGMENTS:
    case VENTURE_CHANGE_RESTACK:
    case VENTURE_CHANGE_TITLE:
    default:
      break;
    }

  return inverse;
}
