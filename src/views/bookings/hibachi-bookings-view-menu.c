/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings list's context menu: a right click on a row, or the Menu
 * key (Shift+F10) on the focused row. It acts on the selection, which the
 * row joins first when it is not in it: Open, Confirm and Assign to…,
 * each only for those who may. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-bookings-view-private.h"
#include "hibachi-context-menu.h"

#define ITEM_KEY "hibachi-item"

/* The list item whose cell @widget is, or is inside; NULL elsewhere. */
static GtkListItem *
item_of (GtkWidget *widget,
         GtkWidget *column_view)
{
  for (; widget != NULL && widget != column_view; widget = gtk_widget_get_parent (widget))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), ITEM_KEY);

      if (item != NULL)
        return item;
    }
  return NULL;
}

/* The first cell under @widget (a row of the column view). */
static GtkWidget *
first_cell (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), ITEM_KEY) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_cell (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The menu for the row of @item, pointing at (@x, @y) of @cell, or at the
 * whole cell when @x is negative. */
static void
popup_for (HibachiBookingsView *self,
           GtkListItem         *item,
           GtkWidget           *cell,
           double               x,
           double               y)
{
  guint position = gtk_list_item_get_position (item);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) change = g_menu_new ();
  graphene_rect_t bounds;
  GdkRectangle at;
  GtkWidget *popover;

  if (position == GTK_INVALID_LIST_POSITION || self->session == NULL ||
      !gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    return;
  /* As in Files: a row outside the selection becomes the selection. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    hibachi_bookings_view_select (self, position);

  /* Only what this user may do: a chef only opens. Not Export CSV…: with
   * one booking selected it saves the whole filter, as its button says. */
  g_menu_append (open, _("_Open"), "bookings.open-selected");
  if (hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS))
    g_menu_append (change, _("C_onfirm"), "bookings.confirm-selected");
  if (hibachi_session_can (self->session, HIBACHI_CAPABILITY_ASSIGN_CHEFS))
    g_menu_append (change, _("_Assign to…"), "bookings.assign-selected");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  if (g_menu_model_get_n_items (G_MENU_MODEL (change)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (change));
  /* Parented to the view: a popover menu parented to a cell lost its last
   * item (its height came out a row short). */
  if (x >= 0)
    at = (GdkRectangle) { (int) (bounds.origin.x + x), (int) (bounds.origin.y + y), 1, 1 };
  else
    at = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y, (int) bounds.size.width, (int) bounds.size.height };
  /* From the keyboard: an arrow to the row. */
  popover = hibachi_context_menu_popup (GTK_WIDGET (self), G_MENU_MODEL (menu), &at, x < 0);
  gtk_widget_add_css_class (popover, "bookings-row-menu");
}

static void
pressed_cb (GtkGestureClick     *click,
            int                  n_press,
            double               x,
            double               y,
            HibachiBookingsView *self)
{
  GtkWidget *column_view = GTK_WIDGET (self->column_view);
  GtkWidget *picked = gtk_widget_pick (column_view, x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = item_of (picked, column_view);
  graphene_point_t at;
  GtkWidget *cell;

  if (item == NULL || (cell = gtk_list_item_get_child (item)) == NULL ||
      !gtk_widget_compute_point (column_view, cell, &GRAPHENE_POINT_INIT ((float) x, (float) y), &at))
    return;
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_for (self, item, cell, at.x, at.y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HibachiBookingsView   *self)
{
  GtkWidget *column_view = GTK_WIDGET (self->column_view);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (column_view));
  GtkWidget *cell;
  GtkListItem *item;

  if (!hibachi_context_menu_is_key (keyval, state))
    return GDK_EVENT_PROPAGATE;
  /* The focused row: the focus is on it, or in one of its cells. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, column_view) ||
      ((item = item_of (focus, column_view)) == NULL &&
       ((cell = first_cell (focus)) == NULL || (item = item_of (cell, column_view)) == NULL)))
    return GDK_EVENT_PROPAGATE;
  popup_for (self, item, gtk_list_item_get_child (item), -1, -1);
  return GDK_EVENT_STOP;
}

static void
open_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (!gtk_bitset_is_empty (selected))
    hibachi_bookings_view_row_activated_cb (self, gtk_bitset_get_minimum (selected));
}

void
hibachi_bookings_view_install_row_menu_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "bookings.open-selected", NULL, open_selected_action);
}

void
hibachi_bookings_view_init_row_menu (HibachiBookingsView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}

void
hibachi_bookings_view_mark_cell (GtkWidget   *cell,
                                 GtkListItem *item)
{
  g_object_set_data (G_OBJECT (cell), ITEM_KEY, item);
}
