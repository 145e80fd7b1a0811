/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-gazetteer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hibachi-server-gazetteer.h"

#define GAZETTEER_RESOURCE "/com/myhibachichef/Server/gazetteer/ca-zip-codes.tsv"
#define STATE_SUFFIX ", CA"

typedef struct
{
  char          *name;      /* as the data spells it: "San Jose" */
  char          *key;       /* normalized: "san jose" */
  HibachiLatLng  point;     /* median of its ZIP codes' points */
  guint          n_zips;
} City;

typedef struct
{
  char          zip[6];
  HibachiLatLng point;
  guint         city;       /* index in cities */
} Zip;

struct _HibachiServerGazetteer
{
  GObject     parent_instance;

  GArray     *cities;       /* City, sorted by key */
  GArray     *zips;         /* Zip, sorted by ZIP code */
  GHashTable *city_by_key;  /* key → index + 1 */
};

static void hibachi_server_gazetteer_geocoder_init (HibachiServerGeocoderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HibachiServerGazetteer, hibachi_server_gazetteer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HIBACHI_TYPE_SERVER_GEOCODER,
                                                      hibachi_server_gazetteer_geocoder_init))

/* Lowercase ASCII words separated by one space: "St. Helena" and
 * "ST  HELENA" are the same town, "San José" is "san jose". */
static char *
normalize (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *key = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '.' || *p == '\'')
        continue;
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  if (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  return n % 2 ? g_array_index (values, double, n / 2)
               : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static int
compare_cities (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const City *) a)->key, ((const City *) b)->key);
}

static void
city_clear (gpointer data)
{
  City *city = data;

  g_free (city->name);
  g_free (city->key);
}

static void
hibachi_server_gazetteer_finalize (GObject *object)
{
  HibachiServerGazetteer *self = HIBACHI_SERVER_GAZETTEER (object);

  g_clear_pointer (&self->city_by_key, g_hash_table_unref);
  g_clear_pointer (&self->cities, g_array_unref);
  g_clear_pointer (&self->zips, g_array_unref);

  G_OBJECT_CLASS (hibachi_server_gazetteer_parent_class)->finalize (object);
}

static void
hibachi_server_gazetteer_class_init (HibachiServerGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hibachi_server_gazetteer_finalize;
}

static void
hibachi_server_gazetteer_init (HibachiServerGazetteer *self)
{
  self->cities = g_array_new (FALSE, TRUE, sizeof (City));
  g_array_set_clear_func (self->cities, city_clear);
  self->zips = g_array_new (FALSE, TRUE, sizeof (Zip));
  self->city_by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef struct
{
  char   *name;
  GArray *lats;
  GArray *lngs;
} CityPoints;

static void
city_points_free (gpointer data)
{
  CityPoints *points = data;

  g_free (points->name);
  g_array_unref (points->lats);
  g_array_unref (points->lngs);
  g_free (points);
}

HibachiServerGazetteer *
hibachi_server_gazetteer_new_from_data (GBytes  *tsv,
                                        GError **error)
{
  g_autoptr(HibachiServerGazetteer) self = g_object_new (HIBACHI_TYPE_SERVER_GAZETTEER, NULL);
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, city_points_free);
  g_autofree char *text = g_strndup (g_bytes_get_data (tsv, NULL), g_bytes_get_size (tsv));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) zip_keys = g_array_new (FALSE, FALSE, sizeof (char *));
  GHashTableIter iter;
  CityPoints *city_points;
  const char *city_key;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Zip zip = { { 0 } };
      char *end_lat = NULL, *end_lng = NULL;
      char *key = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 5);
      if (g_strv_length (fields) != 4 || strlen (fields[0]) != 5 || *fields[3] == '\0')
        goto bad_line;
      zip.point.lat = g_ascii_strtod (fields[1], &end_lat);
      zip.point.lng = g_ascii_strtod (fields[2], &end_lng);
      if (*end_lat != '\0' || *end_lng != '\0' || zip.point.lat < -90 || zip.point.lat > 90 ||
          zip.point.lng < -180 || zip.point.lng > 180)
        goto bad_line;
      if (self->zips->len > 0 && strcmp (g_array_index (self->zips, Zip, self->zips->len - 1).zip, fields[0]) >= 0)
        goto bad_line;
      memcpy (zip.zip, fields[0], 5);

      {
        g_autofree char *normalized = normalize (fields[3]);

        if (!g_hash_table_lookup_extended (points, normalized, (gpointer *) &key, (gpointer *) &city_points))
          {
            city_points = g_new0 (CityPoints, 1);
            city_points->name = g_strdup (fields[3]);
            city_points->lats = g_array_new (FALSE, FALSE, sizeof (double));
            city_points->lngs = g_array_new (FALSE, FALSE, sizeof (double));
            key = g_steal_pointer (&normalized);
            g_hash_table_insert (points, key, city_points);
          }
      }
      g_array_append_val (city_points->lats, zip.point.lat);
      g_array_append_val (city_points->lngs, zip.point.lng);
      g_array_append_val (self->zips, zip);
      /* The table's key: it lives as long as the table. */
      g_array_append_val (zip_keys, key);
      continue;

