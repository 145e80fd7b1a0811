/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "hibachi-core.h"
#include "hibachi-client.h"
#include "hibachi-client-private.h"
#include "hibachi-http.h"

struct _HibachiClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *access_token;
  char        *refresh_token;
  gint64       expires_at;
  gboolean     refreshing;
  GPtrArray   *waiting;        /* GTask, requests waiting for the refresh */
  GHashTable  *early;          /* path → EarlyAnswer, GETs asked for ahead */
};

G_DEFINE_FINAL_TYPE (HibachiClient, hibachi_client, G_TYPE_OBJECT)

enum {
  TOKENS_CHANGED,
  SESSION_EXPIRED,
  REQUEST_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char        *method;
  char        *path;
  JsonNode    *body;
  char        *if_match;
  char        *idempotency_key;
  gboolean     no_auth;
  gboolean     want_bytes;
  gboolean     retried;
  SoupMessage *msg;
  JsonObject  *details;
  GBytes      *reply;     /* a long body, parsed on a worker thread */
  HibachiReplyTransform transform;
  gpointer     transform_data;
  gboolean     reply_consumed;
} RequestData;

static void send_request (GTask *task);

/* A GET asked for ahead (hibachi_client_prefetch()): its answer, or the
 * request that will take it once it comes. Referenced by the client's
 * table until claimed, dropped or expired, and by the request in flight. */
typedef struct
{
  HibachiClient *client;      /* not a reference: only the table's entries use it */
  char          *path;
  GTask         *claimant;
  gboolean       answered;
  JsonNode      *reply;
  JsonObject    *details;
  GError        *error;
  guint          expire_id;
} EarlyAnswer;

static void
early_answer_clear (EarlyAnswer *early)
{
  g_clear_handle_id (&early->expire_id, g_source_remove);
  g_free (early->path);
  g_clear_object (&early->claimant);
  g_clear_pointer (&early->reply, json_node_unref);
  g_clear_pointer (&early->details, json_object_unref);
  g_clear_error (&early->error);
}

static void
early_answer_release (gpointer early)
{
  g_rc_box_release_full (early, (GDestroyNotify) early_answer_clear);
}

static void
request_data_free (RequestData *data)
{
  g_free (data->method);
  g_free (data->path);
  g_clear_pointer (&data->body, json_node_unref);
  g_free (data->if_match);
  g_free (data->idempotency_key);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->details, json_object_unref);
  g_clear_pointer (&data->reply, g_bytes_unref);
  g_free (data);
}

static void
hibachi_client_finalize (GObject *object)
{
  HibachiClient *self = HIBACHI_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_free (self->base_url);
  hibachi_client_clear_tokens (self);
  g_clear_pointer (&self->early, g_hash_table_unref);

  G_OBJECT_CLASS (hibachi_client_parent_class)->finalize (object);
}

