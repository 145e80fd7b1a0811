/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-change-feed"

#include "config.h"

#include "hibachi-api-error.h"
#include "hibachi-change.h"
#include "hibachi-change-feed.h"

#define RETRY_FIRST 1
#define RETRY_MAX   30

struct _HibachiChangeFeed
{
  GObject        parent_instance;

  HibachiClient *client;
  GCancellable  *cancellable;   /* NULL when stopped */
  char          *cursor;        /* NULL until the first answer */
  guint          retry_id;
  guint          retry_delay;
};

G_DEFINE_FINAL_TYPE (HibachiChangeFeed, hibachi_change_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void poll_changes (HibachiChangeFeed *self);

static gboolean
retry_cb (gpointer data)
{
  HibachiChangeFeed *self = data;

  self->retry_id = 0;
  poll_changes (self);

  return G_SOURCE_REMOVE;
}

static void
emit_changes (HibachiChangeFeed *self,
              JsonObject        *root)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = hibachi_resource_parse_array (HIBACHI_TYPE_CHANGE, json_object_get_member (root, "changes"), &error);
  if (changes == NULL)
    {
      g_warning ("Ignoring changes from the server: %s", error->message);
      return;
    }

  for (guint i = 0; i < changes->len && self->cancellable != NULL; i++)
    {
      HibachiChange *change = g_ptr_array_index (changes, i);
      const char *actor = hibachi_change_get_actor_name (change);

      if (actor == NULL)
        actor = hibachi_change_get_actor (change);
      g_signal_emit (self, signals[CHANGED], 0, hibachi_resource_kind_from_string (hibachi_change_get_resource (change)),
                     hibachi_resource_get_id (HIBACHI_RESOURCE (change)), actor, hibachi_change_get_action (change));
    }
}

static void
poll_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  HibachiChangeFeed *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  /* Only a string is a cursor: anything else is a reply we can't follow. */
  const char *cursor = hibachi_json_get_string (root, "cursor");

  /* Stopping (and disposing) cancels: then @self may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN) ||
      g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED))
    {
      g_debug ("Not following changes: %s", error->message);
      hibachi_change_feed_stop (self);
      return;
    }

  if (error == NULL && cursor == NULL)
    g_set_error_literal (&error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, "No cursor in the reply");

  if (error != NULL)
    {
      /* Offline, or the server restarting: try again later from the same cursor. */
      g_debug ("Changes: %s; again in %u s", error->message, self->retry_delay);
      self->retry_id = g_timeout_add_seconds (self->retry_delay, retry_cb, self);
      self->retry_delay = MIN (self->retry_delay * 2, RETRY_MAX);
      return;
    }

  self->retry_delay = RETRY_FIRST;
  /* The first answer only says where "now" is. */
  if (self->cursor != NULL)
    emit_changes (self, root);
  if (self->cancellable == NULL)
    return;

  g_free (self->cursor);
  self->cursor = g_strdup (cursor);
  poll_changes (self);
}

static void
poll_changes (HibachiChangeFeed *self)
{
  g_autofree char *path = NULL;

  if (self->cursor != NULL)
    {
      g_autofree char *cursor = g_uri_escape_string (self->cursor, NULL, FALSE);

      path = g_strdup_printf ("/api/v1/changes?since=%s&wait=%d", cursor, HIBACHI_CHANGE_FEED_WAIT);
    }
  else
    path = g_strdup ("/api/v1/changes");

  hibachi_client_request_async (self->client, "GET", path, NULL, NULL, self->cancellable, poll_cb, self);
}

static void
hibachi_change_feed_dispose (GObject *object)
{
  HibachiChangeFeed *self = HIBACHI_CHANGE_FEED (object);

  hibachi_change_feed_stop (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hibachi_change_feed_parent_class)->dispose (object);
}

static void
hibachi_change_feed_finalize (GObject *object)
{
  HibachiChangeFeed *self = HIBACHI_CHANGE_FEED (object);

  g_free (self->cursor);

  G_OBJECT_CLASS (hibachi_change_feed_parent_class)->finalize (object);
}

static void
hibachi_change_feed_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HibachiChangeFeed *self = HIBACHI_CHANGE_FEED (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, hibachi_change_feed_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_change_feed_class_init (HibachiChangeFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_change_feed_dispose;
  object_class->finalize = hibachi_change_feed_finalize;
  object_class->get_property = hibachi_change_feed_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (kind, id, actor, action) */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 4, HIBACHI_TYPE_RESOURCE_KIND, G_TYPE_STRING, G_TYPE_STRING,
                                   G_TYPE_STRING);
}

static void
hibachi_change_feed_init (HibachiChangeFeed *self)
{
  self->retry_delay = RETRY_FIRST;
}

HibachiChangeFeed *
hibachi_change_feed_new (HibachiClient *client)
{
  HibachiChangeFeed *self;

  g_return_val_if_fail (HIBACHI_IS_CLIENT (client), NULL);

  self = g_object_new (HIBACHI_TYPE_CHANGE_FEED, NULL);
  self->client = g_object_ref (client);

  return self;
}

void
hibachi_change_feed_start (HibachiChangeFeed *self)
{
  g_return_if_fail (HIBACHI_IS_CHANGE_FEED (self));

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->cursor, g_free);
  self->retry_delay = RETRY_FIRST;
  poll_changes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
hibachi_change_feed_stop (HibachiChangeFeed *self)
{
  g_return_if_fail (HIBACHI_IS_CHANGE_FEED (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
hibachi_change_feed_get_running (HibachiChangeFeed *self)
{
  return self->cancellable != NULL;
}
