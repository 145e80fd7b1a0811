/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-dispatch-card"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-date-format.h"
#include "hibachi-dispatch-card.h"
#include "hibachi-dispatch-plan.h"

struct _HibachiDispatchCard
{
  GtkWidget       parent_instance;

  HibachiBooking *booking;
  GtkWidget      *flag_line;  /* where the flag goes: the customer's line
                               * (the first, the reference's, stays whole) */
  GtkWidget      *bottom;     /* the last line, where a button may go */
  GtkWidget      *flag;       /* NULL: nothing to look out for */
  char           *spoken;     /* everything the card shows, in words */
  char           *allergens;  /* "peanuts, shellfish", or "" */
};

G_DEFINE_FINAL_TYPE (HibachiDispatchCard, hibachi_dispatch_card, GTK_TYPE_WIDGET)

static const char *
status_icon (const char *status)
{
  if (g_strcmp0 (status, "confirmed") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (status, "completed") == 0)
    return "object-select-symbolic";
  return "document-open-recent-symbolic";
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static void
hibachi_dispatch_card_dispose (GObject *object)
{
  HibachiDispatchCard *self = HIBACHI_DISPATCH_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->booking);
  g_clear_pointer (&self->spoken, g_free);
  g_clear_pointer (&self->allergens, g_free);

  G_OBJECT_CLASS (hibachi_dispatch_card_parent_class)->dispose (object);
}

