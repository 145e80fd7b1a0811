/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-csv.h"
#include "hibachi-booking-fetch.h"
#include "hibachi-booking-detail.h"
#include "hibachi-booking-undo.h"
#include "hibachi-bookings-view.h"
#include "hibachi-core.h"
#include "hibachi-new-booking-dialog.h"
#include "hibachi-run-sheet.h"
#include "hibachi-status-view.h"
#include "hibachi-unsaved-dialog.h"

struct _HibachiBookingsView
{
  HibachiPage         parent_instance;

  HibachiSession     *session;
  HibachiDirectory   *directory;
  GSettings          *settings;
  HibachiBookingList *list;
  GtkMultiSelection  *selection;
  HibachiUndoStack   *undo_stack;
  guint               retry_id;
  guint               reconcile_id;
  gboolean            asking;          /* the unsaved-changes question is open */
  gboolean            reselecting;     /* putting the selection back, not the user */
  const char         *connection;
  GCancellable       *cancellable;

  GtkSearchEntry     *search_entry;
  GtkToggleButton    *pending_toggle;
  GtkToggleButton    *confirmed_toggle;
  GtkToggleButton    *completed_toggle;
  GtkToggleButton    *cancelled_toggle;
  GtkDropDown        *date_dropdown;
  GtkDropDown        *chef_dropdown;
  GPtrArray          *chef_choices;     /* chef id per chef_dropdown entry, NULL = any */
  GtkToggleButton    *unassigned_toggle;
  GtkDropDown        *sort_dropdown;
  HibachiStatusView  *status_view;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  HibachiBookingDetail *detail;
  GtkLabel           *count_label;
  GtkWidget          *confirm_selected_button;
};

G_DEFINE_FINAL_TYPE (HibachiBookingsView, hibachi_bookings_view, HIBACHI_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_DATE,
  COLUMN_SLOT,
  COLUMN_CUSTOMER,
  COLUMN_GUESTS,
  COLUMN_STATION,
  COLUMN_CHEF,
  COLUMN_STATUS,
  COLUMN_TOTAL,
  COLUMN_CREATED,
} Column;

static const struct { Column column; const char *title; gboolean expand; int width; } columns[] = {
  { COLUMN_REFERENCE, N_("Reference"), FALSE, 110 },
  { COLUMN_DATE, N_("Event Date"), FALSE, 130 },
  { COLUMN_SLOT, N_("Slot"), FALSE, 60 },
  { COLUMN_CUSTOMER, N_("Customer"), TRUE, 160 },
  { COLUMN_GUESTS, N_("Guests"), FALSE, 60 },
  { COLUMN_STATION, N_("Station"), FALSE, 100 },
  { COLUMN_CHEF, N_("Chef"), FALSE, 120 },
  { COLUMN_STATUS, N_("Status"), FALSE, 90 },
  { COLUMN_TOTAL, N_("Total"), FALSE, 90 },
  { COLUMN_CREATED, N_("Created"), FALSE, 100 },
};

static const char * const sort_keys[] = {
  "event_date", "-event_date", "-created_at", "customer_name", "-guests", "-total",
};

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

static void
toast (HibachiBookingsView *self,
       const char          *message)
{
  hibachi_page_toast (GTK_WIDGET (self), message);
}

static const char *
station_id (HibachiBookingsView *self)
{
  return hibachi_page_get_station_id (HIBACHI_PAGE (self));
}

/* Cells */

