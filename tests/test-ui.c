/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window against a real hibachi-server, under Xvfb: sign-in,
 * restore, the bookings view's filters, edits, errors and offline. With
 * HIBACHI_SCREENSHOT_DIR set, it also saves screenshots of what it shows. */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "hibachi-application.h"
#include "hibachi-booking-detail.h"
#include "hibachi-new-booking-dialog.h"
#include "hibachi-sign-in-page.h"
#include "hibachi-test-app.h"
#include "hibachi-test-wait.h"
#include "hibachi-window.h"

#define N_BOOKINGS 250   /* three pages: the last is never shown unless scrolled to */
#define OWNER "owner@demo.test"

typedef struct
{
  HibachiTestServer  *ts;
  HibachiApplication *app;
  HibachiWindow      *window;
} Fixture;

static void
settle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        {
          const char *text = NULL;

          if (label == NULL)
            return child;
          if (GTK_IS_BUTTON (child))
            text = gtk_button_get_label (GTK_BUTTON (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (text != NULL && g_str_equal (text, label))
            return child;
        }
      found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_by_tooltip (child, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("HIBACHI_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Let page transitions and fades finish. */
  {
    gboolean done = FALSE;
    guint id = g_timeout_add (600, hibachi_test_timeout_cb, &done);

    while (!done)
      g_main_context_iteration (NULL, TRUE);
    (void) id;
  }
  settle ();
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn yet for %s", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (N_BOOKINGS);
  f->app = hibachi_test_application (f->ts);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  hibachi_test_server_stop (f->ts);
}

static void
open_window (Fixture *f)
{
  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 860);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
type_into (GtkWidget  *root,
           GType       type,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_widget (root, type, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_has_css_class (child, css_class) &&
          gtk_widget_get_mapped (child))
        return child;
      found = find_with_class (child, type, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
sign_in_button (Fixture *f)
{
  GtkWidget *page = find_widget (GTK_WIDGET (f->window), HIBACHI_TYPE_SIGN_IN_PAGE, NULL);
  GtkWidget *button = find_with_class (page, GTK_TYPE_BUTTON, "suggested-action");

  g_assert_nonnull (button);
  return button;
}

static GtkLabel *
visible_error_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) && gtk_widget_has_css_class (child, "error") &&
          *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return GTK_LABEL (child);
      found = visible_error_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
sign_in_through_page (Fixture *f, const char *password)
{
  GtkWidget *page = find_widget (GTK_WIDGET (f->window), HIBACHI_TYPE_SIGN_IN_PAGE, NULL);

  type_into (page, ADW_TYPE_ENTRY_ROW, "Email", OWNER);
  type_into (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password", password);
  g_signal_emit_by_name (sign_in_button (f), "clicked");
}

static HibachiPagedList *
booking_list (Fixture *f)
{
  return hibachi_bookings_view_get_list (hibachi_window_get_bookings_view (f->window));
}

static void
sign_in_to_main (Fixture *f)
{
  open_window (f);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  sign_in_through_page (f, HIBACHI_DEMO_PASSWORD);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  WAIT_FOR (booking_list (f) != NULL && g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == N_BOOKINGS);
}

static void
test_sign_in (Fixture *f, gconstpointer data)
{
  GtkLabel *message;

  open_window (f);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  save_screenshot (GTK_WIDGET (f->window), "sign-in");

  /* A wrong password: a message a person understands, still on the page. */
  sign_in_through_page (f, "not-the-password");
  WAIT_FOR (visible_error_label (GTK_WIDGET (f->window)) != NULL &&
            gtk_widget_is_sensitive (sign_in_button (f)));
  message = visible_error_label (GTK_WIDGET (f->window));
  g_assert_cmpstr (gtk_label_get_text (message), ==, "Wrong email or password.");
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "sign-in");

  /* A bad email is caught before anything is sent. */
  type_into (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Email", "owner-at-demo");
  g_signal_emit_by_name (sign_in_button (f), "clicked");
  settle ();
  g_assert_nonnull (strstr (gtk_label_get_text (visible_error_label (GTK_WIDGET (f->window))), "name@example.com"));

  sign_in_through_page (f, HIBACHI_DEMO_PASSWORD);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  WAIT_FOR (booking_list (f) != NULL && g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == N_BOOKINGS);
  g_assert_cmpstr (hibachi_session_get_role (hibachi_window_get_session (f->window)), ==, "super_admin");

  /* The settings remember the account for the next start. */
  {
    g_autofree char *account = g_settings_get_string (hibachi_application_get_settings (f->app), "last-account");
    g_assert_cmpstr (account, ==, OWNER);
  }
}

static void
test_sign_in_address (Fixture *f, gconstpointer data)
{
  const char *url = hibachi_test_server_get_url (f->ts);
  GtkWidget *server;

  open_window (f);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  server = find_widget (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Server Address");

  /* Another scheme: said before anything is sent. */
  gtk_editable_set_text (GTK_EDITABLE (server), "ftp://admin.example.com");
  sign_in_through_page (f, HIBACHI_DEMO_PASSWORD);
  settle ();
  g_assert_cmpstr (gtk_label_get_text (visible_error_label (GTK_WIDGET (f->window))), ==,
                   "The server address must start with https:// or http://.");
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "sign-in");

  /* As people type it, without a scheme: a loopback address gets http://. */
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  gtk_editable_set_text (GTK_EDITABLE (server), url + strlen ("http://"));
  sign_in_through_page (f, HIBACHI_DEMO_PASSWORD);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  g_assert_cmpstr (hibachi_session_get_server_url (hibachi_window_get_session (f->window)), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (server)), ==, url);
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  sign_in_to_main (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();

  /* The next start: no password, straight to the bookings. */
  f->window = NULL;
  open_window (f);
  g_assert_cmpstr (hibachi_window_get_page (f->window), ==, "loading");
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  g_assert_cmpstr (hibachi_session_get_email (hibachi_window_get_session (f->window)), ==, OWNER);

  /* Sign out: back to sign-in, and the next start asks again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL);
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  /* The email stays for whoever signs in next; the password does not. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Email"))), ==, OWNER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (f->window), ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"))), ==, "");
  {
    g_autofree char *account = g_settings_get_string (hibachi_application_get_settings (f->app), "last-account");
    g_assert_cmpstr (account, ==, "");
  }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  HibachiBookingsView *view;
  GtkWidget *pending;
  guint n;

  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);

  pending = find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Pending");
  g_assert_nonnull (pending);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pending), TRUE);
  g_assert_nonnull (strstr (hibachi_paged_list_get_query (booking_list (f)), "status=pending"));
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)));
  n = g_list_model_get_n_items (G_LIST_MODEL (booking_list (f)));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_BOOKINGS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);
      g_assert_cmpstr (hibachi_booking_get_status (b), ==, "pending");
    }

  /* Search as you type goes to the server; nothing matches this. */
  type_into (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL, "zzzz-nobody");
  WAIT_FOR (strstr (hibachi_paged_list_get_query (booking_list (f)), "q=zzzz-nobody") != NULL);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)) &&
            g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  save_screenshot (GTK_WIDGET (f->window), "bookings-empty");

  /* One chef's bookings. */
  {
    GtkDropDown *chefs = GTK_DROP_DOWN (find_by_tooltip (GTK_WIDGET (view), "Chef"));

    gtk_widget_activate_action (GTK_WIDGET (view), "bookings.clear-filters", NULL);
    g_assert_nonnull (chefs);
    gtk_drop_down_set_selected (chefs, 1);
    g_assert_nonnull (strstr (hibachi_paged_list_get_query (booking_list (f)), "chef_id="));
    WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)));
    n = g_list_model_get_n_items (G_LIST_MODEL (booking_list (f)));
    g_assert_cmpuint (n, <, N_BOOKINGS);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);
        g_assert_nonnull (hibachi_booking_get_chef_id (b));
        g_assert_nonnull (strstr (hibachi_paged_list_get_query (booking_list (f)), hibachi_booking_get_chef_id (b)));
      }
  }

  /* Clear Filters brings everything back. */
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.clear-filters", NULL);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)) &&
            g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == N_BOOKINGS);
}

