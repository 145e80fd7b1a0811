/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-quote"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hibachi-quote.h"
#include "hibachi-validate.h"

static gboolean
set_field_error (const char  *field,
                 const char **out_field,
                 GError     **error,
                 const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, HIBACHI_CORE_ERROR, HIBACHI_CORE_ERROR_INVALID, message);

  return FALSE;
}

void
hibachi_quote_request_init (HibachiQuoteRequest *request)
{
  g_return_if_fail (request != NULL);

  memset (request, 0, sizeof *request);
}

void
hibachi_quote_request_for_party (HibachiQuoteRequest *request,
                                 guint                adults,
                                 guint                children,
                                 guint                toddlers,
                                 HibachiLatLng        station,
                                 HibachiLatLng        venue)
{
  g_return_if_fail (request != NULL);

  hibachi_quote_request_init (request);
  request->adults = adults;
  request->children = children;
  request->toddlers = toddlers;
  request->distance_miles = MIN (hibachi_geo_distance_miles (station, venue), HIBACHI_QUOTE_MAX_DISTANCE_MILES);
}

static void
add_line (HibachiQuote     *quote,
          HibachiPriceItem  item,
          guint             quantity,
          gint64            unit_cents)
{
  HibachiQuoteLine *line = &quote->lines[quote->n_lines++];

  line->item = item;
  line->quantity = quantity;
  line->unit_cents = unit_cents;
  line->amount_cents = (gint64) quantity * unit_cents;
}

gboolean
hibachi_quote_compute (const HibachiPriceSheet    *sheet,
                       const HibachiQuoteRequest  *request,
                       HibachiQuote               *out_quote,
                       const char                **out_field,
                       GError                    **error)
{
  g_autofree char *message = NULL;
  HibachiQuote quote = { 0 };
  guint paying_guests;
  gint64 adult, child, upgrades_cents = 0;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (out_quote != NULL, FALSE);

  if (!hibachi_validate_party (request->adults, request->children, request->toddlers, &message))
    return set_field_error ("adults", out_field, error, message);

  if (!isfinite (request->distance_miles) || request->distance_miles < 0.0 ||
      request->distance_miles > HIBACHI_QUOTE_MAX_DISTANCE_MILES)
    {
      g_autofree char *m = g_strdup_printf (_("The distance must be between 0 and %.0f miles."),
                                            HIBACHI_QUOTE_MAX_DISTANCE_MILES);
      return set_field_error ("distance_miles", out_field, error, m);
    }

  paying_guests = request->adults + request->children;
  adult = sheet->values[HIBACHI_PRICE_ADULT];
  child = sheet->values[HIBACHI_PRICE_CHILD];

  if (request->adults > 0)
    add_line (&quote, HIBACHI_PRICE_ADULT, request->adults, adult);
  if (request->children > 0)
    add_line (&quote, HIBACHI_PRICE_CHILD, request->children, child);

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);

      if (info->category != HIBACHI_PRICE_CATEGORY_UPGRADE || request->upgrade_counts[i] == 0)
        continue;

      if (request->upgrade_counts[i] > paying_guests)
        {
          g_autofree char *m =
            g_strdup_printf (_("%s: at most one per paying guest (%u)."), _(info->label), paying_guests);
          return set_field_error ("upgrades", out_field, error, m);
        }

      add_line (&quote, i, request->upgrade_counts[i], sheet->values[i]);
      upgrades_cents += quote.lines[quote.n_lines - 1].amount_cents;
    }

  quote.food_subtotal_cents = (gint64) request->adults * adult + (gint64) request->children * child +
                              upgrades_cents;
  quote.party_minimum_cents = sheet->values[HIBACHI_PRICE_PARTY_MINIMUM];
  quote.minimum_applied = quote.food_subtotal_cents < quote.party_minimum_cents;
  quote.food_total_cents = MAX (quote.food_subtotal_cents, quote.party_minimum_cents);

  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);

      if (info->category != HIBACHI_PRICE_CATEGORY_ADDON || !request->addons[i])
        continue;

      add_line (&quote, i, 1, sheet->values[i]);
      quote.addons_cents += sheet->values[i];
    }

  quote.distance_miles = request->distance_miles;
  quote.billable_miles = MAX (0.0, request->distance_miles - (double) sheet->values[HIBACHI_PRICE_TRAVEL_FREE_MILES]);
  quote.travel_fee_cents = (gint64) llround (quote.billable_miles * (double) sheet->values[HIBACHI_PRICE_TRAVEL_PER_MILE]);

  quote.total_cents = quote.food_total_cents + quote.addons_cents + quote.travel_fee_cents;
  quote.deposit_cents = MIN (sheet->values[HIBACHI_PRICE_DEPOSIT], quote.total_cents);
  quote.balance_due_cents = quote.total_cents - quote.deposit_cents;

  *out_quote = quote;

  return TRUE;
}

static gboolean
read_count (JsonObject  *object,
            const char  *member,
            guint       *out_value,
            const char **out_field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  *out_value = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_field_error (member, out_field, error, _("Must be a whole number."));

  value = json_node_get_int (node);
  if (value < 0 || value > HIBACHI_GUESTS_MAX)
    {
      g_autofree char *m = g_strdup_printf (_("Must be between 0 and %d."), HIBACHI_GUESTS_MAX);
      return set_field_error (member, out_field, error, m);
    }

  *out_value = (guint) value;

  return TRUE;
}

