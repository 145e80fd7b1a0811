/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every kind of error reply is what the API document promises: its body
 * matches the Error schema of the served document, and the operation
 * documents that status. */
#include "config.h"

#include <string.h>

#include "hibachi-test-server.h"

typedef struct
{
  HibachiTestServer *ts;
  JsonNode          *doc;
  char              *owner;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiTestResponse) r = NULL;

  f->ts = hibachi_test_server_start (20);
  f->owner = hibachi_test_login (f->ts, "owner@demo.test");
  r = hibachi_test_request (f->ts, "GET", "/api/openapi.json", NULL, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  f->doc = json_node_ref (r->json);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_free (f->owner);
  json_node_unref (f->doc);
  hibachi_test_server_stop (f->ts);
}

static JsonObject *
resolve (Fixture    *f,
         JsonObject *schema)
{
  const char *ref = json_object_get_string_member_with_default (schema, "$ref", NULL);
  g_auto(GStrv) parts = NULL;
  JsonObject *target;

  if (ref == NULL)
    return schema;

  g_assert_true (g_str_has_prefix (ref, "#/"));
  parts = g_strsplit (ref + 2, "/", -1);
  target = json_node_get_object (f->doc);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!json_object_has_member (target, parts[i]))
        g_error ("%s does not resolve", ref);
      target = json_object_get_object_member (target, parts[i]);
    }

  return resolve (f, target);
}

static const char *
node_type (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_INT64:
      return "integer";
    case G_TYPE_DOUBLE:
      return "number";
    case G_TYPE_BOOLEAN:
      return "boolean";
    default:
      return "unknown";
    }
}

/* The subset of OpenAPI 3.0 schemas the Error envelope uses. Returns NULL
 * when @node matches, else what does not (at @where). */
static char *
mismatch (Fixture    *f,
          JsonObject *schema,
          JsonNode   *node,
          const char *where)
{
  const char *type, *actual = node_type (node);

  schema = resolve (f, schema);
  type = json_object_get_string_member_with_default (schema, "type", NULL);

  if (JSON_NODE_HOLDS_NULL (node))
    return json_object_get_boolean_member_with_default (schema, "nullable", FALSE)
      ? NULL : g_strdup_printf ("%s is null", where);

  if (type != NULL && g_strcmp0 (type, actual) != 0 &&
      !(g_str_equal (type, "number") && g_str_equal (actual, "integer")))
    return g_strdup_printf ("%s is %s, not %s", where, actual, type);

  if (json_object_has_member (schema, "enum"))
    {
      JsonArray *values = json_object_get_array_member (schema, "enum");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (values) && !found; i++)
        found = json_node_equal (json_array_get_element (values, i), node);
      if (!found)
        return g_strdup_printf ("%s is not one of the documented values", where);
    }

  if (g_strcmp0 (json_object_get_string_member_with_default (schema, "format", NULL), "date-time") == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

      if (time == NULL)
        return g_strdup_printf ("%s is not an RFC 3339 date-time", where);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *properties = json_object_has_member (schema, "properties")
        ? json_object_get_object_member (schema, "properties") : NULL;
      JsonNode *additional = json_object_get_member (schema, "additionalProperties");
      JsonArray *required = json_object_has_member (schema, "required")
        ? json_object_get_array_member (schema, "required") : NULL;
      g_autoptr(GList) members = json_object_get_members (object);

      for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
        if (!json_object_has_member (object, json_array_get_string_element (required, i)))
          return g_strdup_printf ("%s lacks the required %s", where, json_array_get_string_element (required, i));

      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *inner = g_strconcat (where, ".", (const char *) l->data, NULL);
          JsonObject *member_schema = NULL;

          if (properties != NULL && json_object_has_member (properties, l->data))
            member_schema = json_object_get_object_member (properties, l->data);
          else if (additional != NULL && JSON_NODE_HOLDS_OBJECT (additional))
            member_schema = json_node_get_object (additional);
          else if (additional != NULL && !json_node_get_boolean (additional))
            return g_strdup_printf ("%s is not documented", inner);

          if (member_schema != NULL)
            {
              char *problem = mismatch (f, member_schema, json_object_get_member (object, l->data), inner);

              if (problem != NULL)
                return problem;
            }
        }
    }

  if (JSON_NODE_HOLDS_ARRAY (node) && json_object_has_member (schema, "items"))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", where, i);
          char *problem = mismatch (f, json_object_get_object_member (schema, "items"),
                                    json_array_get_element (array, i), inner);

          if (problem != NULL)
            return problem;
        }
    }

  return NULL;
}

