/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void    hibachi_http_send_and_read_async  (SoupSession          *session,
                                           SoupMessage          *msg,
                                           int                   io_priority,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GBytes *hibachi_http_send_and_read_finish (SoupSession          *session,
                                           GAsyncResult         *result,
                                           GError              **error);
SoupMessage *hibachi_http_get_message     (GAsyncResult         *result);

G_END_DECLS
