/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-resource"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-api-error.h"
#include "hibachi-resource.h"
#include "hibachi-resource-private.h"

typedef struct
{
  HibachiResourceData *data;   /* NULL while not loaded */
  JsonObject          *json;   /* built by get_json; dropped when data changes */
} HibachiResourcePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HibachiResource, hibachi_resource, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GEnumValue resource_kinds[] = {
  { HIBACHI_RESOURCE_BOOKING, "HIBACHI_RESOURCE_BOOKING", "booking" },
  { HIBACHI_RESOURCE_CHEF, "HIBACHI_RESOURCE_CHEF", "chef" },
  { HIBACHI_RESOURCE_STATION, "HIBACHI_RESOURCE_STATION", "station" },
  { HIBACHI_RESOURCE_REVIEW, "HIBACHI_RESOURCE_REVIEW", "review" },
  { HIBACHI_RESOURCE_PRICING, "HIBACHI_RESOURCE_PRICING", "pricing" },
  { HIBACHI_RESOURCE_AUDIT_ENTRY, "HIBACHI_RESOURCE_AUDIT_ENTRY", "audit_entry" },
  { HIBACHI_RESOURCE_UNKNOWN, "HIBACHI_RESOURCE_UNKNOWN", "unknown" },
  { 0, NULL, NULL },
};

GType
hibachi_resource_kind_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("HibachiResourceKind", resource_kinds));

  return type;
}

HibachiResourceKind
hibachi_resource_kind_from_string (const char *name)
{
  for (guint i = 0; name != NULL && resource_kinds[i].value_nick != NULL; i++)
    if (g_str_equal (resource_kinds[i].value_nick, name))
      return resource_kinds[i].value;

  return HIBACHI_RESOURCE_UNKNOWN;
}

/* @member's value. A field's: its slot, its type in @type. A member outside
 * the field table: NULL, and the node the server sent in @extra. A null or
 * a member not sent: NULL, @extra NULL. */
static const HibachiResourceSlot *
lookup (HibachiResource   *self,
        const char        *member,
        HibachiFieldType  *type,
        JsonNode         **extra)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);
  HibachiResourceClass *klass = HIBACHI_RESOURCE_GET_CLASS (self);
  int i;

  *extra = NULL;
  if (priv->data == NULL)
    return NULL;

  i = GPOINTER_TO_INT (g_hash_table_lookup (klass->field_index, member)) - 1;
  if (i < 0)
    {
      if (priv->data->extra != NULL)
        *extra = json_object_get_member (priv->data->extra, member);
      return NULL;
    }
  if (!HIBACHI_RESOURCE_HAS (priv->data->set, i))
    return NULL;

  *type = klass->fields[i].type;
  return &priv->data->slots[i];
}

static void
hibachi_resource_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HibachiResourceClass *klass = g_type_class_peek (pspec->owner_type);
  const HibachiField *field;
  const HibachiResourceSlot *slot;
  HibachiResourceData *data;

  if (klass == NULL || prop_id == 0 || prop_id > klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &klass->fields[prop_id - 1];
  data = ((HibachiResourcePrivate *) hibachi_resource_get_instance_private (HIBACHI_RESOURCE (object)))->data;
  if (data == NULL || !HIBACHI_RESOURCE_HAS (data->set, prop_id - 1))
    return;   /* the property's default */

  slot = &data->slots[prop_id - 1];
  switch (field->type)
    {
    case HIBACHI_FIELD_STRING:
      g_value_set_string (value, slot->s);
      break;
    case HIBACHI_FIELD_INT:
      g_value_set_int64 (value, slot->i);
      break;
    case HIBACHI_FIELD_DOUBLE:
      g_value_set_double (value, slot->d);
      break;
    case HIBACHI_FIELD_BOOLEAN:
      g_value_set_boolean (value, slot->b);
      break;
    case HIBACHI_FIELD_ARRAY:
      g_value_set_boxed (value, slot->a);
      break;
    case HIBACHI_FIELD_OBJECT:
      g_value_set_boxed (value, slot->o);
      break;
    }
}

static void
hibachi_resource_finalize (GObject *object)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (HIBACHI_RESOURCE (object));

  hibachi_resource_data_free (priv->data, HIBACHI_RESOURCE_GET_CLASS (object));
  g_clear_pointer (&priv->json, json_object_unref);

  G_OBJECT_CLASS (hibachi_resource_parent_class)->finalize (object);
}

