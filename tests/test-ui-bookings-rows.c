/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings list at scale, in the window against a real server: the
 * rows it makes objects for are those on screen and those of the pages it
 * loaded, whatever the view does meanwhile. */
#include "config.h"

#include "hibachi-booking-detail.h"
#include "hibachi-paged-list-private.h"
#include "hibachi-test-app.h"
#include "hibachi-test-server.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-window.h"

#define N_BOOKINGS 3000

/* Rows of @list that hold an object (loaded, or asked for by a view). */
static guint
n_row_objects (HibachiPagedList *list)
{
  guint n = 0;

  for (guint i = 0; i < list->items->len; i++)
    n += g_ptr_array_index (list->items, i) != NULL;
  return n;
}

/* How many rows the column view's model had when it first had any. */
static void
first_rows_cb (GListModel *model, guint position, guint removed, guint added, guint *first)
{
  if (*first == 0)
    *first = g_list_model_get_n_items (model);
}

static void
model_set_cb (GtkColumnView *column_view, GParamSpec *pspec, guint *first)
{
  GtkSelectionModel *model = gtk_column_view_get_model (column_view);

  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (first_rows_cb), first);
}

typedef struct
{
  guint loading;      /* "…": a row whose page has not come */
  guint unassigned;   /* a loaded row without a chef */
  guint other;
} Cells;

/* Every cell the column view holds, as a person sees it: a row still
 * loading says "…" in a dimmed colour, Unassigned is in the warning
 * colour, the rest in the text colour. */
static void
look_at_cells (GtkWidget *widget, Cells *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    look_at_cells (child, cells);
  if (!GTK_IS_INSCRIPTION (widget))
    return;
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "…") == 0)
    {
      PangoAttrList *attributes = gtk_inscription_get_attributes (GTK_INSCRIPTION (widget));
      g_autoptr(PangoAttrIterator) iter = NULL;

      g_assert_nonnull (attributes);
      iter = pango_attr_list_get_iterator (attributes);
      g_assert_nonnull (pango_attr_iterator_get (iter, PANGO_ATTR_FOREGROUND_ALPHA));
      g_assert_false (gtk_widget_has_css_class (widget, "warning"));
      cells->loading++;
    }
  else if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "Unassigned") == 0)
    {
      g_assert_true (gtk_widget_has_css_class (widget, "warning"));
      g_assert_null (gtk_inscription_get_attributes (GTK_INSCRIPTION (widget)));
      cells->unassigned++;
    }
  else
    {
      g_assert_false (gtk_widget_has_css_class (widget, "warning"));
      g_assert_null (gtk_inscription_get_attributes (GTK_INSCRIPTION (widget)));
      cells->other++;
    }
}

/* Each test: a server with N_BOOKINGS, the app, and its window restoring
 * a session signed in before, at 1400 x 860. */
typedef HibachiTestAppFixture Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->app = hibachi_test_application (f->ts);
  hibachi_test_remember_session (f->ts, f->app, "owner@demo.test");
  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 860);
}

/* A booking open in the pane while pages load: after each load the view
 * looks for the open booking's row (to keep it selected), and must not make
 * an object for every row to do so. */
static void
test_open_booking_keeps_rows_few (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  HibachiBookingsView *view;
  HibachiPagedList *list = NULL;
  GtkSelectionModel *selection;
  HibachiBookingDetail *detail;
  guint n, first_rows = 0;

  view = hibachi_window_get_bookings_view (window);
  g_signal_connect (hibachi_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), "notify::model",
                    G_CALLBACK (model_set_cb), &first_rows);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR ((list = hibachi_bookings_view_get_list (view)) != NULL && !hibachi_paged_list_get_loading (list) &&
            g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 8 * HIBACHI_PAGED_LIST_PAGE_SIZE);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (hibachi_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW)));
  /* The first rows came as a screenful (860 px: at most 43 rows of 20 px;
   * GTK 4.8 would build 200 at once), then, once painted, all of them. */
  g_assert_cmpuint (first_rows, >, 0);
  g_assert_cmpuint (first_rows, <=, 860 / 20);
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (selection)) == n);

  /* Open the last booking: the pane shows it. */
  hibachi_paged_list_ensure (list, n - 1);
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
  gtk_selection_model_select_item (selection, n - 1, TRUE);
  detail = HIBACHI_BOOKING_DETAIL (hibachi_test_find_type (GTK_WIDGET (view), HIBACHI_TYPE_BOOKING_DETAIL));
  WAIT_FOR (hibachi_booking_detail_get_booking (detail) != NULL && gtk_widget_get_mapped (GTK_WIDGET (detail)));

  /* Another page loads (the view scrolled): the booking stays selected,
   * and the rows with objects stay those of the pages loaded and the
   * screen, not every row up to the open one. */
  hibachi_paged_list_ensure (list, n / 2);
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
  hibachi_test_pause_ms (300);
  g_assert_true (gtk_selection_model_is_selected (selection, n - 1));
  g_assert_nonnull (hibachi_booking_detail_get_booking (detail));
  g_assert_cmpuint (n_row_objects (list), <=, 4 * HIBACHI_PAGED_LIST_PAGE_SIZE);
}

