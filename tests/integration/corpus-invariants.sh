#!/bin/sh
# Tokenising invariants on the shared corpus (FACTGRAPH_CORPUS): on the
# sample and on the whole corpus, through the library, and the program's
# TSV on the sample has one line per token plus the header.
. "$top_srcdir/tests/lib.sh"
if [ -z "${FACTGRAPH_CORPUS:-}" ]; then
    echo "FACTGRAPH_CORPUS is not set: skipped"
    exit 77
fi
check="$top_builddir/tests/integration/corpus_invariants"
for f in news-de.jsonl news-de-sample.jsonl; do
    out=$("$check" "$FACTGRAPH_CORPUS/$f" 2>&1)
    status=$?
    echo "# $f: $out" | tail -n 1
    if [ $status -eq 0 ]; then pass "invariants hold on $f"
    else fail "invariants hold on $f" "$out"; fi
done
# The program prints every token of every sample document.
tokens=$(printf '%s\n' "$out" | tail -n 1 | sed -n 's/^[0-9]* documents, \([0-9]*\) tokens.*/\1/p')
"$FACTGRAPH" tokens "$FACTGRAPH_CORPUS/news-de-sample.jsonl" > "$TMP/sample.tsv"
expect_eq "tokens exits 0 on the sample" $? 0
expect_eq "one line per token plus the header" "$(wc -l < "$TMP/sample.tsv")" $((tokens + 1))
expect_eq "all 200 sample documents in the TSV" \
    "$(tail -n +2 "$TMP/sample.tsv" | cut -f1 | sort -u | wc -l)" 200
done_testing
