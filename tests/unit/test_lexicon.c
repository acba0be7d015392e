/* Unit tests of the lexicon loader: the shipped files load without the
 * slow RELAX NG validator (the loader's own checks vouch for them), a
 * verb's principal parts give its forms, and broken lexicon files are
 * refused with a diagnostic naming the file and line, whichever of the
 * two checkers finds the problem, and gazetteer names match longest
 * first, whether exact or case-folded. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "arena.h"
#include "lexicon.h"
#include "text.h"
#include "tokenise.h"

static fg_tokeniser *tk;

static const char *schema(void)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s", src_path("rules/factgraph-lexicon.rng"));
    return buf;
}

/* The first analysis of form with tag, or NULL. */
static const fg_lex_analysis *analysis(const fg_lexicon *lex,
                                       const char *form, uint32_t tag)
{
    for (uint32_t i = fg_lexicon_find(lex, form, strlen(form));
         i != UINT32_MAX; i = fg_lexicon_analysis(lex, i)->next)
        if (fg_lexicon_analysis(lex, i)->tags & tag)
            return fg_lexicon_analysis(lex, i);
    return NULL;
}

static void test_shipped(void **state)
{
    (void)state;
    fg_diag_list *diags;
    assert_int_equal(fg_diag_list_new(&diags), 0);
    fg_digest digest = {XXH3_createState(), NULL};
    XXH3_128bits_reset(digest.state);
    fg_lexicon *lex = NULL;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", src_path("rules/lexicon"));
    assert_int_equal(fg_lexicon_load(&lex, dir, schema(), tk, &digest, diags), 0);
    assert_int_equal(fg_diag_list_count(diags), 0);
    /* Every shipped file passed the loader's own checks. */
    assert_int_equal(fg_lexicon_validated_count(lex), 0);
    assert_true(fg_lexicon_form_count(lex) > 10000);
    assert_true(fg_lexicon_entry_count(lex) > 2000);
    /* Conjugated from principal parts; umlaut plurals. */
    const fg_lex_analysis *a = analysis(lex, "traf", FG_TAG_VERB);
    assert_non_null(a);
    assert_string_equal(a->lemma, "treffen");
    assert_true(a->tags & FG_TAG_PAST);
    a = analysis(lex, "teilgenommen", FG_TAG_PARTICIPLE);
    assert_non_null(a);
    assert_string_equal(a->lemma, "teilnehmen");
    a = analysis(lex, "kräfte", FG_TAG_NOUN);
    assert_non_null(a);
    assert_string_equal(a->lemma, "kraft");
    assert_int_equal(fg_lexicon_find(lex, "xqzv", 4), UINT32_MAX);
    fg_lexicon_free(lex);
    XXH3_freeState(digest.state);
    fg_diag_list_free(diags);
}

typedef struct bad_case {
    const char *what;
    const char *xml;
    unsigned long line;   /* of the first error */
    const char *message;  /* a part of its message */
} bad_case;

#define LEX "<lexicon xmlns=\"https://w3id.org/factgraph/lexicon/1\">\n"
#define GAZ "<gazetteer xmlns=\"https://w3id.org/factgraph/lexicon/1\" type=\"Country\">\n"

static const bad_case BAD[] = {
    {"a verb without lemma", LEX "  <verb past=\"ging\"/>\n</lexicon>\n", 2, "lemma"},
    {"a noun without lemma", LEX "  <noun forms=\"Länder\"/>\n</lexicon>\n", 2, "lemma"},
    {"an entry without label",
     GAZ "  <entry class=\"Country\"><name>Atlantis</name></entry>\n</gazetteer>\n", 2,
     "label"},
    {"an unknown element", LEX "  <verb lemma=\"gehen\"/>\n  <adverb lemma=\"oft\"/>\n</lexicon>\n",
     3, "adverb"},
    {"not well-formed", LEX "  <verb lemma=\"gehen\">\n</lexicon>\n", 3, ""},
    {"a DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE lexicon [<!ENTITY a \"b\">]>\n" LEX
              "</lexicon>\n", 2, "DOCTYPE"},
};

