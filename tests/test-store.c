/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client's entities and store against a real hibachi-server. */
#include "config.h"

#include "hibachi-directory.h"
#include "hibachi-session.h"
#include "hibachi-store.h"
#include "hibachi-test-server.h"

#define N_BOOKINGS 60

typedef struct
{
  HibachiTestServer *ts;
  char              *token;
  HibachiSession    *session;
  HibachiStore      *store;
  GPtrArray         *changed;    /* "kind id" of each "changed" */
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

static void
changed_cb (HibachiStore *store, HibachiResourceKind kind, const char *id, Fixture *f)
{
  g_ptr_array_add (f->changed, g_strdup_printf ("%d %s", kind, id));
}

static HibachiSession *
sign_in (Fixture *f, const char *email)
{
  HibachiSession *session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hibachi_session_sign_in_async (session, email, HIBACHI_DEMO_PASSWORD, NULL, store_result_cb, &result);
  g_assert_true (hibachi_session_sign_in_finish (session, wait_for (&result), &error));
  g_assert_no_error (error);

  return session;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->token = hibachi_test_login (f->ts, "owner@demo.test");
  f->session = sign_in (f, "owner@demo.test");
  f->store = hibachi_store_new (hibachi_session_get_client (f->session));
  f->changed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->session);
  g_ptr_array_unref (f->changed);
  g_free (f->token);
  hibachi_test_server_stop (f->ts);
}

/* Synchronous forms of the store's calls, for the tests. */
#define BOOKING_CALL(call, ...) \
  ({ g_autoptr(GAsyncResult) r_ = NULL; \
     call (f->store, __VA_ARGS__, NULL, store_result_cb, &r_); \
     hibachi_store_booking_finish (f->store, wait_for (&r_), out_current, error); })

static HibachiBooking *
get_booking (Fixture *f, const char *id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_store_get_booking_async (f->store, id, NULL, store_result_cb, &result);
  return hibachi_store_booking_finish (f->store, wait_for (&result), NULL, error);
}

static GPtrArray *
objects (Fixture *f, GAsyncResult **result, GError **error)
{
  return hibachi_store_objects_finish (f->store, wait_for (result), error);
}

static gboolean
was_changed (Fixture *f, HibachiResourceKind kind, const char *id)
{
  g_autofree char *entry = g_strdup_printf ("%d %s", kind, id);

  return g_ptr_array_find_with_equal_func (f->changed, entry, g_str_equal, NULL);
}

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return json_object_ref (json_node_get_object (node));
}

/* Every list the server sends parses into its entity, row by row: the
 * field tables in src/api say what the server really sends. */
static void
test_server_payloads (Fixture *f, gconstpointer data)
{
  g_autofree char *booking_id = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending&limit=1");
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", booking_id);
  g_autofree char *cancel_path = g_strdup_printf ("/api/v1/bookings/%s/cancel", booking_id);
  g_autofree char *history = g_strdup_printf ("/api/v1/bookings/%s/history", booking_id);
  g_autoptr(HibachiTestResponse) booking = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
  g_autoptr(HibachiTestResponse) cancel = NULL;
  struct { const char *path; GType type; const char *member; } cases[] = {
    { "/api/v1/bookings?limit=500", HIBACHI_TYPE_BOOKING, "data" },
    { "/api/v1/chefs?limit=500", HIBACHI_TYPE_CHEF, "data" },
    { "/api/v1/stations", HIBACHI_TYPE_STATION, "data" },
    { "/api/v1/reviews?limit=500", HIBACHI_TYPE_REVIEW, "data" },
    { "/api/v1/pricing", HIBACHI_TYPE_PRICE_ENTRY, "items" },
    { "/api/v1/audit-logs?limit=500", HIBACHI_TYPE_AUDIT_ENTRY, "data" },
    { history, HIBACHI_TYPE_AUDIT_ENTRY, "data" },
  };

  /* Something in the audit log and in the booking's history. */
  cancel = hibachi_test_request (f->ts, "POST", cancel_path, f->token, "{\"reason\":\"The customer moved the party\"}",
                                 "If-Match", soup_message_headers_get_one (booking->headers, "ETag"), NULL);
  g_assert_cmpuint (cancel->status, ==, 200);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", cases[i].path, f->token, NULL, NULL);
      g_autoptr(GPtrArray) objects = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (r->status, ==, 200);
      objects = hibachi_resource_parse_array (cases[i].type,
                                              json_object_get_member (hibachi_test_response_object (r), cases[i].member),
                                              &error);
      if (error != NULL)
        g_error ("%s: %s", cases[i].path, error->message);
      g_assert_cmpuint (objects->len, >, 0);
      for (guint j = 0; j < objects->len; j++)
        g_assert_nonnull (hibachi_resource_get_id (objects->pdata[j]));
    }
}

