/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader finds: the real window against a real hibachi-server
 * with accessibility on, read over AT-SPI by tests/a11y-tree (a separate
 * process: this one keeps answering the bus meanwhile). Fails on any
 * focusable control without a name on the visible page or in a dialog the
 * page opens, on a window without a name, and on a badge heard as a bare
 * number. A new view is covered by
 * adding its page to `pages` and its dialogs to `dialogs`. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "hibachi-dispatch-card.h"
#include "hibachi-dispatch-page.h"
#include "hibachi-test-app.h"
#include "hibachi-test-wait.h"
#include "hibachi-test-widgets.h"
#include "hibachi-window.h"

#define OWNER "owner@demo.test"

/* The sidebar rows' names. */
static const char *pages[] = { "bookings", "dispatch", "areas" };

/* What opens each dialog of a page: an action of the page's widget or of
 * the window, a button on the page (its label without the mnemonic), or a
 * function that finds the menu item on the page and activates it. */

typedef struct _Fixture Fixture;
static void open_move_day (Fixture *f);

static const struct
{
  const char *page;
  const char *action;
  const char *button;
  void      (*open) (Fixture *f);
} dialogs[] = {
  { "bookings", "bookings.new", NULL, NULL },
  { "bookings", "bookings.print-run-sheet", NULL, NULL },
  { "bookings", "app.preferences", NULL, NULL },
  { "bookings", NULL, "Assign Chef…", NULL },
  { "bookings", NULL, "History", NULL },
  { "bookings", NULL, "Cancel Booking…", NULL },
  { "bookings", NULL, "Delete…", NULL },
  { "dispatch", NULL, NULL, open_move_day },
};

struct _Fixture
{
  HibachiTestServer  *ts;
  HibachiApplication *app;
  HibachiWindow      *window;
};

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;
  text = g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      char *out = text;

      for (const char *in = text; *in != '\0'; in++)
        if (*in != '_')
          *out++ = *in;
      *out = '\0';
    }

  return g_str_equal (text, label);
}

/* Activates @action from @widget if it is innermost and reaches it. */
static gboolean
activates (GtkWidget *widget, gconstpointer action)
{
  return gtk_widget_get_first_child (widget) == NULL && gtk_widget_activate_action (widget, action, NULL);
}

/* A mapped window of this process other than @except, or NULL. */
static GtkWindow *
other_window (GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWindow *
mapped_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      const char *name = gtk_window_get_title (window) ? gtk_window_get_title (window) : "";

      /* libadwaita 1.7 names a message dialog without a title by its
       * heading (1.2 leaves it unnamed). */
      if (*name == '\0' && ADW_IS_MESSAGE_DIALOG (window) && *title != '\0')
        name = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window));
      if (gtk_widget_get_mapped (GTK_WIDGET (window)) && g_strcmp0 (name, title) == 0)
        return window;
    }

  return NULL;
}

/* The mapped widget that sits exactly where AT-SPI puts the control: GTK
 * 4.8 reports no SHOWING state, and a hidden page's widgets keep their last
 * place, so what is mapped there decides. The control is matched by place
 * and size, not by name: an unnamed one is what we look for. */
#if GTK_CHECK_VERSION (4, 10, 0)
/* GTK ≥ 4.10 gives as a control's place in its window the sum of its
 * accessible bounds and those of each accessible parent, the window's
 * included (gtk/a11y/gtkatspicomponent.c). Widgets left out of the
 * accessible tree add nothing, so the place can be far from where the
 * control shows (inside a message dialog, by its margins): the same sum
 * over the mapped widgets finds it. */
static gboolean
accessible_place (GtkWidget *widget,
                  int        place[4])
{
  GtkAccessible *parent;

  if (!gtk_accessible_get_bounds (GTK_ACCESSIBLE (widget), &place[0], &place[1], &place[2], &place[3]))
    return FALSE;
  parent = gtk_accessible_get_accessible_parent (GTK_ACCESSIBLE (widget));
  while (parent != NULL)
    {
      GtkAccessible *next = NULL;
      int x, y, width, height;

      if (gtk_accessible_get_bounds (parent, &x, &y, &width, &height))
        {
          place[0] += x;
          place[1] += y;
          next = gtk_accessible_get_accessible_parent (parent);
        }
      g_object_unref (parent);
      parent = next;
    }

  return TRUE;
}

