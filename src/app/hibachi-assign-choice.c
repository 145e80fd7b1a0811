/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-assign-choice.h"

void
hibachi_assign_choice_free (HibachiAssignChoice *choice)
{
  g_free (choice->chef_id);
  g_free (choice->name);
  g_ptr_array_unref (choice->issue_texts);
  g_array_unref (choice->issue_conflict);
  g_hash_table_unref (choice->conflicting);
  g_free (choice);
}

static void
choice_add_issue (HibachiAssignChoice *choice,
                  gboolean             conflict,
                  const char          *text)
{
  g_ptr_array_add (choice->issue_texts, g_strdup (text));
  g_array_append_val (choice->issue_conflict, conflict);
}

gboolean
hibachi_assign_choice_has_conflict (const HibachiAssignChoice *choice)
{
  return g_hash_table_size (choice->conflicting) > 0;
}

static char *
score_text (HibachiAssignChoice *choice)
{
  double n = MAX (choice->n_ranked, 1);
  guint minutes = (guint) (choice->sum.travel_minutes / n + 0.5);
  g_autofree char *away = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute away", "%u minutes away", minutes), minutes);
  GString *text = g_string_new (NULL);

  /* Translators: the parts of a chef's suggestion score, each out of its
   * weight; "%s" is how far away the chef is ("25 minutes away") */
  g_string_append_printf (text, _("Travel %.0f of %.0f (%s) · party fit %.0f of %.0f · workload %.0f of %.0f · "
                                  "rating %.0f of %.0f · returning customer %.0f of %.0f"),
                          choice->sum.travel / n, HIBACHI_SCORE_WEIGHT_TRAVEL, away,
                          choice->sum.skill / n, HIBACHI_SCORE_WEIGHT_SKILL,
                          choice->sum.workload / n, HIBACHI_SCORE_WEIGHT_WORKLOAD,
                          choice->sum.rating / n, HIBACHI_SCORE_WEIGHT_RATING,
                          choice->sum.preference / n, HIBACHI_SCORE_WEIGHT_PREFERENCE);
  if (choice->sum.requested_bonus > 0)
    /* Translators: points added to a chef's score */
    g_string_append_printf (text, _(" · +%.0f: the customer asked for this chef"), choice->sum.requested_bonus / n);

  return g_string_free (text, FALSE);
}

