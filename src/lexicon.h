/* lexicon: the German lexicon (word forms -> lemmas and tags) and the
 * gazetteers (names over token sequences -> entries), loaded from the
 * XML files under rules/lexicon/ (doc/lexicon.md).
 *
 * Files are read with xmlread (streaming) and must be valid against
 * rules/factgraph-lexicon.rng. libxml2's RELAX NG validator is slow (it
 * took two thirds of the start-up), so the loader checks the elements
 * itself against rules that restate the schema, and hands a file to the
 * validator only when those rules cannot vouch for it; the validator
 * then reports what is wrong as before (lexicon.c, "Checking files").
 * Verb entries are conjugated at load time from their principal parts;
 * adjective entries get their endings. Every form is stored case-folded,
 * so that lookups fold case.
 *
 * Gazetteer names are tokenised with the engine's tokeniser, so that a
 * name's tokens are exactly what the text's tokens will be (a name of
 * ASCII letters only is one token, folded to lowercase), and stored
 * in a trie over token forms: fg_lexicon_match finds, at a position, the
 * longest name that starts there.
 *
 * A lexicon is read-only after loading and safe to share between
 * threads. */
#ifndef FG_LEXICON_H
#define FG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "factgraph.h"
#include "tokenise.h"

/* One analysis of a form. lemma is case-folded and NUL-terminated;
 * next is the index of the form's next analysis, or UINT32_MAX. */
typedef struct fg_lex_analysis {
    const char *lemma;
    uint32_t lemma_len;
    uint32_t tags; /* FG_TAG_* of factgraph.h */
    uint32_t next;
} fg_lex_analysis;

/* A gazetteer entry. */
typedef struct fg_gaz_entry {
    const char *label;    /* the canonical name */
    const char *cls;      /* ontology class, local name: "Country" */
    const char *type;     /* the annotation type of its names */
    const char *modifier; /* of its adjectives and prefixes, or NULL */
    const char *file;
    unsigned long line;
    char gender;          /* 'm', 'f' or 0 */
} fg_gaz_entry;

/* What a name in the text is: an entry, and whether it was a name or a
 * modifier (adjective, compound prefix), with the gender of the form. */
typedef struct fg_gaz_hit {
    uint32_t entry;
    uint32_t end;   /* token index after the name */
    int modifier;
    char gender;
} fg_gaz_hit;

typedef struct fg_lexicon fg_lexicon;

/* Loads every *.xml under dir (a missing folder is an empty lexicon),
 * valid against schema, tokenising gazetteer names with tk. Bytes read
 * are added to digest. Returns 0, FG_ENOMEM, or FG_EDATA (problems in
 * diags; then *out is NULL). */
int fg_lexicon_load(fg_lexicon **out, const char *dir, const char *schema,
                    const fg_tokeniser *tk, fg_digest *digest,
                    fg_diag_list *diags);
/* Frees a lexicon; one mapped from an image (fg_lexicon_save) is freed
 * with the image. */
void fg_lexicon_free(fg_lexicon *lex);
/* Copies lex into the image w (image.h; the cache): returns its handle,
 * or 0 after an error. */
uint64_t fg_lexicon_save(const fg_lexicon *lex, fg_image_writer *w);
/* The lexicon that fg_lexicon_save copied, at p in a mapped image with
 * avail bytes from p on; NULL if p does not hold one. */
fg_lexicon *fg_lexicon_mapped(void *p, size_t avail);

/* The analyses of a case-folded form: the index of the first, or
 * UINT32_MAX when the form is unknown. */
uint32_t fg_lexicon_find(const fg_lexicon *lex, const char *norm, size_t len);
const fg_lex_analysis *fg_lexicon_analysis(const fg_lexicon *lex, uint32_t i);
/* Whether the folded word is a separable verb particle (an, teil, ...). */
int fg_lexicon_is_particle(const fg_lexicon *lex, const char *norm,
                           size_t len);

/* The longest name that starts at token i of tokens[0 .. n) (one
 * sentence; text is the document text), or a modifier: the whole token
 * as an adjective, or the first part of a hyphenated token. Returns 1
 * and fills *hit, or 0. */
int fg_lexicon_match(const fg_lexicon *lex, const fg_token *tokens,
                     size_t n, size_t i, const char *text, fg_gaz_hit *hit);
const fg_gaz_entry *fg_lexicon_entry(const fg_lexicon *lex, uint32_t i);
size_t fg_lexicon_entry_count(const fg_lexicon *lex);
/* Statistics: forms and names stored. */
size_t fg_lexicon_form_count(const fg_lexicon *lex);
size_t fg_lexicon_name_count(const fg_lexicon *lex);
/* How many files went to the RELAX NG validator because the loader's own
 * checks could not vouch for them: 0 for the shipped data, else loading
 * is slow (a changed schema, or files outside what the checks know). */
size_t fg_lexicon_validated_count(const fg_lexicon *lex);

#endif
