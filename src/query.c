/* query: see query.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <rasqal.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "query.h"
#include "rdf.h"
#include "strmap.h"
#include "utf8.h"

/* The prefixes of the RDF that rdf.c writes (its NAMESPACES, in the same
 * order; tests/query.sh checks that every @prefix of extract's Turtle is
 * predeclared here); data: for the base comes last. */
static const struct {
    const char *prefix;
    const char *iri;
} PREFIXES[] = {
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
#define N_FIXED (sizeof PREFIXES / sizeof *PREFIXES)
#define N_PREFIXES (N_FIXED + 1) /* and data: */
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Rasqal's warnings up to this level: what may be an error (a selected
 * variable never bound, an unsupported feature), not matters of style
 * such as the variables of every ASK query being "unused". */
#define WARNING_LEVEL 10

/* The most bytes of a table (it is held to align its columns). */
#define MAX_TABLE_BYTES ((size_t)256 << 20)

/* Whose messages the log handler is hearing. */
enum { MODE_QUIET, MODE_PREPARE, MODE_DATA, MODE_RUN };

struct fg_query {
    rasqal_world *world;
    raptor_world *raptor; /* inside world */
    rasqal_query *rq;
    rasqal_query *describe; /* DESCRIBE ?x: SELECT ?x, or NULL */
    fg_query_format format;
    char *name;           /* the query's file, for diagnostics */
    char *base;
    raptor_uri *base_uri;
    unsigned char skip[N_PREFIXES]; /* predeclared prefixes left out */
    fg_buf data;          /* every statement added, as N-Triples */
    size_t *lines;        /* a set of the lines of data: 1 + offset, or 0 */
    size_t cap_lines, n_lines;
    raptor_iostream *data_io;
    size_t source_no;     /* sources added, to keep blank nodes apart */
    int ran;
    /* The projection's aggregate, per selected variable (0: none), for
     * the row of an aggregate over no match. */
    int *aggregate;
    size_t n_aggregate;
    /* What the log handler is told. */
    int mode;
    fg_diag_list *diags;
    const char *parsing;  /* MODE_DATA: the source */
    raptor_parser *parser;
    int rc;               /* an FG_E* code for the first problem */
    char *error;          /* MODE_PREPARE: the first error */
    unsigned long error_line;
    int probe_real, probe_end; /* MODE_QUIET: the errors seen */
};

