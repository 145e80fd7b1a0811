/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-tile-source"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "hibachi-http.h"
#include "hibachi-tile-source.h"

/* A cached tile younger than this is used without asking the server. */
#define FRESH_SECONDS (7 * 24 * 3600)

struct _HibachiTileSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  char              *tiles_dir;      /* this template's folder in the cache */
  guint              cache_bytes;
  SoupSession       *session;
  ShumateFileCache  *cache;
  gboolean           available;
  guint              n_requested;
  guint              n_fetched;
  guint              n_cached;
  guint              n_stored;
};

G_DEFINE_FINAL_TYPE (HibachiTileSource, hibachi_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int     x, y, zoom;
  GBytes *cached;     /* a stale tile to fall back on, or NULL */
  char   *etag;
} TileRequest;

static void
tile_request_free (TileRequest *request)
{
  g_clear_pointer (&request->cached, g_bytes_unref);
  g_free (request->etag);
  g_free (request);
}

static void
set_available (HibachiTileSource *self,
               gboolean           available)
{
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static char *
tile_url (HibachiTileSource *self,
          int                x,
          int                y,
          int                zoom)
{
  g_autofree char *zs = g_strdup_printf ("%d", zoom);
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autoptr(GString) url = g_string_new (self->url_template);

  g_string_replace (url, "{z}", zs, 0);
  g_string_replace (url, "{x}", xs, 0);
  g_string_replace (url, "{y}", ys, 0);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* The raster renderer takes a tile's image from "received-data" (libshumate
 * 1.0 and later), then the task's completion marks the tile done. */
static void
return_tile (GTask  *task,
             GBytes *bytes)
{
  TileRequest *request = g_task_get_task_data (task);

  g_signal_emit_by_name (g_task_get_source_object (task), "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void trim_cache (HibachiTileSource *self);

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HibachiTileSource) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A full disk only costs the cache; the tile is shown anyway. (libshumate
   * 1.0 may fail without saying why.) */
  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (source), result, &error))
    g_debug ("Tile not cached: %s", error != NULL ? error->message : "no reason given");
  /* Once the tile is on disk, so the trim counts it. */
  else if (++self->n_stored % HIBACHI_TILE_STORES_PER_PURGE == 0)
    trim_cache (self);
}

/* Trimming the disk cache. libshumate 1.0's own purge adds up the size of
 * one tile, not of the cache, so it never trims: the tiles' files are
 * counted here, and the oldest (last stored or found fresh) go first. */

typedef struct
{
  char   *path;
  gint64  modified_ns;
  goffset size;
} CachedTile;

static void
cached_tile_clear (gpointer data)
{
  g_free (((CachedTile *) data)->path);
}

static void
list_tiles (const char *dir,
            GArray     *tiles,
            goffset    *total)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        list_tiles (path, tiles, total);
      else if (S_ISREG (st.st_mode) && g_str_has_suffix (name, ".png"))
        {
          CachedTile tile = { g_steal_pointer (&path), (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                              st.st_mtim.tv_nsec, st.st_size };

          g_array_append_val (tiles, tile);
          *total += tile.size;
        }
    }
}

static int
compare_age (gconstpointer a,
             gconstpointer b)
{
  const CachedTile *x = a, *y = b;

  if (x->modified_ns != y->modified_ns)
    return x->modified_ns < y->modified_ns ? -1 : 1;
  return g_strcmp0 (x->path, y->path);
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HibachiTileSource *self = source_object;
  g_autoptr(GArray) tiles = g_array_new (FALSE, FALSE, sizeof (CachedTile));
  goffset total = 0;
  guint removed = 0;

  g_array_set_clear_func (tiles, cached_tile_clear);
  list_tiles (self->tiles_dir, tiles, &total);
  g_array_sort (tiles, compare_age);
  for (guint i = 0; i < tiles->len && total > self->cache_bytes; i++)
    {
      CachedTile *tile = &g_array_index (tiles, CachedTile, i);

      if (g_unlink (tile->path) == 0)
        {
          total -= tile->size;
          removed++;
        }
    }
  g_task_return_int (task, removed);
}

static void
trimmed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gssize removed = g_task_propagate_int (G_TASK (result), &error);

  g_debug ("Tile cache trimmed: %" G_GSSIZE_FORMAT " tiles removed", removed);
}

static void
trim_cache (HibachiTileSource *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, trimmed_cb, NULL);

  g_task_run_in_thread (task, trim_thread);
}

