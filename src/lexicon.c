/* lexicon: see lexicon.h. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "lexicon.h"
#include "strmap.h"
#include "text.h"
#include "xmlread.h"

#define LEXICON_NS "https://w3id.org/factgraph/lexicon/1"
#define ARENA_BLOCK (256 * 1024)
#define MAX_DIR_DEPTH 16
#define NONE UINT32_MAX
#define WORD_CLASSES \
    (FG_TAG_VERB | FG_TAG_NOUN | FG_TAG_ADJ | FG_TAG_WORD)
#define MAX_FORM 256 /* bytes of a generated word form, with its NUL */
/* A node of the name trie: the entry whose name ends here, if any. */
typedef struct trie_node {
    uint32_t entry;
    char gender;
    unsigned char modifier;
} trie_node;

struct fg_lexicon {
    int in_image;             /* mapped from the cache: read-only */
    fg_arena arena;
    fg_strmap forms;          /* folded form -> first analysis */
    fg_lex_analysis *analyses;
    size_t n_analyses, cap_analyses;
    fg_strmap particles;      /* separable prefixes */
    fg_gaz_entry *entries;
    size_t n_entries, cap_entries;
    fg_strmap edges;          /* parent node, 'f' or 'e', token -> child */
    trie_node *nodes;
    size_t n_nodes, cap_nodes;
    size_t n_names;
    size_t n_validated;       /* files read with the schema validator */
    fg_strmap prefixes;       /* first part of a hyphenated token -> entry */
};

/* The loader's state. */
typedef struct loader {
    fg_lexicon *lex;
    const fg_tokeniser *tk;
    fg_diag_list *diags;
    fg_xml_file *xf;
    int errors, nomem;
    fg_norm_scratch norm;
    fg_arena scratch;  /* per name */
    fg_token_vec tokens;
    fg_buf key;
    const char *file;  /* kept in the lexicon's arena */
    const char *type, *modifier; /* of the gazetteer being read */
    /* Schema checking (load_file). */
    const char *schema; /* its path */
    void *rng;          /* the compiled schema, once needed */
    int fast;           /* the element checks restate the schema */
    int checking;       /* reading without the validator */
    int doubt;          /* the checks could not vouch for the file */
    size_t index;       /* children of the root seen in this reading */
    size_t skip;        /* of them, those a first reading took */
    fg_diag_list *quiet; /* the reader's messages during checking */
} loader;

