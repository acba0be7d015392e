/* Unit tests of rules and compile: loading rule files, and every load
 * error in the one diagnostic format, with its line; DTDs and external
 * entities are never loaded and entity bombs are refused. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "compile.h"
#include "ontology.h"

static fg_ontology *ontology;
static char dir[64];

static int setup(void **state)
{
    (void)state;
    fg_diag_list *d;
    if (fg_diag_list_new(&d) < 0)
        return -1;
    int rc = fg_ontology_load(&ontology,
                              src_path("ontologies/defence-policy.ttl"), NULL,
                              d);
    fg_diag_list_free(d);
    snprintf(dir, sizeof dir, "/tmp/fg-test-rules-XXXXXX");
    if (rc < 0 || mkdtemp(dir) == NULL)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fg_ontology_free(ontology);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes dir/name. */
static const char *put(const char *name, const char *content)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
    return path;
}

#define NS "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">"
#define EX "<example>x</example>"

/* Loads path; returns the load's result and every diagnostic, one per
 * line, as FILE:LINE: MESSAGE with FILE relative to dir. */
static int explaining; /* load the packs for explaining */

static int load_path(const char *path, char *out, size_t len)
{
    char schema[4096];
    snprintf(schema, sizeof schema, "%s", src_path("rules/factgraph-rules.rng"));
    const char *paths[] = {path};
    fg_rules_source src = {paths, 1, schema, ontology, NULL, explaining};
    fg_diag_list *d;
    assert_int_equal(fg_diag_list_new(&d), 0);
    fg_pack *p = NULL;
    int rc = fg_pack_load(&p, &src, d);
    out[0] = '\0';
    for (size_t i = 0; i < fg_diag_list_count(d); i++) {
        const fg_diag *g = fg_diag_list_get(d, i);
        const char *file = g->file;
        if (strncmp(file, dir, strlen(dir)) == 0)
            file += strlen(dir) + 1;
        snprintf(out + strlen(out), len - strlen(out), "%s:%lu: %s\n", file,
                 g->line, g->message);
    }
    fg_diag_list_free(d);
    fg_pack_free(p);
    assert_true(rc == 0 ? p != NULL : p == NULL);
    return rc;
}

static char diags[16384];

/* Loads content as r.xml and expects an error whose text contains want. */
static void expect_error(const char *content, const char *want)
{
    const char *path = put("r.xml", content);
    int rc = load_path(path, diags, sizeof diags);
    if (rc != FG_EDATA || strstr(diags, want) == NULL)
        fail_msg("want FG_EDATA and \"%s\", got %d and:\n%s", want, rc,
                 diags);
}

static void test_valid(void **state)
{
    (void)state;
    const char *path = put(
        "ok.xml", NS "<macro name=\"m\"><token form=\"a\"/></macro>"
                     "<rule id=\"a\" class=\"dpo:Meeting\" priority=\"70\" "
                     "overlap=\"true\"><pattern><use macro=\"m\"/>"
                     "</pattern><output certainty=\"Probable\">"
                     "<role name=\"location\" class=\"dpo:Place\">Brüssel"
                     "</role></output>" EX
                     "<counterexample>y</counterexample></rule>"
                     "<rule id=\"p\" class=\"dpo:Person\"><pattern><token "
                     "flags=\"capitalised\"/></pattern>" EX "</rule></rules>");
    assert_int_equal(load_path(path, diags, sizeof diags), 0);
    assert_string_equal(diags, "");
}

static void test_xml_errors(void **state)
{
    (void)state;
    /* Malformed XML: the line and the parser's message. */
    expect_error(NS "\n<rule id=\"a\" class=\"dpo:Meeting\">\n<pattern>"
                    "<token form=\"a\"></pattern></rule></rules>",
                 "r.xml:3: Opening and ending tag mismatch");
    expect_error("<rules><rule/></rules>",
                 "expected the root element <rules> in namespace");
    expect_error(NS "<regel/></rules>",
                 "unexpected <regel> in <rules>; expected <rule>, <macro> or "
                 "<include>");
    /* Structure: factgraph's own message names what was expected. */
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><tokn/>"
                    "</pattern>" EX "</rule></rules>",
                 "unexpected <tokn> in <pattern>; expected a pattern element");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\">" EX "</rule></rules>",
                 "rule a: expected <pattern> first");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
                    "form=\"a\" colour=\"red\"/></pattern>" EX "</rule></rules>",
                 "<token>: unknown attribute 'colour'");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
                    "form=\"a\"/></pattern></rule></rules>",
                 "rule a: expected at least one <example>");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\" priority=\"high\">"
                    "<pattern><token/></pattern>" EX "</rule></rules>",
                 "priority must be an integer from 0 to 1000, not 'high'");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
                    "flags=\"shiny\"/></pattern>" EX "</rule></rules>",
                 "unknown flag 'shiny'");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><annot "
                    "type=\"Country\" tags=\"shiny\"/></pattern>" EX
                    "</rule></rules>",
                 "unknown tag 'shiny'");
}

