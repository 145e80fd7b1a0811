/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-booking-detail.h"
#include "hibachi-core.h"
#include "hibachi-reason-dialog.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_OPTIONAL_TEXT,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_DATE,
} FieldKind;

typedef struct
{
  const char *member;
  const char *title;
  FieldKind   kind;
} TextField;

static const TextField text_fields[] = {
  { "customer_name", N_("Customer"), FIELD_TEXT },
  { "customer_email", N_("Email"), FIELD_EMAIL },
  { "customer_phone", N_("Phone"), FIELD_PHONE },
  { "event_date", N_("Event Date (YYYY-MM-DD)"), FIELD_DATE },
  { "venue_address", N_("Venue Address"), FIELD_TEXT },
  { "special_requests", N_("Special Requests"), FIELD_OPTIONAL_TEXT },
  { "internal_notes", N_("Internal Notes"), FIELD_OPTIONAL_TEXT },
};

static const char * const count_members[] = { "adults", "children", "toddlers" };

struct _HibachiBookingDetail
{
  GtkWidget          parent_instance;

  HibachiSession    *session;
  HibachiDirectory  *directory;
  HibachiBooking    *booking;
  GCancellable      *cancellable;
  gboolean           loading_form;

  GtkWidget         *scrolled;
  AdwWindowTitle    *title;
  GtkLabel          *problem_label;
  AdwEntryRow       *text_rows[G_N_ELEMENTS (text_fields)];
  AdwComboRow       *slot_row;
  GtkSpinButton     *count_spins[G_N_ELEMENTS (count_members)];
  GtkSwitch         *deposit_switch;
  AdwActionRow      *status_row;
  AdwActionRow      *station_row;
  AdwActionRow      *chef_row;
  AdwActionRow      *total_row;
  AdwActionRow      *created_row;
  GtkButton         *save_button;
  GtkButton         *revert_button;
  GtkButton         *confirm_button;
  GtkButton         *assign_button;
  GtkButton         *cancel_button;
  GtkButton         *delete_button;
  char              *problem;
  struct _UndoData  *pending_undo;   /* what Undo (toast or Ctrl+Z) reverts */
};

G_DEFINE_FINAL_TYPE (HibachiBookingDetail, hibachi_booking_detail, GTK_TYPE_WIDGET)

enum {
  BOOKING_CHANGED,
  BOOKING_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (HibachiBookingDetail *self);

static void
toast (HibachiBookingDetail *self,
       const char           *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
show_error (HibachiBookingDetail *self,
            const GError         *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static HibachiClient *
client (HibachiBookingDetail *self)
{
  return hibachi_session_get_client (self->session);
}

/* Form ↔ booking */

static const char *
text_value (HibachiBookingDetail *self,
            guint                 i)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->text_rows[i]));
}

static void
load_form (HibachiBookingDetail *self)
{
  HibachiBooking *b = self->booking;
  g_autofree char *reference = NULL;
  g_autofree char *total = NULL;
  g_autofree char *deposit = NULL;
  g_autofree char *total_text = NULL;
  const char *chef;
  int slot_minutes = 0;

  self->loading_form = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = hibachi_booking_get_string (b, text_fields[i].member);

      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), value ? value : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_rows[i]), NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    gtk_spin_button_set_value (self->count_spins[i], (double) hibachi_booking_get_int (b, count_members[i]));
  if (hibachi_slot_parse (hibachi_booking_get_slot (b), &slot_minutes))
    adw_combo_row_set_selected (self->slot_row, (guint) MAX (0, hibachi_slot_index_for_minutes (slot_minutes)));
  gtk_switch_set_active (self->deposit_switch,
                         json_object_get_boolean_member_with_default (hibachi_booking_get_json (b), "deposit_paid", FALSE));
  self->loading_form = FALSE;

  reference = g_strdup_printf (_("Booking %s"), hibachi_booking_get_reference (b));
  adw_window_title_set_title (self->title, reference);
  adw_window_title_set_subtitle (self->title, hibachi_booking_get_customer_name (b));
  adw_action_row_set_subtitle (self->status_row, hibachi_booking_status_label (hibachi_booking_get_status (b)));
  if (hibachi_booking_get_string (b, "cancel_reason") != NULL)
    {
      g_autofree char *status = g_strdup_printf ("%s — %s", hibachi_booking_status_label (hibachi_booking_get_status (b)),
                                                 hibachi_booking_get_string (b, "cancel_reason"));
      adw_action_row_set_subtitle (self->status_row, status);
    }
  adw_action_row_set_subtitle (self->station_row,
                               hibachi_directory_station_name (self->directory, hibachi_booking_get_station_id (b)) ?: "—");
  chef = hibachi_booking_get_chef_id (b);
  adw_action_row_set_subtitle (self->chef_row, chef == NULL ? _("Unassigned")
                                               : hibachi_directory_chef_name (self->directory, chef) ?: chef);
  total = hibachi_format_cents (hibachi_booking_get_total_cents (b));
  deposit = hibachi_format_cents (hibachi_booking_get_int (b, "deposit_cents"));
  /* Translators: a total, then the deposit */
  total_text = g_strdup_printf (_("%s (deposit %s)"), total, deposit);
  adw_action_row_set_subtitle (self->total_row, total_text);
  adw_action_row_set_subtitle (self->created_row, hibachi_booking_get_created_at (b));

  update_state (self);
}

