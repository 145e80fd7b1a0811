/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-db"

#include "config.h"

#include <string.h>

#include "hibachi-server-db.h"
#include "hibachi-server-schema.h"

/* Statements built from a request's members (UPDATE … SET of the members
 * given): at most this many are kept, least recently used dropped first. */
#define DYNAMIC_STATEMENTS_MAX 64

struct _HibachiServerDb
{
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *dynamic;      /* SQL text → GList link in dynamic_lru */
  GQueue      dynamic_lru;  /* DynamicStatement, most recently used first */
  gint64      deadline;     /* monotonic; 0: no budget */
  gboolean    over_budget;
};

typedef struct
{
  char         *sql;
  sqlite3_stmt *stmt;
} DynamicStatement;

G_DEFINE_QUARK (hibachi-server-db-error-quark, hibachi_server_db_error)

gboolean
hibachi_server_db_set_error (HibachiServerDb  *db,
                             GError          **error)
{
  int code = sqlite3_errcode (db->handle);

  g_set_error (error, HIBACHI_SERVER_DB_ERROR,
               code == SQLITE_BUSY || code == SQLITE_LOCKED ? HIBACHI_SERVER_DB_ERROR_BUSY
                                                             : HIBACHI_SERVER_DB_ERROR_FAILED,
               "SQLite: %s", sqlite3_errmsg (db->handle));
  return FALSE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
dynamic_statement_free (gpointer data)
{
  DynamicStatement *entry = data;

  sqlite3_finalize (entry->stmt);
  g_free (entry->sql);
  g_free (entry);
}

gboolean
hibachi_server_db_exec (HibachiServerDb  *db,
                        const char       *sql,
                        GError          **error)
{
  char *message = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, HIBACHI_SERVER_DB_ERROR, HIBACHI_SERVER_DB_ERROR_FAILED,
                   "SQLite: %s", message ? message : "unknown error");
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

int
hibachi_server_db_get_schema_version (HibachiServerDb *db)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (db, "PRAGMA user_version", NULL);
  int version = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

static gboolean
migrate (HibachiServerDb  *db,
         GError          **error)
{
  int current = hibachi_server_db_get_schema_version (db);

  if (current > (int) hibachi_server_schema_n_migrations)
    {
      g_set_error (error, HIBACHI_SERVER_DB_ERROR, HIBACHI_SERVER_DB_ERROR_FAILED,
                   "The database has schema version %d, newer than this server knows (%u).",
                   current, hibachi_server_schema_n_migrations);
      return FALSE;
    }

  /* Each migration and its version bump commit together, so a crash leaves
   * the database at the previous version, never half migrated. */
  for (guint i = (guint) current; i < hibachi_server_schema_n_migrations; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!hibachi_server_db_begin (db, error))
        return FALSE;
      if (!hibachi_server_db_exec (db, hibachi_server_schema_migrations[i], error) ||
          !hibachi_server_db_exec (db, bump, error) ||
          !hibachi_server_db_commit (db, error))
        {
          hibachi_server_db_rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}

HibachiServerDb *
hibachi_server_db_open (const char  *path,
                        GError     **error)
{
  HibachiServerDb *db = g_new0 (HibachiServerDb, 1);

  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->dynamic = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&db->dynamic_lru);

  if (sqlite3_open_v2 (path, &db->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (db->handle != NULL)
        hibachi_server_db_set_error (db, error);
      else
        g_set_error (error, HIBACHI_SERVER_DB_ERROR, HIBACHI_SERVER_DB_ERROR_FAILED,
                     "Cannot open %s", path);
      hibachi_server_db_free (db);
      return NULL;
    }

  sqlite3_busy_timeout (db->handle, 5000);

  /* WAL + synchronous=NORMAL: a crash or kill loses at most the last
   * transactions, never consistency. The larger page cache and mmap keep the
   * booking indexes in memory (ENVIRONMENT.md → Performance facts). */
  if (!hibachi_server_db_exec (db,
                               "PRAGMA journal_mode = WAL;"
                               "PRAGMA synchronous = NORMAL;"
                               "PRAGMA foreign_keys = ON;"
                               "PRAGMA cache_size = -65536;"
                               "PRAGMA mmap_size = 268435456;"
                               "PRAGMA temp_store = MEMORY;",
                               error) ||
      !migrate (db, error))
    {
      hibachi_server_db_free (db);
      return NULL;
    }

  return db;
}

void
hibachi_server_db_free (HibachiServerDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  g_clear_pointer (&db->dynamic, g_hash_table_unref);
  g_queue_clear_full (&db->dynamic_lru, dynamic_statement_free);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db);
}

sqlite3 *
hibachi_server_db_get_handle (HibachiServerDb *db)
{
  return db->handle;
}

sqlite3_stmt *
hibachi_server_db_prepare (HibachiServerDb  *db,
                           const char       *sql,
                           GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hibachi_server_db_set_error (db, error);
      g_warning ("Cannot prepare %s: %s", sql, sqlite3_errmsg (db->handle));
      return NULL;
    }

  g_hash_table_insert (db->statements, g_strdup (sql), stmt);

  return stmt;
}