static gboolean
read_item_key (const char                  *key,
               HibachiPriceCategory         category,
               const char                  *field,
               HibachiPriceItem            *out_item,
               const char                 **out_field,
               GError                     **error)
{
  if (!hibachi_price_item_from_key (key, out_item) ||
      hibachi_price_item_get_info (*out_item)->category != category)
    {
      g_autofree char *m = g_strdup_printf (_("“%s” is not a known item."), key ? key : "");
      return set_field_error (field, out_field, error, m);
    }

  return TRUE;
}

gboolean
hibachi_quote_request_from_json (JsonObject           *object,
                                 HibachiQuoteRequest  *out_request,
                                 const char          **out_field,
                                 GError              **error)
{
  HibachiQuoteRequest request;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out_request != NULL, FALSE);

  hibachi_quote_request_init (&request);

  if (!read_count (object, "adults", &request.adults, out_field, error) ||
      !read_count (object, "children", &request.children, out_field, error) ||
      !read_count (object, "toddlers", &request.toddlers, out_field, error))
    return FALSE;

  node = json_object_get_member (object, "upgrades");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonObject *upgrades;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_field_error ("upgrades", out_field, error,
                                _("Must map upgrade names to counts."));

      upgrades = json_node_get_object (node);
      members = json_object_get_members (upgrades);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          HibachiPriceItem item;

          if (!read_item_key (l->data, HIBACHI_PRICE_CATEGORY_UPGRADE, "upgrades", &item, out_field, error) ||
              !read_count (upgrades, l->data, &request.upgrade_counts[item], NULL, error))
            {
              if (out_field != NULL)
                *out_field = "upgrades";
              return FALSE;
            }
        }
    }

  node = json_object_get_member (object, "addons");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *addons;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return set_field_error ("addons", out_field, error, _("Must be a list of add-on names."));

      addons = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (addons); i++)
        {
          JsonNode *element = json_array_get_element (addons, i);
          HibachiPriceItem item;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            return set_field_error ("addons", out_field, error, _("Must be a list of add-on names."));
          if (!read_item_key (json_node_get_string (element), HIBACHI_PRICE_CATEGORY_ADDON,
                              "addons", &item, out_field, error))
            return FALSE;

          request.addons[item] = TRUE;
        }
    }

  node = json_object_get_member (object, "distance_miles");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        return set_field_error ("distance_miles", out_field, error, _("Must be a number of miles."));

      request.distance_miles = json_node_get_double (node);
    }

  *out_request = request;

  return TRUE;
}

JsonNode *
hibachi_quote_request_to_json (const HibachiQuoteRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (request != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "adults");
  json_builder_add_int_value (builder, request->adults);
  json_builder_set_member_name (builder, "children");
  json_builder_add_int_value (builder, request->children);
  json_builder_set_member_name (builder, "toddlers");
  json_builder_add_int_value (builder, request->toddlers);

  json_builder_set_member_name (builder, "upgrades");
  json_builder_begin_object (builder);
  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);

      if (info->category == HIBACHI_PRICE_CATEGORY_UPGRADE && request->upgrade_counts[i] > 0)
        {
          json_builder_set_member_name (builder, info->key);
          json_builder_add_int_value (builder, request->upgrade_counts[i]);
        }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "addons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < HIBACHI_N_PRICE_ITEMS; i++)
    {
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (i);

      if (info->category == HIBACHI_PRICE_CATEGORY_ADDON && request->addons[i])
        json_builder_add_string_value (builder, info->key);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "distance_miles");
  json_builder_add_double_value (builder, request->distance_miles);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

JsonNode *
hibachi_quote_to_json (const HibachiQuote *quote)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (quote != NULL, NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quote->n_lines; i++)
    {
      const HibachiQuoteLine *line = &quote->lines[i];
      const HibachiPriceItemInfo *info = hibachi_price_item_get_info (line->item);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, info->key);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, info->label);
      add_int_member (builder, "quantity", line->quantity);
      add_int_member (builder, "unit_cents", line->unit_cents);
      add_int_member (builder, "amount_cents", line->amount_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_int_member (builder, "food_subtotal_cents", quote->food_subtotal_cents);
  add_int_member (builder, "party_minimum_cents", quote->party_minimum_cents);
  json_builder_set_member_name (builder, "minimum_applied");
  json_builder_add_boolean_value (builder, quote->minimum_applied);
  add_int_member (builder, "food_total_cents", quote->food_total_cents);
  add_int_member (builder, "addons_cents", quote->addons_cents);
  json_builder_set_member_name (builder, "distance_miles");
  json_builder_add_double_value (builder, quote->distance_miles);
  json_builder_set_member_name (builder, "billable_miles");
  json_builder_add_double_value (builder, quote->billable_miles);
  add_int_member (builder, "travel_fee_cents", quote->travel_fee_cents);
  add_int_member (builder, "total_cents", quote->total_cents);
  add_int_member (builder, "deposit_cents", quote->deposit_cents);
  add_int_member (builder, "balance_due_cents", quote->balance_due_cents);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
