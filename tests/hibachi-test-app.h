/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-app.h: the one application of a UI test process (it exports
 * itself on the session bus), signed out and pointed at a test server. */
#pragma once

#include "hibachi-application.h"
#include "hibachi-test-server.h"

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

/* At the end of the test program, for a leak check that sees nothing. */
static inline void
hibachi_test_application_release (void)
{
  g_clear_object (&application);
}

G_END_DECLS
