/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-paged-list"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hibachi-paged-list-private.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HibachiPagedList, hibachi_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  HibachiPagedList *self;
  guint               page;
  gboolean            first;   /* the answer sets the total */
  GType               item_type;
  GPtrArray          *rows;    /* the answer's, made where it was parsed */
  gint64              total;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_object_unref (request->self);
  g_clear_pointer (&request->rows, g_ptr_array_unref);
  g_free (request);
}

/* Where the client parses the page (a worker thread: a page is long), its
 * rows are made too: a hundred objects, 1 to 2.6 ms that were the main
 * thread's, between two frames, every third frame or so of a fast scroll. */
static gboolean
make_rows (JsonNode  *reply,
           gpointer   data,
           GError   **error)
{
  PageRequest *request = data;

  request->rows = hibachi_resource_parse_page (request->item_type, reply, &request->total, NULL, error);
  return request->rows != NULL;
}

static void request_page (HibachiPagedList *self, guint page, gboolean first);

#define RELEASE_BATCH 64   /* about half a millisecond each here */
#define TRIM_DELAY_MS 1000

/* Rows freed by the thousand (pages evicted while scrolling, a new query)
 * leave holes all through the heap, and glibc keeps them resident: only
 * the heap's top goes back by itself. Once the list has been still for a
 * second, the holes' whole pages go back to the system too: at 100,000
 * bookings browsed, 3 to 6 MiB (ui-100k), for a few milliseconds. */