static HibachiBooking *
first_booking (Fixture *f, const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?%s", query);
  g_autofree char *id = hibachi_test_first_id (f->ts, f->token, path);
  g_autoptr(GError) error = NULL;
  HibachiBooking *booking = get_booking (f, id, &error);

  g_assert_no_error (error);
  return booking;
}

/* A booking's life through the store: each call reaches the server, returns
 * the booking as the server now has it and announces the change. */
static void
test_booking_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(HibachiBooking) created = NULL;
  g_autoptr(HibachiBooking) again = NULL;
  g_autoptr(HibachiBooking) edited = NULL;
  g_autoptr(HibachiBooking) confirmed = NULL;
  g_autoptr(HibachiBooking) cancelled = NULL;
  g_autoptr(HibachiBooking) restored = NULL;
  g_autoptr(HibachiStation) station = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) changes = object_from ("{\"customer_name\":\"Mariko Tanaka\",\"adults\":12}");
  g_autofree char *date = NULL;
  GError **error = &local_error;
  HibachiBooking **out_current = NULL;
  gint64 before, after;

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) stations = NULL;

    hibachi_store_list_stations_async (f->store, NULL, store_result_cb, &result);
    stations = objects (f, &result, error);
    g_assert_no_error (local_error);
    g_assert_cmpuint (stations->len, ==, 3);
    station = g_object_ref (stations->pdata[0]);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_store_count_bookings_async (f->store, "", NULL, store_result_cb, &result);
    before = hibachi_store_count_finish (f->store, wait_for (&result), error);
    g_assert_no_error (local_error);
    g_assert_cmpint (before, ==, N_BOOKINGS);
  }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
    g_autofree char *json = NULL;

    date = g_date_time_format (later, "%Y-%m-%d");
    json = g_strdup_printf ("{\"customer_name\":\"Mariko Tanaka\",\"customer_email\":\"mariko@example.com\","
                            "\"customer_phone\":\"+1 510 555 0199\",\"event_date\":\"%s\",\"slot\":\"18:00\","
                            "\"adults\":10,\"children\":2,\"toddlers\":0,\"venue_address\":\"39100 Liberty St, Fremont\","
                            "\"venue_lat\":37.55,\"venue_lng\":-121.98,\"station_id\":\"%s\"}",
                            date, hibachi_resource_get_id (HIBACHI_RESOURCE (station)));
    fields = object_from (json);
  }
  created = BOOKING_CALL (hibachi_store_create_booking_async, fields, NULL);
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_status (created), ==, "pending");
  g_assert_cmpstr (hibachi_booking_get_event_date (created), ==, date);
  g_assert_true (was_changed (f, HIBACHI_RESOURCE_BOOKING, hibachi_booking_get_id (created)));
  /* Each create is its own: a second one is a second booking… */
  again = BOOKING_CALL (hibachi_store_create_booking_async, fields, NULL);
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_id (again), !=, hibachi_booking_get_id (created));
  /* …unless it is a retry of one create (same key): the first booking again. */
  {
    g_autoptr(HibachiBooking) first = NULL;
    g_autoptr(HibachiBooking) retried = NULL;

    first = BOOKING_CALL (hibachi_store_create_booking_async, fields, "dialog-7f3a");
    g_assert_no_error (local_error);
    retried = BOOKING_CALL (hibachi_store_create_booking_async, fields, "dialog-7f3a");
    g_assert_no_error (local_error);
    g_assert_cmpstr (hibachi_booking_get_id (retried), ==, hibachi_booking_get_id (first));
  }

  edited = BOOKING_CALL (hibachi_store_update_booking_async, created, changes);
  g_assert_no_error (local_error);
  g_assert_cmpint (hibachi_booking_get_int (edited, "adults"), ==, 12);
  g_assert_cmpint (hibachi_booking_get_version (edited), ==, hibachi_booking_get_version (created) + 1);
  g_assert_cmpint (hibachi_booking_get_total_cents (edited), >, hibachi_booking_get_total_cents (created));

  confirmed = BOOKING_CALL (hibachi_store_confirm_booking_async, edited);
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_status (confirmed), ==, "confirmed");

  cancelled = BOOKING_CALL (hibachi_store_cancel_booking_async, confirmed, "The customer moved abroad.");
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_status (cancelled), ==, "cancelled");

  restored = BOOKING_CALL (hibachi_store_restore_booking_async, hibachi_booking_get_id (cancelled),
                           hibachi_booking_get_version (cancelled), NULL);
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_status (restored), ==, "confirmed");

  /* Delete, then undo it. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(HibachiBooking) gone = NULL;
    g_autoptr(HibachiBooking) back = NULL;

    hibachi_store_delete_booking_async (f->store, restored, "Entered twice by mistake.", NULL, store_result_cb, &result);
    g_assert_true (hibachi_store_finish (f->store, wait_for (&result), error));
    g_assert_no_error (local_error);
    gone = get_booking (f, hibachi_booking_get_id (restored), error);
    g_assert_null (gone);
    g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
    g_clear_error (&local_error);

    back = BOOKING_CALL (hibachi_store_restore_booking_async, hibachi_booking_get_id (restored),
                         hibachi_booking_get_version (restored) + 1, "Deleted the wrong booking.");
    g_assert_no_error (local_error);
    g_assert_cmpstr (hibachi_booking_get_status (back), ==, "confirmed");
  }

  /* Its history, oldest first, as audit entries. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) history = NULL;
    const char *actions[] = { "create", "update", "confirm", "cancel", "restore", "delete", "restore" };

    hibachi_store_booking_history_async (f->store, hibachi_booking_get_id (created), NULL, store_result_cb, &result);
    history = objects (f, &result, error);
    g_assert_no_error (local_error);
    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (actions));
    for (guint i = 0; i < history->len; i++)
      {
        g_assert_true (HIBACHI_IS_AUDIT_ENTRY (history->pdata[i]));
        g_assert_cmpstr (hibachi_audit_entry_get_action (history->pdata[i]), ==, actions[i]);
      }
  }

  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_store_count_bookings_async (f->store, "", NULL, store_result_cb, &result);
    after = hibachi_store_count_finish (f->store, wait_for (&result), error);
    g_assert_cmpint (after, ==, before + 3);
  }
}

/* The store sends If-Match itself: a write based on an old version is
 * refused, nothing changes, and the caller gets the server's version. */
