/* tokenise: see tokenise.h and doc/tokenising.md.
 *
 * Three passes over the document text:
 *   1. scan: tokens with their kind (word, number, punctuation, URL ...),
 *      deciding for each period whether it belongs to the word before it
 *      (abbreviation, initial, ordinal) or stands alone;
 *   2. sentences and paragraphs, from terminal punctuation, the case of
 *      the next token, blank lines and short lines (headlines);
 *   3. clauses, from commas and colons followed by a clause starter,
 *      colons followed by a capitalised word, semicolons, and the dash
 *      of a dateline.
 * Each pass is linear in the text. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "strmap.h"
#include "tokenise.h"
#include "utf8.h"

/* Word classes in words.txt. */
enum {
    WC_SUBORDINATOR = 1u << 0,
    WC_RELATIVE = 1u << 1,
    WC_PREPOSITION = 1u << 2,
    WC_INFINITIVE = 1u << 3,
    WC_MONTH = 1u << 4,
    WC_ORDINAL_DET = 1u << 5,
    WC_VERB_FINAL = 1u << 6,
    WC_OPENER = 1u << 7
};

static const struct {
    const char *name;
    unsigned bit;
} WORD_CLASSES[] = {
    {"subordinator", WC_SUBORDINATOR}, {"relative", WC_RELATIVE},
    {"preposition", WC_PREPOSITION},   {"infinitive", WC_INFINITIVE},
    {"month", WC_MONTH},               {"ordinal-determiner", WC_ORDINAL_DET},
    {"verb-final", WC_VERB_FINAL},     {"sentence-opener", WC_OPENER},
};

/* Abbreviation entries. */
enum { ABBR_PLAIN = 1u << 0, ABBR_FINAL = 1u << 1 };

/* A private token flag for pass 2: an abbreviation that may end a
 * sentence. Cleared before the tokens are handed out. */
#define TK_FINAL (1u << 31)

/* The longest abbreviation looked up, in bytes, and the most parts of a
 * multi-part one ("i. d. R."). */
#define MAX_ABBREV_BYTES 40
#define MAX_ABBREV_PARTS 3
/* Lines shorter than this many words that end without punctuation end
 * their sentence at the line break (headlines, datelines). */
#define HEADLINE_WORDS 12
/* A data file line longer than this is an error. */
#define MAX_DATA_LINE 4096

struct fg_tokeniser {
    fg_strmap abbrevs; /* form -> ABBR_* */
    fg_strmap words;   /* norm -> WC_* */
};

/* ------------------------------------------------------------------ */
/* Loading                                                             */

/* Calls fn for each non-empty, non-comment line of FILE, with the line
 * split at the first TAB. */
typedef int (*line_fn)(fg_tokeniser *tk, const char *path, unsigned long line,
                       const char *key, const char *value,
                       fg_diag_list *diags);

static int read_lines(fg_tokeniser *tk, const char *path, line_fn fn,
                      fg_digest *digest, fg_diag_list *diags)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return fg_diag_add(diags, FG_ERROR, FG_EIO, path, 0, 0, FG_NO_OFFSET,
                           "cannot open: %s", strerror(errno)) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    fg_digest_note_file(digest, path);
    int rc = 0, bad = 0;
    char line[MAX_DATA_LINE];
    unsigned long lineno = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        size_t len = strlen(line);
        fg_digest_update(digest, line, len);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, path, lineno, 0,
                             FG_NO_OFFSET, "line longer than %d bytes",
                             MAX_DATA_LINE - 2);
            bad = 1;
            break;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                       line[len - 1] == ' '))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        const char *value = "";
        if (tab) {
            *tab = '\0';
            value = tab + 1;
        }
        rc = fn(tk, path, lineno, line, value, diags);
        if (rc == FG_EDATA)
            bad = 1;
        else if (rc < 0)
            break;
    }
    if (rc >= 0 && ferror(fp))
        rc = fg_diag_add(diags, FG_ERROR, FG_EIO, path, 0, 0, FG_NO_OFFSET,
                         "read error: %s", strerror(errno));
    fclose(fp);
    if (rc == FG_ENOMEM)
        return rc;
    return bad || rc < 0 ? FG_EDATA : 0;
}

static int data_error(fg_diag_list *diags, const char *path,
                      unsigned long line, const char *what, const char *key)
{
    return fg_diag_add(diags, FG_ERROR, FG_EDATA, path, line, 0, FG_NO_OFFSET,
                       "%s: '%s'", what, key) < 0
               ? FG_ENOMEM
               : FG_EDATA;
}

static int valid_utf8(const char *s)
{
    size_t len = strlen(s), pos = 0;
    while (pos < len) {
        int valid;
        fg_utf8_next(s, len, &pos, &valid);
        if (!valid)
            return 0;
    }
    return 1;
}

static int add_abbrev(fg_tokeniser *tk, const char *path, unsigned long line,
                      const char *key, const char *value,
                      fg_diag_list *diags)
{
    size_t len = strlen(key);
    if (!valid_utf8(key))
        return data_error(diags, path, line, "invalid UTF-8", key);
    if (len < 2 || len > MAX_ABBREV_BYTES || key[len - 1] != '.' ||
        strstr(key, "  ") || key[0] == ' ')
        return data_error(diags, path, line,
                          "an abbreviation ends with '.', has single spaces "
                          "between parts and at most 40 bytes",
                          key);
    uint32_t flags = ABBR_PLAIN;
    if (strcmp(value, "final") == 0)
        flags |= ABBR_FINAL;
    else if (value[0])
        return data_error(diags, path, line, "unknown abbreviation flag",
                          value);
    if (fg_strmap_put(&tk->abbrevs, key, len, flags, 0) < 0)
        return FG_ENOMEM;
    if (strchr(key, ' ')) {
        /* "z. B." is also written "z.B.". */
        char joined[MAX_ABBREV_BYTES + 1];
        size_t n = 0;
        for (size_t i = 0; i < len; i++)
            if (key[i] != ' ')
                joined[n++] = key[i];
        if (fg_strmap_put(&tk->abbrevs, joined, n, flags, 0) < 0)
            return FG_ENOMEM;
    }
    return 0;
}

static int add_word(fg_tokeniser *tk, const char *path, unsigned long line,
                    const char *key, const char *value, fg_diag_list *diags)
{
    if (!valid_utf8(key) || strchr(key, ' '))
        return data_error(diags, path, line,
                          "a word is one token of valid UTF-8", key);
    unsigned bit = 0;
    for (size_t i = 0; i < sizeof WORD_CLASSES / sizeof *WORD_CLASSES; i++)
        if (strcmp(value, WORD_CLASSES[i].name) == 0)
            bit = WORD_CLASSES[i].bit;
    if (bit == 0)
        return data_error(diags, path, line, "unknown word class", value);
    /* Words are looked up by their norm. */
    utf8proc_uint8_t *norm = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        (const utf8proc_uint8_t *)key, 0,
        &norm, UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                   UTF8PROC_CASEFOLD);
    if (n < 0)
        return FG_ENOMEM;
    int rc = fg_strmap_put(&tk->words, (const char *)norm, (size_t)n, bit, 1);
    free(norm);
    return rc;
}

