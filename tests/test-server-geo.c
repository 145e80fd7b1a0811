/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-geo.c: GET /api/v1/geocode over HTTP — the gazetteer finds
 * cities, ZIP codes and street addresses, the place nearest a point, and
 * nothing for an unknown place; the Nominatim geocoder against an
 * in-process Nominatim-like server; hostile input; and demo venues that lie
 * where their addresses say. */
#include "config.h"

#include <string.h>

#include "hibachi-core.h"
#include "hibachi-server-nominatim.h"
#include "hibachi-test-server.h"

#define SUPPORT "support@demo.test"

typedef struct
{
  HibachiTestServer *ts;
  char              *token;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (GPOINTER_TO_UINT (data));
  f->token = hibachi_test_login (f->ts, SUPPORT);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->token);
  hibachi_test_server_stop (f->ts);
}

/* GET /api/v1/geocode with @query already escaped. */
static HibachiTestResponse *
geocode_raw (Fixture    *f,
             const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/geocode?", query, NULL);

  return hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
}

/* The candidates for @text (HTTP 200 asserted). */
static JsonArray *
geocode (Fixture              *f,
         const char           *text,
         HibachiTestResponse **out_response)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *query = g_strconcat ("q=", escaped, NULL);
  HibachiTestResponse *r = geocode_raw (f, query);

  g_assert_cmpuint (r->status, ==, 200);
  *out_response = r;
  return json_object_get_array_member (hibachi_test_response_object (r), "candidates");
}

static JsonObject *
candidate (JsonArray *candidates,
           guint      index)
{
  g_assert_cmpuint (json_array_get_length (candidates), >, index);
  return json_array_get_object_element (candidates, index);
}

static double
miles_from (JsonObject *place,
            double      lat,
            double      lng)
{
  HibachiLatLng a = { json_object_get_double_member (place, "lat"), json_object_get_double_member (place, "lng") };
  HibachiLatLng b = { lat, lng };

  return hibachi_geo_distance_miles (a, b);
}

/* Hayward's city hall: 777 B St, 37.6688, -122.0808. */
#define HAYWARD_LAT 37.6688
#define HAYWARD_LNG -122.0808

static void
test_city (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = NULL;
  g_autoptr(HibachiTestResponse) typed = NULL;
  g_autoptr(HibachiTestResponse) accents = NULL;
  JsonObject *hayward = candidate (geocode (f, "Hayward", &r), 0);
  JsonArray *partial;

  g_assert_cmpstr (json_object_get_string_member (hayward, "label"), ==, "Hayward, CA");
  g_assert_cmpstr (json_object_get_string_member (hayward, "kind"), ==, "city");
  g_assert_cmpstr (json_object_get_string_member (hayward, "source"), ==, "gazetteer");
  g_assert_cmpfloat (miles_from (hayward, HAYWARD_LAT, HAYWARD_LNG), <, 1.5);

  /* As it is typed: "San Jo" lists San Jose (the bigger town) first. */
  partial = geocode (f, "san jo", &typed);
  g_assert_cmpstr (json_object_get_string_member (candidate (partial, 0), "label"), ==, "San Jose, CA");
  g_assert_cmpfloat (miles_from (candidate (partial, 0), 37.3382, -121.8863), <, 2);
  g_assert_cmpstr (json_object_get_string_member (candidate (geocode (f, "  San  José , California", &accents), 0),
                                                  "label"), ==, "San Jose, CA");
}

static void
test_zip (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = NULL;
  g_autoptr(HibachiTestResponse) prefix = NULL;
  JsonObject *zip = candidate (geocode (f, "94541", &r), 0);
  JsonArray *typed;

  g_assert_cmpstr (json_object_get_string_member (zip, "label"), ==, "Hayward, CA 94541");
  g_assert_cmpstr (json_object_get_string_member (zip, "kind"), ==, "zip");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (zip, "lat"), 37.6740, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (zip, "lng"), -122.0894, 1e-6);

  /* Three digits typed: ZIP codes that start with them, up to the limit. */
  typed = geocode (f, "945", &prefix);
  g_assert_cmpuint (json_array_get_length (typed), ==, HIBACHI_GEOCODE_LIMIT_DEFAULT);
  for (guint i = 0; i < json_array_get_length (typed); i++)
    g_assert_nonnull (strstr (json_object_get_string_member (candidate (typed, i), "label"), ", CA 945"));
}

