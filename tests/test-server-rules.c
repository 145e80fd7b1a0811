/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-rules.c: what hibachi-server refuses before any route acts:
 * hostile JSON text, blind writes, values outside the business rules. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hibachi-test-server.h"

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer *ts;
  char              *token;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (50);
  f->token = hibachi_test_login (f->ts, OWNER);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->token);
  hibachi_test_server_stop (f->ts);
}

static const char *
error_message (HibachiTestResponse *r)
{
  JsonObject *error = json_object_get_object_member (hibachi_test_response_object (r), "error");

  return json_object_get_string_member (error, "message");
}

static void
assert_alive (Fixture *f)
{
  g_autoptr(HibachiTestResponse) health = hibachi_test_request (f->ts, "GET", "/health", NULL, NULL, NULL);

  g_assert_cmpuint (health->status, ==, 200);
}

static gint64
booking_version (Fixture    *f,
                 const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);

  return json_object_get_int_member (hibachi_test_response_object (r), "version");
}

/* "{"pad":" + @depth - 1 arrays + "}": JSON nested @depth levels. */
static char *
nested_login (guint depth)
{
  GString *s = g_string_new ("{\"email\":\"" OWNER "\",\"password\":\"" HIBACHI_DEMO_PASSWORD "\",\"pad\":");

  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');

  return g_string_free (s, FALSE);
}

static void
test_json_too_deep (Fixture *f, gconstpointer data)
{
  g_autofree char *booking = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings");
  g_autofree char *chef = hibachi_test_first_id (f->ts, f->token, "/api/v1/chefs");
  g_autofree char *review = hibachi_test_first_id (f->ts, f->token, "/api/v1/reviews");
  g_autofree char *station = hibachi_test_first_id (f->ts, f->token, "/api/v1/stations");
  g_autofree char *brackets = g_strnfill (74 * 1024, '[');
  gint64 version = booking_version (f, booking);
  struct { const char *method; const char *path; const char *id; const char *tail; gboolean anonymous; } routes[] = {
    { "POST", "/api/auth/login", NULL, "", TRUE },
    { "POST", "/api/v1/auth/refresh", NULL, "", TRUE },
    { "POST", "/api/auth/logout", NULL, "", FALSE },
    { "POST", "/api/v1/bookings", NULL, "", FALSE },
    { "PATCH", "/api/v1/bookings/", booking, "", FALSE },
    { "DELETE", "/api/v1/bookings/", booking, "", FALSE },
    { "POST", "/api/v1/bookings/", booking, "/confirm", FALSE },
    { "POST", "/api/v1/bookings/", booking, "/cancel", FALSE },
    { "PUT", "/api/v1/bookings/", booking, "/chef", FALSE },
    { "DELETE", "/api/v1/bookings/", booking, "/chef", FALSE },
    { "PATCH", "/api/v1/chefs/", chef, "", FALSE },
    { "POST", "/api/v1/chefs/", chef, "/time-off", FALSE },
    { "PATCH", "/api/v1/pricing", NULL, "", FALSE },
    { "POST", "/api/v1/quote", NULL, "", FALSE },
    { "POST", "/api/v1/reviews/bulk", NULL, "", FALSE },
    { "PATCH", "/api/v1/reviews/", review, "", FALSE },
    { "POST", "/api/v1/reviews/", review, "/approve", FALSE },
    { "POST", "/api/v1/reviews/", review, "/reject", FALSE },
    { "POST", "/api/v1/reviews/", review, "/flag", FALSE },
    { "PUT", "/api/v1/reviews/", review, "/response", FALSE },
    { "POST", "/api/v1/stations", NULL, "", FALSE },
    { "PATCH", "/api/v1/stations/", station, "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autofree char *path = g_strconcat (routes[i].path, routes[i].id ? routes[i].id : "", routes[i].tail, NULL);
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, routes[i].method, path,
                                                               routes[i].anonymous ? NULL : f->token,
                                                               brackets, "If-Match", "\"1\"", NULL);

      g_test_message ("%s %s", routes[i].method, path);
      g_assert_cmpuint (r->status, ==, 400);
      g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "BAD_REQUEST");
      g_assert_nonnull (strstr (error_message (r), "64"));
      assert_alive (f);
    }

  /* Nothing was done: the booking is as it was and the session still works. */
  g_assert_cmpint (booking_version (f, booking), ==, version);

  /* Objects count as much as arrays. */
  {
    GString *objects = g_string_new (NULL);
    g_autoptr(HibachiTestResponse) r = NULL;

    for (guint i = 0; i < 70; i++)
      g_string_append (objects, "{\"a\":");
    g_string_append (objects, "1");
    for (guint i = 0; i < 70; i++)
      g_string_append_c (objects, '}');
    r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, objects->str, NULL);
    g_string_free (objects, TRUE);
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_nonnull (strstr (error_message (r), "64"));
  }

  /* Brackets inside strings are text, not nesting. */
  {
    g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", brackets, "x");
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, body, NULL);

    g_assert_cmpuint (r->status, ==, 401);
  }
}

