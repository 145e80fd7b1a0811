/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-client.h: the one HTTP client of the Admin API. One SoupSession
 * builds every request (base URL, bearer token, JSON body, If-Match,
 * Idempotency-Key), checks the status before parsing, maps the server's
 * error envelope to HIBACHI_API_ERROR, and refreshes the access token before
 * it expires or after a 401 — one refresh at a time. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hibachi-api-error.h"
#include "hibachi-json-member.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_CLIENT (hibachi_client_get_type ())
G_DECLARE_FINAL_TYPE (HibachiClient, hibachi_client, HIBACHI, CLIENT, GObject)

/* Seconds before expiry at which the access token is refreshed. */
#define HIBACHI_CLIENT_REFRESH_MARGIN 60

/* Makes what the caller wants of a reply, where the reply is parsed: on a
 * worker thread when the reply is long (a page of rows), so it touches
 * nothing but @reply and @data. FALSE with @error set fails the request. */
typedef gboolean (*HibachiReplyTransform) (JsonNode  *reply,
                                           gpointer   data,
                                           GError   **error);

typedef struct
{
  const char *if_match;          /* a resource version, or NULL */
  const char *idempotency_key;   /* for creates, or NULL */
  gboolean    no_auth;           /* sign-in requests */
  HibachiReplyTransform transform;   /* run on a GET's reply before it is handed back, or NULL */
  gpointer    transform_data;
  /* The transform keeps what it needs of the reply: the reply is freed
   * where it was parsed (for a long one, its worker thread: a page of 100
   * rows is 1.6 ms of freeing) and the request answers JSON null. */
  gboolean    reply_consumed;
} HibachiRequestOptions;

HibachiClient *hibachi_client_new              (const char            *base_url);
const char    *hibachi_client_get_base_url     (HibachiClient         *self);
void           hibachi_client_set_tokens       (HibachiClient         *self,
                                                const char            *access_token,
                                                const char            *refresh_token,
                                                gint64                 expires_at);
gboolean       hibachi_client_get_tokens       (HibachiClient         *self,
                                                char                 **access_token,
                                                char                 **refresh_token,
                                                gint64                *expires_at);
void           hibachi_client_clear_tokens     (HibachiClient         *self);
/* Requests */
void           hibachi_client_request_async    (HibachiClient               *self,
                                                const char                  *method,
                                                const char                  *path,
                                                JsonNode                    *body,
                                                const HibachiRequestOptions *options,
                                                GCancellable                *cancellable,
                                                GAsyncReadyCallback          callback,
                                                gpointer                     user_data);
/* The reply's JSON (NULL for an empty body). On an API error, @out_details
 * (when given) receives error.details of the server's reply, if any. */
JsonNode      *hibachi_client_request_finish   (HibachiClient         *self,
                                                GAsyncResult          *result,
                                                JsonObject           **out_details,
                                                GError               **error);
/* GET @path now, for a request of the same GET (no body, no options) that
 * is coming: that request takes this answer instead of asking again, once,
 * within 10 s of it (a failure only when it was already waiting for it).
 * Clearing the tokens drops such answers. For a start
 * whose requests wait on one another (the account, then the names, then a
 * first page) but whose paths are known at once. */
void           hibachi_client_prefetch         (HibachiClient         *self,
                                                const char            *path);
void           hibachi_client_fetch_bytes_async (HibachiClient        *self,
                                                 const char           *path,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes        *hibachi_client_fetch_bytes_finish (HibachiClient       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
