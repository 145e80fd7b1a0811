/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-paged-list.h: the rows of a list endpoint (bookings; reviews,
 * audit entries, price history…) as a GListModel that pages from the server
 * while the view scrolls. It knows the total at once, asks for the page of
 * any row the view wants, hands out unloaded rows meanwhile and keeps what
 * it loaded — so 100,000 bookings cost only what is seen. The rows are
 * entity objects (HibachiResource subclasses: their class parses a row). */
#pragma once

#include <gio/gio.h>

#include "hibachi-change-feed.h"
#include "hibachi-client.h"
#include "hibachi-resource.h"

G_BEGIN_DECLS

#define HIBACHI_PAGED_LIST_PAGE_SIZE 100
/* Pages kept in memory; the least recently used beyond it are dropped. */
#define HIBACHI_PAGED_LIST_MAX_PAGES 20
/* Pages asked for ahead of a steady scroll (hibachi_paged_list_shown()). */
#define HIBACHI_PAGED_LIST_READ_AHEAD 4

#define HIBACHI_TYPE_PAGED_LIST (hibachi_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (HibachiPagedList, hibachi_paged_list, HIBACHI, PAGED_LIST, GObject)

/* @path: the list endpoint, without query ("/api/v1/bookings"); @item_type:
 * the HibachiResource subclass of its rows. */
HibachiPagedList *hibachi_paged_list_new          (HibachiClient    *client,
                                                   const char       *path,
                                                   GType             item_type);
/* The query string of the endpoint without page and limit, e.g.
 * "status=pending&sort=-event_date"; a new one reloads from the first page. */
void              hibachi_paged_list_set_query    (HibachiPagedList *self,
                                                   const char       *query);
const char       *hibachi_paged_list_get_query    (HibachiPagedList *self);
/* Asks now for the first page of @query, for a list of the same endpoint
 * and client given @query soon after (hibachi_client_prefetch()). */
void              hibachi_paged_list_prefetch     (HibachiPagedList *self,
                                                   const char       *query);
void              hibachi_paged_list_reload       (HibachiPagedList *self);
gboolean          hibachi_paged_list_get_loading  (HibachiPagedList *self);
/* The last failure to load, or NULL. */
const GError     *hibachi_paged_list_get_error    (HibachiPagedList *self);
/* Asks for the page of @position unless it is loaded or on its way. Views
 * call it when they show a row: GTK asks for items it never shows, and those
 * must not cost a request. */
void              hibachi_paged_list_ensure       (HibachiPagedList *self,
                                                   guint             position);
/* Rows @first to @last are now in view. Scrolled steadily one way since the
 * last call (by a screenful or two), their pages and the
 * HIBACHI_PAGED_LIST_READ_AHEAD pages past them that way are asked for at
 * once, before the view binds those rows; after a jump, nothing (the rows
 * a view shows ask with ensure()). */
void              hibachi_paged_list_shown        (HibachiPagedList *self,
                                                   guint             first,
                                                   guint             last);
/* Rows @first to @last are laid out in view, the list at rest or just
 * jumped to: their pages and those of the rows a screenful above and below
 * are asked for. */
void              hibachi_paged_list_laid_out     (HibachiPagedList *self,
                                                   guint             first,
                                                   guint             last);
/* The loaded row with this id, or NULL. (transfer none) */
HibachiResource  *hibachi_paged_list_find         (HibachiPagedList *self,
                                                   const char       *id);
/* Puts an updated object's data into the loaded row with the same id (in
 * place: views update the row). */
void              hibachi_paged_list_replace      (HibachiPagedList *self,
                                                   HibachiResource  *resource);
guint             hibachi_paged_list_get_n_loaded (HibachiPagedList *self);
/* The position of the loaded row with this id, or -1. */
int               hibachi_paged_list_find_position (HibachiPagedList *self,
                                                    const char       *id);
/* A row that left the query here (deleted): it goes at once, the rows
 * after it move up; nothing is fetched. FALSE when it was not loaded. */
gboolean          hibachi_paged_list_remove       (HibachiPagedList *self,
                                                   const char       *id);
/* Fetches the pages it holds again, in order, and puts each row that
 * joined the query (created, restored) where the server sorts it: the rows
 * around it stay the same objects, views keep their selection. Rows that
 * join beyond the pages held come with the next reload. */
void              hibachi_paged_list_refresh_async  (HibachiPagedList    *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          hibachi_paged_list_refresh_finish (HibachiPagedList  *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
/* Keeps the loaded rows current: when @feed reports a change of a @kind
 * resource the list holds, the row is fetched again (GET path/id) and
 * updated in place, then "row-changed" says who did what. A row created or
 * restored elsewhere joins in place (hibachi_paged_list_refresh_async);
 * rows that leave the query wait for the next reload. Once per list. */
void              hibachi_paged_list_follow       (HibachiPagedList    *self,
                                                   HibachiChangeFeed   *feed,
                                                   HibachiResourceKind  kind);

G_END_DECLS
