/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-areas-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hibachi-accessible.h"
#include "hibachi-areas-map-private.h"

G_DEFINE_FINAL_TYPE (HibachiAreasMap, hibachi_areas_map, GTK_TYPE_WIDGET)

guint hibachi_areas_map_signals[HIBACHI_AREAS_MAP_N_SIGNALS];

static void
station_shape_free (StationShape *shape)
{
  g_clear_object (&shape->station);
  g_free (shape);
}

static void
rgba (GdkRGBA *color,
      float    red,
      float    green,
      float    blue,
      float    alpha)
{
  *color = (GdkRGBA) { red, green, blue, alpha };
}

/* Circles */

static void
fill_circle (ShumatePathLayer *layer,
             HibachiLatLng     center,
             double            miles)
{
  HibachiLatLng ring[HIBACHI_AREAS_MAP_CIRCLE_POINTS];

  shumate_path_layer_remove_all (layer);
  if (miles <= 0)
    return;
  hibachi_geo_circle (center, miles, G_N_ELEMENTS (ring), ring);
  for (guint i = 0; i < G_N_ELEMENTS (ring); i++)
    /* Coordinates are floating: the layer sinks and keeps them. */
    shumate_path_layer_add_node (layer, SHUMATE_LOCATION (shumate_coordinate_new_full (ring[i].lat, ring[i].lng)));
}

static ShumatePathLayer *
new_circle_layer (HibachiAreasMap *self,
                  gboolean         escalation,
                  gboolean         active)
{
  ShumatePathLayer *layer = shumate_path_layer_new (shumate_simple_map_get_viewport (self->simple_map));
  GdkRGBA fill, stroke;

  if (!active)
    {
      rgba (&fill, 0.5f, 0.5f, 0.5f, 0.08f);
      rgba (&stroke, 0.45f, 0.45f, 0.45f, 0.8f);
    }
  else if (escalation)
    {
      /* Amber, dashed: the ring where a booking needs a manager's yes. */
      rgba (&fill, 0.90f, 0.65f, 0.04f, 0.10f);
      rgba (&stroke, 0.78f, 0.48f, 0.0f, 0.9f);
    }
  else
    {
      rgba (&fill, 0.21f, 0.52f, 0.89f, 0.16f);
      rgba (&stroke, 0.10f, 0.37f, 0.71f, 0.9f);
    }
  shumate_path_layer_set_closed (layer, TRUE);
  shumate_path_layer_set_fill (layer, TRUE);
  shumate_path_layer_set_fill_color (layer, &fill);
  shumate_path_layer_set_stroke_color (layer, &stroke);
  shumate_path_layer_set_stroke_width (layer, 2.0);
  if (escalation)
    {
      g_autoptr(GList) dash = NULL;

      dash = g_list_append (dash, GUINT_TO_POINTER (8));
      dash = g_list_append (dash, GUINT_TO_POINTER (6));
      shumate_path_layer_set_dash (layer, dash);
    }
  gtk_widget_set_can_target (GTK_WIDGET (layer), FALSE);

  return layer;
}

static StationShape *
find_shape (HibachiAreasMap *self,
            const char      *station_id)
{
  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      StationShape *shape = g_ptr_array_index (self->stations, i);

      if (g_strcmp0 (hibachi_resource_get_id (HIBACHI_RESOURCE (shape->station)), station_id) == 0)
        return shape;
    }

  return NULL;
}

static void
draw_shape (StationShape *shape)
{
  fill_circle (shape->escalation, shape->location, shape->escalation_miles);
  fill_circle (shape->service, shape->location, shape->service_miles);
  shumate_location_set_location (SHUMATE_LOCATION (shape->marker), shape->location.lat, shape->location.lng);
}

/* Station markers and their drag */

static void
station_clicked_cb (GtkButton       *button,
                    HibachiAreasMap *self)
{
  g_signal_emit (self, hibachi_areas_map_signals[HIBACHI_AREAS_MAP_STATION_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (button), "hibachi-station-id"));
}

static StationShape *
drag_shape (HibachiAreasMap *self,
            GtkGesture      *gesture)
{
  GtkWidget *marker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  const char *id = g_object_get_data (G_OBJECT (marker), "hibachi-station-id");

  if (self->draggable_id == NULL || g_strcmp0 (id, self->draggable_id) != 0)
    return NULL;

  return find_shape (self, id);
}

