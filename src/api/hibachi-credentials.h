/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-credentials.h: the session's tokens in the system keyring
 * (libsecret), never elsewhere. Schema named after the application id,
 * attributes server, account and version; the secret is a small JSON
 * object with the access token, refresh token and expiry (SPEC §4). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HIBACHI_CREDENTIALS_VERSION "1"

typedef struct
{
  char   *access_token;
  char   *refresh_token;
  gint64  expires_at;
} HibachiTokens;

void           hibachi_tokens_free               (HibachiTokens *tokens);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiTokens, hibachi_tokens_free)

void           hibachi_credentials_store_async   (const char          *server,
                                                  const char          *account,
                                                  const HibachiTokens *tokens,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       hibachi_credentials_store_finish  (GAsyncResult        *result,
                                                  GError             **error);
void           hibachi_credentials_lookup_async  (const char          *server,
                                                  const char          *account,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* NULL without an error when nothing is stored. */
HibachiTokens *hibachi_credentials_lookup_finish (GAsyncResult        *result,
                                                  GError             **error);
void           hibachi_credentials_clear_async   (const char          *server,
                                                  const char          *account,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       hibachi_credentials_clear_finish  (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