static void
hibachi_dispatch_card_class_init (HibachiDispatchCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_dispatch_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dispatchcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

/* A card clicked is the card the keys act on next (Enter, Space, the
 * menu key), not the one focused before: focus goes where the click went.
 * The press is not claimed, so a drag still starts from it. */
static void
pressed_cb (GtkGestureClick     *click,
            int                  n_press,
            double               x,
            double               y,
            HibachiDispatchCard *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
hibachi_dispatch_card_init (HibachiDispatchCard *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* The flag after the customer (the slot on a week card): what to look out
 * for. An error icon for a conflict, a warning icon for a warning or for
 * allergens; its tooltip,
 * the card's tooltip and what a screen reader says of the card name them
 * ("Allergens" alone said not which; an assignment's warnings showed only
 * while dragging). */
void
hibachi_dispatch_card_set_issues (HibachiDispatchCard *self,
                                  GPtrArray           *issues)
{
  g_autofree char *conflicts = issues != NULL ? hibachi_dispatch_join_issues (issues, HIBACHI_ISSUE_CONFLICT) : g_strdup ("");
  g_autofree char *warnings = issues != NULL ? hibachi_dispatch_join_issues (issues, HIBACHI_ISSUE_WARNING) : g_strdup ("");
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (self->spoken);

  g_return_if_fail (HIBACHI_IS_DISPATCH_CARD (self));

  if (*self->allergens != '\0')
    {
      g_string_append_printf (said, "%s %s", _("Allergens:"), self->allergens);
      g_string_append_printf (spoken, "%s: %s", _(", allergens"), self->allergens);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? conflicts : warnings;

      if (*text == '\0')
        continue;
      g_string_append_printf (said, "%s%s", said->len > 0 ? "\n" : "", text);
      g_string_append_printf (spoken, ". %s", text);
    }

  g_clear_pointer (&self->flag, gtk_widget_unparent);
  if (said->len > 0)
    {
      self->flag = gtk_image_new_from_icon_name (*conflicts != '\0' ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (self->flag, said->str);
      gtk_widget_set_halign (self->flag, GTK_ALIGN_END);
      gtk_widget_set_hexpand (self->flag, TRUE);
      gtk_box_append (GTK_BOX (self->flag_line), self->flag);
    }
  if (*self->allergens != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self), "allergens");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), spoken->str);
}

GtkWidget *
hibachi_dispatch_card_new (HibachiBooking *booking,
                           gboolean        compact,
                           gboolean        show_date,
                           int             travel_minutes)
{
  HibachiDispatchCard *self = g_object_new (HIBACHI_TYPE_DISPATCH_CARD, NULL);
  g_auto(GStrv) allergen_list = hibachi_booking_dup_allergens (booking);
  g_autofree char *allergens = g_strjoinv (", ", allergen_list);
  const char *status = hibachi_booking_get_status (booking);
  gint64 guests = hibachi_booking_get_guests (booking);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (status));
  g_autofree char *guests_text = hibachi_dispatch_guests_text (guests);
  g_autofree char *travel = travel_minutes >= 0 ? g_strdup_printf (_("%d min travel"), travel_minutes) : NULL;
  g_autofree char *line = NULL;
  g_autofree char *day = hibachi_date_format_day (hibachi_booking_get_event_date (booking));

  self->booking = g_object_ref (booking);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (box), top);
  gtk_widget_set_tooltip_text (icon, hibachi_booking_status_label (status));
  if (compact)
    {
      /* The week's narrow days: the slot, then the status and the guests. */
      GtkWidget *below = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      add_label (top, hibachi_booking_get_slot (booking), "caption-heading");
      self->flag_line = top;
      gtk_box_append (GTK_BOX (below), icon);
      gtk_widget_set_hexpand (add_label (below, guests_text, "caption"), TRUE);
      gtk_box_append (GTK_BOX (box), below);
      self->bottom = below;
    }
  else
    {
      /* The reference whole, and alone on its line: "MH-…" on a proposal
       * said nothing about which booking it was, and what stood beside it
       * widened the board's columns past a 1280 px screen. The other lines
       * may shorten: the status icon starts the last. */
      gtk_label_set_ellipsize (GTK_LABEL (add_label (top, hibachi_booking_get_reference (booking), "heading")),
                               PANGO_ELLIPSIZE_NONE);
      self->flag_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_set_hexpand (add_label (self->flag_line, hibachi_booking_get_customer_name (booking), NULL), TRUE);
      gtk_box_append (GTK_BOX (box), self->flag_line);
      if (show_date)
        line = g_strdup_printf ("%s %s · %s", day, hibachi_booking_get_slot (booking),
                                guests_text);
      else if (travel != NULL)
        line = g_strdup_printf ("%s · %s · %s", hibachi_booking_status_label (status), guests_text, travel);
      else
        line = g_strdup_printf ("%s · %s", hibachi_booking_status_label (status), guests_text);
      self->bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (self->bottom), icon);
      gtk_widget_set_hexpand (add_label (self->bottom, line, "caption"), TRUE);
      gtk_box_append (GTK_BOX (box), self->bottom);
    }
  /* What a screen reader says of the card: everything it shows in words. */
  self->spoken = g_strdup_printf ("%s, %s, %s %s, %s, %s%s%s", hibachi_booking_get_reference (booking),
                                  hibachi_booking_get_customer_name (booking), day,
                                  hibachi_booking_get_slot (booking), guests_text, hibachi_booking_status_label (status),
                                  travel != NULL ? ", " : "", travel != NULL ? travel : "");
  self->allergens = g_steal_pointer (&allergens);
  hibachi_dispatch_card_set_issues (self, NULL);

  return GTK_WIDGET (self);
}

void
hibachi_dispatch_card_add_button (HibachiDispatchCard *self,
                                  GtkWidget           *button)
{
  g_return_if_fail (HIBACHI_IS_DISPATCH_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->bottom), button);
}

HibachiBooking *
hibachi_dispatch_card_get_booking (HibachiDispatchCard *self)
{
  g_return_val_if_fail (HIBACHI_IS_DISPATCH_CARD (self), NULL);

  return self->booking;
}

char *
hibachi_dispatch_guests_text (gint64 guests)
{
  int n = (int) CLAMP (guests, 0, G_MAXINT);

  return g_strdup_printf (g_dngettext (NULL, "%d guest", "%d guests", (gulong) n), n);
}

char *
hibachi_dispatch_load_text (guint    events,
                            gint64   guests,
                            gboolean two_lines)
{
  g_autofree char *events_text = g_strdup_printf (g_dngettext (NULL, "%u event", "%u events", events), events);
  g_autofree char *guests_text = hibachi_dispatch_guests_text (guests);

  if (two_lines)
    return g_strdup_printf ("%s\n%s", events_text, guests_text);
  /* Translators: a chef's or a day's load: "2 events · 38 guests" */
  return g_strdup_printf (_("%s · %s"), events_text, guests_text);
}
