/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-reviews"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

#define REVIEW_COLUMNS \
  "id, booking_id, station_id, chef_id, customer_name, rating, title, body, original_body, photos, " \
  "status, featured, hidden, moderation_reason, response, event_date, created_at, updated_at, moderated_at, " \
  "moderated_by, version"
#define REVIEW_TEXT_MAX 5000
#define RESPONSE_MAX 2000
#define BULK_MAX 200

static const HibachiFieldSpec review_fields[] = {
  { "title", HIBACHI_FIELD_TEXT, 0, 0, 200, NULL },
  { "body", HIBACHI_FIELD_TEXT, 0, 0, REVIEW_TEXT_MAX, NULL },
  { "featured", HIBACHI_FIELD_BOOL, 0, 0, 0, NULL },
  { "hidden", HIBACHI_FIELD_BOOL, 0, 0, 0, NULL },
  { NULL }
};

static void complete_review (HibachiServerRequest *req,
                             JsonObject           *row,
                             JsonObject           *changes,
                             JsonObject           *field_errors);

static const HibachiEntity review_entity = {
  .table = "reviews",
  .resource_type = "review",
  .select_by_id = "SELECT " REVIEW_COLUMNS " FROM reviews WHERE id = ?",
  .fields = review_fields,
  .station_member = "station_id",
  .write_capability = HIBACHI_CAPABILITY_MODERATE_REVIEWS,
  .complete = complete_review,
};

static void
complete_review (HibachiServerRequest *req,
                 JsonObject           *row,
                 JsonObject           *changes,
                 JsonObject           *field_errors)
{
  /* The customer's words are kept the first time staff edit them. */
  if (json_object_has_member (changes, "body") && hibachi_json_get_string (row, "original_body") == NULL)
    {
      g_autoptr(JsonObject) stored = hibachi_db_get_row (req, review_entity.select_by_id, hibachi_json_get_string (row, "id"));

      if (stored != NULL && g_strcmp0 (hibachi_json_get_string (stored, "body"), hibachi_json_get_string (changes, "body")) != 0)
        json_object_set_string_member (changes, "original_body", hibachi_json_get_string (stored, "body"));
    }
}

typedef struct
{
  GString   *where;
  GPtrArray *params;
} Filter;

static gboolean
build_filter (HibachiServerRequest *req,
              Filter               *filter,
              gboolean              with_status)
{
  const HibachiServerPrincipal *p = req->principal;
  const char *value;
  gint64 rating;

  filter->where = g_string_new ("1");
  filter->params = g_ptr_array_new_with_free_func (g_free);

  if (with_status && (value = hibachi_request_query (req, "status")) != NULL && g_strcmp0 (value, "all") != 0)
    {
      if (strcmp (value, "pending") != 0 && strcmp (value, "approved") != 0 &&
          strcmp (value, "rejected") != 0 && strcmp (value, "flagged") != 0)
        {
          hibachi_reply_field_error (req, "status", "Use pending, approved, rejected, flagged or all.");
          return FALSE;
        }
      g_string_append (filter->where, " AND status = ?");
      g_ptr_array_add (filter->params, g_strdup (value));
    }
  if ((value = hibachi_request_query (req, "station_id")) != NULL)
    {
      if (!hibachi_server_principal_has_station (p, value))
        {
          hibachi_reply_forbidden (req);
          return FALSE;
        }
      g_string_append (filter->where, " AND station_id = ?");
      g_ptr_array_add (filter->params, g_strdup (value));
    }
  if ((value = hibachi_request_query (req, "chef_id")) != NULL)
    {
      g_string_append (filter->where, " AND chef_id = ?");
      g_ptr_array_add (filter->params, g_strdup (value));
    }
  if (!hibachi_request_query_int (req, "rating", 0, 1, 5, &rating))
    return FALSE;
  if (rating > 0)
    {
      g_string_append (filter->where, " AND rating = ?");
      g_ptr_array_add (filter->params, g_strdup_printf ("%" G_GINT64_FORMAT, rating));
    }
  if ((value = hibachi_request_query (req, "has_photos")) != NULL)
    {
      if (strcmp (value, "true") != 0 && strcmp (value, "false") != 0)
        {
          hibachi_reply_field_error (req, "has_photos", "Use true or false.");
          return FALSE;
        }
      g_string_append (filter->where, strcmp (value, "true") == 0 ? " AND has_photos" : " AND NOT has_photos");
    }
  if ((value = hibachi_request_query (req, "q")) != NULL)
    {
      g_string_append (filter->where, " AND instr(lower(title || ' ' || body || ' ' || customer_name), lower(?)) > 0");
      g_ptr_array_add (filter->params, g_strdup (value));
    }
  if (!hibachi_server_principal_is_global (p))
    {
      g_autoptr(JsonNode) ids = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; p->station_ids[i] != NULL; i++)
        json_array_add_string_element (array, p->station_ids[i]);
      json_node_take_array (ids, array);
      g_string_append (filter->where, " AND station_id IN (SELECT value FROM json_each(?))");
      g_ptr_array_add (filter->params, json_to_string (ids, FALSE));
    }

  return TRUE;
}

