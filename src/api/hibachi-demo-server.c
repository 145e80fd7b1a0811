/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-demo-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hibachi-demo-server.h"

/* The running server holds an flock on LOCK_FILE through a descriptor it
 * inherits: the lock is free exactly when no server runs, whoever started
 * it and however it ended. The launcher that started it writes its address
 * and process id to STATE_FILE for the others. */
#define LOCK_FILE "demo-server.lock"
#define STATE_FILE "demo-server.ini"
#define STATE_GROUP "Demo Server"
/* How long a launcher waits for a server another one is starting. */
#define WAIT_FOR_OTHER_US (60 * G_USEC_PER_SEC)
#define WATCH_INTERVAL_MS 500
#define RESTART_BACKOFF_US (10 * G_USEC_PER_SEC)

struct _HibachiDemoServer
{
  GObject           parent_instance;
  char             *data_dir;
  char             *url;
  GPid              pid;
  GSubprocess      *process;      /* when this launcher started the running server */
  GDataInputStream *output;       /* its stdout */
  GCancellable     *cancellable;  /* of the start or restart in progress */
  guint             watch_id;
  gboolean          restarting;
  gint64            next_restart;
};

G_DEFINE_FINAL_TYPE (HibachiDemoServer, hibachi_demo_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_URL,
  PROP_PID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint  port;       /* wanted port; 0: any */
  gint64 deadline;   /* of the wait for another launcher's server */
  guint  retry_id;
} Start;

static void
start_free (gpointer data)
{
  Start *start = data;

  g_clear_handle_id (&start->retry_id, g_source_remove);
  g_free (start);
}

static void attempt (GTask *task);

