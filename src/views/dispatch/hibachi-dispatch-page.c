/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dispatch board: loading a station's snapshot, laying out the cells
 * and cards, the queue, navigation and live updates. Moves are in
 * hibachi-dispatch-page-dnd.c; what was loaded, and the rules' snapshot of
 * it, in hibachi-dispatch-page-data.c. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-booking-undo.h"
#include "hibachi-date-format.h"
#include "hibachi-dispatch-page-private.h"

#define QUEUE_DAYS 14
#define RELOAD_DELAY_MS 250
/* The board of a page nobody looks at yet (the app opened on Bookings) is
 * only needed for its sidebar badge: its first load waits this long, so
 * that it does not hold up the first page's rows, or until it is shown. */
#define HIDDEN_LOAD_DELAY_MS 1500
#define HIGHLIGHT_SECONDS 3

G_DEFINE_FINAL_TYPE (HibachiDispatchPage, hibachi_dispatch_page, HIBACHI_TYPE_PAGE)

static void load (HibachiDispatchPage *self,
                  gboolean             quietly);
static gboolean hidden_load_cb (gpointer data);

/* Dates */

static void
date_to_text (const GDate *date,
              char         text[16])
{
  g_date_strftime (text, 16, "%Y-%m-%d", date);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

void
hibachi_dispatch_page_first_day (HibachiDispatchPage *self,
                 GDate               *out)
{
  *out = self->date;
  if (self->mode == HIBACHI_DISPATCH_WEEK)
    g_date_subtract_days (out, g_date_get_weekday (out) - G_DATE_MONDAY);
}

/* Loading */

static void
set_loading (HibachiDispatchPage *self,
             gboolean             loading)
{
  self->loading = loading;
}

static void
update_date_label (HibachiDispatchPage *self)
{
  g_autofree char *label = NULL;
  g_autofree char *date = hibachi_date_format_gdate (&self->date);
  g_autofree char *suggest = NULL;

  if (self->mode == HIBACHI_DISPATCH_WEEK)
    {
      GDate first;
      g_autofree char *day = NULL;

      hibachi_dispatch_page_first_day (self, &first);
      day = hibachi_date_format_gdate (&first);
      /* Translators: the week view's title, %s a date */
      label = g_strdup_printf (_("Week of %s"), day);
    }
  else
    label = g_strdup (date);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), label);
  hibachi_accessible_set_label (self->date_button, label);
  /* The week shows seven days; Suggest for the Day is for the one chosen. */
  /* Translators: the tooltip of "Suggest for the Day", %s a date */
  suggest = g_strdup_printf (_("Propose a chef for every booking waiting on %s"), date);
  gtk_widget_set_tooltip_text (self->suggest_button, suggest);
  hibachi_dispatch_page_show_calendar_day (self);
}

/* The station shown, named once: by the switcher when it shows, else by
 * the label. */
static void
show_station_name (HibachiDispatchPage *self)
{
  HibachiDirectory *directory = hibachi_page_get_directory (HIBACHI_PAGE (self));
  const char *name = directory != NULL && self->station_id != NULL
                     ? hibachi_directory_station_name (directory, self->station_id) : NULL;

  gtk_label_set_text (self->load_label, name != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->station_dropdown))
                                        ? name : "");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HibachiDispatchPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chefs = NULL;
  g_autoptr(GPtrArray) bookings = NULL;

  if (!hibachi_store_dispatch_finish (HIBACHI_STORE (source), result, &chefs, &bookings, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      hibachi_status_view_set_message (self->status_view, error->message);
      hibachi_status_view_set_status (self->status_view,
                                      g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK)
                                      ? HIBACHI_STATUS_OFFLINE : HIBACHI_STATUS_ERROR);
      return;
    }
  /* Sent before or while an assignment was in flight: the server may have
   * answered it before the assignment, so it is taken again after. */
  if ((self->writing > 0 || self->load_stale) && self->bookings != NULL)
    {
      hibachi_dispatch_page_schedule_reload (self);
      return;
    }

  g_clear_pointer (&self->chefs, g_ptr_array_unref);
  self->chefs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chefs->len; i++)
    if (hibachi_chef_get_is_active (g_ptr_array_index (chefs, i)))
      g_ptr_array_add (self->chefs, g_object_ref (g_ptr_array_index (chefs, i)));
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  self->bookings = g_steal_pointer (&bookings);
  hibachi_dispatch_page_forget_snapshot (self);

  set_loading (self, FALSE);
  show_station_name (self);
  if (self->chefs->len == 0)
    {
      g_object_set (self->status_view, "empty-description",
                    _("This station has no active chefs. Add chefs to assign bookings."), NULL);
      hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_EMPTY);
    }
  else
    hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_CONTENT);
  hibachi_dispatch_page_rebuild (self);
}

