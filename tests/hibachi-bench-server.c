/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hibachi-bench-server.h"
#include "hibachi-session.h"
#include "hibachi-test-server.h"

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Sets this process's keyring (a file in the directory; children inherit
 * it) and settings backend, starts the server, signs in. */
HibachiBenchServer *
hibachi_bench_server_start (const char *server_path,
                            const char *bookings,
                            const char *name)
{
  HibachiBenchServer *server = g_new0 (HibachiBenchServer, 1);
  g_autofree char *template = g_strdup_printf ("hibachi-bench-%s-XXXXXX", name);
  g_autofree char *db = NULL;
  g_autofree char *keyring = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start_us = g_get_monotonic_time ();

  server->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  db = g_build_filename (server->dir, "bench.db", NULL);
  keyring = g_build_filename (server->dir, "bench.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "bench", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  server->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                      server_path, "--demo", "--demo-bookings", bookings, "--port", "0",
                                      "--db", db, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (line != NULL && g_str_has_prefix (line, "Listening on "));
  server->url = g_strdup (line + strlen ("Listening on "));
  server->ready_s = (g_get_monotonic_time () - start_us) / 1e6;

  {
    g_autoptr(HibachiSession) session = hibachi_session_new (server->url);
    g_autoptr(GAsyncResult) result = NULL;

    hibachi_session_sign_in_async (session, "owner@demo.test", HIBACHI_DEMO_PASSWORD, NULL, signed_in_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (hibachi_session_sign_in_finish (session, result, &error));
    g_assert_no_error (error);
  }

  return server;
}

void
hibachi_bench_server_stop (HibachiBenchServer *server)
{
  g_subprocess_send_signal (server->process, 15);
  g_subprocess_wait (server->process, NULL, NULL);
  g_object_unref (server->process);
  hibachi_test_remove_dir (server->dir);
  g_free (server->dir);
  g_free (server->url);
  g_free (server);
}
