/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The change feed: what changed since a cursor, and long-polls that wait on
 * the main loop for the next commit (answered on a worker). */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include "hibachi-server-private.h"
#include "hibachi-server-workers.h"

struct _HibachiServerChanges
{
  HibachiServer *server;
  GMainContext  *context;
  GList         *waiters;      /* Waiter, main loop only */
};

typedef struct
{
  HibachiServerChanges   *changes;
  SoupServerMessage      *msg;
  HibachiServerPrincipal *principal;
  gint64                  since;
  GSource                *timeout;
  gulong                  finished_id;
  gboolean                finished;     /* the connection is gone */
  gboolean                answering;    /* on a worker */
  guint                   epoch;        /* of the server when it came */
  HibachiServerRequest    answer;       /* made on the worker, sent on the main loop */
} Waiter;

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  if (waiter->timeout != NULL)
    g_source_destroy (waiter->timeout);
  g_clear_pointer (&waiter->timeout, g_source_unref);
  g_clear_signal_handler (&waiter->finished_id, waiter->msg);
  g_clear_object (&waiter->msg);
  hibachi_request_clear_reply (&waiter->answer);
  hibachi_server_principal_free (waiter->principal);
  g_free (waiter);
}

HibachiServerChanges *
hibachi_server_changes_new (HibachiServer *server)
{
  HibachiServerChanges *self = g_new0 (HibachiServerChanges, 1);

  self->server = server;
  self->context = g_main_context_ref_thread_default ();

  return self;
}

void
hibachi_server_changes_free (HibachiServerChanges *self)
{
  if (self == NULL)
    return;

  g_list_free_full (g_steal_pointer (&self->waiters), waiter_free);
  g_main_context_unref (self->context);
  g_free (self);
}

JsonNode *
hibachi_server_changes_collect (HibachiServer                *server,
                                const HibachiServerPrincipal *principal,
                                gint64                        since)
{
  HibachiServerDb *db = hibachi_server_get_db (server);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt;
  gint64 cursor = since;

  stmt = hibachi_server_db_prepare (db,
                                    "SELECT c.seq, c.resource, c.resource_id AS id, c.action, c.version, c.actor, "
                                    "u.full_name AS actor_name, c.at, c.station_id "
                                    "FROM changes c LEFT JOIN users u ON u.email = c.actor "
                                    "WHERE c.seq > ? ORDER BY c.seq LIMIT 500",
                                    NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, since);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(JsonObject) row = hibachi_server_db_row_to_object (stmt);
          const char *station = hibachi_json_get_string (row, "station_id");

          cursor = sqlite3_column_int64 (stmt, 0);
          /* Station managers see only their stations' changes. */
          if (station != NULL && !hibachi_server_principal_has_station (principal, station))
            continue;
          json_object_remove_member (row, "station_id");
          json_builder_add_value (builder, json_node_init_object (json_node_alloc (), row));
        }
      sqlite3_reset (stmt);
    }
  json_builder_end_array (builder);

  if (cursor == since)
    {
      stmt = hibachi_server_db_prepare (db, "SELECT coalesce(max(seq), 0) FROM changes", NULL);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        cursor = MAX (cursor, sqlite3_column_int64 (stmt, 0));
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);

    json_builder_set_member_name (builder, "cursor");
    json_builder_add_string_value (builder, text);
  }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
hibachi_server_changes_wait (HibachiServer        *server,
                             HibachiServerRequest *req,
                             gint64                since,
                             guint                 wait_seconds)
{
  req->wait_since = since;
  req->wait_seconds = wait_seconds;
  req->replied = TRUE;
}

static void
waiter_answer_work (gpointer data)
{
  Waiter *waiter = data;
  HibachiServerRequest *req = &waiter->answer;

  req->server = waiter->changes->server;
  req->msg = waiter->msg;
  req->db = hibachi_server_get_db (req->server);
  hibachi_reply_node (req, 200, hibachi_server_changes_collect (req->server, waiter->principal, waiter->since));
}

static void
waiter_answer_done (gpointer data)
{
  Waiter *waiter = data;

  if (!waiter->finished && waiter->epoch == hibachi_server_get_epoch (waiter->changes->server))
    {
      hibachi_request_send_reply (&waiter->answer);
      soup_server_message_unpause (waiter->msg);
    }
}

/* Main loop: off the list, answered on a worker. */
static void
waiter_answer (Waiter *waiter)
{
  HibachiServerChanges *self = waiter->changes;

  self->waiters = g_list_remove (self->waiters, waiter);
  if (waiter->timeout != NULL)
    g_source_destroy (waiter->timeout);
  g_clear_pointer (&waiter->timeout, g_source_unref);
  waiter->answering = TRUE;
  hibachi_server_workers_push (hibachi_server_get_workers (self->server), waiter_answer_work, waiter_answer_done,
                               waiter, waiter_free);
}

static gboolean
waiter_timeout_cb (gpointer data)
{
  waiter_answer (data);

  return G_SOURCE_REMOVE;
}

static void
waiter_finished_cb (SoupServerMessage *msg,
                    gpointer           data)
{
  Waiter *waiter = data;

  waiter->finished = TRUE;
  if (!waiter->answering)
    {
      waiter->changes->waiters = g_list_remove (waiter->changes->waiters, waiter);
      waiter_free (waiter);
    }
}

void
hibachi_server_changes_add_waiter (HibachiServer          *server,
                                   SoupServerMessage      *msg,
                                   HibachiServerPrincipal *principal,
                                   gint64                  since,
                                   guint                   wait_seconds,
                                   guint64                 generation)
{
  HibachiServerChanges *self = hibachi_server_get_changes (server);
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->changes = self;
  waiter->msg = g_object_ref (msg);
  waiter->principal = principal;
  waiter->since = since;
  waiter->epoch = hibachi_server_get_epoch (server);
  waiter->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (waiter_finished_cb), waiter);
  self->waiters = g_list_prepend (self->waiters, waiter);

  /* A commit after the route looked and before this wait: look again now. */
  if (hibachi_server_changes_generation (server) != generation)
    {
      waiter_answer (waiter);
      return;
    }

  waiter->timeout = g_timeout_source_new_seconds (wait_seconds);
  g_source_set_callback (waiter->timeout, waiter_timeout_cb, waiter, NULL);
  g_source_attach (waiter->timeout, self->context);
}

void
hibachi_server_changes_drop_waiters (HibachiServerChanges *self)
{
  g_list_free_full (g_steal_pointer (&self->waiters), waiter_free);
}

void
hibachi_server_changes_wake (HibachiServerChanges *self)
{
  GList *waiters = g_list_copy (self->waiters);

  for (GList *l = waiters; l != NULL; l = l->next)
    waiter_answer (l->data);
  g_list_free (waiters);
}
