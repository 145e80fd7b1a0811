/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client's entities and store against a real hibachi-server. */
#include "config.h"

#include "hibachi-audit-entry.h"
#include "hibachi-booking.h"
#include "hibachi-chef.h"
#include "hibachi-price-item.h"
#include "hibachi-review.h"
#include "hibachi-station.h"
#include "hibachi-test-server.h"

#define N_BOOKINGS 60

typedef struct
{
  HibachiTestServer *ts;
  char              *token;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->token = hibachi_test_login (f->ts, "owner@demo.test");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->token);
  hibachi_test_server_stop (f->ts);
}

/* Every list the server sends parses into its entity, row by row: the
 * field tables in src/api say what the server really sends. */
static void
test_server_payloads (Fixture *f, gconstpointer data)
{
  g_autofree char *booking_id = hibachi_test_first_id (f->ts, f->token, "/api/v1/bookings?status=pending&limit=1");
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", booking_id);
  g_autofree char *cancel_path = g_strdup_printf ("/api/v1/bookings/%s/cancel", booking_id);
  g_autofree char *history = g_strdup_printf ("/api/v1/bookings/%s/history", booking_id);
  g_autoptr(HibachiTestResponse) booking = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);
  g_autoptr(HibachiTestResponse) cancel = NULL;
  struct { const char *path; GType type; const char *member; } cases[] = {
    { "/api/v1/bookings?limit=500", HIBACHI_TYPE_BOOKING, "data" },
    { "/api/v1/chefs?limit=500", HIBACHI_TYPE_CHEF, "data" },
    { "/api/v1/stations", HIBACHI_TYPE_STATION, "data" },
    { "/api/v1/reviews?limit=500", HIBACHI_TYPE_REVIEW, "data" },
    { "/api/v1/pricing", HIBACHI_TYPE_PRICE_ITEM, "items" },
    { "/api/v1/audit-logs?limit=500", HIBACHI_TYPE_AUDIT_ENTRY, "data" },
    { history, HIBACHI_TYPE_AUDIT_ENTRY, "data" },
  };

  /* Something in the audit log and in the booking's history. */
  cancel = hibachi_test_request (f->ts, "POST", cancel_path, f->token, "{\"reason\":\"The customer moved the party\"}",
                                 "If-Match", soup_message_headers_get_one (booking->headers, "ETag"), NULL);
  g_assert_cmpuint (cancel->status, ==, 200);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", cases[i].path, f->token, NULL, NULL);
      g_autoptr(GPtrArray) objects = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (r->status, ==, 200);
      objects = hibachi_resource_parse_array (cases[i].type,
                                              json_object_get_member (hibachi_test_response_object (r), cases[i].member),
                                              &error);
      if (error != NULL)
        g_error ("%s: %s", cases[i].path, error->message);
      g_assert_cmpuint (objects->len, >, 0);
      for (guint j = 0; j < objects->len; j++)
        g_assert_nonnull (hibachi_resource_get_id (objects->pdata[j]));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/hibachi/store/server-payloads", Fixture, NULL, setup, test_server_payloads, teardown);
  return g_test_run ();
}
