/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moves on the dispatch board: real GTK drag and drop, the keyboard path
 * (Space picks a card up, arrows move it, Enter drops, Esc cancels), the
 * verdict of src/core while hovering, the optimistic assignment through
 * the store, the reason a conflict needs, and undo. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-undo.h"
#include "hibachi-context-menu.h"
#include "hibachi-dispatch-page-private.h"
#include "hibachi-reason-dialog.h"

#define VERDICT_OFFSET 16

static const char * const verdict_classes[] = {
  "dispatch-ok", "dispatch-warning", "dispatch-conflict", "dispatch-refused",
};

/* Verdicts */

HibachiVerdict
hibachi_dispatch_page_verdict (HibachiDispatchPage         *self,
                               HibachiBooking              *booking,
                               const HibachiDispatchTarget *target,
                               char                       **out_message)
{
  const char *reference = hibachi_booking_get_reference (booking);
  const char *current = hibachi_booking_get_chef_id (booking);
  HibachiChef *chef;
  HibachiSuggestionScore score;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *warnings = NULL;

  if (target->chef_id == NULL)
    {
      if (current == NULL)
        {
          *out_message = g_strdup_printf (_("%s is already waiting for a chef."), reference);
          return HIBACHI_VERDICT_REFUSED;
        }
      *out_message = g_strdup_printf (_("Drop to unassign %s."), reference);
      return HIBACHI_VERDICT_OK;
    }

  /* The date and the slot belong to the customer: a move changes the chef. */
  if (!g_str_equal (target->date, hibachi_booking_get_event_date (booking)))
    {
      *out_message = g_strdup_printf (_("%s is on %s: a move keeps the customer’s date."), reference,
                                      hibachi_booking_get_event_date (booking));
      return HIBACHI_VERDICT_REFUSED;
    }
  if (target->slot != NULL && g_strcmp0 (target->slot, hibachi_booking_get_slot (booking)) != 0)
    {
      *out_message = g_strdup_printf (_("The customer booked %s: drop it in the %s column."),
                                      hibachi_booking_get_slot (booking), hibachi_booking_get_slot (booking));
      return HIBACHI_VERDICT_REFUSED;
    }

  chef = hibachi_dispatch_page_find_chef (self, target->chef_id);
  if (chef == NULL)
    {
      *out_message = g_strdup (_("This chef is no longer on the board."));
      return HIBACHI_VERDICT_REFUSED;
    }
  if (g_strcmp0 (current, target->chef_id) == 0)
    {
      *out_message = g_strdup_printf (_("%s is already assigned to %s."), reference, hibachi_chef_get_name (chef));
      return HIBACHI_VERDICT_REFUSED;
    }

  issues = hibachi_dispatch_check_with (hibachi_dispatch_page_get_snapshot (self), hibachi_booking_get_json (booking),
                                        hibachi_resource_get_json (HIBACHI_RESOURCE (chef)), target->with, &score);
  if (hibachi_assignment_issues_have_conflict (issues))
    {
      g_autofree char *conflicts = hibachi_dispatch_join_issues (issues, HIBACHI_ISSUE_CONFLICT);

      /* Translators: %s the conflicts in words */
      *out_message = g_strdup_printf (_("Conflict: %s"), conflicts);
      return HIBACHI_VERDICT_CONFLICT;
    }
  warnings = hibachi_dispatch_join_issues (issues, HIBACHI_ISSUE_WARNING);
  if (*warnings != '\0')
    {
      *out_message = g_strdup_printf (_("Warning: %s"), warnings);
      return HIBACHI_VERDICT_WARNING;
    }
  *out_message = g_strdup_printf (g_dngettext (NULL, "%s is free: %u minute of travel.", "%s is free: %u minutes of travel.",
                                               score.travel_minutes),
                                  hibachi_chef_get_name (chef), score.travel_minutes);
  return HIBACHI_VERDICT_OK;
}

static void
clear_hover (HibachiDispatchPage *self)
{
  if (self->hover_cell != NULL)
    {
      gtk_widget_remove_css_class (self->hover_cell, "dispatch-target");
      for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
        gtk_widget_remove_css_class (self->hover_cell, verdict_classes[i]);
    }
  self->hover_cell = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
}

/* Shows the verdict of dropping the moving booking on @cell, next to the
 * point (@x, @y) of the cell. */
