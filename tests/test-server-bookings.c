/* SPDX-License-Identifier: GPL-3.0-or-later */
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

static JsonArray *
list (Fixture *f, const char *token, const char *query, JsonObject **out_root, HibachiTestResponse **out_response)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings", query, NULL);
  HibachiTestResponse *r = hibachi_test_request (f->ts, "GET", path, token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  *out_response = r;
  if (out_root)
    *out_root = hibachi_test_response_object (r);

  return json_object_get_array_member (hibachi_test_response_object (r), "data");
}

static gint64
total_count (Fixture *f, const char *token, const char *query)
{
  g_autoptr(HibachiTestResponse) r = NULL;
  JsonObject *root;

  list (f, token, query, &root, &r);
  return json_object_get_int_member (root, "total_count");
}

static JsonObject *
get_booking (Fixture *f, const char *id, HibachiTestResponse **out)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);

  *out = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);
  g_assert_cmpuint ((*out)->status, ==, 200);

  return hibachi_test_response_object (*out);
}

static void
test_paging (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r1 = NULL, r20 = NULL, r2 = NULL;
  JsonObject *root;
  JsonArray *page1, *page2;

  page1 = list (f, f->owner, "?page=1&limit=10", &root, &r1);
  g_assert_cmpuint (json_array_get_length (page1), ==, 10);
  g_assert_cmpint (json_object_get_int_member (root, "total_count"), ==, N_BOOKINGS);
  g_assert_true (json_object_get_boolean_member (root, "has_next"));
  g_assert_false (json_object_get_boolean_member (root, "has_prev"));

  page2 = list (f, f->owner, "?page=2&limit=10", &root, &r2);
  g_assert_true (json_object_get_boolean_member (root, "has_prev"));
  /* Pages do not overlap. */
  for (guint i = 0; i < 10; i++)
    for (guint j = 0; j < json_array_get_length (page2); j++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (page1, i), "id"), !=,
                       json_object_get_string_member (json_array_get_object_element (page2, j), "id"));

  list (f, f->owner, "?page=20&limit=10", &root, &r20);
  g_assert_false (json_object_get_boolean_member (root, "has_next"));

  {
    const char *bad[] = { "?limit=0", "?limit=501", "?limit=ten", "?page=0", "?sort=price", "?status=lost",
                          "?date_from=2026-02-30" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strconcat ("/api/v1/bookings", bad[i], NULL);
        g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

        g_assert_cmpuint (r->status, ==, 422);
        g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "VALIDATION_ERROR");
        g_assert_nonnull (hibachi_test_response_field_errors (r));
      }
  }
}

static void
test_sorting (Fixture *f, gconstpointer data)
{
  struct { const char *query; const char *member; gboolean descending; gboolean numeric; } cases[] = {
    { "?limit=100&sort=event_date", "event_date", FALSE, FALSE },
    { "?limit=100&sort=-event_date", "event_date", TRUE, FALSE },
    { "?limit=100&sort=-total", "total_cents", TRUE, TRUE },
    { "?limit=100&sort=guests", "guests", FALSE, TRUE },
    { "?limit=100&sort=customer_name", "customer_name", FALSE, FALSE },
    { "?limit=100&sort=-created_at", "created_at", TRUE, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(HibachiTestResponse) r = NULL;
      JsonArray *rows = list (f, f->owner, cases[c].query, NULL, &r);

      g_assert_cmpuint (json_array_get_length (rows), ==, 100);
      for (guint i = 1; i < json_array_get_length (rows); i++)
        {
          JsonObject *a = json_array_get_object_element (rows, i - 1);
          JsonObject *b = json_array_get_object_element (rows, i);
          int cmp = cases[c].numeric
                    ? (int) (json_object_get_int_member (a, cases[c].member) - json_object_get_int_member (b, cases[c].member))
                    : strcmp (json_object_get_string_member (a, cases[c].member), json_object_get_string_member (b, cases[c].member));

          if (cases[c].descending)
            g_assert_cmpint (cmp, >=, 0);
          else
            g_assert_cmpint (cmp, <=, 0);
        }
    }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  JsonArray *rows;
  const char *reference;
  g_autofree char *query = NULL;
  gint64 pending = total_count (f, f->owner, "?status=pending");
  gint64 confirmed = total_count (f, f->owner, "?status=confirmed");

  g_assert_cmpint (pending, >, 0);
  g_assert_cmpint (total_count (f, f->owner, "?status=pending,confirmed"), ==, pending + confirmed);

  rows = list (f, f->owner, "?status=pending&limit=500", NULL, &r1);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, i), "status"), ==, "pending");

  rows = list (f, f->owner, "?unassigned=true&limit=500", NULL, &r2);
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, i), "chef_id"));

  /* Search by reference and, case-insensitively, by name. */
  rows = list (f, f->owner, "?limit=1", NULL, &r3);
  reference = json_object_get_string_member (json_array_get_object_element (rows, 0), "reference");
  query = g_strdup_printf ("?q=%s", reference);
  g_assert_cmpint (total_count (f, f->owner, query), ==, 1);
  g_assert_cmpint (total_count (f, f->owner, "?q=%25"), ==, 0);       /* a literal %, not a wildcard */
  g_assert_cmpint (total_count (f, f->owner, "?q=%25%25%25"), ==, 0);
  g_assert_cmpint (total_count (f, f->owner, "?q=%22%20OR%20%22"), ==, 0);   /* quotes cannot break the phrase */
  g_assert_cmpint (total_count (f, f->owner, "?q=EXAMPLE.COM"), ==, N_BOOKINGS);

  rows = list (f, f->owner, "?date_from=2020-01-01&date_to=2020-12-31", NULL, &r4);
  g_assert_cmpuint (json_array_get_length (rows), ==, 0);

  /* The search index follows edits: the new name is found, the old one is not. */
  {
    JsonObject *first = json_array_get_object_element (list (f, f->owner, "?limit=1&sort=-created_at", NULL, &r5), 0);
    g_autofree char *path = g_strconcat ("/api/v1/bookings/", json_object_get_string_member (first, "id"), NULL);
    g_autofree char *old_query = g_strdup_printf ("?q=%s", json_object_get_string_member (first, "reference"));
    g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, path);
    g_autoptr(HibachiTestResponse) edit = hibachi_test_request (f->ts, "PATCH", path, f->owner,
                                                                "{\"customer_name\":\"Zebediah Quartz\",\"customer_email\":\"zq@example.org\"}",
                                                                "If-Match", etag, NULL);

    g_assert_cmpuint (edit->status, ==, 200);
    g_assert_cmpint (total_count (f, f->owner, "?q=zebediah"), ==, 1);
    g_assert_cmpint (total_count (f, f->owner, "?q=QUARTZ"), ==, 1);
    g_assert_cmpint (total_count (f, f->owner, "?q=zq"), ==, 1);           /* short: the scan path */
    g_assert_cmpint (total_count (f, f->owner, "?q=example.org"), ==, 1);
    g_assert_cmpint (total_count (f, f->owner, old_query), ==, 1);         /* the reference did not change */
    g_assert_cmpint (total_count (f, f->owner, "?q=example.com"), ==, N_BOOKINGS - 1);
  }
}

