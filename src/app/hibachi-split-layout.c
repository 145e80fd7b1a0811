/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-split-layout"

#include "config.h"

#include "hibachi-split-layout.h"

/* libadwaita 1.4 replaced the leaflet (deprecated since) with a split view
 * that collapses at a breakpoint, and whose header bars bring their own
 * back button and shortcuts (Alt+←, the mouse's back button, a swipe).
 * Each stack compiles its own path. On 1.2 the window has the back button
 * and its shortcuts (action win.back), shown while content-shown and
 * show-back-button are both TRUE. */
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
  GtkWidget              *sidebar;
  GtkWidget              *separator;
  GtkWidget              *content;
  gboolean                content_shown;        /* folded: content, not sidebar */
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
  PROP_CONTENT_SHOWN,
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

/* Folded, whether the content shows rather than the sidebar. */
gboolean
hibachi_split_layout_get_content_shown (HibachiSplitLayout *self)
{
  g_return_val_if_fail (HIBACHI_IS_SPLIT_LAYOUT (self), FALSE);

#if HAVE_SPLIT_VIEW
  return adw_navigation_split_view_get_show_content (self->split_view);
#else
  return self->content_shown;
#endif
}

#if !HAVE_SPLIT_VIEW
/* Folded, one of sidebar and content; otherwise both. */
static void
show_children (HibachiSplitLayout *self)
{
  gtk_widget_set_child_visible (self->sidebar, !self->folded || !self->content_shown);
  gtk_widget_set_child_visible (self->separator, !self->folded);
  gtk_widget_set_child_visible (self->content, !self->folded || self->content_shown);
}
#endif

/* In a folded layout, shows the content (TRUE) or the sidebar (FALSE). */
void
hibachi_split_layout_show_content (HibachiSplitLayout *self,
                                   gboolean            show)
{
  g_return_if_fail (HIBACHI_IS_SPLIT_LAYOUT (self));

#if HAVE_SPLIT_VIEW
  adw_navigation_split_view_set_show_content (self->split_view, show);
#else
  if (self->content_shown == !!show)
    return;
  self->content_shown = !!show;
  if (self->folded)
    {
      /* Shown at once, so the focus can move there now. */
      show_children (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_SHOWN]);
#endif
}

static void
set_folded (HibachiSplitLayout *self,
            gboolean            folded)
{
  if (folded == self->folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

#if HAVE_SPLIT_VIEW
static void
folded_cb (HibachiSplitLayout *self)
{
  set_folded (self, adw_navigation_split_view_get_collapsed (self->split_view));
}

static void
content_shown_cb (HibachiSplitLayout *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_SHOWN]);
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
#else
/* libadwaita 1.2: the layout is ours, not an AdwLeaflet's. A leaflet sets
 * its shadow's style classes each time it is allocated, and every resize
 * inside the window allocates it: each page of rows, each search answer
 * cost a second frame to restyle the window (traced with ui-100k). Side by
 * side where both fit at their minimum width, as the leaflet folded; the
 * sidebar at its natural width, the content the rest. Folded: one of them,
 * with no slide between them. */

/* Whether @width folds; if not, the sidebar's width. */
static gboolean
fold_at (HibachiSplitLayout *self,
         int                 width,
         int                *sidebar_width)
{
  int sidebar_min, sidebar_nat, content_min = min_width (self->content), separator = min_width (self->separator);

  gtk_widget_measure (self->sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar_min, &sidebar_nat, NULL, NULL);
  if (width < sidebar_min + separator + content_min)
    return TRUE;
  *sidebar_width = CLAMP (sidebar_nat, sidebar_min, width - separator - content_min);
  return FALSE;
}

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
  GtkWidget *children[] = { self->sidebar, self->separator, self->content };
  int sidebar_width = 0;
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 &&
                          !fold_at (self, for_size, &sidebar_width);

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min, child_nat, child_for = for_size;

      if (orientation == GTK_ORIENTATION_VERTICAL && side_by_side)
        child_for = children[i] == self->sidebar ? sidebar_width
                    : children[i] == self->separator ? min_width (self->separator)
                    : for_size - sidebar_width - min_width (self->separator);
      gtk_widget_measure (children[i], orientation, child_for, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Folded, one at a time: the wider minimum. */
          if (children[i] != self->separator)
            *minimum = MAX (*minimum, child_min);
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
  *natural = MAX (*natural, *minimum);
}

static void
hibachi_split_layout_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (widget);
  int sidebar_width = 0, separator = min_width (self->separator);
  gboolean folded = fold_at (self, width, &sidebar_width);

  /* Before the children are allocated: what the window changes when it
   * folds (its header bars) is then laid out in this allocation. */
  set_folded (self, folded);
  show_children (self);
  if (folded)
    gtk_widget_allocate (self->content_shown ? self->content : self->sidebar, width, height, baseline, NULL);
  else
    {
      /* Right to left, the sidebar is on the right. */
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int content_width = width - sidebar_width - separator;
      int sidebar_x = rtl ? content_width + separator : 0, content_x = rtl ? 0 : sidebar_width + separator;

      gtk_widget_allocate (self->sidebar, sidebar_width, height, baseline,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (sidebar_x, 0)));
      gtk_widget_allocate (self->separator, separator, height, baseline,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? content_width : sidebar_width, 0)));
      gtk_widget_allocate (self->content, content_width, height, baseline,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (content_x, 0)));
    }
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
      g_return_if_fail (self->sidebar == NULL);
      self->sidebar = GTK_WIDGET (child);
      gtk_widget_insert_before (self->sidebar, GTK_WIDGET (self), self->separator);
#endif
    }
  else if (g_strcmp0 (type, "content") == 0 && GTK_IS_WIDGET (child))
    {
#if HAVE_SPLIT_VIEW
      adw_navigation_page_set_child (self->content_page, GTK_WIDGET (child));
#else
      g_return_if_fail (self->content == NULL);
      self->content = GTK_WIDGET (child);
      gtk_widget_insert_after (self->content, GTK_WIDGET (self), self->separator);
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
    case PROP_CONTENT_SHOWN:
      g_value_set_boolean (value, hibachi_split_layout_get_content_shown (self));
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

#if HAVE_SPLIT_VIEW
  gtk_widget_dispose_template (GTK_WIDGET (object), HIBACHI_TYPE_SPLIT_LAYOUT);
#endif
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
#if !HAVE_SPLIT_VIEW
  {
    HibachiSplitLayout *self = HIBACHI_SPLIT_LAYOUT (object);

    self->sidebar = self->separator = self->content = NULL;
  }
#endif

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
   * split view (the 1.2 layout has no use for it). */
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
  /* Folded, the content shows rather than the sidebar. */
  properties[PROP_CONTENT_SHOWN] =
    g_param_spec_boolean ("content-shown", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

#if HAVE_SPLIT_VIEW
  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-split-layout.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, split_view);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, content_page);
  gtk_widget_class_bind_template_child (widget_class, HibachiSplitLayout, breakpoint);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_shown_cb);
#endif
  widget_class->measure = hibachi_split_layout_measure;
  widget_class->size_allocate = hibachi_split_layout_size_allocate;
}

static void
hibachi_split_layout_init (HibachiSplitLayout *self)
{
  self->content_title = g_strdup ("");
#if HAVE_SPLIT_VIEW
  gtk_widget_init_template (GTK_WIDGET (self));
#else
  /* Folded, the window opens on its content, as the split view does. */
  self->content_shown = TRUE;
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));
#endif
}
