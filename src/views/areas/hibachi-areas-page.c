/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-areas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-api-error.h"
#include "hibachi-areas-page-private.h"
#include "hibachi-form.h"
#include "hibachi-station-undo.h"
#include "hibachi-status-view.h"
#include "hibachi-unsaved-dialog.h"

G_DEFINE_FINAL_TYPE (HibachiAreasPage, hibachi_areas_page, HIBACHI_TYPE_PAGE)

static void load_bookings (HibachiAreasPage *self);

gboolean
hibachi_areas_page_can_edit_station (HibachiAreasPage *self,
                  HibachiStation   *station)
{
  const char * const *own;

  if (self->session == NULL || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_STATIONS))
    return FALSE;
  if (station == NULL)
    return hibachi_session_can (self->session, HIBACHI_CAPABILITY_CREATE_STATIONS);
  if (hibachi_session_can (self->session, HIBACHI_CAPABILITY_ALL_STATIONS))
    return TRUE;
  own = hibachi_session_get_station_ids (self->session);

  return own != NULL && g_strv_contains (own, hibachi_resource_get_id (HIBACHI_RESOURCE (station)));
}

HibachiStation *
hibachi_areas_page_find_station (HibachiAreasPage *self,
              const char       *id)
{
  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    if (g_strcmp0 (hibachi_resource_get_id (g_ptr_array_index (self->stations, i)), id) == 0)
      return g_ptr_array_index (self->stations, i);

  return NULL;
}

void
hibachi_areas_page_update_actions (HibachiAreasPage *self)
{
  gboolean changes = self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)) &&
                     hibachi_station_editor_has_changes (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "areas.save", changes && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "areas.revert", changes && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "areas.new-station", hibachi_areas_page_can_edit_station (self, NULL));
  if (hibachi_page_was_shown (HIBACHI_PAGE (self)))
    gtk_widget_set_visible (self->new_station_button, hibachi_areas_page_can_edit_station (self, NULL));
}

/* Stations */

static GtkWidget *
station_row (HibachiStation *station)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hibachi_station_get_name (station));
  if (hibachi_station_get_is_active (station))
    /* Translators: a station in the list: code, service and escalation radius */
    subtitle = g_strdup_printf (_("%s · serves %.0f mi · escalation %.0f mi"), hibachi_station_get_code (station),
                                hibachi_station_get_service_radius_miles (station),
                                hibachi_station_get_escalation_radius_miles (station));
  else
    /* Translators: an inactive station in the list: code, service and escalation radius */
    subtitle = g_strdup_printf (_("%s · serves %.0f mi · escalation %.0f mi · inactive"), hibachi_station_get_code (station),
                                hibachi_station_get_service_radius_miles (station),
                                hibachi_station_get_escalation_radius_miles (station));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "hibachi-station-id",
                          g_strdup (hibachi_resource_get_id (HIBACHI_RESOURCE (station))), g_free);

  return GTK_WIDGET (row);
}

void
hibachi_areas_page_show_stations (HibachiAreasPage *self)
{
  HibachiStation *edited = hibachi_station_editor_get_station (self->editor);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->station_list))) != NULL)
    gtk_list_box_remove (self->station_list, child);
  for (guint i = 0; i < self->stations->len; i++)
    {
      HibachiStation *station = g_ptr_array_index (self->stations, i);
      GtkWidget *row = station_row (station);

      gtk_list_box_append (self->station_list, row);
      if (edited != NULL && g_strcmp0 (hibachi_resource_get_id (HIBACHI_RESOURCE (edited)),
                                       hibachi_resource_get_id (HIBACHI_RESOURCE (station))) == 0)
        gtk_list_box_select_row (self->station_list, GTK_LIST_BOX_ROW (row));
    }
  hibachi_areas_map_set_stations (self->map, self->stations);
  if (edited != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)) &&
      hibachi_areas_page_can_edit_station (self, edited))
    hibachi_areas_map_set_draggable_station (self->map, hibachi_resource_get_id (HIBACHI_RESOURCE (edited)));
  if (self->has_check)
    hibachi_areas_page_run_check (self);
}

