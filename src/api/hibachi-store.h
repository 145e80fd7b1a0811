/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-store.h: every endpoint of the Admin API the app uses, typed. It
 * wraps the one HibachiClient: builds the paths, sends If-Match (the
 * version of the object given) and Idempotency-Key (one per create) itself,
 * returns entity objects, and emits "changed" for each resource it wrote.
 * Views never build a URL or read raw JSON: they call the store.
 *
 * Finishing: each call resolves to one kind of result, and is finished with
 * the finish of that kind — one booking (hibachi_store_booking_finish),
 * several objects (hibachi_store_objects_finish), a count, or nothing
 * (hibachi_store_finish). A stale write fails with
 * HIBACHI_API_ERROR_PRECONDITION_FAILED and hands back the server's current
 * version of the resource in @out_current. */
#pragma once

#include "hibachi-audit-entry.h"
#include "hibachi-booking.h"
#include "hibachi-chef.h"
#include "hibachi-geocode-candidate.h"
#include "hibachi-client.h"
#include "hibachi-paged-list.h"
#include "hibachi-price-entry.h"
#include "hibachi-resource.h"
#include "hibachi-review.h"
#include "hibachi-station.h"
#include "hibachi-chef-suggestion.h"

G_BEGIN_DECLS

#define HIBACHI_TYPE_STORE (hibachi_store_get_type ())
G_DECLARE_FINAL_TYPE (HibachiStore, hibachi_store, HIBACHI, STORE, GObject)

HibachiStore     *hibachi_store_new                     (HibachiClient        *client);
HibachiClient    *hibachi_store_get_client              (HibachiStore         *self);

/* Paged lists (set their query to load) */
HibachiPagedList *hibachi_store_new_booking_list        (HibachiStore         *self);
HibachiPagedList *hibachi_store_new_review_list         (HibachiStore         *self);
HibachiPagedList *hibachi_store_new_audit_list          (HibachiStore         *self);

