/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client and session against a real hibachi-server: sign-in and its
 * failures, the keyring (file backend), refresh mid-use, sign-out. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hibachi-client.h"
#include "hibachi-credentials.h"
#include "hibachi-server.h"
#include "hibachi-session.h"
#include "hibachi-test-server.h"

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer *ts;
  HibachiSession    *session;
} Fixture;

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
sign_in (HibachiSession *session, const char *email, const char *password, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_session_sign_in_async (session, email, password, NULL, store_result_cb, &result);
  return hibachi_session_sign_in_finish (session, wait_for_result (&result), error);
}

static gboolean
restore (HibachiSession *session, const char *email, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_session_restore_async (session, email, NULL, store_result_cb, &result);
  return hibachi_session_restore_finish (session, wait_for_result (&result), error);
}

static gboolean
sign_out (HibachiSession *session, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_session_sign_out_async (session, NULL, store_result_cb, &result);
  return hibachi_session_sign_out_finish (session, wait_for_result (&result), error);
}

static JsonNode *
get (HibachiSession *session, const char *path, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  HibachiClient *client = hibachi_session_get_client (session);

  hibachi_client_request_async (client, "GET", path, NULL, NULL, NULL, store_result_cb, &result);
  return hibachi_client_request_finish (client, wait_for_result (&result), NULL, error);
}

static HibachiTokens *
stored_tokens (const char *server, const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiTokens *tokens;

  hibachi_credentials_lookup_async (server, email, NULL, store_result_cb, &result);
  tokens = hibachi_credentials_lookup_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);

  return tokens;
}

static void
record_state_cb (HibachiSession *session, GParamSpec *pspec, GArray *states)
{
  HibachiSessionState state = hibachi_session_get_state (session);

  g_array_append_val (states, state);
}

/* Requests of GET @path (and of paths it begins) the server has read. */
static guint
count_gets (Fixture *f, const char *path)
{
  g_autofree char *request = g_strconcat ("GET ", path, NULL);

  return hibachi_test_server_count_requests (f->ts, request);
}

/* Runs the main loop until the server has read @n requests of GET @path,
 * then a little longer, for its answer to come back. */
static void
wait_for_gets (Fixture *f, const char *path, guint n)
{
  while (count_gets (f, path) < n)
    g_main_context_iteration (NULL, FALSE);
  for (gint64 until = g_get_monotonic_time () + 300 * 1000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
}

static const char *
station_name (JsonNode *station)
{
  JsonObject *object = json_node_get_object (station);

  if (json_object_has_member (object, "data"))
    object = json_object_get_object_member (object, "data");
  return json_object_get_string_member (object, "name");
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (60);
  f->session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  hibachi_test_server_stop (f->ts);
}

static void
test_sign_in_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiSession) again = NULL;
  g_autoptr(HibachiTokens) tokens = NULL;
  g_autoptr(JsonNode) bookings = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (HibachiSessionState));

  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_SIGNED_OUT);
  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_SIGNED_IN);
  g_assert_cmpstr (hibachi_session_get_role (f->session), ==, "super_admin");
  g_assert_cmpstr (hibachi_session_get_full_name (f->session), ==, "Olivia Owner");
  g_assert_true (hibachi_session_get_remembered (f->session));
  g_assert_true (hibachi_session_can (f->session, HIBACHI_CAPABILITY_ALL_STATIONS | HIBACHI_CAPABILITY_MANAGE_USERS));

  /* The keyring holds the tokens, not the password. */
  tokens = stored_tokens (hibachi_test_server_get_url (f->ts), OWNER);
  g_assert_nonnull (tokens);
  g_assert_nonnull (tokens->refresh_token);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time () / G_USEC_PER_SEC + 29 * 60);

  bookings = get (f->session, "/api/v1/bookings?limit=5", &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (bookings), "total_count"), ==, 60);

  /* Next start: restored without the password, confirmed by the server
   * first (requests may go out meanwhile: the tokens are set). */
  again = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  g_signal_connect (again, "notify::state", G_CALLBACK (record_state_cb), states);
  g_assert_true (restore (again, OWNER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (states->len, ==, 2);
  g_assert_cmpint (g_array_index (states, HibachiSessionState, 0), ==, HIBACHI_SESSION_CONFIRMING);
  g_assert_cmpint (g_array_index (states, HibachiSessionState, 1), ==, HIBACHI_SESSION_SIGNED_IN);
  g_assert_cmpint (hibachi_session_get_state (again), ==, HIBACHI_SESSION_SIGNED_IN);
  g_assert_cmpstr (hibachi_session_get_email (again), ==, OWNER);

  /* Nothing stored for another account: FALSE, no error. */
  {
    g_autoptr(HibachiSession) other = hibachi_session_new (hibachi_test_server_get_url (f->ts));

    g_assert_false (restore (other, "office@demo.test", &error));
    g_assert_no_error (error);
    g_assert_cmpint (hibachi_session_get_state (other), ==, HIBACHI_SESSION_SIGNED_OUT);
  }
}

static void
test_sign_in_failures (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sign_in (f->session, OWNER, "wrong", &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "Wrong email or password.");
  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_SIGNED_OUT);
  g_clear_error (&error);

  for (int i = 0; i < 4; i++)
    {
      sign_in (f->session, OWNER, "wrong", &error);
      g_clear_error (&error);
    }
  g_assert_false (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "15 more minutes"));
}

