/* Unit tests of tokenise: the case table in tests/tokenise/cases.txt (one
 * test per category), token features, invariants, limits and the
 * loading of the word lists. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "text.h"
#include "tokenise.h"
#include "whitespace.h"

#define SENT_MARK "\xE2\x80\x96"  /* ‖ */
#define CLAUSE_MARK "\xC2\xA6"    /* ¦ */

static fg_tokeniser *tk;

typedef struct tcase {
    char *text;
    char *expected;
    unsigned long line;
} tcase;

typedef struct category {
    char name[64];
    tcase *cases;
    size_t n;
} category;

static category categories[32];
static size_t n_categories;

/* A tokenised document for the tests. */
typedef struct result {
    fg_arena arena;
    fg_token_vec v;
    fg_norm_scratch norm;
    fg_text text;
    fg_diag_list *diags;
    size_t n_sentences;
} result;

static void tokenise(result *r, const char *s, size_t len)
{
    memset(r, 0, sizeof *r);
    fg_arena_init(&r->arena, 4096);
    assert_int_equal(fg_diag_list_new(&r->diags), 0);
    assert_int_equal(fg_text_repair(&r->text, s, len, &r->arena), 0);
    fg_doc_origin origin = {"test", 0};
    assert_int_equal(fg_tokenise(tk, &r->text, &r->v, &r->norm, &r->arena,
                                 &origin, r->diags, &r->n_sentences),
                     0);
}

static void result_clear(result *r)
{
    fg_arena_clear(&r->arena);
    fg_token_vec_clear(&r->v);
    fg_norm_scratch_clear(&r->norm);
    fg_diag_list_free(r->diags);
}

/* Tokens with ‖ and ¦ marks, as the case table writes them. */
static void render(const result *r, fg_buf *out)
{
    for (size_t i = 0; i < r->v.n; i++) {
        const fg_token *t = &r->v.items[i];
        if (i > 0) {
            if (t->flags & FG_TOKEN_SENT_START)
                fg_buf_adds(out, " " SENT_MARK " ");
            else if (t->flags & FG_TOKEN_CLAUSE_START)
                fg_buf_adds(out, " " CLAUSE_MARK " ");
            else
                fg_buf_adds(out, " ");
        }
        fg_buf_add(out, r->text.data + t->start, t->end - t->start);
    }
}

/* Checks what every tokenisation must satisfy: tokens in order, not
 * empty, not overlapping, only whitespace between them, consistent
 * sentence, clause and paragraph numbers. */
static void check_invariants(const result *r)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < r->v.n; i++) {
        const fg_token *t = &r->v.items[i];
        assert_true(t->start < t->end);
        assert_true(t->start >= prev_end);
        assert_true(t->end <= r->text.len);
        assert_true(fg_test_is_whitespace(r->text.data, prev_end, t->start));
        assert_non_null(t->norm);
        assert_non_null(t->shape);
        if (i == 0) {
            assert_int_equal(t->sentence, 0);
            assert_true(t->flags & FG_TOKEN_SENT_START);
        } else {
            const fg_token *p = &r->v.items[i - 1];
            int new_sent = (t->flags & FG_TOKEN_SENT_START) != 0;
            assert_int_equal(t->sentence, p->sentence + (new_sent ? 1 : 0));
            if (new_sent)
                assert_int_equal(t->clause, 0);
            else
                assert_int_equal(t->clause,
                                 p->clause + ((t->flags &
                                               FG_TOKEN_CLAUSE_START)
                                                  ? 1
                                                  : 0));
            assert_true(t->paragraph >= p->paragraph);
        }
        for (uint32_t k = 0; k < t->n_parts; k++) {
            assert_true(t->parts[k].start >= t->start);
            assert_true(t->parts[k].end <= t->end);
            assert_true(t->parts[k].start < t->parts[k].end);
        }
        prev_end = t->end;
    }
    /* Trailing gap. */
    assert_true(fg_test_is_whitespace(r->text.data, prev_end, r->text.len));
    if (r->v.n)
        assert_int_equal(r->n_sentences, r->v.items[r->v.n - 1].sentence + 1);
}

/* ------------------------------------------------------------------ */
/* The case table                                                      */

