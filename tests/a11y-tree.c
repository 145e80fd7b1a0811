/* SPDX-License-Identifier: GPL-3.0-or-later */
/* a11y-tree PID: what a screen reader finds in the windows of process PID,
 * read over AT-SPI. One line per window and per focusable control that has
 * a size on screen, tab-separated:
 *   W  window-name  x  y  width  height
 *   C  window-name  named(0|1)  role  name  x  y  width  height
 * Coordinates are relative to the window (the content box of the control,
 * as GTK reports it). Which of them are on the visible
 * page is for the caller to tell: GTK 4.8 reports no SHOWING state, and
 * pages of a GtkStack that are not shown are still in the tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atspi/atspi.h>

/* libatspi 2.46 defines no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiComponent, g_object_unref)

/* What a person operates; containers that pass focus on (scroll panes,
 * lists, rows of a column view) are named by what they contain. */
static const AtspiRole control_roles[] = {
  ATSPI_ROLE_PUSH_BUTTON, ATSPI_ROLE_TOGGLE_BUTTON, ATSPI_ROLE_CHECK_BOX, ATSPI_ROLE_RADIO_BUTTON,
  ATSPI_ROLE_COMBO_BOX, ATSPI_ROLE_ENTRY, ATSPI_ROLE_TEXT, ATSPI_ROLE_PASSWORD_TEXT,
  ATSPI_ROLE_SPIN_BUTTON, ATSPI_ROLE_SLIDER, ATSPI_ROLE_LINK, ATSPI_ROLE_MENU_ITEM,
  ATSPI_ROLE_CHECK_MENU_ITEM, ATSPI_ROLE_RADIO_MENU_ITEM, ATSPI_ROLE_PAGE_TAB, ATSPI_ROLE_LIST_ITEM,
  ATSPI_ROLE_CALENDAR,
};

static gboolean
is_control (AtspiRole role)
{
  for (gsize i = 0; i < G_N_ELEMENTS (control_roles); i++)
    if (control_roles[i] == role)
      return TRUE;

  return FALSE;
}

/* GTK names an unlabelled widget after its class ("GtkDropDown"): that is
 * no name to a person. */
static gboolean
is_named (const char *name)
{
  g_autoptr(GRegex) class_name = g_regex_new ("^(Gtk|Adw|Hibachi|Shumate)[A-Z][A-Za-z]*$", 0, 0, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  return *stripped != '\0' && !g_regex_match (class_name, stripped, 0, NULL);
}

static char *
one_line (const char *text)
{
  char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\t\n\r", ' ');
  return line;
}

/* What is inside a button (the item a drop-down's button shows) is part of
 * it, not a control of its own, and so is an item shown inside any control
 * (a combo row's current item). An entry or a row may hold buttons of its
 * own: those are listed. */
static void
walk (AtspiAccessible *accessible,
      const char      *window_name,
      gboolean         in_button,
      gboolean         in_control)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);
  AtspiRole role = atspi_accessible_get_role (accessible, NULL);
  int n_children;

  if (!in_button && !(in_control && role == ATSPI_ROLE_LIST_ITEM) &&
      is_control (role) && atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE))
    {
      g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (accessible);
      g_autofree AtspiRect *rect = NULL;

      in_control = TRUE;
      in_button = role == ATSPI_ROLE_PUSH_BUTTON || role == ATSPI_ROLE_TOGGLE_BUTTON;
      if (component != NULL)
        rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
      if (rect != NULL && rect->width > 0 && rect->height > 0)
        {
          g_autofree char *name = atspi_accessible_get_name (accessible, NULL);
          g_autofree char *role_name = atspi_accessible_get_role_name (accessible, NULL);
          g_autofree char *name_line = one_line (name);

          printf ("C\t%s\t%d\t%s\t%s\t%d\t%d\t%d\t%d\n", window_name, is_named (name), role_name, name_line,
                  rect->x, rect->y, rect->width, rect->height);
        }
    }

  n_children = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, window_name, in_button, in_control);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(AtspiAccessible) desktop = NULL;
  int pid, n_apps, found = 0;

  if (argc != 2 || (pid = atoi (argv[1])) <= 0)
    {
      fprintf (stderr, "Usage: %s PID\n", argv[0]);
      return 2;
    }

  if (atspi_init () < 0)
    return 1;
  desktop = atspi_get_desktop (0);
  n_apps = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n_apps; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);
      int n_windows;

      if (app == NULL || (int) atspi_accessible_get_process_id (app, NULL) != pid)
        continue;
      found = 1;
      n_windows = atspi_accessible_get_child_count (app, NULL);
      for (int w = 0; w < n_windows; w++)
        {
          g_autoptr(AtspiAccessible) window = atspi_accessible_get_child_at_index (app, w, NULL);
          g_autoptr(AtspiComponent) component = NULL;
          g_autofree AtspiRect *rect = NULL;
          g_autofree char *name = NULL;
          g_autofree char *name_line = NULL;

          if (window == NULL)
            continue;
          name = atspi_accessible_get_name (window, NULL);
          name_line = one_line (name);
          component = atspi_accessible_get_component_iface (window);
          if (component != NULL)
            rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
          printf ("W\t%s\t%d\t%d\t%d\t%d\n", name_line, rect ? rect->x : 0, rect ? rect->y : 0,
                  rect ? rect->width : 0, rect ? rect->height : 0);
          walk (window, name_line, FALSE, FALSE);
        }
    }

  if (!found)
    fprintf (stderr, "No application with process id %d on the accessibility bus\n", pid);

  return found ? 0 : 1;
}
