/* fuzz_vm: generated rules on generated text. The first bytes build a
 * valid rule from a small grammar (tokens over a vocabulary of eight
 * words, skips, optional parts, alternatives, bounded repetition,
 * captures, clause anchors, nested up to four deep), the rest choose the
 * words of a text; the rule is compiled and run on the text, and its
 * matches are checked against the tokens. */
#include "config.h"

#include "fuzz.h"

static const char *const WORDS[] = {"Rat",  "traf", "sich",  "in",
                                    "Rom",  ",",    "und",   "."};
#define N_WORDS (sizeof WORDS / sizeof *WORDS)

typedef struct gen {
    const uint8_t *p, *end;
    char *out;
    size_t len, cap;
    int elements;
} gen;

static unsigned next(gen *g)
{
    return g->p < g->end ? *g->p++ : 0;
}

static void put(gen *g, const char *s)
{
    size_t n = strlen(s);
    if (g->len + n + 1 > g->cap) {
        g->cap = (g->len + n + 1) * 2;
        g->out = realloc(g->out, g->cap);
        FUZZ_CHECK(g->out != NULL);
    }
    memcpy(g->out + g->len, s, n + 1);
    g->len += n;
}

static void element(gen *g, int depth);

static void children(gen *g, int depth)
{
    unsigned n = 1 + next(g) % 3;
    for (unsigned i = 0; i < n; i++)
        element(g, depth + 1);
}

static void element(gen *g, int depth)
{
    char buf[160];
    unsigned k = next(g) % (depth >= 4 || g->elements > 40 ? 3 : 9);
    g->elements++;
    switch (k) {
    case 0:
    case 1:
        snprintf(buf, sizeof buf, "<token %s=\"%s\"/>",
                 k ? "iform" : "lemma",
                 k ? "rat rom" : WORDS[next(g) % N_WORDS]);
        put(g, buf);
        break;
    case 2:
        snprintf(buf, sizeof buf, "<skip max=\"%u\"%s/>", 1 + next(g) % 6,
                 next(g) % 2 ? " within=\"sentence\"" : "");
        put(g, buf);
        break;
    case 3:
        put(g, "<opt>");
        children(g, depth);
        put(g, "</opt>");
        break;
    case 4:
        put(g, "<alt>");
        children(g, depth);
        put(g, "</alt>");
        break;
    case 5: {
        unsigned lo = next(g) % 3;
        snprintf(buf, sizeof buf, "<repeat min=\"%u\" max=\"%u\">", lo,
                 lo + 1 + next(g) % 4);
        put(g, buf);
        children(g, depth);
        put(g, "</repeat>");
        break;
    }
    case 6:
        snprintf(buf, sizeof buf, "<capture role=\"%s\">",
                 next(g) % 2 ? "agent" : "location");
        put(g, buf);
        children(g, depth);
        put(g, "</capture>");
        break;
    case 7:
        put(g, next(g) % 2 ? "<token flags=\"word\"/>"
                           : "<token regex=\"\\p{Lu}\\w*\"/>");
        break;
    default:
        put(g, "<seq>");
        children(g, depth);
        put(g, "</seq>");
        break;
    }
}

static int check_matches(void *ctx, fg_analysis *a)
{
    (void)ctx;
    size_t n = fg_analysis_token_count(a);
    for (size_t i = 0; i < fg_analysis_match_count(a); i++) {
        const fg_match_info *m = fg_analysis_get_match(a, i);
        FUZZ_CHECK(m->first_token < m->end_token && m->end_token <= n);
        for (size_t r = 0; r < m->n_roles; r++)
            FUZZ_CHECK(m->roles[r].first_token >= m->first_token &&
                       m->roles[r].end_token <= m->end_token);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gen g = {data, data + size, NULL, 0, 0, 0};
    put(&g, "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">"
            "<rule id=\"f\" class=\"dpo:Meeting\" overlap=\"true\"><pattern>");
    if (next(&g) % 2)
        put(&g, "<start of=\"clause\"/>");
    put(&g, "<token lemma=\"treffen\" role=\"trigger\"/>");
    unsigned n = 1 + next(&g) % 4;
    for (unsigned i = 0; i < n; i++)
        element(&g, 0);
    put(&g, "</pattern><example>Der Rat traf sich in Rom.</example>"
            "</rule></rules>\n");
    /* The text: the remaining bytes choose words. */
    char text[2048];
    size_t tl = 0;
    while (g.p < g.end && tl + 8 < sizeof text) {
        const char *w = WORDS[next(&g) % N_WORDS];
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s%s",
                               tl ? " " : "", w);
    }
    fg_engine *engine = fuzz_engine_in(
        fuzz_bare_datadir(), fuzz_file("gen.xml", g.out, g.len),
        FG_FORMAT_NTRIPLES);
    free(g.out);
    if (engine == NULL)
        return 0; /* a generated rule the linter refuses (empty match) */
    fg_worker *worker = NULL;
    fg_doc *doc = NULL;
    fg_diag_list *diags = NULL;
    FUZZ_CHECK(fg_worker_new(&worker, engine) == 0);
    FUZZ_CHECK(fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_doc_new(&doc, "gen", text, tl) == 0);
    fg_sink sink = {NULL, check_matches};
    FUZZ_CHECK(fg_engine_process(engine, worker, doc, &sink, diags) == 0);
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    fg_worker_free(worker);
    fg_engine_free(engine);
    return 0;
}
