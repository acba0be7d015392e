/* rdf: see rdf.h and doc/ontology.md.
 *
 * One document's statements, in a fixed order: the document (nif:Context),
 * the entities with their mentions and facts, the groups, the events with
 * their roles, factuality and provenance, and the NIF strings they point
 * to. Nodes that belong to the document (groups, events, NIF strings) get
 * IRIs under the document's IRI; named entities get IRIs of their own
 * under the base, so that one entity in many documents is one node. */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "alloc.h"
#include "diag.h"
#include "rdf.h"
#include "strmap.h"
#include "utf8.h"

/* Namespaces, in the order of the prefixes written. */
enum { NS_DPO, NS_NIF, NS_PROV, NS_SEM, NS_DCTERMS, NS_RDF, NS_RDFS, NS_XSD,
       NS_OWL, NS_DATA, N_NS };

static const struct {
    const char *prefix;
    const char *iri;
} NAMESPACES[N_NS - 1] = {
    {"dpo", "https://w3id.org/factgraph/dpo#"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
};

/* The longest IRI or literal built here (a literal may be a whole
 * document's text). */
#define MAX_TERM_BYTES ((size_t)FG_MAX_DOC_BYTES * 3 + 4096)

static const char *const SERIALIZERS[] = {"turtle", "ntriples", "nquads",
                                          "rdfxml", "json"};

struct fg_rdf_writer {
    raptor_world *world;
    fg_format format;
    unsigned flags;
    char *base;
    raptor_uri *ns[N_NS];
    raptor_uri *xsd_string, *xsd_integer, *xsd_decimal, *xsd_date,
        *xsd_year_month, *xsd_year, *xsd_nonneg;

    /* RDF/XML and JSON: one serializer for all documents, writing into
     * whole, started by the first document and ended by finish. */
    raptor_serializer *whole_ser;
    raptor_iostream *whole_io;
    fg_buf whole;
    /* JSON: hashes of the statements written, since Raptor's JSON
     * writer fails on a statement it has (an entity of two documents). */
    fg_strmap written;

    /* While a document is written: */
    fg_buf *out;     /* where Raptor's bytes go */
    int out_error;   /* FG_ENOMEM or FG_ELIMIT from appending to out */
    int raptor_errors;
    char raptor_message[256];
    /* What the documents written so far gave: */
    size_t events, statements;
};

/* ------------------------------------------------------------------ */
/* Checks and encodings                                                */

const char *fg_format_name(fg_format format)
{
    return (unsigned)format <= FG_FORMAT_JSON ? SERIALIZERS[format] : NULL;
}

int fg_format_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof SERIALIZERS / sizeof *SERIALIZERS; i++)
        if (strcmp(name, SERIALIZERS[i]) == 0)
            return (int)i;
    return -1;
}

static int unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~';
}

