/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "hibachi-core.h"

#define MILES_PER_DEGREE_LAT (HIBACHI_EARTH_RADIUS_MILES * G_PI / 180.0)

static const HibachiLatLng fremont = { 37.5485, -121.9886 };
static const HibachiLatLng sacramento = { 38.5816, -121.4944 };
static const HibachiLatLng fresno = { 36.7378, -119.7871 };

static HibachiLatLng
north_of (HibachiLatLng origin,
          double        miles)
{
  HibachiLatLng p = { origin.lat + miles / MILES_PER_DEGREE_LAT, origin.lng };

  return p;
}

static void
test_distance (void)
{
  /* Reference values computed independently with the haversine formula. */
  g_assert_cmpfloat_with_epsilon (hibachi_geo_distance_miles (fremont, sacramento), 76.2747, 0.001);
  g_assert_cmpfloat_with_epsilon (hibachi_geo_distance_miles (fremont, fresno), 133.5589, 0.001);
  g_assert_cmpfloat_with_epsilon (hibachi_geo_distance_miles (sacramento, fremont),
                                  hibachi_geo_distance_miles (fremont, sacramento), 1e-9);
  g_assert_cmpfloat (hibachi_geo_distance_miles (fremont, fremont), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (hibachi_geo_distance_miles (fremont, north_of (fremont, 10.0)), 10.0, 1e-6);
}

static void
test_rush_hour (void)
{
  /* Monday–Friday, 15:00 inclusive to 19:00 exclusive. */
  g_assert_false (hibachi_geo_is_rush_hour (G_DATE_MONDAY, 14 * 60 + 59));
  g_assert_true (hibachi_geo_is_rush_hour (G_DATE_MONDAY, 15 * 60));
  g_assert_true (hibachi_geo_is_rush_hour (G_DATE_FRIDAY, 18 * 60 + 59));
  g_assert_false (hibachi_geo_is_rush_hour (G_DATE_FRIDAY, 19 * 60));
  g_assert_false (hibachi_geo_is_rush_hour (G_DATE_SATURDAY, 16 * 60));
  g_assert_false (hibachi_geo_is_rush_hour (G_DATE_SUNDAY, 16 * 60));
}

static void
test_travel_minutes (void)
{
  /* 35/1.3 miles is exactly one hour by road at 35 mph. */
  double hour_miles = HIBACHI_AVERAGE_SPEED_MPH / HIBACHI_ROAD_FACTOR;

  g_assert_cmpuint (hibachi_geo_travel_minutes (hour_miles, G_DATE_SATURDAY, 16 * 60), ==, 60);
  g_assert_cmpuint (hibachi_geo_travel_minutes (hour_miles, G_DATE_TUESDAY, 16 * 60), ==, 90);
  g_assert_cmpuint (hibachi_geo_travel_minutes (hour_miles, G_DATE_TUESDAY, 14 * 60 + 59), ==, 60);
  g_assert_cmpuint (hibachi_geo_travel_minutes (hour_miles, G_DATE_TUESDAY, 19 * 60), ==, 60);
  /* Partial minutes round up. */
  g_assert_cmpuint (hibachi_geo_travel_minutes (1.0, G_DATE_SATURDAY, 0), ==, 3);
  g_assert_cmpuint (hibachi_geo_travel_minutes (0.0, G_DATE_SATURDAY, 0), ==, 0);
  g_assert_cmpuint (hibachi_geo_travel_minutes (-5.0, G_DATE_SATURDAY, 0), ==, 0);

  g_assert_true (hibachi_geo_travel_is_acceptable (90));
  g_assert_false (hibachi_geo_travel_is_acceptable (91));
}

static void
test_service_area (void)
{
  HibachiStationArea stations[] = {
    { "fremont", fremont, 150, 150, TRUE },
    { "sacramento", sacramento, 100, 60, TRUE },
    { "closed", { 37.0, -121.0 }, 150, 150, FALSE },
  };
  HibachiServiceCheck check;

  /* Near Sacramento: nearest is Sacramento, inside. */
  hibachi_geo_check_service_area (stations, G_N_ELEMENTS (stations), north_of (sacramento, 5), &check);
  g_assert_cmpint (check.station_index, ==, 1);
  g_assert_cmpfloat_with_epsilon (check.distance_miles, 5.0, 1e-6);
  g_assert_true (check.is_serviceable);
  g_assert_false (check.requires_escalation);
  g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_INSIDE);

  /* 80 miles north of Sacramento: within 100 service, beyond 60 escalation. */
  hibachi_geo_check_service_area (stations, G_N_ELEMENTS (stations), north_of (sacramento, 80), &check);
  g_assert_cmpint (check.station_index, ==, 1);
  g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_NEEDS_ESCALATION);
  g_assert_cmpstr (hibachi_service_verdict_to_string (check.verdict), ==, "needs_escalation");

  /* 120 miles north: outside. */
  hibachi_geo_check_service_area (stations, G_N_ELEMENTS (stations), north_of (sacramento, 120), &check);
  g_assert_false (check.is_serviceable);
  g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_OUTSIDE);

  /* The inactive station is never chosen, however near. */
  hibachi_geo_check_service_area (stations, G_N_ELEMENTS (stations), stations[2].location, &check);
  g_assert_cmpint (check.station_index, !=, 2);

  /* The editor's order (escalation >= service): between the service and
   * the escalation radius a booking needs escalation, beyond it, outside. */
  {
    HibachiStationArea outer_ring = { "fresno", fremont, 100, 150, TRUE };

    hibachi_geo_check_service_area (&outer_ring, 1, north_of (fremont, 90), &check);
    g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_INSIDE);
    hibachi_geo_check_service_area (&outer_ring, 1, north_of (fremont, 120), &check);
    g_assert_true (check.is_serviceable);
    g_assert_true (check.requires_escalation);
    g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_NEEDS_ESCALATION);
    hibachi_geo_check_service_area (&outer_ring, 1, north_of (fremont, 160), &check);
    g_assert_false (check.is_serviceable);
    g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_OUTSIDE);
  }

  /* No active station at all. */
  hibachi_geo_check_service_area (&stations[2], 1, fremont, &check);
  g_assert_cmpint (check.station_index, ==, -1);
  g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_OUTSIDE);
}

