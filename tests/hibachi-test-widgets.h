/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-widgets.h: finding what a window shows in UI tests. */
#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
