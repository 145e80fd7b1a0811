/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-price-item.h: one item of a station's price sheet (GET /api/v1/pricing), named by its key.
 * Its JSON shape is the field table in hibachi-price-item.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_PRICE_ITEM (hibachi_price_item_get_type ())
G_DECLARE_FINAL_TYPE (HibachiPriceItem, hibachi_price_item, HIBACHI, PRICE_ITEM, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a price item. */
HibachiPriceItem *hibachi_price_item_new_from_json     (JsonNode  *node,
                                                        GError   **error);
const char       *hibachi_price_item_get_key           (HibachiPriceItem *self);
const char       *hibachi_price_item_get_label         (HibachiPriceItem *self);
gint64            hibachi_price_item_get_value         (HibachiPriceItem *self);
gint64            hibachi_price_item_get_min_value     (HibachiPriceItem *self);
gint64            hibachi_price_item_get_max_value     (HibachiPriceItem *self);
const char       *hibachi_price_item_get_scope         (HibachiPriceItem *self);

G_END_DECLS