static int report(loader *ld, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int report(loader *ld, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fg_diag_vadd(ld->diags, FG_ERROR, FG_EDATA,
                          ld->xf ? fg_xml_file_path(ld->xf) : "", line, 0,
                          FG_NO_OFFSET, fmt, ap);
    va_end(ap);
    ld->errors++;
    if (ld->xf)
        fg_xml_file_note_error(ld->xf, line);
    if (rc < 0) {
        ld->nomem = 1;
        return FG_ENOMEM;
    }
    return FG_EDATA;
}

static const char *keep(loader *ld, const char *s, size_t len)
{
    const char *c = fg_arena_strndup_packed(&ld->lex->arena, s, len);
    if (c == NULL)
        ld->nomem = 1;
    return c;
}

/* ------------------------------------------------------------------ */
/* Word forms                                                          */

/* Whether s[0 .. len) is ASCII, whose folded form is its lowercase (NFC
 * leaves ASCII as it is): most forms and names are, and lowering them
 * in place is cheaper than fg_text_norm, which gives the same. */
static int ascii_lower(char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (char)(s[i] + ('a' - 'A'));
    return 1;
}

/* Adds the analysis (lemma, tags) to the folded form of s[0 .. len),
 * which may be folded in place. */
static int add_form(loader *ld, char *s, size_t len, const char *lemma,
                    uint32_t tags)
{
    fg_lexicon *lex = ld->lex;
    const char *norm = s;
    size_t nlen = len;
    if (len == 0)
        return 0;
    if ((!ascii_lower(s, len) &&
         fg_text_norm(s, len, &ld->norm, &ld->scratch, &norm, &nlen) < 0) ||
        fg_grow((void **)&lex->analyses, &lex->cap_analyses,
                lex->n_analyses + 1, sizeof *lex->analyses) < 0)
        return FG_ENOMEM;
    uint32_t idx = (uint32_t)lex->n_analyses, first;
    int known = fg_strmap_add(&lex->forms, norm, nlen, idx, &first);
    if (known < 0)
        return known;
    uint32_t last = NONE;
    for (uint32_t i = known ? first : NONE; i != NONE;
         i = lex->analyses[i].next) {
        fg_lex_analysis *a = &lex->analyses[i];
        if ((a->lemma == lemma || strcmp(a->lemma, lemma) == 0) &&
            (a->tags & WORD_CLASSES) == (tags & WORD_CLASSES)) {
            a->tags |= tags; /* the same word: more features */
            return 0;
        }
        last = i;
    }
    lex->n_analyses++;
    lex->analyses[idx] = (fg_lex_analysis){lemma, (uint32_t)strlen(lemma),
                                           tags, NONE};
    if (known) /* append, so that analyses keep file order */
        lex->analyses[last].next = idx;
    return 0;
}

/* The folded lemma, kept. */
static const char *fold_lemma(loader *ld, const char *s)
{
    const char *norm;
    size_t nlen;
    if (fg_text_norm(s, strlen(s), &ld->norm, &ld->scratch, &norm, &nlen) < 0)
        return NULL;
    return keep(ld, norm, nlen);
}

/* Calls add_form for prefix + stem + suffix. The tens of thousands of
 * generated forms are the bulk of the loading, hence memcpy, not
 * snprintf. */
static int add_parts(loader *ld, const char *prefix, const char *stem,
                     const char *suffix, const char *lemma, uint32_t tags)
{
    char buf[MAX_FORM];
    size_t a = strlen(prefix), b = strlen(stem), c = strlen(suffix);
    if (a + b + c >= sizeof buf)
        return report(ld, 0, "word form too long: %s%s%s", prefix, stem,
                      suffix);
    memcpy(buf, prefix, a);
    memcpy(buf + a, stem, b);
    memcpy(buf + a + b, suffix, c);
    return add_form(ld, buf, a + b + c, lemma, tags);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Whether s ends in a letter after which German inserts -e- before
 * -st/-t endings. */
static int needs_e(const char *s)
{
    return ends_with(s, "t") || ends_with(s, "d");
}

static const char *const ENDINGS[] = {"", "e", "en", "er", "es", "em", NULL};

/* The forms with adjective endings of prefix + stem. */
static int add_adjective(loader *ld, const char *prefix, const char *stem,
                         const char *lemma, uint32_t tags)
{
    int rc = 0;
    for (int k = 0; ENDINGS[k] && rc == 0; k++)
        rc = add_parts(ld, prefix, stem, ENDINGS[k], lemma, tags);
    return rc;
}

/* A finite paradigm from a singular form f: f, f+st, f+(e)n, f+t
 * (preterite and subjunctive II). */
static int add_past(loader *ld, const char *prefix, const char *f,
                    const char *lemma, uint32_t tags)
{
    int e = ends_with(f, "e");
    int sib = ends_with(f, "s") || ends_with(f, "ß") || ends_with(f, "z");
    const char *st = e ? "st" : needs_e(f) || sib ? "est" : "st";
    int rc = add_parts(ld, prefix, f, "", lemma, tags);
    if (rc == 0)
        rc = add_parts(ld, prefix, f, st, lemma, tags);
    if (rc == 0)
        rc = add_parts(ld, prefix, f, e ? "n" : "en", lemma, tags);
    if (rc == 0)
        rc = add_parts(ld, prefix, f, e ? "t" : needs_e(f) ? "et" : "t", lemma,
                       tags);
    return rc;
}

typedef struct verb_parts {
    const char *lemma, *pres2, *pres3, *past, *subj, *part, *forms;
} verb_parts;

/* Adds the forms of a verb with prefix (possibly "") as the verb lemma:
 * sep says whether the prefix is separable (then the zu-infinitive is
 * prefix + zu + lemma), insep whether it replaces the participle's ge-. */
static int add_verb_forms(loader *ld, const verb_parts *v, const char *prefix,
                          int sep, int insep, const char *lemma)
{
    uint32_t V = FG_TAG_VERB | (sep ? FG_TAG_SEPARABLE : 0);
    const char *l = v->lemma;
    size_t n = strlen(l);
    char stem[128];
    size_t sn = ends_with(l, "en") ? n - 2 : ends_with(l, "n") ? n - 1 : n;
    if (sn >= sizeof stem)
        return report(ld, 0, "verb too long: %s", l);
    memcpy(stem, l, sn);
    stem[sn] = '\0';
    int rc = add_parts(ld, prefix, l, "", lemma,
                       V | FG_TAG_FINITE | FG_TAG_INFINITIVE | FG_TAG_LEMMA);
    if (rc == 0 && sep)
        rc = add_parts(ld, prefix, "zu", l, lemma, V | FG_TAG_ZU);
    if (rc < 0)
        return rc;
    /* The present participle: lemma + d, with endings. n < 130 here. */
    char pp[160];
    memcpy(pp, l, n);
    memcpy(pp + n, "d", 2);
    if ((rc = add_adjective(ld, prefix, pp, lemma, V | FG_TAG_ADJ)) < 0)
        return rc;
    if (v->pres3 == NULL)
        return 0;
    uint32_t F = V | FG_TAG_FINITE;
    /* Present. */
    char pres2[128];
    if (v->pres2)
        snprintf(pres2, sizeof pres2, "%s", v->pres2);
    else if (ends_with(v->pres3, "t") && !ends_with(v->pres3, "st"))
        snprintf(pres2, sizeof pres2, "%.*sst", (int)strlen(v->pres3) - 1,
                 v->pres3);
    else
        snprintf(pres2, sizeof pres2, "%s", v->pres3);
    if ((rc = add_parts(ld, prefix, stem, "e", lemma, F)) == 0 &&
        (rc = add_parts(ld, prefix, pres2, "", lemma, F)) == 0 &&
        (rc = add_parts(ld, prefix, v->pres3, "", lemma, F)) == 0 &&
        (rc = add_parts(ld, prefix, stem, needs_e(stem) ? "et" : "t", lemma,
                        F)) == 0)
        /* Subjunctive I. */
        for (int k = 0; k < 4 && rc == 0; k++)
            rc = add_parts(ld, prefix, stem,
                           (const char *const[]){"e", "est", "en", "et"}[k],
                           lemma, F);
    if (rc == 0)
        rc = add_past(ld, prefix, v->past, lemma, F | FG_TAG_PAST);
    if (rc == 0 && v->subj)
        rc = add_past(ld, prefix, v->subj, lemma, F | FG_TAG_PAST);
    if (rc < 0)
        return rc;
    /* The past participle, and as an adjective. */
    const char *part = v->part;
    if (insep && strncmp(part, "ge", 2) == 0 && strlen(part) > 4)
        part += 2;
    rc = add_parts(ld, prefix, part, "", lemma, V | FG_TAG_PARTICIPLE);
    for (int k = 1; ENDINGS[k] && rc == 0; k++)
        rc = add_parts(ld, prefix, part, ENDINGS[k], lemma,
                       V | FG_TAG_PARTICIPLE | FG_TAG_ADJ);
    return rc;
}

/* Calls fn for each space-separated word of s. */
static int each_word(loader *ld, const char *s,
                     int (*fn)(loader *ld, const char *w, size_t len,
                               void *ctx),
                     void *ctx)
{
    int rc = 0;
    while (s && *s && rc >= 0) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        size_t n = strcspn(s, " \t\r\n");
        if (n)
            rc = fn(ld, s, n, ctx);
        s += n;
    }
    return rc;
}

typedef struct form_ctx {
    const char *prefix;
    const char *lemma;
    uint32_t tags;
    int adjective;    /* add the endings */
    const char *part; /* a verb's participle, or NULL */
} form_ctx;

static int form_word(loader *ld, const char *w, size_t len, void *ctx)
{
    form_ctx *c = ctx;
    char buf[MAX_FORM];
    if (len >= sizeof buf - strlen(c->prefix))
        return report(ld, 0, "word form too long");
    memcpy(buf, w, len);
    buf[len] = '\0';
    uint32_t tags = c->tags;
    /* Explicit verb forms: finite, or participles: ge-...-en/t, or the
     * participle without its ge- (werden: worden). */
    if (tags & FG_TAG_VERB)
        tags |= (strncmp(buf, "ge", 2) == 0 && len > 5 &&
                 (ends_with(buf, "en") || ends_with(buf, "t"))) ||
                        (c->part && strncmp(c->part, "ge", 2) == 0 &&
                         strcmp(c->part + 2, buf) == 0)
                    ? FG_TAG_PARTICIPLE
                    : FG_TAG_FINITE;
    if (c->adjective)
        return add_adjective(ld, c->prefix, buf, c->lemma, tags);
    return add_parts(ld, c->prefix, buf, "", c->lemma, tags);
}

static int add_words(loader *ld, const char *list, const char *prefix,
                     const char *lemma, uint32_t tags, int adjective,
                     const char *part)
{
    form_ctx c = {prefix, lemma, tags, adjective, part};
    return each_word(ld, list, form_word, &c);
}

/* ------------------------------------------------------------------ */
/* Lexicon elements                                                    */

static const char *attr_or_null(const fg_xnode *x, const char *name)
{
    const char *v = fg_xnode_attr(x, name);
    return v && v[0] ? v : NULL;
}

/* A verb with a prefix: its lemma and all its forms. */
static int add_prefixed(loader *ld, const verb_parts *v, const char *prefix,
                        size_t plen, int sep)
{
    char p[64], whole[192];
    if (plen >= sizeof p)
        return report(ld, 0, "prefix too long");
    memcpy(p, prefix, plen);
    p[plen] = '\0';
    snprintf(whole, sizeof whole, "%s%s", p, v->lemma);
    const char *lemma = fold_lemma(ld, whole);
    if (lemma == NULL)
        return FG_ENOMEM;
    int rc = add_verb_forms(ld, v, p, sep, !sep, lemma);
    if (rc == 0 && v->forms)
        rc = add_words(ld, v->forms, p, lemma, FG_TAG_VERB, 0, v->part);
    if (rc == 0 && sep)
        rc = fg_strmap_put(&ld->lex->particles, p, plen, 1, 0);
    return rc;
}

typedef struct prefix_ctx {
    const verb_parts *v;
    int sep;
} prefix_ctx;

static int prefix_word(loader *ld, const char *w, size_t len, void *ctx)
{
    prefix_ctx *c = ctx;
    return add_prefixed(ld, c->v, w, len, c->sep);
}

static int read_verb(loader *ld, const fg_xnode *x)
{
    verb_parts v = {fg_xnode_attr(x, "lemma"), attr_or_null(x, "pres2"),
                    attr_or_null(x, "pres3"), attr_or_null(x, "past"),
                    attr_or_null(x, "subj"),  attr_or_null(x, "part"),
                    attr_or_null(x, "forms")};
    if (v.lemma == NULL) /* the schema reports it too: this line is noted */
        return report(ld, x->line, "<verb> needs a lemma");
    if ((v.pres3 || v.past || v.part) && !(v.pres3 && v.past && v.part))
        return report(ld, x->line,
                      "verb '%s': give all of pres3, past and part, or none",
                      v.lemma);
    if (!v.pres3 && (v.pres2 || v.subj))
        return report(ld, x->line,
                      "verb '%s': pres2 and subj need the principal parts",
                      v.lemma);
    const char *lemma = fold_lemma(ld, v.lemma);
    if (lemma == NULL)
        return FG_ENOMEM;
    int rc = add_verb_forms(ld, &v, "", 0, 0, lemma);
    if (rc == 0 && v.forms)
        rc = add_words(ld, v.forms, "", lemma, FG_TAG_VERB, 0, v.part);
    prefix_ctx sep = {&v, 1}, insep = {&v, 0};
    if (rc == 0)
        rc = each_word(ld, fg_xnode_attr(x, "sep"), prefix_word, &sep);
    if (rc == 0)
        rc = each_word(ld, fg_xnode_attr(x, "insep"), prefix_word, &insep);
    return rc;
}

static int read_word(loader *ld, const fg_xnode *x, uint32_t cls)
{
    const char *l = fg_xnode_attr(x, "lemma");
    if (l == NULL)
        return report(ld, x->line, "<%s> needs a lemma", x->name);
    const char *lemma = fold_lemma(ld, l);
    if (lemma == NULL)
        return FG_ENOMEM;
    int adj = cls == FG_TAG_ADJ;
    int rc = adj ? add_adjective(ld, "", l, lemma, cls)
                 : add_parts(ld, "", l, "", lemma, cls | FG_TAG_LEMMA);
    if (rc == 0 && adj) /* the bare lemma is the lemma */
        rc = add_parts(ld, "", l, "", lemma, cls | FG_TAG_LEMMA);
    if (rc == 0)
        rc = add_words(ld, fg_xnode_attr(x, "forms"), "", lemma, cls, adj,
                       NULL);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Gazetteers                                                          */

/* The key of the trie edge from node parent over a token: 'f' and its
 * folded form, or 'e' and its surface form (names that match exactly). */
static int edge_key(fg_buf *b, uint32_t parent, char kind, const char *s,
                    size_t len)
{
    fg_buf_reset(b);
    int rc = fg_buf_add(b, &parent, sizeof parent);
    if (rc == 0)
        rc = fg_buf_addc(b, kind);
    if (rc == 0)
        rc = fg_buf_add(b, s, len);
    return rc;
}

static int new_node(fg_lexicon *lex, uint32_t *out)
{
    if (fg_grow((void **)&lex->nodes, &lex->cap_nodes, lex->n_nodes + 1,
                sizeof *lex->nodes) < 0)
        return FG_ENOMEM;
    lex->nodes[lex->n_nodes] = (trie_node){NONE, 0, 0};
    *out = (uint32_t)lex->n_nodes++;
    return 0;
}

/* Moves *node along the edge over one token (kind and s[0 .. len) as in
 * edge_key), making the edge and its node when they are new. */
static int follow(loader *ld, uint32_t *node, char kind, const char *s,
                  size_t len)
{
    fg_lexicon *lex = ld->lex;
    int rc = edge_key(&ld->key, *node, kind, s, len);
    if (rc < 0)
        return rc;
    int known = fg_strmap_add(&lex->edges, ld->key.data, ld->key.len,
                              (uint32_t)lex->n_nodes, node);
    if (known < 0)
        return known;
    return known ? 0 : new_node(lex, node); /* the index the edge has */
}

/* Whether name[0 .. len) is one token to the tokeniser, whose folded
 * form is its lowercase: ASCII letters only (no digit, hyphen, period or
 * apostrophe, which the tokeniser treats specially), not longer than a
 * token can be. Three names in four are (given names). */
static int one_ascii_word(const char *name, size_t len)
{
    if (len == 0 || len > FG_MAX_TOKEN_BYTES)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') ||
              (name[i] >= 'A' && name[i] <= 'Z')))
            return 0;
    return 1;
}

