/* factgraph.h: the public interface of libfactgraph.
 *
 * factgraph reads news text (German first) and finds the events and facts
 * in it. This header is the library's only public header; every exported
 * symbol starts with fg_.
 *
 * Lifecycle:
 *   1. fg_config_new, fg_config_set_*        what to load
 *   2. fg_engine_new                         loads data once; immutable
 *   3. fg_worker_new                         per-thread scratch
 *   4. fg_input_new, fg_input_add, fg_input_next   documents
 *   5. fg_engine_process(engine, worker, doc, sink, diags)
 *                                            per document; the sink sees
 *                                            the analysis while it is valid
 *   6. the matching _free functions, which all accept NULL.
 *
 * Errors: a function that can fail returns 0 or a negative FG_E* code.
 * Problems in user data (input files, rule files, options) are reported
 * as fg_diag records appended to a caller-owned fg_diag_list; the library
 * never prints on its own and never exits.
 *
 * Threads: an fg_engine is read-only after fg_engine_new and may be shared
 * by any number of threads, each with its own fg_worker. Everything else
 * (worker, input, diag list, doc, eval, query, dump, filter while it is
 * being built) belongs to one thread at a time and may be handed from one
 * thread to another; a finished fg_filter is read-only and may be shared.
 * Create the workers on one thread before starting the others (Raptor's
 * first world and libxml2 initialise process-wide state). The library
 * keeps no mutable static state and changes no process-wide libxml2 or
 * Raptor setting.
 */
#ifndef FACTGRAPH_H
#define FACTGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the exported functions; the library is built with hidden
 * visibility for everything else, so that its internal calls are direct. */
#if defined(__GNUC__) && defined(FG_BUILDING_LIBRARY)
#define FG_API __attribute__((visibility("default")))
#else
#define FG_API
#endif

/* ------------------------------------------------------------------ */
/* Version and error codes                                             */

/* The library's version, as "MAJOR.MINOR.PATCH". */
FG_API const char *fg_version(void);

enum {
    FG_OK = 0,
    FG_ENOMEM = -1,  /* out of memory */
    FG_EINVAL = -2,  /* invalid argument (a bug in the caller) */
    FG_EIO = -3,     /* reading or writing failed */
    FG_ELIMIT = -4,  /* a documented limit was reached */
    FG_EDATA = -5,   /* bad user data: details are in the diag list */
    FG_EDUP = -6,    /* a duplicate (for example a document id) */
    FG_ESINK = -7    /* the caller's sink returned an error */
};

/* A short English description of an FG_E* code; never NULL. */
FG_API const char *fg_strerror(int code);

/* Documented limits. Hitting one is a diagnostic, never a crash. */
#define FG_MAX_DOC_BYTES ((size_t)64 << 20)        /* document size */
#define FG_MAX_JSON_LINE_BYTES ((size_t)128 << 20) /* one JSON Lines line */
#define FG_MAX_SENTENCE_TOKENS 1000 /* longer sentences are split */
#define FG_MAX_TOKEN_BYTES 1024     /* longer tokens are cut */
#define FG_MAX_DIR_DEPTH 64         /* nested input directories */
#define FG_MAX_HTML_DEPTH 256       /* nested HTML elements read */

/* ------------------------------------------------------------------ */
/* diag: diagnostics about user data                                   */

typedef enum { FG_WARNING = 1, FG_ERROR = 2 } fg_severity;

/* One diagnostic. line and column are 1-based, 0 when unknown; column
 * counts code points. offset is a byte offset into the named file (or
 * into the document text for documents read from JSON Lines), or
 * FG_NO_OFFSET. The strings belong to the list. */
typedef struct fg_diag {
    fg_severity severity;
    int code;            /* an FG_E* code */
    const char *file;    /* file name, "-" for stdin; never NULL */
    unsigned long line;
    unsigned long column;
    size_t offset;
    const char *message; /* English, no trailing newline */
} fg_diag;

#define FG_NO_OFFSET ((size_t)-1)

typedef struct fg_diag_list fg_diag_list;

FG_API int fg_diag_list_new(fg_diag_list **out);
FG_API void fg_diag_list_free(fg_diag_list *list);
FG_API size_t fg_diag_list_count(const fg_diag_list *list);
/* Borrowed; valid until the list is cleared or freed. */
FG_API const fg_diag *fg_diag_list_get(const fg_diag_list *list, size_t i);
/* The number of diagnostics of severity FG_ERROR. */
FG_API size_t fg_diag_list_errors(const fg_diag_list *list);
FG_API void fg_diag_list_clear(fg_diag_list *list);

/* Writes d as "FILE:LINE[:COLUMN]: error|warning: MESSAGE\n" (FILE alone
 * when the line is unknown). Returns 0 or FG_EIO. */
