/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer *ts;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (50);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  hibachi_test_server_stop (f->ts);
}

static HibachiTestResponse *
login (Fixture *f, const char *email, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);

  return hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, body, NULL);
}

static void
test_login_success (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
  g_autoptr(HibachiTestResponse) me = NULL;
  JsonObject *o, *user;
  const char *token;

  g_assert_cmpuint (r->status, ==, 200);
  o = hibachi_test_response_object (r);
  token = json_object_get_string_member (o, "access_token");
  g_assert_cmpstr (json_object_get_string_member (o, "token_type"), ==, "bearer");
  g_assert_cmpint (json_object_get_int_member (o, "expires_in"), ==, 1800);
  g_assert_cmpuint (strlen (json_object_get_string_member (o, "refresh_token")), >, 30);
  g_assert_nonnull (strchr (strchr (token, '.') + 1, '.'));
  user = json_object_get_object_member (o, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "super_admin");
  g_assert_false (json_object_has_member (user, "password_hash"));

  me = hibachi_test_request (f->ts, "GET", "/api/auth/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (me), "email"), ==, OWNER);

  /* Emails are matched without regard to case. */
  {
    g_autoptr(HibachiTestResponse) upper = login (f, "Owner@Demo.Test", HIBACHI_DEMO_PASSWORD);
    g_assert_cmpuint (upper->status, ==, 200);
  }
}

static void
test_login_failures (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) wrong = login (f, OWNER, "not-the-password");
  g_autoptr(HibachiTestResponse) unknown = login (f, "nobody@demo.test", "whatever");
  g_autoptr(HibachiTestResponse) missing = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, "{\"email\":\"x@y.z\"}", NULL);
  g_autoptr(HibachiTestResponse) broken = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, "{\"email\":", NULL);
  g_autoptr(HibachiTestResponse) array = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, "[1,2]", NULL);
  g_autoptr(HibachiTestResponse) empty = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, NULL, NULL);

  g_assert_cmpuint (wrong->status, ==, 401);
  g_assert_cmpstr (hibachi_test_response_error_code (wrong), ==, "UNAUTHORIZED");
  g_assert_cmpuint (unknown->status, ==, 401);
  /* The same answer for a wrong password and an unknown account. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (hibachi_test_response_object (wrong), "error"), "message"),
                   ==,
                   json_object_get_string_member (json_object_get_object_member (hibachi_test_response_object (unknown), "error"), "message"));
  g_assert_cmpuint (missing->status, ==, 422);
  g_assert_true (json_object_has_member (hibachi_test_response_field_errors (missing), "password"));
  g_assert_cmpuint (broken->status, ==, 400);
  g_assert_cmpstr (hibachi_test_response_error_code (broken), ==, "BAD_REQUEST");
  g_assert_cmpuint (array->status, ==, 400);
  g_assert_cmpuint (empty->status, ==, 400);
}

static void
test_lockout (Fixture *f, gconstpointer data)
{
  for (int i = 1; i <= 4; i++)
    {
      g_autoptr(HibachiTestResponse) r = login (f, OWNER, "wrong");
      g_assert_cmpuint (r->status, ==, 401);
    }

  {
    g_autoptr(HibachiTestResponse) fifth = login (f, OWNER, "wrong");
    JsonObject *details;

    g_assert_cmpuint (fifth->status, ==, 429);
    g_assert_cmpstr (hibachi_test_response_error_code (fifth), ==, "RATE_LIMIT_EXCEEDED");
    g_assert_cmpstr (soup_message_headers_get_one (fifth->headers, "Retry-After"), ==, "900");
    details = json_object_get_object_member (json_object_get_object_member (hibachi_test_response_object (fifth), "error"), "details");
    g_assert_cmpint (json_object_get_int_member (details, "retry_after_seconds"), ==, 900);
  }

  /* Locked: even the right password is refused, with the time left. */
  {
    g_autoptr(HibachiTestResponse) locked = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
    g_assert_cmpuint (locked->status, ==, 429);
  }

  /* Other accounts are not affected. */
  {
    g_autoptr(HibachiTestResponse) other = login (f, "office@demo.test", HIBACHI_DEMO_PASSWORD);
    g_assert_cmpuint (other->status, ==, 200);
  }

  hibachi_test_server_set_clock_offset (f->ts, 15 * 60 + 1);
  {
    g_autoptr(HibachiTestResponse) later = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
    g_assert_cmpuint (later->status, ==, 200);
  }
}