static void
hibachi_client_class_init (HibachiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hibachi_client_finalize;

  /* The tokens were rotated: write them back to the keyring. */
  signals[TOKENS_CHANGED] = g_signal_new ("tokens-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The server refused the refresh token: the user must sign in again. */
  signals[SESSION_EXPIRED] = g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Every request's outcome, for the connection state: whether the server
   * answered (any status but a gateway's "unavailable"). Not for cancelled
   * requests. */
  signals[REQUEST_DONE] = g_signal_new ("request-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
hibachi_client_init (HibachiClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("HibachiAdmin/%s ", PACKAGE_VERSION);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->early = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, early_answer_release);
  /* The trailing space makes libsoup append its own product token. The
   * change feed's wait holds one connection for up to 25 s: with libsoup's
   * two per host, every other request shared the one left, one at a time
   * (at sign-in: the account, stations, chefs and the first page). */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", 60,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 6,
                                                 NULL);
}

HibachiClient *
hibachi_client_new (const char *base_url)
{
  HibachiClient *self = g_object_new (HIBACHI_TYPE_CLIENT, NULL);
  gsize len = strlen (base_url);

  while (len > 0 && base_url[len - 1] == '/')
    len--;
  self->base_url = g_strndup (base_url, len);

  return self;
}

const char *
hibachi_client_get_base_url (HibachiClient *self)
{
  g_return_val_if_fail (HIBACHI_IS_CLIENT (self), NULL);

  return self->base_url;
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void
clear_secrets (HibachiClient *self)
{
  clear_secret (&self->access_token);
  clear_secret (&self->refresh_token);
  self->expires_at = 0;
}

void
hibachi_client_set_tokens (HibachiClient *self,
                           const char    *access_token,
                           const char    *refresh_token,
                           gint64         expires_at)
{
  g_return_if_fail (HIBACHI_IS_CLIENT (self));

  /* A refresh keeps the answers asked for ahead: same account (a client
   * serves one; signing in again makes a new session and client). */
  clear_secrets (self);
  self->access_token = g_strdup (access_token);
  self->refresh_token = g_strdup (refresh_token);
  self->expires_at = expires_at;
}

gboolean
hibachi_client_get_tokens (HibachiClient  *self,
                           char          **access_token,
                           char          **refresh_token,
                           gint64         *expires_at)
{
  g_return_val_if_fail (HIBACHI_IS_CLIENT (self), FALSE);

  if (self->refresh_token == NULL)
    return FALSE;

  *access_token = g_strdup (self->access_token);
  *refresh_token = g_strdup (self->refresh_token);
  *expires_at = self->expires_at;

  return TRUE;
}

void
hibachi_client_clear_tokens (HibachiClient *self)
{
  g_return_if_fail (HIBACHI_IS_CLIENT (self));

  clear_secrets (self);
  /* Answers asked for in the name of an account no one may take now. */
  if (self->early != NULL)
    g_hash_table_remove_all (self->early);
}

static int
error_code_for_status (guint status)
{
  switch (status)
    {
    /* 428: the request lacked If-Match; our mistake, not the server's. */
    case 400: case 405: case 413: case 428: return HIBACHI_API_ERROR_BAD_REQUEST;
    case 401: return HIBACHI_API_ERROR_UNAUTHORIZED;
    case 403: return HIBACHI_API_ERROR_FORBIDDEN;
    case 404: return HIBACHI_API_ERROR_NOT_FOUND;
    case 409: return HIBACHI_API_ERROR_CONFLICT;
    case 412: return HIBACHI_API_ERROR_PRECONDITION_FAILED;
    case 422: return HIBACHI_API_ERROR_VALIDATION;
    case 429: return HIBACHI_API_ERROR_RATE_LIMITED;
    default: return HIBACHI_API_ERROR_SERVER;
    }
}

JsonNode *
hibachi_client_parse_json (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    return NULL;

  /* json-glib recurses once per nesting level: a reply of deeply nested
   * brackets would overflow the stack before it could fail. */
  if (hibachi_json_text_check (data, len, HIBACHI_JSON_MAX_DEPTH, NULL) != HIBACHI_JSON_TEXT_OK ||
      !json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                   _("The server sent a reply that is not valid JSON."));
      return NULL;
    }

  /* Only white space: as good as an empty body. */
  if (json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

GError *
hibachi_client_error_from_reply (guint         status,
                                 GBytes       *bytes,
                                 JsonObject  **out_details)
{
  g_autoptr(JsonNode) root = hibachi_client_parse_json (bytes, NULL);
  JsonObject *error_object = NULL;
  const char *message = NULL;

  *out_details = NULL;
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "error")))
    {
      error_object = json_object_get_object_member (json_node_get_object (root), "error");
      message = hibachi_json_get_string (error_object, "message");
      if (json_object_has_member (error_object, "details") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (error_object, "details")))
        *out_details = json_object_ref (json_object_get_object_member (error_object, "details"));
    }

  if (message == NULL)
    message = status >= 500 ? _("The server had a problem; try again later.")
                            : soup_status_get_phrase (status);

  return g_error_new (HIBACHI_API_ERROR, error_code_for_status (status), "%s", message);
}

static void
fail_with_api_error (GTask  *task,
                     guint   status,
                     GBytes *bytes)
{
  RequestData *data = g_task_get_task_data (task);

  g_clear_pointer (&data->details, json_object_unref);
  g_task_return_error (task, hibachi_client_error_from_reply (status, bytes, &data->details));
}

static void
fail_with_transport_error (GTask       *task,
                           SoupMessage *msg,
                           GError      *error)
{
  HibachiClient *self = g_task_get_source_object (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_error_copy (error));
  else if (error->domain == G_TLS_ERROR || soup_message_get_tls_peer_certificate_errors (msg) != 0)
    /* Never accepted silently: the user sees why the connection is not trusted. */
    g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_TLS,
                             _("The server’s certificate is not trusted (%s). Check the server address, or ask your administrator."),
                             error->message);
  else
    g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK,
                             _("Cannot reach the server at %s: %s"), self->base_url, error->message);
}