FG_API int fg_diag_write(const fg_diag *d, FILE *stream);

/* ------------------------------------------------------------------ */
/* input: documents from files, directories, stdin and JSON Lines      */

/* A document: its id, its raw bytes (not yet repaired) and metadata. */
typedef struct fg_doc fg_doc;

/* Makes a document from a copy of bytes. id must be non-empty UTF-8. */
FG_API int fg_doc_new(fg_doc **out, const char *id, const char *bytes, size_t len);
FG_API void fg_doc_free(fg_doc *doc);
FG_API const char *fg_doc_id(const fg_doc *doc);
FG_API const char *fg_doc_bytes(const fg_doc *doc, size_t *len_out);
/* Where the document came from: a file name ("-" for stdin) and, for
 * JSON Lines, the 1-based line (0 otherwise). */
FG_API const char *fg_doc_file(const fg_doc *doc);
FG_API unsigned long fg_doc_line(const fg_doc *doc);
/* Metadata; NULL when absent. The date is "YYYY-MM-DD" when set. */
FG_API const char *fg_doc_date(const fg_doc *doc);
FG_API const char *fg_doc_title(const fg_doc *doc);
FG_API const char *fg_doc_source(const fg_doc *doc);
/* Setters copy; NULL clears. fg_doc_set_date refuses (FG_EINVAL) what
 * is not a valid calendar date in the form YYYY-MM-DD. */
FG_API int fg_doc_set_date(fg_doc *doc, const char *date);
FG_API int fg_doc_set_title(fg_doc *doc, const char *title);
FG_API int fg_doc_set_source(fg_doc *doc, const char *source);
FG_API int fg_doc_set_origin(fg_doc *doc, const char *file, unsigned long line);

typedef enum {
    FG_INPUT_AUTO = 0, /* JSON Lines for *.jsonl and *.ndjson, HTML for
                          *.html, *.htm and *.xhtml, else text (a .gz
                          ending is ignored); stdin: JSON Lines when it
                          starts with '{', HTML when with <!DOCTYPE html
                          or <html */
    FG_INPUT_TEXT,
    FG_INPUT_JSONL,
    FG_INPUT_HTML      /* the page's main text, title, date and URL */
} fg_input_format;

/* A queue of input paths read one document at a time. Directories are
 * walked in byte order of their names, skipping hidden entries and
 * symlink loops; JSON Lines files are streamed line by line. A file (or
 * stdin) that starts with the gzip magic bytes is decompressed as it is
 * read, within the same limits as plain input. Document
 * ids: a file's path as given, a file under a directory its path
 * relative to that directory, a JSON Lines line its "id" (or FILE:LINE),
 * stdin "stdin". */
typedef struct fg_input fg_input;

FG_API int fg_input_new(fg_input **out, fg_input_format format);
FG_API void fg_input_free(fg_input *in);
/* Queues a path; "-" is standard input. Nothing is opened yet. */
FG_API int fg_input_add(fg_input *in, const char *path);
/* Reads the next document into *out (the caller frees it), or sets *out
 * to NULL at the end. A document that cannot be read (unreadable file,
 * malformed JSON line, duplicate id, too large) is reported in diags,
 * counted as failed, and skipped. Returns 0, or FG_ENOMEM. */
FG_API int fg_input_next(fg_input *in, fg_doc **out, fg_diag_list *diags);
/* Documents returned so far, and documents that failed to be read. */
FG_API size_t fg_input_count_read(const fg_input *in);
FG_API size_t fg_input_count_failed(const fg_input *in);
/* Asks skip_fn(ctx, path, name) before each file (or stdin) is read, once
 * it is open: name is the file's name for what is made from it (its path
 * relative to the directory argument it was found under, else the path
 * as given, "stdin" for "-"). Non-zero skips the file: counted by
 * fg_input_count_skipped, neither read nor failed. For resumable runs. */
FG_API void fg_input_set_skip(fg_input *in,
                              int (*skip_fn)(void *ctx, const char *path,
                                          const char *name),
                              void *ctx);
FG_API size_t fg_input_count_skipped(const fg_input *in);
/* How far the reading is: *done bytes read from files and stdin so far
 * (gzip files counted as stored), and *total, the sizes of the paths
 * added when every one is a regular file, else 0 (unknown). */
FG_API void fg_input_progress(const fg_input *in, uint64_t *done,
                              uint64_t *total);

/* ------------------------------------------------------------------ */
/* engine: configuration, loaded data, processing                      */

/* RDF formats. N-Quads puts each document in its own named graph (the
 * document's IRI). RDF/XML and JSON are whole-output formats: the
 * worker keeps all documents' statements in memory and writes them out
 * in fg_worker_finish. */
typedef enum {
    FG_FORMAT_TURTLE = 0,
    FG_FORMAT_NTRIPLES,
    FG_FORMAT_NQUADS,
    FG_FORMAT_RDFXML,
    FG_FORMAT_JSON
} fg_format;

