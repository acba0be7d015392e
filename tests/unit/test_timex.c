/* Unit tests of timex: German news sentences, tokenised by the project's
 * tokeniser, scanned as the engine does (fg_timex_at at every token,
 * jumping over what was found). Each case names the one expression the
 * sentence holds, by its text, and what it must normalise to against a
 * document date; every case runs again without a date, where relative
 * expressions must keep their span and lose their value. Every value
 * must be a literal that fg_literal_make accepts. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "arena.h"
#include "facts.h"
#include "text.h"
#include "timex.h"
#include "tokenise.h"

static fg_tokeniser *tk;

#define DATE FG_LITERAL_DATE
#define MONTH FG_LITERAL_YEAR_MONTH
#define YEAR FG_LITERAL_YEAR

typedef struct tcase {
    const char *doc_date;  /* the document date, or NULL */
    const char *sentence;  /* one sentence */
    const char *span;      /* the expression's text: its first occurrence */
    int relative;
    fg_literal_type type;
    const char *value;     /* the value with doc_date */
} tcase;

/* A tokenised sentence. */
typedef struct sent {
    fg_arena arena;
    fg_token_vec v;
    fg_norm_scratch norm;
    fg_text text;
    fg_diag_list *diags;
} sent;

static void sent_tokenise(sent *s, const char *str)
{
    memset(s, 0, sizeof *s);
    fg_arena_init(&s->arena, 4096);
    assert_int_equal(fg_diag_list_new(&s->diags), 0);
    assert_int_equal(fg_text_repair(&s->text, str, strlen(str), &s->arena),
                     0);
    fg_doc_origin origin = {"test", 0};
    size_t n_sentences;
    assert_int_equal(fg_tokenise(tk, &s->text, &s->v, &s->norm, &s->arena,
                                 &origin, s->diags, &n_sentences),
                     0);
    if (n_sentences != 1)
        fail_msg("'%s' is %zu sentences", str, n_sentences);
}

static void sent_clear(sent *s)
{
    fg_arena_clear(&s->arena);
    fg_token_vec_clear(&s->v);
    fg_norm_scratch_clear(&s->norm);
    fg_diag_list_free(s->diags);
}

/* The tokens that start and end at the byte offsets, or fails. */
static size_t token_starting(const sent *s, size_t offset)
{
    for (size_t k = 0; k < s->v.n; k++)
        if (s->v.items[k].start == offset)
            return k;
    fail_msg("no token starts at byte %zu", offset);
    return 0;
}

static size_t token_ending(const sent *s, size_t offset)
{
    for (size_t k = 0; k < s->v.n; k++)
        if (s->v.items[k].end == offset)
            return k + 1;
    fail_msg("no token ends at byte %zu", offset);
    return 0;
}

/* Scans the sentence as the engine does. Returns how many expressions it
 * found; the first one's first token and result go to *first, *got. */
static size_t scan(const sent *s, const char *doc_date, size_t *first,
                   fg_timex *got)
{
    size_t found = 0;
    size_t i = 0;
    while (i < s->v.n) {
        fg_timex t;
        if (fg_timex_at(s->v.items, s->v.n, i, s->text.data, doc_date, &t)) {
            assert_true(t.end > i && t.end <= s->v.n);
            if (found++ == 0) {
                *first = i;
                *got = t;
            }
            i = t.end;
        } else
            i++;
    }
    return found;
}

/* Every resolved value is a canonical literal of its type. */
static void check_literal(const fg_timex *t)
{
    fg_arena arena;
    fg_graph graph;
    fg_arena_init(&arena, 1024);
    fg_graph_init(&graph, &arena);
    fg_literal lit;
    int rc = fg_literal_make(&graph, t->type, t->value, &lit);
    if (rc != 0)
        fail_msg("'%s' is not a valid literal of its type", t->value);
    assert_string_equal(lit.value, t->value);
    fg_graph_clear(&graph);
    fg_arena_clear(&arena);
}

