/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane's total, previewed while the party is edited: the same
 * quote (src/core) over the same price sheet and distance the server uses
 * when it reprices on save, so the preview is the saved total to the cent. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail-private.h"
#include "hibachi-core.h"

static gboolean
party_changed (HibachiBookingDetail *self)
{
  static const char * const members[] = { "adults", "children", "toddlers" };

  G_STATIC_ASSERT (G_N_ELEMENTS (members) == HIBACHI_BOOKING_DETAIL_N_COUNTS);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (gtk_spin_button_get_value_as_int (self->count_spins[i]) != hibachi_booking_get_int (self->booking, members[i]))
      return TRUE;
  return FALSE;
}

/* The quote of the party in the form; FALSE until the prices are in. */
static gboolean
quote_form (HibachiBookingDetail *self,
            HibachiQuote         *out_quote)
{
  HibachiStation *station;
  HibachiQuoteRequest request;
  HibachiLatLng venue;
  HibachiLatLng from;

  if (!self->have_sheet || self->directory == NULL)
    return FALSE;
  station = hibachi_directory_get_station (self->directory, hibachi_booking_get_station_id (self->booking));
  if (station == NULL)
    return FALSE;

  from.lat = hibachi_station_get_lat (station);
  from.lng = hibachi_station_get_lng (station);
  /* The place picked in the form, so the travel fee follows it. */
  venue = hibachi_booking_detail_venue_point (self);
  hibachi_quote_request_for_party (&request, (guint) MAX (0, gtk_spin_button_get_value_as_int (self->count_spins[0])),
                                   (guint) MAX (0, gtk_spin_button_get_value_as_int (self->count_spins[1])),
                                   (guint) MAX (0, gtk_spin_button_get_value_as_int (self->count_spins[2])), from, venue);

  return hibachi_quote_compute (&self->sheet, &request, out_quote, NULL, NULL);
}

void
hibachi_booking_detail_update_total (HibachiBookingDetail *self)
{
  g_autofree char *saved = hibachi_format_cents (hibachi_booking_get_total_cents (self->booking));
  g_autofree char *text = NULL;
  HibachiQuote quote;

  if (!party_changed (self) && !hibachi_booking_detail_venue_moved (self))
    {
      g_autofree char *deposit = hibachi_format_cents (hibachi_booking_get_int (self->booking, "deposit_cents"));

      /* Translators: a total, then the deposit */
      text = g_strdup_printf (_("%s (deposit %s)"), saved, deposit);
    }
  else if (quote_form (self, &quote))
    {
      g_autofree char *total = hibachi_format_cents (quote.total_cents);
      g_autofree char *deposit = hibachi_format_cents (quote.deposit_cents);

      /* Translators: the total after the edit, the saved one, the deposit */
      text = g_strdup_printf (_("%s once saved (now %s; deposit %s)"), total, saved, deposit);
    }
  else
    /* Translators: the saved total */
    text = g_strdup_printf (_("%s; the new total comes with the station’s prices"), saved);

  adw_action_row_set_subtitle (self->total_row, text);
}

static void
sheet_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (entries == NULL)
    {
      /* The preview waits for the next booking; saving still prices. */
      g_clear_pointer (&self->sheet_station, g_free);
      hibachi_booking_detail_show_error (self, error);
      return;
    }

  hibachi_price_entries_to_sheet (entries, &self->sheet);
  self->have_sheet = TRUE;
  if (self->booking != NULL && hibachi_booking_is_loaded (self->booking))
    hibachi_booking_detail_update_total (self);
}

void
hibachi_booking_detail_load_prices (HibachiBookingDetail *self)
{
  const char *station = hibachi_booking_get_station_id (self->booking);

  /* Who may not edit the party sees the saved total only. */
  if (self->session == NULL || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS) ||
      station == NULL || g_strcmp0 (station, self->sheet_station) == 0)
    return;

  g_free (self->sheet_station);
  self->sheet_station = g_strdup (station);
  self->have_sheet = FALSE;
  hibachi_store_price_sheet_async (hibachi_booking_detail_get_store (self), station, self->cancellable, sheet_cb,
                                   g_object_ref (self));
}
