/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-schedule"

#include "config.h"

#include <string.h>

#include "hibachi-schedule.h"

/* The four business slots, station local time (SPEC §8.2). */
static const int slot_minutes[HIBACHI_N_SLOTS] = { 12 * 60, 15 * 60, 18 * 60, 21 * 60 };
static const char * const slot_names[HIBACHI_N_SLOTS] = { "12:00", "15:00", "18:00", "21:00" };

int
hibachi_slot_minutes (guint slot_index)
{
  g_return_val_if_fail (slot_index < HIBACHI_N_SLOTS, -1);

  return slot_minutes[slot_index];
}

const char *
hibachi_slot_to_string (guint slot_index)
{
  g_return_val_if_fail (slot_index < HIBACHI_N_SLOTS, NULL);

  return slot_names[slot_index];
}

int
hibachi_slot_index_for_minutes (int minutes)
{
  for (guint i = 0; i < HIBACHI_N_SLOTS; i++)
    if (slot_minutes[i] == minutes)
      return (int) i;

  return -1;
}

gboolean
hibachi_slot_parse (const char *text,
                    int        *out_minutes)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < HIBACHI_N_SLOTS; i++)
    {
      if (strcmp (text, slot_names[i]) == 0)
        {
          if (out_minutes != NULL)
            *out_minutes = slot_minutes[i];
          return TRUE;
        }
    }

  return FALSE;
}

guint
hibachi_event_duration_minutes (guint guests)
{
  /* Compare before multiplying so huge guest counts cannot overflow. */
  if (guests >= (HIBACHI_EVENT_MAX_MINUTES - HIBACHI_EVENT_BASE_MINUTES) / HIBACHI_EVENT_MINUTES_PER_GUEST)
    return HIBACHI_EVENT_MAX_MINUTES;

  return HIBACHI_EVENT_BASE_MINUTES + HIBACHI_EVENT_MINUTES_PER_GUEST * guests;
}

HibachiTimeWindow
hibachi_event_window (int   start_minutes,
                      guint guests)
{
  return hibachi_event_busy_window (start_minutes, guests, 0);
}

HibachiTimeWindow
hibachi_event_busy_window (int   start_minutes,
                           guint guests,
                           guint travel_minutes)
{
  HibachiTimeWindow window;

  window.start = start_minutes - HIBACHI_SETUP_MINUTES - (int) travel_minutes;
  window.end = start_minutes + (int) hibachi_event_duration_minutes (guests) + HIBACHI_CLEANUP_MINUTES;

  return window;
}

gboolean
hibachi_time_window_overlaps (const HibachiTimeWindow *a,
                              const HibachiTimeWindow *b)
{
  /* Half-open windows: one ending at 14:00 and one starting at 14:00 touch, no overlap. */
  return a->start < b->end && b->start < a->end;
}

char *
hibachi_format_minutes (int minutes)
{
  int m = ((minutes % (24 * 60)) + 24 * 60) % (24 * 60);

  return g_strdup_printf ("%02d:%02d", m / 60, m % 60);
}
