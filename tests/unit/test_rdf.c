/* Unit tests of rdf: IRIs, literals and provenance of fact graphs built by
 * hand, in every format. With FG_RDF_DUMP_DIR set, the outputs are also
 * written there for tests/rdf-validators.sh to give to serdi, rapper and
 * rdflib. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "arena.h"
#include "buf.h"
#include "facts.h"
#include "rdf.h"
#include "text.h"

#include <utf8proc.h>

#define DPO "https://w3id.org/factgraph/dpo#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define BASE "https://w3id.org/factgraph/data/"

/* A document, its text and graph, written in one format. */
typedef struct fixture {
    fg_arena arena;
    fg_graph g;
    fg_text text;
    fg_doc *doc;
    fg_buf out;
    fg_diag_list *diags;
} fixture;

static void fixture_init(fixture *f, const char *id, const char *text)
{
    fg_arena_init(&f->arena, 4096);
    fg_graph_init(&f->g, &f->arena);
    assert_int_equal(fg_doc_new(&f->doc, id, text, strlen(text)), 0);
    assert_int_equal(fg_text_repair(&f->text, fg_doc_bytes(f->doc, NULL),
                                    strlen(text), &f->arena),
                     0);
    fg_buf_init(&f->out, 1 << 24);
    fg_diag_list_new(&f->diags);
}

static void fixture_clear(fixture *f)
{
    fg_graph_clear(&f->g);
    fg_arena_clear(&f->arena);
    fg_doc_free(f->doc);
    fg_buf_clear(&f->out);
    fg_diag_list_free(f->diags);
}

static const char *write_as(fixture *f, fg_format format, unsigned flags)
{
    fg_rdf_writer *w;
    assert_int_equal(fg_rdf_writer_new(&w, format, NULL, flags), 0);
    fg_buf_reset(&f->out);
    int rc = fg_rdf_write(w, f->doc, &f->text, &f->g, &f->arena, &f->out,
                          f->diags);
    /* RDF/XML and JSON come out when the whole output is finished. */
    if (rc == 0 && (format == FG_FORMAT_RDFXML || format == FG_FORMAT_JSON))
        assert_int_equal(f->out.len, 0);
    if (rc == 0)
        rc = fg_rdf_finish(w, &f->out, f->diags);
    fg_rdf_writer_free(w);
    if (rc != 0)
        fail_msg("fg_rdf_write: %s", fg_strerror(rc));
    return f->out.data ? f->out.data : "";
}

/* Writes the output to FG_RDF_DUMP_DIR/NAME when that is set. */
static void dump(const fixture *f, const char *name)
{
    const char *dir = getenv("FG_RDF_DUMP_DIR");
    if (dir == NULL || dir[0] == '\0')
        return;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fwrite(f->out.data, 1, f->out.len, fp);
    assert_int_equal(fclose(fp), 0);
}

/* Decodes the escapes of an N-Triples literal body into out. */
static void unescape(const char *s, size_t n, fg_buf *out)
{
    fg_buf_reset(out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            fg_buf_addc(out, s[i]);
            continue;
        }
        char c = s[++i];
        if (c == 'u' || c == 'U') {
            int digits = c == 'u' ? 4 : 8;
            char hex[9] = {0};
            memcpy(hex, s + i + 1, (size_t)digits);
            i += (size_t)digits;
            unsigned char utf8[4];
            utf8proc_ssize_t len = utf8proc_encode_char(
                (utf8proc_int32_t)strtol(hex, NULL, 16), utf8);
            fg_buf_add(out, utf8, (size_t)len);
        } else {
            fg_buf_addc(out, c == 'n' ? '\n' : c == 't' ? '\t'
                             : c == 'r' ? '\r' : c);
        }
    }
}

/* The object of the first N-Triples line with this subject and predicate,
 * as written (an IRI in <>, a literal with its quotes); NULL if none. */