static void
hibachi_demo_server_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HibachiDemoServer *self = HIBACHI_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PID:
      g_value_set_int (value, self->pid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_demo_server_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HibachiDemoServer *self = HIBACHI_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      if (self->data_dir == NULL)
        self->data_dir = g_build_filename (g_get_user_data_dir (), "hibachi-admin", NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_demo_server_dispose (GObject *object)
{
  HibachiDemoServer *self = HIBACHI_DEMO_SERVER (object);

  hibachi_demo_server_stop (self);

  G_OBJECT_CLASS (hibachi_demo_server_parent_class)->dispose (object);
}

static void
hibachi_demo_server_finalize (GObject *object)
{
  HibachiDemoServer *self = HIBACHI_DEMO_SERVER (object);

  g_free (self->data_dir);
  g_free (self->url);

  G_OBJECT_CLASS (hibachi_demo_server_parent_class)->finalize (object);
}

static void
hibachi_demo_server_class_init (HibachiDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hibachi_demo_server_get_property;
  object_class->set_property = hibachi_demo_server_set_property;
  object_class->dispose = hibachi_demo_server_dispose;
  object_class->finalize = hibachi_demo_server_finalize;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PID] =
    g_param_spec_int ("pid", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_demo_server_init (HibachiDemoServer *self)
{
}

HibachiDemoServer *
hibachi_demo_server_new (void)
{
  return hibachi_demo_server_new_for_dir (NULL);
}

HibachiDemoServer *
hibachi_demo_server_new_for_dir (const char *data_dir)
{
  return g_object_new (HIBACHI_TYPE_DEMO_SERVER, "data-dir", data_dir, NULL);
}

char *
hibachi_demo_server_find_binary (void)
{
  const char *path = g_getenv ("HIBACHI_SERVER_BINARY");

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_build_filename (BINDIR, "hibachi-server", NULL);
}

const char *
hibachi_demo_server_get_url (HibachiDemoServer *self)
{
  g_return_val_if_fail (HIBACHI_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

GPid
hibachi_demo_server_get_pid (HibachiDemoServer *self)
{
  g_return_val_if_fail (HIBACHI_IS_DEMO_SERVER (self), 0);

  return self->pid;
}

static void
set_running (HibachiDemoServer *self,
             const char        *url,
             GPid               pid)
{
  if (g_strcmp0 (self->url, url) != 0)
    {
      g_free (self->url);
      self->url = g_strdup (url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
    }
  if (self->pid != pid)
    {
      self->pid = pid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PID]);
    }
}

static char *
data_file (HibachiDemoServer *self,
           const char        *name)
{
  return g_build_filename (self->data_dir, name, NULL);
}

/* The lock if no server runs (a descriptor to hand to the one we start),
 * else -1 with errno EWOULDBLOCK, or -1 with @error set. */
static int
try_lock (HibachiDemoServer  *self,
          GError            **error)
{
  g_autofree char *path = data_file (self, LOCK_FILE);
  int fd;

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0 ||
      (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot open %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    return fd;

  {
    int saved_errno = errno;

    close (fd);
    errno = saved_errno;
    if (saved_errno != EWOULDBLOCK)
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot lock %s: %s"), path, g_strerror (saved_errno));
  }

  return -1;
}

/* What the launcher of the running server wrote; FALSE until it has. */
static gboolean
read_state (HibachiDemoServer  *self,
            char              **url,
            GPid               *pid)
{
  g_autofree char *path = data_file (self, STATE_FILE);
  g_autoptr(GKeyFile) state = g_key_file_new ();

  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  *url = g_key_file_get_string (state, STATE_GROUP, "URL", NULL);
  *pid = (GPid) g_key_file_get_integer (state, STATE_GROUP, "PID", NULL);

  if (*url == NULL || *pid <= 0)
    {
      g_clear_pointer (url, g_free);
      return FALSE;
    }

  return TRUE;
}

static void
write_state (HibachiDemoServer *self,
             const char        *url,
             GPid               pid)
{
  g_autofree char *path = data_file (self, STATE_FILE);
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_set_string (state, STATE_GROUP, "URL", url);
  g_key_file_set_integer (state, STATE_GROUP, "PID", pid);
  /* Without it a second launcher waits and gives up: say why. */
  if (!g_key_file_save_to_file (state, path, &error))
    g_warning ("Cannot write %s: %s", path, error->message);
}

static guint
port_of (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_port (uri) > 0 ? (guint) g_uri_get_port (uri) : 0;
}

/* Runs in the child between fork and exec: async-signal-safe calls only. */
static void
child_setup_cb (gpointer data)
{
#ifdef __linux__
  /* SIGTERM (a clean stop) when the app ends, even by SIGKILL. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  /* The app may have died before the line above. */
  if (getppid () != (pid_t) GPOINTER_TO_INT (data))
    _exit (1);
#endif
}

typedef struct
{
  GTask            *task;
  GSubprocess      *process;
  GDataInputStream *output;
} Spawned;

static void
failed_server_exited_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Start *start = g_task_get_task_data (task);

  /* It could not listen on the wanted port: any port, now that it is gone
   * and so is its lock. */
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  start->port = 0;
  attempt (g_steal_pointer (&task));
}

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Spawned *spawned = user_data;
  g_autoptr(GTask) task = spawned->task;
  g_autoptr(GSubprocess) process = spawned->process;
  g_autoptr(GDataInputStream) output = spawned->output;
  HibachiDemoServer *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  const char *url;
  GPid pid;

  g_free (spawned);

  if (line == NULL || !g_str_has_prefix (line, "Listening on "))
    {
      g_subprocess_send_signal (process, SIGTERM);
      if (error != NULL)
        g_task_return_error (task, error);
      else if (g_task_return_error_if_cancelled (task))
        ;
      else if (start->port != 0)
        g_subprocess_wait_async (process, NULL, failed_server_exited_cb, g_steal_pointer (&task));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The demo server did not start."));
      return;
    }

  url = line + strlen ("Listening on ");
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  write_state (self, url, pid);
  g_set_object (&self->process, process);
  /* Kept open: a closed pipe would kill the server at its next line. */
  g_set_object (&self->output, output);
  set_running (self, url, pid);
  g_task_return_pointer (task, g_strdup (url), g_free);
}

/* Starts the server on @lock_fd, the lock it will hold while it runs. */
static void
spawn_server (GTask *task,
              int    lock_fd)
{
  HibachiDemoServer *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *binary = hibachi_demo_server_find_binary ();
  g_autofree char *db = data_file (self, "demo.db");
  g_autofree char *state = data_file (self, STATE_FILE);
  g_autofree char *port = g_strdup_printf ("%u", start->port);
  Spawned *spawned;
  GSubprocess *process;
  GError *error = NULL;

  /* We hold the lock: what the file says is about a server that is gone. */
  g_unlink (state);

  g_subprocess_launcher_take_fd (launcher, lock_fd, 3);
  g_subprocess_launcher_set_child_setup (launcher, child_setup_cb, GINT_TO_POINTER (getpid ()), NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--demo", "--address", "127.0.0.1",
                                         "--port", port, "--db", db, NULL);
  /* Closes our copy of the lock's descriptor: from now on only the server
   * holds it. */
  g_clear_object (&launcher);
  if (process == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Cannot start the demo server %s: %s"), binary, error->message);
      g_error_free (error);
      g_object_unref (task);
      return;
    }

  spawned = g_new0 (Spawned, 1);
  spawned->task = task;
  spawned->process = process;
  spawned->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (spawned->output, G_PRIORITY_DEFAULT, g_task_get_cancellable (task), line_cb, spawned);
}

static gboolean
retry_cb (gpointer data)
{
  GTask *task = data;
  Start *start = g_task_get_task_data (task);

  start->retry_id = 0;
  attempt (task);

  return G_SOURCE_REMOVE;
}

/* Takes @task: starts a server if none runs, else uses the running one once
 * its launcher has said where it listens. */
static void
attempt (GTask *task)
{
  HibachiDemoServer *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  GError *error = NULL;
  GPid pid;
  int fd;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  fd = try_lock (self, &error);
  if (fd >= 0)
    {
      spawn_server (task, fd);
      return;
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (read_state (self, &url, &pid))
    {
      g_clear_object (&self->process);
      g_clear_object (&self->output);
      set_running (self, url, pid);
      g_task_return_pointer (task, g_steal_pointer (&url), g_free);
      g_object_unref (task);
      return;
    }

  if (start->deadline == 0)
    start->deadline = g_get_monotonic_time () + WAIT_FOR_OTHER_US;
  if (g_get_monotonic_time () > start->deadline)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               _("Another Hibachi Admin is starting the demo server, and it does not answer."));
      g_object_unref (task);
      return;
    }
  start->retry_id = g_timeout_add (100, retry_cb, task);
}

static void
run (HibachiDemoServer   *self,
     guint                port,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Start *start = g_new0 (Start, 1);

  g_task_set_source_tag (task, hibachi_demo_server_start_async);
  start->port = port;
  g_task_set_task_data (task, start, start_free);
  attempt (task);
}

static void
restarted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_task_propagate_pointer (G_TASK (result), &error);
  HibachiDemoServer *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = HIBACHI_DEMO_SERVER (source);
  self->restarting = FALSE;
  if (url == NULL)
    {
      /* The app shows the connection as offline meanwhile. */
      g_message ("Cannot restart the demo server: %s", error->message);
      self->next_restart = g_get_monotonic_time () + RESTART_BACKOFF_US;
    }
}

static gboolean
watch_cb (gpointer data)
{
  HibachiDemoServer *self = data;
  g_autofree char *url = NULL;
  GPid pid;
  int fd;

  if (self->restarting || g_get_monotonic_time () < self->next_restart)
    return G_SOURCE_CONTINUE;

  fd = try_lock (self, NULL);
  if (fd >= 0)
    {
      /* No server any more: the same database on the same port, so that
       * clients reconnect without knowing. */
      close (fd);
      g_clear_object (&self->process);
      g_clear_object (&self->output);
      self->restarting = TRUE;
      run (self, port_of (self->url), self->cancellable, restarted_cb, NULL);
    }
  /* Another launcher may have restarted it first. */
  else if (read_state (self, &url, &pid))
    set_running (self, url, pid);

  return G_SOURCE_CONTINUE;
}

static void
started_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDemoServer *self = g_task_get_source_object (task);
  GError *error = NULL;
  char *url = g_task_propagate_pointer (G_TASK (result), &error);

  if (url == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->watch_id == 0)
    self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
  g_task_return_pointer (task, url, g_free);
}

void
hibachi_demo_server_start_async (HibachiDemoServer   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HIBACHI_IS_DEMO_SERVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_demo_server_start_async);
  hibachi_demo_server_stop (self);
  self->cancellable = g_cancellable_new ();
  run (self, 0, cancellable, started_cb, task);
}

char *
hibachi_demo_server_start_finish (HibachiDemoServer  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hibachi_demo_server_stop (HibachiDemoServer *self)
{
  g_return_if_fail (HIBACHI_IS_DEMO_SERVER (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->restarting = FALSE;
  self->next_restart = 0;
  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_clear_object (&self->process);
    }
  g_clear_object (&self->output);
}
