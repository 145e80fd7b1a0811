/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app against a hibachi-server subprocess with 100,000 bookings:
 * restored-session start to first painted rows, reopening the view, frame
 * times while scrolling and while typing a search, resident memory. Prints
 * figures; never fails on time. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hibachi-application.h"
#include "hibachi-window.h"

static GArray *frame_ms;     /* paint to paint, while something changes every frame */
static GArray *work_ms;      /* before-paint to after-paint: the frame's own cost */
static GArray *stall_ms;     /* one main-loop dispatch: input waits this long */
static gint64 last_frame_us;
static gint64 frame_start_us;
static guint painted;

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (last_frame_us != 0 && frame_ms != NULL)
    {
      double ms = (now - last_frame_us) / 1000.0;
      g_array_append_val (frame_ms, ms);
    }
  if (frame_start_us != 0 && work_ms != NULL)
    {
      double ms = (now - frame_start_us) / 1000.0;
      g_array_append_val (work_ms, ms);
    }
  last_frame_us = now;
  painted++;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what, const char *unit, GArray *ms)
{
  double p50, p95, max;

  if (ms->len == 0)
    {
      printf ("%-40s no %s\n", what, unit);
      return;
    }
  g_array_sort (ms, compare_double);
  p50 = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, (guint) (ms->len * 0.95));
  max = g_array_index (ms, double, ms->len - 1);
  printf ("%-40s %-7s %4u   p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", what, unit, ms->len, p50, p95, max);
  g_array_set_size (ms, 0);
}

static void
report_frames (const char *what)
{
  report (what, "frames", frame_ms);
  g_array_set_size (work_ms, 0);
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      gint64 t = g_get_monotonic_time ();

      if (g_main_context_iteration (NULL, FALSE))
        {
          double stall = (g_get_monotonic_time () - t) / 1000.0;
          g_array_append_val (stall_ms, stall);
        }
    }
}

static void
wait_painted (void)
{
  guint before = painted;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (painted == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && gtk_widget_get_mapped (c))
        return c;
      if ((found = find_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (p = strstr (status, field)) == NULL)
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

static void
store_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

int
main (int argc, char *argv[])
{
  const char *bookings = g_getenv ("HIBACHI_BENCH_BOOKINGS") ? g_getenv ("HIBACHI_BENCH_BOOKINGS") : "100000";
  g_autofree char *dir = g_dir_make_tmp ("hibachi-bench-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *keyring = g_build_filename (dir, "bench.keyring", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(HibachiApplication) app = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  HibachiWindow *window;
  HibachiPagedList *list;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  gint64 t0, start_us;
  const char *url;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-ui HIBACHI-SERVER\n");
      return 2;
    }

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "bench", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();

  start_us = g_get_monotonic_time ();
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             argv[1], "--demo", "--demo-bookings", bookings, "--port", "0", "--db", db, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  url = line + strlen ("Listening on ");
  printf ("server: %s bookings, ready in %.1f s\n", bookings, (g_get_monotonic_time () - start_us) / 1e6);

  app = hibachi_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (hibachi_application_get_settings (app), "server-url", url);

  /* Sign in once so the keyring holds a session to restore. */
  {
    g_autoptr(HibachiSession) session = hibachi_session_new (url);

    hibachi_session_sign_in_async (session, "owner@demo.test", "hibachi-demo", NULL, store_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (hibachi_session_sign_in_finish (session, result, &error));
    g_settings_set_string (hibachi_application_get_settings (app), "last-account", "owner@demo.test");
  }

  /* A restored session: window created → first rows painted. */
  t0 = g_get_monotonic_time ();
  window = hibachi_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  while ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (window))) == NULL ||
         g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_painted ();
  printf ("restored session → first rows painted   %7.1f ms   (%u bookings)\n",
          (g_get_monotonic_time () - t0) / 1000.0, g_list_model_get_n_items (G_LIST_MODEL (list)));

  /* Opening the view anew (a new query): → first rows painted. */
  t0 = g_get_monotonic_time ();
  hibachi_paged_list_set_query (list, "sort=-created_at");
  while (hibachi_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  printf ("view query → first page loaded          %7.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  wait_painted ();
  printf ("view query → first rows painted         %7.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  last_frame_us = 0;

  scrolled = gtk_widget_get_parent (find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Fast scrolling: a screenful per frame, 300 frames (about 9,000 rows). */
  for (int i = 0; i < 300; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
      wait_painted ();
    }
  report_frames ("scrolling a screen per frame");

  /* Dragging the scrollbar through all 100k rows in 300 frames. */
  for (int i = 0; i < 300; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * i / 299.0);
      wait_painted ();
    }
  report_frames ("jumping through all rows (scrollbar)");

  /* Search as you type, a key every 120 ms. Nothing changes between keys,
   * so paint-to-paint intervals mean nothing here: what a typist feels is
   * each frame's own cost, the longest the main loop is busy (a key waits
   * that long), and key → the results painted. */
  {
    GtkEditable *search = GTK_EDITABLE (find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
    const char *word = "garcia";
    char typed[16] = "";

    gint64 typed_us;

    gtk_adjustment_set_value (adjustment, 0);
    iterate_for (300);
    g_array_set_size (work_ms, 0);
    g_array_set_size (stall_ms, 0);
    for (guint i = 0; i < strlen (word); i++)
      {
        typed[i] = word[i];
        typed[i + 1] = '\0';
        gtk_editable_set_text (search, typed);
        typed_us = g_get_monotonic_time ();
        if (word[i + 1] != '\0')
          iterate_for (120);
      }
    while (strstr (hibachi_paged_list_get_query (list), "q=garcia") == NULL ||
           hibachi_paged_list_get_loading (list))
      iterate_for (1);
    wait_painted ();
    printf ("search: last key → results painted     %7.1f ms   (%u matches)\n",
            (g_get_monotonic_time () - typed_us) / 1000.0, g_list_model_get_n_items (G_LIST_MODEL (list)));
    iterate_for (300);
    report ("search as you type: frame work", "frames", work_ms);
    report ("search as you type: main-loop busy", "events", stall_ms);
  }

  printf ("resident memory: %ld MiB now, %ld MiB peak\n", status_kib ("VmRSS:") / 1024, status_kib ("VmHWM:") / 1024);

  gtk_window_destroy (GTK_WINDOW (window));
  g_subprocess_send_signal (server, 15);
  g_subprocess_wait (server, NULL, NULL);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  g_array_unref (frame_ms);
  g_array_unref (work_ms);
  g_array_unref (stall_ms);

  return 0;
}
