/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-wrap-box"

#include "config.h"

#include "hibachi-wrap-box.h"

struct _HibachiWrapBox
{
  GtkWidget parent_instance;

  int       spacing;   /* between children and between rows, px */
};

G_DEFINE_FINAL_TYPE (HibachiWrapBox, hibachi_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
hibachi_wrap_box_new (void)
{
  return g_object_new (HIBACHI_TYPE_WRAP_BOX, NULL);
}

int
hibachi_wrap_box_get_spacing (HibachiWrapBox *self)
{
  g_return_val_if_fail (HIBACHI_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
hibachi_wrap_box_set_spacing (HibachiWrapBox *self,
                              int             spacing)
{
  g_return_if_fail (HIBACHI_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/* A child's width in a row @width wide: its natural width, less when the
 * row is narrower, never less than its minimum. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return MAX (minimum, MIN (natural, width));
}

/* Lays the shown children out in rows @width wide, allocating them when
 * @allocate; returns the height the rows take. */
static int
lay_out (HibachiWrapBox *self,
         int             width,
         gboolean        allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *row_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;
  gboolean first_row = TRUE;

  /* One row at a time: find where it ends and how tall it is, then place it. */
  while (row_start != NULL)
    {
      GtkWidget *row_end = row_start;
      int x = 0, row_height = 0, n = 0;

      for (; row_end != NULL; row_end = gtk_widget_get_next_sibling (row_end))
        {
          int w, h;

          if (!gtk_widget_should_layout (row_end))
            continue;
          w = child_width (row_end, width);
          if (n > 0 && x + self->spacing + w > width)
            break;
          x += (n > 0 ? self->spacing : 0) + w;
          gtk_widget_measure (row_end, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);
          row_height = MAX (row_height, h);
          n++;
        }
      if (n == 0)
        break;

      if (!first_row)
        y += self->spacing;
      if (allocate)
        {
          x = 0;
          for (GtkWidget *child = row_start; child != row_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;
              w = child_width (child, width);
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { rtl ? width - x - w : x, y, w, row_height },
                                        -1);
              x += w + self->spacing;
            }
        }
      y += row_height;
      first_row = FALSE;
      row_start = row_end;
    }

  return y;
}

static GtkSizeRequestMode
hibachi_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hibachi_wrap_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HibachiWrapBox *self = HIBACHI_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, all = 0, n = 0;

      /* Narrowest: one child a row; widest: all in one row. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          widest = MAX (widest, child_min);
          all += (n++ > 0 ? self->spacing : 0) + child_nat;
        }
      *minimum = widest;
      *natural = MAX (widest, all);
    }
  else
    {
      int width = for_size;

      /* No width given: at its natural width, one row. GTK (≥ 4.12 in
       * tests) takes this as the least height it can have at any width. */
      if (width < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      *minimum = *natural = lay_out (self, width, FALSE);
    }
}

static void
hibachi_wrap_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  lay_out (HIBACHI_WRAP_BOX (widget), width, TRUE);
}

static void
hibachi_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hibachi_wrap_box_parent_class)->dispose (object);
}

static void
hibachi_wrap_box_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HibachiWrapBox *self = HIBACHI_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_wrap_box_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HibachiWrapBox *self = HIBACHI_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      hibachi_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hibachi_wrap_box_class_init (HibachiWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_wrap_box_dispose;
  object_class->get_property = hibachi_wrap_box_get_property;
  object_class->set_property = hibachi_wrap_box_set_property;
  widget_class->get_request_mode = hibachi_wrap_box_get_request_mode;
  widget_class->measure = hibachi_wrap_box_measure;
  widget_class->size_allocate = hibachi_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "box": the same styles as a GtkBox (.linked joins the buttons of a row). */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hibachi_wrap_box_init (HibachiWrapBox *self)
{
}
