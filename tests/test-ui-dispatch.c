/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dispatch board in the real window against a real hibachi-server,
 * under Xvfb: what the board shows, the verdict while hovering, drops that
 * assign, refuse, ask for a reason or unassign, undo, the keyboard path,
 * a read-only role, another client's change and the week view. Drags are
 * the GtkDragSource/GtkDropTarget signals a real drag emits. With
 * HIBACHI_SCREENSHOT_DIR set, it saves screenshots of the board. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>


#include "hibachi-application.h"
#include "hibachi-assign-dialog.h"
#include "hibachi-bookings-view.h"
#include "hibachi-core.h"
#include "hibachi-date-format.h"
#include "hibachi-dispatch-card.h"
#include "hibachi-dispatch-page-private.h"
#include "hibachi-resource-private.h"
#include "hibachi-sign-in-page.h"
#include "hibachi-test-app.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-test-x11.h"
#include "hibachi-window.h"

#define OWNER "owner@demo.test"
#define SUPPORT "support@demo.test"
#define FREMONT_LAT 37.5485
#define FREMONT_LNG -121.9886
/* About 20 miles south and 45 miles north of Fremont (1° of latitude is
 * about 69 miles): 45 and 101 minutes of travel from Fremont, 145 between. */
#define SOUTH_LAT (FREMONT_LAT - 20.0 / 69.1)
#define NORTH_LAT (FREMONT_LAT + 45.0 / 69.1)

typedef struct
{
  HibachiTestServer   *ts;
  HibachiApplication  *app;
  HibachiWindow       *window;
  HibachiDispatchPage *page;
  char                *owner;       /* token */
  char                *station;
  char                *date;        /* the day of the test's bookings */
  char                *busy_chef;   /* has "held" at 18:00 */
  char                *free_chef;   /* free at 18:00; max party 20 */
  char                *off_chef;    /* time off that day */
  char                *late_off_chef; /* does not work at 21:00 that weekday */
  char                *held;        /* booking ids */
  char                *moving;
  char                *late;
  char                *big;
} Fixture;

/* Server side */

static JsonObject *
get_object (Fixture    *f,
            const char *path)
{
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "GET", path, f->owner, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_object_ref (hibachi_test_response_object (r));
}

/* A booking of the test's day at (@lat, @lng). */
static char *
create_booking_at (Fixture    *f,
                   const char *slot,
                   guint       adults,
                   const char *name,
                   double      lat,
                   double      lng)
{
  g_autofree char *body = g_strdup_printf ("{\"customer_name\":\"%s\",\"customer_email\":\"guest@example.com\","
                                           "\"customer_phone\":\"(510) 555-0142\",\"event_date\":\"%s\",\"slot\":\"%s\","
                                           "\"adults\":%u,\"children\":0,\"toddlers\":0,"
                                           "\"venue_address\":\"1 Main St, Fremont, CA\",\"venue_lat\":%.4f,"
                                           "\"venue_lng\":%.4f,\"station_id\":\"%s\"}",
                                           name, f->date, slot, adults, lat, lng, f->station);
  g_autoptr(HibachiTestResponse) r = hibachi_test_request (f->ts, "POST", "/api/v1/bookings", f->owner, body, NULL);

  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (hibachi_test_response_object (r), "id"));
}

/* A booking of the test's day in Fremont. */
static char *
create_booking (Fixture    *f,
                const char *slot,
                guint       adults,
                const char *name)
{
  return create_booking_at (f, slot, adults, name, FREMONT_LAT, FREMONT_LNG);
}

static guint
server_assign (Fixture    *f,
               const char *token,
               const char *booking,
               const char *chef)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s/chef", booking);
  g_autofree char *resource = g_strdup_printf ("/api/v1/bookings/%s", booking);
  g_autofree char *body = g_strdup_printf ("{\"chef_id\":\"%s\"}", chef);
  g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PUT", path, token, body, resource);

  return r->status;
}

/* The chef the server has for @booking (NULL: none). */
static char *
server_chef (Fixture    *f,
             const char *booking)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", booking);
  g_autoptr(JsonObject) object = get_object (f, path);
  JsonNode *chef = json_object_get_member (object, "chef_id");

  return chef != NULL && !JSON_NODE_HOLDS_NULL (chef) ? g_strdup (json_node_get_string (chef)) : NULL;
}

static gboolean
server_chef_is (Fixture    *f,
                const char *booking,
                const char *chef)
{
  g_autofree char *now = server_chef (f, booking);

  hibachi_test_pause_ms (20);
  return g_strcmp0 (now, chef) == 0;
}

static gboolean
works (JsonObject *chef,
       const char *weekday,
       const char *slot)
{
  JsonObject *weekly = json_object_get_object_member (chef, "weekly_availability");
  JsonArray *slots = json_object_has_member (weekly, weekday) ? json_object_get_array_member (weekly, weekday) : NULL;

  for (guint i = 0; slots != NULL && i < json_array_get_length (slots); i++)
    if (g_str_equal (json_array_get_string_element (slots, i), slot))
      return TRUE;
  return FALSE;
}

/* Fremont, a day 20 days ahead: chefs picked for what each test needs from
 * the demo's chefs, and four bookings. */
static void
make_day (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  g_autofree char *path = NULL;
  g_autofree char *weekday = NULL;
  JsonArray *chefs;

  f->owner = hibachi_test_login (f->ts, OWNER);
  f->station = hibachi_test_station_id (f->ts, f->owner, "CA-FREMONT-001");
  /* A day on which the demo's time off has ended. */
  for (int days = 20; f->date == NULL || f->late_off_chef == NULL; days++)
    {
      g_clear_pointer (&f->date, g_free);
      g_clear_pointer (&f->busy_chef, g_free);
      g_clear_pointer (&f->free_chef, g_free);
      g_clear_pointer (&f->off_chef, g_free);
      g_clear_pointer (&f->late_off_chef, g_free);
      g_clear_pointer (&day, g_date_time_unref);
      g_clear_pointer (&weekday, g_free);
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&snapshot, json_object_unref);
      g_assert_cmpint (days, <, 40);

      day = g_date_time_add_days (now, days);
      f->date = g_date_time_format (day, "%Y-%m-%d");
      weekday = g_ascii_strdown (g_date_time_format (day, "%a"), -1);
      {
        const char *keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

        g_free (weekday);
        weekday = g_strdup (keys[g_date_time_get_day_of_week (day) - 1]);
      }
      path = g_strdup_printf ("/api/v1/dispatch?station_id=%s&date_from=%s&date_to=%s", f->station, f->date, f->date);
      snapshot = get_object (f, path);
      chefs = json_object_get_array_member (snapshot, "chefs");
      for (guint i = 0; i < json_array_get_length (chefs); i++)
        {
          JsonObject *chef = json_array_get_object_element (chefs, i);
          const char *id = json_object_get_string_member (chef, "id");

          if (!json_object_get_boolean_member (chef, "is_active") ||
              json_array_get_length (json_object_get_array_member (chef, "time_off")) > 0)
            continue;
          if (works (chef, weekday, "18:00") && works (chef, weekday, "12:00"))
            {
              char **slot = f->busy_chef == NULL ? &f->busy_chef : f->free_chef == NULL ? &f->free_chef
                            : f->off_chef == NULL ? &f->off_chef : NULL;

              if (slot != NULL)
                {
                  *slot = g_strdup (id);
                  continue;
                }
            }
          if (f->late_off_chef == NULL && !works (chef, weekday, "21:00") && works (chef, weekday, "18:00"))
            f->late_off_chef = g_strdup (id);
        }
      if (f->off_chef == NULL)
        g_clear_pointer (&f->late_off_chef, g_free);
    }

  /* The free chef takes parties up to 20; the off chef is away that day. */
  {
    g_autofree char *chef_path = g_strdup_printf ("/api/v1/chefs/%s", f->free_chef);
    g_autoptr(HibachiTestResponse) patch = hibachi_test_write (f->ts, "PATCH", chef_path, f->owner,
                                                                 "{\"max_party_size\":20}", chef_path);
    g_autofree char *off_path = g_strdup_printf ("/api/v1/chefs/%s/time-off", f->off_chef);
    g_autofree char *off_body = g_strdup_printf ("{\"start_date\":\"%s\",\"end_date\":\"%s\",\"reason\":\"Dentist appointment\"}",
                                                 f->date, f->date);
    g_autoptr(HibachiTestResponse) off = hibachi_test_request (f->ts, "POST", off_path, f->owner, off_body, NULL);

    g_assert_cmpuint (patch->status, ==, 200);
    g_assert_cmpuint (off->status, ==, 201);
  }

  f->held = create_booking (f, "18:00", 10, "Held Party");
  f->moving = create_booking (f, "18:00", 12, "Moving Party");
  f->late = create_booking (f, "21:00", 8, "Late Party");
  f->big = create_booking (f, "12:00", 25, "Big Party");
  g_assert_cmpuint (server_assign (f, f->owner, f->held, f->busy_chef), ==, 200);
}

/* The window */

