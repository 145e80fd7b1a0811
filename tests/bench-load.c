/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Load benchmark (issue 10): hibachi-server on 20,000 bookings, 200
 * keep-alive connections for 60 s, 50 % list pages, 30 % single bookings,
 * 20 % PATCHes with If-Match, and a /health probe on a fresh connection
 * every second. Prints req/s, p50/p99, non-2xx, the slowest probe and the
 * server's RSS before and after; never fails on time.
 *
 * BENCH_SECONDS, BENCH_CONNECTIONS and BENCH_BOOKINGS change the run.
 * Usage: bench-load HIBACHI_SERVER
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>

#include "hibachi-test-server.h"

enum { OP_LIST, OP_GET, OP_PATCH, N_OPS };
static const char *op_names[N_OPS] = { "list", "get", "patch" };

typedef struct
{
  char   *id;
  gint64  version;    /* last seen; guarded by versions_lock */
} Booking;

typedef struct
{
  GSocketAddress *address;
  char           *token;
  GPtrArray      *bookings;
  GMutex          versions_lock;
  gint64          end;
  gint            stop;
} Shared;

typedef struct
{
  Shared *shared;
  guint   seed;
  GArray *latencies[N_OPS];   /* guint32 µs */
  guint   non_2xx[N_OPS];
  guint   errors;
} Client;

typedef struct
{
  guint  status;
  char  *body;
  char  *etag;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_free);
  g_clear_pointer (&reply->etag, g_free);
}

static GSocket *
open_connection (GSocketAddress *address)
{
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

  if (socket == NULL)
    return NULL;
  g_socket_set_timeout (socket, 120);
  if (!g_socket_connect (socket, address, NULL, NULL))
    g_clear_object (&socket);

  return socket;
}

/* One request and its whole reply on @socket; FALSE when the connection
 * failed or the server closes it. */
static gboolean
exchange (GSocket    *socket,
          const char *request,
          Reply      *reply)
{
  g_autoptr(GString) in = g_string_new (NULL);
  gsize sent = 0, length = strlen (request);
  const char *end = NULL;
  gsize body_length = 0;
  gboolean keep_alive = TRUE;

  while (sent < length)
    {
      gssize n = g_socket_send (socket, request + sent, length - sent, NULL, NULL);

      if (n <= 0)
        return FALSE;
      sent += (gsize) n;
    }

  for (;;)
    {
      char buffer[16384];
      gssize n;

      if (end == NULL && (end = strstr (in->str, "\r\n\r\n")) != NULL)
        {
          const char *field;

          if ((field = strstr (in->str, "\r\nContent-Length: ")) != NULL && field < end)
            body_length = g_ascii_strtoull (field + 18, NULL, 10);
          if ((field = strstr (in->str, "\r\nETag: \"")) != NULL && field < end)
            reply->etag = g_strndup (field + 9, strcspn (field + 9, "\""));
          if ((field = strstr (in->str, "\r\nConnection: close")) != NULL && field < end)
            keep_alive = FALSE;
          reply->status = (guint) g_ascii_strtoull (in->str + 9, NULL, 10);
        }
      if (end != NULL && in->len >= (gsize) (end + 4 - in->str) + body_length)
        break;

      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
      if (n <= 0)
        return FALSE;
      g_string_append_len (in, buffer, n);
      end = NULL;
      g_free (reply->etag);
      reply->etag = NULL;
    }

  end = strstr (in->str, "\r\n\r\n");
  reply->body = g_strndup (end + 4, body_length);

  return keep_alive;
}

static char *
request_text (const char *method,
              const char *path,
              const char *token,
              const char *if_match,
              const char *body)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s HTTP/1.1\r\nHost: bench\r\n", method, path);
  if (token != NULL)
    g_string_append_printf (text, "Authorization: Bearer %s\r\n", token);
  if (if_match != NULL)
    g_string_append_printf (text, "If-Match: \"%s\"\r\n", if_match);
  if (body != NULL)
    g_string_append_printf (text, "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                            strlen (body), body);
  else
    g_string_append (text, "\r\n");

  return g_string_free (text, FALSE);
}

