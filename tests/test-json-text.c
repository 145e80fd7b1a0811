/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hibachi-core.h"

static HibachiJsonTextIssue
check (const char  *text,
       char       **out_member)
{
  return hibachi_json_text_check (text, strlen (text), HIBACHI_JSON_MAX_DEPTH, out_member);
}

static char *
nested (guint depth, char open, char close)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, open);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, close);

  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *at_limit = nested (64, '[', ']');
  g_autofree char *beyond = nested (65, '[', ']');
  g_autofree char *huge = g_strnfill (74 * 1024, '[');
  g_autofree char *in_string = g_strconcat ("{\"a\":\"", huge, "\"}", NULL);
  g_autofree char *escaped = g_strconcat ("{\"a\":\"\\\"", beyond, "\"}", NULL);

  g_assert_cmpint (check (at_limit, NULL), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_cmpint (check (beyond, NULL), ==, HIBACHI_JSON_TEXT_TOO_DEEP);
  g_assert_cmpint (check (huge, NULL), ==, HIBACHI_JSON_TEXT_TOO_DEEP);
  /* Brackets in strings, also after an escaped quote, are text. */
  g_assert_cmpint (check (in_string, NULL), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_cmpint (check (escaped, NULL), ==, HIBACHI_JSON_TEXT_OK);
  /* Closing brackets give the depth back. */
  g_assert_cmpint (check ("[[[]],[[]],{\"a\":{}}]", NULL), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_cmpint (hibachi_json_text_check ("[[[]]]", 6, 2, NULL), ==, HIBACHI_JSON_TEXT_TOO_DEEP);
  g_assert_cmpint (hibachi_json_text_check ("[[],[]]", 7, 2, NULL), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_cmpint (hibachi_json_text_check ("{\"a\":{\"b\":{}}}", 14, 2, NULL), ==, HIBACHI_JSON_TEXT_TOO_DEEP);
}

static void
test_strict (void)
{
  g_assert_cmpint (check ("{\"a\": -1.5e+3, \"b\": [true, false, null]}", NULL), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_cmpint (check ("{/* c */ \"a\": 1}", NULL), ==, HIBACHI_JSON_TEXT_NOT_STRICT);
  g_assert_cmpint (check ("{\"a\": 1} // c", NULL), ==, HIBACHI_JSON_TEXT_NOT_STRICT);
  g_assert_cmpint (check ("{'a': 1}", NULL), ==, HIBACHI_JSON_TEXT_NOT_STRICT);
  g_assert_cmpint (check ("{\"a\": 'b'}", NULL), ==, HIBACHI_JSON_TEXT_NOT_STRICT);
  g_assert_cmpint (check ("{\"a\": 0x10}", NULL), ==, HIBACHI_JSON_TEXT_NOT_STRICT);
  /* Inside strings anything goes. */
  g_assert_cmpint (check ("{\"a\": \"it's /* not */ a comment\"}", NULL), ==, HIBACHI_JSON_TEXT_OK);
}

static void
test_bad_strings (void)
{
  g_autofree char *member = NULL;

  g_assert_cmpint (check ("{\"a\":\"ab\\u0000cd\"}", &member), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_cmpstr (member, ==, "a");
  g_clear_pointer (&member, g_free);

  /* A high surrogate alone, at the end, or before something else than a low one. */
  g_assert_cmpint (check ("{\"a\":1,\"notes\":\"x\\ud83dy\"}", &member), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_cmpstr (member, ==, "notes");
  g_clear_pointer (&member, g_free);
  g_assert_cmpint (check ("{\"n\":\"x\\uD83D\"}", NULL), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_cmpint (check ("{\"n\":\"\\ud83d\\u0041\"}", NULL), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  /* A low surrogate alone. */
  g_assert_cmpint (check ("{\"n\":\"\\ude00\"}", NULL), ==, HIBACHI_JSON_TEXT_BAD_STRING);

  /* Nested values name the top-level member that holds them. */
  g_assert_cmpint (check ("{\"ok\":\"\\u00e9\",\"allergens\":[\"nuts\",\"\\u0000\"]}", &member), ==,
                   HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_cmpstr (member, ==, "allergens");
  g_clear_pointer (&member, g_free);
  g_assert_cmpint (check ("{\"week\":{\"mon\":\"\\u0000\"}}", &member), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_cmpstr (member, ==, "week");
  g_clear_pointer (&member, g_free);

  /* A bad member name has no member to blame. */
  g_assert_cmpint (check ("{\"a\\u0000\":1}", &member), ==, HIBACHI_JSON_TEXT_BAD_STRING);
  g_assert_null (member);

  /* Pairs, other escapes and an escaped backslash before "u" are fine. */
  g_assert_cmpint (check ("{\"a\":\"\\ud83d\\ude00 \\\\u0000 \\n \\\" \\u0001\"}", &member), ==, HIBACHI_JSON_TEXT_OK);
  g_assert_null (member);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/json-text/depth", test_depth);
  g_test_add_func ("/hibachi/json-text/strict", test_strict);
  g_test_add_func ("/hibachi/json-text/bad-strings", test_bad_strings);

  return g_test_run ();
}
