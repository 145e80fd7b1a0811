/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-schema.h: the database schema as ordered migrations.
 * Migration i brings PRAGMA user_version from i to i + 1. Never edit a
 * migration that has shipped; append a new one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char * const hibachi_server_schema_migrations[];
extern const guint hibachi_server_schema_n_migrations;

G_END_DECLS