static gint64
version_in (const char *body)
{
  const char *v = body ? strstr (body, "\"version\":") : NULL;

  return v ? g_ascii_strtoll (v + 10, NULL, 10) : -1;
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  Shared *shared = client->shared;
  GSocket *socket = NULL;
  GRand *rand = g_rand_new_with_seed (client->seed);

  for (guint i = 0; i < N_OPS; i++)
    client->latencies[i] = g_array_new (FALSE, FALSE, sizeof (guint32));

  while (!g_atomic_int_get (&shared->stop) && g_get_monotonic_time () < shared->end)
    {
      int pick = g_rand_int_range (rand, 0, 100);
      int op = pick < 50 ? OP_LIST : pick < 80 ? OP_GET : OP_PATCH;
      Booking *booking = g_ptr_array_index (shared->bookings, g_rand_int_range (rand, 0, shared->bookings->len));
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *version = NULL;
      Reply reply = { 0 };
      gint64 start;
      gboolean alive;

      if (socket == NULL && (socket = open_connection (shared->address)) == NULL)
        {
          client->errors++;
          g_usleep (10 * 1000);
          continue;
        }

      if (op == OP_LIST)
        {
          path = g_strdup_printf ("/api/v1/bookings?page=%d&limit=50",
                                  g_rand_int_range (rand, 1, (gint32) shared->bookings->len / 50 + 1));
          text = request_text ("GET", path, shared->token, NULL, NULL);
        }
      else if (op == OP_GET)
        {
          path = g_strconcat ("/api/v1/bookings/", booking->id, NULL);
          text = request_text ("GET", path, shared->token, NULL, NULL);
        }
      else
        {
          g_autofree char *body = g_strdup_printf ("{\"internal_notes\":\"load %u\"}", g_rand_int (rand));

          g_mutex_lock (&shared->versions_lock);
          version = g_strdup_printf ("%" G_GINT64_FORMAT, booking->version);
          g_mutex_unlock (&shared->versions_lock);
          path = g_strconcat ("/api/v1/bookings/", booking->id, NULL);
          text = request_text ("PATCH", path, shared->token, version, body);
        }

      start = g_get_monotonic_time ();
      alive = exchange (socket, text, &reply);
      if (reply.status == 0)
        {
          client->errors++;
          g_clear_object (&socket);
          reply_clear (&reply);
          continue;
        }
      {
        guint32 micros = (guint32) MIN (g_get_monotonic_time () - start, G_MAXUINT32);

        g_array_append_val (client->latencies[op], micros);
      }
      if (reply.status < 200 || reply.status > 299)
        client->non_2xx[op]++;

      /* Keep the versions current for the next PATCH of the booking. */
      if (op != OP_LIST)
        {
          gint64 seen = reply.etag ? g_ascii_strtoll (reply.etag, NULL, 10) : version_in (reply.body);

          g_mutex_lock (&shared->versions_lock);
          if (seen > booking->version)
            booking->version = seen;
          g_mutex_unlock (&shared->versions_lock);
        }
      if (!alive)
        g_clear_object (&socket);
      reply_clear (&reply);
    }

  g_clear_object (&socket);
  g_rand_free (rand);

  return NULL;
}

typedef struct
{
  Shared *shared;
  GArray *probes;   /* double ms */
} Probe;

static gpointer
probe_thread (gpointer data)
{
  Probe *probe = data;
  Shared *shared = probe->shared;

  while (!g_atomic_int_get (&shared->stop) && g_get_monotonic_time () < shared->end)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GSocket) socket = open_connection (shared->address);
      Reply reply = { 0 };
      double ms;

      if (socket != NULL)
        exchange (socket, "GET /health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n", &reply);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (reply.status != 200)
        ms = -1;
      g_array_append_val (probe->probes, ms);
      reply_clear (&reply);
      g_usleep ((gulong) MAX (0, G_USEC_PER_SEC - (g_get_monotonic_time () - start)));
    }

  return NULL;
}

static long
rss_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + 6, NULL, 10);
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  if (sorted->len == 0)
    return 0;

  return g_array_index (sorted, guint32, MIN (sorted->len - 1, (guint) (p * sorted->len))) / 1000.0;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? (guint) atoi (value) : fallback;
}