static void
test_station_manager_scope (Fixture *f, gconstpointer data)
{
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  g_autofree char *sacramento = hibachi_test_station_id (f->ts, f->owner, "CA-SACRAMENTO-001");
  g_autofree char *sacramento_query = g_strdup_printf ("?station_id=%s", sacramento);
  g_autofree char *other_path = NULL;
  g_autoptr(HibachiTestResponse) r = NULL;
  JsonArray *rows = list (f, manager, "?limit=500", NULL, &r);

  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  g_assert_cmpint (total_count (f, manager, ""), <, N_BOOKINGS);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, i), "station_id"), ==, fremont);

  {
    g_autofree char *path = g_strconcat ("/api/v1/bookings", sacramento_query, NULL);
    g_autoptr(HibachiTestResponse) forbidden = hibachi_test_request (f->ts, "GET", path, manager, NULL, NULL);
    g_autofree char *other = hibachi_test_first_id (f->ts, f->owner, path);
    g_autoptr(HibachiTestResponse) hidden = NULL;
    g_autoptr(HibachiTestResponse) patch = NULL;

    g_assert_cmpuint (forbidden->status, ==, 403);
    other_path = g_strconcat ("/api/v1/bookings/", other, NULL);
    hidden = hibachi_test_request (f->ts, "GET", other_path, manager, NULL, NULL);
    g_assert_cmpuint (hidden->status, ==, 404);
    patch = hibachi_test_request (f->ts, "PATCH", other_path, manager, "{\"internal_notes\":\"mine now\"}", NULL);
    g_assert_cmpuint (patch->status, ==, 404);
  }
}

static void
test_chef_scope (Fixture *f, gconstpointer data)
{
  g_autofree char *chef = hibachi_test_login (f->ts, "chef.kenji@demo.test");
  g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", chef, NULL, NULL);
  const char *chef_id = json_object_get_string_member (hibachi_test_response_object (me), "chef_id");
  g_autoptr(HibachiTestResponse) r = NULL;
  JsonArray *rows = list (f, chef, "?limit=500", NULL, &r);

  g_assert_nonnull (chef_id);
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, i), "chef_id"), ==, chef_id);

  {
    g_autofree char *path = g_strconcat ("/api/v1/bookings/",
                                         json_object_get_string_member (json_array_get_object_element (rows, 0), "id"),
                                         "/confirm", NULL);
    g_autoptr(HibachiTestResponse) confirm = hibachi_test_request (f->ts, "POST", path, chef, NULL, NULL);
    g_assert_cmpuint (confirm->status, ==, 403);
  }
}

static char *
future_date (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, days);

  return g_date_time_format (later, "%Y-%m-%d");
}

static char *
booking_body (const char *station, const char *date, const char *email)
{
  return g_strdup_printf ("{\"customer_name\":\"Jane Smith\",\"customer_email\":\"%s\","
                          "\"customer_phone\":\"(510) 555-0142\",\"event_date\":\"%s\",\"slot\":\"18:00\","
                          "\"adults\":12,\"children\":2,\"toddlers\":1,\"venue_address\":\"1 Main St, Fremont, CA\","
                          "\"venue_lat\":37.5485,\"venue_lng\":-121.9886,\"station_id\":\"%s\","
                          "\"allergens\":[\"shellfish\"]}", email, date, station);
}