/* Puts @station (as the server now has it) in place of the loaded one. */
void
hibachi_areas_page_replace_station (HibachiAreasPage *self,
                 HibachiStation   *station)
{
  const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (station));
  gboolean found = FALSE;

  for (guint i = 0; i < self->stations->len; i++)
    if (g_strcmp0 (hibachi_resource_get_id (g_ptr_array_index (self->stations, i)), id) == 0)
      {
        g_object_unref (g_ptr_array_index (self->stations, i));
        self->stations->pdata[i] = g_object_ref (station);
        found = TRUE;
      }
  if (!found)
    g_ptr_array_add (self->stations, g_object_ref (station));
  hibachi_areas_page_show_stations (self);
}

void
hibachi_areas_page_edit_station (HibachiAreasPage *self,
              HibachiStation   *station)
{
  ShumateViewport *viewport = hibachi_areas_map_get_viewport (self->map);
  HibachiLatLng center = { shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                           shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) };
  gboolean editable = hibachi_areas_page_can_edit_station (self, station);

  hibachi_station_editor_set_station (self->editor, station, editable, center);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  hibachi_areas_map_set_draggable_station (self->map, station && editable ?
                                           hibachi_resource_get_id (HIBACHI_RESOURCE (station)) : NULL);
  if (station == NULL)
    gtk_list_box_unselect_all (self->station_list);
  hibachi_areas_page_update_actions (self);
}

/* Ctrl+S saves what the form shows, a number just typed too. */
static gboolean
save_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  hibachi_form_commit_typed_number (widget);
  return gtk_widget_activate_action (widget, "areas.save", NULL);
}

static void
unsaved_answer_cb (HibachiUnsavedAnswer answer,
                   gpointer             user_data)
{
  HibachiAreasPage *self = user_data;
  g_autofree char *id = g_steal_pointer (&self->select_after_save);

  if (answer == HIBACHI_UNSAVED_DISCARD)
    hibachi_areas_page_edit_station (self, hibachi_areas_page_find_station (self, id));
  else if (answer == HIBACHI_UNSAVED_SAVE)
    {
      self->select_after_save = g_steal_pointer (&id);
      gtk_widget_activate_action (GTK_WIDGET (self), "areas.save", NULL);
    }
}

void
hibachi_areas_page_select_station (HibachiAreasPage *self,
                                   const char       *station_id)
{
  HibachiStation *station = hibachi_areas_page_find_station (self, station_id);
  HibachiStation *edited = hibachi_station_editor_get_station (self->editor);
  g_autofree char *what = NULL;

  if (station == NULL || (edited == station && gtk_widget_get_visible (GTK_WIDGET (self->editor))))
    return;
  if (!hibachi_station_editor_has_changes (self->editor))
    {
      hibachi_areas_page_edit_station (self, station);
      return;
    }
  /* Never dropped unasked. */
  what = hibachi_page_dup_unsaved (HIBACHI_PAGE (self));
  g_free (self->select_after_save);
  self->select_after_save = g_strdup (station_id);
  hibachi_unsaved_dialog_run (GTK_WIDGET (self), what, unsaved_answer_cb, g_object_ref (self), g_object_unref);
}

static void
station_row_activated_cb (HibachiAreasPage *self,
                          GtkListBoxRow    *row)
{
  hibachi_areas_page_select_station (self, g_object_get_data (G_OBJECT (row), "hibachi-station-id"));
}

static void
station_activated_cb (HibachiAreasPage *self,
                      const char       *station_id)
{
  hibachi_areas_page_select_station (self, station_id);
}

