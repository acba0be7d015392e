/* morph: see morph.h. */
#include "config.h"

#include <string.h>

#include <libstemmer.h>

#include "alloc.h"
#include "morph.h"

#define NONE UINT32_MAX
#define MIN_COMPOUND_PART 3 /* bytes of a compound's first part, at least */
#define MAX_ANALYSES 64     /* analyses of one form looked at, at most */
#define MAX_ATTR_SPAN 6     /* tokens from an adjective to its noun, at most */
#define MAX_ATTR_BACK 3     /* tokens from a noun back to its preposition */
#define MAX_CLAUSE_BACK 40  /* tokens looked back for a clause's modal verb */
#define MAX_CONJUNCT_VERB 8 /* tokens from "und" to its conjunct's verb */
#define MAX_SUBJECT_PHRASE 12 /* tokens of a subject before its verb */

static const char *const TAG_NAMES[FG_TAG_COUNT] = {
    "verb",          "noun",      "adj",    "word",      "finite",
    "infinitive",    "participle", "zu-infinitive", "separable", "past",
    "lemma",         "particle",  "joined", "guessed",   "compound"};

const char *fg_tag_name(unsigned i)
{
    return i < FG_TAG_COUNT ? TAG_NAMES[i] : NULL;
}

void fg_morph_vec_init(fg_morph_vec *v)
{
    memset(v, 0, sizeof *v);
    fg_arena_init(&v->stem_arena, 1 << 16);
    fg_strmap_init_in(&v->stem_index, &v->stem_arena);
}

void fg_morph_vec_clear(fg_morph_vec *v)
{
    fg_free(v->items);
    if (v->stemmer)
        sb_stemmer_delete(v->stemmer);
    fg_strmap_clear(&v->stem_index);
    fg_free(v->stems);
    fg_arena_clear(&v->stem_arena);
    fg_morph_vec_init(v);
}

/* The Snowball stem of a word's norm, from the cache or the stemmer. */
static int stem_of(fg_morph_vec *v, const char *norm, uint32_t len,
                   fg_stem *out)
{
    uint32_t k;
    if (fg_strmap_find(&v->stem_index, norm, len, &k)) {
        *out = v->stems[k];
        return 0;
    }
    const sb_symbol *st =
        sb_stemmer_stem(v->stemmer, (const sb_symbol *)norm, (int)len);
    if (st == NULL)
        return FG_ENOMEM;
    int n = sb_stemmer_length(v->stemmer);
    char *copy = fg_arena_strndup(&v->stem_arena, (const char *)st, (size_t)n);
    if (copy == NULL ||
        fg_grow((void **)&v->stems, &v->cap_stems, v->n_stems + 1,
                sizeof *v->stems) < 0 ||
        fg_strmap_put(&v->stem_index, norm, len, (uint32_t)v->n_stems, 0) < 0)
        return FG_ENOMEM;
    *out = v->stems[v->n_stems++] = (fg_stem){copy, (uint32_t)n};
    return 0;
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
/* Closed word classes that the context of a word is judged by         */

/* Prepositions and their contractions with the article, folded. An
 * adjective may follow them ("in den besetzten Gebieten"), and a noun
 * after them is no subject ("die im Land stationierten Truppen"). */
static const char *const PREPOSITIONS[] = {
    "in",       "im",         "ins",        "an",      "am",       "ans",
    "auf",      "aufs",       "aus",        "bei",     "beim",     "mit",
    "nach",     "von",        "vom",        "zu",      "zum",      "zur",
    "vor",      "über",       "übers",      "unter",   "neben",    "zwischen",
    "hinter",   "durch",      "für",        "gegen",   "ohne",     "um",
    "seit",     "bis",        "trotz",      "während", "wegen",    "laut",
    "gemäss",   "entlang",    "innerhalb",  "ausserhalb", "angesichts",
    "aufgrund", "dank",       "statt",      "anstatt", "infolge",  "jenseits",
    "binnen",   "mittels",    "seitens",    "samt",    "gegenüber", NULL};

/* Adverbs of degree: they stand before adjectives ("die immer stärkeren
 * Angriffe") but not before a separable verb's particle, so that in "sehr
 * schwer" schwer is an adjective, not the particle of schwerfallen. */
static const char *const DEGREE[] = {
    "sehr", "zu",      "so",    "allzu", "ganz",  "besonders", "äusserst",
    "ziemlich", "höchst", "überaus", "immer", "noch", "weniger", NULL};

/* Numerals written as words, which stand before adjectives like
 * articles ("Zwei verletzte Polizisten"). */
static const char *const NUMERALS[] = {
    "zwei", "drei",  "vier",  "fünf",    "sechs",   "sieben", "acht",
    "neun", "zehn",  "elf",   "zwölf",   "zwanzig", "hundert", "tausend",
    "dutzend", NULL};

/* Adverbs that open a main clause on their own, the finite verb right
 * after them ("Deshalb setzen die Behörden ... ein", "Nun hören die
 * Dienste ... ab"), folded. */
static const char *const OPENING_ADVERBS[] = {
    "deshalb", "daher",    "darum",   "deswegen", "somit",     "nun",
    "jetzt",   "heute",    "gestern", "morgen",   "inzwischen", "mittlerweile",
    "bereits", "zudem",    "ausserdem", "dennoch", "trotzdem", "dabei",
    "dort",    "hier",     "erneut",  "erstmals", "künftig",  "bislang",
    "bisher",  "seither",  "seitdem", "stattdessen", "offenbar", "zuletzt",
    "zunächst", "anschliessend", "danach", "dann", "daraufhin", "derzeit",
    "aktuell", "damals",   "ebenfalls", "gleichzeitig", "zugleich", NULL};

/* Personal pronouns that are the subject of a verb after them ("wir
 * verteidigen", "sie besetzten"); "ihr" is left out, being also a
 * possessive ("ihr neues Programm"). */
static const char *const SUBJECTS[] = {"ich", "du", "er",  "sie",
                                       "es",  "wir", "man", NULL};

static int is_word(const fg_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->norm_len == n && memcmp(t->norm, w, n) == 0;
}

static int in_words(const char *w, size_t n, const char *const *list)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == w[0] && strlen(list[i]) == n &&
            memcmp(w, list[i], n) == 0)
            return 1;
    return 0;
}

static int in_list(const fg_token *t, const char *const *list)
{
    return in_words(t->norm, t->norm_len, list);
}

static int coordinator(const fg_token *t)
{
    return is_word(t, "und") || is_word(t, "oder") || is_word(t, "aber") ||
           is_word(t, "sondern") || is_word(t, "doch");
}

/* A noun, or a name: capitalised inside the sentence. */
static int noun_like(const fg_token *t)
{
    return (t->flags & FG_TOKEN_WORD) && !(t->flags & FG_TOKEN_NUMBER) &&
           (t->flags & FG_TOKEN_CAPITALISED) &&
           !(t->flags & FG_TOKEN_SENT_START);
}

/* The tags of all analyses of the folded w[0 .. n), or-ed; 0 when the
 * lexicon does not know it. */
static uint32_t known_tags(const fg_lexicon *lex, const char *w, size_t n)
{
    uint32_t tags = 0;
    for (uint32_t i = fg_lexicon_find(lex, w, n), k = 0;
         i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        tags |= a->tags;
        i = a->next;
    }
    return tags;
}

/* The lemmas of articles and other determiners in the lexicon. */
static const char *const DETERMINERS[] = {
    "der",     "ein",      "kein",    "mein",   "dein",      "sein",
    "ihr",     "unser",    "euer",    "dieser", "jener",     "welcher",
    "jeder",   "aller",    "solcher", "mancher", "einiger",  "mehrere",
    "beide",   "irgendein", "derselbe", "derjenige", "anderer", NULL};

/* An article or other determiner (der, ein, kein, dieser, seinen, ...):
 * a form of the lexicon whose lemma is one of DETERMINERS. */
static int determiner(const fg_lexicon *lex, const fg_token *t)
{
    if (in_list(t, SUBJECTS))
        return 0;
    for (uint32_t i = fg_lexicon_find(lex, t->norm, t->norm_len), k = 0;
         i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        i = a->next;
        if (!(a->tags & FG_TAG_WORD))
            continue;
        for (size_t j = 0; DETERMINERS[j]; j++)
            if (strcmp(a->lemma, DETERMINERS[j]) == 0)
                return 1;
    }
    return 0;
}

/* Whether w[0 .. n) ends in an adjective ending after a stem of three
 * bytes at least ("hier" has none); the adverbs in -weise have none. */
static int adjective_ending(const char *w, size_t n)
{
    if (ends(w, n, "weise"))
        return 0;
    if (ends(w, n, "e"))
        return n >= 4;
    return n >= 5 && (ends(w, n, "en") || ends(w, n, "er") ||
                      ends(w, n, "es") || ends(w, n, "em"));
}

/* Whether the lowercase word t could be an inflected adjective: the
 * lexicon knows it as one (also a participle with an ending), or it is
 * unknown but for nouns (a lowercase word is no noun) and has an
 * adjective ending. */
static int adjective_like(const fg_lexicon *lex, const fg_token *t)
{
    if (!(t->flags & FG_TOKEN_WORD) || (t->flags & FG_TOKEN_NUMBER) ||
        (t->flags & FG_TOKEN_CAPITALISED) || in_list(t, PREPOSITIONS))
        return 0;
    uint32_t tags = known_tags(lex, t->norm, t->norm_len);
    if (tags & FG_TAG_ADJ)
        return 1;
    return (tags & ~FG_TAG_NOUN & (FG_TAG_VERB | FG_TAG_WORD)) == 0 &&
           adjective_ending(t->norm, t->norm_len);
}

/* The adjective ending of t: 'e' for -e, else the last letter of -en,
 * -er, -es, -em; 0 for none. */
static char ending_of(const fg_token *t)
{
    size_t n = t->norm_len;
    if (ends(t->norm, n, "e"))
        return 'e';
    if (n >= 2 && t->norm[n - 2] == 'e' && strchr("nrsm", t->norm[n - 1]))
        return t->norm[n - 1];
    return 0;
}

#define NOUN_NEXT 1u     /* the noun follows, maybe after adjectives */
#define NOUN_AFTER_AND 2u /* or after a coordinated adjective too */

/* Whether a noun follows token i of tok[0 .. n) in its sentence, maybe
 * after further adjectives, adverbs of degree and numbers ("die neuen
 * deutschen Panzer", "die letzten 24 Stunden"): NOUN_NEXT |
 * NOUN_AFTER_AND; or only after a coordinated adjective with its article
 * ("die britische und die französische Regierung"): NOUN_AFTER_AND. */
static unsigned noun_follows(const fg_lexicon *lex, const fg_token *tok,
                             size_t n, size_t i)
{
    int after_and = 0;
    for (size_t k = i + 1; k < n && k <= i + MAX_ATTR_SPAN; k++) {
        const fg_token *t = &tok[k];
        if (t->sentence != tok[i].sentence || in_list(t, SUBJECTS))
            return 0; /* "Befürchten Sie ..." */
        if (noun_like(t))
            return after_and ? NOUN_AFTER_AND : NOUN_NEXT | NOUN_AFTER_AND;
        if (t->flags & (FG_TOKEN_NUMBER | FG_TOKEN_QUOTE_OPEN))
            continue;
        if (coordinator(t) || is_word(t, "sowie")) {
            after_and = 1;
            continue;
        }
        /* Between an adjective and its noun only inflected adjectives
         * stand: in "brauchen dringend Munition" brauchen is a verb. */
        if (in_list(t, DEGREE) || in_list(t, NUMERALS) ||
            (after_and && determiner(lex, t)))
            continue;
        if (adjective_like(lex, t) && adjective_ending(t->norm, t->norm_len)) {
            /* Coordinated adjectives before one noun agree, and so have
             * the same ending ("die neuen und alten Panzer"): else the
             * word before the coordinator ends a phrase of its own ("will
             * die Präsenz weiter verstärken und zusätzliche Verbände
             * verlegen"). */
            if (after_and == 1 && adjective_ending(tok[i].norm, tok[i].norm_len) &&
                ending_of(t) != ending_of(&tok[i]))
                return 0;
            after_and += after_and != 0;
            continue;
        }
        return 0;
    }
    return 0;
}

