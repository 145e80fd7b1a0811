/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's calls for chefs, stations, pricing and reviews. */
#define G_LOG_DOMAIN "hibachi-store"

#include "config.h"

#include "hibachi-store-private.h"

#define CHEFS_PATH "/api/v1/chefs?limit=500"
#define STATIONS_PATH "/api/v1/stations?limit=500"

void
hibachi_store_list_chefs_async (HibachiStore        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  hibachi_store_get_objects (self, CHEFS_PATH, HIBACHI_TYPE_CHEF, "data", hibachi_store_list_chefs_async,
                             cancellable, callback, user_data);
}

void
hibachi_store_list_stations_async (HibachiStore        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  hibachi_store_get_objects (self, STATIONS_PATH, HIBACHI_TYPE_STATION, "data",
                             hibachi_store_list_stations_async, cancellable, callback, user_data);
}

void
hibachi_store_prefetch_chefs_and_stations (HibachiStore *self)
{
  g_return_if_fail (HIBACHI_IS_STORE (self));

  hibachi_client_prefetch (hibachi_store_get_client (self), STATIONS_PATH);
  hibachi_client_prefetch (hibachi_store_get_client (self), CHEFS_PATH);
}

void
hibachi_store_price_sheet_async (HibachiStore        *self,
                                 const char          *station_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *station = station_id ? g_uri_escape_string (station_id, NULL, FALSE) : NULL;
  g_autofree char *path = g_strconcat ("/api/v1/pricing", station ? "?station_id=" : "", station, NULL);

  hibachi_store_get_objects (self, path, HIBACHI_TYPE_PRICE_ENTRY, "items", hibachi_store_price_sheet_async, cancellable,
                             callback, user_data);
}

static char *
resource_path (const char      *collection,
               HibachiResource *resource,
               const char      *action)
{
  g_autofree char *escaped = g_uri_escape_string (hibachi_resource_get_id (resource), NULL, FALSE);

  return g_strconcat (collection, "/", escaped, action ? "/" : "", action ? action : "", NULL);
}

void
hibachi_store_update_station_async (HibachiStore        *self,
                                    HibachiStation      *station,
                                    JsonObject          *changes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  HibachiResource *resource = HIBACHI_RESOURCE (station);
  g_autofree char *path = resource_path ("/api/v1/stations", resource, NULL);

  hibachi_store_send (self, "PATCH", path, changes, hibachi_resource_get_version (resource), HIBACHI_TYPE_STATION, NULL,
                      HIBACHI_RESOURCE_STATION, hibachi_resource_get_id (resource), hibachi_store_update_station_async,
                      cancellable, callback, user_data);
}

void
hibachi_store_update_chef_async (HibachiStore        *self,
                                 HibachiChef         *chef,
                                 JsonObject          *changes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  HibachiResource *resource = HIBACHI_RESOURCE (chef);
  g_autofree char *path = resource_path ("/api/v1/chefs", resource, NULL);

  hibachi_store_send (self, "PATCH", path, changes, hibachi_resource_get_version (resource), HIBACHI_TYPE_CHEF, NULL,
                      HIBACHI_RESOURCE_CHEF, hibachi_resource_get_id (resource), hibachi_store_update_chef_async,
                      cancellable, callback, user_data);
}

gpointer
hibachi_store_resource_finish (HibachiStore     *self,
                               GAsyncResult     *result,
                               HibachiResource **out_current,
                               GError          **error)
{
  return hibachi_store_propagate_one (self, result, out_current, error);
}

void
hibachi_store_update_prices_async (HibachiStore        *self,
                                   const char          *station_id,
                                   GPtrArray           *entries,
                                   const gint64        *values,
                                   const char          *reason,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonObject) body = hibachi_store_reason_body ("reason", reason);
  JsonArray *changes = json_array_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *change = json_object_new ();

      json_object_set_string_member (change, "key", hibachi_price_entry_get_key (entries->pdata[i]));
      json_object_set_int_member (change, "value", values[i]);
      json_object_set_int_member (change, "version", hibachi_resource_get_version (entries->pdata[i]));
      json_array_add_object_element (changes, change);
    }
  if (station_id != NULL)
    json_object_set_string_member (body, "station_id", station_id);
  else
    json_object_set_null_member (body, "station_id");
  json_object_set_array_member (body, "changes", changes);

  /* The versions are per item, in the body. */
  hibachi_store_send (self, "PATCH", "/api/v1/pricing", body, -1, HIBACHI_TYPE_PRICE_ENTRY, "items",
                      HIBACHI_RESOURCE_PRICING, station_id ? station_id : "global", hibachi_store_update_prices_async,
                      cancellable, callback, user_data);
}

/* Reviews */

void
hibachi_store_update_review_async (HibachiStore        *self,
                                   HibachiReview       *review,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  HibachiResource *resource = HIBACHI_RESOURCE (review);
  g_autofree char *path = resource_path ("/api/v1/reviews", resource, NULL);

  hibachi_store_send (self, "PATCH", path, changes, hibachi_resource_get_version (resource), HIBACHI_TYPE_REVIEW, NULL,
                      HIBACHI_RESOURCE_REVIEW, hibachi_resource_get_id (resource), hibachi_store_update_review_async,
                      cancellable, callback, user_data);
}

void
hibachi_store_respond_to_review_async (HibachiStore        *self,
                                       HibachiReview       *review,
                                       const char          *text,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  HibachiResource *resource = HIBACHI_RESOURCE (review);
  g_autofree char *path = resource_path ("/api/v1/reviews", resource, "response");
  g_autoptr(JsonObject) body = hibachi_store_reason_body ("text", text);

  hibachi_store_send (self, "PUT", path, body, hibachi_resource_get_version (resource), HIBACHI_TYPE_REVIEW, NULL,
                      HIBACHI_RESOURCE_REVIEW, hibachi_resource_get_id (resource), hibachi_store_respond_to_review_async,
                      cancellable, callback, user_data);
}

void
hibachi_store_moderate_review_async (HibachiStore        *self,
                                     HibachiReview       *review,
                                     const char          *action,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (review));
  g_autofree char *path = resource_path ("/api/v1/reviews", HIBACHI_RESOURCE (review), action);
  g_autoptr(JsonObject) body = hibachi_store_reason_body ("reason", reason);

  g_return_if_fail (g_strv_contains ((const char * const[]) { "approve", "reject", "flag", NULL }, action));

  hibachi_store_send (self, "POST", path, body, hibachi_resource_get_version (HIBACHI_RESOURCE (review)),
                      HIBACHI_TYPE_REVIEW, NULL, HIBACHI_RESOURCE_REVIEW, id, hibachi_store_moderate_review_async,
                      cancellable, callback, user_data);
}

HibachiReview *
hibachi_store_review_finish (HibachiStore   *self,
                             GAsyncResult   *result,
                             HibachiReview **out_current,
                             GError        **error)
{
  return hibachi_store_propagate_one (self, result, (HibachiResource **) out_current, error);
}