/* Loads the shown range and the queue's days; @quietly keeps the board on
 * screen meanwhile (live updates, after a move). */
static void
load (HibachiDispatchPage *self,
      gboolean             quietly)
{
  GDate first, last;
  char from[16], to[16];

  update_date_label (self);
  if (self->store == NULL || self->station_id == NULL)
    return;
  if (!self->loaded_once && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->hidden_load_id == 0)
        self->hidden_load_id = g_timeout_add (HIDDEN_LOAD_DELAY_MS, hidden_load_cb, self);
      return;
    }
  g_clear_handle_id (&self->hidden_load_id, g_source_remove);
  self->loaded_once = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* From the first day shown to two weeks after the date chosen: the day
   * and the week of a date wait on the same bookings, the week's earlier
   * days' as well. */
  hibachi_dispatch_page_first_day (self, &first);
  last = self->date;
  g_date_add_days (&last, QUEUE_DAYS);
  date_to_text (&first, from);
  date_to_text (&last, to);
  set_loading (self, TRUE);
  self->load_stale = self->writing > 0;
  if (!quietly)
    {
      /* Proposals are for the day they were made for. */
      hibachi_dispatch_page_clear_suggestions (self);
      hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_LOADING);
    }
  hibachi_store_dispatch_async (self->store, self->station_id, from, to, self->cancellable, loaded_cb,
                                g_object_ref (self));
}

