/* facts: the fact graph of one document (DESIGN.md, data model).
 *
 * What the rules find in a document, as the rdf, display and eval modules
 * read it: entities (with canonical keys, labels, mentions, and facts such
 * as offices and affiliations), groups (one per mention: label, count,
 * qualifier, from), and events (class, roles with one or more values,
 * factuality, attribution, evidence, trigger, rule).
 *
 * Storage is flat: each kind of record is one array in the graph, and
 * records point to each other by index, so that a graph is cheap to build,
 * iterate in a deterministic order and reset for the next document.
 * Strings (keys, labels, rule ids) are copied into the graph's arena; the
 * arrays are reused from one document to the next. Spans are byte offsets
 * into the document text. */
#ifndef FG_FACTS_H
#define FG_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "factgraph.h"
#include "strmap.h"

typedef enum {
    FG_ENTITY_PERSON,
    FG_ENTITY_ORGANIZATION,
    FG_ENTITY_COUNTRY,
    FG_ENTITY_PLACE,
    FG_ENTITY_OFFICE,
    FG_ENTITY_CLASSES
} fg_entity_class;

typedef enum {
    FG_ROLE_AGENT,
    FG_ROLE_PARTICIPANT,
    FG_ROLE_THEME,
    FG_ROLE_TARGET,
    FG_ROLE_RECIPIENT,
    FG_ROLE_LOCATION,
    FG_ROLE_TIME,
    FG_ROLE_TOPIC,
    FG_ROLE_CAUSE,
    FG_ROLE_LED_BY,
    FG_ROLES
} fg_role;

typedef enum { FG_POSITIVE, FG_NEGATIVE } fg_polarity;
/* In this order: Certain > Probable > Possible > Unlikely. */
typedef enum { FG_CERTAIN, FG_PROBABLE, FG_POSSIBLE, FG_UNLIKELY } fg_certainty;
typedef enum { FG_PAST, FG_ONGOING, FG_PLANNED, FG_HYPOTHETICAL } fg_status;

typedef enum {
    FG_QUALIFIER_NONE,
    FG_QUALIFIER_ABOUT,
    FG_QUALIFIER_OVER,
    FG_QUALIFIER_UNDER,
    FG_QUALIFIER_AT_LEAST,
    FG_QUALIFIER_AT_MOST,
    FG_QUALIFIER_EXACTLY
} fg_qualifier;

/* Typed literals, always in canonical lexical form (fg_literal_make). */
typedef enum {
    FG_LITERAL_STRING,
    FG_LITERAL_INTEGER,
    FG_LITERAL_DECIMAL,
    FG_LITERAL_DATE,        /* xsd:date, YYYY-MM-DD */
    FG_LITERAL_YEAR_MONTH,  /* xsd:gYearMonth, YYYY-MM */
    FG_LITERAL_YEAR         /* xsd:gYear, YYYY */
} fg_literal_type;

typedef struct fg_literal {
    fg_literal_type type;
    const char *value; /* canonical, in the arena */
} fg_literal;

typedef enum {
    FG_VALUE_ENTITY,
    FG_VALUE_GROUP,
    FG_VALUE_EVENT,
    FG_VALUE_LITERAL
} fg_value_kind;

/* A role filler or fact value: a record of the graph, or a literal. */
typedef struct fg_value {
    fg_value_kind kind;
    uint32_t index; /* entity, group or event */
    fg_literal literal;
} fg_value;

typedef struct fg_entity {
    fg_entity_class cls;
    const char *key;   /* canonical name, NFC: the IRI is made from it */
    const char *label; /* rdfs:label@de */
} fg_entity;

typedef struct fg_group {
    const char *label; /* "200 militärische Experten" */
    fg_span span;
    int has_count;
    fg_literal count;
    fg_qualifier qualifier;
    int has_from;
    fg_value from; /* "aus 30 Ländern": a group or entity */
    int has_affiliation;
    fg_value affiliation; /* "ukrainische Soldaten": Ukraine */
} fg_group;

typedef struct fg_event {
    const char *cls;  /* local name in dpo:, e.g. "Meeting" */
    const char *rule; /* the rule id */
    fg_span trigger;
    fg_polarity polarity;
    fg_certainty certainty;
    fg_status status;
    int has_attribution;
    fg_value attributed_to;
    int reports_sentence; /* a Statement reporting all of its sentence
                             (rules.h, fg_output) */
} fg_event;

/* Facts about entities. */
typedef enum {
    FG_FACT_HOLDS_OFFICE,
    FG_FACT_HELD_OFFICE,
    FG_FACT_AFFILIATION,
    FG_FACT_MEMBER_OF
} fg_fact_kind;

typedef struct fg_fact {
    uint32_t entity;
    fg_fact_kind kind;
    fg_value value;
} fg_fact;

