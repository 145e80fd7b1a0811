/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A start with a remembered session, against a real hibachi-server under
 * Xvfb: the keyring is asked before the window's widgets are built (by the
 * application, before GTK starts), and whatever the answer, and whether it
 * comes before or after the window, the window gets it: the
 * bookings when the server takes the session, the sign-in page with the
 * email kept when it refuses it (and the keyring forgets it), the sign-in
 * page with the error when the server cannot be reached (and the keyring
 * keeps it), nothing at all when the window was closed before. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "hibachi-booking-detail.h"
#include "hibachi-credentials.h"
#include "hibachi-server.h"
#include "hibachi-sign-in-page.h"
#include "hibachi-test-app.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-window.h"

#define OWNER "owner@demo.test"

typedef HibachiTestAppFixture Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (40);
  f->app = hibachi_test_application (f->ts);
}

/* Signed in before: the keyring holds the session, the settings the account. */
static void
remember_session (Fixture *f)
{
  hibachi_test_remember_session (f->ts, f->app, OWNER);
}

static HibachiTokens *
remembered_tokens (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiTokens *tokens;

  hibachi_credentials_lookup_async (hibachi_test_server_get_url (f->ts), OWNER, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  tokens = hibachi_credentials_lookup_finish (result, &error);
  g_assert_no_error (error);

  return tokens;
}

static void
open_window (Fixture *f)
{
  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static gboolean
is_label_saying (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The sign-in form once on screen (it is made when first shown). */
static GtkWidget *
shown_sign_in_page (Fixture *f)
{
  GtkWidget *page = NULL;

  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0 &&
            (page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_SIGN_IN_PAGE)) != NULL &&
            gtk_widget_get_mapped (page));
  return page;
}

/* The sign-in page as a person sees it: its email and its message. */
static void
assert_sign_in_shown (Fixture *f, const char *message)
{
  GtkWidget *page = shown_sign_in_page (f);

  g_assert_cmpstr (hibachi_sign_in_page_get_email (HIBACHI_SIGN_IN_PAGE (page)), ==, OWNER);
  g_assert_cmpstr (hibachi_sign_in_page_get_password (HIBACHI_SIGN_IN_PAGE (page)), ==, "");
  g_assert_nonnull (hibachi_test_find_mapped (page, is_label_saying, message));
}

static void
test_restored (Fixture *f, gconstpointer data)
{
  HibachiPagedList *list;

  remember_session (f);
  open_window (f);
  /* Built, and waiting for the keyring and the server: no password asked. */
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "loading");
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  g_assert_cmpstr (hibachi_session_get_email (hibachi_window_get_session (f->window)), ==, OWNER);
  /* The bookings' first rows come in. */
  WAIT_FOR ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window))) != NULL &&
            g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
}

/* A restored session: while the server has yet to confirm it, the window
 * already asks for what signing in loads next (stations, chefs, the first
 * page of bookings), so all four requests are on the server at once; then
 * each is asked once, not again after the confirmation. */
static void
test_asks_ahead (Fixture *f, gconstpointer data)
{
  HibachiServer *server = hibachi_test_server_get_server (f->ts);
  const char * const requests[] = { "GET /api/auth/me", "GET /api/v1/stations?", "GET /api/v1/chefs?",
                                    "GET /api/v1/bookings?page=1&limit=100&" };
  HibachiPagedList *list;

  remember_session (f);
  hibachi_test_server_clear_requests (f->ts);
  /* Nothing is answered: the session is not confirmed meanwhile. */
  hibachi_server_hold_workers (server, TRUE);
  open_window (f);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    WAIT_FOR (hibachi_test_server_count_requests (f->ts, requests[i]) == 1);
  g_assert_cmpint (hibachi_session_get_state (hibachi_window_get_session (f->window)), ==, HIBACHI_SESSION_CONFIRMING);
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "loading");
  hibachi_server_hold_workers (server, FALSE);

  WAIT_FOR ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window))) != NULL &&
            g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, requests[i]), ==, 1);
}

/* The keyring and the server answered before the window was built (the
 * application asks at its startup, before GTK starts): the window takes
 * the answer as it is built, signed in at once. */
static void
test_answered_before_window (Fixture *f, gconstpointer data)
{
  HibachiPagedList *list;

  remember_session (f);
  hibachi_window_begin_restore (f->app);
  /* Long enough for the keyring and /me, with nobody to hand them to. */
  hibachi_test_pause_ms (1500);
  open_window (f);
  g_assert_cmpint (hibachi_session_get_state (hibachi_window_get_session (f->window)), ==, HIBACHI_SESSION_SIGNED_IN);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  WAIT_FOR ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window))) != NULL &&
            g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
}

