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
#include "text.h"
#include "vm.h"

typedef struct fg_resolver {
    const fg_lexicon *lexicon; /* for gazetteer entries; may be NULL */
    /* The document. */
    fg_graph *graph;
    fg_arena *arena;
    const fg_text *text;
    const fg_token *tokens;
    /* Annotations of the document, sentence after sentence. */
    fg_annot *annots;
    size_t n_annots, cap_annots;
    /* Matches of the current sentence and phase. */
    struct pending_match *pending;
    size_t n_pending, cap_pending;
    unsigned char *taken; /* per token of the sentence */
    size_t cap_taken;
    /* Kept matches of the document, in the order they were kept. */
    fg_match_info *kept;
    size_t n_kept, cap_kept;
} fg_resolver;

void fg_resolver_init(fg_resolver *r);
void fg_resolver_clear(fg_resolver *r);
/* Starts a document. */
void fg_resolver_reset(fg_resolver *r, fg_graph *graph, fg_arena *arena,
                       const fg_text *text, const fg_token *tokens);

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
