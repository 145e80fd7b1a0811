/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-new-booking"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-address-entry.h"
#include "hibachi-core.h"
#include "hibachi-form.h"
#include "hibachi-new-booking-dialog.h"
#include "hibachi-toast.h"

typedef enum
{
  ROW_NAME,
  ROW_EMAIL,
  ROW_PHONE,
  ROW_DATE,
  ROW_REQUESTS,
  N_ROWS
} Row;

static const char * const row_titles[N_ROWS] = {
  N_("Customer"), N_("Email"), N_("Phone"), N_("Event Date (YYYY-MM-DD)"), N_("Special Requests"),
};

struct _HibachiNewBookingDialog
{
  AdwWindow          parent_instance;

  HibachiSession    *session;
  HibachiDirectory  *directory;
  GCancellable      *cancellable;
  GPtrArray         *station_ids;
  char              *idempotency_key;
  HibachiPriceSheet  sheet;
  gboolean           have_sheet;
  gint64             total;
  gboolean           may_close;      /* created, or what was typed may go */

  AdwToastOverlay   *toasts;
  AdwComboRow       *station_row;
  AdwEntryRow       *rows[N_ROWS];
  HibachiAddressEntry *venue;
  AdwComboRow       *slot_row;
  GtkSpinButton     *counts[3];
  GtkLabel          *quote_label;
  GtkLabel          *area_label;
  GtkLabel          *problem_label;
  GtkButton         *create_button;
};

G_DEFINE_FINAL_TYPE (HibachiNewBookingDialog, hibachi_new_booking_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text (HibachiNewBookingDialog *self,
      Row                      row)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[row]));
}

static const char *
station_id (HibachiNewBookingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->station_row);

  return selected < self->station_ids->len ? g_ptr_array_index (self->station_ids, selected) : NULL;
}

/* Validation and the quote, on every change. */
static void
update (HibachiNewBookingDialog *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(GString) quote_text = g_string_new (NULL);
  HibachiStation *station = hibachi_directory_get_station (self->directory, station_id (self));
  HibachiQuoteRequest request;
  HibachiQuote quote;
  double lat = 0, lng = 0;
  gboolean have_venue = hibachi_address_entry_get_location (self->venue, &lat, &lng);
  g_autofree char *area = have_venue ? hibachi_directory_describe_service_area (self->directory, (HibachiLatLng) { lat, lng }) : NULL;

  if (station == NULL)
    problem = g_strdup (_("Choose a station."));
  else if (!hibachi_validate_required_text (text (self, ROW_NAME), 100, NULL))
    problem = g_strdup (_("Enter the customer’s name."));
  else if (!hibachi_validate_email (text (self, ROW_EMAIL), &problem))
    ;
  else if (!hibachi_validate_phone (text (self, ROW_PHONE), &problem))
    ;
  else if (!hibachi_validate_event_date (text (self, ROW_DATE), NULL, NULL, &problem))
    ;
  else if (!hibachi_validate_party (gtk_spin_button_get_value_as_int (self->counts[0]),
                                    gtk_spin_button_get_value_as_int (self->counts[1]),
                                    gtk_spin_button_get_value_as_int (self->counts[2]), &problem))
    ;
  else if (!hibachi_validate_required_text (hibachi_address_entry_get_address (self->venue), 300, NULL))
    problem = g_strdup (_("Enter the venue’s address."));
  else if (!have_venue)
    problem = g_strdup (_("Pick the venue’s place from the list under its address."));

  /* The quote needs the party, the station's prices and the venue only. */
  self->total = -1;
  hibachi_quote_request_init (&request);
  request.adults = (guint) gtk_spin_button_get_value_as_int (self->counts[0]);
  request.children = (guint) gtk_spin_button_get_value_as_int (self->counts[1]);
  request.toddlers = (guint) gtk_spin_button_get_value_as_int (self->counts[2]);
  if (station != NULL && have_venue)
    {
      HibachiLatLng from = { hibachi_station_get_lat (station), hibachi_station_get_lng (station) };
      HibachiLatLng to = { lat, lng };

      request.distance_miles = MIN (hibachi_geo_distance_miles (from, to), HIBACHI_QUOTE_MAX_DISTANCE_MILES);
    }

  if (!self->have_sheet)
    g_string_append (quote_text, _("Loading the station’s prices…"));
  else if (!have_venue && hibachi_quote_compute (&self->sheet, &request, &quote, NULL, NULL))
    {
      g_autofree char *food = hibachi_format_cents (quote.food_total_cents);

      g_string_append_printf (quote_text, _("Food %s%s · Travel once the venue’s place is picked"),
                              food, quote.minimum_applied ? _(" (party minimum)") : "");
    }
  else if (hibachi_quote_compute (&self->sheet, &request, &quote, NULL, NULL))
    {
      g_autofree char *food = hibachi_format_cents (quote.food_total_cents);
      g_autofree char *travel = hibachi_format_cents (quote.travel_fee_cents);
      g_autofree char *total = hibachi_format_cents (quote.total_cents);
      g_autofree char *deposit = hibachi_format_cents (quote.deposit_cents);

      self->total = quote.total_cents;
      g_string_append_printf (quote_text, _("Food %s%s · Travel %s (%.1f mi) · Total %s · Deposit %s"),
                              food, quote.minimum_applied ? _(" (party minimum)") : "", travel,
                              quote.distance_miles, total, deposit);
    }
  else
    g_string_append (quote_text, _("Enter the party to see a quote."));

  gtk_label_set_text (self->quote_label, quote_text->str);
  gtk_label_set_text (self->area_label, area ? area : "");
  gtk_widget_set_visible (GTK_WIDGET (self->area_label), area != NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), problem == NULL);
}

