/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"
#include "hibachi-server-private.h"

typedef struct
{
  HibachiTestServer *ts;
  char              *owner;
  char              *fremont;
  char              *sacramento;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (300);
  f->owner = hibachi_test_login (f->ts, "owner@demo.test");
  f->fremont = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  f->sacramento = hibachi_test_station_id (f->ts, f->owner, "CA-SACRAMENTO-001");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->owner);
  g_free (f->fremont);
  g_free (f->sacramento);
  hibachi_test_server_stop (f->ts);
}

static JsonObject *
error_details (HibachiTestResponse *r)
{
  return json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (r), "error"), "details");
}

static void
test_stations (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) all = hibachi_test_request (f->ts, "GET", "/api/v1/stations", f->owner, NULL, NULL);
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *own = g_strconcat ("/api/v1/stations/", f->fremont, NULL);
  g_autofree char *other = g_strconcat ("/api/v1/stations/", f->sacramento, NULL);
  JsonObject *fremont;

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (all), "data")), ==, 3);

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", own, manager, NULL, NULL);

    fremont = hibachi_test_response_object (r);
    g_assert_cmpstr (json_object_get_string_member (fremont, "timezone"), ==, "America/Los_Angeles");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (fremont, "lat"), 37.5485, 1e-9);
    g_assert_cmpfloat (json_object_get_double_member (fremont, "service_radius_miles"), ==, 150);
  }

  /* Managers edit their own station only. */
  {
    g_autoptr(HibachiTestResponse) mine = hibachi_test_write (f->ts, "PATCH", own, manager, "{\"service_radius_miles\":120}", own);
    g_autoptr(HibachiTestResponse) theirs = hibachi_test_write (f->ts, "PATCH", other, manager, "{\"service_radius_miles\":120}", other);

    g_assert_cmpuint (mine->status, ==, 200);
    g_assert_cmpfloat (json_object_get_double_member (hibachi_test_response_object (mine), "service_radius_miles"), ==, 120);
    g_assert_cmpuint (theirs->status, ==, 403);
  }

  /* Bounds and formats. */
  {
    const char *bad[] = { "{\"service_radius_miles\":501}", "{\"escalation_radius_miles\":-1}", "{\"timezone\":\"Mars/Olympus\"}",
                          "{\"state\":\"California\"}", "{\"email\":\"station\"}", "{\"code\":\"lower case\"}",
                          "{\"code\":\"CA-SACRAMENTO-001\"}", "{\"lat\":\"north\"}", "{\"is_active\":\"yes\"}" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", own, f->owner, bad[i], own);
        g_assert_cmpuint (r->status, ==, 422);
      }
  }

  /* Creating stations is for the office. */
  {
    const char *body = "{\"code\":\"CA-SANJOSE-001\",\"name\":\"San Jose\",\"display_name\":\"My Hibachi - San Jose, CA\","
                       "\"address\":\"1 Santa Clara St\",\"city\":\"San Jose\",\"state\":\"CA\",\"postal_code\":\"95113\","
                       "\"phone\":\"(408) 555-0100\",\"email\":\"sanjose@myhibachi.test\",\"timezone\":\"America/Los_Angeles\","
                       "\"lat\":37.3382,\"lng\":-121.8863,\"service_radius_miles\":60,\"escalation_radius_miles\":90}";
    g_autoptr(HibachiTestResponse) denied = hibachi_test_request (f->ts, "POST", "/api/v1/stations", manager, body, NULL);
    g_autoptr(HibachiTestResponse) created = hibachi_test_request (f->ts, "POST", "/api/v1/stations", f->owner, body, NULL);
    g_autoptr(HibachiTestResponse) duplicate = hibachi_test_request (f->ts, "POST", "/api/v1/stations", f->owner, body, NULL);

    g_assert_cmpuint (denied->status, ==, 403);
    g_assert_cmpuint (created->status, ==, 201);
    g_assert_true (json_object_get_boolean_member (hibachi_test_response_object (created), "is_active"));
    g_assert_cmpuint (duplicate->status, ==, 422);
    g_assert_true (json_object_has_member (hibachi_test_response_field_errors (duplicate), "code"));
  }
}

