/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HIBACHI_TYPE_SIGN_IN_PAGE (hibachi_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (HibachiSignInPage, hibachi_sign_in_page, HIBACHI, SIGN_IN_PAGE, GtkWidget)

void        hibachi_sign_in_page_set_server   (HibachiSignInPage *self,
                                               const char        *server_url);
void        hibachi_sign_in_page_set_email    (HibachiSignInPage *self,
                                               const char        *email);
const char *hibachi_sign_in_page_get_server   (HibachiSignInPage *self);
const char *hibachi_sign_in_page_get_email    (HibachiSignInPage *self);
const char *hibachi_sign_in_page_get_password (HibachiSignInPage *self);
void        hibachi_sign_in_page_set_busy     (HibachiSignInPage *self,
                                               gboolean           busy);
/* A message under the form (NULL hides it); @is_error styles it red. */
void        hibachi_sign_in_page_set_message  (HibachiSignInPage *self,
                                               const char        *message,
                                               gboolean           is_error);
void        hibachi_sign_in_page_clear_password (HibachiSignInPage *self);

G_END_DECLS
