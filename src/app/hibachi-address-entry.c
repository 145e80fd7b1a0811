/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-address-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-address-entry.h"

struct _HibachiAddressEntry
{
  AdwBin         parent_instance;

  HibachiStore  *store;
  GListStore    *candidates;
  GCancellable  *cancellable;   /* of the lookup in flight */
  guint          pause_id;      /* the lookup waiting for typing to pause */
  gboolean       setting_text;  /* the text changes from here, not from typing */
  gboolean       has_location;
  double         lat;
  double         lng;

  AdwEntryRow   *entry_row;
  GtkSpinner    *spinner;
  AdwActionRow  *location_row;
  GtkRevealer   *revealer;
  GtkListBox    *candidate_list;
};

G_DEFINE_FINAL_TYPE (HibachiAddressEntry, hibachi_address_entry, ADW_TYPE_BIN)

enum {
  LOCATION_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_ADDRESS,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/* What the point of a place is. The built-in gazetteer knows towns and ZIP
 * codes, not streets: it puts a street address at its town's (or ZIP
 * code's) point, and says so. */
static const char *
describe_place (HibachiGeocodeCandidate *place)
{
  const char *kind = hibachi_geocode_candidate_get_kind (place);

  if (g_strcmp0 (kind, "city") == 0)
    return _("town centre");
  if (g_strcmp0 (kind, "zip") == 0)
    return _("ZIP code area");
  if (g_strcmp0 (hibachi_geocode_candidate_get_source (place), "gazetteer") == 0)
    return _("street in this town, placed at its centre");
  return _("street address");
}

static void
show_message (HibachiAddressEntry *self,
              const char          *message)
{
  adw_action_row_set_subtitle (self->location_row, message);
}

static void
set_searching (HibachiAddressEntry *self,
               gboolean             searching)
{
  gtk_spinner_set_spinning (self->spinner, searching);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), searching);
}

static void
show_candidates (HibachiAddressEntry *self,
                 gboolean             show)
{
  gtk_revealer_set_reveal_child (self->revealer, show);
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), show);
}

static void
stop_lookup (HibachiAddressEntry *self)
{
  g_clear_handle_id (&self->pause_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_searching (self, FALSE);
}

static void
set_location (HibachiAddressEntry *self,
              gboolean             has_location,
              double               lat,
              double               lng)
{
  if (self->has_location == has_location && self->lat == lat && self->lng == lng)
    return;

  self->has_location = has_location;
  self->lat = lat;
  self->lng = lng;
  g_signal_emit (self, signals[LOCATION_CHANGED], 0);
}

static void
show_location (HibachiAddressEntry     *self,
               HibachiGeocodeCandidate *place)
{
  g_autofree char *text = NULL;

  /* Four decimals: about 10 m, as precise as a place from a list gets. */
  if (place != NULL)
    text = g_strdup_printf (_("%.4f, %.4f (%s)"), self->lat, self->lng, describe_place (place));
  else
    text = g_strdup_printf ("%.4f, %.4f", self->lat, self->lng);
  show_message (self, text);
}

static void
set_text (HibachiAddressEntry *self,
          const char          *text)
{
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
  self->setting_text = FALSE;
}

void
hibachi_address_entry_pick (HibachiAddressEntry *self,
                            guint                position)
{
  g_autoptr(HibachiGeocodeCandidate) place = NULL;

  g_return_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->candidates)));

  place = g_list_model_get_item (G_LIST_MODEL (self->candidates), position);
  stop_lookup (self);
  set_text (self, hibachi_geocode_candidate_get_label (place));
  show_candidates (self, FALSE);
  g_list_store_remove_all (self->candidates);
  set_location (self, TRUE, hibachi_geocode_candidate_get_lat (place), hibachi_geocode_candidate_get_lng (place));
  show_location (self, place);
}

static void
geocoded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HibachiAddressEntry) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = hibachi_store_objects_finish (HIBACHI_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_searching (self, FALSE);
  g_list_store_remove_all (self->candidates);
  if (places == NULL)
    {
      show_message (self, error->message);
      show_candidates (self, FALSE);
      return;
    }

  g_list_store_splice (self->candidates, 0, 0, places->pdata, places->len);
  show_candidates (self, places->len > 0);
  if (places->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No place found for “%s”. Check the town or the ZIP code."),
                                                  hibachi_address_entry_get_address (self));

      show_message (self, message);
    }
  else
    show_message (self, ngettext ("Pick the place below (↓ and Enter).", "Pick one of the places below (↓ and Enter).",
                                  places->len));
}

static gboolean
pause_cb (gpointer data)
{
  HibachiAddressEntry *self = data;
  g_autofree char *address = g_strstrip (g_strdup (hibachi_address_entry_get_address (self)));

  self->pause_id = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  self->cancellable = g_cancellable_new ();
  hibachi_store_geocode_async (self->store, address, self->cancellable, geocoded_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (HibachiAddressEntry *self)
{
  g_autofree char *address = NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
  if (self->setting_text)
    return;

  /* The picked place was for the text before. */
  stop_lookup (self);
  set_location (self, FALSE, 0, 0);
  address = g_strstrip (g_strdup (hibachi_address_entry_get_address (self)));
  if (g_utf8_strlen (address, -1) < HIBACHI_ADDRESS_ENTRY_MIN_CHARS)
    {
      g_list_store_remove_all (self->candidates);
      show_candidates (self, FALSE);
      show_message (self, _("Type the address, then pick its place from the list."));
      return;
    }

  set_searching (self, TRUE);
  show_message (self, _("Looking up the address…"));
  self->pause_id = g_timeout_add (HIBACHI_ADDRESS_ENTRY_DELAY_MS, pause_cb, self);
}

static void
entry_activated_cb (HibachiAddressEntry *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) > 0)
    hibachi_address_entry_pick (self, 0);
}