static gboolean
hidden_load_cb (gpointer data)
{
  HibachiDispatchPage *self = data;

  self->hidden_load_id = 0;
  self->loaded_once = TRUE;
  load (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
reload_cb (gpointer data)
{
  HibachiDispatchPage *self = data;

  self->reload_id = 0;
  /* What the server says before an assignment in flight is answered would
   * put the card back where it was for a moment. */
  if (self->writing > 0)
    hibachi_dispatch_page_schedule_reload (self);
  else
    load (self, TRUE);
  return G_SOURCE_REMOVE;
}

void
hibachi_dispatch_page_schedule_reload (HibachiDispatchPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

void
hibachi_dispatch_page_begin_write (HibachiDispatchPage *self)
{
  self->writing++;
  /* Requests run side by side: a load sent before this write can be
   * answered after it was, with what the server had before it. */
  self->load_stale = TRUE;
}

void
hibachi_dispatch_page_end_write (HibachiDispatchPage *self)
{
  g_return_if_fail (self->writing > 0);

  self->writing--;
}

/* The highlight of others' moves fades; "Moved by" stays in the tooltip. */
static gboolean
unhighlight_cb (gpointer data)
{
  g_autoptr(HibachiDispatchPage) self = data;
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->fresh);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      HibachiDispatchCard *card = hibachi_dispatch_page_find_card (self, id);

      if (card != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (card), "dispatch-moved");
    }
  g_hash_table_remove_all (self->fresh);
  return G_SOURCE_REMOVE;
}

/* Another dispatcher's change: the board follows within the reload delay,
 * the card says who moved it. */
static void
feed_changed_cb (HibachiDispatchPage *self,
                 HibachiResourceKind  kind,
                 const char          *id,
                 const char          *actor,
                 const char          *action)
{
  if (kind != HIBACHI_RESOURCE_BOOKING && kind != HIBACHI_RESOURCE_CHEF)
    return;
  if (kind == HIBACHI_RESOURCE_BOOKING && actor != NULL && self->session != NULL &&
      g_strcmp0 (actor, hibachi_session_get_full_name (self->session)) != 0 &&
      g_strcmp0 (actor, hibachi_session_get_email (self->session)) != 0)
    {
      g_hash_table_replace (self->moved_by, g_strdup (id), g_strdup (actor));
      g_hash_table_add (self->fresh, g_strdup (id));
      g_timeout_add_seconds (HIGHLIGHT_SECONDS + 1, unhighlight_cb, g_object_ref (self));
    }
  hibachi_dispatch_page_schedule_reload (self);
}

/* Navigation */

static void
move_date (HibachiDispatchPage *self,
           int                  direction)
{
  guint days = self->mode == HIBACHI_DISPATCH_WEEK ? 7 : 1;

  if (direction > 0)
    g_date_add_days (&self->date, days);
  else
    g_date_subtract_days (&self->date, days);
  load (self, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  move_date (HIBACHI_DISPATCH_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  move_date (HIBACHI_DISPATCH_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);

  set_today (&self->date);
  load (self, FALSE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  load (HIBACHI_DISPATCH_PAGE (widget), FALSE);
}

static void
mode_toggled_cb (HibachiDispatchPage *self)
{
  hibachi_dispatch_page_set_mode (self, gtk_toggle_button_get_active (self->week_toggle)
                                        ? HIBACHI_DISPATCH_WEEK : HIBACHI_DISPATCH_DAY);
}

static void
queue_search_changed_cb (HibachiDispatchPage *self)
{
  GDate first;
  char from[16];

  if (self->bookings == NULL)
    return;
  hibachi_dispatch_page_first_day (self, &first);
  date_to_text (&first, from);
  hibachi_dispatch_page_rebuild_queue (self, from);
}

/* Stations */

static void
show_station (HibachiDispatchPage *self,
              const char          *station_id)
{
  HibachiDirectory *directory = hibachi_page_get_directory (HIBACHI_PAGE (self));
  HibachiStation *station = directory != NULL && station_id != NULL
                            ? hibachi_directory_get_station (directory, station_id) : NULL;

  if (g_strcmp0 (self->station_id, station_id) == 0 && self->bookings != NULL)
    return;
  g_free (self->station_id);
  self->station_id = g_strdup (station_id);
  self->station_location.lat = station != NULL ? hibachi_station_get_lat (station) : 0.0;
  self->station_location.lng = station != NULL ? hibachi_station_get_lng (station) : 0.0;
  g_hash_table_remove_all (self->moved_by);
  load (self, FALSE);
}

static void
station_selected_cb (HibachiDispatchPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->station_dropdown);

  if (self->station_ids != NULL && selected < self->station_ids->len)
    show_station (self, g_ptr_array_index (self->station_ids, selected));
}

/* The window's station, or with "All stations" the switcher's (the
 * first of the user's stations to begin with). */
static void
hibachi_dispatch_page_station_changed (HibachiPage *page)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (page);
  const char *station_id = hibachi_page_get_station_id (page);

  gtk_widget_set_visible (GTK_WIDGET (self->station_dropdown),
                          station_id == NULL && self->station_ids != NULL && self->station_ids->len > 1);
  if (station_id != NULL)
    show_station (self, station_id);
  else
    station_selected_cb (self);
  show_station_name (self);
}

/* The page */

static void
undone_cb (HibachiDispatchPage *self,
           HibachiUndoCommand  *command)
{
  hibachi_dispatch_page_undone (self, command);
}

static void
signed_out (HibachiDispatchPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->writes);
  g_clear_object (&self->writes);
  self->writes = g_cancellable_new ();
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->hidden_load_id, g_source_remove);
  self->loaded_once = FALSE;
  self->rebuild_pending = FALSE;
  if (self->feed != NULL)
    g_signal_handlers_disconnect_by_data (self->feed, self);
  g_clear_object (&self->feed);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->chefs, g_ptr_array_unref);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->station_ids, g_ptr_array_unref);
  g_clear_pointer (&self->station_id, g_free);
  g_clear_object (&self->moving);
  hibachi_dispatch_page_clear_suggestions (self);
  hibachi_dispatch_page_forget_snapshot (self);
  g_hash_table_remove_all (self->moved_by);
  g_hash_table_remove_all (self->fresh);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  hibachi_page_set_badge_count (HIBACHI_PAGE (self), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->queue_search), "");
}

