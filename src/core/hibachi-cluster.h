/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-cluster.h: groups map pins that would overlap at a zoom level.
 * Points are projected once (Web Mercator, as the map's tiles); each zoom
 * change then only cuts the world into cells of a few pixels and groups the
 * points by cell, so thousands of pins re-cluster within a frame. */
#pragma once

#include "hibachi-geo.h"

G_BEGIN_DECLS

typedef struct
{
  HibachiLatLng center;   /* mean position of its points, as drawn on the map */
  guint         count;
  guint         first;    /* its points: members[first .. first + count - 1] */
} HibachiCluster;

typedef struct _HibachiClusterer HibachiClusterer;

/* Web Mercator position of @point as a fraction of the world (0..1, x east,
 * y south), and back. */
void              hibachi_mercator_project     (HibachiLatLng          point,
                                                double                *out_x,
                                                double                *out_y);
HibachiLatLng     hibachi_mercator_unproject   (double                 x,
                                                double                 y);

HibachiClusterer *hibachi_clusterer_new        (const HibachiLatLng   *points,
                                                guint                  n_points);
void              hibachi_clusterer_free       (HibachiClusterer      *self);
/* Groups the points that share a square cell of @cell_pixels on a map of
 * @tile_size pixel tiles at @zoom. Clusters come in cell order (west to
 * east within a band, north to south). */
void              hibachi_clusterer_run        (HibachiClusterer      *self,
                                                double                 zoom,
                                                guint                  tile_size,
                                                double                 cell_pixels);
guint             hibachi_clusterer_get_n_clusters (HibachiClusterer  *self);
const HibachiCluster *hibachi_clusterer_get_cluster (HibachiClusterer *self,
                                                guint                  index);
/* The indices (into the points given to _new) of @cluster's points. */
const guint      *hibachi_clusterer_get_members (HibachiClusterer     *self,
                                                const HibachiCluster  *cluster);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiClusterer, hibachi_clusterer_free)

G_END_DECLS
