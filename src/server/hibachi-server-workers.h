/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-workers.h: the threads that do the requests' database work
 * and password hashing, so the main loop only parses, routes and writes
 * replies. Each thread has its own SQLite connection (WAL: readers never
 * wait for a writer); what a job leaves for the main loop runs there.
 */
#pragma once

#include <glib.h>

#include "hibachi-server-db.h"

G_BEGIN_DECLS

typedef struct _HibachiServerWorkers HibachiServerWorkers;

typedef void (*HibachiServerWorkFunc) (gpointer data);

/* @n_threads connections to @db_path; jobs' done functions run in the
 * thread-default main context of the caller. */
HibachiServerWorkers *hibachi_server_workers_new        (const char            *db_path,
                                                         guint                  n_threads,
                                                         GError               **error);
/* Runs the jobs already queued, stops the threads; done functions not run
 * yet are dropped (their data freed). */
void                  hibachi_server_workers_free       (HibachiServerWorkers  *self);
/* Runs @work on a worker, then @done on the main context; @free_data last. */
void                  hibachi_server_workers_push       (HibachiServerWorkers  *self,
                                                         HibachiServerWorkFunc  work,
                                                         HibachiServerWorkFunc  done,
                                                         gpointer               data,
                                                         GDestroyNotify         free_data);
/* From any thread: @done on the main context, then @free_data. */
void                  hibachi_server_workers_call_main  (HibachiServerWorkers  *self,
                                                         HibachiServerWorkFunc  done,
                                                         gpointer               data,
                                                         GDestroyNotify         free_data);
/* The calling worker's connection, or NULL outside a worker. */
HibachiServerDb      *hibachi_server_workers_get_db     (void);
/* For tests: while held, workers take no new job. */
void                  hibachi_server_workers_hold       (HibachiServerWorkers  *self,
                                                         gboolean               hold);
guint                 hibachi_server_workers_max_built_statements (HibachiServerWorkers *self);

G_END_DECLS