/* Adds a name (tokenised like text) of entry to the trie. */
static int add_name(loader *ld, unsigned long line, const char *name,
                    size_t len, int exact, char gender, int modifier)
{
    fg_lexicon *lex = ld->lex;
    uint32_t node = 0;
    int rc = 0;
    if (one_ascii_word(name, len)) {
        char folded[FG_MAX_TOKEN_BYTES];
        memcpy(folded, name, len);
        ascii_lower(folded, len);
        rc = follow(ld, &node, exact ? 'e' : 'f', exact ? name : folded, len);
    } else {
        fg_text text;
        fg_arena_reset(&ld->scratch);
        rc = fg_text_repair(&text, name, len, &ld->scratch);
        size_t sentences;
        fg_doc_origin origin = {fg_xml_file_path(ld->xf), line};
        if (rc == 0)
            rc = fg_tokenise(ld->tk, &text, &ld->tokens, &ld->norm,
                             &ld->scratch, &origin, ld->diags, &sentences);
        if (rc < 0)
            return rc;
        if (ld->tokens.n == 0)
            return report(ld, line, "empty name");
        for (size_t i = 0; i < ld->tokens.n && rc == 0; i++) {
            const fg_token *t = &ld->tokens.items[i];
            rc = exact ? follow(ld, &node, 'e', text.data + t->start,
                                t->end - t->start)
                       : follow(ld, &node, 'f', t->norm, t->norm_len);
        }
    }
    if (rc < 0)
        return rc;
    trie_node *tn = &lex->nodes[node];
    if (tn->entry != NONE)
        return 0; /* an earlier entry has this name: it stays */
    tn->entry = (uint32_t)(lex->n_entries - 1);
    tn->gender = gender;
    tn->modifier = (unsigned char)modifier;
    lex->n_names++;
    return 0;
}

