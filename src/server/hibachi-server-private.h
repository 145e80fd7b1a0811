/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-server-private.h: what the route files share: the request, the
 * reply helpers, authorisation, audit and the change feed.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "hibachi-core.h"
#include "hibachi-server.h"
#include "hibachi-server-auth.h"
#include "hibachi-server-db.h"

G_BEGIN_DECLS

#define HIBACHI_MAX_BODY_BYTES (1024 * 1024)
#define HIBACHI_PAGE_LIMIT_MAX 500
#define HIBACHI_PAGE_LIMIT_DEFAULT 50
#define HIBACHI_CHANGES_MAX_WAIT_SECONDS 30

typedef struct
{
  HibachiServer          *server;
  HibachiServerDb        *db;
  SoupServerMessage      *msg;
  const char             *method;
  const char             *path;
  char                   *params[3];     /* {placeholders} of the route, in order */
  GHashTable             *query;
  JsonNode               *body;
  HibachiServerPrincipal *principal;
  const char             *idempotency_key;
  JsonObject             *reply_extra;   /* members added to the next resource reply */
  gconstpointer           route_data;    /* the matched route's data */
  gboolean                replied;
  gboolean                writing;       /* holds the server's write lock */
  gint64                  wait_since;    /* hibachi_server_changes_wait() */
  guint                   wait_seconds;
  /* The reply as routes make it, often on a worker thread. libsoup's
   * messages are not thread-safe (the main loop finishes one whose client
   * went away), so only hibachi_request_send_reply(), on the main loop,
   * writes it into msg. */
  guint                   reply_status;
  char                   *reply_type;
  GBytes                 *reply_body;
  SoupMessageHeaders     *reply_headers; /* extra response headers, or NULL */
} HibachiServerRequest;

typedef void (*HibachiServerHandler) (HibachiServerRequest *req);

typedef struct
{
  const char           *method;
  const char           *pattern;
  HibachiServerHandler  handler;
  HibachiCapability     capability; /* what the caller's role needs; 0: no sign-in needed */
  gconstpointer         data;       /* for the handler, as req->route_data */
  gboolean              on_main_loop; /* no database, no waiting: not worth a worker */
} HibachiServerRoute;

/* Route tables, each ending with a { NULL } entry. */
extern const HibachiServerRoute hibachi_server_auth_routes[];
extern const HibachiServerRoute hibachi_server_station_routes[];
extern const HibachiServerRoute hibachi_server_chef_routes[];
extern const HibachiServerRoute hibachi_server_booking_routes[];
extern const HibachiServerRoute hibachi_server_assign_routes[];
extern const HibachiServerRoute hibachi_server_pricing_routes[];
extern const HibachiServerRoute hibachi_server_review_routes[];
extern const HibachiServerRoute hibachi_server_audit_routes[];
extern const HibachiServerRoute hibachi_server_geo_routes[];
/* All of them, in the order requests are matched against them. */
extern const HibachiServerRoute * const hibachi_server_route_tables[];
extern const guint hibachi_server_n_route_tables;

typedef struct _HibachiServerWorkers HibachiServerWorkers;
typedef struct _HibachiServerChanges HibachiServerChanges;

/* Server internals used by routes */
/* The calling worker's connection (the main loop's outside a worker). */
HibachiServerDb *hibachi_server_get_db         (HibachiServer *self);
HibachiServerWorkers *hibachi_server_get_workers (HibachiServer *self);
/* The geocoder of GET /api/v1/geocode (transfer full): the one set, or the
 * gazetteer. */
struct _HibachiServerGeocoder *hibachi_server_get_geocoder (HibachiServer *self);
HibachiServerChanges *hibachi_server_get_changes (HibachiServer *self);
/* Main loop: how many times the server stopped listening; a request from
 * before a stop is not answered. */
guint            hibachi_server_get_epoch      (HibachiServer *self);
/* NULL when not listening. */
struct _HibachiServerListener *hibachi_server_get_listener (HibachiServer *self);
void             hibachi_server_dispatch_init  (HibachiServer *self,
                                                SoupServer    *soup);
/* Around a route run on a worker: what it caches is dropped if a write
 * committed meanwhile. Returns the change feed generation. */
guint64          hibachi_server_job_begin      (HibachiServer *self);
void             hibachi_server_job_end        (void);
guint64          hibachi_server_changes_generation (HibachiServer *self);
/* One write transaction at a time (hibachi_request_begin/commit). */
void             hibachi_server_lock_writes    (HibachiServer *self);
void             hibachi_server_unlock_writes  (HibachiServer *self);
/* One create with an Idempotency-Key at a time, replay check to reply. */
void             hibachi_server_lock_idempotent   (HibachiServer *self);
void             hibachi_server_unlock_idempotent (HibachiServer *self);
guint            hibachi_server_get_search_budget_ms (HibachiServer *self);
/* Seconds before @address may try to sign in again (0: now). */
gint64           hibachi_server_login_wait     (HibachiServer *self,
                                                const char    *address);
