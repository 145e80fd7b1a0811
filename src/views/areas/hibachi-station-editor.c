/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-station-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hibachi-accessible.h"
#include "hibachi-address-entry.h"
#include "hibachi-form.h"
#include "hibachi-station-editor.h"

/* The text members of a station, in the order of the form. */
static const struct
{
  const char *member;
  const char *title;
} text_fields[] = {
  { "name", N_("Name") },
  { "code", N_("Code") },
  { "address", N_("Street Address") },
  { "city", N_("City") },
  { "state", N_("State") },
  { "postal_code", N_("ZIP Code") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
};

#define N_TEXT_FIELDS G_N_ELEMENTS (text_fields)

struct _HibachiStationEditor
{
  GtkWidget       parent_instance;

  HibachiStation *station;
  gboolean        editable;
  gboolean        loading;
  HibachiLatLng   new_location;

  GtkWidget      *box;
  AdwPreferencesGroup *details;
  AdwEntryRow    *entries[N_TEXT_FIELDS];
  GtkDropDown    *timezone_dropdown;
  GtkStringList  *timezones;
  HibachiAddressEntry *finder;
  GtkSpinButton  *lat_spin;
  GtkSpinButton  *lng_spin;
  GtkSpinButton  *service_spin;
  GtkSpinButton  *escalation_spin;
  GtkSwitch      *active_switch;
  GtkLabel       *error_label;
  GtkWidget      *buttons;
};

G_DEFINE_FINAL_TYPE (HibachiStationEditor, hibachi_station_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
form_changed_cb (HibachiStationEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort hands pointers to the elements. */
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/* Zone names of the tz database, sorted, as zone1970.tab lists them. */
static GtkStringList *
load_timezones (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) columns = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          columns = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (columns) >= 3)
            g_ptr_array_add (names, g_strdup (columns[2]));
        }
    }
  g_ptr_array_add (names, g_strdup ("UTC"));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));

  return list;
}

static void
finder_location_cb (HibachiStationEditor *self)
{
  HibachiLatLng location;

  if (hibachi_address_entry_get_location (self->finder, &location.lat, &location.lng))
    hibachi_station_editor_set_location (self, location);
}

/* Enter in a number saves, as in the other fields of the app's forms.
 * (GTK 4.8's spin button has no "activate"; its text has.) */
static void
spin_activated_cb (GtkSpinButton *spin)
{
  gtk_spin_button_update (spin);
  gtk_widget_activate_action (GTK_WIDGET (spin), "areas.save", NULL);
}

static GtkSpinButton *
add_spin_row (HibachiStationEditor *self,
              AdwPreferencesGroup  *group,
              const char           *title,
              const char           *subtitle,
              double                min,
              double                max,
              double                step,
              guint                 digits)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, step));
  g_autofree char *lowest = g_strdup_printf ("%.*f", (int) digits, min);
  g_autofree char *highest = g_strdup_printf ("%.*f", (int) digits, max);

  gtk_spin_button_set_digits (spin, digits);
  /* Room for the widest number it can show: GTK 4.8 gives a spin button in
   * a narrow row less than its text needs ("-121.9886" shown "-121.9886(",
   * its last digits cut). */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), (int) MAX (strlen (lowest), strlen (highest)));
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_add_suffix (row, GTK_WIDGET (spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate", G_CALLBACK (spin_activated_cb),
                            spin);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return spin;
}

static const char *
selected_timezone (HibachiStationEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->timezone_dropdown);

  return position == GTK_INVALID_LIST_POSITION ? NULL : gtk_string_list_get_string (self->timezones, position);
}

void
hibachi_station_editor_set_timezone (HibachiStationEditor *self,
                                     const char           *timezone)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->timezones));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->timezones, i), timezone) == 0)
      {
        gtk_drop_down_set_selected (self->timezone_dropdown, i);
        return;
      }
  /* A zone the list lacks (an alias): kept as the station has it. */
  if (timezone != NULL)
    {
      gtk_string_list_append (self->timezones, timezone);
      gtk_drop_down_set_selected (self->timezone_dropdown, n);
    }
}

static double
round_to (double value,
          double unit)
{
  return round (value / unit) * unit;
}