static void
test_service_area (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) near = hibachi_test_request (f->ts, "GET", "/api/v1/service-area/check?lat=37.3382&lng=-121.8863",
                                                              f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) far = hibachi_test_request (f->ts, "GET", "/api/v1/service-area/check?lat=45.5&lng=-122.6",
                                                             f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) bad = hibachi_test_request (f->ts, "GET", "/api/v1/service-area/check?lat=91&lng=0",
                                                             f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) missing = hibachi_test_request (f->ts, "GET", "/api/v1/service-area/check?lat=37",
                                                                 f->owner, NULL, NULL);
  JsonObject *o = hibachi_test_response_object (near);

  g_assert_cmpstr (json_object_get_string_member (o, "station_code"), ==, "CA-FREMONT-001");
  g_assert_true (json_object_get_boolean_member (o, "is_serviceable"));
  g_assert_false (json_object_get_boolean_member (o, "requires_escalation"));
  g_assert_cmpfloat (json_object_get_double_member (o, "distance_miles"), >, 10);
  g_assert_cmpfloat (json_object_get_double_member (o, "distance_miles"), <, 20);

  o = hibachi_test_response_object (far);   /* Portland: nearest is Sacramento, far beyond 150 miles */
  g_assert_cmpstr (json_object_get_string_member (o, "station_code"), ==, "CA-SACRAMENTO-001");
  g_assert_false (json_object_get_boolean_member (o, "is_serviceable"));
  g_assert_true (json_object_get_boolean_member (o, "requires_escalation"));
  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "outside");

  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_cmpuint (missing->status, ==, 422);
}

static void
test_chefs (Fixture *f, gconstpointer data)
{
  g_autofree char *list_path = g_strdup_printf ("/api/v1/chefs?station_id=%s", f->fremont);
  g_autofree char *chef_id = hibachi_test_first_id (f->ts, f->owner, list_path);
  g_autofree char *chef_path = g_strconcat ("/api/v1/chefs/", chef_id, NULL);
  g_autofree char *time_off_path = g_strconcat (chef_path, "/time-off", NULL);
  g_autofree char *manager = hibachi_test_login (f->ts, "sacramento.manager@demo.test");
  g_autoptr(HibachiTestResponse) list = hibachi_test_request (f->ts, "GET", list_path, f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) theirs = hibachi_test_request (f->ts, "GET", list_path, manager, NULL, NULL);
  g_autoptr(HibachiTestResponse) not_mine = hibachi_test_write (f->ts, "PATCH", chef_path, manager, "{\"rating\":1}", chef_path);
  g_autoptr(HibachiTestResponse) edit = hibachi_test_write (f->ts, "PATCH", chef_path, f->owner,
                                                            "{\"weekly_availability\":{\"mon\":[\"18:00\"],\"tue\":[]},\"skill_level\":5}", chef_path);
  g_autoptr(HibachiTestResponse) bad_slot = hibachi_test_write (f->ts, "PATCH", chef_path, f->owner,
                                                                "{\"weekly_availability\":{\"mon\":[\"17:00\"]}}", chef_path);
  g_autoptr(HibachiTestResponse) bad_day = hibachi_test_write (f->ts, "PATCH", chef_path, f->owner,
                                                               "{\"weekly_availability\":{\"monday\":[]}}", chef_path);
  g_autoptr(HibachiTestResponse) bad_skill = hibachi_test_write (f->ts, "PATCH", chef_path, f->owner, "{\"skill_level\":6}", chef_path);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (list), "data")), ==, 8);
  g_assert_cmpuint (theirs->status, ==, 403);
  g_assert_cmpuint (not_mine->status, ==, 404);   /* other stations' chefs do not exist for them */

  /* Without a station, a manager lists the chefs of their own stations only. */
  {
    g_autoptr(HibachiTestResponse) own = hibachi_test_request (f->ts, "GET", "/api/v1/chefs", manager, NULL, NULL);
    g_autoptr(HibachiTestResponse) everyone = hibachi_test_request (f->ts, "GET", "/api/v1/chefs", f->owner, NULL, NULL);
    JsonArray *rows = json_object_get_array_member (hibachi_test_response_object (own), "data");

    g_assert_cmpuint (json_array_get_length (rows), ==, 8);
    for (guint i = 0; i < json_array_get_length (rows); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, i), "station_id"), ==, f->sacramento);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (everyone), "total_count"), ==, 24);
  }   /* other stations' chefs do not exist for them */
  g_assert_cmpuint (edit->status, ==, 200);
  g_assert_cmpuint (bad_slot->status, ==, 422);
  g_assert_cmpuint (bad_day->status, ==, 422);
  g_assert_cmpuint (bad_skill->status, ==, 422);

  /* Time off: bad reason and reversed dates refused; a good one shows in availability. */
  {
    g_autoptr(HibachiTestResponse) short_reason = hibachi_test_request (f->ts, "POST", time_off_path, f->owner,
                                                                        "{\"start_date\":\"2030-03-02\",\"end_date\":\"2030-03-04\",\"reason\":\"nope\"}", NULL);
    g_autoptr(HibachiTestResponse) reversed = hibachi_test_request (f->ts, "POST", time_off_path, f->owner,
                                                                    "{\"start_date\":\"2030-03-04\",\"end_date\":\"2030-03-02\",\"reason\":\"Family wedding trip\"}", NULL);
    g_autoptr(HibachiTestResponse) added = hibachi_test_request (f->ts, "POST", time_off_path, f->owner,
                                                                 "{\"start_date\":\"2030-03-02\",\"end_date\":\"2030-03-04\",\"reason\":\"Family wedding trip\"}", NULL);
    g_autofree char *availability_path = g_strconcat (chef_path, "/availability?date_from=2030-03-01&date_to=2030-03-05", NULL);
    g_autoptr(HibachiTestResponse) availability = NULL;
    g_autofree char *delete_path = NULL;
    JsonArray *days;

    g_assert_cmpuint (short_reason->status, ==, 422);
    g_assert_cmpuint (reversed->status, ==, 422);
    g_assert_cmpuint (added->status, ==, 201);

    availability = hibachi_test_request (f->ts, "GET", availability_path, f->owner, NULL, NULL);
    days = json_object_get_array_member (hibachi_test_response_object (availability), "days");
    g_assert_cmpuint (json_array_get_length (days), ==, 5);
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (days, 0), "time_off"));
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (days, 1), "time_off"));
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (days, 3), "time_off"));
    /* 2030-03-04 is a Monday: only 18:00 is worked, but time off wins. */
    {
      JsonArray *slots = json_object_get_array_member (json_array_get_object_element (days, 3), "slots");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (slots, 2), "reason"), ==, "time_off");
    }

    delete_path = g_strdup_printf ("%s/%s", time_off_path,
                                   json_object_get_string_member (hibachi_test_response_object (added), "id"));
    {
      g_autoptr(HibachiTestResponse) removed = hibachi_test_request (f->ts, "DELETE", delete_path, f->owner, NULL, NULL);
      g_autoptr(HibachiTestResponse) again = hibachi_test_request (f->ts, "DELETE", delete_path, f->owner, NULL, NULL);

      g_assert_cmpuint (removed->status, ==, 200);
      g_assert_cmpuint (again->status, ==, 404);
    }
  }
}

