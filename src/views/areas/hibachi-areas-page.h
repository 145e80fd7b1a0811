/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-areas-page.h: the Service Areas page (SPEC §5.3): the map of
 * stations, their circles and the bookings of a date range; the station
 * list and editor beside it; and the check of a point, with its nearest
 * station, verdict and travel fee. */
#pragma once

#include "hibachi-areas-map.h"
#include "hibachi-page.h"
#include "hibachi-station-editor.h"

G_BEGIN_DECLS

/* Pins shown at most (the first of the date range). */
#define HIBACHI_AREAS_MAX_PINS 20000

#define HIBACHI_TYPE_AREAS_PAGE (hibachi_areas_page_get_type ())
G_DECLARE_FINAL_TYPE (HibachiAreasPage, hibachi_areas_page, HIBACHI, AREAS_PAGE, HibachiPage)

/* NULL until the page is first shown (both are built then). */
HibachiAreasMap      *hibachi_areas_page_get_map     (HibachiAreasPage *self);
HibachiStationEditor *hibachi_areas_page_get_editor  (HibachiAreasPage *self);
/* (element-type HibachiStation) as loaded, or NULL */
GPtrArray            *hibachi_areas_page_get_stations (HibachiAreasPage *self);
/* The bookings on the map (NULL while they load). */
GPtrArray            *hibachi_areas_page_get_bookings (HibachiAreasPage *self);
gboolean              hibachi_areas_page_get_loading (HibachiAreasPage *self);
/* Opens @station_id in the editor, as a click on its row does. */
void                  hibachi_areas_page_select_station (HibachiAreasPage *self,
                                                      const char       *station_id);
/* Checks @point, as a click on the map does. */
void                  hibachi_areas_page_check_point (HibachiAreasPage *self,
                                                      HibachiLatLng     point);
/* The check's rows as shown: station with distance, verdict, travel fee
 * (NULL while hidden). */
const char           *hibachi_areas_page_get_check_text (HibachiAreasPage *self,
                                                      const char       *row);

G_END_DECLS