static void
hibachi_dispatch_page_account_changed (HibachiPage *page)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (page);
  HibachiContext *context = hibachi_page_get_context (page);
  HibachiSession *session = hibachi_page_get_session (page);
  HibachiDirectory *directory = hibachi_page_get_directory (page);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *stations;

  signed_out (self);
  if (session == NULL || directory == NULL)
    return;
  if (!hibachi_session_can (session, HIBACHI_CAPABILITY_VIEW_DISPATCH))
    {
      g_object_set (self->status_view, "empty-description", _("Your role does not use the dispatch board."), NULL);
      hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_EMPTY);
      return;
    }

  g_set_object (&self->session, session);
  g_set_object (&self->store, hibachi_session_get_store (session));
  g_set_object (&self->undo_stack, hibachi_context_get_undo_stack (context));
  g_signal_connect_object (self->undo_stack, "undone", G_CALLBACK (undone_cb), self, G_CONNECT_SWAPPED);
  self->editable = hibachi_session_can (session, HIBACHI_CAPABILITY_ASSIGN_CHEFS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.unassign", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.assign-to", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.suggest", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.move-day", self->editable);
  gtk_widget_set_visible (self->read_only_label, !self->editable);

  /* The window's one feed: each long poll holds one of the few connections
   * a client has to the server. */
  if (hibachi_context_get_change_feed (context) != NULL)
    {
      g_set_object (&self->feed, hibachi_context_get_change_feed (context));
      g_signal_connect_object (self->feed, "changed", G_CALLBACK (feed_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->station_ids = g_ptr_array_new_with_free_func (g_free);
  stations = hibachi_directory_get_stations (directory);
  for (guint i = 0; i < stations->len; i++)
    {
      HibachiStation *station = g_ptr_array_index (stations, i);

      g_ptr_array_add (self->station_ids, g_strdup (hibachi_resource_get_id (HIBACHI_RESOURCE (station))));
      gtk_string_list_append (names, hibachi_station_get_name (station));
    }
  g_signal_handlers_block_by_func (self->station_dropdown, station_selected_cb, self);
  gtk_drop_down_set_model (self->station_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->station_dropdown, station_selected_cb, self);

  set_today (&self->date);
  hibachi_dispatch_page_station_changed (page);
}

static void
hibachi_dispatch_page_reload (HibachiPage *page)
{
  load (HIBACHI_DISPATCH_PAGE (page), FALSE);
}

static void
hibachi_dispatch_page_focus_search (HibachiPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (HIBACHI_DISPATCH_PAGE (page)->queue_search));
}

static gboolean
key_pressed_cb (HibachiDispatchPage *self,
                guint                keyval,
                guint                keycode,
                GdkModifierType      state)
{
  return hibachi_dispatch_page_key_pressed (self, keyval, state);
}

static void
hibachi_dispatch_page_dispose (GObject *object)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (object);

  signed_out (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->writes);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_DISPATCH_PAGE);

  G_OBJECT_CLASS (hibachi_dispatch_page_parent_class)->dispose (object);
}

/* Shown before its deferred first load: load now. Loaded while hidden:
 * build the board now. */
static void
hibachi_dispatch_page_map (GtkWidget *widget)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);

  GTK_WIDGET_CLASS (hibachi_dispatch_page_parent_class)->map (widget);
  if (self->hidden_load_id != 0)
    load (self, FALSE);
  else if (self->rebuild_pending && self->chefs != NULL && self->bookings != NULL)
    hibachi_dispatch_page_rebuild (self);
}

