/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bookings page's query: what its filters, search and sort order ask
 * the server for; and the count its sidebar badge shows. */
#define G_LOG_DOMAIN "hibachi-bookings-view"

#include "config.h"

#include "hibachi-bookings-view-private.h"
#include "hibachi-core.h"

/* The server's sort keys, in the order of the sort drop-down's entries. */
static const char * const sort_keys[] = {
  "event_date", "-event_date", "-created_at", "customer_name", "-guests", "-total",
  "created_at", "-customer_name", "guests", "total",
};

const char *
hibachi_bookings_view_get_sort_key (HibachiBookingsView *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  return sort < G_N_ELEMENTS (sort_keys) ? sort_keys[sort] : sort_keys[0];
}

void
hibachi_bookings_view_set_sort_key (HibachiBookingsView *self,
                                    const char          *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
    if (g_strcmp0 (sort_keys[i], key) == 0)
      gtk_drop_down_set_selected (self->sort_dropdown, i);
}

void
hibachi_bookings_view_append_param (GString    *query,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (query, "%s%s=%s", query->len ? "&" : "", name, escaped);
}

char *
hibachi_bookings_view_build_query (HibachiBookingsView *self)
{
  GString *query = g_string_new (NULL);
  g_autoptr(GString) statuses = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  GtkToggleButton *toggles[] = { self->pending_toggle, self->confirmed_toggle, self->completed_toggle, self->cancelled_toggle };
  const char *status_names[] = { "pending", "confirmed", "completed", "cancelled" };

  if (*search != '\0')
    hibachi_bookings_view_append_param (query, "q", search);

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    if (gtk_toggle_button_get_active (toggles[i]))
      g_string_append_printf (statuses, "%s%s", statuses->len ? "," : "", status_names[i]);
  /* Unassigned means work still to staff: never cancelled or completed. */
  if (statuses->len == 0 && gtk_toggle_button_get_active (self->unassigned_toggle))
    g_string_append (statuses, "pending,confirmed");
  if (statuses->len > 0)
    hibachi_bookings_view_append_param (query, "status", statuses->str);

  {
    HibachiDates dates = gtk_drop_down_get_selected (self->date_dropdown);
    GDate today, from, to;
    char text[16];

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                    (GDateYear) g_date_time_get_year (now));
    hibachi_dates_range (dates, &today, &from, &to);
    if (dates == HIBACHI_DATES_CUSTOM)
      {
        from = self->custom_from;
        to = self->custom_to;
      }
    if (g_date_valid (&from) && g_date_strftime (text, sizeof text, "%Y-%m-%d", &from) > 0)
      hibachi_bookings_view_append_param (query, "date_from", text);
    if (g_date_valid (&to) && g_date_strftime (text, sizeof text, "%Y-%m-%d", &to) > 0)
      hibachi_bookings_view_append_param (query, "date_to", text);
  }

  if (hibachi_page_get_station_id (HIBACHI_PAGE (self)) != NULL)
    hibachi_bookings_view_append_param (query, "station_id", hibachi_page_get_station_id (HIBACHI_PAGE (self)));
  if (gtk_toggle_button_get_active (self->unassigned_toggle))
    hibachi_bookings_view_append_param (query, "unassigned", "true");
  else
    {
      guint chef = gtk_drop_down_get_selected (self->chef_dropdown);

      /* "Unassigned" and one chef exclude each other: unassigned wins. */
      if (self->chef_choices != NULL && chef < self->chef_choices->len && g_ptr_array_index (self->chef_choices, chef) != NULL)
        hibachi_bookings_view_append_param (query, "chef_id", g_ptr_array_index (self->chef_choices, chef));
    }
  hibachi_bookings_view_append_param (query, "sort", hibachi_bookings_view_get_sort_key (self));

  return g_string_free (query, FALSE);
}

/* HibachiPage.prefetch: the first page of the query account_changed is
 * about to ask for (unless the account changes it). */
void
hibachi_bookings_view_prefetch (HibachiPage    *page,
                                HibachiSession *session)
{
  g_autoptr(HibachiPagedList) list = hibachi_store_new_booking_list (hibachi_session_get_store (session));
  g_autofree char *query = hibachi_bookings_view_build_query (HIBACHI_BOOKINGS_VIEW (page));

  hibachi_paged_list_prefetch (list, query);
}

