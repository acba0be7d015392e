#!/bin/sh
# A real round trip through triple stores. A Virtuoso server is started on
# loopback, on free ports, with a database in a temporary folder; the
# example article's fact graph (built by hand in test_rdf until the rules
# exist) is loaded as N-Quads and as Turtle, and so is the corpus sample's
# output when FACTGRAPH_CORPUS is set; the triples per graph are counted and
# a query asks for the meeting in Brussels and its agent, through isql and
# through the HTTP SPARQL endpoint. Loading a document's N-Quads again,
# with or without clearing its graph first, leaves its count unchanged.
# The same Turtle loads into Redland (rdfproc, Berkeley DB hashes) and
# answers the same query. The server is stopped at the end, whatever
# happens. isql-vt and rdfproc exit 0 after errors: their output is read.
. "$top_srcdir/tests/lib.sh"
for tool in virtuoso-t isql-vt curl rdfproc serdi ss; do
    command -v $tool > /dev/null || { echo "$tool missing: skipped"; exit 77; }
done

db="$TMP/virtuoso"
mkdir -p "$db"
free_port() {
    while :; do
        p=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000 ))
        ss -ltnH "sport = :$p" | grep -q . || { echo $p; return; }
    done
}
port=$(free_port)
http=$(free_port)
[ "$http" = "$port" ] && http=$((port + 1))
cat > "$db/virtuoso.ini" <<INI
[Database]
DatabaseFile = $db/db.db
ErrorLogFile = $db/db.log
LockFile = $db/db.lck
TransactionFile = $db/db.trx
xa_persistent_file = $db/db.pxa
[TempDatabase]
DatabaseFile = $db/temp.db
TransactionFile = $db/temp.trx
[Parameters]
ServerPort = 127.0.0.1:$port
DisableUnixSocket = 1
DirsAllowed = ., $db
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $db
[SPARQL]
ResultSetMaxRows = 1000000
INI

virtuoso-t +configfile "$db/virtuoso.ini" +foreground > "$db/stdout" 2>&1 &
vpid=$!
stop() {
    kill "$vpid" 2> /dev/null
    for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$vpid" 2> /dev/null || break; sleep 1; done
    kill -9 "$vpid" 2> /dev/null
    rm -rf "$TMP"
}
trap stop EXIT

isql() { isql-vt "127.0.0.1:$port" dba dba 2>&1; }
# Wait until the server answers (a fresh database takes a few seconds).
up=0
for i in $(seq 1 60); do
    if echo "SELECT 1;" | isql | grep -q '^1$'; then up=1; break; fi
    kill -0 "$vpid" 2> /dev/null || break
    sleep 1
done
[ $up = 1 ] || { fail "Virtuoso starts" "$(tail -n 20 "$db/db.log" "$db/stdout")"; done_testing; exit 1; }
pass "Virtuoso answers on 127.0.0.1:$port"

# The dumps: the example article as N-Quads, Turtle and N-Triples.
FG_RDF_DUMP_DIR="$db" "$top_builddir/tests/unit/test_rdf" > "$TMP/unit.log" 2>&1 ||
    fail "test_rdf writes the example dumps" "$(tail -n 20 "$TMP/unit.log")"
doc='https://w3id.org/factgraph/data/koalition-der-willigen'
triples=$(serdi -i nquads -o nquads "$db/example.nq" | sort -u | wc -l)

count() { # count GRAPH
    printf 'SPARQL SELECT COUNT(*) FROM <%s> WHERE { ?s ?p ?o };\n' "$1" | isql |
        sed -n 's/^\([0-9][0-9]*\)$/\1/p' | head -n 1
}
load() { # load FILE GRAPH FLAGS; prints isql's errors
    printf "DB.DBA.TTLP(file_to_string_output('%s'), '', '%s', %s);\n" "$1" "$2" "$3" |
        isql | grep -i 'error' || true
}

