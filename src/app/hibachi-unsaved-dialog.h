/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-unsaved-dialog.h: the one question asked before unsaved changes
 * could be lost (switching booking, closing the window, signing out,
 * quitting): Save, Discard or Cancel. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_UNSAVED_CANCEL,
  HIBACHI_UNSAVED_DISCARD,
  HIBACHI_UNSAVED_SAVE,
} HibachiUnsavedAnswer;

typedef void (*HibachiUnsavedCallback) (HibachiUnsavedAnswer answer,
                                        gpointer             user_data);

/* @what: what has the changes, e.g. "Booking MH-100398". */
void hibachi_unsaved_dialog_run (GtkWidget              *parent,
                                 const char             *what,
                                 HibachiUnsavedCallback  callback,
                                 gpointer                user_data,
                                 GDestroyNotify          destroy);

G_END_DECLS
