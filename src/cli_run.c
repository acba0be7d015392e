/* cli_run: see cli_run.h. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_run.h"

/* Documents in flight per worker: enough to keep every worker busy while
 * the calling thread reads and writes, few enough that memory stays a
 * small multiple of the largest document. */
#define JOBS_PER_WORKER 4

/* The progress line is redrawn at most this often (seconds). */
#define PROGRESS_EVERY 0.25

/* One document on its way through the run. */
typedef struct job {
    fg_doc *doc;         /* NULL: the slot is free */
    fg_diag_list *diags; /* its input's diagnostics, then its own */
    size_t input_diags;  /* how many of them are its input's */
    char *out, *err;     /* what produce wrote (memory streams) */
    size_t out_len, err_len;
    int rc;              /* fg_engine_process's result */
    int failed;          /* produce said the document failed */
    int done;            /* a worker has finished it */
} job;

typedef struct run {
    const fg_run_config *c;
    pthread_mutex_t mu;
    pthread_cond_t work; /* a job to take, or the end */
    pthread_cond_t done; /* a job finished */
    job *ring;
    size_t cap;
    /* Sequence numbers: jobs [head, tail) are in the ring at seq % cap;
     * [head, taken) were taken by workers, [taken, tail) wait. */
    size_t head, taken, tail;
    int closing; /* no more jobs will come */
    int stop;    /* stop now: the output failed or memory ran out */
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int fg_cli_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/* ------------------------------------------------------------------ */
/* Jobs                                                                */

static void job_clear(job *j)
{
    fg_doc_free(j->doc);
    free(j->out);
    free(j->err);
    fg_diag_list_clear(j->diags);
    j->doc = NULL;
    j->out = j->err = NULL;
    j->out_len = j->err_len = 0;
    j->rc = j->failed = j->done = 0;
}

/* The sink of a job: produce, with the job's streams. */
typedef struct job_sink {
    const fg_run_config *c;
    FILE *out, *err;
    int failed;
} job_sink;

static int sink_analysis(void *ctx, fg_analysis *a)
{
    job_sink *x = ctx;
    int rc = x->c->produce(x->c->produce_ctx, a, x->out, x->err);
    if (rc > 0)
        x->failed = 1;
    return rc < 0 ? -1 : 0;
}

/* Processes a job with a worker; on any thread. */
static void process(const fg_run_config *c, fg_worker *worker, job *j)
{
    job_sink x = {c, open_memstream(&j->out, &j->out_len),
                  open_memstream(&j->err, &j->err_len), 0};
    if (x.out == NULL || x.err == NULL) {
        j->rc = FG_ENOMEM;
    } else {
        fg_sink sink = {.ctx = &x, .analysis = sink_analysis};
        j->rc = fg_engine_process(c->engine, worker, j->doc, &sink, j->diags);
        /* The sink only fails when a memory stream cannot grow. */
        if (j->rc == FG_ESINK)
            j->rc = FG_ENOMEM;
        j->failed = x.failed;
    }
    if (x.out && fclose(x.out) != 0 && j->rc == 0)
        j->rc = FG_ENOMEM;
    if (x.err && fclose(x.err) != 0 && j->rc == 0)
        j->rc = FG_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Worker threads                                                      */

typedef struct thread_arg {
    run *r;
    fg_worker *worker;
} thread_arg;

static void *worker_main(void *arg)
{
    run *r = ((thread_arg *)arg)->r;
    fg_worker *worker = ((thread_arg *)arg)->worker;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->taken == r->tail && !r->closing && !r->stop)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->stop || r->taken == r->tail)
            break;
        job *j = &r->ring[r->taken++ % r->cap];
        pthread_mutex_unlock(&r->mu);
        process(r->c, worker, j);
        pthread_mutex_lock(&r->mu);
        j->done = 1;
        pthread_cond_broadcast(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */

typedef struct progress {
    int on;
    double start, last;
    int drawn; /* a line is on the screen */
} progress;

/* Seconds as H:MM:SS. */
static void put_duration(double s, FILE *fp)
{
    unsigned long t = s < 0 ? 0 : s > 3.6e8 ? 360000000ul : (unsigned long)s;
    fprintf(fp, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
}

static void progress_draw(progress *p, const fg_input *in, size_t docs,
                          int force)
{
    double t = now();
    if (!p->on || (!force && t - p->last < PROGRESS_EVERY))
        return;
    p->last = t;
    uint64_t done, total;
    fg_input_progress(in, &done, &total);
    double secs = t - p->start > 1e-3 ? t - p->start : 1e-3;
    double mb = (double)done / 1e6;
    fprintf(stderr, "\r\033[Kfactgraph: %zu document%s, %.1f MB, %.1f "
                    "docs/s, %.2f MB/s",
            docs, docs == 1 ? "" : "s", mb, (double)docs / secs, mb / secs);
    if (total > 0 && done > 0 && done <= total) {
        fprintf(stderr, ", %.0f%%, ETA ", 100.0 * (double)done / (double)total);
        put_duration(secs * (double)(total - done) / (double)done, stderr);
    }
    fflush(stderr);
    p->drawn = 1;
}

/* Clears the line so that a message can be printed. */
static void progress_clear(progress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        p->drawn = 0;
    }
}

/* ------------------------------------------------------------------ */
/* The run                                                             */

/* Prints a job's messages and hands its output over. Returns -1 to stop
 * the run, else 0; counts the document. */
static int consume(run *r, job *j, progress *p, fg_run_counts *n)
{
    const fg_run_config *c = r->c;
    int stop = 0, failed = 0;
    if (fg_diag_list_count(j->diags) > 0 || j->err_len > 0)
        progress_clear(p);
    for (size_t i = 0; i < fg_diag_list_count(j->diags); i++) {
        const fg_diag *d = fg_diag_list_get(j->diags, i);
        fg_diag_write(d, stderr);
        /* An error of its own (not of an input before it) fails it. */
        if (i >= j->input_diags && d->severity == FG_ERROR)
            failed = 1;
    }
    fwrite(j->err, 1, j->err_len, stderr);
    if (j->rc == FG_ENOMEM) {
        progress_clear(p);
        fprintf(stderr, "factgraph: out of memory processing document '%s'\n",
                fg_doc_id(j->doc));
        failed = stop = 1;
    } else if (j->rc < 0 || j->failed) {
        failed = 1;
    } else {
        int rc = c->consume(c->consume_ctx, j->doc, j->out ? j->out : "",
                            j->out_len);
        if (rc != 0)
            failed = 1;
        if (rc < 0)
            stop = 1;
    }
    if (failed)
        n->failed++;
    else
        n->processed++;
    return stop ? -1 : 0;
}

/* Until the oldest job is done: processed here when there are no
 * threads, else waited for. */
static void wait_head(run *r, fg_worker *inline_worker)
{
    job *j = &r->ring[r->head % r->cap];
    if (inline_worker) {
        r->taken++;
        process(r->c, inline_worker, j);
        j->done = 1;
        return;
    }
    pthread_mutex_lock(&r->mu);
    while (!j->done)
        pthread_cond_wait(&r->done, &r->mu);
    pthread_mutex_unlock(&r->mu);
}

int fg_cli_run(const fg_run_config *c, fg_input *in, fg_run_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    run r = {.c = c};
    int threads = c->n_workers > 1 ? c->n_workers : 0;
    r.cap = threads ? (size_t)threads * JOBS_PER_WORKER : 1;
    r.ring = calloc(r.cap, sizeof *r.ring);
    /* The diagnostics of inputs that failed after the last document. */
    fg_diag_list *trailing = NULL;
    pthread_t *tids = threads ? calloc((size_t)threads, sizeof *tids) : NULL;
    thread_arg *args = threads ? calloc((size_t)threads, sizeof *args) : NULL;
    int ok = r.ring && (!threads || (tids && args));
    for (size_t i = 0; ok && i < r.cap; i++)
        ok = fg_diag_list_new(&r.ring[i].diags) == 0;
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.done, NULL);
    int started = 0;
    for (; ok && started < threads; started++) {
        args[started] = (thread_arg){&r, c->workers[started]};
        if (pthread_create(&tids[started], NULL, worker_main,
                           &args[started]) != 0)
            break;
    }
    if (started == 0)
        threads = 0; /* no thread could start: all on this one */
    fg_worker *inline_worker = threads ? NULL : c->workers[0];

    progress p = {.on = c->progress, .start = now()};
    int status = ok ? 0 : -1;
    int eof = !ok, stopped = 0;
    while (ok) {
        /* Read while there is room, then hand the oldest over. */
        if (!eof && r.tail - r.head < r.cap && !stopped) {
            job *j = &r.ring[r.tail % r.cap];
            fg_doc *doc = NULL;
            int rc = fg_input_next(in, &doc, j->diags);
            if (rc == 0 && doc && c->date && fg_doc_date(doc) == NULL)
                rc = fg_doc_set_date(doc, c->date);
            if (rc < 0 || doc == NULL) {
                if (rc < 0) {
                    fg_doc_free(doc);
                    progress_clear(&p);
                    fputs("factgraph: out of memory reading the input\n",
                          stderr);
                    status = 1;
                    counts->stopped = 1;
                }
                trailing = j->diags; /* printed after the last document */
                eof = 1;
                pthread_mutex_lock(&r.mu);
                r.closing = 1;
                pthread_cond_broadcast(&r.work);
                pthread_mutex_unlock(&r.mu);
                continue;
            }
            j->doc = doc;
            j->input_diags = fg_diag_list_count(j->diags);
            pthread_mutex_lock(&r.mu);
            r.tail++;
            pthread_cond_signal(&r.work);
            pthread_mutex_unlock(&r.mu);
            if (threads && r.tail - r.head < r.cap) {
                /* Hand over what is done already, without waiting. */
                pthread_mutex_lock(&r.mu);
                int ready = r.ring[r.head % r.cap].done;
                pthread_mutex_unlock(&r.mu);
                if (!ready)
                    continue;
            }
        }
        if (r.head == r.tail) {
            if (eof || stopped)
                break;
            continue;
        }
        wait_head(&r, inline_worker);
        job *j = &r.ring[r.head % r.cap];
        if (consume(&r, j, &p, counts) < 0 && !stopped) {
            stopped = 1;
            status = 1;
            pthread_mutex_lock(&r.mu);
            r.stop = 1;
            pthread_cond_broadcast(&r.work);
            pthread_mutex_unlock(&r.mu);
        }
        job_clear(j);
        pthread_mutex_lock(&r.mu);
        r.head++;
        pthread_mutex_unlock(&r.mu);
        progress_draw(&p, in, counts->processed + counts->failed, 0);
        if (stopped) {
            /* Jobs still in the ring are not written: they failed. */
            pthread_mutex_lock(&r.mu);
            size_t left = r.tail - r.head;
            pthread_mutex_unlock(&r.mu);
            counts->failed += left;
            counts->stopped = 1;
            break;
        }
    }
    if (!ok) {
        fputs("factgraph: out of memory\n", stderr);
        counts->stopped = 1;
    }
    pthread_mutex_lock(&r.mu);
    r.closing = 1;
    pthread_cond_broadcast(&r.work);
    pthread_mutex_unlock(&r.mu);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    progress_clear(&p);
    for (size_t i = 0; trailing && i < fg_diag_list_count(trailing); i++)
        fg_diag_write(fg_diag_list_get(trailing, i), stderr);
    for (size_t i = 0; r.ring && i < r.cap; i++) {
        job_clear(&r.ring[i]);
        fg_diag_list_free(r.ring[i].diags);
    }

    counts->failed += fg_input_count_failed(in);
    counts->skipped = fg_input_count_skipped(in);
    counts->read = counts->processed + counts->failed;
    uint64_t total;
    fg_input_progress(in, &counts->bytes, &total);
    counts->seconds = now() - p.start;
    if (status == 0 && counts->failed > 0)
        status = 1;
    pthread_cond_destroy(&r.done);
    pthread_cond_destroy(&r.work);
    pthread_mutex_destroy(&r.mu);
    free(r.ring);
    free(tids);
    free(args);
    return status;
}