static char *
cell_text (HibachiBookingsView *self,
           HibachiBooking      *b,
           Column               column)
{
  switch (column)
    {
    case COLUMN_REFERENCE:
      return g_strdup (hibachi_booking_get_reference (b));
    case COLUMN_DATE:
      {
        GDate date;
        char text[64];

        g_date_clear (&date, 1);
        if (!hibachi_validate_date (hibachi_booking_get_event_date (b), &date, NULL) ||
            g_date_strftime (text, sizeof text, "%a %d %b %Y", &date) == 0)
          return g_strdup (hibachi_booking_get_event_date (b));
        return g_strdup (text);
      }
    case COLUMN_SLOT:
      return g_strdup (hibachi_booking_get_slot (b));
    case COLUMN_CUSTOMER:
      return g_strdup (hibachi_booking_get_customer_name (b));
    case COLUMN_GUESTS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_guests (b));
    case COLUMN_STATION:
      return g_strdup (hibachi_directory_station_name (self->directory, hibachi_booking_get_station_id (b)));
    case COLUMN_CHEF:
      {
        const char *chef = hibachi_booking_get_chef_id (b);

        if (chef == NULL)
          return g_strdup (_("Unassigned"));
        return g_strdup (hibachi_directory_chef_name (self->directory, chef) ?: chef);
      }
    case COLUMN_STATUS:
      return g_strdup (hibachi_booking_status_label (hibachi_booking_get_status (b)));
    case COLUMN_TOTAL:
      return hibachi_format_cents (hibachi_booking_get_total_cents (b));
    case COLUMN_CREATED:
      return g_strndup (hibachi_booking_get_created_at (b), 10);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
fill_cell (HibachiBookingsView *self,
           GtkListItem         *item,
           Column               column)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (booking == NULL || inscription == NULL)
    return;

  if (!hibachi_booking_is_loaded (booking))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), "…");
      gtk_widget_add_css_class (inscription, "dim-label");
      gtk_widget_remove_css_class (inscription, "warning");
      return;
    }

  text = cell_text (self, booking, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_remove_css_class (inscription, "dim-label");
  if (column == COLUMN_CHEF && hibachi_booking_get_chef_id (booking) == NULL)
    gtk_widget_add_css_class (inscription, "warning");
  else
    gtk_widget_remove_css_class (inscription, "warning");
}

static void
row_changed_cb (HibachiBooking *booking,
                GtkListItem    *item)
{
  HibachiBookingsView *self = g_object_get_data (G_OBJECT (item), "hibachi-view");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "hibachi-column"));

  /* The row's data arrived or changed: update the cell, no rebuild. A row
   * emptied while shown (a new query, a dropped page) asks for its page. */
  if (column == COLUMN_REFERENCE && !hibachi_booking_is_loaded (booking))
    hibachi_booking_list_ensure (self->list, gtk_list_item_get_position (item));
  fill_cell (self, item, column);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  gulong handler;

  g_object_set_data (G_OBJECT (item), "hibachi-view", self);
  g_object_set_data (G_OBJECT (item), "hibachi-column", GINT_TO_POINTER (column));
  handler = g_signal_connect (booking, "changed", G_CALLBACK (row_changed_cb), item);
  g_object_set_data (G_OBJECT (item), "hibachi-handler", GSIZE_TO_POINTER (handler));

  /* Shown, so its page is in use, or worth a request (once per page). */
  if (column == COLUMN_REFERENCE)
    hibachi_booking_list_ensure (self->list, gtk_list_item_get_position (item));
  fill_cell (self, item, column);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "hibachi-handler"));

  if (booking != NULL && handler != 0)
    g_signal_handler_disconnect (booking, handler);
  g_object_set_data (G_OBJECT (item), "hibachi-handler", NULL);
}

static void
add_columns (HibachiBookingsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* Query */

static void
append_param (GString    *query,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (query, "%s%s=%s", query->len ? "&" : "", name, escaped);
}

char *
hibachi_bookings_view_build_query (HibachiBookingsView *self)
{
  GString *query = g_string_new (NULL);
  g_autoptr(GString) statuses = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle, self->cancelled_toggle };
  const char *status_names[] = { "pending", "confirmed", "completed", "cancelled" };
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  if (*search != '\0')
    append_param (query, "q", search);

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    if (gtk_toggle_button_get_active (toggles[i]))
      g_string_append_printf (statuses, "%s%s", statuses->len ? "," : "", status_names[i]);
  if (statuses->len > 0)
    append_param (query, "status", statuses->str);

  switch (gtk_drop_down_get_selected (self->date_dropdown))
    {
    case 1:   /* today */
      from = g_date_time_format (now, "%Y-%m-%d");
      to = g_strdup (from);
      break;
    case 2:   /* next 7 days */
      {
        g_autoptr(GDateTime) later = g_date_time_add_days (now, 6);

        from = g_date_time_format (now, "%Y-%m-%d");
        to = g_date_time_format (later, "%Y-%m-%d");
      }
      break;
    case 3:   /* this month */
      {
        g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
        g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
        g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);

        from = g_date_time_format (first, "%Y-%m-%d");
        to = g_date_time_format (last, "%Y-%m-%d");
      }
      break;
    case 4:   /* upcoming */
      from = g_date_time_format (now, "%Y-%m-%d");
      break;
    case 5:   /* past */
      {
        g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
        to = g_date_time_format (yesterday, "%Y-%m-%d");
      }
      break;
    default:
      break;
    }
  if (from != NULL)
    append_param (query, "date_from", from);
  if (to != NULL)
    append_param (query, "date_to", to);

  if (station_id (self) != NULL)
    append_param (query, "station_id", station_id (self));
  if (gtk_toggle_button_get_active (self->unassigned_toggle))
    append_param (query, "unassigned", "true");
  else
    {
      guint chef = gtk_drop_down_get_selected (self->chef_dropdown);

      /* "Unassigned" and one chef exclude each other: unassigned wins. */
      if (self->chef_choices != NULL && chef < self->chef_choices->len && g_ptr_array_index (self->chef_choices, chef) != NULL)
        append_param (query, "chef_id", g_ptr_array_index (self->chef_choices, chef));
    }
  append_param (query, "sort", sort < G_N_ELEMENTS (sort_keys) ? sort_keys[sort] : sort_keys[0]);

  return g_string_free (query, FALSE);
}