static GtkWidget *
find_name (GtkWidget  *root,
           const char *name,
           GType       type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_name (child, name, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_class (GtkWidget  *root,
            const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static void
sign_in (Fixture    *f,
         const char *email)
{
  GtkWidget *sign_in;

  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
  sign_in = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_SIGN_IN_PAGE);
  gtk_editable_set_text (GTK_EDITABLE (find_row (sign_in, ADW_TYPE_ENTRY_ROW, "Email")), email);
  gtk_editable_set_text (GTK_EDITABLE (find_row (sign_in, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password")), HIBACHI_DEMO_PASSWORD);
  g_signal_emit_by_name (find_class (sign_in, "suggested-action"), "clicked");
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
}

/* Makes @page the window's shown page, as its sidebar row does. */
static void
show_in_stack (GtkWidget *page)
{
  GtkWidget *stack = gtk_widget_get_parent (page);

  while (!GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
}

static void
open_board (Fixture    *f,
            const char *email)
{
  sign_in (f, email);
  f->page = HIBACHI_DISPATCH_PAGE (hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE));
  g_assert_nonnull (f->page);
  show_in_stack (GTK_WIDGET (f->page));
  hibachi_page_set_station_id (HIBACHI_PAGE (f->page), f->station);
  hibachi_dispatch_page_set_date (f->page, f->date);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  hibachi_test_settle ();
}

static HibachiDispatchCard *
card_in (GtkWidget  *root,
         const char *booking_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      HibachiDispatchCard *found;

      if (HIBACHI_IS_DISPATCH_CARD (child) &&
          g_str_equal (hibachi_booking_get_id (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (child))), booking_id))
        return HIBACHI_DISPATCH_CARD (child);
      if ((found = card_in (child, booking_id)) != NULL)
        return found;
    }
  return NULL;
}

static HibachiDispatchCard *
card (Fixture    *f,
      const char *booking_id)
{
  return card_in (GTK_WIDGET (f->page), booking_id);
}

/* The cell of @chef_id (NULL: the queue) and @slot (NULL in the week view). */
static GtkWidget *
cell_in (GtkWidget  *root,
         const char *chef_id,
         const char *date,
         const char *slot)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "dispatch-cell") &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-chef"), chef_id) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-date"), date) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-slot"), slot) == 0)
        return child;
      if ((found = cell_in (child, chef_id, date, slot)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
cell (Fixture    *f,
      const char *chef_id,
      const char *slot)
{
  GtkWidget *found = chef_id != NULL ? cell_in (GTK_WIDGET (f->page), chef_id, f->date, slot)
                                     : find_class (GTK_WIDGET (f->page), "dispatch-queue");

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_inside (gpointer    child,
           GtkWidget  *ancestor)
{
  return child != NULL && gtk_widget_is_ancestor (GTK_WIDGET (child), ancestor);
}

static gpointer
controller (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  return NULL;
}

/* What a drag of @booking_id over @target shows next to the pointer. */
static const char *
hover (Fixture    *f,
       const char *booking_id,
       GtkWidget  *target)
{
  GtkDragSource *source = controller (GTK_WIDGET (card (f, booking_id)), GTK_TYPE_DRAG_SOURCE);
  g_autoptr(GdkContentProvider) content = NULL;
  GdkDragAction action = 0;
  GtkLabel *verdict;

  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_signal_emit_by_name (controller (target, GTK_TYPE_DROP_TARGET), "enter", 20.0, 20.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  verdict = GTK_LABEL (find_class (GTK_WIDGET (f->page), "dispatch-verdict"));
  g_assert_nonnull (verdict);
  /* Not under the dragged card (the drag's icon, its corner at the
   * pointer): below it, or above the pointer. */
  {
    GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (verdict));
    int top = gtk_widget_get_margin_top (GTK_WIDGET (verdict)), height = 0;
    graphene_point_t pointer;

    gtk_widget_measure (GTK_WIDGET (verdict), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
    g_assert_true (gtk_widget_compute_point (target, overlay, &GRAPHENE_POINT_INIT (20, 20), &pointer));
    g_assert_true (top >= (int) pointer.y + gtk_widget_get_height (GTK_WIDGET (card (f, booking_id))) ||
                   top + height <= (int) pointer.y);
  }
  return gtk_label_get_text (verdict);
}

static void
end_hover (Fixture    *f,
           GtkWidget  *target)
{
  g_signal_emit_by_name (controller (target, GTK_TYPE_DROP_TARGET), "leave");
}

static gboolean
drop (Fixture    *f,
      const char *booking_id,
      GtkWidget  *target)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean done = FALSE;

  g_value_init (&value, HIBACHI_TYPE_BOOKING);
  g_value_set_object (&value, hibachi_dispatch_card_get_booking (card (f, booking_id)));
  g_signal_emit_by_name (controller (target, GTK_TYPE_DROP_TARGET), "drop", &value, 20.0, 20.0, &done);
  return done;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (0);
  f->app = hibachi_test_application (f->ts);
  make_day (f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  hibachi_test_settle ();
  hibachi_test_server_stop (f->ts);
  g_free (f->owner);
  g_free (f->station);
  g_free (f->date);
  g_free (f->busy_chef);
  g_free (f->free_chef);
  g_free (f->off_chef);
  g_free (f->late_off_chef);
  g_free (f->held);
  g_free (f->moving);
  g_free (f->late);
  g_free (f->big);
}

/* Tests */

/* The day: chefs as rows, cards where the server has them, the queue most
 * urgent first, shaded cells with their reasons, the sidebar's count. */
static GtkWidget *focus (Fixture *f);

static gboolean read_only_said (Fixture *f);

static void
test_day_view (Fixture *f, gconstpointer data)
{
  GtkWidget *queue_search;
  GtkWidget *queue;
  GtkWidget *first;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  g_assert_false (read_only_said (f));

  g_assert_true (is_inside (card (f, f->held), cell (f, f->busy_chef, "18:00")));
  queue = cell (f, NULL, NULL);
  g_assert_true (is_inside (card (f, f->moving), queue));
  g_assert_true (is_inside (card (f, f->late), queue));
  g_assert_true (is_inside (card (f, f->big), queue));
  /* Most urgent first: 12:00 before 18:00 before 21:00. */
  first = gtk_widget_get_first_child (queue);
  g_assert_true (HIBACHI_IS_DISPATCH_CARD (first));
  g_assert_cmpstr (hibachi_booking_get_id (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (first))), ==, f->big);
  g_assert_cmpuint (hibachi_page_get_badge_count (HIBACHI_PAGE (f->page)), ==, 3);
  /* The queue's dates read as everywhere else in the app, not as ISO text. */
  {
    HibachiBooking *booking = hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (first));
    g_autofree char *shown = hibachi_date_format_day (hibachi_booking_get_event_date (booking));
    g_autofree char *tooltip = gtk_widget_get_tooltip_text (first) ? g_strdup (gtk_widget_get_tooltip_text (first)) : NULL;

    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, shown));
    g_assert_null (strstr (tooltip, hibachi_booking_get_event_date (booking)));
  }

  g_assert_true (gtk_widget_has_css_class (cell (f, f->off_chef, "18:00"), "dispatch-unavailable"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell (f, f->off_chef, "18:00")), ==, "Time off: Dentist appointment");
  g_assert_true (gtk_widget_has_css_class (cell (f, f->late_off_chef, "21:00"), "dispatch-unavailable"));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell (f, f->late_off_chef, "21:00")), "Not available at 21:00 on "));
  g_assert_false (gtk_widget_has_css_class (cell (f, f->free_chef, "18:00"), "dispatch-unavailable"));

  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "dispatch-day");

  /* Ctrl+F's search narrows the queue. */
  hibachi_page_focus_search (HIBACHI_PAGE (f->page));
  queue_search = find_class (GTK_WIDGET (f->page), "dispatch-queue-search");
  g_assert_true (gtk_widget_has_focus (queue_search) || gtk_widget_is_ancestor (focus (f), queue_search));
  gtk_editable_set_text (GTK_EDITABLE (queue_search), "late party");
  WAIT_FOR (card (f, f->moving) == NULL);
  g_assert_nonnull (card (f, f->late));
  gtk_editable_set_text (GTK_EDITABLE (queue_search), "");
  WAIT_FOR (card (f, f->moving) != NULL);
}

static GtkWidget *
find_icon (GtkWidget  *root,
           const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), icon_name) == 0)
        return child;
      if ((found = find_icon (child, icon_name)) != NULL)
        return found;
    }

  return NULL;
}

/* A card with allergens names them: on its warning flag's tooltip and in
 * what a screen reader says of it ("Allergens" alone said not which). */
static void
test_allergens_named (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", f->late);
  g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, f->owner,
                                                         "{\"allergens\":[\"peanuts\",\"shellfish\"]}", path);
  GtkWidget *flag;
  const char *spoken;

  g_assert_cmpuint (r->status, ==, 200);
  open_board (f, OWNER);
  WAIT_FOR (card (f, f->late) != NULL);
  flag = find_icon (GTK_WIDGET (card (f, f->late)), "dialog-warning-symbolic");
  g_assert_nonnull (flag);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (flag), ==, "Allergens: peanuts, shellfish");
  spoken = gtk_widget_get_tooltip_text (GTK_WIDGET (card (f, f->late)));
  g_assert_nonnull (strstr (spoken, ", allergens: peanuts, shellfish"));
}

/* A ghost card (a proposal) of @booking_id under @root, or NULL. */
static GtkWidget *
ghost_of (GtkWidget  *root,
          const char *booking_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (HIBACHI_IS_DISPATCH_CARD (child) && gtk_widget_has_css_class (child, "dispatch-ghost") &&
          g_strcmp0 (hibachi_booking_get_id (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (child))), booking_id) == 0)
        return child;
      if ((found = ghost_of (child, booking_id)) != NULL)
        return found;
    }

  return NULL;
}

/* What an assignment meets shows on its card, not only while dragging: a
 * party over the chef's maximum, assigned anyway, and proposed by Suggest
 * when every chef's maximum is under it. */
static void
test_issues_flagged (Fixture *f, gconstpointer data)
{
  const char *too_large = "The party of 25 is larger than the chef’s maximum of 20.";
  g_autofree char *chefs_path = g_strdup_printf ("/api/v1/chefs?station_id=%s", f->station);
  g_autoptr(HibachiTestResponse) chefs = hibachi_test_request (f->ts, "GET", chefs_path, f->owner, NULL, NULL);
  JsonArray *list = json_object_get_array_member (hibachi_test_response_object (chefs), "data");
  g_autofree char *huge = NULL;
  GtkWidget *flag, *ghost;

  /* Assigned anyway: the free chef takes parties up to 20. */
  g_assert_cmpuint (server_assign (f, f->owner, f->big, f->free_chef), ==, 200);
  open_board (f, OWNER);
  WAIT_FOR (card (f, f->big) != NULL);
  g_assert_true (is_inside (card (f, f->big), cell (f, f->free_chef, "12:00")));
  flag = find_icon (GTK_WIDGET (card (f, f->big)), "dialog-warning-symbolic");
  g_assert_nonnull (flag);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (flag), ==, too_large);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (card (f, f->big))), too_large));
  /* The others there have nothing to flag. */
  g_assert_null (find_icon (GTK_WIDGET (card (f, f->held)), "dialog-warning-symbolic"));

  /* Every chef's maximum 20: Suggest proposes another party of 25 with
   * the same warning. */
  huge = create_booking (f, "15:00", 25, "Huge Party");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (list, i), "id");
      g_autofree char *path = g_strdup_printf ("/api/v1/chefs/%s", id);
      g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, f->owner, "{\"max_party_size\":20}", path);

      g_assert_cmpuint (r->status, ==, 200);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.reload", NULL);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page) && card (f, huge) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.suggest", NULL);
  ghost = ghost_of (GTK_WIDGET (f->page), huge);
  g_assert_nonnull (ghost);
  flag = find_icon (ghost, "dialog-warning-symbolic");
  g_assert_nonnull (flag);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (flag), ==, too_large);
  hibachi_test_settle ();
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "dispatch-flagged");
}

static gboolean label_contains (GtkWidget  *root,
                                const char *text);

/* A long queue shows the 40 most urgent and counts the rest, which the
 * search still finds. */
static void
test_queue_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  GtkWidget *queue_search;
  guint cards = 0, hidden = 0;
  int found = -1;

  for (guint i = 0; i < 42; i++)
    {
      g_autofree char *customer = g_strdup_printf ("Queue Party %02u", i);

      g_ptr_array_add (ids, create_booking (f, "21:00", 4, customer));
    }
  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);

  for (GtkWidget *w = gtk_widget_get_first_child (cell (f, NULL, NULL)); w != NULL; w = gtk_widget_get_next_sibling (w))
    cards += HIBACHI_IS_DISPATCH_CARD (w);
  g_assert_cmpuint (cards, ==, 40);
  g_assert_true (label_contains (cell (f, NULL, NULL), "5 more are waiting: search the queue to find them."));
  g_assert_cmpuint (hibachi_page_get_badge_count (HIBACHI_PAGE (f->page)), ==, 45);
  /* The most urgent are the ones shown. */
  g_assert_nonnull (card (f, f->big));
  g_assert_nonnull (card (f, f->moving));
  for (guint i = 0; i < ids->len; i++)
    if (card (f, g_ptr_array_index (ids, i)) == NULL)
      {
        hidden++;
        found = (int) i;
      }
  /* "Late Party" is at 21:00 too, and may share its creation second with
   * them (then the id decides which of them waits). */
  g_assert_cmpuint (hidden + (card (f, f->late) == NULL), ==, 5);
  g_assert_cmpint (found, >=, 0);

  queue_search = find_class (GTK_WIDGET (f->page), "dispatch-queue-search");
  name = g_strdup_printf ("queue party %02d", found);
  gtk_editable_set_text (GTK_EDITABLE (queue_search), name);
  WAIT_FOR (card (f, g_ptr_array_index (ids, found)) != NULL);
}

