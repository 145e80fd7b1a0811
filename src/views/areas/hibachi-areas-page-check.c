/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check of a point: nearest active station, verdict, travel fee. */
#define G_LOG_DOMAIN "hibachi-areas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-api-error.h"
#include "hibachi-areas-page-private.h"


static void
show_fee (HibachiAreasPage        *self,
          const HibachiPriceSheet *sheet,
          double                   miles)
{
  HibachiQuoteRequest request;
  HibachiQuote quote;
  g_autofree char *fee = NULL;
  g_autofree char *subtitle = NULL;

  hibachi_quote_request_init (&request);
  request.adults = 10;
  request.distance_miles = miles;
  if (!hibachi_quote_compute (sheet, &request, &quote, NULL, NULL))
    {
      adw_action_row_set_subtitle (self->check_fee_row, _("Too far to quote"));
      return;
    }
  fee = hibachi_format_cents (quote.travel_fee_cents);
  if (quote.travel_fee_cents == 0)
    /* Translators: %s is the free travel fee ("$0.00") */
    subtitle = g_strdup_printf (_("%s (within the free miles)"), fee);
  else
    /* Translators: travel fee and the miles it charges for */
    subtitle = g_strdup_printf (_("%s for %.1f miles beyond the free ones"), fee, quote.billable_miles);
  adw_action_row_set_subtitle (self->check_fee_row, subtitle);
}

typedef struct
{
  HibachiAreasPage *self;
  char             *station_id;
} SheetRequest;

static void
sheet_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SheetRequest *request = user_data;
  HibachiAreasPage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (items != NULL)
    {
      HibachiPriceSheet *sheet = g_new (HibachiPriceSheet, 1);

      hibachi_price_sheet_init_defaults (sheet);
      for (guint i = 0; i < items->len; i++)
        hibachi_price_sheet_set (sheet, hibachi_price_entry_get_key (items->pdata[i]),
                                 hibachi_price_entry_get_value (items->pdata[i]), NULL);
      g_hash_table_replace (self->sheets, g_strdup (request->station_id), sheet);
      /* The point may have moved meanwhile: check what is shown now. */
      if (self->has_check)
        hibachi_areas_page_run_check (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_action_row_set_subtitle (self->check_fee_row, error->message);

  g_object_unref (request->self);
  g_free (request->station_id);
  g_free (request);
}

void
hibachi_areas_page_run_check (HibachiAreasPage *self)
{
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (HibachiStationArea));
  HibachiServiceCheck check;
  HibachiStation *station;
  HibachiLatLng location;
  g_autofree char *distance = NULL;
  const char *icons[] = { "emblem-ok-symbolic", "dialog-warning-symbolic", "action-unavailable-symbolic" };
  const HibachiPriceSheet *sheet;

  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      HibachiStation *s = g_ptr_array_index (self->stations, i);
      HibachiStationArea area = {
        hibachi_resource_get_id (HIBACHI_RESOURCE (s)),
        { hibachi_station_get_lat (s), hibachi_station_get_lng (s) },
        hibachi_station_get_service_radius_miles (s),
        hibachi_station_get_escalation_radius_miles (s),
        hibachi_station_get_is_active (s),
      };

      g_array_append_val (areas, area);
    }
  hibachi_geo_check_service_area ((HibachiStationArea *) areas->data, areas->len, self->check_point, &check);

  gtk_widget_set_visible (self->check_result_group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_station_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_verdict_row), TRUE);
  adw_action_row_set_subtitle (self->check_verdict_row, hibachi_service_verdict_describe (check.verdict));
  gtk_image_set_from_icon_name (self->check_verdict_icon, icons[check.verdict]);
  if (check.station_index < 0)
    {
      adw_action_row_set_subtitle (self->check_station_row, _("No active station"));
      gtk_widget_set_visible (GTK_WIDGET (self->check_fee_row), FALSE);
      hibachi_areas_map_set_check (self->map, &self->check_point, NULL);
      return;
    }

  station = g_ptr_array_index (self->stations, check.station_index);
  /* Translators: the nearest station and how far the point is from it */
  distance = g_strdup_printf (_("%s, %.1f miles away"), hibachi_station_get_name (station), check.distance_miles);
  adw_action_row_set_subtitle (self->check_station_row, distance);
  location = (HibachiLatLng) { hibachi_station_get_lat (station), hibachi_station_get_lng (station) };
  hibachi_areas_map_set_check (self->map, &self->check_point, &location);

  gtk_widget_set_visible (GTK_WIDGET (self->check_fee_row), TRUE);
  sheet = g_hash_table_lookup (self->sheets, hibachi_resource_get_id (HIBACHI_RESOURCE (station)));
  if (sheet != NULL)
    show_fee (self, sheet, check.distance_miles);
  else
    {
      SheetRequest *request = g_new0 (SheetRequest, 1);

      request->self = g_object_ref (self);
      request->station_id = g_strdup (hibachi_resource_get_id (HIBACHI_RESOURCE (station)));
      adw_action_row_set_subtitle (self->check_fee_row, _("Loading the station's prices…"));
      hibachi_store_price_sheet_async (hibachi_session_get_store (self->session), request->station_id,
                                       self->cancellable, sheet_loaded_cb, request);
    }
}

void
hibachi_areas_page_check_point (HibachiAreasPage *self,
                                HibachiLatLng     point)
{
  self->check_point = point;
  self->has_check = TRUE;
  if (self->stations != NULL)
    hibachi_areas_page_run_check (self);
}

void
hibachi_areas_page_point_clicked_cb (HibachiAreasPage *self,
                  double            lat,
                  double            lng)
{
  hibachi_areas_page_check_point (self, (HibachiLatLng) { lat, lng });
}

/* A place picked for the typed address: checked, and shown on the map. */
void
hibachi_areas_page_check_address_cb (HibachiAreasPage *self)
{
  HibachiLatLng point;

  if (!hibachi_address_entry_get_location (self->check_address, &point.lat, &point.lng))
    return;
  hibachi_areas_page_check_point (self, point);
  shumate_map_go_to (hibachi_areas_map_get_map (self->map), point.lat, point.lng);
}

const char *
hibachi_areas_page_get_check_text (HibachiAreasPage *self,
                                   const char       *row)
{
  AdwActionRow *rows[] = { self->check_station_row, self->check_verdict_row, self->check_fee_row };
  const char *names[] = { "station", "verdict", "fee" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (names[i], row))
      return gtk_widget_get_visible (GTK_WIDGET (rows[i])) ? adw_action_row_get_subtitle (rows[i]) : NULL;

  return NULL;
}

