/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server under load and attack (issue 10): memory that must stay
 * bounded, connections, bodies and slow requests. */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"

#define N_BOOKINGS 200

typedef struct
{
  HibachiTestServer *ts;
  char              *owner;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->owner = hibachi_test_login (f->ts, "owner@demo.test");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->owner);
  hibachi_test_server_stop (f->ts);
}

static GSocket *
connect_raw (HibachiTestServer *ts)
{
  g_autoptr(GUri) uri = g_uri_parse (hibachi_test_server_get_url (ts), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, (guint16) g_uri_get_port (uri));
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  /* Generous: a server that never closes fails here, not by hanging. */
  g_socket_set_timeout (socket, 30);

  return socket;
}

static void
send_text (GSocket    *socket,
           const char *text)
{
  /* The server may have closed it: the reply (or its absence) tells. */
  g_socket_send (socket, text, strlen (text), NULL, NULL);
}

/* What the server sends until it closes the connection (or @max bytes). */
static char *
read_until_closed (GSocket *socket,
                   gsize    max)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len < max)
    {
      char buffer[4096];
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
        break;
      g_assert_no_error (error);
      if (n == 0)
        break;
      g_string_append_len (text, buffer, n);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The status of one GET /health answered on @socket (keep-alive); 0 when
 * the connection ends first. */
static guint
raw_health (GSocket *socket)
{
  g_autoptr(GString) reply = g_string_new (NULL);
  const char *end = NULL;
  const char *length;
  gsize body_length = 0;

  send_text (socket, "GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
  for (;;)
    {
      char buffer[4096];
      gssize n;

      if (end == NULL && (end = strstr (reply->str, "\r\n\r\n")) != NULL)
        {
          length = strstr (reply->str, "Content-Length: ");
          body_length = length != NULL ? g_ascii_strtoull (length + 16, NULL, 10) : 0;
        }
      if (end != NULL && reply->len >= (gsize) (end + 4 - reply->str) + body_length)
        break;
      /* A refused connection may be reset before its 503 is read. */
      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
      if (n <= 0)
        return 0;
      g_string_append_len (reply, buffer, n);
      end = NULL;
    }

  return g_str_has_prefix (reply->str, "HTTP/1.1 ") ? (guint) g_ascii_strtoull (reply->str + 9, NULL, 10) : 0;
}

/* A fresh connection's GET /health; waits (up to 10 s) for the server to
 * take connections again. */
static guint
health_eventually (HibachiTestServer *ts)
{
  guint status = 0;

  for (guint attempt = 0; attempt < 200 && status != 200; attempt++)
    {
      g_autoptr(GSocket) socket = connect_raw (ts);

      status = raw_health (socket);
      if (status != 200)
        g_usleep (50 * 1000);
    }

  return status;
}

/* Every distinct key order and key set of a PATCH body once prepared and kept
 * its own UPDATE statement: 40,000 PATCHes added 600 MB. */
static void
test_statement_cache_bounded (Fixture *f, gconstpointer data)
{
  static const char *members[] = {
    "\"customer_name\":\"Ana Ruiz\"",
    "\"internal_notes\":\"Side gate\"",
    "\"special_requests\":\"Extra rice\"",
    "\"allergens\":[\"shellfish\"]",
    "\"deposit_paid\":true",
  };
  HibachiServer *server = hibachi_test_server_get_server (f->ts);
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?limit=1");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autofree char *etag = NULL;
  guint before, after;

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 200);
    etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
  }
  before = hibachi_server_count_statements (server);

  for (guint i = 0; i < 500; i++)
    {
      guint order[G_N_ELEMENTS (members)];
      guint n = 1 + (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (members));
      g_autoptr(GString) body = g_string_new ("{");
      g_autoptr(HibachiTestResponse) r = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        order[k] = k;
      for (guint k = G_N_ELEMENTS (order) - 1; k > 0; k--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) k + 1);
          guint t = order[k];

          order[k] = order[j];
          order[j] = t;
        }
      for (guint k = 0; k < n; k++)
        g_string_append_printf (body, "%s%s", k ? "," : "", members[order[k]]);
      g_string_append_c (body, '}');

      r = hibachi_test_request (f->ts, "PATCH", path, f->owner, body->str, "If-Match", etag, NULL);
      g_assert_cmpuint (r->status, ==, 200);
      g_free (etag);
      etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    }

  /* 500 random orders of up to five keys are ~250 distinct texts; the
   * cache of statements built from requests holds at most 64. */
  after = hibachi_server_count_statements (server);
  g_test_message ("statements: %u before, %u after 500 PATCHes", before, after);
  g_assert_cmpuint (after, <=, before + 64);
}

/* 1,100 idle connections under a 1024 fd limit stopped the server for good;
 * now connections beyond the cap get 503 and the server answers again once
 * they close. */
