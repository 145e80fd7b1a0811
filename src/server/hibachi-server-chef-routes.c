/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-chefs"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

#define MAX_AVAILABILITY_DAYS 62


static gboolean
check_weekly (JsonNode *value, char **message)
{
  JsonObject *weekly = json_node_get_object (value);
  g_autoptr(GList) members = json_object_get_members (weekly);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *day = json_object_get_member (weekly, l->data);
      gboolean known = FALSE;

      for (guint i = 0; i < 7; i++)
        known |= strcmp (hibachi_weekday_keys[i], l->data) == 0;
      if (!known || !JSON_NODE_HOLDS_ARRAY (day))
        {
          *message = g_strdup ("Map mon…sun to lists of slots, e.g. {\"mon\": [\"12:00\", \"18:00\"]}.");
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (day)); i++)
        {
          JsonNode *slot = json_array_get_element (json_node_get_array (day), i);

          if (!JSON_NODE_HOLDS_VALUE (slot) || json_node_get_value_type (slot) != G_TYPE_STRING ||
              !hibachi_validate_slot (json_node_get_string (slot), NULL, message))
            {
              if (*message == NULL)
                *message = g_strdup ("Slots are texts like \"18:00\".");
              return FALSE;
            }
        }
    }

  return TRUE;
}

static const HibachiFieldSpec chef_fields[] = {
  { "name", HIBACHI_FIELD_TEXT, 0, 0, 100, NULL },
  { "email", HIBACHI_FIELD_TEXT, 0, 0, HIBACHI_EMAIL_MAX_CHARS, hibachi_field_check_email },
  { "phone", HIBACHI_FIELD_TEXT, 0, 0, 30, hibachi_field_check_phone },
  { "skill_level", HIBACHI_FIELD_INT, 0, 1, HIBACHI_SKILL_LEVEL_MAX, NULL },
  { "max_party_size", HIBACHI_FIELD_INT, 0, 1, HIBACHI_GUESTS_MAX, NULL },
  { "rating", HIBACHI_FIELD_REAL, 0, 0, HIBACHI_RATING_MAX, NULL },
  { "is_active", HIBACHI_FIELD_BOOL, 0, 0, 0, NULL },
  { "weekly_availability", HIBACHI_FIELD_OBJECT, 0, 0, 0, check_weekly },
  { NULL }
};

static const HibachiEntity chef_entity = {
  .table = "chefs",
  .resource_type = "chef",
  .select_by_id = "SELECT " HIBACHI_CHEF_COLUMNS " FROM chefs WHERE id = ?",
  .fields = chef_fields,
  .station_member = "station_id",
  .write_capability = HIBACHI_CAPABILITY_EDIT_CHEFS,
};

JsonObject *
hibachi_load_chef (HibachiServerRequest *req,
                   const char           *chef_id)
{
  return hibachi_db_get_row (req, chef_entity.select_by_id, chef_id);
}

JsonArray *
hibachi_load_chef_time_off (HibachiServerRequest *req,
                            const char           *chef_id,
                            const char           *date_from,
                            const char           *date_to)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "SELECT id, chef_id, start_date, end_date, reason, created_at "
                                                  "FROM chef_time_off WHERE chef_id = ?1 "
                                                  "AND (?2 IS NULL OR end_date >= ?2) AND (?3 IS NULL OR start_date <= ?3) "
                                                  "ORDER BY start_date", NULL);
  JsonArray *result = json_array_new ();

  hibachi_server_db_bind_text (stmt, 1, chef_id);
  hibachi_server_db_bind_text (stmt, 2, date_from);
  hibachi_server_db_bind_text (stmt, 3, date_to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_array_add_object_element (result, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);

  return result;
}

