/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-wrap-box.h: children side by side at their natural widths, in as
 * many rows as the width needs (GTK 4.8 has no wrap box; AdwWrapBox came in
 * libadwaita 1.7). Its minimum width is its widest child's, so a bar of
 * controls wraps instead of scrolling sideways or being cut off. Children
 * in a .ui: plain <child>; Tab follows their order. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_WRAP_BOX (hibachi_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (HibachiWrapBox, hibachi_wrap_box, HIBACHI, WRAP_BOX, GtkWidget)

GtkWidget *hibachi_wrap_box_new         (void);
int        hibachi_wrap_box_get_spacing (HibachiWrapBox *self);
void       hibachi_wrap_box_set_spacing (HibachiWrapBox *self,
                                         int             spacing);

G_END_DECLS