/* "turtle", "ntriples", "nquads", "rdfxml", "json", and back (-1 for an
 * unknown name). */
FG_API const char *fg_format_name(fg_format format);
FG_API int fg_format_from_name(const char *name);

/* The base IRI of documents and entities when none is configured. */
#define FG_DEFAULT_BASE "https://w3id.org/factgraph/data/"

typedef struct fg_config fg_config;

FG_API int fg_config_new(fg_config **out);
FG_API void fg_config_free(fg_config *cfg);
/* The folder with the data (rules/, ontologies/). Default: the
 * FACTGRAPH_DATADIR environment variable, else the installed data. */
FG_API int fg_config_set_datadir(fg_config *cfg, const char *dir);
FG_API const char *fg_config_get_datadir(const fg_config *cfg);
/* RDF output: the format (default Turtle); the base IRI (default
 * FG_DEFAULT_BASE; FG_EINVAL unless absolute, of ASCII allowed in IRIs,
 * ending in '/' or '#'); whether documents carry their text as
 * nif:isString (default yes). */
FG_API int fg_config_set_format(fg_config *cfg, fg_format format);
FG_API int fg_config_set_base(fg_config *cfg, const char *base);
FG_API int fg_config_set_context_text(fg_config *cfg, int on);
/* Rules: fg_config_add_rules replaces the default pack (every *.xml
 * under DATADIR/rules/pack) with the files and folders given, one call
 * each; fg_config_add_extra_rules adds to whichever pack is used. The
 * ontology (default DATADIR/ontologies/defence-policy.ttl) is what rule
 * classes are checked against. Paths are copied. */
FG_API int fg_config_add_rules(fg_config *cfg, const char *path);
FG_API int fg_config_add_extra_rules(fg_config *cfg, const char *path);
FG_API int fg_config_set_ontology(fg_config *cfg, const char *file);
/* Whether matches record the tokens of each pattern element (see
 * fg_match_info). Default off. An engine for explaining compiles each
 * rule with its macros inlined and a pair of slots per element: about
 * three times the memory, a slower start and slower matching; what it
 * extracts is the same. */
FG_API int fg_config_set_explain(fg_config *cfg, int on);
/* Keeps the loaded lexicons and rule pack in a cache file under dir
 * (created if need be), so that the next fg_engine_new with the same
 * data, configuration and library build maps them instead of loading
 * the XML: a few milliseconds instead of about 150. Every file the load
 * read is checked against the cache's record of its bytes, so that a
 * changed rule or lexicon is loaded anew; a cache that cannot be read
 * or written only makes loading slower. NULL (the default) uses no
 * cache. The factgraph program's default is $FACTGRAPH_CACHE_DIR, else
 * $XDG_CACHE_HOME/factgraph or ~/.cache/factgraph. */
FG_API int fg_config_set_cache_dir(fg_config *cfg, const char *dir);
/* Traces one rule (`factgraph explain --rule`): each analysis then
 * records, per sentence, what the rule did there (fg_rule_trace). The
 * trace does not change what is extracted. NULL stops tracing; an id
 * that no loaded rule has makes fg_engine_new fail with FG_EDATA. */
FG_API int fg_config_set_trace_rule(fg_config *cfg, const char *rule_id);

/* The loaded, immutable data. Thread-safe to share. */
typedef struct fg_engine fg_engine;

/* Loads everything cfg names. Problems in data files are reported in
 * diags; then the result is FG_EDATA and *out is NULL. */
FG_API int fg_engine_new(fg_engine **out, const fg_config *cfg, fg_diag_list *diags);
/* Whether fg_engine_new mapped the engine's data from the cache, and
 * the cache file it mapped or wrote (NULL: none). */
FG_API int fg_engine_from_cache(const fg_engine *engine);
FG_API const char *fg_engine_cache_file(const fg_engine *engine);
FG_API void fg_engine_free(fg_engine *engine);
/* A digest of every data file the engine loaded, "xxh3-128:" and 32 hex
 * digits (XXH3, 128 bits: to tell rule packs apart, not cryptographic). */
FG_API const char *fg_engine_digest(const fg_engine *engine);

/* The number of rules loaded, and rule i (in load order, from 0): its id,
 * and where it is defined when file_out and line_out are not NULL. NULL
 * past the end. Strings are borrowed from the engine. */
FG_API size_t fg_engine_rule_count(const fg_engine *engine);
FG_API const char *fg_engine_rule_id(const fg_engine *engine, size_t i,
                                     const char **file_out,
                                     unsigned long *line_out);

/* Runs every rule's examples and counter-examples through the engine
 * (each as a document of its own, through all phases and rules). A
 * failure is an FG_ERROR diagnostic at the example's line, "rule ID:
 * expected ..., got ...". *passed_out and *failed_out count examples.
 * Returns 0 or FG_ENOMEM. */
