/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-bookings"

#include "config.h"

#include <string.h>

#include "hibachi-server-private.h"

#define TEXT_NOTES_MAX 2000
#define ALLERGENS_MAX 20

static const HibachiFieldSpec booking_fields[] = {
  { "customer_name", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 100, NULL },
  { "customer_email", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, HIBACHI_EMAIL_MAX_CHARS, hibachi_field_check_email },
  { "customer_phone", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 30, hibachi_field_check_phone },
  { "event_date", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 10, hibachi_field_check_date },
  { "slot", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 5, hibachi_field_check_slot },
  { "adults", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED, HIBACHI_ADULTS_MIN, HIBACHI_GUESTS_MAX, NULL },
  { "children", HIBACHI_FIELD_INT, 0, 0, HIBACHI_GUESTS_MAX, NULL },
  { "toddlers", HIBACHI_FIELD_INT, 0, 0, HIBACHI_GUESTS_MAX, NULL },
  { "venue_address", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED, 0, 300, NULL },
  { "venue_lat", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, -90, 90, NULL },
  { "venue_lng", HIBACHI_FIELD_REAL, HIBACHI_FIELD_REQUIRED, -180, 180, NULL },
  { "station_id", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_REQUIRED | HIBACHI_FIELD_READONLY, 0, 36, NULL },
  { "requested_chef_id", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_NULLABLE, 0, 36, NULL },
  { "special_requests", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_OPTIONAL_TEXT, 0, TEXT_NOTES_MAX, NULL },
  { "allergens", HIBACHI_FIELD_STRING_ARRAY, 0, 0, ALLERGENS_MAX, NULL },
  { "internal_notes", HIBACHI_FIELD_TEXT, HIBACHI_FIELD_OPTIONAL_TEXT, 0, TEXT_NOTES_MAX, NULL },
  { "deposit_paid", HIBACHI_FIELD_BOOL, 0, 0, 0, NULL },
  { NULL }
};

static void complete_booking (HibachiServerRequest *req,
                              JsonObject           *row,
                              JsonObject           *changes,
                              JsonObject           *field_errors);

const HibachiEntity hibachi_booking_entity = {
  .table = "bookings",
  .resource_type = "booking",
  .select_by_id = "SELECT " HIBACHI_BOOKING_COLUMNS " FROM bookings WHERE id = ? AND deleted_at IS NULL",
  .fields = booking_fields,
  .station_member = "station_id",
  .chef_member = "chef_id",
  .write_capability = HIBACHI_CAPABILITY_EDIT_BOOKINGS,
  .complete = complete_booking,
};

/* Quote and checks */

/* Sets total_cents and deposit_cents in @changes from the station's prices. */
static void
price_booking (HibachiServerRequest *req,
               JsonObject           *row,
               JsonObject           *changes,
               JsonObject           *field_errors)
{
  g_autoptr(JsonObject) station = hibachi_load_station (req, hibachi_json_get_string (row, "station_id"));
  g_autoptr(GError) error = NULL;
  HibachiPriceSheet sheet;
  HibachiQuoteRequest request;
  HibachiQuote quote;
  HibachiLatLng venue = { hibachi_json_get_double (row, "venue_lat"), hibachi_json_get_double (row, "venue_lng") };
  HibachiLatLng origin;
  const char *field = NULL;

  if (station == NULL)
    {
      hibachi_field_errors_add (field_errors, "station_id", "No such station.");
      return;
    }
  origin.lat = hibachi_json_get_double (station, "lat");
  origin.lng = hibachi_json_get_double (station, "lng");

  if (!hibachi_server_load_price_sheet (req->server, hibachi_json_get_string (row, "station_id"), &sheet, &error))
    {
      hibachi_field_errors_add (field_errors, "station_id", error->message);
      return;
    }

  hibachi_quote_request_init (&request);
  request.adults = (guint) hibachi_json_get_int (row, "adults");
  request.children = (guint) hibachi_json_get_int (row, "children");
  request.toddlers = (guint) hibachi_json_get_int (row, "toddlers");
  request.distance_miles = MIN (hibachi_geo_distance_miles (origin, venue), HIBACHI_QUOTE_MAX_DISTANCE_MILES);
  if (!hibachi_quote_compute (&sheet, &request, &quote, &field, &error))
    {
      hibachi_field_errors_add (field_errors, field ? field : "adults", error->message);
      return;
    }

  json_object_set_int_member (changes, "total_cents", quote.total_cents);
  json_object_set_int_member (changes, "deposit_cents", quote.deposit_cents);
}

