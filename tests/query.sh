#!/bin/sh
# factgraph query: SPARQL over the example article, as text and as dumps
# (the same answers), each result format well-formed per SPARQL 1.1,
# ASK, CONSTRUCT, aggregates over no match, the predeclared prefixes and
# a query's own, syntax errors with LINE:COL, bad inputs, and a table
# aligned by display width.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 77; }

# The number in the first data cell of a one-column CSV result.
csv_value() { sed -n '2p' | tr -d '\r'; }

# --- From the text, extracted on the fly ----------------------------
Q_STATEMENTS='SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dpo:Statement }'
n=$(fg query --format=csv -e "$Q_STATEMENTS" "$example" 2> "$TMP/err" | csv_value)
expect_eq "text: nothing on stderr" "$(cat "$TMP/err")" ""
if [ "${n:-0}" -ge 3 ]; then pass "text: at least 3 dpo:Statement events ($n)"
else fail "text: at least 3 dpo:Statement events" "got '$n'"; fi

Q_OFFICES='SELECT ?name ?office WHERE {
  ?p a dpo:Person ; rdfs:label ?name ; dpo:holdsOffice ?o .
  ?o rdfs:label ?office } ORDER BY ?name ?office'
fg query --format=csv -e "$Q_OFFICES" "$example" > "$TMP/offices.csv"
expect_eq "text: query exit 0" $? 0
expect_match "text: persons with offices include John Healey" \
    "$(cat "$TMP/offices.csv")" '^John Healey,Verteidigungsminister'
expect_match "text: and Kaja Kallas" "$(cat "$TMP/offices.csv")" '^Kaja Kallas,'

# --- The same answers from dumps that extract wrote -----------------
fg extract "$example" > "$TMP/dump.ttl"
fg extract --format=ntriples "$example" > "$TMP/dump.nt"
fg extract --format=nquads "$example" > "$TMP/dump.nq"
for f in dump.ttl dump.nt dump.nq; do
    fg query --format=csv -e "$Q_OFFICES" "$TMP/$f" > "$TMP/from-$f.csv" 2> "$TMP/err"
    expect_eq "$f: exit 0" $? 0
    if cmp -s "$TMP/offices.csv" "$TMP/from-$f.csv"; then pass "$f: the same answers as the text"
    else fail "$f: the same answers as the text" "$(diff "$TMP/offices.csv" "$TMP/from-$f.csv")"; fi
done
m=$(fg query --format=csv -e "$Q_STATEMENTS" "$TMP/dump.nt" | csv_value)
expect_eq "dump: the same COUNT as the text" "$m" "$n"
# A graph is a set: the same statements twice count once.
m=$(fg query --format=csv -e "$Q_STATEMENTS" "$TMP/dump.nt" "$TMP/dump.ttl" "$example" | csv_value)
expect_eq "the same statements from three inputs count once" "$m" "$n"
m=$(fg query --format=csv --input-format=turtle -e "$Q_STATEMENTS" < "$TMP/dump.ttl" | csv_value)
expect_eq "a dump on standard input (--input-format=turtle)" "$m" "$n"

# Every prefix that extract's Turtle declares is predeclared, the same.
grep '^@prefix' "$TMP/dump.ttl" | while read -r _ p iri _; do
    want=$(printf '%s' "$iri" | sed 's/^<//; s/>$//')x
    got=$(fg query --format=csv --input-format=ntriples \
          -e "SELECT ?x WHERE { BIND($p""x AS ?x) }" /dev/null | csv_value)
    [ "$got" = "$want" ] || echo "$p $got != $want"
done > "$TMP/prefixes"
expect_eq "every @prefix of extract's output is predeclared" "$(cat "$TMP/prefixes")" ""