int fg_rdf_percent_encode(fg_buf *b, const char *s, size_t len)
{
    static const char HEX[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int rc;
        if (unreserved(c)) {
            rc = fg_buf_addc(b, (char)c);
        } else {
            char esc[3] = {'%', HEX[c >> 4], HEX[c & 15]};
            rc = fg_buf_add(b, esc, 3);
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int alnum_run(const char *s, size_t n, size_t min, size_t max,
                     int letters_only)
{
    if (n < min || n > max)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && (letters_only || !(c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

int fg_rdf_valid_language(const char *tag)
{
    /* language (2-3 or 5-8 letters), then subtags of 1-8 letters or
     * digits; a script of 4 letters or a region of 2 letters or 3
     * digits among them. The grammar is simplified to what RDF needs:
     * every subtag 1-8 alphanumerics, the first 2-8 letters. */
    const char *p = tag;
    size_t n = strcspn(p, "-");
    if (!alnum_run(p, n, 2, 8, 1) || n == 4)
        return 0;
    p += n;
    while (*p == '-') {
        p++;
        n = strcspn(p, "-");
        if (!alnum_run(p, n, 1, 8, 0))
            return 0;
        p += n;
    }
    return *p == '\0';
}

int fg_rdf_valid_base(const char *base)
{
    size_t n = strlen(base), i = 0;
    if (n < 4 || (base[n - 1] != '/' && base[n - 1] != '#'))
        return 0;
    if (!((base[0] | 0x20) >= 'a' && (base[0] | 0x20) <= 'z'))
        return 0;
    while (i < n && base[i] != ':') {
        char c = base[i];
        if (!unreserved((unsigned char)c) && c != '+')
            return 0;
        i++;
    }
    if (i == n)
        return 0;
    for (; i < n; i++)
        if (!unreserved((unsigned char)base[i]) &&
            !strchr(":/?#[]@!$&'()*+,;=%", base[i]))
            return 0;
    return 1;
}

/* Appends s[0..len) as literal text RDF and XML accept: invalid UTF-8 as
 * U+FFFD, NUL and the control characters XML 1.0 forbids as spaces, the
 * noncharacters U+FFFE and U+FFFF as U+FFFD. Each code point stays one
 * code point, so NIF offsets are unchanged. */
static int add_clean(fg_buf *b, const char *s, size_t len)
{
    size_t pos = 0, from = 0;
    while (pos < len) {
        size_t at = pos;
        unsigned char c = (unsigned char)s[pos];
        if (c >= 0x20 && c < 0x80) {
            pos++;
            continue;
        }
        int valid;
        int32_t cp = fg_utf8_next(s, len, &pos, &valid);
        const char *rep = NULL;
        if (!valid || cp == 0xFFFE || cp == 0xFFFF)
            rep = "\xEF\xBF\xBD";
        else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
            rep = " ";
        if (rep == NULL)
            continue;
        int rc = fg_buf_add(b, s + from, at - from);
        if (rc == 0)
            rc = fg_buf_adds(b, rep);
        if (rc < 0)
            return rc;
        from = pos;
    }
    return fg_buf_add(b, s + from, len - from);
}

/* ------------------------------------------------------------------ */
/* The writer                                                          */

static void log_handler(void *data, raptor_log_message *m)
{
    fg_rdf_writer *w = data;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR && w->raptor_errors++ == 0)
        snprintf(w->raptor_message, sizeof w->raptor_message, "%s",
                 m->text ? m->text : "unknown error");
}

/* The iostream handler's answer to an append that returned rc: 1 stops
 * Raptor, and the first error is kept for the writer's caller. */
static int append_result(fg_rdf_writer *w, int rc)
{
    if (rc < 0) {
        w->out_error = rc;
        return 1;
    }
    return 0;
}

static int iostream_write_bytes(void *ctx, const void *ptr, size_t size,
                                size_t nmemb)
{
    fg_rdf_writer *w = ctx;
    if (w->out_error)
        return 1;
    return append_result(w, fg_buf_add(w->out, ptr, size * nmemb));
}

/* Raptor escapes literals a byte at a time: the inline one-byte append. */
static int iostream_write_byte(void *ctx, const int byte)
{
    fg_rdf_writer *w = ctx;
    if (w->out_error)
        return 1;
    return append_result(w, fg_buf_addc(w->out, (char)byte));
}

/* Raptor 2.0.15 refuses handlers of version 1 (seen by test): 2 it is,
 * without the reading functions. */
static const raptor_iostream_handler BUF_HANDLER = {
    .version = 2,
    .write_byte = iostream_write_byte,
    .write_bytes = iostream_write_bytes,
};

static raptor_uri *new_uri(fg_rdf_writer *w, const char *s)
{
    return raptor_new_uri(w->world, (const unsigned char *)s);
}

static raptor_uri *xsd_uri(fg_rdf_writer *w, const char *local)
{
    char iri[128];
    snprintf(iri, sizeof iri, "%s%s", NAMESPACES[NS_XSD].iri, local);
    return new_uri(w, iri);
}

int fg_rdf_writer_new(fg_rdf_writer **out, fg_format format,
                      const char *base, unsigned flags)
{
    *out = NULL;
    if (base == NULL)
        base = FG_DEFAULT_BASE;
    if ((unsigned)format > FG_FORMAT_JSON || !fg_rdf_valid_base(base))
        return FG_EINVAL;
    fg_rdf_writer *w = fg_calloc(1, sizeof *w);
    if (w == NULL)
        return FG_ENOMEM;
    w->format = format;
    w->flags = flags;
    fg_buf_init(&w->whole, SIZE_MAX / 2);
    fg_strmap_init(&w->written);
    w->base = fg_strdup(base);
    w->world = raptor_new_world();
    if (w->base == NULL || w->world == NULL || raptor_world_open(w->world))
        goto fail;
    raptor_world_set_log_handler(w->world, w, log_handler);
    for (int i = 0; i < N_NS - 1; i++)
        if ((w->ns[i] = new_uri(w, NAMESPACES[i].iri)) == NULL)
            goto fail;
    if ((w->ns[NS_DATA] = new_uri(w, base)) == NULL)
        goto fail;
    w->xsd_string = xsd_uri(w, "string");
    w->xsd_integer = xsd_uri(w, "integer");
    w->xsd_decimal = xsd_uri(w, "decimal");
    w->xsd_date = xsd_uri(w, "date");
    w->xsd_year_month = xsd_uri(w, "gYearMonth");
    w->xsd_year = xsd_uri(w, "gYear");
    w->xsd_nonneg = xsd_uri(w, "nonNegativeInteger");
    if (!w->xsd_string || !w->xsd_integer || !w->xsd_decimal ||
        !w->xsd_date || !w->xsd_year_month || !w->xsd_year || !w->xsd_nonneg)
        goto fail;
    *out = w;
    return 0;
fail:
    fg_rdf_writer_free(w);
    return FG_ENOMEM;
}

void fg_rdf_writer_counts(const fg_rdf_writer *w, size_t *events,
                          size_t *statements)
{
    *events = w->events;
    *statements = w->statements;
}

void fg_rdf_writer_free(fg_rdf_writer *w)
{
    if (w == NULL)
        return;
    raptor_uri *uris[] = {w->xsd_string, w->xsd_integer, w->xsd_decimal,
                          w->xsd_date,   w->xsd_year_month, w->xsd_year,
                          w->xsd_nonneg};
    for (size_t i = 0; i < sizeof uris / sizeof *uris; i++)
        if (uris[i])
            raptor_free_uri(uris[i]);
    for (int i = 0; i < N_NS; i++)
        if (w->ns[i])
            raptor_free_uri(w->ns[i]);
    if (w->whole_ser)
        raptor_free_serializer(w->whole_ser);
    if (w->whole_io)
        raptor_free_iostream(w->whole_io);
    fg_buf_clear(&w->whole);
    fg_strmap_clear(&w->written);
    if (w->world)
        raptor_free_world(w->world);
    fg_free(w->base);
    fg_free(w);
}

/* ------------------------------------------------------------------ */
/* One document                                                        */

typedef struct doc_writer {
    fg_rdf_writer *w;
    raptor_serializer *ser;
    raptor_term *graph; /* the document, for N-Quads */
    const fg_graph *g;
    fg_text *text;
    fg_arena *arena;
    fg_diag_list *diags;
    const fg_doc *doc;
    const char *doc_iri;
    size_t doc_iri_len;
    fg_buf iri, lit;      /* scratch for terms */
    fg_strmap nodes;      /* hash of node IRIs made -> their key's hash */
    fg_strmap spans;      /* NIF strings already written */
    const fg_rdf_run *run; /* for the run information */
    size_t statements;     /* given to the serializer */
    int rc;
} doc_writer;

/* Terms. Each returns NULL after recording the failure in d->rc. */

static raptor_term *term_iri(doc_writer *d, const char *iri, size_t len)
{
    raptor_term *t = raptor_new_term_from_counted_uri_string(
        d->w->world, (const unsigned char *)iri, len);
    if (t == NULL && d->rc == 0)
        d->rc = FG_ENOMEM;
    return t;
}

static raptor_term *term_vocab(doc_writer *d, int ns, const char *local)
{
    fg_buf_reset(&d->iri);
    if (fg_buf_adds(&d->iri, NAMESPACES[ns].iri) < 0 ||
        fg_buf_adds(&d->iri, local) < 0) {
        d->rc = FG_ENOMEM;
        return NULL;
    }
    return term_iri(d, d->iri.data, d->iri.len);
}

static raptor_term *term_literal(doc_writer *d, const char *s, size_t len,
                                 raptor_uri *type, const char *lang)
{
    assert(lang == NULL || fg_rdf_valid_language(lang));
    fg_buf_reset(&d->lit);
    int rc = add_clean(&d->lit, s, len);
    if (rc == 0 && d->lit.data == NULL)
        rc = fg_buf_add(&d->lit, "", 0);
    if (rc < 0) {
        d->rc = rc;
        return NULL;
    }
    raptor_term *t = raptor_new_term_from_counted_literal(
        d->w->world, (const unsigned char *)d->lit.data, d->lit.len,
        lang ? NULL : type, (const unsigned char *)lang,
        (unsigned char)(lang ? strlen(lang) : 0));
    if (t == NULL && d->rc == 0)
        d->rc = FG_ENOMEM;
    return t;
}

static raptor_term *term_count(doc_writer *d, size_t n)
{
    char s[32];
    int len = snprintf(s, sizeof s, "%zu", n);
    return term_literal(d, s, (size_t)len, d->w->xsd_nonneg, NULL);
}

/* Whether the writer has written statement s-p-o before (JSON only);
 * remembers it when not. 1, 0, or FG_ENOMEM. */
static int written_before(fg_rdf_writer *w, raptor_term *s, raptor_term *p,
                          raptor_term *o)
{
    XXH3_state_t st;
    XXH3_128bits_reset(&st);
    raptor_term *terms[3] = {s, p, o};
    for (int i = 0; i < 3; i++) {
        size_t n;
        unsigned char *str = raptor_term_to_counted_string(terms[i], &n);
        if (str == NULL)
            return FG_ENOMEM;
        XXH3_128bits_update(&st, str, n + 1); /* with its NUL: a separator */
        raptor_free_memory(str);
    }
    XXH128_canonical_t key;
    XXH128_canonicalFromHash(&key, XXH3_128bits_digest(&st));
    if (fg_strmap_find(&w->written, (const char *)key.digest, sizeof key, NULL))
        return 1;
    return fg_strmap_put(&w->written, (const char *)key.digest, sizeof key, 1,
                         0) < 0
               ? FG_ENOMEM
               : 0;
}

/* Writes one statement; takes ownership of the three terms. */
static void emit(doc_writer *d, raptor_term *s, raptor_term *p, raptor_term *o)
{
    int seen = 0;
    if (s && p && o && d->rc == 0 && d->w->format == FG_FORMAT_JSON &&
        (seen = written_before(d->w, s, p, o)) < 0)
        d->rc = seen;
    if (s && p && o && d->rc == 0 && !seen) {
        raptor_statement st;
        raptor_statement_init(&st, d->w->world);
        st.subject = s;
        st.predicate = p;
        st.object = o;
        st.graph = d->graph ? raptor_term_copy(d->graph) : NULL;
        if (raptor_serializer_serialize_statement(d->ser, &st) != 0 &&
            d->rc == 0)
            d->rc = FG_EIO;
        d->statements++;
        raptor_statement_clear(&st);
        return;
    }
    if (s)
        raptor_free_term(s);
    if (p)
        raptor_free_term(p);
    if (o)
        raptor_free_term(o);
}

/* IRIs of the document's nodes. Each leaves the IRI in d->iri. */

static int iri_doc(doc_writer *d)
{
    fg_buf_reset(&d->iri);
    return fg_buf_add(&d->iri, d->doc_iri, d->doc_iri_len);
}

/* An entity: BASE entity/CLASS/NAME, spaces in the name as '_' and '_'
 * itself percent-encoded, so that different names stay different IRIs. */
static int iri_entity(doc_writer *d, const fg_entity *e)
{
    fg_buf_reset(&d->iri);
    int rc = fg_buf_printf(&d->iri, "%sentity/%s/", d->w->base,
                           fg_entity_class_name(e->cls));
    for (const char *p = e->key; rc == 0 && *p; p++)
        rc = *p == ' '   ? fg_buf_addc(&d->iri, '_')
             : *p == '_' ? fg_buf_adds(&d->iri, "%5F")
                         : fg_rdf_percent_encode(&d->iri, p, 1);
    return rc;
}

/* A node of the document: DOC#KIND-HASH, the hash (XXH3, 64 bits) of what
 * identifies it. Each hash made is stored with a second, independent
 * 32-bit hash of its key: the same hash with another check value is a
 * collision: the second key gets a hash with a seed, and a warning. */
#define CHECK_SEED 0x9E3779B97F4A7C15ull

static int iri_node(doc_writer *d, const char *kind, const char *key,
                    size_t key_len)
{
    uint32_t check = (uint32_t)XXH3_64bits_withSeed(key, key_len, CHECK_SEED);
    uint64_t h = XXH3_64bits(key, key_len);
    for (unsigned salt = 1;; salt++) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
        uint32_t seen;
        if (!fg_strmap_find(&d->nodes, hex, 16, &seen)) {
            if (fg_strmap_put(&d->nodes, hex, 16, check, 0) < 0)
                return FG_ENOMEM;
        } else if (seen != check) {
            if (salt == 1 &&
                fg_diag_add(d->diags, FG_WARNING, FG_EDUP,
                            fg_doc_file(d->doc), fg_doc_line(d->doc), 0,
                            FG_NO_OFFSET,
                            "document '%s': hash collision for a %s IRI; "
                            "a seeded hash was used instead",
                            fg_doc_id(d->doc), kind) < 0)
                return FG_ENOMEM;
            h = XXH3_64bits_withSeed(key, key_len, salt);
            continue;
        }
        fg_buf_reset(&d->iri);
        int rc = fg_buf_add(&d->iri, d->doc_iri, d->doc_iri_len);
        if (rc == 0)
            rc = fg_buf_printf(&d->iri, "#%s-%s", kind, hex);
        return rc;
    }
}

/* The NIF string of span: DOC#char=BEGIN,END in code points of the NFC
 * text (RFC 5147). Writes its description the first time. */
static int iri_span(doc_writer *d, fg_span span, size_t *begin_out,
                    size_t *end_out)
{
    int rc = fg_text_nfc_offset(d->text, span.start, begin_out);
    if (rc == 0)
        rc = fg_text_nfc_offset(d->text, span.end, end_out);
    if (rc < 0)
        return rc;
    fg_buf_reset(&d->iri);
    rc = fg_buf_add(&d->iri, d->doc_iri, d->doc_iri_len);
    if (rc == 0)
        rc = fg_buf_printf(&d->iri, "#char=%zu,%zu", *begin_out, *end_out);
    return rc;
}

/* Records the result of building an IRI; whether to go on. */
static int ok(doc_writer *d, int rc)
{
    if (rc < 0 && d->rc == 0)
        d->rc = rc;
    return d->rc == 0;
}

static raptor_term *term_span(doc_writer *d, fg_span span)
{
    size_t b = 0, e = 0;
    if (!ok(d, d->rc ? 0 : iri_span(d, span, &b, &e)))
        return NULL;
    raptor_term *node = term_iri(d, d->iri.data, d->iri.len);
    if (node == NULL)
        return NULL;
    char key[48];
    int klen = snprintf(key, sizeof key, "%zu,%zu", b, e);
    if (fg_strmap_find(&d->spans, key, (size_t)klen, NULL))
        return node;
    if (fg_strmap_put(&d->spans, key, (size_t)klen, 1, 0) < 0) {
        d->rc = FG_ENOMEM;
        raptor_free_term(node);
        return NULL;
    }
    size_t from = fg_text_nfc_byte(d->text, b), to = fg_text_nfc_byte(d->text, e);
    emit(d, raptor_term_copy(node), term_vocab(d, NS_RDF, "type"),
         term_vocab(d, NS_NIF, "String"));
    emit(d, raptor_term_copy(node), term_vocab(d, NS_RDF, "type"),
         term_vocab(d, NS_NIF, "RFC5147String"));
    iri_doc(d);
    emit(d, raptor_term_copy(node), term_vocab(d, NS_NIF, "referenceContext"),
         term_iri(d, d->iri.data, d->iri.len));
    emit(d, raptor_term_copy(node), term_vocab(d, NS_NIF, "beginIndex"),
         term_count(d, b));
    emit(d, raptor_term_copy(node), term_vocab(d, NS_NIF, "endIndex"),
         term_count(d, e));
    emit(d, raptor_term_copy(node), term_vocab(d, NS_NIF, "anchorOf"),
         term_literal(d, d->text->nfc + from, to - from, d->w->xsd_string,
                      NULL));
    return node;
}

static raptor_term *term_literal_value(doc_writer *d, const fg_literal *l)
{
    raptor_uri *type = d->w->xsd_string;
    switch (l->type) {
    case FG_LITERAL_STRING: type = d->w->xsd_string; break;
    case FG_LITERAL_INTEGER: type = d->w->xsd_integer; break;
    case FG_LITERAL_DECIMAL: type = d->w->xsd_decimal; break;
    case FG_LITERAL_DATE: type = d->w->xsd_date; break;
    case FG_LITERAL_YEAR_MONTH: type = d->w->xsd_year_month; break;
    case FG_LITERAL_YEAR: type = d->w->xsd_year; break;
    }
    return term_literal(d, l->value, strlen(l->value), type, NULL);
}

static raptor_term *term_group(doc_writer *d, uint32_t i);
static raptor_term *term_event(doc_writer *d, uint32_t i);

static raptor_term *term_entity(doc_writer *d, uint32_t i)
{
    if (!ok(d, d->rc ? 0 : iri_entity(d, &d->g->entities[i])))
        return NULL;
    return term_iri(d, d->iri.data, d->iri.len);
}

static raptor_term *term_value(doc_writer *d, const fg_value *v)
{
    switch (v->kind) {
    case FG_VALUE_ENTITY: return term_entity(d, v->index);
    case FG_VALUE_GROUP: return term_group(d, v->index);
    case FG_VALUE_EVENT: return term_event(d, v->index);
    case FG_VALUE_LITERAL: return term_literal_value(d, &v->literal);
    }
    return NULL;
}

static raptor_term *term_group(doc_writer *d, uint32_t i)
{
    const fg_group *gr = &d->g->groups[i];
    char key[64];
    int n = snprintf(key, sizeof key, "group|%zu|%zu", gr->span.start,
                     gr->span.end);
    if (!ok(d, d->rc ? 0 : iri_node(d, "group", key, (size_t)n)))
        return NULL;
    return term_iri(d, d->iri.data, d->iri.len);
}

static raptor_term *term_event(doc_writer *d, uint32_t i)
{
    const fg_event *e = &d->g->events[i];
    fg_buf key;
    fg_buf_init(&key, 1 << 16);
    int rc = fg_buf_printf(&key, "event|%s|%s|%zu|%zu", e->cls, e->rule,
                           e->trigger.start, e->trigger.end);
    if (rc == 0 && d->rc == 0)
        rc = iri_node(d, "event", key.data, key.len);
    fg_buf_clear(&key);
    if (!ok(d, rc))
        return NULL;
    return term_iri(d, d->iri.data, d->iri.len);
}

static void write_document(doc_writer *d)
{
    const fg_doc *doc = d->doc;
    raptor_term *self = term_iri(d, d->doc_iri, d->doc_iri_len);
    if (self == NULL)
        return;
    emit(d, raptor_term_copy(self), term_vocab(d, NS_RDF, "type"),
         term_vocab(d, NS_NIF, "Context"));
    emit(d, raptor_term_copy(self), term_vocab(d, NS_NIF, "beginIndex"),
         term_count(d, 0));
    size_t end = 0;
    if (d->rc == 0 && (d->rc = fg_text_nfc_offset(d->text, d->text->len,
                                                  &end)) == 0)
        emit(d, raptor_term_copy(self), term_vocab(d, NS_NIF, "endIndex"),
             term_count(d, end));
    if (!(d->w->flags & FG_RDF_NO_CONTEXT_TEXT))
        emit(d, raptor_term_copy(self), term_vocab(d, NS_NIF, "isString"),
             term_literal(d, d->text->nfc, d->text->nfc_len,
                          d->w->xsd_string, NULL));
    if (fg_doc_date(doc))
        emit(d, raptor_term_copy(self), term_vocab(d, NS_DCTERMS, "date"),
             term_literal(d, fg_doc_date(doc), strlen(fg_doc_date(doc)),
                          d->w->xsd_date, NULL));
    if (fg_doc_title(doc))
        emit(d, raptor_term_copy(self), term_vocab(d, NS_DCTERMS, "title"),
             term_literal(d, fg_doc_title(doc), strlen(fg_doc_title(doc)),
                          d->w->xsd_string, NULL));
    if (fg_doc_source(doc))
        emit(d, raptor_term_copy(self), term_vocab(d, NS_DCTERMS, "source"),
             term_literal(d, fg_doc_source(doc), strlen(fg_doc_source(doc)),
                          d->w->xsd_string, NULL));
    raptor_free_term(self);
}

static void write_entities(doc_writer *d)
{
    const fg_graph *g = d->g;
    for (uint32_t i = 0; i < g->n_entities && d->rc == 0; i++) {
        const fg_entity *e = &g->entities[i];
        emit(d, term_entity(d, i), term_vocab(d, NS_RDF, "type"),
             term_vocab(d, NS_DPO, fg_entity_class_name(e->cls)));
        emit(d, term_entity(d, i), term_vocab(d, NS_RDFS, "label"),
             term_literal(d, e->label, strlen(e->label), NULL, "de"));
    }
    for (size_t i = 0; i < g->n_mentions && d->rc == 0; i++)
        emit(d, term_entity(d, g->mentions[i].entity),
             term_vocab(d, NS_DPO, "mention"),
             term_span(d, g->mentions[i].span));
    for (size_t i = 0; i < g->n_facts && d->rc == 0; i++) {
        const fg_fact *f = &g->facts[i];
        emit(d, term_entity(d, f->entity),
             term_vocab(d, NS_DPO, fg_fact_name(f->kind)),
             term_value(d, &f->value));
    }
}

static void write_groups(doc_writer *d)
{
    const fg_graph *g = d->g;
    for (uint32_t i = 0; i < g->n_groups && d->rc == 0; i++) {
        const fg_group *gr = &g->groups[i];
        emit(d, term_group(d, i), term_vocab(d, NS_RDF, "type"),
             term_vocab(d, NS_DPO, "Group"));
        emit(d, term_group(d, i), term_vocab(d, NS_RDFS, "label"),
             term_literal(d, gr->label, strlen(gr->label), NULL, "de"));
        emit(d, term_group(d, i), term_vocab(d, NS_DPO, "mention"),
             term_span(d, gr->span));
        if (gr->has_count) {
            emit(d, term_group(d, i), term_vocab(d, NS_DPO, "count"),
                 term_literal_value(d, &gr->count));
            if (gr->qualifier != FG_QUALIFIER_NONE)
                emit(d, term_group(d, i),
                     term_vocab(d, NS_DPO, "countQualifier"),
                     term_vocab(d, NS_DPO, fg_qualifier_name(gr->qualifier)));
        }
        if (gr->has_from)
            emit(d, term_group(d, i), term_vocab(d, NS_DPO, "from"),
                 term_value(d, &gr->from));
        if (gr->has_affiliation)
            emit(d, term_group(d, i), term_vocab(d, NS_DPO, "affiliation"),
                 term_value(d, &gr->affiliation));
    }
}

/* The time of an event: dpo:time with its precision (the datatype's:
 * an xsd:date is known to the day), or dpo:timeText, the words, when
 * they could not be resolved. */
static void write_time(doc_writer *d, const fg_role_value *r)
{
    const fg_literal *lit = &r->value.literal;
    if (lit->type == FG_LITERAL_STRING) {
        emit(d, term_event(d, r->event), term_vocab(d, NS_DPO, "timeText"),
             term_literal(d, lit->value, strlen(lit->value), d->w->xsd_string,
                          NULL));
        return;
    }
    const char *precision = lit->type == FG_LITERAL_DATE         ? "Day"
                            : lit->type == FG_LITERAL_YEAR_MONTH ? "Month"
                                                                 : "Year";
    emit(d, term_event(d, r->event), term_vocab(d, NS_DPO, "time"),
         term_value(d, &r->value));
    emit(d, term_event(d, r->event), term_vocab(d, NS_DPO, "timePrecision"),
         term_vocab(d, NS_DPO, precision));
}

static void write_events(doc_writer *d)
{
    const fg_graph *g = d->g;
    for (uint32_t i = 0; i < g->n_events && d->rc == 0; i++) {
        const fg_event *e = &g->events[i];
        emit(d, term_event(d, i), term_vocab(d, NS_RDF, "type"),
             term_vocab(d, NS_DPO, e->cls));
        emit(d, term_event(d, i), term_vocab(d, NS_DPO, "polarity"),
             term_vocab(d, NS_DPO, fg_polarity_name(e->polarity)));
        emit(d, term_event(d, i), term_vocab(d, NS_DPO, "certainty"),
             term_vocab(d, NS_DPO, fg_certainty_name(e->certainty)));
        emit(d, term_event(d, i), term_vocab(d, NS_DPO, "status"),
             term_vocab(d, NS_DPO, fg_status_name(e->status)));
        if (e->has_attribution)
            emit(d, term_event(d, i), term_vocab(d, NS_DPO, "attributedTo"),
                 term_value(d, &e->attributed_to));
        emit(d, term_event(d, i), term_vocab(d, NS_DPO, "trigger"),
             term_span(d, e->trigger));
        emit(d, term_event(d, i), term_vocab(d, NS_DPO, "rule"),
             term_literal(d, e->rule, strlen(e->rule), d->w->xsd_string,
                          NULL));
        emit(d, term_event(d, i), term_vocab(d, NS_PROV, "wasDerivedFrom"),
             term_iri(d, d->doc_iri, d->doc_iri_len));
    }
    for (size_t i = 0; i < g->n_roles && d->rc == 0; i++) {
        const fg_role_value *r = &g->roles[i];
        if (r->role == FG_ROLE_TIME) {
            write_time(d, r);
            continue;
        }
        emit(d, term_event(d, r->event),
             term_vocab(d, NS_DPO, fg_role_name(r->role)),
             term_value(d, &r->value));
    }
    for (size_t i = 0; i < g->n_evidence && d->rc == 0; i++)
        emit(d, term_event(d, g->evidence[i].event),
             term_vocab(d, NS_DPO, "evidence"),
             term_span(d, g->evidence[i].span));
}

static void set_namespaces(fg_rdf_writer *w, raptor_serializer *ser)
{
    for (int i = 0; i < N_NS; i++)
        raptor_serializer_set_namespace(
            ser, w->ns[i],
            (const unsigned char *)(i == NS_DATA ? "data"
                                                 : NAMESPACES[i].prefix));
}

/* Raptor's JSON writer escapes a code point above U+FFFF as \UXXXXXXXX,
 * which is not JSON (seen by test with Raptor 2.0.15): rewrite each one
 * in out[from..] as a UTF-16 surrogate pair. A "\U" is such an escape
 * when the backslashes before it are an odd run. */
static int fix_json_escapes(fg_buf *out, size_t from)
{
    if (out->data == NULL || memmem(out->data + from, out->len - from,
                                    "\\U", 2) == NULL)
        return 0;
    fg_buf fixed;
    fg_buf_init(&fixed, out->max);
    int rc = fg_buf_add(&fixed, out->data, from);
    size_t i = from, copied = from;
    while (rc == 0 && i + 10 <= out->len) {
        if (out->data[i] != '\\') {
            i++;
            continue;
        }
        size_t run = 0;
        while (i + run < out->len && out->data[i + run] == '\\')
            run++;
        size_t esc = i + run - 1; /* the backslash that escapes */
        i += run;
        if (run % 2 == 0 || i >= out->len || out->data[i] != 'U' ||
            esc + 10 > out->len)
            continue;
        char hex[9];
        memcpy(hex, out->data + esc + 2, 8);
        hex[8] = '\0';
        char *end;
        unsigned long cp = strtoul(hex, &end, 16);
        if (*end != '\0' || cp < 0x10000 || cp > 0x10FFFF)
            continue;
        cp -= 0x10000;
        rc = fg_buf_add(&fixed, out->data + copied, esc - copied);
        if (rc == 0)
            rc = fg_buf_printf(&fixed, "\\u%04lX\\u%04lX", 0xD800 + (cp >> 10),
                               0xDC00 + (cp & 0x3FF));
        copied = i = esc + 10;
    }
    if (rc == 0)
        rc = fg_buf_add(&fixed, out->data + copied, out->len - copied);
    if (rc == 0) {
        fg_buf_clear(out);
        *out = fixed;
    } else {
        fg_buf_clear(&fixed);
    }
    return rc;
}

/* Runs fn with a serializer ready in d: a new one for a document in the
 * streaming formats, the writer's whole-output one for RDF/XML and JSON.
 * graph is the named graph of N-Quads. what names the output in a
 * diagnostic. */
static int serialize(fg_rdf_writer *w, doc_writer *d, const char *graph,
                     size_t graph_len, void (*fn)(doc_writer *d),
                     const char *what, fg_buf *out)
{
    raptor_iostream *io = NULL;
    int rc = 0;
    w->out = out;
    w->out_error = 0;
    w->raptor_errors = 0;
    int whole = w->format == FG_FORMAT_RDFXML || w->format == FG_FORMAT_JSON;
    if (whole && w->whole_ser) {
        d->ser = w->whole_ser; /* started by an earlier document */
    } else {
        d->ser = raptor_new_serializer(w->world, SERIALIZERS[w->format]);
        io = raptor_new_iostream_from_handler(w->world, w, &BUF_HANDLER);
        if (d->ser == NULL || io == NULL) {
            rc = FG_ENOMEM;
            goto done;
        }
        set_namespaces(w, d->ser);
        if (raptor_serializer_start_to_iostream(d->ser, NULL, io) != 0) {
            rc = FG_EIO;
            goto done;
        }
        if (whole) {
            w->whole_ser = d->ser;
            w->whole_io = io;
            io = NULL;
        }
    }
    if (whole)
        w->out = &w->whole; /* all documents' bytes, until finish */
    if (w->format == FG_FORMAT_NQUADS &&
        (d->graph = term_iri(d, graph, graph_len)) == NULL) {
        rc = FG_ENOMEM;
        goto done;
    }
    fn(d);
    if (!whole && raptor_serializer_serialize_end(d->ser) != 0 && d->rc == 0)
        d->rc = FG_EIO;
    rc = w->out_error ? w->out_error : d->rc;
    if (rc == 0 && w->raptor_errors)
        rc = FG_EIO;
    if (rc == FG_EIO &&
        fg_diag_add(d->diags, FG_ERROR, FG_EIO,
                    d->doc ? fg_doc_file(d->doc) : NULL,
                    d->doc ? fg_doc_line(d->doc) : 0, 0, FG_NO_OFFSET,
                    "%s: writing RDF failed: %s", what,
                    w->raptor_errors ? w->raptor_message
                                     : "the serializer reported an error") <
            0)
        rc = FG_ENOMEM;
done:
    if (d->ser && d->ser != w->whole_ser)
        raptor_free_serializer(d->ser);
    if (io)
        raptor_free_iostream(io);
    if (d->graph)
        raptor_free_term(d->graph);
    w->out = NULL;
    return rc;
}

static void write_all(doc_writer *d)
{
    write_document(d);
    write_entities(d);
    write_groups(d);
    write_events(d);
}

static void doc_writer_init(doc_writer *d, fg_rdf_writer *w,
                            fg_diag_list *diags)
{
    memset(d, 0, sizeof *d);
    d->w = w;
    d->diags = diags;
    fg_buf_init(&d->iri, MAX_TERM_BYTES);
    fg_buf_init(&d->lit, MAX_TERM_BYTES);
    fg_strmap_init(&d->nodes);
    fg_strmap_init(&d->spans);
}

static void doc_writer_clear(doc_writer *d)
{
    fg_buf_clear(&d->iri);
    fg_buf_clear(&d->lit);
    fg_strmap_clear(&d->nodes);
    fg_strmap_clear(&d->spans);
}

int fg_rdf_write(fg_rdf_writer *w, const fg_doc *doc, fg_text *text,
                 const fg_graph *g, fg_arena *arena, fg_buf *out,
                 fg_diag_list *diags)
{
    doc_writer d;
    doc_writer_init(&d, w, diags);
    d.g = g;
    d.text = text;
    d.arena = arena;
    d.doc = doc;

    /* The document's IRI: the base and the percent-encoded id. */
    fg_buf doc_iri, what;
    fg_buf_init(&doc_iri, MAX_TERM_BYTES);
    fg_buf_init(&what, 1 << 16);
    const char *id = fg_doc_id(doc);
    int rc = fg_buf_adds(&doc_iri, w->base);
    if (rc == 0)
        rc = fg_rdf_percent_encode(&doc_iri, id, strlen(id));
    if (rc == 0)
        rc = fg_text_prepare_nfc(text, arena);
    if (rc == 0)
        rc = fg_buf_printf(&what, "document '%.200s'", id);
    if (rc == 0) {
        d.doc_iri = doc_iri.data;
        d.doc_iri_len = doc_iri.len;
        rc = serialize(w, &d, doc_iri.data, doc_iri.len, write_all, what.data,
                       out);
    }
    if (rc == 0) {
        w->events += g->n_events;
        w->statements += d.statements;
    }
    fg_buf_clear(&doc_iri);
    fg_buf_clear(&what);
    doc_writer_clear(&d);
    return rc;
}

/* The run: a prov:Activity in its own named graph. */
static void write_run(doc_writer *d)
{
    const fg_rdf_run *run = d->run;
    raptor_term *self = term_iri(d, d->doc_iri, d->doc_iri_len);
    fg_buf agent;
    fg_buf_init(&agent, 4096);
    if (fg_buf_printf(&agent, "%ssoftware/factgraph-", d->w->base) < 0 ||
        fg_rdf_percent_encode(&agent, run->version, strlen(run->version)) < 0)
        d->rc = FG_ENOMEM;
    raptor_uri *datetime = xsd_uri(d->w, "dateTime");
    if (self && datetime && d->rc == 0) {
        emit(d, raptor_term_copy(self), term_vocab(d, NS_RDF, "type"),
             term_vocab(d, NS_PROV, "Activity"));
        emit(d, raptor_term_copy(self), term_vocab(d, NS_PROV, "startedAtTime"),
             term_literal(d, run->started, strlen(run->started), datetime,
                          NULL));
        emit(d, raptor_term_copy(self), term_vocab(d, NS_PROV, "endedAtTime"),
             term_literal(d, run->ended, strlen(run->ended), datetime, NULL));
        emit(d, raptor_term_copy(self),
             term_vocab(d, NS_PROV, "wasAssociatedWith"),
             term_iri(d, agent.data, agent.len));
        emit(d, raptor_term_copy(self), term_vocab(d, NS_DPO, "rulePackDigest"),
             term_literal(d, run->digest, strlen(run->digest),
                          d->w->xsd_string, NULL));
        emit(d, term_iri(d, agent.data, agent.len),
             term_vocab(d, NS_RDF, "type"),
             term_vocab(d, NS_PROV, "SoftwareAgent"));
        char label[128];
        int n = snprintf(label, sizeof label, "factgraph %s", run->version);
        emit(d, term_iri(d, agent.data, agent.len),
             term_vocab(d, NS_RDFS, "label"),
             term_literal(d, label, (size_t)n, d->w->xsd_string, NULL));
    }
    if (datetime)
        raptor_free_uri(datetime);
    if (self)
        raptor_free_term(self);
    fg_buf_clear(&agent);
}

int fg_rdf_write_run(fg_rdf_writer *w, const fg_rdf_run *run, fg_buf *out,
                     fg_diag_list *diags)
{
    doc_writer d;
    doc_writer_init(&d, w, diags);
    d.run = run;
    /* BASE run/HASH of what identifies the run. */
    fg_buf iri;
    fg_buf_init(&iri, 1 << 16);
    XXH64_hash_t h = XXH3_64bits_withSeed(run->started, strlen(run->started),
                                          XXH3_64bits(run->digest,
                                                      strlen(run->digest)));
    int rc = fg_buf_printf(&iri, "%srun/%016llx", w->base,
                           (unsigned long long)h);
    if (rc == 0) {
        d.doc_iri = iri.data;
        d.doc_iri_len = iri.len;
        rc = serialize(w, &d, iri.data, iri.len, write_run, "run information",
                       out);
    }
    fg_buf_clear(&iri);
    doc_writer_clear(&d);
    return rc;
}

int fg_rdf_finish(fg_rdf_writer *w, fg_buf *out, fg_diag_list *diags)
{
    if (w->whole_ser == NULL)
        return 0;
    w->out = &w->whole;
    w->out_error = 0;
    w->raptor_errors = 0;
    int rc = raptor_serializer_serialize_end(w->whole_ser) != 0 ? FG_EIO : 0;
    raptor_free_serializer(w->whole_ser);
    raptor_free_iostream(w->whole_io);
    w->whole_ser = NULL;
    w->whole_io = NULL;
    w->out = NULL;
    if (rc == 0)
        rc = w->out_error;
    if (rc == 0 && w->raptor_errors)
        rc = FG_EIO;
    if (rc == 0 && w->format == FG_FORMAT_JSON)
        rc = fix_json_escapes(&w->whole, 0);
    if (rc == 0 && w->whole.len)
        rc = fg_buf_add(out, w->whole.data, w->whole.len);
    fg_buf_reset(&w->whole);
    if (rc == FG_EIO &&
        fg_diag_add(diags, FG_ERROR, FG_EIO, NULL, 0, 0, FG_NO_OFFSET,
                    "writing %s failed: %s", SERIALIZERS[w->format],
                    w->raptor_errors ? w->raptor_message
                                     : "the serializer reported an error") <
            0)
        rc = FG_ENOMEM;
    return rc;
}

/* ------------------------------------------------------------------ */
/* Reading back: fg_dump                                               */

#define DPO_NS "https://w3id.org/factgraph/dpo#"
#define NIF_NS "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define PROV_DERIVED "http://www.w3.org/ns/prov#wasDerivedFrom"
#define DCTERMS_NS "http://purl.org/dc/terms/"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"

/* Code points between two entries of a document's offset map. */
#define CP_STEP 64

/* A triple as read; strings in the dump's arena. dt: the datatype IRI of
 * a typed literal, else NULL. next: the next triple of the same subject,
 * or UINT32_MAX. */
typedef struct rtriple {
    const char *s, *p, *o, *dt;
    int literal;
    uint32_t next;
    uint32_t last; /* of a subject's first triple: its last one */
} rtriple;

/* What one pass over the triples finds for a document: its NIF strings,
 * its events and the nodes that have a mention in it (triple indices). */
typedef struct doc_lists {
    uint32_t *nif, *events, *nodes;
    size_t n_nif, cap_nif, n_events, cap_events, n_nodes, cap_nodes;
} doc_lists;

struct fg_dump {
    fg_arena arena;
    char *base;
    raptor_world *world;
    rtriple *t;
    size_t n_t, cap_t;
    fg_strmap first_of;   /* subject -> its first triple */
    fg_dump_doc *docs;
    size_t n_docs, cap_docs;
    doc_lists *lists;     /* per document, while building */
    fg_strmap doc_by_iri; /* document IRI -> index */
    size_t orphans;
    int built;
    /* While parsing: where problems go. */
    fg_diag_list *diags;
    const char *parsing;
    int parse_rc;
};

int fg_dump_new(fg_dump **out, const char *base)
{
    *out = NULL;
    if (base == NULL)
        base = FG_DEFAULT_BASE;
    fg_dump *d = fg_calloc(1, sizeof *d);
    if (d == NULL)
        return FG_ENOMEM;
    fg_arena_init(&d->arena, 1 << 16);
    fg_strmap_init_in(&d->first_of, &d->arena);
    fg_strmap_init_in(&d->doc_by_iri, &d->arena);
    if ((d->base = fg_strdup(base)) == NULL) {
        fg_dump_free(d);
        return FG_ENOMEM;
    }
    *out = d;
    return 0;
}

void fg_dump_free(fg_dump *d)
{
    if (d == NULL)
        return;
    if (d->world)
        raptor_free_world(d->world);
    for (size_t i = 0; i < d->n_docs; i++) {
        fg_graph_clear(&d->docs[i].graph);
        fg_free(d->docs[i].cp_bytes);
    }
    fg_free(d->docs);
    fg_free(d->t);
    fg_strmap_clear(&d->first_of);
    fg_strmap_clear(&d->doc_by_iri);
    fg_free(d->base);
    fg_arena_clear(&d->arena);
    fg_free(d);
}

static void dump_log_handler(void *data, raptor_log_message *m)
{
    fg_dump *d = data;
    if (m->level < RAPTOR_LOG_LEVEL_WARN)
        return;
    int error = m->level >= RAPTOR_LOG_LEVEL_ERROR;
    unsigned long line = m->locator && m->locator->line > 0
                             ? (unsigned long)m->locator->line
                             : 0;
    if (fg_diag_add(d->diags, error ? FG_ERROR : FG_WARNING,
                    error ? FG_EDATA : 0, d->parsing, line, 0, FG_NO_OFFSET,
                    "%s", m->text ? m->text : "RDF parse error") < 0)
        d->parse_rc = FG_ENOMEM;
    else if (error && d->parse_rc == 0)
        d->parse_rc = FG_EDATA;
}

/* The string of a term, in the arena; *literal says which kind and *dt
 * gets a literal's datatype IRI. */
static const char *dump_term(fg_dump *d, const raptor_term *t, int *literal,
                             const char **dt)
{
    *literal = 0;
    *dt = NULL;
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI: {
        size_t len;
        const unsigned char *s =
            raptor_uri_as_counted_string(t->value.uri, &len);
        return fg_arena_strndup(&d->arena, (const char *)s, len);
    }
    case RAPTOR_TERM_TYPE_LITERAL:
        *literal = 1;
        if (t->value.literal.datatype) {
            size_t len;
            const unsigned char *s = raptor_uri_as_counted_string(
                t->value.literal.datatype, &len);
            if ((*dt = fg_arena_strndup(&d->arena, (const char *)s, len)) ==
                NULL)
                return NULL;
        }
        return fg_arena_strndup(&d->arena,
                                (const char *)t->value.literal.string,
                                t->value.literal.string_len);
    case RAPTOR_TERM_TYPE_BLANK: {
        char *s = fg_arena_alloc(&d->arena, t->value.blank.string_len + 3);
        if (s)
            snprintf(s, t->value.blank.string_len + 3, "_:%s",
                     (const char *)t->value.blank.string);
        return s;
    }
    default:
        return NULL;
    }
}

static void dump_statement(void *data, raptor_statement *st)
{
    fg_dump *d = data;
    if (d->parse_rc == FG_ENOMEM)
        return;
    rtriple t;
    int lit;
    const char *dt;
    t.s = dump_term(d, st->subject, &lit, &dt);
    t.p = dump_term(d, st->predicate, &lit, &dt);
    t.o = dump_term(d, st->object, &t.literal, &t.dt);
    uint32_t first;
    int rc;
    if (t.s == NULL || t.p == NULL || t.o == NULL || d->n_t >= UINT32_MAX - 1 ||
        fg_grow((void **)&d->t, &d->cap_t, d->n_t + 1, sizeof *d->t) < 0 ||
        (rc = fg_strmap_add(&d->first_of, t.s, strlen(t.s), (uint32_t)d->n_t,
                            &first)) < 0) {
        d->parse_rc = FG_ENOMEM;
        return;
    }
    /* Chained behind the subject's last triple: in the order read. */
    t.next = UINT32_MAX;
    t.last = (uint32_t)d->n_t;
    if (rc == 1) {
        d->t[d->t[first].last].next = (uint32_t)d->n_t;
        d->t[first].last = (uint32_t)d->n_t;
    }
    d->t[d->n_t++] = t;
}

int fg_dump_add(fg_dump *d, const char *name, const char *syntax,
                const char *bytes, size_t len, fg_diag_list *diags)
{
    if (d->built)
        return FG_EINVAL;
    if (d->world == NULL) {
        d->world = raptor_new_world();
        if (d->world == NULL || raptor_world_open(d->world))
            return FG_ENOMEM;
        raptor_world_set_log_handler(d->world, d, dump_log_handler);
    }
    if (strcmp(syntax, "turtle") != 0 && strcmp(syntax, "ntriples") != 0 &&
        strcmp(syntax, "nquads") != 0)
        return FG_EINVAL;
    d->diags = diags;
    d->parsing = name;
    d->parse_rc = 0;
    /* N-Triples is Turtle too, and Raptor's Turtle parser does not leak
     * the datatype URIs that its N-Triples parser does (tests/lsan.supp). */
    raptor_parser *parser = raptor_new_parser(
        d->world, strcmp(syntax, "ntriples") == 0 ? "turtle" : syntax);
    if (parser == NULL)
        return FG_ENOMEM;
    raptor_parser_set_statement_handler(parser, d, dump_statement);
    raptor_uri *base = raptor_new_uri(d->world,
                                      (const unsigned char *)d->base);
    int rc = base ? 0 : FG_ENOMEM;
    if (rc == 0 && bytes) {
        if (raptor_parser_parse_start(parser, base) ||
            raptor_parser_parse_chunk(parser, (const unsigned char *)bytes,
                                      len, 1))
            rc = FG_EDATA;
    } else if (rc == 0) {
        int std = strcmp(name, "-") == 0;
        FILE *fp = std ? stdin : fopen(name, "rb");
        if (fp == NULL)
            rc = fg_diag_add(diags, FG_ERROR, FG_EIO, name, 0, 0, FG_NO_OFFSET,
                             "cannot read: %s", strerror(errno)) < 0
                     ? FG_ENOMEM
                     : FG_EIO;
        else {
            if (raptor_parser_parse_file_stream(parser, fp, name, base))
                rc = FG_EDATA;
            if (!std)
                fclose(fp);
        }
    }
    if (base)
        raptor_free_uri(base);
    raptor_free_parser(parser);
    if (d->parse_rc == FG_ENOMEM || rc == FG_ENOMEM)
        return FG_ENOMEM;
    if (rc == FG_EDATA && d->parse_rc == 0 &&
        fg_diag_add(diags, FG_ERROR, FG_EDATA, name, 0, 0, FG_NO_OFFSET,
                    "not %s RDF", syntax) < 0)
        return FG_ENOMEM;
    return rc < 0 ? rc : d->parse_rc;
}

/* The first triple of subject with predicate, or NULL. */
static const rtriple *dump_first(const fg_dump *d, const char *subject,
                                 const char *predicate)
{
    uint32_t i;
    if (subject == NULL ||
        !fg_strmap_find(&d->first_of, subject, strlen(subject), &i))
        return NULL;
    for (; i != UINT32_MAX; i = d->t[i].next)
        if (strcmp(d->t[i].p, predicate) == 0)
            return &d->t[i];
    return NULL;
}

static const char *dump_object(const fg_dump *d, const char *subject,
                               const char *predicate)
{
    const rtriple *t = dump_first(d, subject, predicate);
    return t ? t->o : NULL;
}

/* A non-negative integer literal of subject, or -1. */
static long long dump_index(const fg_dump *d, const char *subject,
                            const char *predicate)
{
    const rtriple *t = dump_first(d, subject, predicate);
    if (t == NULL || !t->literal || t->o[0] < '0' || t->o[0] > '9')
        return -1;
    char *end;
    unsigned long long v = strtoull(t->o, &end, 10);
    return *end == '\0' && v < ((unsigned long long)1 << 40) ? (long long)v
                                                              : -1;
}

/* The local name of a dpo: IRI, or NULL. */
static const char *dpo_local(const char *iri)
{
    size_t n = sizeof DPO_NS - 1;
    return iri && strncmp(iri, DPO_NS, n) == 0 ? iri + n : NULL;
}

/* Whether subject has rdf:type dpo:local. */
static int dump_has_type(const fg_dump *d, const char *subject,
                         const char *iri)
{
    uint32_t i;
    if (!fg_strmap_find(&d->first_of, subject, strlen(subject), &i))
        return 0;
    for (; i != UINT32_MAX; i = d->t[i].next)
        if (strcmp(d->t[i].p, RDF_TYPE) == 0 && strcmp(d->t[i].o, iri) == 0)
            return 1;
    return 0;
}

/* The entity class of a node by its rdf:type, or -1. */
static int dump_entity_class(const fg_dump *d, const char *subject)
{
    uint32_t i;
    if (!fg_strmap_find(&d->first_of, subject, strlen(subject), &i))
        return -1;
    for (; i != UINT32_MAX; i = d->t[i].next) {
        const char *local = strcmp(d->t[i].p, RDF_TYPE) == 0
                                ? dpo_local(d->t[i].o)
                                : NULL;
        for (int c = 0; local && c < FG_ENTITY_CLASSES; c++)
            if (strcmp(local, fg_entity_class_name((fg_entity_class)c)) == 0)
                return c;
    }
    return -1;
}

/* The index of the document with IRI iri, added when new. */
static int dump_doc_of(fg_dump *d, const char *iri, uint32_t *out)
{
    uint32_t index;
    int rc = fg_strmap_add(&d->doc_by_iri, iri, strlen(iri),
                           (uint32_t)d->n_docs, &index);
    if (rc < 0)
        return rc;
    if (rc == 0) {
        if (fg_grow((void **)&d->docs, &d->cap_docs, d->n_docs + 1,
                    sizeof *d->docs) < 0)
            return FG_ENOMEM;
        fg_dump_doc *doc = &d->docs[d->n_docs++];
        memset(doc, 0, sizeof *doc);
        doc->iri = iri;
        fg_graph_init(&doc->graph, &d->arena);
    }
    *out = index;
    return 0;
}

static int list_add(uint32_t **list, size_t *n, size_t *cap, uint32_t v)
{
    if (fg_grow((void **)list, cap, *n + 1, sizeof **list) < 0)
        return FG_ENOMEM;
    (*list)[(*n)++] = v;
    return 0;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : -1;
}

/* s percent-decoded (and '_' as a space when underscores is set), in the
 * arena; s itself when the result would not be valid UTF-8 without NUL. */
static const char *decode_iri_part(fg_arena *a, const char *s, int underscores)
{
    size_t n = strlen(s), k = 0;
    char *out = fg_arena_alloc(a, n + 1);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 &&
            (lo = hexval(s[i + 2])) >= 0) {
            out[k++] = (char)(hi << 4 | lo);
            i += 2;
        } else {
            out[k++] = underscores && s[i] == '_' ? ' ' : s[i];
        }
    }
    out[k] = '\0';
    utf8proc_int32_t cp;
    for (size_t i = 0; i < k;) {
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)out + i,
                                              (utf8proc_ssize_t)(k - i), &cp);
        if (m < 1 || cp == 0)
            return s;
        i += (size_t)m;
    }
    return out;
}

