/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-chef-suggestion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-chef-suggestion.h"

struct _HibachiChefSuggestion
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiChefSuggestion, hibachi_chef_suggestion, HIBACHI_TYPE_RESOURCE)

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
hibachi_chef_suggestion_class_init (HibachiChefSuggestionClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "chef_id", N_("suggestion"));
}

static void
hibachi_chef_suggestion_init (HibachiChefSuggestion *self)
{
}

HibachiChefSuggestion *
hibachi_chef_suggestion_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_CHEF_SUGGESTION, node, error);
}

const char *
hibachi_chef_suggestion_get_chef_id (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "chef_id");
}

const char *
hibachi_chef_suggestion_get_chef_name (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "chef_name");
}

gboolean
hibachi_chef_suggestion_get_has_conflict (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_boolean (HIBACHI_RESOURCE (self), "has_conflict");
}

JsonObject *
hibachi_chef_suggestion_get_score (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_object (HIBACHI_RESOURCE (self), "score");
}

JsonArray *
hibachi_chef_suggestion_get_conflicts (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_array (HIBACHI_RESOURCE (self), "conflicts");
}

JsonArray *
hibachi_chef_suggestion_get_warnings (HibachiChefSuggestion *self)
{
  return hibachi_resource_get_array (HIBACHI_RESOURCE (self), "warnings");
}
