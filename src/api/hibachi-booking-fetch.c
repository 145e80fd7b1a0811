/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-fetch"

#include "config.h"

#include "hibachi-booking-fetch.h"

#define FETCH_PAGE_SIZE 500

typedef struct
{
  char      *query;
  guint      page;
  GPtrArray *bookings;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->query);
  g_ptr_array_unref (fetch->bookings);
  g_free (fetch);
}

static void fetch_next_page (GTask *task);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(GPtrArray) page = NULL;
  gboolean has_next = FALSE;

  if (error == NULL)
    page = hibachi_resource_parse_page (HIBACHI_TYPE_BOOKING, reply, NULL, &has_next, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_extend_and_steal (fetch->bookings, g_steal_pointer (&page));
  if (has_next)
    fetch_next_page (g_steal_pointer (&task));
  else
    g_task_return_pointer (task, g_ptr_array_ref (fetch->bookings), (GDestroyNotify) g_ptr_array_unref);
}

static void
fetch_next_page (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?page=%u&limit=%u%s%s", ++fetch->page, FETCH_PAGE_SIZE,
                                           *fetch->query ? "&" : "", fetch->query);

  hibachi_client_request_async (g_task_get_source_object (task), "GET", path, NULL, NULL,
                                g_task_get_cancellable (task), page_cb, task);
}

void
hibachi_booking_fetch_all_async (HibachiClient       *client,
                                 const char          *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);

  g_task_set_source_tag (task, hibachi_booking_fetch_all_async);
  fetch->query = g_strdup (query ? query : "");
  fetch->bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  fetch_next_page (task);
}

GPtrArray *
hibachi_booking_fetch_all_finish (HibachiClient  *client,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
