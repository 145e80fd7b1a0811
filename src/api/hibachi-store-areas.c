/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's calls for the Service Areas page: creating a station, and the
 * bookings of a date range for the map's pins (capped, with the total). */
#define G_LOG_DOMAIN "hibachi-store"

#include "config.h"

#include "hibachi-store-private.h"

void
hibachi_store_create_station_async (HibachiStore        *self,
                                    JsonObject          *fields,
                                    const char          *retry_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *key = retry_key ? g_strdup (retry_key) : g_uuid_string_random ();

  hibachi_store_create_object (self, "/api/v1/stations", fields, key, HIBACHI_TYPE_STATION, HIBACHI_RESOURCE_STATION,
                               hibachi_store_create_station_async, cancellable, callback, user_data);
}

/* The largest page the API serves (SPEC §9). */
#define ALL_BOOKINGS_PAGE 500

typedef struct
{
  char      *query;
  guint      max_rows;
  guint      page;
  gint64     total;
  GPtrArray *rows;
} AllBookings;

static void
all_bookings_free (AllBookings *all)
{
  g_free (all->query);
  g_ptr_array_unref (all->rows);
  g_free (all);
}

static void request_bookings_page (GTask *task);

static void
bookings_page_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AllBookings *all = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean has_next = FALSE;

  if (reply != NULL)
    rows = hibachi_resource_parse_page (HIBACHI_TYPE_BOOKING, reply, &all->total, &has_next, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < rows->len && all->rows->len < all->max_rows; i++)
    g_ptr_array_add (all->rows, g_object_ref (g_ptr_array_index (rows, i)));

  if (has_next && rows->len > 0 && all->rows->len < all->max_rows)
    {
      all->page++;
      request_bookings_page (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (all->rows), (GDestroyNotify) g_ptr_array_unref);
}

static void
request_bookings_page (GTask *task)
{
  HibachiStore *self = g_task_get_source_object (task);
  AllBookings *all = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?%s%spage=%u&limit=%u", all->query,
                                           *all->query ? "&" : "", all->page, ALL_BOOKINGS_PAGE);

  hibachi_client_request_async (hibachi_store_get_client (self), "GET", path, NULL, NULL, g_task_get_cancellable (task),
                                bookings_page_cb, task);
}

void
hibachi_store_list_all_bookings_async (HibachiStore        *self,
                                       const char          *query,
                                       guint                max_rows,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  AllBookings *all = g_new0 (AllBookings, 1);

  all->query = g_strdup (query ? query : "");
  all->max_rows = max_rows;
  all->page = 1;
  all->rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_source_tag (task, hibachi_store_list_all_bookings_async);
  g_task_set_task_data (task, all, (GDestroyNotify) all_bookings_free);
  request_bookings_page (task);
}

gint64
hibachi_store_bookings_total (HibachiStore *self,
                              GAsyncResult *result)
{
  AllBookings *all;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hibachi_store_list_all_bookings_async, 0);

  all = g_task_get_task_data (G_TASK (result));
  return all->total;
}
