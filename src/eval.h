/* eval: scoring extracted events against a gold standard
 * (tests/gold/FORMAT.md; the public API is fg_eval_* in factgraph.h).
 *
 * The gold is read whole (JSON Lines, json-c) and checked: every role
 * value and trigger must be words of its document's text. What the
 * system found always arrives as RDF, the way a user has it: a dump that
 * factgraph wrote (N-Triples, Turtle, N-Quads), or the N-Triples of text
 * extracted on the fly. The rdf module reads it back into one fact graph
 * per document (fg_dump, which show reads too), from which each event is
 * taken: its class, document, sentence (dpo:evidence), trigger,
 * factuality, and for each role the words that stand for each value (an
 * entity's label and its mentions in that document inside the sentence,
 * a literal's lexical form, an event's trigger).
 *
 * Matching, per document: a system event matches a gold event when its
 * sentence holds the gold trigger, the class is the same, and the agents
 * share a word (articles and prepositions aside), or both have none;
 * among candidates, one whose trigger overlaps the gold trigger is taken
 * first. Each event is matched at most once. Scores are true positives,
 * false positives and false negatives with precision, recall and F1:
 *  - events, per class and over all (micro-averaged);
 *  - each role: a gold value found among a matched event's values is a
 *    true positive; a system value that shares no word with the gold
 *    value of the role is a false positive (so are all values of
 *    unmatched system events), a gold value not found a false negative;
 *  - polarity, certainty and status: a matched pair with the same value
 *    is a true positive; the other system events are false positives, the
 *    other gold events false negatives. */
#ifndef FG_EVAL_H
#define FG_EVAL_H

#include "factgraph.h"

#endif
