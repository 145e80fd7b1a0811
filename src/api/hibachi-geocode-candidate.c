/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-geocode-candidate"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hibachi-geocode-candidate.h"

struct _HibachiGeocodeCandidate
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiGeocodeCandidate, hibachi_geocode_candidate, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "label", "label", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "lat", "lat", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "lng", "lng", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "kind", "kind", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "source", "source", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

/* A point off the globe is no place to send a chef. */
static const char *
check (JsonObject *json)
{
  double lat = json_object_get_double_member (json, "lat");
  double lng = json_object_get_double_member (json, "lng");

  if (!isfinite (lat) || fabs (lat) > 90)
    return "lat";
  if (!isfinite (lng) || fabs (lng) > 180)
    return "lng";
  return NULL;
}

static void
hibachi_geocode_candidate_class_init (HibachiGeocodeCandidateClass *klass)
{
  HibachiResourceClass *resource_class = HIBACHI_RESOURCE_CLASS (klass);

  resource_class->check = check;
  hibachi_resource_class_set_fields (resource_class, fields, "label", N_("place"));
}

static void
hibachi_geocode_candidate_init (HibachiGeocodeCandidate *self)
{
}

HibachiGeocodeCandidate *
hibachi_geocode_candidate_new_from_json (JsonNode  *node,
                                         GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_GEOCODE_CANDIDATE, node, error);
}

const char *
hibachi_geocode_candidate_get_label (HibachiGeocodeCandidate *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "label");
}

double
hibachi_geocode_candidate_get_lat (HibachiGeocodeCandidate *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "lat");
}

double
hibachi_geocode_candidate_get_lng (HibachiGeocodeCandidate *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "lng");
}

const char *
hibachi_geocode_candidate_get_kind (HibachiGeocodeCandidate *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "kind");
}

const char *
hibachi_geocode_candidate_get_source (HibachiGeocodeCandidate *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "source");
}
