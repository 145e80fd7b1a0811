/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's geocoding calls against a real hibachi-server: typed
 * candidates, the place nearest a point, nothing for an unknown place, and
 * the server's refusal as a validation error. */
#include "config.h"

#include <string.h>

#include "hibachi-api-error.h"
#include "hibachi-session.h"
#include "hibachi-store.h"
#include "hibachi-test-server.h"

typedef struct
{
  HibachiTestServer *ts;
  HibachiSession    *session;
  HibachiStore      *store;
} Fixture;

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->ts = hibachi_test_server_start (0);
  f->session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  /* The least of the roles: a chef may look addresses up too. */
  hibachi_session_sign_in_async (f->session, "chef.kenji@demo.test", HIBACHI_DEMO_PASSWORD, NULL, result_cb, &result);
  g_assert_true (hibachi_session_sign_in_finish (f->session, wait_for (&result), &error));
  g_assert_no_error (error);
  f->store = g_object_ref (hibachi_session_get_store (f->session));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->session);
  hibachi_test_server_stop (f->ts);
}

static GPtrArray *
geocode (Fixture     *f,
         const char  *address,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hibachi_store_geocode_async (f->store, address, NULL, result_cb, &result);
  return hibachi_store_objects_finish (f->store, wait_for (&result), error);
}

static void
test_geocode (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = geocode (f, "777 B St, Hayward, CA 94541", &error);
  g_autoptr(GPtrArray) nothing = NULL;
  HibachiGeocodeCandidate *place;

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  place = found->pdata[0];
  g_assert_true (HIBACHI_IS_GEOCODE_CANDIDATE (place));
  g_assert_cmpstr (hibachi_geocode_candidate_get_label (place), ==, "777 B St, Hayward, CA 94541");
  g_assert_cmpstr (hibachi_geocode_candidate_get_kind (place), ==, "street");
  g_assert_cmpstr (hibachi_geocode_candidate_get_source (place), ==, "gazetteer");
  g_assert_cmpfloat_with_epsilon (hibachi_geocode_candidate_get_lat (place), 37.674, 1e-6);
  g_assert_cmpfloat_with_epsilon (hibachi_geocode_candidate_get_lng (place), -122.0894, 1e-6);

  /* Characters that mean something in a URL are sent as text. */
  nothing = geocode (f, "Hayward&lat=1#?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_reverse (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  hibachi_store_reverse_geocode_async (f->store, 37.5485, -121.9886, NULL, result_cb, &result);
  found = hibachi_store_objects_finish (f->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_str_has_prefix (hibachi_geocode_candidate_get_label (found->pdata[0]), "Fremont, CA 945"));
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (201, 'a');
  g_autoptr(GPtrArray) found = geocode (f, long_text, &error);

  g_assert_null (found);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "200"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/store-geocode/geocode", Fixture, NULL, setup, test_geocode, teardown);
  g_test_add ("/hibachi/store-geocode/reverse", Fixture, NULL, setup, test_reverse, teardown);
  g_test_add ("/hibachi/store-geocode/refused", Fixture, NULL, setup, test_refused, teardown);

  return g_test_run ();
}
