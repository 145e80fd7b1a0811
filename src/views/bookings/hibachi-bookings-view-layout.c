/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings page's layout: the detail pane beside the list, or, in a
 * narrow window, the list and the detail taking turns. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include "hibachi-bookings-view-private.h"

/* Below this width of the page, the list and the detail take turns (the
 * detail with a back button); above it the pane sits beside the list. */
#define NARROW_WIDTH 720

/* The pane shows only with a booking in it: otherwise the list has the
 * width. Narrow, it shows instead of the list while a booking is open. */
static void
apply_layout (HibachiBookingsView *self)
{
  gboolean open = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") == 0;
  gboolean detail_only = self->narrow && open && self->detail_wanted;

  gtk_widget_set_visible (GTK_WIDGET (self->status_view), !detail_only);
  gtk_widget_set_visible (self->detail_pane, open && (!self->narrow || detail_only));
  gtk_widget_set_visible (self->back_button, detail_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.back", detail_only);
}

static gboolean
apply_layout_cb (gpointer data)
{
  HibachiBookingsView *self = data;

  self->layout_id = 0;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

/* The page was resized (said during its allocation: what shows changes
 * after it). */
void
hibachi_bookings_view_width_changed_cb (HibachiBookingsView *self,
                                        int                  width,
                                        int                  height)
{
  gboolean narrow = width < NARROW_WIDTH;

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  if (self->layout_id == 0)
    self->layout_id = g_idle_add (apply_layout_cb, self);
}

static gboolean
fit_columns_cb (gpointer data)
{
  HibachiBookingsView *self = data;

  self->fit_id = 0;
  hibachi_bookings_view_fit_columns (self, self->list_width);
  return G_SOURCE_REMOVE;
}

/* The list's width changed: the pane opened or closed, its divider was
 * dragged, or the window resized. Said during the allocation: the columns
 * change after it. */
void
hibachi_bookings_view_list_width_changed_cb (HibachiBookingsView *self,
                                             int                  width,
                                             int                  height)
{
  if (width == self->list_width)
    return;
  self->list_width = width;
  hibachi_bookings_view_queue_fit (self);
}

void
hibachi_bookings_view_queue_fit (HibachiBookingsView *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (fit_columns_cb, self);
}

void
hibachi_bookings_view_detail_shown_cb (HibachiBookingsView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") != 0)
    self->detail_wanted = FALSE;
  apply_layout (self);
}

/* Moves the list to show the row at @position. */
void
hibachi_bookings_view_scroll_to_row (HibachiBookingsView *self,
                                     guint                position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
#else
  /* The column view's rows are a GtkListView inside it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        gtk_widget_grab_focus (child);
      }
#endif
}

/* Down in the search goes on to what it found: the first row, focused. */
gboolean
hibachi_bookings_view_search_key_cb (HibachiBookingsView *self,
                                     guint                keyval,
                                     guint                keycode,
                                     GdkModifierType      state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return GDK_EVENT_PROPAGATE;
  hibachi_bookings_view_scroll_to_row (self, 0);
#if GTK_CHECK_VERSION (4, 12, 0)
  /* The row to focus is set; from outside the list the focus still has
   * to move into it (GTK 4.18). */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
#endif
  return GDK_EVENT_STOP;
}

void
hibachi_bookings_view_show_list (HibachiBookingsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (!self->narrow || self->selection == NULL)
    return;
  self->detail_wanted = FALSE;
  apply_layout (self);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (!gtk_bitset_is_empty (selected))
    hibachi_bookings_view_scroll_to_row (self, gtk_bitset_get_minimum (selected));
}

/* Enter or a double click on a row: its booking, also the one selected. */
void
hibachi_bookings_view_row_activated_cb (HibachiBookingsView *self,
                                        guint                position)
{
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    hibachi_bookings_view_select (self, position);
  self->detail_wanted = TRUE;
  apply_layout (self);
}

