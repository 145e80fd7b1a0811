/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-list-keys.h: a list is one Tab stop. GTK 4.8 moves the focus
 * from row to row on Tab, so a list of 600 bookings kept the keyboard in
 * it; as in GNOME's own lists, the arrow keys walk the rows and Tab and
 * Shift+Tab leave the list from whichever row has the focus. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tab and Shift+Tab, pressed anywhere in @list, move the focus to what
 * comes after or before @list in its window. */
void hibachi_list_keys_tab_leaves (GtkWidget *list);

G_END_DECLS
