/* compile: see compile.h. */
#include "config.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "alloc.h"
#include "compile.h"
#include "diag.h"
#include "strmap.h"
#include "text.h"

/* A rule filed under a key. Most rules need one or two more keys; the
 * posting carries one of them (check), so that most rules that cannot
 * match are turned away without touching the rule itself. */
typedef struct posting {
    uint64_t key;
    uint64_t check; /* a key the rule needs too, or 0 */
    uint32_t rule;
    uint32_t more;  /* the rule needs more than key and check */
} posting;

#define FILTER_BITS 18 /* 32 KiB a phase */
#define FILTER_BIT(key) ((key) >> (64 - FILTER_BITS))

/* Where a key's postings are in the sorted index: a hash table slot. */
typedef struct index_slot {
    uint64_t key; /* 0: free */
    uint32_t off, len;
} index_slot;

struct fg_pack {
    int in_image; /* mapped from the cache: read-only */
    fg_rule_store store;
    fg_rule *rules;
    size_t n_rules, cap_rules;
    fg_strmap ids; /* id -> index + 1 */
    /* Per phase: the index, and the rules without requirements. */
    posting *index[FG_PHASES];
    size_t n_index[FG_PHASES], cap_index[FG_PHASES];
    index_slot *table[FG_PHASES];
    size_t cap_table[FG_PHASES]; /* a power of two */
    /* One bit per key hash (its high bits): a small array that the cache
     * keeps, asked before the table, which most words are not in. */
    uint64_t *filter[FG_PHASES];
    uint32_t *always[FG_PHASES];
    size_t n_always[FG_PHASES], cap_always[FG_PHASES];
    size_t n_phase[FG_PHASES];
    /* While loading: the requirements of each macro body met so far
     * (node address -> index + 1 into macro_cnf). Macros are shared
     * trees that hundreds of rules use, and their word lists are long:
     * computed once, they are copied into each rule that uses them. */
    fg_strmap macro_memo;
    struct cnf *macro_cnf;
    size_t n_macro_cnf, cap_macro_cnf;
    struct emitter *emitter; /* while loading */
    /* The macros' own programs (FG_OP_CALL), and for each the size the
     * body takes when inlined with element slots. Found by the body's
     * address; the value is index + 1, or INLINE for a body that rules
     * inline. */
    struct sub {
        fg_program *prog;
        uint32_t full;
    } *subs;
    size_t n_subs, cap_subs;
    fg_strmap sub_index;
};

#define INLINE UINT32_MAX
/* A macro body of fewer instructions is inlined: a state inside a call
 * costs the VM an indirection. */
#define CALL_MIN 12

uint64_t fg_key(char kind, const char *s, size_t len)
{
    uint64_t h = XXH3_64bits_withSeed(s, len, (uint64_t)(unsigned char)kind);
    return h ? h : 1; /* 0 marks a free slot of a key set */
}

/* ------------------------------------------------------------------ */
/* Emitting a program                                                  */

typedef struct emitter {
    /* The program being emitted: one set of arrays that grows to the
     * largest rule and is kept from rule to rule (take_program copies
     * each rule's out at its size), so that a pack's load does not grow
     * thousands of arrays from nothing. */
    fg_program scratch;
    fg_program *prog; /* &scratch */
    size_t cap_code, cap_code_elem, cap_roles, cap_pair_elems, cap_elems;
    /* Node address -> element index: open addressing, at most half
     * full; a slot is in use only when its generation is the rule's.
     * A pack's macros are emitted a million times, so this is the
     * emitter's hottest lookup. */
    struct elem_slot *elem_tab;
    size_t elem_cap, elem_n;
    uint32_t gen;
    /* Whether element slots are emitted (only explaining fills them);
     * without them, the instructions they would have taken are counted
     * in skipped, so that a pattern is too big with or without. */
    int elements;
    uint32_t skipped;
    uint32_t calls; /* the called macros' instructions so far */
    /* The pack whose macros the program may call, or NULL: inline them
     * all (a macro's own program, or element slots). */
    struct fg_pack *pack;
    int too_big;
    int nomem;
} emitter;

_Static_assert(FG_MAX_PROGRAM <= UINT16_MAX, "fg_inst holds pcs in 16 bits");

static uint32_t emit_inst(emitter *e, fg_op op, uint8_t arg, uint32_t x,
                          uint32_t y, uint32_t elem, const void *p)
{
    fg_program *g = e->prog;
    if (g->n + e->skipped >= FG_MAX_PROGRAM) {
        e->too_big = 1;
        return 0;
    }
    if ((g->n >= e->cap_code &&
         fg_grow((void **)&g->code, &e->cap_code, g->n + 1,
                 sizeof *g->code) < 0) ||
        (g->n >= e->cap_code_elem &&
         fg_grow((void **)&g->code_elem, &e->cap_code_elem, g->n + 1,
                 sizeof *g->code_elem) < 0)) {
        e->nomem = 1;
        return 0;
    }
    g->code[g->n] = (fg_inst){(uint8_t)op, arg, (uint16_t)x, (uint16_t)y, p};
    g->code_elem[g->n] = elem;
    return g->n++;
}

/* A new slot pair for a capture (role >= 0) or an element (role -1). */
/* The SAVE of an element slot (bound 0: where it begins, 1: where it
 * ends), or, when the program has no element slots, the count of it. */
static void emit_element_save(emitter *e, uint32_t slot, int bound,
                              uint32_t elem)
{
    if (e->elements) {
        emit_inst(e, FG_OP_SAVE, 1, slot + (uint32_t)bound, 0, elem, NULL);
    } else if (e->prog->n + e->skipped >= FG_MAX_PROGRAM) {
        e->too_big = 1;
    } else {
        e->skipped++;
    }
}

static uint32_t new_pair(emitter *e, int role, uint32_t elem)
{
    fg_program *g = e->prog;
    uint32_t pair = g->n_slots / 2;
    if (pair >= e->cap_roles &&
        (fg_grow((void **)&g->slot_role, &e->cap_roles, pair + 1,
                 sizeof *g->slot_role) < 0 ||
         fg_grow((void **)&g->slot_elem, &e->cap_pair_elems, pair + 1,
                 sizeof *g->slot_elem) < 0)) {
        e->nomem = 1;
        return 0;
    }
    g->slot_role[pair] = role;
    g->slot_elem[pair] = elem;
    g->n_slots += 2;
    return pair * 2;
}

typedef struct elem_slot {
    const fg_node *node;
    uint32_t id;
    uint32_t gen; /* the slot is free unless this is the emitter's */
} elem_slot;

static size_t elem_slot_of(const elem_slot *tab, size_t cap, uint32_t gen,
                           const fg_node *n)
{
    uint64_t h = (uint64_t)(uintptr_t)n * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 32) & (cap - 1);
    while (tab[i].gen == gen && tab[i].node != n)
        i = (i + 1) & (cap - 1);
    return i;
}

/* The element index of node n in the program, a new one the first time. */
static uint32_t elem_id(emitter *e, const fg_node *n)
{
    if (e->elem_cap) {
        const elem_slot *slot =
            &e->elem_tab[elem_slot_of(e->elem_tab, e->elem_cap, e->gen, n)];
        if (slot->gen == e->gen)
            return slot->id;
    }
    if (2 * (e->elem_n + 1) > e->elem_cap) {
        size_t cap = e->elem_cap ? 2 * e->elem_cap : 256;
        elem_slot *tab = fg_calloc(cap, sizeof *tab);
        if (tab == NULL) {
            e->nomem = 1;
            return 0;
        }
        for (size_t i = 0; i < e->elem_cap; i++)
            if (e->elem_tab[i].gen == e->gen)
                tab[elem_slot_of(tab, cap, e->gen, e->elem_tab[i].node)] =
                    e->elem_tab[i];
        fg_free(e->elem_tab);
        e->elem_tab = tab;
        e->elem_cap = cap;
    }
    fg_program *g = e->prog;
    if (g->n_elems >= e->cap_elems &&
        fg_grow((void **)&g->elems, &e->cap_elems, g->n_elems + 1,
                sizeof *g->elems) < 0) {
        e->nomem = 1;
        return 0;
    }
    e->elem_tab[elem_slot_of(e->elem_tab, e->elem_cap, e->gen, n)] =
        (elem_slot){n, g->n_elems, e->gen};
    e->elem_n++;
    g->elems[g->n_elems] = (fg_elem){n->what, n->line};
    return g->n_elems++;
}

static void emit_list(emitter *e, const fg_node *first);
static const fg_program *macro_program(fg_pack *p, const fg_node *body,
                                       uint32_t *full, int *nomem);

/* Points the jumps of a chain (pc + 1 of the last, each linking to the
 * one before in the same field, 0 ends) at the end of the program: in x
 * for JMPs, in y for SPLITs (use_y). */
static void patch_chain(fg_program *g, uint32_t chain, int use_y)
{
    while (chain) {
        fg_inst *in = &g->code[chain - 1];
        uint16_t *link = use_y ? &in->y : &in->x;
        chain = *link;
        *link = g->n;
    }
}

/* Emits n. Slot pairs are numbered as they come; add_rule renumbers
 * them so that the captures' come first. */