int
main (int argc, char *argv[])
{
  guint seconds = env_uint ("BENCH_SECONDS", 60);
  guint n_connections = env_uint ("BENCH_CONNECTIONS", 200);
  guint n_bookings = env_uint ("BENCH_BOOKINGS", 20000);
  g_autofree char *dir = g_dir_make_tmp ("hibachi-bench-load-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *bookings_arg = g_strdup_printf ("%u", n_bookings);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  Shared shared = { 0 };
  Probe probe = { &shared, g_array_new (FALSE, FALSE, sizeof (double)) };
  Client *clients;
  GThread **threads;
  GThread *prober;
  GPid pid;
  long rss_before, rss_after;
  gint64 start, elapsed;
  guint total = 0, non_2xx = 0, errors = 0;
  double slowest_probe = 0;
  guint failed_probes = 0;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (argc < 2)
    {
      g_printerr ("Usage: %s HIBACHI_SERVER\n", argv[0]);
      return 2;
    }

  {
    const char *args[] = { argv[1], "--demo", "--demo-bookings", bookings_arg, "--port", "0", "--db", db, NULL };

    server = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  }
  if (server == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  if (line == NULL || !g_str_has_prefix (line, "Listening on http://127.0.0.1:"))
    {
      g_printerr ("The server did not start\n");
      return 1;
    }
  pid = (GPid) atoi (g_subprocess_get_identifier (server));
  shared.address = g_inet_socket_address_new (loopback, (guint16) atoi (strrchr (line, ':') + 1));
  g_mutex_init (&shared.versions_lock);

  /* Sign in, and learn every booking's id and version. */
  {
    g_autoptr(GSocket) socket = open_connection (shared.address);
    const char *body = "{\"email\":\"owner@demo.test\",\"password\":\"hibachi-demo\"}";
    g_autofree char *text = request_text ("POST", "/api/auth/login", NULL, NULL, body);
    Reply reply = { 0 };
    const char *token;

    exchange (socket, text, &reply);
    token = reply.body ? strstr (reply.body, "\"access_token\":\"") : NULL;
    if (token == NULL)
      {
        g_printerr ("Cannot sign in (HTTP %u)\n", reply.status);
        return 1;
      }
    shared.token = g_strndup (token + 16, strcspn (token + 16, "\""));
    reply_clear (&reply);

    shared.bookings = g_ptr_array_new ();
    for (guint page = 1; shared.bookings->len < n_bookings; page++)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/bookings?page=%u&limit=500", page);
        g_autofree char *list = request_text ("GET", path, shared.token, NULL, NULL);
        guint before = shared.bookings->len;
        const char *row;

        exchange (socket, list, &reply);
        for (row = reply.body ? strstr (reply.body, "{\"id\":\"") : NULL; row != NULL;
             row = strstr (row + 1, "{\"id\":\""))
          {
            Booking *booking = g_new0 (Booking, 1);

            booking->id = g_strndup (row + 7, strcspn (row + 7, "\""));
            booking->version = version_in (row);
            g_ptr_array_add (shared.bookings, booking);
          }
        reply_clear (&reply);
        if (shared.bookings->len == before)
          break;
      }
  }

  rss_before = rss_kib (pid);
  printf ("hibachi-server, %u bookings, %u connections for %u s on %u cores: 50%% list, 30%% get, 20%% PATCH\n",
          shared.bookings->len, n_connections, seconds, g_get_num_processors ());

  clients = g_new0 (Client, n_connections);
  threads = g_new0 (GThread *, n_connections);
  start = g_get_monotonic_time ();
  shared.end = start + (gint64) seconds * G_USEC_PER_SEC;
  for (guint i = 0; i < n_connections; i++)
    {
      clients[i].shared = &shared;
      clients[i].seed = i + 1;
      threads[i] = g_thread_new ("client", client_thread, &clients[i]);
    }
  prober = g_thread_new ("probe", probe_thread, &probe);
  for (guint i = 0; i < n_connections; i++)
    g_thread_join (threads[i]);
  elapsed = g_get_monotonic_time () - start;
  g_thread_join (prober);
  rss_after = rss_kib (pid);

  for (int op = 0; op < N_OPS; op++)
    {
      g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint op_non_2xx = 0;

      for (guint i = 0; i < n_connections; i++)
        {
          g_array_append_vals (latencies, clients[i].latencies[op]->data, clients[i].latencies[op]->len);
          op_non_2xx += clients[i].non_2xx[op];
        }
      g_array_append_vals (all, latencies->data, latencies->len);
      g_array_sort (latencies, compare_u32);
      printf ("  %-6s %8u requests %9.1f req/s   p50 %8.2f ms   p99 %8.2f ms   non-2xx %u\n", op_names[op],
              latencies->len, latencies->len / (elapsed / 1e6), percentile_ms (latencies, 0.5),
              percentile_ms (latencies, 0.99), op_non_2xx);
      total += latencies->len;
      non_2xx += op_non_2xx;
    }
  for (guint i = 0; i < n_connections; i++)
    errors += clients[i].errors;
  g_array_sort (all, compare_u32);
  printf ("  all    %8u requests %9.1f req/s   p50 %8.2f ms   p99 %8.2f ms   non-2xx %u   connection errors %u\n",
          total, total / (elapsed / 1e6), percentile_ms (all, 0.5), percentile_ms (all, 0.99), non_2xx, errors);

  for (guint i = 0; i < probe.probes->len; i++)
    {
      double ms = g_array_index (probe.probes, double, i);

      if (ms < 0)
        failed_probes++;
      else
        slowest_probe = MAX (slowest_probe, ms);
    }
  printf ("  /health on a fresh connection every second: %u probes, slowest %.1f ms, %u failed\n",
          probe.probes->len, slowest_probe, failed_probes);
  printf ("  server RSS: %ld MiB before, %ld MiB after\n", rss_before / 1024, rss_after / 1024);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  hibachi_test_remove_dir (dir);

  return 0;
}
