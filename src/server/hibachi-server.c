/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include <string.h>
#include <sodium.h>
#include <sys/socket.h>

#include "hibachi-server-gazetteer.h"
#include "hibachi-server-listener.h"
#include "hibachi-server-private.h"
#include "hibachi-server-workers.h"

/* Searches stop (422) after this long: a worker is not held by one. */
#define SEARCH_BUDGET_MS_DEFAULT 2000
/* Failed sign-ins per client address (unknown emails too) in a window. */
#define LOGIN_ADDRESS_MAX_FAILURES 20
#define LOGIN_ADDRESS_WINDOW_SECONDS (15 * 60)

struct _HibachiServer
{
  GObject          parent_instance;

  HibachiServerDb *db;             /* the main loop's: start-up and seeding */
  HibachiServerWorkers *workers;
  HibachiServerChanges *changes;
  SoupServer      *soup;
  HibachiServerListener *listener;
  guint            max_connections;     /* 0: the listener's default */
  guint            request_timeout_ms;
  guint            epoch;               /* main loop: disconnections so far */
  guint8           jwt_key[HIBACHI_JWT_KEY_BYTES];
  gint             clock_offset;        /* atomic */
  guint            search_budget_ms;    /* atomic */
  GMutex           writer;              /* one write transaction at a time */
  GMutex           idempotent;          /* one create with an Idempotency-Key at a time */

  /* Shared by the workers, under state_lock */
  GMutex           state_lock;
  GHashTable      *revoked;        /* jti */
  GHashTable      *cache;          /* query key → CacheEntry */
  guint64          generation;     /* committed writes, for the cache and the change feed */
  GHashTable      *login_failures; /* client address → LoginFailures */
  GObject         *geocoder;       /* NULL: the gazetteer */
};

typedef struct
{
  gint64 window_start;
  guint  failures;
} LoginFailures;

/* The change feed generation when the calling worker's job began, plus one. */
static GPrivate job_generation = G_PRIVATE_INIT (NULL);

G_DEFINE_FINAL_TYPE (HibachiServer, hibachi_server, G_TYPE_OBJECT)

static void
hibachi_server_dispose (GObject *object)
{
  HibachiServer *self = HIBACHI_SERVER (object);

  hibachi_server_disconnect (self);
  /* Jobs in flight finish first: they use the changes and the state. */
  g_clear_pointer (&self->workers, hibachi_server_workers_free);
  g_clear_pointer (&self->changes, hibachi_server_changes_free);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (hibachi_server_parent_class)->dispose (object);
}

static void
hibachi_server_finalize (GObject *object)
{
  HibachiServer *self = HIBACHI_SERVER (object);

  g_clear_pointer (&self->revoked, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->login_failures, g_hash_table_unref);
  g_clear_object (&self->geocoder);
  g_mutex_clear (&self->state_lock);
  g_mutex_clear (&self->writer);
  g_mutex_clear (&self->idempotent);
  g_clear_pointer (&self->db, hibachi_server_db_free);
  sodium_memzero (self->jwt_key, sizeof self->jwt_key);

  G_OBJECT_CLASS (hibachi_server_parent_class)->finalize (object);
}

static void
hibachi_server_class_init (HibachiServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_server_dispose;
  object_class->finalize = hibachi_server_finalize;
}

/* A cached value: an atomic reference-counted box, cleared by @clear. */
typedef struct
{
  gpointer       data;
  GDestroyNotify clear;
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_atomic_rc_box_release_full (entry->data, entry->clear);
  g_free (entry);
}

static void
hibachi_server_init (HibachiServer *self)
{
  g_mutex_init (&self->state_lock);
  g_mutex_init (&self->writer);
  g_mutex_init (&self->idempotent);
  self->revoked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  self->login_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->search_budget_ms = SEARCH_BUDGET_MS_DEFAULT;
}

void
hibachi_server_set_geocoder (HibachiServer *self,
                             gpointer       geocoder)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));
  g_return_if_fail (geocoder == NULL || HIBACHI_IS_SERVER_GEOCODER (geocoder));

  g_mutex_lock (&self->state_lock);
  g_set_object (&self->geocoder, geocoder);
  g_mutex_unlock (&self->state_lock);
}

