/* fuzz_text: any bytes as a document's text, through repair, NFC, the
 * tokeniser and the analysis stages (no rules). Checks the token
 * invariants every later stage relies on. */
#include "config.h"

#include "fuzz.h"

static int check_tokens(void *ctx, fg_analysis *a)
{
    (void)ctx;
    size_t len;
    fg_analysis_text(a, &len);
    size_t n = fg_analysis_token_count(a), prev_end = 0;
    unsigned prev_sentence = 0;
    for (size_t i = 0; i < n; i++) {
        const fg_token *t = fg_analysis_get_token(a, i);
        FUZZ_CHECK(t->start < t->end && t->end <= len);
        FUZZ_CHECK(t->start >= prev_end);
        FUZZ_CHECK(t->sentence >= prev_sentence);
        FUZZ_CHECK(t->norm_len > 0);
        prev_end = t->end;
        prev_sentence = t->sentence;
        FUZZ_CHECK(fg_analysis_get_morph(a, i) != NULL);
    }
    /* NIF offsets: monotone in the byte offsets of token boundaries. */
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        size_t cp;
        FUZZ_CHECK(fg_analysis_nif_offset(a, fg_analysis_get_token(a, i)->start,
                                          &cp) == 0);
        FUZZ_CHECK(cp >= last);
        last = cp;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fg_engine *engine;
    static fg_worker *worker;
    if (engine == NULL) {
        engine = fuzz_engine_no_rules();
        FUZZ_CHECK(fg_worker_new(&worker, engine) == 0);
    }
    fg_doc *doc = NULL;
    fg_diag_list *diags = NULL;
    FUZZ_CHECK(fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_doc_new(&doc, "fuzz", (const char *)data, size) == 0);
    fg_sink sink = {NULL, check_tokens};
    FUZZ_CHECK(fg_engine_process(engine, worker, doc, &sink, diags) == 0);
    fg_doc_free(doc);
    fg_diag_list_free(diags);
    return 0;
}