static void
add_string_change (JsonObject *changes,
                   JsonObject *current,
                   const char *member,
                   const char *value)
{
  const char *old = json_object_get_string_member_with_default (current, member, "");

  if (g_strcmp0 (old ? old : "", value) != 0)
    json_object_set_string_member (changes, member, value);
}

JsonObject *
hibachi_booking_detail_get_changes (HibachiBookingDetail *self)
{
  JsonObject *changes = json_object_new ();
  JsonObject *current;

  if (self->booking == NULL || !hibachi_booking_is_loaded (self->booking))
    return changes;

  current = hibachi_booking_get_json (self->booking);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (text_value (self, i)));
      add_string_change (changes, current, text_fields[i].member, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    {
      gint64 value = gtk_spin_button_get_value_as_int (self->count_spins[i]);

      if (value != json_object_get_int_member_with_default (current, count_members[i], 0))
        json_object_set_int_member (changes, count_members[i], value);
    }
  add_string_change (changes, current, "slot", hibachi_slot_to_string (adw_combo_row_get_selected (self->slot_row)));
  if (gtk_switch_get_active (self->deposit_switch) !=
      json_object_get_boolean_member_with_default (current, "deposit_paid", FALSE))
    json_object_set_boolean_member (changes, "deposit_paid", gtk_switch_get_active (self->deposit_switch));

  return changes;
}

static void
mark_row (GtkWidget  *row,
          const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
}

static void
set_problem (HibachiBookingDetail *self,
             const char           *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_text (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

/* The same validators the server runs, for instant feedback. */
static void
validate_form (HibachiBookingDetail *self)
{
  g_autofree char *first = NULL;
  g_autofree char *party_message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *message = NULL;
      const char *value = text_value (self, i);
      gboolean ok = TRUE;

      switch (text_fields[i].kind)
        {
        case FIELD_TEXT: ok = hibachi_validate_required_text (value, 300, &message); break;
        case FIELD_OPTIONAL_TEXT: ok = g_utf8_strlen (value, -1) <= 2000; break;
        case FIELD_EMAIL: ok = hibachi_validate_email (value, &message); break;
        case FIELD_PHONE: ok = hibachi_validate_phone (value, &message); break;
        case FIELD_DATE: ok = hibachi_validate_event_date (value, NULL, NULL, &message); break;
        }
      if (!ok && message == NULL)
        message = g_strdup (_("At most 2000 characters."));
      mark_row (GTK_WIDGET (self->text_rows[i]), message);
      if (message != NULL && first == NULL)
        first = g_strdup_printf ("%s: %s", _(text_fields[i].title), message);
    }

  if (!hibachi_validate_party (gtk_spin_button_get_value_as_int (self->count_spins[0]),
                               gtk_spin_button_get_value_as_int (self->count_spins[1]),
                               gtk_spin_button_get_value_as_int (self->count_spins[2]), &party_message) &&
      first == NULL)
    first = g_steal_pointer (&party_message);

  set_problem (self, first);
}

const char *
hibachi_booking_detail_get_problem (HibachiBookingDetail *self)
{
  return self->problem;
}

static void
update_state (HibachiBookingDetail *self)
{
  g_autoptr(JsonObject) changes = NULL;
  const char *status;
  gboolean loaded = self->booking != NULL && hibachi_booking_is_loaded (self->booking);
  gboolean open, can_write;

  if (!loaded || self->session == NULL)
    return;

  validate_form (self);
  changes = hibachi_booking_detail_get_changes (self);
  status = hibachi_booking_get_status (self->booking);
  open = g_strcmp0 (status, "pending") == 0 || g_strcmp0 (status, "confirmed") == 0;
  can_write = hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), json_object_get_size (changes) > 0 && self->problem == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), json_object_get_size (changes) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), can_write && g_strcmp0 (status, "pending") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), can_write && open);
  gtk_widget_set_visible (GTK_WIDGET (self->assign_button),
                          hibachi_session_can (self->session, HIBACHI_CAPABILITY_ASSIGN_CHEFS) && open);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button),
                          hibachi_session_can (self->session, HIBACHI_CAPABILITY_DELETE_BOOKINGS));
}

