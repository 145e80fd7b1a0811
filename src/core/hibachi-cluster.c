/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-cluster"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hibachi-cluster.h"

/* Web Mercator stops short of the poles. */
#define MAX_MERCATOR_LATITUDE 85.05112878

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
  g_free (self->members);
  g_array_unref (self->clusters);
  g_free (self);
}

static int
compare_keyed (const void *a,
               const void *b)
{
  const Keyed *ka = a;
  const Keyed *kb = b;

  if (ka->cell != kb->cell)
    return ka->cell < kb->cell ? -1 : 1;
  /* Stable within a cell: members keep the callers' order. */
  return ka->index < kb->index ? -1 : ka->index > kb->index;
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
  qsort (self->keyed, self->n_points, sizeof (Keyed), compare_keyed);

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
