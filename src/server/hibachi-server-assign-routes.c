/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chef assignment and the dispatch board: assign and unassign a chef, the
 * ranked chefs for a booking, and the board's snapshot of a station's chefs
 * and bookings. The rules themselves are src/core's (hibachi-assignment). */
#define G_LOG_DOMAIN "hibachi-server-bookings"

#include "config.h"

#include "hibachi-server-private.h"

#define MAX_DISPATCH_DAYS 31

/* Fills @out for @chef on @booking's day; returns FALSE and replies on error. */
static gboolean
evaluate_chef (HibachiServerRequest *req,
               JsonObject           *booking,
               JsonObject           *chef,
               JsonObject           *station,
               HibachiSuggestion    *out)
{
  g_autoptr(JsonArray) time_off = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (HibachiDateRange));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (HibachiAssignmentBooking));
  g_autoptr(GPtrArray) other_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  HibachiAssignmentBooking b;
  HibachiAssignmentChef c;
  HibachiAssignmentContext context = { 0 };
  const char *date = hibachi_json_get_string (booking, "event_date");
  sqlite3_stmt *stmt;

  time_off = hibachi_load_chef_time_off (req, hibachi_json_get_string (chef, "id"), date, date);
  hibachi_assignment_chef_from_json (chef, time_off, ranges, &c);
  hibachi_assignment_booking_from_json (booking, &b);

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT " HIBACHI_BOOKING_COLUMNS " FROM bookings WHERE chef_id = ? AND event_date = ? "
                                    "AND id != ? AND deleted_at IS NULL AND status != 'cancelled'", NULL);
  hibachi_server_db_bind_text (stmt, 1, hibachi_json_get_string (chef, "id"));
  hibachi_server_db_bind_text (stmt, 2, date);
  hibachi_server_db_bind_text (stmt, 3, hibachi_json_get_string (booking, "id"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (other_rows, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);
  for (guint i = 0; i < other_rows->len; i++)
    {
      HibachiAssignmentBooking o;

      hibachi_assignment_booking_from_json (g_ptr_array_index (other_rows, i), &o);
      g_array_append_val (others, o);
    }

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT 1 FROM bookings WHERE customer_email = ? AND chef_id = ? AND id != ? "
                                    "AND event_date < ? AND deleted_at IS NULL LIMIT 1", NULL);
  hibachi_server_db_bind_text (stmt, 1, hibachi_json_get_string (booking, "customer_email"));
  hibachi_server_db_bind_text (stmt, 2, hibachi_json_get_string (chef, "id"));
  hibachi_server_db_bind_text (stmt, 3, hibachi_json_get_string (booking, "id"));
  hibachi_server_db_bind_text (stmt, 4, date);
  context.served_customer_before = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  context.booking = &b;
  context.chef = &c;
  context.station_location.lat = hibachi_json_get_double (station, "lat");
  context.station_location.lng = hibachi_json_get_double (station, "lng");
  context.others = (const HibachiAssignmentBooking *) others->data;
  context.n_others = others->len;

  hibachi_suggestion_init (out, &context);
  /* The chef pointer refers to locals; callers use the scores and issues only. */
  out->chef = NULL;

  return TRUE;
}

static JsonArray *
issues_to_json (GPtrArray            *issues,
                HibachiIssueSeverity  severity)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < issues->len; i++)
    {
      HibachiAssignmentIssue *issue = g_ptr_array_index (issues, i);
      JsonObject *o;

      if (issue->severity != severity)
        continue;
      o = json_object_new ();
      json_object_set_string_member (o, "code", hibachi_issue_code_to_string (issue->code));
      json_object_set_string_member (o, "message", issue->message);
      if (issue->booking_id != NULL)
        json_object_set_string_member (o, "booking_id", issue->booking_id);
      json_array_add_object_element (array, o);
    }

  return array;
}

