/* morph: lemmas, stems, tags and compound heads of tokens, and separable
 * verbs.
 *
 * Fills an array parallel to the tokens (fg_morph, public in
 * factgraph.h). A token's lemma comes, in order, from
 *  1. the lexicon (rules/lexicon/: strong and irregular verbs with their
 *     prefixed verbs, irregular nouns and adjectives, function words);
 *  2. a closed compound whose last part the lexicon knows
 *     ("Verteidigungsministern": "verteidigungs" + "minister");
 *  3. the fallback for regular inflection: suffix rules for weak verbs
 *     (ge-...-t, -te, -zu-), nouns (-en, -n, -s, -innen) and adjectives
 *     (endings after -isch, -lich, -ig, ...) -- chosen over Hunspell by
 *     measurement (doc/lexicon.md);
 *  4. the case-folded form.
 * The stem is Snowball's German stemmer's (libstemmer), one stemmer per
 * worker. Then, clause by clause, coordinated main clauses are split
 * ("kamen zusammen und berieten") and a finite verb with a clause-final
 * particle gets the joined lemma ("nahm ... teil": teilnehmen); the
 * particle is tagged FG_TAG_PARTICLE. Strings live in the caller's arena.
 */
#ifndef FG_MORPH_H
#define FG_MORPH_H

#include <stddef.h>

#include "arena.h"
#include "factgraph.h"
#include "lexicon.h"
#include "text.h"

/* A worker's morphology: the array and the stemmer. */
typedef struct fg_morph_vec {
    fg_morph *items;
    size_t cap;
    struct sb_stemmer *stemmer; /* made at the first use */
} fg_morph_vec;

void fg_morph_vec_clear(fg_morph_vec *v);

/* Fills v->items[0 .. n) for tokens[0 .. n) of text, and may split
 * clauses (tokens' clause and FG_TOKEN_CLAUSE_START). lex may be NULL.
 * Returns 0 or FG_ENOMEM. */
int fg_morph_analyse(fg_morph_vec *v, const fg_lexicon *lex,
                     fg_token *tokens, size_t n, const char *text,
                     fg_norm_scratch *norm, fg_arena *arena);

#endif
