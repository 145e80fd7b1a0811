/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The booking detail pane and the assign dialog, signed in to a real
 * hibachi-server, under Xvfb: the pane in a window of its own with the
 * context a page gets, each check made on what the server holds. With
 * HIBACHI_SCREENSHOT_DIR set, it also saves screenshots of what it shows. */
#include "config.h"

#include <string.h>

#include "hibachi-assign-dialog.h"
#include "hibachi-booking-detail.h"
#include "hibachi-booking-undo.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"
#include "hibachi-test-detail.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-test-x11.h"

static void
setup (Fixture *f, gconstpointer data)
{
  hibachi_test_detail_setup (f, data, 20);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  hibachi_test_detail_teardown (f);
}

/* The server's side */

static char *
day_in (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A new pending booking of 12 adults at Fremont: its id. */
static char *
new_booking (Fixture *f, const char *station, const char *date, const char *slot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(HibachiTestResponse) created = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "customer_name");
  json_builder_add_string_value (builder, "Ada Lovelace");
  json_builder_set_member_name (builder, "customer_email");
  json_builder_add_string_value (builder, "ada@example.com");
  json_builder_set_member_name (builder, "customer_phone");
  json_builder_add_string_value (builder, "(510) 555-0142");
  json_builder_set_member_name (builder, "event_date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "slot");
  json_builder_add_string_value (builder, slot);
  json_builder_set_member_name (builder, "adults");
  json_builder_add_int_value (builder, 12);
  json_builder_set_member_name (builder, "venue_address");
  json_builder_add_string_value (builder, "39100 Liberty St, Fremont, CA");
  json_builder_set_member_name (builder, "venue_lat");
  json_builder_add_double_value (builder, 37.5483);
  json_builder_set_member_name (builder, "venue_lng");
  json_builder_add_double_value (builder, -121.9886);
  json_builder_set_member_name (builder, "station_id");
  json_builder_add_string_value (builder, station);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->token, body, NULL);
  g_assert_cmpuint (created->status, ==, 201);
  return g_strdup (json_object_get_string_member (hibachi_test_response_object (created), "id"));
}

/* GET /api/v1/bookings/@id as the server has it now. */
static HibachiTestResponse *
stored (Fixture *f, const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  HibachiTestResponse *response = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return response;
}

static gboolean
stored_chef_is (Fixture *f, const char *id, const char *chef_id)
{
  g_autoptr(HibachiTestResponse) r = stored (f, id);
  JsonObject *booking = hibachi_test_response_object (r);

  return g_strcmp0 (json_object_get_string_member_with_default (booking, "chef_id", NULL), chef_id) == 0;
}

static guint
chef_puts (Fixture *f, const char *id)
{
  g_autofree char *prefix = g_strdup_printf ("PUT /api/v1/bookings/%s/chef", id);

  return hibachi_test_server_count_requests (f->ts, prefix);
}

/* The app's side */

static HibachiBooking *
fetch (Fixture *f, const char *id)
{
  HibachiStore *store = hibachi_session_get_store (hibachi_context_get_session (f->context));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HibachiBooking *booking;

  hibachi_store_get_booking_async (store, id, NULL, hibachi_test_store_result_cb, &result);
  booking = hibachi_store_booking_finish (store, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return booking;
}

static void
show (Fixture *f, const char *id)
{
  g_autoptr(HibachiBooking) booking = fetch (f, id);

  hibachi_booking_detail_set_booking (f->detail, booking);
  hibachi_test_settle ();
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The texts of every label under @root, one per line. */
static void
collect_text (GtkWidget *root, GString *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_text (child, out);
    }
}

static HibachiAssignDialog *
current_assign_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (HIBACHI_IS_ASSIGN_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HIBACHI_ASSIGN_DIALOG (window);
    }
  return NULL;
}

static GtkListBox *
chef_list (HibachiAssignDialog *dialog)
{
  return GTK_LIST_BOX (hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
}

/* Opens the dialog with the pane's button and waits for the ranking. */
static HibachiAssignDialog *
open_assign (Fixture *f)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->detail), "Assign _Chef…");
  HibachiAssignDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR ((dialog = current_assign_dialog ()) != NULL);
  WAIT_FOR (gtk_list_box_get_row_at_index (chef_list (dialog), 0) != NULL);
  hibachi_test_settle ();
  return dialog;
}

static GtkListBoxRow *
row_of_chef (HibachiAssignDialog *dialog, const char *chef_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (chef_list (dialog), i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "chef-id"), chef_id) == 0)
      return row;
  return NULL;
}

static gboolean
row_has_conflict (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict"));
}

/* What Enter does in a list box: its key binding activates the cursor row. */
static void
press_enter_in_list (GtkListBox *list)
{
  g_signal_emit_by_name (list, "activate-cursor-row");
  hibachi_test_settle ();
}