static void
test_stale_write (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) mine = first_booking (f, "status=pending&limit=1");
  g_autoptr(HibachiBooking) theirs = NULL;
  g_autoptr(HibachiBooking) stale = NULL;
  g_autoptr(HibachiBooking) current = NULL;
  g_autoptr(HibachiBooking) server = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) their_change = object_from ("{\"internal_notes\":\"Gate code 4412\"}");
  g_autoptr(JsonObject) my_change = object_from ("{\"internal_notes\":\"Bring the big grill\"}");
  g_autoptr(HibachiSession) other_session = sign_in (f, "office@demo.test");
  g_autoptr(HibachiStore) other = hibachi_store_new (hibachi_session_get_client (other_session));
  GError **error = &local_error;
  HibachiBooking **out_current = &current;

  /* Someone else edits the booking first. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_store_update_booking_async (other, mine, their_change, NULL, store_result_cb, &result);
    theirs = hibachi_store_booking_finish (other, wait_for (&result), NULL, error);
    g_assert_no_error (local_error);
  }

  stale = BOOKING_CALL (hibachi_store_update_booking_async, mine, my_change);
  g_assert_null (stale);
  g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
  g_assert_nonnull (current);
  g_assert_cmpint (hibachi_booking_get_version (current), ==, hibachi_booking_get_version (theirs));
  g_assert_cmpstr (hibachi_booking_get_string (current, "internal_notes"), ==, "Gate code 4412");
  g_assert_false (was_changed (f, HIBACHI_RESOURCE_BOOKING, hibachi_booking_get_id (mine)));
  g_clear_error (&local_error);

  server = get_booking (f, hibachi_booking_get_id (mine), error);
  g_assert_cmpstr (hibachi_booking_get_string (server, "internal_notes"), ==, "Gate code 4412");

  /* The same for a state change. */
  g_clear_object (&current);
  g_clear_object (&stale);
  stale = BOOKING_CALL (hibachi_store_confirm_booking_async, mine);
  g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
  g_assert_cmpint (hibachi_booking_get_version (current), ==, hibachi_booking_get_version (theirs));
}

