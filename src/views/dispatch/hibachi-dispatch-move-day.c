/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Move a chef's day: every booking a chef has on the day shown goes to
 * another chef. The dialog lists each booking with the verdict src/core
 * gives over the board's snapshot (the hover's rules) before anything is
 * sent; a conflict takes "Move Anyway" and one reason of 10–500
 * characters. The bookings go in one all-or-nothing batch request and come
 * back in one undo that gives each its previous chef. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-booking-undo.h"
#include "hibachi-dispatch-page-private.h"

typedef struct
{
  HibachiDispatchPage *self;
  char                *from_chef;     /* whose day */
  GPtrArray           *bookings;      /* HibachiBooking, as shown when the dialog opened */
  GPtrArray           *targets;       /* char *: the chefs offered, as the dropdown lists them */
  GtkDropDown         *chef_dropdown;
  GtkListBox          *list;
  GtkEntry            *reason_entry;
  GtkLabel            *hint_label;
  gboolean             conflict;      /* with the chef picked */
  gboolean             refused;       /* some booking cannot go to that chef at all */
} MoveDay;

static void
move_day_free (gpointer data)
{
  MoveDay *m = data;

  g_object_unref (m->self);
  g_free (m->from_chef);
  g_ptr_array_unref (m->bookings);
  g_ptr_array_unref (m->targets);
  g_free (m);
}

/* The bookings of @chef_id on the day shown, most urgent first. */
static GPtrArray *
day_bookings (HibachiDispatchPage *self,
              const char          *chef_id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  char day[16];

  g_date_strftime (day, sizeof day, "%Y-%m-%d", &self->date);

  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    {
      HibachiBooking *b = g_ptr_array_index (self->bookings, i);

      if (g_strcmp0 (hibachi_booking_get_chef_id (b), chef_id) == 0 &&
          g_strcmp0 (hibachi_booking_get_event_date (b), day) == 0)
        g_ptr_array_add (found, g_object_ref (b));
    }
  return found;
}

static const char *
picked_chef (MoveDay *m)
{
  guint selected = gtk_drop_down_get_selected (m->chef_dropdown);

  return selected < m->targets->len ? g_ptr_array_index (m->targets, selected) : NULL;
}

static gboolean
reason_ok (MoveDay  *m,
           char    **out_message)
{
  return hibachi_validate_reason (gtk_editable_get_text (GTK_EDITABLE (m->reason_entry)), out_message);
}

static gboolean
can_move (MoveDay *m)
{
  return picked_chef (m) != NULL && !m->refused && (!m->conflict || reason_ok (m, NULL));
}

static void
update_state (MoveDay *m)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (m->list)));
  g_autofree char *message = NULL;
  const char *hint = NULL;

  gtk_widget_set_visible (GTK_WIDGET (m->reason_entry), m->conflict && !m->refused);
  if (m->refused)
    hint = _("A booking cannot go to this chef. Pick another chef.");
  else if (m->conflict && !reason_ok (m, &message))
    hint = *gtk_editable_get_text (GTK_EDITABLE (m->reason_entry)) != '\0'
           ? message : _("The chef has a conflict. Say why to move anyway.");
  gtk_label_set_text (m->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (m->hint_label), hint != NULL);
  if (dialog == NULL)
    return;
  adw_message_dialog_set_response_label (dialog, "move", m->conflict ? _("Move _Anyway") : _("_Move"));
  adw_message_dialog_set_response_appearance (dialog, "move",
                                              m->conflict ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "move", can_move (m));
}

static const char *
verdict_icon (HibachiVerdict verdict)
{
  switch (verdict)
    {
    case HIBACHI_VERDICT_OK:
      return "emblem-ok-symbolic";
    case HIBACHI_VERDICT_WARNING:
      return "dialog-warning-symbolic";
    case HIBACHI_VERDICT_CONFLICT:
    case HIBACHI_VERDICT_REFUSED:
    default:
      return "dialog-error-symbolic";
    }
}

/* One row per booking: reference, slot, guests, and the verdict in words
 * with an icon (not colour alone). */
