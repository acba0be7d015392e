/* resolve: from the matches of the rules to facts.
 *
 * For each sentence and phase, the engine collects every rule's matches
 * (fg_resolve_add), then fg_resolve_phase settles conflicts between
 * rules (DESIGN.md: higher priority, then longer, then earlier start,
 * then earlier rule; a rule with overlap="true" conflicts with nobody)
 * and turns the kept matches into output: annotations and entities or
 * groups in the entities phase, events with their roles, factuality and
 * evidence in the events phase.
 *
 * After the entities phase of a sentence it also resolves coreference
 * within the document: a later surname ("Healey", "Healeys") is the
 * person first named in full ("John Healey"), and a subject pronoun
 * (er, sie) is the most recent person of its gender when that person is
 * the only one in the nearest sentence naming anybody. Both become
 * Person annotations and mentions, so that event rules see them.
 *
 * A resolver belongs to a worker; what it records for a document (kept
 * matches with their roles and, when explaining, the tokens of each
 * pattern element) lives in the worker's arena until the next document,
 * and is what fg_analysis_get_match returns. */
#ifndef FG_RESOLVE_H
#define FG_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "compile.h"
#include "facts.h"
#include "lexicon.h"
#include "numbers.h"
#include "text.h"
#include "timex.h"
#include "vm.h"

typedef struct fg_resolver {
    const fg_lexicon *lexicon; /* for gazetteer entries; may be NULL */
    /* The document. */
    fg_graph *graph;
    fg_arena *arena;
    const fg_text *text;
    const fg_token *tokens;
    const fg_morph *morph; /* parallel to tokens */
    const char *doc_date;  /* YYYY-MM-DD, or NULL */
    /* Numbers and time expressions of the document (annotations of
     * kinds FG_ANNOT_NUMBER and FG_ANNOT_TIME point into them). */
    fg_number *numbers;
    size_t n_numbers, cap_numbers;
    fg_timex *times;
    size_t n_times, cap_times;
    /* The people named so far, for name and pronoun coreference. */
    struct person_ref *persons;
    size_t n_persons, cap_persons;
    /* Annotations of the document, sentence after sentence; those of the
     * current sentence from sentence_annots on. */
    fg_annot *annots;
    size_t n_annots, cap_annots, sentence_annots;
    /* Matches of the current sentence and phase. */
    struct pending_match *pending;
    size_t n_pending, cap_pending;
    unsigned char *taken; /* per token of the sentence */
    size_t cap_taken;
    uint32_t first_event; /* the first event of the current sentence */
    /* Kept matches of the document, in the order they were kept. */
    fg_match_info *kept;
    size_t n_kept, cap_kept;
    /* Kept matches per rule (by load order) over every document, or
     * NULL; set by the worker and kept across documents. */
    size_t *hits;
} fg_resolver;

void fg_resolver_init(fg_resolver *r);
void fg_resolver_clear(fg_resolver *r);
/* Starts a document; doc_date (YYYY-MM-DD, or NULL) is what relative
 * time expressions are read against. */
void fg_resolver_reset(fg_resolver *r, fg_graph *graph, fg_arena *arena,
                       const fg_text *text, const fg_token *tokens,
                       const fg_morph *morph, const char *doc_date);

/* Starts a sentence: the annotations added from now on are its own. */
void fg_resolve_begin_sentence(fg_resolver *r);

/* Finds the time expressions and numbers of the sentence of document
 * tokens [first, end) and adds them as annotations of types Time and
 * Number; a token is in at most one, time first ("2024" is a year).
 * Returns 0 or FG_ENOMEM. */
int fg_resolve_add_quantities(fg_resolver *r, uint32_t first, uint32_t end);

/* Resolves the surnames and pronouns of the sentence of document tokens
 * [first, end), after its entities phase. Returns 0 or FG_ENOMEM. */
int fg_resolve_corefer(fg_resolver *r, uint32_t first, uint32_t end);

/* Adds an annotation of the current sentence that does not come from a
 * rule (a gazetteer name). Returns 0 or FG_ENOMEM. */
int fg_resolve_add_annot(fg_resolver *r, const fg_annot *a);

/* Records a match of rule over sentence positions [start, end) of the
 * sentence that begins at document token base; slots as the VM gave
 * them (element slots only with explain). Returns 0 or FG_ENOMEM. */
int fg_resolve_add(fg_resolver *r, const fg_rule *rule, uint32_t base,
                   uint32_t start, uint32_t end, const uint32_t *slots,
                   int explain);

/* Settles the matches added for the sentence of document tokens [first,
 * end) and writes what the kept ones say. Returns 0, FG_ENOMEM, or
 * FG_ELIMIT (the graph is full). */
int fg_resolve_phase(fg_resolver *r, fg_phase phase, uint32_t first,
                     uint32_t end);

#endif