/* Refusals come back as typed errors with the server's message; nothing changes. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) booking = first_booking (f, "status=pending&limit=1");
  g_autoptr(HibachiBooking) result_booking = NULL;
  g_autoptr(HibachiBooking) check = NULL;
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  HibachiBooking **out_current = NULL;

  result_booking = BOOKING_CALL (hibachi_store_cancel_booking_async, booking, "short");
  g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
  g_clear_error (&local_error);
  check = get_booking (f, hibachi_booking_get_id (booking), error);
  g_assert_cmpstr (hibachi_booking_get_status (check), ==, "pending");
  g_assert_cmpuint (f->changed->len, ==, 0);

  /* The refusal names the field and says why, for the form to show. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonObject) changes = object_from ("{\"customer_email\":\"not an address\"}");
    g_autoptr(HibachiBooking) refused = NULL;
    GHashTable *field_errors;

    hibachi_store_update_booking_async (f->store, booking, changes, NULL, store_result_cb, &result);
    refused = hibachi_store_booking_finish (f->store, wait_for (&result), NULL, error);
    g_assert_null (refused);
    g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
    g_clear_error (&local_error);
    field_errors = hibachi_store_get_field_errors (f->store, result);
    g_assert_nonnull (field_errors);
    g_assert_cmpuint (g_hash_table_size (field_errors), ==, 1);
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "customer_email"), !=, NULL);
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "customer_email"), !=, "");
  }

  g_assert_null (get_booking (f, "00000000-0000-0000-0000-000000000000", error));
  g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
  g_clear_error (&local_error);

  /* A chef may read but not confirm. */
  {
    g_autoptr(HibachiSession) chef_session = sign_in (f, "chef.kenji@demo.test");
    g_autoptr(HibachiStore) chef = hibachi_store_new (hibachi_session_get_client (chef_session));
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(HibachiBooking) refused = NULL;

    hibachi_store_confirm_booking_async (chef, booking, NULL, store_result_cb, &result);
    refused = hibachi_store_booking_finish (chef, wait_for (&result), NULL, error);
    g_assert_null (refused);
    g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN);
  }
}

/* Chef assignment with the suggestions' conflict state, then unassigning. */
static void
test_assignment (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *query = g_strdup_printf ("unassigned=true&status=pending,confirmed&date_from=%s&limit=1", today);
  g_autoptr(HibachiBooking) booking = first_booking (f, query);
  g_autoptr(HibachiBooking) assigned = NULL;
  g_autoptr(HibachiBooking) unassigned = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  HibachiBooking **out_current = NULL;
  HibachiChefSuggestion *pick = NULL;

  hibachi_store_suggest_chefs_async (f->store, hibachi_booking_get_id (booking), NULL, store_result_cb, &result);
  suggestions = objects (f, &result, error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len && pick == NULL; i++)
    if (!hibachi_chef_suggestion_get_has_conflict (suggestions->pdata[i]))
      pick = suggestions->pdata[i];
  g_assert_nonnull (pick);
  g_assert_nonnull (hibachi_chef_suggestion_get_chef_name (pick));
  g_assert_true (json_object_has_member (hibachi_chef_suggestion_get_score (pick), "total"));
  /* The parts add up to the total the server ranked by. */
  for (guint i = 0; i < suggestions->len; i++)
    {
      HibachiSuggestionScore score;
      const char *code, *message;
      gboolean conflict;
      guint n_conflicts = 0;

      hibachi_chef_suggestion_get_score_parts (suggestions->pdata[i], &score);
      g_assert_cmpfloat (score.total, >, 0);
      g_assert_cmpfloat_with_epsilon (score.travel + score.skill + score.workload + score.rating + score.preference +
                                      score.requested_bonus, score.total, 0.01);
      for (guint j = 0; hibachi_chef_suggestion_get_issue (suggestions->pdata[i], j, &code, &message, &conflict); j++)
        {
          g_assert_cmpstr (code, !=, "");
          g_assert_cmpstr (message, !=, "");
          n_conflicts += conflict;
        }
      g_assert_cmpuint (n_conflicts > 0, ==, hibachi_chef_suggestion_get_has_conflict (suggestions->pdata[i]));
      g_assert_false (hibachi_chef_suggestion_get_issue (suggestions->pdata[i],
                                                         hibachi_chef_suggestion_get_n_issues (suggestions->pdata[i]),
                                                         NULL, NULL, NULL));
    }

  assigned = BOOKING_CALL (hibachi_store_assign_chef_async, booking, hibachi_chef_suggestion_get_chef_id (pick), NULL);
  g_assert_no_error (local_error);
  g_assert_cmpstr (hibachi_booking_get_chef_id (assigned), ==, hibachi_chef_suggestion_get_chef_id (pick));

  unassigned = BOOKING_CALL (hibachi_store_assign_chef_async, assigned, NULL, NULL);
  g_assert_no_error (local_error);
  g_assert_null (hibachi_booking_get_chef_id (unassigned));
}

