/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane's dialogs: the booking changed meanwhile (412), assign a
 * chef, and the booking's history. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-assign-dialog.h"
#include "hibachi-booking-detail-private.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"

/* Changed meanwhile */

typedef struct
{
  HibachiBookingDetail *self;
  JsonObject           *changes;
  HibachiBooking       *current;
} StaleData;

static void
stale_data_free (StaleData *data)
{
  g_object_unref (data->self);
  json_object_unref (data->changes);
  g_object_unref (data->current);
  g_free (data);
}

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  StaleData *data = user_data;

  if (g_strcmp0 (response, "theirs") == 0)
    hibachi_booking_detail_show_result (data->self, data->current);
  else if (g_strcmp0 (response, "mine") == 0)
    /* Mine, on top of their version: nothing is overwritten unseen. */
    hibachi_booking_detail_save_over (data->self, data->changes, data->current, NULL);

  stale_data_free (data);
}

/* A booking member's value as a person reads it: names for ids, money,
 * status labels, yes/no; "—" for none. */
static char *
field_value_text (HibachiBookingDetail *self,
                  const char           *member,
                  JsonNode             *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("—");

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (value);
      const char *name = NULL;

      if (self->directory != NULL && (g_str_equal (member, "chef_id") || g_str_equal (member, "requested_chef_id")))
        name = hibachi_context_chef_name (self->context, text);
      else if (self->directory != NULL && g_str_equal (member, "station_id"))
        name = hibachi_directory_station_name (self->directory, text);
      else if (g_str_equal (member, "status"))
        name = hibachi_booking_status_label (text);
      return g_strdup (name != NULL ? name : text);
    }

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));

  if (JSON_NODE_HOLDS_VALUE (value) && g_str_has_suffix (member, "_cents"))
    return hibachi_format_cents (json_node_get_int (value));

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%.5f", json_node_get_double (value));

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = field_value_text (self, member, json_array_get_element (array, i));
          g_string_append_printf (text, "%s%s", i ? ", " : "", item);
        }
      return g_string_free (text, FALSE);
    }

  return json_to_string (value, FALSE);
}

void
hibachi_booking_detail_show_stale_dialog (HibachiBookingDetail *self,
                                          JsonObject           *changes,
                                          HibachiBooking       *current_booking)
{
  JsonObject *current = hibachi_booking_get_json (current_booking);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (_("Someone else saved this booking after you opened it."));
  g_autoptr(GList) members = json_object_get_members (changes);
  g_autofree char *actor = NULL;
  StaleData *data;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *theirs = json_object_get_member (current, l->data);
      JsonNode *mine = json_object_get_member (changes, l->data);
      g_autofree char *theirs_text = field_value_text (self, l->data, theirs);
      g_autofree char *mine_text = field_value_text (self, l->data, mine);

      /* Translators: a field, their value, your value */
      g_string_append_printf (body, _("\n• %s — theirs: %s, yours: %s"), hibachi_booking_detail_field_title (l->data), theirs_text, mine_text);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Booking Changed"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "theirs", _("Use _Their Version"),
                                    "mine", _("_Save Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (StaleData, 1);
  data->self = g_object_ref (self);
  data->changes = json_object_ref (changes);
  data->current = g_object_ref (current_booking);
  g_signal_connect (dialog, "response", G_CALLBACK (stale_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Assign a chef: the shared dialog ranks the station's chefs. */

static void
assign_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  HibachiAssignDialog *dialog = HIBACHI_ASSIGN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assigned = hibachi_assign_dialog_run_finish (dialog, result, &error);
  GPtrArray *done = assigned ? assigned : hibachi_assign_dialog_get_assigned (dialog);

  if (done->len > 0)
    hibachi_booking_detail_show_result (self, g_ptr_array_index (done, 0));
  if (error != NULL)
    hibachi_booking_detail_show_error (self, error);
}

void
hibachi_booking_detail_assign_chef (HibachiBookingDetail *self)
{
  HibachiAssignDialog *dialog = hibachi_assign_dialog_new_for_booking (self->context, self->booking);

  hibachi_assign_dialog_run_async (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->cancellable,
                                   assign_done_cb, g_object_ref (self));
}

static const char *
action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("created") }, { "update", N_("edited") }, { "confirm", N_("confirmed") },
    { "cancel", N_("cancelled") }, { "delete", N_("deleted") }, { "assign_chef", N_("assigned a chef") },
    { "assign_chef_override", N_("assigned a chef despite a conflict") }, { "unassign_chef", N_("unassigned the chef") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}

static void
history_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *label, *scrolled;

  if (entries == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      return;
    }

  if (entries->len == 0)
    g_string_append (text, _("No changes since the booking was made."));
  for (guint i = 0; i < entries->len; i++)
    {
      HibachiAuditEntry *entry = g_ptr_array_index (entries, i);
      JsonObject *changes = hibachi_audit_entry_get_changes (entry);
      const char *action = hibachi_audit_entry_get_action (entry);
      const char *reason = hibachi_audit_entry_get_reason (entry);
      g_autoptr(GList) members = json_object_get_members (changes);
      g_autofree char *when = hibachi_date_format_moment (hibachi_audit_entry_get_at (entry));

      /* Translators: when — who — what was done */
      g_string_append_printf (text, _("%s%s — %s — %s"), i ? "\n\n" : "", when,
                              hibachi_audit_entry_get_actor_email (entry) ?: "?", action_label (action));
      if (reason != NULL)
        g_string_append_printf (text, " (%s)", reason);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *change = json_object_get_member (changes, l->data);
          JsonObject *values = JSON_NODE_HOLDS_OBJECT (change) ? json_node_get_object (change) : NULL;
          g_autofree char *old = NULL;
          g_autofree char *new = NULL;

          /* Bookkeeping the server does on every write; a new booking's
           * fields are the booking itself. */
          if (values == NULL || g_str_equal (l->data, "version") || g_str_equal (l->data, "updated_at") ||
              g_strcmp0 (action, "create") == 0)
            continue;
          old = field_value_text (self, l->data, json_object_get_member (values, "old"));
          new = field_value_text (self, l->data, json_object_get_member (values, "new"));
          /* The reason is already said beside the action. */
          if (g_str_equal (old, new) || g_strcmp0 (new, reason) == 0)
            continue;
          g_string_append_printf (text, "\n    %s: %s → %s", hibachi_booking_detail_field_title (l->data), old, new);
        }
    }

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Measured as wrapped at the dialog's width, so the dialog grows to fit. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("History"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hibachi_booking_detail_show_history (HibachiBookingDetail *self)
{
  hibachi_store_booking_history_async (hibachi_session_get_store (self->session), hibachi_booking_get_id (self->booking),
                                       self->cancellable, history_cb, g_object_ref (self));
}
