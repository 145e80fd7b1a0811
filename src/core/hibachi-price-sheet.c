/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-price-sheet"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hibachi-price-sheet.h"
#include "hibachi-validate.h"

#define DOLLARS(d) ((gint64) (d) * 100)

/* SPEC §8.1: the one home of every default and bound. */
static const HibachiPriceItemInfo items[HIBACHI_N_PRICE_ITEMS] = {
  { HIBACHI_PRICE_ADULT, "adult_price", N_("Adult (13+)"),
    HIBACHI_PRICE_CATEGORY_BASE, HIBACHI_PRICE_UNIT_PER_ADULT, TRUE, DOLLARS (55), 0, DOLLARS (500) },
  { HIBACHI_PRICE_CHILD, "child_price", N_("Child (6–12)"),
    HIBACHI_PRICE_CATEGORY_BASE, HIBACHI_PRICE_UNIT_PER_CHILD, TRUE, DOLLARS (30), 0, DOLLARS (500) },
  { HIBACHI_PRICE_CHILD_FREE_UNDER, "child_free_under", N_("Children eat free under"),
    HIBACHI_PRICE_CATEGORY_BASE, HIBACHI_PRICE_UNIT_AGE_YEARS, FALSE, 5, 0, 12 },
  { HIBACHI_PRICE_PARTY_MINIMUM, "party_minimum", N_("Party minimum"),
    HIBACHI_PRICE_CATEGORY_BASE, HIBACHI_PRICE_UNIT_FIXED, TRUE, DOLLARS (550), 0, DOLLARS (10000) },
  { HIBACHI_PRICE_DEPOSIT, "deposit", N_("Deposit"),
    HIBACHI_PRICE_CATEGORY_BASE, HIBACHI_PRICE_UNIT_FIXED, TRUE, DOLLARS (100), 0, DOLLARS (5000) },
  { HIBACHI_PRICE_TRAVEL_FREE_MILES, "travel_free_miles", N_("Free travel distance"),
    HIBACHI_PRICE_CATEGORY_TRAVEL, HIBACHI_PRICE_UNIT_MILES, FALSE, 30, 0, 500 },
  { HIBACHI_PRICE_TRAVEL_PER_MILE, "travel_per_mile", N_("Travel fee per mile"),
    HIBACHI_PRICE_CATEGORY_TRAVEL, HIBACHI_PRICE_UNIT_PER_MILE, TRUE, DOLLARS (2), 0, DOLLARS (50) },
  { HIBACHI_PRICE_UPGRADE_FILET_MIGNON, "upgrade_filet_mignon", N_("Filet mignon upgrade"),
    HIBACHI_PRICE_CATEGORY_UPGRADE, HIBACHI_PRICE_UNIT_PER_PERSON, TRUE, DOLLARS (5), 0, DOLLARS (500) },
  { HIBACHI_PRICE_UPGRADE_SALMON, "upgrade_salmon", N_("Salmon upgrade"),
    HIBACHI_PRICE_CATEGORY_UPGRADE, HIBACHI_PRICE_UNIT_PER_PERSON, TRUE, DOLLARS (5), 0, DOLLARS (500) },
  { HIBACHI_PRICE_UPGRADE_SCALLOPS, "upgrade_scallops", N_("Scallops upgrade"),
    HIBACHI_PRICE_CATEGORY_UPGRADE, HIBACHI_PRICE_UNIT_PER_PERSON, TRUE, DOLLARS (5), 0, DOLLARS (500) },
  { HIBACHI_PRICE_UPGRADE_LOBSTER_TAIL, "upgrade_lobster_tail", N_("Lobster tail upgrade"),
    HIBACHI_PRICE_CATEGORY_UPGRADE, HIBACHI_PRICE_UNIT_PER_PERSON, TRUE, DOLLARS (15), 0, DOLLARS (500) },
  { HIBACHI_PRICE_ADDON_PREMIUM_SAKE, "addon_premium_sake", N_("Premium sake"),
    HIBACHI_PRICE_CATEGORY_ADDON, HIBACHI_PRICE_UNIT_PER_PARTY, TRUE, DOLLARS (25), 0, DOLLARS (1000) },
  { HIBACHI_PRICE_ADDON_EXTENDED_PERFORMANCE, "addon_extended_performance", N_("Extended performance"),
    HIBACHI_PRICE_CATEGORY_ADDON, HIBACHI_PRICE_UNIT_PER_PARTY, TRUE, DOLLARS (50), 0, DOLLARS (1000) },
  { HIBACHI_PRICE_ADDON_CUSTOM_MENU, "addon_custom_menu", N_("Custom menu"),
    HIBACHI_PRICE_CATEGORY_ADDON, HIBACHI_PRICE_UNIT_PER_PARTY, TRUE, DOLLARS (35), 0, DOLLARS (1000) },
};

const HibachiPriceItemInfo *
hibachi_price_item_get_info (HibachiPriceItem item)
{
  g_return_val_if_fail (item < HIBACHI_N_PRICE_ITEMS, NULL);

  return &items[item];
}

