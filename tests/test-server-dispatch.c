/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dispatch endpoints over HTTP: POST /api/v1/dispatch/assignments
 * (several chefs at once, all or nothing). */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer *ts;
  char              *owner;
  char              *station;
  char              *date;
  char              *chef_a;       /* both free at 18:00 that day */
  char              *chef_b;
  char              *first;        /* two 18:00 bookings */
  char              *second;
} Fixture;

static JsonObject *
get_object (Fixture    *f,
            const char *path)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_object_ref (hibachi_test_response_object (r));
}

static char *
create_booking (Fixture *f)
{
  g_autofree char *body = g_strdup_printf ("{\"customer_name\":\"Jane Smith\",\"customer_email\":\"jane@example.com\","
                                           "\"customer_phone\":\"(510) 555-0142\",\"event_date\":\"%s\",\"slot\":\"18:00\","
                                           "\"adults\":10,\"venue_address\":\"1 Main St, Fremont, CA\","
                                           "\"venue_lat\":37.5485,\"venue_lng\":-121.9886,\"station_id\":\"%s\"}",
                                           f->date, f->station);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, body, NULL);

  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (hibachi_test_response_object (r), "id"));
}

static gint64
version_of (Fixture    *f,
            const char *booking)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", booking);
  g_autoptr(JsonObject) object = get_object (f, path);

  return json_object_get_int_member (object, "version");
}

static char *
chef_of (Fixture    *f,
         const char *booking)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", booking);
  g_autoptr(JsonObject) object = get_object (f, path);
  JsonNode *chef = json_object_get_member (object, "chef_id");

  return chef != NULL && !JSON_NODE_HOLDS_NULL (chef) ? g_strdup (json_node_get_string (chef)) : NULL;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

  f->ts = hibachi_test_server_start (0);
  f->owner = hibachi_test_login (f->ts, OWNER);
  f->station = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  for (int days = 20; f->chef_b == NULL; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      const char *weekday = keys[g_date_time_get_day_of_week (day) - 1];
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) snapshot = NULL;
      JsonArray *chefs;

      g_assert_cmpint (days, <, 40);
      g_clear_pointer (&f->date, g_free);
      g_clear_pointer (&f->chef_a, g_free);
      f->date = g_date_time_format (day, "%Y-%m-%d");
      path = g_strdup_printf ("/api/v1/dispatch?station_id=%s&date_from=%s&date_to=%s", f->station, f->date, f->date);
      snapshot = get_object (f, path);
      chefs = json_object_get_array_member (snapshot, "chefs");
      for (guint i = 0; i < json_array_get_length (chefs) && f->chef_b == NULL; i++)
        {
          JsonObject *chef = json_array_get_object_element (chefs, i);
          JsonObject *weekly = json_object_get_object_member (chef, "weekly_availability");
          JsonArray *slots = json_object_has_member (weekly, weekday) ? json_object_get_array_member (weekly, weekday) : NULL;
          gboolean works = FALSE;

          for (guint s = 0; slots != NULL && s < json_array_get_length (slots); s++)
            works |= g_str_equal (json_array_get_string_element (slots, s), "18:00");
          if (!works || !json_object_get_boolean_member (chef, "is_active") ||
              json_array_get_length (json_object_get_array_member (chef, "time_off")) > 0)
            continue;
          if (f->chef_a == NULL)
            f->chef_a = g_strdup (json_object_get_string_member (chef, "id"));
          else
            f->chef_b = g_strdup (json_object_get_string_member (chef, "id"));
        }
    }
  f->first = create_booking (f);
  f->second = create_booking (f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  hibachi_test_server_stop (f->ts);
  g_free (f->owner);
  g_free (f->station);
  g_free (f->date);
  g_free (f->chef_a);
  g_free (f->chef_b);
  g_free (f->first);
  g_free (f->second);
}

/* The body assigning @first to @chef_first and @second to @chef_second,
 * at the versions given, with @reason (or none). */
static char *
batch_body (Fixture    *f,
            const char *chef_first,
            gint64      version_first,
            const char *chef_second,
            gint64      version_second,
            const char *reason)
{
  g_autofree char *reason_member = reason != NULL ? g_strdup_printf (",\"reason\":\"%s\"", reason) : g_strdup ("");

  return g_strdup_printf ("{\"assignments\":[{\"booking_id\":\"%s\",\"chef_id\":\"%s\",\"version\":%" G_GINT64_FORMAT "},"
                          "{\"booking_id\":\"%s\",\"chef_id\":\"%s\",\"version\":%" G_GINT64_FORMAT "}]%s}",
                          f->first, chef_first, version_first, f->second, chef_second, version_second, reason_member);
}

static void
assert_unassigned (Fixture *f)
{
  g_autofree char *first = chef_of (f, f->first);
  g_autofree char *second = chef_of (f, f->second);

  g_assert_null (first);
  g_assert_null (second);
}

