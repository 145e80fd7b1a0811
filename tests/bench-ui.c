/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app against a hibachi-server subprocess with 100,000 bookings:
 * restored-session start to first painted rows, reopening the view, frame
 * times while scrolling and while typing a search, resident memory; the
 * same again in a child process with GL disabled (the memory that is the
 * app's own). The floor, a plain GtkColumnView, runs in a process of its
 * own and takes turns with ours: five rounds of scrolling and of typing
 * each, ours / floor is the median of the rounds. Prints figures; never
 * fails on time. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <gio/gunixinputstream.h>
#include <stdlib.h>

#include "hibachi-application.h"
#include "hibachi-bench-server.h"
#include "hibachi-window.h"

static GArray *frame_ms;     /* paint to paint, while something changes every frame */
static GArray *work_ms;      /* before-paint to after-paint: the frame's own cost */
static GArray *typed_ms;     /* work_ms of every word typed so far, all rounds */
/* Where a frame's interval goes: the main loop before the frame (page
 * replies, idles, the frame clock's wait), then the frame's phases: update
 * (tick callbacks), layout (styles and allocation), paint (snapshot and
 * render, with GTK's cairo renderer here the largest part). Each phase is
 * timed to its end, by a handler that runs after GTK's own (connected
 * after): GTK's handlers were connected first, so a handler marking where
 * a phase starts would run after its work. */
static GArray *phase_ms[4];
static const char *phase_names[4] = { "before the frame", "update", "layout", "paint" };
static GArray *stall_ms;     /* one main-loop dispatch: input waits this long */
static gint64 last_frame_us;
static gint64 frame_start_us;
static gint64 update_end_us, layout_end_us;
static guint painted;
/* HIBACHI_BENCH_VERBOSE set: each typing frame's phases, as it comes. */
static gboolean list_frames;
/* HIBACHI_BENCH_SCROLL_ONLY set: only the rounds of a screen per frame, to
 * run under a profiler (perf record) with nothing else in the profile. */
static gboolean scroll_only;

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start_us = g_get_monotonic_time ();
  update_end_us = layout_end_us = 0;
}

