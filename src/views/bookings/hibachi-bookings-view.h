/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hibachi-paged-list.h"
#include "hibachi-page.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_BOOKINGS_VIEW (hibachi_bookings_view_get_type ())
G_DECLARE_FINAL_TYPE (HibachiBookingsView, hibachi_bookings_view, HIBACHI, BOOKINGS_VIEW, HibachiPage)

HibachiPagedList *hibachi_bookings_view_get_list     (HibachiBookingsView *self);
/* The query the filters make, as sent to the server. */
char               *hibachi_bookings_view_build_query  (HibachiBookingsView *self);
void                hibachi_bookings_view_export_csv   (HibachiBookingsView *self,
                                                        GFile               *file);
char               *hibachi_bookings_view_dup_run_sheet_stations (HibachiBookingsView *self);
void                hibachi_bookings_view_print_run_sheet (HibachiBookingsView *self,
                                                           const char          *date,
                                                           const char          *pdf_path);
/* Shows the booking of @reference (another page's "Open in Bookings"):
 * the filters cleared, any date, searched by its reference. */
void                hibachi_bookings_view_show_reference (HibachiBookingsView *self,
                                                          const char          *reference);
/* "online", "offline" or "syncing" */
const char         *hibachi_bookings_view_get_connection (HibachiBookingsView *self);

G_END_DECLS
