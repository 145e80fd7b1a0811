/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map's tiles: the tile server it shows (the "map-tile-url" setting),
 * whether tiles come, and seeing that a new server is asked for them. */
#define G_LOG_DOMAIN "hibachi-areas-map"

#include "config.h"

#include "hibachi-areas-map-private.h"

static void
tiles_available_cb (HibachiAreasMap *self)
{
  gtk_widget_set_visible (self->offline_label, !hibachi_areas_map_get_tiles_available (self));
}

gboolean
hibachi_areas_map_get_tiles_available (HibachiAreasMap *self)
{
  g_return_val_if_fail (HIBACHI_IS_AREAS_MAP (self), FALSE);

  return self->tiles == NULL || hibachi_tile_source_get_available (self->tiles);
}

/* A new tile source gets a new base layer, and libshumate 1.1 and later
 * defer a layer's tiles while the map moves fast: the new layer starts as if
 * at zoom 0, so the first time it lays its tiles out it defers them to the
 * next frame. When that frame has the frame time the deferral saw (between
 * frames GTK's frame clock may already report the coming frame's time), the
 * layer stays deferred and asks for no tile until the map moves: after the
 * tile server changed in Preferences, a blank map until the user pans (about
 * one change in thirty on Debian 13: libshumate 1.4, GTK 4.18). So until the
 * source is asked for a tile, the base layer is laid out again now and then:
 * a later layout, at a later frame time, sees the map still and asks. */
#define NUDGE_INTERVAL_MS 250
#define MAX_NUDGES 40

static ShumateLayer *
base_layer (HibachiAreasMap *self)
{
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));

  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(ShumateMapSource) source = NULL;

      if (!SHUMATE_IS_MAP_LAYER (child))
        continue;
      g_object_get (child, "map-source", &source, NULL);
      if (source == self->source)
        return SHUMATE_LAYER (child);
    }

  return NULL;
}

static gboolean
tiles_asked (HibachiAreasMap *self)
{
  return self->tiles == NULL || hibachi_tile_source_get_n_requested (self->tiles) > 0;
}

static gboolean
nudge_cb (gpointer user_data)
{
  HibachiAreasMap *self = user_data;
  gboolean asked = tiles_asked (self);
  ShumateLayer *layer;

  if (asked || ++self->n_nudges > MAX_NUDGES)
    {
      if (!asked)
        g_debug ("The tile source was never asked for a tile");
      self->nudge_id = 0;
      return G_SOURCE_REMOVE;
    }
  if ((layer = base_layer (self)) != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (layer));

  return G_SOURCE_CONTINUE;
}

/* While shown: a hidden map asks for nothing, and is nudged when shown. */
void
hibachi_areas_map_watch_tiles (HibachiAreasMap *self)
{
  if (tiles_asked (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->n_nudges = 0;
  if (self->nudge_id == 0)
    self->nudge_id = g_timeout_add (NUDGE_INTERVAL_MS, nudge_cb, self);
}

void
hibachi_areas_map_set_tile_url (HibachiAreasMap *self,
                                const char      *url_template)
{
  g_autoptr(ShumateMapSource) source = NULL;

  g_return_if_fail (HIBACHI_IS_AREAS_MAP (self));

  if (self->tiles != NULL)
    {
      if (g_strcmp0 (hibachi_tile_source_get_url_template (self->tiles), url_template) == 0)
        return;
      g_signal_handlers_disconnect_by_data (self->tiles, self);
      g_clear_object (&self->tiles);
    }

  self->tiles = hibachi_tile_source_new (url_template);
  g_signal_connect_swapped (self->tiles, "notify::available", G_CALLBACK (tiles_available_cb), self);
  source = hibachi_tile_source_new_map_source (self->tiles);
  g_set_object (&self->source, source);
  shumate_simple_map_set_map_source (self->simple_map, source);
  tiles_available_cb (self);
  hibachi_areas_map_watch_tiles (self);
}

HibachiTileSource *
hibachi_areas_map_get_tiles (HibachiAreasMap *self)
{
  return self->tiles;
}
