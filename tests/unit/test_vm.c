/* Unit tests of the rule compiler and the matcher (compile, vm): every
 * operator, token tests, captures with several values, gaps at clause
 * boundaries, annotations as elements, all matches in a sentence, empty
 * input, a 1,000-token sentence, the trace hooks, and a differential test
 * against a naive reference matcher on generated patterns and texts. */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "compile.h"
#include "ontology.h"
#include "vm.h"

/* ------------------------------------------------------------------ */
/* Sentences made by hand                                              */

#define MAX_TOK 1100

/* Words separated by spaces; "|" starts a new clause. A word is
 * capitalised when its first letter is upper case, a number when it
 * starts with a digit, punctuation when it is one of ".,;:!?". Lemma,
 * norm, stem and head are the lower-cased word. */
typedef struct sent {
    fg_token tok[MAX_TOK];
    fg_morph morph[MAX_TOK];
    uint32_t n;
    char text[16384];
    char norms[16384];
    fg_annot annots[64];
    uint32_t n_annots;
    uint32_t starts[MAX_TOK + 2];
} sent;

static void make(sent *s, const char *words)
{
    memset(s, 0, sizeof *s);
    size_t len = strlen(words);
    assert_true(len < sizeof s->text);
    memcpy(s->text, words, len + 1);
    memcpy(s->norms, words, len + 1);
    for (size_t i = 0; i < len; i++)
        s->norms[i] = (char)tolower((unsigned char)s->norms[i]);
    uint32_t clause = 0;
    for (size_t p = 0; p < len;) {
        while (p < len && s->text[p] == ' ')
            p++;
        if (p >= len)
            break;
        size_t e = p;
        while (e < len && s->text[e] != ' ')
            e++;
        if (e - p == 1 && s->text[p] == '|') {
            clause++;
            p = e;
            continue;
        }
        fg_token *t = &s->tok[s->n++];
        assert_true(s->n < MAX_TOK);
        t->start = p;
        t->end = e;
        t->clause = clause;
        s->norms[e] = '\0';
        fg_morph *m = &s->morph[s->n - 1];
        t->norm = m->lemma = m->stem = m->head = s->norms + p;
        t->norm_len = m->lemma_len = m->stem_len = m->head_len =
            (uint32_t)(e - p);
        t->shape = isupper((unsigned char)s->text[p]) ? "Xxxx" : "xxxx";
        char c = s->text[p];
        if (isupper((unsigned char)c))
            t->flags |= FG_TOKEN_CAPITALISED | FG_TOKEN_WORD;
        else if (isdigit((unsigned char)c))
            t->flags |= FG_TOKEN_NUMBER;
        else if (strchr(".,;:!?", c))
            t->flags |= FG_TOKEN_PUNCT;
        else
            t->flags |= FG_TOKEN_WORD;
        p = e;
    }
}

/* An annotation of type over tokens [first, end); add them in order of
 * first token. */
static void annot(sent *s, const char *type, uint32_t first, uint32_t end)
{
    assert_true(s->n_annots < 64);
    s->annots[s->n_annots++] = (fg_annot){type, first, end, FG_ANNOT_PLAIN,
                                          0, "test", 0};
}

static fg_vm_input input(sent *s)
{
    for (uint32_t j = 0, a = 0; j <= s->n; j++) {
        while (a < s->n_annots && s->annots[a].first < j)
            a++;
        s->starts[j] = a;
    }
    s->starts[s->n + 1] = s->n_annots;
    static uint64_t serial;
    return (fg_vm_input){s->tok,    s->morph,  s->n,     0,
                         s->text,   s->annots, s->starts, ++serial};
}

/* ------------------------------------------------------------------ */
/* Packs from rule text                                                */

static fg_ontology *ontology;

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
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fg_ontology_free(ontology);
    return 0;
}

/* Loads rules (the body of a <rules> element), for explaining or not;
 * asserts success. */
static fg_pack *load_for(const char *body, int explain)
{
    char path[] = "/tmp/fg-test-rules-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fprintf(fp, "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">%s"
                "</rules>\n",
            body);
    fclose(fp);
    const char *paths[] = {path};
    char schema[4096];
    snprintf(schema, sizeof schema, "%s", src_path("rules/factgraph-rules.rng"));
    fg_rules_source src = {paths, 1, schema, ontology, NULL, explain};
    fg_diag_list *d;
    assert_int_equal(fg_diag_list_new(&d), 0);
    fg_pack *p = NULL;
    int rc = fg_pack_load(&p, &src, d);
    for (size_t i = 0; i < fg_diag_list_count(d); i++)
        fg_diag_write(fg_diag_list_get(d, i), stderr);
    fg_diag_list_free(d);
    unlink(path);
    assert_int_equal(rc, 0);
    return p;
}

static fg_pack *load(const char *body) { return load_for(body, 0); }

/* A rule of class Meeting with this pattern. */
#define RULE(id, pattern)                                                   \
    "<rule id=\"" id "\" class=\"dpo:Meeting\"><pattern>" pattern          \
    "</pattern><example>x</example></rule>"

/* ------------------------------------------------------------------ */
/* Running                                                             */

typedef struct found {
    uint32_t start[600], end[600];
    /* Role values of the first match, as "role=START-END" joined. */
    char roles[1024];
    size_t n;
    const fg_program *prog;
} found;

