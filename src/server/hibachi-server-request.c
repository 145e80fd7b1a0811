/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-request"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-server-private.h"

/* Replies */

static void
set_response_text (HibachiServerRequest *req,
                   guint                 status,
                   char                 *text,
                   gsize                 len)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE, text, len);
  req->replied = TRUE;

  /* Remember a created resource for replays of the same Idempotency-Key. */
  if (status == 201 && req->idempotency_key != NULL && req->principal != NULL)
    {
      sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                      "INSERT OR IGNORE INTO idempotency_keys "
                                                      "(user_id, key, method_path, status, body, created_at) "
                                                      "VALUES (?, ?, ?, ?, ?, ?)", NULL);
      g_autofree char *method_path = g_strconcat (req->method, " ", req->path, NULL);
      g_autofree char *now = hibachi_server_now_iso (req->server);

      if (stmt != NULL)
        {
          hibachi_server_db_bind_text (stmt, 1, req->principal->user_id);
          hibachi_server_db_bind_text (stmt, 2, req->idempotency_key);
          hibachi_server_db_bind_text (stmt, 3, method_path);
          sqlite3_bind_int (stmt, 4, (int) status);
          sqlite3_bind_text (stmt, 5, text, (int) len, SQLITE_TRANSIENT);
          hibachi_server_db_bind_text (stmt, 6, now);
          hibachi_server_db_step_done (req->db, stmt, NULL);
        }
    }
}

static void
set_json_response (HibachiServerRequest *req,
                   guint                 status,
                   JsonNode             *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize len = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  set_response_text (req, status, text, len);
}

void
hibachi_reply_json_text (HibachiServerRequest *req,
                         guint                 status,
                         GString              *json)
{
  gsize len = json->len;

  set_response_text (req, status, g_string_free (json, FALSE), len);
}

void
hibachi_reply_page_json (HibachiServerRequest *req,
                         GString              *data,
                         gint64                total,
                         gint64                page,
                         gint64                limit)
{
  GString *out = data;

  g_string_prepend (out, "{\"data\":");
  g_string_append_printf (out, ",\"total_count\":%" G_GINT64_FORMAT ",\"page\":%" G_GINT64_FORMAT
                          ",\"limit\":%" G_GINT64_FORMAT ",\"has_next\":%s,\"has_prev\":%s}",
                          total, page, limit, page * limit < total ? "true" : "false", page > 1 ? "true" : "false");
  hibachi_reply_json_text (req, 200, out);
}

gboolean
hibachi_request_replay_idempotent (HibachiServerRequest *req)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "SELECT status, body, method_path FROM idempotency_keys "
                                                  "WHERE user_id = ? AND key = ?", NULL);
  g_autofree char *method_path = g_strconcat (req->method, " ", req->path, NULL);
  gboolean replayed = FALSE;

  if (stmt == NULL)
    return FALSE;

  hibachi_server_db_bind_text (stmt, 1, req->principal->user_id);
  hibachi_server_db_bind_text (stmt, 2, req->idempotency_key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (g_strcmp0 (hibachi_server_db_column_text (stmt, 2), method_path) != 0)
        {
          sqlite3_reset (stmt);
          hibachi_reply_error (req, 409, "CONFLICT",
                               "This Idempotency-Key was already used for another request.", NULL);
          return TRUE;
        }

      soup_server_message_set_status (req->msg, (guint) sqlite3_column_int (stmt, 0), NULL);
      soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_COPY,
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (gsize) sqlite3_column_bytes (stmt, 1));
      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Idempotent-Replayed", "true");
      req->replied = TRUE;
      replayed = TRUE;
    }
  sqlite3_reset (stmt);

  return replayed;
}

void
hibachi_reply_node (HibachiServerRequest *req,
                    guint                 status,
                    JsonNode             *node)
{
  set_json_response (req, status, node);
  json_node_unref (node);
}

void
hibachi_reply_object (HibachiServerRequest *req,
                      guint                 status,
                      JsonObject           *object)
{
  hibachi_reply_node (req, status, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

void
hibachi_reply_resource (HibachiServerRequest *req,
                        guint                 status,
                        JsonObject           *object)
{
  if (json_object_has_member (object, "version"))
    {
      g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", hibachi_json_get_int (object, "version"));

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "ETag", etag);
    }

  if (req->reply_extra != NULL)
    {
      g_autoptr(JsonObject) extra = g_steal_pointer (&req->reply_extra);
      g_autoptr(GList) members = json_object_get_members (extra);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data, json_node_copy (json_object_get_member (extra, l->data)));
    }

  hibachi_reply_object (req, status, object);
}