static GtkWidget *
showing_widget_in (GtkWidget *root,
                   const int  wanted[4])
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      int place[4];

      if (!gtk_widget_get_mapped (child))
        continue;
      if (accessible_place (child, place) && memcmp (place, wanted, sizeof place) == 0)
        return child;
      if ((found = showing_widget_in (child, wanted)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
showing_widget (GtkWindow *window,
                int        x,
                int        y,
                int        width,
                int        height)
{
  const int wanted[4] = { x, y, width, height };

  return showing_widget_in (GTK_WIDGET (window), wanted);
}
#else
/* GTK 4.8 puts a widget's content box there (its size, without border and
 * padding, from the window's origin). */
static GtkWidget *
showing_widget (GtkWindow *window,
                int        x,
                int        y,
                int        width,
                int        height)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (window), x + width / 2.0, y + height / 2.0,
                                       GTK_PICK_INSENSITIVE | GTK_PICK_NON_TARGETABLE);

  for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
    {
      double wx, wy;

      if (gtk_widget_translate_coordinates (w, GTK_WIDGET (window), 0, 0, &wx, &wy) &&
          ABS ((int) wx - x) <= 1 && ABS ((int) wy - y) <= 1 &&
          ABS (gtk_widget_get_width (w) - width) <= 1 && ABS (gtk_widget_get_height (w) - height) <= 1)
        return w;
    }

  return NULL;
}
#endif

static void
collect_badges (GtkWidget *root,
                GPtrArray *badges)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "badge"))
        g_ptr_array_add (badges, child);
      collect_badges (child, badges);
    }
}

/* The focusable widget a place belongs to. */
static GtkWidget *
control_of (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_focusable (w))
      return w;

  return widget;
}

static G_GNUC_NO_INLINE const char *
button_icon (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget))
    return NULL;

  return gtk_button_get_icon_name (GTK_BUTTON (widget));
}

/* A badge (a count beside a control) must be heard with what it counts:
 * the control's name or description holds its number and words besides. */
static guint
check_badges (GtkWindow  *only,
              GHashTable *spoken,
              const char *where,
              guint      *n_failed)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_badges = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GPtrArray) badges = g_ptr_array_new ();

      if ((only != NULL && window != only) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;
      collect_badges (GTK_WIDGET (window), badges);
      for (guint b = 0; b < badges->len; b++)
        {
          const char *count = gtk_label_get_text (badges->pdata[b]);
          const char *heard = g_hash_table_lookup (spoken, control_of (badges->pdata[b]));
          g_autofree char *trimmed = g_strstrip (g_strdup (heard ? heard : ""));

          n_badges++;
          if (strstr (trimmed, count) == NULL || g_str_equal (trimmed, count))
            {
              g_test_message ("%s: a badge “%s” heard as “%s”, not as what it counts", where, count, trimmed);
              (*n_failed)++;
            }
        }
    }

  return n_badges;
}

/* Reads the tree and fails the test for each unnamed control that shows in
 * @only (every window when NULL), and for each badge whose control does not
 * say what it counts; @where says what was on screen. Returns the number of
 * badges heard. */
