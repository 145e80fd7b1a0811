/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include <string.h>
#include <sodium.h>
#include <sys/socket.h>

#include "hibachi-server-private.h"

struct _HibachiServer
{
  GObject          parent_instance;

  HibachiServerDb *db;
  SoupServer      *soup;
  guint8           jwt_key[HIBACHI_JWT_KEY_BYTES];
  GHashTable      *revoked;        /* jti → expiry */
  GHashTable      *cache;          /* query key → CacheEntry */
  GList           *waiters;        /* Waiter, long-polls of the change feed */
  gint64           clock_offset;
};

G_DEFINE_FINAL_TYPE (HibachiServer, hibachi_server, G_TYPE_OBJECT)

static const HibachiServerRoute *route_tables[] = {
  hibachi_server_auth_routes,
  hibachi_server_station_routes,
  hibachi_server_chef_routes,
  hibachi_server_booking_routes,
  hibachi_server_pricing_routes,
  hibachi_server_review_routes,
  hibachi_server_audit_routes,
};

typedef struct
{
  HibachiServer          *server;
  SoupServerMessage      *msg;
  HibachiServerPrincipal *principal;
  gint64                  since;
  guint                   timeout_id;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  g_clear_object (&waiter->msg);
  hibachi_server_principal_free (waiter->principal);
  g_free (waiter);
}

static void
hibachi_server_dispose (GObject *object)
{
  HibachiServer *self = HIBACHI_SERVER (object);

  hibachi_server_disconnect (self);
  g_list_free_full (g_steal_pointer (&self->waiters), (GDestroyNotify) waiter_free);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (hibachi_server_parent_class)->dispose (object);
}

static void
hibachi_server_finalize (GObject *object)
{
  HibachiServer *self = HIBACHI_SERVER (object);

  g_clear_pointer (&self->revoked, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->db, hibachi_server_db_free);
  sodium_memzero (self->jwt_key, sizeof self->jwt_key);

  G_OBJECT_CLASS (hibachi_server_parent_class)->finalize (object);
}

static void
hibachi_server_class_init (HibachiServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_server_dispose;
  object_class->finalize = hibachi_server_finalize;
}

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry);
}

static void
hibachi_server_init (HibachiServer *self)
{
  self->revoked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
}

SoupServer *
hibachi_server_get_soup_server (HibachiServer *self)
{
  return self->soup;
}

HibachiServerDb *
hibachi_server_get_db (HibachiServer *self)
{
  return self->db;
}

const guint8 *
hibachi_server_get_jwt_key (HibachiServer *self)
{
  return self->jwt_key;
}

gint64
hibachi_server_now (HibachiServer *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

char *
hibachi_server_now_iso (HibachiServer *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (hibachi_server_now (self));

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
hibachi_server_set_clock_offset (HibachiServer *self,
                                 gint64         seconds)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  self->clock_offset = seconds;
}

void
hibachi_server_revoke_jti (HibachiServer *self,
                           const char    *jti,
                           gint64         expires_at)
{
  sqlite3_stmt *stmt =
    hibachi_server_db_prepare (self->db, "INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)", NULL);

  g_hash_table_add (self->revoked, g_strdup (jti));
  if (stmt != NULL)
    {
      hibachi_server_db_bind_text (stmt, 1, jti);
      sqlite3_bind_int64 (stmt, 2, expires_at);
      hibachi_server_db_step_done (self->db, stmt, NULL);
    }
}

gboolean
hibachi_server_jti_is_revoked (HibachiServer *self,
                               const char    *jti)
{
  return g_hash_table_contains (self->revoked, jti);
}

gpointer
hibachi_server_cache_lookup (HibachiServer *self,
                             const char    *key)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, key);

  return entry ? entry->data : NULL;
}

void
hibachi_server_cache_store (HibachiServer  *self,
                            const char     *key,
                            gpointer        data,
                            GDestroyNotify  destroy)
{
  CacheEntry *entry = g_new (CacheEntry, 1);

  /* Bounded: a flood of distinct searches cannot grow it without limit. */
  if (g_hash_table_size (self->cache) > 4096)
    g_hash_table_remove_all (self->cache);

  entry->data = data;
  entry->destroy = destroy;
  g_hash_table_insert (self->cache, g_strdup (key), entry);
}

