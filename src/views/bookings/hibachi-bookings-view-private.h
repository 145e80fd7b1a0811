/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-bookings-view-private.h: what the files of the bookings page
 * share: the page itself (hibachi-bookings-view.c), its columns
 * (-columns.c), actions (-actions.c), query (-query.c), layout
 * (-layout.c), rows (-rows.c) and unsaved changes (-unsaved.c). */
#pragma once

#include "hibachi-booking-detail.h"
#include "hibachi-core.h"
#include "hibachi-bookings-view.h"
#include "hibachi-status-view.h"

G_BEGIN_DECLS

typedef struct _HibachiBoundRow HibachiBoundRow;

struct _HibachiBookingsView
{
  HibachiPage         parent_instance;

  HibachiSession     *session;
  HibachiDirectory   *directory;
  GSettings          *settings;
  HibachiPagedList *list;
  GtkMultiSelection  *selection;
  GtkSliceListModel  *first_rows;      /* the list, a screenful of it until first painted */
  HibachiUndoStack   *undo_stack;
  guint               retry_id;
  guint               reconcile_id;
  GHashTable         *pending_rows;    /* GtkListItem bound or mapped, to check once laid out */
  guint               pending_rows_id;
  GHashTable         *bound_rows;      /* HibachiBooking → HibachiBoundRow, its bound cells */
  GHashTable         *changed_by;      /* booking id → who last changed it, from the change feed */
  gboolean            asking;          /* the unsaved-changes question is open */
  gboolean            reselecting;     /* putting the selection back, not the user */
  gboolean            showing_sort;    /* the headers follow the drop-down, not the user */
  gboolean            narrow;          /* list and detail take turns */
  gboolean            detail_wanted;   /* narrow: the detail has the page (a booking was opened) */
  guint               layout_id;
  int                 list_width;      /* px, what the columns have */
  guint               fit_id;
  char               *longest_reference;  /* of the rows shown so far: the Reference column's width */
  guint               badge_id;        /* the badge counted again after a burst of changes */
  GCancellable       *badge_cancellable;  /* the count asked last */
  const char         *connection;
  GCancellable       *cancellable;

  GtkSearchEntry     *search_entry;
  GtkToggleButton    *pending_toggle;
  GtkToggleButton    *confirmed_toggle;
  GtkToggleButton    *completed_toggle;
  GtkToggleButton    *cancelled_toggle;
  GtkDropDown        *date_dropdown;
  HibachiDates        date_choice;      /* the last choice that stood, to go back to */
  GDate               custom_from;      /* Custom Range…: first and last day */
  GDate               custom_to;
  GtkDropDown        *chef_dropdown;
  GPtrArray          *chef_choices;     /* chef id per chef_dropdown entry, NULL = any */
  GtkToggleButton    *unassigned_toggle;
  GtkWidget          *new_button;
  GtkDropDown        *sort_dropdown;
  HibachiStatusView  *status_view;
  GtkColumnView      *column_view;
  GtkWidget          *detail_pane;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  HibachiBookingDetail *detail;        /* NULL until a booking is first opened */
  GtkLabel           *count_label;
  GtkWidget          *confirm_selected_button;
  GtkWidget          *assign_selected_button;
};

/* The columns of the .ui: which is which, and sorting by header. */
void hibachi_bookings_view_add_columns      (HibachiBookingsView *self);
/* The cell factories of the .ui's columns. */
void hibachi_bookings_view_setup_cell_cb    (GtkSignalListItemFactory *factory,
                                             GtkListItem              *item,
                                             HibachiBookingsView      *self);
void hibachi_bookings_view_bind_cell_cb     (GtkSignalListItemFactory *factory,
                                             GtkListItem              *item,
                                             HibachiBookingsView      *self);
void hibachi_bookings_view_unbind_cell_cb   (GtkSignalListItemFactory *factory,
                                             GtkListItem              *item,
                                             HibachiBookingsView      *self);
/* The server's sort key the list asks for ("-total"), and choosing one. */
const char *hibachi_bookings_view_get_sort_key (HibachiBookingsView *self);
void hibachi_bookings_view_set_sort_key     (HibachiBookingsView *self,
                                             const char          *key);
/* The column headers show the sort order of the drop-down. */
void hibachi_bookings_view_show_sort        (HibachiBookingsView *self);
/* Asks for the pages of the rows scrolled to, and those ahead. */
void hibachi_bookings_view_watch_scrolling (HibachiBookingsView *self);
/* Fills the cells of @row again (it changed, or who changed it is known). */
void hibachi_bookings_view_refresh_row      (HibachiBookingsView *self,
                                             HibachiResource     *row);