void
hibachi_station_editor_set_station (HibachiStationEditor *self,
                                    HibachiStation       *station,
                                    gboolean              editable,
                                    HibachiLatLng         new_location)
{
  HibachiResource *resource = station ? HIBACHI_RESOURCE (station) : NULL;

  g_return_if_fail (HIBACHI_IS_STATION_EDITOR (self));

  g_set_object (&self->station, station);
  self->editable = editable;
  self->new_location = new_location;
  self->loading = TRUE;
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *value = resource ? hibachi_resource_get_string (resource, text_fields[i].member) : NULL;

      if (resource == NULL && g_str_equal (text_fields[i].member, "state"))
        value = "CA";
      hibachi_form_load_text (GTK_EDITABLE (self->entries[i]), value);
      gtk_editable_set_editable (GTK_EDITABLE (self->entries[i]), editable);
    }
  hibachi_station_editor_set_timezone (self, station ? hibachi_station_get_timezone (station) : "America/Los_Angeles");
  hibachi_form_load_value (self->lat_spin, station ? hibachi_station_get_lat (station) : round_to (new_location.lat, 1e-4));
  hibachi_form_load_value (self->lng_spin, station ? hibachi_station_get_lng (station) : round_to (new_location.lng, 1e-4));
  hibachi_form_load_value (self->service_spin, station ? hibachi_station_get_service_radius_miles (station) : 50);
  hibachi_form_load_value (self->escalation_spin, station ? hibachi_station_get_escalation_radius_miles (station) : 75);
  gtk_switch_set_active (self->active_switch, station ? hibachi_station_get_is_active (station) : TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->finder), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->timezone_dropdown), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lat_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lng_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->escalation_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->active_switch), editable);
  gtk_widget_set_visible (self->buttons, editable);
  adw_preferences_group_set_title (self->details, station ? hibachi_station_get_name (station) : _("New Station"));
  adw_preferences_group_set_description (self->details, editable ? NULL : _("You can see this station but not change it."));
  self->loading = FALSE;
  hibachi_station_editor_set_error (self, NULL);
}

HibachiStation *
hibachi_station_editor_get_station (HibachiStationEditor *self)
{
  return self->station;
}

gboolean
hibachi_station_editor_get_editable (HibachiStationEditor *self)
{
  return self->editable;
}

gboolean
hibachi_station_editor_is_new (HibachiStationEditor *self)
{
  return self->station == NULL;
}

static void
add_if_changed_string (HibachiStationEditor *self,
                       JsonObject           *changes,
                       const char           *member,
                       const char           *value)
{
  const char *old = self->station ? hibachi_resource_get_string (HIBACHI_RESOURCE (self->station), member) : NULL;

  if (self->station == NULL || g_strcmp0 (old ? old : "", value) != 0)
    json_object_set_string_member (changes, member, value);
}

static void
add_if_changed_double (HibachiStationEditor *self,
                       JsonObject           *changes,
                       const char           *member,
                       double                value,
                       double                precision)
{
  double old = self->station ? hibachi_resource_get_double (HIBACHI_RESOURCE (self->station), member) : NAN;

  /* The spin buttons round what they show: an untouched value is no change. */
  if (self->station == NULL || fabs (old - value) >= precision)
    json_object_set_double_member (changes, member, value);
}

static JsonObject *
collect (HibachiStationEditor *self)
{
  JsonObject *changes = json_object_new ();

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[i]))));

      add_if_changed_string (self, changes, text_fields[i].member, text);
    }
  if (self->station == NULL)
    json_object_set_string_member (changes, "display_name",
                                   gtk_editable_get_text (GTK_EDITABLE (self->entries[0])));
  if (selected_timezone (self) != NULL)
    add_if_changed_string (self, changes, "timezone", selected_timezone (self));
  add_if_changed_double (self, changes, "lat", gtk_spin_button_get_value (self->lat_spin), 1e-5);
  add_if_changed_double (self, changes, "lng", gtk_spin_button_get_value (self->lng_spin), 1e-5);
  add_if_changed_double (self, changes, "service_radius_miles", gtk_spin_button_get_value (self->service_spin), 0.05);
  add_if_changed_double (self, changes, "escalation_radius_miles", gtk_spin_button_get_value (self->escalation_spin), 0.05);
  if (self->station == NULL || gtk_switch_get_active (self->active_switch) != hibachi_station_get_is_active (self->station))
    json_object_set_boolean_member (changes, "is_active", gtk_switch_get_active (self->active_switch));

  return changes;
}

gboolean
hibachi_station_editor_has_changes (HibachiStationEditor *self)
{
  g_autoptr(JsonObject) changes = NULL;

  if (!self->editable)
    return FALSE;
  changes = collect (self);

  return self->station == NULL || json_object_get_size (changes) > 0;
}