/* The cells as a person sees them while pages come in, and after. */
static void
test_cells_while_loading (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  HibachiBookingsView *view;
  HibachiPagedList *list = NULL;
  Cells cells = { 0 };
  GtkWidget *column_view;

  gtk_window_present (GTK_WINDOW (window));
  view = hibachi_window_get_bookings_view (window);
  column_view = hibachi_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  WAIT_FOR ((list = hibachi_bookings_view_get_list (view)) != NULL && !hibachi_paged_list_get_loading (list) &&
            g_list_model_get_n_items (G_LIST_MODEL (list)) > 2 * HIBACHI_PAGED_LIST_PAGE_SIZE &&
            g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))) ==
            g_list_model_get_n_items (G_LIST_MODEL (list)));
  hibachi_test_pause_ms (200);

  /* GTK 4.8 binds 200 rows: those past the screen wait for their page. */
  look_at_cells (column_view, &cells);
#if !GTK_CHECK_VERSION (4, 12, 0)
  g_assert_cmpuint (cells.loading, >, 0);
#endif
  g_assert_cmpuint (cells.unassigned, >, 0);
  g_assert_cmpuint (cells.other, >, 0);

  /* Their pages come: no "…" any more, and each cell in its colour. */
  hibachi_paged_list_ensure (list, HIBACHI_PAGED_LIST_PAGE_SIZE);
  hibachi_paged_list_ensure (list, 2 * HIBACHI_PAGED_LIST_PAGE_SIZE);
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
  hibachi_test_pause_ms (200);
  cells = (Cells) { 0 };
  look_at_cells (column_view, &cells);
  g_assert_cmpuint (cells.loading, ==, 0);
  g_assert_cmpuint (cells.unassigned, >, 0);
}

/* "…" cells a person sees: those inside the list's viewport. */
static guint
loading_cells_in_view (GtkWidget *widget,
                       GtkWidget *viewport)
{
  graphene_rect_t bounds;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += loading_cells_in_view (child, viewport);
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "…") == 0 &&
      gtk_widget_compute_bounds (widget, viewport, &bounds) &&
      bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (viewport))
    n++;
  return n;
}

static void
painted_cb (GdkFrameClock *clock, guint *n)
{
  (*n)++;
}

/* The restored window's list, shown with every row laid out and no page
 * loading; returns how many rows it has. */
static guint
show_list (HibachiWindow     *window,
           HibachiPagedList **list,
           GtkWidget        **column_view,
           GtkAdjustment    **adjustment)
{
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  *column_view = hibachi_test_find_type (GTK_WIDGET (hibachi_window_get_bookings_view (window)), GTK_TYPE_COLUMN_VIEW);
  *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (*column_view));
  WAIT_FOR ((*list = hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (window))) != NULL &&
            !hibachi_paged_list_get_loading (*list) && g_list_model_get_n_items (G_LIST_MODEL (*list)) > 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (*list));
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (*column_view)))) == n &&
            gtk_adjustment_get_upper (*adjustment) > gtk_adjustment_get_page_size (*adjustment));
  hibachi_test_pause_ms (200);
  WAIT_FOR (!hibachi_paged_list_get_loading (*list));
  return n;
}

/* Paging down through the list: the next screenful's page was asked for
 * while the one before was shown, so its rows are there when it is shown,
 * not "…" until the server answers. */
