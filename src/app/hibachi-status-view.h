/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-status-view.h: a page's content, or why there is none: loading,
 * empty (with a way out), an error (with Retry) or offline (Hibachi Admin
 * tries again by itself). One look for every page. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_STATUS_CONTENT,
  HIBACHI_STATUS_LOADING,
  HIBACHI_STATUS_EMPTY,
  HIBACHI_STATUS_ERROR,
  HIBACHI_STATUS_OFFLINE,
} HibachiStatus;

GType hibachi_status_get_type (void);
#define HIBACHI_TYPE_STATUS (hibachi_status_get_type ())

#define HIBACHI_TYPE_STATUS_VIEW (hibachi_status_view_get_type ())

G_DECLARE_FINAL_TYPE (HibachiStatusView, hibachi_status_view, HIBACHI, STATUS_VIEW, GtkWidget)

GtkWidget     *hibachi_status_view_get_child    (HibachiStatusView *self);
void           hibachi_status_view_set_child    (HibachiStatusView *self,
                                                 GtkWidget         *child);
HibachiStatus  hibachi_status_view_get_status   (HibachiStatusView *self);
void           hibachi_status_view_set_status   (HibachiStatusView *self,
                                                 HibachiStatus      status);
/* The error or offline page's explanation (the server's message). */
const char    *hibachi_status_view_get_message  (HibachiStatusView *self);
void           hibachi_status_view_set_message  (HibachiStatusView *self,
                                                 const char        *message);

G_END_DECLS
