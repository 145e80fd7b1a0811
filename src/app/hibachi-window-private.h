/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-window-private.h: what the window's files share: the window
 * itself (hibachi-window.c), its start (-startup.c: the session restored
 * from the keyring, the window shown with its first content) and its
 * navigation (-navigation.c: sidebar, pages, back). */
#pragma once

#include "hibachi-demo-server.h"
#include "hibachi-directory.h"
#include "hibachi-sign-in-page.h"
#include "hibachi-split-layout.h"
#include "hibachi-window.h"

G_BEGIN_DECLS

struct _HibachiWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HibachiContext       *context;
  HibachiSession       *session;
  HibachiDirectory     *directory;
  HibachiDemoServer    *demo;
  GCancellable         *cancellable;
  GPtrArray            *station_choices;   /* station id per dropdown entry, NULL = all */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *loading_page;
  HibachiSignInPage    *sign_in_page;     /* NULL until first shown */
  HibachiSplitLayout   *layout;
  GtkDropDown          *station_dropdown;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *primary_menu_button;
  AdwHeaderBar         *content_header;
  GtkImage             *connection_icon;
  GtkLabel             *connection_label;
  GtkListBox           *sidebar_list;
  GtkStack             *pages;
  gboolean              close_confirmed;   /* unsaved changes were saved or discarded */
  guint                 present_id;        /* the latest the window shows itself */
};

/* hibachi-window.c */
void     hibachi_window_show_page    (HibachiWindow  *self,
                                      const char     *page);
void     hibachi_window_set_session  (HibachiWindow  *self,
                                      HibachiSession *session);
void     hibachi_window_signed_in    (HibachiWindow  *self);
void     hibachi_window_show_sign_in (HibachiWindow  *self,
                                      const char     *message,
                                      gboolean        is_error);

/* hibachi-window-navigation.c: from the window's class_init and init */
void     hibachi_window_class_init_navigation (GtkWidgetClass *widget_class);
void     hibachi_window_init_navigation       (HibachiWindow  *self);
void     hibachi_window_select_row_of         (HibachiWindow  *self,
                                               GtkWidget      *page);

/* hibachi-window-startup.c */
/* Takes the restore begun at the application's startup (or begins one) and
 * shows "Restoring Your Session…": FALSE when there is no session to restore. */
gboolean hibachi_window_restore      (HibachiWindow      *self,
                                      HibachiApplication *application);

G_END_DECLS
