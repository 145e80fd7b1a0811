/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-geocoder.h: what GET /api/v1/geocode asks of a geocoder —
 * places for a text, and the place nearest a point. Two implementations:
 * the offline gazetteer of California (hibachi-server-gazetteer.h, the
 * default) and a Nominatim-compatible HTTP service
 * (hibachi-server-nominatim.h, with --geocoder-url). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HIBACHI_GEOCODE_QUERY_MAX_CHARS 200
#define HIBACHI_GEOCODE_LIMIT_MAX 10
#define HIBACHI_GEOCODE_LIMIT_DEFAULT 5

typedef enum
{
  HIBACHI_GEOCODE_CITY,
  HIBACHI_GEOCODE_ZIP,
  HIBACHI_GEOCODE_STREET,
} HibachiGeocodeKind;

/* One place found: what the API sends as a candidate. */
typedef struct
{
  char               *label;
  double              lat;
  double              lng;
  HibachiGeocodeKind  kind;
  const char         *source;   /* static: "gazetteer", "nominatim" */
} HibachiServerPlace;

HibachiServerPlace *hibachi_server_place_new  (const char         *label,
                                                         double              lat,
                                                         double              lng,
                                                         HibachiGeocodeKind  kind,
                                                         const char         *source);
void                     hibachi_server_place_free (HibachiServerPlace *candidate);
const char              *hibachi_geocode_kind_to_string (HibachiGeocodeKind kind);

#define HIBACHI_SERVER_GEOCODER_ERROR (hibachi_server_geocoder_error_quark ())
GQuark hibachi_server_geocoder_error_quark (void);

typedef enum
{
  HIBACHI_SERVER_GEOCODER_ERROR_UNAVAILABLE,   /* unreachable, timed out, or an error status */
  HIBACHI_SERVER_GEOCODER_ERROR_BAD_REPLY,     /* answered, but not as a geocoder does */
} HibachiServerGeocoderError;

#define HIBACHI_TYPE_SERVER_GEOCODER (hibachi_server_geocoder_get_type ())
G_DECLARE_INTERFACE (HibachiServerGeocoder, hibachi_server_geocoder, HIBACHI, SERVER_GEOCODER, GObject)

struct _HibachiServerGeocoderInterface
{
  GTypeInterface parent_iface;

  void       (*search_async)   (HibachiServerGeocoder *self,
                                const char            *query,
                                guint                  limit,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data);
  void       (*reverse_async)  (HibachiServerGeocoder *self,
                                double                 lat,
                                double                 lng,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data);
};

/* @query: valid UTF-8, 1–HIBACHI_GEOCODE_QUERY_MAX_CHARS characters. Call
 * from the thread whose main context runs the server. */
void       hibachi_server_geocoder_search_async  (HibachiServerGeocoder *self,
                                                  const char            *query,
                                                  guint                  limit,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
/* At most one candidate: the nearest known place, if any is near. */
void       hibachi_server_geocoder_reverse_async (HibachiServerGeocoder *self,
                                                  double                 lat,
                                                  double                 lng,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
/* Finishes either call: (element-type HibachiServerPlace), best first;
 * empty when nothing matched. Implementations return the array through a
 * GTask with hibachi_server_geocoder_return(). */
GPtrArray *hibachi_server_geocoder_finish        (HibachiServerGeocoder *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);
void       hibachi_server_geocoder_return        (GTask                 *task,
                                                  GPtrArray             *candidates);

G_END_DECLS