static char gender_attr(const fg_xnode *x, char dflt)
{
    const char *g = fg_xnode_attr(x, "gender");
    return g && (g[0] == 'm' || g[0] == 'f') ? g[0] : dflt;
}

/* Trims the whitespace around an element's text. */
static const char *trimmed(const fg_xnode *x, size_t *len_out)
{
    const char *s = x->text.data ? x->text.data : "";
    size_t n = x->text.len;
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        n--;
    *len_out = n;
    return s;
}

static int read_entry(loader *ld, const fg_xnode *x)
{
    fg_lexicon *lex = ld->lex;
    const char *label = fg_xnode_attr(x, "label");
    const char *cls = fg_xnode_attr(x, "class");
    if (label == NULL || cls == NULL)
        return report(ld, x->line, "<entry> needs a label and a class");
    if (fg_grow((void **)&lex->entries, &lex->cap_entries, lex->n_entries + 1,
                sizeof *lex->entries) < 0)
        return FG_ENOMEM;
    fg_gaz_entry *e = &lex->entries[lex->n_entries];
    e->label = keep(ld, label, strlen(label));
    e->cls = keep(ld, cls, strlen(cls));
    e->type = ld->type;
    e->modifier = ld->modifier;
    e->file = ld->file;
    e->line = x->line;
    e->gender = gender_attr(x, 0);
    if (e->label == NULL || e->cls == NULL)
        return FG_ENOMEM;
    lex->n_entries++;
    int rc = 0;
    for (const fg_xnode *c = x->child; c && rc >= 0; c = c->next) {
        size_t len;
        const char *s = trimmed(c, &len);
        if (len == 0) {
            rc = report(ld, c->line, "<%s> is empty", c->name);
            continue;
        }
        if (fg_xnode_is(c, "name")) {
            const char *cs = fg_xnode_attr(c, "case");
            rc = add_name(ld, c->line, s, len, cs && strcmp(cs, "exact") == 0,
                          gender_attr(c, e->gender), 0);
        } else if (ld->modifier == NULL) {
            rc = report(ld, c->line,
                        "<%s> needs a modifier type on <gazetteer>", c->name);
        } else if (fg_xnode_is(c, "adj")) {
            for (int k = 0; ENDINGS[k] && rc == 0; k++) {
                char buf[MAX_FORM];
                size_t m = strlen(ENDINGS[k]);
                if (len + m >= sizeof buf) {
                    rc = report(ld, c->line, "adjective too long");
                } else {
                    memcpy(buf, s, len);
                    memcpy(buf + len, ENDINGS[k], m);
                    rc = add_name(ld, c->line, buf, len + m, 0, 0, 1);
                }
            }
        } else if (fg_xnode_is(c, "prefix")) {
            uint32_t old;
            if (!fg_strmap_find(&lex->prefixes, s, len, &old))
                rc = fg_strmap_put(&lex->prefixes, s, len,
                                   (uint32_t)(lex->n_entries - 1), 0);
        }
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Checking files without the RELAX NG validator                       */

/* libxml2 validates RELAX NG slowly: validating the lexicon files took
 * 110 of the 170 ms start-up (doc/lexicon.md, Measurements). It compiles
 * a pattern facet's regular expression anew for every value it checks,
 * and it backtracks over the nine optional attributes of <verb>. So the
 * loader first reads a file without the validator and checks each
 * element itself against the rules below, which restate the schema.
 * They only ever vouch for what the schema accepts: whatever they are
 * unsure of (a value outside the ones listed, a CDATA section, a comment
 * inside a name, an attribute with a namespace prefix) sends the file to
 * the validator, which then has the last word and reports as it always
 * did. The elements taken before the doubt are not taken again.
 *
 * The rules restate one version of the schema, identified by the digest
 * of its bytes; with any other schema file every file is validated. When
 * the schema changes, update the rules and SCHEMA_XXH3 together (then
 * fg_lexicon_validated_count is 0 again for the shipped files, and the
 * start-up benchmark, bench/startup, is fast again). */
#define SCHEMA_XXH3 0xdd1805e450537f2fULL

/* What an attribute's value or an element's text must be. */
typedef enum value_kind {
    V_STRING,   /* any string (the schema's "words": its pattern matches
                   every string) */
    V_NONEMPTY, /* xsd:string with minLength 1 */
    V_WORD,     /* "word-text": [^\s]+ */
    V_TYPENAME, /* [A-Za-z][A-Za-z0-9_\-]* */
    V_CLASS,    /* the values of entry/@class */
    V_GENDER,   /* m or f */
    V_CASE      /* exact or fold */
} value_kind;

static const fg_xattr_rule VERB_ATTRS[] = {
    {"lemma", V_WORD, NULL, 1},   {"pres2", V_WORD, NULL, 0},
    {"pres3", V_WORD, NULL, 0},   {"past", V_WORD, NULL, 0},
    {"subj", V_WORD, NULL, 0},    {"part", V_WORD, NULL, 0},
    {"forms", V_STRING, NULL, 0}, {"sep", V_STRING, NULL, 0},
    {"insep", V_STRING, NULL, 0}, {NULL, V_STRING, NULL, 0}};
static const fg_xattr_rule WORD_ATTRS[] = { /* noun, adj, word */
    {"lemma", V_WORD, NULL, 1},
    {"forms", V_STRING, NULL, 0},
    {NULL, V_STRING, NULL, 0}};
static const fg_xattr_rule GAZETTEER_ATTRS[] = {
    {"type", V_TYPENAME, NULL, 1},
    {"modifier", V_TYPENAME, NULL, 0},
    {NULL, V_STRING, NULL, 0}};
static const fg_xattr_rule ENTRY_ATTRS[] = {
    {"label", V_NONEMPTY, NULL, 1},
    {"class", V_CLASS, NULL, 1},
    {"gender", V_GENDER, NULL, 0},
    {NULL, V_STRING, NULL, 0}};
static const fg_xattr_rule NAME_ATTRS[] = {{"case", V_CASE, NULL, 0},
                                           {"gender", V_GENDER, NULL, 0},
                                           {NULL, V_STRING, NULL, 0}};
static const fg_xattr_rule NO_ATTRS[] = {{NULL, V_STRING, NULL, 0}};

static const char *const CLASSES[] = {"Country", "Place",  "Organization",
                                      "Person",  "Office", "Group", NULL};
static const char *const GENDERS[] = {"m", "f", NULL};
static const char *const CASES[] = {"exact", "fold", NULL};

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!fg_xml_is_space(s[i]))
            return 0;
    return 1;
}

