/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-change-feed.h: the changes every client makes, as they happen
 * (one long poll on GET /api/v1/changes per window). Emits "changed" for
 * each: what changed, its id, who made it (their name, or their email when
 * the server has no name) and what they did ("update", "cancel"…). Changes
 * made through this app come too: a view may tell them apart by the actor.
 * After an error it waits (1 s doubling to 30 s) and resumes where it was,
 * so no change is missed; a role that may not follow changes stops it. */
#pragma once

#include "hibachi-client.h"
#include "hibachi-resource.h"

G_BEGIN_DECLS

/* How long the server may hold one poll, in seconds. */
#define HIBACHI_CHANGE_FEED_WAIT 25

#define HIBACHI_TYPE_CHANGE_FEED (hibachi_change_feed_get_type ())
G_DECLARE_FINAL_TYPE (HibachiChangeFeed, hibachi_change_feed, HIBACHI, CHANGE_FEED, GObject)

HibachiChangeFeed *hibachi_change_feed_new         (HibachiClient     *client);
/* Starts following from now; changes made before are not reported. */
void               hibachi_change_feed_start       (HibachiChangeFeed *self);
void               hibachi_change_feed_stop        (HibachiChangeFeed *self);
gboolean           hibachi_change_feed_get_running (HibachiChangeFeed *self);

G_END_DECLS