static void
stations_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HibachiAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (stations == NULL)
    {
      hibachi_status_view_set_message (self->status_view, error->message);
      hibachi_status_view_set_status (self->status_view,
                                      g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK) ?
                                      HIBACHI_STATUS_OFFLINE : HIBACHI_STATUS_ERROR);
      return;
    }

  g_clear_pointer (&self->stations, g_ptr_array_unref);
  self->stations = g_steal_pointer (&stations);
  hibachi_status_view_set_status (self->status_view,
                                  self->stations->len > 0 || hibachi_areas_page_can_edit_station (self, NULL) ?
                                  HIBACHI_STATUS_CONTENT : HIBACHI_STATUS_EMPTY);
  hibachi_areas_page_show_stations (self);
  /* A newer version of the station in the form: shown, unless the form
   * has unsaved edits (saving them then asks, as for any change made
   * meanwhile). */
  {
    HibachiStation *edited = hibachi_station_editor_get_station (self->editor);
    HibachiStation *fresh = edited ? hibachi_areas_page_find_station (self, hibachi_resource_get_id (HIBACHI_RESOURCE (edited))) : NULL;

    if (fresh != NULL && fresh != edited && gtk_widget_get_visible (GTK_WIDGET (self->editor)) &&
        !hibachi_station_editor_has_changes (self->editor) &&
        hibachi_resource_get_version (HIBACHI_RESOURCE (fresh)) != hibachi_resource_get_version (HIBACHI_RESOURCE (edited)))
      hibachi_areas_page_edit_station (self, fresh);
  }
  if (!self->shown_all)
    {
      hibachi_areas_map_fit_service_area (self->map, hibachi_page_get_station_id (HIBACHI_PAGE (self)));
      self->shown_all = TRUE;
    }
  hibachi_areas_page_update_actions (self);
}

static void
load_stations (HibachiAreasPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->stations == NULL)
    hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_LOADING);
  hibachi_store_list_stations_async (hibachi_session_get_store (self->session), self->cancellable,
                                     stations_loaded_cb, g_object_ref (self));
}

/* Bookings */

static void
show_legend (HibachiAreasPage *self,
             gint64            total)
{
  const char *statuses[] = { "pending", "confirmed", "completed", "cancelled" };
  guint counts[G_N_ELEMENTS (statuses)] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->bookings->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      if (g_strcmp0 (hibachi_booking_get_status (g_ptr_array_index (self->bookings, i)), statuses[s]) == 0)
        counts[s]++;
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line of the map's legend: status and count */
      g_string_append_printf (text, _("%s: %u"), hibachi_booking_status_label (statuses[s]), counts[s]);
    }
  if (total > (gint64) self->bookings->len)
    {
      g_autofree char *all = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      /* Translators: pins shown when there are more bookings than that */
      title = g_strdup_printf (_("Pins: the first %u of %s bookings"), self->bookings->len, all);
    }
  else
    title = g_strdup_printf (g_dngettext (NULL, "Pins: %u booking", "Pins: %u bookings", self->bookings->len),
                             self->bookings->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->legend_row), title);
  adw_action_row_set_subtitle (self->legend_row, text->str);
}

static void
bookings_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HibachiAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bookings == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->legend_row), _("Pins: bookings could not be loaded"));
      adw_action_row_set_subtitle (self->legend_row, error->message);
      return;
    }
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  self->bookings = g_steal_pointer (&bookings);
  hibachi_areas_map_set_bookings (self->map, self->bookings);
  show_legend (self, hibachi_store_bookings_total (HIBACHI_STORE (source), result));
}

