/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings list's cells (the columns themselves are in the .ui): cells
 * updated in place when their row's data arrives or changes, and sorting
 * by header on the server. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_DATE,
  COLUMN_SLOT,
  COLUMN_CUSTOMER,
  COLUMN_GUESTS,
  COLUMN_STATION,
  COLUMN_CHEF,
  COLUMN_STATUS,
  COLUMN_TOTAL,
  COLUMN_CREATED,
  N_COLUMNS
} Column;

/* Data on cells and factories, by quark: a scrollbar jump binds 2,000
 * cells a frame, and a string key is a quark lookup each time. */
static GQuark
view_quark (void)
{
  static GQuark quark;   /* the main thread's only */

  return quark ? quark : (quark = g_quark_from_static_string ("hibachi-view"));
}

static GQuark
column_quark (void)
{
  static GQuark quark;

  return quark ? quark : (quark = g_quark_from_static_string ("hibachi-column"));
}

#define CELL_VIEW(item) ((HibachiBookingsView *) g_object_get_qdata (G_OBJECT (item), view_quark ()))
#define CELL_COLUMN(object) ((Column) GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (object), column_quark ())))

/* The cells bound to one booking, by column. Its "changed" is connected
 * once for the row, not once per cell: connecting and disconnecting ten
 * handlers a row took 2.5 ms of a scrollbar jump's frame (ui-100k, perf). */
struct _HibachiBoundRow
{
  gulong       handler;
  GtkListItem *cells[N_COLUMNS];
  guint        n_cells;
};

/* The server's sort key of each column (ascending), NULL when the server
 * cannot sort by it; the .ui gives those columns a sorter. */
static const char * const column_sort[] = {
  [COLUMN_REFERENCE] = NULL,
  [COLUMN_DATE] = "event_date",
  [COLUMN_SLOT] = NULL,
  [COLUMN_CUSTOMER] = "customer_name",
  [COLUMN_GUESTS] = "guests",
  [COLUMN_STATION] = NULL,
  [COLUMN_CHEF] = NULL,
  [COLUMN_STATUS] = NULL,
  [COLUMN_TOTAL] = "total",
  [COLUMN_CREATED] = "created_at",
};

static char *
cell_text (HibachiBookingsView *self,
           HibachiBooking      *b,
           Column               column)
{
  switch (column)
    {
    case COLUMN_REFERENCE:
      return g_strdup (hibachi_booking_get_reference (b));
    case COLUMN_DATE:
      return hibachi_date_format_day (hibachi_booking_get_event_date (b));
    case COLUMN_SLOT:
      return g_strdup (hibachi_booking_get_slot (b));
    case COLUMN_CUSTOMER:
      return g_strdup (hibachi_booking_get_customer_name (b));
    case COLUMN_GUESTS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, hibachi_booking_get_guests (b));
    case COLUMN_STATION:
      return g_strdup (hibachi_directory_station_name (self->directory, hibachi_booking_get_station_id (b)));
    case COLUMN_CHEF:
      {
        const char *chef = hibachi_booking_get_chef_id (b);

        if (chef == NULL)
          return g_strdup (_("Unassigned"));
        return g_strdup (hibachi_context_chef_name (hibachi_page_get_context (HIBACHI_PAGE (self)), chef) ?: _("Unknown chef"));
      }
    case COLUMN_STATUS:
      return g_strdup (hibachi_booking_status_label (hibachi_booking_get_status (b)));
    case COLUMN_TOTAL:
      return hibachi_format_cents (hibachi_booking_get_total_cents (b));
    case COLUMN_CREATED:
      return hibachi_date_format_moment (hibachi_booking_get_created_at (b));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The page of a row on screen is worth a request (once per page). GTK binds
 * and maps rows it never shows (every row a longer result adds, at once),
 * so rows wait for the layout and ask only if they are in the viewport. */
static gboolean
ask_for_pages_cb (gpointer data)
{
  HibachiBookingsView *self = data;
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->column_view));
  GHashTableIter iter;
  gpointer item;
  guint first = G_MAXUINT, last = 0;

  self->pending_rows_id = 0;
  g_hash_table_iter_init (&iter, self->pending_rows);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *cell = gtk_list_item_get_child (item);
      graphene_rect_t bounds;
      guint position = gtk_list_item_get_position (item);

      if (self->list != NULL && cell != NULL && gtk_widget_get_mapped (cell) &&
          gtk_widget_compute_bounds (cell, viewport, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (viewport))
        {
          first = MIN (first, position);
          last = MAX (last, position);
        }
    }
  g_hash_table_remove_all (self->pending_rows);
  if (first <= last)
    hibachi_paged_list_laid_out (self->list, first, last);

  return G_SOURCE_REMOVE;
}

