/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hibachi-core.h"

static char *
repeat_char (char c, guint n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';

  return s;
}

static void
test_reason_bounds (void)
{
  g_autofree char *nine = repeat_char ('a', 9);
  g_autofree char *ten = repeat_char ('a', 10);
  g_autofree char *five_hundred = repeat_char ('b', 500);
  g_autofree char *five_hundred_one = repeat_char ('b', 501);
  g_autofree char *padded = g_strconcat ("    ", nine, "    ", NULL);
  char *message = NULL;

  g_assert_false (hibachi_validate_reason (nine, &message));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "10"));
  g_clear_pointer (&message, g_free);

  g_assert_true (hibachi_validate_reason (ten, &message));
  g_assert_null (message);
  g_assert_true (hibachi_validate_reason (five_hundred, NULL));

  g_assert_false (hibachi_validate_reason (five_hundred_one, &message));
  g_assert_nonnull (strstr (message, "500"));
  g_clear_pointer (&message, g_free);

  /* Whitespace does not count: nine letters padded with spaces is too short. */
  g_assert_false (hibachi_validate_reason (padded, NULL));
  g_assert_false (hibachi_validate_reason (NULL, NULL));
  g_assert_false (hibachi_validate_reason ("          ", NULL));
}

static void
test_reason_counts_characters (void)
{
  /* Ten characters but twenty bytes: counted as characters. */
  g_assert_true (hibachi_validate_reason ("éééééééééé", NULL));
  /* Invalid UTF-8 is rejected, not crashed on. */
  g_assert_false (hibachi_validate_reason ("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5", NULL));
}

static void
test_email (void)
{
  const char *good[] = { "owner@demo.test", "a.b+c@example.co.uk", "x_y@my-hibachi.com" };
  const char *bad[] = { "", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com",
                        "a@b..com.", "a@-b.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@b.com-" };
  char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (hibachi_validate_email (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (hibachi_validate_email (bad[i], &message));
      g_assert_nonnull (message);
      g_clear_pointer (&message, g_free);
    }
  g_assert_false (hibachi_validate_email (NULL, NULL));
}

static void
test_server_url (void)
{
  const char *cases[][2] = {
    { "admin.example.com", "https://admin.example.com" },
    { "  admin.example.com:8443/ ", "https://admin.example.com:8443" },
    { "localhost:8080", "http://localhost:8080" },
    { "LOCALHOST", "http://LOCALHOST" },
    { "127.0.0.1:41623", "http://127.0.0.1:41623" },
    { "127.1.2.3", "http://127.1.2.3" },
    { "[::1]:8080", "http://[::1]:8080" },
    { "127.0.0.1.example.com", "https://127.0.0.1.example.com" },
    { "10.0.0.5:8080", "https://10.0.0.5:8080" },
    { "http://admin.example.com", "http://admin.example.com" },
    { "HTTPS://admin.example.com/", "HTTPS://admin.example.com" },
    { "https://admin.example.com/hibachi", "https://admin.example.com/hibachi" },
  };
  const char *bad[] = { "", "   ", "ftp://admin.example.com", "https://", "https://user@admin.example.com",
                        "admin.example.com/?x=1", "https://exa mple.com" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *message = NULL;

      g_assert_true (hibachi_validate_server_url (cases[i][0], &url, &message));
      g_assert_cmpstr (url, ==, cases[i][1]);
      g_assert_null (message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *message = NULL;

      g_assert_false (hibachi_validate_server_url (bad[i], &url, &message));
      g_assert_null (url);
      g_assert_nonnull (message);
    }
  g_assert_false (hibachi_validate_server_url (NULL, NULL, NULL));

  g_assert_true (hibachi_host_is_loopback ("localhost"));
  g_assert_true (hibachi_host_is_loopback ("app.localhost"));
  g_assert_true (hibachi_host_is_loopback ("127.0.0.1"));
  g_assert_true (hibachi_host_is_loopback ("[::1]"));
  g_assert_true (hibachi_host_is_loopback ("::1"));
  g_assert_true (hibachi_host_is_loopback ("0:0:0:0:0:0:0:1"));
  g_assert_true (hibachi_host_is_loopback ("127.4.5.6"));
  g_assert_true (hibachi_host_is_loopback ("LOCALHOST"));
  g_assert_false (hibachi_host_is_loopback ("0.0.0.0"));
  g_assert_false (hibachi_host_is_loopback ("::"));
  g_assert_false (hibachi_host_is_loopback ("[::1"));
  g_assert_false (hibachi_host_is_loopback ("127.example.com"));
  g_assert_false (hibachi_host_is_loopback ("192.168.1.10"));
  g_assert_false (hibachi_host_is_loopback (NULL));
}

static void
test_phone (void)
{
  g_assert_true (hibachi_validate_phone ("(510) 555-0142", NULL));
  g_assert_true (hibachi_validate_phone ("+1 510 555 0142", NULL));
  g_assert_true (hibachi_validate_phone ("510.555.0142", NULL));
  g_assert_false (hibachi_validate_phone ("555-0142", NULL));          /* 7 digits */
  g_assert_false (hibachi_validate_phone ("1234567890123456", NULL));  /* 16 digits */
  g_assert_false (hibachi_validate_phone ("510-555-01x2", NULL));
  g_assert_false (hibachi_validate_phone ("510+5550142", NULL));       /* + not leading */
  g_assert_false (hibachi_validate_phone ("", NULL));
}

static void
test_required_text (void)
{
  char *message = NULL;

  g_assert_true (hibachi_validate_required_text ("Jane", 5, NULL));
  g_assert_false (hibachi_validate_required_text ("   ", 5, &message));
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);
  g_assert_false (hibachi_validate_required_text ("Janet!", 5, NULL));
  g_assert_false (hibachi_validate_required_text (NULL, 5, NULL));
}

static void
test_bounds (void)
{
  char *message = NULL;

  g_assert_true (hibachi_validate_bounds (0, 0, 500, NULL));
  g_assert_true (hibachi_validate_bounds (500, 0, 500, NULL));
  g_assert_false (hibachi_validate_bounds (-1, 0, 500, &message));
  g_assert_nonnull (strstr (message, "500"));
  g_clear_pointer (&message, g_free);
  g_assert_false (hibachi_validate_bounds (501, 0, 500, NULL));
}

static void
test_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (hibachi_validate_date ("2026-11-21", &date, NULL));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 11);
  g_assert_cmpint (g_date_get_day (&date), ==, 21);

  g_assert_true (hibachi_validate_date ("2028-02-29", NULL, NULL));
  g_assert_false (hibachi_validate_date ("2026-02-29", NULL, NULL));
  g_assert_false (hibachi_validate_date ("2026-13-01", NULL, NULL));
  g_assert_false (hibachi_validate_date ("2026-1-01", NULL, NULL));
  g_assert_false (hibachi_validate_date ("2026/11/21", NULL, NULL));
  g_assert_false (hibachi_validate_date ("2026-11-21T10:00", NULL, NULL));
  g_assert_false (hibachi_validate_date ("", NULL, NULL));
  g_assert_false (hibachi_validate_date (NULL, NULL, NULL));
}

