/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "hibachi-server-listener.h"

/* Descriptors kept free for the database, its WAL and the process itself when
 * the connection cap follows the fd limit. */
#define FD_RESERVE 32
#define ACCEPT_BACKOFF_MIN_MS 50
#define ACCEPT_BACKOFF_MAX_MS 2000

struct _HibachiServerListener
{
  SoupServer   *soup;
  GSocket      *socket;
  GMainContext *context;
  GSource      *accept_source;
  GSource      *backoff;
  guint         backoff_ms;
  GHashTable   *connections;        /* client "address:port" → Connection */
  guint         max_connections;
  guint         request_timeout_ms;
  gint64        last_refusal_log;
};

typedef struct
{
  HibachiServerListener *listener;
  GSocket               *socket;      /* alive as long as the stream */
  char                  *remote;      /* "address:port", unique among open connections */
  GSocketConnection     *stream;      /* weak: libsoup owns it */
  GSource               *timeout;
} Connection;

void
hibachi_server_send_error_and_close (GSocket    *socket,
                                     guint       status,
                                     const char *reason,
                                     const char *code,
                                     const char *message)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  /* The error envelope of hibachi_reply_error(); code and message are ours. */
  g_autofree char *body = g_strdup_printf ("{\"success\":false,\"error\":{\"code\":\"%s\",\"message\":\"%s\","
                                           "\"timestamp\":\"%s\"}}", code, message, stamp);
  g_autofree char *reply = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                                            "Content-Type: application/json\r\n"
                                            "%s"
                                            "Connection: close\r\n"
                                            "Content-Length: %zu\r\n\r\n%s",
                                            status, reason, status == 503 ? "Retry-After: 1\r\n" : "",
                                            strlen (body), body);

  /* Best effort: the reply fits any socket buffer; the client may be gone.
   * Closed, not shut down: Linux keeps taking data after SHUT_RD, while a
   * close resets a sender that goes on (after the reply it has). */
  g_socket_send (socket, reply, strlen (reply), NULL, NULL);
  g_socket_close (socket, NULL);
}

static void start_accepting (HibachiServerListener *self);

static void
connection_disarm (Connection *conn)
{
  if (conn->timeout != NULL)
    {
      g_source_destroy (conn->timeout);
      g_clear_pointer (&conn->timeout, g_source_unref);
    }
}

static void connection_gone_cb (gpointer  data,
                                GObject  *where_the_object_was);

static gboolean
connection_timeout_cb (gpointer data)
{
  Connection *conn = data;
  HibachiServerListener *self = conn->listener;
  GSocket *socket = conn->socket;

  g_debug ("Closing a connection that sent no whole request in %u ms", self->request_timeout_ms);
  g_clear_pointer (&conn->timeout, g_source_unref);

  /* Closed here, not left to libsoup: a keep-alive connection that answered
   * a request is not read again until the client sends more, so libsoup
   * never sees the client go and keeps its descriptor. A read in progress
   * (a slow request) ends with an error, and libsoup drops the connection. */
  g_object_weak_unref (G_OBJECT (conn->stream), connection_gone_cb, conn);
  g_hash_table_remove (self->connections, conn->remote);
  g_socket_shutdown (socket, TRUE, TRUE, NULL);
  g_socket_close (socket, NULL);

  return G_SOURCE_REMOVE;
}

static void
connection_arm (Connection *conn)
{
  connection_disarm (conn);
  conn->timeout = g_timeout_source_new (conn->listener->request_timeout_ms);
  g_source_set_callback (conn->timeout, connection_timeout_cb, conn, NULL);
  g_source_attach (conn->timeout, conn->listener->context);
}

static void
connection_free (gpointer data)
{
  Connection *conn = data;

  connection_disarm (conn);
  g_free (conn->remote);
  g_free (conn);
}

static void
connection_gone_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  Connection *conn = data;

  g_hash_table_remove (conn->listener->connections, conn->remote);
}

static Connection *
connection_of (HibachiServerListener *self,
               SoupServerMessage     *msg)
{
  /* libsoup has no GSocket for a stream it was handed, but the address. */
  GSocketAddress *address = soup_server_message_get_remote_address (msg);
  g_autofree char *remote = address ? g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address)) : NULL;

  return remote != NULL ? g_hash_table_lookup (self->connections, remote) : NULL;
}

