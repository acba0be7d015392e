/* fuzz_html: any bytes as an HTML page: libxml2's HTML parser, the main
 * text, title, date and URL, then the analysis without rules. */
#include "config.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fg_engine *engine;
    static fg_worker *worker;
    if (engine == NULL) {
        engine = fuzz_engine_no_rules();
        FUZZ_CHECK(fg_worker_new(&worker, engine) == 0);
    }
    fuzz_run_input(engine, worker, fuzz_file("in.html", data, size),
                   FG_INPUT_HTML, NULL);
    return 0;
}
