/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server"

#include "config.h"

#include "hibachi-server-workers.h"

struct _HibachiServerWorkers
{
  GMainContext *context;
  GSource      *done_source;
  GAsyncQueue  *jobs;
  GAsyncQueue  *done;
  GPtrArray    *threads;
  GPtrArray    *dbs;
  GMutex        hold_lock;
  GCond         hold_cond;
  gboolean      held;
};

typedef struct
{
  HibachiServerWorkFunc work;
  HibachiServerWorkFunc done;
  gpointer              data;
  GDestroyNotify        free_data;
} Job;

typedef struct
{
  HibachiServerWorkers *workers;
  HibachiServerDb      *db;
} WorkerStart;

/* Queued once per thread to stop it, after the jobs before it. */
static Job stop_job;

static GPrivate current_db = G_PRIVATE_INIT (NULL);

static void
job_free (Job *job)
{
  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

static void
post_done (HibachiServerWorkers *self,
           Job                  *job)
{
  g_async_queue_push (self->done, job);
  /* Thread-safe: wakes the main context. */
  g_source_set_ready_time (self->done_source, 0);
}

static gpointer
worker_main (gpointer data)
{
  WorkerStart *start = data;
  HibachiServerWorkers *self = start->workers;

  g_private_set (&current_db, start->db);
  g_free (start);

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);

      if (job == &stop_job)
        break;

      g_mutex_lock (&self->hold_lock);
      while (self->held)
        g_cond_wait (&self->hold_cond, &self->hold_lock);
      g_mutex_unlock (&self->hold_lock);

      job->work (job->data);
      post_done (self, job);
    }

  g_private_set (&current_db, NULL);

  return NULL;
}

static gboolean
done_cb (gpointer data)
{
  HibachiServerWorkers *self = data;
  Job *job;

  /* Before draining: a job posted meanwhile wakes us again. */
  g_source_set_ready_time (self->done_source, -1);
  while ((job = g_async_queue_try_pop (self->done)) != NULL)
    {
      if (job->done != NULL)
        job->done (job->data);
      job_free (job);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
done_dispatch (GSource     *source,
               GSourceFunc  callback,
               gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs done_funcs = { NULL, NULL, done_dispatch, NULL, NULL, NULL };

HibachiServerWorkers *
hibachi_server_workers_new (const char  *db_path,
                            guint        n_threads,
                            GError     **error)
{
  HibachiServerWorkers *self = g_new0 (HibachiServerWorkers, 1);

  self->context = g_main_context_ref_thread_default ();
  self->jobs = g_async_queue_new ();
  self->done = g_async_queue_new ();
  self->threads = g_ptr_array_new ();
  self->dbs = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_server_db_free);
  g_mutex_init (&self->hold_lock);
  g_cond_init (&self->hold_cond);

  self->done_source = g_source_new (&done_funcs, sizeof (GSource));
  g_source_set_callback (self->done_source, done_cb, self, NULL);
  g_source_set_name (self->done_source, "hibachi-server-workers");
  g_source_attach (self->done_source, self->context);

  for (guint i = 0; i < n_threads; i++)
    {
      HibachiServerDb *db = hibachi_server_db_open (db_path, error);
      WorkerStart *start;
      g_autofree char *name = NULL;

      if (db == NULL)
        {
          hibachi_server_workers_free (self);
          return NULL;
        }
      g_ptr_array_add (self->dbs, db);
      start = g_new (WorkerStart, 1);
      start->workers = self;
      start->db = db;
      name = g_strdup_printf ("hibachi-worker-%u", i);
      g_ptr_array_add (self->threads, g_thread_new (name, worker_main, start));
    }

  return self;
}

void
hibachi_server_workers_free (HibachiServerWorkers *self)
{
  Job *job;

  if (self == NULL)
    return;

  hibachi_server_workers_hold (self, FALSE);
  for (guint i = 0; i < self->threads->len; i++)
    g_async_queue_push (self->jobs, &stop_job);
  for (guint i = 0; i < self->threads->len; i++)
    g_thread_join (g_ptr_array_index (self->threads, i));
  g_ptr_array_unref (self->threads);
  g_ptr_array_unref (self->dbs);

  g_source_destroy (self->done_source);
  g_source_unref (self->done_source);
  while ((job = g_async_queue_try_pop (self->done)) != NULL)
    job_free (job);
  g_async_queue_unref (self->done);
  g_async_queue_unref (self->jobs);
  g_mutex_clear (&self->hold_lock);
  g_cond_clear (&self->hold_cond);
  g_main_context_unref (self->context);
  g_free (self);
}

static Job *
job_new (HibachiServerWorkFunc work,
         HibachiServerWorkFunc done,
         gpointer              data,
         GDestroyNotify        free_data)
{
  Job *job = g_new (Job, 1);

  job->work = work;
  job->done = done;
  job->data = data;
  job->free_data = free_data;

  return job;
}

void
hibachi_server_workers_push (HibachiServerWorkers  *self,
                             HibachiServerWorkFunc  work,
                             HibachiServerWorkFunc  done,
                             gpointer               data,
                             GDestroyNotify         free_data)
{
  g_async_queue_push (self->jobs, job_new (work, done, data, free_data));
}

void
hibachi_server_workers_call_main (HibachiServerWorkers  *self,
                                  HibachiServerWorkFunc  done,
                                  gpointer               data,
                                  GDestroyNotify         free_data)
{
  post_done (self, job_new (NULL, done, data, free_data));
}

HibachiServerDb *
hibachi_server_workers_get_db (void)
{
  return g_private_get (&current_db);
}

void
hibachi_server_workers_hold (HibachiServerWorkers *self,
                             gboolean              hold)
{
  g_mutex_lock (&self->hold_lock);
  self->held = hold;
  g_cond_broadcast (&self->hold_cond);
  g_mutex_unlock (&self->hold_lock);
}

guint
hibachi_server_workers_max_built_statements (HibachiServerWorkers *self)
{
  guint n = 0;

  for (guint i = 0; i < self->dbs->len; i++)
    n = MAX (n, hibachi_server_db_count_built_statements (g_ptr_array_index (self->dbs, i)));

  return n;
}