static void
test_tokens_rejected (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autofree char *tampered = g_strdup (token);
  g_autoptr(HibachiTestResponse) none = hibachi_test_request (f->ts, "GET", "/api/auth/me", NULL, NULL, NULL);
  g_autoptr(HibachiTestResponse) garbage = hibachi_test_request (f->ts, "GET", "/api/auth/me", "abc.def.ghi", NULL, NULL);
  g_autoptr(HibachiTestResponse) bad_sig = NULL;
  g_autoptr(HibachiTestResponse) none_alg = NULL;

  tampered[strlen (tampered) - 2] = tampered[strlen (tampered) - 2] == 'A' ? 'B' : 'A';
  bad_sig = hibachi_test_request (f->ts, "GET", "/api/auth/me", tampered, NULL, NULL);
  /* {"alg":"none"} with the payload of a real token and no signature */
  {
    g_autofree char *payload = g_strndup (strchr (token, '.') + 1, strrchr (token, '.') - strchr (token, '.') - 1);
    g_autofree char *forged = g_strconcat ("eyJhbGciOiJub25lIn0.", payload, ".", NULL);
    none_alg = hibachi_test_request (f->ts, "GET", "/api/auth/me", forged, NULL, NULL);
  }

  g_assert_cmpuint (none->status, ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (none->headers, "WWW-Authenticate"), ==, "Bearer");
  g_assert_cmpuint (garbage->status, ==, 401);
  g_assert_cmpuint (bad_sig->status, ==, 401);
  g_assert_cmpuint (none_alg->status, ==, 401);
}

static void
test_expiry_and_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) first = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
  g_autofree char *access = g_strdup (json_object_get_string_member (hibachi_test_response_object (first), "access_token"));
  g_autofree char *refresh = g_strdup (json_object_get_string_member (hibachi_test_response_object (first), "refresh_token"));
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
  g_autofree char *new_access = NULL;
  g_autofree char *new_refresh = NULL;

  /* 31 minutes later the access token has expired. */
  hibachi_test_server_set_clock_offset (f->ts, 31 * 60);
  {
    g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", access, NULL, NULL);
    g_assert_cmpuint (me->status, ==, 401);
  }

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, body, NULL);
    JsonObject *o;

    g_assert_cmpuint (r->status, ==, 200);
    o = hibachi_test_response_object (r);
    new_access = g_strdup (json_object_get_string_member (o, "access_token"));
    new_refresh = g_strdup (json_object_get_string_member (o, "refresh_token"));
    g_assert_cmpstr (new_refresh, !=, refresh);
  }
  {
    g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", new_access, NULL, NULL);
    g_assert_cmpuint (me->status, ==, 200);
  }

  /* A refresh token is single use; reusing it ends the rotated one too. */
  {
    g_autoptr(HibachiTestResponse) again = hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, body, NULL);
    g_autofree char *next_body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", new_refresh);
    g_autoptr(HibachiTestResponse) next = NULL;

    g_assert_cmpuint (again->status, ==, 401);
    next = hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, next_body, NULL);
    g_assert_cmpuint (next->status, ==, 401);
  }

  /* Refresh tokens last 7 days. */
  {
    g_autoptr(HibachiTestResponse) fresh = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
    g_autofree char *fresh_body = g_strdup_printf ("{\"refresh_token\":\"%s\"}",
                                                   json_object_get_string_member (hibachi_test_response_object (fresh), "refresh_token"));
    g_autoptr(HibachiTestResponse) late = NULL;

    hibachi_test_server_set_clock_offset (f->ts, 31 * 60 + 7 * 24 * 3600 + 1);
    late = hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, fresh_body, NULL);
    g_assert_cmpuint (late->status, ==, 401);
  }
}

static void
test_logout (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) first = login (f, OWNER, HIBACHI_DEMO_PASSWORD);
  const char *access = json_object_get_string_member (hibachi_test_response_object (first), "access_token");
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}",
                                           json_object_get_string_member (hibachi_test_response_object (first), "refresh_token"));
  g_autoptr(HibachiTestResponse) out = hibachi_test_request (f->ts, "POST", "/api/auth/logout", access, NULL, NULL);
  g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", access, NULL, NULL);
  g_autoptr(HibachiTestResponse) refresh = hibachi_test_request (f->ts, "POST", "/api/v1/auth/refresh", NULL, body, NULL);

  g_assert_cmpuint (out->status, ==, 200);
  g_assert_cmpuint (me->status, ==, 401);
  g_assert_cmpuint (refresh->status, ==, 401);
}