static void
test_json_depth_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *at_limit = nested_login (64);
  g_autofree char *beyond = nested_login (65);
  g_autoptr(HibachiTestResponse) ok = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, at_limit, NULL);
  g_autoptr(HibachiTestResponse) refused = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, beyond, NULL);

  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpuint (refused->status, ==, 400);
  g_assert_cmpstr (hibachi_test_response_error_code (refused), ==, "BAD_REQUEST");
  g_assert_nonnull (strstr (error_message (refused), "64"));
}

static gint64
resource_version (Fixture    *f,
                  const char *path)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);

  return json_object_get_int_member (hibachi_test_response_object (r), "version");
}

/* The id of the first booking of @query whose chef is set (or not). */
static char *
booking_where (Fixture    *f,
               const char *query,
               gboolean    with_chef)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings", query, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
  JsonArray *rows = json_object_get_array_member (hibachi_test_response_object (r), "data");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_null_member (row, "chef_id") != with_chef)
        return g_strdup (json_object_get_string_member (row, "id"));
    }

  g_error ("No booking for %s", query);
}

static void
test_if_match_required (Fixture *f, gconstpointer data)
{
  g_autofree char *pending = booking_where (f, "?status=pending&limit=100", FALSE);
  g_autofree char *assigned = booking_where (f, "?status=confirmed&limit=100", TRUE);
  g_autofree char *pending_path = g_strconcat ("/api/v1/bookings/", pending, NULL);
  g_autofree char *assigned_path = g_strconcat ("/api/v1/bookings/", assigned, NULL);
  g_autofree char *chef = hibachi_test_first_id (f->ts, f->token, "/api/v1/chefs");
  g_autofree char *review = hibachi_test_first_id (f->ts, f->token, "/api/v1/reviews?status=pending");
  g_autofree char *station = hibachi_test_first_id (f->ts, f->token, "/api/v1/stations");
  g_autofree char *chef_path = g_strconcat ("/api/v1/chefs/", chef, NULL);
  g_autofree char *review_path = g_strconcat ("/api/v1/reviews/", review, NULL);
  g_autofree char *station_path = g_strconcat ("/api/v1/stations/", station, NULL);
  g_autofree char *assign_body = NULL;
  g_autoptr(HibachiTestResponse) booking = hibachi_test_request (f->ts, "GET", pending_path, f->token, NULL, NULL);
  const char *reason = "{\"reason\":\"The customer asked us by phone.\"}";

  /* A chef of the booking's own station, with a reason to override any conflict. */
  {
    g_autofree char *chefs_path = g_strdup_printf ("/api/v1/chefs?station_id=%s",
                                                   json_object_get_string_member (hibachi_test_response_object (booking), "station_id"));
    g_autofree char *own_chef = hibachi_test_first_id (f->ts, f->token, chefs_path);

    assign_body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"The customer asked for this chef.\"}", own_chef);
  }

  {
    struct { const char *method; const char *path; const char *tail; const char *body; } writes[] = {
      { "PATCH", pending_path, "", "{\"internal_notes\":\"Blind write\"}" },
      { "POST", pending_path, "/confirm", NULL },
      { "POST", pending_path, "/cancel", reason },
      { "PUT", pending_path, "/chef", assign_body },
      { "DELETE", assigned_path, "/chef", NULL },
      { "DELETE", pending_path, "", reason },
      { "PATCH", chef_path, "", "{\"rating\":4.5}" },
      { "PATCH", station_path, "", "{\"service_radius_miles\":140}" },
      { "PATCH", review_path, "", "{\"featured\":true}" },
      { "POST", review_path, "/approve", NULL },
      { "POST", review_path, "/reject", reason },
      { "POST", review_path, "/flag", reason },
      { "PUT", review_path, "/response", "{\"text\":\"Thank you!\"}" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
      {
        g_autofree char *path = g_strconcat (writes[i].path, writes[i].tail, NULL);
        gint64 version = resource_version (f, writes[i].path);
        g_autoptr(HibachiTestResponse) missing = hibachi_test_request (f->ts, writes[i].method, path, f->token,
                                                                       writes[i].body, NULL);
        g_autoptr(HibachiTestResponse) any = hibachi_test_request (f->ts, writes[i].method, path, f->token,
                                                                   writes[i].body, "If-Match", "*", NULL);
        g_autoptr(HibachiTestResponse) malformed = hibachi_test_request (f->ts, writes[i].method, path, f->token,
                                                                         writes[i].body, "If-Match", "W/\"1\"x", NULL);

        g_test_message ("%s %s", writes[i].method, path);
        g_assert_cmpuint (missing->status, ==, 428);
        g_assert_cmpstr (hibachi_test_response_error_code (missing), ==, "PRECONDITION_REQUIRED");
        g_assert_nonnull (strstr (error_message (missing), "If-Match"));
        g_assert_cmpuint (any->status, ==, 428);
        g_assert_cmpuint (malformed->status, ==, 400);
        g_assert_cmpstr (hibachi_test_response_error_code (malformed), ==, "BAD_REQUEST");
        g_assert_nonnull (strstr (error_message (malformed), "If-Match"));
        /* Nothing was written. */
        g_assert_cmpint (resource_version (f, writes[i].path), ==, version);
      }
  }
}

static void
test_if_match_strict (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  gint64 version = resource_version (f, path);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  g_autofree char *bare = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  g_autofree char *trailing = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"x", version);
  g_autofree char *weak_trailing = g_strdup_printf ("W/\"%" G_GINT64_FORMAT "\"x", version);
  g_autofree char *list = g_strdup_printf ("\"%" G_GINT64_FORMAT "\", \"%" G_GINT64_FORMAT "\"", version, version + 1);
  g_autofree char *unclosed = g_strdup_printf ("\"%" G_GINT64_FORMAT, version);
  const char *malformed[] = { "\"abc\"", bare, trailing, weak_trailing, list, unclosed, "\"\"", "\"-1\"", "W/",
                              "\"99999999999999999999\"", "w/\"1\"" };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", path, f->token, "{\"internal_notes\":\"Strict\"}",
                                                               "If-Match", malformed[i], NULL);

      g_test_message ("If-Match: %s", malformed[i]);
      g_assert_cmpuint (r->status, ==, 400);
      g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "BAD_REQUEST");
    }
  g_assert_cmpint (resource_version (f, path), ==, version);

  /* A weak tag of the current version, with spaces around it, is the version. */
  {
    g_autofree char *weak = g_strdup_printf (" W/\"%" G_GINT64_FORMAT "\" ", version);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", path, f->token, "{\"internal_notes\":\"Weak\"}",
                                                             "If-Match", weak, NULL);
    g_autoptr(HibachiTestResponse) stale = hibachi_test_request (f->ts, "PATCH", path, f->token, "{\"internal_notes\":\"Old\"}",
                                                                 "If-Match", quoted, NULL);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (r), "version"), ==, version + 1);
    g_assert_cmpuint (stale->status, ==, 412);
  }
}