static void
station_drag_begin_cb (GtkGestureDrag  *gesture,
                       double           x,
                       double           y,
                       HibachiAreasMap *self)
{
  StationShape *shape = drag_shape (self, GTK_GESTURE (gesture));

  if (shape == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_start = shape->location;
}

static HibachiLatLng
drag_location (HibachiAreasMap *self,
               double           dx,
               double           dy)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  HibachiLatLng to;
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, map, self->drag_start.lat, self->drag_start.lng, &x, &y);
  shumate_viewport_widget_coords_to_location (viewport, map, x + dx, y + dy, &to.lat, &to.lng);

  return to;
}

static void
station_drag_update_cb (GtkGestureDrag  *gesture,
                        double           dx,
                        double           dy,
                        HibachiAreasMap *self)
{
  StationShape *shape = drag_shape (self, GTK_GESTURE (gesture));

  if (shape == NULL || (fabs (dx) < 3 && fabs (dy) < 3))
    return;
  /* Once it moves, the marker moves, not the map under it (and it is no
   * click). */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  shape->location = drag_location (self, dx, dy);
  draw_shape (shape);
}

static void
station_drag_end_cb (GtkGestureDrag  *gesture,
                     double           dx,
                     double           dy,
                     HibachiAreasMap *self)
{
  StationShape *shape = drag_shape (self, GTK_GESTURE (gesture));

  /* A press without a move is a click, not a drag. */
  if (shape == NULL || (fabs (dx) < 3 && fabs (dy) < 3))
    return;
  shape->location = drag_location (self, dx, dy);
  draw_shape (shape);
  g_signal_emit (self, hibachi_areas_map_signals[HIBACHI_AREAS_MAP_STATION_MOVED], 0, self->draggable_id,
                 shape->location.lat, shape->location.lng);
}

/* The arrow keys on the draggable station's marker: a drag of a few
 * pixels, dropped at once (the same signal, so the same save and undo). */
static gboolean
station_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        HibachiAreasMap       *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *id = g_object_get_data (G_OBJECT (button), "hibachi-station-id");
  double step = (state & GDK_SHIFT_MASK) ? HIBACHI_AREAS_MAP_NUDGE_PIXELS_LARGE : HIBACHI_AREAS_MAP_NUDGE_PIXELS;
  double dx = 0, dy = 0;
  StationShape *shape;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -step; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = step; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -step; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = step; break;
    default: return GDK_EVENT_PROPAGATE;
    }
  if (self->draggable_id == NULL || g_strcmp0 (id, self->draggable_id) != 0 ||
      (shape = find_shape (self, id)) == NULL)
    return GDK_EVENT_PROPAGATE;

  self->drag_start = shape->location;
  shape->location = drag_location (self, dx, dy);
  draw_shape (shape);
  g_signal_emit (self, hibachi_areas_map_signals[HIBACHI_AREAS_MAP_STATION_MOVED], 0, self->draggable_id,
                 shape->location.lat, shape->location.lng);
  return GDK_EVENT_STOP;
}

static ShumateMarker *
new_station_marker (HibachiAreasMap *self,
                    HibachiStation  *station)
{
  ShumateMarker *marker = shumate_marker_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys;
  const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (station));
  g_autofree char *label = NULL;

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-home-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (hibachi_station_get_name (station)));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "map-station");
  if (!hibachi_station_get_is_active (station))
    gtk_widget_add_css_class (button, "inactive");
  /* Translators: a station's marker on the map */
  label = g_strdup_printf (_("Station %s"), hibachi_station_get_name (station));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "hibachi-station-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (station_clicked_cb), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, HIBACHI_AREAS_MAP_NUDGE_CONTROLLER);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (station_key_pressed_cb), self);
  gtk_widget_add_controller (button, keys);
  shumate_marker_set_child (marker, button);

  g_object_set_data_full (G_OBJECT (marker), "hibachi-station-id", g_strdup (id), g_free);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (station_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (station_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (station_drag_end_cb), self);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (marker), GTK_EVENT_CONTROLLER (drag));

  return marker;
}

static void
clear_stations (HibachiAreasMap *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);

  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      StationShape *shape = g_ptr_array_index (self->stations, i);

      shumate_map_remove_layer (map, SHUMATE_LAYER (shape->service));
      shumate_map_remove_layer (map, SHUMATE_LAYER (shape->escalation));
      shumate_marker_layer_remove_marker (self->station_layer, shape->marker);
    }
  g_clear_pointer (&self->stations, g_ptr_array_unref);
}

