/* rules: see rules.h. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "image.h"
#include "input.h"
#include "rules.h"
#include "strmap.h"
#include "text.h"
#include "xmlread.h"

#define RULES_NS "https://w3id.org/factgraph/rules/1"
#define SCRATCH_BLOCK (64 * 1024)
#define MAX_DIR_DEPTH 64

static const char *const CAPTURE_NAMES[FG_CAPTURE_ROLES] = {
    "agent",    "participant", "theme", "target", "recipient",
    "location", "time",        "topic", "cause",  "ledBy",
    "trigger",  "name",        "count", "from",   "office",
    "affiliation", "former"};

const char *fg_capture_role_name(int role)
{
    return role >= 0 && role < FG_CAPTURE_ROLES ? CAPTURE_NAMES[role] : "?";
}

int fg_capture_role_find(const char *name)
{
    for (int i = 0; i < FG_CAPTURE_ROLES; i++)
        if (strcmp(name, CAPTURE_NAMES[i]) == 0)
            return i;
    return -1;
}

const char *fg_phase_name(fg_phase p)
{
    return p == FG_PHASE_ENTITIES ? "entities" : "events";
}

void fg_rule_store_init(fg_rule_store *s)
{
    memset(s, 0, sizeof *s);
    fg_arena_init(&s->arena, SCRATCH_BLOCK);
    fg_strmap_init(&s->regex_index);
}

void fg_rule_store_free_codes(fg_rule_store *s)
{
    for (size_t i = 0; i < s->n_regexes; i++)
        pcre2_code_free(atomic_exchange(&s->regexes[i]->code, NULL));
}

void fg_rule_store_clear(fg_rule_store *s)
{
    fg_rule_store_free_codes(s);
    fg_free(s->regexes);
    fg_strmap_clear(&s->regex_index);
    fg_arena_clear(&s->arena);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ */
/* The loader's state                                                  */

typedef fg_xnode xnode;

struct where {
    const char *file;
    unsigned long line;
};

typedef struct loader {
    const fg_rules_source *src;
    fg_rule_store *store;
    fg_rule_fn fn;
    void *ctx;
    fg_diag_list *diags;
    void *schema;        /* xmlRelaxNGPtr */
    fg_arena scratch;    /* one top-level element at a time */
    fg_norm_scratch norm;
    fg_strmap files;     /* real paths loaded */
    fg_strmap ids;       /* rule id -> index + 1 into id_where */
    struct where *id_where;
    size_t n_ids, cap_ids;
    fg_strmap macros;    /* name -> index + 1 into macro_bodies */
    fg_node **macro_bodies;
    int *macro_depths; /* how deep each macro's elements nest */
    /* Macro body address -> a bit for each kind of rule (check_bit)
     * whose roles it was found to fit: hundreds of rules use the same
     * macros, which are checked once for each kind. */
    fg_strmap roles_checked;
    size_t n_macros, cap_macros, cap_macro_depths;
    int errors;
    int nomem;
    int fast; /* the schema is the one the element checks restate */
    /* The file being read, and its reader. */
    const char *file;
    fg_xml_file *xf;
} loader;

static int report(loader *ld, const char *file, unsigned long line,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int report(loader *ld, const char *file, unsigned long line,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fg_diag_vadd(ld->diags, FG_ERROR, FG_EDATA, file, line, 0,
                          FG_NO_OFFSET, fmt, ap);
    va_end(ap);
    ld->errors++;
    if (ld->xf && file == ld->file)
        fg_xml_file_note_error(ld->xf, line);
    if (rc < 0) {
        ld->nomem = 1;
        return FG_ENOMEM;
    }
    return FG_EDATA;
}

static char *keep_str(loader *ld, const char *s)
{
    char *c = fg_arena_strndup(&ld->store->arena, s, strlen(s));
    if (c == NULL)
        ld->nomem = 1;
    return c;
}

#define attr fg_xnode_attr
#define is fg_xnode_is

/* ------------------------------------------------------------------ */
/* Checks shared by the converters                                     */

/* Reports attributes of x that are not in allowed (a NULL-terminated
 * list). */
static int check_attrs(loader *ld, const xnode *x, const char *const *allowed)
{
    int rc = 0;
    for (size_t i = 0; i < x->n_attrs; i++) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(*a, x->attrs[i].name) == 0;
        if (!ok)
            rc = report(ld, ld->file, x->line,
                        "<%s>: unknown attribute '%s'", x->name,
                        x->attrs[i].name);
    }
    return rc;
}

static int require(loader *ld, const xnode *x, const char *name,
                   const char **out)
{
    *out = attr(x, name);
    if (*out == NULL || (*out)[0] == '\0')
        return report(ld, ld->file, x->line,
                      "<%s>: expected the attribute '%s'", x->name, name);
    return 0;
}

/* An integer attribute in [lo, hi], or dflt when absent. */
static int int_attr(loader *ld, const xnode *x, const char *name, long lo,
                    long hi, long dflt, uint32_t *out)
{
    const char *v = attr(x, name);
    *out = (uint32_t)dflt;
    if (v == NULL)
        return 0;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (v[0] == '\0' || *end || errno || n < lo || n > hi)
        return report(ld, ld->file, x->line,
                      "<%s>: %s must be an integer from %ld to %ld, not '%s'",
                      x->name, name, lo, hi, v);
    *out = (uint32_t)n;
    return 0;
}

/* The index of v in names (NULL-terminated), or dflt when v is NULL. */
static int enum_attr(loader *ld, const xnode *x, const char *name,
                     const char *const *names, int dflt, int *out)
{
    const char *v = attr(x, name);
    *out = dflt;
    if (v == NULL)
        return 0;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], v) == 0) {
            *out = i;
            return 0;
        }
    char expected[256] = "";
    for (int i = 0; names[i]; i++)
        snprintf(expected + strlen(expected),
                 sizeof expected - strlen(expected), "%s%s", i ? ", " : "",
                 names[i]);
    return report(ld, ld->file, x->line,
                  "<%s>: %s must be one of %s, not '%s'", x->name, name,
                  expected, v);
}

/* Splits a space-separated list into words kept in the store. */
static int split_words(loader *ld, const char *s, int fold,
                       const char ***out, size_t **lens_out, uint32_t *n_out)
{
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0')
            break;
        n++;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
    }
    const char **words = fg_arena_alloc(&ld->store->arena,
                                        (n ? n : 1) * sizeof *words);
    size_t *lens = fg_arena_alloc(&ld->store->arena,
                                  (n ? n : 1) * sizeof *lens);
    if (words == NULL || lens == NULL)
        return FG_ENOMEM;
    size_t i = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0')
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if (fold) {
            int rc = fg_text_norm(w, (size_t)(p - w), &ld->norm,
                                  &ld->store->arena, &words[i], &lens[i]);
            if (rc < 0)
                return rc;
        } else {
            words[i] = fg_arena_strndup(&ld->store->arena, w, (size_t)(p - w));
            lens[i] = (size_t)(p - w);
            if (words[i] == NULL)
                return FG_ENOMEM;
        }
        i++;
    }
    *out = words;
    if (lens_out)
        *lens_out = lens;
    *n_out = (uint32_t)n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Token tests                                                         */

static const char *const FLAG_NAMES[] = {
    "word", "number", "punct", "capitalised", "abbrev", "ordinal",
    "initial", "url", "email", "hyphenated", "quote-open", "quote-close",
    "bracket-open", "bracket-close", "sentence-start", "clause-start",
    "paragraph-start", "sentence-final", "dash", "cut", NULL};

static const struct {
    const char *name;
    fg_field field;
    int fold;
} FIELDS[] = {
    {"form", FG_FIELD_FORM, 0},   {"iform", FG_FIELD_IFORM, 1},
    {"lemma", FG_FIELD_LEMMA, 1}, {"stem", FG_FIELD_STEM, 1},
    {"head", FG_FIELD_HEAD, 1},   {"shape", FG_FIELD_SHAPE, 0},
    {"regex", FG_FIELD_REGEX, 0}, {"flags", FG_FIELD_FLAGS, 0},
    {"tags", FG_FIELD_TAGS, 0},   {"annot", FG_FIELD_ANNOT, 0},
};
#define N_FIELDS (sizeof FIELDS / sizeof FIELDS[0])

