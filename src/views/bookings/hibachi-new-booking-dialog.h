/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-new-booking-dialog.h: a new booking with a live quote computed by
 * src/core from the station's prices, created with an Idempotency-Key so a
 * retried request never makes two bookings. */
#pragma once

#include <adwaita.h>

#include "hibachi-directory.h"
#include "hibachi-session.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_NEW_BOOKING_DIALOG (hibachi_new_booking_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HibachiNewBookingDialog, hibachi_new_booking_dialog, HIBACHI, NEW_BOOKING_DIALOG, AdwWindow)

HibachiNewBookingDialog *hibachi_new_booking_dialog_new        (GtkWindow        *parent,
                                                                HibachiSession   *session,
                                                                HibachiDirectory *directory,
                                                                const char       *station_id);
/* The quote as shown, e.g. for tests: the total in cents, or -1 without one. */
gint64                   hibachi_new_booking_dialog_get_total  (HibachiNewBookingDialog *self);
void                     hibachi_new_booking_dialog_create     (HibachiNewBookingDialog *self);

G_END_DECLS
