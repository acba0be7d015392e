#!/bin/sh
# Installs factgraph into a temporary root, then builds a small program
# against the installed header and library through pkg-config, and runs
# it with the installed data.
. "$top_srcdir/tests/lib.sh"
root="$TMP/root"
make -C "$top_builddir" install DESTDIR="$root" > "$TMP/install.log" 2>&1 ||
    { fail "make install" "$(tail -n 20 "$TMP/install.log")"; done_testing; exit 1; }
pass "make install into a temporary root"
pcdir=$(find "$root" -name factgraph.pc -exec dirname {} \; | head -n 1)
[ -n "$pcdir" ] && pass "factgraph.pc installed" || fail "factgraph.pc installed"
datadir=$(find "$root" -path '*/factgraph/rules/tokeniser' -type d | head -n 1)
[ -n "$datadir" ] && pass "data installed under pkgdatadir" || fail "data installed"
datadir=${datadir%/rules/tokeniser}

cat > "$TMP/hello.c" <<'C'
#include <factgraph.h>
#include <stdio.h>
#include <string.h>

static int print(void *ctx, fg_analysis *a)
{
    size_t len;
    const char *text = fg_analysis_text(a, &len);
    for (size_t i = 0; i < fg_analysis_token_count(a); i++) {
        const fg_token *t = fg_analysis_get_token(a, i);
        printf("%u %.*s\n", t->sentence + 1, (int)(t->end - t->start),
               text + t->start);
    }
    (void)ctx;
    return 0;
}

int main(void)
{
    const char *s = "Healey erklärte, dass z. B. Kiew wartet. Dann ging er.";
    fg_config *cfg;
    fg_engine *engine;
    fg_worker *worker;
    fg_diag_list *diags;
    fg_doc *doc;
    if (fg_config_new(&cfg) || fg_diag_list_new(&diags) ||
        fg_engine_new(&engine, cfg, diags) || fg_worker_new(&worker, engine) ||
        fg_doc_new(&doc, "hello", s, strlen(s)))
        return 1;
    fg_sink sink = {NULL, print};
    int rc = fg_engine_process(engine, worker, doc, &sink, diags);
    printf("%s\n", fg_version());
    fg_doc_free(doc);
    fg_worker_free(worker);
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    fg_config_free(cfg);
    return rc != 0;
}
C
export PKG_CONFIG_PATH="$pcdir" PKG_CONFIG_SYSROOT_DIR="$root"
cflags=$(pkg-config --cflags factgraph) && libs=$(pkg-config --libs factgraph)
if ${CC:-cc} -Wall -Wextra -Werror -o "$TMP/hello" "$TMP/hello.c" $cflags $libs \
    2> "$TMP/cc.log"; then pass "compiles against the installed header"
else fail "compiles against the installed header" "$(cat "$TMP/cc.log")"; fi
so=$(find "$root" -name 'libfactgraph.so.*.*' | head -n 1)
out=$(LD_LIBRARY_PATH="$(dirname "$so")" FACTGRAPH_DATADIR="$datadir" "$TMP/hello" 2>&1)
expect_match "runs with the installed library and data" "$out" '^2 Dann$'
expect_match "z. B. is two tokens in one sentence" "$out" '^1 B\.$'
# Only fg_ symbols are exported.
others=$(nm -D --defined-only "$so" | awk '{print $3}' | grep -v '^fg_' | grep -v '^_' || true)
expect_eq "only fg_ symbols exported" "$others" ""
done_testing
