/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The entities of the Admin API: good payloads become objects whose
 * properties say what the server sent; a bad member anywhere is a PARSE
 * error, never a crash; new data notifies exactly what changed. */
#include "config.h"

#include <string.h>

#include "hibachi-api-error.h"
#include "hibachi-audit-entry.h"
#include "hibachi-booking.h"
#include "hibachi-chef.h"
#include "hibachi-price-entry.h"
#include "hibachi-review.h"
#include "hibachi-station.h"

#define BOOKING_JSON \
  "{\"id\":\"b1\",\"reference\":\"MH-100001\",\"status\":\"pending\",\"customer_name\":\"Ana Ruiz\"," \
  "\"customer_email\":\"ana@example.com\",\"customer_phone\":\"+1 510 555 0101\",\"event_date\":\"2026-12-24\"," \
  "\"slot\":\"18:00\",\"adults\":10,\"children\":2,\"toddlers\":1,\"guests\":13,\"venue_address\":\"1 Main St\"," \
  "\"venue_lat\":37.5,\"venue_lng\":-121,\"station_id\":\"s1\",\"chef_id\":null,\"requested_chef_id\":null," \
  "\"special_requests\":\"\",\"allergens\":[\"shellfish\"],\"internal_notes\":\"\",\"total_cents\":61000," \
  "\"deposit_cents\":10000,\"deposit_paid\":false,\"cancel_reason\":null,\"created_at\":\"2026-11-01T10:00:00Z\"," \
  "\"updated_at\":\"2026-11-01T10:00:00Z\",\"version\":3}"

#define CHEF_JSON \
  "{\"id\":\"c1\",\"station_id\":\"s1\",\"name\":\"Kenji Sato\",\"email\":\"kenji@example.com\"," \
  "\"phone\":\"+1 510 555 0102\",\"skill_level\":4,\"max_party_size\":40,\"rating\":4.8,\"is_active\":true," \
  "\"weekly_availability\":{},\"time_off\":[],\"created_at\":\"2026-01-01T00:00:00Z\"," \
  "\"updated_at\":\"2026-01-01T00:00:00Z\",\"version\":1}"

#define STATION_JSON \
  "{\"id\":\"s1\",\"code\":\"CA-FREMONT-001\",\"name\":\"Fremont\",\"display_name\":\"Fremont\"," \
  "\"address\":\"47481 Towhee St\",\"city\":\"Fremont\",\"state\":\"CA\",\"postal_code\":\"94539\"," \
  "\"phone\":\"+1 510 555 0100\",\"email\":\"fremont@example.com\",\"timezone\":\"America/Los_Angeles\"," \
  "\"lat\":37.5485,\"lng\":-121.9886,\"service_radius_miles\":150,\"escalation_radius_miles\":150," \
  "\"is_active\":true,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"version\":2}"

#define REVIEW_JSON \
  "{\"id\":\"r1\",\"booking_id\":\"b1\",\"station_id\":\"s1\",\"chef_id\":\"c1\",\"customer_name\":\"Ana Ruiz\"," \
  "\"rating\":5,\"title\":\"Great\",\"body\":\"Loved it\",\"original_body\":null,\"photos\":[],\"status\":\"pending\"," \
  "\"featured\":false,\"hidden\":false,\"moderation_reason\":null,\"response\":null,\"event_date\":\"2026-10-01\"," \
  "\"created_at\":\"2026-10-02T00:00:00Z\",\"updated_at\":\"2026-10-02T00:00:00Z\",\"moderated_at\":null," \
  "\"moderated_by\":null,\"version\":1}"

#define PRICE_ITEM_JSON \
  "{\"key\":\"adult_price\",\"label\":\"Adult\",\"category\":\"per_person\",\"unit\":\"per adult\",\"is_money\":true," \
  "\"value\":5500,\"min_value\":0,\"max_value\":50000,\"default_value\":5500,\"scope\":\"global\"," \
  "\"global_value\":5500,\"version\":1,\"updated_at\":\"2026-01-01T00:00:00Z\",\"updated_by\":null}"