# --- Formats ---------------------------------------------------------
cat > "$TMP/w.ttl" <<'EOF'
@prefix ex: <http://example.org/> .
ex:a ex:name "Müller"@de ; ex:n 1 .
ex:b ex:name "東京都" ; ex:n 22 .
ex:c ex:name "😀😀 ok" ; ex:n 333 .
ex:d ex:name "tab\there, \"quoted\"\nnext line" .
EOF
QW='PREFIX ex: <http://example.org/>
SELECT ?name ?s ?n WHERE { ?s ex:name ?name OPTIONAL { ?s ex:n ?n } } ORDER BY ?s'
fg query -e "$QW" "$TMP/w.ttl" > "$TMP/w.table"
expect_eq "table: exit 0" $? 0
expect_eq "table: header, rule, rows" "$(sed -n '1p;2p' "$TMP/w.table" | sed 's/ *$//')" \
"name                            s     n
------------------------------  ----  ---"
expect_match "table: IRIs shortened with the query's prefixes" "$(cat "$TMP/w.table")" '  ex:a  '
expect_match "table: control characters escaped" "$(cat "$TMP/w.table")" 'tab\\there, "quoted"\\nnext line'
# The second column starts at the same terminal column on every line:
# display width, umlauts 1, CJK and emoji 2.
python3 - "$TMP/w.table" > "$TMP/cols" <<'EOF'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    cut = line.index("  ") if "  " in line else len(line)
    rest = line[cut:]
    print(width(line[:cut]) + len(rest) - len(rest.lstrip(" ")))
EOF
expect_eq "table: columns aligned by display width" "$(sort -u "$TMP/cols")" 32

fg query --format=csv -e "$QW" "$TMP/w.ttl" > "$TMP/w.csv"
python3 - "$TMP/w.csv" > "$TMP/check" <<'EOF'
import csv, sys
raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "ends in CRLF"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["name", "s", "n"], rows[0]
assert all(len(r) == 3 for r in rows), rows
assert rows[1] == ["Müller", "http://example.org/a", "1"], rows[1]
assert rows[4] == ['tab\there, "quoted"\nnext line', "http://example.org/d", ""], rows[4]
print("ok")
EOF
expect_eq "csv: RFC 4180, CRLF, lexical forms, unbound empty" "$(cat "$TMP/check")" ok

fg query --format=tsv -e "$QW" "$TMP/w.ttl" > "$TMP/w.tsv"
expect_eq "tsv: header of ?variables" "$(head -n 1 "$TMP/w.tsv")" "$(printf '?name\t?s\t?n')"
expect_eq "tsv: one line per row, two tabs each" \
    "$(awk -F'\t' '{ print NF }' "$TMP/w.tsv" | sort -u)" 3
expect_eq "tsv: terms in Turtle syntax" "$(sed -n '2p;3p;5p' "$TMP/w.tsv")" \
"$(printf '"Müller"@de\t<http://example.org/a>\t1\n"東京都"\t<http://example.org/b>\t22\n"tab\\there, \\"quoted\\"\\nnext line"\t<http://example.org/d>\t')"

