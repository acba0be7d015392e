/* Unit tests of engine: the lifecycle of the public API, sinks, repair
 * warnings and NIF offsets. */
#include "config.h"

#include <string.h>

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
        cmocka_unit_test(test_bad_datadir),
        cmocka_unit_test(test_misc),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
