/* vm: see vm.h. */
#include "config.h"

#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "alloc.h"
#include "vm.h"

/* Captures shared by threads, copied when a thread writes a slot. */
typedef struct caps {
    uint32_t ref;
    struct caps *next_free;
    uint32_t slot[];
} caps;

/* A state is a program counter, and inside a called macro (the
 * FG_OP_CALL at pc) the counter in the macro's program, sub; sub is NONE
 * elsewhere. The states of a call are numbered after the program's own
 * (state_of), so that a sparse set holds them all, as it would if the
 * macro were inlined: matching is the same either way. */
#define NONE UINT32_MAX

typedef struct thread {
    uint32_t pc, sub;
    uint32_t start;
    caps *c; /* NULL for states that consume nothing */
} thread;

/* A sparse set of threads over program counters (re1's lists). */
typedef struct tlist {
    thread *dense;
    uint32_t *sparse;
    uint32_t n;
} tlist;

/* A thread waiting for a later position (after an annotation). */
typedef struct waiting {
    thread t;
    uint32_t next;
} waiting;

/* Slots of the regex memo (a power of two). */
#define REGEX_MEMO 4096
#define TEST_MEMO 4096

struct fg_vm {
    /* Sized for the largest program and sentence seen so far. */
    uint32_t cap_prog, cap_pos;
    tlist lists[2];
    struct {
        uint32_t pc, sub;
        caps *c;
    } *stack;
    size_t cap_stack;
    waiting *wait;
    size_t n_wait, cap_wait;
    uint32_t *wait_head, *wait_tail; /* per position; NONE between runs */
    uint32_t pending;                /* threads waiting */
    unsigned char *clause_tail, *sentence_tail;
    uint64_t tails_of; /* the serial of the sentence the tails are of */
    int tails_ready;
    /* Captures: n_slots are in use, cap_slots fit in each. */
    uint32_t n_slots, cap_slots;
    caps *free_caps;
    caps **all_caps;
    size_t n_all_caps, cap_all_caps;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    /* Regex results of the current sentence: many rules test the same
     * regex on the same token, and a run costs a few hundred
     * instructions. A slot is valid when its serial is the sentence's. */
    struct regex_memo {
        const void *re;
        uint64_t serial;
        uint32_t token;
        int result;
    } memo[REGEX_MEMO];
    struct test_memo {
        const fg_test *test;
        uint64_t serial;
        uint32_t token;
        int result;
    } tests[TEST_MEMO];
    int nomem;
};

