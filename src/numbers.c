/* numbers: see numbers.h.
 *
 * A value is held exactly as an unsigned 64-bit mantissa and a count of
 * fractional digits (1,5 is 15 with scale 1), never as a double: counts
 * are written as xsd literals, and "1,1 Millionen" must come out as
 * 1100000, not 1100000.0000000002. Whatever does not fit (more than about
 * 1.8e19 before the point, more than 19 fractional digits) is no number,
 * so that no wrong digits ever reach the output.
 *
 * An expression is at most: a qualifier of one or two tokens, a number of
 * one token (or an article and "halbe" before a multiplier), and up to
 * MAX_MULTIPLIERS multiplier words. Every loop below is bounded by those
 * counts or by the length of one token. */
#include "config.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "numbers.h"

#define MAX_SCALE 19       /* fractional digits: 10^19 still fits */
#define MAX_MULTIPLIERS 2  /* "ein Dutzend Millionen", "zwei Tausend Mrd." */
#define MAX_WORD_ATOMS 16  /* parts of one number word, "neun" "hundert" */
#define MAX_WORD_BYTES 96  /* longer words are no number words */
#define PHONE_SCAN 4       /* neighbours looked at for phone-like runs */
#define PHONE_RUN 3        /* this many bare digit groups in a row: phone */

/* An exact non-negative value: m / 10^scale. */
typedef struct num {
    uint64_t m;
    unsigned scale;
    int decimal; /* written as a decimal: "1,5", "2,0", "zweieinhalb" */
} num;

static const uint64_t POW10[MAX_SCALE + 1] = {
    1ull,
    10ull,
    100ull,
    1000ull,
    10000ull,
    100000ull,
    1000000ull,
    10000000ull,
    100000000ull,
    1000000000ull,
    10000000000ull,
    100000000000ull,
    1000000000000ull,
    10000000000000ull,
    100000000000000ull,
    1000000000000000ull,
    10000000000000000ull,
    100000000000000000ull,
    1000000000000000000ull,
    10000000000000000000ull};

/* *m = *m * f + add, or 0 when that does not fit. */
static int mul_add(uint64_t *m, uint64_t f, uint64_t add)
{
    if (f != 0 && *m > (UINT64_MAX - add) / f)
        return 0;
    *m = *m * f + add;
    return 1;
}

static int norm_is(const fg_token *t, const char *s)
{
    return t->norm != NULL && strcmp(t->norm, s) == 0;
}

static int norm_in(const fg_token *t, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (norm_is(t, list[k]))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Digits                                                              */

/* A number as German news writes it in digits: groups of three after
 * thousands points ("73.000", "1.000.000"), a decimal comma ("1,5",
 * "2.500,75"), or plain digits ("200", "73000"). A point not followed by
 * exactly three digits is something else (a date "28.11.2026", a time
 * "20.15", an English decimal "1.5") and so no number; so are times with
 * a colon and codes with a leading zero ("0049"). */
static int parse_digits(const char *s, size_t len, num *out)
{
    num v = {0, 0, 0};
    size_t group = 0;   /* digits since the start or the last point */
    int points = 0;
    if (len == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    if (s[0] == '0' && len > 1 && s[1] >= '0' && s[1] <= '9')
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (!mul_add(&v.m, 10, (uint64_t)(c - '0')))
                return 0;
            if (v.decimal && ++v.scale > MAX_SCALE)
                return 0;
            group++;
        } else if (c == '.' && !v.decimal) {
            if (points ? group != 3 : group > 3)
                return 0;
            /* "0.500" is no way to write 500 */
            if (!points && s[0] == '0')
                return 0;
            points++;
            group = 0;
        } else if (c == ',' && !v.decimal) {
            if (points && group != 3)
                return 0;
            v.decimal = 1;
            group = 0;
        } else {
            return 0; /* ':' of a time or score, anything else */
        }
    }
    /* the tokeniser puts a digit after every separator; be sure anyway */
    if (group == 0 || (points && !v.decimal && group != 3))
        return 0;
    *out = v;
    return 1;
}

/* A token of digits only, without separators or an ordinal's period. */
static int bare_digits(const fg_token *t, const char *text)
{
    if (!(t->flags & FG_TOKEN_NUMBER) || (t->flags & FG_TOKEN_ORDINAL))
        return 0;
    for (size_t p = t->start; p < t->end; p++)
        if (text[p] < '0' || text[p] > '9')
            return 0;
    return t->end > t->start;
}

