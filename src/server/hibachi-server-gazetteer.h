/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-gazetteer.h: the offline geocoder — California's cities
 * and ZIP codes with their points (data/gazetteer/, compiled in). "Hayward"
 * finds the city, "94541" the ZIP code, "1200 B St, Hayward" a street
 * address at its town's point (or its ZIP code's, when given). Immutable
 * once loaded: usable from any thread. */
#pragma once

#include "hibachi-core.h"
#include "hibachi-server-geocoder.h"

G_BEGIN_DECLS

#define HIBACHI_GAZETTEER_SOURCE "gazetteer"
/* Reverse geocoding finds nothing farther than this from a known place. */
#define HIBACHI_GAZETTEER_REVERSE_MAX_MILES 30.0

#define HIBACHI_TYPE_SERVER_GAZETTEER (hibachi_server_gazetteer_get_type ())
G_DECLARE_FINAL_TYPE (HibachiServerGazetteer, hibachi_server_gazetteer, HIBACHI, SERVER_GAZETTEER, GObject)

/* The gazetteer compiled into the server, loaded on first use (transfer none). */
HibachiServerGazetteer  *hibachi_server_gazetteer_get_default   (void);
/* From lines "ZIP\tlat\tlng\tcity". */
HibachiServerGazetteer  *hibachi_server_gazetteer_new_from_data (GBytes                 *tsv,
                                                                 GError                **error);
/* (element-type HibachiServerPlace), best first, at most @limit. */
GPtrArray               *hibachi_server_gazetteer_search        (HibachiServerGazetteer *self,
                                                                 const char             *query,
                                                                 guint                   limit);
/* The nearest ZIP code's place, or NULL beyond HIBACHI_GAZETTEER_REVERSE_MAX_MILES. */
HibachiServerPlace *hibachi_server_gazetteer_reverse       (HibachiServerGazetteer *self,
                                                                 HibachiLatLng           point);
/* The point of the city named @name (any case); FALSE when unknown. */
gboolean                 hibachi_server_gazetteer_find_city     (HibachiServerGazetteer *self,
                                                                 const char             *name,
                                                                 HibachiLatLng          *out_point);
/* Names of the cities with at least @min_zips ZIP codes whose point is
 * @min_miles to @max_miles from @center, nearest first (transfer container). */
GPtrArray               *hibachi_server_gazetteer_cities_around (HibachiServerGazetteer *self,
                                                                 HibachiLatLng           center,
                                                                 double                  min_miles,
                                                                 double                  max_miles,
                                                                 guint                   min_zips);
guint                    hibachi_server_gazetteer_get_n_cities  (HibachiServerGazetteer *self);
guint                    hibachi_server_gazetteer_get_n_zips    (HibachiServerGazetteer *self);

G_END_DECLS
