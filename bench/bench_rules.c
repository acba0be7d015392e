/* Benchmark: the matcher with many rules, through the library, without
 * RDF output.
 *
 *   bench_rules CORPUS.jsonl RULES.xml
 *
 * Loads the default pack plus RULES.xml (the load time: the first load in
 * the process, as a user meets it, with its page faults; later loads
 * reuse freed memory and are faster), reads the corpus (not timed), then
 * tokenises and matches every document three times and takes the best
 * time. Prints "rules load_seconds match_seconds documents matches
 * rules_fired": rules_fired counts the rules of RULES.xml ("gen."
 * ids) that kept at least one match. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "factgraph.h"

#define ROUNDS 3

typedef struct counts {
    size_t matches;
    /* Rules fired: their ids are "gen.N", N below the number of rules. */
    unsigned char *fired;
    size_t n_rules;
} counts;

static int count(void *ctx, fg_analysis *a)
{
    counts *c = ctx;
    for (size_t i = 0; i < fg_analysis_match_count(a); i++) {
        const char *id = fg_analysis_get_match(a, i)->rule;
        c->matches++;
        if (strncmp(id, "gen.", 4) == 0) {
            size_t k = strtoul(id + 4, NULL, 10);
            if (k < c->n_rules)
                c->fired[k] = 1;
        }
    }
    return 0;
}

static fg_engine *load(const char *rules, fg_diag_list *diags)
{
    fg_config *cfg;
    fg_engine *e = NULL;
    if (fg_config_new(&cfg) || fg_config_add_extra_rules(cfg, rules) ||
        fg_engine_new(&e, cfg, diags)) {
        for (size_t i = 0; i < fg_diag_list_count(diags); i++)
            fg_diag_write(fg_diag_list_get(diags, i), stderr);
        fprintf(stderr, "bench_rules: cannot load %s\n", rules);
        exit(1);
    }
    fg_config_free(cfg);
    return e;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_rules CORPUS.jsonl RULES.xml\n");
        return 2;
    }
    fg_diag_list *diags;
    fg_input *in;
    if (fg_diag_list_new(&diags) || fg_input_new(&in, FG_INPUT_JSONL) ||
        fg_input_add(in, argv[1]))
        return 1;
    double t0 = bench_now();
    fg_engine *engine = load(argv[2], diags);
    double load_time = bench_now() - t0;
    fg_worker *worker;
    if (fg_worker_new(&worker, engine))
        return 1;
    size_t n;
    fg_doc **docs = bench_read_docs(in, diags, &n);
    if (docs == NULL)
        return 1;
    size_t n_rules = fg_engine_rule_count(engine);
    counts c = {0, calloc(n_rules + 1, 1), n_rules};
    if (c.fired == NULL)
        return 1;
    fg_sink sink = {&c, count};
    double best = 1e9;
    for (int r = 0; r < ROUNDS; r++) {
        c.matches = 0;
        t0 = bench_now();
        for (size_t i = 0; i < n; i++)
            if (fg_engine_process(engine, worker, docs[i], &sink, diags) < 0)
                return 1;
        double t = bench_now() - t0;
        if (t < best)
            best = t;
        fg_diag_list_clear(diags);
    }
    size_t fired = 0;
    for (size_t i = 0; i < n_rules; i++)
        fired += c.fired[i];
    printf("%zu %.6f %.6f %zu %zu %zu\n", n_rules, load_time, best, n,
           c.matches, fired);
    for (size_t i = 0; i < n; i++)
        fg_doc_free(docs[i]);
    free(docs);
    free(c.fired);
    fg_worker_free(worker);
    fg_engine_free(engine);
    fg_input_free(in);
    fg_diag_list_free(diags);
    return 0;
}