static void
test_street (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) city_r = NULL;
  g_autoptr(HibachiTestResponse) r = NULL;
  g_autoptr(HibachiTestResponse) zip_r = NULL;
  g_autoptr(HibachiTestResponse) words_r = NULL;
  g_autoptr(HibachiTestResponse) typing_r = NULL;
  JsonObject *city = candidate (geocode (f, "Hayward", &city_r), 0);
  JsonObject *street = candidate (geocode (f, "777 B St, Hayward, CA", &r), 0);
  JsonObject *with_zip, *words;
  JsonArray *typing;

  /* A street address is placed at its town's point. */
  g_assert_cmpstr (json_object_get_string_member (street, "label"), ==, "777 B St, Hayward, CA");
  g_assert_cmpstr (json_object_get_string_member (street, "kind"), ==, "street");
  g_assert_cmpfloat (miles_from (street, json_object_get_double_member (city, "lat"),
                                 json_object_get_double_member (city, "lng")), <, 0.01);

  /* …or at its ZIP code's, when it has one. */
  with_zip = candidate (geocode (f, "777 B St, Hayward, CA 94544", &zip_r), 0);
  g_assert_cmpstr (json_object_get_string_member (with_zip, "label"), ==, "777 B St, Hayward, CA 94544");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (with_zip, "lat"), 37.6374, 1e-6);

  /* Without commas, the town is found among the last words. */
  words = candidate (geocode (f, "777 B St Hayward CA", &words_r), 0);
  g_assert_cmpstr (json_object_get_string_member (words, "label"), ==, "777 B St, Hayward, CA");

  /* While the town is typed: towns that start so. */
  typing = geocode (f, "777 B St, Hay", &typing_r);
  g_assert_cmpstr (json_object_get_string_member (candidate (typing, 0), "label"), ==, "777 B St, Hayward, CA");
}

static void
test_reverse (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = geocode_raw (f, "lat=37.6688&lng=-122.0808");
  g_autoptr(HibachiTestResponse) far = geocode_raw (f, "lat=40.7128&lng=-74.0060");
  JsonArray *candidates;
  JsonObject *place;

  g_assert_cmpuint (r->status, ==, 200);
  candidates = json_object_get_array_member (hibachi_test_response_object (r), "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 1);
  place = candidate (candidates, 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (place, "label"), "Hayward, CA 945"));
  g_assert_cmpfloat (miles_from (place, HAYWARD_LAT, HAYWARD_LNG), <, 2);

  /* New York is not near any place the gazetteer knows. */
  g_assert_cmpuint (far->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hibachi_test_response_object (far), "candidates")), ==, 0);
}

static void
test_unknown (Fixture *f, gconstpointer data)
{
  const char *unknown[] = { "Xyzzyville", "123 Nowhere Rd, Atlantis", "00000", "CA", "Springfield, IL" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(HibachiTestResponse) r = NULL;

      g_assert_cmpuint (json_array_get_length (geocode (f, unknown[i], &r)), ==, 0);
    }
}

