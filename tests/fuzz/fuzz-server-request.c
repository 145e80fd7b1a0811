/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: one HTTP request to a real hibachi-server on 127.0.0.1
 * with a demo database, so every step the server takes on a request runs as
 * it does in production: routing, the Authorization bearer JWT, If-Match and
 * Idempotency-Key, query strings (paging, filters, sort), the body scan and
 * parse, the entity field tables and the quote decoder.
 *
 * An input is a request as text (see tests/fuzz/corpus/server-request/):
 *
 *   METHOD /path?query
 *   Header: value
 *
 *   body
 *
 * "{booking}", "{station}", "{chef}", "{review}" and "{time_off}" in the
 * target and the body become ids of the demo data; an Authorization value
 * "@owner", "@support", "@manager" or "@chef" becomes a valid bearer token of
 * that demo account (signed afresh for every request, so a logout in one input
 * does not sign the next one out). The harness sets Host, Content-Length and
 * Connection itself.
 *
 * Found: a crash or sanitizer report, a critical, a 500 reply, or a JSON reply
 * that is not valid UTF-8. The database is copied afresh every 20000 inputs.
 * HIBACHI_FUZZ_VERBOSE=1 prints each request line with its reply's status.
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "hibachi-fuzz.h"
#include "hibachi-server-private.h"

#define RESET_EVERY 20000
#define REPLY_TIMEOUT_US (250 * G_TIME_SPAN_MILLISECOND)

static const char *const accounts[][2] = {
  { "@owner", "owner@demo.test" },
  { "@support", "support@demo.test" },
  { "@manager", "fremont.manager@demo.test" },
  { "@chef", "chef.kenji@demo.test" },
};

/* Rows of the Fremont station, which @manager manages. */
#define FREMONT "(SELECT id FROM stations WHERE code = 'CA-FREMONT-001')"
static const char *const placeholders[][2] = {
  { "{booking}", "SELECT id FROM bookings WHERE status = 'pending' AND station_id = " FREMONT " ORDER BY id LIMIT 1" },
  { "{station}", "SELECT " FREMONT },
  { "{chef}", "SELECT c.id FROM chefs c JOIN chef_time_off t ON t.chef_id = c.id "
              "WHERE c.station_id = " FREMONT " ORDER BY t.id LIMIT 1" },
  { "{review}", "SELECT id FROM reviews WHERE station_id = " FREMONT " AND has_photos ORDER BY id LIMIT 1" },
  { "{time_off}", "SELECT t.id FROM chefs c JOIN chef_time_off t ON t.chef_id = c.id "
                  "WHERE c.station_id = " FREMONT " ORDER BY t.id LIMIT 1" },
};

static char          *template_path;
static char          *db_path;
static HibachiServer *server;
static guint          port;
static JsonObject    *claims[G_N_ELEMENTS (accounts)];
static char          *ids[G_N_ELEMENTS (placeholders)];
static guint          n_inputs;
static guint64        jti_counter;

static void
remove_files_cb (void)
{
  const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (db_path);

  g_clear_object (&server);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *db = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *template = g_strconcat (template_path, suffixes[i], NULL);

      g_unlink (db);
      g_unlink (template);
    }
  g_rmdir (dir);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from, &contents, &len, &error) ||
      !g_file_set_contents (to, contents, (gssize) len, &error))
    g_error ("%s", error->message);
}

static void
start_server (void)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  if (server != NULL)
    {
      hibachi_server_disconnect (server);
      g_clear_object (&server);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_unlink (wal);
  g_unlink (shm);
  copy_file (template_path, db_path);

  server = hibachi_server_new (db_path, &error);
  if (server == NULL || (port = hibachi_server_listen (server, "127.0.0.1", 0, &error)) == 0)
    g_error ("Cannot start the server: %s", error->message);
}

/* Sends @request and returns the raw reply, or NULL when the server did not
 * finish it in time (a long-poll of the change feed, say). */
