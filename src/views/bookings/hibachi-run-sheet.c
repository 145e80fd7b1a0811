/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-run-sheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hibachi-booking.h"
#include "hibachi-core.h"
#include "hibachi-run-sheet.h"

#define HEADER_GAP_PT 12.0
#define ENTRY_GAP_PT   8.0

struct _HibachiRunSheet
{
  char      *title;
  char      *file_name;
  GPtrArray *entries;      /* markup, one per booking */
  /* Laid out in begin-print: */
  GPtrArray *layouts;      /* PangoLayout, one per entry */
  GArray    *page_starts;  /* guint: the first entry of each page */
  PangoLayout *header;
};

static char *
format_date (const char *date)
{
  GDate d;
  char buffer[128];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (!g_date_valid (&d) || g_date_strftime (buffer, sizeof buffer, _("%A, %B %-d, %Y"), &d) == 0)
    return g_strdup (date);
  return g_strdup (buffer);
}

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, "\n<b>%s</b> %s", label, escaped);
}

static char *
entry_markup (HibachiBooking   *b,
              HibachiDirectory *directory)
{
  GString *out = g_string_new (NULL);
  const char *chef_id = hibachi_booking_get_chef_id (b);
  const char *chef = chef_id == NULL ? _("Unassigned")
                     : directory && hibachi_directory_chef_name (directory, chef_id)
                       ? hibachi_directory_chef_name (directory, chef_id) : chef_id;
  g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>   %s   <b>%s</b>   %s",
                                                  hibachi_booking_get_slot (b),
                                                  hibachi_booking_get_reference (b),
                                                  hibachi_booking_get_customer_name (b),
                                                  hibachi_booking_status_label (hibachi_booking_get_status (b)));
  /* Counts are 0–100 (§8.1). */
  g_autofree char *guests = g_strdup_printf (_("%d in all: adults %d, children %d, toddlers %d"),
                                             (int) hibachi_booking_get_guests (b),
                                             (int) hibachi_booking_get_int (b, "adults"),
                                             (int) hibachi_booking_get_int (b, "children"),
                                             (int) hibachi_booking_get_int (b, "toddlers"));
  gint64 due = hibachi_booking_get_total_cents (b) -
               (json_object_get_boolean_member_with_default (hibachi_booking_get_json (b), "deposit_paid", FALSE)
                ? hibachi_booking_get_int (b, "deposit_cents") : 0);
  g_autofree char *total = hibachi_format_cents (hibachi_booking_get_total_cents (b));
  g_autofree char *balance = hibachi_format_cents (due);
  g_autofree char *money = g_strdup_printf (_("%s total, %s to collect"), total, balance);
  g_auto(GStrv) allergen_list = hibachi_booking_dup_allergens (b);
  g_autofree char *allergens = g_strjoinv (", ", allergen_list);

  g_string_append (out, head);
  append_line (out, _("Chef:"), chef);
  append_line (out, _("Guests:"), guests);
  append_line (out, _("Venue:"), hibachi_booking_get_string (b, "venue_address"));
  append_line (out, _("Phone:"), hibachi_booking_get_string (b, "customer_phone"));
  append_line (out, _("Allergens:"), allergens);
  append_line (out, _("Requests:"), hibachi_booking_get_string (b, "special_requests"));
  append_line (out, _("Payment:"), money);

  return g_string_free (out, FALSE);
}

char *
hibachi_run_sheet_file_name (const char *stations,
                             const char *date)
{
  g_autofree char *lower = g_utf8_strdown (stations != NULL ? stations : "all stations", -1);
  GString *name = g_string_new ("run-sheet-");
  gboolean dash = FALSE;

  /* Letters and digits of the names, one dash between words. */
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash)
            g_string_append_c (name, '-');
          g_string_append_unichar (name, c);
          dash = FALSE;
        }
      else
        dash = name->len > strlen ("run-sheet-");
    }
  g_string_append_printf (name, "-%s.pdf", date);

  return g_string_free (name, FALSE);
}

