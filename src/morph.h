/* morph: lemmas, stems, tags and compound heads of tokens, and separable
 * verbs.
 *
 * Fills an array parallel to the tokens (fg_morph, public in
 * factgraph.h). A token's lemma comes, in order, from
 *  1. the lexicon (rules/lexicon/: strong and irregular verbs with their
 *     prefixed verbs, irregular nouns and adjectives, function words);
 *     among a form's analyses, capitalisation decides (a lowercase word
 *     is never a noun), then the neighbours: before a noun a determiner
 *     rather than a verb ("meine"), a participle rather than a preterite
 *     ("die entsandten Beobachter"). A participle with an adjective
 *     ending, or a present participle, has the participle as its lemma
 *     ("fortgeschrittenen": fortgeschritten);
 *  2. a closed compound whose last part the lexicon knows
 *     ("Verteidigungsministern": "verteidigungs" + "minister");
 *  3. the fallback for regular inflection, by suffix rules that the
 *     neighbours steer: an adjective where a noun follows and no subject
 *     comes before ("die besetzten Gebiete": besetzt, "eine engere
 *     Zusammenarbeit": eng), otherwise weak verbs (ge-...-t, -te, -et,
 *     -ern, -ieren, -zu-; an infinitive where a modal verb's stands, the
 *     2nd person next to du and ihr), nouns (-en, -n, -s, -innen) and
 *     adjectives (endings after -isch, -lich, -ig, ...) -- chosen over
 *     Hunspell by measurement (doc/lexicon.md);
 *  4. the case-folded form.
 * The stem is Snowball's German stemmer's (libstemmer), one stemmer per
 * worker. Then, clause by clause, coordinated main clauses are split
 * ("kamen zusammen und berieten") and a finite verb with a clause-final
 * particle gets the joined lemma ("nahm ... teil": teilnehmen); the
 * particle is tagged FG_TAG_PARTICLE. A particle that is also an
 * adjective joins a lexicon verb only if the lexicon gives the verb that
 * particle, and never after an adverb of degree ("sehr schwer").
 * Strings live in the caller's arena.
 */
#ifndef FG_MORPH_H
#define FG_MORPH_H

#include <stddef.h>

#include "arena.h"
#include "factgraph.h"
#include "lexicon.h"
#include "strmap.h"
#include "text.h"

/* A stem cached: its bytes live in the cache's arena. */
typedef struct fg_stem {
    const char *s;
    uint32_t len;
} fg_stem;

/* A worker's morphology: the array, the stemmer, and a cache of the
 * stems of the words seen (Snowball took 40% of the analysis; words
 * repeat). The cache is emptied before a document once it holds more than
 * FG_STEM_CACHE_MAX words, so that its memory stays bounded. */
typedef struct fg_morph_vec {
    fg_morph *items;
    size_t cap;
    struct sb_stemmer *stemmer; /* made at the first use */
    fg_strmap stem_index;       /* norm -> index into stems */
    fg_stem *stems;
    size_t n_stems, cap_stems;
    fg_arena stem_arena;        /* the cache's keys and stems */
} fg_morph_vec;

#define FG_STEM_CACHE_MAX 12000

void fg_morph_vec_init(fg_morph_vec *v);
void fg_morph_vec_clear(fg_morph_vec *v);

/* Fills v->items[0 .. n) for tokens[0 .. n) of text, and may split
 * clauses (tokens' clause and FG_TOKEN_CLAUSE_START). lex may be NULL.
 * Returns 0 or FG_ENOMEM. */
int fg_morph_analyse(fg_morph_vec *v, const fg_lexicon *lex,
                     fg_token *tokens, size_t n, const char *text,
                     fg_norm_scratch *norm, fg_arena *arena);

#endif