static void
complete_booking (HibachiServerRequest *req,
                  JsonObject           *row,
                  JsonObject           *changes,
                  JsonObject           *field_errors)
{
  g_autofree char *message = NULL;
  const char *requested = hibachi_json_get_string (row, "requested_chef_id");
  const char *pricing_members[] = { "adults", "children", "toddlers", "venue_lat", "venue_lng", "station_id" };
  gboolean reprice = FALSE;

  if (!hibachi_validate_party (hibachi_json_get_int (row, "adults"), hibachi_json_get_int (row, "children"),
                               hibachi_json_get_int (row, "toddlers"), &message))
    hibachi_field_errors_add (field_errors, "adults", message);
  g_clear_pointer (&message, g_free);

  /* Only a date being set is bounded: old bookings keep theirs. */
  if (json_object_has_member (changes, "event_date"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (hibachi_server_now (req->server));
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
      if (!hibachi_validate_event_date (hibachi_json_get_string (row, "event_date"), &today, NULL, &message))
        hibachi_field_errors_add (field_errors, "event_date", message);
    }

  if (requested != NULL && json_object_has_member (changes, "requested_chef_id"))
    {
      g_autoptr(JsonObject) chef = hibachi_load_chef (req, requested);

      if (chef == NULL || g_strcmp0 (hibachi_json_get_string (chef, "station_id"),
                                     hibachi_json_get_string (row, "station_id")) != 0)
        hibachi_field_errors_add (field_errors, "requested_chef_id", "No chef of this station has this id.");
    }

  for (guint i = 0; i < G_N_ELEMENTS (pricing_members); i++)
    reprice |= json_object_has_member (changes, pricing_members[i]);

  if (reprice && json_object_get_size (field_errors) == 0)
    price_booking (req, row, changes, field_errors);
}

/* Handlers */

/* Every order ends in id, so rows have one total order and a row value of
 * the key columns names a position in it. */
typedef struct
{
  const char *key;
  const char *order;
  const char *columns;
  gboolean    descending;
} Sort;

static const Sort sorts[] = {
  { "event_date", "event_date, slot, id", "event_date, slot, id", FALSE },
  { "-event_date", "event_date DESC, slot DESC, id DESC", "event_date, slot, id", TRUE },
  { "created_at", "created_at, id", "created_at, id", FALSE },
  { "-created_at", "created_at DESC, id DESC", "created_at, id", TRUE },
  { "guests", "guests, id", "guests, id", FALSE },
  { "-guests", "guests DESC, id DESC", "guests, id", TRUE },
  { "total", "total_cents, id", "total_cents, id", FALSE },
  { "-total", "total_cents DESC, id DESC", "total_cents, id", TRUE },
  { "customer_name", "customer_name, id", "customer_name, id", FALSE },
  { "-customer_name", "customer_name DESC, id DESC", "customer_name, id", TRUE },
};

/* Deep pages: the key of every ANCHOR_STEP-th row of a query, so page N
 * seeks past the nearest anchor instead of stepping over N × limit rows. */
#define ANCHOR_STEP 1000

typedef struct
{
  int        n_columns;
  GPtrArray *rows;      /* sqlite3_value *[n_columns] of row (i + 1) × ANCHOR_STEP − 1 */
} Anchors;

static void
anchors_clear (gpointer data)
{
  Anchors *anchors = data;

  for (guint i = 0; i < anchors->rows->len; i++)
    {
      sqlite3_value **values = g_ptr_array_index (anchors->rows, i);

      for (int c = 0; c < anchors->n_columns; c++)
        sqlite3_value_free (values[c]);
      g_free (values);
    }
  g_ptr_array_unref (anchors->rows);
}

static Anchors *
load_anchors (HibachiServerRequest *req,
              const char           *cache_key,
              const char           *where,
              GPtrArray            *params,
              const Sort           *sort)
{
  Anchors *anchors = hibachi_server_cache_lookup (req->server, cache_key);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = 0;

  if (anchors != NULL)
    return anchors;

  sql = g_strdup_printf ("SELECT %s FROM bookings WHERE %s ORDER BY %s", sort->columns, where, sort->order);
  stmt = hibachi_server_db_prepare_dynamic (req->db, sql, NULL);
  for (guint i = 0; i < params->len; i++)
    hibachi_server_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i));

  anchors = g_atomic_rc_box_new0 (Anchors);
  anchors->n_columns = sqlite3_column_count (stmt);
  anchors->rows = g_ptr_array_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++position % ANCHOR_STEP == 0)
        {
          sqlite3_value **values = g_new (sqlite3_value *, anchors->n_columns);

          for (int c = 0; c < anchors->n_columns; c++)
            values[c] = sqlite3_value_dup (sqlite3_column_value (stmt, c));
          g_ptr_array_add (anchors->rows, values);
        }
    }
  sqlite3_reset (stmt);

  /* A search stopped by its time budget leaves anchors short: not kept. */
  if (!hibachi_server_db_over_budget (req->db))
    hibachi_server_cache_store (req->server, cache_key, g_atomic_rc_box_acquire (anchors), anchors_clear);

  return anchors;
}

