/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Startup from exec, like for like with GNOME Text Editor, in one run.
 *
 * A hibachi-server subprocess with demo bookings; one sign-in so the keyring
 * holds a session to restore. Then, RUNS times each, taking turns: the real
 * hibachi-admin executable restoring that session, and gnome-text-editor
 * (when installed). Each run: a fresh HOME and XDG dirs, the cursor not
 * blinking, GSK_RENDERER=cairo, the same X display; the clock is
 * CLOCK_MONOTONIC from just before exec (as ../shared/tools/xstartwatch.c):
 *   paint  exec → first X damage after which the window is not one colour
 *          (first contentful frame), watched with XDamage for both apps;
 *   rows   ours only: exec → the first frame painted with booking rows, as
 *          the app tells it with HIBACHI_TRACE_STARTUP set;
 *   CPU    ours only: the main thread's CPU time until then, as the app
 *          tells it. Less sensitive than wall time to a busy machine, for
 *          comparing two versions of ours; not a figure against the editor;
 *   frame  ours only: the frame that showed rows, in three parts, as the app
 *          tells it: window realized → the frame began (present, map, the
 *          frame clock's wait), its layout, its paint (snapshot, render).
 * Run 1 of each is a warm-up and discarded. Prints min / median / max and
 * ours (rows) / GNOME Text Editor (paint). Never fails on time. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "hibachi-bench-server.h"
#include "hibachi-test-server.h"

#define TIMEOUT_US (30 * G_USEC_PER_SEC)

typedef struct
{
  double paint_ms;
  double rows_ms;      /* < 0: the app said nothing */
  double cpu_ms;       /* the app's main thread until rows; < 0: not said */
  /* The frame that showed rows, as the app tells it (< 0: not said):
   * window realized → that frame began, its layout, its paint. */
  double wait_ms, layout_ms, draw_ms;
} Run;

/* The number after @name in the line at @line, as µs; -1 when not there. */
static gint64
said_us (const char *line,
         const char *name)
{
  const char *at = strstr (line, name);

  if (at == NULL || at > strchr (line, '\n'))
    return -1;
  return g_ascii_strtoll (at + strlen (name), NULL, 10);
}

static int
ignore_errors_cb (Display *display, XErrorEvent *event)
{
  return 0;
}

static double
since_ms (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* Sampled pixels (every 4th row and column) that differ from pixel (0,0). */
static long
window_nonuniform (Display *display, Window window)
{
  XWindowAttributes attributes;
  XImage *image;
  unsigned long first;
  long n = 0;

  if (!XGetWindowAttributes (display, window, &attributes))
    return -1;
  image = XGetImage (display, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return -1;
  first = XGetPixel (image, 0, 0) & 0xffffff;
  for (int y = 0; y < attributes.height; y += 4)
    for (int x = 0; x < attributes.width; x += 4)
      n += (XGetPixel (image, x, y) & 0xffffff) != first;
  XDestroyImage (image);
  return n;
}

static void
end_child (pid_t pid)
{
  kill (-pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return;
      g_usleep (10000);
    }
  kill (-pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

/* A fresh HOME with XDG dirs below it, as ../shared/tools/startup.sh makes;
 * @settings, when given, is GSettings' keyfile. Returns the environment. */
static char **
fresh_environment (const char *home,
                   const char *settings)
{
  char **env = g_get_environ ();
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  g_autofree char *gtk = g_build_filename (config, "gtk-4.0", NULL);
  g_autofree char *gtk_ini = g_build_filename (gtk, "settings.ini", NULL);
  g_autofree char *glib = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (glib, "keyfile", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);

  g_mkdir_with_parents (gtk, 0700);
  g_mkdir_with_parents (glib, 0700);
  g_mkdir_with_parents (runtime, 0700);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_mkdir_with_parents (state, 0700);
  /* No XSETTINGS daemon under Xvfb, so GTK reads this file. */
  g_file_set_contents (gtk_ini, "[Settings]\ngtk-cursor-blink=false\n", -1, NULL);

  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "ADW_DISABLE_PORTAL", "1", TRUE);
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", runtime, TRUE);
  if (settings != NULL)
    {
      /* A new process reads the server and account from here, as it would
       * from dconf on a desktop. */
      g_file_set_contents (keyfile, settings, -1, NULL);
      env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
      env = g_environ_setenv (env, "HIBACHI_TRACE_STARTUP", "1", TRUE);
    }
  else
    env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);

  return env;
}

/* Runs @argv with @env; fills @run. Returns FALSE on a timeout or exit. */
static gboolean
measure_run (Display    *display,
             char      **argv,
             char      **env,
             gboolean    wait_rows,
             Run        *run)
{
  Window root = DefaultRootWindow (display), target = None;
  Damage damage = None;
  int damage_event, damage_error, fds[2];
  char buffer[512];
  GString *said = g_string_new (NULL);
  gboolean ok = FALSE;
  gint64 t0;
  pid_t pid;

  run->paint_ms = run->rows_ms = run->cpu_ms = run->wait_ms = run->layout_ms = run->draw_ms = -1;
  XDamageQueryExtension (display, &damage_event, &damage_error);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);
  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, NULL));

  t0 = g_get_monotonic_time ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      setpgid (0, 0);
      dup2 (fds[1], STDERR_FILENO);
      execve (argv[0], argv, env);
      _exit (127);
    }
  setpgid (pid, pid);
  close (fds[1]);

  while (g_get_monotonic_time () - t0 < TIMEOUT_US)
    {
      struct pollfd pfd[2] = { { ConnectionNumber (display), POLLIN, 0 }, { fds[0], POLLIN, 0 } };
      XEvent event;

      if (run->paint_ms >= 0 && (!wait_rows || run->rows_ms >= 0))
        {
          ok = TRUE;
          break;
        }
      if (!XPending (display))
        {
          poll (pfd, fds[0] >= 0 ? 2 : 1, 20);
          if (fds[0] >= 0 && (pfd[1].revents & (POLLIN | POLLHUP)))
            {
              ssize_t n = read (fds[0], buffer, sizeof buffer);
              const char *at;

              if (n <= 0)
                {
                  close (fds[0]);
                  fds[0] = -1;
                  continue;
                }
              g_string_append_len (said, buffer, n);
              at = strstr (said->str, "first rows painted at ");
              if (at != NULL && strchr (at, '\n') != NULL)
                {
                  gint64 rows = said_us (at, "first rows painted at "), cpu = said_us (at, "main thread CPU ");
                  gint64 realized = said_us (at, "realized at "), frame = said_us (at, "frame began at ");
                  gint64 laid_out = said_us (at, "laid out at ");

                  run->rows_ms = (rows - t0) / 1000.0;
                  if (cpu >= 0)
                    run->cpu_ms = cpu / 1000.0;
                  if (realized > 0 && frame >= realized && laid_out >= frame && rows >= laid_out)
                    {
                      run->wait_ms = (frame - realized) / 1000.0;
                      run->layout_ms = (laid_out - frame) / 1000.0;
                      run->draw_ms = (rows - laid_out) / 1000.0;
                    }
                }
            }
          if (waitpid (pid, NULL, WNOHANG) == pid)
            {
              printf ("  (exited early: %s)\n", said->str);
              pid = 0;
              break;
            }
          continue;
        }
      XNextEvent (display, &event);
      /* The first top-level window mapped (no window manager: viewable). */
      if (event.type == MapNotify && target == None && !event.xmap.override_redirect &&
          event.xmap.event == root)
        {
          target = event.xmap.window;
          damage = XDamageCreate (display, target, XDamageReportNonEmpty);
        }
      else if (event.type == damage_event + XDamageNotify && target != None &&
               ((XDamageNotifyEvent *) &event)->drawable == target)
        {
          double ms = since_ms (t0);

          XDamageSubtract (display, damage, None, None);
          /* The server's own background clear is one colour: not a frame. */
          if (run->paint_ms < 0 && window_nonuniform (display, target) > 0)
            run->paint_ms = ms;
        }
    }
  if (damage != None)
    XDamageDestroy (display, damage);
  XSelectInput (display, root, NoEventMask);
  XSync (display, True);
  if (pid > 0)
    end_child (pid);
  if (fds[0] >= 0)
    close (fds[0]);
  /* HIBACHI_BENCH_VERBOSE: what the app wrote on stderr, times from exec. */
  if (g_getenv ("HIBACHI_BENCH_VERBOSE") != NULL)
    printf ("  exec at %" G_GINT64_FORMAT " us; the app said:\n%s", t0, said->str);
  if (!ok && pid > 0)
    printf ("  (no %s within %d s)\n", run->paint_ms < 0 ? "paint" : "rows", (int) (TIMEOUT_US / G_USEC_PER_SEC));
  g_string_free (said, TRUE);
  return ok;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Prints min / median / max of @ms; returns the median (-1: none). */
