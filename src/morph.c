/* morph: see morph.h. */
#include "config.h"

#include <string.h>

#include <libstemmer.h>

#include "alloc.h"
#include "morph.h"

#define NONE UINT32_MAX
#define MIN_COMPOUND_PART 3 /* bytes of a compound's first part, at least */

static const char *const TAG_NAMES[FG_TAG_COUNT] = {
    "verb",          "noun",      "adj",    "word",      "finite",
    "infinitive",    "participle", "zu-infinitive", "separable", "past",
    "lemma",         "particle",  "joined", "guessed",   "compound"};

const char *fg_tag_name(unsigned i)
{
    return i < FG_TAG_COUNT ? TAG_NAMES[i] : NULL;
}

void fg_morph_vec_clear(fg_morph_vec *v)
{
    fg_free(v->items);
    if (v->stemmer)
        sb_stemmer_delete(v->stemmer);
    memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ */
/* Small string helpers                                                */

static int ends(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static int begins(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return n >= m && memcmp(s, prefix, m) == 0;
}

/* s[0 .. n) + add, NUL-terminated, in the arena. */
static const char *concat(fg_arena *a, const char *s, size_t n,
                          const char *add, uint32_t *len_out)
{
    size_t m = strlen(add);
    char *p = fg_arena_alloc(a, n + m + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    memcpy(p + n, add, m + 1);
    *len_out = (uint32_t)(n + m);
    return p;
}

/* ------------------------------------------------------------------ */
/* The lexicon                                                         */

/* The analysis of a form to use for a token: nouns for capitalised
 * words inside a sentence, other word classes for lowercase words; at
 * the start of a sentence function words, then nouns. */
static const fg_lex_analysis *choose(const fg_lexicon *lex, uint32_t first,
                                     const fg_token *t)
{
    const fg_lex_analysis *best = NULL;
    int best_score = -1;
    int cap = (t->flags & FG_TOKEN_CAPITALISED) != 0;
    int start = (t->flags & FG_TOKEN_SENT_START) != 0;
    for (uint32_t i = first; i != NONE;) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        int noun = (a->tags & FG_TAG_NOUN) != 0;
        int score = cap && !start ? noun * 4
                    : cap         ? ((a->tags & FG_TAG_WORD) ? 8 : noun * 4)
                                  : !noun * 4;
        score += (a->tags & FG_TAG_LEMMA) != 0; /* the plainer reading */
        if (score > best_score) {
            best = a;
            best_score = score;
        }
        i = a->next;
    }
    return best;
}

/* The noun that ends the closed compound w (longest first), with the
 * byte offset where it starts; NULL when none is known. */
static const fg_lex_analysis *compound_head(const fg_lexicon *lex,
                                            const char *w, size_t n,
                                            size_t *at_out)
{
    for (size_t i = MIN_COMPOUND_PART; i + 3 <= n; i++) {
        if (((unsigned char)w[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        uint32_t first = fg_lexicon_find(lex, w + i, n - i);
        for (uint32_t k = first; k != NONE;) {
            const fg_lex_analysis *a = fg_lexicon_analysis(lex, k);
            if (a->tags & FG_TAG_NOUN) {
                *at_out = i;
                return a;
            }
            k = a->next;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The fallback for regular inflection                                 */

/* Suffixes after which a noun's -en is its plural or oblique ending
 * (Verhandlungen, Soldaten, Präsidenten, Journalisten, Staaten). */
static const char *const NOUN_EN[] = {
    "ung",  "heit", "keit", "schaft", "ion", "tät",  "ik",  "ur",  "ei",
    "ant",  "ent",  "ist",  "at",     "et",  "it",   "ot",  "eur", "ör",
    "nom",  "graf", "soph", "log",    "au",  "tur",  "enz", "anz", NULL};

/* Suffixes that end an adjective's stem (britischen, möglichen). */
static const char *const ADJ_STEMS[] = {
    "isch", "lich", "ig", "bar", "sam", "haft", "los", "voll", "end",
    "iv",   "al",   "ell", "är", "ös",  "ant",  "ent", "er", "ern",
    "weit", "reich", "fähig", "mäßig", "frei", "neu", "alt", "groß", "klein",
    NULL};

static int ends_any(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (ends(s, n, list[i]))
            return 1;
    return 0;
}

/* The lemma of a folded word w that the lexicon does not know, and what
 * the guess says about it, into m. noun: the token looks like a noun.
 * Returns 0 or FG_ENOMEM. */
static int guess(const fg_lexicon *lex, const char *w, size_t n, int noun,
                 fg_arena *arena, fg_morph *m)
{
    const char *add = "";
    size_t keep = n;
    uint32_t tags = FG_TAG_GUESSED;
    if (noun) {
        tags |= FG_TAG_NOUN;
        if (ends(w, n, "innen"))
            keep = n - 3;
        else if (ends(w, n, "en") && ends_any(w, n - 2, NOUN_EN))
            keep = n - 2;
        else if (ends(w, n, "en") && n > 4 && w[n - 3] == 'e')
            keep = n - 1; /* Truppen: Truppe */
        else if (ends(w, n, "ern") || ends(w, n, "eln"))
            keep = n - 1; /* Opfern */
        else if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") &&
                 !ends(w, n, "is") && !ends(w, n, "os") && n > 4)
            keep = n - 1; /* Kriegs, Ministers */
        else
            tags |= FG_TAG_LEMMA;
    } else {
        size_t p = 0; /* a separable particle in front */
        for (size_t i = 2; i + 4 <= n && lex && p == 0; i++)
            if (((unsigned char)w[i] & 0xC0) != 0x80 &&
                fg_lexicon_is_particle(lex, w, i) &&
                (begins(w + i, n - i, "ge") || begins(w + i, n - i, "zu")))
                p = i;
        const char *r = w + p;
        size_t rn = n - p;
        if (p && begins(r, rn, "zu") && ends(r, rn, "en")) {
            /* einzusetzen: einsetzen */
            char *s = fg_arena_alloc(arena, n - 1);
            if (s == NULL)
                return FG_ENOMEM;
            memcpy(s, w, p);
            memcpy(s + p, r + 2, rn - 2);
            s[n - 2] = '\0';
            m->lemma = s;
            m->lemma_len = (uint32_t)(n - 2);
            m->tags = tags | FG_TAG_VERB | FG_TAG_ZU | FG_TAG_SEPARABLE;
            return 0;
        }
        if (begins(r, rn, "ge") && rn > 4 && (ends(r, rn, "t") || ends(r, rn, "et")) &&
            !ends(r, rn, "st")) {
            /* gesagt: sagen; vorgelegt: vorlegen; gearbeitet: arbeiten */
            size_t stem_end = n - 1;
            int e = w[stem_end - 1] == 'e' && ends(w, stem_end, "ete");
            char *s = fg_arena_alloc(arena, n + 2);
            if (s == NULL)
                return FG_ENOMEM;
            memcpy(s, w, p);
            size_t k = p;
            memcpy(s + k, r + 2, stem_end - p - 2);
            k += stem_end - p - 2;
            memcpy(s + k, e ? "n" : "en", e ? 2 : 3);
            k += e ? 1 : 2;
            m->lemma = s;
            m->lemma_len = (uint32_t)k;
            m->tags = tags | FG_TAG_VERB | FG_TAG_PARTICIPLE |
                      (p ? FG_TAG_SEPARABLE : 0);
            return 0;
        }
        if (ends_any(w, n, (const char *const[]){"e", "en", "er", "es", "em",
                                                 NULL})) {
            /* An adjective: an ending after a known adjective suffix,
             * or a superlative (-sten) or comparative (-eren). */
            size_t e = ends(w, n, "e") ? 1 : 2;
            size_t s = n - e;
            if (ends(w, s, "st") && ends_any(w, s - 2, ADJ_STEMS))
                s -= 2;
            else if (ends(w, s, "er") && ends_any(w, s - 2, ADJ_STEMS))
                s -= 2;
            if (ends_any(w, s, ADJ_STEMS)) {
                keep = s;
                tags |= FG_TAG_ADJ;
                goto done;
            }
        }
        if ((ends(w, n, "te") || ends(w, n, "ten") || ends(w, n, "test") ||
             ends(w, n, "tet")) && n > 5) {
            /* A weak preterite: erklärte, erklärten: erklären. */
            size_t s = n - (ends(w, n, "te") ? 2 : ends(w, n, "ten") ? 3 : 4);
            if (ends(w, s, "e") && (w[s - 2] == 't' || w[s - 2] == 'd'))
                s--; /* arbeitete */
            keep = s;
            add = "en";
            tags |= FG_TAG_VERB | FG_TAG_FINITE | FG_TAG_PAST;
        } else if (ends(w, n, "t") && !ends(w, n, "st") && n > 4) {
            /* erklärt, fordert: erklären, fordern */
            keep = n - 1;
            if (ends(w, keep, "e") && (w[keep - 2] == 't' || w[keep - 2] == 'd'))
                keep--; /* arbeitet */
            add = ends(w, keep, "er") || ends(w, keep, "el") ? "n" : "en";
            tags |= FG_TAG_VERB | FG_TAG_FINITE;
        } else if (ends(w, n, "en") || ends(w, n, "ern") || ends(w, n, "eln")) {
            tags |= FG_TAG_VERB | FG_TAG_INFINITIVE | FG_TAG_LEMMA;
        } else {
            tags |= FG_TAG_LEMMA;
        }
    }
done:
    m->tags = tags;
    if (keep == n && add[0] == '\0') {
        m->lemma = w;
        m->lemma_len = (uint32_t)n;
        return 0;
    }
    m->lemma = concat(arena, w, keep, add, &m->lemma_len);
    return m->lemma ? 0 : FG_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

static int analyse_token(fg_morph_vec *v, const fg_lexicon *lex,
                         const fg_token *t, fg_morph *m, const char *text,
                         fg_norm_scratch *norm, fg_arena *arena)
{
    memset(m, 0, sizeof *m);
    m->lemma = m->head = t->norm;
    m->lemma_len = m->head_len = t->norm_len;
    int word = (t->flags & FG_TOKEN_WORD) && !(t->flags & FG_TOKEN_NUMBER);
    /* The stem. */
    m->stem = t->norm;
    m->stem_len = t->norm_len;
    if (word && v->stemmer) {
        const sb_symbol *st = sb_stemmer_stem(
            v->stemmer, (const sb_symbol *)t->norm, (int)t->norm_len);
        if (st == NULL)
            return FG_ENOMEM;
        int len = sb_stemmer_length(v->stemmer);
        m->stem = fg_arena_strndup(arena, (const char *)st, (size_t)len);
        if (m->stem == NULL)
            return FG_ENOMEM;
        m->stem_len = (uint32_t)len;
    }
    if (!word || lex == NULL)
        return 0;
    int capital = (t->flags & FG_TOKEN_CAPITALISED) != 0;
    uint32_t first = fg_lexicon_find(lex, t->norm, t->norm_len);
    if (first != NONE) {
        const fg_lex_analysis *a = choose(lex, first, t);
        m->lemma = a->lemma;
        m->lemma_len = a->lemma_len;
        m->tags = a->tags;
        if (a->tags & FG_TAG_NOUN) {
            m->head = a->lemma;
            m->head_len = a->lemma_len;
        }
    } else if (t->n_parts > 1) {
        /* A hyphenated compound: the last part is its head and decides
         * its lemma (NATO-Gipfeln: nato-gipfel). */
        const fg_span *last = &t->parts[t->n_parts - 1];
        const char *ln;
        size_t llen;
        if (fg_text_norm(text + last->start, last->end - last->start, norm,
                         arena, &ln, &llen) < 0)
            return FG_ENOMEM;
        fg_morph part;
        uint32_t pf = fg_lexicon_find(lex, ln, llen);
        fg_token pt = *t;
        pt.norm = ln;
        pt.norm_len = (uint32_t)llen;
        pt.n_parts = 0;
        pt.flags = (pt.flags & ~FG_TOKEN_SENT_START) |
                   (((unsigned char)text[last->start] >= 'A' &&
                     (unsigned char)text[last->start] <= 'Z')
                        ? FG_TOKEN_CAPITALISED
                        : 0);
        if (pf != NONE) {
            const fg_lex_analysis *a = choose(lex, pf, &pt);
            part.lemma = a->lemma;
            part.lemma_len = a->lemma_len;
            part.tags = a->tags;
        } else if (guess(lex, ln, llen, capital, arena, &part) < 0) {
            return FG_ENOMEM;
        }
        m->head = part.lemma;
        m->head_len = part.lemma_len;
        m->tags = part.tags & ~FG_TAG_LEMMA;
        size_t before = t->norm_len - llen; /* "nato-" */
        m->lemma = concat(arena, t->norm, before, part.lemma, &m->lemma_len);
        if (m->lemma == NULL)
            return FG_ENOMEM;
    } else {
        size_t at;
        const fg_lex_analysis *h =
            capital ? compound_head(lex, t->norm, t->norm_len, &at) : NULL;
        if (h) {
            m->head = h->lemma;
            m->head_len = h->lemma_len;
            m->lemma = concat(arena, t->norm, at, h->lemma, &m->lemma_len);
            if (m->lemma == NULL)
                return FG_ENOMEM;
            m->tags = FG_TAG_NOUN | FG_TAG_COMPOUND;
        } else if (guess(lex, t->norm, t->norm_len,
                         capital && !(t->flags & FG_TOKEN_SENT_START), arena,
                         m) < 0) {
            return FG_ENOMEM;
        }
        if (!h && (m->tags & FG_TAG_NOUN)) {
            m->head = m->lemma;
            m->head_len = m->lemma_len;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Clauses: coordinated main clauses, separable verbs                  */

static int is_word(const fg_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->norm_len == n && memcmp(t->norm, w, n) == 0;
}

static int finite_verb(const fg_token *t, const fg_morph *m)
{
    return (m->tags & FG_TAG_FINITE) && !(t->flags & FG_TOKEN_CAPITALISED &&
                                          !(t->flags & FG_TOKEN_SENT_START));
}

static int coordinator(const fg_token *t)
{
    return is_word(t, "und") || is_word(t, "oder") || is_word(t, "aber") ||
           is_word(t, "sondern") || is_word(t, "doch");
}

/* Splits the clause of tokens [a, b) before a coordinating conjunction
 * that joins two main clauses, each with a finite verb of its own: "Sie
 * kamen zusammen und berieten". Returns how many clauses were added. */
static uint32_t split_coordinated(fg_token *tok, const fg_morph *m, size_t a,
                                  size_t b)
{
    uint32_t added = 0;
    size_t from = a;
    for (size_t k = a + 1; k + 1 < b; k++) {
        if (!coordinator(&tok[k]))
            continue;
        int before = 0, after = 0;
        for (size_t j = from; j < k; j++)
            before |= finite_verb(&tok[j], &m[j]);
        /* The verb comes right after the conjunction, or after its
         * subject: "und berieten", "und die Minister berieten". */
        for (size_t j = k + 1; j < b && j <= k + 4 && !after; j++)
            after = finite_verb(&tok[j], &m[j]);
        if (!before || !after)
            continue;
        tok[k].flags |= FG_TOKEN_CLAUSE_START;
        added++;
        from = k;
    }
    return added;
}

/* Joins a clause-final particle to the clause's finite verb. */
static int join_particle(const fg_lexicon *lex, const fg_token *tok,
                         fg_morph *m, size_t a, size_t b, fg_arena *arena)
{
    size_t e = b;
    while (e > a && !(tok[e - 1].flags & FG_TOKEN_WORD))
        e--; /* punctuation at the end */
    if (e <= a + 1)
        return 0;
    const fg_token *p = &tok[e - 1];
    if ((p->flags & FG_TOKEN_CAPITALISED) || (m[e - 1].tags & FG_TAG_PARTICLE) ||
        !fg_lexicon_is_particle(lex, p->norm, p->norm_len))
        return 0;
    for (size_t k = a; k < e - 1; k++) {
        if (!finite_verb(&tok[k], &m[k]) || (m[k].tags & FG_TAG_SEPARABLE))
            continue;
        fg_morph *v = &m[k];
        char *s = fg_arena_alloc(arena, p->norm_len + v->lemma_len + 1);
        if (s == NULL)
            return FG_ENOMEM;
        memcpy(s, p->norm, p->norm_len);
        memcpy(s + p->norm_len, v->lemma, v->lemma_len + 1);
        v->lemma = s;
        v->lemma_len += p->norm_len;
        v->tags |= FG_TAG_JOINED | FG_TAG_SEPARABLE;
        v->tags &= ~FG_TAG_LEMMA;
        m[e - 1].tags |= FG_TAG_PARTICLE;
        return 0;
    }
    return 0;
}

static int analyse_clauses(const fg_lexicon *lex, fg_token *tok, fg_morph *m,
                           size_t n, fg_arena *arena)
{
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        while (e < n && tok[e].sentence == tok[s].sentence)
            e++;
        /* Split coordinated main clauses, then renumber the sentence. */
        int split = 0;
        for (size_t a = s; a < e;) {
            size_t b = a + 1;
            while (b < e && tok[b].clause == tok[a].clause)
                b++;
            split |= split_coordinated(tok, m, a, b) > 0;
            a = b;
        }
        if (split) {
            uint32_t c = 0;
            for (size_t k = s; k < e; k++) {
                if (k > s && (tok[k].flags & FG_TOKEN_CLAUSE_START))
                    c++;
                tok[k].clause = c;
            }
        }
        for (size_t a = s; a < e;) {
            size_t b = a + 1;
            while (b < e && tok[b].clause == tok[a].clause)
                b++;
            if (join_particle(lex, tok, m, a, b, arena) < 0)
                return FG_ENOMEM;
            a = b;
        }
        s = e;
    }
    return 0;
}

int fg_morph_analyse(fg_morph_vec *v, const fg_lexicon *lex, fg_token *tokens,
                     size_t n, const char *text, fg_norm_scratch *norm,
                     fg_arena *arena)
{
    if (fg_grow((void **)&v->items, &v->cap, n ? n : 1, sizeof *v->items) < 0)
        return FG_ENOMEM;
    if (v->stemmer == NULL &&
        (v->stemmer = sb_stemmer_new("german", "UTF_8")) == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (analyse_token(v, lex, &tokens[i], &v->items[i], text, norm,
                          arena) < 0)
            return FG_ENOMEM;
    return lex ? analyse_clauses(lex, tokens, v->items, n, arena) : 0;
}