static gboolean
trim_cb (gpointer data)
{
  HibachiPagedList *self = data;
#ifdef __GLIBC__
  gint64 started = g_get_monotonic_time ();

  malloc_trim (0);
  g_debug ("heap given back in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);
#endif
  self->trim_id = 0;
  return G_SOURCE_REMOVE;
}

static void
trim_when_still (HibachiPagedList *self)
{
  g_clear_handle_id (&self->trim_id, g_source_remove);
  self->trim_id = g_timeout_add_full (G_PRIORITY_LOW, TRIM_DELAY_MS, trim_cb, self, NULL);
}

static gboolean
release_batch_cb (gpointer data)
{
  HibachiPagedList *self = data;
  guint n = MIN (self->released->len, RELEASE_BATCH);

  g_ptr_array_remove_range (self->released, self->released->len - n, n);
  if (self->released->len > 0)
    return G_SOURCE_CONTINUE;

  self->release_id = 0;
  trim_when_still (self);
  return G_SOURCE_REMOVE;
}

/* A row leaves memory. An object only the list holds is dropped (a view
 * asking again gets a new one); an object a view shows stays and is
 * emptied, and the view loads it again. Evicting a page frees its rows at
 * once (a hundred rows, under a millisecond), so memory stays bounded
 * however long one scrolls; a new query over 100k rows hands its loaded
 * rows to an idle that frees them in batches, so typing never stalls on it. */
static void
release_row (HibachiPagedList *self,
             guint               position,
             gboolean            later)
{
  HibachiResource *row = g_ptr_array_index (self->items, position);

  if (row == NULL)
    return;

  if (hibachi_resource_is_loaded (row))
    self->n_loaded--;

  if (g_atomic_int_get (&G_OBJECT (row)->ref_count) > 1)
    {
      hibachi_resource_set_json (row, NULL);
      return;
    }

  g_ptr_array_index (self->items, position) = NULL;
  if (!later)
    {
      g_object_unref (row);
      return;
    }

  g_ptr_array_add (self->released, row);
  if (self->release_id == 0)
    self->release_id = g_idle_add_full (G_PRIORITY_LOW, release_batch_cb, self, NULL);
}

static void
touch_page (HibachiPagedList *self,
            guint               page)
{
  GList *link = g_queue_find (&self->recent_pages, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent_pages, link);
  else
    link = g_list_alloc ();
  link->data = GUINT_TO_POINTER (page);
  g_queue_push_tail_link (&self->recent_pages, link);
}

/* Bounded memory: pages beyond the limit are dropped, least recently used
 * first. Views keep the objects they show; a dropped row shown again is
 * loaded again. */
static void
evict_pages (HibachiPagedList *self)
{
  while (self->recent_pages.length > HIBACHI_PAGED_LIST_MAX_PAGES)
    {
      guint page = GPOINTER_TO_UINT (g_queue_pop_head (&self->recent_pages));
      guint start = page * HIBACHI_PAGED_LIST_PAGE_SIZE;

      for (guint i = start; i < start + HIBACHI_PAGED_LIST_PAGE_SIZE && i < self->items->len; i++)
        release_row (self, i, FALSE);
      trim_when_still (self);
    }
}

static GType
get_item_type (GListModel *model)
{
  return HIBACHI_PAGED_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return HIBACHI_PAGED_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HibachiPagedList *self = HIBACHI_PAGED_LIST (model);
  HibachiResource *row;

  if (position >= self->items->len)
    return NULL;

  /* One object per row for as long as the row exists: pages and new queries
   * fill it in place ("changed", property notifications), so views update
   * rows without rebuilding them. Created on demand, not loaded; it costs no
   * request, views load what they show. */
  row = g_ptr_array_index (self->items, position);
  if (row == NULL)
    {
      row = g_object_new (self->item_type, NULL);
      g_ptr_array_index (self->items, position) = row;
    }

  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_loading (HibachiPagedList *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (HibachiPagedList *self,
           GError             *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageRequest *request = user_data;
  HibachiPagedList *self = request->self;
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(GPtrArray) page = g_steal_pointer (&request->rows);
  gint64 total = request->total;
  guint start, old_len;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      page_request_free (request);
      return;
    }

  g_hash_table_remove (self->pages_loading, GUINT_TO_POINTER (request->page));

  /* "loading" turns FALSE once what the page brought is in: whoever
   * watches it sees the rows (or the error) of this answer, not the state
   * before it. */
  if (error != NULL)
    {
      set_error (self, error);
      set_loading (self, g_hash_table_size (self->pages_loading) > 0);
      page_request_free (request);
      return;
    }

  if (self->error != NULL)
    set_error (self, NULL);

  start = request->page * HIBACHI_PAGED_LIST_PAGE_SIZE;
  old_len = self->items->len;

  if (request->first)
    {
      /* A new query: the rows views show keep their objects; only a change
       * in length is announced, so views keep their rows and selection is
       * cleared by them. The shown rows this page answers for take their
       * new booking below, never emptied in between: one "changed" each, so
       * a view restyles each cell once, not twice, per query typed. The
       * other shown rows are emptied and load again as views ask. */
      guint kept = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          HibachiResource *row = g_ptr_array_index (self->items, i);

          if (row != NULL && i >= start && i - start < page->len && i < (guint) total &&
              g_atomic_int_get (&G_OBJECT (row)->ref_count) > 1)
            {
              kept += hibachi_resource_is_loaded (row) ? 1 : 0;
              continue;
            }
          release_row (self, i, TRUE);
        }
      g_assert (self->n_loaded == kept);
      g_queue_clear (&self->recent_pages);
      g_ptr_array_set_size (self->items, (guint) total);
    }

  for (guint i = 0; i < page->len && start + i < self->items->len; i++)
    {
      HibachiResource *row = g_ptr_array_index (self->items, start + i);
      HibachiResource *loaded = g_ptr_array_index (page, i);

      if (row == NULL)
        g_ptr_array_index (self->items, start + i) = g_object_ref (loaded);
      else
        {
          if (!hibachi_resource_is_loaded (row))
            self->n_loaded++;
          /* A page read before a save and answered after it (requests go
           * side by side): the row keeps the saved version. */
          else if (hibachi_resource_is_newer (row, loaded))
            continue;
          hibachi_resource_set_from (row, loaded);
          continue;
        }
      self->n_loaded++;
    }

  touch_page (self, request->page);
  evict_pages (self);

  if (request->first && old_len != self->items->len)
    {
      if (self->items->len < old_len)
        g_list_model_items_changed (G_LIST_MODEL (self), self->items->len, old_len - self->items->len, 0);
      else
        g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, self->items->len - old_len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  set_loading (self, g_hash_table_size (self->pages_loading) > 0);

  page_request_free (request);
}

char *
hibachi_paged_list_page_path (HibachiPagedList *self,
                              const char       *query,
                              guint             page)
{
  return g_strdup_printf ("%s?page=%u&limit=%u%s%s", self->path, page + 1, HIBACHI_PAGED_LIST_PAGE_SIZE,
                          query && *query ? "&" : "", query ? query : "");
}

void
hibachi_paged_list_prefetch (HibachiPagedList *self,
                             const char       *query)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  path = hibachi_paged_list_page_path (self, query, 0);
  hibachi_client_prefetch (self->client, path);
}

static void
request_page (HibachiPagedList *self,
              guint               page,
              gboolean            first)
{
  PageRequest *request;
  HibachiRequestOptions options = { .transform = make_rows, .reply_consumed = TRUE };
  g_autofree char *path = NULL;

  if (!first && g_hash_table_contains (self->pages_loading, GUINT_TO_POINTER (page)))
    return;

  g_hash_table_add (self->pages_loading, GUINT_TO_POINTER (page));
  set_loading (self, TRUE);

  request = g_new0 (PageRequest, 1);
  request->self = g_object_ref (self);
  request->page = page;
  request->first = first;
  request->item_type = self->item_type;
  options.transform_data = request;
  path = hibachi_paged_list_page_path (self, self->query, page);
  hibachi_client_request_async (self->client, "GET", path, NULL, &options, self->cancellable, page_cb, request);
}

static void
hibachi_paged_list_dispose (GObject *object)
{
  HibachiPagedList *self = HIBACHI_PAGED_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->follow_cancellable != NULL)
    g_cancellable_cancel (self->follow_cancellable);
  g_clear_object (&self->follow_cancellable);
  g_clear_object (&self->client);
  g_clear_handle_id (&self->release_id, g_source_remove);
  g_clear_handle_id (&self->trim_id, g_source_remove);

  G_OBJECT_CLASS (hibachi_paged_list_parent_class)->dispose (object);
}