static void
test_create_and_idempotency (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  g_autofree char *date = future_date (20);
  g_autofree char *body = booking_body (fremont, date, "jane@example.com");
  g_autoptr(HibachiTestResponse) created = NULL;
  g_autoptr(HibachiTestResponse) replay = NULL;
  JsonObject *b;

  created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, body, "Idempotency-Key", "key-1", NULL);
  g_assert_cmpuint (created->status, ==, 201);
  b = hibachi_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (b, "status"), ==, "pending");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (b, "reference"), "MH-"));
  /* 12 × $55 + 2 × $30 = $720; at the station, no travel fee. */
  g_assert_cmpint (json_object_get_int_member (b, "total_cents"), ==, 72000);
  g_assert_cmpint (json_object_get_int_member (b, "deposit_cents"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (b, "guests"), ==, 15);
  g_assert_cmpstr (soup_message_headers_get_one (created->headers, "ETag"), ==, "\"1\"");

  replay = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, body, "Idempotency-Key", "key-1", NULL);
  g_assert_cmpuint (replay->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (replay), "id"), ==,
                   json_object_get_string_member (b, "id"));
  g_assert_cmpint (total_count (f, f->owner, ""), ==, N_BOOKINGS + 1);

  /* Made in the seed's second or later, it is the newest booking: the seed
   * books none at its own second (a tie there put it among them by id). */
  {
    g_autoptr(HibachiTestResponse) newest = NULL;
    JsonObject *first = json_array_get_object_element (list (f, f->owner, "?limit=1&sort=-created_at", NULL, &newest), 0);

    g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, json_object_get_string_member (b, "id"));
  }

  /* The same key on another path is a conflict, not a replay. */
  {
    g_autoptr(HibachiTestResponse) other = hibachi_test_request (f->ts, "POST", "/api/v1/stations", f->owner, "{}",
                                                                 "Idempotency-Key", "key-1", NULL);
    g_assert_cmpuint (other->status, ==, 409);
  }
}

static void
test_create_invalid (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  g_autofree char *date = future_date (20);
  struct { const char *find; const char *replace; const char *field; } cases[] = {
    { "jane@example.com", "not-an-email", "customer_email" },
    { "\"18:00\"", "\"17:30\"", "slot" },
    { "\"adults\":12", "\"adults\":\"12\"", "adults" },
    { "\"adults\":12", "\"adults\":99", "adults" },
    { "\"venue_lat\":37.5485", "\"venue_lat\":95", "venue_lat" },
    { "\"allergens\":[\"shellfish\"]", "\"allergens\":\"shellfish\"", "allergens" },
    { "\"customer_name\":\"Jane Smith\"", "\"customer_name\":\"   \"", "customer_name" },
    { "\"customer_name\":\"Jane Smith\"", "\"customer_name\":\"Jane\",\"favourite_colour\":\"red\"", "favourite_colour" },
    { "\"customer_name\":\"Jane Smith\",", "", "customer_name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = booking_body (fremont, date, "jane@example.com");
      g_auto(GStrv) parts = g_strsplit (body, cases[i].find, 2);
      g_autofree char *bad = g_strjoinv (cases[i].replace, parts);
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, bad, NULL);

      g_assert_cmpuint (r->status, ==, 422);
      g_assert_true (json_object_has_member (hibachi_test_response_field_errors (r), cases[i].field));
    }

  {
    g_autofree char *past = booking_body (fremont, "2020-01-04", "jane@example.com");
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, past, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_true (json_object_has_member (hibachi_test_response_field_errors (r), "event_date"));
  }

  /* Nothing was stored. */
  g_assert_cmpint (total_count (f, f->owner, ""), ==, N_BOOKINGS);
}

static void
test_patch_and_concurrency (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(HibachiTestResponse) before = NULL;
  g_autoptr(HibachiTestResponse) edit = NULL;
  g_autoptr(HibachiTestResponse) stale = NULL;
  g_autoptr(HibachiTestResponse) after = NULL;
  g_autofree char *etag = NULL;
  JsonObject *b = get_booking (f, id, &before);
  gint64 version = json_object_get_int_member (b, "version");
  gint64 total = json_object_get_int_member (b, "total_cents");

  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  g_assert_cmpstr (soup_message_headers_get_one (before->headers, "ETag"), ==, etag);

  edit = hibachi_test_request (f->ts, "PATCH", path, f->owner, "{\"internal_notes\":\"Gate code 4321\",\"adults\":40}",
                               "If-Match", etag, NULL);
  g_assert_cmpuint (edit->status, ==, 200);
  b = hibachi_test_response_object (edit);
  g_assert_cmpstr (json_object_get_string_member (b, "internal_notes"), ==, "Gate code 4321");
  g_assert_cmpint (json_object_get_int_member (b, "version"), ==, version + 1);
  g_assert_cmpint (json_object_get_int_member (b, "total_cents"), >, total);   /* repriced */

  /* A write based on the old version is refused with the current row. */
  stale = hibachi_test_request (f->ts, "PATCH", path, f->owner, "{\"internal_notes\":\"Mine\"}", "If-Match", etag, NULL);
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_cmpstr (hibachi_test_response_error_code (stale), ==, "PRECONDITION_FAILED");
  {
    JsonObject *details = json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (stale), "error"), "details");
    JsonObject *current = json_object_get_object_member (details, "current");

    g_assert_cmpstr (json_object_get_string_member (current, "internal_notes"), ==, "Gate code 4321");
  }

  /* Invalid edits change nothing. */
  {
    /* Each refused for its own field; {} changes nothing (400). */
    const char *bad[][2] = { { "{\"status\":\"confirmed\"}", "status" }, { "{\"chef_id\":null}", "chef_id" },
                             { "{\"station_id\":\"x\"}", "station_id" }, { "{\"customer_phone\":\"12\"}", "customer_phone" },
                             { "{\"adults\":0,\"children\":0}", "adults" },
                             { "{\"requested_chef_id\":\"nobody\"}", "requested_chef_id" }, { "{}", NULL } };

    g_autofree char *etag_now = hibachi_test_etag (f->ts, f->owner, path);

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", path, f->owner, bad[i][0],
                                                                 "If-Match", etag_now, NULL);
        JsonObject *field_errors;

        g_test_message ("PATCH %s", bad[i][0]);
        if (bad[i][1] == NULL)
          {
            g_assert_cmpuint (r->status, ==, 400);
            continue;
          }
        g_assert_cmpuint (r->status, ==, 422);
        field_errors = hibachi_test_response_field_errors (r);
        g_assert_nonnull (field_errors);
        g_assert_cmpuint (json_object_get_size (field_errors), ==, 1);
        g_assert_true (json_object_has_member (field_errors, bad[i][1]));
      }
  }
  b = get_booking (f, id, &after);
  g_assert_cmpint (json_object_get_int_member (b, "version"), ==, version + 1);
  g_assert_cmpstr (json_object_get_string_member (b, "internal_notes"), ==, "Gate code 4321");

  /* Support staff fix details too. */
  {
    g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");
    g_autofree char *etag_now = hibachi_test_etag (f->ts, support, path);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", path, support,
                                                             "{\"customer_phone\":\"(510) 555-0199\"}",
                                                             "If-Match", etag_now, NULL);
    g_assert_cmpuint (r->status, ==, 200);
  }
}

