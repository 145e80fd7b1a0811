/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-audit-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-audit-entry.h"

struct _HibachiAuditEntry
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiAuditEntry, hibachi_audit_entry, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "at", "at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "actor_id", "actor-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "actor_email", "actor-email", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "action", "action", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "resource_type", "resource-type", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "resource_id", "resource-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "station_id", "station-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE | HIBACHI_FIELD_OPTIONAL },
  { "reason", "reason", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "changes", "changes", HIBACHI_FIELD_OBJECT, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_audit_entry_class_init (HibachiAuditEntryClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "id", N_("audit entry"));
}

static void
hibachi_audit_entry_init (HibachiAuditEntry *self)
{
}

HibachiAuditEntry *
hibachi_audit_entry_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_AUDIT_ENTRY, node, error);
}

const char *
hibachi_audit_entry_get_at (HibachiAuditEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "at");
}

const char *
hibachi_audit_entry_get_action (HibachiAuditEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "action");
}

const char *
hibachi_audit_entry_get_actor_email (HibachiAuditEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "actor_email");
}

const char *
hibachi_audit_entry_get_reason (HibachiAuditEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "reason");
}

JsonObject *
hibachi_audit_entry_get_changes (HibachiAuditEntry *self)
{
  return hibachi_resource_get_object (HIBACHI_RESOURCE (self), "changes");
}
