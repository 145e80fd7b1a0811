/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-csv.h: bookings as CSV (RFC 4180), with station and chef
 * names from the directory. */
#pragma once

#include "hibachi-booking.h"
#include "hibachi-directory.h"

G_BEGIN_DECLS

void hibachi_booking_csv_append_header (GString          *out);
void hibachi_booking_csv_append        (GString          *out,
                                        HibachiBooking   *booking,
                                        HibachiDirectory *directory);

G_END_DECLS
