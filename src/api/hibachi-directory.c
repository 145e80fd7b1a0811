/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-directory"

#include "config.h"

#include "hibachi-directory.h"

struct _HibachiDirectory
{
  GObject        parent_instance;

  HibachiClient *client;
  GPtrArray     *stations;     /* JsonObject */
  GHashTable    *station_by_id;
  GHashTable    *chef_names;   /* id → name */
  GPtrArray     *chefs;        /* JsonObject, by name */
};

G_DEFINE_FINAL_TYPE (HibachiDirectory, hibachi_directory, G_TYPE_OBJECT)

static void
hibachi_directory_finalize (GObject *object)
{
  HibachiDirectory *self = HIBACHI_DIRECTORY (object);

  g_clear_object (&self->client);
  g_ptr_array_unref (self->stations);
  g_hash_table_unref (self->station_by_id);
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
  self->stations = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->station_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->chef_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->chefs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
}

HibachiDirectory *
hibachi_directory_new (HibachiClient *client)
{
  HibachiDirectory *self = g_object_new (HIBACHI_TYPE_DIRECTORY, NULL);

  self->client = g_object_ref (client);

  return self;
}

static JsonArray *
data_array (JsonNode *reply)
{
  JsonObject *root = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  if (root == NULL || !json_object_has_member (root, "data") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "data")))
    return NULL;

  return json_object_get_array_member (root, "data");
}

/* The reply to a list request, or FALSE when the task is over already: an
 * error, or a role that may not list these (a chef's directory stays empty). */
static gboolean
list_reply (GTask         *task,
            GAsyncResult  *result,
            JsonNode     **reply)
{
  HibachiDirectory *self = g_task_get_source_object (task);
  GError *error = NULL;

  *reply = hibachi_client_request_finish (self->client, result, NULL, &error);
  if (g_error_matches (error, HIBACHI_API_ERROR, HIBACHI_API_ERROR_FORBIDDEN))
    {
      g_error_free (error);
      g_task_return_boolean (task, TRUE);
      return FALSE;
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return FALSE;
    }

  return TRUE;
}

static void
chefs_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDirectory *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *chefs;

  if (!list_reply (task, result, &reply))
    return;

  chefs = data_array (reply);
  for (guint i = 0; chefs != NULL && i < json_array_get_length (chefs); i++)
    {
      JsonObject *chef = json_array_get_object_element (chefs, i);
      const char *id = json_object_get_string_member_with_default (chef, "id", NULL);
      const char *name = json_object_get_string_member_with_default (chef, "name", NULL);

      if (id != NULL && name != NULL)
        {
          g_hash_table_insert (self->chef_names, g_strdup (id), g_strdup (name));
          g_ptr_array_add (self->chefs, json_object_ref (chef));
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
stations_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HibachiDirectory *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *stations;
  GCancellable *cancellable;

  if (!list_reply (task, result, &reply))
    return;

  g_ptr_array_set_size (self->stations, 0);
  g_hash_table_remove_all (self->station_by_id);
  stations = data_array (reply);
  for (guint i = 0; stations != NULL && i < json_array_get_length (stations); i++)
    {
      JsonObject *station = json_array_get_object_element (stations, i);
      const char *id = json_object_get_string_member_with_default (station, "id", NULL);

      if (id == NULL || json_object_get_string_member_with_default (station, "name", NULL) == NULL)
        continue;
      g_ptr_array_add (self->stations, json_object_ref (station));
      g_hash_table_insert (self->station_by_id, (gpointer) id, station);
    }

  cancellable = g_task_get_cancellable (task);
  hibachi_client_request_async (self->client, "GET", "/api/v1/chefs", NULL, NULL, cancellable,
                                chefs_cb, g_steal_pointer (&task));
}

void
hibachi_directory_load_async (HibachiDirectory    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  hibachi_client_request_async (self->client, "GET", "/api/v1/stations", NULL, NULL, cancellable, stations_cb, task);
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

JsonObject *
hibachi_directory_get_station (HibachiDirectory *self,
                               const char       *station_id)
{
  return station_id ? g_hash_table_lookup (self->station_by_id, station_id) : NULL;
}

const char *
hibachi_directory_station_name (HibachiDirectory *self,
                                const char       *station_id)
{
  JsonObject *station = hibachi_directory_get_station (self, station_id);

  return station ? json_object_get_string_member (station, "name") : NULL;
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
