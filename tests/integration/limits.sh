#!/bin/sh
# The size limits, through the program: a JSON line over 128 MiB and a text
# document over 64 MiB are each reported and skipped, the documents after
# them are processed, and memory stays bounded. Large inputs within the
# limits: a 50 MB line of words without punctuation, a pack of 100,000
# rules, a gazetteer of a million entries, each in bounded time (ulimit -t)
# and memory (GNU time's peak).
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
# bounded SECONDS ARGS...: runs factgraph with that much CPU time at most;
# its peak memory in KiB in $TMP/peak.
bounded() {
    limit=$1; shift
    ( ulimit -t "$limit"; exec /usr/bin/time -f %M -o "$TMP/peak" "$FACTGRAPH" "$@" )
}
peak_mib() { echo $(( $(tail -n 1 "$TMP/peak") / 1024 )); }
# under MIB: "yes" when the last peak was under MIB MiB, else the peak.
under() { m=$(peak_mib); if [ "$m" -lt "$1" ]; then echo yes; else echo "$m MiB"; fi; }

# A 50 MB line of words without punctuation: one sentence that is cut
# every 1,000 tokens, and memory that grows with the text, not faster.
awk 'BEGIN { srand(7); while (n < 50000000) { l = 2 + int(rand() * 9); w = ""
             for (i = 0; i < l; i++) w = w substr("abcdefghijklmnopqrstuvwxyz", 1 + int(rand() * 26), 1)
             printf "%s ", w; n += l + 1 } }' > "$TMP/line.txt"
bounded 1200 extract --format=ntriples "$TMP/line.txt" > "$TMP/line.nt" 2> "$TMP/err"
expect_eq "50 MB line: exit 0" $? 0
expect_match "50 MB line: cut into sentences of 1,000 tokens, with a warning" "$(cat "$TMP/err")" \
    'line.txt: warning: [0-9]{4} sentence\(s\) longer than 1000 tokens split'
expect_eq "50 MB line: the whole text in the output" \
    "$(grep -c 'nif-core#endIndex> "50000[0-9][0-9][0-9]"' "$TMP/line.nt")" 1
expect_eq "50 MB line: peak memory under 2.5 GiB" "$(under 2560)" yes

# A pack of 100,000 rules: loaded, its examples pass, it matches, and an
# error in its last rule names line 100,001 (libxml2 keeps element lines
# in 16 bits).
awk 'BEGIN { print "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">"
             for (i = 0; i < 100000; i++)
                 printf "<rule id=\"r%d\" class=\"dpo:Meeting\"><pattern><capture role=\"agent\"><token iform=\"kiel anna\"/></capture><token iform=\"wort%d\" role=\"trigger\"/></pattern><example>Kiel wort%d heute.</example></rule>\n", i, i, i
             print "</rules>" }' > "$TMP/rules.xml"
bounded 300 check-rules "$TMP/rules.xml" > "$TMP/out" 2> "$TMP/err"
expect_eq "100,000 rules: check-rules exit 0" $? 0
expect_match "100,000 rules: every example passes" "$(cat "$TMP/out")" \
    '^100000 rules, 100000 examples: 100000 passed, 0 failed'
expect_eq "100,000 rules: under 1 GiB" "$(under 1024)" yes
printf 'Kiel wort99999 heute. Anna wort7 morgen.' > "$TMP/w.txt"
bounded 300 extract --rules "$TMP/rules.xml" --format=ntriples "$TMP/w.txt" > "$TMP/w.nt" 2> "$TMP/err"
expect_eq "100,000 rules: extract exit 0" $? 0
expect_eq "100,000 rules: the first and the last rule match" \
    "$(grep -c 'rdf-syntax-ns#type> <https://w3id.org/factgraph/dpo#Meeting>' "$TMP/w.nt")" 2
sed 's|<example>Kiel wort99999 heute.</example>|<example>Kiel heute.</example>|' "$TMP/rules.xml" > "$TMP/bad.xml"
bounded 300 check-rules "$TMP/bad.xml" > /dev/null 2> "$TMP/err"
expect_match "100,000 rules: an error in the last rule names its line" "$(cat "$TMP/err")" \
    '^.*bad.xml:100001: error: rule r99999: expected a match, got none'

# A gazetteer of a million entries (two files; one file over 64 MiB is
# refused with the limit's message): loaded, its names found.
mkdir -p "$TMP/data/rules/lexicon"
for x in "$top_srcdir"/*; do
    [ "$x" = "$top_srcdir/rules" ] || ln -s "$x" "$TMP/data/"
done
for x in "$top_srcdir"/rules/*; do
    [ "$x" = "$top_srcdir/rules/lexicon" ] || ln -s "$x" "$TMP/data/rules/"
done
ln -s "$top_srcdir"/rules/lexicon/*.xml "$TMP/data/rules/lexicon/"
for part in 0 1; do
    awk -v p=$part 'BEGIN { print "<gazetteer xmlns=\"https://w3id.org/factgraph/lexicon/1\" type=\"Place\">"
        for (i = p * 500000; i < (p + 1) * 500000; i++)
            printf "<entry label=\"Ort%d\" class=\"Place\"><name>Ort%d</name></entry>\n", i, i
        print "</gazetteer>" }' > "$TMP/data/rules/lexicon/zz-places-$part.xml"
done
printf 'Die Minister trafen sich in Ort999999 und in Ort5.' > "$TMP/g.txt"
FACTGRAPH_DATADIR="$TMP/data" bounded 300 tokens "$TMP/g.txt" > "$TMP/out" 2> "$TMP/err"
expect_eq "a million gazetteer entries: exit 0" $? 0
expect_eq "a million gazetteer entries: the first and the last found" \
    "$(awk -F'\t' '$12 == "B-LOC" { printf "%s ", $6 }' "$TMP/out")" "Ort999999 Ort5 "
expect_eq "a million gazetteer entries: under 1.5 GiB" "$(under 1536)" yes
cat "$TMP/data/rules/lexicon/zz-places-0.xml" "$TMP/data/rules/lexicon/zz-places-1.xml" |
    sed '500002,500003d' > "$TMP/data/rules/lexicon/zz-places-0.xml.new"
mv "$TMP/data/rules/lexicon/zz-places-0.xml.new" "$TMP/data/rules/lexicon/zz-places-0.xml"
rm "$TMP/data/rules/lexicon/zz-places-1.xml"
FACTGRAPH_DATADIR="$TMP/data" bounded 300 tokens "$TMP/g.txt" > /dev/null 2> "$TMP/err"
expect_eq "a gazetteer over 64 MiB: exit 2" $? 2
expect_match "a gazetteer over 64 MiB: named with the limit" "$(cat "$TMP/err")" \
    'zz-places-0.xml: error: lexicon file larger than 67108864 bytes'
done_testing