static int collect(void *ctx, uint32_t start, uint32_t end,
                   const uint32_t *slots)
{
    found *f = ctx;
    assert_true(f->n < 600);
    if (f->n == 0)
        for (uint32_t s = 0; s + 1 < f->prog->n_role_slots; s += 2)
            if (slots[s] != FG_VM_UNSET && slots[s + 1] != FG_VM_UNSET)
                snprintf(f->roles + strlen(f->roles),
                         sizeof f->roles - strlen(f->roles), "%s%s=%u-%u",
                         f->roles[0] ? " " : "",
                         fg_capture_role_name(f->prog->slot_role[s / 2]),
                         slots[s], slots[s + 1]);
    f->start[f->n] = start;
    f->end[f->n] = end;
    f->n++;
    return 0;
}

static fg_vm *vm;

/* The matches of rule i of p on s, as "START-END START-END ...". */
static const char *matches(const fg_pack *p, size_t i, sent *s, found *f)
{
    static char out[4096];
    memset(f, 0, sizeof *f);
    f->prog = &fg_pack_get(p, i)->prog;
    fg_vm_input in = input(s);
    assert_int_equal(fg_vm_run(vm, f->prog, &in, 0, NULL, collect, f), 0);
    out[0] = '\0';
    for (size_t k = 0; k < f->n && strlen(out) < sizeof out - 32; k++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%u-%u",
                 k ? " " : "", f->start[k], f->end[k]);
    return out;
}

/* Loads one rule, runs it on words, returns the matches. */
static const char *run1(const char *pattern, const char *words, char *roles,
                        size_t roles_len)
{
    static char out[4096];
    char body[4096];
    snprintf(body, sizeof body,
             "<rule id=\"r\" class=\"dpo:Meeting\"><pattern>%s</pattern>"
             "<example>x</example></rule>",
             pattern);
    fg_pack *p = load(body);
    static sent s;
    make(&s, words);
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    snprintf(out, sizeof out, "%s", matches(p, 0, &s, &f));
    if (roles) {
        assert_true(strlen(f.roles) < roles_len);
        memcpy(roles, f.roles, strlen(f.roles) + 1);
    }
    fg_vm_free(vm);
    vm = NULL;
    fg_pack_free(p);
    return out;
}

#define MATCHES(pattern, words, want) \
    assert_string_equal(run1(pattern, words, NULL, 0), want)

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void test_token_tests(void **state)
{
    (void)state;
    MATCHES("<token form=\"Koalition\"/>", "die Koalition koalition", "1-2");
    MATCHES("<token iform=\"KOALITION\"/>", "die Koalition koalition",
            "1-2 2-3");
    MATCHES("<token lemma=\"traf trafen\"/>", "sie trafen sich | er traf",
            "1-2 4-5");
    MATCHES("<token regex=\"[A-Z]\\p{L}+\"/>", "der Nato Gipfel 2024",
            "1-2 2-3");
    /* The regex must match the whole form. */
    MATCHES("<token regex=\"Gip\"/>", "der Gipfel", "");
    MATCHES("<token regex=\"(?i)gip.*\"/>", "der Gipfel", "1-2");
    MATCHES("<token shape=\"Xxxx\"/>", "der Gipfel", "1-2");
    MATCHES("<token flags=\"number\"/>", "rund 200 Experten", "1-2");
    MATCHES("<token flags=\"capitalised word\"/>", "rund 200 Experten , x",
            "2-3");
    MATCHES("<token><not form=\"der die\"/></token>", "der x die", "1-2");
    MATCHES("<token><any-of><is form=\"a\"/><is flags=\"number\"/></any-of>"
            "</token>",
            "a b 3 c", "0-1 2-3");
    MATCHES("<token flags=\"word\"><all-of><is regex=\"b.*\"/>"
            "<not form=\"bx\"/></all-of></token>",
            "ba bx by", "0-1 2-3");
    /* A token without tests matches any token. */
    MATCHES("<token form=\"a\"/><token/>", "a b a", "0-2");
}

static void test_sequence_alternation_option(void **state)
{
    (void)state;
    MATCHES("<token form=\"a\"/><token form=\"b\"/>", "a b a c a b",
            "0-2 4-6");
    MATCHES("<alt><token form=\"a\"/><seq><token form=\"a\"/>"
            "<token form=\"b\"/></seq></alt>",
            "a b a c", "0-2 2-3");
    MATCHES("<token form=\"a\"/><opt><token form=\"b\"/></opt>"
            "<token form=\"c\"/>",
            "a c a b c a b b c", "0-2 2-5");
    /* A macro is its sequence. */
    char body[1024];
    snprintf(body, sizeof body,
             "<macro name=\"ab\"><token form=\"a\"/><token form=\"b\"/>"
             "</macro>" RULE("m", "<use macro=\"ab\"/><token form=\"c\"/>"));
    fg_pack *p = load(body);
    static sent s;
    make(&s, "a b c a b");
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    assert_string_equal(matches(p, 0, &s, &f), "0-3");
    fg_vm_free(vm);
    fg_pack_free(p);
}

static void test_repetition(void **state)
{
    (void)state;
    const char *rep = "<token form=\"x\"/><repeat min=\"2\" max=\"3\">"
                      "<token form=\"a\"/></repeat>";
    MATCHES(rep, "x a | x a a | x a a a a", "2-5 5-9");
    MATCHES("<repeat min=\"1\" max=\"3\"><token form=\"a\"/></repeat>",
            "a a a a a b a", "0-3 3-5 6-7");
}