void
hibachi_bookings_view_filters_changed (HibachiBookingsView *self)
{
  gboolean unassigned = gtk_toggle_button_get_active (self->unassigned_toggle);
  g_autofree char *query = NULL;

  /* Unassigned lists work still to staff: cancelled and completed are out. */
  if (unassigned)
    {
      gtk_toggle_button_set_active (self->completed_toggle, FALSE);
      gtk_toggle_button_set_active (self->cancelled_toggle, FALSE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->completed_toggle), !unassigned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancelled_toggle), !unassigned);

  if (self->column_view == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  /* The drop-down and the headers show one sort order. */
  hibachi_bookings_view_show_sort (self);
  if (self->list == NULL)
    return;

  /* The search entry already waits for a pause in typing; the model drops
   * answers to queries it no longer shows. */
  query = hibachi_bookings_view_build_query (self);
  if (g_strcmp0 (query, hibachi_paged_list_get_query (self->list)) == 0)
    return;
  /* Rows keep their objects across queries: a selection would now point at
   * other bookings. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  g_hash_table_remove_all (self->changed_by);
  /* New results start at the top. */
  {
    GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

    if (GTK_IS_SCROLLED_WINDOW (scrolled))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  }
  hibachi_paged_list_set_query (self->list, query);
}

static void
unassigned_count_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HibachiBookingsView) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count = hibachi_store_count_finish (HIBACHI_STORE (source), result, &error);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  /* The badge is a hint: a failure shows on the list, not here. */
  if (error != NULL)
    return;

  count = MAX (0, count);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  /* What the badge counts, as a screen reader says it. */
  spoken = g_strdup_printf (g_dngettext (NULL, "%s upcoming booking without a chef",
                                         "%s upcoming bookings without a chef", (gulong) count), text);
  hibachi_page_set_badge_description (HIBACHI_PAGE (self), spoken);
  hibachi_page_set_badge_count (HIBACHI_PAGE (self), (guint) count);
}

/* The sidebar's badge: upcoming bookings that still need a chef, at the
 * page's station (all of them when it shows every station). */
void
hibachi_bookings_view_refresh_badge (HibachiBookingsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) query = g_string_new (NULL);

  if (self->session == NULL || !hibachi_session_can (self->session, HIBACHI_CAPABILITY_VIEW_DISPATCH))
    return;

  hibachi_bookings_view_append_param (query, "unassigned", "true");
  hibachi_bookings_view_append_param (query, "status", "pending,confirmed");
  hibachi_bookings_view_append_param (query, "date_from", today);
  if (hibachi_page_get_station_id (HIBACHI_PAGE (self)) != NULL)
    hibachi_bookings_view_append_param (query, "station_id", hibachi_page_get_station_id (HIBACHI_PAGE (self)));
  /* Only the latest count is wanted: one asked before could be answered
   * after it, and show an older count (another station's). */
  g_cancellable_cancel (self->badge_cancellable);
  g_clear_object (&self->badge_cancellable);
  self->badge_cancellable = g_cancellable_new ();
  hibachi_store_count_bookings_async (hibachi_session_get_store (self->session), query->str, self->badge_cancellable,
                                      unassigned_count_cb, g_object_ref (self));
}

static gboolean
badge_due_cb (gpointer data)
{
  HibachiBookingsView *self = data;

  self->badge_id = 0;
  hibachi_bookings_view_refresh_badge (self);
  return G_SOURCE_REMOVE;
}

/* A booking changed, here or elsewhere: a burst of changes (a day's
 * proposals applied) is counted once, half a second after it began. */
static void
badge_feed_cb (HibachiChangeFeed   *feed,
               HibachiResourceKind  kind,
               const char          *id,
               const char          *actor,
               const char          *action,
               HibachiBookingsView *self)
{
  if (kind == HIBACHI_RESOURCE_BOOKING && self->badge_id == 0)
    self->badge_id = g_timeout_add (500, badge_due_cb, self);
}

void
hibachi_bookings_view_follow_badge (HibachiBookingsView *self,
                                    HibachiChangeFeed   *feed)
{
  hibachi_bookings_view_refresh_badge (self);
  if (feed != NULL)
    g_signal_connect_object (feed, "changed", G_CALLBACK (badge_feed_cb), self, 0);
}
