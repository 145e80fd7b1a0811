/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo server's lifecycle with the real hibachi-server program: it dies
 * with the app that started it (SIGTERM, SIGKILL), a second app uses the
 * running one, and a server that dies is started again on the same
 * database. Apps are this program run as "--launcher DIR". */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "hibachi-client.h"
#include "hibachi-demo-server.h"
#include "hibachi-test-wait.h"

static char *self_path;

/* --launcher DIR: an app using the demo server; prints "URL PID" for every
 * server it uses, until killed. */

static void
print_running_cb (HibachiDemoServer *demo)
{
  printf ("%s %d\n", hibachi_demo_server_get_url (demo), (int) hibachi_demo_server_get_pid (demo));
  fflush (stdout);
}

static void
launcher_started_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hibachi_demo_server_start_finish (HIBACHI_DEMO_SERVER (source), result, &error);

  if (url == NULL)
    g_error ("%s", error->message);
  print_running_cb (HIBACHI_DEMO_SERVER (source));
  g_signal_connect (source, "notify::pid", G_CALLBACK (print_running_cb), NULL);
}

static int
run_launcher (const char *dir)
{
  g_autoptr(HibachiDemoServer) demo = hibachi_demo_server_new_for_dir (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  hibachi_demo_server_start_async (demo, NULL, launcher_started_cb, NULL);
  g_main_loop_run (loop);

  return 0;
}

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
} Launcher;

static Launcher *
launcher_new (const char *dir)
{
  Launcher *launcher = g_new0 (Launcher, 1);
  g_autoptr(GError) error = NULL;

  launcher->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                        self_path, "--launcher", dir, NULL);
  g_assert_no_error (error);
  launcher->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (launcher->process));

  return launcher;
}