static void
hibachi_resource_class_init (HibachiResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hibachi_resource_finalize;

  /* New data was put in (or taken out: not loaded any more). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hibachi_resource_init (HibachiResource *self)
{
}

void
hibachi_resource_class_set_fields (HibachiResourceClass *klass,
                                   const HibachiField   *fields,
                                   const char           *id_member,
                                   const char           *noun)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  guint n = 0;

  while (fields[n].member != NULL)
    n++;
  g_assert (n <= 64);   /* a bit each in HibachiResourceData */

  klass->fields = fields;
  klass->n_fields = n;
  klass->id_member = id_member;
  klass->noun = noun;
  klass->pspecs = g_new0 (GParamSpec *, n + 1);   /* lives as long as the class: for ever */
  klass->field_index = g_hash_table_new (g_str_hash, g_str_equal);   /* so does this */
  /* GObject does not pass get_property on to subclasses. */
  G_OBJECT_CLASS (klass)->get_property = hibachi_resource_get_property;

  for (guint i = 0; i < n; i++)
    {
      const char *name = fields[i].property;
      GParamSpec *pspec;

      switch (fields[i].type)
        {
        case HIBACHI_FIELD_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case HIBACHI_FIELD_INT:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case HIBACHI_FIELD_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case HIBACHI_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case HIBACHI_FIELD_ARRAY:
          pspec = g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_ARRAY, flags);
          break;
        case HIBACHI_FIELD_OBJECT:
        default:
          pspec = g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_OBJECT, flags);
          break;
        }

      klass->pspecs[i] = pspec;
      g_hash_table_insert (klass->field_index, (gpointer) fields[i].member, GUINT_TO_POINTER (i + 1));
      g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, pspec);
    }
}

static gboolean
has_type (JsonObject         *object,
          const HibachiField *field)
{
  JsonNode *node = json_object_get_member (object, field->member);

  if (node == NULL)
    return (field->flags & HIBACHI_FIELD_OPTIONAL) != 0;
  if (JSON_NODE_HOLDS_NULL (node))
    return (field->flags & (HIBACHI_FIELD_NULLABLE | HIBACHI_FIELD_OPTIONAL)) != 0;
  switch (field->type)
    {
    case HIBACHI_FIELD_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case HIBACHI_FIELD_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case HIBACHI_FIELD_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case HIBACHI_FIELD_INT:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    case HIBACHI_FIELD_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case HIBACHI_FIELD_DOUBLE:
      return JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                                              json_node_get_value_type (node) == G_TYPE_INT64);
    }

  return FALSE;
}

/* The object in @node if it has the class's shape. */
static JsonObject *
check (HibachiResourceClass  *klass,
       JsonNode              *node,
       GError               **error)
{
  JsonObject *object;
  const char *bad = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is what the server sent, e.g. "booking" */
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, _("The server sent a malformed %s: not an object."),
                   _(klass->noun));
      return NULL;
    }

  object = json_node_get_object (node);
  for (guint i = 0; bad == NULL && i < klass->n_fields; i++)
    if (!has_type (object, &klass->fields[i]))
      bad = klass->fields[i].member;
  if (bad == NULL && klass->check != NULL)
    bad = klass->check (object);

  if (bad != NULL)
    {
      /* Translators: %s is what the server sent ("booking"), then a member name */
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE,
                   _("The server sent a malformed %s: “%s” is missing or not valid."), _(klass->noun), bad);
      return NULL;
    }

  return object;
}

gpointer
hibachi_resource_new_from_json (GType      type,
                                JsonNode  *node,
                                GError   **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  JsonObject *object;
  HibachiResource *self;

  g_return_val_if_fail (g_type_is_a (type, HIBACHI_TYPE_RESOURCE), NULL);

  object = check (HIBACHI_RESOURCE_CLASS (klass), node, error);
  if (object == NULL)
    return NULL;

  self = g_object_new (type, NULL);
  ((HibachiResourcePrivate *) hibachi_resource_get_instance_private (self))->data =
    hibachi_resource_data_new (HIBACHI_RESOURCE_CLASS (klass), object);

  return self;
}

GPtrArray *
hibachi_resource_parse_array (GType      type,
                              JsonNode  *node,
                              GError   **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, _("The server sent a malformed %s: not a list."),
                   _(HIBACHI_RESOURCE_CLASS (klass)->noun));
      return NULL;
    }

  array = json_node_get_array (node);
  objects = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer object = hibachi_resource_new_from_json (type, json_array_get_element (array, i), error);

      if (object == NULL)
        return NULL;
      g_ptr_array_add (objects, object);
    }

  return g_steal_pointer (&objects);
}

GPtrArray *
hibachi_resource_parse_page (GType      type,
                             JsonNode  *reply,
                             gint64    *out_total,
                             gboolean  *out_has_next,
                             GError   **error)
{
  JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  JsonNode *total = root ? json_object_get_member (root, "total_count") : NULL;
  JsonNode *has_next = root ? json_object_get_member (root, "has_next") : NULL;
  GPtrArray *page;

  if (root == NULL || total == NULL || !JSON_NODE_HOLDS_VALUE (total) || json_node_get_value_type (total) != G_TYPE_INT64 ||
      (has_next != NULL && (!JSON_NODE_HOLDS_VALUE (has_next) || json_node_get_value_type (has_next) != G_TYPE_BOOLEAN)))
    {
      g_set_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE, _("The server sent a list in an unknown shape."));
      return NULL;
    }

  page = hibachi_resource_parse_array (type, json_object_get_member (root, "data"), error);
  if (page == NULL)
    return NULL;

  if (out_total != NULL)
    *out_total = MAX (json_node_get_int (total), 0);
  if (out_has_next != NULL)
    *out_has_next = has_next != NULL && json_node_get_boolean (has_next);

  return page;
}