static GtkEventController *
capture_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

static HibachiUndoCommand *
undo_top (Fixture *f)
{
  return hibachi_undo_stack_peek (hibachi_context_get_undo_stack (f->context));
}

static void
undo (Fixture *f)
{
  HibachiUndoStack *stack = hibachi_context_get_undo_stack (f->context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiUndoCommand) undone = NULL;

  hibachi_undo_stack_undo_async (stack, NULL, NULL, hibachi_test_store_result_cb, &result);
  undone = hibachi_undo_stack_undo_finish (stack, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (undone);
}

/* Assign dialog */

/* The best chef is selected and focused: Enter assigns them, the server
 * has them, and Undo puts the booking back without a chef. */
static void
test_assign_enter (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (24);
  g_autofree char *id = new_booking (f, f->fremont, date, "18:00");
  g_autofree char *chef_id = NULL;
  g_autofree char *description = NULL;
  g_autoptr(HibachiBooking) shown = NULL;
  HibachiAssignDialog *dialog;
  GtkListBoxRow *best;

  show (f, id);
  shown = g_object_ref (hibachi_booking_detail_get_booking (f->detail));
  dialog = open_assign (f);
  best = gtk_list_box_get_selected_row (chef_list (dialog));
  g_assert_nonnull (best);
  g_assert_cmpint (gtk_list_box_row_get_index (best), ==, 0);
  g_assert_false (row_has_conflict (best));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (best)));
  chef_id = g_strdup (g_object_get_data (G_OBJECT (best), "chef-id"));
  g_assert_cmpuint (chef_puts (f, id), ==, 0);

  press_enter_in_list (chef_list (dialog));
  WAIT_FOR (stored_chef_is (f, id, chef_id));
  g_assert_cmpuint (chef_puts (f, id), ==, 1);
  /* The dialog is gone and the pane shows the chef. */
  WAIT_FOR (current_assign_dialog () == NULL);
  WAIT_FOR (g_strcmp0 (hibachi_booking_get_chef_id (hibachi_booking_detail_get_booking (f->detail)), chef_id) == 0);

  /* Open again: the chef says so and is not offered a second time. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    GtkListBoxRow *row;

    dialog = open_assign (f);
    row = row_of_chef (dialog, chef_id);
    collect_text (GTK_WIDGET (row), text);
    g_assert_nonnull (strstr (text->str, "Assigned now"));
    gtk_list_box_select_row (chef_list (dialog), row);
    hibachi_test_settle ();
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));
    press_enter_in_list (chef_list (dialog));
    g_assert_cmpuint (chef_puts (f, id), ==, 1);
    gtk_window_destroy (GTK_WINDOW (dialog));
    hibachi_test_settle ();
  }

  description = g_strdup_printf ("assignment of %s", hibachi_booking_get_reference (shown));
  g_assert_nonnull (undo_top (f));
  g_assert_cmpstr (hibachi_undo_command_get_description (undo_top (f)), ==, description);
  undo (f);
  g_assert_true (stored_chef_is (f, id, NULL));
}

/* Tab from any row leaves the list (one Tab stop), and the selection stays
 * where it was instead of walking down to the conflicting chefs. */
static void
test_assign_tab (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (25);
  g_autofree char *id = new_booking (f, f->fremont, date, "12:00");
  HibachiAssignDialog *dialog;
  GtkListBox *list;
  GtkEventController *keys;
  GtkListBoxRow *selected;
  GtkWidget *focus;
  gboolean handled = FALSE;

  show (f, id);
  dialog = open_assign (f);
  list = chef_list (dialog);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  selected = gtk_list_box_get_selected_row (list);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (selected)));

  /* Keys reach the list in the capture phase, before the window moves focus
   * from row to row. */
  keys = capture_key_controller (GTK_WIDGET (list));
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_false (focus == GTK_WIDGET (list) || gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_list_box_get_selected_row (list) == selected);

  /* Shift+Tab from the list goes back out too. */
  gtk_widget_grab_focus (GTK_WIDGET (selected));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
  g_assert_true (gtk_list_box_get_selected_row (list) == selected);
  g_assert_cmpuint (chef_puts (f, id), ==, 0);
}

