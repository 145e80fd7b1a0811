/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-station-undo.h: an undoable edit of a station: the members it
 * changed with their values from before, sent back against the version the
 * edit made (someone else's change meanwhile: 412, nothing overwritten). */
#pragma once

#include <json-glib/json-glib.h>

#include "hibachi-station.h"
#include "hibachi-store.h"
#include "hibachi-undo-command.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_STATION_UNDO (hibachi_station_undo_get_type ())
G_DECLARE_FINAL_TYPE (HibachiStationUndo, hibachi_station_undo, HIBACHI, STATION_UNDO, HibachiUndoCommand)

/* @changed: the station as the edit left it; @original: the values before. */
HibachiStationUndo *hibachi_station_undo_new        (HibachiStore       *store,
                                                     HibachiStation     *changed,
                                                     JsonObject         *original);
/* The station as the undo left it, once undone. */
HibachiStation     *hibachi_station_undo_get_result (HibachiStationUndo *self);

G_END_DECLS
