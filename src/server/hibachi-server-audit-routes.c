/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-audit"

#include "config.h"

#include "hibachi-server-private.h"

static void
audit_cb (HibachiServerRequest *req)
{
  const char *where = "WHERE (?1 IS NULL OR resource_type = ?1) AND (?2 IS NULL OR resource_id = ?2) "
                      "AND (?3 IS NULL OR actor_id = ?3) AND (?4 IS NULL OR at >= ?4) "
                      "AND (?5 IS NULL OR at < date(?5, '+1 day'))";
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM audit_log %s", where);
  g_autofree char *page_sql = g_strdup_printf ("SELECT id, at, actor_id, actor_email, action, resource_type, resource_id, "
                                               "station_id, reason, changes FROM audit_log %s ORDER BY seq DESC "
                                               "LIMIT ?6 OFFSET ?7", where);
  const char *names[] = { "resource_type", "resource_id", "actor_id" };
  const char *from, *to;
  gint64 page, limit, total = 0;
  sqlite3_stmt *stmt;

  if (!hibachi_request_query_int (req, "page", 1, 1, G_MAXINT32, &page) ||
      !hibachi_request_query_int (req, "limit", HIBACHI_PAGE_LIMIT_DEFAULT, 1, HIBACHI_PAGE_LIMIT_MAX, &limit) ||
      !hibachi_request_query_date (req, "date_from", &from) ||
      !hibachi_request_query_date (req, "date_to", &to))
    return;

  for (int pass = 0; pass < 2; pass++)
    {
      stmt = hibachi_server_db_prepare (req->db, pass == 0 ? count_sql : page_sql, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        hibachi_server_db_bind_text (stmt, (int) i + 1, hibachi_request_query (req, names[i]));
      hibachi_server_db_bind_text (stmt, 4, from);
      hibachi_server_db_bind_text (stmt, 5, to);
      if (pass == 0)
        {
          total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
          sqlite3_reset (stmt);
          continue;
        }
      sqlite3_bind_int64 (stmt, 6, limit);
      sqlite3_bind_int64 (stmt, 7, (page - 1) * limit);
      hibachi_reply_page_rows (req, stmt, total, page, limit);
    }
}

static void
changes_cb (HibachiServerRequest *req)
{
  const char *since_text = hibachi_request_query (req, "since");
  g_autoptr(JsonNode) result = NULL;
  gint64 since, wait;

  if (!hibachi_request_query_int (req, "wait", 0, 0, HIBACHI_CHANGES_MAX_WAIT_SECONDS, &wait))
    return;

  if (since_text == NULL)
    {
      /* No cursor: the current one, at once. */
      JsonObject *reply = json_object_new ();
      sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db, "SELECT coalesce(max(seq), 0) FROM changes", NULL);
      g_autofree char *cursor = NULL;

      sqlite3_step (stmt);
      cursor = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      json_object_set_string_member (reply, "cursor", cursor);
      json_object_set_array_member (reply, "changes", json_array_new ());
      hibachi_reply_object (req, 200, reply);
      return;
    }

  if (!g_ascii_string_to_signed (since_text, 10, 0, G_MAXINT64 - 1, &since, NULL))
    {
      hibachi_reply_field_error (req, "since", "Use the cursor of a previous answer.");
      return;
    }

  result = hibachi_server_changes_collect (req->server, req->principal, since);
  if (json_array_get_length (json_object_get_array_member (json_node_get_object (result), "changes")) > 0 || wait == 0)
    {
      hibachi_reply_node (req, 200, g_steal_pointer (&result));
      return;
    }

  hibachi_server_changes_wait (req->server, req, since, (guint) wait);
}

/* A booking's history: its audit entries, oldest first. */
static void
history_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &hibachi_booking_entity, req->params[0]);
  sqlite3_stmt *stmt;
  gint64 total;

  if (row == NULL)
    return;

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT count(*) FROM audit_log WHERE resource_type = 'booking' AND resource_id = ?", NULL);
  hibachi_server_db_bind_text (stmt, 1, req->params[0]);
  total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  stmt = hibachi_server_db_prepare (req->db,
                                    "SELECT id, at, actor_id, actor_email, action, resource_type, resource_id, reason, "
                                    "changes FROM audit_log WHERE resource_type = 'booking' AND resource_id = ? ORDER BY seq",
                                    NULL);
  hibachi_server_db_bind_text (stmt, 1, req->params[0]);
  hibachi_reply_page_rows (req, stmt, total, 1, MAX (total, 1));
}

const HibachiServerRoute hibachi_server_audit_routes[] = {
  { "GET", "/api/v1/audit-logs", audit_cb, HIBACHI_CAPABILITY_VIEW_AUDIT },
  { "GET", "/api/v1/changes", changes_cb, HIBACHI_CAPABILITY_FOLLOW_CHANGES },
  { "GET", "/api/v1/bookings/{id}/history", history_cb, HIBACHI_CAPABILITY_VIEW_BOOKING_HISTORY },
  { NULL }
};
