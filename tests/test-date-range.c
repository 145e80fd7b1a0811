/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "hibachi-core.h"

static void
assert_range (HibachiDates dates,
              const char  *today_text,
              const char  *want_from,
              const char  *want_to)
{
  GDate today, from, to;
  char text[16];
  int year, month, day;

  g_assert_cmpint (sscanf (today_text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (&today));
  hibachi_dates_range (dates, &today, &from, &to);

  if (want_from == NULL)
    g_assert_false (g_date_valid (&from));
  else
    {
      g_assert_true (g_date_valid (&from));
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &from);
      g_assert_cmpstr (text, ==, want_from);
    }
  if (want_to == NULL)
    g_assert_false (g_date_valid (&to));
  else
    {
      g_assert_true (g_date_valid (&to));
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &to);
      g_assert_cmpstr (text, ==, want_to);
    }
}

static void
test_presets (void)
{
  /* 2026-12-01 is a Tuesday. */
  assert_range (HIBACHI_DATES_UPCOMING, "2026-12-01", "2026-12-01", NULL);
  assert_range (HIBACHI_DATES_TODAY, "2026-12-01", "2026-12-01", "2026-12-01");
  assert_range (HIBACHI_DATES_THIS_WEEK, "2026-12-01", "2026-11-30", "2026-12-06");
  assert_range (HIBACHI_DATES_NEXT_7_DAYS, "2026-12-01", "2026-12-01", "2026-12-07");
  assert_range (HIBACHI_DATES_THIS_MONTH, "2026-12-01", "2026-12-01", "2026-12-31");
  assert_range (HIBACHI_DATES_PAST, "2026-12-01", NULL, "2026-11-30");
  assert_range (HIBACHI_DATES_ANY, "2026-12-01", NULL, NULL);
  assert_range (HIBACHI_DATES_CUSTOM, "2026-12-01", NULL, NULL);
}

static void
test_edges (void)
{
  /* A Monday and a Sunday are in their own week; February of a leap year. */
  assert_range (HIBACHI_DATES_THIS_WEEK, "2026-11-30", "2026-11-30", "2026-12-06");
  assert_range (HIBACHI_DATES_THIS_WEEK, "2026-12-06", "2026-11-30", "2026-12-06");
  assert_range (HIBACHI_DATES_THIS_WEEK, "2027-01-01", "2026-12-28", "2027-01-03");
  assert_range (HIBACHI_DATES_THIS_MONTH, "2028-02-10", "2028-02-01", "2028-02-29");
  assert_range (HIBACHI_DATES_NEXT_7_DAYS, "2026-12-29", "2026-12-29", "2027-01-04");
  assert_range (HIBACHI_DATES_PAST, "2027-01-01", NULL, "2026-12-31");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/date-range/presets", test_presets);
  g_test_add_func ("/hibachi/date-range/edges", test_edges);

  return g_test_run ();
}
