/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-core.h"
#include "hibachi-reason-dialog.h"

typedef struct
{
  HibachiReasonCallback  callback;
  gpointer               user_data;
  GDestroyNotify         destroy;
  GtkEntry              *entry;
  GtkLabel              *hint;
} ReasonData;

static void
reason_data_free (gpointer data)
{
  ReasonData *reason = data;

  if (reason->destroy != NULL)
    reason->destroy (reason->user_data);
  g_free (reason);
}

static void
changed_cb (GtkEditable      *entry,
            AdwMessageDialog *dialog)
{
  ReasonData *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  g_autofree char *message = NULL;
  gboolean ok = hibachi_validate_reason (gtk_editable_get_text (entry), &message);

  adw_message_dialog_set_response_enabled (dialog, "apply", ok);
  gtk_label_set_text (reason->hint, ok ? "" : message);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  ReasonData *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (reason->entry))));
  reason->callback (text, reason->user_data);
}

void
hibachi_reason_dialog_run (GtkWidget             *parent,
                           const char            *heading,
                           const char            *body,
                           const char            *action_label,
                           gboolean               destructive,
                           HibachiReasonCallback  callback,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ReasonData *reason = g_new0 (ReasonData, 1);

  reason->callback = callback;
  reason->user_data = user_data;
  reason->destroy = destroy;
  reason->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (reason->entry, _("Reason (10 to 500 characters)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_activates_default (reason->entry, TRUE);
  reason->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (reason->hint, 0);
  gtk_label_set_wrap (reason->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (reason->hint), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (reason->hint), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (reason->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (reason->hint));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep"), "apply", action_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "reason", reason, reason_data_free);
  g_signal_connect (reason->entry, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  changed_cb (GTK_EDITABLE (reason->entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (reason->entry));
}