static void
list_cb (HibachiServerRequest *req)
{
  const char *station_id = hibachi_request_query (req, "station_id");
  const char *active = hibachi_request_query (req, "active");
  const char *where = "WHERE (?1 IS NULL OR station_id = ?1) AND (?2 IS NULL OR is_active = ?2) "
                      "AND (?3 IS NULL OR station_id IN (SELECT value FROM json_each(?3)))";
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM chefs %s", where);
  g_autofree char *page_sql = g_strdup_printf ("SELECT " HIBACHI_CHEF_COLUMNS " FROM chefs %s ORDER BY name", where);
  g_autofree char *scope = NULL;
  gint64 total = 0;
  sqlite3_stmt *stmt = NULL;

  if (active != NULL && g_strcmp0 (active, "true") != 0 && g_strcmp0 (active, "false") != 0)
    {
      hibachi_reply_field_error (req, "active", "Use true or false.");
      return;
    }
  if (station_id != NULL && !hibachi_server_principal_has_station (req->principal, station_id))
    {
      hibachi_reply_forbidden (req);
      return;
    }

  /* Station managers list the chefs of their stations (?3: their ids, or NULL). */
  if (!hibachi_server_principal_is_global (req->principal))
    {
      g_autoptr(JsonNode) ids = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; req->principal->station_ids[i] != NULL; i++)
        json_array_add_string_element (array, req->principal->station_ids[i]);
      json_node_take_array (ids, array);
      scope = json_to_string (ids, FALSE);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      stmt = hibachi_server_db_prepare (req->db, pass == 0 ? count_sql : page_sql, NULL);
      hibachi_server_db_bind_text (stmt, 1, station_id);
      if (active != NULL)
        sqlite3_bind_int (stmt, 2, g_strcmp0 (active, "true") == 0);
      hibachi_server_db_bind_text (stmt, 3, scope);
      if (pass == 0)
        {
          total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
          sqlite3_reset (stmt);
        }
    }
  hibachi_reply_page_rows (req, stmt, total, 1, MAX (total, 1));
}

static gboolean
read_range (HibachiServerRequest *req,
            GDate                *first,
            GDate                *last)
{
  const char *from, *to;

  if (!hibachi_request_query_date (req, "date_from", &from) ||
      !hibachi_request_query_date (req, "date_to", &to))
    return FALSE;
  if (from == NULL || to == NULL)
    {
      hibachi_reply_field_error (req, from == NULL ? "date_from" : "date_to", "Required.");
      return FALSE;
    }

  hibachi_validate_date (from, first, NULL);
  hibachi_validate_date (to, last, NULL);
  if (g_date_compare (first, last) > 0 || g_date_days_between (first, last) >= MAX_AVAILABILITY_DAYS)
    {
      hibachi_reply_field_error (req, "date_to", "Choose an end date on or after the start, at most 62 days later.");
      return FALSE;
    }

  return TRUE;
}