/* Whether t ends in -er, -es or -em, endings of adjectives but of no
 * finite verb, or is a present participle (-end- and an ending:
 * "spielenden"; the stem before -enden long enough not to be a verb in
 * -enden such as beenden). */
static int adjective_only_ending(const fg_token *t)
{
    const char *w = t->norm;
    size_t n = t->norm_len;
    if (!adjective_ending(w, n))
        return 0;
    if (ends(w, n, "er") || ends(w, n, "es") || ends(w, n, "em"))
        return 1;
    size_t s = n - (ends(w, n, "e") ? 1 : 2);
    return ends(w, s, "end") && (ends(w, n, "e") || s >= 8);
}

/* The first of the words before token j up to the start of its clause
 * (of the sentence, or after punctuation), at most 12 back. */
static size_t clause_start(const fg_token *tok, size_t j)
{
    size_t s = j;
    while (s > 0 && tok[s - 1].sentence == tok[j].sentence &&
           (tok[s - 1].flags & FG_TOKEN_WORD) && j - s < 12)
        s--;
    return s;
}

/* Whether the tokens from the start of the clause (of the sentence, or
 * after punctuation) up to token j are noun phrases that open it: a
 * first one with or without a preposition, then prepositional ones, each
 * of a determiner, adjectives, nouns and numbers ("Im Jahr 2017", "Ende
 * Mai 2010", "Seit seiner Rede im März 1998"); not "Die Entwicklung des
 * Ende Dezember 2017" (a genitive without preposition). */
static int opening_phrases(const fg_lexicon *lex, const fg_token *tok,
                           size_t j)
{
    size_t s = clause_start(tok, j);
    if (s > 0 && tok[s - 1].sentence == tok[j].sentence &&
        (tok[s - 1].flags & FG_TOKEN_WORD))
        return 0; /* too long */
    for (size_t k = s, first = 1; k <= j; first = 0) {
        if (in_list(&tok[k], PREPOSITIONS))
            k++;
        else if (!first)
            return 0;
        if (k <= j && determiner(lex, &tok[k]))
            k++;
        size_t after_det = k;
        while (k <= j && ((tok[k].flags & FG_TOKEN_NUMBER) ||
                          adjective_like(lex, &tok[k])))
            k++;
        /* A number alone is a phrase of its own after a preposition
         * ("Seit 2015", "Bis 2030"): the adjectives' loop ate it, and
         * it is its phrase's head. */
        size_t nouns = k > after_det && (tok[k - 1].flags & FG_TOKEN_NUMBER) &&
                       after_det > s && in_list(&tok[after_det - 1],
                                                PREPOSITIONS);
        for (; k <= j && ((tok[k].flags & FG_TOKEN_NUMBER) ||
                          ((tok[k].flags & FG_TOKEN_CAPITALISED) &&
                           !in_list(&tok[k], PREPOSITIONS) &&
                           !determiner(lex, &tok[k])));
             k++)
            nouns++;
        if (nouns == 0)
            return 0;
    }
    return 1;
}

/* The end of the nouns of a phrase from token k up to token i (not
 * included): a determiner, adjectives and numbers, then one noun at
 * least (capitalised words, a truncated compound and its "und" among
 * them: "Die Staats- und Regierungschefs"); k when there are none. */
static size_t phrase_nouns(const fg_lexicon *lex, const fg_token *tok,
                           size_t k, size_t i)
{
    size_t start = k;
    if (k < i && determiner(lex, &tok[k]))
        k++;
    while (k < i && ((tok[k].flags & FG_TOKEN_NUMBER) ||
                     in_list(&tok[k], NUMERALS) || adjective_like(lex, &tok[k])))
        k++;
    size_t nouns = 0;
    while (k < i && (((tok[k].flags & FG_TOKEN_CAPITALISED) &&
                      !in_list(&tok[k], PREPOSITIONS) &&
                      !determiner(lex, &tok[k])) ||
                     (nouns && coordinator(&tok[k]) &&
                      ends(tok[k - 1].norm, tok[k - 1].norm_len, "-")))) {
        k++;
        nouns++;
    }
    return nouns ? k : start;
}

/* Whether the words from the start of the clause (of the sentence, or
 * after punctuation) up to token i are its subject, a noun phrase with
 * its attributes, so that token i stands where the finite verb stands:
 * a noun phrase without a preposition, then genitive or prepositional
 * phrases or further coordinated ones ("Die Verteidigungsminister der
 * Allianz tagen", "Die Vertreter von 50 Staaten beraten"). A verb in -en
 * there is the plural present, whatever the number of the last noun. */
static int subject_phrase(const fg_lexicon *lex, const fg_token *tok,
                          size_t i)
{
    if (i == 0 || tok[i - 1].sentence != tok[i].sentence ||
        !(tok[i - 1].flags & FG_TOKEN_WORD))
        return 0;
    /* Back over words and numbers to punctuation or the start of the
     * sentence ("Die 27 Staaten der Union beraten"). */
    size_t s = i;
    while (s > 0 && tok[s - 1].sentence == tok[i].sentence &&
           (tok[s - 1].flags & (FG_TOKEN_WORD | FG_TOKEN_NUMBER)) &&
           i - s < MAX_SUBJECT_PHRASE)
        s--;
    if (s > 0 && tok[s - 1].sentence == tok[i].sentence &&
        (tok[s - 1].flags & (FG_TOKEN_WORD | FG_TOKEN_NUMBER)))
        return 0; /* too long */
    size_t k = phrase_nouns(lex, tok, s, i);
    if (k == s)
        return 0;
    while (k < i) {
        const fg_token *q = &tok[k];
        if (!(is_word(q, "der") || is_word(q, "des") || coordinator(q) ||
              (in_list(q, PREPOSITIONS) && !is_word(q, "zu"))))
            return 0;
        size_t e = phrase_nouns(lex, tok, is_word(q, "der") ||
                                              is_word(q, "des")
                                          ? k
                                          : k + 1,
                                i);
        if (e <= k + 1)
            return 0;
        k = e;
    }
    return 1;
}

/* Whether token i of tok[0 .. n) comes right after a comma that closes
 * a clause ending in its verb, and before more of its own clause: where
 * the next clause's verb stands ("Wenn die Waffenruhe scheitert, drohen
 * neue Kämpfe", "Sollte Teheran Uran anreichern, drohen die Staaten mit
 * ..."). A finite verb there is enough; after an infinitive or
 * participle, the word must not end a list of them ("liefern, ausbilden
 * und beraten"). m holds the analyses of the tokens before i. */
static int after_verb_final(const fg_token *tok, const fg_morph *m,
                            size_t n, size_t i)
{
    /* A word that the tokeniser saw open a clause after the comma is a
     * conjunction or a relative pronoun ("..., sofern es die Lage
     * zulässt"), no verb. */
    if (i < 2 || tok[i - 2].sentence != tok[i].sentence ||
        (tok[i].flags & FG_TOKEN_CLAUSE_START) ||
        !is_word(&tok[i - 1], ",") || !(tok[i - 2].flags & FG_TOKEN_WORD) ||
        (tok[i - 2].flags & FG_TOKEN_CAPITALISED) ||
        !(m[i - 2].tags & FG_TAG_VERB) || (m[i - 2].tags & FG_TAG_ADJ))
        return 0;
    if (m[i - 2].tags & FG_TAG_FINITE)
        return 1;
    return i + 1 < n && tok[i + 1].sentence == tok[i].sentence &&
           (tok[i + 1].flags & (FG_TOKEN_WORD | FG_TOKEN_NUMBER)) &&
           !coordinator(&tok[i + 1]) && !is_word(&tok[i + 1], "sowie");
}

static int modal(const fg_lexicon *lex, const fg_token *t);
static int auxiliary(const fg_lexicon *lex, const fg_token *t);

/* Whether token i, a preterite shape in -te or -ten right after a
 * coordinator (and maybe a comma before it), is rather the finite verb
 * of a second main clause than an adjective: a main clause's finite
 * verb stands before the coordinator in the clause ("Der Minister
 * besuchte die Truppe, und sagte weitere Hilfen zu"), and no adjective
 * or determiner stands right before the coordinator ("die rote und
 * blaue Linie"). A clause that the tokeniser opened after a comma is a
 * subordinate one ("..., weil die Armee angriff und verletzte Soldaten
 * zurückließ"), whose verb comes last; its coordinator joins phrases. */
static int second_preterite(const fg_lexicon *lex, const fg_token *tok,
                            const fg_morph *m, size_t i)
{
    const fg_token *t = &tok[i];
    if ((t->flags & FG_TOKEN_CAPITALISED) || i < 2 ||
        !(ends(t->norm, t->norm_len, "te") ||
          ends(t->norm, t->norm_len, "ten")))
        return 0;
    size_t j = i - 2; /* the word before the coordinator */
    if (is_word(&tok[j], ",") && j > 0)
        j--;
    const fg_token *q = &tok[j];
    if (q->sentence != t->sentence || !(q->flags & FG_TOKEN_WORD) ||
        adjective_like(lex, q) || determiner(lex, q) ||
        in_list(q, NUMERALS) || (q->flags & FG_TOKEN_NUMBER))
        return 0;
    for (size_t k = j + 1, b = 0; k > 0 && b < MAX_CLAUSE_BACK; k--, b++) {
        const fg_token *v = &tok[k - 1];
        if (v->sentence != t->sentence || v->clause != t->clause)
            return 0;
        if ((m[k - 1].tags & FG_TAG_FINITE) &&
            (!(v->flags & FG_TOKEN_CAPITALISED) ||
             (v->flags & FG_TOKEN_SENT_START))) {
            /* A modal or auxiliary verb waits for its infinitive or
             * participle at the end of its clause, which a noun before
             * the coordinator is not: "sollen ... für Verteidigung und
             * sicherheitsrelevante Infrastruktur ausgeben". */
            if (modal(lex, v) || auxiliary(lex, v))
                return 0;
            /* Back to the start of the clause: opened after a comma? */
            size_t s = k - 1;
            for (size_t c = 0; s > 0 && c < MAX_CLAUSE_BACK &&
                               tok[s - 1].sentence == t->sentence &&
                               tok[s - 1].clause == t->clause;
                 c++)
                s--;
            return !(s > 0 && tok[s - 1].sentence == t->sentence &&
                     is_word(&tok[s - 1], ","));
        }
    }
    return 0;
}

/* Whether token i comes right after the comma that closes a
 * verb-first conditional clause opening the sentence ("Kommt es zu
 * einem Angriff, schicken die Staaten Truppen", "Sollte Teheran ...,
 * drohen ..."): where the main clause's verb stands. The sentence's
 * first word is its finite verb, no comma comes between, and the
 * sentence is no question ("Kommt er, oder bleibt er?"). */
static int after_verb_first(const fg_token *tok, const fg_morph *m, size_t n,
                            size_t i)
{
    if (i < 3 || !is_word(&tok[i - 1], ",") ||
        tok[i - 1].sentence != tok[i].sentence ||
        !(tok[i].flags & FG_TOKEN_WORD) ||
        (tok[i].flags & (FG_TOKEN_CAPITALISED | FG_TOKEN_NUMBER)))
        return 0;
    size_t s = i - 1;
    for (size_t k = 0; s > 0 && tok[s - 1].sentence == tok[i].sentence &&
                       k < MAX_CLAUSE_BACK;
         k++) {
        s--;
        if (is_word(&tok[s], ",") || is_word(&tok[s], ";") ||
            is_word(&tok[s], ":"))
            return 0;
    }
    if (!(tok[s].flags & FG_TOKEN_SENT_START) || !(m[s].tags & FG_TAG_FINITE))
        return 0;
    for (size_t e = i; e < n && e < i + MAX_CLAUSE_BACK &&
                       tok[e].sentence == tok[i].sentence;
         e++)
        if (is_word(&tok[e], "?"))
            return 0;
    return 1;
}