static void
test_other_station_chef (Fixture *f, gconstpointer data)
{
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *sacramento = hibachi_test_station_id (f->ts, f->token, "CA-SACRAMENTO-001");
  g_autofree char *bookings = g_strdup_printf ("?station_id=%s&status=pending&limit=100", fremont);
  g_autofree char *booking = booking_where (f, bookings, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", booking, NULL);
  g_autofree char *chef_path = g_strconcat (path, "/chef", NULL);
  g_autofree char *their_chefs = g_strdup_printf ("/api/v1/chefs?station_id=%s", sacramento);
  g_autofree char *own_chefs = g_strdup_printf ("/api/v1/chefs?station_id=%s", fremont);
  g_autofree char *their_chef = hibachi_test_first_id (f->ts, f->token, their_chefs);
  g_autofree char *own_chef = hibachi_test_first_id (f->ts, f->token, own_chefs);
  g_autofree char *their_body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"Short of chefs in Fremont tonight.\"}",
                                                 their_chef);
  g_autofree char *own_body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"Short of chefs in Fremont tonight.\"}",
                                               own_chef);
  gint64 version = resource_version (f, path);

  /* The Fremont manager may not reach into Sacramento, reason or not. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PUT", chef_path, manager, their_body, path);

    g_assert_cmpuint (r->status, ==, 403);
    g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "FORBIDDEN");
  }

  /* For the office too, another station's chef is no conflict to override. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PUT", chef_path, f->token, their_body, path);
    JsonObject *field_errors;

    g_assert_cmpuint (r->status, ==, 422);
    field_errors = hibachi_test_response_field_errors (r);
    g_assert_nonnull (field_errors);
    g_assert_true (json_object_has_member (field_errors, "chef_id"));
    g_assert_nonnull (strstr (error_message (r), "another station"));
  }

  /* Nothing was assigned. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

    g_assert_true (json_object_get_null_member (hibachi_test_response_object (r), "chef_id"));
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (r), "version"), ==, version);
  }

  /* The manager's own chef, with a reason, still goes through. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PUT", chef_path, manager, own_body, path);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "chef_id"), ==, own_chef);
  }
}

static HibachiTestResponse *
refresh (Fixture    *f,
         const char *refresh_token)
{
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh_token);

  return hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, body, NULL);
}

static guint
me_status (Fixture    *f,
           const char *token)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/auth/me", token, NULL, NULL);

  return r->status;
}

static void
test_refresh_reuse_ends_access (Fixture *f, gconstpointer data)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", OWNER, HIBACHI_DEMO_PASSWORD);
  g_autoptr(HibachiTestResponse) login = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, body, NULL);
  JsonObject *first = hibachi_test_response_object (login);
  const char *first_access = json_object_get_string_member (first, "access_token");
  const char *first_refresh = json_object_get_string_member (first, "refresh_token");
  g_autoptr(HibachiTestResponse) rotated = refresh (f, first_refresh);
  const char *second_access = json_object_get_string_member (hibachi_test_response_object (rotated), "access_token");
  g_autoptr(HibachiTestResponse) reused = NULL;
  g_autofree char *other_user = hibachi_test_login (f->ts, "office@demo.test");

  g_assert_cmpuint (rotated->status, ==, 200);
  g_assert_cmpuint (me_status (f, first_access), ==, 200);
  g_assert_cmpuint (me_status (f, second_access), ==, 200);

  /* The first refresh token again: it was copied. */
  reused = refresh (f, first_refresh);
  g_assert_cmpuint (reused->status, ==, 401);

  /* Every access token of the account ends at once, not in 30 minutes. */
  g_assert_cmpuint (me_status (f, first_access), ==, 401);
  g_assert_cmpuint (me_status (f, second_access), ==, 401);
  g_assert_cmpuint (me_status (f, f->token), ==, 401);
  {
    g_autoptr(HibachiTestResponse) r = refresh (f, json_object_get_string_member (hibachi_test_response_object (rotated),
                                                                                 "refresh_token"));
    g_assert_cmpuint (r->status, ==, 401);
  }
  /* Other accounts are not touched. */
  g_assert_cmpuint (me_status (f, other_user), ==, 200);
}