static gboolean
load_state (HibachiServer  *self,
            GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 now = hibachi_server_now (self);
  gboolean have_key = FALSE;

  stmt = hibachi_server_db_prepare (self->db, "SELECT value FROM settings WHERE key = 'jwt_key'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize len = 0;
      g_autofree guint8 *key = g_base64_decode (hibachi_server_db_column_text (stmt, 0), &len);

      if (len == sizeof self->jwt_key)
        {
          memcpy (self->jwt_key, key, len);
          have_key = TRUE;
        }
      sodium_memzero (key, len);
    }
  sqlite3_reset (stmt);

  if (!have_key)
    {
      g_autofree char *encoded = NULL;

      /* A per-database signing key: tokens of one server are worthless on another. */
      randombytes_buf (self->jwt_key, sizeof self->jwt_key);
      encoded = g_base64_encode (self->jwt_key, sizeof self->jwt_key);
      stmt = hibachi_server_db_prepare (self->db,
                                        "INSERT OR REPLACE INTO settings (key, value) VALUES ('jwt_key', ?)", error);
      if (stmt == NULL)
        return FALSE;
      hibachi_server_db_bind_text (stmt, 1, encoded);
      if (!hibachi_server_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  stmt = hibachi_server_db_prepare (self->db, "DELETE FROM revoked_tokens WHERE expires_at <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!hibachi_server_db_step_done (self->db, stmt, error))
    return FALSE;

  stmt = hibachi_server_db_prepare (self->db, "SELECT jti FROM revoked_tokens", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->revoked, g_strdup (hibachi_server_db_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return hibachi_server_seed_defaults (self, error);
}

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

  claims = hibachi_server_jwt_verify (self->jwt_key, authorization + 7, hibachi_server_now (self));
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
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
    }
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

  if (soup_server_message_get_status (msg) == 413)
    return;

  req.server = self;
  req.db = self->db;
  req.msg = msg;
  req.method = method;
  req.path = path;
  req.query = query;

  segments = g_strsplit (path, "/", -1);
  for (guint t = 0; t < G_N_ELEMENTS (route_tables) && found == NULL; t++)
    {
      for (const HibachiServerRoute *r = route_tables[t]; r->method != NULL; r++)
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
      return;
    }

  body = soup_server_message_get_request_body (msg);
  if (body->length > HIBACHI_MAX_BODY_BYTES)
    {
      hibachi_reply_error (&req, 413, "BAD_REQUEST", "The request body is larger than 1 MiB.", NULL);
      return;
    }

  if (found->capability != 0)
    {
      req.principal = authenticate (self, msg);
      if (req.principal == NULL)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "WWW-Authenticate", "Bearer");
          hibachi_reply_error (&req, 401, "UNAUTHORIZED", "Sign in again: the access token is missing, invalid or expired.", NULL);
          return;
        }
      if (!hibachi_role_can (req.principal->role, found->capability))
        {
          hibachi_reply_forbidden (&req);
          hibachi_server_principal_free (req.principal);
          return;
        }
    }

  /* Every body is checked before any route sees it, whichever route it is. */
  if (body->length > 0 && !hibachi_request_parse_body (&req))
    {
      hibachi_server_principal_free (req.principal);
      return;
    }

  req.idempotency_key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "Idempotency-Key");
  if (g_strcmp0 (method, "POST") == 0 && req.idempotency_key != NULL && req.principal != NULL &&
      hibachi_request_replay_idempotent (&req))
    {
      g_clear_pointer (&req.body, json_node_unref);
      hibachi_server_principal_free (req.principal);
      return;
    }

  req.route_data = found->data;
  found->handler (&req);

  if (!req.replied && soup_server_message_get_status (msg) == 0)
    hibachi_reply_error (&req, 500, "INTERNAL_SERVER_ERROR", "The request was not answered.", NULL);

  hibachi_request_rollback (&req);
  g_clear_pointer (&req.reply_extra, json_object_unref);
  g_clear_pointer (&req.body, json_node_unref);
  hibachi_server_principal_free (req.principal);
}

HibachiServer *
hibachi_server_new (const char  *db_path,
                    GError     **error)
{
  g_autoptr(HibachiServer) self = g_object_new (HIBACHI_TYPE_SERVER, NULL);

  self->db = hibachi_server_db_open (db_path, error);
  if (self->db == NULL || !load_state (self, error))
    return NULL;

  self->soup = soup_server_new ("server-header", "hibachi-server/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);

  return g_steal_pointer (&self);
}

gboolean
hibachi_address_is_loopback (const char *address)
{
  g_autoptr(GInetAddress) inet = NULL;

  if (g_strcmp0 (address, "localhost") == 0)
    return TRUE;

  inet = g_inet_address_new_from_string (address);

  return inet != NULL && g_inet_address_get_is_loopback (inet);
}

guint
hibachi_server_listen (HibachiServer  *self,
                       const char     *address,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;

  g_return_val_if_fail (HIBACHI_IS_SERVER (self), 0);

  inet = g_inet_address_new_from_string (g_strcmp0 (address, "localhost") == 0 ? "127.0.0.1" : address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address", address);
      return 0;
    }

  /* Our own socket: soup_server_listen() uses a backlog of 10, which
   * overflows under bursts of connections (ENVIRONMENT.md). */
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return 0;
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
  socket_address = g_inet_socket_address_new (inet, port);
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, 0, error))
    return 0;

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