#define AUDIT_JSON \
  "{\"id\":\"a1\",\"at\":\"2026-11-01T10:00:00Z\",\"actor_id\":\"u1\",\"actor_email\":\"owner@demo.test\"," \
  "\"action\":\"cancel\",\"resource_type\":\"booking\",\"resource_id\":\"b1\",\"station_id\":\"s1\"," \
  "\"reason\":\"Customer asked to cancel\",\"changes\":{\"status\":[\"pending\",\"cancelled\"]}}"

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_booking_properties (void)
{
  g_autoptr(JsonNode) node = parse (BOOKING_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (node, &error);
  g_autofree char *reference = NULL, *chef_id = NULL;
  gint64 adults = 0, total = 0;
  double lng = 0;
  gboolean paid = TRUE;
  JsonArray *allergens = NULL;

  g_assert_no_error (error);
  g_object_get (booking, "reference", &reference, "chef-id", &chef_id, "adults", &adults, "total-cents", &total,
                "venue-lng", &lng, "deposit-paid", &paid, "allergens", &allergens, NULL);
  g_assert_cmpstr (reference, ==, "MH-100001");
  g_assert_null (chef_id);
  g_assert_cmpint (adults, ==, 10);
  g_assert_cmpint (total, ==, 61000);
  g_assert_cmpfloat (lng, ==, -121.0);    /* an integer where a number is expected */
  g_assert_false (paid);
  g_assert_cmpuint (json_array_get_length (allergens), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (allergens, 0), ==, "shellfish");
  json_array_unref (allergens);
  g_assert_cmpstr (hibachi_resource_get_id (HIBACHI_RESOURCE (booking)), ==, "b1");
  g_assert_cmpint (hibachi_booking_get_guests (booking), ==, 13);
  g_assert_cmpint (hibachi_booking_get_version (booking), ==, 3);

  /* Every property is read-only and says so. */
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (booking), "customer_name_x"));
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (booking), "customer-name")->flags & G_PARAM_WRITABLE);
}

/* Replaces one member of @json's object by @value (raw JSON), or removes it. */
static JsonNode *
with_member (const char *json,
             const char *member,
             const char *value)
{
  JsonNode *node = parse (json);

  if (value == NULL)
    json_object_remove_member (json_node_get_object (node), member);
  else
    json_object_set_member (json_node_get_object (node), member, parse (value));

  return node;
}

static void
assert_parse_error (GType       type,
                    JsonNode   *node,
                    const char *member)
{
  g_autoptr(GError) error = NULL;
  gpointer object = hibachi_resource_new_from_json (type, node, &error);

  if (object != NULL)
    g_error ("%s accepted a bad “%s”", g_type_name (type), member ? member : "(payload)");
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
  if (member != NULL)
    g_assert_nonnull (strstr (error->message, member));
}

