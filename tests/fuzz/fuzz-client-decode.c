/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: what Hibachi Admin makes of a server's reply body. The
 * first byte of an input picks what the body is, the second an entity type
 * (or an HTTP status for error replies); the rest is the body as a server
 * would send it:
 *
 *   0  one entity (GET /api/v1/bookings/{id}…): the client's JSON parse, then
 *      hibachi_resource_new_from_json and every property of the object
 *   1  a page of a list ({"data":[…],"total_count":…}): hibachi_resource_parse_page
 *   2  an error reply (4xx/5xx): the message and details the client shows
 *   3  a JSON array of entities: hibachi_resource_parse_array
 *
 * Entity types, by the second byte: booking, chef, station, review, price
 * entry, audit entry, change, chef suggestion. Bookings also go through the
 * getters the list and the CSV export use.
 *
 * Found: a crash or sanitizer report, or a critical. HIBACHI_FUZZ_VERBOSE=1
 * prints whether each body decoded.
 */
#include "config.h"

#include "hibachi-fuzz.h"
#include "hibachi-audit-entry.h"
#include "hibachi-booking.h"
#include "hibachi-booking-csv.h"
#include "hibachi-change.h"
#include "hibachi-chef.h"
#include "hibachi-chef-suggestion.h"
#include "hibachi-client-private.h"
#include "hibachi-price-entry.h"
#include "hibachi-review.h"
#include "hibachi-station.h"

static GType types[8];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hibachi_fuzz_log_setup ();

  types[0] = HIBACHI_TYPE_BOOKING;
  types[1] = HIBACHI_TYPE_CHEF;
  types[2] = HIBACHI_TYPE_STATION;
  types[3] = HIBACHI_TYPE_REVIEW;
  types[4] = HIBACHI_TYPE_PRICE_ENTRY;
  types[5] = HIBACHI_TYPE_AUDIT_ENTRY;
  types[6] = HIBACHI_TYPE_CHANGE;
  types[7] = HIBACHI_TYPE_CHEF_SUGGESTION;

  return 0;
}

/* Reads what views bind to: every property, and for bookings the getters
 * of the list and a CSV row. */
static void
use_object (GObject *object,
            GString *sink)
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      text = g_strdup_value_contents (&value);
      g_string_append (sink, text);
    }

  if (HIBACHI_IS_BOOKING (object))
    {
      HibachiBooking *booking = HIBACHI_BOOKING (object);

      g_string_append_printf (sink, "%s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              hibachi_booking_status_label (hibachi_booking_get_status (booking)),
                              hibachi_booking_get_chef_id (booking) ? "" : "-",
                              hibachi_booking_get_guests (booking), hibachi_booking_get_total_cents (booking));
      hibachi_booking_csv_append (sink, booking, NULL);
    }
}

static void
use_objects (GPtrArray *objects,
             GString   *sink)
{
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    use_object (g_ptr_array_index (objects, i), sink);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GString) sink = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GType type;

  if (size < 2)
    return 0;
  body = g_bytes_new (data + 2, size - 2);
  type = types[data[1] % G_N_ELEMENTS (types)];

  if (data[0] % 4 == 2)
    {
      g_autoptr(JsonObject) details = NULL;
      g_autoptr(GError) reply_error = hibachi_client_error_from_reply (400 + data[1] % 200, body, &details);

      g_assert_nonnull (reply_error);
      g_string_append (sink, reply_error->message);
      return 0;
    }

  node = hibachi_client_parse_json (body, &error);
  if (node == NULL)
    return 0;

  switch (data[0] % 4)
    {
    case 0:
      {
        g_autoptr(GObject) object = hibachi_resource_new_from_json (type, node, &error);

        if (object != NULL)
          use_object (object, sink);
      }
      break;

    case 1:
      {
        g_autoptr(GPtrArray) page = NULL;
        gint64 total = 0;
        gboolean has_next = FALSE;

        page = hibachi_resource_parse_page (type, node, &total, &has_next, &error);
        use_objects (page, sink);
      }
      break;

    default:
      {
        g_autoptr(GPtrArray) array = hibachi_resource_parse_array (type, node, &error);

        use_objects (array, sink);
      }
      break;
    }

  if (g_getenv ("HIBACHI_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s: %s\n", g_type_name (type), error ? error->message : "decoded");

  return 0;
}