static char *unescape(const char *s)
{
    size_t n = strlen(s);
    char *out = test_malloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && s[i + 1] == 'n') {
            *o++ = '\n';
            i++;
        } else if (s[i] == '\\' && s[i + 1] == 't') {
            *o++ = '\t';
            i++;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

static char *copy_string(const char *s)
{
    char *c = test_malloc(strlen(s) + 1);
    strcpy(c, s);
    return c;
}

static void load_cases(void)
{
    const char *path = src_path("tests/tokenise/cases.txt");
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    char line[8192];
    unsigned long lineno = 0, text_line = 0;
    char *text = NULL;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "## ", 3) == 0) {
            category *c = &categories[n_categories++];
            size_t n = strlen(line + 3);
            if (n >= sizeof c->name)
                n = sizeof c->name - 1;
            memcpy(c->name, line + 3, n);
            c->name[n] = '\0';
        } else if (strncmp(line, "text: ", 6) == 0) {
            text = unescape(line + 6);
            text_line = lineno;
        } else if (strncmp(line, "tokens: ", 8) == 0) {
            category *c = &categories[n_categories - 1];
            c->cases = realloc(c->cases, (c->n + 1) * sizeof *c->cases);
            c->cases[c->n++] = (tcase){text, copy_string(line + 8), text_line};
            text = NULL;
        }
    }
    fclose(fp);
}

static void test_category(void **state)
{
    category *c = *state;
    int failures = 0;
    for (size_t i = 0; i < c->n; i++) {
        result r;
        tokenise(&r, c->cases[i].text, strlen(c->cases[i].text));
        check_invariants(&r);
        fg_buf got;
        fg_buf_init(&got, 1 << 20);
        render(&r, &got);
        if (strcmp(got.data ? got.data : "", c->cases[i].expected) != 0) {
            failures++;
            print_message("cases.txt:%lu: %s\n  expected: %s\n  got:      %s\n",
                          c->cases[i].line, c->cases[i].text,
                          c->cases[i].expected, got.data ? got.data : "");
        }
        fg_buf_clear(&got);
        result_clear(&r);
    }
    assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------------ */
/* Features                                                            */

static const fg_token *find_token(const result *r, const char *form)
{
    for (size_t i = 0; i < r->v.n; i++) {
        const fg_token *t = &r->v.items[i];
        if (t->end - t->start == strlen(form) &&
            memcmp(r->text.data + t->start, form, t->end - t->start) == 0)
            return t;
    }
    fail_msg("no token '%s'", form);
    return NULL;
}

static void test_features(void **state)
{
    (void)state;
    const char *s = "Der 2. Weltkrieg: NATO-Hauptquartier, J. Healey, "
                    "73.000 Soldaten, STRASSE und Straße, www.nato.int.";
    result r;
    tokenise(&r, s, strlen(s));
    check_invariants(&r);

    const fg_token *t = find_token(&r, "NATO-Hauptquartier");
    assert_true(t->flags & FG_TOKEN_HYPHENATED);
    assert_int_equal(t->n_parts, 2);
    assert_int_equal(t->parts[0].end - t->parts[0].start, 4);
    assert_memory_equal(r.text.data + t->parts[1].start, "Hauptquartier", 13);
    assert_string_equal(t->shape, "XXXX-Xxxxx");
    assert_string_equal(t->norm, "nato-hauptquartier");

    t = find_token(&r, "Healey");
    assert_string_equal(t->shape, "Xxxxx");
    assert_true(t->flags & FG_TOKEN_CAPITALISED);
    t = find_token(&r, "73.000");
    assert_string_equal(t->shape, "dd.ddd");
    assert_true(t->flags & FG_TOKEN_NUMBER);
    t = find_token(&r, "2.");
    assert_true(t->flags & FG_TOKEN_ORDINAL);
    t = find_token(&r, "J.");
    assert_true(t->flags & FG_TOKEN_INITIAL);
    t = find_token(&r, "Straße");
    assert_string_equal(t->norm, "strasse");
    t = find_token(&r, "STRASSE");
    assert_string_equal(t->norm, "strasse");
    t = find_token(&r, "www.nato.int");
    assert_true(t->flags & FG_TOKEN_URL);
    assert_int_equal(r.n_sentences, 1);
    result_clear(&r);
}

/* The period before closing quotes at the end of the text ends the
 * sentence too (a bug: only a last token that was itself terminal was
 * flagged). */
static void test_final_before_quote(void **state)
{
    (void)state;
    const char *texts[] = {"Er sagte: \u201EPolen nimmt teil.\u201C",
                           "Polen nimmt teil.)", "Polen nimmt teil."};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        result r;
        tokenise(&r, texts[i], strlen(texts[i]));
        const fg_token *t = find_token(&r, ".");
        if (!(t->flags & FG_TOKEN_SENT_FINAL))
            fail_msg("no sentence-final period in '%s'", texts[i]);
        result_clear(&r);
    }
}

