/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-reason-dialog.h: asks for the reason a change needs (10–500
 * characters, checked by src/core before the button is enabled). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*HibachiReasonCallback) (const char *reason,
                                       gpointer    user_data);

void hibachi_reason_dialog_run (GtkWidget             *parent,
                                const char            *heading,
                                const char            *body,
                                const char            *action_label,
                                gboolean               destructive,
                                HibachiReasonCallback  callback,
                                gpointer               user_data,
                                GDestroyNotify         destroy);

G_END_DECLS