static void
test_page_down_rows_ready (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  HibachiPagedList *list = NULL;
  GtkWidget *column_view, *viewport;
  GtkAdjustment *adjustment;
  double row_height;
  guint n, painted = 0, first_shown;

  n = show_list (window, &list, &column_view, &adjustment);
  viewport = gtk_widget_get_parent (column_view);
  row_height = gtk_adjustment_get_upper (adjustment) / n;

  /* The screen ends a few rows before the first page does. */
  first_shown = HIBACHI_PAGED_LIST_PAGE_SIZE - 5 - (guint) (gtk_adjustment_get_page_size (adjustment) / row_height);
  gtk_adjustment_set_value (adjustment, first_shown * row_height);
  hibachi_test_pause_ms (300);
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
  g_assert_cmpuint (loading_cells_in_view (column_view, viewport), ==, 0);

  /* Page Down: the first frame shows the rows of the second page. */
  g_signal_connect (gtk_widget_get_frame_clock (column_view), "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  WAIT_FOR (painted > 0);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (column_view), painted_cb, &painted);
  g_assert_cmpuint (loading_cells_in_view (column_view, viewport), ==, 0);
}

/* The page of @position is in, or asked for. */
static gboolean
page_asked (HibachiPagedList *list, guint position)
{
  HibachiResource *row = position < list->items->len ? g_ptr_array_index (list->items, position) : NULL;

  return (row != NULL && hibachi_resource_is_loaded (row)) ||
         g_hash_table_contains (list->pages_loading, GUINT_TO_POINTER (position / HIBACHI_PAGED_LIST_PAGE_SIZE));
}

/* Scrolling steadily, down and then up: as the list moves, before GTK lays
 * out and binds the rows, the pages of the rows it shows and the four
 * pages past them in the way it scrolls are asked for, so that at a screen
 * per frame rows are in when they are bound (not "…", then filled again). */
static void
test_scrolling_reads_ahead (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  HibachiPagedList *list = NULL;
  GtkWidget *column_view;
  GtkAdjustment *adjustment;
  double row_height, page_size, start;
  guint n, first, last;

  n = show_list (window, &list, &column_view, &adjustment);
  g_assert_cmpuint (n, >, 10 * HIBACHI_PAGED_LIST_PAGE_SIZE);
  row_height = gtk_adjustment_get_upper (adjustment) / n;
  page_size = gtk_adjustment_get_page_size (adjustment);
  start = gtk_adjustment_get_value (adjustment);
  g_test_message ("value %.0f, page size %.0f, upper %.0f, %u rows", start, page_size,
                  gtk_adjustment_get_upper (adjustment), n);

  /* Down a screen: no frame yet, the pages are asked for already. */
  gtk_adjustment_set_value (adjustment, start + page_size);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, start + page_size);
  last = (guint) ((start + 2 * page_size) / row_height);
  for (guint i = 0; i <= 4; i++)
    g_assert_true (page_asked (list, last + i * HIBACHI_PAGED_LIST_PAGE_SIZE));
  WAIT_FOR (!hibachi_paged_list_get_loading (list));

  /* The scrollbar to the end: a jump reads nothing ahead as it is made
   * (GTK may move the list by a row or two once laid out, which reads on
   * from there); its rows ask once laid out. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  first = (guint) ((gtk_adjustment_get_upper (adjustment) - page_size) / row_height);
  g_assert_false (page_asked (list, first - 2 * HIBACHI_PAGED_LIST_PAGE_SIZE));
  hibachi_test_pause_ms (300);
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
  g_assert_true (page_asked (list, first));

  /* Up a screen: the four pages above are asked for. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - page_size);
  first = (guint) (gtk_adjustment_get_value (adjustment) / row_height);
  for (guint i = 0; i <= 4; i++)
    g_assert_true (page_asked (list, first - i * HIBACHI_PAGED_LIST_PAGE_SIZE));
  WAIT_FOR (!hibachi_paged_list_get_loading (list));
}

/* How many handlers @booking's "changed" has: each found is blocked so the
 * next search finds another, then all are unblocked. */
static guint
changed_handlers (gpointer booking)
{
  guint id = g_signal_lookup ("changed", G_OBJECT_TYPE (booking));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gulong));
  gulong handler;

  while ((handler = g_signal_handler_find (booking, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED, id, 0, NULL, NULL,
                                           NULL)) != 0)
    {
      g_signal_handler_block (booking, handler);
      g_array_append_val (found, handler);
    }
  for (guint i = 0; i < found->len; i++)
    g_signal_handler_unblock (booking, g_array_index (found, gulong, i));
  return found->len;
}

/* A shown row's cells follow its booking through one handler, not one per
 * cell (ten connected and disconnected per row bound: 2.5 ms of a
 * scrollbar jump's frame), and it goes when the row scrolls away. */
static void
test_one_handler_per_row (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  HibachiPagedList *list = NULL;
  g_autoptr(GObject) booking = NULL;
  GtkWidget *column_view;
  GtkAdjustment *adjustment;
  guint n;

  n = show_list (window, &list, &column_view, &adjustment);
  /* Not the first: the list keeps the row with the focus bound. */
  booking = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_assert_true (hibachi_resource_is_loaded (HIBACHI_RESOURCE (booking)));
  g_assert_cmpuint (changed_handlers (booking), ==, 1);

  /* Scrolled far away, its row is unbound: nothing is left connected. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  WAIT_FOR (changed_handlers (booking) == 0);
  g_assert_cmpuint (n, >, 300);
}

/* The child of a node that wraps one (a transform, a clip...), or NULL. */
static GskRenderNode *
wrapped_child (GskRenderNode *node)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TRANSFORM_NODE: return gsk_transform_node_get_child (node);
    case GSK_CLIP_NODE: return gsk_clip_node_get_child (node);
    case GSK_ROUNDED_CLIP_NODE: return gsk_rounded_clip_node_get_child (node);
    case GSK_OPACITY_NODE: return gsk_opacity_node_get_child (node);
    case GSK_DEBUG_NODE: return gsk_debug_node_get_child (node);
    default: return NULL;
    }
}