static HibachiBookingDetail *
select_first_pending (Fixture *f, HibachiBooking **out_booking)
{
  HibachiBookingsView *view = hibachi_window_get_bookings_view (f->window);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Pending")), TRUE);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)));
  gtk_selection_model_select_item (selection, 0, TRUE);
  settle ();
  *out_booking = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), 0);

  return HIBACHI_BOOKING_DETAIL (find_widget (GTK_WIDGET (view), HIBACHI_TYPE_BOOKING_DETAIL, NULL));
}

static JsonObject *
server_booking (Fixture *f, const char *id, HibachiTestResponse **out)
{
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autofree char *path = g_strconcat ("/api/v1/bookings/", id, NULL);

  *out = hibachi_test_request (f->ts, "GET", path, token, NULL, NULL);
  return hibachi_test_response_object (*out);
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) booking = NULL;
  g_autoptr(HibachiTestResponse) before = NULL;
  g_autoptr(HibachiTestResponse) after = NULL;
  HibachiBookingDetail *detail;
  GtkWidget *save;
  gint64 version;

  sign_in_to_main (f);
  detail = select_first_pending (f, &booking);
  g_assert_nonnull (detail);
  /* The detail edits its own copy, so the list row only changes on save. */
  g_assert_true (hibachi_booking_detail_get_booking (detail) != booking);
  g_assert_cmpstr (hibachi_booking_get_id (hibachi_booking_detail_get_booking (detail)), ==,
                   hibachi_booking_get_id (booking));
  save_screenshot (GTK_WIDGET (f->window), "bookings");
  version = json_object_get_int_member (server_booking (f, hibachi_booking_get_id (booking), &before), "version");

  /* An invalid email: the field says why, Save stays off, nothing is sent. */
  save = find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, "_Save Changes");
  type_into (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Email", "jane-at-example");
  settle ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (hibachi_booking_detail_get_problem (detail));
  g_assert_nonnull (strstr (hibachi_booking_detail_get_problem (detail), "Email"));
  g_assert_true (gtk_widget_has_css_class (find_widget (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Email"), "error"));
  hibachi_booking_detail_save (detail);
  settle ();

  /* A good edit is saved on the server and shown. */
  type_into (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Email", "jane.new@example.com");
  type_into (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Customer", "Jane Newname");
  settle ();
  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  WAIT_FOR (hibachi_booking_get_version (hibachi_booking_detail_get_booking (detail)) == version + 1);

  {
    JsonObject *stored = server_booking (f, hibachi_booking_get_id (booking), &after);

    g_assert_cmpstr (json_object_get_string_member (stored, "customer_name"), ==, "Jane Newname");
    g_assert_cmpstr (json_object_get_string_member (stored, "customer_email"), ==, "jane.new@example.com");
    /* Only the good edit reached the server: one version more. */
    g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, version + 1);
  }

  /* The list shows the new name too. */
  {
    g_autoptr(HibachiBooking) listed = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), 0);
    g_assert_cmpstr (hibachi_booking_get_customer_name (listed), ==, "Jane Newname");
  }

  /* Undo (the toast's button, or Ctrl+Z) puts the old values back on the server. */
  {
    g_autoptr(HibachiTestResponse) undone = NULL;
    JsonObject *stored;

    gtk_widget_activate_action (GTK_WIDGET (detail), "detail.undo", NULL);
    WAIT_FOR (hibachi_booking_get_version (hibachi_booking_detail_get_booking (detail)) == version + 2);
    stored = server_booking (f, hibachi_booking_get_id (booking), &undone);
    g_assert_cmpstr (json_object_get_string_member (stored, "customer_name"), ==, hibachi_booking_get_customer_name (booking));
    g_assert_cmpstr (json_object_get_string_member (stored, "customer_email"), ==,
                     hibachi_booking_get_string (booking, "customer_email"));
  }
}

static GtkWindow *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }

  return NULL;
}