/* Whether what stands before token i lets it be an attributive
 * adjective; m holds the analyses of the tokens before it. Not after a
 * subject before its verb: a pronoun ("sie besetzten Häuser"), a noun
 * ("Soldaten verletzten Zivilisten"), or the words that open a main
 * clause before its verb ("Gestern besetzten Demonstranten ...", "Doch
 * noch immer machen ..."): there the word is the verb, second in its
 * clause. Nor is a preterite shape after a comma or a closing quote one
 * ("..., sagte Außenminister X"): the verb opens that clause. A pronoun
 * after its verb ("gibt es zahlreiche Hinweise"), a noun in a
 * prepositional phrase after an article or a verb ("die im Land
 * stationierten Truppen", "gaben am Freitag zahlreiche Künstler"), and a
 * form no verb has ("die Schaffung neuer Stellen") are no such cases. */
static int attribute_after(const fg_lexicon *lex, const fg_token *tok,
                           const fg_morph *m, size_t n, size_t i)
{
    if (i == 0 || tok[i - 1].sentence != tok[i].sentence)
        return 1;
    const fg_token *p = &tok[i - 1];
    const fg_token *t = &tok[i];
    /* A number after a noun may close the phrase that opens the clause
     * ("Im Jahr 2017 gründeten 25 Staaten"); but "die 25 verletzten". */
    if ((p->flags & FG_TOKEN_NUMBER) && i > 1 &&
        tok[i - 2].sentence == t->sentence && noun_like(&tok[i - 2]) &&
        !determiner(lex, &tok[i - 2]) && opening_phrases(lex, tok, i - 1))
        return 0;
    size_t np = i - 1; /* the noun before, when p is one */
    if (!(p->flags & FG_TOKEN_WORD) || (p->flags & FG_TOKEN_NUMBER))
        return !((is_word(p, ",") || (p->flags & FG_TOKEN_QUOTE_CLOSE)) &&
                 (ends(t->norm, t->norm_len, "te") ||
                  ends(t->norm, t->norm_len, "ten"))) &&
               !after_verb_final(tok, m, n, i);
    if (in_list(p, SUBJECTS))
        return i > 1 && tok[i - 2].sentence == t->sentence &&
               (m[i - 2].tags & FG_TAG_FINITE);
    if (noun_like(&tok[np])) {
        if (adjective_only_ending(t))
            return 1;
        /* Back over the noun's article and adjectives to a preposition
         * that does not open the clause ("Am Montag verletzten Jets"). */
        for (size_t k = np; k > 1 && k + MAX_ATTR_BACK >= np + 1; k--) {
            const fg_token *q = &tok[k - 1];
            if (q->sentence != t->sentence)
                return 0;
            if (in_list(q, PREPOSITIONS)) {
                const fg_token *r = &tok[k - 2];
                return r->sentence == t->sentence &&
                       (determiner(lex, r) || coordinator(r) ||
                        adjective_like(lex, r) ||
                        (m[k - 2].tags & FG_TAG_FINITE));
            }
            if (!determiner(lex, q) && !adjective_like(lex, q))
                return 0;
        }
        return 0;
    }
    if (p->flags & FG_TOKEN_CAPITALISED)
        return in_list(p, PREPOSITIONS) || in_list(p, NUMERALS) ||
               determiner(lex, p) || (m[i - 1].tags & FG_TAG_FINITE);
    /* Right after the finite verb, the middle of the clause ("Betroffen
     * sind zivile und militärische Ziele"). */
    if ((m[i - 1].tags & FG_TAG_FINITE) && !(m[i - 1].tags & FG_TAG_GUESSED))
        return 1;
    if (coordinator(p))
        /* Not a verb coordinated with a verb ("gespeist und versorgen so
         * Millionen"), nor a preterite shape that opens a second main
         * clause ("Er besuchte die Truppe und sagte weitere Hilfen zu"). */
        return !(i > 1 && tok[i - 2].sentence == t->sentence &&
                 (m[i - 2].tags & FG_TAG_VERB) &&
                 !(m[i - 2].tags & FG_TAG_ADJ)) &&
               !second_preterite(lex, tok, m, i);
    /* A postposition closes the phrase before the verb: "Dem Bericht
     * zufolge lieferte Deutschland ..." */
    if (is_word(p, "zufolge"))
        return 0;
    if (determiner(lex, p) || in_list(p, PREPOSITIONS) ||
        in_list(p, NUMERALS) || adjective_like(lex, p))
        return 1;
    /* An adverb: back over adverbs to a finite verb, a noun phrase or
     * punctuation (then this is the middle of the clause: "hat heute neue
     * Sanktionen") or to the start of the sentence (then this is the
     * verb's place). */
    for (size_t k = i - 1, j = 0; k > 0 && j < MAX_ATTR_SPAN; k--, j++) {
        const fg_token *q = &tok[k - 1];
        if (q->sentence != t->sentence)
            return 0;
        if ((m[k - 1].tags & FG_TAG_FINITE) || noun_like(q) ||
            determiner(lex, q) || in_list(q, PREPOSITIONS))
            return 1; /* "die immer stärkeren Angriffe" */
        if (!(q->flags & FG_TOKEN_WORD))
            /* After a comma, adverbs open a clause whose verb an -en
             * form is ("..., doch diesmal spielen äußere Faktoren"); a
             * strong adjective rarely has -en. After an adverb that
             * opens a main clause, so is a preterite shape, as right
             * after the comma ("..., zudem sagte Paris ... zu"). */
            return !ends(t->norm, t->norm_len, "en") &&
                   !(j == 0 && in_list(p, OPENING_ADVERBS) &&
                     ends(t->norm, t->norm_len, "te"));
        if (q->flags & FG_TOKEN_SENT_START)
            return 0;
    }
    return 1;
}

/* Verbs whose finite forms take a bare infinitive at the end of the
 * clause: "will die Lieferungen ausweiten", "werden berichten". */
static const char *const MODALS[] = {"werden", "können", "müssen", "sollen",
                                     "wollen", "dürfen",  "mögen",  "lassen",
                                     NULL};

/* Whether the lexicon has t as a form with all of tags of a verb whose
 * lemma is one of lemmas. */
static int form_of(const fg_lexicon *lex, const fg_token *t,
                   const char *const *lemmas, uint32_t tags)
{
    for (uint32_t i = fg_lexicon_find(lex, t->norm, t->norm_len), k = 0;
         i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        i = a->next;
        if ((a->tags & tags) == tags &&
            in_words(a->lemma, a->lemma_len, lemmas))
            return 1;
    }
    return 0;
}

static int modal(const fg_lexicon *lex, const fg_token *t)
{
    return form_of(lex, t, MODALS, FG_TAG_FINITE);
}

/* The next word of the clause of token i (after punctuation), or n when
 * the clause ends first. */
static size_t next_clause_word(const fg_token *tok, size_t n, size_t i)
{
    const fg_token *t = &tok[i];
    size_t e = i + 1;
    /* A comma, colon or semicolon closes what follows of the clause too:
     * the clause splits at ", teilte sie mit" are made after this. */
    while (e < n && e <= i + MAX_ATTR_SPAN && tok[e].sentence == t->sentence &&
           tok[e].clause == t->clause && !(tok[e].flags & FG_TOKEN_WORD)) {
        if (is_word(&tok[e], ",") || is_word(&tok[e], ";") ||
            is_word(&tok[e], ":"))
            return n;
        e++;
    }
    int end = e >= n || tok[e].sentence != t->sentence ||
              tok[e].clause != t->clause || !(tok[e].flags & FG_TOKEN_WORD);
    return end ? n : e;
}

/* Whether a token before i in its clause (at most MAX_CLAUSE_BACK back)
 * is what is(lex, token) says. */
static int before_in_clause(const fg_lexicon *lex, const fg_token *tok,
                            size_t i,
                            int (*is)(const fg_lexicon *, const fg_token *))
{
    const fg_token *t = &tok[i];
    for (size_t k = i, j = 0; k > 0 && j < MAX_CLAUSE_BACK; k--, j++) {
        const fg_token *q = &tok[k - 1];
        if (q->sentence != t->sentence || q->clause != t->clause)
            return 0;
        if (is(lex, q))
            return 1;
    }
    return 0;
}

/* Whether token i stands where an infinitive stands: after "zu", or at
 * the end of its clause, with a modal verb before it in the clause or
 * right after it ("..., weil sie die Hilfe ausweiten wollen"). */
static int infinitive_slot(const fg_lexicon *lex, const fg_token *tok,
                           size_t n, size_t i)
{
    const fg_token *t = &tok[i];
    if (i > 0 && tok[i - 1].clause == t->clause &&
        tok[i - 1].sentence == t->sentence && is_word(&tok[i - 1], "zu"))
        return 1;
    size_t e = next_clause_word(tok, n, i);
    if (e < n)
        return modal(lex, &tok[e]);
    return before_in_clause(lex, tok, i, modal);
}

/* Whether the noun t, analysed as m, looks plural: its lemma is not its
 * form ("Staaten": staat, "Länder": land), or a guessed lemma ends in -en
 * ("die Grünen"). "Hinspiel", "Gläubiger" are taken for singulars. */
static int plural_like(const fg_token *t, const fg_morph *m)
{
    if (m->lemma_len != t->norm_len || memcmp(m->lemma, t->norm, t->norm_len))
        return 1;
    return (m->tags & FG_TAG_GUESSED) && ends(t->norm, t->norm_len, "en");
}

/* The auxiliaries a past participle goes with: "hat stationiert", "ist
 * stationiert", "wurde überwacht". */
static const char *const AUXILIARIES[] = {"haben", "sein", "werden", NULL};

static int auxiliary(const fg_lexicon *lex, const fg_token *t)
{
    return form_of(lex, t, AUXILIARIES, FG_TAG_VERB | FG_TAG_FINITE);
}

/* The participles that follow another in a passive or perfect: "ist
 * attackiert worden", "soll informiert gewesen sein". */
static int auxiliary_participle(const fg_lexicon *lex, const fg_token *t)
{
    return form_of(lex, t, AUXILIARIES, FG_TAG_VERB | FG_TAG_PARTICIPLE);
}

/* Whether token i stands where a past participle stands: at the end of
 * its clause (or before a coordinated word: "wurde überwacht und
 * kontrolliert") with a form of haben, sein or werden before it in the
 * clause, right before such a form that ends the clause ("..., weil
 * die Grenze überwacht wird"), or first in its sentence right before
 * one ("Unterzeichnet wurde das Abkommen in Paris"). */
static int participle_slot(const fg_lexicon *lex, const fg_token *tok,
                           size_t n, size_t i)
{
    const fg_token *t = &tok[i];
    if ((i == 0 || tok[i - 1].sentence != t->sentence) && i + 1 < n &&
        tok[i + 1].sentence == t->sentence && auxiliary(lex, &tok[i + 1]))
        return 1;
    size_t e = next_clause_word(tok, n, i);
    if (e < n) {
        if (auxiliary_participle(lex, &tok[e]))
            return 1;
        if (auxiliary(lex, &tok[e])) {
            size_t f = e + 1;
            return f >= n || tok[f].sentence != t->sentence ||
                   tok[f].clause != t->clause ||
                   !(tok[f].flags & FG_TOKEN_WORD);
        }
        if (!coordinator(&tok[e]))
            return 0;
    }
    return before_in_clause(lex, tok, i, auxiliary);
}

