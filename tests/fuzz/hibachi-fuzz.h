/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-fuzz.h: what the libFuzzer targets share. */
#pragma once

#include <stdint.h>
#include <stddef.h>
#include <glib.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Criticals and errors abort (a finding libFuzzer saves, where GLib's own
 * breakpoint trap would end the run without one); warnings are printed,
 * debug and info messages dropped. */
void hibachi_fuzz_log_setup (void);
/* Reports a finding and aborts. */
G_NORETURN void hibachi_fuzz_fail (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
