/* Unit tests of resolve, through the public API: conflicts between
 * rules (priority, length, start, file order, overlap), phases (events
 * see the entities phase's annotations), what the kept matches become
 * in the fact graph, explain's element spans, and the examples check. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "factgraph.h"

#define NS "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">"
#define EX "<example>x</example>"

typedef struct result {
    char matches[4096]; /* "rule:first-end rule:first-end ..." */
    char roles[4096];   /* "rule.role=words ..." */
    char elements[4096];
    char *rdf;
} result;

static int sink(void *ctx, fg_analysis *a)
{
    result *r = ctx;
    size_t len;
    const char *text = fg_analysis_text(a, &len);
    for (size_t i = 0; i < fg_analysis_match_count(a); i++) {
        const fg_match_info *m = fg_analysis_get_match(a, i);
        snprintf(r->matches + strlen(r->matches),
                 sizeof r->matches - strlen(r->matches), "%s%s:%zu-%zu",
                 i ? " " : "", m->rule, m->first_token, m->end_token);
        for (size_t k = 0; k < m->n_roles; k++) {
            const fg_token *f = fg_analysis_get_token(a, m->roles[k].first_token);
            const fg_token *l = fg_analysis_get_token(a, m->roles[k].end_token - 1);
            snprintf(r->roles + strlen(r->roles),
                     sizeof r->roles - strlen(r->roles), "%s%s.%s=%.*s",
                     r->roles[0] ? " " : "", m->rule, m->roles[k].name,
                     (int)(l->end - f->start), text + f->start);
        }
        for (size_t k = 0; k < m->n_elements; k++)
            snprintf(r->elements + strlen(r->elements),
                     sizeof r->elements - strlen(r->elements),
                     "%s%lu:%zu-%zu", r->elements[0] ? " " : "",
                     m->elements[k].line, m->elements[k].first_token,
                     m->elements[k].end_token);
    }
    const char *bytes;
    assert_int_equal(fg_analysis_rdf(a, &bytes, &len), 0);
    r->rdf = test_malloc(len + 1);
    memcpy(r->rdf, bytes, len);
    r->rdf[len] = '\0';
    return 0;
}

/* Loads rules (the body of <rules>), runs text through them. */
static void run(const char *body, const char *text, int explain, result *r)
{
    memset(r, 0, sizeof *r);
    char path[] = "/tmp/fg-test-resolve-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fprintf(fp, NS "%s</rules>\n", body);
    fclose(fp);
    fg_config *cfg;
    fg_diag_list *d;
    fg_engine *e = NULL;
    fg_worker *w = NULL;
    fg_doc *doc = NULL;
    assert_int_equal(fg_config_new(&cfg), 0);
    assert_int_equal(fg_diag_list_new(&d), 0);
    fg_config_set_datadir(cfg, srcdir());
    fg_config_set_format(cfg, FG_FORMAT_NTRIPLES);
    assert_int_equal(fg_config_add_rules(cfg, path), 0);
    fg_config_set_explain(cfg, explain);
    int rc = fg_engine_new(&e, cfg, d);
    for (size_t i = 0; i < fg_diag_list_count(d); i++)
        fg_diag_write(fg_diag_list_get(d, i), stderr);
    unlink(path);
    assert_int_equal(rc, 0);
    assert_int_equal(fg_worker_new(&w, e), 0);
    assert_int_equal(fg_doc_new(&doc, "d", text, strlen(text)), 0);
    fg_sink s = {r, sink};
    assert_int_equal(fg_engine_process(e, w, doc, &s, d), 0);
    fg_doc_free(doc);
    fg_worker_free(w);
    fg_engine_free(e);
    fg_diag_list_free(d);
    fg_config_free(cfg);
}

static void done(result *r) { test_free(r->rdf); }

#define RULE(id, attrs, pattern)                                             \
    "<rule id=\"" id "\" class=\"dpo:Meeting\" " attrs "><pattern>" pattern \
    "</pattern>" EX "</rule>"

/* Tokens: 0 Merz 1 traf 2 sich 3 mit 4 Macron 5 . */
static const char *TEXT = "Merz traf sich mit Macron.";

