/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-widgets.h: finding what a window shows in UI tests. */
#pragma once

#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <adwaita.h>

#include "hibachi-test-wait.h"

G_BEGIN_DECLS

/* The first mapped widget below @root, depth first, that @match accepts. */
static inline GtkWidget *
hibachi_test_find_mapped (GtkWidget                  *root,
                          gboolean (*match) (GtkWidget *, gconstpointer),
                          gconstpointer               data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (match (child, data))
        return child;
      if ((found = hibachi_test_find_mapped (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

/* The first widget below @root of @type whose label (a button's) or title
 * (a preferences row's) is @label, any when @label is NULL, depth first;
 * with @mapped_only, only widgets on screen. */
static inline GtkWidget *
hibachi_test_find_labelled (GtkWidget  *root,
                            GType       type,
                            const char *label,
                            gboolean    mapped_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (!mapped_only || gtk_widget_get_mapped (child)))
        {
          const char *text = NULL;

          if (label == NULL)
            return child;
          if (GTK_IS_BUTTON (child))
            text = gtk_button_get_label (GTK_BUTTON (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (text != NULL && g_str_equal (text, label))
            return child;
        }
      if ((found = hibachi_test_find_labelled (child, type, label, mapped_only)) != NULL)
        return found;
    }

  return NULL;
}

/* The first widget below @root of @type, depth first, shown or not. */
static inline GtkWidget *
hibachi_test_find_type (GtkWidget *root,
                        GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = hibachi_test_find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The first widget below @root whose tooltip is @tooltip, depth first,
 * shown or not. */
static inline GtkWidget *
hibachi_test_find_tooltip (GtkWidget  *root,
                           const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = hibachi_test_find_tooltip (child, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

/* The first visible toplevel window of @type (a dialog), or NULL. */
static inline GtkWindow *
hibachi_test_shown_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Matches a widget of the GType in @type (GSIZE_TO_POINTER). */
static inline gboolean
hibachi_test_is_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Matches the sidebar's row of the page named @name. */
static inline gboolean
hibachi_test_is_row_named (GtkWidget *widget, gconstpointer name)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* Saves @widget as HIBACHI_SCREENSHOT_DIR/@name.png when that is set (for
 * data/screenshots/), after transitions have finished; else nothing. */
static inline void
hibachi_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  const char *dir = g_getenv ("HIBACHI_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Let page transitions and fades finish. */
  hibachi_test_pause_ms (600);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn yet for %s", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

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

/* Every UI test program gets these before main() runs. */
__attribute__((constructor)) static void
hibachi_test_install_diagnostics (void)
{
  g_log_set_writer_func (hibachi_test_log_writer, NULL, NULL);
#if !defined(__SANITIZE_ADDRESS__)   /* ASan reports crashes better itself */
  signal (SIGSEGV, hibachi_test_crash_handler);
  signal (SIGTRAP, hibachi_test_crash_handler);   /* fatal criticals and warnings */
  signal (SIGABRT, hibachi_test_crash_handler);
#endif
}

G_END_DECLS
