/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-application"

#include "config.h"

#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "hibachi-application.h"
#include "hibachi-preferences-window.h"
#include "hibachi-window.h"

struct _HibachiApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  gboolean        start_demo;
};

G_DEFINE_FINAL_TYPE (HibachiApplication, hibachi_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (HibachiApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "My Hibachi", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Hibachi Admin"),
                        "application-icon", APP_ID,
                        "developer-name", "My Hibachi",
                        "version", PACKAGE_VERSION,
                        "website", "https://myhibachichef.com",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your name and email, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* The server's gazetteer (data/gazetteer/README.md): its licences ask to be named. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("California Places"),
                                      "Copyright © 2007 Dav Glass (zipcodes)", GTK_LICENSE_BSD_3, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Place Coordinates"),
                                      "GeoNames, geonames.org", GTK_LICENSE_CUSTOM,
                                      _("Licensed under the Creative Commons Attribution 4.0 License "
                                        "(https://creativecommons.org/licenses/by/4.0/)."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HibachiApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  HibachiPreferencesWindow *preferences = hibachi_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *page = parameter ? g_variant_get_string (parameter, NULL) : "";
  g_autofree char *uri = g_strdup_printf ("help:hibachi-admin%s%s", *page ? "/" : "", page);

  gtk_show_uri (gtk_application_get_active_window (app), uri, GDK_CURRENT_TIME);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_entries[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action, "s" },
  { "quit", quit_action },
};

/* GTK loads an icon's pixels on a worker thread (GtkIconTheme with
 * GTK_ICON_LOOKUP_PRELOAD, which every GtkImage uses), and that thread
 * drops its reference when done. If the icon's widgets are gone by then
 * (a window closed), the icon dies on the worker: between its reference
 * count reaching 0 and its finalize taking it out of the theme's cache, a
 * lookup on the main thread finds it and takes a reference on a dead object
 * (GTK 4.8 to 4.18 at least; seen as "object_ref: assertion
 * '!object_already_finalized'" and a crash while a new window shows).
 * So an icon whose last reference goes on another thread is kept one
 * moment longer and let go on the main thread, where lookups happen. */
static GThread *main_thread;
static void (*icon_parent_dispose) (GObject *object);

static gboolean
let_icon_go (gpointer icon)
{
  g_object_unref (icon);
  return G_SOURCE_REMOVE;
}

static void
icon_dispose (GObject *icon)
{
  if (g_thread_self () != main_thread)
    {
      /* Called with the last reference still held: taking one more keeps
       * it alive, and GObject lets the unref that called us return. */
      g_idle_add_full (G_PRIORITY_DEFAULT, let_icon_go, g_object_ref (icon), NULL);
      return;
    }
  icon_parent_dispose (icon);
}

static void
icons_die_on_main_thread (void)
{
  GObjectClass *klass;

  if (main_thread != NULL)
    return;
  main_thread = g_thread_self ();
  klass = g_type_class_ref (GTK_TYPE_ICON_PAINTABLE);
  icon_parent_dispose = klass->dispose;
  klass->dispose = icon_dispose;
}

static void
hibachi_application_startup (GApplication *application)
{
  HibachiApplication *self = HIBACHI_APPLICATION (application);
  static const char *help_accels[] = { "F1", NULL };

  /* Before GTK starts, which takes a while: the keyring answers meanwhile. */
  hibachi_window_begin_restore (self);
  G_APPLICATION_CLASS (hibachi_application_parent_class)->startup (application);
  icons_die_on_main_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help::", help_accels);

  g_signal_connect_swapped (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
}

/* HIBACHI_TRACE_STARTUP set (tests/bench-startup.c): after the first
 * frame painted while the bookings list is shown with rows in it, one line
 * on stderr with g_get_monotonic_time() (CLOCK_MONOTONIC, µs) and the main
 * thread's CPU time so far (µs), and where that frame's time went: when the
 * window was realized, when the frame began, when its layout was done. The
 * frame phases run in one main-loop dispatch, so rows there at after-paint
 * were there at this frame's layout: they are on screen. Connected after
 * GTK's own handlers (at realize), so "layout" ends GTK's layout phase. */
static gint64 trace_realized_us, trace_frame_us, trace_layout_us;

static void
trace_before_paint_cb (GdkFrameClock *clock)
{
  trace_frame_us = g_get_monotonic_time ();
}

static void
trace_layout_cb (GdkFrameClock *clock)
{
  trace_layout_us = g_get_monotonic_time ();
}

static void
trace_after_paint_cb (GdkFrameClock *clock,
                      HibachiWindow *window)
{
  HibachiBookingsView *view = hibachi_window_get_bookings_view (window);
  HibachiPagedList *list = view != NULL ? hibachi_bookings_view_get_list (view) : NULL;
  struct timespec cpu = { 0 };

  if (list == NULL || !gtk_widget_is_drawable (GTK_WIDGET (view)) ||
      g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  g_printerr ("hibachi-admin: first rows painted at %" G_GINT64_FORMAT " us, main thread CPU %" G_GINT64_FORMAT
              " us, realized at %" G_GINT64_FORMAT " us, frame began at %" G_GINT64_FORMAT " us, laid out at %"
              G_GINT64_FORMAT " us\n",
              g_get_monotonic_time (), (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000,
              trace_realized_us, trace_frame_us, trace_layout_us);
  g_signal_handlers_disconnect_by_func (clock, trace_after_paint_cb, window);
  g_signal_handlers_disconnect_by_func (clock, trace_before_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, trace_layout_cb, NULL);
}

static void
trace_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  trace_realized_us = g_get_monotonic_time ();
  g_signal_connect (clock, "before-paint", G_CALLBACK (trace_before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (trace_layout_cb), NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (trace_after_paint_cb), window, 0);
}

static void
hibachi_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      window = GTK_WINDOW (hibachi_window_new (HIBACHI_APPLICATION (application)));
      if (g_getenv ("HIBACHI_TRACE_STARTUP") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (trace_realize_cb), NULL);
      hibachi_window_present_when_ready (HIBACHI_WINDOW (window));
    }
  else
    gtk_window_present (window);
}

static int
hibachi_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  HibachiApplication *self = HIBACHI_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hibachi-admin %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->start_demo = g_variant_dict_contains (options, "demo");

  return -1;
}

static void
hibachi_application_finalize (GObject *object)
{
  HibachiApplication *self = HIBACHI_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hibachi_application_parent_class)->finalize (object);
}

static void
hibachi_application_class_init (HibachiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hibachi_application_finalize;
  app_class->startup = hibachi_application_startup;
  app_class->activate = hibachi_application_activate;
  app_class->handle_local_options = hibachi_application_handle_local_options;
}

static void
hibachi_application_init (HibachiApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Start the demo server and sign in to it"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  self->settings = g_settings_new ("com.myhibachichef.Admin");
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* How the process gives memory back. A list pages through thousands of
 * rows: each page is parsed on a worker thread and freed on the main one,
 * and by default each thread may get an arena of its own. Two arenas; what
 * is freed goes back once a list has been still for a second (its
 * malloc_trim). glibc's trim and mmap thresholds stay its own: setting
 * either fixes the mmap threshold at 128 KiB, and each frame's image (3 MiB
 * and more, drawn with cairo) then comes from a fresh mmap whose every page
 * faults in: 1.3 ms of a 25 ms scroll frame (ui-100k, perf). First thing in
 * main(): threads started before it keep arenas of their own (set later,
 * it kept 6 MiB more). */
void
hibachi_application_set_memory_policy (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 2);
#endif
}

HibachiApplication *
hibachi_application_new (void)
{
  return g_object_new (HIBACHI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/myhibachichef/Admin",
                       NULL);
}

GSettings *
hibachi_application_get_settings (HibachiApplication *self)
{
  return self->settings;
}

gboolean
hibachi_application_get_start_demo (HibachiApplication *self)
{
  return self->start_demo;
}