FG_API int fg_engine_check_examples(const fg_engine *engine,
                                    fg_diag_list *diags, size_t *passed_out,
                                    size_t *failed_out);

/* Per-thread scratch: arenas and buffers reused from one document to the
 * next. One worker per thread; it must not outlive its engine. */
typedef struct fg_worker fg_worker;

FG_API int fg_worker_new(fg_worker **out, const fg_engine *engine);
/* The run as RDF in the configured format: a prov:Activity (in its own
 * named graph in N-Quads) with its start and end (xsd:dateTime,
 * YYYY-MM-DDThh:mm:ssZ), the software and version, and the engine's
 * digest. Call it before fg_worker_finish; the bytes are borrowed until
 * the next call on the worker. Returns like fg_worker_finish. */
FG_API int fg_worker_run_info(fg_worker *worker, const char *started,
                              const char *ended, const char **bytes_out,
                              size_t *len_out, fg_diag_list *diags);
/* Ends the whole output of RDF/XML and JSON (empty for the other
 * formats). The bytes are borrowed until the next call on the worker.
 * Returns 0, FG_ENOMEM, FG_ELIMIT or FG_EIO (reported in diags). */
FG_API int fg_worker_finish(fg_worker *worker, const char **bytes_out,
                            size_t *len_out, fg_diag_list *diags);
FG_API void fg_worker_free(fg_worker *worker);

/* What a worker did so far: documents processed, and the events and RDF
 * statements (triples or quads) of the documents whose RDF was made
 * (fg_analysis_rdf; the run information not counted). */
typedef struct fg_worker_stats {
    size_t documents;
    size_t events;
    size_t statements;
} fg_worker_stats;

FG_API void fg_worker_get_stats(const fg_worker *worker, fg_worker_stats *out);
/* How many matches of rule i (as fg_engine_rule_id) the worker kept, over
 * every document it processed; 0 past the end. */
FG_API size_t fg_worker_rule_hits(const fg_worker *worker, size_t i);

/* Token flags. */
enum {
    FG_TOKEN_WORD = 1u << 0,        /* letters (and digits) */
    FG_TOKEN_NUMBER = 1u << 1,      /* digits with separators: 73.000 */
    FG_TOKEN_PUNCT = 1u << 2,       /* punctuation or symbol */
    FG_TOKEN_CAPITALISED = 1u << 3, /* first letter uppercase */
    FG_TOKEN_ABBREV = 1u << 4,      /* abbreviation with its period */
    FG_TOKEN_ORDINAL = 1u << 5,     /* number with its period: 3. */
    FG_TOKEN_INITIAL = 1u << 6,     /* J. */
    FG_TOKEN_URL = 1u << 7,
    FG_TOKEN_EMAIL = 1u << 8,
    FG_TOKEN_HYPHENATED = 1u << 9,  /* compound with parts: G7-Staaten */
    FG_TOKEN_QUOTE_OPEN = 1u << 10,
    FG_TOKEN_QUOTE_CLOSE = 1u << 11,
    FG_TOKEN_BRACKET_OPEN = 1u << 12,
    FG_TOKEN_BRACKET_CLOSE = 1u << 13,
    FG_TOKEN_SENT_START = 1u << 14,
    FG_TOKEN_CLAUSE_START = 1u << 15,
    FG_TOKEN_PARA_START = 1u << 16,
    FG_TOKEN_SENT_FINAL = 1u << 17, /* . ! ? or ellipsis ending a sentence */
    FG_TOKEN_DASH = 1u << 18,       /* - – — as a token of its own */
    FG_TOKEN_CUT = 1u << 19         /* cut at FG_MAX_TOKEN_BYTES */
};

/* A byte span [start, end) of the document text. */
typedef struct fg_span {
    size_t start;
    size_t end;
} fg_span;

/* One token. Positions are byte offsets into the document text (see
 * fg_analysis_text). Strings are borrowed from the analysis. */
typedef struct fg_token {
    size_t start, end;
    uint32_t sentence;  /* 0-based in the document */
    uint32_t clause;    /* 0-based in the sentence */
    uint32_t paragraph; /* 0-based in the document */
    uint32_t flags;     /* FG_TOKEN_* */
    const char *norm;   /* NFC, case-folded, NUL-terminated */
    const char *shape;  /* Xxxxx, dd.ddd, NUL-terminated */
    const fg_span *parts; /* compound parts (hyphenated), or NULL */
    uint32_t norm_len;
    uint32_t n_parts;
} fg_token;

/* The analysis of one document, valid only inside the sink callback. */
typedef struct fg_analysis fg_analysis;