/* ---- The text of a document ---- */

typedef struct nif_piece {
    size_t begin, end;
    const char *anchor;
} nif_piece;

static int piece_cmp(const void *x, const void *y)
{
    const nif_piece *a = x, *b = y;
    if (a->begin != b->begin)
        return a->begin < b->begin ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

/* Appends n spaces. */
static int add_spaces(fg_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fg_buf_addc(b, ' ') < 0)
            return FG_ENOMEM;
    return 0;
}

/* The document's text: its nif:isString, or, when the dump was written
 * without it (--no-context-text), a text of the same length in code
 * points with every NIF string's anchor at its place and spaces between,
 * so that offsets mean the same. Then the map from code points to
 * bytes. */
static int dump_text(fg_dump *d, fg_dump_doc *doc, const doc_lists *l)
{
    const rtriple *is = dump_first(d, doc->iri, NIF_NS "isString");
    fg_buf b;
    fg_buf_init(&b, FG_MAX_DOC_BYTES * 4);
    int rc = 0;
    if (is && is->literal) {
        doc->text = is->o;
        doc->len = strlen(is->o);
        doc->whole_text = 1;
    } else {
        nif_piece *p = fg_malloc((l->n_nif + 1) * sizeof *p);
        size_t n = 0, cursor = 0;
        if (p == NULL)
            return FG_ENOMEM;
        for (size_t i = 0; i < l->n_nif; i++) {
            const char *s = d->t[l->nif[i]].s;
            long long b0 = dump_index(d, s, NIF_NS "beginIndex");
            long long e0 = dump_index(d, s, NIF_NS "endIndex");
            const char *a = dump_object(d, s, NIF_NS "anchorOf");
            if (b0 < 0 || e0 < b0 || a == NULL ||
                fg_utf8_count(a, strlen(a)) != (size_t)(e0 - b0))
                continue; /* not a NIF string this text can hold */
            p[n++] = (nif_piece){(size_t)b0, (size_t)e0, a};
        }
        qsort(p, n, sizeof *p, piece_cmp);
        for (size_t i = 0; i < n && rc == 0; i++) {
            if (p[i].end <= cursor)
                continue; /* inside what is there already */
            const char *a = p[i].anchor;
            if (p[i].begin >= cursor) {
                rc = add_spaces(&b, p[i].begin - cursor);
            } else {
                /* Overlaps: only the part after the cursor is new. */
                size_t pos = 0, len = strlen(a);
                for (size_t k = p[i].begin; k < cursor; k++)
                    fg_utf8_decode(a, len, &pos);
                a += pos;
            }
            if (rc == 0)
                rc = fg_buf_adds(&b, a);
            cursor = p[i].end;
        }
        long long end = dump_index(d, doc->iri, NIF_NS "endIndex");
        if (rc == 0 && end > 0 && (size_t)end > cursor &&
            (size_t)end - cursor < FG_MAX_DOC_BYTES)
            rc = add_spaces(&b, (size_t)end - cursor);
        fg_free(p);
        if (rc == 0) {
            doc->len = b.len;
            doc->text = fg_arena_strndup(&d->arena, b.data ? b.data : "",
                                         b.len);
            if (doc->text == NULL)
                rc = FG_ENOMEM;
        }
    }
    fg_buf_clear(&b);
    if (rc < 0)
        return rc;
    /* Every CP_STEP-th code point's byte offset. */
    size_t cps = fg_utf8_count(doc->text, doc->len);
    doc->cp_bytes = fg_malloc((cps / CP_STEP + 1) * sizeof *doc->cp_bytes);
    if (doc->cp_bytes == NULL)
        return FG_ENOMEM;
    doc->n_cps = cps;
    size_t pos = 0;
    for (size_t k = 0; k < cps; k++) {
        if (k % CP_STEP == 0)
            doc->cp_bytes[k / CP_STEP] = pos;
        fg_utf8_decode(doc->text, doc->len, &pos);
    }
    if (cps % CP_STEP == 0)
        doc->cp_bytes[cps / CP_STEP] = pos;
    return 0;
}

