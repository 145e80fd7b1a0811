/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_PREFERENCES_WINDOW (hibachi_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HibachiPreferencesWindow, hibachi_preferences_window, HIBACHI, PREFERENCES_WINDOW, AdwPreferencesWindow)

HibachiPreferencesWindow *hibachi_preferences_window_new (GSettings *settings);

G_END_DECLS
