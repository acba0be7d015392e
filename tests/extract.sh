#!/bin/sh
# factgraph extract: every RDF format parses (serdi, rapper), the output is
# deterministic, N-Quads has one named graph per document, whole-output
# formats are one document, and the options do what they say.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"
command -v serdi > /dev/null && command -v rapper > /dev/null ||
    { echo "serdi or rapper missing: skipped"; exit 77; }

# Three documents: dated, decomposed umlauts (NFD), and a quote-heavy id.
printf '%s\n' \
    '{"id": "a", "date": "2025-03-14", "title": "Treffen", "text": "In Brüssel traf sich die Koalition der Willigen."}' \
    '{"id": "b", "text": "Mu\u0308ller traf Pu\u0308tin.\nZweite Zeile."}' \
    '{"id": "c \"<{}>\" 😀", "text": "Text mit \u0001 Steuerzeichen."}' > "$TMP/news.jsonl"

for fmt in turtle ntriples nquads rdfxml json; do
    fg extract --format=$fmt "$example" "$TMP/news.jsonl" > "$TMP/out.$fmt" 2> "$TMP/err"
    expect_eq "extract --format=$fmt: exit 0" $? 0
    case $fmt in
        turtle|ntriples|nquads)
            if serdi -i $fmt -o ntriples "$TMP/out.$fmt" > "$TMP/serdi.nt" 2> "$TMP/serdi.err"
            then pass "serdi reads --format=$fmt"
            else fail "serdi reads --format=$fmt" "$(cat "$TMP/serdi.err")"; fi;;
    esac
    syn=$fmt; [ $fmt = rdfxml ] && syn=rdfxml
    if rapper -i $syn -c "$TMP/out.$fmt" > "$TMP/rapper.out" 2>&1 &&
       ! grep -qiE 'warning|error' "$TMP/rapper.out"; then
        pass "rapper reads --format=$fmt"
    else
        fail "rapper reads --format=$fmt" "$(cat "$TMP/rapper.out")"
    fi
    # The set of distinct triples: streaming formats repeat an entity's
    # type and label in each document that names it, JSON cannot.
    rapper -q -i $syn -o ntriples "$TMP/out.$fmt" | LC_ALL=C sort -u > "$TMP/set.$fmt"
done
for fmt in turtle nquads rdfxml json; do
    if cmp -s "$TMP/set.$fmt" "$TMP/set.ntriples"; then
        pass "$fmt has the triples of ntriples"
    else
        fail "$fmt has the triples of ntriples" \
            "$(diff "$TMP/set.ntriples" "$TMP/set.$fmt" | head -5)"
    fi
done

# Deterministic, and extract is the default subcommand.
fg "$example" "$TMP/news.jsonl" > "$TMP/again.ttl"
if cmp -s "$TMP/out.turtle" "$TMP/again.ttl"; then pass "same input, same bytes"
else fail "same input, same bytes"; fi

# N-Quads: one named graph per document, named by the document IRI.
graphs=$(sed 's/.* <\([^>]*\)> \.$/\1/' "$TMP/out.nquads" | sort -u)
expect_eq "one graph per document" "$(printf '%s\n' "$graphs" | wc -l)" 4
expect_match "graph of document a" "$graphs" '^https://w3id.org/factgraph/data/a$'

nt="$TMP/out.ntriples"
doc_a='<https://w3id.org/factgraph/data/a>'
expect_match "document date from JSON Lines" "$(grep "^$doc_a <http://purl.org/dc/terms/date>" "$nt")" \
    '"2025-03-14"\^\^<http://www.w3.org/2001/XMLSchema#date>'
expect_match "document title" "$(grep "^$doc_a <http://purl.org/dc/terms/title>" "$nt")" '"Treffen"'
# NFD text: nif:isString is NFC, its end index in code points.
doc_b='<https://w3id.org/factgraph/data/b>'
expect_match "NFC context text" "$(grep "^$doc_b <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString>" "$nt")" \
    '"M\\u00FCller traf P\\u00FCtin.\\nZweite Zeile."'
expect_match "end index in code points" "$(grep "^$doc_b <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex>" "$nt")" \
    '"32"\^\^'
expect_match "hostile id percent-encoded" "$(cat "$nt")" \
    '<https://w3id.org/factgraph/data/c%20%22%3C%7B%7D%3E%22%20%F0%9F%98%80>'