static void
filters_changed_cb (HibachiBookingsView *self)
{
  g_autofree char *query = NULL;

  if (self->list == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* The search entry already waits for a pause in typing; the model drops
   * answers to queries it no longer shows. */
  query = hibachi_bookings_view_build_query (self);
  if (g_strcmp0 (query, hibachi_booking_list_get_query (self->list)) == 0)
    return;
  /* Rows keep their objects across queries: a selection would now point at
   * other bookings. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  /* New results start at the top. */
  {
    GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

    if (GTK_IS_SCROLLED_WINDOW (scrolled))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  }
  hibachi_booking_list_set_query (self->list, query);
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

  gtk_widget_set_visible (self->confirm_selected_button, n_selected > 1 && g_strcmp0 (hibachi_session_get_role (self->session), "chef") != 0);
}

static gboolean
retry_cb (gpointer data)
{
  HibachiBookingsView *self = data;

  hibachi_booking_list_reload (self->list);
  return G_SOURCE_CONTINUE;
}

static void show_selected (HibachiBookingsView *self);
static int position_of (HibachiBookingsView *self, const char *id);

/* After a reload the rows hold other bookings at the same positions: the
 * selection follows the booking the pane shows, by id, or the pane clears.
 * Never a selection of one booking beside the pane of another. */
static gboolean
reconcile_selection_cb (gpointer data)
{
  HibachiBookingsView *self = data;
  HibachiBooking *shown = hibachi_booking_detail_get_booking (self->detail);
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
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), (guint) position, TRUE);
    }
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->reselecting = FALSE;

  /* Gone from the list: the pane goes too, unless it holds unsaved work. */
  if (position < 0 && !hibachi_booking_detail_has_changes (self->detail))
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      hibachi_booking_detail_set_booking (self->detail, NULL);
    }
  else if (position >= 0 && !hibachi_booking_detail_has_changes (self->detail))
    show_selected (self);
  update_count (self);

  return G_SOURCE_REMOVE;
}

static void
update_state (HibachiBookingsView *self)
{
  const GError *error = hibachi_booking_list_get_error (self->list);
  gboolean loading = hibachi_booking_list_get_loading (self->list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean offline = error != NULL && (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK) ||
                                       g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_SERVER));

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

/* The position of the loaded row of booking @id, or -1. */
static int
position_of (HibachiBookingsView *self,
             const char          *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  for (guint i = 0; i < n && id != NULL; i++)
    {
      g_autoptr(HibachiBooking) row = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (hibachi_booking_is_loaded (row) && g_strcmp0 (hibachi_booking_get_id (row), id) == 0)
        return (int) i;
    }

  return -1;
}

/* The selection goes back to the booking the pane shows. */
static void
select_shown (HibachiBookingsView *self)
{
  HibachiBooking *shown = hibachi_booking_detail_get_booking (self->detail);
  int position = shown != NULL ? position_of (self, hibachi_booking_get_id (shown)) : -1;

  self->reselecting = TRUE;
  if (position >= 0)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), (guint) position, TRUE);
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
  HibachiBooking *shown = hibachi_booking_detail_get_booking (self->detail);

  if (gtk_bitset_get_size (selected) == 1)
    booking = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));

  /* Another booking (or none) while the pane holds unsaved changes: ask. */
  if (shown != NULL && hibachi_booking_detail_has_changes (self->detail) &&
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

      if (hibachi_booking_detail_get_booking (self->detail) == NULL ||
          g_strcmp0 (hibachi_booking_get_id (hibachi_booking_detail_get_booking (self->detail)),
                     hibachi_booking_get_id (booking)) != 0 ||
          hibachi_booking_get_version (hibachi_booking_detail_get_booking (self->detail)) != hibachi_booking_get_version (booking))
        hibachi_booking_detail_set_booking (self->detail, copy);
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");
    }
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "none");

  update_count (self);
}