static JsonObject *
find_item (JsonObject *sheet, const char *key)
{
  JsonArray *items = json_object_get_array_member (sheet, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "key"), key) == 0)
      return json_array_get_object_element (items, i);
  g_assert_not_reached ();
}

static void
test_pricing (Fixture *f, gconstpointer data)
{
  g_autofree char *manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  g_autofree char *sheet_path = g_strdup_printf ("/api/v1/pricing?station_id=%s", f->fremont);
  g_autoptr(HibachiTestResponse) sheet = hibachi_test_request (f->ts, "GET", sheet_path, manager, NULL, NULL);
  JsonObject *adult = find_item (hibachi_test_response_object (sheet), "adult_price");
  g_autofree char *change = NULL;

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (sheet), "items")), ==, 14);
  g_assert_cmpint (json_object_get_int_member (adult, "value"), ==, 5500);
  g_assert_cmpstr (json_object_get_string_member (adult, "scope"), ==, "global");
  g_assert_cmpint (json_object_get_int_member (adult, "version"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (adult, "max_value"), ==, 50000);

  /* A manager overrides their station's prices, atomically, with a reason. */
  change = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Bay Area food costs went up.\","
                            "\"changes\":[{\"key\":\"adult_price\",\"value\":6000,\"version\":0},"
                            "{\"key\":\"travel_per_mile\",\"value\":250,\"version\":0}]}", f->fremont);
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, change, NULL);
    JsonObject *item;

    g_assert_cmpuint (r->status, ==, 200);
    item = find_item (hibachi_test_response_object (r), "adult_price");
    g_assert_cmpint (json_object_get_int_member (item, "value"), ==, 6000);
    g_assert_cmpstr (json_object_get_string_member (item, "scope"), ==, "station");
    g_assert_cmpint (json_object_get_int_member (item, "global_value"), ==, 5500);
    g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (item, "updated_by"), ==, "fremont.manager@demo.test");
  }

  /* The same request again is stale: nothing changes, not even the valid half. */
  {
    g_autofree char *mixed = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Second try at the change.\","
                                              "\"changes\":[{\"key\":\"child_price\",\"value\":3500,\"version\":0},"
                                              "{\"key\":\"adult_price\",\"value\":6500,\"version\":0}]}", f->fremont);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, mixed, NULL);
    g_autoptr(HibachiTestResponse) after = hibachi_test_request (f->ts, "GET", sheet_path, manager, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 412);
    g_assert_true (json_object_has_member (error_details (r), "current"));
    g_assert_cmpint (json_object_get_int_member (find_item (hibachi_test_response_object (after), "child_price"), "value"), ==, 3000);
    g_assert_cmpint (json_object_get_int_member (find_item (hibachi_test_response_object (after), "adult_price"), "value"), ==, 6000);
  }

  /* Bounds, reasons and roles. */
  {
    g_autofree char *negative = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Testing a negative price\","
                                                 "\"changes\":[{\"key\":\"child_price\",\"value\":-100,\"version\":0}]}", f->fremont);
    g_autofree char *too_high = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Testing a large price\","
                                                 "\"changes\":[{\"key\":\"child_price\",\"value\":50001,\"version\":0}]}", f->fremont);
    g_autofree char *no_reason = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"cheaper\","
                                                  "\"changes\":[{\"key\":\"child_price\",\"value\":2000,\"version\":0}]}", f->fremont);
    g_autofree char *unknown = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Testing an unknown key\","
                                                "\"changes\":[{\"key\":\"caviar\",\"value\":2000,\"version\":0}]}", f->fremont);
    g_autofree char *other = g_strdup_printf ("{\"station_id\":\"%s\",\"reason\":\"Not my station at all\","
                                              "\"changes\":[{\"key\":\"child_price\",\"value\":2000,\"version\":0}]}", f->sacramento);
    const char *global = "{\"station_id\":null,\"reason\":\"Company-wide price change\","
                         "\"changes\":[{\"key\":\"deposit\",\"value\":15000,\"version\":1}]}";
    g_autoptr(HibachiTestResponse) r1 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, negative, NULL);
    g_autoptr(HibachiTestResponse) r2 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, too_high, NULL);
    g_autoptr(HibachiTestResponse) r3 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, no_reason, NULL);
    g_autoptr(HibachiTestResponse) r4 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, unknown, NULL);
    g_autoptr(HibachiTestResponse) r5 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, other, NULL);
    g_autoptr(HibachiTestResponse) r6 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", manager, global, NULL);
    g_autoptr(HibachiTestResponse) r7 = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", f->owner, global, NULL);

    g_assert_cmpuint (r1->status, ==, 422);
    g_assert_cmpuint (r2->status, ==, 422);
    g_assert_true (json_object_has_member (hibachi_test_response_field_errors (r2), "changes.child_price"));
    g_assert_cmpuint (r3->status, ==, 422);
    g_assert_true (json_object_has_member (hibachi_test_response_field_errors (r3), "reason"));
    g_assert_cmpuint (r4->status, ==, 422);
    g_assert_cmpuint (r5->status, ==, 403);
    g_assert_cmpuint (r6->status, ==, 403);
    g_assert_cmpuint (r7->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (find_item (hibachi_test_response_object (r7), "deposit"), "value"), ==, 15000);
  }

  /* History: who, what, why. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/pricing/history?station_id=%s&key=adult_price", f->fremont);
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, manager, NULL, NULL);
    JsonArray *entries = json_object_get_array_member (hibachi_test_response_object (r), "data");
    JsonObject *e;

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    e = json_array_get_object_element (entries, 0);
    g_assert_cmpint (json_object_get_int_member (e, "old_value"), ==, 5500);
    g_assert_cmpint (json_object_get_int_member (e, "new_value"), ==, 6000);
    g_assert_cmpstr (json_object_get_string_member (e, "actor_email"), ==, "fremont.manager@demo.test");
    g_assert_cmpstr (json_object_get_string_member (e, "reason"), ==, "Bay Area food costs went up.");
  }

  /* Quotes use the station's prices: 10 adults × $60, 40 miles at $2.50 beyond 30. */
  {
    g_autofree char *body = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":10,\"distance_miles\":40}", f->fremont);
    g_autofree char *other_body = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":10,\"distance_miles\":40}", f->sacramento);
    g_autoptr(HibachiTestResponse) q = hibachi_test_request (f->ts, "POST", "/api/v1/quote", manager, body, NULL);
    g_autoptr(HibachiTestResponse) q2 = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->owner, other_body, NULL);

    g_assert_cmpuint (q->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (q), "food_total_cents"), ==, 60000);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (q), "travel_fee_cents"), ==, 2500);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (q), "total_cents"), ==, 62500);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (q), "deposit_cents"), ==, 15000);
    /* Sacramento keeps the global prices. */
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (q2), "total_cents"), ==, 57000);
  }
}