static void
test_slot (void)
{
  int minutes = -1;
  char *message = NULL;

  g_assert_true (hibachi_validate_slot ("18:00", &minutes, NULL));
  g_assert_cmpint (minutes, ==, 18 * 60);
  g_assert_false (hibachi_validate_slot ("17:00", NULL, &message));
  g_assert_nonnull (strstr (message, "21:00"));
  g_clear_pointer (&message, g_free);
  g_assert_false (hibachi_validate_slot ("18:00:00", NULL, NULL));
  g_assert_false (hibachi_validate_slot (NULL, NULL, NULL));
}

static void
test_coordinates_and_radius (void)
{
  g_assert_true (hibachi_validate_latitude (90.0, NULL));
  g_assert_false (hibachi_validate_latitude (90.01, NULL));
  g_assert_false (hibachi_validate_latitude (NAN, NULL));
  g_assert_true (hibachi_validate_longitude (-180.0, NULL));
  g_assert_false (hibachi_validate_longitude (-180.5, NULL));
  g_assert_true (hibachi_validate_radius_miles (0, NULL));
  g_assert_true (hibachi_validate_radius_miles (500, NULL));
  g_assert_false (hibachi_validate_radius_miles (500.1, NULL));
  g_assert_false (hibachi_validate_radius_miles (-1, NULL));
  g_assert_false (hibachi_validate_radius_miles (INFINITY, NULL));
}

static void
test_party (void)
{
  g_assert_true (hibachi_validate_party (1, 0, 0, NULL));
  g_assert_false (hibachi_validate_party (0, 1, 0, NULL));   /* the company needs an adult */
  g_assert_false (hibachi_validate_party (0, 20, 0, NULL));
  g_assert_true (hibachi_validate_party (90, 5, 5, NULL));
  g_assert_false (hibachi_validate_party (90, 5, 6, NULL));
  g_assert_false (hibachi_validate_party (0, 0, 3, NULL));   /* toddlers alone */
  g_assert_false (hibachi_validate_party (-1, 5, 0, NULL));
}