/* Every verdict in words while hovering, from the same rules as the server. */
static void
test_hover_verdicts (Fixture *f, gconstpointer data)
{
  const char *text;
  int width, height, hovered_width, hovered_height;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);

  gtk_widget_measure (cell (f, f->busy_chef, "18:00"), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (cell (f, f->busy_chef, "18:00"), GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  text = hover (f, f->moving, cell (f, f->busy_chef, "18:00"));
  g_assert_true (g_str_has_prefix (text, "Conflict: The chef is busy with the 18:00 event"));
  g_assert_true (gtk_widget_has_css_class (cell (f, f->busy_chef, "18:00"), "dispatch-conflict"));
  /* The hovered cell keeps its size: a pointer move does not lay out the board. */
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_widget_measure (cell (f, f->busy_chef, "18:00"), GTK_ORIENTATION_HORIZONTAL, -1, &hovered_width, NULL, NULL, NULL);
  gtk_widget_measure (cell (f, f->busy_chef, "18:00"), GTK_ORIENTATION_VERTICAL, -1, &hovered_height, NULL, NULL, NULL);
  g_assert_cmpint (hovered_width, ==, width);
  g_assert_cmpint (hovered_height, ==, height);
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "dispatch-hover-conflict");
  end_hover (f, cell (f, f->busy_chef, "18:00"));
  g_assert_false (gtk_widget_has_css_class (cell (f, f->busy_chef, "18:00"), "dispatch-conflict"));

  text = hover (f, f->moving, cell (f, f->off_chef, "18:00"));
  g_assert_true (g_str_has_prefix (text, "Conflict: The chef is on time off that day."));
  end_hover (f, cell (f, f->off_chef, "18:00"));

  text = hover (f, f->late, cell (f, f->late_off_chef, "21:00"));
  g_assert_true (g_str_has_prefix (text, "Conflict: The chef does not work the 21:00 slot on this weekday."));
  end_hover (f, cell (f, f->late_off_chef, "21:00"));

  text = hover (f, f->big, cell (f, f->free_chef, "12:00"));
  g_assert_cmpstr (text, ==, "Warning: The party of 25 is larger than the chef’s maximum of 20.");
  g_assert_true (gtk_widget_has_css_class (cell (f, f->free_chef, "12:00"), "dispatch-warning"));
  end_hover (f, cell (f, f->free_chef, "12:00"));

  text = hover (f, f->moving, cell (f, f->free_chef, "18:00"));
  g_assert_true (strstr (text, " is free: ") != NULL);
  g_assert_true (gtk_widget_has_css_class (cell (f, f->free_chef, "18:00"), "dispatch-ok"));
  end_hover (f, cell (f, f->free_chef, "18:00"));

  /* The slot belongs to the customer. */
  text = hover (f, f->moving, cell (f, f->free_chef, "15:00"));
  g_assert_cmpstr (text, ==, "The customer booked 18:00: drop it in the 18:00 column.");
  end_hover (f, cell (f, f->free_chef, "15:00"));
}

/* Every day of the week, every slot. */
static void
works_all_week (Fixture    *f,
                const char *chef)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/chefs/%s", chef);
  GString *body = g_string_new ("{\"weekly_availability\":{");
  const char *days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_autoptr(HibachiTestResponse) r = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_string_append_printf (body, "%s\"%s\":[\"12:00\",\"15:00\",\"18:00\",\"21:00\"]", i > 0 ? "," : "", days[i]);
  g_string_append (body, "}}");
  text = g_string_free (body, FALSE);
  r = hibachi_test_write (f->ts, "PATCH", path, f->owner, text, path);
  g_assert_cmpuint (r->status, ==, 200);
}

/* The warnings of travel and workload while hovering, and the late
 * arrival conflict, in words, from the same rules as the server:
 * - tight travel: the free chef's 12:00 is 20 miles south, 45 minutes
 *   from a 15:00 in Fremont, half its setup hour;
 * - long travel: from there to 45 miles north, 145 minutes;
 * - late arrival: the busy chef's 18:00 in Fremont ends at 19:45, 101
 *   minutes from a 21:00 45 miles north;
 * - workload: a fourth event for a chef with three that day. */
static void
test_hover_travel_workload (Fixture *f, gconstpointer data)
{
  g_autofree char *south = NULL;
  g_autofree char *at_three = NULL;
  g_autofree char *north_six = NULL;
  g_autofree char *north_nine = NULL;
  const char *text;

  works_all_week (f, f->busy_chef);
  works_all_week (f, f->free_chef);
  works_all_week (f, f->late_off_chef);
  south = create_booking_at (f, "12:00", 10, "South Party", SOUTH_LAT, FREMONT_LNG);
  g_assert_cmpuint (server_assign (f, f->owner, south, f->free_chef), ==, 200);
  at_three = create_booking (f, "15:00", 10, "Three Party");
  north_six = create_booking_at (f, "18:00", 10, "North Six", NORTH_LAT, FREMONT_LNG);
  north_nine = create_booking_at (f, "21:00", 10, "North Nine", NORTH_LAT, FREMONT_LNG);
  for (guint i = 0; i < 3; i++)
    {
      const char *slots[] = { "12:00", "15:00", "18:00" };
      g_autofree char *id = create_booking (f, slots[i], 10, "Workload Party");

      g_assert_cmpuint (server_assign (f, f->owner, id, f->late_off_chef), ==, 200);
    }

  open_board (f, OWNER);
  WAIT_FOR (card (f, south) != NULL && card (f, north_nine) != NULL);

  text = hover (f, at_three, cell (f, f->free_chef, "15:00"));
  g_assert_cmpstr (text, ==, "Warning: Travel between events (45 minutes) leaves only 30 of the 60 setup minutes.");
  g_assert_true (gtk_widget_has_css_class (cell (f, f->free_chef, "15:00"), "dispatch-warning"));
  end_hover (f, cell (f, f->free_chef, "15:00"));

  text = hover (f, north_six, cell (f, f->free_chef, "18:00"));
  g_assert_cmpstr (text, ==, "Warning: Travel between events takes 145 minutes; more than 90 is not acceptable.");
  g_assert_true (gtk_widget_has_css_class (cell (f, f->free_chef, "18:00"), "dispatch-warning"));
  end_hover (f, cell (f, f->free_chef, "18:00"));

  text = hover (f, north_nine, cell (f, f->busy_chef, "21:00"));
  g_assert_true (g_str_has_prefix (text, "Conflict: With 101 minutes of travel between events the chef would arrive at "
                                         "21:26, after the 21:00 start."));
  g_assert_true (g_str_has_suffix (text, " Dropping asks for a reason to assign anyway."));
  g_assert_true (gtk_widget_has_css_class (cell (f, f->busy_chef, "21:00"), "dispatch-conflict"));
  end_hover (f, cell (f, f->busy_chef, "21:00"));

  text = hover (f, f->late, cell (f, f->late_off_chef, "21:00"));
  g_assert_cmpstr (text, ==, "Warning: This would be the chef’s event number 4 that day (more than 3).");
  g_assert_true (gtk_widget_has_css_class (cell (f, f->late_off_chef, "21:00"), "dispatch-warning"));
  end_hover (f, cell (f, f->late_off_chef, "21:00"));
}

/* The customers of the queue's cards, in order. */
static char *
queue_order (Fixture *f)
{
  GString *names = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (cell (f, NULL, NULL)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (HIBACHI_IS_DISPATCH_CARD (c))
      g_string_append_printf (names, "%s;", hibachi_booking_get_customer_name (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (c))));
  return g_string_free (names, FALSE);
}

/* A drop moves the card in the same frame, the server assigns, Undo puts
 * the booking back in the queue on the server too; a drop on the queue
 * unassigns; another slot's column refuses with the reason. */
static void
test_drop_assign_undo_unassign (Fixture *f, gconstpointer data)
{
  HibachiUndoStack *undo;
  g_autofree char *chef = NULL;
  g_autofree char *order = NULL;
  g_autofree char *confirmed = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));

  g_assert_false (drop (f, f->moving, cell (f, f->free_chef, "15:00")));
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));

  g_assert_true (drop (f, f->moving, cell (f, f->free_chef, "18:00")));
  /* Optimistic: moved before any answer. */
  g_assert_true (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
  WAIT_FOR (hibachi_undo_stack_get_can_undo (undo));
  chef = server_chef (f, f->moving);
  g_assert_cmpstr (chef, ==, f->free_chef);
  g_assert_cmpuint (hibachi_page_get_badge_count (HIBACHI_PAGE (f->page)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
  g_clear_pointer (&chef, g_free);
  chef = server_chef (f, f->moving);
  g_assert_null (chef);

  /* Reassign a chef's card to the queue: unassigned on the server. */
  g_assert_true (drop (f, f->held, cell (f, NULL, NULL)));
  g_assert_true (is_inside (card (f, f->held), cell (f, NULL, NULL)));
  /* At once where its urgency puts it: the order the server's answer
   * leaves, so nothing jumps when it comes. */
  order = queue_order (f);
  WAIT_FOR (hibachi_undo_stack_get_can_undo (undo));
  chef = server_chef (f, f->held);
  g_assert_null (chef);
  /* Its Undo says what it undoes: the unassignment, not an assignment. */
  {
    g_autofree char *reference = g_strdup (hibachi_booking_get_reference (
      hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (card (f, f->held)))));
    g_autofree char *expected = g_strdup_printf ("unassignment of %s", reference);

    g_assert_cmpstr (hibachi_undo_command_get_description (hibachi_undo_stack_peek (undo)), ==, expected);
  }
  confirmed = queue_order (f);
  g_assert_cmpstr (order, ==, confirmed);
  /* Undo restores the previous chef exactly. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->busy_chef, "18:00")));
  chef = server_chef (f, f->held);
  g_assert_cmpstr (chef, ==, f->busy_chef);
}

static GtkWidget *
message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_contains (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The board says it is read-only, on screen. */
static gboolean
is_read_only_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "You can see the board but not change it.") == 0;
}

static gboolean
read_only_said (Fixture *f)
{
  return hibachi_test_find_mapped (GTK_WIDGET (f->page), is_read_only_label, NULL) != NULL;
}

/* A conflict sends nothing until "Assign anyway" has a reason; a refusal
 * by the server (its data changed behind the board) snaps the card back
 * with the server's reason. */
static void
test_conflict_and_refusal (Fixture *f, gconstpointer data)
{
  g_autofree char *put = NULL;
  g_autofree char *chef = NULL;
  g_autofree char *other = NULL;
  GtkWidget *dialog;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  put = g_strdup_printf ("PUT /api/v1/bookings/%s/chef", f->moving);
  hibachi_test_server_clear_requests (f->ts);

  g_assert_true (drop (f, f->moving, cell (f, f->busy_chef, "18:00")));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  gtk_editable_set_text (GTK_EDITABLE (hibachi_test_find_type (dialog, GTK_TYPE_ENTRY)), "too short");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  hibachi_test_settle ();
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, put), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (hibachi_test_find_type (dialog, GTK_TYPE_ENTRY)), "Two chefs share the grill tonight.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, put) == 1 &&
            is_inside (card (f, f->moving), cell (f, f->busy_chef, "18:00")));
  WAIT_FOR (hibachi_undo_stack_get_can_undo (hibachi_context_get_undo_stack (hibachi_window_get_context (f->window))));
  chef = server_chef (f, f->moving);
  g_assert_cmpstr (chef, ==, f->busy_chef);

  /* Behind the board's back the free chef gets an 18:00 party; the board
   * still shows them free, the server refuses, the card goes back. */
  other = create_booking (f, "18:00", 10, "Other Party");
  g_assert_cmpuint (server_assign (f, f->owner, other, f->free_chef), ==, 200);
  g_assert_true (drop (f, f->held, cell (f, f->free_chef, "18:00")));
  g_assert_true (is_inside (card (f, f->held), cell (f, f->free_chef, "18:00")));
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->busy_chef, "18:00")));
  g_clear_pointer (&chef, g_free);
  chef = server_chef (f, f->held);
  g_assert_cmpstr (chef, ==, f->busy_chef);
  WAIT_FOR (label_contains (GTK_WIDGET (f->window), "The chef has a conflict"));
}

