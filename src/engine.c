/* engine: see engine.h and factgraph.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "cache.h"
#include "compile.h"
#include "diag.h"
#include "engine.h"
#include "facts.h"
#include "lexicon.h"
#include "morph.h"
#include "ontology.h"
#include "rdf.h"
#include "resolve.h"
#include "rules.h"
#include "text.h"
#include "tokenise.h"
#include "vm.h"

/* Arena blocks: large enough that a typical news article needs one. */
#define ARENA_BLOCK (256 * 1024)

/* What a config says about RDF output, copied into the engine. */
typedef struct rdf_options {
    fg_format format;
    char *base;
    unsigned flags; /* FG_RDF_* */
} rdf_options;

/* A list of paths. */
typedef struct path_list {
    char **items;
    size_t n, cap;
} path_list;

struct fg_config {
    char *datadir;
    rdf_options rdf;
    path_list rules;  /* empty: the default pack */
    path_list extra_rules;
    char *ontology;   /* NULL: the default */
    int explain;
    char *trace_rule; /* NULL: none */
    char *cache_dir;  /* NULL: no cache */
};

struct fg_engine {
    fg_tokeniser *tokeniser;
    fg_lexicon *lexicon;
    fg_ontology *ontology;
    fg_pack *pack;
    rdf_options rdf;
    int explain;
    const fg_rule *trace_rule; /* explain --rule, or NULL */
    char digest[48]; /* "xxh3-128:" and 32 hex digits */
    fg_image *image; /* the lexicon and the pack, when mapped from the
                        cache */
    char *cache_file; /* mapped or written, or NULL */
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
    unsigned char *entity_tags; /* per token: NE_* | NE_BEGIN, 0 for O */
};

/* What the matcher needs for one sentence. */
typedef struct sentence_scratch {
    fg_keyset keys;
    fg_candidates candidates;
    fg_annot *annots; /* the sentence's, sorted by first token */
    size_t cap_annots;
    uint32_t *starts; /* per position */
    size_t cap_starts;
} sentence_scratch;

struct fg_worker {
    const fg_engine *engine;
    fg_arena arena;
    fg_token_vec tokens;
    fg_morph_vec morph;
    fg_norm_scratch norm;
    fg_graph graph;
    fg_vm *vm;
    uint64_t inputs; /* sentences matched, once per phase (whose
                        annotations differ): fg_vm_input.serial */
    fg_resolver resolver;
    sentence_scratch sentence;
    fg_rdf_writer *rdf;
    fg_buf rdf_out;
    fg_analysis analysis;
    fg_rule_trace *traces; /* the traced rule's, per sentence */
    size_t n_traces, cap_traces;
    size_t documents; /* processed, for fg_worker_get_stats */
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

static void path_list_clear(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        fg_free(l->items[i]);
    fg_free(l->items);
    memset(l, 0, sizeof *l);
}

static int path_list_add(path_list *l, const char *path)
{
    if (path == NULL || path[0] == '\0')
        return FG_EINVAL;
    if (fg_grow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items) < 0)
        return FG_ENOMEM;
    if ((l->items[l->n] = fg_strdup(path)) == NULL)
        return FG_ENOMEM;
    l->n++;
    return 0;
}

void fg_config_free(fg_config *cfg)
{
    if (cfg == NULL)
        return;
    fg_free(cfg->datadir);
    fg_free(cfg->rdf.base);
    path_list_clear(&cfg->rules);
    path_list_clear(&cfg->extra_rules);
    fg_free(cfg->ontology);
    fg_free(cfg->trace_rule);
    fg_free(cfg->cache_dir);
    fg_free(cfg);
}

int fg_config_add_rules(fg_config *cfg, const char *path)
{
    return path_list_add(&cfg->rules, path);
}

int fg_config_add_extra_rules(fg_config *cfg, const char *path)
{
    return path_list_add(&cfg->extra_rules, path);
}

int fg_config_set_ontology(fg_config *cfg, const char *file)
{
    if (file == NULL || file[0] == '\0')
        return FG_EINVAL;
    char *copy = fg_strdup(file);
    if (copy == NULL)
        return FG_ENOMEM;
    fg_free(cfg->ontology);
    cfg->ontology = copy;
    return 0;
}

int fg_config_set_explain(fg_config *cfg, int on)
{
    cfg->explain = on != 0;
    return 0;
}

int fg_config_set_cache_dir(fg_config *cfg, const char *dir)
{
    char *copy = NULL;
    if (dir && (dir[0] == '\0' || (copy = fg_strdup(dir)) == NULL))
        return dir[0] ? FG_ENOMEM : FG_EINVAL;
    fg_free(cfg->cache_dir);
    cfg->cache_dir = copy;
    return 0;
}

