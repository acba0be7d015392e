/* Invariants of tokenising on real news: for every document of a JSON
 * Lines corpus (the first argument), every token's offsets slice the
 * document text to a non-empty form without whitespace, tokens do not
 * overlap, every byte that is not whitespace belongs to exactly one token,
 * valid text is not changed by the repair, and sentence and clause
 * numbers are consistent. Prints a summary; exits 1 on any violation. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factgraph.h"
#include "whitespace.h"

typedef struct stats {
    size_t docs, tokens, sentences, clauses, violations;
} stats;

static void violation(stats *st, const fg_analysis *a, const char *what,
                      size_t at)
{
    if (st->violations++ < 20)
        fprintf(stderr, "%s: byte %zu: %s\n",
                fg_doc_id(fg_analysis_doc(a)), at, what);
}

static int check(void *ctx, fg_analysis *a)
{
    stats *st = ctx;
    size_t len, raw_len;
    const char *text = fg_analysis_text(a, &len);
    const char *raw = fg_doc_bytes(fg_analysis_doc(a), &raw_len);
    if (len != raw_len || memcmp(text, raw, len) != 0)
        violation(st, a, "valid text changed by the repair", 0);
    size_t n = fg_analysis_token_count(a), prev_end = 0;
    st->docs++;
    st->tokens += n;
    st->sentences += fg_analysis_sentence_count(a);
    for (size_t i = 0; i < n; i++) {
        const fg_token *t = fg_analysis_get_token(a, i);
        if (t->start >= t->end || t->end > len)
            violation(st, a, "empty or out-of-range token", t->start);
        else if (t->start < prev_end)
            violation(st, a, "overlapping tokens", t->start);
        else if (!fg_test_is_whitespace(text, prev_end, t->start))
            violation(st, a, "text between tokens that is not whitespace",
                      prev_end);
        else if (fg_test_is_whitespace(text, t->start, t->end) ||
                 memchr(text + t->start, ' ', t->end - t->start))
            violation(st, a, "whitespace inside a token", t->start);
        if (i > 0) {
            const fg_token *p = fg_analysis_get_token(a, i - 1);
            int s = (t->flags & FG_TOKEN_SENT_START) != 0;
            int c = (t->flags & FG_TOKEN_CLAUSE_START) != 0;
            if (t->sentence != p->sentence + s ||
                t->clause != (s ? 0 : p->clause + c))
                violation(st, a, "inconsistent sentence or clause number",
                          t->start);
        }
        if (t->flags & FG_TOKEN_CLAUSE_START)
            st->clauses++;
        prev_end = t->end;
    }
    if (!fg_test_is_whitespace(text, prev_end, len))
        violation(st, a, "text after the last token", prev_end);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: corpus_invariants FILE.jsonl\n");
        return 2;
    }
    fg_config *cfg;
    fg_engine *engine;
    fg_worker *worker;
    fg_input *in;
    fg_diag_list *diags;
    stats st = {0};
    if (fg_config_new(&cfg) || fg_diag_list_new(&diags) ||
        fg_engine_new(&engine, cfg, diags) ||
        fg_worker_new(&worker, engine) ||
        fg_input_new(&in, FG_INPUT_JSONL) || fg_input_add(in, argv[1])) {
        fprintf(stderr, "setup failed\n");
        return 2;
    }
    fg_sink sink = {&st, check};
    for (;;) {
        fg_doc *doc;
        if (fg_input_next(in, &doc, diags) < 0 || doc == NULL)
            break;
        if (fg_engine_process(engine, worker, doc, &sink, diags) < 0)
            st.violations++;
        fg_doc_free(doc);
    }
    for (size_t i = 0; i < fg_diag_list_count(diags); i++)
        fg_diag_write(fg_diag_list_get(diags, i), stderr);
    printf("%zu documents, %zu tokens, %zu sentences, %zu clause starts, "
           "%zu failed to read, %zu diagnostics, %zu violations\n",
           st.docs, st.tokens, st.sentences, st.clauses,
           fg_input_count_failed(in), fg_diag_list_count(diags),
           st.violations);
    int bad = st.violations || fg_input_count_failed(in) ||
              fg_diag_list_count(diags);
    fg_input_free(in);
    fg_worker_free(worker);
    fg_engine_free(engine);
    fg_config_free(cfg);
    fg_diag_list_free(diags);
    return bad ? 1 : 0;
}
