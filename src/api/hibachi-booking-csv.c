/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hibachi-booking-csv.h"
#include "hibachi-core.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  const char *v = value ? value : "";
  /* A leading = + - @ would run as a formula in spreadsheets: defused with '. */
  gboolean formula = v[0] != '\0' && strchr ("=+-@", v[0]) != NULL;

  if (formula || strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = v; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, v);

  g_string_append (out, last ? "\r\n" : ",");
}

void
hibachi_booking_csv_append_header (GString *out)
{
  const char *columns[] = {
    N_("Reference"), N_("Event date"), N_("Slot"), N_("Customer"), N_("Email"), N_("Phone"), N_("Guests"),
    N_("Station"), N_("Chef"), N_("Status"), N_("Total"), N_("Venue"), N_("Created"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, _(columns[i]), i == G_N_ELEMENTS (columns) - 1);
}

void
hibachi_booking_csv_append (GString          *out,
                            HibachiBooking   *b,
                            HibachiDirectory *directory)
{
  g_autofree char *guests = g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_guests (b));
  /* Plain decimal money: spreadsheets sum it. */
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", hibachi_booking_get_total_cents (b) / 100,
                                            (int) (hibachi_booking_get_total_cents (b) % 100));
  const char *chef = hibachi_booking_get_chef_id (b);

  append_field (out, hibachi_booking_get_reference (b), FALSE);
  append_field (out, hibachi_booking_get_event_date (b), FALSE);
  append_field (out, hibachi_booking_get_slot (b), FALSE);
  append_field (out, hibachi_booking_get_customer_name (b), FALSE);
  append_field (out, hibachi_booking_get_string (b, "customer_email"), FALSE);
  append_field (out, hibachi_booking_get_string (b, "customer_phone"), FALSE);
  append_field (out, guests, FALSE);
  append_field (out, directory ? hibachi_directory_station_name (directory, hibachi_booking_get_station_id (b)) : NULL, FALSE);
  append_field (out, chef == NULL ? "" : directory && hibachi_directory_chef_name (directory, chef)
                                           ? hibachi_directory_chef_name (directory, chef) : chef, FALSE);
  append_field (out, hibachi_booking_status_label (hibachi_booking_get_status (b)), FALSE);
  append_field (out, total, FALSE);
  append_field (out, hibachi_booking_get_string (b, "venue_address"), FALSE);
  append_field (out, hibachi_booking_get_created_at (b), TRUE);
}
