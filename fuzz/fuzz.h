/* fuzz.h: what the libFuzzer harnesses share (fuzz/README.md).
 *
 * Each harness is one program built with --enable-fuzz (clang,
 * -fsanitize=fuzzer,address,undefined) from the library's sources. The
 * data (tokeniser lists, lexicons, ontology, rules) is the source tree's,
 * or FACTGRAPH_DATADIR's. Inputs that need a file (rule files, JSON Lines,
 * HTML) are written to a temporary folder of the process, removed at exit.
 * Anything the library reports as a diagnostic is fine; a crash, a leak,
 * undefined behaviour, a hang (libFuzzer's -timeout) or an abort() here is
 * a finding. */
#ifndef FG_FUZZ_H
#define FG_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run: a broken harness or an invariant that does not hold. */
#define FUZZ_CHECK(cond)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,          \
                    __LINE__, #cond);                                       \
            abort();                                                        \
        }                                                                   \
    } while (0)

static char fuzz_dir[64];

static inline void fuzz_cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
    if (fuzz_dir[0] && system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir);
}

/* The process's temporary folder. */
static inline const char *fuzz_tmp(void)
{
    if (fuzz_dir[0] == '\0') {
        const char *base = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/fg-fuzz.XXXXXX",
                 base && strlen(base) < 40 ? base : "/tmp");
        FUZZ_CHECK(mkdtemp(fuzz_dir) != NULL);
        atexit(fuzz_cleanup);
    }
    return fuzz_dir;
}

/* Writes bytes to the file NAME in the temporary folder; returns its
 * path (static storage). */
static inline const char *fuzz_file(const char *name, const void *data, size_t size)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", fuzz_tmp(), name);
    FILE *fp = fopen(path, "wb");
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, fp) == size || size == 0);
    FUZZ_CHECK(fclose(fp) == 0);
    return path;
}

/* The data folder: FACTGRAPH_DATADIR, else the source tree. */
static inline void fuzz_datadir(fg_config *cfg)
{
    const char *env = getenv("FACTGRAPH_DATADIR");
    FUZZ_CHECK(fg_config_set_datadir(cfg, env && env[0] ? env
                                                        : FG_ABS_SRCDIR) == 0);
}

/* A data folder without lexicons (links to the rest), so that loading an
 * engine for each input costs milliseconds. */
static inline const char *fuzz_bare_datadir(void)
{
    static char dir[128];
    if (dir[0])
        return dir;
    const char *env = getenv("FACTGRAPH_DATADIR");
    const char *src = env && env[0] ? env : FG_ABS_SRCDIR;
    snprintf(dir, sizeof dir, "%s/data", fuzz_tmp());
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/rules/lexicon' && ln -s '%s/ontologies' '%s/' && "
             "ln -s '%s/rules/tokeniser' '%s'/rules/ && "
             "ln -s '%s'/rules/*.rng '%s'/rules/",
             dir, src, dir, src, dir, src, dir);
    FUZZ_CHECK(system(cmd) == 0);
    return dir;
}

/* An engine with the rules of rules_path, or the default pack when it is
 * NULL, from datadir (NULL: the full data). Returns NULL when the rules
 * do not load (diagnostics dropped). */
static inline fg_engine *fuzz_engine_in(const char *datadir, const char *rules_path,
                                 fg_format format)
{
    fg_config *cfg = NULL;
    fg_diag_list *diags = NULL;
    fg_engine *engine = NULL;
    FUZZ_CHECK(fg_config_new(&cfg) == 0 && fg_diag_list_new(&diags) == 0);
    if (datadir)
        FUZZ_CHECK(fg_config_set_datadir(cfg, datadir) == 0);
    else
        fuzz_datadir(cfg);
    FUZZ_CHECK(fg_config_set_format(cfg, format) == 0);
    if (rules_path)
        FUZZ_CHECK(fg_config_add_rules(cfg, rules_path) == 0);
    int rc = fg_engine_new(&engine, cfg, diags);
    FUZZ_CHECK(rc == 0 || rc == FG_EDATA);
    fg_diag_list_free(diags);
    fg_config_free(cfg);
    return engine;
}

static inline fg_engine *fuzz_engine(const char *rules_path, fg_format format)
{
    return fuzz_engine_in(NULL, rules_path, format);
}

/* An engine without rules: the analysis stages only. */
static inline fg_engine *fuzz_engine_no_rules(void)
{
    static const char EMPTY[] =
        "<rules xmlns=\"https://w3id.org/factgraph/rules/1\"/>\n";
    static char path[256];
    snprintf(path, sizeof path, "%s",
             fuzz_file("empty.xml", EMPTY, sizeof EMPTY - 1));
    fg_engine *engine = fuzz_engine(path, FG_FORMAT_NTRIPLES);
    FUZZ_CHECK(engine != NULL);
    return engine;
}

/* Reads every document of an input, processes each with engine and
 * sink (NULL: none), and checks that read = returned + failed. */
static inline void fuzz_run_input(fg_engine *engine, fg_worker *worker,
                           const char *path, fg_input_format format,
                           const fg_sink *sink)
{
    fg_input *in = NULL;
    fg_diag_list *diags = NULL;
    FUZZ_CHECK(fg_input_new(&in, format) == 0 && fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_input_add(in, path) == 0);
    size_t docs = 0;
    for (;;) {
        fg_doc *doc = NULL;
        int rc = fg_input_next(in, &doc, diags);
        FUZZ_CHECK(rc == 0 || rc == FG_ENOMEM);
        if (doc == NULL)
            break;
        docs++;
        rc = fg_engine_process(engine, worker, doc, sink, diags);
        FUZZ_CHECK(rc == 0 || rc == FG_ESINK);
        fg_doc_free(doc);
        fg_diag_list_clear(diags);
    }
    FUZZ_CHECK(fg_input_count_read(in) == docs);
    fg_diag_list_free(diags);
    fg_input_free(in);
}

#endif