int fg_tokeniser_load(fg_tokeniser **out, const char *dir,
                      fg_digest *digest, fg_diag_list *diags)
{
    *out = NULL;
    fg_tokeniser *tk = fg_calloc(1, sizeof *tk);
    if (tk == NULL)
        return FG_ENOMEM;
    fg_strmap_init(&tk->abbrevs);
    fg_strmap_init(&tk->words);
    fg_buf path;
    fg_buf_init(&path, 4096);
    int rc = fg_buf_printf(&path, "%s/abbreviations.txt", dir);
    if (rc < 0)
        goto fail;
    int rc_abbr = read_lines(tk, path.data, add_abbrev, digest, diags);
    fg_buf_reset(&path);
    rc = fg_buf_printf(&path, "%s/words.txt", dir);
    if (rc < 0)
        goto fail;
    int rc_words = read_lines(tk, path.data, add_word, digest, diags);
    rc = rc_abbr == FG_ENOMEM || rc_words == FG_ENOMEM ? FG_ENOMEM
         : rc_abbr < 0 || rc_words < 0                  ? FG_EDATA
                                                        : 0;
    if (rc < 0)
        goto fail;
    fg_buf_clear(&path);
    *out = tk;
    return 0;
fail:
    fg_buf_clear(&path);
    fg_tokeniser_free(tk);
    return rc == FG_ELIMIT ? FG_EDATA : rc;
}

void fg_tokeniser_free(fg_tokeniser *tk)
{
    if (tk == NULL)
        return;
    fg_strmap_clear(&tk->abbrevs);
    fg_strmap_clear(&tk->words);
    fg_free(tk);
}