static void emit(emitter *e, const fg_node *n)
{
    if (e->too_big || e->nomem)
        return;
    fg_program *g = e->prog;
    uint32_t id = elem_id(e, n);
    switch (n->kind) {
    case FG_NODE_TOKEN:
    case FG_NODE_ANNOT:
    case FG_NODE_SKIP: {
        uint32_t slot = e->elements ? new_pair(e, -1, id) : 0;
        emit_element_save(e, slot, 0, id);
        if (n->kind == FG_NODE_TOKEN) {
            emit_inst(e, FG_OP_TOKEN, 0, 0, 0, id, n->test);
        } else if (n->kind == FG_NODE_ANNOT) {
            /* The node lives in the rule's scratch; the types are kept. */
            emit_inst(e, FG_OP_ANNOT, 0, 0, 0, id, n);
        } else {
            for (uint32_t i = 0; i < n->min; i++)
                emit_inst(e, FG_OP_GAP, (uint8_t)n->within, 0, 0, id, NULL);
            uint32_t first = g->n;
            for (uint32_t i = n->min; i < n->max; i++) {
                emit_inst(e, FG_OP_SPLIT, 0, 0, g->n + 1, id, NULL);
                emit_inst(e, FG_OP_GAP, (uint8_t)n->within, 0, 0, id, NULL);
            }
            if (e->too_big || e->nomem)
                return;
            /* Lazy: leaving comes first. A clause-bound gap that skipped
             * tokens leaves only where the clause goes on; an empty one
             * (the first split when min is 0) skipped nothing to bind. */
            int bound = n->within == FG_WITHIN_CLAUSE;
            uint32_t leave = g->n, after = g->n + (uint32_t)bound;
            for (uint32_t pc = first; pc < g->n; pc++)
                if (g->code[pc].op == FG_OP_SPLIT)
                    g->code[pc].x = pc == first && n->min == 0 ? after : leave;
            if (bound)
                emit_inst(e, FG_OP_ASSERT, FG_ASSERT_SAME_CLAUSE, 0, 0, id,
                          NULL);
        }
        emit_element_save(e, slot, 1, id);
        return;
    }
    case FG_NODE_SEQ:
        emit_list(e, n->child);
        return;
    case FG_NODE_USE: {
        uint32_t full = 0;
        const fg_program *sub =
            e->pack ? macro_program(e->pack, n->child, &full, &e->nomem)
                    : NULL;
        /* x numbers the call's states: 16 bits (fg_inst). */
        if (sub == NULL || e->calls + sub->n > UINT16_MAX) {
            emit(e, n->child);
            return;
        }
        /* Counted as the inlined body would be, element slots and all. */
        if (g->n + e->skipped + full > FG_MAX_PROGRAM) {
            e->too_big = 1;
            return;
        }
        emit_inst(e, FG_OP_CALL, 0, e->calls, 0, id, sub);
        e->skipped += full - 1;
        e->calls += sub->n;
        return;
    }
    case FG_NODE_CAPTURE: {
        uint32_t slot = new_pair(e, n->role, id);
        emit_inst(e, FG_OP_SAVE, 0, slot, 0, id, NULL);
        emit_list(e, n->child);
        emit_inst(e, FG_OP_SAVE, 0, slot + 1, 0, id, NULL);
        return;
    }
    case FG_NODE_OPT: {
        uint32_t split = emit_inst(e, FG_OP_SPLIT, 0, g->n + 1, 0, id, NULL);
        emit_list(e, n->child);
        if (!e->too_big && !e->nomem)
            g->code[split].y = g->n;
        return;
    }
    case FG_NODE_ALT: {
        /* Every alternative but the last ends in a JMP to the end; until
         * the end is known they are chained through x (pc + 1, 0 ends). */
        uint32_t jumps = 0;
        for (const fg_node *c = n->child; c; c = c->next) {
            if (c->next == NULL) {
                emit(e, c);
                break;
            }
            uint32_t split = emit_inst(e, FG_OP_SPLIT, 0, g->n + 1, 0, id, NULL);
            emit(e, c);
            uint32_t jmp = emit_inst(e, FG_OP_JMP, 0, jumps, 0, id, NULL);
            if (e->too_big || e->nomem)
                return;
            jumps = jmp + 1;
            g->code[split].y = g->n;
        }
        if (e->too_big || e->nomem)
            return;
        patch_chain(g, jumps, 0);
        return;
    }
    case FG_NODE_REPEAT: {
        for (uint32_t i = 0; i < n->min; i++)
            emit_list(e, n->child);
        /* Greedy and nested: a skipped copy skips all the later ones, so
         * every optional copy's SPLIT leaves to the end (chained through
         * y until it is known). */
        uint32_t splits = 0;
        for (uint32_t i = n->min; i < n->max; i++) {
            uint32_t split =
                emit_inst(e, FG_OP_SPLIT, 0, g->n + 1, splits, id, NULL);
            if (e->too_big || e->nomem)
                return;
            splits = split + 1;
            emit_list(e, n->child);
        }
        if (e->too_big || e->nomem)
            return;
        patch_chain(g, splits, 1);
        return;
    }
    case FG_NODE_START:
    case FG_NODE_END:
        emit_inst(e, FG_OP_ASSERT, 0, 0, 0, id, NULL);
        if (e->too_big || e->nomem)
            return; /* no instruction was added */
        g->code[g->n - 1].arg =
            n->kind == FG_NODE_START
                ? (n->within == FG_WITHIN_CLAUSE ? FG_ASSERT_CLAUSE_START
                                                 : FG_ASSERT_SENTENCE_START)
                : (n->within == FG_WITHIN_CLAUSE ? FG_ASSERT_CLAUSE_END
                                                 : FG_ASSERT_SENTENCE_END);
        return;
    }
}

static void emit_list(emitter *e, const fg_node *first)
{
    for (const fg_node *n = first; n; n = n->next)
        emit(e, n);
}

static int nullable(const fg_node *n);

static int list_nullable(const fg_node *first)
{
    for (const fg_node *c = first; c; c = c->next)
        if (!nullable(c))
            return 0;
    return 1;
}

/* Whether n can match without consuming a token. */
static int nullable(const fg_node *n)
{
    const fg_node *c;
    switch (n->kind) {
    case FG_NODE_TOKEN:
    case FG_NODE_ANNOT:
        return 0;
    case FG_NODE_SKIP:
        return n->min == 0;
    case FG_NODE_START:
    case FG_NODE_END:
    case FG_NODE_OPT:
        return 1;
    case FG_NODE_REPEAT:
        if (n->min == 0)
            return 1;
        /* fall through */
    case FG_NODE_SEQ:
    case FG_NODE_CAPTURE:
        return list_nullable(n->child);
    case FG_NODE_USE:
        return nullable(n->child);
    case FG_NODE_ALT:
        for (c = n->child; c; c = c->next)
            if (nullable(c))
                return 1;
        return 0;
    }
    return 1;
}

/* Starts the next rule's program in e's arrays. */
static void emitter_reset(emitter *e)
{
    e->prog = &e->scratch;
    e->scratch.n = e->scratch.n_slots = e->scratch.n_elems = 0;
    e->elem_n = 0;
    e->skipped = e->calls = 0;
    e->too_big = e->nomem = 0;
    if (++e->gen == 0) { /* wrapped: no slot may look in use */
        if (e->elem_tab)
            memset(e->elem_tab, 0, e->elem_cap * sizeof *e->elem_tab);
        e->gen = 1;
    }
}

static void emitter_clear(emitter *e)
{
    fg_free(e->scratch.code);
    fg_free(e->scratch.code_elem);
    fg_free(e->scratch.slot_role);
    fg_free(e->scratch.slot_elem);
    fg_free(e->scratch.elems);
    fg_free(e->elem_tab);
    memset(e, 0, sizeof *e);
}

static void *copy_array(const void *src, size_t n, size_t size)
{
    void *p = fg_malloc(n ? n * size : 1);
    if (p && n)
        memcpy(p, src, n * size);
    return p;
}

/* Copies the emitted program into g, each array at its size: a pack
 * keeps thousands of programs. */
static int take_program(const emitter *e, fg_program *g)
{
    const fg_program *s = &e->scratch;
    size_t pairs = s->n_slots / 2;
    memset(g, 0, sizeof *g);
    g->code = copy_array(s->code, s->n, sizeof *s->code);
    g->code_elem = copy_array(s->code_elem, s->n, sizeof *s->code_elem);
    g->slot_role = copy_array(s->slot_role, pairs, sizeof *s->slot_role);
    g->slot_elem = copy_array(s->slot_elem, pairs, sizeof *s->slot_elem);
    g->elems = copy_array(s->elems, s->n_elems, sizeof *s->elems);
    if (!g->code || !g->code_elem || !g->slot_role || !g->slot_elem ||
        !g->elems)
        return FG_ENOMEM;
    g->n = s->n;
    g->n_states = s->n + e->calls;
    g->n_slots = s->n_slots;
    g->n_elems = s->n_elems;
    return 0;
}

static void program_clear(fg_program *g)
{
    fg_free(g->code);
    fg_free(g->code_elem);
    fg_free(g->slot_role);
    fg_free(g->slot_elem);
    fg_free(g->elems);
    fg_free(g->first);
    fg_free(g->first_annots);
    memset(g, 0, sizeof *g);
}