static void log_handler(void *data, raptor_log_message *m)
{
    fg_query *q = data;
    if (m->level < RAPTOR_LOG_LEVEL_WARN)
        return;
    int error = m->level >= RAPTOR_LOG_LEVEL_ERROR;
    const char *text = m->text ? m->text : "unknown error";
    unsigned long line = m->locator && m->locator->line > 0
                             ? (unsigned long)m->locator->line
                             : 0;
    int rc = 0;
    switch (q->mode) {
    case MODE_QUIET:
        /* Bison says "$end" when the text stopped too early. */
        if (error && strstr(text, "$end"))
            q->probe_end = 1;
        else if (error)
            q->probe_real = 1;
        return;
    case MODE_PREPARE:
        if (error && q->error == NULL) {
            q->error_line = line;
            if ((q->error = fg_strdup(text)) == NULL)
                q->rc = FG_ENOMEM;
        } else if (!error && strstr(text, "$$") == NULL) {
            /* ("$$agg$$0" and such are Rasqal's own variables, which it
             * warns about in every aggregate query.) */
            rc = fg_diag_add(q->diags, FG_WARNING, 0, q->name, line, 0,
                             FG_NO_OFFSET, "%s", text);
        }
        break;
    case MODE_DATA:
        rc = fg_diag_add(q->diags, error ? FG_ERROR : FG_WARNING,
                         error ? FG_EDATA : 0, q->parsing, line, 0,
                         FG_NO_OFFSET, "%s", text);
        if (error && q->rc == 0)
            q->rc = FG_EDATA;
        break;
    default:
        if (!error && strstr(text, "$$"))
            return;
        rc = fg_diag_add(q->diags, error ? FG_ERROR : FG_WARNING,
                         error ? FG_EDATA : 0, q->name, 0, 0, FG_NO_OFFSET,
                         "%s", text);
        if (error && q->rc == 0)
            q->rc = FG_EDATA;
        break;
    }
    if (rc < 0)
        q->rc = FG_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Reading the query                                                   */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The next token of SPARQL s[pos..len): skips white space and comments,
 * sets *start and returns the token's end (*start == len at the end).
 * A string, an IRI in <>, a bracket or punctuation mark, or a run of
 * other characters is one token: coarse, but enough to cut the text
 * between tokens and to find keywords outside strings and IRIs. */
static size_t next_token(const char *s, size_t len, size_t pos,
                         size_t *start)
{
    while (pos < len) {
        if (is_space(s[pos]))
            pos++;
        else if (s[pos] == '#')
            while (pos < len && s[pos] != '\n')
                pos++;
        else
            break;
    }
    *start = pos;
    if (pos >= len)
        return len;
    char c = s[pos];
    if (c == '"' || c == '\'') {
        int triple = pos + 2 < len && s[pos + 1] == c && s[pos + 2] == c;
        size_t i = pos + (triple ? 3 : 1);
        while (i < len) {
            if (s[i] == '\\') {
                i += 2;
            } else if (s[i] == c &&
                       (!triple || (i + 2 < len && s[i + 1] == c &&
                                    s[i + 2] == c))) {
                return i + (triple ? 3 : 1);
            } else if (!triple && s[i] == '\n') {
                return i; /* unterminated */
            } else {
                i++;
            }
        }
        return len;
    }
    if (c == '<') {
        size_t i = pos + 1;
        while (i < len && s[i] != '>' && !is_space(s[i]) &&
               strchr("<\"{}|^`", s[i]) == NULL)
            i++;
        return i < len && s[i] == '>' ? i + 1 : pos + 1; /* else: less */
    }
    if (strchr("{}()[],;", c))
        return pos + 1;
    size_t i = pos;
    while (i < len && !is_space(s[i]) && strchr("{}()[],;\"'<#", s[i]) == NULL)
        i++;
    return i;
}

/* Prepares the predeclared prefixes (but those in q->skip) and
 * text[0..len) as a new Rasqal query in *out (NULL on failure). Returns
 * 0, FG_ENOMEM or FG_EDATA (the messages went to the log handler). */
static int prepare(fg_query *q, const char *text, size_t len,
                   rasqal_query **out)
{
    *out = NULL;
    fg_buf b;
    /* The header has no line break, so lines stay the query's own. */
    fg_buf_init(&b, FG_QUERY_MAX_TEXT_BYTES + 8192);
    int rc = 0;
    for (size_t i = 0; i < N_PREFIXES && rc == 0; i++)
        if (!q->skip[i])
            rc = fg_buf_printf(&b, "PREFIX %s: <%s> ",
                               i < N_FIXED ? PREFIXES[i].prefix : "data",
                               i < N_FIXED ? PREFIXES[i].iri : q->base);
    if (rc == 0)
        rc = fg_buf_add(&b, text, len);
    rasqal_query *rq = NULL;
    if (rc == 0 && (rq = rasqal_new_query(q->world, "sparql11", NULL)) == NULL)
        rc = FG_ENOMEM;
    if (rc == 0) {
        rasqal_query_set_feature(rq, RASQAL_FEATURE_NO_NET, 1);
        if (rasqal_query_prepare(rq, (const unsigned char *)b.data,
                                 q->base_uri) != 0)
            rc = FG_EDATA;
    }
    fg_buf_clear(&b);
    if (rc < 0) {
        if (rq)
            rasqal_free_query(rq);
        return rc == FG_ELIMIT ? FG_ENOMEM : rc;
    }
    *out = rq;
    return 0;
}

/* Whether text[0..cut) with the predeclared prefixes is wrong before
 * its end (not merely too short). */
static int probe_fails(fg_query *q, const char *text, size_t cut)
{
    int mode = q->mode;
    q->mode = MODE_QUIET;
    q->probe_real = q->probe_end = 0;
    rasqal_query *rq;
    int rc = prepare(q, text, cut, &rq);
    if (rq)
        rasqal_free_query(rq);
    q->mode = mode;
    return rc == FG_EDATA && q->probe_real;
}

/* Where the syntax error of text[0..len) is. Rasqal knows the line only
 * (none at all for an undeclared prefix): the error is in the first
 * token of that line (of the text) whose inclusion makes a prefix of the
 * text wrong before its end; one at the end is after the last token.
 * *col_out is 0 when it cannot be told. */
static void locate_error(fg_query *q, const char *text, size_t len,
                         int at_end, unsigned long *line_out,
                         unsigned long *col_out)
{
    size_t start, end = 0, pos = 0;
    *col_out = 0;
    if (at_end) {
        for (size_t n = 0; n < len; n++) { /* at most one per byte */
            size_t e = next_token(text, len, pos, &start);
            if (start >= len)
                break;
            end = pos = e;
        }
        fg_diag_locate(text, len, end, line_out, col_out);
        return;
    }
    /* The first byte of the error's line, and the byte after it. */
    size_t from = 0, to = len;
    if (*line_out > 0) {
        unsigned long line = 1;
        for (size_t i = 0; i < len && line < *line_out; i++)
            if (text[i] == '\n') {
                line++;
                from = i + 1;
            }
        if (line < *line_out)
            return;
        const char *nl = memchr(text + from, '\n', len - from);
        to = nl ? (size_t)(nl - text) : len;
    }
    pos = from;
    for (int probes = 0; probes < FG_QUERY_MAX_PROBES; probes++) {
        end = next_token(text, len, pos, &start);
        if (start >= to)
            return;
        if (probe_fails(q, text, end)) {
            fg_diag_locate(text, len, start, line_out, col_out);
            return;
        }
        pos = end;
    }
}

/* The number of times the keyword word is in text[0..len), and where
 * it first is (len if nowhere). */
static size_t count_keyword(const char *text, size_t len, const char *word,
                            size_t *first_out)
{
    size_t pos = 0, start, n_found = 0, k = strlen(word);
    *first_out = len;
    for (size_t n = 0; n < len; n++) { /* at most one token per byte */
        size_t end = next_token(text, len, pos, &start);
        if (start >= len)
            break;
        if (end - start == k && strncasecmp(text + start, word, k) == 0 &&
            n_found++ == 0)
            *first_out = start;
        pos = end;
    }
    return n_found;
}

/* The aggregate that e is, or 0. */
static int aggregate_of(const rasqal_expression *e)
{
    if (e == NULL)
        return 0;
    switch (e->op) {
    case RASQAL_EXPR_COUNT:
    case RASQAL_EXPR_SUM:
    case RASQAL_EXPR_AVG:
    case RASQAL_EXPR_MIN:
    case RASQAL_EXPR_MAX:
    case RASQAL_EXPR_GROUP_CONCAT:
    case RASQAL_EXPR_SAMPLE:
        return (int)e->op;
    default:
        return 0;
    }
}

/* Notes the aggregate of each selected variable when the query is a
 * SELECT of aggregates only, without GROUP BY or HAVING, that could give
 * a row: SPARQL then gives exactly one row, Rasqal none when nothing
 * matches. */
static int note_aggregates(fg_query *q)
{
    rasqal_query *rq = q->rq;
    raptor_sequence *group = rasqal_query_get_group_conditions_sequence(rq);
    raptor_sequence *having = rasqal_query_get_having_conditions_sequence(rq);
    raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(rq);
    if (rasqal_query_get_verb(rq) != RASQAL_QUERY_VERB_SELECT ||
        (group && raptor_sequence_size(group) > 0) ||
        (having && raptor_sequence_size(having) > 0) || vars == NULL ||
        rasqal_query_get_limit(rq) == 0 || rasqal_query_get_offset(rq) > 0)
        return 0;
    int n = raptor_sequence_size(vars);
    if (n <= 0)
        return 0;
    int *ops = fg_calloc((size_t)n, sizeof *ops);
    if (ops == NULL)
        return FG_ENOMEM;
    for (int i = 0; i < n; i++) {
        rasqal_variable *v = raptor_sequence_get_at(vars, i);
        if (v == NULL || (ops[i] = aggregate_of(v->expression)) == 0) {
            fg_free(ops);
            return 0;
        }
    }
    q->aggregate = ops;
    q->n_aggregate = (size_t)n;
    return 0;
}

/* Leaves out the predeclared prefixes that the query declares itself
 * (PREFIX NAME: ...): Rasqal keeps the first of two declarations and
 * warns about the second. */
static void skip_redeclared(fg_query *q, const char *text, size_t len)
{
    size_t pos = 0, start;
    int after_prefix = 0;
    for (size_t n = 0; n < len; n++) { /* at most one token per byte */
        size_t end = next_token(text, len, pos, &start);
        if (start >= len)
            break;
        size_t k = end - start;
        if (after_prefix && k > 0 && text[end - 1] == ':')
            for (size_t i = 0; i < N_PREFIXES; i++) {
                const char *name = i < N_FIXED ? PREFIXES[i].prefix : "data";
                if (strlen(name) == k - 1 &&
                    memcmp(text + start, name, k - 1) == 0)
                    q->skip[i] = 1;
            }
        after_prefix = k == 6 && strncasecmp(text + start, "PREFIX", 6) == 0;
        pos = end;
    }
}

/* Rasqal 0.9.33 parses DESCRIBE but gives no statements. So factgraph
 * describes: the resources are the IRIs named and the values of the
 * variables named (all with *) in the solutions of the WHERE clause,
 * found by the same query as SELECT (q->describe); see
 * write_description. */
static int describe_query(fg_query *q, const char *text, size_t len)
{
    size_t at, start, pos, end;
    if (count_keyword(text, len, "DESCRIBE", &at) != 1)
        return 0;
    /* The targets: from DESCRIBE to the WHERE clause or its '{'. */
    static const char *const STOP[] = {"WHERE", "{", "FROM", "ORDER",
                                       "LIMIT", "OFFSET", "VALUES"};
    fg_buf b;
    fg_buf_init(&b, FG_QUERY_MAX_TEXT_BYTES + 64);
    int rc = fg_buf_add(&b, text, at);
    if (rc == 0)
        rc = fg_buf_adds(&b, "SELECT"); /* (DISTINCT leaks in Rasqal) */
    int vars = 0, stop = 0;
    pos = next_token(text, len, at, &start);
    for (size_t n = 0; rc == 0 && n < len; n++) {
        end = next_token(text, len, pos, &start);
        if (start >= len)
            break;
        for (size_t i = 0; i < sizeof STOP / sizeof *STOP && !stop; i++)
            stop = end - start == strlen(STOP[i]) &&
                   strncasecmp(text + start, STOP[i], end - start) == 0;
        if (stop)
            break;
        if (text[start] == '?' || text[start] == '$' || text[start] == '*') {
            rc = fg_buf_addc(&b, ' ');
            if (rc == 0)
                rc = fg_buf_add(&b, text + start, end - start);
            vars++;
        }
        pos = end;
    }
    /* Only IRIs, or no WHERE clause: nothing to select. */
    if (rc == 0 && vars > 0 && stop) {
        rc = fg_buf_addc(&b, ' ');
        if (rc == 0)
            rc = fg_buf_add(&b, text + start, len - start);
        if (rc == 0) {
            /* Quiet: its warnings were the DESCRIBE query's. */
            q->mode = MODE_QUIET;
            rc = prepare(q, b.data, b.len, &q->describe);
            if (rc == FG_EDATA)
                rc = fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, 0, 0,
                                 FG_NO_OFFSET,
                                 "DESCRIBE: the WHERE clause does not run "
                                 "as a SELECT query") < 0
                         ? FG_ENOMEM
                         : FG_EDATA;
        }
    }
    fg_buf_clear(&b);
    return rc == FG_ELIMIT ? FG_ENOMEM : rc;
}

