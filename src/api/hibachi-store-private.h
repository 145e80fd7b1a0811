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

/* @method @path with @body (no If-Match: the body carries the versions);
 * the reply's @member is an array of @type objects, finished with
 * hibachi_store_objects_finish. */
void hibachi_store_send_objects (HibachiStore        *self,
                                 const char          *method,
                                 const char          *path,
                                 JsonObject          *body,
                                 GType                type,
                                 const char          *member,
                                 gpointer             source_tag,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);

G_END_DECLS
