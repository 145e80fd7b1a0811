/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-booking-detail-private.h: what the detail pane
 * (hibachi-booking-detail.c) shares with its dialogs
 * (hibachi-booking-detail-dialogs.c: changed meanwhile, assign a chef,
 * history) and its actions (hibachi-booking-detail-actions.c). */
#pragma once

#include "hibachi-address-entry.h"
#include "hibachi-booking-detail.h"
#include "hibachi-geo.h"
#include "hibachi-price-sheet.h"

G_BEGIN_DECLS

#define HIBACHI_BOOKING_DETAIL_N_TEXT_FIELDS 5
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
  char              *event_date;       /* as the form has it: YYYY-MM-DD */
  HibachiPriceSheet  sheet;            /* of the booking's station, for the live total */
  char              *sheet_station;    /* whose sheet is loaded or loading */
  gboolean           have_sheet;
  HibachiBooking    *theirs;           /* changed by someone else under unsaved edits */
  HibachiChangeFeed *feed;

  AdwPreferencesPage *page;
  AdwWindowTitle    *title;
  GtkLabel          *problem_label;
  AdwPreferencesGroup *customer_group;
  AdwEntryRow       *customer_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *phone_row;
  AdwActionRow      *date_row;
  GtkMenuButton     *date_button;
  GtkPopover        *date_popover;
  GtkCalendar       *date_calendar;
  AdwEntryRow       *allergens_row;
  GtkRevealer       *changed_revealer;
  GtkLabel          *changed_label;
  GtkButton         *reload_button;
  HibachiAddressEntry *venue_entry;
  GtkLabel          *venue_area_label;
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
/* hibachi-booking-detail-total.c: the total of the party in the form,
 * priced from the booking station's sheet (loaded here) as the server will. */
void           hibachi_booking_detail_load_prices     (HibachiBookingDetail *self);
void           hibachi_booking_detail_update_total    (HibachiBookingDetail *self);
/* hibachi-booking-detail-follow.c: others' changes to the booking shown
 * (@feed NULL: none followed). */
void           hibachi_booking_detail_follow          (HibachiBookingDetail *self,
                                                       HibachiChangeFeed    *feed);
/* hibachi-booking-detail-actions.c: the action buttons. */
void           hibachi_booking_detail_confirm         (HibachiBookingDetail *self);
void           hibachi_booking_detail_cancel          (HibachiBookingDetail *self);
void           hibachi_booking_detail_delete          (HibachiBookingDetail *self);
void           hibachi_booking_detail_show_history    (HibachiBookingDetail *self);
/* hibachi-booking-detail-venue.c: the venue's address and its place. */
void           hibachi_booking_detail_venue_load      (HibachiBookingDetail *self);
void           hibachi_booking_detail_venue_changes   (HibachiBookingDetail *self,
                                                       JsonObject           *changes);
/* What is wrong with the venue in the form (nullable, free it). */
char          *hibachi_booking_detail_venue_problem   (HibachiBookingDetail *self);
/* The venue's point in the form: the place picked, or the booking's. */
HibachiLatLng  hibachi_booking_detail_venue_point     (HibachiBookingDetail *self);
/* TRUE when the form's place differs from the booking's. */
gboolean       hibachi_booking_detail_venue_moved     (HibachiBookingDetail *self);
void           hibachi_booking_detail_venue_update    (HibachiBookingDetail *self,
                                                       gboolean              can_write);

G_END_DECLS
