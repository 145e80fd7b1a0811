/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-price-sheet.h: the priced items of SPEC §8.1 with their defaults and
 * bounds, and a price sheet (one value per item). Money is integer cents;
 * `child_free_under` is an age in years and `travel_free_miles` whole miles.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_PRICE_ADULT,
  HIBACHI_PRICE_CHILD,
  HIBACHI_PRICE_CHILD_FREE_UNDER,
  HIBACHI_PRICE_PARTY_MINIMUM,
  HIBACHI_PRICE_DEPOSIT,
  HIBACHI_PRICE_TRAVEL_FREE_MILES,
  HIBACHI_PRICE_TRAVEL_PER_MILE,
  HIBACHI_PRICE_UPGRADE_FILET_MIGNON,
  HIBACHI_PRICE_UPGRADE_SALMON,
  HIBACHI_PRICE_UPGRADE_SCALLOPS,
  HIBACHI_PRICE_UPGRADE_LOBSTER_TAIL,
  HIBACHI_PRICE_ADDON_PREMIUM_SAKE,
  HIBACHI_PRICE_ADDON_EXTENDED_PERFORMANCE,
  HIBACHI_PRICE_ADDON_CUSTOM_MENU,
  HIBACHI_N_PRICE_ITEMS
} HibachiPriceItem;

typedef enum
{
  HIBACHI_PRICE_CATEGORY_BASE,
  HIBACHI_PRICE_CATEGORY_TRAVEL,
  HIBACHI_PRICE_CATEGORY_UPGRADE,
  HIBACHI_PRICE_CATEGORY_ADDON,
} HibachiPriceCategory;

typedef enum
{
  HIBACHI_PRICE_UNIT_PER_ADULT,
  HIBACHI_PRICE_UNIT_PER_CHILD,
  HIBACHI_PRICE_UNIT_AGE_YEARS,
  HIBACHI_PRICE_UNIT_PER_PARTY,
  HIBACHI_PRICE_UNIT_FIXED,
  HIBACHI_PRICE_UNIT_MILES,
  HIBACHI_PRICE_UNIT_PER_MILE,
  HIBACHI_PRICE_UNIT_PER_PERSON,
} HibachiPriceUnit;

typedef struct
{
  HibachiPriceItem      item;
  const char           *key;
  const char           *label;          /* untranslated; pass through _() to show */
  HibachiPriceCategory  category;
  HibachiPriceUnit      unit;
  gboolean              is_money;       /* value in cents */
  gint64                default_value;
  gint64                min_value;
  gint64                max_value;
} HibachiPriceItemInfo;

typedef struct
{
  gint64 values[HIBACHI_N_PRICE_ITEMS];
} HibachiPriceSheet;

const HibachiPriceItemInfo *hibachi_price_item_get_info   (HibachiPriceItem      item);
gboolean                    hibachi_price_item_from_key   (const char           *key,
                                                           HibachiPriceItem     *out_item);
const char                 *hibachi_price_category_to_string (HibachiPriceCategory category);
const char                 *hibachi_price_unit_to_string  (HibachiPriceUnit      unit);
const char                 *hibachi_price_unit_describe   (HibachiPriceUnit      unit);
gboolean                    hibachi_price_item_check_value (HibachiPriceItem     item,
                                                           gint64                value,
                                                           char                **message);

void                        hibachi_price_sheet_init_defaults (HibachiPriceSheet *sheet);
gboolean                    hibachi_price_sheet_set       (HibachiPriceSheet    *sheet,
                                                           const char           *key,
                                                           gint64                value,
                                                           GError              **error);
gint64                      hibachi_price_sheet_get       (const HibachiPriceSheet *sheet,
                                                           HibachiPriceItem      item);

char                       *hibachi_format_cents          (gint64                cents);
char                       *hibachi_price_item_format_value (HibachiPriceItem     item,
                                                           gint64                value);

G_END_DECLS
