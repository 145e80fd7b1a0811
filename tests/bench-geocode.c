/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-geocode: GET /api/v1/geocode on loopback against the built-in
 * gazetteer (goal: p95 under 10 ms), beside GET /health in the same run as
 * the floor (a request that does no work). Prints figures; never fails on
 * time. BENCH_REQUESTS sets the number of requests of each kind. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hibachi-test-server.h"

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *times,
               double  p)
{
  guint index = MIN ((guint) (p * times->len), times->len - 1);

  return g_array_index (times, gint64, index) / 1000.0;
}

static void
measure (HibachiTestServer  *ts,
         const char         *token,
         const char         *name,
         const char * const *paths,
         guint               n_requests)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_requests);
  guint n_paths = g_strv_length ((char **) paths);
  gint64 started = g_get_monotonic_time ();

  for (guint i = 0; i < n_requests; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (ts, "GET", paths[i % n_paths], token, NULL, NULL);
      gint64 took = g_get_monotonic_time () - start;

      if (r->status != 200)
        g_error ("%s answered %u", paths[i % n_paths], r->status);
      g_array_append_val (times, took);
    }
  g_array_sort (times, compare_times);
  printf ("%-28s %6u requests  %7.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms\n", name, n_requests,
          n_requests / ((g_get_monotonic_time () - started) / 1e6),
          percentile_ms (times, 0.50), percentile_ms (times, 0.95), percentile_ms (times, 0.99));
  fflush (stdout);
}

int
main (int argc, char *argv[])
{
  const char *requests_env = g_getenv ("BENCH_REQUESTS");
  guint n_requests = requests_env ? (guint) atoi (requests_env) : 3000;
  HibachiTestServer *ts = hibachi_test_server_start (0);
  g_autofree char *token = hibachi_test_login (ts, "office@demo.test");
  const char * const health[] = { "/health", NULL };
  const char * const cities[] = { "/api/v1/geocode?q=Hayward", "/api/v1/geocode?q=San%20Jo", "/api/v1/geocode?q=Sac", NULL };
  const char * const zips[] = { "/api/v1/geocode?q=94541", "/api/v1/geocode?q=945", NULL };
  const char * const streets[] = { "/api/v1/geocode?q=1200%20B%20St%2C%20Hayward%2C%20CA%2094541",
                                   "/api/v1/geocode?q=777%20B%20St%20Hayward%20CA", NULL };
  const char * const reverse[] = { "/api/v1/geocode?lat=37.6688&lng=-122.0808", NULL };

  /* Warm up: connections, the gazetteer's first load. */
  measure (ts, token, "warm-up", cities, 50);
  measure (ts, token, "GET /health (floor)", health, n_requests);
  measure (ts, token, "geocode city (as typed)", cities, n_requests);
  measure (ts, token, "geocode ZIP code", zips, n_requests);
  measure (ts, token, "geocode street address", streets, n_requests);
  measure (ts, token, "geocode reverse", reverse, n_requests);

  hibachi_test_server_stop (ts);
  return EXIT_SUCCESS;
}
