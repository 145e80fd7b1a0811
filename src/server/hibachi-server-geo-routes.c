/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /api/v1/geocode: places for a text (?q=), or the place nearest a
 * point (?lat=&lng=), from the server's geocoder. The route runs on the
 * main loop and answers when the geocoder does: an HTTP geocoder's wait
 * holds no worker and no database connection. */
#define G_LOG_DOMAIN "hibachi-server-geo"

#include "config.h"

#include <string.h>

#include "hibachi-server-geocoder.h"
#include "hibachi-server-private.h"

typedef struct
{
  HibachiServer     *server;
  SoupServerMessage *msg;
  GCancellable      *cancellable;
  gulong             finished_id;
} PendingReply;

static void
pending_reply_free (PendingReply *pending)
{
  g_clear_signal_handler (&pending->finished_id, pending->msg);
  g_clear_object (&pending->cancellable);
  g_clear_object (&pending->msg);
  g_clear_object (&pending->server);
  g_free (pending);
}

static void
message_finished_cb (SoupServerMessage *msg,
                     PendingReply      *pending)
{
  /* The client went away: stop asking for it. */
  g_cancellable_cancel (pending->cancellable);
}

static JsonObject *
candidate_to_json (const HibachiServerPlace *candidate)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "label", candidate->label);
  json_object_set_double_member (object, "lat", candidate->lat);
  json_object_set_double_member (object, "lng", candidate->lng);
  json_object_set_string_member (object, "kind", hibachi_geocode_kind_to_string (candidate->kind));
  json_object_set_string_member (object, "source", candidate->source);

  return object;
}

static void
geocoded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PendingReply *pending = user_data;
  HibachiServerRequest req = { .server = pending->server, .msg = pending->msg };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = hibachi_server_geocoder_finish (HIBACHI_SERVER_GEOCODER (source), result, &error);

  if (g_cancellable_is_cancelled (pending->cancellable))
    {
      pending_reply_free (pending);
      return;
    }

  if (candidates == NULL)
    {
      g_message ("Geocoding failed: %s", error->message);
      hibachi_request_set_reply_header (&req, "Retry-After", "5");
      hibachi_reply_error (&req, 503, "INTERNAL_SERVER_ERROR",
                           g_error_matches (error, HIBACHI_SERVER_GEOCODER_ERROR, HIBACHI_SERVER_GEOCODER_ERROR_BAD_REPLY)
                           ? "The geocoder sent a reply that is not a list of places; try again later."
                           : "The geocoder is not answering; try again later.", NULL);
    }
  else
    {
      JsonObject *root = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < candidates->len; i++)
        json_array_add_object_element (array, candidate_to_json (candidates->pdata[i]));
      json_object_set_array_member (root, "candidates", array);
      hibachi_reply_object (&req, 200, root);
    }

  hibachi_request_send_reply (&req);
  soup_server_message_unpause (pending->msg);
  pending_reply_free (pending);
}

/* Text a person typed: UTF-8, no control characters, not too long. */
static gboolean
check_query_text (HibachiServerRequest *req,
                  const char           *q)
{
  const char *problem = NULL;

  if (!g_utf8_validate (q, -1, NULL))
    problem = "Must be UTF-8 text.";
  else if (g_utf8_strlen (q, -1) > HIBACHI_GEOCODE_QUERY_MAX_CHARS)
    problem = "At most 200 characters.";
  else
    {
      for (const char *p = q; *p != '\0' && problem == NULL; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          problem = "Must not contain control characters.";
    }
  if (problem == NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (q));

      if (*stripped == '\0')
        problem = "Required.";
    }

  if (problem != NULL)
    hibachi_reply_field_error (req, "q", problem);
  return problem == NULL;
}

static void
geocode_cb (HibachiServerRequest *req)
{
  const char *q = req->query ? g_hash_table_lookup (req->query, "q") : NULL;
  gboolean has_point = hibachi_request_query (req, "lat") != NULL || hibachi_request_query (req, "lng") != NULL;
  g_autoptr(HibachiServerGeocoder) geocoder = NULL;
  PendingReply *pending;
  gint64 limit = HIBACHI_GEOCODE_LIMIT_DEFAULT;
  double lat = 0, lng = 0;
  g_autofree char *raw_query = g_ascii_strdown (g_uri_get_query (soup_server_message_get_uri (req->msg)) ?: "", -1);

  /* A NUL cuts the decoded text short: refuse it rather than search a part. */
  if (q != NULL && strstr (raw_query, "%00") != NULL)
    {
      hibachi_reply_field_error (req, "q", "Must not contain control characters.");
      return;
    }
  if (q != NULL && has_point)
    {
      hibachi_reply_field_error (req, "q", "Give either q, or lat and lng.");
      return;
    }
  if (q == NULL && !has_point)
    {
      hibachi_reply_field_error (req, "q", "Required, unless lat and lng are given.");
      return;
    }
  if (q != NULL && !check_query_text (req, q))
    return;
  if (has_point &&
      (!hibachi_request_query_double (req, "lat", -90, 90, TRUE, &lat) ||
       !hibachi_request_query_double (req, "lng", -180, 180, TRUE, &lng)))
    return;
  if (!hibachi_request_query_int (req, "limit", HIBACHI_GEOCODE_LIMIT_DEFAULT, 1, HIBACHI_GEOCODE_LIMIT_MAX, &limit))
    return;

  pending = g_new0 (PendingReply, 1);
  pending->server = g_object_ref (req->server);
  pending->msg = g_object_ref (req->msg);
  pending->cancellable = g_cancellable_new ();
  pending->finished_id = g_signal_connect (req->msg, "finished", G_CALLBACK (message_finished_cb), pending);

  /* Answered by geocoded_cb, on this main loop. */
  soup_server_message_pause (req->msg);
  req->replied = TRUE;

  geocoder = hibachi_server_get_geocoder (req->server);
  if (q != NULL)
    hibachi_server_geocoder_search_async (geocoder, q, (guint) limit, pending->cancellable, geocoded_cb, pending);
  else
    hibachi_server_geocoder_reverse_async (geocoder, lat, lng, pending->cancellable, geocoded_cb, pending);
}

const HibachiServerRoute hibachi_server_geo_routes[] = {
  { "GET", "/api/v1/geocode", geocode_cb, HIBACHI_CAPABILITY_USE_ACCOUNT, NULL, TRUE },
  { NULL }
};