static GtkWidget *
issue_line (const char *text,
            gboolean    conflict,
            gboolean    hard)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (conflict ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (icon, conflict ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hard ? _("Not possible") : conflict ? _("Conflict") : _("Warning"), -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

GtkWidget *
hibachi_assign_choice_row_new (HibachiAssignChoice *choice)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (choice->name);
  g_autofree char *total_text = g_strdup_printf (_("Score %.0f"), choice->sum.total / MAX (choice->n_ranked, 1));
  GtkWidget *total = gtk_label_new (total_text);
  g_autofree char *parts_text = score_text (choice);
  GtkWidget *parts = gtk_label_new (parts_text);
  g_autoptr(GString) spoken = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), choice->name);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* The dialog may be narrow (libadwaita 1.7 sizes it to its parent): the
   * name gives way rather than the row overflowing (a fatal warning on GTK
   * 4.18); the row's accessible label and tooltip keep it whole. */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name, choice->name);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (total, "numeric");
  gtk_box_append (GTK_BOX (header), name);
  if (choice->current)
    {
      GtkWidget *current = gtk_label_new (_("Assigned now"));

      gtk_widget_add_css_class (current, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (current), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (header), current);
    }
  gtk_box_append (GTK_BOX (header), total);
  gtk_box_append (GTK_BOX (box), header);
  gtk_label_set_wrap (GTK_LABEL (parts), TRUE);
  gtk_label_set_xalign (GTK_LABEL (parts), 0);
  gtk_widget_add_css_class (parts, "dim-label");
  gtk_widget_add_css_class (parts, "caption");
  gtk_box_append (GTK_BOX (box), parts);
  g_string_append_printf (spoken, "%s%s%s, %s. %s", choice->name, choice->current ? ", " : "",
                          choice->current ? _("Assigned now") : "", total_text, parts_text);
  for (guint i = 0; i < choice->issue_texts->len; i++)
    {
      const char *text = g_ptr_array_index (choice->issue_texts, i);

      gtk_box_append (GTK_BOX (box), issue_line (text, g_array_index (choice->issue_conflict, gboolean, i), choice->hard));
      g_string_append_printf (spoken, ". %s", text);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  hibachi_accessible_set_label (row, spoken->str);

  /* What a caller finds on a row (the dispatch board, tests). */
  g_object_set_data_full (G_OBJECT (row), "chef-id", g_strdup (choice->chef_id), g_free);
  g_object_set_data (G_OBJECT (row), "has-conflict", GINT_TO_POINTER (hibachi_assign_choice_has_conflict (choice) || choice->hard));
  g_object_set_data (G_OBJECT (row), "hard-conflict", GINT_TO_POINTER (choice->hard));

  return row;
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const HibachiAssignChoice *x = *(HibachiAssignChoice **) a;
  const HibachiAssignChoice *y = *(HibachiAssignChoice **) b;
  int rank_x = x->hard ? 2 : g_hash_table_size (x->conflicting) > 0;
  int rank_y = y->hard ? 2 : g_hash_table_size (y->conflicting) > 0;
  double total_x = x->sum.total / MAX (x->n_ranked, 1);
  double total_y = y->sum.total / MAX (y->n_ranked, 1);

  if (rank_x != rank_y)
    return rank_x - rank_y;
  if (total_x != total_y)
    return total_x > total_y ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
hibachi_assign_choices_build (GPtrArray *bookings,
                              GPtrArray *suggestions)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) hibachi_assign_choice_free);
  gboolean several = bookings->len > 1;

  for (guint b = 0; b < bookings->len; b++)
    {
      HibachiBooking *booking = g_ptr_array_index (bookings, b);
      GPtrArray *ranked = g_ptr_array_index (suggestions, b);

      for (guint s = 0; s < ranked->len; s++)
        {
          HibachiChefSuggestion *suggestion = g_ptr_array_index (ranked, s);
          const char *chef_id = hibachi_chef_suggestion_get_chef_id (suggestion);
          HibachiAssignChoice *choice = g_hash_table_lookup (by_id, chef_id);
          HibachiSuggestionScore score;
          const char *code, *message;
          gboolean conflict;

          if (choice == NULL)
            {
              choice = g_new0 (HibachiAssignChoice, 1);
              choice->chef_id = g_strdup (chef_id);
              choice->name = g_strdup (hibachi_chef_suggestion_get_chef_name (suggestion));
              choice->issue_texts = g_ptr_array_new_with_free_func (g_free);
              choice->issue_conflict = g_array_new (FALSE, FALSE, sizeof (gboolean));
              choice->conflicting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_ptr_array_add (choices, choice);
              g_hash_table_insert (by_id, choice->chef_id, choice);
            }
          hibachi_chef_suggestion_get_score_parts (suggestion, &score);
          choice->sum.total += score.total;
          choice->sum.travel += score.travel;
          choice->sum.skill += score.skill;
          choice->sum.workload += score.workload;
          choice->sum.rating += score.rating;
          choice->sum.preference += score.preference;
          choice->sum.requested_bonus += score.requested_bonus;
          choice->sum.travel_minutes += score.travel_minutes;
          choice->n_ranked++;

          for (guint i = 0; hibachi_chef_suggestion_get_issue (suggestion, i, &code, &message, &conflict); i++)
            {
              g_autofree char *text = NULL;
              gboolean hard = conflict && g_str_equal (code, "other_station");

              if (several)
                /* Translators: a kind of problem, a booking reference, the problem */
                text = g_strdup_printf (_("%s (%s): %s"), hard ? _("Not possible") : conflict ? _("Conflict") : _("Warning"),
                                        hibachi_booking_get_reference (booking), message);
              else
                /* Translators: a kind of problem, the problem */
                text = g_strdup_printf (_("%s: %s"), hard ? _("Not possible") : conflict ? _("Conflict") : _("Warning"),
                                        message);
              choice_add_issue (choice, conflict, text);
              if (hard)
                choice->hard = TRUE;
              else if (conflict)
                g_hash_table_add (choice->conflicting, g_strdup (hibachi_booking_get_id (booking)));
            }
        }
    }

  /* A chef some booking does not rank works at another station than it. */
  for (guint c = 0; c < choices->len; c++)
    {
      HibachiAssignChoice *choice = g_ptr_array_index (choices, c);

      choice->current = TRUE;
      for (guint b = 0; b < bookings->len; b++)
        if (g_strcmp0 (hibachi_booking_get_chef_id (g_ptr_array_index (bookings, b)), choice->chef_id) != 0)
          choice->current = FALSE;
      if (choice->n_ranked < bookings->len)
        {
          choice->hard = TRUE;
          choice_add_issue (choice, TRUE, _("Not possible: works at another station than some of these bookings."));
        }
    }
  g_ptr_array_sort (choices, compare_choices);

  return choices;
}