/* The server refuses what the keyring holds (tokens it never issued). */
static void
test_refused (Fixture *f, gconstpointer data)
{
  HibachiTokens bogus = { (char *) "not-a-token", (char *) "not-a-refresh-token", G_MAXINT64 / 2 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HibachiTokens) left = NULL;

  remember_session (f);
  hibachi_credentials_store_async (hibachi_test_server_get_url (f->ts), OWNER, &bogus, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (hibachi_credentials_store_finish (result, NULL));

  open_window (f);
  assert_sign_in_shown (f, "Your session has ended. Sign in again to continue.");
  /* Forgotten: the next start asks for the password too. */
  WAIT_FOR ((left = remembered_tokens (f)) == NULL);
}

/* The server is gone: say so, and keep the session for when it is back. */
static void
test_unreachable (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTokens) kept = NULL;
  GtkWidget *page;

  remember_session (f);
  hibachi_test_server_set_listening (f->ts, FALSE);
  open_window (f);
  page = shown_sign_in_page (f);
  g_assert_cmpstr (hibachi_sign_in_page_get_email (HIBACHI_SIGN_IN_PAGE (page)), ==, OWNER);
  g_assert_null (hibachi_test_find_mapped (page, is_label_saying, "Your session has ended. Sign in again to continue."));
  kept = remembered_tokens (f);
  g_assert_nonnull (kept);
  hibachi_test_server_set_listening (f->ts, TRUE);
}

/* Closed before the keyring answered: the answer finds no window to act on,
 * and the next window restores the session as before. */
static void
test_closed_while_restoring (Fixture *f, gconstpointer data)
{
  remember_session (f);
  open_window (f);
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "loading");
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  hibachi_test_pause_ms (500);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (f->app)));

  open_window (f);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
}

/* The column view's rows at the window's first painted frame (-1: none yet). */
static void
first_frame_cb (GdkFrameClock *clock, gpointer user_data)
{
  Fixture *f = user_data;
  HibachiBookingsView *view = hibachi_window_get_bookings_view (f->window);
  GtkWidget *column_view = hibachi_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  int *rows = g_object_get_data (G_OBJECT (f->window), "rows-at-first-frame");
  GtkAdjustment *down = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  GtkWidget *list_view = gtk_widget_get_last_child (column_view);
  int row_height = 0;

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, f);
  *rows = gtk_widget_get_mapped (column_view) && model != NULL ? (int) g_list_model_get_n_items (model) : 0;
  /* Rows to the bottom of the list: no empty space under a first screenful
   * cut short (the adjustment's upper is never less than its page). */
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_css_name (row), "row"))
      row_height = MAX (row_height, gtk_widget_get_height (row));
  g_assert_cmpint (row_height, >, 0);
  g_object_set_data (G_OBJECT (f->window), "filled-at-first-frame",
                     GINT_TO_POINTER (*rows * row_height >= gtk_adjustment_get_page_size (down)));
}

static void
realized_cb (GtkWidget *window, Fixture *f)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), f);
}

/* A window restoring a session against a server with more upcoming
 * bookings than a 600 px screenful, not shown yet. */
static void
new_window_over_many_bookings (Fixture *f)
{
  hibachi_test_server_stop (f->ts);
  f->ts = hibachi_test_server_start (300);
  f->app = hibachi_test_application (f->ts);
  remember_session (f);
  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 600);
}

/* The application shows its window once the first rows are in: the first
 * frame painted is the rows, not a spinner and then an empty list; and only
 * a screenful of them (600 px: 30 rows of 20 px at most), to the bottom of
 * the list, although the window was not on screen when they came; and
 * neither the booking pane's form nor the sign-in form, which wait until
 * they are needed. */
static void
test_shown_with_rows (Fixture *f, gconstpointer data)
{
  GListModel *list;
  int rows = -1;

  new_window_over_many_bookings (f);
  g_object_set_data (G_OBJECT (f->window), "rows-at-first-frame", &rows);
  g_signal_connect (f->window, "realize", G_CALLBACK (realized_cb), f);
  hibachi_window_present_when_ready (HIBACHI_WINDOW (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  WAIT_FOR (rows >= 0);
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "main");
  g_assert_cmpint (rows, >, 0);
  g_assert_cmpint (rows, <=, 600 / 20);
  g_assert_true (g_object_get_data (G_OBJECT (f->window), "filled-at-first-frame"));
  /* The pane's form waits for a booking to be opened; the sign-in form,
   * for someone to sign in. */
  g_assert_null (hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_BOOKING_DETAIL));
  g_assert_null (hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_SIGN_IN_PAGE));
  /* Then all of them. */
  list = G_LIST_MODEL (hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window)));
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 600 / 20);
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
              GTK_COLUMN_VIEW (hibachi_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW))))) ==
            g_list_model_get_n_items (list));
}

/* Rows that come while the window is not on screen wait for it to be:
 * building them then, in an idle before the first frame, is what the
 * first screenful is there to spare (GTK 4.8 builds 200 rows at once). */
