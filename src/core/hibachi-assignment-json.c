/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-assignment"

#include "config.h"

#include <string.h>

#include "hibachi-assignment-json.h"
#include "hibachi-schedule.h"
#include "hibachi-validate.h"

const char * const hibachi_weekday_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static JsonNode *
value_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = value_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gint64
get_int (JsonObject *object,
         const char *member)
{
  JsonNode *node = value_member (object, member);

  return node != NULL ? json_node_get_int (node) : 0;
}

static double
get_double (JsonObject *object,
            const char *member)
{
  JsonNode *node = value_member (object, member);

  return node != NULL ? json_node_get_double (node) : 0.0;
}

void
hibachi_assignment_chef_from_json (JsonObject            *chef,
                                   JsonArray             *time_off,
                                   GArray                *ranges,
                                   HibachiAssignmentChef *out_chef)
{
  JsonNode *weekly_node = json_object_get_member (chef, "weekly_availability");
  JsonObject *weekly = weekly_node != NULL && JSON_NODE_HOLDS_OBJECT (weekly_node)
                       ? json_node_get_object (weekly_node) : NULL;
  JsonNode *active = value_member (chef, "is_active");

  memset (out_chef, 0, sizeof *out_chef);
  out_chef->id = get_string (chef, "id");
  out_chef->name = get_string (chef, "name");
  out_chef->station_id = get_string (chef, "station_id");
  out_chef->skill_level = (guint) get_int (chef, "skill_level");
  out_chef->max_party_size = (guint) get_int (chef, "max_party_size");
  out_chef->rating = get_double (chef, "rating");
  out_chef->is_active = active != NULL && json_node_get_boolean (active);

  for (guint d = 0; weekly != NULL && d < 7; d++)
    {
      JsonNode *day = json_object_get_member (weekly, hibachi_weekday_keys[d]);
      JsonArray *slots = day != NULL && JSON_NODE_HOLDS_ARRAY (day) ? json_node_get_array (day) : NULL;

      for (guint i = 0; slots != NULL && i < json_array_get_length (slots); i++)
        {
          JsonNode *slot = json_array_get_element (slots, i);
          int minutes, index;

          if (JSON_NODE_HOLDS_VALUE (slot) && json_node_get_value_type (slot) == G_TYPE_STRING &&
              hibachi_slot_parse (json_node_get_string (slot), &minutes) &&
              (index = hibachi_slot_index_for_minutes (minutes)) >= 0)
            out_chef->weekly_slots[d] |= (guint8) (1u << index);
        }
    }

  g_array_set_size (ranges, 0);
  for (guint i = 0; time_off != NULL && i < json_array_get_length (time_off); i++)
    {
      JsonNode *node = json_array_get_element (time_off, i);
      JsonObject *t = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      HibachiDateRange range;

      if (t != NULL &&
          hibachi_validate_date (get_string (t, "start_date"), &range.first, NULL) &&
          hibachi_validate_date (get_string (t, "end_date"), &range.last, NULL))
        g_array_append_val (ranges, range);
    }
  out_chef->time_off = (const HibachiDateRange *) ranges->data;
  out_chef->n_time_off = ranges->len;
}

void
hibachi_assignment_booking_from_json (JsonObject               *booking,
                                      HibachiAssignmentBooking *out)
{
  memset (out, 0, sizeof *out);
  out->id = get_string (booking, "id");
  out->station_id = get_string (booking, "station_id");
  g_date_clear (&out->date, 1);
  hibachi_validate_date (get_string (booking, "event_date"), &out->date, NULL);
  hibachi_slot_parse (get_string (booking, "slot"), &out->start_minutes);
  out->guests = (guint) (get_int (booking, "adults") + get_int (booking, "children") + get_int (booking, "toddlers"));
  out->venue.lat = get_double (booking, "venue_lat");
  out->venue.lng = get_double (booking, "venue_lng");
  out->requested_chef_id = get_string (booking, "requested_chef_id");
}
