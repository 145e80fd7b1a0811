/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-resource-data.c: a resource's values, kept compact (one block of
 * slots and strings a row, about a fifth of a JSON tree's size). */
#define G_LOG_DOMAIN "hibachi-resource"

#include "config.h"

#include <string.h>

#include "hibachi-resource-private.h"

void
hibachi_resource_data_free (HibachiResourceData  *data,
                            HibachiResourceClass *klass)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < klass->n_fields; i++)
    if (HIBACHI_RESOURCE_HAS (data->set, i) && klass->fields[i].type == HIBACHI_FIELD_ARRAY)
      json_array_unref (data->slots[i].a);
    else if (HIBACHI_RESOURCE_HAS (data->set, i) && klass->fields[i].type == HIBACHI_FIELD_OBJECT)
      json_object_unref (data->slots[i].o);
  g_clear_pointer (&data->extra, json_object_unref);
  g_free (data);
}

/* @json has been checked against the class's fields. */
HibachiResourceData *
hibachi_resource_data_new (HibachiResourceClass *klass,
                           JsonObject           *json)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gsize strings = 0, head = sizeof (HibachiResourceData) + klass->n_fields * sizeof (HibachiResourceSlot);
  HibachiResourceData *data;
  char *p;

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == HIBACHI_FIELD_STRING &&
        (node = json_object_get_member (json, klass->fields[i].member)) != NULL && !JSON_NODE_HOLDS_NULL (node))
      strings += strlen (json_node_get_string (node)) + 1;

  data = g_malloc0 (head + strings);
  data->size = head + strings;
  p = (char *) data + head;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const HibachiField *field = &klass->fields[i];
      HibachiResourceSlot *slot = &data->slots[i];

      node = json_object_get_member (json, field->member);
      if (node == NULL)
        continue;
      data->present |= G_GUINT64_CONSTANT (1) << i;
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      data->set |= G_GUINT64_CONSTANT (1) << i;
      switch (field->type)
        {
        case HIBACHI_FIELD_STRING:
          slot->s = p;
          p = g_stpcpy (p, json_node_get_string (node)) + 1;
          break;
        case HIBACHI_FIELD_INT:
          slot->i = json_node_get_int (node);
          break;
        case HIBACHI_FIELD_DOUBLE:
          slot->d = json_node_get_double (node);
          if (json_node_get_value_type (node) == G_TYPE_INT64)
            data->whole |= G_GUINT64_CONSTANT (1) << i;
          break;
        case HIBACHI_FIELD_BOOLEAN:
          slot->b = json_node_get_boolean (node);
          break;
        case HIBACHI_FIELD_ARRAY:
          slot->a = json_array_ref (json_node_get_array (node));
          break;
        case HIBACHI_FIELD_OBJECT:
          slot->o = json_object_ref (json_node_get_object (node));
          break;
        }
    }

  json_object_iter_init (&iter, json);
  while (json_object_iter_next (&iter, &member, &node))
    if (!g_hash_table_contains (klass->field_index, member))
      {
        if (data->extra == NULL)
          data->extra = json_object_new ();
        json_object_set_member (data->extra, member, json_node_copy (node));
      }

  return data;
}

HibachiResourceData *
hibachi_resource_data_copy (HibachiResourceClass      *klass,
                            const HibachiResourceData *source)
{
  HibachiResourceData *data = g_memdup2 (source, source->size);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!HIBACHI_RESOURCE_HAS (data->set, i))
        continue;
      switch (klass->fields[i].type)
        {
        case HIBACHI_FIELD_STRING:
          data->slots[i].s = (const char *) data + (source->slots[i].s - (const char *) source);
          break;
        case HIBACHI_FIELD_ARRAY:
          json_array_ref (data->slots[i].a);
          break;
        case HIBACHI_FIELD_OBJECT:
          json_object_ref (data->slots[i].o);
          break;
        default:
          break;
        }
    }
  if (data->extra != NULL)
    json_object_ref (data->extra);

  return data;
}

/* Field @i's value as a JSON node; NULL when its member was not sent. */
JsonNode *
hibachi_resource_slot_to_node (HibachiResourceClass      *klass,
                               const HibachiResourceData *data,
                               guint                      i)
{
  const HibachiResourceSlot *slot = &data->slots[i];

  if (!HIBACHI_RESOURCE_HAS (data->present, i))
    return NULL;
  if (!HIBACHI_RESOURCE_HAS (data->set, i))
    return json_node_new (JSON_NODE_NULL);

  switch (klass->fields[i].type)
    {
    case HIBACHI_FIELD_STRING:
      return json_node_init_string (json_node_alloc (), slot->s);
    case HIBACHI_FIELD_INT:
      return json_node_init_int (json_node_alloc (), slot->i);
    case HIBACHI_FIELD_DOUBLE:
      if (HIBACHI_RESOURCE_HAS (data->whole, i))
        return json_node_init_int (json_node_alloc (), (gint64) slot->d);
      return json_node_init_double (json_node_alloc (), slot->d);
    case HIBACHI_FIELD_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), slot->b);
    case HIBACHI_FIELD_ARRAY:
      return json_node_init_array (json_node_alloc (), slot->a);
    case HIBACHI_FIELD_OBJECT:
    default:
      return json_node_init_object (json_node_alloc (), slot->o);
    }
}

gboolean
hibachi_resource_same_field (HibachiResourceClass      *klass,
                             const HibachiResourceData *a,
                             const HibachiResourceData *b,
                             guint                      i)
{
  gboolean present = a != NULL && HIBACHI_RESOURCE_HAS (a->present, i), set = a != NULL && HIBACHI_RESOURCE_HAS (a->set, i);
  g_autoptr(JsonNode) x = NULL;
  g_autoptr(JsonNode) y = NULL;

  if (present != (b != NULL && HIBACHI_RESOURCE_HAS (b->present, i)) || set != (b != NULL && HIBACHI_RESOURCE_HAS (b->set, i)))
    return FALSE;
  if (!set)
    return TRUE;

  switch (klass->fields[i].type)
    {
    case HIBACHI_FIELD_STRING:
      return g_str_equal (a->slots[i].s, b->slots[i].s);
    case HIBACHI_FIELD_INT:
      return a->slots[i].i == b->slots[i].i;
    case HIBACHI_FIELD_DOUBLE:
      return a->slots[i].d == b->slots[i].d;
    case HIBACHI_FIELD_BOOLEAN:
      return !a->slots[i].b == !b->slots[i].b;
    case HIBACHI_FIELD_ARRAY:
    case HIBACHI_FIELD_OBJECT:
    default:
      x = hibachi_resource_slot_to_node (klass, a, i);
      y = hibachi_resource_slot_to_node (klass, b, i);
      return json_node_equal (x, y);
    }
}