static GtkWidget *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_label_with_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The heading reads on one line at its title size. A longer one wraps
 * (libadwaita 1.2) or drops to a smaller font (1.7, where GTK 4.18 also warns
 * that the dialog measures the title narrower than its minimum). */
static void
assert_heading_fits (GtkWindow *dialog)
{
  GtkWidget *heading;
  int natural;

  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  settle ();
  heading = find_label_with_class (GTK_WIDGET (dialog), "title-2");
  g_assert_nonnull (heading);
  gtk_widget_measure (heading, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, <=, gtk_widget_get_width (heading));
}

static void
test_stale_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(HibachiBooking) booking = NULL;
  g_autoptr(HibachiTestResponse) theirs = NULL;
  g_autofree char *token = hibachi_test_login (f->ts, "office@demo.test");
  g_autofree char *path = NULL;
  HibachiBookingDetail *detail;
  GtkWindow *dialog;

  sign_in_to_main (f);
  detail = select_first_pending (f, &booking);

  /* Someone else saves first. */
  path = g_strconcat ("/api/v1/bookings/", hibachi_booking_get_id (booking), NULL);
  theirs = hibachi_test_write (f->ts, "PATCH", path, token, "{\"internal_notes\":\"Gate code 1234\"}", path);
  g_assert_cmpuint (theirs->status, ==, 200);

  type_into (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Customer", "My Version");
  settle ();
  hibachi_booking_detail_save (detail);
  WAIT_FOR ((dialog = find_dialog ("Booking Changed")) != NULL);
  assert_heading_fits (dialog);
  save_screenshot (GTK_WIDGET (dialog), "stale-dialog");

  /* Taking theirs shows their note; nothing of mine was written. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  settle ();
  g_assert_cmpstr (hibachi_booking_get_string (hibachi_booking_detail_get_booking (detail), "internal_notes"), ==,
                   "Gate code 1234");
  {
    g_autoptr(HibachiTestResponse) now = NULL;
    JsonObject *stored = server_booking (f, hibachi_booking_get_id (booking), &now);

    g_assert_cmpstr (json_object_get_string_member (stored, "customer_name"), !=, "My Version");
  }
}

static void
test_error_and_offline (Fixture *f, gconstpointer data)
{
  HibachiBookingsView *view;

  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);

  /* The server goes away: offline, no crash, the list still shows. */
  hibachi_test_server_set_listening (f->ts, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.reload", NULL);
  WAIT_FOR (g_strcmp0 (hibachi_bookings_view_get_connection (view), "offline") == 0);
  g_assert_error ((GError *) hibachi_paged_list_get_error (booking_list (f)), HIBACHI_API_ERROR, HIBACHI_API_ERROR_NETWORK);
  save_screenshot (GTK_WIDGET (f->window), "bookings-offline");

  /* It comes back: the next retry finds it. */
  hibachi_test_server_set_listening (f->ts, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.reload", NULL);
  WAIT_FOR (g_strcmp0 (hibachi_bookings_view_get_connection (view), "online") == 0);
  g_assert_null (hibachi_paged_list_get_error (booking_list (f)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))), ==, N_BOOKINGS);

  /* A query the server refuses: the error page with the server's words. */
  hibachi_paged_list_set_query (booking_list (f), "sort=price");
  WAIT_FOR (hibachi_paged_list_get_error (booking_list (f)) != NULL && !hibachi_paged_list_get_loading (booking_list (f)));
  g_assert_nonnull (find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL))),
                   ==, "Could Not Load Bookings");
  save_screenshot (GTK_WIDGET (f->window), "bookings-error");
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_new_booking (Fixture *f, gconstpointer data)
{
  HibachiBookingsView *view;
  GtkWindow *dialog;
  GtkWidget *create;

  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.new", NULL);
  WAIT_FOR ((dialog = find_window_of_type (HIBACHI_TYPE_NEW_BOOKING_DIALOG)) != NULL);

  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Customer", "Ada Lovelace");
  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Email", "ada@example.com");
  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Phone", "(510) 555-0188");
  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Venue Address", "47481 Towhee St, Fremont, CA");
  create = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action");
  settle ();
  /* No venue coordinates yet: nothing to create. */
  g_assert_false (gtk_widget_is_sensitive (create));

  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Venue Latitude", "37.5485");
  type_into (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Venue Longitude", "-121.9886");
  {
    GtkSpinButton *adults = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL));

    gtk_spin_button_set_value (adults, 12);
  }
  /* The live quote, from src/core with the station's prices: 12 × $55 at the station. */
  WAIT_FOR (hibachi_new_booking_dialog_get_total (HIBACHI_NEW_BOOKING_DIALOG (dialog)) == 66000);
  g_assert_true (gtk_widget_is_sensitive (create));
  save_screenshot (GTK_WIDGET (dialog), "new-booking");

  hibachi_new_booking_dialog_create (HIBACHI_NEW_BOOKING_DIALOG (dialog));
  WAIT_FOR (find_window_of_type (HIBACHI_TYPE_NEW_BOOKING_DIALOG) == NULL);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)) &&
            g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == N_BOOKINGS + 1);
}

