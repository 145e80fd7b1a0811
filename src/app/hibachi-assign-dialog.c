/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-assign-choice.h"
#include "hibachi-assign-dialog.h"
#include "hibachi-booking-undo.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"
#include "hibachi-list-keys.h"

struct _HibachiAssignDialog
{
  AdwMessageDialog      parent_instance;

  GtkStack             *stack;
  GtkLabel             *error_label;
  GtkListBox           *list;
  GtkEntry             *reason_entry;
  GtkLabel             *hint_label;

  /* Kept past dispose: an assignment goes on after the dialog closed. */
  HibachiContext       *context;
  HibachiStore         *store;
  GPtrArray            *bookings;          /* HibachiBooking, as given */
  GPtrArray            *suggestions;       /* per booking: GPtrArray of HibachiChefSuggestion */
  guint                 n_loading;
  GCancellable         *load_cancellable;
  GPtrArray            *choices;           /* HibachiAssignChoice, best first */
  GTask                *task;              /* the run */
  gboolean              assigning;
  char                 *chef_id;           /* chosen */
  char                 *chef_name;
  char                 *reason;            /* for the conflicting bookings, or NULL */
  HibachiAssignChoice  *choice;            /* chosen, in choices */
  guint                 next;              /* booking to assign next */
  gboolean              retried;           /* it changed meanwhile once already */
  GPtrArray            *assigned;          /* HibachiBooking as the server answered */
  GPtrArray            *previous_chefs;    /* char *, the chef each assigned one had */
};

G_DEFINE_FINAL_TYPE (HibachiAssignDialog, hibachi_assign_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Finishing */

static void
finish_run (HibachiAssignDialog *self,
            GError              *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (self->assigned), (GDestroyNotify) g_ptr_array_unref);
}

/* One undo for everything the server assigned: the previous chefs back. */
static void
push_undo (HibachiAssignDialog *self)
{
  g_autoptr(HibachiBookingUndo) undo = NULL;
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;
  guint n = self->assigned->len;

  if (n == 0)
    return;
  if (n == 1)
    {
      const char *reference = hibachi_booking_get_reference (g_ptr_array_index (self->assigned, 0));

      /* Translators: a chef's name, a booking reference */
      message = g_strdup_printf (_("%s assigned to %s"), self->chef_name, reference);
      /* Translators: completes "Undo …" / "Undid …"; a booking reference */
      description = g_strdup_printf (_("assignment of %s"), reference);
    }
  else
    {
      /* Translators: a chef's name, a number of bookings */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s assigned to %u booking", "%s assigned to %u bookings", n),
                                 self->chef_name, n);
      /* Translators: completes "Undo …" / "Undid …" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "assignment of %u booking", "assignment of %u bookings", n), n);
    }
  undo = hibachi_booking_undo_new_chefs (self->store, self->assigned, (const char * const *) self->previous_chefs->pdata,
                                         message, description);
  hibachi_booking_undo_push (self->context, undo);
}

static void assign_next (HibachiAssignDialog *self);

static void
assigned_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HibachiAssignDialog) self = user_data;
  HibachiBooking *before = g_ptr_array_index (self->bookings, self->next);
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) current = NULL;
  HibachiBooking *booking = hibachi_store_booking_finish (HIBACHI_STORE (source), result, &current, &error);

  /* Changed meanwhile (confirmed, edited): the assignment only touches the
   * chef, so while the chef is still the one the user saw, it goes on
   * against the new version; a chef changed meanwhile is theirs to keep. */
  if (booking == NULL && current != NULL && !self->retried &&
      g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED) &&
      g_strcmp0 (hibachi_booking_get_chef_id (current), hibachi_booking_get_chef_id (before)) == 0)
    {
      self->retried = TRUE;
      g_ptr_array_index (self->bookings, self->next) = g_steal_pointer (&current);
      g_object_unref (before);
      assign_next (self);
      return;
    }
  self->retried = FALSE;

  if (booking == NULL)
    {
      push_undo (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, "%s: ", hibachi_booking_get_reference (before));
      finish_run (self, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_add (self->assigned, booking);
  g_ptr_array_add (self->previous_chefs, g_strdup (hibachi_booking_get_chef_id (before)));
  self->next++;
  assign_next (self);
}

static void
assign_next (HibachiAssignDialog *self)
{
  HibachiBooking *booking;
  gboolean conflicting;

  /* A booking that has the chef already stays as it is. */
  while (self->next < self->bookings->len &&
         g_strcmp0 (hibachi_booking_get_chef_id (g_ptr_array_index (self->bookings, self->next)), self->chef_id) == 0)
    self->next++;

  if (self->next >= self->bookings->len)
    {
      push_undo (self);
      finish_run (self, NULL);
      return;
    }

  booking = g_ptr_array_index (self->bookings, self->next);
  conflicting = g_hash_table_contains (self->choice->conflicting, hibachi_booking_get_id (booking));
  hibachi_store_assign_chef_async (self->store, booking, self->chef_id, conflicting ? self->reason : NULL,
                                   self->task ? g_task_get_cancellable (self->task) : NULL, assigned_cb,
                                   g_object_ref (self));
}

/* The selected row's choice, or NULL. */
static HibachiAssignChoice *
selected_choice (HibachiAssignDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row != NULL ? g_ptr_array_index (self->choices, gtk_list_box_row_get_index (row)) : NULL;
}

static gboolean
reason_ok (HibachiAssignDialog *self,
           char               **out_message)
{
  return hibachi_validate_reason (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), out_message);
}

