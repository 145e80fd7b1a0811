/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-page.h: one page of the window (Bookings, Dispatch…). A page is
 * its folder in src/views/ plus one <child> in hibachi-window.ui: the window
 * hands it the context, builds its sidebar row from its title, icon and
 * badge, sets its station, and asks it about unsaved changes before the
 * window closes or the user signs out. */
#pragma once

#include <adwaita.h>

#include "hibachi-context.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_PAGE (hibachi_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HibachiPage, hibachi_page, HIBACHI, PAGE, GtkWidget)

struct _HibachiPageClass
{
  GtkWidgetClass parent_class;

  /* The context's account changed: signed in (load) or out (forget). */
  void     (*account_changed)       (HibachiPage          *self);
  void     (*station_changed)       (HibachiPage          *self);
  void     (*reload)                (HibachiPage          *self);
  void     (*focus_search)          (HibachiPage          *self);
  /* What is unsaved ("Booking MH-100398"), or NULL when nothing is. */
  char    *(*dup_unsaved)           (HibachiPage          *self);
  void     (*save_async)            (HibachiPage          *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
  gboolean (*save_finish)           (HibachiPage          *self,
                                     GAsyncResult         *result,
                                     GError              **error);
  void     (*discard)               (HibachiPage          *self);
  /* The page is mapped for the first time. The window builds every page
   * at startup while only one is shown: a page builds what is costly and
   * only useful on screen here (state it received before is applied
   * then). Runs after the page's own children are mapped. */
  void     (*first_shown)           (HibachiPage          *self);
  /* A restored session is being confirmed (HIBACHI_SESSION_CONFIRMING)
   * and this page is the one shown: ask ahead (hibachi_client_prefetch())
   * for what account_changed will load, so that it goes out beside the
   * confirmation instead of after it. Optional. */
  void     (*prefetch)              (HibachiPage          *self,
                                     HibachiSession       *session);
};

HibachiContext *hibachi_page_get_context     (HibachiPage          *self);
void            hibachi_page_set_context     (HibachiPage          *self,
                                              HibachiContext       *context);
/* Shortcuts into the context; NULL while signed out. */
HibachiSession  *hibachi_page_get_session    (HibachiPage          *self);
HibachiDirectory *hibachi_page_get_directory (HibachiPage          *self);
const char     *hibachi_page_get_title       (HibachiPage          *self);
void            hibachi_page_set_title       (HibachiPage          *self,
                                              const char           *title);
const char     *hibachi_page_get_icon_name   (HibachiPage          *self);
void            hibachi_page_set_icon_name   (HibachiPage          *self,
                                              const char           *icon_name);
/* A count beside the title in the sidebar (0: none), and what it counts. */
guint           hibachi_page_get_badge_count (HibachiPage          *self);
void            hibachi_page_set_badge_count (HibachiPage          *self,
                                              guint                 count);
/* The page's content is on its way (shown as loading), not there yet:
 * the window waits for it before it first shows itself. */
gboolean        hibachi_page_get_loading     (HibachiPage          *self);
void            hibachi_page_set_loading     (HibachiPage          *self,
                                              gboolean              loading);
const char     *hibachi_page_get_badge_description (HibachiPage    *self);
void            hibachi_page_set_badge_description (HibachiPage    *self,
                                              const char           *description);
/* The station the window shows (NULL: every station the user may see). */
const char     *hibachi_page_get_station_id  (HibachiPage          *self);
void            hibachi_page_set_station_id  (HibachiPage          *self,
                                              const char           *station_id);
/* The page has been shown (its first_shown has run, or is running): what
 * it builds then exists. */
gboolean        hibachi_page_was_shown       (HibachiPage          *self);
void            hibachi_page_reload          (HibachiPage          *self);
void            hibachi_page_prefetch        (HibachiPage          *self,
                                              HibachiSession       *session);
void            hibachi_page_focus_search    (HibachiPage          *self);
char           *hibachi_page_dup_unsaved     (HibachiPage          *self);
void            hibachi_page_save_async      (HibachiPage          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean        hibachi_page_save_finish     (HibachiPage          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void            hibachi_page_discard         (HibachiPage          *self);
/* The capability a user needs for the page (src/core/hibachi-roles); the
 * page hides itself, and its sidebar row with it, from anyone without it.
 * Subclasses set it in their init. */
void            hibachi_page_set_required_capability (HibachiPage *self,
                                              HibachiCapability     capability);
/* Whether the signed-in user may use the page. */
gboolean        hibachi_page_get_allowed     (HibachiPage          *self);
/* (transfer full) the GtkStackPages of @stack's pages the user may use,
 * following as each page shows or hides itself: the sidebar's model. */
GListModel     *hibachi_page_list_allowed    (GtkStack             *stack);
/* A toast in the window of @widget (a page or anything inside one). */
void            hibachi_page_toast           (GtkWidget            *widget,
                                              const char           *message);

G_END_DECLS
