/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Requests from libsoup to the routes: on the main loop, the route is found,
 * the caller authenticated and the body size checked; the route itself runs
 * on a worker (database, password hashing) and its reply is written from
 * the main loop. */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include <string.h>

#include "hibachi-server-listener.h"
#include "hibachi-server-private.h"
#include "hibachi-server-workers.h"

const HibachiServerRoute * const hibachi_server_route_tables[] = {
  hibachi_server_auth_routes,
  hibachi_server_station_routes,
  hibachi_server_chef_routes,
  hibachi_server_booking_routes,
  hibachi_server_assign_routes,
  hibachi_server_pricing_routes,
  hibachi_server_review_routes,
  hibachi_server_audit_routes,
  hibachi_server_geo_routes,
};
const guint hibachi_server_n_route_tables = G_N_ELEMENTS (hibachi_server_route_tables);

typedef struct
{
  HibachiServerRequest      req;
  const HibachiServerRoute *route;
  char                    **segments;      /* req.params point into it */
  GHashTable               *query;
  gulong                    finished_id;
  gboolean                  finished;      /* main loop: the connection is gone */
  gboolean                  paused;
  guint                     epoch;         /* of the server when it came */
  guint64                   generation;    /* of the change feed when the route ran */
} RequestJob;

static gboolean
match_route (const HibachiServerRoute  *route,
             char                     **segments,
             char                     **params)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint n_params = 0;
  guint i;

  for (i = 0; pattern[i] != NULL && segments[i] != NULL; i++)
    {
      if (pattern[i][0] == '{')
        {
          if (segments[i][0] == '\0' || n_params >= 3)
            return FALSE;
          params[n_params++] = segments[i];
        }
      else if (strcmp (pattern[i], segments[i]) != 0)
        return FALSE;
    }

  return pattern[i] == NULL && segments[i] == NULL;
}
static HibachiServerPrincipal *
authenticate (HibachiServer     *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(JsonObject) claims = NULL;
  HibachiServerPrincipal *principal;
  JsonArray *stations;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return NULL;

  claims = hibachi_server_jwt_verify (hibachi_server_get_jwt_key (self), authorization + 7, hibachi_server_now (self));
  if (claims == NULL)
    return NULL;

  principal = g_new0 (HibachiServerPrincipal, 1);
  principal->user_id = g_strdup (json_object_get_string_member_with_default (claims, "sub", ""));
  principal->email = g_strdup (json_object_get_string_member_with_default (claims, "email", ""));
  principal->jti = g_strdup (json_object_get_string_member_with_default (claims, "jti", ""));
  principal->expires_at = json_object_get_int_member_with_default (claims, "exp", 0);
  principal->chef_id = g_strdup (json_object_get_string_member_with_default (claims, "chef_id", NULL));

  stations = json_object_has_member (claims, "station_ids") ? json_object_get_array_member (claims, "station_ids") : NULL;
  principal->station_ids = g_new0 (char *, (stations ? json_array_get_length (stations) : 0) + 1);
  for (guint i = 0; stations != NULL && i < json_array_get_length (stations); i++)
    principal->station_ids[i] = g_strdup (json_array_get_string_element (stations, i));

  principal->role = hibachi_role_from_string (json_object_get_string_member_with_default (claims, "role", NULL));
  if (principal->role == HIBACHI_ROLE_NONE ||
      *principal->jti == '\0' || hibachi_server_jti_is_revoked (self, principal->jti))
    {
      hibachi_server_principal_free (principal);
      return NULL;
    }

  return principal;
}

static void
refuse_body (HibachiServer     *self,
             SoupServerMessage *msg)
{
  HibachiServerListener *listener = hibachi_server_get_listener (self);

  /* libsoup answers only once the whole body is read: answer here and
   * close, so the rest is never read. */
  g_debug ("Refusing a request body over 1 MiB");
  if (listener != NULL)
    hibachi_server_listener_refuse_message (listener, msg, 413, "Payload Too Large", "BAD_REQUEST",
                                            "The request body is larger than 1 MiB.");
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  gsize *received = g_object_get_data (G_OBJECT (msg), "hibachi-body-bytes");

  *received += g_bytes_get_size (chunk);
  if (*received > HIBACHI_MAX_BODY_BYTES)
    {
      g_signal_handlers_disconnect_by_func (msg, got_chunk_cb, user_data);
      refuse_body (user_data, msg);
    }
}

static void
early_handler_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  /* Refuse an oversize body before reading it. */
  if (soup_message_headers_get_content_length (headers) > HIBACHI_MAX_BODY_BYTES)
    {
      HibachiServerRequest req = { .server = user_data, .msg = msg };

      hibachi_reply_error (&req, 413, "BAD_REQUEST", "The request body is larger than 1 MiB.", NULL);
      hibachi_request_set_reply_header (&req, "Connection", "close");
      hibachi_request_send_reply (&req);
    }
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    {
      /* A chunked body has no length to check: count it as it comes, on
       * every path, before any route or sign-in check. */
      g_object_set_data_full (G_OBJECT (msg), "hibachi-body-bytes", g_new0 (gsize, 1), g_free);
      g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), user_data);
    }
}

