/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-cluster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-cluster.h"

/* Web Mercator stops short of the poles. */
#define MAX_MERCATOR_LATITUDE 85.05112878
/* Bits of the cell key sorted per pass. */
#define RADIX_BITS 11
#define RADIX_MASK ((1u << RADIX_BITS) - 1)

typedef struct
{
  guint64 cell;
  guint   index;
} Keyed;

struct _HibachiClusterer
{
  guint   n_points;
  double *x;
  double *y;
  Keyed  *keyed;
  Keyed  *scratch;   /* the other half of each sorting pass */
  guint  *members;
  GArray *clusters;
};

void
hibachi_mercator_project (HibachiLatLng  point,
                          double        *out_x,
                          double        *out_y)
{
  double lat = CLAMP (point.lat, -MAX_MERCATOR_LATITUDE, MAX_MERCATOR_LATITUDE) * G_PI / 180.0;

  *out_x = (point.lng + 180.0) / 360.0;
  *out_y = (1.0 - log (tan (lat) + 1.0 / cos (lat)) / G_PI) / 2.0;
}

HibachiLatLng
hibachi_mercator_unproject (double x,
                            double y)
{
  HibachiLatLng point;

  point.lng = x * 360.0 - 180.0;
  point.lat = atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;

  return point;
}

HibachiClusterer *
hibachi_clusterer_new (const HibachiLatLng *points,
                       guint                n_points)
{
  HibachiClusterer *self = g_new0 (HibachiClusterer, 1);

  self->n_points = n_points;
  self->x = g_new (double, MAX (n_points, 1));
  self->y = g_new (double, MAX (n_points, 1));
  self->keyed = g_new (Keyed, MAX (n_points, 1));
  self->scratch = g_new (Keyed, MAX (n_points, 1));
  self->members = g_new (guint, MAX (n_points, 1));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (HibachiCluster));
  for (guint i = 0; i < n_points; i++)
    hibachi_mercator_project (points[i], &self->x[i], &self->y[i]);

  return self;
}

void
hibachi_clusterer_free (HibachiClusterer *self)
{
  if (self == NULL)
    return;
  g_free (self->x);
  g_free (self->y);
  g_free (self->keyed);
  g_free (self->scratch);
  g_free (self->members);
  g_array_unref (self->clusters);
  g_free (self);
}

/* Sorts keyed[] by cell, least significant digit first: each pass is
 * stable, so within a cell the points keep the callers' order. Linear in
 * the points (a few passes over them), where a comparison sort was not. */
static void
sort_by_cell (HibachiClusterer *self,
              guint64           max_cell)
{
  guint counts[1u << RADIX_BITS];
  Keyed *from = self->keyed;
  Keyed *to = self->scratch;

  for (guint shift = 0; shift < 64 && (max_cell >> shift) != 0; shift += RADIX_BITS)
    {
      Keyed *swap;
      guint total = 0;

      memset (counts, 0, sizeof counts);
      for (guint i = 0; i < self->n_points; i++)
        counts[(from[i].cell >> shift) & RADIX_MASK]++;
      for (guint d = 0; d < G_N_ELEMENTS (counts); d++)
        {
          guint n = counts[d];

          counts[d] = total;
          total += n;
        }
      for (guint i = 0; i < self->n_points; i++)
        to[counts[(from[i].cell >> shift) & RADIX_MASK]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  /* An odd number of passes leaves the result in the scratch array. */
  self->keyed = from;
  self->scratch = to;
}

void
hibachi_clusterer_run (HibachiClusterer *self,
                       double            zoom,
                       guint             tile_size,
                       double            cell_pixels)
{
  double cells = tile_size * exp2 (zoom) / cell_pixels;
  guint64 per_row = (guint64) ceil (cells) + 1;

  g_return_if_fail (cell_pixels > 0);

  g_array_set_size (self->clusters, 0);
  for (guint i = 0; i < self->n_points; i++)
    {
      guint64 cx = (guint64) CLAMP (floor (self->x[i] * cells), 0, per_row - 1);
      guint64 cy = (guint64) CLAMP (floor (self->y[i] * cells), 0, per_row - 1);

      self->keyed[i].cell = cy * per_row + cx;
      self->keyed[i].index = i;
    }
  sort_by_cell (self, per_row * per_row - 1);

  for (guint i = 0; i < self->n_points;)
    {
      HibachiCluster cluster = { { 0, 0 }, 0, i };
      double sx = 0, sy = 0;
      guint j;

      for (j = i; j < self->n_points && self->keyed[j].cell == self->keyed[i].cell; j++)
        {
          guint index = self->keyed[j].index;

          self->members[j] = index;
          sx += self->x[index];
          sy += self->y[index];
        }
      cluster.count = j - i;
      cluster.center = hibachi_mercator_unproject (sx / cluster.count, sy / cluster.count);
      g_array_append_val (self->clusters, cluster);
      i = j;
    }
}

guint
hibachi_clusterer_get_n_clusters (HibachiClusterer *self)
{
  return self->clusters->len;
}

const HibachiCluster *
hibachi_clusterer_get_cluster (HibachiClusterer *self,
                               guint             index)
{
  g_return_val_if_fail (index < self->clusters->len, NULL);

  return &g_array_index (self->clusters, HibachiCluster, index);
}

const guint *
hibachi_clusterer_get_members (HibachiClusterer     *self,
                               const HibachiCluster *cluster)
{
  return &self->members[cluster->first];
}