static void test_dtd_refused(void **state)
{
    (void)state;
    /* An external entity: refused before it could be read. */
    put("secret.txt", "TOP-SECRET-CONTENT");
    char xxe[1024];
    snprintf(xxe, sizeof xxe,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM "
             "\"file://%s/secret.txt\">]>\n" NS
             "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
             "form=\"&x;\"/></pattern>" EX "</rule></rules>",
             dir);
    expect_error(xxe, "DOCTYPE is not allowed in rule files");
    assert_null(strstr(diags, "TOP-SECRET"));
    /* An external DTD is never fetched either. */
    expect_error("<!DOCTYPE rules SYSTEM \"http://example.invalid/x.dtd\">\n"
                 NS "</rules>",
                 "DOCTYPE is not allowed");
    /* A billion laughs: refused at once, nothing expanded. */
    char bomb[4096] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [\n"
                      "<!ENTITY a0 \"lol\">\n";
    for (int i = 1; i < 10; i++)
        snprintf(bomb + strlen(bomb), sizeof bomb - strlen(bomb),
                 "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;"
                 "&a%d;&a%d;\">\n",
                 i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                 i - 1, i - 1);
    strcat(bomb, "]>\n" NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern>"
                 "<token form=\"&a9;\"/></pattern>" EX "</rule></rules>");
    expect_error(bomb, "DOCTYPE is not allowed");
}

/* Rule files are UTF-8: another encoding is refused before libxml2
 * converts it (it prints conversion errors instead of reporting them),
 * and invalid UTF-8 is one diagnostic of one line. */
static void test_encodings(void **state)
{
    (void)state;
    const char *want = "r.xml:1: rule files must be UTF-8";
    expect_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" NS
                 "</rules>",
                 want);
    expect_error("<?xml version='1.0' encoding = 'UTF-16'?>" NS "</rules>",
                 want);
    expect_error("\xFF\xFE<\0r\0", want);
    const char *path = put("ok8.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                                      NS "</rules>");
    assert_int_equal(load_path(path, diags, sizeof diags), 0);
    expect_error("<?xml version=\"1.0\"?>\n" NS "<rule id=\"a\" "
                 "class=\"dpo:Meeting\"><pattern><token form=\"Stra\xDF"
                 "e\"/></pattern>" EX "</rule></rules>",
                 "r.xml:2: Input is not proper UTF-8");
    assert_ptr_equal(strchr(diags, '\n'), diags + strlen(diags) - 1);
}

static void test_rule_errors(void **state)
{
    (void)state;
    expect_error(NS "<rule id=\"a\" class=\"dpo:Banquet\"><pattern><token/>"
                    "</pattern>" EX "</rule></rules>",
                 "unknown class 'dpo:Banquet' (not in the ontology)");
    expect_error(NS "<rule id=\"a\" class=\"owl:Thing\"><pattern><token/>"
                    "</pattern>" EX "</rule></rules>",
                 "class 'owl:Thing' is not in the dpo: namespace");
    expect_error(NS "<rule id=\"a\" class=\"dpo:TimePrecision\"><pattern>"
                    "<token/></pattern>" EX "</rule></rules>",
                 "neither an event class nor a class of actors");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\" phase=\"entities\">"
                    "<pattern><token/></pattern>" EX "</rule></rules>",
                 "rule a: class 'dpo:Meeting' belongs in the events phase");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern>"
                    "<capture role=\"villain\"><token/></capture></pattern>" EX
                    "</rule></rules>",
                 "unknown role 'villain'");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern><example agnet=\"x\">x</example></rule></rules>",
                 "<example>: unknown role 'agnet'");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><use "
                    "macro=\"later\"/></pattern>" EX "</rule>"
                    "<macro name=\"later\"><token/></macro></rules>",
                 "unknown macro 'later' (a macro must be defined before");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><opt>"
                    "<token/></opt><skip max=\"2\"/></pattern>" EX
                    "</rule></rules>",
                 "rule a: the pattern can match the empty sequence");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
                    "regex=\"(ab\"/></pattern>" EX "</rule></rules>",
                 "regex '(ab' does not compile at character 3");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><repeat "
                    "max=\"21\"><token/></repeat></pattern>" EX
                    "</rule></rules>",
                 "max must be an integer from 1 to 20");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "<skip min=\"3\" max=\"2\"/><token/></pattern>" EX
                    "</rule></rules>",
                 "<skip>: min 3 is greater than max 2");
    /* 32,999 instructions with the element slots that explaining needs,
     * 15,999 without: too big either way, so that a rule that loads for
     * extraction also loads for explaining. */
    for (explaining = 0; explaining < 2; explaining++)
        expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern>"
                        "<repeat min=\"1\" max=\"20\"><repeat min=\"1\" "
                        "max=\"20\"><repeat min=\"1\" max=\"20\"><token "
                        "form=\"a\"/></repeat></repeat></repeat></pattern>" EX
                        "</rule></rules>",
                     "rule a: the compiled pattern has more than 20000 "
                     "instructions");
    explaining = 0;
}

