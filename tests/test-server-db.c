/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "hibachi-server-db.h"
#include "hibachi-server-schema.h"

static void
test_row_json_matches_tree (void)
{
  g_autoptr(GError) error = NULL;
  HibachiServerDb *db = hibachi_server_db_open (":memory:", &error);
  sqlite3_stmt *stmt;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonObject) tree = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) expected = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (hibachi_server_db_get_schema_version (db), ==, (int) hibachi_server_schema_n_migrations);
  g_assert_true (hibachi_server_db_exec (db, "CREATE TABLE t (s TEXT, i INTEGER, r REAL, b BOOLEAN, j JSON, n TEXT, "
                                         "c1 REAL, c2 REAL, c3 REAL, c4 REAL, c5 REAL, c6 REAL)", &error));
  /* Doubles: many digits, six decimals (the fast path), negative, whole, tiny, huge. */
  g_assert_true (hibachi_server_db_exec (db,
                                         "INSERT INTO t VALUES ('quote \" back \\ tab \t nl \n bell ' || char(7) || ' ünï ☃', "
                                         "-9007199254740993, 37.548512345678901, 1, '{\"a\":[1,\"x\"]}', NULL, "
                                         "37.548512, -121.9886, 150.0, 0.1, 1e-9, 1.5e300)", &error));

  stmt = hibachi_server_db_prepare (db, "SELECT s, i, r, b, j, n, c1, c2, c3, c4, c5, c6 FROM t", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hibachi_server_db_append_row_json (text, stmt);
  tree = hibachi_server_db_row_to_object (stmt);
  sqlite3_reset (stmt);

  parsed = json_from_string (text->str, &error);
  g_assert_no_error (error);
  expected = json_node_init_object (json_node_alloc (), tree);
  g_assert_true (json_node_equal (parsed, expected));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (parsed), "i"), ==, G_GINT64_CONSTANT (-9007199254740993));
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (parsed), "r"), ==, 37.548512345678901);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (parsed), "b"));
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (parsed), "c2"), ==, -121.9886);
  g_assert_nonnull (strstr (text->str, "\"c1\":37.548512,"));
  g_assert_nonnull (strstr (text->str, "\"c3\":150.0,"));

  hibachi_server_db_free (db);
}

static void
test_refuses_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hibachi-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  HibachiServerDb *db = hibachi_server_db_open (path, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", hibachi_server_schema_n_migrations + 1);

  g_assert_no_error (error);
  g_assert_true (hibachi_server_db_exec (db, bump, &error));
  hibachi_server_db_free (db);

  db = hibachi_server_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HIBACHI_SERVER_DB_ERROR, HIBACHI_SERVER_DB_ERROR_FAILED);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }
}

static void
test_migrates_old_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hibachi-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  HibachiServerDb *db;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt;

  /* A database left at schema version 1, with a booking in it. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, hibachi_server_schema_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO bookings (id, reference, status, customer_name, customer_email, customer_phone, "
                                 "event_date, slot, adults, venue_address, venue_lat, venue_lng, station_id, total_cents, "
                                 "deposit_cents, created_at, updated_at) VALUES ('b1', 'MH-000001', 'pending', 'Ada Lovelace', "
                                 "'ada@example.com', '5105550100', '2030-01-01', '18:00', 10, 'x', 0, 0, 's', 1, 1, 'now', 'now');"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = hibachi_server_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hibachi_server_db_get_schema_version (db), ==, (int) hibachi_server_schema_n_migrations);

  /* The search index was built from the rows already there. */
  stmt = hibachi_server_db_prepare (db, "SELECT rowid FROM bookings_search WHERE search_text LIKE '%lovelace%'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_reset (stmt);
  hibachi_server_db_free (db);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/server-db/row-json", test_row_json_matches_tree);
  g_test_add_func ("/hibachi/server-db/newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/hibachi/server-db/migrates-old", test_migrates_old_database);

  return g_test_run ();
}