static void
test_unreachable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiSession) nowhere = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port;

  /* A port that was free a moment ago and that nobody listens on. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  nowhere = hibachi_session_new (url);

  g_assert_false (sign_in (nowhere, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_refresh_mid_use (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiTokens) before = NULL;
  g_autoptr(HibachiTokens) after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint changed = 0;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  before = stored_tokens (hibachi_test_server_get_url (f->ts), OWNER);
  g_signal_connect_swapped (hibachi_session_get_client (f->session), "tokens-changed",
                            G_CALLBACK (g_atomic_int_inc), &changed);

  /* 31 minutes later on the server: the access token is refused, refreshed once, retried. */
  hibachi_test_server_set_clock_offset (f->ts, 31 * 60);
  reply = get (f->session, "/api/v1/stations", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (changed, ==, 1);

  /* The rotated refresh token was written back to the keyring. */
  while (g_main_context_iteration (NULL, FALSE));
  /* The keyring write is asynchronous (a D-Bus round trip, slow on a busy
   * machine): wait for it, with a guard against hanging, not a measure. */
  for (gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_clear_pointer (&after, hibachi_tokens_free);
      after = stored_tokens (hibachi_test_server_get_url (f->ts), OWNER);
      if (g_strcmp0 (after->refresh_token, before->refresh_token) != 0)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpstr (after->refresh_token, !=, before->refresh_token);
  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_SIGNED_IN);
}

static void
test_concurrent_requests_refresh_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  HibachiClient *client = hibachi_session_get_client (f->session);
  GAsyncResult *results[5] = { NULL };
  guint changed = 0;
  char *access = NULL, *refresh = NULL;
  gint64 expires;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_signal_connect_swapped (client, "tokens-changed", G_CALLBACK (g_atomic_int_inc), &changed);

  /* The client believes its token is about to expire: five requests, one refresh. */
  g_assert_true (hibachi_client_get_tokens (client, &access, &refresh, &expires));
  hibachi_client_set_tokens (client, access, refresh, g_get_real_time () / G_USEC_PER_SEC + 10);
  g_free (access);
  g_free (refresh);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    hibachi_client_request_async (client, "GET", "/api/v1/stations", NULL, NULL, NULL, store_result_cb, &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(JsonNode) reply = hibachi_client_request_finish (client, wait_for_result (&results[i]), NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (reply);
      g_object_unref (results[i]);
    }
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_refresh_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));

  /* Eight days later even the refresh token has expired: sign in again. */
  hibachi_test_server_set_clock_offset (f->ts, 8 * 24 * 3600);
  reply = get (f->session, "/api/v1/stations", &error);
  g_assert_null (reply);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED);
  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_EXPIRED);
  /* The email is kept for the "Sign in again" prompt. */
  g_assert_cmpstr (hibachi_session_get_email (f->session), ==, OWNER);
}