static guint
assert_all_named (GtkWindow  *only,
                  const char *where)
{
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) spoken = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n_shown = 0, n_unnamed = 0, n_badges;

  /* An application joins the accessibility bus some time after its first
   * window shows (later on a busy machine): until then the reader does not
   * find it, and is asked again. */
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GSubprocess) reader = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      hibachi_test_pause_ms (300);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                 g_getenv ("HIBACHI_A11Y_TREE"), pid, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8_async (reader, NULL, NULL, hibachi_test_store_result_cb, &result);
      /* Reading the whole tree over the bus takes a while on a loaded
       * machine (over 30 s seen at load 20): no time limit but meson's. */
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_subprocess_communicate_utf8_finish (reader, result, &out, &err, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_successful (reader))
        break;
      if (attempt == 50 || strstr (err, "No application") == NULL)
        g_error ("a11y-tree failed: %s", err);
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      GtkWindow *window;
      GtkWidget *widget;

      if (g_strv_length (f) == 6 && g_str_equal (f[0], "W"))
        {
          if (*f[1] == '\0' && (window = mapped_window_titled ("")) != NULL && (only == NULL || window == only))
            {
              g_test_message ("%s: a window without a name", where);
              n_unnamed++;
            }
          continue;
        }
      if (g_strv_length (f) != 10 || !g_str_equal (f[0], "C"))
        continue;
      window = mapped_window_titled (f[1]);
      if (window == NULL || (only != NULL && window != only) ||
          (widget = showing_widget (window, atoi (f[6]), atoi (f[7]), atoi (f[8]), atoi (f[9]))) == NULL)
        continue;
      n_shown++;
      g_hash_table_insert (spoken, control_of (widget), g_strconcat (f[4], " ", f[5], NULL));
      if (!g_str_equal (f[2], "1"))
        {
          GtkWidget *control = control_of (widget);
          const char *icon = button_icon (control);

          g_test_message ("%s: a %s without a name (“%s”, in a %s%s%s) at %s,%s in “%s”", where, f[3], f[4],
                          G_OBJECT_TYPE_NAME (control), icon ? " showing " : "", icon ? icon : "",
                          f[6], f[7], f[1]);
          n_unnamed++;
        }
    }

  n_badges = check_badges (only, spoken, where, &n_unnamed);

  /* Not a vacuous pass: the reader saw this screen's controls. */
  if (n_shown == 0)
    g_test_fail_printf ("%s: AT-SPI shows no control on screen", where);
  if (n_unnamed > 0)
    g_test_fail_printf ("%s: %u controls without a name or badges without words, among %u controls on screen "
                        "(listed above)", where, n_unnamed, n_shown);
  else
    g_test_message ("%s: %u controls on screen, all named, %u badges said", where, n_shown, n_badges);

  return n_badges;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = hibachi_test_server_start (60);
  f->app = hibachi_test_application (f->ts);

  f->window = hibachi_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "sign-in") == 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;

  while ((dialog = other_window (GTK_WINDOW (f->window))) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  hibachi_test_pause_ms (100);
  hibachi_test_server_stop (f->ts);
}

/* The items of the page's list, when it has one. */
static guint
n_items_shown (Fixture *f)
{
  GtkWidget *column_view = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));

  if (column_view == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
}

static void
sign_in (Fixture *f)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *email = hibachi_test_find_mapped (root, hibachi_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  GtkWidget *password = hibachi_test_find_mapped (root, hibachi_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_PASSWORD_ENTRY_ROW));

  /* The first entry row is the server's; the email follows it. */
  email = gtk_widget_get_next_sibling (email);
  g_assert_true (ADW_IS_ENTRY_ROW (email));
  gtk_editable_set_text (GTK_EDITABLE (email), OWNER);
  gtk_editable_set_text (GTK_EDITABLE (password), HIBACHI_DEMO_PASSWORD);
  g_signal_emit_by_name (password, "entry-activated");
  WAIT_FOR (g_strcmp0 (hibachi_window_get_page (f->window), "main") == 0);
  WAIT_FOR (n_items_shown (f) > 0);
  /* The hidden dispatch board loads a moment later, for its badge: read
   * the tree once that badge has come, not while it changes. */
  WAIT_FOR (hibachi_test_server_count_requests (f->ts, "GET /api/v1/dispatch?") > 0 &&
            !hibachi_dispatch_page_get_loading (HIBACHI_DISPATCH_PAGE (hibachi_test_find_type (root, HIBACHI_TYPE_DISPATCH_PAGE))));
  hibachi_test_pause_ms (100);
}

static void
show_page (Fixture    *f,
           const char *page)
{
  GtkWidget *row;

  /* Signed in, the page's rows can be there before the window's first
   * layout of the main page has placed the sidebar. */
  WAIT_FOR ((row = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_row_named, page)) != NULL);
  g_signal_emit_by_name (row, "activate");
  hibachi_test_pause_ms (300);
}

/* The page with its item @i open, when it has a list of them; FALSE when
 * there is no such item. */
