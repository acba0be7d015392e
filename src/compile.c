/* compile: see compile.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "alloc.h"
#include "compile.h"
#include "diag.h"
#include "strmap.h"

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
};

uint64_t fg_key(char kind, const char *s, size_t len)
{
    uint64_t h = XXH3_64bits_withSeed(s, len, (uint64_t)(unsigned char)kind);
    return h ? h : 1; /* 0 marks a free slot of a key set */
}

/* ------------------------------------------------------------------ */
/* Emitting a program                                                  */

typedef struct emitter {
    fg_program *prog;
    size_t cap_code, cap_roles, cap_pair_elems, cap_elems;
    fg_strmap elem_ids; /* node address -> element index + 1 */
    int too_big;
    int nomem;
} emitter;

static uint32_t emit_inst(emitter *e, fg_op op, uint8_t arg, uint32_t x,
                          uint32_t y, uint32_t elem, const void *p)
{
    fg_program *g = e->prog;
    if (g->n >= FG_MAX_PROGRAM) {
        e->too_big = 1;
        return 0;
    }
    if (fg_grow((void **)&g->code, &e->cap_code, g->n + 1, sizeof *g->code) < 0) {
        e->nomem = 1;
        return 0;
    }
    g->code[g->n] = (fg_inst){(uint8_t)op, arg, x, y, elem, p};
    return g->n++;
}

/* A new slot pair for a capture (role >= 0) or an element (role -1). */
static uint32_t new_pair(emitter *e, int role, uint32_t elem)
{
    fg_program *g = e->prog;
    uint32_t pair = g->n_slots / 2;
    if (fg_grow((void **)&g->slot_role, &e->cap_roles, pair + 1,
                sizeof *g->slot_role) < 0 ||
        fg_grow((void **)&g->slot_elem, &e->cap_pair_elems, pair + 1,
                sizeof *g->slot_elem) < 0) {
        e->nomem = 1;
        return 0;
    }
    g->slot_role[pair] = role;
    g->slot_elem[pair] = elem;
    g->n_slots += 2;
    return pair * 2;
}

static uint32_t elem_id(emitter *e, const fg_node *n)
{
    uint32_t id;
    if (fg_strmap_find(&e->elem_ids, (const char *)&n, sizeof n, &id))
        return id - 1;
    fg_program *g = e->prog;
    if (fg_grow((void **)&g->elems, &e->cap_elems, g->n_elems + 1,
                sizeof *g->elems) < 0 ||
        fg_strmap_put(&e->elem_ids, (const char *)&n, sizeof n,
                      g->n_elems + 1, 0) < 0) {
        e->nomem = 1;
        return 0;
    }
    g->elems[g->n_elems] = (fg_elem){n->what, n->line};
    return g->n_elems++;
}

static void emit_list(emitter *e, const fg_node *first);

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
        uint32_t slot = new_pair(e, -1, id);
        emit_inst(e, FG_OP_SAVE, 1, slot, 0, id, NULL);
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
        emit_inst(e, FG_OP_SAVE, 1, slot + 1, 0, id, NULL);
        return;
    }
    case FG_NODE_SEQ:
        emit_list(e, n->child);
        return;
    case FG_NODE_USE:
        emit(e, n->child);
        return;
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
        uint32_t jumps_from = g->n;
        for (const fg_node *c = n->child; c; c = c->next) {
            if (c->next == NULL) {
                emit(e, c);
                break;
            }
            uint32_t split = emit_inst(e, FG_OP_SPLIT, 0, g->n + 1, 0, id, NULL);
            emit(e, c);
            emit_inst(e, FG_OP_JMP, 0, 0, 0, id, NULL);
            if (e->too_big || e->nomem)
                return;
            g->code[split].y = g->n;
        }
        if (e->too_big || e->nomem)
            return;
        /* Every alternative's JMP (still at 0) goes to the end. */
        for (uint32_t pc = jumps_from; pc < g->n; pc++)
            if (g->code[pc].op == FG_OP_JMP && g->code[pc].elem == id &&
                g->code[pc].x == 0)
                g->code[pc].x = g->n;
        return;
    }
    case FG_NODE_REPEAT: {
        for (uint32_t i = 0; i < n->min; i++)
            emit_list(e, n->child);
        uint32_t first = g->n;
        for (uint32_t i = n->min; i < n->max; i++) {
            emit_inst(e, FG_OP_SPLIT, 0, g->n + 1, 0, id, NULL);
            emit_list(e, n->child);
        }
        if (e->too_big || e->nomem)
            return;
        /* Greedy and nested: a skipped copy skips all the later ones. */
        for (uint32_t pc = first; pc < g->n; pc++)
            if (g->code[pc].op == FG_OP_SPLIT && g->code[pc].elem == id &&
                g->code[pc].y == 0)
                g->code[pc].y = g->n;
        return;
    }
    case FG_NODE_START:
    case FG_NODE_END:
        emit_inst(e, FG_OP_ASSERT, 0, 0, 0, id, NULL);
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

