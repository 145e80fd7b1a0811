/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-station-editor.h: the form of one station beside the map (or of
 * a new one): name, code, address, phone, email, time zone (a searchable
 * list of tz database names), location, service and escalation radius in
 * miles, active. It checks what it can before sending (src/core rules) and
 * hands the page only the members that changed. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hibachi-core.h"
#include "hibachi-station.h"
#include "hibachi-store.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_STATION_EDITOR (hibachi_station_editor_get_type ())
G_DECLARE_FINAL_TYPE (HibachiStationEditor, hibachi_station_editor, HIBACHI, STATION_EDITOR, GtkWidget)

HibachiStationEditor *hibachi_station_editor_new            (void);
/* Where the address finder looks places up. */
void            hibachi_station_editor_set_store            (HibachiStationEditor *self,
                                                             HibachiStore         *store);
/* @station NULL: a new station at @new_location. Read-only unless
 * @editable. Clears any error. */
void            hibachi_station_editor_set_station          (HibachiStationEditor *self,
                                                             HibachiStation       *station,
                                                             gboolean              editable,
                                                             HibachiLatLng         new_location);
HibachiStation *hibachi_station_editor_get_station          (HibachiStationEditor *self);
gboolean        hibachi_station_editor_get_editable         (HibachiStationEditor *self);
gboolean        hibachi_station_editor_is_new               (HibachiStationEditor *self);
gboolean        hibachi_station_editor_has_changes          (HibachiStationEditor *self);
/* The members to send: those that differ from the station (every member
 * for a new one). NULL with @message when the form is not valid. */
JsonObject     *hibachi_station_editor_dup_changes          (HibachiStationEditor *self,
                                                             char                **message);
/* The values before the change, of the members in @changes (for undo). */
JsonObject     *hibachi_station_editor_dup_original         (HibachiStationEditor *self,
                                                             JsonObject           *changes);
/* Edits @station (a newer version of the one shown) keeping the form as
 * typed: the next save is based on it. */
void            hibachi_station_editor_rebase               (HibachiStationEditor *self,
                                                             HibachiStation       *station);
HibachiLatLng   hibachi_station_editor_get_location         (HibachiStationEditor *self);
void            hibachi_station_editor_set_location         (HibachiStationEditor *self,
                                                             HibachiLatLng         location);
double          hibachi_station_editor_get_service_miles    (HibachiStationEditor *self);
double          hibachi_station_editor_get_escalation_miles (HibachiStationEditor *self);
void            hibachi_station_editor_set_radii            (HibachiStationEditor *self,
                                                             double                service_miles,
                                                             double                escalation_miles);
/* What went wrong with the last save, shown in the form (NULL clears). */
void            hibachi_station_editor_set_error            (HibachiStationEditor *self,
                                                             const char           *message);
const char     *hibachi_station_editor_get_error            (HibachiStationEditor *self);
/* The entry row of a text member ("name", "phone"…), for tests. */
GtkEditable    *hibachi_station_editor_get_entry            (HibachiStationEditor *self,
                                                             const char           *member);
void            hibachi_station_editor_set_timezone         (HibachiStationEditor *self,
                                                             const char           *timezone);

G_END_DECLS