int fg_config_set_trace_rule(fg_config *cfg, const char *rule_id)
{
    char *id = NULL;
    if (rule_id && (id = fg_strdup(rule_id)) == NULL)
        return FG_ENOMEM;
    fg_free(cfg->trace_rule);
    cfg->trace_rule = id;
    return 0;
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

/* The ontology that cfg names. */
static int load_ontology(fg_engine *e, const fg_config *cfg,
                         fg_digest *digest, fg_diag_list *diags)
{
    fg_buf onto;
    fg_buf_init(&onto, 1 << 16);
    int rc = fg_buf_printf(&onto, "%s/ontologies/defence-policy.ttl",
                           cfg->datadir);
    if (rc == 0)
        rc = fg_ontology_load(&e->ontology, cfg->ontology ? cfg->ontology
                                                          : onto.data,
                              digest, diags);
    fg_buf_clear(&onto);
    return rc;
}

/* Loads the rules that cfg names. */
static int load_rules(fg_engine *e, const fg_config *cfg, fg_digest *digest,
                      fg_diag_list *diags)
{
    fg_buf pack, schema;
    fg_buf_init(&pack, 1 << 16);
    fg_buf_init(&schema, 1 << 16);
    const char **paths = NULL;
    int rc;
    if ((rc = fg_buf_printf(&pack, "%s/rules/pack", cfg->datadir)) < 0 ||
        (rc = fg_buf_printf(&schema, "%s/rules/factgraph-rules.rng",
                            cfg->datadir)) < 0)
        goto fail;
    size_t n = cfg->rules.n ? cfg->rules.n : 1;
    rc = FG_ENOMEM;
    if ((paths = fg_malloc((n + cfg->extra_rules.n) * sizeof *paths)) == NULL)
        goto fail;
    for (size_t i = 0; i < cfg->rules.n; i++)
        paths[i] = cfg->rules.items[i];
    if (cfg->rules.n == 0)
        paths[0] = pack.data;
    for (size_t i = 0; i < cfg->extra_rules.n; i++)
        paths[n + i] = cfg->extra_rules.items[i];
    fg_rules_source src = {paths, n + cfg->extra_rules.n, schema.data,
                           e->ontology, digest, cfg->explain};
    rc = fg_pack_load(&e->pack, &src, diags);
fail:
    fg_free(paths);
    fg_buf_clear(&pack);
    fg_buf_clear(&schema);
    return rc;
}

/* Loads the lexicons and gazetteers under DATADIR/rules/lexicon. */
static int load_lexicon(fg_engine *e, const fg_config *cfg,
                        fg_digest *digest, fg_diag_list *diags)
{
    fg_buf dir, schema;
    fg_buf_init(&dir, 1 << 16);
    fg_buf_init(&schema, 1 << 16);
    int rc;
    if ((rc = fg_buf_printf(&dir, "%s/rules/lexicon", cfg->datadir)) == 0 &&
        (rc = fg_buf_printf(&schema, "%s/rules/factgraph-lexicon.rng",
                            cfg->datadir)) == 0)
        rc = fg_lexicon_load(&e->lexicon, dir.data, schema.data, e->tokeniser,
                             digest, diags);
    fg_buf_clear(&dir);
    fg_buf_clear(&schema);
    return rc;
}

/* The cache for cfg's data, or NULL (no cache, or none to be had). What
 * the load depends on besides the files it reads: the paths configured,
 * explaining or not, and the working directory when a path is relative. */
static int open_cache(const fg_config *cfg, fg_cache **out)
{
    *out = NULL;
    if (cfg->cache_dir == NULL)
        return 0;
    size_t n = 0, cap = 8 + cfg->rules.n + cfg->extra_rules.n;
    const char **parts = fg_malloc(cap * sizeof *parts);
    char cwd[4096] = "";
    if (parts == NULL)
        return FG_ENOMEM;
    int relative = cfg->datadir[0] != '/' ||
                   (cfg->ontology && cfg->ontology[0] != '/');
    parts[n++] = cfg->explain ? "explain" : "lean";
    parts[n++] = cfg->datadir;
    parts[n++] = cfg->ontology ? cfg->ontology : "";
    for (size_t i = 0; i < cfg->rules.n; i++) {
        parts[n++] = cfg->rules.items[i];
        relative |= cfg->rules.items[i][0] != '/';
    }
    parts[n++] = "extra:";
    for (size_t i = 0; i < cfg->extra_rules.n; i++) {
        parts[n++] = cfg->extra_rules.items[i];
        relative |= cfg->extra_rules.items[i][0] != '/';
    }
    if (relative && getcwd(cwd, sizeof cwd) == NULL)
        cwd[0] = '\0';
    parts[n++] = cwd;
    int rc = fg_cache_new(out, cfg->cache_dir, parts, n);
    fg_free(parts);
    return rc == FG_ENOMEM ? rc : 0; /* else: no cache here */
}

/* The lexicon and the pack from the cache: 1, 0 on a miss, FG_ENOMEM. */
static int map_cached(fg_engine *e, fg_cache *cache)
{
    void *roots[FG_CACHE_ROOTS];
    size_t avail[FG_CACHE_ROOTS];
    int rc = fg_cache_load(cache, &e->image, roots, avail, e->digest);
    if (rc <= 0)
        return rc;
    e->lexicon = fg_lexicon_mapped(roots[0], avail[0]);
    e->pack = fg_pack_mapped(roots[1], avail[1]);
    if (e->lexicon && e->pack)
        return 1;
    e->lexicon = NULL;
    e->pack = NULL;
    fg_image_unmap(e->image);
    e->image = NULL;
    return 0;
}

/* Writes the loaded lexicon and pack to the cache: 1, or 0 when it could
 * not (not an error: the next run loads the XML again), or FG_ENOMEM. */
static int store_cached(const fg_engine *e, fg_cache *cache,
                        const fg_manifest *manifest)
{
    fg_image_writer *w;
    int rc = fg_image_writer_new(&w);
    if (rc < 0)
        return rc;
    uint64_t roots[FG_CACHE_ROOTS] = {fg_lexicon_save(e->lexicon, w),
                                      fg_pack_save(e->pack, w)};
    rc = fg_cache_store(cache, w, roots, manifest, e->digest);
    fg_image_writer_free(w);
    return rc == FG_ENOMEM ? rc : rc == 0;
}

int fg_engine_new(fg_engine **out, const fg_config *cfg, fg_diag_list *diags)
{
    *out = NULL;
    fg_engine *e = fg_calloc(1, sizeof *e);
    fg_buf dir;
    fg_buf_init(&dir, 1 << 16);
    fg_digest digest = {NULL, NULL};
    fg_cache *cache = NULL;
    size_t diags_before = fg_diag_list_count(diags);
    int rc = FG_ENOMEM, hit = 0, stored = 0;
    if (e == NULL)
        goto fail;
    e->rdf = cfg->rdf;
    e->explain = cfg->explain;
    if ((e->rdf.base = fg_strdup(cfg->rdf.base)) == NULL)
        goto fail;
    if ((rc = fg_buf_printf(&dir, "%s/rules/tokeniser", cfg->datadir)) < 0 ||
        (rc = open_cache(cfg, &cache)) < 0 ||
        (rc = cache ? map_cached(e, cache) : 0) < 0)
        goto fail;
    hit = rc;
    /* The digest and the record of what is read: when loading anew. */
    rc = FG_ENOMEM;
    if (!hit && ((digest.state = XXH3_createState()) == NULL ||
                 (cache && fg_manifest_new(&digest.manifest) < 0)))
        goto fail;
    if (digest.state)
        XXH3_128bits_reset(digest.state);
    fg_digest *d = hit ? NULL : &digest;
    rc = fg_tokeniser_load(&e->tokeniser, dir.data, d, diags);
    if (rc == 0 && !hit)
        rc = load_lexicon(e, cfg, d, diags);
    if (rc == 0)
        rc = load_ontology(e, cfg, d, diags);
    if (rc == 0 && !hit)
        rc = load_rules(e, cfg, d, diags);
    if (rc == 0 && cfg->trace_rule &&
        (e->trace_rule = fg_pack_find(e->pack, cfg->trace_rule)) == NULL)
        rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, NULL, 0, 0, FG_NO_OFFSET,
                         "no rule with the id '%s' among the rules loaded",
                         cfg->trace_rule) < 0
                 ? FG_ENOMEM
                 : FG_EDATA;
    if (rc < 0)
        goto fail;
    if (!hit) {
        XXH128_hash_t h = XXH3_128bits_digest(digest.state);
        snprintf(e->digest, sizeof e->digest, "xxh3-128:%016llx%016llx",
                 (unsigned long long)h.high64, (unsigned long long)h.low64);
        /* A load that reported anything is not cached, so that every
         * run reports it. */
        if (cache && fg_diag_list_count(diags) == diags_before &&
            (rc = store_cached(e, cache, digest.manifest)) < 0)
            goto fail;
        stored = rc == 1;
    }
    rc = FG_ENOMEM;
    if ((hit || stored) &&
        (e->cache_file = fg_strdup(fg_cache_path(cache))) == NULL)
        goto fail;
    rc = 0;
    *out = e;
    e = NULL;
fail:
    if (digest.state)
        XXH3_freeState(digest.state);
    fg_manifest_free(digest.manifest);
    fg_cache_free(cache);
    fg_buf_clear(&dir);
    fg_engine_free(e);
    return rc == FG_ELIMIT ? FG_EDATA : rc;
}

