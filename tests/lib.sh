# Shared helpers for the shell tests. Source it; then call check NAME CMD...
# and finish with `done_testing`. make check sets top_srcdir, top_builddir,
# FACTGRAPH (the program) and FACTGRAPH_DATADIR.
: "${top_srcdir:?run through make check}"
: "${FACTGRAPH:?run through make check}"
LC_ALL=C.UTF-8
export LC_ALL
failures=0
checks=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fg-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

pass() { checks=$((checks + 1)); printf 'ok %d - %s\n' "$checks" "$1"; }
fail() {
    checks=$((checks + 1)); failures=$((failures + 1))
    printf 'not ok %d - %s\n' "$checks" "$1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'
    return 0
}

# expect_eq NAME GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"
    else fail "$1" "got:  $2
want: $3"; fi
}

# expect_match NAME TEXT PATTERN (grep -E)
expect_match() {
    if printf '%s\n' "$2" | grep -qE -- "$3"; then pass "$1"
    else fail "$1" "no match for /$3/ in:
$2"; fi
}

done_testing() {
    printf '# %d checks, %d failed\n' "$checks" "$failures"
    [ "$failures" -eq 0 ]
}
