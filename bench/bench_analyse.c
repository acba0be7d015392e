/* Benchmark: the cost of the lexicons in analysing text. Two engines
 * read the same documents: one with the data's lexicons and gazetteers,
 * one with a copy of the data whose rules/lexicon/ is empty.
 *
 *   bench_analyse CORPUS.jsonl REPEAT BARE_DATADIR
 *
 * The full engine's data is FACTGRAPH_DATADIR (or the installed data);
 * BARE_DATADIR is that data without lexicons (bench/analysis makes it).
 * Both load an empty rule pack (written into BARE_DATADIR), so that the
 * matcher does nothing and the time is that of fg_engine_process without
 * rules: repairing and tokenising the text, the morphology (lemmas from
 * the lexicon, else the suffix rules; Snowball stems; compound heads),
 * gazetteer names, quantities and entity tags. Without lexicons the
 * morphology falls back to the suffix rules for every word, and there
 * are no names to match. The third contestant is the tokeniser alone:
 * repairing and tokenising the same documents, nothing else, through the
 * library's internal functions (this program is built from the library's
 * sources, not linked against it).
 *
 * The corpus is read and decoded first (not timed). In each round, every
 * document is processed REPEAT times, the two engines taking turns every
 * CHUNK documents so that both see the same load on a shared machine;
 * the best of ROUNDS rounds of each is printed:
 *   "documents tokens full_seconds bare_seconds tokenise_seconds" */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "arena.h"
#include "bench.h"
#include "factgraph.h"
#include "text.h"
#include "tokenise.h"

#define ROUNDS 7
#define CHUNK 50

/* An engine with the empty pack; datadir NULL: the default data. */
static int load(fg_engine **engine_out, fg_worker **worker_out,
                const char *datadir, const char *pack, fg_diag_list *diags)
{
    fg_config *cfg;
    int rc = fg_config_new(&cfg);
    if (rc == 0 && datadir)
        rc = fg_config_set_datadir(cfg, datadir);
    if (rc == 0)
        rc = fg_config_add_rules(cfg, pack);
    if (rc == 0)
        rc = fg_engine_new(engine_out, cfg, diags);
    if (rc == 0 && (rc = fg_worker_new(worker_out, *engine_out)) < 0)
        fg_engine_free(*engine_out);
    fg_config_free(cfg);
    for (size_t i = 0; i < fg_diag_list_count(diags); i++)
        fg_diag_write(fg_diag_list_get(diags, i), stderr);
    fg_diag_list_clear(diags);
    return rc;
}

/* Processes docs[0 .. n) repeat times with the engine; adds the time to
 * *seconds and the tokens to *tokens. Returns 0 or -1. */
static int run(const fg_engine *engine, fg_worker *worker, fg_doc **docs,
               size_t n, int repeat, double *seconds, size_t *tokens,
               fg_diag_list *diags)
{
    fg_sink sink = {tokens, bench_count_tokens};
    double t0 = bench_now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < n; i++)
            if (fg_engine_process(engine, worker, docs[i], &sink, diags) < 0)
                return -1;
    *seconds += bench_now() - t0;
    fg_diag_list_clear(diags);
    return 0;
}

/* The tokeniser alone, with what fg_engine_process gives it. */
typedef struct tokenise_only {
    fg_tokeniser *tk;
    fg_arena arena;
    fg_token_vec v;
    fg_norm_scratch norm;
} tokenise_only;

