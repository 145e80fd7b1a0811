/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-detail.h: the booking detail pane alone in a window, signed
 * in to a real hibachi-server, for the UI tests of the pane. */
#pragma once

#include "hibachi-booking-detail.h"
#include "hibachi-core.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"

G_BEGIN_DECLS

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer *ts;
  HibachiContext    *context;
  GtkWindow         *window;
  HibachiBookingDetail *detail;
  char              *token;
  char              *fremont;
} Fixture;

static inline GAsyncResult *
wait_result (GAsyncResult **result)
{
  WAIT_FOR (*result != NULL);
  return *result;
}

/* A server with @n_bookings seeded bookings; the pane's user is @user (the
 * owner when NULL). */
static inline void
hibachi_test_detail_setup (Fixture    *f,
                           const char *user,
                           guint       n_bookings)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.myhibachichef.Admin");
  g_autoptr(HibachiSession) session = NULL;
  g_autoptr(HibachiDirectory) directory = NULL;
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  f->ts = hibachi_test_server_start (n_bookings);
  f->token = hibachi_test_login (f->ts, OWNER);
  f->fremont = hibachi_test_station_id (f->ts, f->token, "CA-FREMONT-001");

  session = hibachi_session_new (hibachi_test_server_get_url (f->ts));
  hibachi_session_sign_in_async (session, user ? user : OWNER, HIBACHI_DEMO_PASSWORD, NULL,
                                 hibachi_test_store_result_cb, &signed_in);
  g_assert_true (hibachi_session_sign_in_finish (session, wait_result (&signed_in), &error));
  g_assert_no_error (error);
  directory = hibachi_directory_new (hibachi_session_get_store (session));
  hibachi_directory_load_async (directory, NULL, hibachi_test_store_result_cb, &loaded);
  g_assert_true (hibachi_directory_load_finish (directory, wait_result (&loaded), &error));

  f->context = hibachi_context_new (settings);
  hibachi_context_set_account (f->context, session, directory);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 520, 900);
  f->detail = g_object_new (HIBACHI_TYPE_BOOKING_DETAIL, NULL);
  hibachi_booking_detail_set_context (f->detail, f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->detail));
  gtk_window_present (f->window);
}

static inline void
hibachi_test_detail_teardown (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first, then the pane's window. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  hibachi_test_settle ();
  g_clear_object (&f->context);
  g_free (f->token);
  g_free (f->fremont);
  hibachi_test_server_stop (f->ts);
}

G_END_DECLS
