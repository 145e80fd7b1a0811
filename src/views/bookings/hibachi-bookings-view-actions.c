/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings page's actions: reload, filters, search, new booking,
 * confirm selected, CSV export and the run sheet. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-assign-dialog.h"
#include "hibachi-booking-csv.h"
#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"
#include "hibachi-new-booking-dialog.h"
#include "hibachi-run-sheet.h"

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_reload (HIBACHI_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle,
                                 self->cancelled_toggle, self->unassigned_toggle };

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (toggles[i], FALSE);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  gtk_drop_down_set_selected (self->chef_dropdown, 0);
  hibachi_bookings_view_filters_changed (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_focus_search (HIBACHI_PAGE (widget));
}

/* The bookings a selection stands for, with their data: from memory when
 * every selected row is loaded; otherwise (Ctrl+A over 100k rows, a
 * shift-click across pages never shown) the filter's rows from the server,
 * those at the selected positions. A selection smaller than @min_selection
 * stands for the whole filter. Finishes with a GPtrArray of HibachiBooking. */

static void
selected_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkBitset *positions = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) bookings = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  GPtrArray *kept;

  if (bookings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (positions == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&bookings), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bookings->len; i++)
    if (gtk_bitset_contains (positions, i))
      g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (bookings, i)));
  g_task_return_pointer (task, kept, (GDestroyNotify) g_ptr_array_unref);
}

static void
selected_bookings_async (HibachiBookingsView *self,
                         guint                min_selection,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, self->cancellable, callback, user_data);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *query = NULL;

  if (n_selected > 0 && n_selected >= min_selection)
    {
      g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean all_loaded = TRUE;
      GtkBitsetIter iter;
      guint position;

      for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more && all_loaded;
           more = gtk_bitset_iter_next (&iter, &position))
        {
          HibachiBooking *booking = g_list_model_get_item (G_LIST_MODEL (self->list), position);

          all_loaded = hibachi_booking_is_loaded (booking);
          g_ptr_array_add (bookings, booking);
        }
      if (all_loaded)
        {
          g_task_return_pointer (task, g_steal_pointer (&bookings), (GDestroyNotify) g_ptr_array_unref);
          g_object_unref (task);
          return;
        }
      if (n_selected < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
        g_task_set_task_data (task, gtk_bitset_ref (selected), (GDestroyNotify) gtk_bitset_unref);
    }

  /* Thousands of rows can take seconds. */
  hibachi_page_toast (GTK_WIDGET (self), _("Getting the bookings from the server…"));
  query = hibachi_bookings_view_build_query (self);
  hibachi_store_fetch_bookings_async (hibachi_session_get_store (self->session), query, self->cancellable,
                                      selected_fetched_cb, task);
}

static GPtrArray *
selected_bookings_finish (HibachiBookingsView  *self,
                          GAsyncResult         *result,
                          GError              **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  HibachiBookingsView *self;
  guint                pending;
  guint                confirmed;
  guint                failed;
} ConfirmBatch;

static void
confirm_one_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ConfirmBatch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiBooking) confirmed = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, &error);

  if (confirmed != NULL)
    batch->confirmed++;
  else
    batch->failed++;

  if (--batch->pending > 0)
    return;

  if (batch->failed == 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking confirmed",
                                                               "%u bookings confirmed", batch->confirmed), batch->confirmed);
      hibachi_page_toast (GTK_WIDGET (batch->self), message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("%u confirmed, %u could not be confirmed"), batch->confirmed, batch->failed);
      hibachi_page_toast (GTK_WIDGET (batch->self), message);
    }

  hibachi_paged_list_reload (batch->self->list);
  g_object_unref (batch->self);
  g_free (batch);
}

static void
confirm_selection_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = selected_bookings_finish (self, result, &error);
  ConfirmBatch *batch;

  if (bookings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_page_toast (GTK_WIDGET (self), error->message);
      return;
    }

  batch = g_new0 (ConfirmBatch, 1);
  batch->self = g_object_ref (self);
  for (guint i = 0; i < bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, i);

      if (g_strcmp0 (hibachi_booking_get_status (booking), "pending") != 0)
        continue;
      batch->pending++;
      hibachi_store_confirm_booking_async (hibachi_session_get_store (self->session), booking, self->cancellable,
                                           confirm_one_cb, batch);
    }

  if (batch->pending == 0)
    {
      hibachi_page_toast (GTK_WIDGET (self), _("None of the selected bookings is pending."));
      g_object_unref (batch->self);
      g_free (batch);
    }
}

static void
confirm_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (selected) || self->session == NULL ||
      !hibachi_session_can (self->session, HIBACHI_CAPABILITY_EDIT_BOOKINGS))
    return;
  selected_bookings_async (self, 1, confirm_selection_cb, NULL);
}

/* Assign to…: one chef for every selected booking, each checked, one
 * reason for the conflicts (the shared assign dialog). */