static void
assert_refused (Fixture    *f,
                const char *query,
                const char *field)
{
  g_autoptr(HibachiTestResponse) r = geocode_raw (f, query);
  JsonObject *errors = hibachi_test_response_field_errors (r);

  if (r->status != 422)
    g_error ("?%s answered %u, not 422", query, r->status);
  g_assert_nonnull (errors);
  g_assert_true (json_object_has_member (errors, field));
  g_assert_false (json_object_has_member (hibachi_test_response_object (r), "candidates"));
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) huge = g_string_new ("q=");
  g_autoptr(GString) just_right = g_string_new ("q=");
  g_autoptr(HibachiTestResponse) anonymous = hibachi_test_request (f->ts, "GET", "/api/v1/geocode?q=Hayward", NULL, NULL, NULL);
  g_autoptr(HibachiTestResponse) fine = NULL;

  for (guint i = 0; i < 201; i++)
    g_string_append (huge, "%C3%A9");   /* é: 201 characters, 402 bytes */
  for (guint i = 0; i < 200; i++)
    g_string_append_c (just_right, 'a');

  assert_refused (f, huge->str, "q");
  assert_refused (f, "q=Hay%FFward", "q");          /* not UTF-8 */
  assert_refused (f, "q=Hay%00ward", "q");          /* NUL */
  assert_refused (f, "q=Hay%0Award", "q");          /* a control character */
  assert_refused (f, "q=%20%20%20", "q");           /* only spaces */
  assert_refused (f, "lat=91&lng=0", "lat");
  assert_refused (f, "lat=37.5&lng=-181", "lng");
  assert_refused (f, "lat=nan&lng=0", "lat");
  assert_refused (f, "lat=37.5", "lng");
  assert_refused (f, "q=Hayward&lat=37.5&lng=-122", "q");
  assert_refused (f, "q=Hayward&limit=0", "limit");
  assert_refused (f, "q=Hayward&limit=11", "limit");
  assert_refused (f, "", "q");

  /* 200 characters are fine; signed out is 401. */
  fine = geocode_raw (f, just_right->str);
  g_assert_cmpuint (fine->status, ==, 200);
  g_assert_cmpuint (anonymous->status, ==, 401);
}

/* Many clients at once, with odd queries: every one answered, 200 or 422. */
typedef struct
{
  Fixture *f;
  guint    worker;
  guint    bad_status;
} Client;

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  static const char *queries[] = {
    "q=Hayward", "q=945", "q=%FF", "q=a%00", "lat=37.5&lng=-122", "q=1%2C2%2C3%2C4%2C5%2C6", "q=%2C%2C%2C%2C",
    "q=%E2%80%AE%F0%9F%8D%A3", "q=ca%20ca%20ca%20ca%2094541%2094541", "lat=-90&lng=180",
  };

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(HibachiTestResponse) r = geocode_raw (client->f, queries[(i + client->worker) % G_N_ELEMENTS (queries)]);

      if (r->status != 200 && r->status != 422)
        client->bad_status = r->status;
    }
  return NULL;
}