/* Scrolled: the list is told which rows are in view, before GTK binds
 * them, and reads ahead of a steady scroll. The asks of bound rows above
 * come only once the main loop is idle, which it seldom is while
 * scrolling fast. */
static void
scrolled_cb (GtkAdjustment       *adjustment,
             HibachiBookingsView *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  guint n = model != NULL && self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  double row_height, value = gtk_adjustment_get_value (adjustment);

  if (n == 0 || gtk_adjustment_get_upper (adjustment) <= 0)
    return;

  /* Rows are of one height: the header's few pixels aside, the list's
   * height shared by its rows. */
  row_height = gtk_adjustment_get_upper (adjustment) / n;
  hibachi_paged_list_shown (self->list, MIN ((guint) (value / row_height), n - 1),
                            MIN ((guint) ((value + gtk_adjustment_get_page_size (adjustment)) / row_height), n - 1));
}

void
hibachi_bookings_view_watch_scrolling (HibachiBookingsView *self)
{
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), "value-changed",
                           G_CALLBACK (scrolled_cb), self, 0);
}

static void
ask_for_page (GtkListItem *item)
{
  HibachiBookingsView *self = CELL_VIEW (item);

  if (self == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  g_hash_table_add (self->pending_rows, item);
  if (self->pending_rows_id == 0)
    self->pending_rows_id = g_idle_add_full (G_PRIORITY_LOW, ask_for_pages_cb, self, NULL);
}

void
hibachi_bookings_view_setup_cell_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *item,
                                     HibachiBookingsView      *self)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  Column column = CELL_COLUMN (factory);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
  hibachi_bookings_view_mark_cell (inscription, item);
  /* Once per cell widget, not per row it shows: a scrollbar jump binds
   * every cell anew. */
  g_object_set_qdata (G_OBJECT (item), view_quark (), self);
  g_object_set_qdata (G_OBJECT (item), column_quark (), GINT_TO_POINTER (column));
  if (column == COLUMN_REFERENCE)
    g_signal_connect_swapped (inscription, "map", G_CALLBACK (ask_for_page), item);
}

/* A row still loading shows "…", dimmed by its text's colour (alpha), not
 * by a style class: a class toggled on every cell as rows load and unload
 * restyles each cell twice per scrollbar jump. */
static PangoAttrList *
loading_attributes (void)
{
  static PangoAttrList *dimmed;   /* cells are filled on the main thread only */

  if (dimmed == NULL)
    {
      dimmed = pango_attr_list_new ();
      pango_attr_list_insert (dimmed, pango_attr_foreground_alpha_new (G_MAXUINT16 / 2));
    }

  return dimmed;
}