fg query --format=json -e "$QW" "$TMP/w.ttl" > "$TMP/w.json"
if python3 -m json.tool "$TMP/w.json" > /dev/null 2>&1; then pass "json: well-formed"
else fail "json: well-formed" "$(cat "$TMP/w.json")"; fi
python3 - "$TMP/w.json" > "$TMP/check" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["head"]["vars"] == ["name", "s", "n"]
b = r["results"]["bindings"]
assert len(b) == 4
assert b[0]["name"] == {"type": "literal", "value": "Müller", "xml:lang": "de"}, b[0]
assert b[0]["s"] == {"type": "uri", "value": "http://example.org/a"}
assert b[0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
assert b[2]["name"]["value"] == "😀😀 ok"
assert "n" not in b[3], "unbound is left out"
print("ok")
EOF
expect_eq "json: SPARQL 1.1 JSON results" "$(cat "$TMP/check")" ok

# --- ASK, CONSTRUCT, aggregates over nothing ------------------------
expect_eq "ASK true" "$(fg query -e 'ASK { ?e a dpo:Statement }' "$TMP/dump.nt")" true
expect_eq "ASK false" "$(fg query -e 'ASK { ?e a dpo:Nothing }' "$TMP/dump.nt")" false
out=$(fg query --format=json -e 'ASK { ?e a dpo:Statement }' "$TMP/dump.nt" |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["boolean"])')
expect_eq "ASK json: the SPARQL JSON boolean" "$out" True

Q_CONSTRUCT='CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a dpo:Person ; rdfs:label ?name }'
fg query -e "$Q_CONSTRUCT" "$TMP/dump.ttl" > "$TMP/c.nt"
expect_eq "CONSTRUCT: exit 0" $? 0
if serdi -i ntriples -o ntriples "$TMP/c.nt" > /dev/null 2> "$TMP/err"; then pass "CONSTRUCT: N-Triples that serdi reads"
else fail "CONSTRUCT: N-Triples that serdi reads" "$(cat "$TMP/err")"; fi
expect_match "CONSTRUCT: the persons' labels" "$(cat "$TMP/c.nt")" \
    '/entity/Person/John_Healey> <http://www.w3.org/2000/01/rdf-schema#label> "John Healey"@de \.$'
fg query --format=turtle -e "$Q_CONSTRUCT" "$TMP/dump.ttl" > "$TMP/c.ttl"
if serdi -i turtle -o ntriples "$TMP/c.ttl" | sort > "$TMP/c2.nt" && sort "$TMP/c.nt" | cmp -s - "$TMP/c2.nt"
then pass "CONSTRUCT --format=turtle: the same statements"
else fail "CONSTRUCT --format=turtle: the same statements" "$(cat "$TMP/c.ttl")"; fi

# DESCRIBE (which Rasqal leaves empty): the statements about the
# resources, and about the blank nodes they lead to.
fg query -e 'DESCRIBE ?p WHERE { ?p rdfs:label "John Healey"@de }' "$TMP/dump.ttl" > "$TMP/d.nt"
expect_eq "DESCRIBE: exit 0" $? 0
expect_eq "DESCRIBE: only statements about the resource" \
    "$(cut -d' ' -f1 "$TMP/d.nt" | sort -u | sed 's|.*/entity/|entity/|')" "entity/Person/John_Healey>"
expect_match "DESCRIBE: its office" "$(cat "$TMP/d.nt")" 'dpo#holdsOffice> <[^>]*/entity/Office/Verteidigungsminister> \.$'
printf '@prefix ex: <http://example.org/> .\nex:a ex:p [ ex:q [ ex:r "deep" ] ] ; ex:s ex:b .\nex:b ex:t "other" .\n' > "$TMP/bn.ttl"
fg query -e 'DESCRIBE <http://example.org/a>' "$TMP/bn.ttl" > "$TMP/d.nt"
expect_eq "DESCRIBE an IRI: its statements and its blank nodes', not ex:b's" \
    "$(grep -c . "$TMP/d.nt") $(grep -c '"deep"' "$TMP/d.nt") $(grep -c '"other"' "$TMP/d.nt")" "4 1 0"

Q_NONE='SELECT (COUNT(?e) AS ?n) WHERE { ?e a dpo:Nothing }'
expect_eq "COUNT over no match: one row, 0" "$(fg query -e "$Q_NONE" "$TMP/dump.nt")" "n
-
0"
expect_eq "COUNT over no match, csv" "$(fg query --format=csv -e "$Q_NONE" "$TMP/dump.nt" | tr -d '\r')" "n
0"
expect_eq "COUNT over no match, tsv: also SUM and GROUP_CONCAT" \
    "$(fg query --format=tsv -e 'SELECT (COUNT(*) AS ?n) (SUM(?x) AS ?s) (GROUP_CONCAT(?x) AS ?g) WHERE { ?x a dpo:Nothing }' "$TMP/dump.nt")" \
    "$(printf '?n\t?s\t?g\n0\t0\t""')"
expect_eq "COUNT with LIMIT 0: no row" "$(fg query --format=csv -e "$Q_NONE LIMIT 0" "$TMP/dump.nt" | tr -d '\r')" n

: > "$TMP/empty.nt"
fg query -e 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }' "$TMP/empty.nt" > "$TMP/out" 2> "$TMP/err"
expect_eq "a query over nothing: exit 0" $? 0
expect_eq "a query over nothing: the empty result" "$(cat "$TMP/out")" "s  p  o
-  -  -"

# --- Prefixes: a query's own wins ----------------------------------
expect_eq "PREFIX of the query overrides the predeclared one" \
    "$(fg query --format=csv -e 'PREFIX dpo: <http://example.org/other#> SELECT (COUNT(*) AS ?n) WHERE { ?e a dpo:Statement }' "$TMP/dump.nt" | csv_value)" 0
expect_eq "prefix names are case-sensitive, PREFIX is not" \
    "$(fg query --format=csv -e 'prefix d: <https://w3id.org/factgraph/dpo#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a d:Statement }' "$TMP/dump.nt" | csv_value)" "$n"