static void
test_quote (Fixture *f, gconstpointer data)
{
  g_autofree char *venue = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":8,\"children\":2,\"toddlers\":2,"
                                            "\"upgrades\":{\"upgrade_lobster_tail\":2},\"addons\":[\"addon_premium_sake\"],"
                                            "\"venue_lat\":37.5485,\"venue_lng\":-121.9886}", f->fremont);
  g_autofree char *bad_upgrade = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":8,\"upgrades\":{\"caviar\":1},"
                                                  "\"distance_miles\":3}", f->fremont);
  g_autofree char *no_distance = g_strdup_printf ("{\"station_id\":\"%s\",\"adults\":8}", f->fremont);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->owner, venue, NULL);
  g_autoptr(HibachiTestResponse) bad = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->owner, bad_upgrade, NULL);
  g_autoptr(HibachiTestResponse) missing = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->owner, no_distance, NULL);
  g_autoptr(HibachiTestResponse) no_station = hibachi_test_request (f->ts, "POST", "/api/v1/quote", f->owner, "{\"adults\":8}", NULL);
  JsonObject *q = hibachi_test_response_object (r);

  /* 8×55 + 2×30 + 2×15 = 530 < 550 minimum; + $25 sake; no travel. */
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (q, "minimum_applied"));
  g_assert_cmpint (json_object_get_int_member (q, "food_subtotal_cents"), ==, 53000);
  g_assert_cmpint (json_object_get_int_member (q, "total_cents"), ==, 57500);
  g_assert_cmpint (json_object_get_int_member (q, "travel_fee_cents"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (q, "lines")), ==, 4);

  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_true (json_object_has_member (hibachi_test_response_field_errors (bad), "upgrades"));
  g_assert_cmpuint (missing->status, ==, 422);
  g_assert_cmpuint (no_station->status, ==, 422);
}