static void
form_changed_cb (HibachiBookingDetail *self)
{
  if (!self->loading_form)
    update_state (self);
}

/* Results */

static void
replace_booking (HibachiBookingDetail *self,
                 JsonNode             *reply)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (reply, &error);

  if (booking == NULL)
    {
      show_error (self, error);
      return;
    }

  hibachi_booking_detail_set_booking (self, booking);
  g_signal_emit (self, signals[BOOKING_CHANGED], 0, booking);
}

static void
show_field_errors (HibachiBookingDetail *self,
                   JsonObject           *details)
{
  JsonObject *field_errors;
  g_autoptr(GList) members = NULL;

  if (details == NULL || !json_object_has_member (details, "field_errors"))
    return;

  field_errors = json_object_get_object_member (details, "field_errors");
  members = json_object_get_members (field_errors);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonArray *messages = json_object_get_array_member (field_errors, l->data);
      const char *message = json_array_get_length (messages) > 0 ? json_array_get_string_element (messages, 0) : NULL;

      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        if (g_strcmp0 (text_fields[i].member, l->data) == 0)
          mark_row (GTK_WIDGET (self->text_rows[i]), message);
    }
}

typedef struct
{
  HibachiBookingDetail *self;
  JsonObject           *changes;
  JsonObject           *before;      /* the booking as it was, for Undo */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  json_object_unref (data->changes);
  g_clear_pointer (&data->before, json_object_unref);
  g_free (data);
}

/* Undo: the inverse change, applied on top of the version just saved. */
typedef struct _UndoData
{
  char                 *booking_id;
  gint64                version;
  char                 *method;
  char                 *suffix;
  JsonObject           *body;          /* NULL for none */
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  if (undo == NULL)
    return;
  g_free (undo->booking_id);
  g_free (undo->method);
  g_free (undo->suffix);
  g_clear_pointer (&undo->body, json_object_unref);
  g_free (undo);
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  if (reply == NULL)
    {
      show_error (self, error);
      return;
    }

  if (self->booking != NULL && JSON_NODE_HOLDS_OBJECT (reply) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (reply), "id", ""),
                 hibachi_booking_get_id (self->booking)) == 0)
    replace_booking (self, reply);
  else
    {
      g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (reply, NULL);

      if (booking != NULL)
        g_signal_emit (self, signals[BOOKING_CHANGED], 0, booking);
    }
  toast (self, _("Undone"));
}

void
hibachi_booking_detail_undo (HibachiBookingDetail *self)
{
  UndoData *undo = g_steal_pointer (&self->pending_undo);
  g_autofree char *path = NULL;
  g_autofree char *if_match = NULL;
  g_autoptr(JsonNode) body = NULL;
  HibachiRequestOptions options = { 0 };

  if (undo == NULL)
    return;

  path = g_strconcat ("/api/v1/bookings/", undo->booking_id, undo->suffix, NULL);
  if_match = g_strdup_printf ("%" G_GINT64_FORMAT, undo->version);
  body = undo->body ? json_node_init_object (json_node_alloc (), json_object_ref (undo->body)) : NULL;
  options.if_match = if_match;
  /* If someone changed it meanwhile the server answers 412: nothing is lost. */
  hibachi_client_request_async (hibachi_session_get_client (self->session), undo->method, path, body, &options,
                                self->cancellable, undone_cb, g_object_ref (self));
  undo_data_free (undo);
}

