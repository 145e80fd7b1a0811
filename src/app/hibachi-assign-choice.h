/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-assign-choice.h: the assign dialog's chefs. The suggestions of
 * each booking (SPEC §8.4 score, §8.3 conflicts) folded into one choice per
 * chef for all the bookings, ranked, and shown as a list row that says the
 * score's parts in words and each warning and conflict with an icon. */
#pragma once

#include <adwaita.h>

#include "hibachi-booking.h"
#include "hibachi-chef-suggestion.h"

G_BEGIN_DECLS

typedef struct
{
  char                   *chef_id;
  char                   *name;
  HibachiSuggestionScore  sum;             /* over the bookings that rank the chef */
  guint                   n_ranked;
  GPtrArray              *issue_texts;     /* "Conflict: …", in order */
  GArray                 *issue_conflict;  /* gboolean per issue */
  GHashTable             *conflicting;     /* booking ids that need the override reason */
  gboolean                hard;            /* cannot be assigned at all */
} HibachiAssignChoice;

void       hibachi_assign_choice_free         (HibachiAssignChoice       *choice);
/* A conflict to override with a reason (not a hard one). */
gboolean   hibachi_assign_choice_has_conflict (const HibachiAssignChoice *choice);
/* @suggestions: per booking of @bookings, its HibachiChefSuggestion array.
 * (element-type HibachiAssignChoice): best first, conflicts after, chefs
 * that cannot be assigned last. A chef some booking does not rank works
 * at another station than it: hard. */
GPtrArray *hibachi_assign_choices_build       (GPtrArray                 *bookings,
                                               GPtrArray                 *suggestions);
/* The row: name, score and its parts, issues. Its "chef-id",
 * "has-conflict" and "hard-conflict" data say what it is. */
GtkWidget *hibachi_assign_choice_row_new      (HibachiAssignChoice       *choice);

G_END_DECLS
