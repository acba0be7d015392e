/* cli_run: the document loop of the factgraph program (part of the cli
 * module, which is the only one that prints).
 *
 * Reads the documents of an fg_input in order on the calling thread,
 * processes each on one of the workers (each worker on a thread of its
 * own when there are two or more), and hands the results back on the
 * calling thread in input order, whatever the number of workers: first
 * the document's diagnostics and messages (to stderr), then its output
 * bytes (to consume). Every document is counted once, as processed or
 * as failed. It also draws the progress line.
 *
 * Ownership: the caller owns the engine, the input and the workers
 * (created on the calling thread before the run, so that Raptor and
 * libxml2 initialise there); a run owns its documents and their results
 * until they are consumed. produce_ctx is shared by the workers: it must
 * not change during the run unless there is one worker. */
#ifndef FG_CLI_RUN_H
#define FG_CLI_RUN_H

#include <stdio.h>

#include "factgraph.h"

typedef struct fg_run_config {
    const fg_engine *engine;
    fg_worker **workers;
    int n_workers; /* 1: everything on the calling thread */
    const char *date; /* for documents without one, or NULL */
    /* In a worker: writes the document's output to out and any message
     * to err (both memory streams of the document). Returns 0, 1 when the
     * document failed (err says why), or -1 when out of memory. */
    int (*produce)(void *ctx, fg_analysis *a, FILE *out, FILE *err);
    void *produce_ctx;
    /* On the calling thread, in input order, for each document that was
     * processed: its output. Returns 0, 1 when the document failed (the
     * consumer said why on stderr), or -1 to stop the run (the output
     * failed; it is reported when the output is closed). */
    int (*consume)(void *ctx, const fg_doc *doc, const char *bytes,
                   size_t len);
    void *consume_ctx;
    int progress; /* draw a progress line on stderr */
} fg_run_config;

typedef struct fg_run_counts {
    size_t read;      /* documents read, and inputs that failed to be read */
    size_t processed; /* processed and consumed */
    size_t failed;    /* read == processed + failed */
    size_t skipped;   /* inputs skipped (fg_input_set_skip) */
    int stopped;      /* the run stopped before the end of the input */
    uint64_t bytes;   /* read from the inputs */
    double seconds;   /* wall-clock time of the run */
} fg_run_counts;

/* Runs every document of in. Returns 0 when every document was
 * processed and consumed, 1 when some failed or the run stopped (each
 * named on stderr), or -1 when the run could not start (out of memory:
 * said on stderr). counts is filled either way. */
int fg_cli_run(const fg_run_config *c, fg_input *in, fg_run_counts *counts);

/* The number of processors online, at least 1. */
int fg_cli_cores(void);

#endif