static void test_gap(void **state)
{
    (void)state;
    const char *gap = "<token form=\"a\"/><skip max=\"3\"/><token form=\"b\"/>";
    MATCHES(gap, "a x x b", "0-4");
    MATCHES(gap, "a x x x x b", "");
    /* The gap stays in its clause, unless it may cross; an empty gap
     * skips nothing, so it binds nothing. */
    MATCHES(gap, "a x | x b", "");
    MATCHES(gap, "a x | b", "");
    MATCHES(gap, "a | b", "0-2");
    MATCHES("<token form=\"a\"/><skip max=\"3\" within=\"sentence\"/>"
            "<token form=\"b\"/>",
            "a x | x b", "0-4");
    MATCHES("<token form=\"a\"/><skip min=\"2\" max=\"3\"/><token form=\"b\"/>",
            "a x b a x x b", "3-7");
    /* Leftmost-longest: the gap reaches the farther b. */
    MATCHES(gap, "a b x b", "0-4");
    /* Among equal spans the gap is lazy: the capture takes the rest. */
    char roles[256];
    run1("<token form=\"a\"/><skip max=\"3\"/>"
         "<capture role=\"theme\"><repeat max=\"3\"><token/></repeat>"
         "</capture><token form=\"z\"/>",
         "a b c z", roles, sizeof roles);
    assert_string_equal(roles, "theme=1-3");
}

static void test_captures(void **state)
{
    (void)state;
    char roles[256];
    run1("<capture role=\"agent\"><token flags=\"capitalised\"/></capture>"
         "<token form=\"traf\" role=\"trigger\"/>",
         "dann Merz traf", roles, sizeof roles);
    assert_string_equal(roles, "agent=1-2 trigger=2-3");
    /* A capture in a repetition: a value per repetition. */
    run1("<token form=\"mit\"/><repeat min=\"1\" max=\"3\">"
         "<capture role=\"participant\"><token flags=\"capitalised\"/>"
         "</capture><opt><token form=\"und\"/></opt></repeat>",
         "mit Paris und Rom und Kiew .", roles, sizeof roles);
    assert_string_equal(roles,
                        "participant=1-2 participant=3-4 participant=5-6");
    /* An option not taken leaves its capture empty. */
    run1("<token form=\"a\"/><opt><capture role=\"theme\"><token form=\"b\"/>"
         "</capture></opt>",
         "a c", roles, sizeof roles);
    assert_string_equal(roles, "");
}

static void test_annotations(void **state)
{
    (void)state;
    fg_pack *p = load(RULE("a", "<capture role=\"agent\"><annot type=\"Person "
                                "Organization\"/></capture>"
                                "<token form=\"sagte\"/>") //
                      RULE("b", "<annot type=\"Country\"/>"));
    static sent s;
    /* 0 Koalition 1 der 2 Willigen 3 sagte 4 Frankreich 5 sagte */
    make(&s, "Koalition der Willigen sagte Frankreich sagte");
    annot(&s, "Organization", 0, 3);
    annot(&s, "Person", 2, 3);
    annot(&s, "Country", 4, 5);
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    /* The three-token annotation is one element; the shorter one
     * starting later loses (leftmost). */
    assert_string_equal(matches(p, 0, &s, &f), "0-4");
    assert_string_equal(f.roles, "agent=0-3");
    assert_string_equal(matches(p, 1, &s, &f), "4-5");
    /* Two annotations at one token: the longer match wins. */
    make(&s, "Koalition der Willigen sagte");
    annot(&s, "Person", 0, 1);
    annot(&s, "Organization", 0, 3);
    assert_string_equal(matches(p, 0, &s, &f), "0-4");
    /* No annotation of the type: no match. */
    make(&s, "Koalition sagte");
    annot(&s, "Country", 0, 1);
    assert_string_equal(matches(p, 0, &s, &f), "");
    fg_vm_free(vm);
    fg_pack_free(p);
}

/* A token inside an annotation (the annot test), the morphology's tags,
 * and token tests on an annotation's first token. */
static void test_annotation_and_tag_tests(void **state)
{
    (void)state;
    fg_pack *p = load(
        RULE("a", "<token flags=\"capitalised\"><not annot=\"Country "
                  "Place\"/></token>") //
        RULE("b", "<token tags=\"verb finite\"/>")      //
        RULE("c", "<annot type=\"Mod\" flags=\"capitalised\"/>"));
    static sent s;
    /* 0 Vereinigte 1 Staaten 2 und 3 Healey 4 sagte 5 europäische */
    make(&s, "Vereinigte Staaten und Healey sagte europäische");
    annot(&s, "Country", 0, 2);
    annot(&s, "Mod", 5, 6);
    s.morph[4].tags = FG_TAG_VERB | FG_TAG_FINITE;
    s.morph[5].tags = FG_TAG_VERB; /* not finite */
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    /* Both words of the country are inside it, Healey is not. */
    assert_string_equal(matches(p, 0, &s, &f), "3-4");
    /* All the tags must be there. */
    assert_string_equal(matches(p, 1, &s, &f), "4-5");
    /* The annotation's first token is not capitalised. */
    assert_string_equal(matches(p, 2, &s, &f), "");
    make(&s, "Die NATO-Staaten");
    annot(&s, "Mod", 1, 2);
    assert_string_equal(matches(p, 2, &s, &f), "1-2");
    fg_vm_free(vm);
    fg_pack_free(p);
}

static void test_anchors(void **state)
{
    (void)state;
    MATCHES("<start of=\"sentence\"/><token flags=\"capitalised\"/>",
            "Merz und Macron", "0-1");
    MATCHES("<token flags=\"capitalised\"/><end of=\"sentence\"/>",
            "Merz und Macron .", "2-3");
    MATCHES("<start of=\"clause\"/><token flags=\"word\"/>",
            "a b , | c d | e", "0-1 3-4 5-6");
    MATCHES("<token flags=\"word\"/><end of=\"clause\"/>",
            "a b , | c d | e", "1-2 4-5 5-6");
}