static void
assign_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_booking_load_for_action (req, HIBACHI_CAPABILITY_ASSIGN_CHEFS);
  g_autoptr(JsonObject) chef = NULL;
  g_autoptr(JsonObject) station = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *override = NULL;
  HibachiSuggestion suggestion = { 0 };
  JsonObject *body;
  const char *chef_id, *status;

  if (row == NULL || (body = hibachi_request_body_object (req)) == NULL)
    return;

  chef_id = hibachi_json_get_string (body, "chef_id");
  if (chef_id == NULL)
    {
      hibachi_reply_field_error (req, "chef_id", "Choose a chef.");
      return;
    }
  if (json_object_has_member (body, "override_reason") &&
      (override = hibachi_request_body_reason (req, "override_reason", TRUE)) == NULL)
    return;

  status = hibachi_json_get_string (row, "status");
  if (g_strcmp0 (status, "pending") != 0 && g_strcmp0 (status, "confirmed") != 0)
    {
      hibachi_reply_booking_state (req, row, "Only pending or confirmed bookings can be assigned.");
      return;
    }

  chef = hibachi_load_chef (req, chef_id);
  if (chef == NULL)
    {
      hibachi_reply_field_error (req, "chef_id", "No such chef.");
      return;
    }

  /* A chef of another station is not a conflict to override (SPEC §8.3 calls
   * it hard): for a station manager a chef outside their stations is outside
   * what they may touch (403, as for any other resource there); for everyone
   * a chef of another station than the booking's is not a valid choice (422
   * on chef_id, whatever the override_reason): move the booking or the chef
   * first. The app offers "Assign anyway" on 409, which must not appear here. */
  if (!hibachi_server_principal_has_station (req->principal, hibachi_json_get_string (chef, "station_id")))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  if (g_strcmp0 (hibachi_json_get_string (chef, "station_id"), hibachi_json_get_string (row, "station_id")) != 0)
    {
      hibachi_reply_field_error (req, "chef_id",
                                 "This chef belongs to another station; move the booking or the chef first.");
      return;
    }
  station = hibachi_load_station (req, hibachi_json_get_string (row, "station_id"));
  evaluate_chef (req, row, chef, station, &suggestion);

  if (suggestion.has_conflict && override == NULL)
    {
      JsonObject *details = json_object_new ();

      json_object_set_array_member (details, "conflicts", issues_to_json (suggestion.issues, HIBACHI_ISSUE_CONFLICT));
      json_object_set_array_member (details, "warnings", issues_to_json (suggestion.issues, HIBACHI_ISSUE_WARNING));
      hibachi_suggestion_clear (&suggestion);
      hibachi_reply_error (req, 409, "CONFLICT",
                           "The chef has a conflict; give an override reason to assign anyway.", details);
      return;
    }

  req->reply_extra = json_object_new ();
  json_object_set_array_member (req->reply_extra, "warnings", issues_to_json (suggestion.issues, HIBACHI_ISSUE_WARNING));
  json_object_set_array_member (req->reply_extra, "conflicts_overridden",
                                issues_to_json (suggestion.issues, HIBACHI_ISSUE_CONFLICT));
  hibachi_suggestion_clear (&suggestion);

  json_object_set_string_member (changes, "chef_id", chef_id);
  hibachi_entity_write (req, &hibachi_booking_entity, row, changes, override ? "assign_chef_override" : "assign_chef", override);
}

static void
unassign_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_booking_load_for_action (req, HIBACHI_CAPABILITY_ASSIGN_CHEFS);
  g_autoptr(JsonObject) changes = json_object_new ();

  if (row == NULL)
    return;
  if (hibachi_json_get_string (row, "chef_id") == NULL)
    {
      hibachi_reply_booking_state (req, row, "No chef is assigned to this booking.");
      return;
    }

  json_object_set_null_member (changes, "chef_id");
  hibachi_entity_write (req, &hibachi_booking_entity, row, changes, "unassign_chef", NULL);
}

