/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-validate.h: field validators shared by hibachi-server (authority)
 * and hibachi-admin (instant feedback). Each returns TRUE when the value is
 * acceptable; otherwise FALSE and, when @message is not NULL, a newly
 * allocated translated message meant to be shown next to the field.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HIBACHI_CORE_ERROR (hibachi_core_error_quark ())

typedef enum
{
  HIBACHI_CORE_ERROR_INVALID,
} HibachiCoreError;

/* Reasons for cancelling, deleting, overriding, rejecting and price changes. */
#define HIBACHI_REASON_MIN_CHARS 10
#define HIBACHI_REASON_MAX_CHARS 500

/* Party sizes accepted for one event (the company's guest limits; its
 * backend requires party_adults > 0). */
#define HIBACHI_ADULTS_MIN 1
#define HIBACHI_GUESTS_MAX 100

/* Event dates: not before this year, not more than this many years ahead. */
#define HIBACHI_EVENT_YEAR_MIN 2000
#define HIBACHI_EVENT_YEARS_AHEAD 3

/* Radii of a station's service area, in miles. */
#define HIBACHI_RADIUS_MIN_MILES 0
#define HIBACHI_RADIUS_MAX_MILES 500

#define HIBACHI_EMAIL_MAX_CHARS 254

/* A booking's allergens: at most this many, each at most so long. */
#define HIBACHI_ALLERGENS_MAX 20
#define HIBACHI_ALLERGEN_MAX_CHARS 100

GQuark   hibachi_core_error_quark          (void);

gboolean hibachi_validate_reason           (const char  *text,
                                            char       **message);
gboolean hibachi_validate_email            (const char  *text,
                                            char       **message);
/* A server address as people type it: "admin.example.com" gets https://,
 * a loopback address ("localhost:8080", "127.0.0.1:8080", "[::1]:8080")
 * http://. On success @out_url (when not NULL) receives the address to use,
 * without a trailing slash. */
gboolean hibachi_validate_server_url       (const char  *text,
                                            char       **out_url,
                                            char       **message);
gboolean hibachi_host_is_loopback          (const char  *host);
gboolean hibachi_validate_phone            (const char  *text,
                                            char       **message);
gboolean hibachi_validate_required_text    (const char  *text,
                                            guint        max_chars,
                                            char       **message);
gboolean hibachi_validate_bounds           (gint64       value,
                                            gint64       min_value,
                                            gint64       max_value,
                                            char       **message);
gboolean hibachi_validate_date             (const char  *text,
                                            GDate       *out_date,
                                            char       **message);
gboolean hibachi_validate_slot             (const char  *text,
                                            int         *out_minutes,
                                            char       **message);
gboolean hibachi_validate_latitude         (double       lat,
                                            char       **message);
gboolean hibachi_validate_longitude        (double       lng,
                                            char       **message);
gboolean hibachi_validate_radius_miles     (double       miles,
                                            char       **message);
/* A date (as hibachi_validate_date) within the event bounds around @today
 * (NULL: today by the system clock, in UTC). */
gboolean hibachi_validate_event_date       (const char  *text,
                                            const GDate *today,
                                            GDate       *out_date,
                                            char       **message);
/* The escalation radius reaches at least as far as the service radius. */
gboolean hibachi_validate_radii            (double       service_miles,
                                            double       escalation_miles,
                                            char       **message);
/* A zone name of the system's time zone database (America/Los_Angeles), never
 * a path, a POSIX rule or anything but a TZif file under the zoneinfo folder. */
gboolean hibachi_validate_timezone         (const char  *text,
                                            char       **message);
gboolean hibachi_validate_party            (gint64       adults,
                                            gint64       children,
                                            gint64       toddlers,
                                            char       **message);
/* Allergens as people type them, separated by commas ("peanuts, shellfish").
 * On success @out_list (when not NULL) receives them trimmed, without empty
 * ones (NULL-terminated; none is an empty list). */
gboolean hibachi_validate_allergens        (const char  *text,
                                            char      ***out_list,
                                            char       **message);

G_END_DECLS
