#!/bin/sh
# File I/O that fails on demand: strace's syscall fault injection makes
# the Nth write(2) of the program fail (ENOSPC), or its rename(2), or a
# read(2) of an input file (EIO), in the real program and its real
# system calls, with nothing compiled in for it. Each write of a run is
# failed in turn: to -o FILE, to -o FILE.gz and to --output-dir. Every
# time the program says so and exits 1, an existing output file keeps
# its old content, no temporary file is left, and no output file holds
# part of a document's output; --output-dir resumes. A failed read of an
# input names the file, and the other documents are processed.
. "$top_srcdir/tests/lib.sh"

command -v strace > /dev/null || { echo "strace missing: skipped"; exit 77; }
[ -n "${FG_VALGRIND_RUN:-}" ] && { echo "not under valgrind: skipped"; exit 77; }
# The program itself, not libtool's wrapper script (whose shell writes
# would be counted). LeakSanitizer cannot run under a tracer: off there
# (the other tests check leaks).
trace() { # LOG INJECT ARGS...: runs factgraph under strace
    log=$1 inject=$2; shift 2
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$top_builddir/libtool" --mode=execute strace -f -qq -o "$log" \
        -e trace=write,read,rename,openat,dup,close ${inject:+-e inject=$inject} \
        "$top_builddir/src/factgraph" "$@"
}
trace "$TMP/probe.log" "" --version > /dev/null 2>&1 ||
    { echo "strace cannot trace here: skipped"; exit 77; }

example="$top_srcdir/examples/koalition-der-willigen.txt"
# A run that writes the cache of loaded data makes more writes than the
# next: a cache of this test's own (which other tests cannot prune) is
# made before writes are counted.
FACTGRAPH_CACHE_DIR=$TMP/cache
export FACTGRAPH_CACHE_DIR
"$FACTGRAPH" --format=ntriples "$example" > /dev/null 2>&1
gold="$top_srcdir/tests/gold"
inputs="$example $gold/dev.jsonl $gold/dev2.jsonl $gold/dev3.jsonl $gold/test.jsonl"

