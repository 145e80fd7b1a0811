/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dispatch board's layout: chef rows, slot or day columns, cells
 * shaded where the chef cannot work, cards with their travel, and the
 * queue. Rebuilt from the snapshot after every change: 12 chefs × 4 slots
 * and 60 cards take well under a frame. */
#define G_LOG_DOMAIN "hibachi-dispatch-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hibachi-dispatch-page-private.h"

#define QUEUE_CARDS_MAX 40

static GtkWidget *
new_cell (HibachiDispatchPage *self,
          HibachiChef         *chef,
          const char          *date,
          const char          *slot)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *chef_id = hibachi_resource_get_id (HIBACHI_RESOURCE (chef));
  /* Translators: a cell of the dispatch board: a chef's name, then a slot or a date */
  g_autofree char *name = g_strdup_printf (_("%s, %s"), hibachi_chef_get_name (chef), slot != NULL ? slot : date);

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  gtk_widget_add_css_class (cell, "dispatch-cell");
  gtk_widget_set_focusable (cell, TRUE);
  /* The day's four slots, and the week's seven days (compact cards, the
   * totals wrapped), fit beside the sidebar and the queue at 1280 px: an
   * empty slot leaves the width to the slots with cards (whose reference
   * line is some 140 px). */
  gtk_widget_set_size_request (cell, self->mode == HIBACHI_DISPATCH_WEEK ? 72 : 100, 64);
  gtk_widget_set_hexpand (cell, TRUE);
  g_object_set_data_full (G_OBJECT (cell), "dispatch-chef", g_strdup (chef_id), g_free);
  g_object_set_data_full (G_OBJECT (cell), "dispatch-date", g_strdup (date), g_free);
  g_object_set_data_full (G_OBJECT (cell), "dispatch-slot", g_strdup (slot), g_free);
  hibachi_dispatch_page_setup_target (self, cell);

  return cell;
}

/* Shades a cell the chef cannot work, with the reason in words. */
static void
shade_cell (GtkWidget  *cell,
            const char *reason)
{
  gtk_widget_add_css_class (cell, "dispatch-unavailable");
  gtk_widget_set_tooltip_text (cell, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
}

static char *
unavailable_reason (HibachiDispatchPage *self,
                    HibachiChef         *chef,
                    const GDate         *date,
                    int                  slot_index)
{
  JsonObject *json = hibachi_resource_get_json (HIBACHI_RESOURCE (chef));
  const char *time_off = hibachi_dispatch_time_off_reason (json, date);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (HibachiDateRange));
  HibachiAssignmentChef c;
  char day[64];

  if (time_off != NULL)
    return *time_off != '\0' ? g_strdup_printf (_("Time off: %s"), time_off) : g_strdup (_("Time off"));
  if (slot_index < 0)
    return NULL;

  hibachi_assignment_chef_from_json (json, NULL, ranges, &c);
  if ((c.weekly_slots[g_date_get_weekday (date) - G_DATE_MONDAY] & (1u << slot_index)) != 0)
    return NULL;
  g_date_strftime (day, sizeof day, "%A", date);
  /* Translators: "Not working at 12:00 on Saturdays"-like: a slot and a weekday */
  return g_strdup_printf (_("Not available at %s on %s"), hibachi_slot_to_string ((guint) slot_index), day);
}

/* Right click on a chef's name: the row's menu. */
static void
chef_header_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkMenuButton   *menu)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (menu);
}

/* @menu: the row's menu button, or NULL (read only, the week view). */
static GtkWidget *
chef_header (HibachiDispatchPage *self,
             HibachiChef         *chef,
             guint                events,
             gint64               guests,
             GtkWidget           *menu)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *first_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *name = gtk_label_new (hibachi_chef_get_name (chef));
  /* Translators: a chef's skill level (1–5), largest party and rating */
  g_autofree char *details = g_strdup_printf (_("Skill %d · up to %d · ★ %.1f"),
                                              (int) hibachi_chef_get_skill_level (chef),
                                              (int) hibachi_chef_get_max_party_size (chef), hibachi_chef_get_rating (chef));
  g_autofree char *load_text = hibachi_dispatch_load_text (events, guests, FALSE);
  GtkWidget *details_label = gtk_label_new (details);
  GtkWidget *load_label = gtk_label_new (load_text);

  gtk_widget_set_size_request (header, 150, -1);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (details_label, "caption");
  gtk_widget_add_css_class (load_label, "caption");
  gtk_widget_add_css_class (load_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_xalign (GTK_LABEL (details_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (load_label), 0.0);
  /* The menu beside the name only: beside all three lines it made the
   * column some 35 px wider, which the slots needed at 1280 px. */
  gtk_box_append (GTK_BOX (first_line), name);
  gtk_box_append (GTK_BOX (header), first_line);
  gtk_box_append (GTK_BOX (header), details_label);
  gtk_box_append (GTK_BOX (header), load_label);
  if (menu != NULL)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect (click, "pressed", G_CALLBACK (chef_header_pressed_cb), menu);
      gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (click));
      gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (first_line), menu);
    }

  return header;
}

