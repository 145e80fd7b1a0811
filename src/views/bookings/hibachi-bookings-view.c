/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-booking-undo.h"
#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"
#include "hibachi-list-keys.h"
#include "hibachi-unsaved-dialog.h"
#include "hibachi-wrap-box.h"

G_DEFINE_FINAL_TYPE (HibachiBookingsView, hibachi_bookings_view, HIBACHI_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
set_connection (HibachiBookingsView *self,
                const char          *connection)
{
  if (g_strcmp0 (self->connection, connection) == 0)
    return;

  self->connection = connection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

const char *
hibachi_bookings_view_get_connection (HibachiBookingsView *self)
{
  return self->connection;
}

/* State */

static void
update_count (HibachiBookingsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *bookings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking", "%u bookings", n), n);

  if (n_selected > 1)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u selected", "%s, %u selected", n_selected),
                                               bookings, n_selected);
      gtk_label_set_text (self->count_label, text);
    }
  else
    gtk_label_set_text (self->count_label, bookings);

  gtk_widget_set_visible (self->confirm_selected_button, n_selected > 1 && hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS));
  gtk_widget_set_visible (self->assign_selected_button, n_selected > 1 && hibachi_session_can (self->session, HIBACHI_CAPABILITY_ASSIGN_CHEFS));
}

static gboolean
retry_cb (gpointer data)
{
  HibachiBookingsView *self = data;

  hibachi_paged_list_reload (self->list);
  return G_SOURCE_CONTINUE;
}

static void show_selected (HibachiBookingsView *self);

HibachiBooking *
hibachi_bookings_view_shown_booking (HibachiBookingsView *self)
{
  return self->detail != NULL ? hibachi_booking_detail_get_booking (self->detail) : NULL;
}

gboolean
hibachi_bookings_view_pane_has_changes (HibachiBookingsView *self)
{
  return self->detail != NULL && hibachi_booking_detail_has_changes (self->detail);
}

static HibachiBookingDetail *ensure_detail (HibachiBookingsView *self);

static void
clear_pane (HibachiBookingsView *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  if (self->detail != NULL)
    hibachi_booking_detail_set_booking (self->detail, NULL);
}
static int position_of (HibachiBookingsView *self, const char *id);

/* After a reload the rows hold other bookings at the same positions: the
 * selection follows the booking the pane shows, by id, or the pane clears.
 * Never a selection of one booking beside the pane of another. */
static gboolean
reconcile_selection_cb (gpointer data)
{
  HibachiBookingsView *self = data;
  HibachiBooking *shown = hibachi_bookings_view_shown_booking (self);
  g_autoptr(GtkBitset) selected = NULL;
  int position;

  self->reconcile_id = 0;
  if (self->list == NULL || shown == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") != 0)
    return G_SOURCE_REMOVE;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  position = position_of (self, hibachi_booking_get_id (shown));
  self->reselecting = TRUE;
  if (position >= 0)
    {
      if (gtk_bitset_get_size (selected) != 1 || gtk_bitset_get_nth (selected, 0) != (guint) position)
        hibachi_bookings_view_select (self, (guint) position);
    }
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->reselecting = FALSE;

  /* Gone from the list: the pane goes too, unless it holds unsaved work. */
  if (position < 0 && !hibachi_bookings_view_pane_has_changes (self))
    clear_pane (self);
  else if (position >= 0 && !hibachi_bookings_view_pane_has_changes (self))
    show_selected (self);
  update_count (self);

  return G_SOURCE_REMOVE;
}

/* A page still on its way holds the list: its answer must not reach this
 * view, which has let the list go (sign-out, dispose). */
static void
drop_list (HibachiBookingsView *self)
{
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  hibachi_bookings_view_drop_first_rows (self);
}

static void
update_state (HibachiBookingsView *self)
{
  const GError *error = hibachi_paged_list_get_error (self->list);
  gboolean loading = hibachi_paged_list_get_loading (self->list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean offline = error != NULL && (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK) ||
                                       g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_SERVER));

  hibachi_page_set_loading (HIBACHI_PAGE (self), loading && n == 0 && error == NULL);
  if (offline)
    {
      hibachi_status_view_set_message (self->status_view, error->message);
      if (n == 0)
        hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_OFFLINE);
      set_connection (self, "offline");
      /* Back online by itself: the list reloads every refresh interval. */
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add_seconds (g_settings_get_uint (self->settings, "refresh-interval"), retry_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->retry_id, g_source_remove);
      set_connection (self, loading ? "syncing" : "online");

      if (error != NULL && !loading)
        {
          hibachi_status_view_set_message (self->status_view, error->message);
          hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_ERROR);
          /* The rows of before are not the answer to this query. */
          gtk_label_set_text (self->count_label, "");
          return;
        }
      else if (n > 0)
        hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_CONTENT);
      else if (loading)
        hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_LOADING);
      else
        hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_EMPTY);
    }

  /* Once the page's rows are in (after this notify). */
  if (!loading && self->reconcile_id == 0)
    self->reconcile_id = g_idle_add (reconcile_selection_cb, self);
  update_count (self);
}

