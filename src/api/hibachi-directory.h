/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-directory.h: the stations and chefs the signed-in user may see,
 * by id, for names in lists and the station selector. */
#pragma once

#include "hibachi-geo.h"
#include "hibachi-store.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_DIRECTORY (hibachi_directory_get_type ())
G_DECLARE_FINAL_TYPE (HibachiDirectory, hibachi_directory, HIBACHI, DIRECTORY, GObject)

HibachiDirectory *hibachi_directory_new            (HibachiStore        *store);
void              hibachi_directory_load_async     (HibachiDirectory    *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          hibachi_directory_load_finish    (HibachiDirectory    *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* (element-type HibachiStation) (transfer none), as the server orders them */
GPtrArray        *hibachi_directory_get_stations   (HibachiDirectory    *self);
HibachiStation   *hibachi_directory_get_station    (HibachiDirectory    *self,
                                                    const char          *station_id);
const char       *hibachi_directory_station_name   (HibachiDirectory    *self,
                                                    const char          *station_id);
/* A station's name told from elsewhere (the user's own stations, from
 * /me), for roles the server does not let list stations: a chef. The
 * listed station's name comes first. */
void              hibachi_directory_name_station   (HibachiDirectory    *self,
                                                    const char          *station_id,
                                                    const char          *name);
const char       *hibachi_directory_chef_name      (HibachiDirectory    *self,
                                                    const char          *chef_id);
/* (element-type HibachiChef) (transfer none), as the server orders them */
GPtrArray        *hibachi_directory_get_chefs      (HibachiDirectory    *self);
/* The nearest active station's verdict for @point (SPEC §8.5), in words:
 * "Inside the service area: 9.4 mi from Fremont, the nearest station";
 * NULL when no station is known to the user. */
char             *hibachi_directory_describe_service_area (HibachiDirectory *self,
                                                           HibachiLatLng     point);

G_END_DECLS