void             hibachi_server_login_failed   (HibachiServer *self,
                                                const char    *address);
const guint8    *hibachi_server_get_jwt_key    (HibachiServer *self);
gint64           hibachi_server_now            (HibachiServer *self);
char            *hibachi_server_now_iso        (HibachiServer *self);
void             hibachi_server_revoke_jti     (HibachiServer *self,
                                                const char    *jti,
                                                gint64         expires_at);
gboolean         hibachi_server_jti_is_revoked (HibachiServer *self,
                                                const char    *jti);
/* Query results derived from the data (counts, paging anchors), dropped on
 * every committed write so they are never stale. Values are atomic
 * reference-counted boxes (g_atomic_rc_box_new): lookup returns a reference
 * (release it with g_atomic_rc_box_release_full and the same @clear), store
 * takes one. */
gpointer         hibachi_server_cache_lookup   (HibachiServer  *self,
                                                const char     *key);
void             hibachi_server_cache_store    (HibachiServer  *self,
                                                const char     *key,
                                                gpointer        data,
                                                GDestroyNotify  clear);
/* After a commit, from any thread: caches dropped, long-polls answered. */
void             hibachi_server_changes_notify (HibachiServer *self);
HibachiServerChanges *hibachi_server_changes_new (HibachiServer *server);
void             hibachi_server_changes_free   (HibachiServerChanges *self);
/* Main loop: @msg (paused) waits for the next commit or @wait_seconds; a
 * commit since @generation answers it at once. Takes @principal. */
void             hibachi_server_changes_add_waiter (HibachiServer          *server,
                                                    SoupServerMessage      *msg,
                                                    HibachiServerPrincipal *principal,
                                                    gint64                  since,
                                                    guint                   wait_seconds,
                                                    guint64                 generation);
void             hibachi_server_changes_wake   (HibachiServerChanges *self);
/* The server stopped listening: waiting long-polls are dropped. */
void             hibachi_server_changes_drop_waiters (HibachiServerChanges *self);
void             hibachi_server_changes_wait   (HibachiServer        *self,
                                                HibachiServerRequest *req,
                                                gint64                since,
                                                guint                 wait_seconds);
JsonNode        *hibachi_server_changes_collect (HibachiServer          *self,
                                                 const HibachiServerPrincipal *principal,
                                                 gint64                  since);
gboolean         hibachi_server_load_price_sheet (HibachiServer     *self,
                                                  const char        *station_id,
                                                  HibachiPriceSheet *sheet,
                                                  GError           **error);
gboolean         hibachi_server_seed_defaults  (HibachiServer *self,
                                                GError       **error);

/* Requests */
const char  *hibachi_request_query          (HibachiServerRequest *req,
                                             const char           *name);
gboolean     hibachi_request_query_int      (HibachiServerRequest *req,
                                             const char           *name,
                                             gint64                default_value,
                                             gint64                min_value,
                                             gint64                max_value,
                                             gint64               *out_value);
gboolean     hibachi_request_query_double   (HibachiServerRequest *req,
                                             const char           *name,
                                             double                min_value,
                                             double                max_value,
                                             gboolean              required,
                                             double               *out_value);
gboolean     hibachi_request_query_date     (HibachiServerRequest *req,
                                             const char           *name,
                                             const char          **out_value);
/* Parses and checks the JSON object body once (replies 400/422 and returns
 * FALSE when it is not one); the server does it for every request with a body
 * before the route runs. */
gboolean     hibachi_request_parse_body     (HibachiServerRequest *req);
JsonObject  *hibachi_request_body_object    (HibachiServerRequest *req);
/* The version named by If-Match ("N" or W/"N", nothing else). Every write
 * to a versioned resource needs it: replies 428 when it is missing and 400
 * when it is malformed, and returns FALSE. */
gboolean     hibachi_request_if_match       (HibachiServerRequest *req,
                                             gint64               *out_version);

void         hibachi_reply_node             (HibachiServerRequest *req,
                                             guint                 status,
                                             JsonNode             *node);
void         hibachi_reply_object           (HibachiServerRequest *req,
                                             guint                 status,
                                             JsonObject           *object);
void         hibachi_reply_resource         (HibachiServerRequest *req,
                                             guint                 status,
                                             JsonObject           *object);
void         hibachi_reply_error            (HibachiServerRequest *req,
                                             guint                 status,
                                             const char           *code,
                                             const char           *message,
                                             JsonObject           *details);
