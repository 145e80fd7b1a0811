/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-paged-list-private.h: what the paged list's two files share
 * (the list itself, and keeping it current: refresh and the change feed). */
#pragma once

#include "hibachi-paged-list.h"

G_BEGIN_DECLS

struct _HibachiPagedList
{
  GObject       parent_instance;

  HibachiClient *client;
  char          *path;           /* "/api/v1/bookings" */
  GType          item_type;      /* a HibachiResource: parses the rows */
  char          *query;
  GPtrArray     *items;          /* item_type objects, or NULL where none is held */
  GHashTable    *pages_loading;  /* page index → page index */
  GCancellable  *cancellable;    /* of the current query */
  GError        *error;
  guint          n_loaded;
  gboolean       loading;
  GQueue         recent_pages;   /* loaded page indices, least recently used first */
  guint          shown_first;    /* in view at the last scroll: which way it scrolls */
  GPtrArray     *released;       /* row objects no one holds, freed a batch per idle */
  guint          release_id;
  guint          trim_id;        /* freed rows' heap given back once the list is still */
  HibachiResourceKind followed;  /* of the feed's changes that concern the rows */
  GCancellable  *follow_cancellable;
  gboolean       feed_refreshing;  /* a refresh the feed asked for is on its way */
  gboolean       feed_refresh_again;
};

/* GET path of page @page (from 0) of the endpoint with @query. */
char *hibachi_paged_list_page_path       (HibachiPagedList *self,
                                          const char       *query,
                                          guint             page);
void hibachi_paged_list_notify_n_items   (HibachiPagedList *self);
void hibachi_paged_list_emit_row_changed (HibachiPagedList *self,
                                          HibachiResource  *row,
                                          const char       *actor,
                                          const char       *action);

G_END_DECLS