static GtkLabel *find_label_containing (GtkWidget *root, const char *text);

/* The detail's actions, as a person does them: buttons, dialogs, reasons. */

static char *
create_booking (Fixture *f, const char *token, const char *station, const char *date)
{
  g_autofree char *body = g_strdup_printf (
    "{\"customer_name\":\"Grace Hopper\",\"customer_email\":\"grace@example.com\","
    "\"customer_phone\":\"(510) 555-0199\",\"event_date\":\"%s\",\"slot\":\"18:00\","
    "\"adults\":12,\"children\":0,\"toddlers\":0,\"venue_address\":\"1 Main St, Fremont, CA\","
    "\"venue_lat\":37.5485,\"venue_lng\":-121.9886,\"station_id\":\"%s\"}", date, station);
  g_autoptr(HibachiTestResponse) created = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", token, body, NULL);

  g_assert_cmpuint (created->status, ==, 201);
  return g_strdup (json_object_get_string_member (hibachi_test_response_object (created), "reference"));
}

static HibachiBookingDetail *
open_booking (Fixture *f, const char *reference)
{
  HibachiBookingsView *view = hibachi_window_get_bookings_view (f->window);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  g_autofree char *q = g_strconcat ("q=", reference, NULL);

  type_into (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL, reference);
  WAIT_FOR (strstr (hibachi_paged_list_get_query (booking_list (f)), q) != NULL &&
            !hibachi_paged_list_get_loading (booking_list (f)) &&
            g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == 1);
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 0, TRUE);
  settle ();
  return HIBACHI_BOOKING_DETAIL (find_widget (GTK_WIDGET (view), HIBACHI_TYPE_BOOKING_DETAIL, NULL));
}

