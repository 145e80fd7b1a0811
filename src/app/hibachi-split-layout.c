/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-split-layout"

#include "config.h"

#include "hibachi-split-layout.h"

/* libadwaita 1.4 replaced the leaflet (deprecated since) with a split view
 * that collapses at a breakpoint, and whose header bars bring their own
 * back button and shortcuts (Alt+←, the mouse's back button, a swipe).
 * Each stack compiles its own path. */
#define HAVE_SPLIT_VIEW ADW_CHECK_VERSION (1, 4, 0)

struct _HibachiSplitLayout
{
  GtkWidget               parent_instance;

  char                   *content_title;
  gboolean                folded;
#if HAVE_SPLIT_VIEW
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *sidebar_page;
  AdwNavigationPage      *content_page;
  AdwBreakpoint          *breakpoint;
  int                     side_by_side_width;   /* the breakpoint's, px */
#else
  AdwLeaflet             *leaflet;
  GtkWidget              *sidebar;
  GtkWidget              *content;
#endif
};

static void hibachi_split_layout_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HibachiSplitLayout, hibachi_split_layout, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, hibachi_split_layout_buildable_init))

enum {
  PROP_0,
  PROP_CONTENT_TITLE,
  PROP_FOLDED,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

gboolean
hibachi_split_layout_get_folded (HibachiSplitLayout *self)
{
  g_return_val_if_fail (HIBACHI_IS_SPLIT_LAYOUT (self), FALSE);

  return self->folded;
}

/* Whether the content's header bar needs a back button of the window's own:
 * the split view's header bars show one themselves. */
gboolean
hibachi_split_layout_get_show_back_button (HibachiSplitLayout *self)
{
  g_return_val_if_fail (HIBACHI_IS_SPLIT_LAYOUT (self), FALSE);

#if HAVE_SPLIT_VIEW
  return FALSE;
#else
  return self->folded;
#endif
}

/* In a folded layout, shows the content (TRUE) or the sidebar (FALSE). */
void
hibachi_split_layout_show_content (HibachiSplitLayout *self,
                                   gboolean            show)
{
  g_return_if_fail (HIBACHI_IS_SPLIT_LAYOUT (self));

#if HAVE_SPLIT_VIEW
  adw_navigation_split_view_set_show_content (self->split_view, show);
#else
  adw_leaflet_set_visible_child (self->leaflet, show ? self->content : self->sidebar);
#endif
}

static void
folded_cb (HibachiSplitLayout *self)
{
#if HAVE_SPLIT_VIEW
  gboolean folded = adw_navigation_split_view_get_collapsed (self->split_view);
#else
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
#endif

  if (folded == self->folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

#if HAVE_SPLIT_VIEW
static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The breakpoint gives the window no minimum width: ours is what the wider
 * of sidebar and content needs alone, so a page that cannot get as narrow
 * as the window's 360 px keeps the window wider instead of spilling over. */
static void
hibachi_split_layout_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (widget);

  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (*minimum, MAX (min_width (GTK_WIDGET (self->sidebar_page)),
                                     min_width (GTK_WIDGET (self->content_page))));
      *natural = MAX (*natural, *minimum);
    }
}

/* Side by side from the width where both fit (the pages' minimums follow
 * the text size and the page shown): below it, one at a time. */
static void
hibachi_split_layout_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (widget);
  int sidebar = MAX (min_width (GTK_WIDGET (self->sidebar_page)),
                     (int) adw_navigation_split_view_get_min_sidebar_width (self->split_view));
  int both = sidebar + min_width (GTK_WIDGET (self->content_page)) + 1;

  if (both != self->side_by_side_width)
    {
      self->side_by_side_width = both;
      adw_breakpoint_set_condition (self->breakpoint,
                                    adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                         both - 1, ADW_LENGTH_UNIT_PX));
    }

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}
#endif

static void
hibachi_split_layout_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (buildable);

  if (g_strcmp0 (type, "sidebar") == 0 && GTK_IS_WIDGET (child))
    {
#if HAVE_SPLIT_VIEW
      adw_navigation_page_set_child (self->sidebar_page, GTK_WIDGET (child));
#else
      self->sidebar = GTK_WIDGET (child);
      adw_leaflet_prepend (self->leaflet, self->sidebar);
#endif
    }
  else if (g_strcmp0 (type, "content") == 0 && GTK_IS_WIDGET (child))
    {
#if HAVE_SPLIT_VIEW
      adw_navigation_page_set_child (self->content_page, GTK_WIDGET (child));
#else
      /* Folded, the window opens on its content, as the split view does. */
      self->content = GTK_WIDGET (child);
      adw_leaflet_append (self->leaflet, self->content);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
#endif
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
hibachi_split_layout_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = hibachi_split_layout_add_child;
}

static void
hibachi_split_layout_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CONTENT_TITLE:
      g_value_set_string (value, self->content_title);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, hibachi_split_layout_get_show_back_button (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_split_layout_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CONTENT_TITLE:
      {
        /* A navigation page's title is never NULL. */
        const char *title = g_value_get_string (value) != NULL ? g_value_get_string (value) : "";

        if (g_strcmp0 (self->content_title, title) != 0)
          {
            g_free (self->content_title);
            self->content_title = g_strdup (title);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_split_layout_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), HIBACHI_TYPE_SPLIT_LAYOUT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hibachi_split_layout_parent_class)->dispose (object);
}

static void
hibachi_split_layout_finalize (GObject *object)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (object);

  g_free (self->content_title);

  G_OBJECT_CLASS (hibachi_split_layout_parent_class)->finalize (object);
}

static void
hibachi_split_layout_class_init (HibachiSplitLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hibachi_split_layout_get_property;
  object_class->set_property = hibachi_split_layout_set_property;
  object_class->dispose = hibachi_split_layout_dispose;
  object_class->finalize = hibachi_split_layout_finalize;

  /* The content's title, for the back button and screen readers of the
   * split view (the leaflet has no use for it). */
  properties[PROP_CONTENT_TITLE] =
    g_param_spec_string ("content-title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only one of sidebar and content shows. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

#if HAVE_SPLIT_VIEW
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-split-layout.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, split_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, content_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, breakpoint);
  widget_class->measure = hibachi_split_layout_measure;
  widget_class->size_allocate = hibachi_split_layout_size_allocate;
#else
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/myhibachichef/Admin/hibachi-split-layout-leaflet.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, leaflet);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#endif
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
}

static void
hibachi_split_layout_init (HibachiSplitLayout *self)
{
  self->content_title = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}