/* Each row says what its score is made of, in words. */
static void
test_assign_score_words (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (26);
  g_autofree char *id = new_booking (f, f->fremont, date, "15:00");
  g_autoptr(GString) text = g_string_new (NULL);
  HibachiAssignDialog *dialog;
  GtkListBoxRow *row;

  show (f, id);
  dialog = open_assign (f);
  row = gtk_list_box_get_row_at_index (chef_list (dialog), 0);
  collect_text (GTK_WIDGET (row), text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Score "));
  g_assert_nonnull (strstr (text->str, "Travel "));
  g_assert_nonnull (strstr (text->str, " of 40 ("));
  g_assert_nonnull (strstr (text->str, "away)"));
  g_assert_nonnull (strstr (text->str, "party fit "));
  g_assert_nonnull (strstr (text->str, " of 20"));
  g_assert_nonnull (strstr (text->str, "workload "));
  g_assert_nonnull (strstr (text->str, "rating "));
  g_assert_nonnull (strstr (text->str, "returning customer "));
  /* No line is a bare number. */
  {
    g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_false (*lines[i] != '\0' && strspn (lines[i], "0123456789. ") == strlen (lines[i]));
  }
}

/* A chef with a conflict: named with an icon and the reason; Enter and the
 * response ask for a reason first and nothing is sent until it is 10+
 * characters; then the server has the chef and the reason. Chefs of another
 * station than one of the bookings cannot be chosen at all. */
static void
test_assign_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (27);
  g_autofree char *first = new_booking (f, f->fremont, date, "18:00");
  g_autofree char *second = new_booking (f, f->fremont, date, "18:00");
  g_autofree char *chef_id = NULL;
  g_autofree char *first_path = g_strconcat ("/api/v1/bookings/", first, NULL);
  g_autofree char *chef_path = g_strconcat (first_path, "/chef", NULL);
  g_autofree char *body = NULL;
  g_autoptr(HibachiTestResponse) put = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  HibachiAssignDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *icon, *reason;

  /* Someone gave the first party a chef: the same chef clashes with the second. */
  show (f, first);
  dialog = open_assign (f);
  chef_id = g_strdup (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (chef_list (dialog))), "chef-id"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  hibachi_test_settle ();
  body = g_strdup_printf ("{\"chef_id\":\"%s\"}", chef_id);
  put = hibachi_test_write (f->ts, "PUT", chef_path, f->token, body, first_path);
  g_assert_cmpuint (put->status, ==, 200);

  show (f, second);
  dialog = open_assign (f);
  row = row_of_chef (dialog, chef_id);
  g_assert_nonnull (row);
  g_assert_true (row_has_conflict (row));
  /* Listed after every chef without one. */
  g_assert_false (row_has_conflict (gtk_list_box_get_row_at_index (chef_list (dialog), 0)));
  collect_text (GTK_WIDGET (row), text);
  g_assert_nonnull (strstr (text->str, "Conflict: "));
  icon = hibachi_test_find_type (GTK_WIDGET (row), GTK_TYPE_IMAGE);
  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-error-symbolic");

  gtk_list_box_select_row (chef_list (dialog), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  hibachi_test_settle ();
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "assign"), ==, "Assign _Anyway");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));

  /* Enter on it: the reason is asked for, nothing goes out. */
  press_enter_in_list (chef_list (dialog));
  reason = hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_true (gtk_widget_has_focus (reason) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), reason));
  g_assert_nonnull (current_assign_dialog ());
  gtk_editable_set_text (GTK_EDITABLE (reason), "too short");
  g_signal_emit_by_name (reason, "activate");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  hibachi_test_settle ();
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));
  g_assert_cmpuint (chef_puts (f, second), ==, 0);
  hibachi_test_save_screenshot (GTK_WIDGET (dialog), "assign-conflict");

  gtk_editable_set_text (GTK_EDITABLE (reason), "Customer asked for this chef by name");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));
  g_signal_emit_by_name (reason, "activate");
  WAIT_FOR (stored_chef_is (f, second, chef_id));
  g_assert_cmpuint (chef_puts (f, second), ==, 1);

  /* Two bookings of different stations: no chef works for both. */
  {
    g_autofree char *sacramento = hibachi_test_station_id (f->ts, f->token, "CA-SACRAMENTO-001");
    g_autofree char *other = new_booking (f, sacramento, date, "12:00");
    g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func (g_object_unref);
    HibachiAssignDialog *several;

    g_ptr_array_add (both, fetch (f, first));
    g_ptr_array_add (both, fetch (f, other));
    several = hibachi_assign_dialog_new (f->context, both);
    hibachi_assign_dialog_run_async (several, f->window, NULL, NULL, NULL);
    WAIT_FOR (gtk_list_box_get_row_at_index (chef_list (several), 0) != NULL);
    hibachi_test_settle ();
    for (int i = 0; (row = gtk_list_box_get_row_at_index (chef_list (several), i)) != NULL; i++)
      {
        gtk_list_box_select_row (chef_list (several), row);
        g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hard-conflict")));
        g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (several), "assign"));
      }
    gtk_window_destroy (GTK_WINDOW (several));
  }
}

/* Cancel and delete */

static AdwMessageDialog *
open_reason_dialog (Fixture *f, const char *button_label)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->detail), button_label);
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

/* The dialog names the booking in its body, and its heading reads on one
 * line at title size: a longer heading wraps on libadwaita 1.2 and, on 1.7,
 * drops to a smaller font after being measured narrower than its minimum (a
 * GTK 4.18 warning). A wrapping label's natural width is no single line's
 * width, so the layout itself is asked. */
