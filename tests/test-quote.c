/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-core.h"

static HibachiPriceSheet sheet;

static HibachiQuote
quote_ok (const HibachiQuoteRequest *request)
{
  g_autoptr(GError) error = NULL;
  HibachiQuote quote;

  g_assert_true (hibachi_quote_compute (&sheet, request, &quote, NULL, &error));
  g_assert_no_error (error);

  return quote;
}

static void
expect_field_error (const HibachiQuoteRequest *request,
                    const char                *field)
{
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;
  HibachiQuote quote;

  g_assert_false (hibachi_quote_compute (&sheet, request, &quote, &bad_field, &error));
  g_assert_error (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID);
  g_assert_cmpstr (bad_field, ==, field);
}

static void
test_defaults (void)
{
  /* SPEC §8.1 values, by key. */
  struct { const char *key; gint64 value; } expected[] = {
    { "adult_price", 5500 }, { "child_price", 3000 }, { "child_free_under", 5 },
    { "party_minimum", 55000 }, { "deposit", 10000 }, { "travel_free_miles", 30 },
    { "travel_per_mile", 200 }, { "upgrade_filet_mignon", 500 }, { "upgrade_salmon", 500 },
    { "upgrade_scallops", 500 }, { "upgrade_lobster_tail", 1500 },
    { "addon_premium_sake", 2500 }, { "addon_extended_performance", 5000 },
    { "addon_custom_menu", 3500 },
  };
  HibachiPriceSheet defaults;

  hibachi_price_sheet_init_defaults (&defaults);
  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, HIBACHI_N_PRICE_ITEMS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HibachiPriceItem item;
      const HibachiPriceItemInfo *info;

      g_assert_true (hibachi_price_item_from_key (expected[i].key, &item));
      info = hibachi_price_item_get_info (item);
      g_assert_cmpstr (info->key, ==, expected[i].key);
      g_assert_cmpint (hibachi_price_sheet_get (&defaults, item), ==, expected[i].value);
      g_assert_cmpint (info->min_value, >=, 0);
      g_assert_cmpint (info->min_value, <=, info->default_value);
      g_assert_cmpint (info->default_value, <=, info->max_value);
      g_assert_nonnull (hibachi_price_unit_to_string (info->unit));
      g_assert_nonnull (hibachi_price_category_to_string (info->category));
    }

  g_assert_false (hibachi_price_item_from_key ("adult", NULL));
  g_assert_false (hibachi_price_item_from_key (NULL, NULL));
}