/* Parses the query into q->rq, or reports why not. */
static int parse_query(fg_query *q, const char *text, size_t len)
{
    if (memchr(text, '\0', len))
        return fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, 0, 0,
                           FG_NO_OFFSET, "the query contains a NUL byte") < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    if (len > FG_QUERY_MAX_TEXT_BYTES)
        return fg_diag_add(q->diags, FG_ERROR, FG_ELIMIT, q->name, 0, 0,
                           FG_NO_OFFSET, "the query is longer than %zu MiB",
                           FG_QUERY_MAX_TEXT_BYTES >> 20) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    skip_redeclared(q, text, len);
    q->mode = MODE_PREPARE;
    int rc = prepare(q, text, len, &q->rq);
    q->mode = MODE_QUIET;
    if (q->rc == FG_ENOMEM || rc == FG_ENOMEM)
        return FG_ENOMEM;
    if (rc < 0) {
        const char *msg = q->error ? q->error : "syntax error";
        const char *end = strstr(msg, "$end");
        unsigned long line = q->error_line, col = 0;
        locate_error(q, text, len, end != NULL, &line, &col);
        /* "$end" is Bison's name for the end of the text. */
        if (end)
            rc = fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, line, col,
                             FG_NO_OFFSET, "%.*send of query%s",
                             (int)(end - msg), msg, end + 4);
        else
            rc = fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, line, col,
                             FG_NO_OFFSET, "%s", msg);
        return rc < 0 ? FG_ENOMEM : FG_EDATA;
    }
    /* The data are the inputs: nothing is fetched from anywhere else. */
    const char *what = "FROM";
    size_t at;
    if (count_keyword(text, len, what, &at) == 0 &&
        count_keyword(text, len, "SERVICE", &at) > 0)
        what = "SERVICE";
    if (at < len || rasqal_query_get_data_graph(q->rq, 0) != NULL) {
        unsigned long line = 0, col = 0;
        if (at < len)
            fg_diag_locate(text, len, at, &line, &col);
        rc = fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, line, col,
                         FG_NO_OFFSET,
                         "%s is not supported: the data are the inputs",
                         what);
        return rc < 0 ? FG_ENOMEM : FG_EDATA;
    }
    rasqal_query_verb verb = rasqal_query_get_verb(q->rq);
    int graph = verb == RASQAL_QUERY_VERB_CONSTRUCT ||
                verb == RASQAL_QUERY_VERB_DESCRIBE;
    int rdf = q->format == FG_QUERY_NTRIPLES || q->format == FG_QUERY_TURTLE;
    const char *problem = NULL;
    if (!graph && verb != RASQAL_QUERY_VERB_SELECT &&
        verb != RASQAL_QUERY_VERB_ASK)
        problem = "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are run";
    else if (graph && !rdf && q->format != FG_QUERY_TABLE)
        problem = "CONSTRUCT and DESCRIBE give RDF: N-Triples or Turtle";
    else if (!graph && rdf)
        problem = "SELECT and ASK give a table, CSV, TSV or JSON, not RDF";
    if (problem)
        return fg_diag_add(q->diags, FG_ERROR, FG_EDATA, q->name, 0, 0,
                           FG_NO_OFFSET, "%s", problem) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    if (verb == RASQAL_QUERY_VERB_DESCRIBE)
        return describe_query(q, text, len);
    /* A subquery shares its variables with the query, aggregates and
     * all, and may be filtered: leave its rows to Rasqal. */
    if (count_keyword(text, len, "SELECT", &at) > 1)
        return 0;
    return note_aggregates(q);
}

int fg_query_new(fg_query **out, const char *name, const char *text,
                 size_t len, const char *base, fg_query_format format,
                 fg_diag_list *diags)
{
    *out = NULL;
    if (base == NULL)
        base = FG_DEFAULT_BASE;
    if (!fg_rdf_valid_base(base) || (unsigned)format > FG_QUERY_TURTLE ||
        text == NULL)
        return FG_EINVAL;
    fg_query *q = fg_calloc(1, sizeof *q);
    if (q == NULL)
        return FG_ENOMEM;
    fg_buf_init(&q->data, FG_QUERY_MAX_DATA_BYTES);
    q->format = format;
    q->diags = diags;
    q->name = fg_strdup(name ? name : "-e");
    q->base = fg_strdup(base);
    int rc = FG_ENOMEM;
    if (q->name == NULL || q->base == NULL ||
        (q->world = rasqal_new_world()) == NULL ||
        rasqal_world_open(q->world) != 0)
        goto fail;
    /* After opening: this also routes the Raptor world's messages. */
    rasqal_world_set_log_handler(q->world, q, log_handler);
    rasqal_world_set_warning_level(q->world, WARNING_LEVEL);
    q->raptor = rasqal_world_get_raptor(q->world);
    q->base_uri = raptor_new_uri(q->raptor, (const unsigned char *)base);
    if (q->raptor == NULL || q->base_uri == NULL)
        goto fail;
    rc = parse_query(q, text, len);
    if (rc < 0)
        goto fail;
    *out = q;
    return 0;
fail:
    fg_query_free(q);
    return rc;
}

void fg_query_free(fg_query *q)
{
    if (q == NULL)
        return;
    if (q->rq)
        rasqal_free_query(q->rq);
    if (q->describe)
        rasqal_free_query(q->describe);
    if (q->data_io)
        raptor_free_iostream(q->data_io);
    if (q->base_uri)
        raptor_free_uri(q->base_uri);
    if (q->world)
        rasqal_free_world(q->world);
    fg_buf_clear(&q->data);
    fg_free(q->lines);
    fg_free(q->aggregate);
    fg_free(q->error);
    fg_free(q->name);
    fg_free(q->base);
    fg_free(q);
}

/* ------------------------------------------------------------------ */
/* Data                                                                */

/* An iostream that appends to q->data; a full buffer aborts the parse.
 * Raptor wants the number of objects written, or -1. */
static int data_write_bytes(void *ctx, const void *ptr, size_t size,
                            size_t nmemb)
{
    fg_query *q = ctx;
    int rc = fg_buf_add(&q->data, ptr, size * nmemb);
    if (rc < 0) {
        if (q->rc == 0 || q->rc == FG_EDATA)
            q->rc = rc;
        raptor_parser_parse_abort(q->parser);
        return -1;
    }
    return (int)nmemb;
}

/* Raptor wants 0, or non-zero on failure. */
static int data_write_byte(void *ctx, const int byte)
{
    unsigned char c = (unsigned char)byte;
    return data_write_bytes(ctx, &c, 1, 1) == 1 ? 0 : 1;
}

static const raptor_iostream_handler DATA_HANDLER = {
    .version = 2,
    .write_byte = data_write_byte,
    .write_bytes = data_write_bytes,
};

/* Writes a term as N-Triples. Blank nodes get their source's number:
 * _:b1 of two files are two nodes. */
static int write_term(fg_query *q, raptor_iostream *io, const raptor_term *t)
{
    if (t->type != RAPTOR_TERM_TYPE_BLANK)
        return raptor_term_escaped_write(
            t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, io);
    char pre[32];
    snprintf(pre, sizeof pre, "_:s%zux", q->source_no);
    return raptor_iostream_string_write(pre, io) ||
           raptor_iostream_counted_string_write(t->value.blank.string,
                                                t->value.blank.string_len, io);
}