static void
availability_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) chef = NULL;
  g_autoptr(JsonArray) time_off = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (HibachiDateRange));
  HibachiAssignmentChef c;
  JsonArray *days;
  JsonObject *reply;
  GDate first, last, day;
  char from[16], to[16];
  sqlite3_stmt *stmt;

  chef = hibachi_entity_load (req, &chef_entity, req->params[0]);
  if (chef == NULL || !read_range (req, &first, &last))
    return;

  g_date_strftime (from, sizeof from, "%Y-%m-%d", &first);
  g_date_strftime (to, sizeof to, "%Y-%m-%d", &last);
  time_off = hibachi_load_chef_time_off (req, req->params[0], from, to);
  hibachi_assignment_chef_from_json (chef, time_off, ranges, &c);

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT id, event_date, slot FROM bookings WHERE chef_id = ? AND deleted_at IS NULL "
                                    "AND status != 'cancelled' AND event_date BETWEEN ? AND ?", NULL);

  days = json_array_new ();
  for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      JsonObject *entry = json_object_new ();
      JsonArray *slots = json_array_new ();
      char date[16];
      gboolean off = FALSE;
      guint weekday = g_date_get_weekday (&day) - G_DATE_MONDAY;

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      for (guint i = 0; i < c.n_time_off; i++)
        off |= hibachi_date_range_contains (&c.time_off[i], &day);

      for (guint s = 0; s < HIBACHI_N_SLOTS; s++)
        {
          JsonObject *slot = json_object_new ();
          const char *reason = NULL;
          const char *booking_id = NULL;
          g_autofree char *booking_copy = NULL;

          hibachi_server_db_bind_text (stmt, 1, req->params[0]);
          hibachi_server_db_bind_text (stmt, 2, date);
          hibachi_server_db_bind_text (stmt, 3, date);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            if (g_strcmp0 (hibachi_server_db_column_text (stmt, 2), hibachi_slot_to_string (s)) == 0)
              booking_copy = g_strdup (hibachi_server_db_column_text (stmt, 0));
          sqlite3_reset (stmt);
          booking_id = booking_copy;

          if (!c.is_active)
            reason = "inactive";
          else if (off)
            reason = "time_off";
          else if ((c.weekly_slots[weekday] & (1u << s)) == 0)
            reason = "unavailable";
          else if (booking_id != NULL)
            reason = "booked";

          json_object_set_string_member (slot, "slot", hibachi_slot_to_string (s));
          json_object_set_boolean_member (slot, "available", reason == NULL);
          if (reason != NULL)
            json_object_set_string_member (slot, "reason", reason);
          else
            json_object_set_null_member (slot, "reason");
          if (booking_id != NULL)
            json_object_set_string_member (slot, "booking_id", booking_id);
          else
            json_object_set_null_member (slot, "booking_id");
          json_array_add_object_element (slots, slot);
        }

      json_object_set_string_member (entry, "date", date);
      json_object_set_boolean_member (entry, "time_off", off);
      json_object_set_array_member (entry, "slots", slots);
      json_array_add_object_element (days, entry);
    }

  reply = json_object_new ();
  json_object_set_string_member (reply, "chef_id", req->params[0]);
  json_object_set_array_member (reply, "days", days);
  json_object_set_array_member (reply, "time_off", g_steal_pointer (&time_off));
  hibachi_reply_object (req, 200, reply);
}

static void
add_time_off_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) chef = NULL;
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = hibachi_server_now_iso (req->server);
  g_autofree char *message = NULL;
  JsonObject *body;
  const char *start, *end, *reason;
  GDate first, last;
  sqlite3_stmt *stmt;

  chef = hibachi_entity_load (req, &chef_entity, req->params[0]);
  if (chef == NULL)
    return;
  if (!hibachi_entity_can_write (req, &chef_entity, chef))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  body = hibachi_request_body_object (req);
  if (body == NULL)
    return;

  start = hibachi_json_get_string (body, "start_date");
  end = hibachi_json_get_string (body, "end_date");
  reason = hibachi_json_get_string (body, "reason");
  if (!hibachi_validate_date (start, &first, &message))
    hibachi_field_errors_add (field_errors, "start_date", message);
  g_clear_pointer (&message, g_free);
  if (!hibachi_validate_date (end, &last, &message))
    hibachi_field_errors_add (field_errors, "end_date", message);
  g_clear_pointer (&message, g_free);
  if (!hibachi_validate_reason (reason, &message))
    hibachi_field_errors_add (field_errors, "reason", message);
  if (json_object_get_size (field_errors) == 0 && g_date_compare (&first, &last) > 0)
    hibachi_field_errors_add (field_errors, "end_date", "The end date is before the start date.");
  if (json_object_get_size (field_errors) > 0)
    {
      hibachi_reply_field_errors (req, g_steal_pointer (&field_errors));
      return;
    }

  if (!hibachi_request_begin (req))
    return;
  stmt = hibachi_server_db_prepare (req->db,
                                    "INSERT INTO chef_time_off (id, chef_id, start_date, end_date, reason, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", &error);
  if (stmt == NULL)
    {
      hibachi_reply_internal (req, error);
      return;
    }
  hibachi_server_db_bind_text (stmt, 1, id);
  hibachi_server_db_bind_text (stmt, 2, req->params[0]);
  hibachi_server_db_bind_text (stmt, 3, start);
  hibachi_server_db_bind_text (stmt, 4, end);
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (reason));
    hibachi_server_db_bind_text (stmt, 5, trimmed);
  }
  hibachi_server_db_bind_text (stmt, 6, now);
  if (!hibachi_server_db_step_done (req->db, stmt, &error))
    {
      hibachi_reply_internal (req, error);
      return;
    }

  created = hibachi_db_get_row (req, "SELECT id, chef_id, start_date, end_date, reason, created_at "
                                     "FROM chef_time_off WHERE id = ?", id);
  if (!hibachi_request_record (req, "add_time_off", "chef", req->params[0],
                               hibachi_json_get_string (chef, "station_id"), reason, NULL, created,
                               hibachi_json_get_int (chef, "version")) ||
      !hibachi_request_commit (req))
    return;

  hibachi_reply_object (req, 201, g_steal_pointer (&created));
}