static void
assigned_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HibachiBookingsView) self = user_data;
  HibachiAssignDialog *dialog = HIBACHI_ASSIGN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assigned = hibachi_assign_dialog_run_finish (dialog, result, &error);
  GPtrArray *done = assigned ? assigned : hibachi_assign_dialog_get_assigned (dialog);

  /* The rows show their new chef in place; the selection stays. */
  for (guint i = 0; self->list != NULL && i < done->len; i++)
    hibachi_paged_list_replace (self->list, g_ptr_array_index (done, i));
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hibachi_page_toast (GTK_WIDGET (self), error->message);
}

static void
assign_selection_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = selected_bookings_finish (self, result, &error);
  HibachiAssignDialog *dialog;

  if (bookings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_page_toast (GTK_WIDGET (self), error->message);
      return;
    }
  dialog = hibachi_assign_dialog_new (hibachi_page_get_context (HIBACHI_PAGE (self)), bookings);
  hibachi_assign_dialog_run_async (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->cancellable,
                                   assigned_cb, g_object_ref (self));
}

static void
assign_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  /* Never the whole filter: only bookings someone picked (one, from the
   * rows' menu: with a minimum of two, one booking stood for them all). */
  if (gtk_bitset_is_empty (selected) || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_ASSIGN_CHEFS))
    return;
  selected_bookings_async (self, 1, assign_selection_cb, NULL);
}

static void
created_cb (HibachiBookingsView *self,
            const char          *reference)
{
  g_autofree char *message = g_strdup_printf (_("Booking %s created"), reference);

  hibachi_page_toast (GTK_WIDGET (self), message);
  hibachi_paged_list_reload (self->list);
}

static void
new_booking_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  HibachiNewBookingDialog *dialog;

  if (self->session == NULL || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_CREATE_BOOKINGS))
    return;

  dialog = hibachi_new_booking_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->directory,
                                           hibachi_page_get_station_id (HIBACHI_PAGE (self)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkCalendar's arrows have no names for a screen reader. */
static void
label_calendar (GtkWidget *calendar)
{
  hibachi_accessible_label_calendar (calendar);
}

/* CSV export: the selection, or every booking of the current filter. */

typedef struct
{
  HibachiBookingsView *self;
  GFile               *file;
  GString             *csv;
  guint                written;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_string_free (export->csv, TRUE);
  g_free (export);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    hibachi_page_toast (GTK_WIDGET (export->self), error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u booking",
                                                               "Exported %u bookings", export->written), export->written);
      hibachi_page_toast (GTK_WIDGET (export->self), message);
    }
  export_free (export);
}

static void
export_write (Export    *export,
              GPtrArray *bookings)
{
  for (guint i = 0; i < bookings->len; i++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, i);

      if (hibachi_booking_is_loaded (booking))
        {
          hibachi_booking_csv_append (export->csv, booking, export->self->directory);
          export->written++;
        }
    }
  g_file_replace_contents_async (export->file, export->csv->str, export->csv->len, NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, export_written_cb, export);
}

static void
export_fetched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = selected_bookings_finish (HIBACHI_BOOKINGS_VIEW (source), result, &error);

  if (bookings == NULL)
    {
      hibachi_page_toast (GTK_WIDGET (export->self), error->message);
      export_free (export);
      return;
    }
  export_write (export, bookings);
}

/**
 * hibachi_bookings_view_export_csv:
 * @file: where to write
 *
 * Saves the selected bookings (two or more), or every booking of the
 * current filter, as CSV; a toast says how many or why not.
 */
void
hibachi_bookings_view_export_csv (HibachiBookingsView *self,
                                  GFile               *file)
{
  Export *export;

  g_return_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL)
    return;

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  export->csv = g_string_new (NULL);
  hibachi_booking_csv_append_header (export->csv);

  /* Two or more selected: those; otherwise the whole filter. */
  selected_bookings_async (self, 2, export_fetched_cb, export);
}