/* The line of q->data at offset at, without its '\n'. */
static size_t line_len(const fg_query *q, size_t at)
{
    const char *nl = memchr(q->data.data + at, '\n', q->data.len - at);
    return nl ? (size_t)(nl - (q->data.data + at)) : q->data.len - at;
}

/* Adds the line at offset at to the set of lines, unless an equal line
 * is there. Returns 1 when it was, 0 when added, or FG_ENOMEM. */
static int add_line(fg_query *q, size_t at)
{
    if (2 * (q->n_lines + 1) > q->cap_lines) {
        /* Grow to keep the load at most a half, and put every line again. */
        size_t cap = q->cap_lines ? 2 * q->cap_lines : 1024;
        size_t *old = q->lines, old_cap = q->cap_lines;
        if (cap > SIZE_MAX / sizeof *old ||
            (q->lines = fg_calloc(cap, sizeof *q->lines)) == NULL) {
            q->lines = old;
            return FG_ENOMEM;
        }
        q->cap_lines = cap;
        q->n_lines = 0;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                add_line(q, old[i] - 1);
        fg_free(old);
    }
    size_t len = line_len(q, at);
    const char *s = q->data.data + at;
    size_t mask = q->cap_lines - 1;
    for (size_t i = XXH3_64bits(s, len) & mask;; i = (i + 1) & mask) {
        if (q->lines[i] == 0) {
            q->lines[i] = at + 1;
            q->n_lines++;
            return 0;
        }
        size_t other = q->lines[i] - 1;
        if (line_len(q, other) == len &&
            memcmp(q->data.data + other, s, len) == 0)
            return 1;
    }
}

/* Makes the set of lines that of q->data again (after a source failed
 * and its lines went). Returns 0 or FG_ENOMEM. */
static int reset_lines(fg_query *q)
{
    if (q->lines)
        memset(q->lines, 0, q->cap_lines * sizeof *q->lines);
    q->n_lines = 0;
    for (size_t at = 0; at < q->data.len; at += line_len(q, at) + 1)
        if (add_line(q, at) < 0)
            return FG_ENOMEM;
    return 0;
}

static void statement_handler(void *data, raptor_statement *st)
{
    fg_query *q = data;
    raptor_iostream *io = q->data_io;
    if (q->rc == FG_ENOMEM || q->rc == FG_ELIMIT)
        return;
    size_t at = q->data.len;
    /* The graph of a quad is dropped: one default graph. */
    if (write_term(q, io, st->subject) ||
        raptor_iostream_write_byte(' ', io) ||
        write_term(q, io, st->predicate) ||
        raptor_iostream_write_byte(' ', io) ||
        write_term(q, io, st->object) ||
        raptor_iostream_string_write(" .\n", io)) {
        if (q->rc == 0)
            q->rc = FG_ENOMEM;
        return;
    }
    /* A graph is a set: a statement seen before (the same entity in two
     * documents, the same document twice) is dropped. */
    int rc = add_line(q, at);
    if (rc < 0)
        q->rc = rc;
    if (rc != 0) {
        q->data.len = at;
        q->data.data[at] = '\0';
    }
}