static char *object_of(const char *nt, const char *subject,
                       const char *predicate)
{
    char prefix[2048];
    snprintf(prefix, sizeof prefix, "<%s> <%s> ", subject, predicate);
    const char *p = nt;
    while ((p = strstr(p, prefix)) != NULL) {
        if (p == nt || p[-1] == '\n') {
            const char *o = p + strlen(prefix);
            const char *end = strstr(o, " .\n");
            char *copy = test_malloc((size_t)(end - o) + 1);
            memcpy(copy, o, (size_t)(end - o));
            copy[end - o] = '\0';
            return copy;
        }
        p++;
    }
    return NULL;
}

static void expect_object(const char *nt, const char *s, const char *p,
                          const char *want)
{
    char *got = object_of(nt, s, p);
    if (got == NULL)
        fail_msg("no <%s> <%s>", s, p);
    if (strcmp(got, want) != 0)
        fail_msg("<%s> <%s>: %s, want %s", s, p, got, want);
    test_free(got);
}

/* The text of a literal object, unescaped. */
static void literal_text(const char *object, fg_buf *out)
{
    assert_true(object[0] == '"');
    const char *end = strrchr(object, '"');
    unescape(object + 1, (size_t)(end - object - 1), out);
}

/* ------------------------------------------------------------------ */

/* The span of the first occurrence of word in text. */
static fg_span span_of(const char *text, const char *word)
{
    const char *at = strstr(text, word);
    assert_non_null(at);
    return (fg_span){(size_t)(at - text), (size_t)(at - text) + strlen(word)};
}

static const char MEETING[] =
    "In Brüssel traf sich die Koalition der Willigen. "
    "Healey erklärte, dass rund 200 Experten beteiligt seien.";

/* The graph an analyst reads from MEETING. */
static void build_meeting(fixture *f)
{
    fg_graph *g = &f->g;
    const char *t = f->text.data;
#define SPAN(word) span_of(t, word)
    uint32_t koalition, bruessel, healey, group, meeting, statement;
    fg_literal n, date;
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_ORGANIZATION,
                                         "Koalition der Willigen",
                                         "Koalition der Willigen", &koalition),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PLACE, "Brüssel",
                                         "Brüssel", &bruessel),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "John Healey",
                                         "John Healey", &healey),
                     0);
    assert_int_equal(fg_graph_add_mention(g, koalition,
                                          SPAN("Koalition der Willigen")),
                     0);
    assert_int_equal(fg_graph_add_mention(g, bruessel, SPAN("Brüssel")), 0);
    assert_int_equal(fg_graph_add_mention(g, healey, SPAN("Healey")), 0);
    assert_int_equal(fg_graph_add_group(g, "200 Experten",
                                        SPAN("rund 200 Experten"), &group),
                     0);
    assert_int_equal(fg_literal_make(g, FG_LITERAL_INTEGER, "200", &n), 0);
    assert_int_equal(fg_graph_set_count(g, group, n, FG_QUALIFIER_ABOUT), 0);
    assert_int_equal(fg_graph_add_event(g, "Meeting", "meeting.sich-treffen",
                                        SPAN("traf"), &meeting),
                     0);
    assert_int_equal(fg_graph_add_role(g, meeting, FG_ROLE_AGENT,
                                       fg_value_entity(koalition)),
                     0);
    assert_int_equal(fg_graph_add_role(g, meeting, FG_ROLE_LOCATION,
                                       fg_value_entity(bruessel)),
                     0);
    assert_int_equal(fg_literal_make(g, FG_LITERAL_DATE, "2025-03-14", &date),
                     0);
    assert_int_equal(fg_graph_add_role(g, meeting, FG_ROLE_TIME,
                                       fg_value_literal(date)),
                     0);
    assert_int_equal(fg_graph_add_evidence(
                         g, meeting, SPAN("In Brüssel traf sich die Koalition "
                                          "der Willigen.")),
                     0);
    assert_int_equal(fg_graph_add_event(g, "Statement", "statement.erklaeren",
                                        SPAN("erklärte"), &statement),
                     0);
    assert_int_equal(fg_graph_add_role(g, statement, FG_ROLE_AGENT,
                                       fg_value_entity(healey)),
                     0);
    assert_int_equal(fg_graph_add_role(g, statement, FG_ROLE_TOPIC,
                                       fg_value_event(meeting)),
                     0);
    fg_literal words;
    assert_int_equal(fg_literal_make(g, FG_LITERAL_STRING, "am Montag",
                                     &words),
                     0);
    assert_int_equal(fg_graph_add_role(g, statement, FG_ROLE_TIME,
                                       fg_value_literal(words)),
                     0);
    assert_int_equal(fg_graph_set_factuality(g, statement, FG_POSITIVE,
                                             FG_CERTAIN, FG_PAST),
                     0);
    assert_int_equal(fg_graph_add_evidence(g, statement,
                                           SPAN("Healey erklärte, dass rund "
                                                "200 Experten beteiligt "
                                                "seien.")),
                     0);
