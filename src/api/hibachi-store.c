/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-store"

#include "config.h"

#include "hibachi-api-error.h"
#include "hibachi-booking-fetch.h"
#include "hibachi-store-private.h"

struct _HibachiStore
{
  GObject        parent_instance;

  HibachiClient *client;
};

G_DEFINE_FINAL_TYPE (HibachiStore, hibachi_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a reply holds. */
typedef enum
{
  REPLY_ONE,        /* one @type object */
  REPLY_MANY,       /* @type objects in @member */
  REPLY_COUNT,      /* total_count of a list */
  REPLY_NOTHING,
  REPLY_DISPATCH,   /* chefs and bookings */
} ReplyKind;

typedef struct
{
  ReplyKind            kind;
  GType                type;
  const char          *member;
  HibachiResourceKind  changed_kind;   /* HIBACHI_RESOURCE_UNKNOWN: a read */
  char                *changed_id;
  HibachiResource     *current;        /* of a stale write */
  GHashTable          *field_errors;   /* of a refused write: member → first message */
  GPtrArray           *chefs;          /* REPLY_DISPATCH */
} Call;

static void
call_free (Call *call)
{
  g_free (call->changed_id);
  g_clear_object (&call->current);
  g_clear_pointer (&call->field_errors, g_hash_table_unref);
  g_clear_pointer (&call->chefs, g_ptr_array_unref);
  g_free (call);
}

static void
hibachi_store_dispose (GObject *object)
{
  HibachiStore *self = HIBACHI_STORE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (hibachi_store_parent_class)->dispose (object);
}

static void
hibachi_store_class_init (HibachiStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_store_dispose;

  /* A resource was written through this store (its id; for a create, the
   * new id). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, HIBACHI_TYPE_RESOURCE_KIND, G_TYPE_STRING);
}

static void
hibachi_store_init (HibachiStore *self)
{
}

HibachiStore *
hibachi_store_new (HibachiClient *client)
{
  HibachiStore *self;

  g_return_val_if_fail (HIBACHI_IS_CLIENT (client), NULL);

  self = g_object_new (HIBACHI_TYPE_STORE, NULL);
  self->client = g_object_ref (client);

  return self;
}

HibachiClient *
hibachi_store_get_client (HibachiStore *self)
{
  g_return_val_if_fail (HIBACHI_IS_STORE (self), NULL);

  return self->client;
}

/* Requests */

/* The first message of each member a 422 names (details.field_errors). */
static GHashTable *
parse_field_errors (JsonObject *details)
{
  JsonNode *node = details ? json_object_get_member (details, "field_errors") : NULL;
  JsonObject *members;
  g_autoptr(GList) names = NULL;
  GHashTable *table;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_node_get_object (node);
  names = json_object_get_members (members);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *messages = json_object_get_member (members, l->data);
      JsonNode *first;

      if (!JSON_NODE_HOLDS_ARRAY (messages) || json_array_get_length (json_node_get_array (messages)) == 0)
        continue;
      first = json_array_get_element (json_node_get_array (messages), 0);
      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        g_hash_table_insert (table, g_strdup (l->data), g_strdup (json_node_get_string (first)));
    }

  return table;
}

static GPtrArray *
parse_many (GType        type,
            JsonNode    *reply,
            const char  *member,
            GError     **error)
{
  JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  return hibachi_resource_parse_array (type, root ? json_object_get_member (root, member) : NULL, error);
}

static void
reply_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiStore *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, &details, &error);

  if (error != NULL)
    {
      /* A stale write: the server's current version comes with the error. */
      if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED) && details != NULL &&
          call->type != G_TYPE_INVALID)
        call->current = hibachi_resource_new_from_json (call->type, json_object_get_member (details, "current"), NULL);
      if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION))
        call->field_errors = parse_field_errors (details);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->changed_kind != HIBACHI_RESOURCE_UNKNOWN)
    {
      const char *id = call->changed_id;
      JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

      if (id == NULL && root != NULL)
        id = hibachi_json_get_string (root, "id");
      if (id != NULL)
        g_signal_emit (self, signals[CHANGED], 0, call->changed_kind, id);
    }

  switch (call->kind)
    {
    case REPLY_ONE:
      {
        gpointer object = hibachi_resource_new_from_json (call->type, reply, &error);

        if (object == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, object, g_object_unref);
      }
      break;

    case REPLY_MANY:
      {
        GPtrArray *objects = parse_many (call->type, reply, call->member, &error);

        if (objects == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, objects, (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case REPLY_COUNT:
      {
        g_autoptr(GPtrArray) none = NULL;
        gint64 total = 0;

        none = hibachi_resource_parse_page (call->type, reply, &total, NULL, &error);
        if (none == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_int (task, total);
      }
      break;

    case REPLY_NOTHING:
      g_task_return_boolean (task, TRUE);
      break;

    case REPLY_DISPATCH:
      {
        GPtrArray *bookings = NULL;

        call->chefs = parse_many (HIBACHI_TYPE_CHEF, reply, "chefs", &error);
        if (call->chefs != NULL)
          bookings = parse_many (HIBACHI_TYPE_BOOKING, reply, "bookings", &error);
        if (bookings == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, bookings, (GDestroyNotify) g_ptr_array_unref);
      }
      break;
    }
}

/* One request; @version >= 0 sends If-Match, @key Idempotency-Key. */
static void
request_with_key (HibachiStore        *self,
                  const char          *method,
                  const char          *path,
                  JsonObject          *body,
                  gint64               version,
                  const char          *key,
                  Call                *call,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) body_node = body ? json_node_init_object (json_node_alloc (), body) : NULL;
  g_autofree char *if_match = version >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, version) : NULL;
  HibachiRequestOptions options = { .if_match = if_match, .idempotency_key = key };

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  hibachi_client_request_async (self->client, method, path, body_node, &options, cancellable, reply_cb,
                                g_steal_pointer (&task));
}

static void
request (HibachiStore        *self,
         const char          *method,
         const char          *path,
         JsonObject          *body,
         gint64               version,
         Call                *call,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  request_with_key (self, method, path, body, version, NULL, call, source_tag, cancellable, callback, user_data);
}

static Call *
call_new (ReplyKind            kind,
          GType                type,
          const char          *member,
          HibachiResourceKind  changed_kind,
          const char          *changed_id)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->type = type;
  call->member = member;
  call->changed_kind = changed_kind;
  call->changed_id = g_strdup (changed_id);

  return call;
}