# Options.
out=$(fg extract --format=ntriples --no-context-text "$TMP/news.jsonl")
if printf '%s' "$out" | grep -q 'nif-core#isString'; then fail "--no-context-text"
else pass "--no-context-text leaves nif:isString out"; fi
out=$(fg extract --format=ntriples --date=2024-02-29 --base=urn:x:news# "$TMP/news.jsonl")
expect_match "--date for documents without one" "$(printf '%s\n' "$out" | grep '^<urn:x:news#b> <http://purl.org/dc/terms/date>')" '"2024-02-29"'
expect_match "--date leaves dated documents" "$(printf '%s\n' "$out" | grep '^<urn:x:news#a> <http://purl.org/dc/terms/date>')" '"2025-03-14"'
fg extract --base=relative/ "$example" > "$TMP/out" 2> "$TMP/err"
expect_eq "bad --base: exit 2" $? 2
expect_eq "bad --base: no output" "$(wc -c < "$TMP/out")" 0
fg extract --format=n3 "$example" > /dev/null 2>&1; expect_eq "bad --format: exit 2" $? 2
fg extract --date=2023-02-29 "$example" > /dev/null 2>&1; expect_eq "bad --date: exit 2" $? 2

# --run-info: a prov:Activity in a graph of its own, with the data digest;
# without it, nothing about the run.
if grep -q 'prov#Activity' "$TMP/out.nquads"; then fail "no run information by default"
else pass "no run information by default"; fi
fg extract --format=nquads --run-info "$TMP/news.jsonl" > "$TMP/run.nq"
serdi -i nquads -o nquads "$TMP/run.nq" > /dev/null 2>&1 && pass "--run-info output parses" ||
    fail "--run-info output parses"
activity=$(grep '<http://www.w3.org/ns/prov#Activity>' "$TMP/run.nq")
expect_match "--run-info: an activity in its own graph" "$activity" \
    '^<(https://w3id.org/factgraph/data/run/[0-9a-f]{16})> [^ ]+ [^ ]+ <\1> \.$'
digest=$(sed -n 's/.*rulePackDigest> "\(xxh3-128:[0-9a-f]*\)".*/\1/p' "$TMP/run.nq")
expect_match "--run-info: the data digest" "$digest" '^xxh3-128:[0-9a-f]{32}$'
expect_match "--run-info: start time" "$(grep startedAtTime "$TMP/run.nq")" \
    '"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
# Other data, another digest: a word list, or a rule file.
mkdir -p "$TMP/data" && cp -r "$FACTGRAPH_DATADIR/rules" "$FACTGRAPH_DATADIR/ontologies" "$TMP/data/"
run_digest() {
    FACTGRAPH_DATADIR="$TMP/data" fg extract --format=nquads --run-info "$TMP/news.jsonl" |
        sed -n 's/.*rulePackDigest> "\(xxh3-128:[0-9a-f]*\)".*/\1/p'
}
expect_eq "a copy of the data, the same digest" "$(run_digest)" "$digest"
printf 'Bsp.\n' >> "$TMP/data/rules/tokeniser/abbreviations.txt"
other=$(run_digest)
if [ -n "$other" ] && [ "$other" != "$digest" ]; then pass "other word list, other digest"
else fail "other word list, other digest" "$digest / $other"; fi
printf '<!-- changed -->\n' >> "$TMP/data/rules/pack/common.xml"
third=$(run_digest)
if [ -n "$third" ] && [ "$third" != "$other" ]; then pass "other rule file, other digest"
else fail "other rule file, other digest" "$other / $third"; fi
fg extract --format=rdfxml --run-info "$TMP/news.jsonl" > "$TMP/run.rdf"
rapper -q -i rdfxml -c "$TMP/run.rdf" > /dev/null 2>&1 && pass "--run-info in RDF/XML parses" ||
    fail "--run-info in RDF/XML parses"

# NUL bytes and invalid UTF-8 in a text reach the RDF repaired.
printf 'Text mit NUL \000 und \377 kaputt.' > "$TMP/bad.txt"
fg extract --format=ntriples "$TMP/bad.txt" > "$TMP/bad.nt" 2> "$TMP/err"
expect_eq "NUL and invalid UTF-8: exit 0" $? 0
serdi -i ntriples -o ntriples "$TMP/bad.nt" > /dev/null 2>&1 &&
    pass "NUL and invalid UTF-8: serdi reads the output" ||
    fail "NUL and invalid UTF-8: serdi reads the output" "$(cat "$TMP/bad.nt")"
expect_match "NUL and invalid UTF-8: repaired text" "$(grep isString "$TMP/bad.nt")" \
    '"Text mit NUL   und \\uFFFD kaputt\."'

# A closed pipe: exit 1 and a message, whatever the format.
for i in $(seq 1 200); do cat "$example"; done > "$TMP/big.txt"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    printf '{"id": "d%s", "text": "Ein Satz."}\n' "$i"; done > "$TMP/many.jsonl"
status=$( { fg extract --format=ntriples "$TMP/big.txt" "$TMP/many.jsonl" "$example" \
    2> "$TMP/err"; echo $? > "$TMP/status"; } | head -c 10 > /dev/null; cat "$TMP/status")
expect_eq "extract into a closed pipe: exit 1" "$status" 1
expect_match "extract into a closed pipe: message" "$(cat "$TMP/err")" "write error: Broken pipe"

# -o writes the same bytes; a full disk is exit 1.
fg -o "$TMP/o.ttl" "$example" "$TMP/news.jsonl"
if cmp -s "$TMP/o.ttl" "$TMP/out.turtle"; then pass "-o FILE"; else fail "-o FILE"; fi
fg --format=rdfxml -o /dev/full "$example" 2> "$TMP/err"
expect_eq "rdfxml to /dev/full: exit 1" $? 1
done_testing
