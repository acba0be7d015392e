/* tokenise: tokens, sentences, clauses and paragraphs of German news.
 *
 * An fg_tokeniser holds the word lists that tokenising needs, loaded once
 * from data files under rules/tokeniser/ and read-only afterwards (safe
 * to share between threads):
 *   abbreviations.txt  one abbreviation per line, "TAB final" when it may
 *                      end a sentence; multi-part ones ("z. B.") with
 *                      single spaces, and then also matched without them
 *   words.txt          "WORD TAB CLASS": subordinator, relative,
 *                      preposition, infinitive (clause starters), month
 *                      and ordinal-determiner (ordinal numbers)
 *
 * fg_tokenise fills a caller-owned token vector that is reused from one
 * document to the next; norms, shapes and parts live in the caller's
 * arena. See doc/tokenising.md for the conventions. */
#ifndef FG_TOKENISE_H
#define FG_TOKENISE_H

#include <stddef.h>

#include "arena.h"
#include "cache.h"
#include "factgraph.h"
#include "text.h"

typedef struct fg_tokeniser fg_tokeniser;

/* Loads the lists from dir (the rules/tokeniser folder). Problems are
 * reported in diags; then the result is FG_EDATA. Every byte read is
 * added to digest (cache.h; or NULL), so that a run can say which
 * data it used. */
int fg_tokeniser_load(fg_tokeniser **out, const char *dir,
                      fg_digest *digest, fg_diag_list *diags);
void fg_tokeniser_free(fg_tokeniser *tk);

typedef struct fg_token_vec {
    fg_token *items;
    size_t n, cap;
    unsigned char *breaks; /* line breaks before each token, at most 2 */
    size_t breaks_cap;
    fg_span *parts; /* scratch for one token's compound parts */
    size_t n_parts, parts_cap;
} fg_token_vec;

void fg_token_vec_clear(fg_token_vec *v);

/* Where diagnostics about a document point: its file and, for JSON
 * Lines, the line (0 otherwise). */
typedef struct fg_doc_origin {
    const char *file;
    unsigned long line;
} fg_doc_origin;

/* Tokenises text into v (emptied first). *n_sentences_out gets the
 * number of sentences. Returns 0 or FG_ENOMEM. */
int fg_tokenise(const fg_tokeniser *tk, const fg_text *text,
                fg_token_vec *v, fg_norm_scratch *norm, fg_arena *arena,
                const fg_doc_origin *origin, fg_diag_list *diags,
                size_t *n_sentences_out);

#endif
