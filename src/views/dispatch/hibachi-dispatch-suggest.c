/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suggest for the day: src/core proposes a chef for each unassigned
 * booking of the day shown; the board shows the proposals as ghost cards
 * the user can remove; Apply assigns the rest in one all-or-nothing request,
 * undone in one step. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-undo.h"
#include "hibachi-dispatch-page-private.h"

typedef struct
{
  char *booking_id;
  char *chef_id;
} Proposal;

static void
proposal_clear (gpointer data)
{
  Proposal *p = data;

  g_free (p->booking_id);
  g_free (p->chef_id);
}

static void
update_bar (HibachiDispatchPage *self)
{
  guint n = self->proposals != NULL ? self->proposals->len : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u proposal: remove any you do not want, then apply.",
                                                        "%u proposals: remove any you do not want, then apply.", n), n);

  gtk_label_set_text (self->suggest_label, text);
  gtk_revealer_set_reveal_child (self->suggest_bar, self->proposals != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.apply-suggestions", n > 0);
}

void
hibachi_dispatch_page_clear_suggestions (HibachiDispatchPage *self)
{
  g_clear_pointer (&self->proposals, g_array_unref);
  update_bar (self);
}

/* Drops proposals whose booking is no longer waiting (moved meanwhile). */
static void
prune (HibachiDispatchPage *self)
{
  for (guint i = 0; self->proposals != NULL && i < self->proposals->len;)
    {
      HibachiBooking *booking = hibachi_dispatch_page_find_booking (self, g_array_index (self->proposals, Proposal, i).booking_id);

      if (booking == NULL || !hibachi_dispatch_is_unassigned (hibachi_booking_get_json (booking)))
        g_array_remove_index (self->proposals, i);
      else
        i++;
    }
}

/* What the proposal meets, with the chef's other proposals counted (a
 * party too large for the chef is proposed when no chef without a
 * conflict takes it): reviewed before applying. */
static void
flag_proposal (HibachiDispatchPage *self,
               HibachiDispatchCard *card,
               Proposal            *p)
{
  HibachiChef *chef = hibachi_dispatch_page_find_chef (self, p->chef_id);
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  g_autoptr(GPtrArray) issues = NULL;

  if (chef == NULL)
    return;
  for (guint i = 0; i < self->proposals->len; i++)
    {
      Proposal *other = &g_array_index (self->proposals, Proposal, i);
      HibachiBooking *booking = hibachi_dispatch_page_find_booking (self, other->booking_id);

      if (other != p && booking != NULL && g_strcmp0 (other->chef_id, p->chef_id) == 0)
        g_ptr_array_add (extra, hibachi_booking_get_json (booking));
    }
  issues = hibachi_dispatch_check_with (hibachi_dispatch_page_get_snapshot (self), hibachi_booking_get_json (hibachi_dispatch_card_get_booking (card)),
                                        hibachi_resource_get_json (HIBACHI_RESOURCE (chef)), extra, NULL);
  hibachi_dispatch_card_set_issues (card, issues);
}

void
hibachi_dispatch_page_add_ghosts (HibachiDispatchPage *self,
                                  GtkWidget           *cell,
                                  const char          *chef_id,
                                  const char          *date,
                                  const char          *slot)
{
  for (guint i = 0; self->proposals != NULL && i < self->proposals->len; i++)
    {
      Proposal *p = &g_array_index (self->proposals, Proposal, i);
      HibachiBooking *booking = hibachi_dispatch_page_find_booking (self, p->booking_id);
      GtkWidget *card, *remove;
      g_autofree char *label = NULL;

      if (booking == NULL || !hibachi_dispatch_is_unassigned (hibachi_booking_get_json (booking)) ||
          g_strcmp0 (p->chef_id, chef_id) != 0 ||
          g_strcmp0 (hibachi_booking_get_event_date (booking), date) != 0 ||
          (slot != NULL && g_strcmp0 (hibachi_booking_get_slot (booking), slot) != 0))
        continue;
      card = hibachi_dispatch_card_new (booking, self->mode == HIBACHI_DISPATCH_WEEK, FALSE, -1);
      flag_proposal (self, HIBACHI_DISPATCH_CARD (card), p);
      gtk_widget_add_css_class (card, "dispatch-ghost");
      remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "dispatch-remove");
      /* Translators: %s a booking reference */
      label = g_strdup_printf (_("Remove the proposal for %s"), hibachi_booking_get_reference (booking));
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "dispatch.remove-suggestion");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", p->booking_id);
      hibachi_dispatch_card_add_button (HIBACHI_DISPATCH_CARD (card), remove);
      gtk_box_append (GTK_BOX (cell), card);
    }
}