/* The search ran out of its time budget: 422 on the search field. */
static gboolean
search_too_broad (HibachiServerRequest *req)
{
  if (!hibachi_server_db_over_budget (req->db))
    return FALSE;

  hibachi_server_db_end_budget (req->db);
  hibachi_reply_field_error (req, "q", "Search too broad: this search takes too long to answer. "
                             "Type more of a name, email, phone number or reference.");
  return TRUE;
}

static void
list_cb (HibachiServerRequest *req)
{
  const HibachiServerPrincipal *p = req->principal;
  g_autoptr(GString) where = g_string_new ("deleted_at IS NULL");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) count_key = g_string_new (NULL);
  const char *sort_key = hibachi_request_query (req, "sort");
  const Sort *sort = NULL;
  Anchors *anchors = NULL;
  sqlite3_value **anchor = NULL;
  int anchor_columns = 0;
  gint64 offset;
  gint64 *cached_total;
  const char *value;
  const char *date_from, *date_to;
  gint64 page, limit, total;
  GString *data;
  sqlite3_stmt *stmt;

  if (!hibachi_request_query_int (req, "page", 1, 1, G_MAXINT32, &page) ||
      !hibachi_request_query_int (req, "limit", HIBACHI_PAGE_LIMIT_DEFAULT, 1, HIBACHI_PAGE_LIMIT_MAX, &limit) ||
      !hibachi_request_query_date (req, "date_from", &date_from) ||
      !hibachi_request_query_date (req, "date_to", &date_to))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_strcmp0 (sort_key ? sort_key : "event_date", sorts[i].key) == 0)
      sort = &sorts[i];
  if (sort == NULL)
    {
      hibachi_reply_field_error (req, "sort", "Unknown sort key.");
      return;
    }

  if ((value = hibachi_request_query (req, "q")) != NULL)
    {
      /* A rare short substring scans every row: one search must not hold
       * a worker for seconds. */
      hibachi_server_db_begin_budget (req->db, hibachi_server_get_search_budget_ms (req->server));
      g_autofree char *lower = g_utf8_strdown (value, -1);
      GString *pattern = g_string_new (NULL);

      if (g_utf8_strlen (lower, -1) >= 3)
        {
          /* A quoted phrase of the trigram index matches the substring; the
           * index alone answers, without reading the rows. */
          g_string_append_c (pattern, '"');
          for (const char *c = lower; *c != '\0'; c++)
            {
              if (*c == '"')
                g_string_append_c (pattern, '"');
              g_string_append_c (pattern, *c);
            }
          g_string_append_c (pattern, '"');
          g_string_append (where, " AND rowid IN (SELECT rowid FROM bookings_search WHERE bookings_search MATCH ?)");
        }
      else
        {
          /* Shorter than a trigram: a scan, LIKE's wildcards matched literally. */
          g_string_append_c (pattern, '%');
          for (const char *c = lower; *c != '\0'; c++)
            {
              if (*c == '%' || *c == '_' || *c == '\\')
                g_string_append_c (pattern, '\\');
              g_string_append_c (pattern, *c);
            }
          g_string_append_c (pattern, '%');
          g_string_append (where, " AND search_text LIKE ? ESCAPE '\\'");
        }
      g_ptr_array_add (params, g_string_free (pattern, FALSE));
    }

  if ((value = hibachi_request_query (req, "status")) != NULL)
    {
      g_auto(GStrv) statuses = g_strsplit (value, ",", 8);
      const char *known[] = { "pending", "confirmed", "completed", "cancelled" };

      /* "+status": status has four values, so walking the sort's index and
       * skipping other statuses beats sorting every row of one status. */
      g_string_append (where, " AND +status IN (");
      for (guint i = 0; statuses[i] != NULL; i++)
        {
          gboolean ok = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (known); k++)
            ok |= g_strcmp0 (statuses[i], known[k]) == 0;
          if (!ok)
            {
              hibachi_reply_field_error (req, "status", "Use pending, confirmed, completed or cancelled.");
              return;
            }
          g_string_append (where, i == 0 ? "?" : ", ?");
          g_ptr_array_add (params, g_strdup (statuses[i]));
        }
      g_string_append (where, ")");
    }

  if ((value = hibachi_request_query (req, "station_id")) != NULL)
    {
      if (p->role != HIBACHI_ROLE_CHEF && !hibachi_server_principal_has_station (p, value))
        {
          hibachi_reply_forbidden (req);
          return;
        }
      g_string_append (where, " AND station_id = ?");
      g_ptr_array_add (params, g_strdup (value));
    }

  if ((value = hibachi_request_query (req, "chef_id")) != NULL)
    {
      g_string_append (where, " AND chef_id = ?");
      g_ptr_array_add (params, g_strdup (value));
    }
  if (g_strcmp0 (hibachi_request_query (req, "unassigned"), "true") == 0)
    g_string_append (where, " AND chef_id IS NULL");
  if (date_from != NULL)
    {
      g_string_append (where, " AND event_date >= ?");
      g_ptr_array_add (params, g_strdup (date_from));
    }
  if (date_to != NULL)
    {
      g_string_append (where, " AND event_date <= ?");
      g_ptr_array_add (params, g_strdup (date_to));
    }

  /* Scope by role: managers see their stations, chefs their own events. */
  if (p->role == HIBACHI_ROLE_CHEF)
    {
      g_string_append (where, " AND chef_id = ?");
      g_ptr_array_add (params, g_strdup (p->chef_id ? p->chef_id : ""));
    }
  else if (!hibachi_server_principal_is_global (p))
    {
      g_string_append (where, " AND station_id IN (SELECT value FROM json_each(?))");
      {
        g_autoptr(JsonNode) ids = json_node_new (JSON_NODE_ARRAY);
        JsonArray *array = json_array_new ();

        for (guint i = 0; p->station_ids[i] != NULL; i++)
          json_array_add_string_element (array, p->station_ids[i]);
        json_node_take_array (ids, array);
        g_ptr_array_add (params, json_to_string (ids, FALSE));
      }
    }

  g_string_append_printf (count_key, "bookings|%s", where->str);
  for (guint i = 0; i < params->len; i++)
    g_string_append_printf (count_key, "|%s", (const char *) g_ptr_array_index (params, i));

  /* An exact COUNT(*) per request dominated list time: counts are cached
   * until the next write. */
  cached_total = hibachi_server_cache_lookup (req->server, count_key->str);
  if (cached_total != NULL)
    {
      total = *cached_total;
      g_atomic_rc_box_release (cached_total);
    }
  else
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM bookings WHERE %s", where->str);

      stmt = hibachi_server_db_prepare_dynamic (req->db, count_sql, NULL);
      for (guint i = 0; i < params->len; i++)
        hibachi_server_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i));
      total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (search_too_broad (req))
        return;
      hibachi_server_cache_store (req->server, count_key->str, g_atomic_rc_box_dup (sizeof total, &total), NULL);
    }

  offset = (page - 1) * limit;
  if (offset >= ANCHOR_STEP && offset < total)
    {
      g_autofree char *anchor_key = g_strdup_printf ("%s|anchors|%s", count_key->str, sort->key);
      guint a;

      anchors = load_anchors (req, anchor_key, where->str, params, sort);
      a = MIN ((guint) (offset / ANCHOR_STEP), anchors->rows->len);

      if (a > 0)
        {
          anchor = g_ptr_array_index (anchors->rows, a - 1);
          anchor_columns = anchors->n_columns;
          offset -= (gint64) a * ANCHOR_STEP;
          g_string_append_printf (where, " AND (%s) %s (", sort->columns, sort->descending ? "<" : ">");
          for (int c = 0; c < anchor_columns; c++)
            g_string_append (where, c ? ", ?" : "?");
          g_string_append_c (where, ')');
        }
    }

  g_string_append_printf (sql, "SELECT " HIBACHI_BOOKING_COLUMNS " FROM bookings WHERE %s ORDER BY %s LIMIT ? OFFSET ?",
                          where->str, sort->order);
  stmt = hibachi_server_db_prepare_dynamic (req->db, sql->str, NULL);
  for (guint i = 0; i < params->len; i++)
    hibachi_server_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i));
  for (int c = 0; c < anchor_columns; c++)
    sqlite3_bind_value (stmt, (int) params->len + 1 + c, anchor[c]);
  sqlite3_bind_int64 (stmt, (int) params->len + anchor_columns + 1, limit);
  sqlite3_bind_int64 (stmt, (int) params->len + anchor_columns + 2, offset);

  data = g_string_sized_new (1024 * limit);
  hibachi_server_db_append_rows_json (data, stmt);
  if (anchors != NULL)
    g_atomic_rc_box_release_full (anchors, anchors_clear);

  if (search_too_broad (req))
    {
      g_string_free (data, TRUE);
      return;
    }
  hibachi_server_db_end_budget (req->db);
  hibachi_reply_page_json (req, data, total, page, limit);
}

