/* Unit tests of text: repair of invalid UTF-8, token norms against
 * utf8proc, and the NFC offset map with decomposed input. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "alloc.h"
#include "arena.h"
#include "factgraph.h"
#include "text.h"

#include <utf8proc.h>

typedef struct repair_case {
    const char *name;
    const char *in;
    size_t len;
    const char *out;
    size_t bad, first_bad, nul;
} repair_case;

#define R(name, in, out, bad, first, nul) \
    {name, in, sizeof in - 1, out, bad, first, nul}

static const repair_case REPAIRS[] = {
    R("valid", "Grüße aus Kiew", "Grüße aus Kiew", 0, FG_NO_OFFSET, 0),
    R("stray continuation", "a\x80z", "a\xEF\xBF\xBDz", 1, 1, 0),
    R("overlong slash", "a\xC0\xAFz", "a\xEF\xBF\xBD\xEF\xBF\xBDz", 2, 1, 0),
    R("overlong 3-byte", "\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
      3, 0, 0),
    R("surrogate", "x\xED\xA0\x80", "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3,
      1, 0),
    R("truncated at end", "ab\xC3", "ab\xEF\xBF\xBD", 1, 2, 0),
    R("truncated in middle", "a\xE2\x82 b", "a\xEF\xBF\xBD\xEF\xBF\xBD b", 2,
      1, 0),
    R("beyond U+10FFFF", "\xF4\x90\x80\x80",
      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0, 0),
    R("0xFF", "\xFF", "\xEF\xBF\xBD", 1, 0, 0),
    R("NUL", "a\0b", "a b", 0, FG_NO_OFFSET, 1),
    R("BOM", "\xEF\xBB\xBFHallo", "Hallo", 0, FG_NO_OFFSET, 0),
    R("BOM only", "\xEF\xBB\xBF", "", 0, FG_NO_OFFSET, 0),
    R("BOM then bad", "\xEF\xBB\xBF\xFFx", "\xEF\xBF\xBDx", 1, 3, 0),
    R("Latin-1", "Gr\xFC\xDF" "e", "Gr\xEF\xBF\xBD\xEF\xBF\xBD" "e", 2, 2,
      0),
    R("valid 4-byte", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0, FG_NO_OFFSET,
      0),
};

static void test_repair(void **state)
{
    (void)state;
    fg_arena arena;
    fg_arena_init(&arena, 1024);
    for (size_t i = 0; i < sizeof REPAIRS / sizeof *REPAIRS; i++) {
        const repair_case *c = &REPAIRS[i];
        fg_text t;
        assert_int_equal(fg_text_repair(&t, c->in, c->len, &arena), 0);
        if (t.len != strlen(c->out) || memcmp(t.data, c->out, t.len) != 0)
            fail_msg("%s: wrong text", c->name);
        if (t.bad_bytes != c->bad || t.first_bad != c->first_bad ||
            t.nul_bytes != c->nul)
            fail_msg("%s: bad %zu at %zu, nul %zu", c->name, t.bad_bytes,
                     t.first_bad, t.nul_bytes);
        /* Valid text is used in place. */
        if (c->bad == 0 && c->nul == 0 && strcmp(c->name, "BOM only"))
            assert_ptr_equal(t.data, c->in + t.skipped);
    }
    fg_arena_clear(&arena);
}

/* The fast path gives utf8proc's result for every code point below
 * U+0100, alone and after a letter. */
static void test_norm_fast_path(void **state)
{
    (void)state;
    fg_arena arena;
    fg_arena_init(&arena, 4096);
    fg_norm_scratch ns = {0};
    for (int32_t cp = 1; cp < 0x100; cp++) {
        for (int prefix = 0; prefix < 2; prefix++) {
            char in[8];
            size_t n = 0;
            if (prefix)
                in[n++] = 'A';
            n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in + n);
            utf8proc_uint8_t *want = NULL;
            utf8proc_ssize_t wlen = utf8proc_map(
                (const utf8proc_uint8_t *)in, (utf8proc_ssize_t)n, &want,
                UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
            assert_true(wlen >= 0);
            const char *got;
            size_t glen;
            assert_int_equal(fg_text_norm(in, n, &ns, &arena, &got, &glen), 0);
            if ((size_t)wlen != glen || memcmp(want, got, glen) != 0)
                fail_msg("U+%04X: norm differs from utf8proc", (unsigned)cp);
            free(want);
        }
    }
    fg_norm_scratch_clear(&ns);
    fg_arena_clear(&arena);
}

