/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-pricing"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

gboolean
hibachi_server_seed_defaults (HibachiServer  *self,
                              GError        **error)
{
  HibachiServerDb *db = hibachi_server_get_db (self);
  g_autofree char *now = hibachi_server_now_iso (self);
  sqlite3_stmt *stmt;

  stmt = hibachi_server_db_prepare (db,
                                    "INSERT OR IGNORE INTO price_items (station_id, key, value, updated_at) "
                                    "VALUES ('', ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);

      sqlite3_reset (stmt);
      hibachi_server_db_bind_text (stmt, 1, info->key);
      sqlite3_bind_int64 (stmt, 2, info->default_value);
      hibachi_server_db_bind_text (stmt, 3, now);
      if (!hibachi_server_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
hibachi_server_load_price_sheet (HibachiServer      *self,
                                 const char         *station_id,
                                 HibachiPriceSheet  *sheet,
                                 GError            **error)
{
  HibachiServerDb *db = hibachi_server_get_db (self);
  sqlite3_stmt *stmt;

  hibachi_price_sheet_init_defaults (sheet);

  /* Global rows first, then the station's overrides on top. */
  stmt = hibachi_server_db_prepare (db,
                                    "SELECT key, value FROM price_items WHERE station_id = '' OR station_id = ? "
                                    "ORDER BY station_id = '' DESC", error);
  if (stmt == NULL)
    return FALSE;
  hibachi_server_db_bind_text (stmt, 1, station_id ? station_id : "");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HibachiPriceItem item;

      if (hibachi_price_item_from_key (hibachi_server_db_column_text (stmt, 0), &item))
        sheet->values[item] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static JsonObject *
load_item_row (HibachiServerRequest *req,
               const char           *station_key,
               const char           *key)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "SELECT value, version, updated_at, updated_by FROM price_items "
                                                  "WHERE station_id = ? AND key = ?", NULL);
  JsonObject *row = NULL;

  hibachi_server_db_bind_text (stmt, 1, station_key);
  hibachi_server_db_bind_text (stmt, 2, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = hibachi_server_db_row_to_object (stmt);
  sqlite3_reset (stmt);

  return row;
}

static JsonNode *
build_sheet (HibachiServerRequest *req,
             const char           *station_id)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);
      g_autoptr(JsonObject) global = load_item_row (req, "", info->key);
      g_autoptr(JsonObject) local = station_id ? load_item_row (req, station_id, info->key) : NULL;
      JsonObject *effective = local ? local : global;
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "key", info->key);
      json_object_set_string_member (item, "label", info->label);
      json_object_set_string_member (item, "category", hibachi_price_category_to_string (info->category));
      json_object_set_string_member (item, "unit", hibachi_price_unit_to_string (info->unit));
      json_object_set_boolean_member (item, "is_money", info->is_money);
      json_object_set_int_member (item, "value", hibachi_json_get_int (effective, "value"));
      json_object_set_int_member (item, "min_value", info->min_value);
      json_object_set_int_member (item, "max_value", info->max_value);
      json_object_set_int_member (item, "default_value", info->default_value);
      json_object_set_string_member (item, "scope", local ? "station" : "global");
      json_object_set_int_member (item, "global_value", hibachi_json_get_int (global, "value"));
      /* The version a change must carry: of the row it edits (0: no override yet). */
      json_object_set_int_member (item, "version",
                                  station_id ? (local ? hibachi_json_get_int (local, "version") : 0)
                                             : hibachi_json_get_int (global, "version"));
      json_object_set_member (item, "updated_at", json_node_copy (json_object_get_member (effective, "updated_at")));
      json_object_set_member (item, "updated_by", json_node_copy (json_object_get_member (effective, "updated_by")));
      json_array_add_object_element (items, item);
    }

  if (station_id != NULL)
    json_object_set_string_member (root, "station_id", station_id);
  else
    json_object_set_null_member (root, "station_id");
  json_object_set_array_member (root, "items", items);

  return json_node_init_object (json_node_alloc (), root);
}

static JsonObject *
sheet_object (HibachiServerRequest *req,
              const char           *station_id)
{
  g_autoptr(JsonNode) node = build_sheet (req, station_id);

  return json_object_ref (json_node_get_object (node));
}