static char *
new_reference (void)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char code[9];

  for (guint i = 0; i < 8; i++)
    code[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  code[8] = '\0';

  return g_strconcat ("MH-", code, NULL);
}

static void
create_cb (HibachiServerRequest *req)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *reference = new_reference ();
  g_autofree char *now = hibachi_server_now_iso (req->server);
  const char *station_id;

  if (body == NULL)
    return;

  hibachi_fields_collect (booking_fields, body, TRUE, values, field_errors);
  station_id = hibachi_json_get_string (values, "station_id");
  if (station_id != NULL && !hibachi_server_principal_has_station (req->principal, station_id))
    {
      hibachi_reply_forbidden (req);
      return;
    }
  if (json_object_get_size (field_errors) == 0)
    {
      if (g_strcmp0 (hibachi_json_get_string (values, "event_date"), now) < 0 &&
          strncmp (hibachi_json_get_string (values, "event_date"), now, 10) < 0)
        hibachi_field_errors_add (field_errors, "event_date", "The event date has passed.");
      if (!json_object_has_member (values, "children"))
        json_object_set_int_member (values, "children", 0);
      if (!json_object_has_member (values, "toddlers"))
        json_object_set_int_member (values, "toddlers", 0);
      complete_booking (req, values, values, field_errors);
    }
  if (json_object_get_size (field_errors) > 0)
    {
      hibachi_reply_field_errors (req, g_steal_pointer (&field_errors));
      return;
    }

  json_object_set_string_member (values, "id", id);
  json_object_set_string_member (values, "reference", reference);
  json_object_set_string_member (values, "status", "pending");
  json_object_set_string_member (values, "created_at", now);
  json_object_set_string_member (values, "updated_at", now);

  if (!hibachi_request_begin (req))
    return;
  if (!hibachi_db_insert_row (req, "bookings", values, &error))
    {
      hibachi_reply_internal (req, error);
      return;
    }
  created = hibachi_db_get_row (req, hibachi_booking_entity.select_by_id, id);
  if (!hibachi_request_record (req, "create", "booking", id, station_id, NULL, NULL, created, 1) ||
      !hibachi_request_commit (req))
    return;

  hibachi_reply_resource (req, 201, g_steal_pointer (&created));
}