void
hibachi_server_disconnect (HibachiServer *self)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  /* Their connections close: answering them later would touch dead messages. */
  g_list_free_full (g_steal_pointer (&self->waiters), (GDestroyNotify) waiter_free);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

guint
hibachi_server_count_statements (HibachiServer *self)
{
  g_return_val_if_fail (HIBACHI_IS_SERVER (self), 0);

  return hibachi_server_db_count_statements (self->db);
}

gboolean
hibachi_server_is_empty (HibachiServer *self)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (self->db, "SELECT count(*) FROM stations", NULL);
  gboolean empty = TRUE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int64 (stmt, 0) == 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return empty;
}

/* The change feed */

JsonNode *
hibachi_server_changes_collect (HibachiServer                *self,
                                const HibachiServerPrincipal *principal,
                                gint64                        since)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt;
  gint64 cursor = since;

  stmt = hibachi_server_db_prepare (self->db,
                                    "SELECT c.seq, c.resource, c.resource_id AS id, c.action, c.version, c.actor, "
                                    "u.full_name AS actor_name, c.at, c.station_id "
                                    "FROM changes c LEFT JOIN users u ON u.email = c.actor "
                                    "WHERE c.seq > ? ORDER BY c.seq LIMIT 500",
                                    NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, since);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(JsonObject) row = hibachi_server_db_row_to_object (stmt);
          const char *station = hibachi_json_get_string (row, "station_id");

          cursor = sqlite3_column_int64 (stmt, 0);
          /* Station managers see only their stations' changes. */
          if (station != NULL && !hibachi_server_principal_has_station (principal, station))
            continue;
          json_object_remove_member (row, "station_id");
          json_builder_add_value (builder, json_node_init_object (json_node_alloc (), row));
        }
      sqlite3_reset (stmt);
    }
  json_builder_end_array (builder);

  if (cursor == since)
    {
      stmt = hibachi_server_db_prepare (self->db, "SELECT coalesce(max(seq), 0) FROM changes", NULL);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        cursor = MAX (cursor, sqlite3_column_int64 (stmt, 0));
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);

    json_builder_set_member_name (builder, "cursor");
    json_builder_add_string_value (builder, text);
  }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
waiter_answer (Waiter *waiter)
{
  HibachiServerRequest req = { .server = waiter->server, .db = waiter->server->db, .msg = waiter->msg };

  hibachi_reply_node (&req, 200, hibachi_server_changes_collect (waiter->server, waiter->principal, waiter->since));
  soup_server_message_unpause (waiter->msg);
}

static gboolean
waiter_timeout_cb (gpointer data)
{
  Waiter *waiter = data;
  HibachiServer *self = waiter->server;

  waiter->timeout_id = 0;
  self->waiters = g_list_remove (self->waiters, waiter);
  waiter_answer (waiter);
  waiter_free (waiter);

  return G_SOURCE_REMOVE;
}

static void
request_aborted_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  HibachiServer *self = user_data;

  for (GList *l = self->waiters; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      if (waiter->msg == msg)
        {
          self->waiters = g_list_delete_link (self->waiters, l);
          waiter_free (waiter);
          break;
        }
    }
}

void
hibachi_server_changes_wait (HibachiServer        *self,
                             HibachiServerRequest *req,
                             gint64                since,
                             guint                 wait_seconds)
{
  Waiter *waiter = g_new0 (Waiter, 1);

  if (g_signal_handler_find (self->soup, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             request_aborted_cb, self) == 0)
    g_signal_connect_object (self->soup, "request-aborted", G_CALLBACK (request_aborted_cb), self, 0);

  waiter->server = self;
  waiter->msg = g_object_ref (req->msg);
  waiter->principal = g_steal_pointer (&req->principal);
  waiter->since = since;
  waiter->timeout_id = g_timeout_add_seconds (wait_seconds, waiter_timeout_cb, waiter);
  self->waiters = g_list_prepend (self->waiters, waiter);

  req->replied = TRUE;
  soup_server_message_pause (req->msg);
}

void
hibachi_server_changes_notify (HibachiServer *self)
{
  GList *waiters = g_steal_pointer (&self->waiters);

  g_hash_table_remove_all (self->cache);

  for (GList *l = waiters; l != NULL; l = l->next)
    {
      waiter_answer (l->data);
      waiter_free (l->data);
    }
  g_list_free (waiters);
}
