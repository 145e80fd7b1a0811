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

/* A string member of a server's object, "" when absent or not a string. */
static const char *
issue_text (JsonObject *issue,
            const char *member)
{
  JsonNode *node = issue ? json_object_get_member (issue, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static double
score_part (JsonObject *score,
            const char *part)
{
  JsonNode *node = score ? json_object_get_member (score, part) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
    case G_TYPE_INT64:
      return json_node_get_double (node);
    default:
      return 0;
    }
}

void
hibachi_chef_suggestion_get_score_parts (HibachiChefSuggestion  *self,
                                         HibachiSuggestionScore *out_score)
{
  JsonObject *score = hibachi_chef_suggestion_get_score (self);
  double minutes = score_part (score, "travel_minutes");

  out_score->total = score_part (score, "total");
  out_score->travel = score_part (score, "travel");
  out_score->skill = score_part (score, "skill");
  out_score->workload = score_part (score, "workload");
  out_score->rating = score_part (score, "rating");
  out_score->preference = score_part (score, "preference");
  out_score->requested_bonus = score_part (score, "requested_bonus");
  out_score->travel_minutes = minutes > 0 && minutes < G_MAXUINT ? (guint) minutes : 0;
}

guint
hibachi_chef_suggestion_get_n_issues (HibachiChefSuggestion *self)
{
  return json_array_get_length (hibachi_chef_suggestion_get_conflicts (self)) +
         json_array_get_length (hibachi_chef_suggestion_get_warnings (self));
}

gboolean
hibachi_chef_suggestion_get_issue (HibachiChefSuggestion  *self,
                                   guint                   index,
                                   const char            **out_code,
                                   const char            **out_message,
                                   gboolean               *out_is_conflict)
{
  JsonArray *conflicts = hibachi_chef_suggestion_get_conflicts (self);
  guint n_conflicts = json_array_get_length (conflicts);
  JsonArray *array = index < n_conflicts ? conflicts : hibachi_chef_suggestion_get_warnings (self);
  guint i = index < n_conflicts ? index : index - n_conflicts;
  JsonNode *node;
  JsonObject *issue;

  if (i >= json_array_get_length (array))
    return FALSE;
  node = json_array_get_element (array, i);
  issue = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (out_code != NULL)
    *out_code = issue_text (issue, "code");
  if (out_message != NULL)
    *out_message = issue_text (issue, "message");
  if (out_is_conflict != NULL)
    *out_is_conflict = index < n_conflicts;

  return TRUE;
}
