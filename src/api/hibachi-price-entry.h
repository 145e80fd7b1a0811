/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-price-entry.h: one item of a station's price sheet
 * (GET /api/v1/pricing), named by its key.
 * Its JSON shape is the field table in hibachi-price-entry.c; each member
 * is a read-only property. */
#pragma once

#include "hibachi-price-sheet.h"
#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_PRICE_ENTRY (hibachi_price_entry_get_type ())
G_DECLARE_FINAL_TYPE (HibachiPriceEntry, hibachi_price_entry, HIBACHI, PRICE_ENTRY, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a price item. */
HibachiPriceEntry *hibachi_price_entry_new_from_json     (JsonNode  *node,
                                                          GError   **error);
const char        *hibachi_price_entry_get_key           (HibachiPriceEntry *self);
const char        *hibachi_price_entry_get_label         (HibachiPriceEntry *self);
gint64             hibachi_price_entry_get_value         (HibachiPriceEntry *self);
gint64             hibachi_price_entry_get_min_value     (HibachiPriceEntry *self);
gint64             hibachi_price_entry_get_max_value     (HibachiPriceEntry *self);
const char        *hibachi_price_entry_get_scope         (HibachiPriceEntry *self);
/* The sheet the server prices with: the defaults, then each of @entries
 * (HibachiPriceEntry, as GET /api/v1/pricing sends them). */
void               hibachi_price_entries_to_sheet        (GPtrArray         *entries,
                                                          HibachiPriceSheet *out_sheet);

G_END_DECLS
