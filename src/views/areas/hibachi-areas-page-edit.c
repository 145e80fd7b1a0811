/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a station's edit: through the store with If-Match, the 412
 * dialog, undo. */
#define G_LOG_DOMAIN "hibachi-areas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-api-error.h"
#include "hibachi-areas-page-private.h"
#include "hibachi-station-undo.h"


void
hibachi_areas_page_editor_changed_cb (HibachiAreasPage *self)
{
  HibachiStation *station = hibachi_station_editor_get_station (self->editor);

  if (station != NULL)
    hibachi_areas_map_preview_station (self->map, hibachi_resource_get_id (HIBACHI_RESOURCE (station)),
                                       hibachi_station_editor_get_location (self->editor),
                                       hibachi_station_editor_get_service_miles (self->editor),
                                       hibachi_station_editor_get_escalation_miles (self->editor));
  hibachi_station_editor_set_error (self->editor, NULL);
  hibachi_areas_page_update_actions (self);
}

void
hibachi_areas_page_station_moved_cb (HibachiAreasPage *self,
                  const char       *station_id,
                  double            lat,
                  double            lng)
{
  HibachiStation *station = hibachi_station_editor_get_station (self->editor);

  if (station != NULL && g_strcmp0 (hibachi_resource_get_id (HIBACHI_RESOURCE (station)), station_id) == 0)
    hibachi_station_editor_set_location (self->editor, (HibachiLatLng) { lat, lng });
}

static void save (HibachiAreasPage *self,
                  GTask            *task);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiAreasPage *self = g_task_get_source_object (task);
  HibachiStation *current = g_object_get_data (G_OBJECT (dialog), "hibachi-current");

  if (g_str_equal (response, "mine"))
    {
      hibachi_station_editor_rebase (self->editor, current);
      hibachi_areas_page_replace_station (self, current);
      save (self, g_steal_pointer (&task));
      return;
    }
  if (g_str_equal (response, "theirs"))
    {
      hibachi_areas_page_replace_station (self, current);
      hibachi_areas_page_edit_station (self, current);
    }
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not saved");
}

static void
ask_conflict (HibachiAreasPage *self,
              HibachiStation   *current,
              GTask            *task)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Station Changed"),
                                   _("Someone else saved a change to this station after you opened it. Keep editing, "
                                     "use their version, or save yours over it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"), "theirs", _("Use _Theirs"),
                                    "mine", _("Save _Mine"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hibachi-current", g_object_ref (current), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiAreasPage *self = g_task_get_source_object (task);
  JsonObject *original = g_task_get_task_data (task);
  g_autoptr(HibachiResource) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HibachiStation) station = hibachi_store_resource_finish (HIBACHI_STORE (source), result, &current, &error);
  g_autofree char *next = NULL;

  self->saving = FALSE;
  if (station == NULL)
    {
      if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_PRECONDITION_FAILED) && current != NULL)
        {
          ask_conflict (self, HIBACHI_STATION (current), g_steal_pointer (&task));
          hibachi_areas_page_update_actions (self);
          return;
        }
      /* The form keeps what was typed; the station is as it was. */
      if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN))
        hibachi_station_editor_set_error (self->editor, _("You can only change your own stations. Nothing was saved."));
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hibachi_station_editor_set_error (self->editor, error->message);
      g_clear_pointer (&self->select_after_save, g_free);
      hibachi_areas_page_update_actions (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (original != NULL && self->undo_stack != NULL)
    {
      g_autoptr(HibachiStationUndo) undo = hibachi_station_undo_new (hibachi_session_get_store (self->session),
                                                                     station, original);

      hibachi_undo_stack_push (self->undo_stack, HIBACHI_UNDO_COMMAND (undo));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Station %s created"), hibachi_station_get_name (station));

      hibachi_page_toast (GTK_WIDGET (self), message);
    }
  hibachi_areas_page_replace_station (self, station);
  next = g_steal_pointer (&self->select_after_save);
  hibachi_areas_page_edit_station (self, next != NULL ? hibachi_areas_page_find_station (self, next) : station);
  g_task_return_boolean (task, TRUE);
}

/* Saves the editor's changes; @task completes when done or not. */
static void
save (HibachiAreasPage *self,
      GTask            *task)
{
  HibachiStation *station = hibachi_station_editor_get_station (self->editor);
  g_autofree char *message = NULL;
  g_autoptr(JsonObject) changes = hibachi_station_editor_dup_changes (self->editor, &message);
  HibachiStore *store = hibachi_session_get_store (self->session);

  if (changes == NULL)
    {
      hibachi_station_editor_set_error (self->editor, message);
      g_task_return_new_error (task, HIBACHI_API_ERROR, HIBACHI_API_ERROR_VALIDATION, "%s", message);
      g_object_unref (task);
      return;
    }
  self->saving = TRUE;
  hibachi_areas_page_update_actions (self);
  if (station == NULL)
    hibachi_store_create_station_async (store, changes, NULL, self->cancellable, saved_cb, task);
  else
    {
      g_task_set_task_data (task, hibachi_station_editor_dup_original (self->editor, changes),
                            (GDestroyNotify) json_object_unref);
      hibachi_store_update_station_async (store, station, changes, self->cancellable, saved_cb, task);
    }
}

void
hibachi_areas_page_save_async (HibachiPage         *page,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, hibachi_areas_page_save_async);
  if (self->session == NULL || self->editor == NULL || !hibachi_station_editor_has_changes (self->editor))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  save (self, task);
}

gboolean
hibachi_areas_page_save_finish (HibachiPage   *page,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hibachi_areas_page_save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hibachi_page_save_async (HIBACHI_PAGE (widget), NULL, NULL, NULL);
}

void
hibachi_areas_page_revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hibachi_page_discard (HIBACHI_PAGE (widget));
}

void
hibachi_areas_page_new_station_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  hibachi_areas_page_edit_station (HIBACHI_AREAS_PAGE (widget), NULL);
}

void
hibachi_areas_page_discard (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);
  HibachiStation *station;

  /* Never shown: no form, nothing to discard. */
  if (self->editor == NULL)
    return;
  station = hibachi_station_editor_get_station (self->editor);
  if (station == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
      hibachi_areas_page_update_actions (self);
      return;
    }
  hibachi_areas_page_edit_station (self, station);
  hibachi_areas_page_show_stations (self);
}

char *
hibachi_areas_page_dup_unsaved (HibachiPage *page)
{
  HibachiAreasPage *self = HIBACHI_AREAS_PAGE (page);
  HibachiStation *station;

  if (self->editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->editor)) ||
      !hibachi_station_editor_has_changes (self->editor))
    return NULL;
  station = hibachi_station_editor_get_station (self->editor);
  if (station == NULL)
    return g_strdup (_("New station"));
  /* Translators: a station's name */
  return g_strdup_printf (_("Station %s"), hibachi_station_get_name (station));
}

void
hibachi_areas_page_undone_cb (HibachiAreasPage   *self,
           HibachiUndoCommand *command)
{
  HibachiStation *station;

  if (!HIBACHI_IS_STATION_UNDO (command) ||
      (station = hibachi_station_undo_get_result (HIBACHI_STATION_UNDO (command))) == NULL)
    return;
  hibachi_areas_page_replace_station (self, station);
  if (hibachi_station_editor_get_station (self->editor) != NULL &&
      g_strcmp0 (hibachi_resource_get_id (HIBACHI_RESOURCE (hibachi_station_editor_get_station (self->editor))),
                 hibachi_resource_get_id (HIBACHI_RESOURCE (station))) == 0)
    hibachi_areas_page_edit_station (self, station);
}

