/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paging list model against a real server, and against one that
 * answers nonsense. */
#include "config.h"

#include <string.h>

#include "hibachi-audit-entry.h"
#include "hibachi-booking-fetch.h"
#include "hibachi-paged-list.h"
#include "hibachi-session.h"
#include "hibachi-test-server.h"

#define N_BOOKINGS 250

typedef struct
{
  HibachiTestServer  *ts;
  HibachiSession     *session;
  HibachiPagedList *list;
  guint               changes;
} Fixture;

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->changes++;
}

static void
wait_while_loading (HibachiPagedList *list)
{
  while (hibachi_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  hibachi_session_sign_in_async (f->session, "owner@demo.test", HIBACHI_DEMO_PASSWORD, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hibachi_session_sign_in_finish (f->session, result, &error));
  f->list = hibachi_paged_list_new (hibachi_session_get_client (f->session), "/api/v1/bookings", HIBACHI_TYPE_BOOKING);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->list);
  g_clear_object (&f->session);
  hibachi_test_server_stop (f->ts);
}

static void
test_pages_on_demand (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) far = NULL;
  g_autoptr(HibachiBooking) again = NULL;
  g_autoptr(HibachiBooking) first = NULL;

  hibachi_test_server_clear_requests (f->ts);
  hibachi_paged_list_set_query (f->list, "sort=event_date");
  g_assert_true (hibachi_paged_list_get_loading (f->list));
  wait_while_loading (f->list);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&limit=100&sort=event_date"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings"), ==, 1);

  /* The total is known at once; only the first page was fetched. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, N_BOOKINGS);
  g_assert_cmpuint (hibachi_paged_list_get_n_loaded (f->list), ==, HIBACHI_PAGED_LIST_PAGE_SIZE);
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_true (hibachi_booking_is_loaded (first));
  g_assert_nonnull (hibachi_booking_get_reference (first));

  /* A row further down: a placeholder, and no request until it is shown. */
  far = g_list_model_get_item (G_LIST_MODEL (f->list), 230);
  g_assert_false (hibachi_booking_is_loaded (far));
  g_assert_false (hibachi_paged_list_get_loading (f->list));
  f->changes = 0;
  hibachi_paged_list_ensure (f->list, 230);
  hibachi_paged_list_ensure (f->list, 231);     /* same page: one request */
  g_assert_true (hibachi_paged_list_get_loading (f->list));
  wait_while_loading (f->list);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=3&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings"), ==, 2);
  /* The row's own object was filled in place: no list change for views to rebuild. */
  g_assert_cmpuint (f->changes, ==, 0);
  g_assert_true (hibachi_booking_is_loaded (far));
  again = g_list_model_get_item (G_LIST_MODEL (f->list), 230);
  g_assert_true (again == far);
  g_assert_cmpuint (hibachi_paged_list_get_n_loaded (f->list), ==, 150);
  g_assert_cmpstr (hibachi_booking_get_event_date (first), <=, hibachi_booking_get_event_date (again));

  /* Shown again once loaded: no request. */
  hibachi_paged_list_ensure (f->list, 230);
  hibachi_paged_list_ensure (f->list, 0);
  g_assert_false (hibachi_paged_list_get_loading (f->list));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings"), ==, 2);
}

typedef struct
{
  guint    n_items;    /* when "loading" last turned FALSE */
  gboolean loaded;     /* row 0 loaded then */
  guint    seen;
} LoadingSeen;

static void
loading_notified_cb (HibachiPagedList *list, GParamSpec *pspec, LoadingSeen *seen)
{
  g_autoptr(HibachiBooking) first = NULL;

  if (hibachi_paged_list_get_loading (list))
    return;
  seen->seen++;
  seen->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  first = seen->n_items > 0 ? g_list_model_get_item (G_LIST_MODEL (list), 0) : NULL;
  seen->loaded = first != NULL && hibachi_booking_is_loaded (first);
}

