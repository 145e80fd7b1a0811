/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hibachi-json-member.h"

static JsonNode *
value_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

const char *
hibachi_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
hibachi_json_get_int (JsonObject *object,
                      const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) == G_TYPE_STRING)
    return 0;

  return json_node_get_int (node);
}

double
hibachi_json_get_double (JsonObject *object,
                         const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) == G_TYPE_STRING)
    return 0.0;

  return json_node_get_double (node);
}