static void run_case(const tcase *c, const char *doc_date)
{
    sent s;
    sent_tokenise(&s, c->sentence);
    const char *at = strstr(c->sentence, c->span);
    if (at == NULL)
        fail_msg("'%s' not in '%s'", c->span, c->sentence);
    size_t offset = (size_t)(at - c->sentence);
    size_t want_first = token_starting(&s, offset);
    size_t want_end = token_ending(&s, offset + strlen(c->span));

    size_t first = 0;
    fg_timex got;
    memset(&got, 0, sizeof got);
    size_t found = scan(&s, doc_date, &first, &got);
    if (found != 1)
        fail_msg("'%s' (date %s): %zu expressions, want 1", c->sentence,
                 doc_date ? doc_date : "none", found);
    if (first != want_first || got.end != want_end)
        fail_msg("'%s': span [%zu, %u), want '%s' [%zu, %zu)", c->sentence,
                 first, got.end, c->span, want_first, want_end);
    assert_int_equal(got.relative, c->relative);
    assert_int_equal(got.type, c->type);
    if (doc_date == NULL && c->relative) {
        assert_false(got.resolved);
        assert_string_equal(got.value, "");
    } else {
        if (!got.resolved)
            fail_msg("'%s' not resolved", c->sentence);
        if (strcmp(got.value, c->value) != 0)
            fail_msg("'%s' (date %s): '%s', want '%s'", c->sentence,
                     doc_date ? doc_date : "none", got.value, c->value);
        check_literal(&got);
    }
    sent_clear(&s);
}

/* Each case with its date, then without one. */
static void run_cases(const tcase *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        run_case(&cases[k], cases[k].doc_date);
        run_case(&cases[k], NULL);
    }
}

