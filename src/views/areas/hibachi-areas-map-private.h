/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-areas-map-private.h: what the map's files share: the widget
 * (hibachi-areas-map.c: stations, circles), its tiles
 * (hibachi-areas-map-tiles.c) and its pins and area check
 * (hibachi-areas-map-pins.c). */
#pragma once

#include "hibachi-areas-map.h"
#include "hibachi-tile-source.h"

G_BEGIN_DECLS

typedef struct
{
  HibachiStation   *station;
  HibachiLatLng     location;
  double            service_miles;
  double            escalation_miles;
  ShumatePathLayer *service;
  ShumatePathLayer *escalation;
  ShumateMarker    *marker;
} StationShape;

struct _HibachiAreasMap
{
  GtkWidget           parent_instance;

  GtkWidget          *overlay;
  ShumateSimpleMap   *simple_map;
  ShumateMapSource   *source;
  HibachiTileSource  *tiles;
  GtkWidget          *offline_label;
  ShumateMarkerLayer *pin_layer;
  ShumateMarkerLayer *station_layer;
  ShumatePathLayer   *check_line;
  ShumateMarkerLayer *check_layer;
  ShumateMarker      *check_marker;

  GPtrArray          *stations;      /* StationShape */
  char               *draggable_id;
  HibachiLatLng       drag_start;

  GPtrArray          *bookings;      /* HibachiBooking, the pins */
  HibachiClusterer   *clusterer;
  double              clustered_zoom;
  GHashTable         *pin_markers;   /* cluster index → its ShumateMarker (unowned) */
  GPtrArray          *free_pins;     /* hidden in the layer, for the next pins (unowned) */
  GPtrArray          *free_clusters; /* the same for cluster badges */
  double              built_bounds[4];   /* x0, y0, x1, y1 as world fractions */
  guint               update_id;
  guint               fit_id;        /* the fit waiting for the map's size */
  guint               nudge_id;      /* relays the tiles until the source is asked */
  guint               n_nudges;
  char               *fit_station_id;
};

enum {
  HIBACHI_AREAS_MAP_POINT_CLICKED,
  HIBACHI_AREAS_MAP_STATION_MOVED,
  HIBACHI_AREAS_MAP_STATION_ACTIVATED,
  HIBACHI_AREAS_MAP_BOOKING_ACTIVATED,
  HIBACHI_AREAS_MAP_N_SIGNALS
};

extern guint hibachi_areas_map_signals[HIBACHI_AREAS_MAP_N_SIGNALS];

/* hibachi-areas-map-tiles.c: until the tile source has been asked for a
 * tile, and while the map is shown, sees that it is. */
void hibachi_areas_map_watch_tiles (HibachiAreasMap *self);

/* Re-places the pins when the view left what was built, once per idle. */
void hibachi_areas_map_viewport_changed (HibachiAreasMap *self);

G_END_DECLS