static void
show_verdict (HibachiDispatchPage *self,
              GtkWidget           *cell,
              double               x,
              double               y)
{
  HibachiDispatchTarget target;
  HibachiVerdict verdict;
  g_autofree char *message = NULL;
  graphene_point_t point;

  if (cell != self->hover_cell)
    {
      clear_hover (self);
      if (self->moving == NULL || !hibachi_dispatch_cell_get_target (cell, &target))
        return;
      self->hover_cell = cell;
      verdict = hibachi_dispatch_page_verdict (self, self->moving, &target, &message);
      gtk_widget_add_css_class (cell, "dispatch-target");
      gtk_widget_add_css_class (cell, verdict_classes[verdict]);
      if (verdict == HIBACHI_VERDICT_CONFLICT)
        {
          g_autofree char *conflict = g_steal_pointer (&message);

          message = g_strdup_printf ("%s %s", conflict, _("Dropping asks for a reason to assign anyway."));
        }
      gtk_label_set_text (self->verdict_label, message);
      for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), verdict_classes[i]);
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), verdict_classes[verdict]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
    }

  /* A mouse drag shows the card from the pointer down: the note goes
   * below it, not beneath it where it cannot be read; above the pointer
   * when below would leave the board. */
  if (gtk_widget_compute_point (cell, self->board_overlay, &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    {
      int top = (int) point.y + self->drag_height + VERDICT_OFFSET, height = 0;

      gtk_widget_measure (GTK_WIDGET (self->verdict_label), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      if (top + height > gtk_widget_get_height (self->board_overlay) && (int) point.y - VERDICT_OFFSET - height >= 0)
        top = (int) point.y - VERDICT_OFFSET - height;
      gtk_widget_set_margin_start (GTK_WIDGET (self->verdict_label), MAX (0, (int) point.x + VERDICT_OFFSET));
      gtk_widget_set_margin_top (GTK_WIDGET (self->verdict_label), MAX (0, top));
    }
}

/* Assigning */

typedef struct
{
  HibachiDispatchPage *self;
  HibachiBooking      *original;
  char                *chef_id;
} Move;

static void
move_free (Move *move)
{
  g_object_unref (move->self);
  g_object_unref (move->original);
  g_free (move->chef_id);
  g_free (move);
}

/* @booking with another chef (NULL: none), as a new object. Its members
 * are copied one by one: json_node_copy() of an object node shares the
 * object, and the booking shown must keep its own. */
static HibachiBooking *
with_chef (HibachiBooking *booking,
           const char     *chef_id)
{
  JsonObject *json = hibachi_booking_get_json (booking);
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (json);
  g_autoptr(JsonNode) node = NULL;

  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (json, l->data)));
  if (chef_id != NULL)
    json_object_set_string_member (copy, "chef_id", chef_id);
  else
    json_object_set_null_member (copy, "chef_id");
  node = json_node_init_object (json_node_alloc (), copy);
  return hibachi_booking_new_from_json (node, NULL);
}

static void
assigned_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Move *move = user_data;
  HibachiDispatchPage *self = move->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) current = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, &current, &error);
  const char *previous = hibachi_booking_get_chef_id (move->original);
  const char *reference = hibachi_booking_get_reference (move->original);

  hibachi_dispatch_page_end_write (self);
  if (booking == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The card goes back where it was (or where the server has it). */
          hibachi_dispatch_page_replace (self, current != NULL ? current : move->original);
          hibachi_dispatch_page_refresh (self, previous, move->chef_id);
          if (current != NULL)
            hibachi_dispatch_page_refresh (self, hibachi_booking_get_chef_id (current), NULL);
          hibachi_page_toast (GTK_WIDGET (self), error->message);
        }
      move_free (move);
      return;
    }

  hibachi_dispatch_page_replace (self, booking);
  /* The two chefs' rows and the queue: the rest of the board is as it was. */
  hibachi_dispatch_page_refresh (self, previous, move->chef_id);

  {
    HibachiChef *chef = move->chef_id != NULL ? hibachi_dispatch_page_find_chef (self, move->chef_id) : NULL;
    g_autoptr(GPtrArray) changed = g_ptr_array_new ();
    const char *previous_chefs[] = { previous };
    g_autoptr(HibachiBookingUndo) undo = NULL;
    g_autofree char *message = chef != NULL
      ? g_strdup_printf (_("%s assigned to %s"), reference, hibachi_chef_get_name (chef))
      : g_strdup_printf (_("%s unassigned"), reference);
    /* Translators: completes "Undo …" and "Undid …": a booking reference */
    g_autofree char *description = chef != NULL ? g_strdup_printf (_("assignment of %s"), reference)
                                                /* Translators: completes "Undo …" and "Undid …": a booking reference */
                                                : g_strdup_printf (_("unassignment of %s"), reference);

    g_ptr_array_add (changed, booking);
    undo = hibachi_booking_undo_new_chefs (self->store, changed, previous_chefs, message, description);
    hibachi_booking_undo_push (hibachi_page_get_context (HIBACHI_PAGE (self)), undo);
  }
  move_free (move);
}