/* A 422 whose field errors name @field. */
static void
assert_field_refused (HibachiTestResponse *r,
                      const char          *field)
{
  JsonObject *field_errors;

  g_assert_cmpuint (r->status, ==, 422);
  g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "VALIDATION_ERROR");
  field_errors = hibachi_test_response_field_errors (r);
  g_assert_nonnull (field_errors);
  g_assert_true (json_object_has_member (field_errors, field));
}

static char *
booking_body (const char *station_id,
              const char *event_date,
              const char *extra)
{
  return g_strdup_printf ("{\"customer_name\":\"Ana Lee\",\"customer_email\":\"ana@example.com\","
                          "\"customer_phone\":\"(510) 555-0143\",\"event_date\":\"%s\",\"slot\":\"18:00\","
                          "\"adults\":10,\"venue_address\":\"2 Main St, Fremont\",\"venue_lat\":37.55,\"venue_lng\":-121.98,"
                          "\"station_id\":\"%s\"%s}", event_date, station_id, extra);
}

static char *
date_from_today (int years, int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_full (now, years, 0, days, 0, 0, 0);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
count_bookings (Fixture *f)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/v1/bookings?limit=1", f->token, NULL, NULL);

  return json_object_get_int_member (hibachi_test_response_object (r), "total_count");
}