static void
update_cb (GdkFrameClock *clock)
{
  update_end_us = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock)
{
  layout_end_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();
  /* A phase nobody asked for in this frame is skipped: it ends where the
   * one before it did. Paint runs to the end of the frame. */
  gint64 update_end = update_end_us ? update_end_us : frame_start_us;
  gint64 layout_end = layout_end_us ? layout_end_us : update_end;

  if (list_frames && frame_start_us != 0)
    printf ("  frame %5.1f ms: update %5.1f%s, layout %5.1f%s, paint %5.1f\n", (now - frame_start_us) / 1000.0,
            (update_end - frame_start_us) / 1000.0, update_end_us ? "" : " (none)", (layout_end - update_end) / 1000.0,
            layout_end_us ? "" : " (none)", (now - layout_end) / 1000.0);

  if (last_frame_us != 0 && frame_ms != NULL)
    {
      double ms = (now - last_frame_us) / 1000.0;
      g_array_append_val (frame_ms, ms);
      if (frame_start_us != 0 && phase_ms[0] != NULL)
        {
          double phases[4] = { (frame_start_us - last_frame_us) / 1000.0, (update_end - frame_start_us) / 1000.0,
                               (layout_end - update_end) / 1000.0, (now - layout_end) / 1000.0 };

          for (guint i = 0; i < 4; i++)
            g_array_append_val (phase_ms[i], phases[i]);
        }
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

/* Prints the figures of @ms and empties it; returns its p95. */
static double
report (const char *what, const char *unit, GArray *ms)
{
  double p50, p95, max;

  if (ms->len == 0)
    {
      printf ("%-40s no %s\n", what, unit);
      return 0;
    }
  g_array_sort (ms, compare_double);
  p50 = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, (guint) (ms->len * 0.95));
  max = g_array_index (ms, double, ms->len - 1);
  printf ("%-40s %-7s %4u   p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", what, unit, ms->len, p50, p95, max);
  g_array_set_size (ms, 0);
  return p95;
}

static double
percentile (GArray *ms, double at)
{
  g_array_sort (ms, compare_double);
  return ms->len > 0 ? g_array_index (ms, double, (guint) (ms->len * at)) : 0;
}

static double
report_frames (const char *what)
{
  double p95 = report (what, "frames", frame_ms);

  g_array_set_size (work_ms, 0);
  /* The phases' p50 and p95 each, apart: they need not add up. */
  printf ("%-40s ", "    where it goes, p50 / p95 ms:");
  for (guint i = 0; i < 4; i++)
    {
      printf ("%s %.1f / %.1f%s", phase_names[i], percentile (phase_ms[i], 0.5), percentile (phase_ms[i], 0.95),
              i < 3 ? ", " : "\n");
      g_array_set_size (phase_ms[i], 0);
    }
  return p95;
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

/* What ours and the floor are measured by, the same way. */
typedef struct
{
  double scroll_p95;      /* a screen per frame */
  double jump_p95;        /* the scrollbar through every row */
  double search_p95;      /* frame work while typing */
  double search_pooled_p95;  /* the same, of every round's typing frames so far */
  double search_frame_max;  /* the longest such frame: the one that shows results */
  double search_max;      /* longest main-loop dispatch while typing */
} Figures;

static void
track_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
measure_scrolling (GtkAdjustment *adjustment,
                   guint          n_rows,
                   const char    *who,
                   Figures       *figures)
{
  g_autofree char *screen = g_strdup_printf ("%s: scrolling a screen per frame", who);
  g_autofree char *jump = g_strdup_printf ("%s: jumping through all rows", who);

  /* From the top: a round before ended at the bottom. */
  if (gtk_adjustment_get_value (adjustment) > 0)
    {
      gtk_adjustment_set_value (adjustment, 0);
      wait_painted ();
      iterate_for (300);
    }
  /* A frame's cost grows with the rows it shows: how many a screen holds. */
  if (n_rows > 0 && gtk_adjustment_get_upper (adjustment) > 0)
    printf ("%s: %.1f rows on a screen (%.0f px)\n", who,
            gtk_adjustment_get_page_size (adjustment) / (gtk_adjustment_get_upper (adjustment) / n_rows),
            gtk_adjustment_get_page_size (adjustment));
  last_frame_us = 0;
  g_array_set_size (frame_ms, 0);
  for (guint i = 0; i < 4; i++)
    g_array_set_size (phase_ms[i], 0);
  /* Fast scrolling: a screenful per frame, 300 frames (about 9,000 rows). */
  for (int i = 0; i < 300; i++)
    {
      double before = gtk_adjustment_get_value (adjustment);

      gtk_adjustment_set_value (adjustment, before + gtk_adjustment_get_page_size (adjustment));
      /* At the end of a short list (HIBACHI_BENCH_BOOKINGS): nothing to paint. */
      if (gtk_adjustment_get_value (adjustment) == before)
        break;
      wait_painted ();
    }
  figures->scroll_p95 = report_frames (screen);

  /* Dragging the scrollbar through all 100k rows in 300 frames. */
  for (int i = 0; i < (scroll_only ? 0 : 300); i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * i / 299.0);
      wait_painted ();
    }
  figures->jump_p95 = report_frames (jump);
}

/* Where a typist's keys go: the window that holds @search has the X input
 * focus (Xvfb has no window manager to give it) and the entry has the
 * keyboard focus, in ours and in the floor alike. The cursor does not
 * blink: GTK holds it still while keys are pressed, but the text here is
 * set without key presses, and a blinking cursor repaints the entry 60
 * times a second (its fade), frames no typist sees while typing. */
static void
focus_for_typing (GtkEditable *search)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (search)));
  GdkDisplay *display = gtk_widget_get_display (window);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *focus;

  g_object_set (gtk_settings_get_for_display (display), "gtk-cursor-blink", FALSE, NULL);
  if (GDK_IS_X11_DISPLAY (display))
    {
      gdk_x11_display_error_trap_push (display);
      XSetInputFocus (gdk_x11_display_get_xdisplay (display),
                      gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))), RevertToParent, CurrentTime);
      XFlush (gdk_x11_display_get_xdisplay (display));
      gdk_x11_display_error_trap_pop_ignored (display);
    }
  gtk_widget_grab_focus (GTK_WIDGET (search));
  while (!gtk_window_is_active (GTK_WINDOW (window)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (!gtk_window_is_active (GTK_WINDOW (window)) || focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (search)))
    printf ("(the search entry did not get the keyboard focus: its frames differ from a typist's)\n");
}