static void show_selected (HibachiBookingsView *self);

/* The position of the loaded row of booking @id, or -1. Asked of the list
 * itself: g_list_model_get_item() on every row would make an object for
 * each of 100,000 rows, after every page loaded while a booking is open. */
static int
position_of (HibachiBookingsView *self,
             const char          *id)
{
  return hibachi_paged_list_find_position (self->list, id);
}

/* The selection goes back to the booking the pane shows. */
static void
select_shown (HibachiBookingsView *self)
{
  HibachiBooking *shown = hibachi_bookings_view_shown_booking (self);
  int position = shown != NULL ? position_of (self, hibachi_booking_get_id (shown)) : -1;

  self->reselecting = TRUE;
  if (position >= 0)
    hibachi_bookings_view_select (self, (guint) position);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->reselecting = FALSE;
}

static void
switch_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HibachiBookingsView) self = user_data;

  /* Not saved: the pane says why and keeps the changes, on screen. */
  if (hibachi_booking_detail_save_finish (HIBACHI_BOOKING_DETAIL (source), result, NULL))
    show_selected (self);
  else if (self->list != NULL)
    select_shown (self);
}

static void
switch_answer_cb (HibachiUnsavedAnswer answer,
                  gpointer             user_data)
{
  HibachiBookingsView *self = user_data;

  self->asking = FALSE;
  if (self->list == NULL)
    return;

  switch (answer)
    {
    case HIBACHI_UNSAVED_SAVE:
      hibachi_booking_detail_save_async (self->detail, self->cancellable, switch_saved_cb, g_object_ref (self));
      break;
    case HIBACHI_UNSAVED_DISCARD:
      hibachi_booking_detail_discard (self->detail);
      show_selected (self);
      break;
    case HIBACHI_UNSAVED_CANCEL:
    default:
      select_shown (self);
      break;
    }
}

static void
show_selected (HibachiBookingsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(HibachiBooking) booking = NULL;
  HibachiBooking *shown = hibachi_bookings_view_shown_booking (self);

  if (gtk_bitset_get_size (selected) == 1)
    booking = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));

  /* Another booking (or none) while the pane holds unsaved changes: ask. */
  if (shown != NULL && hibachi_bookings_view_pane_has_changes (self) &&
      (booking == NULL || !hibachi_booking_is_loaded (booking) ||
       g_strcmp0 (hibachi_booking_get_id (booking), hibachi_booking_get_id (shown)) != 0))
    {
      g_autofree char *what = NULL;

      if (self->asking)
        return;
      self->asking = TRUE;
      /* Translators: a booking reference */
      what = g_strdup_printf (_("Booking %s"), hibachi_booking_get_reference (shown));
      hibachi_unsaved_dialog_run (GTK_WIDGET (self), what, switch_answer_cb, g_object_ref (self), g_object_unref);
      return;
    }

  if (booking != NULL && hibachi_booking_is_loaded (booking))
    {
      /* A copy: the list may reuse this row's object for another booking. */
      g_autoptr(HibachiBooking) copy = hibachi_booking_copy (booking);

      if (shown == NULL || g_strcmp0 (hibachi_booking_get_id (shown), hibachi_booking_get_id (booking)) != 0 ||
          hibachi_booking_get_version (shown) != hibachi_booking_get_version (booking))
        hibachi_booking_detail_set_booking (ensure_detail (self), copy);
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");
    }
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "none");

  update_count (self);
}

static void
selection_changed_cb (HibachiBookingsView *self)
{
  if (self->reselecting)
    return;
  /* Someone picked a booking: in a narrow window it takes the page. */
  self->detail_wanted = TRUE;
  show_selected (self);
}

static void
items_changed_cb (HibachiBookingsView *self,
                  guint                position,
                  guint                removed,
                  guint                added)
{
  HibachiBooking *shown = hibachi_bookings_view_shown_booking (self);

  update_state (self);
  if (shown == NULL || !hibachi_booking_is_loaded (shown))
    show_selected (self);
}

