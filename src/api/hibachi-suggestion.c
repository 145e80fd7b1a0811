/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-suggestion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-suggestion.h"

struct _HibachiSuggestion
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiSuggestion, hibachi_suggestion, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "chef_id", "chef-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "chef_name", "chef-name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "score", "score", HIBACHI_FIELD_OBJECT, HIBACHI_FIELD_REQUIRED },
  { "has_conflict", "has-conflict", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "conflicts", "conflicts", HIBACHI_FIELD_ARRAY, HIBACHI_FIELD_REQUIRED },
  { "warnings", "warnings", HIBACHI_FIELD_ARRAY, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_suggestion_class_init (HibachiSuggestionClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "chef_id", N_("suggestion"));
}

static void
hibachi_suggestion_init (HibachiSuggestion *self)
{
}

HibachiSuggestion *
hibachi_suggestion_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_SUGGESTION, node, error);
}

const char *
hibachi_suggestion_get_chef_id (HibachiSuggestion *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "chef_id");
}

const char *
hibachi_suggestion_get_chef_name (HibachiSuggestion *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "chef_name");
}

gboolean
hibachi_suggestion_get_has_conflict (HibachiSuggestion *self)
{
  return hibachi_resource_get_boolean (HIBACHI_RESOURCE (self), "has_conflict");
}

JsonObject *
hibachi_suggestion_get_score (HibachiSuggestion *self)
{
  return hibachi_resource_get_object (HIBACHI_RESOURCE (self), "score");
}

JsonArray *
hibachi_suggestion_get_conflicts (HibachiSuggestion *self)
{
  return hibachi_resource_get_array (HIBACHI_RESOURCE (self), "conflicts");
}

JsonArray *
hibachi_suggestion_get_warnings (HibachiSuggestion *self)
{
  return hibachi_resource_get_array (HIBACHI_RESOURCE (self), "warnings");
}
