/* fault_walk: failure injection over a whole run of the example article.
 *
 * Built from the library's sources with FG_FAULT_INJECTION (src/alloc.h),
 * it counts the allocations of loading the default data and of processing
 * the example article to N-Triples, then makes the N-th allocation fail,
 * for N over each count: loading must end in FG_ENOMEM (or succeed),
 * processing in FG_ENOMEM or a document reported as failed, never a
 * crash; after each failed document the same worker processes the
 * article again and must write the bytes of a run without failures. Then
 * each read of the input file fails in turn: a failed document, reported.
 * Leaks are LeakSanitizer's to find (the sanitizer build runs this too).
 *
 * Every N up to FIRST, then a stride that gives at most RUNS runs in all
 * (FG_FAULT_RUNS; 0: every N, which takes minutes). Prints each failed
 * check and a summary; the exit status is 1 when a check failed.
 *
 * Loading with a cache of loaded data (fg_config_set_cache_dir) is walked
 * too: a load that writes the cache, and one that maps it, whose engine
 * must then write the same bytes. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "factgraph.h"

#define FIRST 200

static int checks, failures;

static void check(int ok, const char *what, unsigned long n, int rc)
{
    checks++;
    if (!ok) {
        failures++;
        printf("not ok %d - %s (allocation %lu: %s)\n", checks, what, n,
               fg_strerror(rc));
    }
}

/* Loads the default data, with a cache in cache_dir unless NULL. */
static fg_engine *load(int *rc_out, const char *cache_dir)
{
    fg_config *cfg = NULL;
    fg_engine *engine = NULL;
    fg_diag_list *diags = NULL;
    int rc = fg_config_new(&cfg);
    const char *dir = getenv("FACTGRAPH_DATADIR");
    if (rc == 0)
        rc = fg_config_set_datadir(cfg, dir && dir[0] ? dir : FG_ABS_SRCDIR);
    if (rc == 0)
        rc = fg_config_set_format(cfg, FG_FORMAT_NTRIPLES);
    if (rc == 0)
        rc = fg_config_set_cache_dir(cfg, cache_dir);
    if (rc == 0)
        rc = fg_diag_list_new(&diags);
    if (rc == 0)
        rc = fg_engine_new(&engine, cfg, diags);
    fg_diag_list_free(diags);
    fg_config_free(cfg);
    *rc_out = rc;
    return engine;
}

typedef struct out {
    char *bytes;
    size_t len;
    int rdf_rc;
} out;

static int sink_rdf(void *ctx, fg_analysis *a)
{
    out *o = ctx;
    const char *b;
    size_t len;
    o->rdf_rc = fg_analysis_rdf(a, &b, &len);
    if (o->rdf_rc != 0)
        return o->rdf_rc == FG_ENOMEM ? -1 : 0;
    free(o->bytes);
    o->bytes = malloc(len + 1);
    if (o->bytes == NULL)
        return -1;
    memcpy(o->bytes, b, len);
    o->len = len;
    return 0;
}

/* Reads the article from path and processes it; the RDF into *o. */
static int run(const fg_engine *engine, fg_worker *worker, const char *path,
               out *o)
{
    fg_input *in = NULL;
    fg_diag_list *diags = NULL;
    fg_doc *doc = NULL;
    int rc = fg_input_new(&in, FG_INPUT_TEXT);
    if (rc == 0)
        rc = fg_diag_list_new(&diags);
    if (rc == 0)
        rc = fg_input_add(in, path);
    if (rc == 0)
        rc = fg_input_next(in, &doc, diags);
    if (rc == 0 && doc == NULL)
        rc = FG_EIO; /* the file could not be read: reported in diags */
    if (rc == 0 && fg_diag_list_count(diags) == 0 &&
        fg_input_count_failed(in) != 0)
        rc = FG_EINVAL; /* a failure nobody was told about */
    if (rc == 0) {
        fg_sink sink = {o, sink_rdf};
        o->rdf_rc = 0;
        rc = fg_engine_process(engine, worker, doc, &sink, diags);
        if (rc == 0 && o->rdf_rc != 0)
            rc = o->rdf_rc;
    }
    if (rc == FG_EIO && fg_diag_list_count(diags) == 0)
        rc = FG_EINVAL; /* an input failure must be reported */
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    fg_input_free(in);
    return rc;
}

static unsigned long next_n(unsigned long n, unsigned long total,
                            unsigned long runs)
{
    if (runs == 0 || n < FIRST || total <= runs)
        return n + 1;
    unsigned long stride = (total - FIRST) / (runs - FIRST) + 1;
    return n + stride;
}

/* Empties the cache folder: the next load writes it. */
static void empty_cache(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' || strncmp(e->d_name, ".tmp-", 5) == 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
}

/* Loading that writes the cache, then loading that maps it, with each
 * allocation failing in turn (at most runs loads each); the mapped
 * engine writes what want holds. Returns 0, or 1 to bail out. */