/* Esc in the search entry: the search goes, the list shows all again. */
static void
search_stopped_cb (HibachiBookingsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
booking_changed_cb (HibachiBookingsView *self,
                    HibachiBooking      *booking)
{
  hibachi_paged_list_replace (self->list, HIBACHI_RESOURCE (booking));
}

typedef struct
{
  HibachiBookingsView *self;
  char                *id;
} SelectRequest;

static SelectRequest *
select_request_new (HibachiBookingsView *self,
                    const char          *id)
{
  SelectRequest *request = g_new0 (SelectRequest, 1);

  request->self = g_object_ref (self);
  request->id = g_strdup (id);
  return request;
}

static void
restored_in_list_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SelectRequest *request = user_data;
  HibachiBookingsView *self = request->self;
  g_autoptr(GError) error = NULL;
  int position = -1;

  if (!hibachi_paged_list_refresh_finish (HIBACHI_PAGED_LIST (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_page_toast (GTK_WIDGET (self), error->message);
    }
  else if (HIBACHI_PAGED_LIST (source) == self->list)
    position = hibachi_paged_list_find_position (self->list, request->id);

  if (position >= 0)
    {
      hibachi_bookings_view_select (self, (guint) position);
      hibachi_bookings_view_scroll_to_row (self, (guint) position);
    }
  g_object_unref (request->self);
  g_free (request->id);
  g_free (request);
}

/* An undo put a booking's old values back: the list and the pane show them. */
static void
undone_cb (HibachiBookingsView *self,
           HibachiUndoCommand  *command)
{
  HibachiBooking *booking;
  HibachiBooking *shown = hibachi_bookings_view_shown_booking (self);

  if (!HIBACHI_IS_BOOKING_UNDO (command) || self->list == NULL)
    return;

  booking = hibachi_booking_undo_get_result (HIBACHI_BOOKING_UNDO (command));
  if (hibachi_paged_list_find (self->list, hibachi_booking_get_id (booking)) == NULL)
    {
      /* Deleted, now restored: back in its place, selected. */
      hibachi_paged_list_refresh_async (self->list, self->cancellable, restored_in_list_cb,
                                        select_request_new (self, hibachi_booking_get_id (booking)));
      return;
    }
  hibachi_paged_list_replace (self->list, HIBACHI_RESOURCE (booking));
  if (shown != NULL && g_strcmp0 (hibachi_booking_get_id (shown), hibachi_booking_get_id (booking)) == 0)
    {
      g_autoptr(HibachiBooking) copy = hibachi_booking_copy (booking);

      hibachi_booking_detail_set_booking (self->detail, copy);
    }
}

static void
booking_removed_cb (HibachiBookingsView *self,
                    HibachiBooking      *booking)
{
  /* The pane lets it go: news of it (gone) is no news to show. */
  clear_pane (self);
  /* Its row goes; the rows around it and the scroll stay. */
  if (!hibachi_paged_list_remove (self->list, hibachi_booking_get_id (booking)))
    hibachi_paged_list_reload (self->list);
}

/* The pane's form, made when a booking is first opened: some forty widgets
 * the window would otherwise build, and style, on its way to the first
 * rows at startup. */
static HibachiBookingDetail *
ensure_detail (HibachiBookingsView *self)
{
  if (self->detail == NULL)
    {
      self->detail = g_object_new (HIBACHI_TYPE_BOOKING_DETAIL, NULL);
      g_signal_connect_swapped (self->detail, "booking-changed", G_CALLBACK (booking_changed_cb), self);
      g_signal_connect_swapped (self->detail, "booking-removed", G_CALLBACK (booking_removed_cb), self);
      hibachi_booking_detail_set_context (self->detail, hibachi_page_get_context (HIBACHI_PAGE (self)));
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->detail), "detail");
    }
  return self->detail;
}

/* Someone changed a row (another person, or this person elsewhere): the
 * row already shows the new data; its cells now say who. Kept until the
 * next query, as the row may scroll out and back. */
static void
row_changed_by_cb (HibachiBookingsView *self,
                   HibachiResource     *row,
                   const char          *actor,
                   const char          *action)
{
  if (actor == NULL)
    return;
  g_hash_table_replace (self->changed_by, g_strdup (hibachi_resource_get_id (row)), g_strdup (actor));
  hibachi_bookings_view_refresh_row (self, row);
}

/* The page: account, station, reload, search */

