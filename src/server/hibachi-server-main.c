/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib-unix.h>

#include "hibachi-server.h"
#include "hibachi-validate.h"
#include "hibachi-server-nominatim.h"

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_CONTINUE;
}

/* Every connection is a descriptor: take all the process may have (the
 * soft limit is often 1024 of a much higher hard one). */
static void
raise_fd_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
        g_message ("Cannot raise the open file limit: %s", g_strerror (errno));
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *address = NULL;
  g_autofree char *geocoder_url = NULL;
  int port = 8080;
  gboolean demo = FALSE;
  int demo_bookings = HIBACHI_DEMO_DEFAULT_BOOKINGS;
  int seed = 1;
  int max_connections = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database file (default: hibachi.db)", "FILE" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, "Address to listen on (default: 127.0.0.1)", "ADDR" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port to listen on; 0 picks a free one (default: 8080)", "N" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Fill an empty database with demo data (loopback only)", NULL },
    { "demo-bookings", 0, 0, G_OPTION_ARG_INT, &demo_bookings, "Number of demo bookings (default: 2000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed of the demo data (default: 1)", "N" },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &max_connections,
      "Connections served at once; more get 503 (default: 4096, or fewer under the open file limit)", "N" },
    { "geocoder-url", 0, 0, G_OPTION_ARG_STRING, &geocoder_url,
      "A Nominatim-compatible geocoder to use instead of the built-in California gazetteer", "URL" },
    { NULL }
  };

  context = g_option_context_new ("— the Hibachi Admin API server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (address == NULL)
    address = g_strdup ("127.0.0.1");
  if (db_path == NULL)
    db_path = g_strdup ("hibachi.db");
  if (port < 0 || port > 65535 || demo_bookings < 0 || demo_bookings > 1000000 || max_connections < 0)
    {
      g_printerr ("--port must be 0–65535, --demo-bookings 0–1000000 and --max-connections positive\n");
      return EXIT_FAILURE;
    }

  /* Demo accounts share a published password: never reachable from a network. */
  if (demo && !hibachi_host_is_loopback (address))
    {
      g_printerr ("--demo only listens on a loopback address (127.0.0.1 or ::1), not %s\n", address);
      return EXIT_FAILURE;
    }

  raise_fd_limit ();
  server = hibachi_server_new (db_path, &error);
  if (server == NULL)
    {
      g_printerr ("Cannot open the database %s: %s\n", db_path, error->message);
      return EXIT_FAILURE;
    }

  if (demo && hibachi_server_is_empty (server))
    {
      gint64 start = g_get_monotonic_time ();

      if (!hibachi_server_seed_demo (server, (guint) demo_bookings, (guint32) seed, &error))
        {
          g_printerr ("Cannot create the demo data: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_printerr ("Created demo data with %d bookings in %.1f s\n", demo_bookings,
                  (g_get_monotonic_time () - start) / 1e6);
    }

  if (geocoder_url != NULL)
    {
      g_autoptr(HibachiServerNominatim) geocoder = hibachi_server_nominatim_new (geocoder_url, 0, &error);

      if (geocoder == NULL)
        {
          g_printerr ("--geocoder-url: %s\n", error->message);
          return EXIT_FAILURE;
        }
      hibachi_server_set_geocoder (server, geocoder);
    }

  hibachi_server_set_connection_limits (server, (guint) max_connections, 0);
  port = (int) hibachi_server_listen (server, address, (guint) port, &error);
  if (port == 0)
    {
      g_printerr ("Cannot listen on %s: %s\n", address, error->message);
      return EXIT_FAILURE;
    }

  printf ("Listening on http://%s%s%s:%d\n", strchr (address, ':') ? "[" : "", address,
          strchr (address, ':') ? "]" : "", port);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  hibachi_server_disconnect (server);

  return EXIT_SUCCESS;
}
