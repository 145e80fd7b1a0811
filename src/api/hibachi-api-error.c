/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hibachi-api-error.h"

G_DEFINE_QUARK (hibachi-api-error-quark, hibachi_api_error)