static void
test_confirm_cancel_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
  g_autofree char *confirm = g_strconcat ("/api/v1/bookings/", id, "/confirm", NULL);
  g_autofree char *cancel = g_strconcat ("/api/v1/bookings/", id, "/cancel", NULL);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");

  {
    g_autofree char *etag = hibachi_test_etag (f->ts, support, path);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", confirm, support, NULL, "If-Match", etag, NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "status"), ==, "confirmed");
  }
  {
    g_autofree char *etag = hibachi_test_etag (f->ts, support, path);
    g_autoptr(HibachiTestResponse) again = hibachi_test_request (f->ts, "POST", confirm, support, NULL, "If-Match", etag, NULL);
    g_assert_cmpuint (again->status, ==, 409);
    g_assert_cmpstr (hibachi_test_response_error_code (again), ==, "CONFLICT");
  }
  {
    g_autofree char *etag = hibachi_test_etag (f->ts, support, path);
    g_autoptr(HibachiTestResponse) short_reason = hibachi_test_request (f->ts, "POST", cancel, support, "{\"reason\":\"  too short \"}",
                                                                        "If-Match", etag, NULL);
    g_autoptr(HibachiTestResponse) check = NULL;

    g_assert_cmpuint (short_reason->status, ==, 422);
    g_assert_true (json_object_has_member (hibachi_test_response_field_errors (short_reason), "reason"));
    g_assert_cmpstr (json_object_get_string_member (get_booking (f, id, &check), "status"), ==, "confirmed");
  }
  {
    g_autofree char *etag = hibachi_test_etag (f->ts, support, path);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", cancel, support,
                                                             "{\"reason\":\"Customer moved the party to next year.\"}",
                                                             "If-Match", etag, NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "status"), ==, "cancelled");
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "cancel_reason"), ==,
                     "Customer moved the party to next year.");
  }
  {
    g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, path);
    g_autoptr(HibachiTestResponse) by_support = hibachi_test_request (f->ts, "DELETE", path, support,
                                                                      "{\"reason\":\"Duplicate of another booking.\"}",
                                                                      "If-Match", etag, NULL);
    g_autoptr(HibachiTestResponse) no_reason = hibachi_test_request (f->ts, "DELETE", path, f->owner, "{}",
                                                                     "If-Match", etag, NULL);
    g_autoptr(HibachiTestResponse) deleted = hibachi_test_request (f->ts, "DELETE", path, f->owner,
                                                                   "{\"reason\":\"Duplicate of another booking.\"}",
                                                                   "If-Match", etag, NULL);
    g_autoptr(HibachiTestResponse) gone = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

    g_assert_cmpuint (by_support->status, ==, 403);
    g_assert_cmpuint (no_reason->status, ==, 422);
    g_assert_cmpuint (deleted->status, ==, 200);
    g_assert_cmpuint (gone->status, ==, 404);
    g_assert_cmpint (total_count (f, f->owner, ""), ==, N_BOOKINGS - 1);
  }
}

/* POST @action of booking @id with If-Match @version (0: none) and @body. */
static HibachiTestResponse *
act (Fixture *f, const char *token, const char *id, const char *action, gint64 version, const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s%s%s", id, action ? "/" : "", action ? action : "");
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);

  return hibachi_test_request (f->ts, action ? "POST" : "DELETE", path, token, body,
                               version > 0 ? "If-Match" : NULL, etag, NULL);
}

static gint64
version_of (HibachiTestResponse *r)
{
  return json_object_get_int_member (hibachi_test_response_object (r), "version");
}

/* Undo of cancel and delete: back to exactly where it was, by those who
 * could do the undone action, audited and announced. */
