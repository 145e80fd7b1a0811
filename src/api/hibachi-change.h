/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-change.h: one change a client made (GET /api/v1/changes), named by
 * the changed resource's id.
 * Its JSON shape is the field table in hibachi-change.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_CHANGE (hibachi_change_get_type ())
G_DECLARE_FINAL_TYPE (HibachiChange, hibachi_change, HIBACHI, CHANGE, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a change. */
HibachiChange *hibachi_change_new_from_json     (JsonNode  *node,
                                                 GError   **error);
gint64         hibachi_change_get_seq           (HibachiChange *self);
const char    *hibachi_change_get_resource      (HibachiChange *self);
const char    *hibachi_change_get_action        (HibachiChange *self);
const char    *hibachi_change_get_actor         (HibachiChange *self);
const char    *hibachi_change_get_actor_name    (HibachiChange *self);

G_END_DECLS
