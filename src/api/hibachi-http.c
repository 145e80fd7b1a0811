/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-http"

#include "config.h"

#include "hibachi-http.h"

/* Every HTTP request of the app and of the map's tiles goes through here.
 *
 * Why not soup_session_send_and_read_async() with the caller's cancellable:
 * libsoup 3.6 (the GNOME 48 runtime's, and Debian 13's 3.6.5) frees a
 * request's queue item twice when the request is cancelled after its
 * response headers arrived and before the send completes: a heap
 * corruption that surfaces later as "g_atomic_rc_box_acquire: assertion
 * 'real_box->magic == G_BOX_MAGIC'" or a crash. Cancelling from a main-loop
 * source queued at "got-headers" hits it every time; libsoup 3.2 is fine.
 *
 * So libsoup gets a cancellable of its own. The caller's cancellable is
 * passed on to it only while the response headers have not arrived; after
 * that the (short) body is read to the end, and the caller still sees
 * G_IO_ERROR_CANCELLED, because the task checks its cancellable. */

typedef struct
{
  SoupMessage  *msg;
  GCancellable *soup_cancellable;
  gulong        cancelled_id;
  gulong        got_headers_id;
  gboolean      got_headers;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_signal_handler (&data->got_headers_id, data->msg);
  g_clear_object (&data->msg);
  g_clear_object (&data->soup_cancellable);
  g_free (data);
}

static void
got_headers_cb (SoupMessage *msg,
                gpointer     user_data)
{
  SendData *data = user_data;

  data->got_headers = TRUE;
}

/* The task's cancellable was cancelled: runs on the main thread, or at once
 * from g_cancellable_connect() when it already was. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  SendData *data = user_data;

  if (!data->got_headers)
    g_cancellable_cancel (data->soup_cancellable);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (data->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), data->cancelled_id);
      data->cancelled_id = 0;
    }
  g_clear_signal_handler (&data->got_headers_id, data->msg);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

/**
 * hibachi_http_send_and_read_async:
 *
 * Like soup_session_send_and_read_async(), but safe to cancel at any moment
 * on every libsoup the app runs on (see above). @msg's status and headers
 * are set when the callback runs, as with libsoup's own call.
 */
void
hibachi_http_send_and_read_async (SoupSession         *session,
                                  SoupMessage         *msg,
                                  int                  io_priority,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (msg));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, hibachi_http_send_and_read_async);
  data = g_new0 (SendData, 1);
  data->msg = g_object_ref (msg);
  data->soup_cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  data->got_headers_id = g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), data);
  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), data, NULL);

  soup_session_send_and_read_async (session, msg, io_priority, data->soup_cancellable, read_cb,
                                    g_steal_pointer (&task));
}

GBytes *
hibachi_http_send_and_read_finish (SoupSession   *session,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hibachi_http_send_and_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The message a result of hibachi_http_send_and_read_async() sent. */
SoupMessage *
hibachi_http_get_message (GAsyncResult *result)
{
  SendData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hibachi_http_send_and_read_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data->msg;
}