static void
undo_clicked_cb (AdwToast             *toast_,
                 HibachiBookingDetail *self)
{
  hibachi_booking_detail_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hibachi_booking_detail_undo (HIBACHI_BOOKING_DETAIL (widget));
}

/* A toast with Undo that sends @method @suffix (@body) against @version. */
static void
toast_with_undo (HibachiBookingDetail *self,
                 const char           *message,
                 const char           *booking_id,
                 gint64                version,
                 const char           *method,
                 const char           *suffix,
                 JsonObject           *body)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t = adw_toast_new (message);
  UndoData *undo = g_new0 (UndoData, 1);

  undo->booking_id = g_strdup (booking_id);
  undo->version = version;
  undo->method = g_strdup (method);
  undo->suffix = g_strdup (suffix);
  undo->body = body ? json_object_ref (body) : NULL;

  undo_data_free (self->pending_undo);
  self->pending_undo = undo;

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (t);
}

static void save_with_version (HibachiBookingDetail *self, JsonObject *changes, gint64 version);

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  SaveData *data = user_data;
  JsonObject *current = g_object_get_data (G_OBJECT (dialog), "current");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), current);

  if (g_strcmp0 (response, "theirs") == 0)
    replace_booking (data->self, node);
  else if (g_strcmp0 (response, "mine") == 0)
    /* Mine, on top of their version: nothing is overwritten unseen. */
    save_with_version (data->self, data->changes, json_object_get_int_member (current, "version"));

  save_data_free (data);
}

static const char *
field_title (const char *member)
{
  static const struct { const char *member; const char *title; } others[] = {
    { "slot", N_("Slot") }, { "adults", N_("Adults (13+)") }, { "children", N_("Children (6–12)") },
    { "toddlers", N_("Toddlers (free)") }, { "deposit_paid", N_("Deposit Paid") },
    { "status", N_("Status") }, { "chef_id", N_("Chef") }, { "requested_chef_id", N_("Requested Chef") },
    { "station_id", N_("Station") }, { "total_cents", N_("Total") }, { "deposit_cents", N_("Deposit") },
    { "allergens", N_("Allergens") }, { "venue_lat", N_("Venue Latitude") }, { "venue_lng", N_("Venue Longitude") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].member, member))
      return _(text_fields[i].title);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i].member, member))
      return _(others[i].title);

  return member;
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
        name = hibachi_directory_chef_name (self->directory, text);
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

static void
show_stale_dialog (HibachiBookingDetail *self,
                   JsonObject           *changes,
                   JsonObject           *current)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (_("Someone else saved this booking after you opened it."));
  g_autoptr(GList) members = json_object_get_members (changes);
  g_autofree char *actor = NULL;
  SaveData *data;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *theirs = json_object_get_member (current, l->data);
      JsonNode *mine = json_object_get_member (changes, l->data);
      g_autofree char *theirs_text = field_value_text (self, l->data, theirs);
      g_autofree char *mine_text = field_value_text (self, l->data, mine);

      /* Translators: a field, their value, your value */
      g_string_append_printf (body, _("\n• %s — theirs: %s, yours: %s"), field_title (l->data), theirs_text, mine_text);
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

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->changes = json_object_ref (changes);
  g_signal_connect (dialog, "response", G_CALLBACK (stale_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  HibachiBookingDetail *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, &details, &error);

  if (reply != NULL)
    {
      g_autoptr(JsonObject) inverse = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (data->changes);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *old = data->before ? json_object_get_member (data->before, l->data) : NULL;

          if (old != NULL)
            json_object_set_member (inverse, l->data, json_node_copy (old));
        }

      replace_booking (self, reply);
      toast_with_undo (self, _("Changes saved"), hibachi_booking_get_id (self->booking),
                       hibachi_booking_get_version (self->booking), "PATCH", "", inverse);
    }
  else if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED) && details != NULL &&
           json_object_has_member (details, "current"))
    show_stale_dialog (self, data->changes, json_object_get_object_member (details, "current"));
  else
    {
      show_field_errors (self, details);
      show_error (self, error);
    }

  save_data_free (data);
}

