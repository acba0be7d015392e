#!/bin/sh
# The fuzzing corpora (fuzz/corpus, fuzz/seeds: inputs that reached new
# code in the libFuzzer harnesses, and every finding kept) through the
# program itself: text, HTML and JSON Lines are extracted (exit 0 or 1,
# never a crash; the output parses as N-Triples), every rule file is
# checked (exit 0, 1 or 2 with diagnostics, never a crash). Under the
# sanitizer build this is the harnesses' regression test.
. "$top_srcdir/tests/lib.sh"
fuzz="$top_srcdir/fuzz"

for kind in text:text pipeline:text jsonl:jsonl html:html; do
    name=${kind%%:*} format=${kind#*:}
    for from in corpus seeds; do
        dir="$fuzz/$from/$name"
        [ -d "$dir" ] || continue
        n=$(find "$dir" -type f | wc -l)
        "$FACTGRAPH" extract -j 2 --quiet --input-format="$format" \
            --format=ntriples "$dir" > "$TMP/out.nt" 2> "$TMP/err"
        rc=$?
        if [ "$rc" -le 1 ]; then pass "$from/$name: $n inputs, exit $rc"
        else fail "$from/$name: $n inputs, exit $rc" "$(tail -n 5 "$TMP/err")"; fi
        if serdi -i ntriples -o ntriples "$TMP/out.nt" > /dev/null 2> "$TMP/serdi"; then
            pass "$from/$name: the output parses as N-Triples"
        else
            fail "$from/$name: the output parses as N-Triples" "$(head -n 3 "$TMP/serdi")"
        fi
    done
done

bad=0 files=0
for f in "$fuzz"/corpus/rules/* "$fuzz"/seeds/rules/*; do
    [ -f "$f" ] || continue
    files=$((files + 1))
    "$FACTGRAPH" check-rules "$f" > /dev/null 2> "$TMP/err"
    rc=$?
    if [ "$rc" -gt 2 ]; then
        bad=$((bad + 1))
        echo "# $f: exit $rc"
        tail -n 3 "$TMP/err" | sed 's/^/#   /'
    fi
done
expect_eq "rules: $files rule files checked, none crashed" "$bad" 0
done_testing