void         hibachi_reply_field_error      (HibachiServerRequest *req,
                                             const char           *field,
                                             const char           *message);
void         hibachi_reply_field_errors     (HibachiServerRequest *req,
                                             JsonObject           *field_errors);
void         hibachi_reply_forbidden        (HibachiServerRequest *req);
void         hibachi_reply_not_found        (HibachiServerRequest *req,
                                             const char           *what);
void         hibachi_reply_stale            (HibachiServerRequest *req,
                                             JsonObject           *current);
void         hibachi_reply_internal         (HibachiServerRequest *req,
                                             GError               *error);
void         hibachi_reply_bytes            (HibachiServerRequest *req,
                                             const char           *content_type,
                                             GBytes               *bytes);
/* Steps @stmt to its end and replies with its rows as a page (resets it). */
void         hibachi_reply_page_rows        (HibachiServerRequest *req,
                                             sqlite3_stmt         *stmt,
                                             gint64                total,
                                             gint64                page,
                                             gint64                limit);
/* Replies with JSON text already written (takes @json). */
void         hibachi_reply_json_text        (HibachiServerRequest *req,
                                             guint                 status,
                                             GString              *json);
/* A page whose data array is already JSON text ("[…]", taken). */
void         hibachi_reply_page_json        (HibachiServerRequest *req,
                                             GString              *data,
                                             gint64                total,
                                             gint64                page,
                                             gint64                limit);
/* Replays the stored response of a create with the same Idempotency-Key. */
gboolean     hibachi_request_replay_idempotent (HibachiServerRequest *req);
void         hibachi_request_set_reply_header (HibachiServerRequest *req,
                                               const char           *name,
                                               const char           *value);
void         hibachi_request_send_reply     (HibachiServerRequest *req);
void         hibachi_request_clear_reply    (HibachiServerRequest *req);

/* Field errors: { field: [message, …] } */
void         hibachi_field_errors_add       (JsonObject           *field_errors,
                                             const char           *field,
                                             const char           *message);

/* Writes: inside a transaction begun by the handler. */
gboolean     hibachi_request_begin          (HibachiServerRequest *req);
gboolean     hibachi_request_commit         (HibachiServerRequest *req);
void         hibachi_request_rollback       (HibachiServerRequest *req);
gboolean     hibachi_request_record         (HibachiServerRequest *req,
                                             const char           *action,
                                             const char           *resource_type,
                                             const char           *resource_id,
                                             const char           *station_id,
                                             const char           *reason,
                                             JsonObject           *before,
                                             JsonObject           *after,
                                             gint64                version);

/* Entity fields: one table per entity drives validation of writes. */
typedef enum
{
  HIBACHI_FIELD_TEXT,
  HIBACHI_FIELD_INT,
  HIBACHI_FIELD_REAL,
  HIBACHI_FIELD_BOOL,
  HIBACHI_FIELD_STRING_ARRAY,
  HIBACHI_FIELD_OBJECT,
} HibachiFieldType;

typedef enum
{
  HIBACHI_FIELD_REQUIRED = 1 << 0,   /* on create */
  HIBACHI_FIELD_NULLABLE = 1 << 1,
  HIBACHI_FIELD_READONLY = 1 << 2,   /* accepted on create only */
  HIBACHI_FIELD_OPTIONAL_TEXT = 1 << 3,   /* may be empty */
} HibachiFieldFlags;

typedef gboolean (*HibachiFieldCheck) (JsonNode *value, char **message);

/* The src/core validators as field checks (the value is a string). */
gboolean     hibachi_field_check_email      (JsonNode  *value,
                                             char     **message);
gboolean     hibachi_field_check_phone      (JsonNode  *value,
                                             char     **message);
gboolean     hibachi_field_check_date       (JsonNode  *value,
                                             char     **message);
gboolean     hibachi_field_check_slot       (JsonNode  *value,
                                             char     **message);

typedef struct
{
  const char        *name;
  HibachiFieldType   type;
  guint              flags;
  double             min;        /* numbers: bounds; text: max characters in max */
  double             max;
  HibachiFieldCheck  check;
} HibachiFieldSpec;

/* Validates @input against @specs; @merged receives the members (copied) that
 * passed. Unknown members and type errors go to @field_errors. */
void         hibachi_fields_collect         (const HibachiFieldSpec *specs,
                                             JsonObject             *input,
                                             gboolean                creating,
                                             JsonObject             *merged,
                                             JsonObject             *field_errors);
/* UPDATE @table SET the members of @changes, version = version + 1, updated_at
 * WHERE id = @id AND version = @version. Returns FALSE with no error when the
 * version did not match. */
