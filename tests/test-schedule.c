/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hibachi-core.h"

static void
test_slots (void)
{
  const char *names[] = { "12:00", "15:00", "18:00", "21:00" };
  const int minutes[] = { 720, 900, 1080, 1260 };

  for (guint i = 0; i < HIBACHI_N_SLOTS; i++)
    {
      int parsed = -1;

      g_assert_cmpstr (hibachi_slot_to_string (i), ==, names[i]);
      g_assert_cmpint (hibachi_slot_minutes (i), ==, minutes[i]);
      g_assert_cmpint (hibachi_slot_index_for_minutes (minutes[i]), ==, (int) i);
      g_assert_true (hibachi_slot_parse (names[i], &parsed));
      g_assert_cmpint (parsed, ==, minutes[i]);
    }

  g_assert_cmpint (hibachi_slot_index_for_minutes (13 * 60), ==, -1);
  g_assert_false (hibachi_slot_parse ("12:30", NULL));
  g_assert_false (hibachi_slot_parse ("", NULL));
}

static void
test_duration (void)
{
  g_assert_cmpuint (hibachi_event_duration_minutes (0), ==, 60);
  g_assert_cmpuint (hibachi_event_duration_minutes (10), ==, 90);
  g_assert_cmpuint (hibachi_event_duration_minutes (19), ==, 117);
  /* The 120-minute cap is reached exactly at 20 guests and holds beyond. */
  g_assert_cmpuint (hibachi_event_duration_minutes (20), ==, 120);
  g_assert_cmpuint (hibachi_event_duration_minutes (21), ==, 120);
  g_assert_cmpuint (hibachi_event_duration_minutes (60), ==, 120);
  g_assert_cmpuint (hibachi_event_duration_minutes (G_MAXUINT), ==, 120);
}

static void
test_busy_window (void)
{
  HibachiTimeWindow w;

  /* 18:00 for 10 guests: setup from 17:00, 90 minutes, cleanup to 19:45. */
  w = hibachi_event_window (18 * 60, 10);
  g_assert_cmpint (w.start, ==, 17 * 60);
  g_assert_cmpint (w.end, ==, 19 * 60 + 45);

  /* Travel from the previous event extends the start only. */
  w = hibachi_event_busy_window (18 * 60, 10, 25);
  g_assert_cmpint (w.start, ==, 17 * 60 - 25);
  g_assert_cmpint (w.end, ==, 19 * 60 + 45);

  /* 12:00 with 40 guests: capped at 120 minutes, busy until 14:15. */
  w = hibachi_event_window (12 * 60, 40);
  g_assert_cmpint (w.end, ==, 14 * 60 + 15);
}

static void
test_overlap (void)
{
  HibachiTimeWindow a = { 600, 700 };
  HibachiTimeWindow touching = { 700, 800 };
  HibachiTimeWindow inside = { 650, 660 };
  HibachiTimeWindow one_minute = { 699, 800 };

  g_assert_false (hibachi_time_window_overlaps (&a, &touching));
  g_assert_false (hibachi_time_window_overlaps (&touching, &a));
  g_assert_true (hibachi_time_window_overlaps (&a, &inside));
  g_assert_true (hibachi_time_window_overlaps (&a, &one_minute));
}

static void
test_format_minutes (void)
{
  g_autofree char *a = hibachi_format_minutes (18 * 60 + 5);
  g_autofree char *b = hibachi_format_minutes (-30);
  g_autofree char *c = hibachi_format_minutes (24 * 60 + 15);

  g_assert_cmpstr (a, ==, "18:05");
  g_assert_cmpstr (b, ==, "23:30");
  g_assert_cmpstr (c, ==, "00:15");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/schedule/slots", test_slots);
  g_test_add_func ("/hibachi/schedule/duration", test_duration);
  g_test_add_func ("/hibachi/schedule/busy-window", test_busy_window);
  g_test_add_func ("/hibachi/schedule/overlap", test_overlap);
  g_test_add_func ("/hibachi/schedule/format-minutes", test_format_minutes);

  return g_test_run ();
}