static void
filter_clear (Filter *filter)
{
  if (filter->where != NULL)
    g_string_free (filter->where, TRUE);
  g_clear_pointer (&filter->params, g_ptr_array_unref);
}

static void
bind_filter (sqlite3_stmt *stmt,
             Filter       *filter)
{
  for (guint i = 0; i < filter->params->len; i++)
    hibachi_server_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (filter->params, i));
}

static void
list_cb (HibachiServerRequest *req)
{
  Filter filter = { 0 }, all = { 0 };
  g_autofree char *page_sql = NULL;
  g_autofree char *count_sql = NULL;
  gint64 page, limit, total;
  JsonObject *root, *counts;
  JsonArray *data;
  sqlite3_stmt *stmt;

  if (!hibachi_request_query_int (req, "page", 1, 1, G_MAXINT32, &page) ||
      !hibachi_request_query_int (req, "limit", HIBACHI_PAGE_LIMIT_DEFAULT, 1, HIBACHI_PAGE_LIMIT_MAX, &limit) ||
      !build_filter (req, &filter, TRUE) || !build_filter (req, &all, FALSE))
    goto out;

  count_sql = g_strdup_printf ("SELECT count(*) FROM reviews WHERE %s", filter.where->str);
  stmt = hibachi_server_db_prepare (req->db, count_sql, NULL);
  bind_filter (stmt, &filter);
  total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  page_sql = g_strdup_printf ("SELECT " REVIEW_COLUMNS " FROM reviews WHERE %s ORDER BY created_at DESC, id "
                              "LIMIT ? OFFSET ?", filter.where->str);
  stmt = hibachi_server_db_prepare (req->db, page_sql, NULL);
  bind_filter (stmt, &filter);
  sqlite3_bind_int64 (stmt, (int) filter.params->len + 1, limit);
  sqlite3_bind_int64 (stmt, (int) filter.params->len + 2, (page - 1) * limit);
  data = json_array_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_array_add_object_element (data, hibachi_server_db_row_to_object (stmt));
  sqlite3_reset (stmt);

  /* Counts per status under the other filters, for the queue's tabs. */
  g_free (count_sql);
  count_sql = g_strdup_printf ("SELECT status, count(*) FROM reviews WHERE %s GROUP BY status", all.where->str);
  counts = json_object_new ();
  json_object_set_int_member (counts, "pending", 0);
  json_object_set_int_member (counts, "approved", 0);
  json_object_set_int_member (counts, "rejected", 0);
  json_object_set_int_member (counts, "flagged", 0);
  stmt = hibachi_server_db_prepare (req->db, count_sql, NULL);
  bind_filter (stmt, &all);
  {
    gint64 sum = 0;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        json_object_set_int_member (counts, hibachi_server_db_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
        sum += sqlite3_column_int64 (stmt, 1);
      }
    json_object_set_int_member (counts, "all", sum);
  }
  sqlite3_reset (stmt);

  root = json_object_new ();
  json_object_set_array_member (root, "data", data);
  json_object_set_int_member (root, "total_count", total);
  json_object_set_int_member (root, "page", page);
  json_object_set_int_member (root, "limit", limit);
  json_object_set_boolean_member (root, "has_next", page * limit < total);
  json_object_set_boolean_member (root, "has_prev", page > 1);
  json_object_set_object_member (root, "counts", counts);
  hibachi_reply_object (req, 200, root);

out:
  filter_clear (&filter);
  filter_clear (&all);
}

