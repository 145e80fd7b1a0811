/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-auth.h: password hashing (argon2id), HS256 JSON Web Tokens
 * and the principal (who is calling, with which role and stations).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "hibachi-roles.h"

G_BEGIN_DECLS

#define HIBACHI_ACCESS_TOKEN_SECONDS   (30 * 60)
#define HIBACHI_REFRESH_TOKEN_SECONDS  (7 * 24 * 60 * 60)
#define HIBACHI_LOGIN_MAX_FAILURES     5
#define HIBACHI_LOGIN_LOCK_SECONDS     (15 * 60)
#define HIBACHI_JWT_KEY_BYTES          32

typedef struct
{
  char        *user_id;
  char        *email;
  char        *full_name;
  HibachiRole  role;
  char       **station_ids;
  char        *chef_id;
  char        *jti;
  gint64       expires_at;
} HibachiServerPrincipal;

void         hibachi_server_principal_free   (HibachiServerPrincipal *principal);
gboolean     hibachi_server_principal_has_station (const HibachiServerPrincipal *principal,
                                               const char                   *station_id);
/* Whether the principal sees every station (HIBACHI_CAPABILITY_ALL_STATIONS). */
gboolean     hibachi_server_principal_is_global (const HibachiServerPrincipal *principal);

char        *hibachi_server_password_hash     (const char   *password);
gboolean     hibachi_server_password_verify   (const char   *hash,
                                               const char   *password);

char        *hibachi_server_jwt_sign          (const guint8 *key,
                                               JsonObject   *claims);
/* Returns the claims of a valid, unexpired token, or NULL. */
JsonObject  *hibachi_server_jwt_verify        (const guint8 *key,
                                               const char   *token,
                                               gint64        now);
char        *hibachi_server_random_token      (void);
char        *hibachi_server_token_digest      (const char   *token);

G_END_DECLS
