/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-booking-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-booking-detail-private.h"
#include "hibachi-booking-undo.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"
#include "hibachi-form.h"
#include "hibachi-page.h"
#include "hibachi-wrap-box.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_OPTIONAL_TEXT,
  FIELD_EMAIL,
  FIELD_PHONE,
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
  { "special_requests", N_("Special Requests"), FIELD_OPTIONAL_TEXT },
  { "internal_notes", N_("Internal Notes"), FIELD_OPTIONAL_TEXT },
};

static const char * const count_members[] = { "adults", "children", "toddlers" };

G_DEFINE_FINAL_TYPE (HibachiBookingDetail, hibachi_booking_detail, GTK_TYPE_WIDGET)

enum {
  BOOKING_CHANGED,
  BOOKING_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_STATIC_ASSERT (G_N_ELEMENTS (text_fields) == HIBACHI_BOOKING_DETAIL_N_TEXT_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (count_members) == HIBACHI_BOOKING_DETAIL_N_COUNTS);

static void update_state (HibachiBookingDetail *self);

static void
toast (HibachiBookingDetail *self,
       const char           *message)
{
  hibachi_page_toast (GTK_WIDGET (self), message);
}

void
hibachi_booking_detail_show_error (HibachiBookingDetail *self,
                                   const GError         *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

/* Form ↔ booking */

static const char *
text_value (HibachiBookingDetail *self,
            guint                 i)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->text_rows[i]));
}

/* The event date: shown in the user's format, picked on a calendar. */
static void
set_event_date (HibachiBookingDetail *self,
                const char           *date)
{
  g_autofree char *shown = hibachi_date_format_day (date);
  GDate day;

  g_free (self->event_date);
  self->event_date = g_strdup (date);
  adw_action_row_set_subtitle (self->date_row, shown);
  if (hibachi_validate_date (date, &day, NULL))
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                                         g_date_get_day (&day), 12, 0, 0);
      gboolean loading = self->loading_form;

      /* Selecting it is not choosing it. */
      self->loading_form = TRUE;
      gtk_calendar_select_day (self->date_calendar, when);
      self->loading_form = loading;
    }
}

static void
date_chosen_cb (HibachiBookingDetail *self)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *date = NULL;

  if (self->loading_form)
    return;
  chosen = gtk_calendar_get_date (self->date_calendar);
  date = g_date_time_format (chosen, "%Y-%m-%d");
  set_event_date (self, date);
  gtk_popover_popdown (self->date_popover);
  update_state (self);
}

