/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map's booking pins (clustered by zoom, a popover per booking) and
 * the line of an area check. */
#define G_LOG_DOMAIN "hibachi-areas-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hibachi-areas-map-private.h"
#include "hibachi-date-format.h"

/* Clusters are made for this much more than the view on each side, so a
 * pan only re-places markers once it leaves that margin. */
#define VIEW_MARGIN 0.25

/* Clusters are made for whole and half zoom levels: while a zoom glides
 * the markers stay, and are re-made a few times per level, not each frame. */
static double
cluster_zoom (double zoom)
{
  return floor (zoom * 2) / 2;
}

/* Booking pins */

static const char *
status_icon (const char *status)
{
  /* A shape per status, so colour is never the only difference. */
  if (g_strcmp0 (status, "confirmed") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (status, "completed") == 0)
    return "starred-symbolic";
  if (g_strcmp0 (status, "cancelled") == 0)
    return "action-unavailable-symbolic";
  return "alarm-symbolic";
}

static char *
describe_booking (HibachiBooking *booking)
{
  g_autofree char *day = hibachi_date_format_day (hibachi_booking_get_event_date (booking));

  /* Translators: a booking pin: reference, status, day, slot, e.g.
   * "MH-100398, Confirmed, Sat 12 Dec 2026 18:00" */
  return g_strdup_printf (_("%s, %s, %s %s"), hibachi_booking_get_reference (booking),
                          hibachi_booking_status_label (hibachi_booking_get_status (booking)), day,
                          hibachi_booking_get_slot (booking));
}

static void
open_booking_cb (GtkButton       *button,
                 HibachiAreasMap *self)
{
  HibachiBooking *booking = g_object_get_data (G_OBJECT (button), "hibachi-booking");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, hibachi_areas_map_signals[HIBACHI_AREAS_MAP_BOOKING_ACTIVATED], 0, booking);
}

static GtkWidget *
booking_popover (HibachiAreasMap *self,
                 HibachiBooking  *booking)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (hibachi_booking_get_reference (booking));
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open in Bookings"));
  g_autofree char *day = hibachi_date_format_day (hibachi_booking_get_event_date (booking));
  g_autofree char *when = g_strdup_printf ("%s %s", day, hibachi_booking_get_slot (booking));
  /* Translators: guests at a party */
  g_autofree char *guests = g_strdup_printf (g_dngettext (NULL, "%d guest", "%d guests",
                                                          (gulong) hibachi_booking_get_guests (booking)),
                                             (int) hibachi_booking_get_guests (booking));
  const char *lines[] = {
    hibachi_booking_status_label (hibachi_booking_get_status (booking)),
    hibachi_booking_get_customer_name (booking),
    when,
    guests,
    hibachi_booking_get_string (booking, "venue_address"),
  };

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_halign (title, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL)
      {
        GtkWidget *label = gtk_label_new (lines[i]);

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        gtk_box_append (GTK_BOX (box), label);
      }
  g_object_set_data_full (G_OBJECT (open), "hibachi-booking", g_object_ref (booking), g_object_unref);
  g_signal_connect (open, "clicked", G_CALLBACK (open_booking_cb), self);
  gtk_widget_set_margin_top (open, 6);
  gtk_box_append (GTK_BOX (box), open);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

/* A popover is a child of its pin: it goes when the pin does. */
static void
pin_destroy_cb (GtkWidget *button)
{
  GtkWidget *popover = g_object_steal_data (G_OBJECT (button), "hibachi-popover");

  if (popover != NULL)
    gtk_widget_unparent (popover);
}

static void
pin_clicked_cb (GtkButton       *button,
                HibachiAreasMap *self)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "hibachi-popover");

  if (popover == NULL)
    {
      ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (GTK_WIDGET (button)));
      g_autoptr(GPtrArray) bookings = hibachi_areas_map_marker_bookings (self, marker);

      popover = booking_popover (self, g_ptr_array_index (bookings, 0));
      gtk_widget_set_parent (popover, GTK_WIDGET (button));
      g_object_set_data (G_OBJECT (button), "hibachi-popover", popover);
    }
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
cluster_clicked_cb (GtkButton       *button,
                    HibachiAreasMap *self)
{
  ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (GTK_WIDGET (button)));
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  /* Two levels in: each cell splits into sixteen. */
  shumate_map_go_to_full (shumate_simple_map_get_map (self->simple_map),
                          shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                          shumate_location_get_longitude (SHUMATE_LOCATION (marker)),
                          MIN (floor (zoom) + 2, shumate_viewport_get_max_zoom_level (viewport)));
}

