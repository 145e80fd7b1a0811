/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-stations"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

static gboolean
check_code (JsonNode *value, char **message)
{
  const char *code = json_node_get_string (value);

  if (*code == '\0')
    {
      *message = g_strdup ("Required.");
      return FALSE;
    }
  for (const char *p = code; *p != '\0'; p++)
    if (!(g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '-'))
      {
        *message = g_strdup ("Use capital letters, digits and dashes, e.g. CA-FREMONT-001.");
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_timezone (JsonNode *value, char **message)
{
  return hibachi_validate_timezone (json_node_get_string (value), message);
}

static gboolean
check_state (JsonNode *value, char **message)
{
  const char *state = json_node_get_string (value);

  if (strlen (state) != 2 || !g_ascii_isupper (state[0]) || !g_ascii_isupper (state[1]))
    {
      *message = g_strdup ("Use the two-letter state code, e.g. CA.");
      return FALSE;
    }
  return TRUE;
}

static const HibachiFieldSpec station_fields[] = {
  { "code", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 40, check_code },
  { "name", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 100, NULL },
  { "display_name", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 150, NULL },
  { "address", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 200, NULL },
  { "city", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 100, NULL },
  { "state", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 2, check_state },
  { "postal_code", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 10, NULL },
  { "phone", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 30, hibachi_field_check_phone },
  { "email", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, HIBACHI_EMAIL_MAX_CHARS, hibachi_field_check_email },
  { "timezone", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 64, check_timezone },
  { "lat", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, -90, 90, NULL },
  { "lng", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, -180, 180, NULL },
  { "service_radius_miles", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, HIBACHI_RADIUS_MIN_MILES, HIBACHI_RADIUS_MAX_MILES, NULL },
  { "escalation_radius_miles", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, HIBACHI_RADIUS_MIN_MILES, HIBACHI_RADIUS_MAX_MILES, NULL },
  { "is_active", HIBACHI_FIELD_BOOL, 0, 0, 0, NULL },
  { NULL }
};

static void complete_station (HibachiServerRequest *req,
                              JsonObject           *row,
                              JsonObject           *changes,
                              JsonObject           *field_errors);

static const HibachiEntity station_entity = {
  .table = "stations",
  .resource_type = "station",
  .select_by_id = "SELECT " HIBACHI_STATION_COLUMNS " FROM stations WHERE id = ?",
  .fields = station_fields,
  .station_member = "id",
  .readable_by_all_staff = TRUE,
  .write_capability = HIBACHI_CAPABILITY_EDIT_STATIONS,
  .complete = complete_station,
};

JsonObject *
hibachi_load_station (HibachiServerRequest *req,
                      const char           *station_id)
{
  return hibachi_db_get_row (req, station_entity.select_by_id, station_id);
}

gboolean
hibachi_station_area_from_object (JsonObject         *station,
                                  HibachiStationArea *out_area)
{
  out_area->id = hibachi_json_get_string (station, "id");
  out_area->location.lat = hibachi_json_get_double (station, "lat");
  out_area->location.lng = hibachi_json_get_double (station, "lng");
  out_area->service_radius_miles = hibachi_json_get_double (station, "service_radius_miles");
  out_area->escalation_radius_miles = hibachi_json_get_double (station, "escalation_radius_miles");
  out_area->is_active = json_object_get_boolean_member (station, "is_active");

  return out_area->id != NULL;
}

static void
list_cb (HibachiServerRequest *req)
{
  const char *active = hibachi_request_query (req, "active");
  sqlite3_stmt *stmt;
  gint64 total;

  if (active != NULL && g_strcmp0 (active, "true") != 0 && g_strcmp0 (active, "false") != 0)
    {
      hibachi_reply_field_error (req, "active", "Use true or false.");
      return;
    }

  stmt = hibachi_server_db_prepare (req->db, "SELECT count(*) FROM stations WHERE ?1 IS NULL OR is_active = ?1", NULL);
  if (active != NULL)
    sqlite3_bind_int (stmt, 1, g_strcmp0 (active, "true") == 0);
  total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT " HIBACHI_STATION_COLUMNS " FROM stations "
                                    "WHERE ?1 IS NULL OR is_active = ?1 ORDER BY name", NULL);
  if (active != NULL)
    sqlite3_bind_int (stmt, 1, g_strcmp0 (active, "true") == 0);
  hibachi_reply_page_rows (req, stmt, total, 1, MAX (total, 1));
}

static void
check_radii (JsonObject *row,
             JsonObject *field_errors)
{
  g_autofree char *message = NULL;

  if (hibachi_json_get_double (row, "escalation_radius_miles") < 0 ||
      hibachi_json_get_double (row, "service_radius_miles") < 0)
    hibachi_field_errors_add (field_errors, "service_radius_miles", "Radii cannot be negative.");
  else if (!hibachi_validate_radii (hibachi_json_get_double (row, "service_radius_miles"),
                                    hibachi_json_get_double (row, "escalation_radius_miles"), &message))
    hibachi_field_errors_add (field_errors, "escalation_radius_miles", message);
}

static void
complete_station (HibachiServerRequest *req,
                  JsonObject           *row,
                  JsonObject           *changes,
                  JsonObject           *field_errors)
{
  const char *code = hibachi_json_get_string (changes, "code");

  check_radii (row, field_errors);
  if (code != NULL)
    {
      g_autoptr(JsonObject) other = hibachi_db_get_row (req, "SELECT id FROM stations WHERE code = ?", code);

      if (other != NULL && g_strcmp0 (hibachi_json_get_string (other, "id"), hibachi_json_get_string (row, "id")) != 0)
        hibachi_field_errors_add (field_errors, "code", "Another station has this code.");
    }
}

static void
create_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = hibachi_server_now_iso (req->server);

  if (body == NULL)
    return;

  hibachi_fields_collect (station_fields, body, TRUE, values, field_errors);
  if (json_object_get_size (field_errors) == 0)
    {
      json_object_set_string_member (values, "id", id);
      complete_station (req, values, values, field_errors);
    }
  if (json_object_get_size (field_errors) > 0)
    {
      hibachi_reply_field_errors (req, g_steal_pointer (&field_errors));
      return;
    }

  json_object_set_string_member (values, "created_at", now);
  json_object_set_string_member (values, "updated_at", now);

  if (!hibachi_request_begin (req))
    return;
  if (!hibachi_db_insert_row (req, "stations", values, &error))
    {
      hibachi_reply_internal (req, error);
      return;
    }
  created = hibachi_load_station (req, id);
  if (!hibachi_request_record (req, "create", "station", id, id, NULL, NULL, created, 1) ||
      !hibachi_request_commit (req))
    return;

  hibachi_reply_resource (req, 201, g_steal_pointer (&created));
}

