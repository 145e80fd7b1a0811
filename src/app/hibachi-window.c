/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-bookings-view.h"
#include "hibachi-context.h"
#include "hibachi-accessible.h"
#include "hibachi-demo-server.h"
#include "hibachi-directory.h"
#include "hibachi-page.h"
#include "hibachi-sidebar-row.h"
#include "hibachi-sign-in-page.h"
#include "hibachi-split-layout.h"
#include "hibachi-toast.h"
#include "hibachi-unsaved-dialog.h"
#include "hibachi-window-private.h"

G_DEFINE_FINAL_TYPE (HibachiWindow, hibachi_window, ADW_TYPE_APPLICATION_WINDOW)

void
hibachi_window_show_page (HibachiWindow *self,
           const char    *page)
{
  /* Focus leaves the page being hidden first, so its entries see it go. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0)
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  /* Content replaces the spinner at once: a cross-fade would paint both
   * pages for 200 ms just as the first rows are built (cairo blends the
   * whole window each frame). Sign-in and main still cross-fade. */
  gtk_stack_set_transition_type (self->stack,
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0
                                   ? GTK_STACK_TRANSITION_TYPE_NONE : GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_visible_child_name (self->stack, page);
}

const char *
hibachi_window_get_page (HibachiWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
toast (HibachiWindow *self,
       const char    *message)
{
  hibachi_toast_show (GTK_WIDGET (self->toast_overlay), adw_toast_new (message));
}

static void
build_primary_menu (HibachiWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) app_section = g_menu_new ();
  g_autoptr(GMenu) account = g_menu_new ();
  /* Translators: the signed-in user's name, then their role */
  g_autofree char *who = g_strdup_printf (_("%s, %s"), hibachi_session_get_full_name (self->session),
                                          hibachi_role_get_label (hibachi_session_get_role_id (self->session)));

  g_menu_append (app_section, _("_Preferences"), "app.preferences");
  g_menu_append (app_section, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (app_section, _("_Help"), "app.help::");
  g_menu_append (app_section, _("_About Hibachi Admin"), "app.about");
  g_menu_append (account, _("_Sign Out"), "win.sign-out");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (app_section));
  g_menu_append_section (menu, who, G_MENU_MODEL (account));
  gtk_menu_button_set_menu_model (self->primary_menu_button, G_MENU_MODEL (menu));
}

static void
build_station_choices (HibachiWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *stations = hibachi_directory_get_stations (self->directory);
  gboolean global = hibachi_session_can (self->session, HIBACHI_CAPABILITY_ALL_STATIONS);
  const char * const *own = hibachi_session_get_station_ids (self->session);

  g_ptr_array_set_size (self->station_choices, 0);
  gtk_string_list_append (names, global ? _("All Stations") : _("All My Stations"));
  g_ptr_array_add (self->station_choices, NULL);

  for (guint i = 0; i < stations->len; i++)
    {
      HibachiStation *station = g_ptr_array_index (stations, i);
      const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (station));

      if (!global && (own == NULL || !g_strv_contains (own, id)))
        continue;
      gtk_string_list_append (names, hibachi_station_get_name (station));
      g_ptr_array_add (self->station_choices, g_strdup (id));
    }

  gtk_drop_down_set_model (self->station_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  /* A manager of one station, or a chef, has nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->station_dropdown), self->station_choices->len > 2);
}

static void
station_changed_cb (HibachiWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->station_dropdown);
  const char *id = selected < self->station_choices->len ? g_ptr_array_index (self->station_choices, selected) : NULL;

  if (self->session == NULL || hibachi_session_get_state (self->session) != HIBACHI_SESSION_SIGNED_IN)
    return;
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    hibachi_page_set_station_id (HIBACHI_PAGE (page), id);
}

/* The header says what the window's connection monitor knows: every
 * request of every page feeds it. */
static void
connection_changed_cb (HibachiWindow *self)
{
  static const struct { const char *icon, *label; } shown[] = {
    [HIBACHI_CONNECTION_ONLINE] = { "network-transmit-receive-symbolic", N_("Online") },
    [HIBACHI_CONNECTION_RECONNECTING] = { "emblem-synchronizing-symbolic", N_("Reconnecting…") },
    [HIBACHI_CONNECTION_OFFLINE] = { "network-offline-symbolic", N_("Offline") },
  };
  HibachiConnectionMonitor *monitor = self->context ? hibachi_context_get_connection_monitor (self->context) : NULL;
  HibachiConnectionState state = monitor ? hibachi_connection_monitor_get_state (monitor) : HIBACHI_CONNECTION_ONLINE;

  gtk_image_set_from_icon_name (self->connection_icon, shown[state].icon);
  gtk_label_set_text (self->connection_label, _(shown[state].label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connection_icon), gtk_label_get_text (self->connection_label));
  hibachi_accessible_set_label (GTK_WIDGET (self->connection_icon), gtk_label_get_text (self->connection_label));
}

static void
monitor_changed_cb (HibachiWindow *self)
{
  HibachiConnectionMonitor *monitor = hibachi_context_get_connection_monitor (self->context);

  if (monitor != NULL)
    g_signal_connect_object (monitor, "notify::state", G_CALLBACK (connection_changed_cb), self, G_CONNECT_SWAPPED);
  connection_changed_cb (self);
}

static void
directory_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HibachiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hibachi_directory_load_finish (HIBACHI_DIRECTORY (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Without names the lists still work; say why names are missing. */
      toast (self, error->message);
    }

  build_primary_menu (self);
  build_station_choices (self);
  hibachi_context_set_account (self->context, self->session, self->directory);
  hibachi_window_show_page (self, "main");

  if (!hibachi_session_get_remembered (self->session))
    {
      AdwToast *notice = adw_toast_new (_("The keyring is unavailable: this session will not be remembered."));

      adw_toast_set_timeout (notice, 0);
      hibachi_toast_show (GTK_WIDGET (self->toast_overlay), notice);
    }
}

static void session_state_cb (HibachiWindow *self);

void
hibachi_window_set_session (HibachiWindow  *self,
             HibachiSession *session)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, session_state_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::state", G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
}

void
hibachi_window_signed_in (HibachiWindow *self)
{
  g_settings_set_string (self->settings, "server-url", hibachi_session_get_server_url (self->session));
  g_settings_set_string (self->settings, "last-account", hibachi_session_get_email (self->session));

  g_clear_object (&self->directory);
  self->directory = hibachi_directory_new (hibachi_session_get_store (self->session));
  for (const char * const *id = hibachi_session_get_station_ids (self->session); id != NULL && *id != NULL; id++)
    if (hibachi_session_get_station_name (self->session, *id) != NULL)
      hibachi_directory_name_station (self->directory, *id, hibachi_session_get_station_name (self->session, *id));
  adw_status_page_set_title (self->loading_page, _("Loading…"));
  hibachi_window_show_page (self, "loading");
  hibachi_directory_load_async (self->directory, self->cancellable, directory_loaded_cb, g_object_ref (self));
}

static void sign_in_cb (HibachiWindow *self);
static void try_demo_cb (HibachiWindow *self);

/* The sign-in form, made when first shown: a restored session never shows
 * it, and its widgets were about a seventh of the window's template. */
static HibachiSignInPage *
sign_in_page (HibachiWindow *self)
{
  if (self->sign_in_page == NULL)
    {
      self->sign_in_page = g_object_new (HIBACHI_TYPE_SIGN_IN_PAGE, NULL);
      g_signal_connect_swapped (self->sign_in_page, "sign-in", G_CALLBACK (sign_in_cb), self);
      g_signal_connect_swapped (self->sign_in_page, "try-demo", G_CALLBACK (try_demo_cb), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->sign_in_page), "sign-in");
    }
  return self->sign_in_page;
}

