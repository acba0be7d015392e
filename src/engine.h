/* engine: the public entry point (see factgraph.h).
 *
 * fg_config says what to load; fg_engine holds it, loaded once and
 * immutable; fg_worker is one thread's scratch, reused from document to
 * document; fg_analysis is what one document became, living in the
 * worker's arena until the next document. */
#ifndef FG_ENGINE_H
#define FG_ENGINE_H

#include "factgraph.h"

/* The folder with rules/ and ontologies/ that a config starts with:
 * FACTGRAPH_DATADIR when set and not empty, else the installed data. */
const char *fg_engine_default_datadir(void);

/* The fact graph of an analysis, for the display module (filters and
 * tables); borrowed, valid inside the sink callback. */
struct fg_graph;
struct fg_graph *fg_analysis_graph(fg_analysis *a);

#endif