HibachiServerGeocoder *
hibachi_server_get_geocoder (HibachiServer *self)
{
  HibachiServerGeocoder *geocoder;

  g_mutex_lock (&self->state_lock);
  geocoder = self->geocoder ? g_object_ref (HIBACHI_SERVER_GEOCODER (self->geocoder))
                            : g_object_ref (HIBACHI_SERVER_GEOCODER (hibachi_server_gazetteer_get_default ()));
  g_mutex_unlock (&self->state_lock);

  return geocoder;
}

SoupServer *
hibachi_server_get_soup_server (HibachiServer *self)
{
  return self->soup;
}

HibachiServerDb *
hibachi_server_get_db (HibachiServer *self)
{
  HibachiServerDb *db = hibachi_server_workers_get_db ();

  return db != NULL ? db : self->db;
}

HibachiServerWorkers *
hibachi_server_get_workers (HibachiServer *self)
{
  return self->workers;
}

HibachiServerChanges *
hibachi_server_get_changes (HibachiServer *self)
{
  return self->changes;
}

HibachiServerListener *
hibachi_server_get_listener (HibachiServer *self)
{
  return self->listener;
}

guint
hibachi_server_get_epoch (HibachiServer *self)
{
  return self->epoch;
}

guint64
hibachi_server_changes_generation (HibachiServer *self)
{
  guint64 generation;

  g_mutex_lock (&self->state_lock);
  generation = self->generation;
  g_mutex_unlock (&self->state_lock);

  return generation;
}

guint64
hibachi_server_job_begin (HibachiServer *self)
{
  guint64 generation = hibachi_server_changes_generation (self);

  g_private_set (&job_generation, GSIZE_TO_POINTER ((gsize) generation + 1));

  return generation;
}

void
hibachi_server_job_end (void)
{
  g_private_set (&job_generation, NULL);
}

void
hibachi_server_lock_writes (HibachiServer *self)
{
  g_mutex_lock (&self->writer);
}

void
hibachi_server_unlock_writes (HibachiServer *self)
{
  g_mutex_unlock (&self->writer);
}

void
hibachi_server_lock_idempotent (HibachiServer *self)
{
  g_mutex_lock (&self->idempotent);
}

void
hibachi_server_unlock_idempotent (HibachiServer *self)
{
  g_mutex_unlock (&self->idempotent);
}

const guint8 *
hibachi_server_get_jwt_key (HibachiServer *self)
{
  return self->jwt_key;
}

gint64
hibachi_server_now (HibachiServer *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + g_atomic_int_get (&self->clock_offset);
}

char *
hibachi_server_now_iso (HibachiServer *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (hibachi_server_now (self));

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
hibachi_server_set_clock_offset (HibachiServer *self,
                                 gint64         seconds)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));
  g_return_if_fail (seconds >= G_MININT && seconds <= G_MAXINT);

  g_atomic_int_set (&self->clock_offset, (gint) seconds);
}

void
hibachi_server_revoke_jti (HibachiServer *self,
                           const char    *jti,
                           gint64         expires_at)
{
  HibachiServerDb *db = hibachi_server_get_db (self);
  sqlite3_stmt *stmt =
    hibachi_server_db_prepare (db, "INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)", NULL);

  g_mutex_lock (&self->state_lock);
  g_hash_table_add (self->revoked, g_strdup (jti));
  g_mutex_unlock (&self->state_lock);
  if (stmt != NULL)
    {
      hibachi_server_db_bind_text (stmt, 1, jti);
      sqlite3_bind_int64 (stmt, 2, expires_at);
      hibachi_server_db_step_done (db, stmt, NULL);
    }
}

gboolean
hibachi_server_jti_is_revoked (HibachiServer *self,
                               const char    *jti)
{
  gboolean revoked;

  g_mutex_lock (&self->state_lock);
  revoked = g_hash_table_contains (self->revoked, jti);
  g_mutex_unlock (&self->state_lock);

  return revoked;
}

gpointer
hibachi_server_cache_lookup (HibachiServer *self,
                             const char    *key)
{
  CacheEntry *entry;
  gpointer data = NULL;

  g_mutex_lock (&self->state_lock);
  entry = g_hash_table_lookup (self->cache, key);
  if (entry != NULL)
    data = g_atomic_rc_box_acquire (entry->data);
  g_mutex_unlock (&self->state_lock);

  return data;
}