static void
delete_time_off_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) chef = NULL;
  g_autoptr(JsonObject) time_off = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  JsonObject *reply;

  chef = hibachi_entity_load (req, &chef_entity, req->params[0]);
  if (chef == NULL)
    return;
  if (!hibachi_entity_can_write (req, &chef_entity, chef))
    {
      hibachi_reply_forbidden (req);
      return;
    }

  time_off = hibachi_db_get_row (req, "SELECT id, chef_id, start_date, end_date, reason, created_at "
                                      "FROM chef_time_off WHERE id = ?", req->params[1]);
  if (time_off == NULL || g_strcmp0 (hibachi_json_get_string (time_off, "chef_id"), req->params[0]) != 0)
    {
      hibachi_reply_not_found (req, "time off");
      return;
    }

  if (!hibachi_request_begin (req))
    return;
  stmt = hibachi_server_db_prepare (req->db, "DELETE FROM chef_time_off WHERE id = ?", &error);
  hibachi_server_db_bind_text (stmt, 1, req->params[1]);
  if (!hibachi_server_db_step_done (req->db, stmt, &error))
    {
      hibachi_reply_internal (req, error);
      return;
    }
  if (!hibachi_request_record (req, "remove_time_off", "chef", req->params[0],
                               hibachi_json_get_string (chef, "station_id"), NULL, time_off, NULL,
                               hibachi_json_get_int (chef, "version")) ||
      !hibachi_request_commit (req))
    return;

  reply = json_object_new ();
  json_object_set_boolean_member (reply, "success", TRUE);
  hibachi_reply_object (req, 200, reply);
}

const HibachiServerRoute hibachi_server_chef_routes[] = {
  { "GET", "/api/v1/chefs", list_cb, HIBACHI_CAPABILITY_VIEW_CHEFS },
  { "GET", "/api/v1/chefs/{id}", hibachi_entity_get_cb, HIBACHI_CAPABILITY_VIEW_CHEFS, &chef_entity },
  { "PATCH", "/api/v1/chefs/{id}", hibachi_entity_patch_cb, HIBACHI_CAPABILITY_EDIT_CHEFS, &chef_entity },
  { "GET", "/api/v1/chefs/{id}/availability", availability_cb, HIBACHI_CAPABILITY_VIEW_CHEFS },
  { "POST", "/api/v1/chefs/{id}/time-off", add_time_off_cb, HIBACHI_CAPABILITY_EDIT_CHEFS },
  { "DELETE", "/api/v1/chefs/{id}/time-off/{time_off_id}", delete_time_off_cb, HIBACHI_CAPABILITY_EDIT_CHEFS },
  { NULL }
};
