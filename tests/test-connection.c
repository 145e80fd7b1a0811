/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The connection state and the change feed against a real server that
 * goes away and comes back on the same port. */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "hibachi-change-feed.h"
#include "hibachi-connection-monitor.h"
#include "hibachi-session.h"
#include "hibachi-store.h"
#include "hibachi-test-server.h"

#define N_BOOKINGS 40
/* A guard against hanging, never a measure: the probes back off to 16 s. */
#define GUARD_SECONDS 90

typedef struct
{
  HibachiTestServer *ts;
  HibachiSession    *session;
  HibachiStore      *store;
  GPtrArray         *events;
} Fixture;

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + GUARD_SECONDS * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > end_) \
          g_error ("Still not true after %d s: %s", GUARD_SECONDS, #condition); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (2000); \
      } \
  } G_STMT_END

static HibachiSession *
sign_in (Fixture *f, const char *email)
{
  HibachiSession *session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hibachi_session_sign_in_async (session, email, HIBACHI_DEMO_PASSWORD, NULL, store_result_cb, &result);
  g_assert_true (hibachi_session_sign_in_finish (session, wait_for (&result), &error));

  return session;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->session = sign_in (f, "owner@demo.test");
  f->store = hibachi_store_new (hibachi_session_get_client (f->session));
  f->events = g_ptr_array_new_with_free_func (g_free);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->session);
  g_ptr_array_unref (f->events);
  hibachi_test_server_stop (f->ts);
}

static gint64
count_bookings (HibachiStore *store, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_store_count_bookings_async (store, "", NULL, store_result_cb, &result);
  return hibachi_store_count_finish (store, wait_for (&result), error);
}

static void
state_cb (HibachiConnectionMonitor *monitor, GParamSpec *pspec, Fixture *f)
{
  GEnumClass *klass = g_type_class_peek (HIBACHI_TYPE_CONNECTION_STATE);

  g_ptr_array_add (f->events, g_strdup (g_enum_get_value (klass, hibachi_connection_monitor_get_state (monitor))->value_nick));
}

static gboolean
saw (Fixture *f, const char *event)
{
  return g_ptr_array_find_with_equal_func (f->events, event, g_str_equal, NULL);
}

static void
test_offline_and_back (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiConnectionMonitor) monitor = hibachi_connection_monitor_new (hibachi_session_get_client (f->session));
  g_autoptr(GError) error = NULL;

  g_signal_connect (monitor, "notify::state", G_CALLBACK (state_cb), f);
  g_assert_cmpint (count_bookings (f->store, &error), ==, N_BOOKINGS);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_ONLINE);

  /* The server goes away: the first failed request makes it Offline at once. */
  hibachi_test_server_set_listening (f->ts, FALSE);
  g_assert_cmpint (count_bookings (f->store, &error), ==, -1);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_OFFLINE);

  /* It probes by itself, and stays Offline while nothing answers. */
  WAIT_UNTIL (saw (f, "reconnecting") && hibachi_connection_monitor_get_state (monitor) == HIBACHI_CONNECTION_OFFLINE);

  /* Back on the same port: Online by itself, without any request of ours. */
  hibachi_test_server_clear_requests (f->ts);
  hibachi_test_server_set_listening (f->ts, TRUE);
  WAIT_UNTIL (hibachi_connection_monitor_get_state (monitor) == HIBACHI_CONNECTION_ONLINE);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /health"), >=, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/"), ==, 0);
  g_assert_cmpint (count_bookings (f->store, &error), ==, N_BOOKINGS);
  g_assert_no_error (error);

  /* Online, it does not probe. */
  hibachi_test_server_clear_requests (f->ts);
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /health"), ==, 0);
}

/* "Try Again" while Offline: one probe at once, Online as soon as it answers. */
static void
test_retry_now (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiConnectionMonitor) monitor = hibachi_connection_monitor_new (hibachi_session_get_client (f->session));

  hibachi_connection_monitor_retry (monitor);   /* Online: nothing to do */
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_ONLINE);

  hibachi_test_server_set_listening (f->ts, FALSE);
  count_bookings (f->store, NULL);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_OFFLINE);

  hibachi_test_server_set_listening (f->ts, TRUE);
  hibachi_test_server_clear_requests (f->ts);
  hibachi_connection_monitor_retry (monitor);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_RECONNECTING);
  WAIT_UNTIL (hibachi_connection_monitor_get_state (monitor) == HIBACHI_CONNECTION_ONLINE);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /health"), ==, 1);
}

