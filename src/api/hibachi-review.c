/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-review.h"

struct _HibachiReview
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiReview, hibachi_review, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "id", "id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "booking_id", "booking-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "station_id", "station-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "chef_id", "chef-id", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "customer_name", "customer-name", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "rating", "rating", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "title", "title", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "body", "body", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "original_body", "original-body", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "photos", "photos", HIBACHI_FIELD_ARRAY, HIBACHI_FIELD_REQUIRED },
  { "status", "status", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "featured", "featured", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "hidden", "hidden", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "moderation_reason", "moderation-reason", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "response", "response", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "event_date", "event-date", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "created_at", "created-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "updated_at", "updated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "moderated_at", "moderated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "moderated_by", "moderated-by", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { NULL }
};

static void
hibachi_review_class_init (HibachiReviewClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "id", N_("review"));
}

static void
hibachi_review_init (HibachiReview *self)
{
}

HibachiReview *
hibachi_review_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_REVIEW, node, error);
}

const char *
hibachi_review_get_status (HibachiReview *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "status");
}

gint64
hibachi_review_get_rating (HibachiReview *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "rating");
}

const char *
hibachi_review_get_title (HibachiReview *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "title");
}

const char *
hibachi_review_get_body (HibachiReview *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "body");
}

const char *
hibachi_review_get_booking_id (HibachiReview *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "booking_id");
}
