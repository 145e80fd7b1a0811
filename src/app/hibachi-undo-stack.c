/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-undo-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-undo-stack.h"

struct _HibachiUndoStack
{
  GObject  parent_instance;

  GQueue   commands;   /* HibachiUndoCommand, most recent at the head */
};

G_DEFINE_FINAL_TYPE (HibachiUndoStack, hibachi_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PUSHED,
  UNDONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hibachi_undo_stack_dispose (GObject *object)
{
  HibachiUndoStack *self = HIBACHI_UNDO_STACK (object);

  g_queue_clear_full (&self->commands, g_object_unref);

  G_OBJECT_CLASS (hibachi_undo_stack_parent_class)->dispose (object);
}

static void
hibachi_undo_stack_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HibachiUndoStack *self = HIBACHI_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hibachi_undo_stack_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_undo_stack_class_init (HibachiUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hibachi_undo_stack_dispose;
  object_class->get_property = hibachi_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PUSHED] = g_signal_new ("pushed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, HIBACHI_TYPE_UNDO_COMMAND);
  signals[UNDONE] = g_signal_new ("undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, HIBACHI_TYPE_UNDO_COMMAND);
}

static void
hibachi_undo_stack_init (HibachiUndoStack *self)
{
  g_queue_init (&self->commands);
}

HibachiUndoStack *
hibachi_undo_stack_new (void)
{
  return g_object_new (HIBACHI_TYPE_UNDO_STACK, NULL);
}

static void
set_commands (HibachiUndoStack *self,
              gboolean          could_undo)
{
  if (could_undo != hibachi_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
hibachi_undo_stack_push (HibachiUndoStack   *self,
                         HibachiUndoCommand *command)
{
  gboolean could_undo;

  g_return_if_fail (HIBACHI_IS_UNDO_STACK (self));
  g_return_if_fail (HIBACHI_IS_UNDO_COMMAND (command));

  could_undo = hibachi_undo_stack_get_can_undo (self);
  g_queue_push_head (&self->commands, g_object_ref (command));
  set_commands (self, could_undo);
  g_signal_emit (self, signals[PUSHED], 0, command);
}

HibachiUndoCommand *
hibachi_undo_stack_peek (HibachiUndoStack *self)
{
  g_return_val_if_fail (HIBACHI_IS_UNDO_STACK (self), NULL);

  return g_queue_peek_head (&self->commands);
}

gboolean
hibachi_undo_stack_get_can_undo (HibachiUndoStack *self)
{
  g_return_val_if_fail (HIBACHI_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->commands);
}

void
hibachi_undo_stack_clear (HibachiUndoStack *self)
{
  gboolean could_undo;

  g_return_if_fail (HIBACHI_IS_UNDO_STACK (self));

  could_undo = hibachi_undo_stack_get_can_undo (self);
  g_queue_clear_full (&self->commands, g_object_unref);
  set_commands (self, could_undo);
}

static void
command_undone_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiUndoStack *self = g_task_get_source_object (task);
  HibachiUndoCommand *command = HIBACHI_UNDO_COMMAND (source);
  GError *error = NULL;

  if (!hibachi_undo_command_undo_finish (command, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (self, signals[UNDONE], 0, command);
  g_task_return_pointer (task, g_object_ref (command), g_object_unref);
}

void
hibachi_undo_stack_undo_async (HibachiUndoStack    *self,
                               HibachiUndoCommand  *command,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HibachiUndoCommand) taken = NULL;
  gboolean could_undo;
  GList *link;

  g_return_if_fail (HIBACHI_IS_UNDO_STACK (self));
  g_return_if_fail (command == NULL || HIBACHI_IS_UNDO_COMMAND (command));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_undo_stack_undo_async);

  could_undo = hibachi_undo_stack_get_can_undo (self);
  link = command != NULL ? g_queue_find (&self->commands, command) : g_queue_peek_head_link (&self->commands);
  if (link == NULL)
    {
      /* Undone already (the toast's button after Ctrl+Z), or never pushed. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo"));
      return;
    }
  taken = link->data;
  g_queue_delete_link (&self->commands, link);
  set_commands (self, could_undo);

  hibachi_undo_command_undo_async (taken, cancellable, command_undone_cb, g_steal_pointer (&task));
}

HibachiUndoCommand *
hibachi_undo_stack_undo_finish (HibachiUndoStack  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
