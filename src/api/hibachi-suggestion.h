/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-suggestion.h: a chef suggested for a booking, with the parts of
 * its score and its conflicts (GET /api/v1/bookings/{id}/chef-suggestions),
 * named by the chef's id.
 * Its JSON shape is the field table in hibachi-suggestion.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_SUGGESTION (hibachi_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (HibachiSuggestion, hibachi_suggestion, HIBACHI, SUGGESTION, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a suggestion. */
HibachiSuggestion *hibachi_suggestion_new_from_json     (JsonNode  *node,
                                                         GError   **error);
const char        *hibachi_suggestion_get_chef_id       (HibachiSuggestion *self);
const char        *hibachi_suggestion_get_chef_name     (HibachiSuggestion *self);
gboolean           hibachi_suggestion_get_has_conflict  (HibachiSuggestion *self);
JsonObject        *hibachi_suggestion_get_score         (HibachiSuggestion *self);
JsonArray         *hibachi_suggestion_get_conflicts     (HibachiSuggestion *self);
JsonArray         *hibachi_suggestion_get_warnings      (HibachiSuggestion *self);

G_END_DECLS