/* Single quotes are quotes where they pair, inside the quotes around
 * them, as double quotes are; an apostrophe at the edge of a word
 * that pairs with nothing is none. */
static void test_single_quotes(void **state)
{
    (void)state;
    static const struct {
        const char *text, *form;
        uint32_t flags;
    } cases[] = {
        {"Die Zeitung 'taz' berichtete.", "'", FG_TOKEN_QUOTE_OPEN},
        {"Laut \u201ASpiegel\u2018 kam er.", "\u2018", FG_TOKEN_QUOTE_CLOSE},
        {"Laut \u2018Spiegel\u2019 kam er.", "\u2018", FG_TOKEN_QUOTE_OPEN},
        {"Laut \u2018Spiegel\u2019 kam er.", "\u2019", FG_TOKEN_QUOTE_CLOSE},
        {"Er sang \u201ESingin' in the Rain\u201C.", "'", 0},
        {"Das ist Jones' Haus.", "'", 0},
        {"\u201EEr hat 'nen Plan\u201C, sagte sie.", "'nen", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        result r;
        tokenise(&r, cases[i].text, strlen(cases[i].text));
        check_invariants(&r);
        const fg_token *t = find_token(&r, cases[i].form);
        uint32_t q = t->flags & (FG_TOKEN_QUOTE_OPEN | FG_TOKEN_QUOTE_CLOSE);
        if (q != cases[i].flags)
            fail_msg("'%s': %s has quote flags %x, want %x", cases[i].text,
                     cases[i].form, (unsigned)q, (unsigned)cases[i].flags);
        result_clear(&r);
    }
}

/* Every line break convention ends a headline. */
static void test_line_breaks(void **state)
{
    (void)state;
    const char *texts[] = {"Titel hier\nDer Text beginnt.",
                           "Titel hier\r\nDer Text beginnt.",
                           "Titel hier\rDer Text beginnt.",
                           ("Titel hier\xE2\x80\xA8" "Der Text beginnt.")};
    for (size_t i = 0; i < 4; i++) {
        result r;
        tokenise(&r, texts[i], strlen(texts[i]));
        check_invariants(&r);
        assert_int_equal(r.n_sentences, 2);
        assert_int_equal(r.v.items[2].paragraph, 0);
        result_clear(&r);
    }
    const char *para = "Erster Absatz.\r\n\r\nZweiter Absatz.";
    result r;
    tokenise(&r, para, strlen(para));
    assert_int_equal(r.n_sentences, 2);
    assert_int_equal(r.v.items[r.v.n - 1].paragraph, 1);
    assert_true(r.v.items[3].flags & FG_TOKEN_PARA_START);
    result_clear(&r);
}

/* Odd bytes and characters: never a crash, always the invariants. */
static void test_invariants_odd_text(void **state)
{
    (void)state;
    const char *texts[] = {
        "",
        "   \n\n  ",
        ".",
        "...",
        "„",
        "a",
        "-",
        "www.",
        "http://",
        "@",
        "x@y",
        "a@b.c",
        "1.",
        "1,",
        "Dr.",
        "z. B.",
        "\xEF\xBF\xBD\xEF\xBF\xBD",
        "Mu\xCC\x88ller",        /* decomposed umlaut */
        "\xCC\x88\xCC\x88 x",     /* marks without base */
        "a\xC2\xAD" "b c\xE2\x80\x8D" "d", /* soft hyphen, ZWJ */
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 emoji",
        "中文 und Deutsch.",
        "A-", "-A", "A--B", "1:", ":1", "a''b", "'a'", "1.2.3.4.5.6.7.8.",
        "(((((", "»«»«", "Nein!“ Ja.", "U.S.A. sind", "e.V.", "1990er-Jahre",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        result r;
        tokenise(&r, texts[i], strlen(texts[i]));
        check_invariants(&r);
        result_clear(&r);
    }
}

/* Every non-space byte belongs to exactly one token, on random text
 * made of the characters that matter to the tokeniser. */
static void test_invariants_random(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "a", "Z", "ä", "ß", "1", "0", ".", ",", ":", ";", "!", "?", "-",
        "–", "„", "“", "»", "«", "\"", "'", "’", "(", ")", " ", " ", " ",
        "\n", "\n\n", "\r\n", "…", "/", "%", "@", "www.", "http://", "z.",
        "B.", "Dr.", "usw.", "\xC2\xA0", "\xCC\x88", "\xC2\xAD", "der",
        "dass", "zu", "Mai",
    };
    unsigned seed = 12345;
    fg_buf b;
    fg_buf_init(&b, 1 << 20);
    for (int round = 0; round < 400; round++) {
        fg_buf_reset(&b);
        int n = 1 + round % 60;
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            fg_buf_adds(&b, pieces[(seed >> 16) % (sizeof pieces /
                                                   sizeof *pieces)]);
        }
        result r;
        tokenise(&r, b.data, b.len);
        check_invariants(&r);
        result_clear(&r);
    }
    fg_buf_clear(&b);
}