static gboolean
press (Fixture *f,
       guint    keyval,
       GdkModifierType state)
{
  GtkWidget *overlay = gtk_widget_get_parent (gtk_widget_get_parent (cell (f, f->free_chef, "18:00")));
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  /* The board's key handler sits on the overlay around the scrolled grid. */
  while (overlay != NULL && (keys = controller (overlay, GTK_TYPE_EVENT_CONTROLLER_KEY)) == NULL)
    overlay = gtk_widget_get_parent (overlay);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  hibachi_test_settle ();
  return handled;
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* The keyboard alone: arrows between cards and cells, Space picks up,
 * arrows carry it with the verdict, Esc puts it down, Enter drops. */
/* Whether @menu (a GtkPopoverMenu) has an item for @action with @target. */
static gboolean
menu_offers (GtkWidget  *menu,
             const char *action,
             const char *target)
{
  GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GVariant) item_target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                                               G_VARIANT_TYPE_STRING);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) && item_target != NULL &&
          g_str_equal (g_variant_get_string (item_target, NULL), target))
        return TRUE;
    }
  return FALSE;
}

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  HibachiUndoStack *undo;
  g_autofree char *chef = NULL;
  GtkWidget *target = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));

  /* From the held card, down and up between rows, back to it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card (f, f->held))));
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (is_inside (focus (f), cell (f, f->busy_chef, "15:00")) || focus (f) == cell (f, f->busy_chef, "15:00"));
  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_true (focus (f) == GTK_WIDGET (card (f, f->held)));

  /* The moving card in the queue: pick up, go left onto the board. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card (f, f->moving))));
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card (f, f->moving)), "dispatch-dragged"));
  /* Walk to the free chef's 18:00 cell: left into the board, then along
   * the rows and columns. */
  g_assert_true (press (f, GDK_KEY_Left, 0));
  for (int i = 0; i < 20 && focus (f) != cell (f, f->free_chef, "18:00"); i++)
    {
      int column, row, want_column, want_row;
      GtkWidget *grid = gtk_widget_get_parent (cell (f, f->free_chef, "18:00"));

      gtk_grid_query_child (GTK_GRID (grid), focus (f), &column, &row, NULL, NULL);
      gtk_grid_query_child (GTK_GRID (grid), cell (f, f->free_chef, "18:00"), &want_column, &want_row, NULL, NULL);
      press (f, column < want_column ? GDK_KEY_Right : column > want_column ? GDK_KEY_Left
                : row < want_row ? GDK_KEY_Down : GDK_KEY_Up, 0);
    }
  target = cell (f, f->free_chef, "18:00");
  g_assert_true (focus (f) == target);
  g_assert_true (gtk_widget_has_css_class (target, "dispatch-ok"));

  /* Esc: nothing moved, the card has the focus again. */
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_has_css_class (target, "dispatch-ok"));
  g_assert_true (focus (f) == GTK_WIDGET (card (f, f->moving)));
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));

  /* Again, and Enter drops: assigned on the server, focus stays on the card. */
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_true (press (f, GDK_KEY_Left, 0));
  for (int i = 0; i < 20 && focus (f) != target; i++)
    {
      int column, row, want_column, want_row;

      gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (target)), focus (f), &column, &row, NULL, NULL);
      gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (target)), target, &want_column, &want_row, NULL, NULL);
      press (f, column < want_column ? GDK_KEY_Right : column > want_column ? GDK_KEY_Left
                : row < want_row ? GDK_KEY_Down : GDK_KEY_Up, 0);
    }
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_true (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
  WAIT_FOR (hibachi_undo_stack_get_can_undo (undo));
  chef = server_chef (f, f->moving);
  g_assert_cmpstr (chef, ==, f->free_chef);
  g_assert_true (is_inside (focus (f), GTK_WIDGET (card (f, f->moving))) || focus (f) == GTK_WIDGET (card (f, f->moving)));

  /* Shift+F10 opens the card's menu with Unassign. */
  g_assert_true (press (f, GDK_KEY_F10, GDK_SHIFT_MASK));
  {
    GtkWidget *menu;

    /* The popover is made when the key is handled, shown on a later frame. */
    WAIT_FOR ((menu = hibachi_test_find_type (GTK_WIDGET (card (f, f->moving)), GTK_TYPE_POPOVER_MENU)) != NULL &&
              gtk_widget_get_visible (menu));
    g_assert_true (gtk_widget_get_visible (menu));
    g_assert_true (menu_offers (menu, "win.show-booking",
                                hibachi_booking_get_reference (hibachi_dispatch_card_get_booking (card (f, f->moving)))));
    /* What choosing "Unassign" in it does: the menu closes, the action runs. */
    gtk_popover_popdown (GTK_POPOVER (menu));
    gtk_widget_activate_action (GTK_WIDGET (card (f, f->moving)), "dispatch.unassign", "s", f->moving);
  }
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
  WAIT_FOR (server_chef_is (f, f->moving, NULL));

  /* The menu's "Open in Bookings": the Bookings page, showing that booking. */
  {
    g_autofree char *wanted = g_strdup (hibachi_booking_get_reference (hibachi_dispatch_card_get_booking (card (f, f->moving))));
    HibachiBookingsView *bookings = hibachi_window_get_bookings_view (f->window);

    gtk_widget_activate_action (GTK_WIDGET (card (f, f->moving)), "win.show-booking", "s", wanted);
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (bookings)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hibachi_test_find_type (GTK_WIDGET (bookings), GTK_TYPE_SEARCH_ENTRY))),
                     ==, wanted);
  }
}

static HibachiAssignDialog *
assign_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  HibachiAssignDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HIBACHI_IS_ASSIGN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Clicks the dialog's button of @response (what a user does: the dialog
 * answers and closes). */
static gboolean
click_response (GtkWidget  *root,
                const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        {
          g_signal_emit_by_name (child, "clicked");
          return TRUE;
        }
      if (click_response (child, label))
        return TRUE;
    }
  return FALSE;
}

/* Enter on a card opens Assign to… (the chefs ranked, each with its
 * conflict state); choosing one assigns it, the board shows it, Undo
 * takes it back. The card menu offers the same. */
static void
test_keyboard_assign_to (Fixture *f, gconstpointer data)
{
  HibachiAssignDialog *dialog = NULL;
  GtkListBox *chefs;
  GtkListBoxRow *row = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card (f, f->moving))));
  g_assert_true (press (f, GDK_KEY_Return, 0));
  WAIT_FOR ((dialog = assign_dialog ()) != NULL);
  chefs = GTK_LIST_BOX (hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  WAIT_FOR (gtk_list_box_get_row_at_index (chefs, 0) != NULL);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (chefs, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "chef-id"), f->free_chef) == 0)
      break;
  g_assert_nonnull (row);
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict")));
  /* The busy chef is listed with the conflict. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (chefs, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "chef-id"), f->busy_chef) == 0)
      break;
  g_assert_nonnull (row);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-conflict")));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (chefs, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "chef-id"), f->free_chef) == 0)
      break;
  gtk_list_box_select_row (chefs, row);
  hibachi_test_settle ();
  g_assert_true (click_response (GTK_WIDGET (dialog),
                                 adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "assign")));
  WAIT_FOR (assign_dialog () == NULL);
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
  WAIT_FOR (server_chef_is (f, f->moving, f->free_chef));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
  WAIT_FOR (server_chef_is (f, f->moving, NULL));

  /* From the card's menu: the same dialog; closing it changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (card (f, f->moving)), "dispatch.assign-to", "s", f->moving);
  WAIT_FOR ((dialog = assign_dialog ()) != NULL);
  chefs = GTK_LIST_BOX (hibachi_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  WAIT_FOR (gtk_list_box_get_row_at_index (chefs, 0) != NULL);
  g_assert_true (click_response (GTK_WIDGET (dialog),
                                 adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "cancel")));
  WAIT_FOR (assign_dialog () == NULL);
  /* The dialog's last reference goes with its task, after the close. */
  hibachi_test_pause_ms (300);
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
}

/* Real keys and a real click (XTest), through GTK's own routing rather
 * than straight to the board's key handler: a card in the queue takes
 * Space and Esc as a card on the board does, and the card clicked last is
 * the one Enter opens Assign to… for, not the one focused before it. */
static void
test_keys_reach_queue (Fixture *f, gconstpointer data)
{
  GtkWidget *window, *held, *moving;
  HibachiAssignDialog *dialog;
  const char *reference;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL && card (f, f->moving) != NULL);
  window = GTK_WIDGET (f->window);
  moving = GTK_WIDGET (card (f, f->moving));
  held = GTK_WIDGET (card (f, f->held));
  g_assert_true (is_inside (moving, cell (f, NULL, NULL)));
  hibachi_test_x_focus (window);

  g_assert_true (gtk_widget_grab_focus (moving));
  hibachi_test_x_key (window, GDK_KEY_space, 0);
  g_assert_true (gtk_widget_has_css_class (moving, "dispatch-dragged"));
  hibachi_test_x_key (window, GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_has_css_class (moving, "dispatch-dragged"));
  g_assert_true (focus (f) == moving);

  g_assert_true (gtk_widget_grab_focus (held));
  hibachi_test_x_button (moving, 1);
  WAIT_FOR (focus (f) == moving);
  hibachi_test_x_key (window, GDK_KEY_Return, 0);
  WAIT_FOR ((dialog = assign_dialog ()) != NULL);
  reference = hibachi_booking_get_reference (hibachi_dispatch_card_get_booking (card (f, f->moving)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), reference));
  g_assert_true (click_response (GTK_WIDGET (dialog),
                                 adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "cancel")));
  WAIT_FOR (assign_dialog () == NULL);
  hibachi_test_pause_ms (300);
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
}

/* The chef row's menu button of @chef_id, or NULL. */
static GtkWidget *
chef_menu (Fixture    *f,
           const char *chef_id)
{
  GtkWidget *in_cell = cell (f, chef_id, "18:00");

  return g_object_get_data (G_OBJECT (in_cell), "dispatch-chef-menu");
}

/* Picks @chef_id in the Move the Day dialog's chef list. */
static void
pick_chef (Fixture    *f,
           GtkWidget  *dialog,
           const char *chef_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/chefs/%s", chef_id);
  g_autoptr(JsonObject) chef = get_object (f, path);
  const char *name = json_object_get_string_member (chef, "name");
  GtkDropDown *dropdown = GTK_DROP_DOWN (hibachi_test_find_type (dialog, GTK_TYPE_DROP_DOWN));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
      {
        gtk_drop_down_set_selected (dropdown, i);
        hibachi_test_settle ();
        return;
      }
  g_assert_not_reached ();
}

/* A chef row's menu moves the chef's day: each booking's verdict is listed
 * before anything is sent, one batch request moves them all, one undo puts
 * every previous chef back; a conflict sends nothing until "Move Anyway"
 * has a reason. */
