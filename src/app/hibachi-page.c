/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-page"

#include "config.h"

#include "hibachi-page.h"
#include "hibachi-toast.h"

typedef struct
{
  HibachiContext *context;
  char           *title;
  char           *icon_name;
  guint           badge_count;
  char           *badge_description;
  char           *station_id;
  gboolean        loading;
  HibachiCapability required;   /* 0: every signed-in user */
  gboolean        shown;        /* first_shown has run */
} HibachiPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HibachiPage, hibachi_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_BADGE_COUNT,
  PROP_BADGE_DESCRIPTION,
  PROP_STATION_ID,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page the user may not use is hidden: the stack never shows a hidden
 * child and the sidebar row follows the page's visibility. */
static void
update_allowed (HibachiPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), hibachi_page_get_allowed (self));
}

static void
account_changed_cb (HibachiPage *self)
{
  update_allowed (self);
  HIBACHI_PAGE_GET_CLASS (self)->account_changed (self);
}

static void
hibachi_page_real_nothing (HibachiPage *self)
{
}

static void
hibachi_page_map (GtkWidget *widget)
{
  HibachiPage *self = HIBACHI_PAGE (widget);
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  GTK_WIDGET_CLASS (hibachi_page_parent_class)->map (widget);
  if (!priv->shown)
    {
      priv->shown = TRUE;
      HIBACHI_PAGE_GET_CLASS (self)->first_shown (self);
    }
}

gboolean
hibachi_page_was_shown (HibachiPage *self)
{
  HibachiPagePrivate *priv;

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), FALSE);

  priv = hibachi_page_get_instance_private (self);
  return priv->shown;
}

static char *
hibachi_page_real_dup_unsaved (HibachiPage *self)
{
  return NULL;
}

static void
hibachi_page_real_save_async (HibachiPage         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_return_boolean (task, TRUE);
}

static gboolean
hibachi_page_real_save_finish (HibachiPage   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hibachi_page_dispose (GObject *object)
{
  HibachiPage *self = HIBACHI_PAGE (object);
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (priv->context != NULL)
    g_signal_handlers_disconnect_by_func (priv->context, account_changed_cb, self);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (hibachi_page_parent_class)->dispose (object);
}

static void
hibachi_page_finalize (GObject *object)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (HIBACHI_PAGE (object));

  g_free (priv->title);
  g_free (priv->icon_name);
  g_free (priv->badge_description);
  g_free (priv->station_id);

  G_OBJECT_CLASS (hibachi_page_parent_class)->finalize (object);
}

static void
hibachi_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HibachiPage *self = HIBACHI_PAGE (object);
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_BADGE_COUNT:
      g_value_set_uint (value, priv->badge_count);
      break;
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, priv->badge_description);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_STATION_ID:
      g_value_set_string (value, priv->station_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HibachiPage *self = HIBACHI_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hibachi_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      hibachi_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      hibachi_page_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_BADGE_COUNT:
      hibachi_page_set_badge_count (self, g_value_get_uint (value));
      break;
    case PROP_BADGE_DESCRIPTION:
      hibachi_page_set_badge_description (self, g_value_get_string (value));
      break;
    case PROP_STATION_ID:
      hibachi_page_set_station_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_page_class_init (HibachiPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_page_dispose;
  object_class->finalize = hibachi_page_finalize;
  object_class->get_property = hibachi_page_get_property;
  object_class->set_property = hibachi_page_set_property;
  widget_class->map = hibachi_page_map;

  klass->account_changed = hibachi_page_real_nothing;
  klass->station_changed = hibachi_page_real_nothing;
  klass->reload = hibachi_page_real_nothing;
  klass->focus_search = hibachi_page_real_nothing;
  klass->dup_unsaved = hibachi_page_real_dup_unsaved;
  klass->save_async = hibachi_page_real_save_async;
  klass->save_finish = hibachi_page_real_save_finish;
  klass->discard = hibachi_page_real_nothing;
  klass->first_shown = hibachi_page_real_nothing;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, HIBACHI_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BADGE_COUNT] =
    g_param_spec_uint ("badge-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BADGE_DESCRIPTION] =
    g_param_spec_string ("badge-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATION_ID] =
    g_param_spec_string ("station-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hibachi_page_init (HibachiPage *self)
{
}

HibachiContext *
hibachi_page_get_context (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->context;
}

void
hibachi_page_set_context (HibachiPage    *self,
                          HibachiContext *context)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));
  g_return_if_fail (context == NULL || HIBACHI_IS_CONTEXT (context));

  if (priv->context == context)
    return;

  if (priv->context != NULL)
    g_signal_handlers_disconnect_by_func (priv->context, account_changed_cb, self);
  g_set_object (&priv->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::directory", G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  account_changed_cb (self);
}

HibachiSession *
hibachi_page_get_session (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->context != NULL ? hibachi_context_get_session (priv->context) : NULL;
}

HibachiDirectory *
hibachi_page_get_directory (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->context != NULL ? hibachi_context_get_directory (priv->context) : NULL;
}

static void
set_string (HibachiPage  *self,
            char        **field,
            const char   *value,
            GParamSpec   *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
hibachi_page_get_title (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->title;
}

void
hibachi_page_set_title (HibachiPage *self,
                        const char  *title)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  set_string (self, &priv->title, title, properties[PROP_TITLE]);
}

const char *
hibachi_page_get_icon_name (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->icon_name;
}

void
hibachi_page_set_icon_name (HibachiPage *self,
                            const char  *icon_name)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  set_string (self, &priv->icon_name, icon_name, properties[PROP_ICON_NAME]);
}

guint
hibachi_page_get_badge_count (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), 0);

  return priv->badge_count;
}

