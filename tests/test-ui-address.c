/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The address entry in New Booking, against a real hibachi-server under
 * Xvfb: typing looks the address up once after the pause, the places found
 * are listed and picked with the mouse or the keyboard, and the picked
 * place sets the quote's travel fee and the service-area verdict. With
 * HIBACHI_SCREENSHOT_DIR set, it saves a screenshot of the list. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hibachi-address-entry.h"
#include "hibachi-core.h"
#include "hibachi-directory.h"
#include "hibachi-new-booking-dialog.h"
#include "hibachi-session.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-test-x11.h"

#define FREMONT_LAT 37.5485
#define FREMONT_LNG -121.9886

typedef struct
{
  HibachiTestServer *ts;
  HibachiSession    *session;
  HibachiDirectory  *directory;
  GtkWindow         *dialog;
  HibachiAddressEntry *entry;
} Fixture;

/* A button or row by its label, shown or not. */
#define find_widget(root, type, label) hibachi_test_find_labelled ((root), (type), (label), FALSE)

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_with_class (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The label under the quote that starts with @prefix, or NULL. */
static const char *
label_starting (GtkWidget  *root,
                const char *prefix)
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

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *fremont = NULL;

  f->ts = hibachi_test_server_start (0);
  f->session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  hibachi_session_sign_in_async (f->session, "office@demo.test", HIBACHI_DEMO_PASSWORD, NULL,
                                 hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (hibachi_session_sign_in_finish (f->session, result, &error));
  g_assert_no_error (error);

  f->directory = hibachi_directory_new (hibachi_session_get_store (f->session));
  hibachi_directory_load_async (f->directory, NULL, hibachi_test_store_result_cb, &loaded);
  WAIT_FOR (loaded != NULL);
  g_assert_true (hibachi_directory_load_finish (f->directory, loaded, &error));

  for (guint i = 0; i < hibachi_directory_get_stations (f->directory)->len; i++)
    {
      HibachiStation *station = hibachi_directory_get_stations (f->directory)->pdata[i];

      if (g_str_equal (hibachi_station_get_code (station), "CA-FREMONT-001"))
        fremont = hibachi_resource_get_id (HIBACHI_RESOURCE (station));
    }
  g_assert_nonnull (fremont);

  f->dialog = GTK_WINDOW (hibachi_new_booking_dialog_new (NULL, f->session, f->directory, fremont));
  gtk_window_present (f->dialog);
  f->entry = HIBACHI_ADDRESS_ENTRY (find_widget (GTK_WIDGET (f->dialog), HIBACHI_TYPE_ADDRESS_ENTRY, NULL));
  g_assert_nonnull (f->entry);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, "Customer")), "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, "Email")), "ada@example.com");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, "Phone")), "(510) 555-0188");
  /* The station's prices are loaded: the quote shows. */
  WAIT_FOR (label_starting (GTK_WIDGET (f->dialog), "Food ") != NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->dialog);
  g_clear_object (&f->directory);
  g_clear_object (&f->session);
  hibachi_test_server_stop (f->ts);
}

static GtkEditable *
address_field (Fixture *f)
{
  GtkWidget *row = find_widget (GTK_WIDGET (f->entry), ADW_TYPE_ENTRY_ROW, "Venue Address");

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* Key by key, faster than the pause, as a person types. */
static void
type_slowly (Fixture    *f,
             const char *text)
{
  GtkEditable *field = address_field (f);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_set_position (field, -1);
      position = gtk_editable_get_position (field);
      gtk_editable_insert_text (field, p, (int) (g_utf8_next_char (p) - p), &position);
      hibachi_test_pause_ms (HIBACHI_ADDRESS_ENTRY_DELAY_MS / 4);
    }
}

static void
wait_for_places (Fixture *f)
{
  WAIT_FOR (!hibachi_address_entry_is_searching (f->entry));
}

static GtkWidget *
place_row (Fixture    *f,
           const char *label)
{
  GtkWidget *list = find_widget (GTK_WIDGET (f->entry), GTK_TYPE_LIST_BOX, NULL);
  GtkWidget *places = gtk_widget_get_next_sibling (list);   /* the revealer with the places */

  return find_widget (places, ADW_TYPE_ACTION_ROW, label);
}

static gint64
expected_total (HibachiLatLng venue,
                guint         adults,
                gint64       *out_travel)
{
  HibachiPriceSheet sheet;
  HibachiQuoteRequest request;
  HibachiQuote quote;

  hibachi_price_sheet_init_defaults (&sheet);
  hibachi_quote_request_init (&request);
  request.adults = adults;
  request.distance_miles = hibachi_geo_distance_miles ((HibachiLatLng) { FREMONT_LAT, FREMONT_LNG }, venue);
  g_assert_true (hibachi_quote_compute (&sheet, &request, &quote, NULL, NULL));
  *out_travel = quote.travel_fee_cents;
  return quote.total_cents;
}