static void
sheet_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HibachiNewBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_toast_show (GTK_WIDGET (self->toasts), adw_toast_new (error->message));
      return;
    }

  hibachi_price_sheet_init_defaults (&self->sheet);
  for (guint i = 0; i < items->len; i++)
    hibachi_price_sheet_set (&self->sheet, hibachi_price_entry_get_key (items->pdata[i]),
                             hibachi_price_entry_get_value (items->pdata[i]), NULL);
  self->have_sheet = TRUE;
  update (self);
}

static void
station_changed_cb (HibachiNewBookingDialog *self)
{
  if (station_id (self) == NULL)
    return;

  self->have_sheet = FALSE;
  hibachi_store_price_sheet_async (hibachi_session_get_store (self->session), station_id (self), self->cancellable,
                                   sheet_cb, g_object_ref (self));
  update (self);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HibachiNewBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) created = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), TRUE);
  if (created == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      hibachi_toast_show (GTK_WIDGET (self->toasts), adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, hibachi_booking_get_reference (created));
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

void
hibachi_new_booking_dialog_create (HibachiNewBookingDialog *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const char *count_members[] = { "adults", "children", "toddlers" };
  double lat = 0, lng = 0;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)) ||
      !hibachi_address_entry_get_location (self->venue, &lat, &lng))
    return;

  json_object_set_string_member (object, "station_id", station_id (self));
  {
    g_autofree char *name = g_strstrip (g_strdup (text (self, ROW_NAME)));
    json_object_set_string_member (object, "customer_name", name);
  }
  json_object_set_string_member (object, "customer_email", text (self, ROW_EMAIL));
  json_object_set_string_member (object, "customer_phone", text (self, ROW_PHONE));
  json_object_set_string_member (object, "event_date", text (self, ROW_DATE));
  json_object_set_string_member (object, "slot", hibachi_slot_to_string (adw_combo_row_get_selected (self->slot_row)));
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    json_object_set_int_member (object, count_members[i], gtk_spin_button_get_value_as_int (self->counts[i]));
  json_object_set_string_member (object, "venue_address", hibachi_address_entry_get_address (self->venue));
  json_object_set_double_member (object, "venue_lat", lat);
  json_object_set_double_member (object, "venue_lng", lng);
  json_object_set_string_member (object, "special_requests", text (self, ROW_REQUESTS));

  /* The same key on a retry: the server answers with the first booking. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
  hibachi_store_create_booking_async (hibachi_session_get_store (self->session), object, self->idempotency_key,
                                      self->cancellable, created_cb, g_object_ref (self));
}

gint64
hibachi_new_booking_dialog_get_total (HibachiNewBookingDialog *self)
{
  return self->total;
}

/* Typed input is not thrown away by Esc or the close button unasked. */

