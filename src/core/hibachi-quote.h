/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-quote.h: the itemised quote of SPEC §8.1, and its JSON shape, which
 * the server returns from POST /api/v1/quote and the app previews locally.
 *
 *   total = max(adults×adult + children×child + upgrades, party minimum)
 *           + add-ons + travel fee
 *   travel fee = (miles − free miles) × per-mile rate, rounded to the cent
 *   deposit: shown separately (part of the total, not added to it)
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "hibachi-geo.h"
#include "hibachi-price-sheet.h"

G_BEGIN_DECLS

/* Longest one-way distance a quote accepts; beyond it a venue is a typo. */
#define HIBACHI_QUOTE_MAX_DISTANCE_MILES 1000.0

typedef struct
{
  guint    adults;
  guint    children;
  guint    toddlers;                                 /* younger than child_free_under */
  guint    upgrade_counts[HIBACHI_N_PRICE_ITEMS];    /* only upgrade items are read */
  gboolean addons[HIBACHI_N_PRICE_ITEMS];            /* only add-on items are read */
  double   distance_miles;                           /* one-way, station to venue */
} HibachiQuoteRequest;

typedef struct
{
  HibachiPriceItem item;
  guint            quantity;
  gint64           unit_cents;
  gint64           amount_cents;
} HibachiQuoteLine;

typedef struct
{
  HibachiQuoteLine lines[HIBACHI_N_PRICE_ITEMS];
  guint            n_lines;
  gint64           food_subtotal_cents;     /* adults + children + upgrades */
  gint64           party_minimum_cents;
  gboolean         minimum_applied;
  gint64           food_total_cents;        /* max (subtotal, minimum) */
  gint64           addons_cents;
  double           distance_miles;
  double           billable_miles;
  gint64           travel_fee_cents;
  gint64           total_cents;
  gint64           deposit_cents;
  gint64           balance_due_cents;
} HibachiQuote;

void      hibachi_quote_request_init       (HibachiQuoteRequest       *request);
/* A booking's party as the server prices it: the travel distance is the
 * great-circle distance from @station to @venue, capped at
 * HIBACHI_QUOTE_MAX_DISTANCE_MILES; no upgrades or add-ons. */
void      hibachi_quote_request_for_party  (HibachiQuoteRequest       *request,
                                            guint                      adults,
                                            guint                      children,
                                            guint                      toddlers,
                                            HibachiLatLng              station,
                                            HibachiLatLng              venue);
/* On failure, @out_field (when not NULL) names the request field at fault,
 * as the JSON member name ("adults", "upgrades", "distance_miles"…). */
gboolean  hibachi_quote_compute            (const HibachiPriceSheet   *sheet,
                                            const HibachiQuoteRequest *request,
                                            HibachiQuote              *out_quote,
                                            const char               **out_field,
                                            GError                   **error);
gboolean  hibachi_quote_request_from_json  (JsonObject                *object,
                                            HibachiQuoteRequest       *out_request,
                                            const char               **out_field,
                                            GError                   **error);
JsonNode *hibachi_quote_request_to_json    (const HibachiQuoteRequest *request);
JsonNode *hibachi_quote_to_json            (const HibachiQuote        *quote);

G_END_DECLS
