/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The venue in the booking detail pane, signed in to a real hibachi-server
 * under Xvfb: the address finds its place as in New Booking; a new place
 * moves the travel fee in the total and the service-area verdict, and
 * saving sends the new point (the server has it, and its total); an
 * address whose place is not found is never sent. With
 * HIBACHI_SCREENSHOT_DIR set, it saves a screenshot of the venue. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-address-entry.h"
#include "hibachi-booking-detail.h"
#include "hibachi-core.h"
#include "hibachi-test-detail.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"

#define FREMONT_LAT 37.5485
#define FREMONT_LNG -121.9886

static void
setup (Fixture *f, gconstpointer data)
{
  hibachi_test_detail_setup (f, data, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  hibachi_test_detail_teardown (f);
}

/* A pending booking of 12 adults at a Fremont street, 30 days ahead: its id. */
static char *
new_booking (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, 30);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  g_autofree char *body = g_strdup_printf (
    "{\"customer_name\":\"Ada Lovelace\",\"customer_email\":\"ada@example.com\","
    "\"customer_phone\":\"(510) 555-0142\",\"event_date\":\"%s\",\"slot\":\"18:00\",\"adults\":12,"
    "\"venue_address\":\"39100 Liberty St, Fremont, CA\",\"venue_lat\":37.5483,\"venue_lng\":-121.9886,"
    "\"station_id\":\"%s\"}", date, f->fremont);
  g_autoptr(HibachiTestResponse) created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->token, body, NULL);

  g_assert_cmpuint (created->status, ==, 201);
  return g_strdup (json_object_get_string_member (hibachi_test_response_object (created), "id"));
}

static HibachiTestResponse *
stored (Fixture *f, const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  HibachiTestResponse *response = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return response;
}