/* Whoever watches "loading" (a view choosing between its spinner, its
 * empty page and its rows) sees the answer's rows when it turns FALSE, not
 * the empty list of before. */
static void
test_loaded_when_not_loading (Fixture *f, gconstpointer data)
{
  LoadingSeen seen = { 0 };

  g_signal_connect (f->list, "notify::loading", G_CALLBACK (loading_notified_cb), &seen);
  hibachi_paged_list_set_query (f->list, "sort=event_date");
  wait_while_loading (f->list);
  g_assert_cmpuint (seen.seen, ==, 1);
  g_assert_cmpuint (seen.n_items, ==, N_BOOKINGS);
  g_assert_true (seen.loaded);

  /* A query nothing matches: empty when it says so. */
  hibachi_paged_list_set_query (f->list, "q=nobody-is-called-this");
  wait_while_loading (f->list);
  g_assert_cmpuint (seen.seen, ==, 2);
  g_assert_cmpuint (seen.n_items, ==, 0);
}

/* Scrolling as a view does: every row asks for its page as it is shown,
 * many before the page arrives. Each page is fetched exactly once. */
static void
test_each_page_once (Fixture *f, gconstpointer data)
{
  hibachi_paged_list_set_query (f->list, "sort=-created_at");
  wait_while_loading (f->list);
  hibachi_test_server_clear_requests (f->ts);

  for (guint position = 0; position < N_BOOKINGS; position++)
    {
      hibachi_paged_list_ensure (f->list, position);
      /* Some answers arrive while the view keeps scrolling. */
      if (position % 40 == 39)
        g_main_context_iteration (NULL, FALSE);
    }
  wait_while_loading (f->list);
  for (guint position = 0; position < N_BOOKINGS; position++)
    hibachi_paged_list_ensure (f->list, position);
  wait_while_loading (f->list);

  g_assert_cmpuint (hibachi_paged_list_get_n_loaded (f->list), ==, N_BOOKINGS);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&"), ==, 0);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=2&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=3&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings"), ==, 2);
}

/* The list is generic: audit entries page the same way, as their entity. */
static void
test_other_entity (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiPagedList) audit = hibachi_paged_list_new (hibachi_session_get_client (f->session),
                                                              "/api/v1/audit-logs", HIBACHI_TYPE_AUDIT_ENTRY);
  g_autofree char *token = hibachi_test_login (f->ts, "owner@demo.test");
  g_autofree char *id = NULL;

  /* Three entries in the log: three confirmed bookings. */
  hibachi_paged_list_set_query (f->list, "status=pending");
  wait_while_loading (f->list);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s/confirm", hibachi_booking_get_id (b));
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", path, token, NULL, "If-Match", "\"1\"", NULL);
      g_assert_cmpuint (r->status, ==, 200);
    }

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (audit)) == HIBACHI_TYPE_AUDIT_ENTRY);
  hibachi_paged_list_set_query (audit, "resource_type=booking");
  wait_while_loading (audit);
  g_assert_null (hibachi_paged_list_get_error (audit));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (audit)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HibachiAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (audit), i);

      g_assert_cmpstr (hibachi_audit_entry_get_action (entry), ==, "confirm");
      g_assert_cmpstr (hibachi_audit_entry_get_actor_email (entry), ==, "owner@demo.test");
    }
  {
    g_autoptr(HibachiAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (audit), 0);

    id = g_strdup (hibachi_resource_get_id (HIBACHI_RESOURCE (entry)));
    g_assert_true (hibachi_paged_list_find (audit, id) == HIBACHI_RESOURCE (entry));
    g_assert_null (hibachi_paged_list_find (audit, "no-such-id"));
  }
}