static void
test_rows_wait_for_screen (Fixture *f, gconstpointer data)
{
  HibachiPagedList *list = NULL;
  GListModel *shown;
  guint n;

  new_window_over_many_bookings (f);
  WAIT_FOR ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window))) != NULL &&
            !hibachi_paged_list_get_loading (list) && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 600 / 20);
  shown = G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (hibachi_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW))));
  hibachi_test_pause_ms (300);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, 600 / 20);

  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (g_list_model_get_n_items (shown) == n);
}

/* A server that takes connections and never answers. */
static gboolean
hold_connection_cb (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer user_data)
{
  g_ptr_array_add (user_data, g_object_ref (connection));
  return TRUE;
}

/* The server does not answer: the window shows itself anyway, soon, with
 * the spinner saying what it waits for. */
static void
test_shown_while_waiting (Fixture *f, gconstpointer data)
{
  g_autoptr(GSocketService) silent = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  HibachiTokens tokens = { (char *) "access", (char *) "refresh", G_MAXINT64 / 2 };
  GSettings *settings = hibachi_application_get_settings (f->app);
  gint64 start;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (silent), any_port, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, NULL));
  g_signal_connect (silent, "incoming", G_CALLBACK (hold_connection_cb), held);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  hibachi_credentials_store_async (url, OWNER, &tokens, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (hibachi_credentials_store_finish (result, NULL));
  g_settings_set_string (settings, "server-url", url);
  g_settings_set_string (settings, "last-account", OWNER);

  f->window = hibachi_window_new (f->app);
  start = g_get_monotonic_time ();
  hibachi_window_present_when_ready (HIBACHI_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "loading");
  /* Not before it had a chance to have more to show. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_socket_service_stop (silent);
  g_settings_set_string (settings, "server-url", hibachi_test_server_get_url (f->ts));
}

static void
note_thread (gpointer data, GObject *where_the_object_was)
{
  *(GThread **) data = g_thread_self ();
}

static gpointer
unref_in_thread (gpointer object)
{
  g_object_unref (object);
  return NULL;
}

/* An icon whose last reference goes on a worker thread (GTK's icon loading
 * does that) dies on the main thread, where the theme's cache is read: not
 * at once, and not on the worker. Not this test's server; it starts the
 * application, which is what sets this up. */
static void
test_icons_die_on_main_thread (Fixture *f, gconstpointer data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GThread *died_on = NULL;
  GtkIconPaintable *icon;

  /* Too large for the theme's keep-alive list of small icons: this test
   * holds the only reference. */
  icon = gtk_icon_theme_lookup_icon (theme, "hibachi-test-no-such-icon", NULL, 1000, 1, GTK_TEXT_DIR_NONE, 0);
  g_object_weak_ref (G_OBJECT (icon), note_thread, &died_on);
  g_thread_join (g_thread_new ("unref", unref_in_thread, icon));
  g_assert_null (died_on);
  WAIT_FOR (died_on != NULL);
  g_assert_true (died_on == g_thread_self ());
}

/* Allocates, touches and frees @size bytes @times times; the page faults
 * that took. */
static long
faults_of_buffers (gsize size, guint times)
{
  struct rusage before, after;

  getrusage (RUSAGE_SELF, &before);
  for (guint i = 0; i < times; i++)
    {
      char *buffer = g_malloc (size);

      memset (buffer, i, size);
      g_free (buffer);
    }
  getrusage (RUSAGE_SELF, &after);
  return after.ru_minflt - before.ru_minflt;
}

/* The memory policy main() sets: a buffer the size of a frame's image,
 * made and freed every frame, is not a fresh mapping each time whose every
 * page faults in (1.3 ms of a 25 ms scroll frame when it was). In a
 * process of its own: the policy is the process's. */
static void
test_memory_policy (void)
{
  if (g_test_subprocess ())
    {
      long faults;

      hibachi_application_set_memory_policy ();
      /* 1400 x 750 pixels, 4 bytes each; the first frames settle. */
      faults_of_buffers (4200 * 1000, 3);
      faults = faults_of_buffers (4200 * 1000, 10);
      g_test_message ("%ld page faults for 10 frames' images", faults);
      g_assert_cmpint (faults, <, 1000);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, fn) g_test_add ("/hibachi/ui-startup/" name, Fixture, NULL, setup, fn, hibachi_test_app_fixture_teardown)
  ADD ("restored", test_restored);
  ADD ("asks-ahead", test_asks_ahead);
  ADD ("answered-before-window", test_answered_before_window);
  ADD ("shown-with-rows", test_shown_with_rows);
  ADD ("shown-while-waiting", test_shown_while_waiting);
  ADD ("rows-wait-for-screen", test_rows_wait_for_screen);
  ADD ("refused", test_refused);
  ADD ("unreachable", test_unreachable);
  ADD ("closed-while-restoring", test_closed_while_restoring);
  ADD ("icons-die-on-main-thread", test_icons_die_on_main_thread);
#undef ADD
  g_test_add_func ("/hibachi/ui-startup/memory-policy", test_memory_policy);

  status = g_test_run ();
  hibachi_test_application_release ();
  return status;
}