void
hibachi_server_cache_store (HibachiServer  *self,
                            const char     *key,
                            gpointer        data,
                            GDestroyNotify  clear)
{
  gsize began = GPOINTER_TO_SIZE (g_private_get (&job_generation));
  CacheEntry *entry = g_new (CacheEntry, 1);

  entry->data = data;
  entry->clear = clear;

  g_mutex_lock (&self->state_lock);
  /* Computed before a commit that came since: already stale, not kept. */
  if (began != 0 && began - 1 != self->generation)
    {
      g_mutex_unlock (&self->state_lock);
      cache_entry_free (entry);
      return;
    }
  /* Bounded: a flood of distinct searches cannot grow it without limit. */
  if (g_hash_table_size (self->cache) > 4096)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_strdup (key), entry);
  g_mutex_unlock (&self->state_lock);
}

guint
hibachi_server_get_search_budget_ms (HibachiServer *self)
{
  return (guint) g_atomic_int_get (&self->search_budget_ms);
}

void
hibachi_server_set_search_budget (HibachiServer *self,
                                  guint          milliseconds)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  g_atomic_int_set (&self->search_budget_ms, milliseconds);
}

void
hibachi_server_hold_workers (HibachiServer *self,
                             gboolean       hold)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  hibachi_server_workers_hold (self->workers, hold);
}

gint64
hibachi_server_login_wait (HibachiServer *self,
                           const char    *address)
{
  gint64 now = hibachi_server_now (self);
  LoginFailures *entry;
  gint64 wait = 0;

  g_mutex_lock (&self->state_lock);
  entry = address != NULL ? g_hash_table_lookup (self->login_failures, address) : NULL;
  if (entry != NULL && entry->failures >= LOGIN_ADDRESS_MAX_FAILURES &&
      now < entry->window_start + LOGIN_ADDRESS_WINDOW_SECONDS)
    wait = entry->window_start + LOGIN_ADDRESS_WINDOW_SECONDS - now;
  g_mutex_unlock (&self->state_lock);

  return wait;
}

void
hibachi_server_login_failed (HibachiServer *self,
                             const char    *address)
{
  gint64 now = hibachi_server_now (self);
  LoginFailures *entry;

  if (address == NULL)
    return;

  g_mutex_lock (&self->state_lock);
  /* Bounded: addresses beyond this are forgotten all at once. */
  if (g_hash_table_size (self->login_failures) > 65536)
    g_hash_table_remove_all (self->login_failures);
  entry = g_hash_table_lookup (self->login_failures, address);
  if (entry == NULL)
    {
      entry = g_new0 (LoginFailures, 1);
      g_hash_table_insert (self->login_failures, g_strdup (address), entry);
    }
  if (now >= entry->window_start + LOGIN_ADDRESS_WINDOW_SECONDS)
    {
      entry->window_start = now;
      entry->failures = 0;
    }
  entry->failures++;
  g_mutex_unlock (&self->state_lock);
}