/* The reads the views use: chefs, the dispatch snapshot, prices, reviews. */
static void
test_reads (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) chefs = NULL;

    hibachi_store_list_chefs_async (f->store, NULL, store_result_cb, &result);
    chefs = objects (f, &result, error);
    g_assert_no_error (local_error);
    g_assert_cmpuint (chefs->len, >=, 3 * 6);
    g_assert_true (HIBACHI_IS_CHEF (chefs->pdata[0]));
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) chefs = NULL;
    g_autoptr(GPtrArray) bookings = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
    g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");

    hibachi_store_dispatch_async (f->store, fremont, from, to, NULL, store_result_cb, &result);
    hibachi_store_dispatch_finish (f->store, wait_for (&result), &chefs, &bookings, error);
    g_assert_no_error (local_error);
    g_assert_cmpuint (chefs->len, >, 0);
    for (guint i = 0; i < chefs->len; i++)
      g_assert_cmpstr (hibachi_chef_get_station_id (chefs->pdata[i]), ==, fremont);
    for (guint i = 0; i < bookings->len; i++)
      g_assert_cmpstr (hibachi_booking_get_station_id (bookings->pdata[i]), ==, fremont);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) items = NULL;
    gboolean found = FALSE;

    hibachi_store_price_sheet_async (f->store, fremont, NULL, store_result_cb, &result);
    items = objects (f, &result, error);
    g_assert_no_error (local_error);
    for (guint i = 0; i < items->len; i++)
      if (g_strcmp0 (hibachi_price_entry_get_key (items->pdata[i]), "adult_price") == 0)
        {
          found = TRUE;
          g_assert_cmpint (hibachi_price_entry_get_value (items->pdata[i]), ==, 5500);
        }
    g_assert_true (found);
  }
  {
    g_autoptr(HibachiPagedList) reviews = hibachi_store_new_review_list (f->store);
    g_autoptr(HibachiReview) review = NULL;
    g_autoptr(HibachiReview) stale = NULL;
    g_autoptr(HibachiReview) approved = NULL;
    g_autoptr(HibachiReview) current = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) again = NULL;

    hibachi_paged_list_set_query (reviews, "status=pending");
    while (hibachi_paged_list_get_loading (reviews))
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (hibachi_paged_list_get_error (reviews));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reviews)), >, 0);
    review = g_list_model_get_item (G_LIST_MODEL (reviews), 0);
    g_assert_cmpstr (hibachi_review_get_status (review), ==, "pending");

    hibachi_store_moderate_review_async (f->store, review, "approve", NULL, NULL, store_result_cb, &result);
    approved = hibachi_store_review_finish (f->store, wait_for (&result), NULL, error);
    g_assert_no_error (local_error);
    g_assert_cmpstr (hibachi_review_get_status (approved), ==, "approved");
    g_assert_true (was_changed (f, HIBACHI_RESOURCE_REVIEW, hibachi_resource_get_id (HIBACHI_RESOURCE (review))));

    /* The list's row is now stale: flagging it is refused with the current review. */
    hibachi_store_moderate_review_async (f->store, review, "flag", "Mentions a competitor by name.", NULL,
                                         store_result_cb, &again);
    stale = hibachi_store_review_finish (f->store, wait_for (&again), &current, error);
    g_assert_error (local_error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
    g_assert_cmpstr (hibachi_review_get_status (current), ==, "approved");
  }
}

static gboolean load_directory (HibachiDirectory *directory, GError **error);

static gpointer
resource_finish (Fixture *f, GAsyncResult **result, HibachiResource **out_current, GError **error)
{
  return hibachi_store_resource_finish (f->store, wait_for (result), out_current, error);
}

