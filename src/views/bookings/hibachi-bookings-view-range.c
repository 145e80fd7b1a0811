/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings page's date filter: its presets, and Custom Range… with the
 * days it asks for on two calendars, which the drop-down then shows
 * ("3 Dec – 20 Dec") instead of the words "Custom Range…". */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"

/* The drop-down's button: the chosen range once there is one. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HibachiBookingsView      *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *range = NULL;

  if (gtk_list_item_get_position (item) == HIBACHI_DATES_CUSTOM && g_date_valid (&self->custom_from) &&
      g_date_valid (&self->custom_to))
    range = hibachi_date_format_range (&self->custom_from, &self->custom_to);
  gtk_label_set_text (label, range != NULL ? range : gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* Its list: the words of each choice, the chosen one with a check mark
 * (as GTK's own drop-down list has). */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
label_factory_new (HibachiBookingsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), self);
  return factory;
}

/* A new range while Custom Range… stays selected: the button is bound
 * again with a factory of its own. */
static void
show_range (HibachiBookingsView *self)
{
  g_autoptr(GtkListItemFactory) factory = label_factory_new (self);

  gtk_drop_down_set_factory (self->date_dropdown, factory);
}

void
hibachi_bookings_view_init_dates (HibachiBookingsView *self)
{
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_list_factory (self->date_dropdown, list_factory);
  show_range (self);
}

/* Custom Range…: the first and last day, on two calendars. */

static void
set_calendar (GtkCalendar *calendar,
              const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 0, 0, 0);

  gtk_calendar_select_day (calendar, day);
  hibachi_accessible_label_calendar (GTK_WIDGET (calendar));
}

static void
get_calendar (GtkCalendar *calendar,
              GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (day), (GDateMonth) g_date_time_get_month (day),
                  (GDateYear) g_date_time_get_year (day));
}

static void
range_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   HibachiBookingsView *self)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *tooltip = NULL;

  if (g_strcmp0 (response, "show") != 0)
    {
      /* Nothing chosen: the filter that stood before. */
      gtk_drop_down_set_selected (self->date_dropdown, self->date_choice);
      return;
    }

  get_calendar (g_object_get_data (G_OBJECT (dialog), "from"), &self->custom_from);
  get_calendar (g_object_get_data (G_OBJECT (dialog), "to"), &self->custom_to);
  if (g_date_compare (&self->custom_from, &self->custom_to) > 0)
    {
      GDate first = self->custom_to;

      self->custom_to = self->custom_from;
      self->custom_from = first;
    }
  self->date_choice = HIBACHI_DATES_CUSTOM;
  from_text = hibachi_date_format_gdate (&self->custom_from);
  to_text = hibachi_date_format_gdate (&self->custom_to);
  /* Translators: a range of event dates, first – last */
  tooltip = g_strdup_printf (_("Event dates: %s – %s"), from_text, to_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_dropdown), tooltip);
  show_range (self);
  hibachi_bookings_view_filters_changed (self);
}

static GtkWidget *
calendar_with_label (const char *label,
                     GtkWidget  *calendar)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), calendar);

  return box;
}

void
hibachi_bookings_view_dates_changed (HibachiBookingsView *self)
{
  HibachiDates dates = gtk_drop_down_get_selected (self->date_dropdown);
  GtkWidget *from, *to, *box, *dialog;
  GDate first, last;

  if (dates != HIBACHI_DATES_CUSTOM)
    {
      self->date_choice = dates;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_dropdown), _("Event dates"));
      hibachi_bookings_view_filters_changed (self);
      return;
    }

  if (g_date_valid (&self->custom_from) && g_date_valid (&self->custom_to))
    {
      first = self->custom_from;
      last = self->custom_to;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
      last = first;
      g_date_add_days (&last, 6);
    }
  from = gtk_calendar_new ();
  to = gtk_calendar_new ();
  set_calendar (GTK_CALENDAR (from), &first);
  set_calendar (GTK_CALENDAR (to), &last);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), calendar_with_label (_("From"), from));
  gtk_box_append (GTK_BOX (box), calendar_with_label (_("To"), to));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Choose Event Dates"),
                                   _("Bookings with their event from the first day to the last, both included."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "show", _("_Show Bookings"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "from", from);
  g_object_set_data (G_OBJECT (dialog), "to", to);
  g_signal_connect_object (dialog, "response", G_CALLBACK (range_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