static void
assert_dialog_names (AdwMessageDialog *dialog, const char *heading, const char *reference)
{
  GtkWidget *title = NULL;
  PangoLayout *layout;
  int line_width;

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reference));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)) && gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  hibachi_test_settle ();
  for (GtkWidget *w = hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LABEL); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "title-2"))
      title = w;
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_child_visible (title));
  layout = gtk_label_get_layout (GTK_LABEL (title));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  pango_layout_get_pixel_size (layout, &line_width, NULL);
  g_assert_cmpint (line_width, <=, gtk_widget_get_width (title));
}

static void
give_reason (AdwMessageDialog *dialog, const char *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hibachi_test_settle ();
}

static gboolean
stored_status_is (Fixture *f, const char *id, const char *status)
{
  g_autoptr(HibachiTestResponse) r = stored (f, id);

  return g_strcmp0 (json_object_get_string_member (hibachi_test_response_object (r), "status"), status) == 0;
}

static guint
get_status (Fixture *f, const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->token, NULL, NULL);

  return r->status;
}

/* Cancel names the booking, and its Undo ("Undo cancel of MH-…") brings it
 * back as it was: the status before the cancel and the same total. */
static void
test_cancel_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (30);
  g_autofree char *id = new_booking (f, f->fremont, date, "12:00");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *confirm = g_strconcat (path, "/confirm", NULL);
  g_autoptr(HibachiTestResponse) confirmed = hibachi_test_write (f->ts, "POST", confirm, f->token, NULL, path);
  g_autoptr(HibachiTestResponse) before = stored (f, id);
  g_autoptr(HibachiTestResponse) after = NULL;
  JsonObject *was = hibachi_test_response_object (before);
  const char *reference = json_object_get_string_member (was, "reference");
  g_autofree char *description = g_strdup_printf ("cancel of %s", reference);
  g_autofree char *message = g_strdup_printf ("Booking %s cancelled", reference);
  AdwMessageDialog *dialog;
  JsonObject *now;

  g_assert_cmpuint (confirmed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (was, "status"), ==, "confirmed");
  show (f, id);
  dialog = open_reason_dialog (f, "Cance_l Booking…");
  assert_dialog_names (dialog, "Cancel Booking?", reference);
  hibachi_test_save_screenshot (GTK_WIDGET (dialog), "cancel-dialog");
  give_reason (dialog, "The customer moved the party to spring");
  WAIT_FOR (stored_status_is (f, id, "cancelled"));
  WAIT_FOR (undo_top (f) != NULL);
  g_assert_cmpstr (hibachi_undo_command_get_description (undo_top (f)), ==, description);
  g_assert_cmpstr (hibachi_undo_command_get_message (undo_top (f)), ==, message);

  undo (f);
  after = stored (f, id);
  now = hibachi_test_response_object (after);
  g_assert_cmpstr (json_object_get_string_member (now, "status"), ==, "confirmed");
  g_assert_cmpint (json_object_get_int_member (now, "total_cents"), ==, json_object_get_int_member (was, "total_cents"));
  g_assert_cmpint (json_object_get_int_member (now, "deposit_cents"), ==, json_object_get_int_member (was, "deposit_cents"));
  g_assert_null (undo_top (f));
}

/* Delete too: gone from the server, then back with its status. */
static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (31);
  g_autofree char *id = new_booking (f, f->fremont, date, "15:00");
  g_autoptr(HibachiTestResponse) before = stored (f, id);
  g_autoptr(HibachiTestResponse) after = NULL;
  JsonObject *was = hibachi_test_response_object (before);
  g_autofree char *description = g_strdup_printf ("delete of %s", json_object_get_string_member (was, "reference"));
  AdwMessageDialog *dialog;

  show (f, id);
  dialog = open_reason_dialog (f, "_Delete…");
  assert_dialog_names (dialog, "Delete Booking?", json_object_get_string_member (was, "reference"));
  give_reason (dialog, "Entered twice by mistake");
  WAIT_FOR (get_status (f, id) == 404);
  WAIT_FOR (undo_top (f) != NULL);
  g_assert_cmpstr (hibachi_undo_command_get_description (undo_top (f)), ==, description);

  undo (f);
  g_assert_cmpuint (get_status (f, id), ==, 200);
  after = stored (f, id);
  g_assert_cmpstr (json_object_get_string_member (hibachi_test_response_object (after), "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (hibachi_test_response_object (after), "total_cents"), ==,
                   json_object_get_int_member (was, "total_cents"));
}