static void
test_strings_nul_and_surrogates (Fixture *f, gconstpointer data)
{
  g_autofree char *booking = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending");
  g_autofree char *chef = hibachi_test_first_id (f->ts, f->token, "/api/v1/chefs");
  g_autofree char *review = hibachi_test_first_id (f->ts, f->token, "/api/v1/reviews");
  g_autofree char *station = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *booking_path = g_strconcat ("/api/v1/bookings/", booking, NULL);
  g_autofree char *chef_path = g_strconcat ("/api/v1/chefs/", chef, NULL);
  g_autofree char *review_path = g_strconcat ("/api/v1/reviews/", review, NULL);
  g_autofree char *response_path = g_strconcat (review_path, "/response", NULL);
  g_autofree char *station_path = g_strconcat ("/api/v1/stations/", station, NULL);
  g_autofree char *tomorrow = date_from_today (0, 1);
  const char *bad_texts[] = { "ab\\u0000cd", "x\\ud83dy", "x\\udc00y", "\\ud83d" };
  gint64 n_bookings = count_bookings (f);

  for (guint t = 0; t < G_N_ELEMENTS (bad_texts); t++)
    {
      const char *bad = bad_texts[t];
      g_autofree char *notes = g_strdup_printf ("{\"internal_notes\":\"%s\"}", bad);
      g_autofree char *requests = g_strdup_printf ("{\"special_requests\":\"%s\"}", bad);
      g_autofree char *allergens = g_strdup_printf ("{\"allergens\":[\"nuts\",\"%s\"]}", bad);
      g_autofree char *name = g_strdup_printf ("{\"customer_name\":\"%s\"}", bad);
      g_autofree char *chef_name = g_strdup_printf ("{\"name\":\"%s\"}", bad);
      g_autofree char *station_name = g_strdup_printf ("{\"display_name\":\"%s\"}", bad);
      g_autofree char *review_body = g_strdup_printf ("{\"body\":\"%s\"}", bad);
      g_autofree char *response = g_strdup_printf ("{\"text\":\"%s\"}", bad);
      g_autofree char *extra = g_strdup_printf (",\"special_requests\":\"%s\"", bad);
      g_autofree char *create = booking_body (station, tomorrow, extra);
      struct { const char *method; const char *path; const char *body; const char *field; const char *resource; } cases[] = {
        { "PATCH", booking_path, notes, "internal_notes", booking_path },
        { "PATCH", booking_path, requests, "special_requests", booking_path },
        { "PATCH", booking_path, allergens, "allergens", booking_path },
        { "PATCH", booking_path, name, "customer_name", booking_path },
        { "POST", "/api/v1/bookings", create, "special_requests", NULL },
        { "PATCH", chef_path, chef_name, "name", chef_path },
        { "PATCH", station_path, station_name, "display_name", station_path },
        { "PATCH", review_path, review_body, "body", review_path },
        { "PUT", response_path, response, "text", review_path },
      };

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          gint64 version = cases[i].resource ? resource_version (f, cases[i].resource) : 0;
          g_autoptr(HibachiTestResponse) r = cases[i].resource
            ? hibachi_test_write (f->ts, cases[i].method, cases[i].path, f->token, cases[i].body, cases[i].resource)
            : hibachi_test_request (f->ts, cases[i].method, cases[i].path, f->token, cases[i].body, NULL);

          g_test_message ("%s %s %s", cases[i].method, cases[i].path, cases[i].body);
          assert_field_refused (r, cases[i].field);
          if (cases[i].resource)
            g_assert_cmpint (resource_version (f, cases[i].resource), ==, version);
        }
    }
  g_assert_cmpint (count_bookings (f), ==, n_bookings);

  /* Every page stays valid UTF-8 for every client. */
  {
    g_autoptr(HibachiTestResponse) page = hibachi_test_request (f->ts, "GET", "/api/v1/bookings?limit=500", f->token, NULL, NULL);
    g_autoptr(HibachiTestResponse) history = NULL;
    g_autofree char *history_path = g_strconcat (booking_path, "/history", NULL);

    history = hibachi_test_request (f->ts, "GET", history_path, f->token, NULL, NULL);
    g_assert_true (g_utf8_validate (g_bytes_get_data (page->body, NULL), (gssize) g_bytes_get_size (page->body), NULL));
    g_assert_true (g_utf8_validate (g_bytes_get_data (history->body, NULL), (gssize) g_bytes_get_size (history->body), NULL));
  }

  /* A NUL does not cut a login email short. */
  {
    g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\\u0000junk\",\"password\":\"%s\"}", OWNER, HIBACHI_DEMO_PASSWORD);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, body, NULL);

    assert_field_refused (r, "email");
    g_assert_false (json_object_has_member (hibachi_test_response_object (r), "access_token"));
  }

  /* Proper pairs and other escapes are text like any other. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", booking_path, f->token,
                                                           "{\"internal_notes\":\"Party \\ud83c\\udf89 \\u00e9t\\u00e9\"}",
                                                           booking_path);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "internal_notes"), ==,
                     "Party \xf0\x9f\x8e\x89 \xc3\xa9t\xc3\xa9");
  }
}

static void
test_json_not_strict (Fixture *f, gconstpointer data)
{
  g_autofree char *booking = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", booking, NULL);
  gint64 version = resource_version (f, path);
  const char *patches[] = { "{/* note */\"internal_notes\":\"Commented\"}", "{\"internal_notes\":\"Commented\"} // note",
                            "{'internal_notes':'Quoted'}", "{\"internal_notes\":'Quoted'}" };
  const char *logins[] = { "{/* hi */\"email\":\"" OWNER "\",\"password\":\"" HIBACHI_DEMO_PASSWORD "\"}",
                           "{'email':'" OWNER "','password':'" HIBACHI_DEMO_PASSWORD "'}" };

  for (guint i = 0; i < G_N_ELEMENTS (patches); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, f->token, patches[i], path);

      g_test_message ("%s", patches[i]);
      g_assert_cmpuint (r->status, ==, 400);
      g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "BAD_REQUEST");
      g_assert_nonnull (strstr (error_message (r), "strict JSON"));
    }
  g_assert_cmpint (resource_version (f, path), ==, version);

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, logins[i], NULL);

      g_assert_cmpuint (r->status, ==, 400);
      g_assert_false (json_object_has_member (hibachi_test_response_object (r), "access_token"));
    }
}