/* Markers no cluster uses stay in the layer, hidden, for the next ones:
 * making a button costs far more than showing one again, and every zoom
 * step re-clusters. Pins and badges are kept apart (an icon, a count). */
static ShumateMarker *
take_marker (HibachiAreasMap *self,
             gboolean         single)
{
  GPtrArray *pool = single ? self->free_pins : self->free_clusters;
  ShumateMarker *marker;
  GtkWidget *button;

  if (pool->len > 0)
    {
      marker = g_ptr_array_steal_index_fast (pool, pool->len - 1);
      gtk_widget_set_visible (GTK_WIDGET (marker), TRUE);
      return marker;
    }

  marker = shumate_marker_new ();
  button = gtk_button_new ();
  if (single)
    {
      gtk_widget_add_css_class (button, "map-pin");
      g_signal_connect (button, "clicked", G_CALLBACK (pin_clicked_cb), self);
      g_signal_connect (button, "destroy", G_CALLBACK (pin_destroy_cb), NULL);
    }
  else
    {
      gtk_widget_add_css_class (button, "map-cluster");
      g_signal_connect (button, "clicked", G_CALLBACK (cluster_clicked_cb), self);
    }
  shumate_marker_set_child (marker, button);
  g_object_set_data (G_OBJECT (marker), "hibachi-single", GINT_TO_POINTER (single));
  shumate_marker_layer_add_marker (self->pin_layer, marker);

  return marker;
}

static void
release_marker (HibachiAreasMap *self,
                ShumateMarker   *marker)
{
  GtkWidget *button = shumate_marker_get_child (marker);
  GtkWidget *popover = g_object_steal_data (G_OBJECT (button), "hibachi-popover");

  /* Its popover was of the booking it showed. */
  if (popover != NULL)
    gtk_widget_unparent (popover);
  gtk_widget_set_visible (GTK_WIDGET (marker), FALSE);
  g_ptr_array_add (g_object_get_data (G_OBJECT (marker), "hibachi-single") ? self->free_pins : self->free_clusters, marker);
}

/* Every marker back to the pools. */
static void
release_all (HibachiAreasMap *self)
{
  GHashTableIter iter;
  gpointer marker;

  g_hash_table_iter_init (&iter, self->pin_markers);
  while (g_hash_table_iter_next (&iter, NULL, &marker))
    release_marker (self, marker);
  g_hash_table_remove_all (self->pin_markers);
}

static ShumateMarker *
pin_marker_for (HibachiAreasMap      *self,
                const HibachiCluster *cluster)
{
  ShumateMarker *marker = take_marker (self, cluster->count == 1);
  GtkWidget *button = shumate_marker_get_child (marker);
  g_autofree char *label = NULL;

  if (cluster->count == 1)
    {
      HibachiBooking *booking = g_ptr_array_index (self->bookings, hibachi_clusterer_get_members (self->clusterer, cluster)[0]);
      const char *status = hibachi_booking_get_status (booking);
      g_autofree char *status_class = g_strconcat ("status-", status, NULL);
      const char *old_class = g_object_get_data (G_OBJECT (button), "hibachi-status-class");

      gtk_button_set_icon_name (GTK_BUTTON (button), status_icon (status));
      if (old_class != NULL)
        gtk_widget_remove_css_class (button, old_class);
      gtk_widget_add_css_class (button, status_class);
      g_object_set_data_full (G_OBJECT (button), "hibachi-status-class", g_steal_pointer (&status_class), g_free);
      label = describe_booking (booking);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", cluster->count);

      gtk_button_set_label (GTK_BUTTON (button), count);
      /* Translators: a cluster of pins on the map; clicking zooms in */
      label = g_strdup_printf (g_dngettext (NULL, "%u booking here, zoom in", "%u bookings here, zoom in", cluster->count),
                               cluster->count);
    }
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  shumate_location_set_location (SHUMATE_LOCATION (marker), cluster->center.lat, cluster->center.lng);
  g_object_set_data (G_OBJECT (marker), "hibachi-cluster-first", GUINT_TO_POINTER (cluster->first));
  g_object_set_data (G_OBJECT (marker), "hibachi-cluster-count", GUINT_TO_POINTER (cluster->count));

  return marker;
}