static void
service_area_cb (HibachiServerRequest *req)
{
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (HibachiStationArea));
  g_autoptr(GPtrArray) stations = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  HibachiLatLng point = { 0 };
  HibachiServiceCheck check;
  JsonObject *reply;
  sqlite3_stmt *stmt;

  if (!hibachi_request_query_double (req, "lat", -90, 90, TRUE, &point.lat) ||
      !hibachi_request_query_double (req, "lng", -180, 180, TRUE, &point.lng))
    return;

  stmt = hibachi_server_db_prepare (req->db, "SELECT " HIBACHI_STATION_COLUMNS " FROM stations", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *station = hibachi_server_db_row_to_object (stmt);
      HibachiStationArea area;

      g_ptr_array_add (stations, station);
      hibachi_station_area_from_object (station, &area);
      g_array_append_val (areas, area);
    }
  sqlite3_reset (stmt);

  hibachi_geo_check_service_area ((HibachiStationArea *) areas->data, areas->len, point, &check);

  reply = json_object_new ();
  if (check.station_index >= 0)
    {
      JsonObject *station = g_ptr_array_index (stations, check.station_index);

      json_object_set_string_member (reply, "station_id", hibachi_json_get_string (station, "id"));
      json_object_set_string_member (reply, "station_code", hibachi_json_get_string (station, "code"));
      json_object_set_string_member (reply, "station_name", hibachi_json_get_string (station, "name"));
      json_object_set_double_member (reply, "distance_miles", check.distance_miles);
    }
  else
    {
      json_object_set_null_member (reply, "station_id");
      json_object_set_null_member (reply, "station_code");
      json_object_set_null_member (reply, "station_name");
      json_object_set_null_member (reply, "distance_miles");
    }
  json_object_set_boolean_member (reply, "is_serviceable", check.is_serviceable);
  json_object_set_boolean_member (reply, "requires_escalation", check.requires_escalation);
  json_object_set_string_member (reply, "verdict", hibachi_service_verdict_to_string (check.verdict));
  hibachi_reply_object (req, 200, reply);
}

const HibachiServerRoute hibachi_server_station_routes[] = {
  { "GET", "/api/v1/stations", list_cb, HIBACHI_CAPABILITY_VIEW_STATIONS },
  { "POST", "/api/v1/stations", create_cb, HIBACHI_CAPABILITY_CREATE_STATIONS },
  { "GET", "/api/v1/stations/{id}", hibachi_entity_get_cb, HIBACHI_CAPABILITY_VIEW_STATIONS, &station_entity },
  { "PATCH", "/api/v1/stations/{id}", hibachi_entity_patch_cb, HIBACHI_CAPABILITY_EDIT_STATIONS, &station_entity },
  { "GET", "/api/v1/service-area/check", service_area_cb, HIBACHI_CAPABILITY_VIEW_STATIONS },
  { NULL }
};
