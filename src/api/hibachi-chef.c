/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-chef"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-chef.h"

struct _HibachiChef
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiChef, hibachi_chef, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "station_id", "station-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "name", "name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "email", "email", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "phone", "phone", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "skill_level", "skill-level", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "max_party_size", "max-party-size", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "rating", "rating", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "is_active", "is-active", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "weekly_availability", "weekly-availability", HIBACHI_FIELD_OBJECT, HIBACHI_FIELD_OPTIONAL },
  { "time_off", "time-off", HIBACHI_FIELD_ARRAY, HIBACHI_FIELD_OPTIONAL },
  { "created_at", "created-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "updated_at", "updated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_chef_class_init (HibachiChefClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "id", N_("chef"));
}

static void
hibachi_chef_init (HibachiChef *self)
{
}

HibachiChef *
hibachi_chef_new_from_json (JsonNode  *node,
                            GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_CHEF, node, error);
}

const char *
hibachi_chef_get_name (HibachiChef *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "name");
}

const char *
hibachi_chef_get_station_id (HibachiChef *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "station_id");
}

gint64
hibachi_chef_get_skill_level (HibachiChef *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "skill_level");
}

gint64
hibachi_chef_get_max_party_size (HibachiChef *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "max_party_size");
}

double
hibachi_chef_get_rating (HibachiChef *self)
{
  return hibachi_resource_get_double (HIBACHI_RESOURCE (self), "rating");
}

gboolean
hibachi_chef_get_is_active (HibachiChef *self)
{
  return hibachi_resource_get_boolean (HIBACHI_RESOURCE (self), "is_active");
}