static int is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int one_of(const char *s, const char *const *values)
{
    for (size_t i = 0; values[i]; i++)
        if (strcmp(s, values[i]) == 0)
            return 1;
    return 0;
}

/* Whether s[0 .. n) is surely a valid value of kind. The <value>s of a
 * choice are tokens, which the schema compares after collapsing white
 * space: only the exact spelling is vouched for. */
static int value_ok(const char *s, size_t n, value_kind kind)
{
    switch (kind) {
    case V_STRING:
        return 1;
    case V_NONEMPTY:
        return n > 0;
    case V_WORD:
        for (size_t i = 0; i < n; i++)
            if (fg_xml_is_space(s[i]))
                return 0;
        return n > 0;
    case V_TYPENAME:
        if (n == 0 || !is_alpha(s[0]))
            return 0;
        for (size_t i = 1; i < n; i++)
            if (!is_alpha(s[i]) && !(s[i] >= '0' && s[i] <= '9') &&
                s[i] != '_' && s[i] != '-')
                return 0;
        return 1;
    case V_CLASS:
        return one_of(s, CLASSES);
    case V_GENDER:
        return one_of(s, GENDERS);
    case V_CASE:
        return one_of(s, CASES);
    }
    return 0;
}

/* value_ok as an fg_xvalue_fn. */
static int attr_value_ok(const char *v, int kind, const char *const *values)
{
    (void)values;
    return value_ok(v, strlen(v), (value_kind)kind);
}

