/* fuzz_jsonl: any bytes as a JSON Lines file (also gzip: the reader
 * looks at the first bytes), read and analysed without rules. */
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
    fuzz_run_input(engine, worker, fuzz_file("in.jsonl", data, size),
                   FG_INPUT_JSONL, NULL);
    return 0;
}
