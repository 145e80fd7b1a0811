/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-app.h: the one application of a UI test process (it exports
 * itself on the session bus), signed out and pointed at a test server. */
#pragma once

#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "hibachi-application.h"
#include "hibachi-test-server.h"

G_BEGIN_DECLS

static HibachiApplication *application;

/* GTK's "Trying to measure GtkBox 0x… for width of 336, but it needs at
 * least 348" is fatal in tests and names only a pointer: print the widget's
 * ancestry (type, CSS classes, label text, minimum width) before it aborts,
 * so the one widget that asks for too much can be found from a CI log. */
static inline void
hibachi_test_print_ancestry (GtkWidget *widget)
{
  for (int depth = 0; widget != NULL; widget = gtk_widget_get_parent (widget), depth++)
    {
      g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
      g_autofree char *joined = g_strjoinv (".", classes);
      const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                       : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
      int minimum = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_printerr ("  %*s%s .%s min-width %d%s%s%s\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  joined, minimum, text ? " \"" : "", text ? text : "", text ? "\"" : "");
    }
}

static inline void
hibachi_test_print_children (GtkWidget *widget, int depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < 4;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_printerr ("    %*s%s min-width %d%s%s%s\n", depth * 2, "", G_OBJECT_TYPE_NAME (child), minimum,
                  text ? " \"" : "", text ? text : "", text ? "\"" : "");
      hibachi_test_print_children (child, depth + 1);
    }
}

/* A crash or a fatal critical in CI (where there is no debugger) leaves at
 * least a backtrace. */
static inline void
hibachi_test_crash_handler (int signum)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  signal (signum, SIG_DFL);
  raise (signum);
}

static inline GLogWriterOutput
hibachi_test_log_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      void *pointer = NULL;

      if (g_strcmp0 (fields[i].key, "MESSAGE") != 0 || fields[i].length != -1)
        continue;
      if (sscanf (fields[i].value, "Trying to measure %*s %p", &pointer) == 1 && GTK_IS_WIDGET (pointer))
        {
          g_printerr ("The widget that asks for more width than it gets, and its parents:\n");
          hibachi_test_print_ancestry (pointer);
          g_printerr ("  Its visible descendants:\n");
          hibachi_test_print_children (pointer, 0);
        }
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static inline HibachiApplication *
hibachi_test_application (HibachiTestServer *ts)
{
  GSettings *settings;

  if (application == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_log_set_writer_func (hibachi_test_log_writer, NULL, NULL);
#if !defined(__SANITIZE_ADDRESS__)   /* ASan reports crashes better itself */
      signal (SIGSEGV, hibachi_test_crash_handler);
      signal (SIGTRAP, hibachi_test_crash_handler);   /* fatal criticals and warnings */
      signal (SIGABRT, hibachi_test_crash_handler);
#endif

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
