/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-chef.h: a chef of a station (GET /api/v1/chefs).
 * Its JSON shape is the field table in hibachi-chef.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_CHEF (hibachi_chef_get_type ())
G_DECLARE_FINAL_TYPE (HibachiChef, hibachi_chef, HIBACHI, CHEF, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a chef. */
HibachiChef *hibachi_chef_new_from_json      (JsonNode  *node,
                                              GError   **error);
const char  *hibachi_chef_get_name           (HibachiChef *self);
const char  *hibachi_chef_get_station_id     (HibachiChef *self);
gint64       hibachi_chef_get_skill_level    (HibachiChef *self);
gint64       hibachi_chef_get_max_party_size (HibachiChef *self);
double       hibachi_chef_get_rating         (HibachiChef *self);
gboolean     hibachi_chef_get_is_active      (HibachiChef *self);

G_END_DECLS
