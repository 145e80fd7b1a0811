/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Outgoing requests (src/api/hibachi-http.c) against a real hibachi-server:
 * a request may be cancelled at any moment, and the session stays sound.
 *
 * libsoup 3.6 (the Flatpak runtime's, Debian 13's) corrupts its heap when a
 * request is cancelled after its response headers arrived and before the
 * send completes. /http/cancel-after-headers does exactly that a few
 * hundred times; with libsoup's own cancellation it crashes there within
 * the first hundred ("g_atomic_rc_box_acquire: assertion … G_BOX_MAGIC" or
 * SIGSEGV). */
#include "config.h"

#include <libsoup/soup.h>

#include "hibachi-http.h"
#include "hibachi-test-server.h"

#define N_REQUESTS 300

typedef struct
{
  HibachiTestServer *ts;
  SoupSession       *session;
  guint              pending;
  guint              n_cancelled;
  guint              n_answered;
  guint              n_failed;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (20);
  f->session = soup_session_new_with_options ("max-conns-per-host", 6, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  hibachi_test_server_stop (f->ts);
}

static SoupMessage *
new_message (Fixture *f, const char *path)
{
  g_autofree char *url = g_strconcat (hibachi_test_server_get_url (f->ts), path, NULL);

  return soup_message_new ("GET", url);
}

static void
counted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hibachi_http_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (bytes != NULL)
    {
      g_assert_cmpuint (soup_message_get_status (hibachi_http_get_message (result)), ==, 200);
      f->n_answered++;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    f->n_cancelled++;
  else
    {
      g_test_message ("request failed: %s", error->message);
      f->n_failed++;
    }
  f->pending--;
}

static void
wait_for_all (Fixture *f)
{
  while (f->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* After all that, the session still answers. */
static void
assert_session_works (Fixture *f)
{
  g_autoptr(SoupMessage) msg = new_message (f, "/health");
  guint answered = f->n_answered;

  f->pending++;
  hibachi_http_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, counted_cb, f);
  wait_for_all (f);
  g_assert_cmpuint (f->n_answered, ==, answered + 1);
}

static void
test_reply (Fixture *f, gconstpointer data)
{
  g_autoptr(SoupMessage) msg = new_message (f, "/health");

  f->pending++;
  hibachi_http_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, counted_cb, f);
  wait_for_all (f);
  g_assert_cmpuint (f->n_answered, ==, 1);
  g_assert_cmpuint (f->n_failed, ==, 0);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* What a board reload does to a request that is being answered: cancel it
 * from another main-loop source after the headers came in. */
static void
got_headers_cb (SoupMessage *msg, gpointer data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_cb, g_object_ref (data), g_object_unref);
}

static void
test_cancel_after_headers (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autoptr(SoupMessage) msg = new_message (f, "/health");
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), cancellable, 0);
      f->pending++;
      hibachi_http_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, counted_cb, f);
      /* A few at a time, as the app has them. */
      while (f->pending > 4)
        g_main_context_iteration (NULL, TRUE);
    }
  wait_for_all (f);

  /* The caller asked to cancel, so it is told "cancelled", every time. */
  g_assert_cmpuint (f->n_cancelled, ==, N_REQUESTS);
  g_assert_cmpuint (f->n_failed, ==, 0);
  assert_session_works (f);
}

/* Cancelled before anything came back (at once, or a moment later): the
 * request is really abandoned, and the caller hears of it. */
static void
test_cancel_before_headers (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autoptr(SoupMessage) msg = new_message (f, "/health");
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      f->pending++;
      hibachi_http_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, counted_cb, f);
      if (i % 2 == 0)
        g_cancellable_cancel (cancellable);
      else
        g_timeout_add_full (G_PRIORITY_DEFAULT, i % 3, cancel_cb, g_object_ref (cancellable), g_object_unref);
      while (f->pending > 4)
        g_main_context_iteration (NULL, TRUE);
    }
  wait_for_all (f);

  g_assert_cmpuint (f->n_cancelled + f->n_answered, ==, N_REQUESTS);
  g_assert_cmpuint (f->n_cancelled, >=, N_REQUESTS / 2);
  g_assert_cmpuint (f->n_failed, ==, 0);
  assert_session_works (f);
}

/* A change-feed long-poll the app stops (sign-out, window closed): it ends
 * now, not when the server would have answered (25 s). */
static void
test_cancel_long_poll (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, "owner@demo.test");
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) cursor = new_message (f, "/api/v1/changes");
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  gint64 started;

  /* The newest cursor, so that the poll waits. */
  soup_message_headers_replace (soup_message_get_request_headers (cursor), "Authorization", authorization);
  reply = soup_session_send_and_read (f->session, cursor, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (cursor), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL));
  path = g_strdup_printf ("/api/v1/changes?since=%s&wait=25",
                          json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "cursor"));

  msg = new_message (f, path);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  f->pending++;
  hibachi_http_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, counted_cb, f);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 300, cancel_cb, g_object_ref (cancellable), g_object_unref);
  started = g_get_monotonic_time ();
  wait_for_all (f);

  g_assert_cmpuint (f->n_cancelled, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
  assert_session_works (f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/http/reply", Fixture, NULL, fixture_set_up, test_reply, fixture_tear_down);
  g_test_add ("/http/cancel-after-headers", Fixture, NULL, fixture_set_up, test_cancel_after_headers,
              fixture_tear_down);
  g_test_add ("/http/cancel-before-headers", Fixture, NULL, fixture_set_up, test_cancel_before_headers,
              fixture_tear_down);
  g_test_add ("/http/cancel-long-poll", Fixture, NULL, fixture_set_up, test_cancel_long_poll, fixture_tear_down);

  return g_test_run ();
}