static void
test_sheet_set_bounds (void)
{
  g_autoptr(GError) error = NULL;
  HibachiPriceSheet s;

  hibachi_price_sheet_init_defaults (&s);

  /* Per-person prices are bounded $0–$500. */
  g_assert_true (hibachi_price_sheet_set (&s, "adult_price", 50000, &error));
  g_assert_no_error (error);
  g_assert_true (hibachi_price_sheet_set (&s, "adult_price", 0, &error));
  g_assert_false (hibachi_price_sheet_set (&s, "adult_price", 50001, &error));
  g_assert_error (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$500.00"));
  g_clear_error (&error);
  g_assert_false (hibachi_price_sheet_set (&s, "child_price", -1, &error));
  g_clear_error (&error);
  /* A refused value leaves the sheet as it was. */
  g_assert_cmpint (hibachi_price_sheet_get (&s, HIBACHI_PRICE_ADULT), ==, 0);
  g_assert_cmpint (hibachi_price_sheet_get (&s, HIBACHI_PRICE_CHILD), ==, 3000);

  g_assert_false (hibachi_price_sheet_set (&s, "travel_free_miles", 501, &error));
  g_clear_error (&error);
  g_assert_false (hibachi_price_sheet_set (&s, "no_such_item", 1, &error));
  g_assert_error (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID);
}

static void
test_format (void)
{
  struct { gint64 cents; const char *text; } cases[] = {
    { 0, "$0.00" }, { 5, "$0.05" }, { 5500, "$55.00" }, { 123456, "$1,234.56" },
    { 100000000, "$1,000,000.00" }, { -250, "−$2.50" }, { G_MININT64, "−$92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hibachi_format_cents (cases[i].cents);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *miles = hibachi_price_item_format_value (HIBACHI_PRICE_TRAVEL_FREE_MILES, 30);
    g_autofree char *age = hibachi_price_item_format_value (HIBACHI_PRICE_CHILD_FREE_UNDER, 5);
    g_assert_cmpstr (miles, ==, "30 miles");
    g_assert_cmpstr (age, ==, "5 years");
  }
}

static void
test_party_minimum_switch_over (void)
{
  HibachiQuoteRequest r;
  HibachiQuote q;

  hibachi_quote_request_init (&r);

  /* 9 adults = $495: below the $550 minimum, which applies. */
  r.adults = 9;
  q = quote_ok (&r);
  g_assert_cmpint (q.food_subtotal_cents, ==, 49500);
  g_assert_true (q.minimum_applied);
  g_assert_cmpint (q.food_total_cents, ==, 55000);
  g_assert_cmpint (q.total_cents, ==, 55000);

  /* 10 adults = exactly $550: the minimum is met, not applied. */
  r.adults = 10;
  q = quote_ok (&r);
  g_assert_false (q.minimum_applied);
  g_assert_cmpint (q.food_total_cents, ==, 55000);

  /* 11 adults = $605. */
  r.adults = 11;
  q = quote_ok (&r);
  g_assert_false (q.minimum_applied);
  g_assert_cmpint (q.total_cents, ==, 60500);
  g_assert_cmpint (q.deposit_cents, ==, 10000);
  g_assert_cmpint (q.balance_due_cents, ==, 50500);
}

static void
test_children_toddlers_upgrades (void)
{
  HibachiQuoteRequest r;
  HibachiQuote q;

  hibachi_quote_request_init (&r);
  r.adults = 12;
  r.children = 4;
  r.toddlers = 3;                                    /* free */
  r.upgrade_counts[HIBACHI_PRICE_UPGRADE_LOBSTER_TAIL] = 2;
  r.upgrade_counts[HIBACHI_PRICE_UPGRADE_SALMON] = 16;  /* every paying guest */
  r.upgrade_counts[HIBACHI_PRICE_ADULT] = 99;          /* not an upgrade: ignored */

  q = quote_ok (&r);
  /* 12×55 + 4×30 + 2×15 + 16×5 = 660 + 120 + 30 + 80 = $890 */
  g_assert_cmpint (q.food_subtotal_cents, ==, 89000);
  g_assert_false (q.minimum_applied);
  g_assert_cmpuint (q.n_lines, ==, 4);
  g_assert_cmpint (q.lines[0].item, ==, HIBACHI_PRICE_ADULT);
  g_assert_cmpint (q.lines[0].amount_cents, ==, 66000);
  g_assert_cmpint (q.lines[1].item, ==, HIBACHI_PRICE_CHILD);

  /* Upgrades count towards the party minimum. */
  hibachi_quote_request_init (&r);
  r.adults = 9;
  r.upgrade_counts[HIBACHI_PRICE_UPGRADE_LOBSTER_TAIL] = 4;   /* 495 + 60 = 555 */
  q = quote_ok (&r);
  g_assert_false (q.minimum_applied);
  g_assert_cmpint (q.total_cents, ==, 55500);
}

static void
test_addons_outside_minimum (void)
{
  HibachiQuoteRequest r;
  HibachiQuote q;

  hibachi_quote_request_init (&r);
  r.adults = 5;
  r.addons[HIBACHI_PRICE_ADDON_PREMIUM_SAKE] = TRUE;
  r.addons[HIBACHI_PRICE_ADDON_CUSTOM_MENU] = TRUE;
  r.addons[HIBACHI_PRICE_DEPOSIT] = TRUE;   /* not an add-on: ignored */

  q = quote_ok (&r);
  /* Add-ons are added after the minimum, never used to reach it. */
  g_assert_true (q.minimum_applied);
  g_assert_cmpint (q.addons_cents, ==, 6000);
  g_assert_cmpint (q.total_cents, ==, 61000);
}

static void
test_travel_fee (void)
{
  HibachiQuoteRequest r;
  HibachiQuote q;

  hibachi_quote_request_init (&r);
  r.adults = 10;

  r.distance_miles = 30.0;         /* exactly the free miles */
  q = quote_ok (&r);
  g_assert_cmpint (q.travel_fee_cents, ==, 0);
  g_assert_cmpfloat (q.billable_miles, ==, 0.0);

  r.distance_miles = 30.5;
  q = quote_ok (&r);
  g_assert_cmpint (q.travel_fee_cents, ==, 100);

  r.distance_miles = 45.0;
  q = quote_ok (&r);
  g_assert_cmpint (q.travel_fee_cents, ==, 3000);
  g_assert_cmpint (q.total_cents, ==, 58000);

  r.distance_miles = 10.0;
  q = quote_ok (&r);
  g_assert_cmpint (q.travel_fee_cents, ==, 0);

  /* An edited sheet changes the fee. */
  {
    HibachiPriceSheet edited = sheet;
    g_autoptr(GError) error = NULL;

    g_assert_true (hibachi_price_sheet_set (&edited, "travel_free_miles", 0, &error));
    g_assert_true (hibachi_price_sheet_set (&edited, "travel_per_mile", 150, &error));
    r.distance_miles = 10.0;
    g_assert_true (hibachi_quote_compute (&edited, &r, &q, NULL, &error));
    g_assert_cmpint (q.travel_fee_cents, ==, 1500);

    /* Rounded to the nearest cent, never cut: 30.3 × 150 is 4544.99… in
     * binary, 12.345 × 150 is 1851.75. */
    r.distance_miles = 30.3;
    g_assert_true (hibachi_quote_compute (&edited, &r, &q, NULL, &error));
    g_assert_cmpint (q.travel_fee_cents, ==, 4545);
    r.distance_miles = 12.345;
    g_assert_true (hibachi_quote_compute (&edited, &r, &q, NULL, &error));
    g_assert_cmpint (q.travel_fee_cents, ==, 1852);
  }
}

static void
test_bad_requests (void)
{
  HibachiQuoteRequest r;

  hibachi_quote_request_init (&r);
  expect_field_error (&r, "adults");          /* nobody */

  r.adults = 101;
  expect_field_error (&r, "adults");

  r.adults = 10;
  r.upgrade_counts[HIBACHI_PRICE_UPGRADE_SCALLOPS] = 11;
  expect_field_error (&r, "upgrades");

  r.upgrade_counts[HIBACHI_PRICE_UPGRADE_SCALLOPS] = 0;
  r.distance_miles = -1.0;
  expect_field_error (&r, "distance_miles");
  r.distance_miles = NAN;
  expect_field_error (&r, "distance_miles");
  r.distance_miles = HIBACHI_QUOTE_MAX_DISTANCE_MILES + 1;
  expect_field_error (&r, "distance_miles");
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_request_json (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{\"adults\":12,\"children\":2,\"toddlers\":1,"
                  "\"upgrades\":{\"upgrade_lobster_tail\":3},"
                  "\"addons\":[\"addon_premium_sake\"],\"distance_miles\":41.5}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) again = NULL;
  HibachiQuoteRequest r, r2;

  g_assert_true (hibachi_quote_request_from_json (object, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.adults, ==, 12);
  g_assert_cmpuint (r.children, ==, 2);
  g_assert_cmpuint (r.toddlers, ==, 1);
  g_assert_cmpuint (r.upgrade_counts[HIBACHI_PRICE_UPGRADE_LOBSTER_TAIL], ==, 3);
  g_assert_true (r.addons[HIBACHI_PRICE_ADDON_PREMIUM_SAKE]);
  g_assert_false (r.addons[HIBACHI_PRICE_ADDON_CUSTOM_MENU]);
  g_assert_cmpfloat (r.distance_miles, ==, 41.5);

  /* to_json then from_json gives the same request. */
  again = hibachi_quote_request_to_json (&r);
  g_assert_true (hibachi_quote_request_from_json (json_node_get_object (again), &r2, NULL, &error));
  g_assert_cmpuint (r2.adults, ==, r.adults);
  g_assert_cmpuint (r2.children, ==, r.children);
  g_assert_cmpuint (r2.toddlers, ==, r.toddlers);
  g_assert_cmpmem (r2.upgrade_counts, sizeof r2.upgrade_counts, r.upgrade_counts, sizeof r.upgrade_counts);
  g_assert_cmpmem (r2.addons, sizeof r2.addons, r.addons, sizeof r.addons);
  g_assert_cmpfloat (r2.distance_miles, ==, r.distance_miles);
}

static void
test_request_json_bad (void)
{
  struct { const char *json; const char *field; } cases[] = {
    { "{\"adults\":\"ten\"}", "adults" },
    { "{\"adults\":10.5}", "adults" },
    { "{\"adults\":-1}", "adults" },
    { "{\"children\":true}", "children" },
    { "{\"adults\":10,\"upgrades\":[\"upgrade_salmon\"]}", "upgrades" },
    { "{\"adults\":10,\"upgrades\":{\"caviar\":1}}", "upgrades" },
    { "{\"adults\":10,\"upgrades\":{\"addon_premium_sake\":1}}", "upgrades" },
    { "{\"adults\":10,\"upgrades\":{\"upgrade_salmon\":\"2\"}}", "upgrades" },
    { "{\"adults\":10,\"addons\":\"addon_premium_sake\"}", "addons" },
    { "{\"adults\":10,\"addons\":[1]}", "addons" },
    { "{\"adults\":10,\"addons\":[\"upgrade_salmon\"]}", "addons" },
    { "{\"adults\":10,\"distance_miles\":\"far\"}", "distance_miles" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cases[i].json);
      g_autoptr(GError) error = NULL;
      const char *field = NULL;
      HibachiQuoteRequest r;

      g_assert_false (hibachi_quote_request_from_json (object, &r, &field, &error));
      g_assert_error (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
    }
}

static void
test_quote_json (void)
{
  HibachiQuoteRequest r;
  HibachiQuote q;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *lines;

  hibachi_quote_request_init (&r);
  r.adults = 8;
  r.distance_miles = 40;
  q = quote_ok (&r);
  node = hibachi_quote_to_json (&q);
  object = json_node_get_object (node);

  g_assert_true (json_object_get_boolean_member (object, "minimum_applied"));
  g_assert_cmpint (json_object_get_int_member (object, "food_subtotal_cents"), ==, 44000);
  g_assert_cmpint (json_object_get_int_member (object, "travel_fee_cents"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (object, "total_cents"), ==, 57000);
  g_assert_cmpint (json_object_get_int_member (object, "deposit_cents"), ==, 10000);
  lines = json_object_get_array_member (object, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 0), "key"),
                   ==, "adult_price");
}

/* A party priced as the server prices a booking: distance from the
 * station, capped, and nothing else. */
static void
test_request_for_party (void)
{
  HibachiLatLng fremont = { 37.5485, -121.9886 };
  HibachiLatLng sacramento = { 38.5816, -121.4944 };
  HibachiLatLng far = { 40.7128, -74.0060 };
  HibachiQuoteRequest request;

  hibachi_quote_request_for_party (&request, 12, 3, 1, fremont, sacramento);
  g_assert_cmpuint (request.adults, ==, 12);
  g_assert_cmpuint (request.children, ==, 3);
  g_assert_cmpuint (request.toddlers, ==, 1);
  g_assert_cmpfloat_with_epsilon (request.distance_miles, hibachi_geo_distance_miles (fremont, sacramento), 1e-9);
  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      g_assert_cmpuint (request.upgrade_counts[i], ==, 0);
      g_assert_false (request.addons[i]);
    }

  hibachi_quote_request_for_party (&request, 1, 0, 0, fremont, far);
  g_assert_cmpfloat (request.distance_miles, ==, HIBACHI_QUOTE_MAX_DISTANCE_MILES);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hibachi_price_sheet_init_defaults (&sheet);

  g_test_add_func ("/hibachi/quote/defaults", test_defaults);
  g_test_add_func ("/hibachi/quote/sheet-bounds", test_sheet_set_bounds);
  g_test_add_func ("/hibachi/quote/format", test_format);
  g_test_add_func ("/hibachi/quote/party-minimum", test_party_minimum_switch_over);
  g_test_add_func ("/hibachi/quote/children-toddlers-upgrades", test_children_toddlers_upgrades);
  g_test_add_func ("/hibachi/quote/addons", test_addons_outside_minimum);
  g_test_add_func ("/hibachi/quote/travel-fee", test_travel_fee);
  g_test_add_func ("/hibachi/quote/bad-requests", test_bad_requests);
  g_test_add_func ("/hibachi/quote/request-json", test_request_json);
  g_test_add_func ("/hibachi/quote/request-json-bad", test_request_json_bad);
  g_test_add_func ("/hibachi/quote/quote-json", test_quote_json);
  g_test_add_func ("/hibachi/quote/request-for-party", test_request_for_party);

  return g_test_run ();
}