static void
load_form (HibachiBookingDetail *self)
{
  HibachiBooking *b = self->booking;
  g_autofree char *reference = NULL;
  g_autofree char *created = NULL;
  const char *chef;
  int slot_minutes = 0;

  self->loading_form = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = hibachi_booking_get_string (b, text_fields[i].member);

      hibachi_form_load_text (GTK_EDITABLE (self->text_rows[i]), value);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_rows[i]), NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    hibachi_form_load_value (self->count_spins[i], (double) hibachi_booking_get_int (b, count_members[i]));
  if (hibachi_slot_parse (hibachi_booking_get_slot (b), &slot_minutes))
    adw_combo_row_set_selected (self->slot_row, (guint) MAX (0, hibachi_slot_index_for_minutes (slot_minutes)));
  gtk_switch_set_active (self->deposit_switch,
                         json_object_get_boolean_member_with_default (hibachi_booking_get_json (b), "deposit_paid", FALSE));
  set_event_date (self, hibachi_booking_get_event_date (b));
  {
    g_auto(GStrv) allergens = hibachi_booking_dup_allergens (b);
    g_autofree char *text = g_strjoinv (", ", allergens);

    hibachi_form_load_text (GTK_EDITABLE (self->allergens_row), text);
  }
  hibachi_booking_detail_venue_load (self);
  self->loading_form = FALSE;
  g_clear_object (&self->theirs);
  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);

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
                                               : hibachi_context_chef_name (self->context, chef) ?: _("Unknown chef"));
  created = hibachi_date_format_moment (hibachi_booking_get_created_at (b));
  adw_action_row_set_subtitle (self->created_row, created);

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
  hibachi_booking_detail_venue_changes (self, changes);
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    {
      gint64 value = gtk_spin_button_get_value_as_int (self->count_spins[i]);

      if (value != json_object_get_int_member_with_default (current, count_members[i], 0))
        json_object_set_int_member (changes, count_members[i], value);
    }
  add_string_change (changes, current, "slot", hibachi_slot_to_string (adw_combo_row_get_selected (self->slot_row)));
  add_string_change (changes, current, "event_date", self->event_date ? self->event_date : "");
  {
    g_auto(GStrv) saved = hibachi_booking_dup_allergens (self->booking);
    g_auto(GStrv) typed = NULL;

    /* Invalid text stays out of the changes; the form says what is wrong. */
    if (hibachi_validate_allergens (gtk_editable_get_text (GTK_EDITABLE (self->allergens_row)), &typed, NULL) &&
        !g_strv_equal ((const char * const *) saved, (const char * const *) typed))
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; typed[i] != NULL; i++)
          json_array_add_string_element (array, typed[i]);
        json_object_set_array_member (changes, "allergens", array);
      }
  }
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
        default: g_assert_not_reached ();
        }
      if (!ok && message == NULL)
        message = g_strdup (_("At most 2000 characters."));
      mark_row (GTK_WIDGET (self->text_rows[i]), message);
      if (message != NULL && first == NULL)
        first = g_strdup_printf ("%s: %s", _(text_fields[i].title), message);
    }

  /* Only a date being changed is bounded: old bookings keep theirs. */
  {
    g_autofree char *message = hibachi_booking_detail_venue_problem (self);

    if (message != NULL && first == NULL)
      first = g_strdup_printf ("%s: %s", _("Venue Address"), message);
    g_clear_pointer (&message, g_free);

    if (g_strcmp0 (self->event_date, hibachi_booking_get_event_date (self->booking)) != 0 &&
        !hibachi_validate_event_date (self->event_date, NULL, NULL, &message))
      {
        mark_row (GTK_WIDGET (self->date_row), message);
        if (first == NULL)
          first = g_strdup_printf ("%s: %s", _("Event Date"), message);
      }
    else
      mark_row (GTK_WIDGET (self->date_row), NULL);
    g_clear_pointer (&message, g_free);
    if (!hibachi_validate_allergens (gtk_editable_get_text (GTK_EDITABLE (self->allergens_row)), NULL, &message) &&
        first == NULL)
      first = g_strdup_printf ("%s: %s", _("Allergens"), message);
    mark_row (GTK_WIDGET (self->allergens_row), message);
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
  /* Fields that cannot be changed say so, once, at the top. */
  adw_preferences_group_set_description (self->customer_group,
                                         can_write ? NULL : _("You can see this booking but not change it."));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), json_object_get_size (changes) > 0 && self->problem == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), json_object_get_size (changes) > 0);
  /* Who may not edit sees values, not fields that seem to take input. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->text_rows[i]), can_write);
  for (guint i = 0; i < G_N_ELEMENTS (count_members); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->count_spins[i]), can_write);
  gtk_editable_set_editable (GTK_EDITABLE (self->allergens_row), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->date_button), can_write);
  gtk_widget_set_sensitive (GTK_WIDGET (self->slot_row), can_write);
  gtk_widget_set_sensitive (GTK_WIDGET (self->deposit_switch), can_write);
  hibachi_booking_detail_venue_update (self, can_write);
  hibachi_booking_detail_update_total (self);
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

HibachiStore *
hibachi_booking_detail_get_store (HibachiBookingDetail *self)
{
  return hibachi_session_get_store (self->session);
}

void
hibachi_booking_detail_removed (HibachiBookingDetail *self,
                                HibachiBooking       *booking)
{
  g_signal_emit (self, signals[BOOKING_REMOVED], 0, booking);
}

void
hibachi_booking_detail_show_result (HibachiBookingDetail *self,
                                    HibachiBooking       *booking)
{
  g_autoptr(HibachiBooking) copy = hibachi_booking_copy (booking);

  hibachi_booking_detail_set_booking (self, copy);
  g_signal_emit (self, signals[BOOKING_CHANGED], 0, copy);
}

/* The server's word on each field it refused, on the field's row. */
static void
show_field_errors (HibachiBookingDetail *self,
                   GHashTable           *field_errors)
{
  if (field_errors == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *message = g_hash_table_lookup (field_errors, text_fields[i].member);

      if (message != NULL)
        mark_row (GTK_WIDGET (self->text_rows[i]), message);
    }
  for (guint i = 0; i < 3; i++)
    {
      static const char * const venue_members[] = { "venue_address", "venue_lat", "venue_lng" };
      const char *message = g_hash_table_lookup (field_errors, venue_members[i]);

      if (message != NULL)
        mark_row (GTK_WIDGET (self->venue_entry), message);
    }
}

typedef struct
{
  HibachiBookingDetail *self;
  JsonObject           *changes;
  JsonObject           *before;      /* the booking as it was, for Undo */
  GTask                *task;        /* whoever waits for the save, or NULL */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  json_object_unref (data->changes);
  g_clear_pointer (&data->before, json_object_unref);
  g_clear_object (&data->task);
  g_free (data);
}

