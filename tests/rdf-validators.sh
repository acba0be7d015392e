#!/bin/sh
# The RDF that factgraph writes, for fact graphs built by hand in
# tests/unit/test_rdf.c (a meeting, decomposed text, hostile names), read
# back by three independent readers: serdi (the strict gate), rapper and
# rdflib. Every format must parse and give the same number of triples.
. "$top_srcdir/tests/lib.sh"
for tool in serdi rapper /usr/bin/python3; do
    command -v "$tool" > /dev/null || { echo "$tool missing: skipped"; exit 77; }
done
/usr/bin/python3 -c 'import rdflib' 2> /dev/null || { echo "rdflib missing: skipped"; exit 77; }

FG_RDF_DUMP_DIR="$TMP" "$top_builddir/tests/unit/test_rdf" > "$TMP/unit.log" 2>&1 ||
    fail "test_rdf writes the dumps" "$(tail -n 20 "$TMP/unit.log")"

# serdi: Turtle, N-Triples, N-Quads.
for f in "$TMP"/*.ttl "$TMP"/*.nt "$TMP"/*.nq; do
    case $f in *.ttl) syn=turtle;; *.nt) syn=ntriples;; *.nq) syn=nquads;; esac
    if serdi -i $syn -o ntriples "$f" > "$TMP/serdi.out" 2> "$TMP/serdi.err"; then
        pass "serdi reads $(basename "$f")"
    else
        fail "serdi reads $(basename "$f")" "$(cat "$TMP/serdi.err")"
    fi
done

# rapper: every format, counting triples; no warnings allowed.
for f in "$TMP"/*.ttl "$TMP"/*.nt "$TMP"/*.nq "$TMP"/*.rdf "$TMP"/*.json; do
    case $f in *.ttl) syn=turtle;; *.nt) syn=ntriples;; *.nq) syn=nquads;;
               *.rdf) syn=rdfxml;; *.json) syn=json;; esac
    if rapper -i $syn -c "$f" > "$TMP/rapper.out" 2>&1 &&
       ! grep -qiE 'warning|error' "$TMP/rapper.out"; then
        pass "rapper reads $(basename "$f")"
    else
        fail "rapper reads $(basename "$f")" "$(cat "$TMP/rapper.out")"
    fi
    sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' "$TMP/rapper.out" \
        > "$TMP/$(basename "$f").count"
done

# rdflib: Turtle, N-Triples, N-Quads, RDF/XML; the same triple count as
# the N-Triples everywhere, and the same graph (isomorphic).
cat > "$TMP/check.py" <<'PY'
import sys, warnings
import rdflib
from rdflib.compare import isomorphic
warnings.simplefilter("error")
base = sys.argv[1]
ref = rdflib.Graph()
ref.parse(base + ".nt", format="nt")
for ext, fmt in ((".ttl", "turtle"), (".rdf", "xml")):
    g = rdflib.Graph()
    g.parse(base + ext, format=fmt)
    if len(g) != len(ref) or not isomorphic(g, ref):
        sys.exit("%s%s: %d triples, not the graph of the N-Triples (%d)"
                 % (base, ext, len(g), len(ref)))
ds = rdflib.Dataset()
ds.parse(base + ".nq", format="nquads")
quads = list(ds.quads((None, None, None, None)))
if len(quads) != len(ref):
    sys.exit("%s.nq: %d quads, want %d" % (base, len(quads), len(ref)))
graphs = {str(q[3]) for q in quads}
if len(graphs) != 1:
    sys.exit("%s.nq: %d named graphs, want 1" % (base, len(graphs)))
print(len(ref))
PY
for base in meeting hostile; do
    if out=$(/usr/bin/python3 "$TMP/check.py" "$TMP/$base" 2>&1); then
        pass "rdflib reads $base in every format: $out triples"
    else
        fail "rdflib reads $base in every format" "$out"
    fi
    expect_eq "rapper counts the same triples in $base.ttl and $base.nt" \
        "$(cat "$TMP/$base.ttl.count")" "$(cat "$TMP/$base.nt.count")"
    expect_eq "rapper counts the same triples in $base.rdf and $base.json" \
        "$(cat "$TMP/$base.rdf.count")" "$(cat "$TMP/$base.json.count")"
done
done_testing
