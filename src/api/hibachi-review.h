/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-review.h: a customer review (GET /api/v1/reviews).
 * Its JSON shape is the field table in hibachi-review.c; each member is a
 * read-only property. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_REVIEW (hibachi_review_get_type ())
G_DECLARE_FINAL_TYPE (HibachiReview, hibachi_review, HIBACHI, REVIEW, HibachiResource)

/* NULL with HIBACHI_API_ERROR_PARSE when @node is not a review. */
HibachiReview *hibachi_review_new_from_json     (JsonNode  *node,
                                                 GError   **error);
const char    *hibachi_review_get_status        (HibachiReview *self);
gint64         hibachi_review_get_rating        (HibachiReview *self);
const char    *hibachi_review_get_title         (HibachiReview *self);
const char    *hibachi_review_get_body          (HibachiReview *self);
const char    *hibachi_review_get_booking_id    (HibachiReview *self);

G_END_DECLS