static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  g_autofree char *query = g_strdup_printf ("/api/v1/bookings?status=pending&station_id=%s", fremont);
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, query);
  g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *other_manager = hibachi_test_login (f->ts, "sacramento.manager@demo.test");
  g_autofree char *chef = hibachi_test_login (f->ts, "chef.kenji@demo.test");
  g_autofree char *audit = g_strdup_printf ("/api/v1/audit-logs?resource_type=booking&resource_id=%s&limit=50", id);
  g_autoptr(HibachiTestResponse) start = hibachi_test_request (f->ts, "GET", "/api/v1/changes", f->owner, NULL, NULL);
  g_autofree char *since = g_strdup_printf ("/api/v1/changes?since=%s",
                                            json_object_get_string_member (hibachi_test_response_object (start), "cursor"));
  const char *reason = "{\"reason\":\"The customer changed their mind again.\"}";
  gint64 version;

  {
    g_autoptr(HibachiTestResponse) confirmed = act (f, support, id, "confirm", 1, NULL);
    g_autoptr(HibachiTestResponse) cancelled = act (f, support, id, "cancel", version_of (confirmed),
                                                    "{\"reason\":\"Customer moved the party to next year.\"}");

    g_assert_cmpuint (cancelled->status, ==, 200);
    version = version_of (cancelled);
  }

  /* Refused: stale version, a chef, another station's manager, a bad reason. Nothing changes. */
  {
    g_autoptr(HibachiTestResponse) stale = act (f, support, id, "restore", version - 1, reason);
    g_autoptr(HibachiTestResponse) by_chef = act (f, chef, id, "restore", version, reason);
    g_autoptr(HibachiTestResponse) elsewhere = act (f, other_manager, id, "restore", version, reason);
    g_autoptr(HibachiTestResponse) short_reason = act (f, support, id, "restore", version, "{\"reason\":\"oops\"}");
    g_autoptr(HibachiTestResponse) check = NULL;
    JsonObject *current;

    g_assert_cmpuint (stale->status, ==, 412);
    current = json_object_get_object_member (json_object_get_object_member (
      json_object_get_object_member (hibachi_test_response_object (stale), "error"), "details"), "current");
    g_assert_cmpint (json_object_get_int_member (current, "version"), ==, version);
    g_assert_cmpuint (by_chef->status, ==, 403);
    g_assert_cmpuint (elsewhere->status, ==, 404);
    g_assert_cmpuint (short_reason->status, ==, 422);
    g_assert_cmpstr (json_object_get_string_member (get_booking (f, id, &check), "status"), ==, "cancelled");
    g_assert_cmpint (version_of (check), ==, version);
  }

  /* Cancelled → the status it had before (confirmed), without the cancel reason. */
  {
    g_autoptr(HibachiTestResponse) r = act (f, support, id, "restore", version, reason);
    g_autoptr(HibachiTestResponse) again = NULL;
    JsonObject *booking = hibachi_test_response_object (r);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (booking, "status"), ==, "confirmed");
    g_assert_true (json_object_get_null_member (booking, "cancel_reason"));
    g_assert_cmpint (version_of (r), ==, version + 1);
    version = version_of (r);

    /* Neither cancelled nor deleted: nothing to restore. */
    again = act (f, support, id, "restore", version, NULL);
    g_assert_cmpuint (again->status, ==, 409);
  }

  /* Deleted → back as it was; restoring needs the role that may delete. */
  {
    g_autoptr(HibachiTestResponse) deleted = act (f, f->owner, id, NULL, version,
                                                  "{\"reason\":\"Duplicate of another booking.\"}");
    g_autoptr(HibachiTestResponse) by_support = NULL;
    g_autoptr(HibachiTestResponse) r = NULL;
    g_autoptr(HibachiTestResponse) check = NULL;

    g_assert_cmpuint (deleted->status, ==, 200);
    g_assert_cmpint (total_count (f, f->owner, ""), ==, N_BOOKINGS - 1);
    by_support = act (f, support, id, "restore", version + 1, NULL);
    g_assert_cmpuint (by_support->status, ==, 403);
    r = act (f, manager, id, "restore", version + 1, NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (get_booking (f, id, &check), "status"), ==, "confirmed");
    g_assert_cmpint (total_count (f, f->owner, ""), ==, N_BOOKINGS);
  }

  /* Audited with actor, before/after and reason; announced in the change feed. */
  {
    g_autoptr(HibachiTestResponse) log = hibachi_test_request (f->ts, "GET", audit, f->owner, NULL, NULL);
    g_autoptr(HibachiTestResponse) feed = hibachi_test_request (f->ts, "GET", since, f->owner, NULL, NULL);
    JsonArray *entries = json_object_get_array_member (hibachi_test_response_object (log), "data");
    JsonArray *changes = json_object_get_array_member (hibachi_test_response_object (feed), "changes");
    guint restores = 0, announced = 0;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        JsonObject *status;

        if (g_strcmp0 (json_object_get_string_member (entry, "action"), "restore") != 0)
          continue;
        restores++;
        if (g_strcmp0 (json_object_get_string_member (entry, "actor_email"), "support@demo.test") != 0)
          continue;
        g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "The customer changed their mind again.");
        status = json_object_get_object_member (json_object_get_object_member (entry, "changes"), "status");
        g_assert_cmpstr (json_object_get_string_member (status, "old"), ==, "cancelled");
        g_assert_cmpstr (json_object_get_string_member (status, "new"), ==, "confirmed");
      }
    g_assert_cmpuint (restores, ==, 2);

    for (guint i = 0; i < json_array_get_length (changes); i++)
      {
        JsonObject *change = json_array_get_object_element (changes, i);

        if (g_strcmp0 (json_object_get_string_member (change, "action"), "restore") == 0 &&
            g_strcmp0 (json_object_get_string_member (change, "id"), id) == 0)
          announced++;
      }
    g_assert_cmpuint (announced, ==, 2);
  }
}

/* A booking cancelled with no cancel on record returns to pending: it
 * needs confirming again rather than guessing it was confirmed. */
static void
test_restore_unknown_status (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=cancelled");
  g_autoptr(HibachiTestResponse) check = NULL;
  g_autoptr(HibachiTestResponse) r = NULL;

  get_booking (f, id, &check);
  r = act (f, f->owner, id, "restore", version_of (check), NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "status"), ==, "pending");
}