/* What the server holds: the number of bookings matching @reference, and
 * whether the one match has @member = @value. */
static gint64
server_count (Fixture *f, const char *token, const char *reference)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings?q=", reference, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, token, NULL, NULL);

  return json_object_get_int_member (hibachi_test_response_object (r), "total_count");
}

static gboolean
server_has (Fixture *f, const char *token, const char *reference, const char *member, const char *value)
{
  g_autofree char *path = g_strconcat ("/api/v1/bookings?q=", reference, NULL);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, token, NULL, NULL);
  JsonArray *data = json_object_get_array_member (hibachi_test_response_object (r), "data");

  return json_array_get_length (data) == 1 &&
         g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (data, 0), member, NULL), value) == 0;
}

static AdwMessageDialog *
click_for_dialog (HibachiBookingDetail *detail, const char *button)
{
  GtkWidget *b = find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, button);
  GtkWindow *dialog;

  g_assert_nonnull (b);
  g_assert_true (gtk_widget_is_sensitive (b));
  g_signal_emit_by_name (b, "clicked");
  WAIT_FOR ((dialog = find_window_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  settle ();
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
respond (AdwMessageDialog *dialog, const char *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static GtkListBoxRow *
chef_row (AdwMessageDialog *dialog, const char *chef_id, gboolean want_conflict)
{
  GtkListBox *list = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL));
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      gboolean conflict = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict"));

      if (chef_id != NULL ? g_strcmp0 (g_object_get_data (G_OBJECT (row), "chef-id"), chef_id) == 0
                          : conflict == want_conflict)
        return row;
    }
  return NULL;
}