static void
save_with_version (HibachiBookingDetail *self,
                   JsonObject           *changes,
                   gint64                version)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), changes);
  HibachiRequestOptions options = { .if_match = if_match };
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->changes = json_object_ref (changes);
  data->before = json_object_ref (hibachi_booking_get_json (self->booking));
  hibachi_client_request_async (client (self), "PATCH", path, body, &options, self->cancellable, save_cb, data);
}

void
hibachi_booking_detail_save (HibachiBookingDetail *self)
{
  g_autoptr(JsonObject) changes = hibachi_booking_detail_get_changes (self);

  if (json_object_get_size (changes) == 0 || self->problem != NULL)
    return;

  save_with_version (self, changes, hibachi_booking_get_version (self->booking));
}

typedef struct
{
  HibachiBookingDetail *self;
  char                 *done_message;
  gboolean              undo_unassigns;   /* a first assignment: Undo removes the chef */
} ActionData;

static void
action_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ActionData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  if (reply == NULL)
    show_error (data->self, error);
  else
    {
      replace_booking (data->self, reply);
      if (data->undo_unassigns)
        toast_with_undo (data->self, data->done_message, hibachi_booking_get_id (data->self->booking),
                         hibachi_booking_get_version (data->self->booking), "DELETE", "/chef", NULL);
      else
        toast (data->self, data->done_message);
    }

  g_object_unref (data->self);
  g_free (data->done_message);
  g_free (data);
}

static void
post_action (HibachiBookingDetail *self,
             const char           *method,
             const char           *suffix,
             JsonNode             *body,
             const char           *done_message)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), suffix, NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_version (self->booking));
  HibachiRequestOptions options = { .if_match = if_match };
  ActionData *data = g_new0 (ActionData, 1);

  data->self = g_object_ref (self);
  data->done_message = g_strdup (done_message);
  data->undo_unassigns = g_str_equal (method, "PUT") && g_str_equal (suffix, "/chef") &&
                         hibachi_booking_get_chef_id (self->booking) == NULL;
  hibachi_client_request_async (client (self), method, path, body, &options, self->cancellable, action_cb, data);
}

static void
revert_clicked_cb (HibachiBookingDetail *self)
{
  load_form (self);
}

static void
confirm_clicked_cb (HibachiBookingDetail *self)
{
  post_action (self, "POST", "/confirm", NULL, _("Booking confirmed"));
}

static JsonNode *
reason_body (const char *member,
             const char *reason)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, member, reason);
  return json_node_init_object (json_node_alloc (), object);
}

static void
cancel_reason_cb (const char *reason,
                  gpointer    user_data)
{
  HibachiBookingDetail *self = user_data;
  g_autoptr(JsonNode) body = reason_body ("reason", reason);

  post_action (self, "POST", "/cancel", body, _("Booking cancelled"));
}

static void
cancel_clicked_cb (HibachiBookingDetail *self)
{
  hibachi_reason_dialog_run (GTK_WIDGET (self), _("Cancel This Booking?"),
                             _("The customer keeps the booking’s history. Say why it is cancelled."),
                             _("Cancel _Booking"), TRUE, cancel_reason_cb, g_object_ref (self), g_object_unref);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HibachiBookingDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = hibachi_client_request_finish (HIBACHI_CLIENT (source), result, NULL, &error);

  if (reply == NULL)
    {
      show_error (self, error);
      return;
    }

  toast (self, _("Booking deleted"));
  g_signal_emit (self, signals[BOOKING_REMOVED], 0, self->booking);
}

static void
delete_reason_cb (const char *reason,
                  gpointer    user_data)
{
  HibachiBookingDetail *self = user_data;
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_version (self->booking));
  g_autoptr(JsonNode) body = reason_body ("reason", reason);
  HibachiRequestOptions options = { .if_match = if_match };

  hibachi_client_request_async (client (self), "DELETE", path, body, &options, self->cancellable, deleted_cb,
                                g_object_ref (self));
}

