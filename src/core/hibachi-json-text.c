/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-json-text"

#include "config.h"

#include <string.h>

#include "hibachi-json-text.h"

/* The four hex digits after "\u" at @p, or -1. */
static int
read_code_unit (const char *p,
                const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Checks the escapes of the string whose body starts at *@pp; leaves *@pp
 * after its closing quote (or at @end). */
static gboolean
scan_string (const char **pp,
             const char  *end)
{
  const char *p = *pp;
  gboolean valid = TRUE;

  while (p < end && *p != '"')
    {
      int unit, low;

      if (*p != '\\')
        {
          p++;
          continue;
        }

      p++;
      if (p >= end)
        break;
      if (*p != 'u')
        {
          p++;
          continue;
        }

      p++;
      unit = read_code_unit (p, end);
      if (unit < 0)
        continue;   /* a malformed escape: the parser refuses it */
      p += 4;

      if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
        valid = FALSE;
      else if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          /* A high surrogate stands only with a low one right after it. */
          low = (end - p >= 6 && p[0] == '\\' && p[1] == 'u') ? read_code_unit (p + 2, end) : -1;
          if (low < 0xDC00 || low > 0xDFFF)
            valid = FALSE;
          else
            p += 6;
        }
    }

  *pp = p < end ? p + 1 : end;

  return valid;
}

HibachiJsonTextIssue
hibachi_json_text_check (const char  *data,
                         gsize        len,
                         guint        max_depth,
                         char       **out_member)
{
  const char *p = data;
  const char *end = data + len;
  const char *member = NULL;   /* the top-level member name being read or valued */
  gsize member_len = 0;
  gboolean top_is_object = FALSE;
  gboolean expect_key = FALSE;   /* at depth 1 of an object, the next string is a name */
  guint depth = 0;

  if (out_member != NULL)
    *out_member = NULL;

  while (p < end)
    {
      char c = *p;

      switch (c)
        {
        case '"':
          {
            const char *start = ++p;
            gboolean is_key = top_is_object && depth == 1 && expect_key;

            if (!scan_string (&p, end))
              {
                if (out_member != NULL && !is_key && member != NULL)
                  *out_member = g_strndup (member, member_len);
                return HIBACHI_JSON_TEXT_BAD_STRING;
              }
            if (is_key)
              {
                member = start;
                member_len = (gsize) (p - start) - 1;
                expect_key = FALSE;
              }
          }
          continue;

        case '{':
        case '[':
          if (depth == 0)
            top_is_object = c == '{';
          if (++depth > max_depth)
            return HIBACHI_JSON_TEXT_TOO_DEEP;
          if (depth == 1 && top_is_object)
            expect_key = TRUE;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        case ',':
          if (depth == 1 && top_is_object)
            expect_key = TRUE;
          break;

        case ':':
        case ' ': case '\t': case '\n': case '\r':
        case '-': case '+': case '.': case 'e': case 'E':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
        /* the letters of true, false and null */
        case 't': case 'r': case 'u': case 'f': case 'a': case 'l': case 's': case 'n':
          break;

        default:
          return HIBACHI_JSON_TEXT_NOT_STRICT;
        }
      p++;
    }

  return HIBACHI_JSON_TEXT_OK;
}
