/* fuzz_rules: any bytes as a rule file: the XML reader (no DTD, no
 * entities), the schema, the rule tree, the pattern compiler and the
 * linter; when it loads, its examples run through the matcher. */
#include "config.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fuzz_bare_datadir();
    fg_engine *engine = fuzz_engine_in(
        dir, fuzz_file("rules.xml", data, size), FG_FORMAT_NTRIPLES);
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
