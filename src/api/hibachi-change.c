/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-change.h"

struct _HibachiChange
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiChange, hibachi_change, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "seq", "seq", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "resource", "resource", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "action", "action", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_NULLABLE },
  { "actor", "actor", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "actor_name", "actor-name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE | HIBACHI_FIELD_OPTIONAL },
  { "at", "at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_change_class_init (HibachiChangeClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "id", N_("change"));
}

static void
hibachi_change_init (HibachiChange *self)
{
}

HibachiChange *
hibachi_change_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_CHANGE, node, error);
}

gint64
hibachi_change_get_seq (HibachiChange *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "seq");
}

const char *
hibachi_change_get_resource (HibachiChange *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "resource");
}

const char *
hibachi_change_get_action (HibachiChange *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "action");
}

const char *
hibachi_change_get_actor (HibachiChange *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "actor");
}

const char *
hibachi_change_get_actor_name (HibachiChange *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "actor_name");
}