static void
signed_out (HibachiBookingsView *self)
{
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle,
                                 self->cancelled_toggle, self->unassigned_toggle };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->reconcile_id, g_source_remove);

  /* The next user starts from the defaults, not from this user's search. */
  g_hash_table_remove_all (self->changed_by);
  drop_list (self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (toggles[i], FALSE);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  gtk_drop_down_set_selected (self->chef_dropdown, 0);
  gtk_drop_down_set_selected (self->sort_dropdown, 0);
  clear_pane (self);
  hibachi_page_set_badge_count (HIBACHI_PAGE (self), 0);
  hibachi_page_set_loading (HIBACHI_PAGE (self), FALSE);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->settings);
}

static void
hibachi_bookings_view_account_changed (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);
  HibachiContext *context = hibachi_page_get_context (page);
  HibachiSession *session = hibachi_page_get_session (page);
  HibachiDirectory *directory = hibachi_page_get_directory (page);
  g_autofree char *query = NULL;
  gboolean can_create;

  signed_out (self);
  if (self->detail != NULL)
    hibachi_booking_detail_set_context (self->detail, context);
  if (context != NULL && self->undo_stack != hibachi_context_get_undo_stack (context))
    {
      if (self->undo_stack != NULL)
        g_signal_handlers_disconnect_by_func (self->undo_stack, undone_cb, self);
      g_set_object (&self->undo_stack, hibachi_context_get_undo_stack (context));
      g_signal_connect_object (self->undo_stack, "undone", G_CALLBACK (undone_cb), self, G_CONNECT_SWAPPED);
    }
  if (session == NULL || directory == NULL)
    return;

  g_set_object (&self->session, session);
  g_set_object (&self->directory, directory);
  g_set_object (&self->settings, hibachi_context_get_settings (context));
  /* A chef sees their own bookings: nothing to create, nobody to staff. */
  can_create = hibachi_session_can (session, HIBACHI_CAPABILITY_CREATE_BOOKINGS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.new", can_create);
  gtk_widget_set_visible (self->new_button, can_create);
  gtk_widget_set_visible (GTK_WIDGET (self->unassigned_toggle), hibachi_session_can (session, HIBACHI_CAPABILITY_ASSIGN_CHEFS));

  /* Chefs to filter by, from the directory (empty for a chef's own view). */
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    GPtrArray *chefs = hibachi_directory_get_chefs (directory);

    g_clear_pointer (&self->chef_choices, g_ptr_array_unref);
    self->chef_choices = g_ptr_array_new_with_free_func (g_free);
    gtk_string_list_append (names, _("Any Chef"));
    g_ptr_array_add (self->chef_choices, NULL);
    for (guint i = 0; i < chefs->len; i++)
      {
        HibachiChef *chef = g_ptr_array_index (chefs, i);

        gtk_string_list_append (names, hibachi_chef_get_name (chef));
        g_ptr_array_add (self->chef_choices, g_strdup (hibachi_resource_get_id (HIBACHI_RESOURCE (chef))));
      }
    gtk_drop_down_set_model (self->chef_dropdown, G_LIST_MODEL (names));
    gtk_widget_set_visible (GTK_WIDGET (self->chef_dropdown), chefs->len > 0);
  }

  self->list = hibachi_store_new_booking_list (hibachi_session_get_store (session));
  /* Rows others change update in place, and say who changed them. */
  if (hibachi_context_get_change_feed (context) != NULL)
    hibachi_paged_list_follow (self->list, hibachi_context_get_change_feed (context), HIBACHI_RESOURCE_BOOKING);
  self->selection = gtk_multi_selection_new (hibachi_bookings_view_first_rows_new (self));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-changed", G_CALLBACK (row_changed_by_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::error-message", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  query = hibachi_bookings_view_build_query (self);
  hibachi_paged_list_set_query (self->list, query);
  update_state (self);
  hibachi_bookings_view_follow_badge (self, hibachi_context_get_change_feed (context));
}

static void
hibachi_bookings_view_station_changed (HibachiPage *page)
{
  hibachi_bookings_view_filters_changed (HIBACHI_BOOKINGS_VIEW (page));
  hibachi_bookings_view_refresh_badge (HIBACHI_BOOKINGS_VIEW (page));
}

static void
hibachi_bookings_view_reload (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);

  if (self->list != NULL)
    hibachi_paged_list_reload (self->list);
  hibachi_bookings_view_refresh_badge (self);
}

static void
hibachi_bookings_view_focus_search (HibachiPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (HIBACHI_BOOKINGS_VIEW (page)->search_entry));
}

/* Life cycle */