static gboolean
needs_refresh (HibachiClient *self)
{
  if (self->refresh_token == NULL)
    return FALSE;

  return self->access_token == NULL ||
         g_get_real_time () / G_USEC_PER_SEC >= self->expires_at - HIBACHI_CLIENT_REFRESH_MARGIN;
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HibachiClient *self = HIBACHI_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (self, result, NULL, &error);
  g_autoptr(GPtrArray) waiting = NULL;
  JsonObject *tokens = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  self->refreshing = FALSE;
  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  if (error == NULL && hibachi_json_get_string (tokens, "access_token") != NULL &&
      hibachi_json_get_string (tokens, "refresh_token") != NULL)
    {
      hibachi_client_set_tokens (self,
                                 hibachi_json_get_string (tokens, "access_token"),
                                 hibachi_json_get_string (tokens, "refresh_token"),
                                 g_get_real_time () / G_USEC_PER_SEC +
                                 hibachi_json_get_int (tokens, "expires_in"));
      g_signal_emit (self, signals[TOKENS_CHANGED], 0);

      for (guint i = 0; i < waiting->len; i++)
        send_request (g_ptr_array_index (waiting, i));
      return;
    }

  if (error == NULL || g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED))
    {
      hibachi_client_clear_tokens (self);
      g_signal_emit (self, signals[SESSION_EXPIRED], 0);
      for (guint i = 0; i < waiting->len; i++)
        g_task_return_new_error (g_ptr_array_index (waiting, i), HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED,
                                 _("Your session has ended. Sign in again."));
      return;
    }

  /* Offline or a server problem: keep the tokens, fail what waited. */
  for (guint i = 0; i < waiting->len; i++)
    g_task_return_error (g_ptr_array_index (waiting, i), g_error_copy (error));
}

/* Queues @task behind the one refresh in flight, starting it if needed. */
static void
wait_for_refresh (HibachiClient *self,
                  GTask         *task)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  HibachiRequestOptions options = { .no_auth = TRUE };

  g_ptr_array_add (self->waiting, g_object_ref (task));
  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, self->refresh_token);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  hibachi_client_request_async (self, "POST", "/api/v1/auth/refresh", body, &options, NULL, refresh_cb, NULL);
}

/* Replies at least this long are parsed off the main thread. Here a page of
 * 100 bookings (73 KB) takes about 6 ms to parse and a dispatch week of
 * 300 bookings (2 MB) over 100 ms: frames (scrolling, a drag) need not wait
 * for either. A short reply is parsed at once; a thread costs more. */
#define PARSE_IN_THREAD_BYTES (16 * 1024)