static void
fill_cell (HibachiBookingsView *self,
           GtkListItem         *item,
           Column               column)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (booking == NULL || inscription == NULL)
    return;

  if (!hibachi_booking_is_loaded (booking))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), "…");
      gtk_inscription_set_attributes (GTK_INSCRIPTION (inscription), loading_attributes ());
      return;
    }

  text = cell_text (self, booking, column);
  /* A longer reference than any shown so far (a booking made in the app,
   * "MH-" and eight characters, beside the demo's "MH-100398"): the column
   * is fitted to it, not cut "MH-F5JBA…". */
  if (column == COLUMN_REFERENCE && strlen (text) > (self->longest_reference ? strlen (self->longest_reference) : 0))
    {
      g_free (self->longest_reference);
      self->longest_reference = g_strdup (text);
      hibachi_bookings_view_queue_fit (self);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_inscription_set_attributes (GTK_INSCRIPTION (inscription), NULL);
  /* Who changed it meanwhile (from the change feed): on hover, and heard
   * with the reference by a screen reader. */
  {
    const char *actor = g_hash_table_lookup (self->changed_by, hibachi_booking_get_id (booking));
    g_autofree char *changed = actor ? g_strdup_printf (C_("bookings list", "Changed by %s"), actor) : NULL;

    /* Only when it differs: GTK 4.8 asks the X server where the pointer
     * is on every gtk_widget_set_tooltip_text(), a round trip per cell,
     * most of a page's cost when a page of rows arrives. */
    if (g_strcmp0 (changed, gtk_widget_get_tooltip_text (inscription)) != 0)
      gtk_widget_set_tooltip_text (inscription, changed);
    if (column == COLUMN_REFERENCE && changed != NULL)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (inscription), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, changed, -1);
        g_object_set_data (G_OBJECT (inscription), "hibachi-described", GINT_TO_POINTER (TRUE));
      }
    else if (column == COLUMN_REFERENCE && g_object_get_data (G_OBJECT (inscription), "hibachi-described") != NULL)
      {
        gtk_accessible_reset_property (GTK_ACCESSIBLE (inscription), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        g_object_set_data (G_OBJECT (inscription), "hibachi-described", NULL);
      }
  }
  /* Unassigned in the warning colour; the class changes only with it. */
  if (column == COLUMN_CHEF)
    {
      gboolean unassigned = hibachi_booking_get_chef_id (booking) == NULL;

      if (unassigned != gtk_widget_has_css_class (inscription, "warning"))
        {
          if (unassigned)
            gtk_widget_add_css_class (inscription, "warning");
          else
            gtk_widget_remove_css_class (inscription, "warning");
        }
    }
}

static void
row_changed_cb (HibachiBooking      *booking,
                HibachiBookingsView *self)
{
  HibachiBoundRow *row = g_hash_table_lookup (self->bound_rows, booking);

  if (row == NULL)
    return;
  /* The row's data arrived or changed: update its cells, no rebuild. A
   * row emptied while shown (a new query, a dropped page) asks for its
   * page. */
  if (row->cells[COLUMN_REFERENCE] != NULL && !hibachi_booking_is_loaded (booking))
    ask_for_page (row->cells[COLUMN_REFERENCE]);
  for (Column column = 0; column < N_COLUMNS; column++)
    if (row->cells[column] != NULL)
      fill_cell (self, row->cells[column], column);
}

void
hibachi_bookings_view_bind_cell_cb (GtkSignalListItemFactory *factory,
                                    GtkListItem              *item,
                                    HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  Column column = CELL_COLUMN (factory);
  HibachiBoundRow *row = g_hash_table_lookup (self->bound_rows, booking);

  if (row == NULL)
    {
      row = g_new0 (HibachiBoundRow, 1);
      row->handler = g_signal_connect (booking, "changed", G_CALLBACK (row_changed_cb), self);
      g_hash_table_insert (self->bound_rows, booking, row);
    }
  if (row->cells[column] == NULL)
    row->n_cells++;
  row->cells[column] = item;

  if (column == COLUMN_REFERENCE)
    ask_for_page (item);
  fill_cell (self, item, column);
}

void
hibachi_bookings_view_unbind_cell_cb (GtkSignalListItemFactory *factory,
                                      GtkListItem              *item,
                                      HibachiBookingsView      *self)
{
  HibachiBooking *booking = gtk_list_item_get_item (item);
  Column column = CELL_COLUMN (factory);
  HibachiBoundRow *row = booking != NULL ? g_hash_table_lookup (self->bound_rows, booking) : NULL;

  g_hash_table_remove (self->pending_rows, item);
  if (row == NULL || row->cells[column] != item)
    return;
  row->cells[column] = NULL;
  if (--row->n_cells == 0)
    {
      g_signal_handler_disconnect (booking, row->handler);
      g_hash_table_remove (self->bound_rows, booking);
    }
}