static void test_empty_and_long(void **state)
{
    (void)state;
    fg_pack *p = load(RULE("ab", "<token form=\"a\"/><token form=\"b\"/>"));
    static sent s;
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    make(&s, "");
    assert_string_equal(matches(p, 0, &s, &f), "");
    /* 1,000 tokens: every "a b" found, none missed or overlapping. */
    static char words[8192];
    words[0] = '\0';
    for (int i = 0; i < 500; i++)
        strcat(words, "a b ");
    make(&s, words);
    assert_int_equal(s.n, 1000);
    matches(p, 0, &s, &f);
    assert_int_equal(f.n, 500);
    for (size_t k = 0; k < f.n; k++) {
        assert_int_equal(f.start[k], 2 * k);
        assert_int_equal(f.end[k], 2 * k + 2);
    }
    fg_vm_free(vm);
    fg_pack_free(p);
}

/* Patterns built to blow up a backtracking matcher stay linear. */
static void test_nested_repetition(void **state)
{
    (void)state;
    fg_pack *p = load(RULE(
        "nested", "<repeat min=\"1\" max=\"20\"><repeat min=\"1\" max=\"20\">"
                  "<opt><token form=\"a\"/></opt><token form=\"a\"/>"
                  "</repeat></repeat><token form=\"b\"/>"));
    static sent s;
    static char words[4096];
    words[0] = '\0';
    for (int i = 0; i < 999; i++)
        strcat(words, "a ");
    make(&s, words);
    found f;
    assert_int_equal(fg_vm_new(&vm), 0);
    assert_string_equal(matches(p, 0, &s, &f), "");
    fg_vm_free(vm);
    fg_pack_free(p);
}

/* A regex built to backtrack without end gives up at the match limit
 * (a failed match), JIT-compiled or not. */
static void test_regex_limits(void **state)
{
    (void)state;
    static char words[2200];
    memset(words, 'a', 1000);
    strcpy(words + 1000, " b");
    MATCHES("<token regex=\"(a+)+b\"/>", words, "");
    MATCHES("<token regex=\"(a|aa)+$\"/><token form=\"b\"/>", words, "0-2");
    MATCHES("<token regex=\"((((a*)*)*)*)c\"/>", words, "");
}

typedef struct traced {
    int reach, die, match;
    int b_died_after_a; /* "b" refused position 1 in a thread from 0 */
} traced;

static void on_reach(void *ctx, uint32_t pc, uint32_t start, uint32_t pos)
{
    (void)pc;
    (void)start;
    (void)pos;
    ((traced *)ctx)->reach++;
}
static void on_die(void *ctx, uint32_t pc, uint32_t start, uint32_t pos)
{
    traced *t = ctx;
    t->die++;
    if (start == 0 && pos == 1 && pc > 0)
        t->b_died_after_a = 1;
}
static void on_match(void *ctx, uint32_t start, uint32_t end)
{
    (void)start;
    (void)end;
    ((traced *)ctx)->match++;
}

static int ignore(void *ctx, uint32_t s, uint32_t e, const uint32_t *slots)
{
    (void)ctx;
    (void)s;
    (void)e;
    (void)slots;
    return 0;
}

static void test_trace_and_explain(void **state)
{
    (void)state;
    fg_pack *p =
        load_for(RULE("t", "<token form=\"a\"/><token form=\"b\"/>"), 1);
    static sent s;
    make(&s, "a c a b");
    fg_vm_input in = input(&s);
    traced t = {0};
    fg_vm_trace trace = {&t, on_reach, on_die, on_match};
    assert_int_equal(fg_vm_new(&vm), 0);
    assert_int_equal(
        fg_vm_run(vm, &fg_pack_get(p, 0)->prog, &in, 0, &trace, ignore, NULL),
        0);
    /* "a" reached at 0 and 2 and in between, "b" at 1 (dies on c). */
    assert_true(t.reach >= 5);
    assert_true(t.die >= 2);
    assert_true(t.b_died_after_a);
    assert_int_equal(t.match, 1);
    /* Explaining fills the element slots: the two tokens. */
    const fg_program *g = &fg_pack_get(p, 0)->prog;
    assert_int_equal(g->n_role_slots, 0);
    assert_int_equal(g->n_slots, 4);
    assert_int_equal(g->n_elems, 2);
    found f = {.prog = g};
    assert_int_equal(fg_vm_run(vm, g, &in, 1, NULL, collect, &f), 0);
    assert_int_equal(f.n, 1);
    fg_vm_free(vm);
    fg_pack_free(p);
}

/* A pack loaded for extraction has no element slots, and its programs
 * find the same matches with the same roles as one loaded for
 * explaining, with two instructions fewer per token, gap and
 * annotation element. */
static void test_element_slots_only_for_explaining(void **state)
{
    (void)state;
    const char *body =
        RULE("r", "<capture role=\"agent\"><repeat min=\"1\" max=\"3\">"
                  "<token form=\"a\"/></repeat></capture>"
                  "<skip max=\"2\"/><capture role=\"theme\"><token "
                  "form=\"b\"/></capture>");
    fg_pack *lean = load_for(body, 0), *full = load_for(body, 1);
    const fg_program *gl = &fg_pack_get(lean, 0)->prog,
                     *gf = &fg_pack_get(full, 0)->prog;
    assert_int_equal(gl->n_slots, gl->n_role_slots);
    assert_int_equal(gl->n_role_slots, 4);
    assert_int_equal(gf->n_role_slots, 4);
    /* Elements: three copies of token a, the skip, token b. */
    assert_int_equal(gf->n_slots, 4 + 2 * 5);
    assert_int_equal(gf->n, gl->n + 2 * 5);
    for (uint32_t pc = 0; pc < gl->n; pc++)
        assert_false(gl->code[pc].op == FG_OP_SAVE && gl->code[pc].arg);
    static sent s;
    make(&s, "c a a x b a b a a a a b");
    assert_int_equal(fg_vm_new(&vm), 0);
    found fl, ff;
    char want[4096];
    snprintf(want, sizeof want, "%s", matches(lean, 0, &s, &fl));
    assert_string_equal(want, "1-5 5-7 7-12");
    assert_string_equal(matches(full, 0, &s, &ff), want);
    assert_string_equal(fl.roles, ff.roles);
    assert_string_equal(fl.roles, "agent=1-3 theme=4-5");
    fg_vm_free(vm);
    fg_pack_free(lean);
    fg_pack_free(full);
}

