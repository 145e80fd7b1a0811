/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV rows of bookings: quoting, spreadsheet formulas defused, plain money. */
#include "config.h"

#include <string.h>

#include "hibachi-booking-csv.h"

static HibachiBooking *
booking_named (const char *customer,
               const char *venue)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HibachiBooking *booking;

  json_builder_begin_object (builder);
#define STR(k, v) json_builder_set_member_name (builder, k); json_builder_add_string_value (builder, v)
#define INT(k, v) json_builder_set_member_name (builder, k); json_builder_add_int_value (builder, v)
  STR ("id", "b-1"); STR ("reference", "MH-100001"); STR ("status", "confirmed");
  STR ("customer_name", customer); STR ("customer_email", "a@example.com"); STR ("customer_phone", "(510) 555-0100");
  STR ("event_date", "2026-12-05"); STR ("slot", "18:00");
  INT ("adults", 10); INT ("children", 2); INT ("toddlers", 1);
  STR ("venue_address", venue);
  json_builder_set_member_name (builder, "venue_lat"); json_builder_add_double_value (builder, 37.5);
  json_builder_set_member_name (builder, "venue_lng"); json_builder_add_double_value (builder, -121.9);
  STR ("station_id", "st-1");
  json_builder_set_member_name (builder, "chef_id"); json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "requested_chef_id"); json_builder_add_null_value (builder);
  INT ("total_cents", 123405); INT ("deposit_cents", 10000);
  json_builder_set_member_name (builder, "deposit_paid"); json_builder_add_boolean_value (builder, TRUE);
  STR ("created_at", "2026-11-01T10:00:00Z"); INT ("version", 1);
#undef STR
#undef INT
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  booking = hibachi_booking_new_from_json (node, &error);
  g_assert_no_error (error);
  return booking;
}

static void
test_plain_row (void)
{
  g_autoptr(HibachiBooking) booking = booking_named ("Jane Doe", "12 Oak St");
  g_autoptr(GString) out = g_string_new (NULL);

  hibachi_booking_csv_append (out, booking, NULL);
  g_assert_cmpstr (out->str, ==, "MH-100001,2026-12-05,18:00,Jane Doe,a@example.com,(510) 555-0100,13,,,"
                                 "Confirmed,1234.05,12 Oak St,2026-11-01T10:00:00Z\r\n");
}

static void
test_quoting (void)
{
  g_autoptr(HibachiBooking) booking = booking_named ("Doe, \"JJ\"", "1 Main St\nApt 2");
  g_autoptr(GString) out = g_string_new (NULL);

  hibachi_booking_csv_append (out, booking, NULL);
  g_assert_nonnull (strstr (out->str, ",\"Doe, \"\"JJ\"\"\","));
  g_assert_nonnull (strstr (out->str, ",\"1 Main St\nApt 2\","));
}

static void
test_formula_defused (void)
{
  const char *names[] = { "=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HibachiBooking) booking = booking_named (names[i], "12 Oak St");
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *cell = NULL;

      hibachi_booking_csv_append (out, booking, NULL);
      /* The cell starts with a quote and an apostrophe: text, never a formula. */
      cell = g_strdup_printf (",\"'%c", names[i][0]);
      g_assert_nonnull (strstr (out->str, cell));
    }
}

static void
test_header (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  hibachi_booking_csv_append_header (out);
  g_assert_true (g_str_has_prefix (out->str, "Reference,Event date,Slot,Customer,"));
  g_assert_true (g_str_has_suffix (out->str, ",Created\r\n"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/booking-csv/header", test_header);
  g_test_add_func ("/hibachi/booking-csv/plain-row", test_plain_row);
  g_test_add_func ("/hibachi/booking-csv/quoting", test_quoting);
  g_test_add_func ("/hibachi/booking-csv/formula-defused", test_formula_defused);

  return g_test_run ();
}
