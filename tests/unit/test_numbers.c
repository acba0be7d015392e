/* Unit tests of numbers: number expressions in German news sentences,
 * tokenised by the project tokeniser, with their values, types,
 * qualifiers and token spans; what is no number (articles, dates, times,
 * ordinals, plurals such as "Hunderte", phone numbers); overflow; and
 * that every value is a canonical literal for fg_literal_make. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "arena.h"
#include "facts.h"
#include "numbers.h"
#include "text.h"
#include "tokenise.h"

static fg_tokeniser *tk;

/* A tokenised document. */
typedef struct doc {
    fg_arena arena;
    fg_token_vec v;
    fg_norm_scratch norm;
    fg_text text;
    fg_diag_list *diags;
} doc;

static void doc_init(doc *d, const char *s)
{
    memset(d, 0, sizeof *d);
    fg_arena_init(&d->arena, 4096);
    assert_int_equal(fg_diag_list_new(&d->diags), 0);
    assert_int_equal(fg_text_repair(&d->text, s, strlen(s), &d->arena), 0);
    fg_doc_origin origin = {"test", 0};
    size_t n_sentences;
    assert_int_equal(fg_tokenise(tk, &d->text, &d->v, &d->norm, &d->arena,
                                 &origin, d->diags, &n_sentences),
                     0);
}

static void doc_clear(doc *d)
{
    fg_arena_clear(&d->arena);
    fg_token_vec_clear(&d->v);
    fg_norm_scratch_clear(&d->norm);
    fg_diag_list_free(d->diags);
}

/* The index of the token that starts where the first occurrence of at
 * does in the text. */
static size_t token_at(const doc *d, const char *at)
{
    const char *p = strstr(d->text.data, at);
    if (p == NULL)
        fail_msg("'%s' not in '%s'", at, d->text.data);
    size_t off = (size_t)(p - d->text.data);
    for (size_t i = 0; i < d->v.n; i++)
        if (d->v.items[i].start == off)
            return i;
    fail_msg("no token starts at '%s' in '%s'", at, d->text.data);
    return 0;
}

/* The tokens of the sentence of token i, as fg_number_at wants them:
 * *first is the index of the sentence's first token in the document. */
static const fg_token *sentence_of(const doc *d, size_t i, size_t *first,
                                   size_t *n)
{
    uint32_t s = d->v.items[i].sentence;
    size_t a = i, b = i + 1;
    while (a > 0 && d->v.items[a - 1].sentence == s)
        a--;
    while (b < d->v.n && d->v.items[b].sentence == s)
        b++;
    *first = a;
    *n = b - a;
    return d->v.items + a;
}

/* fg_number_at at the token where at starts. */
static int number_at(const doc *d, const char *at, fg_number *out,
                     size_t *first)
{
    size_t i = token_at(d, at), n;
    const fg_token *tok = sentence_of(d, i, first, &n);
    return fg_number_at(tok, n, i - *first, d->text.data, out);
}

/* The text of tokens [a, b) of the document. */
static void span_text(const doc *d, size_t a, size_t b, char *out,
                      size_t size)
{
    assert_true(a < b && b <= d->v.n);
    size_t s = d->v.items[a].start, e = d->v.items[b - 1].end;
    assert_true(e - s < size);
    memcpy(out, d->text.data + s, e - s);
    out[e - s] = '\0';
}

/* Checks that value is what fg_literal_make makes of it: canonical. */
static void check_canonical(fg_literal_type type, const char *value)
{
    fg_arena arena;
    fg_graph g;
    fg_arena_init(&arena, 1024);
    fg_graph_init(&g, &arena);
    fg_literal lit;
    int rc = fg_literal_make(&g, type, value, &lit);
    int same = rc == 0 && lit.type == type && strcmp(lit.value, value) == 0;
    char made[64];
    snprintf(made, sizeof made, "%s", rc == 0 ? lit.value : "(refused)");
    fg_graph_clear(&g);
    fg_arena_clear(&arena);
    if (!same)
        fail_msg("'%s' is not canonical: fg_literal_make gives '%s'", value,
                 made);
}

typedef struct ncase {
    const char *sentence;
    const char *expr;  /* the whole expression, qualifier included */
    const char *num;   /* its number part, from value_first */
    const char *value; /* canonical */
    fg_literal_type type;
    fg_qualifier qualifier;
} ncase;