static gboolean
moderation_changes (HibachiServerRequest *req,
                    const char           *action,
                    const char           *reason,
                    JsonObject           *changes)
{
  g_autofree char *now = hibachi_server_now_iso (req->server);
  const char *status = g_str_equal (action, "approve") ? "approved"
                     : g_str_equal (action, "reject") ? "rejected"
                     : g_str_equal (action, "flag") ? "flagged" : NULL;

  if (status == NULL)
    return FALSE;

  json_object_set_string_member (changes, "status", status);
  if (reason != NULL)
    json_object_set_string_member (changes, "moderation_reason", reason);
  else
    json_object_set_null_member (changes, "moderation_reason");
  json_object_set_string_member (changes, "moderated_at", now);
  json_object_set_string_member (changes, "moderated_by", req->principal->email);

  return TRUE;
}

/* Reads the reason a moderation action needs; NULL after replying 422. */
static gboolean
read_reason (HibachiServerRequest *req,
             JsonObject           *body,
             const char           *action,
             char                **out_reason)
{
  const char *reason = body ? hibachi_json_get_string (body, "reason") : NULL;
  g_autofree char *message = NULL;

  *out_reason = NULL;
  if (g_str_equal (action, "approve") && reason == NULL)
    return TRUE;
  if (!hibachi_validate_reason (reason, &message))
    {
      hibachi_reply_field_error (req, "reason", message);
      return FALSE;
    }
  *out_reason = g_strstrip (g_strdup (reason));

  return TRUE;
}

static void
moderate (HibachiServerRequest *req,
          const char           *action)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &review_entity, req->params[0]);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *reason = NULL;
  JsonObject *body = NULL;
  SoupMessageBody *raw = soup_server_message_get_request_body (req->msg);

  if (row == NULL)
    return;
  if (!hibachi_entity_can_write (req, &review_entity, row))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  if (raw->length > 0 && (body = hibachi_request_body_object (req)) == NULL)
    return;
  if (!read_reason (req, body, action, &reason))
    return;

  moderation_changes (req, action, reason, changes);
  hibachi_entity_write (req, &review_entity, row, changes, action, reason);
}

static void
approve_cb (HibachiServerRequest *req)
{
  moderate (req, "approve");
}

static void
reject_cb (HibachiServerRequest *req)
{
  moderate (req, "reject");
}

static void
flag_cb (HibachiServerRequest *req)
{
  moderate (req, "flag");
}

static void
response_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &review_entity, req->params[0]);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *message = NULL;
  JsonObject *body;
  const char *text;

  if (row == NULL)
    return;
  if (!hibachi_entity_can_write (req, &review_entity, row))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  if ((body = hibachi_request_body_object (req)) == NULL)
    return;

  text = hibachi_json_get_string (body, "text");
  if (!hibachi_validate_required_text (text, RESPONSE_MAX, &message))
    {
      hibachi_reply_field_error (req, "text", message);
      return;
    }

  json_object_set_string_member (changes, "response", text);
  hibachi_entity_write (req, &review_entity, row, changes, "respond", NULL);
}

