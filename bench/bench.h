/* Helpers shared by the benchmark programs under bench/. */
#ifndef FG_BENCH_H
#define FG_BENCH_H

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

#endif
