/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-demo-server"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hibachi-demo-server.h"

struct _HibachiDemoServer
{
  GObject           parent_instance;
  GSubprocess      *process;
  GDataInputStream *output;
};

G_DEFINE_FINAL_TYPE (HibachiDemoServer, hibachi_demo_server, G_TYPE_OBJECT)

static void
hibachi_demo_server_dispose (GObject *object)
{
  HibachiDemoServer *self = HIBACHI_DEMO_SERVER (object);

  hibachi_demo_server_stop (self);

  G_OBJECT_CLASS (hibachi_demo_server_parent_class)->dispose (object);
}

static void
hibachi_demo_server_class_init (HibachiDemoServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hibachi_demo_server_dispose;
}

static void
hibachi_demo_server_init (HibachiDemoServer *self)
{
}

HibachiDemoServer *
hibachi_demo_server_new (void)
{
  return g_object_new (HIBACHI_TYPE_DEMO_SERVER, NULL);
}

char *
hibachi_demo_server_find_binary (void)
{
  const char *path = g_getenv ("HIBACHI_SERVER_BINARY");

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_build_filename (BINDIR, "hibachi-server", NULL);
}

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDemoServer *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);

  if (line == NULL || !g_str_has_prefix (line, "Listening on "))
    {
      hibachi_demo_server_stop (self);
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("The demo server did not start."));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_strdup (line + strlen ("Listening on ")), g_free);
}

void
hibachi_demo_server_start_async (HibachiDemoServer   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *binary = hibachi_demo_server_find_binary ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hibachi-admin", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  GError *error = NULL;

  hibachi_demo_server_stop (self);
  g_mkdir_with_parents (dir, 0700);

  self->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                    binary, "--demo", "--address", "127.0.0.1", "--port", "0", "--db", db, NULL);
  if (self->process == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Cannot start the demo server %s: %s"), binary, error->message);
      g_error_free (error);
      g_object_unref (task);
      return;
    }

  self->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_data_input_stream_read_line_async (self->output, G_PRIORITY_DEFAULT, cancellable, line_cb, task);
}

char *
hibachi_demo_server_start_finish (HibachiDemoServer  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hibachi_demo_server_stop (HibachiDemoServer *self)
{
  g_clear_object (&self->output);
  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_clear_object (&self->process);
    }
}