/* Finds the consuming instructions a thread can reach from pc 0 without
 * consuming anything; sets g->first and g->first_annots to their tests
 * when all are token tests or annotations (an "any token" or a gap gives
 * no filter). Runs after keep_annot_tests. Returns 0 or FG_ENOMEM. */
static int first_tests(fg_program *g)
{
    unsigned char *seen = fg_calloc(g->n, 1);
    uint32_t *stack = fg_malloc(g->n * sizeof *stack);
    int rc = 0, usable = 1;
    size_t sp = 0, cap_first = 0, cap_annots = 0;
    if (seen == NULL || stack == NULL) {
        rc = FG_ENOMEM;
        goto fail;
    }
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp > 0 && usable) {
        const fg_inst *in = &g->code[stack[--sp]];
        uint32_t next[2];
        int n_next = 0;
        switch (in->op) {
        case FG_OP_TOKEN:
            if (in->p == NULL) {
                usable = 0;
                break;
            }
            if (fg_grow((void **)&g->first, &cap_first, g->n_first + 1,
                        sizeof *g->first) < 0) {
                rc = FG_ENOMEM;
                goto fail;
            }
            g->first[g->n_first++] = in->p;
            break;
        case FG_OP_ANNOT:
            if (fg_grow((void **)&g->first_annots, &cap_annots,
                        g->n_first_annots + 1, sizeof *g->first_annots) < 0) {
                rc = FG_ENOMEM;
                goto fail;
            }
            g->first_annots[g->n_first_annots++] = in->p;
            break;
        case FG_OP_CALL: {
            /* The macro's own first tests, when it has them. */
            const fg_program *sub = in->p;
            if (sub->n_first + sub->n_first_annots == 0) {
                usable = 0;
                break;
            }
            if (fg_grow((void **)&g->first, &cap_first,
                        g->n_first + sub->n_first + 1, sizeof *g->first) < 0 ||
                fg_grow((void **)&g->first_annots, &cap_annots,
                        g->n_first_annots + sub->n_first_annots + 1,
                        sizeof *g->first_annots) < 0) {
                rc = FG_ENOMEM;
                goto fail;
            }
            for (uint32_t k = 0; k < sub->n_first; k++)
                g->first[g->n_first++] = sub->first[k];
            for (uint32_t k = 0; k < sub->n_first_annots; k++)
                g->first_annots[g->n_first_annots++] = sub->first_annots[k];
            break;
        }
        case FG_OP_GAP:
        case FG_OP_MATCH:
            usable = 0;
            break;
        case FG_OP_SPLIT:
            next[n_next++] = in->x;
            next[n_next++] = in->y;
            break;
        case FG_OP_JMP:
            next[n_next++] = in->x;
            break;
        case FG_OP_SAVE:
        case FG_OP_ASSERT:
            next[n_next++] = (uint32_t)(in - g->code) + 1;
            break;
        }
        for (int k = 0; k < n_next; k++)
            if (!seen[next[k]]) {
                seen[next[k]] = 1;
                stack[sp++] = next[k];
            }
    }
    if (!usable) {
        fg_free(g->first);
        fg_free(g->first_annots);
        g->first = NULL;
        g->first_annots = NULL;
        g->n_first = g->n_first_annots = 0;
    }
fail:
    fg_free(seen);
    fg_free(stack);
    return rc;
}

/* The annotation tests point to nodes of the rule's scratch; give them
 * kept copies. */
static int keep_annot_tests(fg_program *g, fg_arena *arena)
{
    for (uint32_t pc = 0; pc < g->n; pc++) {
        if (g->code[pc].op != FG_OP_ANNOT)
            continue;
        const fg_node *n = g->code[pc].p;
        fg_annot_test *t = fg_arena_alloc(arena, sizeof *t);
        if (t == NULL)
            return FG_ENOMEM;
        t->types = n->types; /* already kept by the loader */
        t->n_types = n->n_types;
        t->first = n->test;
        g->code[pc].p = t;
    }
    return 0;
}

static int node_has_capture(const fg_node *n);

static int list_has_capture(const fg_node *first)
{
    for (const fg_node *n = first; n; n = n->next)
        if (node_has_capture(n))
            return 1;
    return 0;
}

/* Whether n has a capture anywhere, in its macros too. */
static int node_has_capture(const fg_node *n)
{
    switch (n->kind) {
    case FG_NODE_CAPTURE:
        return 1;
    case FG_NODE_USE:
        return node_has_capture(n->child);
    case FG_NODE_SEQ:
    case FG_NODE_ALT:
    case FG_NODE_OPT:
    case FG_NODE_REPEAT:
        return list_has_capture(n->child);
    default:
        return 0;
    }
}

/* The program of the macro with this body, compiled at its first use
 * (its own macros inlined), or NULL when the rules inline it: it has a
 * capture, can match the empty sequence, is tiny, or is too big (then
 * the rule that inlines it is). *full: the size of the body inlined
 * with element slots. */
static const fg_program *macro_program(fg_pack *p, const fg_node *body,
                                       uint32_t *full, int *nomem)
{
    uint32_t v;
    if (fg_strmap_find(&p->sub_index, (const char *)&body, sizeof body, &v)) {
        if (v == INLINE)
            return NULL;
        *full = p->subs[v - 1].full;
        return p->subs[v - 1].prog;
    }
    fg_program *g = NULL;
    int rc = 0;
    if (!node_has_capture(body) && !nullable(body)) {
        emitter sub = {0};
        emitter_reset(&sub);
        emit(&sub, body);
        emit_inst(&sub, FG_OP_MATCH, 0, 0, 0, 0, NULL);
        *full = sub.scratch.n - 1 + sub.skipped;
        if (sub.nomem)
            rc = FG_ENOMEM;
        else if (!sub.too_big && sub.scratch.n >= CALL_MIN &&
                 ((g = fg_calloc(1, sizeof *g)) == NULL ||
                  (rc = take_program(&sub, g)) < 0 ||
                  (rc = keep_annot_tests(g, &p->store.arena)) < 0 ||
                  (rc = first_tests(g)) < 0))
            rc = FG_ENOMEM;
        emitter_clear(&sub);
    }
    if (rc == 0 && g &&
        fg_grow((void **)&p->subs, &p->cap_subs, p->n_subs + 1,
                sizeof *p->subs) < 0)
        rc = FG_ENOMEM;
    if (rc == 0) {
        if (g)
            p->subs[p->n_subs++] = (struct sub){g, *full};
        v = g ? (uint32_t)p->n_subs : INLINE;
        if (fg_strmap_put(&p->sub_index, (const char *)&body, sizeof body, v,
                          0) < 0) {
            rc = FG_ENOMEM;
            if (g)
                p->n_subs--;
        }
    }
    if (rc < 0) {
        if (g)
            program_clear(g);
        fg_free(g);
        *nomem = 1;
        return NULL;
    }
    return g;
}

/* ------------------------------------------------------------------ */
/* Requirements                                                        */

/* A key and how many sentences it lets through, roughly (key_cost). */
typedef struct req_key {
    uint64_t key;
    uint32_t cost;
} req_key;

/* The keys of one clause under construction. */
typedef struct keylist {
    req_key *k;
    size_t n, cap;
} keylist;

/* A conjunction of clauses under construction. */
typedef struct cnf {
    req_key *keys;
    size_t n_keys, cap_keys;
    uint32_t *ends;
    uint32_t *costs; /* how unselective each clause is */
    size_t n, cap, cap_costs;
} cnf;

/* How many sentences a key of each kind lets through, roughly: a lemma
 * or form is selective (a few in a thousand), five first letters or six
 * last bytes less so, three first letters or four last bytes less still
 * ("wir" begins "wird", "ngen" ends most plurals in -ung), an annotation
 * type ("Person") or a word of nearly every sentence (common_word)
 * hardly at all. A clause costs the sum of its distinct
 * keys', so that a clause of hundreds of rare words is still preferred
 * to one of "der" or "Person". */
#define COST_COMMON 256
static uint32_t key_cost(char kind)
{
    return kind == 'a'                 ? COST_COMMON
           : kind == 'p' || kind == 's' ? 8
           : kind == 'P' || kind == 'S' ? 2
                                        : 1;
}

static int keylist_add(keylist *l, uint64_t key, uint32_t cost)
{
    if (fg_grow((void **)&l->k, &l->cap, l->n + 1, sizeof *l->k) < 0)
        return FG_ENOMEM;
    l->k[l->n++] = (req_key){key, cost};
    return 0;
}

static int cmp_req_key(const void *a, const void *b)
{
    uint64_t x = ((const req_key *)a)->key, y = ((const req_key *)b)->key;
    return x < y ? -1 : x > y;
}

/* Adds the clause of keys k[0, n) to c, each key once; sorted: they are
 * sorted by key already, each once (a clause of another cnf). */
static int cnf_put_clause(cnf *c, const req_key *k, size_t n, int sorted)
{
    if (n == 0)
        return 0;
    if (fg_grow((void **)&c->keys, &c->cap_keys, c->n_keys + n,
                sizeof *c->keys) < 0 ||
        fg_grow((void **)&c->ends, &c->cap, c->n + 1, sizeof *c->ends) < 0 ||
        fg_grow((void **)&c->costs, &c->cap_costs, c->n + 1,
                sizeof *c->costs) < 0)
        return FG_ENOMEM;
    req_key *out = c->keys + c->n_keys;
    memcpy(out, k, n * sizeof *k);
    if (!sorted)
        qsort(out, n, sizeof *out, cmp_req_key);
    size_t m = 0;
    uint32_t cost = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || out[i].key != out[m - 1].key) {
            out[m++] = out[i];
            cost += out[i].cost;
        }
    c->n_keys += m;
    c->costs[c->n] = cost;
    c->ends[c->n++] = (uint32_t)c->n_keys;
    return 0;
}