bad_line:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Gazetteer line %u is not “ZIP\tlat\tlng\tcity” in ZIP order", i + 1);
      return NULL;
    }

  /* A ZIP code for PO boxes often sits at its county's centre: the median of
   * a city's ZIP codes ignores such outliers where a mean would not. */
  g_hash_table_iter_init (&iter, points);
  while (g_hash_table_iter_next (&iter, (gpointer *) &city_key, (gpointer *) &city_points))
    {
      City city = {
        .name = g_strdup (city_points->name),
        .key = g_strdup (city_key),
        .point = { median (city_points->lats), median (city_points->lngs) },
        .n_zips = city_points->lats->len,
      };

      g_array_append_val (self->cities, city);
    }
  g_array_sort (self->cities, compare_cities);
  for (guint c = 0; c < self->cities->len; c++)
    g_hash_table_insert (self->city_by_key, g_array_index (self->cities, City, c).key, GUINT_TO_POINTER (c + 1));
  for (guint z = 0; z < self->zips->len; z++)
    g_array_index (self->zips, Zip, z).city =
      GPOINTER_TO_UINT (g_hash_table_lookup (self->city_by_key, g_array_index (zip_keys, char *, z))) - 1;

  return g_steal_pointer (&self);
}

HibachiServerGazetteer *
hibachi_server_gazetteer_get_default (void)
{
  static HibachiServerGazetteer *gazetteer;
  static gsize loaded_once;

  if (g_once_init_enter (&loaded_once))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = g_resources_lookup_data (GAZETTEER_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      HibachiServerGazetteer *loaded = data ? hibachi_server_gazetteer_new_from_data (data, &error) : NULL;

      /* It is part of the program: missing or bad, the build is broken. */
      if (loaded == NULL)
        g_error ("Cannot load the gazetteer %s: %s", GAZETTEER_RESOURCE, error->message);
      gazetteer = loaded;
      g_once_init_leave (&loaded_once, 1);
    }

  return gazetteer;
}

guint
hibachi_server_gazetteer_get_n_cities (HibachiServerGazetteer *self)
{
  return self->cities->len;
}

guint
hibachi_server_gazetteer_get_n_zips (HibachiServerGazetteer *self)
{
  return self->zips->len;
}

static const City *
lookup_city (HibachiServerGazetteer *self,
             const char             *key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->city_by_key, key));

  return index > 0 ? &g_array_index (self->cities, City, index - 1) : NULL;
}

static const Zip *
lookup_zip (HibachiServerGazetteer *self,
            const char             *zip)
{
  Zip key = { { 0 } };

  if (strlen (zip) != 5)
    return NULL;
  memcpy (key.zip, zip, 5);
  return bsearch (&key, self->zips->data, self->zips->len, sizeof (Zip), (GCompareFunc) strcmp);
}

gboolean
hibachi_server_gazetteer_find_city (HibachiServerGazetteer *self,
                                    const char             *name,
                                    HibachiLatLng          *out_point)
{
  g_autofree char *key = normalize (name);
  const City *city = lookup_city (self, key);

  if (city != NULL)
    *out_point = city->point;
  return city != NULL;
}

static char *
city_label (const City *city,
            const char *street,
            const Zip  *zip)
{
  return g_strdup_printf ("%s%s%s" STATE_SUFFIX "%s%s", street ? street : "", street ? ", " : "", city->name,
                          zip ? " " : "", zip ? zip->zip : "");
}

/* Cities whose key starts with @prefix, or has a word that does: exact
 * match first, then the whole name, then a later word; bigger cities (more
 * ZIP codes) before smaller ones. */
typedef struct
{
  const City *city;
  int         rank;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  if (x->city->n_zips != y->city->n_zips)
    return (int) y->city->n_zips - (int) x->city->n_zips;
  return strcmp (x->city->key, y->city->key);
}

