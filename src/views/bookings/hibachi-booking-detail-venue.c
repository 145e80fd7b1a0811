/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane's venue: the shared address entry, which finds the
 * address's place as it is typed (New Booking does the same). A new place
 * moves the booking's point, so the travel fee in the live total and the
 * service-area verdict follow it, and saving sends the address with its
 * point; an address without a place picked is not saved. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail-private.h"
#include "hibachi-core.h"

static HibachiLatLng
saved_point (HibachiBookingDetail *self)
{
  return (HibachiLatLng) {
    hibachi_resource_get_double (HIBACHI_RESOURCE (self->booking), "venue_lat"),
    hibachi_resource_get_double (HIBACHI_RESOURCE (self->booking), "venue_lng"),
  };
}

void
hibachi_booking_detail_venue_load (HibachiBookingDetail *self)
{
  const char *address = hibachi_booking_get_string (self->booking, "venue_address");
  HibachiLatLng point = saved_point (self);

  hibachi_address_entry_set_location (self->venue_entry, address ? address : "", point.lat, point.lng);
  gtk_widget_remove_css_class (GTK_WIDGET (self->venue_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->venue_entry), NULL);
}

static char *
typed_address (HibachiBookingDetail *self)
{
  return g_strstrip (g_strdup (hibachi_address_entry_get_address (self->venue_entry)));
}

gboolean
hibachi_booking_detail_venue_moved (HibachiBookingDetail *self)
{
  HibachiLatLng saved = saved_point (self);
  double lat, lng;

  return hibachi_address_entry_get_location (self->venue_entry, &lat, &lng) &&
         (lat != saved.lat || lng != saved.lng);
}

HibachiLatLng
hibachi_booking_detail_venue_point (HibachiBookingDetail *self)
{
  HibachiLatLng point;

  if (hibachi_address_entry_get_location (self->venue_entry, &point.lat, &point.lng))
    return point;
  return saved_point (self);
}

void
hibachi_booking_detail_venue_changes (HibachiBookingDetail *self,
                                      JsonObject           *changes)
{
  g_autofree char *address = typed_address (self);
  double lat, lng;

  if (g_strcmp0 (address, hibachi_booking_get_string (self->booking, "venue_address") ?: "") != 0)
    json_object_set_string_member (changes, "venue_address", address);
  /* The point goes with the address it was picked for, never alone. */
  if (hibachi_booking_detail_venue_moved (self) &&
      hibachi_address_entry_get_location (self->venue_entry, &lat, &lng))
    {
      json_object_set_double_member (changes, "venue_lat", lat);
      json_object_set_double_member (changes, "venue_lng", lng);
    }
}

char *
hibachi_booking_detail_venue_problem (HibachiBookingDetail *self)
{
  g_autofree char *address = typed_address (self);
  char *message = NULL;

  if (!hibachi_validate_required_text (address, 300, &message))
    ;
  else if (!hibachi_address_entry_get_location (self->venue_entry, NULL, NULL))
    message = g_strdup (_("Pick the venue’s place from the list under its address."));

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->venue_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->venue_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->venue_entry), message);

  return message;
}

/* Editable or not, and the service-area verdict of the place in the form. */
void
hibachi_booking_detail_venue_update (HibachiBookingDetail *self,
                                     gboolean              can_write)
{
  g_autofree char *area = NULL;

  hibachi_address_entry_set_editable (self->venue_entry, can_write);
  if (self->directory != NULL && hibachi_address_entry_get_location (self->venue_entry, NULL, NULL))
    area = hibachi_directory_describe_service_area (self->directory, hibachi_booking_detail_venue_point (self));
  gtk_label_set_text (self->venue_area_label, area ? area : "");
  gtk_widget_set_visible (GTK_WIDGET (self->venue_area_label), area != NULL);
}
