#!/bin/sh
# Golden tests: each folder tests/golden/CASE/ holds `args` (the arguments
# of factgraph, one line, run inside the folder), optionally `stdin` (a
# path, relative to the folder, fed to standard input) and `expected`
# (standard output, byte for byte). With UPDATE=1 the expected files are
# rewritten instead (make golden-update); review the diff.
. "$top_srcdir/tests/lib.sh"

for dir in "$top_srcdir"/tests/golden/*/; do
    name=$(basename "$dir")
    args=$(cat "$dir/args")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/$(cat "$dir/stdin")"
    # shellcheck disable=SC2086 # args is a word list by design
    (cd "$dir" && "$FACTGRAPH" $args < "$input") > "$TMP/out" 2> "$TMP/err"
    status=$?
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$TMP/out" "$dir/expected"
        echo "updated $name"
        continue
    fi
    if [ $status -ne 0 ]; then
        fail "$name: exit $status" "$(cat "$TMP/err")"
    elif ! diff -u "$dir/expected" "$TMP/out" > "$TMP/diff"; then
        fail "$name: output differs" "$(head -n 40 "$TMP/diff")"
    else
        pass "$name"
    fi
done
done_testing
