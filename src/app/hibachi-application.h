/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_APPLICATION (hibachi_application_get_type ())
G_DECLARE_FINAL_TYPE (HibachiApplication, hibachi_application, HIBACHI, APPLICATION, AdwApplication)

/* How the process allocates and gives memory back: call first in main(). */
void                hibachi_application_set_memory_policy (void);
HibachiApplication *hibachi_application_new          (void);
GSettings          *hibachi_application_get_settings (HibachiApplication *self);
/* Asked for "Try the demo" at start (--demo). */
gboolean            hibachi_application_get_start_demo (HibachiApplication *self);

G_END_DECLS
