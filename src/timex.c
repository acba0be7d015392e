/* timex: time expressions, normalised against the document date (see
 * timex.h for the contract).
 *
 * Each kind of expression has a small reader below; they are tried in
 * turn at the token, and the first that reads something wins (they start
 * with different words, so order rarely matters). A reader looks at a
 * fixed handful of tokens after the one it starts at, and at one or two
 * before it only to judge context ("im" before "Sommer", "rund" before
 * "2000"), so every reading is bounded and nothing is allocated. Words are
 * compared through their norm (NFC, case-folded). Dates are computed as
 * day numbers (days since 1970-01-01), so that going back a day, a week
 * or a month crosses month and year boundaries without special cases.
 * Without a document date the relative readers still run, on a stand-in
 * date, so that they accept exactly the same tokens; only the value is
 * then dropped.
 *
 * Decisions worth knowing (HeidelTime's German rules are the model):
 * - "28.11.26" and other two-digit years are refused: the century would
 *   be a guess, and such tokens also name versions and paragraphs.
 *   "28.11." takes the document's year.
 * - A bare "2024" is a year only when it plausibly is one: 1900..2099,
 *   written without separators, and not counting something: not before a
 *   capitalised word ("2000 Soldaten"), a unit ("2000 km", "2000 %") or
 *   "weitere", nor after "rund", "über", "mehr als" and the like. So
 *   "Scholz wurde 2021 Bundeskanzler" is missed; "im Jahr 2021" and
 *   "seit 2021" are found. After "Jahr", a month, "Anfang" or a season
 *   the four digits are a year whatever follows (1000..2999).
 * - A weekday alone ("am Montag") is the latest such day on or before the
 *   document date: news report mostly what happened, and this module does
 *   not know the tense. "kommenden/nächsten Montag" is the next one after
 *   the date, "vergangenen/letzten/vorigen Montag" the last one before
 *   it, "diesen Montag" the one in the date's week, "Montag vergangener
 *   Woche" the Monday of the week before. A date after the weekday
 *   ("Montag, 3. März 2025") decides instead.
 * - A month without a year ("im März", "28. November") takes the year of
 *   the document.
 * - Weeks ("vergangene Woche") take the month of their Thursday (the ISO
 *   rule that also gives a week its year); weekends that of their
 *   Saturday. Ranges of days ("24. und 25. Mai") take the month.
 * - "morgen" means tomorrow only in lower case, or capitalised as the
 *   first word of a sentence or after punctuation ("Morgen reist sie",
 *   „Morgen ...“); "am Morgen" and "jeden Morgen" are the noun.
 * - A month name alone, followed by a capitalised word and not preceded
 *   by a preposition or article, is taken for a given name ("August
 *   Bebel"); an abbreviated month ("Sept.") needs a day or a year.
 * - "vor drei Tagen" keeps "vor" in the expression: without it the words
 *   are a duration. Seasons count only with a year or after "im".
 * - A value outside the years 1..9999 is no expression at all. */
#include "config.h"

#include <assert.h>
#include <string.h>

#include "timex.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The bare-year range, and the range of four digits read as a year where
 * the context says it is one ("im Jahr 1648"). */
#define BARE_YEAR_MIN 1900
#define BARE_YEAR_MAX 2099
#define CONTEXT_YEAR_MIN 1000
#define CONTEXT_YEAR_MAX 2999
/* "vor N Tagen/Jahren": the largest N read. */
#define AGO_MAX 999
/* Stand-in document date for relative expressions without one: a leap
 * year, so that "29. Februar" is accepted, and then has no value. */
#define STAND_IN_YEAR 2000

enum { PAST = -1, THIS = 0, NEXT = 1, NO_DIRECTION = 2 };

/* The tokens and the document date a reading works on. */
typedef struct scan {
    const fg_token *tok;
    size_t n;
    int has_doc;   /* the document date is known */
    int dy, dm;    /* year and month of the date, or of the stand-in */
    long dday;     /* the date (or stand-in) as a day number */
} scan;

/* What a reader found: a date of type's precision (fields below it are
 * unused), and whether it depends on the document date. */
typedef struct when {
    fg_literal_type type;
    int relative;
    long y;
    int m, d;
} when;

/* ------------------------------------------------------------------ */
/* Calendar                                                            */