/* The VM remembers test results for an input (its serial); a new input
 * over the same tokens with more annotations, as the events phase sees
 * after the entities phase, is tested again. */
static void test_results_kept_per_input(void **state)
{
    (void)state;
    fg_pack *p = load(RULE("c", "<token annot=\"Country\"/>"));
    static sent s;
    make(&s, "in Polen und");
    assert_int_equal(fg_vm_new(&vm), 0);
    found f;
    assert_string_equal(matches(p, 0, &s, &f), "");
    annot(&s, "Country", 1, 2);
    assert_string_equal(matches(p, 0, &s, &f), "1-2");
    fg_vm_free(vm);
    fg_pack_free(p);
}

/* ------------------------------------------------------------------ */
/* The trigger index                                                   */

static void test_required_keys(void **state)
{
    (void)state;
    fg_pack *p = load(
        RULE("lemma", "<token lemma=\"treffen\"/>")                      //
        RULE("alt", "<alt><token lemma=\"a\"/><token form=\"B\"/></alt>") //
        RULE("two", "<token lemma=\"x\"/><skip max=\"2\"/>"
                    "<token lemma=\"y\"/>")                              //
        RULE("optional", "<opt><token lemma=\"q\"/></opt><token/>")      //
        RULE("annot", "<annot type=\"Country\"/>")                       //
        RULE("regex", "<token regex=\"(?i)verteid.*\"/>")             //
        RULE("either", "<token regex=\"Kiew|Kyjiw\"/>")                //
        RULE("head", "<token head=\"gipfel\"/>")                       //
        RULE("suffix", "<token regex=\"(?i)[\\p{L}-]*(übung(en)?|"
                       "manöver[ns]?)\"/>")                             //
        RULE("open", "<token regex=\"(?i)\\w*gespräch\\w*\"/>") //
        RULE("twoalt", "<alt><seq><token lemma=\"stellen\"/>"
                       "<token iform=\"klar\"/></seq>"
                       "<token lemma=\"bitten\"/></alt>")               //
        RULE("short", "<token regex=\"(?i)jet.*\"/>")                 //
        RULE("latin", "<token regex=\"(?i)[\\p{L}-]*(beschießung|"
                      "attaché)\"/>")                                  //
        RULE("forms", "<token form=\"Eröffnet Straße\"/>")              //
        RULE("mixed", "<token regex=\"(?i)[\\p{L}-]*(kiew|"
                      "verhandlungen)\"/>")                            //
        RULE("comma", "<alt><seq><token form=\",\"/>"
                      "<token lemma=\"bitten\"/></seq><seq>"
                      "<token lemma=\"sagen\"/><token form=\",\"/>"
                      "</seq></alt>"));
    fg_keyset keys = {0};
    fg_candidates c = {0};
    char got[256];
#define CANDIDATES(...)                                                     \
    do {                                                                    \
        fg_keyset_reset(&keys);                                             \
        const char *ks[] = {__VA_ARGS__, NULL};                             \
        for (int i = 0; ks[i]; i++)                                         \
            assert_int_equal(                                               \
                fg_keyset_add(&keys, fg_key(ks[i][0], ks[i] + 1,            \
                                            strlen(ks[i] + 1))),            \
                0);                                                         \
        assert_int_equal(                                                   \
            fg_pack_candidates(p, FG_PHASE_EVENTS, &keys, &c), 0);          \
        got[0] = '\0';                                                      \
        for (size_t i = 0; i < c.n; i++)                                    \
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s",   \
                     i ? " " : "", fg_pack_get(p, c.rules[i])->def.id);     \
    } while (0)
    CANDIDATES("wzzz");
    /* No required key: always. A regex that may end in anything gives
     * no key. */
    assert_string_equal(got, "optional open");
    CANDIDATES("wtreffen");
    assert_string_equal(got, "lemma optional open");
    CANDIDATES("wb");
    assert_string_equal(got, "alt optional open");
    CANDIDATES("wx");
    assert_string_equal(got, "optional open"); /* y is missing */
    CANDIDATES("wx", "wy");
    assert_string_equal(got, "two optional open");
    /* A regex's first five letters, or three where it has no more. */
    CANDIDATES("aCountry", "Pverte");
    assert_string_equal(got, "optional annot regex open");
    CANDIDATES("pver");
    assert_string_equal(got, "optional open");
    CANDIDATES("pjet");
    assert_string_equal(got, "optional open short");
    /* A compound's head is a word key ("Ministergipfel"). */
    CANDIDATES("wgipfel");
    assert_string_equal(got, "optional head open");
    /* A regex's alternatives may begin with other letters, but each
     * ends in its last six bytes, or four where it is known to end with
     * no more: folded, and with and without what a '?' makes optional,
     * letter classes one by one, umlauts as bytes. */
    CANDIDATES("skiew");
    assert_string_equal(got, "optional either open mixed");
    CANDIDATES("syjiw");
    assert_string_equal(got, "optional either open");
    CANDIDATES("S\xc3\xbc" "bung");
    assert_string_equal(got, "optional suffix open");
    CANDIDATES("Sbungen");
    assert_string_equal(got, "optional suffix open");
    CANDIDATES("Sn\xc3\xb6ver");
    assert_string_equal(got, "optional suffix open");
    CANDIDATES("S\xc3\xb6vern");
    assert_string_equal(got, "optional suffix open");
    CANDIDATES("S\xc3\xb6vers");
    assert_string_equal(got, "optional suffix open");
    CANDIDATES("Slungen");
    assert_string_equal(got, "optional open mixed");
    /* ß is ss in a norm; other Latin-1 letters fold like umlauts. */
    CANDIDATES("Sessung");
    assert_string_equal(got, "optional open latin");
    CANDIDATES("Stach\xc3\xa9");
    assert_string_equal(got, "optional open latin");
    /* A form is keyed by its norm, as a token is, umlauts and all. */
    CANDIDATES("weröffnet");
    assert_string_equal(got, "optional open forms");
    CANDIDATES("wstrasse");
    assert_string_equal(got, "optional open forms");
    /* The four last bytes of those let nothing through. */
    CANDIDATES("sbung", "sngen", "s\xb6ver", "svern", "sungen");
    assert_string_equal(got, "optional open");
    /* A comma is in nearly every sentence: a clause with it costs as
     * much as one of "der", and the words are the rule's keys. */
    CANDIDATES("w,");
    assert_string_equal(got, "optional open");
    CANDIDATES("wsagen", "w,");
    assert_string_equal(got, "optional open comma");
    const fg_rule *comma = fg_pack_find(p, "comma");
    uint64_t comma_key = fg_key('w', ",", 1);
    int with_comma = 0;
    for (uint32_t k = 0, from = 0; k < comma->n_clauses;
         from = comma->clause_end[k++])
        for (uint32_t j = from; j < comma->clause_end[k]; j++)
            if (comma->keys[j] == comma_key) {
                assert_true(comma->clause_cost[k] >= 256);
                with_comma++;
            }
    assert_int_equal(with_comma, 1); /* the comma is required */
    /* An alternation requires a clause of every branch, and a second
     * one where a branch has two: stellen needs klar here. */
    CANDIDATES("wstellen");
    assert_string_equal(got, "optional open");
    CANDIDATES("wstellen", "wklar");
    assert_string_equal(got, "optional open twoalt");
    CANDIDATES("wbitten");
    assert_string_equal(got, "optional open twoalt");
#undef CANDIDATES
    fg_keyset_clear(&keys);
    fg_candidates_clear(&c);
    fg_pack_free(p);
}

/* ------------------------------------------------------------------ */
/* Differential test against a naive matcher                           */

/* Patterns over the words a, b, c and the annotation types A and B. */
typedef enum { P_TOK, P_ANNOT, P_SEQ, P_ALT, P_OPT, P_REP, P_SKIP } pkind;

typedef struct pat {
    pkind k;
    char word;          /* P_TOK */
    char type;          /* P_ANNOT */
    int min, max;       /* P_REP, P_SKIP */
    int within_sentence;
    struct pat *a, *b;  /* children (SEQ, ALT: two; OPT, REP: a) */
} pat;

/* Two generators: patterns are generated twice (for the pack, then for
 * the naive side) and must come out the same both times, whatever the
 * texts in between draw. */
static unsigned long rng = 12345, text_rng = 777;
static unsigned draw(unsigned long *state, unsigned n)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(*state >> 33) % n;
}
static unsigned rnd(unsigned n) { return draw(&rng, n); }
static unsigned trnd(unsigned n) { return draw(&text_rng, n); }