/* Loads the booking for a state change the caller's role may make. */
JsonObject *
hibachi_booking_load_for_action (HibachiServerRequest *req,
                 HibachiCapability     capability)
{
  g_autoptr(JsonObject) row = hibachi_entity_load (req, &hibachi_booking_entity, req->params[0]);
  HibachiEntity entity = hibachi_booking_entity;

  if (row == NULL)
    return NULL;

  /* The action's capability, with the entity's station rule. */
  entity.write_capability = capability;
  if (!hibachi_entity_can_write (req, &entity, row))
    {
      hibachi_reply_forbidden (req);
      return NULL;
    }

  return g_steal_pointer (&row);
}

/* The trimmed, valid reason of the body, or NULL after replying 422. */
char *
hibachi_request_body_reason (HibachiServerRequest *req,
             const char           *member,
             gboolean              required)
{
  JsonObject *body = hibachi_request_body_object (req);
  g_autofree char *message = NULL;
  const char *reason;

  if (body == NULL)
    return NULL;

  reason = hibachi_json_get_string (body, member);
  if (reason == NULL && !required)
    return g_strdup ("");
  if (!hibachi_validate_reason (reason, &message))
    {
      hibachi_reply_field_error (req, member, message);
      return NULL;
    }

  return g_strstrip (g_strdup (reason));
}

