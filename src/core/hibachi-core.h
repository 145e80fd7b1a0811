/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-core.h: the business rules of SPEC §8, shared by hibachi-server and
 * hibachi-admin. No GTK, no network: GLib and json-glib only.
 */
#pragma once

#include "hibachi-assignment.h"
#include "hibachi-assignment-json.h"
#include "hibachi-cluster.h"
#include "hibachi-date-range.h"
#include "hibachi-dispatch-plan.h"
#include "hibachi-geo.h"
#include "hibachi-json-member.h"
#include "hibachi-json-text.h"
#include "hibachi-price-sheet.h"
#include "hibachi-quote.h"
#include "hibachi-roles.h"
#include "hibachi-schedule.h"
#include "hibachi-validate.h"