static pat pool[4096];
static int n_pool;

static pat *gen(int depth)
{
    assert_true(n_pool < 4096);
    pat *p = &pool[n_pool++];
    memset(p, 0, sizeof *p);
    unsigned r = depth >= 3 ? rnd(2) : rnd(7);
    p->k = (pkind)r;
    switch (p->k) {
    case P_TOK: p->word = (char)('a' + rnd(3)); break;
    case P_ANNOT: p->type = (char)('A' + rnd(2)); break;
    case P_SEQ:
    case P_ALT:
        p->a = gen(depth + 1);
        p->b = gen(depth + 1);
        break;
    case P_OPT: p->a = gen(depth + 1); break;
    case P_REP:
        p->a = gen(depth + 1);
        p->min = (int)rnd(3);
        p->max = p->min + 1 + (int)rnd(2);
        break;
    case P_SKIP:
        p->min = (int)rnd(2);
        p->max = p->min + 1 + (int)rnd(2);
        p->within_sentence = (int)rnd(2);
        break;
    }
    return p;
}

static void to_xml(const pat *p, char *out, size_t len)
{
    size_t n = strlen(out);
    switch (p->k) {
    case P_TOK:
        snprintf(out + n, len - n, "<token form=\"%c\"/>", p->word);
        return;
    case P_ANNOT:
        snprintf(out + n, len - n, "<annot type=\"%c\"/>", p->type);
        return;
    case P_SKIP:
        snprintf(out + n, len - n, "<skip min=\"%d\" max=\"%d\"%s/>", p->min,
                 p->max, p->within_sentence ? " within=\"sentence\"" : "");
        return;
    case P_SEQ: snprintf(out + n, len - n, "<seq>"); break;
    case P_ALT: snprintf(out + n, len - n, "<alt>"); break;
    case P_OPT: snprintf(out + n, len - n, "<opt>"); break;
    case P_REP:
        snprintf(out + n, len - n, "<repeat min=\"%d\" max=\"%d\">", p->min,
                 p->max);
        break;
    }
    to_xml(p->a, out, len);
    if (p->b)
        to_xml(p->b, out, len);
    n = strlen(out);
    snprintf(out + n, len - n, "%s",
             p->k == P_SEQ   ? "</seq>"
             : p->k == P_ALT ? "</alt>"
             : p->k == P_OPT ? "</opt>"
                             : "</repeat>");
}