void
hibachi_areas_map_set_stations (HibachiAreasMap *self,
                                GPtrArray       *stations)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);

  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  clear_stations (self);
  self->stations = g_ptr_array_new_with_free_func ((GDestroyNotify) station_shape_free);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      HibachiStation *station = g_ptr_array_index (stations, i);
      StationShape *shape = g_new0 (StationShape, 1);
      gboolean active = hibachi_station_get_is_active (station);

      shape->station = g_object_ref (station);
      shape->location = (HibachiLatLng) { hibachi_station_get_lat (station), hibachi_station_get_lng (station) };
      shape->service_miles = hibachi_station_get_service_radius_miles (station);
      shape->escalation_miles = hibachi_station_get_escalation_radius_miles (station);
      shape->escalation = new_circle_layer (self, TRUE, active);
      shape->service = new_circle_layer (self, FALSE, active);
      shape->marker = new_station_marker (self, station);
      /* Circles under every pin and marker. */
      shumate_map_insert_layer_behind (map, SHUMATE_LAYER (shape->escalation), SHUMATE_LAYER (self->check_line));
      shumate_map_insert_layer_behind (map, SHUMATE_LAYER (shape->service), SHUMATE_LAYER (self->check_line));
      shumate_marker_layer_add_marker (self->station_layer, shape->marker);
      draw_shape (shape);
      g_ptr_array_add (self->stations, shape);
    }
}

void
hibachi_areas_map_set_draggable_station (HibachiAreasMap *self,
                                         const char      *station_id)
{
  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  g_free (self->draggable_id);
  self->draggable_id = g_strdup (station_id);
  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      StationShape *shape = g_ptr_array_index (self->stations, i);
      GtkWidget *button = shumate_marker_get_child (shape->marker);
      const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (shape->station));

      if (g_strcmp0 (id, station_id) == 0)
        {
          gtk_widget_add_css_class (button, "draggable");
          gtk_widget_set_tooltip_text (button, _("Drag to move the station, or use the arrow keys (Shift: further)"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Arrow keys move the station; with Shift, further."), -1);
        }
      else
        {
          gtk_widget_remove_css_class (button, "draggable");
          gtk_widget_set_tooltip_text (button, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

void
hibachi_areas_map_preview_station (HibachiAreasMap *self,
                                   const char      *station_id,
                                   HibachiLatLng    location,
                                   double           service_miles,
                                   double           escalation_miles)
{
  StationShape *shape = find_shape (self, station_id);

  if (shape == NULL)
    return;
  shape->location = location;
  shape->service_miles = service_miles;
  shape->escalation_miles = escalation_miles;
  draw_shape (shape);
}

ShumatePathLayer *
hibachi_areas_map_get_circle (HibachiAreasMap *self,
                              const char      *station_id,
                              gboolean         escalation)
{
  StationShape *shape = find_shape (self, station_id);

  return shape == NULL ? NULL : escalation ? shape->escalation : shape->service;
}

ShumateMarker *
hibachi_areas_map_get_station_marker (HibachiAreasMap *self,
                                      const char      *station_id)
{
  StationShape *shape = find_shape (self, station_id);

  return shape == NULL ? NULL : shape->marker;
}

static void
hibachi_areas_map_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hibachi_areas_map_parent_class)->map (widget);
  hibachi_areas_map_watch_tiles (HIBACHI_AREAS_MAP (widget));
}

static void
hibachi_areas_map_unmap (GtkWidget *widget)
{
  HibachiAreasMap *self = HIBACHI_AREAS_MAP (widget);

  g_clear_handle_id (&self->nudge_id, g_source_remove);
  GTK_WIDGET_CLASS (hibachi_areas_map_parent_class)->unmap (widget);
}

ShumateMap *
hibachi_areas_map_get_map (HibachiAreasMap *self)
{
  return shumate_simple_map_get_map (self->simple_map);
}

ShumateViewport *
hibachi_areas_map_get_viewport (HibachiAreasMap *self)
{
  return shumate_simple_map_get_viewport (self->simple_map);
}

/* A service circle fills the map with this much room around it. */
#define FIT_PADDING 1.12

static void fit (HibachiAreasMap *self, const char *station_id);

static gboolean
fit_when_sized_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  HibachiAreasMap *self = HIBACHI_AREAS_MAP (widget);
  g_autofree char *station_id = NULL;

  if (gtk_widget_get_width (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map))) == 0)
    return G_SOURCE_CONTINUE;
  self->fit_id = 0;
  station_id = g_steal_pointer (&self->fit_station_id);
  fit (self, station_id);
  return G_SOURCE_REMOVE;
}