/* Writes of the other resources: each based on the version given. */
static void
test_other_writes (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autoptr(HibachiDirectory) directory = hibachi_directory_new (f->store);
  g_autoptr(GError) error = NULL;
  HibachiStation *station;

  g_assert_true (load_directory (directory, &error));
  station = hibachi_directory_get_station (directory, fremont);

  /* A station: saved once; the same old version again is stale. */
  {
    g_autoptr(JsonObject) changes = object_from ("{\"phone\":\"+1 510 555 0142\"}");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) again = NULL;
    g_autoptr(HibachiStation) saved = NULL;
    g_autoptr(HibachiStation) stale = NULL;
    g_autoptr(HibachiStation) current = NULL;

    hibachi_store_update_station_async (f->store, station, changes, NULL, store_result_cb, &result);
    saved = resource_finish (f, &result, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (saved), "phone"), ==, "+1 510 555 0142");
    g_assert_true (was_changed (f, HIBACHI_RESOURCE_STATION, fremont));

    hibachi_store_update_station_async (f->store, station, changes, NULL, store_result_cb, &again);
    stale = resource_finish (f, &again, (HibachiResource **) &current, &error);
    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
    g_assert_cmpint (hibachi_resource_get_version (HIBACHI_RESOURCE (current)), ==,
                     hibachi_resource_get_version (HIBACHI_RESOURCE (saved)));
    g_clear_error (&error);
  }

  /* A chef. */
  {
    HibachiChef *chef = hibachi_directory_get_chefs (directory)->pdata[0];
    g_autoptr(JsonObject) changes = object_from ("{\"max_party_size\":44}");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(HibachiChef) saved = NULL;

    hibachi_store_update_chef_async (f->store, chef, changes, NULL, store_result_cb, &result);
    saved = resource_finish (f, &result, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hibachi_chef_get_max_party_size (saved), ==, 44);
  }

  /* Prices: a batch with a reason, all or nothing. */
  {
    g_autoptr(GAsyncResult) loaded = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) again = NULL;
    g_autoptr(GAsyncResult) unreasoned = NULL;
    g_autoptr(GPtrArray) sheet = NULL;
    g_autoptr(GPtrArray) saved = NULL;
    g_autoptr(GPtrArray) stale = NULL;
    g_autoptr(GPtrArray) edited = g_ptr_array_new ();
    const gint64 values[] = { 6000, 3200 };

    hibachi_store_price_sheet_async (f->store, fremont, NULL, store_result_cb, &loaded);
    sheet = objects (f, &loaded, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < sheet->len; i++)
      if (g_str_equal (hibachi_price_entry_get_key (sheet->pdata[i]), "adult_price") ||
          g_str_equal (hibachi_price_entry_get_key (sheet->pdata[i]), "child_price"))
        g_ptr_array_add (edited, sheet->pdata[i]);
    g_assert_cmpuint (edited->len, ==, 2);
    g_assert_cmpstr (hibachi_price_entry_get_key (edited->pdata[0]), ==, "adult_price");

    hibachi_store_update_prices_async (f->store, fremont, edited, values, "Short", NULL, store_result_cb, &unreasoned);
    g_assert_null (objects (f, &unreasoned, &error));
    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
    g_clear_error (&error);

    hibachi_store_update_prices_async (f->store, fremont, edited, values, "Fremont's new season prices", NULL,
                                       store_result_cb, &result);
    saved = objects (f, &result, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < saved->len; i++)
      {
        const char *key = hibachi_price_entry_get_key (saved->pdata[i]);

        if (g_str_equal (key, "adult_price"))
          g_assert_cmpint (hibachi_price_entry_get_value (saved->pdata[i]), ==, 6000);
        if (g_str_equal (key, "child_price"))
          g_assert_cmpint (hibachi_price_entry_get_value (saved->pdata[i]), ==, 3200);
      }

    /* The same edit from the old sheet: stale, nothing saved. */
    hibachi_store_update_prices_async (f->store, fremont, edited, (const gint64[]) { 7000, 3300 },
                                       "A second look at the prices", NULL, store_result_cb, &again);
    stale = objects (f, &again, &error);
    g_assert_null (stale);
    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
    g_clear_error (&error);
    {
      g_autoptr(GAsyncResult) reread = NULL;
      g_autoptr(GPtrArray) now = NULL;

      hibachi_store_price_sheet_async (f->store, fremont, NULL, store_result_cb, &reread);
      now = objects (f, &reread, &error);
      for (guint i = 0; i < now->len; i++)
        if (g_str_equal (hibachi_price_entry_get_key (now->pdata[i]), "adult_price"))
          g_assert_cmpint (hibachi_price_entry_get_value (now->pdata[i]), ==, 6000);
    }
  }

  /* A review: its text edited (the original kept), then a public response. */
  {
    g_autoptr(HibachiPagedList) reviews = hibachi_store_new_review_list (f->store);
    g_autoptr(HibachiReview) review = NULL;
    g_autoptr(HibachiReview) edited = NULL;
    g_autoptr(HibachiReview) answered = NULL;
    g_autoptr(JsonObject) changes = object_from ("{\"body\":\"Great food, great show.\"}");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) responded = NULL;
    g_autofree char *original = NULL;

    hibachi_paged_list_set_query (reviews, "");
    while (hibachi_paged_list_get_loading (reviews))
      g_main_context_iteration (NULL, TRUE);
    review = g_list_model_get_item (G_LIST_MODEL (reviews), 0);
    original = g_strdup (hibachi_review_get_body (review));

    hibachi_store_update_review_async (f->store, review, changes, NULL, store_result_cb, &result);
    edited = hibachi_store_review_finish (f->store, wait_for (&result), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hibachi_review_get_body (edited), ==, "Great food, great show.");
    g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (edited), "original_body"), ==, original);

    hibachi_store_respond_to_review_async (f->store, edited, "Thank you for celebrating with us!", NULL,
                                           store_result_cb, &responded);
    answered = hibachi_store_review_finish (f->store, wait_for (&responded), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (answered), "response"), ==,
                     "Thank you for celebrating with us!");
  }
}