static void
test_type_and_pick (Fixture *f, gconstpointer data)
{
  GtkWidget *create = find_with_class (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "suggested-action");
  g_autofree char *hayward_request = NULL;
  HibachiGeocodeCandidate *first;
  double lat = 0, lng = 0;
  gint64 travel;
  gint64 total;

  hibachi_test_server_clear_requests (f->ts);
  type_slowly (f, "Hayward");
  wait_for_places (f);

  /* Seven keys, one lookup: after the pause, for the whole word. */
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/geocode"), ==, 1);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/geocode?q=Hayward"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hibachi_address_entry_get_candidates (f->entry)), >=, 1);
  first = g_list_model_get_item (hibachi_address_entry_get_candidates (f->entry), 0);
  g_assert_cmpstr (hibachi_geocode_candidate_get_label (first), ==, "Hayward, CA");
  g_object_unref (first);
  g_assert_nonnull (place_row (f, "Hayward, CA"));
  g_assert_true (gtk_widget_get_mapped (place_row (f, "Hayward, CA")));
  /* Not picked yet: no place, nothing to create. */
  g_assert_false (hibachi_address_entry_get_location (f->entry, NULL, NULL));
  g_assert_nonnull (label_starting (GTK_WIDGET (f->dialog), "Pick the venue’s place"));
  g_assert_false (gtk_widget_is_sensitive (create));
  hibachi_test_save_screenshot (GTK_WIDGET (f->dialog), "new-booking-address");

  /* A click on the place picks it: the location is shown, the list goes. */
  gtk_widget_activate (place_row (f, "Hayward, CA"));
  g_assert_true (hibachi_address_entry_get_location (f->entry, &lat, &lng));
  g_assert_cmpfloat (fabs (lat - 37.6688), <, 0.01);
  g_assert_cmpfloat (fabs (lng + 122.0670), <, 0.02);
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "Hayward, CA");
  /* Back in the field to go on typing: nothing selected for a key to replace. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->dialog)), GTK_WIDGET (address_field (f))));
  g_assert_false (gtk_editable_get_selection_bounds (address_field (f), NULL, NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->entry), ADW_TYPE_ACTION_ROW, "Location"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (GTK_WIDGET (f->entry), ADW_TYPE_ACTION_ROW, "Location"))),
                            "37.6688"));

  /* The quote's travel follows the place: Hayward is inside the free miles. */
  total = expected_total ((HibachiLatLng) { lat, lng }, 10, &travel);
  g_assert_cmpint (travel, ==, 0);
  WAIT_FOR (hibachi_new_booking_dialog_get_total (HIBACHI_NEW_BOOKING_DIALOG (f->dialog)) == total);
  g_assert_nonnull (strstr (label_starting (GTK_WIDGET (f->dialog), "Food "), "Travel $0.00 (9."));
  g_assert_nonnull (label_starting (GTK_WIDGET (f->dialog), "Inside the service area: 9."));
  g_assert_true (gtk_widget_is_sensitive (create));

  /* Modesto, 50 miles off: the travel fee shows and the total follows. */
  gtk_editable_set_text (address_field (f), "");
  type_slowly (f, "1200 J St, Modesto, CA");
  g_assert_false (hibachi_address_entry_get_location (f->entry, NULL, NULL));
  wait_for_places (f);
  hibachi_address_entry_pick (f->entry, 0);
  g_assert_true (hibachi_address_entry_get_location (f->entry, &lat, &lng));
  total = expected_total ((HibachiLatLng) { lat, lng }, 10, &travel);
  g_assert_cmpint (travel, >, 2000);
  WAIT_FOR (hibachi_new_booking_dialog_get_total (HIBACHI_NEW_BOOKING_DIALOG (f->dialog)) == total);
  {
    g_autofree char *fee = hibachi_format_cents (travel);
    g_autofree char *shown = g_strdup_printf ("Travel %s (", fee);

    g_assert_nonnull (strstr (label_starting (GTK_WIDGET (f->dialog), "Food "), shown));
  }
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "1200 J St, Modesto, CA");
}

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->entry));
  gboolean handled = FALSE;
  GtkWidget *focus;
  double lat = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);

  gtk_widget_grab_focus (GTK_WIDGET (address_field (f)));
  type_slowly (f, "san jo");
  wait_for_places (f);
  g_assert_cmpuint (g_list_model_get_n_items (hibachi_address_entry_get_candidates (f->entry)), >=, 2);

  /* ↓ goes from the field to the first place… */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (f->dialog));
  g_assert_true (focus == place_row (f, "San Jose, CA"));

  /* …Esc closes the list and goes back to the field, keeping the text. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->dialog)), GTK_WIDGET (address_field (f))));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (place_row (f, "San Jose, CA")))));
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "san jo");

  /* Enter in the field takes the first place. */
  g_signal_emit_by_name (address_field (f), "entry-activated");
  g_assert_true (hibachi_address_entry_get_location (f->entry, &lat, NULL));
  g_assert_cmpstr (gtk_editable_get_text (address_field (f)), ==, "San Jose, CA");
  g_assert_cmpfloat (fabs (lat - 37.33), <, 0.05);

  /* Typing again: the place was for the text before. */
  type_slowly (f, "x");
  g_assert_false (hibachi_address_entry_get_location (f->entry, NULL, NULL));
  g_assert_nonnull (label_starting (GTK_WIDGET (f->dialog), "Pick the venue’s place"));
}

