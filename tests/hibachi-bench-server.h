/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the UI benchmarks start from: a hibachi-server subprocess with demo
 * bookings, in a temporary directory that also holds the file keyring, and
 * the owner signed in once, so an app started now restores the session. */
typedef struct
{
  GSubprocess *process;
  char        *dir;     /* the database, the keyring; removed by _stop() */
  char        *url;
  double       ready_s; /* start → listening */
} HibachiBenchServer;

HibachiBenchServer *hibachi_bench_server_start (const char         *server_path,
                                                const char         *bookings,
                                                const char         *name);
void                hibachi_bench_server_stop  (HibachiBenchServer *server);

G_END_DECLS