static int run_tokeniser(tokenise_only *t, fg_doc **docs, size_t n,
                         int repeat, double *seconds, size_t *tokens,
                         fg_diag_list *diags)
{
    double t0 = bench_now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < n; i++) {
            fg_arena_reset(&t->arena);
            size_t len, n_sentences;
            const char *raw = fg_doc_bytes(docs[i], &len);
            fg_text text;
            fg_doc_origin origin = {fg_doc_file(docs[i]), 0};
            if (fg_text_repair(&text, raw, len, &t->arena) < 0 ||
                fg_tokenise(t->tk, &text, &t->v, &t->norm, &t->arena,
                            &origin, diags, &n_sentences) < 0)
                return -1;
            *tokens += t->v.n;
        }
    *seconds += bench_now() - t0;
    fg_diag_list_clear(diags);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr,
                "usage: bench_analyse CORPUS.jsonl REPEAT BARE_DATADIR\n");
        return 2;
    }
    int repeat = atoi(argv[2]);
    char pack[4096];
    snprintf(pack, sizeof pack, "%s/empty-pack.xml", argv[3]);
    FILE *fp = fopen(pack, "w");
    if (fp == NULL || fputs("<rules xmlns=\"https://w3id.org/factgraph/"
                            "rules/1\"/>\n", fp) < 0 || fclose(fp) != 0) {
        perror(pack);
        return 1;
    }
    fg_diag_list *diags;
    fg_engine *full, *bare;
    fg_worker *wfull, *wbare;
    fg_input *in;
    if (fg_diag_list_new(&diags) ||
        load(&full, &wfull, NULL, pack, diags) ||
        load(&bare, &wbare, argv[3], pack, diags) ||
        fg_input_new(&in, FG_INPUT_JSONL) || fg_input_add(in, argv[1])) {
        fprintf(stderr, "bench_analyse: setup failed\n");
        return 1;
    }
    tokenise_only tok = {0};
    fg_arena_init(&tok.arena, 1 << 16);
    const char *datadir = getenv("FACTGRAPH_DATADIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/rules/tokeniser", datadir ? datadir : ".");
    if (fg_tokeniser_load(&tok.tk, dir, NULL, diags) < 0) {
        fprintf(stderr, "bench_analyse: cannot load %s\n", dir);
        return 1;
    }
    size_t n;
    fg_doc **docs = bench_read_docs(in, diags, &n);
    if (docs == NULL)
        return 1;

    double best_full = 1e30, best_bare = 1e30, best_tok = 1e30;
    size_t tokens_full = 0, tokens_bare = 0, tokens_tok = 0;
    for (int round = 0; round < ROUNDS; round++) {
        double f = 0, b = 0, k = 0;
        tokens_full = tokens_bare = tokens_tok = 0;
        for (size_t i = 0; i < n; i += CHUNK) {
            size_t m = n - i < CHUNK ? n - i : CHUNK;
            if (run(full, wfull, docs + i, m, repeat, &f, &tokens_full,
                    diags) < 0 ||
                run(bare, wbare, docs + i, m, repeat, &b, &tokens_bare,
                    diags) < 0 ||
                run_tokeniser(&tok, docs + i, m, repeat, &k, &tokens_tok,
                              diags) < 0) {
                fprintf(stderr, "bench_analyse: processing failed\n");
                return 1;
            }
        }
        best_full = f < best_full ? f : best_full;
        best_bare = b < best_bare ? b : best_bare;
        best_tok = k < best_tok ? k : best_tok;
    }
    /* The three must see the same tokens. */
    if (tokens_full != tokens_bare || tokens_full != tokens_tok) {
        fprintf(stderr, "bench_analyse: %zu, %zu and %zu tokens\n",
                tokens_full, tokens_bare, tokens_tok);
        return 1;
    }
    printf("%zu %zu %.6f %.6f %.6f\n", n * (size_t)repeat, tokens_full,
           best_full, best_bare, best_tok);
    for (size_t i = 0; i < n; i++)
        fg_doc_free(docs[i]);
    free(docs);
    fg_input_free(in);
    fg_worker_free(wfull);
    fg_worker_free(wbare);
    fg_engine_free(full);
    fg_engine_free(bare);
    fg_tokeniser_free(tok.tk);
    fg_arena_clear(&tok.arena);
    fg_token_vec_clear(&tok.v);
    fg_norm_scratch_clear(&tok.norm);
    fg_diag_list_free(diags);
    return 0;
}
