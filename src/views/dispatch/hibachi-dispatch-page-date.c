/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-page-date.c: the page's date menu. Its calendar, a
 * month of day buttons, is made when the menu first opens: the window
 * builds every page at startup, on the way to the first bookings rows,
 * while only one is shown. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-dispatch-page-private.h"

void
hibachi_dispatch_page_show_calendar_day (HibachiDispatchPage *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->calendar == NULL)
    return;
  shown = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                 g_date_get_day (&self->date), 0, 0, 0);
  gtk_calendar_select_day (self->calendar, shown);
}

static void
day_selected_cb (HibachiDispatchPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");

  if (g_date_get_year (&self->date) == g_date_time_get_year (picked) &&
      g_date_get_month (&self->date) == (GDateMonth) g_date_time_get_month (picked) &&
      g_date_get_day (&self->date) == g_date_time_get_day_of_month (picked))
    return;
  gtk_popover_popdown (self->date_popover);
  hibachi_dispatch_page_set_date (self, text);
}

static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  HibachiDispatchPage *self = user_data;

  if (self->date_popover != NULL)
    return;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  hibachi_accessible_set_label (GTK_WIDGET (self->calendar), _("Date shown"));
  hibachi_accessible_label_calendar (GTK_WIDGET (self->calendar));
  self->date_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->date_popover, GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->date_popover));
  /* The board's date now, however it was set meanwhile. */
  hibachi_dispatch_page_show_calendar_day (self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
}

void
hibachi_dispatch_page_setup_date_menu (HibachiDispatchPage *self)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->date_button), create_popover_cb, self, NULL);
}
