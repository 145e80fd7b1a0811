/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-resource-private.h: how a HibachiResource keeps its values. */
#pragma once

#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_RESOURCE_HAS(bits, i) (((bits) >> (i)) & 1)

/* A field's value. A string points into its HibachiResourceData's block. */
typedef union
{
  const char *s;
  gint64      i;
  double      d;
  gboolean    b;
  JsonArray  *a;
  JsonObject *o;
} HibachiResourceSlot;

/* The values of a loaded resource, in one allocation: the slots, one per
 * field, then the strings they point to. */
typedef struct
{
  guint64              present;   /* bit i: field i's member was sent (maybe null) */
  guint64              set;       /* bit i: … and is not null */
  guint64              whole;     /* bit i: a DOUBLE field sent as an integer */
  JsonObject          *extra;     /* members outside the field table; NULL if none */
  gsize                size;      /* of this allocation */
  HibachiResourceSlot  slots[];
} HibachiResourceData;

/* Values from @json, which has been checked against @klass's fields. */
HibachiResourceData *hibachi_resource_data_new     (HibachiResourceClass      *klass,
                                                    JsonObject                *json);
HibachiResourceData *hibachi_resource_data_copy    (HibachiResourceClass      *klass,
                                                    const HibachiResourceData *source);
void                 hibachi_resource_data_free    (HibachiResourceData       *data,
                                                    HibachiResourceClass      *klass);
/* Field @i's value as a new JSON node; NULL when its member was not sent. */
JsonNode            *hibachi_resource_slot_to_node (HibachiResourceClass      *klass,
                                                    const HibachiResourceData *data,
                                                    guint                      i);
/* Field @i is the same in @a and @b (either may be NULL: not loaded). */
gboolean             hibachi_resource_same_field   (HibachiResourceClass      *klass,
                                                    const HibachiResourceData *a,
                                                    const HibachiResourceData *b,
                                                    guint                      i);

/* hibachi_resource_get_json() has made the object it returns and keeps it. */
gboolean             hibachi_resource_has_json     (HibachiResource           *self);

G_END_DECLS
