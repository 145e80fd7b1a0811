/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-client-private.h: how HibachiClient reads a reply body, for the
 * client's fuzz target (tests/fuzz/fuzz-client-decode.c). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The JSON of a reply body; NULL for an empty body, or NULL with a PARSE
 * error when it is not JSON. */
JsonNode *hibachi_client_parse_json       (GBytes       *bytes,
                                           GError      **error);
/* The HIBACHI_API_ERROR a 4xx/5xx reply stands for, with the server's
 * message when the body carries one; @out_details receives error.details. */
GError   *hibachi_client_error_from_reply (guint         status,
                                           GBytes       *bytes,
                                           JsonObject  **out_details);

G_END_DECLS
