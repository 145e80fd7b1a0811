/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A card's menu (Assign to…, Unassign, Open in Bookings) and the Assign
 * to… dialog it opens, from the menu, Enter on a card or the menu key. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-assign-dialog.h"
#include "hibachi-context-menu.h"
#include "hibachi-dispatch-page-private.h"

/* Assign to…: the shared dialog, chefs ranked by the §8.4 score with their
 * conflict state; it sends and pushes the undo itself. */
static void
assign_dialog_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(HibachiDispatchPage) self = user_data;
  HibachiAssignDialog *dialog = HIBACHI_ASSIGN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assigned = hibachi_assign_dialog_run_finish (dialog, result, &error);
  GPtrArray *done = assigned ? assigned : hibachi_assign_dialog_get_assigned (dialog);

  for (guint i = 0; done != NULL && i < done->len; i++)
    hibachi_dispatch_page_replace (self, g_ptr_array_index (done, i));
  if (done != NULL && done->len > 0)
    hibachi_dispatch_page_rebuild (self);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hibachi_page_toast (GTK_WIDGET (self), error->message);
}

void
hibachi_dispatch_page_open_assign_dialog (HibachiDispatchPage *self,
                                          HibachiBooking      *booking)
{
  HibachiAssignDialog *dialog;

  if (!self->editable)
    return;
  dialog = hibachi_assign_dialog_new_for_booking (hibachi_page_get_context (HIBACHI_PAGE (self)), booking);
  hibachi_assign_dialog_run_async (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->writes,
                                   assign_dialog_done_cb, g_object_ref (self));
}

void
hibachi_dispatch_page_open_context_menu (HibachiDispatchPage *self,
                                         HibachiDispatchCard *card)
{
  HibachiBooking *booking = hibachi_dispatch_card_get_booking (card);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) assign_to = g_menu_item_new (_("_Assign to…"), NULL);
  g_autoptr(GMenuItem) unassign = g_menu_item_new (_("_Unassign"), NULL);
  g_autoptr(GMenuItem) open_in_bookings = g_menu_item_new (_("_Open in Bookings"), NULL);

  g_menu_item_set_action_and_target (assign_to, "dispatch.assign-to", "s", hibachi_booking_get_id (booking));
  g_menu_append_item (menu, assign_to);
  g_menu_item_set_action_and_target (unassign, "dispatch.unassign", "s", hibachi_booking_get_id (booking));
  g_menu_append_item (menu, unassign);
  g_menu_item_set_action_and_target (open_in_bookings, "win.show-booking", "s", hibachi_booking_get_reference (booking));
  g_menu_append_item (menu, open_in_bookings);
  hibachi_context_menu_popup (GTK_WIDGET (card), G_MENU_MODEL (menu), NULL, TRUE);
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);
  HibachiBooking *booking = hibachi_dispatch_page_find_booking (self, g_variant_get_string (param, NULL));
  HibachiDispatchTarget queue = { 0 };

  if (booking != NULL)
    hibachi_dispatch_page_drop (self, booking, &queue);
}

static void
assign_to_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);
  HibachiBooking *booking = hibachi_dispatch_page_find_booking (self, g_variant_get_string (param, NULL));

  if (booking != NULL)
    hibachi_dispatch_page_open_assign_dialog (self, booking);
}

void
hibachi_dispatch_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dispatch.assign-to", "s", assign_to_action);
  gtk_widget_class_install_action (widget_class, "dispatch.unassign", "s", unassign_action);
}
