/* fuzz_rules: any bytes as a rule file: the XML reader (no DTD, no
 * entities), the schema, the rule tree, the pattern compiler and the
 * linter; when it loads, its examples run through the matcher. And the
 * loader's own checks against the RELAX NG validator: loaded again with
 * a copy of the schema whose digest the checks do not know (so that
 * libxml2 validates every file), it must say exactly the same. */
#include "config.h"

#include "fuzz.h"

/* The bare data folder again, with a schema of other bytes. */
static const char *validating_datadir(void)
{
    static char dir[160];
    if (dir[0])
        return dir;
    const char *bare = fuzz_bare_datadir();
    snprintf(dir, sizeof dir, "%s/validating", fuzz_tmp());
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/rules/lexicon' && ln -s '%s/ontologies' '%s/' && "
             "ln -s '%s/rules/tokeniser' '%s'/rules/ && "
             "cat '%s/rules/factgraph-rules.rng' > '%s/rules/factgraph-rules.rng' && "
             "echo '<!-- another copy -->' >> '%s/rules/factgraph-rules.rng' && "
             "ln -s '%s/rules/factgraph-lexicon.rng' '%s'/rules/",
             dir, bare, dir, bare, dir, bare, dir, dir, bare, dir);
    FUZZ_CHECK(system(cmd) == 0);
    return dir;
}

/* Loads an engine with rules from datadir; returns it (NULL when the
 * rules do not load) and its diagnostics as text in *said (malloc'd). */
static fg_engine *load(const char *datadir, const char *rules, char **said)
{
    fg_config *cfg = NULL;
    fg_diag_list *diags = NULL;
    fg_engine *engine = NULL;
    FUZZ_CHECK(fg_config_new(&cfg) == 0 && fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_config_set_datadir(cfg, datadir) == 0);
    FUZZ_CHECK(fg_config_set_format(cfg, FG_FORMAT_NTRIPLES) == 0);
    FUZZ_CHECK(fg_config_add_rules(cfg, rules) == 0);
    int rc = fg_engine_new(&engine, cfg, diags);
    FUZZ_CHECK(rc == 0 || rc == FG_EDATA);
    size_t len = 0;
    FILE *fp = open_memstream(said, &len);
    FUZZ_CHECK(fp != NULL);
    for (size_t i = 0; i < fg_diag_list_count(diags); i++)
        FUZZ_CHECK(fg_diag_write(fg_diag_list_get(diags, i), fp) == 0);
    FUZZ_CHECK(fclose(fp) == 0);
    fg_diag_list_free(diags);
    fg_config_free(cfg);
    return engine;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *validating = validating_datadir();
    const char *rules = fuzz_file("rules.xml", data, size);
    char *said = NULL, *said_validating = NULL;
    fg_engine *engine = load(fuzz_bare_datadir(), rules, &said);
    fg_engine_free(load(validating, rules, &said_validating));
    if (strcmp(said, said_validating) != 0) {
        fprintf(stderr, "the loader's checks:\n%s\nthe validator:\n%s", said,
                said_validating);
        FUZZ_CHECK(!"the same diagnostics with and without the validator");
    }
    free(said);
    free(said_validating);
    if (engine == NULL)
        return 0;
    fg_diag_list *diags = NULL;
    size_t passed, failed;
    FUZZ_CHECK(fg_diag_list_new(&diags) == 0);
    FUZZ_CHECK(fg_engine_check_examples(engine, diags, &passed, &failed) == 0);
    fg_diag_list_free(diags);
    fg_engine_free(engine);
    return 0;
}
