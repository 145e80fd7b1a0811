/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings page's unsaved changes, as the window asks about them
 * before it closes, signs out or quits (HibachiPage): what they are, save
 * them, or drop them. Switching booking asks in hibachi-bookings-view.c. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-bookings-view-private.h"

char *
hibachi_bookings_view_dup_unsaved (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);

  if (!hibachi_bookings_view_pane_has_changes (self))
    return NULL;
  /* Translators: a booking reference */
  return g_strdup_printf (_("Booking %s"), hibachi_booking_get_reference (hibachi_bookings_view_shown_booking (self)));
}

static void
page_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (hibachi_booking_detail_save_finish (HIBACHI_BOOKING_DETAIL (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hibachi_bookings_view_save_async (HibachiPage         *page,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  if (self->detail == NULL)
    {
      /* No booking was ever opened: nothing to save. */
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  hibachi_booking_detail_save_async (self->detail, cancellable, page_saved_cb, task);
}

void
hibachi_bookings_view_discard (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);

  if (self->detail != NULL)
    hibachi_booking_detail_discard (self->detail);
}
