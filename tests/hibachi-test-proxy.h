/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-proxy.h: a TCP proxy on 127.0.0.1 in front of a test server
 * that can hold back the answers to some requests, for tests that need two
 * requests answered in the other order than they were sent (an older
 * answer landing after a newer one). Bytes pass unchanged otherwise. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HibachiTestProxy HibachiTestProxy;

/* In front of the server at @upstream_url ("http://127.0.0.1:PORT"). */
HibachiTestProxy *hibachi_test_proxy_new          (const char       *upstream_url);
/* "http://127.0.0.1:PORT" of the proxy. */
const char       *hibachi_test_proxy_get_url      (HibachiTestProxy *proxy);
/* From now on, the answer to each request whose request line contains
 * @needle ("GET /path?query HTTP/1.1") waits until
 * hibachi_test_proxy_release(). */
void              hibachi_test_proxy_hold         (HibachiTestProxy *proxy,
                                                   const char       *needle);
/* Lets the held answers go, and holds nothing more. */
void              hibachi_test_proxy_release      (HibachiTestProxy *proxy);
/* How many answers are waiting now. */
guint             hibachi_test_proxy_count_held   (HibachiTestProxy *proxy);
void              hibachi_test_proxy_free         (HibachiTestProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiTestProxy, hibachi_test_proxy_free)

G_END_DECLS
