/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hibachi-core.h"

#define ALL_CAPABILITIES ((HibachiCapability) ((HIBACHI_CAPABILITY_MANAGE_USERS << 1) - 1))

static void
test_names (void)
{
  const char *names[] = { "super_admin", "admin", "customer_support", "station_manager", "chef" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HibachiRole role = hibachi_role_from_string (names[i]);

      g_assert_cmpint (role, !=, HIBACHI_ROLE_NONE);
      g_assert_cmpstr (hibachi_role_to_string (role), ==, names[i]);
      g_assert_cmpstr (hibachi_role_get_label (role), !=, "");
    }

  g_assert_cmpstr (hibachi_role_get_label (HIBACHI_ROLE_STATION_MANAGER), ==, "Station Manager");
  g_assert_cmpint (hibachi_role_from_string ("Admin"), ==, HIBACHI_ROLE_NONE);
  g_assert_cmpint (hibachi_role_from_string (""), ==, HIBACHI_ROLE_NONE);
  g_assert_cmpint (hibachi_role_from_string (NULL), ==, HIBACHI_ROLE_NONE);
  g_assert_null (hibachi_role_to_string (HIBACHI_ROLE_NONE));
}

/* SPEC §1, row by row. */
static void
test_table (void)
{
  struct { HibachiRole role; HibachiCapability yes, no; } cases[] = {
    { HIBACHI_ROLE_SUPER_ADMIN, ALL_CAPABILITIES, 0 },
    { HIBACHI_ROLE_ADMIN, ALL_CAPABILITIES & ~HIBACHI_CAPABILITY_MANAGE_USERS,
      HIBACHI_CAPABILITY_MANAGE_USERS },
    /* Triage, confirm/cancel, moderate; read-only on dispatch, stations, pricing. */
    { HIBACHI_ROLE_CUSTOMER_SUPPORT,
      HIBACHI_CAPABILITY_VIEW_BOOKINGS | HIBACHI_CAPABILITY_CREATE_BOOKINGS | HIBACHI_CAPABILITY_EDIT_BOOKINGS |
      HIBACHI_CAPABILITY_VIEW_BOOKING_HISTORY | HIBACHI_CAPABILITY_MODERATE_REVIEWS |
      HIBACHI_CAPABILITY_VIEW_DISPATCH | HIBACHI_CAPABILITY_VIEW_STATIONS | HIBACHI_CAPABILITY_VIEW_PRICING |
      HIBACHI_CAPABILITY_VIEW_AUDIT | HIBACHI_CAPABILITY_ALL_STATIONS,
      HIBACHI_CAPABILITY_ASSIGN_CHEFS | HIBACHI_CAPABILITY_EDIT_CHEFS | HIBACHI_CAPABILITY_EDIT_STATIONS |
      HIBACHI_CAPABILITY_EDIT_PRICING | HIBACHI_CAPABILITY_EDIT_GLOBAL_PRICING |
      HIBACHI_CAPABILITY_DELETE_BOOKINGS | HIBACHI_CAPABILITY_MANAGE_USERS },
    /* Their own stations: dispatch, chefs, prices and settings; not global. */
    { HIBACHI_ROLE_STATION_MANAGER,
      HIBACHI_CAPABILITY_EDIT_BOOKINGS | HIBACHI_CAPABILITY_ASSIGN_CHEFS | HIBACHI_CAPABILITY_EDIT_CHEFS |
      HIBACHI_CAPABILITY_EDIT_STATIONS | HIBACHI_CAPABILITY_EDIT_PRICING | HIBACHI_CAPABILITY_MODERATE_REVIEWS,
      HIBACHI_CAPABILITY_ALL_STATIONS | HIBACHI_CAPABILITY_EDIT_GLOBAL_PRICING |
      HIBACHI_CAPABILITY_CREATE_STATIONS | HIBACHI_CAPABILITY_VIEW_AUDIT | HIBACHI_CAPABILITY_MANAGE_USERS },
    /* Read-only: own bookings. */
    { HIBACHI_ROLE_CHEF, HIBACHI_CAPABILITY_USE_ACCOUNT | HIBACHI_CAPABILITY_VIEW_BOOKINGS,
      ALL_CAPABILITIES & ~(HIBACHI_CAPABILITY_USE_ACCOUNT | HIBACHI_CAPABILITY_VIEW_BOOKINGS) },
    { HIBACHI_ROLE_NONE, 0, ALL_CAPABILITIES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (guint bit = 0; bit < 32; bit++)
        {
          HibachiCapability capability = 1u << bit;

          if (cases[i].yes & capability)
            g_assert_true (hibachi_role_can (cases[i].role, capability));
          if (cases[i].no & capability)
            g_assert_false (hibachi_role_can (cases[i].role, capability));
        }
    }
}

static void
test_can_needs_all (void)
{
  /* Several capabilities at once: every one is needed. */
  g_assert_true (hibachi_role_can (HIBACHI_ROLE_STATION_MANAGER,
                                   HIBACHI_CAPABILITY_EDIT_BOOKINGS | HIBACHI_CAPABILITY_ASSIGN_CHEFS));
  g_assert_false (hibachi_role_can (HIBACHI_ROLE_CUSTOMER_SUPPORT,
                                    HIBACHI_CAPABILITY_EDIT_BOOKINGS | HIBACHI_CAPABILITY_ASSIGN_CHEFS));
  /* Asking for nothing grants nothing. */
  g_assert_false (hibachi_role_can (HIBACHI_ROLE_SUPER_ADMIN, 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hibachi/roles/names", test_names);
  g_test_add_func ("/hibachi/roles/table", test_table);
  g_test_add_func ("/hibachi/roles/can-needs-all", test_can_needs_all);
  return g_test_run ();
}