/* What the neighbours of a word say about it. */
typedef struct context {
    int attributive; /* it can be an adjective before a noun */
    int before_noun; /* a noun (maybe after adjectives) comes next */
    int after_article; /* after a determiner, not a relative pronoun */
    int du, ihr;     /* next to the pronoun du / ihr */
    int noun_form;   /* lowercase, but the lexicon has it as a noun */
    int infinitive;  /* where a modal verb's infinitive stands */
    int lower;       /* written lowercase */
    int closed;      /* a preposition, conjunction, numeral, pronoun */
    int after_subject; /* right after a subject pronoun */
    int before_name;   /* next comes a capitalised word the lexicon does
                        * not know as a noun: a name, most often */
    int after_np;      /* right after a noun or a subject pronoun: where
                        * a main clause's verb stands second */
    int after_plural;  /* right after a noun or after wir, sie: where a
                        * verb in -en is the plural present */
    int participle;    /* where a past participle stands */
    int after_opening; /* right after prepositional phrases or an adverb
                        * that open a main clause, before its subject:
                        * where its verb stands ("Nach Angaben aus Kiew
                        * liefern die USA ...", "Deshalb setzen die") */
    int after_subclause; /* right after a comma that closes a clause
                          * ending in its verb: where the next
                          * clause's verb stands ("Die Schiffe, die
                          * verlegt wurden, kehren zurück") */
    int after_preposition; /* right after a preposition other than zu */
    int after_determiner; /* right after an article or determiner */
    int before_lower_noun; /* next comes a lowercase form of a noun the
                            * lexicon knows, or an inflected adjective */
    int opens_before_verb; /* it opens the sentence, capitalised, and next
                            * comes a form the lexicon knows only as a
                            * finite verb: the phrase before a main
                            * clause's verb ("Somit ist") */
} context;

static void judge_context(const fg_lexicon *lex, const fg_token *tok,
                          const fg_morph *m, size_t n, size_t i, context *c)
{
    memset(c, 0, sizeof *c);
    const fg_token *t = &tok[i];
    if (noun_like(t) && t->n_parts < 2)
        return; /* but "im Wahlkampf-geprägten Land" */
    unsigned follows = noun_follows(lex, tok, n, i);
    c->before_noun = (follows & NOUN_NEXT) != 0;
    int after_zu = i > 0 && tok[i - 1].sentence == t->sentence &&
                   is_word(&tok[i - 1], "zu");
    /* After zu, a noun must come right after it ("zu neuen Ufern"), else
     * this is an infinitive ("zu suchen und Gräben ..."). Capitalised at
     * the start, a word before a noun is rather a noun before a name
     * ("Trainer Klopp") than an adjective but for the commonest endings
     * ("Neue Sanktionen", "Gepanzerte Fahrzeuge"). */
    c->attributive =
        (follows & (after_zu ? NOUN_NEXT : NOUN_AFTER_AND)) &&
        attribute_after(lex, tok, m, n, i) &&
        (!(t->flags & FG_TOKEN_CAPITALISED) ||
         ends(t->norm, t->norm_len, "e") || ends(t->norm, t->norm_len, "en"));
    /* After an article, and before more of its noun phrase ("einer
     * hochkarätigen und mit Spannung erwarteten Sitzung"); not after a
     * capitalised one that opens a sentence, a pronoun as often ("Das
     * teilte die Polizei mit"), nor after a comma, a relative pronoun as
     * often ("die Soldaten, die kämpften"). */
    const fg_token *nx = i + 1 < n && tok[i + 1].sentence == t->sentence
                             ? &tok[i + 1]
                             : NULL;
    c->after_article =
        i > 1 && tok[i - 1].sentence == t->sentence &&
        !(tok[i - 1].flags & FG_TOKEN_CAPITALISED) &&
        determiner(lex, &tok[i - 1]) && !is_word(&tok[i - 2], ",") && nx &&
        (coordinator(nx) || adjective_like(lex, nx) ||
         in_list(nx, PREPOSITIONS) || in_list(nx, DEGREE) ||
         (nx->flags & FG_TOKEN_NUMBER));
    c->after_subject = i > 0 && tok[i - 1].sentence == t->sentence &&
                       in_list(&tok[i - 1], SUBJECTS);
    const fg_token *pv = i > 0 && tok[i - 1].sentence == t->sentence
                             ? &tok[i - 1]
                             : NULL;
    /* A pronoun after its verb is no subject before one ("gibt es"). */
    c->after_np = pv && (noun_like(pv) ||
                         (in_list(pv, SUBJECTS) &&
                          !(i > 1 && tok[i - 2].sentence == t->sentence &&
                            (m[i - 2].tags & FG_TAG_FINITE))));
    c->after_plural = pv && ((noun_like(pv) && plural_like(pv, &m[i - 1])) ||
                             is_word(pv, "wir") || is_word(pv, "sie") ||
                             subject_phrase(lex, tok, i));
    c->after_subclause = (pv && is_word(pv, ",") && i > 1 &&
                          tok[i - 2].sentence == t->sentence &&
                          (m[i - 2].tags & FG_TAG_FINITE) != 0) ||
                         after_verb_final(tok, m, n, i) ||
                         after_verb_first(tok, m, n, i);
    c->after_opening =
        pv && nx && (determiner(lex, nx) || noun_like(nx)) &&
        (((noun_like(pv) || (pv->flags & FG_TOKEN_NUMBER)) &&
          opening_phrases(lex, tok, i - 1) &&
          in_list(&tok[clause_start(tok, i - 1)], PREPOSITIONS)) ||
         (clause_start(tok, i - 1) == i - 1 && in_list(pv, OPENING_ADVERBS)));
    c->after_preposition = pv && in_list(pv, PREPOSITIONS) &&
                           !is_word(pv, "zu");
    c->after_determiner = pv && determiner(lex, pv);
    c->before_lower_noun =
        nx && !(nx->flags & FG_TOKEN_CAPITALISED) &&
        (((known_tags(lex, nx->norm, nx->norm_len) &
           (FG_TAG_NOUN | FG_TAG_VERB | FG_TAG_WORD)) == FG_TAG_NOUN) ||
         (adjective_like(lex, nx) && adjective_ending(nx->norm, nx->norm_len)));
    c->participle = ends(t->norm, t->norm_len, "t") &&
                    participle_slot(lex, tok, n, i);
    c->before_name = nx && (nx->flags & FG_TOKEN_CAPITALISED) &&
                     (nx->flags & FG_TOKEN_WORD) &&
                     !(known_tags(lex, nx->norm, nx->norm_len) & FG_TAG_NOUN);
    c->closed = in_list(t, PREPOSITIONS) || coordinator(t) ||
                in_list(t, DEGREE) || in_list(t, NUMERALS) ||
                in_list(t, SUBJECTS);
    /* Infinitives end in -en, or -n after -er, -el ("liefern"). */
    c->infinitive = (ends(t->norm, t->norm_len, "en") ||
                     ends(t->norm, t->norm_len, "ern") ||
                     ends(t->norm, t->norm_len, "eln")) &&
                    infinitive_slot(lex, tok, n, i);
    c->lower = !(t->flags & FG_TOKEN_CAPITALISED);
    /* An infinitive or a participle may open the sentence before its
     * finite verb ("Verhandeln will Moskau nicht", "Unterzeichnet wurde
     * ..."); other unknown words there are no verb. */
    if (nx && !c->lower && (t->flags & FG_TOKEN_SENT_START) &&
        !(nx->flags & FG_TOKEN_CAPITALISED) &&
        !ends(t->norm, t->norm_len, "en") &&
        !ends(t->norm, t->norm_len, "ern") &&
        !ends(t->norm, t->norm_len, "eln")) {
        uint32_t tags = known_tags(lex, nx->norm, nx->norm_len);
        c->opens_before_verb =
            (tags & FG_TAG_FINITE) &&
            !(tags & (FG_TAG_WORD | FG_TAG_NOUN | FG_TAG_ADJ));
    }
    for (size_t k = i > 0 ? i - 1 : i; k <= i + 1 && k < n; k++) {
        if (k == i || tok[k].sentence != t->sentence)
            continue;
        c->du |= is_word(&tok[k], "du");
        c->ihr |= is_word(&tok[k], "ihr");
    }
}

/* ------------------------------------------------------------------ */
/* The lexicon                                                         */

/* The analysis of a form to use for a token, or NULL when none fits:
 * nouns for capitalised words inside a sentence; other word classes for
 * lowercase words, which are never nouns; at the start of a sentence
 * function words, then nouns. Between a function word and a verb
 * ("meinen", "sein") the next word decides: a noun makes it a
 * determiner. */
static const fg_lex_analysis *choose(const fg_lexicon *lex, uint32_t first,
                                     const fg_token *t, const context *c)
{
    const fg_lex_analysis *best = NULL;
    int best_score = -1;
    int cap = (t->flags & FG_TOKEN_CAPITALISED) != 0;
    int start = (t->flags & FG_TOKEN_SENT_START) != 0;
    uint32_t all = 0;
    int present = 0, past = 0; /* finite analyses in the present, past */
    for (uint32_t i = first, k = 0; i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        all |= a->tags;
        if (a->tags & FG_TAG_FINITE) {
            present |= !(a->tags & FG_TAG_PAST);
            past |= (a->tags & FG_TAG_PAST) != 0;
        }
        i = a->next;
    }
    int word_or_verb = (all & FG_TAG_WORD) && (all & FG_TAG_VERB);
    /* Right after a preposition, a determiner ("in einigen der Länder"),
     * but for the zu-infinitive ("sich zu einigen"); so before a noun
     * written lowercase ("einigen soldaten"). */
    int want_word = c->before_noun || c->after_preposition ||
                    c->before_lower_noun;
    for (uint32_t i = first, k = 0; i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        i = a->next;
        int noun = (a->tags & FG_TAG_NOUN) != 0;
        if (!cap && noun)
            continue;
        int score = cap && !start ? noun * 8
                    : cap         ? ((a->tags & FG_TAG_WORD) ? 16 : noun * 8)
                                  : 8;
        if (word_or_verb && (!cap || start))
            score += (a->tags & (want_word ? FG_TAG_WORD : FG_TAG_VERB))
                         ? 4 : 0;
        /* Before a noun, the participle with an ending rather than the
         * same preterite ("die entsandten Beobachter"). */
        if (c->attributive && (a->tags & FG_TAG_ADJ))
            score += 2;
        /* Right after a noun or a pronoun and not before a noun, where a
         * main clause's verb stands second, the finite verb rather than
         * the adjective ("Die Gruppe bekannte sich zu dem Anschlag"). */
        if (!c->before_noun && !c->before_lower_noun && c->after_np &&
            (all & FG_TAG_ADJ) &&
            (a->tags & FG_TAG_FINITE))
            score += 2;
        /* A present rather than another verb's subjunctive II or
         * preterite ("führen", not fahren's "führen"). */
        if (present && past && (a->tags & FG_TAG_FINITE) &&
            !(a->tags & FG_TAG_PAST))
            score += 1;
        score += (a->tags & FG_TAG_LEMMA) != 0; /* the plainer reading */
        if (score > best_score) {
            best = a;
            best_score = score;
        }
    }
    return best;
}

/* Prefixes that a verb's past participle has instead of ge- (and that
 * make derived nouns, not compounds). */
static const char *const INSEPARABLE[] = {
    "be",   "er",    "ver",    "zer",   "ent",  "emp", "miss",
    "über", "unter", "durch", "hinter", "wider", NULL};

/* The noun that ends the closed compound w (longest first), with the
 * byte offset where it starts; NULL when none is known. */
