/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-undo-stack.h: the commands one window can undo, most recent on
 * top. Pages push what they did; the window offers Undo in a toast and on
 * Ctrl+Z, and says what it undid. */
#pragma once

#include <gio/gio.h>

#include "hibachi-undo-command.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_UNDO_STACK (hibachi_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (HibachiUndoStack, hibachi_undo_stack, HIBACHI, UNDO_STACK, GObject)

HibachiUndoStack   *hibachi_undo_stack_new         (void);
/* Emits "pushed" (the window shows its toast). */
void                hibachi_undo_stack_push        (HibachiUndoStack    *self,
                                                    HibachiUndoCommand  *command);
/* The most recent command, or NULL. */
HibachiUndoCommand *hibachi_undo_stack_peek        (HibachiUndoStack    *self);
gboolean            hibachi_undo_stack_get_can_undo (HibachiUndoStack   *self);
void                hibachi_undo_stack_clear       (HibachiUndoStack    *self);
/* Takes @command (NULL: the most recent) off the stack and undoes it; on
 * success emits "undone" so pages show the values put back. Finishes with
 * the command undone (transfer full), or NULL and the error: a failed
 * undo is not tried again. */
void                hibachi_undo_stack_undo_async  (HibachiUndoStack    *self,
                                                    HibachiUndoCommand  *command,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
HibachiUndoCommand *hibachi_undo_stack_undo_finish (HibachiUndoStack    *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