/* Takes @data (NULL: not loaded); notifies the fields that changed. */
static void
replace_data (HibachiResource     *self,
              HibachiResourceData *data)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);
  HibachiResourceClass *klass = HIBACHI_RESOURCE_GET_CLASS (self);
  HibachiResourceData *old = g_steal_pointer (&priv->data);

  priv->data = data;
  g_clear_pointer (&priv->json, json_object_unref);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    if (!hibachi_resource_same_field (klass, old, data, i))
      g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[i]);
  hibachi_resource_data_free (old, klass);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

void
hibachi_resource_set_json (HibachiResource *self,
                           JsonObject      *json)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_RESOURCE (self));

  /* Its own JSON, or nothing again: nothing changes. */
  if ((json != NULL && priv->json == json) || (json == NULL && priv->data == NULL))
    return;

  replace_data (self, json ? hibachi_resource_data_new (HIBACHI_RESOURCE_GET_CLASS (self), json) : NULL);
}

void
hibachi_resource_set_from (HibachiResource *self,
                           HibachiResource *source)
{
  HibachiResourcePrivate *priv, *from;

  g_return_if_fail (HIBACHI_IS_RESOURCE (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  priv = hibachi_resource_get_instance_private (self);
  from = hibachi_resource_get_instance_private (source);
  if (self == source || (from->data == NULL && priv->data == NULL))
    return;

  replace_data (self, from->data ? hibachi_resource_data_copy (HIBACHI_RESOURCE_GET_CLASS (self), from->data) : NULL);
}

gboolean
hibachi_resource_update_from_json (HibachiResource  *self,
                                   JsonNode         *node,
                                   GError          **error)
{
  JsonObject *object = check (HIBACHI_RESOURCE_GET_CLASS (self), node, error);

  if (object == NULL)
    return FALSE;

  hibachi_resource_set_json (self, object);
  return TRUE;
}

gboolean
hibachi_resource_is_loaded (HibachiResource *self)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);

  return priv->data != NULL;
}

gboolean
hibachi_resource_has_json (HibachiResource *self)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);

  return priv->json != NULL;
}

JsonObject *
hibachi_resource_get_json (HibachiResource *self)
{
  HibachiResourcePrivate *priv = hibachi_resource_get_instance_private (self);
  HibachiResourceClass *klass = HIBACHI_RESOURCE_GET_CLASS (self);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (priv->data == NULL || priv->json != NULL)
    return priv->json;

  priv->json = json_object_new ();
  for (guint i = 0; i < klass->n_fields; i++)
    if ((node = hibachi_resource_slot_to_node (klass, priv->data, i)) != NULL)
      json_object_set_member (priv->json, klass->fields[i].member, node);
  if (priv->data->extra != NULL)
    {
      json_object_iter_init (&iter, priv->data->extra);
      while (json_object_iter_next (&iter, &member, &node))
        json_object_set_member (priv->json, member, json_node_copy (node));
    }

  return priv->json;
}

const char *
hibachi_resource_get_string (HibachiResource *self,
                             const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_STRING ? slot->s : NULL;
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
         json_node_get_string (node) : NULL;
}

gint64
hibachi_resource_get_int (HibachiResource *self,
                          const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_INT ? slot->i : type == HIBACHI_FIELD_DOUBLE ? (gint64) slot->d :
           type == HIBACHI_FIELD_BOOLEAN ? slot->b != FALSE : 0;
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

double
hibachi_resource_get_double (HibachiResource *self,
                             const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_DOUBLE ? slot->d : type == HIBACHI_FIELD_INT ? (double) slot->i :
           type == HIBACHI_FIELD_BOOLEAN ? slot->b != FALSE : 0.0;
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0.0;
}

gboolean
hibachi_resource_get_boolean (HibachiResource *self,
                              const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_BOOLEAN ? slot->b : type == HIBACHI_FIELD_INT ? slot->i != 0 :
           type == HIBACHI_FIELD_DOUBLE ? slot->d != 0.0 : FALSE;
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_boolean (node) : FALSE;
}

JsonObject *
hibachi_resource_get_object (HibachiResource *self,
                             const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_OBJECT ? slot->o : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
hibachi_resource_get_array (HibachiResource *self,
                            const char      *member)
{
  HibachiFieldType type;
  JsonNode *node;
  const HibachiResourceSlot *slot = lookup (self, member, &type, &node);

  if (slot != NULL)
    return type == HIBACHI_FIELD_ARRAY ? slot->a : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
hibachi_resource_get_id (HibachiResource *self)
{
  return hibachi_resource_get_string (self, HIBACHI_RESOURCE_GET_CLASS (self)->id_member);
}

gint64
hibachi_resource_get_version (HibachiResource *self)
{
  return hibachi_resource_get_int (self, "version");
}

gboolean
hibachi_resource_is_newer (HibachiResource *self,
                           HibachiResource *other)
{
  return g_strcmp0 (hibachi_resource_get_id (self), hibachi_resource_get_id (other)) == 0 &&
         hibachi_resource_get_version (self) > hibachi_resource_get_version (other);
}