/* Runs the dialog for @id as the dispatch board would; the rows are in. */
static HibachiAssignDialog *
run_assign (Fixture *f, const char *id, GAsyncResult **result)
{
  g_autoptr(HibachiBooking) booking = fetch (f, id);
  HibachiAssignDialog *dialog = hibachi_assign_dialog_new_for_booking (f->context, booking);

  hibachi_assign_dialog_run_async (dialog, f->window, NULL, hibachi_test_store_result_cb, result);
  WAIT_FOR (gtk_list_box_get_row_at_index (chef_list (dialog), 0) != NULL);
  hibachi_test_settle ();
  return dialog;
}

/* The booking changed while the dialog was open: confirmed meanwhile, the
 * chef still goes on (only the chef is written); given another chef
 * meanwhile, nothing is overwritten and the error names the booking. */
static void
test_assign_changed_meanwhile (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (28);
  g_autofree char *first = new_booking (f, f->fremont, date, "12:00");
  g_autofree char *second = new_booking (f, f->fremont, date, "15:00");
  g_autofree char *first_path = g_strconcat ("/api/v1/bookings/", first, NULL);
  g_autofree char *confirm = g_strconcat (first_path, "/confirm", NULL);
  g_autofree char *second_path = g_strconcat ("/api/v1/bookings/", second, NULL);
  g_autofree char *second_chef = g_strconcat (second_path, "/chef", NULL);
  g_autofree char *best = NULL;
  g_autofree char *other = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiTestResponse) confirmed = NULL;
  g_autoptr(HibachiTestResponse) taken = NULL;
  g_autoptr(HibachiTestResponse) keep = NULL;
  g_autoptr(HibachiAssignDialog) dialog = NULL;
  g_autoptr(HibachiAssignDialog) second_dialog = NULL;

  dialog = g_object_ref (run_assign (f, first, &result));
  best = g_strdup (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (chef_list (dialog))), "chef-id"));
  confirmed = hibachi_test_write (f->ts, "POST", confirm, f->token, NULL, first_path);
  g_assert_cmpuint (confirmed->status, ==, 200);
  press_enter_in_list (chef_list (dialog));
  assigned = hibachi_assign_dialog_run_finish (dialog, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assigned->len, ==, 1);
  g_assert_true (stored_chef_is (f, first, best));
  g_assert_true (stored_status_is (f, first, "confirmed"));

  second_dialog = g_object_ref (run_assign (f, second, &refused));
  other = g_strdup (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (chef_list (second_dialog), 1)), "chef-id"));
  body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"Someone else chose this chef\"}", other);
  taken = hibachi_test_write (f->ts, "PUT", second_chef, f->token, body, second_path);
  g_assert_cmpuint (taken->status, ==, 200);
  press_enter_in_list (chef_list (second_dialog));
  g_clear_pointer (&assigned, g_ptr_array_unref);
  assigned = hibachi_assign_dialog_run_finish (second_dialog, wait_result (&refused), &error);
  g_assert_null (assigned);
  g_assert_error (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED);
  keep = stored (f, second);
  g_assert_true (g_str_has_prefix (error->message,
                                   json_object_get_string_member (hibachi_test_response_object (keep), "reference")));
  g_assert_true (stored_chef_is (f, second, other));
  g_assert_cmpuint (hibachi_assign_dialog_get_assigned (second_dialog)->len, ==, 0);
}

/* Editing */

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
subtitle_of (Fixture *f, const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->detail), title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static guint
patches (Fixture *f, const char *id)
{
  g_autofree char *prefix = g_strdup_printf ("PATCH /api/v1/bookings/%s", id);

  return hibachi_test_server_count_requests (f->ts, prefix);
}

static void
save_with_ctrl_s (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->detail), "detail.save", NULL);
  hibachi_test_settle ();
}

/* The server counts a request as it reads it: the write is done once the
 * pane has the reply, a newer version. */
static void
wait_for_saved (Fixture *f, gint64 version)
{
  WAIT_FOR (hibachi_booking_get_version (hibachi_booking_detail_get_booking (f->detail)) > version);
}

static gint64
shown_version (Fixture *f)
{
  return hibachi_booking_get_version (hibachi_booking_detail_get_booking (f->detail));
}

static const char *
stored_string (Fixture *f, const char *id, const char *member, HibachiTestResponse **keep)
{
  *keep = stored (f, id);
  return json_object_get_string_member (hibachi_test_response_object (*keep), member);
}

/* The event date reads in the user's format and is picked on a calendar
 * in a popover; the date picked is what the server stores. A date past the
 * bounds is refused in the form and never sent. */
