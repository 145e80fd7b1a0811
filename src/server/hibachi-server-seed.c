/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo data of SPEC §7: stations, chefs, one account per role,
 * bookings from six months back to three months ahead, and reviews. Venues
 * are street addresses in real towns around their station, placed within a
 * mile of the town's point in the gazetteer: the addresses, the
 * coordinates and the travel they imply agree. */
#define G_LOG_DOMAIN "hibachi-server-seed"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-server-gazetteer.h"
#include "hibachi-server-png.h"
#include "hibachi-server-private.h"

#define CHEFS_PER_STATION 8
#define N_SAMPLE_PHOTOS 12
#define DAYS_BACK 182
#define DAYS_AHEAD 91
#define MILES_PER_DEGREE_LAT (HIBACHI_EARTH_RADIUS_MILES * G_PI / 180.0)
#define NEAR_MILES 40.0
#define FAR_MILES 100.0
#define VENUE_SPREAD_MILES 0.9

typedef struct
{
  const char *code;
  const char *name;
  const char *address;
  const char *city;
  const char *postal_code;
  const char *phone;
  double      lat;
  double      lng;
} DemoStation;

static const DemoStation stations[] = {
  { "CA-FREMONT-001", "Fremont", "47481 Towhee St", "Fremont", "94539", "(510) 555-0100", 37.5485, -121.9886 },
  { "CA-SACRAMENTO-001", "Sacramento", "1500 Capitol Ave", "Sacramento", "95814", "(916) 555-0100", 38.5816, -121.4944 },
  { "CA-FRESNO-001", "Fresno", "2300 Tulare St", "Fresno", "93721", "(559) 555-0100", 36.7378, -119.7871 },
};

static const char * const chef_names[3][CHEFS_PER_STATION] = {
  { "Kenji Tanaka", "Hiro Sato", "Mei Lin", "Carlos Reyes", "Aiko Watanabe", "David Kim", "Yuki Mori", "Sam Nguyen" },
  { "Taro Suzuki", "Lena Park", "Marco Díaz", "Ren Ito", "Grace Chen", "Omar Haddad", "Nina Kato", "Leo Santos" },
  { "Daichi Abe", "Rosa Flores", "Jun Ono", "Priya Shah", "Ken Ueda", "Ana Morales", "Sora Hayashi", "Ben Carter" },
};

static const char * const first_names[] = {
  "Jane", "John", "Maria", "Wei", "Priya", "Carlos", "Emily", "Michael", "Sofia", "David", "Aisha", "Kevin",
  "Linda", "Jose", "Hannah", "Raj", "Olivia", "Daniel", "Grace", "Tom", "Lucia", "Ahmed", "Chloe", "Ethan",
};
static const char * const last_names[] = {
  "Smith", "Garcia", "Nguyen", "Patel", "Johnson", "Lee", "Martinez", "Brown", "Kim", "Lopez", "Chen", "Davis",
  "Wong", "Singh", "Miller", "Hernandez", "Wilson", "Tran", "Anderson", "Rivera",
};
static const char * const streets[] = {
  "Oak St", "Maple Ave", "Cedar Ln", "Mission Blvd", "Park Dr", "Lakeview Ct", "Sunset Way", "Vine St", "Elm Rd",
};
static const char * const review_titles[5][3] = {
  { "Disappointing", "Not what we hoped", "Chef was late" },
  { "Could be better", "Okay food, slow service", "Mixed feelings" },
  { "Good evening", "Decent party", "Fine, not amazing" },
  { "Great party!", "Fun and tasty", "Would book again" },
  { "Amazing night!", "Best birthday ever", "The chef was fantastic" },
};
static const char * const review_bodies[5] = {
  "The chef arrived late and the food was cold by the time it reached the kids. We expected more for the price.",
  "The food was fine but setup took long and the show was short. The chef was friendly though.",
  "Nice food and a friendly chef. The onion volcano was a hit, but the fried rice was a bit salty.",
  "Everyone loved the show and the food was delicious. Setup and cleanup were quick and tidy.",
  "Absolutely wonderful! The chef kept thirty guests entertained all night and the steak was perfect.",
};

/* A point @miles from @from towards @bearing (radians from north), to six
 * decimals as a geocoder gives (about 10 cm). */
