/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-entity"

#include "config.h"

#include "hibachi-server-private.h"

static gboolean
can_read_row (HibachiServerRequest *req,
              const HibachiEntity  *entity,
              const char           *station_id,
              const char           *chef_id)
{
  const HibachiServerPrincipal *p = req->principal;

  if (p->role == HIBACHI_ROLE_CHEF)
    return entity->chef_member != NULL && p->chef_id != NULL && g_strcmp0 (chef_id, p->chef_id) == 0;

  if (entity->readable_by_all_staff)
    return TRUE;

  return hibachi_server_principal_has_station (p, station_id);
}

static gboolean
can_read (HibachiServerRequest *req,
          const HibachiEntity  *entity,
          JsonObject           *row)
{
  return can_read_row (req, entity, hibachi_json_get_string (row, entity->station_member),
                       entity->chef_member ? hibachi_json_get_string (row, entity->chef_member) : NULL);
}

JsonObject *
hibachi_entity_load (HibachiServerRequest *req,
                     const HibachiEntity  *entity,
                     const char           *id)
{
  g_autoptr(JsonObject) row = hibachi_db_get_row (req, entity->select_by_id, id);

  if (row == NULL)
    {
      hibachi_reply_not_found (req, entity->resource_type);
      return NULL;
    }

  if (!can_read (req, entity, row))
    {
      /* Rows of other stations do not exist for the caller: no probing by id. */
      hibachi_reply_not_found (req, entity->resource_type);
      return NULL;
    }

  return g_steal_pointer (&row);
}

gboolean
hibachi_entity_can_write (HibachiServerRequest *req,
                          const HibachiEntity  *entity,
                          JsonObject           *row)
{
  if (!hibachi_role_can (req->principal->role, entity->write_capability))
    return FALSE;

  return hibachi_server_principal_has_station (req->principal, hibachi_json_get_string (row, entity->station_member));
}

void
hibachi_entity_reply_get (HibachiServerRequest *req,
                          const HibachiEntity  *entity)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db, entity->select_by_id, NULL);
  int station = hibachi_server_db_column_index (stmt, entity->station_member);
  int chef = entity->chef_member ? hibachi_server_db_column_index (stmt, entity->chef_member) : -1;
  int version = hibachi_server_db_column_index (stmt, "version");
  g_autofree char *etag = NULL;
  GString *json;

  /* The read path of every resource: JSON written straight from the row. */
  hibachi_server_db_bind_text (stmt, 1, req->params[0]);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !can_read_row (req, entity, hibachi_server_db_column_text (stmt, station),
                     chef >= 0 ? hibachi_server_db_column_text (stmt, chef) : NULL))
    {
      sqlite3_reset (stmt);
      hibachi_reply_not_found (req, entity->resource_type);
      return;
    }

  json = g_string_sized_new (1024);
  hibachi_server_db_append_row_json (json, stmt);
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", (gint64) sqlite3_column_int64 (stmt, version));
  sqlite3_reset (stmt);

  hibachi_request_set_reply_header (req, "ETag", etag);
  hibachi_reply_json_text (req, 200, json);
}

void
hibachi_entity_write (HibachiServerRequest *req,
                      const HibachiEntity  *entity,
                      JsonObject           *row,
                      JsonObject           *changes,
                      const char           *action,
                      const char           *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  const char *id = hibachi_json_get_string (row, "id");
  gint64 version = hibachi_json_get_int (row, "version");
  gint64 expected;

  if (!hibachi_request_if_match (req, &expected))
    return;
  if (expected != version)
    {
      hibachi_reply_stale (req, row);
      return;
    }

  if (!hibachi_request_begin (req))
    return;

  if (!hibachi_db_update_row (req, entity->table, id, version, changes, &error))
    {
      if (error != NULL)
        {
          hibachi_reply_internal (req, error);
          return;
        }

      /* Changed between our read and the write. */
      hibachi_request_rollback (req);
      after = hibachi_db_get_row (req, entity->select_by_id, id);
      hibachi_reply_stale (req, after ? after : row);
      return;
    }

  after = hibachi_db_get_row (req, entity->select_by_id, id);
  if (after == NULL ||
      !hibachi_request_record (req, action, entity->resource_type, id,
                               hibachi_json_get_string (after, entity->station_member),
                               reason, row, after, hibachi_json_get_int (after, "version")) ||
      !hibachi_request_commit (req))
    {
      if (!req->replied)
        hibachi_reply_internal (req, NULL);
      return;
    }

  hibachi_reply_resource (req, 200, g_steal_pointer (&after));
}

void
hibachi_entity_patch (HibachiServerRequest *req,
                      const HibachiEntity  *entity)
{
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *body;

  row = hibachi_entity_load (req, entity, req->params[0]);
  if (row == NULL)
    return;
  if (!hibachi_entity_can_write (req, entity, row))
    {
      hibachi_reply_forbidden (req);
      return;
    }

  body = hibachi_request_body_object (req);
  if (body == NULL)
    return;

  hibachi_fields_collect (entity->fields, body, FALSE, changes, field_errors);
  if (json_object_get_size (field_errors) == 0 && entity->complete != NULL)
    {
      g_autoptr(JsonObject) merged = json_object_new ();
      g_autoptr(GList) row_members = json_object_get_members (row);

      for (const GList *l = row_members; l != NULL; l = l->next)
        json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (row, l->data)));
      members = json_object_get_members (changes);
      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (changes, l->data)));

      entity->complete (req, merged, changes, field_errors);
    }

  if (json_object_get_size (field_errors) > 0)
    {
      hibachi_reply_field_errors (req, g_steal_pointer (&field_errors));
      return;
    }
  if (json_object_get_size (changes) == 0)
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "The request changes nothing.", NULL);
      return;
    }

  hibachi_entity_write (req, entity, row, changes, "update", NULL);
}

void
hibachi_entity_get_cb (HibachiServerRequest *req)
{
  hibachi_entity_reply_get (req, req->route_data);
}

void
hibachi_entity_patch_cb (HibachiServerRequest *req)
{
  hibachi_entity_patch (req, req->route_data);
}
