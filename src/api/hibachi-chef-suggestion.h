/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-chef-suggestion.h: a chef suggested for a booking, with the parts
 * of its score and its conflicts (GET /api/v1/bookings/{id}/chef-suggestions),
 * named by the chef's id.
 * Its JSON shape is the field table in hibachi-chef-suggestion.c; each member
 * is a read-only property. */
#pragma once

#include "hibachi-assignment.h"
#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_CHEF_SUGGESTION (hibachi_chef_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (HibachiChefSuggestion, hibachi_chef_suggestion, HIBACHI, CHEF_SUGGESTION, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a suggestion. */
HibachiChefSuggestion *hibachi_chef_suggestion_new_from_json     (JsonNode  *node,
                                                                  GError   **error);
const char            *hibachi_chef_suggestion_get_chef_id       (HibachiChefSuggestion *self);
const char            *hibachi_chef_suggestion_get_chef_name     (HibachiChefSuggestion *self);
gboolean               hibachi_chef_suggestion_get_has_conflict  (HibachiChefSuggestion *self);
JsonObject            *hibachi_chef_suggestion_get_score         (HibachiChefSuggestion *self);
JsonArray             *hibachi_chef_suggestion_get_conflicts     (HibachiChefSuggestion *self);
JsonArray             *hibachi_chef_suggestion_get_warnings      (HibachiChefSuggestion *self);
/* The parts of the §8.4 score; a part the server left out is 0. */
void                   hibachi_chef_suggestion_get_score_parts   (HibachiChefSuggestion  *self,
                                                                  HibachiSuggestionScore *out_score);
/* Conflicts first, then warnings. */
guint                  hibachi_chef_suggestion_get_n_issues      (HibachiChefSuggestion *self);
/* The @index-th issue: its code ("overlap"…), the server's message, and
 * whether it is a conflict (else a warning); FALSE past the end. */
gboolean               hibachi_chef_suggestion_get_issue         (HibachiChefSuggestion  *self,
                                                                  guint                   index,
                                                                  const char            **out_code,
                                                                  const char            **out_message,
                                                                  gboolean               *out_is_conflict);

G_END_DECLS
