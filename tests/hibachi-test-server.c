/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"

struct _HibachiTestServer
{
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  HibachiServer *server;
  SoupSession   *session;
  char          *dir;
  char          *db_path;
  char          *url;
  guint          port;
  guint          n_bookings;
  GMutex         lock;
  GCond          cond;
  gboolean       ready;
  GError        *error;
  GPtrArray     *requests;   /* "GET /path?query" of each request read, under lock */
};

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 HibachiTestServer *ts)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  char *line = g_strdup_printf ("%s %s%s%s", soup_server_message_get_method (msg), g_uri_get_path (uri),
                                query ? "?" : "", query ? query : "");

  g_mutex_lock (&ts->lock);
  g_ptr_array_add (ts->requests, line);
  g_mutex_unlock (&ts->lock);
}

static gpointer
server_thread (gpointer data)
{
  HibachiTestServer *ts = data;
  guint port = 0;

  g_main_context_push_thread_default (ts->context);

  ts->server = hibachi_server_new (ts->db_path, &ts->error);
  if (ts->server != NULL &&
      hibachi_server_seed_demo (ts->server, ts->n_bookings, 7, &ts->error))
    port = hibachi_server_listen (ts->server, "127.0.0.1", 0, &ts->error);
  if (port != 0)
    {
      ts->url = g_strdup_printf ("http://127.0.0.1:%u", port);
      g_signal_connect (hibachi_server_get_soup_server (ts->server), "request-read", G_CALLBACK (request_read_cb), ts);
    }
  ts->port = port;

  g_mutex_lock (&ts->lock);
  ts->ready = TRUE;
  g_cond_signal (&ts->cond);
  g_mutex_unlock (&ts->lock);

  if (port != 0)
    g_main_loop_run (ts->loop);

  if (ts->server != NULL)
    hibachi_server_disconnect (ts->server);
  g_clear_object (&ts->server);
  g_main_context_pop_thread_default (ts->context);

  return NULL;
}

