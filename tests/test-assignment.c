/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hibachi-core.h"

#define MILES_PER_DEGREE_LAT (HIBACHI_EARTH_RADIUS_MILES * G_PI / 180.0)
#define ALL_SLOTS 0x0f

static const HibachiLatLng station = { 37.5485, -121.9886 };

typedef struct
{
  HibachiAssignmentBooking booking;
  HibachiAssignmentChef    chef;
  HibachiAssignmentBooking others[4];
  HibachiDateRange         time_off[2];
  HibachiAssignmentContext context;
} Fixture;

static HibachiLatLng
north_of_station (double miles)
{
  HibachiLatLng p = { station.lat + miles / MILES_PER_DEGREE_LAT, station.lng };

  return p;
}

static void
set_date (GDate *date, guint day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, G_DATE_NOVEMBER, 2026);   /* 21 = Saturday, 24 = Tuesday */
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  memset (f, 0, sizeof *f);

  f->booking.id = "b-main";
  f->booking.station_id = "fremont";
  set_date (&f->booking.date, 21);
  f->booking.start_minutes = 18 * 60;
  f->booking.guests = 10;
  f->booking.venue = north_of_station (0);

  f->chef.id = "chef-kenji";
  f->chef.name = "Kenji";
  f->chef.station_id = "fremont";
  f->chef.skill_level = 3;
  f->chef.max_party_size = 30;
  f->chef.rating = 4.5;
  f->chef.is_active = TRUE;
  memset (f->chef.weekly_slots, ALL_SLOTS, sizeof f->chef.weekly_slots);

  f->context.booking = &f->booking;
  f->context.chef = &f->chef;
  f->context.station_location = station;
  f->context.others = f->others;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
}

static HibachiAssignmentBooking *
add_other (Fixture *f, const char *id, int start, guint guests, double miles_north)
{
  HibachiAssignmentBooking *o = &f->others[f->context.n_others++];

  o->id = id;
  o->station_id = "fremont";
  o->date = f->booking.date;
  o->start_minutes = start;
  o->guests = guests;
  o->venue = north_of_station (miles_north);

  return o;
}

/* Asserts the issues hold exactly @codes (in any order) and returns the array. */
static GPtrArray *
check_codes (Fixture *f, const HibachiIssueCode *codes, guint n_codes)
{
  GPtrArray *issues = hibachi_assignment_check (&f->context);

  if (issues->len != n_codes)
    {
      for (guint i = 0; i < issues->len; i++)
        g_test_message ("issue: %s", ((HibachiAssignmentIssue *) g_ptr_array_index (issues, i))->message);
    }
  g_assert_cmpuint (issues->len, ==, n_codes);

  for (guint i = 0; i < n_codes; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < issues->len && !found; j++)
        {
          HibachiAssignmentIssue *issue = g_ptr_array_index (issues, j);

          if (issue->code == codes[i])
            {
              found = TRUE;
              g_assert_nonnull (issue->message);
              /* The severity decides whether the server assigns without a
               * reason: SPEC 8.3's conflicts are conflicts. */
              g_assert_cmpint (issue->severity, ==,
                               issue->code <= HIBACHI_ISSUE_OTHER_STATION ? HIBACHI_ISSUE_CONFLICT : HIBACHI_ISSUE_WARNING);
              g_assert_cmpstr (hibachi_issue_code_to_string (issue->code), !=, NULL);
            }
        }
      if (!found)
        g_error ("expected issue %s", hibachi_issue_code_to_string (codes[i]));
    }

  return issues;
}

#define EXPECT(f, ...) \
  G_STMT_START { \
    const HibachiIssueCode codes_[] = { __VA_ARGS__ }; \
    g_autoptr(GPtrArray) issues_ = check_codes ((f), codes_, G_N_ELEMENTS (codes_)); \
  } G_STMT_END

#define EXPECT_NONE(f) \
  G_STMT_START { \
    g_autoptr(GPtrArray) issues_ = check_codes ((f), NULL, 0); \
  } G_STMT_END