static gboolean
open_item (Fixture *f,
           guint    i)
{
  GtkWidget *column_view = hibachi_test_find_mapped (GTK_WIDGET (f->window), hibachi_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model;

  if (column_view == NULL)
    return i == 0;
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  if (i >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return FALSE;
  gtk_selection_model_select_item (model, i, TRUE);
  hibachi_test_pause_ms (150);

  return TRUE;
}

/* The button on the page, with the first item open for which it can be
 * pressed (Assign and Cancel fit some states only). */
static GtkWidget *
find_button (Fixture    *f,
             const char *label)
{
  for (guint i = 0; i < 100 && open_item (f, i); i++)
    {
      GtkWidget *button = hibachi_test_find_mapped (GTK_WIDGET (f->window), is_button_labelled, label);

      if (button != NULL && gtk_widget_is_sensitive (button))
        return button;
    }

  return NULL;
}

/* A cell of a chef's row on the dispatch board whose chef has a booking on
 * the day shown: the cell holds a card. */
static gboolean
is_busy_chef_cell (GtkWidget *widget, gconstpointer data)
{
  return g_object_get_data (G_OBJECT (widget), "dispatch-chef-menu") != NULL &&
         hibachi_test_find_mapped (widget, hibachi_test_is_type, GSIZE_TO_POINTER (HIBACHI_TYPE_DISPATCH_CARD)) != NULL;
}

/* "Move the Day to Another Chef…" from the row menu of a chef with bookings. */
static void
open_move_day (Fixture *f)
{
  GtkWidget *cell, *menu;
  GMenuModel *model;
  g_autoptr(GVariant) chef = NULL;

  /* The first day ahead on which a chef has bookings, as Next finds it. */
  for (int day = 0; (cell = hibachi_test_find_mapped (GTK_WIDGET (f->window), is_busy_chef_cell, NULL)) == NULL; day++)
    {
      GtkWidget *next = hibachi_test_find_mapped (GTK_WIDGET (f->window), activates, "dispatch.next");

      g_assert_cmpint (day, <, 60);
      g_assert_nonnull (next);
      hibachi_test_pause_ms (300);
    }
  menu = g_object_get_data (G_OBJECT (cell), "dispatch-chef-menu");
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu));
  chef = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_nonnull (chef);
  g_assert_true (gtk_widget_activate_action_variant (menu, "dispatch.move-day", chef));
}

static void
test_sign_in_page (Fixture *f, gconstpointer data)
{
  assert_all_named (GTK_WINDOW (f->window), "sign-in page");
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  guint n_badges = 0;

  sign_in (f);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *with_item = g_strdup_printf ("%s page with an item open", pages[i]);

      show_page (f, pages[i]);
      n_badges += assert_all_named (GTK_WINDOW (f->window), pages[i]);
      g_assert_true (open_item (f, 0));
      assert_all_named (GTK_WINDOW (f->window), with_item);
    }
  /* The test data has upcoming bookings without a chef: their badge was heard. */
  g_assert_cmpuint (n_badges, >, 0);
}

static void
test_dialogs (Fixture *f, gconstpointer data)
{
  sign_in (f);

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWidget *source;
      GtkWindow *dialog;
      g_autofree char *where = NULL;

      show_page (f, dialogs[i].page);
      if (dialogs[i].open != NULL)
        {
          where = g_strdup_printf ("the dialog of a %s menu item", dialogs[i].page);
          dialogs[i].open (f);
        }
      else if (dialogs[i].action != NULL)
        {
          where = g_strdup_printf ("the dialog of %s", dialogs[i].action);
          g_assert_true (open_item (f, 0));
          /* From a widget inside the page, whose actions it reaches. */
          source = hibachi_test_find_mapped (GTK_WIDGET (f->window), activates, dialogs[i].action);
          g_assert_nonnull (source);
        }
      else
        {
          where = g_strdup_printf ("the dialog of “%s”", dialogs[i].button);
          source = find_button (f, dialogs[i].button);
          if (source == NULL)
            g_error ("No “%s” button on the %s page", dialogs[i].button, dialogs[i].page);
          g_signal_emit_by_name (source, "clicked");
        }
      WAIT_FOR ((dialog = other_window (GTK_WINDOW (f->window))) != NULL);
      hibachi_test_pause_ms (300);
      assert_all_named (dialog, where);
      gtk_window_close (dialog);
      WAIT_FOR (other_window (GTK_WINDOW (f->window)) == NULL);
    }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/hibachi/a11y/sign-in-page", Fixture, NULL, setup, test_sign_in_page, teardown);
  g_test_add ("/hibachi/a11y/pages", Fixture, NULL, setup, test_pages, teardown);
  g_test_add ("/hibachi/a11y/dialogs", Fixture, NULL, setup, test_dialogs, teardown);

  {
    int status = g_test_run ();

    hibachi_test_application_release ();
    return status;
  }
}
