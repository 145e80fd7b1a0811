/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-credentials.h"
#include "hibachi-session.h"

struct _HibachiSession
{
  GObject              parent_instance;

  HibachiClient       *client;
  HibachiStore        *store;     /* made when first asked for */
  HibachiSessionState  state;
  char                *email;
  char                *full_name;
  char                *role;
  char                *chef_id;
  char               **station_ids;
  GHashTable          *station_names;   /* of station_ids: id → name */
  char                *keyring_error;
  gboolean             remembered;
  gboolean             signing_out;
};

G_DEFINE_FINAL_TYPE (HibachiSession, hibachi_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HibachiSessionState, hibachi_session_state,
                    G_DEFINE_ENUM_VALUE (HIBACHI_SESSION_SIGNED_OUT, "signed-out"),
                    G_DEFINE_ENUM_VALUE (HIBACHI_SESSION_SIGNED_IN, "signed-in"),
                    G_DEFINE_ENUM_VALUE (HIBACHI_SESSION_EXPIRED, "expired"),
                    G_DEFINE_ENUM_VALUE (HIBACHI_SESSION_CONFIRMING, "confirming"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_EMAIL,
  PROP_FULL_NAME,
  PROP_ROLE,
  PROP_REMEMBERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (HibachiSession      *self,
           HibachiSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_remembered (HibachiSession *self,
                gboolean        remembered,
                const char     *keyring_error)
{
  g_free (self->keyring_error);
  self->keyring_error = g_strdup (keyring_error);
  if (self->remembered == remembered)
    return;

  self->remembered = remembered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMEMBERED]);
}

static gboolean
set_user (HibachiSession *self,
          JsonObject     *user)
{
  JsonArray *stations;

  if (user == NULL || hibachi_json_get_string (user, "email") == NULL ||
      hibachi_json_get_string (user, "role") == NULL)
    return FALSE;

  g_free (self->email);
  self->email = g_strdup (hibachi_json_get_string (user, "email"));
  g_free (self->full_name);
  self->full_name = g_strdup (hibachi_json_get_string (user, "full_name") ?: self->email);
  g_free (self->role);
  self->role = g_strdup (hibachi_json_get_string (user, "role"));
  g_free (self->chef_id);
  self->chef_id = g_strdup (hibachi_json_get_string (user, "chef_id"));

  g_strfreev (self->station_ids);
  stations = json_object_has_member (user, "station_ids") &&
             JSON_NODE_HOLDS_ARRAY (json_object_get_member (user, "station_ids"))
             ? json_object_get_array_member (user, "station_ids") : NULL;
  self->station_ids = g_new0 (char *, (stations ? json_array_get_length (stations) : 0) + 1);
  for (guint i = 0; stations != NULL && i < json_array_get_length (stations); i++)
    self->station_ids[i] = g_strdup (json_array_get_string_element (stations, i));

  /* Their names, for roles that may not list stations (a chef). */
  g_hash_table_remove_all (self->station_names);
  stations = json_object_has_member (user, "stations") &&
             JSON_NODE_HOLDS_ARRAY (json_object_get_member (user, "stations"))
             ? json_object_get_array_member (user, "stations") : NULL;
  for (guint i = 0; stations != NULL && i < json_array_get_length (stations); i++)
    {
      JsonNode *node = json_array_get_element (stations, i);
      JsonObject *station = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = station ? hibachi_json_get_string (station, "id") : NULL;
      const char *name = station ? hibachi_json_get_string (station, "name") : NULL;

      if (id != NULL && name != NULL)
        g_hash_table_insert (self->station_names, g_strdup (id), g_strdup (name));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);

  return TRUE;
}

static HibachiTokens *
current_tokens (HibachiSession *self)
{
  HibachiTokens *tokens = g_new0 (HibachiTokens, 1);

  if (!hibachi_client_get_tokens (self->client, &tokens->access_token, &tokens->refresh_token, &tokens->expires_at))
    g_clear_pointer (&tokens, hibachi_tokens_free);

  return tokens;
}

static void
stored_rotated_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HibachiSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hibachi_credentials_store_finish (result, &error))
    {
      /* The message never holds the token itself. */
      g_warning ("Could not keep the renewed session in the keyring: %s", error->message);
      set_remembered (self, FALSE, error->message);
    }
}