/* @r is an error reply of the operation @method @pattern as documented. */
static void
assert_documented_error (Fixture             *f,
                         HibachiTestResponse *r,
                         const char          *method,
                         const char          *pattern,
                         guint                status,
                         const char          *code)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (f->doc), "paths");
  g_autofree char *lower = g_ascii_strdown (method, -1);
  g_autofree char *status_text = g_strdup_printf ("%u", status);
  g_autofree char *problem = NULL;
  JsonObject *operation, *responses, *response, *media, *error;

  g_assert_cmpuint (r->status, ==, status);
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  error = json_object_get_object_member (hibachi_test_response_object (r), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);

  operation = json_object_get_object_member (json_object_get_object_member (paths, pattern), lower);
  responses = json_object_get_object_member (operation, "responses");
  if (!json_object_has_member (responses, status_text))
    g_error ("%s %s replied %u, which its operation does not document", method, pattern, status);
  response = resolve (f, json_object_get_object_member (responses, status_text));
  media = json_object_get_object_member (json_object_get_object_member (response, "content"), "application/json");
  problem = mismatch (f, json_object_get_object_member (media, "schema"), r->json, "body");
  if (problem != NULL)
    g_error ("%s %s → %u: %s", method, pattern, status, problem);
}

static void
test_error_replies (Fixture *f, gconstpointer data)
{
  g_autofree char *chef = hibachi_test_login (f->ts, "chef.kenji@demo.test");
  g_autofree char *id = hibachi_test_first_id (f->ts, f->owner, "/api/v1/bookings?status=pending");
  g_autofree char *booking = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *confirm = g_strconcat (booking, "/confirm", NULL);
  g_autofree char *etag = NULL;

  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL, "{\"email\": [", NULL);
    assert_documented_error (f, r, "POST", "/api/auth/login", 400, "BAD_REQUEST");
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/auth/me", NULL, NULL, NULL);
    assert_documented_error (f, r, "GET", "/api/auth/me", 401, "UNAUTHORIZED");
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "WWW-Authenticate"), ==, "Bearer");
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/v1/chefs", chef, NULL, NULL);
    assert_documented_error (f, r, "GET", "/api/v1/chefs", 403, "FORBIDDEN");
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", "/api/v1/bookings/00000000-0000-4000-8000-000000000000",
                                                             f->owner, NULL, NULL);
    assert_documented_error (f, r, "GET", "/api/v1/bookings/{id}", 404, "NOT_FOUND");
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, "{}", NULL);
    assert_documented_error (f, r, "POST", "/api/v1/bookings", 422, "VALIDATION_ERROR");
  }
  {
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", booking, f->owner, NULL, NULL);

    etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    g_assert_nonnull (etag);
  }
  {
    /* Stale: details.current is the booking as it is now. */
    g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "PATCH", booking, f->owner,
                                                             "{\"special_requests\": \"Window seats\"}",
                                                             "If-Match", "\"999\"", NULL);
    assert_documented_error (f, r, "PATCH", "/api/v1/bookings/{id}", 412, "PRECONDITION_FAILED");
  }
  {
    /* A blind write, then a malformed tag: nothing is written either time. */
    g_autoptr(HibachiTestResponse) blind = hibachi_test_request (f->ts, "PATCH", booking, f->owner,
                                                                 "{\"special_requests\": \"Window seats\"}", NULL);
    g_autoptr(HibachiTestResponse) malformed = hibachi_test_request (f->ts, "PATCH", booking, f->owner,
                                                                     "{\"special_requests\": \"Window seats\"}",
                                                                     "If-Match", "W/\"1\"x", NULL);
    assert_documented_error (f, blind, "PATCH", "/api/v1/bookings/{id}", 428, "PRECONDITION_REQUIRED");
    assert_documented_error (f, malformed, "PATCH", "/api/v1/bookings/{id}", 400, "BAD_REQUEST");
  }
  {
    g_autoptr(HibachiTestResponse) first = hibachi_test_request (f->ts, "POST", confirm, f->owner, NULL,
                                                                 "If-Match", etag, NULL);
    g_autofree char *next = NULL;
    g_autoptr(HibachiTestResponse) r = NULL;

    g_assert_cmpuint (first->status, ==, 200);
    next = g_strdup (soup_message_headers_get_one (first->headers, "ETag"));
    r = hibachi_test_request (f->ts, "POST", confirm, f->owner, NULL, "If-Match", next, NULL);
    assert_documented_error (f, r, "POST", "/api/v1/bookings/{id}/confirm", 409, "CONFLICT");
  }
  {
    /* Over 1 MiB, refused by its Content-Length before it is read. */
    gsize size = 1024 * 1024 + 16;
    char *big = g_malloc (size);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(HibachiTestResponse) r = NULL;

    memset (big, ' ', size);
    big[0] = '{';
    big[size - 1] = '}';
    bytes = g_bytes_new_take (big, size);
    r = hibachi_test_request_raw (f->ts, "POST", "/api/auth/login", NULL, "application/json", bytes);
    assert_documented_error (f, r, "POST", "/api/auth/login", 413, "BAD_REQUEST");
  }
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/auth/login", NULL,
                                                               "{\"email\": \"office@demo.test\", \"password\": \"wrong password\"}",
                                                               NULL);

      if (r->status == 401)
        continue;
      assert_documented_error (f, r, "POST", "/api/auth/login", 429, "RATE_LIMIT_EXCEEDED");
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (
        hibachi_test_response_object (r), "error"), "details"), "retry_after_seconds"), >, 0);
      return;
    }
  g_error ("Ten wrong passwords were never rate limited");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/server-errors/replies", Fixture, NULL, setup, test_error_replies, teardown);

  return g_test_run ();
}
