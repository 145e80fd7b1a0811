/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-tile-source.h: raster map tiles for the Service Areas map from a
 * XYZ URL template ({z}/{x}/{y}), fetched on our own SoupSession with the
 * identifying User-Agent the OpenStreetMap tile policy asks for (libshumate
 * 1.0 ignores shumate_set_user_agent), and kept in a size-limited disk cache
 * in the user's cache folder. "available" turns FALSE when tiles cannot be
 * had (no network, a bad template): the map then draws on a plain
 * background and says so. */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define HIBACHI_TILE_USER_AGENT "HibachiAdmin/" PACKAGE_VERSION " (+https://myhibachichef.com)"
/* Disk cache limit in bytes. */
#define HIBACHI_TILE_CACHE_BYTES (200u * 1024u * 1024u)

#define HIBACHI_TYPE_TILE_SOURCE (hibachi_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (HibachiTileSource, hibachi_tile_source, HIBACHI, TILE_SOURCE, ShumateDataSource)

/* Stores between two trims of the disk cache to its limit. */
#define HIBACHI_TILE_STORES_PER_PURGE 64

HibachiTileSource *hibachi_tile_source_new              (const char        *url_template);
/* The same, caching in @cache_dir up to @cache_bytes (trimmed every
 * HIBACHI_TILE_STORES_PER_PURGE tiles stored, the oldest first). */
HibachiTileSource *hibachi_tile_source_new_full         (const char        *url_template,
                                                         const char        *cache_dir,
                                                         guint              cache_bytes);
const char        *hibachi_tile_source_get_url_template (HibachiTileSource *self);
gboolean           hibachi_tile_source_get_available    (HibachiTileSource *self);
/* Tiles read from the network, and from the disk cache, so far. */
guint              hibachi_tile_source_get_n_requested  (HibachiTileSource *self);
guint              hibachi_tile_source_get_n_fetched    (HibachiTileSource *self);
guint              hibachi_tile_source_get_n_cached     (HibachiTileSource *self);

/* A raster map source of these tiles, with the attribution ShumateLicense
 * shows (OpenStreetMap's for its servers). */
ShumateMapSource  *hibachi_tile_source_new_map_source   (HibachiTileSource *self);

G_END_DECLS