static void
tokens_changed_cb (HibachiSession *self)
{
  g_autoptr(HibachiTokens) tokens = current_tokens (self);

  if (tokens != NULL && self->email != NULL && self->remembered)
    hibachi_credentials_store_async (hibachi_client_get_base_url (self->client), self->email, tokens, NULL,
                                     stored_rotated_cb, g_object_ref (self));
}

static void
session_expired_cb (HibachiSession *self)
{
  /* Signing out revokes the tokens: requests still in flight then fail to
   * refresh. That is the sign-out, not an expired session. */
  if (!self->signing_out)
    set_state (self, HIBACHI_SESSION_EXPIRED);
}

static void
hibachi_session_finalize (GObject *object)
{
  HibachiSession *self = HIBACHI_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_free (self->email);
  g_free (self->full_name);
  g_free (self->role);
  g_free (self->chef_id);
  g_strfreev (self->station_ids);
  g_hash_table_unref (self->station_names);
  g_free (self->keyring_error);

  G_OBJECT_CLASS (hibachi_session_parent_class)->finalize (object);
}

static void
hibachi_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HibachiSession *self = HIBACHI_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_REMEMBERED:
      g_value_set_boolean (value, self->remembered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_session_class_init (HibachiSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hibachi_session_finalize;
  object_class->get_property = hibachi_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HIBACHI_TYPE_SESSION_STATE, HIBACHI_SESSION_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEMBERED] =
    g_param_spec_boolean ("remembered", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_session_init (HibachiSession *self)
{
  self->station_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

HibachiSession *
hibachi_session_new (const char *server_url)
{
  HibachiSession *self = g_object_new (HIBACHI_TYPE_SESSION, NULL);

  self->client = hibachi_client_new (server_url);
  g_signal_connect_object (self->client, "tokens-changed", G_CALLBACK (tokens_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "session-expired", G_CALLBACK (session_expired_cb), self, G_CONNECT_SWAPPED);

  return self;
}

HibachiClient *
hibachi_session_get_client (HibachiSession *self)
{
  return self->client;
}

HibachiStore *
hibachi_session_get_store (HibachiSession *self)
{
  g_return_val_if_fail (HIBACHI_IS_SESSION (self), NULL);

  if (self->store == NULL)
    self->store = hibachi_store_new (self->client);

  return self->store;
}

const char *
hibachi_session_get_server_url (HibachiSession *self)
{
  return hibachi_client_get_base_url (self->client);
}

HibachiSessionState
hibachi_session_get_state (HibachiSession *self)
{
  return self->state;
}

const char *
hibachi_session_get_email (HibachiSession *self)
{
  return self->email;
}

const char *
hibachi_session_get_full_name (HibachiSession *self)
{
  return self->full_name;
}

const char *
hibachi_session_get_role (HibachiSession *self)
{
  return self->role;
}

const char *
hibachi_session_get_chef_id (HibachiSession *self)
{
  return self->chef_id;
}

const char * const *
hibachi_session_get_station_ids (HibachiSession *self)
{
  return (const char * const *) self->station_ids;
}

const char *
hibachi_session_get_station_name (HibachiSession *self,
                                  const char     *station_id)
{
  return station_id != NULL ? g_hash_table_lookup (self->station_names, station_id) : NULL;
}

gboolean
hibachi_session_get_remembered (HibachiSession *self)
{
  return self->remembered;
}

const char *
hibachi_session_get_keyring_error (HibachiSession *self)
{
  return self->keyring_error;
}

HibachiRole
hibachi_session_get_role_id (HibachiSession *self)
{
  return hibachi_role_from_string (self->role);
}

gboolean
hibachi_session_can (HibachiSession    *self,
                     HibachiCapability  capabilities)
{
  return self->state == HIBACHI_SESSION_SIGNED_IN &&
         hibachi_role_can (hibachi_session_get_role_id (self), capabilities);
}

/* Sign in */

static void
sign_in_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* Without a keyring the user keeps working; the session is not remembered. */
  if (!hibachi_credentials_store_finish (result, &error))
    set_remembered (self, FALSE, error->message);
  else
    set_remembered (self, TRUE, NULL);

  set_state (self, HIBACHI_SESSION_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(HibachiTokens) tokens = NULL;
  JsonObject *object;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  object = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  if (object == NULL || hibachi_json_get_string (object, "access_token") == NULL ||
      hibachi_json_get_string (object, "refresh_token") == NULL ||
      !json_object_has_member (object, "user") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "user")) ||
      !set_user (self, json_object_get_object_member (object, "user")))
    {
      g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                               _("The server’s answer to the sign-in was not understood."));
      return;
    }

  hibachi_client_set_tokens (self->client,
                             hibachi_json_get_string (object, "access_token"),
                             hibachi_json_get_string (object, "refresh_token"),
                             g_get_real_time () / G_USEC_PER_SEC + hibachi_json_get_int (object, "expires_in"));

  tokens = current_tokens (self);
  hibachi_credentials_store_async (hibachi_client_get_base_url (self->client), self->email, tokens,
                                   g_task_get_cancellable (task), sign_in_stored_cb, g_object_ref (task));
}

void
hibachi_session_sign_in_async (HibachiSession      *self,
                               const char          *email,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  HibachiRequestOptions options = { .no_auth = TRUE };

  g_return_if_fail (HIBACHI_IS_SESSION (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  hibachi_client_request_async (self->client, "POST", "/api/auth/login", body, &options, cancellable,
                                login_cb, g_steal_pointer (&task));
}

gboolean
hibachi_session_sign_in_finish (HibachiSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore */

static void
restore_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  hibachi_credentials_clear_finish (result, NULL);
}

/* The server did not confirm the restored session: it ends here. */
static void
not_confirmed (HibachiSession *self)
{
  hibachi_client_clear_tokens (self->client);
  set_state (self, HIBACHI_SESSION_SIGNED_OUT);
}

static void
me_cb (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  if (error != NULL)
    {
      /* A refused session is forgotten; an unreachable server is not. */
      if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED))
        hibachi_credentials_clear_async (hibachi_client_get_base_url (self->client),
                                         g_task_get_task_data (task), NULL, restore_cleared_cb, NULL);
      not_confirmed (self);
      g_task_return_error (task, error);
      return;
    }

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply) || !set_user (self, json_node_get_object (reply)))
    {
      not_confirmed (self);
      g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                               _("The server’s answer about the account was not understood."));
      return;
    }

  set_remembered (self, TRUE, NULL);
  set_state (self, HIBACHI_SESSION_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static void
restore_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(HibachiTokens) tokens = hibachi_credentials_lookup_finish (result, &error);
  GCancellable *cancellable;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (tokens == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  /* /me confirms the session; the client refreshes an expired token first.
   * Meanwhile whoever waits for the session may ask ahead for what it will
   * need (hibachi_client_prefetch()). */
  hibachi_client_set_tokens (self->client, tokens->access_token, tokens->refresh_token, tokens->expires_at);
  cancellable = g_task_get_cancellable (task);
  hibachi_client_request_async (self->client, "GET", "/api/auth/me", NULL, NULL, cancellable,
                                me_cb, g_steal_pointer (&task));
  set_state (self, HIBACHI_SESSION_CONFIRMING);
}

void
hibachi_session_restore_async (HibachiSession      *self,
                               const char          *email,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (HIBACHI_IS_SESSION (self));

  g_task_set_task_data (task, g_strdup (email), g_free);
  hibachi_credentials_lookup_async (hibachi_client_get_base_url (self->client), email, cancellable,
                                    restore_lookup_cb, task);
}

gboolean
hibachi_session_restore_finish (HibachiSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign out */

static void
sign_out_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  hibachi_credentials_clear_finish (result, &error);
  hibachi_client_clear_tokens (self->client);
  self->signing_out = FALSE;
  set_state (self, HIBACHI_SESSION_SIGNED_OUT);

  /* Signed out locally either way; a keyring that could not forget is reported. */
  if (error != NULL && self->remembered)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
logout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  /* The server may be unreachable: the local session ends anyway. */
  if (error != NULL)
    g_debug ("Logout on the server failed: %s", error->message);

  hibachi_credentials_clear_async (hibachi_client_get_base_url (self->client), self->email, NULL,
                                   sign_out_cleared_cb, g_steal_pointer (&task));
}

void
hibachi_session_sign_out_async (HibachiSession      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (HIBACHI_IS_SESSION (self));

  self->signing_out = TRUE;
  hibachi_client_request_async (self->client, "POST", "/api/auth/logout", NULL, NULL, cancellable, logout_cb, task);
}

gboolean
hibachi_session_sign_out_finish (HibachiSession  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
