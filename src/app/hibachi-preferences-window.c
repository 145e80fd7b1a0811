/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hibachi-accessible.h"
#include "hibachi-preferences-window.h"

struct _HibachiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwEntryRow          *server_row;
  AdwEntryRow          *tiles_row;
  AdwComboRow          *color_scheme_row;
  GtkSpinButton        *refresh_spin;
};

G_DEFINE_FINAL_TYPE (HibachiPreferencesWindow, hibachi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
server_apply_cb (HibachiPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Enter an address like https://admin.example.com")));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  g_settings_set_string (self->settings, "server-url", url);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The new server is used at the next sign-in")));
}

/* A raster XYZ template: http(s) with {z}, {x} and {y}. */
static void
tiles_apply_cb (HibachiPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tiles_row))));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      strstr (url, "{z}") == NULL || strstr (url, "{x}") == NULL || strstr (url, "{y}") == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->tiles_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Enter an address with {z}, {x} and {y}, like https://tile.openstreetmap.org/{z}/{x}/{y}.png")));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->tiles_row), "error");
  g_settings_set_string (self->settings, "map-tile-url", url);
}

static void
color_scheme_cb (HibachiPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "color-scheme", (int) adw_combo_row_get_selected (self->color_scheme_row));
}

static void
hibachi_preferences_window_finalize (GObject *object)
{
  HibachiPreferencesWindow *self = HIBACHI_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hibachi_preferences_window_parent_class)->finalize (object);
}

static void
hibachi_preferences_window_class_init (HibachiPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hibachi_preferences_window_finalize;
}

static void
hibachi_preferences_window_init (HibachiPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *connection = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *appearance = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *schemes = gtk_string_list_new ((const char *[]) { _("Follow System"), _("Light"), _("Dark"), NULL });
  AdwActionRow *refresh_row;

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  adw_preferences_group_set_title (connection, _("Connection"));
  self->server_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->server_row), _("Server Address"));
  adw_entry_row_set_show_apply_button (self->server_row, TRUE);
  g_signal_connect_swapped (self->server_row, "apply", G_CALLBACK (server_apply_cb), self);
  adw_preferences_group_add (connection, GTK_WIDGET (self->server_row));

  refresh_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (refresh_row), _("Refresh Interval"));
  adw_action_row_set_subtitle (refresh_row, _("Seconds between checks for changes when offline"));
  self->refresh_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (5, 600, 5));
  gtk_widget_set_valign (GTK_WIDGET (self->refresh_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (refresh_row, GTK_WIDGET (self->refresh_spin));
  adw_action_row_set_activatable_widget (refresh_row, GTK_WIDGET (self->refresh_spin));
  adw_preferences_group_add (connection, GTK_WIDGET (refresh_row));

  self->tiles_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tiles_row), _("Map Tiles"));
  adw_entry_row_set_show_apply_button (self->tiles_row, TRUE);
  g_signal_connect_swapped (self->tiles_row, "apply", G_CALLBACK (tiles_apply_cb), self);
  adw_preferences_group_add (connection, GTK_WIDGET (self->tiles_row));

  adw_preferences_group_set_title (appearance, _("Appearance"));
  self->color_scheme_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->color_scheme_row), _("Style"));
  adw_combo_row_set_model (self->color_scheme_row, G_LIST_MODEL (schemes));
  g_object_unref (schemes);
  adw_preferences_group_add (appearance, GTK_WIDGET (self->color_scheme_row));

  adw_preferences_page_add (page, connection);
  adw_preferences_page_add (page, appearance);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  hibachi_accessible_label_icon_buttons (GTK_WIDGET (self), "edit-find-symbolic", (const char *[]) { _("Search"), NULL });
}

HibachiPreferencesWindow *
hibachi_preferences_window_new (GSettings *settings)
{
  HibachiPreferencesWindow *self = g_object_new (HIBACHI_TYPE_PREFERENCES_WINDOW, "modal", TRUE, NULL);
  g_autofree char *url = g_settings_get_string (settings, "server-url");
  g_autofree char *tiles = g_settings_get_string (settings, "map-tile-url");

  self->settings = g_object_ref (settings);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->tiles_row), tiles);
  adw_combo_row_set_selected (self->color_scheme_row, (guint) g_settings_get_enum (settings, "color-scheme"));
  g_signal_connect_swapped (self->color_scheme_row, "notify::selected", G_CALLBACK (color_scheme_cb), self);
  g_settings_bind (settings, "refresh-interval", self->refresh_spin, "value", G_SETTINGS_BIND_DEFAULT);

  return self;
}
