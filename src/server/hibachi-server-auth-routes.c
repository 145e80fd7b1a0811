/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-auth"

#include "config.h"

#include <gio/gio.h>

#include "hibachi-server-private.h"

#define USER_SQL \
  "SELECT u.id, u.email, u.full_name, u.role, u.chef_id, u.is_active, u.password_hash, " \
  "u.failed_logins, u.locked_until, (SELECT json_group_array(station_id) FROM user_stations s " \
  "WHERE s.user_id = u.id) AS station_ids, (SELECT json_group_array(json_object('id', st.id, 'code', st.code, " \
  "'name', st.name)) FROM user_stations s JOIN stations st ON st.id = s.station_id WHERE s.user_id = u.id) " \
  "AS stations FROM users u "

static JsonObject *
load_user (HibachiServerRequest *req,
           const char           *where,
           const char           *value)
{
  g_autofree char *sql = g_strconcat (USER_SQL, where, NULL);
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db, sql, NULL);
  JsonObject *user = NULL;

  if (stmt == NULL)
    return NULL;
  hibachi_server_db_bind_text (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) station_ids = json_from_string (hibachi_server_db_column_text (stmt, 9), NULL);
      /* Their names too: a chef, who may not list stations, still sees
       * which station a booking of theirs is at. */
      g_autoptr(JsonNode) stations = json_from_string (hibachi_server_db_column_text (stmt, 10), NULL);

      user = hibachi_server_db_row_to_object (stmt);
      json_object_set_member (user, "station_ids", g_steal_pointer (&station_ids));
      json_object_set_member (user, "stations", g_steal_pointer (&stations));
    }
  sqlite3_reset (stmt);

  return user;
}

static JsonObject *
public_user (JsonObject *user)
{
  JsonObject *out = json_object_new ();
  const char *members[] = { "id", "email", "full_name", "role", "chef_id", "station_ids", "stations", "is_active" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (user, members[i]);

      if (node != NULL)
        json_object_set_member (out, members[i], json_node_copy (node));
    }

  return out;
}

/* Issues a new access + refresh token pair and replies with it. */
static void
issue_tokens (HibachiServerRequest *req,
              JsonObject           *user)
{
  g_autoptr(JsonObject) claims = json_object_new ();
  g_autofree char *jti = g_uuid_string_random ();
  g_autofree char *access = NULL;
  g_autofree char *refresh = hibachi_server_random_token ();
  g_autofree char *digest = hibachi_server_token_digest (refresh);
  g_autoptr(GError) error = NULL;
  gint64 now = hibachi_server_now (req->server);
  JsonObject *reply;
  sqlite3_stmt *stmt;

  json_object_set_string_member (claims, "sub", hibachi_json_get_string (user, "id"));
  json_object_set_string_member (claims, "email", hibachi_json_get_string (user, "email"));
  json_object_set_string_member (claims, "name", hibachi_json_get_string (user, "full_name"));
  json_object_set_string_member (claims, "role", hibachi_json_get_string (user, "role"));
  json_object_set_member (claims, "station_ids", json_node_copy (json_object_get_member (user, "station_ids")));
  if (hibachi_json_get_string (user, "chef_id") != NULL)
    json_object_set_string_member (claims, "chef_id", hibachi_json_get_string (user, "chef_id"));
  json_object_set_string_member (claims, "jti", jti);
  json_object_set_int_member (claims, "iat", now);
  json_object_set_int_member (claims, "exp", now + HIBACHI_ACCESS_TOKEN_SECONDS);
  access = hibachi_server_jwt_sign (hibachi_server_get_jwt_key (req->server), claims);

  stmt = hibachi_server_db_prepare (req->db,
                                    "INSERT INTO refresh_tokens (token_hash, user_id, access_jti, expires_at) "
                                    "VALUES (?, ?, ?, ?)", &error);
  if (stmt == NULL)
    {
      hibachi_reply_internal (req, error);
      return;
    }
  hibachi_server_db_bind_text (stmt, 1, digest);
  hibachi_server_db_bind_text (stmt, 2, hibachi_json_get_string (user, "id"));
  hibachi_server_db_bind_text (stmt, 3, jti);
  sqlite3_bind_int64 (stmt, 4, now + HIBACHI_REFRESH_TOKEN_SECONDS);
  if (!hibachi_server_db_step_done (req->db, stmt, &error))
    {
      hibachi_reply_internal (req, error);
      return;
    }

  reply = json_object_new ();
  json_object_set_string_member (reply, "access_token", access);
  json_object_set_string_member (reply, "token_type", "bearer");
  json_object_set_int_member (reply, "expires_in", HIBACHI_ACCESS_TOKEN_SECONDS);
  json_object_set_string_member (reply, "refresh_token", refresh);
  json_object_set_object_member (reply, "user", public_user (user));
  hibachi_reply_object (req, 200, reply);
}