static void
test_date_picker (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (33);
  g_autofree char *later = day_in (47);
  g_autofree char *shown = hibachi_date_format_day (date);
  g_autofree char *later_shown = hibachi_date_format_day (later);
  g_autofree char *id = new_booking (f, f->fremont, date, "18:00");
  g_autoptr(HibachiTestResponse) keep = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) picked = g_date_time_add_days (now, 47);
  g_autoptr(GDateTime) too_far = g_date_time_add_years (now, 4);
  GtkWidget *row, *button, *calendar, *save;

  show (f, id);
  g_assert_cmpstr (subtitle_of (f, "Event Date"), ==, shown);
  g_assert_cmpstr (subtitle_of (f, "Event Date"), !=, date);
  row = find_row (GTK_WIDGET (f->detail), "Event Date");
  button = hibachi_test_find_type (row, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose the event date");
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  hibachi_test_settle ();
  /* It opens on the booking's date. */
  {
    g_autoptr(GDateTime) selected = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_autofree char *text = g_date_time_format (selected, "%Y-%m-%d");

    g_assert_cmpstr (text, ==, date);
  }
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "detail-date-picker");

  /* Too far ahead: said on the row, Save stays off, nothing is sent. */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), too_far);
  hibachi_test_settle ();
  save = find_button (GTK_WIDGET (f->detail), "_Save Changes");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  save_with_ctrl_s (f);
  g_assert_cmpuint (patches (f, id), ==, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
  hibachi_test_settle ();
  g_assert_cmpstr (subtitle_of (f, "Event Date"), ==, later_shown);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_is_sensitive (save));
  save_with_ctrl_s (f);
  WAIT_FOR (patches (f, id) == 1);
  WAIT_FOR (g_strcmp0 (hibachi_booking_get_event_date (hibachi_booking_detail_get_booking (f->detail)), later) == 0);
  g_assert_cmpstr (stored_string (f, id, "event_date", &keep), ==, later);
}

/* While guests change, the pane shows the total the server will charge;
 * after saving, the server's total is that one to the cent. */
static void
test_live_total (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (34);
  g_autofree char *id = new_booking (f, f->fremont, date, "15:00");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  /* Santa Cruz, past the free miles: the travel fee has cents. */
  g_autoptr(HibachiTestResponse) moved = hibachi_test_write (f->ts, "PATCH", path, f->token,
                                                            "{\"venue_lat\":36.9741,\"venue_lng\":-122.0308}", path);
  g_autoptr(HibachiTestResponse) keep = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *previewed = NULL;
  gint64 version;
  GtkWidget *adults, *children;
  const char *text;

  g_assert_cmpuint (moved->status, ==, 200);
  show (f, id);
  saved = hibachi_format_cents (hibachi_booking_get_total_cents (hibachi_booking_detail_get_booking (f->detail)));
  g_assert_true (g_str_has_prefix (subtitle_of (f, "Total"), saved));
  adults = hibachi_test_find_type (find_row (GTK_WIDGET (f->detail), "Adults (13+)"), GTK_TYPE_SPIN_BUTTON);
  children = hibachi_test_find_type (find_row (GTK_WIDGET (f->detail), "Children (6–12)"), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adults), 17);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (children), 3);
  /* The station's prices come once per station. */
  WAIT_FOR (strstr (subtitle_of (f, "Total"), "once saved") != NULL);
  text = subtitle_of (f, "Total");
  previewed = g_strndup (text, strstr (text, " once saved") - text);
  g_test_message ("previewed %s, saved %s", previewed, saved);
  g_assert_cmpstr (previewed, !=, saved);
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "detail-live-total");

  version = shown_version (f);
  save_with_ctrl_s (f);
  wait_for_saved (f, version);
  g_assert_cmpuint (patches (f, id), ==, 2);
  keep = stored (f, id);
  {
    g_autofree char *charged = hibachi_format_cents (json_object_get_int_member (hibachi_test_response_object (keep),
                                                                                  "total_cents"));

    g_assert_cmpstr (charged, ==, previewed);
  }
  /* Saved: the row says the total, no preview. */
  WAIT_FOR (hibachi_booking_get_int (hibachi_booking_detail_get_booking (f->detail), "adults") == 17);
  g_assert_null (strstr (subtitle_of (f, "Total"), "once saved"));
  g_assert_true (g_str_has_prefix (subtitle_of (f, "Total"), previewed));
}

static gint64
stored_int (Fixture *f, const char *id, const char *member)
{
  g_autoptr(HibachiTestResponse) r = stored (f, id);

  return json_object_get_int_member (hibachi_test_response_object (r), member);
}

/* Real keys (XTest) in the Adults field, with a number typed: Ctrl+S
 * saves that number, and so does Enter.
 * After the save the field has no typing to undo: Ctrl+Z in it leaves the
 * saved number (it used to empty the field). A long venue address shows
 * from its start, the house number first. */
