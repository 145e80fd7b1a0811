/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's navigation: the sidebar's rows to their pages and, in a
 * narrow window, back from a page to the sidebar; the header bar as the
 * layout folds; the shown page's shortcuts from anywhere in the window. */
#define G_LOG_DOMAIN "hibachi-window"

#include "config.h"

#include "hibachi-window-private.h"

/* Folded (a narrow window, down to 360 px), the header keeps the
 * connection state's icon only (its tooltip and accessible name still say
 * it) and the window's Close button only: the title stays centred, so each
 * side needs what the wider one does. */
static void
folded_cb (HibachiWindow *self)
{
  gboolean folded = hibachi_split_layout_get_folded (self->layout);

  gtk_widget_set_visible (GTK_WIDGET (self->connection_label), !folded);
  adw_header_bar_set_decoration_layout (self->content_header, folded ? ":close" : NULL);
}

static void
sidebar_row_activated_cb (HibachiWindow *self,
                          GtkListBoxRow *row)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (row), "hibachi-page");

  gtk_stack_set_visible_child (self->pages, page);
  hibachi_split_layout_show_content (self->layout, TRUE);
  /* Folded, the row just chosen has gone: the keyboard goes on in the page. */
  if (hibachi_split_layout_get_folded (self->layout))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* The sidebar says which page is shown, however it was chosen (a row, "Open
 * in Bookings" from the board); and, side by side, a row chosen with the
 * arrow keys shows its page, as GNOME's sidebars do. Folded, the list is
 * all there is on screen: a row is opened with Enter or a click. */
void
hibachi_window_select_row_of (HibachiWindow *self,
                              GtkWidget     *page)
{
  GtkListBoxRow *row;

  for (int i = 0; page != NULL && (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "hibachi-page") == page)
      {
        if (!gtk_list_box_row_is_selected (row))
          gtk_list_box_select_row (self->sidebar_list, row);
        return;
      }
}

static void
sidebar_row_selected_cb (HibachiWindow *self,
                         GtkListBoxRow *row)
{
  GtkWidget *page = row != NULL ? g_object_get_data (G_OBJECT (row), "hibachi-page") : NULL;

  if (page != NULL && !hibachi_split_layout_get_folded (self->layout) && page != gtk_stack_get_visible_child (self->pages))
    gtk_stack_set_visible_child (self->pages, page);
}

/* Back to the sidebar, on the row of the page that was shown: the back
 * button, Alt+← (Alt+→ right to left) and the mouse's back button. Only
 * the 1.2 layout needs it; libadwaita 1.4's split view has its own. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HibachiWindow *self = HIBACHI_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

  hibachi_split_layout_show_content (self->layout, FALSE);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gboolean
can_go_back (HibachiWindow *self)
{
  return hibachi_split_layout_get_show_back_button (self->layout) &&
         hibachi_split_layout_get_content_shown (self->layout);
}

static void
back_state_cb (HibachiWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back (self));
}

/* The keys and the mouse: FALSE when there is no back to go to (a
 * disabled action's activation still reports it found the action). */
static gboolean
go_back (HibachiWindow *self)
{
  return can_go_back (self) && gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

/* Unhandled, the key goes on to whoever else wants it. */
static gboolean
back_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  return (g_variant_get_uint32 (args) == GDK_KEY_Left) != rtl && go_back (HIBACHI_WINDOW (widget));
}

static void
back_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        HibachiWindow   *self)
{
  if (go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* A page's own shortcuts (Ctrl+N, Ctrl+F, Ctrl+R, F5…) hear only keys
 * pressed inside the page; with the focus on the sidebar (a page just
 * chosen there) or in the header, they are forwarded to the page shown. */
static gboolean
page_keys_cb (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              HibachiWindow         *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if ((state & GDK_CONTROL_MASK) == 0 && (keyval < GDK_KEY_F1 || keyval > GDK_KEY_F12))
    return GDK_EVENT_PROPAGATE;
  if (page == NULL || !gtk_widget_get_mapped (page) || (focus != NULL && gtk_widget_is_ancestor (focus, page)))
    return GDK_EVENT_PROPAGATE;

  return gtk_event_controller_key_forward (GTK_EVENT_CONTROLLER_KEY (keys), page);
}

void
hibachi_window_class_init_navigation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_key_cb, "u", GDK_KEY_Left);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, back_key_cb, "u", GDK_KEY_Right);
}

void
hibachi_window_init_navigation (HibachiWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (self->layout, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  folded_cb (self);
  g_signal_connect_object (self->layout, "notify::show-back-button", G_CALLBACK (back_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layout, "notify::content-shown", G_CALLBACK (back_state_cb), self, G_CONNECT_SWAPPED);
  back_state_cb (self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 8);
  g_signal_connect (click, "pressed", G_CALLBACK (back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (page_keys_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
