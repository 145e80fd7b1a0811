/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hibachi-accessible.h"
#include "hibachi-core.h"
#include "hibachi-sign-in-page.h"

struct _HibachiSignInPage
{
  GtkWidget    parent_instance;

  GtkWidget   *menu_button;
  AdwEntryRow *server_row;
  AdwEntryRow *email_row;
  AdwEntryRow *password_row;
  GtkLabel    *message_label;
  GtkButton   *sign_in_button;
  GtkButton   *demo_button;
  GtkStack    *button_stack;
  GtkSpinner  *spinner;
};

G_DEFINE_FINAL_TYPE (HibachiSignInPage, hibachi_sign_in_page, GTK_TYPE_WIDGET)

enum {
  SIGN_IN,
  TRY_DEMO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sign_in_clicked_cb (HibachiSignInPage *self)
{
  g_autofree char *message = NULL;
  g_autofree char *server = NULL;

  /* Checked here so a typo costs no round trip; the server checks again. */
  if (!hibachi_validate_server_url (hibachi_sign_in_page_get_server (self), &server, &message))
    {
      hibachi_sign_in_page_set_message (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  /* The address used, shown: "admin.example.com" becomes https://admin.example.com. */
  hibachi_sign_in_page_set_server (self, server);
  if (!hibachi_validate_email (hibachi_sign_in_page_get_email (self), &message))
    {
      hibachi_sign_in_page_set_message (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
      return;
    }
  if (*hibachi_sign_in_page_get_password (self) == '\0')
    {
      hibachi_sign_in_page_set_message (self, _("Enter your password."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  g_signal_emit (self, signals[SIGN_IN], 0);
}

static void
entry_activated_cb (HibachiSignInPage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button)))
    sign_in_clicked_cb (self);
}

static void
demo_clicked_cb (HibachiSignInPage *self)
{
  g_signal_emit (self, signals[TRY_DEMO], 0);
}

static void
hibachi_sign_in_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HIBACHI_TYPE_SIGN_IN_PAGE);
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hibachi_sign_in_page_parent_class)->dispose (object);
}

static void
hibachi_sign_in_page_class_init (HibachiSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hibachi_sign_in_page_dispose;

  signals[SIGN_IN] = g_signal_new ("sign-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[TRY_DEMO] = g_signal_new ("try-demo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/myhibachichef/Admin/hibachi-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, HibachiSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hibachi_sign_in_page_init (HibachiSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hibachi_accessible_set_label (self->menu_button, _("Main Menu"));
  hibachi_accessible_label_icon_buttons (GTK_WIDGET (self->password_row), "view-reveal-symbolic",
                                         (const char *[]) { _("Show Password"), NULL });
}

void
hibachi_sign_in_page_set_server (HibachiSignInPage *self,
                                 const char        *server_url)
{
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url ? server_url : "");
}

void
hibachi_sign_in_page_set_email (HibachiSignInPage *self,
                                const char        *email)
{
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
  if (email != NULL && *email != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

const char *
hibachi_sign_in_page_get_server (HibachiSignInPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->server_row));
}

const char *
hibachi_sign_in_page_get_email (HibachiSignInPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->email_row));
}

const char *
hibachi_sign_in_page_get_password (HibachiSignInPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

void
hibachi_sign_in_page_clear_password (HibachiSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

void
hibachi_sign_in_page_set_busy (HibachiSignInPage *self,
                               gboolean           busy)
{
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "busy" : "label");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), !busy);
  /* Read-only rather than insensitive: focus stays where the user left it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->email_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
}

void
hibachi_sign_in_page_set_message (HibachiSignInPage *self,
                                  const char        *message,
                                  gboolean           is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}