static int cnf_add_clause(cnf *c, const req_key *k, size_t n)
{
    return cnf_put_clause(c, k, n, 0);
}

static void cnf_clear(cnf *c)
{
    fg_free(c->keys);
    fg_free(c->ends);
    fg_free(c->costs);
    memset(c, 0, sizeof *c);
}

static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The literal ASCII letters a regex must begin with (after an optional
 * "(?i)"), case-folded, up to FG_KEY_LONG_PREFIX_LEN of them, into out;
 * returns how many, 0 when there are fewer than FG_KEY_PREFIX_LEN. */
static size_t regex_prefix(const char *re, char out[FG_KEY_LONG_PREFIX_LEN])
{
    /* An alternative anywhere may not begin with those letters. */
    if (strchr(re, '|'))
        return 0;
    if (strncmp(re, "(?i)", 4) == 0)
        re += 4;
    if (re[0] == '^')
        re++;
    size_t n = 0;
    while (n < FG_KEY_LONG_PREFIX_LEN && is_letter((unsigned char)re[n])) {
        out[n] = (char)(re[n] | 0x20);
        n++;
    }
    /* "abc?" makes the c optional. */
    char q = re[n];
    if (n > 0 && (q == '?' || q == '*' || q == '{'))
        n--;
    return n >= FG_KEY_PREFIX_LEN ? n : 0;
}

/* The suffixes a regex's matches must end with: every way the regex
 * can end in six literal bytes, folded to lowercase, or in four where
 * that is all a way is known to end with
 * ("(?i)[\p{L}-]*(beschuss|übung(en)?|kiew)" gives "schuss", "übung",
 * "bungen" and "kiew"; with "|rat" it would give none). The regex matches
 * a whole form, so a form it matches ends with one of them, and so does
 * the form's case-folded norm. They are found from the right: literal
 * letters (ASCII, and the Latin-1 letters such as the umlauts, whose
 * UTF-8 C3 84/A4, 96/B6, 9C/BC folds like ASCII, by setting 0x20 in the
 * last byte; ß, C3 9F, is "ss" in a norm), groups and classes of letters
 * branch, and a '?' makes the item before it optional. Anything else
 * before the suffix is complete
 * (another quantifier, an escape, a lookaround, an inline option other
 * than a leading "(?i)") gives no suffixes: the caller then files no
 * key. */
typedef struct suffix {
    char s[FG_KEY_LONG_SUFFIX_LEN];
    size_t len; /* FG_KEY_SUFFIX_LEN or FG_KEY_LONG_SUFFIX_LEN */
} suffix;

typedef struct suffixes {
    suffix *s;
    size_t n, cap;
} suffixes;

#define MAX_SUFFIXES 64 /* more would let nearly every sentence through */
#define MAX_RANGES 16

/* Parts of the regex still to be read, from the last one leftwards:
 * the text before a group, then a branch of the group. */
typedef struct range {
    size_t b, e;
} range;

/* Whether re[i] is escaped by an odd number of backslashes before it. */
static int escaped(const char *re, size_t from, size_t i)
{
    size_t k = 0;
    while (i > from + k && re[i - 1 - k] == '\\')
        k++;
    return k % 2;
}

/* Where the class that opens at re[i] closes, or e. "[]...]" and
 * "[^]...]" begin with a literal ']'. */
static size_t class_end(const char *re, size_t i, size_t e)
{
    i++;
    if (i < e && re[i] == '^')
        i++;
    if (i < e && re[i] == ']')
        i++;
    while (i < e && re[i] != ']')
        i += re[i] == '\\' ? 2 : 1;
    return i < e ? i : e;
}

/* Where the group or class that closes at re[close] opens, reading
 * re[b, close] from the left; close when it cannot be told. */
static size_t item_open(const char *re, size_t b, size_t close)
{
    size_t open[MAX_RANGES];
    int level = 0;
    for (size_t i = b; i < close; i++) {
        if (re[i] == '\\') {
            i++;
        } else if (re[i] == '[') {
            size_t j = class_end(re, i, close + 1);
            if (j == close)
                return re[close] == ']' ? i : close;
            if (j > close)
                return close;
            i = j;
        } else if (re[i] == '(') {
            if (level == MAX_RANGES)
                return close;
            open[level++] = i;
        } else if (re[i] == ')') {
            if (level == 0)
                return close;
            level--;
        }
    }
    return re[close] == ')' && level > 0 ? open[level - 1] : close;
}

/* The second byte of a Latin-1 letter's UTF-8 after C3 (umlauts, é, ç;
 * not × and ÷, nor ß, which a norm spells ss), whose capital folds to
 * the small letter by setting 0x20, as ASCII does. */
static int is_latin1_tail(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF && c != 0x97 && c != 0xB7 && c != 0x9F;
}

static int alt_tails(const char *re, const range *rs, int nr, size_t b,
                     size_t e, const char *right, size_t rlen, suffixes *out,
                     int depth);

static int add_suffix(suffixes *out, const char *right, size_t rlen,
                      size_t len)
{
    if (out->n == MAX_SUFFIXES)
        return 0;
    if (fg_grow((void **)&out->s, &out->cap, out->n + 1, sizeof *out->s) < 0)
        return FG_ENOMEM;
    memcpy(out->s[out->n].s, right + rlen - len, len);
    out->s[out->n++].len = len;
    return 1;
}

static int tails_at(const char *re, const range *rs, int nr,
                    const char *right, size_t rlen, suffixes *out, int depth);

/* The suffixes of what rs (read from the last range leftwards) matches
 * followed by right (rlen bytes, folded): the last six bytes of every
 * way, or the last four where that is all a way is known to end with.
 * Returns 1 when every way gave one, 0 when one did not, or FG_ENOMEM. */
static int tails(const char *re, const range *rs, int nr, const char *right,
                 size_t rlen, suffixes *out, int depth)
{
    if (rlen >= FG_KEY_LONG_SUFFIX_LEN)
        return add_suffix(out, right, rlen, FG_KEY_LONG_SUFFIX_LEN);
    int rc = tails_at(re, rs, nr, right, rlen, out, depth);
    /* Every match this way ends with right, whatever came before. */
    if (rc == 0 && rlen >= FG_KEY_SUFFIX_LEN)
        return add_suffix(out, right, rlen, FG_KEY_SUFFIX_LEN);
    return rc;
}

/* tails, for a right too short for a key of six bytes. */
static int tails_at(const char *re, const range *rs, int nr,
                    const char *right, size_t rlen, suffixes *out, int depth)
{
    while (nr > 0 && rs[nr - 1].b == rs[nr - 1].e)
        nr--;
    if (nr == 0 || depth > 64)
        return 0;
    range next[MAX_RANGES];
    memcpy(next, rs, (size_t)nr * sizeof *rs);
    size_t b = rs[nr - 1].b, e = rs[nr - 1].e;
    unsigned char c = (unsigned char)re[e - 1];
    char buf[FG_KEY_LONG_SUFFIX_LEN + 2];
    if (escaped(re, b, e - 1))
        return 0;
    if (c == '?') {
        /* Without the optional item, then with it. */
        size_t ie = e - 1, ib;
        if (ie == b)
            return 0;
        unsigned char last = (unsigned char)re[ie - 1];
        if (escaped(re, b, ie - 1))
            return 0;
        if (last == ')' || last == ']')
            ib = item_open(re, b, ie - 1);
        else if (is_letter(last))
            ib = ie - 1;
        else if ((is_latin1_tail(last) || last == 0x9F) && ie - 1 > b &&
                 (unsigned char)re[ie - 2] == 0xC3)
            ib = ie - 2;
        else
            return 0;
        if (ib >= ie - 1 && (last == ')' || last == ']'))
            return 0;
        next[nr - 1].e = ib;
        int rc = tails(re, next, nr, right, rlen, out, depth + 1);
        if (rc <= 0)
            return rc;
        next[nr - 1].e = ie;
        return tails(re, next, nr, right, rlen, out, depth + 1);
    }
    if (c == ')') {
        size_t open = item_open(re, b, e - 1);
        if (open >= e - 1)
            return 0;
        size_t inner = open + 1;
        if (re[inner] == '?') {
            if (re[inner + 1] != ':')
                return 0;
            inner += 2;
        }
        next[nr - 1].e = open;
        return alt_tails(re, next, nr, inner, e - 1, right, rlen, out,
                         depth + 1);
    }
    if (c == ']') {
        /* A class of letters: one way for each. */
        size_t open = item_open(re, b, e - 1);
        if (open >= e - 1 || open + 1 == e - 1)
            return 0;
        next[nr - 1].e = open;
        for (size_t i = open + 1; i < e - 1; i++) {
            if (!is_letter((unsigned char)re[i]))
                return 0;
            buf[0] = (char)(re[i] | 0x20);
            memcpy(buf + 1, right, rlen);
            int rc = tails(re, next, nr, buf, rlen + 1, out, depth + 1);
            if (rc <= 0)
                return rc;
        }
        return 1;
    }
    size_t n = 0;
    if (is_letter(c)) {
        n = 1;
        buf[0] = (char)(c | 0x20);
    } else if (is_latin1_tail(c) && e - 1 > b &&
               (unsigned char)re[e - 2] == 0xC3) {
        n = 2;
        buf[0] = (char)0xC3;
        buf[1] = (char)(c | 0x20);
    } else if (c == 0x9F && e - 1 > b && (unsigned char)re[e - 2] == 0xC3) {
        n = 2; /* ß, which a norm spells ss */
        buf[0] = buf[1] = 's';
    } else {
        return 0;
    }
    memcpy(buf + n, right, rlen);
    next[nr - 1].e = e - n;
    return tails(re, next, nr, buf, rlen + n, out, depth + 1);
}