/* Finds an unassigned pending or confirmed booking in the future. */
static char *
unassigned_future (Fixture *f, guint skip)
{
  g_autofree char *today = future_date (1);
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?unassigned=true&status=pending,confirmed&date_from=%s&limit=50", today);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);
  JsonArray *rows = json_object_get_array_member (hibachi_test_response_object (r), "data");

  g_assert_cmpuint (json_array_get_length (rows), >, skip);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (rows, skip), "id"));
}

static void
test_assignment (Fixture *f, gconstpointer data)
{
  g_autofree char *id = unassigned_future (f, 0);
  g_autofree char *suggest_path = g_strconcat ("/api/v1/bookings/", id, "/chef-suggestions", NULL);
  g_autofree char *chef_path = g_strconcat ("/api/v1/bookings/", id, "/chef", NULL);
  g_autofree char *history_path = g_strconcat ("/api/v1/bookings/", id, "/history", NULL);
  g_autofree char *booking_path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(HibachiTestResponse) suggestions = hibachi_test_request (f->ts, "GET", suggest_path, f->owner, NULL, NULL);
  JsonArray *ranked = json_object_get_array_member (hibachi_test_response_object (suggestions), "data");
  const char *best = NULL;
  gboolean seen_conflict = FALSE;
  double last_score = 1e9;

  g_assert_cmpuint (json_array_get_length (ranked), ==, 8);
  for (guint i = 0; i < json_array_get_length (ranked); i++)
    {
      JsonObject *s = json_array_get_object_element (ranked, i);
      gboolean conflict = json_object_get_boolean_member (s, "has_conflict");
      double score = json_object_get_double_member (json_object_get_object_member (s, "score"), "total");

      /* Conflicted chefs come last; the rest by score. */
      g_assert_false (seen_conflict && !conflict);
      if (!conflict)
        {
          g_assert_cmpfloat (score, <=, last_score + 1e-9);
          last_score = score;
          if (best == NULL)
            best = json_object_get_string_member (s, "chef_id");
        }
      else
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "conflicts")), >, 0);
      seen_conflict |= conflict;
    }
  g_assert_nonnull (best);

  {
    g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");
    g_autofree char *body = g_strdup_printf ("{\"chef_id\":\"%s\"}", best);
    g_autofree char *best_path = g_strconcat ("/api/v1/chefs/", best, NULL);
    g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, booking_path);
    /* The best chef now takes parties of 2 at most: a warning, not a conflict. */
    g_autoptr(HibachiTestResponse) small = hibachi_test_write (f->ts, "PATCH", best_path, f->owner,
                                                               "{\"max_party_size\":2}", best_path);
    g_autoptr(HibachiTestResponse) denied = hibachi_test_request (f->ts, "PUT", chef_path, support, body, "If-Match", etag, NULL);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PUT", chef_path, f->owner, body, "If-Match", etag, NULL);
    JsonArray *warnings;
    gboolean party_warning = FALSE;
    JsonObject *b;

    g_assert_cmpuint (denied->status, ==, 403);
    g_assert_cmpuint (r->status, ==, 200);
    b = hibachi_test_response_object (r);
    g_assert_cmpstr (json_object_get_string_member (b, "chef_id"), ==, best);
    g_assert_cmpuint (small->status, ==, 200);
    warnings = json_object_get_array_member (b, "warnings");
    for (guint i = 0; i < json_array_get_length (warnings); i++)
      {
        JsonObject *w = json_array_get_object_element (warnings, i);

        g_assert_cmpstr (json_object_get_string_member (w, "message"), !=, "");
        party_warning |= g_strcmp0 (json_object_get_string_member (w, "code"), "party_too_large") == 0;
      }
    g_assert_true (party_warning);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (b, "conflicts_overridden")), ==, 0);
  }

  /* The same chef for another booking on the same date and slot: a conflict. */
  {
    g_autoptr(HibachiTestResponse) first = NULL;
    JsonObject *b = get_booking (f, id, &first);
    g_autofree char *fremont_path = g_strdup_printf ("/api/v1/bookings?station_id=%s&limit=1", json_object_get_string_member (b, "station_id"));
    g_autofree char *twin_body = g_strdup_printf ("{\"customer_name\":\"John Twin\",\"customer_email\":\"twin@example.com\","
                                                  "\"customer_phone\":\"(510) 555-0143\",\"event_date\":\"%s\",\"slot\":\"%s\","
                                                  "\"adults\":10,\"venue_address\":\"2 Main St\",\"venue_lat\":%f,\"venue_lng\":%f,"
                                                  "\"station_id\":\"%s\"}",
                                                  json_object_get_string_member (b, "event_date"),
                                                  json_object_get_string_member (b, "slot"),
                                                  json_object_get_double_member (b, "venue_lat"),
                                                  json_object_get_double_member (b, "venue_lng"),
                                                  json_object_get_string_member (b, "station_id"));
    g_autoptr(HibachiTestResponse) twin = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, twin_body, NULL);
    g_autofree char *twin_path = g_strconcat ("/api/v1/bookings/", json_object_get_string_member (hibachi_test_response_object (twin), "id"), NULL);
    g_autofree char *twin_chef = g_strconcat (twin_path, "/chef", NULL);
    g_autofree char *twin_etag = hibachi_test_etag (f->ts, f->owner, twin_path);
    g_autofree char *body = g_strdup_printf ("{\"chef_id\":\"%s\"}", best);
    g_autofree char *short_override = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"ok\"}", best);
    g_autofree char *override = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"Two chefs share the grill tonight.\"}", best);
    g_autoptr(HibachiTestResponse) conflict = NULL, weak = NULL, forced = NULL;
    JsonArray *conflicts;

    (void) fremont_path;
    g_assert_cmpuint (twin->status, ==, 201);
    conflict = hibachi_test_request (f->ts, "PUT", twin_chef, f->owner, body, "If-Match", twin_etag, NULL);
    g_assert_cmpuint (conflict->status, ==, 409);
    conflicts = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (conflict), "error"), "details"), "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), >, 0);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "code"), ==, "overlap");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "booking_id"), ==, id);

    weak = hibachi_test_request (f->ts, "PUT", twin_chef, f->owner, short_override, "If-Match", twin_etag, NULL);
    g_assert_cmpuint (weak->status, ==, 422);
    forced = hibachi_test_request (f->ts, "PUT", twin_chef, f->owner, override, "If-Match", twin_etag, NULL);
    g_assert_cmpuint (forced->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (forced), "conflicts_overridden")), >, 0);
  }

  /* Unassign, then the history tells the story. */
  {
    g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, booking_path);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "DELETE", chef_path, f->owner, NULL, "If-Match", etag, NULL);
    g_autofree char *etag_after = hibachi_test_etag (f->ts, f->owner, booking_path);
    g_autoptr(HibachiTestResponse) twice = hibachi_test_request (f->ts, "DELETE", chef_path, f->owner, NULL,
                                                                 "If-Match", etag_after, NULL);
    g_autoptr(HibachiTestResponse) history = hibachi_test_request (f->ts, "GET", history_path, f->owner, NULL, NULL);
    JsonArray *entries = json_object_get_array_member (hibachi_test_response_object (history), "data");
    JsonObject *last;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_null_member (hibachi_test_response_object (r), "chef_id"));
    g_assert_cmpuint (twice->status, ==, 409);
    g_assert_cmpuint (json_array_get_length (entries), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action"), ==, "assign_chef");
    last = json_array_get_object_element (entries, 1);
    g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "unassign_chef");
    g_assert_cmpstr (json_object_get_string_member (last, "actor_email"), ==, "owner@demo.test");
    g_assert_true (json_object_has_member (json_object_get_object_member (last, "changes"), "chef_id"));
  }
}