static void
set_login_state (HibachiServerRequest *req,
                 const char           *user_id,
                 gint64                failures,
                 gint64                locked_until)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                                                  NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, failures);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  hibachi_server_db_bind_text (stmt, 3, user_id);
  hibachi_server_db_step_done (req->db, stmt, NULL);
}

/* One more failed sign-in of @user_id, counted in SQL: attempts that run
 * at once on several workers each count (read, add one, write back would
 * lose all but one). Returns the count, or the maximum when it fails. */
static gint64
count_failure (HibachiServerRequest *req,
               const char           *user_id)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? "
                                                  "RETURNING failed_logins", NULL);
  gint64 failures = HIBACHI_LOGIN_MAX_FAILURES;

  if (stmt == NULL)
    return failures;
  hibachi_server_db_bind_text (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    failures = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return failures;
}

static void
reply_rate_limited (HibachiServerRequest *req,
                    gint64                seconds,
                    const char           *message)
{
  JsonObject *details = json_object_new ();
  g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  json_object_set_int_member (details, "retry_after_seconds", seconds);
  hibachi_request_set_reply_header (req, "Retry-After", retry);
  hibachi_reply_error (req, 429, "RATE_LIMIT_EXCEEDED", message, details);
}

static void
reply_locked (HibachiServerRequest *req,
              gint64                seconds)
{
  g_autofree char *message =
    g_strdup_printf ("Too many failed sign-ins: the account is locked for %" G_GINT64_FORMAT " more minutes.",
                     (seconds + 59) / 60);

  reply_rate_limited (req, seconds, message);
}

static gpointer
make_dummy_hash_cb (gpointer data)
{
  return hibachi_server_password_hash ("not a password of anyone");
}