static void
show (Fixture *f, const char *id)
{
  HibachiStore *store = hibachi_session_get_store (hibachi_context_get_session (f->context));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) booking = NULL;

  hibachi_store_get_booking_async (store, id, NULL, hibachi_test_store_result_cb, &result);
  booking = hibachi_store_booking_finish (store, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  hibachi_booking_detail_set_booking (f->detail, booking);
  hibachi_test_settle ();
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* The visible label below @root whose text starts with @prefix, or NULL. */
static const char *
label_starting (GtkWidget *root, const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((found = label_starting (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

static HibachiAddressEntry *
venue (Fixture *f)
{
  GtkWidget *entry = hibachi_test_find_type (GTK_WIDGET (f->detail), HIBACHI_TYPE_ADDRESS_ENTRY);

  g_assert_nonnull (entry);
  return HIBACHI_ADDRESS_ENTRY (entry);
}

static GtkEditable *
address_field (Fixture *f)
{
  GtkWidget *row = find_row (GTK_WIDGET (venue (f)), "Venue Address");

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* Replaces the address key by key, faster than the entry's pause. */
static void
retype_address (Fixture *f, const char *text)
{
  GtkEditable *field = address_field (f);

  gtk_editable_set_text (field, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position;

      gtk_editable_set_position (field, -1);
      position = gtk_editable_get_position (field);
      gtk_editable_insert_text (field, p, (int) (g_utf8_next_char (p) - p), &position);
      hibachi_test_pause_ms (HIBACHI_ADDRESS_ENTRY_DELAY_MS / 4);
    }
  WAIT_FOR (!hibachi_address_entry_is_searching (venue (f)));
}

static const char *
subtitle_of (GtkWidget *root, const char *title)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
save_button (Fixture *f)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->detail), "_Save Changes");

  g_assert_nonnull (button);
  return button;
}

/* Scrolls the pane to the venue, for the screenshot. */
static void
show_venue (Fixture *f)
{
  GtkWidget *scrolled = hibachi_test_find_type (GTK_WIDGET (f->detail), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (venue (f)), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, at.y - 420);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* The total of 12 adults at Fremont's default prices for @point. */
static gint64
quoted_total (HibachiLatLng point, gint64 *out_travel)
{
  HibachiPriceSheet sheet;
  HibachiQuoteRequest request;
  HibachiQuote quote;

  hibachi_price_sheet_init_defaults (&sheet);
  hibachi_quote_request_init (&request);
  request.adults = 12;
  request.distance_miles = hibachi_geo_distance_miles ((HibachiLatLng) { FREMONT_LAT, FREMONT_LNG }, point);
  g_assert_true (hibachi_quote_compute (&sheet, &request, &quote, NULL, NULL));
  *out_travel = quote.travel_fee_cents;
  return quote.total_cents;
}

static void
test_new_place (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_booking (f);
  g_autoptr(HibachiTestResponse) after = NULL;
  g_autofree char *miles = NULL;
  g_autofree char *total_text = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *b;
  double lat = 0, lng = 0;
  gint64 travel, total;

  show (f, id);
  /* The saved venue: its address, its place and its verdict. */
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "39100 Liberty St, Fremont, CA");
  g_assert_true (hibachi_address_entry_get_location (venue (f), &lat, &lng));
  g_assert_cmpfloat (fabs (lat - 37.5483), <, 1e-6);
  g_assert_nonnull (label_starting (GTK_WIDGET (f->detail), "Inside the service area: 0.0 mi from Fremont"));
  g_assert_false (hibachi_booking_detail_has_changes (f->detail));

  retype_address (f, "1200 J St, Modesto, CA");
  g_assert_cmpuint (g_list_model_get_n_items (hibachi_address_entry_get_candidates (venue (f))), >=, 1);
  /* Typed, not placed: nothing to save yet, and the pane says why. */
  g_assert_false (hibachi_address_entry_get_location (venue (f), NULL, NULL));
  g_assert_false (gtk_widget_is_sensitive (save_button (f)));
  g_assert_nonnull (label_starting (GTK_WIDGET (f->detail), "Venue Address: Pick the venue’s place"));

  hibachi_address_entry_pick (venue (f), 0);
  g_assert_true (hibachi_address_entry_get_location (venue (f), &lat, &lng));
  g_assert_cmpfloat (fabs (lat - 37.64), <, 0.05);   /* Modesto */
  g_assert_true (gtk_widget_is_sensitive (save_button (f)));
  g_assert_null (label_starting (GTK_WIDGET (f->detail), "Venue Address:"));

  /* The verdict and the total follow the new place before it is saved. */
  miles = g_strdup_printf (" %.1f mi from Fremont",
                           hibachi_geo_distance_miles ((HibachiLatLng) { FREMONT_LAT, FREMONT_LNG },
                                                       (HibachiLatLng) { lat, lng }));
  g_assert_nonnull (label_starting (GTK_WIDGET (f->detail), "Inside the service area"));
  g_assert_nonnull (strstr (label_starting (GTK_WIDGET (f->detail), "Inside the service area"), miles));
  total = quoted_total ((HibachiLatLng) { lat, lng }, &travel);
  g_assert_cmpint (travel, >, 2000);
  total_text = hibachi_format_cents (total);
  WAIT_FOR (g_str_has_prefix (subtitle_of (GTK_WIDGET (f->detail), "Total"), total_text));
  g_assert_nonnull (strstr (subtitle_of (GTK_WIDGET (f->detail), "Total"), "once saved"));
  show_venue (f);
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "detail-venue");

  hibachi_test_server_clear_requests (f->ts);
  hibachi_booking_detail_save_async (f->detail, NULL, hibachi_test_store_result_cb, &saved);
  g_assert_true (hibachi_booking_detail_save_finish (f->detail, wait_result (&saved), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "PATCH /api/v1/bookings/"), ==, 1);

  /* The server has the address, its point and the total with its travel. */
  after = stored (f, id);
  b = hibachi_test_response_object (after);
  g_assert_cmpstr (json_object_get_string_member (b, "venue_address"), ==, "1200 J St, Modesto, CA");
  g_assert_cmpfloat (fabs (json_object_get_double_member (b, "venue_lat") - lat), <, 1e-6);
  g_assert_cmpfloat (fabs (json_object_get_double_member (b, "venue_lng") - lng), <, 1e-6);
  g_assert_cmpint (json_object_get_int_member (b, "total_cents"), ==, total);
  g_assert_false (hibachi_booking_detail_has_changes (f->detail));
}

static void
test_unknown_place (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_booking (f);
  g_autoptr(HibachiTestResponse) after = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *b;

  show (f, id);
  retype_address (f, "Xyzzyville");
  g_assert_cmpuint (g_list_model_get_n_items (hibachi_address_entry_get_candidates (venue (f))), ==, 0);
  g_assert_true (g_str_has_prefix (subtitle_of (GTK_WIDGET (venue (f)), "Location"), "No place found for “Xyzzyville”"));
  /* A clear word on why, no verdict for a place not found, no save. */
  g_assert_nonnull (label_starting (GTK_WIDGET (f->detail), "Venue Address: Pick the venue’s place"));
  g_assert_null (label_starting (GTK_WIDGET (f->detail), "Inside the service area"));
  g_assert_false (gtk_widget_is_sensitive (save_button (f)));
  g_assert_true (hibachi_booking_detail_has_changes (f->detail));

  hibachi_test_server_clear_requests (f->ts);
  hibachi_booking_detail_save_async (f->detail, NULL, hibachi_test_store_result_cb, &saved);
  g_assert_false (hibachi_booking_detail_save_finish (f->detail, wait_result (&saved), &error));
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
  hibachi_test_settle ();
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "PATCH /api/v1/bookings/"), ==, 0);

  after = stored (f, id);
  b = hibachi_test_response_object (after);
  g_assert_cmpstr (json_object_get_string_member (b, "venue_address"), ==, "39100 Liberty St, Fremont, CA");
  g_assert_cmpfloat (fabs (json_object_get_double_member (b, "venue_lat") - 37.5483), <, 1e-6);
}

/* Who may not edit bookings (the booking's chef) reads the venue and types
 * nothing; seeing no stations, they get no verdict rather than a wrong one. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_booking (f);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *chef_path = g_strconcat (path, "/chef", NULL);
  g_autofree char *chef_token = hibachi_test_login (f->ts, data);
  g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", chef_token, NULL, NULL);
  g_autofree char *body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"The test needs this chef here\"}",
                                           json_object_get_string_member (hibachi_test_response_object (me), "chef_id"));
  g_autoptr(HibachiTestResponse) put = hibachi_test_write (f->ts, "PUT", chef_path, f->token, body, path);

  g_assert_cmpuint (put->status, ==, 200);
  show (f, id);
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "39100 Liberty St, Fremont, CA");
  g_assert_false (gtk_editable_get_editable (address_field (f)));
  g_assert_null (label_starting (GTK_WIDGET (f->detail), "No active station"));
  g_assert_false (hibachi_booking_detail_has_changes (f->detail));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/hibachi/ui-venue/new-place", Fixture, NULL, setup, test_new_place, teardown);
  g_test_add ("/hibachi/ui-venue/unknown-place", Fixture, NULL, setup, test_unknown_place, teardown);
  g_test_add ("/hibachi/ui-venue/read-only", Fixture, "chef.kenji@demo.test", setup, test_read_only, teardown);

  return g_test_run ();
}