void
hibachi_reply_booking_state (HibachiServerRequest *req,
                      JsonObject           *row,
                      const char           *message)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, "status", hibachi_json_get_string (row, "status"));
  hibachi_reply_error (req, 409, "CONFLICT", message, details);
}

static void
confirm_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_booking_load_for_action (req, HIBACHI_CAPABILITY_EDIT_BOOKINGS);
  g_autoptr(JsonObject) changes = json_object_new ();

  if (row == NULL)
    return;
  if (g_strcmp0 (hibachi_json_get_string (row, "status"), "pending") != 0)
    {
      hibachi_reply_booking_state (req, row, "Only pending bookings can be confirmed.");
      return;
    }

  json_object_set_string_member (changes, "status", "confirmed");
  hibachi_entity_write (req, &hibachi_booking_entity, row, changes, "confirm", NULL);
}

static void
cancel_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_booking_load_for_action (req, HIBACHI_CAPABILITY_EDIT_BOOKINGS);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *reason = NULL;
  const char *status;

  if (row == NULL || (reason = hibachi_request_body_reason (req, "reason", TRUE)) == NULL)
    return;

  status = hibachi_json_get_string (row, "status");
  if (g_strcmp0 (status, "pending") != 0 && g_strcmp0 (status, "confirmed") != 0)
    {
      hibachi_reply_booking_state (req, row, "Only pending or confirmed bookings can be cancelled.");
      return;
    }

  json_object_set_string_member (changes, "status", "cancelled");
  json_object_set_string_member (changes, "cancel_reason", reason);
  hibachi_entity_write (req, &hibachi_booking_entity, row, changes, "cancel", reason);
}

static void
delete_cb (HibachiServerRequest *req)
{
  g_autoptr(JsonObject) row = hibachi_booking_load_for_action (req, HIBACHI_CAPABILITY_DELETE_BOOKINGS);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *reason = NULL;
  g_autofree char *now = hibachi_server_now_iso (req->server);

  if (row == NULL || (reason = hibachi_request_body_reason (req, "reason", TRUE)) == NULL)
    return;

  json_object_set_string_member (changes, "deleted_at", now);
  json_object_set_string_member (changes, "delete_reason", reason);

  /* The row disappears from reads, so the reply is the row as it was. */
  {
    g_autoptr(GError) error = NULL;
    JsonObject *reply;
    gint64 expected;

    if (!hibachi_request_if_match (req, &expected))
      return;
    if (expected != hibachi_json_get_int (row, "version"))
      {
        hibachi_reply_stale (req, row);
        return;
      }
    if (!hibachi_request_begin (req))
      return;
    if (!hibachi_db_update_row (req, "bookings", req->params[0], hibachi_json_get_int (row, "version"),
                                changes, &error))
      {
        if (error != NULL)
          hibachi_reply_internal (req, error);
        else
          hibachi_reply_stale (req, row);
        return;
      }
    if (!hibachi_request_record (req, "delete", "booking", req->params[0], hibachi_json_get_string (row, "station_id"),
                                 reason, row, NULL, hibachi_json_get_int (row, "version") + 1) ||
        !hibachi_request_commit (req))
      return;

    reply = json_object_new ();
    json_object_set_boolean_member (reply, "success", TRUE);
    json_object_set_string_member (reply, "id", req->params[0]);
    hibachi_reply_object (req, 200, reply);
  }
}

/* The status a booking had before its last cancel; pending when no cancel
 * is on record (a booking imported or seeded as cancelled). */
