/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-page-private.h: what the page's two files share: the
 * page (loading, the board's cells and cards) and its moves (drag and drop,
 * keyboard, assigning, undo). */
#pragma once

#include <adwaita.h>

#include "hibachi-change-feed.h"
#include "hibachi-core.h"
#include "hibachi-dispatch-card.h"
#include "hibachi-dispatch-page.h"
#include "hibachi-status-view.h"
#include "hibachi-store.h"

G_BEGIN_DECLS

struct _HibachiDispatchPage
{
  HibachiPage          parent_instance;

  GtkWidget           *toolbar;
  GtkWidget           *date_button;
  GtkWidget           *suggest_button;
  GtkPopover          *date_popover;      /* NULL until the date menu first opens */
  GtkCalendar         *calendar;          /* in it */
  GtkToggleButton     *day_toggle;
  GtkToggleButton     *week_toggle;
  GtkDropDown         *station_dropdown;
  GtkLabel            *load_label;
  GtkWidget           *board_and_queue;
  HibachiStatusView   *status_view;
  GtkWidget           *board_overlay;
  GtkGrid             *board;
  GtkLabel            *verdict_label;
  GtkLabel            *queue_title;
  GtkSearchEntry      *queue_search;
  GtkBox              *queue;
  GtkRevealer         *suggest_bar;
  GtkWidget           *read_only_label;
  GtkLabel            *suggest_label;

  HibachiSession      *session;
  HibachiStore        *store;
  HibachiUndoStack    *undo_stack;
  HibachiChangeFeed   *feed;
  GCancellable        *cancellable;       /* the board's load */
  GCancellable        *writes;            /* assignments in flight */
  guint                writing;           /* how many: a reload waits for them */
  gboolean             load_stale;        /* the load in flight met a write: take it again */
  GPtrArray           *station_ids;       /* of the station switcher */
  char                *station_id;        /* shown */
  HibachiLatLng        station_location;
  GDate                date;              /* shown */
  char                 date_text[16];
  HibachiDispatchMode  mode;
  gboolean             loading;
  gboolean             editable;          /* may assign chefs */
  guint                reload_id;
  guint                hidden_load_id;    /* first load of a hidden page, waiting */
  gboolean             loaded_once;       /* since sign-in */
  gboolean             rebuild_pending;   /* loaded while hidden: built when shown */

  GPtrArray           *chefs;             /* HibachiChef, active, by name */
  GPtrArray           *bookings;          /* HibachiBooking of the loaded range */
  HibachiDispatchSnapshot snapshot;       /* points into chefs and bookings; */
  gboolean             snapshot_built;    /* made when first read */
  GPtrArray           *snapshot_chefs;
  GPtrArray           *snapshot_bookings;
  GHashTable          *moved_by;          /* booking id → who changed it last (others) */
  GHashTable          *fresh;             /* booking ids of others' moves still highlighted */

  /* A move in progress: the booking dragged or carried by keyboard. */
  HibachiBooking      *moving;
  int                  drag_height;       /* px of the card under the pointer in a drag; 0 else */
  GtkWidget           *hover_cell;
  GtkWidget           *carried_card;      /* keyboard: picked up with Space */

  GArray              *proposals;         /* suggest for the day, under review; NULL: none */
};

/* A cell of the board, or the queue: where a card can go. */
typedef struct
{
  const char *chef_id;   /* NULL: the queue */
  char        date[16];  /* "" for the queue */
  const char *slot;      /* NULL: any (week view, the queue) */
  GPtrArray  *with;      /* booking JSON objects going to the chef too, or NULL */
} HibachiDispatchTarget;

typedef enum
{
  HIBACHI_VERDICT_OK,
  HIBACHI_VERDICT_WARNING,
  HIBACHI_VERDICT_CONFLICT,
  HIBACHI_VERDICT_REFUSED,    /* another slot or day, or nothing to do */
} HibachiVerdict;

/* hibachi-dispatch-page.c */
void           hibachi_dispatch_page_rebuild        (HibachiDispatchPage *self);
/* The first day the board shows: the day, or the Monday of its week. */
/* hibachi-dispatch-page-data.c. What the rules read: the loaded chefs and
 * bookings as JSON, made when first asked for; forgotten when they change. */
const HibachiDispatchSnapshot *hibachi_dispatch_page_get_snapshot (HibachiDispatchPage *self);
void           hibachi_dispatch_page_forget_snapshot (HibachiDispatchPage *self);
void           hibachi_dispatch_page_first_day      (HibachiDispatchPage *self,
                                                     GDate               *out);
void           hibachi_dispatch_page_replace        (HibachiDispatchPage *self,
                                                     HibachiBooking      *booking);
