/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-wait.h: waiting in tests for what the main loop brings. A
 * wait that never ends fails the test with what it waited for. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
hibachi_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define HIBACHI_TEST_WAIT_SECONDS 30

#define WAIT_FOR(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (HIBACHI_TEST_WAIT_SECONDS, hibachi_test_timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (timed_out_) \
      g_error ("Timed out waiting for %s", #condition); \
    g_source_remove (id_); \
  } G_STMT_END

/* Lets the main loop run for @ms: layout, transitions, other processes. */
static inline void
hibachi_test_pause_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, hibachi_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs what the main loop has pending now, without waiting for more. */
static inline void
hibachi_test_settle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++);
}

/* Keeps the result of an async call for its _finish. */
static inline void
hibachi_test_store_result_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

G_END_DECLS
