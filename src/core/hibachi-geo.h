/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-geo.h: great-circle distance, road travel time (SPEC §8.3) and the
 * service-area verdict of the nearest station (SPEC §8.5).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HIBACHI_EARTH_RADIUS_MILES        3958.7613
#define HIBACHI_ROAD_FACTOR                  1.3
#define HIBACHI_AVERAGE_SPEED_MPH           35.0
#define HIBACHI_RUSH_HOUR_FACTOR             1.5
#define HIBACHI_RUSH_HOUR_START_MINUTES    (15 * 60)
#define HIBACHI_RUSH_HOUR_END_MINUTES      (19 * 60)
#define HIBACHI_MAX_ACCEPTABLE_TRAVEL_MINUTES 90

typedef struct
{
  double lat;
  double lng;
} HibachiLatLng;

typedef enum
{
  HIBACHI_SERVICE_INSIDE,
  HIBACHI_SERVICE_NEEDS_ESCALATION,
  HIBACHI_SERVICE_OUTSIDE,
} HibachiServiceVerdict;

typedef struct
{
  const char    *id;
  HibachiLatLng  location;
  double         service_radius_miles;
  double         escalation_radius_miles;
  gboolean       is_active;
} HibachiStationArea;

typedef struct
{
  int                    station_index;   /* -1 when no active station exists */
  double                 distance_miles;
  gboolean               is_serviceable;
  gboolean               requires_escalation;
  HibachiServiceVerdict  verdict;
} HibachiServiceCheck;

double      hibachi_geo_distance_miles       (HibachiLatLng         a,
                                              HibachiLatLng         b);
gboolean    hibachi_geo_is_rush_hour         (GDateWeekday          weekday,
                                              int                   departure_minutes);
guint       hibachi_geo_travel_minutes       (double                miles,
                                              GDateWeekday          weekday,
                                              int                   departure_minutes);
gboolean    hibachi_geo_travel_is_acceptable (guint                 travel_minutes);
void        hibachi_geo_check_service_area   (const HibachiStationArea *stations,
                                              guint                 n_stations,
                                              HibachiLatLng         point,
                                              HibachiServiceCheck  *out_check);
const char *hibachi_service_verdict_to_string (HibachiServiceVerdict verdict);
const char *hibachi_service_verdict_describe (HibachiServiceVerdict verdict);

/* The point @miles from @from along the great circle that leaves it at
 * @bearing_degrees (0 north, 90 east). */
HibachiLatLng hibachi_geo_destination        (HibachiLatLng         from,
                                              double                bearing_degrees,
                                              double                miles);
/* @n_points points of the circle of @miles around @center, clockwise from
 * north: each is a destination point, so the ring is true to the miles on
 * the sphere at every latitude and every zoom of a map. */
void          hibachi_geo_circle             (HibachiLatLng         center,
                                              double                miles,
                                              guint                 n_points,
                                              HibachiLatLng        *out_points);

G_END_DECLS
