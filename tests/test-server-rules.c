/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-rules.c: what hibachi-server refuses before any route acts:
 * hostile JSON text, blind writes, values outside the business rules. */
#include "config.h"

#include <string.h>

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/server-rules/json-too-deep", Fixture, NULL, setup, test_json_too_deep, teardown);
  g_test_add ("/hibachi/server-rules/json-depth-limit", Fixture, NULL, setup, test_json_depth_limit, teardown);

  return g_test_run ();
}