static Call *
read_one (GType type)
{
  return call_new (REPLY_ONE, type, NULL, HIBACHI_RESOURCE_UNKNOWN, NULL);
}

static Call *
read_many (GType       type,
           const char *member)
{
  return call_new (REPLY_MANY, type, member, HIBACHI_RESOURCE_UNKNOWN, NULL);
}

static Call *
write_booking (const char *id)
{
  return call_new (REPLY_ONE, HIBACHI_TYPE_BOOKING, NULL, HIBACHI_RESOURCE_BOOKING, id);
}

static char *
booking_path (const char *id,
              const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/api/v1/bookings/", escaped, action ? "/" : "", action ? action : "", NULL);
}

static JsonObject *
reason_body (const char *member,
             const char *reason)
{
  JsonObject *body = json_object_new ();

  if (reason != NULL)
    json_object_set_string_member (body, member, reason);

  return body;
}

/* Paged lists */

HibachiPagedList *
hibachi_store_new_booking_list (HibachiStore *self)
{
  return hibachi_paged_list_new (self->client, "/api/v1/bookings", HIBACHI_TYPE_BOOKING);
}

HibachiPagedList *
hibachi_store_new_review_list (HibachiStore *self)
{
  return hibachi_paged_list_new (self->client, "/api/v1/reviews", HIBACHI_TYPE_REVIEW);
}

HibachiPagedList *
hibachi_store_new_audit_list (HibachiStore *self)
{
  return hibachi_paged_list_new (self->client, "/api/v1/audit-logs", HIBACHI_TYPE_AUDIT_ENTRY);
}

/* Bookings */

void
hibachi_store_count_bookings_async (HibachiStore        *self,
                                    const char          *query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?page=1&limit=1%s%s", query && *query ? "&" : "",
                                           query ? query : "");

  request (self, "GET", path, NULL, -1,
           call_new (REPLY_COUNT, HIBACHI_TYPE_BOOKING, NULL, HIBACHI_RESOURCE_UNKNOWN, NULL),
           hibachi_store_count_bookings_async, cancellable, callback, user_data);
}

