/* Unit tests of engine: the lifecycle of the public API, sinks, repair
 * warnings and NIF offsets. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "factgraph.h"

static fg_engine *engine;

static int setup(void **state)
{
    (void)state;
    fg_config *cfg;
    fg_diag_list *diags;
    if (fg_config_new(&cfg) < 0 || fg_diag_list_new(&diags) < 0)
        return -1;
    fg_config_set_datadir(cfg, srcdir());
    int rc = fg_engine_new(&engine, cfg, diags);
    fg_config_free(cfg);
    fg_diag_list_free(diags);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fg_engine_free(engine);
    return 0;
}

typedef struct seen {
    size_t tokens, sentences;
    char first[64];
    size_t nif_start_of_last;
    int stop;
} seen;

static int record(void *ctx, fg_analysis *a)
{
    seen *s = ctx;
    s->tokens = fg_analysis_token_count(a);
    s->sentences = fg_analysis_sentence_count(a);
    size_t len;
    const char *text = fg_analysis_text(a, &len);
    const fg_token *t = fg_analysis_get_token(a, 0);
    snprintf(s->first, sizeof s->first, "%.*s", (int)(t->end - t->start),
             text + t->start);
    assert_null(fg_analysis_get_token(a, s->tokens));
    const fg_token *last = fg_analysis_get_token(a, s->tokens - 1);
    assert_int_equal(fg_analysis_nif_offset(a, last->start,
                                            &s->nif_start_of_last),
                     0);
    const char *nfc;
    size_t nfc_len;
    assert_int_equal(fg_analysis_nfc(a, &nfc, &nfc_len), 0);
    assert_true(nfc_len <= len);
    return s->stop;
}

static void test_process(void **state)
{
    (void)state;
    fg_worker *w;
    fg_diag_list *diags;
    assert_int_equal(fg_worker_new(&w, engine), 0);
    fg_diag_list_new(&diags);
    const char *text = "Healey erkla\xCC\x88rte: \xE2\x80\x9EWir bleiben.\xE2\x80\x9C "
                       "Dann ging er \xFF.";
    fg_doc *doc;
    assert_int_equal(fg_doc_new(&doc, "doc-1", text, strlen(text)), 0);
    seen s = {0};
    fg_sink sink = {&s, record};
    assert_int_equal(fg_engine_process(engine, w, doc, &sink, diags), 0);
    assert_int_equal(s.sentences, 2);
    assert_string_equal(s.first, "Healey");
    /* The final "." is at code point 46 of the NFC text: ä is one code
     * point there, and the invalid byte became one U+FFFD. */
    assert_int_equal(s.nif_start_of_last, 46);
    /* One warning for the invalid byte, naming document and offset. */
    assert_int_equal(fg_diag_list_count(diags), 1);
    const fg_diag *d = fg_diag_list_get(diags, 0);
    assert_int_equal(d->severity, FG_WARNING);
    assert_string_equal(d->file, "doc-1");
    assert_int_equal(d->line, 1);
    assert_non_null(strstr(d->message, "invalid UTF-8 at byte"));
    assert_int_equal(d->offset, strlen(text) - 2);

    /* A sink that says stop. */
    s.stop = 1;
    assert_int_equal(fg_engine_process(engine, w, doc, &sink, diags),
                     FG_ESINK);
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    fg_worker_free(w);
}

/* The morphology of tokens: lemmas from the lexicon (an article's,
 * a hyphenated compound's through its last part), Snowball's stems, and
 * the head of a hyphenated compound. */
static int check_morph(void *ctx, fg_analysis *a)
{
    (void)ctx;
    const char *want[][3] = {{"der", "die", "die"},
                             {"nato-hauptquartier", "nato-hauptquarti",
                              "hauptquartier"},
                             {"strasse", "strass", "strasse"}};
    assert_int_equal(fg_analysis_token_count(a), 4);
    for (size_t i = 0; i < 3; i++) {
        const fg_morph *m = fg_analysis_get_morph(a, i);
        assert_string_equal(m->lemma, want[i][0]);
        assert_int_equal(m->lemma_len, strlen(want[i][0]));
        assert_string_equal(m->stem, want[i][1]);
        assert_string_equal(m->head, want[i][2]);
        assert_int_equal(m->head_len, strlen(want[i][2]));
    }
    assert_true(fg_analysis_get_morph(a, 1)->tags & FG_TAG_NOUN);
    assert_null(fg_analysis_get_morph(a, 4));
    return 0;
}

static void test_morph(void **state)
{
    (void)state;
    fg_worker *w;
    fg_diag_list *diags;
    fg_doc *doc;
    const char *text = "Die NATO-Hauptquartier Stra\xC3\x9F" "e.";
    assert_int_equal(fg_worker_new(&w, engine), 0);
    fg_diag_list_new(&diags);
    assert_int_equal(fg_doc_new(&doc, "m", text, strlen(text)), 0);
    fg_sink sink = {NULL, check_morph};
    assert_int_equal(fg_engine_process(engine, w, doc, &sink, diags), 0);
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    fg_worker_free(w);
}

