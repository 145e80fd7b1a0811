/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-roles.h: the roles of SPEC §1 and what each may do. The server
 * authorises every request with this table; the app hides what a role
 * cannot use with the same table.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HIBACHI_ROLE_NONE = 0,
  HIBACHI_ROLE_SUPER_ADMIN,
  HIBACHI_ROLE_ADMIN,
  HIBACHI_ROLE_CUSTOMER_SUPPORT,
  HIBACHI_ROLE_STATION_MANAGER,
  HIBACHI_ROLE_CHEF,
} HibachiRole;

typedef enum
{
  HIBACHI_CAPABILITY_USE_ACCOUNT          = 1u << 0,  /* see who is signed in, sign out */
  HIBACHI_CAPABILITY_VIEW_BOOKINGS        = 1u << 1,
  HIBACHI_CAPABILITY_CREATE_BOOKINGS      = 1u << 2,
  HIBACHI_CAPABILITY_EDIT_BOOKINGS        = 1u << 3,  /* details, confirm, cancel */
  HIBACHI_CAPABILITY_DELETE_BOOKINGS      = 1u << 4,
  HIBACHI_CAPABILITY_VIEW_BOOKING_HISTORY = 1u << 5,
  HIBACHI_CAPABILITY_ASSIGN_CHEFS         = 1u << 6,
  HIBACHI_CAPABILITY_VIEW_DISPATCH        = 1u << 7,  /* dispatch board, suggestions */
  HIBACHI_CAPABILITY_VIEW_CHEFS           = 1u << 8,
  HIBACHI_CAPABILITY_EDIT_CHEFS           = 1u << 9,  /* chef details, time off */
  HIBACHI_CAPABILITY_VIEW_STATIONS        = 1u << 10,
  HIBACHI_CAPABILITY_EDIT_STATIONS        = 1u << 11,
  HIBACHI_CAPABILITY_CREATE_STATIONS      = 1u << 12,
  HIBACHI_CAPABILITY_VIEW_PRICING         = 1u << 13, /* price sheet, history, quotes */
  HIBACHI_CAPABILITY_EDIT_PRICING         = 1u << 14, /* overrides of the own stations */
  HIBACHI_CAPABILITY_EDIT_GLOBAL_PRICING  = 1u << 15,
  HIBACHI_CAPABILITY_VIEW_REVIEWS         = 1u << 16,
  HIBACHI_CAPABILITY_MODERATE_REVIEWS     = 1u << 17,
  HIBACHI_CAPABILITY_VIEW_AUDIT           = 1u << 18,
  HIBACHI_CAPABILITY_FOLLOW_CHANGES       = 1u << 19, /* the change feed */
  HIBACHI_CAPABILITY_ALL_STATIONS         = 1u << 20, /* not limited to own stations */
  HIBACHI_CAPABILITY_MANAGE_USERS         = 1u << 21,
} HibachiCapability;

/* HIBACHI_ROLE_NONE for NULL or an unknown name. */
HibachiRole        hibachi_role_from_string  (const char        *text);
/* The API value ("station_manager"), NULL for HIBACHI_ROLE_NONE. */
const char        *hibachi_role_to_string    (HibachiRole        role);
/* What people call the role ("Station Manager"), translated. */
const char        *hibachi_role_get_label    (HibachiRole        role);
HibachiCapability  hibachi_role_get_capabilities (HibachiRole    role);
/* Whether the role has every capability in @capabilities. */
gboolean           hibachi_role_can          (HibachiRole        role,
                                              HibachiCapability  capabilities);

G_END_DECLS
