/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-form.h: what every form of the views does with its fields the
 * same way: a field filled from the server, and a number typed but not yet
 * taken by its spin button when the form is saved. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @editable shows @text as loaded: from its start (a long address shows its
 * house number), and with no typing to undo, so Ctrl+Z in it goes on to the
 * window's undo (a save just made) until the next keystroke. */
void hibachi_form_load_text           (GtkEditable *editable,
                                       const char  *text);
/* The same for a spin button given @value. */
void hibachi_form_load_value          (GtkSpinButton *spin,
                                       double         value);
/* A number typed in the spin button that has the focus inside @form, not
 * yet taken (that happens when the focus leaves it or Enter is pressed),
 * is taken now: Ctrl+S saves what the field shows. */
void hibachi_form_commit_typed_number (GtkWidget   *form);
/* A whole-number @spin takes a number as it is typed (when it reads as one
 * in its range), so what follows its value (a quote, a total) follows the
 * typing; anything else waits for the usual moment. */
void hibachi_form_take_typed_counts   (GtkSpinButton *spin);

G_END_DECLS
