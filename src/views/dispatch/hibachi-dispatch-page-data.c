/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dispatch board's loaded chefs and bookings: finding them and their
 * cards, replacing a booking, and the snapshot the rules read. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <string.h>

#include "hibachi-dispatch-page-private.h"

HibachiBooking *
hibachi_dispatch_page_find_booking (HibachiDispatchPage *self,
                                    const char          *id)
{
  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    if (g_strcmp0 (hibachi_booking_get_id (g_ptr_array_index (self->bookings, i)), id) == 0)
      return g_ptr_array_index (self->bookings, i);
  return NULL;
}

HibachiChef *
hibachi_dispatch_page_find_chef (HibachiDispatchPage *self,
                                 const char          *id)
{
  for (guint i = 0; self->chefs != NULL && i < self->chefs->len; i++)
    if (g_strcmp0 (hibachi_resource_get_id (g_ptr_array_index (self->chefs, i)), id) == 0)
      return g_ptr_array_index (self->chefs, i);
  return NULL;
}

static HibachiDispatchCard *
find_card_in (GtkWidget  *root,
              const char *booking_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      HibachiDispatchCard *found;

      if (HIBACHI_IS_DISPATCH_CARD (child))
        {
          if (g_strcmp0 (hibachi_booking_get_id (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (child))),
                         booking_id) == 0)
            return HIBACHI_DISPATCH_CARD (child);
          continue;
        }
      if ((found = find_card_in (child, booking_id)) != NULL)
        return found;
    }
  return NULL;
}

HibachiDispatchCard *
hibachi_dispatch_page_find_card (HibachiDispatchPage *self,
                                 const char          *booking_id)
{
  HibachiDispatchCard *card = find_card_in (GTK_WIDGET (self->board), booking_id);

  return card != NULL ? card : find_card_in (GTK_WIDGET (self->queue), booking_id);
}

gboolean
hibachi_dispatch_cell_get_target (GtkWidget             *cell,
                                  HibachiDispatchTarget *out)
{
  const char *date = g_object_get_data (G_OBJECT (cell), "dispatch-date");

  memset (out, 0, sizeof *out);
  if (date == NULL)
    return FALSE;
  out->chef_id = g_object_get_data (G_OBJECT (cell), "dispatch-chef");
  g_strlcpy (out->date, date, sizeof out->date);
  out->slot = g_object_get_data (G_OBJECT (cell), "dispatch-slot");
  return TRUE;
}

/* The snapshot the rules read: JSON objects of the loaded chefs and
 * bookings, made when the rules first read it. A board nobody has opened
 * loads only for its sidebar badge, which reads the bookings' fields: the
 * two weeks it loads of the 100,000-booking demo are 8 MiB as JSON, held
 * for nothing while people work in Bookings. */
void
hibachi_dispatch_page_forget_snapshot (HibachiDispatchPage *self)
{
  self->snapshot_built = FALSE;
  g_ptr_array_set_size (self->snapshot_chefs, 0);
  g_ptr_array_set_size (self->snapshot_bookings, 0);
  memset (&self->snapshot, 0, sizeof self->snapshot);
}

const HibachiDispatchSnapshot *
hibachi_dispatch_page_get_snapshot (HibachiDispatchPage *self)
{
  if (self->snapshot_built)
    return &self->snapshot;

  self->snapshot_built = TRUE;
  g_ptr_array_set_size (self->snapshot_chefs, 0);
  g_ptr_array_set_size (self->snapshot_bookings, 0);
  for (guint i = 0; self->chefs != NULL && i < self->chefs->len; i++)
    g_ptr_array_add (self->snapshot_chefs, hibachi_resource_get_json (g_ptr_array_index (self->chefs, i)));
  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    g_ptr_array_add (self->snapshot_bookings, hibachi_booking_get_json (g_ptr_array_index (self->bookings, i)));
  self->snapshot.station_location = self->station_location;
  self->snapshot.chefs = (JsonObject **) self->snapshot_chefs->pdata;
  self->snapshot.n_chefs = self->snapshot_chefs->len;
  self->snapshot.bookings = (JsonObject **) self->snapshot_bookings->pdata;
  self->snapshot.n_bookings = self->snapshot_bookings->len;
  return &self->snapshot;
}

void
hibachi_dispatch_page_replace (HibachiDispatchPage *self,
                               HibachiBooking      *booking)
{
  guint i;

  if (self->bookings == NULL)
    return;
  for (i = 0; i < self->bookings->len; i++)
    if (g_strcmp0 (hibachi_booking_get_id (g_ptr_array_index (self->bookings, i)), hibachi_booking_get_id (booking)) == 0)
      break;
  if (i < self->bookings->len)
    {
      HibachiBooking *old = g_ptr_array_index (self->bookings, i);

      g_ptr_array_index (self->bookings, i) = g_object_ref (booking);
      g_object_unref (old);
    }
  else
    g_ptr_array_add (self->bookings, g_object_ref (booking));
  hibachi_dispatch_page_forget_snapshot (self);
}
