/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-connection-monitor.h: one connection state per window, fed by the
 * outcome of every request the client makes. The first request that cannot
 * reach the server makes it Offline at once; it then probes /health, sooner
 * first and less often later (1 s doubling to 16 s), Reconnecting while a
 * probe is out, and goes Online by itself when the server answers — or as
 * soon as any other request gets an answer. */
#pragma once

#include "hibachi-client.h"

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_CONNECTION_ONLINE,
  HIBACHI_CONNECTION_OFFLINE,
  HIBACHI_CONNECTION_RECONNECTING,
} HibachiConnectionState;

GType hibachi_connection_state_get_type (void);
#define HIBACHI_TYPE_CONNECTION_STATE (hibachi_connection_state_get_type ())

/* Seconds between probes: the first, and the most. */
#define HIBACHI_CONNECTION_PROBE_FIRST 1
#define HIBACHI_CONNECTION_PROBE_MAX   16

#define HIBACHI_TYPE_CONNECTION_MONITOR (hibachi_connection_monitor_get_type ())
G_DECLARE_FINAL_TYPE (HibachiConnectionMonitor, hibachi_connection_monitor, HIBACHI, CONNECTION_MONITOR, GObject)

HibachiConnectionMonitor *hibachi_connection_monitor_new       (HibachiClient            *client);
HibachiConnectionState    hibachi_connection_monitor_get_state (HibachiConnectionMonitor *self);
/* Offline: probes now instead of at the next back-off (a "Try Again"
 * button), and starts the back-off over. Does nothing while Online or while
 * a probe is out. */
void                      hibachi_connection_monitor_retry     (HibachiConnectionMonitor *self);

G_END_DECLS
