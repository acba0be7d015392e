/* compile: rule trees -> programs for the matcher, and the trigger index.
 *
 * A pattern compiles once into a program for the Pike-style VM of vm.h
 * (the shape of rsc/re1's compile.c): bounded repetitions and gaps are
 * unrolled, so that a program is a flat array of instructions whose size
 * is capped (FG_MAX_PROGRAM). Captures get a pair of slots each time
 * they are emitted, so that a capture inside a repetition yields one
 * value per repetition. When the pack is loaded for explaining
 * (fg_rules_source.explain), every token, annotation and gap element
 * also gets a pair of element slots, which the VM fills only when
 * explaining; otherwise the program has none (they were nearly half of
 * the instructions), but the size limit counts them all the same, so
 * that a rule loads or is too big whether explaining or not.
 *
 * Without element slots, a macro whose body has no capture and cannot
 * match the empty sequence is compiled once into a program of its own
 * (when it is not tiny), and a rule calls it (FG_OP_CALL): a thread
 * runs the macro's instructions where the rule's program would have
 * inlined them, with states of their own, so that the VM matches what
 * it would with the macro inlined, in the same order, and a pack keeps
 * one copy of a macro that hundreds of rules use. A rule's program
 * inlines its macros otherwise (and always when explaining, whose
 * element slots reach into the macros).
 *
 * The pack (fg_pack) is what the engine keeps: every rule with its
 * program, and an index from required keys to rules. A key is something
 * a sentence must contain for the rule to match there: a lemma, a
 * compound head, a case-folded form, an annotation type, or the first
 * three or last four letters of a token (from a regex that begins or
 * ends with them). A rule's requirements are
 * a conjunction of clauses, each a disjunction of keys; the index files
 * each rule under the keys of its most selective clause, and the rule
 * runs on a sentence only when every clause has a key there.
 *
 * A pack is read-only after loading and safe to share between threads. */
#ifndef FG_COMPILE_H
#define FG_COMPILE_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"

#define FG_MAX_PROGRAM 20000 /* instructions in one rule's program;
                                at most UINT16_MAX (fg_inst) */

typedef enum {
    FG_OP_TOKEN,  /* consume a token that passes p (an fg_test; NULL: any) */
    FG_OP_ANNOT,  /* consume an annotation of one of the types in p */
    FG_OP_GAP,    /* consume any token; arg: fg_within */
    FG_OP_SPLIT,  /* continue at x (preferred) and at y */
    FG_OP_JMP,    /* continue at x */
    FG_OP_SAVE,   /* record the position in slot x; arg 1: element slot */
    FG_OP_ASSERT, /* arg: an fg_assert; consumes nothing */
    FG_OP_MATCH,
    FG_OP_CALL    /* run the program p (a macro's) from here, then go on
                     at the next instruction; x: where its states are
                     numbered (fg_program.n_states) */
} fg_op;

typedef enum {
    FG_ASSERT_SENTENCE_START,
    FG_ASSERT_SENTENCE_END,
    FG_ASSERT_CLAUSE_START,
    FG_ASSERT_CLAUSE_END,
    FG_ASSERT_SAME_CLAUSE /* no clause boundary here (a gap's end) */
} fg_assert;

typedef struct fg_annot_test {
    const char **types;
    uint32_t n_types;
    const struct fg_test *first; /* tests of its first token, or NULL */
} fg_annot_test;

/* 16 bytes, as a pack has many (x and y are program counters
 * or slots, both below FG_MAX_PROGRAM, or a call's first state). */
typedef struct fg_inst {
    uint8_t op;
    uint8_t arg;
    uint16_t x, y;
    const void *p;
} fg_inst;

/* A pattern element, for explain and the trace hooks. */
typedef struct fg_elem {
    const char *what; /* "token lemma=\"treffen\"" */
    unsigned long line;
} fg_elem;