static gboolean
read_station (HibachiServerRequest  *req,
              const char            *station_id)
{
  g_autoptr(JsonObject) station = NULL;

  if (station_id == NULL)
    return TRUE;

  station = hibachi_load_station (req, station_id);
  if (station == NULL)
    {
      hibachi_reply_not_found (req, "station");
      return FALSE;
    }

  return TRUE;
}

static void
sheet_cb (HibachiServerRequest *req)
{
  const char *station_id = hibachi_request_query (req, "station_id");

  if (!read_station (req, station_id))
    return;

  hibachi_reply_node (req, 200, build_sheet (req, station_id));
}

static void
update_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *now = hibachi_server_now_iso (req->server);
  const char *station_id = NULL;
  const char *station_key;
  JsonNode *station_node;
  JsonArray *changes;
  gboolean stale = FALSE;

  if (body == NULL)
    return;

  station_node = json_object_get_member (body, "station_id");
  if (station_node != NULL && !JSON_NODE_HOLDS_NULL (station_node))
    {
      station_id = hibachi_json_get_string (body, "station_id");
      if (station_id == NULL)
        {
          hibachi_reply_field_error (req, "station_id", "Must be a station id or null.");
          return;
        }
    }
  station_key = station_id ? station_id : "";

  /* Global defaults are the office's; station overrides the station's managers'. */
  if (station_id == NULL ? !hibachi_role_can (req->principal->role, HIBACHI_CAPABILITY_EDIT_GLOBAL_PRICING)
                         : !hibachi_server_principal_has_station (req->principal, station_id))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  if (!read_station (req, station_id))
    return;

  if (!hibachi_validate_reason (hibachi_json_get_string (body, "reason"), &message))
    hibachi_field_errors_add (field_errors, "reason", message);
  reason = g_strstrip (g_strdup (hibachi_json_get_string (body, "reason") ? hibachi_json_get_string (body, "reason") : ""));

  changes = json_object_has_member (body, "changes") &&
            JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "changes"))
            ? json_object_get_array_member (body, "changes") : NULL;
  if (changes == NULL || json_array_get_length (changes) == 0 || json_array_get_length (changes) > HIBACHI_N_PRICE_ITEMS)
    hibachi_field_errors_add (field_errors, "changes", "List the changes as [{key, value, version}].");

  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonNode *element = json_array_get_element (changes, i);
      JsonObject *change = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *value = change ? json_object_get_member (change, "value") : NULL;
      JsonNode *version = change ? json_object_get_member (change, "version") : NULL;
      g_autofree char *field = NULL;
      g_autofree char *bound_message = NULL;
      HibachiPriceItem item;

      if (change == NULL || !hibachi_price_item_from_key (hibachi_json_get_string (change, "key"), &item))
        {
          hibachi_field_errors_add (field_errors, "changes", "Each change names a known price item in “key”.");
          continue;
        }
      field = g_strdup_printf ("changes.%s", hibachi_json_get_string (change, "key"));
      if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
        hibachi_field_errors_add (field_errors, field, "Give the version you edited.");
      if (value != NULL && JSON_NODE_HOLDS_NULL (value) && station_id != NULL)
        continue;   /* null: remove the station's override */
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
        hibachi_field_errors_add (field_errors, field, "The value must be a whole number (cents for money).");
      else if (!hibachi_price_item_check_value (item, json_node_get_int (value), &bound_message))
        hibachi_field_errors_add (field_errors, field, bound_message);
    }

  if (json_object_get_size (field_errors) > 0)
    {
      hibachi_reply_field_errors (req, g_steal_pointer (&field_errors));
      return;
    }

  if (!hibachi_request_begin (req))
    return;

  before = sheet_object (req, station_id);

  /* All or nothing: a stale version anywhere rolls the whole batch back. */
  for (guint i = 0; i < json_array_get_length (changes) && !stale; i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *key = hibachi_json_get_string (change, "key");
      JsonNode *value = json_object_get_member (change, "value");
      gint64 version = hibachi_json_get_int (change, "version");
      g_autoptr(JsonObject) row = load_item_row (req, station_key, key);
      g_autoptr(JsonObject) global = load_item_row (req, "", key);
      gint64 old_value = hibachi_json_get_int (row ? row : global, "value");
      gint64 current_version = row ? hibachi_json_get_int (row, "version") : 0;
      sqlite3_stmt *stmt;

      if (version != current_version)
        {
          stale = TRUE;
          break;
        }

      if (JSON_NODE_HOLDS_NULL (value))
        {
          if (row == NULL)
            continue;
          stmt = hibachi_server_db_prepare (req->db, "DELETE FROM price_items WHERE station_id = ? AND key = ?", &error);
          hibachi_server_db_bind_text (stmt, 1, station_key);
          hibachi_server_db_bind_text (stmt, 2, key);
        }
      else
        {
          stmt = hibachi_server_db_prepare (req->db,
                                            "INSERT INTO price_items (station_id, key, value, version, updated_at, updated_by) "
                                            "VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT (station_id, key) DO UPDATE SET "
                                            "value = ?3, version = version + 1, updated_at = ?4, updated_by = ?5",
                                            &error);
          hibachi_server_db_bind_text (stmt, 1, station_key);
          hibachi_server_db_bind_text (stmt, 2, key);
          sqlite3_bind_int64 (stmt, 3, json_node_get_int (value));
          hibachi_server_db_bind_text (stmt, 4, now);
          hibachi_server_db_bind_text (stmt, 5, req->principal->email);
        }
      if (stmt == NULL || !hibachi_server_db_step_done (req->db, stmt, &error))
        {
          hibachi_reply_internal (req, error);
          return;
        }

      stmt = hibachi_server_db_prepare (req->db,
                                        "INSERT INTO price_history (station_id, key, old_value, new_value, actor_id, "
                                        "actor_email, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &error);
      hibachi_server_db_bind_text (stmt, 1, station_id);
      hibachi_server_db_bind_text (stmt, 2, key);
      sqlite3_bind_int64 (stmt, 3, old_value);
      sqlite3_bind_int64 (stmt, 4, JSON_NODE_HOLDS_NULL (value) ? hibachi_json_get_int (global, "value")
                                                                 : json_node_get_int (value));
      hibachi_server_db_bind_text (stmt, 5, req->principal->user_id);
      hibachi_server_db_bind_text (stmt, 6, req->principal->email);
      hibachi_server_db_bind_text (stmt, 7, reason);
      hibachi_server_db_bind_text (stmt, 8, now);
      if (!hibachi_server_db_step_done (req->db, stmt, &error))
        {
          hibachi_reply_internal (req, error);
          return;
        }
    }

  if (stale)
    {
      hibachi_request_rollback (req);
      hibachi_reply_stale (req, before);
      return;
    }

  after = sheet_object (req, station_id);
  if (!hibachi_request_record (req, "update", "pricing", station_id ? station_id : "global", station_id, reason,
                               before, after, 0) ||
      !hibachi_request_commit (req))
    return;

  hibachi_reply_object (req, 200, g_steal_pointer (&after));
}