static void
test_sort_and_filter_on_server (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) top = NULL;
  g_autoptr(HibachiBooking) second = NULL;
  guint n;

  hibachi_paged_list_set_query (f->list, "sort=-total");
  wait_while_loading (f->list);
  top = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (f->list), 1);
  g_assert_cmpint (hibachi_booking_get_total_cents (top), >=, hibachi_booking_get_total_cents (second));

  hibachi_paged_list_set_query (f->list, "status=pending");
  wait_while_loading (f->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_BOOKINGS);
  for (guint i = 0; i < MIN (n, HIBACHI_PAGED_LIST_PAGE_SIZE); i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_assert_cmpstr (hibachi_booking_get_status (b), ==, "pending");
    }

  /* A query that matches nothing: an empty model, no error. */
  hibachi_paged_list_set_query (f->list, "q=nobody-is-called-this");
  wait_while_loading (f->list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_null (hibachi_paged_list_get_error (f->list));

  /* A query the server refuses: an error, the model stays usable. */
  hibachi_paged_list_set_query (f->list, "sort=price");
  wait_while_loading (f->list);
  g_assert_error ((GError *) hibachi_paged_list_get_error (f->list), HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
}

static void
test_superseded_query (Fixture *f, gconstpointer data)
{
  /* Typing fast: only the last query's answer counts. */
  hibachi_paged_list_set_query (f->list, "status=completed");
  hibachi_paged_list_set_query (f->list, "status=cancelled");
  hibachi_paged_list_set_query (f->list, "status=pending");
  wait_while_loading (f->list);

  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 50); i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_assert_cmpstr (hibachi_booking_get_status (b), ==, "pending");
    }
}

typedef struct
{
  guint changed;       /* "changed" emissions */
  guint seen_empty;    /* of which with the row emptied */
} RowWatch;

static void
row_watch_cb (HibachiBooking *row, RowWatch *watch)
{
  watch->changed++;
  if (!hibachi_booking_is_loaded (row))
    watch->seen_empty++;
}

/* A new query while a view shows rows: the rows on screen that the new
 * first page answers for show their new booking at once, each changed
 * once and never emptied in between (a view would restyle every cell
 * twice per query typed); a shown row beyond the first page is emptied,
 * to load again when the view asks; one request, for the first page. */
static void
test_new_query_refills_shown_rows (Fixture *f, gconstpointer data)
{
  enum { SHOWN = 5, FAR = HIBACHI_PAGED_LIST_PAGE_SIZE + 10 };
  HibachiBooking *rows[SHOWN];
  RowWatch watch[SHOWN] = { { 0 } };
  g_autoptr(HibachiBooking) far = NULL;
  RowWatch far_watch = { 0 };
  g_autofree char *old_first = NULL;

  hibachi_paged_list_set_query (f->list, "sort=created_at");
  wait_while_loading (f->list);
  hibachi_paged_list_ensure (f->list, FAR);
  wait_while_loading (f->list);
  for (guint i = 0; i < SHOWN; i++)
    {
      rows[i] = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_assert_true (hibachi_booking_is_loaded (rows[i]));
      g_signal_connect (rows[i], "changed", G_CALLBACK (row_watch_cb), &watch[i]);
    }
  old_first = g_strdup (hibachi_booking_get_id (rows[0]));
  far = g_list_model_get_item (G_LIST_MODEL (f->list), FAR);
  g_assert_true (hibachi_booking_is_loaded (far));
  g_signal_connect (far, "changed", G_CALLBACK (row_watch_cb), &far_watch);
  hibachi_test_server_clear_requests (f->ts);

  hibachi_paged_list_set_query (f->list, "sort=-created_at");
  wait_while_loading (f->list);

  for (guint i = 0; i < SHOWN; i++)
    {
      g_autoptr(HibachiBooking) again = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      g_assert_true (again == rows[i]);
      g_assert_true (hibachi_booking_is_loaded (rows[i]));
      g_assert_cmpuint (watch[i].changed, ==, 1);
      g_assert_cmpuint (watch[i].seen_empty, ==, 0);
      if (i > 0)
        g_assert_cmpstr (hibachi_booking_get_created_at (rows[i - 1]), >=, hibachi_booking_get_created_at (rows[i]));
    }
  /* The newest first now: the oldest is not on top any more. */
  g_assert_cmpstr (hibachi_booking_get_id (rows[0]), !=, old_first);
  g_assert_false (hibachi_booking_is_loaded (far));
  g_assert_cmpuint (far_watch.changed, ==, 1);
  g_assert_cmpuint (hibachi_paged_list_get_n_loaded (f->list), ==, HIBACHI_PAGED_LIST_PAGE_SIZE);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&"), ==, 1);

  for (guint i = 0; i < SHOWN; i++)
    g_object_unref (rows[i]);
}