/* The suffixes of each top-level branch of re[b, e) when it follows rs
 * and precedes right. */
static int alt_tails(const char *re, const range *rs, int nr, size_t b,
                     size_t e, const char *right, size_t rlen, suffixes *out,
                     int depth)
{
    if (nr >= MAX_RANGES)
        return 0;
    range next[MAX_RANGES];
    if (nr)
        memcpy(next, rs, (size_t)nr * sizeof *rs);
    size_t from = b;
    int level = 0;
    for (size_t i = b; i <= e; i++) {
        if (i < e && re[i] == '\\') {
            i++;
        } else if (i < e && re[i] == '[') {
            if ((i = class_end(re, i, e)) >= e)
                return 0;
        } else if (i < e && re[i] == '(') {
            level++;
        } else if (i < e && re[i] == ')') {
            level--;
        } else if (i == e || (re[i] == '|' && level == 0)) {
            next[nr] = (range){from, i};
            int rc = tails(re, next, nr + 1, right, rlen, out, depth + 1);
            if (rc <= 0)
                return rc;
            from = i + 1;
        }
    }
    return 1;
}

/* The suffixes of re into out; 1 when every match ends with one of
 * them, 0 when that is not known (out is then to be ignored), or
 * FG_ENOMEM. */
static int regex_suffixes(const char *re, suffixes *out)
{
    if (strncmp(re, "(?i)", 4) == 0)
        re += 4;
    /* Of the groups that begin with "(?", only "(?:" is plain. */
    for (const char *q = strstr(re, "(?"); q; q = strstr(q + 2, "(?"))
        if (q[2] != ':')
            return 0;
    if (strstr(re, "\\Q"))
        return 0;
    if (re[0] == '^')
        re++;
    size_t len = strlen(re);
    if (len && re[len - 1] == '$' && !escaped(re, 0, len - 1))
        len--;
    return alt_tails(re, NULL, 0, 0, len, "", 0, out, 0);
}

/* Words in nearly every sentence of German news: articles, pronouns,
 * prepositions, conjunctions, auxiliary and modal verbs (as forms and
 * lemmas), and the comma and the period. A key among them lets almost
 * every sentence through, so a clause of such keys costs as much as an
 * annotation type's, and a rule is filed under a more selective one
 * where it has one. */
static const char *const COMMON_WORDS[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
    "einem", "einer", "eines", "und", "oder", "aber", "sondern", "denn",
    "dass", "ob", "wie", "als", "wenn", "weil", "zu", "zum", "zur", "in",
    "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von",
    "vom", "vor", "für", "über", "unter", "um", "durch", "gegen", "seit",
    "bis", "sich", "es", "er", "sie", "wir", "ihr", "man", "nicht", "auch",
    "noch", "nur", "so", "haben", "hat", "hatte", "hatten", "habe", "sein",
    "ist", "sind", "war", "waren", "sei", "seien", "werden", "wird", "wurde",
    "wurden", "worden", "würde", "würden", "können", "kann", "konnte",
    "müssen", "muss", "musste", "sollen", "soll", "sollte", "wollen", "will",
    "wollte", "dürfen", "darf", ",", ".", NULL};

static int common_word(const char *s, size_t len)
{
    for (const char *const *w = COMMON_WORDS; *w; w++)
        if (strlen(*w) == len && memcmp(*w, s, len) == 0)
            return 1;
    return 0;
}

/* The keys of one leaf test, as a clause, added to l; none when it
 * gives none. */
static int leaf_keys(const fg_test *t, keylist *l)
{
    char kind;
    switch (t->field) {
    case FG_FIELD_LEMMA:
    case FG_FIELD_HEAD:
    case FG_FIELD_FORM:
    case FG_FIELD_IFORM: kind = 'w'; break;
    case FG_FIELD_REGEX: {
        char p[FG_KEY_LONG_PREFIX_LEN];
        size_t np = regex_prefix(t->source, p);
        if (np == FG_KEY_LONG_PREFIX_LEN)
            return keylist_add(l, fg_key('P', p, np), key_cost('P'));
        if (np)
            return keylist_add(l, fg_key('p', p, FG_KEY_PREFIX_LEN),
                               key_cost('p'));
        suffixes sfx = {0};
        int rc = regex_suffixes(t->source, &sfx);
        for (size_t i = 0; rc > 0 && i < sfx.n; i++) {
            char sk = sfx.s[i].len == FG_KEY_SUFFIX_LEN ? 's' : 'S';
            if (keylist_add(l, fg_key(sk, sfx.s[i].s, sfx.s[i].len),
                            key_cost(sk)) < 0)
                rc = FG_ENOMEM;
        }
        fg_free(sfx.s);
        return rc < 0 ? rc : 0;
    }
    default: return 0;
    }
    /* Forms are matched exactly but keyed by their norm, as a token is
     * ("Eröffnet": eröffnet; "Straße": strasse). */
    fg_norm_scratch scratch = {0};
    fg_arena arena;
    fg_arena_init(&arena, 1024);
    int rc = 0;
    for (uint32_t i = 0; i < t->n_values && rc == 0; i++) {
        const char *v = t->values[i];
        size_t len = t->value_lens[i];
        if (t->field == FG_FIELD_FORM &&
            fg_text_norm(v, len, &scratch, &arena, &v, &len) < 0) {
            rc = FG_ENOMEM;
            break;
        }
        rc = keylist_add(l, fg_key(kind, v, len),
                         common_word(v, len) ? COST_COMMON : key_cost(kind));
    }
    fg_arena_clear(&arena);
    fg_norm_scratch_clear(&scratch);
    return rc;
}

/* The clauses a token test implies, added to c. */
static int test_cnf(const fg_test *t, cnf *c);

/* One clause that holds when t holds (for the branches of any-of), added
 * to l. Returns 1 when there is one, 0 when not, or FG_ENOMEM. */
static int test_clause(const fg_test *t, keylist *l)
{
    if (t->kind == FG_TEST_LEAF) {
        size_t before = l->n;
        int rc = leaf_keys(t, l);
        return rc < 0 ? rc : l->n > before;
    }
    if (t->kind == FG_TEST_ALL) {
        for (const fg_test *k = t->child; k; k = k->next) {
            size_t before = l->n;
            int rc = test_clause(k, l);
            if (rc != 0)
                return rc;
            l->n = before;
        }
        return 0;
    }
    if (t->kind == FG_TEST_ANY) {
        for (const fg_test *k = t->child; k; k = k->next) {
            int rc = test_clause(k, l);
            if (rc <= 0)
                return rc;
        }
        return 1;
    }
    return 0; /* not */
}

static int test_cnf(const fg_test *t, cnf *c)
{
    if (t == NULL || t->kind == FG_TEST_NOT)
        return 0;
    if (t->kind == FG_TEST_ALL) {
        for (const fg_test *k = t->child; k; k = k->next) {
            int rc = test_cnf(k, c);
            if (rc < 0)
                return rc;
        }
        return 0;
    }
    keylist l = {0};
    int rc = test_clause(t, &l);
    if (rc > 0)
        rc = cnf_add_clause(c, l.k, l.n);
    fg_free(l.k);
    return rc < 0 ? rc : 0;
}

static int node_cnf(fg_pack *p, const fg_node *n, cnf *c);

