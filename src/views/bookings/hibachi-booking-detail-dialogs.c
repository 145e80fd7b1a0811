/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail pane's dialogs: the booking changed meanwhile (412), assign a
 * chef, and the booking's history. */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail-private.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"

/* Changed meanwhile */

typedef struct
{
  HibachiBookingDetail *self;
  JsonObject           *changes;
} StaleData;

static void
stale_data_free (StaleData *data)
{
  g_object_unref (data->self);
  json_object_unref (data->changes);
  g_free (data);
}

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  StaleData *data = user_data;
  JsonObject *current = g_object_get_data (G_OBJECT (dialog), "current");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), current);

  if (g_strcmp0 (response, "theirs") == 0)
    hibachi_booking_detail_replace_booking (data->self, node);
  else if (g_strcmp0 (response, "mine") == 0)
    /* Mine, on top of their version: nothing is overwritten unseen. */
    hibachi_booking_detail_save_version (data->self, data->changes, json_object_get_int_member (current, "version"), NULL);

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
                                          JsonObject           *current)
{
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
  g_object_set_data_full (G_OBJECT (dialog), "current", json_object_ref (current), (GDestroyNotify) json_object_unref);

  data = g_new0 (StaleData, 1);
  data->self = g_object_ref (self);
  data->changes = json_object_ref (changes);
  g_signal_connect (dialog, "response", G_CALLBACK (stale_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Assign a chef: the server ranks the station's chefs with their conflicts. */

typedef struct
{
  HibachiBookingDetail *self;
  GtkListBox           *list;
  GtkEntry             *reason_entry;
  AdwMessageDialog     *dialog;
} AssignData;

static void
assign_data_free (gpointer data)
{
  AssignData *assign = data;

  g_object_unref (assign->self);
  g_free (assign);
}

static void
assign_selection_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     AssignData    *assign)
{
  gboolean conflict = row != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict"));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (assign->reason_entry));

  /* A closing dialog lets go of its list first; emptied, the list
   * unselects its row with no dialog left to update. */
  if (gtk_widget_get_root (GTK_WIDGET (list)) != GTK_ROOT (assign->dialog))
    return;

  gtk_widget_set_visible (GTK_WIDGET (assign->reason_entry), conflict);
  adw_message_dialog_set_response_label (assign->dialog, "assign", conflict ? _("Assign _Anyway") : _("_Assign"));
  adw_message_dialog_set_response_enabled (assign->dialog, "assign",
                                           row != NULL && (!conflict || hibachi_validate_reason (reason, NULL)));
}

static void
assign_reason_changed_cb (GtkEditable *entry,
                          AssignData  *assign)
{
  assign_selection_cb (assign->list, gtk_list_box_get_selected_row (assign->list), assign);
}

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AssignData       *assign)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (assign->list);
  JsonObject *object;
  g_autoptr(JsonNode) body = NULL;

  if (g_strcmp0 (response, "assign") != 0 || row == NULL)
    return;

  object = json_object_new ();
  json_object_set_string_member (object, "chef_id", g_object_get_data (G_OBJECT (row), "chef-id"));
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict")))
    json_object_set_string_member (object, "override_reason", gtk_editable_get_text (GTK_EDITABLE (assign->reason_entry)));
  body = json_node_init_object (json_node_alloc (), object);
  hibachi_booking_detail_post_action (assign->self, "PUT", "/chef", body, _("Chef assigned"));
}

static GtkWidget *
suggestion_row (JsonObject *suggestion)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  JsonObject *score = json_object_get_object_member (suggestion, "score");
  gboolean conflict = json_object_get_boolean_member (suggestion, "has_conflict");
  JsonArray *issues = json_object_get_array_member (suggestion, conflict ? "conflicts" : "warnings");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *score_text = g_strdup_printf ("%.0f", json_object_get_double_member (score, "total"));
  GtkWidget *score_label = gtk_label_new (score_text);

  guint minutes = (guint) json_object_get_int_member (score, "travel_minutes");

  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u minute away", "%u minutes away", minutes), minutes);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    g_string_append_printf (subtitle, " · %s", json_object_get_string_member (json_array_get_object_element (issues, i), "message"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), json_object_get_string_member (suggestion, "chef_name"));
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 3);
  gtk_widget_set_tooltip_text (score_label, _("Suggestion score"));
  gtk_widget_add_css_class (score_label, "numeric");
  adw_action_row_add_suffix (row, score_label);
  if (conflict)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("Conflict"));
      adw_action_row_add_prefix (row, icon);
    }

  g_object_set_data_full (G_OBJECT (row), "chef-id", g_strdup (json_object_get_string_member (suggestion, "chef_id")), g_free);
  g_object_set_data (G_OBJECT (row), "has-conflict", GINT_TO_POINTER (conflict));

  return GTK_WIDGET (row);
}