static GtkWidget *
column_header (const char *title,
               const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_justify (GTK_LABEL (sub), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (sub, "caption");
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (box), sub);
    }
  return box;
}

/* @issues: what the booking's assignment meets (NULL in the queue). */
static GtkWidget *
new_card (HibachiDispatchPage *self,
          HibachiBooking      *booking,
          gboolean             compact,
          gboolean             show_date,
          int                  travel,
          GPtrArray           *issues)
{
  GtkWidget *card = hibachi_dispatch_card_new (booking, compact, show_date, travel);
  const char *actor = g_hash_table_lookup (self->moved_by, hibachi_booking_get_id (booking));

  if (issues != NULL)
    hibachi_dispatch_card_set_issues (HIBACHI_DISPATCH_CARD (card), issues);

  if (actor != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Moved by %s"), actor);

      gtk_widget_set_tooltip_text (card, tip);
      if (g_hash_table_contains (self->fresh, hibachi_booking_get_id (booking)))
        gtk_widget_add_css_class (card, "dispatch-moved");
    }
  hibachi_dispatch_page_setup_card (self, card);
  return card;
}

static gboolean
card_matches_search (HibachiDispatchPage *self,
                     HibachiBooking      *booking)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->queue_search));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *reference = g_utf8_casefold (hibachi_booking_get_reference (booking), -1);
  g_autofree char *customer = g_utf8_casefold (hibachi_booking_get_customer_name (booking), -1);

  return *needle == '\0' || strstr (reference, needle) != NULL || strstr (customer, needle) != NULL;
}

static int
compare_urgency_cb (gconstpointer a,
                    gconstpointer b)
{
  return hibachi_dispatch_compare_urgency (hibachi_booking_get_json (*(HibachiBooking **) a),
                                           hibachi_booking_get_json (*(HibachiBooking **) b));
}

/* The booking waits for a chef on @from or later. Read from its fields:
 * the badge of a board nobody has opened counts without making JSON. */
static gboolean
waits_from (HibachiBooking *booking,
            const char     *from)
{
  return hibachi_dispatch_waits_for_chef (hibachi_booking_get_status (booking), hibachi_booking_get_chef_id (booking)) &&
         g_strcmp0 (hibachi_booking_get_event_date (booking), from) >= 0;
}

static guint
count_waiting (HibachiDispatchPage *self,
               const char          *from)
{
  guint n = 0;

  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    n += waits_from (g_ptr_array_index (self->bookings, i), from) ? 1 : 0;
  return n;
}

/* The bookings waiting for a chef from @from on, most urgent first. */
static GPtrArray *
waiting_bookings (HibachiDispatchPage *self,
                  const char          *from)
{
  GPtrArray *waiting = g_ptr_array_new ();

  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    if (waits_from (g_ptr_array_index (self->bookings, i), from))
      g_ptr_array_add (waiting, g_ptr_array_index (self->bookings, i));
  g_ptr_array_sort (waiting, compare_urgency_cb);
  return waiting;
}

/* The sidebar's badge: how many wait for a chef, and what it says aloud. */
static void
set_badge (HibachiDispatchPage *self,
           guint                waiting)
{
  g_autofree char *spoken = g_strdup_printf (g_dngettext (NULL, "%u booking waiting for a chef",
                                                          "%u bookings waiting for a chef", waiting), waiting);

  hibachi_page_set_badge_description (HIBACHI_PAGE (self), spoken);
  hibachi_page_set_badge_count (HIBACHI_PAGE (self), waiting);
}

/* The queue keeps the cards of bookings unchanged since they were made
 * and only puts them in order: a confirm does not rebuild 40 cards. */