HibachiTestServer *
hibachi_test_server_start (guint n_bookings)
{
  HibachiTestServer *ts = g_new0 (HibachiTestServer, 1);
  g_autoptr(GError) error = NULL;

  ts->dir = g_dir_make_tmp ("hibachi-test-XXXXXX", &error);
  g_assert_no_error (error);
  ts->db_path = g_build_filename (ts->dir, "hibachi.db", NULL);
  ts->n_bookings = n_bookings;
  ts->context = g_main_context_new ();
  ts->loop = g_main_loop_new (ts->context, FALSE);
  g_mutex_init (&ts->lock);
  g_cond_init (&ts->cond);
  ts->requests = g_ptr_array_new_with_free_func (g_free);

  ts->thread = g_thread_new ("hibachi-test-server", server_thread, ts);
  g_mutex_lock (&ts->lock);
  while (!ts->ready)
    g_cond_wait (&ts->cond, &ts->lock);
  g_mutex_unlock (&ts->lock);

  g_assert_no_error (ts->error);
  g_assert_nonnull (ts->url);

  ts->session = soup_session_new_with_options ("timeout", 60, NULL);

  return ts;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
hibachi_test_server_stop (HibachiTestServer *ts)
{
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (ts == NULL)
    return;

  g_clear_object (&ts->session);
  g_main_context_invoke (ts->context, quit_cb, ts->loop);
  g_thread_join (ts->thread);

  wal = g_strconcat (ts->db_path, "-wal", NULL);
  shm = g_strconcat (ts->db_path, "-shm", NULL);
  g_unlink (ts->db_path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (ts->dir);

  g_main_loop_unref (ts->loop);
  g_main_context_unref (ts->context);
  g_mutex_clear (&ts->lock);
  g_cond_clear (&ts->cond);
  g_clear_error (&ts->error);
  g_ptr_array_unref (ts->requests);
  g_free (ts->dir);
  g_free (ts->db_path);
  g_free (ts->url);
  g_free (ts);
}

const char *
hibachi_test_server_get_url (HibachiTestServer *ts)
{
  return ts->url;
}

guint
hibachi_test_server_count_requests (HibachiTestServer *ts,
                                    const char        *prefix)
{
  guint n = 0;

  g_mutex_lock (&ts->lock);
  for (guint i = 0; i < ts->requests->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (ts->requests, i), prefix))
      n++;
  g_mutex_unlock (&ts->lock);

  return n;
}

void
hibachi_test_server_clear_requests (HibachiTestServer *ts)
{
  g_mutex_lock (&ts->lock);
  g_ptr_array_set_size (ts->requests, 0);
  g_mutex_unlock (&ts->lock);
}

void
hibachi_test_server_wait_quiet (HibachiTestServer *ts,
                                guint              ms)
{
  guint before;

  do
    {
      before = hibachi_test_server_count_requests (ts, "");
      hibachi_test_pause_ms (ms);
    }
  while (hibachi_test_server_count_requests (ts, "") != before);
}

const char *
hibachi_test_server_get_db_path (HibachiTestServer *ts)
{
  return ts->db_path;
}

HibachiServer *
hibachi_test_server_get_server (HibachiTestServer *ts)
{
  return ts->server;
}

typedef struct
{
  HibachiTestServer *ts;
  gint64             seconds;
  guint              max_connections;
  guint              request_timeout_ms;
  gboolean           listening;
  gboolean           done;
  GMutex            *lock;
  GCond             *cond;
} ClockChange;

/* Runs @func (ending with change->done) on the server's thread and waits. */
static void
run_on_server (HibachiTestServer *ts,
               GSourceFunc        func,
               ClockChange       *change)
{
  g_main_context_invoke (ts->context, func, change);
  g_mutex_lock (&ts->lock);
  while (!change->done)
    g_cond_wait (&ts->cond, &ts->lock);
  g_mutex_unlock (&ts->lock);
}

static gboolean
set_listening_cb (gpointer data)
{
  ClockChange *change = data;
  g_autoptr(GError) error = NULL;

  if (change->listening)
    g_assert_cmpuint (hibachi_server_listen (change->ts->server, "127.0.0.1", change->ts->port, &error), ==, change->ts->port);
  else
    hibachi_server_disconnect (change->ts->server);

  g_mutex_lock (change->lock);
  change->done = TRUE;
  g_cond_signal (change->cond);
  g_mutex_unlock (change->lock);

  return G_SOURCE_REMOVE;
}

void
hibachi_test_server_set_listening (HibachiTestServer *ts,
                                   gboolean           listening)
{
  ClockChange change = { ts, 0, 0, 0, listening, FALSE, &ts->lock, &ts->cond };

  run_on_server (ts, set_listening_cb, &change);
}

static gboolean
set_clock_cb (gpointer data)
{
  ClockChange *change = data;

  hibachi_server_set_clock_offset (change->ts->server, change->seconds);
  g_mutex_lock (change->lock);
  change->done = TRUE;
  g_cond_signal (change->cond);
  g_mutex_unlock (change->lock);

  return G_SOURCE_REMOVE;
}

static gboolean
set_limits_cb (gpointer data)
{
  ClockChange *change = data;

  hibachi_server_set_connection_limits (change->ts->server, change->max_connections, change->request_timeout_ms);
  g_mutex_lock (change->lock);
  change->done = TRUE;
  g_cond_signal (change->cond);
  g_mutex_unlock (change->lock);

  return G_SOURCE_REMOVE;
}

void
hibachi_test_server_set_clock_offset (HibachiTestServer *ts,
                                      gint64             seconds)
{
  ClockChange change = { ts, seconds, 0, 0, FALSE, FALSE, &ts->lock, &ts->cond };

  run_on_server (ts, set_clock_cb, &change);
}

void
hibachi_test_server_set_connection_limits (HibachiTestServer *ts,
                                           guint              max_connections,
                                           guint              request_timeout_ms)
{
  ClockChange change = { ts, 0, max_connections, request_timeout_ms, FALSE, FALSE, &ts->lock, &ts->cond };

  run_on_server (ts, set_limits_cb, &change);
}

static HibachiTestResponse *
send_message (HibachiTestServer *ts,
              SoupMessage       *msg,
              const char        *token)
{
  g_autoptr(GError) error = NULL;
  HibachiTestResponse *response = g_new0 (HibachiTestResponse, 1);

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }

  response->body = soup_session_send_and_read (ts->session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (g_bytes_get_size (response->body) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
      response->json = json_from_string (text, NULL);
    }

  return response;
}

static SoupMessage *
new_message (HibachiTestServer *ts,
             const char        *method,
             const char        *path)
{
  g_autofree char *uri = g_strconcat (ts->url, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);

  return msg;
}

HibachiTestResponse *
hibachi_test_request_raw (HibachiTestServer *ts,
                          const char        *method,
                          const char        *path,
                          const char        *token,
                          const char        *content_type,
                          GBytes            *body)
{
  g_autoptr(SoupMessage) msg = new_message (ts, method, path);

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  return send_message (ts, msg, token);
}

HibachiTestResponse *
hibachi_test_request (HibachiTestServer *ts,
                      const char        *method,
                      const char        *path,
                      const char        *token,
                      const char        *body,
                      ...)
{
  g_autoptr(SoupMessage) msg = new_message (ts, method, path);
  const char *name;
  va_list args;

  va_start (args, body);
  while ((name = va_arg (args, const char *)) != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), name, va_arg (args, const char *));
  va_end (args);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return send_message (ts, msg, token);
}