static void test_conflicts(void **state)
{
    (void)state;
    result r;
    /* Priority first, whatever the length. */
    run(RULE("long", "priority=\"10\"", "<token form=\"traf\"/><token form=\"sich\"/>")
        RULE("short", "priority=\"20\"", "<token form=\"traf\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "short:1-2");
    done(&r);
    /* Then the longer match. */
    run(RULE("short", "", "<token form=\"traf\"/>")
        RULE("long", "", "<token form=\"traf\"/><token form=\"sich\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "long:1-3");
    done(&r);
    /* Then the earlier start. */
    run(RULE("late", "", "<token form=\"sich\"/><token form=\"mit\"/>")
        RULE("early", "", "<token form=\"traf\"/><token form=\"sich\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "early:1-3");
    done(&r);
    /* Then the file order. */
    run(RULE("first", "", "<token form=\"traf\"/>")
        RULE("second", "", "<token form=\"traf\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "first:1-2");
    done(&r);
    /* A rule that allows overlaps keeps its match. */
    run(RULE("first", "", "<token form=\"traf\"/>")
        RULE("second", "overlap=\"true\"", "<token form=\"traf\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "first:1-2 second:1-2");
    done(&r);
    /* Matches that do not overlap all stay, in document order. */
    run(RULE("a", "", "<token form=\"Macron\"/>")
        RULE("b", "", "<token form=\"Merz\"/>"),
        TEXT, 0, &r);
    assert_string_equal(r.matches, "b:0-1 a:4-5");
    done(&r);
}

static void test_phases_and_output(void **state)
{
    (void)state;
    result r;
    run("<rule id=\"person\" class=\"dpo:Person\"><pattern><token "
        "form=\"Merz Macron\" role=\"name\"/></pattern>" EX "</rule>"
        "<rule id=\"meet\" class=\"dpo:Meeting\"><pattern>"
        "<annot type=\"Person\" role=\"agent\"/>"
        "<token form=\"traf\" role=\"trigger\"/><token form=\"sich\"/>"
        "<skip max=\"2\"/><annot type=\"Person\" role=\"participant\"/>"
        "</pattern><output certainty=\"Probable\" status=\"Planned\">"
        "<role name=\"location\" class=\"dpo:Place\">Paris</role>"
        "<role name=\"time\" datatype=\"xsd:gYear\">2025</role></output>" EX
        "</rule>",
        TEXT, 0, &r);
    assert_string_equal(r.matches, "person:0-1 person:4-5 meet:0-5");
    assert_string_equal(r.roles, "person.name=Merz person.name=Macron "
                                 "meet.agent=Merz meet.trigger=traf "
                                 "meet.participant=Macron");
    /* The roles point to the entities of the entities phase (named by
     * the gazetteer of people's labels). */
    const char *base = "https://w3id.org/factgraph/";
    char want[512];
    snprintf(want, sizeof want,
             "<%sdpo#agent> <%sdata/entity/Person/Friedrich_Merz> .", base,
             base);
    assert_non_null(strstr(r.rdf, want));
    snprintf(want, sizeof want,
             "<%sdpo#participant> <%sdata/entity/Person/Emmanuel_Macron> .",
             base, base);
    assert_non_null(strstr(r.rdf, want));
    snprintf(want, sizeof want,
             "<%sdpo#location> <%sdata/entity/Place/Paris> .", base, base);
    assert_non_null(strstr(r.rdf, want));
    assert_non_null(strstr(r.rdf, "\"2025\"^^<http://www.w3.org/2001/"
                                  "XMLSchema#gYear>"));
    assert_non_null(strstr(r.rdf, "dpo#Probable>"));
    assert_non_null(strstr(r.rdf, "dpo#Planned>"));
    assert_non_null(strstr(r.rdf, "<https://w3id.org/factgraph/dpo#rule> "
                                  "\"meet\""));
    done(&r);
}

static void test_groups_and_values(void **state)
{
    (void)state;
    result r;
    run("<rule id=\"g\" class=\"dpo:Group\"><pattern><capture role=\"count\">"
        "<token flags=\"number\"/></capture><token flags=\"capitalised\"/>"
        "<opt><token form=\"aus\"/><capture role=\"from\"><token "
        "flags=\"number\"/><token flags=\"capitalised\"/></capture></opt>"
        "</pattern><output qualifier=\"About\"/>" EX "</rule>"
        "<rule id=\"send\" class=\"dpo:Deployment\"><pattern>"
        "<token form=\"schickt\" role=\"trigger\"/>"
        "<capture role=\"theme\"><annot type=\"Group\"/></capture>"
        "<token form=\"nach\"/><token flags=\"capitalised\" "
        "role=\"location\"/></pattern>" EX "</rule>",
        "Polen schickt 2.500 Soldaten aus 12 Einheiten nach Litauen.", 0, &r);
    assert_string_equal(r.matches, "g:2-7 send:1-9");
    assert_non_null(strstr(r.rdf, "dpo#count> \"2500\"^^<http://www.w3.org/"
                                  "2001/XMLSchema#integer>"));
    assert_non_null(strstr(r.rdf, "dpo#countQualifier> "
                                  "<https://w3id.org/factgraph/dpo#About>"));
    assert_non_null(strstr(r.rdf, "\"12 Einheiten\"@de"));
    /* A capture without an annotation becomes a group with its words. */
    assert_non_null(strstr(r.rdf, "\"Litauen\"@de"));
    done(&r);
}

/* A captured time that is a date or year becomes a literal; other words
 * are left to the time-expression stage, and the document goes on. */
static void test_time(void **state)
{
    (void)state;
    result r;
    const char *rules =
        "<rule id=\"t\" class=\"dpo:Meeting\"><pattern>"
        "<token form=\"traf\" role=\"trigger\"/><token form=\"sich\"/>"
        "<token role=\"time\"/></pattern>" EX "</rule>";
    run(rules, "Merz traf sich 2025. Merz traf sich 11.7.2023. Merz traf "
               "sich gestern.",
        0, &r);
    assert_string_equal(r.matches, "t:1-4 t:6-9 t:11-14");
    assert_non_null(strstr(r.rdf, "dpo#time> \"2025\"^^<http://www.w3.org/"
                                  "2001/XMLSchema#gYear>"));
    assert_non_null(strstr(r.rdf, "dpo#time> \"2023-07-11\"^^<http://www."
                                  "w3.org/2001/XMLSchema#date>"));
    assert_null(strstr(r.rdf, "gestern\"@de"));
    done(&r);
}

/* The same name in NFD and in NFC is one entity, keyed and labelled in
 * NFC. */
static void test_entity_keys_nfc(void **state)
{
    (void)state;
    result r;
    run("<rule id=\"p\" class=\"dpo:Person\"><pattern><token form=\"Herr\"/>"
        "<token flags=\"capitalised\" role=\"name\"/></pattern>" EX "</rule>",
        "Herr Mu\xcc\x88ller kam. Herr M\xc3\xbcller ging.", 0, &r);
    assert_string_equal(r.matches, "p:0-2 p:4-6");
    const char *label = "<https://w3id.org/factgraph/data/entity/Person/"
                        "M%C3%BCller> <http://www.w3.org/2000/01/rdf-schema#"
                        "label> \"M\\u00FCller\"@de .";
    const char *at = strstr(r.rdf, label);
    assert_non_null(at);
    assert_null(strstr(at + 1, label));
    done(&r);
}

static void test_explain_elements(void **state)
{
    (void)state;
    result r;
    run("\n<rule id=\"e\" class=\"dpo:Meeting\"><pattern>\n"
        "<token form=\"traf\"/>\n<skip max=\"3\"/>\n<token form=\"Macron\"/>\n"
        "</pattern>" EX "</rule>",
        TEXT, 1, &r);
    /* Lines 3, 4, 5: the trigger, the gap (two tokens), Macron. */
    assert_string_equal(r.elements, "3:1-2 4:2-4 5:4-5");
    done(&r);
    run(RULE("e", "", "<token form=\"traf\"/>"), TEXT, 0, &r);
    assert_string_equal(r.elements, "");
    done(&r);
}

static void test_check_examples(void **state)
{
    (void)state;
    char path[] = "/tmp/fg-test-examples-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs(NS "\n<rule id=\"m\" class=\"dpo:Meeting\"><pattern>"
             "<token flags=\"capitalised\" role=\"agent\"/>"
             "<token form=\"traf\" role=\"trigger\"/></pattern>\n"
             "<example agent=\"Merz\">Merz traf Macron.</example>\n"
             "<example agent=\"Scholz\">Merz traf Macron.</example>\n"
             "<example agent=\"Merz|Macron\">Merz traf Macron.</example>\n"
             "<example agent=\"Merz|Merz\">Merz traf Macron.</example>\n"
             "<example trigger=\"traf\">Gestern schlief Merz.</example>\n"
             "<counterexample>Traf er den Ball?</counterexample>\n"
             "<counterexample>Der Pfosten traf nicht.</counterexample>\n"
             "</rule></rules>\n",
          fp);
    fclose(fp);
    fg_config *cfg;
    fg_diag_list *d;
    fg_engine *e = NULL;
    assert_int_equal(fg_config_new(&cfg), 0);
    assert_int_equal(fg_diag_list_new(&d), 0);
    fg_config_set_datadir(cfg, srcdir());
    assert_int_equal(fg_config_add_rules(cfg, path), 0);
    assert_int_equal(fg_engine_new(&e, cfg, d), 0);
    size_t passed, failed;
    assert_int_equal(fg_engine_check_examples(e, d, &passed, &failed), 0);
    assert_int_equal(passed, 2);
    assert_int_equal(failed, 5);
    char got[2048] = "";
    for (size_t i = 0; i < fg_diag_list_count(d); i++) {
        const fg_diag *g = fg_diag_list_get(d, i);
        snprintf(got + strlen(got), sizeof got - strlen(got), "%lu: %s\n",
                 g->line, g->message);
    }
    assert_string_equal(
        got, "4: rule m: expected agent \"Scholz\", got agent \"Merz\"\n"
             "5: rule m: expected agent \"Merz|Macron\", got agent \"Merz\"\n"
             "6: rule m: expected agent \"Merz|Merz\", got agent \"Merz\"\n"
             "7: rule m: expected trigger \"traf\", got no match\n"
             "9: rule m: expected no match in the counter-example, got "
             "\"Pfosten traf\"\n");
    unlink(path);
    fg_engine_free(e);
    fg_diag_list_free(d);
    fg_config_free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conflicts),
        cmocka_unit_test(test_phases_and_output),
        cmocka_unit_test(test_groups_and_values),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_entity_keys_nfc),
        cmocka_unit_test(test_explain_elements),
        cmocka_unit_test(test_check_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