static void
login_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(JsonObject) user = NULL;
  const char *email, *password;
  gint64 now = hibachi_server_now (req->server);
  gint64 locked_until, failures;
  static GOnce dummy_hash = G_ONCE_INIT;
  const char *address = soup_server_message_get_remote_host (req->msg);
  gint64 wait = hibachi_server_login_wait (req->server, address);

  if (body == NULL)
    return;

  /* Per address too: guessing over many emails, unknown ones included,
   * locks no account but is stopped here, before any hashing. */
  if (wait > 0)
    {
      g_autofree char *message =
        g_strdup_printf ("Too many failed sign-ins from this address: try again in %" G_GINT64_FORMAT " minutes.",
                         (wait + 59) / 60);

      reply_rate_limited (req, wait, message);
      return;
    }
  email = hibachi_json_get_string (body, "email");
  password = hibachi_json_get_string (body, "password");
  if (email == NULL || password == NULL)
    {
      JsonObject *field_errors = json_object_new ();

      if (email == NULL)
        hibachi_field_errors_add (field_errors, "email", "Enter your email address.");
      if (password == NULL)
        hibachi_field_errors_add (field_errors, "password", "Enter your password.");
      hibachi_reply_field_errors (req, field_errors);
      return;
    }

  user = load_user (req, "WHERE u.email = ?", email);
  if (user == NULL)
    {
      /* Spend the same time as a real check, so timing does not reveal accounts. */
      hibachi_server_password_verify (g_once (&dummy_hash, make_dummy_hash_cb, NULL), password);
      hibachi_server_login_failed (req->server, address);
      hibachi_reply_error (req, 401, "UNAUTHORIZED", "Wrong email or password.", NULL);
      return;
    }

  locked_until = hibachi_json_get_int (user, "locked_until");
  if (locked_until > now)
    {
      reply_locked (req, locked_until - now);
      return;
    }

  if (!hibachi_server_password_verify (hibachi_json_get_string (user, "password_hash"), password))
    {
      hibachi_server_login_failed (req->server, address);
      failures = count_failure (req, hibachi_json_get_string (user, "id"));
      if (failures >= HIBACHI_LOGIN_MAX_FAILURES)
        {
          set_login_state (req, hibachi_json_get_string (user, "id"), 0, now + HIBACHI_LOGIN_LOCK_SECONDS);
          reply_locked (req, HIBACHI_LOGIN_LOCK_SECONDS);
        }
      else
        hibachi_reply_error (req, 401, "UNAUTHORIZED", "Wrong email or password.", NULL);
      return;
    }

  if (!json_object_get_boolean_member (user, "is_active"))
    {
      hibachi_reply_error (req, 403, "FORBIDDEN", "This account is disabled.", NULL);
      return;
    }

  set_login_state (req, hibachi_json_get_string (user, "id"), 0, 0);
  issue_tokens (req, user);
}

/* Ends every session of the account: its refresh tokens, and the access
 * tokens issued with them that have not expired yet (each refresh token row
 * names the access token issued with it; that one expired
 * REFRESH - ACCESS seconds before the refresh token does). */
static void
revoke_sessions_of_user (HibachiServerRequest *req,
                         const char           *user_id)
{
  g_autoptr(GPtrArray) jtis = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) expiries = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT access_jti, expires_at - ?2 FROM refresh_tokens "
                                    "WHERE user_id = ?1 AND expires_at - ?2 > ?3", NULL);
  if (stmt != NULL)
    {
      hibachi_server_db_bind_text (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, HIBACHI_REFRESH_TOKEN_SECONDS - HIBACHI_ACCESS_TOKEN_SECONDS);
      sqlite3_bind_int64 (stmt, 3, hibachi_server_now (req->server));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 expiry = sqlite3_column_int64 (stmt, 1);

          g_ptr_array_add (jtis, g_strdup (hibachi_server_db_column_text (stmt, 0)));
          g_array_append_val (expiries, expiry);
        }
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < jtis->len; i++)
    hibachi_server_revoke_jti (req->server, g_ptr_array_index (jtis, i), g_array_index (expiries, gint64, i));

  stmt = hibachi_server_db_prepare (req->db, "UPDATE refresh_tokens SET used = 1 WHERE user_id = ?", NULL);
  if (stmt == NULL)
    return;
  hibachi_server_db_bind_text (stmt, 1, user_id);
  hibachi_server_db_step_done (req->db, stmt, NULL);
}

