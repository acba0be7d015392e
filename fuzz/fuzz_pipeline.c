/* fuzz_pipeline: any bytes as a document through the whole pipeline with
 * the default rule pack, to N-Triples; every output must parse as
 * N-Triples (Raptor's parser, a world of its own). */
#include "config.h"

#include <raptor2.h>

#include "fuzz.h"

static int parse_errors;

static void on_log(void *ctx, raptor_log_message *m)
{
    (void)ctx;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        fprintf(stderr, "fuzz_pipeline: N-Triples error: %s\n", m->text);
        parse_errors++;
    }
}

static void on_statement(void *ctx, raptor_statement *st)
{
    (void)st;
    (*(size_t *)ctx)++;
}

static int check_rdf(void *ctx, fg_analysis *a)
{
    raptor_world *world = ctx;
    const char *bytes;
    size_t len;
    int rc = fg_analysis_rdf(a, &bytes, &len);
    FUZZ_CHECK(rc == 0 || rc == FG_ELIMIT);
    if (rc != 0)
        return 0;
    raptor_parser *p = raptor_new_parser(world, "ntriples");
    raptor_uri *base = raptor_new_uri(world, (const unsigned char *)"http://x/");
    FUZZ_CHECK(p != NULL && base != NULL);
    size_t statements = 0;
    raptor_parser_set_statement_handler(p, &statements, on_statement);
    parse_errors = 0;
    FUZZ_CHECK(raptor_parser_parse_start(p, base) == 0);
    int bad = raptor_parser_parse_chunk(p, (const unsigned char *)bytes, len, 1);
    FUZZ_CHECK(bad == 0 && parse_errors == 0);
    FUZZ_CHECK(statements > 0); /* at least the document's nif:Context */
    raptor_free_uri(base);
    raptor_free_parser(p);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fg_engine *engine;
    static fg_worker *worker;
    static raptor_world *world;
    if (engine == NULL) {
        engine = fuzz_engine(NULL, FG_FORMAT_NTRIPLES);
        FUZZ_CHECK(engine != NULL);
        FUZZ_CHECK(fg_worker_new(&worker, engine) == 0);
        world = raptor_new_world();
        FUZZ_CHECK(world != NULL && raptor_world_open(world) == 0);
        raptor_world_set_log_handler(world, NULL, on_log);
    }
    fg_doc *doc = NULL;
    fg_diag_list *diags = NULL;
    FUZZ_CHECK(fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_doc_new(&doc, "fuzz doc/ä", (const char *)data, size) == 0);
    FUZZ_CHECK(fg_doc_set_date(doc, "2025-03-14") == 0);
    fg_sink sink = {world, check_rdf};
    FUZZ_CHECK(fg_engine_process(engine, worker, doc, &sink, diags) == 0);
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    return 0;
}
