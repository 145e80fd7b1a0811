/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-accessible.h: names for what a screen reader announces where GTK
 * 4.8 and libadwaita 1.2 give none. Focus lands on the button inside a
 * GtkDropDown or GtkMenuButton, which a label on the control does not reach;
 * and some library widgets build icon buttons without a name (a calendar's
 * arrows, a password row's peek button, a preferences window's search). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The label of @control and, for a drop-down or menu button, of the button
 * inside it. */
void hibachi_accessible_set_label         (GtkWidget          *control,
                                           const char         *label);
/* Labels, in widget order, the buttons inside @root that show @icon_name;
 * @labels is NULL-terminated. */
void hibachi_accessible_label_icon_buttons (GtkWidget          *root,
                                            const char         *icon_name,
                                            const char * const *labels);
/* Names for a GtkCalendar's month and year arrows. */
void hibachi_accessible_label_calendar     (GtkWidget          *calendar);

G_END_DECLS
