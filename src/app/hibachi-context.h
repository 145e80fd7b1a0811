/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-context.h: what every page of a window works with, handed to each
 * page once: who is signed in (session), the names of stations and chefs
 * (directory), the settings, the window's undo stack and the changes others
 * make (change feed). */
#pragma once

#include <gio/gio.h>

#include "hibachi-change-feed.h"
#include "hibachi-connection-monitor.h"
#include "hibachi-directory.h"
#include "hibachi-session.h"
#include "hibachi-undo-stack.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_CONTEXT (hibachi_context_get_type ())

G_DECLARE_FINAL_TYPE (HibachiContext, hibachi_context, HIBACHI, CONTEXT, GObject)

HibachiContext   *hibachi_context_new            (GSettings        *settings);
GSettings        *hibachi_context_get_settings   (HibachiContext   *self);
HibachiUndoStack *hibachi_context_get_undo_stack (HibachiContext   *self);
/* NULL while nobody is signed in. */
HibachiSession   *hibachi_context_get_session    (HibachiContext   *self);
HibachiDirectory *hibachi_context_get_directory  (HibachiContext   *self);
/* The window's one connection state, fed by every request of the session's
 * client; NULL while signed out. */
HibachiConnectionMonitor *hibachi_context_get_connection_monitor (HibachiContext *self);
/* The window's one long poll of the changes every client makes, running
 * while signed in; NULL while signed out. Lists and details follow it. */
HibachiChangeFeed *hibachi_context_get_change_feed (HibachiContext  *self);
/* Signed in with the directory loaded (@session and @directory set), or
 * signed out (both NULL). Pages follow "notify::directory": a new one
 * comes with every sign-in. A new session clears the undo stack. */
void              hibachi_context_set_account    (HibachiContext   *self,
                                                  HibachiSession   *session,
                                                  HibachiDirectory *directory);
gboolean          hibachi_context_get_signed_in  (HibachiContext   *self);
/* A chef's name for people: from the directory, or the signed-in chef's
 * own (a chef's directory lists no chefs); NULL when unknown, never the id. */
const char       *hibachi_context_chef_name      (HibachiContext   *self,
                                                  const char       *chef_id);

G_END_DECLS
