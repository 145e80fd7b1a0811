/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server.h: the Admin API server (SPEC §9) on SQLite. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_SERVER (hibachi_server_get_type ())
G_DECLARE_FINAL_TYPE (HibachiServer, hibachi_server, HIBACHI, SERVER, GObject)

#define HIBACHI_DEMO_PASSWORD "hibachi-demo"
#define HIBACHI_DEMO_DEFAULT_BOOKINGS 2000

HibachiServer *hibachi_server_new              (const char     *db_path,
                                                GError        **error);
/* Listens on @address:@port (0 picks a free port); returns the port or 0. */
guint          hibachi_server_listen           (HibachiServer  *self,
                                                const char     *address,
                                                guint           port,
                                                GError        **error);
void           hibachi_server_disconnect       (HibachiServer  *self);
/* Connections beyond @max_connections are answered 503 and closed; one
 * that sends no whole request within @request_timeout_ms of being idle or
 * starting one is closed. 0 keeps the default (4096, or fewer under the fd
 * limit; 10 s). Call from the server's thread. */
void           hibachi_server_set_connection_limits (HibachiServer *self,
                                                     guint          max_connections,
                                                     guint          request_timeout_ms);
gboolean       hibachi_server_is_empty         (HibachiServer  *self);
gboolean       hibachi_server_seed_demo        (HibachiServer  *self,
                                                guint           n_bookings,
                                                guint32         seed,
                                                GError        **error);
/* For tests: moves the server's clock by @seconds (token expiry, lockouts). */
void           hibachi_server_set_clock_offset (HibachiServer  *self,
                                                gint64          seconds);
/* For tests: the most statements built from requests (UPDATE columns,
 * list filters) that one database connection holds (bounded). */
guint          hibachi_server_count_statements (HibachiServer  *self);
/* For tests: searches stop with 422 after @milliseconds (default 2000). */
void           hibachi_server_set_search_budget (HibachiServer *self,
                                                 guint          milliseconds);
/* For tests: while held, no request that needs the database starts. */
void           hibachi_server_hold_workers     (HibachiServer  *self,
                                                gboolean        hold);
/* Answers GET /api/v1/geocode with @geocoder (a HibachiServerGeocoder)
 * instead of the built-in gazetteer; NULL goes back to the gazetteer. */
void           hibachi_server_set_geocoder     (HibachiServer  *self,
                                                gpointer        geocoder);
/* For tests: the SoupServer underneath, to watch the requests it reads. */
SoupServer    *hibachi_server_get_soup_server  (HibachiServer  *self);

G_END_DECLS