static fg_test *test_new(loader *ld, fg_test_kind kind)
{
    fg_test *t = fg_arena_alloc(&ld->store->arena, sizeof *t);
    if (t == NULL) {
        ld->nomem = 1;
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->kind = kind;
    return t;
}

/* Compiles a regex of the rules, and to machine code where PCRE2 can
 * (else it interprets): the code is read-only and shared by the threads.
 * The match limit holds for it too; its depth is bounded by its 32 KiB
 * stack, and running out is a failed match like the depth limit. Not
 * under valgrind, which cannot follow the machine code and would report
 * its reads as uninitialised (make check-valgrind). */
static pcre2_code *compile_source(const char *src, int *code, PCRE2_SIZE *at)
{
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
                                       PCRE2_ENDANCHORED,
                                   code, at, NULL);
#ifdef HAVE_VALGRIND_VALGRIND_H
    if (re && !RUNNING_ON_VALGRIND)
#else
    if (re)
#endif
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

const void *fg_regex_code(fg_regex *rx)
{
    void *code = atomic_load_explicit(&rx->code, memory_order_acquire);
    if (code)
        return code;
    /* It compiled when the pack was made (with this PCRE2: the cache's
     * key names its version), so only memory can fail. Two threads may
     * both compile it; the first to publish its code wins. */
    int err;
    PCRE2_SIZE at;
    pcre2_code *re = compile_source(rx->source, &err, &at);
    if (re == NULL)
        return NULL;
    void *none = NULL;
    if (!atomic_compare_exchange_strong_explicit(&rx->code, &none, re,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire)) {
        pcre2_code_free(re);
        return none;
    }
    return re;
}

static int compile_regex(loader *ld, const xnode *x, const char *src,
                         fg_test *t)
{
    fg_rule_store *s = ld->store;
    /* One compiled regex per source, shared by every test that has it:
     * the matcher remembers results per regex and token. */
    uint32_t k;
    if (fg_strmap_find(&s->regex_index, src, strlen(src), &k)) {
        t->re = s->regexes[k];
        t->source = t->re->source;
        return 0;
    }
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = compile_source(src, &code, &at);
    if (re == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return report(ld, ld->file, x->line,
                      "<%s>: regex '%s' does not compile at character %zu: %s",
                      x->name, src, (size_t)at, (const char *)msg);
    }
    fg_regex *rx = fg_arena_alloc(&s->arena, sizeof *rx);
    if (rx == NULL || (rx->source = keep_str(ld, src)) == NULL ||
        fg_grow((void **)&s->regexes, &s->cap_regexes, s->n_regexes + 1,
                sizeof *s->regexes) < 0 ||
        fg_strmap_put(&s->regex_index, src, strlen(src),
                      (uint32_t)s->n_regexes, 0) < 0) {
        pcre2_code_free(re);
        return FG_ENOMEM;
    }
    atomic_init(&rx->code, re);
    s->regexes[s->n_regexes++] = rx;
    t->re = rx;
    t->source = rx->source;
    return 0;
}

/* Lists of at least this many values get a hash table. */
#define HASHED_LIST 8

/* The hash table of a long list, so that the matcher tests a token
 * against it in one lookup, not a scan. */
static int index_values(loader *ld, fg_test *t)
{
    if (t->n_values < HASHED_LIST)
        return 0;
    uint32_t n = 16;
    while (n < 2 * t->n_values)
        n *= 2;
    t->slots = fg_arena_alloc(&ld->store->arena, n * sizeof *t->slots);
    if (t->slots == NULL)
        return FG_ENOMEM;
    memset(t->slots, 0, n * sizeof *t->slots);
    t->mask = n - 1;
    for (uint32_t i = 0; i < t->n_values; i++) {
        uint32_t k = (uint32_t)XXH3_64bits(t->values[i], t->value_lens[i]);
        while (t->slots[k & t->mask])
            k++;
        t->slots[k & t->mask] = i + 1;
    }
    return 0;
}

/* The leaves for the test attributes of x, appended to parent. */
static int leaves(loader *ld, const xnode *x, fg_test *parent)
{
    fg_test **tail = &parent->child;
    while (*tail)
        tail = &(*tail)->next;
    int bad = 0;
    for (size_t f = 0; f < N_FIELDS; f++) {
        const char *v = attr(x, FIELDS[f].name);
        if (v == NULL)
            continue;
        fg_test *t = test_new(ld, FG_TEST_LEAF);
        if (t == NULL)
            return FG_ENOMEM;
        t->field = FIELDS[f].field;
        int rc = 0;
        if (t->field == FG_FIELD_REGEX) {
            rc = compile_regex(ld, x, v, t);
        } else if (t->field == FG_FIELD_FLAGS || t->field == FG_FIELD_TAGS) {
            const char **words;
            uint32_t n;
            int tags = t->field == FG_FIELD_TAGS;
            if ((rc = split_words(ld, v, 0, &words, NULL, &n)) < 0)
                return rc;
            for (uint32_t i = 0; i < n; i++) {
                unsigned k = 0;
                const char *name;
                while ((name = tags ? fg_tag_name(k) : FLAG_NAMES[k]) &&
                       strcmp(name, words[i]))
                    k++;
                if (name == NULL)
                    rc = report(ld, ld->file, x->line, "<%s>: unknown %s '%s'",
                                x->name, tags ? "tag" : "flag", words[i]);
                else
                    t->flags |= 1u << k;
            }
        } else {
            rc = split_words(ld, v, FIELDS[f].fold, &t->values,
                             &t->value_lens, &t->n_values);
            if (rc == 0)
                rc = index_values(ld, t);
            if (rc == 0 && t->n_values == 0)
                rc = report(ld, ld->file, x->line, "<%s>: %s is empty",
                            x->name, FIELDS[f].name);
        }
        if (rc == FG_ENOMEM)
            return rc;
        bad |= rc < 0;
        *tail = t;
        tail = &t->next;
    }
    return bad ? FG_EDATA : 0;
}

static const char *const TEST_ATTRS[] = {"form",  "iform", "lemma", "stem",
                                         "head",  "shape", "regex", "flags",
                                         "tags",  "annot", NULL};
static const char *const TOKEN_ATTRS[] = {
    "form", "iform", "lemma", "stem", "head", "shape", "regex", "flags",
    "tags", "annot", "role", NULL};
static const char *const ANNOT_ATTRS[] = {
    "form", "iform", "lemma", "stem", "head", "shape", "regex", "flags",
    "tags", "annot", "type", "role", NULL};

/* A constraint element (is, not, any-of, all-of) and its children. */
static int constraint(loader *ld, const xnode *x, fg_test *parent,
                      int depth);

static int constraint_children(loader *ld, const xnode *x, fg_test *t,
                               int depth)
{
    int rc = 0;
    for (const xnode *c = x->child; c; c = c->next) {
        int r = constraint(ld, c, t, depth + 1);
        if (r == FG_ENOMEM)
            return r;
        if (r < 0)
            rc = r;
    }
    return rc;
}

static int constraint(loader *ld, const xnode *x, fg_test *parent, int depth)
{
    if (depth > 64)
        return report(ld, ld->file, x->line, "tests nested too deeply");
    fg_test_kind kind;
    int has_attrs = 1;
    if (is(x, "is"))
        kind = FG_TEST_ALL;
    else if (is(x, "not"))
        kind = FG_TEST_NOT;
    else if (is(x, "any-of"))
        kind = FG_TEST_ANY, has_attrs = 0;
    else if (is(x, "all-of"))
        kind = FG_TEST_ALL, has_attrs = 0;
    else
        return report(ld, ld->file, x->line,
                      "unexpected <%s> in <%s>; expected <is>, <not>, "
                      "<any-of> or <all-of>",
                      x->name, x->parent ? x->parent->name : "token");
    static const char *const NONE[] = {NULL};
    int rc = check_attrs(ld, x, has_attrs ? TEST_ATTRS : NONE);
    fg_test *t = test_new(ld, kind);
    if (t == NULL)
        return FG_ENOMEM;
    if (has_attrs) {
        int r = leaves(ld, x, t);
        if (r == FG_ENOMEM)
            return r;
        rc = rc < 0 ? rc : r;
    }
    int r = constraint_children(ld, x, t, depth);
    if (r == FG_ENOMEM)
        return r;
    if (!has_attrs && x->child == NULL)
        rc = report(ld, ld->file, x->line, "<%s>: expected tests inside",
                    x->name);
    if (kind == FG_TEST_NOT && t->child == NULL && rc == 0 && r == 0)
        rc = report(ld, ld->file, x->line, "<not>: expected a test");
    fg_test **tail = &parent->child;
    while (*tail)
        tail = &(*tail)->next;
    *tail = t;
    return rc < 0 ? rc : r;
}

/* ------------------------------------------------------------------ */
/* Pattern elements                                                    */

typedef struct conv {
    loader *ld;
    fg_arena *nodes; /* where nodes go: scratch for rules, store for
                        macros */
    int count;
    int max_depth; /* the deepest nesting seen, macros included */
} conv;

static fg_node *node_new(conv *cv, fg_node_kind kind, const xnode *x)
{
    fg_node *n = fg_arena_alloc(cv->nodes, sizeof *n);
    if (n == NULL) {
        cv->ld->nomem = 1;
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = x->line;
    n->role = -1;
    return n;
}

/* The longest description of an element. */
#define MAX_DESCRIPTION 512

/* A description of the element for explain: its name and the attributes
 * that fit in MAX_DESCRIPTION bytes, as written ('token lemma="x"').
 * Built without printf: a pack has tens of thousands of elements. */
static const char *describe(conv *cv, const xnode *x)
{
    size_t len = strlen(x->name), n = 0;
    int fits = len <= MAX_DESCRIPTION;
    if (!fits)
        len = 0;
    for (; fits && n < x->n_attrs; n++) {
        size_t more = strlen(x->attrs[n].name) + strlen(x->attrs[n].value) + 4;
        if (more > MAX_DESCRIPTION - len)
            break;
        len += more;
    }
    char *s = fg_arena_alloc(&cv->ld->store->arena, len + 1);
    if (s == NULL) {
        cv->ld->nomem = 1;
        return NULL;
    }
    char *p = s;
    if (fits) {
        size_t k = strlen(x->name);
        memcpy(p, x->name, k);
        p += k;
    }
    for (size_t i = 0; i < n; i++) {
        size_t kn = strlen(x->attrs[i].name), kv = strlen(x->attrs[i].value);
        *p++ = ' ';
        memcpy(p, x->attrs[i].name, kn);
        p += kn;
        *p++ = '=';
        *p++ = '"';
        memcpy(p, x->attrs[i].value, kv);
        p += kv;
        *p++ = '"';
    }
    *p = '\0';
    return s;
}

static int elements(conv *cv, const xnode *first, fg_node **out, int depth);

static int capture_role(conv *cv, const xnode *x, const char *name, int *out)
{
    *out = fg_capture_role_find(name);
    if (*out < 0)
        return report(cv->ld, cv->ld->file, x->line,
                      "<%s>: unknown role '%s' (expected an event role such "
                      "as agent or theme, or trigger, name, count, from)",
                      x->name, name);
    return 0;
}

/* Wraps n in a capture when x has role="...". */
static int role_shorthand(conv *cv, const xnode *x, fg_node **n)
{
    const char *role = attr(x, "role");
    if (role == NULL)
        return 0;
    fg_node *c = node_new(cv, FG_NODE_CAPTURE, x);
    if (c == NULL)
        return FG_ENOMEM;
    int rc = capture_role(cv, x, role, &c->role);
    c->child = *n;
    c->what = (*n)->what;
    *n = c;
    return rc;
}


/* The token tests of a <token> (its attributes and child constraints) or
 * an <annot> (its attributes): *out, or NULL when it has none. Problems
 * are reported and folded into *rc, as in the callers. Returns 0 or
 * FG_ENOMEM. */
static int element_tests(loader *ld, const xnode *x, int children,
                         const fg_test **out, int *rc)
{
    fg_test *t = test_new(ld, FG_TEST_ALL);
    if (t == NULL)
        return FG_ENOMEM;
    int r = leaves(ld, x, t);
    if (r == FG_ENOMEM)
        return r;
    *rc = *rc < 0 ? *rc : r;
    if (children) {
        r = constraint_children(ld, x, t, 0);
        if (r == FG_ENOMEM)
            return r;
        *rc = *rc < 0 ? *rc : r;
    }
    *out = t->child ? t : NULL;
    return 0;
}

static int element(conv *cv, const xnode *x, fg_node **out, int depth)
{
    loader *ld = cv->ld;
    *out = NULL;
    if (++cv->count > FG_MAX_RULE_NODES || depth > FG_MAX_PATTERN_DEPTH)
        return report(ld, ld->file, x->line,
                      "pattern too large or nested too deeply");
    if (depth > cv->max_depth)
        cv->max_depth = depth;
    fg_node *n = NULL;
    int rc = 0;
    static const char *const NONE[] = {NULL};
    static const char *const WITHIN[] = {"clause", "sentence", NULL};
    static const char *const OF[] = {"clause", "sentence", NULL};
    if (is(x, "token")) {
        if ((n = node_new(cv, FG_NODE_TOKEN, x)) == NULL)
            return FG_ENOMEM;
        rc = check_attrs(ld, x, TOKEN_ATTRS);
        if (element_tests(ld, x, 1, &n->test, &rc) < 0)
            return FG_ENOMEM;
    } else if (is(x, "annot")) {
        const char *types;
        if ((n = node_new(cv, FG_NODE_ANNOT, x)) == NULL)
            return FG_ENOMEM;
        rc = check_attrs(ld, x, ANNOT_ATTRS);
        /* Token tests on an annotation test its first token. */
        if (element_tests(ld, x, 0, &n->test, &rc) < 0)
            return FG_ENOMEM;
        if (require(ld, x, "type", &types) == 0) {
            if (split_words(ld, types, 0, &n->types, NULL, &n->n_types) < 0)
                return FG_ENOMEM;
        } else {
            rc = FG_EDATA;
        }
        if (x->child)
            rc = report(ld, ld->file, x->line, "<annot>: expected no content");
    } else if (is(x, "seq") || is(x, "alt") || is(x, "opt") ||
               is(x, "capture") || is(x, "repeat")) {
        fg_node_kind k = is(x, "seq")       ? FG_NODE_SEQ
                         : is(x, "alt")     ? FG_NODE_ALT
                         : is(x, "opt")     ? FG_NODE_OPT
                         : is(x, "capture") ? FG_NODE_CAPTURE
                                            : FG_NODE_REPEAT;
        if ((n = node_new(cv, k, x)) == NULL)
            return FG_ENOMEM;
        if (k == FG_NODE_CAPTURE) {
            static const char *const A[] = {"role", NULL};
            const char *role;
            rc = check_attrs(ld, x, A);
            if (require(ld, x, "role", &role) < 0)
                rc = FG_EDATA;
            else if (capture_role(cv, x, role, &n->role) < 0)
                rc = FG_EDATA;
        } else if (k == FG_NODE_REPEAT) {
            static const char *const A[] = {"min", "max", NULL};
            const char *max;
            rc = check_attrs(ld, x, A);
            if (require(ld, x, "max", &max) < 0 ||
                int_attr(ld, x, "max", 1, FG_MAX_REPEAT, 1, &n->max) < 0 ||
                int_attr(ld, x, "min", 0, FG_MAX_REPEAT, 0, &n->min) < 0)
                rc = FG_EDATA;
            else if (n->min > n->max)
                rc = report(ld, ld->file, x->line,
                            "<repeat>: min %u is greater than max %u",
                            n->min, n->max);
        } else {
            rc = check_attrs(ld, x, NONE);
        }
        if (x->child == NULL)
            rc = report(ld, ld->file, x->line,
                        "<%s>: expected pattern elements inside", x->name);
        int r = elements(cv, x->child, &n->child, depth + 1);
        if (r == FG_ENOMEM)
            return r;
        rc = rc < 0 ? rc : r;
    } else if (is(x, "skip")) {
        static const char *const A[] = {"min", "max", "within", NULL};
        const char *max;
        int within = 0;
        if ((n = node_new(cv, FG_NODE_SKIP, x)) == NULL)
            return FG_ENOMEM;
        rc = check_attrs(ld, x, A);
        if (require(ld, x, "max", &max) < 0 ||
            int_attr(ld, x, "max", 1, FG_MAX_SKIP, 1, &n->max) < 0 ||
            int_attr(ld, x, "min", 0, FG_MAX_SKIP, 0, &n->min) < 0 ||
            enum_attr(ld, x, "within", WITHIN, 0, &within) < 0)
            rc = FG_EDATA;
        else if (n->min > n->max)
            rc = report(ld, ld->file, x->line,
                        "<skip>: min %u is greater than max %u", n->min,
                        n->max);
        n->within = within == 0 ? FG_WITHIN_CLAUSE : FG_WITHIN_SENTENCE;
    } else if (is(x, "start") || is(x, "end")) {
        static const char *const A[] = {"of", NULL};
        const char *of;
        int k = 0;
        if ((n = node_new(cv, is(x, "start") ? FG_NODE_START : FG_NODE_END,
                          x)) == NULL)
            return FG_ENOMEM;
        rc = check_attrs(ld, x, A);
        if (require(ld, x, "of", &of) < 0 ||
            enum_attr(ld, x, "of", OF, 0, &k) < 0)
            rc = FG_EDATA;
        n->within = k == 0 ? FG_WITHIN_CLAUSE : FG_WITHIN_SENTENCE;
    } else if (is(x, "use")) {
        static const char *const A[] = {"macro", NULL};
        const char *name;
        uint32_t i;
        if ((n = node_new(cv, FG_NODE_USE, x)) == NULL)
            return FG_ENOMEM;
        rc = check_attrs(ld, x, A);
        if (require(ld, x, "macro", &name) < 0)
            rc = FG_EDATA;
        else if (!fg_strmap_find(&ld->macros, name, strlen(name), &i))
            rc = report(ld, ld->file, x->line,
                        "unknown macro '%s' (a macro must be defined before "
                        "the rules that use it)",
                        name);
        else if (depth + ld->macro_depths[i - 1] > FG_MAX_PATTERN_DEPTH)
            rc = report(ld, ld->file, x->line,
                        "macro '%s': elements nested deeper than %d through "
                        "macros",
                        name, FG_MAX_PATTERN_DEPTH);
        else {
            n->child = ld->macro_bodies[i - 1];
            if (depth + ld->macro_depths[i - 1] > cv->max_depth)
                cv->max_depth = depth + ld->macro_depths[i - 1];
        }
    } else {
        return report(ld, ld->file, x->line,
                      "unexpected <%s> in <%s>; expected a pattern element: "
                      "token, annot, seq, alt, opt, repeat, skip, capture, "
                      "start, end or use",
                      x->name, x->parent ? x->parent->name : "pattern");
    }
    if ((n->what = describe(cv, x)) == NULL)
        return FG_ENOMEM;
    if (rc != FG_ENOMEM && (n->kind == FG_NODE_TOKEN || n->kind == FG_NODE_ANNOT)) {
        int r = role_shorthand(cv, x, &n);
        rc = rc < 0 ? rc : r;
    }
    *out = n;
    return rc;
}

static int elements(conv *cv, const xnode *first, fg_node **out, int depth)
{
    int rc = 0;
    fg_node **tail = out;
    *out = NULL;
    for (const xnode *x = first; x; x = x->next) {
        fg_node *n;
        int r = element(cv, x, &n, depth);
        if (r == FG_ENOMEM || cv->ld->nomem)
            return FG_ENOMEM;
        if (r < 0)
            rc = r;
        if (n) {
            *tail = n;
            tail = &n->next;
        }
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Rules, outputs, examples                                            */

static const char *const POLARITIES[] = {"Positive", "Negative", NULL};
static const char *const CERTAINTIES[] = {"Certain", "Probable", "Possible",
                                          "Unlikely", NULL};
static const char *const STATUSES[] = {"Past", "Ongoing", "Planned",
                                       "Hypothetical", NULL};
static const char *const QUALIFIERS[] = {"None",    "About",  "Over",
                                         "Under",   "AtLeast", "AtMost",
                                         "Exactly", NULL};
static const char *const DATATYPES[] = {"xsd:string", "xsd:integer",
                                        "xsd:decimal", "xsd:date",
                                        "xsd:gYearMonth", "xsd:gYear", NULL};

/* Whether value is a canonical literal that dpo:time can take. */
static int valid_time_literal(fg_literal_type type, const char *value)
{
    char date[16];
    size_t n = strlen(value);
    for (size_t i = 0; i < n; i++)
        if (!((value[i] >= '0' && value[i] <= '9') || value[i] == '-'))
            return 0;
    switch (type) {
    case FG_LITERAL_DATE: return fg_input_valid_date(value);
    case FG_LITERAL_YEAR_MONTH:
        return n == 7 && snprintf(date, sizeof date, "%s-01", value) == 10 &&
               fg_input_valid_date(date);
    case FG_LITERAL_YEAR:
        return n == 4 && snprintf(date, sizeof date, "%s-01-01", value) == 10 &&
               fg_input_valid_date(date);
    default: return 0;
    }
}

/* Reports captures whose role does not fit the kind of rule: entity
 * rules capture name (and count, from and affiliation for groups;
 * office, affiliation and former for people), event rules the event
 * roles and trigger. */
static int check_roles(loader *ld, const fg_rule_def *r, const fg_node *n,
                       int depth);

/* The roles a rule may capture depend on its kind only: event rules,
 * and entity rules by actor. */
static uint32_t check_bit(const fg_rule_def *r)
{
    return r->kind == FG_CLASS_ACTOR ? 2u << (unsigned)r->actor : 1u;
}

/* check_roles for the body of a macro, once per kind of rule that uses
 * it when it fits (a misfit is reported for every rule, as it is). */
static int check_macro_roles(loader *ld, const fg_rule_def *r,
                             const fg_node *body, int depth)
{
    uint32_t bit = check_bit(r), done = 0;
    if (fg_strmap_find(&ld->roles_checked, (const char *)&body, sizeof body,
                       &done) &&
        (done & bit))
        return 0;
    int rc = check_roles(ld, r, body, depth);
    if (rc == 0 && fg_strmap_put(&ld->roles_checked, (const char *)&body,
                                 sizeof body, bit, 1) < 0) {
        ld->nomem = 1;
        rc = FG_ENOMEM;
    }
    return rc;
}

static int check_roles(loader *ld, const fg_rule_def *r, const fg_node *n,
                       int depth)
{
    int rc = 0;
    for (; n && depth < 256; n = n->next) {
        if (n->kind == FG_NODE_CAPTURE) {
            int role = n->role;
            int ok = r->kind == FG_CLASS_ACTOR
                         ? role == FG_CAPTURE_NAME ||
                               (r->actor == FG_ACTOR_GROUP &&
                                (role == FG_CAPTURE_COUNT ||
                                 role == FG_CAPTURE_FROM ||
                                 role == FG_CAPTURE_AFFILIATION)) ||
                               (r->actor == FG_ACTOR_PERSON &&
                                (role == FG_CAPTURE_OFFICE ||
                                 role == FG_CAPTURE_AFFILIATION ||
                                 role == FG_CAPTURE_FORMER))
                         : role < FG_ROLES || role == FG_CAPTURE_TRIGGER;
            if (!ok)
                rc = report(ld, ld->file, n->line,
                            "rule %s: the role %s does not belong in %s "
                            "(entity rules capture name, count, from and "
                            "affiliation for dpo:Group, office, affiliation "
                            "and former for dpo:Person; event rules the "
                            "event roles and trigger)",
                            r->id, fg_capture_role_name(role),
                            r->kind == FG_CLASS_ACTOR ? "an entity rule"
                                                      : "an event rule");
        }
        if (n->child && n->kind != FG_NODE_TOKEN && n->kind != FG_NODE_ANNOT) {
            int r2 = n->kind == FG_NODE_USE
                         ? check_macro_roles(ld, r, n->child, depth + 1)
                         : check_roles(ld, r, n->child, depth + 1);
            rc = rc < 0 ? rc : r2;
        }
    }
    return rc;
}

/* A class attribute: "dpo:Name" in the loaded ontology. */
static int class_attr(loader *ld, const xnode *x, const char *v,
                      const char **local_out, fg_class_kind *kind_out,
                      fg_actor *actor_out)
{
    if (strncmp(v, "dpo:", 4) != 0 || v[4] == '\0')
        return report(ld, ld->file, x->line,
                      "<%s>: class '%s' is not in the dpo: namespace",
                      x->name, v);
    if (!fg_ontology_find_class(ld->src->ontology, v + 4, kind_out, actor_out))
        return report(ld, ld->file, x->line,
                      "<%s>: unknown class '%s' (not in the ontology)",
                      x->name, v);
    if ((*local_out = keep_str(ld, v + 4)) == NULL)
        return FG_ENOMEM;
    return 0;
}

static int output(loader *ld, const xnode *x, fg_rule_def *r)
{
    static const char *const A[] = {"polarity", "certainty", "status",
                                    "name",     "qualifier", "reports",
                                    NULL};
    static const char *const REPORTS[] = {"clause", "sentence", NULL};
    fg_output *o = &r->output;
    int p = 0, c = 0, s = 0, q = 0, rep = 0, rc = check_attrs(ld, x, A);
    int entity = r->kind == FG_CLASS_ACTOR;
    static const char *const EVENT_ONLY[] = {"polarity", "certainty",
                                             "status", "reports", NULL};
    for (int i = 0; EVENT_ONLY[i]; i++)
        if (entity && attr(x, EVENT_ONLY[i]))
            rc = report(ld, ld->file, x->line,
                        "<output>: %s is for event rules, not for rule %s "
                        "of an actor class",
                        EVENT_ONLY[i], r->id);
    if (!entity && (attr(x, "name") || attr(x, "qualifier")))
        rc = report(ld, ld->file, x->line,
                    "<output>: name and qualifier are for entity rules, not "
                    "for the event rule %s",
                    r->id);
    if (!entity && attr(x, "reports") && r->cls &&
        strcmp(r->cls, "Statement") != 0)
        rc = report(ld, ld->file, x->line,
                    "<output>: reports is for dpo:Statement rules, not for "
                    "rule %s of class dpo:%s",
                    r->id, r->cls);
    if (r->kind == FG_CLASS_ACTOR && r->actor != FG_ACTOR_GROUP &&
        attr(x, "qualifier"))
        rc = report(ld, ld->file, x->line,
                    "<output>: qualifier is for dpo:Group rules");
    if (entity && x->child)
        rc = report(ld, ld->file, x->line,
                    "<output>: constant roles are for event rules");
    if (enum_attr(ld, x, "polarity", POLARITIES, 0, &p) < 0 ||
        enum_attr(ld, x, "certainty", CERTAINTIES, 0, &c) < 0 ||
        enum_attr(ld, x, "status", STATUSES, 0, &s) < 0 ||
        enum_attr(ld, x, "qualifier", QUALIFIERS, 0, &q) < 0 ||
        enum_attr(ld, x, "reports", REPORTS, 0, &rep) < 0)
        rc = FG_EDATA;
    o->reports_sentence = rep == 1;
    o->polarity = (fg_polarity)p;
    o->certainty = (fg_certainty)c;
    o->status = (fg_status)s;
    o->set = (attr(x, "polarity") ? FG_OUTPUT_POLARITY : 0) |
             (attr(x, "certainty") ? FG_OUTPUT_CERTAINTY : 0) |
             (attr(x, "status") ? FG_OUTPUT_STATUS : 0);
    o->qualifier = (fg_qualifier)q;
    const char *name = attr(x, "name");
    if (name && (o->name = keep_str(ld, name)) == NULL)
        return FG_ENOMEM;
    size_t n = 0;
    for (const xnode *c2 = x->child; c2; c2 = c2->next)
        n++;
    if (n == 0)
        return rc;
    o->roles = fg_arena_alloc(&ld->store->arena, n * sizeof *o->roles);
    if (o->roles == NULL)
        return FG_ENOMEM;
    for (const xnode *y = x->child; y; y = y->next) {
        static const char *const RA[] = {"name", "class", "datatype", NULL};
        if (!is(y, "role")) {
            rc = report(ld, ld->file, y->line,
                        "unexpected <%s> in <output>; expected <role>",
                        y->name);
            continue;
        }
        fg_const_role *cr = &o->roles[o->n_roles];
        memset(cr, 0, sizeof *cr);
        const char *rn, *cls = attr(y, "class");
        int dt;
        if (check_attrs(ld, y, RA) < 0 || require(ld, y, "name", &rn) < 0) {
            rc = FG_EDATA;
            continue;
        }
        cr->role = fg_capture_role_find(rn);
        if (cr->role < 0 || cr->role >= FG_ROLES) {
            rc = report(ld, ld->file, y->line,
                        "<role>: '%s' is not an event role", rn);
            continue;
        }
        if (y->text.len == 0) {
            rc = report(ld, ld->file, y->line, "<role>: expected a value");
            continue;
        }
        if ((cr->value = keep_str(ld, y->text.data)) == NULL)
            return FG_ENOMEM;
        if (cls) {
            fg_class_kind kind;
            const char *local;
            if (class_attr(ld, y, cls, &local, &kind, &cr->actor) < 0) {
                rc = FG_EDATA;
                continue;
            }
            if (kind != FG_CLASS_ACTOR || cr->actor == FG_ACTOR_GROUP) {
                rc = report(ld, ld->file, y->line,
                            "<role>: class '%s' is not a class of named "
                            "entities",
                            cls);
                continue;
            }
            cr->is_entity = 1;
        } else if (enum_attr(ld, y, "datatype", DATATYPES, -1, &dt) < 0) {
            rc = FG_EDATA;
            continue;
        } else if (dt < 0) {
            rc = report(ld, ld->file, y->line,
                        "<role>: expected the attribute 'class' or "
                        "'datatype'");
            continue;
        } else {
            cr->type = (fg_literal_type)dt;
            if (!valid_time_literal(cr->type, cr->value) ||
                cr->role != FG_ROLE_TIME) {
                rc = report(ld, ld->file, y->line,
                            "<role>: a literal is for the role time, as "
                            "xsd:date (YYYY-MM-DD), xsd:gYearMonth (YYYY-MM) "
                            "or xsd:gYear (YYYY), not %s '%s'",
                            rn, cr->value);
                continue;
            }
        }
        if (cr->is_entity && cr->role == FG_ROLE_TIME) {
            rc = report(ld, ld->file, y->line,
                        "<role>: time takes a literal (datatype), not a "
                        "class");
            continue;
        }
        o->n_roles++;
    }
    return rc;
}

/* Collapses runs of white space to one space and trims. */
static char *collapse(loader *ld, const char *s)
{
    size_t n = strlen(s);
    char *out = fg_arena_alloc(&ld->store->arena, n + 1), *o = out;
    if (out == NULL)
        return NULL;
    int space = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static int example(loader *ld, const xnode *x, fg_example *ex)
{
    memset(ex, 0, sizeof *ex);
    ex->line = x->line;
    ex->counter = is(x, "counterexample");
    if ((ex->text = collapse(ld, x->text.data ? x->text.data : "")) == NULL)
        return FG_ENOMEM;
    int rc = 0;
    if (ex->text[0] == '\0')
        rc = report(ld, ld->file, x->line, "<%s>: expected a sentence",
                    x->name);
    if (x->child)
        rc = report(ld, ld->file, x->line, "<%s>: expected text only",
                    x->name);
    if (ex->counter) {
        static const char *const NONE[] = {NULL};
        return check_attrs(ld, x, NONE) < 0 ? FG_EDATA : rc;
    }
    ex->expect = fg_arena_alloc(&ld->store->arena,
                                (x->n_attrs ? x->n_attrs : 1) *
                                    sizeof *ex->expect);
    if (ex->expect == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < x->n_attrs; i++) {
        fg_expect *e = &ex->expect[ex->n_expect];
        const char *name = x->attrs[i].name;
        e->role = strcmp(name, "match") == 0 ? -1 : fg_capture_role_find(name);
        if (e->role < -1 || (e->role == -1 && strcmp(name, "match"))) {
            rc = report(ld, ld->file, x->line,
                        "<example>: unknown role '%s' (expected a role name "
                        "or 'match')",
                        name);
            continue;
        }
        size_t n = 1;
        for (const char *p = x->attrs[i].value; *p; p++)
            n += *p == '|';
        e->values = fg_arena_alloc(&ld->store->arena, n * sizeof *e->values);
        if (e->values == NULL)
            return FG_ENOMEM;
        const char *p = x->attrs[i].value;
        for (size_t k = 0; k < n; k++) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            char *tmp = fg_arena_strndup(&ld->scratch, p, len);
            if (tmp == NULL || (e->values[k] = collapse(ld, tmp)) == NULL)
                return FG_ENOMEM;
            if (e->values[k][0] == '\0')
                rc = report(ld, ld->file, x->line,
                            "<example>: empty value in %s", name);
            p += len + (bar != NULL);
        }
        e->n_values = n;
        ex->n_expect++;
    }
    return rc;
}

static int read_rule(loader *ld, const xnode *x)
{
    static const char *const A[] = {"id",    "class",   "priority",
                                    "phase", "overlap", NULL};
    static const char *const PHASES[] = {"entities", "events", NULL};
    static const char *const BOOLS[] = {"false", "true", "0", "1", NULL};
    fg_rule_def r;
    memset(&r, 0, sizeof r);
    r.file = ld->file;
    r.line = x->line;
    int rc = check_attrs(ld, x, A);
    const char *id, *cls;
    uint32_t prio = 50;
    int phase = -1, overlap = 0;
    if (require(ld, x, "id", &id) < 0)
        return FG_EDATA;
    if ((r.id = keep_str(ld, id)) == NULL)
        return FG_ENOMEM;
    if (require(ld, x, "class", &cls) < 0 ||
        class_attr(ld, x, cls, &r.cls, &r.kind, &r.actor) < 0)
        rc = FG_EDATA;
    else if (r.kind == FG_CLASS_OTHER)
        rc = report(ld, ld->file, x->line,
                    "rule %s: class '%s' is neither an event class nor a "
                    "class of actors",
                    id, cls);
    if (int_attr(ld, x, "priority", 0, 1000, 50, &prio) < 0 ||
        enum_attr(ld, x, "phase", PHASES, -1, &phase) < 0 ||
        enum_attr(ld, x, "overlap", BOOLS, 0, &overlap) < 0)
        rc = FG_EDATA;
    r.priority = (int)prio;
    r.overlap = overlap & 1;
    if (phase < 0)
        phase = r.kind == FG_CLASS_ACTOR ? FG_PHASE_ENTITIES : FG_PHASE_EVENTS;
    r.phase = (fg_phase)phase;
    if (rc == 0 && (r.kind == FG_CLASS_ACTOR) != (phase == FG_PHASE_ENTITIES))
        rc = report(ld, ld->file, x->line,
                    "rule %s: class '%s' belongs in the %s phase", id, cls,
                    r.kind == FG_CLASS_ACTOR ? "entities" : "events");

    uint32_t first;
    if (fg_strmap_find(&ld->ids, id, strlen(id), &first)) {
        struct where *w = &ld->id_where[first - 1];
        rc = report(ld, ld->file, x->line,
                    "duplicate rule id '%s' (first defined at %s:%lu)", id,
                    w->file, w->line);
    } else {
        if (fg_grow((void **)&ld->id_where, &ld->cap_ids, ld->n_ids + 1,
                    sizeof *ld->id_where) < 0)
            return FG_ENOMEM;
        ld->id_where[ld->n_ids] = (struct where){r.file, r.line};
        if (fg_strmap_put(&ld->ids, id, strlen(id), (uint32_t)++ld->n_ids,
                          0) < 0)
            return FG_ENOMEM;
    }

    /* pattern, output?, example+, counterexample*, in this order. */
    const xnode *c = x->child;
    conv cv = {ld, &ld->scratch, 0, 0};
    fg_node *pattern = NULL;
    if (c && is(c, "pattern")) {
        static const char *const NONE[] = {NULL};
        if (check_attrs(ld, c, NONE) < 0)
            rc = FG_EDATA;
        int r2 = elements(&cv, c->child, &pattern, 0);
        if (r2 == FG_ENOMEM)
            return r2;
        if (r2 < 0)
            rc = r2;
        else if (pattern == NULL)
            rc = report(ld, ld->file, c->line,
                        "<pattern>: expected pattern elements inside");
        c = c->next;
    } else {
        rc = report(ld, ld->file, c ? c->line : x->line,
                    "rule %s: expected <pattern> first", id);
    }
    if (c && is(c, "output")) {
        int r2 = output(ld, c, &r);
        if (r2 == FG_ENOMEM)
            return r2;
        if (r2 < 0)
            rc = r2;
        c = c->next;
    }
    size_t n = 0;
    for (const xnode *e = c; e; e = e->next)
        n++;
    r.examples = fg_arena_alloc(&ld->store->arena,
                                (n ? n : 1) * sizeof *r.examples);
    if (r.examples == NULL)
        return FG_ENOMEM;
    int seen_counter = 0;
    for (; c; c = c->next) {
        if (!is(c, "example") && !is(c, "counterexample")) {
            rc = report(ld, ld->file, c->line,
                        "unexpected <%s> in <rule>; expected <example> or "
                        "<counterexample>",
                        c->name);
            continue;
        }
        if (is(c, "example") && seen_counter)
            rc = report(ld, ld->file, c->line,
                        "<example> after <counterexample>: examples come "
                        "first");
        seen_counter |= is(c, "counterexample");
        int r2 = example(ld, c, &r.examples[r.n_examples]);
        if (r2 == FG_ENOMEM)
            return r2;
        if (r2 < 0)
            rc = r2;
        else
            r.n_examples++;
    }
    int any = 0;
    for (size_t i = 0; i < r.n_examples; i++)
        any |= !r.examples[i].counter;
    if (!any && rc == 0)
        rc = report(ld, ld->file, x->line,
                    "rule %s: expected at least one <example>", id);
    if (rc == 0 && r.kind != FG_CLASS_OTHER)
        rc = check_roles(ld, &r, pattern, 0);
    if (rc < 0)
        return rc;
    r.pattern = pattern;
    rc = ld->fn(ld->ctx, &r, ld->diags);
    if (rc == FG_EDATA)
        ld->errors++;
    return rc;
}

static int read_macro(loader *ld, const xnode *x)
{
    static const char *const A[] = {"name", NULL};
    const char *name;
    int rc = check_attrs(ld, x, A);
    if (require(ld, x, "name", &name) < 0)
        return FG_EDATA;
    if (fg_strmap_find(&ld->macros, name, strlen(name), &(uint32_t){0}))
        return report(ld, ld->file, x->line, "duplicate macro '%s'", name);
    conv cv = {ld, &ld->store->arena, 0, 0};
    fg_node *body;
    int r = elements(&cv, x->child, &body, 1);
    if (r == FG_ENOMEM)
        return r;
    if (r < 0 || rc < 0)
        return FG_EDATA;
    if (body == NULL)
        return report(ld, ld->file, x->line,
                      "<macro>: expected pattern elements inside");
    /* A macro is one sequence node, so that <use> has one child. */
    fg_node *seq = node_new(&cv, FG_NODE_SEQ, x);
    if (seq == NULL)
        return FG_ENOMEM;
    seq->child = body;
    seq->what = keep_str(ld, "macro");
    if (fg_grow((void **)&ld->macro_bodies, &ld->cap_macros,
                ld->n_macros + 1, sizeof *ld->macro_bodies) < 0 ||
        fg_grow((void **)&ld->macro_depths, &ld->cap_macro_depths,
                ld->n_macros + 1, sizeof *ld->macro_depths) < 0)
        return FG_ENOMEM;
    ld->macro_bodies[ld->n_macros] = seq;
    ld->macro_depths[ld->n_macros] = cv.max_depth;
    return fg_strmap_put(&ld->macros, name, strlen(name),
                         (uint32_t)++ld->n_macros, 0);
}

/* ------------------------------------------------------------------ */
/* Files and folders                                                   */

static int load_path(loader *ld, const char *path, int depth);

/* The path of href relative to the folder of file. */
static char *relative_to(const char *file, const char *href)
{
    if (href[0] == '/')
        return fg_strdup(href);
    const char *slash = strrchr(file, '/');
    size_t dir = slash ? (size_t)(slash - file + 1) : 0;
    char *p = fg_malloc(dir + strlen(href) + 1);
    if (p) {
        memcpy(p, file, dir);
        strcpy(p + dir, href);
    }
    return p;
}

static int read_include(loader *ld, const xnode *x, int depth)
{
    static const char *const A[] = {"href", NULL};
    const char *href;
    if (check_attrs(ld, x, A) < 0 || require(ld, x, "href", &href) < 0)
        return FG_EDATA;
    if (depth >= FG_MAX_INCLUDE_DEPTH)
        return report(ld, ld->file, x->line,
                      "includes nested deeper than %d (a cycle?)",
                      FG_MAX_INCLUDE_DEPTH);
    char *path = relative_to(ld->file, href);
    if (path == NULL)
        return FG_ENOMEM;
    struct stat st;
    int rc;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        rc = report(ld, ld->file, x->line, "cannot include '%s': %s", href,
                    stat(path, &st) != 0 ? strerror(errno)
                                         : "not a regular file");
    else
        rc = load_path(ld, path, depth + 1);
    fg_free(path);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Checking rule files without the RELAX NG validator                  */

/* libxml2's RELAX NG validator took a fifth of the start-up with the
 * default pack (bench/README.md): it matches each element's optional
 * attributes (the ten token tests) by backtracking. As the lexicon
 * loader does (src/lexicon.c), the loader first reads a plain file
 * (fg_xml_plain_file) without the validator and checks each top-level
 * element against the rules below, which restate the schema
 * rules/factgraph-rules.rng. They only ever vouch for what the schema
 * accepts: whatever they are unsure of (white space around a value, a
 * name outside ASCII, a number with a sign, a comment inside an
 * example's text) sends the file to the validator, which then has the
 * last word and reports as it always did; the elements taken before the
 * doubt are not taken again. tests/unit/test_rules.c checks on hundreds
 * of broken files that the rules never vouch for one the validator
 * rejects.
 *
 * The rules restate one version of the schema, identified by the digest
 * of its bytes; with any other schema file every file is validated. When
 * the schema changes, update the rules and RULES_SCHEMA_XXH3 together. */
#define RULES_SCHEMA_XXH3 0xe05d844ef5df0a73ULL

typedef enum vkind {
    K_STRING1,  /* xsd:string, minLength 1 */
    K_NCNAME,   /* an NCName (ASCII only here) */
    K_NCNAMES,  /* a list of one or more NCNames */
    K_WORDS,    /* a list of one or more non-empty strings */
    K_ID,       /* a rule id: [A-Za-z][A-Za-z0-9._\-]* */
    K_CURIE,    /* [A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_]* */
    K_PRIORITY, /* an integer in 0 .. 1000 */
    K_NONNEG,   /* xsd:nonNegativeInteger */
    K_POSITIVE, /* xsd:positiveInteger */
    K_BOOLEAN,  /* xsd:boolean */
    K_CHOICE,   /* one of values */
    K_CHOICES   /* a list of one or more of values */
} vkind;

static const char *const V_PHASES[] = {"entities", "events", NULL};
static const char *const V_EXTENTS[] = {"clause", "sentence", NULL};
static const char *const V_FLAGS[] = {
    "word", "number", "punct", "capitalised", "abbrev", "ordinal", "initial",
    "url", "email", "hyphenated", "quote-open", "quote-close", "bracket-open",
    "bracket-close", "sentence-start", "clause-start", "paragraph-start",
    "sentence-final", "dash", "cut", NULL};
static const char *const V_TAGS[] = {
    "verb", "noun", "adj", "word", "finite", "infinitive", "participle",
    "zu-infinitive", "separable", "past", "lemma", "particle", "joined",
    "guessed", "compound", NULL};
/* The schema's qualifiers (QUALIFIERS also has the default, None). */
static const char *const V_QUALIFIERS[] = {"About", "Over", "Under",
                                           "AtLeast", "AtMost", "Exactly",
                                           NULL};
/* The token tests, on token, annot, is and not. */
static const fg_xattr_rule V_TESTS[] = {
    {"form", K_WORDS, NULL, 0},    {"iform", K_WORDS, NULL, 0},
    {"lemma", K_WORDS, NULL, 0},   {"stem", K_WORDS, NULL, 0},
    {"head", K_WORDS, NULL, 0},    {"shape", K_WORDS, NULL, 0},
    {"regex", K_STRING1, NULL, 0}, {"flags", K_CHOICES, V_FLAGS, 0},
    {"annot", K_NCNAMES, NULL, 0}, {"tags", K_CHOICES, V_TAGS, 0},
    {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_NONE[] = {{NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_ROLE_OPT[] = {{"role", K_NCNAME, NULL, 0},
                                   {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_ANNOT[] = {{"role", K_NCNAME, NULL, 0},
                                {"type", K_NCNAMES, NULL, 1},
                                {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_REPEAT[] = {{"min", K_NONNEG, NULL, 0},
                                 {"max", K_POSITIVE, NULL, 1},
                                 {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_SKIP[] = {{"min", K_NONNEG, NULL, 0},
                               {"max", K_POSITIVE, NULL, 1},
                               {"within", K_CHOICE, V_EXTENTS, 0},
                               {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_CAPTURE[] = {{"role", K_NCNAME, NULL, 1},
                                  {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_BOUND[] = {{"of", K_CHOICE, V_EXTENTS, 1},
                                {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_USE[] = {{"macro", K_NCNAME, NULL, 1},
                              {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_INCLUDE[] = {{"href", K_STRING1, NULL, 1},
                                  {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_MACRO[] = {{"name", K_NCNAME, NULL, 1},
                                {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_RULE[] = {
    {"id", K_ID, NULL, 1},           {"class", K_CURIE, NULL, 1},
    {"priority", K_PRIORITY, NULL, 0}, {"phase", K_CHOICE, V_PHASES, 0},
    {"overlap", K_BOOLEAN, NULL, 0}, {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_OUTPUT[] = {
    {"polarity", K_CHOICE, POLARITIES, 0},
    {"certainty", K_CHOICE, CERTAINTIES, 0},
    {"status", K_CHOICE, STATUSES, 0},
    {"name", K_STRING1, NULL, 0},
    {"reports", K_CHOICE, V_EXTENTS, 0},
    {"qualifier", K_CHOICE, V_QUALIFIERS, 0},
    {NULL, K_STRING1, NULL, 0}};
static const fg_xattr_rule V_OUTPUT_ROLE[] = {
    {"name", K_NCNAME, NULL, 1},
    {"class", K_CURIE, NULL, 0},
    {"datatype", K_CHOICE, DATATYPES, 0},
    {NULL, K_STRING1, NULL, 0}};

static int v_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int v_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether s[0 .. n) is [A-Za-z_][A-Za-z0-9._-]*: an NCName (the others,
 * outside ASCII, are left to the validator). */
static int v_ncname(const char *s, size_t n)
{
    if (n == 0 || !(v_alpha(s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!(v_alpha(s[i]) || v_digit(s[i]) || s[i] == '.' || s[i] == '_' ||
              s[i] == '-'))
            return 0;
    return 1;
}

static int v_one_of(const char *s, size_t n, const char *const *values)
{
    for (size_t i = 0; values[i]; i++)
        if (strlen(values[i]) == n && memcmp(values[i], s, n) == 0)
            return 1;
    return 0;
}

/* Whether every item of the list s (separated by white space; at least
 * one) is valid: an NCName, or one of values when values is given. */
static int v_list(const char *s, const char *const *values)
{
    size_t items = 0;
    for (size_t i = 0; s[i];) {
        if (fg_xml_is_space(s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (s[i] && !fg_xml_is_space(s[i]))
            i++;
        if (values ? !v_one_of(s + start, i - start, values)
                   : !v_ncname(s + start, i - start))
            return 0;
        items++;
    }
    return items > 0;
}

/* Whether s is surely a valid value of kind. */
static int v_value(const char *s, int kind, const char *const *values)
{
    size_t n = strlen(s), i;
    switch (kind) {
    case K_STRING1:
        return n > 0;
    case K_NCNAME:
        return v_ncname(s, n);
    case K_NCNAMES:
        return v_list(s, NULL);
    case K_WORDS:
        for (i = 0; i < n; i++)
            if (!fg_xml_is_space(s[i]))
                return 1;
        return 0;
    case K_ID:
    case K_CURIE: {
        /* an id: a letter, then letters, digits and ._- ; a curie: a
         * letter and letters or digits, a colon, a letter, then letters,
         * digits and _ */
        int colons = 0;
        if (n == 0 || !v_alpha(s[0]))
            return 0;
        for (i = 1; i < n; i++) {
            char c = s[i];
            if (v_alpha(c) || v_digit(c))
                continue;
            if (kind == K_ID && (c == '.' || c == '_' || c == '-'))
                continue;
            if (kind == K_CURIE && c == ':' && colons == 0 && i + 1 < n &&
                v_alpha(s[i + 1])) {
                colons = 1;
                continue;
            }
            if (kind == K_CURIE && c == '_' && colons)
                continue;
            return 0;
        }
        return kind == K_ID || colons == 1;
    }
    case K_PRIORITY:
        if (n == 0 || n > 4)
            return 0;
        for (i = 0; i < n; i++)
            if (!v_digit(s[i]))
                return 0;
        return atoi(s) <= 1000;
    case K_NONNEG:
    case K_POSITIVE: {
        int nonzero = 0;
        if (n == 0 || n > 18)
            return 0;
        for (i = 0; i < n; i++) {
            if (!v_digit(s[i]))
                return 0;
            nonzero |= s[i] != '0';
        }
        return kind == K_NONNEG || nonzero;
    }
    case K_BOOLEAN:
        return strcmp(s, "true") == 0 || strcmp(s, "false") == 0 ||
               strcmp(s, "1") == 0 || strcmp(s, "0") == 0;
    case K_CHOICE:
        return v_one_of(s, n, values);
    case K_CHOICES:
        return v_list(s, values);
    }
    return 0;
}

/* Whether x is in the rules' namespace and has only attributes of the
 * two lists (b may be NULL), each valid, and all the required ones. */
static int v_attrs(const xnode *x, const fg_xattr_rule *a,
                   const fg_xattr_rule *b)
{
    return fg_xml_attrs_ok(x, RULES_NS, a, b, v_value);
}

/* Element content: no text but white space. */
static int v_blank(const xnode *x)
{
    for (size_t i = 0; i < x->text.len; i++)
        if (!fg_xml_is_space(x->text.data[i]))
            return 0;
    return 1;
}

/* A string of at least one character as the whole content: text only,
 * not only white space (left to the validator), in one piece. */
static int v_text(const xnode *x)
{
    return x->child == NULL && !x->interrupted && !v_blank(x);
}

/* The depth beyond which the checks leave a file to the validator. */
#define V_MAX_DEPTH 64

static int v_constraints(const xnode *first, int one_or_more, int depth)
{
    if (first == NULL)
        return !one_or_more;
    if (depth > V_MAX_DEPTH)
        return 0;
    for (const xnode *c = first; c; c = c->next) {
        int ok;
        if (is(c, "is") || is(c, "not"))
            ok = v_attrs(c, V_TESTS, NULL) &&
                 v_constraints(c->child, 0, depth + 1);
        else if (is(c, "any-of") || is(c, "all-of"))
            ok = v_attrs(c, V_NONE, NULL) &&
                 v_constraints(c->child, 1, depth + 1);
        else
            ok = 0;
        if (!ok || !v_blank(c))
            return 0;
    }
    return 1;
}

/* One or more pattern elements. */
static int v_elements(const xnode *first, int depth)
{
    if (first == NULL || depth > V_MAX_DEPTH)
        return 0;
    for (const xnode *c = first; c; c = c->next) {
        int ok, leaf = 0;
        if (is(c, "token"))
            ok = v_attrs(c, V_ROLE_OPT, V_TESTS) &&
                 v_constraints(c->child, 0, depth + 1);
        else if (is(c, "annot"))
            ok = v_attrs(c, V_ANNOT, V_TESTS), leaf = 1;
        else if (is(c, "seq") || is(c, "alt") || is(c, "opt"))
            ok = v_attrs(c, V_NONE, NULL) && v_elements(c->child, depth + 1);
        else if (is(c, "repeat"))
            ok = v_attrs(c, V_REPEAT, NULL) && v_elements(c->child, depth + 1);
        else if (is(c, "capture"))
            ok = v_attrs(c, V_CAPTURE, NULL) &&
                 v_elements(c->child, depth + 1);
        else if (is(c, "skip"))
            ok = v_attrs(c, V_SKIP, NULL), leaf = 1;
        else if (is(c, "start") || is(c, "end"))
            ok = v_attrs(c, V_BOUND, NULL), leaf = 1;
        else if (is(c, "use"))
            ok = v_attrs(c, V_USE, NULL), leaf = 1;
        else
            ok = 0;
        if (!ok || !v_blank(c) || (leaf && c->child))
            return 0;
    }
    return 1;
}

static int v_output(const xnode *x)
{
    if (!v_attrs(x, V_OUTPUT, NULL) || !v_blank(x))
        return 0;
    for (const xnode *c = x->child; c; c = c->next)
        if (!is(c, "role") || !v_attrs(c, V_OUTPUT_ROLE, NULL) ||
            (fg_xnode_attr(c, "class") != NULL) ==
                (fg_xnode_attr(c, "datatype") != NULL) ||
            !v_text(c))
            return 0;
    return 1;
}

/* An example's attributes are any without a namespace, which plain
 * files cannot have. */
static int v_example(const xnode *x)
{
    return strcmp(x->ns, RULES_NS) == 0 && v_text(x);
}

static int v_rule(const xnode *x)
{
    if (!v_attrs(x, V_RULE, NULL) || !v_blank(x))
        return 0;
    const xnode *c = x->child;
    if (c == NULL || !is(c, "pattern") || !v_attrs(c, V_NONE, NULL) ||
        !v_blank(c) || !v_elements(c->child, 1))
        return 0;
    c = c->next;
    if (c && is(c, "output")) {
        if (!v_output(c))
            return 0;
        c = c->next;
    }
    size_t examples = 0;
    for (; c && is(c, "example"); c = c->next, examples++)
        if (!v_example(c))
            return 0;
    for (; c && is(c, "counterexample"); c = c->next)
        if (!v_attrs(c, V_NONE, NULL) || !v_text(c))
            return 0;
    return c == NULL && examples > 0;
}

/* Whether the top-level element x is surely valid. */
static int v_top(const xnode *x)
{
    if (is(x, "rule"))
        return v_rule(x);
    if (is(x, "macro"))
        return v_attrs(x, V_MACRO, NULL) && v_blank(x) &&
               v_elements(x->child, 0);
    if (is(x, "include"))
        return v_attrs(x, V_INCLUDE, NULL) && v_blank(x) && x->child == NULL;
    return 0;
}

/* Handles one complete top-level element. */
static int top_level(loader *ld, const xnode *x, int depth)
{
    if (strcmp(x->ns, RULES_NS) != 0)
        return report(ld, ld->file, x->line,
                      "<%s> is not in the factgraph rules namespace %s",
                      x->name, RULES_NS);
    if (is(x, "rule"))
        return read_rule(ld, x);
    if (is(x, "macro"))
        return read_macro(ld, x);
    if (is(x, "include"))
        return read_include(ld, x, depth);
    return report(ld, ld->file, x->line,
                  "unexpected <%s> in <rules>; expected <rule>, <macro> or "
                  "<include>",
                  x->name);
}

typedef struct file_ctx {
    loader *ld;
    int depth;
    int checking; /* the first read, without the validator */
    int doubt;    /* the checks could not vouch for an element */
    size_t index; /* top-level elements met */
    size_t skip;  /* taken in the first read: not again */
} file_ctx;

static int on_element(void *ctx, fg_xml_file *xf, const xnode *root,
                      const xnode *top)
{
    file_ctx *fc = ctx;
    loader *ld = fc->ld;
    if (top == NULL) {
        if (fc->checking && root->n_attrs > 0)
            fc->doubt = 1;
        return 0;
    }
    if (fc->doubt || fc->index++ < fc->skip)
        return 0; /* already taken, or to be read again with the schema */
    if (fc->checking && !v_top(top)) {
        fc->doubt = 1;
        fc->index--; /* not taken */
        return 0;
    }
    fg_xml_file *saved = ld->xf;
    ld->xf = xf;
    int rc = top_level(ld, top, fc->depth);
    ld->xf = saved;
    fg_arena_reset(&ld->scratch);
    if (ld->nomem)
        rc = FG_ENOMEM;
    return rc == FG_ENOMEM ? rc : 0;
}

/* Reads one file: checked by the loader when it is plain XML and the
 * schema the known one, else (or when the checks or the reader doubt
 * it) validated by libxml2. */
static int read_file(loader *ld, const char *path, int depth)
{
    static const char *const ROOTS[] = {"rules", NULL};
    file_ctx fc = {ld, depth, 0, 0, 0, 0};
    fg_xml_source xs = {RULES_NS,  ROOTS,      "rule file", NULL,
                        ld->src->digest, on_element, &fc};
    if (ld->fast && fg_xml_plain_file(path, SIZE_MAX)) {
        /* The reader's own messages wait: if anything is wrong, the
         * validating reader repeats them with its own. */
        fg_diag_list *quiet;
        int quiet_errors = 0;
        if (fg_diag_list_new(&quiet) < 0)
            return FG_ENOMEM;
        fc.checking = 1;
        int rc = fg_xml_read(&xs, path, quiet, &quiet_errors);
        size_t said = fg_diag_list_count(quiet);
        fg_diag_list_free(quiet);
        if (rc < 0 || (!fc.doubt && quiet_errors == 0 && said == 0))
            return rc;
        /* The elements before the doubt are taken, and the file's bytes
         * are in the digest. */
        fc.checking = fc.doubt = 0;
        fc.skip = fc.index;
        fc.index = 0;
        xs.digest = NULL;
    }
    xs.schema = ld->schema;
    ld->store->n_validated++;
    return fg_xml_read(&xs, path, ld->diags, &ld->errors);
}

static int load_file(loader *ld, const char *path, int depth)
{
    const char *saved = ld->file;
    ld->file = path;
    int rc = read_file(ld, path, depth);
    ld->file = saved;
    if (rc == FG_ENOMEM)
        ld->nomem = 1;
    return rc;
}

static int strcmp_dirent(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *e) { return e->d_name[0] != '.'; }

static int ends_with_xml(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static int load_dir(loader *ld, const char *path, int dir_depth)
{
    if (dir_depth > MAX_DIR_DEPTH)
        return report(ld, path, 0, "folders nested deeper than %d",
                      MAX_DIR_DEPTH);
    struct dirent **list;
    int n = scandir(path, &list, not_hidden, strcmp_dirent);
    if (n < 0)
        return report(ld, path, 0, "cannot read rule folder: %s",
                      strerror(errno));
    fg_digest_note_folder(ld->src->digest, path);
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (rc != FG_ENOMEM) {
            size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
            char *child = fg_malloc(len);
            if (child == NULL) {
                rc = FG_ENOMEM;
            } else {
                snprintf(child, len, "%s/%s", path, list[i]->d_name);
                struct stat st;
                if (stat(child, &st) == 0 && S_ISDIR(st.st_mode))
                    rc = load_dir(ld, child, dir_depth + 1);
                else if (ends_with_xml(list[i]->d_name))
                    rc = load_path(ld, child, 0);
                fg_free(child);
            }
        }
        free(list[i]);
    }
    free(list);
    return rc == FG_ENOMEM ? rc : 0;
}

/* Loads a file (once) or a folder. */
static int load_path(loader *ld, const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return report(ld, path, 0, "cannot read rules: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return load_dir(ld, path, 0);
    char *real = realpath(path, NULL);
    if (real == NULL)
        return report(ld, path, 0, "cannot read rules: %s", strerror(errno));
    int seen = fg_strmap_find(&ld->files, real, strlen(real), &(uint32_t){0});
    int rc = seen ? 0 : fg_strmap_put(&ld->files, real, strlen(real), 1, 0);
    free(real);
    if (seen || rc < 0)
        return rc;
    const char *kept = keep_str(ld, path);
    return kept ? load_file(ld, kept, depth) : FG_ENOMEM;
}

int fg_rules_load(const fg_rules_source *src, fg_rule_store *store,
                  fg_rule_fn fn, void *ctx, fg_diag_list *diags)
{
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.src = src;
    ld.store = store;
    ld.fn = fn;
    ld.ctx = ctx;
    ld.diags = diags;
    fg_arena_init(&ld.scratch, SCRATCH_BLOCK);
    fg_strmap_init(&ld.files);
    fg_strmap_init(&ld.ids);
    fg_strmap_init(&ld.macros);
    fg_strmap_init(&ld.roles_checked);
    int rc = 0;

    if ((rc = fg_xml_schema_load(&ld.schema, src->schema, diags)) < 0)
        goto done;
    ld.fast = fg_xml_file_digest_is(src->schema, RULES_SCHEMA_XXH3);
    fg_digest_note_file(src->digest, src->schema);
    for (size_t i = 0; i < src->n_paths && !ld.nomem; i++)
        if (load_path(&ld, src->paths[i], 0) == FG_ENOMEM)
            ld.nomem = 1;
    rc = ld.nomem ? FG_ENOMEM : ld.errors ? FG_EDATA : 0;
done:
    fg_xml_schema_free(ld.schema);
    fg_arena_clear(&ld.scratch);
    fg_norm_scratch_clear(&ld.norm);
    fg_strmap_clear(&ld.files);
    fg_strmap_clear(&ld.ids);
    fg_strmap_clear(&ld.macros);
    fg_strmap_clear(&ld.roles_checked);
    fg_free(ld.id_where);
    fg_free(ld.macro_bodies);
    fg_free(ld.macro_depths);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Images (cache.h)                                                    */

static uint64_t regex_save(fg_regex *rx, fg_image_writer *w)
{
    int fresh;
    /* Writable: the code is set on first use. */
    uint64_t h = rx ? fg_image_add(w, rx, rx, sizeof *rx, alignof(fg_regex),
                                   FG_IMAGE_WRITE, &fresh)
                    : 0;
    if (h && fresh) {
        FG_IMAGE_LINK(w, h, fg_regex, source, fg_image_str(w, rx->source));
        void *none = NULL;
        fg_image_set(w, FG_IMAGE_FIELD(h, fg_regex, code), &none, sizeof none);
    }
    return h;
}

uint64_t fg_test_save(const fg_test *t, fg_image_writer *w)
{
    /* Along the list of siblings without recursion: a list may be long. */
    uint64_t first = 0, prev = 0;
    for (;; t = t->next) {
        int fresh = 0;
        uint64_t h = FG_IMAGE_COPY(w, t, 1, &fresh);
        if (prev)
            FG_IMAGE_LINK(w, prev, fg_test, next, h);
        else
            first = h;
        if (!fresh)
            return first; /* the end, or copied before with its siblings */
        FG_IMAGE_LINK(w, h, fg_test, values,
                      fg_image_strv(w, t->values, t->n_values));
        FG_IMAGE_LINK(w, h, fg_test, value_lens,
                      FG_IMAGE_COPY(w, t->value_lens, t->n_values, NULL));
        FG_IMAGE_LINK(
            w, h, fg_test, slots,
            FG_IMAGE_COPY(w, t->slots, t->slots ? t->mask + 1 : 0, NULL));
        FG_IMAGE_LINK(w, h, fg_test, re, regex_save(t->re, w));
        FG_IMAGE_LINK(w, h, fg_test, source, fg_image_str(w, t->source));
        FG_IMAGE_LINK(w, h, fg_test, child, fg_test_save(t->child, w));
        prev = h;
        if (t->next == NULL) {
            FG_IMAGE_LINK(w, h, fg_test, next, 0);
            return first;
        }
    }
}

void fg_rule_def_save(const fg_rule_def *d, fg_image_writer *w, uint64_t at)
{
    FG_IMAGE_LINK(w, at, fg_rule_def, id, fg_image_str(w, d->id));
    FG_IMAGE_LINK(w, at, fg_rule_def, file, fg_image_str(w, d->file));
    FG_IMAGE_LINK(w, at, fg_rule_def, cls, fg_image_str(w, d->cls));
    FG_IMAGE_LINK(w, at, fg_rule_def, pattern, 0);
    uint64_t out = FG_IMAGE_FIELD(at, fg_rule_def, output);
    FG_IMAGE_LINK(w, out, fg_output, name, fg_image_str(w, d->output.name));
    int fresh;
    uint64_t roles =
        FG_IMAGE_COPY(w, d->output.roles, d->output.n_roles, &fresh);
    FG_IMAGE_LINK(w, out, fg_output, roles, roles);
    for (size_t i = 0; fresh && i < d->output.n_roles; i++)
        FG_IMAGE_LINK(w, roles + i * sizeof(fg_const_role), fg_const_role,
                      value, fg_image_str(w, d->output.roles[i].value));
    uint64_t ex = FG_IMAGE_COPY(w, d->examples, d->n_examples, &fresh);
    FG_IMAGE_LINK(w, at, fg_rule_def, examples, ex);
    for (size_t i = 0; fresh && i < d->n_examples; i++) {
        const fg_example *e = &d->examples[i];
        uint64_t eh = ex + i * sizeof *e;
        int fresh_x;
        FG_IMAGE_LINK(w, eh, fg_example, text, fg_image_str(w, e->text));
        uint64_t xs = FG_IMAGE_COPY(w, e->expect, e->n_expect, &fresh_x);
        FG_IMAGE_LINK(w, eh, fg_example, expect, xs);
        for (size_t k = 0; fresh_x && k < e->n_expect; k++)
            FG_IMAGE_LINK(
                w, xs + k * sizeof *e->expect, fg_expect, values,
                fg_image_strv(w, e->expect[k].values, e->expect[k].n_values));
    }
}

void fg_rule_store_save(const fg_rule_store *s, fg_image_writer *w,
                        uint64_t at)
{
    fg_arena arena;
    fg_strmap index;
    memset(&arena, 0, sizeof arena);
    memset(&index, 0, sizeof index);
    fg_image_set(w, FG_IMAGE_FIELD(at, fg_rule_store, arena), &arena,
                 sizeof arena);
    fg_image_set(w, FG_IMAGE_FIELD(at, fg_rule_store, regex_index), &index,
                 sizeof index);
    int fresh;
    uint64_t rs = FG_IMAGE_COPY(w, s->regexes, s->n_regexes, &fresh);
    FG_IMAGE_LINK(w, at, fg_rule_store, regexes, rs);
    for (size_t i = 0; fresh && i < s->n_regexes; i++)
        fg_image_link(w, rs + i * sizeof *s->regexes,
                      regex_save(s->regexes[i], w), 0);
}
