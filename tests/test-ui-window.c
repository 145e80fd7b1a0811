/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's sidebar and content, wide and narrow, against a real
 * hibachi-server under Xvfb. Each stack runs its own path of
 * HibachiSplitLayout: a layout of its own on libadwaita 1.2, the navigation
 * split view with its breakpoint on ≥ 1.4. */
#include "config.h"

#include "hibachi-test-app.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-test-x11.h"
#include "hibachi-split-layout.h"
#include "hibachi-toast.h"
#include "hibachi-window.h"

#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer  *ts;
  HibachiApplication *app;
  HibachiWindow      *window;
} Fixture;

/* A back button, the window's own or one a header bar shows itself. */
static gboolean
is_back_button (GtkWidget *widget, gconstpointer unused)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0;
}

/* What a person sees: the sidebar (its Bookings row), the page (its column
 * view). */
static gboolean
sidebar_shown (Fixture *f)
{
  return hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_row_named, "bookings") != NULL;
}

static gboolean
page_shown (Fixture *f)
{
  return hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)) != NULL;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (60);
  f->app = hibachi_test_application (f->ts);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hibachi_test_pause_ms (100);
  hibachi_test_server_stop (f->ts);
}

/* The window gets no narrower than its widest page needs alone. */
static void
resize (Fixture *f, int width, int height)
{
  int before = gtk_widget_get_width (GTK_WIDGET (f->window));

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->window)) != before);
  /* The breakpoint applies on the next frame. */
  hibachi_test_pause_ms (300);
}

static void
sign_in (Fixture *f, int width, int height)
{
  GtkWidget *root;
  GtkWidget *email, *password;

  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  root = GTK_WIDGET (f->window);
  /* The first entry row is the server's; the email follows it. */
  email = gtk_widget_get_next_sibling (hibachi_test_find_mapped (root, hibachi_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW)));
  password = hibachi_test_find_mapped (root, hibachi_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_PASSWORD_ENTRY_ROW));
  g_assert_true (ADW_IS_ENTRY_ROW (email));
  gtk_editable_set_text (GTK_EDITABLE (email), OWNER);
  gtk_editable_set_text (GTK_EDITABLE (password), HIBACHI_DEMO_PASSWORD);
  g_signal_emit_by_name (password, "entry-activated");
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  hibachi_test_pause_ms (300);
}

/* Wide: the sidebar beside the page, and nothing to go back to. */
static void
assert_side_by_side (Fixture *f)
{
  WAIT_FOR (sidebar_shown (f) && page_shown (f) && hibachi_test_find_mapped (GTK_WIDGET (f->window), is_back_button, NULL) == NULL);
}

/* Narrow: the page alone with a back button to the sidebar, the sidebar
 * alone, and a row of it back to its page. */
static void
assert_one_at_a_time (Fixture *f)
{
  GtkWidget *back = NULL, *row;

  /* Each shows once laid out: waited for, never timed. */
  WAIT_FOR (page_shown (f) && !sidebar_shown (f) &&
            (back = hibachi_test_find_mapped (GTK_WIDGET (f->window), is_back_button, NULL)) != NULL);
  gtk_widget_activate (back);
  WAIT_FOR (sidebar_shown (f) && !page_shown (f) && hibachi_test_find_mapped (GTK_WIDGET (f->window), is_back_button, NULL) == NULL);
  row = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_row_named, "bookings");
  g_assert_nonnull (row);
#if !ADW_CHECK_VERSION (1, 4, 0)
  /* libadwaita 1.2: the keyboard is on the row of the page it came from…
   * (On 1.7 the split view's navigation view leaves no focus after going
   * back, whatever the window grabs: not followed further here.) */
  WAIT_FOR (gtk_window_get_focus (GTK_WINDOW (f->window)) == row);
#endif

  g_signal_emit_by_name (row, "activate");
  WAIT_FOR (page_shown (f) && !sidebar_shown (f));
#if !ADW_CHECK_VERSION (1, 4, 0)
  /* …and then in the page. */
  WAIT_FOR (gtk_window_get_focus (GTK_WINDOW (f->window)) != NULL &&
            gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                    hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_type,
                                                              GSIZE_TO_POINTER (HIBACHI_TYPE_PAGE))));
#endif
}

static void
test_wide (Fixture *f, gconstpointer data)
{
  sign_in (f, 1280, 800);
  assert_side_by_side (f);
}

static void
test_narrow (Fixture *f, gconstpointer data)
{
  sign_in (f, 360, 700);
  assert_one_at_a_time (f);
}

/* Resizing a signed-in window folds and unfolds it. */
static void
test_resize (Fixture *f, gconstpointer data)
{
  sign_in (f, 1280, 800);
  assert_side_by_side (f);
  resize (f, 360, 700);
  assert_one_at_a_time (f);
  resize (f, 1280, 800);
  assert_side_by_side (f);
}

