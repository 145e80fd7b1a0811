/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-png.h: a minimal PNG writer (RGB, zlib via GIO) so the
 * server can make real sample photos without an image library. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *hibachi_png_encode_rgb (const guint8 *pixels,
                                guint         width,
                                guint         height);

G_END_DECLS
