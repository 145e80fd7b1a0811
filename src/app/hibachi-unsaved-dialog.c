/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-unsaved-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-unsaved-dialog.h"

typedef struct
{
  HibachiUnsavedCallback callback;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Question;

static void
question_free (gpointer data,
               GClosure *closure)
{
  Question *question = data;

  if (question->destroy != NULL)
    question->destroy (question->user_data);
  g_free (question);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Question         *question)
{
  HibachiUnsavedAnswer answer = HIBACHI_UNSAVED_CANCEL;

  if (g_strcmp0 (response, "save") == 0)
    answer = HIBACHI_UNSAVED_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    answer = HIBACHI_UNSAVED_DISCARD;
  question->callback (answer, question->user_data);
}

void
hibachi_unsaved_dialog_run (GtkWidget              *parent,
                            const char             *what,
                            HibachiUnsavedCallback  callback,
                            gpointer                user_data,
                            GDestroyNotify          destroy)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Question *question;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (what != NULL);
  g_return_if_fail (callback != NULL);

  /* Translators: what has unsaved changes, e.g. "Booking MH-100398" */
  body = g_strdup_printf (_("%s has changes that are not saved. Save them before you go on?"), what);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question = g_new0 (Question, 1);
  question->callback = callback;
  question->user_data = user_data;
  question->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