# calls LOG SYSCALL PATTERN: the numbers (counted per thread, as strace's
# injection counts them) of the calls of SYSCALL on a descriptor opened
# for a path matching PATTERN, or duplicated from one, while it is open.
# (Other writes, such as a coverage build's at exit, are left alone.)
calls() {
    awk -v sc="$2" -v p="$3" '
        { split($2, a, /[(,)]/) }
        $2 ~ "^" sc "\\(" { n[$1]++; if (a[2] in fd) print n[$1] }
        $2 ~ /^openat\(/ && $0 ~ p && $NF >= 0 { fd[$NF] = 1 }
        $2 ~ /^dup\(/ && (a[2] in fd) && $NF >= 0 { fd[$NF] = 1 }
        $2 ~ /^close\(/ { delete fd[a[2]] }' "$1"
}
left_temps() { ls -A "$1" | grep -c '^\.' || true; }

# ---- -o FILE and -o FILE.gz: each write to the output fails in turn ----
# (Fewer inputs under gzip, which writes many more, smaller pieces.)
gz_inputs="$example $gold/dev.jsonl"
for out in out.nt out.nt.gz; do
    [ "$out" = out.nt.gz ] && inputs=$gz_inputs
    # shellcheck disable=SC2086 # a word list
    trace "$TMP/clean.log" "" --format=ntriples -o "$TMP/$out" $inputs 2> /dev/null
    cp "$TMP/$out" "$TMP/clean-$out"
    walked=0 bad=0
    for n in $(calls "$TMP/clean.log" write "\\.$out\\."); do
        printf 'old content\n' > "$TMP/$out"
        # shellcheck disable=SC2086 # a word list
        trace "$TMP/run.log" "write:error=ENOSPC:when=$n" \
            --format=ntriples -o "$TMP/$out" $inputs 2> "$TMP/err"
        rc=$?
        walked=$((walked + 1))
        if [ $rc -ne 1 ] || [ "$(cat "$TMP/$out")" != "old content" ] ||
            ! grep -q "$out: write error: No space left on device (the file was left as it was)" "$TMP/err" ||
            [ "$(left_temps "$TMP")" -ne 0 ]; then
            bad=$((bad + 1))
            fail "-o $out, write $n fails" "exit $rc; $(cat "$TMP/err")"
        fi
    done
    expect_eq "-o $out: every failed write reported, the old file kept ($walked writes)" \
        "$bad:$(test "$walked" -ge 2 && echo several)" "0:several"
done
# The clean run under strace wrote what it should.
# shellcheck disable=SC2086 # a word list
"$FACTGRAPH" --format=ntriples $gz_inputs > "$TMP/plain.nt" 2> /dev/null
expect_eq "the clean run: the same N-Triples with and without gzip" \
    "$(zcat "$TMP/clean-out.nt.gz" | cmp -s - "$TMP/plain.nt" && echo same)" same

# ---- the rename that puts the output in place fails ----
printf 'old content\n' > "$TMP/r.nt"
trace "$TMP/run.log" "rename:error=EIO:when=1" --format=ntriples -o "$TMP/r.nt" \
    "$example" 2> "$TMP/err"
expect_eq "failed rename: exit 1" $? 1
expect_eq "failed rename: the old file kept" "$(cat "$TMP/r.nt")" "old content"
expect_match "failed rename: reported" "$(cat "$TMP/err")" \
    'r.nt: write error: Input/output error \(the file was left as it was\)'
expect_eq "failed rename: no temporary file left" "$(left_temps "$TMP")" 0

# ---- --output-dir: each write fails in turn; a re-run completes ----
mkdir -p "$TMP/in"
for i in 1 2 3; do cp "$example" "$TMP/in/doc$i.txt"; done
cp "$gold/dev.jsonl" "$TMP/in/dev.jsonl"
trace "$TMP/clean.log" "" -j 1 --format=ntriples --output-dir "$TMP/want" "$TMP/in" 2> /dev/null
walked=0 bad=0
for n in $(calls "$TMP/clean.log" write 'want/\.'); do
    rm -rf "$TMP/got"
    trace "$TMP/run.log" "write:error=ENOSPC:when=$n" -j 1 --format=ntriples \
        --output-dir "$TMP/got" "$TMP/in" 2> "$TMP/err"
    rc=$?
    walked=$((walked + 1))
    partial=0
    for f in "$TMP"/got/*; do
        [ -e "$f" ] || continue
        cmp -s "$f" "$TMP/want/${f##*/}" || partial=$((partial + 1))
    done
    if [ $rc -ne 1 ] || [ $partial -ne 0 ] || [ "$(left_temps "$TMP/got")" -ne 0 ] ||
        ! grep -q 'write error: No space left on device' "$TMP/err"; then
        bad=$((bad + 1))
        fail "--output-dir, write $n fails" "exit $rc, $partial partial files; $(cat "$TMP/err")"
        continue
    fi
    # The re-run writes what is missing, and all is as in one clean run.
    "$FACTGRAPH" -j 1 --format=ntriples --output-dir "$TMP/got" "$TMP/in" 2> /dev/null
    diff -r "$TMP/want" "$TMP/got" > /dev/null ||
        { bad=$((bad + 1)); fail "--output-dir, write $n fails: the re-run does not complete it"; }
done
expect_eq "--output-dir: every failed write reported, no partial file, resumed ($walked writes)" \
    "$bad:$(test "$walked" -ge 4 && echo several)" "0:several"

# ---- a read of an input fails: named, the other documents processed ----
# Only the reads of doc1.txt are traced (-P), so the first of them fails
# whatever else the program (or a sanitizer's runtime) reads before it.
trace "$TMP/clean.log" "" tokens "$TMP/in/doc1.txt" "$TMP/in/doc2.txt" > "$TMP/want.tsv" 2> /dev/null
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$top_builddir/libtool" --mode=execute strace -f -qq -o "$TMP/run.log" \
    -P "$TMP/in/doc1.txt" -e trace=read -e inject=read:error=EIO:when=1 \
    "$top_builddir/src/factgraph" tokens "$TMP/in/doc1.txt" \
    "$TMP/in/doc2.txt" > "$TMP/got.tsv" 2> "$TMP/err"
expect_eq "failed read: exit 1" $? 1
expect_match "failed read: the file named" "$(cat "$TMP/err")" \
    'doc1.txt: error: read error: Input/output error'
expect_match "failed read: counted" "$(cat "$TMP/err")" \
    '2 documents read, 1 processed, 1 failed'
expect_eq "failed read: the other document processed" \
    "$(grep -c 'doc2.txt' "$TMP/got.tsv")" "$(grep -c 'doc2.txt' "$TMP/want.tsv")"

done_testing