static void
suggestions_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &hibachi_booking_entity, req->params[0]);
  g_autoptr(JsonObject) station = NULL;
  g_autoptr(GPtrArray) chefs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) suggestions = g_array_new (FALSE, TRUE, sizeof (HibachiSuggestion));
  g_autoptr(GArray) chef_structs = NULL;
  JsonArray *data;
  JsonObject *reply;
  sqlite3_stmt *stmt;

  if (row == NULL)
    return;
  station = hibachi_load_station (req, hibachi_json_get_string (row, "station_id"));

  stmt = hibachi_server_db_prepare (req->db, "SELECT " HIBACHI_CHEF_COLUMNS " FROM chefs WHERE station_id = ?", NULL);
  hibachi_server_db_bind_text (stmt, 1, hibachi_json_get_string (row, "station_id"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (chefs, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);

  /* Rank with a chef record that lives as long as the array, then answer. */
  chef_structs = g_array_sized_new (FALSE, TRUE, sizeof (HibachiAssignmentChef), chefs->len);
  g_array_set_size (chef_structs, chefs->len);
  for (guint i = 0; i < chefs->len; i++)
    {
      HibachiSuggestion s;
      HibachiAssignmentChef *c = &g_array_index (chef_structs, HibachiAssignmentChef, i);
      JsonObject *chef = g_ptr_array_index (chefs, i);

      evaluate_chef (req, row, chef, station, &s);
      c->id = hibachi_json_get_string (chef, "id");
      c->name = hibachi_json_get_string (chef, "name");
      s.chef = c;
      g_array_append_val (suggestions, s);
    }
  hibachi_suggestions_rank ((HibachiSuggestion *) suggestions->data, suggestions->len);

  data = json_array_new ();
  for (guint i = 0; i < suggestions->len; i++)
    {
      HibachiSuggestion *s = &g_array_index (suggestions, HibachiSuggestion, i);
      JsonObject *entry = json_object_new ();
      JsonObject *score = json_object_new ();

      json_object_set_string_member (entry, "chef_id", s->chef->id);
      json_object_set_string_member (entry, "chef_name", s->chef->name);
      json_object_set_double_member (score, "total", s->score.total);
      json_object_set_double_member (score, "travel", s->score.travel);
      json_object_set_double_member (score, "skill", s->score.skill);
      json_object_set_double_member (score, "workload", s->score.workload);
      json_object_set_double_member (score, "rating", s->score.rating);
      json_object_set_double_member (score, "preference", s->score.preference);
      json_object_set_double_member (score, "requested_bonus", s->score.requested_bonus);
      json_object_set_int_member (score, "travel_minutes", s->score.travel_minutes);
      json_object_set_object_member (entry, "score", score);
      json_object_set_boolean_member (entry, "has_conflict", s->has_conflict);
      json_object_set_array_member (entry, "conflicts", issues_to_json (s->issues, HIBACHI_ISSUE_CONFLICT));
      json_object_set_array_member (entry, "warnings", issues_to_json (s->issues, HIBACHI_ISSUE_WARNING));
      json_array_add_object_element (data, entry);
      hibachi_suggestion_clear (s);
    }

  reply = json_object_new ();
  json_object_set_string_member (reply, "booking_id", req->params[0]);
  json_object_set_array_member (reply, "data", data);
  hibachi_reply_object (req, 200, reply);
}

static void
dispatch_cb (HibachiServerRequest *req)
{
  const char *station_id = hibachi_request_query (req, "station_id");
  const char *from, *to;
  g_autoptr(JsonObject) station = NULL;
  GDate first, last;
  JsonArray *chefs, *bookings;
  JsonObject *reply;
  sqlite3_stmt *stmt;

  if (!hibachi_request_query_date (req, "date_from", &from) || !hibachi_request_query_date (req, "date_to", &to))
    return;
  if (station_id == NULL || from == NULL || to == NULL)
    {
      hibachi_reply_field_error (req, station_id == NULL ? "station_id" : from == NULL ? "date_from" : "date_to",
                                 "Required.");
      return;
    }
  hibachi_validate_date (from, &first, NULL);
  hibachi_validate_date (to, &last, NULL);
  if (g_date_compare (&first, &last) > 0 || g_date_days_between (&first, &last) >= MAX_DISPATCH_DAYS)
    {
      hibachi_reply_field_error (req, "date_to", "Choose an end date on or after the start, at most 31 days later.");
      return;
    }
  if (!hibachi_server_principal_has_station (req->principal, station_id))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  station = hibachi_load_station (req, station_id);
  if (station == NULL)
    {
      hibachi_reply_not_found (req, "station");
      return;
    }

  chefs = json_array_new ();
  stmt = hibachi_server_db_prepare (req->db, "SELECT " HIBACHI_CHEF_COLUMNS " FROM chefs WHERE station_id = ? ORDER BY name", NULL);
  hibachi_server_db_bind_text (stmt, 1, station_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_array_add_object_element (chefs, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);
  for (guint i = 0; i < json_array_get_length (chefs); i++)
    {
      JsonObject *chef = json_array_get_object_element (chefs, i);

      json_object_set_array_member (chef, "time_off",
                                    hibachi_load_chef_time_off (req, hibachi_json_get_string (chef, "id"), from, to));
    }

  bookings = json_array_new ();
  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT " HIBACHI_BOOKING_COLUMNS " FROM bookings WHERE station_id = ? "
                                    "AND event_date BETWEEN ? AND ? AND deleted_at IS NULL AND status != 'cancelled' "
                                    "ORDER BY event_date, slot, id", NULL);
  hibachi_server_db_bind_text (stmt, 1, station_id);
  hibachi_server_db_bind_text (stmt, 2, from);
  hibachi_server_db_bind_text (stmt, 3, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_array_add_object_element (bookings, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);

  reply = json_object_new ();
  json_object_set_object_member (reply, "station", g_steal_pointer (&station));
  json_object_set_string_member (reply, "date_from", from);
  json_object_set_string_member (reply, "date_to", to);
  json_object_set_array_member (reply, "chefs", chefs);
  json_object_set_array_member (reply, "bookings", bookings);
  hibachi_reply_object (req, 200, reply);
}

const HibachiServerRoute hibachi_server_assign_routes[] = {
  { "PUT", "/api/v1/bookings/{id}/chef", assign_cb, HIBACHI_CAPABILITY_ASSIGN_CHEFS },
  { "DELETE", "/api/v1/bookings/{id}/chef", unassign_cb, HIBACHI_CAPABILITY_ASSIGN_CHEFS },
  { "GET", "/api/v1/bookings/{id}/chef-suggestions", suggestions_cb, HIBACHI_CAPABILITY_VIEW_DISPATCH },
  { "GET", "/api/v1/dispatch", dispatch_cb, HIBACHI_CAPABILITY_VIEW_DISPATCH },
  { NULL }
};