static void
test_event_date (void)
{
  GDate today;
  char *message = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 12, 2026);
  g_assert_true (hibachi_validate_event_date ("2000-01-01", &today, NULL, NULL));
  g_assert_true (hibachi_validate_event_date ("2029-12-01", &today, NULL, NULL));
  g_assert_false (hibachi_validate_event_date ("1999-12-31", &today, NULL, &message));
  g_assert_nonnull (strstr (message, "2000"));
  g_clear_pointer (&message, g_free);
  g_assert_false (hibachi_validate_event_date ("2029-12-02", &today, NULL, &message));
  g_assert_nonnull (strstr (message, "3 years"));
  g_clear_pointer (&message, g_free);
  g_assert_false (hibachi_validate_event_date ("9999-12-31", &today, NULL, NULL));
  g_assert_false (hibachi_validate_event_date ("2027-02-30", &today, NULL, NULL));
  /* Without a day given, today is the system's. */
  g_assert_false (hibachi_validate_event_date ("9999-12-31", NULL, NULL, NULL));
  g_assert_true (hibachi_validate_event_date ("2000-01-01", NULL, NULL, NULL));
}

static void
test_radii (void)
{
  g_assert_true (hibachi_validate_radii (150, 150, NULL));
  g_assert_true (hibachi_validate_radii (100, 150, NULL));
  g_assert_false (hibachi_validate_radii (150, 149.5, NULL));
}

static void
test_timezone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hibachi-tz-XXXXXX", NULL);
  g_autofree char *zone_dir = g_build_filename (dir, "Test", NULL);
  g_autofree char *pipe = g_build_filename (zone_dir, "Pipe", NULL);
  g_autofree char *text = g_build_filename (zone_dir, "Text", NULL);
  g_autofree char *zone = g_build_filename (zone_dir, "Zone", NULL);
  g_autofree char *real = NULL;
  g_autofree char *pipe_path = NULL;
  gsize len;
  const char *refused[] = { "", "/etc/passwd", "../../../etc/passwd", "America/../../../etc/passwd", "America//Los_Angeles",
                            "America/", "./America/Los_Angeles", "PST8PDT,M3.2.0,M11.1.0", "<+03>-3", "EST+5",
                            "America/Los Angeles", "Mars/Olympus", "America", "America/Los_Angeles\n" };

  /* The system's database (tzdata). */
  g_assert_true (hibachi_validate_timezone ("America/Los_Angeles", NULL));
  g_assert_true (hibachi_validate_timezone ("Europe/Madrid", NULL));
  g_assert_true (hibachi_validate_timezone ("Etc/GMT+5", NULL));
  g_assert_true (hibachi_validate_timezone ("UTC", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *message = NULL;

      g_test_message ("timezone “%s”", refused[i]);
      g_assert_false (hibachi_validate_timezone (refused[i], &message));
      g_assert_nonnull (message);
      g_free (message);
    }

  /* A database holding a FIFO, a text file and a zone: only the zone is one,
   * and the FIFO is refused without blocking on it. */
  g_assert_true (g_file_get_contents ("/usr/share/zoneinfo/America/Los_Angeles", &real, &len, NULL));
  g_assert_cmpint (g_mkdir (zone_dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_true (g_file_set_contents (text, "not a zone", -1, NULL));
  g_assert_true (g_file_set_contents (zone, real, (gssize) len, NULL));
  g_setenv ("TZDIR", dir, TRUE);
  g_assert_false (hibachi_validate_timezone ("Test/Pipe", NULL));
  g_assert_false (hibachi_validate_timezone ("Test/Text", NULL));
  g_assert_false (hibachi_validate_timezone ("Test", NULL));
  g_assert_true (hibachi_validate_timezone ("Test/Zone", NULL));
  g_unsetenv ("TZDIR");

  /* A FIFO named by its path is not a name. */
  pipe_path = g_strdup (pipe);
  g_assert_false (hibachi_validate_timezone (pipe_path, NULL));

  g_unlink (pipe);
  g_unlink (text);
  g_unlink (zone);
  g_rmdir (zone_dir);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/validate/reason-bounds", test_reason_bounds);
  g_test_add_func ("/hibachi/validate/reason-characters", test_reason_counts_characters);
  g_test_add_func ("/hibachi/validate/email", test_email);
  g_test_add_func ("/hibachi/validate/server-url", test_server_url);
  g_test_add_func ("/hibachi/validate/phone", test_phone);
  g_test_add_func ("/hibachi/validate/required-text", test_required_text);
  g_test_add_func ("/hibachi/validate/bounds", test_bounds);
  g_test_add_func ("/hibachi/validate/date", test_date);
  g_test_add_func ("/hibachi/validate/slot", test_slot);
  g_test_add_func ("/hibachi/validate/coordinates-radius", test_coordinates_and_radius);
  g_test_add_func ("/hibachi/validate/party", test_party);
  g_test_add_func ("/hibachi/validate/event-date", test_event_date);
  g_test_add_func ("/hibachi/validate/radii", test_radii);
  g_test_add_func ("/hibachi/validate/timezone", test_timezone);

  return g_test_run ();
}