static int walk_cache(const char *article, const out *want,
                      unsigned long runs)
{
    char dir[] = "/tmp/fg-fault-cache-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        printf("Bail out! no temporary folder\n");
        return 1;
    }
    for (int mapping = 0; mapping < 2; mapping++) {
        int rc;
        empty_cache(dir);
        fg_fault_alloc_at(0);
        fg_engine *e = load(&rc, dir);
        if (mapping) {
            fg_engine_free(e);
            fg_fault_alloc_at(0);
            e = load(&rc, dir);
        }
        unsigned long allocs = fg_fault_alloc_count();
        if (e == NULL || fg_engine_from_cache(e) != mapping ||
            fg_engine_cache_file(e) == NULL) {
            printf("Bail out! the cache is not %s\n",
                   mapping ? "mapped" : "written");
            fg_engine_free(e);
            return 1;
        }
        if (mapping) {
            fg_worker *worker = NULL;
            out got = {0};
            rc = fg_worker_new(&worker, e);
            if (rc == 0)
                rc = run(e, worker, article, &got);
            check(rc == 0 && got.len == want->len &&
                      memcmp(got.bytes, want->bytes, want->len) == 0,
                  "the data mapped from the cache extracts the same", 0, rc);
            free(got.bytes);
            fg_worker_free(worker);
        }
        fg_engine_free(e);
        unsigned long tried = 0, ok_loads = 0;
        for (unsigned long n = 1; n <= allocs;
             n = runs ? n + allocs / runs + 1 : n + 1) {
            if (!mapping)
                empty_cache(dir);
            fg_fault_alloc_at(n);
            e = load(&rc, dir);
            fg_fault_alloc_at(0);
            check((e == NULL && rc == FG_ENOMEM) || (e != NULL && rc == 0),
                  mapping ? "loading from the cache fails cleanly"
                          : "loading and writing the cache fails cleanly",
                  n, rc);
            ok_loads += e != NULL;
            fg_engine_free(e);
            tried++;
        }
        printf("ok %d - %s: %lu allocations failed in turn, %lu loads went "
               "through\n",
               ++checks, mapping ? "loading from the cache"
                                 : "loading and writing the cache",
               tried, ok_loads);
    }
    empty_cache(dir);
    rmdir(dir);
    return 0;
}

int main(int argc, char **argv)
{
    const char *article =
        argc > 1 ? argv[1] : FG_ABS_SRCDIR "/examples/koalition-der-willigen.txt";
    const char *r = getenv("FG_FAULT_RUNS");
    unsigned long runs = r ? strtoul(r, NULL, 10) : 600;
    if (runs && runs <= FIRST)
        runs = FIRST + 1;

    /* Counts, and the output of a run without failures. */
    int rc;
    fg_fault_alloc_at(0);
    fg_engine *engine = load(&rc, NULL);
    unsigned long load_allocs = fg_fault_alloc_count();
    if (engine == NULL) {
        printf("Bail out! the data does not load: %s\n", fg_strerror(rc));
        return 1;
    }
    fg_worker *worker = NULL;
    if (fg_worker_new(&worker, engine) != 0) {
        printf("Bail out! no worker\n");
        return 1;
    }
    out want = {0};
    fg_fault_alloc_at(0);
    fg_fault_read_at(0);
    rc = run(engine, worker, article, &want);
    unsigned long doc_allocs = fg_fault_alloc_count();
    unsigned long reads = fg_fault_read_count();
    if (rc != 0 || want.len == 0) {
        printf("Bail out! the article does not process: %s\n", fg_strerror(rc));
        return 1;
    }
    printf("# loading: %lu allocations; the article: %lu allocations, %lu "
           "reads, %zu bytes of N-Triples\n",
           load_allocs, doc_allocs, reads, want.len);

    /* Loading: at most a tenth of the runs (each load takes long). */
    unsigned long load_runs = runs ? runs / 10 : 0, tried = 0, ok_loads = 0;
    for (unsigned long n = 1; n <= load_allocs;
         n = load_runs ? n + load_allocs / load_runs + 1 : n + 1) {
        fg_fault_alloc_at(n);
        fg_engine *e = load(&rc, NULL);
        fg_fault_alloc_at(0);
        check((e == NULL && rc == FG_ENOMEM) || (e != NULL && rc == 0),
              "loading fails cleanly", n, rc);
        ok_loads += e != NULL;
        fg_engine_free(e);
        tried++;
    }
    printf("ok %d - loading: %lu allocations failed in turn, %lu loads "
           "went through\n",
           ++checks, tried, ok_loads);

    if (walk_cache(article, &want, load_runs) != 0)
        return 1;

    /* Processing: a clean error, and the worker still works. */
    tried = 0;
    unsigned long went_through = 0;
    for (unsigned long n = 1; n <= doc_allocs; n = next_n(n, doc_allocs, runs)) {
        out got = {0};
        fg_fault_alloc_at(n);
        rc = run(engine, worker, article, &got);
        fg_fault_alloc_at(0);
        check(rc == 0 || rc == FG_ENOMEM || rc == FG_ESINK ||
                  rc == FG_EIO,
              "processing fails cleanly", n, rc);
        went_through += rc == 0;
        /* A failure that is not reported must not change the output. */
        check(rc != 0 || (got.len == want.len &&
                          memcmp(got.bytes, want.bytes, want.len) == 0),
              "an allocation failure that goes through changes nothing", n,
              rc);
        free(got.bytes);
        out again = {0};
        rc = run(engine, worker, article, &again);
        check(rc == 0 && again.len == want.len &&
                  memcmp(again.bytes, want.bytes, want.len) == 0,
              "the worker is whole after a failure", n, rc);
        free(again.bytes);
        tried++;
    }
    printf("ok %d - processing: %lu allocations failed in turn (%lu went "
           "through)\n",
           ++checks, tried, went_through);

    /* Reading: each read of the file fails in turn. */
    for (unsigned long n = 1; n <= reads; n++) {
        out got = {0};
        fg_fault_read_at(n);
        rc = run(engine, worker, article, &got);
        fg_fault_read_at(0);
        check(rc == FG_EIO || rc == 0, "a read error is a reported failure",
              n, rc);
        free(got.bytes);
    }
    printf("ok %d - reading: %lu reads failed in turn\n", ++checks, reads);

    free(want.bytes);
    fg_worker_free(worker);
    fg_engine_free(engine);
    printf("# %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