static char *
review_with (Fixture *f, const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/reviews", query, NULL);

  return hibachi_test_first_id (f->ts, f->owner, path);
}

static void
test_reviews (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) all = hibachi_test_request (f->ts, "GET", "/api/v1/reviews?status=all", f->owner, NULL, NULL);
  JsonObject *counts = json_object_get_object_member (hibachi_test_response_object (all), "counts");
  gint64 pending = json_object_get_int_member (counts, "pending");
  g_autofree char *id = review_with (f, "?status=pending");
  g_autofree char *path = g_strconcat ("/api/v1/reviews/", id, NULL);
  g_autofree char *support = hibachi_test_login (f->ts, "support@demo.test");

  g_assert_cmpint (pending, >, 0);
  g_assert_cmpint (json_object_get_int_member (counts, "all"), ==,
                   json_object_get_int_member (hibachi_test_response_object (all), "total_count"));

  /* Reject and flag need a reason; approve does not. */
  {
    g_autofree char *reject = g_strconcat (path, "/reject", NULL);
    g_autofree char *approve = g_strconcat (path, "/approve", NULL);
    g_autoptr(HibachiTestResponse) no_reason = hibachi_test_write (f->ts, "POST", reject, support, "{}", path);
    g_autoptr(HibachiTestResponse) ok = hibachi_test_write (f->ts, "POST", approve, support, NULL, path);
    g_autoptr(HibachiTestResponse) after = hibachi_test_request (f->ts, "GET", "/api/v1/reviews?status=pending", support, NULL, NULL);

    g_assert_cmpuint (no_reason->status, ==, 422);
    g_assert_cmpuint (ok->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (ok), "status"), ==, "approved");
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (ok), "moderated_by"), ==, "support@demo.test");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hibachi_test_response_object (after), "counts"), "pending"),
                     ==, pending - 1);
  }

  /* Editing keeps the customer's original words. */
  {
    g_autoptr(HibachiTestResponse) before = hibachi_test_request (f->ts, "GET", path, support, NULL, NULL);
    g_autofree char *original = g_strdup (json_object_get_string_member (hibachi_test_response_object (before), "body"));
    g_autoptr(HibachiTestResponse) edit = hibachi_test_write (f->ts, "PATCH", path, support,
                                                              "{\"body\":\"Great party (phone number removed).\",\"featured\":true}", path);
    g_autoptr(HibachiTestResponse) again = hibachi_test_write (f->ts, "PATCH", path, support, "{\"body\":\"Great party!\"}", path);
    g_autoptr(HibachiTestResponse) bad = hibachi_test_write (f->ts, "PATCH", path, support, "{\"rating\":1}", path);

    g_assert_cmpuint (edit->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (edit), "original_body"), ==, original);
    g_assert_true (json_object_get_boolean_member (hibachi_test_response_object (edit), "featured"));
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (again), "original_body"), ==, original);
    g_assert_cmpuint (bad->status, ==, 422);
  }

  /* A public response. */
  {
    g_autofree char *response_path = g_strconcat (path, "/response", NULL);
    g_autoptr(HibachiTestResponse) empty = hibachi_test_write (f->ts, "PUT", response_path, support, "{\"text\":\"  \"}", path);
    g_autoptr(HibachiTestResponse) ok = hibachi_test_write (f->ts, "PUT", response_path, support,
                                                            "{\"text\":\"Thank you for celebrating with us!\"}", path);

    g_assert_cmpuint (empty->status, ==, 422);
    g_assert_cmpuint (ok->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (ok), "response"), ==,
                     "Thank you for celebrating with us!");
  }

  /* Bulk: all or nothing. */
  {
    g_autoptr(HibachiTestResponse) list = hibachi_test_request (f->ts, "GET", "/api/v1/reviews?status=pending&limit=3", f->owner, NULL, NULL);
    JsonArray *rows = json_object_get_array_member (hibachi_test_response_object (list), "data");
    g_autofree char *with_unknown = g_strdup_printf ("{\"action\":\"reject\",\"reason\":\"Spam links in the text.\",\"ids\":[\"%s\",\"no-such-review\"]}",
                                                     json_object_get_string_member (json_array_get_object_element (rows, 0), "id"));
    g_autofree char *good = g_strdup_printf ("{\"action\":\"approve\",\"ids\":[\"%s\",\"%s\"]}",
                                             json_object_get_string_member (json_array_get_object_element (rows, 0), "id"),
                                             json_object_get_string_member (json_array_get_object_element (rows, 1), "id"));
    g_autoptr(HibachiTestResponse) r1 = hibachi_test_request (f->ts, "POST", "/api/v1/reviews/bulk", support, with_unknown, NULL);
    g_autoptr(HibachiTestResponse) check = hibachi_test_request (f->ts, "GET", "/api/v1/reviews?status=rejected", support, NULL, NULL);
    g_autoptr(HibachiTestResponse) r2 = NULL;
    g_autoptr(HibachiTestResponse) bad_action = hibachi_test_request (f->ts, "POST", "/api/v1/reviews/bulk", support,
                                                                      "{\"action\":\"delete\",\"ids\":[\"x\"]}", NULL);

    g_assert_cmpuint (r1->status, ==, 404);
    g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (check), "total_count"), ==,
                     json_object_get_int_member (counts, "rejected"));
    r2 = hibachi_test_request (f->ts, "POST", "/api/v1/reviews/bulk", support, good, NULL);
    g_assert_cmpuint (r2->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (r2), "data")), ==, 2);
    g_assert_cmpuint (bad_action->status, ==, 422);
  }
}

