/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-form"

#include "config.h"

#include "hibachi-form.h"

/* Turning undo off empties the field's history. */
static void
forget_typing (GtkEditable *editable)
{
  gboolean enabled = gtk_editable_get_enable_undo (editable);

  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_enable_undo (editable, enabled);
}

void
hibachi_form_load_text (GtkEditable *editable,
                        const char  *text)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  root = gtk_widget_get_root (GTK_WIDGET (editable));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gtk_editable_set_text (editable, text != NULL ? text : "");
  /* Not under the cursor of someone typing in it (a save while there). */
  if (focus == NULL || (focus != GTK_WIDGET (editable) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (editable))))
    gtk_editable_set_position (editable, 0);
  forget_typing (editable);
}

void
hibachi_form_load_value (GtkSpinButton *spin,
                         double         value)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_spin_button_set_value (spin, value);
  forget_typing (GTK_EDITABLE (spin));
}

void
hibachi_form_commit_typed_number (GtkWidget *form)
{
  GtkRoot *root = gtk_widget_get_root (form);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != form; focus = gtk_widget_get_parent (focus))
    if (GTK_IS_SPIN_BUTTON (focus))
      {
        gtk_spin_button_update (GTK_SPIN_BUTTON (focus));
        return;
      }
}

static void
count_typed_cb (GtkEditable   *text,
                GtkSpinButton *spin)
{
  double lower, upper;
  guint64 number;

  gtk_spin_button_get_range (spin, &lower, &upper);
  /* Only a number that stands as typed: the field is not rewritten under
   * the typist (an empty field, "1" on the way to "12", stay as they are). */
  if (g_ascii_string_to_unsigned (gtk_editable_get_text (text), 10, (guint64) MAX (0, lower), (guint64) upper,
                                  &number, NULL) &&
      (double) number != gtk_spin_button_get_value (spin))
    gtk_spin_button_set_value (spin, (double) number);
}

void
hibachi_form_take_typed_counts (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (gtk_spin_button_get_digits (spin) == 0);

  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "changed", G_CALLBACK (count_typed_cb), spin,
                           0);
}