void
hibachi_window_show_sign_in (HibachiWindow *self,
              const char    *message,
              gboolean       is_error)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  g_autofree char *account = g_settings_get_string (self->settings, "last-account");

  hibachi_sign_in_page_set_busy (sign_in_page (self), FALSE);
  hibachi_sign_in_page_set_server (sign_in_page (self), server);
  hibachi_sign_in_page_set_email (sign_in_page (self), account);
  hibachi_sign_in_page_clear_password (sign_in_page (self));
  hibachi_sign_in_page_set_message (sign_in_page (self), message, is_error);
  hibachi_window_show_page (self, "sign-in");
  /* Pages forget the account: the next user starts from their defaults. */
  hibachi_context_set_account (self->context, NULL, NULL);
}

static void
session_state_cb (HibachiWindow *self)
{
  HibachiSessionState state = hibachi_session_get_state (self->session);

  /* The server refused to renew the session: sign in again, email kept. */
  if (state == HIBACHI_SESSION_EXPIRED)
    hibachi_window_show_sign_in (self, _("Your session has ended. Sign in again to continue."), FALSE);
  /* A restored session: what signing in loads next (the names, then the
   * shown page) is asked for beside the confirmation, one round trip
   * instead of three. */
  else if (state == HIBACHI_SESSION_CONFIRMING)
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->pages);

      hibachi_store_prefetch_chefs_and_stations (hibachi_session_get_store (self->session));
      if (HIBACHI_IS_PAGE (page))
        hibachi_page_prefetch (HIBACHI_PAGE (page), self->session);
    }
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HibachiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hibachi_session_sign_in_finish (HIBACHI_SESSION (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      hibachi_sign_in_page_set_busy (sign_in_page (self), FALSE);
      hibachi_sign_in_page_set_message (sign_in_page (self), error->message, TRUE);
      return;
    }

  hibachi_sign_in_page_set_busy (sign_in_page (self), FALSE);
  hibachi_sign_in_page_clear_password (sign_in_page (self));
  hibachi_window_signed_in (self);
}