static void
refuse (HibachiServerListener *self,
        GSocket               *client)
{
  gint64 now = g_get_monotonic_time ();

  hibachi_server_send_error_and_close (client, 503, "Service Unavailable", "INTERNAL_SERVER_ERROR",
                                       "The server is busy; try again.");
  if (now - self->last_refusal_log > G_USEC_PER_SEC)
    {
      g_message ("%u connections open: refusing new ones with 503", g_hash_table_size (self->connections));
      self->last_refusal_log = now;
    }
}

static void
hand_to_soup (HibachiServerListener *self,
              GSocket               *client)
{
  g_autoptr(GSocketConnection) stream = g_socket_connection_factory_create_connection (client);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (client, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (client, NULL);
  g_autoptr(GError) error = NULL;
  Connection *conn = g_new0 (Connection, 1);

  /* What libsoup does for connections it accepts: a reply's headers and
   * body are separate writes, and Nagle would hold the body until the
   * client's delayed ACK (40 ms a request). */
  g_socket_set_option (client, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);

  conn->listener = self;
  conn->socket = client;
  conn->remote = remote ? g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (remote)) : g_strdup ("");
  conn->stream = stream;
  g_object_weak_ref (G_OBJECT (stream), connection_gone_cb, conn);
  g_hash_table_insert (self->connections, conn->remote, conn);
  connection_arm (conn);

  if (!soup_server_accept_iostream (self->soup, G_IO_STREAM (stream), local, remote, &error))
    g_debug ("Cannot serve a connection: %s", error->message);
}

static gboolean
backoff_done_cb (gpointer data)
{
  HibachiServerListener *self = data;

  g_clear_pointer (&self->backoff, g_source_unref);
  start_accepting (self);

  return G_SOURCE_REMOVE;
}

static gboolean
accept_cb (GSocket      *socket,
           GIOCondition  condition,
           gpointer      data)
{
  HibachiServerListener *self = data;

  /* libsoup accepts one connection per main-loop pass: under a burst, new
   * clients waited behind every request in flight. Take all that wait. */
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

      if (client == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            break;
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_OPEN_FILES) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            {
              /* Out of descriptors: the pending connection stays queued and
               * the socket stays readable, so pause instead of spinning, and
               * try again (never stop for good). */
              self->backoff_ms = CLAMP (self->backoff_ms * 2, ACCEPT_BACKOFF_MIN_MS, ACCEPT_BACKOFF_MAX_MS);
              g_message ("Cannot accept connections (%s): retrying in %u ms", error->message, self->backoff_ms);
              g_clear_pointer (&self->accept_source, g_source_unref);
              self->backoff = g_timeout_source_new (self->backoff_ms);
              g_source_set_callback (self->backoff, backoff_done_cb, self, NULL);
              g_source_attach (self->backoff, self->context);
              return G_SOURCE_REMOVE;
            }
          /* A client that went away before we took it. */
          g_debug ("accept: %s", error->message);
          continue;
        }

      self->backoff_ms = 0;
      if (g_hash_table_size (self->connections) >= self->max_connections)
        refuse (self, client);
      else
        hand_to_soup (self, client);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_accepting (HibachiServerListener *self)
{
  self->accept_source = g_socket_create_source (self->socket, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, (GSourceFunc) (GCallback) accept_cb, self, NULL);
  g_source_attach (self->accept_source, self->context);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           data)
{
  HibachiServerListener *self = data;
  Connection *conn = connection_of (self, msg);
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "hibachi-request-start", start, g_free);
  if (conn != NULL)
    connection_arm (conn);
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           data)
{
  HibachiServerListener *self = data;
  Connection *conn = connection_of (self, msg);

  /* The whole request is in: the handler's time (a long-poll of the change
   * feed waits up to 30 s) is not the client's slowness. */
  if (conn != NULL)
    connection_disarm (conn);
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           data)
{
  HibachiServerListener *self = data;
  Connection *conn = connection_of (self, msg);
  const gint64 *start = g_object_get_data (G_OBJECT (msg), "hibachi-request-start");
  GUri *uri = soup_server_message_get_uri (msg);

  if (conn != NULL)
    connection_arm (conn);

  /* The path only: query values (searches) and bodies can hold personal data,
   * and headers hold tokens. */
  g_debug ("%s %s %u %.1f ms", soup_server_message_get_method (msg), uri ? g_uri_get_path (uri) : "-",
           soup_server_message_get_status (msg),
           start != NULL ? (g_get_monotonic_time () - *start) / 1000.0 : 0.0);
}