FG_API const fg_doc *fg_analysis_doc(const fg_analysis *a);
/* The document text: the document's bytes with a BOM skipped, every
 * invalid UTF-8 byte replaced by U+FFFD and NUL by a space. */
FG_API const char *fg_analysis_text(const fg_analysis *a, size_t *len_out);
FG_API size_t fg_analysis_token_count(const fg_analysis *a);
FG_API const fg_token *fg_analysis_get_token(const fg_analysis *a, size_t i);

/* Tags of a token (fg_morph.tags; the tags column of `factgraph
 * tokens`, where they are written by the names in parentheses). */
enum {
    FG_TAG_VERB = 1u << 0,        /* (verb) */
    FG_TAG_NOUN = 1u << 1,        /* (noun) */
    FG_TAG_ADJ = 1u << 2,         /* (adj) */
    FG_TAG_WORD = 1u << 3,        /* (word) another known word */
    FG_TAG_FINITE = 1u << 4,      /* (finite) a finite verb form */
    FG_TAG_INFINITIVE = 1u << 5,  /* (infinitive) */
    FG_TAG_PARTICIPLE = 1u << 6,  /* (participle) past participle */
    FG_TAG_ZU = 1u << 7,          /* (zu-infinitive) teilzunehmen */
    FG_TAG_SEPARABLE = 1u << 8,   /* (separable) of a separable verb */
    FG_TAG_PAST = 1u << 9,        /* (past) preterite, subjunctive II */
    FG_TAG_LEMMA = 1u << 10,      /* (lemma) the form is its lemma */
    FG_TAG_PARTICLE = 1u << 11,   /* (particle) the detached particle of
                                     a separable verb: "nahm ... teil" */
    FG_TAG_JOINED = 1u << 12,     /* (joined) a finite verb whose lemma
                                     includes its detached particle */
    FG_TAG_GUESSED = 1u << 13,    /* (guessed) not in the lexicon: the
                                     lemma comes from the fallback */
    FG_TAG_COMPOUND = 1u << 14    /* (compound) a closed compound whose
                                     head the lexicon knows */
};
#define FG_TAG_COUNT 15

/* The name of tag bit i (0 <= i < FG_TAG_COUNT), or NULL. */
FG_API const char *fg_tag_name(unsigned i);

/* What the morphology says about token i (kept apart from fg_token so
 * that tokens stay small): its lemma (from the lexicon under
 * rules/lexicon/, else from the regular-inflection fallback, else the
 * folded form; a separable verb's joined lemma sits on its finite
 * verb), its stem (Snowball's German stemmer), its compound head (the
 * known noun that ends a closed compound: "Verteidigungsminister" has
 * the head "minister"; the last part of a hyphenated one, or that part's
 * own head when it is a closed compound: "Ukraine-Friedenskonferenz" has
 * the head "konferenz"), all case-folded and NUL-terminated, and its tags
 * (FG_TAG_*). part is NULL but in that last case, where it is the lemma
 * of the last part ("friedenskonferenz"); a rule's head constraint
 * matches head or part. NULL past the end. */
typedef struct fg_morph {
    const char *lemma;
    const char *stem;
    const char *head;
    uint32_t lemma_len, stem_len, head_len;
    uint32_t tags;
    const char *part;
    uint32_t part_len;
} fg_morph;

FG_API const fg_morph *fg_analysis_get_morph(const fg_analysis *a, size_t i);
/* The named entity that token i is part of, in BIO form with the CoNLL
 * types, so that the recogniser can be scored against German NER data:
 * "B-PER" or "I-PER" (people), "B-ORG"/"I-ORG" (organisations),
 * "B-LOC"/"I-LOC" (countries and places), "B-OTH"/"I-OTH" (the
 * adjectives and compound parts of gazetteer names: "britische",
 * "US-Präsident"), or "O". Entities come from the rules' entities phase
 * and coreference. NULL past the end. */
FG_API const char *fg_analysis_entity_tag(const fg_analysis *a, size_t i);
FG_API size_t fg_analysis_sentence_count(const fg_analysis *a);
/* The NFC form of the text (what NIF calls nif:isString), and the
 * position in it, in code points, of a byte offset of the text. The
 * offset should be a token boundary. Returns 0 or FG_ENOMEM. */
FG_API int fg_analysis_nfc(fg_analysis *a, const char **nfc_out,
                    size_t *len_out);
FG_API int fg_analysis_nif_offset(fg_analysis *a, size_t byte_offset,
                           size_t *out);

/* The RDF of the document in the configured format: its text as a
 * nif:Context and what was found in it, with provenance. The bytes are
 * borrowed and valid inside the sink callback. For RDF/XML and JSON the
 * bytes are empty: the document goes into the whole output that
 * fg_worker_finish returns. Returns 0, FG_ENOMEM,
 * FG_ELIMIT (over 1 GiB) or FG_EIO (Raptor failed; details in the
 * diagnostics of fg_engine_process). */