gint64
hibachi_store_count_finish (HibachiStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

void
hibachi_store_get_booking_async (HibachiStore        *self,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = booking_path (id, NULL);

  request (self, "GET", path, NULL, -1, read_one (HIBACHI_TYPE_BOOKING), hibachi_store_get_booking_async,
           cancellable, callback, user_data);
}

void
hibachi_store_create_booking_async (HibachiStore        *self,
                                    JsonObject          *fields,
                                    const char          *retry_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *key = retry_key ? g_strdup (retry_key) : g_uuid_string_random ();

  request_with_key (self, "POST", "/api/v1/bookings", fields, -1, key, write_booking (NULL),
                    hibachi_store_create_booking_async, cancellable, callback, user_data);
}

void
hibachi_store_update_booking_async (HibachiStore        *self,
                                    HibachiBooking      *booking,
                                    JsonObject          *changes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  const char *id = hibachi_booking_get_id (booking);
  g_autofree char *path = booking_path (id, NULL);

  request (self, "PATCH", path, changes, hibachi_booking_get_version (booking), write_booking (id),
           hibachi_store_update_booking_async, cancellable, callback, user_data);
}

void
hibachi_store_confirm_booking_async (HibachiStore        *self,
                                     HibachiBooking      *booking,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  const char *id = hibachi_booking_get_id (booking);
  g_autofree char *path = booking_path (id, "confirm");

  request (self, "POST", path, NULL, hibachi_booking_get_version (booking), write_booking (id),
           hibachi_store_confirm_booking_async, cancellable, callback, user_data);
}

void
hibachi_store_cancel_booking_async (HibachiStore        *self,
                                    HibachiBooking      *booking,
                                    const char          *reason,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  const char *id = hibachi_booking_get_id (booking);
  g_autofree char *path = booking_path (id, "cancel");
  g_autoptr(JsonObject) body = reason_body ("reason", reason);

  request (self, "POST", path, body, hibachi_booking_get_version (booking), write_booking (id),
           hibachi_store_cancel_booking_async, cancellable, callback, user_data);
}

void
hibachi_store_delete_booking_async (HibachiStore        *self,
                                    HibachiBooking      *booking,
                                    const char          *reason,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  const char *id = hibachi_booking_get_id (booking);
  g_autofree char *path = booking_path (id, NULL);
  g_autoptr(JsonObject) body = reason_body ("reason", reason);
  Call *call = call_new (REPLY_NOTHING, HIBACHI_TYPE_BOOKING, NULL, HIBACHI_RESOURCE_BOOKING, id);

  request (self, "DELETE", path, body, hibachi_booking_get_version (booking), call,
           hibachi_store_delete_booking_async, cancellable, callback, user_data);
}

void
hibachi_store_restore_booking_async (HibachiStore        *self,
                                     const char          *id,
                                     gint64               version,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = booking_path (id, "restore");
  g_autoptr(JsonObject) body = reason_body ("reason", reason);

  request (self, "POST", path, body, version, write_booking (id), hibachi_store_restore_booking_async,
           cancellable, callback, user_data);
}

void
hibachi_store_assign_chef_async (HibachiStore        *self,
                                 HibachiBooking      *booking,
                                 const char          *chef_id,
                                 const char          *override_reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const char *id = hibachi_booking_get_id (booking);
  g_autofree char *path = booking_path (id, "chef");
  g_autoptr(JsonObject) body = reason_body ("override_reason", override_reason);

  json_object_set_string_member (body, "chef_id", chef_id);
  request (self, chef_id ? "PUT" : "DELETE", path, chef_id ? body : NULL, hibachi_booking_get_version (booking),
           write_booking (id), hibachi_store_assign_chef_async, cancellable, callback, user_data);
}

static gpointer
propagate_one (HibachiStore     *self,
               GAsyncResult     *result,
               HibachiResource **out_current,
               GError          **error)
{
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  call = g_task_get_task_data (G_TASK (result));
  if (out_current != NULL)
    *out_current = call->current ? g_object_ref (call->current) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

HibachiBooking *
hibachi_store_booking_finish (HibachiStore    *self,
                              GAsyncResult    *result,
                              HibachiBooking **out_current,
                              GError         **error)
{
  return propagate_one (self, result, (HibachiResource **) out_current, error);
}

void
hibachi_store_suggest_chefs_async (HibachiStore        *self,
                                   const char          *booking_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = booking_path (booking_id, "chef-suggestions");

  request (self, "GET", path, NULL, -1, read_many (HIBACHI_TYPE_CHEF_SUGGESTION, "data"),
           hibachi_store_suggest_chefs_async, cancellable, callback, user_data);
}

void
hibachi_store_booking_history_async (HibachiStore        *self,
                                     const char          *booking_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = booking_path (booking_id, "history");

  request (self, "GET", path, NULL, -1, read_many (HIBACHI_TYPE_AUDIT_ENTRY, "data"),
           hibachi_store_booking_history_async, cancellable, callback, user_data);
}

/* For the store's other files (hibachi-store-private.h) */

void
hibachi_store_send (HibachiStore        *self,
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
                    gpointer             user_data)
{
  request (self, method, path, body, version, call_new (member ? REPLY_MANY : REPLY_ONE, type, member, kind, changed_id),
           source_tag, cancellable, callback, user_data);
}

gpointer
hibachi_store_propagate_one (HibachiStore     *self,
                             GAsyncResult     *result,
                             HibachiResource **out_current,
                             GError          **error)
{
  return propagate_one (self, result, out_current, error);
}

JsonObject *
hibachi_store_reason_body (const char *member,
                           const char *reason)
{
  return reason_body (member, reason);
}

/* Dispatch */

void
hibachi_store_dispatch_async (HibachiStore        *self,
                              const char          *station_id,
                              const char          *date_from,
                              const char          *date_to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *station = g_uri_escape_string (station_id, NULL, FALSE);
  g_autofree char *from = g_uri_escape_string (date_from, NULL, FALSE);
  g_autofree char *to = g_uri_escape_string (date_to, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/dispatch?station_id=%s&date_from=%s&date_to=%s", station, from, to);

  request (self, "GET", path, NULL, -1,
           call_new (REPLY_DISPATCH, G_TYPE_INVALID, NULL, HIBACHI_RESOURCE_UNKNOWN, NULL),
           hibachi_store_dispatch_async, cancellable, callback, user_data);
}

gboolean
hibachi_store_dispatch_finish (HibachiStore  *self,
                               GAsyncResult  *result,
                               GPtrArray    **out_chefs,
                               GPtrArray    **out_bookings,
                               GError       **error)
{
  g_autoptr(GPtrArray) bookings = NULL;
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  bookings = g_task_propagate_pointer (G_TASK (result), error);
  if (bookings == NULL)
    return FALSE;

  call = g_task_get_task_data (G_TASK (result));
  if (out_chefs != NULL)
    *out_chefs = g_ptr_array_ref (call->chefs);
  if (out_bookings != NULL)
    *out_bookings = g_steal_pointer (&bookings);

  return TRUE;
}

GPtrArray *
hibachi_store_objects_finish (HibachiStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
hibachi_store_finish (HibachiStore  *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GHashTable *
hibachi_store_get_field_errors (HibachiStore *self,
                                GAsyncResult *result)
{
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  call = g_task_get_task_data (G_TASK (result));
  return call->field_errors;
}

/* Bookings of a query, every page */

static void
bookings_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *bookings = hibachi_booking_fetch_all_finish (HIBACHI_CLIENT (source), result, &error);

  if (bookings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bookings, (GDestroyNotify) g_ptr_array_unref);
}

void
hibachi_store_fetch_bookings_async (HibachiStore        *self,
                                    const char          *query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, hibachi_store_fetch_bookings_async);
  hibachi_booking_fetch_all_async (self->client, query, cancellable, bookings_fetched_cb, task);
}

/* For the store's other files (hibachi-store-private.h) */

void
hibachi_store_get_objects (HibachiStore        *self,
                           const char          *path,
                           GType                type,
                           const char          *member,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  request (self, "GET", path, NULL, -1, read_many (type, member), source_tag, cancellable, callback, user_data);
}

void
hibachi_store_send_objects (HibachiStore        *self,
                            const char          *method,
                            const char          *path,
                            JsonObject          *body,
                            GType                type,
                            const char          *member,
                            gpointer             source_tag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  request (self, method, path, body, -1, read_many (type, member), source_tag, cancellable, callback, user_data);
}

void
hibachi_store_create_object (HibachiStore        *self,
                             const char          *path,
                             JsonObject          *fields,
                             const char          *key,
                             GType                type,
                             HibachiResourceKind  kind,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  request_with_key (self, "POST", path, fields, -1, key, call_new (REPLY_ONE, type, NULL, kind, NULL), source_tag,
                    cancellable, callback, user_data);
}