static void
export_file_cb (GtkNativeDialog     *dialog,
                int                  response,
                HibachiBookingsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      hibachi_bookings_view_export_csv (self, file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Run sheet: one day's pending and confirmed bookings of the station, in
 * slot order, printed (or saved as PDF from the print dialog). */

typedef struct
{
  HibachiBookingsView *self;
  char                *date;
  char                *pdf_path;
} RunSheetPrint;

static void
run_sheet_print_free (RunSheetPrint *print)
{
  g_object_unref (print->self);
  g_free (print->date);
  g_free (print->pdf_path);
  g_free (print);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HibachiBookingsView     *self)
{
  g_autoptr(GError) error = NULL;

  /* GTK 4.8 asks GLib to copy a NULL error otherwise. */
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    hibachi_page_toast (GTK_WIDGET (self), error->message);
}

static void
run_sheet_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  RunSheetPrint *print = user_data;
  HibachiBookingsView *self = print->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *stations = NULL;
  GtkPrintOperationResult outcome;
  HibachiRunSheet *sheet;

  if (bookings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_page_toast (GTK_WIDGET (self), error->message);
      run_sheet_print_free (print);
      return;
    }
  if (bookings->len == 0)
    {
      hibachi_page_toast (GTK_WIDGET (self), _("No pending or confirmed bookings that day: nothing to print"));
      run_sheet_print_free (print);
      return;
    }

  stations = hibachi_bookings_view_dup_run_sheet_stations (self);
  sheet = hibachi_run_sheet_new (print->date, stations, bookings, self->directory);
  operation = hibachi_run_sheet_new_print_operation (sheet);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (print->pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, print->pdf_path);
  else
    gtk_print_operation_set_allow_async (operation, TRUE);

  outcome = gtk_print_operation_run (operation,
                                     print->pdf_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                     GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    hibachi_page_toast (GTK_WIDGET (self), error->message);
  else if (outcome == GTK_PRINT_OPERATION_RESULT_APPLY && print->pdf_path != NULL)
    hibachi_page_toast (GTK_WIDGET (self), _("Run sheet saved"));
  run_sheet_print_free (print);
}

/**
 * hibachi_bookings_view_print_run_sheet:
 * @date: the day, YYYY-MM-DD
 * @pdf_path: (nullable): save as this PDF instead of showing the print dialog
 *
 * Fetches the day's pending and confirmed bookings of the view's station and
 * prints them as a run sheet.
 */
void
hibachi_bookings_view_print_run_sheet (HibachiBookingsView *self,
                                       const char          *date,
                                       const char          *pdf_path)
{
  g_autoptr(GString) query = g_string_new (NULL);
  RunSheetPrint *print;

  g_return_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self));
  g_return_if_fail (hibachi_validate_date (date, NULL, NULL));

  if (self->session == NULL)
    return;

  g_string_append_printf (query, "date_from=%s&date_to=%s&status=pending,confirmed&sort=event_date", date, date);
  if (hibachi_page_get_station_id (HIBACHI_PAGE (self)) != NULL)
    hibachi_bookings_view_append_param (query, "station_id", hibachi_page_get_station_id (HIBACHI_PAGE (self)));

  print = g_new0 (RunSheetPrint, 1);
  print->self = g_object_ref (self);
  print->date = g_strdup (date);
  print->pdf_path = g_strdup (pdf_path);
  hibachi_store_fetch_bookings_async (hibachi_session_get_store (self->session), query->str, self->cancellable,
                                      run_sheet_fetched_cb, print);
}

static void
run_sheet_day_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  HibachiBookingsView *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "print") != 0)
    return;

  day = gtk_calendar_get_date (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)));
  date = g_date_time_format (day, "%Y-%m-%d");
  hibachi_bookings_view_print_run_sheet (self, date, NULL);
}

static void
print_run_sheet_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  g_autoptr(GDateTime) day = g_date_time_new_now_local ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *dialog;

  /* Run sheets are printed for the day ahead of the chefs: today. */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  label_calendar (calendar);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Print Run Sheet"),
                                   _("The day’s pending and confirmed bookings of the current station, in slot order, "
                                     "with what each chef needs at the door."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "print", _("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (run_sheet_day_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HibachiBookingsView *self = HIBACHI_BOOKINGS_VIEW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Bookings"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("bookings.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * hibachi_bookings_view_dup_run_sheet_stations:
 *
 * The stations a run sheet covers, as its title names them: the station
 * chosen, else the user's own stations ("Fremont"), or NULL for all of them.
 */
char *
hibachi_bookings_view_dup_run_sheet_stations (HibachiBookingsView *self)
{
  const char *chosen = hibachi_page_get_station_id (HIBACHI_PAGE (self));
  const char * const *own;
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (HIBACHI_IS_BOOKINGS_VIEW (self), NULL);

  if (self->session == NULL || self->directory == NULL)
    return NULL;
  if (chosen != NULL)
    return g_strdup (hibachi_directory_station_name (self->directory, chosen));
  if (hibachi_session_can (self->session, HIBACHI_CAPABILITY_ALL_STATIONS))
    return NULL;

  own = hibachi_session_get_station_ids (self->session);
  names = g_string_new (NULL);
  for (guint i = 0; own != NULL && own[i] != NULL; i++)
    {
      const char *name = hibachi_directory_station_name (self->directory, own[i]);

      if (name != NULL)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
    }

  return names->len > 0 ? g_strdup (names->str) : NULL;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hibachi_bookings_view_show_list (HIBACHI_BOOKINGS_VIEW (widget));
}

void
hibachi_bookings_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "bookings.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "bookings.back", NULL);
  gtk_widget_class_install_action (widget_class, "bookings.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "bookings.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "bookings.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "bookings.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "bookings.print-run-sheet", NULL, print_run_sheet_action);
  gtk_widget_class_install_action (widget_class, "bookings.new", NULL, new_booking_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "bookings.new", NULL);
  gtk_widget_class_install_action (widget_class, "bookings.confirm-selected", NULL, confirm_selected_action);
  gtk_widget_class_install_action (widget_class, "bookings.assign-selected", NULL, assign_selected_action);
  hibachi_bookings_view_install_row_menu_action (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "bookings.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "bookings.print-run-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "bookings.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "bookings.reload", NULL);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_key_pressed_cb",
                                                G_CALLBACK (hibachi_bookings_view_search_key_cb));
}
