/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-nominatim"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "hibachi-core.h"
#include "hibachi-http.h"
#include "hibachi-server-nominatim.h"

/* The usage policy of the public Nominatim asks for an identifying agent. */
#define USER_AGENT "hibachi-server/" PACKAGE_VERSION " (+https://myhibachichef.com)"
#define MAX_REPLY_BYTES (1024 * 1024)

struct _HibachiServerNominatim
{
  GObject      parent_instance;

  GUri        *base;
  guint        timeout_seconds;
  SoupSession *session;   /* made by the first request, in the server's thread */
};

static void hibachi_server_nominatim_geocoder_init (HibachiServerGeocoderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HibachiServerNominatim, hibachi_server_nominatim, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HIBACHI_TYPE_SERVER_GEOCODER,
                                                      hibachi_server_nominatim_geocoder_init))

static void
hibachi_server_nominatim_finalize (GObject *object)
{
  HibachiServerNominatim *self = HIBACHI_SERVER_NOMINATIM (object);

  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (hibachi_server_nominatim_parent_class)->finalize (object);
}

static void
hibachi_server_nominatim_class_init (HibachiServerNominatimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hibachi_server_nominatim_finalize;
}

static void
hibachi_server_nominatim_init (HibachiServerNominatim *self)
{
}

HibachiServerNominatim *
hibachi_server_nominatim_new (const char  *base_url,
                              guint        timeout_seconds,
                              GError     **error)
{
  g_autoptr(GUri) base = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, error);
  HibachiServerNominatim *self;

  if (base == NULL)
    return NULL;
  if ((g_strcmp0 (g_uri_get_scheme (base), "http") != 0 && g_strcmp0 (g_uri_get_scheme (base), "https") != 0) ||
      g_uri_get_host (base) == NULL || *g_uri_get_host (base) == '\0' || g_uri_get_query (base) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The geocoder URL must be http:// or https:// with a host and no query: %s", base_url);
      return NULL;
    }

  self = g_object_new (HIBACHI_TYPE_SERVER_NOMINATIM, NULL);
  self->base = g_steal_pointer (&base);
  self->timeout_seconds = timeout_seconds > 0 ? timeout_seconds : HIBACHI_NOMINATIM_DEFAULT_TIMEOUT_SECONDS;

  return self;
}

static HibachiGeocodeKind
kind_of_place (JsonObject *place)
{
  static const char * const towns[] = {
    "city", "town", "village", "hamlet", "municipality", "suburb", "borough", "quarter", "neighbourhood",
    "county", "state", "administrative", NULL
  };
  const char *type = json_object_get_string_member_with_default (place, "addresstype",
                                                                 json_object_get_string_member_with_default (place, "type", ""));

  if (g_str_equal (type, "postcode"))
    return HIBACHI_GEOCODE_ZIP;
  if (g_strv_contains (towns, type))
    return HIBACHI_GEOCODE_CITY;
  return HIBACHI_GEOCODE_STREET;
}

/* Nominatim sends coordinates as strings ("37.66"); numbers are accepted too. */
static gboolean
read_coordinate (JsonObject *place,
                 const char *member,
                 gboolean  (*is_valid) (double, char **),
                 double     *out)
{
  JsonNode *node = json_object_get_member (place, member);
  char *end = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      *out = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64)
    *out = json_node_get_double (node);
  else
    return FALSE;

  return is_valid (*out, NULL);
}

static HibachiServerPlace *
read_place (JsonNode *node)
{
  JsonObject *place = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *label;
  double lat, lng;

  if (place == NULL)
    return NULL;
  label = json_object_get_string_member_with_default (place, "display_name", NULL);
  if (label == NULL || *label == '\0' || !g_utf8_validate (label, -1, NULL) ||
      !read_coordinate (place, "lat", hibachi_validate_latitude, &lat) ||
      !read_coordinate (place, "lon", hibachi_validate_longitude, &lng))
    return NULL;

  return hibachi_server_place_new (label, lat, lng, kind_of_place (place), HIBACHI_NOMINATIM_SOURCE);
}

typedef struct
{
  guint    limit;
  gboolean reverse;
} Lookup;

