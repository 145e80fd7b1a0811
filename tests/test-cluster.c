/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pins that overlap on the map become one cluster with their count; zooming
 * in splits them; every pin is in exactly one cluster. */
#include "config.h"

#include <math.h>

#include "hibachi-core.h"

static const HibachiLatLng fremont = { 37.5485, -121.9886 };
static const HibachiLatLng sacramento = { 38.5816, -121.4944 };
static const HibachiLatLng fresno = { 36.7378, -119.7871 };

static void
test_mercator (void)
{
  const HibachiLatLng points[] = { fremont, { 0, 0 }, { -33.9, 151.2 }, { 60.0, -179.5 } };
  double x, y;

  hibachi_mercator_project ((HibachiLatLng) { 0, 0 }, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  /* North is up: a northern point has a smaller y. */
  hibachi_mercator_project (sacramento, &x, &y);
  {
    double fx, fy;

    hibachi_mercator_project (fremont, &fx, &fy);
    g_assert_cmpfloat (y, <, fy);
  }
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      HibachiLatLng back;

      hibachi_mercator_project (points[i], &x, &y);
      back = hibachi_mercator_unproject (x, y);
      g_assert_cmpfloat_with_epsilon (back.lat, points[i].lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (back.lng, points[i].lng, 1e-9);
    }
}

/* @n points in a small spiral around @center (within about @miles). */
static void
scatter (HibachiLatLng  center,
         double         miles,
         guint          n,
         HibachiLatLng *out)
{
  for (guint i = 0; i < n; i++)
    out[i] = hibachi_geo_destination (center, i * 137.5, miles * (i + 1) / n);
}

static void
assert_partition (HibachiClusterer *clusterer,
                  guint             n_points)
{
  g_autofree guint *seen = g_new0 (guint, n_points);
  guint total = 0;

  for (guint c = 0; c < hibachi_clusterer_get_n_clusters (clusterer); c++)
    {
      const HibachiCluster *cluster = hibachi_clusterer_get_cluster (clusterer, c);
      const guint *members = hibachi_clusterer_get_members (clusterer, cluster);

      g_assert_cmpuint (cluster->count, >, 0);
      for (guint m = 0; m < cluster->count; m++)
        seen[members[m]]++;
      total += cluster->count;
    }
  g_assert_cmpuint (total, ==, n_points);
  for (guint i = 0; i < n_points; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_counts (void)
{
  HibachiLatLng points[30];
  g_autoptr(HibachiClusterer) clusterer = NULL;
  guint counts[3] = { 0 };

  /* 10 pins within 2 miles of each station. */
  scatter (fremont, 2, 10, points);
  scatter (sacramento, 2, 10, points + 10);
  scatter (fresno, 2, 10, points + 20);
  clusterer = hibachi_clusterer_new (points, G_N_ELEMENTS (points));

  /* Zoomed out over California (a station's 2 miles are ~3 px at zoom 7):
   * one cluster of 10 per station, centred within those 2 miles. */
  hibachi_clusterer_run (clusterer, 7, 256, 64);
  assert_partition (clusterer, G_N_ELEMENTS (points));
  g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), ==, 3);
  for (guint c = 0; c < 3; c++)
    {
      const HibachiCluster *cluster = hibachi_clusterer_get_cluster (clusterer, c);
      const guint *members = hibachi_clusterer_get_members (clusterer, cluster);
      guint station = members[0] / 10;

      g_assert_cmpuint (cluster->count, ==, 10);
      for (guint m = 0; m < cluster->count; m++)
        g_assert_cmpuint (members[m] / 10, ==, station);
      counts[station]++;
      g_assert_cmpfloat (hibachi_geo_distance_miles (cluster->center, points[station * 10]), <, 2.5);
    }
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[2], ==, 1);

  /* The whole state in one cell at zoom 2. */
  hibachi_clusterer_run (clusterer, 2, 256, 64);
  assert_partition (clusterer, G_N_ELEMENTS (points));
  g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), <=, 2);

  /* Zoomed in to streets every pin stands alone (the nearest two are a
   * fifth of a mile apart: ~150 px at zoom 15 against 64 px cells). */
  hibachi_clusterer_run (clusterer, 15, 256, 64);
  assert_partition (clusterer, G_N_ELEMENTS (points));
  g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), ==, G_N_ELEMENTS (points));

  /* A zoom level in never merges: at whole zooms each cell splits in four. */
  {
    guint last = 1;

    for (int zoom = 2; zoom <= 16; zoom++)
      {
        hibachi_clusterer_run (clusterer, zoom, 256, 64);
        assert_partition (clusterer, G_N_ELEMENTS (points));
        g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), >=, last);
        last = hibachi_clusterer_get_n_clusters (clusterer);
      }
  }
}