#define I FG_LITERAL_INTEGER
#define D FG_LITERAL_DECIMAL
#define NONE FG_QUALIFIER_NONE
#define ABOUT FG_QUALIFIER_ABOUT
#define OVER FG_QUALIFIER_OVER
#define UNDER FG_QUALIFIER_UNDER
#define AT_LEAST FG_QUALIFIER_AT_LEAST
#define AT_MOST FG_QUALIFIER_AT_MOST
#define EXACTLY FG_QUALIFIER_EXACTLY

static void check_case(const ncase *c)
{
    doc d;
    doc_init(&d, c->sentence);
    fg_number num;
    size_t first;
    memset(&num, 0x55, sizeof num);
    if (!number_at(&d, c->expr, &num, &first))
        fail_msg("no number at '%s' in '%s'", c->expr, c->sentence);
    char expr[256], value_text[256];
    size_t i = token_at(&d, c->expr);
    span_text(&d, i, first + num.end, expr, sizeof expr);
    span_text(&d, first + num.value_first, first + num.end, value_text,
              sizeof value_text);
    if (strcmp(expr, c->expr) != 0 || strcmp(value_text, c->num) != 0)
        fail_msg("'%s': expression '%s' (number '%s'), want '%s' ('%s')",
                 c->sentence, expr, value_text, c->expr, c->num);
    if (strcmp(num.value, c->value) != 0 || num.type != c->type ||
        num.qualifier != c->qualifier)
        fail_msg("'%s': value %s type %d qualifier %d, want %s %d %d",
                 c->sentence, num.value, num.type, num.qualifier, c->value,
                 c->type, c->qualifier);
    check_canonical(num.type, num.value);
    doc_clear(&d);
}

static void check_cases(const ncase *cases, size_t n)
{
    for (size_t k = 0; k < n; k++)
        check_case(&cases[k]);
}

/* Numbers in digits, with German separators. */
static void test_digits(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Die Bundeswehr schickt 350 Soldaten nach Litauen.", "350", "350",
         "350", I, NONE},
        {"Das Heer hat derzeit 62.000 Soldatinnen und Soldaten.", "62.000",
         "62.000", "62000", I, NONE},
        {"Insgesamt wurden 1.000.000 Schuss Munition bestellt.", "1.000.000",
         "1.000.000", "1000000", I, NONE},
        {"Der Wehretat steigt um 1,5 Prozent.", "1,5", "1,5", "1.5", D, NONE},
        {"Jede Granate kostet 2.500,75 Euro.", "2.500,75", "2.500,75",
         "2500.75", D, NONE},
        {"Die Quote lag bei 0,25 Prozent.", "0,25", "0,25", "0.25", D, NONE},
        {"Die Inflation lag bei 3,50 Prozent.", "3,50", "3,50", "3.5", D,
         NONE},
        {"Der Wert blieb bei 2,0 Punkten.", "2,0", "2,0", "2.0", D, NONE},
        {"Die Truppe verlegte 73000 Tonnen Material.", "73000", "73000",
         "73000", I, NONE},
        {"Es kamen 0 Besucher.", "0", "0", "0", I, NONE},
        {"Die Zahl stieg auf 200. Weitere folgen.", "200", "200", "200", I,
         NONE},
        {"Rund 40 % der Befragten sind dagegen.", "Rund 40", "40", "40", I,
         ABOUT},
        {"Im Jahr 2024 200 Soldaten mehr: das ist das Ziel.", "200", "200",
         "200", I, NONE},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