void
hibachi_dispatch_page_rebuild_queue (HibachiDispatchPage *self,
                                     const char          *from)
{
  g_autoptr(GPtrArray) waiting = waiting_bookings (self, from);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);   /* HibachiBooking → its card */
  guint shown = 0, hidden = 0;
  GtkWidget *child, *previous = NULL;
  g_autofree char *title = NULL;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->queue)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (HIBACHI_IS_DISPATCH_CARD (child))
      g_hash_table_insert (kept, hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (child)), child);

  for (guint i = 0; i < waiting->len; i++)
    if (card_matches_search (self, g_ptr_array_index (waiting, i)))
      {
        HibachiBooking *booking = g_ptr_array_index (waiting, i);
        GtkWidget *card;

        /* Cards are what a rebuild costs: the most urgent are shown, the
         * rest are counted and found by searching. */
        if (shown == QUEUE_CARDS_MAX)
          {
            hidden++;
            continue;
          }
        card = g_hash_table_lookup (kept, booking);
        if (card != NULL && !g_hash_table_contains (self->fresh, hibachi_booking_get_id (booking)))
          {
            g_hash_table_remove (kept, booking);
            gtk_box_reorder_child_after (self->queue, card, previous);
          }
        else
          gtk_box_insert_child_after (self->queue, (card = new_card (self, booking, FALSE, TRUE, -1, NULL)), previous);
        previous = card;
        shown++;
      }
  /* What follows the last card shown goes: moved cards, the count. */
  while ((child = previous != NULL ? gtk_widget_get_next_sibling (previous)
                                   : gtk_widget_get_first_child (GTK_WIDGET (self->queue))) != NULL)
    {
      if (child == self->hover_cell)
        self->hover_cell = NULL;
      gtk_box_remove (self->queue, child);
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%u more is waiting: search the queue to find it.",
                                                            "%u more are waiting: search the queue to find them.",
                                                            hidden), hidden);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->queue, label);
    }

  title = g_strdup_printf (_("Unassigned (%u)"), waiting->len);
  gtk_label_set_text (self->queue_title, title);
  set_badge (self, waiting->len);
}

/* Row @row + 1 of the grid: the chef's header and cells with their cards. */
static void
build_row (HibachiDispatchPage *self,
           guint                row,
           const GDate         *first,
           guint                columns)
{
  HibachiChef *chef = g_ptr_array_index (self->chefs, row);
  const char *chef_id = hibachi_resource_get_id (HIBACHI_RESOURCE (chef));
  JsonObject *chef_json = hibachi_resource_get_json (HIBACHI_RESOURCE (chef));
  guint events = 0;
  gint64 guests = 0;
  /* A chef's day moves from the day view; Shift+F10 on a cell opens it. */
  GtkWidget *menu = self->editable && self->mode == HIBACHI_DISPATCH_DAY
                    ? hibachi_dispatch_page_chef_menu_new (self, chef) : NULL;

  for (guint col = 0; col < columns; col++)
    {
      GDate day = *first;
      char date[16];
      const char *slot = self->mode == HIBACHI_DISPATCH_DAY ? hibachi_slot_to_string (col) : NULL;
      GtkWidget *cell;
      g_autofree char *reason = NULL;

      if (self->mode == HIBACHI_DISPATCH_WEEK)
        g_date_add_days (&day, col);
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      cell = new_cell (self, chef, date, slot);
      if (menu != NULL)
        g_object_set_data (G_OBJECT (cell), "dispatch-chef-menu", menu);
      reason = unavailable_reason (self, chef, &day, slot != NULL ? (int) col : -1);
      if (reason != NULL)
        shade_cell (cell, reason);

      for (guint i = 0; i < self->bookings->len; i++)
        {
          HibachiBooking *b = g_ptr_array_index (self->bookings, i);
          HibachiSuggestionScore score;
          g_autoptr(GPtrArray) issues = NULL;

          if (g_strcmp0 (hibachi_booking_get_chef_id (b), chef_id) != 0 ||
              !g_str_equal (hibachi_booking_get_event_date (b), date) ||
              (slot != NULL && g_strcmp0 (hibachi_booking_get_slot (b), slot) != 0))
            continue;
          issues = hibachi_dispatch_check (hibachi_dispatch_page_get_snapshot (self), hibachi_booking_get_json (b), chef_json, &score);
          gtk_box_append (GTK_BOX (cell), new_card (self, b, self->mode == HIBACHI_DISPATCH_WEEK, FALSE,
                                                    (int) score.travel_minutes, issues));
          /* The chef's load of the day, or of the week shown. */
          events++;
          guests += hibachi_booking_get_guests (b);
        }
      hibachi_dispatch_page_add_ghosts (self, cell, chef_id, date, slot);
      gtk_grid_attach (self->board, cell, (int) col + 1, (int) row + 1, 1, 1);
    }
  gtk_grid_attach (self->board, chef_header (self, chef, events, guests, menu), 0, (int) row + 1, 1, 1);
}