static void
load_bookings (HibachiAreasPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) query = g_string_new (NULL);
  HibachiDates dates = gtk_drop_down_get_selected (self->date_dropdown);
  const char *station_id = hibachi_page_get_station_id (HIBACHI_PAGE (self));
  GDate today, from, to;
  char text[16];

  if (self->session == NULL)
    return;
  g_cancellable_cancel (self->bookings_cancellable);
  g_clear_object (&self->bookings_cancellable);
  self->bookings_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->bookings, g_ptr_array_unref);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  hibachi_dates_range (dates, &today, &from, &to);
  if (g_date_valid (&from) && g_date_strftime (text, sizeof text, "%Y-%m-%d", &from) > 0)
    g_string_append_printf (query, "date_from=%s&", text);
  if (g_date_valid (&to) && g_date_strftime (text, sizeof text, "%Y-%m-%d", &to) > 0)
    g_string_append_printf (query, "date_to=%s&", text);
  if (station_id != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (station_id, NULL, FALSE);

      g_string_append_printf (query, "station_id=%s&", escaped);
    }
  g_string_append (query, "sort=event_date");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->legend_row), _("Pins: loading bookings…"));
  adw_action_row_set_subtitle (self->legend_row, "");
  hibachi_store_list_all_bookings_async (hibachi_session_get_store (self->session), query->str, HIBACHI_AREAS_MAX_PINS,
                                         self->bookings_cancellable, bookings_loaded_cb, g_object_ref (self));
}

static void
dates_changed_cb (HibachiAreasPage *self)
{
  load_bookings (self);
}

static void
booking_activated_cb (HibachiAreasPage *self,
                      HibachiBooking   *booking)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-booking", "s", hibachi_booking_get_reference (booking));
}

/* The page */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_reload (HIBACHI_PAGE (widget));
}

static void
tile_url_changed_cb (HibachiAreasPage *self)
{
  g_autofree char *url = NULL;

  if (self->map == NULL)
    return;
  url = g_settings_get_string (self->settings, "map-tile-url");
  hibachi_areas_map_set_tile_url (self->map, url);
}

/* Someone changed or created a station: the list, the map and an
 * untouched form follow. */
static void
feed_changed_cb (HibachiAreasPage    *self,
                 HibachiResourceKind  kind,
                 const char          *id,
                 const char          *actor,
                 const char          *action,
                 HibachiChangeFeed   *feed)
{
  if (kind == HIBACHI_RESOURCE_STATION && self->session != NULL && !self->saving && !self->load_when_shown)
    load_stations (self);
}

