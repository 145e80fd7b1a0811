/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-undo.h: an undoable change to one booking. It holds the
 * request that puts the booking's values from before the change back (the
 * old values, never the new ones), sent against the version the change
 * made: if someone changed the booking meanwhile the server refuses (412)
 * and nothing is overwritten. */
#pragma once

#include <json-glib/json-glib.h>

#include "hibachi-booking.h"
#include "hibachi-context.h"
#include "hibachi-session.h"
#include "hibachi-undo-command.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_BOOKING_UNDO (hibachi_booking_undo_get_type ())

G_DECLARE_FINAL_TYPE (HibachiBookingUndo, hibachi_booking_undo, HIBACHI, BOOKING_UNDO, HibachiUndoCommand)

/* @changed: the booking as the change left it (its id and version);
 * @method and @suffix: the request that undoes it, with @body (or NULL). */
HibachiBookingUndo *hibachi_booking_undo_new         (HibachiSession     *session,
                                                      HibachiBooking     *changed,
                                                      const char         *message,
                                                      const char         *description,
                                                      const char         *method,
                                                      const char         *suffix,
                                                      JsonObject         *body);
/* Puts a new undo of @changed on @context's undo stack (nothing signed
 * out). */
void                hibachi_booking_undo_push        (HibachiContext     *context,
                                                      HibachiBooking     *changed,
                                                      const char         *message,
                                                      const char         *description,
                                                      const char         *method,
                                                      const char         *suffix,
                                                      JsonObject         *body);
/* The booking as the undo left it, once undone. */
HibachiBooking     *hibachi_booking_undo_get_result  (HibachiBookingUndo *self);

G_END_DECLS
