/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The hibachi-server program itself, as a subprocess: options, the first
 * stdout line, clean stops and surviving a kill. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

typedef struct
{
  GSubprocess *process;
  char        *url;
} Running;

static const char *
server_path (void)
{
  const char *path = g_getenv ("HIBACHI_SERVER");

  g_assert_nonnull (path);
  return path;
}

static void
start (Running *run, const char *db, const char * const *extra)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_ptr_array_add (argv, (char *) server_path ());
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, NULL);

  run->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));
  run->url = g_strdup (line + strlen ("Listening on "));
}

static guint
get_status (Running *run, const char *path, GBytes **out_body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (run->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  if (out_body)
    *out_body = g_steal_pointer (&body);

  return soup_message_get_status (msg);
}

static void
stop (Running *run, int signal_number, gboolean expect_clean)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (run->process, signal_number);
  g_subprocess_wait (run->process, NULL, &error);
  g_assert_no_error (error);
  if (expect_clean)
    {
      g_assert_true (g_subprocess_get_if_exited (run->process));
      g_assert_cmpint (g_subprocess_get_exit_status (run->process), ==, 0);
    }
  g_clear_object (&run->process);
  g_clear_pointer (&run->url, g_free);
}

static void
test_demo_refuses_non_loopback (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hibachi-program-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  const char *argv[] = { server_path (), "--demo", "--address", "0.0.0.0", "--port", "0", "--db", db, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (p, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (p), !=, 0);
  g_assert_nonnull (strstr (err, "loopback"));
  /* Nothing was created either. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_lifecycle (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hibachi-program-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  const char *demo[] = { "--demo", "--demo-bookings", "30", NULL };
  Running run = { 0 };
  g_autoptr(GBytes) body = NULL;

  start (&run, db, demo);
  g_assert_cmpuint (get_status (&run, "/health/ready", NULL), ==, 200);
  stop (&run, SIGTERM, TRUE);

  /* Restarted without --demo, the data is still there and the server works. */
  start (&run, db, NULL);
  g_assert_cmpuint (get_status (&run, "/health/ready", &body), ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "\"database\":\"ok\""));

  /* A kill does not corrupt the database: it opens and answers afterwards. */
  stop (&run, SIGKILL, FALSE);
  start (&run, db, NULL);
  g_assert_cmpuint (get_status (&run, "/health/ready", NULL), ==, 200);
  stop (&run, SIGINT, TRUE);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/server-program/demo-refuses-non-loopback", test_demo_refuses_non_loopback);
  g_test_add_func ("/hibachi/server-program/lifecycle", test_lifecycle);

  return g_test_run ();
}
