/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-date-format.h: the one way dates are shown on screen, in the
 * user's language ("Fri 4 Dec 2026", "Fri 4 Dec 2026, 18:23"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @day: YYYY-MM-DD; shown as given when it is not a date. */
char *hibachi_date_format_day    (const char *day);
/* @moment: ISO 8601 with a zone, shown in local time; as given when it is
 * not one. */
char *hibachi_date_format_moment (const char *moment);
/* Days as the custom range names them. */
char *hibachi_date_format_gdate  (const GDate *date);
/* A range of days, first – last, short when both are of this year. */
char *hibachi_date_format_range  (const GDate *from,
                                  const GDate *to);

G_END_DECLS
