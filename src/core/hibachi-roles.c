/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hibachi-roles"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hibachi-roles.h"

#define CAN_READ (HIBACHI_CAPABILITY_USE_ACCOUNT | HIBACHI_CAPABILITY_VIEW_BOOKINGS)

/* Office and station staff see everything that is not user management. */
#define CAN_STAFF (CAN_READ | \
                   HIBACHI_CAPABILITY_CREATE_BOOKINGS | \
                   HIBACHI_CAPABILITY_EDIT_BOOKINGS | \
                   HIBACHI_CAPABILITY_VIEW_BOOKING_HISTORY | \
                   HIBACHI_CAPABILITY_VIEW_DISPATCH | \
                   HIBACHI_CAPABILITY_VIEW_CHEFS | \
                   HIBACHI_CAPABILITY_VIEW_STATIONS | \
                   HIBACHI_CAPABILITY_VIEW_PRICING | \
                   HIBACHI_CAPABILITY_VIEW_REVIEWS | \
                   HIBACHI_CAPABILITY_MODERATE_REVIEWS | \
                   HIBACHI_CAPABILITY_FOLLOW_CHANGES)

/* Managing: dispatch, chefs, stations and prices (station managers only
 * for their own stations: the server checks the station of each row). */
#define CAN_MANAGE (HIBACHI_CAPABILITY_DELETE_BOOKINGS | \
                    HIBACHI_CAPABILITY_ASSIGN_CHEFS | \
                    HIBACHI_CAPABILITY_EDIT_CHEFS | \
                    HIBACHI_CAPABILITY_EDIT_STATIONS | \
                    HIBACHI_CAPABILITY_EDIT_PRICING)

#define CAN_OFFICE (HIBACHI_CAPABILITY_VIEW_AUDIT | HIBACHI_CAPABILITY_ALL_STATIONS)

#define CAN_GLOBAL (HIBACHI_CAPABILITY_CREATE_STATIONS | HIBACHI_CAPABILITY_EDIT_GLOBAL_PRICING)

static const struct
{
  HibachiRole        role;
  const char        *name;
  const char        *label;
  HibachiCapability  capabilities;
} roles[] = {
  { HIBACHI_ROLE_SUPER_ADMIN, "super_admin", N_("Owner"),
    CAN_STAFF | CAN_MANAGE | CAN_OFFICE | CAN_GLOBAL | HIBACHI_CAPABILITY_MANAGE_USERS },
  { HIBACHI_ROLE_ADMIN, "admin", N_("Office Manager"),
    CAN_STAFF | CAN_MANAGE | CAN_OFFICE | CAN_GLOBAL },
  { HIBACHI_ROLE_CUSTOMER_SUPPORT, "customer_support", N_("Customer Support"),
    CAN_STAFF | CAN_OFFICE },
  { HIBACHI_ROLE_STATION_MANAGER, "station_manager", N_("Station Manager"),
    CAN_STAFF | CAN_MANAGE },
  { HIBACHI_ROLE_CHEF, "chef", N_("Chef"),
    CAN_READ },
};

HibachiRole
hibachi_role_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (roles[i].name, text))
      return roles[i].role;

  return HIBACHI_ROLE_NONE;
}

const char *
hibachi_role_to_string (HibachiRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].name;

  return NULL;
}

const char *
hibachi_role_get_label (HibachiRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].label);

  return _("No Role");
}

HibachiCapability
hibachi_role_get_capabilities (HibachiRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].capabilities;

  return 0;
}

gboolean
hibachi_role_can (HibachiRole       role,
                  HibachiCapability capabilities)
{
  return capabilities != 0 && (hibachi_role_get_capabilities (role) & capabilities) == capabilities;
}