static void
test_move_day (Fixture *f, gconstpointer data)
{
  HibachiUndoStack *undo;
  GtkWidget *menu, *dialog, *reason;
  g_autofree char *label = NULL;
  g_autofree char *batch = g_strdup ("POST /api/v1/dispatch/assignments");

  /* The busy chef's day: held at 18:00 and the big party at 12:00. */
  g_assert_cmpuint (server_assign (f, f->owner, f->big, f->busy_chef), ==, 200);
  open_board (f, OWNER);
  WAIT_FOR (card (f, f->big) != NULL);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));

  /* The row's menu: a named button, and Shift+F10 on the chef's cells. */
  menu = chef_menu (f, f->busy_chef);
  g_assert_nonnull (menu);
  g_assert_true (GTK_IS_MENU_BUTTON (menu));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (menu), "Actions for "));
  g_assert_true (gtk_widget_grab_focus (cell (f, f->busy_chef, "15:00")));
  g_assert_true (press (f, GDK_KEY_F10, GDK_SHIFT_MASK));
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))));
  g_assert_true (menu_offers (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))),
                              "dispatch.move-day", f->busy_chef));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  hibachi_test_settle ();

  /* To the free chef: 18:00 is free, the party of 25 is a warning. */
  hibachi_test_server_clear_requests (f->ts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.move-day", "s", f->busy_chef));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  pick_chef (f, dialog, f->free_chef);
  g_assert_true (label_contains (dialog, " is free: "));
  g_assert_true (label_contains (dialog, "Warning: The party of 25 is larger than the chef’s maximum of 20."));
  reason = hibachi_test_find_type (dialog, GTK_TYPE_ENTRY);
  g_assert_false (gtk_widget_get_visible (reason));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, batch), ==, 0);
  hibachi_test_save_screenshot (GTK_WIDGET (dialog), "dispatch-move-day");
  g_assert_true (click_response (dialog, "_Move"));
  WAIT_FOR (hibachi_undo_stack_get_can_undo (undo));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, batch), ==, 1);
  g_assert_true (server_chef_is (f, f->held, f->free_chef));
  g_assert_true (server_chef_is (f, f->big, f->free_chef));
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->free_chef, "18:00")) &&
            is_inside (card (f, f->big), cell (f, f->free_chef, "12:00")));

  /* One undo: both back with the busy chef. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->busy_chef, "18:00")) &&
            is_inside (card (f, f->big), cell (f, f->busy_chef, "12:00")));
  g_assert_true (server_chef_is (f, f->held, f->busy_chef));
  g_assert_true (server_chef_is (f, f->big, f->busy_chef));

  /* To the chef on time off: conflicts, nothing sent without a reason. */
  WAIT_FOR (message_dialog () == NULL);
  hibachi_test_server_clear_requests (f->ts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.move-day", "s", f->busy_chef));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  pick_chef (f, dialog, f->off_chef);
  g_assert_true (label_contains (dialog, "Conflict: The chef is on time off that day."));
  g_assert_false (label_contains (dialog, "Dropping"));   /* the hover's words, not the dialog's */
  reason = hibachi_test_find_type (dialog, GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "move"), ==, "Move _Anyway");
  gtk_editable_set_text (GTK_EDITABLE (reason), "too short");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  hibachi_test_settle ();
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, batch), ==, 0);
  g_assert_true (server_chef_is (f, f->held, f->busy_chef));
  gtk_editable_set_text (GTK_EDITABLE (reason), "The busy chef is needed at the festival.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  hibachi_test_save_screenshot (GTK_WIDGET (dialog), "dispatch-move-day-conflict");
  g_assert_true (click_response (dialog, "Move _Anyway"));
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, batch) == 1);
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->off_chef, "18:00")));
  g_assert_true (server_chef_is (f, f->held, f->off_chef));
  g_assert_true (server_chef_is (f, f->big, f->off_chef));
}

/* The focus widget of the window X has focused, or NULL. */
static GtkWidget *
focused_in (GtkWidget *window)
{
  return window != NULL ? gtk_root_get_focus (GTK_ROOT (window)) : NULL;
}

/* Whether the focus is @widget or inside it. */
static gboolean
focus_within (GtkWidget *window,
              GtkWidget *widget)
{
  GtkWidget *focus = focused_in (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Move the Day with the keyboard alone: Shift+F10 on the chef's row opens
 * its menu on its item, Enter opens the dialog, Esc leaves it with nothing
 * sent; opened again, the chef drop-down opens with Enter, arrows pick the
 * chef, Tab reaches Move and Enter moves the day. */
static void
test_move_day_keyboard (Fixture *f, gconstpointer data)
{
  g_autofree char *batch = g_strdup ("POST /api/v1/dispatch/assignments");
  g_autofree char *path = g_strdup_printf ("/api/v1/chefs/%s", f->free_chef);
  g_autoptr(JsonObject) free_chef = get_object (f, path);
  GtkWidget *menu, *popover, *dialog = NULL, *dropdown = NULL, *move = NULL;
  GListModel *names;
  guint target = G_MAXUINT;

  g_assert_cmpuint (server_assign (f, f->owner, f->big, f->busy_chef), ==, 200);
  open_board (f, OWNER);
  WAIT_FOR (card (f, f->big) != NULL);
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (f->window))))
    {
      g_test_skip ("XTest needs an X11 display");
      return;
    }
  hibachi_test_x_focus (GTK_WIDGET (f->window));
  menu = chef_menu (f, f->busy_chef);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  hibachi_test_server_clear_requests (f->ts);

  for (int round = 0; round < 2; round++)
    {
      /* Where the keyboard user is: a cell of the busy chef's row. */
      g_assert_true (gtk_widget_grab_focus (cell (f, f->busy_chef, "15:00")));
      hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_F10, GDK_KEY_Shift_L);
      WAIT_FOR (gtk_widget_get_visible (popover));
      /* The menu opens on its one item, "Move the Day…": Enter opens the dialog. */
      WAIT_FOR (GTK_IS_WIDGET (focused_in (GTK_WIDGET (f->window))) &&
                gtk_widget_is_ancestor (focused_in (GTK_WIDGET (f->window)), popover));
      hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0);
      WAIT_FOR ((dialog = message_dialog ()) != NULL);
      hibachi_test_x_focus (dialog);
      dropdown = hibachi_test_find_type (dialog, GTK_TYPE_DROP_DOWN);
      WAIT_FOR (focus_within (dialog, dropdown));
      if (round == 0)
        {
          /* Esc: the dialog goes, nothing is sent. */
          hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0);
          WAIT_FOR (message_dialog () == NULL);
          g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, batch), ==, 0);
          /* Xvfb has no window manager to give the focus back. */
          hibachi_test_x_focus (GTK_WIDGET (f->window));
        }
    }

  /* The free chef: Enter opens the list, Down to the chef, Enter picks. */
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                     json_object_get_string_member (free_chef, "name")))
      target = i;
  g_assert_cmpuint (target, <, g_list_model_get_n_items (names));
  hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0);
  WAIT_FOR (gtk_widget_get_visible (hibachi_test_find_type (dropdown, GTK_TYPE_POPOVER)));
  for (guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)); i < target; i++)
    hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Down, 0);
  hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0);
  WAIT_FOR (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == target);
  WAIT_FOR (focus_within (dialog, dropdown));
  g_assert_true (label_contains (dialog, " is free: "));

  /* Tab to Move (through the bookings' list), Enter moves. */
  for (int i = 0; i < 10 && move == NULL; i++)
    {
      GtkWidget *focus;

      hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Tab, 0);
      focus = focused_in (dialog);
      if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Move") == 0)
        move = focus;
    }
  g_assert_nonnull (move);
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, batch), ==, 0);
  hibachi_test_x_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0);
  WAIT_FOR (message_dialog () == NULL);
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, batch) == 1);
  WAIT_FOR (server_chef_is (f, f->held, f->free_chef) && server_chef_is (f, f->big, f->free_chef));
  WAIT_FOR (is_inside (card (f, f->held), cell (f, f->free_chef, "18:00")) &&
            is_inside (card (f, f->big), cell (f, f->free_chef, "12:00")));
}

/* The day's bookings move together: each is checked with the others on
 * the new chef too. The free chef has 15:00 and 21:00; the busy chef's
 * 12:00 and 18:00 make a fourth event for each of them there. */
static void
test_move_day_together (Fixture *f, gconstpointer data)
{
  g_autofree char *noon = NULL;
  g_autofree char *three = NULL;
  GtkWidget *dialog;

  works_all_week (f, f->free_chef);
  noon = create_booking (f, "12:00", 10, "Noon Party");
  three = create_booking (f, "15:00", 10, "Three Party");
  g_assert_cmpuint (server_assign (f, f->owner, noon, f->busy_chef), ==, 200);
  g_assert_cmpuint (server_assign (f, f->owner, three, f->free_chef), ==, 200);
  g_assert_cmpuint (server_assign (f, f->owner, f->late, f->free_chef), ==, 200);
  open_board (f, OWNER);
  WAIT_FOR (card (f, noon) != NULL && card (f, f->late) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.move-day", "s", f->busy_chef));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  pick_chef (f, dialog, f->free_chef);
  g_assert_true (label_contains (dialog, "Warning: This would be the chef’s event number 4 that day (more than 3)."));
  g_assert_false (label_contains (dialog, " is free: "));
  g_assert_true (click_response (dialog, "_Move"));
  WAIT_FOR (is_inside (card (f, noon), cell (f, f->free_chef, "12:00")) &&
            is_inside (card (f, f->held), cell (f, f->free_chef, "18:00")));
  g_assert_true (server_chef_is (f, noon, f->free_chef));
  g_assert_true (server_chef_is (f, f->held, f->free_chef));
}

/* A reload sent before a drop is answered before the assignment: what it
 * says is already stale, and the card must not jump back to the queue; the
 * board takes the server's state again once the assignment is confirmed. */
static void
test_reload_during_drop (Fixture *f, gconstpointer data)
{
  HibachiUndoStack *undo;
  gboolean timed_out = FALSE;
  guint timeout;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.reload", NULL);
  g_assert_true (drop (f, f->moving, cell (f, f->free_chef, "18:00")));
  timeout = g_timeout_add_seconds (HIBACHI_TEST_WAIT_SECONDS, hibachi_test_timeout_cb, &timed_out);
  while (!(hibachi_undo_stack_get_can_undo (undo) && !hibachi_dispatch_page_get_loading (f->page)) && !timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_true (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
    }
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_true (server_chef_is (f, f->moving, f->free_chef));
  g_assert_true (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
}

/* With "All stations" the page's switcher names the station shown; the
 * label beside it stays empty, so the station is named once. */
static void
test_station_once (Fixture *f, gconstpointer data)
{
  GtkWidget *dropdown;

  open_board (f, OWNER);
  dropdown = find_class (GTK_WIDGET (f->page), "dispatch-station-switcher");
  g_assert_null (dropdown);   /* one station chosen in the window: no switcher, the label names it */
  dropdown = hibachi_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (dropdown))), ==, "Fremont");

  hibachi_page_set_station_id (HIBACHI_PAGE (f->page), NULL);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page) &&
            (dropdown = find_class (GTK_WIDGET (f->page), "dispatch-station-switcher")) != NULL);
  hibachi_test_settle ();
  g_assert_true (gtk_widget_get_visible (dropdown));
  /* The toolbar's station label comes right after the switcher. */
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (dropdown)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (dropdown))), ==, "");
}

/* A chef signs in: no Dispatch in the sidebar, and the page cannot be
 * shown; an owner in the same window sees it again. */
static void
test_chef_role (Fixture *f, gconstpointer data)
{
  GtkWidget *page, *stack, *row;

  sign_in (f, "chef.kenji@demo.test");
  page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE);
  g_assert_nonnull (page);
  g_assert_false (gtk_widget_get_visible (page));
  row = find_name (GTK_WIDGET (f->window), gtk_widget_get_name (page), GTK_TYPE_LIST_BOX_ROW);
  g_assert_null (row);
  g_assert_nonnull (find_name (GTK_WIDGET (f->window), "bookings", GTK_TYPE_LIST_BOX_ROW));
  stack = gtk_widget_get_parent (page);
  while (!GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  hibachi_test_settle ();
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) != page);
  g_assert_false (gtk_widget_get_mapped (page));
  /* The window's actions lead elsewhere: Bookings, not the board. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-booking", "s", "MH-000000");
  hibachi_test_settle ();
  g_assert_false (gtk_widget_get_mapped (page));
}

/* The app opens on Bookings: the hidden board does not load at sign-in,
 * where it would hold up the first rows, but a moment later, by itself,
 * for its sidebar badge. */
