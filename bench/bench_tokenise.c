/* Benchmark: repair, normalise and tokenise the texts of a JSON Lines
 * corpus through the library, without printing.
 *
 *   bench_tokenise CORPUS.jsonl REPEAT TEXTS_OUT
 *
 * Reads and decodes the corpus first (not timed), repeats its documents
 * REPEAT times, writes their texts to TEXTS_OUT (so that `wc -w` can be
 * timed on the same bytes), then processes all of them five times and
 * prints the best time: "bytes documents tokens seconds". No rules are
 * loaded (an empty pack, next to TEXTS_OUT), so that the time is that of
 * reading the text and tokenising it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench.h"
#include "factgraph.h"

#define ROUNDS 5

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_tokenise CORPUS.jsonl REPEAT TEXTS_OUT\n");
        return 2;
    }
    int repeat = atoi(argv[2]);
    char empty[4096];
    snprintf(empty, sizeof empty, "%s.rules.xml", argv[3]);
    FILE *fp = fopen(empty, "w");
    if (fp == NULL || fputs("<rules xmlns=\"https://w3id.org/factgraph/"
                            "rules/1\"/>\n", fp) < 0 || fclose(fp) != 0) {
        perror(empty);
        return 1;
    }
    fg_config *cfg;
    fg_engine *engine;
    fg_worker *worker;
    fg_input *in;
    fg_diag_list *diags;
    if (fg_config_new(&cfg) || fg_diag_list_new(&diags) ||
        fg_config_add_rules(cfg, empty) ||
        fg_engine_new(&engine, cfg, diags) ||
        fg_worker_new(&worker, engine) ||
        fg_input_new(&in, FG_INPUT_JSONL) || fg_input_add(in, argv[1])) {
        fprintf(stderr, "bench_tokenise: setup failed\n");
        return 1;
    }
    size_t n, bytes = 0;
    fg_doc **docs = bench_read_docs(in, diags, &n);
    if (docs == NULL)
        return 1;
    FILE *texts = fopen(argv[3], "w");
    if (texts == NULL) {
        perror(argv[3]);
        return 1;
    }
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < n; i++) {
            size_t len;
            const char *b = fg_doc_bytes(docs[i], &len);
            fwrite(b, 1, len, texts);
            fputc('\n', texts);
            bytes += len + 1;
        }
    if (fclose(texts) != 0)
        return 1;

    double best = 1e30;
    size_t tokens = 0;
    for (int round = 0; round < ROUNDS; round++) {
        tokens = 0;
        fg_sink sink = {&tokens, bench_count_tokens};
        double t0 = bench_now();
        for (int r = 0; r < repeat; r++)
            for (size_t i = 0; i < n; i++)
                if (fg_engine_process(engine, worker, docs[i], &sink,
                                      diags) < 0)
                    return 1;
        double t = bench_now() - t0;
        if (t < best)
            best = t;
        fg_diag_list_clear(diags);
    }
    printf("%zu %zu %zu %.6f\n", bytes, n * (size_t)repeat, tokens, best);
    for (size_t i = 0; i < n; i++)
        fg_doc_free(docs[i]);
    free(docs);
    fg_input_free(in);
    fg_worker_free(worker);
    fg_engine_free(engine);
    fg_config_free(cfg);
    fg_diag_list_free(diags);
    return 0;
}
