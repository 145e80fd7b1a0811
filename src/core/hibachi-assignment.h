/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-assignment.h: assignment checks (SPEC §8.3) and the chef
 * suggestion score (SPEC §8.4).
 *
 * A chef's other bookings are those on the same date as the booking being
 * checked. Travel between events departs at the end of the previous event's
 * cleanup and must arrive by the next event's setup.
 */
#pragma once

#include <glib.h>

#include "hibachi-geo.h"

G_BEGIN_DECLS

#define HIBACHI_MAX_EVENTS_PER_DAY         3
#define HIBACHI_SCORE_WEIGHT_TRAVEL       40.0
#define HIBACHI_SCORE_WEIGHT_SKILL        20.0
#define HIBACHI_SCORE_WEIGHT_WORKLOAD     15.0
#define HIBACHI_SCORE_WEIGHT_RATING       15.0
#define HIBACHI_SCORE_WEIGHT_PREFERENCE   10.0
#define HIBACHI_SCORE_REQUESTED_BONUS     50.0
#define HIBACHI_SCORE_TRAVEL_FULL_MINUTES 30
#define HIBACHI_SCORE_TRAVEL_ZERO_MINUTES 90
#define HIBACHI_PARTY_SMALL_MAX_GUESTS    15
#define HIBACHI_PARTY_MEDIUM_MAX_GUESTS   30
#define HIBACHI_SKILL_LEVEL_MAX            5
/* Skill level a party of each size needs for a full skill score. */
#define HIBACHI_SKILL_NEEDED_SMALL         1
#define HIBACHI_SKILL_NEEDED_MEDIUM        3
#define HIBACHI_SKILL_NEEDED_LARGE         4
#define HIBACHI_RATING_MAX                 5.0

typedef struct
{
  const char    *id;
  const char    *station_id;
  GDate          date;
  int            start_minutes;
  guint          guests;
  HibachiLatLng  venue;
  const char    *requested_chef_id;
} HibachiAssignmentBooking;

typedef struct
{
  GDate first;
  GDate last;     /* inclusive */
} HibachiDateRange;

typedef struct
{
  const char             *id;
  const char             *name;
  const char             *station_id;
  guint                   skill_level;            /* 1–5 */
  guint                   max_party_size;
  double                  rating;                 /* 0–5 */
  gboolean                is_active;
  guint8                  weekly_slots[7];        /* Monday = 0; bit i = slot i */
  const HibachiDateRange *time_off;
  guint                   n_time_off;
} HibachiAssignmentChef;

typedef struct
{
  const HibachiAssignmentBooking *booking;
  const HibachiAssignmentChef    *chef;
  HibachiLatLng                   station_location;
  const HibachiAssignmentBooking *others;         /* the chef's other bookings that day */
  guint                           n_others;
  gboolean                        served_customer_before;
} HibachiAssignmentContext;

typedef enum
{
  HIBACHI_ISSUE_CONFLICT,
  HIBACHI_ISSUE_WARNING,
} HibachiIssueSeverity;

typedef enum
{
  /* conflicts */
  HIBACHI_ISSUE_OVERLAP,
  HIBACHI_ISSUE_LATE_ARRIVAL,
  HIBACHI_ISSUE_TIME_OFF,
  HIBACHI_ISSUE_UNAVAILABLE,
  HIBACHI_ISSUE_INACTIVE,
  HIBACHI_ISSUE_OTHER_STATION,
  /* warnings */
  HIBACHI_ISSUE_TIGHT_TRAVEL,
  HIBACHI_ISSUE_LONG_TRAVEL,
  HIBACHI_ISSUE_WORKLOAD,
  HIBACHI_ISSUE_PARTY_TOO_LARGE,
} HibachiIssueCode;

typedef struct
{
  HibachiIssueCode      code;
  HibachiIssueSeverity  severity;
  char                 *message;      /* translated */
  char                 *booking_id;   /* the other booking involved, or NULL */
} HibachiAssignmentIssue;

typedef struct
{
  double travel;
  double skill;
  double workload;
  double rating;
  double preference;
  double requested_bonus;
  double total;
  guint  travel_minutes;
} HibachiSuggestionScore;

typedef struct
{
  const HibachiAssignmentChef *chef;
  HibachiSuggestionScore       score;
  GPtrArray                   *issues;   /* HibachiAssignmentIssue, owned */
  gboolean                     has_conflict;
} HibachiSuggestion;

void        hibachi_assignment_issue_free      (HibachiAssignmentIssue *issue);
const char *hibachi_issue_code_to_string       (HibachiIssueCode        code);
const char *hibachi_issue_severity_to_string   (HibachiIssueSeverity    severity);
gboolean    hibachi_date_range_contains        (const HibachiDateRange *range,
                                                const GDate            *date);

GPtrArray  *hibachi_assignment_check           (const HibachiAssignmentContext *context);
gboolean    hibachi_assignment_issues_have_conflict (GPtrArray        *issues);

void        hibachi_suggestion_compute_score   (const HibachiAssignmentContext *context,
                                                HibachiSuggestionScore         *out_score);
void        hibachi_suggestion_init            (HibachiSuggestion              *suggestion,
                                                const HibachiAssignmentContext *context);
void        hibachi_suggestion_clear           (HibachiSuggestion              *suggestion);
void        hibachi_suggestions_rank           (HibachiSuggestion              *suggestions,
                                                guint                           n_suggestions);

G_END_DECLS