/* The end of the N-Triples term at s[i..end), or 0 when there is none. */
static size_t skip_term(const char *s, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    if (s[i] == '<') {
        while (i < end && s[i] != '>')
            i++;
        return i < end ? i + 1 : 0;
    }
    if (s[i] == '_') {
        while (i < end && !is_space(s[i]))
            i++;
        return i;
    }
    if (s[i] != '"')
        return 0;
    for (i++; i < end && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    if (i >= end)
        return 0;
    i++;
    if (i < end && s[i] == '@') {
        for (i++; i < end && (s[i] == '-' || (s[i] >= '0' && s[i] <= '9') ||
                              ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'));
             i++)
            ;
        return i;
    }
    if (i + 1 < end && s[i] == '^' && s[i + 1] == '^')
        return skip_term(s, i + 2, end);
    return i;
}

static size_t skip_blanks(const char *s, size_t i, size_t end)
{
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Raptor's N-Quads parser leaks references to datatype URIs (one or two
 * per datatype and parser; tests/lsan.supp), its Turtle parser does not:
 * so N-Quads become N-Triples here, line for line, which keeps the line
 * numbers of errors. The graph, a fourth term before the final '.', is
 * cut out; a line not understood stays as it is, for Raptor to report. */
static int nquads_to_ntriples(const char *s, size_t len, fg_buf *out)
{
    int rc = 0;
    for (size_t a = 0; a < len && rc == 0;) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t e = nl ? (size_t)(nl - s) : len;
        /* (skip_term's 0 for no term is never a term's end.) */
        size_t t = skip_blanks(s, a, e), graph_end = 0;
        int k = 0;
        for (; k < 3 && (t = skip_term(s, t, e)) != 0; k++)
            t = skip_blanks(s, t, e);
        if (k == 3 && t < e && s[t] != '.')
            graph_end = skip_term(s, t, e);
        if (graph_end) {
            rc = fg_buf_add(out, s + a, t - a);
            if (rc == 0)
                rc = fg_buf_add(out, s + graph_end, e - graph_end);
        } else {
            rc = fg_buf_add(out, s + a, e - a);
        }
        if (rc == 0 && nl)
            rc = fg_buf_addc(out, '\n');
        a = e + 1;
    }
    return rc;
}

/* Reads the rest of fp into b. Returns 0, FG_ELIMIT, FG_ENOMEM or FG_EIO
 * (errno set). */
static int read_all(FILE *fp, fg_buf *b)
{
    char chunk[1 << 16];
    for (;;) {
        size_t n = fread(chunk, 1, sizeof chunk, fp);
        int rc = fg_buf_add(b, chunk, n);
        if (rc < 0)
            return rc;
        if (n < sizeof chunk)
            return ferror(fp) ? FG_EIO : 0;
    }
}

int fg_query_add_rdf(fg_query *q, const char *name, const char *syntax,
                     const char *bytes, size_t len, fg_diag_list *diags)
{
    if (q->ran || syntax == NULL ||
        (strcmp(syntax, "turtle") != 0 && strcmp(syntax, "ntriples") != 0 &&
         strcmp(syntax, "nquads") != 0))
        return FG_EINVAL;
    FILE *fp = NULL;
    if (bytes == NULL) {
        fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
        if (fp == NULL)
            return fg_diag_add(diags, FG_ERROR, FG_EIO, name, 0, 0,
                               FG_NO_OFFSET, "cannot read: %s",
                               strerror(errno)) < 0
                       ? FG_ENOMEM
                       : FG_EIO;
    }
    /* N-Quads: the whole source, as N-Triples. */
    fg_buf nt;
    fg_buf_init(&nt, FG_QUERY_MAX_DATA_BYTES);
    if (strcmp(syntax, "nquads") == 0) {
        fg_buf raw;
        fg_buf_init(&raw, FG_QUERY_MAX_DATA_BYTES);
        int rc = 0, err = 0;
        if (bytes == NULL) {
            rc = read_all(fp, &raw);
            err = errno;
            if (fp != stdin)
                fclose(fp);
            fp = NULL;
            bytes = raw.data ? raw.data : "";
            len = raw.len;
        }
        if (rc == 0)
            rc = nquads_to_ntriples(bytes, len, &nt);
        fg_buf_clear(&raw);
        bytes = nt.data ? nt.data : "";
        len = nt.len;
        if (rc == FG_EIO || rc == FG_ELIMIT) {
            fg_buf_clear(&nt);
            if (rc == FG_EIO)
                rc = fg_diag_add(diags, FG_ERROR, FG_EIO, name, 0, 0,
                                 FG_NO_OFFSET, "read error: %s",
                                 strerror(err)) < 0 ? FG_ENOMEM : FG_EIO;
            else
                rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, name, 0, 0,
                                 FG_NO_OFFSET,
                                 "larger than %zu MiB: not loaded",
                                 FG_QUERY_MAX_DATA_BYTES >> 20) < 0
                         ? FG_ENOMEM
                         : FG_ELIMIT;
            return rc;
        }
        if (rc < 0) {
            fg_buf_clear(&nt);
            return rc;
        }
    }
    size_t mark = q->data.len;
    q->mode = MODE_DATA;
    q->diags = diags;
    q->parsing = name;
    q->rc = 0;
    q->source_no++;
    /* N-Triples is Turtle too, and Raptor's Turtle parser does not leak
     * the datatype URIs that its N-Triples parser does (tests/lsan.supp). */
    q->parser = raptor_new_parser(q->raptor, "turtle");
    q->data_io = raptor_new_iostream_from_handler(q->raptor, q, &DATA_HANDLER);
    int failed = 0;
    if (q->parser == NULL || q->data_io == NULL) {
        q->rc = FG_ENOMEM;
    } else {
        raptor_parser_set_statement_handler(q->parser, q, statement_handler);
        if (bytes)
            failed = raptor_parser_parse_start(q->parser, q->base_uri) ||
                     raptor_parser_parse_chunk(q->parser,
                                               (const unsigned char *)bytes,
                                               len, 1);
        else
            failed = raptor_parser_parse_file_stream(q->parser, fp, name,
                                                     q->base_uri) != 0;
        if (fp && ferror(fp) && q->rc == 0 &&
            fg_diag_add(diags, FG_ERROR, FG_EIO, name, 0, 0, FG_NO_OFFSET,
                        "read error: %s", strerror(errno)) == 0)
            q->rc = FG_EIO;
    }
    if (fp && fp != stdin)
        fclose(fp);
    fg_buf_clear(&nt);
    if (q->data_io)
        raptor_free_iostream(q->data_io);
    q->data_io = NULL;
    if (q->parser)
        raptor_free_parser(q->parser);
    q->parser = NULL;
    q->mode = MODE_QUIET;
    int rc = q->rc;
    if (rc == 0 && failed)
        rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, name, 0, 0, FG_NO_OFFSET,
                         "not %s RDF", syntax) < 0
                 ? FG_ENOMEM
                 : FG_EDATA;
    if (rc == FG_ELIMIT &&
        fg_diag_add(diags, FG_ERROR, FG_ELIMIT, name, 0, 0, FG_NO_OFFSET,
                    "the data would pass the limit of %zu MiB: not loaded",
                    FG_QUERY_MAX_DATA_BYTES >> 20) < 0)
        rc = FG_ENOMEM;
    if (rc < 0 && q->data.len > mark) {
        /* All or nothing: the statements read before the error go. */
        q->data.len = mark;
        q->data.data[mark] = '\0';
        if (reset_lines(q) < 0)
            rc = FG_ENOMEM;
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

enum { TERM_NONE, TERM_IRI, TERM_BLANK, TERM_LITERAL };

/* A value of a result row; the strings are borrowed. */
typedef struct term {
    int kind;
    const char *s; /* IRI, blank node label, or lexical form */
    size_t len;
    const char *lang; /* NULL or a language tag */
    const char *dt;   /* NULL or the datatype IRI */
} term;

static term term_of(rasqal_literal *l)
{
    term t = {TERM_NONE, "", 0, NULL, NULL};
    if (l == NULL)
        return t;
    if (l->type == RASQAL_LITERAL_URI) {
        t.kind = TERM_IRI;
        t.s = (const char *)raptor_uri_as_counted_string(l->value.uri, &t.len);
        return t;
    }
    const unsigned char *s = l->string;
    if (s == NULL && (s = rasqal_literal_as_string(l)) == NULL)
        return t;
    t.s = (const char *)s;
    t.len = l->string ? l->string_len : strlen(t.s);
    if (l->type == RASQAL_LITERAL_BLANK) {
        t.kind = TERM_BLANK;
        return t;
    }
    t.kind = TERM_LITERAL;
    t.lang = l->language && l->language[0] ? l->language : NULL;
    raptor_uri *dt = t.lang ? NULL : rasqal_literal_datatype(l);
    t.dt = dt ? (const char *)raptor_uri_as_string(dt) : NULL;
    /* RDF 1.1: a simple literal is an xsd:string; write it the short way. */
    if (t.dt && strcmp(t.dt, XSD "string") == 0)
        t.dt = NULL;
    return t;
}

/* Writes s[0..len) as the inside of a JSON string: valid UTF-8 as it
 * is, an invalid byte as U+FFFD, control characters escaped. */
static void put_json_chars(FILE *fp, const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        size_t at = pos;
        int valid;
        int32_t cp = fg_utf8_next(s, len, &pos, &valid);
        if (!valid)
            fputs("\\ufffd", fp);
        else if (cp == '"' || cp == '\\')
            fprintf(fp, "\\%c", (char)cp);
        else if (cp == '\n')
            fputs("\\n", fp);
        else if (cp == '\r')
            fputs("\\r", fp);
        else if (cp == '\t')
            fputs("\\t", fp);
        else if (cp < 0x20)
            fprintf(fp, "\\u%04x", (unsigned)cp);
        else
            fwrite(s + at, 1, pos - at, fp);
    }
}

static void put_json_string(FILE *fp, const char *s, size_t len)
{
    putc('"', fp);
    put_json_chars(fp, s, len);
    putc('"', fp);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote or a
 * line break, quotes doubled. */
static void put_csv_field(FILE *fp, const char *s, size_t len)
{
    if (strcspn(s, ",\"\r\n") >= len) {
        fwrite(s, 1, len, fp);
        return;
    }
    putc('"', fp);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            putc('"', fp);
        putc(s[i], fp);
    }
    putc('"', fp);
}