typedef struct fg_program {
    fg_inst *code;
    uint32_t *code_elem; /* per instruction: the pattern element it came
                            from */
    uint32_t n;
    uint32_t n_states;   /* n and the instructions of its calls */
    uint32_t n_role_slots; /* slots 0 .. n_role_slots-1: captures */
    uint32_t n_slots;      /* then element slots up to n_slots */
    int *slot_role;        /* per slot pair: its role, or -1 */
    uint32_t *slot_elem;   /* per slot pair: its element */
    fg_elem *elems;
    uint32_t n_elems;
    /* The token tests and annotation types a match can begin with, when
     * every way into the program begins with one: the VM starts a thread
     * only where one of them holds. Both counts are 0 otherwise. */
    const fg_test **first;
    uint32_t n_first;
    const fg_annot_test **first_annots;
    uint32_t n_first_annots;
} fg_program;

/* A compiled rule: its definition (without the pattern tree) and its
 * program and requirements. */
typedef struct fg_rule {
    fg_rule_def def;
    uint32_t order; /* load order */
    fg_program prog;
    uint64_t *keys;     /* the clauses' keys, clause after clause */
    uint32_t *clause_end; /* end of clause i in keys */
    uint32_t *clause_cost; /* the lower, the more selective */
    uint32_t n_clauses;
} fg_rule;

typedef struct fg_pack fg_pack;

/* Loads and compiles the rules that src names. Returns 0, FG_ENOMEM, or
 * FG_EDATA with the problems in diags (then *out is NULL). */
int fg_pack_load(fg_pack **out, const fg_rules_source *src,
                 fg_diag_list *diags);
/* Frees a pack; one mapped from an image (fg_pack_save) keeps its memory,
 * which goes with the image, and frees only the regexes it compiled. */
void fg_pack_free(fg_pack *pack);
/* Copies pack into the image w (image.h; the cache): returns its
 * handle, or 0 after an error. */
uint64_t fg_pack_save(const fg_pack *pack, fg_image_writer *w);
/* The pack that fg_pack_save copied, at p in a mapped image with avail
 * bytes from p on; NULL if p does not hold one. */
fg_pack *fg_pack_mapped(void *p, size_t avail);

size_t fg_pack_count(const fg_pack *pack);
/* The number of rules in a phase. */
size_t fg_pack_phase_count(const fg_pack *pack, fg_phase phase);
const fg_rule *fg_pack_get(const fg_pack *pack, size_t i);
/* The rule with this id, or NULL. */
const fg_rule *fg_pack_find(const fg_pack *pack, const char *id);

/* Key hashing, shared by the compiler and the code that collects the
 * keys of a sentence. kind is 'w' (a word: lemma or case-folded form,
 * one kind so that a token whose lemma is its form costs one lookup),
 * 'a' (annotation type), 'p' and 'P' (first letters: 3 and 5), 's' and
 * 'S' (last bytes: 4 and 6). */
uint64_t fg_key(char kind, const char *s, size_t len);
#define FG_KEY_PREFIX_LEN 3
#define FG_KEY_LONG_PREFIX_LEN 5
#define FG_KEY_SUFFIX_LEN 4
#define FG_KEY_LONG_SUFFIX_LEN 6

/* A set of keys present in a sentence: a hash set for lookups, and the
 * keys in insertion order so that a reset or a walk costs what the
 * sentence has, not what the largest sentence needed. */
typedef struct fg_keyset {
    uint64_t *slots; /* 0 marks a free slot */
    size_t cap;
    uint64_t *keys;  /* the n keys in the set */
    size_t n, cap_keys;
} fg_keyset;

void fg_keyset_reset(fg_keyset *s);
void fg_keyset_clear(fg_keyset *s);
int fg_keyset_add(fg_keyset *s, uint64_t key);
int fg_keyset_has(const fg_keyset *s, uint64_t key);

/* The rules of phase that may match a sentence with these keys, in load
 * order, into *rules_out (a caller-owned array that is grown as needed;
 * stamps is scratch of fg_pack_count entries, zeroed at first use, and
 * *stamp is increased on every call). Returns 0 or FG_ENOMEM. */
typedef struct fg_candidates {
    uint32_t *rules;
    size_t n, cap;
    uint32_t *stamps;
    uint32_t stamp;
} fg_candidates;

void fg_candidates_clear(fg_candidates *c);
int fg_pack_candidates(const fg_pack *pack, fg_phase phase,
                       const fg_keyset *keys, fg_candidates *c);

#endif