void
hibachi_reply_error (HibachiServerRequest *req,
                     guint                 status,
                     const char           *code,
                     const char           *message,
                     JsonObject           *details)
{
  JsonObject *root = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *now = req->server ? hibachi_server_now_iso (req->server) : NULL;

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (details != NULL)
    json_object_set_object_member (error, "details", details);
  json_object_set_string_member (error, "timestamp", now ? now : "");
  json_object_set_boolean_member (root, "success", FALSE);
  json_object_set_object_member (root, "error", error);

  hibachi_reply_object (req, status, root);
}

void
hibachi_field_errors_add (JsonObject *field_errors,
                          const char *field,
                          const char *message)
{
  JsonArray *messages;

  if (!json_object_has_member (field_errors, field))
    json_object_set_array_member (field_errors, field, json_array_new ());
  messages = json_object_get_array_member (field_errors, field);
  json_array_add_string_element (messages, message);
}

void
hibachi_reply_field_errors (HibachiServerRequest *req,
                            JsonObject           *field_errors)
{
  JsonObject *details = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (field_errors);
  g_autofree char *message = NULL;

  message = g_strdup_printf ("%s: %s", (const char *) members->data,
                             json_array_get_string_element (json_object_get_array_member (field_errors, members->data), 0));
  json_object_set_object_member (details, "field_errors", field_errors);
  hibachi_reply_error (req, 422, "VALIDATION_ERROR", message, details);
}

void
hibachi_reply_field_error (HibachiServerRequest *req,
                           const char           *field,
                           const char           *message)
{
  JsonObject *field_errors = json_object_new ();

  hibachi_field_errors_add (field_errors, field, message);
  hibachi_reply_field_errors (req, field_errors);
}

void
hibachi_reply_forbidden (HibachiServerRequest *req)
{
  hibachi_reply_error (req, 403, "FORBIDDEN", "Your role does not allow this.", NULL);
}

void
hibachi_reply_not_found (HibachiServerRequest *req,
                         const char           *what)
{
  g_autofree char *message = g_strdup_printf ("No such %s.", what);

  hibachi_reply_error (req, 404, "NOT_FOUND", message, NULL);
}

void
hibachi_reply_stale (HibachiServerRequest *req,
                     JsonObject           *current)
{
  JsonObject *details = json_object_new ();

  json_object_set_object_member (details, "current", json_object_ref (current));
  hibachi_reply_error (req, 412, "PRECONDITION_FAILED",
                       "Someone else changed this since you loaded it.", details);
}

void
hibachi_reply_internal (HibachiServerRequest *req,
                        GError               *error)
{
  hibachi_request_rollback (req);
  g_warning ("%s %s: %s", req->method, req->path, error ? error->message : "unknown error");
  if (error != NULL && g_error_matches (error, HIBACHI_SERVER_DB_ERROR, HIBACHI_SERVER_DB_ERROR_BUSY))
    hibachi_reply_error (req, 503, "INTERNAL_SERVER_ERROR", "The server is busy; try again.", NULL);
  else
    hibachi_reply_error (req, 500, "INTERNAL_SERVER_ERROR", "The server could not complete the request.", NULL);
}