static GArray *
match_cities (HibachiServerGazetteer *self,
              const char             *prefix)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree char *word_prefix = g_strconcat (" ", prefix, NULL);

  if (*prefix == '\0')
    return matches;
  for (guint c = 0; c < self->cities->len; c++)
    {
      const City *city = &g_array_index (self->cities, City, c);
      Match match = { city, -1 };

      if (strcmp (city->key, prefix) == 0)
        match.rank = 0;
      else if (g_str_has_prefix (city->key, prefix))
        match.rank = 1;
      else if (strstr (city->key, word_prefix) != NULL)
        match.rank = 2;
      if (match.rank >= 0)
        g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_matches);

  return matches;
}

static gboolean
is_zip_text (const char *text)
{
  guint n = 0;

  for (; g_ascii_isdigit (text[n]); n++)
    ;
  return n == 5 && (text[5] == '\0' || (text[5] == '-' && strlen (text + 6) == 4 && strspn (text + 6, "0123456789") == 4));
}

static gboolean
is_state_text (const char *key)
{
  static const char * const names[] = { "ca", "california", "us", "usa", "united states", NULL };

  return g_strv_contains (names, key);
}

/* Drops what follows the town ("CA", "CA 94541", "USA") from the parts of
 * an address, word by word from the end, keeping the ZIP code given. */
static void
strip_state_and_zip (GPtrArray  *parts,
                     char      **out_zip)
{
  while (parts->len > 0)
    {
      char *part = parts->pdata[parts->len - 1];
      char *last_space = strrchr (part, ' ');
      const char *last_word = last_space ? last_space + 1 : part;
      g_autofree char *key = normalize (last_word);
      g_autofree char *part_key = normalize (part);

      if (is_zip_text (last_word))
        {
          g_free (*out_zip);
          *out_zip = g_strndup (last_word, 5);
        }
      else if (is_state_text (part_key))
        {
          g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      else if (!(*key == '\0' || is_state_text (key)))
        break;

      if (last_space == NULL)
        g_ptr_array_remove_index (parts, parts->len - 1);
      else
        *last_space = '\0';
    }
}

static void
add_city (GPtrArray  *out,
          const City *city,
          const char *street,
          const Zip  *zip)
{
  g_autofree char *label = city_label (city, street, zip);
  HibachiGeocodeKind kind = street ? HIBACHI_GEOCODE_STREET : zip ? HIBACHI_GEOCODE_ZIP : HIBACHI_GEOCODE_CITY;
  HibachiLatLng point = zip ? zip->point : city->point;

  g_ptr_array_add (out, hibachi_server_place_new (label, point.lat, point.lng, kind, HIBACHI_GAZETTEER_SOURCE));
}

/* "1200 B St Hayward": the last one to three words may be the town. */
static gboolean
split_town_from_words (HibachiServerGazetteer  *self,
                       const char              *text,
                       char                   **out_street,
                       const City             **out_city)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  for (guint k = MIN (n - 1, 3); n > 1 && k >= 1; k--)
    {
      g_autofree char *town = g_strjoinv (" ", words + n - k);
      g_autofree char *key = normalize (town);
      const City *city = lookup_city (self, key);

      if (city != NULL)
        {
          g_free (g_steal_pointer (&words[n - k]));
          *out_street = g_strjoinv (" ", words);
          *out_city = city;
          for (guint i = n - k + 1; i < n; i++)
            g_clear_pointer (&words[i], g_free);
          return TRUE;
        }
    }

  return FALSE;
}

