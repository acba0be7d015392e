#!/bin/sh
# Bad-input tests: each folder tests/bad/CASE/ holds `args` (the arguments
# of factgraph, one line, run inside the folder), optionally `env` (lines
# NAME=VALUE exported first; @CASE@ stands for the folder) and `stdin`,
# and the exact `expected.stderr` and `expected.status`; `expected.stdout`
# when present must match too.
. "$top_srcdir/tests/lib.sh"

for dir in "$top_srcdir"/tests/bad/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    args=$(cat "$dir/args")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/$(cat "$dir/stdin")"
    (
        cd "$dir" || exit 99
        if [ -f env ]; then
            while IFS= read -r line; do
                export "$(printf '%s' "$line" | sed "s|@CASE@|$dir|g")"
            done < env
        fi
        # shellcheck disable=SC2086 # args is a word list by design
        exec "$FACTGRAPH" $args < "$input"
    ) > "$TMP/out" 2> "$TMP/err"
    status=$?
    sed "s|$dir|@CASE@|g" "$TMP/err" > "$TMP/err.norm"
    want_status=$(cat "$dir/expected.status")
    if [ "$status" != "$want_status" ]; then
        fail "$name: exit $status, want $want_status" "$(cat "$TMP/err")"
    elif ! diff -u "$dir/expected.stderr" "$TMP/err.norm" > "$TMP/diff"; then
        fail "$name: diagnostics differ" "$(cat "$TMP/diff")"
    elif [ -f "$dir/expected.stdout" ] &&
         ! diff -u "$dir/expected.stdout" "$TMP/out" > "$TMP/diff"; then
        fail "$name: output differs" "$(head -n 40 "$TMP/diff")"
    else
        pass "$name"
    fi
done
done_testing