static void
test_timezone_names (Fixture *f, gconstpointer data)
{
  g_autofree char *station = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *path = g_strconcat ("/api/v1/stations/", station, NULL);
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *dir = g_dir_make_tmp ("hibachi-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  g_autofree char *up = NULL;
  gint64 version = resource_version (f, path);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  up = g_strconcat ("../../../../../../..", fifo, NULL);
  {
    const char *refused[] = { fifo, up, "/etc/passwd", "../../../etc/passwd", "PST8PDT,M3.2.0,M11.1.0", "<+03>-3",
                              "Mars/Olympus", "America" };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *body = g_strdup_printf ("{\"timezone\":\"%s\"}", refused[i]);
        g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, manager, body, path);

        g_test_message ("timezone %s", refused[i]);
        assert_field_refused (r, "timezone");
      }
  }
  g_assert_cmpint (resource_version (f, path), ==, version);
  assert_alive (f);

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, manager, "{\"timezone\":\"America/Denver\"}", path);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "timezone"), ==, "America/Denver");
  }

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_business_bounds (Fixture *f, gconstpointer data)
{
  g_autofree char *station = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *station_path = g_strconcat ("/api/v1/stations/", station, NULL);
  g_autofree char *booking = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending");
  g_autofree char *booking_path = g_strconcat ("/api/v1/bookings/", booking, NULL);
  g_autofree char *tomorrow = date_from_today (0, 1);
  g_autofree char *last_day = date_from_today (3, 0);
  g_autofree char *too_far = date_from_today (3, 1);
  gint64 n_bookings = count_bookings (f);
  gint64 version = resource_version (f, booking_path);

  /* At least one adult, as the company's backend requires. */
  {
    GString *no_adults = g_string_new (NULL);
    g_autofree char *create = booking_body (station, tomorrow, ",\"children\":12");
    g_autoptr(HibachiTestResponse) created = NULL;
    g_autoptr(HibachiTestResponse) patched = NULL;

    g_string_append (no_adults, create);
    g_assert_cmpuint (g_string_replace (no_adults, "\"adults\":10", "\"adults\":0", 1), ==, 1);
    created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->token, no_adults->str, NULL);
    g_string_free (no_adults, TRUE);
    patched = hibachi_test_write (f->ts, "PATCH", booking_path, f->token, "{\"adults\":0,\"children\":12}", booking_path);
    assert_field_refused (created, "adults");
    assert_field_refused (patched, "adults");
  }

  /* Event dates from 2000 to three years ahead. */
  {
    const char *dates[] = { "9999-12-31", "1999-12-31", too_far };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autofree char *create = booking_body (station, dates[i], "");
        g_autofree char *patch = g_strdup_printf ("{\"event_date\":\"%s\"}", dates[i]);
        g_autoptr(HibachiTestResponse) created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->token, create, NULL);
        g_autoptr(HibachiTestResponse) patched = hibachi_test_write (f->ts, "PATCH", booking_path, f->token, patch, booking_path);

        g_test_message ("event_date %s", dates[i]);
        assert_field_refused (created, "event_date");
        assert_field_refused (patched, "event_date");
      }
  }
  g_assert_cmpint (count_bookings (f), ==, n_bookings);
  g_assert_cmpint (resource_version (f, booking_path), ==, version);
  {
    g_autofree char *patch = g_strdup_printf ("{\"event_date\":\"%s\"}", last_day);
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", booking_path, f->token, patch, booking_path);

    g_assert_cmpuint (r->status, ==, 200);
  }

  /* The escalation radius reaches at least as far as the service radius
   * (Fremont: 150 and 150). */
  {
    g_autoptr(HibachiTestResponse) below = hibachi_test_write (f->ts, "PATCH", station_path, f->token,
                                                               "{\"escalation_radius_miles\":100}", station_path);
    g_autoptr(HibachiTestResponse) beyond = hibachi_test_write (f->ts, "PATCH", station_path, f->token,
                                                                "{\"service_radius_miles\":160}", station_path);
    g_autoptr(HibachiTestResponse) both = hibachi_test_write (f->ts, "PATCH", station_path, f->token,
                                                              "{\"service_radius_miles\":160,\"escalation_radius_miles\":200}",
                                                              station_path);

    assert_field_refused (below, "escalation_radius_miles");
    assert_field_refused (beyond, "escalation_radius_miles");
    g_assert_cmpuint (both->status, ==, 200);
  }
}

static void
test_create_in_other_station (Fixture *f, gconstpointer data)
{
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *sacramento = hibachi_test_station_id (f->ts, f->token, "CA-SACRAMENTO-001");
  g_autofree char *tomorrow = date_from_today (0, 1);
  g_autofree char *theirs = booking_body (sacramento, tomorrow, "");
  g_autofree char *own = booking_body (fremont, tomorrow, "");
  gint64 n_bookings = count_bookings (f);
  g_autoptr(HibachiTestResponse) refused = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", manager, theirs, NULL);
  g_autoptr(HibachiTestResponse) created = NULL;

  g_assert_cmpuint (refused->status, ==, 403);
  g_assert_cmpstr (hibachi_test_response_error_code (refused), ==, "FORBIDDEN");
  g_assert_cmpint (count_bookings (f), ==, n_bookings);

  created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", manager, own, NULL);
  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpint (count_bookings (f), ==, n_bookings + 1);
}