/* Moves the card at once, then asks the server. */
static void
assign (HibachiDispatchPage *self,
        HibachiBooking      *booking,
        const char          *chef_id,
        const char          *reason)
{
  g_autoptr(HibachiBooking) moved = with_chef (booking, chef_id);
  Move *move = g_new0 (Move, 1);

  /* @chef_id and @reason may point into cells the rebuild destroys. */
  move->self = g_object_ref (self);
  move->original = g_object_ref (booking);
  move->chef_id = g_strdup (chef_id);
  hibachi_dispatch_page_begin_write (self);
  hibachi_store_assign_chef_async (self->store, booking, move->chef_id, reason, self->writes, assigned_cb, move);
  if (moved != NULL)
    {
      hibachi_dispatch_page_replace (self, moved);
      hibachi_dispatch_page_move_card (self, moved);
    }
}

typedef struct
{
  HibachiDispatchPage *self;
  char                *booking_id;
  gint64               version;
  char                *chef_id;
} Override;

static void
override_free (gpointer data)
{
  Override *o = data;

  g_object_unref (o->self);
  g_free (o->booking_id);
  g_free (o->chef_id);
  g_free (o);
}

static void
override_reason_cb (const char *reason,
                    gpointer    user_data)
{
  Override *o = user_data;
  HibachiBooking *booking = hibachi_dispatch_page_find_booking (o->self, o->booking_id);

  if (booking == NULL || hibachi_booking_get_version (booking) != o->version)
    {
      hibachi_page_toast (GTK_WIDGET (o->self), _("The booking changed meanwhile: nothing was assigned. Look again."));
      return;
    }
  assign (o->self, booking, o->chef_id, reason);
}

gboolean
hibachi_dispatch_page_drop (HibachiDispatchPage         *self,
                            HibachiBooking              *booking,
                            const HibachiDispatchTarget *target)
{
  HibachiBooking *current;
  g_autofree char *message = NULL;
  HibachiVerdict verdict;

  if (!self->editable || booking == NULL)
    return FALSE;

  current = hibachi_dispatch_page_find_booking (self, hibachi_booking_get_id (booking));
  if (current == NULL || hibachi_booking_get_version (current) != hibachi_booking_get_version (booking))
    {
      const char *actor = g_hash_table_lookup (self->moved_by, hibachi_booking_get_id (booking));
      g_autofree char *text = actor != NULL
        ? g_strdup_printf (_("%s was changed by %s while you moved it: nothing was assigned. Look again."),
                           hibachi_booking_get_reference (booking), actor)
        : g_strdup_printf (_("%s was changed while you moved it: nothing was assigned. Look again."),
                           hibachi_booking_get_reference (booking));

      hibachi_page_toast (GTK_WIDGET (self), text);
      return FALSE;
    }

  verdict = hibachi_dispatch_page_verdict (self, current, target, &message);
  if (verdict == HIBACHI_VERDICT_REFUSED)
    {
      hibachi_page_toast (GTK_WIDGET (self), message);
      return FALSE;
    }
  if (verdict == HIBACHI_VERDICT_CONFLICT)
    {
      Override *o = g_new0 (Override, 1);
      HibachiChef *chef = hibachi_dispatch_page_find_chef (self, target->chef_id);
      /* A short heading (HIG); the booking and the chef are named in the body.
       * Translators: %s a booking reference, then a chef's name, then why */
      g_autofree char *body = g_strdup_printf (_("Assign %s to %s? %s"), hibachi_booking_get_reference (current),
                                               hibachi_chef_get_name (chef), message);

      o->self = g_object_ref (self);
      o->booking_id = g_strdup (hibachi_booking_get_id (current));
      o->version = hibachi_booking_get_version (current);
      o->chef_id = g_strdup (target->chef_id);
      hibachi_reason_dialog_run (GTK_WIDGET (self), _("Assign Anyway?"), body, _("Assign _Anyway"), FALSE,
                                 override_reason_cb, o, override_free);
      return TRUE;
    }

  assign (self, current, target->chef_id, NULL);
  return TRUE;
}

