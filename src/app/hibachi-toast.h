/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-toast.h: the one way the app shows a toast. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast (transfer full) on the toast overlay @widget is in (or is),
 * in place of the toast shown there; a toast of normal priority waits
 * while one of high priority (an Undo offer) is shown. A toast replaced
 * does not come back later (an Undo offer that came back after its
 * command was undone would undo nothing), and of several waiting only the
 * newest is shown. Safe on libadwaita 1.2 (see hibachi-toast.c). */
void hibachi_toast_show (GtkWidget *widget,
                         AdwToast  *toast);

G_END_DECLS