static void
sign_in_cb (HibachiWindow *self)
{
  g_autoptr(HibachiSession) session = hibachi_session_new (hibachi_sign_in_page_get_server (sign_in_page (self)));

  hibachi_window_set_session (self, session);
  hibachi_sign_in_page_set_message (sign_in_page (self), NULL, FALSE);
  hibachi_sign_in_page_set_busy (sign_in_page (self), TRUE);
  hibachi_session_sign_in_async (self->session, hibachi_sign_in_page_get_email (sign_in_page (self)),
                                 hibachi_sign_in_page_get_password (sign_in_page (self)), self->cancellable,
                                 sign_in_done_cb, g_object_ref (self));
}

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HibachiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hibachi_demo_server_start_finish (HIBACHI_DEMO_SERVER (source), result, &error);
  g_autoptr(HibachiSession) session = NULL;

  if (url == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      hibachi_window_show_sign_in (self, error->message, TRUE);
      return;
    }

  session = hibachi_session_new (url);
  hibachi_window_set_session (self, session);
  hibachi_sign_in_page_set_server (sign_in_page (self), url);
  hibachi_sign_in_page_set_email (sign_in_page (self), HIBACHI_DEMO_EMAIL);
  hibachi_session_sign_in_async (self->session, HIBACHI_DEMO_EMAIL, HIBACHI_DEMO_SERVER_PASSWORD, self->cancellable,
                                 sign_in_done_cb, g_object_ref (self));
}

static void
try_demo_cb (HibachiWindow *self)
{
  if (self->demo == NULL)
    self->demo = hibachi_demo_server_new ();

  hibachi_sign_in_page_set_message (sign_in_page (self), _("Starting the demo server with sample data…"), FALSE);
  hibachi_sign_in_page_set_busy (sign_in_page (self), TRUE);
  hibachi_demo_server_start_async (self->demo, self->cancellable, demo_started_cb, g_object_ref (self));
}

static void
sign_out_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HibachiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hibachi_session_sign_out_finish (HIBACHI_SESSION (source), result, &error))
    toast (self, error->message);
  /* The email stays in the field (the next person is often the same one);
   * the next start does not sign in by itself. */
  hibachi_window_show_sign_in (self, _("You are signed out."), FALSE);
  g_settings_set_string (self->settings, "last-account", "");
}

/* Unsaved changes: before the window closes or the user signs out, each
 * page with unsaved changes asks Save / Discard / Cancel; nothing is lost
 * silently. */

typedef void (*AfterUnsaved) (HibachiWindow *self);

typedef struct
{
  HibachiWindow *self;
  HibachiPage   *page;
  AfterUnsaved   then;
} UnsavedQuestion;

static void
unsaved_question_free (UnsavedQuestion *question)
{
  g_object_unref (question->self);
  g_object_unref (question->page);
  g_free (question);
}

static void confirm_unsaved (HibachiWindow *self, AfterUnsaved then);

static void
unsaved_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  UnsavedQuestion *question = user_data;

  /* Not saved (invalid, changed meanwhile, offline): the page says why and
   * keeps the changes; the window stays. */
  if (hibachi_page_save_finish (HIBACHI_PAGE (source), result, NULL))
    confirm_unsaved (question->self, question->then);
  unsaved_question_free (question);
}