static int nullable_pat(const pat *p)
{
    switch (p->k) {
    case P_TOK:
    case P_ANNOT: return 0;
    case P_SEQ: return nullable_pat(p->a) && nullable_pat(p->b);
    case P_ALT: return nullable_pat(p->a) || nullable_pat(p->b);
    case P_OPT: return 1;
    case P_REP: return p->min == 0 || nullable_pat(p->a);
    case P_SKIP: return p->min == 0;
    }
    return 1;
}

/* The naive matcher: the set of end positions (a bit mask) that p can
 * reach from position i, by the definitions of doc/rules.md. */
static const sent *ns;

static int boundary(uint32_t j)
{
    return j > 0 && j < ns->n && ns->tok[j].clause != ns->tok[j - 1].clause;
}

static uint32_t ends(const pat *p, uint32_t i);

static uint32_t ends_from(const pat *p, uint32_t mask)
{
    uint32_t out = 0;
    for (uint32_t i = 0; i <= ns->n; i++)
        if (mask & (1u << i))
            out |= ends(p, i);
    return out;
}

static uint32_t ends(const pat *p, uint32_t i)
{
    uint32_t out = 0, cur;
    switch (p->k) {
    case P_TOK:
        if (i < ns->n && ns->text[ns->tok[i].start] == p->word)
            out = 1u << (i + 1);
        return out;
    case P_ANNOT:
        for (uint32_t a = 0; a < ns->n_annots; a++)
            if (ns->annots[a].first == i &&
                ns->annots[a].type[0] == p->type)
                out |= 1u << ns->annots[a].end;
        return out;
    case P_SEQ: return ends_from(p->b, ends(p->a, i));
    case P_ALT: return ends(p->a, i) | ends(p->b, i);
    case P_OPT: return ends(p->a, i) | (1u << i);
    case P_REP:
        cur = 1u << i;
        for (int k = 0; k < p->max; k++) {
            if (k >= p->min)
                out |= cur;
            cur = ends_from(p->a, cur);
        }
        return out | cur;
    case P_SKIP:
        for (int k = 0; k <= p->max && i + (uint32_t)k <= ns->n; k++) {
            uint32_t e = i + (uint32_t)k;
            if (k > 0 && !p->within_sentence && boundary(e - 1))
                break; /* token e-1 begins another clause */
            if (k >= p->min && (p->within_sentence || k == 0 || !boundary(e)))
                out |= 1u << e;
        }
        return out;
    }
    return 0;
}

/* Leftmost-longest, non-overlapping, as "START-END ...". */
static void naive(const pat *p, char *out, size_t len)
{
    out[0] = '\0';
    uint32_t from = 0;
    while (from < ns->n) {
        uint32_t start = from, e = 0;
        for (; start < ns->n; start++)
            if ((e = ends(p, start) & ~((2u << start) - 1)) != 0)
                break;
        if (start >= ns->n)
            break;
        uint32_t end = 31 - (uint32_t)__builtin_clz(e);
        snprintf(out + strlen(out), len - strlen(out), "%s%u-%u",
                 out[0] ? " " : "", start, end);
        from = end;
    }
}

/* A random sentence of up to nine words a, b, c, some clause bounds and
 * annotations A and B; words gets its text. Sets ns. */
static void random_text(sent *s, char words[64])
{
    words[0] = '\0';
    unsigned len = 1 + trnd(9);
    for (unsigned k = 0; k < len; k++) {
        if (k && trnd(5) == 0)
            strcat(words, "| ");
        char w[3] = {(char)('a' + trnd(3)), ' ', 0};
        strcat(words, w);
    }
    make(s, words);
    for (uint32_t a = 0; a < s->n; a++)
        if (trnd(3) == 0)
            annot(s, trnd(2) ? "A" : "B", a,
                  a + 1 + trnd(s->n - a < 3 ? s->n - a : 3));
    ns = s;
}

/* The annotations of s, as " TYPE:FIRST-END" each, for a failure. */
static void annots_text(const sent *s, char *out, size_t len)
{
    out[0] = '\0';
    for (uint32_t a = 0; a < s->n_annots; a++)
        snprintf(out + strlen(out), len - strlen(out), " %s:%u-%u",
                 s->annots[a].type, s->annots[a].first, s->annots[a].end);
}

static void test_differential(void **state)
{
    (void)state;
    enum { RULES = 300, TEXTS = 60 };
    int nonempty = 0;
    static char body[RULES * 700];
    body[0] = '\0';
    int n = 0;
    while (n < RULES) {
        n_pool = n_pool > 3500 ? 0 : n_pool;
        pat *p = gen(0);
        if (nullable_pat(p))
            continue;
        char xml[600] = "";
        to_xml(p, xml, sizeof xml);
        if (strlen(xml) > 550)
            continue;
        snprintf(body + strlen(body), sizeof body - strlen(body),
                 "<rule id=\"g%d\" class=\"dpo:Meeting\"><pattern>%s"
                 "</pattern><example>x</example></rule>",
                 n, xml);
        n++;
    }
    /* The pool is reused: generate the same patterns again for the
     * naive side. */
    fg_pack *pk = load(body);
    assert_int_equal(fg_pack_count(pk), RULES);
    rng = 12345;
    n_pool = 0;
    n = 0;
    while (n < RULES) {
        n_pool = n_pool > 3500 ? 0 : n_pool;
        pat *p = gen(0);
        if (nullable_pat(p))
            continue;
        char xml[600] = "";
        to_xml(p, xml, sizeof xml);
        if (strlen(xml) > 550)
            continue;
        n++;
        static sent s;
        assert_int_equal(fg_vm_new(&vm), 0);
        for (int t = 0; t < TEXTS; t++) {
            char words[64];
            random_text(&s, words);
            char want[256], got[4096];
            naive(p, want, sizeof want);
            found f;
            snprintf(got, sizeof got, "%s", matches(pk, (size_t)n - 1, &s, &f));
            nonempty += want[0] != '\0';
            if (strcmp(want, got) != 0) {
                char an[256];
                annots_text(&s, an, sizeof an);
                fail_msg("pattern %s on \"%s\" (annotations%s): naive %s, "
                         "vm %s",
                         xml, words, an, want, got);
            }
        }
        fg_vm_free(vm);
        vm = NULL;
    }
    /* The comparison means something only when there are matches. */
    assert_true(nonempty > RULES * TEXTS / 5);
    fg_pack_free(pk);
}