/* Sentences in which nothing is a time expression. */
static void run_negatives(const char *const *sentences, size_t n,
                          const char *doc_date)
{
    for (size_t k = 0; k < n; k++) {
        sent s;
        sent_tokenise(&s, sentences[k]);
        size_t first = 0;
        fg_timex got;
        size_t found = scan(&s, doc_date, &first, &got);
        if (found != 0)
            fail_msg("'%s': an expression at token %zu ('%s')", sentences[k],
                     first, s.v.items[first].norm);
        sent_clear(&s);
    }
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static void test_absolute(void **state)
{
    (void)state;
    static const tcase CASES[] = {
        {"2026-03-04", "Die Konferenz beginnt am 28. November 2026 in Rom.",
         "28. November 2026", 0, DATE, "2026-11-28"},
        {"2026-03-04", "Der Vertrag wurde am 28.11.2025 unterzeichnet.",
         "28.11.2025", 0, DATE, "2025-11-28"},
        {"2026-03-04", "Die Lage am 3.3.2025 war ernst.", "3.3.2025", 0,
         DATE, "2025-03-03"},
        {"2026-03-04", "Laut Protokoll vom 2026-02-14 lag der Antrag vor.",
         "2026-02-14", 0, DATE, "2026-02-14"},
        {"2026-03-04", "Im November 2026 soll die Brigade einsatzbereit sein.",
         "November 2026", 0, MONTH, "2026-11"},
        {"2026-03-04", "Seit März 2025 verhandeln die Delegationen.",
         "März 2025", 0, MONTH, "2025-03"},
        {"2026-03-04", "Die Zahl der Anträge stieg 2024 deutlich.", "2024", 0,
         YEAR, "2024"},
        {"2026-03-04", "Seit 2022 liefert Deutschland Waffen.", "2022", 0,
         YEAR, "2022"},
        {"2026-03-04", "Im Jahr 2024 kamen mehr Flüchtlinge.", "Jahr 2024", 0,
         YEAR, "2024"},
        {"2026-03-04", "Die Pläne des Jahres 1990 sind vergessen.",
         "des Jahres 1990", 0, YEAR, "1990"},
        {"2026-03-04", "Bis Ende 2025 sollen alle Panzer geliefert sein.",
         "Ende 2025", 0, YEAR, "2025"},
        {"2026-03-04", "Anfang 2025 begann die Ausbildung.", "Anfang 2025", 0,
         YEAR, "2025"},
        {"2026-03-04", "Mitte 2025 wurde der Stützpunkt eröffnet.",
         "Mitte 2025", 0, YEAR, "2025"},
        {"2026-03-04", "Anfang März 2025 trafen die ersten Soldaten ein.",
         "Anfang März 2025", 0, MONTH, "2025-03"},
        {"2026-03-04", "Im Sommer 2025 fand das Manöver statt.",
         "Sommer 2025", 0, YEAR, "2025"},
        {"2026-03-04", "Im Herbst des Jahres 2022 begann die Offensive.",
         "Herbst des Jahres 2022", 0, YEAR, "2022"},
        {"2026-03-04", "Der Winter 2025/26 war für die Truppe hart.",
         "Winter 2025/26", 0, YEAR, "2025"},
        {"2026-03-04", "Das Abkommen vom 3. Jänner 2025 gilt weiter.",
         "3. Jänner 2025", 0, DATE, "2025-01-03"},
        {"2026-03-04", "Die Lieferung ist für Sept. 2026 geplant.",
         "Sept. 2026", 0, MONTH, "2026-09"},
        {"2026-03-04", "Am 3. Okt. 2025 tagte der Ausschuss.", "3. Okt. 2025",
         0, DATE, "2025-10-03"},
        {"2026-03-04", "Am 29. Februar 2024 tagte der Rat.",
         "29. Februar 2024", 0, DATE, "2024-02-29"},
        {"2026-03-04", "Der Gipfel fand am 24. und 25. Mai 2025 statt.",
         "24. und 25. Mai 2025", 0, MONTH, "2025-05"},
        {"2026-03-04", "Die Übung lief vom 3. bis 7. März 2025.",
         "3. bis 7. März 2025", 0, MONTH, "2025-03"},
        {"2026-03-04", "Die Mission endete am Montag, 3. März 2025, in Kabul.",
         "Montag, 3. März 2025", 0, DATE, "2025-03-03"},
        {"2026-03-04", "Die Sitzung ist für Fr., 6. März 2026 angesetzt.",
         "Fr., 6. März 2026", 0, DATE, "2026-03-06"},
        {"2026-03-04", "Bis Jahresende 2026 sollen die Systeme stehen.",
         "Jahresende 2026", 0, YEAR, "2026"},
        {"2026-03-04", "Die Akten vom Mai 1945 wurden geöffnet.", "Mai 1945",
         0, MONTH, "1945-05"},
        {"2026-03-04", "Der Etat 2025/26 wurde gekürzt.", "2025", 0, YEAR,
         "2025"},
    };
    run_cases(CASES, N_OF(CASES));
}

static void test_relative(void **state)
{
    (void)state;
    /* 2026-03-04 is a Wednesday. */
    static const tcase CASES[] = {
        {"2026-03-04", "Der Minister reiste heute nach Kiew.", "heute", 1,
         DATE, "2026-03-04"},
        {"2026-03-04", "Die Ministerin sprach gestern Abend in Berlin.",
         "gestern Abend", 1, DATE, "2026-03-03"},
        {"2026-03-04", "Das Treffen findet morgen statt.", "morgen", 1, DATE,
         "2026-03-05"},
        {"2026-03-04", "Morgen reist die Delegation nach Warschau.", "Morgen",
         1, DATE, "2026-03-05"},
        {"2026-03-04", "Der Kanzler hatte am Montag mit Macron telefoniert.",
         "Montag", 1, DATE, "2026-03-02"},
        {"2026-03-04", "Am Mittwoch tagte der Sicherheitsrat.", "Mittwoch", 1,
         DATE, "2026-03-04"},
        {"2026-03-04", "Am Donnerstag tagte der Sicherheitsrat.", "Donnerstag",
         1, DATE, "2026-02-26"},
        {"2026-03-04", "Seit Dienstagabend gilt die Waffenruhe.",
         "Dienstagabend", 1, DATE, "2026-03-03"},
        {"2026-03-04", "Am kommenden Montag beginnt das Manöver.",
         "kommenden Montag", 1, DATE, "2026-03-09"},
        {"2026-03-04", "Am vergangenen Mittwoch wurde der Vertrag signiert.",
         "vergangenen Mittwoch", 1, DATE, "2026-02-25"},
        {"2026-03-04", "Die Gespräche vom Montag vergangener Woche blieben "
                       "ohne Ergebnis.",
         "Montag vergangener Woche", 1, DATE, "2026-02-23"},
        {"2026-03-04", "Das Parlament stimmte in der vergangenen Woche zu.",
         "der vergangenen Woche", 1, MONTH, "2026-02"},
        {"2026-03-04", "In diesem Monat beginnt die Ausbildung.",
         "diesem Monat", 1, MONTH, "2026-03"},
        {"2026-03-04", "Die Zahl der Angriffe stieg im vergangenen Jahr.",
         "vergangenen Jahr", 1, YEAR, "2025"},
        {"2026-03-04", "Das Budget des kommenden Jahres wird beraten.",
         "des kommenden Jahres", 1, YEAR, "2027"},
        {"2026-03-04", "Dieses Jahr bleibt die Lage angespannt.",
         "Dieses Jahr", 1, YEAR, "2026"},
        {"2026-03-04", "Anfang Juni soll die Brigade verlegt werden.",
         "Anfang Juni", 1, MONTH, "2026-06"},
        {"2026-03-04", "Die Reform soll bis Ende des Jahres stehen.",
         "Ende des Jahres", 1, YEAR, "2026"},
        {"2026-03-04", "Die Entscheidung fällt Mitte des Monats.",
         "Mitte des Monats", 1, MONTH, "2026-03"},
        {"2026-03-04", "Zum Jahresende läuft das Mandat aus.", "Jahresende", 1,
         YEAR, "2026"},
        {"2026-03-04", "Im März verlegte die Marine zwei Fregatten.", "März", 1,
         MONTH, "2026-03"},
        {"2026-03-04", "Die Anhörung ist für den 28. November angesetzt.",
         "28. November", 1, DATE, "2026-11-28"},
        {"2026-03-04", "Im Januar nächsten Jahres beginnt der Einsatz.",
         "Januar nächsten Jahres", 1, MONTH, "2027-01"},
        {"2026-03-04", "Vor drei Tagen wurde der Stützpunkt angegriffen.",
         "Vor drei Tagen", 1, DATE, "2026-03-01"},
        {"2026-03-04", "Die Produktion lag über dem Niveau des Vorjahres.",
         "des Vorjahres", 1, YEAR, "2025"},
        {"2026-03-04", "Am heutigen Mittwoch berät das Kabinett.",
         "heutigen Mittwoch", 1, DATE, "2026-03-04"},
        {"2026-03-04", "Der Angriff vom 28.02. traf ein Depot.", "28.02.", 1,
         DATE, "2026-02-28"},
        {"2026-03-04", "Im Sommer soll die Truppe verlegt werden.", "Sommer",
         1, YEAR, "2026"},
        {"2026-03-04", "Vor zwei Jahren begann die Mission.", "Vor zwei Jahren",
         1, YEAR, "2024"},
        {"2026-03-04", "Vor einer Woche fiel die Stadt.", "Vor einer Woche", 1,
         MONTH, "2026-02"},
        {"2026-03-04", "„Morgen beginnt die Konferenz“, sagte sie.", "Morgen",
         1, DATE, "2026-03-05"},
        {"2026-03-04", "Die Waffen sollen Ende der kommenden Woche eintreffen.",
         "Ende der kommenden Woche", 1, MONTH, "2026-03"},
        {"2026-03-04", "Am Freitag der kommenden Woche wird abgestimmt.",
         "Freitag der kommenden Woche", 1, DATE, "2026-03-13"},
        {"2026-03-04", "Diesen Freitag wird abgestimmt.", "Diesen Freitag", 1,
         DATE, "2026-03-06"},
        {"2026-03-04", "Im Frühjahr vergangenen Jahres begann die Offensive.",
         "Frühjahr vergangenen Jahres", 1, YEAR, "2025"},
        {"2026-03-04", "Der Umsatz lag im Vorjahr höher.", "Vorjahr", 1, YEAR,
         "2025"},
        /* Articles agree with the noun; a relative pronoun does not. */
        {"2026-03-04", "Die kommende Woche wird entscheidend.",
         "Die kommende Woche", 1, MONTH, "2026-03"},
        {"2026-03-04", "Er ist es, der dieses Jahr kandidiert.",
         "dieses Jahr", 1, YEAR, "2026"},
        {"2026-03-04", "Das ist der Mann, der vergangenen Montag sprach.",
         "vergangenen Montag", 1, DATE, "2026-03-02"},
        {"2026-03-04", "Er kam den kommenden Freitag nicht.",
         "den kommenden Freitag", 1, DATE, "2026-03-06"},
        /* A month in a direction: the last one before the document's
         * month, or the next one after it. */
        {"2026-03-04", "Im vergangenen Mai brannte das Depot.",
         "vergangenen Mai", 1, MONTH, "2025-05"},
        {"2026-03-04", "Im kommenden März wird gewählt.", "kommenden März", 1,
         MONTH, "2027-03"},
        {"2026-03-04", "Heuer steigen die Ausgaben.", "Heuer", 1, YEAR,
         "2026"},
        {"2026-03-04", "Er tritt im Dezember heurigen Jahres ab.",
         "Dezember heurigen Jahres", 1, MONTH, "2026-12"},
        /* 2026-01-01, a Thursday: back across the year. */
        {"2026-01-01", "Gestern wurde die Waffenruhe verkündet.", "Gestern", 1,
         DATE, "2025-12-31"},
        {"2026-01-01", "Vorgestern explodierte ein Munitionslager.",
         "Vorgestern", 1, DATE, "2025-12-30"},
        {"2026-01-01", "Vergangenen Monat wurden 40 Drohnen abgeschossen.",
         "Vergangenen Monat", 1, MONTH, "2025-12"},
        {"2026-01-01", "Vergangene Woche wurden 40 Drohnen abgeschossen.",
         "Vergangene Woche", 1, MONTH, "2025-12"},
        /* The week from 2025-12-29 has its Thursday in January. */
        {"2026-01-01", "In dieser Woche tagt der Rat erneut.", "dieser Woche",
         1, MONTH, "2026-01"},
        {"2026-01-01", "Am Freitag beginnt die Konferenz.", "Freitag", 1, DATE,
         "2025-12-26"},
        {"2026-01-01", "Nächstes Jahr soll die Truppe wachsen.",
         "Nächstes Jahr", 1, YEAR, "2027"},
        {"2026-01-10", "Ende vergangenen Jahres stockten die Lieferungen.",
         "Ende vergangenen Jahres", 1, YEAR, "2025"},
        {"2026-01-20", "Die Zahl sank deutlich gegenüber dem Vormonat.",
         "dem Vormonat", 1, MONTH, "2025-12"},
        /* Leap days, and forward across a month. */
        {"2024-02-28", "Morgen endet die Frist.", "Morgen", 1, DATE,
         "2024-02-29"},
        {"2024-02-28", "Übermorgen endet die Frist.", "Übermorgen", 1, DATE,
         "2024-03-01"},
        {"2025-12-15", "Nächsten Monat beginnt die Mission.", "Nächsten Monat",
         1, MONTH, "2026-01"},
        /* 2025-12-31 is a Wednesday, 2026-01-04 a Sunday. */
        {"2025-12-31", "Am nächsten Sonntag wird gewählt.", "nächsten Sonntag",
         1, DATE, "2026-01-04"},
        {"2026-01-04", "Letzten Sonntag wurde gewählt.", "Letzten Sonntag", 1,
         DATE, "2025-12-28"},
        {"2026-01-04", "Am Sonntag wurde gewählt.", "Sonntag", 1, DATE,
         "2026-01-04"},
        /* 2026-03-02 is a Monday: the weekend before is in February. */
        {"2026-03-02", "Seit dem vergangenen Wochenende gilt die Waffenruhe.",
         "dem vergangenen Wochenende", 1, MONTH, "2026-02"},
    };
    run_cases(CASES, N_OF(CASES));
}

static void test_negatives(void **state)
{
    (void)state;
    static const char *const SENTENCES[] = {
        "Rund 2000 Soldaten sind in Litauen stationiert.",
        "Die Partei verlor 1998 Stimmen.",
        "Insgesamt wurden 2000 km Grenze gesichert.",
        "Am Morgen griffen Drohnen das Kraftwerk an.",
        "Jeden Morgen patrouillieren Soldaten an der Grenze.",
        "Das Ende der Gespräche ist offen.",
        "Die Armee zählt 73.000 Soldaten und 200 Panzer.",
        "August Bebel gründete die Partei.",
        "Der Vertrag vom 31.02.2026 ist ungültig.",
        "Der Bericht vom 28.11.26 liegt vor.",
        "Der Rat tagt montags in Brüssel.",
        "Die Sonntagsfrage sieht die Union vorn.",
        "Die letzten Wochen waren schwer.",
        "In den nächsten Jahren wächst die Truppe.",
        "Die Rede von Fr. Müller war kurz.",
        "Die Zahl stieg auf 3000 an.",
        "Die Richtlinie 2012/34/EU gilt weiter.",
        "Die Anleihe 6/2015 zahlt jährlich.",
    };
    run_negatives(SENTENCES, N_OF(SENTENCES), "2026-03-04");
    run_negatives(SENTENCES, N_OF(SENTENCES), NULL);
}

/* The token index whose text is word (the first such), or fails. */
static size_t token_of(const sent *s, const char *word)
{
    const char *at = strstr(s->text.data, word);
    assert_non_null(at);
    return token_starting(s, (size_t)(at - s->text.data));
}

/* A day that does not exist is not a date, though its month may be. */
static void test_invalid_days(void **state)
{
    (void)state;
    sent s;
    fg_timex t;
    sent_tokenise(&s, "Am 29. Februar 2025 tagte der Rat.");
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, token_of(&s, "29."),
                                 s.text.data, "2026-03-04", &t),
                     0);
    sent_clear(&s);
    /* Without a year the document's decides. */
    sent_tokenise(&s, "Am 29. Februar tagte der Rat.");
    size_t k = token_of(&s, "29.");
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, k, s.text.data,
                                 "2025-06-01", &t),
                     0);
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, k, s.text.data,
                                 "2024-06-01", &t),
                     1);
    assert_string_equal(t.value, "2024-02-29");
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, k, s.text.data, NULL, &t),
                     1);
    assert_false(t.resolved);
    sent_clear(&s);
}