static const fg_lex_analysis *compound_head(const fg_lexicon *lex,
                                            const char *w, size_t n,
                                            size_t *at_out)
{
    for (size_t i = MIN_COMPOUND_PART; i + 3 <= n; i++) {
        if (((unsigned char)w[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        /* A verb prefix before a noun makes a derived noun, not a
         * compound: "Vereinigung" is no kind of Einigung. */
        int prefix = 0;
        for (size_t k = 0; INSEPARABLE[k] && !prefix; k++)
            prefix = strlen(INSEPARABLE[k]) == i &&
                     memcmp(w, INSEPARABLE[k], i) == 0;
        if (prefix)
            continue;
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

/* The adjective analysis of the folded w[0 .. n), or NULL. */
static const fg_lex_analysis *find_adjective(const fg_lexicon *lex,
                                             const char *w, size_t n)
{
    for (uint32_t i = fg_lexicon_find(lex, w, n), k = 0;
         i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        if ((a->tags & FG_TAG_ADJ) && !(a->tags & FG_TAG_VERB))
            return a;
        i = a->next;
    }
    return NULL;
}

/* Whether w[0 .. n) ends in an adjective that the lexicon has as its
 * own lemma ("unsicher" ends in "sicher"): then a final -er is no
 * comparative. */
static int ends_in_adjective(const fg_lexicon *lex, const char *w, size_t n)
{
    for (size_t j = 0; j + 3 <= n; j++) {
        if (((unsigned char)w[j] & 0xC0) == 0x80)
            continue;
        const fg_lex_analysis *a = find_adjective(lex, w + j, n - j);
        if (a && a->lemma_len == n - j && memcmp(a->lemma, w + j, n - j) == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The fallback for regular inflection                                 */

/* Suffixes after which a noun's -en is its plural or oblique ending
 * (Verhandlungen, Soldaten, Präsidenten, Journalisten, Staaten). */
static const char *const NOUN_EN[] = {
    "ung",  "heit", "keit", "schaft", "ion", "tät",  "ik",  "ur",  "ei",
    "ant",  "ent",  "ist",  "at",     "et",  "it",   "ot",  "eur", "ör",
    "nom",  "graf", "soph", "log",    "au",  "tur",  "enz", "anz", NULL};

/* Suffixes that end an adjective's stem, for comparison: a stem with
 * one of them before -st or -er is a superlative or comparative
 * (wichtigsten, brisanteste, neueste). */
static const char *const ADJ_STEMS[] = {
    "isch", "lich", "ig", "bar", "sam", "haft", "los", "voll", "end",
    "iv",   "al",   "ell", "är", "ös",  "ant",  "ent", "weit", "reich",
    "fähig", "mässig", "frei", "neu", "alt", "gross", "klein", NULL};

/* Suffixes that make a word an adjective wherever it stands (a
 * "britische" after which the noun is left out). Verbs end in some of
 * them too ("verteidigen", "vereinbaren", "erklären"), so their -en
 * forms are verbs but before a noun; only -ischen is not. */
static const char *const ADJ_SUFFIXES[] = {
    "isch", "lich", "ig",  "bar", "sam", "haft", "los",
    "voll", "iv",   "ell", "är",  "ös",  "al",   "reich", NULL};

/* Whether w[0 .. n) ends in a vowel (a, e, i, o, u, ä, ö, ü). */
static int ends_vowel(const char *w, size_t n)
{
    if (n == 0)
        return 0;
    char c = w[n - 1];
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           ends(w, n, "ä") || ends(w, n, "ö") || ends(w, n, "ü");
}

static int ends_any(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (ends(s, n, list[i]))
            return 1;
    return 0;
}

/* Whether the stem w[0 .. n) ends in an adjective suffix: one of
 * ADJ_SUFFIXES, or -il after a consonant (zivil, stabil, mobil; but
 * "teil", "eil" are verbs' stems). Only for lowercase words: "Chiles". */
static int adjective_suffix(const char *w, size_t n)
{
    return ends_any(w, n, ADJ_SUFFIXES) ||
           (n >= 5 && ends(w, n, "il") && !ends_vowel(w, n - 2));
}

/* Whether w[0 .. n) is a form in -t of a verb whose stem ends in -s
 * after a long vowel (reist, löst, haust; gelöst): not "robust", "meist"
 * is known, and other -st words are adverbs ("sonst", "erst"). */
static int s_stem_t(const char *w, size_t n)
{
    return n >= 5 &&
           (ends(w, n, "eist") || ends(w, n, "aust") || ends(w, n, "öst"));
}


/* Whether w[0 .. n) in -t can be the past participle of a verb without
 * ge-: in -ieren (stationiert), or after an inseparable prefix
 * (überwacht, beobachtet). */
static int participle_without_ge(const char *w, size_t n)
{
    /* Not "du ...st"; but -sst is a stem in s/ß ("begrüßt", folded
     * "begrüsst"; "erfasst"). */
    if (!ends(w, n, "t") || (ends(w, n, "st") && !ends(w, n, "sst")))
        return 0;
    if (n >= 7 && ends(w, n, "iert"))
        return 1;
    for (size_t i = 0; INSEPARABLE[i]; i++)
        if (begins(w, n, INSEPARABLE[i]) &&
            n >= strlen(INSEPARABLE[i]) + 4)
            return 1;
    return 0;
}

/* Sets m's lemma to w[0 .. keep) + add, and its tags. Returns 0 or
 * FG_ENOMEM. */
static int set_lemma(fg_morph *m, fg_arena *arena, const char *w, size_t n,
                     size_t keep, const char *add, uint32_t tags)
{
    m->tags = tags;
    if (keep == n && add[0] == '\0') {
        m->lemma = w;
        m->lemma_len = (uint32_t)n;
        return 0;
    }
    m->lemma = concat(arena, w, keep, add, &m->lemma_len);
    return m->lemma ? 0 : FG_ENOMEM;
}

/* Whether the -er that ends w[0 .. n) is stressed: the only vowel of
 * its root, after a consonant cluster that opens the word or follows
 * an inseparable prefix (beschwer-, erschwer-, überquer-, scher-); then
 * the infinitive takes -en. "qu" counts as a consonant. */
static int stressed_er(const char *w, size_t n)
{
    size_t k = n - 2;
    /* Any other letter than ASCII (ä, ö, ü, ß) ends the cluster. */
    while (k > 0 && (unsigned char)w[k - 1] < 0x80 &&
           !strchr("aeiouy", w[k - 1]))
        k--;
    if (k > 0 && w[k - 1] == 'u' && k > 1 && w[k - 2] == 'q')
        k -= 2;
    if (k == n - 2)
        return 0; /* a vowel right before: feier-, steuer- */
    /* The prefix may end in a consonant of the cluster: er|schwer. */
    for (size_t j = k; j < n - 2; j++)
        if (j == 0 || in_words(w, j, INSEPARABLE))
            return 1;
    return 0;
}

/* The infinitive of a weak verb from its stem w[0 .. n): the stem +
 * -en, but -n after an unstressed -er or -el (fordern, verhandeln, feiern),
 * -eln where that e fell out ("es handle sich": handeln) and -en after
 * -ier (stationieren). A stem's final e after a consonant is the e that -t
 * and -te need after some stems (gemeldet, arbeitete, unterzeichnete),
 * and goes. */
static int weak_infinitive(fg_morph *m, fg_arena *arena, const char *w,
                           size_t n, uint32_t tags)
{
    if (n > 3 && w[n - 1] == 'e' && !ends_vowel(w, n - 1))
        n--;
    if ((ends(w, n, "er") || ends(w, n, "el")) &&
        (!ends(w, n, "ier") || ends(w, n, "eier")) && !ends(w, n, "iel") &&
        !ends(w, n, "eer") && n > 4 && !(ends(w, n, "er") && stressed_er(w, n)))
        return set_lemma(m, arena, w, n, n, "n", tags);
    if (n > 3 && w[n - 1] == 'l' && !ends_vowel(w, n - 1) &&
        !strchr("hlr", w[n - 2]))
        return set_lemma(m, arena, w, n, n - 1, "eln", tags);
    return set_lemma(m, arena, w, n, n, "en", tags);
}

/* The lemma of an inflected adjective w[0 .. n) that the lexicon does
 * not know: the form without its ending, the comparative's -er and the
 * superlative's -(e)st; the lexicon knows the stem ("kleinere":
 * "kleiner": klein), or a comparison stem ends in an adjective suffix
 * ("wichtigsten"), or, for -er, the stem does not end in an adjective
 * of its own ("engere": eng, but "unsicheren": unsicher). */
static int adjective(const fg_lexicon *lex, const char *w, size_t n,
                     fg_arena *arena, fg_morph *m)
{
    uint32_t tags = FG_TAG_GUESSED | FG_TAG_ADJ;
    size_t s = n - (ends(w, n, "e") ? 1 : 2);
    const fg_lex_analysis *a = find_adjective(lex, w, s);
    if (a) {
        m->lemma = a->lemma;
        m->lemma_len = a->lemma_len;
        m->tags = tags;
        return 0;
    }
    if (s >= 6 && ends(w, s, "est") &&
        (find_adjective(lex, w, s - 3) || ends_any(w, s - 3, ADJ_STEMS)))
        s -= 3;
    else if (s > 5 && ends(w, s, "st") &&
             (find_adjective(lex, w, s - 2) || ends_any(w, s - 2, ADJ_STEMS)))
        s -= 2;
    else if (s > 4 && ends(w, s, "er") && !ends_in_adjective(lex, w, s) &&
             !in_words(w, s, PREPOSITIONS) && !ends_vowel(w, s - 2))
        s -= 2; /* not "unteren", "hinteren": unter, hinter */
    if ((a = find_adjective(lex, w, s)) != NULL) {
        m->lemma = a->lemma;
        m->lemma_len = a->lemma_len;
        m->tags = tags;
        return 0;
    }
    return set_lemma(m, arena, w, n, s, "", tags);
}

/* The lemma of a folded word w that the lexicon does not know, and what
 * the guess says about it, into m. noun: the token looks like a noun; c:
 * its context. Returns 0 or FG_ENOMEM. */
static int guess(const fg_lexicon *lex, const char *w, size_t n, int noun,
                 const context *c, fg_arena *arena, fg_morph *m)
{
    uint32_t tags = FG_TAG_GUESSED;
    if (noun) {
        size_t keep = n;
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
        return set_lemma(m, arena, w, n, keep, "", tags);
    }
    /* A separable verb's particle does not inflect, so it is its own
     * lemma: "fort" of fortsetzen is no verb foren, "bereit" of
     * bereitstellen no bereien. */
    if (c->closed || (c->lower && lex && fg_lexicon_is_particle(lex, w, n)))
        return set_lemma(m, arena, w, n, n, "", tags | FG_TAG_LEMMA);
    /* Adjectives without an ending that look like a verb in -t:
     * dauerhaft, konsequent (but "dient", "verdient"; and capitalised,
     * rather a noun: "Management"). */
    if ((n >= 7 && ends(w, n, "haft")) ||
        (c->lower && n >= 7 && ends(w, n, "ent") && !ends_vowel(w, n - 3) &&
         w[n - 4] != 'i'))
        return set_lemma(m, arena, w, n, n, "",
                         tags | FG_TAG_ADJ | FG_TAG_LEMMA);
    /* Before a noun, a word with an adjective ending is an adjective,
     * participles too ("die besetzten Gebiete": besetzt); so is one
     * after an article, when the noun comes later ("einer hochkarätigen
     * und mit Spannung erwarteten Sitzung"). */
    if ((c->attributive || c->after_article) && adjective_ending(w, n) &&
        !ends(w, n, "ieren")) /* trainieren, patrouillieren: verbs */
        return adjective(lex, w, n, arena, m);
    size_t p = 0; /* a separable particle in front */
    for (size_t i = 2; i + 4 <= n && lex && p == 0; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80 &&
            fg_lexicon_is_particle(lex, w, i) &&
            (begins(w + i, n - i, "ge") || begins(w + i, n - i, "zu")))
            p = i;
    const char *r = w + p;
    size_t rn = n - p;
    if (p && begins(r, rn, "zu") &&
        (ends(r, rn, "en") || ends(r, rn, "eln") || ends(r, rn, "ern"))) {
        /* einzusetzen: einsetzen; auszuhandeln: aushandeln */
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
    /* A lowercase form of a noun is a verb made from the noun
     * ("berichten", "kosten", "folgen"), not a preterite: the -en is the
     * infinitive's; so it is where a modal verb's infinitive stands
     * ("will die Lieferungen ausweiten"). */
    /* After a noun or "wir", "sie", where no infinitive stands, it is
     * the plural present ("Die Staaten verhandeln"); so is a verb in
     * -ieren, which is nothing else, wherever no infinitive stands ("Nun
     * patrouillieren Soldaten"). */
    uint32_t en_tags = tags | FG_TAG_VERB | FG_TAG_LEMMA |
                       ((c->after_plural || c->after_subclause ||
                         c->after_opening || ends(w, n, "ieren")) &&
                                !c->infinitive
                            ? FG_TAG_FINITE
                            : FG_TAG_INFINITIVE);
    if ((c->noun_form || c->infinitive) && ends(w, n, "en"))
        return set_lemma(m, arena, w, n, n, "", en_tags);
    /* But before a noun, an -en form of a known adjective is that
     * adjective ("in Folge neuen Clubrekord"). */
    if ((en_tags & FG_TAG_FINITE) && c->before_noun && ends(w, n, "en") &&
        find_adjective(lex, w, n - 2))
        return adjective(lex, w, n, arena, m);
    if (begins(r, rn, "ge") && rn > 4 && ends(r, rn, "t") &&
        (!ends(r, rn, "st") || (rn >= 7 && s_stem_t(r, rn)))) {
        /* gesagt: sagen; vorgelegt: vorlegen; gearbeitet: arbeiten */
        char *s = fg_arena_alloc(arena, n);
        if (s == NULL)
            return FG_ENOMEM;
        memcpy(s, w, p);
        memcpy(s + p, r + 2, rn - 3);
        return weak_infinitive(m, arena, s, n - 3,
                               tags | FG_TAG_VERB | FG_TAG_PARTICIPLE |
                                   (p ? FG_TAG_SEPARABLE : 0));
    }
    /* A participle before a noun, even where a noun stands before it
     * ("in digitaler Form gespeicherte Fotos"); but not before a name,
     * where a verb in ge- stands second ("Am Montag genehmigte Kanada"). */
    if (begins(r, rn, "ge") && rn > 6 && c->before_noun &&
        !c->before_name && !c->after_subject &&
        (ends(r, rn, "te") || ends(r, rn, "ten")))
        return adjective(lex, w, n, arena, m);
    if (adjective_ending(w, n) &&
        (ends(w, n, "ischen") ||
         (!ends(w, n, "en") &&
          (c->lower || !ends(w, n - (ends(w, n, "e") ? 1 : 2), "il")) &&
          adjective_suffix(w, n - (ends(w, n, "e") ? 1 : 2)))))
        return adjective(lex, w, n, arena, m);
    uint32_t V = tags | FG_TAG_VERB | FG_TAG_FINITE;
    if (c->participle && participle_without_ge(w, n))
        /* "wurde überwacht", "hat stationiert" */
        return weak_infinitive(m, arena, w, n - 1,
                               tags | FG_TAG_VERB | FG_TAG_PARTICIPLE);
    /* Other than a participle, what opens the sentence before its
     * finite verb is no verb ("Somit ist ...": no verb somien). */
    if (c->opens_before_verb)
        return set_lemma(m, arena, w, n, n, "", tags | FG_TAG_LEMMA);
    if (n >= 5 && c->du && ends(w, n, "st"))
        /* du forderst, du arbeitest; du arbeitetest (a preterite the
         * -ete- shows; "du sagtest" is taken for a present) */
        return weak_infinitive(m, arena, w,
                               n - (ends(w, n, "etest") ? 4
                                    : ends(w, n, "sst") ? 1 /* du hasst */
                                                        : 2),
                               V | (ends(w, n, "etest") ? FG_TAG_PAST : 0));
    if (n >= 5 && (ends(w, n, "etet") || (c->ihr && ends(w, n, "tet"))))
        /* A weak preterite, 2nd plural: ihr fordertet */
        return weak_infinitive(m, arena, w, n - 3, V | FG_TAG_PAST);
    if (n >= 5 && ends(w, n, "et"))
        /* After -d, -t and some clusters the present has -et
         * (arbeitet, berichtet, unterzeichnet). */
        return weak_infinitive(m, arena, w, n - 2, V);
    /* Not a preterite: a stem in -t or -d has -ete- there (so "retten"
     * is a present), and so does one in -icht, -ücht, -eucht ("berichten",
     * "flüchten", "leuchten"; but "reichten", "ermöglichten"). */
    size_t pre = n - (ends(w, n, "te") ? 2 : ends(w, n, "ten") ? 3 : 0);
    int present_t = pre < n && pre > 2 &&
                    (w[pre - 1] == 't' || w[pre - 1] == 'd' ||
                     (ends(w, pre, "ich") && !ends(w, pre, "eich") &&
                      !ends(w, pre, "lich")) ||
                     ends(w, pre, "üch") || ends(w, pre, "euch"));
    if (n >= 5 && !present_t &&
        (ends(w, n, "te") || ends(w, n, "ten") || ends(w, n, "test")))
        /* A weak preterite: erklärte, erklärten: erklären. */
        return weak_infinitive(
            m, arena, w, n - (ends(w, n, "te") ? 2 : ends(w, n, "ten") ? 3 : 4),
            V | FG_TAG_PAST);
    if (n >= 4 && ends(w, n, "t") && !ends(w, n, "st"))
        /* erklärt, fordert, stationiert */
        return weak_infinitive(m, arena, w, n - 1, V);
    if (c->lower && !c->after_determiner && s_stem_t(w, n))
        /* The -t after a stem in -s: reist, löst, haust; but a noun
         * written lowercase after its article: "der geist" */
        return weak_infinitive(m, arena, w, n - 1, V);
    if (ends(w, n, "en") || ends(w, n, "ern") || ends(w, n, "eln"))
        return set_lemma(m, arena, w, n, n, "", en_tags);
    if (c->lower && ends(w, n, "e") && adjective_ending(w, n) &&
        c->before_noun && !c->after_subject)
        /* before a noun, even after a noun ("Krankenschwestern neue
         * Hände"), rather an adjective than a verb */
        return adjective(lex, w, n, arena, m);
    if (n >= 4 && c->lower && ends(w, n, "e") && !ends(w, n, "weise"))
        /* 1st person or subjunctive I: man prüfe, ich fordere; not the
         * adverbs in -weise (möglicherweise), nor a capitalised word at
         * the start, more likely a noun */
        return weak_infinitive(m, arena, w, n - 1, V);
    return set_lemma(m, arena, w, n, n, "", tags | FG_TAG_LEMMA);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

/* Whether the lexicon has the form of t as a form of a noun, but for an
 * adjectival noun, whose forms are an adjective's ("Verletzten" of
 * Verletzter). */
static int noun_form(const fg_lexicon *lex, uint32_t first, const fg_token *t)
{
    for (uint32_t i = first, k = 0; i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        i = a->next;
        if (!(a->tags & FG_TAG_NOUN))
            continue;
        size_t n = t->norm_len;
        if (ends(a->lemma, a->lemma_len, "er") && n >= 2 &&
            a->lemma_len == n && memcmp(a->lemma, t->norm, n - 2) == 0)
            continue; /* Verletzter: Verletzten */
        return 1;
    }
    return 0;
}

/* A participle with an adjective ending, or a present participle, used
 * as an adjective has the uninflected participle as its lemma
 * ("fortgeschrittenen": fortgeschritten, "laufenden": laufend); where the
 * form is also a finite verb ("entsandten"), only before a noun. */
static int participle_adjective(const fg_lex_analysis *a, const context *c)
{
    return (a->tags & (FG_TAG_VERB | FG_TAG_ADJ)) ==
               (FG_TAG_VERB | FG_TAG_ADJ) &&
           (!(a->tags & FG_TAG_FINITE) || c->attributive);
}

/* A word the lexicon does not know that is a name of one token in the
 * gazetteers (not an adjective or prefix made from one) is a noun, not
 * inflected by the fallback's rules: "Bern" is no plural of a "Ber". Its
 * lemma is itself, or its entry's label when it is the label's genitive
 * ("Berns": bern). Returns 1 when m was set, 0 when t is no such name,
 * or FG_ENOMEM. */
static int name_lemma(const fg_lexicon *lex, const fg_token *tokens,
                      size_t ti, const char *text, fg_norm_scratch *norm,
                      fg_arena *arena, fg_morph *m)
{
    const fg_token *t = &tokens[ti];
    fg_gaz_hit hit;
    /* Only the one token: tokens[0 .. ti + 1). */
    if (t->n_parts > 1 || !fg_lexicon_match(lex, tokens, ti + 1, ti, text,
                                            &hit) ||
        hit.modifier || hit.end != ti + 1)
        return 0;
    m->lemma = t->norm;
    m->lemma_len = t->norm_len;
    m->tags = FG_TAG_NOUN | FG_TAG_GUESSED | FG_TAG_LEMMA;
    const fg_gaz_entry *e = fg_lexicon_entry(lex, hit.entry);
    if (e && ends(t->norm, t->norm_len, "s")) {
        const char *ln;
        size_t llen;
        if (fg_text_norm(e->label, strlen(e->label), norm, arena, &ln,
                         &llen) < 0)
            return FG_ENOMEM;
        if (llen + 1 == t->norm_len && memcmp(ln, t->norm, llen) == 0) {
            m->lemma = ln;
            m->lemma_len = (uint32_t)llen;
            m->tags &= ~FG_TAG_LEMMA;
        }
    }
    m->head = m->lemma;
    m->head_len = m->lemma_len;
    return 1;
}

/* Whether the capitalised token ti is an adjective in a name before
 * its noun ("die Deutsche Marine", "die Französische Armee"): it has an
 * adjective ending, the next word is a noun the lexicon knows (not a
 * name: "der Deutsche Thomas Bach"), and the word is an adjective the
 * lexicon lacks: unknown, with a stem that ends in an adjective suffix
 * or is a known adjective, or known only as an adjectival noun
 * ("Deutscher") and a gazetteer's adjective ("deutsch" of Deutschland).
 * A plain noun before a noun ("Ende Januar"), or an adjectival noun
 * that no gazetteer has ("die beiden Angeklagten Drohnenflüge"), is
 * none; a form the lexicon has as an adjective is left to choose(). */
static int capitalised_attribute(const fg_lexicon *lex, const fg_token *tok,
                                 size_t n, size_t ti, uint32_t first,
                                 const char *text)
{
    const fg_token *t = &tok[ti];
    const char *w = t->norm;
    size_t len = t->norm_len;
    if (!(t->flags & FG_TOKEN_CAPITALISED) || t->n_parts > 1 ||
        !adjective_ending(w, len) || ti + 1 >= n ||
        in_list(t, PREPOSITIONS) || determiner(lex, t))
        return 0;
    const fg_token *nx = &tok[ti + 1];
    size_t at;
    if (nx->sentence != t->sentence || !noun_like(nx) || nx->n_parts > 1 ||
        !((known_tags(lex, nx->norm, nx->norm_len) & FG_TAG_NOUN) ||
          compound_head(lex, nx->norm, nx->norm_len, &at)))
        return 0;
    size_t stem = len - (ends(w, len, "e") ? 1 : 2);
    if (first == NONE)
        return adjective_suffix(w, stem) || find_adjective(lex, w, stem);
    for (uint32_t i = first, k = 0; i != NONE && k < MAX_ANALYSES; k++) {
        const fg_lex_analysis *a = fg_lexicon_analysis(lex, i);
        i = a->next;
        /* Deutscher: Deutsche, Deutschen; not the lemma itself. */
        if (!(a->tags & FG_TAG_NOUN) || !ends(a->lemma, a->lemma_len, "er") ||
            a->lemma_len != stem + 2 || memcmp(a->lemma, w, stem) != 0 ||
            (a->lemma_len == len && memcmp(a->lemma, w, len) == 0))
            return 0;
    }
    fg_gaz_hit hit;
    return fg_lexicon_match(lex, tok, ti + 1, ti, text, &hit) &&
           hit.modifier && hit.end == ti + 1;
}

/* Participles of two verbs of the lexicon, told apart by the
 * auxiliary: with sein the first ("ist im Bahnhof gestanden"), with
 * haben or werden the second ("hat die Tat gestanden"), but for a
 * place and no object between haben and the participle ("hat an der
 * Grenze gestanden", "vor Gericht"). Without an auxiliary in the
 * clause, the finite form ("Die Angeklagten gestanden die Tat"). */
static const struct {
    const char *form, *with_sein, *with_haben;
} AUX_PARTICIPLES[] = {{"gestanden", "stehen", "gestehen"}};

static int is_haben(const fg_lexicon *lex, const fg_token *t)
{
    static const char *const HABEN[] = {"haben", "werden", NULL};
    return form_of(lex, t, HABEN, FG_TAG_VERB);
}

static int is_sein(const fg_lexicon *lex, const fg_token *t)
{
    static const char *const SEIN[] = {"sein", NULL};
    return form_of(lex, t, SEIN, FG_TAG_VERB);
}

/* Whether tok[a .. i) holds an object: a determiner or a pronoun that
 * no preposition governs ("hat die Tat gestanden", "hat es
 * gestanden"); *place gets whether a preposition stands there. */
static int object_between(const fg_lexicon *lex, const fg_token *tok,
                          size_t a, size_t i, int *place)
{
    static const char *const OBJECTS[] = {"es", "alles", "nichts", "das",
                                          "dies", "etwas", "ihn", NULL};
    int governed = 0, object = 0;
    *place = 0;
    for (size_t k = a; k < i; k++) {
        if (in_list(&tok[k], PREPOSITIONS)) {
            governed = *place = 1;
        } else if (noun_like(&tok[k])) {
            object |= !governed;
            governed = 0;
        } else if (!governed && (determiner(lex, &tok[k]) ||
                                 in_list(&tok[k], OBJECTS))) {
            object = 1;
        }
    }
    return object;
}

static const fg_lex_analysis *by_auxiliary(const fg_lexicon *lex,
                                           const fg_token *tok, size_t n,
                                           size_t i, uint32_t first)
{
    const fg_token *t = &tok[i];
    size_t e = 0;
    while (e < sizeof AUX_PARTICIPLES / sizeof *AUX_PARTICIPLES &&
           !is_word(t, AUX_PARTICIPLES[e].form))
        e++;
    if (e == sizeof AUX_PARTICIPLES / sizeof *AUX_PARTICIPLES)
        return NULL;
    /* The auxiliary: the nearest form of sein, haben or werden in the
     * clause, before the participle or after it ("soll den Mord
     * gestanden haben", "..., nachdem er gestanden hatte"). */
    int sein = 0, haben = 0;
    size_t from = i; /* where the words after the auxiliary start */
    for (size_t k = i, j = 0; k > 0 && j < MAX_CLAUSE_BACK; k--, j++) {
        const fg_token *q = &tok[k - 1];
        if (q->sentence != t->sentence || q->clause != t->clause)
            break;
        if ((sein = is_sein(lex, q)) || (haben = is_haben(lex, q))) {
            from = k;
            break;
        }
    }
    if (!sein && !haben) {
        size_t k = next_clause_word(tok, n, i);
        if (k < n) {
            sein = is_sein(lex, &tok[k]);
            haben = !sein && is_haben(lex, &tok[k]);
        }
        if (haben || sein) /* the clause before it, from its start */
            from = clause_start(tok, i);
    }
    const char *lemma = sein ? AUX_PARTICIPLES[e].with_sein
                             : AUX_PARTICIPLES[e].with_haben;
    int place = 0;
    if (haben && !object_between(lex, tok, from, i, &place) && place)
        lemma = AUX_PARTICIPLES[e].with_sein;
    uint32_t want = sein || haben ? FG_TAG_PARTICIPLE : FG_TAG_FINITE;
    for (uint32_t k = first, c = 0; k != NONE && c < MAX_ANALYSES; c++) {
        const fg_lex_analysis *an = fg_lexicon_analysis(lex, k);
        k = an->next;
        if ((an->tags & want) && strlen(lemma) == an->lemma_len &&
            memcmp(an->lemma, lemma, an->lemma_len) == 0)
            return an;
    }
    return NULL;
}

/* Whether the unknown capitalised word i in -en that opens its
 * sentence is a noun: the plural of a noun suffix, or the subject
 * before a finite verb ("Ornithologen beobachteten ...", "Ornithologen
 * zählten ..."): a finite verb the lexicon knows, or an unknown word
 * with the weak preterite's or the present's ending. Not before a modal
 * verb or werden, which take a fronted infinitive ("Verhandeln wollen
 * sie nicht"), but for wurde, which takes none; nor where a participle
 * stands before its auxiliary ("Gestohlen wurden ..."). */
static int subject_at_start(const fg_lexicon *lex, const fg_token *tok,
                            size_t n, size_t i)
{
    /* Adverbs in -en open a sentence before its verb too; other words
     * there (Dann, Müller) are no verb to begin with. */
    static const char *const ADVERBS_EN[] = {
        "oben",    "unten",    "hinten", "vorne", "innen",    "aussen",
        "drinnen", "draussen", "drüben", "eben",  "zuweilen", "bisweilen",
        "morgen",  "übermorgen", NULL};
    /* A plural of a noun suffix is no verb wherever it stands
     * ("Spekulationen über ...", "Unklarheiten sollen ..."). */
    static const char *const NOUN_PLURALS[] = {
        "ungen", "heiten", "keiten", "schaften", "ionen", "täten", NULL};
    if ((tok[i].flags & FG_TOKEN_SENT_START) &&
        ends_any(tok[i].norm, tok[i].norm_len, NOUN_PLURALS))
        return 1;
    if (!(tok[i].flags & FG_TOKEN_SENT_START) || i + 1 >= n ||
        !ends(tok[i].norm, tok[i].norm_len, "en") ||
        in_list(&tok[i], ADVERBS_EN))
        return 0;
    const fg_token *nx = &tok[i + 1];
    if (nx->sentence != tok[i].sentence || !(nx->flags & FG_TOKEN_WORD) ||
        (nx->flags & (FG_TOKEN_CAPITALISED | FG_TOKEN_NUMBER)))
        return 0;
    if (auxiliary(lex, nx) && begins(tok[i].norm, tok[i].norm_len, "ge"))
        return 0;
    uint32_t tags = known_tags(lex, nx->norm, nx->norm_len);
    if (tags)
        return (tags & FG_TAG_FINITE) &&
               !(tags & (FG_TAG_WORD | FG_TAG_NOUN)) &&
               (!modal(lex, nx) || is_word(nx, "wurde") ||
                is_word(nx, "wurden"));
    return nx->norm_len >= 6 &&
           (ends(nx->norm, nx->norm_len, "ten") ||
            ends(nx->norm, nx->norm_len, "te") ||
            ends(nx->norm, nx->norm_len, "et"));
}

static int analyse_token(fg_morph_vec *v, const fg_lexicon *lex,
                         const fg_token *tokens, size_t n, size_t ti,
                         fg_morph *m, const char *text, fg_norm_scratch *norm,
                         fg_arena *arena)
{
    const fg_token *t = &tokens[ti];
    memset(m, 0, sizeof *m);
    m->lemma = m->head = t->norm;
    m->lemma_len = m->head_len = t->norm_len;
    int word = (t->flags & FG_TOKEN_WORD) && !(t->flags & FG_TOKEN_NUMBER);
    /* The stem. */
    m->stem = t->norm;
    m->stem_len = t->norm_len;
    if (word && v->stemmer) {
        fg_stem st;
        if (stem_of(v, t->norm, t->norm_len, &st) < 0)
            return FG_ENOMEM;
        m->stem = st.s;
        m->stem_len = st.len;
    }
    if (!word || lex == NULL)
        return 0;
    int capital = (t->flags & FG_TOKEN_CAPITALISED) != 0;
    int rc;
    uint32_t first = fg_lexicon_find(lex, t->norm, t->norm_len);
    /* The context decides only for unknown words and for forms that are
     * a verb and a function word or an adjective, or a noun written
     * lowercase; most words need none of it. */
    uint32_t all = first != NONE ? known_tags(lex, t->norm, t->norm_len) : 0;
    context c;
    memset(&c, 0, sizeof c);
    if (first == NONE ||
        ((all & FG_TAG_VERB) && (all & (FG_TAG_WORD | FG_TAG_ADJ))) ||
        (!capital && (all & FG_TAG_NOUN)))
        judge_context(lex, tokens, v->items, n, ti, &c);
    c.noun_form = !capital && noun_form(lex, first, t);
    if (capital && capitalised_attribute(lex, tokens, n, ti, first, text))
        return adjective(lex, t->norm, t->norm_len, arena, m);
    const fg_lex_analysis *a =
        first != NONE ? choose(lex, first, t, &c) : NULL;
    const fg_lex_analysis *by_aux;
    if (a && !capital && (a->tags & FG_TAG_VERB) &&
        (by_aux = by_auxiliary(lex, tokens, n, ti, first)) != NULL)
        a = by_aux;
    /* Capitalised inside a sentence, a form the lexicon knows only as a
     * verb's infinitive (or plural present) is a nominalised infinitive
     * ("nach zähem Ringen", "zum Verhandeln"): a noun, itself its lemma. */
    if (a && capital && !(t->flags & FG_TOKEN_SENT_START) &&
        !(a->tags & FG_TAG_NOUN) && (all & FG_TAG_INFINITIVE))
        return set_lemma(m, arena, t->norm, t->norm_len, t->norm_len, "",
                         FG_TAG_NOUN | FG_TAG_LEMMA);
    /* Capitalised inside a sentence after an article, a preposition or
     * an inflected adjective, a form the lexicon knows only as a verb's
     * is a noun it does not know ("eine Lüge", not lügen; "ihren
     * Beistand", not beistehen's preterite): guessed as one below. A
     * participle with an ending stays the adjectival noun it makes
     * ("die Vertriebenen"). */
    if (a && capital && !(t->flags & FG_TOKEN_SENT_START) &&
        !(all & (FG_TAG_NOUN | FG_TAG_ADJ)) && (a->tags & FG_TAG_VERB) &&
        ti > 0 &&
        tokens[ti - 1].sentence == t->sentence &&
        (determiner(lex, &tokens[ti - 1]) ||
         in_list(&tokens[ti - 1], PREPOSITIONS) ||
         (adjective_like(lex, &tokens[ti - 1]) &&
          adjective_ending(tokens[ti - 1].norm, tokens[ti - 1].norm_len))))
        a = NULL;
    if (a && participle_adjective(a, &c)) {
        size_t e = ends(t->norm, t->norm_len, "e") ? 1
                   : adjective_ending(t->norm, t->norm_len) ? 2
                                                            : 0;
        return set_lemma(m, arena, t->norm, t->norm_len, t->norm_len - e, "",
                         (a->tags & (FG_TAG_VERB | FG_TAG_ADJ |
                                     FG_TAG_PARTICIPLE | FG_TAG_SEPARABLE)) |
                             (e ? 0 : FG_TAG_LEMMA));
    }
    if (a) {
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
        pt.flags = (pt.flags & ~(FG_TOKEN_SENT_START | FG_TOKEN_CAPITALISED)) |
                   (((unsigned char)text[last->start] >= 'A' &&
                     (unsigned char)text[last->start] <= 'Z')
                        ? FG_TOKEN_CAPITALISED
                        : 0);
        const fg_lex_analysis *pa =
            pf != NONE ? choose(lex, pf, &pt, &c) : NULL;
        /* A capitalised last part is a noun, not a verb's form the
         * lexicon has ("Lürssen-Werft": no werfen): the lexicon's noun,
         * else one guessed below. */
        if (pa && (pt.flags & FG_TOKEN_CAPITALISED) &&
            !(pa->tags & (FG_TAG_NOUN | FG_TAG_ADJ)))
            pa = NULL;
        size_t at;
        const fg_lex_analysis *ph =
            pa == NULL && (pt.flags & FG_TOKEN_CAPITALISED)
                ? compound_head(lex, ln, llen, &at)
                : NULL;
        if (pa) {
            part.lemma = pa->lemma;
            part.lemma_len = pa->lemma_len;
            part.tags = pa->tags;
        } else if (ph) {
            /* The last part is a closed compound itself: its head is the
             * whole word's ("Ukraine-Friedenskonferenz": konferenz). */
            part.lemma = concat(arena, ln, at, ph->lemma, &part.lemma_len);
            if (part.lemma == NULL)
                return FG_ENOMEM;
            part.tags = FG_TAG_NOUN | FG_TAG_COMPOUND;
        } else if (guess(lex, ln, llen,
                         (pt.flags & FG_TOKEN_CAPITALISED) != 0, &c, arena,
                         &part) < 0) {
            return FG_ENOMEM;
        }
        m->head = ph ? ph->lemma : part.lemma;
        m->head_len = ph ? ph->lemma_len : part.lemma_len;
        if (ph) {
            m->part = part.lemma;
            m->part_len = part.lemma_len;
        }
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
        } else if (!capital && t->shape && strchr(t->shape, 'X')) {
            /* A capital inside a lowercase word: a brand ("iPhone"),
             * whose form is its lemma. */
            m->tags = FG_TAG_GUESSED | FG_TAG_LEMMA;
        } else if (capital && first == NONE &&
                   (rc = name_lemma(lex, tokens, ti, text, norm, arena,
                                    m)) != 0) {
            if (rc < 0)
                return rc;
        } else if (guess(lex, t->norm, t->norm_len,
                         capital && (!(t->flags & FG_TOKEN_SENT_START) ||
                                     subject_at_start(lex, tokens, n, ti)),
                         &c, arena, m) < 0) {
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

static int finite_verb(const fg_token *t, const fg_morph *m)
{
    return (m->tags & FG_TAG_FINITE) && !(t->flags & FG_TOKEN_CAPITALISED &&
                                          !(t->flags & FG_TOKEN_SENT_START));
}

/* Splits the clause of tokens [a, b) before a coordinating conjunction
 * that joins two main clauses, each with a finite verb of its own: "Sie
 * kamen zusammen und berieten"; and after a comma or a dash that a
 * finite verb follows ("..., sagte er"), or soon follows when a finite
 * verb came before ("Er sagte, es gehe voran").
 * Returns how many clauses were added. */
static uint32_t split_coordinated(const fg_lexicon *lex, fg_token *tok,
                                  const fg_morph *m, size_t a, size_t b)
{
    uint32_t added = 0;
    int before = 0; /* a finite verb since the last split */
    int dash_open = 0; /* a dash that split nothing: "X – der ... – sagte" */
    for (size_t k = a + 1; k + 1 < b; k++) {
        int after = 0;
        before |= finite_verb(&tok[k - 1], &m[k - 1]);
        if (tok[k].flags & FG_TOKEN_DASH) {
            /* The dash that closes a parenthesis splits nothing either:
             * its clause goes on. */
            if (dash_open) {
                dash_open = 0;
                continue;
            }
            dash_open = 1;
        }
        if ((tok[k].norm_len == 1 && tok[k].norm[0] == ',') ||
            (tok[k].flags & FG_TOKEN_DASH)) {
            /* A finite verb right after the comma opens a clause ("...,
             * sagte er"); so does one soon after it, before other
             * punctuation, when a finite verb came before ("Er sagte, es
             * gehe voran", "..., die Lage sei ernst"). A dash between
             * two main clauses does the same ("Alle haben Feiertage – zu
             * Weihnachten stellen wir einige vor"). */
            after = finite_verb(&tok[k + 1], &m[k + 1]);
            /* So does an adverb that opens a main clause with the
             * finite verb after it, also where no finite verb was found
             * before ("..., zudem sagte Paris Kredite zu"). */
            if (!after && k + 2 < b && in_list(&tok[k + 1], OPENING_ADVERBS))
                after = finite_verb(&tok[k + 2], &m[k + 2]);
            for (size_t j = k + 1; before && j < b && j <= k + 4 && !after &&
                                   (tok[j].flags & FG_TOKEN_WORD);
                 j++)
                after = finite_verb(&tok[j], &m[j]);
            if (after) {
                tok[k + 1].flags |= FG_TOKEN_CLAUSE_START;
                added++;
                before = 0;
                dash_open = 0;
                k++; /* the clause starts at k + 1 */
            }
            continue;
        }
        /* A conjunction after a truncated compound joins the parts of
         * words, not clauses: "die Sicherheits- und
         * Verteidigungspolitik", "Außen- und Verteidigungsminister". */
        if (!coordinator(&tok[k]) || ends(tok[k - 1].norm,
                                          tok[k - 1].norm_len, "-"))
            continue;
        /* The verb comes right after the conjunction, or after its
         * subject: "und berieten", "und die Minister berieten"; in the
         * same stretch without punctuation ("und die Verteidigung, sagte
         * er" coordinates no clause). */
        for (size_t j = k + 1; j < b && j <= k + 4 && !after &&
                               !is_word(&tok[j], ",") &&
                               !is_word(&tok[j], ":");
             j++)
            after = finite_verb(&tok[j], &m[j]);
        /* A form that is also a participle right after the coordinator,
         * where no finite verb stands before it, is rather an adverb
         * coordinated with the one before ("wies die Kritik scharf und
         * entschieden zurück"): no clause, and the particle that comes
         * next stays with the verb before. */
        if (after && k + 2 < b && (m[k + 1].tags & FG_TAG_PARTICIPLE) &&
            fg_lexicon_is_particle(lex, tok[k + 2].norm, tok[k + 2].norm_len) &&
            (k + 3 >= b || !(tok[k + 3].flags & FG_TOKEN_WORD)) &&
            finite_verb(&tok[k + 1], &m[k + 1]) &&
            (tok[k - 1].flags & FG_TOKEN_WORD) &&
            !(tok[k - 1].flags & FG_TOKEN_CAPITALISED) &&
            !(m[k - 1].tags & (FG_TAG_FINITE | FG_TAG_NOUN)) &&
            !in_list(&tok[k - 1], SUBJECTS))
            after = 0;
        if (!before || !after)
            continue;
        tok[k].flags |= FG_TOKEN_CLAUSE_START;
        added++;
        before = 0;
    }
    return added;
}

/* Whether w[0 .. n) is a pronominal adverb: da- before a preposition
 * that begins with a consonant ("dagegen", "dafür", "davon"), dar-
 * before one that begins with a vowel ("darauf", "darüber"). */
static int pronominal_adverb(const char *w, size_t n)
{
    if (begins(w, n, "dar") && n > 3 && in_words(w + 3, n - 3, PREPOSITIONS))
        return w[3] == 'a' || w[3] == 'i' || w[3] == 'u' ||
               begins(w + 3, n - 3, "ü");
    return begins(w, n, "da") && n > 2 && in_words(w + 2, n - 2, PREPOSITIONS);
}

/* The finite verb of the last conjunct in tok[k .. e) whose first
 * finite verb is k: the first finite verb soon after the last
 * coordinator that has one (after its subject: MAX_CONJUNCT_VERB tokens
 * at most), or k. A form that is also a participle is left out: it is
 * rather an adverb ("wies die Vorwürfe der USA und Londons entschieden
 * zurück"). */
static size_t conjunct_verb(const fg_token *tok, const fg_morph *m, size_t k,
                            size_t e)
{
    size_t v = k;
    for (size_t j = k + 1; j < e; j++) {
        if (!coordinator(&tok[j]) || ends(tok[j - 1].norm, tok[j - 1].norm_len,
                                           "-"))
            continue;
        for (size_t f = j + 1; f < e && f <= j + MAX_CONJUNCT_VERB; f++)
            if (finite_verb(&tok[f], &m[f]) &&
                !(m[f].tags & (FG_TAG_SEPARABLE | FG_TAG_PARTICIPLE))) {
                v = f;
                j = f;
                break;
            }
    }
    return v;
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
    /* A particle that is also an adjective is the adjective after an
     * adverb of degree, which a particle does not take: "fällt ihr sehr
     * schwer" (not schwerfallen), "nimmt die Drohung zu leicht". */
    int adj_particle =
        (known_tags(lex, p->norm, p->norm_len) & FG_TAG_ADJ) != 0;
    if (adj_particle && in_list(&tok[e - 2], DEGREE))
        return 0;
    /* A pronominal adverb ("dagegen", "darauf", "dafür") at the end of
     * a clause is the verb's adverb ("meint dagegen, ..."), its particle
     * only where the lexicon gives the verb that particle
     * ("dagegenhalten"). */
    int pronominal = pronominal_adverb(p->norm, p->norm_len);
    /* Nor is one after "wie": "nach wie vor". */
    if (is_word(&tok[e - 2], "wie"))
        return 0;
    for (size_t k = a; k < e - 1; k++) {
        if (!finite_verb(&tok[k], &m[k]) || (m[k].tags & FG_TAG_SEPARABLE))
            continue;
        /* A particle belongs to the finite verb of its own conjunct:
         * where two main clauses were not split ("Er traf X und der
         * ukrainische Präsident Y sagte Hilfe zu"), to the verb after
         * the coordinator. */
        k = conjunct_verb(tok, m, k, e - 1);
        fg_morph *v = &m[k];
        char *s = fg_arena_alloc(arena, p->norm_len + v->lemma_len + 1);
        if (s == NULL)
            return FG_ENOMEM;
        memcpy(s, p->norm, p->norm_len);
        memcpy(s + p->norm_len, v->lemma, v->lemma_len + 1);
        /* A particle that is also an adjective joins a verb of the
         * lexicon only where the lexicon gives the verb that particle:
         * "ist ... bekannt" is no verb bekanntsein, and "nimmst ...
         * leicht" no leichtnehmen, but "fällt ... schwer" is
         * schwerfallen. */
        int known = (known_tags(lex, s, p->norm_len + v->lemma_len) &
                     FG_TAG_VERB) != 0;
        if (adj_particle && !(v->tags & FG_TAG_GUESSED) && !known)
            return 0;
        if (pronominal && !known)
            return 0;
        /* A modal verb takes its infinitive, not a particle, but for
         * the verbs the lexicon has ("zulassen"): a particle after
         * "soll" belongs to a later clause's verb ("..., zudem sagte
         * Paris Kredite zu"), never zusollen. */
        if (!known && modal(lex, &tok[k]))
            continue;
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
            split |= split_coordinated(lex, tok, m, a, b) > 0;
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
            /* A particle before a comma inside the clause too: "bereitet
             * ... eine Offensive vor, berichten Medien", where the clause
             * after the comma was not split off. */
            for (size_t c = a + 2; c < b; c++)
                if (is_word(&tok[c], ",") &&
                    join_particle(lex, tok, m, a, c, arena) < 0)
                    return FG_ENOMEM;
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
    /* Emptied between documents only: this one's stems stay valid. */
    if (v->n_stems > FG_STEM_CACHE_MAX) {
        fg_strmap_clear(&v->stem_index);
        fg_arena_reset(&v->stem_arena);
        v->n_stems = 0;
    }
    for (size_t i = 0; i < n; i++)
        if (analyse_token(v, lex, tokens, n, i, &v->items[i], text, norm,
                          arena) < 0)
            return FG_ENOMEM;
    return lex ? analyse_clauses(lex, tokens, v->items, n, arena) : 0;
}