static void
history_cb (HibachiServerRequest *req)
{
  const char *station_id = hibachi_request_query (req, "station_id");
  const char *key = hibachi_request_query (req, "key");
  const char *from, *to;
  gint64 page, limit, total;
  sqlite3_stmt *stmt;
  const char *where = "WHERE coalesce(station_id, '') = ?1 AND (?2 IS NULL OR key = ?2) "
                      "AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < date(?4, '+1 day'))";
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM price_history %s", where);
  g_autofree char *page_sql = g_strdup_printf ("SELECT id, station_id, key, old_value, new_value, actor_id, actor_email, "
                                               "reason, at FROM price_history %s ORDER BY id DESC LIMIT ?5 OFFSET ?6", where);

  if (!hibachi_request_query_int (req, "page", 1, 1, G_MAXINT32, &page) ||
      !hibachi_request_query_int (req, "limit", HIBACHI_PAGE_LIMIT_DEFAULT, 1, HIBACHI_PAGE_LIMIT_MAX, &limit) ||
      !hibachi_request_query_date (req, "date_from", &from) ||
      !hibachi_request_query_date (req, "date_to", &to) ||
      !read_station (req, station_id))
    return;
  if (key != NULL && !hibachi_price_item_from_key (key, NULL))
    {
      hibachi_reply_field_error (req, "key", "Unknown price item.");
      return;
    }

  stmt = hibachi_server_db_prepare (req->db, count_sql, NULL);
  hibachi_server_db_bind_text (stmt, 1, station_id ? station_id : "");
  hibachi_server_db_bind_text (stmt, 2, key);
  hibachi_server_db_bind_text (stmt, 3, from);
  hibachi_server_db_bind_text (stmt, 4, to);
  total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  stmt = hibachi_server_db_prepare (req->db, page_sql, NULL);
  hibachi_server_db_bind_text (stmt, 1, station_id ? station_id : "");
  hibachi_server_db_bind_text (stmt, 2, key);
  hibachi_server_db_bind_text (stmt, 3, from);
  hibachi_server_db_bind_text (stmt, 4, to);
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_int64 (stmt, 6, (page - 1) * limit);
  hibachi_reply_page_rows (req, stmt, total, page, limit);
}

