/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeping a paged list current: rows others change (the change feed) and
 * rows that join the query (refresh) update in place. */
#define G_LOG_DOMAIN "hibachi-paged-list"

#include "config.h"

#include "hibachi-paged-list-private.h"

typedef struct
{
  char   *query;   /* the refresh is for this query only */
  GArray *pages;   /* page indices to fetch, ascending */
  guint   next;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_free (refresh->query);
  g_array_unref (refresh->pages);
  g_free (refresh);
}

/* The server's rows from @start on, against the rows held there: a row
 * the list does not hold joined the query and goes in at its place. Rows
 * held elsewhere (moved) are left for the next reload. */
static void
merge_page (HibachiPagedList *self,
            guint             start,
            GPtrArray        *page)
{
  g_autoptr(GHashTable) held = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->items->len; i++)
    {
      HibachiResource *row = g_ptr_array_index (self->items, i);

      if (row != NULL && hibachi_resource_is_loaded (row))
        g_hash_table_add (held, (gpointer) hibachi_resource_get_id (row));
    }

  for (guint i = 0; i < page->len && start + i <= self->items->len; i++)
    {
      HibachiResource *fresh = g_ptr_array_index (page, i);
      HibachiResource *row = start + i < self->items->len ? g_ptr_array_index (self->items, start + i) : NULL;
      const char *id = hibachi_resource_get_id (fresh);

      if (row != NULL && hibachi_resource_is_loaded (row) && g_strcmp0 (hibachi_resource_get_id (row), id) == 0)
        {
          if (hibachi_resource_is_newer (fresh, row))
            hibachi_resource_set_from (row, fresh);
          continue;
        }
      if (g_hash_table_contains (held, id))
        continue;

      g_ptr_array_insert (self->items, (int) (start + i), g_object_ref (fresh));
      self->n_loaded++;
      g_list_model_items_changed (G_LIST_MODEL (self), start + i, 0, 1);
      hibachi_paged_list_notify_n_items (self);
    }
}

static void refresh_next (GTask *task);

static void
refresh_page_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiPagedList *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(GPtrArray) page = NULL;
  gint64 total = 0;

  if (reply != NULL)
    page = hibachi_resource_parse_page (self->item_type, reply, &total, NULL, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A new query meanwhile: its rows are not these. */
  if (g_strcmp0 (refresh->query, self->query) == 0)
    merge_page (self, g_array_index (refresh->pages, guint, refresh->next - 1) * HIBACHI_PAGED_LIST_PAGE_SIZE, page);
  refresh_next (g_steal_pointer (&task));
}

/* One page at a time, in order: after a row goes in, the next page's rows
 * are where the server now has them. */
static void
refresh_next (GTask *task)
{
  HibachiPagedList *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  guint page;

  if (refresh->next >= refresh->pages->len || g_strcmp0 (refresh->query, self->query) != 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  page = g_array_index (refresh->pages, guint, refresh->next++);
  path = hibachi_paged_list_page_path (self, refresh->query, page);
  hibachi_client_request_async (self->client, "GET", path, NULL, NULL, g_task_get_cancellable (task),
                                refresh_page_cb, task);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

void
hibachi_paged_list_refresh_async (HibachiPagedList    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Refresh *refresh;

  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_paged_list_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->query = g_strdup (self->query ? self->query : "");
  refresh->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GList *l = self->recent_pages.head; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);

      g_array_append_val (refresh->pages, page);
    }
  g_array_sort (refresh->pages, compare_pages);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  refresh_next (task);
}

gboolean
hibachi_paged_list_refresh_finish (HibachiPagedList  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  HibachiPagedList *self;
  char             *id;
  char             *actor;
  char             *action;
} RowFetch;

static void
row_fetch_free (RowFetch *fetch)
{
  g_free (fetch->id);
  g_free (fetch->actor);
  g_free (fetch->action);
  g_free (fetch);
}

static void
row_fetched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RowFetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(HibachiResource) fresh = NULL;
  HibachiResource *row;

  /* Cancelled when the list goes: then fetch->self may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      row_fetch_free (fetch);
      return;
    }

  /* Gone (deleted) or unreadable now: the row stays until the next reload. */
  fresh = reply ? hibachi_resource_new_from_json (fetch->self->item_type, reply, &error) : NULL;
  row = fresh ? hibachi_paged_list_find (fetch->self, fetch->id) : NULL;
  if (row != NULL && hibachi_resource_is_newer (fresh, row))
    {
      hibachi_resource_set_from (row, fresh);
      hibachi_paged_list_emit_row_changed (fetch->self, row, fetch->actor, fetch->action);
    }
  else if (error != NULL)
    g_debug ("Not updating %s: %s", fetch->id, error->message);

  row_fetch_free (fetch);
}

static void feed_refresh (HibachiPagedList *self);

static void
feed_refreshed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  HibachiPagedList *self;

  /* Cancelled when the list goes: then it may be gone. */
  if (!hibachi_paged_list_refresh_finish (HIBACHI_PAGED_LIST (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Rows that joined wait for the next reload: %s", error->message);

  self = HIBACHI_PAGED_LIST (source);
  self->feed_refreshing = FALSE;
  if (self->feed_refresh_again)
    feed_refresh (self);
}

/* Several rows joining at once cost one refresh, and one more for those
 * that joined while it ran. */
static void
feed_refresh (HibachiPagedList *self)
{
  if (self->feed_refreshing)
    {
      self->feed_refresh_again = TRUE;
      return;
    }
  self->feed_refreshing = TRUE;
  self->feed_refresh_again = FALSE;
  hibachi_paged_list_refresh_async (self, self->follow_cancellable, feed_refreshed_cb, NULL);
}

static void
feed_changed_cb (HibachiChangeFeed   *feed,
                 HibachiResourceKind  kind,
                 const char          *id,
                 const char          *actor,
                 const char          *action,
                 HibachiPagedList    *self)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  RowFetch *fetch;

  if (kind != self->followed)
    return;
  if (hibachi_paged_list_find (self, id) == NULL)
    {
      if (g_strcmp0 (action, "create") == 0 || g_strcmp0 (action, "restore") == 0)
        feed_refresh (self);
      return;
    }

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat (self->path, "/", escaped, NULL);
  fetch = g_new0 (RowFetch, 1);
  fetch->self = self;
  fetch->id = g_strdup (id);
  fetch->actor = g_strdup (actor);
  fetch->action = g_strdup (action);
  hibachi_client_request_async (self->client, "GET", path, NULL, NULL, self->follow_cancellable, row_fetched_cb, fetch);
}

void
hibachi_paged_list_follow (HibachiPagedList    *self,
                           HibachiChangeFeed   *feed,
                           HibachiResourceKind  kind)
{
  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));
  g_return_if_fail (HIBACHI_IS_CHANGE_FEED (feed));
  g_return_if_fail (self->follow_cancellable == NULL);

  self->followed = kind;
  self->follow_cancellable = g_cancellable_new ();
  g_signal_connect_object (feed, "changed", G_CALLBACK (feed_changed_cb), self, 0);
}