static gboolean
load_directory (HibachiDirectory *directory, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_directory_load_async (directory, NULL, store_result_cb, &result);
  return hibachi_directory_load_finish (directory, wait_for (&result), error);
}

/* Names of stations and chefs for lists, as entities from the store; a
 * role that may not list them gets an empty directory, not an error. */
static void
test_directory (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiDirectory) directory = hibachi_directory_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  GPtrArray *chefs;

  g_assert_true (load_directory (directory, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hibachi_directory_get_stations (directory)->len, ==, 3);
  g_assert_cmpstr (hibachi_station_get_code (hibachi_directory_get_station (directory, fremont)), ==, "CA-FREMONT-001");
  g_assert_cmpstr (hibachi_directory_station_name (directory, fremont), ==, "Fremont");
  chefs = hibachi_directory_get_chefs (directory);
  g_assert_cmpuint (chefs->len, >=, 3 * 6);
  g_assert_cmpstr (hibachi_directory_chef_name (directory, hibachi_resource_get_id (chefs->pdata[0])), ==,
                   hibachi_chef_get_name (chefs->pdata[0]));
  g_assert_null (hibachi_directory_chef_name (directory, "no-such-chef"));

  {
    g_autoptr(HibachiSession) chef_session = sign_in (f, "chef.kenji@demo.test");
    g_autoptr(HibachiDirectory) chef_directory = hibachi_directory_new (hibachi_session_get_store (chef_session));

    g_assert_true (load_directory (chef_directory, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (hibachi_directory_get_stations (chef_directory)->len, ==, 0);
    g_assert_cmpuint (hibachi_directory_get_chefs (chef_directory)->len, ==, 0);
  }
}

static void
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Stations and chefs are asked for at once: a server that cannot be reached
 * fails the load with one error (not one per list), and the directory is
 * loaded in full once it is back. */
static void
test_directory_unreachable (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiDirectory) directory = hibachi_directory_new (f->store);
  g_autoptr(GError) error = NULL;

  hibachi_test_server_set_listening (f->ts, FALSE);
  g_assert_false (load_directory (directory, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN));
  g_clear_error (&error);
  /* The other list fails too, meanwhile: no second answer (a critical). */
  {
    gboolean waited = FALSE;

    g_timeout_add_once (1000, set_true_cb, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
  }

  hibachi_test_server_set_listening (f->ts, TRUE);
  g_assert_true (load_directory (directory, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hibachi_directory_get_stations (directory)->len, ==, 3);
  g_assert_cmpuint (hibachi_directory_get_chefs (directory)->len, >=, 3 * 6);
}

/* Every booking of a query, through the store: as many as the server
 * counts, in the query's order, only those the filter names; a query the
 * server refuses is an error, not an empty list. */
static void
test_fetch_bookings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  gint64 count;

  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_store_count_bookings_async (f->store, "status=pending", NULL, store_result_cb, &result);
    count = hibachi_store_count_finish (f->store, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (count, >, 1);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_store_fetch_bookings_async (f->store, "status=pending&sort=-total", NULL, store_result_cb, &result);
    bookings = objects (f, &result, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (bookings->len, ==, count);
  for (guint i = 0; i < bookings->len; i++)
    {
      g_assert_true (HIBACHI_IS_BOOKING (bookings->pdata[i]));
      g_assert_cmpstr (hibachi_booking_get_status (bookings->pdata[i]), ==, "pending");
      if (i > 0)
        g_assert_cmpint (hibachi_booking_get_total_cents (bookings->pdata[i - 1]), >=,
                         hibachi_booking_get_total_cents (bookings->pdata[i]));
    }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) none = NULL;

    hibachi_store_fetch_bookings_async (f->store, "sort=loudest", NULL, store_result_cb, &result);
    none = objects (f, &result, &error);
    g_assert_null (none);
    g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
  }
}


/* Long replies (a page of bookings) are parsed on a worker thread and
 * handed back on the main thread: each caller gets its own whole reply,
 * many at once, and a request cancelled while its reply is parsed says
 * "cancelled" and nothing else. */
typedef struct
{
  guint pending;
  guint whole;
  guint cancelled;
} LongReplies;

static void
long_reply_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LongReplies *counts = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_assert_null (reply);
      counts->cancelled++;
    }
  else
    {
      JsonObject *object;

      g_assert_no_error (error);
      object = json_node_get_object (reply);
      g_assert_cmpint (json_object_get_int_member (object, "total_count"), ==, N_BOOKINGS);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "data")), ==, N_BOOKINGS);
      counts->whole++;
    }
  counts->pending--;
}