static void
test_confirm_selected (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  HibachiBookingsView *view;
  GtkSelectionModel *selection;
  guint n_pending;

  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Pending")), TRUE);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)));
  n_pending = g_list_model_get_n_items (G_LIST_MODEL (booking_list (f)));
  g_assert_cmpuint (n_pending, >=, 3);

  /* Three pending bookings selected, one click: all three confirmed. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);
      g_ptr_array_add (references, g_strdup (hibachi_booking_get_reference (b)));
    }
  settle ();
  g_assert_true (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "C_onfirm Selected")));
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.confirm-selected", NULL);
  for (guint i = 0; i < references->len; i++)
    WAIT_FOR (server_has (f, token, g_ptr_array_index (references, i), "status", "confirmed"));

  /* The list reloads: the pending filter no longer lists them. */
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)) &&
            g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))) == n_pending - 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (booking_list (f))); i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);

      if (hibachi_booking_is_loaded (b))
        for (guint j = 0; j < references->len; j++)
          g_assert_cmpstr (hibachi_booking_get_reference (b), !=, g_ptr_array_index (references, j));
    }
}

static void
test_actions (Fixture *f, gconstpointer data)
{
  g_autofree char *token = hibachi_test_login (f->ts, OWNER);
  g_autofree char *fremont = hibachi_test_station_id (f->ts, token, "CA-FREMONT-001");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 24);
  g_autofree char *date = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *chef_id = NULL;
  g_autofree char *chef_name = NULL;
  HibachiBookingDetail *detail;
  AdwMessageDialog *dialog;
  GtkListBoxRow *row;

  sign_in_to_main (f);
  first = create_booking (f, token, fremont, date);
  second = create_booking (f, token, fremont, date);

  /* Confirm. */
  detail = open_booking (f, first);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, "C_onfirm"), "clicked");
  WAIT_FOR (server_has (f, token, first, "status", "confirmed"));

  /* Assign the best chef without a conflict. */
  dialog = click_for_dialog (detail, "Assign _Chef…");
  row = chef_row (dialog, NULL, FALSE);
  g_assert_nonnull (row);
  chef_id = g_strdup (g_object_get_data (G_OBJECT (row), "chef-id"));
  chef_name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), row);
  respond (dialog, "assign");
  WAIT_FOR (server_has (f, token, first, "chef_id", chef_id));

  /* The same chef for a party at the same time: a conflict, explained, and
   * only "Assign Anyway" with a reason of 10+ characters goes through. */
  detail = open_booking (f, second);
  dialog = click_for_dialog (detail, "Assign _Chef…");
  row = chef_row (dialog, chef_id, FALSE);
  g_assert_nonnull (row);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict")));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), row);
  settle ();
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "assign"), ==, "Assign _Anyway");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "assign"));
  type_into (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "too short");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "assign"));
  save_screenshot (GTK_WIDGET (dialog), "assign-conflict");
  type_into (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "Customer asked for this chef by name");
  respond (dialog, "assign");
  WAIT_FOR (server_has (f, token, second, "chef_id", chef_id));

  /* Cancel with a reason; a short one is refused in the dialog. */
  dialog = click_for_dialog (detail, "Cance_l Booking…");
  type_into (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "no");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  type_into (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "Customer moved the party to spring");
  respond (dialog, "apply");
  WAIT_FOR (server_has (f, token, second, "status", "cancelled"));

  /* History tells who did what and why. */
  WAIT_FOR (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, "_History")));
  dialog = click_for_dialog (detail, "_History");
  WAIT_FOR (find_label_containing (GTK_WIDGET (dialog), "Customer moved the party to spring") != NULL);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "Customer asked for this chef by name"));
  /* In words a person reads: labels and names, not members and ids. */
  {
    const char *history = gtk_label_get_text (find_label_containing (GTK_WIDGET (dialog), "Customer moved the party"));
    g_autofree char *assigned = g_strdup_printf ("Chef: — → %s", chef_name);

    g_assert_nonnull (strstr (history, "Status: Pending → Cancelled"));
    g_assert_nonnull (strstr (history, assigned));
    g_assert_null (strstr (history, chef_id));
    g_assert_null (strstr (history, "chef_id"));
  }
  save_screenshot (GTK_WIDGET (dialog), "history");
  respond (dialog, "close");

  /* Delete: gone from the server's lists. */
  detail = open_booking (f, first);
  dialog = click_for_dialog (detail, "_Delete…");
  type_into (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "Entered twice by mistake");
  respond (dialog, "apply");
  WAIT_FOR (server_count (f, token, first) == 0);
}