# --- Bad queries: LINE:COL, exit 2, no output ------------------------
fg query -e 'SELECT ?x WHERE { ?x ?y }' "$TMP/dump.nt" > "$TMP/out" 2> "$TMP/err"
expect_eq "syntax error: exit 2" $? 2
expect_eq "syntax error: no output" "$(cat "$TMP/out")" ""
expect_eq "syntax error: -e:LINE:COL" "$(cat "$TMP/err")" "-e:1:25: error: syntax error, unexpected '}'"
printf 'SELECT ?x\nWHERE {\n  ?x dpo:agent ?y .\n  FILTER (?y = ) }\n' > "$TMP/bad.rq"
fg query -f "$TMP/bad.rq" "$TMP/dump.nt" > /dev/null 2> "$TMP/err"
expect_eq "syntax error in a file: exit 2" $? 2
expect_eq "syntax error in a file: FILE:LINE:COL" "$(sed "s|$TMP/||" "$TMP/err")" \
    "bad.rq:4:16: error: syntax error, unexpected ')'"
fg query -e 'SELECT ?x WHERE {
  ?x foo:bar ?y }' "$TMP/dump.nt" > /dev/null 2> "$TMP/err"
expect_eq "an undeclared prefix: where it is" "$(cat "$TMP/err")" \
    '-e:2:6: error: The namespace prefix in "foo:bar" was not declared.'
fg query -e 'SELECT ?x WHERE { ?x ?y ?z' "$TMP/dump.nt" > /dev/null 2> "$TMP/err"
expect_match "the query ends too early: said so" "$(cat "$TMP/err")" \
    "^-e:1:27: error: syntax error, unexpected end of query"
fg query -e 'SELECT ?x FROM <http://example.org/> WHERE { ?x ?y ?z }' "$TMP/dump.nt" > /dev/null 2> "$TMP/err"
expect_eq "FROM is refused: exit 2" $? 2
expect_eq "FROM is refused: where" "$(cat "$TMP/err")" "-e:1:11: error: FROM is not supported: the data are the inputs"
fg query --format=csv -e "$Q_CONSTRUCT" "$TMP/dump.nt" > /dev/null 2>&1
expect_eq "CONSTRUCT --format=csv: exit 2" $? 2
fg query "$TMP/dump.nt" > /dev/null 2>&1
expect_eq "no query: exit 2" $? 2

# --- Bad inputs: named, exit 1, the others still count ---------------
fg query --format=csv -e "$Q_STATEMENTS" "$TMP/missing.nt" "$TMP/dump.nt" > "$TMP/out" 2> "$TMP/err"
expect_eq "a missing input: exit 1" $? 1
expect_match "a missing input: named" "$(cat "$TMP/err")" 'missing.nt: error: cannot read'
expect_eq "a missing input: the others still count" "$(csv_value < "$TMP/out")" "$n"
{ head -n 3 "$TMP/dump.nt"; printf '<http://example.org/a> a dpo:Statement "no dot"\n'; } > "$TMP/broken.nt"
fg query --format=csv -e "$Q_STATEMENTS" "$TMP/broken.nt" "$TMP/dump.ttl" > "$TMP/out" 2> "$TMP/err"
expect_eq "a malformed dump: exit 1" $? 1
expect_match "a malformed dump: named with its line" "$(cat "$TMP/err")" 'broken.nt:4: error:'
expect_eq "a malformed dump: the others still count" "$(csv_value < "$TMP/out")" "$n"
fg query --format=csv -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' "$TMP/broken.nt" > "$TMP/out" 2> /dev/null
expect_eq "a malformed dump: none of its statements" "$(csv_value < "$TMP/out")" 0

{ head -n 2 "$TMP/dump.nq"; printf '<http://example.org/a> <http://example.org/b> "c" <http://example.org/g1> <http://example.org/g2> .\n'; } > "$TMP/broken.nq"
fg query -e 'ASK { ?s ?p ?o }' "$TMP/broken.nq" > /dev/null 2> "$TMP/err"
expect_match "a malformed N-Quads dump: named with its line" "$(cat "$TMP/err")" 'broken.nq:3: error:'

fg query -o "$TMP/answer.csv" --format=csv -e "$Q_STATEMENTS" "$TMP/dump.nt"
expect_eq "-o FILE" "$(csv_value < "$TMP/answer.csv")" "$n"
done_testing
