/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-assignment"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hibachi-assignment.h"
#include "hibachi-schedule.h"

void
hibachi_assignment_issue_free (HibachiAssignmentIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->message);
  g_free (issue->booking_id);
  g_free (issue);
}

const char *
hibachi_issue_code_to_string (HibachiIssueCode code)
{
  switch (code)
    {
    case HIBACHI_ISSUE_OVERLAP:         return "overlap";
    case HIBACHI_ISSUE_LATE_ARRIVAL:    return "late_arrival";
    case HIBACHI_ISSUE_TIME_OFF:        return "time_off";
    case HIBACHI_ISSUE_UNAVAILABLE:     return "unavailable";
    case HIBACHI_ISSUE_INACTIVE:        return "inactive";
    case HIBACHI_ISSUE_OTHER_STATION:   return "other_station";
    case HIBACHI_ISSUE_TIGHT_TRAVEL:    return "tight_travel";
    case HIBACHI_ISSUE_LONG_TRAVEL:     return "long_travel";
    case HIBACHI_ISSUE_WORKLOAD:        return "workload";
    case HIBACHI_ISSUE_PARTY_TOO_LARGE: return "party_too_large";
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
hibachi_issue_severity_to_string (HibachiIssueSeverity severity)
{
  return severity == HIBACHI_ISSUE_CONFLICT ? "conflict" : "warning";
}

gboolean
hibachi_date_range_contains (const HibachiDateRange *range,
                             const GDate            *date)
{
  return g_date_compare (&range->first, date) <= 0 && g_date_compare (date, &range->last) <= 0;
}

static void
add_issue (GPtrArray            *issues,
           HibachiIssueCode      code,
           HibachiIssueSeverity  severity,
           const char           *booking_id,
           char                 *message)
{
  HibachiAssignmentIssue *issue = g_new0 (HibachiAssignmentIssue, 1);

  issue->code = code;
  issue->severity = severity;
  issue->message = message;
  issue->booking_id = g_strdup (booking_id);
  g_ptr_array_add (issues, issue);
}

static HibachiTimeWindow
booking_window (const HibachiAssignmentBooking *booking)
{
  return hibachi_event_window (booking->start_minutes, booking->guests);
}

static gboolean
is_same_booking (const HibachiAssignmentBooking *a,
                 const HibachiAssignmentBooking *b)
{
  return a == b || (a->id != NULL && b->id != NULL && strcmp (a->id, b->id) == 0);
}

/* The other booking whose cleanup ends last at or before @booking's setup
 * starts, i.e. where the chef comes from. */
static const HibachiAssignmentBooking *
find_previous (const HibachiAssignmentContext *context)
{
  HibachiTimeWindow mine = booking_window (context->booking);
  const HibachiAssignmentBooking *best = NULL;
  int best_end = G_MININT;

  for (guint i = 0; i < context->n_others; i++)
    {
      const HibachiAssignmentBooking *other = &context->others[i];
      HibachiTimeWindow w = booking_window (other);

      if (is_same_booking (other, context->booking) || w.end > mine.start)
        continue;
      if (w.end > best_end)
        {
          best = other;
          best_end = w.end;
        }
    }

  return best;
}

static const HibachiAssignmentBooking *
find_next (const HibachiAssignmentContext *context)
{
  HibachiTimeWindow mine = booking_window (context->booking);
  const HibachiAssignmentBooking *best = NULL;
  int best_start = G_MAXINT;

  for (guint i = 0; i < context->n_others; i++)
    {
      const HibachiAssignmentBooking *other = &context->others[i];
      HibachiTimeWindow w = booking_window (other);

      if (is_same_booking (other, context->booking) || w.start < mine.end)
        continue;
      if (w.start < best_start)
        {
          best = other;
          best_start = w.start;
        }
    }

  return best;
}

static guint
travel_between (const HibachiAssignmentBooking *from,
                const HibachiAssignmentBooking *to)
{
  HibachiTimeWindow w = booking_window (from);
  double miles = hibachi_geo_distance_miles (from->venue, to->venue);

  return hibachi_geo_travel_minutes (miles, g_date_get_weekday (&from->date), w.end);
}

/* Checks the leg from @from to @to (both the chef's, @to after @from). */
static void
check_leg (GPtrArray                      *issues,
           const HibachiAssignmentBooking *from,
           const HibachiAssignmentBooking *to,
           const char                     *other_id)
{
  HibachiTimeWindow from_w = booking_window (from);
  HibachiTimeWindow to_w = booking_window (to);
  guint travel = travel_between (from, to);
  int arrival = from_w.end + (int) travel;

  if (arrival > to->start_minutes)
    {
      g_autofree char *at = hibachi_format_minutes (arrival);
      g_autofree char *start = hibachi_format_minutes (to->start_minutes);

      add_issue (issues, HIBACHI_ISSUE_LATE_ARRIVAL, HIBACHI_ISSUE_CONFLICT, other_id,
                 g_strdup_printf (_("With %u minutes of travel between events the chef would arrive at %s, after the %s start."),
                                  travel, at, start));
    }
  else if (arrival > to_w.start)
    {
      add_issue (issues, HIBACHI_ISSUE_TIGHT_TRAVEL, HIBACHI_ISSUE_WARNING, other_id,
                 g_strdup_printf (_("Travel between events (%u minutes) leaves only %d of the %d setup minutes."),
                                  travel, to->start_minutes - arrival, HIBACHI_SETUP_MINUTES));
    }

  if (!hibachi_geo_travel_is_acceptable (travel))
    add_issue (issues, HIBACHI_ISSUE_LONG_TRAVEL, HIBACHI_ISSUE_WARNING, other_id,
               g_strdup_printf (_("Travel between events takes %u minutes; more than %d is not acceptable."),
                                travel, HIBACHI_MAX_ACCEPTABLE_TRAVEL_MINUTES));
}

static guint
count_other_events (const HibachiAssignmentContext *context)
{
  guint n = 0;

  for (guint i = 0; i < context->n_others; i++)
    if (!is_same_booking (&context->others[i], context->booking))
      n++;

  return n;
}

GPtrArray *
hibachi_assignment_check (const HibachiAssignmentContext *context)
{
  const HibachiAssignmentBooking *booking;
  const HibachiAssignmentChef *chef;
  const HibachiAssignmentBooking *previous, *next;
  GPtrArray *issues;
  HibachiTimeWindow mine;
  int slot, weekday;
  guint n_events;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (context->booking != NULL, NULL);
  g_return_val_if_fail (context->chef != NULL, NULL);

  booking = context->booking;
  chef = context->chef;
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_assignment_issue_free);

  if (!chef->is_active)
    add_issue (issues, HIBACHI_ISSUE_INACTIVE, HIBACHI_ISSUE_CONFLICT, NULL,
               g_strdup (_("The chef is not active.")));

  if (g_strcmp0 (chef->station_id, booking->station_id) != 0)
    add_issue (issues, HIBACHI_ISSUE_OTHER_STATION, HIBACHI_ISSUE_CONFLICT, NULL,
               g_strdup (_("The chef belongs to another station.")));

  for (guint i = 0; i < chef->n_time_off; i++)
    {
      if (hibachi_date_range_contains (&chef->time_off[i], &booking->date))
        {
          add_issue (issues, HIBACHI_ISSUE_TIME_OFF, HIBACHI_ISSUE_CONFLICT, NULL,
                     g_strdup (_("The chef is on time off that day.")));
          break;
        }
    }

  weekday = g_date_get_weekday (&booking->date) - G_DATE_MONDAY;
  slot = hibachi_slot_index_for_minutes (booking->start_minutes);
  if (slot < 0 || (chef->weekly_slots[weekday] & (1u << slot)) == 0)
    {
      g_autofree char *start = hibachi_format_minutes (booking->start_minutes);

      add_issue (issues, HIBACHI_ISSUE_UNAVAILABLE, HIBACHI_ISSUE_CONFLICT, NULL,
                 g_strdup_printf (_("The chef does not work the %s slot on this weekday."), start));
    }

  mine = booking_window (booking);
  for (guint i = 0; i < context->n_others; i++)
    {
      const HibachiAssignmentBooking *other = &context->others[i];
      HibachiTimeWindow w = booking_window (other);

      if (is_same_booking (other, booking) || !hibachi_time_window_overlaps (&mine, &w))
        continue;

      {
        g_autofree char *start = hibachi_format_minutes (other->start_minutes);

        add_issue (issues, HIBACHI_ISSUE_OVERLAP, HIBACHI_ISSUE_CONFLICT, other->id,
                   g_strdup_printf (_("The chef is busy with the %s event (setup to cleanup overlaps)."), start));
      }
    }

  previous = find_previous (context);
  if (previous != NULL)
    check_leg (issues, previous, booking, previous->id);

  next = find_next (context);
  if (next != NULL)
    check_leg (issues, booking, next, next->id);

  n_events = count_other_events (context) + 1;
  if (n_events > HIBACHI_MAX_EVENTS_PER_DAY)
    add_issue (issues, HIBACHI_ISSUE_WORKLOAD, HIBACHI_ISSUE_WARNING, NULL,
               g_strdup_printf (_("This would be the chef’s event number %u that day (more than %d)."),
                                n_events, HIBACHI_MAX_EVENTS_PER_DAY));

  if (booking->guests > chef->max_party_size)
    add_issue (issues, HIBACHI_ISSUE_PARTY_TOO_LARGE, HIBACHI_ISSUE_WARNING, NULL,
               g_strdup_printf (_("The party of %u is larger than the chef’s maximum of %u."),
                                booking->guests, chef->max_party_size));

  return issues;
}

gboolean
hibachi_assignment_issues_have_conflict (GPtrArray *issues)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const HibachiAssignmentIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == HIBACHI_ISSUE_CONFLICT)
        return TRUE;
    }

  return FALSE;
}