/* Number words, alone and written as one compound. */
static void test_words(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Zwei Fregatten laufen heute aus.", "Zwei", "Zwei", "2", I, NONE},
        {"Die Gespräche dauerten zwölf Stunden.", "zwölf", "zwölf", "12", I,
         NONE},
        {"Dreißig Staaten nahmen an der Konferenz teil.", "Dreißig",
         "Dreißig", "30", I, NONE},
        {"Rund dreissig Staaten nahmen teil.", "Rund dreissig", "dreissig",
         "30", I, ABOUT},
        {"Die Allianz zählt dreiundzwanzig Mitglieder.", "dreiundzwanzig",
         "dreiundzwanzig", "23", I, NONE},
        {"Es wurden zweihundertfünfzig Fahrzeuge geliefert.",
         "zweihundertfünfzig", "zweihundertfünfzig", "250", I, NONE},
        {"Zweitausend Reservisten wurden einberufen.", "Zweitausend",
         "Zweitausend", "2000", I, NONE},
        {"Die Übung umfasst einhundert Flugzeuge.", "einhundert",
         "einhundert", "100", I, NONE},
        {"Mehr als tausend Menschen demonstrierten.", "Mehr als tausend",
         "tausend", "1000", I, OVER},
        {"Es geht um hunderteins Kilometer Grenze.", "hunderteins",
         "hunderteins", "101", I, NONE},
        {"Sie fanden einundvierzig Minen.", "einundvierzig", "einundvierzig",
         "41", I, NONE},
        {"Das kostete zweiundzwanzigtausendfünfhundert Euro.",
         "zweiundzwanzigtausendfünfhundert",
         "zweiundzwanzigtausendfünfhundert", "22500", I, NONE},
        {"Der Einsatz dauert zweieinhalb Jahre.", "zweieinhalb",
         "zweieinhalb", "2.5", D, NONE},
        {"Nach anderthalb Stunden endete das Treffen.", "anderthalb",
         "anderthalb", "1.5", D, NONE},
        {"SIEBZEHN Soldaten wurden verletzt.", "SIEBZEHN", "SIEBZEHN", "17",
         I, NONE},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

/* Multipliers after digits, words and articles. */
static void test_multipliers(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Das Paket umfasst 1,5 Milliarden Euro.", "1,5 Milliarden",
         "1,5 Milliarden", "1500000000", I, NONE},
        {"Die Stadt hat 1,5 Millionen Einwohner.", "1,5 Millionen",
         "1,5 Millionen", "1500000", I, NONE},
        {"Berlin stellt drei Milliarden Euro bereit.", "drei Milliarden",
         "drei Milliarden", "3000000000", I, NONE},
        {"Die Ukraine erhält zwei Dutzend Panzer.", "zwei Dutzend",
         "zwei Dutzend", "24", I, NONE},
        {"Es fehlen 2,5 Mio. Schuss Artilleriemunition.", "2,5 Mio.",
         "2,5 Mio.", "2500000", I, NONE},
        {"Die Regierung gibt dafür 2,5 Mio.", "2,5 Mio.", "2,5 Mio.",
         "2500000", I, NONE},
        {"Der Fonds hat 100 Mrd. Euro.", "100 Mrd.", "100 Mrd.",
         "100000000000", I, NONE},
        {"Eine Million Menschen sind auf der Flucht.", "Eine Million",
         "Eine Million", "1000000", I, NONE},
        {"Ein Dutzend Drohnen griff an.", "Ein Dutzend", "Ein Dutzend", "12",
         I, NONE},
        {"Das Ministerium rechnet mit einer Milliarde Euro.",
         "einer Milliarde", "einer Milliarde", "1000000000", I, NONE},
        {"Sie spendeten eine halbe Million Euro.", "eine halbe Million",
         "eine halbe Million", "500000", I, NONE},
        {"Die Schulden liegen bei 2,35 Billionen Euro.", "2,35 Billionen",
         "2,35 Billionen", "2350000000000", I, NONE},
        {"Der Bund zahlt 1,2345 Tausend Euro pro Kopf.", "1,2345 Tausend",
         "1,2345 Tausend", "1234.5", D, NONE},
        {"Es waren 0,5 Dutzend Boote.", "0,5 Dutzend", "0,5 Dutzend", "6", I,
         NONE},
        {"Die Kosten liegen bei zweieinhalb Milliarden.",
         "zweieinhalb Milliarden", "zweieinhalb Milliarden", "2500000000", I,
         NONE},
        {"Man schätzt ein Dutzend Millionen Tonnen.", "ein Dutzend Millionen",
         "ein Dutzend Millionen", "12000000", I, NONE},
        {"Das Land nahm 2,0 Millionen Geflüchtete auf.", "2,0 Millionen",
         "2,0 Millionen", "2000000", I, NONE},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

/* Qualifiers: part of the expression, value_first after them. */
static void test_qualifiers(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Die Bundeswehr schickt rund 350 Soldaten nach Litauen.", "rund 350",
         "350", "350", I, ABOUT},
        {"Etwa 1.200 Menschen wurden evakuiert.", "Etwa 1.200", "1.200",
         "1200", I, ABOUT},
        {"Es kamen ca. 40 Delegationen.", "ca. 40", "40", "40", I, ABOUT},
        {"Dort leben circa 12.000 Menschen.", "circa 12.000", "12.000",
         "12000", I, ABOUT},
        {"Ungefähr zwanzig Schiffe liegen im Hafen.", "Ungefähr zwanzig",
         "zwanzig", "20", I, ABOUT},
        {"Annähernd 90 Prozent stimmten zu.", "Annähernd 90", "90", "90", I,
         ABOUT},
        {"Über 500 Panzer wurden zerstört.", "Über 500", "500", "500", I,
         OVER},
        {"Mehr als 3.000 Soldaten nehmen teil.", "Mehr als 3.000", "3.000",
         "3000", I, OVER},
        {"Die Mission kostet gut 1,5 Milliarden Euro.",
         "gut 1,5 Milliarden", "1,5 Milliarden", "1500000000", I, OVER},
        {"Knapp 60 Staaten unterzeichneten.", "Knapp 60", "60", "60", I,
         UNDER},
        {"Fast zwei Millionen Menschen flohen.", "Fast zwei Millionen",
         "zwei Millionen", "2000000", I, UNDER},
        {"Beinahe 800 Fahrzeuge wurden geliefert.", "Beinahe 800", "800",
         "800", I, UNDER},
        {"Weniger als 100 Beobachter sind vor Ort.", "Weniger als 100", "100",
         "100", I, UNDER},
        {"Bis zu 5.000 Soldaten sollen verlegt werden.", "Bis zu 5.000",
         "5.000", "5000", I, AT_MOST},
        {"Mindestens 14 Menschen starben.", "Mindestens 14", "14", "14", I,
         AT_LEAST},
        {"Wenigstens ein Dutzend Häuser brannte.", "Wenigstens ein Dutzend",
         "ein Dutzend", "12", I, AT_LEAST},
        {"Genau 27 Staaten stimmten zu.", "Genau 27", "27", "27", I,
         EXACTLY},
        {"Das waren exakt 1.234 Anträge.", "exakt 1.234", "1.234", "1234", I,
         EXACTLY},
        {"Über eine Million Menschen sind betroffen.", "Über eine Million",
         "eine Million", "1000000", I, OVER},
        {"Nicht mehr als 50 Beobachter dürfen einreisen.",
         "Nicht mehr als 50", "50", "50", I, AT_MOST},
        {"Der Schaden liegt bei nicht weniger als drei Milliarden Euro.",
         "nicht weniger als drei Milliarden", "drei Milliarden",
         "3000000000", I, AT_LEAST},
        {"Es waren rd. 700 Fahrzeuge.", "rd. 700", "700", "700", I, ABOUT},
    };
    check_cases(cases, sizeof cases / sizeof *cases);

    /* At the number itself, the qualifier before it is not read. */
    doc d;
    doc_init(&d, "Die Bundeswehr schickt rund 350 Soldaten nach Litauen.");
    fg_number num;
    size_t first, i = token_at(&d, "350");
    assert_true(number_at(&d, "350", &num, &first));
    assert_int_equal(num.qualifier, NONE);
    assert_int_equal(first + num.value_first, i);
    assert_int_equal(first + num.end, i + 1);
    assert_string_equal(num.value, "350");
    doc_clear(&d);
}