/* Back to the field to go on typing, with the cursor at the end (focus
 * alone would select the whole text, for the next key to replace). */
static void
focus_field (HibachiAddressEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
  gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
}

static void
candidate_activated_cb (HibachiAddressEntry *self,
                        GtkListBoxRow       *row)
{
  hibachi_address_entry_pick (self, (guint) gtk_list_box_row_get_index (row));
  focus_field (self);
}

static gboolean
candidate_keynav_failed_cb (HibachiAddressEntry *self,
                            GtkDirectionType     direction)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  focus_field (self);
  return TRUE;
}

/* ↓ from the field goes to the places; Esc closes them (and only them). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HibachiAddressEntry   *self)
{
  gboolean listed = gtk_revealer_get_reveal_child (self->revealer);

  if (!listed)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->candidate_list, 0);

      if (first != NULL && gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   GTK_WIDGET (self->entry_row)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (first));
          return GDK_EVENT_STOP;
        }
    }
  else if (keyval == GDK_KEY_Escape)
    {
      show_candidates (self, FALSE);
      focus_field (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HibachiGeocodeCandidate *place = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hibachi_geocode_candidate_get_label (place));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_place (place));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
hibachi_address_entry_dispose (GObject *object)
{
  HibachiAddressEntry *self = HIBACHI_ADDRESS_ENTRY (object);

  stop_lookup (self);
  g_clear_object (&self->store);
  g_clear_object (&self->candidates);
  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_ADDRESS_ENTRY);

  G_OBJECT_CLASS (hibachi_address_entry_parent_class)->dispose (object);
}

static void
hibachi_address_entry_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HibachiAddressEntry *self = HIBACHI_ADDRESS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      g_value_set_string (value, hibachi_address_entry_get_address (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Focused as a whole (a dialog's first field): the address field. */
static gboolean
hibachi_address_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (HIBACHI_ADDRESS_ENTRY (widget)->entry_row));
}

static void
hibachi_address_entry_class_init (HibachiAddressEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_address_entry_dispose;
  object_class->get_property = hibachi_address_entry_get_property;

  /* The text, as typed or picked. */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The location was picked, or cleared by typing: see get_location(). */
  signals[LOCATION_CHANGED] = g_signal_new ("location-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);

  widget_class->grab_focus = hibachi_address_entry_grab_focus;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-address-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiAddressEntry, entry_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAddressEntry, spinner);
  gtk_widget_class_bind_template_child (widget_class, HibachiAddressEntry, location_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiAddressEntry, revealer);
  gtk_widget_class_bind_template_child (widget_class, HibachiAddressEntry, candidate_list);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, candidate_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, candidate_keynav_failed_cb);
}

static void
hibachi_address_entry_init (HibachiAddressEntry *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->candidates = g_list_store_new (HIBACHI_TYPE_GEOCODE_CANDIDATE);
  gtk_list_box_bind_model (self->candidate_list, G_LIST_MODEL (self->candidates), create_row, NULL, NULL);
  /* Before the entry's own handling, so ↓ and Esc reach the list first. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  set_searching (self, FALSE);
  show_candidates (self, FALSE);
}

GtkWidget *
hibachi_address_entry_new (void)
{
  return g_object_new (HIBACHI_TYPE_ADDRESS_ENTRY, NULL);
}

void
hibachi_address_entry_set_store (HibachiAddressEntry *self,
                                 HibachiStore        *store)
{
  g_return_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self));

  stop_lookup (self);
  g_set_object (&self->store, store);
}

void
hibachi_address_entry_set_title (HibachiAddressEntry *self,
                                 const char          *title)
{
  g_return_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), title);
}

const char *
hibachi_address_entry_get_address (HibachiAddressEntry *self)
{
  g_return_val_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
}

void
hibachi_address_entry_set_location (HibachiAddressEntry *self,
                                    const char          *address,
                                    double               lat,
                                    double               lng)
{
  g_return_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self));
  g_return_if_fail (address != NULL);

  stop_lookup (self);
  set_text (self, address);
  /* Loaded, not typed: from its start, the house number first. */
  gtk_editable_set_position (GTK_EDITABLE (self->entry_row), 0);
  g_list_store_remove_all (self->candidates);
  show_candidates (self, FALSE);
  set_location (self, TRUE, lat, lng);
  show_location (self, NULL);
}

gboolean
hibachi_address_entry_get_location (HibachiAddressEntry *self,
                                    double              *out_lat,
                                    double              *out_lng)
{
  g_return_val_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self), FALSE);

  if (out_lat != NULL)
    *out_lat = self->lat;
  if (out_lng != NULL)
    *out_lng = self->lng;
  return self->has_location;
}

GListModel *
hibachi_address_entry_get_candidates (HibachiAddressEntry *self)
{
  g_return_val_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

gboolean
hibachi_address_entry_is_searching (HibachiAddressEntry *self)
{
  g_return_val_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self), FALSE);

  return self->pause_id != 0 || self->cancellable != NULL;
}

void
hibachi_address_entry_set_editable (HibachiAddressEntry *self,
                                    gboolean             editable)
{
  g_return_if_fail (HIBACHI_IS_ADDRESS_ENTRY (self));

  if (!editable)
    {
      stop_lookup (self);
      show_candidates (self, FALSE);
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->entry_row), editable);
}
