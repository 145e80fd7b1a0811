/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: what Hibachi Admin makes of a server's reply body. The
 * first byte of an input picks the decoder, the second an HTTP status for
 * error replies, the rest is the body as the server would send it:
 *
 *   0  a booking (GET /api/v1/bookings/{id}): the client's JSON parse, then
 *      hibachi_booking_new_from_json, its getters and its CSV row
 *   1  a page of bookings (GET /api/v1/bookings): hibachi_resource_parse_page
 *   2  an error reply (4xx/5xx): the message and details the client shows
 *
 * Found: a crash or sanitizer report, or a critical.
 */
#include "config.h"

#include "hibachi-fuzz.h"
#include "hibachi-booking.h"
#include "hibachi-booking-csv.h"
#include "hibachi-client-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hibachi_fuzz_log_setup ();

  return 0;
}

static void
use_booking (HibachiBooking *booking,
             GString        *csv)
{
  /* What the list, the detail pane and exports read. */
  g_string_append (csv, hibachi_booking_get_id (booking));
  g_string_append (csv, hibachi_booking_get_reference (booking));
  g_string_append (csv, hibachi_booking_status_label (hibachi_booking_get_status (booking)));
  g_string_append (csv, hibachi_booking_get_customer_name (booking));
  g_string_append (csv, hibachi_booking_get_event_date (booking));
  g_string_append (csv, hibachi_booking_get_slot (booking));
  g_string_append (csv, hibachi_booking_get_station_id (booking));
  g_string_append (csv, hibachi_booking_get_created_at (booking));
  g_string_append_printf (csv, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "%s",
                          hibachi_booking_get_guests (booking), hibachi_booking_get_total_cents (booking),
                          hibachi_booking_get_version (booking), hibachi_booking_get_chef_id (booking) ? "" : "-");
  hibachi_booking_csv_append (csv, booking, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (size < 2)
    return 0;
  body = g_bytes_new (data + 2, size - 2);

  switch (data[0] % 3)
    {
    case 0:
      {
        g_autoptr(HibachiBooking) booking = NULL;

        node = hibachi_client_parse_json (body, &error);
        if (node != NULL && (booking = hibachi_booking_new_from_json (node, &error)) != NULL)
          use_booking (booking, csv);
      }
      break;

    case 1:
      {
        g_autoptr(GPtrArray) page = NULL;
        gint64 total = 0;
        gboolean has_next = FALSE;

        node = hibachi_client_parse_json (body, &error);
        if (node != NULL &&
            (page = hibachi_resource_parse_page (HIBACHI_TYPE_BOOKING, node, &total, &has_next, &error)) != NULL)
          for (guint i = 0; i < page->len; i++)
            use_booking (g_ptr_array_index (page, i), csv);
      }
      break;

    default:
      {
        g_autoptr(JsonObject) details = NULL;
        g_autoptr(GError) reply_error = hibachi_client_error_from_reply (400 + data[1] % 200, body, &details);

        g_assert_nonnull (reply_error);
        g_string_append (csv, reply_error->message);
      }
      break;
    }

  return 0;
}