/* A document date that is not a date is no date; a value past year 9999
 * is no expression. */
static void test_bad_doc_dates(void **state)
{
    (void)state;
    static const char *const BAD[] = {"2026-02-30", "heute", "2026-3-4",
                                      "20260304", ""};
    sent s;
    fg_timex t;
    sent_tokenise(&s, "Der Minister reiste gestern nach Kiew.");
    size_t k = token_of(&s, "gestern");
    for (size_t j = 0; j < N_OF(BAD); j++) {
        assert_int_equal(
            fg_timex_at(s.v.items, s.v.n, k, s.text.data, BAD[j], &t), 1);
        assert_true(t.relative);
        assert_false(t.resolved);
    }
    assert_int_equal(
        fg_timex_at(s.v.items, s.v.n, k, s.text.data, "0001-01-01", &t), 0);
    sent_clear(&s);
    sent_tokenise(&s, "Das Treffen findet morgen statt.");
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, token_of(&s, "morgen"),
                                 s.text.data, "9999-12-31", &t),
                     0);
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, token_of(&s, "morgen"),
                                 s.text.data, "9999-12-30", &t),
                     1);
    assert_string_equal(t.value, "9999-12-31");
    /* Out of range: past the end, and no tokens. */
    assert_int_equal(fg_timex_at(s.v.items, s.v.n, s.v.n, s.text.data,
                                 "2026-03-04", &t),
                     0);
    assert_int_equal(fg_timex_at(NULL, 0, 0, s.text.data, "2026-03-04", &t),
                     0);
    sent_clear(&s);
}