void
hibachi_page_set_badge_count (HibachiPage *self,
                              guint        count)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  if (priv->badge_count == count)
    return;

  priv->badge_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_COUNT]);
}

gboolean
hibachi_page_get_loading (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), FALSE);

  return priv->loading;
}

void
hibachi_page_set_loading (HibachiPage *self,
                          gboolean     loading)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  if (priv->loading == !!loading)
    return;

  priv->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

const char *
hibachi_page_get_badge_description (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->badge_description;
}

void
hibachi_page_set_badge_description (HibachiPage *self,
                                    const char  *description)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  set_string (self, &priv->badge_description, description, properties[PROP_BADGE_DESCRIPTION]);
}

const char *
hibachi_page_get_station_id (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return priv->station_id;
}

void
hibachi_page_set_station_id (HibachiPage *self,
                             const char  *station_id)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  if (g_strcmp0 (priv->station_id, station_id) == 0)
    return;

  g_free (priv->station_id);
  priv->station_id = g_strdup (station_id);
  HIBACHI_PAGE_GET_CLASS (self)->station_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

void
hibachi_page_reload (HibachiPage *self)
{
  g_return_if_fail (HIBACHI_IS_PAGE (self));

  HIBACHI_PAGE_GET_CLASS (self)->reload (self);
}

void
hibachi_page_prefetch (HibachiPage    *self,
                       HibachiSession *session)
{
  g_return_if_fail (HIBACHI_IS_PAGE (self));
  g_return_if_fail (HIBACHI_IS_SESSION (session));

  if (HIBACHI_PAGE_GET_CLASS (self)->prefetch != NULL)
    HIBACHI_PAGE_GET_CLASS (self)->prefetch (self, session);
}

void
hibachi_page_focus_search (HibachiPage *self)
{
  g_return_if_fail (HIBACHI_IS_PAGE (self));

  HIBACHI_PAGE_GET_CLASS (self)->focus_search (self);
}

char *
hibachi_page_dup_unsaved (HibachiPage *self)
{
  g_return_val_if_fail (HIBACHI_IS_PAGE (self), NULL);

  return HIBACHI_PAGE_GET_CLASS (self)->dup_unsaved (self);
}

void
hibachi_page_save_async (HibachiPage         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (HIBACHI_IS_PAGE (self));

  HIBACHI_PAGE_GET_CLASS (self)->save_async (self, cancellable, callback, user_data);
}

gboolean
hibachi_page_save_finish (HibachiPage   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HIBACHI_IS_PAGE (self), FALSE);

  return HIBACHI_PAGE_GET_CLASS (self)->save_finish (self, result, error);
}

void
hibachi_page_discard (HibachiPage *self)
{
  g_return_if_fail (HIBACHI_IS_PAGE (self));

  HIBACHI_PAGE_GET_CLASS (self)->discard (self);
}

void
hibachi_page_toast (GtkWidget  *widget,
                    const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  hibachi_toast_show (widget, adw_toast_new (message));
}

void
hibachi_page_set_required_capability (HibachiPage       *self,
                                      HibachiCapability  capability)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);

  g_return_if_fail (HIBACHI_IS_PAGE (self));

  priv->required = capability;
  update_allowed (self);
}

gboolean
hibachi_page_get_allowed (HibachiPage *self)
{
  HibachiPagePrivate *priv = hibachi_page_get_instance_private (self);
  HibachiSession *session;

  g_return_val_if_fail (HIBACHI_IS_PAGE (self), FALSE);

  if (priv->required == 0)
    return TRUE;
  session = hibachi_page_get_session (self);
  return session != NULL && hibachi_session_can (session, priv->required);
}

static gboolean
page_allowed_cb (gpointer item,
                 gpointer user_data)
{
  return gtk_widget_get_visible (gtk_stack_page_get_child (item));
}

static void
page_visible_cb (GtkFilter *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

GListModel *
hibachi_page_list_allowed (GtkStack *stack)
{
  GtkCustomFilter *filter;
  GtkFilterListModel *allowed;

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  /* A bound GtkListBox shows every row it makes and ignores filter
   * functions: the model leaves hidden pages out instead. */
  filter = gtk_custom_filter_new (page_allowed_cb, NULL, NULL);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_signal_connect_object (page, "notify::visible", G_CALLBACK (page_visible_cb), filter, G_CONNECT_SWAPPED);
  allowed = gtk_filter_list_model_new (G_LIST_MODEL (gtk_stack_get_pages (stack)), GTK_FILTER (filter));

  return G_LIST_MODEL (allowed);
}