HibachiBooking *hibachi_dispatch_page_find_booking  (HibachiDispatchPage *self,
                                                     const char          *id);
HibachiChef   *hibachi_dispatch_page_find_chef      (HibachiDispatchPage *self,
                                                     const char          *id);
void           hibachi_dispatch_page_schedule_reload (HibachiDispatchPage *self);
/* Around each assignment sent: a load it overlaps is not shown. */
void           hibachi_dispatch_page_begin_write     (HibachiDispatchPage *self);
void           hibachi_dispatch_page_end_write       (HibachiDispatchPage *self);
gboolean       hibachi_dispatch_cell_get_target     (GtkWidget           *cell,
                                                     HibachiDispatchTarget *out);
HibachiDispatchCard *hibachi_dispatch_page_find_card (HibachiDispatchPage *self,
                                                     const char          *booking_id);

/* hibachi-dispatch-board.c */
void           hibachi_dispatch_page_rebuild_queue  (HibachiDispatchPage *self,
                                                     const char          *from);
/* Moves @booking's card alone to where @booking says (the optimistic move:
 * within a frame); the next rebuild brings the rest up to date. */
void           hibachi_dispatch_page_move_card      (HibachiDispatchPage *self,
                                                     HibachiBooking      *booking);

/* Rebuilds the rows of two chefs (either may be NULL) and puts the queue
 * in order, reusing the cards of bookings that did not change: what a
 * confirmed move changes, without the rest of the board. */
void           hibachi_dispatch_page_refresh        (HibachiDispatchPage *self,
                                                     const char          *chef_a,
                                                     const char          *chef_b);

/* hibachi-dispatch-suggest.c */
void           hibachi_dispatch_page_add_ghosts     (HibachiDispatchPage *self,
                                                     GtkWidget           *cell,
                                                     const char          *chef_id,
                                                     const char          *date,
                                                     const char          *slot);
void           hibachi_dispatch_page_clear_suggestions (HibachiDispatchPage *self);
void           hibachi_dispatch_page_install_suggest_actions (GtkWidgetClass *widget_class);

/* hibachi-dispatch-move-day.c */
/* Asks for the chef to take @chef_id's bookings of the day shown, lists
 * each booking's verdict, then moves them all in one request. */
void           hibachi_dispatch_page_move_day       (HibachiDispatchPage *self,
                                                     const char          *chef_id);
GtkWidget     *hibachi_dispatch_page_chef_menu_new  (HibachiDispatchPage *self,
                                                     HibachiChef         *chef);
/* Shift+F10 on a chef's cell: opens the chef row's menu. */
gboolean       hibachi_dispatch_page_popup_chef_menu (GtkWidget          *focus);
void           hibachi_dispatch_page_install_move_day_action (GtkWidgetClass *widget_class);

/* hibachi-dispatch-page-dnd.c */
void           hibachi_dispatch_page_setup_card     (HibachiDispatchPage *self,
                                                     GtkWidget           *card);
void           hibachi_dispatch_page_setup_target   (HibachiDispatchPage *self,
                                                     GtkWidget           *cell);
/* What dropping @booking on @target would do, in words (@out_message). */
HibachiVerdict hibachi_dispatch_page_verdict        (HibachiDispatchPage *self,
                                                     HibachiBooking      *booking,
                                                     const HibachiDispatchTarget *target,
                                                     char               **out_message);
/* Drops @booking on @target: refuses, asks for a reason, or assigns. */
gboolean       hibachi_dispatch_page_drop           (HibachiDispatchPage *self,
                                                     HibachiBooking      *booking,
                                                     const HibachiDispatchTarget *target);
gboolean       hibachi_dispatch_page_key_pressed    (HibachiDispatchPage *self,
                                                     guint                keyval,
                                                     GdkModifierType      state);
void           hibachi_dispatch_page_undone         (HibachiDispatchPage *self,
                                                     HibachiUndoCommand  *command);

/* A card's menu and Assign to… (-menu.c). */
void           hibachi_dispatch_page_open_assign_dialog (HibachiDispatchPage *self,
                                                         HibachiBooking      *booking);
void           hibachi_dispatch_page_open_context_menu  (HibachiDispatchPage *self,
                                                         HibachiDispatchCard *card);
void           hibachi_dispatch_page_install_actions    (GtkWidgetClass      *widget_class);

/* The date menu (-date.c): its calendar is made when it first opens. */
void hibachi_dispatch_page_setup_date_menu     (HibachiDispatchPage *self);
/* Shows the board's date in the calendar, once there is one. */
void hibachi_dispatch_page_show_calendar_day   (HibachiDispatchPage *self);

G_END_DECLS