/* What belongs to entity rules and what to event rules. */
static void test_placement(void **state)
{
    (void)state;
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><capture "
                    "role=\"count\"><token/></capture></pattern>" EX
                    "</rule></rules>",
                 "rule a: the role count does not belong in an event rule");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Person\"><pattern><token "
                    "role=\"agent\"/></pattern>" EX "</rule></rules>",
                 "rule a: the role agent does not belong in an entity rule");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Person\"><pattern><token "
                    "role=\"count\"/></pattern>" EX "</rule></rules>",
                 "the role count does not belong in an entity rule");
    /* office and former are for people, affiliation for people and
     * groups. */
    expect_error(NS "<rule id=\"a\" class=\"dpo:Group\"><pattern><token "
                    "role=\"office\"/></pattern>" EX "</rule></rules>",
                 "the role office does not belong in an entity rule");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Country\"><pattern><token "
                    "role=\"affiliation\"/></pattern>" EX "</rule></rules>",
                 "the role affiliation does not belong in an entity rule");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token "
                    "role=\"former\"/></pattern>" EX "</rule></rules>",
                 "the role former does not belong in an event rule");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Person\"><pattern><token/>"
                    "</pattern><output certainty=\"Possible\"/>" EX
                    "</rule></rules>",
                 "<output>: certainty is for event rules");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern><output name=\"X\"/>" EX "</rule></rules>",
                 "<output>: name and qualifier are for entity rules");
    /* Constant literals: only dpo:time takes one, and a valid one. */
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern><output><role name=\"time\" "
                    "datatype=\"xsd:date\">11.07.2023</role></output>" EX
                    "</rule></rules>",
                 "<role>: a literal is for the role time, as xsd:date");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern><output><role name=\"theme\" "
                    "datatype=\"xsd:gYear\">2025</role></output>" EX
                    "</rule></rules>",
                 "a literal is for the role time");
    expect_error(NS "<rule id=\"a\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern><output><role name=\"time\" "
                    "class=\"dpo:Place\">Paris</role></output>" EX
                    "</rule></rules>",
                 "time takes a literal (datatype), not a class");
}

/* Macros that use macros cannot nest patterns without bound. */
static void test_macro_depth(void **state)
{
    (void)state;
    static char body[200000];
    strcpy(body, NS "<macro name=\"m0\"><token/></macro>");
    for (int i = 1; i <= 300; i++)
        snprintf(body + strlen(body), sizeof body - strlen(body),
                 "<macro name=\"m%d\"><opt><use macro=\"m%d\"/></opt>"
                 "<token/></macro>",
                 i, i - 1);
    strcat(body, "</rules>");
    expect_error(body, "elements nested deeper than 256 through macros");
}

static void test_every_error_reported(void **state)
{
    (void)state;
    /* Three bad rules and a good one: three errors, each on its line. */
    expect_error(NS "\n<rule id=\"a\" class=\"dpo:X\"><pattern><token/>"
                    "</pattern>" EX "</rule>\n"
                    "<rule id=\"b\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern>" EX "</rule>\n"
                    "<rule id=\"b\" class=\"dpo:Meeting\"><pattern><token/>"
                    "</pattern>" EX "</rule>\n"
                    "<rule id=\"c\" class=\"dpo:Meeting\"><pattern><use "
                    "macro=\"nope\"/></pattern>" EX "</rule></rules>",
                 "r.xml:2: <rule>: unknown class");
    assert_non_null(strstr(diags, "r.xml:4: duplicate rule id 'b' (first "
                                  "defined at "));
    assert_non_null(strstr(diags, "r.xml:5: unknown macro 'nope'"));
    int lines = 0;
    for (const char *p = diags; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 3);
}