/* The byte offset of code point cp of the document's text (its end when
 * past it). */
static size_t doc_byte(const fg_dump_doc *doc, size_t cp)
{
    if (cp >= doc->n_cps)
        return doc->len;
    size_t pos = doc->cp_bytes[cp / CP_STEP];
    for (size_t k = cp - cp % CP_STEP; k < cp; k++)
        fg_utf8_decode(doc->text, doc->len, &pos);
    return pos;
}

size_t fg_dump_doc_cp(const fg_dump_doc *doc, size_t byte)
{
    if (byte >= doc->len)
        return doc->n_cps;
    /* The last checkpoint at or before byte, then count. */
    size_t lo = 0, hi = doc->n_cps / CP_STEP;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (doc->cp_bytes[mid] <= byte)
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t pos = doc->cp_bytes[lo], cp = lo * CP_STEP;
    while (pos < byte) {
        fg_utf8_decode(doc->text, doc->len, &pos);
        cp++;
    }
    return cp;
}

/* The byte span of a NIF string of the document; 0 when it is none. */
static int dump_span(const fg_dump *d, const fg_dump_doc *doc,
                     const char *nif, fg_span *out)
{
    const char *ctx = dump_object(d, nif, NIF_NS "referenceContext");
    long long b = dump_index(d, nif, NIF_NS "beginIndex");
    long long e = dump_index(d, nif, NIF_NS "endIndex");
    if (ctx == NULL || strcmp(ctx, doc->iri) != 0 || b < 0 || e < b)
        return 0;
    out->start = doc_byte(doc, (size_t)b);
    out->end = doc_byte(doc, (size_t)e);
    return 1;
}