/* Two chefs, two bookings: both assigned, each audited and in the feed. */
static void
test_batch_assigns (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) start = hibachi_test_request (f->ts, "GET", "/api/v1/changes", f->owner, NULL, NULL);
  g_autofree char *changes_path = g_strdup_printf ("/api/v1/changes?since=%s",
                                                   json_object_get_string_member (hibachi_test_response_object (start), "cursor"));
  g_autofree char *body = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_b, version_of (f, f->second), NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", f->owner, body, NULL);
  g_autoptr(HibachiTestResponse) changes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  JsonArray *feed;
  guint announced = 0;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (r), "data")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (r), "results")), ==, 2);
  first = chef_of (f, f->first);
  second = chef_of (f, f->second);
  g_assert_cmpstr (first, ==, f->chef_a);
  g_assert_cmpstr (second, ==, f->chef_b);

  for (guint b = 0; b < 2; b++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s/history", b ? f->second : f->first);
      g_autoptr(JsonObject) history = get_object (f, path);
      JsonArray *entries = json_object_get_array_member (history, "data");
      JsonObject *last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);

      g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "assign_chef");
      g_assert_cmpstr (json_object_get_string_member (last, "actor_email"), ==, OWNER);
    }

  changes = hibachi_test_request (f->ts, "GET", changes_path, f->owner, NULL, NULL);
  feed = json_object_get_array_member (hibachi_test_response_object (changes), "changes");
  for (guint i = 0; i < json_array_get_length (feed); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (feed, i), "id");

      announced += g_strcmp0 (id, f->first) == 0 || g_strcmp0 (id, f->second) == 0;
    }
  g_assert_cmpuint (announced, ==, 2);
}

/* One chef for both 18:00 parties: the second conflicts with the first of
 * the same batch. Without a reason nothing is assigned and each result is
 * told; with one, both are, the second audited as an override. */
static void
test_batch_conflict_needs_reason (Fixture *f, gconstpointer data)
{
  g_autofree char *body = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_a, version_of (f, f->second), NULL);
  g_autofree char *reasoned = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_a, version_of (f, f->second),
                                          "Two chefs share the grill tonight.");
  g_autofree char *short_reason = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_a, version_of (f, f->second),
                                              "short");

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", f->owner, body, NULL);
    JsonObject *details = json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (r),
                                                                                         "error"), "details");
    JsonArray *results = json_object_get_array_member (details, "results");
    JsonArray *conflicts;

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "CONFLICT");
    g_assert_cmpuint (json_array_get_length (results), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (results, 0),
                                                                           "conflicts")), ==, 0);
    conflicts = json_object_get_array_member (json_array_get_object_element (results, 1), "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), >, 0);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "code"), ==, "overlap");
    assert_unassigned (f);
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", f->owner,
                                                             short_reason, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_nonnull (json_object_get_member (hibachi_test_response_field_errors (r), "reason"));
    assert_unassigned (f);
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", f->owner,
                                                             reasoned, NULL);
    g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s/history", f->second);
    g_autoptr(JsonObject) history = NULL;
    JsonArray *entries;
    JsonObject *last;
    g_autofree char *second = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    second = chef_of (f, f->second);
    g_assert_cmpstr (second, ==, f->chef_a);
    history = get_object (f, path);
    entries = json_object_get_array_member (history, "data");
    last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
    g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "assign_chef_override");
    g_assert_cmpstr (json_object_get_string_member (last, "reason"), ==, "Two chefs share the grill tonight.");
  }
}

/* A stale version anywhere: nothing assigned, the current booking told. */
static void
test_batch_stale (Fixture *f, gconstpointer data)
{
  g_autofree char *body = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_b, version_of (f, f->second) + 1, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", f->owner, body, NULL);
  JsonObject *details = json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (r),
                                                                                       "error"), "details");

  g_assert_cmpuint (r->status, ==, 412);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (details, "current"), "id"), ==, f->second);
  assert_unassigned (f);
}

/* Another station's manager, customer support and bad bodies change nothing. */
static void
test_batch_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *body = batch_body (f, f->chef_a, version_of (f, f->first), f->chef_b, version_of (f, f->second), NULL);
  g_autofree char *same_twice = g_strdup_printf ("{\"assignments\":[{\"booking_id\":\"%s\",\"chef_id\":\"%s\",\"version\":1},"
                                                 "{\"booking_id\":\"%s\",\"chef_id\":\"%s\",\"version\":1}]}",
                                                 f->first, f->chef_a, f->first, f->chef_b);
  g_autofree char *sacramento = hibachi_test_login (f->ts, "sacramento.manager@demo.test");
  g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");
  struct { const char *token; const char *body; guint status; } cases[] = {
    /* Another station's booking does not exist for its manager, as everywhere. */
    { sacramento, body, 404 },
    { support, body, 403 },
    { f->owner, "{\"assignments\":[]}", 422 },
    { f->owner, "{\"assignments\":[{\"booking_id\":\"x\"}]}", 422 },
    { f->owner, same_twice, 422 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/dispatch/assignments", cases[i].token,
                                                               cases[i].body, NULL);

      g_assert_cmpuint (r->status, ==, cases[i].status);
      assert_unassigned (f);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/server-dispatch/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("batch-assigns", test_batch_assigns);
  ADD ("batch-conflict-needs-reason", test_batch_conflict_needs_reason);
  ADD ("batch-stale", test_batch_stale);
  ADD ("batch-refusals", test_batch_refusals);
#undef ADD

  return g_test_run ();
}
