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