static GByteArray *
exchange (const char *request,
          gsize       len,
          gint64      timeout_us)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GByteArray) reply = g_byte_array_new ();
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  gsize sent = 0;

  g_assert_nonnull (socket);
  if (!g_socket_connect (socket, address, NULL, NULL))
    g_error ("Cannot connect to the server");
  g_socket_set_blocking (socket, FALSE);

  while (g_get_monotonic_time () < deadline)
    {
      guint8 buffer[16384];
      gssize n;

      if (sent < len)
        {
          n = g_socket_send (socket, request + sent, len - sent, NULL, NULL);
          if (n > 0)
            sent += (gsize) n;
        }

      n = g_socket_receive (socket, (char *) buffer, sizeof buffer, NULL, NULL);
      if (n == 0)
        return g_steal_pointer (&reply);
      if (n > 0)
        {
          g_byte_array_append (reply, buffer, (guint) n);
          continue;
        }

      /* The server runs on this thread: let it read, answer and close. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (50);
    }

  return NULL;
}

static char *
query_id (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *id = g_strdup ("00000000-0000-4000-8000-000000000000");

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (id);
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return id;
}

static void
sign_in_accounts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autofree char *request = NULL;
      g_autofree char *body = g_strdup_printf ("{\"email\": \"%s\", \"password\": \"%s\"}",
                                               accounts[i][1], HIBACHI_DEMO_PASSWORD);
      g_autoptr(GByteArray) reply = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *json;
      const char *token;

      request = g_strdup_printf ("POST /api/auth/login HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                                 "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                                 strlen (body), body);
      /* Signing in hashes a password: allow it more than a request's time. */
      reply = exchange (request, strlen (request), 30 * G_TIME_SPAN_SECOND);
      if (reply == NULL)
        g_error ("Signing in as %s took too long", accounts[i][1]);
      g_byte_array_append (reply, (const guint8 *) "", 1);
      json = strstr ((const char *) reply->data, "\r\n\r\n");
      if (json == NULL || !json_parser_load_from_data (parser, json + 4, -1, NULL))
        g_error ("Cannot sign in as %s: %s", accounts[i][1], (const char *) reply->data);
      token = json_object_get_string_member_with_default (json_node_get_object (json_parser_get_root (parser)),
                                                          "access_token", NULL);
      if (token == NULL)
        g_error ("Cannot sign in as %s: %s", accounts[i][1], (const char *) reply->data);
      claims[i] = hibachi_server_jwt_verify (hibachi_server_get_jwt_key (server), token, hibachi_server_now (server));
      g_assert_nonnull (claims[i]);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiServer) seeding = NULL;
  sqlite3 *db = NULL;

  hibachi_fuzz_log_setup ();

  dir = g_dir_make_tmp ("hibachi-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  template_path = g_build_filename (dir, "template.db", NULL);
  db_path = g_build_filename (dir, "hibachi.db", NULL);
  atexit (remove_files_cb);

  seeding = hibachi_server_new (template_path, &error);
  if (seeding == NULL || !hibachi_server_seed_demo (seeding, 200, 7, &error))
    g_error ("Cannot make the demo database: %s", error->message);
  g_clear_object (&seeding);

  if (sqlite3_open_v2 (template_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot read the demo database");
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    ids[i] = query_id (db, placeholders[i][1]);
  sqlite3_close (db);

  start_server ();
  sign_in_accounts ();

  return 0;
}

static char *
substitute (const char *text)
{
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    g_string_replace (out, placeholders[i][0], ids[i], 0);

  return g_string_free (out, FALSE);
}

/* A bearer token for @value when it names a demo account, else NULL. */
static char *
token_for (const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (g_str_equal (value, accounts[i][0]))
      {
        g_autoptr(JsonObject) copy = json_object_new ();
        g_autoptr(GList) members = json_object_get_members (claims[i]);
        g_autofree char *jti = g_strdup_printf ("fuzz-%" G_GUINT64_FORMAT, ++jti_counter);
        g_autofree char *token = NULL;

        for (const GList *l = members; l != NULL; l = l->next)
          json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (claims[i], l->data)));
        json_object_set_string_member (copy, "jti", jti);
        json_object_set_int_member (copy, "exp", hibachi_server_now (server) + HIBACHI_ACCESS_TOKEN_SECONDS);
        token = hibachi_server_jwt_sign (hibachi_server_get_jwt_key (server), copy);

        return g_strconcat ("Bearer ", token, NULL);
      }

  return NULL;
}