/* A page read before a save and answered after it (here: asked ahead, as a
 * restored start does, and taken by the next reload) does not put the
 * booking back as it was before the save. */
static void
test_older_page_keeps_newer_row (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, "owner@demo.test");
  g_autofree char *path = NULL;
  g_autoptr(HibachiBooking) row = NULL;
  g_autoptr(HibachiBooking) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  hibachi_paged_list_set_query (f->list, "sort=created_at");
  wait_while_loading (f->list);
  row = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  version = hibachi_resource_get_version (HIBACHI_RESOURCE (row));
  path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (row), NULL);

  hibachi_test_server_clear_requests (f->ts);
  hibachi_paged_list_prefetch (f->list, "sort=created_at");
  while (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&") < 1)
    g_main_context_iteration (NULL, TRUE);

  /* The save, and its answer put in the list as the view does. */
  {
    g_autoptr(HibachiTestResponse) response = hibachi_test_write (f->ts, "PATCH", path, token,
                                                                  "{\"special_requests\":\"Saved after\"}", path);

    g_assert_cmpuint (response->status, ==, 200);
    saved = hibachi_resource_new_from_json (HIBACHI_TYPE_BOOKING, response->json, &error);
    g_assert_no_error (error);
  }
  hibachi_paged_list_replace (f->list, HIBACHI_RESOURCE (saved));
  g_assert_cmpint (hibachi_resource_get_version (HIBACHI_RESOURCE (row)), ==, version + 1);

  /* The page read before the save comes now. */
  hibachi_paged_list_reload (f->list);
  wait_while_loading (f->list);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&"), ==, 1);
  {
    g_autoptr(HibachiBooking) again = g_list_model_get_item (G_LIST_MODEL (f->list), 0);

    g_assert_true (again == row);
  }
  g_assert_cmpint (hibachi_resource_get_version (HIBACHI_RESOURCE (row)), ==, version + 1);
  g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (row), "special_requests"), ==, "Saved after");

  /* The next answer is the server's as it is now. */
  hibachi_paged_list_reload (f->list);
  wait_while_loading (f->list);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/bookings?page=1&"), ==, 2);
  g_assert_cmpint (hibachi_resource_get_version (HIBACHI_RESOURCE (row)), ==, version + 1);
  g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (row), "special_requests"), ==, "Saved after");
}