void
hibachi_areas_map_fit_service_area (HibachiAreasMap *self,
                                    const char      *station_id)
{
  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  /* Fitting needs the map's size: wait for its first one. */
  g_free (self->fit_station_id);
  self->fit_station_id = g_strdup (station_id);
  if (gtk_widget_get_width (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map))) > 0)
    {
      g_autofree char *id = g_steal_pointer (&self->fit_station_id);

      if (self->fit_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_id);
      self->fit_id = 0;
      fit (self, id);
    }
  else if (self->fit_id == 0)
    self->fit_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_when_sized_cb, NULL, NULL);
}

static void
fit (HibachiAreasMap *self,
     const char      *station_id)
{
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  double width = MAX (gtk_widget_get_width (map), 1);
  double height = MAX (gtk_widget_get_height (map), 1);
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0, span;
  double tile = shumate_map_source_get_tile_size (self->source);
  HibachiLatLng center;
  gboolean any = FALSE;

  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      StationShape *shape = g_ptr_array_index (self->stations, i);
      double miles = MAX (shape->service_miles, 1);
      HibachiLatLng edge[4];
      double x, y;

      if (station_id != NULL && g_strcmp0 (hibachi_resource_get_id (HIBACHI_RESOURCE (shape->station)), station_id) != 0)
        continue;
      any = TRUE;
      /* North, east, south, west of the circle, in world fractions. */
      for (guint e = 0; e < G_N_ELEMENTS (edge); e++)
        {
          edge[e] = hibachi_geo_destination (shape->location, 90.0 * e, miles);
          hibachi_mercator_project (edge[e], &x, &y);
          x0 = MIN (x0, x);
          x1 = MAX (x1, x);
          y0 = MIN (y0, y);
          y1 = MAX (y1, y);
        }
    }
  if (!any)
    return;

  /* The zoom at which the circles' box, padded, just fits the map. */
  span = MAX ((x1 - x0) * tile / width, (y1 - y0) * tile / height) * FIT_PADDING;
  center = hibachi_mercator_unproject ((x0 + x1) / 2, (y0 + y1) / 2);
  shumate_viewport_set_zoom_level (viewport, CLAMP (-log2 (MAX (span, 1e-9)), 2, 14));
  shumate_map_center_on (shumate_simple_map_get_map (self->simple_map), center.lat, center.lng);
}

/* The widget */

static void
map_clicked_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                HibachiAreasMap *self)
{
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  GtkWidget *picked = gtk_widget_pick (map, x, y, GTK_PICK_DEFAULT);
  double lat, lng;

  /* Markers and buttons handle their own clicks; a double click zooms. */
  if (n_press != 1 || (picked != NULL && gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON) != NULL))
    return;
  shumate_viewport_widget_coords_to_location (shumate_simple_map_get_viewport (self->simple_map), map, x, y, &lat, &lng);
  g_signal_emit (self, hibachi_areas_map_signals[HIBACHI_AREAS_MAP_POINT_CLICKED], 0, lat, lng);
}

/* libshumate 1.0's zoom buttons have no name; one shows its icon in a
 * GtkImage child. */
static void
label_zoom_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = NULL;

      if (GTK_IS_BUTTON (child))
        icon = gtk_button_get_icon_name (GTK_BUTTON (child));
      if (GTK_IS_BUTTON (child) && icon == NULL && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))))
        icon = gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (child))));
      if (g_strcmp0 (icon, "zoom-in-symbolic") == 0)
        hibachi_accessible_set_label (child, _("Zoom In"));
      else if (g_strcmp0 (icon, "zoom-out-symbolic") == 0)
        hibachi_accessible_set_label (child, _("Zoom Out"));
      else
        label_zoom_buttons (child);
    }
}

static void
hibachi_areas_map_dispose (GObject *object)
{
  HibachiAreasMap *self = HIBACHI_AREAS_MAP (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->nudge_id, g_source_remove);
  if (self->tiles != NULL)
    g_signal_handlers_disconnect_by_data (self->tiles, self);
  g_clear_object (&self->tiles);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->source);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->clusterer, hibachi_clusterer_free);
  g_clear_pointer (&self->pin_markers, g_hash_table_unref);
  g_clear_pointer (&self->free_pins, g_ptr_array_unref);
  g_clear_pointer (&self->free_clusters, g_ptr_array_unref);
  if (self->fit_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_id);
  self->fit_id = 0;

  G_OBJECT_CLASS (hibachi_areas_map_parent_class)->dispose (object);
}

static void
hibachi_areas_map_finalize (GObject *object)
{
  HibachiAreasMap *self = HIBACHI_AREAS_MAP (object);

  g_free (self->draggable_id);
  g_free (self->fit_station_id);

  G_OBJECT_CLASS (hibachi_areas_map_parent_class)->finalize (object);
}

