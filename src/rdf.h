/* rdf: the fact graph of a document as RDF, through Raptor 2.
 *
 * An fg_rdf_writer belongs to one worker: it owns a Raptor world and the
 * URIs it uses again and again. fg_rdf_write serialises one document with
 * a new Raptor serializer into a caller-owned buffer, so that memory
 * stays flat however many documents follow (Raptor's Turtle writer holds
 * everything until it ends) and threads can hand buffers over in order.
 *
 * Raptor checks nothing it writes, so everything is made valid here:
 * IRIs are percent-encoded to unreserved ASCII, literals are valid UTF-8
 * without NUL or characters XML forbids, language tags and typed literals
 * are canonical. The vocabulary is DESIGN.md's output contract; see
 * doc/ontology.md. */
#ifndef FG_RDF_H
#define FG_RDF_H

#include "buf.h"
#include "facts.h"
#include "factgraph.h"
#include "text.h"

/* The most bytes one document's RDF may take. */
#define FG_RDF_MAX_BYTES ((size_t)1 << 30)

enum {
    FG_RDF_NO_CONTEXT_TEXT = 1u << 0 /* leave nif:isString out */
};

/* Whether base is usable as the base IRI: absolute, of unreserved and
 * reserved ASCII, ending in '/' or '#'. */
int fg_rdf_valid_base(const char *base);

typedef struct fg_rdf_writer fg_rdf_writer;

/* base must be an absolute IRI of unreserved ASCII and reserved
 * delimiters, ending in '/' or '#' (FG_EINVAL otherwise). */
int fg_rdf_writer_new(fg_rdf_writer **out, fg_format format,
                      const char *base, unsigned flags);
void fg_rdf_writer_free(fg_rdf_writer *w);
/* The events and statements of the documents written so far (the run
 * information not counted). */
void fg_rdf_writer_counts(const fg_rdf_writer *w, size_t *events,
                          size_t *statements);

/* Appends the RDF of one document to out (but see fg_rdf_finish): the document as nif:Context,
 * its entities, groups and events with their provenance. text is the
 * document text (the NFC map is built here if needed); arena takes
 * per-document scratch. Returns 0, FG_ENOMEM, FG_ELIMIT when out would
 * pass its maximum, or FG_EIO when Raptor failed (reported in diags). */
int fg_rdf_write(fg_rdf_writer *w, const fg_doc *doc, fg_text *text,
                 const fg_graph *g, fg_arena *arena, fg_buf *out,
                 fg_diag_list *diags);

/* Appends s[0..len) percent-encoded: every byte but A-Z a-z 0-9 - . _ ~
 * as %XX. Returns 0, FG_ENOMEM or FG_ELIMIT. */
int fg_rdf_percent_encode(fg_buf *b, const char *s, size_t len);

/* What --run-info says about a run. Times are xsd:dateTime in UTC
 * (YYYY-MM-DDThh:mm:ssZ); digest is the engine's digest of its data. */
typedef struct fg_rdf_run {
    const char *version;
    const char *digest;
    const char *started, *ended;
} fg_rdf_run;

/* Appends the run as a prov:Activity, in its own named graph
 * BASE run/HASH (N-Quads), associated with the software agent
 * BASE software/factgraph-VERSION. Returns like fg_rdf_write. */
int fg_rdf_write_run(fg_rdf_writer *w, const fg_rdf_run *run, fg_buf *out,
                     fg_diag_list *diags);

/* RDF/XML and JSON are one document for the whole output: fg_rdf_write
 * adds each document's statements to a serializer that lives in the
 * writer and appends nothing to out; fg_rdf_finish ends it and appends the
 * whole output to out (for the other formats it does nothing). Returns 0,
 * FG_ENOMEM, FG_ELIMIT or FG_EIO. */
int fg_rdf_finish(fg_rdf_writer *w, fg_buf *out, fg_diag_list *diags);

/* Whether tag is a well-formed BCP 47 language tag (RFC 5646 syntax:
 * language[-script][-region][-variant]*, ASCII letters and digits). */
int fg_rdf_valid_language(const char *tag);

/* ------------------------------------------------------------------ */
/* Reading back: fg_dump (public: fg_dump_new, fg_dump_add, fg_dump_free)
 *
 * RDF that factgraph wrote (Turtle, N-Triples, N-Quads) is parsed by
 * Raptor into a table of triples; fg_dump_build then rebuilds, per
 * document, the fact graph that rdf, display and eval all read, over a
 * text that offsets point into: the document's nif:isString, or, in a
 * dump written without it, a text of the same length in code points in
 * which every NIF string's anchor stands at its place and spaces fill the
 * rest. Entities are shared between documents in RDF: a document gets
 * those with a mention in it and those its records name, with all their
 * facts. Everything lives until fg_dump_free. */

typedef struct fg_dump_doc {
    const char *iri;
    const char *id;    /* the IRI without the base, percent-decoded; or
                          the IRI when it is not under the base */
    const char *title; /* dcterms:title, dcterms:date; NULL when absent */
    const char *date;
    const char *text;  /* NFC, what the graph's spans point into */
    size_t len;
    int whole_text;    /* text is the document's nif:isString */
    fg_graph graph;
    size_t *cp_bytes;  /* the offset map (fg_dump_doc_cp) */
    size_t n_cps;
} fg_dump_doc;

/* Rebuilds the documents from the triples read; call once, after the
 * last fg_dump_add (which then refuses more, FG_EINVAL). Returns 0,
 * FG_ENOMEM or FG_ELIMIT. */
int fg_dump_build(fg_dump *d);
size_t fg_dump_doc_count(const fg_dump *d);
/* Borrowed; NULL past the end. */
fg_dump_doc *fg_dump_get_doc(fg_dump *d, size_t i);
/* Events whose document could not be told (no prov:wasDerivedFrom, no
 * nif:referenceContext of their evidence). */
size_t fg_dump_orphan_events(const fg_dump *d);
/* The code point of doc->text at byte offset byte (NIF offsets). */
size_t fg_dump_doc_cp(const fg_dump_doc *doc, size_t byte);

#endif