static void
test_hidden_first_load (Fixture *f, gconstpointer data)
{
  GtkWidget *page;

  hibachi_test_server_clear_requests (f->ts);
  sign_in (f, OWNER);
  page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_false (hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?"), ==, 0);
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?") == 1 &&
            !hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  g_assert_false (gtk_widget_get_mapped (page));
}

static char *
calendar_text (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* Issue 11: the window builds every page at startup, on the way to the
 * first bookings rows; the date menu's calendar is made when the menu
 * first opens. It shows the date the board was given while hidden, and a
 * day picked in it loads that day. */
static void
test_calendar_when_opened (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *later_text = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *page, *button, *popover;
  GtkCalendar *calendar;
  int year, month, day;

  g_assert_cmpint (sscanf (f->date, "%d-%d-%d", &year, &month, &day), ==, 3);
  base = g_date_time_new_local (year, month, day, 0, 0, 0);
  later = g_date_time_add_days (base, 9);
  next = g_date_time_add_days (later, 1);
  later_text = g_date_time_format (later, "%Y-%m-%d");
  next_text = g_date_time_format (next, "%Y-%m-%d");

  sign_in (f, OWNER);
  page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE);
  f->page = HIBACHI_DISPATCH_PAGE (page);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (hibachi_test_find_type (page, GTK_TYPE_CALENDAR));
  button = hibachi_test_find_tooltip (page, "Choose a date");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  /* A date set while hidden (as the bookings view's "show on the board"). */
  hibachi_page_set_station_id (HIBACHI_PAGE (page), f->station);
  hibachi_dispatch_page_set_date (f->page, later_text);
  show_in_stack (page);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  hibachi_test_settle ();
  g_assert_null (hibachi_test_find_type (page, GTK_TYPE_CALENDAR));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  calendar = GTK_CALENDAR (hibachi_test_find_type (popover, GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (calendar)));
  shown = calendar_text (calendar);
  g_assert_cmpstr (shown, ==, later_text);

  /* A day picked: the menu closes, the board shows that day. */
  gtk_calendar_select_day (calendar, next);
  WAIT_FOR (!gtk_widget_get_visible (popover));
  g_assert_cmpstr (hibachi_dispatch_page_get_date (f->page), ==, next_text);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));

  /* Opened again: the same calendar, on the new day. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  WAIT_FOR (gtk_widget_get_mapped (popover));
  g_assert_true (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))) == popover);
  g_assert_true (GTK_CALENDAR (hibachi_test_find_type (popover, GTK_TYPE_CALENDAR)) == calendar);
  g_clear_pointer (&shown, g_free);
  shown = calendar_text (calendar);
  g_assert_cmpstr (shown, ==, next_text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* That load, made for the badge while people work in Bookings, builds no
 * board nobody sees (a week's board is 100–200 ms of the main loop while
 * they scroll). Shown, the board is built from it with no second request,
 * and its queue holds what the badge counted. */
static void
test_hidden_load_builds_when_shown (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (g_date_time_new_now_local (), 1);
  g_autofree char *test_day = g_steal_pointer (&f->date);
  g_autofree char *waiting = NULL;
  GtkWidget *page;
  guint cards = 0;

  /* One booking waits for a chef tomorrow, in the board's station. */
  f->date = g_date_time_format (tomorrow, "%Y-%m-%d");
  waiting = create_booking (f, "18:00", 10, "Waiting Party");
  g_free (f->date);
  f->date = g_steal_pointer (&test_day);
  hibachi_test_server_clear_requests (f->ts);
  /* Fremont's manager: the board is Fremont's. */
  sign_in (f, "fremont.manager@demo.test");
  page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE);
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?") == 1 &&
            !hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  hibachi_test_settle ();
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_cmpuint (hibachi_page_get_badge_count (HIBACHI_PAGE (page)), >, 0);
  g_assert_null (find_class (page, "dispatch-cell"));
  g_assert_null (hibachi_test_find_type (page, HIBACHI_TYPE_DISPATCH_CARD));
  /* Nor the rules' JSON: the badge is counted from the bookings' fields. */
  g_assert_nonnull (HIBACHI_DISPATCH_PAGE (page)->bookings);
  g_assert_cmpuint (HIBACHI_DISPATCH_PAGE (page)->bookings->len, >, 0);
  for (guint i = 0; i < HIBACHI_DISPATCH_PAGE (page)->bookings->len; i++)
    g_assert_false (hibachi_resource_has_json (g_ptr_array_index (HIBACHI_DISPATCH_PAGE (page)->bookings, i)));

  show_in_stack (page);
  hibachi_test_settle ();
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (find_class (page, "dispatch-cell"));
  for (GtkWidget *c = gtk_widget_get_first_child (find_class (page, "dispatch-queue")); c != NULL; c = gtk_widget_get_next_sibling (c))
    cards += HIBACHI_IS_DISPATCH_CARD (c) ? 1 : 0;
  g_assert_cmpuint (cards, ==, MIN (hibachi_page_get_badge_count (HIBACHI_PAGE (page)), 40));
  g_assert_nonnull (card_in (page, waiting));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?"), ==, 1);
}

/* Shown before that moment: the board loads at once. */
static void
test_hidden_shown_early (Fixture *f, gconstpointer data)
{
  GtkWidget *page;

  hibachi_test_server_clear_requests (f->ts);
  sign_in (f, OWNER);
  page = hibachi_test_find_type (GTK_WIDGET (f->window), HIBACHI_TYPE_DISPATCH_PAGE);
  g_assert_false (hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  show_in_stack (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  WAIT_FOR (!hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (page)));
  g_assert_cmpuint (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?"), ==, 1);
}

/* Customer support sees the board and cannot move anything. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *chef = NULL;

  open_board (f, SUPPORT);
  WAIT_FOR (card (f, f->held) != NULL);
  /* Said, not left to a drag that does nothing. */
  g_assert_true (read_only_said (f));
  g_assert_null (controller (GTK_WIDGET (card (f, f->moving)), GTK_TYPE_DRAG_SOURCE));
  /* No chef row menu: a chef's day cannot be moved. */
  g_assert_null (find_class (GTK_WIDGET (f->page), "dispatch-chef-menu"));
  g_assert_null (g_object_get_data (G_OBJECT (cell (f, f->busy_chef, "18:00")), "dispatch-chef-menu"));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.move-day", "s", f->busy_chef);
  hibachi_test_settle ();
  g_assert_null (message_dialog ());
  g_assert_false (drop (f, f->moving, cell (f, f->free_chef, "18:00")));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card (f, f->moving))));
  g_assert_false (press (f, GDK_KEY_space, 0));
  hibachi_test_settle ();
  g_assert_true (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
  chef = server_chef (f, f->moving);
  g_assert_null (chef);
}

/* Another dispatcher's assignment appears within 2 s, saying who did it;
 * a drop of a card that changed underneath is refused and explained. */
static void
test_second_client (Fixture *f, gconstpointer data)
{
  g_autofree char *manager = NULL;
  g_autoptr(HibachiBooking) stale = NULL;
  g_autoptr(GTimer) timer = NULL;
  HibachiDispatchCard *moved;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean done = TRUE;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  hibachi_test_pause_ms (500);   /* the feed's first poll is in */
  stale = g_object_ref (hibachi_dispatch_card_get_booking (card (f, f->moving)));

  manager = hibachi_test_login (f->ts, "fremont.manager@demo.test");
  timer = g_timer_new ();
  g_assert_cmpuint (server_assign (f, manager, f->moving, f->free_chef), ==, 200);
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
  g_test_message ("another client's change on the board after %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  moved = card (f, f->moving);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (moved)), ==, "Moved by Fran Fremont");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (moved), "dispatch-moved"));

  /* The drag began before the change: its booking is the old version. */
  g_value_init (&value, HIBACHI_TYPE_BOOKING);
  g_value_set_object (&value, stale);
  g_signal_emit_by_name (controller (cell (f, f->busy_chef, "18:00"), GTK_TYPE_DROP_TARGET), "drop", &value, 5.0, 5.0, &done);
  g_assert_false (done);
  WAIT_FOR (label_contains (GTK_WIDGET (f->window), "was changed by Fran Fremont while you moved it"));
  g_assert_true (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
}

/* Every label under @root whose text contains @text. */
static void
labels_containing (GtkWidget  *root,
                   const char *text,
                   GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        g_ptr_array_add (out, child);
      labels_containing (child, text, out);
    }
}

/* At 1280 px (the screen) beside the sidebar and the queue the board
 * fits: nothing to scroll sideways, the chef names stay in view. @inside:
 * a widget on the board. */
static void
assert_board_fits (Fixture   *f,
                   GtkWidget *inside)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (inside, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_test_message ("board: %.0f px wide in %.0f px", gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1280);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
}

/* The week: chefs × days with totals; a drop keeps the slot, another day
 * is refused. */
/* Every day's load in the week shown is two lines, "0 events" over
 * "0 guests": the words once wrapped anywhere ("0 events · 0" over
 * "guests"). */
static gboolean
week_loads_on_two_lines (GtkWidget *page)
{
  g_autoptr(GPtrArray) loads = g_ptr_array_new ();
  guint checked = 0;

  labels_containing (page, " guests", loads);
  for (guint i = 0; i < loads->len; i++)
    {
      GtkLabel *load = g_ptr_array_index (loads, i);

      if (!gtk_widget_has_css_class (GTK_WIDGET (load), "dim-label") || !gtk_widget_get_mapped (GTK_WIDGET (load)) ||
          strstr (gtk_label_get_text (load), "events") == NULL || gtk_label_get_justify (load) != GTK_JUSTIFY_CENTER)
        continue;
      if (pango_layout_get_line_count (gtk_label_get_layout (load)) != 2 || strchr (gtk_label_get_text (load), '\n') == NULL)
        return FALSE;
      checked++;
    }

  return checked > 0;
}

static void
test_week_view (Fixture *f, gconstpointer data)
{
  GtkWidget *week_cell;
  g_autofree char *chef = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  hibachi_dispatch_page_set_mode (f->page, HIBACHI_DISPATCH_WEEK);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page) &&
            cell_in (GTK_WIDGET (f->page), f->free_chef, f->date, NULL) != NULL && card (f, f->held) != NULL);
  week_cell = cell_in (GTK_WIDGET (f->page), f->free_chef, f->date, NULL);
  g_assert_true (is_inside (card (f, f->held), cell_in (GTK_WIDGET (f->page), f->busy_chef, f->date, NULL)));
  /* The day's totals: every booking of the day, assigned or waiting. */
  g_assert_true (label_contains (GTK_WIDGET (f->page), "4 events\n55 guests"));
  /* Each day's load on two lines, waited for, not read at once: a label's layout is of its last
   * allocation, and the week's columns had not had theirs yet once (CI,
   * Debian 13: 4 lines). One that stays on more lines still fails. */
  WAIT_FOR (week_loads_on_two_lines (GTK_WIDGET (f->page)));
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "dispatch-week");
  /* Seven days shown; Suggest for the Day says which one it is for. */
  {
    GDate day;
    g_autofree char *date = NULL;
    g_autofree char *tooltip = NULL;
    GtkWidget *suggest;

    g_date_clear (&day, 1);
    g_assert_true (hibachi_validate_date (f->date, &day, NULL));
    date = hibachi_date_format_gdate (&day);
    tooltip = g_strdup_printf ("Propose a chef for every booking waiting on %s", date);
    suggest = hibachi_test_find_tooltip (GTK_WIDGET (f->page), tooltip);
    g_assert_nonnull (suggest);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggest)), ==, "dispatch.suggest");
  }
  assert_board_fits (f, week_cell);

  {
    GDate other;
    char text[16];

    g_date_clear (&other, 1);
    hibachi_validate_date (f->date, &other, NULL);
    if (g_date_get_weekday (&other) == G_DATE_SUNDAY)
      g_date_subtract_days (&other, 1);
    else
      g_date_add_days (&other, 1);
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &other);
    g_assert_false (drop (f, f->moving, cell_in (GTK_WIDGET (f->page), f->free_chef, text, NULL)));
  }

  g_assert_true (drop (f, f->moving, week_cell));
  g_assert_true (is_inside (card (f, f->moving), cell_in (GTK_WIDGET (f->page), f->free_chef, f->date, NULL)));
  WAIT_FOR (hibachi_undo_stack_get_can_undo (hibachi_context_get_undo_stack (hibachi_window_get_context (f->window))));
  chef = server_chef (f, f->moving);
  g_assert_cmpstr (chef, ==, f->free_chef);
}



static guint
count_class (GtkWidget  *root,
             const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += (gtk_widget_has_css_class (child, css_class) ? 1 : 0) + count_class (child, css_class);
  return n;
}