static void
test_protocol_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autoptr(HibachiTestResponse) unknown = hibachi_test_request (f->ts, "GET", "/api/v1/nothing", token, NULL, NULL);
  g_autoptr(HibachiTestResponse) method = hibachi_test_request (f->ts, "DELETE", "/api/v1/stations", token, NULL, NULL);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(HibachiTestResponse) too_big = NULL;
  g_autoptr(HibachiTestResponse) bad_utf8 = NULL;
  GString *payload = g_string_new ("{\"customer_name\":\"");

  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpstr (hibachi_test_response_error_code (unknown), ==, "NOT_FOUND");
  g_assert_cmpuint (method->status, ==, 405);

  while (payload->len < 1024 * 1024 + 10)
    g_string_append (payload, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (payload, "\"}");
  big = g_string_free_to_bytes (payload);
  too_big = hibachi_test_request_raw (f->ts, "POST", "/api/v1/bookings", token, "application/json", big);
  g_assert_cmpuint (too_big->status, ==, 413);

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"email\":\"\xff\xfe\"}", 14);
    bad_utf8 = hibachi_test_request_raw (f->ts, "POST", "/api/auth/login", NULL, "application/json", bytes);
    g_assert_cmpuint (bad_utf8->status, ==, 400);
  }
}

static void
test_health (Fixture *f, gconstpointer data)
{
  const char *paths[] = { "/health", "/health/live", "/health/ready" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", paths[i], NULL, NULL, NULL);

      g_assert_cmpuint (r->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (r), "status"), ==, "ok");
    }
}

static void
test_chef_role_is_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, "chef.kenji@demo.test");
  const char *forbidden[] = { "/api/v1/stations", "/api/v1/chefs", "/api/v1/reviews", "/api/v1/pricing",
                              "/api/v1/audit-logs", "/api/v1/changes" };

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", forbidden[i], token, NULL, NULL);

      g_assert_cmpuint (r->status, ==, 403);
      g_assert_cmpstr (hibachi_test_response_error_code (r), ==, "FORBIDDEN");
    }

  {
    g_autoptr(HibachiTestResponse) create = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", token, "{}", NULL);
    g_assert_cmpuint (create->status, ==, 403);
  }
}

/* /me names the user's own stations (a chef may not list stations, yet
 * sees which station a booking is at), and only those. */
static void
test_me_names_own_stations (Fixture *f, gconstpointer data)
{
  const char *users[] = { "chef.kenji@demo.test", "fremont.manager@demo.test", OWNER };

  for (guint u = 0; u < G_N_ELEMENTS (users); u++)
    {
      g_autofree char *token = hibachi_test_login (f->ts, users[u]);
      g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", token, NULL, NULL);
      JsonObject *user = hibachi_test_response_object (me);
      JsonArray *ids = json_object_get_array_member (user, "station_ids");
      JsonArray *stations = json_object_get_array_member (user, "stations");

      g_assert_cmpuint (me->status, ==, 200);
      g_assert_nonnull (stations);
      g_assert_cmpuint (json_array_get_length (stations), ==, json_array_get_length (ids));
      for (guint i = 0; i < json_array_get_length (stations); i++)
        {
          JsonObject *station = json_array_get_object_element (stations, i);
          gboolean own = FALSE;

          for (guint j = 0; j < json_array_get_length (ids); j++)
            own |= g_strcmp0 (json_array_get_string_element (ids, j), json_object_get_string_member (station, "id")) == 0;
          g_assert_true (own);
          g_assert_cmpstr (json_object_get_string_member (station, "name"), !=, "");
        }
      /* Kenji and the Fremont manager are at Fremont; the owner has no
       * station of their own (they see all). */
      if (u < 2)
        {
          g_assert_cmpuint (json_array_get_length (stations), ==, 1);
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stations, 0), "name"), ==,
                           "Fremont");
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stations, 0), "code"), ==,
                           "CA-FREMONT-001");
        }
    }
}

static void
test_support_cannot_manage (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, "support@demo.test");
  g_autoptr(HibachiTestResponse) audit = hibachi_test_request (f->ts, "GET", "/api/v1/audit-logs", token, NULL, NULL);
  g_autoptr(HibachiTestResponse) pricing = hibachi_test_request (f->ts, "PATCH", "/api/v1/pricing", token,
                                                                 "{\"station_id\":null,\"reason\":\"Seasonal change\",\"changes\":[]}", NULL);
  g_autoptr(HibachiTestResponse) station = hibachi_test_request (f->ts, "POST", "/api/v1/stations", token, "{}", NULL);

  g_assert_cmpuint (audit->status, ==, 200);       /* support reads everything */
  g_assert_cmpuint (pricing->status, ==, 403);
  g_assert_cmpuint (station->status, ==, 403);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/server-auth/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("login-success", test_login_success);
  ADD ("login-failures", test_login_failures);
  ADD ("lockout", test_lockout);
  ADD ("tokens-rejected", test_tokens_rejected);
  ADD ("expiry-and-refresh", test_expiry_and_refresh);
  ADD ("logout", test_logout);
  ADD ("protocol-errors", test_protocol_errors);
  ADD ("health", test_health);
  ADD ("chef-read-only", test_chef_role_is_read_only);
  ADD ("me-names-own-stations", test_me_names_own_stations);
  ADD ("support-cannot-manage", test_support_cannot_manage);
#undef ADD

  return g_test_run ();
}
