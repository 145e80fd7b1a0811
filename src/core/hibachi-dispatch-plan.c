/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-dispatch-plan"

#include "config.h"

#include "hibachi-assignment-json.h"
#include "hibachi-dispatch-plan.h"
#include "hibachi-json-member.h"
#include "hibachi-schedule.h"
#include "hibachi-validate.h"

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GPtrArray *
hibachi_dispatch_check_with (const HibachiDispatchSnapshot *snapshot,
                             JsonObject                    *booking,
                             JsonObject                    *chef,
                             GPtrArray                     *extra,
                             HibachiSuggestionScore        *out_score)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (HibachiDateRange));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (HibachiAssignmentBooking));
  const char *chef_id = hibachi_json_get_string (chef, "id");
  const char *booking_id = hibachi_json_get_string (booking, "id");
  const char *date = hibachi_json_get_string (booking, "event_date");
  HibachiAssignmentBooking b;
  HibachiAssignmentChef c;
  HibachiAssignmentContext context = { 0 };
  GPtrArray *issues;

  hibachi_assignment_chef_from_json (chef, member_array (chef, "time_off"), ranges, &c);
  hibachi_assignment_booking_from_json (booking, &b);

  for (guint i = 0; i < snapshot->n_bookings; i++)
    {
      JsonObject *other = snapshot->bookings[i];
      HibachiAssignmentBooking o;

      if (g_strcmp0 (hibachi_json_get_string (other, "chef_id"), chef_id) != 0 ||
          g_strcmp0 (hibachi_json_get_string (other, "id"), booking_id) == 0 ||
          g_strcmp0 (hibachi_json_get_string (other, "event_date"), date) != 0)
        continue;
      hibachi_assignment_booking_from_json (other, &o);
      g_array_append_val (others, o);
    }
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      HibachiAssignmentBooking o;

      hibachi_assignment_booking_from_json (g_ptr_array_index (extra, i), &o);
      g_array_append_val (others, o);
    }

  context.booking = &b;
  context.chef = &c;
  context.station_location = snapshot->station_location;
  context.others = (const HibachiAssignmentBooking *) others->data;
  context.n_others = others->len;

  issues = hibachi_assignment_check (&context);
  if (out_score != NULL)
    hibachi_suggestion_compute_score (&context, out_score);

  return issues;
}

GPtrArray *
hibachi_dispatch_check (const HibachiDispatchSnapshot *snapshot,
                        JsonObject                    *booking,
                        JsonObject                    *chef,
                        HibachiSuggestionScore        *out_score)
{
  g_return_val_if_fail (snapshot != NULL && booking != NULL && chef != NULL, NULL);

  return hibachi_dispatch_check_with (snapshot, booking, chef, NULL, out_score);
}

gboolean
hibachi_dispatch_waits_for_chef (const char *status,
                                 const char *chef_id)
{
  return chef_id == NULL && (g_strcmp0 (status, "pending") == 0 || g_strcmp0 (status, "confirmed") == 0);
}

gboolean
hibachi_dispatch_is_unassigned (JsonObject *booking)
{
  return hibachi_dispatch_waits_for_chef (hibachi_json_get_string (booking, "status"),
                                          hibachi_json_get_string (booking, "chef_id"));
}

int
hibachi_dispatch_compare_urgency (JsonObject *a,
                                  JsonObject *b)
{
  const char *members[] = { "event_date", "slot", "created_at", "id" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      int order = g_strcmp0 (hibachi_json_get_string (a, members[i]), hibachi_json_get_string (b, members[i]));

      if (order != 0)
        return order;
    }

  return 0;
}

const char *
hibachi_dispatch_time_off_reason (JsonObject  *chef,
                                  const GDate *date)
{
  JsonArray *time_off = member_array (chef, "time_off");

  for (guint i = 0; time_off != NULL && i < json_array_get_length (time_off); i++)
    {
      JsonNode *node = json_array_get_element (time_off, i);
      JsonObject *t = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      HibachiDateRange range;
      const char *reason;

      if (t == NULL ||
          !hibachi_validate_date (hibachi_json_get_string (t, "start_date"), &range.first, NULL) ||
          !hibachi_validate_date (hibachi_json_get_string (t, "end_date"), &range.last, NULL) ||
          !hibachi_date_range_contains (&range, date))
        continue;
      reason = hibachi_json_get_string (t, "reason");
      return reason != NULL ? reason : "";
    }

  return NULL;
}

static int
compare_urgency_cb (gconstpointer a,
                    gconstpointer b)
{
  return hibachi_dispatch_compare_urgency (*(JsonObject **) a, *(JsonObject **) b);
}

GArray *
hibachi_dispatch_suggest_day (const HibachiDispatchSnapshot *snapshot,
                              const GDate                   *date)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  /* Per chef (same index as snapshot->chefs): the bookings proposed to them. */
  g_autoptr(GPtrArray) proposed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GArray *proposals = g_array_new (FALSE, FALSE, sizeof (HibachiDispatchProposal));
  char day[16];

  g_return_val_if_fail (snapshot != NULL && date != NULL && g_date_valid (date), proposals);

  g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
  for (guint i = 0; i < snapshot->n_bookings; i++)
    if (hibachi_dispatch_is_unassigned (snapshot->bookings[i]) &&
        g_strcmp0 (hibachi_json_get_string (snapshot->bookings[i], "event_date"), day) == 0)
      g_ptr_array_add (waiting, snapshot->bookings[i]);
  g_ptr_array_sort (waiting, compare_urgency_cb);

  for (guint c = 0; c < snapshot->n_chefs; c++)
    g_ptr_array_add (proposed, g_ptr_array_new ());

  for (guint i = 0; i < waiting->len; i++)
    {
      JsonObject *booking = g_ptr_array_index (waiting, i);
      int best = -1;
      double best_score = 0.0;

      for (guint c = 0; c < snapshot->n_chefs; c++)
        {
          HibachiSuggestionScore score;
          g_autoptr(GPtrArray) issues = hibachi_dispatch_check_with (snapshot, booking, snapshot->chefs[c],
                                                    g_ptr_array_index (proposed, c), &score);

          if (hibachi_assignment_issues_have_conflict (issues))
            continue;
          if (best < 0 || score.total > best_score)
            {
              best = (int) c;
              best_score = score.total;
            }
        }

      if (best >= 0)
        {
          HibachiDispatchProposal proposal = {
            hibachi_json_get_string (booking, "id"), hibachi_json_get_string (snapshot->chefs[best], "id"), best_score,
          };

          g_ptr_array_add (g_ptr_array_index (proposed, best), booking);
          g_array_append_val (proposals, proposal);
        }
    }

  return proposals;
}

char *
hibachi_dispatch_join_issues (GPtrArray            *issues,
                              HibachiIssueSeverity  severity)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      HibachiAssignmentIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == severity)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", issue->message);
    }
  return g_string_free (text, FALSE);
}