static UnsavedQuestion *
unsaved_question_new (HibachiWindow *self,
                      HibachiPage   *page,
                      AfterUnsaved   then)
{
  UnsavedQuestion *question = g_new0 (UnsavedQuestion, 1);

  question->self = g_object_ref (self);
  question->page = g_object_ref (page);
  question->then = then;

  return question;
}

static void
unsaved_answer_cb (HibachiUnsavedAnswer  answer,
                   gpointer              user_data)
{
  UnsavedQuestion *question = user_data;

  if (answer == HIBACHI_UNSAVED_SAVE)
    hibachi_page_save_async (question->page, question->self->cancellable, unsaved_saved_cb,
                             unsaved_question_new (question->self, question->page, question->then));
  else if (answer == HIBACHI_UNSAVED_DISCARD)
    {
      hibachi_page_discard (question->page);
      confirm_unsaved (question->self, question->then);
    }
}

/* The first page with unsaved changes, and what they are of. */
static HibachiPage *
first_unsaved_page (HibachiWindow  *self,
                    char          **out_unsaved)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      char *unsaved = hibachi_page_dup_unsaved (HIBACHI_PAGE (page));

      if (unsaved == NULL)
        continue;
      if (out_unsaved != NULL)
        *out_unsaved = unsaved;
      else
        g_free (unsaved);
      return HIBACHI_PAGE (page);
    }

  return NULL;
}

static void
confirm_unsaved (HibachiWindow *self,
                 AfterUnsaved   then)
{
  g_autofree char *unsaved = NULL;
  HibachiPage *page = first_unsaved_page (self, &unsaved);

  if (page == NULL)
    then (self);
  else
    hibachi_unsaved_dialog_run (GTK_WIDGET (self), unsaved, unsaved_answer_cb,
                                unsaved_question_new (self, page, then), (GDestroyNotify) unsaved_question_free);
}

static void
sign_out_now (HibachiWindow *self)
{
  if (self->session == NULL)
    return;
  hibachi_session_sign_out_async (self->session, NULL, sign_out_done_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  confirm_unsaved (HIBACHI_WINDOW (widget), sign_out_now);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_now (HibachiWindow *self)
{
  /* After the question's response is over: the question belongs to us. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Undo: pages push what they did on the context's stack; the toast offers
 * to undo that command, Ctrl+Z the most recent one, and both say what. */

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HibachiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiUndoCommand) command = hibachi_undo_stack_undo_finish (HIBACHI_UNDO_STACK (source), result, &error);
  g_autofree char *message = NULL;
  AdwToast *done;

  if (command == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  /* Translators: what was undone, e.g. "cancel of MH-100398" */
  message = g_strdup_printf (_("Undid %s"), hibachi_undo_command_get_description (command));
  /* It takes the place of the offer, which has nothing left to undo. */
  done = adw_toast_new (message);
  adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
  hibachi_toast_show (GTK_WIDGET (self->toast_overlay), done);
}

static void
undo_clicked_cb (AdwToast           *undo_toast,
                 HibachiUndoCommand *command)
{
  HibachiWindow *self = g_object_get_data (G_OBJECT (undo_toast), "hibachi-window");

  hibachi_undo_stack_undo_async (hibachi_context_get_undo_stack (self->context), command, self->cancellable,
                                 undone_cb, g_object_ref (self));
}

static void
undo_pushed_cb (HibachiWindow      *self,
                HibachiUndoCommand *command)
{
  AdwToast *undo_toast = adw_toast_new (hibachi_undo_command_get_message (command));
  /* Translators: a button that undoes, e.g. "Undo cancel of MH-100398" */
  g_autofree char *label = g_strdup_printf (_("Undo %s"), hibachi_undo_command_get_description (command));

  adw_toast_set_button_label (undo_toast, label);
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (undo_toast), "hibachi-window", self);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_clicked_cb), g_object_ref (command),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  hibachi_toast_show (GTK_WIDGET (self->toast_overlay), undo_toast);
}