static void
test_clean (Fixture *f, gconstpointer data)
{
  EXPECT_NONE (f);
}

static void
test_chef_state (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) issues = NULL;

  f->chef.is_active = FALSE;
  EXPECT (f, HIBACHI_ISSUE_INACTIVE);
  f->chef.is_active = TRUE;

  f->chef.station_id = "sacramento";
  issues = hibachi_assignment_check (&f->context);
  g_assert_true (hibachi_assignment_issues_have_conflict (issues));
  EXPECT (f, HIBACHI_ISSUE_OTHER_STATION);
}

static void
test_time_off (Fixture *f, gconstpointer data)
{
  f->chef.time_off = f->time_off;
  f->chef.n_time_off = 1;

  /* Inclusive on both ends. */
  set_date (&f->time_off[0].first, 21);
  set_date (&f->time_off[0].last, 23);
  EXPECT (f, HIBACHI_ISSUE_TIME_OFF);
  set_date (&f->time_off[0].first, 18);
  set_date (&f->time_off[0].last, 21);
  EXPECT (f, HIBACHI_ISSUE_TIME_OFF);
  set_date (&f->time_off[0].last, 20);
  EXPECT_NONE (f);
}

static void
test_weekly_availability (Fixture *f, gconstpointer data)
{
  /* Saturday is index 5; take away the 18:00 slot (bit 2). */
  f->chef.weekly_slots[5] = ALL_SLOTS & ~(1u << 2);
  EXPECT (f, HIBACHI_ISSUE_UNAVAILABLE);
  f->chef.weekly_slots[5] = ALL_SLOTS;
  f->chef.weekly_slots[4] = 0;   /* Friday off changes nothing on Saturday */
  EXPECT_NONE (f);
}

static void
test_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) issues = NULL;
  HibachiAssignmentIssue *issue;

  /* 15:00 with 40 guests: busy until 17:15; our setup starts 17:00. */
  add_other (f, "b-other", 15 * 60, 40, 0);
  issues = hibachi_assignment_check (&f->context);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->code, ==, HIBACHI_ISSUE_OVERLAP);
  g_assert_cmpint (issue->severity, ==, HIBACHI_ISSUE_CONFLICT);
  g_assert_cmpstr (issue->booking_id, ==, "b-other");
}

static void
test_same_booking_ignored (Fixture *f, gconstpointer data)
{
  /* Re-checking a booking already on the chef's day does not clash with itself. */
  add_other (f, "b-main", 18 * 60, 10, 0);
  EXPECT_NONE (f);
}

static void
test_travel_from_previous (Fixture *f, gconstpointer data)
{
  HibachiAssignmentBooking *prev;

  /* 15:00 × 10 guests: cleanup ends 16:45; our setup starts 17:00 (15 minutes). */
  prev = add_other (f, "b-prev", 15 * 60, 10, 0);

  prev->venue = north_of_station (5);    /* 12 minutes: arrives 16:57 */
  EXPECT_NONE (f);

  prev->venue = north_of_station (10);   /* 23 minutes: arrives 17:08 */
  EXPECT (f, HIBACHI_ISSUE_TIGHT_TRAVEL);

  prev->venue = north_of_station (40);   /* 90 minutes: arrives 18:15, after the start */
  EXPECT (f, HIBACHI_ISSUE_LATE_ARRIVAL);
}

static void
test_rush_hour_travel (Fixture *f, gconstpointer data)
{
  HibachiAssignmentBooking *prev;

  /* Tuesday: leaving at 16:45 is rush hour, 5 miles takes 18 minutes, not 12. */
  set_date (&f->booking.date, 24);
  prev = add_other (f, "b-prev", 15 * 60, 10, 5);
  prev->date = f->booking.date;
  EXPECT (f, HIBACHI_ISSUE_TIGHT_TRAVEL);
}

