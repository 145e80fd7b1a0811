/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-directory"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-api-error.h"
#include "hibachi-directory.h"

struct _HibachiDirectory
{
  GObject        parent_instance;

  HibachiStore  *store;
  GPtrArray     *stations;     /* HibachiStation */
  GHashTable    *station_by_id;
  GHashTable    *station_names;   /* id → name, told: hibachi_directory_name_station() */
  GHashTable    *chef_names;   /* id → name */
  GPtrArray     *chefs;        /* HibachiChef */
};

G_DEFINE_FINAL_TYPE (HibachiDirectory, hibachi_directory, G_TYPE_OBJECT)

static void
hibachi_directory_finalize (GObject *object)
{
  HibachiDirectory *self = HIBACHI_DIRECTORY (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->stations);
  g_hash_table_unref (self->station_by_id);
  g_hash_table_unref (self->station_names);
  g_hash_table_unref (self->chef_names);
  g_ptr_array_unref (self->chefs);

  G_OBJECT_CLASS (hibachi_directory_parent_class)->finalize (object);
}

static void
hibachi_directory_class_init (HibachiDirectoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hibachi_directory_finalize;
}

static void
hibachi_directory_init (HibachiDirectory *self)
{
  self->stations = g_ptr_array_new_with_free_func (g_object_unref);
  self->station_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->station_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->chef_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->chefs = g_ptr_array_new_with_free_func (g_object_unref);
}

HibachiDirectory *
hibachi_directory_new (HibachiStore *store)
{
  HibachiDirectory *self = g_object_new (HIBACHI_TYPE_DIRECTORY, NULL);

  self->store = g_object_ref (store);

  return self;
}

/* Stations and chefs are asked for at once (one round trip, not two); the
 * load returns when both have answered, or at the first error. */
typedef struct
{
  guint    pending;    /* lists not answered yet */
  gboolean returned;   /* an error returned the task already */
} Loading;

/* The objects of a list, or NULL: an error (the first one returns the
 * task), or a role that may not list these (a chef's directory stays empty). */
static GPtrArray *
list_reply (GTask        *task,
            GAsyncResult *result)
{
  HibachiDirectory *self = g_task_get_source_object (task);
  Loading *loading = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *objects = hibachi_store_objects_finish (self->store, result, &error);

  loading->pending--;
  if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN))
    g_clear_error (&error);
  if (error != NULL && !loading->returned)
    {
      loading->returned = TRUE;
      g_task_return_error (task, error);
    }
  else if (error != NULL)
    g_error_free (error);

  return objects;
}

/* After each list's objects are in place: both in, the directory is loaded. */
static void
list_done (GTask *task)
{
  Loading *loading = g_task_get_task_data (task);

  if (loading->pending == 0 && !loading->returned)
    g_task_return_boolean (task, TRUE);
}

static void
chefs_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDirectory *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) chefs = list_reply (task, result);

  if (chefs == NULL)
    {
      list_done (task);
      return;
    }
  g_ptr_array_set_size (self->chefs, 0);
  g_hash_table_remove_all (self->chef_names);
  for (guint i = 0; i < chefs->len; i++)
    {
      HibachiChef *chef = g_ptr_array_index (chefs, i);

      g_ptr_array_add (self->chefs, g_object_ref (chef));
      g_hash_table_insert (self->chef_names, (gpointer) hibachi_resource_get_id (HIBACHI_RESOURCE (chef)),
                           (gpointer) hibachi_chef_get_name (chef));
    }
  list_done (task);
}

static void
stations_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDirectory *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) stations = list_reply (task, result);

  if (stations == NULL)
    {
      list_done (task);
      return;
    }
  g_ptr_array_set_size (self->stations, 0);
  g_hash_table_remove_all (self->station_by_id);
  for (guint i = 0; i < stations->len; i++)
    {
      HibachiStation *station = g_ptr_array_index (stations, i);

      g_ptr_array_add (self->stations, g_object_ref (station));
      g_hash_table_insert (self->station_by_id, (gpointer) hibachi_resource_get_id (HIBACHI_RESOURCE (station)), station);
    }
  list_done (task);
}

void
hibachi_directory_load_async (HibachiDirectory    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Loading *loading = g_new0 (Loading, 1);

  loading->pending = 2;
  g_task_set_task_data (task, loading, g_free);
  hibachi_store_list_stations_async (self->store, cancellable, stations_cb, g_object_ref (task));
  hibachi_store_list_chefs_async (self->store, cancellable, chefs_cb, task);
}

gboolean
hibachi_directory_load_finish (HibachiDirectory  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
hibachi_directory_get_stations (HibachiDirectory *self)
{
  return self->stations;
}

HibachiStation *
hibachi_directory_get_station (HibachiDirectory *self,
                               const char       *station_id)
{
  return station_id ? g_hash_table_lookup (self->station_by_id, station_id) : NULL;
}

const char *
hibachi_directory_station_name (HibachiDirectory *self,
                                const char       *station_id)
{
  HibachiStation *station = hibachi_directory_get_station (self, station_id);

  if (station != NULL)
    return hibachi_station_get_name (station);
  return station_id ? g_hash_table_lookup (self->station_names, station_id) : NULL;
}

void
hibachi_directory_name_station (HibachiDirectory *self,
                                const char       *station_id,
                                const char       *name)
{
  g_return_if_fail (HIBACHI_IS_DIRECTORY (self));
  g_return_if_fail (station_id != NULL && name != NULL);

  g_hash_table_insert (self->station_names, g_strdup (station_id), g_strdup (name));
}

const char *
hibachi_directory_chef_name (HibachiDirectory *self,
                             const char       *chef_id)
{
  return chef_id ? g_hash_table_lookup (self->chef_names, chef_id) : NULL;
}

GPtrArray *
hibachi_directory_get_chefs (HibachiDirectory *self)
{
  return self->chefs;
}

char *
hibachi_directory_describe_service_area (HibachiDirectory *self,
                                         HibachiLatLng     point)
{
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (HibachiStationArea));
  HibachiServiceCheck check;
  HibachiStation *nearest;

  g_return_val_if_fail (HIBACHI_IS_DIRECTORY (self), NULL);

  /* Who sees no stations (a chef) gets no verdict, not "none serves it". */
  if (self->stations->len == 0)
    return NULL;
  for (guint i = 0; i < self->stations->len; i++)
    {
      HibachiStation *s = g_ptr_array_index (self->stations, i);
      HibachiStationArea area = {
        .id = hibachi_resource_get_id (HIBACHI_RESOURCE (s)),
        .location = { hibachi_station_get_lat (s), hibachi_station_get_lng (s) },
        .service_radius_miles = hibachi_station_get_service_radius_miles (s),
        .escalation_radius_miles = hibachi_station_get_escalation_radius_miles (s),
        .is_active = hibachi_station_get_is_active (s),
      };

      g_array_append_val (areas, area);
    }
  hibachi_geo_check_service_area ((HibachiStationArea *) areas->data, areas->len, point, &check);
  if (check.station_index < 0)
    return g_strdup (_("No active station serves this venue."));

  nearest = g_ptr_array_index (self->stations, check.station_index);
  /* Translators: "Inside the service area: 12.3 mi from Fremont, the nearest station" */
  return g_strdup_printf (_("%s: %.1f mi from %s, the nearest station"), hibachi_service_verdict_describe (check.verdict),
                          check.distance_miles, hibachi_station_get_name (nearest));
}
