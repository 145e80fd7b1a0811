/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-address-entry.h: an address field that finds its place. As the
 * address is typed it asks the server's geocoder (once, after a pause) and
 * lists the places found below it; picking one (click, or arrows and Enter;
 * Enter in the field takes the first) sets the location, which is shown,
 * never typed. Typing again clears the location until another is picked.
 * Used by New Booking; any form with an address can use it: give it the
 * store, and listen to "location-changed". */
#pragma once

#include <adwaita.h>

#include "hibachi-store.h"

G_BEGIN_DECLS

/* How long typing pauses before the address is looked up. */
#define HIBACHI_ADDRESS_ENTRY_DELAY_MS 400
/* Shorter text is not looked up. */
#define HIBACHI_ADDRESS_ENTRY_MIN_CHARS 3

#define HIBACHI_TYPE_ADDRESS_ENTRY (hibachi_address_entry_get_type ())
G_DECLARE_FINAL_TYPE (HibachiAddressEntry, hibachi_address_entry, HIBACHI, ADDRESS_ENTRY, AdwBin)

GtkWidget  *hibachi_address_entry_new            (void);
void        hibachi_address_entry_set_store      (HibachiAddressEntry *self,
                                                  HibachiStore        *store);
/* The row's title ("Venue Address"). */
void        hibachi_address_entry_set_title      (HibachiAddressEntry *self,
                                                  const char          *title);
const char *hibachi_address_entry_get_address    (HibachiAddressEntry *self);
/* A place already known (a booking's venue): shown as picked, no lookup. */
void        hibachi_address_entry_set_location   (HibachiAddressEntry *self,
                                                  const char          *address,
                                                  double               lat,
                                                  double               lng);
/* FALSE while no place is picked for the address. */
gboolean    hibachi_address_entry_get_location   (HibachiAddressEntry *self,
                                                  double              *out_lat,
                                                  double              *out_lng);
/* The places listed (HibachiGeocodeCandidate), and picking one of them. */
GListModel *hibachi_address_entry_get_candidates (HibachiAddressEntry *self);
void        hibachi_address_entry_pick           (HibachiAddressEntry *self,
                                                  guint                position);
/* FALSE: the address and its place are shown, not taken (read-only roles). */
void        hibachi_address_entry_set_editable   (HibachiAddressEntry *self,
                                                  gboolean             editable);
/* TRUE while a lookup is waiting for the pause or the server. */
gboolean    hibachi_address_entry_is_searching   (HibachiAddressEntry *self);

G_END_DECLS