static void
test_review_photos_and_scope (Fixture *f, gconstpointer data)
{
  g_autofree char *id = review_with (f, "?status=all&has_photos=true");
  g_autofree char *photo = g_strdup_printf ("/api/v1/reviews/%s/photos/0", id);
  g_autofree char *missing = g_strdup_printf ("/api/v1/reviews/%s/photos/9", id);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", photo, f->owner, NULL, NULL);
  g_autoptr(HibachiTestResponse) none = hibachi_test_request (f->ts, "GET", missing, f->owner, NULL, NULL);
  g_autofree char *manager = hibachi_test_login (f->ts, "sacramento.manager@demo.test");
  g_autoptr(HibachiTestResponse) scoped = hibachi_test_request (f->ts, "GET", "/api/v1/reviews?status=all&limit=500", manager, NULL, NULL);
  const guint8 *bytes;
  gsize len;
  JsonArray *rows;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "image/png");
  bytes = g_bytes_get_data (r->body, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (none->status, ==, 404);

  rows = json_object_get_array_member (hibachi_test_response_object (scoped), "data");
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, i), "station_id"), ==, f->sacramento);
}

/* The roles as a set (bit 1 << role), from the document's names… */
static guint
roles_from_json (JsonArray *array)
{
  guint roles = 0;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      HibachiRole role = hibachi_role_from_string (json_array_get_string_element (array, i));

      g_assert_cmpint (role, !=, HIBACHI_ROLE_NONE);
      roles |= 1u << role;
    }

  return roles;
}

