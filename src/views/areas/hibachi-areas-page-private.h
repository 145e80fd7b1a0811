/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-areas-page-private.h: what the page's files share: the page
 * (hibachi-areas-page.c: loading, stations, bookings), its area check
 * (-check.c) and its station edits (-edit.c: save, 412, undo). */
#pragma once

#include "hibachi-address-entry.h"
#include "hibachi-change-feed.h"
#include "hibachi-areas-page.h"
#include "hibachi-status-view.h"

G_BEGIN_DECLS

struct _HibachiAreasPage
{
  HibachiPage           parent_instance;

  HibachiSession       *session;
  HibachiUndoStack     *undo_stack;
  HibachiChangeFeed    *feed;                 /* others' changes to stations */
  GSettings            *settings;
  GCancellable         *cancellable;          /* stations and saves */
  GCancellable         *bookings_cancellable;
  GPtrArray            *stations;             /* HibachiStation */
  GPtrArray            *bookings;
  GHashTable           *sheets;               /* station id → HibachiPriceSheet */
  gboolean              loading;
  gboolean              shown_all;
  gboolean              load_when_shown;  /* signed in while hidden: nothing loaded yet */
  gboolean              saving;
  char                 *select_after_save;
  HibachiLatLng         check_point;
  gboolean              has_check;

  /* The template's: NULL until the page is first shown
   * (hibachi_page_was_shown()). */
  HibachiStatusView    *status_view;
  GtkBox               *content_box;
  GtkBox               *side_box;
  AdwPreferencesGroup  *check_group;
  HibachiAddressEntry  *check_address;
  GtkWidget            *check_result_group;
  AdwActionRow         *check_station_row;
  AdwActionRow         *check_verdict_row;
  GtkImage             *check_verdict_icon;
  AdwActionRow         *check_fee_row;
  GtkDropDown          *date_dropdown;
  AdwActionRow         *legend_row;
  GtkWidget            *new_station_button;
  GtkListBox           *station_list;
  /* Built when the page is first shown, NULL until then: at startup they
   * cost most of the page's construction, on the way to the first rows. */
  HibachiStationEditor *editor;
  HibachiAreasMap      *map;
};

gboolean        hibachi_areas_page_can_edit_station (HibachiAreasPage *self,
                                                     HibachiStation   *station);
HibachiStation *hibachi_areas_page_find_station     (HibachiAreasPage *self,
                                                     const char       *id);
void            hibachi_areas_page_update_actions   (HibachiAreasPage *self);
void            hibachi_areas_page_show_stations    (HibachiAreasPage *self);
void            hibachi_areas_page_replace_station  (HibachiAreasPage *self,
                                                     HibachiStation   *station);
void            hibachi_areas_page_edit_station     (HibachiAreasPage *self,
                                                     HibachiStation   *station);
void            hibachi_areas_page_run_check        (HibachiAreasPage *self);

/* Template callbacks and actions of -check.c and -edit.c */
void            hibachi_areas_page_point_clicked_cb (HibachiAreasPage *self,
                                                     double            lat,
                                                     double            lng);
void            hibachi_areas_page_check_address_cb (HibachiAreasPage *self);
void            hibachi_areas_page_editor_changed_cb (HibachiAreasPage *self);
void            hibachi_areas_page_station_moved_cb (HibachiAreasPage *self,
                                                     const char       *station_id,
                                                     double            lat,
                                                     double            lng);
void            hibachi_areas_page_undone_cb        (HibachiAreasPage   *self,
                                                     HibachiUndoCommand *command);
void            hibachi_areas_page_save_action      (GtkWidget        *widget,
                                                     const char       *action_name,
                                                     GVariant         *parameter);
void            hibachi_areas_page_revert_action    (GtkWidget        *widget,
                                                     const char       *action_name,
                                                     GVariant         *parameter);
void            hibachi_areas_page_new_station_action (GtkWidget      *widget,
                                                     const char       *action_name,
                                                     GVariant         *parameter);

/* HibachiPage's virtual functions of -edit.c */
void            hibachi_areas_page_save_async       (HibachiPage         *page,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean        hibachi_areas_page_save_finish      (HibachiPage         *page,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void            hibachi_areas_page_discard          (HibachiPage         *page);
char           *hibachi_areas_page_dup_unsaved      (HibachiPage         *page);

G_END_DECLS