static void
test_booking_malformed (void)
{
  struct { const char *member, *value; } cases[] = {
    { "id", NULL }, { "id", "42" }, { "id", "null" }, { "status", "[]" }, { "adults", "\"ten\"" },
    { "adults", "1.5" }, { "venue_lat", "\"north\"" }, { "total_cents", "null" }, { "deposit_paid", "0" },
    { "chef_id", "7" }, { "allergens", "\"shellfish\"" }, { "event_date", "\"2026-02-30\"" },
    { "event_date", "\"tomorrow\"" }, { "version", NULL },
    /* Guest counts the server would never store (found by fuzz-client-decode:
     * the guest count overflowed). */
    { "adults", "9223372036854775807" }, { "children", "-1" }, { "toddlers", "101" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = with_member (BOOKING_JSON, cases[i].member, cases[i].value);

      assert_parse_error (HIBACHI_TYPE_BOOKING, node, cases[i].member);
    }

  {
    g_autoptr(JsonNode) array = parse ("[1, 2]");
    g_autoptr(JsonNode) string = parse ("\"booking\"");

    assert_parse_error (HIBACHI_TYPE_BOOKING, array, NULL);
    assert_parse_error (HIBACHI_TYPE_BOOKING, string, NULL);
    assert_parse_error (HIBACHI_TYPE_BOOKING, NULL, NULL);
  }

  /* Optional members may be absent (an older server); present, they must fit. */
  {
    g_autoptr(JsonNode) node = with_member (BOOKING_JSON, "allergens", NULL);
    g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (node, NULL);

    g_assert_nonnull (booking);
  }
}

static void
test_entities (void)
{
  struct { GType type; const char *json; const char *name_property; const char *name; } cases[] = {
    { HIBACHI_TYPE_CHEF, CHEF_JSON, "name", "Kenji Sato" },
    { HIBACHI_TYPE_STATION, STATION_JSON, "code", "CA-FREMONT-001" },
    { HIBACHI_TYPE_REVIEW, REVIEW_JSON, "title", "Great" },
    { HIBACHI_TYPE_PRICE_ENTRY, PRICE_ITEM_JSON, "key", "adult_price" },
    { HIBACHI_TYPE_AUDIT_ENTRY, AUDIT_JSON, "reason", "Customer asked to cancel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = hibachi_resource_new_from_json (cases[i].type, node, &error);
      g_autofree char *name = NULL;
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      g_assert_no_error (error);
      g_object_get (object, cases[i].name_property, &name, NULL);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_nonnull (hibachi_resource_get_id (HIBACHI_RESOURCE (object)));

      /* Each member: its property exists; a value of another kind is refused. */
      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *property = g_strdelimit (g_strdup (l->data), "_", '-');
          JsonNode *value = json_object_get_member (json_node_get_object (node), l->data);
          const char *wrong = JSON_NODE_HOLDS_NULL (value) ? "42"
                              : JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                              ? "{\"nested\":true}" : "\"text\"";
          g_autoptr(JsonNode) bad = with_member (cases[i].json, l->data, wrong);

          g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
          assert_parse_error (cases[i].type, bad, l->data);
        }
    }
}

static void
test_typed_getters (void)
{
  g_autoptr(JsonNode) chef_node = parse (CHEF_JSON);
  g_autoptr(JsonNode) station_node = parse (STATION_JSON);
  g_autoptr(JsonNode) item_node = parse (PRICE_ITEM_JSON);
  g_autoptr(JsonNode) audit_node = parse (AUDIT_JSON);
  g_autoptr(HibachiChef) chef = hibachi_chef_new_from_json (chef_node, NULL);
  g_autoptr(HibachiStation) station = hibachi_station_new_from_json (station_node, NULL);
  g_autoptr(HibachiPriceEntry) item = hibachi_price_entry_new_from_json (item_node, NULL);
  g_autoptr(HibachiAuditEntry) entry = hibachi_audit_entry_new_from_json (audit_node, NULL);

  g_assert_cmpstr (hibachi_chef_get_name (chef), ==, "Kenji Sato");
  g_assert_cmpint (hibachi_chef_get_max_party_size (chef), ==, 40);
  g_assert_cmpfloat (hibachi_chef_get_rating (chef), ==, 4.8);
  g_assert_cmpfloat (hibachi_station_get_service_radius_miles (station), ==, 150.0);
  g_assert_cmpstr (hibachi_station_get_timezone (station), ==, "America/Los_Angeles");
  /* A price item is named by its key. */
  g_assert_cmpstr (hibachi_resource_get_id (HIBACHI_RESOURCE (item)), ==, "adult_price");
  g_assert_cmpint (hibachi_price_entry_get_value (item), ==, 5500);
  g_assert_true (json_object_has_member (hibachi_audit_entry_get_changes (entry), "status"));
}

static void
notify_cb (GObject *object, GParamSpec *pspec, GPtrArray *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
count_cb (GObject *object, guint *count)
{
  (*count)++;
}

static void
test_update_in_place (void)
{
  g_autoptr(JsonNode) node = parse (BOOKING_JSON);
  g_autoptr(JsonNode) newer = with_member (BOOKING_JSON, "status", "\"confirmed\"");
  g_autoptr(JsonNode) bad = with_member (BOOKING_JSON, "status", "5");
  g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (node, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  json_object_set_int_member (json_node_get_object (newer), "version", 4);
  g_signal_connect (booking, "notify", G_CALLBACK (notify_cb), names);
  g_signal_connect (booking, "changed", G_CALLBACK (count_cb), &changed);

  /* Only what changed is notified: a row redraws what it must. */
  g_assert_true (hibachi_resource_update_from_json (HIBACHI_RESOURCE (booking), newer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "status", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "version", g_str_equal, NULL));
  g_assert_cmpstr (hibachi_booking_get_status (booking), ==, "confirmed");

  /* Bad data changes nothing. */
  g_ptr_array_set_size (names, 0);
  g_assert_false (hibachi_resource_update_from_json (HIBACHI_RESOURCE (booking), bad, &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (hibachi_booking_get_status (booking), ==, "confirmed");

  /* Unloading (a list dropping a page) notifies every member. */
  hibachi_booking_set_json (booking, NULL);
  g_assert_false (hibachi_booking_is_loaded (booking));
  g_assert_null (hibachi_booking_get_reference (booking));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (names->len, ==, 28);
}

/* A resource keeps values, not the server's tree: what it gives back as
 * JSON is what the server sent, members outside the field table included;
 * a copy stands on its own. */
static void
test_json_round_trip (void)
{
  g_autoptr(JsonNode) node = with_member (BOOKING_JSON, "station_name", "\"Fremont\"");
  g_autoptr(JsonNode) newer = NULL;
  g_autoptr(HibachiBooking) booking = NULL;
  g_autoptr(HibachiBooking) copy = NULL;
  g_autoptr(HibachiBooking) row = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) allergens = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *json;

  json_object_set_member (json_node_get_object (node), "meta", parse ("{\"tags\":[1,2],\"vip\":true}"));
  booking = hibachi_booking_new_from_json (node, NULL);
  json = hibachi_booking_get_json (booking);
  again = json_node_init_object (json_node_alloc (), json);
  g_assert_true (json_node_equal (again, node));
  g_assert_true (hibachi_booking_get_json (booking) == json);
  /* venue_lng came as a whole number and goes back as one. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json, "venue_lng")), ==, G_TYPE_INT64);
  g_assert_cmpfloat (hibachi_resource_get_double (HIBACHI_RESOURCE (booking), "venue_lng"), ==, -121.0);
  g_assert_true (json_object_get_null_member (json, "chef_id"));
  g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (booking), "station_name"), ==, "Fremont");
  g_assert_true (hibachi_resource_get_boolean (HIBACHI_RESOURCE (booking), "deposit_paid") == FALSE);
  g_assert_nonnull (hibachi_resource_get_object (HIBACHI_RESOURCE (booking), "meta"));
  g_assert_null (hibachi_resource_get_string (HIBACHI_RESOURCE (booking), "adults"));
  g_assert_null (hibachi_resource_get_string (HIBACHI_RESOURCE (booking), "no_such_member"));

  /* A copy outlives its source. */
  copy = hibachi_booking_copy (booking);
  g_clear_object (&booking);
  g_assert_cmpstr (hibachi_booking_get_customer_name (copy), ==, "Ana Ruiz");
  g_assert_cmpstr (hibachi_resource_get_string (HIBACHI_RESOURCE (copy), "station_name"), ==, "Fremont");
  allergens = hibachi_booking_dup_allergens (copy);
  g_assert_cmpstrv (allergens, ((const char *[]) { "shellfish", NULL }));

  /* Data put in from another object notifies what differs; JSON built
   * before is built again. */
  newer = with_member (BOOKING_JSON, "customer_name", "\"Ana Ruiz Soto\"");
  row = hibachi_booking_new_from_json (newer, NULL);
  json = hibachi_booking_get_json (row);
  g_signal_connect (row, "notify", G_CALLBACK (notify_cb), names);
  hibachi_resource_set_from (HIBACHI_RESOURCE (row), HIBACHI_RESOURCE (copy));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "customer-name");
  g_assert_cmpstr (hibachi_booking_get_customer_name (row), ==, "Ana Ruiz");
  g_assert_cmpstr (json_object_get_string_member (hibachi_booking_get_json (row), "customer_name"), ==, "Ana Ruiz");
}

static void
test_page (void)
{
  g_autofree char *good = g_strdup_printf ("{\"data\":[%s,%s],\"total_count\":7,\"page\":1,\"limit\":2,"
                                           "\"has_next\":true,\"has_prev\":false}", CHEF_JSON, CHEF_JSON);
  g_autofree char *one_bad = g_strdup_printf ("{\"data\":[%s,{\"id\":\"c2\"}],\"total_count\":7}", CHEF_JSON);
  const char *shapes[] = { "{\"data\":[]}", "{\"total_count\":0}", "{\"data\":{},\"total_count\":0}",
                           "{\"data\":[],\"total_count\":\"0\"}", "[]",
                           "{\"data\":[],\"total_count\":0,\"has_next\":[]}",
                           "{\"data\":[],\"total_count\":0,\"has_next\":1}" };
  g_autoptr(JsonNode) node = parse (good);
  g_autoptr(JsonNode) bad_node = parse (one_bad);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  gboolean has_next = FALSE;

  page = hibachi_resource_parse_page (HIBACHI_TYPE_CHEF, node, &total, &has_next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_true (HIBACHI_IS_CHEF (page->pdata[1]));
  g_assert_cmpint (total, ==, 7);
  g_assert_true (has_next);

  /* One bad row fails the page: a list never shows half of what it got. */
  g_assert_null (hibachi_resource_parse_page (HIBACHI_TYPE_CHEF, bad_node, NULL, NULL, &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(JsonNode) shape = parse (shapes[i]);

      g_assert_null (hibachi_resource_parse_page (HIBACHI_TYPE_CHEF, shape, NULL, NULL, &error));
      g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
      g_clear_error (&error);
    }
}

/* The names the server's change feed and audit log use. */
static void
test_kinds (void)
{
  struct { const char *name; HibachiResourceKind kind; } cases[] = {
    { "booking", HIBACHI_RESOURCE_BOOKING }, { "chef", HIBACHI_RESOURCE_CHEF },
    { "station", HIBACHI_RESOURCE_STATION }, { "review", HIBACHI_RESOURCE_REVIEW },
    { "pricing", HIBACHI_RESOURCE_PRICING }, { "user", HIBACHI_RESOURCE_UNKNOWN },
    { NULL, HIBACHI_RESOURCE_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hibachi_resource_kind_from_string (cases[i].name), ==, cases[i].kind);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hibachi/entities/booking-properties", test_booking_properties);
  g_test_add_func ("/hibachi/entities/booking-malformed", test_booking_malformed);
  g_test_add_func ("/hibachi/entities/each-entity", test_entities);
  g_test_add_func ("/hibachi/entities/typed-getters", test_typed_getters);
  g_test_add_func ("/hibachi/entities/update-in-place", test_update_in_place);
  g_test_add_func ("/hibachi/entities/json-round-trip", test_json_round_trip);
  g_test_add_func ("/hibachi/entities/page", test_page);
  g_test_add_func ("/hibachi/entities/kinds", test_kinds);
  return g_test_run ();
}