static void
list_verdicts (MoveDay *m)
{
  const char *chef_id = picked_chef (m);
  GtkWidget *child;

  m->conflict = FALSE;
  m->refused = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (m->list))) != NULL)
    gtk_list_box_remove (m->list, child);
  if (chef_id == NULL)
    return;

  for (guint i = 0; i < m->bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (m->bookings, i);
      /* The day's other bookings go to the chef with it: they count too
       * (a fourth event, travel between them). */
      g_autoptr(GPtrArray) along = g_ptr_array_new ();
      HibachiDispatchTarget target = { chef_id, "", hibachi_booking_get_slot (booking), along };
      g_autofree char *message = NULL;
      HibachiVerdict verdict;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon, *text, *title, *detail;
      g_autofree char *title_text = NULL;
      guint guests = (guint) CLAMP (hibachi_booking_get_guests (booking), 0, G_MAXINT);

      for (guint j = 0; j < m->bookings->len; j++)
        if (j != i)
          g_ptr_array_add (along, hibachi_booking_get_json (g_ptr_array_index (m->bookings, j)));
      g_strlcpy (target.date, hibachi_booking_get_event_date (booking), sizeof target.date);
      verdict = hibachi_dispatch_page_verdict (m->self, booking, &target, &message);
      m->conflict |= verdict == HIBACHI_VERDICT_CONFLICT;
      m->refused |= verdict == HIBACHI_VERDICT_REFUSED;

      icon = gtk_image_new_from_icon_name (verdict_icon (verdict));
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, verdict == HIBACHI_VERDICT_OK ? "success"
                                      : verdict == HIBACHI_VERDICT_WARNING ? "warning" : "error");
      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      /* Translators: a booking reference, a slot, a number of guests */
      title_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s at %s, %u guest", "%s at %s, %u guests", guests),
                                    hibachi_booking_get_reference (booking), hibachi_booking_get_slot (booking), guests);
      title = gtk_label_new (title_text);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      detail = gtk_label_new (message);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (detail), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 40);
      gtk_widget_add_css_class (detail, "dispatch-move-verdict");
      gtk_box_append (GTK_BOX (text), title);
      gtk_box_append (GTK_BOX (text), detail);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), text);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_list_box_append (m->list, row);
      {
        GtkWidget *list_row = gtk_widget_get_parent (row);
        g_autofree char *spoken = g_strdup_printf ("%s: %s", title_text, message);

        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
        gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      }
    }
}

static void
chef_picked_cb (MoveDay *m)
{
  list_verdicts (m);
  update_state (m);
}

static void
reason_changed_cb (MoveDay *m)
{
  update_state (m);
}

/* Sending */

typedef struct
{
  HibachiDispatchPage *self;
  char                *from_chef;
  char                *to_chef;
} Sent;

static void
sent_free (Sent *sent)
{
  g_object_unref (sent->self);
  g_free (sent->from_chef);
  g_free (sent->to_chef);
  g_free (sent);
}

static void
moved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Sent *sent = user_data;
  HibachiDispatchPage *self = sent->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  HibachiChef *from = hibachi_dispatch_page_find_chef (self, sent->from_chef);
  HibachiChef *to = hibachi_dispatch_page_find_chef (self, sent->to_chef);

  hibachi_dispatch_page_end_write (self);
  if (moved == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s the server's reason */
          g_autofree char *text = g_strdup_printf (_("Nothing was moved: %s"), error->message);

          hibachi_page_toast (GTK_WIDGET (self), text);
          hibachi_dispatch_page_schedule_reload (self);
        }
      sent_free (sent);
      return;
    }

  for (guint i = 0; i < moved->len; i++)
    hibachi_dispatch_page_replace (self, g_ptr_array_index (moved, i));
  hibachi_dispatch_page_refresh (self, sent->from_chef, sent->to_chef);
  {
    /* They all had the chef whose day moved. */
    g_autofree const char **previous = g_new0 (const char *, moved->len);
    g_autoptr(HibachiBookingUndo) undo = NULL;
    g_autofree char *message = NULL;
    g_autofree char *description = NULL;

    for (guint i = 0; i < moved->len; i++)
      previous[i] = sent->from_chef;
    /* Translators: a number of bookings, a chef's name, another chef's name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking moved from %s to %s",
                                            "%u bookings moved from %s to %s", moved->len),
                               moved->len, from != NULL ? hibachi_chef_get_name (from) : "",
                               to != NULL ? hibachi_chef_get_name (to) : "");
    /* Translators: completes "Undo …": a chef's name */
    description = g_strdup_printf (_("move of %s’s day"), from != NULL ? hibachi_chef_get_name (from) : "");
    undo = hibachi_booking_undo_new_chefs (self->store, moved, previous, message, description);
    hibachi_booking_undo_push (hibachi_page_get_context (HIBACHI_PAGE (self)), undo);
  }
  sent_free (sent);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             MoveDay          *m)
{
  HibachiDispatchPage *self = m->self;
  const char *chef_id = picked_chef (m);
  g_autoptr(GPtrArray) chefs = NULL;
  g_autofree char *reason = NULL;
  Sent *sent;

  if (!g_str_equal (response, "move") || !can_move (m) || self->store == NULL)
    return;

  /* The board changed while the dialog was open: what it listed is stale. */
  for (guint i = 0; i < m->bookings->len; i++)
    {
      HibachiBooking *shown = g_ptr_array_index (m->bookings, i);
      HibachiBooking *now = hibachi_dispatch_page_find_booking (self, hibachi_booking_get_id (shown));

      if (now == NULL || hibachi_booking_get_version (now) != hibachi_booking_get_version (shown))
        {
          hibachi_page_toast (GTK_WIDGET (self), _("The day changed meanwhile: nothing was moved. Look again."));
          return;
        }
    }

  chefs = g_ptr_array_new ();
  for (guint i = 0; i < m->bookings->len; i++)
    g_ptr_array_add (chefs, (gpointer) chef_id);
  g_ptr_array_add (chefs, NULL);
  if (m->conflict)
    reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (m->reason_entry))));

  sent = g_new0 (Sent, 1);
  sent->self = g_object_ref (self);
  sent->from_chef = g_strdup (m->from_chef);
  sent->to_chef = g_strdup (chef_id);
  hibachi_dispatch_page_begin_write (self);
  hibachi_store_assign_chefs_async (self->store, m->bookings, (const char * const *) chefs->pdata, reason,
                                    self->writes, moved_cb, sent);
}

