/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-detail-private.h: what the detail pane
 * (hibachi-booking-detail.c) shares with its dialogs
 * (hibachi-booking-detail-dialogs.c: changed meanwhile, assign a chef,
 * history) and its actions (hibachi-booking-detail-actions.c). */
#pragma once

#include "hibachi-booking-detail.h"

G_BEGIN_DECLS

#define HIBACHI_BOOKING_DETAIL_N_TEXT_FIELDS 7
#define HIBACHI_BOOKING_DETAIL_N_COUNTS 3

struct _HibachiBookingDetail
{
  GtkWidget          parent_instance;

  HibachiContext    *context;
  HibachiSession    *session;
  HibachiDirectory  *directory;
  HibachiBooking    *booking;
  GCancellable      *cancellable;
  gboolean           loading_form;

  AdwPreferencesPage *page;
  AdwWindowTitle    *title;
  GtkLabel          *problem_label;
  AdwEntryRow       *customer_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *date_row;
  AdwEntryRow       *venue_row;
  AdwEntryRow       *requests_row;
  AdwEntryRow       *notes_row;
  AdwEntryRow       *text_rows[HIBACHI_BOOKING_DETAIL_N_TEXT_FIELDS];   /* in text field order */
  AdwComboRow       *slot_row;
  GtkSpinButton     *adults_spin;
  GtkSpinButton     *children_spin;
  GtkSpinButton     *toddlers_spin;
  GtkSpinButton     *count_spins[HIBACHI_BOOKING_DETAIL_N_COUNTS];      /* adults, children, toddlers */
  GtkSwitch         *deposit_switch;
  AdwActionRow      *status_row;
  AdwActionRow      *station_row;
  AdwActionRow      *chef_row;
  AdwActionRow      *total_row;
  AdwActionRow      *created_row;
  GtkButton         *save_button;
  GtkButton         *revert_button;
  GtkButton         *confirm_button;
  GtkButton         *assign_button;
  GtkButton         *cancel_button;
  GtkButton         *delete_button;
  char              *problem;
};

HibachiStore  *hibachi_booking_detail_get_store       (HibachiBookingDetail *self);
/* Emits "booking-removed": @booking is gone from the server. */
void           hibachi_booking_detail_removed         (HibachiBookingDetail *self,
                                                       HibachiBooking       *booking);
void           hibachi_booking_detail_show_error      (HibachiBookingDetail *self,
                                                       const GError         *error);
/* @booking (as the server answered a write) becomes the booking shown and
 * the list's row. */
void           hibachi_booking_detail_show_result     (HibachiBookingDetail *self,
                                                       HibachiBooking       *booking);
/* Saves @changes over @base (its version: the shown booking, or the
 * server's current one after a 412); @task (nullable) learns the outcome. */
void           hibachi_booking_detail_save_over       (HibachiBookingDetail *self,
                                                       JsonObject           *changes,
                                                       HibachiBooking       *base,
                                                       GTask                *task);
/* A booking member's name as the form shows it ("Adults (13+)"). */
const char    *hibachi_booking_detail_field_title     (const char           *member);
/* The 412 dialog: their values beside mine; keep editing, theirs or mine. */
void           hibachi_booking_detail_show_stale_dialog (HibachiBookingDetail *self,
                                                         JsonObject           *changes,
                                                         HibachiBooking       *current);
void           hibachi_booking_detail_assign_chef     (HibachiBookingDetail *self);
/* hibachi-booking-detail-actions.c: the action buttons. */
void           hibachi_booking_detail_confirm         (HibachiBookingDetail *self);
void           hibachi_booking_detail_cancel          (HibachiBookingDetail *self);
void           hibachi_booking_detail_delete          (HibachiBookingDetail *self);
void           hibachi_booking_detail_show_history    (HibachiBookingDetail *self);

G_END_DECLS