/* The view as world fractions (x0, y0, x1, y1), grown by @margin of its
 * size on each side. */
static void
view_bounds (HibachiAreasMap *self,
             double           margin,
             double          *bounds)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  double width = MAX (gtk_widget_get_width (map), 1);
  double height = MAX (gtk_widget_get_height (map), 1);
  HibachiLatLng corner;
  double x0, y0, x1, y1;

  shumate_viewport_widget_coords_to_location (viewport, map, -margin * width, -margin * height, &corner.lat, &corner.lng);
  hibachi_mercator_project (corner, &x0, &y0);
  shumate_viewport_widget_coords_to_location (viewport, map, (1 + margin) * width, (1 + margin) * height,
                                              &corner.lat, &corner.lng);
  hibachi_mercator_project (corner, &x1, &y1);
  bounds[0] = x0;
  bounds[1] = y0;
  bounds[2] = x1;
  bounds[3] = y1;
}

/* Room kept between a pin or badge and a station's name. */
#define LABEL_GAP 4

typedef struct
{
  double x, y;            /* centre, in the map's widget coordinates */
  double half_w, half_h;
} Box;

/* No pin or badge is wider or taller than this. */
#define MARKER_MAX_PIXELS 64
/* How far from a name markers are measured: those a moved one must miss
 * (it goes at most MOVE_STEPS of its height from the name). */
#define MOVE_STEPS 5
#define NEAR_PIXELS ((MOVE_STEPS + 1) * MARKER_MAX_PIXELS)

static void
marker_point (HibachiAreasMap *self,
              ShumateMarker   *marker,
              Box             *box)
{
  shumate_viewport_location_to_widget_coords (shumate_simple_map_get_viewport (self->simple_map),
                                              GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)),
                                              shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                                              shumate_location_get_longitude (SHUMATE_LOCATION (marker)),
                                              &box->x, &box->y);
}

static void
marker_size (ShumateMarker *marker,
             Box           *box)
{
  GtkWidget *child = shumate_marker_get_child (marker);
  int width, height;

  /* Without the margins this file may have given it. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  box->half_w = (width - gtk_widget_get_margin_start (child) - gtk_widget_get_margin_end (child)) / 2.0;
  box->half_h = (height - gtk_widget_get_margin_top (child) - gtk_widget_get_margin_bottom (child)) / 2.0;
}

static void
marker_box (HibachiAreasMap *self,
            ShumateMarker   *marker,
            Box             *box)
{
  marker_point (self, marker, box);
  marker_size (marker, box);
}

static gboolean
overlaps (const Box *a,
          double     dx,
          double     dy,
          const Box *b)
{
  return fabs (a->x + dx - b->x) < a->half_w + b->half_w + LABEL_GAP &&
         fabs (a->y + dy - b->y) < a->half_h + b->half_h + LABEL_GAP;
}

static gboolean
overlaps_any (const Box *box,
              double     dx,
              double     dy,
              GArray    *taken)
{
  for (guint i = 0; i < taken->len; i++)
    if (overlaps (box, dx, dy, &g_array_index (taken, Box, i)))
      return TRUE;
  return FALSE;
}

/* The name @box is drawn over, or NULL. */
static const Box *
label_under (GArray    *taken,
             guint      n_labels,
             const Box *box)
{
  for (guint i = 0; i < n_labels; i++)
    if (overlaps (box, 0, 0, &g_array_index (taken, Box, i)))
      return &g_array_index (taken, Box, i);
  return NULL;
}

static void
set_shift (ShumateMarker *marker,
           double         dx,
           double         dy)
{
  GtkWidget *child = shumate_marker_get_child (marker);

  /* The marker is centred on its point: a margin of 2d moves it by d. */
  gtk_widget_set_margin_top (child, dy > 0 ? (int) ceil (2 * dy) : 0);
  gtk_widget_set_margin_bottom (child, dy < 0 ? (int) ceil (-2 * dy) : 0);
  gtk_widget_set_margin_start (child, dx > 0 ? (int) ceil (2 * dx) : 0);
  gtk_widget_set_margin_end (child, dx < 0 ? (int) ceil (-2 * dx) : 0);
}

/* First pass over the markers: those near a name are measured, and kept
 * in @taken where they are unless they cover a name; those are put in
 * @movers for move_off_label(). Most are far from every name and cost a
 * few comparisons. */
static void
sort_near_labels (HibachiAreasMap *self,
                  ShumateMarker   *marker,
                  GArray          *taken,
                  guint            n_labels,
                  GPtrArray       *movers)
{
  gboolean near = FALSE;
  Box box;

  marker_point (self, marker, &box);
  for (guint i = 0; i < n_labels && !near; i++)
    {
      const Box *l = &g_array_index (taken, Box, i);

      near = fabs (box.x - l->x) < l->half_w + 2 * MARKER_MAX_PIXELS && fabs (box.y - l->y) < l->half_h + NEAR_PIXELS;
    }
  if (!near)
    {
      set_shift (marker, 0, 0);
      return;
    }
  marker_size (marker, &box);
  if (label_under (taken, n_labels, &box) != NULL)
    g_ptr_array_add (movers, marker);
  else
    {
      set_shift (marker, 0, 0);
      g_array_append_val (taken, box);
    }
}

/* A pin or badge drawn over a station's name hides both: it moves just
 * below or above the name, or further where others are already (by
 * margins, so it stays put in pixels while the map pans). */
static void
move_off_label (HibachiAreasMap *self,
                ShumateMarker   *marker,
                GArray          *taken,
                guint            n_labels)
{
  Box box;
  const Box *label;
  double below, above, right, left, step;
  double dx = 0, dy;

  marker_box (self, marker, &box);
  label = label_under (taken, n_labels, &box);
  below = label->y + label->half_h + box.half_h + LABEL_GAP - box.y;
  above = label->y - label->half_h - box.half_h - LABEL_GAP - box.y;
  right = label->x + label->half_w + box.half_w + LABEL_GAP - box.x;
  left = label->x - label->half_w - box.half_w - LABEL_GAP - box.x;
  step = 2 * box.half_h + LABEL_GAP;
  dy = below;
  for (guint k = 0; k < MOVE_STEPS; k++)
    {
      /* Below, above, then beside the name, then a row further. */
      const double tries[][2] = { { 0, below + k * step }, { 0, above - k * step },
                                  { right, k * step }, { left, k * step } };
      gboolean found = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (tries) && !found; t++)
        if (!overlaps_any (&box, tries[t][0], tries[t][1], taken))
          {
            dx = tries[t][0];
            dy = tries[t][1];
            found = TRUE;
          }
      if (found)
        break;
    }
  set_shift (marker, dx, dy);
  box.x += dx;
  box.y += dy;
  g_array_append_val (taken, box);
}