typedef struct
{
  guint    runs;
  GThread *thread;     /* where it ran last */
  gint64   rows;       /* of the reply it saw */
  gboolean fail;
  gboolean consumed;   /* it keeps what it needs: the request answers null */
} Transform;

static gboolean
transform_cb (JsonNode *reply, gpointer data, GError **error)
{
  Transform *t = data;
  JsonObject *root = reply != NULL && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  t->runs++;
  t->thread = g_thread_self ();
  t->rows = root != NULL && json_object_has_member (root, "data") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "data"))
            ? (gint64) json_array_get_length (json_object_get_array_member (root, "data")) : -1;
  if (t->fail)
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, "No rows made of it");
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
get_transformed (HibachiSession *session, const char *path, Transform *t, GError **error)
{
  HibachiRequestOptions options = { .transform = transform_cb, .transform_data = t, .reply_consumed = t->consumed };
  g_autoptr(GAsyncResult) result = NULL;
  HibachiClient *client = hibachi_session_get_client (session);

  hibachi_client_request_async (client, "GET", path, NULL, &options, NULL, store_result_cb, &result);
  return hibachi_client_request_finish (client, wait_for_result (&result), NULL, error);
}

/* A request's transform makes what its caller wants of the reply where the
 * reply is parsed: a long one (a page of rows) on a worker thread, not
 * between two frames; a short one, or one asked for ahead, at once. Its
 * failure is the request's. A transform that keeps what it needs leaves
 * the reply to be freed there too. */
static void
test_transform (Fixture *f, gconstpointer data)
{
  const char *page = "/api/v1/bookings?page=1&limit=100";
  g_autoptr(GError) error = NULL;
  HibachiClient *client;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  client = hibachi_session_get_client (f->session);

  /* A page of 60 bookings: made on a worker thread. */
  {
    Transform t = { 0 };
    g_autoptr(JsonNode) reply = get_transformed (f->session, page, &t, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reply);
    g_assert_cmpuint (t.runs, ==, 1);
    g_assert_cmpint (t.rows, ==, 60);
    g_assert_true (t.thread != g_thread_self ());
    g_assert_true (JSON_NODE_HOLDS_OBJECT (reply));
  }

  /* The transform keeps what it needs, long reply or short: the reply is
   * freed where it was parsed, and the request answers null. */
  for (guint limit = 1; limit <= 100; limit += 99)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/bookings?page=1&limit=%u", limit);
      Transform t = { .consumed = TRUE };
      g_autoptr(JsonNode) reply = get_transformed (f->session, path, &t, &error);

      g_assert_no_error (error);
      g_assert_nonnull (reply);
      g_assert_true (JSON_NODE_HOLDS_NULL (reply));
      g_assert_cmpuint (t.runs, ==, 1);
      g_assert_cmpint (t.rows, ==, MIN (limit, 60));
    }

  /* A short reply: on this thread. */
  {
    Transform t = { 0 };
    g_autoptr(JsonNode) reply = get_transformed (f->session, "/api/v1/bookings?page=1&limit=1", &t, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (t.runs, ==, 1);
    g_assert_cmpint (t.rows, ==, 1);
    g_assert_true (t.thread == g_thread_self ());
  }

  /* It fails: so does the request, with its error. */
  {
    Transform t = { .fail = TRUE };
    g_autoptr(JsonNode) reply = get_transformed (f->session, page, &t, &error);

    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==, "No rows made of it");
    g_assert_null (reply);
    g_assert_cmpuint (t.runs, ==, 1);
    g_clear_error (&error);
  }

  /* Asked for ahead: the request that takes the answer transforms it. */
  {
    Transform t = { 0 };
    g_autoptr(JsonNode) reply = NULL;

    hibachi_test_server_clear_requests (f->ts);
    hibachi_client_prefetch (client, page);
    wait_for_gets (f, page, 1);
    reply = get_transformed (f->session, page, &t, &error);
    g_assert_no_error (error);
    g_assert_nonnull (reply);
    g_assert_cmpuint (count_gets (f, page), ==, 1);
    g_assert_cmpuint (t.runs, ==, 1);
    g_assert_cmpint (t.rows, ==, 60);
  }
}

