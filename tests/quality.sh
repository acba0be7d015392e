#!/bin/sh
# Extraction quality against the gold standard (tests/gold/FORMAT.md):
# micro-F1 of events (class and agent) on each part must not fall more
# than 0.02 below tests/gold/baseline.tsv. The figures are printed either
# way. With UPDATE=1 the baseline is rewritten from this run (do that
# when the rules got better, and say so in doc/quality.md).
#
# The parts: dev to dev10 (rules may be tuned on them), test (measured
# only: never read it while writing rules), example (the bundled article).
. "$top_srcdir/tests/lib.sh"

baseline="$top_srcdir/tests/gold/baseline.tsv"
# The rows of the baseline that are scored: kind and name of fg_eval rows.
rows='event all
role agent'

if [ "${UPDATE:-}" = 1 ]; then
    printf '# part\tkind\tname\tf1\n' > "$TMP/baseline"
fi
for part in dev dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10 test example; do
    gold="$top_srcdir/tests/gold/$part.jsonl"
    [ -f "$gold" ] || continue
    "$FACTGRAPH" eval --gold "$gold" --format=tsv > "$TMP/$part.tsv" 2> "$TMP/err"
    expect_eq "$part: eval exits 0" $? 0
    printf '%s\n' "$rows" | while read -r kind name; do
        f1=$(awk -F'\t' -v k="$kind" -v n="$name" '$1 == k && $2 == n { print $8 }' "$TMP/$part.tsv")
        echo "# $part $kind $name: F1 $f1"
        if [ "${UPDATE:-}" = 1 ]; then
            printf '%s\t%s\t%s\t%s\n' "$part" "$kind" "$name" "$f1" >> "$TMP/baseline"
        fi
    done
    if [ "${UPDATE:-}" != 1 ]; then
        want=$(awk -F'\t' -v p="$part" '$1 == p && $2 == "event" && $3 == "all" { print $4 }' "$baseline")
        got=$(awk -F'\t' '$1 == "event" && $2 == "all" { print $8 }' "$TMP/$part.tsv")
        if [ -z "$want" ]; then
            fail "$part: micro-F1 of events in the baseline" "no row in $baseline"
        elif awk -v g="$got" -v w="$want" 'BEGIN { exit !(g + 0.02 >= w) }'; then
            pass "$part: micro-F1 of events $got, baseline $want"
        else
            fail "$part: micro-F1 of events $got fell below the baseline $want"
        fi
    fi
done
if [ "${UPDATE:-}" = 1 ]; then
    cp "$TMP/baseline" "$baseline"
    echo "# baseline rewritten: $baseline"
fi
done_testing