/* Macros that rules call (a macro's own program, FG_OP_CALL, in a pack
 * loaded for extraction) match what the naive matcher finds for the
 * rule with the macro's elements in its place, and give the captures
 * around them the same values as the pack loaded for explaining, which
 * inlines them. Each macro body is a random pattern in an alternative
 * with ten tokens that never match, so that it is not too small to be
 * called. */
static void test_differential_macros(void **state)
{
    (void)state;
    enum { RULES = 100, TEXTS = 60 };
    static char body[RULES * 2000];
    static pat *whole[RULES];
    static char xmls[RULES][2048];
    int nonempty = 0, calls = 0;
    body[0] = '\0';
    rng = 4242;
    n_pool = 0;
    for (int n = 0; n < RULES;) {
        assert_true(n_pool < 3900);
        int mark = n_pool;
        pat *q1 = gen(1), *m = gen(0), *q2 = gen(1);
        char xq1[600] = "", xm[600] = "", xq2[600] = "";
        to_xml(q1, xq1, sizeof xq1);
        to_xml(m, xm, sizeof xm);
        to_xml(q2, xq2, sizeof xq2);
        if (nullable_pat(m) || strlen(xq1) + strlen(xm) + strlen(xq2) > 1000) {
            n_pool = mark;
            continue;
        }
        pat *rest = &pool[n_pool++], *w = &pool[n_pool++];
        *rest = (pat){.k = P_SEQ, .a = m, .b = q2};
        *w = (pat){.k = P_SEQ, .a = q1, .b = rest};
        whole[n] = w;
        snprintf(xmls[n], sizeof xmls[n], "%s [%s] %s", xq1, xm, xq2);
        size_t len = strlen(body);
        snprintf(body + len, sizeof body - len,
                 "<macro name=\"m%d\"><alt>%s<seq>", n, xm);
        for (int k = 0; k < 10; k++)
            strcat(body, "<token form=\"z\"/>");
        len = strlen(body);
        snprintf(body + len, sizeof body - len,
                 "</seq></alt></macro><rule id=\"g%d\" class=\"dpo:Meeting\">"
                 "<pattern><capture role=\"agent\">%s</capture><use "
                 "macro=\"m%d\"/><capture role=\"theme\">%s</capture>"
                 "</pattern><example>x</example></rule>",
                 n, xq1, n, xq2);
        n++;
    }
    fg_pack *lean = load_for(body, 0), *full = load_for(body, 1);
    assert_int_equal(fg_pack_count(lean), RULES);
    static sent s;
    assert_int_equal(fg_vm_new(&vm), 0);
    for (int n = 0; n < RULES; n++) {
        const fg_program *g = &fg_pack_get(lean, (size_t)n)->prog;
        for (uint32_t pc = 0; pc < g->n; pc++)
            calls += g->code[pc].op == FG_OP_CALL;
        for (int t = 0; t < TEXTS; t++) {
            char words[64];
            random_text(&s, words);
            char want[256], got[4096], got_full[4096];
            naive(whole[n], want, sizeof want);
            found fl, ff;
            snprintf(got, sizeof got, "%s", matches(lean, (size_t)n, &s, &fl));
            snprintf(got_full, sizeof got_full, "%s",
                     matches(full, (size_t)n, &s, &ff));
            nonempty += want[0] != '\0';
            if (strcmp(want, got) != 0 || strcmp(got, got_full) != 0 ||
                strcmp(fl.roles, ff.roles) != 0) {
                char an[256];
                annots_text(&s, an, sizeof an);
                fail_msg("pattern %s on \"%s\" (annotations%s): naive %s, "
                         "called %s (%s), inlined %s (%s)",
                         xmls[n], words, an, want, got, fl.roles, got_full,
                         ff.roles);
            }
        }
    }
    fg_vm_free(vm);
    assert_true(calls == RULES);
    assert_true(nonempty > RULES * TEXTS / 5);
    fg_pack_free(lean);
    fg_pack_free(full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_tests),
        cmocka_unit_test(test_sequence_alternation_option),
        cmocka_unit_test(test_repetition),
        cmocka_unit_test(test_gap),
        cmocka_unit_test(test_captures),
        cmocka_unit_test(test_annotations),
        cmocka_unit_test(test_annotation_and_tag_tests),
        cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_empty_and_long),
        cmocka_unit_test(test_nested_repetition),
        cmocka_unit_test(test_regex_limits),
        cmocka_unit_test(test_trace_and_explain),
        cmocka_unit_test(test_element_slots_only_for_explaining),
        cmocka_unit_test(test_results_kept_per_input),
        cmocka_unit_test(test_required_keys),
        cmocka_unit_test(test_differential),
        cmocka_unit_test(test_differential_macros),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
