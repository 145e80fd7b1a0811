/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-detail.h: one booking beside the list: every field, an
 * editable form validated by src/core and by the server, and the actions
 * confirm, cancel, assign chef, delete and history. */
#pragma once

#include <adwaita.h>

#include "hibachi-booking.h"
#include "hibachi-context.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_BOOKING_DETAIL (hibachi_booking_detail_get_type ())
G_DECLARE_FINAL_TYPE (HibachiBookingDetail, hibachi_booking_detail, HIBACHI, BOOKING_DETAIL, GtkWidget)

void                  hibachi_booking_detail_set_context   (HibachiBookingDetail *self,
                                                            HibachiContext       *context);
void                  hibachi_booking_detail_set_booking   (HibachiBookingDetail *self,
                                                            HibachiBooking       *booking);
HibachiBooking       *hibachi_booking_detail_get_booking   (HibachiBookingDetail *self);
/* The members the form would change, as a PATCH body (new object). */
JsonObject           *hibachi_booking_detail_get_changes   (HibachiBookingDetail *self);
/* The first validation message of the form, or NULL when it is valid. */
const char           *hibachi_booking_detail_get_problem   (HibachiBookingDetail *self);
/* Saves the form's changes; fails with the reason (invalid, changed
 * meanwhile: the 412 dialog is shown, offline…) and keeps them. */
void                  hibachi_booking_detail_save_async    (HibachiBookingDetail *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              hibachi_booking_detail_save_finish   (HibachiBookingDetail *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                  hibachi_booking_detail_save          (HibachiBookingDetail *self);
/* TRUE when the form holds changes the user may save. */
gboolean              hibachi_booking_detail_has_changes   (HibachiBookingDetail *self);
/* Puts the booking's saved values back in the form. */
void                  hibachi_booking_detail_discard       (HibachiBookingDetail *self);

G_END_DECLS
