/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-server.h: a real hibachi-server on 127.0.0.1, port 0, with a
 * fresh SQLite database of demo data, run on its own thread so tests can
 * use synchronous HTTP; and a small client for the tests. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "hibachi-server.h"

G_BEGIN_DECLS

typedef struct _HibachiTestServer HibachiTestServer;

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;        /* NULL when the body is not JSON */
  SoupMessageHeaders *headers;
} HibachiTestResponse;

HibachiTestServer   *hibachi_test_server_start        (guint               n_bookings);
void                 hibachi_test_server_stop         (HibachiTestServer  *ts);
const char          *hibachi_test_server_get_url      (HibachiTestServer  *ts);
const char          *hibachi_test_server_get_db_path  (HibachiTestServer  *ts);
/* The server itself, for its test accessors (it runs on another thread). */
HibachiServer       *hibachi_test_server_get_server   (HibachiTestServer  *ts);
void                 hibachi_test_server_set_clock_offset (HibachiTestServer *ts,
                                                       gint64              seconds);
/* hibachi_server_set_connection_limits() on the server's thread. */
void                 hibachi_test_server_set_connection_limits (HibachiTestServer *ts,
                                                            guint              max_connections,
                                                            guint              request_timeout_ms);

/* Requests the server has read whose "METHOD /path?query" starts with
 * @prefix, e.g. "GET /api/v1/bookings?page=3&". */
guint                hibachi_test_server_count_requests (HibachiTestServer *ts,
                                                         const char        *prefix);
void                 hibachi_test_server_clear_requests (HibachiTestServer *ts);
/* Runs the main loop until the server has read no request for @ms: what
 * the client had started (a refresh asks for its pages one after another)
 * is over before a test starts counting. */
void                 hibachi_test_server_wait_quiet     (HibachiTestServer *ts,
                                                         guint              ms);

/* Stops listening (clients see a server gone) or listens again on the same port. */
void                 hibachi_test_server_set_listening (HibachiTestServer *ts,
                                                        gboolean           listening);

HibachiTestResponse *hibachi_test_request             (HibachiTestServer  *ts,
                                                       const char         *method,
                                                       const char         *path,
                                                       const char         *token,
                                                       const char         *body,
                                                       ...) G_GNUC_NULL_TERMINATED;
HibachiTestResponse *hibachi_test_request_raw         (HibachiTestServer  *ts,
                                                       const char         *method,
                                                       const char         *path,
                                                       const char         *token,
                                                       const char         *content_type,
                                                       GBytes             *body);
void                 hibachi_test_response_free       (HibachiTestResponse *response);
JsonObject          *hibachi_test_response_object     (HibachiTestResponse *response);
const char          *hibachi_test_response_error_code (HibachiTestResponse *response);
/* field_errors member of a 422, or NULL */
JsonObject          *hibachi_test_response_field_errors (HibachiTestResponse *response);

/* This test process's resident memory, in KiB. */
gsize                hibachi_test_resident_kib        (void);

/* Removes @dir and what is in it, folders too (a test's temporary folder). */
void                 hibachi_test_remove_dir          (const char         *dir);

/* Signs in with the demo password; returns the access token. */
char                *hibachi_test_login               (HibachiTestServer  *ts,
                                                       const char         *email);
/* The id of the first item of GET @path's data array. */
char                *hibachi_test_first_id            (HibachiTestServer  *ts,
                                                       const char         *token,
                                                       const char         *path);

/* The ETag of GET @path (what a client that loaded it sends as If-Match). */
char                *hibachi_test_etag                (HibachiTestServer  *ts,
                                                       const char         *token,
                                                       const char         *path);

/* @method @path with If-Match: the ETag of GET @resource as @token sees it
 * now (none when @token cannot read it). */
HibachiTestResponse *hibachi_test_write               (HibachiTestServer  *ts,
                                                       const char         *method,
                                                       const char         *path,
                                                       const char         *token,
                                                       const char         *body,
                                                       const char         *resource);

/* The id of the station with @code. */
char                *hibachi_test_station_id          (HibachiTestServer  *ts,
                                                       const char         *token,
                                                       const char         *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiTestResponse, hibachi_test_response_free)

G_END_DECLS
