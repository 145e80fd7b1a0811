/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-booking.h"
#include "hibachi-core.h"

struct _HibachiBooking
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiBooking, hibachi_booking, HIBACHI_TYPE_RESOURCE)

/* The booking's JSON shape (data/openapi.json → Booking). */
static const HibachiField fields[] = {
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "reference", "reference", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "status", "status", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "customer_name", "customer-name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "customer_email", "customer-email", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "customer_phone", "customer-phone", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "event_date", "event-date", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "slot", "slot", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "adults", "adults", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "children", "children", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "toddlers", "toddlers", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "guests", "guests", HIBACHI_FIELD_INT, HIBACHI_FIELD_OPTIONAL },
  { "venue_address", "venue-address", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "venue_lat", "venue-lat", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "venue_lng", "venue-lng", HIBACHI_FIELD_DOUBLE, HIBACHI_FIELD_REQUIRED },
  { "station_id", "station-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "chef_id", "chef-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "requested_chef_id", "requested-chef-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "special_requests", "special-requests", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "allergens", "allergens", HIBACHI_FIELD_ARRAY, HIBACHI_FIELD_OPTIONAL },
  { "internal_notes", "internal-notes", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "total_cents", "total-cents", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "deposit_cents", "deposit-cents", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "deposit_paid", "deposit-paid", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "cancel_reason", "cancel-reason", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE | HIBACHI_FIELD_OPTIONAL },
  { "created_at", "created-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "updated_at", "updated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

const char * const hibachi_booking_editable_fields[] = {
  "customer_name", "customer_email", "customer_phone", "event_date", "slot", "adults", "children", "toddlers",
  "venue_address", "venue_lat", "venue_lng", "requested_chef_id", "special_requests", "allergens",
  "internal_notes", "deposit_paid", NULL
};

static const char *
hibachi_booking_check (JsonObject *json)
{
  static const char * const counts[] = { "adults", "children", "toddlers" };

  if (!hibachi_validate_date (json_object_get_string_member (json, "event_date"), NULL, NULL))
    return "event_date";

  /* Within what the server accepts, so sums such as the guest count hold. */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 count = json_object_get_int_member (json, counts[i]);

      if (count < 0 || count > HIBACHI_GUESTS_MAX)
        return counts[i];
    }

  return NULL;
}

static void
hibachi_booking_class_init (HibachiBookingClass *klass)
{
  HibachiResourceClass *resource_class = HIBACHI_RESOURCE_CLASS (klass);

  resource_class->check = hibachi_booking_check;
  hibachi_resource_class_set_fields (resource_class, fields, "id", N_("booking"));
}

static void
hibachi_booking_init (HibachiBooking *self)
{
}

HibachiBooking *
hibachi_booking_new_from_json (JsonNode  *node,
                               GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_BOOKING, node, error);
}

HibachiBooking *
hibachi_booking_new_unloaded (void)
{
  return g_object_new (HIBACHI_TYPE_BOOKING, NULL);
}

HibachiBooking *
hibachi_booking_copy (HibachiBooking *self)
{
  HibachiBooking *copy = hibachi_booking_new_unloaded ();

  hibachi_resource_set_from (HIBACHI_RESOURCE (copy), HIBACHI_RESOURCE (self));

  return copy;
}

void
hibachi_booking_set_json (HibachiBooking *self,
                          JsonObject     *json)
{
  hibachi_resource_set_json (HIBACHI_RESOURCE (self), json);
}

gboolean
hibachi_booking_is_loaded (HibachiBooking *self)
{
  return hibachi_resource_is_loaded (HIBACHI_RESOURCE (self));
}

JsonObject *
hibachi_booking_get_json (HibachiBooking *self)
{
  return hibachi_resource_get_json (HIBACHI_RESOURCE (self));
}

const char *
hibachi_booking_get_string (HibachiBooking *self,
                            const char     *member)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), member);
}

gint64
hibachi_booking_get_int (HibachiBooking *self,
                         const char     *member)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), member);
}

const char *hibachi_booking_get_id (HibachiBooking *self) { return hibachi_booking_get_string (self, "id"); }
const char *hibachi_booking_get_reference (HibachiBooking *self) { return hibachi_booking_get_string (self, "reference"); }
const char *hibachi_booking_get_status (HibachiBooking *self) { return hibachi_booking_get_string (self, "status"); }
const char *hibachi_booking_get_customer_name (HibachiBooking *self) { return hibachi_booking_get_string (self, "customer_name"); }
const char *hibachi_booking_get_event_date (HibachiBooking *self) { return hibachi_booking_get_string (self, "event_date"); }
const char *hibachi_booking_get_slot (HibachiBooking *self) { return hibachi_booking_get_string (self, "slot"); }
const char *hibachi_booking_get_station_id (HibachiBooking *self) { return hibachi_booking_get_string (self, "station_id"); }
const char *hibachi_booking_get_chef_id (HibachiBooking *self) { return hibachi_booking_get_string (self, "chef_id"); }
const char *hibachi_booking_get_created_at (HibachiBooking *self) { return hibachi_booking_get_string (self, "created_at"); }
gint64 hibachi_booking_get_total_cents (HibachiBooking *self) { return hibachi_booking_get_int (self, "total_cents"); }
gint64 hibachi_booking_get_version (HibachiBooking *self) { return hibachi_booking_get_int (self, "version"); }

gint64
hibachi_booking_get_guests (HibachiBooking *self)
{
  return hibachi_booking_get_int (self, "adults") + hibachi_booking_get_int (self, "children") +
         hibachi_booking_get_int (self, "toddlers");
}

char **
hibachi_booking_dup_allergens (HibachiBooking *self)
{
  JsonArray *array = hibachi_resource_get_array (HIBACHI_RESOURCE (self), "allergens");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }

  return g_strv_builder_end (builder);
}

const char *
hibachi_booking_status_label (const char *status)
{
  if (g_strcmp0 (status, "pending") == 0)
    return _("Pending");
  if (g_strcmp0 (status, "confirmed") == 0)
    return _("Confirmed");
  if (g_strcmp0 (status, "completed") == 0)
    return _("Completed");
  if (g_strcmp0 (status, "cancelled") == 0)
    return _("Cancelled");

  return status ? status : "";
}