void
hibachi_dispatch_page_undone (HibachiDispatchPage *self,
                              HibachiUndoCommand  *command)
{
  GPtrArray *results;

  if (!HIBACHI_IS_BOOKING_UNDO (command) || self->bookings == NULL)
    return;
  results = hibachi_booking_undo_get_results (HIBACHI_BOOKING_UNDO (command));
  for (guint i = 0; results != NULL && i < results->len; i++)
    if (hibachi_dispatch_page_find_booking (self, hibachi_booking_get_id (g_ptr_array_index (results, i))) != NULL)
      hibachi_dispatch_page_replace (self, g_ptr_array_index (results, i));
  hibachi_dispatch_page_rebuild (self);
}

/* Drag and drop */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource       *source,
                 double               x,
                 double               y,
                 HibachiDispatchPage *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  HibachiBooking *booking = hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (card));

  if (!self->editable)
    return NULL;
  g_set_object (&self->moving, booking);
  /* The drag's icon is the card, its corner at the pointer. */
  self->drag_height = gtk_widget_get_height (card);
  return gdk_content_provider_new_typed (HIBACHI_TYPE_BOOKING, booking);
}

static void
drag_begin_cb (GtkDragSource       *source,
               GdkDrag             *drag,
               HibachiDispatchPage *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, icon, 0, 0);
  gtk_widget_add_css_class (card, "dispatch-dragged");
}

static void
drag_end_cb (GtkDragSource       *source,
             GdkDrag             *drag,
             gboolean             delete_data,
             HibachiDispatchPage *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  /* After a drop the board is rebuilt: the card dragged is gone. */
  if (card != NULL)
    gtk_widget_remove_css_class (card, "dispatch-dragged");
  clear_hover (self);
  g_clear_object (&self->moving);
  self->drag_height = 0;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget       *drop,
               double               x,
               double               y,
               HibachiDispatchPage *self)
{
  if (!self->editable)
    return 0;
  show_verdict (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drop)), x, y);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget       *drop,
               HibachiDispatchPage *self)
{
  if (self->hover_cell == gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drop)))
    clear_hover (self);
}

static gboolean
drop_cb (GtkDropTarget       *drop,
         const GValue        *value,
         double               x,
         double               y,
         HibachiDispatchPage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drop));
  HibachiDispatchTarget target;
  gboolean done;

  clear_hover (self);
  if (!G_VALUE_HOLDS (value, HIBACHI_TYPE_BOOKING) || !hibachi_dispatch_cell_get_target (cell, &target))
    return FALSE;
  done = hibachi_dispatch_page_drop (self, g_value_get_object (value), &target);
  g_clear_object (&self->moving);
  return done;
}

void
hibachi_dispatch_page_setup_card (HibachiDispatchPage *self,
                                  GtkWidget           *card)
{
  GtkDragSource *source;

  if (!self->editable)
    return;
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
}

void
hibachi_dispatch_page_setup_target (HibachiDispatchPage *self,
                                    GtkWidget           *cell)
{
  GtkDropTarget *drop = gtk_drop_target_new (HIBACHI_TYPE_BOOKING, GDK_ACTION_MOVE);

  /* The queue is a target for any date: unassigning. */
  if (g_object_get_data (G_OBJECT (cell), "dispatch-date") == NULL)
    g_object_set_data_full (G_OBJECT (cell), "dispatch-date", g_strdup (""), g_free);
  g_signal_connect_object (drop, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (drop, "motion", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (drop));
}

/* Keyboard */

static GtkWidget *
focused_widget (HibachiDispatchPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

static HibachiDispatchCard *
card_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (HIBACHI_IS_DISPATCH_CARD (widget))
      return HIBACHI_DISPATCH_CARD (widget);
  return NULL;
}

/* The board cell (or the queue) holding @widget. */
static GtkWidget *
cell_of (HibachiDispatchPage *self,
         GtkWidget           *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_has_css_class (widget, "dispatch-cell") || widget == GTK_WIDGET (self->queue))
      return widget;
  return NULL;
}

/* The cell beside @cell in direction (@dx, @dy); the queue is right of the
 * last column. NULL at the edges. */
static GtkWidget *
neighbour (HibachiDispatchPage *self,
           GtkWidget           *cell,
           int                  dx,
           int                  dy)
{
  int column, row;
  GtkWidget *next;

  if (cell == GTK_WIDGET (self->queue))
    return dx < 0 ? gtk_grid_get_child_at (self->board, 1, 1) : NULL;
  gtk_grid_query_child (self->board, cell, &column, &row, NULL, NULL);
  if (column + dx < 1 || row + dy < 1)
    return NULL;
  next = gtk_grid_get_child_at (self->board, column + dx, row + dy);
  if (next == NULL && dx > 0)
    return GTK_WIDGET (self->queue);
  return next;
}

