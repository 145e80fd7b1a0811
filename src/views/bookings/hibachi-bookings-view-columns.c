/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings list's columns: one cell factory per column, cells updated in
 * place when their row's data arrives or changes. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_DATE,
  COLUMN_SLOT,
  COLUMN_CUSTOMER,
  COLUMN_GUESTS,
  COLUMN_STATION,
  COLUMN_CHEF,
  COLUMN_STATUS,
  COLUMN_TOTAL,
  COLUMN_CREATED,
} Column;

static const struct { Column column; const char *title; gboolean expand; int width; } columns[] = {
  { COLUMN_REFERENCE, N_("Reference"), FALSE, 110 },
  { COLUMN_DATE, N_("Event Date"), FALSE, 130 },
  { COLUMN_SLOT, N_("Slot"), FALSE, 60 },
  { COLUMN_CUSTOMER, N_("Customer"), TRUE, 160 },
  { COLUMN_GUESTS, N_("Guests"), FALSE, 60 },
  { COLUMN_STATION, N_("Station"), FALSE, 100 },
  { COLUMN_CHEF, N_("Chef"), FALSE, 120 },
  { COLUMN_STATUS, N_("Status"), FALSE, 90 },
  { COLUMN_TOTAL, N_("Total"), FALSE, 90 },
  { COLUMN_CREATED, N_("Created"), FALSE, 100 },
};

static char *
cell_text (HibachiBookingsView *self,
           HibachiBooking      *b,
           Column               column)
{
  switch (column)
    {
    case COLUMN_REFERENCE:
      return g_strdup (hibachi_booking_get_reference (b));
    case COLUMN_DATE:
      {
        GDate date;
        char text[64];

        g_date_clear (&date, 1);
        if (!hibachi_validate_date (hibachi_booking_get_event_date (b), &date, NULL) ||
            g_date_strftime (text, sizeof text, "%a %d %b %Y", &date) == 0)
          return g_strdup (hibachi_booking_get_event_date (b));
        return g_strdup (text);
      }
    case COLUMN_SLOT:
      return g_strdup (hibachi_booking_get_slot (b));
    case COLUMN_CUSTOMER:
      return g_strdup (hibachi_booking_get_customer_name (b));
    case COLUMN_GUESTS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_guests (b));
    case COLUMN_STATION:
      return g_strdup (hibachi_directory_station_name (self->directory, hibachi_booking_get_station_id (b)));
    case COLUMN_CHEF:
      {
        const char *chef = hibachi_booking_get_chef_id (b);

        if (chef == NULL)
          return g_strdup (_("Unassigned"));
        return g_strdup (hibachi_context_chef_name (hibachi_page_get_context (HIBACHI_PAGE (self)), chef) ?: _("Unknown chef"));
      }
    case COLUMN_STATUS:
      return g_strdup (hibachi_booking_status_label (hibachi_booking_get_status (b)));
    case COLUMN_TOTAL:
      return hibachi_format_cents (hibachi_booking_get_total_cents (b));
    case COLUMN_CREATED:
      return g_strndup (hibachi_booking_get_created_at (b), 10);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
fill_cell (HibachiBookingsView *self,
           GtkListItem         *item,
           Column               column)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (booking == NULL || inscription == NULL)
    return;

  if (!hibachi_booking_is_loaded (booking))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), "…");
      gtk_widget_add_css_class (inscription, "dim-label");
      gtk_widget_remove_css_class (inscription, "warning");
      return;
    }

  text = cell_text (self, booking, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_remove_css_class (inscription, "dim-label");
  if (column == COLUMN_CHEF && hibachi_booking_get_chef_id (booking) == NULL)
    gtk_widget_add_css_class (inscription, "warning");
  else
    gtk_widget_remove_css_class (inscription, "warning");
}

static void
row_changed_cb (HibachiBooking *booking,
                GtkListItem    *item)
{
  HibachiBookingsView *self = g_object_get_data (G_OBJECT (item), "hibachi-view");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "hibachi-column"));

  /* The row's data arrived or changed: update the cell, no rebuild. A row
   * emptied while shown (a new query, a dropped page) asks for its page. */
  if (column == COLUMN_REFERENCE && !hibachi_booking_is_loaded (booking))
    hibachi_booking_list_ensure (self->list, gtk_list_item_get_position (item));
  fill_cell (self, item, column);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  gulong handler;

  g_object_set_data (G_OBJECT (item), "hibachi-view", self);
  g_object_set_data (G_OBJECT (item), "hibachi-column", GINT_TO_POINTER (column));
  handler = g_signal_connect (booking, "changed", G_CALLBACK (row_changed_cb), item);
  g_object_set_data (G_OBJECT (item), "hibachi-handler", GSIZE_TO_POINTER (handler));

  /* Shown, so its page is in use, or worth a request (once per page). */
  if (column == COLUMN_REFERENCE)
    hibachi_booking_list_ensure (self->list, gtk_list_item_get_position (item));
  fill_cell (self, item, column);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "hibachi-handler"));

  if (booking != NULL && handler != 0)
    g_signal_handler_disconnect (booking, handler);
  g_object_set_data (G_OBJECT (item), "hibachi-handler", NULL);
}

void
hibachi_bookings_view_add_columns (HibachiBookingsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}