/* A server that answers with broken bookings. */
static void
broken_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  const char *body = data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
check_broken (const char *body)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiClient) client = NULL;
  g_autoptr(HibachiPagedList) list = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, broken_handler, (gpointer) body, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  client = hibachi_client_new (url);
  list = hibachi_paged_list_new (client, "/api/v1/bookings", HIBACHI_TYPE_BOOKING);
  hibachi_paged_list_set_query (list, "");
  wait_while_loading (list);

  g_assert_error ((GError *) hibachi_paged_list_get_error (list), HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_malformed_replies (void)
{
  check_broken ("this is not json");
  check_broken ("[1, 2, 3]");
  check_broken ("{\"data\": {}, \"total_count\": 1}");
  check_broken ("{\"data\": [{\"id\": 7}], \"total_count\": 1}");
  check_broken ("{\"data\": [{\"id\": \"x\", \"reference\": \"MH-1\", \"status\": \"pending\", \"customer_name\": \"A\","
                "\"customer_email\": \"a@b.c\", \"customer_phone\": \"1\", \"event_date\": \"2026-02-30\", \"slot\": \"12:00\","
                "\"adults\": 1, \"children\": 0, \"toddlers\": 0, \"venue_address\": \"x\", \"venue_lat\": 1, \"venue_lng\": 1,"
                "\"station_id\": \"s\", \"chef_id\": null, \"requested_chef_id\": null, \"total_cents\": 1, \"deposit_cents\": 1,"
                "\"deposit_paid\": false, \"created_at\": \"x\", \"version\": 1}], \"total_count\": 1}");
}

static void
count_changed_cb (guint *count)
{
  (*count)++;
}

/* The owner's bookings, signed in on @session, the first page loaded. */
static HibachiPagedList *
owners_bookings (HibachiSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiPagedList *list;

  hibachi_session_sign_in_async (session, "owner@demo.test", HIBACHI_DEMO_PASSWORD, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hibachi_session_sign_in_finish (session, result, &error));
  list = hibachi_paged_list_new (hibachi_session_get_client (session), "/api/v1/bookings", HIBACHI_TYPE_BOOKING);
  hibachi_paged_list_set_query (list, "");
  wait_while_loading (list);
  return list;
}

static void
test_bounded_memory (void)
{
  HibachiTestServer *ts = hibachi_test_server_start (HIBACHI_PAGED_LIST_PAGE_SIZE * (HIBACHI_PAGED_LIST_MAX_PAGES + 5));
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(HibachiPagedList) list = NULL;
  g_autoptr(GError) error = NULL;
  HibachiBooking *shown = NULL;
  HibachiBooking *released = NULL;
  guint shown_changed = 0;
  guint n;

  list = owners_bookings (session);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Row 5 is on screen (a view holds it); row 6 was looked at and let go. */
  shown = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_signal_connect_swapped (shown, "changed", G_CALLBACK (count_changed_cb), &shown_changed);
  {
    HibachiBooking *unheld = g_list_model_get_item (G_LIST_MODEL (list), 6);

    g_assert_true (hibachi_booking_is_loaded (unheld));
    g_object_add_weak_pointer (G_OBJECT (unheld), (gpointer *) &released);
    released = unheld;
    g_object_unref (unheld);
  }

  /* Scroll through every page: memory stays at the most recent pages. */
  for (guint position = 0; position < n; position += HIBACHI_PAGED_LIST_PAGE_SIZE)
    {
      hibachi_paged_list_ensure (list, position);
      wait_while_loading (list);
    }
  g_assert_cmpuint (hibachi_paged_list_get_n_loaded (list), ==, HIBACHI_PAGED_LIST_MAX_PAGES * HIBACHI_PAGED_LIST_PAGE_SIZE);

  /* The shown row keeps its object, emptied, and says so; the row no one
   * held is freed. */
  {
    g_autoptr(HibachiBooking) again = g_list_model_get_item (G_LIST_MODEL (list), 5);

    g_assert_true (again == shown);
    g_assert_false (hibachi_booking_is_loaded (shown));
    g_assert_cmpuint (shown_changed, ==, 1);
  }
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (released != NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (released);
  }

  /* The first page was dropped; shown again, it is loaded again. */
  {
    g_autoptr(HibachiBooking) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(HibachiBooking) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

    g_assert_false (hibachi_booking_is_loaded (first));
    g_assert_true (hibachi_booking_is_loaded (last));
  }
  hibachi_paged_list_ensure (list, 0);
  wait_while_loading (list);
  {
    g_autoptr(HibachiBooking) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (hibachi_booking_is_loaded (first));
  }
  g_assert_true (hibachi_booking_is_loaded (shown));
  g_assert_cmpuint (shown_changed, ==, 2);
  g_clear_object (&shown);

  /* A new query lets go of the old rows no one holds, without leaking them. */
  {
    HibachiBooking *last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
    gint64 end;

    g_assert_true (hibachi_booking_is_loaded (last));
    released = last;
    g_object_add_weak_pointer (G_OBJECT (last), (gpointer *) &released);
    g_object_unref (last);
    hibachi_paged_list_set_query (list, "sort=-created_at");
    wait_while_loading (list);
    end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (released != NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (released);
    g_assert_cmpuint (hibachi_paged_list_get_n_loaded (list), ==, HIBACHI_PAGED_LIST_PAGE_SIZE);
  }

  /* Exports and run sheets fetch every page of a query: 2,500 rows, 5 pages,
   * each booking once. */
  {
    g_autoptr(GAsyncResult) fetched = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

    hibachi_booking_fetch_all_async (hibachi_session_get_client (session), "sort=-created_at", NULL, store_result_cb, &fetched);
    while (fetched == NULL)
      g_main_context_iteration (NULL, TRUE);
    all = hibachi_booking_fetch_all_finish (hibachi_session_get_client (session), fetched, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, n);
    for (guint i = 0; i < all->len; i++)
      g_assert_true (g_hash_table_add (ids, (gpointer) hibachi_booking_get_id (g_ptr_array_index (all, i))));
  }

  g_clear_object (&list);
  g_clear_object (&session);
  hibachi_test_server_stop (ts);
}

/* Rows in view, scrolled steadily one way: their pages and the pages past
 * them that way are asked for, each once; a jump asks for nothing. */
static void
test_reads_ahead (void)
{
  HibachiTestServer *ts = hibachi_test_server_start (12 * HIBACHI_PAGED_LIST_PAGE_SIZE);
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(HibachiPagedList) list = owners_bookings (session);

  g_assert_cmpuint (HIBACHI_PAGED_LIST_READ_AHEAD, ==, 4);
  hibachi_test_server_clear_requests (ts);

  /* The top, as it opened: no move, nothing asked. */
  hibachi_paged_list_shown (list, 0, 29);
  g_assert_false (hibachi_paged_list_get_loading (list));

  /* Down a screen: pages 2 to 5 (rows 100 to 559), at once. */
  hibachi_paged_list_shown (list, 30, 59);
  g_assert_true (hibachi_paged_list_get_loading (list));
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 4);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=5&"), ==, 1);

  /* Down again: only the page not asked for yet. */
  hibachi_paged_list_shown (list, 60, 89);
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 4);
  hibachi_paged_list_shown (list, 90, 119);
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 5);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=6&"), ==, 1);

  /* A jump to the end: nothing. */
  hibachi_paged_list_shown (list, 1170, 1199);
  g_assert_false (hibachi_paged_list_get_loading (list));

  /* Up a screen: pages 12 down to 8. */
  hibachi_paged_list_shown (list, 1140, 1169);
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 10);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=8&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=7&"), ==, 0);

  g_clear_object (&list);
  g_clear_object (&session);
  hibachi_test_server_stop (ts);
}

