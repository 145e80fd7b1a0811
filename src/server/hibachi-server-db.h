/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-db.h: the server's SQLite database: opening with WAL and
 * foreign keys, versioned migrations, a prepared-statement cache, and rows
 * as JSON (a column declared BOOLEAN becomes true/false, one declared JSON is
 * embedded as parsed JSON).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define HIBACHI_SERVER_DB_ERROR (hibachi_server_db_error_quark ())

typedef enum
{
  HIBACHI_SERVER_DB_ERROR_FAILED,
  HIBACHI_SERVER_DB_ERROR_BUSY,
} HibachiServerDbError;

typedef struct _HibachiServerDb HibachiServerDb;

GQuark           hibachi_server_db_error_quark  (void);
HibachiServerDb *hibachi_server_db_open         (const char       *path,
                                                 GError          **error);
void             hibachi_server_db_free         (HibachiServerDb  *db);
sqlite3         *hibachi_server_db_get_handle   (HibachiServerDb  *db);
int              hibachi_server_db_get_schema_version (HibachiServerDb *db);

/* A cached statement, reset and with bindings cleared. Owned by @db. */
sqlite3_stmt    *hibachi_server_db_prepare      (HibachiServerDb  *db,
                                                 const char       *sql,
                                                 GError          **error);
/* The same for SQL built from a request (the columns of an UPDATE): a bounded
 * cache, so many distinct texts cannot grow memory. Step it to its end before
 * preparing another dynamic statement. */
sqlite3_stmt    *hibachi_server_db_prepare_dynamic (HibachiServerDb *db,
                                                    const char      *sql,
                                                    GError         **error);
/* A time budget for the statements stepped until end_budget: past it they
 * stop (SQLITE_INTERRUPT) and over_budget() is TRUE; their results are
 * then incomplete. */
void             hibachi_server_db_begin_budget (HibachiServerDb *db,
                                                 guint            milliseconds);
gboolean         hibachi_server_db_over_budget  (HibachiServerDb *db);
void             hibachi_server_db_end_budget   (HibachiServerDb *db);
/* Statements of prepare_dynamic() held by @db. */
guint            hibachi_server_db_count_built_statements (HibachiServerDb *db);
gboolean         hibachi_server_db_exec         (HibachiServerDb  *db,
                                                 const char       *sql,
                                                 GError          **error);
gboolean         hibachi_server_db_begin        (HibachiServerDb  *db,
                                                 GError          **error);
gboolean         hibachi_server_db_commit       (HibachiServerDb  *db,
                                                 GError          **error);
void             hibachi_server_db_rollback     (HibachiServerDb  *db);
gboolean         hibachi_server_db_step_done    (HibachiServerDb  *db,
                                                 sqlite3_stmt     *stmt,
                                                 GError          **error);
gint64           hibachi_server_db_changes      (HibachiServerDb  *db);

/* Binds a JSON scalar (string, integer, double, boolean, null) at @index. */
void             hibachi_server_db_bind_json    (sqlite3_stmt     *stmt,
                                                 int               index,
                                                 JsonNode         *value);
void             hibachi_server_db_bind_text    (sqlite3_stmt     *stmt,
                                                 int               index,
                                                 const char       *text);
JsonObject      *hibachi_server_db_row_to_object (sqlite3_stmt    *stmt);
/* The same object as row_to_object, written straight to @out as JSON text:
 * the hot path of lists and reads, without building a JSON tree. Call it
 * after sqlite3_step() returned the row (column names change on re-prepare). */
void             hibachi_server_db_append_row_json (GString       *out,
                                                    sqlite3_stmt  *stmt);
/* Steps @stmt to the end, writing its rows as a JSON array; resets it. */
guint            hibachi_server_db_append_rows_json (GString      *out,
                                                     sqlite3_stmt *stmt);
void             hibachi_json_append_string     (GString          *out,
                                                 const char       *text);
int              hibachi_server_db_column_index (sqlite3_stmt     *stmt,
                                                 const char       *name);
const char      *hibachi_server_db_column_text  (sqlite3_stmt     *stmt,
                                                 int               column);
gboolean         hibachi_server_db_set_error    (HibachiServerDb  *db,
                                                 GError          **error);

G_END_DECLS
