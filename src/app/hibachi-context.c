/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-context"

#include "config.h"

#include "hibachi-context.h"

struct _HibachiContext
{
  GObject           parent_instance;

  GSettings        *settings;
  HibachiUndoStack *undo_stack;
  HibachiSession   *session;
  HibachiDirectory *directory;
  HibachiConnectionMonitor *monitor;
  HibachiChangeFeed *feed;
};

G_DEFINE_FINAL_TYPE (HibachiContext, hibachi_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_UNDO_STACK,
  PROP_SESSION,
  PROP_DIRECTORY,
  PROP_CONNECTION_MONITOR,
  PROP_SIGNED_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hibachi_context_dispose (GObject *object)
{
  HibachiContext *self = HIBACHI_CONTEXT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->monitor);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (hibachi_context_parent_class)->dispose (object);
}

static void
hibachi_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HibachiContext *self = HIBACHI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    case PROP_CONNECTION_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, hibachi_context_get_signed_in (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HibachiContext *self = HIBACHI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_context_class_init (HibachiContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_context_dispose;
  object_class->get_property = hibachi_context_get_property;
  object_class->set_property = hibachi_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, HIBACHI_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HIBACHI_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL, HIBACHI_TYPE_DIRECTORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTION_MONITOR] =
    g_param_spec_object ("connection-monitor", NULL, NULL, HIBACHI_TYPE_CONNECTION_MONITOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_context_init (HibachiContext *self)
{
  self->undo_stack = hibachi_undo_stack_new ();
}

HibachiContext *
hibachi_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HIBACHI_TYPE_CONTEXT, "settings", settings, NULL);
}

GSettings *
hibachi_context_get_settings (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->settings;
}

HibachiUndoStack *
hibachi_context_get_undo_stack (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->undo_stack;
}

HibachiSession *
hibachi_context_get_session (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->session;
}

HibachiDirectory *
hibachi_context_get_directory (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->directory;
}

HibachiConnectionMonitor *
hibachi_context_get_connection_monitor (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->monitor;
}

HibachiChangeFeed *
hibachi_context_get_change_feed (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  return self->feed;
}

gboolean
hibachi_context_get_signed_in (HibachiContext *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), FALSE);

  return self->session != NULL && self->directory != NULL;
}

const char *
hibachi_context_chef_name (HibachiContext *self,
                           const char     *chef_id)
{
  const char *name;

  g_return_val_if_fail (HIBACHI_IS_CONTEXT (self), NULL);

  if (chef_id == NULL || self->session == NULL)
    return NULL;
  name = self->directory != NULL ? hibachi_directory_chef_name (self->directory, chef_id) : NULL;
  if (name == NULL && g_strcmp0 (hibachi_session_get_chef_id (self->session), chef_id) == 0)
    name = hibachi_session_get_full_name (self->session);

  return name;
}

void
hibachi_context_set_account (HibachiContext   *self,
                             HibachiSession   *session,
                             HibachiDirectory *directory)
{
  gboolean was_signed_in;

  g_return_if_fail (HIBACHI_IS_CONTEXT (self));
  g_return_if_fail ((session == NULL) == (directory == NULL));

  was_signed_in = hibachi_context_get_signed_in (self);

  /* Commands of the account before cannot be undone by the next one. */
  if (self->session != session)
    hibachi_undo_stack_clear (self->undo_stack);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->session, session))
    {
      g_clear_object (&self->monitor);
      g_clear_object (&self->feed);
      if (session != NULL)
        {
          self->monitor = hibachi_connection_monitor_new (hibachi_session_get_client (session));
          self->feed = hibachi_change_feed_new (hibachi_session_get_client (session));
          hibachi_change_feed_start (self->feed);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_MONITOR]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
  if (g_set_object (&self->directory, directory))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY]);
  if (was_signed_in != hibachi_context_get_signed_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_thaw_notify (G_OBJECT (self));
}