/* Whether s[0..len) is in the form Turtle may write without quotes. */
static int is_integer_form(const char *s, size_t len)
{
    size_t i = len > 0 && (s[0] == '+' || s[0] == '-');
    if (i >= len)
        return 0;
    for (; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* A term for TSV: Turtle syntax, integers abbreviated. */
static void put_tsv_term(FILE *fp, const term *t)
{
    switch (t->kind) {
    case TERM_IRI:
        putc('<', fp);
        fwrite(t->s, 1, t->len, fp);
        putc('>', fp);
        return;
    case TERM_BLANK:
        fputs("_:", fp);
        fwrite(t->s, 1, t->len, fp);
        return;
    case TERM_LITERAL:
        if (t->dt && strcmp(t->dt, XSD "integer") == 0 &&
            is_integer_form(t->s, t->len)) {
            fwrite(t->s, 1, t->len, fp);
            return;
        }
        putc('"', fp);
        for (size_t i = 0; i < t->len; i++) {
            const char *esc = t->s[i] == '\t'   ? "\\t"
                              : t->s[i] == '\n' ? "\\n"
                              : t->s[i] == '\r' ? "\\r"
                              : t->s[i] == '"'  ? "\\\""
                              : t->s[i] == '\\' ? "\\\\"
                                                : NULL;
            if (esc)
                fputs(esc, fp);
            else
                putc(t->s[i], fp);
        }
        putc('"', fp);
        if (t->lang)
            fprintf(fp, "@%s", t->lang);
        else if (t->dt)
            fprintf(fp, "^^<%s>", t->dt);
        return;
    default:
        return;
    }
}

static void put_json_term(FILE *fp, const term *t)
{
    static const char *const TYPES[] = {"", "uri", "bnode", "literal"};
    fprintf(fp, "{\"type\": \"%s\", \"value\": ", TYPES[t->kind]);
    put_json_string(fp, t->s, t->len);
    if (t->lang) {
        fputs(", \"xml:lang\": ", fp);
        put_json_string(fp, t->lang, strlen(t->lang));
    } else if (t->dt) {
        fputs(", \"datatype\": ", fp);
        put_json_string(fp, t->dt, strlen(t->dt));
    }
    putc('}', fp);
}

/* A table being built: every cell as it will be shown, and the widest
 * cell of each column. */
typedef struct cell {
    const char *s;
    size_t width; /* in terminal columns */
} cell;

typedef struct table {
    fg_arena arena;
    size_t n_cols;
    cell *cells; /* row-major, header first */
    size_t n_cells, cap_cells;
    size_t *col_width;
    size_t bytes;
    fg_buf scratch;
} table;

/* The width of s on a terminal. */
static size_t display_width(const char *s, size_t len)
{
    size_t w = 0, pos = 0;
    while (pos < len) {
        int valid;
        int cw = utf8proc_charwidth(fg_utf8_next(s, len, &pos, &valid));
        if (cw > 0)
            w += (size_t)cw;
    }
    return w;
}

/* Adds a cell shown as s[0..len): control characters escaped (a
 * literal may hold a whole article), invalid bytes as U+FFFD. */
static int table_add(table *t, const char *prefix, size_t prefix_len,
                     const char *s, size_t len)
{
    fg_buf *b = &t->scratch;
    fg_buf_reset(b);
    int rc = fg_buf_add(b, prefix, prefix_len);
    size_t pos = 0;
    while (rc == 0 && pos < len) {
        size_t at = pos;
        int valid;
        int32_t cp = fg_utf8_next(s, len, &pos, &valid);
        if (!valid)
            rc = fg_buf_adds(b, "\xEF\xBF\xBD");
        else if (cp == '\n')
            rc = fg_buf_adds(b, "\\n");
        else if (cp == '\t')
            rc = fg_buf_adds(b, "\\t");
        else if (cp == '\r')
            rc = fg_buf_adds(b, "\\r");
        else if (cp < 0x20 || cp == 0x7F)
            rc = fg_buf_printf(b, "\\x%02x", (unsigned)cp);
        else
            rc = fg_buf_add(b, s + at, pos - at);
    }
    if (rc == 0 && (t->bytes += b->len + 1 + sizeof(size_t)) > MAX_TABLE_BYTES)
        rc = FG_ELIMIT;
    if (rc == 0 && fg_grow((void **)&t->cells, &t->cap_cells, t->n_cells + 1,
                           sizeof *t->cells) < 0)
        rc = FG_ENOMEM;
    const char *copy = NULL;
    if (rc == 0 && (copy = fg_arena_strndup_packed(
                        &t->arena, b->data ? b->data : "", b->len)) == NULL)
        rc = FG_ENOMEM;
    if (rc < 0)
        return rc;
    cell *c = &t->cells[t->n_cells];
    c->s = copy;
    c->width = display_width(copy, b->len);
    size_t col = t->n_cells % t->n_cols;
    if (c->width > t->col_width[col])
        t->col_width[col] = c->width;
    t->n_cells++;
    return 0;
}

/* An IRI shortened with the longest of the query's prefixes. */
static int table_add_iri(table *t, raptor_sequence *prefixes, const term *v)
{
    const char *best = NULL;
    size_t best_len = 0;
    int n = prefixes ? raptor_sequence_size(prefixes) : 0;
    for (int i = 0; i < n; i++) {
        rasqal_prefix *p = raptor_sequence_get_at(prefixes, i);
        size_t len = 0;
        const char *ns = NULL;
        if (p && p->uri)
            ns = (const char *)raptor_uri_as_counted_string(p->uri, &len);
        if (ns && len > best_len && len < v->len &&
            strncmp(v->s, ns, len) == 0) {
            best = p->prefix ? (const char *)p->prefix : "";
            best_len = len;
        }
    }
    if (best == NULL)
        return table_add(t, "", 0, v->s, v->len);
    char pre[256];
    int n_pre = snprintf(pre, sizeof pre, "%s:", best);
    if (n_pre < 0 || (size_t)n_pre >= sizeof pre)
        return table_add(t, "", 0, v->s, v->len);
    return table_add(t, pre, (size_t)n_pre, v->s + best_len, v->len - best_len);
}

static int table_add_term(table *t, raptor_sequence *prefixes, const term *v)
{
    switch (v->kind) {
    case TERM_IRI:
        return table_add_iri(t, prefixes, v);
    case TERM_BLANK:
        return table_add(t, "_:", 2, v->s, v->len);
    case TERM_LITERAL:
        return table_add(t, "", 0, v->s, v->len);
    default:
        return table_add(t, "", 0, "", 0);
    }
}

static void table_write(const table *t, FILE *fp)
{
    size_t n_rows = t->n_cells / t->n_cols;
    for (size_t r = 0; r < n_rows; r++) {
        const cell *row = &t->cells[r * t->n_cols];
        /* No spaces at the end of a line, even when the last values are
         * unbound. */
        size_t last = t->n_cols - 1;
        while (last > 0 && row[last].s[0] == '\0')
            last--;
        for (size_t c = 0; c <= last; c++) {
            const cell *x = &row[c];
            fputs(x->s, fp);
            if (c == last)
                break;
            /* Two spaces between columns; none after the last. */
            for (size_t w = x->width; w < t->col_width[c] + 2; w++)
                putc(' ', fp);
        }
        putc('\n', fp);
        if (r > 0)
            continue;
        for (size_t c = 0; c < t->n_cols; c++) {
            for (size_t w = 0; w < t->col_width[c]; w++)
                putc('-', fp);
            fputs(c + 1 < t->n_cols ? "  " : "\n", fp);
        }
    }
}

/* The row SPARQL gives for aggregates over no match: COUNT, SUM and AVG
 * are 0, GROUP_CONCAT is "", MIN, MAX and SAMPLE are unbound. */
static term empty_aggregate(int op)
{
    term t = {TERM_NONE, "", 0, NULL, NULL};
    if (op == RASQAL_EXPR_COUNT || op == RASQAL_EXPR_SUM ||
        op == RASQAL_EXPR_AVG) {
        t.kind = TERM_LITERAL;
        t.s = "0";
        t.len = 1;
        t.dt = XSD "integer";
    } else if (op == RASQAL_EXPR_GROUP_CONCAT) {
        t.kind = TERM_LITERAL;
    }
    return t;
}

/* Writes one row of n terms in the format (the table collects it);
 * names are the variables'. */
static int put_row(fg_query *q, table *tab, FILE *fp,
                   const char *const *names, const term *row, size_t n,
                   size_t row_no)
{
    switch (q->format) {
    case FG_QUERY_CSV:
        for (size_t i = 0; i < n; i++) {
            if (i)
                putc(',', fp);
            if (row[i].kind == TERM_BLANK)
                fputs("_:", fp);
            put_csv_field(fp, row[i].s, row[i].len);
        }
        fputs("\r\n", fp);
        return 0;
    case FG_QUERY_TSV:
        for (size_t i = 0; i < n; i++) {
            if (i)
                putc('\t', fp);
            put_tsv_term(fp, &row[i]);
        }
        putc('\n', fp);
        return 0;
    case FG_QUERY_JSON: {
        fputs(row_no ? ",\n    {" : "\n    {", fp);
        int any = 0;
        for (size_t i = 0; i < n; i++) {
            if (row[i].kind == TERM_NONE)
                continue; /* unbound: left out */
            fputs(any++ ? ", " : "", fp);
            put_json_string(fp, names[i], strlen(names[i]));
            fputs(": ", fp);
            put_json_term(fp, &row[i]);
        }
        putc('}', fp);
        return 0;
    }
    default: {
        raptor_sequence *prefixes = rasqal_query_get_prefix_sequence(q->rq);
        for (size_t i = 0; i < n; i++) {
            int rc = table_add_term(tab, prefixes, &row[i]);
            if (rc < 0)
                return rc;
        }
        return 0;
    }
    }
}

/* SELECT: the variables, the rows, and the end. */
static int write_bindings(fg_query *q, rasqal_query_results *r, FILE *fp)
{
    /* Rasqal knows the variables of the results only once there is a
     * row; else they are the query's. */
    int count = rasqal_query_results_get_bindings_count(r);
    raptor_sequence *vars =
        count > 0 ? NULL : rasqal_query_get_bound_variable_sequence(q->rq);
    if (vars)
        count = raptor_sequence_size(vars);
    size_t n = count > 0 ? (size_t)count : 0;
    const char **names = fg_calloc(n + 1, sizeof *names);
    term *row = fg_calloc(n + 1, sizeof *row);
    table tab;
    memset(&tab, 0, sizeof tab);
    fg_arena_init(&tab.arena, 64 << 10);
    fg_buf_init(&tab.scratch, MAX_TABLE_BYTES);
    tab.n_cols = n ? n : 1;
    tab.col_width = fg_calloc(tab.n_cols, sizeof *tab.col_width);
    int rc = names && row && tab.col_width ? 0 : FG_ENOMEM;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rasqal_variable *v = vars ? raptor_sequence_get_at(vars, (int)i) : NULL;
        names[i] = vars ? (v ? (const char *)v->name : NULL)
                        : (const char *)rasqal_query_results_get_binding_name(
                              r, (int)i);
        if (names[i] == NULL)
            names[i] = "";
    }
    /* The header. */
    if (rc == 0) {
        switch (q->format) {
        case FG_QUERY_CSV:
            for (size_t i = 0; i < n; i++) {
                if (i)
                    putc(',', fp);
                put_csv_field(fp, names[i], strlen(names[i]));
            }
            fputs("\r\n", fp);
            break;
        case FG_QUERY_TSV:
            for (size_t i = 0; i < n; i++)
                fprintf(fp, "%s?%s", i ? "\t" : "", names[i]);
            putc('\n', fp);
            break;
        case FG_QUERY_JSON:
            fputs("{\n  \"head\": {\"vars\": [", fp);
            for (size_t i = 0; i < n; i++) {
                fputs(i ? ", " : "", fp);
                put_json_string(fp, names[i], strlen(names[i]));
            }
            fputs("]},\n  \"results\": {\"bindings\": [", fp);
            break;
        default:
            for (size_t i = 0; rc == 0 && i < n; i++)
                rc = table_add(&tab, "", 0, names[i], strlen(names[i]));
            break;
        }
    }
    /* The rows, each only as long as Rasqal keeps it. */
    size_t rows = 0;
    while (rc == 0 && !rasqal_query_results_finished(r) && !ferror(fp)) {
        for (size_t i = 0; i < n; i++)
            row[i] = term_of(rasqal_query_results_get_binding_value(r, (int)i));
        rc = put_row(q, &tab, fp, names, row, n, rows++);
        if (rc < 0 || q->rc < 0 || rasqal_query_results_next(r) != 0)
            break;
    }
    if (rc == 0 && q->rc < 0)
        rc = q->rc;
    /* Aggregates over nothing still give a row (Rasqal gives none). */
    if (rc == 0 && rows == 0 && q->aggregate && q->n_aggregate == n) {
        for (size_t i = 0; i < n; i++)
            row[i] = empty_aggregate(q->aggregate[i]);
        rc = put_row(q, &tab, fp, names, row, n, rows++);
    }
    if (rc == 0 && q->format == FG_QUERY_JSON)
        fputs(rows ? "\n  ]}\n}\n" : "]}\n}\n", fp);
    else if (rc == 0 && q->format == FG_QUERY_TABLE && n > 0)
        table_write(&tab, fp);
    if (rc == FG_ELIMIT &&
        fg_diag_add(q->diags, FG_ERROR, FG_ELIMIT, q->name, 0, 0,
                    FG_NO_OFFSET,
                    "the table would pass %zu MiB: use CSV or TSV",
                    MAX_TABLE_BYTES >> 20) < 0)
        rc = FG_ENOMEM;
    fg_buf_clear(&tab.scratch);
    fg_arena_clear(&tab.arena);
    fg_free(tab.cells);
    fg_free(tab.col_width);
    fg_free(names);
    fg_free(row);
    return rc;
}

/* CONSTRUCT and DESCRIBE: the statements, through a Raptor serializer
 * (Turtle with the query's prefixes). */
static int write_graph(fg_query *q, rasqal_query_results *r, FILE *fp)
{
    int turtle = q->format == FG_QUERY_TURTLE;
    raptor_serializer *ser =
        raptor_new_serializer(q->raptor, turtle ? "turtle" : "ntriples");
    if (ser == NULL)
        return FG_ENOMEM;
    raptor_sequence *prefixes = rasqal_query_get_prefix_sequence(q->rq);
    int n = prefixes && turtle ? raptor_sequence_size(prefixes) : 0;
    for (int i = 0; i < n; i++) {
        rasqal_prefix *p = raptor_sequence_get_at(prefixes, i);
        if (p && p->uri)
            raptor_serializer_set_namespace(ser, p->uri, p->prefix);
    }
    /* No base: Turtle would write relative IRIs. */
    int rc = raptor_serializer_start_to_file_handle(ser, NULL, fp) ? FG_EIO : 0;
    while (rc == 0 && q->rc == 0) {
        raptor_statement *st = rasqal_query_results_get_triple(r);
        if (st == NULL)
            break;
        if (raptor_serializer_serialize_statement(ser, st))
            rc = FG_EIO;
        if (rasqal_query_results_next_triple(r) != 0)
            break;
    }
    if (raptor_serializer_serialize_end(ser) && rc == 0)
        rc = FG_EIO;
    raptor_free_serializer(ser);
    return rc;
}

/* An iostream that appends to the fg_buf it is given. */
static int buf_write_bytes(void *ctx, const void *ptr, size_t size,
                           size_t nmemb)
{
    return fg_buf_add(ctx, ptr, size * nmemb) < 0 ? -1 : (int)nmemb;
}

static int buf_write_byte(void *ctx, const int byte)
{
    return fg_buf_addc(ctx, (char)byte) < 0;
}

static const raptor_iostream_handler BUF_HANDLER = {
    .version = 2,
    .write_byte = buf_write_byte,
    .write_bytes = buf_write_bytes,
};

/* The most rounds of following blank nodes from a described resource. */
#define MAX_DESCRIBE_DEPTH 64

/* Adds a resource to the described ones, as a term in data: <IRI> in the
 * same escapes, or _:label (Rasqal puts "graphid0_" before the labels of
 * the one data graph). Returns 1 when it was new, 0, or FG_ENOMEM. */
static int describe_add(fg_query *q, fg_strmap *set, rasqal_literal *l)
{
    fg_buf key;
    fg_buf_init(&key, FG_QUERY_MAX_DATA_BYTES);
    int rc = 0;
    if (l && l->type == RASQAL_LITERAL_URI) {
        raptor_iostream *io =
            raptor_new_iostream_from_handler(q->raptor, &key, &BUF_HANDLER);
        if (io == NULL || raptor_uri_escaped_write(
                              l->value.uri, NULL,
                              RAPTOR_ESCAPED_WRITE_NTRIPLES_URI, io) != 0)
            rc = FG_ENOMEM;
        if (io)
            raptor_free_iostream(io);
    } else if (l && l->type == RASQAL_LITERAL_BLANK && l->string) {
        const char *label = (const char *)l->string;
        if (strncmp(label, "graphid0_", 9) == 0)
            label += 9;
        rc = fg_buf_printf(&key, "_:%s", label);
    }
    uint32_t had;
    if (rc == 0 && key.len > 0)
        rc = fg_strmap_add(set, key.data, key.len, 1, &had) == 0 ? 1 : 0;
    fg_buf_clear(&key);
    return rc < 0 ? FG_ENOMEM : rc;
}

static void serialize_statement(void *ser, raptor_statement *st)
{
    raptor_serializer_serialize_statement(ser, st);
}

/* DESCRIBE: every statement about a described resource, and about the
 * blank nodes those statements lead to (a concise bounded description),
 * through a Raptor serializer like CONSTRUCT's. */
static int write_description(fg_query *q, FILE *fp)
{
    fg_strmap set;
    fg_strmap_init(&set);
    fg_buf out;
    fg_buf_init(&out, FG_QUERY_MAX_DATA_BYTES);
    int rc = 0;
    raptor_sequence *targets = rasqal_query_get_describe_sequence(q->rq);
    int n = targets ? raptor_sequence_size(targets) : 0;
    for (int i = 0; i < n && rc >= 0; i++)
        rc = describe_add(q, &set, raptor_sequence_get_at(targets, i));
    if (rc >= 0 && q->describe) {
        rasqal_query_results *r = rasqal_query_execute(q->describe);
        if (r == NULL)
            rc = q->rc < 0 ? q->rc : FG_EDATA;
        int cols = r ? rasqal_query_results_get_bindings_count(r) : 0;
        while (rc >= 0 && r && !rasqal_query_results_finished(r)) {
            for (int i = 0; i < cols && rc >= 0; i++)
                rc = describe_add(q, &set,
                                  rasqal_query_results_get_binding_value(r, i));
            if (rasqal_query_results_next(r) != 0)
                break;
        }
        if (r)
            rasqal_free_query_results(r);
    }
    /* Rounds over the data: a blank node object of a described subject
     * is described too. Then every statement of a described subject. */
    const char *d = q->data.data;
    for (int round = 0; rc >= 0 && round <= MAX_DESCRIBE_DEPTH; round++) {
        int grew = 0;
        for (size_t at = 0; rc >= 0 && at < q->data.len;) {
            size_t len = line_len(q, at);
            const char *line = d + at;
            const char *sp = memchr(line, ' ', len);
            uint32_t v;
            if (sp && fg_strmap_find(&set, line, (size_t)(sp - line), &v)) {
                if (round == MAX_DESCRIBE_DEPTH) {
                    rc = fg_buf_add(&out, line, len + 1);
                } else {
                    /* The object: the third term, before " ." (lines
                     * are "S P O .", written by statement_handler). */
                    size_t rest = len - (size_t)(sp + 1 - line);
                    const char *o = memchr(sp + 1, ' ', rest);
                    size_t o_len = o ? len - (size_t)(o + 1 - line) : 0;
                    if (o_len > 4 && o[1] == '_' && o[2] == ':') {
                        uint32_t had;
                        int added =
                            fg_strmap_add(&set, o + 1, o_len - 2, 1, &had);
                        if (added < 0)
                            rc = FG_ENOMEM;
                        grew |= added == 0;
                    }
                }
            }
            at += len + 1;
        }
        /* Nothing new: the last round collects. */
        if (!grew && round < MAX_DESCRIBE_DEPTH)
            round = MAX_DESCRIBE_DEPTH - 1;
    }
    /* The statements, through a serializer. */
    raptor_serializer *ser = NULL;
    raptor_parser *parser = NULL;
    if (rc >= 0) {
        int turtle = q->format == FG_QUERY_TURTLE;
        ser = raptor_new_serializer(q->raptor, turtle ? "turtle" : "ntriples");
        parser = raptor_new_parser(q->raptor, "turtle");
        if (ser == NULL || parser == NULL)
            rc = FG_ENOMEM;
    }
    if (rc >= 0) {
        raptor_sequence *prefixes = rasqal_query_get_prefix_sequence(q->rq);
        int np = prefixes && q->format == FG_QUERY_TURTLE
                     ? raptor_sequence_size(prefixes) : 0;
        for (int i = 0; i < np; i++) {
            rasqal_prefix *p = raptor_sequence_get_at(prefixes, i);
            if (p && p->uri)
                raptor_serializer_set_namespace(ser, p->uri, p->prefix);
        }
        raptor_parser_set_statement_handler(parser, ser, serialize_statement);
        if (raptor_serializer_start_to_file_handle(ser, NULL, fp) ||
            raptor_parser_parse_start(parser, q->base_uri) ||
            raptor_parser_parse_chunk(
                parser, (const unsigned char *)(out.data ? out.data : ""),
                out.len, 1) ||
            raptor_serializer_serialize_end(ser))
            rc = FG_EIO;
    }
    if (parser)
        raptor_free_parser(parser);
    if (ser)
        raptor_free_serializer(ser);
    fg_buf_clear(&out);
    fg_strmap_clear(&set);
    return rc < 0 ? rc : 0;
}

int fg_query_run(fg_query *q, FILE *fp, fg_diag_list *diags)
{
    if (q->ran)
        return FG_EINVAL;
    q->ran = 1;
    q->diags = diags;
    q->rc = 0;
    if (q->data.len > 0) {
        /* One data graph of everything, parsed again by Rasqal into its
         * in-memory store. The stream is the query's until it is freed. */
        q->data_io = raptor_new_iostream_from_string(q->raptor, q->data.data,
                                                     q->data.len);
        rasqal_data_graph *dg =
            q->data_io
                ? rasqal_new_data_graph_from_iostream(
                      q->world, q->data_io, q->base_uri, NULL,
                      RASQAL_DATA_GRAPH_BACKGROUND, NULL, "turtle", NULL)
                : NULL;
        if (dg == NULL)
            return FG_ENOMEM;
        if (rasqal_query_add_data_graph(q->describe ? q->describe : q->rq,
                                        dg) != 0) {
            rasqal_free_data_graph(dg);
            return FG_ENOMEM;
        }
    }
    q->mode = MODE_RUN;
    if (rasqal_query_get_verb(q->rq) == RASQAL_QUERY_VERB_DESCRIBE) {
        int rc = write_description(q, fp);
        q->mode = MODE_QUIET;
        if (rc == 0 && q->rc < 0)
            rc = q->rc;
        return rc == 0 && ferror(fp) ? FG_EIO : rc;
    }
    rasqal_query_results *r = rasqal_query_execute(q->rq);
    int rc = 0;
    if (r == NULL) {
        rc = q->rc == FG_ENOMEM ? FG_ENOMEM : FG_EDATA;
        if (q->rc == 0 &&
            fg_diag_add(diags, FG_ERROR, FG_EDATA, q->name, 0, 0,
                        FG_NO_OFFSET, "the query could not be run") < 0)
            rc = FG_ENOMEM;
    } else if (rasqal_query_results_is_boolean(r)) {
        int yes = rasqal_query_results_get_boolean(r);
        if (yes < 0)
            rc = q->rc < 0 ? q->rc : FG_EDATA;
        else if (q->format == FG_QUERY_JSON)
            fprintf(fp, "{\n  \"head\": {},\n  \"boolean\": %s\n}\n",
                    yes ? "true" : "false");
        else
            fputs(yes ? "true\n" : "false\n", fp);
    } else if (rasqal_query_results_is_graph(r)) {
        rc = write_graph(q, r, fp);
    } else {
        rc = write_bindings(q, r, fp);
    }
    if (r)
        rasqal_free_query_results(r);
    q->mode = MODE_QUIET;
    if (rc == 0 && q->rc < 0)
        rc = q->rc;
    if (rc == 0 && ferror(fp))
        rc = FG_EIO;
    return rc;
}