static void
suggest_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);
  g_autoptr(GArray) found = NULL;

  if (!self->editable || self->bookings == NULL)
    return;
  found = hibachi_dispatch_suggest_day (hibachi_dispatch_page_get_snapshot (self), &self->date);
  g_clear_pointer (&self->proposals, g_array_unref);
  self->proposals = g_array_new (FALSE, FALSE, sizeof (Proposal));
  g_array_set_clear_func (self->proposals, proposal_clear);
  for (guint i = 0; i < found->len; i++)
    {
      HibachiDispatchProposal *f = &g_array_index (found, HibachiDispatchProposal, i);
      Proposal p = { g_strdup (f->booking_id), g_strdup (f->chef_id) };

      g_array_append_val (self->proposals, p);
    }
  if (found->len == 0)
    hibachi_page_toast (GTK_WIDGET (self), _("No chef is free for the bookings waiting that day."));
  update_bar (self);
  hibachi_dispatch_page_rebuild (self);
}

static void
remove_suggestion_action (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; self->proposals != NULL && i < self->proposals->len; i++)
    if (g_str_equal (g_array_index (self->proposals, Proposal, i).booking_id, id))
      {
        g_array_remove_index (self->proposals, i);
        break;
      }
  update_bar (self);
  hibachi_dispatch_page_rebuild (self);
}

static void
discard_suggestions_action (GtkWidget  *widget,
                            const char *action,
                            GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);

  hibachi_dispatch_page_clear_suggestions (self);
  hibachi_dispatch_page_rebuild (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HibachiDispatchPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assigned = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  g_autoptr(HibachiBookingUndo) undo = NULL;

  hibachi_dispatch_page_end_write (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.apply-suggestions", TRUE);
  if (assigned == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Nothing was assigned: %s"), error->message);

          hibachi_page_toast (GTK_WIDGET (self), text);
          hibachi_dispatch_page_schedule_reload (self);
        }
      return;
    }

  hibachi_dispatch_page_clear_suggestions (self);
  for (guint i = 0; i < assigned->len; i++)
    hibachi_dispatch_page_replace (self, g_ptr_array_index (assigned, i));
  hibachi_dispatch_page_rebuild (self);
  {
    /* They all waited in the queue: the undo takes every chef away again. */
    g_autofree const char **previous = g_new0 (const char *, assigned->len);
    g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "%u suggested assignment applied",
                                                             "%u suggested assignments applied", assigned->len),
                                                assigned->len);

    /* Translators: completes "Undo …" */
    undo = hibachi_booking_undo_new_chefs (self->store, assigned, previous, message, _("suggested assignments"));
    hibachi_booking_undo_push (hibachi_page_get_context (HIBACHI_PAGE (self)), undo);
  }
}

static void
apply_suggestions_action (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  HibachiDispatchPage *self = HIBACHI_DISPATCH_PAGE (widget);
  g_autoptr(GPtrArray) bookings = g_ptr_array_new ();
  g_autoptr(GPtrArray) chefs = g_ptr_array_new ();

  prune (self);
  if (self->proposals == NULL || self->proposals->len == 0 || self->store == NULL)
    return;
  for (guint i = 0; i < self->proposals->len; i++)
    {
      Proposal *p = &g_array_index (self->proposals, Proposal, i);

      g_ptr_array_add (bookings, hibachi_dispatch_page_find_booking (self, p->booking_id));
      g_ptr_array_add (chefs, p->chef_id);
    }
  g_ptr_array_add (chefs, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispatch.apply-suggestions", FALSE);
  hibachi_dispatch_page_begin_write (self);
  hibachi_store_assign_chefs_async (self->store, bookings, (const char * const *) chefs->pdata, NULL, self->writes,
                                    applied_cb, g_object_ref (self));
}

void
hibachi_dispatch_page_install_suggest_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dispatch.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "dispatch.remove-suggestion", "s", remove_suggestion_action);
  gtk_widget_class_install_action (widget_class, "dispatch.discard-suggestions", NULL, discard_suggestions_action);
  gtk_widget_class_install_action (widget_class, "dispatch.apply-suggestions", NULL, apply_suggestions_action);
}