static guint
skill_needed (guint guests)
{
  if (guests <= HIBACHI_PARTY_SMALL_MAX_GUESTS)
    return HIBACHI_SKILL_NEEDED_SMALL;
  if (guests <= HIBACHI_PARTY_MEDIUM_MAX_GUESTS)
    return HIBACHI_SKILL_NEEDED_MEDIUM;
  return HIBACHI_SKILL_NEEDED_LARGE;
}

static double
travel_score (guint minutes)
{
  const double full = HIBACHI_SCORE_TRAVEL_FULL_MINUTES;
  const double zero = HIBACHI_SCORE_TRAVEL_ZERO_MINUTES;

  if (minutes <= full)
    return HIBACHI_SCORE_WEIGHT_TRAVEL;
  if (minutes >= zero)
    return 0.0;

  return HIBACHI_SCORE_WEIGHT_TRAVEL * (zero - minutes) / (zero - full);
}

void
hibachi_suggestion_compute_score (const HibachiAssignmentContext *context,
                                  HibachiSuggestionScore         *out_score)
{
  const HibachiAssignmentBooking *booking;
  const HibachiAssignmentChef *chef;
  const HibachiAssignmentBooking *previous;
  HibachiSuggestionScore score = { 0 };
  guint needed, skill, n_others;

  g_return_if_fail (context != NULL && context->booking != NULL && context->chef != NULL);
  g_return_if_fail (out_score != NULL);

  booking = context->booking;
  chef = context->chef;

  /* The chef comes from the previous event of the day, else from the station. */
  previous = find_previous (context);
  if (previous != NULL)
    score.travel_minutes = travel_between (previous, booking);
  else
    score.travel_minutes =
      hibachi_geo_travel_minutes (hibachi_geo_distance_miles (context->station_location, booking->venue),
                                  g_date_get_weekday (&booking->date),
                                  booking_window (booking).start);
  score.travel = travel_score (score.travel_minutes);

  needed = skill_needed (booking->guests);
  skill = MIN (chef->skill_level, HIBACHI_SKILL_LEVEL_MAX);
  if (booking->guests > chef->max_party_size)
    score.skill = 0.0;
  else if (skill >= needed)
    score.skill = HIBACHI_SCORE_WEIGHT_SKILL;
  else
    score.skill = HIBACHI_SCORE_WEIGHT_SKILL * skill / needed;

  n_others = count_other_events (context);
  score.workload = HIBACHI_SCORE_WEIGHT_WORKLOAD *
                   MAX (0.0, 1.0 - (double) n_others / HIBACHI_MAX_EVENTS_PER_DAY);

  score.rating = HIBACHI_SCORE_WEIGHT_RATING * CLAMP (chef->rating, 0.0, HIBACHI_RATING_MAX) / HIBACHI_RATING_MAX;
  score.preference = context->served_customer_before ? HIBACHI_SCORE_WEIGHT_PREFERENCE : 0.0;

  if (booking->requested_chef_id != NULL && g_strcmp0 (booking->requested_chef_id, chef->id) == 0)
    score.requested_bonus = HIBACHI_SCORE_REQUESTED_BONUS;

  score.total = score.travel + score.skill + score.workload + score.rating + score.preference +
                score.requested_bonus;

  *out_score = score;
}