void
hibachi_bookings_view_forget_rows (HibachiBookingsView *self)
{
  GHashTableIter iter;
  gpointer booking, row;

  /* Bound cells are unbound as the column view goes; what is left is
   * disconnected here. */
  if (self->bound_rows == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &booking, &row))
    g_signal_handler_disconnect (booking, ((HibachiBoundRow *) row)->handler);
  g_hash_table_remove_all (self->bound_rows);
}

void
hibachi_bookings_view_refresh_row (HibachiBookingsView *self,
                                   HibachiResource     *row)
{
  HibachiBoundRow *bound = g_hash_table_lookup (self->bound_rows, row);

  /* Only the rows on screen (and some past it) are bound. */
  for (Column column = 0; bound != NULL && column < N_COLUMNS; column++)
    if (bound->cells[column] != NULL)
      fill_cell (self, bound->cells[column], column);
}

/* Sorting by header, on the server.
 *
 * The rows are sorted by the server, so a column's sorter never sorts: it
 * makes the header clickable and tells which column it belongs to. A click
 * makes that column the column view sorter's primary one (or inverts it),
 * and the sorter emits "changed". GTK 4.8 has no API that says which
 * column is primary now (gtk_column_view_sorter_get_primary_sort_column
 * came in 4.10), but the column view sorter compares two items with its
 * columns' sorters, primary first, and stops at the first that is not
 * EQUAL. So each sortable column gets a GtkCustomSorter whose function
 * writes its column's index into the first item and answers SMALLER: one
 * gtk_sorter_compare() of two probe objects names the primary column, and
 * the sign of the answer its order (LARGER: the column view inverted it,
 * descending). */

#define PROBE_KEY "hibachi-primary-column"

static int
probe_column_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  g_object_set_data ((GObject *) a, PROBE_KEY, user_data);
  return GTK_ORDERING_SMALLER;
}

/* The server's key of the headers' sort order, or NULL for none. */
static char *
dup_header_sort_key (HibachiBookingsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  guint index;
  gboolean descending;

#if GTK_CHECK_VERSION (4, 10, 0)
  GtkColumnViewColumn *primary = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));

  if (primary == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (primary), PROBE_KEY));
  descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) == GTK_SORT_DESCENDING;
#else
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order = gtk_sorter_compare (sorter, first, second);

  index = GPOINTER_TO_UINT (g_object_get_data (first, PROBE_KEY));
  descending = order == GTK_ORDERING_LARGER;
#endif
  /* Indices are stored + 1: 0 is no sortable column. */
  if (index == 0 || index > G_N_ELEMENTS (column_sort) || column_sort[index - 1] == NULL)
    return NULL;

  return g_strconcat (descending ? "-" : "", column_sort[index - 1], NULL);
}

/* A header was clicked: the drop-down takes its order, and the query with it. */
static void
header_sort_changed_cb (GtkSorter           *sorter,
                        GtkSorterChange      change,
                        HibachiBookingsView *self)
{
  g_autofree char *key = NULL;

  /* Columns leaving a column view being destroyed change its sorter too. */
  if (self->showing_sort || self->column_view == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  key = dup_header_sort_key (self);
  if (key != NULL)
    hibachi_bookings_view_set_sort_key (self, key);
  /* The sorted column's header shows an arrow: room for it. */
  if (self->list_width > 0)
    hibachi_bookings_view_fit_columns (self, self->list_width);
}

void
hibachi_bookings_view_show_sort (HibachiBookingsView *self)
{
  const char *key = hibachi_bookings_view_get_sort_key (self);
  gboolean descending = key[0] == '-';
  g_autofree char *shown = dup_header_sort_key (self);
  GListModel *list = gtk_column_view_get_columns (self->column_view);

  if (g_strcmp0 (shown, key) == 0)
    return;

  self->showing_sort = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (list) && i < G_N_ELEMENTS (column_sort); i++)
    if (g_strcmp0 (column_sort[i], descending ? key + 1 : key) == 0)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

        gtk_column_view_sort_by_column (self->column_view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      }
  self->showing_sort = FALSE;
  if (self->list_width > 0)
    hibachi_bookings_view_fit_columns (self, self->list_width);
}