JsonObject *
hibachi_station_editor_dup_changes (HibachiStationEditor *self,
                                    char                **message)
{
  g_autoptr(JsonObject) changes = collect (self);
  const char *text;

  /* What src/core can tell before the server does. */
  if ((text = json_object_get_string_member_with_default (changes, "name", "x")) != NULL && *text == '\0')
    {
      *message = g_strdup (_("Enter the station's name."));
      return NULL;
    }
  if ((text = json_object_get_string_member_with_default (changes, "email", NULL)) != NULL &&
      !hibachi_validate_email (text, message))
    return NULL;
  if ((text = json_object_get_string_member_with_default (changes, "phone", NULL)) != NULL &&
      !hibachi_validate_phone (text, message))
    return NULL;
  if (!hibachi_validate_radii (gtk_spin_button_get_value (self->service_spin),
                               gtk_spin_button_get_value (self->escalation_spin), message))
    return NULL;

  return g_steal_pointer (&changes);
}

JsonObject *
hibachi_station_editor_dup_original (HibachiStationEditor *self,
                                     JsonObject           *changes)
{
  JsonObject *original = json_object_new ();
  JsonObject *json = self->station ? hibachi_resource_get_json (HIBACHI_RESOURCE (self->station)) : NULL;
  g_autoptr(GList) members = json_object_get_members (changes);

  for (GList *l = members; json != NULL && l != NULL; l = l->next)
    if (json_object_has_member (json, l->data))
      json_object_set_member (original, l->data, json_node_copy (json_object_get_member (json, l->data)));

  return original;
}

HibachiLatLng
hibachi_station_editor_get_location (HibachiStationEditor *self)
{
  return (HibachiLatLng) { gtk_spin_button_get_value (self->lat_spin), gtk_spin_button_get_value (self->lng_spin) };
}

void
hibachi_station_editor_set_location (HibachiStationEditor *self,
                                     HibachiLatLng         location)
{
  gtk_spin_button_set_value (self->lat_spin, round_to (location.lat, 1e-5));
  gtk_spin_button_set_value (self->lng_spin, round_to (location.lng, 1e-5));
}

double
hibachi_station_editor_get_service_miles (HibachiStationEditor *self)
{
  return gtk_spin_button_get_value (self->service_spin);
}

double
hibachi_station_editor_get_escalation_miles (HibachiStationEditor *self)
{
  return gtk_spin_button_get_value (self->escalation_spin);
}

void
hibachi_station_editor_set_radii (HibachiStationEditor *self,
                                  double                service_miles,
                                  double                escalation_miles)
{
  gtk_spin_button_set_value (self->service_spin, service_miles);
  gtk_spin_button_set_value (self->escalation_spin, escalation_miles);
}

void
hibachi_station_editor_set_error (HibachiStationEditor *self,
                                  const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
hibachi_station_editor_get_error (HibachiStationEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

GtkEditable *
hibachi_station_editor_get_entry (HibachiStationEditor *self,
                                  const char           *member)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (g_str_equal (text_fields[i].member, member))
      return GTK_EDITABLE (self->entries[i]);

  return NULL;
}

static void
hibachi_station_editor_dispose (GObject *object)
{
  HibachiStationEditor *self = HIBACHI_STATION_EDITOR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->station);
  g_clear_object (&self->timezones);

  G_OBJECT_CLASS (hibachi_station_editor_parent_class)->dispose (object);
}

