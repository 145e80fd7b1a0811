/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-split-layout.h: the window's sidebar beside its content, one of
 * them at a time in a narrow window. libadwaita ≥ 1.4 (the Flatpak's
 * runtime): an AdwNavigationSplitView that collapses at a breakpoint;
 * libadwaita 1.2 (Debian 12): a layout of its own that folds when the two
 * do not fit. Children in a .ui: <child type="sidebar"> and <child type="content">. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_SPLIT_LAYOUT (hibachi_split_layout_get_type ())

G_DECLARE_FINAL_TYPE (HibachiSplitLayout, hibachi_split_layout, HIBACHI, SPLIT_LAYOUT, GtkWidget)

gboolean hibachi_split_layout_get_folded           (HibachiSplitLayout *self);
gboolean hibachi_split_layout_get_show_back_button (HibachiSplitLayout *self);
gboolean hibachi_split_layout_get_content_shown    (HibachiSplitLayout *self);
void     hibachi_split_layout_show_content         (HibachiSplitLayout *self,
                                                    gboolean            show);

G_END_DECLS