const char *
hibachi_booking_detail_field_title (const char *member)
{
  static const struct { const char *member; const char *title; } others[] = {
    { "slot", N_("Slot") }, { "adults", N_("Adults (13+)") }, { "children", N_("Children (6–12)") },
    { "toddlers", N_("Toddlers (free)") }, { "deposit_paid", N_("Deposit Paid") },
    { "status", N_("Status") }, { "chef_id", N_("Chef") }, { "requested_chef_id", N_("Requested Chef") },
    { "station_id", N_("Station") }, { "total_cents", N_("Total") }, { "deposit_cents", N_("Deposit") },
    { "allergens", N_("Allergens") }, { "venue_address", N_("Venue Address") },
    { "venue_lat", N_("Venue Latitude") }, { "venue_lng", N_("Venue Longitude") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].member, member))
      return _(text_fields[i].title);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i].member, member))
      return _(others[i].title);

  return member;
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  HibachiBookingDetail *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) current = NULL;
  g_autoptr(HibachiBooking) saved = hibachi_store_booking_finish (HIBACHI_STORE (source), result, &current, &error);

  if (saved != NULL)
    {
      g_autoptr(JsonObject) inverse = json_object_new ();
      g_autoptr(HibachiBookingUndo) undo = NULL;
      g_autoptr(GList) members = json_object_get_members (data->changes);
      g_autofree char *message = NULL;
      g_autofree char *description = NULL;

      /* The undo is built from the values before the save, never the reply's. */
      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *old = data->before ? json_object_get_member (data->before, l->data) : NULL;

          if (old != NULL)
            json_object_set_member (inverse, l->data, json_node_copy (old));
        }

      hibachi_booking_detail_show_result (self, saved);
      /* Translators: a booking reference */
      message = g_strdup_printf (_("Changes to %s saved"), hibachi_booking_get_reference (saved));
      /* Translators: completes "Undo …" / "Undid …"; a booking reference */
      description = g_strdup_printf (_("edit of %s"), hibachi_booking_get_reference (saved));
      undo = hibachi_booking_undo_new_edit (hibachi_booking_detail_get_store (self), saved, inverse, message, description);
      hibachi_booking_undo_push (self->context, undo);
      if (data->task != NULL)
        g_task_return_boolean (data->task, TRUE);
      save_data_free (data);
      return;
    }

  if (data->task != NULL)
    g_task_return_error (data->task, g_error_copy (error));
  if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED) && current != NULL)
    hibachi_booking_detail_show_stale_dialog (self, data->changes, current);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_field_errors (self, hibachi_store_get_field_errors (HIBACHI_STORE (source), result));
      hibachi_booking_detail_show_error (self, error);
    }

  save_data_free (data);
}

void
hibachi_booking_detail_save_over (HibachiBookingDetail *self,
                                  JsonObject           *changes,
                                  HibachiBooking       *base,
                                  GTask                *task)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->changes = json_object_ref (changes);
  data->before = json_object_ref (hibachi_booking_get_json (self->booking));
  data->task = task != NULL ? g_object_ref (task) : NULL;
  hibachi_store_update_booking_async (hibachi_booking_detail_get_store (self), base, changes, self->cancellable, save_cb, data);
}

void
hibachi_booking_detail_save_async (HibachiBookingDetail *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonObject) changes = hibachi_booking_detail_get_changes (self);

  g_task_set_source_tag (task, hibachi_booking_detail_save_async);
  if (json_object_get_size (changes) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->problem != NULL)
    {
      g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION, "%s", self->problem);
      return;
    }

  hibachi_booking_detail_save_over (self, changes, self->booking, task);
}

gboolean
hibachi_booking_detail_save_finish (HibachiBookingDetail  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hibachi_booking_detail_save (HibachiBookingDetail *self)
{
  hibachi_booking_detail_save_async (self, NULL, NULL, NULL);
}

gboolean
hibachi_booking_detail_has_changes (HibachiBookingDetail *self)
{
  g_autoptr(JsonObject) changes = NULL;

  if (self->session == NULL || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS))
    return FALSE;
  changes = hibachi_booking_detail_get_changes (self);
  return json_object_get_size (changes) > 0;
}

void
hibachi_booking_detail_discard (HibachiBookingDetail *self)
{
  if (self->booking != NULL && hibachi_booking_is_loaded (self->booking))
    load_form (self);
}

static void
revert_clicked_cb (HibachiBookingDetail *self)
{
  load_form (self);
}

/* Their version replaces the form; the unsaved edits go. */
static void
reload_clicked_cb (HibachiBookingDetail *self)
{
  g_autoptr(HibachiBooking) theirs = g_steal_pointer (&self->theirs);

  if (theirs != NULL)
    hibachi_booking_detail_show_result (self, theirs);
}

/* Construction */

/* Enter in a field saves, like the button would; so does Ctrl+S, with a
 * number just typed in a count. */