static int attrs_ok(const fg_xnode *x, const fg_xattr_rule *rules)
{
    return fg_xml_attrs_ok(x, LEXICON_NS, rules, NULL, attr_value_ok);
}

/* Whether an element that holds only white space and nothing else, or
 * (text_kind >= 0) only text of that kind, is surely valid. */
static int leaf_ok(const fg_xnode *x, const fg_xattr_rule *rules,
                   int text_kind)
{
    const char *t = x->text.data ? x->text.data : "";
    return x->child == NULL && attrs_ok(x, rules) &&
           (text_kind < 0 ? all_space(t, x->text.len)
                          : value_ok(t, x->text.len, (value_kind)text_kind));
}

/* Whether the root element is surely valid (its name and namespace are
 * xmlread's to check). */
static int root_ok(const fg_xnode *root)
{
    return attrs_ok(root, fg_xnode_is(root, "gazetteer") ? GAZETTEER_ATTRS
                                                         : NO_ATTRS);
}

/* What a child of the root is. */
typedef enum elem_kind {
    E_OTHER, E_VERB, E_NOUN, E_ADJ, E_WORD, E_ENTRY
} elem_kind;

static elem_kind kind_of(const fg_xnode *root, const fg_xnode *x)
{
    if (fg_xnode_is(root, "gazetteer"))
        return fg_xnode_is(x, "entry") ? E_ENTRY : E_OTHER;
    return fg_xnode_is(x, "verb")   ? E_VERB
           : fg_xnode_is(x, "noun") ? E_NOUN
           : fg_xnode_is(x, "adj")  ? E_ADJ
           : fg_xnode_is(x, "word") ? E_WORD
                                    : E_OTHER;
}

/* Whether a child of the root, of kind, is surely valid. */
static int top_ok(elem_kind kind, const fg_xnode *x)
{
    switch (kind) {
    case E_OTHER:
        return 0;
    case E_VERB:
        return leaf_ok(x, VERB_ATTRS, -1);
    case E_NOUN:
    case E_ADJ:
    case E_WORD:
        return leaf_ok(x, WORD_ATTRS, -1);
    case E_ENTRY:
        break;
    }
    const char *t = x->text.data ? x->text.data : "";
    if (!attrs_ok(x, ENTRY_ATTRS) || !all_space(t, x->text.len) ||
        x->child == NULL)
        return 0;
    for (const fg_xnode *c = x->child; c; c = c->next) {
        int ok = fg_xnode_is(c, "name")
                     ? leaf_ok(c, NAME_ATTRS, V_NONEMPTY)
                     : (fg_xnode_is(c, "adj") || fg_xnode_is(c, "prefix")) &&
                           leaf_ok(c, NO_ATTRS, V_WORD);
        if (!ok)
            return 0;
    }
    return 1;
}

/* The compiled schema, loaded when first needed. */
static int need_schema(loader *ld)
{
    if (ld->rng == NULL)
        return fg_xml_schema_load(&ld->rng, ld->schema, ld->diags);
    return 0;
}

/* Reads one file: checked by the loader when it is plain XML, else (or
 * when the checks or the reader doubt it) validated by libxml2. */
static int load_file(loader *ld, const fg_xml_source *xs, const char *path)
{
    fg_xml_source src = *xs;
    ld->skip = 0;
    if (ld->fast && fg_xml_plain_file(path, 2)) {
        /* The reader's own messages wait in ld->quiet: if anything is
         * wrong, the validating reader will repeat them with its own. */
        int quiet_errors = 0;
        ld->checking = 1;
        ld->doubt = 0;
        ld->index = 0;
        fg_diag_list_clear(ld->quiet);
        src.schema = NULL;
        int rc = fg_xml_read(&src, path, ld->quiet, &quiet_errors);
        ld->checking = 0;
        if (rc < 0)
            return rc;
        if (!ld->doubt && quiet_errors == 0 &&
            fg_diag_list_count(ld->quiet) == 0)
            return 0;
        /* The elements before the doubt are in the lexicon already, and
         * the file's bytes are in the digest. */
        ld->skip = ld->index;
        src.digest = NULL;
    }
    int rc = need_schema(ld);
    if (rc < 0)
        return rc;
    ld->doubt = 0;
    ld->index = 0;
    src.schema = ld->rng;
    ld->lex->n_validated++;
    return fg_xml_read(&src, path, ld->diags, &ld->errors);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

static int on_element(void *ctx, fg_xml_file *xf, const fg_xnode *root,
                      const fg_xnode *top)
{
    loader *ld = ctx;
    if (top && (ld->doubt || ld->index++ < ld->skip))
        return 0; /* already read, or to be read again with the schema */
    elem_kind kind = top ? kind_of(root, top) : E_OTHER;
    if (ld->checking && !(top ? top_ok(kind, top) : root_ok(root))) {
        ld->doubt = 1;
        if (top)
            ld->index--; /* not taken */
        return 0;
    }
    ld->xf = xf;
    fg_arena_reset(&ld->scratch);
    int rc = 0;
    if (top == NULL) { /* the root */
        ld->file = keep(ld, fg_xml_file_path(xf), strlen(fg_xml_file_path(xf)));
        ld->type = ld->modifier = NULL;
        if (fg_xnode_is(root, "gazetteer")) {
            const char *t = fg_xnode_attr(root, "type");
            const char *m = fg_xnode_attr(root, "modifier");
            ld->type = t ? keep(ld, t, strlen(t)) : NULL;
            ld->modifier = m && m[0] ? keep(ld, m, strlen(m)) : NULL;
        }
    } else {
        switch (kind) {
        case E_ENTRY:
            rc = read_entry(ld, top);
            break;
        case E_VERB:
            rc = read_verb(ld, top);
            break;
        case E_NOUN:
            rc = read_word(ld, top, FG_TAG_NOUN);
            break;
        case E_ADJ:
            rc = read_word(ld, top, FG_TAG_ADJ);
            break;
        case E_WORD:
            rc = read_word(ld, top, FG_TAG_WORD);
            break;
        case E_OTHER:
            rc = report(ld, top->line, "unexpected <%s> in <%s>", top->name,
                        root->name);
            break;
        }
    }
    ld->xf = NULL;
    if (ld->nomem)
        rc = FG_ENOMEM;
    return rc == FG_ENOMEM ? rc : 0;
}

static int strcmp_dirent(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *e) { return e->d_name[0] != '.'; }

static int load_dir(loader *ld, const fg_xml_source *xs, const char *path,
                    int depth)
{
    if (depth > MAX_DIR_DEPTH)
        return report(ld, 0, "%s: folders nested deeper than %d", path,
                      MAX_DIR_DEPTH);
    struct dirent **list;
    int n = scandir(path, &list, not_hidden, strcmp_dirent);
    if (n < 0)
        return errno == ENOENT ? 0
                               : report(ld, 0, "cannot read lexicon folder "
                                               "%s: %s",
                                        path, strerror(errno));
    fg_digest_note_folder(xs->digest, path);
    int rc = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
        char *child = rc == FG_ENOMEM ? NULL : fg_malloc(len);
        if (child) {
            snprintf(child, len, "%s/%s", path, list[i]->d_name);
            struct stat st;
            size_t nl = strlen(list[i]->d_name);
            if (stat(child, &st) == 0 && S_ISDIR(st.st_mode))
                rc = load_dir(ld, xs, child, depth + 1);
            else if (nl > 4 && strcmp(list[i]->d_name + nl - 4, ".xml") == 0)
                rc = load_file(ld, xs, child);
            fg_free(child);
        } else if (rc != FG_ENOMEM) {
            rc = FG_ENOMEM;
        }
        free(list[i]);
    }
    free(list);
    return rc == FG_ENOMEM || ld->nomem ? FG_ENOMEM : 0;
}