/* "win.show-booking" (a reference): any page opens a booking in Bookings. */
static void
show_booking_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HibachiWindow *self = HIBACHI_WINDOW (widget);
  HibachiBookingsView *view = hibachi_window_get_bookings_view (self);

  if (view == NULL)
    return;
  hibachi_bookings_view_show_reference (view, g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (view));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HibachiWindow *self = HIBACHI_WINDOW (widget);
  HibachiUndoStack *stack = hibachi_context_get_undo_stack (self->context);

  if (!hibachi_undo_stack_get_can_undo (stack))
    {
      toast (self, _("Nothing to undo"));
      return;
    }
  hibachi_undo_stack_undo_async (stack, NULL, self->cancellable, undone_cb, g_object_ref (self));
}

static void
visible_page_cb (HibachiWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (page != NULL)
    adw_window_title_set_title (self->content_title, hibachi_page_get_title (HIBACHI_PAGE (page)));
  hibachi_window_select_row_of (self, page);
}

static gboolean
hibachi_window_close_request (GtkWindow *window)
{
  HibachiWindow *self = HIBACHI_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && first_unsaved_page (self, NULL) != NULL)
    {
      confirm_unsaved (self, close_now);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hibachi_window_parent_class)->close_request (window);
}

static void
hibachi_window_dispose (GObject *object)
{
  HibachiWindow *self = HIBACHI_WINDOW (object);

  g_clear_handle_id (&self->present_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->demo != NULL)
    hibachi_demo_server_stop (self->demo);
  /* First: widgets that notify while they go must find no session to act on. */
  hibachi_window_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_WINDOW);
  self->sign_in_page = NULL;   /* went with the stack */
  g_clear_object (&self->directory);
  g_clear_object (&self->context);
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->station_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (hibachi_window_parent_class)->dispose (object);
}

static void
hibachi_window_class_init (HibachiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hibachi_window_dispose;
  window_class->close_request = hibachi_window_close_request;

  g_type_ensure (HIBACHI_TYPE_SIGN_IN_PAGE);
  g_type_ensure (HIBACHI_TYPE_SPLIT_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, layout);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HibachiWindow, pages);
  gtk_widget_class_bind_template_callback (widget_class, station_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-booking", "s", show_booking_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  hibachi_window_class_init_navigation (widget_class);
}

static void
hibachi_window_init (HibachiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hibachi_accessible_set_label (GTK_WIDGET (self->primary_menu_button), _("Main Menu"));
  hibachi_accessible_set_label (GTK_WIDGET (self->station_dropdown), _("Station"));
  self->station_choices = g_ptr_array_new_with_free_func (g_free);
  connection_changed_cb (self);
  hibachi_window_init_navigation (self);
  {
    /* Only the pages the user's role may use have a row. */
    g_autoptr(GListModel) allowed = hibachi_page_list_allowed (self->pages);

    gtk_list_box_bind_model (self->sidebar_list, allowed, (GtkListBoxCreateWidgetFunc) hibachi_sidebar_row_new,
                             NULL, NULL);
  }
  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  visible_page_cb (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

HibachiWindow *
hibachi_window_new (HibachiApplication *application)
{
  GSettings *settings = hibachi_application_get_settings (application);
  HibachiWindow *self = g_object_new (HIBACHI_TYPE_WINDOW, "application", application, NULL);

  self->cancellable = g_cancellable_new ();
  self->settings = g_object_ref (settings);
  self->context = hibachi_context_new (self->settings);
  g_signal_connect_object (self->context, "notify::connection-monitor", G_CALLBACK (monitor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hibachi_context_get_undo_stack (self->context), "pushed", G_CALLBACK (undo_pushed_cb),
                           self, G_CONNECT_SWAPPED);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    hibachi_page_set_context (HIBACHI_PAGE (page), self->context);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (hibachi_application_get_start_demo (application))
    {
      hibachi_window_show_sign_in (self, NULL, FALSE);
      try_demo_cb (self);
    }
  else if (!hibachi_window_restore (self, application))
    hibachi_window_show_sign_in (self, NULL, FALSE);

  return self;
}

HibachiSession *
hibachi_window_get_session (HibachiWindow *self)
{
  return self->session;
}

HibachiContext *
hibachi_window_get_context (HibachiWindow *self)
{
  return self->context;
}

HibachiBookingsView *
hibachi_window_get_bookings_view (HibachiWindow *self)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (HIBACHI_IS_BOOKINGS_VIEW (page))
      return HIBACHI_BOOKINGS_VIEW (page);

  return NULL;
}
