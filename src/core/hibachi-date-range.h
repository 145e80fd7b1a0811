/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-date-range.h: the event-date filters people pick from ("Upcoming",
 * "This week"…) as first and last day, seen from a given today. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_DATES_UPCOMING,      /* today on */
  HIBACHI_DATES_TODAY,
  HIBACHI_DATES_THIS_WEEK,     /* Monday to Sunday of today's week */
  HIBACHI_DATES_NEXT_7_DAYS,   /* today and the six days after */
  HIBACHI_DATES_THIS_MONTH,
  HIBACHI_DATES_PAST,          /* up to yesterday */
  HIBACHI_DATES_ANY,
  HIBACHI_DATES_CUSTOM,        /* the caller's own range */
  HIBACHI_N_DATES,
} HibachiDates;

/* Sets @from and @to to the first and last day of @dates seen on @today; an
 * open end is cleared (g_date_valid() is FALSE). ANY and CUSTOM leave both
 * open. */
void hibachi_dates_range (HibachiDates  dates,
                          const GDate  *today,
                          GDate        *from,
                          GDate        *to);

G_END_DECLS