static int list_cnf(fg_pack *p, const fg_node *first, cnf *c)
{
    for (const fg_node *n = first; n; n = n->next) {
        int rc = node_cnf(p, n, c);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Adds the clauses of from to c. */
static int cnf_append(cnf *c, const cnf *from)
{
    for (size_t k = 0; k < from->n; k++) {
        uint32_t first = k ? from->ends[k - 1] : 0;
        int rc =
            cnf_put_clause(c, from->keys + first, from->ends[k] - first, 1);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The requirements of a macro body, from the memo or computed into it. */
static int macro_cnf(fg_pack *p, const fg_node *body, cnf *c)
{
    uint32_t i;
    if (fg_strmap_find(&p->macro_memo, (const char *)&body, sizeof body, &i))
        return cnf_append(c, &p->macro_cnf[i - 1]);
    cnf sub = {0};
    int rc = node_cnf(p, body, &sub);
    if (rc == 0)
        rc = cnf_append(c, &sub);
    if (rc == 0 && fg_grow((void **)&p->macro_cnf, &p->cap_macro_cnf,
                           p->n_macro_cnf + 1, sizeof *p->macro_cnf) < 0)
        rc = FG_ENOMEM;
    if (rc == 0 && fg_strmap_put(&p->macro_memo, (const char *)&body,
                                 sizeof body,
                                 (uint32_t)p->n_macro_cnf + 1, 0) < 0)
        rc = FG_ENOMEM;
    if (rc < 0) {
        cnf_clear(&sub);
        return rc;
    }
    p->macro_cnf[p->n_macro_cnf++] = sub;
    return 0;
}

static void macro_memo_clear(fg_pack *p)
{
    for (size_t i = 0; i < p->n_macro_cnf; i++)
        cnf_clear(&p->macro_cnf[i]);
    fg_free(p->macro_cnf);
    p->macro_cnf = NULL;
    p->n_macro_cnf = p->cap_macro_cnf = 0;
    fg_strmap_clear(&p->macro_memo);
}

/* The requirements of an alternation. A union of one clause of every
 * alternative holds for the whole; up to ALT_CLAUSES such unions are
 * kept: of the alternatives' cheapest clauses, of their second cheapest
 * (an alternative with fewer gives its last again), and so on, so that
 * "stellen ... klar" in one alternative requires both words. */
#define ALT_CLAUSES 3
static int alt_cnf(fg_pack *p, const fg_node *n, cnf *c)
{
    size_t n_alt = 0, most = 0;
    for (const fg_node *a = n->child; a; a = a->next)
        n_alt++;
    cnf *subs = fg_calloc(n_alt ? n_alt : 1, sizeof *subs);
    uint32_t(*order)[ALT_CLAUSES] =
        fg_malloc((n_alt ? n_alt : 1) * sizeof *order);
    int rc = subs && order ? 0 : FG_ENOMEM;
    size_t i = 0;
    for (const fg_node *a = n->child; a && rc == 0; a = a->next, i++) {
        cnf *sub = &subs[i];
        if ((rc = node_cnf(p, a, sub)) < 0)
            break;
        if (sub->n == 0) { /* an alternative that requires nothing */
            most = 0;
            break;
        }
        size_t m = sub->n < ALT_CLAUSES ? sub->n : ALT_CLAUSES;
        for (size_t k = 0; k < m; k++) {
            size_t best = sub->n;
            for (size_t j = 0; j < sub->n; j++) {
                int taken = 0;
                for (size_t q = 0; q < k; q++)
                    taken |= order[i][q] == j;
                if (!taken &&
                    (best == sub->n || sub->costs[j] < sub->costs[best]))
                    best = j;
            }
            order[i][k] = (uint32_t)best;
        }
        for (size_t k = m; k < ALT_CLAUSES; k++)
            order[i][k] = order[i][m - 1];
        if (m > most)
            most = m;
    }
    for (size_t k = 0; rc == 0 && i == n_alt && k < most; k++) {
        keylist l = {0};
        for (size_t a = 0; a < n_alt && rc == 0; a++) {
            uint32_t cl = order[a][k];
            for (uint32_t j = cl ? subs[a].ends[cl - 1] : 0;
                 j < subs[a].ends[cl] && rc == 0; j++)
                rc = keylist_add(&l, subs[a].keys[j].key,
                                 subs[a].keys[j].cost);
        }
        if (rc == 0)
            rc = cnf_add_clause(c, l.k, l.n);
        fg_free(l.k);
    }
    for (size_t a = 0; subs && a < n_alt; a++)
        cnf_clear(&subs[a]);
    fg_free(subs);
    fg_free(order);
    return rc;
}

static int node_cnf(fg_pack *p, const fg_node *n, cnf *c)
{
    switch (n->kind) {
    case FG_NODE_TOKEN:
        return test_cnf(n->test, c);
    case FG_NODE_ANNOT: {
        req_key keys[64];
        if (n->n_types > 64)
            return 0;
        for (uint32_t i = 0; i < n->n_types; i++)
            keys[i] = (req_key){fg_key('a', n->types[i], strlen(n->types[i])),
                                key_cost('a')};
        return cnf_add_clause(c, keys, n->n_types);
    }
    case FG_NODE_SEQ:
    case FG_NODE_CAPTURE:
        return list_cnf(p, n->child, c);
    case FG_NODE_USE:
        return macro_cnf(p, n->child, c);
    case FG_NODE_REPEAT:
        return n->min ? list_cnf(p, n->child, c) : 0;
    case FG_NODE_ALT:
        return alt_cnf(p, n, c);
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------ */
/* The pack                                                            */

static int add_rule(void *ctx, const fg_rule_def *def, fg_diag_list *diags)
{
    fg_pack *p = ctx;
    if (list_nullable(def->pattern))
        return fg_diag_add(diags, FG_ERROR, FG_EDATA, def->file, def->line, 0,
                           FG_NO_OFFSET,
                           "rule %s: the pattern can match the empty "
                           "sequence (make something in it required)",
                           def->id) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    if (fg_grow((void **)&p->rules, &p->cap_rules, p->n_rules + 1,
                sizeof *p->rules) < 0)
        return FG_ENOMEM;
    fg_rule *r = &p->rules[p->n_rules];
    memset(r, 0, sizeof *r);
    r->def = *def;
    r->def.pattern = NULL;
    r->order = (uint32_t)p->n_rules;

    emitter *e = p->emitter;
    emitter_reset(e);
    emit_list(e, def->pattern);
    emit_inst(e, FG_OP_MATCH, 0, 0, 0, 0, NULL);
    int rc = 0;
    if (e->nomem)
        rc = FG_ENOMEM;
    else if (e->too_big)
        rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, def->file, def->line, 0,
                         FG_NO_OFFSET,
                         "rule %s: the compiled pattern has more than %d "
                         "instructions (smaller repeat or skip bounds?)",
                         def->id, FG_MAX_PROGRAM) < 0
                 ? FG_ENOMEM
                 : FG_EDATA;
    if (rc == 0)
        rc = take_program(e, &r->prog);
    if (rc == 0)
        rc = keep_annot_tests(&r->prog, &p->store.arena);
    if (rc == 0)
        rc = first_tests(&r->prog);
    if (rc < 0) {
        program_clear(&r->prog);
        return rc;
    }
    /* Renumber: capture pairs first, element pairs after them. */
    fg_program *g = &r->prog;
    uint32_t pairs = g->n_slots / 2, next = 0;
    uint32_t *map = fg_malloc((pairs ? pairs : 1) * sizeof *map);
    int *roles = fg_malloc((pairs ? pairs : 1) * sizeof *roles);
    uint32_t *elems = fg_malloc((pairs ? pairs : 1) * sizeof *elems);
    if (map == NULL || roles == NULL || elems == NULL) {
        fg_free(map);
        fg_free(roles);
        fg_free(elems);
        program_clear(g);
        return FG_ENOMEM;
    }
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < pairs; i++)
            if ((g->slot_role[i] >= 0) == (pass == 0)) {
                map[i] = next;
                roles[next] = g->slot_role[i];
                elems[next] = g->slot_elem[i];
                next++;
                if (pass == 0)
                    g->n_role_slots = next * 2;
            }
    for (uint32_t pc = 0; pc < g->n; pc++)
        if (g->code[pc].op == FG_OP_SAVE)
            g->code[pc].x =
                (uint16_t)(map[g->code[pc].x / 2] * 2 + g->code[pc].x % 2);
    memcpy(g->slot_role, roles, pairs * sizeof *roles);
    memcpy(g->slot_elem, elems, pairs * sizeof *elems);
    fg_free(map);
    fg_free(roles);
    fg_free(elems);

    cnf c = {0};
    rc = list_cnf(p, def->pattern, &c);
    if (rc == 0 && c.n) {
        r->keys = fg_malloc(c.n_keys * sizeof *r->keys);
        r->clause_end = fg_malloc(c.n * sizeof *r->clause_end);
        r->clause_cost = fg_malloc(c.n * sizeof *r->clause_cost);
        if (r->keys == NULL || r->clause_end == NULL || r->clause_cost == NULL)
            rc = FG_ENOMEM;
        else {
            for (size_t k = 0; k < c.n_keys; k++)
                r->keys[k] = c.keys[k].key;
            memcpy(r->clause_end, c.ends, c.n * sizeof *r->clause_end);
            memcpy(r->clause_cost, c.costs, c.n * sizeof *r->clause_cost);
            r->n_clauses = (uint32_t)c.n;
        }
    }
    cnf_clear(&c);
    if (rc == 0 &&
        fg_strmap_put(&p->ids, def->id, strlen(def->id),
                      (uint32_t)p->n_rules + 1, 0) < 0)
        rc = FG_ENOMEM;
    if (rc < 0) {
        program_clear(g);
        fg_free(r->keys);
        fg_free(r->clause_end);
        fg_free(r->clause_cost);
        return rc;
    }
    p->n_rules++;
    return 0;
}

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Files every rule under the keys of its most selective clause: the one
 * of the lowest cost, and of those the one whose keys the fewest rules
 * need. */
static int build_index(fg_pack *p)
{
    /* How many rules need each key: among clauses of one cost, the one
     * whose keys fewer rules need is taken, which spreads the rules over
     * the keys (and a key many rules need is likely a frequent word). */
    fg_strmap uses;
    fg_strmap_init(&uses);
    for (size_t i = 0; i < p->n_rules; i++) {
        const fg_rule *r = &p->rules[i];
        uint32_t n_keys = r->n_clauses ? r->clause_end[r->n_clauses - 1] : 0;
        for (uint32_t j = 0; j < n_keys; j++) {
            uint32_t c = 0;
            const char *k = (const char *)&r->keys[j];
            fg_strmap_find(&uses, k, sizeof r->keys[j], &c);
            if (fg_strmap_put(&uses, k, sizeof r->keys[j], c + 1, 0) < 0) {
                fg_strmap_clear(&uses);
                return FG_ENOMEM;
            }
        }
    }
    int rc = 0;
    for (size_t i = 0; i < p->n_rules && rc == 0; i++) {
        fg_rule *r = &p->rules[i];
        fg_phase ph = r->def.phase;
        p->n_phase[ph]++;
        if (r->n_clauses == 0) {
            if (fg_grow((void **)&p->always[ph], &p->cap_always[ph],
                        p->n_always[ph] + 1, sizeof *p->always[ph]) < 0)
                rc = FG_ENOMEM;
            else
                p->always[ph][p->n_always[ph]++] = (uint32_t)i;
            continue;
        }
        uint32_t best = 0;
        uint64_t best_score = UINT64_MAX;
        for (uint32_t k = 0, from = 0; k < r->n_clauses; k++) {
            uint64_t users = 0;
            for (uint32_t j = from; j < r->clause_end[k]; j++) {
                uint32_t c = 0;
                fg_strmap_find(&uses, (const char *)&r->keys[j],
                               sizeof r->keys[j], &c);
                users += c;
            }
            uint64_t score = (uint64_t)r->clause_cost[k] << 32 | users;
            if (score < best_score) {
                best_score = score;
                best = k;
            }
            from = r->clause_end[k];
        }
        /* The check: another clause of one key; "more" when other
         * clauses are left over. */
        uint64_t check = 0;
        uint32_t others = 0;
        for (uint32_t k = 0, from = 0; k < r->n_clauses; k++) {
            if (k != best) {
                others++;
                if (check == 0 && r->clause_end[k] - from == 1) {
                    check = r->keys[from];
                    others--;
                }
            }
            from = r->clause_end[k];
        }
        uint32_t start = best ? r->clause_end[best - 1] : 0;
        for (uint32_t j = start; j < r->clause_end[best] && rc == 0; j++) {
            if (fg_grow((void **)&p->index[ph], &p->cap_index[ph],
                        p->n_index[ph] + 1, sizeof *p->index[ph]) < 0)
                rc = FG_ENOMEM;
            else
                p->index[ph][p->n_index[ph]++] =
                    (posting){r->keys[j], check, (uint32_t)i, others > 0};
        }
    }
    fg_strmap_clear(&uses);
    if (rc < 0)
        return rc;
    for (int ph = 0; ph < FG_PHASES; ph++) {
        size_t n = p->n_index[ph];
        if (n == 0)
            continue;
        qsort(p->index[ph], n, sizeof *p->index[ph], cmp_posting);
        size_t cap = 16;
        while (cap < 2 * n)
            cap *= 2;
        index_slot *t = fg_calloc(cap, sizeof *t);
        uint64_t *f = fg_calloc((size_t)1 << (FILTER_BITS - 6), sizeof *f);
        if (t == NULL || f == NULL) {
            fg_free(t);
            fg_free(f);
            return FG_ENOMEM;
        }
        p->table[ph] = t;
        p->cap_table[ph] = cap;
        p->filter[ph] = f;
        for (size_t i = 0; i < n; i++) {
            uint64_t b = FILTER_BIT(p->index[ph][i].key);
            f[b >> 6] |= (uint64_t)1 << (b & 63);
        }
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && p->index[ph][j].key == p->index[ph][i].key)
                j++;
            uint64_t key = p->index[ph][i].key;
            size_t h = (size_t)key & (cap - 1);
            while (t[h].key)
                h = (h + 1) & (cap - 1);
            t[h] = (index_slot){key, (uint32_t)i, (uint32_t)(j - i)};
            i = j;
        }
    }
    return 0;
}

int fg_pack_load(fg_pack **out, const fg_rules_source *src,
                 fg_diag_list *diags)
{
    *out = NULL;
    fg_pack *p = fg_calloc(1, sizeof *p);
    if (p == NULL)
        return FG_ENOMEM;
    fg_rule_store_init(&p->store);
    fg_strmap_init(&p->ids);
    fg_strmap_init(&p->macro_memo);
    fg_strmap_init(&p->sub_index);
    emitter e = {.elements = src->explain, .pack = src->explain ? NULL : p};
    p->emitter = &e;
    int rc = fg_rules_load(src, &p->store, add_rule, p, diags);
    p->emitter = NULL;
    emitter_clear(&e);
    macro_memo_clear(p);
    if (rc == 0)
        rc = build_index(p);
    if (rc < 0) {
        fg_pack_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void fg_pack_free(fg_pack *p)
{
    if (p == NULL)
        return;
    if (p->in_image) {
        fg_rule_store_free_codes(&p->store);
        return;
    }
    for (size_t i = 0; i < p->n_rules; i++) {
        program_clear(&p->rules[i].prog);
        fg_free(p->rules[i].keys);
        fg_free(p->rules[i].clause_end);
        fg_free(p->rules[i].clause_cost);
    }
    fg_free(p->rules);
    for (size_t i = 0; i < p->n_subs; i++) {
        program_clear(p->subs[i].prog);
        fg_free(p->subs[i].prog);
    }
    fg_free(p->subs);
    fg_strmap_clear(&p->sub_index);
    for (int ph = 0; ph < FG_PHASES; ph++) {
        fg_free(p->index[ph]);
        fg_free(p->table[ph]);
        fg_free(p->filter[ph]);
        fg_free(p->always[ph]);
    }
    fg_strmap_clear(&p->ids);
    fg_rule_store_clear(&p->store);
    fg_free(p);
}

size_t fg_pack_count(const fg_pack *p) { return p->n_rules; }

size_t fg_pack_phase_count(const fg_pack *p, fg_phase phase)
{
    return p->n_phase[phase];
}

const fg_rule *fg_pack_get(const fg_pack *p, size_t i)
{
    return i < p->n_rules ? &p->rules[i] : NULL;
}

const fg_rule *fg_pack_find(const fg_pack *p, const char *id)
{
    uint32_t i;
    return fg_strmap_find(&p->ids, id, strlen(id), &i) ? &p->rules[i - 1]
                                                        : NULL;
}

/* ------------------------------------------------------------------ */
/* Key sets and candidates                                             */

static size_t slot_of(const fg_keyset *s, uint64_t key)
{
    size_t j = (size_t)key & (s->cap - 1);
    while (s->slots[j] && s->slots[j] != key)
        j = (j + 1) & (s->cap - 1);
    return j;
}

void fg_keyset_reset(fg_keyset *s)
{
    /* Every used slot is on the probe run from some key's home slot to
     * the next free one: clearing those runs clears the table. */
    for (size_t i = 0; i < s->n; i++)
        for (size_t j = (size_t)s->keys[i] & (s->cap - 1); s->slots[j];
             j = (j + 1) & (s->cap - 1))
            s->slots[j] = 0;
    s->n = 0;
}

void fg_keyset_clear(fg_keyset *s)
{
    fg_free(s->slots);
    fg_free(s->keys);
    memset(s, 0, sizeof *s);
}

static int keyset_grow(fg_keyset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 256;
    uint64_t *slots = fg_calloc(cap, sizeof *slots);
    if (slots == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < s->cap; i++) {
        uint64_t k = s->slots[i];
        if (k == 0)
            continue;
        size_t j = (size_t)k & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = k;
    }
    fg_free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return 0;
}

int fg_keyset_add(fg_keyset *s, uint64_t key)
{
    if ((s->n + 1) * 2 > s->cap && keyset_grow(s) < 0)
        return FG_ENOMEM;
    size_t j = slot_of(s, key);
    if (s->slots[j] == key)
        return 0;
    if (fg_grow((void **)&s->keys, &s->cap_keys, s->n + 1, sizeof *s->keys) < 0)
        return FG_ENOMEM;
    s->slots[j] = key;
    s->keys[s->n++] = key;
    return 0;
}

int fg_keyset_has(const fg_keyset *s, uint64_t key)
{
    if (s->cap == 0)
        return 0;
    size_t j = (size_t)key & (s->cap - 1);
    while (s->slots[j]) {
        if (s->slots[j] == key)
            return 1;
        j = (j + 1) & (s->cap - 1);
    }
    return 0;
}

void fg_candidates_clear(fg_candidates *c)
{
    fg_free(c->rules);
    fg_free(c->stamps);
    memset(c, 0, sizeof *c);
}

static int rule_possible(const fg_rule *r, const fg_keyset *keys)
{
    uint32_t from = 0;
    for (uint32_t k = 0; k < r->n_clauses; k++) {
        int any = 0;
        for (uint32_t j = from; j < r->clause_end[k] && !any; j++)
            any = fg_keyset_has(keys, r->keys[j]);
        if (!any)
            return 0;
        from = r->clause_end[k];
    }
    return 1;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int add_candidate(fg_candidates *c, uint32_t rule)
{
    if (c->stamps[rule] == c->stamp)
        return 0;
    c->stamps[rule] = c->stamp;
    if (fg_grow((void **)&c->rules, &c->cap, c->n + 1, sizeof *c->rules) < 0)
        return FG_ENOMEM;
    c->rules[c->n++] = rule;
    return 0;
}

int fg_pack_candidates(const fg_pack *p, fg_phase phase,
                       const fg_keyset *keys, fg_candidates *c)
{
    c->n = 0;
    if (c->stamps == NULL) {
        c->stamps = fg_calloc(p->n_rules ? p->n_rules : 1, sizeof *c->stamps);
        if (c->stamps == NULL)
            return FG_ENOMEM;
    }
    if (++c->stamp == 0) { /* wrapped: start afresh */
        memset(c->stamps, 0, p->n_rules * sizeof *c->stamps);
        c->stamp = 1;
    }
    const posting *ix = p->index[phase];
    const index_slot *t = p->table[phase];
    const uint64_t *f = p->filter[phase];
    size_t mask = p->cap_table[phase] - 1;
    for (size_t s = 0; s < keys->n && t; s++) {
        uint64_t k = keys->keys[s], b = FILTER_BIT(k);
        if (!(f[b >> 6] & (uint64_t)1 << (b & 63)))
            continue;
        size_t h = (size_t)k & mask;
        while (t[h].key && t[h].key != k)
            h = (h + 1) & mask;
        if (t[h].key == 0)
            continue;
        for (uint32_t i = t[h].off; i < t[h].off + t[h].len; i++) {
            const posting *x = &ix[i];
            if (x->check && !fg_keyset_has(keys, x->check))
                continue;
            if (c->stamps[x->rule] != c->stamp &&
                (!x->more || rule_possible(&p->rules[x->rule], keys)) &&
                add_candidate(c, x->rule) < 0)
                return FG_ENOMEM;
        }
    }
    for (size_t i = 0; i < p->n_always[phase]; i++)
        if (add_candidate(c, p->always[phase][i]) < 0)
            return FG_ENOMEM;
    if (c->n > 1)
        qsort(c->rules, c->n, sizeof *c->rules, cmp_u32);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Images (cache.h)                                                    */

static uint64_t program_save(const fg_program *g, fg_image_writer *w,
                             uint64_t at);

static uint64_t annot_test_save(const fg_annot_test *a, fg_image_writer *w)
{
    int fresh;
    uint64_t h = FG_IMAGE_COPY(w, a, 1, &fresh);
    if (fresh) {
        FG_IMAGE_LINK(w, h, fg_annot_test, types,
                      fg_image_strv(w, a->types, a->n_types));
        FG_IMAGE_LINK(w, h, fg_annot_test, first, fg_test_save(a->first, w));
    }
    return h;
}

/* A macro's program, an object of its own. */
static uint64_t sub_save(const fg_program *g, fg_image_writer *w)
{
    int fresh;
    uint64_t h = FG_IMAGE_COPY(w, g, 1, &fresh);
    if (fresh)
        program_save(g, w, h);
    return h;
}

/* The arrays of the program g, whose copy is at handle at. */
static uint64_t program_save(const fg_program *g, fg_image_writer *w,
                             uint64_t at)
{
    int fresh;
    uint64_t code = FG_IMAGE_COPY(w, g->code, g->n, &fresh);
    FG_IMAGE_LINK(w, at, fg_program, code, code);
    for (uint32_t pc = 0; fresh && pc < g->n; pc++) {
        const fg_inst *in = &g->code[pc];
        uint64_t p = 0;
        if (in->op == FG_OP_TOKEN)
            p = fg_test_save(in->p, w);
        else if (in->op == FG_OP_ANNOT)
            p = annot_test_save(in->p, w);
        else if (in->op == FG_OP_CALL)
            p = sub_save(in->p, w);
        fg_image_link(w, code + pc * sizeof *in + offsetof(fg_inst, p), p, 0);
    }
    FG_IMAGE_LINK(w, at, fg_program, code_elem,
                  FG_IMAGE_COPY(w, g->code_elem, g->n, NULL));
    FG_IMAGE_LINK(w, at, fg_program, slot_role,
                  FG_IMAGE_COPY(w, g->slot_role, g->n_slots / 2, NULL));
    FG_IMAGE_LINK(w, at, fg_program, slot_elem,
                  FG_IMAGE_COPY(w, g->slot_elem, g->n_slots / 2, NULL));
    uint64_t elems = FG_IMAGE_COPY(w, g->elems, g->n_elems, &fresh);
    FG_IMAGE_LINK(w, at, fg_program, elems, elems);
    for (uint32_t i = 0; fresh && i < g->n_elems; i++)
        FG_IMAGE_LINK(w, elems + i * sizeof *g->elems, fg_elem, what,
                      fg_image_str(w, g->elems[i].what));
    uint64_t first = FG_IMAGE_COPY(w, g->first, g->n_first, &fresh);
    FG_IMAGE_LINK(w, at, fg_program, first, first);
    for (uint32_t i = 0; fresh && i < g->n_first; i++)
        fg_image_link(w, first + i * sizeof *g->first,
                      fg_test_save(g->first[i], w), 0);
    first = FG_IMAGE_COPY(w, g->first_annots, g->n_first_annots, &fresh);
    FG_IMAGE_LINK(w, at, fg_program, first_annots, first);
    for (uint32_t i = 0; fresh && i < g->n_first_annots; i++)
        fg_image_link(w, first + i * sizeof *g->first_annots,
                      annot_test_save(g->first_annots[i], w), 0);
    return at;
}

uint64_t fg_pack_save(const fg_pack *p, fg_image_writer *w)
{
    /* The copy as it will be: in the image, without the loading state. */
    fg_pack copy = *p;
    copy.in_image = 1;
    memset(&copy.macro_memo, 0, sizeof copy.macro_memo);
    memset(&copy.sub_index, 0, sizeof copy.sub_index);
    copy.n_macro_cnf = copy.cap_macro_cnf = 0;
    uint64_t h = fg_image_add(w, p, &copy, sizeof copy, alignof(fg_pack),
                              FG_IMAGE_READ, NULL);
    if (h == 0)
        return 0;
    FG_IMAGE_LINK(w, h, fg_pack, macro_cnf, 0);
    FG_IMAGE_LINK(w, h, fg_pack, emitter, 0);
    fg_rule_store_save(&p->store, w, FG_IMAGE_FIELD(h, fg_pack, store));
    fg_strmap_save(&p->ids, w, FG_IMAGE_FIELD(h, fg_pack, ids));
    int fresh;
    uint64_t rules = FG_IMAGE_COPY(w, p->rules, p->n_rules, &fresh);
    FG_IMAGE_LINK(w, h, fg_pack, rules, rules);
    for (size_t i = 0; fresh && i < p->n_rules; i++) {
        const fg_rule *r = &p->rules[i];
        uint64_t rh = rules + i * sizeof *r;
        size_t n_keys = r->n_clauses ? r->clause_end[r->n_clauses - 1] : 0;
        fg_rule_def_save(&r->def, w, FG_IMAGE_FIELD(rh, fg_rule, def));
        program_save(&r->prog, w, FG_IMAGE_FIELD(rh, fg_rule, prog));
        FG_IMAGE_LINK(w, rh, fg_rule, keys,
                      FG_IMAGE_COPY(w, r->keys, n_keys, NULL));
        FG_IMAGE_LINK(w, rh, fg_rule, clause_end,
                      FG_IMAGE_COPY(w, r->clause_end, r->n_clauses, NULL));
        FG_IMAGE_LINK(w, rh, fg_rule, clause_cost,
                      FG_IMAGE_COPY(w, r->clause_cost, r->n_clauses, NULL));
    }
    for (int ph = 0; ph < FG_PHASES; ph++) {
        uint64_t at = FG_IMAGE_FIELD(h, fg_pack, index) + ph * sizeof(void *);
        fg_image_link(w, at,
                      FG_IMAGE_COPY(w, p->index[ph], p->n_index[ph], NULL), 0);
        at = FG_IMAGE_FIELD(h, fg_pack, table) + ph * sizeof(void *);
        fg_image_link(
            w, at, FG_IMAGE_COPY(w, p->table[ph], p->cap_table[ph], NULL), 0);
        at = FG_IMAGE_FIELD(h, fg_pack, filter) + ph * sizeof(void *);
        fg_image_link(w, at,
                      FG_IMAGE_COPY(w, p->filter[ph],
                                    (size_t)1 << (FILTER_BITS - 6), NULL),
                      0);
        at = FG_IMAGE_FIELD(h, fg_pack, always) + ph * sizeof(void *);
        fg_image_link(
            w, at, FG_IMAGE_COPY(w, p->always[ph], p->n_always[ph], NULL), 0);
    }
    uint64_t subs = FG_IMAGE_COPY(w, p->subs, p->n_subs, &fresh);
    FG_IMAGE_LINK(w, h, fg_pack, subs, subs);
    for (size_t i = 0; fresh && i < p->n_subs; i++)
        fg_image_link(w,
                      subs + i * sizeof *p->subs + offsetof(struct sub, prog),
                      sub_save(p->subs[i].prog, w), 0);
    return h;
}

fg_pack *fg_pack_mapped(void *p, size_t avail)
{
    fg_pack *pack = p;
    return avail >= sizeof *pack && pack->in_image ? pack : NULL;
}
