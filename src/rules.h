/* rules: rule files (XML) -> rule trees, with includes, macros, schema
 * validation and linting (doc/rules.md is the language reference).
 *
 * Files are read with libxml2's streaming reader (xmlTextReader), which
 * validates them against rules/factgraph-rules.rng as it goes; only one
 * top-level element (a rule, a macro or an include) is held in memory at
 * a time, so that a pack of 100,000 rules loads in bounded memory. Any
 * DOCTYPE is refused before its entities could be used, per reader: no
 * process-wide libxml2 setting is touched.
 *
 * fg_rules_load hands each rule, once read and checked, to a callback;
 * the rule's pattern tree lives until the callback returns, while its
 * token tests, strings, output template and examples live in the store
 * (fg_rule_store) as long as the caller keeps it. */
#ifndef FG_RULES_H
#define FG_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "cache.h"
#include "strmap.h"
#include "facts.h"
#include "factgraph.h"
#include "ontology.h"
#include "xmlread.h"

/* Documented limits (doc/rules.md). */
#define FG_MAX_RULE_FILE_BYTES FG_MAX_XML_FILE_BYTES
#define FG_MAX_INCLUDE_DEPTH 16
#define FG_MAX_REPEAT 20     /* repeat max */
#define FG_MAX_SKIP 50       /* skip max */
#define FG_MAX_RULE_NODES 100000 /* XML elements in one rule or macro */
#define FG_MAX_PATTERN_DEPTH 256 /* nested elements, through macros too */
#define FG_REGEX_MATCH_LIMIT 100000
#define FG_REGEX_DEPTH_LIMIT 1000

/* Roles a capture may name: the event roles of facts.h, then these. */
typedef enum {
    FG_CAPTURE_TRIGGER = FG_ROLES,
    FG_CAPTURE_NAME,
    FG_CAPTURE_COUNT,
    FG_CAPTURE_FROM,
    FG_CAPTURE_OFFICE,      /* dpo:Person rules: the office held */
    FG_CAPTURE_AFFILIATION, /* dpo:Person rules: "britische", "der NATO" */
    FG_CAPTURE_FORMER,      /* dpo:Person rules: "ehemalige": the office
                               is a dpo:heldOffice */
    FG_CAPTURE_ROLES
} fg_capture_role;

/* "agent" ... "ledBy", "trigger", "name", "count", "from", "office",
 * "affiliation", "former"; and back (-1 when unknown). */
const char *fg_capture_role_name(int role);
int fg_capture_role_find(const char *name);

/* Token tests: a tree of conjunctions, disjunctions, negations and
 * leaves that test one field of a token against a list of values. */
typedef enum {
    FG_FIELD_FORM,  /* the surface form, exactly */
    FG_FIELD_IFORM, /* the case-folded form (values are folded at load) */
    FG_FIELD_LEMMA,
    FG_FIELD_STEM,
    FG_FIELD_HEAD,
    FG_FIELD_SHAPE,
    FG_FIELD_REGEX, /* whole surface form; re is compiled */
    FG_FIELD_FLAGS, /* all of flags */
    FG_FIELD_TAGS,  /* all of the morphology's tags (flags holds them) */
    FG_FIELD_ANNOT  /* inside an annotation of one of the types */
} fg_field;

typedef enum { FG_TEST_ALL, FG_TEST_ANY, FG_TEST_NOT, FG_TEST_LEAF } fg_test_kind;

/* A regular expression of the rules, one per source however many tests
 * use it. code is its pcre2_code, compiled when the rules are loaded, or
 * on first use (fg_regex_code) in a pack mapped from the cache, which
 * holds the source only. */
typedef struct fg_regex {
    const char *source;
    void *_Atomic code;
} fg_regex;

/* The compiled code of rx (JIT-compiled where PCRE2 can), compiling it
 * now if no thread has yet; NULL when out of memory. Thread-safe. */
const void *fg_regex_code(fg_regex *rx);

typedef struct fg_test {
    fg_test_kind kind;
    fg_field field;               /* leaves */
    const char **values;          /* leaves but regex and flags */
    size_t *value_lens;
    uint32_t n_values;
    /* Long lists: a hash table of value index + 1 (0: empty), by
     * XXH3 of the value, mask + 1 slots; else NULL. */
    uint32_t *slots;
    uint32_t mask;
    uint32_t flags;               /* FG_FIELD_FLAGS and FG_FIELD_TAGS */
    fg_regex *re;                 /* FG_FIELD_REGEX */
    const char *source;           /* the regex as written */
    struct fg_test *child, *next; /* children of ALL, ANY, NOT */
} fg_test;

typedef enum {
    FG_NODE_TOKEN,
    FG_NODE_ANNOT,
    FG_NODE_SEQ,
    FG_NODE_ALT,
    FG_NODE_OPT,
    FG_NODE_REPEAT,
    FG_NODE_SKIP,
    FG_NODE_CAPTURE,
    FG_NODE_START,
    FG_NODE_END,
    FG_NODE_USE
} fg_node_kind;

