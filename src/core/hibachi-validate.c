/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-validate"

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hibachi-schedule.h"
#include "hibachi-validate.h"

G_DEFINE_QUARK (hibachi-core-error-quark, hibachi_core_error)

static gboolean
fail (char       **message,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (char       **message,
      const char  *format,
      ...)
{
  if (message != NULL)
    {
      va_list args;

      va_start (args, format);
      *message = g_strdup_vprintf (format, args);
      va_end (args);
    }

  return FALSE;
}

static gboolean
succeed (char **message)
{
  if (message != NULL)
    *message = NULL;

  return TRUE;
}

gboolean
hibachi_validate_reason (const char  *text,
                         char       **message)
{
  g_autofree char *trimmed = NULL;
  glong n_chars;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return fail (message, _("Give a reason of %d to %d characters."),
                 HIBACHI_REASON_MIN_CHARS, HIBACHI_REASON_MAX_CHARS);

  trimmed = g_strstrip (g_strdup (text));
  n_chars = g_utf8_strlen (trimmed, -1);

  if (n_chars < HIBACHI_REASON_MIN_CHARS)
    return fail (message, _("The reason is too short: write at least %d characters."),
                 HIBACHI_REASON_MIN_CHARS);
  if (n_chars > HIBACHI_REASON_MAX_CHARS)
    return fail (message, _("The reason is too long: at most %d characters."),
                 HIBACHI_REASON_MAX_CHARS);

  return succeed (message);
}

static gboolean
is_email_local_char (char c)
{
  return g_ascii_isalnum (c) || strchr (".!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

gboolean
hibachi_validate_email (const char  *text,
                        char       **message)
{
  const char *at;
  const char *domain;
  const char *p;

  if (text == NULL || *text == '\0')
    return fail (message, _("Enter an email address."));
  if (strlen (text) > HIBACHI_EMAIL_MAX_CHARS)
    return fail (message, _("The email address is too long."));

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return fail (message, _("Enter an email address like name@example.com."));

  for (p = text; p < at; p++)
    if (!is_email_local_char (*p))
      return fail (message, _("Enter an email address like name@example.com."));
  if (text[0] == '.' || at[-1] == '.' || strstr (text, "..") != NULL)
    return fail (message, _("Enter an email address like name@example.com."));

  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || *domain == '-' || strchr (domain, '.') == NULL)
    return fail (message, _("Enter an email address like name@example.com."));
  for (p = domain; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '.'))
      return fail (message, _("Enter an email address like name@example.com."));
  if (p[-1] == '.' || p[-1] == '-')
    return fail (message, _("Enter an email address like name@example.com."));

  return succeed (message);
}

gboolean
hibachi_host_is_loopback (const char *host)
{
  g_autofree char *lower = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  gsize length;

  if (host == NULL)
    return FALSE;
  lower = g_ascii_strdown (host, -1);
  if (g_str_equal (lower, "localhost") || g_str_has_suffix (lower, ".localhost"))
    return TRUE;

  /* An IP literal in any spelling ("::1", "[::1]", "0:0::1", "127.1.2.3"). */
  length = strlen (lower);
  if (length > 2 && lower[0] == '[' && lower[length - 1] == ']')
    {
      lower[length - 1] = '\0';
      inet = g_inet_address_new_from_string (lower + 1);
    }
  else
    inet = g_inet_address_new_from_string (lower);

  return inet != NULL && g_inet_address_get_is_loopback (inet);
}

/* The host of "host[:port][/path]" or "[v6][:port][/path]". */
static char *
host_of (const char *address)
{
  const char *end;

  if (address[0] == '[')
    {
      end = strchr (address, ']');
      return end != NULL ? g_strndup (address, (gsize) (end - address) + 1) : g_strdup (address);
    }
  end = address + strcspn (address, ":/?#");

  return g_strndup (address, (gsize) (end - address));
}

/* A DNS name or an IP address, as GUri gives it (IPv6 without brackets). */
static gboolean
is_host_name (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;
  for (const char *p = host; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '.'))
      return FALSE;

  return TRUE;
}

gboolean
hibachi_validate_server_url (const char  *text,
                             char       **out_url,
                             char       **message)
{
  g_autofree char *address = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  gsize len;

  if (*address == '\0')
    return fail (message, _("Enter the server address."));

  if (strstr (address, "://") != NULL)
    {
      if (g_ascii_strncasecmp (address, "https://", 8) != 0 && g_ascii_strncasecmp (address, "http://", 7) != 0)
        return fail (message, _("The server address must start with https:// or http://."));
      url = g_steal_pointer (&address);
    }
  else
    {
      g_autofree char *host = host_of (address);

      url = g_strconcat (hibachi_host_is_loopback (host) ? "http://" : "https://", address, NULL);
    }

  len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || !is_host_name (g_uri_get_host (uri)) ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return fail (message, _("Enter a server address like https://admin.example.com."));

  if (out_url != NULL)
    *out_url = g_steal_pointer (&url);

  return succeed (message);
}

gboolean
hibachi_validate_phone (const char  *text,
                        char       **message)
{
  guint n_digits = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return fail (message, _("Enter a phone number."));

  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '+' && p == text)
        continue;
      else if (strchr (" ()-.", *p) == NULL)
        return fail (message, _("A phone number may only hold digits, spaces, ( ) - . and a leading +."));
    }

  if (n_digits < 10 || n_digits > 15)
    return fail (message, _("A phone number has 10 to 15 digits."));

  return succeed (message);
}

