/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-session.h: who is signed in to which server (SPEC §4). Signs in,
 * restores from the keyring without the password, writes rotated tokens
 * back, signs out (revoking on the server and clearing the keyring). */
#pragma once

#include <gio/gio.h>

#include "hibachi-client.h"
#include "hibachi-roles.h"
#include "hibachi-store.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_SESSION (hibachi_session_get_type ())
G_DECLARE_FINAL_TYPE (HibachiSession, hibachi_session, HIBACHI, SESSION, GObject)

typedef enum
{
  HIBACHI_SESSION_SIGNED_OUT,
  HIBACHI_SESSION_SIGNED_IN,
  HIBACHI_SESSION_EXPIRED,     /* the server refused to refresh: sign in again */
  HIBACHI_SESSION_CONFIRMING,  /* restored tokens the server is asked about: requests
                                * can go out in its name, nothing is known of the user */
} HibachiSessionState;

GType                hibachi_session_state_get_type (void);
#define HIBACHI_TYPE_SESSION_STATE (hibachi_session_state_get_type ())

HibachiSession      *hibachi_session_new              (const char          *server_url);
HibachiClient       *hibachi_session_get_client       (HibachiSession      *self);
/* The one store of this session's client: every view's calls go through it,
 * so its "changed" hears every write this app makes. */
HibachiStore        *hibachi_session_get_store        (HibachiSession      *self);
const char          *hibachi_session_get_server_url   (HibachiSession      *self);
HibachiSessionState  hibachi_session_get_state        (HibachiSession      *self);
const char          *hibachi_session_get_email        (HibachiSession      *self);
const char          *hibachi_session_get_full_name    (HibachiSession      *self);
const char          *hibachi_session_get_role         (HibachiSession      *self);
const char          *hibachi_session_get_chef_id      (HibachiSession      *self);
const char * const  *hibachi_session_get_station_ids  (HibachiSession      *self);
/* The name of one of the user's own stations (as /me tells it), or NULL. */
const char          *hibachi_session_get_station_name (HibachiSession      *self,
                                                       const char          *station_id);
/* FALSE when the keyring could not keep the session (session-only sign-in). */
gboolean             hibachi_session_get_remembered   (HibachiSession      *self);
/* The keyring's complaint when the session is not remembered, or NULL. */
const char          *hibachi_session_get_keyring_error (HibachiSession     *self);
HibachiRole          hibachi_session_get_role_id      (HibachiSession      *self);
/* Whether the signed-in role has every capability asked for (src/core's
 * table, the one the server authorises with). FALSE when signed out. */
gboolean             hibachi_session_can              (HibachiSession      *self,
                                                       HibachiCapability    capabilities);

void                 hibachi_session_sign_in_async    (HibachiSession      *self,
                                                       const char          *email,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             hibachi_session_sign_in_finish   (HibachiSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* TRUE when a stored session of @email was restored; FALSE with no error
 * when none was stored. */
void                 hibachi_session_restore_async    (HibachiSession      *self,
                                                       const char          *email,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             hibachi_session_restore_finish   (HibachiSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void                 hibachi_session_sign_out_async   (HibachiSession      *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             hibachi_session_sign_out_finish  (HibachiSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