static void
selection_changed_cb (HibachiBookingsView *self)
{
  if (!self->reselecting)
    show_selected (self);
}

static void
items_changed_cb (HibachiBookingsView *self,
                  guint                position,
                  guint                removed,
                  guint                added)
{
  HibachiBooking *shown = hibachi_booking_detail_get_booking (self->detail);

  update_state (self);
  if (shown == NULL || !hibachi_booking_is_loaded (shown))
    show_selected (self);
}

static void
booking_changed_cb (HibachiBookingsView *self,
                    HibachiBooking      *booking)
{
  hibachi_booking_list_replace (self->list, booking);
}

/* An undo put a booking's old values back: the list and the pane show them. */
static void
undone_cb (HibachiBookingsView *self,
           HibachiUndoCommand  *command)
{
  HibachiBooking *booking;
  HibachiBooking *shown = hibachi_booking_detail_get_booking (self->detail);

  if (!HIBACHI_IS_BOOKING_UNDO (command) || self->list == NULL)
    return;

  booking = hibachi_booking_undo_get_result (HIBACHI_BOOKING_UNDO (command));
  hibachi_booking_list_replace (self->list, booking);
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
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  hibachi_booking_list_reload (self->list);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_reload (HIBACHI_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle,
                                 self->cancelled_toggle, self->unassigned_toggle };

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (toggles[i], FALSE);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  gtk_drop_down_set_selected (self->chef_dropdown, 0);
  filters_changed_cb (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_focus_search (HIBACHI_PAGE (widget));
}

/* The bookings a selection stands for, with their data: from memory when
 * every selected row is loaded; otherwise (Ctrl+A over 100k rows, a
 * shift-click across pages never shown) the filter's rows from the server,
 * those at the selected positions. A selection smaller than @min_selection
 * stands for the whole filter. Finishes with a GPtrArray of HibachiBooking. */

static void
selected_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkBitset *positions = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) bookings = hibachi_booking_fetch_all_finish (HIBACHI_CLIENT (source), result, &error);
  GPtrArray *kept;

  if (bookings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (positions == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&bookings), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bookings->len; i++)
    if (gtk_bitset_contains (positions, i))
      g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (bookings, i)));
  g_task_return_pointer (task, kept, (GDestroyNotify) g_ptr_array_unref);
}

static void
selected_bookings_async (HibachiBookingsView *self,
                         guint                min_selection,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, self->cancellable, callback, user_data);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *query = NULL;

  if (n_selected > 0 && n_selected >= min_selection)
    {
      g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean all_loaded = TRUE;
      GtkBitsetIter iter;
      guint position;

      for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more && all_loaded;
           more = gtk_bitset_iter_next (&iter, &position))
        {
          HibachiBooking *booking = g_list_model_get_item (G_LIST_MODEL (self->list), position);

          all_loaded = hibachi_booking_is_loaded (booking);
          g_ptr_array_add (bookings, booking);
        }
      if (all_loaded)
        {
          g_task_return_pointer (task, g_steal_pointer (&bookings), (GDestroyNotify) g_ptr_array_unref);
          g_object_unref (task);
          return;
        }
      if (n_selected < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
        g_task_set_task_data (task, gtk_bitset_ref (selected), (GDestroyNotify) gtk_bitset_unref);
    }

  /* Thousands of rows can take seconds. */
  toast (self, _("Getting the bookings from the server…"));
  query = hibachi_bookings_view_build_query (self);
  hibachi_booking_fetch_all_async (hibachi_session_get_client (self->session), query, self->cancellable,
                                   selected_fetched_cb, task);
}

static GPtrArray *
selected_bookings_finish (HibachiBookingsView  *self,
                          GAsyncResult         *result,
                          GError              **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  HibachiBookingsView *self;
  guint                pending;
  guint                confirmed;
  guint                failed;
} ConfirmBatch;