static void test_includes(void **state)
{
    (void)state;
    put("b.xml", NS "<macro name=\"m\"><token form=\"b\"/></macro>"
                    "<include href=\"a.xml\"/></rules>");
    const char *a = put("a.xml", NS "<include href=\"b.xml\"/>"
                                    "<rule id=\"x\" class=\"dpo:Meeting\">"
                                    "<pattern><use macro=\"m\"/></pattern>" EX
                                    "</rule></rules>");
    /* A cycle: each file is read once, the macro of b is there for a. */
    assert_int_equal(load_path(a, diags, sizeof diags), 0);
    expect_error(NS "<include href=\"missing.xml\"/></rules>",
                 "r.xml:1: cannot include 'missing.xml'");
    /* A folder: every *.xml below it, the same id twice is found. */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/pack", dir);
    mkdir(sub, 0700);
    put("pack/1.xml", NS "<rule id=\"x\" class=\"dpo:Meeting\"><pattern>"
                         "<token/></pattern>" EX "</rule></rules>");
    put("pack/2.xml", NS "<rule id=\"x\" class=\"dpo:Meeting\"><pattern>"
                         "<token/></pattern>" EX "</rule></rules>");
    put("pack/notes.txt", "not a rule file");
    assert_int_equal(load_path(sub, diags, sizeof diags), FG_EDATA);
    assert_non_null(strstr(diags, "pack/2.xml:1: duplicate rule id 'x' "
                                  "(first defined at"));
}

/* ------------------------------------------------------------------ */
/* The loader's own checks against the RELAX NG validator              */

/* A rule file with every construct of the language. */
static const char VOUCH_BASE[] =
    NS "\n<include href=\"inc.xml\"/>\n"
    "<macro name=\"m\"><token iform=\"a b\"/><opt><token lemma=\"c\"/></opt>"
    "</macro>\n"
    "<rule id=\"r.one\" class=\"dpo:Meeting\" priority=\"10\" "
    "phase=\"events\" overlap=\"true\">\n<pattern>\n"
    "<start of=\"clause\"/>\n"
    "<capture role=\"agent\"><annot type=\"Country Organization\" "
    "flags=\"capitalised\"/></capture>\n"
    "<skip min=\"0\" max=\"3\" within=\"clause\"/>\n"
    "<token role=\"trigger\" lemma=\"treffen\" tags=\"verb finite\">"
    "<not form=\"x\"><is regex=\"^a\"/></not><any-of><is shape=\"Xx\"/>"
    "<all-of><is stem=\"tre\"/><is head=\"treffen\"/></all-of></any-of>"
    "</token>\n"
    "<repeat min=\"1\" max=\"2\"><alt><use macro=\"m\"/><seq>"
    "<token annot=\"Place\"/></seq></alt></repeat>\n"
    "<end of=\"sentence\"/>\n</pattern>\n"
    "<output certainty=\"Probable\" status=\"Past\"><role name=\"location\" "
    "class=\"dpo:Place\">Berlin</role></output>\n"
    "<example agent=\"Deutschland\">Deutschland traf a.</example>\n"
    "<counterexample>Nichts.</counterexample>\n</rule>\n</rules>\n";

/* Loads path with the schema; returns the diagnostics, one per line, and
 * how many files went to the validator. */
static int no_rule(void *ctx, const fg_rule_def *r, fg_diag_list *d)
{
    (void)ctx, (void)r, (void)d;
    return 0;
}

static size_t load_with(const char *path, const char *schema, char *out,
                        size_t len)
{
    const char *paths[] = {path};
    fg_rules_source src = {paths, 1, schema, ontology, NULL, 0};
    fg_diag_list *d;
    assert_int_equal(fg_diag_list_new(&d), 0);
    fg_rule_store store;
    fg_rule_store_init(&store);
    fg_rules_load(&src, &store, no_rule, NULL, d);
    out[0] = '\0';
    for (size_t i = 0; i < fg_diag_list_count(d); i++) {
        const fg_diag *g = fg_diag_list_get(d, i);
        snprintf(out + strlen(out), len - strlen(out), "%lu: %s\n", g->line,
                 g->message);
    }
    size_t validated = store.n_validated;
    fg_diag_list_free(d);
    fg_rule_store_clear(&store);
    return validated;
}

typedef struct vouch_stats {
    size_t vouched, doubted;
} vouch_stats;

/* Whatever the checks vouch for, the validator accepts: a file read
 * without it (no file validated) reports exactly what a validated read
 * reports. */