static void
hibachi_areas_map_class_init (HibachiAreasMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_areas_map_dispose;
  object_class->finalize = hibachi_areas_map_finalize;
  widget_class->map = hibachi_areas_map_map;
  widget_class->unmap = hibachi_areas_map_unmap;

  /* A click on the map, not on a marker: the point to check. */
  hibachi_areas_map_signals[HIBACHI_AREAS_MAP_POINT_CLICKED] =
    g_signal_new ("point-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* The draggable station's marker was dropped at a new place. */
  hibachi_areas_map_signals[HIBACHI_AREAS_MAP_STATION_MOVED] =
    g_signal_new ("station-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  hibachi_areas_map_signals[HIBACHI_AREAS_MAP_STATION_ACTIVATED] =
    g_signal_new ("station-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* "Open in Bookings" of a pin's popover. */
  hibachi_areas_map_signals[HIBACHI_AREAS_MAP_BOOKING_ACTIVATED] =
    g_signal_new ("booking-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 1, HIBACHI_TYPE_BOOKING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "areas-map");
}

static void
hibachi_areas_map_init (HibachiAreasMap *self)
{
  ShumateViewport *viewport;
  GtkGesture *click = gtk_gesture_click_new ();
  GdkRGBA line;

  self->pin_markers = g_hash_table_new (NULL, NULL);
  self->free_pins = g_ptr_array_new ();
  self->free_clusters = g_ptr_array_new ();
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  self->simple_map = shumate_simple_map_new ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->simple_map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->simple_map), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->simple_map));
  label_zoom_buttons (GTK_WIDGET (self->simple_map));
  /* The scale at the top start, under nothing: at the bottom the page's
   * toasts ("Undo edit of Fremont") covered it. */
  gtk_widget_set_valign (GTK_WIDGET (shumate_simple_map_get_scale (self->simple_map)), GTK_ALIGN_START);
  viewport = shumate_simple_map_get_viewport (self->simple_map);

  self->offline_label = gtk_label_new (_("Map tiles are unavailable: stations, areas and bookings are shown on a plain background."));
  gtk_label_set_wrap (GTK_LABEL (self->offline_label), TRUE);
  gtk_widget_add_css_class (self->offline_label, "map-note");
  gtk_widget_set_halign (self->offline_label, GTK_ALIGN_CENTER);
  /* Clear of the zoom buttons (top end), the scale and the licence (bottom):
   * over them it hid the "+" button. */
  gtk_widget_set_valign (self->offline_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->offline_label, 12);
  gtk_widget_set_margin_start (self->offline_label, 64);
  gtk_widget_set_margin_end (self->offline_label, 64);
  gtk_label_set_max_width_chars (GTK_LABEL (self->offline_label), 60);
  gtk_widget_set_visible (self->offline_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->offline_label);

  /* A layer needs a source from the start (else a critical): the default
   * tiles until the page sets the user's. */
  hibachi_areas_map_set_tile_url (self, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");

  self->check_line = shumate_path_layer_new (viewport);
  rgba (&line, 0.75f, 0.11f, 0.16f, 0.9f);
  shumate_path_layer_set_stroke_color (self->check_line, &line);
  shumate_path_layer_set_stroke_width (self->check_line, 3.0);
  gtk_widget_set_can_target (GTK_WIDGET (self->check_line), FALSE);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->check_line));

  self->pin_layer = shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->pin_layer));
  self->station_layer = shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->station_layer));

  self->check_layer = shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE);
  self->check_marker = shumate_marker_new ();
  {
    GtkWidget *image = gtk_image_new_from_icon_name ("mark-location-symbolic");

    gtk_widget_add_css_class (image, "map-check");
    gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checked point"), -1);
    shumate_marker_set_child (self->check_marker, image);
  }
  gtk_widget_set_valign (GTK_WIDGET (self->check_marker), GTK_ALIGN_END);
  gtk_widget_set_visible (GTK_WIDGET (self->check_marker), FALSE);
  shumate_marker_layer_add_marker (self->check_layer, self->check_marker);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->check_layer));

  shumate_viewport_set_min_zoom_level (viewport, 2);
  shumate_viewport_set_max_zoom_level (viewport, 18);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (hibachi_areas_map_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (hibachi_areas_map_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (hibachi_areas_map_viewport_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (click, "released", G_CALLBACK (map_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)), GTK_EVENT_CONTROLLER (click));
}

HibachiAreasMap *
hibachi_areas_map_new (void)
{
  return g_object_new (HIBACHI_TYPE_AREAS_MAP, NULL);
}