/* ---- The fact graph of a document ---- */

typedef struct doc_builder {
    fg_dump *d;
    fg_dump_doc *doc;
    fg_graph *g;
    fg_strmap nodes; /* node IRI -> kind << 28 | index */
    const char **entity_iri; /* per entity of the graph */
    size_t cap_entity_iri;
} doc_builder;

enum { NODE_ENTITY = 1, NODE_GROUP = 2, NODE_EVENT = 3 };
#define NODE_INDEX_MASK ((1u << 28) - 1)

/* The entity of IRI, added to the graph when new (with its class from
 * its rdf:type and its key from its IRI). 1 and *out, 0 when IRI is no
 * entity, or FG_ENOMEM. */
static int builder_entity(doc_builder *b, const char *iri, uint32_t *out)
{
    uint32_t v;
    if (fg_strmap_find(&b->nodes, iri, strlen(iri), &v)) {
        *out = v & NODE_INDEX_MASK;
        return v >> 28 == NODE_ENTITY;
    }
    int cls = dump_entity_class(b->d, iri);
    if (cls < 0)
        return 0;
    /* The key is what follows BASE entity/CLASS/ in the IRI. */
    const char *key = iri;
    size_t bl = strlen(b->d->base);
    const char *cn = fg_entity_class_name((fg_entity_class)cls);
    if (strncmp(iri, b->d->base, bl) == 0 &&
        strncmp(iri + bl, "entity/", 7) == 0 &&
        strncmp(iri + bl + 7, cn, strlen(cn)) == 0 &&
        iri[bl + 7 + strlen(cn)] == '/' && iri[bl + 8 + strlen(cn)])
        key = decode_iri_part(&b->d->arena, iri + bl + 8 + strlen(cn), 1);
    const char *label = dump_object(b->d, iri, RDFS_LABEL);
    if (key == NULL)
        return FG_ENOMEM;
    int rc = fg_graph_add_entity(b->g, (fg_entity_class)cls, key,
                                 label ? label : key, out);
    if (rc < 0)
        return rc == FG_EINVAL ? 0 : rc;
    if (*out > NODE_INDEX_MASK ||
        fg_strmap_put(&b->nodes, iri, strlen(iri),
                      (uint32_t)NODE_ENTITY << 28 | *out, 0) < 0 ||
        fg_grow((void **)&b->entity_iri, &b->cap_entity_iri, *out + 1,
                sizeof *b->entity_iri) < 0)
        return FG_ENOMEM;
    b->entity_iri[*out] = iri;
    return 1;
}

