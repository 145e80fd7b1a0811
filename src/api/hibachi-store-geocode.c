/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's geocoding calls (GET /api/v1/geocode). */
#define G_LOG_DOMAIN "hibachi-store"

#include "config.h"

#include "hibachi-store-private.h"

void
hibachi_store_geocode_async (HibachiStore        *self,
                             const char          *address,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *q = g_uri_escape_string (address, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/geocode?q=", q, NULL);

  hibachi_store_get_objects (self, path, HIBACHI_TYPE_GEOCODE_CANDIDATE, "candidates", hibachi_store_geocode_async,
                             cancellable, callback, user_data);
}

void
hibachi_store_reverse_geocode_async (HibachiStore        *self,
                                     double               lat,
                                     double               lng,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lng_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *path = g_strdup_printf ("/api/v1/geocode?lat=%s&lng=%s",
                                           g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat),
                                           g_ascii_formatd (lng_text, sizeof lng_text, "%.6f", lng));

  hibachi_store_get_objects (self, path, HIBACHI_TYPE_GEOCODE_CANDIDATE, "candidates",
                             hibachi_store_reverse_geocode_async, cancellable, callback, user_data);
}