static void
test_connection_cap (Fixture *f, gconstpointer data)
{
  GSocket *sockets[12];
  g_autofree char *refused = NULL;

  hibachi_test_server_set_connection_limits (f->ts, 8, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sockets); i++)
    sockets[i] = connect_raw (f->ts);

  /* The first is served; the last is beyond the cap (the test client's own
   * keep-alive connection counts too). */
  g_assert_cmpuint (raw_health (sockets[0]), ==, 200);
  refused = read_until_closed (sockets[G_N_ELEMENTS (sockets) - 1], 64 * 1024);
  g_assert_true (g_str_has_prefix (refused, "HTTP/1.1 503 "));
  g_assert_nonnull (strstr (refused, "\"INTERNAL_SERVER_ERROR\""));
  g_assert_nonnull (strstr (refused, "Retry-After: 1"));

  for (guint i = 0; i < G_N_ELEMENTS (sockets); i++)
    g_object_unref (sockets[i]);
  g_assert_cmpuint (health_eventually (f->ts), ==, 200);
}

/* 500 slowloris connections were never closed. */
static void
test_slow_request_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GSocket) idle = NULL;
  g_autoptr(GSocket) partial = NULL;
  g_autoptr(GSocket) trickle = NULL;
  g_autofree char *idle_reply = NULL;
  g_autofree char *partial_reply = NULL;
  const char *request = "GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: ";
  gboolean closed = FALSE;

  hibachi_test_server_set_connection_limits (f->ts, 0, 300);
  idle = connect_raw (f->ts);
  partial = connect_raw (f->ts);
  trickle = connect_raw (f->ts);

  /* Nothing at all, and headers that never end: closed (the socket's
   * 30 s timeout would fail the read if they were not). */
  send_text (partial, request);
  idle_reply = read_until_closed (idle, 64 * 1024);
  partial_reply = read_until_closed (partial, 64 * 1024);
  g_assert_null (strstr (partial_reply, "200 OK"));

  /* A byte every 50 ms keeps no connection open past its request time. */
  send_text (trickle, request);
  for (guint i = 0; i < 600 && !closed; i++)
    {
      g_autoptr(GError) error = NULL;

      g_usleep (50 * 1000);
      closed = g_socket_send (trickle, "x", 1, NULL, &error) < 0 ||
               g_socket_condition_check (trickle, G_IO_IN | G_IO_HUP) != 0;
    }
  g_assert_true (closed);

  /* A connection in use is not closed: requests 150 ms apart for four
   * times the timeout all get their answer on one connection. */
  {
    g_autoptr(GSocket) socket = connect_raw (f->ts);

    for (guint i = 0; i < 8; i++)
      {
        g_assert_cmpuint (raw_health (socket), ==, 200);
        g_usleep (150 * 1000);
      }
  }
}

/* While 200 clients connected, a fresh /health waited 40 s: libsoup took
 * one connection per main-loop pass. A burst is taken at once, each gets
 * its answer, and a new client is answered in the middle of it. */
static void
test_connection_burst (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  const char *request = "GET /health HTTP/1.1\r\nHost: test\r\n\r\n";
  gint64 start;

  for (guint i = 0; i < 300; i++)
    {
      GSocket *socket = connect_raw (f->ts);

      send_text (socket, request);
      g_ptr_array_add (sockets, socket);
    }

  start = g_get_monotonic_time ();
  {
    g_autoptr(GSocket) fresh = connect_raw (f->ts);

    g_assert_cmpuint (raw_health (fresh), ==, 200);
  }
  g_test_message ("fresh /health during a burst of 300 connections: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < sockets->len; i++)
    {
      g_autoptr(GString) reply = g_string_new (NULL);
      char buffer[4096];

      /* The request was sent above: read its whole answer. */
      while (strstr (reply->str, "\"status\":\"ok\"") == NULL)
        {
          gssize n = g_socket_receive (g_ptr_array_index (sockets, i), buffer, sizeof buffer, NULL, NULL);

          g_assert_cmpint (n, >, 0);
          g_string_append_len (reply, buffer, n);
        }
      g_assert_true (g_str_has_prefix (reply->str, "HTTP/1.1 200 "));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/server-transport/statement-cache-bounded", Fixture, NULL, setup,
              test_statement_cache_bounded, teardown);
  g_test_add ("/hibachi/server-transport/connection-burst", Fixture, NULL, setup, test_connection_burst, teardown);
  g_test_add ("/hibachi/server-transport/connection-cap", Fixture, NULL, setup, test_connection_cap, teardown);
  g_test_add ("/hibachi/server-transport/slow-request-closed", Fixture, NULL, setup,
              test_slow_request_closed, teardown);

  return g_test_run ();
}