gboolean
hibachi_price_item_from_key (const char       *key,
                             HibachiPriceItem *out_item)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      if (strcmp (items[i].key, key) == 0)
        {
          if (out_item != NULL)
            *out_item = items[i].item;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
hibachi_price_category_to_string (HibachiPriceCategory category)
{
  switch (category)
    {
    case HIBACHI_PRICE_CATEGORY_BASE:    return "base";
    case HIBACHI_PRICE_CATEGORY_TRAVEL:  return "travel";
    case HIBACHI_PRICE_CATEGORY_UPGRADE: return "upgrade";
    case HIBACHI_PRICE_CATEGORY_ADDON:   return "addon";
    default:                             g_return_val_if_reached (NULL);
    }
}

const char *
hibachi_price_unit_to_string (HibachiPriceUnit unit)
{
  switch (unit)
    {
    case HIBACHI_PRICE_UNIT_PER_ADULT:  return "per_adult";
    case HIBACHI_PRICE_UNIT_PER_CHILD:  return "per_child";
    case HIBACHI_PRICE_UNIT_AGE_YEARS:  return "age_years";
    case HIBACHI_PRICE_UNIT_PER_PARTY:  return "per_party";
    case HIBACHI_PRICE_UNIT_FIXED:      return "fixed";
    case HIBACHI_PRICE_UNIT_MILES:      return "miles";
    case HIBACHI_PRICE_UNIT_PER_MILE:   return "per_mile";
    case HIBACHI_PRICE_UNIT_PER_PERSON: return "per_person";
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
hibachi_price_unit_describe (HibachiPriceUnit unit)
{
  switch (unit)
    {
    case HIBACHI_PRICE_UNIT_PER_ADULT:  return _("per adult");
    case HIBACHI_PRICE_UNIT_PER_CHILD:  return _("per child");
    case HIBACHI_PRICE_UNIT_AGE_YEARS:  return _("years of age");
    case HIBACHI_PRICE_UNIT_PER_PARTY:  return _("per party");
    case HIBACHI_PRICE_UNIT_FIXED:      return _("per booking");
    case HIBACHI_PRICE_UNIT_MILES:      return _("miles");
    case HIBACHI_PRICE_UNIT_PER_MILE:   return _("per mile");
    case HIBACHI_PRICE_UNIT_PER_PERSON: return _("per person");
    default:                            g_return_val_if_reached (NULL);
    }
}

gboolean
hibachi_price_item_check_value (HibachiPriceItem   item,
                                gint64             value,
                                char             **message)
{
  const HibachiPriceItemInfo *info = hibachi_price_item_get_info (item);

  g_return_val_if_fail (info != NULL, FALSE);

  if (value < info->min_value || value > info->max_value)
    {
      if (message != NULL)
        {
          g_autofree char *lo = hibachi_price_item_format_value (item, info->min_value);
          g_autofree char *hi = hibachi_price_item_format_value (item, info->max_value);

          /* Translators: an item of the price sheet, then its bounds. */
          *message = g_strdup_printf (_("%s must be between %s and %s."), _(info->label), lo, hi);
        }
      return FALSE;
    }

  if (message != NULL)
    *message = NULL;

  return TRUE;
}

void
hibachi_price_sheet_init_defaults (HibachiPriceSheet *sheet)
{
  g_return_if_fail (sheet != NULL);

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    sheet->values[i] = items[i].default_value;
}

gboolean
hibachi_price_sheet_set (HibachiPriceSheet  *sheet,
                         const char         *key,
                         gint64              value,
                         GError            **error)
{
  HibachiPriceItem item;
  g_autofree char *message = NULL;

  g_return_val_if_fail (sheet != NULL, FALSE);

  if (!hibachi_price_item_from_key (key, &item))
    {
      g_set_error (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID,
                   _("“%s” is not an item of the price sheet."), key ? key : "");
      return FALSE;
    }

  if (!hibachi_price_item_check_value (item, value, &message))
    {
      g_set_error_literal (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID, message);
      return FALSE;
    }

  sheet->values[item] = value;

  return TRUE;
}

gint64
hibachi_price_sheet_get (const HibachiPriceSheet *sheet,
                         HibachiPriceItem         item)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (item < HIBACHI_N_PRICE_ITEMS, 0);

  return sheet->values[item];
}

char *
hibachi_format_cents (gint64 cents)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize len = strlen (digits);

  if (cents < 0)
    g_string_append (out, "−");
  g_string_append_c (out, '$');

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}

char *
hibachi_price_item_format_value (HibachiPriceItem item,
                                 gint64           value)
{
  const HibachiPriceItemInfo *info = hibachi_price_item_get_info (item);

  g_return_val_if_fail (info != NULL, NULL);

  if (info->is_money)
    return hibachi_format_cents (value);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

    if (info->unit == HIBACHI_PRICE_UNIT_AGE_YEARS)
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", (gulong) value), number);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s mile", "%s miles", (gulong) value), number);
  }
}
