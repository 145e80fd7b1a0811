/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-connection-monitor"

#include "config.h"

#include "hibachi-connection-monitor.h"

struct _HibachiConnectionMonitor
{
  GObject                 parent_instance;

  HibachiClient          *client;
  HibachiConnectionState  state;
  guint                   probe_id;      /* the next probe's timeout */
  guint                   delay;         /* seconds until the next probe */
  GCancellable           *probe;         /* of the probe in flight */
};

G_DEFINE_FINAL_TYPE (HibachiConnectionMonitor, hibachi_connection_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue states[] = {
  { HIBACHI_CONNECTION_ONLINE, "HIBACHI_CONNECTION_ONLINE", "online" },
  { HIBACHI_CONNECTION_OFFLINE, "HIBACHI_CONNECTION_OFFLINE", "offline" },
  { HIBACHI_CONNECTION_RECONNECTING, "HIBACHI_CONNECTION_RECONNECTING", "reconnecting" },
  { 0, NULL, NULL },
};

GType
hibachi_connection_state_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("HibachiConnectionState", states));

  return type;
}

static void schedule_probe (HibachiConnectionMonitor *self);

static void
set_state (HibachiConnectionMonitor *self,
           HibachiConnectionState    state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  HibachiConnectionMonitor *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  /* Disposing (and going online) cancels: then @self may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->probe);
  /* "request-done" already said whether the server answered. */
  if (self->state == HIBACHI_CONNECTION_RECONNECTING)
    {
      set_state (self, HIBACHI_CONNECTION_OFFLINE);
      schedule_probe (self);
    }
}

static gboolean
probe_timeout_cb (gpointer data)
{
  HibachiConnectionMonitor *self = data;
  HibachiRequestOptions options = { .no_auth = TRUE };

  self->probe_id = 0;
  self->probe = g_cancellable_new ();
  set_state (self, HIBACHI_CONNECTION_RECONNECTING);
  hibachi_client_request_async (self->client, "GET", "/health", NULL, &options, self->probe, probe_cb, self);

  return G_SOURCE_REMOVE;
}

static void
schedule_probe (HibachiConnectionMonitor *self)
{
  if (self->probe_id != 0 || self->probe != NULL)
    return;

  self->probe_id = g_timeout_add_seconds (self->delay, probe_timeout_cb, self);
  self->delay = MIN (self->delay * 2, HIBACHI_CONNECTION_PROBE_MAX);
}

static void
stop_probing (HibachiConnectionMonitor *self)
{
  g_clear_handle_id (&self->probe_id, g_source_remove);
  if (self->probe != NULL)
    g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  self->delay = HIBACHI_CONNECTION_PROBE_FIRST;
}

static void
request_done_cb (HibachiClient            *client,
                 gboolean                  reached,
                 HibachiConnectionMonitor *self)
{
  if (reached)
    {
      stop_probing (self);
      set_state (self, HIBACHI_CONNECTION_ONLINE);
      return;
    }

  /* A probe's own failure is handled when it finishes. */
  if (self->state == HIBACHI_CONNECTION_ONLINE)
    {
      set_state (self, HIBACHI_CONNECTION_OFFLINE);
      schedule_probe (self);
    }
}

static void
hibachi_connection_monitor_dispose (GObject *object)
{
  HibachiConnectionMonitor *self = HIBACHI_CONNECTION_MONITOR (object);

  stop_probing (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hibachi_connection_monitor_parent_class)->dispose (object);
}

static void
hibachi_connection_monitor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  HibachiConnectionMonitor *self = HIBACHI_CONNECTION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_connection_monitor_class_init (HibachiConnectionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_connection_monitor_dispose;
  object_class->get_property = hibachi_connection_monitor_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HIBACHI_TYPE_CONNECTION_STATE, HIBACHI_CONNECTION_ONLINE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_connection_monitor_init (HibachiConnectionMonitor *self)
{
  self->state = HIBACHI_CONNECTION_ONLINE;
  self->delay = HIBACHI_CONNECTION_PROBE_FIRST;
}

HibachiConnectionMonitor *
hibachi_connection_monitor_new (HibachiClient *client)
{
  HibachiConnectionMonitor *self;

  g_return_val_if_fail (HIBACHI_IS_CLIENT (client), NULL);

  self = g_object_new (HIBACHI_TYPE_CONNECTION_MONITOR, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_object (client, "request-done", G_CALLBACK (request_done_cb), self, 0);

  return self;
}

HibachiConnectionState
hibachi_connection_monitor_get_state (HibachiConnectionMonitor *self)
{
  g_return_val_if_fail (HIBACHI_IS_CONNECTION_MONITOR (self), HIBACHI_CONNECTION_OFFLINE);

  return self->state;
}

void
hibachi_connection_monitor_retry (HibachiConnectionMonitor *self)
{
  g_return_if_fail (HIBACHI_IS_CONNECTION_MONITOR (self));

  if (self->state != HIBACHI_CONNECTION_OFFLINE || self->probe != NULL)
    return;

  g_clear_handle_id (&self->probe_id, g_source_remove);
  self->delay = HIBACHI_CONNECTION_PROBE_FIRST;
  probe_timeout_cb (self);
}
