/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's start: the last session restored from the keyring, and the
 * window shown once it has its first content. */
#define G_LOG_DOMAIN "hibachi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-page.h"
#include "hibachi-window-private.h"

/* The last session, asked of the keyring as the process starts: with
 * libsecret's file backend (the Flatpak's) the lookup derives a key for
 * 100–200 ms on a worker thread, which so overlaps GTK's start and the
 * window's build instead of following them. Whichever comes second, the
 * answer or the window, hands the answer to the window. */
typedef struct
{
  HibachiSession *session;
  GCancellable   *cancellable;
  GAsyncResult   *result;   /* the answer, when it came before the window */
  HibachiWindow  *window;   /* the window, when it came before the answer */
} Restoring;

static void
restoring_free (Restoring *restoring)
{
  g_clear_object (&restoring->session);
  g_clear_object (&restoring->cancellable);
  g_clear_object (&restoring->result);
  g_clear_object (&restoring->window);
  g_free (restoring);
}

static void
restored (HibachiWindow  *self,
          HibachiSession *session,
          GAsyncResult   *result)
{
  g_autoptr(GError) error = NULL;
  gboolean done = hibachi_session_restore_finish (session, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    hibachi_window_signed_in (self);
  else if (error != NULL && g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_UNAUTHORIZED))
    hibachi_window_show_sign_in (self, _("Your session has ended. Sign in again to continue."), FALSE);
  else if (error != NULL)
    hibachi_window_show_sign_in (self, error->message, TRUE);
  else
    hibachi_window_show_sign_in (self, NULL, FALSE);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restoring *restoring = user_data;

  if (restoring->window == NULL)
    {
      restoring->result = g_object_ref (result);
      return;
    }
  restored (restoring->window, restoring->session, result);
  restoring_free (restoring);
}

void
hibachi_window_begin_restore (HibachiApplication *application)
{
  GSettings *settings = hibachi_application_get_settings (application);
  const char *env_server = g_getenv ("HIBACHI_SERVER_URL");
  g_autofree char *account = NULL, *server = NULL;
  Restoring *restoring;

  if (env_server != NULL && *env_server != '\0')
    g_settings_set_string (settings, "server-url", env_server);
  account = g_settings_get_string (settings, "last-account");
  server = g_settings_get_string (settings, "server-url");
  if (hibachi_application_get_start_demo (application) || *account == '\0')
    return;

  restoring = g_new0 (Restoring, 1);
  restoring->session = hibachi_session_new (server);
  restoring->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (application), "hibachi-restoring", restoring);
  hibachi_session_restore_async (restoring->session, account, restoring->cancellable, restored_cb, restoring);
}

gboolean
hibachi_window_restore (HibachiWindow      *self,
                        HibachiApplication *application)
{
  Restoring *restoring;

  /* Begun at the application's startup for its first window; begun now
   * for any other. */
  restoring = g_object_steal_data (G_OBJECT (application), "hibachi-restoring");
  if (restoring == NULL)
    {
      hibachi_window_begin_restore (application);
      restoring = g_object_steal_data (G_OBJECT (application), "hibachi-restoring");
    }
  if (restoring == NULL)
    return FALSE;

  /* Closing the window cancels the restore with the rest. */
  g_set_object (&self->cancellable, restoring->cancellable);
  hibachi_window_set_session (self, restoring->session);
  adw_status_page_set_title (self->loading_page, _("Restoring Your Session…"));
  hibachi_window_show_page (self, "loading");
  if (restoring->result != NULL)
    {
      restored (self, restoring->session, restoring->result);
      restoring_free (restoring);
    }
  else
    restoring->window = g_object_ref (self);

  return TRUE;
}

/* At startup the window shows itself once it has something to show: the
 * first page's content (or its empty, error or offline state), the sign-in
 * page, or whatever it has after PRESENT_AT_LATEST_MS (the spinner). A
 * restore from a nearby server takes about 200 ms: no spinner flashes for
 * it, and the first frame painted is the rows, not a spinner and then an
 * empty list that cost the rows two frames. */
#define PRESENT_AT_LATEST_MS 400

static void present_if_ready (HibachiWindow *self);

static gboolean
ready_to_show (HibachiWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *content = gtk_stack_get_visible_child (self->pages);

  if (g_strcmp0 (page, "sign-in") == 0)
    return TRUE;
  return g_strcmp0 (page, "main") == 0 && HIBACHI_IS_PAGE (content) && !hibachi_page_get_loading (HIBACHI_PAGE (content));
}

static void
present_now (HibachiWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->stack, present_if_ready, self);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_signal_handlers_disconnect_by_func (page, present_if_ready, self);
  g_clear_handle_id (&self->present_id, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static void
present_if_ready (HibachiWindow *self)
{
  if (ready_to_show (self))
    present_now (self);
}

static gboolean
present_at_latest_cb (gpointer data)
{
  HibachiWindow *self = data;

  self->present_id = 0;
  present_now (self);

  return G_SOURCE_REMOVE;
}

void
hibachi_window_present_when_ready (HibachiWindow *self)
{
  g_return_if_fail (HIBACHI_IS_WINDOW (self));

  if (ready_to_show (self) || gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  if (self->present_id != 0)
    return;
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (present_if_ready), self);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_signal_connect_swapped (page, "notify::loading", G_CALLBACK (present_if_ready), self);
  self->present_id = g_timeout_add (PRESENT_AT_LATEST_MS, present_at_latest_cb, self);
}