static void
test_typed_number_saves (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (36);
  g_autofree char *id = new_booking (f, f->fremont, date, "15:00");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  GtkWidget *window = GTK_WIDGET (f->window), *adults, *venue;
  gint64 version;

  {
    g_autoptr(HibachiTestResponse) moved =
      hibachi_test_write (f->ts, "PATCH", path, f->token,
                          "{\"venue_address\":\"8783 Maple Avenue, Unit 1200, South San Francisco, CA 94080\"}", path);

    g_assert_cmpuint (moved->status, ==, 200);
  }
  show (f, id);
  venue = hibachi_test_find_type (find_row (GTK_WIDGET (f->detail), "Venue Address"), GTK_TYPE_TEXT);
  g_assert_nonnull (venue);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (venue)), ==, 0);

  adults = hibachi_test_find_type (find_row (GTK_WIDGET (f->detail), "Adults (13+)"), GTK_TYPE_SPIN_BUTTON);
  hibachi_test_x_focus (window);
  gtk_widget_grab_focus (adults);
  gtk_editable_set_text (GTK_EDITABLE (adults), "20");
  version = shown_version (f);
  hibachi_test_x_key (window, GDK_KEY_s, GDK_KEY_Control_L);
  wait_for_saved (f, version);
  g_assert_cmpint (stored_int (f, id, "adults"), ==, 20);

  hibachi_test_x_key (window, GDK_KEY_z, GDK_KEY_Control_L);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adults)), ==, "20");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (adults)), ==, 20);

  gtk_editable_set_text (GTK_EDITABLE (adults), "22");
  version = shown_version (f);
  hibachi_test_x_key (window, GDK_KEY_Return, 0);
  wait_for_saved (f, version);
  g_assert_cmpint (stored_int (f, id, "adults"), ==, 22);
}

/* Allergens show in the pane and are edited as a list separated by commas. */
static void
test_allergens (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (35);
  g_autofree char *id = new_booking (f, f->fremont, date, "12:00");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autoptr(HibachiTestResponse) seeded = hibachi_test_write (f->ts, "PATCH", path, f->token,
                                                             "{\"allergens\":[\"peanuts\",\"shellfish\"]}", path);
  g_autoptr(HibachiTestResponse) after = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  GtkWidget *row, *save;
  JsonArray *allergens;
  gint64 version;
  guint sent;

  g_assert_cmpuint (seeded->status, ==, 200);
  sent = patches (f, id);
  show (f, id);
  row = find_row (GTK_WIDGET (f->detail), "Allergens (separated by commas)");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "peanuts, shellfish");
  save = find_button (GTK_WIDGET (f->detail), "_Save Changes");
  g_assert_false (gtk_widget_is_sensitive (save));

  /* More than the server takes: said, not sent. */
  for (int i = 0; i <= HIBACHI_ALLERGENS_MAX; i++)
    g_string_append_printf (many, "%sitem %d", i ? ", " : "", i);
  gtk_editable_set_text (GTK_EDITABLE (row), many->str);
  hibachi_test_settle ();
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  save_with_ctrl_s (f);
  g_assert_cmpuint (patches (f, id), ==, sent);

  gtk_editable_set_text (GTK_EDITABLE (row), "peanuts,  sesame ,, gluten");
  hibachi_test_settle ();
  g_assert_true (gtk_widget_is_sensitive (save));
  version = shown_version (f);
  save_with_ctrl_s (f);
  wait_for_saved (f, version);
  g_assert_cmpuint (patches (f, id), ==, sent + 1);
  after = stored (f, id);
  allergens = json_object_get_array_member (hibachi_test_response_object (after), "allergens");
  g_assert_cmpuint (json_array_get_length (allergens), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (allergens, 0), ==, "peanuts");
  g_assert_cmpstr (json_array_get_string_element (allergens, 1), ==, "sesame");
  g_assert_cmpstr (json_array_get_string_element (allergens, 2), ==, "gluten");
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "peanuts, sesame, gluten") == 0);
}

/* Others' changes */

static GtkLabel *
visible_label_with (GtkWidget *root, const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_child_visible (child) && gtk_widget_get_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), part) != NULL)
        return GTK_LABEL (child);
      if (gtk_widget_get_child_visible (child) && (found = visible_label_with (child, part)) != NULL)
        return found;
    }
  return NULL;
}

static void
rename_as (Fixture *f, const char *email, const char *id, const char *name)
{
  g_autofree char *token = hibachi_test_login (f->ts, email);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *body = g_strdup_printf ("{\"customer_name\":\"%s\"}", name);
  g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, token, body, path);

  g_assert_cmpuint (r->status, ==, 200);
}

static const char *
customer_shown (Fixture *f)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (f->detail), "Customer")));
}

/* Someone else changes the open booking: the pane shows it in place and
 * says who. With unsaved edits it keeps them, says who, and Reload shows
 * their version. */