/* What has focus, to give it back after the board is rebuilt. */
static char *
focused_booking_id (HibachiDispatchPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (HIBACHI_IS_DISPATCH_CARD (focus))
      return g_strdup (hibachi_booking_get_id (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (focus))));
  return NULL;
}

void
hibachi_dispatch_page_rebuild (HibachiDispatchPage *self)
{
  gint64 started = g_get_monotonic_time ();
  g_autofree char *focused = focused_booking_id (self);
  GtkWidget *child;
  GDate first;
  char from[16];
  guint columns = self->mode == HIBACHI_DISPATCH_WEEK ? 7 : HIBACHI_N_SLOTS;

  hibachi_dispatch_page_first_day (self, &first);
  g_date_strftime (from, sizeof from, "%Y-%m-%d", &first);

  /* Nobody sees the board (another page is shown): only its badge is
   * brought up to date, and the board is built when it is shown. Building
   * a week of 300 bookings takes 100–200 ms here, and the sidebar badge's
   * load comes while people work in Bookings. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rebuild_pending = TRUE;
      set_badge (self, count_waiting (self, from));
      return;
    }
  self->rebuild_pending = FALSE;

  self->hover_cell = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board))) != NULL)
    gtk_grid_remove (self->board, child);

  /* Column headers: the slots, or the days with their totals. */
  for (guint col = 0; col < columns; col++)
    {
      g_autofree char *subtitle = NULL;
      char title[64];

      if (self->mode == HIBACHI_DISPATCH_WEEK)
        {
          GDate day = first;
          char text[16];
          guint events = 0;
          gint64 guests = 0;

          g_date_add_days (&day, col);
          g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
          for (guint i = 0; i < self->bookings->len; i++)
            {
              HibachiBooking *b = g_ptr_array_index (self->bookings, i);

              if (g_str_equal (hibachi_booking_get_event_date (b), text))
                {
                  events++;
                  guests += hibachi_booking_get_guests (b);
                }
            }
          g_date_strftime (title, sizeof title, "%a %d", &day);
          subtitle = hibachi_dispatch_load_text (events, guests, TRUE);
        }
      else
        g_strlcpy (title, hibachi_slot_to_string (col), sizeof title);
      gtk_grid_attach (self->board, column_header (title, subtitle), (int) col + 1, 0, 1, 1);
    }

  for (guint row = 0; row < self->chefs->len; row++)
    build_row (self, row, &first, columns);

  g_debug ("board: %u chefs × %u columns in %.1f ms", self->chefs->len, columns,
           (g_get_monotonic_time () - started) / 1000.0);
  started = g_get_monotonic_time ();
  hibachi_dispatch_page_rebuild_queue (self, from);
  g_debug ("queue in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  if (focused != NULL)
    {
      HibachiDispatchCard *card = hibachi_dispatch_page_find_card (self, focused);

      if (card != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (card));
    }
}


/* A board loaded while hidden is not built: a change to it rebuilds it,
 * which counts its badge now and builds it when shown. Returns whether the
 * shown board is there to change in place. */
static gboolean
board_built (HibachiDispatchPage *self)
{
  if (!self->rebuild_pending && gtk_widget_get_mapped (GTK_WIDGET (self)))
    return TRUE;
  hibachi_dispatch_page_rebuild (self);
  return FALSE;
}

static GtkWidget *
find_cell (HibachiDispatchPage *self,
           const char          *chef_id,
           const char          *date,
           const char          *slot)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->board)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "dispatch-cell") &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-chef"), chef_id) == 0 &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-date"), date) == 0 &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "dispatch-slot"), slot) == 0)
      return child;
  return NULL;
}