/* Writes content to dir/name; its path in path. */
static void put(char *path, size_t size, const char *dir, const char *name,
                const char *content)
{
    snprintf(path, size, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void test_bad_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/fg-lexicon-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    for (size_t k = 0; k < sizeof BAD / sizeof BAD[0]; k++) {
        put(path, sizeof path, dir, "bad.xml", BAD[k].xml);
        fg_diag_list *diags;
        assert_int_equal(fg_diag_list_new(&diags), 0);
        fg_digest digest = {XXH3_createState(), NULL};
        XXH3_128bits_reset(digest.state);
        fg_lexicon *lex = (fg_lexicon *)&lex; /* must become NULL */
        int rc = fg_lexicon_load(&lex, dir, schema(), tk, &digest, diags);
        if (rc != FG_EDATA || lex != NULL || fg_diag_list_errors(diags) == 0)
            fail_msg("%s: rc %d, want FG_EDATA and a diagnostic", BAD[k].what, rc);
        const fg_diag *d = NULL;
        for (size_t i = 0; d == NULL || d->severity != FG_ERROR; i++)
            d = fg_diag_list_get(diags, i);
        if (strstr(d->file, "bad.xml") == NULL || d->line != BAD[k].line ||
            strstr(d->message, BAD[k].message) == NULL)
            fail_msg("%s: got %s:%lu: %s", BAD[k].what, d->file, d->line, d->message);
        XXH3_freeState(digest.state);
        fg_diag_list_free(diags);
    }
    unlink(path);
    rmdir(dir);
}

/* A gazetteer where an exact name is the first word of longer names, one
 * folded, one exact, and a folded name has an exact twin. */
static const char MATCH_GAZ[] =
    "<gazetteer xmlns=\"https://w3id.org/factgraph/lexicon/1\" type=\"Person\">\n"
    "  <entry label=\"Xi\" class=\"Person\"><name case=\"exact\">Xi</name></entry>\n"
    "  <entry label=\"Xi Jinping\" class=\"Person\"><name>Xi Jinping</name></entry>\n"
    "  <entry label=\"Xi Jinping Junior\" class=\"Person\">"
    "<name case=\"exact\">Xi Jinping Junior</name></entry>\n"
    "  <entry label=\"UN exact\" class=\"Organization\"><name case=\"exact\">UN</name></entry>\n"
    "  <entry label=\"un folded\" class=\"Organization\"><name>UN</name></entry>\n"
    "</gazetteer>\n";

typedef struct match_case {
    const char *text;
    const char *label; /* of the name at the first token, or NULL */
    uint32_t end;      /* its end token */
} match_case;

static const match_case MATCHES[] = {
    {"Xi Jinping reiste ab.", "Xi Jinping", 2},   /* not hidden by "Xi" */
    {"XI JINPING reiste ab.", "Xi Jinping", 2},   /* folded only */
    {"Xi reiste ab.", "Xi", 1},
    {"xi reiste ab.", NULL, 0},                   /* "Xi" is exact */
    {"Xi Jinping Junior reiste ab.", "Xi Jinping Junior", 3}, /* exact again */
    {"xi jinping Junior reiste ab.", "Xi Jinping", 2},
    {"UN warnen.", "UN exact", 1},                /* equally long: exact */
    {"Un warnen.", "un folded", 1},
};

static void test_match(void **state)
{
    (void)state;
    char dir[] = "/tmp/fg-lexicon-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    put(path, sizeof path, dir, "people.xml", MATCH_GAZ);
    fg_diag_list *diags;
    assert_int_equal(fg_diag_list_new(&diags), 0);
    fg_digest digest = {XXH3_createState(), NULL};
    XXH3_128bits_reset(digest.state);
    fg_lexicon *lex = NULL;
    assert_int_equal(fg_lexicon_load(&lex, dir, schema(), tk, &digest, diags), 0);
    for (size_t k = 0; k < sizeof MATCHES / sizeof MATCHES[0]; k++) {
        const match_case *c = &MATCHES[k];
        fg_arena arena;
        fg_arena_init(&arena, 4096);
        fg_token_vec v = {0};
        fg_norm_scratch norm = {0};
        fg_text text;
        size_t sentences;
        fg_doc_origin origin = {"test", 0};
        assert_int_equal(fg_text_repair(&text, c->text, strlen(c->text), &arena), 0);
        assert_int_equal(fg_tokenise(tk, &text, &v, &norm, &arena, &origin,
                                     diags, &sentences), 0);
        fg_gaz_hit hit;
        int found = fg_lexicon_match(lex, v.items, v.n, 0, text.data, &hit);
        const char *got = found ? fg_lexicon_entry(lex, hit.entry)->label : NULL;
        if (c->label == NULL ? found
                             : !found || strcmp(got, c->label) != 0 ||
                                   hit.end != c->end)
            fail_msg("%s: got %s (end %u), want %s (end %u)", c->text,
                     got ? got : "no name", found ? hit.end : 0,
                     c->label ? c->label : "no name", c->end);
        fg_token_vec_clear(&v);
        fg_norm_scratch_clear(&norm);
        fg_arena_clear(&arena);
    }
    fg_lexicon_free(lex);
    XXH3_freeState(digest.state);
    fg_diag_list_free(diags);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    if (load_tokeniser(&tk) < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_match),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fg_tokeniser_free(tk);
    return rc;
}