static gboolean
framing_header (const char *name)
{
  return g_ascii_strcasecmp (name, "Host") == 0 || g_ascii_strcasecmp (name, "Content-Length") == 0 ||
         g_ascii_strcasecmp (name, "Transfer-Encoding") == 0 || g_ascii_strcasecmp (name, "Connection") == 0 ||
         g_ascii_strcasecmp (name, "Expect") == 0;
}

static void
check_reply (GByteArray *reply,
             const char *request_line)
{
  g_autofree char *head = NULL;
  const char *end = NULL;
  guint status = 0;

  for (guint i = 0; i + 3 < reply->len && end == NULL; i++)
    if (memcmp (reply->data + i, "\r\n\r\n", 4) == 0)
      end = (const char *) reply->data + i;
  if (end == NULL)
    return;

  head = g_strndup ((const char *) reply->data, (gsize) (end - (const char *) reply->data));
  if (sscanf (head, "HTTP/1.%*d %u", &status) != 1)
    return;

  if (g_getenv ("HIBACHI_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s → %u\n", request_line, status);

  if (status == 500)
    hibachi_fuzz_fail ("500 reply to %s:\n%s", request_line, head);

  if (strstr (head, "application/json") != NULL &&
      !g_utf8_validate (end + 4, (gssize) ((const char *) reply->data + reply->len - (end + 4)), NULL))
    hibachi_fuzz_fail ("JSON reply to %s is not valid UTF-8", request_line);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *separator = memmem (data, size, "\n\n", 2);
  gsize head_len = separator ? (gsize) (separator - data) : size;
  g_autofree char *head = g_strndup ((const char *) data, head_len);
  g_autoptr(GString) request = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *request_line = NULL;
  g_autoptr(GByteArray) reply = NULL;
  g_auto(GStrv) lines = NULL;
  guint i;

  /* The body may hold any byte; ids are put in only where it has no NUL. */
  if (separator != NULL)
    {
      g_string_append_len (body, (const char *) separator + 2, (gssize) (size - head_len - 2));
      if (memchr (body->str, '\0', body->len) == NULL)
        for (guint p = 0; p < G_N_ELEMENTS (placeholders); p++)
          g_string_replace (body, placeholders[p][0], ids[p], 0);
    }

  /* A NUL ends the head: it cannot be in a request line or a header. */
  lines = g_strsplit (head, "\n", -1);
  if (lines[0] == NULL || lines[0][0] == '\0' || strchr (lines[0], '\r') != NULL)
    return 0;

  {
    g_autofree char *target = substitute (lines[0]);
    char *space = strchr (target, ' ');

    if (space == NULL || strchr (space + 1, ' ') != NULL)
      return 0;
    request_line = g_strdup_printf ("%s HTTP/1.1", target);
  }
  g_string_append_printf (request, "%s\r\nHost: fuzz\r\nConnection: close\r\n", request_line);

  for (i = 1; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      g_autofree char *token = NULL;
      const char *value;

      if (colon == NULL || strchr (lines[i], '\r') != NULL)
        continue;
      *colon = '\0';
      value = colon + 1;
      while (*value == ' ')
        value++;
      if (framing_header (lines[i]))
        continue;
      if (g_ascii_strcasecmp (lines[i], "Authorization") == 0)
        token = token_for (value);
      g_string_append_printf (request, "%s: %s\r\n", lines[i], token ? token : value);
    }

  g_string_append_printf (request, "Content-Length: %zu\r\n\r\n", body->len);
  g_string_append_len (request, body->str, (gssize) body->len);

  reply = exchange (request->str, request->len, REPLY_TIMEOUT_US);
  if (reply != NULL)
    check_reply (reply, request_line);

  if (++n_inputs % RESET_EVERY == 0)
    start_server ();

  return 0;
}
