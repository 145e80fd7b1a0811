/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-context-menu.h: the menus a right click or the Menu key opens
 * (a dispatch card, a bookings row). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows a menu of @model over @parent, pointing at @at (in @parent's
 * coordinates; NULL: all of @parent), with an arrow or not. The menu is
 * gone (unparented) once closed, after its item's action ran. Returns it. */
GtkWidget *hibachi_context_menu_popup (GtkWidget          *parent,
                                       GMenuModel         *model,
                                       const GdkRectangle *at,
                                       gboolean            arrow);

/* The keys that open a context menu: Menu, or Shift+F10. */
gboolean   hibachi_context_menu_is_key (guint           keyval,
                                        GdkModifierType state);

G_END_DECLS
