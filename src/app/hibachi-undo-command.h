/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-undo-command.h: one change a user made that can be taken back,
 * named for people ("cancel of MH-100398"). Subclasses know how: they keep
 * the values from before the change and put them back. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_UNDO_COMMAND (hibachi_undo_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (HibachiUndoCommand, hibachi_undo_command, HIBACHI, UNDO_COMMAND, GObject)

struct _HibachiUndoCommandClass
{
  GObjectClass parent_class;

  void     (*undo_async)  (HibachiUndoCommand  *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);
  gboolean (*undo_finish) (HibachiUndoCommand  *self,
                           GAsyncResult        *result,
                           GError             **error);
};

/* What undoing it takes back, completing "Undo …" and "Undid …"
 * ("cancel of MH-100398"). */
const char *hibachi_undo_command_get_description (HibachiUndoCommand  *self);
/* What was done, as its toast says it ("Booking MH-100398 cancelled"). */
const char *hibachi_undo_command_get_message     (HibachiUndoCommand  *self);
void        hibachi_undo_command_undo_async      (HibachiUndoCommand  *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    hibachi_undo_command_undo_finish     (HibachiUndoCommand  *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