#if !ADW_CHECK_VERSION (1, 4, 0)
/* libadwaita 1.2: the split layout is the app's own. */

/* Frames that laid something out, and the one being painted. */
typedef struct
{
  guint    frames;
  gboolean laid_out;
} Layouts;

static void
layout_cb (GdkFrameClock *clock, Layouts *layouts)
{
  layouts->laid_out = TRUE;
}

static void
painted_cb (GdkFrameClock *clock, Layouts *layouts)
{
  layouts->frames += layouts->laid_out ? 1 : 0;
  layouts->laid_out = FALSE;
}

/* A resize inside the page (a page of rows, a search's answer, a label) is
 * laid out in one frame: the split layout changes no style as it lays out,
 * which would restyle the window in a frame of its own. libadwaita 1.2's
 * leaflet did, on every page of rows. (GTK 4.18 with libadwaita 1.7: five
 * resizes in a row take 1, 1, 2, 1, 1 frames. Something in GTK lays out
 * once about a second after the window settles, and one resize meets it;
 * no style class or size changes around it. Not a cost per resize, but it
 * keeps this check to the 1.2 path.) */
static void
test_resize_one_frame (Fixture *f, gconstpointer data)
{
  GdkFrameClock *clock;
  Layouts layouts = { 0 };
  GtkWidget *page;

  sign_in (f, 1280, 800);
  assert_side_by_side (f);
  page = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));
  clock = gtk_widget_get_frame_clock (page);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &layouts);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (painted_cb), &layouts);

  /* Until what signing in started (rows, icons, the sidebar) is over. */
  for (guint i = 0; i < 50 && (i == 0 || layouts.frames > 0); i++)
    {
      layouts.frames = 0;
      hibachi_test_pause_ms (300);
    }
  g_assert_cmpuint (layouts.frames, ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      layouts.frames = 0;
      gtk_widget_queue_resize (page);
      WAIT_FOR (layouts.frames > 0);
      hibachi_test_pause_ms (300);
      g_assert_cmpuint (layouts.frames, ==, 1);
    }
  g_signal_handlers_disconnect_by_data (clock, &layouts);
}

/* Narrow, Alt+← (→ right to left) and the mouse's back button go back from
 * the page to the sidebar, with the keyboard on the page's row, as the back
 * button does: one action of the window. Real keys and buttons (XTest), so
 * the page's own bindings see them first. (On ≥ 1.4 the split view's
 * navigation view has these shortcuts itself.) */
static void
test_back_key (Fixture *f, gconstpointer data)
{
  GtkWidget *window, *row, *search;

  sign_in (f, 360, 700);
  window = GTK_WIDGET (f->window);
  WAIT_FOR (page_shown (f) && !sidebar_shown (f));
  hibachi_test_x_focus (window);
  search = hibachi_test_find_mapped (window, hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_widget_grab_focus (search);

  /* Alt+→ is forward: nothing. Alt+← from the search goes back. */
  hibachi_test_x_key (window, GDK_KEY_Right, GDK_KEY_Alt_L);
  hibachi_test_pause_ms (300);
  g_assert_true (page_shown (f) && !sidebar_shown (f));
  hibachi_test_x_key (window, GDK_KEY_Left, GDK_KEY_Alt_L);
  WAIT_FOR (sidebar_shown (f) && !page_shown (f));
  row = hibachi_test_find_mapped (window, hibachi_test_is_row_named, "bookings");
  WAIT_FOR (gtk_window_get_focus (GTK_WINDOW (window)) == row);
  /* Nothing further back. */
  hibachi_test_x_key (window, GDK_KEY_Left, GDK_KEY_Alt_L);
  hibachi_test_pause_ms (300);
  g_assert_true (sidebar_shown (f) && !page_shown (f));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == row);

  /* The mouse's back button, over the page. */
  g_signal_emit_by_name (row, "activate");
  WAIT_FOR (page_shown (f) && !sidebar_shown (f));
  hibachi_test_x_button (hibachi_test_find_mapped (window, hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)), 8);
  WAIT_FOR (sidebar_shown (f) && !page_shown (f));
  WAIT_FOR (gtk_window_get_focus (GTK_WINDOW (window)) == row);

  /* Wide, there is no back: the key changes nothing. */
  resize (f, 1280, 800);
  assert_side_by_side (f);
  gtk_widget_grab_focus (search);
  hibachi_test_x_key (window, GDK_KEY_Left, GDK_KEY_Alt_L);
  hibachi_test_pause_ms (300);
  assert_side_by_side (f);

  /* Right to left the arrows trade places: Alt+← is forward, Alt+→ back. */
  gtk_widget_set_direction (window, GTK_TEXT_DIR_RTL);
  resize (f, 360, 700);
  WAIT_FOR (sidebar_shown (f) || page_shown (f));
  g_signal_emit_by_name (row, "activate");
  WAIT_FOR (page_shown (f) && !sidebar_shown (f));
  gtk_widget_grab_focus (search);
  hibachi_test_x_key (window, GDK_KEY_Left, GDK_KEY_Alt_L);
  hibachi_test_pause_ms (300);
  g_assert_true (page_shown (f) && !sidebar_shown (f));
  hibachi_test_x_key (window, GDK_KEY_Right, GDK_KEY_Alt_L);
  WAIT_FOR (sidebar_shown (f) && !page_shown (f));
  WAIT_FOR (gtk_window_get_focus (GTK_WINDOW (window)) == row);
}
#endif