FG_API int fg_analysis_rdf(fg_analysis *a, const char **bytes_out,
                           size_t *len_out);

/* What a rule found: the kept matches of a document, in order (the
 * entities phase's of a sentence before its events'). Token indices are
 * half-open [first_token, end_token). roles are the captures with a
 * value; elements, only when the config asks to explain, are the tokens
 * each pattern element (token, annot, skip) matched, a repeated element
 * once per repetition. Strings are borrowed from the engine. */
typedef struct fg_match_span {
    const char *name;   /* the role, or the element as written */
    unsigned long line; /* the element's line in its rule file; 0 for roles */
    size_t first_token, end_token;
} fg_match_span;

typedef struct fg_match_info {
    const char *rule;  /* the rule id */
    const char *file;  /* the rule file */
    unsigned long line;
    const char *phase; /* "entities" or "events" */
    const char *cls;   /* the class's local name in dpo: ("Meeting") */
    size_t first_token, end_token;
    const fg_match_span *roles;
    size_t n_roles;
    const fg_match_span *elements;
    size_t n_elements;
} fg_match_info;

FG_API size_t fg_analysis_match_count(const fg_analysis *a);
/* Borrowed, valid inside the sink callback; NULL past the end. */
FG_API const fg_match_info *fg_analysis_get_match(const fg_analysis *a,
                                                  size_t i);

/* What the traced rule (fg_config_set_trace_rule) did on one sentence of
 * a document, in the rule's phase. indexed: the rule index ran the rule
 * there (every word or annotation it requires is in the sentence); the
 * trace runs it either way. matches: the matches the matcher found,
 * before conflicts with other rules were resolved (the kept ones are
 * among fg_analysis_get_match). The best attempt is the one that got
 * furthest: it started at token attempt_first, matched the tokens up to
 * attempt_end, and there each element in refused did not accept the
 * token (attempt_end == end_token: the sentence ended while they wanted
 * one). n_refused is 0 when no element was tried (an empty sentence).
 * Token indices are the document's; strings are borrowed from the
 * engine. */
typedef struct fg_trace_element {
    const char *what;   /* the element as written: "token lemma=..." */
    unsigned long line; /* its line in the rule file */
} fg_trace_element;

typedef struct fg_rule_trace {
    const char *rule, *file; /* the traced rule and its file */
    unsigned long line;
    const char *phase;       /* "entities" or "events" */
    size_t sentence;         /* from 0 */
    size_t first_token, end_token;
    int indexed;
    size_t matches;
    size_t attempt_first, attempt_end;
    const fg_trace_element *refused;
    size_t n_refused;
} fg_rule_trace;

FG_API size_t fg_analysis_trace_count(const fg_analysis *a);
/* Borrowed, valid inside the sink callback; NULL past the end. */
FG_API const fg_rule_trace *fg_analysis_get_trace(const fg_analysis *a,
                                                  size_t i);

/* Where results go. analysis is called once per processed document;
 * a non-zero return stops processing with FG_ESINK. */
typedef struct fg_sink {
    void *ctx;
    int (*analysis)(void *ctx, fg_analysis *a);
} fg_sink;

/* Processes one document: repairs and normalises its text, tokenises it
 * and hands the result to the sink. Warnings (invalid UTF-8, a split
 * sentence) go to diags. Returns 0, FG_ENOMEM or FG_ESINK. */
FG_API int fg_engine_process(const fg_engine *engine, fg_worker *worker,
                      const fg_doc *doc, const fg_sink *sink,
                      fg_diag_list *diags);

/* ------------------------------------------------------------------ */
/* Evaluation against a gold standard (tests/gold/FORMAT.md)           */

typedef struct fg_eval fg_eval;

/* Reads and checks the gold file (JSON Lines). base is the IRI base the
 * system's documents were written with (NULL: FG_DEFAULT_BASE), so that
 * a document's IRI leads to its gold id. Problems are reported in diags
 * as FILE:LINE; then the result is FG_EDATA and *out is NULL. Returns 0,
 * FG_ENOMEM, FG_EIO (unreadable) or FG_EDATA. */
FG_API int fg_eval_new(fg_eval **out, const char *gold_file, const char *base,
                       fg_diag_list *diags);
FG_API void fg_eval_free(fg_eval *ev);

/* How many documents and events the gold holds. */
FG_API size_t fg_eval_gold_doc_count(const fg_eval *ev);
FG_API size_t fg_eval_gold_event_count(const fg_eval *ev);
/* How many events the system's RDF held, and how many of them were in
 * documents the gold does not have (not scored). */
FG_API size_t fg_eval_system_event_count(const fg_eval *ev);
FG_API size_t fg_eval_unknown_doc_event_count(const fg_eval *ev);