void fg_token_vec_clear(fg_token_vec *v)
{
    fg_free(v->items);
    fg_free(v->breaks);
    fg_free(v->parts);
    memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ */
/* Character classes                                                   */

static int is_line_break(int32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029 || cp == '\v' || cp == '\f';
}

static int is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || is_line_break(cp);
    if (cp == 0x200B || cp == 0xFEFF) /* zero width space, ZWNBSP */
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

static int is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static int is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

/* Starts or continues a word: letters, digits and combining marks, and
 * U+FFFD, which most often replaces a letter of a wrongly encoded word
 * ("Gr\xFC\xDFe"). */
static int is_word(int32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
               (cp >= '0' && cp <= '9');
    if (cp == FG_UTF8_REPLACEMENT)
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
           cat == UTF8PROC_CATEGORY_ND;
}

/* ASCII word characters: 1 for letters, 2 for digits, 0 otherwise. */
static const unsigned char ASCII_WORD[256] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2,
    ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* Format characters that may sit inside a word: soft hyphen, ZWNJ, ZWJ,
 * word joiner. */
static int is_word_format(int32_t cp)
{
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int is_dash(int32_t cp)
{
    return cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
           cp == 0x2212;
}

enum { Q_NONE, Q_OPEN, Q_CLOSE, Q_EITHER };

static int quote_kind(int32_t cp)
{
    switch (cp) {
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
        return Q_OPEN;
    case '"':
    case '\'':
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
        return Q_EITHER;
    default:
        return Q_NONE;
    }
}

/* ------------------------------------------------------------------ */
/* Pass 1: scanning                                                    */

typedef struct scan {
    const fg_tokeniser *tk;
    const char *s;
    size_t len;
    fg_token_vec *v;
    int breaks; /* line breaks before the next token */
    size_t limit; /* where scanning the current token stops: a little past
                     FG_MAX_TOKEN_BYTES, so that cutting a long token is
                     linear, not quadratic */
    fg_arena *arena;
    fg_norm_scratch *norm;
} scan;

static int32_t peek(const scan *sc, size_t pos)
{
    if (pos >= sc->len)
        return -1;
    return fg_utf8_decode(sc->s, sc->len, &pos);
}

/* The position after the code point at pos. */
static size_t next_pos(const scan *sc, size_t pos)
{
    fg_utf8_decode(sc->s, sc->len, &pos);
    return pos;
}

/* Skips whitespace from pos; *breaks_out counts line breaks (CRLF is
 * one; U+2029 counts as a blank line). */
static size_t skip_space(const scan *sc, size_t pos, int *breaks_out)
{
    int breaks = 0;
    /* The usual gap: one space before a letter or digit. */
    if (pos + 1 < sc->len && sc->s[pos] == ' ' &&
        (unsigned char)sc->s[pos + 1] > ' ' &&
        (unsigned char)sc->s[pos + 1] < 0x80) {
        if (breaks_out)
            *breaks_out = 0;
        return pos + 1;
    }
    while (pos < sc->len) {
        size_t at = pos;
        int32_t cp = fg_utf8_decode(sc->s, sc->len, &pos);
        if (!is_space(cp)) {
            pos = at;
            break;
        }
        if (cp == '\r' && pos < sc->len && sc->s[pos] == '\n')
            pos++;
        if (cp == 0x2029)
            breaks += 2;
        else if (is_line_break(cp))
            breaks++;
    }
    if (breaks_out)
        *breaks_out = breaks;
    return pos;
}

/* Shapes: X for uppercase, x for other letters, d for digits, marks
 * dropped, anything else kept; runs of X, x or d longer than
 * MAX_SHAPE_RUN cut. A shape is never longer than its token. */
#define MAX_SHAPE_RUN 4

typedef struct shape_writer {
    char *out;
    size_t n, run;
    char last;
} shape_writer;

static void shape_class(shape_writer *w, char k)
{
    w->run = k == w->last ? w->run + 1 : 1;
    w->last = k;
    if (w->run <= MAX_SHAPE_RUN)
        w->out[w->n++] = k;
}

static void shape_other(shape_writer *w, const char *s, size_t len)
{
    memcpy(w->out + w->n, s, len);
    w->n += len;
    w->last = 0;
}

static char *make_shape(const scan *sc, size_t start, size_t end)
{
    shape_writer w = {fg_arena_alloc(sc->arena, end - start + 1), 0, 0, 0};
    if (w.out == NULL)
        return NULL;
    size_t pos = start;
    while (pos < end) {
        size_t at = pos;
        int32_t cp = fg_utf8_decode(sc->s, end, &pos);
        if (is_upper(cp))
            shape_class(&w, 'X');
        else if (is_letter(cp))
            shape_class(&w, 'x');
        else if (is_digit(cp))
            shape_class(&w, 'd');
        else if (!is_mark(cp) && !is_word_format(cp))
            shape_other(&w, sc->s + at, pos - at);
    }
    w.out[w.n] = '\0';
    return w.out;
}

/* Norm and shape of an ASCII token in one pass, both in the arena.
 * Returns 1 when done, 0 when the token is not ASCII, or FG_ENOMEM. */
static int ascii_features(scan *sc, fg_token *t)
{
    /* For each ASCII byte: its shape class (X, x, d, or 0 for itself). */
    static const char SHAPE[128] = {
        ['0'] = 'd', ['1'] = 'd', ['2'] = 'd', ['3'] = 'd', ['4'] = 'd',
        ['5'] = 'd', ['6'] = 'd', ['7'] = 'd', ['8'] = 'd', ['9'] = 'd',
        ['A'] = 'X', ['B'] = 'X', ['C'] = 'X', ['D'] = 'X', ['E'] = 'X',
        ['F'] = 'X', ['G'] = 'X', ['H'] = 'X', ['I'] = 'X', ['J'] = 'X',
        ['K'] = 'X', ['L'] = 'X', ['M'] = 'X', ['N'] = 'X', ['O'] = 'X',
        ['P'] = 'X', ['Q'] = 'X', ['R'] = 'X', ['S'] = 'X', ['T'] = 'X',
        ['U'] = 'X', ['V'] = 'X', ['W'] = 'X', ['X'] = 'X', ['Y'] = 'X',
        ['Z'] = 'X', ['a'] = 'x', ['b'] = 'x', ['c'] = 'x', ['d'] = 'x',
        ['e'] = 'x', ['f'] = 'x', ['g'] = 'x', ['h'] = 'x', ['i'] = 'x',
        ['j'] = 'x', ['k'] = 'x', ['l'] = 'x', ['m'] = 'x', ['n'] = 'x',
        ['o'] = 'x', ['p'] = 'x', ['q'] = 'x', ['r'] = 'x', ['s'] = 'x',
        ['t'] = 'x', ['u'] = 'x', ['v'] = 'x', ['w'] = 'x', ['x'] = 'x',
        ['y'] = 'x', ['z'] = 'x',
    };
    /* The shapes of the commonest words, "Healey" and "traf". */
    static const char *const CAPITALISED[] = {"X", "Xx", "Xxx", "Xxxx",
                                              "Xxxxx"};
    static const char *const LOWERCASE[] = {"x", "xx", "xxx", "xxxx"};
    const unsigned char *src = (const unsigned char *)sc->s + t->start;
    size_t len = t->end - t->start;
    char *norm = fg_arena_alloc(sc->arena, 2 * len + 2);
    if (norm == NULL)
        return FG_ENOMEM;
    if (src[0] >= 0x80)
        return 0;
    norm[0] = (char)(SHAPE[src[0]] == 'X' ? src[0] + 32 : src[0]);
    unsigned not_lower = 0; /* after the first: anything but a-z */
    for (size_t i = 1; i < len; i++) {
        unsigned char c = src[i];
        if (c >= 0x80)
            return 0; /* the arena keeps the bytes until the next reset */
        char k = SHAPE[c];
        norm[i] = (char)(k == 'X' ? c + 32 : c);
        not_lower |= (unsigned)(k ^ 'x');
    }
    int tail_lower = not_lower == 0;
    norm[len] = '\0';
    t->norm = norm;
    t->norm_len = (uint32_t)len;
    char first = SHAPE[src[0]];
    size_t tail = len - 1 < MAX_SHAPE_RUN ? len - 1 : MAX_SHAPE_RUN;
    if (tail_lower && first == 'X') {
        t->shape = CAPITALISED[tail];
    } else if (tail_lower && first == 'x') {
        t->shape = LOWERCASE[len - 1 < MAX_SHAPE_RUN - 1 ? len - 1
                                                          : MAX_SHAPE_RUN - 1];
    } else {
        shape_writer w = {norm + len + 1, 0, 0, 0};
        for (size_t i = 0; i < len; i++) {
            if (SHAPE[src[i]])
                shape_class(&w, SHAPE[src[i]]);
            else
                shape_other(&w, (const char *)src + i, 1);
        }
        w.out[w.n] = '\0';
        t->shape = w.out;
    }
    return 1;
}

/* Appends the token [start, end) with flags. */
static int emit(scan *sc, size_t start, size_t end, uint32_t flags)
{
    fg_token_vec *v = sc->v;
    if (v->n == v->cap &&
        fg_grow((void **)&v->items, &v->cap, v->n + 1, sizeof *v->items) < 0)
        return FG_ENOMEM;
    if (v->n == v->breaks_cap &&
        fg_grow((void **)&v->breaks, &v->breaks_cap, v->n + 1,
                sizeof *v->breaks) < 0)
        return FG_ENOMEM;
    v->breaks[v->n] = (unsigned char)(sc->breaks > 2 ? 2 : sc->breaks);
    sc->breaks = 0;
    fg_token *t = &v->items[v->n];
    memset(t, 0, sizeof *t);
    t->start = start;
    t->end = end;
    unsigned char first = (unsigned char)sc->s[start];
    if (first < 0x80 ? (first >= 'A' && first <= 'Z')
                     : is_upper(peek(sc, start)))
        flags |= FG_TOKEN_CAPITALISED;
    if (v->n_parts > 1) {
        flags |= FG_TOKEN_HYPHENATED;
        fg_span *parts = fg_arena_alloc(sc->arena, v->n_parts * sizeof *parts);
        if (parts == NULL)
            return FG_ENOMEM;
        memcpy(parts, v->parts, v->n_parts * sizeof *parts);
        t->parts = parts;
        t->n_parts = (uint32_t)v->n_parts;
    }
    v->n_parts = 0;
    t->flags = flags;
    int ascii = ascii_features(sc, t);
    if (ascii < 0)
        return FG_ENOMEM;
    size_t len;
    if (!ascii) {
        if (fg_text_norm(sc->s + start, end - start, sc->norm, sc->arena,
                         &t->norm, &len) < 0)
            return FG_ENOMEM;
        t->norm_len = (uint32_t)len;
        if ((t->shape = make_shape(sc, start, end)) == NULL)
            return FG_ENOMEM;
    }
    v->n++;
    return 0;
}

static int add_part(scan *sc, size_t start, size_t end)
{
    fg_token_vec *v = sc->v;
    if (fg_grow((void **)&v->parts, &v->parts_cap, v->n_parts + 1,
                sizeof *v->parts) < 0)
        return FG_ENOMEM;
    v->parts[v->n_parts++] = (fg_span){start, end};
    return 0;
}

static int starts_with_ci(const scan *sc, size_t pos, const char *prefix)
{
    size_t n = strlen(prefix);
    if (sc->len - pos < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = sc->s[pos + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != prefix[i])
            return 0;
    }
    return 1;
}

/* Characters that end a URL or e-mail address when they come last. */
static int url_trailer(int32_t cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' ||
           cp == '?' || cp == ')' || cp == ']' || cp == '}' || cp == '>' ||
           cp == '-' || quote_kind(cp) != Q_NONE;
}

/* The end of the token at pos, cut back so that it holds at most
 * FG_MAX_TOKEN_BYTES and ends on a code point boundary. */
static size_t cap_end(const scan *sc, size_t pos, size_t end, int *cut)
{
    *cut = 0;
    if (end - pos <= FG_MAX_TOKEN_BYTES)
        return end;
    size_t e = pos + FG_MAX_TOKEN_BYTES;
    while (e > pos && ((unsigned char)sc->s[e] & 0xC0) == 0x80)
        e--;
    *cut = 1;
    return e;
}

/* A URL at pos: from http://, https:// or www. to the next space, less
 * trailing punctuation (a closing parenthesis stays when the URL opened
 * one). Returns its end, or pos. */
static size_t scan_url(const scan *sc, size_t pos)
{
    if (sc->len - pos < 4)
        return pos;
    char c = (char)(sc->s[pos] | 0x20), c2 = (char)(sc->s[pos + 1] | 0x20);
    if (!(c == 'h' && c2 == 't') && !(c == 'w' && c2 == 'w'))
        return pos;
    if (!starts_with_ci(sc, pos, "http://") &&
        !starts_with_ci(sc, pos, "https://") &&
        !starts_with_ci(sc, pos, "www."))
        return pos;
    size_t end = pos;
    int open = 0;
    while (end < sc->limit) {
        size_t at = end;
        int32_t cp = fg_utf8_decode(sc->s, sc->len, &end);
        if (is_space(cp)) {
            end = at;
            break;
        }
        open += cp == '(';
        open -= cp == ')' && open > 0;
    }
    for (;;) {
        size_t start;
        int32_t cp = fg_utf8_prev(sc->s, end, &start);
        if (start <= pos + 4 || !url_trailer(cp) || (cp == ')' && open == 0 &&
                                                      memchr(sc->s + pos, '(',
                                                             start - pos)))
            break;
        end = start;
    }
    return end;
}

static int email_local(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}

/* An e-mail address at pos (ASCII local part and domain with a dot).
 * Returns its end, or pos. */
static size_t scan_email(const scan *sc, size_t pos)
{
    size_t p = pos;
    while (p < sc->len && p - pos < 64 && email_local((unsigned char)sc->s[p]))
        p++;
    if (p == pos || p >= sc->len || sc->s[p] != '@')
        return pos;
    size_t d = ++p;
    int dot = 0;
    while (p < sc->len && p - d < 255) {
        char c = sc->s[p];
        if (c == '.')
            dot = 1;
        else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
                 !(c >= '0' && c <= '9') && c != '-')
            break;
        p++;
    }
    while (p > d && (sc->s[p - 1] == '.' || sc->s[p - 1] == '-'))
        p--;
    if (!dot || p == d || memchr(sc->s + d, '.', p - d) == NULL)
        return pos;
    return p;
}

/* A number at pos: digits, and groups of digits after a single '.', ','
 * or ':' (73.000, 1,5, 14:30, 24.02.2022). Returns its end. */
static size_t scan_number(const scan *sc, size_t pos)
{
    size_t p = pos;
    for (;;) {
        while (p < sc->limit && sc->s[p] >= '0' && sc->s[p] <= '9')
            p++;
        if (p + 1 < sc->limit &&
            (sc->s[p] == '.' || sc->s[p] == ',' || sc->s[p] == ':') &&
            sc->s[p + 1] >= '0' && sc->s[p + 1] <= '9')
            p++;
        else
            return p;
    }
}

/* A word at pos: letters, digits and marks, with hyphens and apostrophes
 * inside, and the hyphen of a truncated compound at the end ("Ein- und
 * Ausfuhr"). Records the parts between hyphens. Returns its end. */
static int scan_word(scan *sc, size_t pos, size_t *end_out)
{
    size_t p = pos, part = pos;
    int letters = 0;
    for (;;) {
        /* Most of the text: ASCII letters and digits. */
        const unsigned char *u = (const unsigned char *)sc->s;
        unsigned cls;
        while (p < sc->limit && (cls = ASCII_WORD[u[p]]) != 0) {
            letters |= cls & 1;
            p++;
        }
        size_t at = p;
        int32_t cp = p < sc->limit ? fg_utf8_decode(sc->s, sc->len, &p) : -1;
        if (cp >= 0 && (is_word(cp) || is_word_format(cp))) {
            letters |= is_letter(cp);
            continue;
        }
        int32_t next = peek(sc, p);
        if (cp == '-' && next >= 0 && is_word(next)) {
            if (add_part(sc, part, at) < 0)
                return FG_ENOMEM;
            part = p;
            continue;
        }
        if (is_apostrophe(cp) && next >= 0 && is_letter(next) && letters &&
            at > pos) {
            size_t ps;
            if (is_letter(fg_utf8_prev(sc->s, at, &ps)))
                continue;
        }
        if (cp == '-' && letters &&
            (next < 0 || is_space(next) || next == ',')) {
            /* A truncated compound keeps its hyphen. */
            if (sc->v->n_parts && add_part(sc, part, at) < 0)
                return FG_ENOMEM;
            *end_out = p;
            return 0;
        }
        if (sc->v->n_parts && add_part(sc, part, at) < 0)
            return FG_ENOMEM;
        *end_out = at;
        return 0;
    }
}

/* The next word after the whitespace at pos, within the paragraph:
 * its start and end (letters only), or 0 when there is none. */
static int next_word(const scan *sc, size_t pos, size_t *start_out,
                     size_t *end_out)
{
    int breaks;
    size_t p = skip_space(sc, pos, &breaks);
    if (breaks >= 2 || p >= sc->len)
        return 0;
    size_t e = p;
    while (e < sc->len) {
        size_t at = e;
        int32_t cp = fg_utf8_decode(sc->s, sc->len, &e);
        if (!is_letter(cp) && !is_mark(cp)) {
            e = at;
            break;
        }
    }
    *start_out = p;
    *end_out = e;
    return e > p;
}

static int word_class(const scan *sc, const char *s, size_t len,
                      unsigned cls)
{
    const char *norm;
    size_t nlen;
    uint32_t v;
    if (fg_text_norm(s, len, sc->norm, sc->arena, &norm, &nlen) < 0)
        return 0; /* only a lookup: treat as unknown */
    return fg_strmap_find(&sc->tk->words, norm, nlen, &v) && (v & cls);
}

/* Looks up s[0..len) as an abbreviation, also with its first letter
 * lowercased (at the start of a sentence). Returns its ABBR_* flags or 0. */
static uint32_t find_abbrev(const scan *sc, const char *s, size_t len)
{
    uint32_t v;
    if (fg_strmap_find(&sc->tk->abbrevs, s, len, &v))
        return v;
    if (len <= MAX_ABBREV_BYTES && s[0] >= 'A' && s[0] <= 'Z') {
        char low[MAX_ABBREV_BYTES];
        memcpy(low, s, len);
        low[0] = (char)(low[0] + 32);
        if (fg_strmap_find(&sc->tk->abbrevs, low, len, &v))
            return v;
    }
    return 0;
}

/* A multi-part abbreviation ("z. B.", "i. d. R.") whose first part is
 * [pos, first_end) with first_end just after its period. Fills the part
 * ends and returns the number of parts (0: none). */
static int scan_multi_abbrev(const scan *sc, size_t pos, size_t first_end,
                             size_t *part_start, size_t *part_end,
                             uint32_t *flags)
{
    char key[MAX_ABBREV_BYTES + 1];
    size_t klen = first_end - pos;
    if (klen > 6)
        return 0;
    memcpy(key, sc->s + pos, klen);
    part_start[0] = pos;
    part_end[0] = first_end;
    int found = 0;
    size_t p = first_end;
    for (int n = 1; n < MAX_ABBREV_PARTS; n++) {
        int breaks;
        size_t ws = skip_space(sc, p, &breaks);
        if (ws == p || breaks >= 2 || ws >= sc->len)
            break;
        size_t e = ws;
        while (e < sc->len && e - ws < 6) {
            size_t at = e;
            int32_t cp = fg_utf8_decode(sc->s, sc->len, &e);
            if (!is_letter(cp)) {
                e = at;
                break;
            }
        }
        if (e == ws || e >= sc->len || sc->s[e] != '.')
            break;
        e++;
        if (klen + 1 + (e - ws) > MAX_ABBREV_BYTES)
            break;
        key[klen++] = ' ';
        memcpy(key + klen, sc->s + ws, e - ws);
        klen += e - ws;
        part_start[n] = ws;
        part_end[n] = e;
        uint32_t v = find_abbrev(sc, key, klen);
        if (v) {
            found = n + 1;
            *flags = v;
        }
        p = e;
    }
    return found;
}

/* An abbreviation written without spaces starting at pos ("Dr.",
 * "z.B.", "Brig.-Gen."): the longest entry that matches a prefix of the
 * letters, digits, hyphens and periods there, ending with a period.
 * Returns its end, or pos. */
static size_t scan_abbrev(const scan *sc, size_t pos, uint32_t *flags)
{
    size_t e = pos;
    while (e < sc->len && e - pos < MAX_ABBREV_BYTES) {
        size_t at = e;
        int32_t cp = fg_utf8_decode(sc->s, sc->len, &e);
        if (!is_word(cp) && cp != '.' && cp != '-') {
            e = at;
            break;
        }
    }
    for (size_t q = e; q > pos; q--) {
        if (sc->s[q - 1] != '.')
            continue;
        if (q < sc->len && sc->s[q] == '.')
            continue; /* "usw..." keeps its ellipsis */
        uint32_t v = find_abbrev(sc, sc->s + pos, q - pos);
        if (v) {
            *flags = v;
            return q;
        }
    }
    return pos;
}

/* Whether s[0 .. len) is a Roman numeral of two or more letters, up to
 * LXXXIX: "II", "XIV" (one letter is an initial). */
static int roman_numeral(const char *s, size_t len)
{
    size_t i = 0;
    if (i < len && s[i] == 'L')
        i++;
    for (int k = 0; k < 3 && i < len && s[i] == 'X'; k++)
        i++;
    if (i + 1 < len && s[i] == 'I' && (s[i + 1] == 'X' || s[i + 1] == 'V')) {
        i += 2;
    } else {
        if (i < len && s[i] == 'V')
            i++;
        for (int k = 0; k < 3 && i < len && s[i] == 'I'; k++)
            i++;
    }
    return len >= 2 && i == len;
}

/* Whether the word [pos, end), followed by a period and the capitalised
 * word [ws, we), is a regnal number that keeps its period ("Papst Leo
 * XIV. Anfang Mai", "König Charles III. Ende Mai"): a Roman numeral after
 * a capitalised word, where the next word is no word that opens a
 * sentence (an article, pronoun, preposition, conjunction or sentence
 * adverb: "... sagte Papst Leo XIV. Er ...", "Kapitel IV. Die ..."). */
static int regnal_number(const scan *sc, size_t pos, size_t end, size_t ws,
                         size_t we)
{
    const fg_token_vec *v = sc->v;
    const fg_token *prev = v->n ? &v->items[v->n - 1] : NULL;
    return roman_numeral(sc->s + pos, end - pos) && prev &&
           (prev->flags & FG_TOKEN_WORD) &&
           (prev->flags & FG_TOKEN_CAPITALISED) &&
           !word_class(sc, sc->s + ws, we - ws,
                       WC_OPENER | WC_ORDINAL_DET | WC_RELATIVE |
                           WC_SUBORDINATOR | WC_PREPOSITION | WC_INFINITIVE);
}

/* Decides whether the period right after the word [pos, end) belongs to
 * it, and emits the word (or words, for a multi-part abbreviation).
 * kind is the word's FG_TOKEN_WORD or FG_TOKEN_NUMBER. Returns the
 * position after what was emitted. */
static int emit_word(scan *sc, size_t pos, size_t end, uint32_t kind,
                     size_t *next_out)
{
    const char *s = sc->s;
    int rc;
    int period = end < sc->len && s[end] == '.' &&
                 !(end + 1 < sc->len && s[end + 1] == '.');
    uint32_t aflags = 0;

    if (kind == FG_TOKEN_WORD && sc->v->n_parts == 0) {
        /* Abbreviations: multi-part first, then written as one. */
        size_t ps[MAX_ABBREV_PARTS], pe[MAX_ABBREV_PARTS];
        int parts = period ? scan_multi_abbrev(sc, pos, end + 1, ps, pe,
                                               &aflags)
                           : 0;
        if (parts) {
            uint32_t f = FG_TOKEN_WORD | FG_TOKEN_ABBREV;
            for (int i = 0; i < parts; i++) {
                uint32_t last = i == parts - 1 && (aflags & ABBR_FINAL)
                                    ? TK_FINAL
                                    : 0;
                if ((rc = emit(sc, ps[i], pe[i], f | last)) < 0)
                    return rc;
            }
            *next_out = pe[parts - 1];
            return 0;
        }
        size_t ae = period ? scan_abbrev(sc, pos, &aflags) : pos;
        if (ae > pos && ae >= end) {
            sc->v->n_parts = 0; /* "Brig.-Gen." is no compound */
            *next_out = ae;
            return emit(sc, pos, ae,
                        FG_TOKEN_WORD | FG_TOKEN_ABBREV |
                            ((aflags & ABBR_FINAL) ? TK_FINAL : 0));
        }
    }
    if (!period) {
        *next_out = end;
        return emit(sc, pos, end, kind);
    }

    int32_t first = peek(sc, pos);
    size_t ws = 0, we = 0;
    int has_next = next_word(sc, end + 1, &ws, &we);
    int32_t next_cp = has_next ? peek(sc, ws) : -1;
    int attach = 0;
    uint32_t extra = 0;

    if (kind == FG_TOKEN_WORD && next_pos(sc, pos) == end && is_upper(first)) {
        attach = 1; /* an initial: J. Healey */
        extra = FG_TOKEN_ABBREV | FG_TOKEN_INITIAL;
    } else if (kind == FG_TOKEN_NUMBER) {
        /* An ordinal: "der 2. Weltkrieg", "am 3. Oktober", "24. und". */
        size_t digits = 0, dots = 0;
        for (size_t i = pos; i < end; i++) {
            digits += s[i] >= '0' && s[i] <= '9';
            dots += s[i] == '.';
        }
        int short_num = (dots == 0 && digits <= 3) ||
                        (dots == 1 && end - pos <= 5 && digits <= 4);
        if (short_num && has_next) {
            fg_token_vec *v = sc->v;
            const fg_token *prev = v->n ? &v->items[v->n - 1] : NULL;
            uint32_t wc = 0;
            int prev_det =
                prev && fg_strmap_find(&sc->tk->words, prev->norm,
                                       prev->norm_len, &wc) &&
                (wc & WC_ORDINAL_DET);
            if (is_lower(next_cp) ||
                word_class(sc, s + ws, we - ws, WC_MONTH) ||
                (prev_det && is_upper(next_cp)))
                attach = 1;
        }
        extra = attach ? FG_TOKEN_ORDINAL : 0;
    } else if (has_next && is_lower(next_cp)) {
        attach = 1; /* an unknown abbreviation: "die sog. harte Linie" */
        extra = FG_TOKEN_ABBREV;
    } else if (kind == FG_TOKEN_WORD && has_next && is_upper(next_cp) &&
               regnal_number(sc, pos, end, ws, we)) {
        attach = 1;
        extra = FG_TOKEN_ABBREV;
    }
    if (attach) {
        *next_out = end + 1;
        return emit(sc, pos, end + 1, kind | extra);
    }
    *next_out = end;
    return emit(sc, pos, end, kind);
}

/* Words whose first letters fell out for an apostrophe: "'s" (es,
 * das), "'n", "'ne", "'nem", "'nen", "'ner" (ein, eine, ...). */
static const char *const ELISIONS[] = {"s", "n", "ne", "nem", "nen", "ner",
                                       NULL};

/* The end of an elided word whose apostrophe is at pos, the next code
 * point at after: "'ne Villa", "gibt 's"; else pos. Such an apostrophe
 * opens no quote. */
static size_t scan_elision(const scan *sc, size_t pos, size_t after)
{
    for (const char *const *e = ELISIONS; *e; e++) {
        size_t n = strlen(*e);
        if (sc->len - after < n || memcmp(sc->s + after, *e, n) != 0)
            continue;
        int32_t next = peek(sc, after + n);
        if (next < 0 || !(is_word(next) || is_apostrophe(next) ||
                          quote_kind(next) != Q_NONE))
            return after + n;
    }
    return pos;
}

static int scan_tokens(scan *sc)
{
    size_t pos = 0;
    int rc;
    while (pos < sc->len) {
        int breaks;
        pos = skip_space(sc, pos, &breaks);
        sc->breaks += breaks;
        if (pos >= sc->len)
            break;
        size_t at = pos;
        int32_t cp = fg_utf8_decode(sc->s, sc->len, &pos);
        size_t end;
        int cut;
        sc->limit = sc->len - at > FG_MAX_TOKEN_BYTES + 1
                        ? at + FG_MAX_TOKEN_BYTES + 1
                        : sc->len;

        if ((end = scan_url(sc, at)) > at) {
            size_t e = cap_end(sc, at, end, &cut);
            rc = emit(sc, at, e, FG_TOKEN_URL | (cut ? FG_TOKEN_CUT : 0));
            pos = e;
        } else if (is_apostrophe(cp) &&
                   (end = scan_elision(sc, at, pos)) > at) {
            rc = emit(sc, at, end, FG_TOKEN_WORD);
            pos = end;
        } else if (is_word(cp)) {
            uint32_t kind = FG_TOKEN_WORD;
            end = at;
            if (is_digit(cp)) {
                end = scan_number(sc, at);
                int32_t after = peek(sc, end);
                if (after >= 0 && (is_word(after) || after == '-' ||
                                   is_word_format(after)))
                    end = at; /* 1990er, 30-jährige: a word */
                else
                    kind = FG_TOKEN_NUMBER;
            }
            if (end == at && (rc = scan_word(sc, at, &end)) < 0)
                return rc;
            /* An e-mail address continues a word with @ or . _ % + - */
            char after = end < sc->len ? sc->s[end] : ' ';
            size_t mail = after == '@' || after == '.' || after == '_' ||
                                  after == '%' || after == '+' || after == '-'
                              ? scan_email(sc, at)
                              : at;
            size_t e = cap_end(sc, at, end, &cut);
            if (mail > end) {
                sc->v->n_parts = 0;
                rc = emit(sc, at, mail, FG_TOKEN_EMAIL);
                pos = mail;
            } else if (cut) {
                sc->v->n_parts = 0;
                rc = emit(sc, at, e, kind | FG_TOKEN_CUT);
                pos = e;
            } else {
                rc = emit_word(sc, at, end, kind, &pos);
            }
        } else if (cp == '.' && pos + 1 < sc->len && sc->s[pos] == '.' &&
                   sc->s[pos + 1] == '.') {
            while (pos < sc->len && sc->s[pos] == '.')
                pos++;
            rc = emit(sc, at, pos, FG_TOKEN_PUNCT);
        } else if (is_dash(cp) || (cp == '-')) {
            rc = emit(sc, at, pos, FG_TOKEN_PUNCT | FG_TOKEN_DASH);
        } else {
            uint32_t f = FG_TOKEN_PUNCT;
            if (cp == '(' || cp == '[' || cp == '{')
                f |= FG_TOKEN_BRACKET_OPEN;
            else if (cp == ')' || cp == ']' || cp == '}')
                f |= FG_TOKEN_BRACKET_CLOSE;
            rc = emit(sc, at, pos, f);
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Pass 2: quotes, sentences and paragraphs                            */

static int32_t first_cp(const fg_text *t, const fg_token *tok)
{
    size_t p = tok->start;
    return fg_utf8_decode(t->data, tok->end, &p);
}

/* Whether tok is the single punctuation character cp. */
static int is_punct(const fg_text *t, const fg_token *tok, int32_t cp)
{
    if (!(tok->flags & FG_TOKEN_PUNCT))
        return 0;
    size_t p = tok->start;
    return fg_utf8_decode(t->data, tok->end, &p) == cp && p == tok->end;
}

/* . ! ? and the ellipsis. */
static int is_terminal(const fg_text *t, const fg_token *tok)
{
    if (!(tok->flags & FG_TOKEN_PUNCT))
        return 0;
    int32_t cp = first_cp(t, tok);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Whether a line ending with tok has final punctuation. */
static int ends_line(const fg_text *t, const fg_token *tok)
{
    if (tok->flags & (FG_TOKEN_ABBREV | FG_TOKEN_ORDINAL))
        return 1;
    if (!(tok->flags & FG_TOKEN_PUNCT))
        return 0;
    int32_t cp = first_cp(t, tok);
    return is_terminal(t, tok) || cp == ':' || cp == ';' || cp == ',';
}

/* Line breaks in the whitespace before token i (at most 2). */
static int breaks_before(const scan *sc, size_t i)
{
    return sc->v->breaks[i];
}

static int attached(const fg_token *a, const fg_token *b)
{
    return a->end == b->start;
}

/* Single quotes that are also apostrophes: ' ‘ ’ ‚ ‹ ›. */
static int single_quote(int32_t cp)
{
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A ||
           cp == 0x2039 || cp == 0x203A;
}

/* Open quotes that pair_single_quotes keeps track of at once. */
#define MAX_QUOTE_DEPTH 16

/* A single quote is a quote only when it pairs with another inside the
 * quotes around it ("die 'taz'", „Das ist ‚inakzeptabel‘“): an
 * apostrophe at the edge of a word is none ("Singin' in the Rain",
 * "Jones' Haus"). Double quotes keep their flags, paired or not. */
static void pair_single_quotes(const fg_text *t, fg_token *tok, size_t n)
{
    size_t open[MAX_QUOTE_DEPTH];
    size_t depth = 0;
    const uint32_t Q = FG_TOKEN_QUOTE_OPEN | FG_TOKEN_QUOTE_CLOSE;
    for (size_t i = 0; i < n; i++) {
        if (!(tok[i].flags & Q))
            continue;
        int single = single_quote(first_cp(t, &tok[i]));
        if (tok[i].flags & FG_TOKEN_QUOTE_OPEN) {
            if (depth == MAX_QUOTE_DEPTH) {
                /* too deep: the oldest is left as it is */
                memmove(open, open + 1, (depth - 1) * sizeof *open);
                depth--;
            }
            open[depth++] = i;
            continue;
        }
        /* A close: the nearest open of its kind, inside no other. */
        size_t k = depth;
        while (k > 0 &&
               single_quote(first_cp(t, &tok[open[k - 1]])) != single)
            k--;
        if (k == 0 || (single && k != depth)) {
            if (single)
                tok[i].flags &= ~Q;
            continue;
        }
        /* Single opens inside the double quotes closed here pair with
         * nothing. */
        for (size_t j = k; j < depth; j++)
            if (single_quote(first_cp(t, &tok[open[j]])))
                tok[open[j]].flags &= ~Q;
        depth = k - 1;
    }
    for (size_t j = 0; j < depth; j++)
        if (single_quote(first_cp(t, &tok[open[j]])))
            tok[open[j]].flags &= ~Q;
}

/* Opening or closing, for quotes that look the same either way, from
 * what they are attached to. */
static void mark_quotes(const fg_text *t, fg_token *tok, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!(tok[i].flags & FG_TOKEN_PUNCT))
            continue;
        int kind = quote_kind(first_cp(t, &tok[i]));
        if (kind == Q_NONE)
            continue;
        if (kind == Q_EITHER) {
            int left = i > 0 && attached(&tok[i - 1], &tok[i]);
            int right = i + 1 < n && attached(&tok[i], &tok[i + 1]);
            if (left && right) {
                /* „Nein!“, or :„Ja */
                const fg_token *p = &tok[i - 1];
                int after_text = !(p->flags & FG_TOKEN_PUNCT) ||
                                 is_terminal(t, p) ||
                                 (p->flags & (FG_TOKEN_QUOTE_CLOSE |
                                              FG_TOKEN_BRACKET_CLOSE));
                kind = after_text ? Q_CLOSE : Q_OPEN;
            } else if (left) {
                kind = Q_CLOSE;
            } else {
                kind = Q_OPEN;
            }
        }
        tok[i].flags |= kind == Q_OPEN ? FG_TOKEN_QUOTE_OPEN
                                       : FG_TOKEN_QUOTE_CLOSE;
    }
    pair_single_quotes(t, tok, n);
}

/* Whether token j can start a sentence after terminal punctuation. */
static int can_start(const fg_text *t, const fg_token *tok)
{
    if (tok->flags & (FG_TOKEN_QUOTE_OPEN | FG_TOKEN_BRACKET_OPEN))
        return 1;
    if (tok->flags & (FG_TOKEN_NUMBER | FG_TOKEN_ORDINAL))
        return 1;
    int32_t cp = first_cp(t, tok);
    return is_upper(cp) || is_digit(cp);
}

typedef struct splitter {
    size_t sentence, paragraph, sent_tokens, forced;
    size_t forced_at; /* byte offset of the first forced split */
} splitter;

static void start_sentence(splitter *sp, fg_token *tok, int new_paragraph)
{
    sp->sentence++;
    sp->sent_tokens = 0;
    if (new_paragraph)
        sp->paragraph++;
    tok->flags |= FG_TOKEN_SENT_START | FG_TOKEN_CLAUSE_START;
    if (new_paragraph)
        tok->flags |= FG_TOKEN_PARA_START;
}

static void split_sentences(scan *sc, const fg_text *t, splitter *sp)
{
    fg_token *tok = sc->v->items;
    size_t n = sc->v->n;
    if (n == 0)
        return;
    tok[0].flags |=
        FG_TOKEN_SENT_START | FG_TOKEN_CLAUSE_START | FG_TOKEN_PARA_START;
    size_t line_words = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !(tok[i].flags & FG_TOKEN_SENT_START)) {
            int breaks = breaks_before(sc, i);
            if (breaks >= 2) {
                start_sentence(sp, &tok[i], 1);
            } else if (breaks == 1 && line_words < HEADLINE_WORDS &&
                       !ends_line(t, &tok[i - 1]) &&
                       !((tok[i - 1].flags & FG_TOKEN_QUOTE_CLOSE) && i > 1 &&
                         ends_line(t, &tok[i - 2]))) {
                start_sentence(sp, &tok[i], 0);
            } else if (sp->sent_tokens >= FG_MAX_SENTENCE_TOKENS) {
                if (sp->forced++ == 0)
                    sp->forced_at = tok[i].start;
                start_sentence(sp, &tok[i], 0);
            }
            if (breaks >= 1)
                line_words = 0;
        }
        tok[i].sentence = (uint32_t)sp->sentence;
        tok[i].paragraph = (uint32_t)sp->paragraph;
        sp->sent_tokens++;
        if (tok[i].flags & (FG_TOKEN_WORD | FG_TOKEN_NUMBER))
            line_words++;

        /* Terminal punctuation, with the closing quotes and brackets
         * attached to it, ends the sentence if what follows can start
         * one. */
        int terminal = is_terminal(t, &tok[i]);
        int final_abbrev = (tok[i].flags & TK_FINAL) != 0;
        if (!terminal && !final_abbrev)
            continue;
        size_t j = i + 1;
        while (j < n && attached(&tok[j - 1], &tok[j]) &&
               (tok[j].flags & (FG_TOKEN_QUOTE_CLOSE | FG_TOKEN_BRACKET_CLOSE)))
            j++;
        if (j >= n) { /* the end of the text, after closing quotes */
            if (terminal)
                tok[i].flags |= FG_TOKEN_SENT_FINAL;
            continue;
        }
        int starts = final_abbrev ? (tok[j].flags & FG_TOKEN_CAPITALISED) &&
                                        (tok[j].flags & FG_TOKEN_WORD)
                                  : can_start(t, &tok[j]);
        if (!starts)
            continue;
        if (terminal)
            tok[i].flags |= FG_TOKEN_SENT_FINAL;
        for (size_t k = i + 1; k < j; k++) {
            tok[k].sentence = (uint32_t)sp->sentence;
            tok[k].paragraph = (uint32_t)sp->paragraph;
        }
        sp->sent_tokens += j - i - 1;
        if (j > i + 1 && breaks_before(sc, i + 1) >= 1)
            line_words = 0;
        i = j - 1;
        start_sentence(sp, &tok[j], breaks_before(sc, j) >= 2);
        if (breaks_before(sc, j) >= 1)
            line_words = 0;
    }
    /* The end of the text ends the last sentence. */
    if (is_terminal(t, &tok[n - 1]))
        tok[n - 1].flags |= FG_TOKEN_SENT_FINAL;
}

/* ------------------------------------------------------------------ */
/* Pass 3: clauses                                                     */

static uint32_t classes_of(const fg_tokeniser *tk, const fg_token *tok)
{
    uint32_t v = 0;
    if (!(tok->flags & FG_TOKEN_WORD))
        return 0;
    fg_strmap_find(&tk->words, tok->norm, tok->norm_len, &v);
    return v;
}

static int clause_boundary_punct(const fg_text *t, const fg_token *tok)
{
    return is_punct(t, tok, ',') || is_punct(t, tok, ':') ||
           is_punct(t, tok, ';');
}

/* Where the stretch from token k ends: at the next comma, colon,
 * semicolon or the end of the sentence (exclusive). */
static size_t stretch_end(const fg_text *t, const fg_token *tok, size_t n,
                          size_t k)
{
    size_t e = k;
    while (e < n && tok[e].sentence == tok[k].sentence &&
           !clause_boundary_punct(t, &tok[e]) &&
           !(tok[e].flags & FG_TOKEN_SENT_FINAL))
        e++;
    return e;
}

/* Whether the stretch from k ends with "zu" and one word: an infinitive
 * clause. */
static int zu_infinitive(const fg_text *t, const fg_token *tok, size_t n,
                         size_t k)
{
    size_t e = stretch_end(t, tok, n, k);
    return e >= k + 2 && (tok[e - 1].flags & FG_TOKEN_WORD) &&
           tok[e - 2].norm_len == 2 && memcmp(tok[e - 2].norm, "zu", 2) == 0;
}

/* Whether a capitalised word begins at k, after an opening quote or not
 * ("Er sagte: »Wir ..."). */
static int capitalised_at(const fg_token *tok, size_t n, size_t k)
{
    if (k < n && (tok[k].flags & FG_TOKEN_QUOTE_OPEN) && k + 1 < n &&
        !(tok[k + 1].flags & FG_TOKEN_SENT_START))
        k++;
    return k < n && (tok[k].flags & FG_TOKEN_WORD) &&
           (tok[k].flags & FG_TOKEN_CAPITALISED);
}

/* Whether the byte before (dir -1) or after (dir 1) the token is a
 * space or a no-break space. */
static int spaced(const fg_text *t, const fg_token *tok, int dir)
{
    const unsigned char *d = (const unsigned char *)t->data;
    if (dir < 0)
        return tok->start > 0 &&
               (d[tok->start - 1] == ' ' ||
                (tok->start > 1 && d[tok->start - 2] == 0xC2 &&
                 d[tok->start - 1] == 0xA0));
    return tok->end < t->len &&
           (d[tok->end] == ' ' || (tok->end + 1 < t->len &&
                                   d[tok->end] == 0xC2 &&
                                   d[tok->end + 1] == 0xA0));
}

/* Whether the dash at k ends a dateline: "Kiew (dpa) - Die ...", or a
 * place of capitalised words at the start of the sentence, the dash set
 * off by spaces ("Berlin - Die ...", "Kiew/Moskau - ...", not
 * "Deutschland-Serbien"). */
static int dateline_dash(const fg_text *t, const fg_token *tok, size_t k)
{
    if (!(tok[k].flags & FG_TOKEN_DASH) || k == 0 ||
        (tok[k].flags & FG_TOKEN_SENT_START) || !spaced(t, &tok[k], 1))
        return 0;
    if (tok[k - 1].flags & FG_TOKEN_BRACKET_CLOSE)
        return 1;
    if (!spaced(t, &tok[k], -1))
        return 0;
    for (size_t i = k, words = 0; i-- > 0;) {
        int slash = is_punct(t, &tok[i], '/');
        if (!slash && !((tok[i].flags & FG_TOKEN_WORD) &&
                        (tok[i].flags & FG_TOKEN_CAPITALISED)))
            return 0;
        if (!slash && ++words > 3)
            return 0;
        if (tok[i].flags & FG_TOKEN_SENT_START)
            return 1;
    }
    return 0;
}

/* Whether the stretch after token k (a word) is two words at least and
 * ends in a lowercase word: the verb that ends a subordinate clause (",
 * wie die Behörden mitteilten"), not a list of names (", wie Polen und
 * Ungarn,"). */
static int verb_final(const fg_text *t, const fg_token *tok, size_t n,
                      size_t k)
{
    size_t e = stretch_end(t, tok, n, k);
    return e >= k + 3 && (tok[e - 1].flags & FG_TOKEN_WORD) &&
           !(tok[e - 1].flags & (FG_TOKEN_CAPITALISED | FG_TOKEN_NUMBER));
}

static void split_clauses(const fg_tokeniser *tk, const fg_text *t,
                          fg_token *tok, size_t n)
{
    uint32_t clause = 0;
    for (size_t k = 0; k < n; k++) {
        if (tok[k].flags & FG_TOKEN_SENT_START) {
            clause = 0;
        } else if (is_punct(t, &tok[k - 1], ';') ||
                   ((is_punct(t, &tok[k - 1], ':') ||
                     dateline_dash(t, tok, k - 1)) &&
                    capitalised_at(tok, n, k))) {
            /* A semicolon joins two main clauses; a colon before a
             * capitalised word opens one (quoted speech, the body of a
             * headline after its kicker: "Großmanöver: Nato probt ..."),
             * and so does the dash that ends a dateline. */
            clause++;
            tok[k].flags |= FG_TOKEN_CLAUSE_START;
        } else if (is_punct(t, &tok[k - 1], ',') ||
                   is_punct(t, &tok[k - 1], ':')) {
            uint32_t c = classes_of(tk, &tok[k]);
            int starts =
                (c & (WC_SUBORDINATOR | WC_RELATIVE | WC_INFINITIVE)) ||
                ((c & WC_PREPOSITION) && k + 1 < n &&
                 !(tok[k + 1].flags & FG_TOKEN_SENT_START) &&
                 (classes_of(tk, &tok[k + 1]) & WC_RELATIVE)) ||
                ((c & WC_VERB_FINAL) && verb_final(t, tok, n, k)) ||
                zu_infinitive(t, tok, n, k);
            if (starts) {
                clause++;
                tok[k].flags |= FG_TOKEN_CLAUSE_START;
            }
        }
        tok[k].clause = clause;
        tok[k].flags &= ~TK_FINAL;
    }
}

/* ------------------------------------------------------------------ */

int fg_tokenise(const fg_tokeniser *tk, const fg_text *text,
                fg_token_vec *v, fg_norm_scratch *norm, fg_arena *arena,
                const fg_doc_origin *origin, fg_diag_list *diags,
                size_t *n_sentences_out)
{
    v->n = 0;
    v->n_parts = 0;
    *n_sentences_out = 0;
    scan sc = {
        .tk = tk,
        .s = text->data,
        .len = text->len,
        .v = v,
        .arena = arena,
        .norm = norm,
    };
    int rc = scan_tokens(&sc);
    if (rc < 0)
        return rc;
    if (v->n == 0)
        return 0;
    mark_quotes(text, v->items, v->n);
    splitter sp = {0};
    split_sentences(&sc, text, &sp);
    split_clauses(tk, text, v->items, v->n);
    *n_sentences_out = sp.sentence + 1;
    if (sp.forced &&
        fg_diag_add(diags, FG_WARNING, FG_ELIMIT, origin->file, origin->line,
                    0, sp.forced_at,
                    "%zu sentence(s) longer than %d tokens split (first at "
                    "byte %zu of the text)",
                    sp.forced, FG_MAX_SENTENCE_TOKENS, sp.forced_at) < 0)
        return FG_ENOMEM;
    return 0;
}
