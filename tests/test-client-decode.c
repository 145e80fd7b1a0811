/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the client makes of reply bodies a broken or hostile server could
 * send (cases found by tests/fuzz/fuzz-client-decode.c): a clear PARSE error
 * or the status's own message, never a crash or a critical. */
#include "config.h"

#include <string.h>

#include "hibachi-api-error.h"
#include "hibachi-client.h"
#include "hibachi-client-private.h"

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_white_space (void)
{
  g_autoptr(GBytes) body = text_bytes (" \r\n\t ");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = hibachi_client_parse_json (body, &error);

  /* As an empty body: no JSON, and no error. */
  g_assert_null (node);
  g_assert_no_error (error);
}

static void
test_deep_nesting (void)
{
  gsize len = 256 * 1024;
  char *text = g_malloc (len);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* json-glib's recursive parser overflows the stack on this. */
  memset (text, '[', len);
  body = g_bytes_new_take (text, len);
  node = hibachi_client_parse_json (body, &error);
  g_assert_null (node);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PARSE);
}

static void
test_shallow_nesting (void)
{
  g_autoptr(GBytes) body = text_bytes ("{\"data\": [[[[{\"a\": [1, 2]}]]]], \"total_count\": 1}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = hibachi_client_parse_json (body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "total_count"), ==, 1);
}

static void
test_error_message (void)
{
  g_autoptr(GBytes) body = text_bytes ("{\"success\": false, \"error\": {\"code\": \"CONFLICT\", "
                                       "\"message\": \"Only pending bookings can be confirmed.\", "
                                       "\"details\": {\"status\": \"cancelled\"}, \"timestamp\": \"2026-12-01T10:00:00Z\"}}");
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(GError) error = hibachi_client_error_from_reply (409, body, &details);

  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Only pending bookings can be confirmed.");
  g_assert_cmpstr (json_object_get_string_member (details, "status"), ==, "cancelled");
}

static void
test_error_message_not_text (void)
{
  g_autoptr(GBytes) body = text_bytes ("{\"success\": false, \"error\": {\"code\": \"NOT_FOUND\", "
                                       "\"message\": {\"text\": \"No such booking.\"}, \"details\": 7}}");
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(GError) error = hibachi_client_error_from_reply (404, body, &details);

  /* The status speaks instead of a message that is not text. */
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Not Found");
  g_assert_null (details);
}

/* Members of the wrong type read as absent, without a critical (a sign-in
 * reply whose "email" is an object used to abort the app under
 * fatal-criticals, and log a critical otherwise). */
static void
test_member_types (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"s\":\"text\",\"i\":42,\"o\":{\"a\":1},"
                                               "\"l\":[\"x\"],\"n\":null,\"d\":1.5,\"b\":true}", NULL);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (hibachi_json_get_string (object, "s"), ==, "text");
  g_assert_cmpint (hibachi_json_get_int (object, "i"), ==, 42);
  g_assert_cmpint (hibachi_json_get_int (object, "d"), ==, 1);
  for (const char * const *m = (const char * const[]) { "i", "o", "l", "n", "d", "b", "missing", NULL }; *m; m++)
    g_assert_null (hibachi_json_get_string (object, *m));
  for (const char * const *m = (const char * const[]) { "s", "o", "l", "n", "missing", NULL }; *m; m++)
    {
      g_assert_cmpint (hibachi_json_get_int (object, *m), ==, 0);
      g_assert_cmpfloat (hibachi_json_get_double (object, *m), ==, 0.0);
    }
  g_assert_null (hibachi_json_get_string (NULL, "s"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hibachi/client-decode/white-space", test_white_space);
  g_test_add_func ("/hibachi/client-decode/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hibachi/client-decode/shallow-nesting", test_shallow_nesting);
  g_test_add_func ("/hibachi/client-decode/error-message", test_error_message);
  g_test_add_func ("/hibachi/client-decode/error-message-not-text", test_error_message_not_text);
  g_test_add_func ("/hibachi/client-decode/member-types", test_member_types);

  return g_test_run ();
}
