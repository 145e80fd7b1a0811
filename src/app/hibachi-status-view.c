/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-status-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-status-view.h"

struct _HibachiStatusView
{
  GtkWidget      parent_instance;

  HibachiStatus  status;
  char          *message;

  GtkStack      *stack;
  AdwBin        *content_page;
  GtkSpinner    *loading_spinner;
  AdwStatusPage *loading_page;
  AdwStatusPage *empty_page;
  GtkButton     *empty_button;
  AdwStatusPage *error_page;
  GtkButton     *error_button;
  AdwStatusPage *offline_page;
  GtkButton     *offline_button;
};

G_DEFINE_FINAL_TYPE (HibachiStatusView, hibachi_status_view, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (HibachiStatus, hibachi_status,
  G_DEFINE_ENUM_VALUE (HIBACHI_STATUS_CONTENT, "content"),
  G_DEFINE_ENUM_VALUE (HIBACHI_STATUS_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (HIBACHI_STATUS_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (HIBACHI_STATUS_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (HIBACHI_STATUS_OFFLINE, "offline"))

enum {
  PROP_0,
  PROP_CHILD,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_LOADING_TITLE,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_ACTION_LABEL,
  PROP_EMPTY_ACTION_NAME,
  PROP_ERROR_TITLE,
  PROP_RETRY_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HibachiStatusView *self)
{
  static const char * const names[] = { "content", "loading", "empty", "error", "offline" };
  g_autofree char *offline = NULL;

  adw_status_page_set_description (self->error_page, self->message);
  if (self->message != NULL)
    offline = g_strdup_printf (_("%s\nHibachi Admin tries again by itself."), self->message);
  adw_status_page_set_description (self->offline_page, offline ? offline : _("Hibachi Admin tries again by itself."));
  gtk_spinner_set_spinning (self->loading_spinner, self->status == HIBACHI_STATUS_LOADING);
  gtk_stack_set_visible_child_name (self->stack, names[self->status]);
}

static void
hibachi_status_view_dispose (GObject *object)
{
  HibachiStatusView *self = HIBACHI_STATUS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HIBACHI_TYPE_STATUS_VIEW);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (hibachi_status_view_parent_class)->dispose (object);
}

static void
hibachi_status_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HibachiStatusView *self = HIBACHI_STATUS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, hibachi_status_view_get_child (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LOADING_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->loading_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_EMPTY_ACTION_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->empty_button));
      break;
    case PROP_EMPTY_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->empty_button)));
      break;
    case PROP_ERROR_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->error_page));
      break;
    case PROP_RETRY_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->error_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_status_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HibachiStatusView *self = HIBACHI_STATUS_VIEW (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_CHILD:
      hibachi_status_view_set_child (self, g_value_get_object (value));
      break;
    case PROP_STATUS:
      hibachi_status_view_set_status (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE:
      hibachi_status_view_set_message (self, g_value_get_string (value));
      break;
    case PROP_LOADING_TITLE:
      adw_status_page_set_title (self->loading_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_ACTION_LABEL:
      text = g_value_get_string (value);
      gtk_button_set_label (self->empty_button, text);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), text != NULL);
      break;
    case PROP_EMPTY_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), g_value_get_string (value));
      break;
    case PROP_ERROR_TITLE:
      adw_status_page_set_title (self->error_page, g_value_get_string (value));
      break;
    case PROP_RETRY_ACTION_NAME:
      text = g_value_get_string (value);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button), text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->offline_button), text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_button), text != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->offline_button), text != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
text_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
}

static void
hibachi_status_view_class_init (HibachiStatusViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_status_view_dispose;
  object_class->get_property = hibachi_status_view_get_property;
  object_class->set_property = hibachi_status_view_set_property;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, HIBACHI_TYPE_STATUS, HIBACHI_STATUS_LOADING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING_TITLE] = text_property ("loading-title");
  properties[PROP_EMPTY_TITLE] = text_property ("empty-title");
  properties[PROP_EMPTY_DESCRIPTION] = text_property ("empty-description");
  properties[PROP_EMPTY_ICON_NAME] = text_property ("empty-icon-name");
  properties[PROP_EMPTY_ACTION_LABEL] = text_property ("empty-action-label");
  properties[PROP_EMPTY_ACTION_NAME] = text_property ("empty-action-name");
  properties[PROP_ERROR_TITLE] = text_property ("error-title");
  properties[PROP_RETRY_ACTION_NAME] = text_property ("retry-action-name");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-status-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, content_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, error_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, error_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, offline_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiStatusView, offline_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusview");
}

static void
hibachi_status_view_init (HibachiStatusView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = HIBACHI_STATUS_LOADING;
  update (self);
}

GtkWidget *
hibachi_status_view_get_child (HibachiStatusView *self)
{
  g_return_val_if_fail (HIBACHI_IS_STATUS_VIEW (self), NULL);

  return adw_bin_get_child (self->content_page);
}

void
hibachi_status_view_set_child (HibachiStatusView *self,
                               GtkWidget         *child)
{
  GtkWidget *old;

  g_return_if_fail (HIBACHI_IS_STATUS_VIEW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  old = hibachi_status_view_get_child (self);
  if (old == child)
    return;
  adw_bin_set_child (self->content_page, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

HibachiStatus
hibachi_status_view_get_status (HibachiStatusView *self)
{
  g_return_val_if_fail (HIBACHI_IS_STATUS_VIEW (self), HIBACHI_STATUS_CONTENT);

  return self->status;
}

void
hibachi_status_view_set_status (HibachiStatusView *self,
                                HibachiStatus      status)
{
  g_return_if_fail (HIBACHI_IS_STATUS_VIEW (self));

  if (self->status == status)
    return;

  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
hibachi_status_view_get_message (HibachiStatusView *self)
{
  g_return_val_if_fail (HIBACHI_IS_STATUS_VIEW (self), NULL);

  return self->message;
}

void
hibachi_status_view_set_message (HibachiStatusView *self,
                                 const char        *message)
{
  g_return_if_fail (HIBACHI_IS_STATUS_VIEW (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}
