/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane follows the window's change feed: when someone else
 * changes the booking on screen, the pane shows their version in place and
 * says who; with unsaved edits it only says who and offers Reload, so
 * nothing typed is lost unasked. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail-private.h"
#include "hibachi-page.h"

typedef struct
{
  HibachiBookingDetail *self;
  char                 *actor;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_free (fetch->actor);
  g_free (fetch);
}

static void
say_who (HibachiBookingDetail *self,
         const char           *actor,
         gboolean              offer_reload)
{
  g_autofree char *text = NULL;

  if (offer_reload)
    /* Translators: someone's name */
    text = g_strdup_printf (_("%s changed this booking while you were editing. Your changes are not saved yet."), actor);
  else
    /* Translators: someone's name */
    text = g_strdup_printf (_("%s changed this booking."), actor);
  gtk_label_set_text (self->changed_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), offer_reload);
  gtk_revealer_set_reveal_child (self->changed_revealer, TRUE);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  HibachiBookingDetail *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) theirs = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);
  HibachiBooking *shown = self->booking;

  if (theirs == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      fetch_free (fetch);
      return;
    }

  /* Another booking on screen by now, or a change this pane made itself
   * (its reply is shown already). */
  if (shown == NULL || g_strcmp0 (hibachi_booking_get_id (shown), hibachi_booking_get_id (theirs)) != 0 ||
      hibachi_booking_get_version (theirs) <= hibachi_booking_get_version (shown))
    {
      fetch_free (fetch);
      return;
    }

  if (hibachi_booking_detail_has_changes (self))
    {
      g_set_object (&self->theirs, theirs);
      say_who (self, fetch->actor, TRUE);
    }
  else
    {
      hibachi_booking_detail_show_result (self, theirs);
      say_who (self, fetch->actor, FALSE);
    }
  fetch_free (fetch);
}

static void
feed_changed_cb (HibachiChangeFeed    *feed,
                 HibachiResourceKind   kind,
                 const char           *id,
                 const char           *actor,
                 const char           *action,
                 HibachiBookingDetail *self)
{
  Fetch *fetch;

  if (kind != HIBACHI_RESOURCE_BOOKING || self->booking == NULL ||
      g_strcmp0 (id, hibachi_booking_get_id (self->booking)) != 0)
    return;

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->actor = g_strdup (actor ? actor : _("someone else"));
  hibachi_store_get_booking_async (hibachi_booking_detail_get_store (self), id, self->cancellable, fetched_cb, fetch);
}

void
hibachi_booking_detail_follow (HibachiBookingDetail *self,
                               HibachiChangeFeed    *feed)
{
  if (self->feed == feed)
    return;
  if (self->feed != NULL)
    g_signal_handlers_disconnect_by_func (self->feed, feed_changed_cb, self);
  g_set_object (&self->feed, feed);
  if (feed != NULL)
    g_signal_connect_object (feed, "changed", G_CALLBACK (feed_changed_cb), self, 0);
}
