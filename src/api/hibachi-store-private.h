/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-store-private.h: what the store's files share, so that one file
 * does not grow past what a reader can hold. */
#pragma once

#include "hibachi-store.h"

G_BEGIN_DECLS

/* GET @path; the reply's @member is an array of @type objects, finished
 * with hibachi_store_objects_finish. */
void hibachi_store_get_objects (HibachiStore        *self,
                                const char          *path,
                                GType                type,
                                const char          *member,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

/* POST @fields to @path with Idempotency-Key @key: one @type object back,
 * announced by "changed" as @kind; finished with
 * hibachi_store_resource_finish. */
void hibachi_store_create_object (HibachiStore        *self,
                                  const char          *path,
                                  JsonObject          *fields,
                                  const char          *key,
                                  GType                type,
                                  HibachiResourceKind  kind,
                                  gpointer             source_tag,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);

G_END_DECLS