static HibachiLatLng
offset_point (HibachiLatLng from,
              double        miles,
              double        bearing)
{
  HibachiLatLng to;

  to.lat = round ((from.lat + miles * cos (bearing) / MILES_PER_DEGREE_LAT) * 1e6) / 1e6;
  to.lng = round ((from.lng + miles * sin (bearing) / (MILES_PER_DEGREE_LAT * cos (from.lat * G_PI / 180))) * 1e6) / 1e6;
  return to;
}

static gboolean
exec_stmt (HibachiServerDb  *db,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  return hibachi_server_db_step_done (db, stmt, error);
}

static void
bind_texts (sqlite3_stmt *stmt,
            const char   *first,
            ...)
{
  va_list args;
  const char *text = first;
  int index = 1;

  va_start (args, first);
  while (text != NULL)
    {
      hibachi_server_db_bind_text (stmt, index++, text);
      text = va_arg (args, const char *);
    }
  va_end (args);
}

static GBytes *
make_photo (GRand *rand,
            guint  width,
            guint  height)
{
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 3);
  guint8 base[3] = { g_rand_int_range (rand, 120, 255), g_rand_int_range (rand, 60, 200), g_rand_int_range (rand, 20, 120) };

  /* A warm gradient with a round "grill" in the middle: a real image to open. */
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + ((gsize) y * width + x) * 3;
        double dx = (double) x - width / 2.0, dy = (double) y - height / 2.0;
        gboolean grill = sqrt (dx * dx + dy * dy) < MIN (width, height) / 3.0;

        p[0] = grill ? 40 : (guint8) (base[0] * (0.6 + 0.4 * x / width));
        p[1] = grill ? 40 + (y % 12 < 2 ? 120 : 0) : (guint8) (base[1] * (0.6 + 0.4 * y / height));
        p[2] = grill ? 45 : base[2];
      }

  return hibachi_png_encode_rgb (pixels, width, height);
}

