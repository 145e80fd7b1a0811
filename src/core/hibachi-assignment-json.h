/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-assignment-json.h: the Admin API's chef and booking objects as
 * the inputs of the assignment rules (hibachi-assignment.h), for the server
 * (its rows) and the app (the dispatch snapshot) alike. The strings of the
 * results point into the JSON objects, which must outlive them. */
#pragma once

#include <json-glib/json-glib.h>

#include "hibachi-assignment.h"

G_BEGIN_DECLS

/* The members of a chef's weekly_availability, Monday first. */
extern const char * const hibachi_weekday_keys[7];

/* @time_off: the chef's time-off objects (start_date, end_date), or NULL;
 * @ranges: a GArray of HibachiDateRange that receives them and must
 * outlive @out_chef. */
void hibachi_assignment_chef_from_json    (JsonObject               *chef,
                                           JsonArray                *time_off,
                                           GArray                   *ranges,
                                           HibachiAssignmentChef    *out_chef);
void hibachi_assignment_booking_from_json (JsonObject               *booking,
                                           HibachiAssignmentBooking *out_booking);

G_END_DECLS
