/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-json-text.h: a byte scan of JSON text before json-glib parses it.
 * json-glib's parser recurses once per nesting level (a long run of "[" ends
 * the process with a stack overflow), accepts comments and single quotes, and
 * cuts strings at "\u0000". The scan refuses all of that in one pass that
 * needs no memory beyond the text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Arrays and objects nested deeper than this are refused. */
#define HIBACHI_JSON_MAX_DEPTH 64

typedef enum
{
  HIBACHI_JSON_TEXT_OK,
  HIBACHI_JSON_TEXT_TOO_DEEP,     /* nesting beyond the limit */
  HIBACHI_JSON_TEXT_NOT_STRICT,   /* outside strings, a character JSON does not have
                                   * (comments, single quotes, identifiers) */
  HIBACHI_JSON_TEXT_BAD_STRING,   /* a string holds U+0000 or a lone surrogate */
} HibachiJsonTextIssue;

/* Scans @len bytes of @data. For HIBACHI_JSON_TEXT_BAD_STRING, @out_member
 * (when not NULL) receives the name of the top-level object member whose value
 * holds the string, or NULL when the string is itself a member name or the
 * text is not an object. Other problems of the text (unbalanced brackets,
 * bad numbers) are left to the parser. */
HibachiJsonTextIssue hibachi_json_text_check (const char  *data,
                                              gsize        len,
                                              guint        max_depth,
                                              char       **out_member);

G_END_DECLS