static void
hibachi_paged_list_finalize (GObject *object)
{
  HibachiPagedList *self = HIBACHI_PAGED_LIST (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->released);
  g_hash_table_unref (self->pages_loading);
  g_queue_clear (&self->recent_pages);
  g_clear_error (&self->error);
  g_free (self->query);
  g_free (self->path);

  G_OBJECT_CLASS (hibachi_paged_list_parent_class)->finalize (object);
}

static void
hibachi_paged_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HibachiPagedList *self = HIBACHI_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error ? self->error->message : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_paged_list_class_init (HibachiPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_paged_list_dispose;
  object_class->finalize = hibachi_paged_list_finalize;
  object_class->get_property = hibachi_paged_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A loaded row was updated in place after someone changed it (the
   * row, who, what they did: as the change feed says). */
  signals[ROW_CHANGED] = g_signal_new ("row-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 3, HIBACHI_TYPE_RESOURCE, G_TYPE_STRING, G_TYPE_STRING);
}

static void
unref_if_loaded (gpointer data)
{
  /* Rows no view has asked for since they were released are NULL. */
  if (data != NULL)
    g_object_unref (data);
}

static void
hibachi_paged_list_init (HibachiPagedList *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
  self->released = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages_loading = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
}

HibachiPagedList *
hibachi_paged_list_new (HibachiClient *client,
                        const char    *path,
                        GType          item_type)
{
  HibachiPagedList *self;

  g_return_val_if_fail (HIBACHI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL && strchr (path, '?') == NULL, NULL);
  g_return_val_if_fail (g_type_is_a (item_type, HIBACHI_TYPE_RESOURCE), NULL);

  self = g_object_new (HIBACHI_TYPE_PAGED_LIST, NULL);
  self->client = g_object_ref (client);
  self->path = g_strdup (path);
  self->item_type = item_type;

  return self;
}

void
hibachi_paged_list_ensure (HibachiPagedList *self,
                             guint               position)
{
  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  if (position >= self->items->len)
    return;

  /* Shown: its page is in use, or worth a request. */
  if (g_ptr_array_index (self->items, position) != NULL &&
      hibachi_resource_is_loaded (g_ptr_array_index (self->items, position)))
    touch_page (self, position / HIBACHI_PAGED_LIST_PAGE_SIZE);
  else
    request_page (self, position / HIBACHI_PAGED_LIST_PAGE_SIZE, FALSE);
}

/* The pages of rows @first to @last. */
static void
ensure_rows (HibachiPagedList *self,
             guint             first,
             guint             last)
{
  for (guint page = first / HIBACHI_PAGED_LIST_PAGE_SIZE; page <= last / HIBACHI_PAGED_LIST_PAGE_SIZE; page++)
    hibachi_paged_list_ensure (self, MAX (first, page * HIBACHI_PAGED_LIST_PAGE_SIZE));
}

/* At rest (or after a jump), the rows a screenful above and below what is
 * laid out are read too, so the next scroll of a screen finds them in, not
 * "…" until their page comes. */
void
hibachi_paged_list_laid_out (HibachiPagedList *self,
                             guint             first,
                             guint             last)
{
  guint screen;

  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));
  g_return_if_fail (first <= last);

  screen = last - first + 1;
  ensure_rows (self, first, last);
  hibachi_paged_list_ensure (self, last + screen);
  if (first >= screen)
    hibachi_paged_list_ensure (self, first - screen);
}