int fg_lexicon_load(fg_lexicon **out, const char *dir, const char *schema,
                    const fg_tokeniser *tk, fg_digest *digest,
                    fg_diag_list *diags)
{
    *out = NULL;
    fg_lexicon *lex = fg_calloc(1, sizeof *lex);
    if (lex == NULL)
        return FG_ENOMEM;
    fg_arena_init(&lex->arena, ARENA_BLOCK);
    fg_strmap_init_in(&lex->forms, &lex->arena);
    fg_strmap_init_in(&lex->particles, &lex->arena);
    fg_strmap_init_in(&lex->edges, &lex->arena);
    fg_strmap_init_in(&lex->prefixes, &lex->arena);
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.lex = lex;
    ld.tk = tk;
    ld.diags = diags;
    ld.schema = schema;
    fg_arena_init(&ld.scratch, 16 * 1024);
    fg_buf_init(&ld.key, 1 << 16);
    uint32_t root;
    struct stat st;
    int rc = new_node(lex, &root);
    fg_digest_note_folder(digest, dir); /* also when there is none */
    if (rc == 0 && stat(dir, &st) == 0) { /* no folder: an empty lexicon */
        /* A schema the checks restate is loaded only if a file needs it;
         * any other is loaded now, so that its errors come first. */
        ld.fast = fg_xml_file_digest_is(schema, SCHEMA_XXH3);
        fg_digest_note_file(digest, schema);
        if (ld.fast)
            rc = fg_diag_list_new(&ld.quiet);
        else
            rc = need_schema(&ld);
        if (rc == 0) {
            static const char *const ROOTS[] = {"lexicon", "gazetteer", NULL};
            fg_xml_source xs = {LEXICON_NS, ROOTS, "lexicon file", NULL,
                                digest, on_element, &ld};
            rc = load_dir(&ld, &xs, dir, 0);
        }
    }
    if (rc == 0 && ld.errors)
        rc = FG_EDATA;
    fg_xml_schema_free(ld.rng);
    fg_diag_list_free(ld.quiet);
    fg_arena_clear(&ld.scratch);
    fg_token_vec_clear(&ld.tokens);
    fg_norm_scratch_clear(&ld.norm);
    fg_buf_clear(&ld.key);
    if (rc < 0) {
        fg_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return 0;
}

void fg_lexicon_free(fg_lexicon *lex)
{
    if (lex == NULL || lex->in_image)
        return;
    fg_arena_clear(&lex->arena);
    fg_strmap_clear(&lex->forms);
    fg_strmap_clear(&lex->particles);
    fg_strmap_clear(&lex->edges);
    fg_strmap_clear(&lex->prefixes);
    fg_free(lex->analyses);
    fg_free(lex->entries);
    fg_free(lex->nodes);
    fg_free(lex);
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */

uint32_t fg_lexicon_find(const fg_lexicon *lex, const char *norm, size_t len)
{
    uint32_t i;
    return fg_strmap_find(&lex->forms, norm, len, &i) ? i : NONE;
}

const fg_lex_analysis *fg_lexicon_analysis(const fg_lexicon *lex, uint32_t i)
{
    return i < lex->n_analyses ? &lex->analyses[i] : NULL;
}

int fg_lexicon_is_particle(const fg_lexicon *lex, const char *norm,
                           size_t len)
{
    uint32_t v;
    return fg_strmap_find(&lex->particles, norm, len, &v);
}

/* The child of node over token t along an edge of one kind: 'e' over its
 * surface form, 'f' over its folded form. NONE when there is none. */
static uint32_t child_of(const fg_lexicon *lex, uint32_t node, char kind,
                         const fg_token *t, const char *text)
{
    char key[FG_MAX_TOKEN_BYTES * 4 + 8];
    const char *s = kind == 'e' ? text + t->start : t->norm;
    size_t slen = kind == 'e' ? t->end - t->start : t->norm_len;
    uint32_t child;
    if (slen + 5 > sizeof key)
        return NONE;
    memcpy(key, &node, 4);
    key[4] = kind;
    memcpy(key + 5, s, slen);
    return fg_strmap_find(&lex->edges, key, slen + 5, &child) ? child : NONE;
}

/* The trie paths followed at once. A node can have an exact and a folded
 * edge over the same token ("Xi" exact, "xi jinping" folded), so several
 * paths may be alive, rarely more than two; beyond this many, the paths
 * that come last in the order of fg_lexicon_match are not followed. */
#define MAX_PATHS 16

int fg_lexicon_match(const fg_lexicon *lex, const fg_token *tokens, size_t n,
                     size_t i, const char *text, fg_gaz_hit *hit)
{
    /* Every path is followed, token by token, and the longest name wins
     * whether its edges are exact or folded: an exact short name must
     * not hide a longer folded one. Of names equally long, the first in
     * this order: exact edges before folded ones, token by token. */
    uint32_t paths[2][MAX_PATHS];
    size_t alive = 1;
    int cur = 0, found = 0;
    paths[0][0] = 0;
    for (size_t j = i; j < n && alive > 0; j++) {
        size_t next = 0;
        int hit_here = 0;
        for (size_t p = 0; p < alive; p++) {
            for (int k = 0; k < 2 && next < MAX_PATHS; k++) {
                uint32_t c = child_of(lex, paths[cur][p], k ? 'f' : 'e',
                                      &tokens[j], text);
                if (c == NONE)
                    continue;
                paths[!cur][next++] = c;
                const trie_node *tn = &lex->nodes[c];
                if (tn->entry != NONE && !hit_here) {
                    *hit = (fg_gaz_hit){tn->entry, (uint32_t)(j + 1),
                                        tn->modifier, tn->gender};
                    hit_here = found = 1;
                }
            }
        }
        alive = next;
        cur = !cur;
    }
    if (found)
        return 1;
    /* The first part of a hyphenated compound: US-Präsident. */
    const fg_token *t = &tokens[i];
    uint32_t e;
    if (t->n_parts > 1 &&
        fg_strmap_find(&lex->prefixes, text + t->parts[0].start,
                       t->parts[0].end - t->parts[0].start, &e)) {
        *hit = (fg_gaz_hit){e, (uint32_t)(i + 1), 1, 0};
        return 1;
    }
    return 0;
}

const fg_gaz_entry *fg_lexicon_entry(const fg_lexicon *lex, uint32_t i)
{
    return i < lex->n_entries ? &lex->entries[i] : NULL;
}

size_t fg_lexicon_entry_count(const fg_lexicon *lex) { return lex->n_entries; }

size_t fg_lexicon_form_count(const fg_lexicon *lex) { return lex->forms.n; }

size_t fg_lexicon_name_count(const fg_lexicon *lex) { return lex->n_names; }

size_t fg_lexicon_validated_count(const fg_lexicon *lex)
{
    return lex->n_validated;
}

/* ------------------------------------------------------------------ */
/* Images (cache.h)                                                    */

uint64_t fg_lexicon_save(const fg_lexicon *lex, fg_image_writer *w)
{
    fg_lexicon copy = *lex;
    copy.in_image = 1;
    memset(&copy.arena, 0, sizeof copy.arena);
    uint64_t h = fg_image_add(w, lex, &copy, sizeof copy, alignof(fg_lexicon),
                              FG_IMAGE_READ, NULL);
    if (h == 0)
        return 0;
    fg_strmap_save(&lex->forms, w, FG_IMAGE_FIELD(h, fg_lexicon, forms));
    fg_strmap_save(&lex->particles, w,
                   FG_IMAGE_FIELD(h, fg_lexicon, particles));
    fg_strmap_save(&lex->edges, w, FG_IMAGE_FIELD(h, fg_lexicon, edges));
    fg_strmap_save(&lex->prefixes, w, FG_IMAGE_FIELD(h, fg_lexicon, prefixes));
    int fresh;
    uint64_t an = FG_IMAGE_COPY(w, lex->analyses, lex->n_analyses, &fresh);
    FG_IMAGE_LINK(w, h, fg_lexicon, analyses, an);
    for (size_t i = 0; fresh && i < lex->n_analyses; i++) {
        const fg_lex_analysis *a = &lex->analyses[i];
        FG_IMAGE_LINK(w, an + i * sizeof *a, fg_lex_analysis, lemma,
                      fg_image_add(w, a->lemma, a->lemma, a->lemma_len + 1, 1,
                                   FG_IMAGE_READ, NULL));
    }
    uint64_t en = FG_IMAGE_COPY(w, lex->entries, lex->n_entries, &fresh);
    FG_IMAGE_LINK(w, h, fg_lexicon, entries, en);
    for (size_t i = 0; fresh && i < lex->n_entries; i++) {
        const fg_gaz_entry *e = &lex->entries[i];
        uint64_t eh = en + i * sizeof *e;
        FG_IMAGE_LINK(w, eh, fg_gaz_entry, label, fg_image_str(w, e->label));
        FG_IMAGE_LINK(w, eh, fg_gaz_entry, cls, fg_image_str(w, e->cls));
        FG_IMAGE_LINK(w, eh, fg_gaz_entry, type, fg_image_str(w, e->type));
        FG_IMAGE_LINK(w, eh, fg_gaz_entry, modifier,
                      fg_image_str(w, e->modifier));
        FG_IMAGE_LINK(w, eh, fg_gaz_entry, file, fg_image_str(w, e->file));
    }
    FG_IMAGE_LINK(w, h, fg_lexicon, nodes,
                  FG_IMAGE_COPY(w, lex->nodes, lex->n_nodes, NULL));
    return h;
}

fg_lexicon *fg_lexicon_mapped(void *p, size_t avail)
{
    fg_lexicon *lex = p;
    return avail >= sizeof *lex && lex->in_image ? lex : NULL;
}
