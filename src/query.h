/* query: SPARQL over RDF, with Rasqal 0.9.
 *
 * An fg_query (public API in factgraph.h) owns everything it uses: its
 * own Rasqal world (and the Raptor world inside it), the prepared query,
 * and the data, so that queries in different threads share nothing and
 * no process-wide Rasqal or Raptor setting is made. The data is every
 * statement handed to fg_query_add_rdf, checked by Raptor and kept as
 * one N-Triples buffer in memory (at most FG_QUERY_MAX_DATA_BYTES) that
 * Rasqal loads into its in-memory store when the query runs.
 *
 * Rasqal is used for what it does well (parsing and evaluating SPARQL);
 * this module adds what it lacks or gets wrong in 0.9.33:
 * - the project's prefixes are predeclared, but a PREFIX the query
 *   declares itself wins (Rasqal keeps the first of two declarations);
 * - a syntax error gets a column (Rasqal gives the line only): found by
 *   parsing ever longer prefixes of the error's line;
 * - an aggregate over no match gives one row (COUNT 0), not none;
 * - results are written here: Rasqal's JSON writer emits \U escapes
 *   that are not JSON and "unbound" members the format does not have,
 *   its TSV writer escapes every non-ASCII character, and its CSV
 *   writer drops the header of an empty result;
 * - FROM, FROM NAMED and SERVICE are refused: the data are the inputs,
 *   and nothing is fetched from the network. */
#ifndef FG_QUERY_H
#define FG_QUERY_H

#include "factgraph.h"

/* The longest query text accepted. */
#define FG_QUERY_MAX_TEXT_BYTES ((size_t)16 << 20)

/* Tokens of the error line tried to find a syntax error's column; past
 * it the column is left out. */
#define FG_QUERY_MAX_PROBES 4096

#endif