static void
hibachi_bookings_view_dispose (GObject *object)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->reconcile_id, g_source_remove);
  g_clear_handle_id (&self->pending_rows_id, g_source_remove);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_pointer (&self->longest_reference, g_free);
  g_clear_handle_id (&self->badge_id, g_source_remove);
  /* The stack holds the pane's form; its late news (a delete answered) is
   * for no one now. */
  if (self->detail != NULL)
    g_signal_handlers_disconnect_by_data (self->detail, self);
  self->detail = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_BOOKINGS_VIEW);
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  drop_list (self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->badge_cancellable);
  g_clear_pointer (&self->chef_choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending_rows, g_hash_table_unref);
  hibachi_bookings_view_forget_rows (self);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->changed_by, g_hash_table_unref);

  G_OBJECT_CLASS (hibachi_bookings_view_parent_class)->dispose (object);
}

static void
hibachi_bookings_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_string (value, self->connection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_bookings_view_class_init (HibachiBookingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HibachiPageClass *page_class = HIBACHI_PAGE_CLASS (klass);

  object_class->dispose = hibachi_bookings_view_dispose;
  object_class->get_property = hibachi_bookings_view_get_property;

  page_class->account_changed = hibachi_bookings_view_account_changed;
  page_class->station_changed = hibachi_bookings_view_station_changed;
  page_class->reload = hibachi_bookings_view_reload;
  page_class->prefetch = hibachi_bookings_view_prefetch;
  page_class->focus_search = hibachi_bookings_view_focus_search;
  page_class->dup_unsaved = hibachi_bookings_view_dup_unsaved;
  page_class->save_async = hibachi_bookings_view_save_async;
  page_class->discard = hibachi_bookings_view_discard;

  properties[PROP_CONNECTION] =
    g_param_spec_string ("connection", NULL, NULL, "online", G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HIBACHI_TYPE_BOOKING_DETAIL);
  g_type_ensure (HIBACHI_TYPE_STATUS_VIEW);
  g_type_ensure (HIBACHI_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-bookings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, pending_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, confirmed_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, completed_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, cancelled_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, chef_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, unassigned_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, status_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, confirm_selected_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, assign_selected_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "filters_changed_cb",
                                                G_CALLBACK (hibachi_bookings_view_filters_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "dates_changed_cb",
                                                G_CALLBACK (hibachi_bookings_view_dates_changed));
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "detail_shown_cb",
                                                G_CALLBACK (hibachi_bookings_view_detail_shown_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "width_changed_cb",
                                                G_CALLBACK (hibachi_bookings_view_width_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "list_width_changed_cb",
                                                G_CALLBACK (hibachi_bookings_view_list_width_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_cell_cb",
                                                G_CALLBACK (hibachi_bookings_view_setup_cell_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_cell_cb",
                                                G_CALLBACK (hibachi_bookings_view_bind_cell_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "unbind_cell_cb",
                                                G_CALLBACK (hibachi_bookings_view_unbind_cell_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_activated_cb",
                                                G_CALLBACK (hibachi_bookings_view_row_activated_cb));

  hibachi_bookings_view_install_actions (widget_class);
}

static void
hibachi_bookings_view_init (HibachiBookingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hibachi_accessible_set_label (GTK_WIDGET (self->sort_dropdown), _("Sort order"));
  hibachi_accessible_set_label (GTK_WIDGET (self->chef_dropdown), _("Chef"));
  hibachi_accessible_set_label (GTK_WIDGET (self->date_dropdown), _("Event dates"));
  hibachi_bookings_view_init_dates (self);
  hibachi_bookings_view_init_row_menu (self);
  hibachi_list_keys_tab_leaves (GTK_WIDGET (self->column_view));
  hibachi_bookings_view_watch_scrolling (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.back", FALSE);
  self->connection = "online";
  self->cancellable = g_cancellable_new ();
  self->pending_rows = g_hash_table_new (NULL, NULL);
  self->bound_rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->changed_by = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  hibachi_bookings_view_add_columns (self);
}

HibachiPagedList *
hibachi_bookings_view_get_list (HibachiBookingsView *self)
{
  return self->list;
}

void
hibachi_bookings_view_show_reference (HibachiBookingsView *self,
                                      const char          *reference)
{
  g_return_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self));

  /* Only that booking, whatever its date or status. */
  gtk_widget_activate_action (GTK_WIDGET (self), "bookings.clear-filters", NULL);
  gtk_drop_down_set_selected (self->date_dropdown, HIBACHI_DATES_ANY);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), reference);
  hibachi_bookings_view_filters_changed (self);
}
