/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "hibachi-test-proxy.h"

struct _HibachiTestProxy
{
  GSocketService *service;
  guint16         upstream_port;
  char           *url;
  GMutex          lock;
  GCond           cond;
  char           *needle;    /* under lock; NULL: nothing is held */
  guint           held;      /* under lock: answers waiting */
  GPtrArray      *links;     /* under lock: Link, connections still open */
  gboolean        closing;   /* under lock */
};

/* One client connection and its own connection to the server. */
typedef struct
{
  HibachiTestProxy  *proxy;
  GSocketConnection *client;
  GSocketConnection *upstream;
  gboolean           hold_this;  /* under lock: the request in flight is held */
} Link;

/* The server's bytes to the client, waiting first when the request they
 * answer is held. */
static gpointer
answers_thread (gpointer data)
{
  Link *link = data;
  HibachiTestProxy *proxy = link->proxy;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (link->upstream));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (link->client));
  char buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      g_mutex_lock (&proxy->lock);
      if (link->hold_this)
        {
          proxy->held++;
          while (proxy->needle != NULL && !proxy->closing)
            g_cond_wait (&proxy->cond, &proxy->lock);
          proxy->held--;
          link->hold_this = FALSE;
        }
      g_mutex_unlock (&proxy->lock);
      if (!g_output_stream_write_all (out, buffer, (gsize) n, NULL, NULL, NULL))
        break;
    }
  g_socket_shutdown (g_socket_connection_get_socket (link->client), FALSE, TRUE, NULL);

  return NULL;
}

static gboolean
starts_request (const char *bytes,
                gsize       length)
{
  const char *methods[] = { "GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD " };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (length >= strlen (methods[i]) && memcmp (bytes, methods[i], strlen (methods[i])) == 0)
      return TRUE;

  return FALSE;
}

/* The client's bytes to the server, in a thread of the service's. */
static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *client,
        GObject                *source,
        gpointer                data)
{
  HibachiTestProxy *proxy = data;
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  Link link = { proxy, client, NULL, FALSE };
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (client));
  GOutputStream *out;
  GThread *answers;
  char buffer[16384];
  gssize n;

  link.upstream = g_socket_client_connect_to_host (connector, "127.0.0.1", proxy->upstream_port, NULL, NULL);
  if (link.upstream == NULL)
    return TRUE;
  g_mutex_lock (&proxy->lock);
  g_ptr_array_add (proxy->links, &link);
  g_mutex_unlock (&proxy->lock);
  out = g_io_stream_get_output_stream (G_IO_STREAM (link.upstream));
  answers = g_thread_new ("hibachi-test-proxy", answers_thread, &link);

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      /* A request's first bytes (libsoup writes its head at once): held
       * when its request line has the needle. */
      if (starts_request (buffer, (gsize) n))
        {
          const char *end = memchr (buffer, '\r', (gsize) n);
          g_autofree char *line = g_strndup (buffer, end != NULL ? (gsize) (end - buffer) : (gsize) n);

          g_mutex_lock (&proxy->lock);
          link.hold_this = proxy->needle != NULL && strstr (line, proxy->needle) != NULL;
          g_mutex_unlock (&proxy->lock);
        }
      if (!g_output_stream_write_all (out, buffer, (gsize) n, NULL, NULL, NULL))
        break;
    }
  /* The client is gone: the server sees the end, which ends the answers. */
  g_socket_shutdown (g_socket_connection_get_socket (link.upstream), FALSE, TRUE, NULL);
  g_thread_join (answers);
  g_mutex_lock (&proxy->lock);
  g_ptr_array_remove (proxy->links, &link);
  g_cond_broadcast (&proxy->cond);
  g_mutex_unlock (&proxy->lock);
  /* The proxy may be gone from here on. */
  g_io_stream_close (G_IO_STREAM (link.upstream), NULL, NULL);
  g_object_unref (link.upstream);

  return TRUE;
}

HibachiTestProxy *
hibachi_test_proxy_new (const char *upstream_url)
{
  HibachiTestProxy *proxy = g_new0 (HibachiTestProxy, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  const char *port = strrchr (upstream_url, ':');

  g_assert_nonnull (port);
  proxy->upstream_port = (guint16) g_ascii_strtoull (port + 1, NULL, 10);
  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->cond);
  proxy->links = g_ptr_array_new ();
  proxy->service = g_threaded_socket_service_new (32);
  g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), any_port, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_signal_connect (proxy->service, "run", G_CALLBACK (run_cb), proxy);
  g_socket_service_start (proxy->service);

  return proxy;
}

const char *
hibachi_test_proxy_get_url (HibachiTestProxy *proxy)
{
  return proxy->url;
}

void
hibachi_test_proxy_hold (HibachiTestProxy *proxy,
                         const char       *needle)
{
  g_mutex_lock (&proxy->lock);
  g_free (proxy->needle);
  proxy->needle = g_strdup (needle);
  g_mutex_unlock (&proxy->lock);
}

void
hibachi_test_proxy_release (HibachiTestProxy *proxy)
{
  g_mutex_lock (&proxy->lock);
  g_clear_pointer (&proxy->needle, g_free);
  g_cond_broadcast (&proxy->cond);
  g_mutex_unlock (&proxy->lock);
}

guint
hibachi_test_proxy_count_held (HibachiTestProxy *proxy)
{
  guint held;

  g_mutex_lock (&proxy->lock);
  held = proxy->held;
  g_mutex_unlock (&proxy->lock);

  return held;
}

/* Ends every connection still open (the app's idle ones too) and waits
 * for their threads. */
void
hibachi_test_proxy_free (HibachiTestProxy *proxy)
{
  if (proxy == NULL)
    return;
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_mutex_lock (&proxy->lock);
  proxy->closing = TRUE;
  g_cond_broadcast (&proxy->cond);
  for (guint i = 0; i < proxy->links->len; i++)
    {
      Link *link = g_ptr_array_index (proxy->links, i);

      g_socket_shutdown (g_socket_connection_get_socket (link->client), TRUE, TRUE, NULL);
      g_socket_shutdown (g_socket_connection_get_socket (link->upstream), TRUE, TRUE, NULL);
    }
  while (proxy->links->len > 0)
    g_cond_wait (&proxy->cond, &proxy->lock);
  g_mutex_unlock (&proxy->lock);
  g_object_unref (proxy->service);
  g_ptr_array_unref (proxy->links);
  g_mutex_clear (&proxy->lock);
  g_cond_clear (&proxy->cond);
  g_free (proxy->needle);
  g_free (proxy->url);
  g_free (proxy);
}