static void
test_follows_others (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (36);
  g_autofree char *id = new_booking (f, f->fremont, date, "21:00");
  GtkWidget *phone, *reload;

  show (f, id);
  g_assert_cmpstr (customer_shown (f), ==, "Ada Lovelace");
  g_assert_null (visible_label_with (GTK_WIDGET (f->detail), "changed this booking"));

  rename_as (f, "fremont.manager@demo.test", id, "Ada King");
  WAIT_FOR (g_strcmp0 (customer_shown (f), "Ada King") == 0);
  WAIT_FOR (visible_label_with (GTK_WIDGET (f->detail), "Fran Fremont changed this booking.") != NULL);
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (f->detail), "_Reload")));

  /* Unsaved edits stay; the pane says who changed it and offers Reload. */
  phone = find_row (GTK_WIDGET (f->detail), "Phone");
  gtk_editable_set_text (GTK_EDITABLE (phone), "(510) 555-0100");
  hibachi_test_settle ();
  rename_as (f, "office@demo.test", id, "Augusta Ada King");
  WAIT_FOR (visible_label_with (GTK_WIDGET (f->detail), "Oscar Office changed this booking while you were editing") != NULL);
  g_assert_cmpstr (customer_shown (f), ==, "Ada King");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "(510) 555-0100");
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "detail-changed-by");
  reload = find_button (GTK_WIDGET (f->detail), "_Reload");
  g_assert_true (gtk_widget_get_visible (reload));
  g_signal_emit_by_name (reload, "clicked");
  hibachi_test_settle ();
  g_assert_cmpstr (customer_shown (f), ==, "Augusta Ada King");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "(510) 555-0142");
  g_assert_false (hibachi_booking_detail_has_changes (f->detail));
  g_assert_cmpuint (patches (f, id), ==, 2);
}

/* Read only */

/* A chef sees their booking's values, not fields that seem to take input:
 * no date picker, no edits, no actions, the saved total only. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *date = day_in (37);
  g_autofree char *id = new_booking (f, f->fremont, date, "18:00");
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);
  g_autofree char *chef_path = g_strconcat (path, "/chef", NULL);
  g_autofree char *chef_token = hibachi_test_login (f->ts, data);
  g_autoptr(HibachiTestResponse) me = hibachi_test_request (f->ts, "GET", "/api/auth/me", chef_token, NULL, NULL);
  g_autofree char *body = g_strdup_printf ("{\"chef_id\":\"%s\",\"override_reason\":\"The test needs this chef here\"}",
                                           json_object_get_string_member (hibachi_test_response_object (me), "chef_id"));
  g_autoptr(HibachiTestResponse) put = hibachi_test_write (f->ts, "PUT", chef_path, f->token, body, path);
  const char *labels[] = { "Assign _Chef…", "Cance_l Booking…", "_Delete…", "_Save Changes", "C_onfirm" };
  GtkWidget *row;

  g_assert_cmpuint (put->status, ==, 200);
  show (f, id);
  g_assert_cmpstr (customer_shown (f), ==, "Ada Lovelace");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = find_button (GTK_WIDGET (f->detail), labels[i]);

      g_assert_true (button == NULL || !gtk_widget_get_visible (button));
    }
  row = find_row (GTK_WIDGET (f->detail), "Event Date");
  g_assert_false (gtk_widget_get_visible (hibachi_test_find_type (row, GTK_TYPE_MENU_BUTTON)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_row (GTK_WIDGET (f->detail), "Allergens (separated by commas)"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_row (GTK_WIDGET (f->detail), "Customer"))));
  g_assert_false (gtk_widget_is_sensitive (hibachi_test_find_type (find_row (GTK_WIDGET (f->detail), "Adults (13+)"), GTK_TYPE_SPIN_BUTTON)));
  g_assert_true (g_str_has_suffix (subtitle_of (f, "Total"), "(deposit $100.00)"));
  g_assert_false (hibachi_booking_detail_has_changes (f->detail));
  /* No price sheet asked for: nothing here previews a total. */
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/pricing"), ==, 0);
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "detail-chef");
}

/* The app's stylesheet, as AdwApplication loads it from the resource base
 * path in the app: the pane and its dialogs are measured as users get them
 * (message dialog headings have their minimum width from it). */
static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/com/myhibachichef/Admin/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_app_style ();

#define ADD(path, fn) g_test_add ("/hibachi/ui-detail/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("assign-enter", test_assign_enter);
  ADD ("assign-tab", test_assign_tab);
  ADD ("assign-score-words", test_assign_score_words);
  ADD ("assign-conflict", test_assign_conflict);
  ADD ("assign-changed-meanwhile", test_assign_changed_meanwhile);
  ADD ("cancel-undo", test_cancel_undo);
  ADD ("delete-undo", test_delete_undo);
  ADD ("date-picker", test_date_picker);
  ADD ("live-total", test_live_total);
  ADD ("allergens", test_allergens);
  ADD ("typed-number-saves", test_typed_number_saves);
  ADD ("follows-others", test_follows_others);
#undef ADD
  g_test_add ("/hibachi/ui-detail/read-only", Fixture, "chef.kenji@demo.test", setup, test_read_only, teardown);

  status = g_test_run ();
  return status;
}