sqlite3_stmt *
hibachi_server_db_prepare_dynamic (HibachiServerDb  *db,
                                   const char       *sql,
                                   GError          **error)
{
  GList *link = g_hash_table_lookup (db->dynamic, sql);
  DynamicStatement *entry;
  sqlite3_stmt *stmt;

  if (link != NULL)
    {
      g_queue_unlink (&db->dynamic_lru, link);
      g_queue_push_head_link (&db->dynamic_lru, link);
      entry = link->data;
      sqlite3_reset (entry->stmt);
      sqlite3_clear_bindings (entry->stmt);
      return entry->stmt;
    }

  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hibachi_server_db_set_error (db, error);
      g_warning ("Cannot prepare %s: %s", sql, sqlite3_errmsg (db->handle));
      return NULL;
    }

  /* Only the caller of this function steps a dynamic statement, and it is
   * done with the previous one: dropping the oldest frees nothing in use. */
  if (db->dynamic_lru.length >= DYNAMIC_STATEMENTS_MAX)
    {
      DynamicStatement *oldest = g_queue_pop_tail (&db->dynamic_lru);

      g_hash_table_remove (db->dynamic, oldest->sql);
      dynamic_statement_free (oldest);
    }

  entry = g_new (DynamicStatement, 1);
  entry->sql = g_strdup (sql);
  entry->stmt = stmt;
  g_queue_push_head (&db->dynamic_lru, entry);
  g_hash_table_insert (db->dynamic, entry->sql, db->dynamic_lru.head);

  return stmt;
}

static int
budget_cb (gpointer data)
{
  HibachiServerDb *db = data;

  if (g_get_monotonic_time () < db->deadline)
    return 0;
  db->over_budget = TRUE;

  return 1;
}

void
hibachi_server_db_begin_budget (HibachiServerDb *db,
                                guint            milliseconds)
{
  db->deadline = g_get_monotonic_time () + (gint64) milliseconds * 1000;
  db->over_budget = FALSE;
  /* Every 1000 virtual machine steps: about every 10 µs of work. */
  sqlite3_progress_handler (db->handle, 1000, budget_cb, db);
}

gboolean
hibachi_server_db_over_budget (HibachiServerDb *db)
{
  return db->over_budget;
}

void
hibachi_server_db_end_budget (HibachiServerDb *db)
{
  if (db->deadline == 0)
    return;
  sqlite3_progress_handler (db->handle, 0, NULL, NULL);
  db->deadline = 0;
  db->over_budget = FALSE;
}

guint
hibachi_server_db_count_built_statements (HibachiServerDb *db)
{
  return db->dynamic_lru.length;
}

gboolean
hibachi_server_db_begin (HibachiServerDb  *db,
                         GError          **error)
{
  return hibachi_server_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
hibachi_server_db_commit (HibachiServerDb  *db,
                          GError          **error)
{
  return hibachi_server_db_exec (db, "COMMIT", error);
}

void
hibachi_server_db_rollback (HibachiServerDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
hibachi_server_db_step_done (HibachiServerDb  *db,
                             sqlite3_stmt     *stmt,
                             GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return hibachi_server_db_set_error (db, error);

  return TRUE;
}

gint64
hibachi_server_db_changes (HibachiServerDb *db)
{
  return sqlite3_changes64 (db->handle);
}

void
hibachi_server_db_bind_text (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
hibachi_server_db_bind_json (sqlite3_stmt *stmt,
                             int           index,
                             JsonNode     *value)
{
  GType type;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  if (!JSON_NODE_HOLDS_VALUE (value))
    {
      /* Arrays and objects are stored as JSON text (columns declared JSON). */
      g_autofree char *text = json_to_string (value, FALSE);
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return;
    }

  type = json_node_get_value_type (value);
  if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (value) ? 1 : 0);
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);
}

const char *
hibachi_server_db_column_text (sqlite3_stmt *stmt,
                               int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

JsonObject *
hibachi_server_db_row_to_object (sqlite3_stmt *stmt)
{
  JsonObject *object = json_object_new ();
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      const char *decl = sqlite3_column_decltype (stmt, i);
      int type = sqlite3_column_type (stmt, i);

      if (type == SQLITE_NULL)
        json_object_set_null_member (object, name);
      else if (decl != NULL && g_ascii_strcasecmp (decl, "BOOLEAN") == 0)
        json_object_set_boolean_member (object, name, sqlite3_column_int (stmt, i) != 0);
      else if (decl != NULL && g_ascii_strcasecmp (decl, "JSON") == 0)
        {
          JsonNode *node = json_from_string ((const char *) sqlite3_column_text (stmt, i), NULL);

          if (node != NULL)
            json_object_set_member (object, name, node);
          else
            json_object_set_null_member (object, name);
        }
      else if (type == SQLITE_INTEGER)
        json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, i));
      else if (type == SQLITE_FLOAT)
        json_object_set_double_member (object, name, sqlite3_column_double (stmt, i));
      else
        json_object_set_string_member (object, name, (const char *) sqlite3_column_text (stmt, i));
    }

  return object;
}