static void
test_same_place (void)
{
  /* Two parties at one address stay together at any zoom. */
  const HibachiLatLng points[] = { fremont, fremont, sacramento };
  g_autoptr(HibachiClusterer) clusterer = hibachi_clusterer_new (points, G_N_ELEMENTS (points));

  hibachi_clusterer_run (clusterer, 19, 256, 48);
  g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), ==, 2);
  assert_partition (clusterer, G_N_ELEMENTS (points));
}

/* The cell of @point for a run at @zoom, as a row-major index. */
static guint64
cell_of (HibachiLatLng point, double zoom, double cell_pixels)
{
  double cells = 256 * exp2 (zoom) / cell_pixels;
  guint64 per_row = (guint64) ceil (cells) + 1;
  double x, y;

  hibachi_mercator_project (point, &x, &y);
  return (guint64) floor (y * cells) * per_row + (guint64) floor (x * cells);
}

/* Thousands of scattered pins at every half zoom: each cluster is one cell,
 * clusters come in cell order, and a cluster's members in the callers'
 * order (what the markers and their popovers rely on). */
static void
test_cell_order (void)
{
  g_autofree HibachiLatLng *points = g_new (HibachiLatLng, 3000);
  g_autoptr(HibachiClusterer) clusterer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < 3000; i++)
    points[i] = hibachi_geo_destination (i % 2 ? fremont : fresno, g_rand_double_range (rand, 0, 360),
                                         g_rand_double_range (rand, 0, 120));
  clusterer = hibachi_clusterer_new (points, 3000);
  for (double zoom = 2; zoom <= 19; zoom += 0.5)
    {
      guint64 last_cell = 0;

      hibachi_clusterer_run (clusterer, zoom, 256, 48);
      assert_partition (clusterer, 3000);
      for (guint c = 0; c < hibachi_clusterer_get_n_clusters (clusterer); c++)
        {
          const HibachiCluster *cluster = hibachi_clusterer_get_cluster (clusterer, c);
          const guint *members = hibachi_clusterer_get_members (clusterer, cluster);
          guint64 cell = cell_of (points[members[0]], zoom, 48);

          if (c > 0)
            g_assert_cmpuint (cell, >, last_cell);
          for (guint m = 0; m < cluster->count; m++)
            {
              g_assert_cmpuint (cell_of (points[members[m]], zoom, 48), ==, cell);
              if (m > 0)
                g_assert_cmpuint (members[m], >, members[m - 1]);
            }
          last_cell = cell;
        }
    }
}

static void
test_empty (void)
{
  g_autoptr(HibachiClusterer) clusterer = hibachi_clusterer_new (NULL, 0);

  hibachi_clusterer_run (clusterer, 10, 256, 48);
  g_assert_cmpuint (hibachi_clusterer_get_n_clusters (clusterer), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/cluster/mercator", test_mercator);
  g_test_add_func ("/hibachi/cluster/counts", test_counts);
  g_test_add_func ("/hibachi/cluster/cell-order", test_cell_order);
  g_test_add_func ("/hibachi/cluster/same-place", test_same_place);
  g_test_add_func ("/hibachi/cluster/empty", test_empty);

  return g_test_run ();
}
