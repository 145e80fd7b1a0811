/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-request"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-server-private.h"

/* Replies */

static void
set_reply (HibachiServerRequest *req,
           guint                 status,
           const char           *content_type,
           GBytes               *body)
{
  req->reply_status = status;
  g_free (req->reply_type);
  req->reply_type = g_strdup (content_type);
  g_clear_pointer (&req->reply_body, g_bytes_unref);
  req->reply_body = body;
  req->replied = TRUE;
}

void
hibachi_request_set_reply_header (HibachiServerRequest *req,
                                  const char           *name,
                                  const char           *value)
{
  if (req->reply_headers == NULL)
    req->reply_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_replace (req->reply_headers, name, value);
}

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

/* Main loop only: writes the reply into the message, once. */
void
hibachi_request_send_reply (HibachiServerRequest *req)
{
  if (req->reply_headers != NULL)
    soup_message_headers_foreach (req->reply_headers, copy_header_cb,
                                  soup_server_message_get_response_headers (req->msg));
  if (req->reply_status != 0)
    {
      gsize len = 0;
      const char *data = req->reply_body ? g_bytes_get_data (req->reply_body, &len) : NULL;

      soup_server_message_set_status (req->msg, req->reply_status, NULL);
      soup_server_message_set_response (req->msg, req->reply_type, SOUP_MEMORY_COPY, data, len);
    }
  hibachi_request_clear_reply (req);
}

void
hibachi_request_clear_reply (HibachiServerRequest *req)
{
  req->reply_status = 0;
  g_clear_pointer (&req->reply_type, g_free);
  g_clear_pointer (&req->reply_body, g_bytes_unref);
  g_clear_pointer (&req->reply_headers, soup_message_headers_unref);
}

static void
set_response_text (HibachiServerRequest *req,
                   guint                 status,
                   char                 *text,
                   gsize                 len)
{
  set_reply (req, status, "application/json", g_bytes_new_take (text, len));

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

      set_reply (req, (guint) sqlite3_column_int (stmt, 0), "application/json",
                 g_bytes_new (sqlite3_column_text (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1)));
      hibachi_request_set_reply_header (req, "Idempotent-Replayed", "true");
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

      hibachi_request_set_reply_header (req, "ETag", etag);
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
  set_reply (req, 200, content_type, g_bytes_ref (bytes));
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
