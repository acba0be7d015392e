#!/bin/sh
# The command line: help, version, stdin, options, output files written
# atomically, write errors and closed pipes, exit codes.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"

# --help and --version go to stdout and exit 0.
out=$(fg --help); expect_eq "--help exits 0" $? 0
expect_match "--help lists tokens" "$out" '^  tokens '
out=$(fg tokens --help); expect_match "tokens --help names the columns" "$out" \
    'doc sent clause start end form norm shape'
out=$(fg --version); expect_match "--version" "$out" '^factgraph [0-9]+\.[0-9]+\.[0-9]+$'
fg > /dev/null 2> "$TMP/err"; expect_eq "no arguments: exit 2" $? 2
expect_match "no arguments: usage on stderr" "$(cat "$TMP/err")" '^Usage: factgraph'

# Standard input, with and without "-", as text or JSON Lines.
out=$(printf 'Healey erklärte.' | fg tokens | cut -f1,6 | tr '\n' ' ')
expect_eq "stdin without arguments" "$out" "doc	form stdin	Healey stdin	erklärte stdin	. "
out=$(printf 'Ja.' | fg tokens - | tail -n 1 | cut -f1)
expect_eq "stdin as -" "$out" "stdin"
out=$(printf '\n  {"id": "j1", "text": "Ja."}\n' | fg tokens | tail -n 1 | cut -f1)
expect_eq "stdin sniffed as JSON Lines" "$out" "j1"
out=$(printf '{"id": "j1", "text": "Ja."}' | fg tokens --input-format=text | sed -n 2p | cut -f1,6)
expect_eq "--input-format=text keeps JSON as text" "$out" "stdin	{"
cp "$example" "$TMP/a.txt"
out=$(fg tokens --input-format=jsonl "$TMP/a.txt" 2>&1 >/dev/null | head -n 1)
expect_match "--input-format=jsonl on text reports the line" "$out" "a.txt:1:[0-9]+: error: malformed JSON"

# "--" ends the options.
printf 'Minus.' > "$TMP/-o"
out=$(cd "$TMP" && fg tokens -- -o | sed -n 2p | cut -f1,6)
expect_eq "-- ends options" "$out" "-o	Minus"

# -o writes the file; the same output as stdout.
fg tokens -o "$TMP/out.tsv" "$example"; expect_eq "-o exits 0" $? 0
fg tokens "$example" > "$TMP/stdout.tsv"
if cmp -s "$TMP/out.tsv" "$TMP/stdout.tsv"; then pass "-o equals stdout"; else fail "-o equals stdout"; fi
left=$(ls -A "$TMP" | grep -c '^\.out\.tsv\.' || true)
expect_eq "-o leaves no temporary file" "$left" 0

# A failed write leaves an existing output file as it was.
printf 'old content\n' > "$TMP/keep.tsv"
(ulimit -f 1; trap '' XFSZ; exec "$FACTGRAPH" tokens -o "$TMP/keep.tsv" "$example") 2> "$TMP/err"
expect_eq "write error: exit 1" $? 1
expect_eq "write error: old file kept" "$(cat "$TMP/keep.tsv")" "old content"
expect_match "write error: named" "$(cat "$TMP/err")" "keep.tsv: write error: File too large"
left=$(ls -A "$TMP" | grep -c '^\.keep\.tsv\.' || true)
expect_eq "write error: temporary file removed" "$left" 0

# /dev/full: written directly, the error reported.
fg tokens -o /dev/full "$example" 2> "$TMP/err"; expect_eq "/dev/full: exit 1" $? 1
expect_match "/dev/full: message" "$(cat "$TMP/err")" "/dev/full: write error: No space left on device"

# An output in a folder that does not exist: exit 2, nothing created.
fg tokens -o "$TMP/no/such/dir/x.tsv" "$example" 2> "$TMP/err"
expect_eq "unwritable output: exit 2" $? 2
expect_match "unwritable output: message" "$(cat "$TMP/err")" "x.tsv: cannot create"

# A closed pipe: reported, exit 1, no crash by SIGPIPE.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    cat "$example"; done > "$TMP/big.txt"
status=$( { fg tokens "$TMP/big.txt" 2> "$TMP/err"; echo $? > "$TMP/status"; } | head -n 1 > /dev/null; cat "$TMP/status")
expect_eq "closed pipe: exit 1" "$status" 1
expect_match "closed pipe: message" "$(cat "$TMP/err")" "write error: Broken pipe"

# A failed input does not stop the others.
out=$(fg tokens "$TMP/missing.txt" "$TMP/a.txt" 2> "$TMP/err" | tail -n 1 | cut -f1)
expect_match "missing input named" "$(cat "$TMP/err")" "missing.txt: error: cannot open"
expect_match "next input processed" "$out" "a.txt$"

# Without FACTGRAPH_DATADIR, a program in its build tree reads the data of
# its source tree.
out=$(env -u FACTGRAPH_DATADIR "$FACTGRAPH" tokens --input-format=auto "$TMP/a.txt" | sed -n 2p | cut -f6)
expect_eq "build tree: data from the source tree" "$out" "In"

# Data from FACTGRAPH_DATADIR; a wrong one is a configuration error.
FACTGRAPH_DATADIR="$TMP/nodata" fg tokens "$TMP/a.txt" > "$TMP/out" 2> "$TMP/err"
expect_eq "missing data: exit 2" $? 2
expect_eq "missing data: no output" "$(wc -c < "$TMP/out")" 0
expect_match "missing data: names the file" "$(cat "$TMP/err")" \
    "nodata/rules/tokeniser/abbreviations.txt: error: cannot open"

done_testing