/* The border nodes under @node, depth first. */
static void
collect_borders (GskRenderNode *node, GPtrArray *borders)
{
  GskRenderNode *child;

  if (gsk_render_node_get_node_type (node) == GSK_BORDER_NODE)
    g_ptr_array_add (borders, node);
  else if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_borders (gsk_container_node_get_child (node, i), borders);
  else if ((child = wrapped_child (node)) != NULL)
    collect_borders (child, borders);
}

static gboolean
is_list_row (GtkWidget *widget, gconstpointer data)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return g_str_equal (gtk_widget_get_css_name (widget), "row") && parent != NULL &&
         g_str_equal (gtk_widget_get_css_name (parent), "listview");
}

/* The separator colour of a row: asserts every border under it is of one
 * colour on all four sides, and that it has a separator. */
static GdkRGBA
row_separator_colour (GtkWidget *row)
{
  g_autoptr(GPtrArray) borders = g_ptr_array_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkRGBA separator = { 0 };
  guint separators = 0;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (row), gtk_widget_get_height (row));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  collect_borders (node, borders);
  for (guint i = 0; i < borders->len; i++)
    {
      const float *widths = gsk_border_node_get_widths (g_ptr_array_index (borders, i));
      const GdkRGBA *colors = gsk_border_node_get_colors (g_ptr_array_index (borders, i));

      if (widths[0] + widths[1] + widths[2] + widths[3] == 0)
        continue;
      g_test_message ("border %g %g %g %g: %s %s %s %s", widths[0], widths[1], widths[2], widths[3],
                      gdk_rgba_to_string (&colors[0]), gdk_rgba_to_string (&colors[1]), gdk_rgba_to_string (&colors[2]),
                      gdk_rgba_to_string (&colors[3]));
      for (guint side = 1; side < 4; side++)
        g_assert_true (gdk_rgba_equal (&colors[0], &colors[side]));
      separator = colors[0];
      separators++;
    }
  /* The row has its separator: the test saw what it is about. */
  g_assert_cmpuint (separators, >, 0);
  return separator;
}

/* A row's borders (its separator, its cells' gaps) are each of one colour
 * on all four sides. With sides of several colours (libadwaita colours
 * only one) GTK's cairo renderer paints each through a mesh gradient over
 * the whole row or cell: 3-5 ms of each scroll frame (ui-100k). In high
 * contrast the separator stays as strong as libadwaita makes it there. */
static void
test_row_separators_one_colour (Fixture *f, gconstpointer data)
{
  HibachiWindow *window = f->window;
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) a11y = g_settings_schema_source_lookup (schemas, "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr(GSettings) interface = NULL;
  HibachiPagedList *list = NULL;
  GtkWidget *column_view, *row;
  GtkAdjustment *adjustment;
  GdkRGBA normal, high;

  show_list (window, &list, &column_view, &adjustment);
  row = hibachi_test_find_mapped (column_view, is_list_row, NULL);
  g_assert_nonnull (row);
  normal = row_separator_colour (row);

  if (a11y == NULL || !g_settings_schema_has_key (a11y, "high-contrast"))
    {
      g_test_message ("no org.gnome.desktop.a11y.interface here: high contrast not checked");
      return;
    }
  interface = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (interface, "high-contrast", TRUE);
  WAIT_FOR (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  hibachi_test_pause_ms (100);
  high = row_separator_colour (row);
  g_settings_set_boolean (interface, "high-contrast", FALSE);
  WAIT_FOR (!adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  g_assert_cmpfloat (high.alpha, >, 2 * normal.alpha);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, hibachi_test_app_fixture_teardown)
  ADD ("/hibachi/ui/bookings-rows/open-booking-keeps-rows-few", test_open_booking_keeps_rows_few);
  ADD ("/hibachi/ui/bookings-rows/cells-while-loading", test_cells_while_loading);
  ADD ("/hibachi/ui/bookings-rows/page-down-rows-ready", test_page_down_rows_ready);
  ADD ("/hibachi/ui/bookings-rows/scrolling-reads-ahead", test_scrolling_reads_ahead);
  ADD ("/hibachi/ui/bookings-rows/row-separators-one-colour", test_row_separators_one_colour);
  ADD ("/hibachi/ui/bookings-rows/one-handler-per-row", test_one_handler_per_row);
#undef ADD
  status = g_test_run ();
  hibachi_test_application_release ();

  return status;
}