static gboolean
can_assign (HibachiAssignDialog *self)
{
  HibachiAssignChoice *choice = self->choices ? selected_choice (self) : NULL;

  return choice != NULL && !choice->hard && !choice->current &&
         (!hibachi_assign_choice_has_conflict (choice) || reason_ok (self, NULL));
}

/* Takes what the dialog shows and sends it: nothing goes out before. */
static void
start_assign (HibachiAssignDialog *self)
{
  HibachiAssignChoice *choice = selected_choice (self);

  if (self->assigning || self->task == NULL || !can_assign (self))
    return;

  self->assigning = TRUE;
  self->choice = choice;
  self->chef_id = g_strdup (choice->chef_id);
  self->chef_name = g_strdup (choice->name);
  if (hibachi_assign_choice_has_conflict (choice))
    self->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  g_cancellable_cancel (self->load_cancellable);
  self->next = 0;
  assign_next (self);
}

static void
hibachi_assign_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  HibachiAssignDialog *self = HIBACHI_ASSIGN_DIALOG (dialog);

  if (self->assigning)
    return;
  /* "assign" is only enabled once the choice can be sent. */
  if (g_strcmp0 (response, "assign") == 0)
    start_assign (self);
  else
    {
      g_cancellable_cancel (self->load_cancellable);
      finish_run (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Nothing was assigned")));
    }
}

/* The list */

static void
update_state (HibachiAssignDialog *self)
{
  HibachiAssignChoice *choice = selected_choice (self);
  gboolean conflict = choice != NULL && !choice->hard && hibachi_assign_choice_has_conflict (choice);
  g_autofree char *message = NULL;
  const char *hint = NULL;

  if (self->assigning)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), conflict);
  if (choice != NULL && choice->hard)
    hint = _("This chef cannot take it: move the booking or the chef to the same station first.");
  else if (conflict && !reason_ok (self, &message))
    hint = *gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)) != '\0'
           ? message : _("The chef has a conflict. Say why to assign anyway.");
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "assign", conflict ? _("Assign _Anyway") : _("_Assign"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "assign",
                                              conflict ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", can_assign (self));
}

static void
row_selected_cb (HibachiAssignDialog *self)
{
  if (self->choices != NULL)
    update_state (self);
}

static void
reason_changed_cb (HibachiAssignDialog *self)
{
  update_state (self);
}

static void
assign_and_close (HibachiAssignDialog *self)
{
  start_assign (self);
  if (self->assigning)
    gtk_window_close (GTK_WINDOW (self));
}

/* Enter on a chef: assigned; on a chef with a conflict: the reason next. */
static void
row_activated_cb (HibachiAssignDialog *self,
                  GtkListBoxRow       *row)
{
  HibachiAssignChoice *choice = g_ptr_array_index (self->choices, gtk_list_box_row_get_index (row));

  gtk_list_box_select_row (self->list, row);
  if (choice->hard || choice->current)
    return;
  if (hibachi_assign_choice_has_conflict (choice) && !reason_ok (self, NULL))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  else
    assign_and_close (self);
}

static void
reason_activated_cb (HibachiAssignDialog *self)
{
  assign_and_close (self);
}

static void
show_choices (HibachiAssignDialog *self)
{
  GtkListBoxRow *first;

  self->choices = hibachi_assign_choices_build (self->bookings, self->suggestions);
  if (self->choices->len == 0)
    {
      gtk_label_set_text (self->error_label, _("This station has no chefs."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  for (guint i = 0; i < self->choices->len; i++)
    gtk_list_box_append (self->list, hibachi_assign_choice_row_new (g_ptr_array_index (self->choices, i)));
  gtk_stack_set_visible_child_name (self->stack, "chefs");

  /* The best chef, ready for Enter. */
  first = gtk_list_box_get_row_at_index (self->list, 0);
  gtk_list_box_select_row (self->list, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  update_state (self);
}

typedef struct
{
  HibachiAssignDialog *self;
  guint                index;
} Load;

static void
suggestions_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(HibachiAssignDialog) self = load->self;
  g_autoptr(GError) error = NULL;
  GPtrArray *ranked = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  guint index = load->index;

  g_free (load);
  if (ranked == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_cancellable_cancel (self->load_cancellable);
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_ptr_array_index (self->suggestions, index) = ranked;
  if (--self->n_loading == 0)
    show_choices (self);
}

static void
load_suggestions (HibachiAssignDialog *self)
{
  self->n_loading = self->bookings->len;
  for (guint i = 0; i < self->bookings->len; i++)
    {
      Load *load = g_new0 (Load, 1);

      load->self = g_object_ref (self);
      load->index = i;
      hibachi_store_suggest_chefs_async (self->store, hibachi_booking_get_id (g_ptr_array_index (self->bookings, i)),
                                         self->load_cancellable, suggestions_cb, load);
    }
}

/* The bookings in the body: what is being staffed. */
static void
describe_bookings (HibachiAssignDialog *self)
{
  HibachiBooking *first = g_ptr_array_index (self->bookings, 0);
  g_autofree char *body = NULL;

  if (self->bookings->len == 1)
    {
      g_autofree char *day = hibachi_date_format_day (hibachi_booking_get_event_date (first));
      guint guests = (guint) CLAMP (hibachi_booking_get_guests (first), 0, G_MAXINT);

      /* Translators: reference, date, slot, number of guests */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on %s at %s, %u guest.", "%s on %s at %s, %u guests.", guests),
                              hibachi_booking_get_reference (first), day, hibachi_booking_get_slot (first), guests);
    }
  else
    /* Translators: a number of bookings */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking, one chef for all.", "%u bookings, one chef for all.",
                                         self->bookings->len), self->bookings->len);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), "%s %s", body,
                                  _("Best suited first: travel, party fit, workload, rating and returning customers. "
                                    "Chefs with a conflict come last."));
}

