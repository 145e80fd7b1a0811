/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-batch-undo.h: the undo of "suggest for the day": takes
 * the chef away from each booking the batch assigned, against the version
 * the batch left (a booking changed since is refused by the server and
 * the undo stops there, saying so). */
#pragma once

#include "hibachi-store.h"
#include "hibachi-undo-command.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_DISPATCH_BATCH_UNDO (hibachi_dispatch_batch_undo_get_type ())

G_DECLARE_FINAL_TYPE (HibachiDispatchBatchUndo, hibachi_dispatch_batch_undo, HIBACHI, DISPATCH_BATCH_UNDO,
                      HibachiUndoCommand)

/* @assigned: the bookings as the batch saved them. */
HibachiDispatchBatchUndo *hibachi_dispatch_batch_undo_new (HibachiStore *store,
                                                           GPtrArray    *assigned);

G_END_DECLS