void
hibachi_test_response_free (HibachiTestResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

JsonObject *
hibachi_test_response_object (HibachiTestResponse *response)
{
  if (response->json == NULL)
    g_error ("Not JSON (HTTP %u): %.*s", response->status, (int) MIN (g_bytes_get_size (response->body), 2000),
             (const char *) g_bytes_get_data (response->body, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));

  return json_node_get_object (response->json);
}

const char *
hibachi_test_response_error_code (HibachiTestResponse *response)
{
  JsonObject *root = hibachi_test_response_object (response);

  g_assert_false (json_object_get_boolean_member (root, "success"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (root, "error"), "timestamp"));

  return json_object_get_string_member (json_object_get_object_member (root, "error"), "code");
}

JsonObject *
hibachi_test_response_field_errors (HibachiTestResponse *response)
{
  JsonObject *error = json_object_get_object_member (hibachi_test_response_object (response), "error");
  JsonObject *details = json_object_has_member (error, "details") ? json_object_get_object_member (error, "details") : NULL;

  return details && json_object_has_member (details, "field_errors")
         ? json_object_get_object_member (details, "field_errors") : NULL;
}

gsize
hibachi_test_resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);

  return (gsize) g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

void
hibachi_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR) && !g_file_test (file, G_FILE_TEST_IS_SYMLINK))
        hibachi_test_remove_dir (file);
      else
        g_unlink (file);
    }
  g_rmdir (dir);
}

char *
hibachi_test_login (HibachiTestServer *ts,
                    const char        *email)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, HIBACHI_DEMO_PASSWORD);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (ts, "POST", "/api/auth/login", NULL, body, NULL);

  g_assert_cmpuint (r->status, ==, 200);

  return g_strdup (json_object_get_string_member (hibachi_test_response_object (r), "access_token"));
}

char *
hibachi_test_first_id (HibachiTestServer *ts,
                       const char        *token,
                       const char        *path)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (ts, "GET", path, token, NULL, NULL);
  JsonArray *data;

  g_assert_cmpuint (r->status, ==, 200);
  data = json_object_get_array_member (hibachi_test_response_object (r), "data");
  g_assert_cmpuint (json_array_get_length (data), >, 0);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (data, 0), "id"));
}

char *
hibachi_test_etag (HibachiTestServer *ts,
                   const char        *token,
                   const char        *path)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (ts, "GET", path, token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (soup_message_headers_get_one (r->headers, "ETag"));

  return g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
}

HibachiTestResponse *
hibachi_test_write (HibachiTestServer *ts,
                    const char        *method,
                    const char        *path,
                    const char        *token,
                    const char        *body,
                    const char        *resource)
{
  g_autoptr(HibachiTestResponse) current = hibachi_test_request (ts, "GET", resource, token, NULL, NULL);
  const char *etag = current->status == 200 ? soup_message_headers_get_one (current->headers, "ETag") : NULL;

  if (etag == NULL)
    return hibachi_test_request (ts, method, path, token, body, NULL);

  return hibachi_test_request (ts, method, path, token, body, "If-Match", etag, NULL);
}

char *
hibachi_test_station_id (HibachiTestServer *ts,
                         const char        *token,
                         const char        *code)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (ts, "GET", "/api/v1/stations", token, NULL, NULL);
  JsonArray *data = json_object_get_array_member (hibachi_test_response_object (r), "data");

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *s = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member (s, "code"), code) == 0)
        return g_strdup (json_object_get_string_member (s, "id"));
    }

  g_error ("No station %s", code);
}