/* The value of a triple's object: a literal, or a node of the graph
 * (entities are added as they are met). 1, 0 when it is neither, or
 * FG_ENOMEM. */
static int builder_value(doc_builder *b, const rtriple *t, fg_value *out)
{
    if (t->literal) {
        static const struct {
            const char *local;
            fg_literal_type type;
        } TYPES[] = {{"integer", FG_LITERAL_INTEGER},
                     {"nonNegativeInteger", FG_LITERAL_INTEGER},
                     {"decimal", FG_LITERAL_DECIMAL},
                     {"date", FG_LITERAL_DATE},
                     {"gYearMonth", FG_LITERAL_YEAR_MONTH},
                     {"gYear", FG_LITERAL_YEAR}};
        fg_literal lit = {FG_LITERAL_STRING, t->o};
        size_t n = sizeof XSD_NS - 1;
        for (size_t i = 0; t->dt && i < sizeof TYPES / sizeof *TYPES; i++)
            if (strncmp(t->dt, XSD_NS, n) == 0 &&
                strcmp(t->dt + n, TYPES[i].local) == 0)
                lit.type = TYPES[i].type;
        *out = fg_value_literal(lit);
        return 1;
    }
    uint32_t v;
    if (fg_strmap_find(&b->nodes, t->o, strlen(t->o), &v)) {
        uint32_t i = v & NODE_INDEX_MASK;
        *out = v >> 28 == NODE_ENTITY  ? fg_value_entity(i)
               : v >> 28 == NODE_GROUP ? fg_value_group(i)
                                       : fg_value_event(i);
        return 1;
    }
    int rc = builder_entity(b, t->o, &v);
    if (rc == 1)
        *out = fg_value_entity(v);
    return rc;
}