static GtkWidget *
first_card (GtkWidget *cell,
            gboolean   last)
{
  GtkWidget *child = last ? gtk_widget_get_last_child (cell) : gtk_widget_get_first_child (cell);

  for (; child != NULL; child = last ? gtk_widget_get_prev_sibling (child) : gtk_widget_get_next_sibling (child))
    if (HIBACHI_IS_DISPATCH_CARD (child))
      return child;
  return NULL;
}

static void
carry_to (HibachiDispatchPage *self,
          GtkWidget           *cell)
{
  gtk_widget_grab_focus (cell);
  show_verdict (self, cell, 0, (double) gtk_widget_get_height (cell));
}

static void
stop_carrying (HibachiDispatchPage *self)
{
  if (self->carried_card != NULL)
    gtk_widget_remove_css_class (self->carried_card, "dispatch-dragged");
  g_clear_object (&self->carried_card);
  clear_hover (self);
  g_clear_object (&self->moving);
}

static gboolean
move_focus (HibachiDispatchPage *self,
            GtkWidget           *focus,
            int                  dx,
            int                  dy)
{
  GtkWidget *card = GTK_WIDGET (card_of (focus));
  GtkWidget *cell = cell_of (self, focus);
  GtkWidget *next;

  if (cell == NULL)
    return FALSE;

  if (self->carried_card != NULL)
    {
      next = neighbour (self, self->hover_cell != NULL ? self->hover_cell : cell, dx, dy);
      if (next != NULL)
        carry_to (self, next);
      return TRUE;
    }

  /* Up and down go through the cards of a cell (or the queue) first. */
  if (card != NULL && dy != 0)
    {
      GtkWidget *sibling = card;

      do
        sibling = dy > 0 ? gtk_widget_get_next_sibling (sibling) : gtk_widget_get_prev_sibling (sibling);
      while (sibling != NULL && !HIBACHI_IS_DISPATCH_CARD (sibling));
      if (sibling != NULL)
        return gtk_widget_grab_focus (sibling);
      if (cell == GTK_WIDGET (self->queue))
        return TRUE;
    }

  next = neighbour (self, cell, dx, dy);
  if (next == NULL)
    return TRUE;
  if ((card = first_card (next, dy < 0)) != NULL)
    return gtk_widget_grab_focus (card);
  return gtk_widget_grab_focus (next);
}

gboolean
hibachi_dispatch_page_key_pressed (HibachiDispatchPage *self,
                                   guint                keyval,
                                   GdkModifierType      state)
{
  GtkWidget *focus = focused_widget (self);
  HibachiDispatchCard *card = card_of (focus);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (mods != 0)
        return FALSE;
      return move_focus (self, focus, keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1 : 0,
                         keyval == GDK_KEY_Up ? -1 : keyval == GDK_KEY_Down ? 1 : 0);

    case GDK_KEY_space:
      if (card == NULL || self->carried_card != NULL || !self->editable)
        return FALSE;
      self->carried_card = g_object_ref (GTK_WIDGET (card));
      g_set_object (&self->moving, hibachi_dispatch_card_get_booking (card));
      gtk_widget_add_css_class (GTK_WIDGET (card), "dispatch-dragged");
      show_verdict (self, cell_of (self, GTK_WIDGET (card)), 0, (double) gtk_widget_get_height (GTK_WIDGET (card)));
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->carried_card != NULL)
        {
          g_autoptr(HibachiBooking) booking = g_object_ref (self->moving);
          g_autoptr(GtkWidget) carried = g_object_ref (self->carried_card);
          GtkWidget *cell = self->hover_cell;
          HibachiDispatchTarget target;

          /* The focus goes with the card wherever it lands. */
          stop_carrying (self);
          gtk_widget_grab_focus (carried);
          if (cell != NULL && hibachi_dispatch_cell_get_target (cell, &target))
            hibachi_dispatch_page_drop (self, booking, &target);
          return TRUE;
        }
      if (card != NULL && self->editable)
        {
          hibachi_dispatch_page_open_assign_dialog (self, hibachi_dispatch_card_get_booking (card));
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Escape:
      if (self->carried_card == NULL)
        return FALSE;
      {
        g_autoptr(GtkWidget) carried = g_object_ref (self->carried_card);

        stop_carrying (self);
        gtk_widget_grab_focus (carried);
      }
      return TRUE;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (!hibachi_context_menu_is_key (keyval, state))
        return FALSE;
      if (card == NULL)
        return hibachi_dispatch_page_popup_chef_menu (focus);
      hibachi_dispatch_page_open_context_menu (self, card);
      return TRUE;

    default:
      return FALSE;
    }
}