/* Gives back what the arrays of a finished program grew beyond its size:
 * a pack keeps thousands of programs. */
static void program_shrink(fg_program *g)
{
    void *p;
    if (g->n && (p = fg_realloc(g->code, g->n * sizeof *g->code)) != NULL)
        g->code = p;
    size_t pairs = g->n_slots / 2;
    if (pairs && (p = fg_realloc(g->slot_role, pairs * sizeof *g->slot_role)))
        g->slot_role = p;
    if (pairs && (p = fg_realloc(g->slot_elem, pairs * sizeof *g->slot_elem)))
        g->slot_elem = p;
    if (g->n_elems && (p = fg_realloc(g->elems, g->n_elems * sizeof *g->elems)))
        g->elems = p;
}

static void program_clear(fg_program *g)
{
    fg_free(g->code);
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

/* ------------------------------------------------------------------ */
/* Requirements                                                        */

/* A conjunction of clauses under construction. */
typedef struct cnf {
    uint64_t *keys;
    size_t n_keys, cap_keys;
    uint32_t *ends;
    uint32_t *costs; /* how unselective each clause is */
    size_t n, cap, cap_costs;
} cnf;

/* How many sentences a key of each kind lets through, roughly: a lemma
 * or form is selective, three first letters less so, an annotation type
 * ("Person") hardly. A clause costs the sum of its keys'. */
static uint32_t key_cost(char kind)
{
    return kind == 'a' ? 16 : kind == 'p' ? 4 : 1;
}

static int cnf_add_clause(cnf *c, const uint64_t *keys, size_t n,
                          uint32_t cost)
{
    if (n == 0)
        return 0;
    if (fg_grow((void **)&c->keys, &c->cap_keys, c->n_keys + n,
                sizeof *c->keys) < 0 ||
        fg_grow((void **)&c->ends, &c->cap, c->n + 1, sizeof *c->ends) < 0 ||
        fg_grow((void **)&c->costs, &c->cap_costs, c->n + 1,
                sizeof *c->costs) < 0)
        return FG_ENOMEM;
    memcpy(c->keys + c->n_keys, keys, n * sizeof *keys);
    c->n_keys += n;
    c->costs[c->n] = cost;
    c->ends[c->n++] = (uint32_t)c->n_keys;
    return 0;
}

static void cnf_clear(cnf *c)
{
    fg_free(c->keys);
    fg_free(c->ends);
    fg_free(c->costs);
    memset(c, 0, sizeof *c);
}

/* The literal ASCII letters a regex must begin with (after an optional
 * "(?i)"), case-folded, when there are at least FG_KEY_PREFIX_LEN of
 * them and none is made optional by a quantifier. */
static int regex_prefix(const char *re, char out[FG_KEY_PREFIX_LEN])
{
    /* An alternative anywhere may not begin with those letters. */
    if (strchr(re, '|'))
        return 0;
    if (strncmp(re, "(?i)", 4) == 0)
        re += 4;
    if (re[0] == '^')
        re++;
    for (int i = 0; i < FG_KEY_PREFIX_LEN; i++) {
        char c = re[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
        out[i] = (char)(c | 0x20);
    }
    char q = re[FG_KEY_PREFIX_LEN];
    /* "abc?" makes the c optional. */
    return !(q == '?' || q == '*' || q == '{');
}

/* Words in nearly every sentence of German news: articles, pronouns,
 * prepositions, conjunctions, auxiliary and modal verbs (as forms and
 * lemmas). A key among them lets almost every sentence through, so a
 * clause of such keys costs as much as an annotation type's, and a
 * rule is filed under a more selective one where it has one. */
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
    "wollte", "dürfen", "darf", NULL};

static int common_word(const char *s, size_t len)
{
    for (const char *const *w = COMMON_WORDS; *w; w++)
        if (strlen(*w) == len && memcmp(*w, s, len) == 0)
            return 1;
    return 0;
}

/* The keys of one leaf test, as a clause; 0 keys when it gives none. */
static int leaf_keys(const fg_test *t, uint64_t **keys, size_t *n,
                     size_t *cap, uint32_t *cost)
{
    char kind;
    switch (t->field) {
    case FG_FIELD_LEMMA:
    case FG_FIELD_FORM:
    case FG_FIELD_IFORM: kind = 'w'; break;
    case FG_FIELD_REGEX: {
        char p[FG_KEY_PREFIX_LEN];
        if (!regex_prefix(t->source, p))
            return 0;
        if (fg_grow((void **)keys, cap, *n + 1, sizeof **keys) < 0)
            return FG_ENOMEM;
        (*keys)[(*n)++] = fg_key('p', p, sizeof p);
        *cost += key_cost('p');
        return 0;
    }
    default: return 0;
    }
    if (fg_grow((void **)keys, cap, *n + t->n_values, sizeof **keys) < 0)
        return FG_ENOMEM;
    size_t before = *n;
    for (uint32_t i = 0; i < t->n_values; i++) {
        if (t->field == FG_FIELD_FORM) {
            /* Forms are matched exactly but keyed by their folded form;
             * the compiler has no folding scratch, so ASCII only. */
            char buf[256];
            size_t len = t->value_lens[i];
            int ascii = len < sizeof buf;
            for (size_t k = 0; ascii && k < len; k++) {
                unsigned char c = (unsigned char)t->values[i][k];
                ascii = c < 0x80;
                buf[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            }
            if (!ascii) { /* one value without a key: no clause */
                *n = before;
                return 0;
            }
            (*keys)[(*n)++] = fg_key(kind, buf, len);
        } else {
            (*keys)[(*n)++] = fg_key(kind, t->values[i], t->value_lens[i]);
        }
        *cost += common_word(t->values[i], t->value_lens[i])
                     ? key_cost('a')
                     : key_cost(kind);
    }
    return 0;
}

/* The clauses a token test implies, added to c. */
static int test_cnf(const fg_test *t, cnf *c);

/* One clause that holds when t holds (for the branches of any-of). */
static int test_clause(const fg_test *t, uint64_t **keys, size_t *n,
                       size_t *cap, uint32_t *cost)
{
    if (t->kind == FG_TEST_LEAF) {
        size_t before = *n;
        int rc = leaf_keys(t, keys, n, cap, cost);
        return rc < 0 ? rc : *n > before;
    }
    if (t->kind == FG_TEST_ALL) {
        for (const fg_test *k = t->child; k; k = k->next) {
            size_t before = *n;
            uint32_t cost_before = *cost;
            int rc = test_clause(k, keys, n, cap, cost);
            if (rc < 0)
                return rc;
            if (rc > 0)
                return 1;
            *n = before;
            *cost = cost_before;
        }
        return 0;
    }
    if (t->kind == FG_TEST_ANY) {
        for (const fg_test *k = t->child; k; k = k->next) {
            int rc = test_clause(k, keys, n, cap, cost);
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
    uint64_t *keys = NULL;
    size_t n = 0, cap = 0;
    uint32_t cost = 0;
    int rc = test_clause(t, &keys, &n, &cap, &cost);
    if (rc > 0)
        rc = cnf_add_clause(c, keys, n, cost);
    fg_free(keys);
    return rc < 0 ? rc : 0;
}

static int node_cnf(const fg_node *n, cnf *c);

static int list_cnf(const fg_node *first, cnf *c)
{
    for (const fg_node *n = first; n; n = n->next) {
        int rc = node_cnf(n, c);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int node_cnf(const fg_node *n, cnf *c)
{
    switch (n->kind) {
    case FG_NODE_TOKEN:
        return test_cnf(n->test, c);
    case FG_NODE_ANNOT: {
        uint64_t keys[64];
        if (n->n_types > 64)
            return 0;
        for (uint32_t i = 0; i < n->n_types; i++)
            keys[i] = fg_key('a', n->types[i], strlen(n->types[i]));
        return cnf_add_clause(c, keys, n->n_types,
                              n->n_types * key_cost('a'));
    }
    case FG_NODE_SEQ:
    case FG_NODE_CAPTURE:
        return list_cnf(n->child, c);
    case FG_NODE_USE:
        return node_cnf(n->child, c);
    case FG_NODE_REPEAT:
        return n->min ? list_cnf(n->child, c) : 0;
    case FG_NODE_ALT: {
        /* One clause: the union of one clause of every alternative. */
        uint64_t *keys = NULL;
        size_t nk = 0, cap = 0;
        uint32_t cost = 0;
        int rc = 0, all = 1;
        for (const fg_node *a = n->child; a && all && rc == 0; a = a->next) {
            cnf sub = {0};
            rc = node_cnf(a, &sub);
            if (rc == 0 && sub.n == 0)
                all = 0;
            else if (rc == 0) {
                /* The alternative's most selective clause. */
                size_t best = 0;
                for (size_t k = 1; k < sub.n; k++)
                    if (sub.costs[k] < sub.costs[best])
                        best = k;
                uint32_t from = best ? sub.ends[best - 1] : 0;
                uint32_t len = sub.ends[best] - from;
                if (fg_grow((void **)&keys, &cap, nk + len, sizeof *keys) < 0)
                    rc = FG_ENOMEM;
                else {
                    memcpy(keys + nk, sub.keys + from, len * sizeof *keys);
                    nk += len;
                    cost += sub.costs[best];
                }
            }
            cnf_clear(&sub);
        }
        if (rc == 0 && all)
            rc = cnf_add_clause(c, keys, nk, cost);
        fg_free(keys);
        return rc;
    }
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

    emitter e = {0};
    e.prog = &r->prog;
    fg_strmap_init(&e.elem_ids);
    emit_list(&e, def->pattern);
    emit_inst(&e, FG_OP_MATCH, 0, 0, 0, 0, NULL);
    fg_strmap_clear(&e.elem_ids);
    int rc = 0;
    if (e.nomem)
        rc = FG_ENOMEM;
    else if (e.too_big)
        rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, def->file, def->line, 0,
                         FG_NO_OFFSET,
                         "rule %s: the compiled pattern has more than %d "
                         "instructions (smaller repeat or skip bounds?)",
                         def->id, FG_MAX_PROGRAM) < 0
                 ? FG_ENOMEM
                 : FG_EDATA;
    if (rc == 0) {
        program_shrink(&r->prog);
        rc = keep_annot_tests(&r->prog, &p->store.arena);
    }
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
            g->code[pc].x = map[g->code[pc].x / 2] * 2 + g->code[pc].x % 2;
    memcpy(g->slot_role, roles, pairs * sizeof *roles);
    memcpy(g->slot_elem, elems, pairs * sizeof *elems);
    fg_free(map);
    fg_free(roles);
    fg_free(elems);

    cnf c = {0};
    rc = list_cnf(def->pattern, &c);
    if (rc == 0 && c.n) {
        r->keys = fg_malloc(c.n_keys * sizeof *r->keys);
        r->clause_end = fg_malloc(c.n * sizeof *r->clause_end);
        r->clause_cost = fg_malloc(c.n * sizeof *r->clause_cost);
        if (r->keys == NULL || r->clause_end == NULL || r->clause_cost == NULL)
            rc = FG_ENOMEM;
        else {
            memcpy(r->keys, c.keys, c.n_keys * sizeof *r->keys);
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
    int rc = fg_rules_load(src, &p->store, add_rule, p, diags);
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
    for (size_t i = 0; i < p->n_rules; i++) {
        program_clear(&p->rules[i].prog);
        fg_free(p->rules[i].keys);
        fg_free(p->rules[i].clause_end);
        fg_free(p->rules[i].clause_cost);
    }
    fg_free(p->rules);
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
