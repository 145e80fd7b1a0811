/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-geocode-candidate.h: one place GET /api/v1/geocode found for an
 * address: its label, point, kind ("city", "zip", "street") and the
 * geocoder that found it. Each member is a read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_GEOCODE_CANDIDATE (hibachi_geocode_candidate_get_type ())
G_DECLARE_FINAL_TYPE (HibachiGeocodeCandidate, hibachi_geocode_candidate, HIBACHI, GEOCODE_CANDIDATE, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a candidate. */
HibachiGeocodeCandidate *hibachi_geocode_candidate_new_from_json (JsonNode                *node,
                                                                  GError                 **error);
const char              *hibachi_geocode_candidate_get_label     (HibachiGeocodeCandidate *self);
double                   hibachi_geocode_candidate_get_lat       (HibachiGeocodeCandidate *self);
double                   hibachi_geocode_candidate_get_lng       (HibachiGeocodeCandidate *self);
const char              *hibachi_geocode_candidate_get_kind      (HibachiGeocodeCandidate *self);
const char              *hibachi_geocode_candidate_get_source    (HibachiGeocodeCandidate *self);

G_END_DECLS