gboolean
hibachi_server_seed_demo (HibachiServer  *self,
                          guint           n_bookings,
                          guint32         seed,
                          GError        **error)
{
  HibachiServerDb *db;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now_dt = NULL;
  g_autoptr(GHashTable) busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = NULL;
  g_autofree char *password_hash = NULL;
  char *station_ids[G_N_ELEMENTS (stations)];
  char *chef_ids[G_N_ELEMENTS (stations)][CHEFS_PER_STATION];
  guint chef_max_party[G_N_ELEMENTS (stations)][CHEFS_PER_STATION];
  HibachiPriceSheet sheet;
  GBytes *photos_png[N_SAMPLE_PHOTOS];
  HibachiServerGazetteer *gazetteer = hibachi_server_gazetteer_get_default ();
  GPtrArray *near_towns[G_N_ELEMENTS (stations)];
  GPtrArray *far_towns[G_N_ELEMENTS (stations)];
  GDate today;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HIBACHI_IS_SERVER (self), FALSE);

  db = hibachi_server_get_db (self);
  now = hibachi_server_now_iso (self);
  now_dt = g_date_time_new_from_unix_utc (hibachi_server_now (self));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now_dt), g_date_time_get_month (now_dt),
                  g_date_time_get_year (now_dt));
  hibachi_price_sheet_init_defaults (&sheet);
  memset (station_ids, 0, sizeof station_ids);
  memset (chef_ids, 0, sizeof chef_ids);
  for (guint i = 0; i < N_SAMPLE_PHOTOS; i++)
    photos_png[i] = make_photo (rand, 320, 240);
  /* Towns with two ZIP codes or more: real places, not a company's own ZIP. */
  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    {
      HibachiLatLng at = { stations[s].lat, stations[s].lng };

      near_towns[s] = hibachi_server_gazetteer_cities_around (gazetteer, at, 0, NEAR_MILES, 2);
      far_towns[s] = hibachi_server_gazetteer_cities_around (gazetteer, at, NEAR_MILES, FAR_MILES - 1, 2);
      g_assert (near_towns[s]->len > 0 && far_towns[s]->len > 0);
    }

  /* One slow hash for all demo accounts: they share the one demo password. */
  password_hash = hibachi_server_password_hash (HIBACHI_DEMO_PASSWORD);

  if (!hibachi_server_db_begin (db, error))
    return FALSE;

  stmt = hibachi_server_db_prepare (db,
                                    "INSERT INTO stations (id, code, name, display_name, address, city, state, postal_code, "
                                    "phone, email, timezone, lat, lng, service_radius_miles, escalation_radius_miles, "
                                    "is_active, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'CA', ?7, ?8, ?9, "
                                    "'America/Los_Angeles', ?10, ?11, 150, 150, 1, ?12, ?12)", error);
  if (stmt == NULL)
    goto out;
  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    {
      g_autofree char *display = g_strdup_printf ("My Hibachi - %s, CA", stations[s].name);
      g_autofree char *email = g_strdup_printf ("%s@myhibachi.test", stations[s].city);
      g_autofree char *lower = g_ascii_strdown (email, -1);

      station_ids[s] = g_uuid_string_random ();
      sqlite3_reset (stmt);
      bind_texts (stmt, station_ids[s], stations[s].code, stations[s].name, display, stations[s].address,
                  stations[s].city, stations[s].postal_code, stations[s].phone, lower, NULL);
      sqlite3_bind_double (stmt, 10, stations[s].lat);
      sqlite3_bind_double (stmt, 11, stations[s].lng);
      hibachi_server_db_bind_text (stmt, 12, now);
      if (!exec_stmt (db, stmt, error))
        goto out;
    }

  stmt = hibachi_server_db_prepare (db,
                                    "INSERT INTO chefs (id, station_id, name, email, phone, skill_level, max_party_size, "
                                    "rating, is_active, weekly_availability, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    goto out;
  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    for (guint c = 0; c < CHEFS_PER_STATION; c++)
      {
        g_autoptr(GString) weekly = g_string_new ("{");
        g_autofree char *given = NULL;
        g_autofree char *email = NULL;
        g_autofree char *phone = g_strdup_printf ("(510) 555-%04d", 2000 + s * 100 + c);
        g_auto(GStrv) parts = g_strsplit (chef_names[s][c], " ", 2);
        guint day_off = (c + s) % 7;
        guint skill = 1 + (c * 3 + s) % 5;

        given = g_ascii_strdown (parts[0], -1);
        email = g_strdup_printf ("%s.chef%u%u@myhibachi.test", given, s, c);
        for (guint d = 0; d < 7; d++)
          {
            g_string_append_printf (weekly, "%s\"%s\":[", d ? "," : "", hibachi_weekday_keys[d]);
            if (d != day_off)
              {
                gboolean first = TRUE;

                for (guint slot = 0; slot < HIBACHI_N_SLOTS; slot++)
                  {
                    /* Most chefs skip the late slot; a few skip lunch. */
                    if ((slot == 3 && c % 3 != 0) || (slot == 0 && c % 4 == 1))
                      continue;
                    g_string_append_printf (weekly, "%s\"%s\"", first ? "" : ",", hibachi_slot_to_string (slot));
                    first = FALSE;
                  }
              }
            g_string_append_c (weekly, ']');
          }
        g_string_append_c (weekly, '}');

        chef_ids[s][c] = g_uuid_string_random ();
        chef_max_party[s][c] = 20 + skill * 8;
        sqlite3_reset (stmt);
        bind_texts (stmt, chef_ids[s][c], station_ids[s], chef_names[s][c], email, phone, NULL);
        sqlite3_bind_int (stmt, 6, (int) skill);
        sqlite3_bind_int (stmt, 7, (int) chef_max_party[s][c]);
        sqlite3_bind_double (stmt, 8, round ((3.8 + g_rand_double (rand) * 1.2) * 10) / 10);
        sqlite3_bind_int (stmt, 9, c != CHEFS_PER_STATION - 1 || s != 2);   /* one inactive chef */
        hibachi_server_db_bind_text (stmt, 10, weekly->str);
        hibachi_server_db_bind_text (stmt, 11, now);
        if (!exec_stmt (db, stmt, error))
          goto out;
      }

  /* Time off: a week for two chefs per station, starting soon. */
  stmt = hibachi_server_db_prepare (db,
                                    "INSERT INTO chef_time_off (id, chef_id, start_date, end_date, reason, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto out;
  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *id = g_uuid_string_random ();
        GDate first = today, last;
        char from[16], to[16];

        g_date_add_days (&first, 3 + k * 10 + s);
        last = first;
        g_date_add_days (&last, 6);
        g_date_strftime (from, sizeof from, "%Y-%m-%d", &first);
        g_date_strftime (to, sizeof to, "%Y-%m-%d", &last);
        sqlite3_reset (stmt);
        bind_texts (stmt, id, chef_ids[s][k * 3 + 2], from, to, k ? "Family visit out of state" : "Annual vacation",
                    now, NULL);
        if (!exec_stmt (db, stmt, error))
          goto out;
      }

  /* One account per role. */
  {
    static const struct { const char *email; const char *name; const char *role; int station; int chef; } users[] = {
      { "owner@demo.test", "Olivia Owner", "super_admin", -1, -1 },
      { "office@demo.test", "Oscar Office", "admin", -1, -1 },
      { "support@demo.test", "Sue Support", "customer_support", -1, -1 },
      { "fremont.manager@demo.test", "Fran Fremont", "station_manager", 0, -1 },
      { "sacramento.manager@demo.test", "Sam Sacramento", "station_manager", 1, -1 },
      { "chef.kenji@demo.test", "Kenji Tanaka", "chef", 0, 0 },
    };
    sqlite3_stmt *link;

    stmt = hibachi_server_db_prepare (db,
                                      "INSERT INTO users (id, email, full_name, role, password_hash, chef_id, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
    link = hibachi_server_db_prepare (db, "INSERT INTO user_stations (user_id, station_id) VALUES (?, ?)", error);
    if (stmt == NULL || link == NULL)
      goto out;
    for (guint u = 0; u < G_N_ELEMENTS (users); u++)
      {
        g_autofree char *id = g_uuid_string_random ();

        sqlite3_reset (stmt);
        bind_texts (stmt, id, users[u].email, users[u].name, users[u].role, password_hash, NULL);
        hibachi_server_db_bind_text (stmt, 6, users[u].chef >= 0 ? chef_ids[users[u].station][users[u].chef] : NULL);
        hibachi_server_db_bind_text (stmt, 7, now);
        if (!exec_stmt (db, stmt, error))
          goto out;
        if (users[u].station >= 0)
          {
            sqlite3_reset (link);
            bind_texts (link, id, station_ids[users[u].station], NULL);
            if (!exec_stmt (db, link, error))
              goto out;
          }
      }
  }

  /* Bookings. */
  {
    sqlite3_stmt *review, *photo;
    guint n_reviews = 0;

    stmt = hibachi_server_db_prepare (db,
                                      "INSERT INTO bookings (id, reference, status, customer_name, customer_email, "
                                      "customer_phone, event_date, slot, adults, children, toddlers, venue_address, "
                                      "venue_lat, venue_lng, station_id, chef_id, requested_chef_id, special_requests, "
                                      "allergens, total_cents, deposit_cents, deposit_paid, cancel_reason, created_at, "
                                      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                      "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24)", error);
    review = hibachi_server_db_prepare (db,
                                        "INSERT INTO reviews (id, booking_id, station_id, chef_id, customer_name, rating, "
                                        "title, body, photos, status, featured, moderation_reason, event_date, created_at, "
                                        "updated_at, moderated_at, moderated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                        "?12, ?13, ?14, ?14, ?15, ?16)", error);
    photo = hibachi_server_db_prepare (db,
                                       "INSERT INTO review_photos (review_id, idx, content_type, data) VALUES (?, ?, 'image/png', ?)",
                                       error);
    if (stmt == NULL || review == NULL || photo == NULL)
      goto out;

    for (guint i = 0; i < n_bookings; i++)
      {
        guint s = (guint) g_rand_int_range (rand, 0, 100) < 55 ? 0 : (guint) g_rand_int_range (rand, 1, 3);
        const DemoStation *st = &stations[s];
        int offset = g_rand_int_range (rand, -DAYS_BACK, DAYS_AHEAD + 1);
        guint slot = (guint) g_rand_int_range (rand, 0, HIBACHI_N_SLOTS);
        guint adults = (guint) g_rand_int_range (rand, 8, 40);
        guint children = (guint) g_rand_int_range (rand, 0, 8);
        guint toddlers = (guint) g_rand_int_range (rand, 0, 3);
        /* The draws for the venue are of the same kinds and in the same
         * places as before venues had towns: the rest of the data (statuses,
         * chefs, reviews) stays what tests and people know. */
        GPtrArray *towns = g_rand_int_range (rand, 0, 100) < 85 ? near_towns[s] : far_towns[s];
        guint town_index = (guint) g_rand_double_range (rand, 0, towns->len);   /* < len */
        const char *town = towns->pdata[town_index];
        double spread = g_rand_double_range (rand, 0, VENUE_SPREAD_MILES);
        HibachiLatLng town_point = { 0, 0 };
        HibachiLatLng venue;
        double miles;
        const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
        const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
        g_autofree char *id = g_uuid_string_random ();
        g_autofree char *reference = g_strdup_printf ("MH-%06u", 100000 + i);
        g_autofree char *name = g_strdup_printf ("%s %s", first, last);
        g_autofree char *email = g_strdup_printf ("%s.%s%u@example.com", first, last, i % 997);
        g_autofree char *lower_email = g_ascii_strdown (email, -1);
        g_autofree char *phone = g_strdup_printf ("(%u) 555-%04u", s == 0 ? 510 : s == 1 ? 916 : 559, i % 10000);
        g_autofree char *address = g_strdup_printf ("%u %s, %s, CA", g_rand_int_range (rand, 100, 9999),
                                                    streets[g_rand_int_range (rand, 0, G_N_ELEMENTS (streets))], town);
        double bearing = g_rand_int_range (rand, 0, 360) * G_PI / 180;
        g_autofree char *created = NULL;
        GDate date = today;
        char date_text[16];
        const char *status;
        const char *chef = NULL;
        const char *cancel_reason = NULL;
        guint chef_index = (guint) g_rand_int_range (rand, 0, CHEFS_PER_STATION);
        HibachiQuoteRequest qr;
        HibachiQuote quote;
        guint roll = (guint) g_rand_int_range (rand, 0, 100);

        hibachi_server_gazetteer_find_city (gazetteer, town, &town_point);
        venue = offset_point (town_point, spread, bearing);
        miles = hibachi_geo_distance_miles ((HibachiLatLng) { st->lat, st->lng }, venue);

        if (offset >= 0)
          g_date_add_days (&date, (guint) offset);
        else
          g_date_subtract_days (&date, (guint) -offset);
        g_date_strftime (date_text, sizeof date_text, "%Y-%m-%d", &date);

        if (offset < 0)
          status = roll < 90 ? "completed" : "cancelled";
        else
          status = roll < 35 ? "pending" : roll < 95 ? "confirmed" : "cancelled";
        if (g_str_equal (status, "cancelled"))
          cancel_reason = "Customer changed plans and asked to cancel.";

        /* Past events had a chef; upcoming confirmed ones mostly do; the rest wait in the queue. */
        if (g_str_equal (status, "completed") || (g_str_equal (status, "confirmed") && roll % 10 < 7))
          {
            for (guint attempt = 0; attempt < CHEFS_PER_STATION && chef == NULL; attempt++)
              {
                guint c = (chef_index + attempt) % CHEFS_PER_STATION;
                g_autofree char *key = g_strdup_printf ("%s|%s|%u", chef_ids[s][c], date_text, slot);

                /* A few double bookings are left for the dispatcher to find. */
                if (!g_hash_table_contains (busy, key) || roll == 42)
                  {
                    g_hash_table_add (busy, g_steal_pointer (&key));
                    chef = chef_ids[s][c];
                    chef_index = c;
                  }
              }
          }

        hibachi_quote_request_init (&qr);
        qr.adults = adults;
        qr.children = children;
        qr.toddlers = toddlers;
        qr.distance_miles = miles;
        hibachi_quote_compute (&sheet, &qr, &quote, NULL, NULL);

        {
          GDate booked = date;
          char booked_text[16];

          g_date_subtract_days (&booked, (guint) g_rand_int_range (rand, 7, 60));
          /* Booked in the days before the seed, never at its second: a
           * booking made after it is the newest, not tied with hundreds in
           * an order of ids. No draw from rand here. */
          if (g_date_compare (&booked, &today) >= 0)
            {
              booked = today;
              g_date_subtract_days (&booked, 1 + g_date_get_julian (&date) % 5);
            }
          g_date_strftime (booked_text, sizeof booked_text, "%Y-%m-%d", &booked);
          created = g_strdup_printf ("%sT%02d:%02d:00Z", booked_text, g_rand_int_range (rand, 15, 24),
                                     g_rand_int_range (rand, 0, 60));
        }

        sqlite3_reset (stmt);
        bind_texts (stmt, id, reference, status, name, lower_email, phone, date_text, hibachi_slot_to_string (slot), NULL);
        sqlite3_bind_int (stmt, 9, (int) adults);
        sqlite3_bind_int (stmt, 10, (int) children);
        sqlite3_bind_int (stmt, 11, (int) toddlers);
        hibachi_server_db_bind_text (stmt, 12, address);
        sqlite3_bind_double (stmt, 13, venue.lat);
        sqlite3_bind_double (stmt, 14, venue.lng);
        hibachi_server_db_bind_text (stmt, 15, station_ids[s]);
        hibachi_server_db_bind_text (stmt, 16, chef);
        hibachi_server_db_bind_text (stmt, 17, roll % 9 == 0 ? chef_ids[s][roll % CHEFS_PER_STATION] : NULL);
        hibachi_server_db_bind_text (stmt, 18, roll % 5 == 0 ? "Birthday party, please bring a candle for the cake." : "");
        hibachi_server_db_bind_text (stmt, 19, roll % 7 == 0 ? "[\"shellfish\"]" : roll % 11 == 0 ? "[\"peanuts\",\"gluten\"]" : "[]");
        sqlite3_bind_int64 (stmt, 20, quote.total_cents);
        sqlite3_bind_int64 (stmt, 21, quote.deposit_cents);
        sqlite3_bind_int (stmt, 22, !g_str_equal (status, "pending"));
        hibachi_server_db_bind_text (stmt, 23, cancel_reason);
        hibachi_server_db_bind_text (stmt, 24, created);
        if (!exec_stmt (db, stmt, error))
          goto out;

        /* Reviews for four in ten completed events. */
        if (g_str_equal (status, "completed") && g_rand_int_range (rand, 0, 10) < 4)
          {
            g_autofree char *review_id = g_uuid_string_random ();
            guint r = (guint) g_rand_int_range (rand, 0, 100);
            int rating = r < 50 ? 5 : r < 82 ? 4 : r < 92 ? 3 : r < 97 ? 2 : 1;
            guint state = (guint) g_rand_int_range (rand, 0, 100);
            const char *review_status = state < 20 ? "pending" : state < 25 ? "flagged" : state < 30 ? "rejected" : "approved";
            guint n_photos = g_rand_int_range (rand, 0, 10) < 2 ? (guint) g_rand_int_range (rand, 1, 4) : 0;
            g_autoptr(GString) photos = g_string_new ("[");
            g_autofree char *written = g_strdup_printf ("%sT23:30:00Z", date_text);

            for (guint p = 0; p < n_photos; p++)
              g_string_append_printf (photos, "%s{\"index\":%u,\"width\":320,\"height\":240}", p ? "," : "", p);
            g_string_append_c (photos, ']');

            sqlite3_reset (review);
            bind_texts (review, review_id, id, station_ids[s], chef, name,
                        NULL);
            sqlite3_bind_int (review, 6, rating);
            hibachi_server_db_bind_text (review, 7, review_titles[rating - 1][g_rand_int_range (rand, 0, 3)]);
            hibachi_server_db_bind_text (review, 8, review_bodies[rating - 1]);
            hibachi_server_db_bind_text (review, 9, photos->str);
            hibachi_server_db_bind_text (review, 10, review_status);
            sqlite3_bind_int (review, 11, rating == 5 && n_reviews % 9 == 0 && g_str_equal (review_status, "approved"));
            hibachi_server_db_bind_text (review, 12, g_str_equal (review_status, "rejected") ? "Contains a phone number of the chef."
                                                    : g_str_equal (review_status, "flagged") ? "Mentions a refund; check with the office." : NULL);
            hibachi_server_db_bind_text (review, 13, date_text);
            hibachi_server_db_bind_text (review, 14, written);
            hibachi_server_db_bind_text (review, 15, g_str_equal (review_status, "pending") ? NULL : written);
            hibachi_server_db_bind_text (review, 16, g_str_equal (review_status, "pending") ? NULL : "office@demo.test");
            if (!exec_stmt (db, review, error))
              goto out;
            n_reviews++;

            for (guint p = 0; p < n_photos; p++)
              {
                GBytes *png = photos_png[g_rand_int_range (rand, 0, N_SAMPLE_PHOTOS)];

                sqlite3_reset (photo);
                hibachi_server_db_bind_text (photo, 1, review_id);
                sqlite3_bind_int (photo, 2, (int) p);
                sqlite3_bind_blob (photo, 3, g_bytes_get_data (png, NULL), (int) g_bytes_get_size (png), SQLITE_TRANSIENT);
                if (!exec_stmt (db, photo, error))
                  goto out;
              }
          }
      }
  }

  ok = hibachi_server_db_commit (db, error);

out:
  if (!ok)
    hibachi_server_db_rollback (db);
  for (guint i = 0; i < N_SAMPLE_PHOTOS; i++)
    g_bytes_unref (photos_png[i]);
  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    {
      g_ptr_array_unref (near_towns[s]);
      g_ptr_array_unref (far_towns[s]);
      g_free (station_ids[s]);
      for (guint c = 0; c < CHEFS_PER_STATION; c++)
        g_free (chef_ids[s][c]);
    }

  return ok;
}
