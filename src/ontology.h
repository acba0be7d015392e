/* ontology: the classes of the loaded ontology, for checking rules.
 *
 * Reads the ontology's Turtle (ontologies/defence-policy.ttl, or the file
 * --ontology names) once with Raptor, and keeps, for every owl:Class in
 * the dpo: namespace, what kind of class it is: an event class (a
 * subclass of dpo:Event) or an actor class (dpo:Person, dpo:Organization,
 * dpo:Country, dpo:Place, dpo:Group, dpo:Office or a subclass of one).
 * Read-only after loading; safe to share between threads. */
#ifndef FG_ONTOLOGY_H
#define FG_ONTOLOGY_H

#include "cache.h"
#include "factgraph.h"

#define FG_DPO_NS "https://w3id.org/factgraph/dpo#"

/* The largest ontology file read. */
#define FG_MAX_ONTOLOGY_BYTES ((size_t)16 << 20)

typedef enum {
    FG_ACTOR_PERSON,
    FG_ACTOR_ORGANIZATION,
    FG_ACTOR_COUNTRY,
    FG_ACTOR_PLACE,
    FG_ACTOR_GROUP,
    FG_ACTOR_OFFICE,
    FG_ACTORS
} fg_actor;

typedef enum {
    FG_CLASS_OTHER = 0, /* a class, but neither event nor actor */
    FG_CLASS_EVENT,
    FG_CLASS_ACTOR
} fg_class_kind;

typedef struct fg_ontology fg_ontology;

/* Loads file, adding its bytes to digest (or NULL). Problems are
 * reported in diags and give FG_EDATA. */
int fg_ontology_load(fg_ontology **out, const char *file,
                     fg_digest *digest, fg_diag_list *diags);
void fg_ontology_free(fg_ontology *o);

/* Looks up a dpo: class by its local name ("Meeting"). Returns 1 and
 * sets *kind_out (and *actor_out for actor classes: the base class it
 * belongs to) when the ontology defines it, else 0. */
int fg_ontology_find_class(const fg_ontology *o, const char *local,
                           fg_class_kind *kind_out, fg_actor *actor_out);

/* "Person", "Organization", ... */
const char *fg_actor_name(fg_actor a);

#endif