/* Types @word into @search a key every 120 ms; @done says when its results
 * are in. What a typist feels is each frame's own cost and the longest the
 * main loop is busy (a key waits that long). */
static void
measure_typing (GtkEditable   *search,
                GtkAdjustment *adjustment,
                const char    *word,
                gboolean     (*done) (gpointer),
                gboolean     (*cleared) (gpointer),
                gpointer       data,
                GListModel    *results,
                const char    *who,
                Figures       *figures)
{
  g_autofree char *work = g_strdup_printf ("%s: search as you type, frame work", who);
  g_autofree char *busy = g_strdup_printf ("%s: search as you type, main loop busy", who);
  gint64 typed_us = 0;

  focus_for_typing (search);
  gtk_adjustment_set_value (adjustment, 0);
  /* Until what scrolling and focusing started has faded (the scrollbar). */
  iterate_for (1500);
  g_array_set_size (work_ms, 0);
  g_array_set_size (stall_ms, 0);
  list_frames = g_getenv ("HIBACHI_BENCH_VERBOSE") != NULL;
  if (list_frames)
    printf ("%s: typing \"%s\", a key every 120 ms\n", who, word);
  for (guint i = 0; i < strlen (word); i++)
    {
      int position = (int) i;

      /* As a key press does: one letter added at the cursor. Setting the
       * whole text empties the entry first, and an empty search entry says
       * "search-changed" at once: a query nobody typed, in ours and in the
       * floor alike. */
      gtk_editable_insert_text (search, &word[i], 1, &position);
      gtk_editable_set_position (search, position);
      typed_us = g_get_monotonic_time ();
      if (list_frames)
        printf ("  key %c\n", word[i]);
      if (word[i + 1] != '\0')
        iterate_for (120);
    }
  if (list_frames)
    printf ("  (last key typed)\n");
  while (!done (data))
    iterate_for (1);
  if (list_frames)
    printf ("  (results in)\n");
  wait_painted ();
  /* A GtkSearchEntry waits search-delay before it says "search-changed". */
  printf ("%s: search, last key → results painted %7.1f ms   (of which the entry's delay: %u ms)\n", who,
          (g_get_monotonic_time () - typed_us) / 1000.0,
          GTK_IS_SEARCH_ENTRY (search) ? gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (search)) : 0);
  iterate_for (300);
  list_frames = FALSE;
  for (guint i = 0; i < work_ms->len; i++)
    figures->search_frame_max = MAX (figures->search_frame_max, g_array_index (work_ms, double, i));
  g_array_append_vals (typed_ms, work_ms->data, work_ms->len);
  figures->search_pooled_p95 = percentile (typed_ms, 0.95);
  figures->search_p95 = report (work, "frames", work_ms);
  {
    double max = 0;

    for (guint i = 0; i < stall_ms->len; i++)
      max = MAX (max, g_array_index (stall_ms, double, i));
    figures->search_max = max;
  }
  report (busy, "events", stall_ms);
  printf ("%s: %u rows match\n", who, g_list_model_get_n_items (results));

  /* The next round scrolls all rows again. */
  gtk_editable_set_text (search, "");
  while (!cleared (data))
    iterate_for (1);
  wait_painted ();
}