/* @node (taken) as @task's answer, after the caller's transform. */
static void
return_reply (GTask    *task,
              JsonNode *node)
{
  RequestData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (data->transform != NULL && !data->transform (node, data->transform_data, &error))
    {
      g_clear_pointer (&node, json_node_unref);
      g_task_return_error (task, error);
      return;
    }
  if (data->transform != NULL && data->reply_consumed)
    {
      json_node_unref (node);
      node = json_node_new (JSON_NODE_NULL);
    }
  g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
return_parsed (GTask  *task,
               GBytes *bytes)
{
  GError *error = NULL;
  JsonNode *node = hibachi_client_parse_json (bytes, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    return_reply (task, node);
}

/* A worker thread: only the reply's bytes are touched, and what the
 * caller's transform makes of them; the node goes back to the main thread
 * with the task. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RequestData *data = task_data;

  return_parsed (task, data->reply);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiClient *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hibachi_http_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[REQUEST_DONE], 0, FALSE);
      fail_with_transport_error (task, data->msg, error);
      return;
    }

  status = soup_message_get_status (data->msg);
  g_signal_emit (self, signals[REQUEST_DONE], 0, status != 502 && status != 503 && status != 504);

  /* An access token refused mid-use: refresh once and try again. */
  if (status == 401 && !data->no_auth && !data->retried && self->refresh_token != NULL)
    {
      data->retried = TRUE;
      if (!self->refreshing)
        g_clear_pointer (&self->access_token, g_free);
      wait_for_refresh (self, task);
      return;
    }

  if (status < 200 || status >= 300)
    {
      fail_with_api_error (task, status, bytes);
      return;
    }

  if (data->want_bytes)
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (g_bytes_get_size (bytes) >= PARSE_IN_THREAD_BYTES)
    {
      data->reply = g_steal_pointer (&bytes);
      g_task_run_in_thread (task, parse_thread);
      return;
    }
  return_parsed (task, bytes);
}

static void
send_request (GTask *task)
{
  HibachiClient *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autofree char *uri = g_strconcat (self->base_url, data->path, NULL);
  SoupMessageHeaders *headers;

  g_clear_object (&data->msg);
  data->msg = soup_message_new (data->method, uri);
  if (data->msg == NULL)
    {
      g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK,
                               _("“%s” is not a valid server address."), self->base_url);
      return;
    }

  headers = soup_message_get_request_headers (data->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!data->no_auth && self->access_token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->access_token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (data->if_match != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", data->if_match);
      soup_message_headers_replace (headers, "If-Match", etag);
    }
  if (data->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", data->idempotency_key);
  if (data->body != NULL)
    {
      g_autofree char *text = json_to_string (data->body, FALSE);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      soup_message_set_request_body_from_bytes (data->msg, "application/json", bytes);
    }

  hibachi_http_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, g_object_ref (task));
}

static void
start_request (HibachiClient *self,
               GTask         *task)
{
  RequestData *data = g_task_get_task_data (task);

  /* Both keep their own reference to @task. */
  if (!data->no_auth && needs_refresh (self))
    wait_for_refresh (self, task);
  else
    send_request (task);
}

/* @early's answer becomes @task's, as if @task had asked. */
static void
hand_over (EarlyAnswer *early,
           GTask       *task)
{
  RequestData *data = g_task_get_task_data (task);

  data->details = g_steal_pointer (&early->details);
  if (early->error != NULL)
    g_task_return_error (task, g_steal_pointer (&early->error));
  else
    return_reply (task, g_steal_pointer (&early->reply));
}

void
hibachi_client_request_async (HibachiClient               *self,
                              const char                  *method,
                              const char                  *path,
                              JsonNode                    *body,
                              const HibachiRequestOptions *options,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  RequestData *data;
  EarlyAnswer *early;

  g_return_if_fail (HIBACHI_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_client_request_async);
  data = g_new0 (RequestData, 1);
  data->method = g_strdup (method);
  data->path = g_strdup (path);
  data->body = body ? json_node_ref (body) : NULL;
  if (options != NULL)
    {
      data->if_match = g_strdup (options->if_match);
      data->idempotency_key = g_strdup (options->idempotency_key);
      data->no_auth = options->no_auth;
      data->transform = options->transform;
      data->transform_data = options->transform_data;
      data->reply_consumed = options->reply_consumed;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  /* Asked for ahead: this request takes that answer, now or when it comes. */
  early = body == NULL && strcmp (method, "GET") == 0 &&
          (options == NULL || (options->if_match == NULL && options->idempotency_key == NULL && !options->no_auth))
          ? g_hash_table_lookup (self->early, path) : NULL;
  if (early != NULL)
    {
      g_hash_table_steal (self->early, path);
      g_clear_handle_id (&early->expire_id, g_source_remove);
      if (early->answered)
        hand_over (early, task);
      else
        early->claimant = g_object_ref (task);
      early_answer_release (early);
      return;
    }

  start_request (self, task);
}

/* How long an answer asked for ahead waits for its request. */
#define EARLY_ANSWER_KEPT_SECONDS 10

static gboolean
early_answer_expired_cb (gpointer data)
{
  EarlyAnswer *early = data;

  early->expire_id = 0;
  g_hash_table_remove (early->client->early, early->path);

  return G_SOURCE_REMOVE;
}

static void
early_answered_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HibachiClient *self = HIBACHI_CLIENT (source);
  EarlyAnswer *early = user_data;

  early->reply = hibachi_client_request_finish (self, result, &early->details, &early->error);
  early->answered = TRUE;
  if (early->claimant != NULL)
    hand_over (early, early->claimant);
  else if (g_hash_table_lookup (self->early, early->path) != early)
    ;   /* dropped meanwhile */
  else if (early->error != NULL)
    g_hash_table_remove (self->early, early->path);   /* a later request tries for itself */
  else
    early->expire_id = g_timeout_add_seconds (EARLY_ANSWER_KEPT_SECONDS, early_answer_expired_cb, early);
  early_answer_release (early);
}

void
hibachi_client_prefetch (HibachiClient *self,
                         const char    *path)
{
  EarlyAnswer *early;

  g_return_if_fail (HIBACHI_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  if (g_hash_table_contains (self->early, path))
    return;

  early = g_rc_box_new0 (EarlyAnswer);
  early->client = self;
  early->path = g_strdup (path);
  /* Sent before it is in the table, so it does not take its own answer;
   * the answer comes from the main loop, after this. */
  hibachi_client_request_async (self, "GET", path, NULL, NULL, NULL, early_answered_cb, early);
  g_hash_table_insert (self->early, early->path, g_rc_box_acquire (early));
}

JsonNode *
hibachi_client_request_finish (HibachiClient  *self,
                               GAsyncResult   *result,
                               JsonObject    **out_details,
                               GError        **error)
{
  RequestData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (out_details != NULL)
    *out_details = data->details ? json_object_ref (data->details) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hibachi_client_fetch_bytes_async (HibachiClient       *self,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  RequestData *data;

  g_return_if_fail (HIBACHI_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_client_fetch_bytes_async);
  data = g_new0 (RequestData, 1);
  data->method = g_strdup ("GET");
  data->path = g_strdup (path);
  data->want_bytes = TRUE;
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  start_request (self, task);
  g_object_unref (task);
}

GBytes *
hibachi_client_fetch_bytes_finish (HibachiClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