static void
test_travel_to_next (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) issues = NULL;
  HibachiAssignmentIssue *issue;

  /* Our 15:00 event ends 16:45; the chef's 18:00 event 10 miles away needs setup at 17:00. */
  f->booking.start_minutes = 15 * 60;
  add_other (f, "b-next", 18 * 60, 10, 10);
  issues = hibachi_assignment_check (&f->context);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->code, ==, HIBACHI_ISSUE_TIGHT_TRAVEL);
  g_assert_cmpint (issue->severity, ==, HIBACHI_ISSUE_WARNING);
  g_assert_cmpstr (issue->booking_id, ==, "b-next");
}

static void
test_long_travel (Fixture *f, gconstpointer data)
{
  /* From a 12:00 event 45 miles away: 101 minutes, plenty of time but too far. */
  add_other (f, "b-noon", 12 * 60, 10, 45);
  EXPECT (f, HIBACHI_ISSUE_LONG_TRAVEL);

  /* 40 miles: 90 minutes, exactly acceptable. */
  f->others[0].venue = north_of_station (40);
  EXPECT_NONE (f);
}

static void
test_workload (Fixture *f, gconstpointer data)
{
  f->booking.start_minutes = 21 * 60;
  f->booking.guests = 5;
  add_other (f, "b1", 12 * 60, 5, 0);
  add_other (f, "b2", 15 * 60, 5, 0);
  EXPECT_NONE (f);                 /* third event of the day */
  add_other (f, "b3", 18 * 60, 5, 0);
  EXPECT (f, HIBACHI_ISSUE_WORKLOAD);
}

static void
test_party_size (Fixture *f, gconstpointer data)
{
  f->booking.guests = 30;
  EXPECT_NONE (f);
  f->booking.guests = 31;
  EXPECT (f, HIBACHI_ISSUE_PARTY_TOO_LARGE);
}

static void
test_score_parts (Fixture *f, gconstpointer data)
{
  HibachiSuggestionScore s;

  /* At the station, small party, no other events, rating 4.5. */
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpuint (s.travel_minutes, ==, 0);
  g_assert_cmpfloat_with_epsilon (s.travel, 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.skill, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.workload, 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.rating, 13.5, 1e-9);
  g_assert_cmpfloat (s.preference, ==, 0.0);
  g_assert_cmpfloat (s.requested_bonus, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s.total, 88.5, 1e-9);

  f->context.served_customer_before = TRUE;
  f->booking.requested_chef_id = "chef-kenji";
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat (s.preference, ==, 10.0);
  g_assert_cmpfloat (s.requested_bonus, ==, 50.0);
  g_assert_cmpfloat_with_epsilon (s.total, 148.5, 1e-9);

  f->booking.requested_chef_id = "someone-else";
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat (s.requested_bonus, ==, 0.0);
}

static void
test_score_travel (Fixture *f, gconstpointer data)
{
  HibachiSuggestionScore s;
  double hour_miles = HIBACHI_AVERAGE_SPEED_MPH / HIBACHI_ROAD_FACTOR;

  /* Saturday, one hour from the station: half way between 30 and 90 minutes. */
  f->booking.venue = north_of_station (hour_miles);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpuint (s.travel_minutes, ==, 60);
  g_assert_cmpfloat_with_epsilon (s.travel, 20.0, 1e-9);

  /* The same trip leaving at 17:00 on a Tuesday is 90 minutes: no travel points. */
  set_date (&f->booking.date, 24);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpuint (s.travel_minutes, ==, 90);
  g_assert_cmpfloat (s.travel, ==, 0.0);

  /* 30 minutes or less scores in full. */
  set_date (&f->booking.date, 21);
  f->booking.venue = north_of_station (hour_miles / 2);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpuint (s.travel_minutes, ==, 30);
  g_assert_cmpfloat (s.travel, ==, 40.0);

  /* With an earlier event, travel is measured from its venue instead. */
  add_other (f, "b-noon", 12 * 60, 10, hour_miles / 2);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpuint (s.travel_minutes, ==, 0);
}

