/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hibachi-resource.h: the base of the entities the Admin API sends
 * (bookings, chefs, stations, reviews, price items, audit entries). Each
 * entity class declares its JSON shape once, as a field table: the table
 * checks payloads (HIBACHI_API_ERROR_PARSE on any bad member) and becomes
 * the class's read-only properties. New data can be put into an existing
 * object: it notifies the properties that changed and emits "changed", so
 * list rows update in place.
 *
 * An object keeps the values of its fields, not the server's JSON tree: a
 * list holds thousands of rows, and a tree costs five times as much. The
 * JSON is built again when asked for (hibachi_resource_get_json), with the
 * members outside the field table as they came. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a resource is, for the store's and the change feed's "changed". */
typedef enum
{
  HIBACHI_RESOURCE_BOOKING,
  HIBACHI_RESOURCE_CHEF,
  HIBACHI_RESOURCE_STATION,
  HIBACHI_RESOURCE_REVIEW,
  HIBACHI_RESOURCE_PRICING,       /* a price sheet: id is the station's, or "global" */
  HIBACHI_RESOURCE_AUDIT_ENTRY,
  HIBACHI_RESOURCE_UNKNOWN,
} HibachiResourceKind;

GType hibachi_resource_kind_get_type (void);
#define HIBACHI_TYPE_RESOURCE_KIND (hibachi_resource_kind_get_type ())

/* The server's name ("booking", "chef"…), as in the change feed. */
HibachiResourceKind hibachi_resource_kind_from_string (const char *name);

typedef enum
{
  HIBACHI_FIELD_REQUIRED = 0,
  HIBACHI_FIELD_NULLABLE = 1 << 0,   /* present, may be null */
  HIBACHI_FIELD_OPTIONAL = 1 << 1,   /* may be absent (older servers) */
} HibachiFieldFlags;

typedef enum
{
  HIBACHI_FIELD_STRING,
  HIBACHI_FIELD_INT,       /* gint64 */
  HIBACHI_FIELD_DOUBLE,    /* an integer is fine too */
  HIBACHI_FIELD_BOOLEAN,
  HIBACHI_FIELD_ARRAY,     /* a JsonArray property */
  HIBACHI_FIELD_OBJECT,    /* a JsonObject property */
} HibachiFieldType;

typedef struct
{
  const char        *member;     /* JSON member, "customer_name" */
  const char        *property;   /* property name, "customer-name" */
  HibachiFieldType   type;
  HibachiFieldFlags  flags;
} HibachiField;

#define HIBACHI_TYPE_RESOURCE (hibachi_resource_get_type ())
G_DECLARE_DERIVABLE_TYPE (HibachiResource, hibachi_resource, HIBACHI, RESOURCE, GObject)

struct _HibachiResourceClass
{
  GObjectClass parent_class;

  /* Checks beyond member types (a valid date…): returns the first bad
   * member, or NULL. NULL when there are none. */
  const char *(*check) (JsonObject *json);

  /* Set by hibachi_resource_class_set_fields () */
  const HibachiField  *fields;
  guint                n_fields;
  GParamSpec         **pspecs;
  const char          *id_member;
  const char          *noun;
  GHashTable          *field_index;   /* member → its index + 1 */
};

/* For class_init: installs one read-only property per field. @fields ends
 * with a { NULL } entry and must be static; @id_member names the resource
 * (usually "id"); @noun names the entity in parse errors (N_("booking")). */
void         hibachi_resource_class_set_fields (HibachiResourceClass *klass,
                                                const HibachiField   *fields,
                                                const char           *id_member,
                                                const char           *noun);

/* A new object of @type (a HibachiResource subclass), or NULL with
 * HIBACHI_API_ERROR_PARSE when @node is not an object of its shape. */
gpointer     hibachi_resource_new_from_json    (GType                 type,
                                                JsonNode             *node,
                                                GError              **error);
/* The objects of a JSON array, all or nothing. (element-type @type) */
GPtrArray   *hibachi_resource_parse_array      (GType                 type,
                                                JsonNode             *node,
                                                GError              **error);
/* A page of a list reply ({"data":[…],"total_count":N,"has_next":…}). */
GPtrArray   *hibachi_resource_parse_page       (GType                 type,
                                                JsonNode             *reply,
                                                gint64               *out_total,
                                                gboolean             *out_has_next,
                                                GError              **error);
/* Puts other data in (NULL: not loaded), notifies the properties whose
 * value changed and emits "changed". @json must have been checked. */
void         hibachi_resource_set_json         (HibachiResource      *self,
                                                JsonObject           *json);
/* Puts @source's data into @self (the same class), as set_json would. */
void         hibachi_resource_set_from         (HibachiResource      *self,
                                                HibachiResource      *source);
/* Checks @node against the class's shape, then hibachi_resource_set_json. */
gboolean     hibachi_resource_update_from_json (HibachiResource      *self,
                                                JsonNode             *node,
                                                GError              **error);
gboolean     hibachi_resource_is_loaded        (HibachiResource      *self);
/* The server's object, built from the fields on first use and kept until
 * the data changes; do not modify. NULL while not loaded. */
JsonObject  *hibachi_resource_get_json         (HibachiResource      *self);
const char  *hibachi_resource_get_string       (HibachiResource      *self,
                                                const char           *member);
gint64       hibachi_resource_get_int          (HibachiResource      *self,
                                                const char           *member);
double       hibachi_resource_get_double       (HibachiResource      *self,
                                                const char           *member);
gboolean     hibachi_resource_get_boolean      (HibachiResource      *self,
                                                const char           *member);
JsonObject  *hibachi_resource_get_object       (HibachiResource      *self,
                                                const char           *member);
JsonArray   *hibachi_resource_get_array        (HibachiResource      *self,
                                                const char           *member);
/* "id", or the member the class names as its key. */
const char  *hibachi_resource_get_id           (HibachiResource      *self);
gint64       hibachi_resource_get_version      (HibachiResource      *self);
/* @self is @other as saved later: the same resource at a higher version.
 * Answers can come out of order; a list keeps the newer of two. */
gboolean     hibachi_resource_is_newer         (HibachiResource      *self,
                                                HibachiResource      *other);

G_END_DECLS