static void
test_long_replies (Fixture *f, gconstpointer data)
{
  HibachiClient *client = hibachi_session_get_client (f->session);
  LongReplies counts = { 0 };
  g_autoptr(GPtrArray) cancellables = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 40; i++)
    {
      GCancellable *cancellable = g_cancellable_new ();

      g_ptr_array_add (cancellables, cancellable);
      counts.pending++;
      hibachi_client_request_async (client, "GET", "/api/v1/bookings?page=1&limit=100", NULL, NULL, cancellable,
                                    long_reply_cb, &counts);
    }
  /* Every other one is cancelled once replies come in: those still on
   * the way, and those being parsed. */
  while (counts.pending > 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (counts.whole > 0)
        for (guint i = 0; i < cancellables->len; i += 2)
          g_cancellable_cancel (g_ptr_array_index (cancellables, i));
    }
  g_assert_cmpuint (counts.whole + counts.cancelled, ==, 40);
  g_assert_cmpuint (counts.whole, >=, 20);
  g_assert_cmpuint (counts.cancelled, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/hibachi/store/long-replies", Fixture, NULL, setup, test_long_replies, teardown);
  g_test_add ("/hibachi/store/server-payloads", Fixture, NULL, setup, test_server_payloads, teardown);
  g_test_add ("/hibachi/store/booking-lifecycle", Fixture, NULL, setup, test_booking_lifecycle, teardown);
  g_test_add ("/hibachi/store/stale-write", Fixture, NULL, setup, test_stale_write, teardown);
  g_test_add ("/hibachi/store/refused", Fixture, NULL, setup, test_refused, teardown);
  g_test_add ("/hibachi/store/assignment", Fixture, NULL, setup, test_assignment, teardown);
  g_test_add ("/hibachi/store/reads", Fixture, NULL, setup, test_reads, teardown);
  g_test_add ("/hibachi/store/directory", Fixture, NULL, setup, test_directory, teardown);
  g_test_add ("/hibachi/store/directory-unreachable", Fixture, NULL, setup, test_directory_unreachable, teardown);
  g_test_add ("/hibachi/store/other-writes", Fixture, NULL, setup, test_other_writes, teardown);
  g_test_add ("/hibachi/store/fetch-bookings", Fixture, NULL, setup, test_fetch_bookings, teardown);
  return g_test_run ();
}