/* Bookings. @query: the list filters without page and limit. */
void              hibachi_store_count_bookings_async    (HibachiStore         *self,
                                                         const char           *query,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gint64            hibachi_store_count_finish            (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              hibachi_store_get_booking_async       (HibachiStore         *self,
                                                         const char           *id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* @fields: the members of the new booking (as the form has them).
 * @retry_key: the same string for every attempt at one create (e.g. one per
 * dialog: a retry after a lost reply answers with the first booking instead
 * of making a second), or NULL for a new one. */
void              hibachi_store_create_booking_async    (HibachiStore         *self,
                                                         JsonObject           *fields,
                                                         const char           *retry_key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* @changes: only the members that change; based on @booking's version. */
void              hibachi_store_update_booking_async    (HibachiStore         *self,
                                                         HibachiBooking       *booking,
                                                         JsonObject           *changes,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void              hibachi_store_confirm_booking_async   (HibachiStore         *self,
                                                         HibachiBooking       *booking,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void              hibachi_store_cancel_booking_async    (HibachiStore         *self,
                                                         HibachiBooking       *booking,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Finish with hibachi_store_finish. The deleted booking's version is then
 * its version + 1 (what restoring it needs). */
void              hibachi_store_delete_booking_async    (HibachiStore         *self,
                                                         HibachiBooking       *booking,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Undo of cancel or delete: back to the status before the cancel, or
 * undeleted. @version: the booking's version now; @reason may be NULL. */
void              hibachi_store_restore_booking_async   (HibachiStore         *self,
                                                         const char           *id,
                                                         gint64                version,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* @chef_id NULL unassigns; @override_reason assigns despite a conflict. */
void              hibachi_store_assign_chef_async       (HibachiStore         *self,
                                                         HibachiBooking       *booking,
                                                         const char           *chef_id,
                                                         const char           *override_reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
HibachiBooking   *hibachi_store_booking_finish          (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         HibachiBooking      **out_current,
                                                         GError              **error);
/* HibachiChefSuggestion, best first */
void              hibachi_store_suggest_chefs_async     (HibachiStore         *self,
                                                         const char           *booking_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* HibachiAuditEntry, oldest first */
void              hibachi_store_booking_history_async   (HibachiStore         *self,
                                                         const char           *booking_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

/* Chefs, stations, dispatch, pricing */
void              hibachi_store_list_chefs_async        (HibachiStore         *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Asks for both lists now, for the list calls soon after to take
 * (hibachi_client_prefetch()). */
void              hibachi_store_prefetch_chefs_and_stations (HibachiStore     *self);
void              hibachi_store_list_stations_async     (HibachiStore         *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* A station's chefs and bookings of @date_from..@date_to (YYYY-MM-DD):
 * finish with hibachi_store_dispatch_finish. */
void              hibachi_store_dispatch_async          (HibachiStore         *self,
                                                         const char           *station_id,
                                                         const char           *date_from,
                                                         const char           *date_to,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          hibachi_store_dispatch_finish         (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         GPtrArray           **out_chefs,
                                                         GPtrArray           **out_bookings,
                                                         GError              **error);
/* Details of a station or a chef: @changes has only the members that change. */
void              hibachi_store_update_station_async    (HibachiStore         *self,
                                                         HibachiStation       *station,
                                                         JsonObject           *changes,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void              hibachi_store_update_chef_async       (HibachiStore         *self,
                                                         HibachiChef          *chef,
                                                         JsonObject           *changes,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* HibachiPriceEntry of a station's sheet (NULL: the global defaults) */
void              hibachi_store_price_sheet_async       (HibachiStore         *self,
                                                         const char           *station_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

/* Reviews: @action "approve", "reject" or "flag"; @reason for reject and
 * flag. Finish with hibachi_store_review_finish. */
void              hibachi_store_moderate_review_async   (HibachiStore         *self,
                                                         HibachiReview        *review,
                                                         const char           *action,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* @changes: title, body (the original is kept), featured, hidden… */
void              hibachi_store_update_review_async     (HibachiStore         *self,
                                                         HibachiReview        *review,
                                                         JsonObject           *changes,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* The public response under the review. */
void              hibachi_store_respond_to_review_async (HibachiStore         *self,
                                                         HibachiReview        *review,
                                                         const char           *text,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
HibachiReview    *hibachi_store_review_finish           (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         HibachiReview       **out_current,
                                                         GError              **error);

/* Saves several prices of one sheet at once, or none: @entries are the
 * HibachiPriceEntry objects as loaded (their versions are what the edit is
 * based on), @values their new values, @reason 10–500 characters. Finish
 * with hibachi_store_objects_finish: the sheet as saved. A stale entry
 * fails the whole batch with PRECONDITION_FAILED. */
void              hibachi_store_update_prices_async     (HibachiStore         *self,
                                                         const char           *station_id,
                                                         GPtrArray            *entries,
                                                         const gint64         *values,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Finish of the calls that resolve to one station or chef. */
gpointer          hibachi_store_resource_finish         (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         HibachiResource     **out_current,
                                                         GError              **error);

/* (element-type the call's entity) (transfer full) */
GPtrArray        *hibachi_store_objects_finish          (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
gboolean          hibachi_store_finish                  (HibachiStore         *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* After a write the server refused as invalid (HIBACHI_API_ERROR_VALIDATION):
 * (transfer none) each member it named → its first message, or NULL; it
 * lives as long as @result. */
GHashTable       *hibachi_store_get_field_errors        (HibachiStore         *self,
                                                         GAsyncResult         *result);

/* Every booking of a list query (the filters, without page and limit),
 * page by page: for exports and actions on a selection the view has not
 * loaded. Finish with hibachi_store_objects_finish (HibachiBooking). */
void              hibachi_store_fetch_bookings_async    (HibachiStore         *self,
                                                         const char           *query,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

/* Places for an address being typed (a town, a ZIP code, "1200 B St,
 * Hayward"): HibachiGeocodeCandidate, best first, none when nothing
 * matches; finish with hibachi_store_objects_finish. */
void              hibachi_store_geocode_async           (HibachiStore         *self,
                                                         const char           *address,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* The known place nearest a point: none or one HibachiGeocodeCandidate. */
void              hibachi_store_reverse_geocode_async   (HibachiStore         *self,
                                                         double                lat,
                                                         double                lng,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

/* Assigns @chef_ids[i] to each of @bookings (HibachiBooking, as loaded:
 * their versions are checked) at once, or none (a stale booking fails with
 * PRECONDITION_FAILED, a conflict with CONFLICT unless @reason, 10–500
 * characters, is given). Finish with hibachi_store_objects_finish: the
 * bookings as saved. */
void              hibachi_store_assign_chefs_async      (HibachiStore         *self,
                                                         GPtrArray            *bookings,
                                                         const char * const   *chef_ids,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Service areas. Creates a station from @fields (every member of a
 * station but id and version); @retry_key as for bookings. Finish with
 * hibachi_store_resource_finish. */
void              hibachi_store_create_station_async    (HibachiStore         *self,
                                                         JsonObject           *fields,
                                                         const char           *retry_key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Every booking of @query (the list filters, without page and limit), in
 * pages of the largest size, at most @max_rows of them (the map's pins).
 * Finish with hibachi_store_objects_finish; @out_total of
 * hibachi_store_bookings_total tells whether there were more. */
void              hibachi_store_list_all_bookings_async (HibachiStore         *self,
                                                         const char           *query,
                                                         guint                 max_rows,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* How many bookings matched the query of a finished list_all_bookings. */
gint64            hibachi_store_bookings_total          (HibachiStore         *self,
                                                         GAsyncResult         *result);

G_END_DECLS