/* A reply, even an error, means the server is there. */
static void
test_errors_are_online (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiConnectionMonitor) monitor = hibachi_connection_monitor_new (hibachi_session_get_client (f->session));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) missing = NULL;

  hibachi_test_server_set_listening (f->ts, FALSE);
  count_bookings (f->store, NULL);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_OFFLINE);
  hibachi_test_server_set_listening (f->ts, TRUE);

  hibachi_store_get_booking_async (f->store, "00000000-0000-0000-0000-000000000000", NULL, store_result_cb, &result);
  missing = hibachi_store_booking_finish (f->store, wait_for (&result), NULL, &error);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
  g_assert_cmpint (hibachi_connection_monitor_get_state (monitor), ==, HIBACHI_CONNECTION_ONLINE);
}

static void
feed_changed_cb (HibachiChangeFeed *feed, HibachiResourceKind kind, const char *id, const char *actor,
                 const char *action, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("%d %s %s %s", kind, id, actor, action));
}

static HibachiBooking *
pending_booking (Fixture *f, HibachiStore *store, guint index)
{
  g_autoptr(HibachiPagedList) list = hibachi_store_new_booking_list (store);

  hibachi_paged_list_set_query (list, "status=pending&sort=created_at");
  while (hibachi_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_item (G_LIST_MODEL (list), index);
}

static HibachiBooking *
confirm (HibachiStore *store, HibachiBooking *booking)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiBooking *confirmed;

  hibachi_store_confirm_booking_async (store, booking, NULL, store_result_cb, &result);
  confirmed = hibachi_store_booking_finish (store, wait_for (&result), NULL, &error);
  g_assert_no_error (error);

  return confirmed;
}

/* Polls waiting on the server: the feed has its cursor. */
static guint
waiting_polls (Fixture *f)
{
  return hibachi_test_server_count_requests (f->ts, "GET /api/v1/changes?since=");
}

static void
test_feed (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiChangeFeed) feed = hibachi_change_feed_new (hibachi_session_get_client (f->session));
  g_autoptr(HibachiSession) office = sign_in (f, "office@demo.test");
  g_autoptr(HibachiStore) other = hibachi_store_new (hibachi_session_get_client (office));
  g_autoptr(HibachiBooking) first = pending_booking (f, other, 0);
  g_autoptr(HibachiBooking) second = pending_booking (f, other, 1);
  g_autoptr(HibachiBooking) done = NULL;
  g_autofree char *expected = NULL;
  guint polls;

  g_signal_connect (feed, "changed", G_CALLBACK (feed_changed_cb), f);
  hibachi_test_server_clear_requests (f->ts);
  hibachi_change_feed_start (feed);
  g_assert_true (hibachi_change_feed_get_running (feed));
  WAIT_UNTIL (waiting_polls (f) == 1);

  /* A write by a second client arrives, with who made it and what they did. */
  done = confirm (other, first);
  expected = g_strdup_printf ("%d %s %s confirm", HIBACHI_RESOURCE_BOOKING, hibachi_booking_get_id (first),
                              hibachi_session_get_full_name (office));
  WAIT_UNTIL (f->events->len == 1);
  g_assert_cmpstr (f->events->pdata[0], ==, expected);

  /* The server goes away and comes back: the feed resumes from where it
   * was, so a change made meanwhile is not lost. */
  WAIT_UNTIL (waiting_polls (f) == 2);
  hibachi_test_server_set_listening (f->ts, FALSE);
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  hibachi_test_server_set_listening (f->ts, TRUE);
  g_clear_object (&done);
  polls = waiting_polls (f);
  done = confirm (other, second);
  g_free (expected);
  expected = g_strdup_printf ("%d %s %s confirm", HIBACHI_RESOURCE_BOOKING, hibachi_booking_get_id (second),
                              hibachi_session_get_full_name (office));
  WAIT_UNTIL (f->events->len == 2);
  g_assert_cmpstr (f->events->pdata[1], ==, expected);
  g_assert_cmpuint (waiting_polls (f), >, polls);

  hibachi_change_feed_stop (feed);
  g_assert_false (hibachi_change_feed_get_running (feed));
}

static void
row_changed_cb (HibachiPagedList *list, HibachiResource *row, const char *actor, const char *action, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("%s %s %s", hibachi_resource_get_id (row), actor, action));
}