static void
confirm_one_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ConfirmBatch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  if (reply != NULL)
    batch->confirmed++;
  else
    batch->failed++;

  if (--batch->pending > 0)
    return;

  if (batch->failed == 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking confirmed",
                                                               "%u bookings confirmed", batch->confirmed), batch->confirmed);
      toast (batch->self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("%u confirmed, %u could not be confirmed"), batch->confirmed, batch->failed);
      toast (batch->self, message);
    }

  hibachi_booking_list_reload (batch->self->list);
  g_object_unref (batch->self);
  g_free (batch);
}

static void
confirm_selection_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = selected_bookings_finish (self, result, &error);
  ConfirmBatch *batch;

  if (bookings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  batch = g_new0 (ConfirmBatch, 1);
  batch->self = g_object_ref (self);
  for (guint i = 0; i < bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, i);
      g_autofree char *path = NULL;
      g_autofree char *version = NULL;
      HibachiRequestOptions options = { 0 };

      if (g_strcmp0 (hibachi_booking_get_status (booking), "pending") != 0)
        continue;
      path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (booking), "/confirm", NULL);
      version = g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_version (booking));
      options.if_match = version;
      batch->pending++;
      hibachi_client_request_async (hibachi_session_get_client (self->session), "POST", path, NULL, &options,
                                    self->cancellable, confirm_one_cb, batch);
    }

  if (batch->pending == 0)
    {
      toast (self, _("None of the selected bookings is pending."));
      g_object_unref (batch->self);
      g_free (batch);
    }
}

static void
confirm_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (selected) || self->session == NULL)
    return;
  selected_bookings_async (self, 1, confirm_selection_cb, NULL);
}

static void
created_cb (HibachiBookingsView *self,
            const char          *reference)
{
  g_autofree char *message = g_strdup_printf (_("Booking %s created"), reference);

  toast (self, message);
  hibachi_booking_list_reload (self->list);
}

static void
new_booking_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  HibachiNewBookingDialog *dialog;

  if (self->session == NULL || g_strcmp0 (hibachi_session_get_role (self->session), "chef") == 0)
    return;

  dialog = hibachi_new_booking_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->directory,
                                           station_id (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CSV export: the selection, or every booking of the current filter. */

typedef struct
{
  HibachiBookingsView *self;
  GFile               *file;
  GString             *csv;
  guint                written;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_string_free (export->csv, TRUE);
  g_free (export);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    toast (export->self, error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u booking",
                                                               "Exported %u bookings", export->written), export->written);
      toast (export->self, message);
    }
  export_free (export);
}

static void
export_write (Export    *export,
              GPtrArray *bookings)
{
  for (guint i = 0; i < bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, i);

      if (hibachi_booking_is_loaded (booking))
        {
          hibachi_booking_csv_append (export->csv, booking, export->self->directory);
          export->written++;
        }
    }
  g_file_replace_contents_async (export->file, export->csv->str, export->csv->len, NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, export_written_cb, export);
}

static void
export_fetched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = selected_bookings_finish (HIBACHI_BOOKINGS_VIEW (source), result, &error);

  if (bookings == NULL)
    {
      toast (export->self, error->message);
      export_free (export);
      return;
    }
  export_write (export, bookings);
}

/**
 * hibachi_bookings_view_export_csv:
 * @file: where to write
 *
 * Saves the selected bookings (two or more), or every booking of the
 * current filter, as CSV; a toast says how many or why not.
 */
void
hibachi_bookings_view_export_csv (HibachiBookingsView *self,
                                  GFile               *file)
{
  Export *export;

  g_return_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL)
    return;

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  export->csv = g_string_new (NULL);
  hibachi_booking_csv_append_header (export->csv);

  /* Two or more selected: those; otherwise the whole filter. */
  selected_bookings_async (self, 2, export_fetched_cb, export);
}

