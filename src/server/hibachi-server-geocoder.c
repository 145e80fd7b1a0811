/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-geocoder"

#include "config.h"

#include "hibachi-server-geocoder.h"

G_DEFINE_QUARK (hibachi-server-geocoder-error-quark, hibachi_server_geocoder_error)
G_DEFINE_INTERFACE (HibachiServerGeocoder, hibachi_server_geocoder, G_TYPE_OBJECT)

static void
hibachi_server_geocoder_default_init (HibachiServerGeocoderInterface *iface)
{
}

HibachiServerPlace *
hibachi_server_place_new (const char         *label,
                               double              lat,
                               double              lng,
                               HibachiGeocodeKind  kind,
                               const char         *source)
{
  HibachiServerPlace *candidate = g_new0 (HibachiServerPlace, 1);

  candidate->label = g_strdup (label);
  candidate->lat = lat;
  candidate->lng = lng;
  candidate->kind = kind;
  candidate->source = source;

  return candidate;
}

void
hibachi_server_place_free (HibachiServerPlace *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->label);
  g_free (candidate);
}

const char *
hibachi_geocode_kind_to_string (HibachiGeocodeKind kind)
{
  switch (kind)
    {
    case HIBACHI_GEOCODE_CITY:
      return "city";
    case HIBACHI_GEOCODE_ZIP:
      return "zip";
    case HIBACHI_GEOCODE_STREET:
      return "street";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
hibachi_server_geocoder_search_async (HibachiServerGeocoder *self,
                                      const char            *query,
                                      guint                  limit,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_return_if_fail (HIBACHI_IS_SERVER_GEOCODER (self));
  g_return_if_fail (query != NULL && g_utf8_validate (query, -1, NULL));

  HIBACHI_SERVER_GEOCODER_GET_IFACE (self)->search_async (self, query, CLAMP (limit, 1, HIBACHI_GEOCODE_LIMIT_MAX),
                                                          cancellable, callback, user_data);
}

void
hibachi_server_geocoder_reverse_async (HibachiServerGeocoder *self,
                                       double                 lat,
                                       double                 lng,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_return_if_fail (HIBACHI_IS_SERVER_GEOCODER (self));
  g_return_if_fail (lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180);

  HIBACHI_SERVER_GEOCODER_GET_IFACE (self)->reverse_async (self, lat, lng, cancellable, callback, user_data);
}

GPtrArray *
hibachi_server_geocoder_finish (HibachiServerGeocoder  *self,
                                GAsyncResult           *result,
                                GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hibachi_server_geocoder_return (GTask     *task,
                                GPtrArray *candidates)
{
  g_task_return_pointer (task, candidates, (GDestroyNotify) g_ptr_array_unref);
}