static void
suggestions_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  GtkWidget *dialog, *box, *scrolled;
  AssignData *assign;
  JsonArray *data;

  if (reply == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      return;
    }

  assign = g_new0 (AssignData, 1);
  assign->self = g_object_ref (self);
  assign->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (assign->list), "boxed-list");
  data = json_object_get_array_member (json_node_get_object (reply), "data");
  for (guint i = 0; i < json_array_get_length (data); i++)
    gtk_list_box_append (assign->list, suggestion_row (json_array_get_object_element (data, i)));

  assign->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (assign->reason_entry, _("Why assign despite the conflict (10–500 characters)"));
  gtk_widget_set_visible (GTK_WIDGET (assign->reason_entry), FALSE);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (assign->list));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (assign->reason_entry));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Assign a Chef"),
                                   _("Best suited first: travel, skill, workload and rating. Chefs with a conflict come last."));
  assign->dialog = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (assign->list, "row-selected", G_CALLBACK (assign_selection_cb), assign);
  g_signal_connect (assign->reason_entry, "changed", G_CALLBACK (assign_reason_changed_cb), assign);
  g_signal_connect_data (dialog, "response", G_CALLBACK (assign_response_cb), assign,
                         (GClosureNotify) (void (*) (void)) assign_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hibachi_booking_detail_assign_chef (HibachiBookingDetail *self)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), "/chef-suggestions", NULL);

  hibachi_client_request_async (hibachi_booking_detail_get_client (self), "GET", path, NULL, NULL, self->cancellable, suggestions_cb,
                                g_object_ref (self));
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
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *label, *scrolled;
  JsonArray *entries;

  if (reply == NULL)
    {
      hibachi_booking_detail_show_error (self, error);
      return;
    }

  entries = json_object_get_array_member (json_node_get_object (reply), "data");
  if (json_array_get_length (entries) == 0)
    g_string_append (text, _("No changes since the booking was made."));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *changes = json_object_get_object_member (entry, "changes");
      g_autoptr(GList) members = json_object_get_members (changes);

      g_autofree char *when = hibachi_date_format_moment (json_object_get_string_member (entry, "at"));

      /* Translators: when — who — what was done */
      g_string_append_printf (text, _("%s%s — %s — %s"), i ? "\n\n" : "", when,
                              json_object_get_string_member_with_default (entry, "actor_email", "?"),
                              action_label (json_object_get_string_member (entry, "action")));
      if (json_object_get_string_member_with_default (entry, "reason", NULL) != NULL)
        g_string_append_printf (text, " (%s)", json_object_get_string_member (entry, "reason"));
      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonObject *change = json_object_get_object_member (changes, l->data);
          g_autofree char *old = NULL;
          g_autofree char *new = NULL;

          /* Bookkeeping the server does on every write; a new booking's
           * fields are the booking itself. */
          if (g_str_equal (l->data, "version") || g_str_equal (l->data, "updated_at") ||
              g_strcmp0 (json_object_get_string_member (entry, "action"), "create") == 0)
            continue;
          old = field_value_text (self, l->data, json_object_get_member (change, "old"));
          new = field_value_text (self, l->data, json_object_get_member (change, "new"));
          /* The reason is already said beside the action. */
          if (g_str_equal (old, new) ||
              g_strcmp0 (new, json_object_get_string_member_with_default (entry, "reason", NULL)) == 0)
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
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), "/history", NULL);

  hibachi_client_request_async (hibachi_booking_detail_get_client (self), "GET", path, NULL, NULL, self->cancellable, history_cb, g_object_ref (self));
}