static void
follow (HibachiAreasPage  *self,
        HibachiChangeFeed *feed)
{
  if (self->feed == feed)
    return;
  if (self->feed != NULL)
    g_signal_handlers_disconnect_by_func (self->feed, feed_changed_cb, self);
  g_set_object (&self->feed, feed);
  if (feed != NULL)
    g_signal_connect_object (feed, "changed", G_CALLBACK (feed_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
hibachi_areas_page_account_changed (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);
  HibachiContext *context = hibachi_page_get_context (page);
  HibachiSession *session = hibachi_page_get_session (page);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->bookings_cancellable);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_hash_table_remove_all (self->sheets);
  g_clear_object (&self->session);
  self->has_check = FALSE;
  self->shown_all = FALSE;
  if (hibachi_page_was_shown (HIBACHI_PAGE (self)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
      hibachi_station_editor_set_station (self->editor, NULL, FALSE, (HibachiLatLng) { 0, 0 });
      gtk_widget_set_visible (self->check_result_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->check_station_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->check_verdict_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->check_fee_row), FALSE);
      hibachi_areas_map_set_check (self->map, NULL, NULL);
      hibachi_areas_map_set_bookings (self->map, NULL);
      hibachi_areas_map_set_stations (self->map, NULL);
    }

  if (context != NULL && self->undo_stack != hibachi_context_get_undo_stack (context))
    {
      if (self->undo_stack != NULL)
        g_signal_handlers_disconnect_by_func (self->undo_stack, hibachi_areas_page_undone_cb, self);
      g_set_object (&self->undo_stack, hibachi_context_get_undo_stack (context));
      g_signal_connect_object (self->undo_stack, "undone", G_CALLBACK (hibachi_areas_page_undone_cb), self, G_CONNECT_SWAPPED);
    }
  follow (self, context != NULL ? hibachi_context_get_change_feed (context) : NULL);
  if (context != NULL && self->settings != hibachi_context_get_settings (context))
    {
      g_set_object (&self->settings, hibachi_context_get_settings (context));
      g_signal_connect_object (self->settings, "changed::map-tile-url", G_CALLBACK (tile_url_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->settings != NULL)
    tile_url_changed_cb (self);
  if (session == NULL || !hibachi_session_can (session, HIBACHI_CAPABILITY_VIEW_STATIONS))
    {
      if (hibachi_page_was_shown (HIBACHI_PAGE (self)))
        hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_EMPTY);
      return;
    }
  self->session = g_object_ref (session);
  if (hibachi_page_was_shown (HIBACHI_PAGE (self)))
    {
      hibachi_address_entry_set_store (self->check_address, hibachi_session_get_store (session));
      hibachi_station_editor_set_store (self->editor, hibachi_session_get_store (session));
    }
  /* The app opens on Bookings: thousands of pins parsed and placed for a
   * page nobody looks at would hold up its first rows. */
  self->load_when_shown = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->load_when_shown)
    {
      load_stations (self);
      load_bookings (self);
    }
  hibachi_areas_page_update_actions (self);
}

/* The page's widgets: its template, the station form and the map. The
 * window builds every page at startup, on the way to the first bookings
 * rows, and this one is not shown then: it is built when first shown.
 * What came meanwhile (the account, the tile setting) is applied here;
 * until then the page keeps state only (and loads nothing: see
 * load_when_shown). */
static void
hibachi_areas_page_first_shown (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));
  hibachi_accessible_set_label (GTK_WIDGET (self->date_dropdown), _("Event Dates"));
  hibachi_address_entry_set_title (self->check_address, _("Address to Check"));

  self->editor = hibachi_station_editor_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (hibachi_areas_page_editor_changed_cb), self);
  gtk_box_append (self->side_box, GTK_WIDGET (self->editor));

  self->map = hibachi_areas_map_new ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  g_signal_connect_swapped (self->map, "point-clicked", G_CALLBACK (hibachi_areas_page_point_clicked_cb), self);
  g_signal_connect_swapped (self->map, "station-moved", G_CALLBACK (hibachi_areas_page_station_moved_cb), self);
  g_signal_connect_swapped (self->map, "station-activated", G_CALLBACK (station_activated_cb), self);
  g_signal_connect_swapped (self->map, "booking-activated", G_CALLBACK (booking_activated_cb), self);
  /* The tile setting as it is now, however often it changed meanwhile. */
  if (self->settings != NULL)
    tile_url_changed_cb (self);
  gtk_box_append (self->content_box, GTK_WIDGET (self->map));
  
  if (self->session != NULL)
    {
      hibachi_address_entry_set_store (self->check_address, hibachi_session_get_store (self->session));
      hibachi_station_editor_set_store (self->editor, hibachi_session_get_store (self->session));
    }
  else
    hibachi_status_view_set_status (self->status_view, HIBACHI_STATUS_EMPTY);
  hibachi_areas_page_update_actions (self);
}

static void
hibachi_areas_page_map (GtkWidget *widget)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (widget);

  GTK_WIDGET_CLASS (hibachi_areas_page_parent_class)->map (widget);
  if (self->load_when_shown && self->session != NULL)
    {
      self->load_when_shown = FALSE;
      load_stations (self);
      load_bookings (self);
    }
}

static void
hibachi_areas_page_station_changed (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);

  if (self->load_when_shown || !hibachi_page_was_shown (HIBACHI_PAGE (self)))
    return;
  /* The station chosen in the header fills the map (all of them: all). */
  if (self->stations != NULL)
    hibachi_areas_map_fit_service_area (self->map, hibachi_page_get_station_id (page));
  load_bookings (self);
}