static GPtrArray *
read_reply (GBytes   *body,
            Lookup   *lookup,
            GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_server_place_free);
  g_autoptr(GPtrArray) owned = out;
  JsonNode *root;
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data ? data : "", (gssize) size, NULL))
    goto bad;
  root = json_parser_get_root (parser);

  if (lookup->reverse)
    {
      HibachiServerPlace *place;

      if (!JSON_NODE_HOLDS_OBJECT (root))
        goto bad;
      /* Nothing there: {"error":"Unable to geocode"} */
      if (json_object_has_member (json_node_get_object (root), "error"))
        return g_steal_pointer (&owned);
      place = read_place (root);
      if (place == NULL)
        goto bad;
      g_ptr_array_add (out, place);
      return g_steal_pointer (&owned);
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    goto bad;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)) && out->len < lookup->limit; i++)
    {
      HibachiServerPlace *place = read_place (json_array_get_element (json_node_get_array (root), i));

      if (place == NULL)
        goto bad;
      g_ptr_array_add (out, place);
    }
  return g_steal_pointer (&owned);

bad:
  g_set_error_literal (error, HIBACHI_SERVER_GEOCODER_ERROR, HIBACHI_SERVER_GEOCODER_ERROR_BAD_REPLY,
                       "The geocoder’s reply is not a list of places.");
  return NULL;
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupSession *session = SOUP_SESSION (source);
  SoupMessage *msg = hibachi_http_get_message (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = hibachi_http_send_and_read_finish (session, result, &error);
  GPtrArray *candidates;

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, HIBACHI_SERVER_GEOCODER_ERROR, HIBACHI_SERVER_GEOCODER_ERROR_UNAVAILABLE,
                                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
                                 ? "The geocoder did not answer in time."
                                 : "The geocoder cannot be reached: %s", error->message);
      return;
    }

  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, HIBACHI_SERVER_GEOCODER_ERROR, HIBACHI_SERVER_GEOCODER_ERROR_UNAVAILABLE,
                               "The geocoder answered %u.", soup_message_get_status (msg));
      return;
    }
  if (g_bytes_get_size (body) > MAX_REPLY_BYTES)
    {
      g_task_return_new_error (task, HIBACHI_SERVER_GEOCODER_ERROR, HIBACHI_SERVER_GEOCODER_ERROR_BAD_REPLY,
                               "The geocoder’s reply is larger than 1 MiB.");
      return;
    }

  candidates = read_reply (body, g_task_get_task_data (task), &error);
  if (candidates == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    hibachi_server_geocoder_return (task, candidates);
}

static void
send (HibachiServerNominatim *self,
      const char             *endpoint,
      const char             *query,
      Lookup                 *lookup,
      GTask                  *task)
{
  g_autofree char *path = g_build_path ("/", *g_uri_get_path (self->base) ? g_uri_get_path (self->base) : "/",
                                        endpoint, NULL);
  g_autoptr(GUri) uri = g_uri_build (SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED_QUERY, g_uri_get_scheme (self->base),
                                     NULL, g_uri_get_host (self->base), g_uri_get_port (self->base), path, query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri ("GET", uri);

  g_task_set_task_data (task, lookup, g_free);
  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", self->timeout_seconds,
                                                   "idle-timeout", 60,
                                                   "user-agent", USER_AGENT,
                                                   NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  hibachi_http_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    read_cb, task);
}

static void
nominatim_search_async (HibachiServerGeocoder *geocoder,
                        const char            *query,
                        guint                  limit,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  GTask *task = g_task_new (geocoder, cancellable, callback, user_data);
  g_autofree char *q = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("format=jsonv2&limit=%u&countrycodes=us&q=%s", limit, q);
  Lookup *lookup = g_new0 (Lookup, 1);

  g_task_set_source_tag (task, nominatim_search_async);
  lookup->limit = limit;
  send (HIBACHI_SERVER_NOMINATIM (geocoder), "search", form, lookup, task);
}

static void
nominatim_reverse_async (HibachiServerGeocoder *geocoder,
                         double                 lat,
                         double                 lng,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  GTask *task = g_task_new (geocoder, cancellable, callback, user_data);
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lng_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *form = g_strdup_printf ("format=jsonv2&lat=%s&lon=%s",
                                           g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat),
                                           g_ascii_formatd (lng_text, sizeof lng_text, "%.6f", lng));
  Lookup *lookup = g_new0 (Lookup, 1);

  g_task_set_source_tag (task, nominatim_reverse_async);
  lookup->limit = 1;
  lookup->reverse = TRUE;
  send (HIBACHI_SERVER_NOMINATIM (geocoder), "reverse", form, lookup, task);
}

static void
hibachi_server_nominatim_geocoder_init (HibachiServerGeocoderInterface *iface)
{
  iface->search_async = nominatim_search_async;
  iface->reverse_async = nominatim_reverse_async;
}