static void
test_score_skill_and_workload (Fixture *f, gconstpointer data)
{
  HibachiSuggestionScore s;

  f->booking.guests = 20;      /* medium: needs 3 */
  f->chef.skill_level = 2;
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat_with_epsilon (s.skill, 20.0 * 2 / 3, 1e-9);

  f->booking.guests = 31;      /* large: needs 4 */
  f->chef.skill_level = 5;
  f->chef.max_party_size = 40;
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat (s.skill, ==, 20.0);
  f->chef.max_party_size = 30;  /* too large for the chef: no skill points */
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat (s.skill, ==, 0.0);

  f->booking.guests = 5;
  f->booking.start_minutes = 21 * 60;
  add_other (f, "b1", 12 * 60, 5, 0);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat_with_epsilon (s.workload, 10.0, 1e-9);
  add_other (f, "b2", 15 * 60, 5, 0);
  add_other (f, "b3", 18 * 60, 5, 0);
  hibachi_suggestion_compute_score (&f->context, &s);
  g_assert_cmpfloat (s.workload, ==, 0.0);
}

static void
test_rank (void)
{
  HibachiAssignmentChef chefs[4] = {
    { .id = "a", .name = "Aiko", .station_id = "fremont", .skill_level = 5, .max_party_size = 60, .rating = 5, .is_active = FALSE },
    { .id = "b", .name = "Ben", .station_id = "fremont", .skill_level = 1, .max_party_size = 60, .rating = 2, .is_active = TRUE },
    { .id = "c", .name = "Chen", .station_id = "fremont", .skill_level = 5, .max_party_size = 60, .rating = 5, .is_active = TRUE },
    { .id = "d", .name = "Dana", .station_id = "fremont", .skill_level = 1, .max_party_size = 60, .rating = 2, .is_active = TRUE },
  };
  HibachiAssignmentBooking booking = { .id = "bk", .station_id = "fremont", .start_minutes = 18 * 60,
                                       .guests = 10, .venue = station };
  HibachiSuggestion suggestions[4];

  set_date (&booking.date, 21);
  for (guint i = 0; i < G_N_ELEMENTS (chefs); i++)
    {
      HibachiAssignmentContext context = { .booking = &booking, .chef = &chefs[i], .station_location = station };

      memset (chefs[i].weekly_slots, ALL_SLOTS, sizeof chefs[i].weekly_slots);
      hibachi_suggestion_init (&suggestions[i], &context);
    }

  hibachi_suggestions_rank (suggestions, G_N_ELEMENTS (suggestions));

  /* Best score first, equal scores by name, the inactive (conflicted) chef last despite its score. */
  g_assert_cmpstr (suggestions[0].chef->name, ==, "Chen");
  g_assert_cmpstr (suggestions[1].chef->name, ==, "Ben");
  g_assert_cmpstr (suggestions[2].chef->name, ==, "Dana");
  g_assert_cmpstr (suggestions[3].chef->name, ==, "Aiko");
  g_assert_true (suggestions[3].has_conflict);
  g_assert_false (suggestions[0].has_conflict);
  g_assert_cmpfloat (suggestions[3].score.total, >, suggestions[0].score.total - 1e-9);

  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    hibachi_suggestion_clear (&suggestions[i]);
}

/* Dispatch snapshot: Fremont, Saturday 2026-11-21, two chefs. */

#define ALL_WEEK "{\"mon\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"],\"tue\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"]," \
                 "\"wed\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"],\"thu\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"]," \
                 "\"fri\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"],\"sat\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"]," \
                 "\"sun\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"]}"

static JsonObject *
object_from (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
snapshot_chef (const char *id,
               const char *name,
               guint       skill,
               double      rating,
               const char *time_off)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"%s\",\"station_id\":\"fremont\",\"skill_level\":%u,"
                                           "\"max_party_size\":40,\"rating\":%.1f,\"is_active\":true,"
                                           "\"weekly_availability\":" ALL_WEEK ",\"time_off\":%s}",
                                           id, name, skill, rating, time_off);

  return object_from (text);
}