void
hibachi_dispatch_page_move_card (HibachiDispatchPage *self,
                                 HibachiBooking      *booking)
{
  HibachiDispatchCard *old = hibachi_dispatch_page_find_card (self, hibachi_booking_get_id (booking));
  const char *chef_id = hibachi_booking_get_chef_id (booking);
  GtkWidget *target, *card;
  gboolean focused;

  if (!board_built (self))
    return;
  target = chef_id == NULL ? GTK_WIDGET (self->queue)
           : find_cell (self, chef_id, hibachi_booking_get_event_date (booking),
                        self->mode == HIBACHI_DISPATCH_DAY ? hibachi_booking_get_slot (booking) : NULL);
  if (old == NULL || target == NULL || !GTK_IS_BOX (gtk_widget_get_parent (GTK_WIDGET (old))))
    {
      hibachi_dispatch_page_rebuild (self);
      return;
    }

  focused = gtk_widget_has_focus (GTK_WIDGET (old));
  if (self->hover_cell == gtk_widget_get_parent (GTK_WIDGET (old)))
    self->hover_cell = NULL;
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (old))), GTK_WIDGET (old));
  card = hibachi_dispatch_card_new (booking, chef_id != NULL && self->mode == HIBACHI_DISPATCH_WEEK, chef_id == NULL, -1);
  if (chef_id != NULL && hibachi_dispatch_page_find_chef (self, chef_id) != NULL)
    {
      /* Flagged at once, as the row rebuilt later will be. */
      JsonObject *chef = hibachi_resource_get_json (HIBACHI_RESOURCE (hibachi_dispatch_page_find_chef (self, chef_id)));
      g_autoptr(GPtrArray) issues = hibachi_dispatch_check (hibachi_dispatch_page_get_snapshot (self), hibachi_booking_get_json (booking), chef, NULL);

      hibachi_dispatch_card_set_issues (HIBACHI_DISPATCH_CARD (card), issues);
    }
  hibachi_dispatch_page_setup_card (self, card);
  if (chef_id == NULL)
    {
      /* Into the queue where its urgency puts it, before the first card
       * that can wait longer. */
      GtkWidget *before = NULL;

      for (GtkWidget *c = gtk_widget_get_first_child (target); c != NULL; before = c, c = gtk_widget_get_next_sibling (c))
        if (!HIBACHI_IS_DISPATCH_CARD (c) ||
            hibachi_dispatch_compare_urgency (hibachi_booking_get_json (booking),
                                              hibachi_booking_get_json (hibachi_dispatch_card_get_booking (HIBACHI_DISPATCH_CARD (c)))) < 0)
          break;
      gtk_box_insert_child_after (GTK_BOX (target), card, before);
    }
  else
    gtk_box_append (GTK_BOX (target), card);
  if (focused)
    gtk_widget_grab_focus (card);
}

void
hibachi_dispatch_page_refresh (HibachiDispatchPage *self,
                               const char          *chef_a,
                               const char          *chef_b)
{
  g_autofree char *focused = focused_booking_id (self);
  guint columns = self->mode == HIBACHI_DISPATCH_WEEK ? 7 : HIBACHI_N_SLOTS;
  GDate first;
  char from[16];

  if (self->bookings == NULL || self->chefs == NULL || !board_built (self))
    return;
  hibachi_dispatch_page_first_day (self, &first);
  g_date_strftime (from, sizeof from, "%Y-%m-%d", &first);

  for (guint row = 0; row < self->chefs->len; row++)
    {
      const char *id = hibachi_resource_get_id (HIBACHI_RESOURCE (g_ptr_array_index (self->chefs, row)));

      if (g_strcmp0 (id, chef_a) != 0 && g_strcmp0 (id, chef_b) != 0)
        continue;
      for (guint col = 0; col <= columns; col++)
        {
          GtkWidget *child = gtk_grid_get_child_at (self->board, (int) col, (int) row + 1);

          if (child == NULL)
            continue;
          if (child == self->hover_cell)
            self->hover_cell = NULL;
          gtk_grid_remove (self->board, child);
        }
      build_row (self, row, &first, columns);
    }
  hibachi_dispatch_page_rebuild_queue (self, from);

  if (focused != NULL)
    {
      HibachiDispatchCard *card = hibachi_dispatch_page_find_card (self, focused);

      if (card != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (card));
    }
}
