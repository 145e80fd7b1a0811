/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-store-private.h: what the store's files share, so that one file
 * does not grow past what a reader can hold. */
#pragma once

#include "hibachi-store.h"

G_BEGIN_DECLS

/* @method @path with @body (or NULL); @version >= 0 sends If-Match. The
 * reply is @type objects in @member, or one @type object when @member is
 * NULL; a write says what it changed (@kind and @changed_id, or
 * HIBACHI_RESOURCE_UNKNOWN for a read). */
void        hibachi_store_send          (HibachiStore        *self,
                                         const char          *method,
                                         const char          *path,
                                         JsonObject          *body,
                                         gint64               version,
                                         GType                type,
                                         const char          *member,
                                         HibachiResourceKind  kind,
                                         const char          *changed_id,
                                         gpointer             source_tag,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The finish of a call that resolves to one object. */
gpointer    hibachi_store_propagate_one (HibachiStore        *self,
                                         GAsyncResult        *result,
                                         HibachiResource    **out_current,
                                         GError             **error);
/* { @member: @reason } (nothing when @reason is NULL). */
JsonObject *hibachi_store_reason_body   (const char          *member,
                                         const char          *reason);

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