/* Whether digit token i is part of a phone number or similar code:
 * "0049 30 1234567", "+49 30 1234567", "030 22 33 44". Such a run of
 * bare digit groups is not a quantity. Two groups without a leading zero
 * or plus ("im Jahr 2024 200 Soldaten") are left as numbers. */
static int phone_like(const fg_token *tok, size_t n, size_t i,
                      const char *text)
{
    if (!bare_digits(&tok[i], text))
        return 0;
    size_t first = i, last = i;
    while (first > 0 && i - first < PHONE_SCAN &&
           bare_digits(&tok[first - 1], text))
        first--;
    while (last + 1 < n && last - i < PHONE_SCAN &&
           bare_digits(&tok[last + 1], text))
        last++;
    if (last - first + 1 >= PHONE_RUN)
        return 1;
    /* a plus glued to the run: an international prefix */
    if (first > 0 && tok[first - 1].end == tok[first].start &&
        norm_is(&tok[first - 1], "+"))
        return 1;
    if (last == first)
        return 0;
    for (size_t k = first; k <= last; k++)
        if (text[tok[k].start] == '0' && tok[k].end - tok[k].start > 1)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Number words                                                        */

typedef enum {
    A_EIN,      /* "ein": before hundert, tausend, und; or last */
    A_LAST_ONE, /* "eins", "eine": only last ("hunderteins") */
    A_UNIT,     /* zwei .. neun */
    A_TEEN,     /* zehn .. neunzehn */
    A_TENS,     /* zwanzig .. neunzig */
    A_HUNDRED,
    A_THOUSAND,
    A_AND,      /* "und" */
    A_HALF,     /* "einhalb": plus one half */
    A_ONE_HALF  /* "anderthalb", "eineinhalb": 1.5, alone */
} atom_kind;

typedef struct atom {
    const char *s; /* folded, as in fg_token.norm */
    atom_kind kind;
    unsigned value;
} atom;

/* The parts German number words are made of. Longest match wins, so
 * "dreizehn" is not "drei" + "zehn" and "einhundert" is "ein" +
 * "hundert". The fold of ß is ss; the NFC spelling is there for text
 * that was not folded. */
static const atom ATOMS[] = {
    {"ein", A_EIN, 1},           {"eins", A_LAST_ONE, 1},
    {"eine", A_LAST_ONE, 1},     {"zwei", A_UNIT, 2},
    {"drei", A_UNIT, 3},         {"vier", A_UNIT, 4},
    {"f\xC3\xBCnf", A_UNIT, 5},  {"sechs", A_UNIT, 6},
    {"sieben", A_UNIT, 7},       {"acht", A_UNIT, 8},
    {"neun", A_UNIT, 9},         {"zehn", A_TEEN, 10},
    {"elf", A_TEEN, 11},         {"zw\xC3\xB6lf", A_TEEN, 12},
    {"dreizehn", A_TEEN, 13},    {"vierzehn", A_TEEN, 14},
    {"f\xC3\xBCnfzehn", A_TEEN, 15}, {"sechzehn", A_TEEN, 16},
    {"siebzehn", A_TEEN, 17},    {"achtzehn", A_TEEN, 18},
    {"neunzehn", A_TEEN, 19},    {"zwanzig", A_TENS, 20},
    {"dreissig", A_TENS, 30},    {"drei\xC3\x9Fig", A_TENS, 30},
    {"vierzig", A_TENS, 40},     {"f\xC3\xBCnfzig", A_TENS, 50},
    {"sechzig", A_TENS, 60},     {"siebzig", A_TENS, 70},
    {"achtzig", A_TENS, 80},     {"neunzig", A_TENS, 90},
    {"hundert", A_HUNDRED, 100}, {"tausend", A_THOUSAND, 1000},
    {"und", A_AND, 0},           {"einhalb", A_HALF, 0},
    {"anderthalb", A_ONE_HALF, 0}, {"eineinhalb", A_ONE_HALF, 0}};

/* Splits a folded word into atoms, longest first. Returns the number of
 * atoms, or 0 when some part of the word is none. */
static size_t split_atoms(const char *s, size_t len, const atom **out)
{
    size_t k = 0, p = 0;
    while (p < len) {
        const atom *best = NULL;
        size_t best_len = 0;
        for (size_t a = 0; a < sizeof ATOMS / sizeof *ATOMS; a++) {
            size_t l = strlen(ATOMS[a].s);
            if (l > best_len && l <= len - p &&
                memcmp(s + p, ATOMS[a].s, l) == 0) {
                best = &ATOMS[a];
                best_len = l;
            }
        }
        if (best == NULL || k == MAX_WORD_ATOMS)
            return 0;
        out[k++] = best;
        p += best_len;
    }
    return k;
}

/* Reads a number below 1000 from a[*pos .. k): "zweihundertdreiundzwanzig",
 * "elfhundert", "siebzehn". big says that hundert or tausend came before,
 * which allows a last "eins" ("tausendeins"). Adds to *v and advances *pos;
 * returns 0 for a malformed sequence. Reading nothing is fine. */
static int below_thousand(const atom *const *a, size_t k, size_t *pos,
                          int big, uint64_t *v)
{
    size_t p = *pos;
    uint64_t val = 0;
    const atom *x = p < k ? a[p] : NULL;
    const atom *y = p + 1 < k ? a[p + 1] : NULL;
    if (x && (x->kind == A_EIN || x->kind == A_UNIT || x->kind == A_TEEN) &&
        y && y->kind == A_HUNDRED) {
        val = x->value * 100u; /* "elfhundert" is 1100 */
        p += 2;
        big = 1;
    } else if (x && x->kind == A_HUNDRED) {
        val = 100;
        p++;
        big = 1;
    }
    if (p != *pos && p + 1 < k && a[p]->kind == A_AND)
        p++; /* "hundertundzwanzig" */
    size_t after_and = p;
    x = p < k ? a[p] : NULL;
    y = p + 1 < k ? a[p + 1] : NULL;
    const atom *z = p + 2 < k ? a[p + 2] : NULL;
    if (x && (x->kind == A_EIN || x->kind == A_UNIT) && y &&
        y->kind == A_AND && z && z->kind == A_TENS) {
        val += x->value + z->value; /* "einundzwanzig" */
        p += 3;
    } else if (x && (x->kind == A_TEEN || x->kind == A_TENS ||
                     x->kind == A_UNIT)) {
        val += x->value;
        p++;
    } else if (x && x->kind == A_EIN &&
               (big || (y && y->kind == A_THOUSAND))) {
        val += 1; /* "hundertein", "eintausend" */
        p++;
    } else if (x && x->kind == A_LAST_ONE && big && y == NULL) {
        val += 1; /* "hunderteins", "tausendundeine" */
        p++;
    }
    if (p == after_and && after_and != *pos && a[after_and - 1]->kind == A_AND)
        return 0; /* "hundertund" and nothing */
    *v += val;
    *pos = p;
    return 1;
}

/* A cardinal written as one word, below a million: "zwei", "dreissig",
 * "hundert", "zweihundertfünfzig", "dreiundzwanzigtausend", and with
 * "einhalb" ("zweieinhalb", "anderthalb"). An article ("ein", "eine") is
 * not one, and nor are plurals ("hunderte", "zehntausende"): they are no
 * exact number. */
static int parse_word(const char *s, size_t len, num *out)
{
    const atom *a[MAX_WORD_ATOMS];
    if (len == 0 || len > MAX_WORD_BYTES)
        return 0;
    size_t k = split_atoms(s, len, a);
    if (k == 0)
        return 0;
    if (k == 1 && a[0]->kind == A_ONE_HALF) {
        *out = (num){15, 1, 1};
        return 1;
    }
    uint64_t total = 0;
    size_t p = 0;
    if (!below_thousand(a, k, &p, 0, &total))
        return 0;
    if (p < k && a[p]->kind == A_THOUSAND) {
        total = (p == 0 ? 1 : total) * 1000u;
        p++;
        if (p + 1 < k && a[p]->kind == A_AND)
            p++; /* "tausendundeine" */
        size_t before = p;
        if (!below_thousand(a, k, &p, 1, &total))
            return 0;
        if (p == before && before > 0 && a[before - 1]->kind == A_AND)
            return 0;
    }
    num v = {total, 0, 0};
    if (p < k && a[p]->kind == A_HALF && total > 0) {
        v = (num){total * 10 + 5, 1, 1};
        p++;
    }
    if (p != k || p == 0)
        return 0;
    *out = v;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Multipliers, articles, qualifiers                                   */

typedef struct multiplier {
    const char *s;
    unsigned pow10; /* the factor is 10^pow10 ... */
    unsigned times; /* ... times this */
    int plural;     /* not after "ein", "eine" */
} multiplier;

/* German Billion is 10^12. "Hundert" is left out: "zwei Hundert" is not
 * how numbers are written, and "mehrere Hundert" has no number. */
static const multiplier MULTIPLIERS[] = {
    {"tausend", 3, 1, 0},    {"tsd.", 3, 1, 0},       {"million", 6, 1, 0},
    {"millionen", 6, 1, 1},  {"mio.", 6, 1, 0},       {"mio", 6, 1, 0},
    {"milliarde", 9, 1, 0},  {"milliarden", 9, 1, 1}, {"mrd.", 9, 1, 0},
    {"mrd", 9, 1, 0},        {"billion", 12, 1, 0},   {"billionen", 12, 1, 1},
    {"dutzend", 0, 12, 0}};

static const multiplier *multiplier_at(const fg_token *t)
{
    for (size_t k = 0; k < sizeof MULTIPLIERS / sizeof *MULTIPLIERS; k++)
        if (norm_is(t, MULTIPLIERS[k].s))
            return &MULTIPLIERS[k];
    return NULL;
}

/* v times the multiplier, exactly; 0 when it does not fit. */
static int multiply(num *v, const multiplier *mu)
{
    unsigned p = mu->pow10;
    if (v->scale >= p) {
        v->scale -= p;
    } else {
        p -= v->scale;
        v->scale = 0;
        if (!mul_add(&v->m, POW10[p], 0))
            return 0;
    }
    return mul_add(&v->m, mu->times, 0);
}

/* "eine Million", "ein Dutzend", "mit einer Milliarde" */
static const char *const ARTICLES[] = {"ein",   "eine",  "einen", "einer",
                                       "einem", "eines", NULL};
/* "eine halbe Million" */
static const char *const HALVES[] = {"halbe", "halben", NULL};

#define MAX_QUALIFIER_WORDS 3

typedef struct qualifier_word {
    const char *w[MAX_QUALIFIER_WORDS]; /* folded; NULL after the last */
    fg_qualifier q;
} qualifier_word;

/* "gut 200" means a good 200, a little more: Over. "unter" is left out:
 * "unter 200 Soldaten" is as often "among" as "fewer than". Inside
 * "nicht mehr als 50", "mehr als 50" reads as Over: callers read from
 * the left and go on after an expression's end. */
static const qualifier_word QUALIFIERS[] = {
    {{"rund"}, FG_QUALIFIER_ABOUT},
    {{"rd."}, FG_QUALIFIER_ABOUT},
    {{"etwa"}, FG_QUALIFIER_ABOUT},
    {{"ca."}, FG_QUALIFIER_ABOUT},
    {{"circa"}, FG_QUALIFIER_ABOUT},
    {{"zirka"}, FG_QUALIFIER_ABOUT},
    {{"ungef\xC3\xA4hr"}, FG_QUALIFIER_ABOUT},
    {{"ann\xC3\xA4hernd"}, FG_QUALIFIER_ABOUT},
    {{"sch\xC3\xA4tzungsweise"}, FG_QUALIFIER_ABOUT},
    {{"\xC3\xBC" "ber"}, FG_QUALIFIER_OVER},
    {{"mehr", "als"}, FG_QUALIFIER_OVER},
    {{"gut"}, FG_QUALIFIER_OVER},
    {{"knapp"}, FG_QUALIFIER_UNDER},
    {{"fast"}, FG_QUALIFIER_UNDER},
    {{"beinahe"}, FG_QUALIFIER_UNDER},
    {{"nahezu"}, FG_QUALIFIER_UNDER},
    {{"weniger", "als"}, FG_QUALIFIER_UNDER},
    {{"nicht", "mehr", "als"}, FG_QUALIFIER_AT_MOST},
    {{"bis", "zu"}, FG_QUALIFIER_AT_MOST},
    {{"h\xC3\xB6" "chstens"}, FG_QUALIFIER_AT_MOST},
    {{"maximal"}, FG_QUALIFIER_AT_MOST},
    {{"nicht", "weniger", "als"}, FG_QUALIFIER_AT_LEAST},
    {{"mindestens"}, FG_QUALIFIER_AT_LEAST},
    {{"wenigstens"}, FG_QUALIFIER_AT_LEAST},
    {{"genau"}, FG_QUALIFIER_EXACTLY},
    {{"exakt"}, FG_QUALIFIER_EXACTLY}};

/* The qualifier at token i: its kind, and in *len its tokens (0 when
 * there is none). */
static fg_qualifier qualifier_at(const fg_token *tok, size_t n, size_t i,
                                 size_t *len)
{
    for (size_t k = 0; k < sizeof QUALIFIERS / sizeof *QUALIFIERS; k++) {
        const qualifier_word *w = &QUALIFIERS[k];
        size_t m = 0;
        while (m < MAX_QUALIFIER_WORDS && w->w[m] != NULL && i + m < n &&
               norm_is(&tok[i + m], w->w[m]))
            m++;
        if (m == MAX_QUALIFIER_WORDS || (m > 0 && w->w[m] == NULL)) {
            *len = m;
            return w->q;
        }
    }
    *len = 0;
    return FG_QUALIFIER_NONE;
}

/* ------------------------------------------------------------------ */
/* The expression                                                      */

/* The canonical lexical form of v into out (FG_NUMBER_MAX bytes), as
 * fg_literal_make writes it: an integer without leading zeros, or a
 * decimal with at least one digit after the point and no trailing
 * zeros. */
static void format(const num *v, int decimal, char *out)
{
    assert(v->scale <= MAX_SCALE);
    uint64_t whole = v->m / POW10[v->scale];
    uint64_t frac = v->m % POW10[v->scale];
    unsigned digits = v->scale;
    while (digits > 0 && frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    assert(decimal || digits == 0);
    if (!decimal)
        snprintf(out, FG_NUMBER_MAX, "%" PRIu64, whole);
    else if (digits == 0)
        snprintf(out, FG_NUMBER_MAX, "%" PRIu64 ".0", whole);
    else
        snprintf(out, FG_NUMBER_MAX, "%" PRIu64 ".%0*" PRIu64, whole,
                 (int)digits, frac);
}

/* The number (without qualifier) at token j: digits or a number word,
 * or an article before a multiplier, then the multipliers. Sets *end. */
static int number_at(const fg_token *tok, size_t n, size_t j,
                     const char *text, num *v, int *multiplied, size_t *end)
{
    const fg_token *t = &tok[j];
    size_t k = j + 1;
    *multiplied = 0;
    if (t->flags & FG_TOKEN_ORDINAL)
        return 0; /* "3. Mai", "der 2. Weltkrieg" */
    if (t->flags & FG_TOKEN_NUMBER) {
        const char *s = text ? text + t->start : t->norm;
        size_t len = text ? t->end - t->start : t->norm_len;
        if (s == NULL || !parse_digits(s, len, v) ||
            (text && phone_like(tok, n, j, text)))
            return 0;
    } else if (norm_in(t, ARTICLES)) {
        *v = (num){1, 0, 0};
        if (k < n && norm_in(&tok[k], HALVES)) {
            *v = (num){5, 1, 1};
            k++;
        }
        /* a bare article is no number; "eine Million" is */
        const multiplier *mu = k < n ? multiplier_at(&tok[k]) : NULL;
        if (mu == NULL || mu->plural)
            return 0;
    } else if (!(t->flags & FG_TOKEN_WORD) || t->norm == NULL ||
               !parse_word(t->norm, t->norm_len, v)) {
        return 0;
    }
    for (int m = 0; m < MAX_MULTIPLIERS && k < n; m++) {
        const multiplier *mu = multiplier_at(&tok[k]);
        if (mu == NULL)
            break;
        if (!multiply(v, mu))
            return 0; /* too large: no number rather than a wrong one */
        *multiplied = 1;
        k++;
    }
    /* "um 14 Uhr" is a time */
    if (!*multiplied && k < n && norm_is(&tok[k], "uhr"))
        return 0;
    *end = k;
    return 1;
}

int fg_number_at(const fg_token *tok, size_t n, size_t i, const char *text,
                 fg_number *out)
{
    if (tok == NULL || i >= n)
        return 0;
    size_t qlen;
    fg_qualifier q = qualifier_at(tok, n, i, &qlen);
    size_t j = i + qlen, end;
    num v;
    int multiplied;
    if (j >= n || !number_at(tok, n, j, text, &v, &multiplied, &end))
        return 0;
    /* A multiplied count is a count ("1,5 Millionen" is 1500000); a
     * decimal as written stays one ("2,0" is 2.0). */
    int decimal = multiplied ? v.m % POW10[v.scale] != 0 : v.decimal;
    out->end = (uint32_t)end;
    out->value_first = (uint32_t)j;
    out->qualifier = q;
    out->type = decimal ? FG_LITERAL_DECIMAL : FG_LITERAL_INTEGER;
    format(&v, decimal, out->value);
    return 1;
}