/* The next server the launcher reports using. */
static char *
launcher_next (Launcher *launcher,
               GPid     *pid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = NULL;

  g_data_input_stream_read_line_async (launcher->output, G_PRIORITY_DEFAULT, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  line = g_data_input_stream_read_line_finish_utf8 (launcher->output, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  parts = g_strsplit (line, " ", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_str_has_prefix (parts[0], "http://127.0.0.1:"));
  *pid = (GPid) g_ascii_strtoll (parts[1], NULL, 10);
  g_assert_cmpint (*pid, >, 0);

  return g_strdup (parts[0]);
}

static void
launcher_kill (Launcher *launcher,
               int       signal_number)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (launcher->process, signal_number);
  g_subprocess_wait (launcher->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (launcher->process));
}

static void
launcher_free (Launcher *launcher)
{
  g_clear_object (&launcher->output);
  g_clear_object (&launcher->process);
  g_free (launcher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Launcher, launcher_free)

/* This process adopts orphans (prctl in main): a server whose app died is
 * our child, and we see how it ended. */
static void
wait_orphan_exit (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  int status = 0;
  pid_t ended;

  while ((ended = waitpid (pid, &status, WNOHANG)) != pid)
    {
      if (ended < 0 && errno != ECHILD)
        g_error ("waitpid: %s", g_strerror (errno));
      if (g_get_monotonic_time () > deadline)
        g_error ("The demo server %d still runs", (int) pid);
      g_usleep (50 * 1000);
    }

  /* Stopped by SIGTERM, cleanly: the database is closed properly. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static guint
get_status (const char *url,
            const char *path,
            GError    **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, error);

  return body != NULL ? soup_message_get_status (msg) : 0;
}

static void
assert_answers (const char *url)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (get_status (url, "/health/ready", &error), ==, 200);
  g_assert_no_error (error);
}

static void
assert_gone (const char *url)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (get_status (url, "/health/ready", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

/* The app's client, signed in as the demo owner. */
static HibachiClient *
signed_in_client (const char *url)
{
  g_autoptr(HibachiClient) client = hibachi_client_new (url);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiRequestOptions options = { .no_auth = TRUE };
  JsonObject *object;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, HIBACHI_DEMO_EMAIL);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, HIBACHI_DEMO_SERVER_PASSWORD);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  hibachi_client_request_async (client, "POST", "/api/auth/login", body, &options, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  reply = hibachi_client_request_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  object = json_node_get_object (reply);
  hibachi_client_set_tokens (client, json_object_get_string_member (object, "access_token"),
                             json_object_get_string_member (object, "refresh_token"),
                             g_get_real_time () / G_USEC_PER_SEC + json_object_get_int_member (object, "expires_in"));

  return g_steal_pointer (&client);
}

/* Who the server says the client is: the session is still known. */
static void
assert_still_signed_in (HibachiClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;

  hibachi_client_request_async (client, "GET", "/api/auth/me", NULL, NULL, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  reply = hibachi_client_request_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply), "email"), ==, HIBACHI_DEMO_EMAIL);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hibachi-demo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_dies_with_app (gconstpointer data)
{
  int signal_number = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir ();
  g_autoptr(Launcher) app = launcher_new (dir);
  g_autofree char *url = NULL;
  GPid pid;

  url = launcher_next (app, &pid);
  assert_answers (url);

  launcher_kill (app, signal_number);
  wait_orphan_exit (pid);
  assert_gone (url);
  remove_dir (dir);
}

static void
test_second_app_uses_running (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(Launcher) first = launcher_new (dir);
  g_autoptr(Launcher) second = NULL;
  g_autoptr(HibachiClient) client = NULL;
  g_autofree char *url = NULL;
  g_autofree char *second_url = NULL;
  g_autofree char *restarted_url = NULL;
  GPid pid, second_pid, restarted_pid;

  url = launcher_next (first, &pid);
  second = launcher_new (dir);
  second_url = launcher_next (second, &second_pid);
  /* One server, not a second one on the same database. */
  g_assert_cmpstr (second_url, ==, url);
  g_assert_cmpint (second_pid, ==, pid);
  client = signed_in_client (url);

  /* The first app goes, and its server with it; the second app starts it
   * again, on the same database and port: the session still works. */
  launcher_kill (first, SIGKILL);
  wait_orphan_exit (pid);
  restarted_url = launcher_next (second, &restarted_pid);
  g_assert_cmpint (restarted_pid, !=, pid);
  g_assert_cmpstr (restarted_url, ==, url);
  assert_still_signed_in (client);

  launcher_kill (second, SIGTERM);
  wait_orphan_exit (restarted_pid);
  remove_dir (dir);
}

static void
test_restarted_after_kill (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(HibachiDemoServer) demo = hibachi_demo_server_new_for_dir (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiClient) client = NULL;
  g_autofree char *url = NULL;
  GPid pid;

  hibachi_demo_server_start_async (demo, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  url = hibachi_demo_server_start_finish (demo, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, hibachi_demo_server_get_url (demo));
  pid = hibachi_demo_server_get_pid (demo);
  client = signed_in_client (url);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  WAIT_FOR (hibachi_demo_server_get_pid (demo) != pid);
  g_assert_cmpint (hibachi_demo_server_get_pid (demo), >, 0);
  /* Same address and database: the app's client carries on signed in. */
  g_assert_cmpstr (hibachi_demo_server_get_url (demo), ==, url);
  assert_still_signed_in (client);

  /* The app quits: its server stops. */
  hibachi_demo_server_stop (demo);
  WAIT_FOR (get_status (url, "/health/ready", NULL) == 0);
  remove_dir (dir);
}

static void
test_missing_binary (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(HibachiDemoServer) demo = hibachi_demo_server_new_for_dir (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("HIBACHI_SERVER_BINARY"));
  g_autofree char *url = NULL;

  g_setenv ("HIBACHI_SERVER_BINARY", "/nonexistent/hibachi-server", TRUE);
  hibachi_demo_server_start_async (demo, NULL, hibachi_test_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_setenv ("HIBACHI_SERVER_BINARY", saved, TRUE);

  url = hibachi_demo_server_start_finish (demo, result, &error);
  g_assert_null (url);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/hibachi-server"));
  g_assert_null (hibachi_demo_server_get_url (demo));
  remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--launcher"))
    return run_launcher (argv[2]);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_assert_cmpint (prctl (PR_SET_CHILD_SUBREAPER, 1), ==, 0);
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/hibachi/demo-server/dies-with-app-sigterm", GINT_TO_POINTER (SIGTERM), test_dies_with_app);
  g_test_add_data_func ("/hibachi/demo-server/dies-with-app-sigkill", GINT_TO_POINTER (SIGKILL), test_dies_with_app);
  g_test_add_func ("/hibachi/demo-server/second-app-uses-running", test_second_app_uses_running);
  g_test_add_func ("/hibachi/demo-server/restarted-after-kill", test_restarted_after_kill);
  g_test_add_func ("/hibachi/demo-server/missing-binary", test_missing_binary);

  return g_test_run ();
}