static void check_norm(const char *in, const char *want)
{
    fg_arena arena;
    fg_arena_init(&arena, 4096);
    fg_norm_scratch ns = {0};
    const char *got;
    size_t glen;
    assert_int_equal(fg_text_norm(in, strlen(in), &ns, &arena, &got, &glen),
                     0);
    assert_string_equal(got, want);
    assert_int_equal(glen, strlen(want));
    fg_norm_scratch_clear(&ns);
    fg_arena_clear(&arena);
}

static void test_norm(void **state)
{
    (void)state;
    check_norm("Healey", "healey");
    check_norm("STRAẞE", "strasse");        /* capital sharp s */
    check_norm("Mu\xCC\x88LLER", "müller"); /* decomposed */
    check_norm("ÄÖÜ", "äöü");
    check_norm("İstanbul", "i̇stanbul");
    check_norm("ﬁnanz", "finanz");          /* ligature folds */
    check_norm("ΣΟΦΊΑ", "σοφία");
    /* s and t with the cedilla fold to the comma below (Romanian) */
    check_norm("Chişinău", "chișinău");
    check_norm("CHIŞINĂU", "chișinău");
    check_norm("Timis\xCC\xA7oara", "timișoara"); /* decomposed */
    check_norm("Constanţa", "constanța");
    check_norm("Ça", "ça");                   /* but not c */
    check_norm("", "");
    /* A long token takes the scratch beyond its first size. */
    char long_in[3000], long_want[3000];
    size_t n = 0, m = 0;
    while (n + 3 < sizeof long_in) {
        memcpy(long_in + n, "\xC5\x81", 2); /* Ł */
        memcpy(long_want + m, "\xC5\x82", 2);
        n += 2;
        m += 2;
    }
    long_in[n] = long_want[m] = '\0';
    check_norm(long_in, long_want);
}

/* NFC text and code-point offsets for decomposed input. */
static void test_nfc_map(void **state)
{
    (void)state;
    fg_arena arena;
    fg_arena_init(&arena, 4096);
    /* "Müller traf Pütin – Grüße" with u + U+0308. */
    const char *in = "Mu\xCC\x88ller traf Pu\xCC\x88tin \xE2\x80\x93 "
                     "Gru\xCC\x88\xC3\x9F" "e";
    fg_text t;
    assert_int_equal(fg_text_repair(&t, in, strlen(in), &arena), 0);
    assert_int_equal(fg_text_prepare_nfc(&t, &arena), 0);
    assert_string_equal(t.nfc, "Müller traf Pütin – Grüße");
    struct {
        const char *at; /* the byte offset is where this starts in `in` */
        size_t cp;
    } points[] = {{"Mu", 0}, {"ller", 2}, {" traf", 6}, {"traf", 7},
                  {"Pu", 12}, {"tin", 14}, {"\xE2\x80\x93", 18},
                  {"Gru", 20}, {"\xC3\x9F", 23}};
    for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
        size_t off = (size_t)(strstr(in, points[i].at) - in), cp;
        assert_int_equal(fg_text_nfc_offset(&t, off, &cp), 0);
        if (cp != points[i].cp)
            fail_msg("offset %zu: %zu, want %zu", off, cp, points[i].cp);
    }
    size_t cp;
    assert_int_equal(fg_text_nfc_offset(&t, t.len, &cp), 0);
    assert_int_equal(cp, 25);
    /* Inside a segment: "Mu" + U+0308 ends at byte 4, one code point
     * "ü" after "M". */
    assert_int_equal(fg_text_nfc_offset(&t, 4, &cp), 0);
    assert_int_equal(cp, 2);

    /* Already NFC: the text itself, offsets are code point counts, also
     * past the checkpoints of a long text. */
    char big[5000];
    size_t n = 0;
    while (n + 8 < sizeof big) {
        memcpy(big + n, "Grüße ", 8);
        n += 8;
    }
    big[n] = '\0';
    fg_text t2;
    assert_int_equal(fg_text_repair(&t2, big, n, &arena), 0);
    assert_int_equal(fg_text_prepare_nfc(&t2, &arena), 0);
    assert_ptr_equal(t2.nfc, t2.data);
    for (size_t k = 0; k <= n; k += 8) {
        assert_int_equal(fg_text_nfc_offset(&t2, k, &cp), 0);
        assert_int_equal(cp, k / 8 * 6);
    }
    fg_arena_clear(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_norm_fast_path),
        cmocka_unit_test(test_norm),
        cmocka_unit_test(test_nfc_map),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
