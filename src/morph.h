/* morph: lemmas, stems and compound heads of tokens.
 *
 * Fills an array parallel to the tokens (fg_morph, public in
 * factgraph.h). For now it implements DESIGN.md's last fallback: the
 * lemma and the stem are the token's case-folded form, and the head of a
 * hyphenated compound ("NATO-Hauptquartier") is its last part's folded
 * form. The German lexicon, the regular-inflection fallback and
 * separable verbs come with the German-analysis stage. Strings live in
 * the caller's arena. */
#ifndef FG_MORPH_H
#define FG_MORPH_H

#include <stddef.h>

#include "arena.h"
#include "factgraph.h"
#include "text.h"

typedef struct fg_morph_vec {
    fg_morph *items;
    size_t cap;
} fg_morph_vec;

void fg_morph_vec_clear(fg_morph_vec *v);

/* Fills v->items[0 .. n) for tokens[0 .. n) of text. Returns 0 or
 * FG_ENOMEM. */
int fg_morph_analyse(fg_morph_vec *v, const fg_token *tokens, size_t n,
                     const char *text, fg_norm_scratch *norm,
                     fg_arena *arena);

#endif
