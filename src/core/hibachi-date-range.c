/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-date-range"

#include "config.h"

#include "hibachi-date-range.h"

void
hibachi_dates_range (HibachiDates  dates,
                     const GDate  *today,
                     GDate        *from,
                     GDate        *to)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (from != NULL && to != NULL);

  g_date_clear (from, 1);
  g_date_clear (to, 1);

  switch (dates)
    {
    case HIBACHI_DATES_UPCOMING:
      *from = *today;
      break;
    case HIBACHI_DATES_TODAY:
      *from = *today;
      *to = *today;
      break;
    case HIBACHI_DATES_THIS_WEEK:
      *from = *today;
      g_date_subtract_days (from, (guint) g_date_get_weekday (today) - G_DATE_MONDAY);
      *to = *from;
      g_date_add_days (to, 6);
      break;
    case HIBACHI_DATES_NEXT_7_DAYS:
      *from = *today;
      *to = *today;
      g_date_add_days (to, 6);
      break;
    case HIBACHI_DATES_THIS_MONTH:
      g_date_set_dmy (from, 1, g_date_get_month (today), g_date_get_year (today));
      g_date_set_dmy (to, g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)),
                      g_date_get_month (today), g_date_get_year (today));
      break;
    case HIBACHI_DATES_PAST:
      *to = *today;
      g_date_subtract_days (to, 1);
      break;
    case HIBACHI_DATES_ANY:
    case HIBACHI_DATES_CUSTOM:
    case HIBACHI_N_DATES:
    default:
      break;
    }
}