static void
quote_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) station = NULL;
  HibachiQuoteRequest request;
  HibachiPriceSheet sheet;
  HibachiQuote quote;
  const char *field = NULL;
  const char *station_id;
  JsonNode *node;

  if (body == NULL)
    return;

  station_id = hibachi_json_get_string (body, "station_id");
  if (station_id == NULL || (station = hibachi_load_station (req, station_id)) == NULL)
    {
      hibachi_reply_field_error (req, "station_id", "Choose a station.");
      return;
    }

  if (!hibachi_quote_request_from_json (body, &request, &field, &error))
    {
      hibachi_reply_field_error (req, field, error->message);
      return;
    }

  /* The distance: given, or from the station to the venue's coordinates. */
  if (!json_object_has_member (body, "distance_miles"))
    {
      HibachiLatLng origin = { hibachi_json_get_double (station, "lat"), hibachi_json_get_double (station, "lng") };
      HibachiLatLng venue;
      JsonNode *lat = json_object_get_member (body, "venue_lat");
      JsonNode *lng = json_object_get_member (body, "venue_lng");

      if (lat == NULL || lng == NULL || !JSON_NODE_HOLDS_VALUE (lat) || !JSON_NODE_HOLDS_VALUE (lng) ||
          json_node_get_value_type (lat) == G_TYPE_STRING || json_node_get_value_type (lng) == G_TYPE_STRING ||
          !hibachi_validate_latitude (json_node_get_double (lat), NULL) ||
          !hibachi_validate_longitude (json_node_get_double (lng), NULL))
        {
          hibachi_reply_field_error (req, "distance_miles", "Give distance_miles or venue_lat and venue_lng.");
          return;
        }
      venue.lat = json_node_get_double (lat);
      venue.lng = json_node_get_double (lng);
      request.distance_miles = hibachi_geo_distance_miles (origin, venue);
    }

  if (!hibachi_server_load_price_sheet (req->server, station_id, &sheet, &error) ||
      !hibachi_quote_compute (&sheet, &request, &quote, &field, &error))
    {
      hibachi_reply_field_error (req, field ? field : "station_id", error->message);
      return;
    }

  node = hibachi_quote_to_json (&quote);
  json_object_set_string_member (json_node_get_object (node), "station_id", station_id);
  hibachi_reply_node (req, 200, node);
}

const HibachiServerRoute hibachi_server_pricing_routes[] = {
  { "GET", "/api/v1/pricing", sheet_cb, HIBACHI_CAPABILITY_VIEW_PRICING },
  { "PATCH", "/api/v1/pricing", update_cb, HIBACHI_CAPABILITY_EDIT_PRICING },
  { "GET", "/api/v1/pricing/history", history_cb, HIBACHI_CAPABILITY_VIEW_PRICING },
  { "POST", "/api/v1/quote", quote_cb, HIBACHI_CAPABILITY_VIEW_PRICING },
  { NULL }
};