void
hibachi_reply_bytes (HibachiServerRequest *req,
                     const char           *content_type,
                     GBytes               *bytes)
{
  soup_server_message_set_status (req->msg, 200, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  req->replied = TRUE;
}

void
hibachi_reply_page_rows (HibachiServerRequest *req,
                         sqlite3_stmt         *stmt,
                         gint64                total,
                         gint64                page,
                         gint64                limit)
{
  GString *data = g_string_sized_new (1024 * (gsize) limit);

  hibachi_server_db_append_rows_json (data, stmt);
  hibachi_reply_page_json (req, data, total, page, limit);
}

/* Query and body */

const char *
hibachi_request_query (HibachiServerRequest *req,
                       const char           *name)
{
  const char *value = req->query ? g_hash_table_lookup (req->query, name) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
hibachi_request_query_int (HibachiServerRequest *req,
                           const char           *name,
                           gint64                default_value,
                           gint64                min_value,
                           gint64                max_value,
                           gint64               *out_value)
{
  const char *text = hibachi_request_query (req, name);
  gint64 value;

  if (text == NULL)
    {
      *out_value = default_value;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, min_value, max_value, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf ("Must be a whole number from %" G_GINT64_FORMAT
                                                  " to %" G_GINT64_FORMAT ".", min_value, max_value);
      hibachi_reply_field_error (req, name, message);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

gboolean
hibachi_request_query_double (HibachiServerRequest *req,
                              const char           *name,
                              double                min_value,
                              double                max_value,
                              gboolean              required,
                              double               *out_value)
{
  const char *text = hibachi_request_query (req, name);
  char *end = NULL;
  double value;

  if (text == NULL && !required)
    return TRUE;

  value = text ? g_ascii_strtod (text, &end) : NAN;
  if (text == NULL || end == text || *end != '\0' || !isfinite (value) || value < min_value || value > max_value)
    {
      g_autofree char *message = g_strdup_printf ("Must be a number from %g to %g.", min_value, max_value);
      hibachi_reply_field_error (req, name, message);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

gboolean
hibachi_request_query_date (HibachiServerRequest *req,
                            const char           *name,
                            const char          **out_value)
{
  const char *text = hibachi_request_query (req, name);
  g_autofree char *message = NULL;

  *out_value = NULL;
  if (text == NULL)
    return TRUE;

  if (!hibachi_validate_date (text, NULL, &message))
    {
      hibachi_reply_field_error (req, name, message);
      return FALSE;
    }

  *out_value = text;
  return TRUE;
}

gboolean
hibachi_request_parse_body (HibachiServerRequest *req)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  const char *data;
  gsize len;

  if (req->body != NULL)
    return TRUE;

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "This request needs a JSON object body.", NULL);
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "The body is not valid UTF-8.", NULL);
      return FALSE;
    }

  /* Before json-glib sees the text: it recurses per nesting level (a long
   * run of "[" overflows the stack), accepts comments and single quotes, and
   * silently cuts strings at \u0000. */
  switch (hibachi_json_text_check (data, len, HIBACHI_JSON_MAX_DEPTH, &member))
    {
    case HIBACHI_JSON_TEXT_OK:
      break;
    case HIBACHI_JSON_TEXT_TOO_DEEP:
      hibachi_reply_error (req, 400, "BAD_REQUEST", "The body nests arrays and objects deeper than 64 levels.", NULL);
      return FALSE;
    case HIBACHI_JSON_TEXT_NOT_STRICT:
      hibachi_reply_error (req, 400, "BAD_REQUEST",
                           "The body is not strict JSON (no comments, single quotes or bare words).", NULL);
      return FALSE;
    case HIBACHI_JSON_TEXT_BAD_STRING:
      if (member != NULL)
        hibachi_reply_field_error (req, member, "Text may not contain U+0000 or an unpaired surrogate.");
      else
        hibachi_reply_error (req, 400, "BAD_REQUEST", "A member name contains U+0000 or an unpaired surrogate.", NULL);
      return FALSE;
    default:
      g_assert_not_reached ();
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    {
      g_autofree char *message = g_strdup_printf ("The body is not valid JSON: %s", error->message);
      hibachi_reply_error (req, 400, "BAD_REQUEST", message, NULL);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "The body must be a JSON object.", NULL);
      return FALSE;
    }

  req->body = json_node_ref (json_parser_get_root (parser));

  return TRUE;
}

JsonObject *
hibachi_request_body_object (HibachiServerRequest *req)
{
  if (!hibachi_request_parse_body (req))
    return NULL;

  return json_node_get_object (req->body);
}

gboolean
hibachi_request_if_match (HibachiServerRequest *req,
                          gint64               *out_version)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "If-Match");
  g_autofree char *tag = value ? g_strstrip (g_strdup (value)) : NULL;
  const char *p = tag;
  gsize digits;
  guint64 version;

  /* Without it the write would be blind and could undo someone else's
   * change; "*" says the same. */
  if (tag == NULL || strcmp (tag, "*") == 0)
    {
      hibachi_reply_error (req, 428, "PRECONDITION_REQUIRED",
                           "Send If-Match with the version you loaded (its ETag).", NULL);
      return FALSE;
    }

  /* Exactly one entity tag, "N" or W/"N", N being the version. */
  if (g_str_has_prefix (p, "W/"))
    p += 2;
  digits = *p == '"' ? strspn (p + 1, "0123456789") : 0;
  if (digits == 0 || digits > 18 || strcmp (p + 1 + digits, "\"") != 0)
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "If-Match must be one entity tag: the ETag you loaded.", NULL);
      return FALSE;
    }
  p++;
  tag[p - tag + digits] = '\0';
  if (!g_ascii_string_to_unsigned (p, 10, 0, G_MAXINT64, &version, NULL))
    {
      hibachi_reply_error (req, 400, "BAD_REQUEST", "If-Match must be one entity tag: the ETag you loaded.", NULL);
      return FALSE;
    }

  *out_version = (gint64) version;
  return TRUE;
}

/* Transactions and audit */