/* Lets go of the bound rows' bookings (their handlers), on dispose. */
void hibachi_bookings_view_forget_rows      (HibachiBookingsView *self);
/* The columns that fit in @width px show, the least needed giving way
 * first; each is wide enough for its title and longest value. */
void hibachi_bookings_view_fit_columns      (HibachiBookingsView *self,
                                             int                  width);
/* Moves the list to show the row at @position. */
void hibachi_bookings_view_scroll_to_row    (HibachiBookingsView *self,
                                             guint                position);
/* Narrow: back from the detail to the list, the selection kept. */
void hibachi_bookings_view_show_list        (HibachiBookingsView *self);
/* The columns fitted again, once the current work is done. */
void hibachi_bookings_view_queue_fit        (HibachiBookingsView *self);
/* The layout follows the page's width, the pane's content and Enter on a row. */
void hibachi_bookings_view_width_changed_cb (HibachiBookingsView *self,
                                             int                  width,
                                             int                  height);
void hibachi_bookings_view_list_width_changed_cb (HibachiBookingsView *self,
                                                  int                  width,
                                                  int                  height);
void hibachi_bookings_view_detail_shown_cb  (HibachiBookingsView *self);
void hibachi_bookings_view_row_activated_cb (HibachiBookingsView *self,
                                             guint                position);
/* The page's actions (bookings.*) and their shortcuts. */
void hibachi_bookings_view_install_actions  (GtkWidgetClass      *widget_class);
/* HibachiPage.prefetch: the first page account_changed will ask for. */
void hibachi_bookings_view_prefetch         (HibachiPage         *page,
                                             HibachiSession      *session);
/* A filter changed: a new query, from the top, nothing selected. */
void hibachi_bookings_view_filters_changed  (HibachiBookingsView *self);
/* The date filter changed; Custom Range… asks for the days first. */
void hibachi_bookings_view_dates_changed    (HibachiBookingsView *self);
/* The date filter's drop-down shows a custom range by its days. */
void hibachi_bookings_view_init_dates       (HibachiBookingsView *self);
/* The rows' context menu (hibachi-bookings-view-menu.c): its action, its
 * click and keys, and each cell marked with its list item. */
void hibachi_bookings_view_install_row_menu_action (GtkWidgetClass *widget_class);
void hibachi_bookings_view_init_row_menu    (HibachiBookingsView *self);
void hibachi_bookings_view_mark_cell        (GtkWidget           *cell,
                                             GtkListItem         *item);
/* Asks the server for the sidebar badge's count: upcoming bookings without
 * a chef (for those who dispatch). */
gboolean hibachi_bookings_view_search_key_cb (HibachiBookingsView *self,
                                              guint                keyval,
                                              guint                keycode,
                                              GdkModifierType      state);
void hibachi_bookings_view_refresh_badge    (HibachiBookingsView *self);
/* Counts the badge now and again when others change bookings (@feed may be NULL). */
void hibachi_bookings_view_follow_badge     (HibachiBookingsView *self,
                                             HibachiChangeFeed   *feed);
/* Appends name=value (escaped) to a query string. */
void hibachi_bookings_view_append_param     (GString             *query,
                                             const char          *name,
                                             const char          *value);

/* hibachi-bookings-view.c */
/* The booking the pane shows (none before the pane is first made). */
HibachiBooking *hibachi_bookings_view_shown_booking    (HibachiBookingsView *self);
gboolean        hibachi_bookings_view_pane_has_changes (HibachiBookingsView *self);

/* hibachi-bookings-view-unsaved.c: HibachiPage's dup_unsaved, save_async
 * and discard */
char *hibachi_bookings_view_dup_unsaved (HibachiPage         *page);
void  hibachi_bookings_view_save_async  (HibachiPage         *page,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void  hibachi_bookings_view_discard     (HibachiPage         *page);

/* hibachi-bookings-view-rows.c */
/* (transfer full) The list as the column view gets it: a screenful until a
 * frame has painted it, then all of it. */
GListModel *hibachi_bookings_view_first_rows_new (HibachiBookingsView *self);
void      hibachi_bookings_view_drop_first_rows (HibachiBookingsView *self);
void      hibachi_bookings_view_select          (HibachiBookingsView *self,
                                                 guint                position);

G_END_DECLS
