/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-audit-entry.h: an entry of the audit log (GET /api/v1/audit-logs,
 * a booking's history).
 * Its JSON shape is the field table in hibachi-audit-entry.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_AUDIT_ENTRY (hibachi_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (HibachiAuditEntry, hibachi_audit_entry, HIBACHI, AUDIT_ENTRY, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not an audit entry. */
HibachiAuditEntry *hibachi_audit_entry_new_from_json     (JsonNode  *node,
                                                          GError   **error);
const char        *hibachi_audit_entry_get_at            (HibachiAuditEntry *self);
const char        *hibachi_audit_entry_get_action        (HibachiAuditEntry *self);
const char        *hibachi_audit_entry_get_actor_email   (HibachiAuditEntry *self);
const char        *hibachi_audit_entry_get_reason        (HibachiAuditEntry *self);
JsonObject        *hibachi_audit_entry_get_changes       (HibachiAuditEntry *self);

G_END_DECLS
