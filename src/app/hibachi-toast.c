/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-toast"

#include "config.h"

#include "hibachi-toast.h"

/* libadwaita 1.2's overlay frees a toast when its hide animation ends,
 * while the toast's show animation may still be running: GTK runs the
 * newest tick callback first, so a toast dismissed in the frame it was
 * added ends both animations in one frame, the hide first, and the show's
 * end then touches freed memory (a crash). A toast shown while another
 * hides slides in over 500 ms instead of 300, so dismissing it within
 * 200 ms does the same. Queued toasts are no safer: a replaced
 * high-priority toast is shown again while its widget still exists (an
 * assertion, abort). So here toasts are never queued and never dismissed
 * young: the shown one is dismissed once its show is over, and the next
 * one is added once no toast is hiding. A person cannot click a toast's
 * button before it is drawn, so its own dismissal is safe. Later releases
 * need no waiting (and on libadwaita 1.7 a toast added late was measured
 * narrower than its minimum, a fatal warning in tests): there the shown
 * toast is dismissed and the new one added at once. */
#define NEEDS_WAITING (adw_get_major_version () == 1 && adw_get_minor_version () < 3)
#define SHOW_OVER_US (600 * G_TIME_SPAN_MILLISECOND)
#define STATE_KEY "hibachi-toast-state"

typedef struct
{
  AdwToastOverlay *overlay;   /* owns this state */
  AdwToast        *shown;     /* no ref: the overlay holds it until dismissed */
  gint64           shown_at;
  AdwToast        *waiting;   /* the next toast, until it can be added */
  guint            wait_id;
} ToastState;

static void
toast_state_free (ToastState *state)
{
  g_clear_handle_id (&state->wait_id, g_source_remove);
  g_clear_object (&state->waiting);
  g_free (state);
}

static void
dismissed_cb (AdwToast        *toast,
              AdwToastOverlay *overlay)
{
  ToastState *state = g_object_get_data (G_OBJECT (overlay), STATE_KEY);

  if (state->shown == toast)
    state->shown = NULL;
}

/* A hiding toast's widget stays in the overlay until its hide ends. */
static gboolean
toast_hiding (ToastState *state)
{
  GtkWidget *content = adw_toast_overlay_get_child (state->overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (state->overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      return TRUE;

  return FALSE;
}

/* One step towards showing the waiting toast; TRUE once it is shown. */
static gboolean
advance (ToastState *state)
{
  AdwToast *toast;

  if (state->waiting == NULL)
    return TRUE;
  if (state->shown != NULL)
    {
      /* An Undo offer is not taken away by a mere message: it waits. */
      if (adw_toast_get_priority (state->shown) == ADW_TOAST_PRIORITY_HIGH &&
          adw_toast_get_priority (state->waiting) == ADW_TOAST_PRIORITY_NORMAL)
        return FALSE;
      if (NEEDS_WAITING && g_get_monotonic_time () < state->shown_at + SHOW_OVER_US)
        return FALSE;
      adw_toast_dismiss (state->shown);
    }
  if (NEEDS_WAITING && toast_hiding (state))
    return FALSE;

  toast = g_steal_pointer (&state->waiting);
  state->shown = toast;
  state->shown_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (dismissed_cb), state->overlay, 0);
  adw_toast_overlay_add_toast (state->overlay, toast);
  return TRUE;
}

static gboolean
wait_cb (gpointer data)
{
  ToastState *state = data;

  if (!advance (state))
    return G_SOURCE_CONTINUE;

  state->wait_id = 0;
  return G_SOURCE_REMOVE;
}

void
hibachi_toast_show (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay;
  ToastState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  state = g_object_get_data (G_OBJECT (overlay), STATE_KEY);
  if (state == NULL)
    {
      state = g_new0 (ToastState, 1);
      state->overlay = ADW_TOAST_OVERLAY (overlay);
      g_object_set_data_full (G_OBJECT (overlay), STATE_KEY, state, (GDestroyNotify) toast_state_free);
    }

  /* The newest message wins: it replaces one waiting, and the one shown
   * unless that one has high priority and it has not. */
  g_clear_object (&state->waiting);
  state->waiting = toast;
  if (advance (state))
    g_clear_handle_id (&state->wait_id, g_source_remove);   /* nothing left to wait for */
  else if (state->wait_id == 0)
    state->wait_id = g_timeout_add (50, wait_cb, state);
}