static void
test_many_clients (Fixture *f, gconstpointer data)
{
  Client clients[8];
  GThread *threads[G_N_ELEMENTS (clients)];
  g_autoptr(HibachiTestResponse) health = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      clients[i] = (Client) { f, i, 0 };
      threads[i] = g_thread_new ("geocode-client", client_thread, &clients[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (clients[i].bad_status, ==, 0);
    }
  health = hibachi_test_request (f->ts, "GET", "/health", NULL, NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
}

/* Demo data: each venue lies within a mile of the town its address names,
 * and within 100 miles of its station. */
static void
test_demo_venues (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) stations = hibachi_test_request (f->ts, "GET", "/api/v1/stations", f->token, NULL, NULL);
  g_autoptr(GHashTable) towns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) station_points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *station_list = json_object_get_array_member (hibachi_test_response_object (stations), "data");
  guint n_checked = 0;

  g_assert_cmpuint (json_array_get_length (station_list), ==, 3);
  for (guint i = 0; i < json_array_get_length (station_list); i++)
    {
      JsonObject *station = json_array_get_object_element (station_list, i);
      HibachiLatLng *point = g_new (HibachiLatLng, 1);

      point->lat = json_object_get_double_member (station, "lat");
      point->lng = json_object_get_double_member (station, "lng");
      g_hash_table_insert (station_points, g_strdup (json_object_get_string_member (station, "id")), point);
      /* SPEC §7: Fremont at 37.5485, -121.9886. */
      if (g_str_equal (json_object_get_string_member (station, "code"), "CA-FREMONT-001"))
        {
          g_assert_cmpfloat (point->lat, ==, 37.5485);
          g_assert_cmpfloat (point->lng, ==, -121.9886);
        }
    }

  for (guint page = 1; page <= 2; page++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/bookings?limit=100&page=%u", page);
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
      JsonArray *bookings = json_object_get_array_member (hibachi_test_response_object (r), "data");

      g_assert_cmpuint (r->status, ==, 200);
      for (guint i = 0; i < json_array_get_length (bookings); i++)
        {
          JsonObject *booking = json_array_get_object_element (bookings, i);
          const char *address = json_object_get_string_member (booking, "venue_address");
          g_auto(GStrv) parts = g_strsplit (address, ", ", -1);
          HibachiLatLng venue = { json_object_get_double_member (booking, "venue_lat"),
                                  json_object_get_double_member (booking, "venue_lng") };
          HibachiLatLng *station = g_hash_table_lookup (station_points, json_object_get_string_member (booking, "station_id"));
          HibachiLatLng *town;
          double miles;

          /* "1234 Oak St, Hayward, CA" */
          g_assert_cmpuint (g_strv_length (parts), ==, 3);
          g_assert_cmpstr (parts[2], ==, "CA");
          town = g_hash_table_lookup (towns, parts[1]);
          if (town == NULL)
            {
              g_autoptr(HibachiTestResponse) found = NULL;
              JsonObject *place = candidate (geocode (f, parts[1], &found), 0);

              g_assert_cmpstr (json_object_get_string_member (place, "kind"), ==, "city");
              town = g_new (HibachiLatLng, 1);
              town->lat = json_object_get_double_member (place, "lat");
              town->lng = json_object_get_double_member (place, "lng");
              g_hash_table_insert (towns, g_strdup (parts[1]), town);
            }
          miles = hibachi_geo_distance_miles (venue, *town);
          if (miles > 1.0)
            g_error ("%s is %.2f miles from %s's point", address, miles, parts[1]);
          g_assert_nonnull (station);
          g_assert_cmpfloat (hibachi_geo_distance_miles (venue, *station), <=, 100.0);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 200);
  /* Real places, more than a handful of them. */
  g_assert_cmpuint (g_hash_table_size (towns), >=, 30);
}

/* Travel now follows the map: Hayward from the Fremont station is a short
 * drive, not hours. */
static void
test_demo_travel (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = NULL;
  JsonObject *hayward = candidate (geocode (f, "Hayward", &r), 0);
  double miles = miles_from (hayward, 37.5485, -121.9886);
  guint minutes = hibachi_geo_travel_minutes (miles, G_DATE_TUESDAY, 10 * 60);

  g_assert_cmpfloat (miles, >, 8);
  g_assert_cmpfloat (miles, <, 15);
  g_assert_cmpuint (minutes, >=, 15);
  g_assert_cmpuint (minutes, <=, 35);
}

/* The Nominatim geocoder, against a Nominatim-like server in this process. */

typedef enum
{
  MOCK_PLACES,
  MOCK_ERROR_STATUS,
  MOCK_GARBAGE,
  MOCK_STALL,
} MockMode;

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;
  guint         port;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  MockMode      mode;        /* under lock */
  GPtrArray    *requests;    /* "path?query|user-agent", under lock */
  GPtrArray    *stalled;     /* main loop of the mock only */
} Mock;

static const char mock_places[] =
  "[{\"place_id\":1,\"lat\":\"37.6688\",\"lon\":\"-122.0808\",\"display_name\":\"Hayward, Alameda County, California, United States\","
  "\"category\":\"boundary\",\"type\":\"administrative\",\"addresstype\":\"city\"},"
  "{\"place_id\":2,\"lat\":\"37.674\",\"lon\":\"-122.0894\",\"display_name\":\"94541, Hayward, California, United States\","
  "\"category\":\"place\",\"type\":\"postcode\",\"addresstype\":\"postcode\"},"
  "{\"place_id\":3,\"lat\":\"37.6712\",\"lon\":\"-122.0850\",\"display_name\":\"777, B Street, Hayward, California, 94541, United States\","
  "\"category\":\"building\",\"type\":\"house\",\"addresstype\":\"building\"}]";
static const char mock_reverse[] =
  "{\"place_id\":3,\"lat\":\"37.6712\",\"lon\":\"-122.0850\",\"display_name\":\"777, B Street, Hayward, California, 94541, United States\","
  "\"category\":\"building\",\"type\":\"house\",\"addresstype\":\"building\"}";