/* Runs the matched route; on a worker unless the route is for the main loop. */
static void
run_route (HibachiServerRequest     *req,
           const HibachiServerRoute *route)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  gboolean idempotent = g_strcmp0 (req->method, "POST") == 0 && req->idempotency_key != NULL &&
                        req->principal != NULL;

  req->db = hibachi_server_get_db (req->server);

  /* Creates with an Idempotency-Key take turns from the replay check to the
   * stored reply: two at once would both miss the replay and both create. */
  if (idempotent)
    hibachi_server_lock_idempotent (req->server);

  /* Every body is checked before any route sees it, whichever route it is;
   * a create with a known Idempotency-Key is answered as it was. */
  if ((body->length == 0 || hibachi_request_parse_body (req)) &&
      !(idempotent && hibachi_request_replay_idempotent (req)))
    {
      req->route_data = route->data;
      route->handler (req);
    }

  if (idempotent)
    hibachi_server_unlock_idempotent (req->server);

  if (!req->replied && req->reply_status == 0)
    hibachi_reply_error (req, 500, "INTERNAL_SERVER_ERROR", "The request was not answered.", NULL);

  /* Whatever the route left: no transaction, no time budget. */
  hibachi_request_rollback (req);
  hibachi_server_db_end_budget (req->db);
  g_clear_pointer (&req->reply_extra, json_object_unref);
  g_clear_pointer (&req->body, json_node_unref);
}

static void
request_job_work (gpointer data)
{
  RequestJob *job = data;

  job->generation = hibachi_server_job_begin (job->req.server);
  run_route (&job->req, job->route);
  hibachi_server_job_end ();
}

static void
request_job_done (gpointer data)
{
  RequestJob *job = data;
  HibachiServerRequest *req = &job->req;

  g_clear_signal_handler (&job->finished_id, req->msg);
  if (job->finished || job->epoch != hibachi_server_get_epoch (req->server))
    return;
  /* Back on the main loop: only here does the reply reach the message. */
  hibachi_request_send_reply (req);

  if (req->wait_seconds > 0)
    {
      /* The change feed answers when something changes, or at the timeout. */
      if (!job->paused)
        soup_server_message_pause (req->msg);
      hibachi_server_changes_add_waiter (req->server, req->msg, g_steal_pointer (&req->principal),
                                         req->wait_since, req->wait_seconds, job->generation);
      return;
    }

  if (job->paused)
    soup_server_message_unpause (req->msg);
}

static void
request_job_free (gpointer data)
{
  RequestJob *job = data;

  g_clear_signal_handler (&job->finished_id, job->req.msg);
  hibachi_server_principal_free (job->req.principal);
  hibachi_request_clear_reply (&job->req);
  g_clear_pointer (&job->query, g_hash_table_unref);
  g_strfreev (job->segments);
  g_object_unref (job->req.msg);
  g_free (job);
}

static void
request_finished_cb (SoupServerMessage *msg,
                     gpointer           data)
{
  RequestJob *job = data;

  job->finished = TRUE;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  HibachiServer *self = user_data;
  HibachiServerRequest req = { 0 };
  const HibachiServerRoute *found = NULL;
  gboolean path_known = FALSE;
  g_auto(GStrv) segments = NULL;
  SoupMessageBody *body;
  const char *method = soup_server_message_get_method (msg);
  RequestJob *job;

  if (soup_server_message_get_status (msg) == 413)
    return;

  req.server = self;
  req.msg = msg;
  req.method = method;
  req.path = path;
  req.query = query;

  segments = g_strsplit (path, "/", -1);
  for (guint t = 0; t < hibachi_server_n_route_tables && found == NULL; t++)
    {
      for (const HibachiServerRoute *r = hibachi_server_route_tables[t]; r->method != NULL; r++)
        {
          char *params[3] = { NULL };

          if (!match_route (r, segments, params))
            continue;
          path_known = TRUE;
          if (strcmp (r->method, method) == 0)
            {
              found = r;
              memcpy (req.params, params, sizeof params);
              break;
            }
        }
    }

  if (found == NULL)
    {
      if (path_known)
        hibachi_reply_error (&req, 405, "BAD_REQUEST", "This method is not allowed on this path.", NULL);
      else
        hibachi_reply_not_found (&req, "path");
      hibachi_request_send_reply (&req);
      return;
    }

  body = soup_server_message_get_request_body (msg);
  if (body->length > HIBACHI_MAX_BODY_BYTES)
    {
      hibachi_reply_error (&req, 413, "BAD_REQUEST", "The request body is larger than 1 MiB.", NULL);
      hibachi_request_send_reply (&req);
      return;
    }

  if (found->capability != 0)
    {
      req.principal = authenticate (self, msg);
      if (req.principal == NULL)
        {
          hibachi_request_set_reply_header (&req, "WWW-Authenticate", "Bearer");
          hibachi_reply_error (&req, 401, "UNAUTHORIZED", "Sign in again: the access token is missing, invalid or expired.", NULL);
          hibachi_request_send_reply (&req);
          return;
        }
      if (!hibachi_role_can (req.principal->role, found->capability))
        {
          hibachi_reply_forbidden (&req);
          hibachi_request_send_reply (&req);
          hibachi_server_principal_free (req.principal);
          return;
        }
    }

  req.idempotency_key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "Idempotency-Key");

  /* The job keeps what the request points into: the message (its path and
   * headers), the query and the path segments. */
  job = g_new0 (RequestJob, 1);
  job->req = req;
  job->req.msg = g_object_ref (msg);
  job->route = found;
  job->segments = g_steal_pointer (&segments);
  job->query = query != NULL ? g_hash_table_ref (query) : NULL;
  job->epoch = hibachi_server_get_epoch (self);

  if (found->on_main_loop)
    {
      request_job_work (job);
      request_job_done (job);
      request_job_free (job);
      return;
    }

  job->paused = TRUE;
  job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (request_finished_cb), job);
  soup_server_message_pause (msg);
  hibachi_server_workers_push (hibachi_server_get_workers (self), request_job_work, request_job_done,
                               job, request_job_free);
}

void
hibachi_server_dispatch_init (HibachiServer *self,
                              SoupServer    *soup)
{
  soup_server_add_early_handler (soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (soup, NULL, handler_cb, self, NULL);
}