/* Percentages: the number is read, the sign or word is not part of it. */
static void test_percent(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Die Zustimmung liegt bei 42 %.", "42", "42", "42", I, NONE},
        {"Die Zustimmung liegt bei 42%.", "42", "42", "42", I, NONE},
        {"Der Etat wächst um 3,5 Prozent.", "3,5", "3,5", "3.5", D, NONE},
        {"Rund 70 Prozent sind dafür.", "Rund 70", "70", "70", I, ABOUT},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

typedef struct negcase {
    const char *sentence;
    const char *at;
} negcase;

/* What is no number expression at that token. */
static void test_not_numbers(void **state)
{
    (void)state;
    static const negcase cases[] = {
        {"Ein Soldat wurde verletzt.", "Ein"},
        {"Eine Delegation reiste nach Kiew.", "Eine"},
        {"Sie trafen einen Minister.", "einen"},
        {"Er sprach mit einer Sprecherin.", "einer"},
        {"Eins ist klar: Die Lage bleibt ernst.", "Eins"},
        {"Die Minister berieten über die Lage.", "über"},
        {"Rund um die Kaserne wurde gesperrt.", "Rund"},
        {"Mehr als das konnte er nicht sagen.", "Mehr"},
        {"Das war nicht mehr als ein Versuch.", "nicht"},
        {"Mehr 200 Soldaten kamen.", "Mehr"},
        {"Bis zu diesem Zeitpunkt blieb es ruhig.", "Bis"},
        {"Hunderte Menschen protestierten.", "Hunderte"},
        {"Tausende Soldaten sind im Einsatz.", "Tausende"},
        {"Zehntausende flohen aus der Stadt.", "Zehntausende"},
        {"Dutzende Drohnen wurden abgefangen.", "Dutzende"},
        {"Über Hunderte Kilometer zog sich die Front.", "Über"},
        {"Millionen Menschen sahen zu.", "Millionen"},
        {"Am 3. Oktober wird gefeiert.", "3."},
        {"Der 2. Weltkrieg endete 1945.", "2."},
        {"Das Treffen findet am 28.11.2026 statt.", "28.11.2026"},
        {"Die Sitzung beginnt um 14:30 Uhr.", "14:30"},
        {"Die Sitzung beginnt um 20.15 Uhr.", "20.15"},
        {"Die Sitzung beginnt um 9 Uhr.", "9"},
        {"Die Sitzung beginnt gegen etwa 9 Uhr.", "etwa"},
        {"Das Spiel endete 2:1.", "2:1"},
        {"Der Wert 1.00 ist falsch gruppiert.", "1.00"},
        {"Die Zahl 12.34.567 ist keine.", "12.34.567"},
        {"Er nannte 1234.567 als Wert.", "1234.567"},
        {"Erreichbar unter 0049 30 1234567 ab Montag.", "0049"},
        {"Erreichbar unter 0049 30 1234567 ab Montag.", "30"},
        {"Erreichbar unter 0049 30 1234567 ab Montag.", "1234567"},
        {"Erreichbar unter +49 30 1234567 ab Montag.", "49"},
        {"Erreichbar unter +49 30 1234567 ab Montag.", "30"},
        {"Die Vorwahl 030 gilt für Berlin.", "030"},
        {"Die Sitzung war gut, 200 Gäste kamen.", "gut"},
        {"Die Achtung vor dem Gegner blieb.", "Achtung"},
        {"Sie achten auf die Regeln.", "achten"},
        {"Die neunte Runde begann.", "neunte"},
        {"Es gab ein hundertund.", "hundertund"},
        {"Sie kamen in den 1990er Jahren.", "1990er"},
        {"Eine halbe Stunde verging.", "Eine"},
        {"Sie sprach eine Millionen mal.", "eine"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        doc d;
        doc_init(&d, cases[k].sentence);
        fg_number num;
        size_t first;
        if (number_at(&d, cases[k].at, &num, &first))
            fail_msg("'%s': a number at '%s': %s", cases[k].sentence,
                     cases[k].at, num.value);
        doc_clear(&d);
    }
}

/* Values too large or too fine for an exact value are no number, never
 * wrong digits; the largest that fit are exact. */
static void test_overflow(void **state)
{
    (void)state;
    static const negcase over[] = {
        {"Es waren 999999999999999999999 Millionen.", "999999999999999999999"},
        {"Es waren 99999999999999 Millionen Euro.", "99999999999999"},
        {"Es waren 18.446.745 Billionen Euro.", "18.446.745"},
        {"Der Anteil ist 0,00000000000000000001 Prozent.",
         "0,00000000000000000001"},
        {"Es sind 12.345.678 Billionen Dutzend.", "12.345.678"},
        {"Es waren 99999999999999999999 Dollar.", "99999999999999999999"},
        {"Es waren über 999999999999999999999 Millionen.", "über"},
    };
    for (size_t k = 0; k < sizeof over / sizeof *over; k++) {
        doc d;
        doc_init(&d, over[k].sentence);
        fg_number num;
        size_t first;
        if (number_at(&d, over[k].at, &num, &first))
            fail_msg("'%s': overflow read as %s", over[k].sentence,
                     num.value);
        doc_clear(&d);
    }
    static const ncase fit[] = {
        {"Es waren 18.446.744 Billionen Euro.", "18.446.744 Billionen",
         "18.446.744 Billionen", "18446744000000000000", I, NONE},
        {"Es waren 18446744073709551615 Dollar.", "18446744073709551615",
         "18446744073709551615", "18446744073709551615", I, NONE},
        {"Der Anteil ist 0,0000000000000000001 Prozent.",
         "0,0000000000000000001", "0,0000000000000000001",
         "0.0000000000000000001", D, NONE},
        {"Es kostet 1,0000000000000000001 Mrd. Euro.",
         "1,0000000000000000001 Mrd.", "1,0000000000000000001 Mrd.",
         "1000000000.0000000001", D, NONE},
    };
    check_cases(fit, sizeof fit / sizeof *fit);
}

/* Reading a whole sentence left to right, as the engine does: every
 * expression once, and nothing from dates, times and ordinals. */
static void test_scan(void **state)
{
    (void)state;
    static const struct {
        const char *sentence;
        const char *want; /* "qualifier:value" joined by spaces */
    } cases[] = {
        {"Rund 200 Experten aus 30 Ländern kamen am 28.11.2026 um 14:30 Uhr "
         "zum 3. Treffen.",
         "1:200 0:30"},
        {"Die EU stellt mehr als 1,5 Milliarden Euro bereit, davon gehen "
         "bis zu 40 Prozent an zwei Dutzend Staaten.",
         "2:1500000000 5:40 0:24"},
        {"Hunderte Menschen, darunter knapp dreihundert Kinder, erreichten "
         "am 2. Mai die Grenze.",
         "3:300"},
        {"Die NATO plant eine schnelle Eingreiftruppe von über 300.000 "
         "Soldaten.",
         "2:300000"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        doc d;
        doc_init(&d, cases[k].sentence);
        char got[256] = "";
        size_t used = 0;
        for (size_t i = 0; i < d.v.n;) {
            size_t first, n;
            const fg_token *tok = sentence_of(&d, i, &first, &n);
            fg_number num;
            if (fg_number_at(tok, n, i - first, d.text.data, &num)) {
                assert_true(num.end > i - first && num.end <= n);
                assert_true(num.value_first >= i - first &&
                            num.value_first < num.end);
                check_canonical(num.type, num.value);
                used += (size_t)snprintf(got + used, sizeof got - used,
                                         "%s%d:%s", used ? " " : "",
                                         (int)num.qualifier, num.value);
                assert_true(used < sizeof got);
                i = first + num.end;
            } else {
                i++;
            }
        }
        if (strcmp(got, cases[k].want) != 0)
            fail_msg("'%s': found '%s', want '%s'", cases[k].sentence, got,
                     cases[k].want);
        doc_clear(&d);
    }
}

/* Edges of the token array: the last token, an index past the end, a
 * qualifier as the last token, no text (digits read from norm). */
static void test_edges(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "Es kamen mehr als");
    fg_number num;
    size_t n = d.v.n;
    assert_int_equal(fg_number_at(d.v.items, n, n, d.text.data, &num), 0);
    assert_int_equal(fg_number_at(d.v.items, n, n - 1, d.text.data, &num),
                     0);
    assert_int_equal(fg_number_at(d.v.items, n, n - 2, d.text.data, &num),
                     0);
    doc_clear(&d);

    doc_init(&d, "Es kamen 1.500");
    n = d.v.n;
    assert_int_equal(fg_number_at(d.v.items, n, n - 1, d.text.data, &num),
                     1);
    assert_string_equal(num.value, "1500");
    assert_int_equal(num.end, n);
    assert_int_equal(fg_number_at(d.v.items, n, n - 1, NULL, &num), 1);
    assert_string_equal(num.value, "1500");
    doc_clear(&d);

    /* a multiplier cut off by the end of the tokens given */
    doc_init(&d, "Es kamen 2 Millionen");
    n = d.v.n;
    assert_int_equal(fg_number_at(d.v.items, n - 1, n - 2, d.text.data,
                                  &num),
                     1);
    assert_string_equal(num.value, "2");
    doc_clear(&d);
}

int main(void)
{
    if (load_tokeniser(&tk) < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits),      cmocka_unit_test(test_words),
        cmocka_unit_test(test_multipliers), cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_percent),     cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_overflow),    cmocka_unit_test(test_scan),
        cmocka_unit_test(test_edges),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    fg_tokeniser_free(tk);
    return failed;
}