static gboolean
ours_searched (gpointer data)
{
  HibachiPagedList *list = data;

  return strstr (hibachi_paged_list_get_query (list), "q=garcia") != NULL && !hibachi_paged_list_get_loading (list);
}

static gboolean
ours_cleared (gpointer data)
{
  HibachiPagedList *list = data;

  return strstr (hibachi_paged_list_get_query (list), "q=") == NULL && !hibachi_paged_list_get_loading (list);
}

/* The floor: a plain GtkColumnView with the same ten columns over 100,000
 * rows held in memory (no server, no paging), filtered in memory as the
 * search is typed. What GTK itself costs on this machine, in this run. */

#define FLOOR_COLUMNS 10

typedef struct
{
  GObject parent_instance;
  char   *cells[FLOOR_COLUMNS];
  char   *key;                  /* the customer, lower case: what a search matches */
} FloorRow;

typedef GObjectClass FloorRowClass;

static GType floor_row_get_type (void);
G_DEFINE_TYPE (FloorRow, floor_row, G_TYPE_OBJECT)

static void
floor_row_finalize (GObject *object)
{
  FloorRow *row = (FloorRow *) object;

  for (guint i = 0; i < FLOOR_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row->key);
  G_OBJECT_CLASS (floor_row_parent_class)->finalize (object);
}

static void
floor_row_class_init (FloorRowClass *klass)
{
  klass->finalize = floor_row_finalize;
}

static void
floor_row_init (FloorRow *row)
{
}

static FloorRow *
floor_row_new (guint i)
{
  static const char * const names[] = { "Garcia", "Singh", "Nguyen", "Smith", "Okafor", "Tanaka", "Rossi", "Kim" };
  static const char * const statuses[] = { "Pending", "Confirmed", "Completed", "Cancelled" };
  FloorRow *row = g_object_new (floor_row_get_type (), NULL);

  row->cells[0] = g_strdup_printf ("MH-%06u", 100000 + i);
  row->cells[1] = g_strdup_printf ("Tue %02u Jun 2026", 1 + i % 28);
  row->cells[2] = g_strdup (i % 2 ? "18:00" : "12:00");
  row->cells[3] = g_strdup_printf ("%s Customer %u", names[i % G_N_ELEMENTS (names)], i);
  row->cells[4] = g_strdup_printf ("%u", 10 + i % 30);
  row->cells[5] = g_strdup ("Fremont");
  row->cells[6] = g_strdup (i % 3 ? "Kenji Sato" : "Unassigned");
  row->cells[7] = g_strdup (statuses[i % G_N_ELEMENTS (statuses)]);
  row->cells[8] = g_strdup_printf ("$%u.%02u", 600 + i % 900, i % 100);
  row->cells[9] = g_strdup_printf ("Mon 01 Jun 2026, %02u:%02u", i % 24, i % 60);
  row->key = g_utf8_strdown (row->cells[3], -1);

  return row;
}

static void
floor_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
floor_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  FloorRow *row = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), row->cells[GPOINTER_TO_UINT (column)]);
}

typedef struct
{
  GtkFilterListModel *filtered;
  GtkEditable        *search;
  char               *needle;    /* the search, lower case */
} FloorSearch;

static gboolean
floor_match_cb (gpointer item, gpointer data)
{
  FloorSearch *floor = data;

  return floor->needle == NULL || strstr (((FloorRow *) item)->key, floor->needle) != NULL;
}

