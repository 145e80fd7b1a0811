/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Service Areas map with 3 stations and 5,000 booking pins: frame
 * cost while panning and zooming, beside the same map without pins in the
 * same run, and re-clustering time per zoom change. Prints figures; never
 * fails on time. Tiles come from nowhere (a plain background) so both
 * runs draw the same base. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <adwaita.h>

#include "hibachi-areas-map.h"

#define N_PINS 5000

static GArray *work_ms;   /* before-paint to after-paint: a frame's own cost */
static gint64 frame_start_us;
static guint painted;

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  double ms = (g_get_monotonic_time () - frame_start_us) / 1000.0;

  if (work_ms != NULL && frame_start_us != 0)
    g_array_append_val (work_ms, ms);
  painted++;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static GPtrArray *
make_stations (void)
{
  const struct { const char *code, *name; double lat, lng; } demo[] = {
    { "CA-FREMONT-001", "Fremont", 37.5485, -121.9886 },
    { "CA-SACRAMENTO-001", "Sacramento", 38.5816, -121.4944 },
    { "CA-FRESNO-001", "Fresno", 36.7378, -119.7871 },
  };
  GPtrArray *stations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\":\"s%u\",\"code\":\"%s\",\"name\":\"%s\",\"address\":\"1 Main St\","
                                               "\"phone\":\"(510) 555-0100\",\"email\":\"s@demo.test\","
                                               "\"timezone\":\"America/Los_Angeles\",\"lat\":%f,\"lng\":%f,"
                                               "\"service_radius_miles\":150,\"escalation_radius_miles\":150,"
                                               "\"is_active\":true,\"version\":1}",
                                               i, demo[i].code, demo[i].name, demo[i].lat, demo[i].lng);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);

      g_ptr_array_add (stations, hibachi_station_new_from_json (node, NULL));
    }

  return stations;
}

/* Venues within 100 miles of the stations, as the demo data has them. */
static GPtrArray *
make_bookings (GPtrArray *stations)
{
  const char *statuses[] = { "pending", "confirmed", "completed", "cancelled" };
  GPtrArray *bookings = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < N_PINS; i++)
    {
      HibachiStation *station = g_ptr_array_index (stations, i % stations->len);
      HibachiLatLng at = { hibachi_station_get_lat (station), hibachi_station_get_lng (station) };
      HibachiLatLng venue = hibachi_geo_destination (at, g_rand_double_range (rand, 0, 360),
                                                     100 * sqrt (g_rand_double (rand)));
      g_autofree char *json = g_strdup_printf ("{\"id\":\"b%u\",\"reference\":\"MH-%06u\",\"status\":\"%s\","
                                               "\"customer_name\":\"Guest %u\",\"customer_email\":\"g@demo.test\","
                                               "\"customer_phone\":\"(510) 555-0101\",\"event_date\":\"2026-12-12\","
                                               "\"slot\":\"18:00\",\"adults\":10,\"children\":0,\"toddlers\":0,"
                                               "\"venue_address\":\"2 Main St\",\"venue_lat\":%f,\"venue_lng\":%f,"
                                               "\"station_id\":\"s%u\",\"chef_id\":null,\"requested_chef_id\":null,"
                                               "\"total_cents\":55000,\"deposit_cents\":10000,\"deposit_paid\":false,"
                                               "\"created_at\":\"2026-11-01T00:00:00Z\",\"version\":1}",
                                               i, 100000 + i, statuses[i % 4], i, venue.lat, venue.lng,
                                               i % stations->len);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      HibachiBooking *booking = hibachi_booking_new_from_json (node, NULL);

      g_assert_nonnull (booking);
      g_ptr_array_add (bookings, booking);
    }
  g_rand_free (rand);

  return bookings;
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint until = painted + n;

  while (painted < until)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* p95 of a frame's cost over a pan (each frame 12 px east) and a zoom
 * (each frame 1/20 of a level, in and out). */