void
hibachi_areas_map_update_pins (HibachiAreasMap *self)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GPtrArray) movers = g_ptr_array_new ();
  guint n_labels = 0;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->clusterer == NULL)
    return;

  if (cluster_zoom (zoom) != self->clustered_zoom)
    {
      hibachi_clusterer_run (self->clusterer, cluster_zoom (zoom),
                             shumate_map_source_get_tile_size (self->source), HIBACHI_AREAS_MAP_CLUSTER_PIXELS);
      self->clustered_zoom = cluster_zoom (zoom);
      release_all (self);
    }
  view_bounds (self, VIEW_MARGIN, self->built_bounds);
  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      StationShape *shape = g_ptr_array_index (self->stations, i);
      Box label;

      marker_box (self, shape->marker, &label);
      g_array_append_val (taken, label);
      n_labels++;
    }

  /* The same clusters as before a pan: only those that came near the view
   * get a marker, only those that left lose theirs. */
  for (guint i = 0; i < hibachi_clusterer_get_n_clusters (self->clusterer); i++)
    {
      const HibachiCluster *cluster = hibachi_clusterer_get_cluster (self->clusterer, i);
      ShumateMarker *marker = g_hash_table_lookup (self->pin_markers, GUINT_TO_POINTER (i));
      gboolean near;
      double x, y;

      hibachi_mercator_project (cluster->center, &x, &y);
      near = x >= self->built_bounds[0] && x <= self->built_bounds[2] &&
             y >= self->built_bounds[1] && y <= self->built_bounds[3];
      if (near && marker == NULL)
        {
          marker = pin_marker_for (self, cluster);
          g_hash_table_insert (self->pin_markers, GUINT_TO_POINTER (i), marker);
        }
      if (near)
        sort_near_labels (self, marker, taken, n_labels, movers);
      else if (!near && marker != NULL)
        {
          release_marker (self, marker);
          g_hash_table_remove (self->pin_markers, GUINT_TO_POINTER (i));
        }
    }
  for (guint i = 0; i < movers->len; i++)
    move_off_label (self, movers->pdata[i], taken, n_labels);
}

