/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-station.h: a station (GET /api/v1/stations).
 * Its JSON shape is the field table in hibachi-station.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_STATION (hibachi_station_get_type ())
G_DECLARE_FINAL_TYPE (HibachiStation, hibachi_station, HIBACHI, STATION, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a station. */
HibachiStation *hibachi_station_new_from_json               (JsonNode  *node,
                                                             GError   **error);
const char     *hibachi_station_get_name                    (HibachiStation *self);
const char     *hibachi_station_get_code                    (HibachiStation *self);
const char     *hibachi_station_get_timezone                (HibachiStation *self);
double          hibachi_station_get_lat                     (HibachiStation *self);
double          hibachi_station_get_lng                     (HibachiStation *self);
double          hibachi_station_get_service_radius_miles    (HibachiStation *self);
double          hibachi_station_get_escalation_radius_miles (HibachiStation *self);
gboolean        hibachi_station_get_is_active               (HibachiStation *self);

G_END_DECLS
