/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-server-png"

#include "config.h"

#include <gio/gio.h>

#include "hibachi-server-png.h"

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&ready, 1);
    }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint32 crc;

  append_be32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, (guint) len);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  append_be32 (out, crc);
}

GBytes *
hibachi_png_encode_rgb (const guint8 *pixels,
                        guint         width,
                        guint         height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GByteArray) z = g_byte_array_new ();
  static const guint8 signature[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
  guint8 header[13];

  /* Scanlines with filter byte 0. */
  for (guint y = 0; y < height; y++)
    {
      guint8 filter = 0;

      g_byte_array_append (raw, &filter, 1);
      g_byte_array_append (raw, pixels + (gsize) y * width * 3, width * 3);
    }

  /* The IDAT payload is a zlib stream. */
  {
    g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
    g_autoptr(GError) error = NULL;
    gsize bound = raw->len + raw->len / 100 + 1024;
    gsize read = 0, written = 0;

    g_byte_array_set_size (z, (guint) bound);
    if (g_converter_convert (G_CONVERTER (compressor), raw->data, raw->len, z->data, bound,
                             G_CONVERTER_INPUT_AT_END, &read, &written, &error) != G_CONVERTER_FINISHED)
      g_error ("Cannot compress a PNG: %s", error ? error->message : "output too small");
    g_byte_array_set_size (z, (guint) written);
  }

  header[0] = width >> 24; header[1] = width >> 16; header[2] = width >> 8; header[3] = width;
  header[4] = height >> 24; header[5] = height >> 16; header[6] = height >> 8; header[7] = height;
  header[8] = 8;   /* bit depth */
  header[9] = 2;   /* RGB */
  header[10] = header[11] = header[12] = 0;

  g_byte_array_append (png, signature, 8);
  append_chunk (png, "IHDR", header, sizeof header);
  append_chunk (png, "IDAT", z->data, z->len);
  append_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
