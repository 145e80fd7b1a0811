/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-station"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-station.h"

struct _HibachiStation
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiStation, hibachi_station, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "code", "code", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "name", "name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "display_name", "display-name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "address", "address", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "city", "city", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "state", "state", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "postal_code", "postal-code", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "phone", "phone", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "email", "email", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "timezone", "timezone", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "lat", "lat", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "lng", "lng", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "service_radius_miles", "service-radius-miles", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "escalation_radius_miles", "escalation-radius-miles", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "is_active", "is-active", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "created_at", "created-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "updated_at", "updated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_station_class_init (HibachiStationClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "id", N_("station"));
}

static void
hibachi_station_init (HibachiStation *self)
{
}

HibachiStation *
hibachi_station_new_from_json (JsonNode  *node,
                               GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_STATION, node, error);
}

const char *
hibachi_station_get_name (HibachiStation *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "name");
}

const char *
hibachi_station_get_code (HibachiStation *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "code");
}

const char *
hibachi_station_get_timezone (HibachiStation *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "timezone");
}

double
hibachi_station_get_lat (HibachiStation *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "lat");
}

double
hibachi_station_get_lng (HibachiStation *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "lng");
}

double
hibachi_station_get_service_radius_miles (HibachiStation *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "service_radius_miles");
}

double
hibachi_station_get_escalation_radius_miles (HibachiStation *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "escalation_radius_miles");
}

gboolean
hibachi_station_get_is_active (HibachiStation *self)
{
  return hibachi_resource_get_boolean (HIBACHI_RESOURCE (self), "is_active");
}