gboolean
hibachi_request_begin (HibachiServerRequest *req)
{
  g_autoptr(GError) error = NULL;

  /* Writers take turns here rather than in SQLite's busy handler, which
   * sleeps; readers never wait (WAL). */
  hibachi_server_lock_writes (req->server);
  req->writing = TRUE;
  if (!hibachi_server_db_begin (req->db, &error))
    {
      hibachi_reply_internal (req, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
hibachi_request_commit (HibachiServerRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (!hibachi_server_db_commit (req->db, &error))
    {
      hibachi_reply_internal (req, error);
      return FALSE;
    }
  req->writing = FALSE;
  hibachi_server_unlock_writes (req->server);

  hibachi_server_changes_notify (req->server);

  return TRUE;
}

void
hibachi_request_rollback (HibachiServerRequest *req)
{
  if (req->db != NULL)
    hibachi_server_db_rollback (req->db);
  if (req->writing)
    {
      req->writing = FALSE;
      hibachi_server_unlock_writes (req->server);
    }
}

static JsonObject *
diff_objects (JsonObject *before,
              JsonObject *after)
{
  JsonObject *changes = json_object_new ();
  g_autoptr(GList) members = NULL;

  if (after != NULL)
    members = json_object_get_members (after);
  else if (before != NULL)
    members = json_object_get_members (before);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *old_value = before ? json_object_get_member (before, name) : NULL;
      JsonNode *new_value = after ? json_object_get_member (after, name) : NULL;
      JsonObject *change;

      if (g_str_equal (name, "version") || g_str_equal (name, "updated_at"))
        continue;
      if (old_value != NULL && new_value != NULL && json_node_equal (old_value, new_value))
        continue;

      change = json_object_new ();
      if (old_value != NULL)
        json_object_set_member (change, "old", json_node_copy (old_value));
      else
        json_object_set_null_member (change, "old");
      if (new_value != NULL)
        json_object_set_member (change, "new", json_node_copy (new_value));
      else
        json_object_set_null_member (change, "new");
      json_object_set_object_member (changes, name, change);
    }

  return changes;
}

gboolean
hibachi_request_record (HibachiServerRequest *req,
                        const char           *action,
                        const char           *resource_type,
                        const char           *resource_id,
                        const char           *station_id,
                        const char           *reason,
                        JsonObject           *before,
                        JsonObject           *after,
                        gint64                version)
{
  g_autoptr(JsonObject) changes = diff_objects (before, after);
  g_autoptr(JsonNode) changes_node = json_node_init_object (json_node_alloc (), changes);
  g_autofree char *changes_text = json_to_string (changes_node, FALSE);
  g_autofree char *now = hibachi_server_now_iso (req->server);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  const char *actor_id = req->principal ? req->principal->user_id : NULL;
  const char *actor_email = req->principal ? req->principal->email : NULL;
  sqlite3_stmt *stmt;
  gint64 seq;

  stmt = hibachi_server_db_prepare (req->db,
                                    "INSERT INTO changes (resource, resource_id, action, version, actor, station_id, at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", &error);
  if (stmt == NULL)
    goto fail;
  hibachi_server_db_bind_text (stmt, 1, resource_type);
  hibachi_server_db_bind_text (stmt, 2, resource_id);
  hibachi_server_db_bind_text (stmt, 3, action);
  if (version > 0)
    sqlite3_bind_int64 (stmt, 4, version);
  hibachi_server_db_bind_text (stmt, 5, actor_email);
  hibachi_server_db_bind_text (stmt, 6, station_id);
  hibachi_server_db_bind_text (stmt, 7, now);
  if (!hibachi_server_db_step_done (req->db, stmt, &error))
    goto fail;
  seq = sqlite3_last_insert_rowid (hibachi_server_db_get_handle (req->db));

  stmt = hibachi_server_db_prepare (req->db,
                                    "INSERT INTO audit_log (id, seq, at, actor_id, actor_email, action, resource_type, "
                                    "resource_id, station_id, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    &error);
  if (stmt == NULL)
    goto fail;
  hibachi_server_db_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, seq);
  hibachi_server_db_bind_text (stmt, 3, now);
  hibachi_server_db_bind_text (stmt, 4, actor_id);
  hibachi_server_db_bind_text (stmt, 5, actor_email);
  hibachi_server_db_bind_text (stmt, 6, action);
  hibachi_server_db_bind_text (stmt, 7, resource_type);
  hibachi_server_db_bind_text (stmt, 8, resource_id);
  hibachi_server_db_bind_text (stmt, 9, station_id);
  hibachi_server_db_bind_text (stmt, 10, reason);
  hibachi_server_db_bind_text (stmt, 11, changes_text);
  if (!hibachi_server_db_step_done (req->db, stmt, &error))
    goto fail;

  return TRUE;

fail:
  hibachi_reply_internal (req, error);
  return FALSE;
}

/* Entity fields */

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
