/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-geo"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hibachi-geo.h"

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

double
hibachi_geo_distance_miles (HibachiLatLng a,
                            HibachiLatLng b)
{
  double dlat = radians (b.lat - a.lat);
  double dlng = radians (b.lng - a.lng);
  double h;

  /* Haversine; the clamp guards against rounding past 1 for antipodes. */
  h = sin (dlat / 2) * sin (dlat / 2) +
      cos (radians (a.lat)) * cos (radians (b.lat)) * sin (dlng / 2) * sin (dlng / 2);
  h = CLAMP (h, 0.0, 1.0);

  return 2.0 * HIBACHI_EARTH_RADIUS_MILES * asin (sqrt (h));
}

gboolean
hibachi_geo_is_rush_hour (GDateWeekday weekday,
                          int          departure_minutes)
{
  if (weekday < G_DATE_MONDAY || weekday > G_DATE_FRIDAY)
    return FALSE;

  return departure_minutes >= HIBACHI_RUSH_HOUR_START_MINUTES &&
         departure_minutes < HIBACHI_RUSH_HOUR_END_MINUTES;
}

guint
hibachi_geo_travel_minutes (double       miles,
                            GDateWeekday weekday,
                            int          departure_minutes)
{
  double minutes;

  if (!isfinite (miles) || miles <= 0.0)
    return 0;

  minutes = miles * HIBACHI_ROAD_FACTOR / HIBACHI_AVERAGE_SPEED_MPH * 60.0;
  if (hibachi_geo_is_rush_hour (weekday, departure_minutes))
    minutes *= HIBACHI_RUSH_HOUR_FACTOR;

  /* Whole minutes, rounded up: a chef is never planned to arrive early by rounding.
   * The small epsilon keeps exact products (e.g. 42.0000000001) from gaining a minute. */
  return (guint) ceil (minutes - 1e-9);
}

gboolean
hibachi_geo_travel_is_acceptable (guint travel_minutes)
{
  return travel_minutes <= HIBACHI_MAX_ACCEPTABLE_TRAVEL_MINUTES;
}

void
hibachi_geo_check_service_area (const HibachiStationArea *stations,
                                guint                     n_stations,
                                HibachiLatLng             point,
                                HibachiServiceCheck      *out_check)
{
  const HibachiStationArea *nearest = NULL;

  g_return_if_fail (out_check != NULL);

  out_check->station_index = -1;
  out_check->distance_miles = 0.0;

  for (guint i = 0; i < n_stations; i++)
    {
      double d;

      if (!stations[i].is_active)
        continue;

      d = hibachi_geo_distance_miles (stations[i].location, point);
      if (nearest == NULL || d < out_check->distance_miles)
        {
          nearest = &stations[i];
          out_check->station_index = (int) i;
          out_check->distance_miles = d;
        }
    }

  if (nearest == NULL)
    {
      out_check->is_serviceable = FALSE;
      out_check->requires_escalation = FALSE;
      out_check->verdict = HIBACHI_SERVICE_OUTSIDE;
      return;
    }

  /* Two rings, whichever radius is the larger: inside the inner one a
   * booking is accepted, between the two it needs escalation, beyond the
   * outer one it is outside. The company's backend keeps the escalation
   * radius inside the service radius ("serviceable within the service
   * radius, escalation beyond the escalation radius"); our editor asks for
   * escalation >= service (an outer ring needing approval). Both read the
   * same here, so "needs escalation" is reachable with either. */
  {
    double inner = MIN (nearest->service_radius_miles, nearest->escalation_radius_miles);
    double outer = MAX (nearest->service_radius_miles, nearest->escalation_radius_miles);

    out_check->is_serviceable = out_check->distance_miles <= outer;
    out_check->requires_escalation = out_check->distance_miles > inner;
  }

  if (!out_check->is_serviceable)
    out_check->verdict = HIBACHI_SERVICE_OUTSIDE;
  else if (out_check->requires_escalation)
    out_check->verdict = HIBACHI_SERVICE_NEEDS_ESCALATION;
  else
    out_check->verdict = HIBACHI_SERVICE_INSIDE;
}

const char *
hibachi_service_verdict_to_string (HibachiServiceVerdict verdict)
{
  switch (verdict)
    {
    case HIBACHI_SERVICE_INSIDE:
      return "inside";
    case HIBACHI_SERVICE_NEEDS_ESCALATION:
      return "needs_escalation";
    case HIBACHI_SERVICE_OUTSIDE:
      return "outside";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
hibachi_service_verdict_describe (HibachiServiceVerdict verdict)
{
  switch (verdict)
    {
    case HIBACHI_SERVICE_INSIDE:
      return _("Inside the service area");
    case HIBACHI_SERVICE_NEEDS_ESCALATION:
      return _("Needs escalation");
    case HIBACHI_SERVICE_OUTSIDE:
      return _("Outside the service area");
    default:
      g_return_val_if_reached (NULL);
    }
}

HibachiLatLng
hibachi_geo_destination (HibachiLatLng from,
                         double        bearing_degrees,
                         double        miles)
{
  double angular = miles / HIBACHI_EARTH_RADIUS_MILES;
  double bearing = radians (bearing_degrees);
  double lat1 = radians (from.lat);
  double lng1 = radians (from.lng);
  double sin_lat2;
  double lat2, lng2;
  HibachiLatLng to;

  sin_lat2 = sin (lat1) * cos (angular) + cos (lat1) * sin (angular) * cos (bearing);
  lat2 = asin (CLAMP (sin_lat2, -1.0, 1.0));
  lng2 = lng1 + atan2 (sin (bearing) * sin (angular) * cos (lat1),
                       cos (angular) - sin (lat1) * sin_lat2);

  to.lat = lat2 * 180.0 / G_PI;
  /* Back into -180..180 when the circle crosses the antimeridian. */
  to.lng = fmod (lng2 * 180.0 / G_PI + 540.0, 360.0) - 180.0;

  return to;
}

void
hibachi_geo_circle (HibachiLatLng  center,
                    double         miles,
                    guint          n_points,
                    HibachiLatLng *out_points)
{
  for (guint i = 0; i < n_points; i++)
    out_points[i] = hibachi_geo_destination (center, 360.0 * i / n_points, miles);
}
