/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-auth"

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "hibachi-server-auth.h"

void
hibachi_server_principal_free (HibachiServerPrincipal *principal)
{
  if (principal == NULL)
    return;

  g_free (principal->user_id);
  g_free (principal->email);
  g_free (principal->full_name);
  g_strfreev (principal->station_ids);
  g_free (principal->chef_id);
  g_free (principal->jti);
  g_free (principal);
}

gboolean
hibachi_server_principal_is_global (const HibachiServerPrincipal *principal)
{
  return hibachi_role_can (principal->role, HIBACHI_CAPABILITY_ALL_STATIONS);
}

gboolean
hibachi_server_principal_has_station (const HibachiServerPrincipal *principal,
                                      const char                   *station_id)
{
  if (hibachi_server_principal_is_global (principal))
    return TRUE;
  if (principal->role != HIBACHI_ROLE_STATION_MANAGER || station_id == NULL)
    return FALSE;

  return principal->station_ids != NULL && g_strv_contains ((const char * const *) principal->station_ids, station_id);
}

static void
ensure_sodium (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
}

char *
hibachi_server_password_hash (const char *password)
{
  char hash[crypto_pwhash_STRBYTES];

  ensure_sodium ();

  /* argon2id with libsodium's interactive limits (64 MiB, 2 passes). */
  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    g_error ("Out of memory hashing a password");

  return g_strdup (hash);
}

gboolean
hibachi_server_password_verify (const char *hash,
                                const char *password)
{
  ensure_sodium ();

  if (hash == NULL || password == NULL)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static char *
base64url_encode (const guint8 *data,
                  gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }

  return text;
}

static guint8 *
base64url_decode (const char *text,
                  gsize       text_len,
                  gsize      *out_len)
{
  GString *s = g_string_new_len (text, text_len);

  for (gsize i = 0; i < s->len; i++)
    {
      char c = s->str[i];

      if (c == '-')
        s->str[i] = '+';
      else if (c == '_')
        s->str[i] = '/';
      else if (!g_ascii_isalnum (c))
        {
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  while (s->len % 4 != 0)
    g_string_append_c (s, '=');

  {
    guint8 *data = g_base64_decode (s->str, out_len);
    g_string_free (s, TRUE);
    return data;
  }
}

static char *
hmac_sha256_b64 (const guint8 *key,
                 const char   *data,
                 gsize         len)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, HIBACHI_JWT_KEY_BYTES);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_hmac_update (hmac, (const guchar *) data, len);
  g_hmac_get_digest (hmac, digest, &digest_len);

  return base64url_encode (digest, digest_len);
}

char *
hibachi_server_jwt_sign (const guint8 *key,
                         JsonObject   *claims)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), claims);
  g_autofree char *payload = json_to_string (node, FALSE);
  g_autofree char *h = base64url_encode ((const guint8 *) header, strlen (header));
  g_autofree char *p = base64url_encode ((const guint8 *) payload, strlen (payload));
  g_autofree char *signing_input = g_strconcat (h, ".", p, NULL);
  g_autofree char *signature = hmac_sha256_b64 (key, signing_input, strlen (signing_input));

  return g_strconcat (signing_input, ".", signature, NULL);
}

JsonObject *
hibachi_server_jwt_verify (const guint8 *key,
                           const char   *token,
                           gint64        now)
{
  const char *dot1, *dot2;
  g_autofree char *expected = NULL;
  g_autofree guint8 *header = NULL;
  g_autofree guint8 *payload = NULL;
  g_autofree char *header_text = NULL;
  g_autofree char *payload_text = NULL;
  g_autoptr(JsonNode) header_node = NULL;
  g_autoptr(JsonNode) payload_node = NULL;
  gsize header_len, payload_len;
  JsonObject *claims;
  JsonNode *exp;

  if (token == NULL || strlen (token) > 8192)
    return NULL;
  dot1 = strchr (token, '.');
  dot2 = dot1 ? strchr (dot1 + 1, '.') : NULL;
  if (dot1 == NULL || dot2 == NULL || strchr (dot2 + 1, '.') != NULL)
    return NULL;

  expected = hmac_sha256_b64 (key, token, (gsize) (dot2 - token));
  if (strlen (expected) != strlen (dot2 + 1) ||
      sodium_memcmp (expected, dot2 + 1, strlen (expected)) != 0)
    return NULL;

  header = base64url_decode (token, (gsize) (dot1 - token), &header_len);
  payload = base64url_decode (dot1 + 1, (gsize) (dot2 - dot1 - 1), &payload_len);
  if (header == NULL || payload == NULL)
    return NULL;

  header_text = g_strndup ((const char *) header, header_len);
  payload_text = g_strndup ((const char *) payload, payload_len);
  header_node = json_from_string (header_text, NULL);
  payload_node = json_from_string (payload_text, NULL);
  if (header_node == NULL || payload_node == NULL ||
      !JSON_NODE_HOLDS_OBJECT (header_node) || !JSON_NODE_HOLDS_OBJECT (payload_node))
    return NULL;

  /* Only HS256: never "none", never another algorithm named by the token. */
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (header_node), "alg", ""),
                 "HS256") != 0)
    return NULL;

  claims = json_node_get_object (payload_node);
  exp = json_object_get_member (claims, "exp");
  if (exp == NULL || !JSON_NODE_HOLDS_VALUE (exp) || json_node_get_value_type (exp) != G_TYPE_INT64 ||
      json_node_get_int (exp) <= now)
    return NULL;

  return json_object_ref (claims);
}

char *
hibachi_server_random_token (void)
{
  guint8 bytes[32];

  ensure_sodium ();
  randombytes_buf (bytes, sizeof bytes);

  return base64url_encode (bytes, sizeof bytes);
}

char *
hibachi_server_token_digest (const char *token)
{
  /* Refresh tokens are stored only as digests: a leaked database holds no usable token. */
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
