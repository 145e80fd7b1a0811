/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-widgets.h: finding what a window shows in UI tests. */
#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
