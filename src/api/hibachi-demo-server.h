/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-demo-server.h: "Try the demo" — the bundled hibachi-server with
 * sample data on 127.0.0.1 and a private database in the user's data folder.
 * One server per data folder: a second launcher uses the one running. The
 * server dies with the app that started it however the app ends, and while a
 * launcher is alive it starts the server again, on the same database and
 * port, when it dies. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_DEMO_SERVER (hibachi_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (HibachiDemoServer, hibachi_demo_server, HIBACHI, DEMO_SERVER, GObject)

#define HIBACHI_DEMO_EMAIL "owner@demo.test"
#define HIBACHI_DEMO_SERVER_PASSWORD "hibachi-demo"

/* In the user's data folder (hibachi-admin/demo.db). */
HibachiDemoServer *hibachi_demo_server_new          (void);
/* Database, lock and state files in @data_dir. */
HibachiDemoServer *hibachi_demo_server_new_for_dir  (const char          *data_dir);
/* HIBACHI_SERVER_BINARY, else the installed hibachi-server. */
char              *hibachi_demo_server_find_binary  (void);
void               hibachi_demo_server_start_async  (HibachiDemoServer   *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* The server's address, e.g. http://127.0.0.1:41623 */
char              *hibachi_demo_server_start_finish (HibachiDemoServer   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* The address of the server in use (property "url"), NULL before a start. */
const char        *hibachi_demo_server_get_url      (HibachiDemoServer   *self);
/* Its process id (property "pid"), 0 before a start. */
GPid               hibachi_demo_server_get_pid      (HibachiDemoServer   *self);
/* Stops watching; stops the server if this launcher started it. */
void               hibachi_demo_server_stop         (HibachiDemoServer   *self);

G_END_DECLS
