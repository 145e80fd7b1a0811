/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-undo"

#include "config.h"

#include "hibachi-booking-undo.h"

struct _HibachiBookingUndo
{
  HibachiUndoCommand  parent_instance;

  HibachiSession     *session;
  char               *booking_id;
  gint64              version;
  char               *method;
  char               *suffix;
  JsonObject         *body;      /* NULL for none */
  HibachiBooking     *result;
};

G_DEFINE_FINAL_TYPE (HibachiBookingUndo, hibachi_booking_undo, HIBACHI_TYPE_UNDO_COMMAND)

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiBookingUndo *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  HibachiBooking *booking;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  booking = hibachi_booking_new_from_json (reply, &error);
  if (booking == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_object (&self->result);
  self->result = booking;
  g_task_return_boolean (task, TRUE);
}

static void
hibachi_booking_undo_undo_async (HibachiUndoCommand  *command,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  HibachiBookingUndo *self = HIBACHI_BOOKING_UNDO (command);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", self->booking_id, self->suffix, NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, self->version);
  g_autoptr(JsonNode) body = NULL;
  HibachiRequestOptions options = { .if_match = if_match };

  if (self->body != NULL)
    body = json_node_init_object (json_node_alloc (), self->body);
  hibachi_client_request_async (hibachi_session_get_client (self->session), self->method, path, body, &options,
                                cancellable, undone_cb, task);
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

  g_clear_object (&self->session);
  g_clear_object (&self->result);
  g_clear_pointer (&self->body, json_object_unref);

  G_OBJECT_CLASS (hibachi_booking_undo_parent_class)->dispose (object);
}

static void
hibachi_booking_undo_finalize (GObject *object)
{
  HibachiBookingUndo *self = HIBACHI_BOOKING_UNDO (object);

  g_free (self->booking_id);
  g_free (self->method);
  g_free (self->suffix);

  G_OBJECT_CLASS (hibachi_booking_undo_parent_class)->finalize (object);
}

static void
hibachi_booking_undo_class_init (HibachiBookingUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HibachiUndoCommandClass *command_class = HIBACHI_UNDO_COMMAND_CLASS (klass);

  object_class->dispose = hibachi_booking_undo_dispose;
  object_class->finalize = hibachi_booking_undo_finalize;
  command_class->undo_async = hibachi_booking_undo_undo_async;
  command_class->undo_finish = hibachi_booking_undo_undo_finish;
}

static void
hibachi_booking_undo_init (HibachiBookingUndo *self)
{
}

HibachiBookingUndo *
hibachi_booking_undo_new (HibachiSession *session,
                          HibachiBooking *changed,
                          const char     *message,
                          const char     *description,
                          const char     *method,
                          const char     *suffix,
                          JsonObject     *body)
{
  HibachiBookingUndo *self;

  g_return_val_if_fail (HIBACHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (HIBACHI_IS_BOOKING (changed), NULL);

  self = g_object_new (HIBACHI_TYPE_BOOKING_UNDO, "message", message, "description", description, NULL);
  self->session = g_object_ref (session);
  self->booking_id = g_strdup (hibachi_booking_get_id (changed));
  self->version = hibachi_booking_get_version (changed);
  self->method = g_strdup (method);
  self->suffix = g_strdup (suffix);
  self->body = body != NULL ? json_object_ref (body) : NULL;

  return self;
}

HibachiBooking *
hibachi_booking_undo_get_result (HibachiBookingUndo *self)
{
  g_return_val_if_fail (HIBACHI_IS_BOOKING_UNDO (self), NULL);

  return self->result;
}

void
hibachi_booking_undo_push (HibachiContext *context,
                           HibachiBooking *changed,
                           const char     *message,
                           const char     *description,
                           const char     *method,
                           const char     *suffix,
                           JsonObject     *body)
{
  g_autoptr(HibachiBookingUndo) undo = NULL;

  if (context == NULL || hibachi_context_get_session (context) == NULL)
    return;
  undo = hibachi_booking_undo_new (hibachi_context_get_session (context), changed, message, description, method, suffix,
                                   body);
  hibachi_undo_stack_push (hibachi_context_get_undo_stack (context), HIBACHI_UNDO_COMMAND (undo));
}