static char *
status_before_cancel (HibachiServerRequest *req)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (req->db,
                                                  "SELECT changes FROM audit_log WHERE resource_type = 'booking' "
                                                  "AND resource_id = ? AND action = 'cancel' ORDER BY seq DESC LIMIT 1",
                                                  NULL);
  g_autoptr(JsonNode) changes = NULL;
  const char *text = NULL;
  JsonObject *status = NULL;

  hibachi_server_db_bind_text (stmt, 1, req->params[0]);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = (const char *) sqlite3_column_text (stmt, 0);
  changes = text ? json_from_string (text, NULL) : NULL;
  sqlite3_reset (stmt);

  if (changes != NULL && JSON_NODE_HOLDS_OBJECT (changes) &&
      json_object_has_member (json_node_get_object (changes), "status") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (changes), "status")))
    status = json_object_get_object_member (json_node_get_object (changes), "status");

  if (status != NULL && (g_strcmp0 (hibachi_json_get_string (status, "old"), "pending") == 0 ||
                         g_strcmp0 (hibachi_json_get_string (status, "old"), "confirmed") == 0))
    return g_strdup (hibachi_json_get_string (status, "old"));

  return g_strdup ("pending");
}

/* Undo of delete and cancel: a deleted booking comes back as it was, a
 * cancelled one to its status before the cancel. */
static void
restore_cb (HibachiServerRequest *req)
{
  HibachiEntity restorable = hibachi_booking_entity;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *reason = NULL;
  g_autofree char *status = NULL;
  gboolean deleted;

  restorable.select_by_id = "SELECT " HIBACHI_BOOKING_COLUMNS ", deleted_at FROM bookings WHERE id = ?";
  row = hibachi_entity_load (req, &restorable, req->params[0]);
  if (row == NULL)
    return;

  /* Restoring needs what the undone action needed. */
  deleted = hibachi_json_get_string (row, "deleted_at") != NULL;
  restorable.write_capability = deleted ? HIBACHI_CAPABILITY_DELETE_BOOKINGS : HIBACHI_CAPABILITY_EDIT_BOOKINGS;
  if (!hibachi_entity_can_write (req, &restorable, row))
    {
      hibachi_reply_forbidden (req);
      return;
    }

  reason = soup_server_message_get_request_body (req->msg)->length > 0 ? hibachi_request_body_reason (req, "reason", FALSE)
                                                                        : g_strdup ("");
  if (reason == NULL)
    return;

  if (deleted)
    {
      json_object_set_null_member (changes, "deleted_at");
      json_object_set_null_member (changes, "delete_reason");
    }
  else if (g_strcmp0 (hibachi_json_get_string (row, "status"), "cancelled") == 0)
    {
      status = status_before_cancel (req);
      json_object_set_string_member (changes, "status", status);
      json_object_set_null_member (changes, "cancel_reason");
    }
  else
    {
      hibachi_reply_booking_state (req, row, "Only cancelled or deleted bookings can be restored.");
      return;
    }

  /* Audit before/after compare the booking as clients see it. */
  json_object_remove_member (row, "deleted_at");
  hibachi_entity_write (req, &hibachi_booking_entity, row, changes, "restore", *reason != '\0' ? reason : NULL);
}

const HibachiServerRoute hibachi_server_booking_routes[] = {
  { "GET", "/api/v1/bookings", list_cb, HIBACHI_CAPABILITY_VIEW_BOOKINGS },
  { "POST", "/api/v1/bookings", create_cb, HIBACHI_CAPABILITY_CREATE_BOOKINGS },
  { "GET", "/api/v1/bookings/{id}", hibachi_entity_get_cb, HIBACHI_CAPABILITY_VIEW_BOOKINGS, &hibachi_booking_entity },
  { "PATCH", "/api/v1/bookings/{id}", hibachi_entity_patch_cb, HIBACHI_CAPABILITY_EDIT_BOOKINGS, &hibachi_booking_entity },
  { "DELETE", "/api/v1/bookings/{id}", delete_cb, HIBACHI_CAPABILITY_DELETE_BOOKINGS },
  { "POST", "/api/v1/bookings/{id}/confirm", confirm_cb, HIBACHI_CAPABILITY_EDIT_BOOKINGS },
  { "POST", "/api/v1/bookings/{id}/cancel", cancel_cb, HIBACHI_CAPABILITY_EDIT_BOOKINGS },
  { "POST", "/api/v1/bookings/{id}/restore", restore_cb, HIBACHI_CAPABILITY_EDIT_BOOKINGS },
  { NULL }
};