typedef struct
{
  HibachiTestServer *ts;
  char              *token;
  char              *path;
  JsonNode          *result;
  gint64             elapsed_us;
} LongPoll;

static gpointer
long_poll_thread (gpointer data)
{
  LongPoll *poll = data;
  gint64 start = g_get_monotonic_time ();
  HibachiTestResponse *r = hibachi_test_request (poll->ts, "GET", poll->path, poll->token, NULL, NULL);

  poll->elapsed_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (r->status, ==, 200);
  poll->result = json_node_ref (r->json);
  hibachi_test_response_free (r);

  return NULL;
}

static void
test_change_feed (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) start = hibachi_test_request (f->ts, "GET", "/api/v1/changes", f->owner, NULL, NULL);
  const char *cursor = json_object_get_string_member (hibachi_test_response_object (start), "cursor");
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
  g_autofree char *confirm = g_strconcat ("/api/v1/bookings/", id, "/confirm", NULL);
  LongPoll poll = { f->ts, f->owner, g_strdup_printf ("/api/v1/changes?since=%s&wait=20", cursor), NULL, 0 };
  GThread *thread;
  JsonArray *changes;
  JsonObject *change;

  thread = g_thread_new ("long-poll", long_poll_thread, &poll);
  g_usleep (300 * 1000);
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", confirm, f->owner, NULL, "If-Match", "\"1\"", NULL);
    g_assert_cmpuint (r->status, ==, 200);
  }
  g_thread_join (thread);

  /* The waiting client heard of the change at once, not after 20 s. */
  g_assert_cmpint (poll.elapsed_us, <, 10 * G_USEC_PER_SEC);
  changes = json_object_get_array_member (json_node_get_object (poll.result), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "resource"), ==, "booking");
  g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (change, "action"), ==, "confirm");
  g_assert_cmpstr (json_object_get_string_member (change, "actor"), ==, "owner@demo.test");
  g_assert_cmpstr (json_object_get_string_member (change, "actor_name"), ==, "Olivia Owner");
  g_assert_cmpint (json_object_get_int_member (change, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (poll.result), "cursor"), !=, cursor);

  /* Without waiting, an up-to-date cursor returns nothing at once. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%s",
                                             json_object_get_string_member (json_node_get_object (poll.result), "cursor"));
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);
    g_autoptr(HibachiTestResponse) bad = hibachi_test_request (f->ts, "GET", "/api/v1/changes?since=abc", f->owner, NULL, NULL);
    g_autoptr(HibachiTestResponse) too_long = hibachi_test_request (f->ts, "GET", "/api/v1/changes?since=0&wait=31", f->owner, NULL, NULL);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (r), "changes")), ==, 0);
    g_assert_cmpuint (bad->status, ==, 422);
    g_assert_cmpuint (too_long->status, ==, 422);
  }

  json_node_unref (poll.result);
  g_free (poll.path);
}

static void
test_audit_log (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *audit = g_strdup_printf ("/api/v1/audit-logs?resource_type=booking&resource_id=%s", id);
  g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, path);
  g_autoptr(HibachiTestResponse) edit = hibachi_test_request (f->ts, "PATCH", path, f->owner, "{\"customer_name\":\"Janet Smith\"}",
                                                              "If-Match", etag, NULL);
  g_autoptr(HibachiTestResponse) log = hibachi_test_request (f->ts, "GET", audit, f->owner, NULL, NULL);
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autoptr(HibachiTestResponse) denied = hibachi_test_request (f->ts, "GET", "/api/v1/audit-logs", manager, NULL, NULL);
  JsonArray *entries = json_object_get_array_member (hibachi_test_response_object (log), "data");
  JsonObject *entry, *change;

  g_assert_cmpuint (edit->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  entry = json_array_get_object_element (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (entry, "actor_email"), ==, "owner@demo.test");
  change = json_object_get_object_member (json_object_get_object_member (entry, "changes"), "customer_name");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "Janet Smith");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), !=, "Janet Smith");
  g_assert_cmpuint (denied->status, ==, 403);
}

static void
test_dispatch (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  g_autofree char *from = future_date (0);
  g_autofree char *to = future_date (30);
  g_autofree char *path = g_strdup_printf ("/api/v1/dispatch?station_id=%s&date_from=%s&date_to=%s", fremont, from, to);
  g_autofree char *too_long = g_strdup_printf ("/api/v1/dispatch?station_id=%s&date_from=%s&date_to=%s", fremont, from, "2099-01-01");
  g_autofree char *manager = hibachi_test_login (f->ts, "sacramento.manager@demo.test");
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) bad = hibachi_test_request (f->ts, "GET", too_long, f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) other = hibachi_test_request (f->ts, "GET", path, manager, NULL, NULL);
  JsonObject *root = hibachi_test_response_object (r);
  JsonArray *chefs = json_object_get_array_member (root, "chefs");
  JsonArray *bookings = json_object_get_array_member (root, "bookings");

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (chefs), ==, 8);
  g_assert_true (json_object_has_member (json_array_get_object_element (chefs, 0), "time_off"));
  g_assert_true (json_object_has_member (json_array_get_object_element (chefs, 0), "weekly_availability"));
  /* The demo data has Fremont bookings in the coming month: an empty board is a fault. */
  g_assert_cmpuint (json_array_get_length (bookings), >, 0);
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *b = json_array_get_object_element (bookings, i);

      g_assert_cmpstr (json_object_get_string_member (b, "station_id"), ==, fremont);
      g_assert_cmpstr (json_object_get_string_member (b, "event_date"), >=, from);
      g_assert_cmpstr (json_object_get_string_member (b, "event_date"), <=, to);
      g_assert_cmpstr (json_object_get_string_member (b, "status"), !=, "cancelled");
    }
  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_cmpuint (other->status, ==, 403);
}