/* A sentence of more than 1,000 tokens is split, with one warning. */
static void test_long_sentence(void **state)
{
    (void)state;
    fg_buf b;
    fg_buf_init(&b, 1 << 20);
    for (int i = 0; i < 2500; i++)
        fg_buf_adds(&b, "wort ");
    result r;
    tokenise(&r, b.data, b.len);
    check_invariants(&r);
    assert_int_equal(r.v.n, 2500);
    assert_int_equal(r.n_sentences, 3);
    assert_int_equal(r.v.items[1000].sentence, 1);
    assert_int_equal(fg_diag_list_count(r.diags), 1);
    const fg_diag *d = fg_diag_list_get(r.diags, 0);
    assert_int_equal(d->severity, FG_WARNING);
    assert_non_null(strstr(d->message, "1000 tokens"));
    result_clear(&r);
    fg_buf_clear(&b);
}

/* A token longer than the limit is cut, and nothing is lost. */
static void test_long_token(void **state)
{
    (void)state;
    size_t n = FG_MAX_TOKEN_BYTES * 3 + 7;
    char *s = test_malloc(n);
    memset(s, 'a', n);
    result r;
    tokenise(&r, s, n);
    check_invariants(&r);
    assert_int_equal(r.v.n, 4);
    assert_true(r.v.items[0].flags & FG_TOKEN_CUT);
    assert_int_equal(r.v.items[3].end, n);
    result_clear(&r);
    test_free(s);
}

/* Broken data files are reported with file and line. */
static void test_load_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/fg-tk-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/abbreviations.txt", dir);
    FILE *fp = fopen(path, "w");
    fputs("# comment\nDr.\nkein Punkt\nusw.\tfinal\nbzw.\tsometimes\n", fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/words.txt", dir);
    fp = fopen(path, "w");
    fputs("dass\tsubordinator\nwenn\tconjunction\n", fp);
    fclose(fp);

    fg_diag_list *diags;
    fg_diag_list_new(&diags);
    fg_tokeniser *bad = NULL;
    assert_int_equal(fg_tokeniser_load(&bad, dir, NULL, diags), FG_EDATA);
    assert_null(bad);
    assert_int_equal(fg_diag_list_count(diags), 3);
    assert_int_equal(fg_diag_list_get(diags, 0)->line, 3);
    assert_int_equal(fg_diag_list_get(diags, 1)->line, 5);
    assert_int_equal(fg_diag_list_get(diags, 2)->line, 2);
    assert_non_null(strstr(fg_diag_list_get(diags, 2)->file, "words.txt"));
    fg_diag_list_free(diags);

    /* A missing file. */
    unlink(path);
    fg_diag_list_new(&diags);
    assert_int_equal(fg_tokeniser_load(&bad, dir, NULL, diags), FG_EDATA);
    assert_non_null(strstr(fg_diag_list_get(diags, fg_diag_list_count(diags) - 1)
                               ->message,
                           "cannot open"));
    fg_diag_list_free(diags);
    snprintf(path, sizeof path, "%s/abbreviations.txt", dir);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    if (load_tokeniser(&tk) < 0)
        return 1;
    load_cases();

    struct CMUnitTest tests[64];
    size_t n = 0;
    for (size_t i = 0; i < n_categories; i++)
        tests[n++] = (struct CMUnitTest){categories[i].name, test_category,
                                         NULL, NULL, &categories[i]};
    const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_final_before_quote),
        cmocka_unit_test(test_single_quotes),
        cmocka_unit_test(test_line_breaks),
        cmocka_unit_test(test_invariants_odd_text),
        cmocka_unit_test(test_invariants_random),
        cmocka_unit_test(test_long_sentence),
        cmocka_unit_test(test_long_token),
        cmocka_unit_test(test_load_errors),
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        tests[n++] = fixed[i];
    int failed = _cmocka_run_group_tests("tokenise", tests, n, NULL, NULL);

    for (size_t i = 0; i < n_categories; i++) {
        for (size_t k = 0; k < categories[i].n; k++) {
            test_free(categories[i].cases[k].text);
            test_free(categories[i].cases[k].expected);
        }
        free(categories[i].cases);
    }
    fg_tokeniser_free(tk);
    return failed;
}