static void
refresh_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(JsonObject) token = NULL;
  g_autoptr(JsonObject) user = NULL;
  g_autofree char *digest = NULL;
  const char *refresh;
  sqlite3_stmt *stmt;

  if (body == NULL)
    return;
  refresh = hibachi_json_get_string (body, "refresh_token");
  if (refresh == NULL)
    {
      hibachi_reply_field_error (req, "refresh_token", "Required.");
      return;
    }

  digest = hibachi_server_token_digest (refresh);
  token = hibachi_db_get_row (req, "SELECT user_id, expires_at, used FROM refresh_tokens WHERE token_hash = ?", digest);
  if (token == NULL || hibachi_json_get_int (token, "expires_at") <= hibachi_server_now (req->server))
    {
      hibachi_reply_error (req, 401, "UNAUTHORIZED", "The session has ended; sign in again.", NULL);
      return;
    }

  if (json_object_get_boolean_member (token, "used"))
    {
      /* A refresh token used twice was copied: end every session of the
       * account, access tokens included, not only the refresh tokens. */
      revoke_sessions_of_user (req, hibachi_json_get_string (token, "user_id"));
      hibachi_reply_error (req, 401, "UNAUTHORIZED", "The session has ended; sign in again.", NULL);
      return;
    }

  stmt = hibachi_server_db_prepare (req->db, "UPDATE refresh_tokens SET used = 1 WHERE token_hash = ? AND used = 0", NULL);
  if (stmt == NULL)
    return;
  hibachi_server_db_bind_text (stmt, 1, digest);
  hibachi_server_db_step_done (req->db, stmt, NULL);

  user = load_user (req, "WHERE u.id = ?", hibachi_json_get_string (token, "user_id"));
  if (user == NULL || !json_object_get_boolean_member (user, "is_active"))
    {
      hibachi_reply_error (req, 401, "UNAUTHORIZED", "The session has ended; sign in again.", NULL);
      return;
    }

  issue_tokens (req, user);
}

static void
logout_cb (HibachiServerRequest *req)
{
  sqlite3_stmt *stmt;
  JsonObject *reply;

  hibachi_server_revoke_jti (req->server, req->principal->jti, req->principal->expires_at);

  /* The refresh token issued with this access token ends too. */
  stmt = hibachi_server_db_prepare (req->db, "UPDATE refresh_tokens SET used = 1 WHERE access_jti = ?", NULL);
  if (stmt != NULL)
    {
      hibachi_server_db_bind_text (stmt, 1, req->principal->jti);
      hibachi_server_db_step_done (req->db, stmt, NULL);
    }

  reply = json_object_new ();
  json_object_set_boolean_member (reply, "success", TRUE);
  hibachi_reply_object (req, 200, reply);
}

static void
me_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) user = load_user (req, "WHERE u.id = ?", req->principal->user_id);

  if (user == NULL)
    {
      hibachi_reply_error (req, 401, "UNAUTHORIZED", "The account no longer exists.", NULL);
      return;
    }

  hibachi_reply_object (req, 200, public_user (user));
}

static void
health_cb (HibachiServerRequest *req)
{
  JsonObject *reply = json_object_new ();

  json_object_set_string_member (reply, "status", "ok");
  json_object_set_string_member (reply, "version", PACKAGE_VERSION);
  hibachi_reply_object (req, 200, reply);
}

static void
ready_cb (HibachiServerRequest *req)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db, "SELECT count(*) FROM settings", NULL);
  gboolean ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  JsonObject *reply = json_object_new ();

  if (stmt != NULL)
    sqlite3_reset (stmt);
  json_object_set_string_member (reply, "status", ok ? "ok" : "unavailable");
  json_object_set_string_member (reply, "database", ok ? "ok" : "unavailable");
  hibachi_reply_object (req, ok ? 200 : 503, reply);
}

static void
openapi_cb (HibachiServerRequest *req)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/myhibachichef/Server/openapi.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      hibachi_reply_not_found (req, "API document");
      return;
    }

  hibachi_reply_bytes (req, "application/json", bytes);
}

const HibachiServerRoute hibachi_server_auth_routes[] = {
  { "GET", "/health", health_cb, 0, NULL, TRUE },
  { "GET", "/health/live", health_cb, 0, NULL, TRUE },
  { "GET", "/health/ready", ready_cb, 0 },
  { "GET", "/api/openapi.json", openapi_cb, 0 },
  { "POST", "/api/auth/login", login_cb, 0 },
  { "POST", "/api/v1/auth/refresh", refresh_cb, 0 },
  { "POST", "/api/auth/logout", logout_cb, HIBACHI_CAPABILITY_USE_ACCOUNT },
  { "GET", "/api/auth/me", me_cb, HIBACHI_CAPABILITY_USE_ACCOUNT },
  { NULL }
};