static const char *
shown_page (Fixture *f)
{
  GtkWidget *pages = gtk_widget_get_parent (GTK_WIDGET (hibachi_window_get_bookings_view (f->window)));

  return gtk_widget_get_name (gtk_stack_get_visible_child (GTK_STACK (pages)));
}

static gboolean
row_selected (Fixture *f, const char *name)
{
  GtkWidget *row = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_row_named, name);

  return row != NULL && gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row));
}

/* The sidebar and the page agree. Side by side, Down on the Bookings row
 * (a real key) selects Dispatch and shows it; "Open in Bookings" from the
 * board shows Bookings and its row is the one selected. */
static void
test_sidebar_follows (Fixture *f, gconstpointer data)
{
  GtkWidget *window;

  sign_in (f, 1280, 800);
  window = GTK_WIDGET (f->window);
  assert_side_by_side (f);
  g_assert_cmpstr (shown_page (f), ==, "bookings");
  g_assert_true (row_selected (f, "bookings"));

  hibachi_test_x_focus (window);
  gtk_widget_grab_focus (hibachi_test_find_mapped (window, hibachi_test_is_row_named, "bookings"));
  hibachi_test_x_key (window, GDK_KEY_Down, 0);
  WAIT_FOR (row_selected (f, "dispatch"));
  WAIT_FOR (g_strcmp0 (shown_page (f), "dispatch") == 0);

  gtk_widget_activate_action (window, "win.show-booking", "s", "MH-100001");
  WAIT_FOR (g_strcmp0 (shown_page (f), "bookings") == 0);
  WAIT_FOR (row_selected (f, "bookings"));
  g_assert_false (row_selected (f, "dispatch"));
}

/* Toasts: an Undo offer holds off a plain message; a newer offer replaces
 * it and the message is dropped, with nothing left waiting that later
 * shows a toast that is gone (a critical on libadwaita 1.7). */
static void
test_toasts (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  AdwToast *offer = adw_toast_new ("Deleted MH-1");
  AdwToast *message = adw_toast_new ("Saved");
  AdwToast *undone = adw_toast_new ("Undid delete of MH-1");

  adw_toast_overlay_set_child (overlay, gtk_label_new ("content"));
  gtk_window_set_child (window, GTK_WIDGET (overlay));
  gtk_window_present (window);

  adw_toast_set_priority (offer, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_priority (undone, ADW_TOAST_PRIORITY_HIGH);
  g_object_add_weak_pointer (G_OBJECT (offer), (gpointer *) &offer);
  g_object_add_weak_pointer (G_OBJECT (message), (gpointer *) &message);
  hibachi_toast_show (GTK_WIDGET (overlay), offer);
  hibachi_test_pause_ms (700);              /* the offer is fully shown */
  hibachi_toast_show (GTK_WIDGET (overlay), message);
  hibachi_test_pause_ms (200);
  g_assert_nonnull (offer);                 /* still shown: the message waits */
  hibachi_toast_show (GTK_WIDGET (overlay), undone);
  hibachi_test_pause_ms (1500);             /* any waiting would have run by now */
  g_assert_null (message);                  /* dropped, never shown */
  g_assert_null (offer);                    /* replaced and gone */

  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/hibachi/ui-window/wide", Fixture, NULL, setup, test_wide, teardown);
  g_test_add ("/hibachi/ui-window/narrow", Fixture, NULL, setup, test_narrow, teardown);
  g_test_add ("/hibachi/ui-window/resize", Fixture, NULL, setup, test_resize, teardown);
  g_test_add ("/hibachi/ui-window/sidebar-follows", Fixture, NULL, setup, test_sidebar_follows, teardown);
#if !ADW_CHECK_VERSION (1, 4, 0)
  g_test_add ("/hibachi/ui-window/resize-one-frame", Fixture, NULL, setup, test_resize_one_frame, teardown);
  g_test_add ("/hibachi/ui-window/back-key", Fixture, NULL, setup, test_back_key, teardown);
#endif
  g_test_add_func ("/hibachi/ui-window/toasts", test_toasts);

  status = g_test_run ();
  hibachi_test_application_release ();
  return status;
}