static void
test_delete_checks_and_records (Fixture *f, gconstpointer data)
{
  g_autofree char *id = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *audit_path = g_strdup_printf ("/api/v1/audit-logs?resource_type=booking&resource_id=%s", id);
  g_autoptr(HibachiTestResponse) start = hibachi_test_request (f->ts, "GET", "/api/v1/changes", f->token, NULL, NULL);
  g_autofree char *cursor = g_strdup (json_object_get_string_member (hibachi_test_response_object (start), "cursor"));
  g_autofree char *changes_path = g_strdup_printf ("/api/v1/changes?since=%s", cursor);
  const char *reason = "{\"reason\":\"Duplicate of another booking.\"}";
  gint64 version = resource_version (f, path);
  g_autofree char *stale = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version + 1);
  gint64 n_bookings = count_bookings (f);

  /* A delete based on another version than the current one is refused. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "DELETE", path, f->token, reason, "If-Match", stale, NULL);
    g_autoptr(HibachiTestResponse) still = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 412);
    g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "PRECONDITION_FAILED");
    g_assert_cmpuint (still->status, ==, 200);
    g_assert_cmpint (count_bookings (f), ==, n_bookings);
  }

  /* The delete is in the audit log, with its reason, and in the change feed. */
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "DELETE", path, f->token, reason, path);
    g_autoptr(HibachiTestResponse) audit = NULL;
    g_autoptr(HibachiTestResponse) changes = NULL;
    JsonArray *entries, *feed;
    gboolean audited = FALSE, announced = FALSE;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (count_bookings (f), ==, n_bookings - 1);

    audit = hibachi_test_request (f->ts, "GET", audit_path, f->token, NULL, NULL);
    entries = json_object_get_array_member (hibachi_test_response_object (audit), "data");
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *e = json_array_get_object_element (entries, i);

        if (g_strcmp0 (json_object_get_string_member (e, "action"), "delete") != 0)
          continue;
        audited = TRUE;
        g_assert_cmpstr (json_object_get_string_member (e, "reason"), ==, "Duplicate of another booking.");
        g_assert_cmpstr (json_object_get_string_member (e, "actor_email"), ==, OWNER);
      }
    g_assert_true (audited);

    changes = hibachi_test_request (f->ts, "GET", changes_path, f->token, NULL, NULL);
    feed = json_object_get_array_member (hibachi_test_response_object (changes), "changes");
    for (guint i = 0; i < json_array_get_length (feed); i++)
      {
        JsonObject *c = json_array_get_object_element (feed, i);

        announced |= g_strcmp0 (json_object_get_string_member (c, "id"), id) == 0 &&
                     g_strcmp0 (json_object_get_string_member (c, "action"), "delete") == 0;
      }
    g_assert_true (announced);
  }
}

static void
test_quote_through_server (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *prices = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Travel priced per mile from the door.\","
                                             "\"changes\":[{\"key\":\"travel_free_miles\",\"value\":0,\"version\":0},"
                                             "{\"key\":\"travel_per_mile\",\"value\":150,\"version\":0}]}", fremont);
  g_autoptr(HibachiTestResponse) priced = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", f->token, prices, NULL);
  struct { double miles; gint64 cents; } fees[] = { { 30.3, 4545 }, { 12.345, 1852 }, { 0.0, 0 } };

  g_assert_cmpuint (priced->status, ==, 200);

  /* $1.50 a mile, rounded to the cent, never cut. */
  for (guint i = 0; i < G_N_ELEMENTS (fees); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(HibachiTestResponse) r = NULL;
      char miles[G_ASCII_DTOSTR_BUF_SIZE];
      JsonObject *q;

      g_ascii_dtostr (miles, sizeof miles, fees[i].miles);
      body = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":12,\"distance_miles\":%s}", fremont, miles);
      r = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->token, body, NULL);
      g_assert_cmpuint (r->status, ==, 200);
      q = hibachi_test_response_object (r);
      g_assert_cmpint (json_object_get_int_member (q, "travel_fee_cents"), ==, fees[i].cents);
      g_assert_cmpint (json_object_get_int_member (q, "total_cents"), ==,
                       json_object_get_int_member (q, "food_total_cents") + json_object_get_int_member (q, "addons_cents") +
                       fees[i].cents);
    }

  /* A small party pays the party minimum. */
  {
    g_autofree char *body = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":1,\"distance_miles\":0}", fremont);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->token, body, NULL);
    JsonObject *q = hibachi_test_response_object (r);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (q, "minimum_applied"));
    g_assert_cmpint (json_object_get_int_member (q, "food_subtotal_cents"), <, json_object_get_int_member (q, "party_minimum_cents"));
    g_assert_cmpint (json_object_get_int_member (q, "food_total_cents"), ==, json_object_get_int_member (q, "party_minimum_cents"));
  }
}