static void
entry_activated_cb (HibachiBookingDetail *self)
{
  hibachi_form_commit_typed_number (GTK_WIDGET (self));
  if (gtk_widget_get_visible (GTK_WIDGET (self->save_button)) && gtk_widget_is_sensitive (GTK_WIDGET (self->save_button)))
    hibachi_booking_detail_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  entry_activated_cb (HIBACHI_BOOKING_DETAIL (widget));
}

static void
hibachi_booking_detail_dispose (GObject *object)
{
  HibachiBookingDetail *self = HIBACHI_BOOKING_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_BOOKING_DETAIL);
  g_clear_object (&self->booking);
  g_clear_object (&self->context);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->theirs);
  hibachi_booking_detail_follow (self, NULL);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->event_date, g_free);
  g_clear_pointer (&self->sheet_station, g_free);

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

  g_type_ensure (HIBACHI_TYPE_ADDRESS_ENTRY);
  g_type_ensure (HIBACHI_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-booking-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, page);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, title);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, revert_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, assign_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, customer_group);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, customer_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, date_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, date_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, date_popover);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, allergens_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, changed_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, reload_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, venue_area_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, requests_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, notes_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, slot_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, adults_spin);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, children_spin);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, toddlers_spin);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, deposit_switch);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, station_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, chef_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, total_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiBookingDetail, created_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hibachi_booking_detail_save);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "confirm_clicked_cb", G_CALLBACK (hibachi_booking_detail_confirm));
  gtk_widget_class_bind_template_callback (widget_class, hibachi_booking_detail_assign_chef);
  gtk_widget_class_bind_template_callback (widget_class, hibachi_booking_detail_show_history);
  gtk_widget_class_bind_template_callback_full (widget_class, "cancel_clicked_cb", G_CALLBACK (hibachi_booking_detail_cancel));
  gtk_widget_class_bind_template_callback_full (widget_class, "delete_clicked_cb", G_CALLBACK (hibachi_booking_detail_delete));

  gtk_widget_class_install_action (widget_class, "detail.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "detail.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bookingdetail");
}

static void
hibachi_booking_detail_init (HibachiBookingDetail *self)
{
  g_autoptr(GtkStringList) slots = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* GTK 4.8 does not hand the tooltip to the menu button's inner button. */
  hibachi_accessible_set_label (GTK_WIDGET (self->date_button), _("Choose the event date"));

  /* In the order of text_fields and count_members. */
  self->text_rows[0] = self->customer_row;
  self->text_rows[1] = self->email_row;
  self->text_rows[2] = self->phone_row;
  self->text_rows[3] = self->requests_row;
  self->text_rows[4] = self->notes_row;
  hibachi_address_entry_set_title (self->venue_entry, _("Venue Address"));
  self->count_spins[0] = self->adults_spin;
  self->count_spins[1] = self->children_spin;
  self->count_spins[2] = self->toddlers_spin;
  for (guint c = 0; c < G_N_ELEMENTS (count_members); c++)
    {
      gtk_spin_button_set_range (self->count_spins[c], 0, HIBACHI_GUESTS_MAX);
      hibachi_form_take_typed_counts (self->count_spins[c]);
      /* GTK 4.8's spin button has no "activate"; its text, which it
       * listens to first (the number is taken), has. */
      g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->count_spins[c])), "activate",
                                G_CALLBACK (entry_activated_cb), self);
    }

  for (guint s = 0; s < HIBACHI_N_SLOTS; s++)
    gtk_string_list_append (slots, hibachi_slot_to_string (s));
  self->loading_form = TRUE;
  adw_combo_row_set_model (self->slot_row, G_LIST_MODEL (slots));
  self->loading_form = FALSE;
}

void
hibachi_booking_detail_set_context (HibachiBookingDetail *self,
                                    HibachiContext       *context)
{
  g_set_object (&self->context, context);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->sheet_station, g_free);
  self->have_sheet = FALSE;
  hibachi_booking_detail_follow (self, context ? hibachi_context_get_change_feed (context) : NULL);
  if (context == NULL)
    return;
  g_set_object (&self->session, hibachi_context_get_session (context));
  g_set_object (&self->directory, hibachi_context_get_directory (context));
  hibachi_address_entry_set_store (self->venue_entry, self->session ? hibachi_session_get_store (self->session) : NULL);
}

void
hibachi_booking_detail_set_booking (HibachiBookingDetail *self,
                                    HibachiBooking       *booking)
{
  g_return_if_fail (HIBACHI_IS_BOOKING_DETAIL (self));

  if (!g_set_object (&self->booking, booking) || booking == NULL || !hibachi_booking_is_loaded (booking))
    return;

  hibachi_booking_detail_load_prices (self);
  load_form (self);
}

HibachiBooking *
hibachi_booking_detail_get_booking (HibachiBookingDetail *self)
{
  return self->booking;
}
