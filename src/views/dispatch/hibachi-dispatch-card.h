/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-card.h: one booking on the dispatch board: reference,
 * customer, guests, status (icon and word, never colour alone), travel
 * minutes from the chef's previous event and an allergens flag. Compact
 * (week view): slot and guests. It is what is dragged. */
#pragma once

#include <gtk/gtk.h>

#include "hibachi-booking.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_DISPATCH_CARD (hibachi_dispatch_card_get_type ())

G_DECLARE_FINAL_TYPE (HibachiDispatchCard, hibachi_dispatch_card, HIBACHI, DISPATCH_CARD, GtkWidget)

/* @travel_minutes: -1 when not shown (the queue). @show_date: the queue
 * spans days. */
GtkWidget      *hibachi_dispatch_card_new         (HibachiBooking      *booking,
                                                   gboolean             compact,
                                                   gboolean             show_date,
                                                   int                  travel_minutes);
HibachiBooking *hibachi_dispatch_card_get_booking (HibachiDispatchCard *self);
/* A button at the end of the card's last line, whose words give way to it
 * (a proposal's Remove): beside the card it widened the board's columns. */
void            hibachi_dispatch_card_add_button  (HibachiDispatchCard *self,
                                                   GtkWidget           *button);
/* What assigning the booking to its chef meets (HibachiAssignmentIssue;
 * NULL: nothing), flagged on the card with the allergens. */
void            hibachi_dispatch_card_set_issues  (HibachiDispatchCard *self,
                                                   GPtrArray           *issues);
/* "12 guests", "1 event · 12 guests": what cards, chef rows and day
 * totals say of a load; @two_lines: "1 event", "12 guests" on a line each
 * (a week's narrow day, where the words wrapped anywhere). */
char           *hibachi_dispatch_guests_text      (gint64               guests);
char           *hibachi_dispatch_load_text        (guint                events,
                                                   gint64               guests,
                                                   gboolean             two_lines);

G_END_DECLS
