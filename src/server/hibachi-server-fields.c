/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entity fields: the checks of a field table on a request's members, and
 * the rows they are written to (column names only ever from a field table). */
#define G_LOG_DOMAIN "hibachi-server-request"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

gboolean
hibachi_field_check_email (JsonNode  *value,
                           char     **message)
{
  return hibachi_validate_email (json_node_get_string (value), message);
}

gboolean
hibachi_field_check_phone (JsonNode  *value,
                           char     **message)
{
  return hibachi_validate_phone (json_node_get_string (value), message);
}

gboolean
hibachi_field_check_date (JsonNode  *value,
                          char     **message)
{
  return hibachi_validate_date (json_node_get_string (value), NULL, message);
}

gboolean
hibachi_field_check_slot (JsonNode  *value,
                          char     **message)
{
  return hibachi_validate_slot (json_node_get_string (value), NULL, message);
}

static gboolean
check_type (const HibachiFieldSpec *spec,
            JsonNode               *value,
            char                  **message)
{
  GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (spec->flags & HIBACHI_FIELD_NULLABLE)
        return TRUE;
      *message = g_strdup ("May not be null.");
      return FALSE;
    }

  switch (spec->type)
    {
    case HIBACHI_FIELD_TEXT:
      if (type != G_TYPE_STRING)
        {
          *message = g_strdup ("Must be text.");
          return FALSE;
        }
      if (spec->max > 0 && g_utf8_strlen (json_node_get_string (value), -1) > (glong) spec->max)
        {
          *message = g_strdup_printf ("At most %.0f characters.", spec->max);
          return FALSE;
        }
      if (!(spec->flags & HIBACHI_FIELD_OPTIONAL_TEXT) && spec->check == NULL)
        return hibachi_validate_required_text (json_node_get_string (value), (guint) spec->max, message);
      return TRUE;

    case HIBACHI_FIELD_INT:
      if (type != G_TYPE_INT64)
        {
          *message = g_strdup ("Must be a whole number.");
          return FALSE;
        }
      return hibachi_validate_bounds (json_node_get_int (value), (gint64) spec->min, (gint64) spec->max, message);

    case HIBACHI_FIELD_REAL:
      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          *message = g_strdup ("Must be a number.");
          return FALSE;
        }
      if (json_node_get_double (value) < spec->min || json_node_get_double (value) > spec->max)
        {
          *message = g_strdup_printf ("Must be between %g and %g.", spec->min, spec->max);
          return FALSE;
        }
      return TRUE;

    case HIBACHI_FIELD_BOOL:
      if (type != G_TYPE_BOOLEAN)
        {
          *message = g_strdup ("Must be true or false.");
          return FALSE;
        }
      return TRUE;

    case HIBACHI_FIELD_STRING_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) > (guint) spec->max)
        {
          *message = g_strdup_printf ("Must be a list of at most %.0f texts.", spec->max);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
        {
          JsonNode *element = json_array_get_element (json_node_get_array (value), i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
              g_utf8_strlen (json_node_get_string (element), -1) > 100)
            {
              *message = g_strdup ("Each entry must be a text of at most 100 characters.");
              return FALSE;
            }
        }
      return TRUE;

    case HIBACHI_FIELD_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        {
          *message = g_strdup ("Must be an object.");
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

void
hibachi_fields_collect (const HibachiFieldSpec *specs,
                        JsonObject             *input,
                        gboolean                creating,
                        JsonObject             *merged,
                        JsonObject             *field_errors)
{
  g_autoptr(GList) members = json_object_get_members (input);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const HibachiFieldSpec *spec = NULL;
      JsonNode *value = json_object_get_member (input, name);
      g_autofree char *message = NULL;

      for (const HibachiFieldSpec *s = specs; s->name != NULL; s++)
        if (strcmp (s->name, name) == 0)
          spec = s;

      if (spec == NULL || (!creating && (spec->flags & HIBACHI_FIELD_READONLY)))
        {
          hibachi_field_errors_add (field_errors, name, spec ? "Cannot be changed." : "Unknown field.");
          continue;
        }

      if (!check_type (spec, value, &message) ||
          (spec->check != NULL && !JSON_NODE_HOLDS_NULL (value) && !spec->check (value, &message)))
        {
          hibachi_field_errors_add (field_errors, name, message ? message : "Invalid value.");
          continue;
        }

      json_object_set_member (merged, name, json_node_copy (value));
    }

  if (creating)
    {
      for (const HibachiFieldSpec *s = specs; s->name != NULL; s++)
        if ((s->flags & HIBACHI_FIELD_REQUIRED) && !json_object_has_member (input, s->name))
          hibachi_field_errors_add (field_errors, s->name, "This field is required.");
    }
}

/* The members in one order whatever the order of the request's keys, so one
 * set of columns is one statement. */
static GList *
sorted_members (JsonObject *object)
{
  return g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
}

gboolean
hibachi_db_update_row (HibachiServerRequest *req,
                       const char           *table,
                       const char           *id,
                       gint64                version,
                       JsonObject           *changes,
                       GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GList) members = sorted_members (changes);
  g_autofree char *now = hibachi_server_now_iso (req->server);
  sqlite3_stmt *stmt;
  int index = 1;

  /* Column names come from the entity's field table, never from the request. */
  g_string_append_printf (sql, "UPDATE %s SET version = version + 1, updated_at = ?", table);
  for (const GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (sql, ", %s = ?", (const char *) l->data);
  g_string_append (sql, " WHERE id = ? AND version = ?");

  stmt = hibachi_server_db_prepare_dynamic (req->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  hibachi_server_db_bind_text (stmt, index++, now);
  for (const GList *l = members; l != NULL; l = l->next)
    hibachi_server_db_bind_json (stmt, index++, json_object_get_member (changes, l->data));
  hibachi_server_db_bind_text (stmt, index++, id);
  sqlite3_bind_int64 (stmt, index, version);

  if (!hibachi_server_db_step_done (req->db, stmt, error))
    return FALSE;

  return hibachi_server_db_changes (req->db) == 1;
}

gboolean
hibachi_db_insert_row (HibachiServerRequest *req,
                       const char           *table,
                       JsonObject           *values,
                       GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GList) members = sorted_members (values);
  sqlite3_stmt *stmt;
  int index = 1;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_string_append_printf (sql, "%s%s", l == members ? "" : ", ", (const char *) l->data);
      g_string_append (marks, l == members ? "?" : ", ?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = hibachi_server_db_prepare_dynamic (req->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (const GList *l = members; l != NULL; l = l->next)
    hibachi_server_db_bind_json (stmt, index++, json_object_get_member (values, l->data));

  return hibachi_server_db_step_done (req->db, stmt, error);
}

JsonObject *
hibachi_db_get_row (HibachiServerRequest *req,
                    const char           *sql,
                    const char           *id)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db, sql, NULL);
  JsonObject *row = NULL;

  if (stmt == NULL)
    return NULL;

  hibachi_server_db_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = hibachi_server_db_row_to_object (stmt);
  sqlite3_reset (stmt);

  return row;
}
