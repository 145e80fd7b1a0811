/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking.h: a booking as the server sends it (the JSON shape of the
 * booking entity lives here once), or unloaded (no data yet) while its page loads. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_BOOKING (hibachi_booking_get_type ())
G_DECLARE_FINAL_TYPE (HibachiBooking, hibachi_booking, HIBACHI, BOOKING, HibachiResource)

/* Editable on the server (PATCH /api/v1/bookings/{id}). */
extern const char * const hibachi_booking_editable_fields[];

HibachiBooking *hibachi_booking_new_from_json    (JsonNode        *node,
                                                  GError         **error);
HibachiBooking *hibachi_booking_new_unloaded     (void);
/* A new object with the same data: for holders that must not see the list
 * reuse a row's object for another booking. */
HibachiBooking *hibachi_booking_copy             (HibachiBooking  *self);
/* Puts other data in (NULL: not loaded), notifies the properties that
 * changed and emits "changed". Lists reuse a row's object so views update
 * the row without rebuilding it. */
void            hibachi_booking_set_json         (HibachiBooking  *self,
                                                  JsonObject      *json);
gboolean        hibachi_booking_is_loaded        (HibachiBooking  *self);
/* The server's object, for forms and diffs; do not modify. */
JsonObject     *hibachi_booking_get_json         (HibachiBooking  *self);

const char     *hibachi_booking_get_id           (HibachiBooking  *self);
const char     *hibachi_booking_get_reference    (HibachiBooking  *self);
const char     *hibachi_booking_get_status       (HibachiBooking  *self);
const char     *hibachi_booking_get_customer_name (HibachiBooking *self);
const char     *hibachi_booking_get_event_date   (HibachiBooking  *self);
const char     *hibachi_booking_get_slot         (HibachiBooking  *self);
gint64          hibachi_booking_get_guests       (HibachiBooking  *self);
const char     *hibachi_booking_get_station_id   (HibachiBooking  *self);
const char     *hibachi_booking_get_chef_id      (HibachiBooking  *self);
gint64          hibachi_booking_get_total_cents  (HibachiBooking  *self);
const char     *hibachi_booking_get_created_at   (HibachiBooking  *self);
gint64          hibachi_booking_get_version      (HibachiBooking  *self);
/* The allergens the customer listed, in order (NULL-terminated; an empty
 * list when none). */
char          **hibachi_booking_dup_allergens    (HibachiBooking  *self);
const char     *hibachi_booking_get_string       (HibachiBooking  *self,
                                                  const char      *member);
gint64          hibachi_booking_get_int          (HibachiBooking  *self,
                                                  const char      *member);
/* Translated status for display ("Pending"…). */
const char     *hibachi_booking_status_label     (const char      *status);

G_END_DECLS
