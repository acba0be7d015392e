#!/bin/sh
# The size limits, through the program: a JSON line over 128 MiB and a text
# document over 64 MiB are each reported and skipped, the documents after
# them are processed, and memory stays bounded.
. "$top_srcdir/tests/lib.sh"

# A JSON line of 129 MiB, then a good line.
{
    printf '{"id": "huge", "text": "'
    head -c $((129 * 1024 * 1024)) /dev/zero | tr '\0' 'a'
    printf '"}\n{"id": "after", "text": "Danach geht es weiter."}\n'
} > "$TMP/huge.jsonl"
( ulimit -v 1500000; exec "$FACTGRAPH" tokens "$TMP/huge.jsonl" ) > "$TMP/out" 2> "$TMP/err"
expect_eq "long JSON line: exit 1" $? 1
expect_match "long JSON line: named with its line" "$(cat "$TMP/err")" \
    'huge.jsonl:1: error: JSON line longer than the limit of 128 MiB: skipped'
expect_eq "long JSON line: the next line is processed" \
    "$(tail -n +2 "$TMP/out" | cut -f1 | sort -u)" "after"

# A text file of 64 MiB + 1 byte, then a good file.
head -c $((64 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'b' > "$TMP/big.txt"
printf 'Klein.' > "$TMP/small.txt"
( ulimit -v 1500000; exec "$FACTGRAPH" tokens "$TMP/big.txt" "$TMP/small.txt" ) \
    > "$TMP/out" 2> "$TMP/err"
expect_eq "large document: exit 1" $? 1
expect_match "large document: named" "$(cat "$TMP/err")" \
    'big.txt: error: document larger than the limit of 64 MiB: skipped'
expect_eq "large document: the next file is processed" \
    "$(tail -n +2 "$TMP/out" | cut -f1 | sort -u)" "$TMP/small.txt"

# Exactly 64 MiB is accepted: one long word, cut into 1,024-byte tokens.
head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' 'c' > "$TMP/max.txt"
( ulimit -v 3000000; exec "$FACTGRAPH" tokens "$TMP/max.txt" ) > "$TMP/out" 2> "$TMP/err"
expect_eq "64 MiB document: exit 0" $? 0
expect_eq "64 MiB document: 65,536 tokens" "$(tail -n +2 "$TMP/out" | wc -l)" 65536
expect_match "64 MiB document: long sentence warning" "$(cat "$TMP/err")" \
    'sentence\(s\) longer than 1000 tokens split'
done_testing