void
hibachi_suggestion_init (HibachiSuggestion              *suggestion,
                         const HibachiAssignmentContext *context)
{
  g_return_if_fail (suggestion != NULL);
  g_return_if_fail (context != NULL);

  suggestion->chef = context->chef;
  hibachi_suggestion_compute_score (context, &suggestion->score);
  suggestion->issues = hibachi_assignment_check (context);
  suggestion->has_conflict = hibachi_assignment_issues_have_conflict (suggestion->issues);
}

void
hibachi_suggestion_clear (HibachiSuggestion *suggestion)
{
  g_return_if_fail (suggestion != NULL);

  g_clear_pointer (&suggestion->issues, g_ptr_array_unref);
}

static int
compare_suggestions (const void *pa,
                     const void *pb)
{
  const HibachiSuggestion *a = pa;
  const HibachiSuggestion *b = pb;

  if (a->has_conflict != b->has_conflict)
    return a->has_conflict ? 1 : -1;
  if (a->score.total != b->score.total)
    return a->score.total > b->score.total ? -1 : 1;

  return g_strcmp0 (a->chef->name, b->chef->name);
}

void
hibachi_suggestions_rank (HibachiSuggestion *suggestions,
                          guint              n_suggestions)
{
  if (n_suggestions > 1)
    qsort (suggestions, n_suggestions, sizeof *suggestions, compare_suggestions);
}
