/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-schedule.h: event slots, event duration and a chef's busy window
 * (SPEC §8.2). All times are minutes from midnight of the event date in the
 * station's local time; windows may start before 0 when setup and travel
 * reach into the previous day.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HIBACHI_N_SLOTS                     4
#define HIBACHI_SETUP_MINUTES              60
#define HIBACHI_CLEANUP_MINUTES            15
#define HIBACHI_EVENT_BASE_MINUTES         60
#define HIBACHI_EVENT_MINUTES_PER_GUEST     3
#define HIBACHI_EVENT_MAX_MINUTES         120

typedef struct
{
  int start;
  int end;
} HibachiTimeWindow;

int               hibachi_slot_minutes          (guint              slot_index);
const char       *hibachi_slot_to_string        (guint              slot_index);
int               hibachi_slot_index_for_minutes (int               minutes);
gboolean          hibachi_slot_parse            (const char        *text,
                                                 int               *out_minutes);
guint             hibachi_event_duration_minutes (guint             guests);
HibachiTimeWindow hibachi_event_window          (int                start_minutes,
                                                 guint              guests);
HibachiTimeWindow hibachi_event_busy_window     (int                start_minutes,
                                                 guint              guests,
                                                 guint              travel_minutes);
gboolean          hibachi_time_window_overlaps  (const HibachiTimeWindow *a,
                                                 const HibachiTimeWindow *b);
char             *hibachi_format_minutes        (int                minutes);

G_END_DECLS