static void
test_service_area_edges (void)
{
  HibachiStationArea station = { "fremont", fremont, 50, 40, TRUE };
  HibachiServiceCheck check;

  /* Exactly on the service radius is inside (≤), just beyond the escalation radius escalates. */
  station.escalation_radius_miles = 50;
  hibachi_geo_check_service_area (&station, 1, north_of (fremont, 50.0 - 1e-7), &check);
  g_assert_true (check.is_serviceable);
  g_assert_cmpint (check.verdict, ==, HIBACHI_SERVICE_INSIDE);
  hibachi_geo_check_service_area (&station, 1, north_of (fremont, 50.001), &check);
  g_assert_false (check.is_serviceable);
  g_assert_true (check.requires_escalation);
}

static void
test_destination (void)
{
  const HibachiLatLng origins[] = { fremont, { 0.0, 10.0 }, { 64.8, -147.7 }, { -33.9, 151.2 } };
  HibachiLatLng ring[72];

  /* North along the meridian: latitude grows by miles / miles-per-degree. */
  g_assert_cmpfloat_with_epsilon (hibachi_geo_destination (fremont, 0, 69.0).lat,
                                  fremont.lat + 69.0 / MILES_PER_DEGREE_LAT, 1e-9);
  g_assert_cmpfloat_with_epsilon (hibachi_geo_destination (fremont, 0, 69.0).lng, fremont.lng, 1e-9);
  /* East of Fremont: same distance, further east, about the same latitude. */
  g_assert_cmpfloat (hibachi_geo_destination (fremont, 90, 50.0).lng, >, fremont.lng);

  /* Every point of a circle is its radius away, at every latitude: far
   * north a degree of longitude is short, so a circle is wide in degrees. */
  for (guint o = 0; o < G_N_ELEMENTS (origins); o++)
    for (guint r = 0; r < 3; r++)
      {
        double miles = (double []) { 0.5, 150.0, 500.0 }[r];

        hibachi_geo_circle (origins[o], miles, G_N_ELEMENTS (ring), ring);
        for (guint i = 0; i < G_N_ELEMENTS (ring); i++)
          g_assert_cmpfloat_with_epsilon (hibachi_geo_distance_miles (origins[o], ring[i]), miles, miles * 1e-9);
      }
  hibachi_geo_circle ((HibachiLatLng) { 64.8, -147.7 }, 100.0, 4, ring);
  g_assert_cmpfloat (fabs (ring[1].lng - -147.7), >, 2.0 * fabs (ring[0].lat - 64.8));

  /* Across the antimeridian the longitude wraps into -180..180. */
  g_assert_cmpfloat (hibachi_geo_destination ((HibachiLatLng) { 0.0, 179.9 }, 90, 50.0).lng, <, -179.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/geo/distance", test_distance);
  g_test_add_func ("/hibachi/geo/rush-hour", test_rush_hour);
  g_test_add_func ("/hibachi/geo/travel-minutes", test_travel_minutes);
  g_test_add_func ("/hibachi/geo/service-area", test_service_area);
  g_test_add_func ("/hibachi/geo/service-area-edges", test_service_area_edges);
  g_test_add_func ("/hibachi/geo/destination", test_destination);

  return g_test_run ();
}
