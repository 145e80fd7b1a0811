/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's dispatch-board calls beyond the snapshot: several
 * assignments at once (POST /api/v1/dispatch/assignments). */
#define G_LOG_DOMAIN "hibachi-store"

#include "config.h"

#include "hibachi-store-private.h"

void
hibachi_store_assign_chefs_async (HibachiStore        *self,
                                  GPtrArray           *bookings,
                                  const char * const  *chef_ids,
                                  const char          *reason,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "booking_id", hibachi_booking_get_id (booking));
      json_object_set_string_member (item, "chef_id", chef_ids[i]);
      json_object_set_int_member (item, "version", hibachi_booking_get_version (booking));
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (body, "assignments", items);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);
  hibachi_store_send_objects (self, "POST", "/api/v1/dispatch/assignments", body, HIBACHI_TYPE_BOOKING, "data",
                              hibachi_store_assign_chefs_async, cancellable, callback, user_data);
}
