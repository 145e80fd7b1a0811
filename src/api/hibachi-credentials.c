/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-credentials"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "hibachi-client.h"
#include "hibachi-credentials.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "version", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

void
hibachi_tokens_free (HibachiTokens *tokens)
{
  if (tokens == NULL)
    return;

  if (tokens->access_token != NULL)
    memset (tokens->access_token, 0, strlen (tokens->access_token));
  if (tokens->refresh_token != NULL)
    memset (tokens->refresh_token, 0, strlen (tokens->refresh_token));
  g_free (tokens->access_token);
  g_free (tokens->refresh_token);
  g_free (tokens);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
hibachi_credentials_store_async (const char          *server,
                                 const char          *account,
                                 const HibachiTokens *tokens,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *label = g_strdup_printf (_("Hibachi Admin session of %s on %s"), account, server);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, tokens->access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, tokens->refresh_token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, tokens->expires_at);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  secret = json_to_string (node, FALSE);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable, store_cb, task,
                         "server", server, "account", account, "version", HIBACHI_CREDENTIALS_VERSION, NULL);
  memset (secret, 0, strlen (secret));
}

gboolean
hibachi_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *server;
  char *account;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->server);
  g_free (lookup->account);
  g_free (lookup);
}

/* The lookup runs whole on a worker thread: libsecret's file backend (the
 * Flatpak's) derives its key for 100–200 ms, and its async calls need the
 * main loop between steps, which is busy starting GTK just then. */
static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_sync (get_schema (), cancellable, &error,
                                              "server", lookup->server, "account", lookup->account,
                                              "version", HIBACHI_CREDENTIALS_VERSION, NULL);
  g_autoptr(JsonNode) node = NULL;
  HibachiTokens *tokens;
  JsonObject *object;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (secret == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  node = json_from_string (secret, NULL);
  secret_password_free (secret);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      hibachi_json_get_string (json_node_get_object (node), "refresh_token") == NULL)
    {
      /* A damaged item is as good as none: the user signs in again. */
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  object = json_node_get_object (node);
  tokens = g_new0 (HibachiTokens, 1);
  tokens->access_token = g_strdup (hibachi_json_get_string (object, "access_token"));
  tokens->refresh_token = g_strdup (hibachi_json_get_string (object, "refresh_token"));
  tokens->expires_at = hibachi_json_get_int (object, "expires_at");
  g_task_return_pointer (task, tokens, (GDestroyNotify) hibachi_tokens_free);
}

void
hibachi_credentials_lookup_async (const char          *server,
                                  const char          *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->server = g_strdup (server);
  lookup->account = g_strdup (account);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, lookup_thread);
}

HibachiTokens *
hibachi_credentials_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
hibachi_credentials_clear_async (const char          *server,
                                 const char          *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  secret_password_clear (get_schema (), cancellable, clear_cb, task,
                         "server", server, "account", account, "version", HIBACHI_CREDENTIALS_VERSION, NULL);
}

gboolean
hibachi_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