static void
bulk_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  JsonArray *ids, *updated;
  JsonObject *reply;

  if (body == NULL)
    return;

  action = hibachi_json_get_string (body, "action");
  if (action == NULL || (strcmp (action, "approve") != 0 && strcmp (action, "reject") != 0 && strcmp (action, "flag") != 0))
    {
      hibachi_reply_field_error (req, "action", "Use approve, reject or flag.");
      return;
    }
  ids = json_object_has_member (body, "ids") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "ids"))
        ? json_object_get_array_member (body, "ids") : NULL;
  if (ids == NULL || json_array_get_length (ids) == 0 || json_array_get_length (ids) > BULK_MAX)
    {
      hibachi_reply_field_error (req, "ids", "List 1 to 200 review ids.");
      return;
    }
  if (!read_reason (req, body, action, &reason))
    return;

  /* Every review must exist and be the caller's before any changes. */
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *node = json_array_get_element (ids, i);
      JsonObject *row;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          hibachi_reply_field_error (req, "ids", "Ids are texts.");
          return;
        }
      row = hibachi_entity_load (req, &review_entity, json_node_get_string (node));
      if (row == NULL)
        return;
      g_ptr_array_add (rows, row);
      if (!hibachi_entity_can_write (req, &review_entity, row))
        {
          hibachi_reply_forbidden (req);
          return;
        }
    }

  if (!hibachi_request_begin (req))
    return;
  updated = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);
      const char *id = hibachi_json_get_string (row, "id");
      g_autoptr(JsonObject) changes = json_object_new ();
      g_autoptr(JsonObject) after = NULL;

      moderation_changes (req, action, reason, changes);
      if (!hibachi_db_update_row (req, "reviews", id, hibachi_json_get_int (row, "version"), changes, &error))
        {
          json_array_unref (updated);
          if (error != NULL)
            hibachi_reply_internal (req, error);
          else
            {
              hibachi_request_rollback (req);
              after = hibachi_db_get_row (req, review_entity.select_by_id, id);
              hibachi_reply_stale (req, after ? after : row);
            }
          return;
        }
      after = hibachi_db_get_row (req, review_entity.select_by_id, id);
      if (!hibachi_request_record (req, action, "review", id, hibachi_json_get_string (row, "station_id"), reason,
                                   row, after, hibachi_json_get_int (after, "version")))
        {
          json_array_unref (updated);
          return;
        }
      json_array_add_object_element (updated, g_steal_pointer (&after));
    }
  if (!hibachi_request_commit (req))
    {
      json_array_unref (updated);
      return;
    }

  reply = json_object_new ();
  json_object_set_array_member (reply, "data", updated);
  hibachi_reply_object (req, 200, reply);
}

static void
photo_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &review_entity, req->params[0]);
  sqlite3_stmt *stmt;
  gint64 index;

  if (row == NULL)
    return;
  if (!g_ascii_string_to_signed (req->params[1], 10, 0, 99, &index, NULL))
    {
      hibachi_reply_not_found (req, "photo");
      return;
    }

  stmt = hibachi_server_db_prepare (req->db, "SELECT content_type, data FROM review_photos WHERE review_id = ? AND idx = ?", NULL);
  hibachi_server_db_bind_text (stmt, 1, req->params[0]);
  sqlite3_bind_int64 (stmt, 2, index);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      g_autofree char *type = g_strdup (hibachi_server_db_column_text (stmt, 0));

      sqlite3_reset (stmt);
      hibachi_request_set_reply_header (req, "Cache-Control", "private, max-age=86400");
      hibachi_reply_bytes (req, type, bytes);
      return;
    }
  sqlite3_reset (stmt);
  hibachi_reply_not_found (req, "photo");
}

const HibachiServerRoute hibachi_server_review_routes[] = {
  { "GET", "/api/v1/reviews", list_cb, HIBACHI_CAPABILITY_VIEW_REVIEWS },
  { "POST", "/api/v1/reviews/bulk", bulk_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS },
  { "GET", "/api/v1/reviews/{id}", hibachi_entity_get_cb, HIBACHI_CAPABILITY_VIEW_REVIEWS, &review_entity },
  { "PATCH", "/api/v1/reviews/{id}", hibachi_entity_patch_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS, &review_entity },
  { "POST", "/api/v1/reviews/{id}/approve", approve_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS },
  { "POST", "/api/v1/reviews/{id}/reject", reject_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS },
  { "POST", "/api/v1/reviews/{id}/flag", flag_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS },
  { "PUT", "/api/v1/reviews/{id}/response", response_cb, HIBACHI_CAPABILITY_MODERATE_REVIEWS },
  { "GET", "/api/v1/reviews/{id}/photos/{index}", photo_cb, HIBACHI_CAPABILITY_VIEW_REVIEWS },
  { NULL }
};