void
hibachi_bookings_view_add_columns (HibachiBookingsView *self)
{
  GListModel *list = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (list) == G_N_ELEMENTS (column_sort));
  for (guint i = 0; i < G_N_ELEMENTS (column_sort); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      g_object_set_qdata (G_OBJECT (gtk_column_view_column_get_factory (column)), column_quark (), GUINT_TO_POINTER (i));
      if (sorter != NULL && column_sort[i] != NULL)
        {
          g_object_set_data (G_OBJECT (column), PROBE_KEY, GUINT_TO_POINTER (i + 1));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_column_cb, GUINT_TO_POINTER (i + 1), NULL);
        }
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (header_sort_changed_cb), self, 0);
  hibachi_bookings_view_show_sort (self);
}

/* When the list is narrow, columns give way from the end of this list (a
 * column after one that does not fit does not show either). What tells
 * bookings apart, the first N_KEPT, always shows: narrower than those
 * (a phone-sized window), the list scrolls sideways to them. */
#define N_KEPT 4
static const Column column_priority[] = {
  COLUMN_REFERENCE, COLUMN_DATE, COLUMN_CUSTOMER, COLUMN_STATUS, COLUMN_SLOT,
  COLUMN_CHEF, COLUMN_TOTAL, COLUMN_GUESTS, COLUMN_STATION, COLUMN_CREATED,
};

static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* What a cell adds beside its text (the theme's padding, more in the
 * first and last columns), from the cells on screen; before any, a
 * generous guess. */
static int
cell_padding (HibachiBookingsView *self)
{
  GHashTableIter iter;
  gpointer bound;
  int padding = -1;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, NULL, &bound))
    for (Column column = 0; column < N_COLUMNS; column++)
      {
        GtkListItem *item = ((HibachiBoundRow *) bound)->cells[column];
        GtkWidget *text = item != NULL ? gtk_list_item_get_child (item) : NULL;
        GtkWidget *cell = text != NULL ? gtk_widget_get_parent (text) : NULL;
        graphene_rect_t bounds;

        if (cell != NULL && gtk_widget_get_mapped (text) && gtk_widget_compute_bounds (cell, cell, &bounds))
          padding = MAX (padding, (int) (bounds.size.width + 0.5) - gtk_widget_get_width (text));
      }

  return padding >= 0 ? padding : 24;
}

/* The widest of a column's values, when they are few: every status, a
 * date of each month and weekday ("Wed 10 Jun 2026"), a total under
 * $10,000. */
static int
widest_value (GtkWidget *widget,
              Column     index)
{
  static const char * const statuses[] = { "pending", "confirmed", "completed", "cancelled" };
  int widest = 0;

  switch (index)
    {
    case COLUMN_STATUS:
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        widest = MAX (widest, text_width (widget, hibachi_booking_status_label (statuses[i]), FALSE));
      break;
    case COLUMN_DATE:
      for (int month = 1; month <= 12; month++)
        for (int day = 10; day < 17; day++)
          {
            g_autofree char *iso = g_strdup_printf ("2026-%02d-%02d", month, day);
            g_autofree char *shown = hibachi_date_format_day (iso);

            widest = MAX (widest, text_width (widget, shown, FALSE));
          }
      break;
    case COLUMN_TOTAL:
      {
        g_autofree char *total = hibachi_format_cents (999999);

        widest = text_width (widget, total, FALSE);
      }
      break;
    case COLUMN_REFERENCE:
    case COLUMN_SLOT:
    case COLUMN_CUSTOMER:
    case COLUMN_GUESTS:
    case COLUMN_STATION:
    case COLUMN_CHEF:
    case COLUMN_CREATED:
    default:
      break;
    }

  return widest;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* The column the headers sort by, or -1. */
static int
sorted_column (HibachiBookingsView *self)
{
  g_autofree char *key = dup_header_sort_key (self);
  const char *name = key != NULL && key[0] == '-' ? key + 1 : key;

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (column_sort); i++)
    if (g_strcmp0 (column_sort[i], name) == 0)
      return (int) i;

  return -1;
}