static void
measure (HibachiAreasMap *map,
         const char      *label,
         double          *pan_p95,
         double          *zoom_p95)
{
  ShumateViewport *viewport = hibachi_areas_map_get_viewport (map);
  ShumateMap *smap = hibachi_areas_map_get_map (map);
  GtkWidget *widget = GTK_WIDGET (smap);
  double lat = 37.3, lng = -121.0;

  shumate_viewport_set_zoom_level (viewport, 7);
  shumate_map_center_on (smap, lat, lng);
  wait_frames (widget, 5);

  work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 240; i++)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, lat, lng, &x, &y);
      shumate_viewport_widget_coords_to_location (viewport, widget, x + (i < 120 ? 12 : -12), y, &lat, &lng);
      shumate_map_center_on (smap, lat, lng);
      wait_frames (widget, 1);
    }
  *pan_p95 = percentile (work_ms, 0.95);
  g_array_unref (work_ms);

  work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 240; i++)
    {
      double zoom = 5 + (i < 120 ? i : 240 - i) / 20.0;

      shumate_viewport_set_zoom_level (viewport, zoom);
      wait_frames (widget, 1);
    }
  *zoom_p95 = percentile (work_ms, 0.95);
  g_array_unref (work_ms);
  work_ms = NULL;
  printf ("%-12s pan frame p95 %.2f ms, zoom frame p95 %.2f ms\n", label, *pan_p95, *zoom_p95);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autofree HibachiLatLng *points = NULL;
  g_autoptr(HibachiClusterer) clusterer = NULL;
  g_autoptr(GArray) cluster_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cache = g_dir_make_tmp ("hibachi-bench-areas-XXXXXX", NULL);
  HibachiAreasMap *map;
  GtkWidget *window;
  GdkFrameClock *clock;
  double bare_pan, bare_zoom, pins_pan, pins_zoom;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gtk_init ();
  adw_init ();

  stations = make_stations ();
  bookings = make_bookings (stations);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  map = hibachi_areas_map_new ();
  hibachi_areas_map_set_tile_url (map, "http://127.0.0.1:1/{z}/{x}/{y}.png");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (map)) == 0)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  printf ("Service Areas map, 1280x800, %u stations, %u pins (GSK_RENDERER=%s)\n", stations->len, N_PINS,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  hibachi_areas_map_set_stations (map, stations);
  measure (map, "no pins", &bare_pan, &bare_zoom);
  hibachi_areas_map_set_bookings (map, bookings);
  measure (map, "5,000 pins", &pins_pan, &pins_zoom);
  printf ("ratio        pan %.2fx, zoom %.2fx (goal within 1.25x)\n", pins_pan / bare_pan, pins_zoom / bare_zoom);

  /* Re-clustering alone, and with the markers re-placed, per zoom change. */
  points = g_new (HibachiLatLng, bookings->len);
  for (guint i = 0; i < bookings->len; i++)
    {
      points[i].lat = hibachi_resource_get_double (bookings->pdata[i], "venue_lat");
      points[i].lng = hibachi_resource_get_double (bookings->pdata[i], "venue_lng");
    }
  clusterer = hibachi_clusterer_new (points, bookings->len);
  for (guint round = 0; round < 10; round++)
    for (double zoom = 3; zoom <= 17; zoom += 0.5)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        hibachi_clusterer_run (clusterer, zoom, 256, HIBACHI_AREAS_MAP_CLUSTER_PIXELS);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (cluster_ms, ms);
      }
  for (double zoom = 4; zoom <= 14; zoom += 0.5)
    {
      gint64 start;
      double ms;

      shumate_viewport_set_zoom_level (hibachi_areas_map_get_viewport (map), zoom);
      start = g_get_monotonic_time ();
      hibachi_areas_map_update_pins (map);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (update_ms, ms);
    }
  printf ("re-cluster   %u pins per zoom change: p50 %.2f ms, p95 %.2f ms (goal < 5 ms)\n", N_PINS,
          percentile (cluster_ms, 0.5), percentile (cluster_ms, 0.95));
  printf ("re-place     clusters and markers near the view per zoom change: p50 %.2f ms, p95 %.2f ms\n",
          percentile (update_ms, 0.5), percentile (update_ms, 0.95));

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache);

    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }

  return 0;
}