gboolean     hibachi_db_update_row          (HibachiServerRequest *req,
                                             const char           *table,
                                             const char           *id,
                                             gint64                version,
                                             JsonObject           *changes,
                                             GError              **error);
gboolean     hibachi_db_insert_row          (HibachiServerRequest *req,
                                             const char           *table,
                                             JsonObject           *values,
                                             GError              **error);
/* The single row of @sql bound to @id, or NULL. */
JsonObject  *hibachi_db_get_row             (HibachiServerRequest *req,
                                             const char           *sql,
                                             const char           *id);

/* Checks shared by bookings, chefs and dispatch */
JsonObject  *hibachi_load_station           (HibachiServerRequest *req,
                                             const char           *station_id);
gboolean     hibachi_station_area_from_object (JsonObject         *station,
                                               HibachiStationArea *out_area);
JsonObject  *hibachi_load_chef              (HibachiServerRequest *req,
                                             const char           *chef_id);
JsonArray   *hibachi_load_chef_time_off     (HibachiServerRequest *req,
                                             const char           *chef_id,
                                             const char           *date_from,
                                             const char           *date_to);

#define HIBACHI_STATION_COLUMNS \
  "id, code, name, display_name, address, city, state, postal_code, phone, email, timezone, " \
  "lat, lng, service_radius_miles, escalation_radius_miles, is_active, version, created_at, updated_at"
#define HIBACHI_CHEF_COLUMNS \
  "id, station_id, name, email, phone, skill_level, max_party_size, rating, is_active, " \
  "weekly_availability, version, created_at, updated_at"
#define HIBACHI_BOOKING_COLUMNS \
  "id, reference, status, customer_name, customer_email, customer_phone, event_date, slot, " \
  "adults, children, toddlers, guests, venue_address, venue_lat, venue_lng, station_id, chef_id, " \
  "requested_chef_id, special_requests, allergens, internal_notes, total_cents, deposit_cents, " \
  "deposit_paid, cancel_reason, created_at, updated_at, version"

G_END_DECLS

G_BEGIN_DECLS

/* A resource stored in one table and patched through its field table. */
typedef struct _HibachiEntity HibachiEntity;
struct _HibachiEntity
{
  const char             *table;
  const char             *resource_type;
  const char             *select_by_id;       /* SQL with one ? for the id */
  const HibachiFieldSpec *fields;
  const char             *station_member;     /* member naming the row's station */
  const char             *chef_member;        /* chefs may read rows naming them here */
  gboolean                readable_by_all_staff;
  HibachiCapability       write_capability;
  /* Cross-field checks and derived values once the patch is merged into the row. */
  void                  (*complete)          (HibachiServerRequest *req,
                                              JsonObject           *row,
                                              JsonObject           *changes,
                                              JsonObject           *field_errors);
};

/* The row, if it exists and the caller may read it; otherwise replies 404/403. */
JsonObject *hibachi_entity_load             (HibachiServerRequest *req,
                                             const HibachiEntity  *entity,
                                             const char           *id);
gboolean    hibachi_entity_can_write        (HibachiServerRequest *req,
                                             const HibachiEntity  *entity,
                                             JsonObject           *row);
void        hibachi_entity_reply_get        (HibachiServerRequest *req,
                                             const HibachiEntity  *entity);
/* Route handlers for GET and PATCH of the entity given as the route's data. */
void        hibachi_entity_get_cb           (HibachiServerRequest *req);
void        hibachi_entity_patch_cb         (HibachiServerRequest *req);
/* Applies @changes (already validated) to the row with If-Match and audit. */
void        hibachi_entity_write            (HibachiServerRequest *req,
                                             const HibachiEntity  *entity,
                                             JsonObject           *row,
                                             JsonObject           *changes,
                                             const char           *action,
                                             const char           *reason);
/* PATCH with the body validated by the entity's field table. */
void        hibachi_entity_patch            (HibachiServerRequest *req,
                                             const HibachiEntity  *entity);

G_END_DECLS

G_BEGIN_DECLS

/* Bookings, shared by the booking and the assignment routes. */
extern const HibachiEntity hibachi_booking_entity;
/* The booking of the path for an action needing @capability (with the
 * station rule), or NULL after replying. */
JsonObject *hibachi_booking_load_for_action (HibachiServerRequest *req,
                                             HibachiCapability     capability);
/* The body's trimmed reason in @member ("" when absent and not
 * @required), or NULL after replying 422. */
char       *hibachi_request_body_reason     (HibachiServerRequest *req,
                                             const char           *member,
                                             gboolean              required);
/* 409: the booking's status does not allow the action. */
void        hibachi_reply_booking_state     (HibachiServerRequest *req,
                                             JsonObject           *row,
                                             const char           *message);

G_END_DECLS