static void
mock_handler_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Mock *mock = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *agent = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "User-Agent");
  MockMode mode;

  g_mutex_lock (&mock->lock);
  g_ptr_array_add (mock->requests, g_strdup_printf ("%s?%s|%s", path, g_uri_get_query (uri) ?: "", agent ?: ""));
  mode = mock->mode;
  g_mutex_unlock (&mock->lock);

  switch (mode)
    {
    case MOCK_PLACES:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        g_str_equal (path, "/nominatim/reverse") ? mock_reverse : mock_places,
                                        strlen (g_str_equal (path, "/nominatim/reverse") ? mock_reverse : mock_places));
      break;
    case MOCK_ERROR_STATUS:
      soup_server_message_set_status (msg, 500, NULL);
      break;
    case MOCK_GARBAGE:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "[{\"lat\":\"north\"}]", 17);
      break;
    case MOCK_STALL:
      soup_server_message_pause (msg);
      g_ptr_array_add (mock->stalled, g_object_ref (msg));
      break;
    }
}

static gpointer
mock_thread (gpointer data)
{
  Mock *mock = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_main_context_push_thread_default (mock->context);
  mock->soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (mock->soup, "/nominatim", mock_handler_cb, mock, NULL);
  if (!soup_server_listen_local (mock->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen: %s", error->message);
  uris = soup_server_get_uris (mock->soup);
  mock->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&mock->lock);
  mock->ready = TRUE;
  g_cond_signal (&mock->cond);
  g_mutex_unlock (&mock->lock);

  g_main_loop_run (mock->loop);

  g_ptr_array_set_size (mock->stalled, 0);
  soup_server_disconnect (mock->soup);
  g_clear_object (&mock->soup);
  g_main_context_pop_thread_default (mock->context);
  return NULL;
}

static Mock *
mock_start (void)
{
  Mock *mock = g_new0 (Mock, 1);

  g_mutex_init (&mock->lock);
  g_cond_init (&mock->cond);
  mock->context = g_main_context_new ();
  mock->loop = g_main_loop_new (mock->context, FALSE);
  mock->requests = g_ptr_array_new_with_free_func (g_free);
  mock->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  mock->thread = g_thread_new ("nominatim-mock", mock_thread, mock);
  g_mutex_lock (&mock->lock);
  while (!mock->ready)
    g_cond_wait (&mock->cond, &mock->lock);
  g_mutex_unlock (&mock->lock);

  return mock;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
mock_stop (Mock *mock)
{
  g_main_context_invoke (mock->context, quit_cb, mock->loop);
  g_thread_join (mock->thread);
  g_main_loop_unref (mock->loop);
  g_main_context_unref (mock->context);
  g_ptr_array_unref (mock->requests);
  g_ptr_array_unref (mock->stalled);
  g_mutex_clear (&mock->lock);
  g_cond_clear (&mock->cond);
  g_free (mock);
}

static void
mock_set_mode (Mock     *mock,
               MockMode  mode)
{
  g_mutex_lock (&mock->lock);
  mock->mode = mode;
  g_ptr_array_set_size (mock->requests, 0);
  g_mutex_unlock (&mock->lock);
}

static char *
mock_last_request (Mock *mock)
{
  char *line;

  g_mutex_lock (&mock->lock);
  g_assert_cmpuint (mock->requests->len, ==, 1);
  line = g_strdup (mock->requests->pdata[0]);
  g_mutex_unlock (&mock->lock);

  return line;
}

static void
use_mock (Fixture *f,
          Mock    *mock,
          guint    timeout_seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/nominatim", mock->port);
  g_autoptr(HibachiServerNominatim) nominatim = hibachi_server_nominatim_new (url, timeout_seconds, &error);

  g_assert_no_error (error);
  hibachi_server_set_geocoder (hibachi_test_server_get_server (f->ts), nominatim);
}

static void
test_nominatim (Fixture *f, gconstpointer data)
{
  Mock *mock = mock_start ();
  g_autoptr(HibachiTestResponse) search = NULL;
  g_autoptr(HibachiTestResponse) reverse = NULL;
  g_autofree char *search_request = NULL;
  g_autofree char *reverse_request = NULL;
  JsonArray *places;

  use_mock (f, mock, 5);

  mock_set_mode (mock, MOCK_PLACES);
  places = geocode (f, "777 B St, Hayward", &search);
  search_request = mock_last_request (mock);
  g_assert_true (g_str_has_prefix (search_request, "/nominatim/search?"));
  g_assert_nonnull (strstr (search_request, "format=jsonv2"));
  g_assert_nonnull (strstr (search_request, "q=777%20B%20St%2C%20Hayward"));
  g_assert_nonnull (strstr (search_request, "|hibachi-server/"));   /* an identifying User-Agent */
  g_assert_cmpuint (json_array_get_length (places), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (candidate (places, 0), "kind"), ==, "city");
  g_assert_cmpstr (json_object_get_string_member (candidate (places, 1), "kind"), ==, "zip");
  g_assert_cmpstr (json_object_get_string_member (candidate (places, 2), "kind"), ==, "street");
  g_assert_cmpstr (json_object_get_string_member (candidate (places, 2), "source"), ==, "nominatim");
  g_assert_cmpstr (json_object_get_string_member (candidate (places, 2), "label"), ==,
                   "777, B Street, Hayward, California, 94541, United States");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (candidate (places, 2), "lat"), 37.6712, 1e-9);

  mock_set_mode (mock, MOCK_PLACES);
  reverse = geocode_raw (f, "lat=37.6712&lng=-122.085");
  reverse_request = mock_last_request (mock);
  g_assert_cmpuint (reverse->status, ==, 200);
  g_assert_true (g_str_has_prefix (reverse_request, "/nominatim/reverse?"));
  g_assert_nonnull (strstr (reverse_request, "lat=37.671200&lon=-122.085000"));
  places = json_object_get_array_member (hibachi_test_response_object (reverse), "candidates");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (candidate (places, 0), "lng"), -122.085, 1e-9);

  /* Its failures are the server's 503, with a message that says so. */
  for (MockMode mode = MOCK_ERROR_STATUS; mode <= MOCK_GARBAGE; mode++)
    {
      g_autoptr(HibachiTestResponse) r = NULL;

      mock_set_mode (mock, mode);
      r = geocode_raw (f, "q=Hayward");
      g_assert_cmpuint (r->status, ==, 503);
      g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (hibachi_test_response_object (r), "error"),
                                                               "message"), "geocoder"));
    }

  hibachi_server_set_geocoder (hibachi_test_server_get_server (f->ts), NULL);
  mock_stop (mock);
}