/* Laid out at rest, or after a jump: the pages of the rows in view, and of
 * the rows a screenful above and below, are asked for; no more. */
static void
test_laid_out (void)
{
  HibachiTestServer *ts = hibachi_test_server_start (12 * HIBACHI_PAGED_LIST_PAGE_SIZE);
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(HibachiPagedList) list = owners_bookings (session);

  hibachi_test_server_clear_requests (ts);
  /* Rows 590 to 619 (the server's pages 6 and 7); a screen below, 649
   * (page 7); a screen above, 560 (page 6). */
  hibachi_paged_list_laid_out (list, 590, 619);
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 2);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=6&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=7&"), ==, 1);

  /* Rows 720 to 779 (page 8): a screen below reaches row 839 (page 9),
   * above 660 (page 7, in already). */
  hibachi_paged_list_laid_out (list, 720, 779);
  wait_while_loading (list);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings"), ==, 4);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=8&"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (ts, "GET /api/v1/bookings?page=9&"), ==, 1);

  g_clear_object (&list);
  g_clear_object (&session);
  hibachi_test_server_stop (ts);
}

#define HOLES 1000
#define HOLE_SIZE (16 * 1024)

/* Scrolled through and then still, the list gives the heap's free pages
 * back to the system, not only its top. The holes here are made on
 * purpose (16 KiB freed between blocks kept, as rows freed between rows
 * kept) so that what comes back is known: 16 MiB, less what the rows
 * loaded meanwhile took. */