/* What an anchor or a gap is bounded by. */
typedef enum { FG_WITHIN_CLAUSE, FG_WITHIN_SENTENCE } fg_within;

typedef struct fg_node {
    fg_node_kind kind;
    unsigned long line;
    const char *what;      /* the element as written, for explain */
    struct fg_node *child; /* SEQ ALT OPT REPEAT CAPTURE; USE: the macro */
    struct fg_node *next;
    uint32_t min, max;     /* REPEAT, SKIP */
    fg_within within;      /* SKIP, START, END */
    int role;              /* CAPTURE: an fg_capture_role */
    const fg_test *test;   /* TOKEN; NULL tests nothing */
    const char **types;    /* ANNOT */
    uint32_t n_types;
} fg_node;

/* A constant role value of an output template. */
typedef struct fg_const_role {
    int role;           /* an fg_role */
    int is_entity;
    fg_actor actor;     /* entity */
    fg_literal_type type; /* literal */
    const char *value;
} fg_const_role;

/* Which factuality parts an <output> sets; the others come from the
 * text (resolve.c). */
enum {
    FG_OUTPUT_POLARITY = 1,
    FG_OUTPUT_CERTAINTY = 2,
    FG_OUTPUT_STATUS = 4
};

typedef struct fg_output {
    unsigned set; /* FG_OUTPUT_* */
    fg_polarity polarity;
    fg_certainty certainty;
    fg_status status;
    int reports_sentence; /* Statement rules: reports="sentence" (what the
                             statement reports is every other event of its
                             sentence, as for "laut X"), else its own
                             clause's events are not reported */
    const char *name;   /* entity rules: a constant canonical name */
    fg_qualifier qualifier;
    fg_const_role *roles;
    size_t n_roles;
} fg_output;

/* An expected role filler of an example: the words of one role. */
typedef struct fg_expect {
    int role;           /* an fg_capture_role, or -1 for "match" */
    const char **values;
    size_t n_values;
} fg_expect;

typedef struct fg_example {
    const char *text;
    unsigned long line;
    int counter;        /* a counter-example: no match allowed */
    fg_expect *expect;
    size_t n_expect;
} fg_example;

typedef enum { FG_PHASE_ENTITIES, FG_PHASE_EVENTS, FG_PHASES } fg_phase;

const char *fg_phase_name(fg_phase p); /* "entities", "events" */

typedef struct fg_rule_def {
    const char *id;
    const char *file;
    unsigned long line;
    const char *cls; /* local name in dpo: */
    fg_class_kind kind;
    fg_actor actor;  /* actor classes */
    int priority;
    fg_phase phase;
    int overlap;
    const fg_node *pattern; /* valid during the callback only */
    fg_output output;
    fg_example *examples;
    size_t n_examples;
} fg_rule_def;

/* What the rules keep after loading: their strings, tests, outputs and
 * examples, and the compiled regular expressions. */
typedef struct fg_rule_store {
    fg_arena arena;
    fg_regex **regexes; /* one per source */
    size_t n_regexes, cap_regexes;
    fg_strmap regex_index; /* source -> index in regexes */
    size_t n_validated;    /* rule files read with the RELAX NG validator */
} fg_rule_store;

void fg_rule_store_init(fg_rule_store *s);
void fg_rule_store_clear(fg_rule_store *s);
/* Frees the regexes' compiled code (fg_regex_code compiles it again). */
void fg_rule_store_free_codes(fg_rule_store *s);

/* Called for each rule. A negative return stops loading with that code;
 * FG_EDATA means the callback reported a problem in diags and loading
 * goes on (so that one run reports every bad rule). */
typedef int (*fg_rule_fn)(void *ctx, const fg_rule_def *rule,
                          fg_diag_list *diags);

typedef struct fg_rules_source {
    const char *const *paths; /* rule files or folders */
    size_t n_paths;
    const char *schema;       /* the RELAX NG schema file */
    const fg_ontology *ontology;
    fg_digest *digest;        /* every byte and file read is noted, or
                                 NULL (cache.h) */
    int explain;              /* compile the element slots that explaining
                                 fills (fg_pack_load); a program without
                                 them is half the size */
} fg_rules_source;

/* Loads the rule files, expanding folders (every *.xml below, in byte
 * order of their paths, hidden entries skipped) and includes (each file
 * at most once). Returns 0, FG_ENOMEM, or FG_EDATA when anything was
 * reported as an error. */
int fg_rules_load(const fg_rules_source *src, fg_rule_store *store,
                  fg_rule_fn fn, void *ctx, fg_diag_list *diags);

/* Copies into the image w (image.h): a test tree (its handle; 0 for
 * NULL); a rule definition, or a store, whose own copy is at handle at
 * (the definition without its pattern, the store without its arena,
 * keeping its regexes, which compile again on first use). */
uint64_t fg_test_save(const fg_test *t, fg_image_writer *w);
void fg_rule_def_save(const fg_rule_def *d, fg_image_writer *w, uint64_t at);
void fg_rule_store_save(const fg_rule_store *s, fg_image_writer *w,
                        uint64_t at);

#endif