int fg_engine_from_cache(const fg_engine *engine)
{
    return engine->image != NULL;
}

const char *fg_engine_cache_file(const fg_engine *engine)
{
    return engine->cache_file;
}

void fg_engine_free(fg_engine *engine)
{
    if (engine == NULL)
        return;
    fg_tokeniser_free(engine->tokeniser);
    fg_lexicon_free(engine->lexicon);
    fg_pack_free(engine->pack);
    fg_image_unmap(engine->image);
    fg_free(engine->cache_file);
    fg_ontology_free(engine->ontology);
    fg_free(engine->rdf.base);
    fg_free(engine);
}

size_t fg_engine_rule_count(const fg_engine *engine)
{
    return fg_pack_count(engine->pack);
}

const char *fg_engine_rule_id(const fg_engine *engine, size_t i,
                              const char **file_out,
                              unsigned long *line_out)
{
    const fg_rule *r = fg_pack_get(engine->pack, i);
    if (file_out)
        *file_out = r ? r->def.file : NULL;
    if (line_out)
        *line_out = r ? r->def.line : 0;
    return r ? r->def.id : NULL;
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
    fg_resolver_init(&w->resolver);
    fg_morph_vec_init(&w->morph);
    fg_buf_init(&w->rdf_out, FG_RDF_MAX_BYTES);
    size_t n_rules = fg_pack_count(engine->pack);
    w->resolver.hits = fg_calloc(n_rules ? n_rules : 1, sizeof(size_t));
    int rc = w->resolver.hits ? fg_vm_new(&w->vm) : FG_ENOMEM;
    if (rc == 0)
        rc = fg_rdf_writer_new(&w->rdf, engine->rdf.format, engine->rdf.base,
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

void fg_worker_get_stats(const fg_worker *worker, fg_worker_stats *out)
{
    out->documents = worker->documents;
    fg_rdf_writer_counts(worker->rdf, &out->events, &out->statements);
}

size_t fg_worker_rule_hits(const fg_worker *worker, size_t i)
{
    return i < fg_pack_count(worker->engine->pack) ? worker->resolver.hits[i]
                                                   : 0;
}

void fg_worker_free(fg_worker *worker)
{
    if (worker == NULL)
        return;
    fg_arena_clear(&worker->arena);
    fg_token_vec_clear(&worker->tokens);
    fg_morph_vec_clear(&worker->morph);
    fg_norm_scratch_clear(&worker->norm);
    fg_graph_clear(&worker->graph);
    fg_vm_free(worker->vm);
    fg_resolver_clear(&worker->resolver);
    fg_keyset_clear(&worker->sentence.keys);
    fg_candidates_clear(&worker->sentence.candidates);
    fg_free(worker->sentence.annots);
    fg_free(worker->sentence.starts);
    fg_rdf_writer_free(worker->rdf);
    fg_buf_clear(&worker->rdf_out);
    fg_free(worker->traces);
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

/* The keys of a sentence's tokens for the trigger index: each token's
 * folded form, its lemma when that differs, its compound head, its first
 * three and five letters, and its last four and six bytes. */
static int token_keys(fg_keyset *keys, const fg_token *tok,
                      const fg_morph *morph, uint32_t n)
{
    fg_keyset_reset(keys);
    int rc = 0;
    for (uint32_t i = 0; i < n && rc == 0; i++) {
        const fg_token *t = &tok[i];
        const fg_morph *m = &morph[i];
        rc = fg_keyset_add(keys, fg_key('w', t->norm, t->norm_len));
        if (rc == 0 && (m->lemma_len != t->norm_len ||
                        memcmp(m->lemma, t->norm, t->norm_len) != 0))
            rc = fg_keyset_add(keys, fg_key('w', m->lemma, m->lemma_len));
        /* A compound's head ("treffen" of "Ministertreffen"); a simple
         * word's is its lemma, added above. */
        if (rc == 0 && m->head != m->lemma &&
            (m->head_len != m->lemma_len ||
             memcmp(m->head, m->lemma, m->lemma_len) != 0))
            rc = fg_keyset_add(keys, fg_key('w', m->head, m->head_len));
        /* The last part of a hyphenated compound, when its head is that
         * part's head: "generalsekretär" of "NATO-Generalsekretär". */
        if (rc == 0 && m->part)
            rc = fg_keyset_add(keys, fg_key('w', m->part, m->part_len));
        uint32_t letters = 0; /* ASCII letters it begins with */
        while (letters < FG_KEY_LONG_PREFIX_LEN && letters < t->norm_len &&
               t->norm[letters] >= 'a' && t->norm[letters] <= 'z')
            letters++;
        if (rc == 0 && letters >= FG_KEY_PREFIX_LEN)
            rc = fg_keyset_add(keys, fg_key('p', t->norm, FG_KEY_PREFIX_LEN));
        if (rc == 0 && letters >= FG_KEY_LONG_PREFIX_LEN)
            rc = fg_keyset_add(keys,
                               fg_key('P', t->norm, FG_KEY_LONG_PREFIX_LEN));
        if (rc == 0 && t->norm_len >= FG_KEY_SUFFIX_LEN)
            rc = fg_keyset_add(
                keys, fg_key('s', t->norm + t->norm_len - FG_KEY_SUFFIX_LEN,
                             FG_KEY_SUFFIX_LEN));
        if (rc == 0 && t->norm_len >= FG_KEY_LONG_SUFFIX_LEN)
            rc = fg_keyset_add(
                keys,
                fg_key('S', t->norm + t->norm_len - FG_KEY_LONG_SUFFIX_LEN,
                       FG_KEY_LONG_SUFFIX_LEN));
    }
    return rc;
}

static int cmp_annot(const void *a, const void *b)
{
    const fg_annot *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

typedef struct collect_ctx {
    fg_resolver *resolver;
    const fg_rule *rule;
    uint32_t base;
    int explain;
} collect_ctx;

static int collect(void *ctx, uint32_t start, uint32_t end,
                   const uint32_t *slots)
{
    collect_ctx *c = ctx;
    return fg_resolve_add(c->resolver, c->rule, c->base, start, end, slots,
                          c->explain);
}

/* explain --rule: the best attempt of the traced rule on a sentence,
 * from the VM's trace hooks. An attempt is a thread: the one that got
 * furthest from its start wins, the earliest start among equals; the
 * elements that refused its next token are kept (a few alternatives may
 * refuse the same token). */
#define TRACE_MAX_REFUSED 16

typedef struct trace_ctx {
    const fg_program *prog;
    uint32_t n; /* the sentence's tokens */
    int any;
    uint32_t start, pos;
    uint32_t elems[TRACE_MAX_REFUSED];
    uint32_t n_elems;
    size_t matches;
} trace_ctx;

static void trace_attempt(trace_ctx *t, uint32_t pc, uint32_t start,
                          uint32_t pos)
{
    uint32_t len = pos - start, best = t->pos - t->start;
    if (!t->any || len > best || (len == best && start < t->start)) {
        t->any = 1;
        t->start = start;
        t->pos = pos;
        t->n_elems = 0;
    } else if (start != t->start || pos != t->pos) {
        return;
    }
    uint32_t elem = t->prog->code_elem[pc];
    for (uint32_t i = 0; i < t->n_elems; i++)
        if (t->elems[i] == elem)
            return;
    if (t->n_elems < TRACE_MAX_REFUSED)
        t->elems[t->n_elems++] = elem;
}

static void trace_die(void *ctx, uint32_t pc, uint32_t start, uint32_t pos)
{
    trace_attempt(ctx, pc, start, pos);
}

/* A thread still wanting a token where the sentence ends. */
static void trace_reach(void *ctx, uint32_t pc, uint32_t start, uint32_t pos)
{
    trace_ctx *t = ctx;
    if (pos == t->n)
        trace_attempt(t, pc, start, pos);
}

static void trace_match(void *ctx, uint32_t start, uint32_t end)
{
    (void)start;
    (void)end;
    ((trace_ctx *)ctx)->matches++;
}

static int ignore_match(void *ctx, uint32_t start, uint32_t end,
                        const uint32_t *slots)
{
    (void)ctx;
    (void)start;
    (void)end;
    (void)slots;
    return 0;
}

/* Runs the traced rule on the sentence: as the pipeline does when the
 * index chose it (indexed), else on its own with its matches ignored;
 * and records the trace. */
static int trace_rule(const fg_engine *e, fg_worker *w, const fg_vm_input *in,
                      int indexed, collect_ctx *c)
{
    const fg_rule *rule = e->trace_rule;
    trace_ctx t = {.prog = &rule->prog, .n = in->n};
    fg_vm_trace hooks = {&t, trace_reach, trace_die, trace_match};
    int rc = fg_vm_run(w->vm, &rule->prog, in, e->explain, &hooks,
                       indexed ? collect : ignore_match, c);
    if (rc < 0)
        return rc;
    if (fg_grow((void **)&w->traces, &w->cap_traces, w->n_traces + 1,
                sizeof *w->traces) < 0)
        return FG_ENOMEM;
    fg_trace_element *refused = NULL;
    if (t.n_elems &&
        (refused = fg_arena_alloc(&w->arena, t.n_elems * sizeof *refused)) ==
            NULL)
        return FG_ENOMEM;
    for (uint32_t i = 0; i < t.n_elems; i++) {
        const fg_elem *el = &rule->prog.elems[t.elems[i]];
        refused[i] = (fg_trace_element){el->what, el->line};
    }
    const fg_token *first = &in->tokens[0];
    w->traces[w->n_traces++] = (fg_rule_trace){
        rule->def.id,
        rule->def.file,
        rule->def.line,
        rule->def.phase == FG_PHASE_ENTITIES ? "entities" : "events",
        first->sentence,
        in->base,
        in->base + in->n,
        indexed,
        t.matches,
        in->base + (t.any ? t.start : 0),
        in->base + (t.any ? t.pos : 0),
        refused,
        t.n_elems};
    return 0;
}

/* Runs the phases of the rules over the sentence of tokens [first, end). */
static int match_sentence(const fg_engine *e, fg_worker *w, const char *text,
                          uint32_t first, uint32_t end)
{
    sentence_scratch *s = &w->sentence;
    fg_resolver *r = &w->resolver;
    const fg_token *tok = w->tokens.items + first;
    const fg_morph *morph = w->morph.items + first;
    uint32_t n = end - first;
    size_t a0 = r->n_annots; /* the sentence's annotations start here */
    if (fg_grow((void **)&s->starts, &s->cap_starts, n + 2,
                sizeof *s->starts) < 0)
        return FG_ENOMEM;
    fg_resolve_begin_sentence(r);
    /* Gazetteer names, longest first, each token in at most one. */
    for (uint32_t i = 0; i < n && e->lexicon;) {
        fg_gaz_hit h;
        if (!fg_lexicon_match(e->lexicon, tok, n, i, text, &h)) {
            i++;
            continue;
        }
        const fg_gaz_entry *g = fg_lexicon_entry(e->lexicon, h.entry);
        fg_annot an = {h.modifier ? g->modifier : g->type,
                       first + i,
                       first + h.end,
                       FG_ANNOT_GAZETTEER,
                       h.entry,
                       g->file,
                       h.gender ? h.gender : g->gender};
        if (fg_resolve_add_annot(r, &an) < 0)
            return FG_ENOMEM;
        i = h.end;
    }
    if (fg_resolve_add_quantities(r, first, end) < 0)
        return FG_ENOMEM;
    int keyed = 0;
    for (int phase = 0; phase < FG_PHASES; phase++) {
        int rc = 0;
        /* Surnames and pronouns of people named so far, once the
         * sentence's own names are known. */
        if (phase == FG_PHASE_EVENTS &&
            (rc = fg_resolve_corefer(r, first, end)) < 0)
            return rc;
        if (fg_pack_phase_count(e->pack, (fg_phase)phase) == 0)
            continue;
        if (!keyed) {
            rc = token_keys(&s->keys, tok, morph, n);
            keyed = 1;
        }
        /* The annotations so far (of earlier phases) are keys too. */
        size_t na = r->n_annots - a0;
        for (size_t i = 0; i < na && rc == 0; i++)
            rc = fg_keyset_add(&s->keys, fg_key('a', r->annots[a0 + i].type,
                                                strlen(r->annots[a0 + i].type)));
        if (rc == 0)
            rc = fg_pack_candidates(e->pack, (fg_phase)phase, &s->keys,
                                    &s->candidates);
        if (rc < 0)
            return rc;
        const fg_rule *traced = e->trace_rule;
        if (traced && traced->def.phase != (fg_phase)phase)
            traced = NULL;
        if (s->candidates.n == 0 && traced == NULL)
            continue;
        if (fg_grow((void **)&s->annots, &s->cap_annots, na + 1,
                    sizeof *s->annots) < 0)
            return FG_ENOMEM;
        if (na) {
            memcpy(s->annots, r->annots + a0, na * sizeof *s->annots);
            qsort(s->annots, na, sizeof *s->annots, cmp_annot);
        }
        for (uint32_t j = 0, a = 0; j <= n; j++) {
            while (a < na && s->annots[a].first < first + j)
                a++;
            s->starts[j] = a;
        }
        s->starts[n + 1] = (uint32_t)na;
        fg_vm_input in = {tok,       morph,     n,
                          first,     text,      s->annots,
                          s->starts, ++w->inputs};
        int indexed = 0;
        for (size_t i = 0; i < s->candidates.n; i++) {
            const fg_rule *rule = fg_pack_get(e->pack, s->candidates.rules[i]);
            collect_ctx c = {r, rule, first, e->explain};
            if (rule == traced) {
                indexed = 1;
                rc = trace_rule(e, w, &in, 1, &c);
            } else {
                rc = fg_vm_run(w->vm, &rule->prog, &in, e->explain, NULL,
                               collect, &c);
            }
            if (rc < 0)
                return rc;
        }
        if (traced && !indexed &&
            (rc = trace_rule(e, w, &in, 0, NULL)) < 0)
            return rc;
        if ((rc = fg_resolve_phase(r, (fg_phase)phase, first, end)) < 0)
            return rc;
    }
    return 0;
}

static int match_document(const fg_engine *e, fg_worker *w,
                          const fg_text *text, const char *doc_date)
{
    int rc = 0;
    fg_resolver_reset(&w->resolver, &w->graph, &w->arena, text,
                      w->tokens.items, w->morph.items, doc_date);
    w->resolver.lexicon = e->lexicon;
    if (fg_pack_count(e->pack) == 0)
        return 0;
    const fg_token *t = w->tokens.items;
    size_t n = w->tokens.n;
    for (size_t first = 0; first < n && rc == 0;) {
        size_t end = first + 1;
        while (end < n && t[end].sentence == t[first].sentence)
            end++;
        rc = match_sentence(e, w, text->data, (uint32_t)first, (uint32_t)end);
        first = end;
    }
    return rc;
}

/* The CoNLL entity types of `factgraph tokens`. */
enum { NE_O, NE_PER, NE_ORG, NE_LOC, NE_OTH, NE_BEGIN = 8 };

/* The CoNLL type of an annotation: people, organisations, countries and
 * places from the entities phase (and coreference); OTH for a
 * gazetteer's adjectives and compound parts ("britische", "US-"). */
static int ne_type(const fg_lexicon *lex, const fg_annot *an)
{
    if (an->kind == FG_ANNOT_ENTITY) {
        if (strcmp(an->type, "Person") == 0)
            return NE_PER;
        if (strcmp(an->type, "Organization") == 0)
            return NE_ORG;
        if (strcmp(an->type, "Country") == 0 || strcmp(an->type, "Place") == 0)
            return NE_LOC;
        return NE_O;
    }
    if (an->kind == FG_ANNOT_GAZETTEER && lex) {
        const fg_gaz_entry *g = fg_lexicon_entry(lex, an->record);
        if (g->modifier && strcmp(an->type, g->modifier) == 0)
            return NE_OTH;
    }
    return NE_O;
}

/* The entity tag of each token in BIO form: entities first, in the
 * order they were found, then modifiers; a token takes the first. */
static int tag_entities(const fg_engine *e, fg_worker *w, fg_analysis *a)
{
    unsigned char *tags = fg_arena_alloc(&w->arena, a->n_tokens + 1);
    if (tags == NULL)
        return FG_ENOMEM;
    memset(tags, 0, a->n_tokens + 1);
    const fg_resolver *r = &w->resolver;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < r->n_annots; k++) {
            const fg_annot *an = &r->annots[k];
            int type = ne_type(e->lexicon, an);
            if (type == NE_O || (an->kind == FG_ANNOT_ENTITY) != (pass == 0))
                continue;
            int free = 1;
            for (uint32_t t = an->first; t < an->end && free; t++)
                free = tags[t] == 0;
            for (uint32_t t = an->first; t < an->end && free; t++)
                tags[t] = (unsigned char)(type | (t == an->first ? NE_BEGIN : 0));
        }
    a->entity_tags = tags;
    return 0;
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
    worker->n_traces = 0;

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
    rc = fg_morph_analyse(&worker->morph, engine->lexicon, worker->tokens.items,
                          a->n_tokens, a->text.data, &worker->norm,
                          &worker->arena);
    if (rc < 0)
        return rc;
    if ((rc = match_document(engine, worker, &a->text, fg_doc_date(doc))) < 0) {
        if (rc == FG_ELIMIT)
            rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, fg_doc_file(doc),
                             fg_doc_line(doc), 0, FG_NO_OFFSET,
                             "document '%s': more than %d facts",
                             fg_doc_id(doc), FG_MAX_GRAPH_RECORDS) < 0
                     ? FG_ENOMEM
                     : FG_ELIMIT;
        return rc;
    }

    if ((rc = tag_entities(engine, worker, a)) < 0)
        return rc;
    worker->documents++;
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

const fg_morph *fg_analysis_get_morph(const fg_analysis *a, size_t i)
{
    return i < a->n_tokens ? &a->worker->morph.items[i] : NULL;
}

const char *fg_analysis_entity_tag(const fg_analysis *a, size_t i)
{
    static const char *const BIO[2][5] = {
        {"O", "I-PER", "I-ORG", "I-LOC", "I-OTH"},
        {"O", "B-PER", "B-ORG", "B-LOC", "B-OTH"}};
    if (i >= a->n_tokens || a->entity_tags == NULL)
        return NULL;
    unsigned char t = a->entity_tags[i];
    return BIO[(t & NE_BEGIN) != 0][t & 7];
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

size_t fg_analysis_match_count(const fg_analysis *a)
{
    return a->worker->resolver.n_kept;
}

size_t fg_analysis_trace_count(const fg_analysis *a)
{
    return a->worker->n_traces;
}

const fg_rule_trace *fg_analysis_get_trace(const fg_analysis *a, size_t i)
{
    return i < a->worker->n_traces ? &a->worker->traces[i] : NULL;
}

const fg_match_info *fg_analysis_get_match(const fg_analysis *a, size_t i)
{
    const fg_resolver *r = &a->worker->resolver;
    return i < r->n_kept ? &r->kept[i] : NULL;
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

struct fg_graph *fg_analysis_graph(fg_analysis *a) { return a->graph; }

/* ------------------------------------------------------------------ */
/* Checking the rules' examples                                        */

typedef struct example_check {
    const fg_rule *rule;
    const fg_example *ex;
    fg_buf got;  /* what the rule found, for the message */
    fg_buf want; /* what was expected */
    int passed;
} example_check;

/* Appends the words of tokens [first, end) of a, spaces collapsed. */
static int add_words(fg_buf *b, const fg_analysis *a, size_t first,
                     size_t end)
{
    const char *text = a->text.data;
    int rc = 0, space = 0;
    for (size_t p = a->tokens[first].start; p < a->tokens[end - 1].end && rc == 0;
         p++) {
        if (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' ||
            text[p] == '\r') {
            space = 1;
            continue;
        }
        if (space)
            rc = fg_buf_addc(b, ' ');
        space = 0;
        if (rc == 0)
            rc = fg_buf_addc(b, text[p]);
    }
    return rc;
}

/* The words of every value of role in m, as "a|b", into b. */
static int role_words(fg_buf *b, const fg_analysis *a, const fg_match_info *m,
                      int role)
{
    int rc = 0, n = 0;
    if (role < 0)
        return add_words(b, a, m->first_token, m->end_token);
    for (size_t i = 0; i < m->n_roles && rc == 0; i++) {
        if (strcmp(m->roles[i].name, fg_capture_role_name(role)) != 0)
            continue;
        if (n++)
            rc = fg_buf_addc(b, '|');
        if (rc == 0)
            rc = add_words(b, a, m->roles[i].first_token,
                           m->roles[i].end_token);
    }
    return rc;
}

/* Whether the '|'-separated values in got are those of e, in any order,
 * each as often. */
static int same_values(const char *got, const fg_expect *e)
{
    size_t n = got[0] ? 1 : 0;
    for (const char *p = got; *p; p++)
        n += *p == '|';
    if (n != e->n_values)
        return 0;
    unsigned char used[64] = {0};
    if (n > sizeof used)
        return 0;
    for (const char *p = got; *p;) {
        const char *bar = strchr(p, '|');
        size_t plen = bar ? (size_t)(bar - p) : strlen(p);
        size_t k = 0;
        while (k < n && (used[k] || strlen(e->values[k]) != plen ||
                         memcmp(p, e->values[k], plen) != 0))
            k++;
        if (k == n)
            return 0;
        used[k] = 1;
        p += plen + (bar != NULL);
    }
    return 1;
}

/* Describes what the example expects, into c->want. */
static int describe_expected(example_check *c)
{
    int rc = 0;
    fg_buf_reset(&c->want);
    for (size_t k = 0; k < c->ex->n_expect && rc == 0; k++) {
        const fg_expect *e = &c->ex->expect[k];
        rc = fg_buf_printf(&c->want, "%s%s \"", k ? ", " : "",
                           e->role < 0 ? "match" : fg_capture_role_name(e->role));
        for (size_t v = 0; v < e->n_values && rc == 0; v++)
            rc = fg_buf_printf(&c->want, "%s%s", v ? "|" : "", e->values[v]);
        if (rc == 0)
            rc = fg_buf_adds(&c->want, "\"");
    }
    return rc;
}

/* Describes what match m has for the roles the example names, into
 * c->got; returns 1 when it is what the example expects, 0, or
 * FG_ENOMEM. */
static int compare(example_check *c, const fg_analysis *a,
                   const fg_match_info *m)
{
    int ok = 1, rc = 0;
    fg_buf_reset(&c->got);
    for (size_t k = 0; k < c->ex->n_expect && rc == 0; k++) {
        const fg_expect *e = &c->ex->expect[k];
        rc = fg_buf_printf(&c->got, "%s%s \"", k ? ", " : "",
                           e->role < 0 ? "match" : fg_capture_role_name(e->role));
        size_t from = c->got.len;
        if (rc == 0)
            rc = role_words(&c->got, a, m, e->role);
        if (rc == 0)
            ok &= same_values(c->got.data + from, e);
        if (rc == 0)
            rc = fg_buf_adds(&c->got, "\"");
    }
    return rc < 0 ? rc : ok;
}

static int check_sink(void *ctx, fg_analysis *a)
{
    example_check *c = ctx;
    const fg_resolver *r = &a->worker->resolver;
    for (size_t i = 0; i < r->n_kept; i++) {
        const fg_match_info *m = &r->kept[i];
        if (strcmp(m->rule, c->rule->def.id) != 0)
            continue;
        int rc;
        if (c->ex->counter) { /* a match is a failure: say which */
            fg_buf_reset(&c->got);
            rc = fg_buf_addc(&c->got, '"');
            if (rc == 0)
                rc = add_words(&c->got, a, m->first_token, m->end_token);
            if (rc == 0)
                rc = fg_buf_addc(&c->got, '"');
            return rc < 0 ? rc : 0;
        }
        if ((rc = compare(c, a, m)) < 0)
            return rc;
        if (rc == 1) {
            c->passed = 1;
            return 0;
        }
    }
    c->passed = c->ex->counter;
    return 0;
}

int fg_engine_check_examples(const fg_engine *engine, fg_diag_list *diags,
                             size_t *passed_out, size_t *failed_out)
{
    *passed_out = *failed_out = 0;
    fg_worker *w = NULL;
    int rc = fg_worker_new(&w, engine);
    example_check c;
    memset(&c, 0, sizeof c);
    fg_buf_init(&c.got, 1 << 16);
    fg_buf_init(&c.want, 1 << 16);
    fg_diag_list *quiet = NULL;
    if (rc == 0)
        rc = fg_diag_list_new(&quiet);
    for (size_t i = 0; rc == 0 && i < fg_pack_count(engine->pack); i++) {
        const fg_rule *rule = fg_pack_get(engine->pack, i);
        for (size_t k = 0; rc == 0 && k < rule->def.n_examples; k++) {
            const fg_example *ex = &rule->def.examples[k];
            fg_doc *doc = NULL;
            c.rule = rule;
            c.ex = ex;
            c.passed = 0;
            fg_buf_reset(&c.got);
            rc = describe_expected(&c);
            if (rc == 0)
                rc = fg_doc_new(&doc, "example", ex->text, strlen(ex->text));
            if (rc == 0) {
                fg_sink sink = {&c, check_sink};
                rc = fg_engine_process(engine, w, doc, &sink, quiet);
                fg_diag_list_clear(quiet);
            }
            fg_doc_free(doc);
            if (rc < 0)
                break;
            if (c.passed) {
                ++*passed_out;
                continue;
            }
            ++*failed_out;
            const char *id = rule->def.id;
            if (ex->counter)
                rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, rule->def.file,
                                 ex->line, 0, FG_NO_OFFSET,
                                 "rule %s: expected no match in the "
                                 "counter-example, got %s",
                                 id, c.got.data ? c.got.data : "one");
            else if (c.got.len == 0 && ex->n_expect)
                rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, rule->def.file,
                                 ex->line, 0, FG_NO_OFFSET,
                                 "rule %s: expected %s, got no match", id,
                                 c.want.data ? c.want.data : "a match");
            else if (c.got.len == 0)
                rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, rule->def.file,
                                 ex->line, 0, FG_NO_OFFSET,
                                 "rule %s: expected a match, got none", id);
            else
                rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, rule->def.file,
                                 ex->line, 0, FG_NO_OFFSET,
                                 "rule %s: expected %s, got %s", id,
                                 c.want.data, c.got.data);
        }
    }
    fg_buf_clear(&c.got);
    fg_buf_clear(&c.want);
    fg_diag_list_free(quiet);
    fg_worker_free(w);
    return rc < 0 ? rc : 0;
}