GPtrArray *
hibachi_server_gazetteer_search (HibachiServerGazetteer *self,
                                 const char             *query,
                                 guint                   limit)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_server_place_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (query, ",", -1);
  g_autofree char *zip_text = NULL;
  g_autofree char *town_key = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *street = NULL;
  const Zip *zip;

  g_return_val_if_fail (HIBACHI_IS_SERVER_GAZETTEER (self), out);
  g_return_val_if_fail (g_utf8_validate (query, -1, NULL), out);

  for (guint i = 0; split[i] != NULL; i++)
    {
      /* One space between words, none around. */
      g_auto(GStrv) words = g_strsplit_set (split[i], " \t\r\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_strv_builder_add (kept, words[w]);
      joined = g_strv_builder_end (kept);
      if (joined[0] != NULL)
        g_ptr_array_add (parts, g_strjoinv (" ", joined));
    }

  /* A ZIP code being typed: "945" lists 945xx. */
  if (parts->len == 1 && strlen (parts->pdata[0]) >= 3 && strlen (parts->pdata[0]) < 5 &&
      strspn (parts->pdata[0], "0123456789") == strlen (parts->pdata[0]))
    {
      for (guint z = 0; z < self->zips->len && out->len < limit; z++)
        {
          const Zip *candidate = &g_array_index (self->zips, Zip, z);

          if (g_str_has_prefix (candidate->zip, parts->pdata[0]))
            add_city (out, &g_array_index (self->cities, City, candidate->city), NULL, candidate);
        }
      return out;
    }

  strip_state_and_zip (parts, &zip_text);
  zip = zip_text ? lookup_zip (self, zip_text) : NULL;
  if (parts->len == 0)
    {
      if (zip != NULL)
        add_city (out, &g_array_index (self->cities, City, zip->city), NULL, zip);
      return out;
    }

  /* "Hayward" or "1200 B St, Hayward": the last part is the town, the
   * parts before it the street. */
  town_key = normalize (parts->pdata[parts->len - 1]);
  if (parts->len > 1)
    {
      g_ptr_array_set_size (parts, parts->len - 1);
      g_ptr_array_add (parts, NULL);
      street = g_strjoinv (", ", (char **) parts->pdata);
    }
  else if (lookup_city (self, town_key) == NULL)
    {
      const City *city = NULL;

      if (split_town_from_words (self, parts->pdata[0], &street, &city))
        {
          add_city (out, city, street, zip && zip->city == (guint) (city - (const City *) self->cities->data) ? zip : NULL);
          return out;
        }
    }

  matches = match_cities (self, town_key);
  for (guint m = 0; m < matches->len && out->len < limit; m++)
    {
      const City *city = g_array_index (matches, Match, m).city;
      gboolean zip_in_city = zip != NULL && &g_array_index (self->cities, City, zip->city) == city;

      add_city (out, city, street, zip_in_city ? zip : NULL);
    }

  return out;
}

HibachiServerPlace *
hibachi_server_gazetteer_reverse (HibachiServerGazetteer *self,
                                  HibachiLatLng           point)
{
  const Zip *nearest = NULL;
  double nearest_miles = G_MAXDOUBLE;
  g_autofree char *label = NULL;

  for (guint z = 0; z < self->zips->len; z++)
    {
      const Zip *zip = &g_array_index (self->zips, Zip, z);
      double miles = hibachi_geo_distance_miles (point, zip->point);

      if (miles < nearest_miles)
        {
          nearest = zip;
          nearest_miles = miles;
        }
    }
  if (nearest == NULL || nearest_miles > HIBACHI_GAZETTEER_REVERSE_MAX_MILES)
    return NULL;

  label = city_label (&g_array_index (self->cities, City, nearest->city), NULL, nearest);
  return hibachi_server_place_new (label, nearest->point.lat, nearest->point.lng, HIBACHI_GEOCODE_ZIP,
                                        HIBACHI_GAZETTEER_SOURCE);
}

GPtrArray *
hibachi_server_gazetteer_cities_around (HibachiServerGazetteer *self,
                                        HibachiLatLng           center,
                                        double                  min_miles,
                                        double                  max_miles,
                                        guint                   min_zips)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *names = g_ptr_array_new ();

  for (guint c = 0; c < self->cities->len; c++)
    {
      const City *city = &g_array_index (self->cities, City, c);
      double miles = hibachi_geo_distance_miles (center, city->point);
      Match match = { city, (int) (miles * 1000) };

      if (city->n_zips >= min_zips && miles >= min_miles && miles <= max_miles)
        g_array_append_val (found, match);
    }
  g_array_sort (found, compare_matches);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (names, g_array_index (found, Match, i).city->name);

  return names;
}

/* The geocoder interface: lookups in memory take microseconds, so the
 * tasks complete at once. */

static void
gazetteer_search_async (HibachiServerGeocoder *geocoder,
                        const char            *query,
                        guint                  limit,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (geocoder, cancellable, callback, user_data);

  g_task_set_source_tag (task, gazetteer_search_async);
  hibachi_server_geocoder_return (task, hibachi_server_gazetteer_search (HIBACHI_SERVER_GAZETTEER (geocoder),
                                                                         query, limit));
}

static void
gazetteer_reverse_async (HibachiServerGeocoder *geocoder,
                         double                 lat,
                         double                 lng,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (geocoder, cancellable, callback, user_data);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_server_place_free);
  HibachiServerPlace *nearest;

  g_task_set_source_tag (task, gazetteer_reverse_async);
  nearest = hibachi_server_gazetteer_reverse (HIBACHI_SERVER_GAZETTEER (geocoder), (HibachiLatLng) { lat, lng });
  if (nearest != NULL)
    g_ptr_array_add (out, nearest);
  hibachi_server_geocoder_return (task, out);
}

static void
hibachi_server_gazetteer_geocoder_init (HibachiServerGeocoderInterface *iface)
{
  iface->search_async = gazetteer_search_async;
  iface->reverse_async = gazetteer_reverse_async;
}