static void
setup_large (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (2500);
  f->owner = hibachi_test_login (f->ts, "owner@demo.test");
}

/* Pages past the first thousand rows seek from cached anchors; stitched
 * together, pages must still be every row exactly once, in order. */
static void
check_deep_paging (Fixture *f, const char *sort, const char *member, gboolean descending, gboolean numeric)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonObject) previous = NULL;

  for (int page = 1; page <= 13; page++)
    {
      g_autofree char *query = g_strdup_printf ("?sort=%s&limit=200&page=%d", sort, page);
      g_autoptr(HibachiTestResponse) r = NULL;
      JsonArray *rows = list (f, f->owner, query, NULL, &r);

      g_assert_cmpuint (json_array_get_length (rows), ==, page < 13 ? 200 : 100);
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          const char *id = json_object_get_string_member (row, "id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
          if (previous != NULL)
            {
              int cmp;

              if (numeric)
                {
                  gint64 a = json_object_get_int_member (previous, member), b = json_object_get_int_member (row, member);
                  cmp = a < b ? -1 : a > b ? 1 : 0;
                }
              else
                cmp = strcmp (json_object_get_string_member (previous, member), json_object_get_string_member (row, member));
              if (cmp == 0)
                cmp = strcmp (json_object_get_string_member (previous, "id"), id);

              if (descending)
                g_assert_cmpint (cmp, >, 0);
              else
                g_assert_cmpint (cmp, <, 0);
            }
          g_clear_pointer (&previous, json_object_unref);
          previous = json_object_ref (row);
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, total_count (f, f->owner, ""));
}

static void
test_deep_paging (Fixture *f, gconstpointer data)
{
  check_deep_paging (f, "-total", "total_cents", TRUE, TRUE);
  check_deep_paging (f, "customer_name", "customer_name", FALSE, FALSE);
  check_deep_paging (f, "guests", "guests", FALSE, TRUE);

  /* A write drops the anchors; deep pages still line up afterwards. */
  {
    g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
    g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
    g_autofree char *etag = hibachi_test_etag (f->ts, f->owner, path);
    g_autoptr(HibachiTestResponse) edit = hibachi_test_request (f->ts, "PATCH", path, f->owner, "{\"adults\":37}",
                                                                "If-Match", etag, NULL);

    g_assert_cmpuint (edit->status, ==, 200);
  }
  check_deep_paging (f, "-total", "total_cents", TRUE, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/server-bookings/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("paging", test_paging);
  ADD ("sorting", test_sorting);
  ADD ("filters", test_filters);
  ADD ("station-manager-scope", test_station_manager_scope);
  ADD ("chef-scope", test_chef_scope);
  ADD ("create-idempotency", test_create_and_idempotency);
  ADD ("create-invalid", test_create_invalid);
  ADD ("patch-concurrency", test_patch_and_concurrency);
  ADD ("confirm-cancel-delete", test_confirm_cancel_delete);
  ADD ("restore", test_restore);
  ADD ("restore-unknown-status", test_restore_unknown_status);
  ADD ("assignment", test_assignment);
  ADD ("change-feed", test_change_feed);
  ADD ("audit-log", test_audit_log);
  ADD ("dispatch", test_dispatch);
#undef ADD
  g_test_add ("/hibachi/server-bookings/deep-paging", Fixture, NULL, setup_large, test_deep_paging, teardown);

  return g_test_run ();
}
