/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-context-menu"

#include "config.h"

#include "hibachi-context-menu.h"

static void
unparent_popover_cb (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* After the menu's action ran; what it was for may be gone by then. */
  g_idle_add_once (unparent_popover_cb, g_object_ref (popover));
}

GtkWidget *
hibachi_context_menu_popup (GtkWidget          *parent,
                            GMenuModel         *model,
                            const GdkRectangle *at,
                            gboolean            arrow)
{
  GtkWidget *popover;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (model), NULL);

  popover = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), arrow);
  if (at != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), at);
  gtk_widget_set_parent (popover, parent);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));

  return popover;
}

gboolean
hibachi_context_menu_is_key (guint           keyval,
                             GdkModifierType state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  return (keyval == GDK_KEY_Menu && mods == 0) || (keyval == GDK_KEY_F10 && mods == GDK_SHIFT_MASK);
}