/* A GET asked for ahead (hibachi_client_prefetch()) answers the first
 * same GET after it, once: the server reads one request, and the answer is
 * the one from when it was asked, though the station changed since. The
 * next GET asks again. A GET with If-Match, one after the tokens were
 * cleared, or one after a failed early GET, is not given such an answer;
 * a GET made while the early one is on its way waits for it. */
static void
test_asked_ahead (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autofree char *station = hibachi_test_station_id (f->ts, token, "CA-FREMONT-001");
  g_autofree char *path = g_strconcat ("/api/v1/stations/", station, NULL);
  g_autofree char *name = NULL;
  HibachiClient *client;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  client = hibachi_session_get_client (f->session);
  hibachi_test_server_clear_requests (f->ts);

  /* Asked twice ahead: one request. Then the station is renamed. */
  hibachi_client_prefetch (client, path);
  hibachi_client_prefetch (client, path);
  wait_for_gets (f, path, 1);
  g_assert_cmpuint (count_gets (f, path), ==, 1);
  {
    g_autoptr(HibachiTestResponse) renamed = hibachi_test_write (f->ts, "PATCH", path, token,
                                                                 "{\"name\":\"Fremont Renamed\"}", path);

    g_assert_cmpuint (renamed->status, ==, 200);
  }
  hibachi_test_server_clear_requests (f->ts);
  {
    g_autoptr(JsonNode) early = get (f->session, path, &error);
    g_autoptr(JsonNode) now = NULL;

    g_assert_no_error (error);
    name = g_strdup (station_name (early));
    g_assert_cmpstr (name, !=, "Fremont Renamed");
    g_assert_cmpuint (count_gets (f, path), ==, 0);
    now = get (f->session, path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (station_name (now), ==, "Fremont Renamed");
    g_assert_cmpuint (count_gets (f, path), ==, 1);
  }

  /* Another request on the same path asks for itself. */
  hibachi_test_server_clear_requests (f->ts);
  hibachi_client_prefetch (client, path);
  wait_for_gets (f, path, 1);
  {
    HibachiRequestOptions options = { .if_match = "1" };
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) reply = NULL, early = NULL;

    hibachi_client_request_async (client, "GET", path, NULL, &options, NULL, store_result_cb, &result);
    reply = hibachi_client_request_finish (client, wait_for_result (&result), NULL, NULL);
    g_assert_cmpuint (count_gets (f, path), ==, 2);
    early = get (f->session, path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_gets (f, path), ==, 2);
  }

  /* Cleared tokens drop what was asked in their name. */
  hibachi_test_server_clear_requests (f->ts);
  hibachi_client_prefetch (client, path);
  wait_for_gets (f, path, 1);
  {
    char *access = NULL, *refresh = NULL;
    gint64 expires;
    g_autoptr(JsonNode) reply = NULL;

    g_assert_true (hibachi_client_get_tokens (client, &access, &refresh, &expires));
    hibachi_client_clear_tokens (client);
    hibachi_client_set_tokens (client, access, refresh, expires);
    g_free (access);
    g_free (refresh);
    reply = get (f->session, path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_gets (f, path), ==, 2);
  }

  /* A failure is kept for no one: the request after it asks for itself. */
  hibachi_test_server_clear_requests (f->ts);
  {
    const char *missing = "/api/v1/stations/00000000-0000-4000-8000-000000000000";
    g_autoptr(JsonNode) reply = NULL;

    hibachi_client_prefetch (client, missing);
    wait_for_gets (f, missing, 1);
    reply = get (f->session, missing, &error);
    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (count_gets (f, missing), ==, 2);
  }

  /* Asked for while the early request is on its way: it waits for that. */
  hibachi_test_server_clear_requests (f->ts);
  hibachi_server_hold_workers (hibachi_test_server_get_server (f->ts), TRUE);
  hibachi_client_prefetch (client, path);
  while (count_gets (f, path) < 1)
    g_main_context_iteration (NULL, FALSE);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) reply = NULL;

    hibachi_client_request_async (client, "GET", path, NULL, NULL, NULL, store_result_cb, &result);
    hibachi_server_hold_workers (hibachi_test_server_get_server (f->ts), FALSE);
    reply = hibachi_client_request_finish (client, wait_for_result (&result), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (station_name (reply), ==, "Fremont Renamed");
    g_assert_cmpuint (count_gets (f, path), ==, 1);
  }
}