/* Labels under @root whose text is shortened ("MH-…") and starts with @prefix. */
static guint
count_shortened (GtkWidget  *root,
                 const char *prefix)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix) &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
        n++;
      n += count_shortened (child, prefix);
    }
  return n;
}

/* The queue is the same days in the day and the week view of a date: from
 * the first day shown to two weeks after the date (the week's began on its
 * Monday and ended two weeks after that, so "Unassigned" said 34 in the
 * day and 30 in its week). */
static void
test_queue_day_and_week (Fixture *f, gconstpointer data)
{
  GDate day, last;
  char day_text[16], last_text[16];
  g_autofree char *saved = g_steal_pointer (&f->date);
  g_autofree char *far = NULL;

  /* A Thursday, so its week began three days before. */
  g_date_clear (&day, 1);
  g_assert_true (hibachi_validate_date (saved, &day, NULL));
  while (g_date_get_weekday (&day) != G_DATE_THURSDAY)
    g_date_add_days (&day, 1);
  last = day;
  g_date_add_days (&last, 14);
  g_date_strftime (day_text, sizeof day_text, "%Y-%m-%d", &day);
  g_date_strftime (last_text, sizeof last_text, "%Y-%m-%d", &last);
  /* A booking waits two weeks after it. */
  f->date = g_strdup (last_text);
  far = create_booking (f, "12:00", 10, "Far Party");
  g_free (f->date);
  f->date = g_strdup (day_text);

  open_board (f, OWNER);
  WAIT_FOR (card (f, far) != NULL);
  g_assert_true (is_inside (card (f, far), cell (f, NULL, NULL)));
  hibachi_dispatch_page_set_mode (f->page, HIBACHI_DISPATCH_WEEK);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  hibachi_test_settle ();
  g_assert_nonnull (card (f, far));
  g_assert_true (is_inside (card (f, far), cell (f, NULL, NULL)));
}

/* Suggest for the day: ghost cards with no conflict (the server, which
 * refuses conflicts without a reason, takes them all), one removed stays
 * waiting, one step applies, one undo takes it all back; a booking changed
 * behind the board fails the whole batch. */
static void
test_suggest (Fixture *f, gconstpointer data)
{
  HibachiUndoStack *undo;
  g_autofree char *moving = NULL;
  g_autofree char *late = NULL;
  g_autofree char *held = NULL;
  g_autofree char *big = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.suggest", NULL);
  g_assert_cmpuint (count_class (GTK_WIDGET (f->page), "dispatch-ghost"), ==, 3);
  /* Each proposal says which booking it is: no reference shortened. */
  hibachi_test_settle ();
  g_assert_cmpuint (count_shortened (GTK_WIDGET (f->page), "MH-"), ==, 0);
  /* Proposals with their flags and Remove buttons widen no column. */
  hibachi_test_save_screenshot (GTK_WIDGET (f->window), "dispatch-suggestions");
  assert_board_fits (f, GTK_WIDGET (card (f, f->held)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.remove-suggestion", "s", f->late);
  g_assert_cmpuint (count_class (GTK_WIDGET (f->page), "dispatch-ghost"), ==, 2);

  /* Behind the board's back one proposed booking changes: nothing at all is assigned. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", f->big);
    g_autoptr(HibachiTestResponse) r = hibachi_test_write (f->ts, "PATCH", path, f->owner,
                                                             "{\"internal_notes\":\"Call before arriving.\"}", path);

    g_assert_cmpuint (r->status, ==, 200);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.apply-suggestions", NULL);
  WAIT_FOR (label_contains (GTK_WIDGET (f->window), "Nothing was assigned"));
  moving = server_chef (f, f->moving);
  big = server_chef (f, f->big);
  g_assert_null (moving);
  g_assert_null (big);

  /* Again with the board up to date: all applied in one step. */
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  hibachi_test_pause_ms (400);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.suggest", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.remove-suggestion", "s", f->late);
  g_assert_cmpuint (count_class (GTK_WIDGET (f->page), "dispatch-ghost"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "dispatch.apply-suggestions", NULL);
  WAIT_FOR (hibachi_undo_stack_get_can_undo (undo));
  g_assert_cmpuint (count_class (GTK_WIDGET (f->page), "dispatch-ghost"), ==, 0);
  g_clear_pointer (&moving, g_free);
  g_clear_pointer (&big, g_free);
  moving = server_chef (f, f->moving);
  big = server_chef (f, f->big);
  late = server_chef (f, f->late);
  held = server_chef (f, f->held);
  g_assert_nonnull (moving);
  g_assert_nonnull (big);
  g_assert_cmpstr (moving, !=, f->busy_chef);   /* never double-booked */
  g_assert_cmpstr (moving, !=, f->off_chef);
  g_assert_null (late);
  g_assert_cmpstr (held, ==, f->busy_chef);
  g_assert_true (is_inside (card (f, f->moving), cell (f, moving, "18:00")));

  /* One undo for the batch. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_FOR (server_chef_is (f, f->moving, NULL) && server_chef_is (f, f->big, NULL));
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, NULL, NULL)));
}

static void
pointer_to (Display *display,
            int      x,
            int      y)
{
  XTestFakeMotionEvent (display, -1, x, y, CurrentTime);
  XFlush (display);
  hibachi_test_pause_ms (15);
}

/* A real drag with the pointer (XTest on Xvfb): press on the card, move in
 * steps, hover shows the verdict, release on the cell. */
static void
test_pointer_drag (Fixture *f, gconstpointer data)
{
  Display *display;
  GtkWidget *target;
  int from_x, from_y, to_x, to_y, event, error, major, minor;
  g_autofree char *chef = NULL;

  open_board (f, OWNER);
  WAIT_FOR (card (f, f->held) != NULL);
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (f->window))))
    {
      g_test_skip ("XTest needs an X11 display");
      return;
    }
  display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (f->window)));
  g_assert_true (XTestQueryExtension (display, &event, &error, &major, &minor));
  hibachi_test_pause_ms (300);   /* mapped where X says it is */

  target = cell (f, f->free_chef, "18:00");
  hibachi_test_x_screen_point (GTK_WIDGET (card (f, f->moving)), &from_x, &from_y);
  hibachi_test_x_screen_point (target, &to_x, &to_y);
  pointer_to (display, from_x, from_y);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XFlush (display);
  hibachi_test_pause_ms (50);
  for (int i = 1; i <= 30; i++)
    pointer_to (display, from_x + (to_x - from_x) * i / 30, from_y + (to_y - from_y) * i / 30);
  pointer_to (display, to_x + 2, to_y + 2);
  /* The verdict is beside the pointer while hovering. */
  WAIT_FOR (gtk_widget_has_css_class (target, "dispatch-ok"));
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (find_class (GTK_WIDGET (f->page), "dispatch-verdict"))),
                         " is free: ") != NULL);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XFlush (display);

  /* The board is rebuilt around the moved card: look the cell up again. */
  WAIT_FOR (is_inside (card (f, f->moving), cell (f, f->free_chef, "18:00")));
  WAIT_FOR (server_chef_is (f, f->moving, f->free_chef));
  g_assert_false (gtk_widget_has_css_class (cell (f, f->free_chef, "18:00"), "dispatch-ok"));
  g_assert_null (find_class (GTK_WIDGET (f->page), "dispatch-verdict"));   /* hidden once dropped */
}

/* Speed (run by `meson test --benchmark`, -m perf): a station day of 12
 * chefs and 60 bookings and a week of 300. Prints figures; never fails on
 * time. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* Fremont gets 12 active chefs (four move in from other stations) and
 * @per_day bookings on each of @days days from f->date, two thirds assigned
 * where the server accepts it. */
static void
fill_station (Fixture *f,
              guint    days,
              guint    per_day)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) reply = NULL;
  JsonArray *chefs;
  GDate first;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (hibachi_test_server_get_db_path (f->ts), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE chefs SET station_id = ?1 WHERE id IN (SELECT id FROM chefs "
                                       "WHERE station_id != ?1 AND is_active = 1 ORDER BY name LIMIT ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  path = g_strdup_printf ("/api/v1/chefs?station_id=%s&limit=100", f->station);
  reply = get_object (f, path);
  chefs = json_object_get_array_member (reply, "data");
  sqlite3_bind_text (stmt, 1, f->station, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, 12 - (int) json_array_get_length (chefs));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_pointer (&reply, json_object_unref);
  reply = get_object (f, path);
  chefs = json_object_get_array_member (reply, "data");

  g_date_clear (&first, 1);
  hibachi_validate_date (f->date, &first, NULL);
  for (guint d = 0; d < days; d++)
    {
      GDate day = first;
      g_autofree char *saved = f->date;
      char text[16];

      g_date_add_days (&day, d);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      f->date = g_strdup (text);
      for (guint i = 0; i < per_day; i++)
        {
          g_autofree char *id = create_booking (f, hibachi_slot_to_string (i % HIBACHI_N_SLOTS), 6 + i % 20, "Bench Party");
          JsonObject *chef = json_array_get_object_element (chefs, (i / HIBACHI_N_SLOTS) % json_array_get_length (chefs));

          if (i % 3 != 2)
            server_assign (f, f->owner, id, json_object_get_string_member (chef, "id"));
        }
      g_free (f->date);
      f->date = g_steal_pointer (&saved);
    }
}

static double
open_and_paint (Fixture    *f,
                const char *date)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  hibachi_dispatch_page_set_date (f->page, date);
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return g_timer_elapsed (timer, NULL) * 1000;
}

/* One frame's times after a pointer move: when its layout began and when
 * it was painted (µs, monotonic); @inside: whether a card watched was in
 * its target when painted. */
typedef struct
{
  gint64     layout;
  gint64     painted;
  guint      frames;
  const char *card_chef;    /* where the card watched goes: a chef's 18:00, or the queue (NULL) */
  const char *card_id;
  Fixture   *f;
  gboolean   inside;
} FrameTimes;

static void
frame_layout_cb (GdkFrameClock *clock,
                 FrameTimes    *t)
{
  if (t->layout == 0)
    t->layout = g_get_monotonic_time ();
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  FrameTimes    *t)
{
  t->frames++;
  if (t->layout == 0 || t->painted != 0)
    return;
  t->painted = g_get_monotonic_time ();
  if (t->card_id != NULL)
    t->inside = is_inside (card (t->f, t->card_id), cell (t->f, t->card_chef, t->card_chef ? "18:00" : NULL));
}

static void
watch_frame (Fixture    *f,
             FrameTimes *t,
             gboolean    on)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));

  if (on)
    {
      g_signal_connect (clock, "layout", G_CALLBACK (frame_layout_cb), t);
      g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), t);
    }
  else
    g_signal_handlers_disconnect_by_data (clock, t);
}

/* The drag under way (f->moving picked up) goes over every cell of the
 * board once: per pointer move, the time to the frame that shows
 * the verdict (@to_paint) and that frame's own work, layout to painted
 * (@work), in ms. */
static void
drag_frames (Fixture *f,
             GArray  *to_paint,
             GArray  *work)
{
  g_autoptr(GPtrArray) chefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *board = gtk_widget_get_parent (find_class (GTK_WIDGET (f->page), "dispatch-cell"));
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (find_class (board, "dispatch-cell")), "dispatch-date"));

  /* The cells by chef and slot: a reload may replace the widgets. */
  for (GtkWidget *w = gtk_widget_get_first_child (board);
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_has_css_class (w, "dispatch-cell"))
      {
        g_ptr_array_add (chefs, g_strdup (g_object_get_data (G_OBJECT (w), "dispatch-chef")));
        g_ptr_array_add (slots, g_strdup (g_object_get_data (G_OBJECT (w), "dispatch-slot")));
      }
  for (guint i = 0; i < chefs->len; i++)
    {
      g_autoptr(GtkWidget) c = g_object_ref (cell_in (GTK_WIDGET (f->page), g_ptr_array_index (chefs, i), date,
                                                      g_ptr_array_index (slots, i)));
      GtkDropTarget *target = controller (c, GTK_TYPE_DROP_TARGET);
      FrameTimes t = { 0 };
      GdkDragAction action;
      gint64 started;
      double ms;

      watch_frame (f, &t, TRUE);
      started = g_get_monotonic_time ();
      g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
      g_signal_emit_by_name (target, "motion", 14.0, 12.0, &action);
      gtk_widget_queue_draw (c);
      WAIT_FOR (t.painted != 0);
      watch_frame (f, &t, FALSE);
      ms = (t.painted - started) / 1000.0;
      g_array_append_val (to_paint, ms);
      ms = (t.painted - t.layout) / 1000.0;
      g_array_append_val (work, ms);
      g_signal_emit_by_name (target, "leave");
    }
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HibachiBooking **out = user_data;

  *out = hibachi_store_booking_finish (HIBACHI_STORE (source), result, NULL, NULL);
  g_assert_nonnull (*out);
}