/* The dialog opens with the focus in the venue's address, ready to type;
 * not on the header's Cancel, where Enter closed it. */
static void
test_opens_in_address (Fixture *f, gconstpointer data)
{
  GtkWidget *focus;

  hibachi_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (f->dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (address_field (f)) || gtk_widget_is_ancestor (focus, GTK_WIDGET (address_field (f))));
}

/* Tab from the venue's field goes on to the customer's name through
 * fields only: the quote's lines below the venue are no stops (typed
 * details went into the wrong fields when they were). */
static void
test_tab_to_customer (Fixture *f, gconstpointer data)
{
  GtkWidget *customer = find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, "Customer");
  GtkWidget *focus = NULL;

  hibachi_test_x_focus (GTK_WIDGET (f->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (address_field (f)));
  for (guint i = 0; i < 8; i++)
    {
      hibachi_test_x_key (GTK_WIDGET (f->dialog), GDK_KEY_Tab, 0);
      focus = gtk_root_get_focus (GTK_ROOT (f->dialog));
      g_assert_nonnull (focus);
      g_assert_false (GTK_IS_LABEL (focus));
      if (gtk_widget_is_ancestor (focus, customer))
        break;
    }
  g_assert_true (gtk_widget_is_ancestor (focus, customer));
}

/* The quote follows the party as it is typed: 24 adults typed (not yet
 * taken by the field in GTK's own way, which waits for the focus to
 * leave) show their price at once. */
static void
test_quote_follows_typing (Fixture *f, gconstpointer data)
{
  GtkWidget *row = find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ACTION_ROW, "Adults (13+)");
  GtkWidget *adults = row != NULL ? hibachi_test_find_type (row, GTK_TYPE_SPIN_BUTTON) : NULL;
  g_autofree char *before = NULL;

  g_assert_nonnull (adults);
  before = g_strdup (label_starting (GTK_WIDGET (f->dialog), "Food "));
  gtk_widget_grab_focus (adults);
  gtk_editable_set_text (GTK_EDITABLE (adults), "");
  hibachi_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adults)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (adults), "2");
  gtk_editable_set_text (GTK_EDITABLE (adults), "24");
  hibachi_test_settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (adults)), ==, 24);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adults)), ==, "24");
  g_assert_cmpstr (label_starting (GTK_WIDGET (f->dialog), "Food "), !=, before);
}

static void
test_nothing_found (Fixture *f, gconstpointer data)
{
  GtkWidget *location;

  hibachi_test_server_clear_requests (f->ts);
  /* Two characters are not looked up. */
  type_slowly (f, "Ha");
  hibachi_test_pause_ms (HIBACHI_ADDRESS_ENTRY_DELAY_MS * 2);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/geocode"), ==, 0);

  gtk_editable_set_text (address_field (f), "");
  type_slowly (f, "Xyzzyville");
  wait_for_places (f);
  g_assert_cmpuint (g_list_model_get_n_items (hibachi_address_entry_get_candidates (f->entry)), ==, 0);
  location = find_widget (GTK_WIDGET (f->entry), ADW_TYPE_ACTION_ROW, "Location");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (location)), "No place found for “Xyzzyville”"));

  /* The server's refusal is shown as it words it. */
  gtk_editable_set_text (address_field (f), "");
  {
    g_autofree char *long_text = g_strnfill (201, 'a');

    gtk_editable_set_text (address_field (f), long_text);
  }
  wait_for_places (f);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (location)), "200 characters"));
  g_assert_false (hibachi_address_entry_get_location (f->entry, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/hibachi/ui-address/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("type-and-pick", test_type_and_pick);
  ADD ("keyboard", test_keyboard);
  ADD ("nothing-found", test_nothing_found);
  ADD ("tab-to-customer", test_tab_to_customer);
  ADD ("opens-in-address", test_opens_in_address);
  ADD ("quote-follows-typing", test_quote_follows_typing);
#undef ADD

  return g_test_run ();
}