static void
status_notify_cb (HibachiBooking *booking, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* A list following the feed: the row another client changed is updated in
 * place (same object, its property notified), and the list says who did it. */
static void
test_list_follows_feed (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiChangeFeed) feed = hibachi_change_feed_new (hibachi_session_get_client (f->session));
  g_autoptr(HibachiPagedList) list = hibachi_store_new_booking_list (f->store);
  g_autoptr(HibachiSession) office = sign_in (f, "office@demo.test");
  g_autoptr(HibachiStore) other = hibachi_store_new (hibachi_session_get_client (office));
  g_autoptr(HibachiBooking) row = NULL;
  g_autoptr(HibachiBooking) theirs = NULL;
  g_autoptr(HibachiBooking) done = NULL;
  g_autofree char *expected = NULL;
  guint notified = 0;

  hibachi_paged_list_follow (list, feed, HIBACHI_RESOURCE_BOOKING);
  g_signal_connect (list, "row-changed", G_CALLBACK (row_changed_cb), f);
  hibachi_paged_list_set_query (list, "status=pending&sort=created_at");
  while (hibachi_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (row, "notify::status", G_CALLBACK (status_notify_cb), &notified);

  hibachi_test_server_clear_requests (f->ts);
  hibachi_change_feed_start (feed);
  WAIT_UNTIL (waiting_polls (f) == 1);

  theirs = pending_booking (f, other, 0);
  g_assert_cmpstr (hibachi_booking_get_id (theirs), ==, hibachi_booking_get_id (row));
  done = confirm (other, theirs);

  expected = g_strdup_printf ("%s %s confirm", hibachi_booking_get_id (row), hibachi_session_get_full_name (office));
  WAIT_UNTIL (f->events->len == 1);
  g_assert_cmpstr (f->events->pdata[0], ==, expected);
  g_assert_cmpstr (hibachi_booking_get_status (row), ==, "confirmed");
  g_assert_cmpint (hibachi_booking_get_version (row), ==, hibachi_booking_get_version (done));
  g_assert_cmpuint (notified, ==, 1);
  {
    g_autoptr(HibachiBooking) again = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (again == row);
  }
  /* One fetch of that booking, nothing else. */
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings/"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?"), ==, 1);
}

/* A chef may not follow changes: the feed stops instead of retrying. */
static void
test_feed_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiSession) chef = sign_in (f, "chef.kenji@demo.test");
  g_autoptr(HibachiChangeFeed) feed = hibachi_change_feed_new (hibachi_session_get_client (chef));

  hibachi_test_server_clear_requests (f->ts);
  hibachi_change_feed_start (feed);
  WAIT_UNTIL (!hibachi_change_feed_get_running (feed));
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/changes"), ==, 1);
}

/* A reply whose cursor is not a string (a proxy, another server) is not
 * followed: no warning, nothing reported, the feed keeps running and asks
 * again later instead of polling in a loop. */
static void
odd_changes_cb (SoupServer *server, SoupServerMessage *message, const char *path,
                GHashTable *query, gpointer user_data)
{
  static const char body[] = "{\"cursor\":[\"7\"],\"changes\":[{\"resource\":\"booking\",\"id\":\"b1\"}]}";

  (*(guint *) user_data)++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
test_feed_odd_cursor (Fixture *f, gconstpointer data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(HibachiClient) client = NULL;
  g_autoptr(HibachiChangeFeed) feed = NULL;
  guint requests = 0;

  soup_server_add_handler (server, "/api/v1/changes", odd_changes_cb, &requests, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  client = hibachi_client_new (url);
  feed = hibachi_change_feed_new (client);
  g_signal_connect (feed, "changed", G_CALLBACK (feed_changed_cb), f);

  hibachi_change_feed_start (feed);
  WAIT_UNTIL (requests >= 1);
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpuint (f->events->len, ==, 0);
  g_assert_true (hibachi_change_feed_get_running (feed));
  hibachi_change_feed_stop (feed);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/connection/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("offline-and-back", test_offline_and_back);
  ADD ("errors-are-online", test_errors_are_online);
  ADD ("retry-now", test_retry_now);
  ADD ("feed", test_feed);
  ADD ("feed-refused", test_feed_refused);
  ADD ("feed-odd-cursor", test_feed_odd_cursor);
  ADD ("list-follows-feed", test_list_follows_feed);
#undef ADD

  return g_test_run ();
}