/* Travel minutes of @chef_id in the suggestions for @booking_id. */
static gint64
suggested_travel (Fixture    *f,
                  const char *booking_id,
                  const char *chef_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s/chef-suggestions", booking_id);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
  JsonArray *data;

  g_assert_cmpuint (r->status, ==, 200);
  data = json_object_get_array_member (hibachi_test_response_object (r), "data");
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *s = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member (s, "chef_id"), chef_id) == 0)
        return json_object_get_int_member (json_object_get_object_member (s, "score"), "travel_minutes");
    }

  g_error ("chef %s not suggested", chef_id);
}

static void
test_rush_hour_through_server (Fixture *f, gconstpointer data)
{
  g_autofree char *fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");
  g_autofree char *chefs = g_strdup_printf ("/api/v1/chefs?station_id=%s", fremont);
  g_autofree char *chef = hibachi_test_first_id (f->ts, f->token, chefs);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) far = g_date_time_add_days (now, 700);
  g_autoptr(GDateTime) wednesday = g_date_time_add_days (far, (3 - g_date_time_get_day_of_week (far) + 7) % 7);
  g_autoptr(GDateTime) saturday = g_date_time_add_days (wednesday, 3);
  const char *venue = ",\"venue_lat\":37.8044,\"venue_lng\":-122.2712";   /* Oakland, about 20 miles away */
  char *ids[2];
  GDateTime *days[2] = { wednesday, saturday };
  gint64 minutes[2];

  /* Far ahead, the chef has no other event those days: travel is from the station. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *date = g_date_time_format (days[i], "%Y-%m-%d");
      g_autofree char *body = booking_body (fremont, date, "");
      g_autoptr(HibachiTestResponse) r = NULL;
      GString *moved = g_string_new (body);

      g_string_replace (moved, ",\"venue_lat\":37.55,\"venue_lng\":-121.98", venue, 1);
      r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->token, moved->str, NULL);
      g_string_free (moved, TRUE);
      g_assert_cmpuint (r->status, ==, 201);
      ids[i] = g_strdup (json_object_get_string_member (hibachi_test_response_object (r), "id"));
      minutes[i] = suggested_travel (f, ids[i], chef);
    }

  /* An 18:00 event on a weekday leaves in the 15:00–19:00 rush: half as long again. */
  g_test_message ("travel: weekday %" G_GINT64_FORMAT " min, Saturday %" G_GINT64_FORMAT " min", minutes[0], minutes[1]);
  g_assert_cmpint (minutes[1], >, 20);
  g_assert_cmpint (minutes[0], >=, (minutes[1] - 1) * 3 / 2);
  g_assert_cmpint (minutes[0], <=, minutes[1] * 3 / 2 + 1);

  g_free (ids[0]);
  g_free (ids[1]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/server-rules/json-too-deep", Fixture, NULL, setup, test_json_too_deep, teardown);
  g_test_add ("/hibachi/server-rules/json-depth-limit", Fixture, NULL, setup, test_json_depth_limit, teardown);

  g_test_add ("/hibachi/server-rules/if-match-required", Fixture, NULL, setup, test_if_match_required, teardown);
  g_test_add ("/hibachi/server-rules/if-match-strict", Fixture, NULL, setup, test_if_match_strict, teardown);

  g_test_add ("/hibachi/server-rules/other-station-chef", Fixture, NULL, setup, test_other_station_chef, teardown);
  g_test_add ("/hibachi/server-rules/refresh-reuse-ends-access", Fixture, NULL, setup, test_refresh_reuse_ends_access, teardown);

  g_test_add ("/hibachi/server-rules/strings-nul-surrogates", Fixture, NULL, setup, test_strings_nul_and_surrogates, teardown);
  g_test_add ("/hibachi/server-rules/json-not-strict", Fixture, NULL, setup, test_json_not_strict, teardown);
  g_test_add ("/hibachi/server-rules/timezone-names", Fixture, NULL, setup, test_timezone_names, teardown);
  g_test_add ("/hibachi/server-rules/business-bounds", Fixture, NULL, setup, test_business_bounds, teardown);

  g_test_add ("/hibachi/server-rules/create-in-other-station", Fixture, NULL, setup, test_create_in_other_station, teardown);
  g_test_add ("/hibachi/server-rules/delete-checks-and-records", Fixture, NULL, setup, test_delete_checks_and_records, teardown);
  g_test_add ("/hibachi/server-rules/quote-through-server", Fixture, NULL, setup, test_quote_through_server, teardown);
  g_test_add ("/hibachi/server-rules/rush-hour-through-server", Fixture, NULL, setup, test_rush_hour_through_server, teardown);

  return g_test_run ();
}