void
hibachi_json_append_string (GString    *out,
                            const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
        }
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

typedef enum
{
  COLUMN_PLAIN,
  COLUMN_BOOLEAN,
  COLUMN_JSON,
} ColumnKind;

typedef struct
{
  int         n;
  const char *names[64];
  ColumnKind  kinds[64];
} RowShape;

static void
row_shape_init (RowShape     *shape,
                sqlite3_stmt *stmt)
{
  shape->n = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (shape->names));
  for (int i = 0; i < shape->n; i++)
    {
      const char *decl = sqlite3_column_decltype (stmt, i);

      shape->names[i] = sqlite3_column_name (stmt, i);
      shape->kinds[i] = decl == NULL ? COLUMN_PLAIN
                      : g_ascii_strcasecmp (decl, "BOOLEAN") == 0 ? COLUMN_BOOLEAN
                      : g_ascii_strcasecmp (decl, "JSON") == 0 ? COLUMN_JSON : COLUMN_PLAIN;
    }
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double scaled = value * 1e6;

  /* Coordinates and miles are stored with at most six decimals: write those
   * exactly without printf's slow path, when the digits give back the same
   * double; anything else as the shortest exact form printf finds. */
  if (scaled > -9e15 && scaled < 9e15)
    {
      gint64 n = (gint64) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);

      if ((double) n / 1e6 == value)
        {
          guint64 magnitude = n < 0 ? (guint64) -n : (guint64) n;
          guint64 fraction = magnitude % 1000000;
          int digits = 6;

          if (n < 0)
            g_string_append_c (out, '-');
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / 1000000);
          if (fraction != 0)
            {
              while (fraction % 10 == 0)
                {
                  fraction /= 10;
                  digits--;
                }
              g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, digits, fraction);
            }
          else
            g_string_append (out, ".0");
          return;
        }
    }

  g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
append_row (GString        *out,
            sqlite3_stmt   *stmt,
            const RowShape *shape)
{
  g_string_append_c (out, '{');
  for (int i = 0; i < shape->n; i++)
    {
      int type = sqlite3_column_type (stmt, i);

      if (i > 0)
        g_string_append_c (out, ',');
      /* Column names are our own identifiers: no escaping needed. */
      g_string_append_c (out, '"');
      g_string_append (out, shape->names[i]);
      g_string_append_len (out, "\":", 2);

      if (type == SQLITE_NULL)
        g_string_append_len (out, "null", 4);
      else if (shape->kinds[i] == COLUMN_BOOLEAN)
        g_string_append (out, sqlite3_column_int (stmt, i) ? "true" : "false");
      else if (shape->kinds[i] == COLUMN_JSON)
        /* Stored only after json-glib generated or validated it. */
        g_string_append_len (out, (const char *) sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));
      else if (type == SQLITE_INTEGER)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
      else if (type == SQLITE_FLOAT)
        append_double (out, sqlite3_column_double (stmt, i));
      else
        hibachi_json_append_string (out, (const char *) sqlite3_column_text (stmt, i));
    }
  g_string_append_c (out, '}');
}

void
hibachi_server_db_append_row_json (GString      *out,
                                   sqlite3_stmt *stmt)
{
  RowShape shape;

  row_shape_init (&shape, stmt);
  append_row (out, stmt, &shape);
}

guint
hibachi_server_db_append_rows_json (GString      *out,
                                    sqlite3_stmt *stmt)
{
  RowShape shape;
  guint n = 0;

  g_string_append_c (out, '[');
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* After the first step: it may re-prepare the statement (bound values
       * can change the plan), which frees the column names of before. */
      if (n++ == 0)
        row_shape_init (&shape, stmt);
      else
        g_string_append_c (out, ',');
      append_row (out, stmt, &shape);
    }
  g_string_append_c (out, ']');
  sqlite3_reset (stmt);

  return n;
}

int
hibachi_server_db_column_index (sqlite3_stmt *stmt,
                                const char   *name)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (sqlite3_column_name (stmt, i), name) == 0)
      return i;

  return -1;
}