#undef SPAN
}

/* The IRI of the first node of rdf:type dpo:CLS. */
static char *node_of_type(const char *nt, const char *cls)
{
    char needle[256];
    snprintf(needle, sizeof needle,
             "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" DPO
             "%s> .\n",
             cls);
    const char *p = strstr(nt, needle);
    assert_non_null(p);
    const char *start = p;
    while (start > nt && start[-1] != '\n')
        start--;
    char *iri = test_malloc((size_t)(p - start));
    memcpy(iri, start + 1, (size_t)(p - start - 1));
    iri[p - start - 1] = '\0';
    return iri;
}

static void test_meeting(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f, "news/2025-03-14 Brüssel.txt", MEETING);
    assert_int_equal(fg_doc_set_date(f.doc, "2025-03-14"), 0);
    assert_int_equal(fg_doc_set_title(f.doc, "Treffen in \"Brüssel\""), 0);
    build_meeting(&f);
    const char *nt = write_as(&f, FG_FORMAT_NTRIPLES, 0);
    dump(&f, "meeting.nt");

    const char *doc = BASE "news%2F2025-03-14%20Br%C3%BCssel.txt";
    expect_object(nt, doc, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                  "<" NIF "Context>");
    expect_object(nt, doc, "http://purl.org/dc/terms/date",
                  "\"2025-03-14\"^^<http://www.w3.org/2001/XMLSchema#date>");
    expect_object(nt, doc, NIF "beginIndex",
                  "\"0\"^^<http://www.w3.org/2001/XMLSchema#"
                  "nonNegativeInteger>");
    fg_buf lit;
    fg_buf_init(&lit, 1 << 20);
    char *s = object_of(nt, doc, NIF "isString");
    literal_text(s, &lit);
    assert_string_equal(lit.data, MEETING);
    test_free(s);
    s = object_of(nt, doc, "http://purl.org/dc/terms/title");
    literal_text(s, &lit);
    assert_string_equal(lit.data, "Treffen in \"Brüssel\"");
    test_free(s);

    /* Entities: shared IRIs, labels in German, mentions. */
    const char *healey = BASE "entity/Person/John_Healey";
    expect_object(nt, healey, "http://www.w3.org/2000/01/rdf-schema#label",
                  "\"John Healey\"@de");
    expect_object(nt, BASE "entity/Place/Br%C3%BCssel",
                  "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                  "<" DPO "Place>");

    /* The meeting: roles, factuality, provenance. */
    char *meeting = node_of_type(nt, "Meeting");
    assert_non_null(strstr(meeting, "#event-"));
    assert_int_equal(strncmp(meeting, doc, strlen(doc)), 0);
    expect_object(nt, meeting, DPO "agent",
                  "<" BASE "entity/Organization/Koalition_der_Willigen>");
    expect_object(nt, meeting, DPO "time",
                  "\"2025-03-14\"^^<http://www.w3.org/2001/XMLSchema#date>");
    expect_object(nt, meeting, DPO "timePrecision", "<" DPO "Day>");
    expect_object(nt, meeting, DPO "polarity", "<" DPO "Positive>");
    expect_object(nt, meeting, DPO "certainty", "<" DPO "Certain>");
    expect_object(nt, meeting, DPO "status", "<" DPO "Past>");
    expect_object(nt, meeting, DPO "rule",
                  "\"meeting.sich-treffen\"^^<http://www.w3.org/2001/"
                  "XMLSchema#string>");
    char want[512];
    snprintf(want, sizeof want, "<%s>", doc);
    expect_object(nt, meeting, "http://www.w3.org/ns/prov#wasDerivedFrom",
                  want);
    /* Evidence: the sentence, in code points: "In Brüssel ... Willigen."
     * is 48 code points (ü is one). */
    snprintf(want, sizeof want, "<%s#char=0,48>", doc);
    expect_object(nt, meeting, DPO "evidence", want);
    snprintf(want, sizeof want, "%s#char=0,48", doc);
    s = object_of(nt, want, NIF "anchorOf");
    literal_text(s, &lit);
    assert_string_equal(lit.data,
                        "In Brüssel traf sich die Koalition der Willigen.");
    test_free(s);
    snprintf(want, sizeof want, "<%s>", doc);
    char evidence[512];
    snprintf(evidence, sizeof evidence, "%s#char=0,48", doc);
    expect_object(nt, evidence, NIF "referenceContext", want);
    snprintf(want, sizeof want, "<%s#char=11,15>", doc);
    expect_object(nt, meeting, DPO "trigger", want);

    /* The statement's topic is the meeting event. */
    char *statement = node_of_type(nt, "Statement");
    snprintf(want, sizeof want, "<%s>", meeting);
    expect_object(nt, statement, DPO "topic", want);
    /* An unresolved time keeps its words, without a precision. */
    expect_object(nt, statement, DPO "timeText",
                  "\"am Montag\"^^<http://www.w3.org/2001/XMLSchema#string>");
    snprintf(want, sizeof want, "<%s> <" DPO "timePrecision>", statement);
    assert_null(strstr(nt, want));
    char *group = node_of_type(nt, "Group");
    expect_object(nt, group, DPO "count",
                  "\"200\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    expect_object(nt, group, DPO "countQualifier", "<" DPO "About>");

    /* Deterministic: the same graph gives the same bytes. */
    char *first = test_malloc(f.out.len + 1);
    memcpy(first, nt, f.out.len + 1);
    assert_string_equal(write_as(&f, FG_FORMAT_NTRIPLES, 0), first);
    test_free(first);

    /* N-Quads: every statement in the document's graph. */
    const char *nq = write_as(&f, FG_FORMAT_NQUADS, 0);
    dump(&f, "meeting.nq");
    snprintf(want, sizeof want, " <%s> .\n", doc);
    size_t lines = 0, in_graph = 0;
    for (const char *p = nq; *p; p = strchr(p, '\n') + 1) {
        lines++;
        const char *eol = strchr(p, '\n');
        size_t wl = strlen(want);
        in_graph += (size_t)(eol - p) + 1 >= wl &&
                    memcmp(eol + 1 - wl, want, wl) == 0;
    }
    assert_true(lines > 40);
    assert_int_equal(in_graph, lines);

    /* Without the context text. */
    const char *bare = write_as(&f, FG_FORMAT_NTRIPLES, FG_RDF_NO_CONTEXT_TEXT);
    assert_null(strstr(bare, NIF "isString"));
    assert_non_null(strstr(bare, NIF "anchorOf"));

    /* The other formats. */
    const char *ttl = write_as(&f, FG_FORMAT_TURTLE, 0);
    assert_non_null(strstr(ttl, "@prefix dpo: <" DPO "> ."));
    assert_non_null(strstr(ttl, "dpo:Meeting"));
    dump(&f, "meeting.ttl");
    assert_non_null(strstr(write_as(&f, FG_FORMAT_RDFXML, 0), "<rdf:RDF"));
    dump(&f, "meeting.rdf");
    assert_non_null(strstr(write_as(&f, FG_FORMAT_JSON, 0), "\"" DPO "agent\""));
    dump(&f, "meeting.json");
    assert_int_equal(fg_diag_list_count(f.diags), 0);

    test_free(meeting);
    test_free(statement);
    test_free(group);
    fg_buf_clear(&lit);
    fixture_clear(&f);
}

/* NIF offsets count code points of the NFC text, also for decomposed
 * input, and every anchor is the slice of nif:isString. */
static void test_nfd_offsets(void **state)
{
    (void)state;
    /* "Müller traf Pütin in Brüssel." with u + U+0308 */
    const char *nfd = "Mu\xCC\x88ller traf Pu\xCC\x88tin in Bru\xCC\x88ssel.";
    fixture f;
    fixture_init(&f, "nfd", nfd);
    const char *t = f.text.data;
    uint32_t muller, ev;
    assert_int_equal(fg_graph_add_entity(&f.g, FG_ENTITY_PERSON, "Müller",
                                         "Müller", &muller),
                     0);
    fg_span pu = {(size_t)(strstr(t, "Pu") - t),
                  (size_t)(strstr(t, "tin") - t) + 3};
    assert_int_equal(fg_graph_add_mention(&f.g, muller, (fg_span){0, 8}), 0);
    assert_int_equal(fg_graph_add_event(&f.g, "Meeting", "r",
                                        (fg_span){9, 13}, &ev),
                     0);
    assert_int_equal(fg_graph_add_evidence(&f.g, ev, pu), 0);
    const char *nt = write_as(&f, FG_FORMAT_NTRIPLES, 0);
    dump(&f, "nfd.nt");
    fg_buf lit;
    fg_buf_init(&lit, 1 << 20);
    char *s = object_of(nt, BASE "nfd", NIF "isString");
    literal_text(s, &lit);
    assert_string_equal(lit.data, "Müller traf Pütin in Brüssel.");
    test_free(s);
    struct {
        const char *iri, *anchor;
    } spans[] = {{BASE "nfd#char=0,6", "Müller"},
                 {BASE "nfd#char=7,11", "traf"},
                 {BASE "nfd#char=12,17", "Pütin"}};
    for (size_t i = 0; i < 3; i++) {
        s = object_of(nt, spans[i].iri, NIF "anchorOf");
        if (s == NULL)
            fail_msg("no NIF string %s", spans[i].iri);
        literal_text(s, &lit);
        assert_string_equal(lit.data, spans[i].anchor);
        test_free(s);
    }
    fg_buf_clear(&lit);
    fixture_clear(&f);
}

/* Names and texts that break naive writers: every IRI is percent-encoded
 * to unreserved ASCII, every literal valid. */
static void test_hostile(void **state)
{
    (void)state;
    const char *text = "Text mit \x01 Steuerzeichen, \xEF\xBF\xBE und "
                       "\"Zitaten\" \\ <Klammern> {x} 😀.";
    fixture f;
    fixture_init(&f, "id mit <>\"{}|\\^` und 😀 \xFF", text);
    static const char *const names[] = {
        "Name mit Leerzeichen", "\"Anführungszeichen\"", "<spitz>",
        "Back\\slash",          "{geschweift}",          "Umlaut Größe",
        "Emoji 😀",             "Pipe|Caret^Backtick`",  "bad \xC3 utf8",
        "Prozent %41",          "#hash?query&a=b",       "tab\there",
        "Name_mit_Leerzeichen"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        uint32_t e;
        assert_int_equal(fg_graph_add_entity(&f.g, FG_ENTITY_ORGANIZATION,
                                             names[i], names[i], &e),
                         0);
        assert_int_equal(fg_graph_add_mention(&f.g, e, (fg_span){0, 4}), 0);
    }
    uint32_t ev;
    assert_int_equal(fg_graph_add_event(&f.g, "Statement", "rule \"x\" <y>",
                                        (fg_span){0, 4}, &ev),
                     0);
    assert_int_equal(fg_graph_add_evidence(&f.g, ev,
                                           (fg_span){0, f.text.len}),
                     0);
    const char *formats[] = {"hostile.ttl", "hostile.nt", "hostile.nq",
                             "hostile.rdf", "hostile.json"};
    for (int fmt = FG_FORMAT_TURTLE; fmt <= FG_FORMAT_JSON; fmt++) {
        const char *out = write_as(&f, (fg_format)fmt, 0);
        assert_true(strlen(out) > 100);
        dump(&f, formats[fmt]);
    }
    /* JSON has no \U escapes (Raptor writes them): surrogate pairs. */
    const char *json = write_as(&f, FG_FORMAT_JSON, 0);
    assert_null(strstr(json, "\\U0001F600"));
    assert_non_null(strstr(json, "\\uD83D\\uDE00"));
    /* In N-Triples, every IRI is unreserved ASCII with : / # % = , only. */
    const char *nt = write_as(&f, FG_FORMAT_NTRIPLES, 0);
    for (const char *p = nt; (p = strchr(p, '<')) != NULL;) {
        const char *end = strchr(p, '>');
        for (const char *c = p + 1; c < end; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
                  (*c >= '0' && *c <= '9') || strchr("-._~:/#%=,", *c)))
                fail_msg("IRI character '%c' in %.*s", *c, (int)(end - p + 1),
                         p);
        /* Skip literals: they may contain < */
        p = end + 1;
        const char *q = strchr(p, '"'), *nl = strchr(p, '\n');
        if (q && nl && q < nl) {
            /* the rest of this line is a literal */
            p = nl;
        }
    }
    /* A space and an underscore stay apart. */
    assert_non_null(strstr(nt, "/entity/Organization/Name_mit_Leerzeichen>"));
    assert_non_null(
        strstr(nt, "/entity/Organization/Name%5Fmit%5FLeerzeichen>"));
    /* Control characters and noncharacters do not reach the output. */
    assert_null(strstr(nt, "\\u0001"));
    assert_null(strstr(nt, "\\uFFFE"));
    assert_int_equal(fg_diag_list_count(f.diags), 0);
    fixture_clear(&f);
}