static void
export_file_cb (GtkNativeDialog     *dialog,
                int                  response,
                HibachiBookingsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      hibachi_bookings_view_export_csv (self, file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Run sheet: one day's pending and confirmed bookings of the station, in
 * slot order, printed (or saved as PDF from the print dialog). */

typedef struct
{
  HibachiBookingsView *self;
  char                *date;
  char                *pdf_path;
} RunSheetPrint;

static void
run_sheet_print_free (RunSheetPrint *print)
{
  g_object_unref (print->self);
  g_free (print->date);
  g_free (print->pdf_path);
  g_free (print);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HibachiBookingsView     *self)
{
  g_autoptr(GError) error = NULL;

  /* GTK 4.8 asks GLib to copy a NULL error otherwise. */
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    toast (self, error->message);
}

static void
run_sheet_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  RunSheetPrint *print = user_data;
  HibachiBookingsView *self = print->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = hibachi_booking_fetch_all_finish (HIBACHI_CLIENT (source), result, &error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult outcome;
  HibachiRunSheet *sheet;

  if (bookings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      run_sheet_print_free (print);
      return;
    }
  if (bookings->len == 0)
    {
      toast (self, _("No pending or confirmed bookings that day: nothing to print"));
      run_sheet_print_free (print);
      return;
    }

  sheet = hibachi_run_sheet_new (print->date,
                                 station_id (self) ? hibachi_directory_station_name (self->directory, station_id (self)) : NULL,
                                 bookings, self->directory);
  operation = hibachi_run_sheet_new_print_operation (sheet);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (print->pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, print->pdf_path);
  else
    gtk_print_operation_set_allow_async (operation, TRUE);

  outcome = gtk_print_operation_run (operation,
                                     print->pdf_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                     GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    toast (self, error->message);
  else if (outcome == GTK_PRINT_OPERATION_RESULT_APPLY && print->pdf_path != NULL)
    toast (self, _("Run sheet saved"));
  run_sheet_print_free (print);
}

/**
 * hibachi_bookings_view_print_run_sheet:
 * @date: the day, YYYY-MM-DD
 * @pdf_path: (nullable): save as this PDF instead of showing the print dialog
 *
 * Fetches the day's pending and confirmed bookings of the view's station and
 * prints them as a run sheet.
 */
void
hibachi_bookings_view_print_run_sheet (HibachiBookingsView *self,
                                       const char          *date,
                                       const char          *pdf_path)
{
  g_autoptr(GString) query = g_string_new (NULL);
  RunSheetPrint *print;

  g_return_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self));
  g_return_if_fail (hibachi_validate_date (date, NULL, NULL));

  if (self->session == NULL)
    return;

  g_string_append_printf (query, "date_from=%s&date_to=%s&status=pending,confirmed&sort=event_date", date, date);
  if (station_id (self) != NULL)
    append_param (query, "station_id", station_id (self));

  print = g_new0 (RunSheetPrint, 1);
  print->self = g_object_ref (self);
  print->date = g_strdup (date);
  print->pdf_path = g_strdup (pdf_path);
  hibachi_booking_fetch_all_async (hibachi_session_get_client (self->session), query->str, self->cancellable,
                                   run_sheet_fetched_cb, print);
}

static void
run_sheet_day_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  HibachiBookingsView *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "print") != 0)
    return;

  day = gtk_calendar_get_date (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)));
  date = g_date_time_format (day, "%Y-%m-%d");
  hibachi_bookings_view_print_run_sheet (self, date, NULL);
}

static void
print_run_sheet_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GDateTime) day = g_date_time_new_now_local ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *dialog;

  /* The day of the booking in hand, if one is selected. */
  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr(HibachiBooking) booking = g_list_model_get_item (G_LIST_MODEL (self->list), gtk_bitset_get_minimum (selected));
      GDate date;

      g_date_clear (&date, 1);
      if (hibachi_booking_is_loaded (booking) && hibachi_validate_date (hibachi_booking_get_event_date (booking), &date, NULL))
        {
          g_date_time_unref (day);
          day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
        }
    }
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Print Run Sheet"),
                                   _("The day’s pending and confirmed bookings of the current station, in slot order, "
                                     "with what each chef needs at the door."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "print", _("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (run_sheet_day_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Bookings"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("bookings.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The page: account, station, reload, search */

static void
unassigned_count_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HibachiBookingsView) self = user_data;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, NULL);

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    return;

  hibachi_page_set_badge_count (HIBACHI_PAGE (self),
                                (guint) MAX (0, json_object_get_int_member_with_default (json_node_get_object (reply),
                                                                                         "total_count", 0)));
}

/* The sidebar's badge: upcoming bookings that still need a chef. */
static void
refresh_badge (HibachiBookingsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings?unassigned=true&status=pending,confirmed&date_from=%s&limit=1", today);

  if (g_strcmp0 (hibachi_session_get_role (self->session), "chef") == 0)
    return;

  hibachi_client_request_async (hibachi_session_get_client (self->session), "GET", path, NULL, NULL,
                                self->cancellable, unassigned_count_cb, g_object_ref (self));
}