static gboolean
load_state (HibachiServer  *self,
            GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 now = hibachi_server_now (self);
  gboolean have_key = FALSE;

  stmt = hibachi_server_db_prepare (self->db, "SELECT value FROM settings WHERE key = 'jwt_key'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize len = 0;
      g_autofree guint8 *key = g_base64_decode (hibachi_server_db_column_text (stmt, 0), &len);

      if (len == sizeof self->jwt_key)
        {
          memcpy (self->jwt_key, key, len);
          have_key = TRUE;
        }
      sodium_memzero (key, len);
    }
  sqlite3_reset (stmt);

  if (!have_key)
    {
      g_autofree char *encoded = NULL;

      /* A per-database signing key: tokens of one server are worthless on another. */
      randombytes_buf (self->jwt_key, sizeof self->jwt_key);
      encoded = g_base64_encode (self->jwt_key, sizeof self->jwt_key);
      stmt = hibachi_server_db_prepare (self->db,
                                        "INSERT OR REPLACE INTO settings (key, value) VALUES ('jwt_key', ?)", error);
      if (stmt == NULL)
        return FALSE;
      hibachi_server_db_bind_text (stmt, 1, encoded);
      if (!hibachi_server_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  stmt = hibachi_server_db_prepare (self->db, "DELETE FROM revoked_tokens WHERE expires_at <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!hibachi_server_db_step_done (self->db, stmt, error))
    return FALSE;

  stmt = hibachi_server_db_prepare (self->db, "SELECT jti FROM revoked_tokens", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->revoked, g_strdup (hibachi_server_db_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return hibachi_server_seed_defaults (self, error);
}

HibachiServer *
hibachi_server_new (const char  *db_path,
                    GError     **error)
{
  g_autoptr(HibachiServer) self = g_object_new (HIBACHI_TYPE_SERVER, NULL);

  self->db = hibachi_server_db_open (db_path, error);
  if (self->db == NULL || !load_state (self, error))
    return NULL;

  /* Threads wait on SQLite and argon2 more than they compute. */
  self->workers = hibachi_server_workers_new (db_path, MAX (4, 2 * g_get_num_processors ()), error);
  if (self->workers == NULL)
    return NULL;
  self->changes = hibachi_server_changes_new (self);

  self->soup = soup_server_new ("server-header", "hibachi-server/" PACKAGE_VERSION, NULL);
  hibachi_server_dispatch_init (self, self->soup);

  return g_steal_pointer (&self);
}

static void
apply_limits (HibachiServer *self)
{
  if (self->listener == NULL || (self->max_connections == 0 && self->request_timeout_ms == 0))
    return;

  hibachi_server_listener_set_limits (self->listener,
                                      self->max_connections ? self->max_connections
                                                            : HIBACHI_SERVER_MAX_CONNECTIONS_DEFAULT,
                                      self->request_timeout_ms ? self->request_timeout_ms
                                                               : HIBACHI_SERVER_REQUEST_TIMEOUT_MS_DEFAULT);
}

guint
hibachi_server_listen (HibachiServer  *self,
                       const char     *address,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;

  g_return_val_if_fail (HIBACHI_IS_SERVER (self), 0);

  inet = g_inet_address_new_from_string (g_strcmp0 (address, "localhost") == 0 ? "127.0.0.1" : address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address", address);
      return 0;
    }

  /* Our own socket and accept loop: soup_server_listen() uses a backlog of
   * 10, which overflows under bursts of connections (ENVIRONMENT.md), and
   * accepts one connection per main-loop pass. */
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return 0;
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
  socket_address = g_inet_socket_address_new (inet, port);
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_bind (socket, socket_address, TRUE, error) || !g_socket_listen (socket, error))
    return 0;
  g_clear_pointer (&self->listener, hibachi_server_listener_free);
  self->listener = hibachi_server_listener_new (self->soup, socket, error);
  if (self->listener == NULL)
    return 0;
  apply_limits (self);

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

void
hibachi_server_disconnect (HibachiServer *self)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  /* Their connections close: answering them later would touch dead
   * messages, so requests of before are not answered. */
  self->epoch++;
  if (self->changes != NULL)
    hibachi_server_changes_drop_waiters (self->changes);
  g_clear_pointer (&self->listener, hibachi_server_listener_free);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

void
hibachi_server_set_connection_limits (HibachiServer *self,
                                      guint          max_connections,
                                      guint          request_timeout_ms)
{
  g_return_if_fail (HIBACHI_IS_SERVER (self));

  self->max_connections = max_connections;
  self->request_timeout_ms = request_timeout_ms;
  apply_limits (self);
}

guint
hibachi_server_count_statements (HibachiServer *self)
{
  g_return_val_if_fail (HIBACHI_IS_SERVER (self), 0);

  return MAX (hibachi_server_db_count_built_statements (self->db),
              hibachi_server_workers_max_built_statements (self->workers));
}

gboolean
hibachi_server_is_empty (HibachiServer *self)
{
  sqlite3_stmt *stmt = hibachi_server_db_prepare (self->db, "SELECT count(*) FROM stations", NULL);
  gboolean empty = TRUE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int64 (stmt, 0) == 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return empty;
}

/* The change feed */

void
hibachi_server_changes_notify (HibachiServer *self)
{
  g_mutex_lock (&self->state_lock);
  self->generation++;
  g_hash_table_remove_all (self->cache);
  g_mutex_unlock (&self->state_lock);

  hibachi_server_workers_call_main (self->workers, (HibachiServerWorkFunc) hibachi_server_changes_wake,
                                    self->changes, NULL);
}
