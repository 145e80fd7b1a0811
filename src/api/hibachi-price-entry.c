/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-price-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-price-entry.h"

struct _HibachiPriceEntry
{
  HibachiResource parent_instance;
};

G_DEFINE_FINAL_TYPE (HibachiPriceEntry, hibachi_price_entry, HIBACHI_TYPE_RESOURCE)

static const HibachiField fields[] = {
  { "key", "key", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "label", "label", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "category", "category", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "unit", "unit", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "is_money", "is-money", HIBACHI_FIELD_BOOLEAN, HIBACHI_FIELD_REQUIRED },
  { "value", "value", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "min_value", "min-value", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "max_value", "max-value", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "default_value", "default-value", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "scope", "scope", HIBACHI_FIELD_STRING, HIBACHI_FIELD_REQUIRED },
  { "global_value", "global-value", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "version", "version", HIBACHI_FIELD_INT, HIBACHI_FIELD_REQUIRED },
  { "updated_at", "updated-at", HIBACHI_FIELD_STRING, HIBACHI_FIELD_OPTIONAL },
  { "updated_by", "updated-by", HIBACHI_FIELD_STRING, HIBACHI_FIELD_NULLABLE | HIBACHI_FIELD_OPTIONAL },
  { NULL }
};

static void
hibachi_price_entry_class_init (HibachiPriceEntryClass *klass)
{
  hibachi_resource_class_set_fields (HIBACHI_RESOURCE_CLASS (klass), fields, "key", N_("price item"));
}

static void
hibachi_price_entry_init (HibachiPriceEntry *self)
{
}

HibachiPriceEntry *
hibachi_price_entry_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  return hibachi_resource_new_from_json (HIBACHI_TYPE_PRICE_ENTRY, node, error);
}

const char *
hibachi_price_entry_get_key (HibachiPriceEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "key");
}

const char *
hibachi_price_entry_get_label (HibachiPriceEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "label");
}

gint64
hibachi_price_entry_get_value (HibachiPriceEntry *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "value");
}

gint64
hibachi_price_entry_get_min_value (HibachiPriceEntry *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "min_value");
}

gint64
hibachi_price_entry_get_max_value (HibachiPriceEntry *self)
{
  return hibachi_resource_get_int (HIBACHI_RESOURCE (self), "max_value");
}

const char *
hibachi_price_entry_get_scope (HibachiPriceEntry *self)
{
  return hibachi_resource_get_string (HIBACHI_RESOURCE (self), "scope");
}

void
hibachi_price_entries_to_sheet (GPtrArray         *entries,
                                HibachiPriceSheet *out_sheet)
{
  hibachi_price_sheet_init_defaults (out_sheet);
  for (guint i = 0; i < entries->len; i++)
    hibachi_price_sheet_set (out_sheet, hibachi_price_entry_get_key (entries->pdata[i]),
                             hibachi_price_entry_get_value (entries->pdata[i]), NULL);
}