static void vouch_case(const char *content, const char *other_schema,
                       vouch_stats *st)
{
    static char fast[8192], slow[8192];
    const char *path = put("v.xml", content);
    size_t validated =
        load_with(path, src_path("rules/factgraph-rules.rng"), fast,
                  sizeof fast);
    load_with(path, other_schema, slow, sizeof slow);
    if (validated == 0) {
        st->vouched++;
        if (strcmp(fast, slow) != 0)
            fail_msg("vouched for a file the validator reads otherwise:\n%s\n"
                     "without it:\n%s\nwith it:\n%s",
                     content, fast, slow);
    } else {
        st->doubted++;
    }
}

/* Replaces s[at .. at + len) with with. */
static char *splice(const char *s, size_t at, size_t len, const char *with)
{
    size_t n = strlen(s), w = strlen(with);
    char *m = malloc(n - len + w + 1);
    assert_non_null(m);
    memcpy(m, s, at);
    memcpy(m + at, with, w);
    memcpy(m + at + w, s + at + len, n - at - len + 1);
    return m;
}

static void test_vouch(void **state)
{
    (void)state;
    put("inc.xml", NS "<macro name=\"n\"><token form=\"z\"/></macro></rules>");
    /* The same schema with other bytes: its digest is unknown, so every
     * file is validated. */
    FILE *in = fopen(src_path("rules/factgraph-rules.rng"), "r");
    assert_non_null(in);
    static char rng[65536];
    size_t n = fread(rng, 1, sizeof rng - 64, in);
    fclose(in);
    rng[n] = '\0';
    strcat(rng, "<!-- another copy -->\n");
    char other[256];
    snprintf(other, sizeof other, "%s", put("other.rng", rng));

    static char out[8192];
    assert_int_equal(load_with(put("v.xml", VOUCH_BASE),
                               src_path("rules/factgraph-rules.rng"), out,
                               sizeof out),
                     0);
    assert_string_equal(out, "");
    assert_int_equal(load_with(put("v.xml", VOUCH_BASE), other, out,
                               sizeof out),
                     2); /* and the included file */
    assert_string_equal(out, "");

    static const char *const VALUES[] = {
        "", " ", " a", "a ", "a b", "-1", "+1", "0", "00", "1001", "99999",
        "x:y", "dpo:", "\xc3\xbc", "_a", "a.b", "1a", "true ", "yes",
        "clause", "Über", "verb nosuch", "Place 1", NULL};
    static const char *const INSERTS[] = {
        "t", "<!--c-->", "<use macro=\"m\"/>", "<start of=\"clause\"/>",
        "<example>x</example>", "<counterexample>x</counterexample>",
        "<output/>", "<pattern><token/></pattern>", "<is form=\"a\"/>",
        "<role name=\"time\" datatype=\"xsd:date\">2025-01-01</role>",
        "<?pi x?>", NULL};
    vouch_stats st = {0, 0};
    const char *b = VOUCH_BASE;
    for (size_t i = 0; b[i]; i++) {
        if (b[i] == '"' && i > 0 && b[i - 1] == '=') {
            /* an attribute value: each of VALUES instead; the attribute
             * left out; another attribute beside it */
            const char *end = strchr(b + i + 1, '"');
            size_t name = i - 1;
            while (b[name - 1] != ' ')
                name--;
            for (size_t k = 0; VALUES[k]; k++) {
                char *m = splice(b, i + 1, (size_t)(end - b) - i - 1,
                                 VALUES[k]);
                vouch_case(m, other, &st);
                free(m);
            }
            char *m = splice(b, name - 1, (size_t)(end - b) + 1 - (name - 1),
                             "");
            vouch_case(m, other, &st);
            free(m);
            m = splice(b, (size_t)(end - b) + 1, 0, " role=\"agent\"");
            vouch_case(m, other, &st);
            free(m);
        } else if (b[i] == '>' || (b[i] == '<' && b[i + 1] != '/')) {
            /* after a tag or before one: each of INSERTS */
            size_t at = b[i] == '>' ? i + 1 : i;
            for (size_t k = 0; INSERTS[k]; k++) {
                char *m = splice(b, at, 0, INSERTS[k]);
                vouch_case(m, other, &st);
                free(m);
            }
        }
    }
    /* The mutations exercise both ways. */
    if (st.vouched < 400 || st.doubted < 1000) /* of 1,722 */
        fail_msg("vouched %zu, doubted %zu", st.vouched, st.doubted);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_xml_errors),
        cmocka_unit_test(test_dtd_refused),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_rule_errors),
        cmocka_unit_test(test_placement),
        cmocka_unit_test(test_macro_depth),
        cmocka_unit_test(test_every_error_reported),
        cmocka_unit_test(test_includes),
        cmocka_unit_test(test_vouch),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