static void
hibachi_assign_dialog_dispose (GObject *object)
{
  HibachiAssignDialog *self = HIBACHI_ASSIGN_DIALOG (object);

  g_cancellable_cancel (self->load_cancellable);
  /* Destroyed before anyone chose: the run ends as closed. */
  if (!self->assigning && self->task != NULL)
    finish_run (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Nothing was assigned")));
  /* Emptied, the list unselects its row with no dialog left to update. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_ASSIGN_DIALOG);

  G_OBJECT_CLASS (hibachi_assign_dialog_parent_class)->dispose (object);
}

static void
hibachi_assign_dialog_finalize (GObject *object)
{
  HibachiAssignDialog *self = HIBACHI_ASSIGN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->task);
  g_free (self->chef_id);
  g_free (self->chef_name);
  g_free (self->reason);
  g_clear_pointer (&self->assigned, g_ptr_array_unref);
  g_clear_pointer (&self->previous_chefs, g_ptr_array_unref);

  G_OBJECT_CLASS (hibachi_assign_dialog_parent_class)->finalize (object);
}

static void
hibachi_assign_dialog_class_init (HibachiAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = hibachi_assign_dialog_dispose;
  object_class->finalize = hibachi_assign_dialog_finalize;
  dialog_class->response = hibachi_assign_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiAssignDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiAssignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiAssignDialog, list);
  gtk_widget_class_bind_template_child (widget_class, HibachiAssignDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, HibachiAssignDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activated_cb);
}

static void
hibachi_assign_dialog_init (HibachiAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hibachi_list_keys_tab_leaves (GTK_WIDGET (self->list));

  self->load_cancellable = g_cancellable_new ();
  self->assigned = g_ptr_array_new_with_free_func (g_object_unref);
  self->previous_chefs = g_ptr_array_new_with_free_func (g_free);
}

HibachiAssignDialog *
hibachi_assign_dialog_new (HibachiContext *context,
                           GPtrArray      *bookings)
{
  HibachiAssignDialog *self;
  HibachiSession *session;

  g_return_val_if_fail (HIBACHI_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (bookings != NULL && bookings->len > 0, NULL);
  session = hibachi_context_get_session (context);
  g_return_val_if_fail (session != NULL, NULL);

  self = g_object_new (HIBACHI_TYPE_ASSIGN_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (hibachi_session_get_store (session));
  self->bookings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bookings->len; i++)
    g_ptr_array_add (self->bookings, g_object_ref (g_ptr_array_index (bookings, i)));
  self->suggestions = g_ptr_array_new_full (bookings->len, (GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_set_size (self->suggestions, bookings->len);
  describe_bookings (self);

  return self;
}

HibachiAssignDialog *
hibachi_assign_dialog_new_for_booking (HibachiContext *context,
                                       HibachiBooking *booking)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new ();

  g_return_val_if_fail (HIBACHI_IS_BOOKING (booking), NULL);

  g_ptr_array_add (bookings, booking);
  return hibachi_assign_dialog_new (context, bookings);
}

void
hibachi_assign_dialog_run_async (HibachiAssignDialog *self,
                                 GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HIBACHI_IS_ASSIGN_DIALOG (self));
  g_return_if_fail (self->task == NULL && !self->assigning);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, hibachi_assign_dialog_run_async);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_window_present (GTK_WINDOW (self));
  load_suggestions (self);
}

GPtrArray *
hibachi_assign_dialog_run_finish (HibachiAssignDialog  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
hibachi_assign_dialog_get_assigned (HibachiAssignDialog *self)
{
  g_return_val_if_fail (HIBACHI_IS_ASSIGN_DIALOG (self), NULL);

  return self->assigned;
}