static void
test_nominatim_timeout (Fixture *f, gconstpointer data)
{
  Mock *mock = mock_start ();
  g_autoptr(HibachiTestResponse) r = NULL;
  g_autoptr(HibachiTestResponse) health = NULL;

  use_mock (f, mock, 1);
  mock_set_mode (mock, MOCK_STALL);
  r = geocode_raw (f, "q=Hayward");
  g_assert_cmpuint (r->status, ==, 503);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Retry-After"), ==, "5");

  /* Unknown URLs are refused at start-up. */
  g_assert_null (hibachi_server_nominatim_new ("ftp://example.org", 1, NULL));
  g_assert_null (hibachi_server_nominatim_new ("http://example.org/?q=1", 1, NULL));

  /* The gazetteer again once it is unset. */
  hibachi_server_set_geocoder (hibachi_test_server_get_server (f->ts), NULL);
  health = geocode_raw (f, "q=Hayward");
  g_assert_cmpuint (health->status, ==, 200);
  mock_stop (mock);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, n) \
  g_test_add ("/hibachi/server-geo/" name, Fixture, GUINT_TO_POINTER (n), setup, func, teardown)
  ADD ("city", test_city, 0);
  ADD ("zip", test_zip, 0);
  ADD ("street", test_street, 0);
  ADD ("reverse", test_reverse, 0);
  ADD ("unknown", test_unknown, 0);
  ADD ("bad-input", test_bad_input, 0);
  ADD ("many-clients", test_many_clients, 0);
  ADD ("demo-venues", test_demo_venues, 200);
  ADD ("demo-travel", test_demo_travel, 0);
  ADD ("nominatim", test_nominatim, 0);
  ADD ("nominatim-timeout", test_nominatim_timeout, 0);
#undef ADD

  return g_test_run ();
}
