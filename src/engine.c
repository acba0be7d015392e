/* engine: see engine.h and factgraph.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "facts.h"
#include "rdf.h"
#include "text.h"
#include "tokenise.h"

/* Arena blocks: large enough that a typical news article needs one. */
#define ARENA_BLOCK (256 * 1024)

/* What a config says about RDF output, copied into the engine. */
typedef struct rdf_options {
    fg_format format;
    char *base;
    unsigned flags; /* FG_RDF_* */
} rdf_options;

struct fg_config {
    char *datadir;
    rdf_options rdf;
};

struct fg_engine {
    fg_tokeniser *tokeniser;
    rdf_options rdf;
    char digest[48]; /* "xxh3-128:" and 32 hex digits */
};

struct fg_analysis {
    const fg_doc *doc;
    fg_text text;
    const fg_token *tokens;
    size_t n_tokens;
    size_t n_sentences;
    fg_graph *graph;
    fg_worker *worker;
    fg_diag_list *diags;
};

struct fg_worker {
    const fg_engine *engine;
    fg_arena arena;
    fg_token_vec tokens;
    fg_norm_scratch norm;
    fg_graph graph;
    fg_rdf_writer *rdf;
    fg_buf rdf_out;
    fg_analysis analysis;
};

const char *fg_version(void) { return PACKAGE_VERSION; }

const char *fg_strerror(int code)
{
    switch (code) {
    case FG_OK: return "success";
    case FG_ENOMEM: return "out of memory";
    case FG_EINVAL: return "invalid argument";
    case FG_EIO: return "input/output error";
    case FG_ELIMIT: return "limit reached";
    case FG_EDATA: return "bad data";
    case FG_EDUP: return "duplicate";
    case FG_ESINK: return "stopped by the caller";
    default: return "unknown error";
    }
}

/* ------------------------------------------------------------------ */
/* Configuration                                                       */

const char *fg_engine_default_datadir(void)
{
    const char *env = getenv("FACTGRAPH_DATADIR");
    return env && env[0] ? env : FG_PKGDATADIR;
}

int fg_config_new(fg_config **out)
{
    *out = fg_calloc(1, sizeof **out);
    if (*out == NULL)
        return FG_ENOMEM;
    (*out)->rdf.format = FG_FORMAT_TURTLE;
    if (fg_config_set_datadir(*out, fg_engine_default_datadir()) < 0 ||
        fg_config_set_base(*out, FG_DEFAULT_BASE) < 0) {
        fg_config_free(*out);
        *out = NULL;
        return FG_ENOMEM;
    }
    return 0;
}

void fg_config_free(fg_config *cfg)
{
    if (cfg == NULL)
        return;
    fg_free(cfg->datadir);
    fg_free(cfg->rdf.base);
    fg_free(cfg);
}

int fg_config_set_datadir(fg_config *cfg, const char *dir)
{
    if (dir == NULL || dir[0] == '\0')
        return FG_EINVAL;
    char *copy = fg_strdup(dir);
    if (copy == NULL)
        return FG_ENOMEM;
    fg_free(cfg->datadir);
    cfg->datadir = copy;
    return 0;
}

const char *fg_config_get_datadir(const fg_config *cfg) { return cfg->datadir; }

int fg_config_set_format(fg_config *cfg, fg_format format)
{
    if ((unsigned)format > FG_FORMAT_JSON)
        return FG_EINVAL;
    cfg->rdf.format = format;
    return 0;
}

int fg_config_set_base(fg_config *cfg, const char *base)
{
    if (base == NULL || !fg_rdf_valid_base(base))
        return FG_EINVAL;
    char *copy = fg_strdup(base);
    if (copy == NULL)
        return FG_ENOMEM;
    fg_free(cfg->rdf.base);
    cfg->rdf.base = copy;
    return 0;
}

