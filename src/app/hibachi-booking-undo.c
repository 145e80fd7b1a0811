/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-undo.h"

typedef enum
{
  STEP_EDIT,
  STEP_CHEF,
  STEP_RESTORE,
} StepKind;

typedef struct
{
  StepKind        kind;
  HibachiBooking *changed;      /* STEP_EDIT, STEP_CHEF: id and version */
  char           *id;           /* STEP_RESTORE */
  gint64          version;      /* STEP_RESTORE */
  JsonObject     *old_values;   /* STEP_EDIT */
  char           *chef_id;      /* STEP_CHEF: the previous chef, NULL for none */
} Step;

struct _HibachiBookingUndo
{
  HibachiUndoCommand  parent_instance;

  HibachiStore       *store;
  GPtrArray          *steps;
  GPtrArray          *results;
};

G_DEFINE_FINAL_TYPE (HibachiBookingUndo, hibachi_booking_undo, HIBACHI_TYPE_UNDO_COMMAND)

static void
step_free (Step *step)
{
  g_clear_object (&step->changed);
  g_free (step->id);
  g_clear_pointer (&step->old_values, json_object_unref);
  g_free (step->chef_id);
  g_free (step);
}

static void run_step (GTask *task);

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiBookingUndo *self = g_task_get_source_object (task);
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (task));
  Step *step = g_ptr_array_index (self->steps, index);
  g_autoptr(GError) error = NULL;
  HibachiBooking *booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);

  /* The previous chef may have had a conflict the first time too: putting
   * them back is then the same override, said as what it is. */
  if (booking == NULL && step->kind == STEP_CHEF && step->chef_id != NULL &&
      g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_CONFLICT) &&
      g_object_get_data (G_OBJECT (task), "overriding") == NULL)
    {
      g_object_set_data (G_OBJECT (task), "overriding", GINT_TO_POINTER (TRUE));
      hibachi_store_assign_chef_async (self->store, step->changed, step->chef_id,
                                       _("Undo: the chef assigned before comes back"),
                                       g_task_get_cancellable (task), step_done_cb, g_steal_pointer (&task));
      return;
    }
  if (booking == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_add (self->results, booking);
  g_object_set_data (G_OBJECT (task), "overriding", NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (index + 1), NULL);
  run_step (g_steal_pointer (&task));
}

/* Takes @task. */
static void
run_step (GTask *task)
{
  HibachiBookingUndo *self = g_task_get_source_object (task);
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (task));
  GCancellable *cancellable = g_task_get_cancellable (task);
  Step *step;

  if (index >= self->steps->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  step = g_ptr_array_index (self->steps, index);
  switch (step->kind)
    {
    case STEP_EDIT:
      hibachi_store_update_booking_async (self->store, step->changed, step->old_values, cancellable, step_done_cb, task);
      break;
    case STEP_CHEF:
      hibachi_store_assign_chef_async (self->store, step->changed, step->chef_id, NULL, cancellable, step_done_cb, task);
      break;
    case STEP_RESTORE:
      hibachi_store_restore_booking_async (self->store, step->id, step->version, NULL, cancellable, step_done_cb, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
hibachi_booking_undo_undo_async (HibachiUndoCommand  *command,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  HibachiBookingUndo *self = HIBACHI_BOOKING_UNDO (command);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, hibachi_booking_undo_undo_async);
  g_ptr_array_set_size (self->results, 0);
  run_step (task);
}

static gboolean
hibachi_booking_undo_undo_finish (HibachiUndoCommand  *command,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hibachi_booking_undo_dispose (GObject *object)
{
  HibachiBookingUndo *self = HIBACHI_BOOKING_UNDO (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (hibachi_booking_undo_parent_class)->dispose (object);
}

static void
hibachi_booking_undo_class_init (HibachiBookingUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HibachiUndoCommandClass *command_class = HIBACHI_UNDO_COMMAND_CLASS (klass);

  object_class->dispose = hibachi_booking_undo_dispose;
  command_class->undo_async = hibachi_booking_undo_undo_async;
  command_class->undo_finish = hibachi_booking_undo_undo_finish;
}

static void
hibachi_booking_undo_init (HibachiBookingUndo *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
}

static HibachiBookingUndo *
undo_new (HibachiStore *store,
          const char   *message,
          const char   *description)
{
  HibachiBookingUndo *self = g_object_new (HIBACHI_TYPE_BOOKING_UNDO, "message", message, "description", description, NULL);

  self->store = g_object_ref (store);
  return self;
}

HibachiBookingUndo *
hibachi_booking_undo_new_edit (HibachiStore   *store,
                               HibachiBooking *changed,
                               JsonObject     *old_values,
                               const char     *message,
                               const char     *description)
{
  HibachiBookingUndo *self;
  Step *step;

  g_return_val_if_fail (HIBACHI_IS_STORE (store), NULL);
  g_return_val_if_fail (HIBACHI_IS_BOOKING (changed), NULL);
  g_return_val_if_fail (old_values != NULL, NULL);

  self = undo_new (store, message, description);
  step = g_new0 (Step, 1);
  step->kind = STEP_EDIT;
  step->changed = g_object_ref (changed);
  step->old_values = json_object_ref (old_values);
  g_ptr_array_add (self->steps, step);

  return self;
}

HibachiBookingUndo *
hibachi_booking_undo_new_chefs (HibachiStore       *store,
                                GPtrArray          *changed,
                                const char * const *previous_chef_ids,
                                const char         *message,
                                const char         *description)
{
  HibachiBookingUndo *self;

  g_return_val_if_fail (HIBACHI_IS_STORE (store), NULL);
  g_return_val_if_fail (changed != NULL && changed->len > 0, NULL);
  g_return_val_if_fail (previous_chef_ids != NULL, NULL);

  self = undo_new (store, message, description);
  for (guint i = 0; i < changed->len; i++)
    {
      Step *step = g_new0 (Step, 1);

      step->kind = STEP_CHEF;
      step->changed = g_object_ref (g_ptr_array_index (changed, i));
      step->chef_id = g_strdup (previous_chef_ids[i]);
      g_ptr_array_add (self->steps, step);
    }

  return self;
}

HibachiBookingUndo *
hibachi_booking_undo_new_restore (HibachiStore *store,
                                  const char   *id,
                                  gint64        version,
                                  const char   *message,
                                  const char   *description)
{
  HibachiBookingUndo *self;
  Step *step;

  g_return_val_if_fail (HIBACHI_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = undo_new (store, message, description);
  step = g_new0 (Step, 1);
  step->kind = STEP_RESTORE;
  step->id = g_strdup (id);
  step->version = version;
  g_ptr_array_add (self->steps, step);

  return self;
}

void
hibachi_booking_undo_push (HibachiContext     *context,
                           HibachiBookingUndo *undo)
{
  g_return_if_fail (HIBACHI_IS_CONTEXT (context));
  g_return_if_fail (HIBACHI_IS_BOOKING_UNDO (undo));

  hibachi_undo_stack_push (hibachi_context_get_undo_stack (context), HIBACHI_UNDO_COMMAND (undo));
}

HibachiBooking *
hibachi_booking_undo_get_result (HibachiBookingUndo *self)
{
  g_return_val_if_fail (HIBACHI_IS_BOOKING_UNDO (self), NULL);

  return self->results->len > 0 ? g_ptr_array_index (self->results, 0) : NULL;
}

GPtrArray *
hibachi_booking_undo_get_results (HibachiBookingUndo *self)
{
  g_return_val_if_fail (HIBACHI_IS_BOOKING_UNDO (self), NULL);

  return self->results;
}