static void
test_gives_heap_back (void)
{
#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
  g_test_skip ("The heap is glibc's only without AddressSanitizer");
#else
  HibachiTestServer *ts = hibachi_test_server_start (HIBACHI_PAGED_LIST_PAGE_SIZE * (HIBACHI_PAGED_LIST_MAX_PAGES + 2));
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(HibachiPagedList) list = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holes = g_ptr_array_new ();
  gsize base, before, after;
  gint64 end;
  guint n;

  list = owners_bookings (session);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* As many pages loaded as the list holds: none evicted yet. */
  g_assert_cmpuint (n, ==, HIBACHI_PAGED_LIST_PAGE_SIZE * (HIBACHI_PAGED_LIST_MAX_PAGES + 2));
  for (guint position = 0; position < HIBACHI_PAGED_LIST_PAGE_SIZE * HIBACHI_PAGED_LIST_MAX_PAGES;
       position += HIBACHI_PAGED_LIST_PAGE_SIZE)
    {
      hibachi_paged_list_ensure (list, position);
      wait_while_loading (list);
    }

  base = hibachi_test_resident_kib ();
  for (guint i = 0; i < HOLES; i++)
    {
      g_ptr_array_add (holes, memset (g_malloc (HOLE_SIZE), 1, HOLE_SIZE));
      /* Between two holes, a block as big: served from the heap's top as
       * the hole was, never from the small free blocks earlier tests left
       * (a 32-byte one came from those, the holes ran together into the
       * top, and free() gave them back itself: CI on Debian 13). */
      g_ptr_array_add (kept, g_malloc (HOLE_SIZE));
    }
  g_ptr_array_foreach (holes, (GFunc) g_free, NULL);
  /* Still, the holes stay resident: glibc keeps them. */
  end = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  before = hibachi_test_resident_kib ();
  g_test_message ("resident: %" G_GSIZE_FORMAT " KiB with no holes, %" G_GSIZE_FORMAT " KiB with them", base, before);
  g_assert_cmpuint (before, >, base + HOLES * HOLE_SIZE / 1024 * 3 / 4);

  /* One more page: one evicted. A second after, the holes are given back. */
  hibachi_paged_list_ensure (list, n - 1);
  wait_while_loading (list);
  end = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  after = hibachi_test_resident_kib ();
  g_test_message ("resident: %" G_GSIZE_FORMAT " KiB before, %" G_GSIZE_FORMAT " KiB after", before, after);
  g_assert_cmpuint (after + HOLES * HOLE_SIZE / 1024 / 2, <, before);

  g_clear_object (&list);
  g_clear_object (&session);
  hibachi_test_server_stop (ts);
#endif
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/paged-list/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("pages-on-demand", test_pages_on_demand);
  ADD ("each-page-once", test_each_page_once);
  ADD ("other-entity", test_other_entity);
  ADD ("sort-filter-on-server", test_sort_and_filter_on_server);
  ADD ("superseded-query", test_superseded_query);
  ADD ("new-query-refills-shown-rows", test_new_query_refills_shown_rows);
  ADD ("loaded-when-not-loading", test_loaded_when_not_loading);
  ADD ("older-page-keeps-newer-row", test_older_page_keeps_newer_row);
#undef ADD
  g_test_add_func ("/hibachi/paged-list/malformed-replies", test_malformed_replies);
  g_test_add_func ("/hibachi/paged-list/bounded-memory", test_bounded_memory);
  g_test_add_func ("/hibachi/paged-list/reads-ahead", test_reads_ahead);
  g_test_add_func ("/hibachi/paged-list/laid-out", test_laid_out);
  g_test_add_func ("/hibachi/paged-list/gives-heap-back", test_gives_heap_back);

  return g_test_run ();
}