static gboolean
update_pins_cb (gpointer user_data)
{
  HibachiAreasMap *self = user_data;

  self->update_id = 0;
  hibachi_areas_map_update_pins (self);

  return G_SOURCE_REMOVE;
}

void
hibachi_areas_map_viewport_changed (HibachiAreasMap *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  double inner[4];

  if (self->clusterer == NULL || self->update_id != 0)
    return;
  /* A pan within the margin built last time changes nothing. */
  if (cluster_zoom (shumate_viewport_get_zoom_level (viewport)) == self->clustered_zoom)
    {
      view_bounds (self, 0, inner);
      if (inner[0] >= self->built_bounds[0] && inner[2] <= self->built_bounds[2] &&
          inner[1] >= self->built_bounds[1] && inner[3] <= self->built_bounds[3])
        return;
    }
  self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, update_pins_cb, self, NULL);
}

void
hibachi_areas_map_set_bookings (HibachiAreasMap *self,
                                GPtrArray       *bookings)
{
  g_autofree HibachiLatLng *points = NULL;

  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  g_clear_pointer (&self->clusterer, hibachi_clusterer_free);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  shumate_marker_layer_remove_all (self->pin_layer);
  g_hash_table_remove_all (self->pin_markers);
  g_ptr_array_set_size (self->free_pins, 0);
  g_ptr_array_set_size (self->free_clusters, 0);
  self->bookings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    g_ptr_array_add (self->bookings, g_object_ref (g_ptr_array_index (bookings, i)));

  points = g_new (HibachiLatLng, MAX (self->bookings->len, 1));
  for (guint i = 0; i < self->bookings->len; i++)
    {
      HibachiResource *booking = g_ptr_array_index (self->bookings, i);

      points[i].lat = hibachi_resource_get_double (booking, "venue_lat");
      points[i].lng = hibachi_resource_get_double (booking, "venue_lng");
    }
  self->clusterer = hibachi_clusterer_new (points, self->bookings->len);
  self->clustered_zoom = -1;
  hibachi_areas_map_update_pins (self);
}

GList *
hibachi_areas_map_get_pin_markers (HibachiAreasMap *self)
{
  GList *markers = NULL;
  GHashTableIter iter;
  gpointer marker;

  /* Those in use, not those waiting hidden for the next clusters. */
  g_hash_table_iter_init (&iter, self->pin_markers);
  while (g_hash_table_iter_next (&iter, NULL, &marker))
    markers = g_list_prepend (markers, marker);
  return markers;
}

GPtrArray *
hibachi_areas_map_marker_bookings (HibachiAreasMap *self,
                                   ShumateMarker   *marker)
{
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (marker), "hibachi-cluster-first"));
  guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (marker), "hibachi-cluster-count"));
  GPtrArray *bookings = g_ptr_array_new_with_free_func (g_object_unref);
  const HibachiCluster cluster = { { 0, 0 }, count, first };
  const guint *members;

  if (self->clusterer == NULL || count == 0)
    return bookings;
  members = hibachi_clusterer_get_members (self->clusterer, &cluster);
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (bookings, g_object_ref (g_ptr_array_index (self->bookings, members[i])));

  return bookings;
}

/* The area check */

void
hibachi_areas_map_set_check (HibachiAreasMap     *self,
                             const HibachiLatLng *point,
                             const HibachiLatLng *station)
{
  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  shumate_path_layer_remove_all (self->check_line);
  gtk_widget_set_visible (GTK_WIDGET (self->check_marker), point != NULL);
  if (point == NULL)
    return;

  shumate_location_set_location (SHUMATE_LOCATION (self->check_marker), point->lat, point->lng);
  if (station != NULL)
    {
      /* Coordinates are floating: the layer sinks and keeps them. */
      shumate_path_layer_add_node (self->check_line,
                                   SHUMATE_LOCATION (shumate_coordinate_new_full (station->lat, station->lng)));
      shumate_path_layer_add_node (self->check_line,
                                   SHUMATE_LOCATION (shumate_coordinate_new_full (point->lat, point->lng)));
    }
}


ShumatePathLayer *
hibachi_areas_map_get_check_line (HibachiAreasMap *self)
{
  return self->check_line;
}