static void
hibachi_areas_page_reload (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);

  if (self->session == NULL || self->load_when_shown || !hibachi_page_was_shown (HIBACHI_PAGE (self)))
    return;
  g_hash_table_remove_all (self->sheets);
  load_stations (self);
  load_bookings (self);
}

static void
hibachi_areas_page_dispose (GObject *object)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->bookings_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->bookings_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->undo_stack);
  follow (self, NULL);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->sheets, g_hash_table_unref);
  g_clear_pointer (&self->select_after_save, g_free);
  if (hibachi_page_was_shown (HIBACHI_PAGE (self)))
    gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_AREAS_PAGE);

  G_OBJECT_CLASS (hibachi_areas_page_parent_class)->dispose (object);
}

static void
hibachi_areas_page_class_init (HibachiAreasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HibachiPageClass *page_class = HIBACHI_PAGE_CLASS (klass);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  object_class->dispose = hibachi_areas_page_dispose;
  widget_class->map = hibachi_areas_page_map;
  page_class->account_changed = hibachi_areas_page_account_changed;
  page_class->station_changed = hibachi_areas_page_station_changed;
  page_class->reload = hibachi_areas_page_reload;
  page_class->dup_unsaved = hibachi_areas_page_dup_unsaved;
  page_class->save_async = hibachi_areas_page_save_async;
  page_class->save_finish = hibachi_areas_page_save_finish;
  page_class->discard = hibachi_areas_page_discard;
  page_class->first_shown = hibachi_areas_page_first_shown;

  g_type_ensure (HIBACHI_TYPE_STATUS_VIEW);
  g_type_ensure (HIBACHI_TYPE_ADDRESS_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/areas/hibachi-areas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, status_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, side_box);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_group);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_address);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_result_group);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_station_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_verdict_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, check_fee_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, legend_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, new_station_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiAreasPage, station_list);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "check_address_cb",
                                                G_CALLBACK (hibachi_areas_page_check_address_cb));
  gtk_widget_class_bind_template_callback (widget_class, station_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "areas.save", NULL, hibachi_areas_page_save_action);
  gtk_widget_class_install_action (widget_class, "areas.revert", NULL, hibachi_areas_page_revert_action);
  gtk_widget_class_install_action (widget_class, "areas.new-station", NULL, hibachi_areas_page_new_station_action);
  gtk_widget_class_install_action (widget_class, "areas.reload", NULL, reload_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_key_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "areas.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "areas.reload", NULL);

  /* The map's pins and markers, once per display. */
  gtk_css_provider_load_from_resource (css, "/com/myhibachichef/Admin/areas/hibachi-areas.css");
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
hibachi_areas_page_init (HibachiAreasPage *self)
{
  /* The sidebar's row; the template is built when first shown. */
  hibachi_page_set_title (HIBACHI_PAGE (self), _("Service Areas"));
  hibachi_page_set_icon_name (HIBACHI_PAGE (self), "find-location-symbolic");
  /* Chefs see their own bookings only, no stations. */
  hibachi_page_set_required_capability (HIBACHI_PAGE (self), HIBACHI_CAPABILITY_VIEW_STATIONS);
  self->sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->bookings_cancellable = g_cancellable_new ();
  hibachi_areas_page_update_actions (self);
}

HibachiAreasMap *
hibachi_areas_page_get_map (HibachiAreasPage *self)
{
  return self->map;
}

HibachiStationEditor *
hibachi_areas_page_get_editor (HibachiAreasPage *self)
{
  return self->editor;
}

GPtrArray *
hibachi_areas_page_get_stations (HibachiAreasPage *self)
{
  return self->stations;
}

GPtrArray *
hibachi_areas_page_get_bookings (HibachiAreasPage *self)
{
  return self->bookings;
}

gboolean
hibachi_areas_page_get_loading (HibachiAreasPage *self)
{
  return self->loading || self->bookings == NULL;
}