static double
report (const char *what, GArray *ms)
{
  double median;

  if (ms->len == 0)
    {
      printf ("%-52s no runs\n", what);
      return -1;
    }
  g_array_sort (ms, compare_double);
  median = ms->len % 2 ? g_array_index (ms, double, ms->len / 2)
                       : (g_array_index (ms, double, ms->len / 2 - 1) + g_array_index (ms, double, ms->len / 2)) / 2;
  printf ("%-52s %7.1f %7.1f %7.1f   (n=%u)\n", what, g_array_index (ms, double, 0), median,
          g_array_index (ms, double, ms->len - 1), ms->len);
  return median;
}

int
main (int argc, char *argv[])
{
  const char *bookings = g_getenv ("HIBACHI_BENCH_BOOKINGS") ? g_getenv ("HIBACHI_BENCH_BOOKINGS") : "100000";
  int runs = g_getenv ("HIBACHI_BENCH_RUNS") ? atoi (g_getenv ("HIBACHI_BENCH_RUNS")) : 6;
  /* Our window's size: the screen's by default. The editor opens at its
   * own default (700 × 520 with GNOME Text Editor 43), whatever this is. */
  const char *size = g_getenv ("HIBACHI_BENCH_SIZE") ? g_getenv ("HIBACHI_BENCH_SIZE") : "1280x1024";
  int width = 1280, height = 1024;
  g_autofree char *settings = NULL, *editor = NULL;
  HibachiBenchServer *server;
  g_autoptr(GArray) ours_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_rows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) editor_paint = g_array_new (FALSE, FALSE, sizeof (double));
  double ours_median, editor_median;
  Display *display;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-startup HIBACHI-SERVER HIBACHI-ADMIN\n");
      return 2;
    }
  setvbuf (stdout, NULL, _IOLBF, 0);
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-startup: no X display\n");
      return 77;
    }
  fcntl (ConnectionNumber (display), F_SETFD, FD_CLOEXEC);
  XSetErrorHandler (ignore_errors_cb);

  if (sscanf (size, "%dx%d", &width, &height) != 2 || width < 360 || height < 300)
    {
      fprintf (stderr, "bench-startup: HIBACHI_BENCH_SIZE is WIDTHxHEIGHT, at least 360x300\n");
      return 2;
    }
  server = hibachi_bench_server_start (argv[1], bookings, "startup");
  settings = g_strdup_printf ("[com/myhibachichef/Admin]\nserver-url='%s'\nlast-account='owner@demo.test'\n"
                              "window-width=%d\nwindow-height=%d\n", server->url, width, height);
  editor = g_find_program_in_path ("gnome-text-editor");
  printf ("%s bookings, %d runs each (run 1 a warm-up), GSK_RENDERER=cairo, cursor blink off, fresh HOME per run, "
          "our window %d × %d\n", bookings, runs, width, height);
  if (editor == NULL)
    printf ("gnome-text-editor is not installed: ours only, no ratio\n");

  for (int i = 1; i <= runs; i++)
    {
      char *ours_argv[] = { argv[2], NULL };
      char *editor_argv[] = { editor, NULL };
      g_autofree char *home = g_build_filename (server->dir, "home", NULL);
      Run run;

      {
        g_auto(GStrv) env = fresh_environment (home, settings);

        if (measure_run (display, ours_argv, env, TRUE, &run))
          {
            printf ("%s ours:   paint %7.1f ms   rows %7.1f ms   main thread CPU %7.1f ms\n",
                    i == 1 ? "warm-up" : "run    ", run.paint_ms, run.rows_ms, run.cpu_ms);
            if (i > 1)
              {
                g_array_append_val (ours_paint, run.paint_ms);
                g_array_append_val (ours_rows, run.rows_ms);
                if (run.cpu_ms >= 0)
                  g_array_append_val (ours_cpu, run.cpu_ms);
                if (run.wait_ms >= 0)
                  {
                    g_array_append_val (ours_wait, run.wait_ms);
                    g_array_append_val (ours_layout, run.layout_ms);
                    g_array_append_val (ours_draw, run.draw_ms);
                  }
              }
          }
        hibachi_test_remove_dir (home);
      }
      if (editor != NULL)
        {
          g_auto(GStrv) env = fresh_environment (home, NULL);

          if (measure_run (display, editor_argv, env, FALSE, &run))
            {
              printf ("%s editor: paint %7.1f ms\n", i == 1 ? "warm-up" : "run    ", run.paint_ms);
              if (i > 1)
                g_array_append_val (editor_paint, run.paint_ms);
            }
          hibachi_test_remove_dir (home);
        }
    }

  printf ("\nexec → (ms)                                              min  median     max\n");
  report ("ours: first contentful paint (window frame)", ours_paint);
  ours_median = report ("ours: restored session → first rows painted", ours_rows);
  editor_median = report ("GNOME Text Editor: first contentful paint", editor_paint);
  report ("ours: main thread CPU time until first rows", ours_cpu);
  printf ("the frame that showed rows (ms)\n");
  report ("ours: window realized → that frame began", ours_wait);
  report ("ours: its layout", ours_layout);
  report ("ours: its paint (snapshot, render)", ours_draw);
  if (ours_median > 0 && editor_median > 0)
    printf ("ours rows / GNOME Text Editor paint, medians: %.2f (goal: 1.00 at most)\n", ours_median / editor_median);

  hibachi_bench_server_stop (server);
  XCloseDisplay (display);
  return 0;
}