static void test_bad_datadir(void **state)
{
    (void)state;
    fg_config *cfg;
    fg_diag_list *diags;
    fg_engine *e = (fg_engine *)1;
    assert_int_equal(fg_config_new(&cfg), 0);
    assert_int_equal(fg_config_set_datadir(cfg, ""), FG_EINVAL);
    assert_int_equal(fg_config_set_datadir(cfg, "/nonexistent"), 0);
    assert_string_equal(fg_config_get_datadir(cfg), "/nonexistent");
    fg_diag_list_new(&diags);
    assert_int_equal(fg_engine_new(&e, cfg, diags), FG_EDATA);
    assert_null(e);
    assert_true(fg_diag_list_errors(diags) >= 1);
    assert_non_null(strstr(fg_diag_list_get(diags, 0)->file,
                           "/nonexistent/rules/tokeniser/"));
    fg_diag_list_free(diags);
    fg_config_free(cfg);
}

/* RDF through the public API: configured format, base and context text;
 * whole-output formats come from fg_worker_finish; the run information
 * carries the engine's digest. */
static void test_rdf_api(void **state)
{
    (void)state;
    fg_config *cfg;
    fg_diag_list *diags;
    fg_engine *e;
    assert_int_equal(fg_config_new(&cfg), 0);
    fg_diag_list_new(&diags);
    fg_config_set_datadir(cfg, srcdir());
    assert_int_equal(fg_config_set_base(cfg, "relative/"), FG_EINVAL);
    assert_int_equal(fg_config_set_base(cfg, "urn:test:"), FG_EINVAL);
    assert_int_equal(fg_config_set_base(cfg, "urn:test:doc/"), 0);
    assert_int_equal(fg_config_set_format(cfg, (fg_format)99), FG_EINVAL);
    assert_int_equal(fg_config_set_format(cfg, FG_FORMAT_NQUADS), 0);
    assert_int_equal(fg_config_set_context_text(cfg, 0), 0);
    assert_int_equal(fg_engine_new(&e, cfg, diags), 0);
    assert_int_equal(strncmp(fg_engine_digest(e), "xxh3-128:", 9), 0);
    assert_int_equal(strlen(fg_engine_digest(e)), 9 + 32);

    fg_worker *w;
    fg_doc *doc;
    assert_int_equal(fg_worker_new(&w, e), 0);
    assert_int_equal(fg_doc_new(&doc, "d 1", "Ein Satz.", 9), 0);
    rdf_seen r = {0};
    fg_sink sink = {&r, keep_rdf};
    assert_int_equal(fg_engine_process(e, w, doc, &sink, diags), 0);
    assert_non_null(strstr(r.bytes, "<urn:test:doc/d%201> ."));
    assert_null(strstr(r.bytes, "isString"));
    test_free(r.bytes);
    const char *bytes;
    size_t len;
    assert_int_equal(fg_worker_run_info(w, "2026-01-02T03:04:05Z",
                                        "2026-01-02T03:04:06Z", &bytes, &len,
                                        diags),
                     0);
    assert_non_null(strstr(bytes, fg_engine_digest(e)));
    assert_non_null(strstr(bytes, "<urn:test:doc/run/"));
    assert_int_equal(fg_worker_finish(w, &bytes, &len, diags), 0);
    assert_int_equal(len, 0); /* N-Quads held nothing back */
    fg_worker_free(w);
    fg_engine_free(e);

    /* RDF/XML: nothing per document, everything at the end. */
    assert_int_equal(fg_config_set_format(cfg, FG_FORMAT_RDFXML), 0);
    assert_int_equal(fg_engine_new(&e, cfg, diags), 0);
    assert_int_equal(fg_worker_new(&w, e), 0);
    assert_int_equal(fg_engine_process(e, w, doc, &sink, diags), 0);
    assert_int_equal(r.len, 0);
    test_free(r.bytes);
    assert_int_equal(fg_worker_finish(w, &bytes, &len, diags), 0);
    assert_non_null(strstr(bytes, "<rdf:RDF"));
    assert_non_null(strstr(bytes, "urn:test:doc/d%201"));
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_worker_free(w);
    fg_engine_free(e);
    fg_doc_free(doc);
    fg_config_free(cfg);
    fg_diag_list_free(diags);
    assert_string_equal(fg_format_name(FG_FORMAT_JSON), "json");
    assert_int_equal(fg_format_from_name("turtle"), FG_FORMAT_TURTLE);
}

/* Tracing one rule (explain --rule): a match; the best attempt and the
 * element that refused the next token; a sentence the index skips. */
