/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-api-error.h"
#include "hibachi-booking.h"
#include "hibachi-core.h"

struct _HibachiBooking
{
  GObject     parent_instance;
  JsonObject *json;       /* NULL while unloaded */
};

G_DEFINE_FINAL_TYPE (HibachiBooking, hibachi_booking, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const hibachi_booking_editable_fields[] = {
  "customer_name", "customer_email", "customer_phone", "event_date", "slot", "adults", "children", "toddlers",
  "venue_address", "venue_lat", "venue_lng", "requested_chef_id", "special_requests", "allergens",
  "internal_notes", "deposit_paid", NULL
};

static void
hibachi_booking_finalize (GObject *object)
{
  HibachiBooking *self = HIBACHI_BOOKING (object);

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (hibachi_booking_parent_class)->finalize (object);
}

static void
hibachi_booking_class_init (HibachiBookingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hibachi_booking_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hibachi_booking_init (HibachiBooking *self)
{
}

static gboolean
has_type (JsonObject *object,
          const char *member,
          GType       type,
          gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    return nullable;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (type == G_TYPE_DOUBLE)
    return json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64;

  return json_node_get_value_type (node) == type;
}

HibachiBooking *
hibachi_booking_new_from_json (JsonNode  *node,
                               GError   **error)
{
  static const struct { const char *member; GType type; gboolean nullable; } fields[] = {
    { "id", G_TYPE_STRING, FALSE }, { "reference", G_TYPE_STRING, FALSE }, { "status", G_TYPE_STRING, FALSE },
    { "customer_name", G_TYPE_STRING, FALSE }, { "customer_email", G_TYPE_STRING, FALSE },
    { "customer_phone", G_TYPE_STRING, FALSE }, { "event_date", G_TYPE_STRING, FALSE }, { "slot", G_TYPE_STRING, FALSE },
    { "adults", G_TYPE_INT64, FALSE }, { "children", G_TYPE_INT64, FALSE }, { "toddlers", G_TYPE_INT64, FALSE },
    { "venue_address", G_TYPE_STRING, FALSE }, { "venue_lat", G_TYPE_DOUBLE, FALSE }, { "venue_lng", G_TYPE_DOUBLE, FALSE },
    { "station_id", G_TYPE_STRING, FALSE }, { "chef_id", G_TYPE_STRING, TRUE }, { "requested_chef_id", G_TYPE_STRING, TRUE },
    { "total_cents", G_TYPE_INT64, FALSE }, { "deposit_cents", G_TYPE_INT64, FALSE }, { "deposit_paid", G_TYPE_BOOLEAN, FALSE },
    { "created_at", G_TYPE_STRING, FALSE }, { "version", G_TYPE_INT64, FALSE },
  };
  JsonObject *object;
  HibachiBooking *self;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, _("A booking from the server is not an object."));
      return NULL;
    }

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (!has_type (object, fields[i].member, fields[i].type, fields[i].nullable))
        {
          g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                       _("A booking from the server has no valid “%s”."), fields[i].member);
          return NULL;
        }
    }
  if (!hibachi_validate_date (json_object_get_string_member (object, "event_date"), NULL, NULL))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, _("A booking from the server has no valid date."));
      return NULL;
    }

  self = g_object_new (HIBACHI_TYPE_BOOKING, NULL);
  self->json = json_object_ref (object);

  return self;
}

GPtrArray *
hibachi_booking_parse_page (JsonNode  *reply,
                            gint64    *out_total,
                            gboolean  *out_has_next,
                            GError   **error)
{
  JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  JsonNode *data = root ? json_object_get_member (root, "data") : NULL;
  g_autoptr(GPtrArray) page = NULL;

  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data) || !json_object_has_member (root, "total_count"))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                   _("The server sent a list of bookings in an unknown shape."));
      return NULL;
    }

  page = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (data)); i++)
    {
      HibachiBooking *booking = hibachi_booking_new_from_json (json_array_get_element (json_node_get_array (data), i), error);

      if (booking == NULL)
        return NULL;
      g_ptr_array_add (page, booking);
    }

  if (out_total != NULL)
    *out_total = MAX (json_object_get_int_member (root, "total_count"), 0);
  if (out_has_next != NULL)
    *out_has_next = json_object_get_boolean_member_with_default (root, "has_next", FALSE);

  return g_steal_pointer (&page);
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

  if (self->json != NULL)
    copy->json = json_object_ref (self->json);

  return copy;
}

void
hibachi_booking_set_json (HibachiBooking *self,
                          JsonObject     *json)
{
  if (self->json == json)
    return;

  g_clear_pointer (&self->json, json_object_unref);
  if (json != NULL)
    self->json = json_object_ref (json);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
hibachi_booking_is_loaded (HibachiBooking *self)
{
  return self->json != NULL;
}

JsonObject *
hibachi_booking_get_json (HibachiBooking *self)
{
  return self->json;
}

const char *
hibachi_booking_get_string (HibachiBooking *self,
                            const char     *member)
{
  JsonNode *node;

  if (self->json == NULL)
    return NULL;

  node = json_object_get_member (self->json, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
hibachi_booking_get_int (HibachiBooking *self,
                         const char     *member)
{
  JsonNode *node;

  if (self->json == NULL)
    return 0;

  node = json_object_get_member (self->json, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return json_node_get_int (node);
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