/* libsoup keeps a connection alive after a response only while it has a
 * listener of its own; this one listens on an abstract Unix name that
 * nothing connects to, while the real socket is accepted here. */
static gboolean
add_keepalive_listener (SoupServer  *soup,
                        GError     **error)
{
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_autoptr(GSocket) keepalive_socket = NULL;
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int saved;

  /* Binding the family alone picks a free abstract name (Linux autobind). */
  if (fd < 0 || bind (fd, (struct sockaddr *) &address, sizeof (sa_family_t)) != 0 || listen (fd, 1) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot create a local socket: %s",
                   g_strerror (saved));
      return FALSE;
    }

  keepalive_socket = g_socket_new_from_fd (fd, error);
  if (keepalive_socket == NULL)
    {
      close (fd);
      return FALSE;
    }

  return soup_server_listen_socket (soup, keepalive_socket, 0, error);
}

static guint
fd_budget (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return G_MAXUINT;

  return limit.rlim_cur > 2 * FD_RESERVE ? (guint) MIN (limit.rlim_cur - FD_RESERVE, G_MAXUINT) : FD_RESERVE;
}

HibachiServerListener *
hibachi_server_listener_new (SoupServer  *soup,
                             GSocket     *socket,
                             GError     **error)
{
  HibachiServerListener *self;

  if (!add_keepalive_listener (soup, error))
    return NULL;

  self = g_new0 (HibachiServerListener, 1);
  self->soup = g_object_ref (soup);
  self->socket = g_object_ref (socket);
  self->context = g_main_context_ref_thread_default ();
  self->connections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, connection_free);
  self->request_timeout_ms = HIBACHI_SERVER_REQUEST_TIMEOUT_MS_DEFAULT;
  /* Under the fd limit, so a flood gets 503s rather than failed accepts. */
  self->max_connections = MIN (HIBACHI_SERVER_MAX_CONNECTIONS_DEFAULT, fd_budget ());

  g_socket_set_blocking (socket, FALSE);
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (soup, "request-read", G_CALLBACK (request_read_cb), self);
  g_signal_connect (soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (request_done_cb), self);
  start_accepting (self);

  return self;
}

void
hibachi_server_listener_free (HibachiServerListener *self)
{
  GHashTableIter iter;
  Connection *conn;

  if (self == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->soup, self);
  if (self->accept_source != NULL)
    g_source_destroy (self->accept_source);
  g_clear_pointer (&self->accept_source, g_source_unref);
  if (self->backoff != NULL)
    g_source_destroy (self->backoff);
  g_clear_pointer (&self->backoff, g_source_unref);
  g_socket_close (self->socket, NULL);

  /* Connections still open belong to libsoup now. */
  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    g_object_weak_unref (G_OBJECT (conn->stream), connection_gone_cb, conn);
  g_hash_table_unref (self->connections);

  g_object_unref (self->socket);
  g_object_unref (self->soup);
  g_main_context_unref (self->context);
  g_free (self);
}

void
hibachi_server_listener_set_limits (HibachiServerListener *self,
                                    guint                  max_connections,
                                    guint                  request_timeout_ms)
{
  g_return_if_fail (max_connections > 0 && request_timeout_ms > 0);

  self->max_connections = max_connections;
  self->request_timeout_ms = request_timeout_ms;
}

gboolean
hibachi_server_listener_refuse_message (HibachiServerListener *self,
                                        SoupServerMessage     *msg,
                                        guint                  status,
                                        const char            *reason,
                                        const char            *code,
                                        const char            *message)
{
  Connection *conn = connection_of (self, msg);
  GSocket *socket;

  if (conn == NULL)
    return FALSE;

  socket = conn->socket;
  g_object_weak_unref (G_OBJECT (conn->stream), connection_gone_cb, conn);
  g_hash_table_remove (self->connections, conn->remote);
  hibachi_server_send_error_and_close (socket, status, reason, code, message);

  return TRUE;
}

guint
hibachi_server_listener_get_n_connections (HibachiServerListener *self)
{
  return g_hash_table_size (self->connections);
}
