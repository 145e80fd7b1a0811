/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-sidebar-row"

#include "config.h"

#include "hibachi-page.h"
#include "hibachi-sidebar-row.h"

static gboolean
badge_visible_cb (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static gboolean
badge_text_cb (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

/* A badge says what it counts, to a screen reader too. */
static void
badge_spoken_cb (HibachiPage *page,
                 GParamSpec  *pspec,
                 GtkWidget   *row)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "hibachi-badge");
  const char *spoken = hibachi_page_get_badge_description (page);

  if (hibachi_page_get_badge_count (page) > 0 && spoken != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

GtkWidget *
hibachi_sidebar_row_new (GtkStackPage *item)
{
  HibachiPage *page = HIBACHI_PAGE (gtk_stack_page_get_child (item));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (badge, "badge");
  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "badge-description", badge, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (page, "badge-count", badge, "visible", G_BINDING_SYNC_CREATE,
                               badge_visible_cb, NULL, NULL, NULL);
  g_object_bind_property_full (page, "badge-count", badge, "label", G_BINDING_SYNC_CREATE,
                               badge_text_cb, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "hibachi-page", page);
  g_object_set_data (G_OBJECT (row), "hibachi-badge", badge);
  /* Named like its page ("bookings"), and called by its title. */
  gtk_widget_set_name (row, gtk_widget_get_name (GTK_WIDGET (page)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, hibachi_page_get_title (page), -1);
  g_signal_connect_object (page, "notify::badge-count", G_CALLBACK (badge_spoken_cb), row, 0);
  g_signal_connect_object (page, "notify::badge-description", G_CALLBACK (badge_spoken_cb), row, 0);
  badge_spoken_cb (page, NULL, row);

  return row;
}