/* The server's confirm alone: the app's store assigns and unassigns the
 * booking @id over loopback HTTP, @n times; ms per request in @ms. */
static void
store_round_trips (Fixture    *f,
                   const char *id,
                   const char *chef,
                   guint       n,
                   GArray     *ms)
{
  HibachiStore *store = hibachi_session_get_store (hibachi_context_get_session (hibachi_window_get_context (f->window)));
  g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%s", id);
  g_autoptr(JsonObject) json = get_object (f, path);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), json);
  g_autoptr(HibachiBooking) booking = hibachi_booking_new_from_json (node, NULL);

  for (guint i = 0; i < n; i++)
    {
      HibachiBooking *answered = NULL;
      gint64 started = g_get_monotonic_time ();
      double elapsed;

      hibachi_store_assign_chef_async (store, booking, i % 2 ? NULL : chef, NULL, NULL, stored_cb, &answered);
      WAIT_FOR (answered != NULL);
      elapsed = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (ms, elapsed);
      g_set_object (&booking, answered);
      g_object_unref (answered);
    }
}

/* When the last undo was pushed: a move confirmed, its rows refreshed. */
static gint64 pushed_at;

static void
pushed_cb (HibachiUndoStack   *stack,
           HibachiUndoCommand *command,
           guint              *count)
{
  pushed_at = g_get_monotonic_time ();
  (*count)++;
}

static void
test_speed (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) open_day = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_week = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hover_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drop_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) confirm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drop_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drop_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) http_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimer) timer = g_timer_new ();
  HibachiUndoStack *undo;
  GtkWidget *queue;
  GPtrArray *cells = g_ptr_array_new ();
  guint pushed = 0;
  g_autofree char *free_cell = NULL;
  char next_day[16];
  GDate day;

  fill_station (f, 7, 43);   /* 301 in the week, 60 on the first day with the test's own */
  for (guint i = 0; i < 17; i++)
    {
      g_autofree char *id = create_booking (f, hibachi_slot_to_string (i % HIBACHI_N_SLOTS), 10, "Bench Extra");
    }
  open_board (f, OWNER);
  undo = hibachi_context_get_undo_stack (hibachi_window_get_context (f->window));
  g_signal_connect (undo, "pushed", G_CALLBACK (pushed_cb), &pushed);
  g_date_clear (&day, 1);
  hibachi_validate_date (f->date, &day, NULL);
  g_date_add_days (&day, 1);
  g_date_strftime (next_day, sizeof next_day, "%Y-%m-%d", &day);

  for (guint i = 0; i < 7; i++)
    {
      double ms = open_and_paint (f, i % 2 ? f->date : next_day);

      g_array_append_val (open_day, ms);
    }
  open_and_paint (f, f->date);
  hibachi_dispatch_page_set_mode (f->page, HIBACHI_DISPATCH_WEEK);
  for (guint i = 0; i < 5; i++)
    {
      double ms = open_and_paint (f, i % 2 ? f->date : next_day);

      g_array_append_val (open_week, ms);
    }
  hibachi_dispatch_page_set_mode (f->page, HIBACHI_DISPATCH_DAY);
  open_and_paint (f, f->date);

  /* Hover: every cell of the day, ten times, with a queue card. */
  queue = cell (f, NULL, NULL);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (cell (f, f->free_chef, "18:00")));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_has_css_class (w, "dispatch-cell"))
      g_ptr_array_add (cells, w);
  for (guint round = 0; round < 10; round++)
    for (guint i = 0; i < cells->len; i++)
      {
        GtkDropTarget *target = controller (g_ptr_array_index (cells, i), GTK_TYPE_DROP_TARGET);
        GdkDragAction action;
        double ms;

        hover (f, f->moving, queue);   /* prepares the drag of the moving card */
        g_timer_start (timer);
        g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
        ms = g_timer_elapsed (timer, NULL) * 1000;
        g_array_append_val (hover_ms, ms);
        g_signal_emit_by_name (target, "leave");
      }

  /* Drop: to a chef free at 18:00 and back to the queue, 20 times. */
  for (guint i = 0; i < cells->len && free_cell == NULL; i++)
    {
      GtkWidget *c = g_ptr_array_index (cells, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "dispatch-slot"), "18:00") != 0)
        continue;
      hover (f, f->moving, c);
      if (gtk_widget_has_css_class (c, "dispatch-ok") || gtk_widget_has_css_class (c, "dispatch-warning"))
        free_cell = g_strdup (g_object_get_data (G_OBJECT (c), "dispatch-chef"));
      end_hover (f, c);
    }
  g_assert_nonnull (free_cell);
  for (guint i = 0; i < 20; i++)
    {
      GtkWidget *target = i % 2 ? cell (f, NULL, NULL) : cell (f, free_cell, "18:00");
      guint before = pushed;
      /* (The board may be rebuilt meanwhile: the change feed reports the
       * previous move and the board reloads; the cell is looked up again.) */
      FrameTimes t = { .card_id = f->moving, .card_chef = i % 2 ? NULL : free_cell, .f = f, .layout = 1 };
      double ms, frames;
      gint64 dropped;

      watch_frame (f, &t, TRUE);
      g_timer_start (timer);
      dropped = g_get_monotonic_time ();
      g_assert_true (drop (f, f->moving, target));
      ms = g_timer_elapsed (timer, NULL) * 1000;
      g_array_append_val (drop_ms, ms);
      /* The first frame painted after the drop shows the card moved. */
      WAIT_FOR (t.painted != 0);
      watch_frame (f, &t, FALSE);
      g_assert_true (t.inside);
      frames = t.frames;
      g_array_append_val (drop_frames, frames);
      ms = g_timer_elapsed (timer, NULL) * 1000;
      g_array_append_val (drop_paint_ms, ms);
      WAIT_FOR (pushed > before);
      ms = (pushed_at - dropped) / 1000.0;
      g_array_append_val (confirm_ms, ms);
    }

  /* Frames while dragging: this board, then the same drag over an empty
   * board (the same chefs, a day without bookings) in the same run. */
  hibachi_test_pause_ms (1500);   /* the change feed's reload of the last move is in */
  WAIT_FOR (!hibachi_dispatch_page_get_loading (f->page));
  {
    GDate empty_day = day;
    char empty[16];

    g_date_add_days (&empty_day, 60);
    g_date_strftime (empty, sizeof empty, "%Y-%m-%d", &empty_day);
    /* Taking turns, so that the machine's load falls on both alike. */
    for (guint turn = 0; turn < 3; turn++)
      {
        open_and_paint (f, f->date);
        hover (f, f->moving, cell (f, NULL, NULL));
        drag_frames (f, drag_paint, drag_work);
        open_and_paint (f, empty);
        g_assert_null (hibachi_test_find_type (GTK_WIDGET (f->page), HIBACHI_TYPE_DISPATCH_CARD));
        drag_frames (f, empty_paint, empty_work);
      }
  }
  hibachi_test_pause_ms (1500);
  store_round_trips (f, f->moving, free_cell, 40, http_ms);

  g_test_message ("board: %u chefs, %u bookings that day", 12, 60);
  g_test_message ("open → painted, day: median %.1f ms (p95 %.1f)", percentile (open_day, 0.5), percentile (open_day, 0.95));
  g_test_message ("open → painted, week of 300: median %.1f ms (p95 %.1f)", percentile (open_week, 0.5),
                  percentile (open_week, 0.95));
  g_test_message ("hover verdict per pointer move (%u): median %.3f ms, p95 %.3f ms, max %.3f ms", hover_ms->len,
                  percentile (hover_ms, 0.5), percentile (hover_ms, 0.95), percentile (hover_ms, 1.0));
  g_test_message ("drop → card moved (optimistic, in the drop handler): median %.2f ms, p95 %.2f ms",
                  percentile (drop_ms, 0.5), percentile (drop_ms, 0.95));
  g_test_message ("drop → first frame painted, card moved in it: median %.1f ms, p95 %.1f ms; frames after-paint "
                  "until then: max %.0f", percentile (drop_paint_ms, 0.5), percentile (drop_paint_ms, 0.95),
                  percentile (drop_frames, 1.0));
  g_test_message ("server confirm alone (the store's PUT …/chef over loopback, %u): median %.1f ms, p95 %.1f ms",
                  http_ms->len, percentile (http_ms, 0.5), percentile (http_ms, 0.95));
  g_test_message ("drop → server confirmed, rows refreshed (loopback HTTP): median %.1f ms, p95 %.1f ms",
                  percentile (confirm_ms, 0.5), percentile (confirm_ms, 0.95));
  g_test_message ("dragging, %u pointer moves: move → frame painted p95 %.1f ms (empty board %.1f ms, ratio %.2f); "
                  "frame work layout → painted p95 %.2f ms (empty board %.2f ms, ratio %.2f)", drag_paint->len,
                  percentile (drag_paint, 0.95), percentile (empty_paint, 0.95),
                  percentile (drag_paint, 0.95) / MAX (percentile (empty_paint, 0.95), 0.001),
                  percentile (drag_work, 0.95), percentile (empty_work, 0.95),
                  percentile (drag_work, 0.95) / MAX (percentile (empty_work, 0.95), 0.001));
  g_test_maximized_result (percentile (hover_ms, 0.95), "hover verdict p95 %.3f ms", percentile (hover_ms, 0.95));
  g_ptr_array_unref (cells);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/hibachi/ui-dispatch/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("day-view", test_day_view);
  ADD ("allergens-named", test_allergens_named);
  ADD ("issues-flagged", test_issues_flagged);
  ADD ("queue-cap", test_queue_cap);
  ADD ("hover-verdicts", test_hover_verdicts);
  ADD ("hover-travel-workload", test_hover_travel_workload);
  ADD ("drop-assign-undo-unassign", test_drop_assign_undo_unassign);
  ADD ("conflict-and-refusal", test_conflict_and_refusal);
  ADD ("keyboard", test_keyboard);
  ADD ("keyboard-assign-to", test_keyboard_assign_to);
  ADD ("keys-reach-queue", test_keys_reach_queue);
  ADD ("read-only", test_read_only);
  ADD ("second-client", test_second_client);
  ADD ("week-view", test_week_view);
  ADD ("pointer-drag", test_pointer_drag);
  ADD ("suggest", test_suggest);
  ADD ("queue-day-and-week", test_queue_day_and_week);
  ADD ("move-day", test_move_day);
  ADD ("move-day-together", test_move_day_together);
  ADD ("move-day-keyboard", test_move_day_keyboard);
  ADD ("chef-role", test_chef_role);
  ADD ("station-once", test_station_once);
  ADD ("hidden-first-load", test_hidden_first_load);
  ADD ("hidden-load-builds-when-shown", test_hidden_load_builds_when_shown);
  ADD ("hidden-shown-early", test_hidden_shown_early);
  ADD ("calendar-when-opened", test_calendar_when_opened);
  ADD ("reload-during-drop", test_reload_during_drop);
  if (g_test_perf ())
    ADD ("speed", test_speed);
#undef ADD

  status = g_test_run ();
  hibachi_test_application_release ();
  return status;
}