static void
floor_search_changed_cb (GtkEditable *search, GtkFilter *filter)
{
  FloorSearch *floor = g_object_get_data (G_OBJECT (filter), "floor");

  g_free (floor->needle);
  floor->needle = *gtk_editable_get_text (search) ? g_utf8_strdown (gtk_editable_get_text (search), -1) : NULL;
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
floor_searched (gpointer data)
{
  FloorSearch *floor = data;

  /* Filtered for the whole word: the entry's search-changed came. */
  return g_strcmp0 (floor->needle, "garcia") == 0 && !gtk_filter_list_model_get_pending (floor->filtered);
}

static gboolean
floor_cleared (gpointer data)
{
  FloorSearch *floor = data;

  return floor->needle == NULL && !gtk_filter_list_model_get_pending (floor->filtered);
}

/* Resident memory now and at its peak, and where it lives (from
 * /proc/self/smaps): anonymous (the heap, the GL driver's buffers and JIT
 * code alike: smaps cannot tell them apart), the GL driver's libraries
 * (Mesa, LLVM), other files (libraries, fonts, the icon cache). */
static void
report_memory (const char *who,
               const char *bookings)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  long anon = 0, gl = 0, files = 0, *into = &anon;

  if (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL && strchr (line, ' ') != NULL)
        {
          /* A mapping's header: address perms offset dev inode [path]. */
          const char *path = strchr (line, '/');

          if (path == NULL)
            into = &anon;
          else if (strstr (path, "/dri/") || strstr (path, "libLLVM") || strstr (path, "libgallium") ||
                   strstr (path, "libGL") || strstr (path, "libEGL") || strstr (path, "libglapi") ||
                   strstr (path, "libvulkan") || strstr (path, "libdrm"))
            into = &gl;
          else
            into = &files;
        }
      else if (g_str_has_prefix (line, "Rss:"))
        *into += strtol (line + strlen ("Rss:"), NULL, 10);
    }
  printf ("%s: resident memory at %s browsed: %ld MiB now, %ld MiB peak (anonymous %ld, GL driver's libraries %ld, "
          "other files %ld)\n", who, bookings, status_kib ("VmRSS:") / 1024, status_kib ("VmHWM:") / 1024, anon / 1024,
          gl / 1024, files / 1024);
}

/* The floor's window, in a process of its own (bench-ui --floor N): its
 * 100,000 rows do not count in ours' memory, and it is measured between
 * ours' rounds, so both meet the same load on this shared machine. It
 * answers "scroll", "type" and "memory" on its standard input with a
 * RESULT line. */