static void
delete_clicked_cb (HibachiBookingDetail *self)
{
  hibachi_reason_dialog_run (GTK_WIDGET (self), _("Delete This Booking?"),
                             _("It disappears from every list; the audit log keeps it. Say why it is deleted."),
                             _("_Delete"), TRUE, delete_reason_cb, g_object_ref (self), g_object_unref);
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
  post_action (assign->self, "PUT", "/chef", body, _("Chef assigned"));
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
      show_error (self, error);
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

static void
assign_clicked_cb (HibachiBookingDetail *self)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), "/chef-suggestions", NULL);

  hibachi_client_request_async (client (self), "GET", path, NULL, NULL, self->cancellable, suggestions_cb,
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
      show_error (self, error);
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

      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "at"), NULL);
      g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
      /* Translators: when a change was made, as strftime */
      g_autofree char *when = local ? g_date_time_format (local, _("%a %d %b %Y, %H:%M"))
                                    : g_strdup (json_object_get_string_member (entry, "at"));

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
          g_string_append_printf (text, "\n    %s: %s → %s", field_title (l->data), old, new);
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

static void
history_clicked_cb (HibachiBookingDetail *self)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (self->booking), "/history", NULL);

  hibachi_client_request_async (client (self), "GET", path, NULL, NULL, self->cancellable, history_cb, g_object_ref (self));
}

/* Construction */

static AdwActionRow *
info_row (AdwPreferencesGroup *group,
          const char          *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static GtkButton *
action_button (GtkWidget  *container,
               const char *label,
               const char *style,
               GCallback   callback,
               gpointer    self)
{
  GtkButton *button = GTK_BUTTON (gtk_button_new_with_mnemonic (label));

  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (button), style);
  g_signal_connect_swapped (button, "clicked", callback, self);
  if (GTK_IS_FLOW_BOX (container))
    gtk_flow_box_append (GTK_FLOW_BOX (container), GTK_WIDGET (button));
  else
    gtk_box_append (GTK_BOX (container), GTK_WIDGET (button));

  return button;
}

static void
hibachi_booking_detail_dispose (GObject *object)
{
  HibachiBookingDetail *self = HIBACHI_BOOKING_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->booking);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->pending_undo, undo_data_free);

  G_OBJECT_CLASS (hibachi_booking_detail_parent_class)->dispose (object);
}

