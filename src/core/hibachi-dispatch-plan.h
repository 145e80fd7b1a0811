/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-plan.h: the dispatch board's rules over one snapshot
 * (a station's chefs and bookings, as GET /api/v1/dispatch sends them):
 * what assigning a booking to a chef would meet (the checks of SPEC §8.3
 * and the score of §8.4, the same code the server decides with), and
 * "suggest for the day". Pure logic: no GTK, no network. */
#pragma once

#include <json-glib/json-glib.h>

#include "hibachi-assignment.h"

G_BEGIN_DECLS

typedef struct
{
  HibachiLatLng  station_location;
  JsonObject   **chefs;       /* with their "time_off" array */
  guint          n_chefs;
  JsonObject   **bookings;    /* not cancelled, not deleted */
  guint          n_bookings;
} HibachiDispatchSnapshot;

typedef struct
{
  const char *booking_id;     /* points into the snapshot */
  const char *chef_id;
  double      score;
} HibachiDispatchProposal;

/* Assigning @booking to @chef, with the chef's other bookings of that day
 * in @snapshot (@booking itself is skipped wherever it is). Returns the
 * issues (HibachiAssignmentIssue, owned); @out_score, when not NULL,
 * receives the score (its travel_minutes: from the chef's previous event
 * that day, else from the station). */
GPtrArray  *hibachi_dispatch_check            (const HibachiDispatchSnapshot *snapshot,
                                               JsonObject                    *booking,
                                               JsonObject                    *chef,
                                               HibachiSuggestionScore        *out_score);
/* The same where the chef also has @extra (bookings not with the chef in
 * the snapshot yet: proposals, a day being moved), booking JSON objects. */
GPtrArray  *hibachi_dispatch_check_with       (const HibachiDispatchSnapshot *snapshot,
                                               JsonObject                    *booking,
                                               JsonObject                    *chef,
                                               GPtrArray                     *extra,
                                               HibachiSuggestionScore        *out_score);
/* The messages of @issues (HibachiAssignmentIssue) of @severity, in order,
 * one sentence after the other. */
char       *hibachi_dispatch_join_issues      (GPtrArray                     *issues,
                                               HibachiIssueSeverity           severity);
/* The booking is waiting for a chef: pending or confirmed, none assigned. */
gboolean    hibachi_dispatch_is_unassigned    (JsonObject                    *booking);
/* The same rule, given the booking's "status" and "chef_id". */
gboolean    hibachi_dispatch_waits_for_chef   (const char                    *status,
                                               const char                    *chef_id);
/* Orders bookings most urgent first: date, slot, then creation. */
int         hibachi_dispatch_compare_urgency  (JsonObject                    *a,
                                               JsonObject                    *b);
/* The time off covering @date of @chef ("Vacation"), or NULL: the reason
 * (or "" when none was given) of the first range that covers it. */
const char *hibachi_dispatch_time_off_reason  (JsonObject                    *chef,
                                               const GDate                   *date);
/* Proposes a chef for every unassigned booking of @date, most urgent first:
 * the best-scoring chef without a conflict, counting the proposals already
 * made (nobody is booked twice); a booking no chef can take gets none.
 * Returns HibachiDispatchProposal values in that order. */
GArray     *hibachi_dispatch_suggest_day      (const HibachiDispatchSnapshot *snapshot,
                                               const GDate                   *date);

G_END_DECLS
