/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-app.h: the one application of a UI test process (it exports
 * itself on the session bus), signed out and pointed at a test server. */
#pragma once

#include "hibachi-application.h"
#include "hibachi-session.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"
#include "hibachi-window.h"

G_BEGIN_DECLS

static HibachiApplication *application;

static inline HibachiApplication *
hibachi_test_application (HibachiTestServer *ts)
{
  GSettings *settings;

  if (application == NULL)
    {
      g_autoptr(GError) error = NULL;


      application = hibachi_application_new ();
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
    }
  settings = hibachi_application_get_settings (application);
  g_settings_set_string (settings, "server-url", hibachi_test_server_get_url (ts));
  g_settings_set_string (settings, "last-account", "");

  return application;
}

/* A UI test's server, the application pointed at it, and the window the
 * test opens (or NULL). */
typedef struct
{
  HibachiTestServer  *ts;
  HibachiApplication *app;
  HibachiWindow      *window;
} HibachiTestAppFixture;

static inline void
hibachi_test_app_fixture_teardown (HibachiTestAppFixture *f,
                                   gconstpointer          data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  hibachi_test_pause_ms (100);
  hibachi_test_server_stop (f->ts);
}

/* Signed in before as @email: the keyring holds the session, the
 * settings the account, as a restored start finds them. */
static inline void
hibachi_test_remember_session (HibachiTestServer  *ts,
                               HibachiApplication *app,
                               const char         *email)
{
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_test_server_get_url (ts));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hibachi_session_sign_in_async (session, email, HIBACHI_DEMO_PASSWORD, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (hibachi_session_sign_in_finish (session, result, &error));
  g_assert_no_error (error);
  g_settings_set_string (hibachi_application_get_settings (app), "last-account", email);
}

/* At the end of the test program, for a leak check that sees nothing. */
static inline void
hibachi_test_application_release (void)
{
  g_clear_object (&application);
}

G_END_DECLS