typedef struct traces {
    size_t n;
    fg_rule_trace t[3];
    char refused[3][64];
    size_t n_matches_kept;
} traces;

static int keep_traces(void *ctx, fg_analysis *a)
{
    traces *tr = ctx;
    tr->n = fg_analysis_trace_count(a);
    for (size_t i = 0; i < tr->n && i < 3; i++) {
        tr->t[i] = *fg_analysis_get_trace(a, i);
        snprintf(tr->refused[i], sizeof tr->refused[i], "%s",
                 tr->t[i].n_refused ? tr->t[i].refused[0].what : "");
    }
    assert_null(fg_analysis_get_trace(a, tr->n));
    tr->n_matches_kept = fg_analysis_match_count(a);
    return 0;
}

static void test_trace_rule(void **state)
{
    (void)state;
    char path[] = "/tmp/fg-trace-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("<rules xmlns=\"https://w3id.org/factgraph/rules/1\">\n"
          "  <rule id=\"t.meet\" class=\"dpo:Meeting\">\n"
          "    <pattern>\n"
          "      <token flags=\"capitalised\" role=\"agent\"/>\n"
          "      <token lemma=\"treffen\" role=\"trigger\"/>\n"
          "      <token form=\"sich\"/>\n"
          "    </pattern>\n"
          "    <example agent=\"Polen\">Polen traf sich.</example>\n"
          "  </rule>\n"
          "</rules>\n",
          f);
    fclose(f);
    fg_config *cfg;
    fg_diag_list *diags;
    fg_engine *e = NULL;
    assert_int_equal(fg_config_new(&cfg), 0);
    assert_int_equal(fg_diag_list_new(&diags), 0);
    fg_config_set_datadir(cfg, srcdir());
    fg_config_add_rules(cfg, path);
    /* An unknown id is refused when the engine is made. */
    fg_config_set_trace_rule(cfg, "t.nothing");
    assert_int_equal(fg_engine_new(&e, cfg, diags), FG_EDATA);
    assert_non_null(strstr(fg_diag_list_get(diags, 0)->message, "t.nothing"));
    fg_config_set_trace_rule(cfg, "t.meet");
    assert_int_equal(fg_engine_new(&e, cfg, diags), 0);
    fg_worker *w;
    assert_int_equal(fg_worker_new(&w, e), 0);
    const char *text = "Polen traf sich in Rom. Polen traf Rom. Der Hund bellt.";
    fg_doc *doc;
    assert_int_equal(fg_doc_new(&doc, "d", text, strlen(text)), 0);
    traces tr = {0};
    fg_sink sink = {&tr, keep_traces};
    assert_int_equal(fg_engine_process(e, w, doc, &sink, diags), 0);
    assert_int_equal(tr.n, 3);
    /* A match, kept. */
    assert_string_equal(tr.t[0].rule, "t.meet");
    assert_string_equal(tr.t[0].phase, "events");
    assert_int_equal(tr.t[0].line, 2);
    assert_true(tr.t[0].indexed);
    assert_int_equal(tr.t[0].matches, 1);
    assert_int_equal(tr.n_matches_kept, 1);
    /* "Polen traf" matched, then "Rom" is not "sich" (tokens 6-8 of
     * the document: the sentence starts at token 6). */
    assert_int_equal(tr.t[1].sentence, 1);
    assert_int_equal(tr.t[1].first_token, 6);
    assert_int_equal(tr.t[1].matches, 0);
    assert_int_equal(tr.t[1].attempt_first, 6);
    assert_int_equal(tr.t[1].attempt_end, 8);
    assert_int_equal(tr.t[1].n_refused, 1);
    assert_non_null(strstr(tr.refused[1], "sich"));
    assert_int_equal(tr.t[1].refused[0].line, 6);
    /* No "treffen": the index skips the sentence; traced all the same. */
    assert_false(tr.t[2].indexed);
    assert_int_equal(tr.t[2].matches, 0);
    assert_true(tr.t[2].n_refused >= 1);
    fg_doc_free(doc);
    fg_worker_free(w);
    fg_engine_free(e);
    fg_config_free(cfg);
    fg_diag_list_free(diags);
    unlink(path);
}

static void test_misc(void **state)
{
    (void)state;
    assert_string_equal(fg_version(), PACKAGE_VERSION);
    assert_string_equal(fg_strerror(FG_ENOMEM), "out of memory");
    assert_string_equal(fg_strerror(12345), "unknown error");
    fg_engine_free(NULL);
    fg_worker_free(NULL);
    fg_config_free(NULL);
    fg_input_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_process),
        cmocka_unit_test(test_morph),
        cmocka_unit_test(test_bad_datadir),
        cmocka_unit_test(test_rdf_api),
        cmocka_unit_test(test_trace_rule),
        cmocka_unit_test(test_misc),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
