/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-assign-dialog.h: "Assign a Chef" for one booking or several (one
 * choice, one reason for all). It lists the station's chefs ranked by the
 * suggestion score (SPEC §8.4) with the score's parts in words and each
 * warning and conflict with an icon and its reason. Enter assigns the
 * selected chef; Tab leaves the list. A conflict takes "Assign Anyway" and a
 * reason of 10–500 characters before anything is sent; a chef of another
 * station cannot be chosen. Assigning goes through the store and pushes one
 * undo command on the context's stack that puts the previous chefs back.
 *
 * Used by the Bookings detail pane and the dispatch board:
 *
 *   dialog = hibachi_assign_dialog_new (context, bookings);
 *   hibachi_assign_dialog_run_async (dialog, parent, cancellable, done_cb, data);
 *   …
 *   assigned = hibachi_assign_dialog_run_finish (dialog, result, &error);
 */
#pragma once

#include <adwaita.h>

#include "hibachi-booking.h"
#include "hibachi-context.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_ASSIGN_DIALOG (hibachi_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HibachiAssignDialog, hibachi_assign_dialog, HIBACHI, ASSIGN_DIALOG, AdwMessageDialog)

/* @bookings: (element-type HibachiBooking) one or more, signed in on
 * @context. */
HibachiAssignDialog *hibachi_assign_dialog_new          (HibachiContext       *context,
                                                         GPtrArray            *bookings);
HibachiAssignDialog *hibachi_assign_dialog_new_for_booking (HibachiContext    *context,
                                                         HibachiBooking       *booking);
/* Shows the dialog over @parent and finishes once the user chose and the
 * server answered, or closed the dialog. */
void                 hibachi_assign_dialog_run_async    (HibachiAssignDialog  *self,
                                                         GtkWindow            *parent,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* (element-type HibachiBooking) (transfer container): the bookings as
 * assigned (those already with the chef are left as they were). NULL and
 * G_IO_ERROR_CANCELLED when closed without assigning; NULL and the
 * server's error (naming the booking) when an assignment failed: those
 * before it stay assigned and undoable, see get_assigned. */
GPtrArray           *hibachi_assign_dialog_run_finish   (HibachiAssignDialog  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* (element-type HibachiBooking) what the server has assigned so far. */
GPtrArray           *hibachi_assign_dialog_get_assigned (HibachiAssignDialog  *self);

G_END_DECLS