static void
downloaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  SoupMessage *message = hibachi_http_get_message (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hibachi_http_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status = message != NULL ? soup_message_get_status (message) : 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (bytes != NULL && status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->zoom);
      set_available (self, TRUE);
      return_tile (task, request->cached);
      return;
    }

  if (bytes != NULL && SOUP_STATUS_IS_SUCCESSFUL (status) && g_bytes_get_size (bytes) > 0)
    {
      const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");

      self->n_fetched++;
      set_available (self, TRUE);
      shumate_file_cache_store_tile_async (self->cache, request->x, request->y, request->zoom, bytes, etag,
                                           NULL, stored_cb, g_object_ref (self));
      return_tile (task, bytes);
      return;
    }

  /* Offline or refused: an old tile beats none. */
  if (request->cached != NULL)
    {
      return_tile (task, request->cached);
      return;
    }

  /* A missing tile (404) is the server's business; no answer at all means
   * the map has no tiles. */
  if (error != NULL || status == 0 || status >= 500)
    set_available (self, FALSE);
  if (error == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u", status);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
cache_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *url = NULL;

  bytes = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (source), &request->etag, &modified, result, NULL);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (bytes != NULL && modified != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (g_date_time_difference (now, modified) < (GTimeSpan) FRESH_SECONDS * G_TIME_SPAN_SECOND)
        {
          self->n_cached++;
          return_tile (task, bytes);
          return;
        }
    }
  request->cached = g_steal_pointer (&bytes);

  url = tile_url (self, request->x, request->y, request->zoom);
  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      set_available (self, FALSE);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Not a tile address: %s", url);
      return;
    }
  if (request->cached != NULL && request->etag != NULL)
    soup_message_headers_append (soup_message_get_request_headers (message), "If-None-Match", request->etag);
  /* Default priority: at G_PRIORITY_LOW a main loop kept busy by frames
   * (hundreds of markers on a slow machine) never got to the tiles. */
  hibachi_http_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    downloaded_cb, g_object_ref (task));
}

static void
hibachi_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                         int                  x,
                                         int                  y,
                                         int                  zoom_level,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  HibachiTileSource *self = HIBACHI_TILE_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TileRequest *request = g_new0 (TileRequest, 1);

  self->n_requested++;
  request->x = x;
  request->y = y;
  request->zoom = zoom_level;
  g_task_set_source_tag (task, hibachi_tile_source_get_tile_data_async);
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);
  shumate_file_cache_get_tile_async (self->cache, x, y, zoom_level, cancellable, cache_read_cb, g_object_ref (task));
}

static GBytes *
hibachi_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
hibachi_tile_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HibachiTileSource *self = HIBACHI_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_tile_source_dispose (GObject *object)
{
  HibachiTileSource *self = HIBACHI_TILE_SOURCE (object);

  /* No soup_session_abort(): cancelling requests that are already being
   * answered corrupts libsoup 3.6's heap (hibachi-http.c). A download in
   * flight holds its task, which holds this source, so none is left. */
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (hibachi_tile_source_parent_class)->dispose (object);
}

static void
hibachi_tile_source_finalize (GObject *object)
{
  HibachiTileSource *self = HIBACHI_TILE_SOURCE (object);

  g_free (self->url_template);
  g_free (self->tiles_dir);

  G_OBJECT_CLASS (hibachi_tile_source_parent_class)->finalize (object);
}

static void
hibachi_tile_source_class_init (HibachiTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->get_property = hibachi_tile_source_get_property;
  object_class->dispose = hibachi_tile_source_dispose;
  object_class->finalize = hibachi_tile_source_finalize;
  source_class->get_tile_data_async = hibachi_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = hibachi_tile_source_get_tile_data_finish;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hibachi_tile_source_init (HibachiTileSource *self)
{
  self->available = TRUE;
  self->session = soup_session_new_with_options ("user-agent", HIBACHI_TILE_USER_AGENT,
                                                 "timeout", 20,
                                                 "max-conns-per-host", 2,
                                                 NULL);
}

HibachiTileSource *
hibachi_tile_source_new_full (const char *url_template,
                              const char *cache_dir,
                              guint       cache_bytes)
{
  HibachiTileSource *self = g_object_new (HIBACHI_TYPE_TILE_SOURCE, NULL);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);

  self->url_template = g_strdup (url_template);
  /* One folder per template: another source never serves these tiles. */
  self->cache = shumate_file_cache_new_full (cache_bytes, key, cache_dir);
  self->tiles_dir = g_build_filename (cache_dir, key, NULL);
  self->cache_bytes = cache_bytes;

  return self;
}

HibachiTileSource *
hibachi_tile_source_new (const char *url_template)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "hibachi-admin", "tiles", NULL);

  return hibachi_tile_source_new_full (url_template, dir, HIBACHI_TILE_CACHE_BYTES);
}

const char *
hibachi_tile_source_get_url_template (HibachiTileSource *self)
{
  return self->url_template;
}

gboolean
hibachi_tile_source_get_available (HibachiTileSource *self)
{
  return self->available;
}

guint
hibachi_tile_source_get_n_requested (HibachiTileSource *self)
{
  return self->n_requested;
}

guint
hibachi_tile_source_get_n_fetched (HibachiTileSource *self)
{
  return self->n_fetched;
}

guint
hibachi_tile_source_get_n_cached (HibachiTileSource *self)
{
  return self->n_cached;
}

ShumateMapSource *
hibachi_tile_source_new_map_source (HibachiTileSource *self)
{
  g_autoptr(GUri) uri = g_uri_parse (self->url_template, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  gboolean osm = host != NULL && (g_str_equal (host, "openstreetmap.org") || g_str_has_suffix (host, ".openstreetmap.org"));
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->url_template, -1);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id,
                                                                 osm ? "OpenStreetMap" : (host ? host : self->url_template),
                                                                 osm ? _("Map data © OpenStreetMap contributors") : host,
                                                                 osm ? "https://www.openstreetmap.org/copyright" : NULL,
                                                                 0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                                 SHUMATE_DATA_SOURCE (self)));
}
