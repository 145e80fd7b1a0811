/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-dispatch-batch-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-dispatch-batch-undo.h"

struct _HibachiDispatchBatchUndo
{
  HibachiUndoCommand  parent_instance;

  HibachiStore       *store;
  GPtrArray          *assigned;   /* HibachiBooking */
};

G_DEFINE_FINAL_TYPE (HibachiDispatchBatchUndo, hibachi_dispatch_batch_undo, HIBACHI_TYPE_UNDO_COMMAND)

static void unassign_next (GTask *task);

static void
unassigned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);

  if (booking == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  unassign_next (g_steal_pointer (&task));
}

/* One after the other: the task data counts the bookings done. */
static void
unassign_next (GTask *task)
{
  HibachiDispatchBatchUndo *self = g_task_get_source_object (task);
  guint done = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (done == self->assigned->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, GUINT_TO_POINTER (done + 1), NULL);
  hibachi_store_assign_chef_async (self->store, g_ptr_array_index (self->assigned, done), NULL, NULL,
                                   g_task_get_cancellable (task), unassigned_cb, task);
}

static void
hibachi_dispatch_batch_undo_undo_async (HibachiUndoCommand  *command,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  unassign_next (g_task_new (command, cancellable, callback, user_data));
}

static gboolean
hibachi_dispatch_batch_undo_undo_finish (HibachiUndoCommand  *command,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hibachi_dispatch_batch_undo_dispose (GObject *object)
{
  HibachiDispatchBatchUndo *self = HIBACHI_DISPATCH_BATCH_UNDO (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->assigned, g_ptr_array_unref);

  G_OBJECT_CLASS (hibachi_dispatch_batch_undo_parent_class)->dispose (object);
}

static void
hibachi_dispatch_batch_undo_class_init (HibachiDispatchBatchUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HibachiUndoCommandClass *command_class = HIBACHI_UNDO_COMMAND_CLASS (klass);

  object_class->dispose = hibachi_dispatch_batch_undo_dispose;
  command_class->undo_async = hibachi_dispatch_batch_undo_undo_async;
  command_class->undo_finish = hibachi_dispatch_batch_undo_undo_finish;
}

static void
hibachi_dispatch_batch_undo_init (HibachiDispatchBatchUndo *self)
{
}

HibachiDispatchBatchUndo *
hibachi_dispatch_batch_undo_new (HibachiStore *store,
                                 GPtrArray    *assigned)
{
  HibachiDispatchBatchUndo *self;
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HIBACHI_IS_STORE (store), NULL);

  message = g_strdup_printf (g_dngettext (NULL, "%u suggested assignment applied", "%u suggested assignments applied",
                                          assigned->len), assigned->len);
  /* Translators: completes "Undo …" */
  description = g_strdup (_("suggested assignments"));
  self = g_object_new (HIBACHI_TYPE_DISPATCH_BATCH_UNDO, "message", message, "description", description, NULL);
  self->store = g_object_ref (store);
  self->assigned = g_ptr_array_ref (assigned);

  return self;
}