int fg_config_set_context_text(fg_config *cfg, int on)
{
    if (on)
        cfg->rdf.flags &= ~FG_RDF_NO_CONTEXT_TEXT;
    else
        cfg->rdf.flags |= FG_RDF_NO_CONTEXT_TEXT;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Engine and workers                                                  */

int fg_engine_new(fg_engine **out, const fg_config *cfg, fg_diag_list *diags)
{
    *out = NULL;
    fg_engine *e = fg_calloc(1, sizeof *e);
    fg_buf dir;
    fg_buf_init(&dir, 1 << 16);
    int rc = FG_ENOMEM;
    if (e == NULL)
        goto fail;
    e->rdf = cfg->rdf;
    if ((e->rdf.base = fg_strdup(cfg->rdf.base)) == NULL)
        goto fail;
    if ((rc = fg_buf_printf(&dir, "%s/rules/tokeniser", cfg->datadir)) < 0)
        goto fail;
    XXH3_state_t *digest = XXH3_createState();
    if (digest == NULL) {
        rc = FG_ENOMEM;
        goto fail;
    }
    XXH3_128bits_reset(digest);
    rc = fg_tokeniser_load(&e->tokeniser, dir.data, digest, diags);
    XXH128_hash_t h = XXH3_128bits_digest(digest);
    XXH3_freeState(digest);
    if (rc < 0)
        goto fail;
    snprintf(e->digest, sizeof e->digest, "xxh3-128:%016llx%016llx",
             (unsigned long long)h.high64, (unsigned long long)h.low64);
    fg_buf_clear(&dir);
    *out = e;
    return 0;
fail:
    fg_buf_clear(&dir);
    fg_engine_free(e);
    return rc == FG_ELIMIT ? FG_EDATA : rc;
}

void fg_engine_free(fg_engine *engine)
{
    if (engine == NULL)
        return;
    fg_tokeniser_free(engine->tokeniser);
    fg_free(engine->rdf.base);
    fg_free(engine);
}

int fg_worker_new(fg_worker **out, const fg_engine *engine)
{
    fg_worker *w = fg_calloc(1, sizeof *w);
    *out = w;
    if (w == NULL)
        return FG_ENOMEM;
    w->engine = engine;
    fg_arena_init(&w->arena, ARENA_BLOCK);
    fg_graph_init(&w->graph, &w->arena);
    fg_buf_init(&w->rdf_out, FG_RDF_MAX_BYTES);
    int rc = fg_rdf_writer_new(&w->rdf, engine->rdf.format, engine->rdf.base,
                               engine->rdf.flags);
    if (rc < 0) {
        fg_worker_free(w);
        *out = NULL;
        return rc;
    }
    return 0;
}

const char *fg_engine_digest(const fg_engine *engine)
{
    return engine->digest;
}

int fg_worker_run_info(fg_worker *worker, const char *started,
                       const char *ended, const char **bytes_out,
                       size_t *len_out, fg_diag_list *diags)
{
    fg_rdf_run run = {PACKAGE_VERSION, worker->engine->digest, started,
                      ended};
    fg_buf_reset(&worker->rdf_out);
    int rc = fg_rdf_write_run(worker->rdf, &run, &worker->rdf_out, diags);
    *bytes_out = worker->rdf_out.data ? worker->rdf_out.data : "";
    *len_out = rc == 0 ? worker->rdf_out.len : 0;
    return rc;
}

int fg_worker_finish(fg_worker *worker, const char **bytes_out,
                     size_t *len_out, fg_diag_list *diags)
{
    fg_buf_reset(&worker->rdf_out);
    int rc = fg_rdf_finish(worker->rdf, &worker->rdf_out, diags);
    *bytes_out = worker->rdf_out.data ? worker->rdf_out.data : "";
    *len_out = rc == 0 ? worker->rdf_out.len : 0;
    return rc;
}

void fg_worker_free(fg_worker *worker)
{
    if (worker == NULL)
        return;
    fg_arena_clear(&worker->arena);
    fg_token_vec_clear(&worker->tokens);
    fg_norm_scratch_clear(&worker->norm);
    fg_graph_clear(&worker->graph);
    fg_rdf_writer_free(worker->rdf);
    fg_buf_clear(&worker->rdf_out);
    fg_free(worker);
}

/* ------------------------------------------------------------------ */
/* Processing                                                          */

/* One warning per document for what the repair of its text changed. */
static int report_repairs(const fg_doc *doc, const fg_text *t,
                          fg_diag_list *diags)
{
    const char *file = fg_doc_file(doc);
    unsigned long line = fg_doc_line(doc), column = 0;
    int rc = 0;
    if (t->bad_bytes) {
        size_t len;
        const char *raw = fg_doc_bytes(doc, &len);
        if (line == 0) /* a file of its own: point at the byte */
            fg_diag_locate(raw, len, t->first_bad, &line, &column);
        rc = fg_diag_add(diags, FG_WARNING, FG_EDATA, file, line, column,
                         t->first_bad,
                         "document '%s': invalid UTF-8 at byte %zu%s; %zu "
                         "invalid byte(s) replaced by U+FFFD",
                         fg_doc_id(doc), t->first_bad,
                         fg_doc_line(doc) ? " of its text" : "",
                         t->bad_bytes);
    }
    if (rc == 0 && t->nul_bytes)
        rc = fg_diag_add(diags, FG_WARNING, FG_EDATA, file, fg_doc_line(doc),
                         0, FG_NO_OFFSET,
                         "document '%s': %zu NUL byte(s) replaced by spaces",
                         fg_doc_id(doc), t->nul_bytes);
    return rc;
}

int fg_engine_process(const fg_engine *engine, fg_worker *worker,
                      const fg_doc *doc, const fg_sink *sink,
                      fg_diag_list *diags)
{
    fg_arena_reset(&worker->arena);
    fg_graph_reset(&worker->graph);
    fg_buf_reset(&worker->rdf_out);
    fg_analysis *a = &worker->analysis;
    memset(a, 0, sizeof *a);
    a->doc = doc;
    a->worker = worker;
    a->graph = &worker->graph;
    a->diags = diags;

    size_t len;
    const char *raw = fg_doc_bytes(doc, &len);
    int rc = fg_text_repair(&a->text, raw, len, &worker->arena);
    if (rc < 0 || (rc = report_repairs(doc, &a->text, diags)) < 0)
        return rc;

    fg_doc_origin origin = {fg_doc_file(doc), fg_doc_line(doc)};
    rc = fg_tokenise(engine->tokeniser, &a->text, &worker->tokens,
                     &worker->norm, &worker->arena, &origin, diags,
                     &a->n_sentences);
    if (rc < 0)
        return rc;
    a->tokens = worker->tokens.items;
    a->n_tokens = worker->tokens.n;

    if (sink && sink->analysis && sink->analysis(sink->ctx, a) != 0)
        return FG_ESINK;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reading an analysis                                                 */

const fg_doc *fg_analysis_doc(const fg_analysis *a) { return a->doc; }

const char *fg_analysis_text(const fg_analysis *a, size_t *len_out)
{
    if (len_out)
        *len_out = a->text.len;
    return a->text.data;
}

size_t fg_analysis_token_count(const fg_analysis *a) { return a->n_tokens; }

const fg_token *fg_analysis_get_token(const fg_analysis *a, size_t i)
{
    return i < a->n_tokens ? &a->tokens[i] : NULL;
}

size_t fg_analysis_sentence_count(const fg_analysis *a)
{
    return a->n_sentences;
}

int fg_analysis_nfc(fg_analysis *a, const char **nfc_out, size_t *len_out)
{
    int rc = fg_text_prepare_nfc(&a->text, &a->worker->arena);
    if (rc < 0)
        return rc;
    *nfc_out = a->text.nfc;
    *len_out = a->text.nfc_len;
    return 0;
}

int fg_analysis_nif_offset(fg_analysis *a, size_t byte_offset, size_t *out)
{
    int rc = fg_text_prepare_nfc(&a->text, &a->worker->arena);
    if (rc < 0)
        return rc;
    return fg_text_nfc_offset(&a->text, byte_offset, out);
}

int fg_analysis_rdf(fg_analysis *a, const char **bytes_out, size_t *len_out)
{
    fg_worker *w = a->worker;
    fg_buf_reset(&w->rdf_out);
    int rc = fg_rdf_write(w->rdf, a->doc, &a->text, a->graph, &w->arena,
                          &w->rdf_out, a->diags);
    if (rc < 0)
        return rc;
    *bytes_out = w->rdf_out.data ? w->rdf_out.data : "";
    *len_out = w->rdf_out.len;
    return 0;
}
