/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hibachi-booking.h"
#include "hibachi-client.h"

G_BEGIN_DECLS

/* Every booking of a list query (the filters of GET /api/v1/bookings,
 * without page and limit), fetched page by page: for exports and run
 * sheets, where a partial answer would mislead. A malformed row fails the
 * whole fetch with HIBACHI_API_ERROR_PARSE. */
void       hibachi_booking_fetch_all_async  (HibachiClient        *client,
                                             const char           *query,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* (transfer full) (element-type HibachiBooking) */
GPtrArray *hibachi_booking_fetch_all_finish (HibachiClient        *client,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
