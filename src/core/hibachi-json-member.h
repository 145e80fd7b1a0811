/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-json-member.h: members of a JSON object that a caller or a server
 * may have sent with another type than expected. json-glib's own getters
 * log a critical (fatal in tests) for a member that is an object or an
 * array; these read it as absent instead. Used by the server on request
 * bodies and by the client on replies. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The string, or NULL unless @member is a string (or @object is NULL). */
const char *hibachi_json_get_string (JsonObject *object,
                                     const char *member);
/* The number as an integer, or 0 unless @member is a number or boolean. */
gint64      hibachi_json_get_int    (JsonObject *object,
                                     const char *member);
/* The number as a double, or 0.0 unless @member is a number or boolean. */
double      hibachi_json_get_double (JsonObject *object,
                                     const char *member);

G_END_DECLS