/* Adds what the system found: RDF in syntax ("ntriples", "turtle",
 * "nquads"), from bytes[0 .. len) or, when bytes is NULL, from the file
 * name. Problems are reported in diags against name. Returns 0, FG_ENOMEM,
 * FG_EIO or FG_EDATA (unparsable RDF: what was read before stays). */
FG_API int fg_eval_add_rdf(fg_eval *ev, const char *name, const char *syntax,
                           const char *bytes, size_t len,
                           fg_diag_list *diags);

/* Matches the system's events with the gold's and computes the scores.
 * Call once, after the last fg_eval_add_rdf. Returns 0 or FG_ENOMEM. */
FG_API int fg_eval_score(fg_eval *ev);

/* A line of the scores. kind is "event" (name: a class, or "all"),
 * "role" (name: agent, participant, ...) or "factuality" (name:
 * polarity, certainty, status). */
typedef struct fg_eval_row {
    const char *kind;
    const char *name;
    size_t tp, fp, fn;
    double precision, recall, f1; /* 0 where undefined */
} fg_eval_row;

FG_API size_t fg_eval_row_count(const fg_eval *ev);
FG_API const fg_eval_row *fg_eval_get_row(const fg_eval *ev, size_t i);

/* An event that did not match: "missed" (in the gold only) or
 * "spurious" (found by the system only), with its document, class,
 * trigger and agent words ("" when it has none); or a matched event
 * whose "polarity", "certainty" or "status" differs, with detail "GOLD
 * FOUND" ("Past Ongoing"); or a matched event whose values of a role
 * differ (kind: the role's name, "location"), with detail the gold's
 * value, a tab and the found values joined by "; " ("-" for none). A
 * found value counts when it shares a word with the gold's. */
typedef struct fg_eval_miss {
    const char *kind;
    const char *doc;
    const char *cls;
    const char *trigger;
    const char *agent;
    const char *detail; /* "" for missed and spurious events */
} fg_eval_miss;

FG_API size_t fg_eval_miss_count(const fg_eval *ev);
FG_API const fg_eval_miss *fg_eval_get_miss(const fg_eval *ev, size_t i);

/* ------------------------------------------------------------------ */
/* query: SPARQL 1.1 over RDF, with Rasqal                             */

/* How results are written. SELECT: a table aligned by display width
 * (IRIs shortened with the query's prefixes, literals as their lexical
 * form, unbound as nothing), or SPARQL 1.1 Query Results CSV, TSV or
 * JSON. ASK: true or false on a line (JSON: the SPARQL JSON boolean).
 * CONSTRUCT and DESCRIBE: N-Triples (FG_QUERY_TABLE too), or Turtle. */
typedef enum {
    FG_QUERY_TABLE = 0,
    FG_QUERY_CSV,
    FG_QUERY_TSV,
    FG_QUERY_JSON,
    FG_QUERY_NTRIPLES,
    FG_QUERY_TURTLE
} fg_query_format;

/* The data a query may hold, counted as N-Triples. */
#define FG_QUERY_MAX_DATA_BYTES ((size_t)1 << 30)

/* A query and its data, all in memory. One thread at a time. */
typedef struct fg_query fg_query;

/* Parses the SPARQL text[0..len) (name: its file, or "-e", for
 * diagnostics). The prefixes of the RDF that factgraph writes (dpo:,
 * nif:, prov:, sem:, dcterms:, rdf:, rdfs:, xsd:, owl:, and data: for
 * base, NULL meaning FG_DEFAULT_BASE) are declared unless the query
 * declares the same name. A syntax error is an FG_ERROR at NAME:LINE:COL;
 * FROM, FROM NAMED and SERVICE are refused, and so is a format that does
 * not fit the query form (Turtle for SELECT, CSV for CONSTRUCT). Returns
 * 0, FG_ENOMEM, FG_EINVAL (base not usable), or FG_EDATA (reported in
 * diags; *out is then NULL). */
FG_API int fg_query_new(fg_query **out, const char *name, const char *text,
                        size_t len, const char *base, fg_query_format format,
                        fg_diag_list *diags);
FG_API void fg_query_free(fg_query *q);

/* Adds RDF in syntax ("turtle", "ntriples" or "nquads"; N-Quads graph
 * names are dropped: everything is one default graph) from
 * bytes[0..len), or, when bytes is NULL, from the file name ("-":
 * standard input). All or nothing: a file that cannot be read or parsed
 * is reported in diags (NAME:LINE) and none of its statements are kept.
 * Returns 0, FG_ENOMEM, FG_EIO, FG_EDATA or FG_ELIMIT (past
 * FG_QUERY_MAX_DATA_BYTES). */
FG_API int fg_query_add_rdf(fg_query *q, const char *name, const char *syntax,
                            const char *bytes, size_t len,
                            fg_diag_list *diags);

