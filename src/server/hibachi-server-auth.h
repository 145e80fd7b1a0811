/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-auth.h: password hashing (argon2id), HS256 JSON Web Tokens
 * and the principal (who is calling, with which role and stations).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HIBACHI_ACCESS_TOKEN_SECONDS   (30 * 60)
#define HIBACHI_REFRESH_TOKEN_SECONDS  (7 * 24 * 60 * 60)
#define HIBACHI_LOGIN_MAX_FAILURES     5
#define HIBACHI_LOGIN_LOCK_SECONDS     (15 * 60)
#define HIBACHI_JWT_KEY_BYTES          32

typedef enum
{
  HIBACHI_ROLE_SUPER_ADMIN      = 1 << 0,
  HIBACHI_ROLE_ADMIN            = 1 << 1,
  HIBACHI_ROLE_CUSTOMER_SUPPORT = 1 << 2,
  HIBACHI_ROLE_STATION_MANAGER  = 1 << 3,
  HIBACHI_ROLE_CHEF             = 1 << 4,
} HibachiRole;

#define HIBACHI_ROLES_GLOBAL  (HIBACHI_ROLE_SUPER_ADMIN | HIBACHI_ROLE_ADMIN)
#define HIBACHI_ROLES_OFFICE  (HIBACHI_ROLES_GLOBAL | HIBACHI_ROLE_CUSTOMER_SUPPORT)
#define HIBACHI_ROLES_STAFF   (HIBACHI_ROLES_OFFICE | HIBACHI_ROLE_STATION_MANAGER)
#define HIBACHI_ROLES_MANAGE  (HIBACHI_ROLES_GLOBAL | HIBACHI_ROLE_STATION_MANAGER)
#define HIBACHI_ROLES_ANY     (HIBACHI_ROLES_STAFF | HIBACHI_ROLE_CHEF)

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
/* Whether the principal sees every station (global roles and support). */
gboolean     hibachi_server_principal_is_global (const HibachiServerPrincipal *principal);

const char  *hibachi_role_to_string           (HibachiRole   role);
gboolean     hibachi_role_from_string         (const char   *text,
                                               HibachiRole  *out_role);

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
