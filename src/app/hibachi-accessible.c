/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
hibachi_accessible_set_label (GtkWidget  *control,
                              const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (control));

  set_label (control, label);
  if (!GTK_IS_DROP_DOWN (control) && !GTK_IS_MENU_BUTTON (control))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (control); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      set_label (child, label);
}

static const char * const *
label_icon_buttons (GtkWidget          *root,
                    const char         *icon_name,
                    const char * const *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL && *labels != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        set_label (child, *labels++);
      else
        labels = label_icon_buttons (child, icon_name, labels);
    }

  return labels;
}

void
hibachi_accessible_label_icon_buttons (GtkWidget          *root,
                                       const char         *icon_name,
                                       const char * const *labels)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  label_icon_buttons (root, icon_name, labels);
}

void
hibachi_accessible_label_calendar (GtkWidget *calendar)
{
  hibachi_accessible_label_icon_buttons (calendar, "pan-start-symbolic",
                                         (const char *[]) { _("Previous Month"), _("Previous Year"), NULL });
  hibachi_accessible_label_icon_buttons (calendar, "pan-end-symbolic",
                                         (const char *[]) { _("Next Month"), _("Next Year"), NULL });
}
