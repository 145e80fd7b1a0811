/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-undo-command"

#include "config.h"

#include "hibachi-undo-command.h"

typedef struct
{
  char *description;
  char *message;
} HibachiUndoCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HibachiUndoCommand, hibachi_undo_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hibachi_undo_command_finalize (GObject *object)
{
  HibachiUndoCommandPrivate *priv = hibachi_undo_command_get_instance_private (HIBACHI_UNDO_COMMAND (object));

  g_free (priv->description);
  g_free (priv->message);

  G_OBJECT_CLASS (hibachi_undo_command_parent_class)->finalize (object);
}

static void
hibachi_undo_command_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HibachiUndoCommandPrivate *priv = hibachi_undo_command_get_instance_private (HIBACHI_UNDO_COMMAND (object));

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, priv->description);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, priv->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_undo_command_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HibachiUndoCommandPrivate *priv = hibachi_undo_command_get_instance_private (HIBACHI_UNDO_COMMAND (object));

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      priv->description = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      priv->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_undo_command_class_init (HibachiUndoCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hibachi_undo_command_finalize;
  object_class->get_property = hibachi_undo_command_get_property;
  object_class->set_property = hibachi_undo_command_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_undo_command_init (HibachiUndoCommand *self)
{
}

const char *
hibachi_undo_command_get_description (HibachiUndoCommand *self)
{
  HibachiUndoCommandPrivate *priv = hibachi_undo_command_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_UNDO_COMMAND (self), NULL);

  return priv->description;
}

const char *
hibachi_undo_command_get_message (HibachiUndoCommand *self)
{
  HibachiUndoCommandPrivate *priv = hibachi_undo_command_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_UNDO_COMMAND (self), NULL);

  return priv->message;
}

void
hibachi_undo_command_undo_async (HibachiUndoCommand  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HIBACHI_IS_UNDO_COMMAND (self));

  HIBACHI_UNDO_COMMAND_GET_CLASS (self)->undo_async (self, cancellable, callback, user_data);
}

gboolean
hibachi_undo_command_undo_finish (HibachiUndoCommand  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (HIBACHI_IS_UNDO_COMMAND (self), FALSE);

  return HIBACHI_UNDO_COMMAND_GET_CLASS (self)->undo_finish (self, result, error);
}