gboolean
hibachi_validate_required_text (const char  *text,
                                guint        max_chars,
                                char       **message)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return fail (message, _("This field is required."));

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return fail (message, _("This field is required."));
  if ((guint) g_utf8_strlen (trimmed, -1) > max_chars)
    return fail (message, _("At most %u characters."), max_chars);

  return succeed (message);
}

gboolean
hibachi_validate_bounds (gint64       value,
                         gint64       min_value,
                         gint64       max_value,
                         char       **message)
{
  if (value < min_value || value > max_value)
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min_value);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max_value);

      return fail (message, _("Must be between %s and %s."), lo, hi);
    }

  return succeed (message);
}

gboolean
hibachi_validate_date (const char  *text,
                       GDate       *out_date,
                       char       **message)
{
  guint year, month, day;
  int i;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return fail (message, _("Enter a date as YYYY-MM-DD."));
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return fail (message, _("Enter a date as YYYY-MM-DD."));

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return fail (message, _("“%s” is not a date in the calendar."), text);

  if (out_date != NULL)
    g_date_set_dmy (out_date, day, month, year);

  return succeed (message);
}

gboolean
hibachi_validate_event_date (const char  *text,
                             const GDate *today,
                             GDate       *out_date,
                             char       **message)
{
  GDate date, last;

  if (!hibachi_validate_date (text, &date, message))
    return FALSE;

  if (today != NULL)
    last = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_date_clear (&last, 1);
      g_date_set_dmy (&last, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
    }
  g_date_add_years (&last, HIBACHI_EVENT_YEARS_AHEAD);
  if (g_date_get_year (&date) < HIBACHI_EVENT_YEAR_MIN)
    return fail (message, _("An event date is in %d or later."), HIBACHI_EVENT_YEAR_MIN);
  if (g_date_compare (&date, &last) > 0)
    return fail (message, _("An event date is at most %d years ahead."), HIBACHI_EVENT_YEARS_AHEAD);

  if (out_date != NULL)
    *out_date = date;

  return succeed (message);
}

gboolean
hibachi_validate_slot (const char  *text,
                       int         *out_minutes,
                       char       **message)
{
  if (!hibachi_slot_parse (text, out_minutes))
    return fail (message, _("Choose one of the slots %s, %s, %s or %s."),
                 hibachi_slot_to_string (0), hibachi_slot_to_string (1),
                 hibachi_slot_to_string (2), hibachi_slot_to_string (3));

  return succeed (message);
}

gboolean
hibachi_validate_latitude (double       lat,
                           char       **message)
{
  if (!isfinite (lat) || lat < -90.0 || lat > 90.0)
    return fail (message, _("Latitude must be between −90 and 90."));

  return succeed (message);
}

gboolean
hibachi_validate_longitude (double       lng,
                            char       **message)
{
  if (!isfinite (lng) || lng < -180.0 || lng > 180.0)
    return fail (message, _("Longitude must be between −180 and 180."));

  return succeed (message);
}

gboolean
hibachi_validate_radius_miles (double       miles,
                               char       **message)
{
  if (!isfinite (miles) || miles < HIBACHI_RADIUS_MIN_MILES || miles > HIBACHI_RADIUS_MAX_MILES)
    return fail (message, _("A radius is between %d and %d miles."),
                 HIBACHI_RADIUS_MIN_MILES, HIBACHI_RADIUS_MAX_MILES);

  return succeed (message);
}

gboolean
hibachi_validate_party (gint64       adults,
                        gint64       children,
                        gint64       toddlers,
                        char       **message)
{
  if (adults < 0 || children < 0 || toddlers < 0)
    return fail (message, _("Guest counts cannot be negative."));
  if (adults < HIBACHI_ADULTS_MIN)
    return fail (message, _("A party needs at least one adult."));
  if (adults + children + toddlers > HIBACHI_GUESTS_MAX)
    return fail (message, _("A party has at most %d guests."), HIBACHI_GUESTS_MAX);

  return succeed (message);
}

gboolean
hibachi_validate_radii (double       service_miles,
                        double       escalation_miles,
                        char       **message)
{
  if (escalation_miles < service_miles)
    return fail (message, _("The escalation radius is at least the service radius."));

  return succeed (message);
}

/* Whether @path is a regular TZif file; opened without blocking, so a FIFO
 * or device put in its place cannot stall the caller. */
static gboolean
is_tzif_file (const char *path)
{
  GStatBuf st;
  char magic[4];
  gboolean ok;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;

  ok = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
       read (fd, magic, sizeof magic) == sizeof magic && memcmp (magic, "TZif", 4) == 0;
  close (fd);

  return ok;
}

gboolean
hibachi_validate_timezone (const char  *text,
                           char       **message)
{
  const char *dir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  gboolean segment_start = TRUE;

  if (text == NULL || *text == '\0' || strlen (text) > 64)
    return fail (message, _("Use a time zone name such as America/Los_Angeles."));

  /* Segments of letters, digits, "_", "-" and "+", each starting with a
   * letter: no "..", no leading or doubled "/", no POSIX rule. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          if (segment_start)
            return fail (message, _("Use a time zone name such as America/Los_Angeles."));
          segment_start = TRUE;
          continue;
        }
      if (segment_start ? !g_ascii_isalpha (*p)
                        : !(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '+'))
        return fail (message, _("Use a time zone name such as America/Los_Angeles."));
      segment_start = FALSE;
    }
  if (segment_start)
    return fail (message, _("Use a time zone name such as America/Los_Angeles."));

  path = g_build_filename (dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo", text, NULL);
  if (!is_tzif_file (path))
    return fail (message, _("“%s” is not in the time zone database."), text);

  return succeed (message);
}