static void
signed_out (HibachiBookingsView *self)
{
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle,
                                 self->cancelled_toggle, self->unassigned_toggle };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->reconcile_id, g_source_remove);

  /* The next user starts from the defaults, not from this user's search. */
  g_clear_object (&self->list);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (toggles[i], FALSE);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  gtk_drop_down_set_selected (self->chef_dropdown, 0);
  gtk_drop_down_set_selected (self->sort_dropdown, 0);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  hibachi_booking_detail_set_booking (self->detail, NULL);
  hibachi_page_set_badge_count (HIBACHI_PAGE (self), 0);
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

  signed_out (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.new", g_strcmp0 (hibachi_session_get_role (session), "chef") != 0);

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
        JsonObject *chef = g_ptr_array_index (chefs, i);

        gtk_string_list_append (names, json_object_get_string_member (chef, "name"));
        g_ptr_array_add (self->chef_choices, g_strdup (json_object_get_string_member (chef, "id")));
      }
    gtk_drop_down_set_model (self->chef_dropdown, G_LIST_MODEL (names));
    gtk_widget_set_visible (GTK_WIDGET (self->chef_dropdown), chefs->len > 0);
  }

  self->list = hibachi_booking_list_new (hibachi_session_get_client (session));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::error-message", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  query = hibachi_bookings_view_build_query (self);
  hibachi_booking_list_set_query (self->list, query);
  update_state (self);
  refresh_badge (self);
}

static void
hibachi_bookings_view_station_changed (HibachiPage *page)
{
  filters_changed_cb (HIBACHI_BOOKINGS_VIEW (page));
}

static void
hibachi_bookings_view_reload (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);

  if (self->list != NULL)
    hibachi_booking_list_reload (self->list);
}

static void
hibachi_bookings_view_focus_search (HibachiPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (HIBACHI_BOOKINGS_VIEW (page)->search_entry));
}

static char *
hibachi_bookings_view_dup_unsaved (HibachiPage *page)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);

  if (!hibachi_booking_detail_has_changes (self->detail))
    return NULL;
  /* Translators: a booking reference */
  return g_strdup_printf (_("Booking %s"), hibachi_booking_get_reference (hibachi_booking_detail_get_booking (self->detail)));
}

static void
page_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (hibachi_booking_detail_save_finish (HIBACHI_BOOKING_DETAIL (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
hibachi_bookings_view_save_async (HibachiPage         *page,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (page);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  hibachi_booking_detail_save_async (self->detail, cancellable, page_saved_cb, task);
}

static void
hibachi_bookings_view_discard (HibachiPage *page)
{
  hibachi_booking_detail_discard (HIBACHI_BOOKINGS_VIEW (page)->detail);
}

/* Life cycle */

static void
hibachi_bookings_view_dispose (GObject *object)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->reconcile_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_BOOKINGS_VIEW);
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->chef_choices, g_ptr_array_unref);

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
  page_class->focus_search = hibachi_bookings_view_focus_search;
  page_class->dup_unsaved = hibachi_bookings_view_dup_unsaved;
  page_class->save_async = hibachi_bookings_view_save_async;
  page_class->discard = hibachi_bookings_view_discard;

  properties[PROP_CONNECTION] =
    g_param_spec_string ("connection", NULL, NULL, "online", G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HIBACHI_TYPE_BOOKING_DETAIL);
  g_type_ensure (HIBACHI_TYPE_STATUS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-bookings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, pending_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, confirmed_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, completed_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, cancelled_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, chef_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, unassigned_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, status_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, detail);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingsView, confirm_selected_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, booking_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, booking_removed_cb);

  gtk_widget_class_install_action (widget_class, "bookings.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "bookings.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "bookings.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "bookings.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "bookings.print-run-sheet", NULL, print_run_sheet_action);
  gtk_widget_class_install_action (widget_class, "bookings.new", NULL, new_booking_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "bookings.new", NULL);
  gtk_widget_class_install_action (widget_class, "bookings.confirm-selected", NULL, confirm_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "bookings.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "bookings.print-run-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "bookings.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "bookings.reload", NULL);
}

static void
hibachi_bookings_view_init (HibachiBookingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->connection = "online";
  self->cancellable = g_cancellable_new ();
  add_columns (self);

}

HibachiBookingList *
hibachi_bookings_view_get_list (HibachiBookingsView *self)
{
  return self->list;
}
