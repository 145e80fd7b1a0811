/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server under load and attack (issue 10): memory that must stay
 * bounded, connections, bodies and slow requests. */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"

#define N_BOOKINGS 200

typedef struct
{
  HibachiTestServer *ts;
  char              *owner;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->owner = hibachi_test_login (f->ts, "owner@demo.test");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->owner);
  hibachi_test_server_stop (f->ts);
}

/* Every distinct key order and key set of a PATCH body once prepared and kept
 * its own UPDATE statement: 40,000 PATCHes added 600 MB. */
static void
test_statement_cache_bounded (Fixture *f, gconstpointer data)
{
  static const char *members[] = {
    "\"customer_name\":\"Ana Ruiz\"",
    "\"internal_notes\":\"Side gate\"",
    "\"special_requests\":\"Extra rice\"",
    "\"allergens\":[\"shellfish\"]",
    "\"deposit_paid\":true",
  };
  HibachiServer *server = hibachi_test_server_get_server (f->ts);
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?limit=1");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autofree char *etag = NULL;
  guint before, after;

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 200);
    etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
  }
  before = hibachi_server_count_statements (server);

  for (guint i = 0; i < 500; i++)
    {
      guint order[G_N_ELEMENTS (members)];
      guint n = 1 + (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (members));
      g_autoptr(GString) body = g_string_new ("{");
      g_autoptr(HibachiTestResponse) r = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        order[k] = k;
      for (guint k = G_N_ELEMENTS (order) - 1; k > 0; k--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) k + 1);
          guint t = order[k];

          order[k] = order[j];
          order[j] = t;
        }
      for (guint k = 0; k < n; k++)
        g_string_append_printf (body, "%s%s", k ? "," : "", members[order[k]]);
      g_string_append_c (body, '}');

      r = hibachi_test_request (f->ts, "PATCH", path, f->owner, body->str, "If-Match", etag, NULL);
      g_assert_cmpuint (r->status, ==, 200);
      g_free (etag);
      etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    }

  /* 500 random orders of up to five keys are ~250 distinct texts; the
   * cache of statements built from requests holds at most 64. */
  after = hibachi_server_count_statements (server);
  g_test_message ("statements: %u before, %u after 500 PATCHes", before, after);
  g_assert_cmpuint (after, <=, before + 64);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/server-transport/statement-cache-bounded", Fixture, NULL, setup,
              test_statement_cache_bounded, teardown);

  return g_test_run ();
}