static int
floor_child_main (guint n_rows, int width, int height)
{
  const char *titles[FLOOR_COLUMNS] = { "Reference", "Event Date", "Slot", "Customer", "Guests", "Station", "Chef",
                                        "Status", "Total", "Created" };
  g_autoptr(GListStore) rows = g_list_store_new (floor_row_get_type ());
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) commands = g_data_input_stream_new (in);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  FloorSearch floor = { .search = GTK_EDITABLE (search) };
  GtkCustomFilter *filter = gtk_custom_filter_new (floor_match_cb, &floor, NULL);
  GtkWidget *view;
  gboolean shown = FALSE;
  char *command;

  {
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n_rows; i++)
      g_ptr_array_add (all, floor_row_new (i));
    g_list_store_splice (rows, 0, 0, all->pdata, all->len);
  }
  floor.filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (rows)), GTK_FILTER (filter));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (floor.filtered))));
  for (guint i = 0; i < FLOOR_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == 3);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  g_object_set_data (G_OBJECT (filter), "floor", &floor);
  g_signal_connect (search, "search-changed", G_CALLBACK (floor_search_changed_cb), filter);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  printf ("READY\n");
  fflush (stdout);

  while ((command = g_data_input_stream_read_line (commands, NULL, NULL, NULL)) != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      Figures figures = { 0 };
      gint64 t0 = g_get_monotonic_time ();

      gtk_window_present (GTK_WINDOW (window));
      if (!shown)
        track_frames (window);
      wait_painted ();
      if (!shown)
        printf ("floor: window shown → first rows painted %7.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
      shown = TRUE;
      iterate_for (300);
      if (g_str_equal (command, "scroll"))
        {
          measure_scrolling (adjustment, g_list_model_get_n_items (G_LIST_MODEL (floor.filtered)), "floor", &figures);
          printf ("RESULT %f %f\n", figures.scroll_p95, figures.jump_p95);
        }
      else if (g_str_equal (command, "type"))
        {
          measure_typing (GTK_EDITABLE (search), adjustment, "garcia", floor_searched, floor_cleared, &floor,
                          G_LIST_MODEL (floor.filtered), "floor", &figures);
          printf ("RESULT %f %f %f %f\n", figures.search_p95, figures.search_frame_max, figures.search_max,
                  figures.search_pooled_p95);
        }
      else if (g_str_equal (command, "memory"))
        {
          g_autofree char *browsed = g_strdup_printf ("%u", n_rows);

          report_memory ("floor", browsed);
          printf ("RESULT 0\n");
        }
      gtk_widget_set_visible (window, FALSE);
      iterate_for (100);
      fflush (stdout);
      g_free (command);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (floor.needle);
  return 0;
}

/* The parent's side: sends @command, echoes what the floor prints and
 * returns its RESULT figures in @values. */
static void
floor_command (GSubprocess *child,
               const char  *command,
               double      *values,
               guint        n_values)
{
  GOutputStream *to = g_subprocess_get_stdin_pipe (child);
  GDataInputStream *from = g_object_get_data (G_OBJECT (child), "lines");
  g_autofree char *text = g_strconcat (command, "\n", NULL);
  char *line;

  fflush (stdout);
  g_output_stream_write_all (to, text, strlen (text), NULL, NULL, NULL);
  g_output_stream_flush (to, NULL, NULL);
  while ((line = g_data_input_stream_read_line (from, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_has_prefix (line, "RESULT "))
        {
          g_auto(GStrv) fields = g_strsplit (line + strlen ("RESULT "), " ", -1);

          for (guint i = 0; i < n_values && fields[i] != NULL; i++)
            values[i] = g_ascii_strtod (fields[i], NULL);
          g_free (line);
          return;
        }
      printf ("%s\n", line);
      g_free (line);
    }
  g_error ("the floor's process ended");
}

static GSubprocess *
floor_child_new (const char *self_path,
                 guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = g_strdup_printf ("%u", n_rows);
  GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                         self_path, "--floor", rows, NULL);
  GDataInputStream *from;
  char *line;

  g_assert_no_error (error);
  from = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  g_object_set_data_full (G_OBJECT (child), "lines", from, g_object_unref);
  line = g_data_input_stream_read_line (from, NULL, NULL, NULL);
  g_assert_cmpstr (line, ==, "READY");
  g_free (line);
  return child;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Ours: a restored session against the server at @url (signed in before,
 * the keyring holds the session), then a new query, rounds of scrolling
 * and of a search typed (and cleared), resident memory. @who names the
 * figures. */
#define ROUNDS 5

/* Ours / floor, each the median of ROUNDS rounds' ratios. */
typedef struct
{
  double scroll[ROUNDS];
  double jump[ROUNDS];
  double search_p95[ROUNDS], search_frame_max[ROUNDS], search_max[ROUNDS];
  Figures ours, floor;     /* of the last round, for the figures in ms */
} Ratios;

/* Hides ours, lets the floor measure @command, shows ours again. */
static void
floor_turn (GtkWindow   *ours,
            GSubprocess *floor_child,
            const char  *command,
            double      *values,
            guint        n_values)
{
  gtk_widget_set_visible (GTK_WIDGET (ours), FALSE);
  iterate_for (100);
  floor_command (floor_child, command, values, n_values);
  gtk_window_present (ours);
  wait_painted ();
  iterate_for (300);
}

static void
measure_ours (const char  *url,
              const char  *bookings,
              const char  *who,
              GSubprocess *floor_child,
              Ratios      *ratios)
{
  Figures *ours = &ratios->ours;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiApplication) app = hibachi_application_new ();
  HibachiWindow *window;
  HibachiPagedList *list;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  gint64 t0;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (hibachi_application_get_settings (app), "server-url", url);
  g_settings_set_string (hibachi_application_get_settings (app), "last-account", "owner@demo.test");

  /* A restored session: window created → first rows painted. */
  t0 = g_get_monotonic_time ();
  window = hibachi_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  track_frames (GTK_WIDGET (window));
  while ((list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (window))) == NULL ||
         g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_painted ();
  printf ("%s: restored session → first rows painted   %7.1f ms   (%u bookings)\n", who,
          (g_get_monotonic_time () - t0) / 1000.0, g_list_model_get_n_items (G_LIST_MODEL (list)));

  /* Opening the view anew (a new query): → first rows painted. */
  t0 = g_get_monotonic_time ();
  hibachi_paged_list_set_query (list, "sort=-created_at");
  while (hibachi_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  printf ("%s: view query → first page loaded          %7.1f ms\n", who, (g_get_monotonic_time () - t0) / 1000.0);
  wait_painted ();
  printf ("%s: view query → first rows painted         %7.1f ms\n", who, (g_get_monotonic_time () - t0) / 1000.0);

  scrolled = gtk_widget_get_parent (find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Ours and the floor take turns: what the machine's other work costs
   * falls on both alike. */
  for (guint round = 0; round < (floor_child != NULL ? ROUNDS : 1); round++)
    {
      measure_scrolling (adjustment, g_list_model_get_n_items (G_LIST_MODEL (list)), who, ours);
      if (floor_child != NULL)
        {
          double values[2] = { 0 };

          floor_turn (GTK_WINDOW (window), floor_child, "scroll", values, 2);
          ratios->floor.scroll_p95 = values[0];
          ratios->floor.jump_p95 = values[1];
          ratios->scroll[round] = ours->scroll_p95 / values[0];
          ratios->jump[round] = ours->jump_p95 / values[1];
        }
      /* A word typed is some thirty frames: its p95 is one of its two
       * longest, so it is typed in every round as well. */
      ours->search_frame_max = 0;
      if (scroll_only)
        continue;
      measure_typing (GTK_EDITABLE (find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY)), adjustment, "garcia",
                      ours_searched, ours_cleared, list, G_LIST_MODEL (list), who, ours);
      if (floor_child != NULL)
        {
          double values[4] = { 0 };

          floor_turn (GTK_WINDOW (window), floor_child, "type", values, 4);
          ratios->floor.search_p95 = values[0];
          ratios->floor.search_frame_max = values[1];
          ratios->floor.search_max = values[2];
          ratios->floor.search_pooled_p95 = values[3];
          ratios->search_p95[round] = ours->search_p95 / values[0];
          ratios->search_frame_max[round] = ours->search_frame_max / values[1];
          ratios->search_max[round] = ours->search_max / values[2];
          printf ("round %u: ours / floor, scroll p95 %.2f, jump p95 %.2f, search frame p95 %.2f, max %.2f\n",
                  round + 1, ratios->scroll[round], ratios->jump[round], ratios->search_p95[round],
                  ratios->search_frame_max[round]);
        }
    }
  /* Memory as a system monitor shows it a moment after: the list gives
   * freed heap back once it has been still for a second. */
  iterate_for (1500);
  report_memory (who, bookings);
  /* What GTK and the GL driver take anyway, with as many rows in memory. */
  if (floor_child != NULL)
    {
      double values[1];

      floor_command (floor_child, "memory", values, 1);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);
}

/* The same, in a process of its own whose GTK does not load GL (GTK 4.8
 * loads Mesa's software GL at start on X11 even to render with cairo: tens
 * of MiB that are not ours). Its resident memory is the app's own. */
static void
measure_ours_without_gl (const char *self_path,
                         const char *url,
                         const char *bookings)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;

  if (gtk_get_minor_version () >= 16)
    g_subprocess_launcher_setenv (launcher, "GDK_DISABLE", "gl", TRUE);
  else
    g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  fflush (stdout);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--without-gl", url, bookings, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  const char *bookings = g_getenv ("HIBACHI_BENCH_BOOKINGS") ? g_getenv ("HIBACHI_BENCH_BOOKINGS") : "100000";
  Ratios ratios = { 0 };
  HibachiBenchServer *server;
  GSubprocess *floor_child;
  Figures *ours = &ratios.ours, *floor = &ratios.floor;

  frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  typed_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 4; i++)
    phase_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
  stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  scroll_only = g_getenv ("HIBACHI_BENCH_SCROLL_ONLY") != NULL;

  /* The child of measure_ours_without_gl(): the keyring is its parent's. */
  if (argc == 4 && g_str_equal (argv[1], "--without-gl"))
    {
      hibachi_application_set_memory_policy ();
      gtk_init ();
      measure_ours (argv[2], argv[3], "ours without GL", NULL, &ratios);
      return 0;
    }
  /* The floor's process, of measure_ours(). */
  if (argc == 3 && g_str_equal (argv[1], "--floor"))
    {
      gtk_init ();
      return floor_child_main ((guint) g_ascii_strtoull (argv[2], NULL, 10), 1400, 860);
    }
  /* Ours runs in this process, set up as the app's main() does; the floor
   * is a plain GTK program, as shipped. */
  hibachi_application_set_memory_policy ();

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-ui HIBACHI-SERVER\n");
      return 2;
    }

  server = hibachi_bench_server_start (argv[1], bookings, "ui");
  gtk_init ();
  printf ("server: %s bookings, ready in %.1f s\n", bookings, server->ready_s);

  /* The floor, in the same run, taking turns with ours: figures of one
   * run compare, runs of different days do not. */
  floor_child = floor_child_new (argv[0], (guint) g_ascii_strtoull (bookings, NULL, 10));
  measure_ours (server->url, bookings, "ours", floor_child, &ratios);
  g_output_stream_close (g_subprocess_get_stdin_pipe (floor_child), NULL, NULL);
  g_subprocess_wait (floor_child, NULL, NULL);
  g_object_unref (floor_child);
  measure_ours_without_gl (argv[0], server->url, bookings);

  printf ("\nours / floor (goal: 1.25 at most; each the median of %u rounds)\n", ROUNDS);
  printf ("  scroll a screen per frame, p95         %5.2f   (last round %.1f / %.1f ms)\n", median (ratios.scroll, ROUNDS),
          ours->scroll_p95, floor->scroll_p95);
  /* Scroll-only runs measured nothing else. */
  if (!scroll_only)
    {
      printf ("  scrollbar jump, p95                    %5.2f   (last round %.1f / %.1f ms)\n", median (ratios.jump, ROUNDS),
              ours->jump_p95, floor->jump_p95);
      printf ("  search as you type, frame work p95     %5.2f   (last round %.1f / %.1f ms)\n", median (ratios.search_p95, ROUNDS),
              ours->search_p95, floor->search_p95);
      /* Ours has a frame per key and one with the results (the list asks the
       * server once the entry's delay is over); the floor filters in memory
       * once the entry's delay is over too. The longest frame shows results. */
      printf ("  search as you type, frame work max     %5.2f   (last round %.1f / %.1f ms)\n",
              median (ratios.search_frame_max, ROUNDS), ours->search_frame_max, floor->search_frame_max);
      printf ("  search as you type, main loop busy max %5.2f   (last round %.1f / %.1f ms)\n",
              median (ratios.search_max, ROUNDS), ours->search_max, floor->search_max);
      /* A word is some thirty frames, so one round's p95 is one of its two
       * longest frames, and a frame of 3 ms or 10 ms on a shared machine
       * decides it. The frames of all rounds together give a steadier p95. */
      printf ("  search as you type, frame work p95 of all %u rounds' frames together: %.2f   (%.1f / %.1f ms)\n", ROUNDS,
              ours->search_pooled_p95 / floor->search_pooled_p95, ours->search_pooled_p95, floor->search_pooled_p95);
    }
  hibachi_bench_server_stop (server);
  g_array_unref (frame_ms);
  g_array_unref (work_ms);
  g_array_unref (typed_ms);
  for (guint i = 0; i < 4; i++)
    g_array_unref (phase_ms[i]);
  g_array_unref (stall_ms);

  return 0;
}
