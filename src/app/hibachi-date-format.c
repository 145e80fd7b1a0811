/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-date-format"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hibachi-date-format.h"

/* Translators: a day as every list and pane shows it, as strftime; keep it short */
#define DAY_FORMAT N_("%a %-d %b %Y")

char *
hibachi_date_format_gdate (const GDate *date)
{
  char text[128];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date) || g_date_strftime (text, sizeof text, _(DAY_FORMAT), date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

char *
hibachi_date_format_range (const GDate *from,
                           const GDate *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateYear year = (GDateYear) g_date_time_get_year (now);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (g_date_valid (from) && g_date_valid (to) && g_date_get_year (from) == year && g_date_get_year (to) == year)
    {
      char from_text[64], to_text[64];

      /* Translators: a day of this year in a range of days, as strftime */
      if (g_date_strftime (from_text, sizeof from_text, _("%-d %b"), from) > 0 &&
          g_date_strftime (to_text, sizeof to_text, _("%-d %b"), to) > 0)
        {
          first = g_strdup (from_text);
          last = g_strdup (to_text);
        }
    }
  if (first == NULL)
    {
      first = hibachi_date_format_gdate (from);
      last = hibachi_date_format_gdate (to);
    }
  /* Translators: a range of days, first – last */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
hibachi_date_format_day (const char *day)
{
  GDate date;
  int year, month, mday;

  if (day == NULL)
    return g_strdup ("");
  g_date_clear (&date, 1);
  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) == 3 && g_date_valid_dmy (mday, month, year))
    {
      g_date_set_dmy (&date, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
      return hibachi_date_format_gdate (&date);
    }

  return g_strdup (day);
}

char *
hibachi_date_format_moment (const char *moment)
{
  g_autoptr(GDateTime) at = moment != NULL ? g_date_time_new_from_iso8601 (moment, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup (moment != NULL ? moment : "");
  day = g_date_time_format (local, _(DAY_FORMAT));
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day, then a time of that day */
  return g_strdup_printf (_("%s, %s"), day, time);
}
