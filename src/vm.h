/* vm: the matcher. Runs a rule's program over one sentence's tokens and
 * annotations and finds all its non-overlapping leftmost-longest matches.
 *
 * A Pike-style Thompson simulation (the shape of rsc/re1's pike.c):
 * threads advance in lock-step over token positions and a thread that
 * reaches a state another thread already holds at that position is
 * dropped, so that the work is bounded by tokens times program size and
 * no pattern can explode. Two things differ from a regex VM:
 *  - an annotation element consumes a whole annotation that starts at
 *    the current token, so a thread may jump ahead several positions:
 *    such threads wait in a queue for their position;
 *  - of two threads in the same state at the same position, the one that
 *    started earlier is kept (it can reach every end the other can, and
 *    leftmost wins). The match that is reported starts leftmost and,
 *    among those, ends last; among equal spans, the captures are those of
 *    the thread with the highest priority (greedy repeats and options
 *    prefer more, gaps prefer fewer tokens).
 *
 * An fg_vm holds a worker's scratch (thread lists, captures, the PCRE2
 * match data): one per thread, reused from sentence to sentence. */
#ifndef FG_VM_H
#define FG_VM_H

#include <stddef.h>
#include <stdint.h>

#include "compile.h"
#include "factgraph.h"

/* An annotation over tokens [first, end) of the document: a type and
 * where it came from. record says which fact-graph record it stands for
 * (an entity or a group), or which gazetteer entry, if any. */
typedef enum {
    FG_ANNOT_PLAIN,
    FG_ANNOT_ENTITY,
    FG_ANNOT_GROUP,
    FG_ANNOT_GAZETTEER, /* record: the lexicon's entry */
    FG_ANNOT_NUMBER,    /* record: the resolver's number */
    FG_ANNOT_TIME       /* record: the resolver's time expression */
} fg_annot_kind;

typedef struct fg_annot {
    const char *type;   /* "Country", a gazetteer tag, ... */
    uint32_t first, end;
    fg_annot_kind kind;
    uint32_t record;    /* entity or group index */
    const char *source; /* the rule id or lexicon that made it */
    char gender;        /* of a gazetteer name or a person: 'm', 'f', 0 */
} fg_annot;

/* What the VM matches against: one sentence. Positions are 0 .. n;
 * annotations starting at position i are annots[starts[i] ..
 * starts[i+1]); their first and end are document token indices, and
 * base is the document index of the sentence's first token. */
typedef struct fg_vm_input {
    const fg_token *tokens;
    const fg_morph *morph;  /* parallel to tokens */
    uint32_t n;
    uint32_t base;
    const char *text;       /* the document text, for regex tests */
    const fg_annot *annots; /* sorted by first */
    const uint32_t *starts; /* n + 1 entries */
    uint64_t serial;        /* differs whenever the tokens or the
                               annotations do (a new sentence or phase),
                               so that the VM knows what it may keep */
} fg_vm_input;

/* Trace hooks (explain): reach is called when a thread that started at
 * position start arrives at a consuming instruction at position pos, die
 * when that instruction does not accept the token there (the thread
 * dies), match when a thread reaches the end of the program. pc indexes
 * the program; its elem field names the pattern element. A traced run
 * starts threads at every position. Any hook may be NULL. */
typedef struct fg_vm_trace {
    void *ctx;
    void (*reach)(void *ctx, uint32_t pc, uint32_t start, uint32_t pos);
    void (*die)(void *ctx, uint32_t pc, uint32_t start, uint32_t pos);
    void (*match)(void *ctx, uint32_t start, uint32_t end);
} fg_vm_trace;

/* Called for each match: [start, end) in sentence positions, and the
 * slots (prog->n_slots of them, position or FG_VM_UNSET; element slots
 * only when explaining). A non-zero return stops the run with it. */
#define FG_VM_UNSET UINT32_MAX
typedef int (*fg_vm_match_fn)(void *ctx, uint32_t start, uint32_t end,
                              const uint32_t *slots);

typedef struct fg_vm fg_vm;

int fg_vm_new(fg_vm **out);
void fg_vm_free(fg_vm *vm);

/* Whether token j of in passes test; regexes use the vm's match
 * data. */
int fg_vm_test(fg_vm *vm, const fg_test *test, const struct fg_vm_input *in,
               uint32_t j);

/* Finds all non-overlapping leftmost-longest matches of prog in in.
 * explain fills the element slots. Returns 0, FG_ENOMEM, or what fn
 * returned. */
int fg_vm_run(fg_vm *vm, const fg_program *prog, const fg_vm_input *in,
              int explain, const fg_vm_trace *trace, fg_vm_match_fn fn,
              void *ctx);

#endif