/* What a column needs for its header: its title in the header's font, the
 * header's padding on both sides, and the sort arrow when the list is
 * sorted by it; before the header is laid out, the title in bold and a
 * cell's padding. */
static int
title_width (HibachiBookingsView *self,
             GtkColumnViewColumn *column,
             Column               index,
             int                  padding)
{
  const char *title = gtk_column_view_column_get_title (column);
  /* The header is the column view's first child; the rows follow it. */
  GtkWidget *label = find_label (gtk_widget_get_first_child (GTK_WIDGET (self->column_view)), title);

  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);
      GtkWidget *content = gtk_widget_get_first_child (w);
      graphene_rect_t inside, outside;
      int natural;

      if (parent == NULL || g_strcmp0 (gtk_widget_get_css_name (parent), "header") != 0)
        continue;
      /* The header itself asks for its column's width, not its title's;
       * its content overflows it when cut, so the padding is taken on the
       * left, twice. The content keeps room for an arrow even when it
       * shows none. */
      if (content == NULL || gtk_widget_get_width (content) == 0 ||
          !gtk_widget_compute_bounds (content, w, &inside) || !gtk_widget_compute_bounds (w, w, &outside))
        break;
      gtk_widget_measure ((int) index == sorted_column (self) ? content : label, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      return natural + 2 * (int) (inside.origin.x - outside.origin.x + 0.5);
    }

  return text_width (GTK_WIDGET (self->column_view), title, TRUE) + padding;
}

/* Wide enough for its title and its widest value in this language: the
 * .ui's width, more for a longer translation ("Completada", "Invitados"). */
static int
column_width (HibachiBookingsView *self,
              GtkColumnViewColumn *column,
              Column               index,
              int                  padding)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "hibachi-ui-width"));
  int title = title_width (self, column, index, padding);
  int widest;

  if (width == 0)
    {
      width = gtk_column_view_column_get_fixed_width (column);
      g_object_set_data (G_OBJECT (column), "hibachi-ui-width", GINT_TO_POINTER (width));
    }

  /* The values stay the same: measured once, stored + 1 (0: not yet);
   * but references, the longest shown so far. */
  widest = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "hibachi-widest"));
  if (index == COLUMN_REFERENCE)
    widest = (self->longest_reference != NULL ? text_width (widget, self->longest_reference, FALSE) : 0) + 1;
  else if (widest == 0)
    {
      widest = widest_value (widget, index) + 1;
      g_object_set_data (G_OBJECT (column), "hibachi-widest", GINT_TO_POINTER (widest));
    }

  return MAX (width, MAX (title, widest - 1 + padding));
}

void
hibachi_bookings_view_fit_columns (HibachiBookingsView *self,
                                   int                  width)
{
  GListModel *shown = gtk_column_view_get_columns (self->column_view);
  int fits[G_N_ELEMENTS (column_sort)] = { 0, };   /* px, 0: hidden */
  int padding = cell_padding (self);
  int used = 0;

  g_assert (G_N_ELEMENTS (column_priority) == G_N_ELEMENTS (column_sort));
  /* Customer expands into what is left, and ellipsizes. */
  for (guint p = 0; p < G_N_ELEMENTS (column_priority); p++)
    {
      Column index = column_priority[p];
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, index);
      int needed = column_width (self, column, index, padding);

      if (p >= N_KEPT && used + needed > width)
        break;
      fits[index] = needed;
      used += needed;
    }
  /* A hidden column is 0 px wide: GTK 4.8 counts hidden columns' widths in
   * the width the columns need, and would give Customer none of what is
   * left. */
  for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, i);

      gtk_column_view_column_set_fixed_width (column, fits[i]);
      gtk_column_view_column_set_visible (column, fits[i] > 0);
    }
}