/* …and from the capability a route needs (src/core's table). */
static guint
roles_with_capability (HibachiCapability capability)
{
  guint roles = 0;

  for (HibachiRole role = HIBACHI_ROLE_SUPER_ADMIN; role <= HIBACHI_ROLE_CHEF; role++)
    if (hibachi_role_can (role, capability))
      roles |= 1u << role;

  return roles;
}

static void
test_openapi (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/openapi.json", NULL, NULL, NULL);
  JsonObject *doc = hibachi_test_response_object (r);
  JsonObject *paths = json_object_get_object_member (doc, "paths");
  g_autoptr(GList) path_names = json_object_get_members (paths);
  guint n_routes = 0, n_documented = 0;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (doc, "openapi"), ==, "3.0.3");

  /* Every route is documented with the same roles and sign-in need… */
  for (guint t = 0; t < hibachi_server_n_route_tables; t++)
    for (const HibachiServerRoute *route = hibachi_server_route_tables[t]; route->method != NULL; route++)
      {
        g_autofree char *method = g_ascii_strdown (route->method, -1);
        JsonObject *item, *operation;
        JsonArray *security;

        n_routes++;
        if (!json_object_has_member (paths, route->pattern))
          g_error ("%s is not in the API document", route->pattern);
        item = json_object_get_object_member (paths, route->pattern);
        if (!json_object_has_member (item, method))
          g_error ("%s %s is not in the API document", route->method, route->pattern);
        operation = json_object_get_object_member (item, method);
        security = json_object_get_array_member (operation, "security");
        g_assert_cmpuint (json_array_get_length (security) > 0, ==, route->capability != 0);
        if (route->capability != 0)
          {
            guint documented = roles_from_json (json_object_get_array_member (operation, "x-roles"));

            if (documented != roles_with_capability (route->capability))
              g_error ("%s %s: x-roles in the API document differ from the roles with its capability",
                       route->method, route->pattern);
          }
        g_assert_true (json_object_has_member (operation, "responses"));
      }

  /* …and the document promises nothing the server lacks. */
  for (const GList *l = path_names; l != NULL; l = l->next)
    {
      JsonObject *item = json_object_get_object_member (paths, l->data);
      g_autoptr(GList) methods = json_object_get_members (item);

      for (const GList *m = methods; m != NULL; m = m->next)
        {
          g_autofree char *upper = g_ascii_strup (m->data, -1);
          gboolean found = FALSE;

          for (guint t = 0; t < hibachi_server_n_route_tables && !found; t++)
            for (const HibachiServerRoute *route = hibachi_server_route_tables[t]; route->method != NULL && !found; route++)
              found = g_str_equal (route->pattern, l->data) && g_str_equal (route->method, upper);
          if (!found)
            g_error ("The API document has %s %s, the server does not", upper, (const char *) l->data);
          n_documented++;
        }
    }

  g_assert_cmpuint (n_routes, ==, n_documented);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/server-resources/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("stations", test_stations);
  ADD ("service-area", test_service_area);
  ADD ("chefs", test_chefs);
  ADD ("pricing", test_pricing);
  ADD ("quote", test_quote);
  ADD ("reviews", test_reviews);
  ADD ("review-photos-scope", test_review_photos_and_scope);
  ADD ("openapi", test_openapi);
#undef ADD

  return g_test_run ();
}
