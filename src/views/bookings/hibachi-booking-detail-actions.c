/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane's actions on the booking: confirm, cancel and delete,
 * the last two with Undo. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail-private.h"
#include "hibachi-booking-undo.h"
#include "hibachi-page.h"
#include "hibachi-reason-dialog.h"

static void
confirmed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);
  g_autofree char *message = NULL;

  if (booking == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      return;
    }
  hibachi_booking_detail_show_result (self, booking);
  /* Translators: a booking reference */
  message = g_strdup_printf (_("Booking %s confirmed"), hibachi_booking_get_reference (booking));
  hibachi_page_toast (GTK_WIDGET (self), message);
}

void
hibachi_booking_detail_confirm (HibachiBookingDetail *self)
{
  hibachi_store_confirm_booking_async (hibachi_booking_detail_get_store (self), self->booking, self->cancellable, confirmed_cb, g_object_ref (self));
}

/* Undo of a cancel or delete: the restore route puts the booking back as
 * it was, status and total included. */
static void
push_restore (HibachiBookingDetail *self,
              const char           *id,
              gint64                version,
              const char           *message,
              const char           *description)
{
  g_autoptr(HibachiBookingUndo) undo = hibachi_booking_undo_new_restore (hibachi_booking_detail_get_store (self), id, version, message, description);

  hibachi_booking_undo_push (self->context, undo);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);
  const char *reference;
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  if (booking == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      return;
    }
  hibachi_booking_detail_show_result (self, booking);
  reference = hibachi_booking_get_reference (booking);
  /* Translators: a booking reference */
  message = g_strdup_printf (_("Booking %s cancelled"), reference);
  /* Translators: completes "Undo …" / "Undid …"; a booking reference */
  description = g_strdup_printf (_("cancel of %s"), reference);
  push_restore (self, hibachi_booking_get_id (booking), hibachi_booking_get_version (booking), message, description);
}

static void
cancel_reason_cb (const char *reason,
                  gpointer    user_data)
{
  HibachiBookingDetail *self = user_data;

  hibachi_store_cancel_booking_async (hibachi_booking_detail_get_store (self), self->booking, reason, self->cancellable, cancelled_cb,
                                      g_object_ref (self));
}

void
hibachi_booking_detail_cancel (HibachiBookingDetail *self)
{
  /* The reference goes in the body: a heading has to fit on one line at
   * title size (libadwaita 1.7 otherwise measures it narrower than its
   * minimum, which GTK 4.18 warns about). */
  /* Translators: a booking reference */
  g_autofree char *body = g_strdup_printf (_("The customer keeps the history of booking %s. Say why it is cancelled."),
                                           hibachi_booking_get_reference (self->booking));

  hibachi_reason_dialog_run (GTK_WIDGET (self), _("Cancel Booking?"), body,
                             _("Cancel _Booking"), TRUE, cancel_reason_cb, g_object_ref (self), g_object_unref);
}

typedef struct
{
  HibachiBookingDetail *self;
  HibachiBooking       *booking;   /* as it was deleted */
} DeleteData;

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeleteData *data = user_data;
  HibachiBookingDetail *self = data->self;
  g_autoptr(GError) error = NULL;
  const char *reference = hibachi_booking_get_reference (data->booking);
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  if (!hibachi_store_finish (HIBACHI_STORE (source), result, &error))
    hibachi_booking_detail_show_error (self, error);
  else
    {
      /* Translators: a booking reference */
      message = g_strdup_printf (_("Booking %s deleted"), reference);
      /* Translators: completes "Undo …" / "Undid …"; a booking reference */
      description = g_strdup_printf (_("delete of %s"), reference);
      /* A delete is a write: the deleted booking's version is one more. */
      push_restore (self, hibachi_booking_get_id (data->booking), hibachi_booking_get_version (data->booking) + 1,
                    message, description);
      hibachi_booking_detail_removed (self, data->booking);
    }

  g_object_unref (data->self);
  g_object_unref (data->booking);
  g_free (data);
}

static void
delete_reason_cb (const char *reason,
                  gpointer    user_data)
{
  HibachiBookingDetail *self = user_data;
  DeleteData *data = g_new0 (DeleteData, 1);

  data->self = g_object_ref (self);
  data->booking = hibachi_booking_copy (self->booking);
  hibachi_store_delete_booking_async (hibachi_booking_detail_get_store (self), data->booking, reason, self->cancellable, deleted_cb, data);
}

void
hibachi_booking_detail_delete (HibachiBookingDetail *self)
{
  /* Translators: a booking reference */
  g_autofree char *body = g_strdup_printf (_("Booking %s disappears from every list; the audit log keeps it. "
                                             "Say why it is deleted."),
                                           hibachi_booking_get_reference (self->booking));

  hibachi_reason_dialog_run (GTK_WIDGET (self), _("Delete Booking?"), body,
                             _("_Delete"), TRUE, delete_reason_cb, g_object_ref (self), g_object_unref);
}