/* The example article with a fact graph built by hand (until the rules
 * exist): the meeting in Brussels and Healey's statement. Dumped for the
 * triple-store tests (tests/integration/triplestores.sh). */
static void test_example_article(void **state)
{
    (void)state;
    FILE *fp = fopen(src_path("examples/koalition-der-willigen.txt"), "rb");
    assert_non_null(fp);
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[n] = '\0';
    fixture f;
    fixture_init(&f, "koalition-der-willigen", text);
    assert_int_equal(fg_doc_set_title(f.doc, "Koalition der Willigen"), 0);
    fg_graph *g = &f.g;
    const char *t = f.text.data;
#define AT(word) span_of(t, word)
    uint32_t koalition, bruessel, nato, healey, minister, uk, meeting, stmt;
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_ORGANIZATION,
                                         "Koalition der Willigen",
                                         "Koalition der Willigen", &koalition),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PLACE, "Brüssel",
                                         "Brüssel", &bruessel),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_ORGANIZATION, "NATO",
                                         "NATO", &nato),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "John Healey",
                                         "John Healey", &healey),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_OFFICE,
                                         "Verteidigungsminister",
                                         "Verteidigungsminister", &minister),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_COUNTRY,
                                         "Vereinigtes Königreich",
                                         "Vereinigtes Königreich", &uk),
                     0);
    assert_int_equal(fg_graph_add_mention(g, koalition,
                                          AT("Koalition der Willigen")),
                     0);
    assert_int_equal(fg_graph_add_mention(g, bruessel, AT("Brüssel")), 0);
    assert_int_equal(fg_graph_add_mention(g, nato, AT("NATO")), 0);
    assert_int_equal(fg_graph_add_mention(g, healey, AT("John Healey")), 0);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_HOLDS_OFFICE,
                                       fg_value_entity(minister)),
                     0);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_AFFILIATION,
                                       fg_value_entity(uk)),
                     0);
    assert_int_equal(fg_graph_add_event(g, "Meeting", "meeting.sich-treffen",
                                        AT("traf"), &meeting),
                     0);
    assert_int_equal(fg_graph_add_role(g, meeting, FG_ROLE_AGENT,
                                       fg_value_entity(koalition)),
                     0);
    assert_int_equal(fg_graph_add_role(g, meeting, FG_ROLE_LOCATION,
                                       fg_value_entity(bruessel)),
                     0);
    size_t end = (size_t)(strstr(t, "beraten.") - t) + 8;
    assert_int_equal(fg_graph_add_evidence(g, meeting, (fg_span){0, end}), 0);
    assert_int_equal(fg_graph_add_event(g, "Statement", "statement.erklaeren",
                                        AT("erklärte"), &stmt),
                     0);
    assert_int_equal(fg_graph_add_role(g, stmt, FG_ROLE_AGENT,
                                       fg_value_entity(healey)),
                     0);
    size_t from = (size_t)(strstr(t, "Healey erklärte") - t);
    size_t to = (size_t)(strstr(t, "Seewege.") - t) + 8;
    assert_int_equal(fg_graph_add_evidence(g, stmt, (fg_span){from, to}), 0);