static void
test_sign_out (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiTokens) tokens = NULL;
  g_autoptr(HibachiTestResponse) me = NULL;
  char *access = NULL, *refresh = NULL;
  gint64 expires;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_true (hibachi_client_get_tokens (hibachi_session_get_client (f->session), &access, &refresh, &expires));
  g_assert_true (hibachi_session_can (f->session, HIBACHI_CAPABILITY_VIEW_BOOKINGS));
  g_assert_true (sign_out (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hibachi_session_get_state (f->session), ==, HIBACHI_SESSION_SIGNED_OUT);
  g_assert_false (hibachi_session_can (f->session, HIBACHI_CAPABILITY_VIEW_BOOKINGS));

  tokens = stored_tokens (hibachi_test_server_get_url (f->ts), OWNER);
  g_assert_null (tokens);

  /* The server revoked the old access token too. */
  me = hibachi_test_request (f->ts, "GET", "/api/auth/me", access, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 401);
  g_free (access);
  g_free (refresh);
}

/* Each HTTP refusal reaches the caller as its own error code with the
 * server's words; a write without If-Match (428) is a bad request, not a
 * server failure. */
static void
test_error_codes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) stations = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"name\": \"Renamed\"}", NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autofree char *path = NULL;
  HibachiClient *client = hibachi_session_get_client (f->session);
  JsonArray *items;

  g_assert_true (sign_in (f->session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  stations = get (f->session, "/api/v1/stations", &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (stations), "data");
  path = g_strdup_printf ("/api/v1/stations/%s",
                          json_object_get_string_member (json_array_get_object_element (items, 0), "id"));

  hibachi_client_request_async (client, "PATCH", path, body, NULL, NULL, store_result_cb, &result);
  reply = hibachi_client_request_finish (client, wait_for_result (&result), NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "If-Match"));
  g_clear_error (&error);

  missing = get (f->session, "/api/v1/bookings/no-such-booking", &error);
  g_assert_null (missing);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
}

static void
test_tls_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hibachi-tls-XXXXXX", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(HibachiSession) session = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  int status = 0;
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                         "-days", "1", "-subj", "/CN=127.0.0.1", NULL };

  /* A server with a certificate nobody vouches for. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://"));

  /* Refused with its own error, never accepted silently. */
  session = hibachi_session_new (url);
  g_assert_false (sign_in (session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_assert_cmpint (hibachi_session_get_state (session), ==, HIBACHI_SESSION_SIGNED_OUT);

  g_unlink (cert);
  g_unlink (key);
  g_rmdir (dir);
}

static void
test_keyring_unavailable (void)
{
  HibachiTestServer *ts = hibachi_test_server_start (10);
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(GError) error = NULL;

  /* This run's SECRET_FILE_TEST_PATH points into a file, so the keyring cannot store. */
  g_assert_true (sign_in (session, OWNER, HIBACHI_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hibachi_session_get_state (session), ==, HIBACHI_SESSION_SIGNED_IN);
  g_assert_false (hibachi_session_get_remembered (session));
  g_assert_nonnull (hibachi_session_get_keyring_error (session));

  hibachi_test_server_stop (ts);
}

static void
count_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  /* Lookups answer tokens or nothing; stores and clears TRUE. */
  if (g_task_had_error (G_TASK (result)))
    {
      g_autoptr(GError) error = NULL;

      /* Any result type: a task that failed gives its error first. */
      g_task_propagate_boolean (G_TASK (result), &error);
      g_error ("A keyring call failed: %s", error != NULL ? error->message : "(no message)");
    }
  (*(guint *) user_data)++;
}

/* Many keyring calls at once (the restore's lookup on a thread while the
 * window stores or forgets a session): each answers, none sees the keyring
 * half-changed, and the last one wins. */
static void
test_keyring_calls_at_once (void)
{
  const char *server = "http://keyring.test";
  HibachiTokens tokens = { (char *) "access", (char *) "refresh", G_MAXINT64 / 2 };
  g_autoptr(HibachiTokens) left = NULL;
  guint done = 0, started = 0;

  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *account = g_strdup_printf ("user%u@demo.test", round % 4);

      hibachi_credentials_store_async (server, account, &tokens, NULL, count_done_cb, &done);
      for (guint i = 0; i < 4; i++)
        hibachi_credentials_lookup_async (server, account, NULL, count_done_cb, &done);
      hibachi_credentials_clear_async (server, account, NULL, count_done_cb, &done);
      started += 6;
    }
  while (done < started)
    g_main_context_iteration (NULL, TRUE);

  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_credentials_store_async (server, "last@demo.test", &tokens, NULL, store_result_cb, &result);
    g_assert_true (hibachi_credentials_store_finish (wait_for_result (&result), NULL));
  }
  left = stored_tokens (server, "last@demo.test");
  g_assert_nonnull (left);
  g_assert_cmpstr (left->refresh_token, ==, "refresh");
}

