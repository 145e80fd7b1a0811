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

/* Every call runs whole on a worker thread, one at a time: libsecret's file
 * backend (the Flatpak's keyring) derives its key for 100–200 ms, and its
 * async calls need the main loop between steps, busy starting GTK just as
 * the session is restored; and its collection is not safe to use from two
 * threads at once. */
static GMutex secret_lock;

/* A write refused because the keyring file is not the one libsecret's file
 * backend read ("The file was externally modified"): another process wrote
 * it (the test suite's flake of sessions 11 and 14 was two test programs on
 * one file; the app has a file of its own). The backend rereads only when the
 * file's mtime moves to another second, so until then every write would be
 * refused. Dropping the cached backend (secret_service_disconnect) makes the
 * next call read the file anew; one more try, with what is there now.
 * Called with secret_lock held. */
static gboolean
reload_after (GError **error,
              guint    attempt)
{
  if (attempt > 0 || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return FALSE;

  g_debug ("The keyring file changed outside this backend; reading it again");
  g_clear_error (error);
  secret_service_disconnect ();

  return TRUE;
}

typedef struct
{
  char *server;
  char *account;
  char *label;
  char *secret;   /* wiped when freed */
} Call;

static void
call_free (Call *call)
{
  g_free (call->server);
  g_free (call->account);
  g_free (call->label);
  if (call->secret != NULL)
    memset (call->secret, 0, strlen (call->secret));
  g_free (call->secret);
  g_free (call);
}

static GTask *
call_new (const char          *server,
          const char          *account,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->server = g_strdup (server);
  call->account = g_strdup (account);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  return task;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  gboolean stored;

  g_mutex_lock (&secret_lock);
  for (guint attempt = 0;; attempt++)
    {
      stored = secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, call->label, call->secret,
                                           cancellable, &error, "server", call->server, "account",
                                           call->account, "version", HIBACHI_CREDENTIALS_VERSION, NULL);
      if (stored || !reload_after (&error, attempt))
        break;
    }
  g_mutex_unlock (&secret_lock);
  if (!stored)
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
  g_autoptr(GTask) task = call_new (server, account, cancellable, callback, user_data);
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  call->label = g_strdup_printf (_("Hibachi Admin session of %s on %s"), account, server);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, tokens->access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, tokens->refresh_token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, tokens->expires_at);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  call->secret = json_to_string (node, FALSE);
  g_task_run_in_thread (task, store_thread);
}

gboolean
hibachi_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  g_autoptr(JsonNode) node = NULL;
  HibachiTokens *tokens;
  JsonObject *object;
  char *secret;

  g_mutex_lock (&secret_lock);
  secret = secret_password_lookup_sync (get_schema (), cancellable, &error, "server", call->server,
                                        "account", call->account, "version", HIBACHI_CREDENTIALS_VERSION, NULL);
  g_mutex_unlock (&secret_lock);

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
  g_autoptr(GTask) task = call_new (server, account, cancellable, callback, user_data);

  g_task_run_in_thread (task, lookup_thread);
}

HibachiTokens *
hibachi_credentials_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;

  g_mutex_lock (&secret_lock);
  for (guint attempt = 0;; attempt++)
    {
      secret_password_clear_sync (get_schema (), cancellable, &error, "server", call->server, "account",
                                  call->account, "version", HIBACHI_CREDENTIALS_VERSION, NULL);
      if (error == NULL || !reload_after (&error, attempt))
        break;
    }
  g_mutex_unlock (&secret_lock);
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
  g_autoptr(GTask) task = call_new (server, account, cancellable, callback, user_data);

  g_task_run_in_thread (task, clear_thread);
}

gboolean
hibachi_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