HibachiRunSheet *
hibachi_run_sheet_new (const char       *date,
                       const char       *station_name,
                       GPtrArray        *bookings,
                       HibachiDirectory *directory)
{
  HibachiRunSheet *sheet = g_new0 (HibachiRunSheet, 1);
  g_autofree char *day = format_date (date);

  /* Translators: a run sheet's title: "Run Sheet — Austin — Saturday, November 21, 2026". */
  sheet->file_name = hibachi_run_sheet_file_name (station_name, date);
  sheet->title = station_name ? g_strdup_printf (_("Run Sheet — %s — %s"), station_name, day)
                              : g_strdup_printf (_("Run Sheet — All Stations — %s"), day);
  sheet->entries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bookings->len; i++)
    if (hibachi_booking_is_loaded (g_ptr_array_index (bookings, i)))
      g_ptr_array_add (sheet->entries, entry_markup (g_ptr_array_index (bookings, i), directory));

  return sheet;
}

void
hibachi_run_sheet_free (HibachiRunSheet *sheet)
{
  g_free (sheet->title);
  g_free (sheet->file_name);
  g_ptr_array_unref (sheet->entries);
  g_clear_pointer (&sheet->layouts, g_ptr_array_unref);
  g_clear_pointer (&sheet->page_starts, g_array_unref);
  g_clear_object (&sheet->header);
  g_free (sheet);
}

const char *
hibachi_run_sheet_get_title (HibachiRunSheet *sheet)
{
  return sheet->title;
}

guint
hibachi_run_sheet_get_n_entries (HibachiRunSheet *sheet)
{
  return sheet->entries->len;
}

const char *
hibachi_run_sheet_get_entry (HibachiRunSheet *sheet,
                             guint            index)
{
  g_return_val_if_fail (index < sheet->entries->len, NULL);

  return g_ptr_array_index (sheet->entries, index);
}

/* Printing */

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *markup,
            const char      *font)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                HibachiRunSheet   *sheet)
{
  g_autofree char *title = g_markup_escape_text (sheet->title, -1);
  double page_height = gtk_print_context_get_height (context);
  double y;

  g_clear_object (&sheet->header);
  sheet->header = new_layout (context, title, "Sans Bold 14");
  g_clear_pointer (&sheet->layouts, g_ptr_array_unref);
  sheet->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_pointer (&sheet->page_starts, g_array_unref);
  sheet->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Entries are never split across pages; each page starts under the title. */
  y = page_height;
  for (guint i = 0; i < sheet->entries->len; i++)
    {
      PangoLayout *layout = new_layout (context, g_ptr_array_index (sheet->entries, i), "Sans 10");
      double height = layout_height (layout);

      g_ptr_array_add (sheet->layouts, layout);
      if (y + height > page_height && (sheet->page_starts->len == 0 || y > layout_height (sheet->header) + HEADER_GAP_PT))
        {
          g_array_append_val (sheet->page_starts, i);
          y = layout_height (sheet->header) + HEADER_GAP_PT;
        }
      y += height + ENTRY_GAP_PT;
    }
  if (sheet->page_starts->len == 0)
    {
      guint zero = 0;
      g_array_append_val (sheet->page_starts, zero);
    }

  gtk_print_operation_set_n_pages (operation, (int) sheet->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              HibachiRunSheet   *sheet)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (sheet->page_starts, guint, page);
  guint end = (guint) page + 1 < sheet->page_starts->len ? g_array_index (sheet->page_starts, guint, page + 1)
                                                         : sheet->layouts->len;
  g_autofree char *number = g_strdup_printf (_("Page %d of %u"), page + 1, sheet->page_starts->len);
  g_autoptr(PangoLayout) footer = new_layout (context, number, "Sans 8");
  double y = layout_height (sheet->header) + HEADER_GAP_PT;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, sheet->header);

  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, footer);

  for (guint i = first; i < end; i++)
    {
      PangoLayout *layout = g_ptr_array_index (sheet->layouts, i);

      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      y += layout_height (layout) + ENTRY_GAP_PT / 2;
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, gtk_print_context_get_width (context), y);
      cairo_stroke (cr);
      y += ENTRY_GAP_PT / 2;
    }
}

GtkPrintOperation *
hibachi_run_sheet_new_print_operation (HibachiRunSheet *sheet)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *basename = g_strndup (sheet->file_name, strlen (sheet->file_name) - strlen (".pdf"));

  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Save as PDF offers the sheet's own name, not "output.pdf", in the
   * Documents folder, or the home folder when there is none (GTK's own
   * choice then is the folder the app was started from). */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, documents != NULL ? documents : g_get_home_dir ());
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_job_name (operation, sheet->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);
  g_object_set_data_full (G_OBJECT (operation), "hibachi-run-sheet", sheet, (GDestroyNotify) hibachi_run_sheet_free);

  return operation;
}