/* The keyring file written by someone else between two of our writes, in
 * the same second (libsecret's file backend reloads only when the second of
 * its mtime changes, and refuses a write over a file whose etag it did not
 * see: "The file was externally modified"). Our next store still lands, and
 * what was there stays. Only the file backend keeps a file of its own. */
static void
test_keyring_changed_outside (void)
{
  const char *server = "http://keyring-outside.test";
  const char *path = g_getenv ("SECRET_FILE_TEST_PATH");
  HibachiTokens tokens = { (char *) "access", (char *) "refresh-a", G_MAXINT64 / 2 };
  g_autoptr(HibachiTokens) first = NULL;
  g_autoptr(HibachiTokens) second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat before;
  struct timespec times[2];
  gsize length;

  if (path == NULL)
    {
      g_test_skip ("Not the file backend");
      return;
    }

  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_credentials_store_async (server, "a@demo.test", &tokens, NULL, store_result_cb, &result);
    g_assert_true (hibachi_credentials_store_finish (wait_for_result (&result), NULL));
  }

  /* Someone writes the same bytes again: a new file, the same second. */
  g_assert_cmpint (stat (path, &before), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  times[1].tv_nsec = (times[1].tv_nsec + 500000000) % 1000000000;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  tokens.refresh_token = (char *) "refresh-b";
  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_credentials_store_async (server, "b@demo.test", &tokens, NULL, store_result_cb, &result);
    hibachi_credentials_store_finish (wait_for_result (&result), &error);
    g_assert_no_error (error);
  }
  first = stored_tokens (server, "a@demo.test");
  second = stored_tokens (server, "b@demo.test");
  g_assert_nonnull (first);
  g_assert_cmpstr (first->refresh_token, ==, "refresh-a");
  g_assert_nonnull (second);
  g_assert_cmpstr (second->refresh_token, ==, "refresh-b");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The run whose keyring cannot store has only this case. */
  if (g_getenv ("HIBACHI_TEST_NO_KEYRING") != NULL)
    {
      g_test_add_func ("/hibachi/session-no-keyring/keyring-unavailable", test_keyring_unavailable);
      return g_test_run ();
    }

#define ADD(path, fn) g_test_add ("/hibachi/session/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("sign-in-and-restore", test_sign_in_and_restore);
  ADD ("sign-in-failures", test_sign_in_failures);
  ADD ("unreachable", test_unreachable);
  ADD ("refresh-mid-use", test_refresh_mid_use);
  ADD ("concurrent-refresh-once", test_concurrent_requests_refresh_once);
  ADD ("refresh-refused", test_refresh_refused);
  ADD ("sign-out", test_sign_out);
  ADD ("asked-ahead", test_asked_ahead);
  ADD ("transform", test_transform);
  ADD ("error-codes", test_error_codes);
#undef ADD
  g_test_add_func ("/hibachi/session/keyring-calls-at-once", test_keyring_calls_at_once);
  g_test_add_func ("/hibachi/session/keyring-changed-outside", test_keyring_changed_outside);
  /* Last: libsoup 3.6 (Debian 13) leaves this test's HTTPS server a
   * connection that aborts a later test's main loop. */
  g_test_add_func ("/hibachi/session/tls-refused", test_tls_refused);

  return g_test_run ();
}