static gboolean
has_input (HibachiNewBookingDialog *self)
{
  for (guint i = 0; i < N_ROWS; i++)
    if (i != ROW_DATE && *text (self, i) != '\0')
      return TRUE;

  return *hibachi_address_entry_get_address (self->venue) != '\0';
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     HibachiNewBookingDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* Once the question is gone: it belongs to this window. */
  self->may_close = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
hibachi_new_booking_dialog_close_request (GtkWindow *window)
{
  HibachiNewBookingDialog *self = HIBACHI_NEW_BOOKING_DIALOG (window);
  GtkWidget *dialog;

  if (self->may_close || !has_input (self))
    return GTK_WINDOW_CLASS (hibachi_new_booking_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard New Booking?"),
                                   _("What you typed for it is not saved anywhere."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
hibachi_new_booking_dialog_dispose (GObject *object)
{
  HibachiNewBookingDialog *self = HIBACHI_NEW_BOOKING_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->station_ids, g_ptr_array_unref);
  g_clear_pointer (&self->idempotency_key, g_free);

  G_OBJECT_CLASS (hibachi_new_booking_dialog_parent_class)->dispose (object);
}

static void
hibachi_new_booking_dialog_class_init (HibachiNewBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_new_booking_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = hibachi_new_booking_dialog_close_request;

  /* The reference of the new booking. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
count_row (const char     *title,
           GtkSpinButton **out_spin,
           double          value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *out_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, HIBACHI_GUESTS_MAX, 1));
  gtk_spin_button_set_value (*out_spin, value);
  hibachi_form_take_typed_counts (*out_spin);
  gtk_widget_set_valign (GTK_WIDGET (*out_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, GTK_WIDGET (*out_spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (*out_spin));

  return GTK_WIDGET (row);
}

static void
hibachi_new_booking_dialog_init (HibachiNewBookingDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *where = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *venue = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *customer = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *event = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *quote = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) slots = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->station_ids = g_ptr_array_new_with_free_func (g_free);
  self->idempotency_key = g_uuid_string_random ();
  self->total = -1;

  gtk_window_set_title (GTK_WINDOW (self), _("New Booking"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->create_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_reate")));
  gtk_widget_add_css_class (GTK_WIDGET (self->create_button), "suggested-action");
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (hibachi_new_booking_dialog_create), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->create_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);

  self->station_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->station_row), _("Station"));
  adw_preferences_group_add (where, GTK_WIDGET (self->station_row));

  adw_preferences_group_set_title (venue, _("Venue"));
  self->venue = HIBACHI_ADDRESS_ENTRY (hibachi_address_entry_new ());
  hibachi_address_entry_set_title (self->venue, _("Venue Address"));
  g_signal_connect_swapped (self->venue, "location-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->venue, "notify::address", G_CALLBACK (update), self);
  adw_preferences_group_add (venue, GTK_WIDGET (self->venue));

  adw_preferences_group_set_title (customer, _("Customer"));
  adw_preferences_group_set_title (event, _("Event"));
  adw_preferences_group_set_title (quote, _("Quote"));

  for (guint i = 0; i < N_ROWS; i++)
    {
      self->rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(row_titles[i]));
      g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (update), self);
      adw_preferences_group_add (i <= ROW_PHONE ? customer : event, GTK_WIDGET (self->rows[i]));
      if (i == ROW_DATE)
        {
          for (guint s = 0; s < HIBACHI_N_SLOTS; s++)
            gtk_string_list_append (slots, hibachi_slot_to_string (s));
          self->slot_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->slot_row), _("Slot"));
          adw_combo_row_set_model (self->slot_row, G_LIST_MODEL (slots));
          adw_combo_row_set_selected (self->slot_row, 2);
          adw_preferences_group_add (event, GTK_WIDGET (self->slot_row));
          adw_preferences_group_add (event, count_row (_("Adults (13+)"), &self->counts[0], 10));
          adw_preferences_group_add (event, count_row (_("Children (6–12)"), &self->counts[1], 0));
          adw_preferences_group_add (event, count_row (_("Toddlers (free)"), &self->counts[2], 0));
          for (guint c = 0; c < 3; c++)
            g_signal_connect_swapped (self->counts[c], "value-changed", G_CALLBACK (update), self);
        }
    }

  /* Plain text, no Tab stops: between the venue and the customer's name,
   * Tab goes from field to field. (A selectable label is a stop; made not
   * focusable, GTK 4.8's label still takes Tab and keeps the focus where
   * it was.) */
  self->quote_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->quote_label, TRUE);
  gtk_label_set_xalign (self->quote_label, 0);
  adw_preferences_group_add (quote, GTK_WIDGET (self->quote_label));
  self->area_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->area_label, TRUE);
  gtk_label_set_xalign (self->area_label, 0);
  adw_preferences_group_add (quote, GTK_WIDGET (self->area_label));
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
  adw_preferences_group_add (quote, GTK_WIDGET (self->problem_label));

  /* The quote right under the station and the venue: it changes as the
   * form is filled, and the venue's place sets its travel fee. */
  adw_preferences_page_add (page, where);
  adw_preferences_page_add (page, venue);
  adw_preferences_page_add (page, quote);
  adw_preferences_page_add (page, customer);
  adw_preferences_page_add (page, event);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

HibachiNewBookingDialog *
hibachi_new_booking_dialog_new (GtkWindow        *parent,
                                HibachiSession   *session,
                                HibachiDirectory *directory,
                                const char       *station)
{
  HibachiNewBookingDialog *self = g_object_new (HIBACHI_TYPE_NEW_BOOKING_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *stations = hibachi_directory_get_stations (directory);
  const char * const *own = hibachi_session_get_station_ids (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *date = g_date_time_format (tomorrow, "%Y-%m-%d");
  guint selected = 0;

  self->session = g_object_ref (session);
  self->directory = g_object_ref (directory);
  hibachi_address_entry_set_store (self->venue, hibachi_session_get_store (session));

  for (guint i = 0; i < stations->len; i++)
    {
      HibachiStation *s = g_ptr_array_index (stations, i);
      const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (s));

      if (!hibachi_session_can (session, HIBACHI_CAPABILITY_ALL_STATIONS) && (own == NULL || !g_strv_contains (own, id)))
        continue;
      if (g_strcmp0 (id, station) == 0)
        selected = self->station_ids->len;
      gtk_string_list_append (names, hibachi_station_get_name (s));
      g_ptr_array_add (self->station_ids, g_strdup (id));
    }
  adw_combo_row_set_model (self->station_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->station_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[ROW_DATE]), date);
  g_signal_connect_swapped (self->station_row, "notify::selected", G_CALLBACK (station_changed_cb), self);
  station_changed_cb (self);

  /* Typing goes to the venue's address (the station is chosen already),
   * not to the header's Cancel, where Enter closed the dialog. */
  gtk_widget_grab_focus (GTK_WIDGET (self->venue));

  return self;
}