int fg_vm_new(fg_vm **out)
{
    fg_vm *vm = fg_calloc(1, sizeof *vm);
    *out = vm;
    if (vm == NULL)
        return FG_ENOMEM;
    vm->md = pcre2_match_data_create(1, NULL);
    vm->mctx = pcre2_match_context_create(NULL);
    if (vm->md == NULL || vm->mctx == NULL) {
        fg_vm_free(vm);
        *out = NULL;
        return FG_ENOMEM;
    }
    pcre2_set_match_limit(vm->mctx, FG_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(vm->mctx, FG_REGEX_DEPTH_LIMIT);
    return 0;
}

static void free_caps_pool(fg_vm *vm)
{
    for (size_t i = 0; i < vm->n_all_caps; i++)
        fg_free(vm->all_caps[i]);
    fg_free(vm->all_caps);
    vm->all_caps = NULL;
    vm->n_all_caps = vm->cap_all_caps = 0;
    vm->free_caps = NULL;
}

void fg_vm_free(fg_vm *vm)
{
    if (vm == NULL)
        return;
    for (int i = 0; i < 2; i++) {
        fg_free(vm->lists[i].dense);
        fg_free(vm->lists[i].sparse);
    }
    fg_free(vm->stack);
    fg_free(vm->wait);
    fg_free(vm->wait_head);
    fg_free(vm->wait_tail);
    fg_free(vm->clause_tail);
    fg_free(vm->sentence_tail);
    free_caps_pool(vm);
    if (vm->md)
        pcre2_match_data_free(vm->md);
    if (vm->mctx)
        pcre2_match_context_free(vm->mctx);
    fg_free(vm);
}

/* ------------------------------------------------------------------ */
/* Token tests                                                         */

static int in_list(const fg_test *t, const char *s, size_t len)
{
    if (t->slots) {
        for (uint32_t k = (uint32_t)XXH3_64bits(s, len);; k++) {
            uint32_t i = t->slots[k & t->mask];
            if (i == 0)
                return 0;
            if (t->value_lens[i - 1] == len &&
                memcmp(t->values[i - 1], s, len) == 0)
                return 1;
        }
    }
    for (uint32_t i = 0; i < t->n_values; i++)
        if (t->value_lens[i] == len && memcmp(t->values[i], s, len) == 0)
            return 1;
    return 0;
}

/* Whether token j is inside an annotation of one of t's types. */
static int in_annot(const fg_test *t, const fg_vm_input *in, uint32_t j)
{
    uint32_t doc_j = in->base + j;
    for (uint32_t a = 0; a < in->starts[j + 1]; a++)
        if (in->annots[a].end > doc_j &&
            in_list(t, in->annots[a].type, strlen(in->annots[a].type)))
            return 1;
    return 0;
}

/* Whether regex re matches token j, remembered for the sentence. */
static int regex_test(fg_vm *vm, fg_regex *re, const fg_vm_input *in,
                      uint32_t j)
{
    uint64_t h = ((uint64_t)(uintptr_t)re >> 4) * 0x9E3779B97F4A7C15ull ^ j;
    struct regex_memo *m = &vm->memo[(h ^ (h >> 29)) & (REGEX_MEMO - 1)];
    if (m->serial == in->serial && m->re == re && m->token == j)
        return m->result;
    const fg_token *tok = &in->tokens[j];
    const pcre2_code *code = fg_regex_code(re);
    if (code == NULL) {
        vm->nomem = 1;
        return 0;
    }
    /* A limit reached counts as no match (a negative result). */
    int r = pcre2_match(code, (PCRE2_SPTR)(in->text + tok->start),
                        tok->end - tok->start, 0, 0, vm->md, vm->mctx) >= 0;
    *m = (struct regex_memo){re, in->serial, j, r};
    return r;
}

static int test_uncached(fg_vm *vm, const fg_test *t, const fg_vm_input *in,
                         uint32_t j);

/* Whether test t holds on token j, remembered for the input when it
 * costs more than the lookup: the rules share their macros' tests, and
 * the programs test the first tokens of a match at every position. */
int fg_vm_test(fg_vm *vm, const fg_test *t, const fg_vm_input *in,
               uint32_t j)
{
    if (t->kind == FG_TEST_LEAF &&
        (t->field == FG_FIELD_FLAGS || t->field == FG_FIELD_TAGS ||
         t->field == FG_FIELD_REGEX))
        return test_uncached(vm, t, in, j);
    uint64_t h = ((uint64_t)(uintptr_t)t >> 4) * 0x9E3779B97F4A7C15ull ^ j;
    struct test_memo *m = &vm->tests[(h ^ (h >> 29)) & (TEST_MEMO - 1)];
    if (m->serial == in->serial && m->test == t && m->token == j)
        return m->result;
    int r = test_uncached(vm, t, in, j);
    *m = (struct test_memo){t, in->serial, j, r};
    return r;
}

static int test_uncached(fg_vm *vm, const fg_test *t, const fg_vm_input *in,
                         uint32_t j)
{
    const fg_token *tok = &in->tokens[j];
    const fg_morph *m = &in->morph[j];
    const char *text = in->text;
    const fg_test *c;
    switch (t->kind) {
    case FG_TEST_ALL:
        for (c = t->child; c; c = c->next)
            if (!test_uncached(vm, c, in, j))
                return 0;
        return 1;
    case FG_TEST_NOT:
        for (c = t->child; c; c = c->next)
            if (!test_uncached(vm, c, in, j))
                return 1;
        return 0;
    case FG_TEST_ANY:
        for (c = t->child; c; c = c->next)
            if (test_uncached(vm, c, in, j))
                return 1;
        return 0;
    case FG_TEST_LEAF:
        break;
    }
    switch (t->field) {
    case FG_FIELD_FORM:
        return in_list(t, text + tok->start, tok->end - tok->start);
    case FG_FIELD_IFORM:
        return in_list(t, tok->norm, tok->norm_len);
    case FG_FIELD_LEMMA:
        return in_list(t, m->lemma, m->lemma_len);
    case FG_FIELD_STEM:
        return in_list(t, m->stem, m->stem_len);
    case FG_FIELD_HEAD:
        /* "NATO-Generalsekretär": head "sekretär", part "generalsekretär" */
        return in_list(t, m->head, m->head_len) ||
               (m->part && in_list(t, m->part, m->part_len));
    case FG_FIELD_SHAPE:
        return in_list(t, tok->shape, strlen(tok->shape));
    case FG_FIELD_FLAGS:
        return (tok->flags & t->flags) == t->flags;
    case FG_FIELD_TAGS:
        return (m->tags & t->flags) == t->flags;
    case FG_FIELD_ANNOT:
        return in_annot(t, in, j);
    case FG_FIELD_REGEX:
        return regex_test(vm, t->re, in, j);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Captures                                                            */

static caps *caps_new(fg_vm *vm)
{
    caps *c = vm->free_caps;
    if (c) {
        vm->free_caps = c->next_free;
    } else {
        if (fg_grow((void **)&vm->all_caps, &vm->cap_all_caps,
                    vm->n_all_caps + 1, sizeof *vm->all_caps) < 0 ||
            (c = fg_malloc(sizeof *c + vm->cap_slots * sizeof c->slot[0])) ==
                NULL) {
            vm->nomem = 1;
            return NULL;
        }
        vm->all_caps[vm->n_all_caps++] = c;
    }
    c->ref = 1;
    return c;
}

static void caps_unref(fg_vm *vm, caps *c)
{
    if (c && --c->ref == 0) {
        c->next_free = vm->free_caps;
        vm->free_caps = c;
    }
}

static caps *caps_ref(caps *c)
{
    if (c)
        c->ref++;
    return c;
}

/* A copy of c with slot set to pos. */
static caps *caps_set(fg_vm *vm, caps *c, uint32_t slot, uint32_t pos)
{
    caps *d = caps_new(vm);
    if (d == NULL)
        return NULL;
    memcpy(d->slot, c->slot, vm->n_slots * sizeof d->slot[0]);
    d->slot[slot] = pos;
    return d;
}

/* ------------------------------------------------------------------ */
/* Scratch sizes                                                       */

static int reserve(fg_vm *vm, const fg_program *prog, uint32_t n_pos,
                   uint32_t n_slots)
{
    if (prog->n_states > vm->cap_prog) {
        for (int i = 0; i < 2; i++) {
            fg_free(vm->lists[i].dense);
            fg_free(vm->lists[i].sparse);
            vm->lists[i].dense = fg_malloc(prog->n_states * sizeof(thread));
            /* The sparse set never trusts what it reads here, but zeroed
             * memory keeps the reads defined (and valgrind quiet). */
            vm->lists[i].sparse = fg_calloc(prog->n_states, sizeof(uint32_t));
            if (vm->lists[i].dense == NULL || vm->lists[i].sparse == NULL) {
                vm->cap_prog = 0;
                return FG_ENOMEM;
            }
        }
        vm->cap_prog = prog->n_states;
    }
    if (n_pos + 1 > vm->cap_pos) {
        fg_free(vm->wait_head);
        fg_free(vm->wait_tail);
        fg_free(vm->clause_tail);
        fg_free(vm->sentence_tail);
        vm->wait_head = fg_malloc((n_pos + 1) * sizeof(uint32_t));
        vm->wait_tail = fg_malloc((n_pos + 1) * sizeof(uint32_t));
        vm->clause_tail = fg_malloc(n_pos + 1);
        vm->sentence_tail = fg_malloc(n_pos + 1);
        if (!vm->wait_head || !vm->wait_tail || !vm->clause_tail ||
            !vm->sentence_tail) {
            vm->cap_pos = 0;
            return FG_ENOMEM;
        }
        for (uint32_t j = 0; j <= n_pos; j++)
            vm->wait_head[j] = NONE;
        vm->tails_ready = 0;
        vm->cap_pos = n_pos + 1;
    }
    if (n_slots > vm->cap_slots) {
        /* Larger captures: start a new pool (all are free between
         * runs). */
        free_caps_pool(vm);
        vm->cap_slots = n_slots;
    }
    vm->n_slots = n_slots;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The run                                                             */

typedef struct run {
    fg_vm *vm;
    const fg_program *prog;
    const fg_vm_input *in;
    int explain;
    const fg_vm_trace *trace;
    /* The best match so far. */
    uint32_t best_start, best_end;
    caps *best;
} run;

static int assert_holds(const run *r, uint8_t kind, uint32_t j)
{
    const fg_token *t = r->in->tokens;
    uint32_t n = r->in->n;
    int boundary = j == 0 || j == n || t[j].clause != t[j - 1].clause;
    switch (kind) {
    case FG_ASSERT_SENTENCE_START: return j == 0;
    case FG_ASSERT_SENTENCE_END: return r->vm->sentence_tail[j];
    case FG_ASSERT_CLAUSE_START: return j == 0 || (j < n && boundary);
    case FG_ASSERT_CLAUSE_END: return r->vm->clause_tail[j];
    case FG_ASSERT_SAME_CLAUSE: return !boundary || j == 0 || j == n;
    }
    return 0;
}

/* Where a clause (or the sentence) ends as far as words go: at its end,
 * or where only punctuation is left in it. */
static void compute_tails(fg_vm *vm, const fg_vm_input *in)
{
    const fg_token *t = in->tokens;
    uint32_t n = in->n;
    vm->clause_tail[n] = vm->sentence_tail[n] = 1;
    for (uint32_t j = n; j-- > 0;) {
        int punct = (t[j].flags & FG_TOKEN_PUNCT) != 0;
        int last_of_clause = j + 1 == n || t[j + 1].clause != t[j].clause;
        vm->sentence_tail[j] = punct && vm->sentence_tail[j + 1];
        vm->clause_tail[j] =
            (j > 0 && t[j].clause != t[j - 1].clause) ||
            (punct && (last_of_clause || vm->clause_tail[j + 1]));
    }
}

static void found(run *r, uint32_t start, uint32_t end, caps *c)
{
    if (r->trace && r->trace->match)
        r->trace->match(r->trace->ctx, start, end);
    if (r->best == NULL || start < r->best_start ||
        (start == r->best_start && end > r->best_end)) {
        caps_unref(r->vm, r->best);
        r->best = caps_ref(c);
        r->best_start = start;
        r->best_end = end;
    }
}

/* The instruction of state (pc, sub) of program g. */
static const fg_inst *inst_at(const fg_program *g, uint32_t pc, uint32_t sub)
{
    if (sub == NONE)
        return &g->code[pc];
    return &((const fg_program *)g->code[pc].p)->code[sub];
}

/* The state's number in the sparse sets: a call's states come after the
 * program's, from its instruction's x on. */
static uint32_t state_of(const fg_program *g, uint32_t pc, uint32_t sub)
{
    return sub == NONE ? pc : g->n + g->code[pc].x + sub;
}

static int push(fg_vm *vm, size_t *sp, uint32_t pc, uint32_t sub, caps *c)
{
    if (fg_grow((void **)&vm->stack, &vm->cap_stack, *sp + 1,
                sizeof *vm->stack) < 0) {
        caps_unref(vm, c);
        vm->nomem = 1;
        return FG_ENOMEM;
    }
    vm->stack[*sp].pc = pc;
    vm->stack[*sp].sub = sub;
    vm->stack[*sp].c = c;
    (*sp)++;
    return 0;
}

/* Pushes the state at counter to of the program that state (pc, sub)
 * is in: the rule's, or the called macro's. */
static int push_to(fg_vm *vm, size_t *sp, uint32_t pc, uint32_t sub,
                   uint32_t to, caps *c)
{
    return sub == NONE ? push(vm, sp, to, NONE, c) : push(vm, sp, pc, to, c);
}

/* Adds the thread (pc, sub, start, c) to list l for position j and
 * follows everything that consumes nothing from there. Takes over one
 * reference to c. */
static void add_thread(run *r, tlist *l, uint32_t j, uint32_t pc,
                       uint32_t sub, uint32_t start, caps *c)
{
    fg_vm *vm = r->vm;
    const fg_program *g = r->prog;
    size_t sp = 0;
    if (push(vm, &sp, pc, sub, c) < 0)
        return;
    while (sp > 0) {
        sp--;
        pc = vm->stack[sp].pc;
        sub = vm->stack[sp].sub;
        c = vm->stack[sp].c;
        uint32_t state = state_of(g, pc, sub);
        uint32_t i = l->sparse[state];
        thread *t;
        if (i < l->n && l->dense[i].pc == pc && l->dense[i].sub == sub) {
            t = &l->dense[i];
            if (start >= t->start) { /* the one there dominates */
                caps_unref(vm, c);
                continue;
            }
            t->start = start; /* an earlier start takes the state over */
        } else {
            l->sparse[state] = l->n;
            t = &l->dense[l->n++];
            t->pc = pc;
            t->sub = sub;
            t->start = start;
            t->c = NULL;
        }
        const fg_inst *in = inst_at(g, pc, sub);
        uint32_t next = (sub == NONE ? pc : sub) + 1; /* its counter */
        switch (in->op) {
        case FG_OP_TOKEN:
        case FG_OP_ANNOT:
        case FG_OP_GAP:
            caps_unref(vm, t->c);
            t->c = c;
            if (r->trace && r->trace->reach)
                r->trace->reach(r->trace->ctx, pc, start, j);
            break;
        case FG_OP_MATCH:
            if (sub != NONE) { /* the called macro matched: go on after */
                push(vm, &sp, pc + 1, NONE, c);
                break;
            }
            found(r, start, j, c);
            caps_unref(vm, c);
            break;
        case FG_OP_CALL:
            push(vm, &sp, pc, 0, c);
            break;
        case FG_OP_JMP:
            push_to(vm, &sp, pc, sub, in->x, c);
            break;
        case FG_OP_SPLIT:
            if (push_to(vm, &sp, pc, sub, in->y, caps_ref(c)) == 0)
                push_to(vm, &sp, pc, sub, in->x, c);
            else
                caps_unref(vm, c);
            break;
        case FG_OP_SAVE:
            if (in->arg && !r->explain) {
                push_to(vm, &sp, pc, sub, next, c);
            } else {
                caps *d = caps_set(vm, c, in->x, j);
                caps_unref(vm, c);
                if (d)
                    push_to(vm, &sp, pc, sub, next, d);
            }
            break;
        case FG_OP_ASSERT:
            if (assert_holds(r, in->arg, j))
                push_to(vm, &sp, pc, sub, next, c);
            else
                caps_unref(vm, c);
            break;
        }
        if (vm->nomem)
            break;
    }
    /* After running out of memory, drop what is left on the stack. */
    while (sp > 0)
        caps_unref(vm, vm->stack[--sp].c);
}

static void wait_at(run *r, uint32_t pos, uint32_t pc, uint32_t sub,
                    uint32_t start, caps *c)
{
    fg_vm *vm = r->vm;
    if (fg_grow((void **)&vm->wait, &vm->cap_wait, vm->n_wait + 1,
                sizeof *vm->wait) < 0) {
        vm->nomem = 1;
        caps_unref(vm, c);
        return;
    }
    uint32_t w = (uint32_t)vm->n_wait++;
    vm->wait[w] = (waiting){{pc, sub, start, c}, NONE};
    if (vm->wait_head[pos] == NONE)
        vm->wait_head[pos] = w;
    else
        vm->wait[vm->wait_tail[pos]].next = w;
    vm->wait_tail[pos] = w;
    vm->pending++;
}

static int annot_type_ok(const fg_annot_test *t, const char *type)
{
    for (uint32_t i = 0; i < t->n_types; i++)
        if (strcmp(t->types[i], type) == 0)
            return 1;
    return 0;
}

/* Steps thread t at position j into next (position j + 1) or the
 * waiting queue. */
static void step(run *r, const thread *t, uint32_t j, tlist *next)
{
    fg_vm *vm = r->vm;
    const fg_vm_input *in = r->in;
    const fg_inst *ins = inst_at(r->prog, t->pc, t->sub);
    /* The state after this instruction. */
    uint32_t pc = t->sub == NONE ? t->pc + 1 : t->pc;
    uint32_t sub = t->sub == NONE ? NONE : t->sub + 1;
    int ok = 0;
    switch (ins->op) {
    case FG_OP_TOKEN:
        ok = ins->p == NULL || fg_vm_test(vm, ins->p, in, j);
        if (ok)
            add_thread(r, next, j + 1, pc, sub, t->start, caps_ref(t->c));
        break;
    case FG_OP_GAP:
        ok = ins->arg == FG_WITHIN_SENTENCE || j == 0 ||
             in->tokens[j].clause == in->tokens[j - 1].clause;
        if (ok)
            add_thread(r, next, j + 1, pc, sub, t->start, caps_ref(t->c));
        break;
    case FG_OP_ANNOT: {
        const fg_annot_test *at = ins->p;
        if (at->first && !fg_vm_test(vm, at->first, in, j))
            break;
        for (uint32_t a = in->starts[j]; a < in->starts[j + 1]; a++) {
            const fg_annot *an = &in->annots[a];
            uint32_t end = an->end - in->base;
            if (!annot_type_ok(ins->p, an->type) || end <= j || end > in->n)
                continue;
            ok = 1;
            if (end == j + 1)
                add_thread(r, next, j + 1, pc, sub, t->start, caps_ref(t->c));
            else
                wait_at(r, end, pc, sub, t->start, caps_ref(t->c));
        }
        break;
    }
    }
    if (!ok && r->trace && r->trace->die)
        r->trace->die(r->trace->ctx, t->pc, t->start, j);
}

static void clear_list(fg_vm *vm, tlist *l)
{
    for (uint32_t i = 0; i < l->n; i++) {
        caps_unref(vm, l->dense[i].c);
        l->dense[i].c = NULL;
    }
    l->n = 0;
}

/* Moves the threads waiting for position j into l. */
static void release_waiting(run *r, tlist *l, uint32_t j)
{
    fg_vm *vm = r->vm;
    for (uint32_t w = vm->wait_head[j]; w != NONE; w = vm->wait[w].next) {
        thread t = vm->wait[w].t;
        vm->pending--;
        add_thread(r, l, j, t.pc, t.sub, t.start, t.c);
    }
    vm->wait_head[j] = NONE;
}

/* Whether a match can begin at token j: the program's first tests, when
 * it has them, are cheaper than a thread that dies there. */
static int may_begin(run *r, uint32_t j)
{
    const fg_program *g = r->prog;
    const fg_vm_input *in = r->in;
    if (g->n_first == 0 && g->n_first_annots == 0)
        return 1;
    for (uint32_t i = 0; i < g->n_first; i++)
        if (fg_vm_test(r->vm, g->first[i], in, j))
            return 1;
    for (uint32_t a = in->starts[j]; a < in->starts[j + 1]; a++)
        for (uint32_t i = 0; i < g->n_first_annots; i++)
            if (annot_type_ok(g->first_annots[i], in->annots[a].type))
                return 1;
    return 0;
}

/* Searches from position from; leaves the best match in r->best. */
static void search(run *r, uint32_t from)
{
    fg_vm *vm = r->vm;
    uint32_t n = r->in->n;
    tlist *cur = &vm->lists[0], *next = &vm->lists[1];
    for (uint32_t j = from; j <= n && !vm->nomem; j++) {
        release_waiting(r, cur, j);
        /* Traced runs start everywhere, so that explain sees each
         * position's first element fail. */
        if (r->best == NULL && j < n && (r->trace || may_begin(r, j))) {
            caps *c = caps_new(vm);
            if (c == NULL)
                break;
            for (uint32_t s = 0; s < vm->n_slots; s++)
                c->slot[s] = FG_VM_UNSET;
            add_thread(r, cur, j, 0, NONE, j, c);
        }
        if (j == n || (cur->n == 0 && vm->pending == 0 &&
                       (r->best != NULL)))
            break;
        for (uint32_t i = 0; i < cur->n && !vm->nomem; i++) {
            const thread *t = &cur->dense[i];
            if (t->c == NULL) /* a state that consumes nothing */
                continue;
            if (r->best && t->start > r->best_start)
                continue;
            step(r, t, j, next);
        }
        clear_list(vm, cur);
        tlist *tmp = cur;
        cur = next;
        next = tmp;
    }
    clear_list(vm, cur);
    clear_list(vm, next);
    /* Threads still waiting lost to the match found. */
    for (uint32_t j = from; j <= n && vm->pending; j++)
        for (uint32_t w = vm->wait_head[j]; w != NONE; w = vm->wait[w].next) {
            caps_unref(vm, vm->wait[w].t.c);
            vm->pending--;
        }
    if (vm->n_wait)
        for (uint32_t j = from; j <= n; j++)
            vm->wait_head[j] = NONE;
    vm->n_wait = 0;
    vm->pending = 0;
}

int fg_vm_run(fg_vm *vm, const fg_program *prog, const fg_vm_input *in,
              int explain, const fg_vm_trace *trace, fg_vm_match_fn fn,
              void *ctx)
{
    uint32_t n_slots = explain ? prog->n_slots : prog->n_role_slots;
    vm->nomem = 0;
    if (reserve(vm, prog, in->n, n_slots) < 0)
        return FG_ENOMEM;
    vm->n_wait = 0;
    vm->pending = 0;
    if (!vm->tails_ready || vm->tails_of != in->serial) {
        compute_tails(vm, in); /* once per sentence, not per rule */
        vm->tails_of = in->serial;
        vm->tails_ready = 1;
    }
    run r = {vm, prog, in, explain, trace, 0, 0, NULL};
    uint32_t from = 0;
    int rc = 0;
    while (from < in->n) {
        search(&r, from);
        if (vm->nomem) {
            rc = FG_ENOMEM;
            break;
        }
        if (r.best == NULL)
            break;
        rc = fn(ctx, r.best_start, r.best_end, r.best->slot);
        caps_unref(vm, r.best);
        r.best = NULL;
        if (rc != 0)
            break;
        from = r.best_end;
    }
    caps_unref(vm, r.best);
    return rc;
}
