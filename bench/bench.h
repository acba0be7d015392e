/* Helpers shared by the benchmark programs under bench/. */
#ifndef FG_BENCH_H
#define FG_BENCH_H

#include <stdlib.h>
#include <time.h>

#include "factgraph.h"

/* Seconds on the monotonic clock. */
static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* An fg_sink callback that adds a document's tokens to *(size_t *)ctx. */
static inline int bench_count_tokens(void *ctx, fg_analysis *a)
{
    *(size_t *)ctx += fg_analysis_token_count(a);
    return 0;
}

/* Every document of the input, decoded, in an array (*n_out of them);
 * NULL on failure. The caller frees each and the array. */
static inline fg_doc **bench_read_docs(fg_input *in, fg_diag_list *diags,
                                       size_t *n_out)
{
    fg_doc **docs = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        fg_doc *doc;
        if (fg_input_next(in, &doc, diags) < 0)
            return NULL;
        if (doc == NULL)
            break;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            fg_doc **more = realloc(docs, cap * sizeof *docs);
            if (more == NULL)
                return NULL;
            docs = more;
        }
        docs[n++] = doc;
    }
    *n_out = n;
    return docs ? docs : malloc(sizeof *docs);
}

#endif