static void
hibachi_dispatch_page_finalize (GObject *object)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (object);

  g_ptr_array_unref (self->snapshot_chefs);
  g_ptr_array_unref (self->snapshot_bookings);
  g_hash_table_unref (self->moved_by);
  g_hash_table_unref (self->fresh);

  G_OBJECT_CLASS (hibachi_dispatch_page_parent_class)->finalize (object);
}

static void
hibachi_dispatch_page_class_init (HibachiDispatchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HibachiPageClass *page_class = HIBACHI_PAGE_CLASS (klass);

  object_class->dispose = hibachi_dispatch_page_dispose;
  object_class->finalize = hibachi_dispatch_page_finalize;
  widget_class->map = hibachi_dispatch_page_map;
  page_class->account_changed = hibachi_dispatch_page_account_changed;
  page_class->station_changed = hibachi_dispatch_page_station_changed;
  page_class->reload = hibachi_dispatch_page_reload;
  page_class->focus_search = hibachi_dispatch_page_focus_search;

  g_type_ensure (HIBACHI_TYPE_STATUS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-dispatch-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, day_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, load_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, board_and_queue);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, status_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, board_overlay);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, board);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, queue_title);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, queue_search);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, queue);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, suggest_bar);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiDispatchPage, suggest_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, station_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "dispatch.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "dispatch.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "dispatch.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "dispatch.reload", NULL, reload_action);
  hibachi_dispatch_page_install_actions (widget_class);
  hibachi_dispatch_page_install_suggest_actions (widget_class);
  hibachi_dispatch_page_install_move_day_action (widget_class);
}

static void
hibachi_dispatch_page_init (HibachiDispatchPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Chefs do not dispatch; customer support looks without moving. */
  hibachi_page_set_required_capability (HIBACHI_PAGE (self), HIBACHI_CAPABILITY_VIEW_DISPATCH);
  hibachi_accessible_set_label (GTK_WIDGET (self->station_dropdown), _("Station shown"));
  self->snapshot_chefs = g_ptr_array_new ();
  self->snapshot_bookings = g_ptr_array_new ();
  self->moved_by = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->writes = g_cancellable_new ();
  set_today (&self->date);
  update_date_label (self);
  hibachi_dispatch_page_setup_date_menu (self);

  /* Capture: arrows, Space and Enter mean moves on the board and in the
   * queue, before the grid's own focus movement. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->board_and_queue, keys);
  hibachi_dispatch_page_setup_target (self, GTK_WIDGET (self->queue));
}

/* Public */

void
hibachi_dispatch_page_set_date (HibachiDispatchPage *self,
                                const char          *date)
{
  g_return_if_fail (HIBACHI_IS_DISPATCH_PAGE (self));

  if (!hibachi_validate_date (date, &self->date, NULL))
    set_today (&self->date);
  load (self, FALSE);
}

const char *
hibachi_dispatch_page_get_date (HibachiDispatchPage *self)
{
  g_return_val_if_fail (HIBACHI_IS_DISPATCH_PAGE (self), NULL);

  date_to_text (&self->date, self->date_text);
  return self->date_text;
}

void
hibachi_dispatch_page_set_mode (HibachiDispatchPage *self,
                                HibachiDispatchMode  mode)
{
  g_return_if_fail (HIBACHI_IS_DISPATCH_PAGE (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  gtk_toggle_button_set_active (mode == HIBACHI_DISPATCH_WEEK ? self->week_toggle : self->day_toggle, TRUE);
  load (self, FALSE);
}

const char *
hibachi_dispatch_page_get_station (HibachiDispatchPage *self)
{
  g_return_val_if_fail (HIBACHI_IS_DISPATCH_PAGE (self), NULL);

  return self->station_id;
}

gboolean
hibachi_dispatch_page_get_loading (HibachiDispatchPage *self)
{
  g_return_val_if_fail (HIBACHI_IS_DISPATCH_PAGE (self), FALSE);

  return self->loading;
}