/* Adds the graph's records for an FG_E* result of a builder: FG_EINVAL
 * (a value the graph refuses) is left out, the rest is passed on. */
static int keep_going(int rc) { return rc == FG_EINVAL ? 0 : rc; }

static int build_events(doc_builder *b, const doc_lists *l)
{
    fg_dump *d = b->d;
    int rc = 0;
    /* The events first, so that roles can point to any of them. */
    for (size_t i = 0; i < l->n_events && rc == 0; i++) {
        const char *s = d->t[l->events[i]].s;
        const char *cls = NULL;
        uint32_t k;
        fg_strmap_find(&d->first_of, s, strlen(s), &k);
        for (; k != UINT32_MAX && cls == NULL; k = d->t[k].next)
            if (strcmp(d->t[k].p, RDF_TYPE) == 0 && dpo_local(d->t[k].o))
                cls = dpo_local(d->t[k].o);
        const char *rule = dump_object(d, s, DPO_NS "rule");
        const char *trig = dump_object(d, s, DPO_NS "trigger");
        fg_span span = {0, 0};
        if (trig == NULL || !dump_span(d, b->doc, trig, &span)) {
            const char *ev = dump_object(d, s, DPO_NS "evidence");
            if (ev && dump_span(d, b->doc, ev, &span))
                span.end = span.start;
        }
        uint32_t e;
        rc = fg_graph_add_event(b->g, cls ? cls : "Event",
                                rule && rule[0] ? rule : "?", span, &e);
        if (rc == FG_EINVAL) {
            rc = 0;
            continue;
        }
        if (rc == 0 && (e > NODE_INDEX_MASK ||
                        fg_strmap_put(&b->nodes, s, strlen(s),
                                      (uint32_t)NODE_EVENT << 28 | e, 0) < 0))
            rc = FG_ENOMEM;
    }
    for (size_t i = 0; i < l->n_events && rc == 0; i++) {
        const char *s = d->t[l->events[i]].s;
        uint32_t v, k;
        if (!fg_strmap_find(&b->nodes, s, strlen(s), &v))
            continue;
        uint32_t e = v & NODE_INDEX_MASK;
        fg_event *ev = &b->g->events[e];
        fg_polarity pol = ev->polarity;
        fg_certainty cer = ev->certainty;
        fg_status sta = ev->status;
        fg_strmap_find(&d->first_of, s, strlen(s), &k);
        for (; k != UINT32_MAX && rc == 0; k = d->t[k].next) {
            const rtriple *t = &d->t[k];
            const char *pred = dpo_local(t->p);
            const char *val = t->literal ? NULL : dpo_local(t->o);
            fg_value value;
            if (pred == NULL)
                continue;
            if (strcmp(pred, "polarity") == 0 && val) {
                pol = strcmp(val, "Negative") == 0 ? FG_NEGATIVE : FG_POSITIVE;
            } else if (strcmp(pred, "certainty") == 0 && val) {
                for (int c = FG_CERTAIN; c <= FG_UNLIKELY; c++)
                    if (strcmp(val, fg_certainty_name((fg_certainty)c)) == 0)
                        cer = (fg_certainty)c;
            } else if (strcmp(pred, "status") == 0 && val) {
                for (int c = FG_PAST; c <= FG_HYPOTHETICAL; c++)
                    if (strcmp(val, fg_status_name((fg_status)c)) == 0)
                        sta = (fg_status)c;
            } else if (strcmp(pred, "evidence") == 0) {
                fg_span span;
                if (dump_span(d, b->doc, t->o, &span))
                    rc = keep_going(fg_graph_add_evidence(b->g, e, span));
            } else if (strcmp(pred, "attributedTo") == 0) {
                if ((rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(fg_graph_set_attribution(b->g, e, value));
            } else {
                int role = -1;
                for (int r = 0; r < FG_ROLES; r++)
                    if (strcmp(pred, fg_role_name((fg_role)r)) == 0)
                        role = r;
                if (strcmp(pred, "timeText") == 0)
                    role = FG_ROLE_TIME;
                if (role >= 0 && (rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(
                        fg_graph_add_role(b->g, e, (fg_role)role, value));
            }
        }
        if (rc == 0)
            rc = keep_going(fg_graph_set_factuality(b->g, e, pol, cer, sta));
    }
    return rc;
}

/* The groups and entities with a mention in the document, their
 * mentions, and the groups' counts and origins. */
static int build_nodes(doc_builder *b, const doc_lists *l)
{
    fg_dump *d = b->d;
    int rc = 0;
    for (size_t i = 0; i < l->n_nodes && rc == 0; i++) {
        const rtriple *m = &d->t[l->nodes[i]];
        fg_span span;
        if (!dump_span(d, b->doc, m->o, &span))
            continue;
        uint32_t v;
        if (dump_has_type(d, m->s, DPO_NS "Group")) {
            if (fg_strmap_find(&b->nodes, m->s, strlen(m->s), &v))
                continue;
            const char *label = dump_object(d, m->s, RDFS_LABEL);
            rc = fg_graph_add_group(b->g, label ? label : "", span, &v);
            if (rc == 0 &&
                (v > NODE_INDEX_MASK ||
                 fg_strmap_put(&b->nodes, m->s, strlen(m->s),
                               (uint32_t)NODE_GROUP << 28 | v, 0) < 0))
                rc = FG_ENOMEM;
        } else if ((rc = builder_entity(b, m->s, &v)) == 1) {
            rc = keep_going(fg_graph_add_mention(b->g, v, span));
        }
    }
    return rc;
}

static int build_group_facts(doc_builder *b, const doc_lists *l)
{
    fg_dump *d = b->d;
    int rc = 0;
    for (size_t i = 0; i < l->n_nodes && rc == 0; i++) {
        const char *s = d->t[l->nodes[i]].s;
        uint32_t v, k;
        if (!fg_strmap_find(&b->nodes, s, strlen(s), &v) ||
            v >> 28 != NODE_GROUP)
            continue;
        uint32_t gi = v & NODE_INDEX_MASK;
        fg_strmap_find(&d->first_of, s, strlen(s), &k);
        for (; k != UINT32_MAX && rc == 0; k = d->t[k].next) {
            const rtriple *t = &d->t[k];
            const char *pred = dpo_local(t->p);
            fg_value value;
            if (pred == NULL)
                continue;
            if (strcmp(pred, "count") == 0 && t->literal) {
                fg_qualifier q = FG_QUALIFIER_NONE;
                const char *qn =
                    dpo_local(dump_object(d, s, DPO_NS "countQualifier"));
                for (int c = FG_QUALIFIER_ABOUT;
                     qn && c <= FG_QUALIFIER_EXACTLY; c++)
                    if (strcmp(qn, fg_qualifier_name((fg_qualifier)c)) == 0)
                        q = (fg_qualifier)c;
                if ((rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(
                        fg_graph_set_count(b->g, gi, value.literal, q));
            } else if (strcmp(pred, "from") == 0) {
                if ((rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(fg_graph_set_from(b->g, gi, value));
            } else if (strcmp(pred, "affiliation") == 0) {
                if ((rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(fg_graph_set_affiliation(b->g, gi, value));
            }
        }
    }
    return rc;
}

/* The facts of every entity of the graph; the entities they name join
 * the graph and have their facts read in turn. */
static int build_entity_facts(doc_builder *b)
{
    fg_dump *d = b->d;
    int rc = 0;
    for (uint32_t e = 0; e < b->g->n_entities && rc == 0; e++) {
        const char *iri = b->entity_iri[e];
        uint32_t k;
        if (iri == NULL ||
            !fg_strmap_find(&d->first_of, iri, strlen(iri), &k))
            continue;
        for (; k != UINT32_MAX && rc == 0; k = d->t[k].next) {
            const rtriple *t = &d->t[k];
            const char *pred = dpo_local(t->p);
            for (int f = FG_FACT_HOLDS_OFFICE; pred && f <= FG_FACT_MEMBER_OF;
                 f++) {
                fg_value value;
                if (strcmp(pred, fg_fact_name((fg_fact_kind)f)) != 0)
                    continue;
                if ((rc = builder_value(b, t, &value)) == 1)
                    rc = keep_going(
                        fg_graph_add_fact(b->g, e, (fg_fact_kind)f, value));
            }
        }
    }
    return rc;
}

static int build_doc(fg_dump *d, fg_dump_doc *doc, const doc_lists *l)
{
    int rc = dump_text(d, doc, l);
    if (rc < 0)
        return rc;
    const char *title = dump_object(d, doc->iri, DCTERMS_NS "title");
    const char *date = dump_object(d, doc->iri, DCTERMS_NS "date");
    doc->title = title;
    doc->date = date;
    size_t bl = strlen(d->base);
    doc->id = strncmp(doc->iri, d->base, bl) == 0 && doc->iri[bl]
                  ? decode_iri_part(&d->arena, doc->iri + bl, 0)
                  : doc->iri;
    if (doc->id == NULL)
        return FG_ENOMEM;
    doc_builder b;
    memset(&b, 0, sizeof b);
    b.d = d;
    b.doc = doc;
    b.g = &doc->graph;
    fg_strmap_init(&b.nodes);
    rc = build_nodes(&b, l);
    if (rc == 0)
        rc = build_events(&b, l);
    if (rc == 0)
        rc = build_group_facts(&b, l);
    if (rc == 0)
        rc = build_entity_facts(&b);
    fg_strmap_clear(&b.nodes);
    fg_free(b.entity_iri);
    return rc < 0 ? rc : 0;
}

int fg_dump_build(fg_dump *d)
{
    if (d->built)
        return 0;
    d->built = 1;
    int rc = 0;
    /* Documents in the order their nif:Context appears. */
    for (size_t k = 0; k < d->n_t && rc == 0; k++) {
        uint32_t i;
        if (strcmp(d->t[k].p, RDF_TYPE) == 0 &&
            strcmp(d->t[k].o, NIF_NS "Context") == 0)
            rc = dump_doc_of(d, d->t[k].s, &i);
    }
    /* What belongs to each: NIF strings, events, nodes with mentions. */
    doc_lists *lists = NULL;
    size_t n_lists = 0;
    for (size_t k = 0; k < d->n_t && rc == 0; k++) {
        const rtriple *t = &d->t[k];
        const char *doc_iri = NULL;
        int kind = 0;
        if (strcmp(t->p, NIF_NS "referenceContext") == 0) {
            doc_iri = t->o;
            kind = 1;
        } else if (strcmp(t->p, DPO_NS "evidence") == 0 &&
                   dump_first(d, t->s, DPO_NS "evidence") == t) {
            doc_iri = dump_object(d, t->s, PROV_DERIVED);
            if (doc_iri == NULL)
                doc_iri = dump_object(d, t->o, NIF_NS "referenceContext");
            kind = 2;
            if (doc_iri == NULL) {
                d->orphans++;
                continue;
            }
        } else if (strcmp(t->p, DPO_NS "mention") == 0) {
            doc_iri = dump_object(d, t->o, NIF_NS "referenceContext");
            kind = 3;
        }
        uint32_t i;
        if (doc_iri == NULL || (rc = dump_doc_of(d, doc_iri, &i)) < 0)
            continue;
        if (i >= n_lists) {
            size_t cap = n_lists;
            if (fg_grow((void **)&lists, &cap, d->n_docs, sizeof *lists) < 0) {
                rc = FG_ENOMEM;
                break;
            }
            memset(lists + n_lists, 0, (cap - n_lists) * sizeof *lists);
            n_lists = cap;
        }
        doc_lists *l = &lists[i];
        uint32_t at = (uint32_t)k;
        rc = kind == 1   ? list_add(&l->nif, &l->n_nif, &l->cap_nif, at)
             : kind == 2 ? list_add(&l->events, &l->n_events, &l->cap_events,
                                    at)
                         : list_add(&l->nodes, &l->n_nodes, &l->cap_nodes, at);
    }
    doc_lists none;
    memset(&none, 0, sizeof none);
    for (size_t i = 0; i < d->n_docs && rc == 0; i++)
        rc = build_doc(d, &d->docs[i], i < n_lists ? &lists[i] : &none);
    for (size_t i = 0; i < n_lists; i++) {
        fg_free(lists[i].nif);
        fg_free(lists[i].events);
        fg_free(lists[i].nodes);
    }
    fg_free(lists);
    return rc;
}

size_t fg_dump_doc_count(const fg_dump *d) { return d->n_docs; }

fg_dump_doc *fg_dump_get_doc(fg_dump *d, size_t i)
{
    return i < d->n_docs ? &d->docs[i] : NULL;
}

size_t fg_dump_orphan_events(const fg_dump *d) { return d->orphans; }
