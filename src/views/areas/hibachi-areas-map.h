/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-areas-map.h: the Service Areas map. Stations as named markers
 * with their service and escalation circles, booking pins by status (a
 * distinct icon per status, not colour alone) clustered by zoom, the line
 * of an area check, and tiles from the settings' template — or a plain
 * background with a note when there are none. */
#pragma once

#include <shumate/shumate.h>

#include "hibachi-booking.h"
#include "hibachi-core.h"
#include "hibachi-station.h"
#include "hibachi-tile-source.h"

G_BEGIN_DECLS

/* Pins closer than this on screen share a cluster. */
#define HIBACHI_AREAS_MAP_CLUSTER_PIXELS 48.0
/* Arrow keys move the focused draggable station marker this far (with
 * Shift, the larger step): the keyboard's way to drag it. */
#define HIBACHI_AREAS_MAP_NUDGE_PIXELS 8.0
#define HIBACHI_AREAS_MAP_NUDGE_PIXELS_LARGE 64.0
/* The name of the marker's key controller that does it. */
#define HIBACHI_AREAS_MAP_NUDGE_CONTROLLER "hibachi-station-keys"
/* Points of a radius circle. */
#define HIBACHI_AREAS_MAP_CIRCLE_POINTS 96

#define HIBACHI_TYPE_AREAS_MAP (hibachi_areas_map_get_type ())
G_DECLARE_FINAL_TYPE (HibachiAreasMap, hibachi_areas_map, HIBACHI, AREAS_MAP, GtkWidget)

HibachiAreasMap  *hibachi_areas_map_new                (void);
/* A new raster source of @url_template ({z}/{x}/{y}). */
void              hibachi_areas_map_set_tile_url       (HibachiAreasMap *self,
                                                        const char      *url_template);
gboolean          hibachi_areas_map_get_tiles_available (HibachiAreasMap *self);
ShumateMap       *hibachi_areas_map_get_map            (HibachiAreasMap *self);
ShumateViewport  *hibachi_areas_map_get_viewport       (HibachiAreasMap *self);
/* (element-type HibachiStation) */
void              hibachi_areas_map_set_stations       (HibachiAreasMap *self,
                                                        GPtrArray       *stations);
/* The station whose marker can be dragged (NULL: none). */
void              hibachi_areas_map_set_draggable_station (HibachiAreasMap *self,
                                                        const char      *station_id);
/* Moves @station_id's marker and circles (while its edit is unsaved). */
void              hibachi_areas_map_preview_station    (HibachiAreasMap *self,
                                                        const char      *station_id,
                                                        HibachiLatLng    location,
                                                        double           service_miles,
                                                        double           escalation_miles);
/* (element-type HibachiBooking) */
void              hibachi_areas_map_set_bookings       (HibachiAreasMap *self,
                                                        GPtrArray       *bookings);
/* The checked point and the line to its station (@station NULL: no line);
 * @point NULL clears both. */
void              hibachi_areas_map_set_check          (HibachiAreasMap *self,
                                                        const HibachiLatLng *point,
                                                        const HibachiLatLng *station);
/* Centres and zooms the map so @station_id's service circle fills it
 * (NULL: every station's), a little room around. */
void              hibachi_areas_map_fit_service_area   (HibachiAreasMap *self,
                                                        const char      *station_id);

/* What is drawn, for tests and the benchmark. */
HibachiTileSource *hibachi_areas_map_get_tiles         (HibachiAreasMap *self);
ShumatePathLayer *hibachi_areas_map_get_circle         (HibachiAreasMap *self,
                                                        const char      *station_id,
                                                        gboolean         escalation);
ShumatePathLayer *hibachi_areas_map_get_check_line     (HibachiAreasMap *self);
ShumateMarker    *hibachi_areas_map_get_station_marker (HibachiAreasMap *self,
                                                        const char      *station_id);
/* Pin and cluster markers on the map now (only those near the view). */
GList            *hibachi_areas_map_get_pin_markers    (HibachiAreasMap *self);
/* The bookings of a pin or cluster marker (element-type HibachiBooking). */
GPtrArray        *hibachi_areas_map_marker_bookings    (HibachiAreasMap *self,
                                                        ShumateMarker   *marker);
/* Clusters again for the zoom now and puts the markers near the view. */
void              hibachi_areas_map_update_pins        (HibachiAreasMap *self);

G_END_DECLS
