/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hibachi-directory.h"

G_BEGIN_DECLS

/* The paper a chef and the office take into the day: one day's bookings of a
 * station (or of all stations) in slot order, each with what the chef needs
 * at the door. */
typedef struct _HibachiRunSheet HibachiRunSheet;

/* @stations: as the title names them ("Fremont, Hayward"), NULL for all. */
HibachiRunSheet   *hibachi_run_sheet_new                  (const char        *date,
                                                           const char        *stations,
                                                           GPtrArray         *bookings,
                                                           HibachiDirectory  *directory);
void               hibachi_run_sheet_free                 (HibachiRunSheet   *sheet);
const char        *hibachi_run_sheet_get_title            (HibachiRunSheet   *sheet);
guint              hibachi_run_sheet_get_n_entries        (HibachiRunSheet   *sheet);
/* One booking as Pango markup, the way it is printed. */
const char        *hibachi_run_sheet_get_entry            (HibachiRunSheet   *sheet,
                                                           guint              index);
/* The PDF's file name: "run-sheet-fremont-2026-12-01.pdf", or
 * "run-sheet-all-stations-…" when @stations is NULL. */
char              *hibachi_run_sheet_file_name            (const char        *stations,
                                                           const char        *date);
/* (transfer full): prints the sheet, which it takes over; Save as PDF
 * offers hibachi_run_sheet_file_name() in the Documents folder (the home
 * folder when there is none). */
GtkPrintOperation *hibachi_run_sheet_new_print_operation  (HibachiRunSheet   *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HibachiRunSheet, hibachi_run_sheet_free)

G_END_DECLS