typedef struct fg_mention {
    uint32_t entity;
    fg_span span;
} fg_mention;

typedef struct fg_role_value {
    uint32_t event;
    fg_role role;
    fg_value value;
} fg_role_value;

typedef struct fg_evidence {
    uint32_t event;
    fg_span span; /* the sentence */
} fg_evidence;

#define FG_ARRAY(type, name) \
    type *name;              \
    size_t n_##name, cap_##name

typedef struct fg_graph {
    fg_arena *arena;
    FG_ARRAY(fg_entity, entities);
    FG_ARRAY(fg_group, groups);
    FG_ARRAY(fg_event, events);
    FG_ARRAY(fg_fact, facts);
    FG_ARRAY(fg_mention, mentions);
    FG_ARRAY(fg_role_value, roles);
    FG_ARRAY(fg_evidence, evidence);
    fg_strmap entity_keys; /* class + key -> index + 1 */
    fg_strmap seen;        /* facts and mentions already there */
} fg_graph;

/* The most records of one kind in a graph: a hostile document cannot
 * grow a graph without bound. */
#define FG_MAX_GRAPH_RECORDS 1000000

void fg_graph_init(fg_graph *g, fg_arena *arena);
/* Empties the graph for the next document, keeping its arrays. The arena
 * is the caller's to reset. */
void fg_graph_reset(fg_graph *g);
void fg_graph_clear(fg_graph *g);

/* Builders. Each returns 0, FG_ENOMEM, FG_ELIMIT, or FG_EINVAL for an
 * index that does not exist or a value that is not valid. */

/* Adds an entity, or finds the one with the same class and key: the same
 * entity mentioned twice is one record. */
int fg_graph_add_entity(fg_graph *g, fg_entity_class cls, const char *key,
                        const char *label, uint32_t *out);
/* A mention or fact that the graph has already is not added again. */
int fg_graph_add_mention(fg_graph *g, uint32_t entity, fg_span span);
int fg_graph_add_fact(fg_graph *g, uint32_t entity, fg_fact_kind kind,
                      fg_value value);
int fg_graph_add_group(fg_graph *g, const char *label, fg_span span,
                       uint32_t *out);
/* An event with the default factuality: positive, certain, past. cls is
 * a dpo: local name made of ASCII letters. */
int fg_graph_add_event(fg_graph *g, const char *cls, const char *rule,
                       fg_span trigger, uint32_t *out);
int fg_graph_set_count(fg_graph *g, uint32_t group, fg_literal count,
                       fg_qualifier qualifier);
int fg_graph_set_from(fg_graph *g, uint32_t group, fg_value from);
/* The country or organisation a group belongs to (an entity). */
int fg_graph_set_affiliation(fg_graph *g, uint32_t group, fg_value entity);
int fg_graph_add_role(fg_graph *g, uint32_t event, fg_role role,
                      fg_value value);
int fg_graph_set_factuality(fg_graph *g, uint32_t event, fg_polarity p,
                            fg_certainty c, fg_status s);
int fg_graph_set_attribution(fg_graph *g, uint32_t event, fg_value source);
int fg_graph_add_evidence(fg_graph *g, uint32_t event, fg_span sentence);

/* A literal in canonical form from what a rule found: integers without
 * leading zeros or "+", decimals with a '.' and no trailing zeros, dates
 * that exist. Returns FG_EINVAL for a value that is none of these. */
int fg_literal_make(fg_graph *g, fg_literal_type type, const char *text,
                    fg_literal *out);

static inline fg_value fg_value_entity(uint32_t i)
{
    return (fg_value){FG_VALUE_ENTITY, i, {FG_LITERAL_STRING, NULL}};
}
static inline fg_value fg_value_group(uint32_t i)
{
    return (fg_value){FG_VALUE_GROUP, i, {FG_LITERAL_STRING, NULL}};
}
static inline fg_value fg_value_event(uint32_t i)
{
    return (fg_value){FG_VALUE_EVENT, i, {FG_LITERAL_STRING, NULL}};
}
static inline fg_value fg_value_literal(fg_literal lit)
{
    return (fg_value){FG_VALUE_LITERAL, 0, lit};
}

/* Names in the dpo: vocabulary. */
const char *fg_entity_class_name(fg_entity_class cls); /* "Person" */
const char *fg_role_name(fg_role role);                 /* "agent" */
const char *fg_polarity_name(fg_polarity p);            /* "Positive" */
const char *fg_certainty_name(fg_certainty c);
const char *fg_status_name(fg_status s);
const char *fg_qualifier_name(fg_qualifier q);          /* "About" */
const char *fg_fact_name(fg_fact_kind k);               /* "holdsOffice" */

#endif
