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

static int iostream_write_bytes(void *ctx, const void *ptr, size_t size,
                                size_t nmemb)
{
    fg_rdf_writer *w = ctx;
    if (w->out_error)
        return 1;
    int rc = fg_buf_add(w->out, ptr, size * nmemb);
    if (rc < 0) {
        w->out_error = rc;
        return 1;
    }
    return 0;
}

static int iostream_write_byte(void *ctx, const int byte)
{
    char c = (char)byte;
    return iostream_write_bytes(ctx, &c, 1, 1);
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