/* Scrolling fast, GTK 4.8 binds rows up to about 170 past the last one
 * shown, and a page answers in 50 to 130 ms (ui-100k: two to four frames,
 * the server sharing the machine's cores); four pages ahead, its rows are
 * in before GTK binds them. They are filled once, as they are bound, not
 * bound as "…" and filled again when the page comes: at two pages ahead,
 * 30 to 50 bound rows of each page were, taking 2 to 15 ms between two
 * frames. A jump (the scrollbar dragged) asks for nothing here: rows
 * passed in one frame are not worth a page each. */
void
hibachi_paged_list_shown (HibachiPagedList *self,
                          guint             first,
                          guint             last)
{
  guint screen, previous;
  gboolean down, up;

  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));
  g_return_if_fail (first <= last);

  screen = last - first + 1;
  previous = self->shown_first;
  self->shown_first = first;
  down = first > previous && first - previous <= 2 * screen;
  up = first < previous && previous - first <= 2 * screen;
  if (!down && !up)
    return;

  ensure_rows (self, first, last);
  for (guint i = 1; i <= HIBACHI_PAGED_LIST_READ_AHEAD; i++)
    {
      if (down)
        hibachi_paged_list_ensure (self, last + i * HIBACHI_PAGED_LIST_PAGE_SIZE);
      else if (first >= i * HIBACHI_PAGED_LIST_PAGE_SIZE)
        hibachi_paged_list_ensure (self, first - i * HIBACHI_PAGED_LIST_PAGE_SIZE);
    }
}

void
hibachi_paged_list_reload (HibachiPagedList *self)
{
  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  /* Requests of the previous query may still answer: they are cancelled. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->pages_loading);

  request_page (self, 0, TRUE);
}

void
hibachi_paged_list_set_query (HibachiPagedList *self,
                                const char         *query)
{
  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  if (self->query != NULL && g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query ? query : "");
  hibachi_paged_list_reload (self);
}

const char *
hibachi_paged_list_get_query (HibachiPagedList *self)
{
  return self->query;
}

gboolean
hibachi_paged_list_get_loading (HibachiPagedList *self)
{
  return self->loading;
}

const GError *
hibachi_paged_list_get_error (HibachiPagedList *self)
{
  return self->error;
}

guint
hibachi_paged_list_get_n_loaded (HibachiPagedList *self)
{
  return self->n_loaded;
}

int
hibachi_paged_list_find_position (HibachiPagedList *self,
                                  const char       *id)
{
  g_return_val_if_fail (HIBACHI_IS_PAGED_LIST (self), -1);

  for (guint i = 0; id != NULL && i < self->items->len; i++)
    {
      HibachiResource *row = g_ptr_array_index (self->items, i);

      if (row != NULL && hibachi_resource_is_loaded (row) && g_strcmp0 (hibachi_resource_get_id (row), id) == 0)
        return (int) i;
    }

  return -1;
}

HibachiResource *
hibachi_paged_list_find (HibachiPagedList *self,
                         const char       *id)
{
  int position;

  g_return_val_if_fail (HIBACHI_IS_PAGED_LIST (self), NULL);

  position = hibachi_paged_list_find_position (self, id);
  return position >= 0 ? g_ptr_array_index (self->items, position) : NULL;
}

void
hibachi_paged_list_replace (HibachiPagedList *self,
                            HibachiResource  *resource)
{
  HibachiResource *row;

  g_return_if_fail (HIBACHI_IS_PAGED_LIST (self));

  row = hibachi_paged_list_find (self, hibachi_resource_get_id (resource));
  if (row != NULL && row != resource)
    hibachi_resource_set_from (row, resource);
}

gboolean
hibachi_paged_list_remove (HibachiPagedList *self,
                           const char       *id)
{
  int position;

  g_return_val_if_fail (HIBACHI_IS_PAGED_LIST (self), FALSE);

  position = hibachi_paged_list_find_position (self, id);
  if (position < 0)
    return FALSE;

  self->n_loaded--;
  g_ptr_array_remove_index (self->items, (guint) position);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 0);
  hibachi_paged_list_notify_n_items (self);
  return TRUE;
}

void
hibachi_paged_list_notify_n_items (HibachiPagedList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
hibachi_paged_list_emit_row_changed (HibachiPagedList *self,
                                     HibachiResource  *row,
                                     const char       *actor,
                                     const char       *action)
{
  g_signal_emit (self, signals[ROW_CHANGED], 0, row, actor, action);
}