/* Several expressions in one sentence, each found where it starts. */
static void test_several(void **state)
{
    (void)state;
    static const struct {
        const char *sentence;
        const char *span[3];
        const char *value[3];
    } CASES[] = {
        {"Am Montag kündigte sie für den 28. November einen Gipfel an, "
         "anders als Ende vergangenen Jahres.",
         {"Montag", "28. November", "Ende vergangenen Jahres"},
         {"2026-03-02", "2026-11-28", "2025"}},
        {"Zwischen Januar und März 2025 stieg die Zahl seit 2024 stark.",
         {"Januar", "März 2025", "2024"},
         {"2026-01", "2025-03", "2024"}},
        {"In der Saison 2003/2004 und ab 2010 stieg die Zahl.",
         {"2003", "2004", "2010"},
         {"2003", "2004", "2010"}},
    };
    for (size_t c = 0; c < N_OF(CASES); c++) {
        sent s;
        sent_tokenise(&s, CASES[c].sentence);
        size_t i = 0, found = 0;
        while (i < s.v.n) {
            fg_timex t;
            if (!fg_timex_at(s.v.items, s.v.n, i, s.text.data, "2026-03-04",
                             &t)) {
                i++;
                continue;
            }
            assert_true(found < 3);
            const char *span = CASES[c].span[found];
            const char *at = strstr(s.text.data, span);
            assert_non_null(at);
            size_t offset = (size_t)(at - s.text.data);
            assert_int_equal(i, token_starting(&s, offset));
            assert_int_equal(t.end, token_ending(&s, offset + strlen(span)));
            assert_string_equal(t.value, CASES[c].value[found]);
            found++;
            i = t.end;
        }
        assert_int_equal(found, 3);
        sent_clear(&s);
    }
}

int main(void)
{
    if (load_tokeniser(&tk) < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absolute),    cmocka_unit_test(test_relative),
        cmocka_unit_test(test_negatives),   cmocka_unit_test(test_invalid_days),
        cmocka_unit_test(test_bad_doc_dates), cmocka_unit_test(test_several),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fg_tokeniser_free(tk);
    return rc;
}