err=$(load "$db/example.nq" 'urn:factgraph:unused' 512)
expect_eq "N-Quads load without errors" "$err" ""
expect_eq "the document's graph holds every triple" "$(count "$doc")" "$triples"
err=$(load "$db/example.ttl" 'urn:factgraph:turtle' 0)
expect_eq "Turtle load without errors" "$err" ""
expect_eq "the Turtle holds the same triples" "$(count urn:factgraph:turtle)" "$triples"

Q='PREFIX dpo: <https://w3id.org/factgraph/dpo#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?agent WHERE { GRAPH <'"$doc"'> {
  ?e a dpo:Meeting ; dpo:location ?l ; dpo:agent ?a .
  ?l rdfs:label "Brüssel"@de . ?a rdfs:label ?agent } }'
out=$(printf 'SPARQL %s;\n' "$(printf '%s' "$Q" | tr '\n' ' ')" | isql)
expect_match "isql: the meeting in Brussels and its agent" "$out" '^"?Koalition der Willigen"?$'
out=$(curl -sS -G "http://127.0.0.1:$http/sparql" -H 'Accept: text/csv' \
    --data-urlencode "query=$Q")
expect_match "HTTP /sparql: the meeting in Brussels and its agent" "$out" \
    '^"Koalition der Willigen"'

# Loading again adds nothing; so does replacing the graph.
load "$db/example.nq" 'urn:factgraph:unused' 512 > /dev/null
expect_eq "loading the N-Quads again: same count" "$(count "$doc")" "$triples"
printf 'SPARQL CLEAR GRAPH <%s>;\n' "$doc" | isql > /dev/null
expect_eq "cleared graph is empty" "$(count "$doc")" 0
load "$db/example.nq" 'urn:factgraph:unused' 512 > /dev/null
expect_eq "replacing the graph: same count" "$(count "$doc")" "$triples"

# The corpus sample, as factgraph extract writes it: one graph per document.
if [ -n "${FACTGRAPH_CORPUS:-}" ]; then
    "$FACTGRAPH" extract --format=nquads "$FACTGRAPH_CORPUS/news-de-sample.jsonl" \
        > "$db/sample.nq"
    err=$(load "$db/sample.nq" 'urn:factgraph:unused' 512)
    expect_eq "corpus sample loads without errors" "$err" ""
    graphs=$(printf '%s\n' "SPARQL SELECT COUNT(DISTINCT ?g) WHERE { GRAPH ?g { ?d a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context> } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/factgraph/data/') && ?g != <$doc>) };" |
        isql | sed -n 's/^\([0-9][0-9]*\)$/\1/p' | head -n 1)
    expect_eq "200 documents, 200 graphs" "$graphs" 200
    want=$(serdi -i nquads -o nquads "$db/sample.nq" | sort -u | wc -l)
    got=$(printf '%s\n' "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/factgraph/data/') && ?g != <$doc>) };" |
        isql | sed -n 's/^\([0-9][0-9]*\)$/\1/p' | head -n 1)
    expect_eq "every triple of the sample is stored" "$got" "$want"
fi

# Stop the server; nothing is left running.
echo "shutdown;" | isql > /dev/null
for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$vpid" 2> /dev/null || break; sleep 1; done
if kill -0 "$vpid" 2> /dev/null; then fail "Virtuoso stops"; else pass "Virtuoso stops"; fi

# Redland with Berkeley DB hashes: the Turtle loads and answers the query.
store="hash-type='bdb',dir='$TMP/redland'"
mkdir -p "$TMP/redland"
out=$(rdfproc -q -n -s hashes -t "$store" fg parse "$db/example.ttl" turtle 2>&1)
expect_eq "Redland parses the Turtle without messages" "$out" ""
n=$(rdfproc -q -s hashes -t "$store" fg serialize ntriples 2> /dev/null | grep -c ' \.$')
expect_eq "Redland holds every triple" "$n" "$triples"
Q2=$(printf '%s' "$Q" | sed "s|GRAPH <$doc> {||; s|} }$|}|")
out=$(rdfproc -q -s hashes -t "$store" fg query sparql - "$Q2" 2>&1)
expect_match "Redland: the meeting in Brussels and its agent" "$out" 'agent="Koalition der Willigen"'
done_testing