static void
hibachi_booking_detail_class_init (HibachiBookingDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_booking_detail_dispose;

  signals[BOOKING_CHANGED] = g_signal_new ("booking-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, HIBACHI_TYPE_BOOKING);
  signals[BOOKING_REMOVED] = g_signal_new ("booking-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, HIBACHI_TYPE_BOOKING);

  gtk_widget_class_install_action (widget_class, "detail.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "detail.undo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bookingdetail");
}

static void
hibachi_booking_detail_init (HibachiBookingDetail *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *customer = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *event = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *booking = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkBox *header = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkBox *edit_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  /* Actions wrap to the pane's width instead of widening it. */
  GtkWidget *action_box = gtk_flow_box_new ();
  GtkStringList *slots = gtk_string_list_new (NULL);
  const char *count_titles[] = { N_("Adults (13+)"), N_("Children (6–12)"), N_("Toddlers (free)") };

  self->cancellable = g_cancellable_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (action_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (action_box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (action_box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (action_box), 5);
  self->save_button = action_button (GTK_WIDGET (edit_box), _("_Save Changes"), "suggested-action", G_CALLBACK (hibachi_booking_detail_save), self);
  self->revert_button = action_button (GTK_WIDGET (edit_box), _("_Revert"), NULL, G_CALLBACK (revert_clicked_cb), self);
  self->confirm_button = action_button (action_box, _("C_onfirm"), NULL, G_CALLBACK (confirm_clicked_cb), self);
  self->assign_button = action_button (action_box, _("Assign _Chef…"), NULL, G_CALLBACK (assign_clicked_cb), self);
  action_button (action_box, _("_History"), NULL, G_CALLBACK (history_clicked_cb), self);
  self->cancel_button = action_button (action_box, _("Cance_l Booking…"), "destructive-action", G_CALLBACK (cancel_clicked_cb), self);
  self->delete_button = action_button (action_box, _("_Delete…"), "destructive-action", G_CALLBACK (delete_clicked_cb), self);
  gtk_widget_set_halign (GTK_WIDGET (edit_box), GTK_ALIGN_START);
  gtk_box_append (header, GTK_WIDGET (self->title));
  gtk_box_append (header, GTK_WIDGET (edit_box));
  gtk_box_append (header, action_box);
  gtk_box_append (header, GTK_WIDGET (self->problem_label));
  gtk_widget_set_halign (GTK_WIDGET (self->title), GTK_ALIGN_START);

  adw_preferences_group_set_title (customer, _("Customer"));
  adw_preferences_group_set_title (event, _("Event"));
  adw_preferences_group_set_title (booking, _("Booking"));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      self->text_rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_rows[i]), _(text_fields[i].title));
      g_signal_connect_swapped (self->text_rows[i], "changed", G_CALLBACK (form_changed_cb), self);
      adw_preferences_group_add (i < 3 ? customer : event, GTK_WIDGET (self->text_rows[i]));
      if (i == 3)
        {
          for (guint s = 0; s < HIBACHI_N_SLOTS; s++)
            gtk_string_list_append (slots, hibachi_slot_to_string (s));
          self->slot_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->slot_row), _("Slot"));
          adw_combo_row_set_model (self->slot_row, G_LIST_MODEL (slots));
          g_signal_connect_swapped (self->slot_row, "notify::selected", G_CALLBACK (form_changed_cb), self);
          adw_preferences_group_add (event, GTK_WIDGET (self->slot_row));

          for (guint c = 0; c < G_N_ELEMENTS (count_members); c++)
            {
              AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(count_titles[c]));
              self->count_spins[c] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, HIBACHI_GUESTS_MAX, 1));
              gtk_widget_set_valign (GTK_WIDGET (self->count_spins[c]), GTK_ALIGN_CENTER);
              g_signal_connect_swapped (self->count_spins[c], "value-changed", G_CALLBACK (form_changed_cb), self);
              adw_action_row_add_suffix (row, GTK_WIDGET (self->count_spins[c]));
              adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->count_spins[c]));
              adw_preferences_group_add (event, GTK_WIDGET (row));
            }
        }
    }
  g_object_unref (slots);

  {
    AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Deposit Paid"));
    self->deposit_switch = GTK_SWITCH (gtk_switch_new ());
    gtk_widget_set_valign (GTK_WIDGET (self->deposit_switch), GTK_ALIGN_CENTER);
    g_signal_connect_swapped (self->deposit_switch, "notify::active", G_CALLBACK (form_changed_cb), self);
    adw_action_row_add_suffix (row, GTK_WIDGET (self->deposit_switch));
    adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->deposit_switch));
    adw_preferences_group_add (event, GTK_WIDGET (row));
  }

  self->status_row = info_row (booking, _("Status"));
  self->station_row = info_row (booking, _("Station"));
  self->chef_row = info_row (booking, _("Chef"));
  self->total_row = info_row (booking, _("Total"));
  self->created_row = info_row (booking, _("Booked"));

  {
    AdwPreferencesGroup *top = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_add (top, GTK_WIDGET (header));
    adw_preferences_page_add (page, top);
  }
  adw_preferences_page_add (page, customer);
  adw_preferences_page_add (page, event);
  adw_preferences_page_add (page, booking);

  self->scrolled = GTK_WIDGET (page);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

HibachiBookingDetail *
hibachi_booking_detail_new (void)
{
  return g_object_new (HIBACHI_TYPE_BOOKING_DETAIL, NULL);
}

void
hibachi_booking_detail_set_context (HibachiBookingDetail *self,
                                    HibachiSession       *session,
                                    HibachiDirectory     *directory)
{
  g_set_object (&self->session, session);
  g_set_object (&self->directory, directory);
}

void
hibachi_booking_detail_set_booking (HibachiBookingDetail *self,
                                    HibachiBooking       *booking)
{
  g_return_if_fail (HIBACHI_IS_BOOKING_DETAIL (self));

  if (!g_set_object (&self->booking, booking) || booking == NULL || !hibachi_booking_is_loaded (booking))
    return;

  load_form (self);
}

HibachiBooking *
hibachi_booking_detail_get_booking (HibachiBookingDetail *self)
{
  return self->booking;
}
