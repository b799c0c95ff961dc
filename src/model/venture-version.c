/* venture-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "venture-version"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "venture-version.h"

struct _VentureVersion
{
  GObject        parent_instance;

  char          *name;
  GDateTime     *created;
  VentureCanvas *canvas;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE (VentureVersion, venture_version, G_TYPE_OBJECT)

G_DEFINE_QUARK (venture-version-error-quark, venture_version_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CREATED,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
venture_version_finalize (GObject *object)
{
  VentureVersion *self = (VentureVersion *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (venture_version_parent_class)->finalize (object);
}

static void
venture_version_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VentureVersion *self = VENTURE_VERSION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
venture_version_class_init (VentureVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = venture_version_finalize;
  object_class->get_property = venture_version_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, VENTURE_TYPE_CANVAS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
venture_version_init (VentureVersion *self)
{
}

gboolean
venture_version_validate_name (const char  *name,
                               GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME,
                           _("The name of a version is not valid UTF-8"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME,
                           _("A version needs a name"));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > VENTURE_VERSION_NAME_MAX)
    {
      g_set_error (error, VENTURE_VERSION_ERROR, VENTURE_VERSION_ERROR_INVALID_NAME,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The name of a version is longer than %d character",
                                "The name of a version is longer than %d characters",
                                VENTURE_VERSION_NAME_MAX),
                   VENTURE_VERSION_NAME_MAX);
      return FALSE;
    }

  return TRUE;
}

/**
 * venture_version_new:
 * @name: a valid name (venture_version_validate_name())
 * @created: when the version was made, in any time zone: it is kept in
 *   UTC, to the second
 * @snapshot: (transfer none): the canvas as it was, referenced; nobody
 *   may change it afterwards (venture_canvas_copy() makes one)
 */
VentureVersion *
venture_version_new (const char    *name,
                     GDateTime     *created,
                     VentureCanvas *snapshot)
{
  g_autoptr(GDateTime) utc = NULL;
  VentureVersion *self;

  g_return_val_if_fail (venture_version_validate_name (name, NULL), NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (VENTURE_IS_CANVAS (snapshot), NULL);

  utc = g_date_time_to_utc (created);

  self = g_object_new (VENTURE_TYPE_VERSION, NULL);
  self->name = g_strdup (name);
  /* Files store whole seconds: a version must read back equal. */
  self->created = g_date_time_new_utc (g_date_time_get_year (utc),
                                       g_date_time_get_month (utc),
                                       g_date_time_get_day_of_month (utc),
                                       g_date_time_get_hour (utc),
                                       g_date_time_get_minute (utc),
                                       g_date_time_get_second (utc));
  self->canvas = g_object_ref (snapshot);

  return self;
}

const char *
venture_version_get_name (VentureVersion *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSION (self), NULL);

  return self->name;
}

GDateTime *
venture_version_get_created (VentureVersion *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSION (self), NULL);

  return self->created;
}

VentureCanvas *
venture_version_get_canvas (VentureVersion *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSION (self), NULL);

  return self->canvas;
}

JsonObject *
venture_version_get_extra (VentureVersion *self)
{
  g_return_val_if_fail (VENTURE_IS_VERSION (self), NULL);

  return self->extra;
}

/* Keeps a reference, like venture_canvas_set_extra(). */
void
venture_version_set_extra (VentureVersion *self,
                           JsonObject     *extra)
{
  g_return_if_fail (VENTURE_IS_VERSION (self));

  if (extra == self->extra)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL)
    self->extra = json_object_ref (extra);
}

void
venture_version_restore (VentureVersion *self,
                         VentureCanvas  *canvas,
                         VentureHistory *history)
{
  g_return_if_fail (VENTURE_IS_VERSION (self));
  g_return_if_fail (VENTURE_IS_CANVAS (canvas));
  g_return_if_fail (history == NULL || VENTURE_IS_HISTORY (history));
  g_return_if_fail (history == NULL || venture_history_get_canvas (history) == canvas);

  if (history != NULL)
    venture_history_begin_group_kind (history, VENTURE_HISTORY_LABEL_RESTORE_VERSION);
  venture_canvas_restore_version (canvas, self);
  if (history != NULL)
    venture_history_end_group (history);
}