static JsonObject *
snapshot_booking (const char *id,
                  const char *slot,
                  const char *chef_id,
                  const char *created_at,
                  double      miles_north)
{
  HibachiLatLng venue = north_of_station (miles_north);
  g_autofree char *chef = chef_id != NULL ? g_strdup_printf ("\"%s\"", chef_id) : g_strdup ("null");
  g_autofree char *text = NULL;
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lng[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (lat, sizeof lat, venue.lat);
  g_ascii_dtostr (lng, sizeof lng, venue.lng);
  text = g_strdup_printf ("{\"id\":\"%s\",\"station_id\":\"fremont\",\"status\":\"confirmed\",\"event_date\":\"2026-11-21\","
                          "\"slot\":\"%s\",\"adults\":10,\"children\":0,\"toddlers\":0,\"venue_lat\":%s,\"venue_lng\":%s,"
                          "\"chef_id\":%s,\"created_at\":\"%s\"}", id, slot, lat, lng, chef, created_at);
  return object_from (text);
}

static void
test_dispatch_check (void)
{
  g_autoptr(JsonObject) kenji = snapshot_chef ("kenji", "Kenji", 3, 4.5, "[]");
  g_autoptr(JsonObject) mia = snapshot_chef ("mia", "Mia", 3, 4.5,
                                             "[{\"start_date\":\"2026-11-20\",\"end_date\":\"2026-11-22\",\"reason\":\"Vacation\"}]");
  g_autoptr(JsonObject) held = snapshot_booking ("held", "18:00", "kenji", "2026-11-01T10:00:00Z", 0);
  g_autoptr(JsonObject) moving = snapshot_booking ("moving", "18:00", NULL, "2026-11-02T10:00:00Z", 0);
  JsonObject *chefs[] = { kenji, mia };
  JsonObject *bookings[] = { held, moving };
  HibachiDispatchSnapshot snapshot = { station, chefs, 2, bookings, 2 };
  HibachiSuggestionScore score;
  g_autoptr(GPtrArray) overlap = hibachi_dispatch_check (&snapshot, moving, kenji, &score);
  g_autoptr(GPtrArray) time_off = hibachi_dispatch_check (&snapshot, moving, mia, NULL);
  g_autoptr(GPtrArray) itself = hibachi_dispatch_check (&snapshot, held, kenji, NULL);
  GDate day;

  g_assert_true (hibachi_assignment_issues_have_conflict (overlap));
  g_assert_cmpint (((HibachiAssignmentIssue *) g_ptr_array_index (overlap, 0))->code, ==, HIBACHI_ISSUE_OVERLAP);
  g_assert_cmpint (((HibachiAssignmentIssue *) g_ptr_array_index (time_off, 0))->code, ==, HIBACHI_ISSUE_TIME_OFF);
  /* A booking is never in its own way where it already is. */
  g_assert_false (hibachi_assignment_issues_have_conflict (itself));

  set_date (&day, 21);
  g_assert_cmpstr (hibachi_dispatch_time_off_reason (mia, &day), ==, "Vacation");
  g_assert_null (hibachi_dispatch_time_off_reason (kenji, &day));
  set_date (&day, 23);
  g_assert_null (hibachi_dispatch_time_off_reason (mia, &day));

  g_assert_true (hibachi_dispatch_is_unassigned (moving));
  g_assert_false (hibachi_dispatch_is_unassigned (held));
  /* The same rule from the fields (the badge of a board nobody opened). */
  g_assert_true (hibachi_dispatch_waits_for_chef ("pending", NULL));
  g_assert_true (hibachi_dispatch_waits_for_chef ("confirmed", NULL));
  g_assert_false (hibachi_dispatch_waits_for_chef ("confirmed", "kenji"));
  g_assert_false (hibachi_dispatch_waits_for_chef ("cancelled", NULL));
  g_assert_false (hibachi_dispatch_waits_for_chef ("completed", NULL));
  g_assert_false (hibachi_dispatch_waits_for_chef (NULL, NULL));
  g_assert_cmpint (hibachi_dispatch_compare_urgency (held, moving), <, 0);
}

static void
test_dispatch_suggest_day (void)
{
  g_autoptr(JsonObject) kenji = snapshot_chef ("kenji", "Kenji", 5, 5.0, "[]");
  g_autoptr(JsonObject) mia = snapshot_chef ("mia", "Mia", 3, 3.0, "[]");
  g_autoptr(JsonObject) ana = snapshot_chef ("ana", "Ana", 5, 5.0,
                                             "[{\"start_date\":\"2026-11-21\",\"end_date\":\"2026-11-21\",\"reason\":\"Sick\"}]");
  /* Three parties at 18:00 and one at 12:00; only two chefs work. */
  g_autoptr(JsonObject) first = snapshot_booking ("first", "18:00", NULL, "2026-11-01T10:00:00Z", 1);
  g_autoptr(JsonObject) second = snapshot_booking ("second", "18:00", NULL, "2026-11-02T10:00:00Z", 1);
  g_autoptr(JsonObject) third = snapshot_booking ("third", "18:00", NULL, "2026-11-03T10:00:00Z", 1);
  g_autoptr(JsonObject) noon = snapshot_booking ("noon", "12:00", NULL, "2026-11-04T10:00:00Z", 1);
  JsonObject *chefs[] = { kenji, mia, ana };
  JsonObject *bookings[] = { third, second, first, noon };
  HibachiDispatchSnapshot snapshot = { station, chefs, 3, bookings, 4 };
  g_autoptr(GArray) proposals = NULL;
  GDate day;

  set_date (&day, 21);
  proposals = hibachi_dispatch_suggest_day (&snapshot, &day);

  /* Most urgent first (12:00, then by creation); the better chef gets the
   * first; nobody twice at 18:00; the third 18:00 party gets nobody; the
   * chef on time off is never proposed. */
  g_assert_cmpuint (proposals->len, ==, 3);
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 0).booking_id, ==, "noon");
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 0).chef_id, ==, "kenji");
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 1).booking_id, ==, "first");
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 1).chef_id, ==, "kenji");
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 2).booking_id, ==, "second");
  g_assert_cmpstr (g_array_index (proposals, HibachiDispatchProposal, 2).chef_id, ==, "mia");

  /* Another day has nothing to propose. */
  g_clear_pointer (&proposals, g_array_unref);
  set_date (&day, 22);
  proposals = hibachi_dispatch_suggest_day (&snapshot, &day);
  g_assert_cmpuint (proposals->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/assignment/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("clean", test_clean);
  ADD ("chef-state", test_chef_state);
  ADD ("time-off", test_time_off);
  ADD ("weekly-availability", test_weekly_availability);
  ADD ("overlap", test_overlap);
  ADD ("same-booking-ignored", test_same_booking_ignored);
  ADD ("travel-from-previous", test_travel_from_previous);
  ADD ("rush-hour-travel", test_rush_hour_travel);
  ADD ("travel-to-next", test_travel_to_next);
  ADD ("long-travel", test_long_travel);
  ADD ("workload", test_workload);
  ADD ("party-size", test_party_size);
  ADD ("score-parts", test_score_parts);
  ADD ("score-travel", test_score_travel);
  ADD ("score-skill-workload", test_score_skill_and_workload);
#undef ADD
  g_test_add_func ("/hibachi/assignment/rank", test_rank);
  g_test_add_func ("/hibachi/assignment/dispatch-check", test_dispatch_check);
  g_test_add_func ("/hibachi/assignment/dispatch-suggest-day", test_dispatch_suggest_day);

  return g_test_run ();
}