static int is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30,
                               31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int valid_date(long y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (H. Hinnant's algorithms: no loops, exact for every year). */
static long day_number(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil(long z, long *y_out, int *m_out, int *d_out)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *d_out = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m_out = m;
    *y_out = yoe + era * 400 + (m <= 2);
}

/* 0 for Monday .. 6 for Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long day)
{
    long w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static when on_day(long day, int relative)
{
    when w = {FG_LITERAL_DATE, relative, 0, 0, 0};
    civil(day, &w.y, &w.m, &w.d);
    return w;
}

/* The month of the day, as a gYearMonth. */
static when month_of_day(long day, int relative)
{
    when w = on_day(day, relative);
    w.type = FG_LITERAL_YEAR_MONTH;
    w.d = 0;
    return w;
}

/* The Monday of the week (Monday to Sunday) of day. */
static long monday_of(long day)
{
    return day - weekday_of(day);
}

/* The month delta months from the document's, as a gYearMonth. */
static when month_from(const scan *s, long delta)
{
    long months = (long)s->dy * 12 + (s->dm - 1) + delta;
    return (when){FG_LITERAL_YEAR_MONTH, 1, months / 12,
                  (int)(months % 12) + 1, 0};
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static const char *norm_at(const scan *s, size_t k)
{
    return k < s->n ? s->tok[k].norm : "";
}

static int is(const scan *s, size_t k, const char *word)
{
    return k < s->n && strcmp(s->tok[k].norm, word) == 0;
}

static int one_of(const scan *s, size_t k, const char *const *list,
                  size_t n_list)
{
    for (size_t j = 0; j < n_list; j++)
        if (is(s, k, list[j]))
            return 1;
    return 0;
}

static int capitalised_word(const scan *s, size_t k)
{
    return k < s->n && (s->tok[k].flags & FG_TOKEN_CAPITALISED) &&
           (s->tok[k].flags & FG_TOKEN_WORD);
}

/* Whether w is stem with an adjective ending ("letzt" + "en"). */
static int inflected(const char *w, const char *stem)
{
    static const char *const ENDINGS[] = {"", "e", "en", "er", "es", "em"};
    size_t len = strlen(stem);
    if (strncmp(w, stem, len) != 0)
        return 0;
    for (size_t j = 0; j < N_OF(ENDINGS); j++)
        if (strcmp(w + len, ENDINGS[j]) == 0)
            return 1;
    return 0;
}

/* The direction an adjective points from the document date, or
 * NO_DIRECTION; *ending_out gets its ending ("en" of "letzten") and
 * *article_out whether an article may precede it. "dies-", "laufend-"
 * and the Austrian "heurig-" name the date's own week, month or year. */
static int direction(const scan *s, size_t k, const char **ending_out,
                     int *article_out)
{
    static const struct {
        const char *stem;
        int dir;
        int article; /* "der vergangenen", but not "der dieser" */
    } WORDS[] = {{"vergangen", PAST, 1}, {"letzt", PAST, 1},
                 {"vorig", PAST, 1},     {"nächst", NEXT, 1},
                 {"kommend", NEXT, 1},   {"dies", THIS, 0},
                 {"laufend", THIS, 1},   {"heurig", THIS, 1}};
    /* "dies" alone is the pronoun ("dies ist"). */
    if (k >= s->n || is(s, k, "dies"))
        return NO_DIRECTION;
    const char *w = s->tok[k].norm;
    for (size_t j = 0; j < N_OF(WORDS); j++)
        if (inflected(w, WORDS[j].stem)) {
            *ending_out = w + strlen(WORDS[j].stem);
            *article_out = WORDS[j].article;
            return WORDS[j].dir;
        }
    return NO_DIRECTION;
}

static int is_article(const scan *s, size_t k)
{
    static const char *const ARTICLES[] = {"der", "des", "die",
                                           "das", "dem", "den"};
    return one_of(s, k, ARTICLES, N_OF(ARTICLES));
}

/* Reads n_digits ASCII digits (exactly) from p; -1 when they are not. */
static long digits(const char *p, size_t n_digits)
{
    long v = 0;
    for (size_t j = 0; j < n_digits; j++) {
        if (p[j] < '0' || p[j] > '9')
            return -1;
        v = v * 10 + (p[j] - '0');
    }
    return v;
}

/* The token as a four-digit number in [lo, hi], or -1. */
static long year_token(const scan *s, size_t k, long lo, long hi)
{
    const char *w = norm_at(s, k);
    if (strlen(w) != 4)
        return -1;
    long y = digits(w, 4);
    return y >= lo && y <= hi ? y : -1;
}

/* A day ordinal "3." or "28.", or -1. */
static int day_token(const scan *s, size_t k)
{
    const char *w = norm_at(s, k);
    size_t len = strlen(w);
    if (len < 2 || len > 3 || w[len - 1] != '.')
        return -1;
    long d = digits(w, len - 1);
    return d >= 1 && d <= 31 ? (int)d : -1;
}

/* The month a capitalised token names (1..12), or 0; *abbrev_out tells
 * an abbreviation ("Sept.") from a full name. */
static int month_token(const scan *s, size_t k, int *abbrev_out)
{
    static const struct {
        const char *name;
        int month;
    } NAMES[] = {{"januar", 1},   {"jänner", 1},    {"februar", 2},
                 {"feber", 2},    {"märz", 3},      {"april", 4},
                 {"mai", 5},      {"juni", 6},      {"juli", 7},
                 {"august", 8},   {"september", 9}, {"oktober", 10},
                 {"november", 11}, {"dezember", 12}},
      ABBREVS[] = {{"jan.", 1},  {"feb.", 2},  {"febr.", 2}, {"mrz.", 3},
                   {"apr.", 4},  {"jun.", 6},  {"jul.", 7},  {"aug.", 8},
                   {"sep.", 9},  {"sept.", 9}, {"okt.", 10}, {"nov.", 11},
                   {"dez.", 12}};
    if (k >= s->n || !(s->tok[k].flags & FG_TOKEN_CAPITALISED))
        return 0;
    for (size_t j = 0; j < N_OF(NAMES); j++)
        if (is(s, k, NAMES[j].name)) {
            *abbrev_out = 0;
            return NAMES[j].month;
        }
    for (size_t j = 0; j < N_OF(ABBREVS); j++)
        if (is(s, k, ABBREVS[j].name)) {
            *abbrev_out = 1;
            return ABBREVS[j].month;
        }
    return 0;
}

/* Whether a word names a part of the day ("Abend", "früh"). */
static int is_daytime(const char *w)
{
    static const char *const PARTS[] = {"morgen", "vormittag", "mittag",
                                        "nachmittag", "abend", "nacht",
                                        "früh"};
    for (size_t j = 0; j < N_OF(PARTS); j++)
        if (strcmp(w, PARTS[j]) == 0)
            return 1;
    return 0;
}

/* The weekday a token names (0 Monday .. 6 Sunday), or -1. Compounds
 * with a part of the day ("Montagabend") count as the day;
 * *abbrev_out tells "Mo." from "Montag". */
static int weekday_token(const scan *s, size_t k, int *abbrev_out)
{
    static const struct {
        const char *name;
        int day;
    } NAMES[] = {{"montag", 0},   {"dienstag", 1},  {"mittwoch", 2},
                 {"donnerstag", 3}, {"freitag", 4}, {"samstag", 5},
                 {"sonnabend", 5}, {"sonntag", 6}},
      ABBREVS[] = {{"mo.", 0}, {"di.", 1}, {"mi.", 2}, {"do.", 3},
                   {"fr.", 4}, {"sa.", 5}, {"so.", 6}};
    const char *w = norm_at(s, k);
    for (size_t j = 0; j < N_OF(NAMES); j++) {
        size_t len = strlen(NAMES[j].name);
        if (strncmp(w, NAMES[j].name, len) == 0 &&
            (w[len] == '\0' || is_daytime(w + len))) {
            *abbrev_out = 0;
            return NAMES[j].day;
        }
    }
    for (size_t j = 0; j < N_OF(ABBREVS); j++)
        if (strcmp(w, ABBREVS[j].name) == 0 &&
            (s->tok[k].flags & FG_TOKEN_CAPITALISED)) {
            *abbrev_out = 1;
            return ABBREVS[j].day;
        }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Readers: each returns the end of what it read at k, or 0            */

/* "2026-11-28" */
static size_t read_iso(const scan *s, size_t k, when *out)
{
    const char *w = norm_at(s, k);
    if (strlen(w) != 10 || w[4] != '-' || w[7] != '-')
        return 0;
    long y = digits(w, 4), m = digits(w + 5, 2), d = digits(w + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !valid_date(y, (int)m, (int)d))
        return 0;
    *out = (when){FG_LITERAL_DATE, 0, y, (int)m, (int)d};
    return k + 1;
}

/* "28.11.2026", "3.3.2025", and "28.11." with the document's year; two-
 * digit years are refused (see the top). */
static size_t read_numeric(const scan *s, size_t k, when *out)
{
    const char *w = norm_at(s, k);
    size_t len = strlen(w);
    size_t p = 0;
    long part[3] = {-1, -1, -1};
    size_t n_part = 0;
    /* At most three groups of digits, each ended by '.' but the year. */
    while (p < len && n_part < 3) {
        size_t q = p;
        while (q < len && q - p < 5 && w[q] >= '0' && w[q] <= '9')
            q++;
        if (q == p)
            return 0;
        if (n_part < 2 ? q - p > 2 : q - p != 4)
            return 0;
        part[n_part++] = digits(w + p, q - p);
        if (n_part < 3) {
            if (q >= len || w[q] != '.')
                return 0;
            q++;
        }
        p = q;
    }
    if (p != len || n_part < 2)
        return 0;
    int relative = n_part == 2;
    long y = relative ? s->dy : part[2];
    if (!valid_date(y, (int)part[1], (int)part[0]))
        return 0;
    *out = (when){FG_LITERAL_DATE, relative, y, (int)part[1], (int)part[0]};
    return k + 1;
}

/* What may follow a month to give its year: "2025", "des Jahres 2025",
 * or a year relative to the document ("vergangenen Jahres", "des
 * kommenden Jahres", "dieses Jahres", "des Vorjahres"). Returns the end,
 * or k when nothing there names a year (then the document's year). */
static size_t year_after(const scan *s, size_t k, long *year_out,
                         int *relative_out)
{
    long y = year_token(s, k, CONTEXT_YEAR_MIN, CONTEXT_YEAR_MAX);
    if (y >= 0) {
        *year_out = y;
        *relative_out = 0;
        return k + 1;
    }
    size_t j = is(s, k, "des") ? k + 1 : k;
    if (is(s, j, "jahres") &&
        (y = year_token(s, j + 1, CONTEXT_YEAR_MIN, CONTEXT_YEAR_MAX)) >= 0) {
        *year_out = y;
        *relative_out = 0;
        return j + 2;
    }
    const char *ending;
    int article;
    int dir = direction(s, j, &ending, &article);
    if (dir != NO_DIRECTION && is(s, j + 1, "jahres") &&
        (j == k || (article && strcmp(ending, "en") == 0))) {
        *year_out = s->dy + dir;
        *relative_out = 1;
        return j + 2;
    }
    if (is(s, j, "vorjahres")) {
        *year_out = s->dy - 1;
        *relative_out = 1;
        return j + 1;
    }
    *year_out = s->dy;
    *relative_out = 1;
    return k;
}

/* Words before a month name that make it a month, not a given name. */
static int introduces_month(const scan *s, size_t k)
{
    static const char *const WORDS[] = {
        "im",  "in",  "seit", "ab",     "bis",    "vom",   "von", "zum",
        "nach", "vor", "für", "zwischen", "und",  "oder",  "der", "den",
        "dem", "des", "anfang", "mitte", "ende",  "beginn"};
    return k < s->n && one_of(s, k, WORDS, N_OF(WORDS));
}

/* "November 2026", "März", "Januar nächsten Jahres", "Sept. 2025".
 * in_context: something before already says it is a month ("Anfang"). */
static size_t read_month(const scan *s, size_t k, int in_context,
                         when *out)
{
    int abbrev = 0;
    int m = month_token(s, k, &abbrev);
    if (m == 0)
        return 0;
    long y;
    int relative;
    size_t end = year_after(s, k + 1, &y, &relative);
    if (end == k + 1) {
        /* The month alone: an abbreviation is too weak a sign, and a
         * capitalised word after it suggests a name ("August Bebel"). */
        if (abbrev && !in_context)
            return 0;
        if (!in_context && capitalised_word(s, k + 1) &&
            !(k > 0 && introduces_month(s, k - 1)))
            return 0;
    }
    if (y < 1 || y > 9999)
        return 0;
    *out = (when){FG_LITERAL_YEAR_MONTH, relative, y, m, 0};
    return end;
}

static size_t read_month_alone(const scan *s, size_t k, when *out)
{
    return read_month(s, k, 0, out);
}

/* "28. November 2026", "3. Okt.", "24. und 25. Mai 2025" (a range takes
 * the month), "1. März vergangenen Jahres". */
static size_t read_day_month(const scan *s, size_t k, when *out)
{
    static const char *const RANGE[] = {"und", "bis", "-", "–", "/"};
    int d = day_token(s, k);
    if (d < 0)
        return 0;
    size_t j = k + 1;
    int d2 = -1;
    if (one_of(s, j, RANGE, N_OF(RANGE)) && (d2 = day_token(s, j + 1)) > d)
        j += 2;
    else
        d2 = -1;
    int abbrev;
    int m = month_token(s, j, &abbrev);
    if (m == 0)
        return 0;
    long y;
    int relative;
    size_t end = year_after(s, j + 1, &y, &relative);
    if (!valid_date(y, m, d) || (d2 > 0 && !valid_date(y, m, d2)))
        return 0;
    *out = (when){d2 > 0 ? FG_LITERAL_YEAR_MONTH : FG_LITERAL_DATE,
                  relative, y, m, d2 > 0 ? 0 : d};
    return end;
}

/* "Jahr 2024", "im Jahre 2024" (from "Jahre"), "des Jahres 2024". */
static size_t read_year_noun(const scan *s, size_t k, when *out)
{
    static const char *const ARTICLES[] = {"das", "des", "dem"};
    static const char *const NOUNS[] = {"jahr", "jahre", "jahres"};
    size_t j = one_of(s, k, ARTICLES, N_OF(ARTICLES)) ? k + 1 : k;
    if (!one_of(s, j, NOUNS, N_OF(NOUNS)))
        return 0;
    long y = year_token(s, j + 1, CONTEXT_YEAR_MIN, CONTEXT_YEAR_MAX);
    if (y < 0)
        return 0;
    *out = (when){FG_LITERAL_YEAR, 0, y, 0, 0};
    return j + 2;
}

/* Whether the token is the year after y, in four digits or two
 * ("2026" or "26" after 2025). */
static int next_year(const scan *s, size_t k, long y)
{
    const char *w = norm_at(s, k);
    size_t len = strlen(w);
    long v = len == 2 || len == 4 ? digits(w, len) : -1;
    return v >= 0 && (v == y + 1 || (len == 2 && v == (y + 1) % 100));
}

/* A bare "2024", when it is plausibly a year (see the top). */
static size_t read_bare_year(const scan *s, size_t k, when *out)
{
    /* Words that make the number a count. */
    static const char *const BEFORE[] = {
        "rund",  "etwa",   "ca.",    "circa", "ungefähr", "über",
        "unter", "fast",   "knapp",  "mindestens", "höchstens",
        "insgesamt", "nahezu", "beinahe", "gut", "exakt", "genau"};
    static const char *const AFTER[] = {
        "%",   "€",   "$",    "£",   "km",  "kg",  "t",   "m",
        "mio", "mio.", "mrd", "mrd.", "mal", "weitere", "weiteren",
        "zusätzliche", "zusätzlichen"};
    long y = year_token(s, k, BARE_YEAR_MIN, BARE_YEAR_MAX);
    if (y < 0)
        return 0;
    if (k > 0 && one_of(s, k - 1, BEFORE, N_OF(BEFORE)))
        return 0;
    if (k > 1 && is(s, k - 1, "als") &&
        (is(s, k - 2, "mehr") || is(s, k - 2, "weniger")))
        return 0;
    if (capitalised_word(s, k + 1) || one_of(s, k + 1, AFTER, N_OF(AFTER)))
        return 0;
    /* A slash joins years of a season ("2003/2004", "2025/26"); with any
     * other number it makes an identifier ("2012/34/EU", "6/2015"). */
    if (is(s, k + 1, "/") && !next_year(s, k + 2, y))
        return 0;
    if (k >= 2 && is(s, k - 1, "/") && digits(norm_at(s, k - 2), 1) >= 0 &&
        !next_year(s, k, year_token(s, k - 2, 0, 9999)))
        return 0;
    *out = (when){FG_LITERAL_YEAR, 0, y, 0, 0};
    return k + 1;
}

/* "Sommer 2025", "Winter 2025/26", "Herbst vergangenen Jahres", and
 * "im Sommer" (the document's year). Year precision. */
static size_t read_season(const scan *s, size_t k, when *out)
{
    static const char *const SEASONS[] = {"frühling", "frühjahr", "sommer",
                                          "herbst", "winter"};
    if (!one_of(s, k, SEASONS, N_OF(SEASONS)))
        return 0;
    long y;
    int relative;
    size_t end = year_after(s, k + 1, &y, &relative);
    if (end == k + 1 && !(k > 0 && is(s, k - 1, "im")))
        return 0;
    /* "Winter 2025/26": the season starts in the first year. */
    if (!relative && is(s, end, "/") && next_year(s, end + 1, y))
        end += 2;
    *out = (when){FG_LITERAL_YEAR, relative, y, 0, 0};
    return end;
}

enum { MASCULINE, FEMININE, NEUTER };

/* Whether an article and an adjective ending agree with a noun of that
 * gender, in its genitive form ("Jahres") or not: "der vergangenen
 * Woche", "die kommende Woche", "des kommenden Jahres", "den nächsten
 * Montag". What does not agree is usually a relative pronoun before the
 * expression (", der vergangenen Montag ..."). */
static int agrees(const char *article, const char *ending, int gender,
                  int genitive)
{
    static const struct {
        const char *article;
        const char *ending;
        int gender;
    } FORMS[] = {{"der", "e", MASCULINE},  {"den", "en", MASCULINE},
                 {"dem", "en", MASCULINE}, {"die", "e", FEMININE},
                 {"der", "en", FEMININE},  {"das", "e", NEUTER},
                 {"dem", "en", NEUTER}};
    if (genitive)
        return strcmp(article, "des") == 0 && strcmp(ending, "en") == 0;
    for (size_t j = 0; j < N_OF(FORMS); j++)
        if (FORMS[j].gender == gender &&
            strcmp(article, FORMS[j].article) == 0 &&
            strcmp(ending, FORMS[j].ending) == 0)
            return 1;
    return 0;
}

/* The week, month or year that dir points to from the document date,
 * named by the noun at k; or the weekday or month of that direction
 * ("vergangenen Mittwoch", "kommenden März"). *gender_out and
 * *genitive_out describe the noun. */
static size_t read_unit(const scan *s, size_t k, int dir, int *gender_out,
                        int *genitive_out, when *out)
{
    static const struct {
        const char *word;
        char unit; /* Week, weekEnd, Month, Year */
        int gender;
        int genitive;
    } NOUNS[] = {{"woche", 'W', FEMININE, 0},  {"wochenende", 'E', NEUTER, 0},
                 {"wochenendes", 'E', NEUTER, 1}, {"monat", 'M', MASCULINE, 0},
                 {"monats", 'M', MASCULINE, 1}, {"jahr", 'Y', NEUTER, 0},
                 {"jahres", 'Y', NEUTER, 1},    {"jahrs", 'Y', NEUTER, 1}};
    long monday = monday_of(s->dday);
    *gender_out = MASCULINE; /* weekdays and months */
    *genitive_out = 0;
    for (size_t j = 0; j < N_OF(NOUNS); j++) {
        if (!is(s, k, NOUNS[j].word))
            continue;
        *gender_out = NOUNS[j].gender;
        *genitive_out = NOUNS[j].genitive;
        long saturday = monday + 5;
        switch (NOUNS[j].unit) {
        case 'W':
            *out = month_of_day(monday + 7 * dir + 3, 1);
            break;
        case 'E':
            if (dir == PAST)
                saturday -= 7;
            else if (dir == NEXT && s->dday >= saturday)
                saturday += 7;
            *out = month_of_day(saturday, 1);
            break;
        case 'M':
            *out = month_from(s, dir);
            break;
        default:
            *out = (when){FG_LITERAL_YEAR, 1, s->dy + dir, 0, 0};
        }
        return k + 1;
    }
    int abbrev;
    int m = month_token(s, k, &abbrev);
    if (m > 0 && !abbrev) {
        /* The last such month before the document's, or the next after
         * it. */
        long y = s->dy;
        if (dir == PAST && m >= s->dm)
            y--;
        else if (dir == NEXT && m <= s->dm)
            y++;
        *out = (when){FG_LITERAL_YEAR_MONTH, 1, y, m, 0};
        return k + 1;
    }
    int wd = weekday_token(s, k, &abbrev);
    if (wd < 0 || abbrev)
        return 0;
    long day;
    int today = weekday_of(s->dday);
    if (dir == PAST)
        day = s->dday - ((today - wd + 6) % 7 + 1);
    else if (dir == NEXT)
        day = s->dday + ((wd - today + 6) % 7 + 1);
    else
        day = monday + wd;
    *out = on_day(day, 1);
    return k + 1;
}

/* "vergangene Woche", "der vergangenen Woche", "des kommenden Jahres",
 * "nächsten Monat", "dieses Jahr", "letzten Freitag", "im vergangenen
 * Mai" (from "vergangenen"). */
static size_t read_relative(const scan *s, size_t k, when *out)
{
    int has_article = is_article(s, k);
    size_t j = has_article ? k + 1 : k;
    const char *ending;
    int article_ok;
    int dir = direction(s, j, &ending, &article_ok);
    if (dir == NO_DIRECTION || (has_article && !article_ok))
        return 0;
    int gender, genitive;
    size_t end = read_unit(s, j + 1, dir, &gender, &genitive, out);
    if (end == 0 ||
        (has_article && !agrees(s->tok[k].norm, ending, gender, genitive)))
        return 0;
    return end;
}

/* "Vorjahr", "des Vorjahres", "im Vormonat", "der Vorwoche". */
static size_t read_previous(const scan *s, size_t k, when *out)
{
    static const char *const YEAR[] = {"vorjahr", "vorjahres"};
    static const char *const MONTH[] = {"vormonat", "vormonats"};
    size_t j = is_article(s, k) ? k + 1 : k;
    if (one_of(s, j, YEAR, N_OF(YEAR)))
        *out = (when){FG_LITERAL_YEAR, 1, s->dy - 1, 0, 0};
    else if (one_of(s, j, MONTH, N_OF(MONTH)))
        *out = month_from(s, -1);
    else if (is(s, j, "vorwoche"))
        *out = month_of_day(monday_of(s->dday) - 7 + 3, 1);
    else
        return 0;
    return j + 1;
}

/* "Anfang März 2025", "Ende 2025", "Mitte Juni", "Ende des Jahres",
 * "Anfang nächsten Monats", "Ende der vergangenen Woche": the part is
 * finer than the precision, so the value is that of what follows. */
static size_t read_part(const scan *s, size_t k, when *out)
{
    static const char *const PARTS[] = {"anfang", "beginn", "mitte",
                                        "ende"};
    if (!one_of(s, k, PARTS, N_OF(PARTS)) ||
        !(s->tok[k].flags & FG_TOKEN_CAPITALISED))
        return 0;
    long y = year_token(s, k + 1, CONTEXT_YEAR_MIN, CONTEXT_YEAR_MAX);
    if (y >= 0) {
        *out = (when){FG_LITERAL_YEAR, 0, y, 0, 0};
        return k + 2;
    }
    size_t end;
    if ((end = read_month(s, k + 1, 1, out)) != 0 ||
        (end = read_year_noun(s, k + 1, out)) != 0 ||
        (end = read_previous(s, k + 1, out)) != 0)
        return end;
    int gender, genitive;
    if (is(s, k + 1, "des") && (is(s, k + 2, "jahres") ||
                                is(s, k + 2, "monats")))
        return read_unit(s, k + 2, THIS, &gender, &genitive, out);
    if ((end = read_relative(s, k + 1, out)) != 0 &&
        out->type != FG_LITERAL_DATE)
        return end;
    return 0;
}

/* "Jahresende", "Jahresanfang 2026", "Monatsende", and the Austrian
 * "heuer" (this year). */
static size_t read_part_word(const scan *s, size_t k, when *out)
{
    static const char *const YEAR[] = {"jahresende", "jahresanfang",
                                       "jahresbeginn", "jahresmitte"};
    static const char *const MONTH[] = {"monatsende", "monatsanfang",
                                        "monatsbeginn", "monatsmitte"};
    if (one_of(s, k, YEAR, N_OF(YEAR))) {
        long y = year_token(s, k + 1, CONTEXT_YEAR_MIN, CONTEXT_YEAR_MAX);
        if (y >= 0) {
            *out = (when){FG_LITERAL_YEAR, 0, y, 0, 0};
            return k + 2;
        }
        *out = (when){FG_LITERAL_YEAR, 1, s->dy, 0, 0};
        return k + 1;
    }
    if (one_of(s, k, MONTH, N_OF(MONTH))) {
        *out = (when){FG_LITERAL_YEAR_MONTH, 1, s->dy, s->dm, 0};
        return k + 1;
    }
    if (is(s, k, "heuer")) {
        *out = (when){FG_LITERAL_YEAR, 1, s->dy, 0, 0};
        return k + 1;
    }
    return 0;
}

/* "heute", "gestern Abend", "morgen früh", "am heutigen Dienstag". */
static size_t read_day_word(const scan *s, size_t k, when *out)
{
    static const struct {
        const char *word;
        const char *adjective;
        int offset;
    } DAYS[] = {{"heute", "heutig", 0},       {"gestern", "gestrig", -1},
                {"vorgestern", "vorgestrig", -2}, {"morgen", "morgig", 1},
                {"übermorgen", "übermorgig", 2}};
    if (k >= s->n)
        return 0;
    const fg_token *t = &s->tok[k];
    for (size_t j = 0; j < N_OF(DAYS); j++) {
        int abbrev;
        if (inflected(t->norm, DAYS[j].adjective) &&
            strcmp(t->norm, DAYS[j].adjective) != 0 &&
            (is(s, k + 1, "tag") || weekday_token(s, k + 1, &abbrev) >= 0)) {
            *out = on_day(s->dday + DAYS[j].offset, 1);
            return k + 2;
        }
        if (strcmp(t->norm, DAYS[j].word) != 0)
            continue;
        /* "Morgen" is the noun, but where a sentence or a quotation
         * starts ("Morgen reist sie", „Morgen ...“, sagte er: Morgen). */
        if (DAYS[j].offset == 1 && (t->flags & FG_TOKEN_CAPITALISED) &&
            !(t->flags & FG_TOKEN_SENT_START) &&
            !(k > 0 && (s->tok[k - 1].flags & FG_TOKEN_PUNCT)))
            return 0;
        *out = on_day(s->dday + DAYS[j].offset, 1);
        return is_daytime(norm_at(s, k + 1)) ? k + 2 : k + 1;
    }
    return 0;
}

/* "Montag", "Montagabend", "Montag vergangener Woche", "Montag, 3. März
 * 2025", "Mo., 3.3.2025". */
static size_t read_weekday(const scan *s, size_t k, when *out)
{
    int abbrev;
    int wd = weekday_token(s, k, &abbrev);
    if (wd < 0)
        return 0;
    /* A date after it says which day it is. */
    size_t j = is(s, k + 1, ",") ? k + 2 : k + 1;
    if (is(s, j, "den") || is(s, j, "dem"))
        j++;
    size_t end;
    if ((end = read_day_month(s, j, out)) != 0 ||
        (end = read_numeric(s, j, out)) != 0 ||
        (end = read_iso(s, j, out)) != 0)
        return end;
    if (abbrev)
        return 0;
    /* "Montag (der) vergangener Woche": that day of that week. */
    int has_article = is_article(s, k + 1);
    j = has_article ? k + 2 : k + 1;
    const char *ending;
    int article_ok;
    int dir = direction(s, j, &ending, &article_ok);
    if (dir != NO_DIRECTION && is(s, j + 1, "woche") &&
        (!has_article ||
         (article_ok && agrees(s->tok[k + 1].norm, ending, FEMININE, 0)))) {
        *out = on_day(monday_of(s->dday) + 7 * dir + wd, 1);
        return j + 2;
    }
    /* Alone: the latest such day on or before the document date. */
    *out = on_day(s->dday - (weekday_of(s->dday) - wd + 7) % 7, 1);
    return k + 1;
}

/* "vor drei Tagen", "vor einer Woche", "vor zwei Jahren": "vor" is part
 * of it, since without it the words are a duration. */
static size_t read_ago(const scan *s, size_t k, when *out)
{
    static const struct {
        const char *word;
        long value;
    } NUMBERS[] = {{"ein", 1},    {"eine", 1},   {"einem", 1}, {"einer", 1},
                   {"zwei", 2},   {"drei", 3},   {"vier", 4},  {"fünf", 5},
                   {"sechs", 6},  {"sieben", 7}, {"acht", 8},  {"neun", 9},
                   {"zehn", 10},  {"elf", 11},   {"zwölf", 12}};
    if (!is(s, k, "vor") || k + 2 >= s->n)
        return 0;
    long count = -1;
    for (size_t j = 0; j < N_OF(NUMBERS); j++)
        if (is(s, k + 1, NUMBERS[j].word))
            count = NUMBERS[j].value;
    const char *w = norm_at(s, k + 1);
    if (count < 0 && strlen(w) >= 1 && strlen(w) <= 3)
        count = digits(w, strlen(w));
    if (count < 1 || count > AGO_MAX)
        return 0;
    const char *unit = norm_at(s, k + 2);
    int one = count == 1;
    if (strcmp(unit, one ? "tag" : "tagen") == 0)
        *out = on_day(s->dday - count, 1);
    else if (strcmp(unit, one ? "woche" : "wochen") == 0)
        *out = month_of_day(s->dday - 7 * count, 1);
    else if (strcmp(unit, one ? "monat" : "monaten") == 0)
        *out = month_from(s, -count);
    else if (strcmp(unit, one ? "jahr" : "jahren") == 0)
        *out = (when){FG_LITERAL_YEAR, 1, s->dy - count, 0, 0};
    else
        return 0;
    return k + 3;
}

/* ------------------------------------------------------------------ */
/* Entry                                                               */

/* The document date "YYYY-MM-DD" as a day number; 0 when it is not a
 * valid date. */
static int parse_doc_date(const char *s, long *y_out, int *m_out,
                          long *day_out)
{
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    long y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !valid_date(y, (int)m, (int)d))
        return 0;
    *y_out = y;
    *m_out = (int)m;
    *day_out = day_number(y, (int)m, (int)d);
    return 1;
}

/* Writes the canonical lexical form of w; 0 when its year is out of
 * range. */
static int write_value(const when *w, char value[11])
{
    if (w->y < 1 || w->y > 9999)
        return 0;
    static const char DIGITS[] = "0123456789";
    long y = w->y;
    for (int j = 3; j >= 0; j--) {
        value[j] = DIGITS[y % 10];
        y /= 10;
    }
    size_t len = 4;
    if (w->type != FG_LITERAL_YEAR) {
        value[4] = '-';
        value[5] = DIGITS[w->m / 10];
        value[6] = DIGITS[w->m % 10];
        len = 7;
    }
    if (w->type == FG_LITERAL_DATE) {
        value[7] = '-';
        value[8] = DIGITS[w->d / 10];
        value[9] = DIGITS[w->d % 10];
        len = 10;
    }
    value[len] = '\0';
    return 1;
}

int fg_timex_at(const fg_token *tok, size_t n, size_t i, const char *text,
                const char *doc_date, fg_timex *out)
{
    (void)text; /* the norms say all that is needed */
    if (tok == NULL || i >= n || out == NULL)
        return 0;
    scan s = {tok, n, 0, STAND_IN_YEAR, 1, 0};
    long dy;
    s.has_doc = parse_doc_date(doc_date, &dy, &s.dm, &s.dday);
    if (s.has_doc)
        s.dy = (int)dy;
    else
        s.dday = day_number(STAND_IN_YEAR, 1, 1);

    static size_t (*const READERS[])(const scan *, size_t, when *) = {
        read_iso,       read_numeric,  read_day_month, read_part,
        read_part_word, read_year_noun, read_season,   read_previous,
        read_relative,  read_day_word, read_weekday,   read_ago,
        read_month_alone, read_bare_year};
    when w;
    size_t end = 0;
    for (size_t r = 0; r < N_OF(READERS) && end == 0; r++)
        end = READERS[r](&s, i, &w);
    if (end == 0)
        return 0;
    assert(end > i && end <= n);

    memset(out, 0, sizeof *out);
    out->end = (uint32_t)end;
    out->relative = w.relative;
    out->type = w.type;
    if (w.relative && !s.has_doc)
        return 1; /* the text only; type tells the precision */
    if (!write_value(&w, out->value))
        return 0;
    out->resolved = 1;
    return 1;
}
