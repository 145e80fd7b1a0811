/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-dispatch-page.h: the dispatch board (SPEC §5.2). One station's
 * chefs as rows, the day's four slots (or the week's days) as columns,
 * booking cards in the cells and the unassigned queue beside them. Cards
 * move by drag and drop or by keyboard; every move is checked with
 * src/core first, sent through the store, and undoable. */
#pragma once

#include "hibachi-page.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_DISPATCH_PAGE (hibachi_dispatch_page_get_type ())

G_DECLARE_FINAL_TYPE (HibachiDispatchPage, hibachi_dispatch_page, HIBACHI, DISPATCH_PAGE, HibachiPage)

typedef enum
{
  HIBACHI_DISPATCH_DAY,
  HIBACHI_DISPATCH_WEEK,
} HibachiDispatchMode;

/* The day shown (YYYY-MM-DD; in the week view, a day of the week shown). */
void        hibachi_dispatch_page_set_date    (HibachiDispatchPage *self,
                                               const char          *date);
const char *hibachi_dispatch_page_get_date    (HibachiDispatchPage *self);
void        hibachi_dispatch_page_set_mode    (HibachiDispatchPage *self,
                                               HibachiDispatchMode  mode);
/* The station shown, NULL before the first load. */
const char *hibachi_dispatch_page_get_station (HibachiDispatchPage *self);
/* TRUE while the board loads. */
gboolean    hibachi_dispatch_page_get_loading (HibachiDispatchPage *self);

G_END_DECLS
