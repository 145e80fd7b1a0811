/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-demo-server.h: "Try the demo" — the bundled hibachi-server with
 * sample data on 127.0.0.1, a private database in the user's data folder,
 * for as long as the app runs. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_DEMO_SERVER (hibachi_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (HibachiDemoServer, hibachi_demo_server, HIBACHI, DEMO_SERVER, GObject)

#define HIBACHI_DEMO_EMAIL "owner@demo.test"
#define HIBACHI_DEMO_SERVER_PASSWORD "hibachi-demo"

HibachiDemoServer *hibachi_demo_server_new          (void);
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
void               hibachi_demo_server_stop         (HibachiDemoServer   *self);

G_END_DECLS
