/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-test-x11.h: a person's keyboard and mouse in UI tests, through
 * XTest on Xvfb. The events go to the window X has focused and through
 * all of GTK's own handling: controllers, bindings, bubbling. Needs the
 * x11, xtst and gtk4-x11 dependencies. */
#pragma once

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "hibachi-test-wait.h"

G_BEGIN_DECLS

static inline Display *
hibachi_test_x_display (GtkWidget *widget)
{
  return gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
}

/* Gives @window the X input focus and waits until GTK knows. Xvfb has no
 * window manager: a window shown or presented again does not reliably get
 * the focus by itself. */
static inline void
hibachi_test_x_focus (GtkWidget *window)
{
  GdkSurface *surface;
  Display *display = hibachi_test_x_display (window);

  WAIT_FOR (gtk_widget_get_mapped (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  gdk_x11_display_error_trap_push (gtk_widget_get_display (window));
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XFlush (display);
  gdk_x11_display_error_trap_pop_ignored (gtk_widget_get_display (window));
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));
}

/* @keyval pressed and released with @modifier (a key value such as
 * GDK_KEY_Shift_L, or 0) held around it. */
static inline void
hibachi_test_x_key (GtkWidget *widget,
                    guint      keyval,
                    guint      modifier)
{
  Display *display = hibachi_test_x_display (widget);
  /* GDK's key values are X's keysyms. */
  KeyCode modifier_code = modifier != 0 ? XKeysymToKeycode (display, modifier) : 0;
  KeyCode code = XKeysymToKeycode (display, keyval);

  g_assert_cmpuint (code, !=, 0);
  if (modifier_code != 0)
    XTestFakeKeyEvent (display, modifier_code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  if (modifier_code != 0)
    XTestFakeKeyEvent (display, modifier_code, False, CurrentTime);
  XFlush (display);
  hibachi_test_pause_ms (80);
  hibachi_test_settle ();
}

/* Where the middle of @widget is on the X screen. */
static inline void
hibachi_test_x_screen_point (GtkWidget *widget,
                             int       *x,
                             int       *y)
{
  Display *display = hibachi_test_x_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t middle;
  double nx, ny;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &middle));
  gtk_native_get_surface_transform (native, &nx, &ny);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (display), (int) (middle.x + nx), (int) (middle.y + ny), x, y, &child);
}

/* Mouse @button (1: primary, 8: back) pressed and released at @widget's
 * middle. GTK reacts to some clicks only from real events (column headers). */
static inline void
hibachi_test_x_button (GtkWidget *widget,
                       guint      button)
{
  Display *display = hibachi_test_x_display (widget);
  int x, y;

  hibachi_test_x_screen_point (widget, &x, &y);
  XTestFakeMotionEvent (display, -1, x, y, CurrentTime);
  XTestFakeButtonEvent (display, button, True, CurrentTime);
  XTestFakeButtonEvent (display, button, False, CurrentTime);
  XFlush (display);
}

G_END_DECLS