static void
hibachi_station_editor_class_init (HibachiStationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_station_editor_dispose;

  /* The user changed a value (the map previews it). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hibachi_station_editor_init (HibachiStationEditor *self)
{
  AdwPreferencesGroup *area = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *row;
  GtkWidget *save, *revert;
  g_autoptr(GtkExpression) expression = NULL;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->details = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      self->entries[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entries[i]), _(text_fields[i].title));
      g_signal_connect_swapped (self->entries[i], "changed", G_CALLBACK (form_changed_cb), self);
      adw_preferences_group_add (self->details, GTK_WIDGET (self->entries[i]));
    }

  /* A searchable list: type "los" to find America/Los_Angeles. */
  self->timezones = load_timezones ();
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->timezone_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->timezones)),
                                                              g_steal_pointer (&expression)));
  gtk_drop_down_set_enable_search (self->timezone_dropdown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->timezone_dropdown), GTK_ALIGN_CENTER);
  hibachi_accessible_set_label (GTK_WIDGET (self->timezone_dropdown), _("Time Zone"));
  g_signal_connect_swapped (self->timezone_dropdown, "notify::selected", G_CALLBACK (form_changed_cb), self);
  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Time Zone"));
  adw_action_row_add_suffix (row, GTK_WIDGET (self->timezone_dropdown));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->timezone_dropdown));
  adw_preferences_group_add (self->details, GTK_WIDGET (row));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->details));

  adw_preferences_group_set_title (area, _("Service Area"));
  adw_preferences_group_set_description (area, _("Find the address, drag the station's marker on the map, or type its position."));
  self->finder = HIBACHI_ADDRESS_ENTRY (hibachi_address_entry_new ());
  hibachi_address_entry_set_title (self->finder, _("Find Location by Address"));
  g_signal_connect_swapped (self->finder, "location-changed", G_CALLBACK (finder_location_cb), self);
  adw_preferences_group_add (area, GTK_WIDGET (self->finder));
  self->lat_spin = add_spin_row (self, area, _("Latitude"), NULL, -90, 90, 0.001, 5);
  self->lng_spin = add_spin_row (self, area, _("Longitude"), NULL, -180, 180, 0.001, 5);
  self->service_spin = add_spin_row (self, area, _("Service Radius"), _("Miles; inside it a booking is served"),
                                     HIBACHI_RADIUS_MIN_MILES, HIBACHI_RADIUS_MAX_MILES, 5, 1);
  self->escalation_spin = add_spin_row (self, area, _("Escalation Radius"), _("Miles; at least the service radius"),
                                        HIBACHI_RADIUS_MIN_MILES, HIBACHI_RADIUS_MAX_MILES, 5, 1);
  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Active"));
  adw_action_row_set_subtitle (row, _("Only active stations take bookings"));
  self->active_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->active_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->active_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"), -1);
  g_signal_connect_swapped (self->active_switch, "notify::active", G_CALLBACK (form_changed_cb), self);
  adw_action_row_add_suffix (row, GTK_WIDGET (self->active_switch));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->active_switch));
  adw_preferences_group_add (area, GTK_WIDGET (row));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (area));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->buttons, GTK_ALIGN_END);
  revert = gtk_button_new_with_mnemonic (_("_Revert"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (revert), "areas.revert");
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "areas.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (self->buttons), revert);
  gtk_box_append (GTK_BOX (self->buttons), save);
  gtk_box_append (GTK_BOX (self->box), self->buttons);
}

HibachiStationEditor *
hibachi_station_editor_new (void)
{
  return g_object_new (HIBACHI_TYPE_STATION_EDITOR, NULL);
}

void
hibachi_station_editor_rebase (HibachiStationEditor *self,
                               HibachiStation       *station)
{
  /* What this user changed, against the version they opened… */
  g_autoptr(JsonObject) mine = collect (self);

  /* …over the newer version: their other changes stay as they are. */
  hibachi_station_editor_set_station (self, station, self->editable, self->new_location);
  self->loading = TRUE;
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (json_object_has_member (mine, text_fields[i].member))
      gtk_editable_set_text (GTK_EDITABLE (self->entries[i]),
                             json_object_get_string_member (mine, text_fields[i].member));
  if (json_object_has_member (mine, "timezone"))
    hibachi_station_editor_set_timezone (self, json_object_get_string_member (mine, "timezone"));
  if (json_object_has_member (mine, "lat"))
    gtk_spin_button_set_value (self->lat_spin, json_object_get_double_member (mine, "lat"));
  if (json_object_has_member (mine, "lng"))
    gtk_spin_button_set_value (self->lng_spin, json_object_get_double_member (mine, "lng"));
  if (json_object_has_member (mine, "service_radius_miles"))
    gtk_spin_button_set_value (self->service_spin, json_object_get_double_member (mine, "service_radius_miles"));
  if (json_object_has_member (mine, "escalation_radius_miles"))
    gtk_spin_button_set_value (self->escalation_spin, json_object_get_double_member (mine, "escalation_radius_miles"));
  if (json_object_has_member (mine, "is_active"))
    gtk_switch_set_active (self->active_switch, json_object_get_boolean_member (mine, "is_active"));
  self->loading = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
hibachi_station_editor_set_store (HibachiStationEditor *self,
                                  HibachiStore         *store)
{
  hibachi_address_entry_set_store (self->finder, store);
}
