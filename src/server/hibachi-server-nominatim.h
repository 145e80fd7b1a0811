/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-nominatim.h: a geocoder that asks a Nominatim-compatible
 * HTTP service (GET {base}/search?q=…&format=jsonv2, {base}/reverse?…),
 * used when the server is started with --geocoder-url. */
#pragma once

#include "hibachi-server-geocoder.h"

G_BEGIN_DECLS

#define HIBACHI_NOMINATIM_SOURCE "nominatim"
#define HIBACHI_NOMINATIM_DEFAULT_TIMEOUT_SECONDS 5

#define HIBACHI_TYPE_SERVER_NOMINATIM (hibachi_server_nominatim_get_type ())
G_DECLARE_FINAL_TYPE (HibachiServerNominatim, hibachi_server_nominatim, HIBACHI, SERVER_NOMINATIM, GObject)

/* @base_url: http or https, e.g. "https://nominatim.example.org"; NULL with
 * G_IO_ERROR_INVALID_ARGUMENT otherwise. A request that gets no whole
 * answer within @timeout_seconds fails with UNAVAILABLE. */
HibachiServerNominatim *hibachi_server_nominatim_new (const char  *base_url,
                                                      guint        timeout_seconds,
                                                      GError     **error);

G_END_DECLS
