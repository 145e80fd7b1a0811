/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hibachi-application.h"
#include "hibachi-bookings-view.h"
#include "hibachi-context.h"
#include "hibachi-session.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_WINDOW (hibachi_window_get_type ())
G_DECLARE_FINAL_TYPE (HibachiWindow, hibachi_window, HIBACHI, WINDOW, AdwApplicationWindow)

void                 hibachi_window_begin_restore    (HibachiApplication *application);
HibachiWindow       *hibachi_window_new              (HibachiApplication *application);
/* Shows the window once it has its first content, or after a short while. */
void                 hibachi_window_present_when_ready (HibachiWindow    *self);
HibachiSession      *hibachi_window_get_session      (HibachiWindow      *self);
HibachiContext      *hibachi_window_get_context      (HibachiWindow      *self);
HibachiBookingsView *hibachi_window_get_bookings_view (HibachiWindow     *self);
/* "loading", "sign-in" or "main" */
const char          *hibachi_window_get_page         (HibachiWindow      *self);

G_END_DECLS
