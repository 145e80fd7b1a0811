/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the bookings list's rows reach the column view: a screenful first. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include "hibachi-bookings-view-private.h"

/* GTK 4.8's column view builds rows for 200 items at once when its model
 * first has items (its anchor's range, not the viewport): about 150 ms
 * before the first rows show at startup. So the list is shown through a
 * slice of one screenful until a frame has painted it, then whole. */
#define ROW_PADDING     8     /* px: the cells' padding above and below (style.css) */
#define MIN_ROW_HEIGHT  16
/* What is not rows, at least: the search, the filters, the column titles
 * and the footer, each a line of text and some 20 px of padding or more;
 * and, taken from the window's height, the header bar, one more. */
#define VIEW_BARS       4
#define BAR_PADDING     20

static void show_all_rows_when_painted (HibachiBookingsView *self);

static void
show_all_rows (HibachiBookingsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, show_all_rows, self);
  g_signal_handlers_disconnect_by_func (self, show_all_rows_when_painted, self);
  if (self->first_rows != NULL)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

/* All rows after the next frame painted with the view in it. A view not
 * on screen (a window not shown yet at startup, another page) waits until
 * it is: growing it now would build the rows the slice is there to spare
 * before the window's first frame. */
static void
show_all_rows_when_painted (HibachiBookingsView *self)
{
  g_signal_handlers_disconnect_by_func (self, show_all_rows_when_painted, self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect (self, "map", G_CALLBACK (show_all_rows_when_painted), self);
  else
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint", G_CALLBACK (show_all_rows),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
first_rows_changed_cb (HibachiBookingsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->first_rows)) == 0)
    return;
  g_signal_handlers_disconnect_by_func (self->first_rows, first_rows_changed_cb, self);
  /* Not within the slice's own items-changed (GTK's list views fail on a
   * change nested in one): after a frame, or on the view's map. */
  show_all_rows_when_painted (self);
}

/* Selects the list's row at @position, past the first screenful too. */
void
hibachi_bookings_view_select (HibachiBookingsView *self,
                              guint                position)
{
  if (self->first_rows != NULL && position >= g_list_model_get_n_items (G_LIST_MODEL (self->first_rows)))
    show_all_rows (self);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

GListModel *
hibachi_bookings_view_first_rows_new (HibachiBookingsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  int line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  int bars = VIEW_BARS;
  guint screenful;

  pango_font_metrics_unref (metrics);
  /* Not laid out yet (signing in as the window opens): the window's height. */
  if (height <= 0 && GTK_IS_WINDOW (root))
    {
      int width;   /* GTK 4.8 wants both */

      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      bars++;
    }
  /* The rows that fit below the bars: a row is a line of the font and its
   * padding. One more for the row the bottom edge cuts. */
  screenful = (guint) ((CLAMP (height, 600, 2400) - bars * (line + BAR_PADDING)) / MAX (line + ROW_PADDING, MIN_ROW_HEIGHT)) + 1;

  g_clear_object (&self->first_rows);
  self->first_rows = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->list)), 0, screenful);
  g_signal_connect_object (self->first_rows, "items-changed", G_CALLBACK (first_rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return G_LIST_MODEL (g_object_ref (self->first_rows));
}

void
hibachi_bookings_view_drop_first_rows (HibachiBookingsView *self)
{
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)), show_all_rows, self);
  g_signal_handlers_disconnect_by_func (self, show_all_rows_when_painted, self);
  g_clear_object (&self->first_rows);
}