void
hibachi_dispatch_page_move_day (HibachiDispatchPage *self,
                                const char          *chef_id)
{
  HibachiChef *from = hibachi_dispatch_page_find_chef (self, chef_id);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog, *box, *scrolled;
  MoveDay *m;
  char day[64];

  if (!self->editable || from == NULL || self->mode != HIBACHI_DISPATCH_DAY)
    return;

  m = g_new0 (MoveDay, 1);
  m->self = g_object_ref (self);
  m->from_chef = g_strdup (chef_id);
  m->bookings = day_bookings (self, chef_id);
  m->targets = g_ptr_array_new_with_free_func (g_free);
  if (m->bookings->len == 0)
    {
      /* Translators: a chef's name */
      g_autofree char *text = g_strdup_printf (_("%s has no bookings that day."), hibachi_chef_get_name (from));

      hibachi_page_toast (GTK_WIDGET (self), text);
      move_day_free (m);
      return;
    }
  for (guint i = 0; i < self->chefs->len; i++)
    {
      HibachiChef *chef = g_ptr_array_index (self->chefs, i);
      const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (chef));

      if (g_str_equal (id, chef_id))
        continue;
      g_ptr_array_add (m->targets, g_strdup (id));
      gtk_string_list_append (names, hibachi_chef_get_name (chef));
    }

  g_date_strftime (day, sizeof day, "%A %e %B", &self->date);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Move the Day?"), NULL);
  /* Translators: a chef's name, a number of bookings, a day */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE, "%s has %u booking on %s. Each is checked with the chef "
                                               "you pick; nothing is sent before you move.",
                                               "%s has %u bookings on %s. Each is checked with the chef you pick; "
                                               "nothing is sent before you move.", m->bookings->len),
                                  hibachi_chef_get_name (from), m->bookings->len, g_strstrip (day));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  m->chef_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  hibachi_accessible_set_label (GTK_WIDGET (m->chef_dropdown), _("Move to chef"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (m->chef_dropdown), _("Move to chef"));
  m->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (m->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (m->list), "boxed-list");
  hibachi_accessible_set_label (GTK_WIDGET (m->list), _("The bookings and their checks"));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  /* Wrapped verdicts measure short: room for two bookings at least. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), m->bookings->len > 1 ? 200 : -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (m->list));
  m->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (m->reason_entry, _("Reason for moving anyway"));
  hibachi_accessible_set_label (GTK_WIDGET (m->reason_entry), _("Reason for moving anyway"));
  gtk_editable_set_width_chars (GTK_EDITABLE (m->reason_entry), 10);
  m->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (m->hint_label, TRUE);
  gtk_label_set_xalign (m->hint_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (m->hint_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->chef_dropdown));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->reason_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->hint_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "dispatch-move-day", m, move_day_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), m);
  g_signal_connect_swapped (m->chef_dropdown, "notify::selected", G_CALLBACK (chef_picked_cb), m);
  g_signal_connect_swapped (m->reason_entry, "changed", G_CALLBACK (reason_changed_cb), m);
  g_signal_connect_swapped (m->reason_entry, "activate", G_CALLBACK (gtk_widget_activate_default), dialog);

  list_verdicts (m);
  update_state (m);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (m->chef_dropdown));
}

static void
move_day_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  hibachi_dispatch_page_move_day (HIBACHI_DISPATCH_PAGE (widget), g_variant_get_string (param, NULL));
}

/* The chef row's menu button: "Actions for Ana Ruiz". */
GtkWidget *
hibachi_dispatch_page_chef_menu_new (HibachiDispatchPage *self,
                                     HibachiChef         *chef)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Move the Day to Another Chef…"), NULL);
  GtkWidget *button = gtk_menu_button_new ();
  /* Translators: a chef's name */
  g_autofree char *label = g_strdup_printf (_("Actions for %s"), hibachi_chef_get_name (chef));

  g_menu_item_set_action_and_target (item, "dispatch.move-day", "s", hibachi_resource_get_id (HIBACHI_RESOURCE (chef)));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "dispatch-chef-menu");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, label);
  hibachi_accessible_set_label (button, label);

  return button;
}

gboolean
hibachi_dispatch_page_popup_chef_menu (GtkWidget *focus)
{
  GtkWidget *menu = focus != NULL ? g_object_get_data (G_OBJECT (focus), "dispatch-chef-menu") : NULL;

  if (menu == NULL)
    return FALSE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  return TRUE;
}

void
hibachi_dispatch_page_install_move_day_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dispatch.move-day", "s", move_day_action);
}