static char **
read_csv_lines (const char *path)
{
  g_autofree char *contents = NULL;
  char **lines;
  guint n;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The last row ends with CRLF too. */
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return lines;
}

static void
test_export_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("hibachi-csv-XXXXXX", NULL);
  g_autofree char *selected_path = g_build_filename (dir, "selected.csv", NULL);
  g_autofree char *filtered_path = g_build_filename (dir, "pending.csv", NULL);
  g_autoptr(GFile) selected_file = g_file_new_for_path (selected_path);
  g_autoptr(GFile) filtered_file = g_file_new_for_path (filtered_path);
  g_auto(GStrv) lines = NULL;
  HibachiBookingsView *view;
  GtkSelectionModel *selection;
  guint n_pending;

  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)));

  /* Two selected rows: exactly those two. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  hibachi_bookings_view_export_csv (view, selected_file);
  /* The toast comes once the file is written. */
  WAIT_FOR (find_label_containing (GTK_WIDGET (f->window), "Exported 2 bookings") != NULL);
  lines = read_csv_lines (selected_path);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "Reference,"));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);
      g_autofree char *prefix = g_strconcat (hibachi_booking_get_reference (b), ",", NULL);

      g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
    }
  g_clear_pointer (&lines, g_strfreev);

  /* A selection reaching rows not loaded yet (scrolled past, never shown):
   * exactly the selected rows, in list order, fetched from the server. */
  {
    g_autofree char *across_path = g_build_filename (dir, "across.csv", NULL);
    g_autoptr(GFile) across = g_file_new_for_path (across_path);
    guint unloaded = 0;

    for (guint i = 2; i < N_BOOKINGS && unloaded == 0; i++)
      {
        g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), i);

        if (!hibachi_booking_is_loaded (b))
          unloaded = i;
      }
    g_assert_cmpuint (unloaded, >, 2);
    gtk_selection_model_select_range (selection, unloaded - 2, 5, TRUE);
    hibachi_bookings_view_export_csv (view, across);
    WAIT_FOR (find_label_containing (GTK_WIDGET (f->window), "Exported 5 bookings") != NULL);
    lines = read_csv_lines (across_path);
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(HibachiBooking) b = g_list_model_get_item (G_LIST_MODEL (booking_list (f)), unloaded - 2 + i);
        g_autofree char *prefix = g_strconcat (hibachi_booking_get_reference (b), ",", NULL);

        g_assert_true (hibachi_booking_is_loaded (b));
        g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
      }
    g_clear_pointer (&lines, g_strfreev);
    g_unlink (across_path);
    gtk_selection_model_unselect_all (selection);
  }

  /* No selection: every booking of the filter, fetched from the server. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Pending")), TRUE);
  WAIT_FOR (!hibachi_paged_list_get_loading (booking_list (f)));
  n_pending = g_list_model_get_n_items (G_LIST_MODEL (booking_list (f)));
  g_assert_cmpuint (n_pending, >, 0);
  hibachi_bookings_view_export_csv (view, filtered_file);
  {
    g_autofree char *done = g_strdup_printf ("Exported %u bookings", n_pending);

    WAIT_FOR (g_file_test (filtered_path, G_FILE_TEST_EXISTS) &&
              find_label_containing (GTK_WIDGET (f->window), done) != NULL);
  }
  lines = read_csv_lines (filtered_path);
  g_assert_cmpuint (g_strv_length (lines), ==, n_pending + 1);
  for (guint i = 1; lines[i] != NULL; i++)
    g_assert_nonnull (strstr (lines[i], ",Pending,"));

  g_unlink (selected_path);
  g_unlink (filtered_path);
  g_rmdir (dir);
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      if ((found = find_label_containing (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
file_is_written (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static void
test_run_sheet (Fixture *f, gconstpointer data)
{
  g_autofree char *token = NULL;
  g_autoptr(HibachiTestResponse) first = NULL;
  g_autoptr(HibachiTestResponse) day = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hibachi-run-sheet-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "run-sheet.pdf", NULL);
  g_autofree char *empty_pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  HibachiBookingsView *view;
  GtkWindow *dialog;
  JsonArray *bookings;
  const char *date;
  int status;

  g_assert_nonnull (pdftotext);
  sign_in_to_main (f);
  view = hibachi_window_get_bookings_view (f->window);

  /* A day with bookings, and what the server says is on it. */
  token = hibachi_test_login (f->ts, OWNER);
  first = hibachi_test_request (f->ts, "GET", "/api/v1/bookings?status=confirmed&limit=1", token, NULL, NULL);
  date = json_object_get_string_member (json_array_get_object_element (
           json_object_get_array_member (hibachi_test_response_object (first), "data"), 0), "event_date");
  path = g_strdup_printf ("/api/v1/bookings?date_from=%s&date_to=%s&status=pending,confirmed&limit=100", date, date);
  day = hibachi_test_request (f->ts, "GET", path, token, NULL, NULL);
  bookings = json_object_get_array_member (hibachi_test_response_object (day), "data");
  g_assert_cmpuint (json_array_get_length (bookings), >, 0);

  /* Ctrl+P asks for the day. */
  gtk_widget_activate_action (GTK_WIDGET (view), "bookings.print-run-sheet", NULL);
  WAIT_FOR ((dialog = find_window_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_true (GTK_IS_CALENDAR (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
  save_screenshot (GTK_WIDGET (dialog), "run-sheet-day");
  gtk_window_close (dialog);
  WAIT_FOR (find_window_of_type (ADW_TYPE_MESSAGE_DIALOG) == NULL);

  /* The printed sheet holds every booking of the day, in slot order. */
  hibachi_bookings_view_print_run_sheet (view, date, pdf);
  /* Export runs to the end before the main loop turns again. */
  WAIT_FOR (file_is_written (pdf));
  {
    const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "Run Sheet"));
  {
    const char *previous = text;

    for (guint i = 0; i < json_array_get_length (bookings); i++)
      {
        JsonObject *b = json_array_get_object_element (bookings, i);
        const char *reference = json_object_get_string_member (b, "reference");

        g_assert_nonnull (strstr (text, reference));
        g_assert_nonnull (strstr (text, json_object_get_string_member (b, "venue_address")));
        /* The server lists the day by slot; the sheet keeps that order. */
        g_assert_true (strstr (text, reference) >= previous);
        previous = strstr (text, reference);
      }
  }

  /* A day without bookings: said so, nothing printed. */
  hibachi_bookings_view_print_run_sheet (view, "2031-01-01", empty_pdf);
  WAIT_FOR (find_label_containing (GTK_WIDGET (f->window), "nothing to print") != NULL);
  g_assert_false (g_file_test (empty_pdf, G_FILE_TEST_EXISTS));

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/hibachi/ui/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("sign-in", test_sign_in);
  ADD ("sign-in-address", test_sign_in_address);
  ADD ("restore", test_restore);
  ADD ("filters", test_filters);
  ADD ("edit", test_edit);
  ADD ("stale-edit", test_stale_edit);
  ADD ("error-and-offline", test_error_and_offline);
  ADD ("new-booking", test_new_booking);
  ADD ("actions", test_actions);
  ADD ("confirm-selected", test_confirm_selected);
  ADD ("export-csv", test_export_csv);
  ADD ("run-sheet", test_run_sheet);
#undef ADD

  {
    int status = g_test_run ();

    hibachi_test_application_release ();
    return status;
  }
}