#undef AT
    const char *nt = write_as(&f, FG_FORMAT_NTRIPLES, 0);
    /* The first sentence is the meeting's evidence, in code points. */
    assert_non_null(strstr(nt, "/koalition-der-willigen#char=0,"));
    dump(&f, "example.nt");
    write_as(&f, FG_FORMAT_NQUADS, 0);
    dump(&f, "example.nq");
    write_as(&f, FG_FORMAT_TURTLE, 0);
    dump(&f, "example.ttl");
    assert_int_equal(fg_diag_list_count(f.diags), 0);
    fixture_clear(&f);
}

static void test_helpers(void **state)
{
    (void)state;
    fg_buf b;
    fg_buf_init(&b, 1024);
    assert_int_equal(fg_rdf_percent_encode(&b, "a b/ü~-._", 10), 0);
    assert_string_equal(b.data, "a%20b%2F%C3%BC~-._");
    fg_buf_clear(&b);
    assert_true(fg_rdf_valid_language("de"));
    assert_true(fg_rdf_valid_language("de-DE"));
    assert_true(fg_rdf_valid_language("de-CH-1996"));
    assert_true(fg_rdf_valid_language("sr-Latn-RS"));
    assert_false(fg_rdf_valid_language("de_DE"));
    assert_false(fg_rdf_valid_language("de DE"));
    assert_false(fg_rdf_valid_language(""));
    assert_false(fg_rdf_valid_language("d"));
    assert_false(fg_rdf_valid_language("de-"));
    assert_false(fg_rdf_valid_language("deutsch-123456789"));
    assert_int_equal(fg_format_from_name("nquads"), FG_FORMAT_NQUADS);
    assert_int_equal(fg_format_from_name("n3"), -1);
    assert_string_equal(fg_format_name(FG_FORMAT_RDFXML), "rdfxml");
    fg_rdf_writer *w;
    assert_int_equal(fg_rdf_writer_new(&w, FG_FORMAT_TURTLE, "relative/", 0),
                     FG_EINVAL);
    assert_int_equal(fg_rdf_writer_new(&w, FG_FORMAT_TURTLE,
                                       "http://x.org/a b/", 0),
                     FG_EINVAL);
    assert_int_equal(fg_rdf_writer_new(&w, FG_FORMAT_TURTLE, "http://x.org/a",
                                       0),
                     FG_EINVAL);
    assert_int_equal(fg_rdf_writer_new(&w, FG_FORMAT_TURTLE,
                                       "urn:example:news#", 0),
                     0);
    fg_rdf_writer_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_helpers),
        cmocka_unit_test(test_meeting),
        cmocka_unit_test(test_nfd_offsets),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_example_article),
    };
    return cmocka_run_group_tests_name("rdf", tests, NULL, NULL);
}
