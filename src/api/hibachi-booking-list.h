/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-list.h: the bookings of a query as a GListModel that pages
 * from the server while the view scrolls. It knows the total at once, asks
 * for the page of any row the view wants, hands out unloaded rows meanwhile
 * and keeps what it loaded — so 100,000 bookings cost only what is seen. */
#pragma once

#include <gio/gio.h>

#include "hibachi-booking.h"
#include "hibachi-client.h"

G_BEGIN_DECLS

#define HIBACHI_BOOKING_LIST_PAGE_SIZE 100
/* Pages kept in memory; the least recently used beyond it are dropped. */
#define HIBACHI_BOOKING_LIST_MAX_PAGES 20

#define HIBACHI_TYPE_BOOKING_LIST (hibachi_booking_list_get_type ())
G_DECLARE_FINAL_TYPE (HibachiBookingList, hibachi_booking_list, HIBACHI, BOOKING_LIST, GObject)

HibachiBookingList *hibachi_booking_list_new          (HibachiClient      *client);
/* The query string of GET /api/v1/bookings without page and limit, e.g.
 * "status=pending&sort=-event_date"; a new one reloads from the first page. */
void                hibachi_booking_list_set_query    (HibachiBookingList *self,
                                                       const char         *query);
const char         *hibachi_booking_list_get_query    (HibachiBookingList *self);
void                hibachi_booking_list_reload       (HibachiBookingList *self);
gboolean            hibachi_booking_list_get_loading  (HibachiBookingList *self);
/* The last failure to load, or NULL. */
const GError       *hibachi_booking_list_get_error    (HibachiBookingList *self);
/* Asks for the page of @position unless it is loaded or on its way. Views
 * call it when they show a row: GTK asks for items it never shows, and those
 * must not cost a request. */
void                hibachi_booking_list_ensure       (HibachiBookingList *self,
                                                       guint               position);
/* Puts an updated booking in place of the loaded one with the same id. */
void                hibachi_booking_list_replace      (HibachiBookingList *self,
                                                       HibachiBooking     *booking);
guint               hibachi_booking_list_get_n_loaded (HibachiBookingList *self);

G_END_DECLS
