/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-listener.h: the server's own accept loop in front of
 * libsoup. It accepts every pending connection at once (libsoup takes one per
 * main-loop pass), keeps accepting after running out of file descriptors,
 * caps concurrent connections (503 beyond), closes connections that send no
 * complete request in time (idle keep-alive, slowloris), and logs one debug
 * line per request.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HIBACHI_SERVER_MAX_CONNECTIONS_DEFAULT 4096
#define HIBACHI_SERVER_REQUEST_TIMEOUT_MS_DEFAULT 10000

typedef struct _HibachiServerListener HibachiServerListener;

/* Accepts on @socket (bound and listening) for @soup, in the thread-default
 * main context. */
HibachiServerListener *hibachi_server_listener_new             (SoupServer            *soup,
                                                                GSocket               *socket,
                                                                GError               **error);
void                   hibachi_server_listener_free            (HibachiServerListener *self);
/* Connections beyond @max_connections are answered 503 and closed; a
 * connection must deliver a whole request (headers and body) within
 * @request_timeout_ms of being idle or starting one. */
void                   hibachi_server_listener_set_limits      (HibachiServerListener *self,
                                                                guint                  max_connections,
                                                                guint                  request_timeout_ms);
guint                  hibachi_server_listener_get_n_connections (HibachiServerListener *self);
/* Answers @msg with an error at once, whatever libsoup is reading, and
 * closes its connection. FALSE when the connection is not one of ours. */
gboolean               hibachi_server_listener_refuse_message (HibachiServerListener *self,
                                                               SoupServerMessage     *msg,
                                                               guint                  status,
                                                               const char            *reason,
                                                               const char            *code,
                                                               const char            *message);
/* Writes an error reply (the API's error envelope) on @socket, which libsoup
 * will not answer, and closes it. */
void                   hibachi_server_send_error_and_close (GSocket    *socket,
                                                            guint       status,
                                                            const char *reason,
                                                            const char *code,
                                                            const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiServerListener, hibachi_server_listener_free)

G_END_DECLS
