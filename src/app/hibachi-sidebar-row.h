/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-sidebar-row.h: the sidebar's row for one page of the window's
 * stack, following the page's title, icon and badge (and saying what the
 * badge counts to a screen reader). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hibachi_sidebar_row_new (GtkStackPage *item);

G_END_DECLS
