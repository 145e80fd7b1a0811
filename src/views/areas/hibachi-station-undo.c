/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-station-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-station-undo.h"

struct _HibachiStationUndo
{
  HibachiUndoCommand  parent_instance;

  HibachiStore       *store;
  HibachiStation     *changed;
  JsonObject         *original;
  HibachiStation     *result;
};

G_DEFINE_FINAL_TYPE (HibachiStationUndo, hibachi_station_undo, HIBACHI_TYPE_UNDO_COMMAND)

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiStationUndo *self = g_task_get_source_object (task);
  GError *error = NULL;
  HibachiStation *station = hibachi_store_resource_finish (HIBACHI_STORE (source), result, NULL, &error);

  if (station == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_object (&self->result);
  self->result = station;
  g_task_return_boolean (task, TRUE);
}

static void
hibachi_station_undo_undo_async (HibachiUndoCommand  *command,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  HibachiStationUndo *self = HIBACHI_STATION_UNDO (command);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  hibachi_store_update_station_async (self->store, self->changed, self->original, cancellable, undone_cb, task);
}

static gboolean
hibachi_station_undo_undo_finish (HibachiUndoCommand  *command,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hibachi_station_undo_dispose (GObject *object)
{
  HibachiStationUndo *self = HIBACHI_STATION_UNDO (object);

  g_clear_object (&self->store);
  g_clear_object (&self->changed);
  g_clear_object (&self->result);
  g_clear_pointer (&self->original, json_object_unref);

  G_OBJECT_CLASS (hibachi_station_undo_parent_class)->dispose (object);
}

static void
hibachi_station_undo_class_init (HibachiStationUndoClass *klass)
{
  HibachiUndoCommandClass *command_class = HIBACHI_UNDO_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hibachi_station_undo_dispose;
  command_class->undo_async = hibachi_station_undo_undo_async;
  command_class->undo_finish = hibachi_station_undo_undo_finish;
}

static void
hibachi_station_undo_init (HibachiStationUndo *self)
{
}

HibachiStationUndo *
hibachi_station_undo_new (HibachiStore   *store,
                          HibachiStation *changed,
                          JsonObject     *original)
{
  HibachiStationUndo *self;
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HIBACHI_IS_STATION (changed), NULL);

  /* Translators: the toast after a station's edit was saved */
  message = g_strdup_printf (_("Station %s saved"), hibachi_station_get_name (changed));
  /* Translators: completes "Undo …" and "Undid …" */
  description = g_strdup_printf (_("edit of station %s"), hibachi_station_get_name (changed));
  self = g_object_new (HIBACHI_TYPE_STATION_UNDO, "message", message, "description", description, NULL);
  self->store = g_object_ref (store);
  self->changed = g_object_ref (changed);
  self->original = json_object_ref (original);

  return self;
}

HibachiStation *
hibachi_station_undo_get_result (HibachiStationUndo *self)
{
  return self->result;
}