/* Runs the query over the data added and writes the results to fp. Call
 * once. Returns 0, FG_ENOMEM, FG_EDATA (Rasqal failed; in diags) or
 * FG_EIO (writing failed). */
FG_API int fg_query_run(fg_query *q, FILE *fp, fg_diag_list *diags);

/* ------------------------------------------------------------------ */
/* show: the facts as terminal tables; the event filters of show and   */
/* extract                                                             */

/* Which events to keep. An event is kept when its class is one of the
 * classes added (any class when none is), the label of one of its agents
 * contains one of the texts added, compared by Unicode case folding (any
 * agent, or none, when no text is added), and its certainty is at least
 * the minimum (Certain > Probable > Possible > Unlikely). */
typedef struct fg_filter fg_filter;

FG_API int fg_filter_new(fg_filter **out);
FG_API void fg_filter_free(fg_filter *f);
/* classes: event classes separated by commas, each a local name
 * ("Meeting") or prefixed ("dpo:Meeting"). Returns 0, FG_ENOMEM, or
 * FG_EINVAL when one is not a class of fg_event_class_name (then none of
 * them is added). */
FG_API int fg_filter_add_classes(fg_filter *f, const char *classes);
/* text: UTF-8. Returns 0, FG_ENOMEM or FG_EINVAL (empty or not UTF-8). */
FG_API int fg_filter_add_agent(fg_filter *f, const char *text);
/* level: Certain, Probable, Possible or Unlikely (any case, dpo: prefix
 * allowed). Returns 0 or FG_EINVAL. */
FG_API int fg_filter_set_min_certainty(fg_filter *f, const char *level);
/* The event classes of the output contract, i from 0 ("Meeting", ...);
 * NULL past the end. */
FG_API const char *fg_event_class_name(size_t i);

/* Drops from the analysis the events that f does not keep, so that
 * fg_analysis_rdf and fg_analysis_show leave them out: with each event go
 * its roles, factuality, evidence and trigger (NIF strings are written
 * only for what points to them), and the role values of other events
 * that point to it (a Statement whose topic was dropped keeps its other
 * roles); groups that no kept record names any more go too. Entities,
 * their mentions and facts stay. Returns 0 or FG_ENOMEM. */
FG_API int fg_analysis_filter(fg_analysis *a, const fg_filter *f);

/* How the tables are drawn. width: the most columns a line takes (at
 * least FG_SHOW_MIN_WIDTH; display width, as utf8proc_charwidth counts
 * it, per grapheme cluster). color: ANSI SGR colours, bold and underline;
 * without it the trigger is marked [like this] and the role fillers
 * *like this* in the evidence sentence. */
typedef struct fg_show_options {
    unsigned width;
    int color;
} fg_show_options;

#define FG_SHOW_MIN_WIDTH 30
#define FG_SHOW_MAX_WIDTH 1000

/* Writes the document of the analysis to stream: a heading (id, title,
 * date), its events as a table (class, agent, trigger, other roles,
 * factuality) with each event's evidence sentence beneath its row, and
 * its entities (class, name, offices, affiliations, mentions). Events
 * are in text order, entities by class and name, so the same facts give
 * the same table whether they come from text or from a dump. Returns 0,
 * FG_ENOMEM, FG_EINVAL (width out of range) or FG_EIO (stream error). */
FG_API int fg_analysis_show(fg_analysis *a, const fg_show_options *o,
                            FILE *stream);

/* RDF that factgraph wrote, read back: the documents in it with their
 * facts, rebuilt from the statements (see doc/factgraph.1, show). base
 * is the one the dump was written with (NULL: FG_DEFAULT_BASE): it turns
 * document IRIs back into ids. */
typedef struct fg_dump fg_dump;

FG_API int fg_dump_new(fg_dump **out, const char *base);
FG_API void fg_dump_free(fg_dump *d);
/* Adds RDF in syntax ("turtle", "ntriples" or "nquads") from
 * bytes[0..len), or, when bytes is NULL, from the file name ("-":
 * standard input). Problems are reported in diags against name. Returns
 * 0, FG_ENOMEM, FG_EIO, FG_EDATA (unparsable: what was read before
 * stays), or FG_EINVAL (an unknown syntax, or after fg_dump_show). */
FG_API int fg_dump_add(fg_dump *d, const char *name, const char *syntax,
                       const char *bytes, size_t len, fg_diag_list *diags);
/* Shows each document of the dump like fg_analysis_show, keeping the
 * events filter keeps (NULL: all). Call once, after the last
 * fg_dump_add. Returns like fg_analysis_show. */
FG_API int fg_dump_show(fg_dump *d, const fg_filter *filter,
                        const fg_show_options *o, FILE *stream);

#ifdef __cplusplus
}
#endif

#endif
