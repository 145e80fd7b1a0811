/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-undo.h: an undoable change to one or more bookings,
 * undone through the store. It keeps what the bookings were before (the
 * old values, the previous chef, the status a cancel or delete took away),
 * never the new ones, and sends each undo against the version the change
 * made: if someone changed a booking meanwhile the server refuses (412) and
 * nothing is overwritten. */
#pragma once

#include <json-glib/json-glib.h>

#include "hibachi-booking.h"
#include "hibachi-context.h"
#include "hibachi-store.h"
#include "hibachi-undo-command.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_BOOKING_UNDO (hibachi_booking_undo_get_type ())

G_DECLARE_FINAL_TYPE (HibachiBookingUndo, hibachi_booking_undo, HIBACHI, BOOKING_UNDO, HibachiUndoCommand)

/* An edit: @changed is the booking as the edit left it, @old_values the
 * edited members as they were before. */
HibachiBookingUndo *hibachi_booking_undo_new_edit     (HibachiStore       *store,
                                                       HibachiBooking     *changed,
                                                       JsonObject         *old_values,
                                                       const char         *message,
                                                       const char         *description);
/* Chef assignments: @changed (HibachiBooking) as the assignments left them,
 * @previous_chef_ids the chef each had before (NULL: none), in order. */
HibachiBookingUndo *hibachi_booking_undo_new_chefs    (HibachiStore       *store,
                                                       GPtrArray          *changed,
                                                       const char * const *previous_chef_ids,
                                                       const char         *message,
                                                       const char         *description);
/* A cancel or delete: the booking @id at @version (after the change) is
 * restored to what it was. */
HibachiBookingUndo *hibachi_booking_undo_new_restore  (HibachiStore       *store,
                                                       const char         *id,
                                                       gint64              version,
                                                       const char         *message,
                                                       const char         *description);
/* Puts @undo on @context's undo stack; the window offers it in a toast. */
void                hibachi_booking_undo_push         (HibachiContext     *context,
                                                       HibachiBookingUndo *undo);
/* The first booking as the undo left it, once undone. */
HibachiBooking     *hibachi_booking_undo_get_result   (HibachiBookingUndo *self);
/* (element-type HibachiBooking) every booking as the undo left it. */
GPtrArray          *hibachi_booking_undo_get_results  (HibachiBookingUndo *self);

G_END_DECLS
